package photo

import (
	"image"
	"sync"

	"github.com/corona10/goimagehash/etcs"
	"github.com/corona10/goimagehash/transforms"
)

// perceptionHash is goimagehash's PerceptionHash of a thumb x thumb grey
// image, bit for bit, computed with less work: PerceptionHash reads the
// pixels through image.At, takes the 2-D DCT of all 64 columns and keeps
// the top-left 8x8 coefficients; the columns' transforms are independent,
// so transforming the 8 columns it keeps gives the same coefficients.
// Each step is goimagehash's own (its grey levels, DCT1DFast64 and
// MedianOfPixelsFast64), so the floating-point results are its results.
func perceptionHash(g *image.Gray) uint64 {
	lut := phashGrey()
	var px [thumb * thumb]float64
	for y := range thumb {
		row := g.Pix[y*g.Stride : y*g.Stride+thumb]
		out := px[y*thumb : (y+1)*thumb]
		for x, v := range row {
			out[x] = lut[v]
		}
		transforms.DCT1DFast64(out)
	}
	var flat [64]float64 // the 8x8 lowest frequencies, row by row
	var col [thumb]float64
	for x := range 8 {
		for y := range thumb {
			col[y] = px[y*thumb+x]
		}
		transforms.DCT1DFast64(col[:])
		for y := range 8 {
			flat[8*y+x] = col[y]
		}
	}
	median := etcs.MedianOfPixelsFast64(flat[:])
	var h uint64
	for i, v := range flat {
		if v > median {
			h |= 1 << (64 - i - 1)
		}
	}
	return h
}

// phashGrey is the grey level goimagehash's PerceptionHash gives each
// luma of a grey image (its luminosity formula over the colour's RGBA),
// taken from goimagehash itself.
var phashGrey = sync.OnceValue(func() *[256]float64 {
	g := image.NewGray(image.Rect(0, 0, 256, 1))
	for i := range g.Pix {
		g.Pix[i] = uint8(i)
	}
	var lut [256]float64
	copy(lut[:], transforms.Rgb2Gray(g)[0])
	return &lut
})
