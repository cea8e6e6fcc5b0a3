package photo

import (
	"errors"
	"image"
	"testing"
)

func TestHashRobustToEdits(t *testing.T) {
	orig := scene(320, 240, 7)
	p0, d0, err := Hash(orig)
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
		{"gif palette", MustDecode(t, MustGIF(t, orig))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, d, err := Hash(tc.img)
			if err != nil {
				t.Fatal(err)
			}
			pd, dd := Distance(p0, p), Distance(d0, d)
			t.Logf("phash distance %d, dhash distance %d", pd, dd)
			if pd > 10 {
				t.Errorf("phash distance %d > 10 for a near-duplicate", pd)
			}
		})
	}
	// A larger, high-contrast logo is past what pHash alone tolerates; log
	// the figure so a change in the hash shows up in the test output.
	if p, d, err := Hash(watermarked(orig, 0.2, 0.1)); err == nil {
		t.Logf("figure: watermark 20%%x10%%: phash distance %d, dhash distance %d", Distance(p0, p), Distance(d0, d))
	}
	for seed := uint64(100); seed < 110; seed++ {
		other := scene(320, 240, seed)
		p, d, err := Hash(other)
		if err != nil {
			t.Fatal(err)
		}
		pd := Distance(p0, p)
		t.Logf("different picture seed %d: phash distance %d, dhash distance %d", seed, pd, Distance(d0, d))
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
