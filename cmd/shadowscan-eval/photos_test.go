package main

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// TestPhotoThresholdKeepsTheFalseMatchRate: with pHash distances set by
// hand, the threshold is one bit under the closest pair of different
// sources (the rate allows no false pair among so few), re-uploads within
// it are found, and those beyond it are not.
func TestPhotoThresholdKeepsTheFalseMatchRate(t *testing.T) {
	src := func(p uint64, ups ...uint64) photoSource {
		s := photoSource{official: photo.Hashes{PHash: p}}
		for _, u := range ups {
			s.uploads = append(s.uploads, photoUpload{transform: "edit", h: photo.Hashes{PHash: u}})
		}
		return s
	}
	const a, b = 0, 0xFFFF_FFFF // 32 bits apart
	sources := []photoSource{
		src(a, 0b1, 0b111111),          // 1 and 6 bits from their own photo
		src(b, b^0b11, 0xFF_0000_0000), // 2 bits from b; 40 from b and 8 from a (the closest pair of different sources)
	}
	m := photoMethods(rules.ImageRules{})[0] // pHash
	r := measureMethod(sources, m)
	if r.threshold != 7 {
		t.Fatalf("threshold = %d, want 7 (one under the closest different pair, at 8)", r.threshold)
	}
	if r.falsePairs != 0 || r.pairs != 4 {
		t.Errorf("false pairs %d of %d, want 0 of 4", r.falsePairs, r.pairs)
	}
	if r.found["edit"] != 3 {
		t.Errorf("found %d re-uploads, want 3 (the one 40 bits from its photo is missed)", r.found["edit"])
	}
}

// TestPhotoTransforms: the edits do what their names say.
func TestPhotoTransforms(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for i := range src.Pix {
		src.Pix[i] = uint8(i % 251)
	}
	r := rand.New(rand.NewPCG(1, 2))
	if b := cropOff(src, 0.10, r).Bounds(); b.Dx() != 180 || b.Dy() != 90 {
		t.Errorf("crop 10 %%: %v, want 180x90", b)
	}
	f := framed(src, 0.08, color.White)
	if b := f.Bounds(); b.Dx() != 232 || b.Dy() != 116 || f.At(0, 0) != color.RGBAModel.Convert(color.White) {
		t.Errorf("white border 8 %%: %v, corner %v", b, f.At(0, 0))
	}
	if b := onCanvas(src, r).Bounds(); b.Dx() != 200 || b.Dy() != 200 {
		t.Errorf("canvas: %v, want a 200x200 square", b)
	}
	stampedImg := stamped(src, r).(*image.RGBA)
	changedTop, changedBottom := 0, 0
	for y := range 100 {
		for x := range 200 {
			if stampedImg.RGBAAt(x, y) != src.RGBAAt(x, y) {
				if y < 50 {
					changedTop++
				} else {
					changedBottom++
				}
			}
		}
	}
	if changedTop != 0 || changedBottom == 0 {
		t.Errorf("watermark changed %d pixels in the top half and %d in the bottom, want it in the bottom half only", changedTop, changedBottom)
	}
	if watermarkText(rand.New(rand.NewPCG(3, 4)))[:3] != "WX:" || len(watermarkText(r)) != len("WX:1234567") {
		t.Errorf("watermark text %q", watermarkText(r))
	}
}
