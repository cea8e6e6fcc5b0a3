package art

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"

	"golang.org/x/image/draw"
)

// Reuse is how a seller re-uploads an official photo: the knobs of
// ReusedPhoto, drawn from a seed by NewReuse.
type Reuse struct {
	Size       int     // output edge in pixels, 300-600
	Crop       float64 // fraction cut from each edge: 5-7 % of each axis in all
	Border     float64 // border on each edge as a fraction of Size: 4-7 % of each axis in all
	BorderRGB  color.RGBA
	Brightness float64 // -0.06..0.06
	Quality    int     // JPEG quality 50-70
	Mark       string  // watermark text (ASCII)
}

// NewReuse draws the re-upload knobs from seed.
func NewReuse(seed uint64, mark string) Reuse {
	r := NewRand(seed)
	// A zero colour frames the photo in its own mean edge colour, the way a
	// shop template pads a picture; the rest are plain shop frames.
	borders := []color.RGBA{{}, {}, {}, RGB(255, 255, 255), RGB(235, 235, 235)}
	crop := r.Between(0.025, 0.035)
	return Reuse{
		Size:       r.Range(300, 600),
		Crop:       crop,
		Border:     crop * r.Between(0.8, 1),
		BorderRGB:  Pick(r, borders),
		Brightness: r.Between(-0.06, 0.06),
		Quality:    r.Range(50, 70),
		Mark:       mark,
	}
}

// Apply returns the re-uploaded copy of src.
func (u Reuse) Apply(src image.Image) *image.RGBA {
	b := src.Bounds()
	cx, cy := int(float64(b.Dx())*u.Crop), int(float64(b.Dy())*u.Crop)
	crop := image.Rect(b.Min.X+cx, b.Min.Y+cy, b.Max.X-cx, b.Max.Y-cy)
	out := image.NewRGBA(image.Rect(0, 0, u.Size, u.Size))
	border := u.BorderRGB
	if border.A == 0 {
		border = edgeColour(src)
	}
	fillRect(out, out.Bounds(), border)
	// The border takes the place of the cropped edge, as a seller framing a
	// saved photo does, so the product stays where it was.
	bw := int(u.Border * float64(u.Size))
	inner := out.Bounds().Inset(bw)
	draw.ApproxBiLinear.Scale(out, inner, src, crop, draw.Src, nil)
	if u.Brightness != 0 {
		// Lighten (or darken) by laying a translucent white (or black) sheet
		// over the photo.
		a := uint8(math.Round(math.Abs(u.Brightness) * 255))
		sheet := color.RGBA{A: a}
		if u.Brightness > 0 {
			sheet = color.RGBA{a, a, a, a}
		}
		draw.Draw(out, inner, image.NewUniform(sheet), image.Point{}, draw.Over)
	}
	if u.Mark != "" {
		h := u.Size / 24
		w := u.Size / 4
		r := image.Rect(inner.Max.X-w-4, inner.Max.Y-h-4, inner.Max.X-4, inner.Max.Y-4)
		drawText(out, r, u.Mark, RGB(200, 30, 30))
	}
	return out
}

// EncodeJPEG encodes img at quality q.
func EncodeJPEG(img image.Image, q int) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		return nil, fmt.Errorf("encode jpeg: %w", err)
	}
	return buf.Bytes(), nil
}

// edgeColour is the mean colour of the outermost rows and columns of img.
func edgeColour(img image.Image) color.RGBA {
	b := img.Bounds()
	var r, g, bl, n uint64
	add := func(x, y int) {
		cr, cg, cb, _ := img.At(x, y).RGBA()
		r, g, bl, n = r+uint64(cr>>8), g+uint64(cg>>8), bl+uint64(cb>>8), n+1
	}
	for x := b.Min.X; x < b.Max.X; x++ {
		add(x, b.Min.Y)
		add(x, b.Max.Y-1)
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		add(b.Min.X, y)
		add(b.Max.X-1, y)
	}
	return RGB(uint8(r/n), uint8(g/n), uint8(bl/n))
}
