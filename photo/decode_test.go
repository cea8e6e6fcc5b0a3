package photo

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/color"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

func TestDecodeFormats(t *testing.T) {
	src := scene(40, 30, 3)
	lossless, err := os.ReadFile("testdata/tiny-lossless.webp")
	if err != nil {
		t.Fatal(err)
	}
	lossy, err := os.ReadFile("testdata/tiny-lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		data   []byte
		format string
		w, h   int
	}{
		{"jpeg", MustJPEG(t, src, 90), "jpeg", 40, 30},
		{"png", MustPNG(t, src), "png", 40, 30},
		{"gif", MustGIF(t, src), "gif", 40, 30},
		{"webp lossless (VP8L)", lossless, "webp", 16, 16},
		{"webp lossy (VP8)", lossy, "webp", 16, 16},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			img, info, err := Decode(tc.data, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(tc.data)
			want := Info{Format: tc.format, Width: tc.w, Height: tc.h, SHA256: hex.EncodeToString(sum[:])}
			if info != want {
				t.Errorf("info = %+v, want %+v", info, want)
			}
			if img.Bounds().Dx() != tc.w || img.Bounds().Dy() != tc.h {
				t.Errorf("bounds %v, want %dx%d", img.Bounds(), tc.w, tc.h)
			}
			h, err := HashBytes(tc.data, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if h.SHA256 != want.SHA256 || h.Format != tc.format || h.Width != tc.w || h.Height != tc.h {
				t.Errorf("HashBytes = %+v, want info %+v", h, want)
			}
			got, err := Hash(img)
			if err != nil || got.PHash != h.PHash || got.DHash != h.DHash || got.PDQ != h.PDQ || got.PDQQuality != h.PDQQuality {
				t.Errorf("Hash = %+v %v, HashBytes = %+v", got, err, h)
			}
		})
	}
}

func TestDecodeRefusesOtherFormats(t *testing.T) {
	cases := []struct {
		name, data, detected string
	}{
		{"svg", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "svg"},
		{"html", "<!DOCTYPE html><html><body>not found</body></html>", "html"},
		{"bmp", "BM\x3e\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00", "bmp"},
		{"tiff", "II*\x00\x08\x00\x00\x00", "tiff"},
		{"avif", "\x00\x00\x00\x1cftypavif\x00\x00\x00\x00", "avif"},
		{"heic", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "heic"},
		{"pdf", "%PDF-1.7\n", "pdf"},
		{"empty", "", "empty"},
		{"text", "hello, world", "text/plain; charset=utf-8"},
		{"riff wave", "RIFF\x24\x00\x00\x00WAVEfmt ", "riff (WAVE)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode([]byte(tc.data), DefaultLimits)
			if !errors.Is(err, ErrUnsupportedFormat) {
				t.Fatalf("err = %v, want ErrUnsupportedFormat", err)
			}
			if !strings.Contains(err.Error(), "detected "+tc.detected) || !strings.Contains(err.Error(), Accepted) {
				t.Errorf("error %q does not name %q and the accepted formats", err, tc.detected)
			}
			if got := Sniff([]byte(tc.data)); got != tc.detected {
				t.Errorf("Sniff = %q, want %q", got, tc.detected)
			}
		})
	}
}

func TestDecodeRefusesOverLimits(t *testing.T) {
	small := MustPNG(t, scene(100, 50, 1))
	cases := []struct {
		name string
		data []byte
		lim  Limits
		want error
		msg  string
	}{
		{"bytes", small, Limits{MaxBytes: int64(len(small)) - 1}, ErrTooLarge, "over the limit of"},
		{"width", small, Limits{MaxWidth: 99}, ErrTooLarge, "100x50 is over the limit of 99x12000"},
		{"height", small, Limits{MaxHeight: 49}, ErrTooLarge, "over the limit of 12000x49"},
		{"pixels", small, Limits{MaxPixels: 4999}, ErrTooLarge, "5000 pixels"},
		{"png bomb 50000x50000", pngHeader(50000, 50000), DefaultLimits, ErrTooLarge, "50000x50000"},
		{"png 8000x8000 over 40 Mpx", pngHeader(8000, 8000), DefaultLimits, ErrTooLarge, "64000000 pixels"},
		{"png zero width", pngHeader(0, 10), DefaultLimits, ErrCorrupt, ""},
		{"jpeg bomb 65000x65000", jpegWithSize(t, 65000, 65000), DefaultLimits, ErrTooLarge, "65000x65000"},
		{"gif bomb 65535x65535", gifWithSize(t, 65535, 65535), DefaultLimits, ErrTooLarge, "65535x65535"},
		{"truncated png", small[:len(small)/2], DefaultLimits, ErrCorrupt, "png"},
		{"corrupt jpeg", append([]byte{0xFF, 0xD8, 0xFF}, strings.Repeat("x", 100)...), DefaultLimits, ErrCorrupt, "jpeg"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			img, _, err := Decode(tc.data, tc.lim)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if img != nil {
				t.Error("an image was returned with the error")
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
		})
	}
}

// TestDecodeBombAllocatesLittle proves a header that declares a huge image
// is refused from the header alone: a 50000x50000 RGB PNG would need 7.5 GB.
func TestDecodeBombAllocatesLittle(t *testing.T) {
	bombs := map[string][]byte{
		"png":  pngHeader(50000, 50000),
		"jpeg": jpegWithSize(t, 65000, 65000),
		"gif":  gifWithSize(t, 65535, 65535),
	}
	for name, data := range bombs {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			const runs = 20
			for range runs {
				if _, _, err := Decode(data, DefaultLimits); !errors.Is(err, ErrTooLarge) {
					t.Fatalf("err = %v, want ErrTooLarge", err)
				}
			}
			runtime.ReadMemStats(&after)
			perRun := (after.TotalAlloc - before.TotalAlloc) / runs
			t.Logf("figure: %s bomb refused with %d bytes allocated per call", name, perRun)
			if perRun > 256<<10 {
				t.Errorf("refusing a %s bomb allocated %d bytes per call, want under 256 KiB", name, perRun)
			}
		})
	}
}

func TestDecodeRecoversPanics(t *testing.T) {
	table := []codec{{
		name:         "png",
		match:        isPNG,
		decodeConfig: func(io.Reader) (image.Config, error) { return image.Config{Width: 1, Height: 1}, nil },
		decode:       func(io.Reader) (image.Image, error) { panic("index out of range") },
	}}
	img, info, err := decode(pngHeader(1, 1), DefaultLimits, table)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "panicked: index out of range") {
		t.Fatalf("err = %v, want ErrCorrupt naming the panic", err)
	}
	if img != nil || info != (Info{}) {
		t.Errorf("got image %v and info %+v with the error", img, info)
	}
}

func TestDecodeChecksDecodedBounds(t *testing.T) {
	// A decoder whose header and pixels disagree must still be held to the limits.
	table := []codec{{
		name:         "png",
		match:        isPNG,
		decodeConfig: func(io.Reader) (image.Config, error) { return image.Config{Width: 1, Height: 1}, nil },
		decode: func(io.Reader) (image.Image, error) {
			return image.NewGray(image.Rect(0, 0, 200, 1)), nil
		},
	}}
	if _, _, err := decode(pngHeader(1, 1), Limits{MaxWidth: 100}, table); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestLimitsZeroFieldsTakeDefaults(t *testing.T) {
	if got := (Limits{}).withDefaults(); got != DefaultLimits {
		t.Errorf("zero Limits = %+v, want %+v", got, DefaultLimits)
	}
	got := Limits{MaxBytes: 10}.withDefaults()
	if got.MaxBytes != 10 || got.MaxPixels != DefaultLimits.MaxPixels {
		t.Errorf("partial Limits = %+v", got)
	}
	if s := DefaultLimits.String(); s != "at most 5242880 bytes and 12000x12000 (40000000 pixels)" {
		t.Errorf("String = %q", s)
	}
}

func TestHashErrors(t *testing.T) {
	if _, err := Hash(nil); err == nil {
		t.Error("Hash(nil) succeeded")
	}
	if _, err := Hash(image.NewRGBA(image.Rect(0, 0, 0, 0))); err == nil {
		t.Error("Hash(empty) succeeded")
	}
	// An image with bounds of a billion pixels a side (image.Uniform) is
	// refused before any buffer is sized by it.
	if _, err := Hash(image.NewUniform(color.Gray{Y: 90})); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Hash(uniform of infinite bounds): err = %v, want ErrTooLarge", err)
	}
}

func TestHashFlattensTransparency(t *testing.T) {
	// The same shapes on a transparent and on a white background hash alike.
	onWhite := scene(64, 64, 5)
	cut := image.NewNRGBA(onWhite.Bounds())
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			c := onWhite.RGBAAt(x, y)
			if c == onWhite.RGBAAt(0, 0) { // background
				continue // stays fully transparent
			}
			cut.Pix[cut.PixOffset(x, y)+0] = c.R
			cut.Pix[cut.PixOffset(x, y)+1] = c.G
			cut.Pix[cut.PixOffset(x, y)+2] = c.B
			cut.Pix[cut.PixOffset(x, y)+3] = 255
		}
	}
	white := image.NewRGBA(onWhite.Bounds())
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			c := onWhite.RGBAAt(x, y)
			if c == onWhite.RGBAAt(0, 0) {
				c.R, c.G, c.B = 255, 255, 255
			}
			white.SetRGBA(x, y, c)
		}
	}
	h1, err := Hash(cut)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := Hash(white)
	if err != nil {
		t.Fatal(err)
	}
	if d := Distance(h1.PHash, h2.PHash); d != 0 {
		t.Errorf("transparent vs white background: phash distance %d, want 0", d)
	}
	if d := h1.PDQ.Distance(h2.PDQ); d != 0 {
		t.Errorf("transparent vs white background: PDQ distance %d, want 0", d)
	}
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b uint64
		want int
	}{
		{0, 0, 0},
		{0, ^uint64(0), 64},
		{0b1011, 0b0001, 2},
		{1 << 63, 1, 2},
	}
	for _, tc := range cases {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%x, %x) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
