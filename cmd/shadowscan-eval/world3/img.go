package world3

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"sync"
)

const imgSize = 480

const (
	shTub = iota
	shBottle
	shDropper
	shJar
	shTall
	shJug
	shTube
	shSpray
	shPitcher
	shBox
	shCartridges
)

type look struct {
	shape                    int
	body, cap, label, accent color.RGBA
	t1, t2, t3               string
	scale                    float64
}

type imgKind int

const (
	imOfficial imgKind = iota // the official photo, byte for byte
	imEdited                  // the official photo, edited
	imOwn                     // the seller's own photo of the product
	imKnock                   // own photo of a knock-off (colours slightly off)
	imScratch                 // close-up of a scratched batch code
	imLook                    // look-alike brand product
	imGeneric                 // generic product
	imAccessory
	imBook
	imCompare // official beside a fake
	imBundle  // several units
	imWanted
)

const (
	eCrop uint16 = 1 << iota
	eBorder
	eCanvas
	eShift
	eLowQ
	eSticker
	eWM
	eWMTiled
)

type imgSpec struct {
	kind  imgKind
	sku   string
	edits uint16
	wm    string
	seed  uint64
	q     int
	lk    look
	text  string
	n     int
}

// ---- pixel helpers

func blendPx(m *image.RGBA, x, y int, c color.RGBA) {
	if !(image.Point{x, y}.In(m.Rect)) {
		return
	}
	i := m.PixOffset(x, y)
	a := uint32(c.A)
	if a == 255 {
		m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = c.R, c.G, c.B, 255
		return
	}
	m.Pix[i] = uint8((uint32(c.R)*a + uint32(m.Pix[i])*(255-a)) / 255)
	m.Pix[i+1] = uint8((uint32(c.G)*a + uint32(m.Pix[i+1])*(255-a)) / 255)
	m.Pix[i+2] = uint8((uint32(c.B)*a + uint32(m.Pix[i+2])*(255-a)) / 255)
	m.Pix[i+3] = 255
}

func scaleC(c color.RGBA, f float64) color.RGBA {
	g := func(v uint8) uint8 { return uint8(math.Max(0, math.Min(255, float64(v)*f))) }
	return color.RGBA{g(c.R), g(c.G), g(c.B), c.A}
}

func fillRect(m *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			blendPx(m, x, y, c)
		}
	}
}

// fillCyl fills a rectangle shaded like a cylinder lit from the left.
func fillCyl(m *image.RGBA, x0, y0, x1, y1, radius int, c color.RGBA) {
	w := float64(x1 - x0)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if radius > 0 && !inRound(x, y, x0, y0, x1, y1, radius) {
				continue
			}
			t := (float64(x-x0) + 0.5) / w
			f := 1.12 - 0.45*math.Pow(math.Abs(t-0.3)/0.7, 1.5)
			blendPx(m, x, y, scaleC(c, f))
		}
	}
}

func inRound(x, y, x0, y0, x1, y1, r int) bool {
	cx, cy := x, y
	switch {
	case x < x0+r && y < y0+r:
		cx, cy = x0+r, y0+r
	case x >= x1-r && y < y0+r:
		cx, cy = x1-r-1, y0+r
	case x < x0+r && y >= y1-r:
		cx, cy = x0+r, y1-r-1
	case x >= x1-r && y >= y1-r:
		cx, cy = x1-r-1, y1-r-1
	default:
		return true
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

func fillEllipse(m *image.RGBA, cx, cy, rx, ry float64, c color.RGBA) {
	for y := int(cy - ry); y <= int(cy+ry); y++ {
		for x := int(cx - rx); x <= int(cx+rx); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			if dx*dx+dy*dy <= 1 {
				blendPx(m, x, y, c)
			}
		}
	}
}

func ring(m *image.RGBA, cx, cy, rx, ry, th float64, c color.RGBA) {
	for y := int(cy - ry - th); y <= int(cy+ry+th); y++ {
		for x := int(cx - rx - th); x <= int(cx+rx+th); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			d := math.Sqrt(dx*dx+dy*dy) - 1
			if math.Abs(d)*math.Min(rx, ry) <= th/2 {
				blendPx(m, x, y, c)
			}
		}
	}
}

func gradientBG(m *image.RGBA, a, b color.RGBA) {
	h := m.Rect.Dy()
	for y := 0; y < h; y++ {
		t := float64(y) / float64(h)
		c := color.RGBA{
			uint8(float64(a.R)*(1-t) + float64(b.R)*t),
			uint8(float64(a.G)*(1-t) + float64(b.G)*t),
			uint8(float64(a.B)*(1-t) + float64(b.B)*t), 255}
		for x := 0; x < m.Rect.Dx(); x++ {
			i := m.PixOffset(x, y)
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = c.R, c.G, c.B, 255
		}
	}
}

func newCanvas() *image.RGBA { return image.NewRGBA(image.Rect(0, 0, imgSize, imgSize)) }

// ---- products

// drawProduct draws a product centred at (cx, baseY = bottom) with size factor s.
func drawProduct(m *image.RGBA, lk look, cx, base int, s float64) {
	s *= lk.scale
	S := func(v float64) int { return int(v * s) }
	white := rgb(250, 250, 250)
	dark := rgb(40, 40, 40)
	// shadow
	fillEllipse(m, float64(cx), float64(base), float64(S(130)), float64(S(16)), color.RGBA{0, 0, 0, 40})
	label := func(x0, y0, x1, y1 int) {
		fillCyl(m, x0, y0, x1, y1, 0, lk.label)
		fillRect(m, x0, y0+(y1-y0)*3/4, x1, y0+(y1-y0)*3/4+max(2, S(6)), lk.accent)
		tc := dark
		if lum(lk.label) < 140 {
			tc = white
		}
		w := x1 - x0 - S(16)
		y := y0 + S(10)
		y += drawTextCentered(m, (x0+x1)/2, y, w, max(1, S(5)), tc, lk.t1) + S(8)
		y += drawTextCentered(m, (x0+x1)/2, y, w, max(1, S(3)), tc, lk.t2) + S(6)
		drawTextCentered(m, (x0+x1)/2, y, w, max(1, S(3)), scaleC(lk.accent, 0.8), lk.t3)
	}
	switch lk.shape {
	case shTub:
		w, h := S(240), S(230)
		x0, y0 := cx-w/2, base-h
		fillCyl(m, x0, y0+S(40), x0+w, base, S(10), lk.body)
		fillCyl(m, x0-S(6), y0, x0+w+S(6), y0+S(44), S(8), lk.cap)
		label(x0, y0+S(70), x0+w, base-S(25))
	case shBottle:
		w, h := S(160), S(250)
		x0, y0 := cx-w/2, base-h
		fillCyl(m, x0, y0+S(60), x0+w, base, S(18), lk.body)
		fillEllipse(m, float64(cx), float64(y0+S(66)), float64(w/2), float64(S(30)), scaleC(lk.body, 1.02))
		fillCyl(m, cx-S(38), y0+S(20), cx+S(38), y0+S(50), 0, scaleC(lk.body, 0.9))
		fillCyl(m, cx-S(45), y0-S(20), cx+S(45), y0+S(25), S(6), lk.cap)
		label(x0, y0+S(100), x0+w, base-S(20))
	case shDropper:
		w, h := S(150), S(200)
		x0, y0 := cx-w/2, base-h
		fillCyl(m, x0, y0+S(40), x0+w, base, S(20), lk.body)
		fillCyl(m, cx-S(30), y0, cx+S(30), y0+S(45), S(4), scaleC(lk.cap, 1.3))
		fillEllipse(m, float64(cx), float64(y0-S(35)), float64(S(26)), float64(S(45)), lk.cap)
		label(x0+S(8), y0+S(70), x0+w-S(8), base-S(20))
	case shJar:
		w, h := S(260), S(150)
		x0, y0 := cx-w/2, base-h
		fillCyl(m, x0, y0+S(55), x0+w, base, S(14), lk.body)
		fillCyl(m, x0-S(4), y0, x0+w+S(4), y0+S(58), S(10), lk.cap)
		label(x0+S(20), y0+S(62), x0+w-S(20), base-S(8))
	case shTall:
		w, h := S(130), S(320)
		x0, y0 := cx-w/2, base-h
		fillCyl(m, x0, y0+S(60), x0+w, base, S(16), lk.body)
		fillCyl(m, cx-S(28), y0+S(20), cx+S(28), y0+S(62), 0, scaleC(lk.body, 0.92))
		fillCyl(m, cx-S(32), y0-S(10), cx+S(32), y0+S(25), S(5), lk.cap)
		label(x0, y0+S(110), x0+w, base-S(40))
	case shJug:
		w, h := S(210), S(280)
		x0, y0 := cx-w/2, base-h
		ring(m, float64(x0+w-S(30)), float64(y0+S(90)), float64(S(40)), float64(S(55)), float64(S(22)), scaleC(lk.body, 0.85))
		fillCyl(m, x0, y0+S(40), x0+w, base, S(24), lk.body)
		fillCyl(m, x0+S(30), y0, x0+S(100), y0+S(45), S(6), lk.cap)
		label(x0+S(15), y0+S(110), x0+w-S(15), base-S(25))
	case shTube:
		w, h := S(160), S(320)
		x0, y0 := cx-w/2, base-h
		fillCyl(m, cx-S(40), base-S(45), cx+S(40), base, S(6), lk.cap)
		for y := y0; y < base-S(45); y++ {
			t := float64(y-y0) / float64(h-S(45))
			hw := int(float64(w)/2*(1.08-0.3*t*t)) + 1
			for x := cx - hw; x < cx+hw; x++ {
				tt := float64(x-cx+hw) / float64(2*hw)
				f := 1.12 - 0.45*math.Pow(math.Abs(tt-0.3)/0.7, 1.5)
				blendPx(m, x, y, scaleC(lk.body, f))
			}
		}
		fillRect(m, x0-S(6), y0, x0+w+S(6), y0+S(16), scaleC(lk.body, 0.85))
		label(cx-S(62), y0+S(60), cx+S(62), base-S(80))
	case shSpray:
		w, h := S(140), S(230)
		x0, y0 := cx-w/2, base-h
		fillCyl(m, x0, y0+S(30), x0+w, base, S(16), lk.body)
		fillCyl(m, cx-S(30), y0-S(10), cx+S(30), y0+S(32), 0, lk.cap)
		fillCyl(m, cx-S(30), y0-S(50), cx+S(70), y0-S(10), S(8), lk.cap)
		fillRect(m, cx+S(70), y0-S(40), cx+S(82), y0-S(22), scaleC(lk.cap, 0.7))
		fillCyl(m, cx+S(5), y0-S(10), cx+S(25), y0+S(40), S(4), scaleC(lk.accent, 0.9))
		label(x0, y0+S(70), x0+w, base-S(20))
	case shPitcher:
		w, h := S(230), S(300)
		x0, y0 := cx-w/2, base-h
		ring(m, float64(x0+w), float64(y0+S(150)), float64(S(45)), float64(S(90)), float64(S(18)), scaleC(lk.cap, 1.1))
		fillCyl(m, x0, y0+S(30), x0+w, base, S(16), color.RGBA{lk.body.R, lk.body.G, lk.body.B, 200})
		fillRect(m, x0, base-S(100), x0+w, base-S(12), color.RGBA{120, 180, 230, 120})
		fillCyl(m, cx-S(40), y0+S(40), cx+S(40), y0+S(170), S(8), white)
		fillCyl(m, x0-S(8), y0, x0+w+S(8), y0+S(34), S(8), lk.cap)
		drawTextCentered(m, cx, y0+S(70), S(70), max(1, S(2)), lk.cap, lk.t1)
		drawTextCentered(m, cx, y0+S(110), S(70), max(1, S(3)), lk.cap, lk.t3)
	case shBox:
		w, h := S(260), S(190)
		x0, y0 := cx-w/2, base-h
		d := S(36)
		for i := 0; i < d; i++ { // top face
			fillRect(m, x0+i, y0-i, x0+w+i, y0-i+1, scaleC(lk.body, 1.15))
		}
		for i := 0; i < d; i++ { // side face
			fillRect(m, x0+w+i, y0-i, x0+w+i+1, base-i, scaleC(lk.body, 0.75))
		}
		fillRect(m, x0, y0, x0+w, base, lk.body)
		fillRect(m, x0, y0, x0+S(30), base, lk.cap)
		label(x0+S(45), y0+S(25), x0+w-S(15), base-S(25))
	case shCartridges:
		for i := -1; i <= 1; i++ {
			ccx := cx + i*S(85)
			fillCyl(m, ccx-S(35), base-S(230), ccx+S(35), base, S(10), lk.body)
			fillCyl(m, ccx-S(24), base-S(260), ccx+S(24), base-S(225), S(5), lk.cap)
			fillRect(m, ccx-S(35), base-S(150), ccx+S(35), base-S(100), lk.label)
		}
		drawTextCentered(m, cx, base-S(140), S(240), max(1, S(3)), rgb(250, 250, 250), lk.t1)
	}
}

func lum(c color.RGBA) int { return (299*int(c.R) + 587*int(c.G) + 114*int(c.B)) / 1000 }

// ---- renderers

func renderOfficial(p *product) *image.RGBA {
	m := newCanvas()
	b := brandByID[p.Brand]
	gradientBG(m, b.bg[0], b.bg[1])
	drawProduct(m, p.look, imgSize/2, imgSize-50, 1.2)
	// brand strip at the bottom
	fillRect(m, 0, imgSize-28, imgSize, imgSize, scaleC(b.bg[1], 0.8))
	drawText(m, 12, imgSize-21, 2, rgb(255, 255, 255), p.look.t1+" OFFICIAL")
	return m
}

func scene(m *image.RGBA, r *rand.Rand) {
	switch r.IntN(3) {
	case 0: // wooden table
		gradientBG(m, rgb(232, 226, 214), rgb(210, 200, 186))
		y0 := imgSize * 2 / 3
		for y := y0; y < imgSize; y++ {
			for x := 0; x < imgSize; x++ {
				v := 0.85 + 0.1*math.Sin(float64(x)/9+float64(y)/40+math.Sin(float64(y)/17)*2)
				blendPx(m, x, y, scaleC(rgb(160, 110, 70), v))
			}
		}
	case 1: // grey counter
		gradientBG(m, rgb(200, 204, 210), rgb(150, 154, 160))
	default: // cloth
		gradientBG(m, rgb(246, 240, 230), rgb(226, 214, 200))
		for y := 0; y < imgSize; y += 24 {
			fillRect(m, 0, y, imgSize, y+3, color.RGBA{200, 180, 160, 60})
		}
	}
}

func noise(m *image.RGBA, r *rand.Rand, amp int) {
	for i := 0; i < len(m.Pix); i += 4 {
		d := r.IntN(2*amp+1) - amp
		for k := 0; k < 3; k++ {
			m.Pix[i+k] = uint8(max(0, min(255, int(m.Pix[i+k])+d)))
		}
	}
}

func renderOwn(p *product, seed uint64, knock bool) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 7))
	m := newCanvas()
	scene(m, r)
	lk := p.look
	if knock {
		lk.body = shiftColor2(lk.body, r)
		lk.label = shiftColor2(lk.label, r)
		lk.cap = shiftColor2(lk.cap, r)
	}
	cx := imgSize/2 + r.IntN(121) - 60
	base := imgSize - 30 - r.IntN(60)
	drawProduct(m, lk, cx, base, 0.7+r.Float64()*0.35)
	noise(m, r, 6)
	return m
}

// shiftColor2 nudges a colour a little (a knock-off printed slightly off).
func shiftColor2(c color.RGBA, r *rand.Rand) color.RGBA {
	f := func(v uint8) uint8 { return uint8(max(0, min(255, int(v)+r.IntN(41)-20))) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), 255}
}

func renderScratch(p *product, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 11))
	m := newCanvas()
	gradientBG(m, scaleC(p.look.body, 1.05), scaleC(p.look.body, 0.8))
	// the printed code area, scratched
	fillRect(m, 90, 190, 390, 260, rgb(235, 235, 235))
	drawText(m, 110, 205, 4, rgb(30, 30, 30), "LOT")
	for i := 0; i < 900; i++ {
		x, y := 170+r.IntN(210), 195+r.IntN(60)
		fillRect(m, x, y, x+2+r.IntN(12), y+2, rgb(uint8(180+r.IntN(60)), uint8(180+r.IntN(60)), uint8(180+r.IntN(60))))
	}
	noise(m, r, 10)
	return m
}

func renderLook(lk look, seed uint64, bgOfficial bool) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 13))
	m := newCanvas()
	if bgOfficial {
		gradientBG(m, rgb(250, 250, 250), rgb(225, 225, 230))
	} else {
		scene(m, r)
	}
	drawProduct(m, lk, imgSize/2+r.IntN(41)-20, imgSize-60, 0.9)
	return m
}

func renderBook(text string, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 17))
	m := newCanvas()
	gradientBG(m, rgb(60, 60, 70), rgb(30, 30, 36))
	bg := []color.RGBA{rgb(180, 30, 30), rgb(20, 20, 20), rgb(230, 180, 30), rgb(30, 60, 120)}[r.IntN(4)]
	fillRect(m, 110, 40, 370, 440, bg)
	fillRect(m, 110, 40, 126, 440, scaleC(bg, 0.6))
	drawTextCentered(m, 248, 120, 220, 6, rgb(255, 255, 255), text)
	drawTextCentered(m, 248, 220, 220, 3, rgb(255, 230, 120), "THE TRUTH")
	drawTextCentered(m, 248, 380, 220, 2, rgb(230, 230, 230), "EBOOK PDF")
	return m
}

func renderWanted(text string) *image.RGBA {
	m := newCanvas()
	gradientBG(m, rgb(255, 220, 60), rgb(250, 180, 40))
	drawTextCentered(m, 240, 170, 420, 10, rgb(200, 20, 20), text)
	drawTextCentered(m, 240, 280, 420, 4, rgb(40, 40, 40), "CASH  TOP PRICE")
	return m
}

func renderCompare(p *product, seed uint64) *image.RGBA {
	m := newCanvas()
	fillRect(m, 0, 0, imgSize, imgSize, rgb(255, 255, 255))
	off := renderOfficial(p)
	fake := renderOwn(p, seed, true)
	half := resize(off, 230, 230)
	pasteAt(m, half, 5, 110)
	pasteAt(m, resize(fake, 230, 230), 245, 110)
	drawTextCentered(m, 120, 40, 220, 6, rgb(20, 140, 40), "REAL")
	drawTextCentered(m, 360, 40, 220, 6, rgb(200, 20, 20), "FAKE")
	drawTextCentered(m, 240, 400, 460, 5, rgb(30, 30, 30), "HOW TO SPOT")
	return m
}

func renderBundle(p *product, n int) *image.RGBA {
	m := newCanvas()
	b := brandByID[p.Brand]
	gradientBG(m, b.bg[0], b.bg[1])
	s := 0.62
	if n > 2 {
		s = 0.5
	}
	for i := 0; i < n; i++ {
		cx := imgSize/2 + int((float64(i)-float64(n-1)/2)*150*s/0.62)
		drawProduct(m, p.look, cx, imgSize-60, s)
	}
	drawText(m, 20, 20, 6, rgb(200, 30, 30), "X"+string(rune('0'+n)))
	return m
}

// ---- edits

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
			for _, q := range [4]struct {
				x, y int
				w    float64
			}{{x0, y0, (1 - tx) * (1 - ty)}, {x0 + 1, y0, tx * (1 - ty)}, {x0, y0 + 1, (1 - tx) * ty}, {x0 + 1, y0 + 1, tx * ty}} {
				xx := min(max(q.x, 0), sw-1) + src.Rect.Min.X
				yy := min(max(q.y, 0), sh-1) + src.Rect.Min.Y
				i := src.PixOffset(xx, yy)
				for k := 0; k < 3; k++ {
					acc[k] += float64(src.Pix[i+k]) * q.w
				}
			}
			i := dst.PixOffset(x, y)
			dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = uint8(acc[0]+0.5), uint8(acc[1]+0.5), uint8(acc[2]+0.5), 255
		}
	}
	return dst
}

func pasteAt(dst, src *image.RGBA, x, y int) {
	for yy := 0; yy < src.Rect.Dy(); yy++ {
		for xx := 0; xx < src.Rect.Dx(); xx++ {
			i := src.PixOffset(xx+src.Rect.Min.X, yy+src.Rect.Min.Y)
			blendPx(dst, x+xx, y+yy, color.RGBA{src.Pix[i], src.Pix[i+1], src.Pix[i+2], 255})
		}
	}
}

func applyEdits(src *image.RGBA, e uint16, wm string, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 19))
	m := src
	if e&eCrop != 0 {
		f := 0.05 + r.Float64()*0.10 // 5-15 % of each dimension
		cw, ch := int(float64(imgSize)*(1-f)), int(float64(imgSize)*(1-f))
		ox, oy := r.IntN(imgSize-cw+1), r.IntN(imgSize-ch+1)
		sub := m.SubImage(image.Rect(ox, oy, ox+cw, oy+ch)).(*image.RGBA)
		m = resize(sub, imgSize, imgSize)
	}
	if e&eShift != 0 {
		dr, dg, db := r.IntN(41)-20, r.IntN(41)-20, r.IntN(41)-20
		out := image.NewRGBA(m.Rect)
		copy(out.Pix, m.Pix)
		for i := 0; i < len(out.Pix); i += 4 {
			out.Pix[i] = uint8(max(0, min(255, int(out.Pix[i])+dr)))
			out.Pix[i+1] = uint8(max(0, min(255, int(out.Pix[i+1])+dg)))
			out.Pix[i+2] = uint8(max(0, min(255, int(out.Pix[i+2])+db)))
		}
		m = out
	}
	if e&eCanvas != 0 {
		s := 0.72 + r.Float64()*0.18
		w := int(float64(imgSize) * s)
		out := newCanvas()
		fillRect(out, 0, 0, imgSize, imgSize, rgb(255, 255, 255))
		pasteAt(out, resize(m, w, w), r.IntN(imgSize-w+1), r.IntN(imgSize-w+1))
		m = out
	}
	if e&eBorder != 0 {
		bw := 12 + r.IntN(20)
		c := []color.RGBA{rgb(220, 20, 40), rgb(255, 255, 255), rgb(250, 200, 0), rgb(20, 20, 20)}[r.IntN(4)]
		out := newCanvas()
		fillRect(out, 0, 0, imgSize, imgSize, c)
		pasteAt(out, resize(m, imgSize-2*bw, imgSize-2*bw), bw, bw)
		m = out
	}
	if e&eSticker != 0 {
		if m == src {
			m = clone(m)
		}
		fillEllipse(m, 400, 70, 60, 60, rgb(220, 20, 40))
		drawTextCentered(m, 400, 50, 100, 3, rgb(255, 255, 255), pick(r, []string{"SALE", "HOT", "100%"}))
		drawTextCentered(m, 400, 78, 100, 3, rgb(255, 255, 255), pick(r, []string{"REAL", "NEW", "-50%"}))
	}
	if e&eWM != 0 && wm != "" {
		if m == src {
			m = clone(m)
		}
		c := color.RGBA{255, 255, 255, 150}
		if r.IntN(2) == 0 {
			c = color.RGBA{200, 0, 0, 120}
		}
		if e&eWMTiled != 0 {
			for y := 20; y < imgSize; y += 90 {
				off := (y / 90 % 2) * 80
				for x := -60 + off; x < imgSize; x += textWidth(wm, 3) + 50 {
					drawText(m, x, y, 3, c, wm)
				}
			}
		} else {
			sc := 3 + r.IntN(2)
			x := []int{12, imgSize - textWidth(wm, sc) - 12, (imgSize - textWidth(wm, sc)) / 2}[r.IntN(3)]
			y := []int{14, imgSize - 7*sc - 14, imgSize/2 - 10}[r.IntN(3)]
			drawText(m, x, y, sc, c, wm)
		}
	}
	return m
}

func clone(m *image.RGBA) *image.RGBA {
	out := image.NewRGBA(m.Rect)
	copy(out.Pix, m.Pix)
	return out
}

func encodeJPEG(m image.Image, q int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// ---- caches

var (
	officialOnce sync.Once
	officialJPEG map[string][]byte
	officialImg  map[string]*image.RGBA
)

func officials() (map[string][]byte, map[string]*image.RGBA) {
	officialOnce.Do(func() {
		officialJPEG = map[string][]byte{}
		officialImg = map[string]*image.RGBA{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, p := range products {
			wg.Add(1)
			go func() {
				defer wg.Done()
				m := renderOfficial(p)
				b := encodeJPEG(m, 92)
				mu.Lock()
				officialJPEG[p.SKU], officialImg[p.SKU] = b, m
				mu.Unlock()
			}()
		}
		wg.Wait()
	})
	return officialJPEG, officialImg
}

// render produces the JPEG bytes of one listing photo.
func (s imgSpec) render() []byte {
	offJ, offI := officials()
	var p *product
	if s.sku != "" {
		p = productBy[s.sku]
	}
	q := s.q
	if q == 0 {
		q = 82
	}
	switch s.kind {
	case imOfficial:
		return offJ[s.sku]
	case imEdited:
		return encodeJPEG(applyEdits(offI[s.sku], s.edits, s.wm, s.seed), q)
	case imOwn:
		return encodeJPEG(renderOwn(p, s.seed, false), q)
	case imKnock:
		return encodeJPEG(renderOwn(p, s.seed, true), q)
	case imScratch:
		return encodeJPEG(renderScratch(p, s.seed), q)
	case imLook, imGeneric:
		return encodeJPEG(renderLook(s.lk, s.seed, s.kind == imLook), q)
	case imAccessory:
		return encodeJPEG(renderLook(s.lk, s.seed, true), q)
	case imBook:
		return encodeJPEG(renderBook(s.text, s.seed), q)
	case imCompare:
		return encodeJPEG(renderCompare(p, s.seed), q)
	case imBundle:
		return encodeJPEG(renderBundle(p, s.n), q)
	case imWanted:
		return encodeJPEG(renderWanted(s.text), q)
	}
	return nil
}
