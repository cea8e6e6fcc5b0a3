package world8

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
)

// ---- a 5x7 bitmap font (upper case, digits, a little punctuation) ----

var glyphRows = map[rune]string{
	'A':  ".###. #...# #...# ##### #...# #...# #...#",
	'B':  "####. #...# #...# ####. #...# #...# ####.",
	'C':  ".###. #...# #.... #.... #.... #...# .###.",
	'D':  "####. #...# #...# #...# #...# #...# ####.",
	'E':  "##### #.... #.... ####. #.... #.... #####",
	'F':  "##### #.... #.... ####. #.... #.... #....",
	'G':  ".###. #...# #.... #.### #...# #...# .####",
	'H':  "#...# #...# #...# ##### #...# #...# #...#",
	'I':  ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
	'J':  "..### ...#. ...#. ...#. ...#. #..#. .##..",
	'K':  "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
	'L':  "#.... #.... #.... #.... #.... #.... #####",
	'M':  "#...# ##.## #.#.# #.#.# #...# #...# #...#",
	'N':  "#...# #...# ##..# #.#.# #..## #...# #...#",
	'O':  ".###. #...# #...# #...# #...# #...# .###.",
	'P':  "####. #...# #...# ####. #.... #.... #....",
	'Q':  ".###. #...# #...# #...# #.#.# #..#. .##.#",
	'R':  "####. #...# #...# ####. #.#.. #..#. #...#",
	'S':  ".#### #.... #.... .###. ....# ....# ####.",
	'T':  "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
	'U':  "#...# #...# #...# #...# #...# #...# .###.",
	'V':  "#...# #...# #...# #...# #...# .#.#. ..#..",
	'W':  "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
	'X':  "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
	'Y':  "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
	'Z':  "##### ....# ...#. ..#.. .#... #.... #####",
	'0':  ".###. #...# #..## #.#.# ##..# #...# .###.",
	'1':  "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
	'2':  ".###. #...# ....# ...#. ..#.. .#... #####",
	'3':  "##### ...#. ..#.. ...#. ....# #...# .###.",
	'4':  "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
	'5':  "##### #.... ####. ....# ....# #...# .###.",
	'6':  "..##. .#... #.... ####. #...# #...# .###.",
	'7':  "##### ....# ...#. ..#.. .#... .#... .#...",
	'8':  ".###. #...# #...# .###. #...# #...# .###.",
	'9':  ".###. #...# #...# .#### ....# ...#. .##..",
	':':  "..... ..#.. ..#.. ..... ..#.. ..#.. .....",
	'+':  "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
	'-':  "..... ..... ..... ##### ..... ..... .....",
	'.':  "..... ..... ..... ..... ..... .##.. .##..",
	'@':  ".###. #...# #.### #.#.# #.### #.... .####",
	'_':  "..... ..... ..... ..... ..... ..... #####",
	'/':  "....# ....# ...#. ..#.. .#... #.... #....",
	'%':  "##..# ##..# ...#. ..#.. .#... #..## #..##",
	'!':  "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..",
	'&':  ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
	'\'': "..#.. ..#.. ..... ..... ..... ..... .....",
	'?':  ".###. #...# ....# ...#. ..#.. ..... ..#..",
	'=':  "..... ..... ##### ..... ##### ..... .....",
	'#':  ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
}

var glyphs = map[rune][7]uint8{}

func init() {
	for r, s := range glyphRows {
		var g [7]uint8
		for i, row := range strings.Fields(s) {
			for j, c := range row {
				if c == '#' {
					g[i] |= 1 << (4 - j)
				}
			}
		}
		glyphs[r] = g
	}
}

func textWidth(s string, k int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return n*6*k - k
}

// drawText draws s with its top-left corner at (x, y), k pixels a font dot,
// blended with alpha a (0..1).
func drawText(img *image.RGBA, x, y, k int, c color.RGBA, s string, a float64) {
	for _, r := range strings.ToUpper(s) {
		g, ok := glyphs[r]
		if ok {
			for row := 0; row < 7; row++ {
				for col := 0; col < 5; col++ {
					if g[row]&(1<<(4-col)) == 0 {
						continue
					}
					for dy := 0; dy < k; dy++ {
						for dx := 0; dx < k; dx++ {
							blend(img, x+col*k+dx, y+row*k+dy, c, a)
						}
					}
				}
			}
		}
		x += 6 * k
	}
}

func blend(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	if !(image.Point{x, y}.In(img.Rect)) {
		return
	}
	if a >= 1 {
		img.SetRGBA(x, y, c)
		return
	}
	o := img.RGBAAt(x, y)
	img.SetRGBA(x, y, color.RGBA{
		uint8(float64(o.R)*(1-a) + float64(c.R)*a),
		uint8(float64(o.G)*(1-a) + float64(c.G)*a),
		uint8(float64(o.B)*(1-a) + float64(c.B)*a), 255})
}

func clamp8(v float64) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}

func shade(c color.RGBA, d float64) color.RGBA {
	return color.RGBA{clamp8(float64(c.R) + d), clamp8(float64(c.G) + d), clamp8(float64(c.B) + d), 255}
}

func lum(c color.RGBA) float64 { return 0.3*float64(c.R) + 0.59*float64(c.G) + 0.11*float64(c.B) }

// ---- a pen drawing in object-local units ----

type pen struct {
	img    *image.RGBA
	cx, cy float64 // pixel position of the local origin (centre bottom of the object)
	s      float64 // pixels per local unit
}

func (p pen) px(x, y float64) (int, int) {
	return int(math.Round(p.cx + x*p.s)), int(math.Round(p.cy + y*p.s))
}

func (p pen) rect(x0, y0, x1, y1 float64, c color.RGBA) {
	a, b := p.px(x0, y0)
	d, e := p.px(x1, y1)
	draw.Draw(p.img, image.Rect(a, b, d, e), &image.Uniform{c}, image.Point{}, draw.Src)
}

func (p pen) rrect(x0, y0, x1, y1, r float64, c color.RGBA) {
	a, b := p.px(x0, y0)
	d, e := p.px(x1, y1)
	rr := r * p.s
	for y := b; y < e; y++ {
		for x := a; x < d; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			ccx := math.Max(float64(a)+rr, math.Min(fx, float64(d)-rr))
			ccy := math.Max(float64(b)+rr, math.Min(fy, float64(e)-rr))
			if (fx-ccx)*(fx-ccx)+(fy-ccy)*(fy-ccy) <= rr*rr {
				blend(p.img, x, y, c, 1)
			}
		}
	}
}

func (p pen) ell(x, y, rx, ry float64, c color.RGBA) {
	cx, cy := p.cx+x*p.s, p.cy+y*p.s
	rx, ry = rx*p.s, ry*p.s
	for py := int(cy - ry); py <= int(cy+ry)+1; py++ {
		for px := int(cx - rx); px <= int(cx+rx)+1; px++ {
			dx, dy := (float64(px)+0.5-cx)/rx, (float64(py)+0.5-cy)/ry
			if dx*dx+dy*dy <= 1 {
				blend(p.img, px, py, c, 1)
			}
		}
	}
}

// poly fills a convex polygon.
func (p pen) poly(pts [][2]float64, c color.RGBA) {
	fillPoly(p.img, p.tr(pts), c, 1)
}

func (p pen) tr(pts [][2]float64) [][2]float64 {
	out := make([][2]float64, len(pts))
	for i, q := range pts {
		out[i] = [2]float64{p.cx + q[0]*p.s, p.cy + q[1]*p.s}
	}
	return out
}

func fillPoly(img *image.RGBA, pts [][2]float64, c color.RGBA, a float64) {
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, q := range pts {
		minY, maxY = math.Min(minY, q[1]), math.Max(maxY, q[1])
	}
	for y := int(minY); y <= int(maxY); y++ {
		fy := float64(y) + 0.5
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range pts {
			p0, p1 := pts[i], pts[(i+1)%len(pts)]
			if (p0[1] <= fy && p1[1] > fy) || (p1[1] <= fy && p0[1] > fy) {
				x := p0[0] + (fy-p0[1])/(p1[1]-p0[1])*(p1[0]-p0[0])
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
		for x := int(math.Round(lo)); x < int(math.Round(hi)); x++ {
			blend(img, x, y, c, a)
		}
	}
}

// text draws s centred on local x, top at local y, glyph height h local units,
// no wider than maxW local units.
func (p pen) text(x, y, h, maxW float64, c color.RGBA, s string) {
	if s == "" {
		return
	}
	k := int(h * p.s / 7)
	for k > 1 && float64(textWidth(s, k)) > maxW*p.s {
		k--
	}
	if k < 1 {
		k = 1
	}
	px, py := p.px(x, y)
	drawText(p.img, px-textWidth(s, k)/2, py, k, c, s, 1)
}

// ---- looks: how one packaged product is drawn ----

type look struct {
	shape                    int
	body, label, cap, accent color.RGBA
	brand, line1, line2      string
	mark                     int // 0 none, 1 leaf, 2 diamond, 3 house, 4 ring, 5 star
	labelShift               float64
}

func (p pen) mark(kind int, x, y, r float64, c color.RGBA, bg color.RGBA) {
	switch kind {
	case 1: // leaf in a circle
		p.ell(x, y, r, r, c)
		p.ell(x, y, r*0.35, r*0.7, bg)
	case 2: // diamond
		p.poly([][2]float64{{x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}}, c)
		p.poly([][2]float64{{x, y - r*0.45}, {x + r*0.45, y}, {x, y + r*0.45}, {x - r*0.45, y}}, bg)
	case 3: // house
		p.poly([][2]float64{{x - r, y}, {x, y - r}, {x + r, y}}, c)
		p.rect(x-r*0.7, y, x+r*0.7, y+r*0.9, c)
		p.rect(x-r*0.2, y+r*0.35, x+r*0.2, y+r*0.9, bg)
	case 4: // ring
		p.ell(x, y, r, r, c)
		p.ell(x, y, r*0.6, r*0.6, bg)
	case 5: // star-ish
		p.poly([][2]float64{{x, y - r}, {x + r*0.3, y}, {x, y + r}, {x - r*0.3, y}}, c)
		p.poly([][2]float64{{x - r, y}, {x, y - r*0.3}, {x + r, y}, {x, y + r*0.3}}, c)
	}
}

func (p pen) labelBox(lk look, x0, y0, x1, y1 float64) {
	if lk.label == lk.body && lk.brand == "" && lk.line1 == "" {
		return
	}
	y0 += lk.labelShift
	y1 += lk.labelShift
	p.rect(x0, y0, x1, y1, lk.label)
	tc := rgb(30, 30, 40)
	if lum(lk.label) < 140 {
		tc = rgb(250, 250, 250)
	}
	h := y1 - y0
	w := (x1 - x0) * 0.9
	cx := (x0 + x1) / 2
	if lk.mark != 0 {
		p.mark(lk.mark, cx, y0+0.12*h, 0.075*h, lk.accent, lk.label)
	}
	p.text(cx, y0+0.24*h, 0.15*h, w, tc, lk.brand)
	p.text(cx, y0+0.48*h, 0.15*h, w, tc, lk.line1)
	p.text(cx, y0+0.70*h, 0.12*h, w, tc, lk.line2)
}

func (p pen) highlight(x0, y0, x1, y1 float64, c color.RGBA) {
	w := x1 - x0
	p.rect(x0+w*0.1, y0, x0+w*0.16, y1, shade(c, 35))
	p.rect(x1-w*0.12, y0, x1-w*0.06, y1, shade(c, -25))
}

func (p pen) product(lk look, bg color.RGBA) {
	switch lk.shape {
	case shTub:
		p.rrect(-120, -250, 120, 0, 14, lk.body)
		p.highlight(-120, -245, 120, -5, lk.body)
		p.rect(-128, -292, 128, -246, lk.cap)
		p.rect(-128, -252, 128, -246, shade(lk.cap, -35))
		p.labelBox(lk, -120, -212, 120, -40)
	case shBottle:
		p.ell(0, -250, 80, 30, lk.body)
		p.rrect(-80, -252, 80, 0, 22, lk.body)
		p.rect(-34, -302, 34, -262, lk.body)
		p.highlight(-80, -240, 80, -10, lk.body)
		p.rect(-46, -348, 46, -296, lk.cap)
		p.rect(-46, -306, 46, -298, shade(lk.cap, -30))
		p.labelBox(lk, -80, -210, 80, -35)
	case shDropper:
		p.ell(0, -200, 68, 24, lk.body)
		p.rrect(-68, -202, 68, 0, 18, lk.body)
		p.highlight(-68, -190, 68, -10, lk.body)
		p.rect(-32, -252, 32, -212, lk.accent)
		p.ell(0, -292, 22, 44, lk.cap)
		p.labelBox(lk, -68, -168, 68, -28)
	case shPump:
		p.rrect(-78, -252, 78, 0, 34, lk.body)
		p.highlight(-78, -240, 78, -10, lk.body)
		p.rect(-26, -284, 26, -250, lk.cap)
		p.rect(-44, -308, 44, -284, lk.cap)
		p.rect(44, -305, 94, -292, lk.cap)
		p.rect(-8, -322, 8, -306, lk.cap)
		p.labelBox(lk, -78, -205, 78, -42)
	case shTube:
		p.poly([][2]float64{{-74, -332}, {74, -332}, {58, -50}, {-58, -50}}, lk.body)
		p.rect(-78, -348, 78, -326, shade(lk.body, -30))
		p.rrect(-48, -56, 48, 0, 8, lk.cap)
		p.labelBox(lk, -58, -292, 58, -112)
	case shJar:
		p.rrect(-135, -152, 135, 0, 22, lk.body)
		p.highlight(-135, -145, 135, -8, lk.body)
		p.rect(-140, -204, 140, -148, lk.cap)
		p.rect(-140, -156, 140, -148, shade(lk.cap, -30))
		p.labelBox(lk, -135, -128, 135, -22)
	case shBox:
		p.rect(-120, -252, 80, 0, lk.body)
		p.poly([][2]float64{{-120, -252}, {-85, -288}, {115, -288}, {80, -252}}, shade(lk.body, 40))
		p.poly([][2]float64{{80, -252}, {115, -288}, {115, -36}, {80, 0}}, shade(lk.body, -40))
		p.rect(-120, -34, 80, -14, lk.cap)
		p.labelBox(lk, -112, -215, 72, -50)
	case shSpray:
		p.rrect(-72, -232, 72, 0, 22, lk.body)
		p.highlight(-72, -222, 72, -10, lk.body)
		p.rect(-24, -264, 24, -228, lk.cap)
		p.rrect(-48, -308, 62, -258, 10, lk.cap)
		p.rect(58, -302, 98, -284, lk.cap)
		p.rect(14, -262, 34, -200, lk.cap)
		p.labelBox(lk, -72, -192, 72, -35)
	case shJug:
		p.rrect(-115, -286, 115, 0, 26, lk.body)
		p.rrect(45, -266, 92, -186, 14, bg)
		p.rect(-75, -322, -20, -284, lk.cap)
		p.labelBox(lk, -105, -172, 105, -30)
	}
}

// ---- scenes: what one photo shows ----

const (
	bgStudio = iota
	bgWood
	bgMarble
	bgCounter
	bgFabric
	bgDark
	bgWhite
	bgKraft
)

type item struct {
	lk    look
	dx    float64 // horizontal offset in pixels from the centre
	scale float64
}

type page struct {
	kind  int // 0 printable sheet, 1 book cover, 2 t-shirt, 3 sticker sheet, 4 label sheet
	col   color.RGBA
	lines []string
}

type scene struct {
	bg     int
	items  []item
	tamper int // 1 marker over the code area, 2 cut-out notch, 3 scratched patch
	used   bool
	page   *page
	light  float64
	seed   uint64
}

func bgColor(kind int) color.RGBA {
	switch kind {
	case bgWood:
		return rgb(150, 105, 65)
	case bgMarble:
		return rgb(226, 224, 220)
	case bgCounter:
		return rgb(214, 200, 176)
	case bgFabric:
		return rgb(120, 124, 132)
	case bgDark:
		return rgb(40, 40, 44)
	case bgWhite:
		return rgb(255, 255, 255)
	case bgKraft:
		return rgb(196, 164, 120)
	}
	return rgb(244, 244, 246)
}

func renderScene(sc scene, size int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	rng := rand.New(rand.NewPCG(sc.seed, 77))
	base := bgColor(sc.bg)
	for y := 0; y < size; y++ {
		var c color.RGBA
		switch sc.bg {
		case bgStudio:
			c = shade(base, -float64(y)*14/float64(size))
		case bgWood:
			c = shade(base, 18*math.Sin(float64(y)*0.09+3*math.Sin(float64(y)*0.013)))
		default:
			c = shade(base, -float64(y)*20/float64(size)+sc.light)
		}
		for x := 0; x < size; x++ {
			cc := c
			if sc.bg != bgStudio && sc.bg != bgWhite {
				cc = shade(c, float64(rng.IntN(9))-4)
			}
			img.SetRGBA(x, y, cc)
		}
	}
	if sc.bg == bgMarble {
		for i := 0; i < 6; i++ {
			x, y := rng.Float64()*float64(size), rng.Float64()*float64(size)
			dx, dy := rng.Float64()*2-1, rng.Float64()*2-1
			for t := 0; t < size; t++ {
				blend(img, int(x+dx*float64(t)+4*math.Sin(float64(t)*0.05)), int(y+dy*float64(t)), rgb(170, 170, 175), 0.6)
			}
		}
	}
	if sc.page != nil {
		drawPage(img, *sc.page, rng)
		return img
	}
	sf := float64(size) / 500
	for _, it := range sc.items {
		s := it.scale * sf
		cx := float64(size)/2 + it.dx*sf
		cy := float64(size) - 45*sf
		if sc.bg == bgStudio {
			p := pen{img, cx, cy + 2*sf, s}
			p.ell(0, 0, 150, 16, shade(base, -30))
		}
		p := pen{img, cx, cy, s}
		p.product(it.lk, base)
		if sc.used {
			p.ell(-30, -120, 40, 14, shade(it.lk.body, -45))
			p.rect(-90, -60, 90, -52, shade(it.lk.label, -60))
		}
		switch sc.tamper {
		case 1: // black marker over the batch code
			for t := -60.0; t < 60; t++ {
				p.ell(t, -62+6*math.Sin(t/7), 9, 7, rgb(20, 20, 24))
			}
		case 2: // cut notch in the label
			p.poly([][2]float64{{20, -80}, {80, -80}, {80, -20}}, base)
		case 3: // scratched silver panel
			p.rect(-55, -78, 55, -50, rgb(190, 190, 196))
			for i := 0; i < 40; i++ {
				x := rng.Float64()*110 - 55
				p.rect(x, -78, x+3, -50, rgb(120, 120, 126))
			}
		}
	}
	if sc.light != 0 && sc.bg != bgStudio {
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				d := sc.light * (float64(x)/float64(size) - 0.5)
				o := img.RGBAAt(x, y)
				img.SetRGBA(x, y, shade(o, d))
			}
		}
	}
	return img
}

func drawPage(img *image.RGBA, pg page, rng *rand.Rand) {
	size := img.Rect.Dx()
	sf := float64(size) / 500
	p := pen{img, float64(size) / 2, float64(size) - 30*sf, sf}
	tc := rgb(30, 30, 40)
	switch pg.kind {
	case 0, 4: // printable sheet / label sheet
		p.rect(-170, -440, 170, 0, rgb(252, 252, 250))
		p.rect(-170, -440, 170, -420, pg.col)
		y := -400.0
		for i, l := range pg.lines {
			h := 16.0
			if i == 0 {
				h = 22
			}
			p.text(0, y, h, 320, tc, l)
			y += h + 14
		}
		if pg.kind == 4 {
			for r := 0; r < 3; r++ {
				for c := 0; c < 2; c++ {
					x0, y0 := -150+float64(c)*155, -250+float64(r)*78
					p.rect(x0, y0, x0+140, y0+66, pg.col)
					p.rect(x0+6, y0+6, x0+134, y0+60, rgb(252, 252, 250))
					p.text(x0+70, y0+24, 14, 120, tc, pg.lines[len(pg.lines)-1])
				}
			}
		} else {
			for ; y < -30; y += 18 {
				w := 120 + rng.Float64()*170
				p.rect(-150, y, -150+w, y+7, rgb(200, 200, 205))
			}
		}
	case 1: // book / zine cover
		p.rect(-150, -440, 150, 0, pg.col)
		p.rect(150, -440, 162, 0, shade(pg.col, -50))
		y := -380.0
		for i, l := range pg.lines {
			h := 30.0
			if i > 0 {
				h = 18
			}
			p.text(0, y, h, 270, rgb(255, 255, 250), l)
			y += h + 22
		}
	case 2: // t-shirt
		p.poly([][2]float64{{-120, -420}, {-60, -440}, {60, -440}, {120, -420}, {120, 0}, {-120, 0}}, pg.col)
		p.poly([][2]float64{{-120, -420}, {-200, -330}, {-160, -290}, {-120, -330}}, pg.col)
		p.poly([][2]float64{{120, -420}, {200, -330}, {160, -290}, {120, -330}}, pg.col)
		p.ell(0, -440, 42, 18, bgColor(bgFabric))
		y := -340.0
		tcol := rgb(250, 250, 250)
		if lum(pg.col) > 140 {
			tcol = rgb(200, 20, 30)
		}
		for _, l := range pg.lines {
			p.text(0, y, 24, 220, tcol, l)
			y += 46
		}
	case 3: // sticker sheet
		p.rect(-170, -430, 170, 0, rgb(250, 250, 250))
		for i, l := range pg.lines {
			y := -400 + float64(i)*120
			p.ell(0, y+45, 150, 50, pg.col)
			p.text(0, y+35, 18, 260, rgb(255, 255, 255), l)
		}
	}
}

// ---- photo edits a counterfeit seller applies to official photos ----

const (
	edCrop = iota + 1
	edBorder
	edCanvas
	edWatermark
	edTiled
	edShift
	edResize
	edCaption
)

type edit struct {
	op   int
	f    float64
	text string
	col  color.RGBA
}

func resize(src *image.RGBA, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
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
			for j := 0; j < 2; j++ {
				for i := 0; i < 2; i++ {
					xx := min(max(x0+i, 0), sw-1)
					yy := min(max(y0+j, 0), sh-1)
					c := src.RGBAAt(src.Rect.Min.X+xx, src.Rect.Min.Y+yy)
					wgt := (1 - math.Abs(float64(i)-tx)) * (1 - math.Abs(float64(j)-ty))
					acc[0] += wgt * float64(c.R)
					acc[1] += wgt * float64(c.G)
					acc[2] += wgt * float64(c.B)
				}
			}
			dst.SetRGBA(x, y, color.RGBA{clamp8(acc[0]), clamp8(acc[1]), clamp8(acc[2]), 255})
		}
	}
	return dst
}

func applyEdit(img *image.RGBA, e edit) *image.RGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	switch e.op {
	case edCrop: // crop f of the picture (asymmetric) and scale back up
		cx0 := int(float64(w) * e.f * 0.6)
		cy0 := int(float64(h) * e.f * 0.3)
		cx1 := w - int(float64(w)*e.f*0.4)
		cy1 := h - int(float64(h)*e.f*0.7)
		sub := img.SubImage(image.Rect(cx0, cy0, cx1, cy1)).(*image.RGBA)
		return resize(sub, w, h)
	case edBorder:
		b := int(e.f)
		out := image.NewRGBA(img.Rect)
		draw.Draw(out, out.Rect, &image.Uniform{e.col}, image.Point{}, draw.Src)
		draw.Draw(out, image.Rect(b, b, w-b, h-b), resize(img, w-2*b, h-2*b), image.Point{}, draw.Src)
		return out
	case edCanvas: // small on a white canvas with a caption
		out := image.NewRGBA(image.Rect(0, 0, 600, 600))
		draw.Draw(out, out.Rect, &image.Uniform{rgb(255, 255, 255)}, image.Point{}, draw.Src)
		sw := int(600 * e.f)
		off := (600 - sw) / 2
		draw.Draw(out, image.Rect(off, off-20, off+sw, off-20+sw), resize(img, sw, sw), image.Point{}, draw.Src)
		if e.text != "" {
			k := 4
			for textWidth(e.text, k) > 560 && k > 1 {
				k--
			}
			drawText(out, 300-textWidth(e.text, k)/2, 600-off+10, k, e.col, e.text, 1)
		}
		return out
	case edWatermark:
		k := max(2, w/110)
		tw := textWidth(e.text, k)
		drawText(img, (w-tw)/2, h/2-4*k, k, e.col, e.text, e.f)
		return img
	case edTiled:
		k := max(2, w/170)
		tw := textWidth(e.text, k)
		row := 0
		for y := 10; y < h; y += 11 * k * 2 {
			off := (row % 2) * tw / 2
			for x := -off; x < w; x += tw + 8*k {
				drawText(img, x, y, k, e.col, e.text, e.f)
			}
			row++
		}
		return img
	case edShift: // colour shift: rotate a little towards another channel
		out := image.NewRGBA(img.Rect)
		a := e.f
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				c := img.RGBAAt(x, y)
				r, g, b := float64(c.R), float64(c.G), float64(c.B)
				out.SetRGBA(x, y, color.RGBA{clamp8(r*(1-a) + g*a + 6), clamp8(g*(1-a) + b*a), clamp8(b*(1-a) + r*a - 4), 255})
			}
		}
		return out
	case edResize:
		n := int(e.f)
		return resize(img, n, n)
	case edCaption: // a banner across the bottom
		bh := h / 9
		draw.Draw(img, image.Rect(0, h-bh, w, h), &image.Uniform{e.col}, image.Point{}, draw.Src)
		k := max(1, bh/10)
		for textWidth(e.text, k) > w-10 && k > 1 {
			k--
		}
		drawText(img, (w-textWidth(e.text, k))/2, h-bh+(bh-7*k)/2, k, rgb(255, 255, 255), e.text, 1)
		return img
	}
	return img
}

// ---- image specs and the cache ----

type imgSpec struct {
	official string // sku: start from the official photo
	sc       scene  // else: render this scene
	edits    []edit
	quality  int // 0: 88
	size     int // 0: 500
}

var (
	offOnce  sync.Once
	offImg   map[string]*image.RGBA
	offBytes map[string][]byte
)

func officialScene(p *product) scene {
	return scene{bg: bgStudio, items: []item{{lk: p.look, scale: 1.05}}}
}

func initOfficial() {
	offOnce.Do(func() {
		offImg = map[string]*image.RGBA{}
		offBytes = map[string][]byte{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, p := range products {
			wg.Add(1)
			go func(p *product) {
				defer wg.Done()
				img := renderScene(officialScene(p), 500)
				b := encodeJPEG(img, 90)
				mu.Lock()
				offImg[p.SKU] = img
				offBytes[p.SKU] = b
				mu.Unlock()
			}(p)
		}
		wg.Wait()
	})
}

func officialJPEG(p *product) []byte {
	initOfficial()
	return offBytes[p.SKU]
}

func encodeJPEG(img image.Image, q int) []byte {
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: q})
	return buf.Bytes()
}

func cloneRGBA(src *image.RGBA) *image.RGBA {
	dst := image.NewRGBA(src.Rect)
	copy(dst.Pix, src.Pix)
	return dst
}

func renderSpec(s imgSpec) []byte {
	if s.official != "" && len(s.edits) == 0 && s.quality == 0 {
		return officialJPEG(productBySKU[s.official])
	}
	var img *image.RGBA
	if s.official != "" {
		initOfficial()
		img = cloneRGBA(offImg[s.official])
	} else {
		size := s.size
		if size == 0 {
			size = 500
		}
		img = renderScene(s.sc, size)
	}
	for _, e := range s.edits {
		img = applyEdit(img, e)
	}
	q := s.quality
	if q == 0 {
		q = 88
	}
	return encodeJPEG(img, q)
}

type imageCache struct {
	mu    sync.Mutex
	specs map[string]imgSpec
	data  map[string][]byte
}

func (c *imageCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	spec, ok := c.specs[key]
	b, done := c.data[key]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	if done {
		return b, true
	}
	b = renderSpec(spec)
	c.mu.Lock()
	c.data[key] = b
	c.mu.Unlock()
	return b, true
}
