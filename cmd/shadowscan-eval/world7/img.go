package world7

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"strings"
)

// ---------------------------------------------------------------------------
// A tiny 5x7 bitmap font, enough to print brand marks and seller watermarks.

var glyphRows = map[rune]string{
	'A': ".###.|#...#|#...#|#####|#...#|#...#|#...#",
	'B': "####.|#...#|#...#|####.|#...#|#...#|####.",
	'C': ".###.|#...#|#....|#....|#....|#...#|.###.",
	'D': "####.|#...#|#...#|#...#|#...#|#...#|####.",
	'E': "#####|#....|#....|####.|#....|#....|#####",
	'F': "#####|#....|#....|####.|#....|#....|#....",
	'G': ".###.|#...#|#....|#.###|#...#|#...#|.####",
	'H': "#...#|#...#|#...#|#####|#...#|#...#|#...#",
	'I': ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
	'J': "..###|...#.|...#.|...#.|...#.|#..#.|.##..",
	'K': "#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#",
	'L': "#....|#....|#....|#....|#....|#....|#####",
	'M': "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
	'N': "#...#|#...#|##..#|#.#.#|#..##|#...#|#...#",
	'O': ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
	'P': "####.|#...#|#...#|####.|#....|#....|#....",
	'Q': ".###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#",
	'R': "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
	'S': ".####|#....|#....|.###.|....#|....#|####.",
	'T': "#####|..#..|..#..|..#..|..#..|..#..|..#..",
	'U': "#...#|#...#|#...#|#...#|#...#|#...#|.###.",
	'V': "#...#|#...#|#...#|#...#|#...#|.#.#.|..#..",
	'W': "#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.",
	'X': "#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#",
	'Y': "#...#|#...#|.#.#.|..#..|..#..|..#..|..#..",
	'Z': "#####|....#|...#.|..#..|.#...|#....|#####",
	'0': ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
	'1': "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
	'2': ".###.|#...#|....#|...#.|..#..|.#...|#####",
	'3': "#####|...#.|..#..|...#.|....#|#...#|.###.",
	'4': "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
	'5': "#####|#....|####.|....#|....#|#...#|.###.",
	'6': "..##.|.#...|#....|####.|#...#|#...#|.###.",
	'7': "#####|....#|...#.|..#..|.#...|.#...|.#...",
	'8': ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
	'9': ".###.|#...#|#...#|.####|....#|...#.|.##..",
	':': ".....|.##..|.##..|.....|.##..|.##..|.....",
	'-': ".....|.....|.....|#####|.....|.....|.....",
	'+': ".....|..#..|..#..|#####|..#..|..#..|.....",
	'.': ".....|.....|.....|.....|.....|.##..|.##..",
	'@': ".###.|#...#|#.###|#.#.#|#.###|#....|.###.",
	'_': ".....|.....|.....|.....|.....|.....|#####",
	'&': ".##..|#..#.|#.#..|.#...|#.#.#|#..#.|.##.#",
	'/': "....#|...#.|...#.|..#..|.#...|.#...|#....",
	'%': "##..#|##..#|...#.|..#..|.#...|#..##|#..##",
	' ': ".....|.....|.....|.....|.....|.....|.....",
}

// drawText prints s with its top-left corner at (x, y); each font pixel is
// scale x scale image pixels. Alpha 255 is opaque.
func drawText(img *image.RGBA, x, y, scale int, s string, c color.RGBA) {
	cx := x
	for _, r := range strings.ToUpper(s) {
		rows, ok := glyphRows[r]
		if !ok {
			rows = glyphRows[' ']
		}
		for ry, row := range strings.Split(rows, "|") {
			for rx, ch := range row {
				if ch != '#' {
					continue
				}
				blendRect(img, cx+rx*scale, y+ry*scale, scale, scale, c)
			}
		}
		cx += 6 * scale
	}
}

func textWidth(s string, scale int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return n*6*scale - scale
}

func drawTextCentered(img *image.RGBA, cx, y, scale int, s string, c color.RGBA) {
	drawText(img, cx-textWidth(s, scale)/2, y, scale, s, c)
}

// ---------------------------------------------------------------------------
// Primitive drawing.

func blend(dst color.RGBA, src color.RGBA) color.RGBA {
	if src.A == 255 {
		return src
	}
	a := float64(src.A) / 255
	return color.RGBA{
		uint8(float64(src.R)*a + float64(dst.R)*(1-a)),
		uint8(float64(src.G)*a + float64(dst.G)*(1-a)),
		uint8(float64(src.B)*a + float64(dst.B)*(1-a)),
		255,
	}
}

func setPx(img *image.RGBA, x, y int, c color.RGBA) {
	if !(image.Point{x, y}.In(img.Rect)) {
		return
	}
	i := img.PixOffset(x, y)
	d := color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], 255}
	o := blend(d, c)
	img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = o.R, o.G, o.B, 255
}

func blendRect(img *image.RGBA, x, y, w, h int, c color.RGBA) {
	for yy := y; yy < y+h; yy++ {
		for xx := x; xx < x+w; xx++ {
			setPx(img, xx, yy, c)
		}
	}
}

func fillEllipse(img *image.RGBA, cx, cy, rx, ry int, c color.RGBA) {
	if rx <= 0 || ry <= 0 {
		return
	}
	for y := cy - ry; y <= cy+ry; y++ {
		for x := cx - rx; x <= cx+rx; x++ {
			dx := float64(x-cx) / float64(rx)
			dy := float64(y-cy) / float64(ry)
			if dx*dx+dy*dy <= 1 {
				setPx(img, x, y, c)
			}
		}
	}
}

func fillRoundRect(img *image.RGBA, x, y, w, h, r int, c color.RGBA) {
	if r*2 > w {
		r = w / 2
	}
	if r*2 > h {
		r = h / 2
	}
	for yy := y; yy < y+h; yy++ {
		for xx := x; xx < x+w; xx++ {
			// distance to the nearest corner centre
			cx, cy := xx, yy
			if xx < x+r {
				cx = x + r
			} else if xx >= x+w-r {
				cx = x + w - r - 1
			}
			if yy < y+r {
				cy = y + r
			} else if yy >= y+h-r {
				cy = y + h - r - 1
			}
			dx, dy := xx-cx, yy-cy
			if dx*dx+dy*dy <= r*r {
				setPx(img, xx, yy, c)
			}
		}
	}
}

// fillTrapezoid fills rows y..y+h, from width w0 at the top to w1 at the bottom, centred on cx.
func fillTrapezoid(img *image.RGBA, cx, y, h, w0, w1 int, c color.RGBA) {
	for i := 0; i < h; i++ {
		w := w0 + (w1-w0)*i/max(h-1, 1)
		blendRect(img, cx-w/2, y+i, w, 1, c)
	}
}

func shade(c color.RGBA, f float64) color.RGBA {
	cl := func(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v))) }
	return color.RGBA{cl(float64(c.R) * f), cl(float64(c.G) * f), cl(float64(c.B) * f), c.A}
}

func withAlpha(c color.RGBA, a uint8) color.RGBA { c.A = a; return c }

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 255}
}

func gradientBG(img *image.RGBA, top, bottom color.RGBA) {
	b := img.Rect
	h := b.Dy()
	for y := 0; y < h; y++ {
		t := float64(y) / float64(max(h-1, 1))
		c := color.RGBA{
			uint8(float64(top.R)*(1-t) + float64(bottom.R)*t),
			uint8(float64(top.G)*(1-t) + float64(bottom.G)*t),
			uint8(float64(top.B)*(1-t) + float64(bottom.B)*t), 255}
		for x := 0; x < b.Dx(); x++ {
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
		}
	}
}

func addNoise(img *image.RGBA, r *rand.Rand, amp int) {
	for i := 0; i < len(img.Pix); i += 4 {
		n := r.IntN(2*amp+1) - amp
		for k := 0; k < 3; k++ {
			v := int(img.Pix[i+k]) + n
			img.Pix[i+k] = uint8(min(255, max(0, v)))
		}
	}
}

func newCanvas(w, h int) *image.RGBA { return image.NewRGBA(image.Rect(0, 0, w, h)) }

// scaleImage resizes src to w x h with bilinear sampling.
func scaleImage(src *image.RGBA, w, h int) *image.RGBA {
	dst := newCanvas(w, h)
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	for y := 0; y < h; y++ {
		fy := (float64(y)+0.5)*float64(sh)/float64(h) - 0.5
		y0 := int(math.Floor(fy))
		ty := fy - float64(y0)
		for x := 0; x < w; x++ {
			fx := (float64(x)+0.5)*float64(sw)/float64(w) - 0.5
			x0 := int(math.Floor(fx))
			tx := fx - float64(x0)
			var acc [3]float64
			for _, s := range [4]struct {
				dx, dy int
				wt     float64
			}{{0, 0, (1 - tx) * (1 - ty)}, {1, 0, tx * (1 - ty)}, {0, 1, (1 - tx) * ty}, {1, 1, tx * ty}} {
				xx := min(max(x0+s.dx, 0), sw-1) + src.Rect.Min.X
				yy := min(max(y0+s.dy, 0), sh-1) + src.Rect.Min.Y
				i := src.PixOffset(xx, yy)
				for k := 0; k < 3; k++ {
					acc[k] += float64(src.Pix[i+k]) * s.wt
				}
			}
			i := dst.PixOffset(x, y)
			dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = uint8(acc[0]+0.5), uint8(acc[1]+0.5), uint8(acc[2]+0.5), 255
		}
	}
	return dst
}

func cloneRGBA(src *image.RGBA) *image.RGBA {
	dst := newCanvas(src.Rect.Dx(), src.Rect.Dy())
	draw.Draw(dst, dst.Rect, src, src.Rect.Min, draw.Src)
	return dst
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func encodeJPEG(img image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func seedOf(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func rngFor(s string) *rand.Rand {
	v := seedOf(s)
	return rand.New(rand.NewPCG(v, v^0x9e3779b97f4a7c15))
}

// ---------------------------------------------------------------------------
// Product renderings.

// look is how a product is drawn.
type look struct {
	shape  string // tub, bottle, dropper, jar, tube, box, pouch, pump, jug, spray, cartridge
	body   color.RGBA
	cap    color.RGBA
	label  color.RGBA
	accent color.RGBA
	mark   string // brand mark: leaf, drop, house, ring, none
	line1  string // printed brand word
	line2  string // printed line name
	line3  string // printed size
	tall   float64
}

// drawProduct draws the product with its base centred at (cx, base) and its
// height about h pixels.
func drawProduct(img *image.RGBA, l look, cx, base, h int) {
	H := float64(h) * l.tall
	if l.tall == 0 {
		H = float64(h)
	}
	hh := int(H)
	top := base - hh
	// shadow
	fillEllipse(img, cx, base, hh*45/100, hh/18+2, color.RGBA{0, 0, 0, 40})
	var lx, ly, lw, lh int // label area
	switch l.shape {
	case "tub":
		w := hh * 80 / 100
		fillRoundRect(img, cx-w/2, top+hh/7, w, hh-hh/7, hh/20, l.body)
		fillRoundRect(img, cx-w/2-4, top, w+8, hh/6, hh/30, l.cap)
		fillEllipse(img, cx, top+2, w/2+3, hh/25+1, shade(l.cap, 1.15))
		lx, ly, lw, lh = cx-w/2+6, top+hh/3, w-12, hh/2
	case "bottle":
		w := hh * 46 / 100
		fillRoundRect(img, cx-w/2, top+hh/5, w, hh-hh/5, w/6, l.body)
		fillTrapezoid(img, cx, top+hh/8, hh/10, w/3, w*9/10, l.body)
		fillRoundRect(img, cx-w/5, top, w*2/5, hh/7, 4, l.cap)
		lx, ly, lw, lh = cx-w/2+4, top+hh*2/5, w-8, hh*2/5
	case "dropper":
		w := hh * 40 / 100
		fillRoundRect(img, cx-w/2, top+hh*2/5, w, hh*3/5, w/5, l.body)
		blendRect(img, cx-w/6, top+hh/4, w/3, hh/6, shade(l.cap, 0.8))
		fillEllipse(img, cx, top+hh/6, w/6, hh/9, l.cap)
		lx, ly, lw, lh = cx-w/2+4, top+hh/2, w-8, hh*2/5
	case "jar":
		w := hh * 110 / 100
		fillRoundRect(img, cx-w/2, top+hh/3, w, hh*2/3, hh/8, l.body)
		fillRoundRect(img, cx-w/2-3, top, w+6, hh/3+4, hh/12, l.cap)
		lx, ly, lw, lh = cx-w/2+8, top+hh/2-4, w-16, hh*2/5
	case "tube":
		w := hh * 38 / 100
		fillTrapezoid(img, cx, top+hh/12, hh*4/5, w*7/10, w, l.body)
		blendRect(img, cx-w*7/20, top, w*7/10, hh/12+1, shade(l.body, 0.85))
		fillRoundRect(img, cx-w/3, top+hh*4/5+hh/12, w*2/3, hh/9, 5, l.cap)
		lx, ly, lw, lh = cx-w/2+6, top+hh/4, w-12, hh/2
	case "box":
		w := hh * 75 / 100
		d := hh / 9
		for i := 0; i < d; i++ { // top face, a parallelogram
			blendRect(img, cx-w/2+(d-i), top+i, w, 1, shade(l.body, 1.2))
		}
		blendRect(img, cx-w/2, top+d, w, hh-d, l.body)
		for i := 0; i < d; i++ { // side face
			blendRect(img, cx+w/2+i, top+d-i, 1, hh-d, shade(l.body, 0.75))
		}
		lx, ly, lw, lh = cx-w/2+6, top+d+hh/5, w-12, hh/2
	case "pouch":
		w := hh * 72 / 100
		fillRoundRect(img, cx-w/2, top, w, hh, hh/10, l.body)
		blendRect(img, cx-w/2+6, top+hh/9, w-12, 3, shade(l.body, 0.7))
		fillEllipse(img, cx-w/2+6, base-4, 10, 6, shade(l.body, 0.8))
		fillEllipse(img, cx+w/2-6, base-4, 10, 6, shade(l.body, 0.8))
		lx, ly, lw, lh = cx-w/2+8, top+hh/4, w-16, hh/2
	case "pump":
		w := hh * 44 / 100
		fillRoundRect(img, cx-w/2, top+hh/4, w, hh*3/4, w/7, l.body)
		blendRect(img, cx-w/10, top+hh/12, w/5, hh/6, l.cap)
		blendRect(img, cx-w/10, top+hh/12, w/2, hh/22+2, l.cap)
		fillRoundRect(img, cx-w/4, top+hh/5, w/2, hh/14, 4, l.cap)
		lx, ly, lw, lh = cx-w/2+4, top+hh*2/5, w-8, hh*2/5
	case "jug":
		w := hh * 70 / 100
		fillRoundRect(img, cx-w/2, top+hh/6, w, hh*5/6, w/8, l.body)
		fillRoundRect(img, cx-w/2+w/8, top+hh/6-hh/8, w/3, hh/5, 8, l.body)
		fillRoundRect(img, cx+w/8, top+hh/6+6, w/4, hh/4, 10, shade(l.body, 0.75))
		fillRoundRect(img, cx-w/2+w/8+4, top, w/3-8, hh/10, 4, l.cap)
		lx, ly, lw, lh = cx-w/2+8, top+hh/2, w-16, hh*2/5
	case "spray":
		w := hh * 42 / 100
		fillRoundRect(img, cx-w/2, top+hh/3, w, hh*2/3, w/6, l.body)
		blendRect(img, cx-w/6, top+hh/4, w/3, hh/12+2, l.cap)
		fillRoundRect(img, cx-w/3, top+hh/10, w*2/3+w/4, hh/7, 6, l.cap)
		blendRect(img, cx+w/6, top+hh/5, w/10, hh/8, shade(l.cap, 0.7))
		lx, ly, lw, lh = cx-w/2+4, top+hh/2, w-8, hh*2/5
	case "cartridge":
		w := hh * 36 / 100
		fillRoundRect(img, cx-w/2, top+hh/10, w, hh*8/10, 6, l.body)
		fillRoundRect(img, cx-w/2-3, top, w+6, hh/8, 6, l.cap)
		fillRoundRect(img, cx-w/2-3, base-hh/8, w+6, hh/8, 6, l.cap)
		for i := 0; i < 6; i++ {
			blendRect(img, cx-w/2+2, top+hh/5+i*hh/9, w-4, 2, shade(l.body, 0.85))
		}
		lx, ly, lw, lh = cx-w/2+4, top+hh*2/5, w-8, hh/4
	case "shaker":
		w := hh * 45 / 100
		fillTrapezoid(img, cx, top+hh/5, hh*4/5, w, w*4/5, withAlpha(l.body, 170))
		fillRoundRect(img, cx-w/2-2, top, w+4, hh/5, 6, l.cap)
		for i := 1; i < 5; i++ {
			blendRect(img, cx-w/3, top+hh/5+i*hh/6, w/6, 2, color.RGBA{255, 255, 255, 200})
		}
		return
	case "sachet":
		w := hh * 30 / 100
		for i := -2; i <= 2; i++ {
			fillRoundRect(img, cx+i*w*7/10-w/2, top+abs(i)*6, w, hh-abs(i)*6, 4, shade(l.body, 1-0.05*float64(abs(i))))
		}
		lx, ly, lw, lh = cx-w/2+3, top+hh/3, w-6, hh/3
	default:
		fillRoundRect(img, cx-hh/3, top, hh*2/3, hh, 10, l.body)
		lx, ly, lw, lh = cx-hh/3+6, top+hh/4, hh*2/3-12, hh/2
	}
	// highlight
	blendRect(img, lx+lw*8/10, ly-lh/2, max(lw/14, 2), lh*2, color.RGBA{255, 255, 255, 50})
	// label
	fillRoundRect(img, lx, ly, lw, lh, 6, l.label)
	blendRect(img, lx, ly+lh-lh/8, lw, lh/8, l.accent)
	// mark
	mx, my, mr := lx+lw/2, ly+lh/5, max(lh/9, 3)
	switch l.mark {
	case "leaf":
		fillEllipse(img, mx, my, mr, mr*2/3, l.accent)
		blendRect(img, mx-mr, my, mr*2, 1, l.label)
	case "drop":
		fillEllipse(img, mx, my+mr/3, mr*2/3, mr*2/3, l.accent)
		fillTrapezoid(img, mx, my-mr, mr, 1, mr*4/3, l.accent)
	case "house":
		fillTrapezoid(img, mx, my-mr, mr, 2, mr*2, l.accent)
		blendRect(img, mx-mr*2/3, my, mr*4/3, mr, l.accent)
	case "ring":
		fillEllipse(img, mx, my, mr, mr, l.accent)
		fillEllipse(img, mx, my, mr/2, mr/2, l.label)
	}
	// words
	ink := shade(l.accent, 0.8)
	ink.A = 255
	sc := max(1, lw/(max(len(l.line1), 4)*6))
	sc = min(sc, 3)
	drawTextCentered(img, lx+lw/2, ly+lh*2/5, sc, l.line1, ink)
	sc2 := max(1, min(sc, lw/(max(len(l.line2), 4)*6)))
	drawTextCentered(img, lx+lw/2, ly+lh*2/5+9*sc, sc2, l.line2, ink)
	drawTextCentered(img, lx+lw/2, ly+lh*2/5+9*sc+9*sc2, 1, l.line3, ink)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// renderOfficial is the brand's studio shot: white gradient, product centred.
func renderOfficial(l look) *image.RGBA {
	img := newCanvas(400, 400)
	gradientBG(img, rgb(0xffffff), rgb(0xe9ecef))
	drawProduct(img, l, 200, 340, 270)
	return img
}

// renderOwnPhoto is a seller's own snapshot of a product: table top, off-centre,
// tinted light, sensor noise; jitter > 0 changes the print colours (fakes).
func renderOwnPhoto(l look, seed string, jitter int, w, h int) *image.RGBA {
	r := rngFor("own:" + seed)
	img := newCanvas(w, h)
	tables := []uint32{0xb08968, 0x8d6e63, 0xd7ccc8, 0xf1e3d3, 0x9e9e9e, 0xe8d5b7}
	t := rgb(tables[r.IntN(len(tables))])
	gradientBG(img, shade(t, 1.1), shade(t, 0.8))
	// wood grain / fabric stripes
	for y := 0; y < h; y += 6 + r.IntN(10) {
		blendRect(img, 0, y, w, 1+r.IntN(2), color.RGBA{0, 0, 0, uint8(10 + r.IntN(20))})
	}
	if jitter > 0 {
		j := func(c color.RGBA) color.RGBA {
			d := func(v uint8) uint8 { return uint8(min(255, max(0, int(v)+r.IntN(2*jitter+1)-jitter))) }
			return color.RGBA{d(c.R), d(c.G), d(c.B), c.A}
		}
		l.body, l.label, l.accent, l.cap = j(l.body), j(l.label), j(l.accent), j(l.cap)
	}
	n := 1 + r.IntN(3)
	for i := 0; i < n; i++ {
		cx := w/2 + (i-(n-1)/2)*w/4 + r.IntN(w/8) - w/16
		base := h*3/4 + r.IntN(h/6)
		drawProduct(img, l, cx, base, h*(40+r.IntN(15))/100)
	}
	// warm or cold light
	tint := color.RGBA{255, 200, 120, uint8(20 + r.IntN(30))}
	if r.IntN(2) == 0 {
		tint = color.RGBA{120, 160, 255, uint8(15 + r.IntN(25))}
	}
	blendRect(img, 0, 0, w, h, tint)
	addNoise(img, r, 6+r.IntN(8))
	return img
}

// renderLifestyle is a note photo: pastel backdrop, decorations, the product.
func renderLifestyle(l look, seed string, w, h int) *image.RGBA {
	r := rngFor("life:" + seed)
	img := newCanvas(w, h)
	pastels := []uint32{0xfde2e4, 0xe2ece9, 0xfff1e6, 0xdfe7fd, 0xf0efeb, 0xeae4e9}
	gradientBG(img, rgb(pastels[r.IntN(len(pastels))]), rgb(pastels[r.IntN(len(pastels))]))
	for i := 0; i < 6+r.IntN(6); i++ {
		c := rgb([]uint32{0xffafcc, 0xbde0fe, 0xcdb4db, 0xa3c4bc, 0xffd6a5}[r.IntN(5)])
		c.A = 120
		fillEllipse(img, r.IntN(w), r.IntN(h), 10+r.IntN(40), 10+r.IntN(40), c)
	}
	drawProduct(img, l, w/2+r.IntN(w/5)-w/10, h*4/5, h*45/100)
	addNoise(img, r, 3)
	return img
}

// ---------------------------------------------------------------------------
// Edits a copier applies to an official photo.

type edit struct {
	op   string // crop, border, canvas, watermark, tile, shift, mirror
	f    float64
	text string
	c    color.RGBA
}

func applyEdits(src *image.RGBA, edits []edit) *image.RGBA {
	img := cloneRGBA(src)
	for _, e := range edits {
		w, h := img.Rect.Dx(), img.Rect.Dy()
		switch e.op {
		case "crop": // keep the centre, cut e.f of each dimension, scale back
			cw, ch := int(float64(w)*(1-e.f)), int(float64(h)*(1-e.f))
			x0, y0 := (w-cw)/2, (h-ch)/3
			sub := img.SubImage(image.Rect(x0, y0, x0+cw, y0+ch)).(*image.RGBA)
			img = scaleImage(sub, w, h)
		case "border":
			b := int(e.f)
			out := newCanvas(w, h)
			blendRect(out, 0, 0, w, h, e.c)
			inner := scaleImage(img, w-2*b, h-2*b)
			draw.Draw(out, image.Rect(b, b, w-b, h-b), inner, image.Point{}, draw.Src)
			img = out
		case "canvas": // shrink onto a white square canvas
			out := newCanvas(w, h)
			blendRect(out, 0, 0, w, h, rgb(0xffffff))
			sw, sh := int(float64(w)*e.f), int(float64(h)*e.f)
			inner := scaleImage(img, sw, sh)
			draw.Draw(out, image.Rect((w-sw)/2, (h-sh)/2, (w-sw)/2+sw, (h-sh)/2+sh), inner, image.Point{}, draw.Src)
			img = out
		case "watermark":
			sc := max(2, int(e.f))
			drawTextCentered(img, w/2, h*2/3, sc, e.text, e.c)
		case "tile":
			sc := max(1, int(e.f))
			step := textWidth(e.text, sc) + 30
			row := 0
			for y := 10; y < h; y += 7*sc + 40 {
				for x := -step + (row%2)*step/2; x < w; x += step {
					drawText(img, x, y, sc, e.text, e.c)
				}
				row++
			}
		case "shift":
			d := int(e.f)
			for i := 0; i < len(img.Pix); i += 4 {
				img.Pix[i] = uint8(min(255, max(0, int(img.Pix[i])+d)))
				img.Pix[i+2] = uint8(min(255, max(0, int(img.Pix[i+2])-d)))
			}
		case "mirror":
			out := newCanvas(w, h)
			for y := 0; y < h; y++ {
				for x := 0; x < w; x++ {
					i, j := img.PixOffset(x, y), out.PixOffset(w-1-x, y)
					copy(out.Pix[j:j+4], img.Pix[i:i+4])
				}
			}
			img = out
		}
	}
	return img
}
