package jpeg

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	stdjpeg "image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stdLuma is image/jpeg's luma of data: the Y plane of a YCbCr image, the
// pixels of a gray one.
func stdLuma(t testing.TB, data []byte) (*image.Gray, bool) {
	t.Helper()
	img, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/jpeg: %v", err)
	}
	b := img.Bounds()
	out := image.NewGray(b)
	switch m := img.(type) {
	case *image.YCbCr:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			copy(out.Pix[out.PixOffset(b.Min.X, y):], m.Y[m.YOffset(b.Min.X, y):m.YOffset(b.Min.X, y)+b.Dx()])
		}
	case *image.Gray:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			copy(out.Pix[out.PixOffset(b.Min.X, y):], m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Min.X, y)+b.Dx()])
		}
	default:
		return nil, false
	}
	return out, true
}

// sameLuma fails unless got holds exactly want's pixels.
func sameLuma(t *testing.T, name string, got, want *image.Gray) {
	t.Helper()
	if got.Bounds() != want.Bounds() {
		t.Fatalf("%s: bounds %v, image/jpeg %v", name, got.Bounds(), want.Bounds())
	}
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if g, w := got.GrayAt(x, y).Y, want.GrayAt(x, y).Y; g != w {
				t.Fatalf("%s: luma at (%d, %d) is %d, image/jpeg's %d", name, x, y, g, w)
			}
		}
	}
}

// TestDecodeLumaIsImageJPEGs: for every JPEG of image/jpeg's own test set
// (baseline and progressive, every subsampling, restart intervals, gray)
// DecodeLuma gives image/jpeg's luma exactly; RGB and CMYK JPEGs are
// refused with ErrNotLuma. (The truncated progressive file decodes, as
// image/jpeg decodes it.)
func TestDecodeLumaIsImageJPEGs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.jpeg"))
	if err != nil || len(files) < 20 {
		t.Fatalf("%d test files (%v)", len(files), err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeLuma(bytes.NewReader(data), nil)
		switch {
		case strings.Contains(name, "rgb"), strings.Contains(name, "cmyk"):
			if !errors.Is(err, ErrNotLuma) {
				t.Errorf("%s: %v, want ErrNotLuma", name, err)
			}
			continue
		case err != nil:
			t.Fatalf("%s: %v", name, err)
		}
		want, ok := stdLuma(t, data)
		if !ok {
			t.Fatalf("%s: image/jpeg gives no luma plane", name)
		}
		sameLuma(t, name, got, want)
	}
}

// TestDecodeLumaGeneratedPhotos: photo-like images at sizes that are and
// are not multiples of the MCU, flat areas (blocks of DC alone), edges
// and noise, at low and high quality, come out as image/jpeg's, also
// when decoded into a reused buffer.
func TestDecodeLumaGeneratedPhotos(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf []byte
	for _, sz := range [][2]int{{400, 400}, {333, 251}, {17, 9}, {1, 1}, {640, 17}} {
		for _, q := range []int{10, 75, 100} {
			img := image.NewRGBA(image.Rect(0, 0, sz[0], sz[1]))
			for y := range sz[1] {
				for x := range sz[0] {
					c := color.RGBA{255, 255, 255, 255} // a white canvas
					if x > sz[0]/5 && y > sz[1]/6 && x < 4*sz[0]/5 {
						c = color.RGBA{uint8(x * 3), uint8(y * 5), uint8(rng.IntN(40) + 100), 255}
					}
					img.SetRGBA(x, y, c)
				}
			}
			var enc bytes.Buffer
			if err := stdjpeg.Encode(&enc, img, &stdjpeg.Options{Quality: q}); err != nil {
				t.Fatal(err)
			}
			got, err := DecodeLuma(bytes.NewReader(enc.Bytes()), buf)
			if err != nil {
				t.Fatalf("%v q%d: %v", sz, q, err)
			}
			want, _ := stdLuma(t, enc.Bytes())
			sameLuma(t, "generated", got, want)
			buf = got.Pix[:cap(got.Pix)]
		}
	}
}

// TestIDCTIsImageJPEGs: the pruned inverse DCT computes what the full one
// computes, for blocks with coefficients in the first row only, in the
// first rows, and everywhere.
func TestIDCTIsImageJPEGs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 20000 {
		var b block
		rows := 1 + n%8
		for i := range 8 * rows {
			if rng.IntN(3) == 0 || i == 0 {
				b[i] = int32(rng.IntN(2048) - 1024)
			}
		}
		if n%5 == 0 {
			b = block{}
			b[0] = int32(rng.IntN(4096) - 2048)
		}
		want := b
		idctRows(&want, 7)
		idctCols(&want)
		got := b
		idct(&got)
		if got != want {
			t.Fatalf("block %v: idct %v, the full transform %v", b, got, want)
		}
	}
}

// FuzzDecodeLuma: DecodeConfig and DecodeLuma never panic on hostile
// bytes; DecodeConfig reads image/jpeg's dimensions, and whatever
// DecodeLuma decodes is image/jpeg's luma.
func FuzzDecodeLuma(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.jpeg"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := stdjpeg.DecodeConfig(bytes.NewReader(data))
		own, ownErr := DecodeConfig(bytes.NewReader(data))
		if (err == nil) != (ownErr == nil) || err == nil && (own.Width != cfg.Width || own.Height != cfg.Height) {
			t.Fatalf("DecodeConfig %+v, %v; image/jpeg's %+v, %v", own, ownErr, cfg, err)
		}
		if err != nil || cfg.Width*cfg.Height > 1<<20 {
			return // photo.Decode checks the header first, with its limits
		}
		got, err := DecodeLuma(bytes.NewReader(data), nil)
		if err != nil {
			return
		}
		img, serr := stdjpeg.Decode(bytes.NewReader(data))
		if serr != nil {
			t.Fatalf("DecodeLuma decoded what image/jpeg refuses (%v)", serr)
		}
		if _, ok := img.(*image.YCbCr); !ok {
			if _, ok := img.(*image.Gray); !ok {
				t.Fatalf("DecodeLuma decoded a %T JPEG", img)
			}
		}
		want, _ := stdLuma(t, data)
		sameLuma(t, "fuzz", got, want)
	})
}

// boxMean is want reduced by s: each pixel the rounded mean of the s x s
// cell it stands for (cells cut short at the right and bottom edges are
// averaged over the pixels they have).
func boxMean(want *image.Gray, s int) *image.Gray {
	b := want.Bounds()
	out := image.NewGray(image.Rect(0, 0, (b.Dx()+s-1)/s, (b.Dy()+s-1)/s))
	for y := range out.Rect.Dy() {
		for x := range out.Rect.Dx() {
			sum, n := 0, 0
			for yy := y * s; yy < min((y+1)*s, b.Dy()); yy++ {
				for xx := x * s; xx < min((x+1)*s, b.Dx()); xx++ {
					sum += int(want.GrayAt(b.Min.X+xx, b.Min.Y+yy).Y)
					n++
				}
			}
			out.Pix[y*out.Stride+x] = uint8((sum + n/2) / n)
		}
	}
	return out
}

// clipped reports whether the s x s cell at (x0, y0) of g holds a pixel
// the full decode clipped to 0 or 255.
func clipped(g *image.Gray, x0, y0, s int) bool {
	for y := y0; y < y0+s; y++ {
		for x := x0; x < x0+s; x++ {
			if v := g.GrayAt(x, y).Y; v == 0 || v == 255 {
				return true
			}
		}
	}
	return false
}

// TestDecodeLumaScaled: a scaled decode is the full luma averaged over
// 2x2, 4x4 or 8x8 cells, the reduction chosen as the largest that keeps
// the shorter side at minSide or more, but never 1/2 (that decodes in
// full): at 1/4 and 1/8, computed from the coefficients, every whole cell
// is within one level of the mean. (Cells where the full decode clipped
// a pixel to 0 or 255 are left out: the coefficients average before
// clipping. Cells cut by the picture's edge also average the encoder's
// padding, so only whole cells are compared.)
func TestDecodeLumaScaled(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.jpeg"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	var buf []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, ok := stdLuma(t, data)
		if !ok || strings.Contains(f, "truncated") {
			continue
		}
		side := min(want.Rect.Dx(), want.Rect.Dy())
		for _, tc := range []struct{ minSide, scale int }{
			// 1/2 is never used: it decodes in full.
			{side, 1}, {side / 2, 1}, {side / 4, 4}, {side / 8, 8}, {1, 8},
		} {
			got, err := DecodeLumaScaled(bytes.NewReader(data), buf, tc.minSide)
			if err != nil {
				t.Fatalf("%s min side %d: %v", f, tc.minSide, err)
			}
			ref := boxMean(want, tc.scale)
			if got.Bounds() != ref.Bounds() {
				t.Fatalf("%s min side %d: bounds %v, want %v (1/%d)", f, tc.minSide, got.Bounds(), ref.Bounds(), tc.scale)
			}
			checked := 0
			for y := range want.Rect.Dy() / tc.scale { // whole cells only
				for x := range want.Rect.Dx() / tc.scale {
					if tc.scale > 1 && clipped(want, x*tc.scale, y*tc.scale, tc.scale) {
						continue
					}
					checked++
					tol := 1
					if tc.scale == 1 {
						tol = 0 // the full decode
					}
					if d := int(got.GrayAt(x, y).Y) - int(ref.GrayAt(x, y).Y); d > tol || d < -tol {
						t.Fatalf("%s 1/%d: pixel (%d, %d) is %d, the mean of its cell %d", f, tc.scale, x, y, got.GrayAt(x, y).Y, ref.GrayAt(x, y).Y)
					}
				}
			}
			if checked == 0 {
				t.Fatalf("%s 1/%d: no cell without clipped pixels to compare", f, tc.scale)
			}
			buf = got.Pix[:cap(got.Pix)]
		}
	}
}

// TestDecodeLumaDamagedIsImageJPEGs: JPEGs with bytes of their entropy-
// coded data changed (markers appearing mid-scan, stuffing broken, codes
// that decode to nonsense) or cut short decode as image/jpeg decodes them:
// both fail, or both give the same luma. The decoder reads the scan's
// bits ahead of image/jpeg (refill); it must not read them differently.
func TestDecodeLumaDamagedIsImageJPEGs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.jpeg"))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	damages := 60
	if testing.Short() {
		damages = 15 // the race detector's run
	}
	checked := 0
	for _, f := range files {
		name := filepath.Base(f)
		if strings.Contains(name, "rgb") || strings.Contains(name, "cmyk") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sos := bytes.Index(data, []byte{0xff, 0xda})
		if sos < 0 {
			t.Fatalf("%s: no scan", name)
		}
		for n := range damages {
			d := bytes.Clone(data)
			switch n % 3 {
			case 0: // a byte of the scans changed
				i := sos + 12 + rng.IntN(len(d)-sos-14)
				d[i] = []byte{0xff, 0x00, 0xd0, byte(rng.IntN(256))}[rng.IntN(4)]
			case 1: // a few bytes changed
				for range 4 {
					d[sos+12+rng.IntN(len(d)-sos-14)] = byte(rng.IntN(256))
				}
			case 2: // cut short
				d = d[:sos+12+rng.IntN(len(d)-sos-12)]
			}
			_, stdErr := stdjpeg.Decode(bytes.NewReader(d))
			got, err := DecodeLuma(bytes.NewReader(d), nil)
			if (err != nil) != (stdErr != nil) {
				t.Fatalf("%s damage %d: error %v, image/jpeg's %v", name, n, err, stdErr)
			}
			if err == nil {
				want, _ := stdLuma(t, d)
				sameLuma(t, fmt.Sprintf("%s damage %d", name, n), got, want)
				checked++
			}
		}
	}
	if checked < 2*damages {
		t.Errorf("only %d damaged files decoded: the test compares too little", checked)
	}
}
