package world5

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
)

// Package shapes.
const (
	shTub = iota
	shBottle
	shDropper
	shJar
	shTube
	shBox
	shFlatBox
	shPouch
	shJug
	shSpray
	shCartridge
	shSquat
	shCup   // accessory: shaker cup
	shTray  // accessory: pill organiser / tray
	shTool  // accessory: wrench / scoop
	shBook  // book or printed guide
	shPlain // generic plain pack
)

// look is how a product (or a look-alike / generic good) is drawn.
type look struct {
	shape                    int
	body, label, cap, accent color.RGBA
	mark                     string // brand word on the label
	logo                     int    // 0 leaf, 1 moon, 2 droplet, 3 sun, 4 none, 5 square
	line, sub                string
	stripes                  int
}

// drawLogo draws a small brand emblem centred at (cx,cy) of radius r.
func drawLogo(img *image.RGBA, kind int, cx, cy, r float64, c color.RGBA, bg color.RGBA) {
	switch kind {
	case 0: // leaf
		fillEllipse(img, cx, cy, r*0.55, r, c, 1)
		fillRect(img, int(cx)-1, int(cy-r*0.8), int(cx)+1, int(cy+r*0.9), bg)
	case 1: // crescent
		fillEllipse(img, cx, cy, r, r, c, 1)
		fillEllipse(img, cx+r*0.45, cy-r*0.2, r*0.85, r*0.85, bg, 1)
	case 2: // droplet
		fillEllipse(img, cx, cy+r*0.3, r*0.7, r*0.7, c, 1)
		fillPoly(img, []pt{{cx, cy - r}, {cx - r*0.62, cy + r*0.1}, {cx + r*0.62, cy + r*0.1}}, c)
	case 3: // sun
		for k := 0; k < 8; k++ {
			a := float64(k) * math.Pi / 4
			fillEllipse(img, cx+math.Cos(a)*r*0.85, cy+math.Sin(a)*r*0.85, r*0.18, r*0.18, c, 1)
		}
		fillEllipse(img, cx, cy, r*0.55, r*0.55, c, 1)
	case 5: // square
		fillRect(img, int(cx-r*0.7), int(cy-r*0.7), int(cx+r*0.7), int(cy+r*0.7), c)
	}
}

func contrastOn(bg color.RGBA) color.RGBA {
	l := 0.3*float64(bg.R) + 0.59*float64(bg.G) + 0.11*float64(bg.B)
	if l > 150 {
		return rgb(30, 30, 40)
	}
	return white
}

// label draws the label panel contents inside the rectangle.
func drawLabel(img *image.RGBA, lk look, x0, y0, x1, y1 int) {
	fillRect(img, x0, y0, x1, y1, lk.label)
	ink := contrastOn(lk.label)
	accent := lk.accent
	w := x1 - x0
	cx := (x0 + x1) / 2
	y := y0 + 6
	if lk.logo != 4 {
		r := float64(min(w, y1-y0)) * 0.09
		if r < 6 {
			r = 6
		}
		drawLogo(img, lk.logo, float64(cx), float64(y)+r, r, accent, lk.label)
		y += int(2*r) + 6
	}
	if lk.mark != "" {
		y += drawTextCentered(img, cx, y, w-10, lk.mark, 3, ink) + 6
	}
	if lk.line != "" {
		fillRect(img, x0, y, x1, y+2, accent)
		y += 6
		y += drawTextCentered(img, cx, y, w-10, lk.line, 2, accent) + 5
	}
	if lk.sub != "" && y+10 < y1 {
		drawTextCentered(img, cx, y, w-12, lk.sub, 1, ink)
	}
	for k := 0; k < lk.stripes; k++ {
		yy := y1 - 8 - k*7
		if yy > y+10 {
			fillRect(img, x0+6, yy, x1-6, yy+3, shade(accent, 1.3))
		}
	}
}

// drawPack draws a pack of look lk into img at offset (ox,oy) and scale s (1 = fills a 480 canvas).
func drawPack(lk look, s float64) *image.RGBA {
	W := int(480 * s)
	img := image.NewRGBA(image.Rect(0, 0, W, W))
	// transparent-ish: we draw onto white, caller composites by key colour
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 255, 0, 255, 255 // magenta key
	}
	S := func(v int) int { return int(float64(v) * s) }
	F := func(v float64) float64 { return v * s }
	switch lk.shape {
	case shTub:
		fillRoundRect(img, S(130), S(150), S(350), S(405), S(18), lk.body, true)
		fillRoundRect(img, S(120), S(108), S(360), S(160), S(8), lk.cap, true)
		drawLabel(img, lk, S(130), S(205), S(350), S(350))
	case shBottle:
		fillRoundRect(img, S(160), S(160), S(320), S(410), S(22), lk.body, true)
		fillRect(img, S(185), S(130), S(295), S(166), shade(lk.body, 0.9))
		fillRoundRect(img, S(172), S(80), S(308), S(136), S(6), lk.cap, true)
		drawLabel(img, lk, S(160), S(215), S(320), S(365))
	case shDropper:
		fillRoundRect(img, S(178), S(215), S(302), S(410), S(16), lk.body, true)
		fillRect(img, S(200), S(170), S(280), S(218), lk.cap)
		fillEllipse(img, F(240), F(125), F(26), F(48), shade(lk.cap, 0.8), 1)
		drawLabel(img, lk, S(178), S(255), S(302), S(385))
	case shJar:
		fillRoundRect(img, S(110), S(240), S(370), S(395), S(26), lk.body, true)
		fillRoundRect(img, S(100), S(180), S(380), S(246), S(10), lk.cap, true)
		drawLabel(img, lk, S(130), S(262), S(350), S(378))
	case shTube:
		fillPoly(img, []pt{{F(165), F(92)}, {F(315), F(92)}, {F(300), F(360)}, {F(180), F(360)}}, lk.body)
		fillRect(img, S(160), S(70), S(320), S(94), shade(lk.accent, 1.2))
		fillRoundRect(img, S(195), S(358), S(285), S(410), S(6), lk.cap, true)
		drawLabel(img, lk, S(185), S(130), S(295), S(320))
	case shBox:
		fillRect(img, S(130), S(120), S(330), S(405), lk.body)
		fillPoly(img, []pt{{F(330), F(120)}, {F(382), F(94)}, {F(382), F(378)}, {F(330), F(405)}}, shade(lk.body, 0.75))
		fillPoly(img, []pt{{F(130), F(120)}, {F(182), F(94)}, {F(382), F(94)}, {F(330), F(120)}}, shade(lk.body, 1.15))
		drawLabel(img, lk, S(130), S(185), S(330), S(345))
	case shFlatBox:
		fillRect(img, S(80), S(190), S(380), S(390), lk.body)
		fillPoly(img, []pt{{F(380), F(190)}, {F(410), F(172)}, {F(410), F(372)}, {F(380), F(390)}}, shade(lk.body, 0.75))
		fillPoly(img, []pt{{F(80), F(190)}, {F(110), F(172)}, {F(410), F(172)}, {F(380), F(190)}}, shade(lk.body, 1.15))
		drawLabel(img, lk, S(150), S(205), S(310), S(375))
	case shPouch:
		fillRoundRect(img, S(140), S(95), S(340), S(410), S(30), lk.body, true)
		fillRect(img, S(150), S(135), S(330), S(140), shade(lk.body, 0.7))
		drawLabel(img, lk, S(160), S(190), S(320), S(360))
	case shJug:
		ringEllipse(img, F(325), F(215), F(42), F(62), F(16), shade(lk.body, 0.92))
		fillRoundRect(img, S(130), S(140), S(330), S(412), S(26), lk.body, true)
		fillRoundRect(img, S(175), S(92), S(245), S(146), S(6), lk.cap, true)
		drawLabel(img, lk, S(145), S(220), S(315), S(375))
	case shSpray:
		fillRoundRect(img, S(170), S(200), S(310), S(410), S(22), lk.body, true)
		fillRect(img, S(215), S(158), S(265), S(204), shade(lk.cap, 0.9))
		fillPoly(img, []pt{{F(195), F(100)}, {F(300), F(100)}, {F(300), F(160)}, {F(195), F(160)}}, lk.cap)
		fillRect(img, S(140), S(108), S(196), S(130), shade(lk.cap, 0.8))
		fillRect(img, S(252), S(160), S(272), S(225), shade(lk.cap, 0.7))
		drawLabel(img, lk, S(175), S(250), S(305), S(390))
	case shCartridge:
		fillRoundRect(img, S(180), S(70), S(300), S(410), S(10), lk.body, true)
		fillRoundRect(img, S(172), S(66), S(308), S(112), S(8), lk.cap, true)
		fillRoundRect(img, S(172), S(366), S(308), S(414), S(8), lk.cap, true)
		for y := 120; y < 360; y += 14 {
			fillRect(img, S(182), S(y), S(298), S(y+2), shade(lk.body, 0.85))
		}
		drawLabel(img, lk, S(185), S(170), S(295), S(310))
	case shSquat:
		fillRoundRect(img, S(145), S(170), S(335), S(410), S(44), lk.body, true)
		fillRect(img, S(205), S(122), S(275), S(176), shade(lk.body, 0.85))
		fillRoundRect(img, S(198), S(86), S(282), S(128), S(8), lk.cap, true)
		drawLabel(img, lk, S(160), S(230), S(320), S(370))
	case shCup:
		fillPoly(img, []pt{{F(150), F(130)}, {F(330), F(130)}, {F(305), F(410)}, {F(175), F(410)}}, lk.body)
		fillRoundRect(img, S(140), S(80), S(340), S(134), S(10), lk.cap, true)
		for y := 180; y < 380; y += 40 {
			fillRect(img, S(180), S(y), S(215), S(y+3), lk.accent)
		}
		if lk.mark != "" {
			drawTextCentered(img, S(245), S(250), S(110), lk.mark, 2, lk.accent)
		}
	case shTray:
		fillRoundRect(img, S(70), S(170), S(410), S(340), S(16), lk.body, false)
		for i := 0; i < 7; i++ {
			x := 82 + i*46
			fillRoundRect(img, S(x), S(185), S(x+40), S(325), S(8), shade(lk.accent, 1.0+float64(i%3)*0.1), false)
			fillRect(img, S(x+4), S(190), S(x+36), S(200), lk.cap)
		}
	case shTool:
		fillRoundRect(img, S(215), S(150), S(265), S(420), S(12), lk.body, false)
		ringEllipse(img, F(240), F(120), F(80), F(80), F(28), lk.cap)
		fillRect(img, S(228), S(250), S(252), S(400), lk.accent)
	case shBook:
		fillRect(img, S(110), S(60), S(370), S(420), lk.body)
		fillRect(img, S(110), S(60), S(126), S(420), shade(lk.body, 0.7))
		fillRect(img, S(140), S(250), S(355), S(254), lk.accent)
		drawTextCentered(img, S(248), S(110), S(210), lk.mark, 3, contrastOn(lk.body))
		drawTextCentered(img, S(248), S(170), S(210), lk.line, 2, lk.accent)
		drawTextCentered(img, S(248), S(280), S(210), lk.sub, 2, contrastOn(lk.body))
		drawLogo(img, lk.logo, F(248), F(360), F(26), lk.accent, lk.body)
	default: // plain pack
		fillRoundRect(img, S(140), S(120), S(340), S(410), S(12), lk.body, true)
		fillRect(img, S(140), S(120), S(340), S(160), lk.cap)
		drawLabel(img, lk, S(150), S(200), S(330), S(360))
	}
	return img
}

// composite draws a keyed pack onto dst at (x,y).
func composite(dst, pack *image.RGBA, x, y int) {
	b := pack.Rect
	for yy := 0; yy < b.Dy(); yy++ {
		for xx := 0; xx < b.Dx(); xx++ {
			i := pack.PixOffset(xx, yy)
			if pack.Pix[i] == 255 && pack.Pix[i+1] == 0 && pack.Pix[i+2] == 255 {
				continue
			}
			blendPix(dst, x+xx, y+yy, color.RGBA{pack.Pix[i], pack.Pix[i+1], pack.Pix[i+2], 255}, 1)
		}
	}
}

// studioShot: the pack on white with a soft floor shadow (official photo style).
func studioShot(lk look) *image.RGBA {
	img := newImage(480, 480, white)
	fillEllipse(img, 240, 414, 150, 16, rgb(225, 225, 228), 1)
	composite(img, drawPack(lk, 1), 0, 0)
	return img
}

// sceneShot: a seller's own photo: the pack smaller, off-centre, on a table or backdrop.
func sceneShot(lk look, r *rand.Rand, n int) *image.RGBA {
	backs := []color.RGBA{rgb(196, 160, 120), rgb(210, 205, 198), rgb(170, 190, 205), rgb(235, 228, 215), rgb(120, 96, 80), rgb(225, 215, 230)}
	bg := backs[r.IntN(len(backs))]
	img := newImage(480, 480, bg)
	// table edge
	ty := 300 + r.IntN(60)
	fillRect(img, 0, ty, 480, 480, shade(bg, 0.82))
	for k := 0; k < 6; k++ {
		y := ty + 12 + k*28
		fillRect(img, 0, y, 480, y+2, shade(bg, 0.74))
	}
	s := 0.55 + r.Float64()*0.25
	if n < 1 {
		n = 1
	}
	pack := drawPack(lk, s)
	size := pack.Rect.Dx()
	for k := 0; k < n; k++ {
		x := 20 + r.IntN(max(1, 480-size-20)) + k*30
		y := ty - int(float64(size)*0.86) + k*8
		fillEllipse(img, float64(x+size/2), float64(y+int(float64(size)*0.86)), float64(size)*0.3, 8, shade(bg, 0.6), 0.6)
		composite(img, pack, x, y)
	}
	return img
}

// scratchCode paints a silver scratched patch over part of the label (code removed).
func scratchCode(img *image.RGBA, r *rand.Rand) {
	x, y := 185+r.IntN(30), 290+r.IntN(40)
	for k := 0; k < 260; k++ {
		xx, yy := x+r.IntN(90), y+r.IntN(22)
		fillRect(img, xx, yy, xx+3, yy+2, rgb(uint8(160+r.IntN(60)), uint8(160+r.IntN(60)), uint8(165+r.IntN(60))))
	}
}

// watermark writes text over the image, once large or tiled.
func watermark(img *image.RGBA, text string, tiled bool, c color.RGBA) {
	W, H := img.Rect.Dx(), img.Rect.Dy()
	if !tiled {
		sc := 4
		for sc > 1 && textWidth(text, sc) > W-20 {
			sc--
		}
		drawText(img, (W-textWidth(text, sc))/2, H/2-10, text, sc, c, 0.55)
		return
	}
	row := 0
	for y := 10; y < H; y += 70 {
		off := (row % 2) * 70
		for x := -off; x < W; x += textWidth(text, 2) + 60 {
			drawText(img, x, y, text, 2, c, 0.38)
		}
		row++
	}
}

func encodeJPEG(img image.Image, q int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
