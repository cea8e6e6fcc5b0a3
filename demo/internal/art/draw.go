// Package art draws the demo world's synthetic product photos: the official
// catalogue shots, the sellers' own photos and the re-used, re-compressed
// copies of official shots that counterfeiters upload. Everything is
// deterministic for a given seed.
package art

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// RGB returns an opaque colour.
func RGB(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}

// Shade darkens (t < 0) or lightens (t > 0) c by |t|.
func Shade(c color.RGBA, t float64) color.RGBA {
	if t < 0 {
		return mix(c, RGB(0, 0, 0), -t)
	}
	return mix(c, RGB(255, 255, 255), t)
}

// fillSpan paints pixels [x0, x1) of row y. It writes one pixel and doubles
// it with copy, which keeps rendering fast (and cheap under the race
// detector, which instruments every store).
func fillSpan(img *image.RGBA, x0, x1, y int, c color.RGBA) {
	b := img.Bounds()
	x0, x1 = max(x0, b.Min.X), min(x1, b.Max.X)
	if y < b.Min.Y || y >= b.Max.Y || x0 >= x1 {
		return
	}
	off := img.PixOffset(x0, y)
	p := img.Pix[off : off+4*(x1-x0)]
	p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
	for n := 4; n < len(p); n *= 2 {
		copy(p[n:], p[:n])
	}
}

func fillRect(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		fillSpan(img, r.Min.X, r.Max.X, y, c)
	}
}

// fillShape paints, row by row, the pixels of b for which in is true; each
// row of a convex shape is one span.
func fillShape(img *image.RGBA, b image.Rectangle, c color.RGBA, in func(x, y int) bool) {
	b = b.Intersect(img.Bounds())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		x0 := b.Min.X
		for x0 < b.Max.X && !in(x0, y) {
			x0++
		}
		x1 := x0
		for x1 < b.Max.X && in(x1, y) {
			x1++
		}
		fillSpan(img, x0, x1, y, c)
	}
}

// fillRound fills a rectangle with corners of radius rad.
func fillRound(img *image.RGBA, r image.Rectangle, rad int, c color.RGBA) {
	fillShape(img, r, c, func(x, y int) bool {
		cx, cy := x, y
		switch {
		case x < r.Min.X+rad:
			cx = r.Min.X + rad
		case x >= r.Max.X-rad:
			cx = r.Max.X - rad - 1
		}
		switch {
		case y < r.Min.Y+rad:
			cy = r.Min.Y + rad
		case y >= r.Max.Y-rad:
			cy = r.Max.Y - rad - 1
		}
		dx, dy := x-cx, y-cy
		return dx*dx+dy*dy <= rad*rad
	})
}

func fillEllipse(img *image.RGBA, cx, cy, rx, ry int, c color.RGBA) {
	if rx <= 0 || ry <= 0 {
		return
	}
	fillShape(img, image.Rect(cx-rx, cy-ry, cx+rx+1, cy+ry+1), c, func(x, y int) bool {
		dx, dy := float64(x-cx)/float64(rx), float64(y-cy)/float64(ry)
		return dx*dx+dy*dy <= 1
	})
}

// drawText writes ASCII text scaled to fit r, centred, in colour c.
func drawText(img *image.RGBA, r image.Rectangle, text string, c color.RGBA) {
	if text == "" || r.Dx() <= 0 || r.Dy() <= 0 {
		return
	}
	face := basicfont.Face7x13
	w := font.MeasureString(face, text).Ceil()
	src := image.NewRGBA(image.Rect(0, 0, w, 13))
	d := font.Drawer{Dst: src, Src: image.NewUniform(c), Face: face, Dot: fixed.P(0, 11)}
	d.DrawString(text)
	scale := math.Min(float64(r.Dx())/float64(w), float64(r.Dy())/13)
	dw, dh := int(float64(w)*scale), int(13*scale)
	min := image.Pt(r.Min.X+(r.Dx()-dw)/2, r.Min.Y+(r.Dy()-dh)/2)
	at := image.Rectangle{Min: min, Max: min.Add(image.Pt(dw, dh))}
	draw.NearestNeighbor.Scale(img, at, src, src.Bounds(), draw.Over, nil)
}

// Shape is a kind of package silhouette.
type Shape int

// The package silhouettes.
const (
	Bottle  Shape = iota // tall bottle with shoulder, neck and cap (fish oil, toner)
	Jar                  // wide tub with a screw lid (protein powder)
	Box                  // carton seen slightly from above (sachets, tablets)
	Tube                 // squeeze tube standing on its cap (cleanser, toothpaste)
	Pump                 // bottle with a pump head (serum, dish liquid)
	Pouch                // stand-up pouch (detergent refill, meal shake)
	Vials                // a row of small vials (oral liquid)
	Book                 // a book or e-book cover (defamation sellers)
	Shaker               // a shaker cup (accessories)
	Compact              // low round pot (cream, eye cream)
)

// Package is the look of one product.
type Package struct {
	Shape             Shape
	Body, Cap, Label  color.RGBA
	Band1, Band2      color.RGBA
	Text1, Text2      string // label lines, ASCII
	Stripes           int    // decorative stripes on the label (0-3)
	LabelLow, LabelHi float64
}

// Draw paints p with its base centred at (cx, base), h pixels tall.
func (p Package) Draw(img *image.RGBA, cx, base, h int) {
	switch p.Shape {
	case Bottle:
		p.drawBottle(img, cx, base, h)
	case Jar:
		p.drawJar(img, cx, base, h)
	case Box:
		p.drawBox(img, cx, base, h)
	case Tube:
		p.drawTube(img, cx, base, h)
	case Pump:
		p.drawPump(img, cx, base, h)
	case Pouch:
		p.drawPouch(img, cx, base, h)
	case Vials:
		p.drawVials(img, cx, base, h)
	case Book:
		p.drawBook(img, cx, base, h)
	case Shaker:
		p.drawShaker(img, cx, base, h)
	case Compact:
		p.drawCompact(img, cx, base, h)
	}
}

// scaled returns a function giving a fraction of h in whole pixels.
func scaled(h int) func(f float64) int {
	return func(f float64) int { return int(float64(h) * f) }
}

// drawLabel paints p's label across the body r: its bands, stripes and
// one or two lines of text.
func (p Package) drawLabel(img *image.RGBA, r image.Rectangle) {
	lo, hi := p.LabelLow, p.LabelHi
	if hi == 0 {
		lo, hi = 0.25, 0.75
	}
	lr := image.Rect(r.Min.X+2, r.Min.Y+int(float64(r.Dy())*lo), r.Max.X-2, r.Min.Y+int(float64(r.Dy())*hi))
	fillRect(img, lr, p.Label)
	bh := lr.Dy() / 6
	fillRect(img, image.Rect(lr.Min.X, lr.Min.Y, lr.Max.X, lr.Min.Y+bh), p.Band1)
	fillRect(img, image.Rect(lr.Min.X, lr.Max.Y-bh, lr.Max.X, lr.Max.Y), p.Band2)
	for i := 0; i < p.Stripes; i++ {
		x := lr.Min.X + lr.Dx()*(i+1)/(p.Stripes+1)
		fillRect(img, image.Rect(x-bh/4, lr.Min.Y+bh, x+bh/4, lr.Max.Y-bh), Shade(p.Band1, 0.3))
	}
	inner := lr.Inset(bh)
	if p.Text2 == "" {
		drawText(img, inner, p.Text1, Shade(p.Band1, -0.4))
		return
	}
	top := image.Rect(inner.Min.X, inner.Min.Y, inner.Max.X, inner.Min.Y+inner.Dy()*3/5)
	bot := image.Rect(inner.Min.X+inner.Dx()/6, top.Max.Y, inner.Max.X-inner.Dx()/6, inner.Max.Y)
	drawText(img, top, p.Text1, Shade(p.Band1, -0.4))
	drawText(img, bot, p.Text2, Shade(p.Band2, -0.3))
}

func (p Package) drawBottle(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.42)
	body := image.Rect(cx-w/2, base-hw(0.72), cx+w/2, base)
	fillRound(img, body, w/6, p.Body)
	fillEllipse(img, cx, body.Min.Y, w/2, hw(0.08), p.Body)
	fillRect(img, image.Rect(cx-w/5, base-hw(0.86), cx+w/5, body.Min.Y), Shade(p.Body, -0.1))
	fillRound(img, image.Rect(cx-w/4, base-h, cx+w/4, base-hw(0.84)), 4, p.Cap)
	p.drawLabel(img, body)
}

func (p Package) drawJar(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.9)
	body := image.Rect(cx-w/2, base-hw(0.82), cx+w/2, base)
	fillRound(img, body, w/12, p.Body)
	fillRound(img, image.Rect(cx-w/2-hw(0.03), base-h, cx+w/2+hw(0.03), base-hw(0.8)), 6, p.Cap)
	p.drawLabel(img, body)
}

func (p Package) drawBox(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.7)
	d := hw(0.12)
	body := image.Rect(cx-w/2, base-h+d, cx+w/2, base)
	fillRect(img, body, p.Body)
	for i := 0; i < d; i++ {
		fillRect(img, image.Rect(body.Min.X+i, body.Min.Y-i-1, body.Max.X+i, body.Min.Y-i), Shade(p.Body, 0.25))
		fillRect(img, image.Rect(body.Max.X+i, body.Min.Y-i, body.Max.X+i+1, body.Max.Y-i), Shade(p.Body, -0.25))
	}
	p.drawLabel(img, body)
}

func (p Package) drawTube(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.38)
	body := image.Rect(cx-w/2, base-h, cx+w/2, base-hw(0.14))
	fillRound(img, body, w/5, p.Body)
	fillRect(img, image.Rect(body.Min.X-2, body.Min.Y, body.Max.X+2, body.Min.Y+hw(0.04)), Shade(p.Body, -0.2))
	fillRound(img, image.Rect(cx-w/3, base-hw(0.15), cx+w/3, base), 5, p.Cap)
	p.drawLabel(img, body)
}

func (p Package) drawPump(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.4)
	body := image.Rect(cx-w/2, base-hw(0.7), cx+w/2, base)
	fillRound(img, body, w/4, p.Body)
	fillRect(img, image.Rect(cx-w/8, base-hw(0.9), cx+w/8, body.Min.Y), Shade(p.Cap, 0.2))
	fillRect(img, image.Rect(cx-w/4, base-h, cx+w/2, base-hw(0.9)), p.Cap)
	fillRect(img, image.Rect(cx+w/2-2, base-h, cx+w/2+hw(0.1), base-hw(0.94)), p.Cap)
	p.drawLabel(img, body)
}

func (p Package) drawPouch(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.75)
	body := image.Rect(cx-w/2, base-h, cx+w/2, base)
	fillRound(img, body, w/10, p.Body)
	fillRect(img, image.Rect(body.Min.X+4, body.Min.Y+hw(0.07), body.Max.X-4, body.Min.Y+hw(0.09)), Shade(p.Body, -0.3))
	fillRect(img, image.Rect(body.Min.X+w/4, body.Min.Y+hw(0.02), body.Max.X-w/4, body.Min.Y+hw(0.05)), Shade(p.Body, 0.4))
	p.drawLabel(img, body)
}

func (p Package) drawVials(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	vw := hw(0.16)
	for i := -2; i <= 2; i++ {
		x := cx + i*(vw+vw/4)
		v := image.Rect(x-vw/2, base-hw(0.75), x+vw/2, base)
		fillRound(img, v, vw/3, p.Body)
		fillRect(img, image.Rect(x-vw/3, base-h, x+vw/3, base-hw(0.75)), p.Cap)
		fillRect(img, image.Rect(v.Min.X, v.Min.Y+v.Dy()/3, v.Max.X, v.Min.Y+v.Dy()*2/3), p.Band1)
	}
	body := image.Rect(cx-2*(vw+vw/4)-vw/2, base-hw(0.3), cx+2*(vw+vw/4)+vw/2, base)
	fillRect(img, body, p.Label)
	drawText(img, body.Inset(hw(0.04)), p.Text1, Shade(p.Band1, -0.4))
}

func (p Package) drawBook(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.72)
	body := image.Rect(cx-w/2, base-h, cx+w/2, base)
	fillRect(img, body, p.Body)
	fillRect(img, image.Rect(body.Min.X, body.Min.Y, body.Min.X+hw(0.06), body.Max.Y), Shade(p.Body, -0.35))
	fillRect(img, image.Rect(body.Min.X+hw(0.1), body.Min.Y+hw(0.1), body.Max.X-hw(0.05), body.Min.Y+hw(0.4)), p.Band1)
	drawText(img, image.Rect(body.Min.X+hw(0.12), body.Min.Y+hw(0.14), body.Max.X-hw(0.07), body.Min.Y+hw(0.36)), p.Text1, p.Label)
	drawText(img, image.Rect(body.Min.X+hw(0.12), body.Min.Y+hw(0.5), body.Max.X-hw(0.07), body.Min.Y+hw(0.62)), p.Text2, p.Band2)
}

func (p Package) drawShaker(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(0.5)
	body := image.Rect(cx-w/2, base-hw(0.75), cx+w/2, base)
	fillRound(img, body, w/8, p.Body)
	fillRect(img, image.Rect(cx-w/2-3, base-hw(0.88), cx+w/2+3, body.Min.Y), p.Cap)
	fillRound(img, image.Rect(cx-w/6, base-h, cx+w/6, base-hw(0.86)), 4, p.Cap)
	for i := 1; i <= 4; i++ {
		y := body.Min.Y + body.Dy()*i/5
		fillRect(img, image.Rect(body.Max.X-w/4, y, body.Max.X-4, y+2), Shade(p.Body, -0.3))
	}
	drawText(img, image.Rect(body.Min.X+4, body.Min.Y+body.Dy()/3, body.Max.X-w/4-4, body.Min.Y+body.Dy()/2), p.Text1, p.Band1)
}

func (p Package) drawCompact(img *image.RGBA, cx, base, h int) {
	hw := scaled(h)
	w := hw(1.1)
	body := image.Rect(cx-w/2, base-hw(0.55), cx+w/2, base)
	fillRound(img, body, w/10, p.Body)
	fillRound(img, image.Rect(cx-w/2, base-h, cx+w/2, base-hw(0.55)), w/10, p.Cap)
	fillRect(img, image.Rect(cx-w/2, base-hw(0.6), cx+w/2, base-hw(0.55)), Shade(p.Cap, -0.25))
	p.drawLabel(img, body)
}

// Backdrop styles.
const (
	BackVertical = iota
	BackHorizontal
	BackDiagonal
	BackRadial
	BackSplit
)

// Scene is a whole product shot.
type Scene struct {
	Size           int
	Style          int
	From, To       color.RGBA
	Floor          float64 // fraction of height where a floor starts; 0 for none
	FloorColor     color.RGBA
	DiscX, DiscY   float64 // a decorative disc behind the product (fractions)
	DiscR          float64 // its radius as a fraction of Size; 0 for none
	DiscColor      color.RGBA
	CX, Base, Tall float64 // product position and height as fractions of Size
	Pack           Package
	// Second is drawn beside the product (a carton next to a bottle) when
	// SecondTall > 0.
	Second              Package
	SecondX, SecondTall float64
	// Panels are large flat blocks of the studio set behind the product;
	// they give each shot a layout of its own.
	Panels []Panel
	// Wood draws a table-top texture of planks instead of a plain floor:
	// sellers' own photos look like that.
	Wood bool
}

// Panel is a flat block of colour, corners as fractions of the size.
type Panel struct {
	X0, Y0, X1, Y1 float64
	Colour         color.RGBA
}

// Render paints the scene.
func (s Scene) Render() *image.RGBA {
	n := s.Size
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	switch s.Style {
	case BackVertical:
		for y := 0; y < n; y++ {
			fillSpan(img, 0, n, y, mix(s.From, s.To, float64(y)/float64(n)))
		}
	case BackHorizontal, BackSplit:
		for x := 0; x < n; x++ {
			t := float64(x) / float64(n)
			if s.Style == BackSplit {
				t = 0
				if x > n*2/5 {
					t = 1
				}
			}
			img.SetRGBA(x, 0, mix(s.From, s.To, t))
		}
		for y := 1; y < n; y++ {
			copy(img.Pix[img.PixOffset(0, y):img.PixOffset(0, y+1)], img.Pix[:img.Stride])
		}
	case BackDiagonal:
		// Row y is the strip of colours x+y for x in [0, n).
		strip := image.NewRGBA(image.Rect(0, 0, 2*n, 1))
		for k := 0; k < 2*n; k++ {
			strip.SetRGBA(k, 0, mix(s.From, s.To, float64(k)/float64(2*n)))
		}
		for y := 0; y < n; y++ {
			copy(img.Pix[img.PixOffset(0, y):img.PixOffset(0, y+1)], strip.Pix[4*y:4*(y+n)])
		}
	case BackRadial:
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				dx, dy := float64(x)/float64(n)-0.5, float64(y)/float64(n)-0.4
				img.SetRGBA(x, y, mix(s.From, s.To, math.Min(1, math.Sqrt(dx*dx+dy*dy)*1.6)))
			}
		}
	}
	for _, p := range s.Panels {
		fillRect(img, image.Rect(int(p.X0*float64(n)), int(p.Y0*float64(n)), int(p.X1*float64(n)), int(p.Y1*float64(n))), p.Colour)
	}
	if s.DiscR > 0 {
		r := int(s.DiscR * float64(n))
		fillEllipse(img, int(s.DiscX*float64(n)), int(s.DiscY*float64(n)), r, r, s.DiscColor)
	}
	if s.Floor > 0 {
		fy := int(s.Floor * float64(n))
		if s.Wood {
			plank := n / 9
			for y := fy; y < n; y += plank {
				k := (y - fy) / plank
				c := Shade(s.FloorColor, float64(k%3-1)*0.12)
				fillRect(img, image.Rect(0, y, n, y+plank), c)
				fillRect(img, image.Rect(0, y, n, y+2), Shade(s.FloorColor, -0.35))
			}
		} else {
			fillRect(img, image.Rect(0, fy, n, n), s.FloorColor)
		}
	}
	base := int(s.Base * float64(n))
	if s.SecondTall > 0 {
		s.Second.Draw(img, int(s.SecondX*float64(n)), base, int(s.SecondTall*float64(n)))
	}
	fillEllipse(img, int(s.CX*float64(n)), base, int(s.Tall*float64(n)*0.4), n/60+2, Shade(s.FloorColor, -0.3))
	s.Pack.Draw(img, int(s.CX*float64(n)), base, int(s.Tall*float64(n)))
	return img
}

// OwnScene is a seller's own photo of pack: a phone shot on a table, framed
// and lit nothing like the studio shots, so that it does not pass for an
// official photo.
func OwnScene(seed uint64, pack Package) Scene {
	r := NewRand(seed)
	walls := []color.RGBA{RGB(92, 84, 78), RGB(58, 62, 70), RGB(120, 110, 96), RGB(40, 40, 44), RGB(150, 140, 125)}
	woods := []color.RGBA{RGB(150, 100, 60), RGB(120, 80, 50), RGB(180, 140, 95), RGB(95, 70, 50)}
	s := Scene{
		Size:       400,
		Style:      Pick(r, []int{BackHorizontal, BackDiagonal, BackRadial}),
		From:       Pick(r, walls),
		To:         Pick(r, walls),
		Floor:      r.Between(0.45, 0.6),
		FloorColor: Pick(r, woods),
		Wood:       true,
		CX:         Pick(r, []float64{0.3, 0.34, 0.66, 0.7}),
		Tall:       r.Between(0.34, 0.46),
		Pack:       pack,
	}
	s.Base = s.Floor + r.Between(0.22, 0.3)
	if s.Base+0.02 > 1 {
		s.Base = 0.97
	}
	if r.Chance(0.5) {
		s.DiscR = r.Between(0.1, 0.16)
		s.DiscX, s.DiscY = 1-s.CX, r.Between(0.15, 0.3)
		s.DiscColor = Shade(s.From, 0.5)
	}
	return s
}
