package main

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// The edits counterfeiters make to an official photo before re-uploading
// it, as the generated rows of the photo table apply them. Each takes the
// photo and a seeded source of randomness and returns a new image; the
// JPEG quality the result is saved at is part of the transform.

// photoTransform is one named edit.
type photoTransform struct {
	name    string
	quality int // JPEG quality the edited photo is saved at
	apply   func(src image.Image, r *rand.Rand) image.Image
}

// saveQuality is the JPEG quality of an edited photo when the transform
// does not re-encode it on purpose (as a seller's editor would save it).
const saveQuality = 88

// photoTransforms are the generated transforms: crops, borders and
// canvases, single and tiled text watermarks, colour shifts, JPEG at
// quality 10-20, and combinations of them.
var photoTransforms = []photoTransform{
	{"crop 5 %", saveQuality, func(s image.Image, r *rand.Rand) image.Image { return cropOff(s, 0.05, r) }},
	{"crop 10 %", saveQuality, func(s image.Image, r *rand.Rand) image.Image { return cropOff(s, 0.10, r) }},
	{"crop 15 %", saveQuality, func(s image.Image, r *rand.Rand) image.Image { return cropOff(s, 0.15, r) }},
	{"white border 8 %", saveQuality, func(s image.Image, _ *rand.Rand) image.Image { return framed(s, 0.08, color.White) }},
	{"grey frame 6 %", saveQuality, func(s image.Image, _ *rand.Rand) image.Image { return framed(s, 0.06, color.RGBA{200, 200, 200, 255}) }},
	{"white canvas", saveQuality, func(s image.Image, r *rand.Rand) image.Image { return onCanvas(s, r) }},
	{"watermark WX:1234567", saveQuality, func(s image.Image, r *rand.Rand) image.Image { return stamped(s, r) }},
	{"tiled watermark", saveQuality, func(s image.Image, r *rand.Rand) image.Image { return tiled(s, r) }},
	{"colour shift", saveQuality, func(s image.Image, r *rand.Rand) image.Image { return colourShifted(s, r) }},
	{"jpeg q10", 10, func(s image.Image, _ *rand.Rand) image.Image { return s }},
	{"jpeg q20", 20, func(s image.Image, _ *rand.Rand) image.Image { return s }},
	{"crop 10 % + watermark + q15", 15, func(s image.Image, r *rand.Rand) image.Image { return stamped(cropOff(s, 0.10, r), r) }},
	{"border + tiled + colour + q20", 20, func(s image.Image, r *rand.Rand) image.Image {
		return colourShifted(tiled(framed(s, 0.06, color.White), r), r)
	}},
	{"crop 15 % + canvas + watermark + colour + q10", 10, func(s image.Image, r *rand.Rand) image.Image {
		return colourShifted(stamped(onCanvas(cropOff(s, 0.15, r), r), r), r)
	}},
}

// cropOff cuts frac of the width and of the height off src, split between
// the two sides at random (a counterfeiter cuts off a logo or a corner,
// not always the same margin all round).
func cropOff(src image.Image, frac float64, r *rand.Rand) image.Image {
	b := src.Bounds()
	cw, ch := int(frac*float64(b.Dx())), int(frac*float64(b.Dy()))
	left, top := int(r.Float64()*float64(cw)), int(r.Float64()*float64(ch))
	return toRGBA(toRGBA(src).SubImage(image.Rect(left, top, b.Dx()-(cw-left), b.Dy()-(ch-top))))
}

// framed puts src in a frame of colour c, frac of its size on every side.
func framed(src image.Image, frac float64, c color.Color) image.Image {
	b := src.Bounds()
	mx, my := int(frac*float64(b.Dx())), int(frac*float64(b.Dy()))
	out := image.NewRGBA(image.Rect(0, 0, b.Dx()+2*mx, b.Dy()+2*my))
	draw.Draw(out, out.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	draw.Draw(out, image.Rect(mx, my, mx+b.Dx(), my+b.Dy()), src, b.Min, draw.Src)
	return out
}

// onCanvas shrinks src to 70-80 % and places it off centre on a white
// square canvas, as shop templates do (the rest holds a price or a logo).
func onCanvas(src image.Image, r *rand.Rand) image.Image {
	b := src.Bounds()
	side := max(b.Dx(), b.Dy())
	out := image.NewRGBA(image.Rect(0, 0, side, side))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	scale := 0.70 + 0.10*r.Float64()
	w, h := int(scale*float64(b.Dx())), int(scale*float64(b.Dy()))
	x, y := int(r.Float64()*float64(side-w)), int(0.3*r.Float64()*float64(side-h))
	draw.CatmullRom.Scale(out, image.Rect(x, y, x+w, y+h), src, b, draw.Src, nil)
	return out
}

// watermarkText is a shop id such as counterfeit sellers stamp on photos.
func watermarkText(r *rand.Rand) string {
	return "WX:" + string(rune('1'+r.IntN(9))) + randomDigits(r, 6)
}

func randomDigits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// stampText draws text in the box at, scaled from the 7x13 bitmap font,
// in colour c (its alpha is the text's opacity).
func stampText(dst *image.RGBA, at image.Rectangle, text string, c color.RGBA) {
	face := basicfont.Face7x13
	w := font.MeasureString(face, text).Ceil()
	glyphs := image.NewRGBA(image.Rect(0, 0, w, 13))
	d := font.Drawer{Dst: glyphs, Src: image.NewUniform(c), Face: face, Dot: fixed.P(0, 11)}
	d.DrawString(text)
	draw.NearestNeighbor.Scale(dst, at, glyphs, glyphs.Bounds(), draw.Over, nil)
}

// stamped writes one WX:1234567 watermark, a third to a half of the width,
// somewhere in the lower half of the photo.
func stamped(src image.Image, r *rand.Rand) image.Image {
	out := toRGBA(src)
	b := out.Bounds()
	w := int((0.33 + 0.17*r.Float64()) * float64(b.Dx()))
	h := w * 13 / (7 * 10)
	x := int(r.Float64() * float64(b.Dx()-w))
	y := b.Dy()/2 + int(r.Float64()*float64(b.Dy()/2-h))
	stampText(out, image.Rect(x, y, x+w, y+h), watermarkText(r), color.RGBA{230, 30, 30, 230})
	return out
}

// tiled covers the photo with a grid of translucent WX:1234567 marks.
func tiled(src image.Image, r *rand.Rand) image.Image {
	out := toRGBA(src)
	b := out.Bounds()
	text := watermarkText(r)
	w := b.Dx() / 3
	h := w * 13 / (7 * 10)
	a := uint8(90 + r.IntN(40))
	c := color.RGBA{a, a, a, a} // premultiplied translucent white
	for row, y := 0, h/2; y < b.Dy(); row, y = row+1, y+3*h {
		for x := -(row % 2) * w / 2; x < b.Dx(); x += w + w/4 {
			stampText(out, image.Rect(x, y, x+w, y+h), text, c)
		}
	}
	return out
}

// colourShifted moves the colours: a warm or cool cast, more or less
// saturation and a brightness change, as a phone filter does.
func colourShifted(src image.Image, r *rand.Rand) image.Image {
	out := toRGBA(src)
	warm := r.IntN(2) == 0
	sat := 0.7 + 0.6*r.Float64()
	gain := 0.9 + 0.2*r.Float64()
	for i := 0; i+3 < len(out.Pix); i += 4 {
		rr, gg, bb := float64(out.Pix[i]), float64(out.Pix[i+1]), float64(out.Pix[i+2])
		grey := 0.299*rr + 0.587*gg + 0.114*bb
		rr, gg, bb = grey+(rr-grey)*sat, grey+(gg-grey)*sat, grey+(bb-grey)*sat
		if warm {
			rr, bb = rr+18, bb-18
		} else {
			rr, bb = rr-18, bb+18
		}
		out.Pix[i], out.Pix[i+1], out.Pix[i+2] = clamp255(rr*gain), clamp255(gg*gain), clamp255(bb*gain)
	}
	return out
}

func clamp255(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(255, v)))) }
