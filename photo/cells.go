package photo

import (
	"image"
	"image/color"
)

// cells is a photo decoded at 1/2^shift of its size (a JPEG's scaled
// luma, each pixel the mean of the cell it stands for) seen at its own
// size: every pixel of a cell has the cell's mean. Hashing it measures
// the photo in its own geometry (its trimmed margins, PDQ's filter width
// and sampling grid, the thumbnail's cells all in the photo's pixels), so
// its hashes are those of the full decode but for the detail inside a
// cell; hashing the small image as it is would move PDQ by tens of bits.
// reduce reads each row of the small image once, however many rows of
// the photo it stands for.
type cells struct {
	g     *image.Gray // the reduced luma, from (0, 0)
	shift uint
	r     image.Rectangle // the photo's bounds, from (0, 0)
}

// asCells returns g as the w x h photo it was reduced from, or g itself
// when it is that size: the reduction is the power of two that brings
// w x h, rounded up, to g's size.
func asCells(g *image.Gray, w, h int) image.Image {
	for shift := uint(1); shift <= 3; shift++ {
		s := 1 << shift
		if g.Rect.Min == (image.Point{}) && (w+s-1)/s == g.Rect.Dx() && (h+s-1)/s == g.Rect.Dy() {
			return &cells{g: g, shift: shift, r: image.Rect(0, 0, w, h)}
		}
	}
	return g
}

func (c *cells) ColorModel() color.Model { return color.GrayModel }
func (c *cells) Bounds() image.Rectangle { return c.r }
func (c *cells) At(x, y int) color.Color {
	if !(image.Point{x, y}.In(c.r)) {
		return color.Gray{}
	}
	return c.g.GrayAt(x>>c.shift, y>>c.shift)
}

// row is lumaRow for cells: row y across b, expanded into buf.
func (c *cells) row(b image.Rectangle) func(y int, buf []uint8) []uint8 {
	return func(y int, buf []uint8) []uint8 {
		buf = buf[:b.Dx()]
		src := c.g.Pix[(y>>c.shift)*c.g.Stride:]
		for i := range buf {
			buf[i] = src[(b.Min.X+i)>>c.shift]
		}
		return buf
	}
}

// prefix sets pre[i+1] to the sum of the first i+1 lumas of the photo's
// row y across b (pre[0] stays 0), from the reduced row: rowPrefix
// without expanding the row.
func (c *cells) prefix(pre []uint32, y int, b image.Rectangle) {
	src := c.g.Pix[(y>>c.shift)*c.g.Stride:]
	p := pre[1 : b.Dx()+1]
	var s uint32
	for i := range p {
		s += uint32(src[(b.Min.X+i)>>c.shift])
		p[i] = s
	}
}
