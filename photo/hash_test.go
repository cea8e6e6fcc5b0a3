package photo

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"testing"

	xdraw "golang.org/x/image/draw"

	fastjpeg "github.com/shadowscan/shadowscan/photo/internal/jpeg"
)

func TestHashRobustToEdits(t *testing.T) {
	orig := scene(320, 240, 7)
	h0, err := Hash(orig)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		img  image.Image
	}{
		{"resize to 50%", resized(orig, 160, 120)},
		{"thumbnail 100x75", resized(orig, 100, 75)},
		{"upscale 150%", resized(orig, 480, 360)},
		{"jpeg quality 30", MustDecode(t, MustJPEG(t, orig, 30))},
		{"jpeg quality 75 after resize", MustDecode(t, MustJPEG(t, resized(orig, 200, 150), 75))},
		{"5% white border", bordered(orig, 0.05)},
		{"small watermark 12%x6%", watermarked(orig, 0.12, 0.06)},
		{"padded to a white square", squared(orig, color.White)},
		{"padded to a black square", squared(orig, color.Black)},
		{"20% white border then jpeg", MustDecode(t, MustJPEG(t, bordered(orig, 0.2), 70))},
		{"gif palette", MustDecode(t, MustGIF(t, orig))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, err := Hash(tc.img)
			if err != nil {
				t.Fatal(err)
			}
			pd, dd := Distance(h0.PHash, h.PHash), Distance(h0.DHash, h.DHash)
			t.Logf("phash distance %d, dhash distance %d", pd, dd)
			if pd > 10 {
				t.Errorf("phash distance %d > 10 for a near-duplicate", pd)
			}
		})
	}
	// A larger, high-contrast logo is past what pHash alone tolerates; log
	// the figure so a change in the hash shows up in the test output.
	if h, err := Hash(watermarked(orig, 0.2, 0.1)); err == nil {
		t.Logf("figure: watermark 20%%x10%%: phash distance %d, dhash distance %d", Distance(h0.PHash, h.PHash), Distance(h0.DHash, h.DHash))
	}
	for seed := uint64(100); seed < 110; seed++ {
		other := scene(320, 240, seed)
		h, err := Hash(other)
		if err != nil {
			t.Fatal(err)
		}
		pd := Distance(h0.PHash, h.PHash)
		t.Logf("different picture seed %d: phash distance %d, dhash distance %d", seed, pd, Distance(h0.DHash, h.DHash))
		if pd <= 16 {
			t.Errorf("different picture (seed %d) at phash distance %d, want > 16", seed, pd)
		}
	}
}

func TestHashRefusesFlatImages(t *testing.T) {
	flat := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for i := range flat.Pix {
		flat.Pix[i] = 255
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"white png", MustPNG(t, flat)},
		{"white jpeg", MustJPEG(t, flat, 60)},
		{"transparent png", MustPNG(t, image.NewNRGBA(image.Rect(0, 0, 50, 50)))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := HashBytes(tc.data, DefaultLimits); !errors.Is(err, ErrFlat) {
				t.Fatalf("err = %v, want ErrFlat", err)
			}
		})
	}
	// A product on white covering a small part of the frame is not flat.
	if _, err := HashBytes(MustPNG(t, bordered(scene(40, 40, 9), 1.0)), DefaultLimits); err != nil {
		t.Errorf("small product on white: %v", err)
	}
}

func TestContentBounds(t *testing.T) {
	pic := scene(100, 60, 4)
	grey := image.NewRGBA(image.Rect(0, 0, 140, 100))
	xdraw.Draw(grey, grey.Bounds(), image.NewUniform(color.Gray{128}), image.Point{}, xdraw.Src)
	xdraw.Draw(grey, image.Rect(20, 20, 120, 80), pic, image.Point{}, xdraw.Src)
	cases := []struct {
		name string
		img  image.Image
		want image.Rectangle
	}{
		{"no margin", pic, pic.Bounds()},
		{"white square pad", squared(pic, color.White), image.Rect(0, 20, 100, 80)},
		{"black square pad", squared(pic, color.Black), image.Rect(0, 20, 100, 80)},
		{"grey frame is part of the picture", grey, grey.Bounds()},
		{"tiny content in a big margin keeps the frame", bordered(scene(10, 10, 1), 10), image.Rect(0, 0, 210, 210)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := contentBounds(tc.img)
			// Allow a pixel of slack at each edge for sampling steps.
			if abs(got.Min.X-tc.want.Min.X) > 1 || abs(got.Min.Y-tc.want.Min.Y) > 1 ||
				abs(got.Max.X-tc.want.Max.X) > 1 || abs(got.Max.Y-tc.want.Max.Y) > 1 {
				t.Errorf("contentBounds = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestHashBytesDecodesLumaOnly: HashBytes decodes JPEGs to their luma
// alone (photo/internal/jpeg) into reused buffers; the hashes are those of
// the photo decoded in full by image/jpeg, for every JPEG of image/jpeg's
// test set (every subsampling, progressive, gray, RGB and CMYK through
// image/jpeg) and for photos hashed one after another in any order.
func TestHashBytesDecodesLumaOnly(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("internal", "jpeg", "testdata", "*.jpeg"))
	if err != nil || len(files) < 20 {
		t.Fatalf("%d test files (%v)", len(files), err)
	}
	for round := range 2 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			img, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			want, werr := Hash(img)
			got, gerr := HashBytes(data, Limits{})
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("%s: HashBytes %v, Hash of the full decode %v", f, gerr, werr)
			}
			if werr != nil {
				continue
			}
			if got.PHash != want.PHash || got.DHash != want.DHash || got.PDQ != want.PDQ || got.PDQQuality != want.PDQQuality {
				t.Fatalf("round %d, %s: HashBytes %+v, the full decode's %+v", round, f, got, want)
			}
		}
		slices.Reverse(files) // reused buffers of other sizes
	}
}

// TestHashBytesScaledIsNearFull: HashBytes decodes a JPEG whose shorter
// side is at least 4 x hashMinSide at 1/4 or 1/8 of its size; its
// hashes stay within a few bits of those of the full decode, far under
// the distances between different photos (about 32 of 64, 128 of 256),
// and it reports the photo's own size.
func TestHashBytesScaledIsNearFull(t *testing.T) {
	worstP, worstPDQ := 0, 0
	// 1/4, 1/4 (the width cut short), 1/8, and two decoded in full (1/2
	// is never used).
	for i, sz := range [][3]int{{1024, 1024, 4}, {1601, 1030, 4}, {2200, 2100, 8}, {800, 600, 1}, {640, 400, 1}} {
		for seed := range uint64(4) {
			data := MustJPEG(t, scene(sz[0], sz[1], seed+uint64(i)*100), 80)
			if g, err := fastjpeg.DecodeLumaScaled(bytes.NewReader(data), nil, hashMinSide); err != nil || g.Rect.Dx() != (sz[0]+sz[2]-1)/sz[2] {
				t.Fatalf("%v: decoded for hashing to %v (%v), want 1/%d", sz, g.Rect, err, sz[2])
			}
			want, err := Hash(MustDecode(t, data))
			if err != nil {
				t.Fatal(err)
			}
			got, err := HashBytes(data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Width != sz[0] || got.Height != sz[1] {
				t.Fatalf("%v: HashBytes reports %dx%d", sz, got.Width, got.Height)
			}
			p, d, q := Distance(got.PHash, want.PHash), Distance(got.DHash, want.DHash), got.PDQ.Distance(want.PDQ)
			if p > 4 || d > 4 || q > 16 {
				t.Errorf("%v seed %d: pHash %d, dHash %d, PDQ %d bits from the full decode's (quality %d, %d)", sz, seed, p, d, q, got.PDQQuality, want.PDQQuality)
			}
			worstP, worstPDQ = max(worstP, p, d), max(worstPDQ, q)
		}
	}
	t.Logf("worst distance from the full decode: pHash/dHash %d of 64, PDQ %d of 256", worstP, worstPDQ)
}
