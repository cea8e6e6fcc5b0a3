package photo

import (
	"fmt"
	"image"
	"image/color"

	"github.com/shadowscan/shadowscan"
)

// cropVariant is a part of an official photo, as fractions of its width
// and height, that a re-upload may show instead of the whole.
type cropVariant struct {
	kind           string
	x0, y0, x1, y1 float64
}

// officialCrops are the crops HashOfficial hashes: 95, 90 and 85 % of
// each side, at each corner, each edge's middle and the centre.
var officialCrops = func() (out []cropVariant) {
	where := [3][3]string{{"top left", "top", "top right"}, {"left", "centre", "right"}, {"bottom left", "bottom", "bottom right"}}
	for _, keep := range []float64{0.95, 0.90, 0.85} {
		cut := 1 - keep
		for iy, fy := range []float64{0, 0.5, 1} {
			for ix, fx := range []float64{0, 0.5, 1} {
				out = append(out, cropVariant{
					kind: fmt.Sprintf("cropped to %.0f %% at %s", 100*keep, where[iy][ix]),
					x0:   fx * cut, y0: fy * cut, x1: fx*cut + keep, y1: fy*cut + keep,
				})
			}
		}
	}
	return out
}()

// HashOfficial decodes and hashes an official photo like HashBytes, and
// adds in Variants what a counterfeiter's re-upload of it may show
// instead: the photo turned and mirrored (the seven other symmetries of a
// square: PDQ from the same DCT coefficients, pHash and dHash from the
// turned thumbnail), cropped (see officialCrops), and trimmed as a copy
// on a white or black canvas would be when the photo's own edge has that
// colour. A listing photo matches when it is near the photo or any
// variant.
func HashOfficial(data []byte, lim Limits) (Hashes, error) {
	img, info, err := Decode(data, lim)
	if err != nil {
		return Hashes{}, err
	}
	h, a, err := hashImage(img)
	if err != nil {
		return Hashes{}, fmt.Errorf("%s %dx%d: %w", info.Format, info.Width, info.Height, err)
	}
	h.SHA256, h.Width, h.Height, h.Format = info.SHA256, info.Width, info.Height, info.Format
	if h.Variants, err = variants(img, a); err != nil {
		return Hashes{}, fmt.Errorf("%s %dx%d: %w", info.Format, info.Width, info.Height, err)
	}
	return h, nil
}

// variants hashes the turns, mirror images, crops and other trims of the
// photo whose analysis is a.
func variants(img image.Image, a analysis) ([]shadowscan.ImageVariant, error) {
	var out []shadowscan.ImageVariant
	for k := 1; k < len(Dihedral); k++ {
		v := shadowscan.ImageVariant{Kind: Dihedral[k], PDQ: a.coefs.dihedral(k).bits()}
		var err error
		if v.PHash, v.DHash, err = thumbHashes(dihedralGrey(a.thumb, k)); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	w, h := float64(a.rect.Dx()), float64(a.rect.Dy())
	for _, cv := range officialCrops {
		r := image.Rect(
			a.rect.Min.X+int(cv.x0*w+0.5), a.rect.Min.Y+int(cv.y0*h+0.5),
			a.rect.Min.X+int(cv.x1*w+0.5), a.rect.Min.Y+int(cv.y1*h+0.5))
		v, err := rectVariant(cv.kind, img, r)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	for _, pad := range []struct {
		kind string
		c    color.Gray
	}{{"trimmed as on a white canvas", color.Gray{Y: 255}}, {"trimmed as on a black canvas", color.Gray{}}} {
		r := contentBounds(padded(img, pad.c)).Intersect(img.Bounds())
		if r == a.rect || r.Empty() {
			continue
		}
		v, err := rectVariant(pad.kind, img, r)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// rectVariant hashes the rectangle r of img as a variant of kind.
func rectVariant(kind string, img image.Image, r image.Rectangle) (shadowscan.ImageVariant, error) {
	v := shadowscan.ImageVariant{Kind: kind}
	g, down := reduce(img, r)
	var err error
	if v.PHash, v.DHash, err = thumbHashes(g); err != nil {
		return v, err
	}
	v.PDQ = dct(down).bits()
	return v, nil
}

// dihedralGrey returns g turned or mirrored as Dihedral[k] names, pixel
// for pixel (g is square).
func dihedralGrey(g *image.Gray, k int) *image.Gray {
	n := g.Bounds().Dx()
	out := image.NewGray(image.Rect(0, 0, n, n))
	for y := range n {
		for x := range n {
			sx, sy := x, y
			switch k {
			case 1: // rotated 90° anticlockwise
				sx, sy = n-1-y, x
			case 2:
				sx, sy = n-1-x, n-1-y
			case 3: // rotated 90° clockwise
				sx, sy = y, n-1-x
			case 4:
				sx = n - 1 - x
			case 5:
				sy = n - 1 - y
			case 6: // transposed
				sx, sy = y, x
			case 7: // anti-transposed
				sx, sy = n-1-y, n-1-x
			}
			out.Pix[y*out.Stride+x] = g.Pix[sy*g.Stride+sx]
		}
	}
	return out
}

// MinDistance is the smallest PDQ distance from q to h's hash or any of its
// variants.
func MinDistance(q shadowscan.PDQ, h Hashes) int {
	best := q.Distance(h.PDQ)
	for _, v := range h.Variants {
		best = min(best, q.Distance(v.PDQ))
	}
	return best
}

// padded shows img inside a margin of colour c, 6 % of its size on each
// side (in img's own coordinates), as a shop's white canvas or black
// frame would: trimming it finds what a listing's trim of such a copy
// finds when the photo's own edge is of the margin's colour.
func padded(img image.Image, c color.Color) image.Image {
	b := img.Bounds()
	m := max(2, max(b.Dx(), b.Dy())*6/100)
	return &paddedImage{Image: img, outer: b.Inset(-m), c: c}
}

type paddedImage struct {
	image.Image
	outer image.Rectangle
	c     color.Color
}

func (p *paddedImage) Bounds() image.Rectangle { return p.outer }

func (p *paddedImage) At(x, y int) color.Color {
	if image.Pt(x, y).In(p.Image.Bounds()) {
		return p.Image.At(x, y)
	}
	return p.c
}

// OfficialRef returns the catalogue's record of an official photo from
// src, hashed by HashOfficial.
func OfficialRef(src string, h Hashes) shadowscan.ImageRef {
	return shadowscan.ImageRef{
		Source: src, SHA256: h.SHA256, PHash: h.PHash, DHash: h.DHash,
		PDQ: h.PDQ, PDQQuality: h.PDQQuality, Variants: h.Variants,
		Width: h.Width, Height: h.Height,
	}
}
