package world6

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"strings"
)

func hex(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

const (
	shTub = iota
	shTubWide
	shBottle
	shBottleTall
	shDropper
	shJar
	shJarSmall
	shBox
	shBoxFlat
	shTube
	shSpray
	shJug
	shAppliance
	shCylinder
	shTall
	shShaker
	shScoop
	shPump
	shSachet
)

const (
	logoNone = iota
	logoLeaf
	logoDiamond
	logoHouse
	logoMoon
	logoStar
	logoDrop
)

// design is what a product's packaging looks like.
type design struct {
	shape            int
	body, cap, band  color.RGBA
	ink              color.RGBA
	brand, line      string
	logo             int
	bg               color.RGBA
	stripes          int // extra decoration
	twoUnits         bool
	misprint         bool
	sticker          string // a flash sticker on own photos
	stickerColor     color.RGBA
	background       int // 0 studio gradient, 1 wood table, 2 hand, 3 shelf, 4 flat white
	scale, dx, dy    float64
	boxBeside        bool
	overlay          string // big text banner (guides, news)
	overlayColor     color.RGBA
	vs               *design
	warning          bool
	magnifier        bool
	noProduct        bool
	documentPage     bool
	bodyShiftR       int
	bodyShiftG       int
	bodyShiftB       int
	lineOverride     string
	brandOverride    string
	inkOverride      *color.RGBA
	backgroundColour color.RGBA
}

type canvas struct {
	img        *image.RGBA
	w, h       int
	sc, dx, dy float64
}

func newCanvas(w, h int) *canvas {
	return &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h)), w: w, h: h, sc: float64(w) / 400}
}

func (cv *canvas) blend(x, y int, c color.RGBA, a float64) {
	if x < 0 || y < 0 || x >= cv.w || y >= cv.h || a <= 0 {
		return
	}
	if a > 1 {
		a = 1
	}
	i := cv.img.PixOffset(x, y)
	p := cv.img.Pix
	p[i] = uint8(float64(p[i])*(1-a) + float64(c.R)*a)
	p[i+1] = uint8(float64(p[i+1])*(1-a) + float64(c.G)*a)
	p[i+2] = uint8(float64(p[i+2])*(1-a) + float64(c.B)*a)
	p[i+3] = 255
}

// fill paints design-space region [x0,x1]x[y0,y1] where inside() holds.
func (cv *canvas) fill(x0, y0, x1, y1 float64, inside func(x, y float64) bool, col func(x, y float64) color.RGBA, a float64) {
	px0 := int(math.Floor(x0*cv.sc + cv.dx))
	px1 := int(math.Ceil(x1*cv.sc + cv.dx))
	py0 := int(math.Floor(y0*cv.sc + cv.dy))
	py1 := int(math.Ceil(y1*cv.sc + cv.dy))
	for py := py0; py <= py1; py++ {
		for px := px0; px <= px1; px++ {
			x := (float64(px) + 0.5 - cv.dx) / cv.sc
			y := (float64(py) + 0.5 - cv.dy) / cv.sc
			if x < x0 || x > x1 || y < y0 || y > y1 {
				continue
			}
			if inside == nil || inside(x, y) {
				cv.blend(px, py, col(x, y), a)
			}
		}
	}
}

func solid(c color.RGBA) func(x, y float64) color.RGBA {
	return func(float64, float64) color.RGBA { return c }
}

func scaleCol(c color.RGBA, f float64) color.RGBA {
	cl := func(v float64) uint8 {
		if v < 0 {
			return 0
		}
		if v > 255 {
			return 255
		}
		return uint8(v)
	}
	return color.RGBA{cl(float64(c.R) * f), cl(float64(c.G) * f), cl(float64(c.B) * f), 255}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	return color.RGBA{
		uint8(float64(a.R)*(1-t) + float64(b.R)*t),
		uint8(float64(a.G)*(1-t) + float64(b.G)*t),
		uint8(float64(a.B)*(1-t) + float64(b.B)*t), 255}
}

// cyl gives a cylinder-like horizontal shading between x0 and x1.
func cyl(c color.RGBA, x0, x1 float64) func(x, y float64) color.RGBA {
	return func(x, y float64) color.RGBA {
		t := (x - x0) / (x1 - x0)
		f := 0.72 + 0.36*math.Sin(math.Pi*t)
		if t > 0.22 && t < 0.3 {
			return mix(scaleCol(c, f), hex(0xffffff), 0.45)
		}
		return scaleCol(c, f)
	}
}

func roundRect(x0, y0, x1, y1, r float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		dx, dy := x-cx, y-cy
		return dx*dx+dy*dy <= r*r
	}
}

func ellipse(cx, cy, rx, ry float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		dx, dy := (x-cx)/rx, (y-cy)/ry
		return dx*dx+dy*dy <= 1
	}
}

func (cv *canvas) rect(x0, y0, x1, y1 float64, c color.RGBA, a float64) {
	cv.fill(x0, y0, x1, y1, nil, solid(c), a)
}

func (cv *canvas) rrect(x0, y0, x1, y1, r float64, col func(x, y float64) color.RGBA) {
	cv.fill(x0, y0, x1, y1, roundRect(x0, y0, x1, y1, r), col, 1)
}

func (cv *canvas) ell(cx, cy, rx, ry float64, c color.RGBA, a float64) {
	cv.fill(cx-rx, cy-ry, cx+rx, cy+ry, ellipse(cx, cy, rx, ry), solid(c), a)
}

// text draws s in the 5x7 font; (x,y) is the top-left in design space, px the
// size of one font pixel in design units.
func (cv *canvas) text(x, y float64, s string, px float64, c color.RGBA, a float64) {
	for _, r := range strings.ToUpper(s) {
		g, ok := font5x7[r]
		if !ok {
			g = font5x7['?']
		}
		for row, line := range g {
			for col, ch := range line {
				if ch == '#' {
					cv.rect(x+float64(col)*px, y+float64(row)*px, x+float64(col+1)*px-0.01, y+float64(row+1)*px-0.01, c, a)
				}
			}
		}
		x += 6 * px
	}
}

func textWidth(s string, px float64) float64 {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return float64(n*6-1) * px
}

func (cv *canvas) textCentered(cx, y float64, s string, px float64, c color.RGBA, a float64) {
	cv.text(cx-textWidth(s, px)/2, y, s, px, c, a)
}

// fitPx returns a font pixel size so that s fits in width w (at most max).
func fitPx(s string, w, max float64) float64 {
	px := max
	for px > 1 && textWidth(s, px) > w {
		px -= 0.25
	}
	return px
}

func (cv *canvas) logo(kind int, cx, cy, r float64, c color.RGBA) {
	switch kind {
	case logoLeaf:
		cv.fill(cx-r, cy-r, cx+r, cy+r, func(x, y float64) bool {
			return ellipse(cx-r*0.3, cy, r*0.9, r*0.9)(x, y) && ellipse(cx+r*0.3, cy, r*0.9, r*0.9)(x, y)
		}, solid(c), 1)
	case logoDiamond:
		cv.fill(cx-r, cy-r, cx+r, cy+r, func(x, y float64) bool { return math.Abs(x-cx)+math.Abs(y-cy) <= r }, solid(c), 1)
	case logoHouse:
		cv.fill(cx-r, cy-r, cx+r, cy+r, func(x, y float64) bool {
			if y < cy {
				return math.Abs(x-cx) <= (y - (cy - r))
			}
			return math.Abs(x-cx) <= r*0.7
		}, solid(c), 1)
	case logoMoon:
		cv.fill(cx-r, cy-r, cx+r, cy+r, func(x, y float64) bool {
			return ellipse(cx, cy, r, r)(x, y) && !ellipse(cx+r*0.45, cy-r*0.2, r*0.8, r*0.8)(x, y)
		}, solid(c), 1)
	case logoStar:
		cv.fill(cx-r, cy-r, cx+r, cy+r, func(x, y float64) bool {
			a := math.Atan2(y-cy, x-cx)
			d := math.Hypot(x-cx, y-cy)
			return d <= r*(0.55+0.45*math.Abs(math.Cos(2.5*a)))
		}, solid(c), 1)
	case logoDrop:
		cv.fill(cx-r, cy-r, cx+r, cy+r, func(x, y float64) bool {
			if y > cy {
				return ellipse(cx, cy+r*0.2, r*0.7, r*0.7)(x, y)
			}
			return math.Abs(x-cx) <= (y-(cy-r))*0.6
		}, solid(c), 1)
	}
}

// label draws the brand band on a body between x0..x1 around y.
func (cv *canvas) label(d *design, x0, x1, y0, y1 float64) {
	cv.rect(x0, y0, x1, y1, d.band, 1)
	w := x1 - x0
	ink := d.ink
	if d.inkOverride != nil {
		ink = *d.inkOverride
	}
	brand := d.brand
	if d.brandOverride != "" {
		brand = d.brandOverride
	}
	if d.misprint {
		brand = strings.Replace(brand, "O", "0", 1)
		if !strings.Contains(brand, "0") {
			brand = strings.Replace(brand, "E", "F", 1)
		}
	}
	line := d.line
	if d.lineOverride != "" {
		line = d.lineOverride
	}
	h := y1 - y0
	bpx := fitPx(brand, w*0.86, h/14)
	cv.textCentered((x0+x1)/2, y0+h*0.12, brand, bpx, ink, 1)
	lpx := fitPx(line, w*0.86, h/22)
	cv.textCentered((x0+x1)/2, y0+h*0.58, line, lpx, ink, 1)
	if d.stripes > 0 {
		for i := 0; i < d.stripes; i++ {
			yy := y1 - 4 - float64(i)*5
			cv.rect(x0, yy, x1, yy+2, ink, 0.6)
		}
	}
}

// product draws the packaging centred on (cx, base) with width scale s.
func (cv *canvas) product(d *design, cx, base, s float64) {
	// shadow
	cv.ell(cx, base+2*s, 95*s, 12*s, hex(0x000000), 0.18)
	X := func(v float64) float64 { return cx + v*s }
	Y := func(v float64) float64 { return base - v*s }
	body := d.body
	if d.bodyShiftR != 0 || d.bodyShiftG != 0 || d.bodyShiftB != 0 {
		cl := func(v int) uint8 { return uint8(max(0, min(255, v))) }
		body = color.RGBA{cl(int(body.R) + d.bodyShiftR), cl(int(body.G) + d.bodyShiftG), cl(int(body.B) + d.bodyShiftB), 255}
	}
	logoC := d.ink
	switch d.shape {
	case shTub, shTubWide:
		hw := 85.0
		ht := 180.0
		if d.shape == shTubWide {
			hw, ht = 100, 200
		}
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 10*s, cyl(body, X(-hw), X(hw)))
		cv.rrect(X(-hw-6), Y(ht+28), X(hw+6), Y(ht-4), 6*s, cyl(d.cap, X(-hw-6), X(hw+6)))
		cv.label(d, X(-hw), X(hw), Y(ht*0.72), Y(ht*0.22))
		cv.logo(d.logo, cx, Y(ht*0.84), 11*s, logoC)
	case shBottle, shBottleTall:
		hw, ht := 62.0, 170.0
		if d.shape == shBottleTall {
			hw, ht = 55, 215
		}
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 16*s, cyl(body, X(-hw), X(hw)))
		cv.rrect(X(-26), Y(ht+22), X(26), Y(ht-6), 4*s, cyl(scaleCol(body, 0.9), X(-26), X(26)))
		cv.rrect(X(-32), Y(ht+55), X(32), Y(ht+18), 5*s, cyl(d.cap, X(-32), X(32)))
		cv.label(d, X(-hw), X(hw), Y(ht*0.7), Y(ht*0.22))
		cv.logo(d.logo, cx, Y(ht*0.82), 10*s, logoC)
	case shTall:
		hw, ht := 48.0, 230.0
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 12*s, cyl(body, X(-hw), X(hw)))
		cv.rrect(X(-24), Y(ht+40), X(24), Y(ht-2), 6*s, cyl(d.cap, X(-24), X(24)))
		cv.label(d, X(-hw), X(hw), Y(ht*0.62), Y(ht*0.25))
		cv.logo(d.logo, cx, Y(ht*0.76), 9*s, logoC)
	case shDropper:
		hw, ht := 52.0, 150.0
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 14*s, cyl(body, X(-hw), X(hw)))
		cv.rrect(X(-24), Y(ht+30), X(24), Y(ht-4), 3*s, cyl(hex(0xd8c27a), X(-24), X(24)))
		cv.fill(X(-20), Y(ht+95), X(20), Y(ht+25), ellipse(cx, Y(ht+60), 20*s, 36*s), cyl(d.cap, X(-20), X(20)), 1)
		cv.label(d, X(-hw), X(hw), Y(ht*0.72), Y(ht*0.24))
		cv.logo(d.logo, cx, Y(ht*0.85), 9*s, logoC)
	case shJar, shJarSmall:
		hw, ht := 100.0, 110.0
		if d.shape == shJarSmall {
			hw, ht = 70, 80
		}
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 14*s, cyl(body, X(-hw), X(hw)))
		cv.rrect(X(-hw-4), Y(ht+40), X(hw+4), Y(ht-4), 8*s, cyl(d.cap, X(-hw-4), X(hw+4)))
		cv.label(d, X(-hw*0.85), X(hw*0.85), Y(ht*0.8), Y(ht*0.2))
	case shBox, shBoxFlat:
		hw, ht := 90.0, 210.0
		if d.shape == shBoxFlat {
			hw, ht = 110, 150
		}
		cv.rect(X(-hw), Y(ht), X(hw), Y(0), body, 1)
		cv.fill(X(-hw), Y(ht+18), X(hw+18), Y(ht), func(x, y float64) bool {
			return x-X(-hw) >= (Y(ht)-y) && x <= X(hw)+(Y(ht)-y)
		}, solid(scaleCol(body, 1.2)), 1)
		cv.fill(X(hw), Y(ht+18), X(hw+18), Y(0), func(x, y float64) bool {
			return y >= Y(ht)-(x-X(hw)) && y <= Y(0)-(x-X(hw))
		}, solid(scaleCol(body, 0.75)), 1)
		cv.label(d, X(-hw), X(hw), Y(ht*0.62), Y(ht*0.3))
		cv.logo(d.logo, cx, Y(ht*0.8), 13*s, d.band)
	case shTube:
		ht := 240.0
		cv.fill(X(-75), Y(ht), X(75), Y(0), func(x, y float64) bool {
			t := (Y(0) - y) / (Y(0) - Y(ht)) // 0 bottom, 1 top
			hw := (35 + 40*math.Min(1, t*1.4)) * s
			return math.Abs(x-cx) <= hw
		}, cyl(body, X(-75), X(75)), 1)
		cv.rect(X(-78), Y(ht+8), X(78), Y(ht-4), scaleCol(body, 0.85), 1)
		cv.rrect(X(-36), Y(4), X(36), Y(-30), 4*s, cyl(d.cap, X(-36), X(36)))
		cv.label(d, X(-58), X(58), Y(ht*0.78), Y(ht*0.42))
		cv.logo(d.logo, cx, Y(ht*0.88), 9*s, logoC)
	case shSpray:
		hw, ht := 60.0, 170.0
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 14*s, cyl(body, X(-hw), X(hw)))
		cv.rrect(X(-30), Y(ht+70), X(35), Y(ht-2), 6*s, cyl(d.cap, X(-30), X(35)))
		cv.rect(X(35), Y(ht+66), X(75), Y(ht+48), d.cap, 1)
		cv.rect(X(-10), Y(ht+46), X(8), Y(ht+10), scaleCol(d.cap, 1.4), 1)
		cv.label(d, X(-hw), X(hw), Y(ht*0.72), Y(ht*0.25))
	case shJug:
		hw, ht := 95.0, 190.0
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 18*s, cyl(body, X(-hw), X(hw)))
		cv.fill(X(30), Y(ht+30), X(hw), Y(ht-40), func(x, y float64) bool {
			return ellipse(X(62), Y(ht-5), 33*s, 35*s)(x, y) && !ellipse(X(62), Y(ht-5), 18*s, 20*s)(x, y)
		}, solid(scaleCol(body, 0.85)), 1)
		cv.rrect(X(-55), Y(ht+34), X(-5), Y(ht-4), 5*s, cyl(d.cap, X(-55), X(-5)))
		cv.label(d, X(-hw+8), X(hw-8), Y(ht*0.65), Y(ht*0.2))
		cv.logo(d.logo, X(-30), Y(ht*0.78), 10*s, logoC)
	case shAppliance:
		hw, ht := 120.0, 230.0
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 8*s, cyl(body, X(-hw), X(hw)))
		cv.rect(X(-hw), Y(ht), X(hw), Y(ht-30), d.cap, 1)
		cv.rrect(X(-50), Y(ht-45), X(50), Y(ht-95), 5*s, solid(hex(0x101820)))
		cv.textCentered(cx, Y(ht-60), "TDS 008", 3*s, d.ink, 1)
		cv.textCentered(cx, Y(ht*0.3), d.brand, 4*s, d.cap, 1)
		line := d.line
		if d.lineOverride != "" {
			line = d.lineOverride
		}
		cv.textCentered(cx, Y(ht*0.3)+34*s, line, 3*s, d.cap, 1)
		cv.logo(d.logo, X(-hw+22), Y(ht-15), 8*s, hex(0xffffff))
	case shCylinder:
		hw, ht := 45.0, 230.0
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 8*s, cyl(body, X(-hw), X(hw)))
		for i := 0; i < 6; i++ {
			yy := Y(20 + float64(i)*10)
			cv.rect(X(-hw), yy, X(hw), yy+3*s, scaleCol(body, 0.8), 1)
		}
		cv.rrect(X(-hw-3), Y(ht+12), X(hw+3), Y(ht-12), 4*s, cyl(d.cap, X(-hw-3), X(hw+3)))
		cv.rrect(X(-12), Y(ht+30), X(12), Y(ht+10), 2*s, cyl(d.cap, X(-12), X(12)))
		cv.label(d, X(-hw), X(hw), Y(ht*0.72), Y(ht*0.38))
	case shShaker:
		hw, ht := 60.0, 210.0
		cv.rrect(X(-hw), Y(ht), X(hw), Y(0), 10*s, cyl(mix(body, hex(0xffffff), 0.5), X(-hw), X(hw)))
		for i := 1; i < 6; i++ {
			yy := Y(float64(i) * 30)
			cv.rect(X(hw-25), yy, X(hw-5), yy+2*s, d.ink, 1)
		}
		cv.rrect(X(-hw-4), Y(ht+40), X(hw+4), Y(ht-4), 6*s, cyl(body, X(-hw-4), X(hw+4)))
	case shScoop:
		cv.fill(X(-60), Y(80), X(20), Y(0), ellipse(X(-20), Y(40), 40*s, 40*s), cyl(body, X(-60), X(20)), 1)
		cv.rrect(X(10), Y(52), X(150), Y(30), 8*s, solid(body))
	case shPump:
		cv.rrect(X(-20), Y(140), X(20), Y(0), 4*s, solid(hex(0xe0e0e0)))
		cv.rrect(X(-40), Y(185), X(40), Y(135), 8*s, cyl(body, X(-40), X(40)))
		cv.rect(X(40), Y(180), X(110), Y(165), body, 1)
		cv.rrect(X(-45), Y(135), X(45), Y(110), 4*s, solid(scaleCol(body, 0.8)))
	case shSachet:
		for i := 0; i < 3; i++ {
			ox := float64(i-1) * 55
			cv.rrect(X(ox-25), Y(170+float64(i)*6), X(ox+25), Y(0), 3*s, cyl(body, X(ox-25), X(ox+25)))
			cv.rect(X(ox-25), Y(120), X(ox+25), Y(80), d.band, 1)
		}
	}
}

func (cv *canvas) background(d *design) {
	switch d.background {
	case 1: // wooden table
		for y := 0; y < cv.h; y++ {
			for x := 0; x < cv.w; x++ {
				v := 0.85 + 0.08*math.Sin(float64(y)/7+math.Sin(float64(x)/40)*2)
				c := hex(0xb07d4f)
				if y < cv.h*45/100 {
					c, v = hex(0xe9e4dc), 1
				}
				cv.blend(x, y, scaleCol(c, v), 1)
			}
		}
	case 3: // shelf
		for y := 0; y < cv.h; y++ {
			for x := 0; x < cv.w; x++ {
				c := hex(0xf0f0f0)
				if (y*400/cv.h)%130 > 118 {
					c = hex(0x8a8f96)
				}
				cv.blend(x, y, c, 1)
			}
		}
	case 4:
		cv.rect(0, 0, 400, 400, hex(0xffffff), 1)
	default:
		bg := d.bg
		if d.backgroundColour.A != 0 {
			bg = d.backgroundColour
		}
		for y := 0; y < cv.h; y++ {
			c := mix(bg, hex(0xffffff), float64(y)/float64(cv.h)*0.7)
			for x := 0; x < cv.w; x++ {
				cv.blend(x, y, c, 1)
			}
		}
	}
}

// render draws a product photo of d at w x w pixels.
func render(d design, w int) *image.RGBA {
	cv := newCanvas(w, w)
	cv.background(&d)
	if d.documentPage {
		cv.rect(60, 30, 340, 380, hex(0xffffff), 1)
		for i := 0; i < 14; i++ {
			cv.rect(85, 120+float64(i)*17, 315-float64(i%3)*40, 127+float64(i)*17, hex(0x9aa0a6), 1)
		}
		cv.textCentered(200, 55, d.overlay, fitPx(d.overlay, 250, 5), d.overlayColor, 1)
		return cv.img
	}
	s := d.scale
	if s == 0 {
		s = 1.2
	}
	cx, base := 200+d.dx, 350+d.dy
	if d.vs != nil {
		cv.product(&d, 105, 330, 0.62)
		cv.product(d.vs, 295, 330, 0.62)
		cv.textCentered(200, 60, "VS", 9, hex(0xd62828), 1)
	} else if d.boxBeside {
		box := d
		box.shape = shBox
		box.body, box.band, box.ink = d.band, d.body, d.band
		if d.shape == shBox || d.shape == shBoxFlat {
			box.body, box.band, box.ink = scaleCol(d.body, 0.8), d.band, d.ink
		}
		cv.product(&box, 280, 350, 0.8)
		cv.product(&d, 120, 362, 0.92)
	} else if d.twoUnits {
		cv.product(&d, cx-70*s, base-10, s*0.7)
		cv.product(&d, cx+70*s, base, s*0.7)
	} else if !d.noProduct {
		cv.product(&d, cx, base, s)
	}
	if d.background == 2 { // hand holding it
		cv.ell(cx-110*s, base-100*s, 40*s, 70*s, hex(0xe8b894), 1)
		for i := 0; i < 4; i++ {
			cv.rrect(cx-120*s+float64(i)*6, base-170*s+float64(i)*28*s, cx-40*s, base-150*s+float64(i)*28*s, 9*s, solid(hex(0xe2ad86)))
		}
	}
	if d.magnifier {
		cv.fill(230, 40, 380, 190, func(x, y float64) bool {
			r := math.Hypot(x-300, y-110)
			return r < 62 && r > 52
		}, solid(hex(0x333333)), 1)
		cv.ell(300, 110, 52, 52, hex(0xcfe8ff), 0.35)
		cv.fill(330, 150, 395, 215, func(x, y float64) bool {
			return math.Abs((x-330)-(y-150)) < 9
		}, solid(hex(0x333333)), 1)
	}
	if d.warning {
		cv.fill(140, 20, 260, 125, func(x, y float64) bool {
			return y >= 25 && math.Abs(x-200) <= (y-25)*0.62 && y <= 120
		}, solid(hex(0xf4c430)), 1)
		cv.text(195, 45, "!", 8, hex(0x000000), 1)
	}
	if d.sticker != "" {
		cv.ell(320, 70, 62, 62, d.stickerColor, 1)
		px := fitPx(d.sticker, 100, 4)
		cv.textCentered(320, 70-3.5*px, d.sticker, px, hex(0xffffff), 1)
	}
	if d.overlay != "" {
		px := fitPx(d.overlay, 370, 6)
		cv.rect(0, 8, 400, 12+7*px+8, hex(0xffffff), 0.85)
		cv.textCentered(200, 14, d.overlay, px, d.overlayColor, 1)
	}
	return cv.img
}

// ---- edits counterfeiters make to official photos ----

type edit struct {
	crop      float64 // fraction cut away
	cropSide  int     // 0 all sides, 1 top-left, 2 bottom-right, 3 left/right
	border    int     // border width in px (on a 400 image)
	borderCol color.RGBA
	canvas    bool // placed on a larger white canvas
	wm        string
	tile      bool
	shift     [3]int // colour shift
	bright    float64
	quality   int // JPEG quality, 0 = original encoding
	size      int // output size, 0 = as is
	flip      bool
}

func resize(src *image.RGBA, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
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
					xx := min(max(x0+i, 0), sw-1) + sb.Min.X
					yy := min(max(y0+j, 0), sh-1) + sb.Min.Y
					wt := (1 - math.Abs(float64(i)-tx)) * (1 - math.Abs(float64(j)-ty))
					o := src.PixOffset(xx, yy)
					acc[0] += float64(src.Pix[o]) * wt
					acc[1] += float64(src.Pix[o+1]) * wt
					acc[2] += float64(src.Pix[o+2]) * wt
				}
			}
			o := dst.PixOffset(x, y)
			dst.Pix[o], dst.Pix[o+1], dst.Pix[o+2], dst.Pix[o+3] = uint8(acc[0]+0.5), uint8(acc[1]+0.5), uint8(acc[2]+0.5), 255
		}
	}
	return dst
}

func applyEdit(src *image.RGBA, e edit) *image.RGBA {
	img := src
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if e.crop > 0 {
		cw := int(float64(w) * e.crop)
		ch := int(float64(h) * e.crop)
		r := image.Rect(cw/2, ch/2, w-cw+cw/2, h-ch+ch/2)
		switch e.cropSide {
		case 1:
			r = image.Rect(cw, ch, w, h)
		case 2:
			r = image.Rect(0, 0, w-cw, h-ch)
		case 3:
			r = image.Rect(cw/2, 0, w-cw+cw/2, h)
		}
		sub := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
		for y := 0; y < r.Dy(); y++ {
			copy(sub.Pix[y*sub.Stride:y*sub.Stride+r.Dx()*4], img.Pix[(r.Min.Y+y)*img.Stride+r.Min.X*4:])
		}
		img = resize(sub, w, h)
	}
	if e.flip {
		f := image.NewRGBA(img.Bounds())
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				copy(f.Pix[f.PixOffset(w-1-x, y):f.PixOffset(w-1-x, y)+4], img.Pix[img.PixOffset(x, y):img.PixOffset(x, y)+4])
			}
		}
		img = f
	}
	if e.shift != [3]int{} || e.bright != 0 {
		out := image.NewRGBA(img.Bounds())
		copy(out.Pix, img.Pix)
		k := 1 + e.bright
		for i := 0; i < len(out.Pix); i += 4 {
			for c := 0; c < 3; c++ {
				v := int(float64(out.Pix[i+c])*k) + e.shift[c]
				out.Pix[i+c] = uint8(max(0, min(255, v)))
			}
		}
		img = out
	}
	if e.canvas {
		W := w * 6 / 5
		cv := newCanvas(W, W)
		cv.rect(0, 0, 400, 400, hex(0xffffff), 1)
		inner := resize(img, w*9/10, h*9/10)
		off := (W - w*9/10) / 2
		for y := 0; y < inner.Bounds().Dy(); y++ {
			copy(cv.img.Pix[(off+y)*cv.img.Stride+off*4:], inner.Pix[y*inner.Stride:(y+1)*inner.Stride])
		}
		img = cv.img
		w, h = W, W
	}
	if e.border > 0 {
		bw := e.border * w / 400
		out := image.NewRGBA(img.Bounds())
		copy(out.Pix, img.Pix)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				if x < bw || y < bw || x >= w-bw || y >= h-bw {
					o := out.PixOffset(x, y)
					out.Pix[o], out.Pix[o+1], out.Pix[o+2] = e.borderCol.R, e.borderCol.G, e.borderCol.B
				}
			}
		}
		img = out
	}
	if e.wm != "" {
		cv := &canvas{img: img, w: w, h: h, sc: float64(w) / 400}
		if e.tile {
			px := 3.0
			tw := textWidth(e.wm, px)
			for row := 0; row < 7; row++ {
				y := 20 + float64(row)*58
				for x := -float64(row%2)*tw/2 + 10; x < 400; x += tw + 40 {
					cv.text(x, y, e.wm, px, hex(0x808080), 0.28)
				}
			}
		} else {
			px := fitPx(e.wm, 240, 4)
			tw := textWidth(e.wm, px)
			cv.rect(390-tw-12, 345, 392, 352+7*px+6, hex(0xffffff), 0.55)
			cv.text(390-tw-6, 350, e.wm, px, hex(0xd62828), 0.9)
		}
	}
	if e.size > 0 && e.size != w {
		img = resize(img, e.size, e.size)
	}
	return img
}

func encodeJPEG(img image.Image, q int) []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, img, &jpeg.Options{Quality: q})
	return b.Bytes()
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
