package world11

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"strings"
)

const photoSize = 480

// photoSpec says how to draw one photo; photos are drawn and encoded on
// request, so only the spec is kept.
type photoSpec struct {
	sku     string // the product drawn; "" for an unrelated photo
	kind    string // off, crop, border, wm, shift, lowq, combo, real, unrel
	seed    uint64
	text    string // watermark text
	quality int    // JPEG quality; 0 means PNG
}

// official photo kinds a listing may show.
const (
	phOff    = "off"
	phCrop   = "crop"
	phBorder = "border"
	phWM     = "wm"
	phShift  = "shift"
	phLowQ   = "lowq"
	phCombo  = "combo"
	phReal   = "real"
	phUnrel  = "unrel"
)

// encode draws and encodes the photo.
func (s photoSpec) encode() ([]byte, string) {
	img := s.render()
	var buf bytes.Buffer
	if s.quality == 0 {
		_ = png.Encode(&buf, img)
		return buf.Bytes(), "image/png"
	}
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: s.quality})
	return buf.Bytes(), "image/jpeg"
}

func (s photoSpec) render() image.Image {
	r := rand.New(rand.NewPCG(s.seed, 0x5eed11))
	if s.kind == phUnrel || s.sku == "" {
		return drawUnrelated(r)
	}
	p := productBySKU(s.sku)
	switch s.kind {
	case phReal:
		return drawRealShot(p, r)
	case phOff, phLowQ:
		return drawOfficial(p)
	}
	img := drawOfficial(p)
	switch s.kind {
	case phCrop:
		return cropPct(img, 0.05+r.Float64()*0.10, r)
	case phBorder:
		return addBorder(img, 12+r.IntN(30), pickColor(r))
	case phWM:
		return watermark(img, s.text, r)
	case phShift:
		return colourShift(img, r.IntN(50)-25, r.IntN(50)-25, r.IntN(50)-25)
	case phCombo:
		var out image.Image = cropPct(img, 0.05+r.Float64()*0.10, r)
		out = colourShift(toRGBA(out), r.IntN(30)-15, r.IntN(30)-15, r.IntN(30)-15)
		return watermark(toRGBA(out), s.text, r)
	}
	return img
}

// officialPhoto encodes the catalogue photo of a product.
func officialPhoto(p *productDef) []byte {
	var buf bytes.Buffer
	img := drawOfficial(p)
	if strings.HasSuffix(p.image, ".png") {
		_ = png.Encode(&buf, img)
	} else {
		_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92})
	}
	return buf.Bytes()
}

func pickColor(r *rand.Rand) color.RGBA {
	cs := []color.RGBA{rgb(255, 255, 255), rgb(250, 220, 40), rgb(230, 30, 40), rgb(20, 20, 20), rgb(255, 120, 170)}
	return cs[r.IntN(len(cs))]
}

func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok {
		return m
	}
	b := img.Bounds()
	m := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(m, m.Bounds(), img, b.Min, draw.Src)
	return m
}

func fill(m *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(m, r.Intersect(m.Bounds()), image.NewUniform(c), image.Point{}, draw.Over)
}

func ellipse(m *image.RGBA, cx, cy, rx, ry int, c color.RGBA) {
	for y := cy - ry; y <= cy+ry; y++ {
		for x := cx - rx; x <= cx+rx; x++ {
			dx := float64(x-cx) / float64(rx)
			dy := float64(y-cy) / float64(ry)
			if dx*dx+dy*dy <= 1 && image.Pt(x, y).In(m.Bounds()) {
				m.SetRGBA(x, y, c)
			}
		}
	}
}

func roundRect(m *image.RGBA, r image.Rectangle, rad int, c color.RGBA) {
	fill(m, image.Rect(r.Min.X+rad, r.Min.Y, r.Max.X-rad, r.Max.Y), c)
	fill(m, image.Rect(r.Min.X, r.Min.Y+rad, r.Max.X, r.Max.Y-rad), c)
	ellipse(m, r.Min.X+rad, r.Min.Y+rad, rad, rad, c)
	ellipse(m, r.Max.X-rad-1, r.Min.Y+rad, rad, rad, c)
	ellipse(m, r.Min.X+rad, r.Max.Y-rad-1, rad, rad, c)
	ellipse(m, r.Max.X-rad-1, r.Max.Y-rad-1, rad, rad, c)
}

func shade(c color.RGBA, d int) color.RGBA {
	cl := func(v int) uint8 { return uint8(max(0, min(255, v))) }
	return color.RGBA{cl(int(c.R) + d), cl(int(c.G) + d), cl(int(c.B) + d), 255}
}

// drawProduct draws the pack of p into m, centred at (cx, cy), scaled by s.
func drawProduct(m *image.RGBA, p *productDef, cx, cy int, s float64) {
	b := brandByID(p.brand)
	sc := func(v float64) int { return int(v * s) }
	dark := shade(p.body, -60)
	var label image.Rectangle
	switch p.shape {
	case "dropper":
		roundRect(m, image.Rect(cx-sc(70), cy-sc(60), cx+sc(70), cy+sc(170)), sc(24), p.body)
		fill(m, image.Rect(cx-sc(30), cy-sc(110), cx+sc(30), cy-sc(60)), rgb(30, 30, 30))
		ellipse(m, cx, cy-sc(135), sc(26), sc(34), rgb(20, 20, 20))
		label = image.Rect(cx-sc(60), cy, cx+sc(60), cy+sc(120))
	case "jar":
		roundRect(m, image.Rect(cx-sc(150), cy-sc(40), cx+sc(150), cy+sc(110)), sc(20), p.body)
		fill(m, image.Rect(cx-sc(155), cy-sc(95), cx+sc(155), cy-sc(40)), p.accent)
		label = image.Rect(cx-sc(130), cy-sc(20), cx+sc(130), cy+sc(90))
	case "tall":
		roundRect(m, image.Rect(cx-sc(60), cy-sc(150), cx+sc(60), cy+sc(190)), sc(18), p.body)
		fill(m, image.Rect(cx-sc(28), cy-sc(200), cx+sc(28), cy-sc(150)), p.accent)
		label = image.Rect(cx-sc(55), cy-sc(40), cx+sc(55), cy+sc(120))
	case "mask":
		roundRect(m, image.Rect(cx-sc(130), cy-sc(180), cx+sc(130), cy+sc(180)), sc(10), p.body)
		fill(m, image.Rect(cx-sc(130), cy-sc(180), cx+sc(130), cy-sc(150)), shade(p.body, 30))
		label = image.Rect(cx-sc(110), cy-sc(60), cx+sc(110), cy+sc(80))
	case "canister":
		roundRect(m, image.Rect(cx-sc(120), cy-sc(120), cx+sc(120), cy+sc(180)), sc(14), p.body)
		fill(m, image.Rect(cx-sc(125), cy-sc(160), cx+sc(125), cy-sc(120)), dark)
		fill(m, image.Rect(cx-sc(120), cy+sc(100), cx+sc(120), cy+sc(130)), p.accent)
		label = image.Rect(cx-sc(105), cy-sc(90), cx+sc(105), cy+sc(90))
	case "pillbottle":
		roundRect(m, image.Rect(cx-sc(85), cy-sc(90), cx+sc(85), cy+sc(160)), sc(20), p.body)
		fill(m, image.Rect(cx-sc(60), cy-sc(150), cx+sc(60), cy-sc(90)), rgb(250, 250, 250))
		label = image.Rect(cx-sc(80), cy-sc(40), cx+sc(80), cy+sc(110))
	case "box":
		fill(m, image.Rect(cx-sc(150), cy-sc(120), cx+sc(150), cy+sc(140)), p.body)
		fill(m, image.Rect(cx+sc(150), cy-sc(100), cx+sc(180), cy+sc(160)), shade(p.body, -40))
		fill(m, image.Rect(cx-sc(130), cy-sc(150), cx+sc(180), cy-sc(120)), shade(p.body, 30))
		label = image.Rect(cx-sc(130), cy-sc(60), cx+sc(130), cy+sc(80))
	case "jug":
		roundRect(m, image.Rect(cx-sc(120), cy-sc(120), cx+sc(120), cy+sc(190)), sc(30), p.body)
		roundRect(m, image.Rect(cx+sc(40), cy-sc(170), cx+sc(120), cy-sc(60)), sc(20), p.body)
		fill(m, image.Rect(cx+sc(60), cy-sc(140), cx+sc(100), cy-sc(90)), rgb(255, 255, 255))
		fill(m, image.Rect(cx-sc(80), cy-sc(175), cx-sc(20), cy-sc(120)), p.accent)
		label = image.Rect(cx-sc(100), cy-sc(40), cx+sc(100), cy+sc(140))
	case "squeeze":
		roundRect(m, image.Rect(cx-sc(75), cy-sc(130), cx+sc(75), cy+sc(190)), sc(30), p.body)
		fill(m, image.Rect(cx-sc(25), cy-sc(180), cx+sc(25), cy-sc(130)), p.accent)
		label = image.Rect(cx-sc(65), cy-sc(40), cx+sc(65), cy+sc(120))
	case "spray":
		roundRect(m, image.Rect(cx-sc(70), cy-sc(80), cx+sc(70), cy+sc(190)), sc(20), p.body)
		fill(m, image.Rect(cx-sc(40), cy-sc(160), cx+sc(40), cy-sc(80)), p.accent)
		fill(m, image.Rect(cx-sc(110), cy-sc(170), cx+sc(40), cy-sc(140)), p.accent)
		fill(m, image.Rect(cx+sc(10), cy-sc(140), cx+sc(30), cy-sc(90)), shade(p.accent, -40))
		label = image.Rect(cx-sc(60), cy-sc(20), cx+sc(60), cy+sc(140))
	case "wok":
		ellipse(m, cx-sc(30), cy, sc(170), sc(150), p.body)
		ellipse(m, cx-sc(30), cy, sc(140), sc(120), shade(p.body, 25))
		fill(m, image.Rect(cx+sc(130), cy-sc(15), cx+sc(230), cy+sc(15)), p.accent)
		label = image.Rect(cx-sc(110), cy-sc(30), cx+sc(50), cy+sc(30))
	}
	if p.shape != "wok" {
		fill(m, label, rgb(255, 255, 255))
		fill(m, image.Rect(label.Min.X, label.Min.Y, label.Max.X, label.Min.Y+sc(14)), p.accent)
		fill(m, image.Rect(label.Min.X, label.Max.Y-sc(10), label.Max.X, label.Max.Y), p.accent)
	}
	text := strings.ToUpper(b.name)
	scale := max(1, min(label.Dx()/(len(text)*6+2), sc(5)))
	ink := rgb(30, 30, 30)
	if p.shape == "wok" {
		ink = rgb(225, 225, 225)
	}
	drawText(m, text, label.Min.X+(label.Dx()-len(text)*6*scale)/2, label.Min.Y+sc(24), scale, ink)
	if p.variant != "" {
		vs := max(1, min(label.Dx()/(len(p.variant)*6+2), sc(4)))
		drawText(m, p.variant, label.Min.X+(label.Dx()-len(p.variant)*6*vs)/2, label.Min.Y+sc(24)+8*scale+sc(8), vs, p.accent)
	} else if p.shape != "wok" {
		for i := 0; i < 3; i++ {
			y := label.Min.Y + sc(24) + 8*scale + sc(10) + i*sc(12)
			fill(m, image.Rect(label.Min.X+sc(12), y, label.Max.X-sc(12)-i*sc(18), y+sc(5)), rgb(150, 150, 150))
		}
	}
}

// drawOfficial is the brand's studio photo: the pack on white.
func drawOfficial(p *productDef) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	fill(m, m.Bounds(), rgb(255, 255, 255))
	ellipse(m, photoSize/2, 430, 170, 22, rgb(228, 228, 228))
	drawProduct(m, p, photoSize/2, 230, 1)
	return m
}

// drawRealShot is a seller's own photo of the pack: a table, another angle
// of light, the pack smaller and off centre.
func drawRealShot(p *productDef, r *rand.Rand) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	bgs := []color.RGBA{rgb(160, 120, 80), rgb(200, 190, 175), rgb(120, 130, 140), rgb(235, 225, 210)}
	bg := bgs[r.IntN(len(bgs))]
	fill(m, m.Bounds(), bg)
	for i := 0; i < 40; i++ {
		y := r.IntN(photoSize)
		fill(m, image.Rect(0, y, photoSize, y+1+r.IntN(3)), shade(bg, r.IntN(30)-15))
	}
	drawProduct(m, p, 180+r.IntN(120), 200+r.IntN(80), 0.6+r.Float64()*0.3)
	for i := 0; i < 2000; i++ {
		x, y := r.IntN(photoSize), r.IntN(photoSize)
		m.SetRGBA(x, y, shade(m.RGBAAt(x, y), r.IntN(40)-20))
	}
	return colourShift(m, r.IntN(30)-10, r.IntN(20)-10, r.IntN(30)-20)
}

// drawUnrelated is any other photo: shapes and colour blocks.
func drawUnrelated(r *rand.Rand) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	fill(m, m.Bounds(), rgb(uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256))))
	for i := 0; i < 6+r.IntN(8); i++ {
		c := rgb(uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)))
		x, y := r.IntN(photoSize), r.IntN(photoSize)
		if r.IntN(2) == 0 {
			fill(m, image.Rect(x, y, x+20+r.IntN(200), y+20+r.IntN(200)), c)
		} else {
			ellipse(m, x, y, 10+r.IntN(90), 10+r.IntN(90), c)
		}
	}
	return m
}

// resize scales with bilinear sampling.
func resize(src *image.RGBA, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sb := src.Bounds()
	sx := float64(sb.Dx()) / float64(w)
	sy := float64(sb.Dy()) / float64(h)
	for y := 0; y < h; y++ {
		fy := (float64(y)+0.5)*sy - 0.5
		y0 := int(math.Floor(fy))
		ty := fy - float64(y0)
		for x := 0; x < w; x++ {
			fx := (float64(x)+0.5)*sx - 0.5
			x0 := int(math.Floor(fx))
			tx := fx - float64(x0)
			at := func(xx, yy int) color.RGBA {
				xx = max(0, min(sb.Dx()-1, xx))
				yy = max(0, min(sb.Dy()-1, yy))
				return src.RGBAAt(sb.Min.X+xx, sb.Min.Y+yy)
			}
			c00, c10, c01, c11 := at(x0, y0), at(x0+1, y0), at(x0, y0+1), at(x0+1, y0+1)
			mix := func(a, b, c, d uint8) uint8 {
				v := (float64(a)*(1-tx)+float64(b)*tx)*(1-ty) + (float64(c)*(1-tx)+float64(d)*tx)*ty
				return uint8(math.Round(v))
			}
			dst.SetRGBA(x, y, color.RGBA{mix(c00.R, c10.R, c01.R, c11.R), mix(c00.G, c10.G, c01.G, c11.G), mix(c00.B, c10.B, c01.B, c11.B), 255})
		}
	}
	return dst
}

// cropPct cuts pct of the picture away (from one corner or evenly) and
// scales the rest back up, as a reposted photo usually is.
func cropPct(img *image.RGBA, pct float64, r *rand.Rand) *image.RGBA {
	cut := int(float64(photoSize) * pct)
	var rect image.Rectangle
	switch r.IntN(3) {
	case 0:
		rect = image.Rect(cut/2, cut/2, photoSize-cut/2, photoSize-cut/2)
	case 1:
		rect = image.Rect(cut, cut, photoSize, photoSize)
	default:
		rect = image.Rect(0, 0, photoSize-cut, photoSize-cut)
	}
	sub := image.NewRGBA(image.Rect(0, 0, rect.Dx(), rect.Dy()))
	draw.Draw(sub, sub.Bounds(), img, rect.Min, draw.Src)
	return resize(sub, photoSize, photoSize)
}

func addBorder(img *image.RGBA, w int, c color.RGBA) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	fill(m, m.Bounds(), c)
	small := resize(img, photoSize-2*w, photoSize-2*w)
	draw.Draw(m, image.Rect(w, w, photoSize-w, photoSize-w), small, image.Point{}, draw.Src)
	return m
}

func colourShift(img *image.RGBA, dr, dg, db int) *image.RGBA {
	m := image.NewRGBA(img.Bounds())
	cl := func(v int) uint8 { return uint8(max(0, min(255, v))) }
	for i := 0; i < len(img.Pix); i += 4 {
		m.Pix[i] = cl(int(img.Pix[i]) + dr)
		m.Pix[i+1] = cl(int(img.Pix[i+1]) + dg)
		m.Pix[i+2] = cl(int(img.Pix[i+2]) + db)
		m.Pix[i+3] = 255
	}
	return m
}

// watermark writes the shop's text over the photo, as resellers stamp
// photos they took from elsewhere.
func watermark(img *image.RGBA, text string, r *rand.Rand) *image.RGBA {
	m := image.NewRGBA(img.Bounds())
	copy(m.Pix, img.Pix)
	if text == "" {
		text = "TAOXI SHOP"
	}
	scale := 3 + r.IntN(3)
	w := len(text) * 6 * scale
	c := color.RGBA{200, 30, 30, 255}
	if r.IntN(2) == 0 {
		c = color.RGBA{120, 120, 120, 255}
	}
	switch r.IntN(3) {
	case 0: // one line across the middle
		drawTextAlpha(m, text, (photoSize-w)/2, photoSize/2-4*scale, scale, c, 0.45)
	case 1: // corner stamp
		drawTextAlpha(m, text, photoSize-w-10, photoSize-10-7*scale, scale, c, 0.8)
	default: // tiled
		for y := 20; y < photoSize; y += 110 {
			drawTextAlpha(m, text, 10+(y/110%2)*60, y, 2, c, 0.35)
		}
	}
	return m
}

var glyphs = map[rune]string{
	'A': "01110,10001,10001,11111,10001,10001,10001", 'B': "11110,10001,10001,11110,10001,10001,11110",
	'C': "01110,10001,10000,10000,10000,10001,01110", 'D': "11110,10001,10001,10001,10001,10001,11110",
	'E': "11111,10000,10000,11110,10000,10000,11111", 'F': "11111,10000,10000,11110,10000,10000,10000",
	'G': "01110,10001,10000,10111,10001,10001,01111", 'H': "10001,10001,10001,11111,10001,10001,10001",
	'I': "01110,00100,00100,00100,00100,00100,01110", 'J': "00111,00010,00010,00010,00010,10010,01100",
	'K': "10001,10010,10100,11000,10100,10010,10001", 'L': "10000,10000,10000,10000,10000,10000,11111",
	'M': "10001,11011,10101,10101,10001,10001,10001", 'N': "10001,10001,11001,10101,10011,10001,10001",
	'O': "01110,10001,10001,10001,10001,10001,01110", 'P': "11110,10001,10001,11110,10000,10000,10000",
	'Q': "01110,10001,10001,10001,10101,10010,01101", 'R': "11110,10001,10001,11110,10100,10010,10001",
	'S': "01111,10000,10000,01110,00001,00001,11110", 'T': "11111,00100,00100,00100,00100,00100,00100",
	'U': "10001,10001,10001,10001,10001,10001,01110", 'V': "10001,10001,10001,10001,10001,01010,00100",
	'W': "10001,10001,10001,10101,10101,10101,01010", 'X': "10001,10001,01010,00100,01010,10001,10001",
	'Y': "10001,10001,01010,00100,00100,00100,00100", 'Z': "11111,00001,00010,00100,01000,10000,11111",
	'0': "01110,10001,10011,10101,11001,10001,01110", '1': "00100,01100,00100,00100,00100,00100,01110",
	'2': "01110,10001,00001,00010,00100,01000,11111", '3': "11111,00010,00100,00010,00001,10001,01110",
	'4': "00010,00110,01010,10010,11111,00010,00010", '5': "11111,10000,11110,00001,00001,10001,01110",
	'6': "00110,01000,10000,11110,10001,10001,01110", '7': "11111,00001,00010,00100,01000,01000,01000",
	'8': "01110,10001,10001,01110,10001,10001,01110", '9': "01110,10001,10001,01111,00001,00010,01100",
	'-': "00000,00000,00000,11111,00000,00000,00000", '.': "00000,00000,00000,00000,00000,01100,01100",
	':': "00000,01100,01100,00000,01100,01100,00000", '@': "01110,10001,10111,10101,10111,10000,01110",
	'+': "00000,00100,00100,11111,00100,00100,00000", '/': "00001,00010,00010,00100,01000,01000,10000",
	'&': "01100,10010,10100,01000,10101,10010,01101",
}

func drawText(m *image.RGBA, text string, x, y, scale int, c color.RGBA) {
	drawTextAlpha(m, text, x, y, scale, c, 1)
}

func drawTextAlpha(m *image.RGBA, text string, x, y, scale int, c color.RGBA, alpha float64) {
	for i, ch := range strings.ToUpper(text) {
		g, ok := glyphs[ch]
		if !ok {
			continue
		}
		for row, bits := range strings.Split(g, ",") {
			for col, bit := range bits {
				if bit != '1' {
					continue
				}
				for dy := 0; dy < scale; dy++ {
					for dx := 0; dx < scale; dx++ {
						px, py := x+(i*6+col)*scale+dx, y+row*scale+dy
						if !image.Pt(px, py).In(m.Bounds()) {
							continue
						}
						o := m.RGBAAt(px, py)
						bl := func(a, b uint8) uint8 { return uint8(float64(a)*(1-alpha) + float64(b)*alpha) }
						m.SetRGBA(px, py, color.RGBA{bl(o.R, c.R), bl(o.G, c.G), bl(o.B, c.B), 255})
					}
				}
			}
		}
	}
}
