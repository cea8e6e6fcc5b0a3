package world4

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"sync"
)

const canvas = 400

func clamp8(v float64) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v + 0.5)
}

func blendPix(img *image.RGBA, x, y int, c color.RGBA, a int) {
	if !(image.Point{x, y}.In(img.Rect)) || a <= 0 {
		return
	}
	i := img.PixOffset(x, y)
	p := img.Pix[i : i+4 : i+4]
	if a >= 255 {
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 255
		return
	}
	f := float64(a) / 255
	p[0] = clamp8(float64(p[0])*(1-f) + float64(c.R)*f)
	p[1] = clamp8(float64(p[1])*(1-f) + float64(c.G)*f)
	p[2] = clamp8(float64(p[2])*(1-f) + float64(c.B)*f)
	p[3] = 255
}

func fillRect(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA, a int) {
	for y := max(y0, img.Rect.Min.Y); y < min(y1, img.Rect.Max.Y); y++ {
		for x := max(x0, img.Rect.Min.X); x < min(x1, img.Rect.Max.X); x++ {
			blendPix(img, x, y, c, a)
		}
	}
}

func fillEllipse(img *image.RGBA, cx, cy, rx, ry float64, c color.RGBA, a int) {
	if rx <= 0 || ry <= 0 {
		return
	}
	for y := int(cy - ry); y <= int(cy+ry)+1; y++ {
		for x := int(cx - rx); x <= int(cx+rx)+1; x++ {
			dx, dy := (float64(x)+0.5-cx)/rx, (float64(y)+0.5-cy)/ry
			if dx*dx+dy*dy <= 1 {
				blendPix(img, x, y, c, a)
			}
		}
	}
}

func fillRoundRect(img *image.RGBA, x0, y0, x1, y1, r float64, c color.RGBA, a int) {
	r = math.Min(r, math.Min((x1-x0)/2, (y1-y0)/2))
	for y := int(y0); y < int(y1); y++ {
		for x := int(x0); x < int(x1); x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			dx, dy := 0.0, 0.0
			if fx < x0+r {
				dx = x0 + r - fx
			} else if fx > x1-r {
				dx = fx - (x1 - r)
			}
			if fy < y0+r {
				dy = y0 + r - fy
			} else if fy > y1-r {
				dy = fy - (y1 - r)
			}
			if dx*dx+dy*dy <= r*r {
				blendPix(img, x, y, c, a)
			}
		}
	}
}

// fillTrap fills a trapezoid with horizontal top and bottom edges.
func fillTrap(img *image.RGBA, y0, y1, xl0, xr0, xl1, xr1 float64, c color.RGBA, a int) {
	for y := int(y0); y < int(y1); y++ {
		t := (float64(y) + 0.5 - y0) / (y1 - y0)
		l := xl0 + (xl1-xl0)*t
		r := xr0 + (xr1-xr0)*t
		for x := int(l); x < int(r); x++ {
			blendPix(img, x, y, c, a)
		}
	}
}

func darker(c color.RGBA, f float64) color.RGBA {
	return color.RGBA{clamp8(float64(c.R) * f), clamp8(float64(c.G) * f), clamp8(float64(c.B) * f), 255}
}

func lighter(c color.RGBA, f float64) color.RGBA {
	return color.RGBA{clamp8(float64(c.R) + (255-float64(c.R))*f), clamp8(float64(c.G) + (255-float64(c.G))*f), clamp8(float64(c.B) + (255-float64(c.B))*f), 255}
}

// Backgrounds.
const (
	bgStudio = iota
	bgWhite
	bgWood
	bgBokeh
	bgMarble
	bgCount
)

var bgCache [bgCount]*image.RGBA
var bgOnce [bgCount]sync.Once

func newCanvas(bg int, r *rand.Rand) *image.RGBA {
	bgOnce[bg].Do(func() { bgCache[bg] = paintBackground(bg) })
	img := image.NewRGBA(image.Rect(0, 0, canvas, canvas))
	copy(img.Pix, bgCache[bg].Pix)
	if bg == bgBokeh && r != nil {
		for i := 0; i < 9; i++ {
			fillEllipse(img, r.Float64()*canvas, r.Float64()*canvas, 20+r.Float64()*30, 20+r.Float64()*30, color.RGBA{255, 255, 255, 255}, 70)
		}
	}
	return img
}

func paintBackground(bg int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, canvas, canvas))
	for y := 0; y < canvas; y++ {
		for x := 0; x < canvas; x++ {
			var c color.RGBA
			switch bg {
			case bgStudio:
				t := float64(y) / canvas
				c = color.RGBA{clamp8(246 - 22*t), clamp8(246 - 21*t), clamp8(248 - 18*t), 255}
			case bgWhite:
				c = color.RGBA{255, 255, 255, 255}
			case bgWood:
				v := math.Sin(float64(y)*0.09+math.Sin(float64(x)*0.013)*3) * 14
				c = color.RGBA{clamp8(176 + v), clamp8(128 + v*0.8), clamp8(82 + v*0.5), 255}
			case bgBokeh:
				t := float64(x+y) / (2 * canvas)
				c = color.RGBA{clamp8(250 - 30*t), clamp8(222 - 10*t), clamp8(214 + 20*t), 255}
			case bgMarble:
				v := math.Sin(float64(x)*0.03+math.Sin(float64(y)*0.02)*4) * 10
				c = color.RGBA{clamp8(232 + v), clamp8(232 + v), clamp8(236 + v), 255}
			}
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
		}
	}
	return img
}

// drawMark draws a small emblem identifying a product line.
func drawMark(img *image.RGBA, id int, cx, cy, s float64, c color.RGBA) {
	switch id % 6 {
	case 0:
		fillEllipse(img, cx, cy, 14*s, 14*s, c, 255)
		fillEllipse(img, cx, cy, 8*s, 8*s, color.RGBA{255, 255, 255, 255}, 255)
	case 1:
		fillEllipse(img, cx-6*s, cy, 12*s, 7*s, c, 255)
		fillEllipse(img, cx+6*s, cy, 12*s, 7*s, lighter(c, 0.35), 255)
	case 2:
		fillEllipse(img, cx, cy+4*s, 10*s, 10*s, c, 255)
		fillTrap(img, cy-16*s, cy+2*s, cx, cx, cx-9*s, cx+9*s, c, 255)
	case 3:
		fillRect(img, int(cx-14*s), int(cy-4*s), int(cx+14*s), int(cy+4*s), c, 255)
		fillRect(img, int(cx-4*s), int(cy-14*s), int(cx+4*s), int(cy+14*s), c, 255)
	case 4:
		for k := 0; k < 3; k++ {
			fillRect(img, int(cx-15*s), int(cy+float64(k*8-10)*s), int(cx+15*s), int(cy+float64(k*8-6)*s), c, 255)
		}
	case 5:
		fillTrap(img, cy-14*s, cy+12*s, cx, cx, cx-15*s, cx+15*s, c, 255)
	}
	// the id's second digit adds a dot pattern so that 24 products differ
	for k := 0; k < id/6; k++ {
		fillEllipse(img, cx+float64(k*7-7)*s, cy+22*s, 2.5*s, 2.5*s, c, 255)
	}
}

// drawProduct draws a pack centred on (cx, cy) at scale s (1: about 300 px tall).
func drawProduct(img *image.RGBA, lk look, logo string, cx, cy, s float64) {
	X := func(u float64) float64 { return cx + u*s }
	Y := func(v float64) float64 { return cy + v*s }
	ts := max(1, int(math.Round(3*s)))
	ts2 := max(1, int(math.Round(2*s)))
	// shadow
	fillEllipse(img, cx, Y(140), 110*s, 14*s, color.RGBA{0, 0, 0, 255}, 40)
	var bx0, bx1, by0, by1 float64 // label area
	switch lk.shape {
	case shapeTub:
		fillRoundRect(img, X(-90), Y(-70), X(90), Y(135), 14*s, lk.body, 255)
		fillRoundRect(img, X(-96), Y(-112), X(96), Y(-66), 8*s, lk.cap, 255)
		fillRect(img, int(X(-96)), int(Y(-80)), int(X(96)), int(Y(-74)), darker(lk.cap, 0.7), 255)
		bx0, bx1, by0, by1 = -90, 90, -20, 70
	case shapeBottle:
		fillRoundRect(img, X(-65), Y(-55), X(65), Y(138), 22*s, lk.body, 255)
		fillRoundRect(img, X(-32), Y(-92), X(32), Y(-50), 6*s, darker(lk.body, 0.92), 255)
		fillRoundRect(img, X(-40), Y(-135), X(40), Y(-90), 6*s, lk.cap, 255)
		for k := -3; k <= 3; k++ {
			fillRect(img, int(X(float64(k*10)-1)), int(Y(-132)), int(X(float64(k*10)+1)), int(Y(-94)), darker(lk.cap, 0.8), 255)
		}
		bx0, bx1, by0, by1 = -65, 65, -10, 95
	case shapeDropper:
		fillRoundRect(img, X(-52), Y(-20), X(52), Y(138), 12*s, lk.body, 255)
		fillRoundRect(img, X(-30), Y(-52), X(30), Y(-18), 4*s, lk.cap, 255)
		fillEllipse(img, cx, Y(-95), 22*s, 45*s, color.RGBA{50, 45, 50, 255}, 255)
		bx0, bx1, by0, by1 = -52, 52, 20, 110
	case shapeJar:
		fillRoundRect(img, X(-110), Y(0), X(110), Y(125), 16*s, lk.body, 255)
		fillRoundRect(img, X(-116), Y(-50), X(116), Y(4), 10*s, lk.cap, 255)
		fillRect(img, int(X(-116)), int(Y(-8)), int(X(116)), int(Y(-2)), darker(lk.cap, 0.75), 255)
		bx0, bx1, by0, by1 = -110, 110, 25, 110
	case shapeBox:
		fillTrap(img, Y(-150), Y(-125), X(-85), X(115), X(-100), X(100), lighter(lk.body, 0.35), 255)
		fillTrap(img, Y(-125), Y(130), X(100), X(100), X(100), X(100), lk.body, 255)
		fillRect(img, int(X(-100)), int(Y(-125)), int(X(100)), int(Y(130)), lk.body, 255)
		fillTrap(img, Y(-140), Y(130), X(100), X(115), X(100), X(115), darker(lk.body, 0.75), 255)
		bx0, bx1, by0, by1 = -100, 100, -40, 60
	case shapeTube:
		fillRect(img, int(X(-75)), int(Y(-150)), int(X(75)), int(Y(-135)), darker(lk.body, 0.85), 255)
		fillTrap(img, Y(-135), Y(90), X(-75), X(75), X(-42), X(42), lk.body, 255)
		fillRoundRect(img, X(-46), Y(88), X(46), Y(138), 6*s, lk.cap, 255)
		bx0, bx1, by0, by1 = -58, 58, -70, 20
	case shapeJug:
		fillRoundRect(img, X(-95), Y(-60), X(95), Y(138), 20*s, lk.body, 255)
		fillRoundRect(img, X(20), Y(-110), X(90), Y(-40), 18*s, lk.body, 255)
		fillRoundRect(img, X(38), Y(-92), X(72), Y(-58), 10*s, color.RGBA{0, 0, 0, 0}, 0)
		fillRoundRect(img, X(38), Y(-92), X(72), Y(-58), 10*s, lighter(lk.body, 0.6), 255)
		fillRoundRect(img, X(-70), Y(-115), X(-15), Y(-58), 6*s, lk.cap, 255)
		bx0, bx1, by0, by1 = -80, 80, -20, 100
	case shapeSpray:
		fillRoundRect(img, X(-60), Y(-25), X(60), Y(138), 18*s, lk.body, 255)
		fillRect(img, int(X(-22)), int(Y(-50)), int(X(22)), int(Y(-22)), lk.cap, 255)
		fillRoundRect(img, X(-45), Y(-100), X(58), Y(-48), 10*s, lk.cap, 255)
		fillRect(img, int(X(-80)), int(Y(-92)), int(X(-44)), int(Y(-74)), darker(lk.cap, 0.8), 255)
		fillTrap(img, Y(-50), Y(-5), X(-40), X(-22), X(-30), X(-18), darker(lk.cap, 0.8), 255)
		bx0, bx1, by0, by1 = -60, 60, 10, 105
	case shapePouch:
		fillTrap(img, Y(-125), Y(120), X(-85), X(85), X(-100), X(100), lk.body, 255)
		fillRoundRect(img, X(-100), Y(100), X(100), Y(138), 12*s, lk.body, 255)
		fillRect(img, int(X(-85)), int(Y(-108)), int(X(85)), int(Y(-102)), darker(lk.body, 0.7), 255)
		bx0, bx1, by0, by1 = -80, 80, -40, 70
	case shapeCup:
		fillTrap(img, Y(-80), Y(138), X(-72), X(72), X(-56), X(56), lk.body, 200)
		fillRoundRect(img, X(-76), Y(-122), X(76), Y(-78), 8*s, lk.cap, 255)
		fillRoundRect(img, X(-20), Y(-145), X(20), Y(-118), 6*s, darker(lk.cap, 0.8), 255)
		for k := 0; k < 6; k++ {
			fillRect(img, int(X(40)), int(Y(float64(-50+k*30))), int(X(58)), int(Y(float64(-48+k*30))), lk.ink, 255)
		}
		bx0, bx1, by0, by1 = -60, 40, -10, 60
	case shapeDoc:
		fillRect(img, int(X(-105)), int(Y(-140)), int(X(105)), int(Y(138)), color.RGBA{255, 255, 255, 255}, 255)
		fillRect(img, int(X(-105)), int(Y(-140)), int(X(105)), int(Y(-80)), lk.body, 255)
		for k := 0; k < 9; k++ {
			w := 150.0 - float64((k*37)%60)
			fillRect(img, int(X(-85)), int(Y(float64(-60+k*20))), int(X(-85+w)), int(Y(float64(-54+k*20))), color.RGBA{150, 150, 155, 255}, 255)
		}
		fillEllipse(img, X(60), Y(80), 34*s, 34*s, lk.ink, 255)
		fillEllipse(img, X(60), Y(80), 26*s, 26*s, color.RGBA{230, 240, 250, 255}, 255)
		fillTrap(img, Y(105), Y(140), X(80), X(90), X(95), X(105), lk.ink, 255)
		drawTextCentered(img, int(cx), int(Y(-125)), ts2, lk.ink, 255, logo)
		drawTextCentered(img, int(cx), int(Y(-100)), ts2, color.RGBA{255, 255, 255, 255}, 255, lk.lineTxt)
		return
	}
	// label band, logo, line name, size and mark
	fillRect(img, int(X(bx0)), int(Y(by0)), int(X(bx1)), int(Y(by1)), lk.band, 255)
	lw := float64(textWidth(logo, ts))
	logoScale := ts
	if lw > (bx1-bx0)*s*0.92 {
		logoScale = ts2
	}
	drawTextCentered(img, int(cx), int(Y(by0+8)), logoScale, lk.ink, 255, logo)
	lineScale := ts2
	if float64(textWidth(lk.lineTxt, lineScale)) > (bx1-bx0)*s*0.92 {
		lineScale = max(1, lineScale-1)
	}
	drawTextCentered(img, int(cx), int(Y(by0+38)), lineScale, lk.ink, 255, lk.lineTxt)
	drawText(img, int(X(bx0+8)), int(Y(by1-20)), ts2, lk.ink, 200, lk.sizeTxt)
	drawMark(img, lk.mark, X(bx1-22), Y(by1-18), s*0.9, lk.ink)
	// highlight for a rounded body
	fillRect(img, int(X(bx0+10)), int(Y(by0-30)), int(X(bx0+18)), int(Y(by1+20)), color.RGBA{255, 255, 255, 255}, 50)
}

// scene is how a photo is taken.
type scene struct {
	bg    int
	s     float64
	dx    float64
	dy    float64
	twice bool // a second pack behind the first
	tint  [3]float64
}

func officialScene() scene { return scene{bg: bgStudio, s: 1} }

func renderScene(lk look, logo string, sc scene, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 77))
	img := newCanvas(sc.bg, r)
	cx, cy := canvas/2+sc.dx, canvas/2+12+sc.dy
	if sc.twice {
		drawProduct(img, lk, logo, cx+70*sc.s, cy-20*sc.s, sc.s*0.85)
		drawProduct(img, lk, logo, cx-50*sc.s, cy+10*sc.s, sc.s)
	} else {
		drawProduct(img, lk, logo, cx, cy, sc.s)
	}
	if sc.tint != [3]float64{} {
		colourShift(img, sc.tint[0], sc.tint[1], sc.tint[2], 1)
	}
	return img
}

// Edits that counterfeit sellers apply to reused official photos.

func resize(src *image.RGBA, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	for y := 0; y < h; y++ {
		fy := (float64(y)+0.5)*float64(sh)/float64(h) - 0.5
		y0 := int(math.Floor(fy))
		ty := fy - float64(y0)
		y0c, y1c := min(max(y0, 0), sh-1), min(max(y0+1, 0), sh-1)
		for x := 0; x < w; x++ {
			fx := (float64(x)+0.5)*float64(sw)/float64(w) - 0.5
			x0 := int(math.Floor(fx))
			tx := fx - float64(x0)
			x0c, x1c := min(max(x0, 0), sw-1), min(max(x0+1, 0), sw-1)
			i00 := src.PixOffset(src.Rect.Min.X+x0c, src.Rect.Min.Y+y0c)
			i01 := src.PixOffset(src.Rect.Min.X+x1c, src.Rect.Min.Y+y0c)
			i10 := src.PixOffset(src.Rect.Min.X+x0c, src.Rect.Min.Y+y1c)
			i11 := src.PixOffset(src.Rect.Min.X+x1c, src.Rect.Min.Y+y1c)
			o := dst.PixOffset(x, y)
			for k := 0; k < 3; k++ {
				v := float64(src.Pix[i00+k])*(1-tx)*(1-ty) + float64(src.Pix[i01+k])*tx*(1-ty) +
					float64(src.Pix[i10+k])*(1-tx)*ty + float64(src.Pix[i11+k])*tx*ty
				dst.Pix[o+k] = clamp8(v)
			}
			dst.Pix[o+3] = 255
		}
	}
	return dst
}

func cropResize(img *image.RGBA, l, t, r, b float64) *image.RGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	rect := image.Rect(int(l*float64(w)), int(t*float64(h)), w-int(r*float64(w)), h-int(b*float64(h)))
	sub := img.SubImage(rect).(*image.RGBA)
	return resize(sub, canvas, canvas)
}

func withBorder(img *image.RGBA, bw int, c color.RGBA) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, canvas, canvas))
	fillRect(dst, 0, 0, canvas, canvas, c, 255)
	small := resize(img, canvas-2*bw, canvas-2*bw)
	for y := 0; y < small.Rect.Dy(); y++ {
		copy(dst.Pix[dst.PixOffset(bw, bw+y):dst.PixOffset(bw+small.Rect.Dx(), bw+y)], small.Pix[small.PixOffset(0, y):small.PixOffset(small.Rect.Dx(), y)])
	}
	return dst
}

func onWhiteCanvas(img *image.RGBA, f, ox, oy float64) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, canvas, canvas))
	fillRect(dst, 0, 0, canvas, canvas, color.RGBA{255, 255, 255, 255}, 255)
	n := int(canvas * f)
	small := resize(img, n, n)
	x0 := int(float64(canvas-n)/2 + ox)
	y0 := int(float64(canvas-n)/2 + oy)
	x0, y0 = min(max(x0, 0), canvas-n), min(max(y0, 0), canvas-n)
	for y := 0; y < n; y++ {
		copy(dst.Pix[dst.PixOffset(x0, y0+y):dst.PixOffset(x0+n, y0+y)], small.Pix[small.PixOffset(0, y):small.PixOffset(n, y)])
	}
	return dst
}

func watermark(img *image.RGBA, text string, tiled bool, a int, c color.RGBA) {
	if !tiled {
		drawTextCentered(img, canvas/2, canvas-60, 3, c, a, text)
		return
	}
	w := textWidth(text, 2)
	row := 0
	for y := 20; y < canvas; y += 70 {
		off := (row % 2) * (w / 2)
		for x := -off; x < canvas; x += w + 40 {
			drawText(img, x, y, 2, c, a, text)
		}
		row++
	}
}

func colourShift(img *image.RGBA, fr, fg, fb, sat float64) {
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, b := float64(img.Pix[i]), float64(img.Pix[i+1]), float64(img.Pix[i+2])
		l := 0.3*r + 0.59*g + 0.11*b
		r, g, b = l+(r-l)*sat, l+(g-l)*sat, l+(b-l)*sat
		img.Pix[i], img.Pix[i+1], img.Pix[i+2] = clamp8(r*fr), clamp8(g*fg), clamp8(b*fb)
	}
}

func stickerBadge(img *image.RGBA, text string) {
	fillEllipse(img, 70, 70, 52, 52, color.RGBA{220, 20, 30, 255}, 255)
	drawTextCentered(img, 70, 60, 2, color.RGBA{255, 255, 255, 255}, 255, text)
}

func encodeJPEG(img image.Image, q int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func encodePNG(img image.Image) []byte {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
