package world10

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
)

// Photo kinds.
const (
	phOfficial  = iota // the official photo, possibly transformed as resellers and counterfeiters do
	phOwn              // the seller's own snapshot of the product
	phUnrelated        // something else entirely
	phDoc              // a booklet / document cover
)

const photoSize = 480

// photo describes one listing photo; it is drawn and encoded on request.
type photo struct {
	Kind      int
	SKU       string
	Seed      uint64
	Crop      float64 // fraction cut off (0.05-0.15)
	CropSide  int     // 0 centre, 1 top-left, 2 bottom-right
	Border    int
	BorderCol color.RGBA
	Mark      string // watermark text
	Shift     [3]int // colour shift per channel
	Flip      bool
	Quality   int // JPEG quality, 0 means 88
	PNG       bool
	Empty     bool // drawn as an empty container
	Cut       bool // the code area of the label is cut out
}

func (p photo) ext() string {
	if p.PNG {
		return "png"
	}
	return "jpg"
}

func hashSeed(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func fillRect(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(img, r.Intersect(img.Bounds()), &image.Uniform{c}, image.Point{}, draw.Src)
}

func blendPix(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	if !(image.Point{x, y}.In(img.Bounds())) {
		return
	}
	o := img.RGBAAt(x, y)
	mix := func(u, v uint8) uint8 { return uint8(float64(u)*(1-a) + float64(v)*a + 0.5) }
	img.SetRGBA(x, y, color.RGBA{mix(o.R, c.R), mix(o.G, c.G), mix(o.B, c.B), 255})
}

func fillEllipse(img *image.RGBA, cx, cy, rx, ry float64, c color.RGBA) {
	for y := int(cy - ry); y <= int(cy+ry); y++ {
		for x := int(cx - rx); x <= int(cx+rx); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			if dx*dx+dy*dy <= 1 && (image.Point{x, y}.In(img.Bounds())) {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

func fillRound(img *image.RGBA, x0, y0, x1, y1, rad float64, c color.RGBA) {
	for y := int(y0); y < int(y1); y++ {
		for x := int(x0); x < int(x1); x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			cx := math.Max(x0+rad, math.Min(fx, x1-rad))
			cy := math.Max(y0+rad, math.Min(fy, y1-rad))
			if (fx-cx)*(fx-cx)+(fy-cy)*(fy-cy) <= rad*rad && (image.Point{x, y}.In(img.Bounds())) {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

func gradient(img *image.RGBA, top, bottom color.RGBA) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		t := float64(y-b.Min.Y) / float64(b.Dy())
		c := lerp(top, bottom, t)
		for x := b.Min.X; x < b.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

func lerp(a, b color.RGBA, t float64) color.RGBA {
	m := func(u, v uint8) uint8 { return uint8(float64(u)*(1-t) + float64(v)*t + 0.5) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

func darker(c color.RGBA, f float64) color.RGBA { return lerp(c, rgb(0, 0, 0), f) }

// 5x7 bitmap glyphs, rows top to bottom.
var glyphs = map[rune]string{
	'A': "01110100011000111111100011000110001", 'B': "11110100011000111110100011000111110",
	'C': "01110100011000010000100001000101110", 'D': "11110100011000110001100011000111110",
	'E': "11111100001000011110100001000011111", 'F': "11111100001000011110100001000010000",
	'G': "01110100011000010111100011000101111", 'H': "10001100011000111111100011000110001",
	'I': "01110001000010000100001000010001110", 'J': "00111000100001000010000101001001100",
	'K': "10001100101010011000101001001010001", 'L': "10000100001000010000100001000011111",
	'M': "10001110111010110101100011000110001", 'N': "10001100011100110101100111000110001",
	'O': "01110100011000110001100011000101110", 'P': "11110100011000111110100001000010000",
	'Q': "01110100011000110001101011001001101", 'R': "11110100011000111110101001001010001",
	'S': "01111100001000001110000010000111110", 'T': "11111001000010000100001000010000100",
	'U': "10001100011000110001100011000101110", 'V': "10001100011000110001100010101000100",
	'W': "10001100011000110101101011010101010", 'X': "10001100010101000100010101000110001",
	'Y': "10001100010101000100001000010000100", 'Z': "11111000010001000100010001000011111",
	'0': "01110100011001110101110011000101110", '1': "00100011000010000100001000010001110",
	'2': "01110100010000100010001000100011111", '3': "11111000100010000010000011000101110",
	'4': "00010001100101010010111110001000010", '5': "11111100001111000001000011000101110",
	'6': "00110010001000011110100011000101110", '7': "11111000010001000100010000100001000",
	'8': "01110100011000101110100011000101110", '9': "01110100011000101111000010001001100",
	'-': "00000000000000011111000000000000000", '.': "00000000000000000000000000110001100",
	'@': "01110100011011110101101111000001110", '%': "11001110010001000100010001001110011",
	'!': "00100001000010000100001000000000100", ':': "00000011000110000000011000110000000",
}

func textWidth(s string, scale int) int { return len([]rune(s)) * 6 * scale }

func drawText(img *image.RGBA, x, y, scale int, s string, c color.RGBA, a float64) {
	for i, r := range []rune(s) {
		g, ok := glyphs[r]
		if !ok {
			continue
		}
		for row := 0; row < 7; row++ {
			for col := 0; col < 5; col++ {
				if g[row*5+col] != '1' {
					continue
				}
				for dy := 0; dy < scale; dy++ {
					for dx := 0; dx < scale; dx++ {
						blendPix(img, x+(i*6+col)*scale+dx, y+row*scale+dy, c, a)
					}
				}
			}
		}
	}
}

// drawProduct draws the product centred on (cx, cy) at scale s.
func drawProduct(img *image.RGBA, p *product, cx, cy, s float64, empty, cut bool) {
	body, band, cap := p.Body, p.Band, p.Cap
	if empty {
		body = lerp(body, rgb(235, 235, 235), 0.55)
	}
	X := func(v float64) float64 { return cx + v*s }
	Y := func(v float64) float64 { return cy + v*s }
	fillEllipse(img, cx, Y(165), 130*s, 18*s, rgb(90, 90, 90))
	bandBox := [4]float64{}
	switch p.Shape {
	case "bottle":
		fillRound(img, X(-22), Y(-115), X(22), Y(-75), 4*s, lerp(body, band, 0.2))
		fillRound(img, X(-30), Y(-165), X(30), Y(-110), 8*s, cap)
		fillEllipse(img, cx, Y(-60), 62*s, 30*s, body)
		fillRound(img, X(-62), Y(-62), X(62), Y(155), 18*s, body)
		bandBox = [4]float64{-62, -5, 62, 75}
	case "dropper":
		fillEllipse(img, cx, Y(-120), 22*s, 34*s, cap)
		fillRound(img, X(-28), Y(-95), X(28), Y(-55), 4*s, darker(cap, 0.2))
		fillRound(img, X(-58), Y(-58), X(58), Y(140), 14*s, body)
		bandBox = [4]float64{-58, 10, 58, 85}
	case "jar":
		fillRound(img, X(-118), Y(-55), X(118), Y(5), 10*s, cap)
		fillRound(img, X(-110), Y(0), X(110), Y(135), 16*s, body)
		bandBox = [4]float64{-110, 30, 110, 105}
	case "tube":
		for yy := -140.0; yy < 110; yy++ {
			w := 80 - (yy+140)/250*28
			fillRect(img, image.Rect(int(X(-w)), int(Y(yy)), int(X(w)), int(Y(yy+1))+1), body)
		}
		fillRect(img, image.Rect(int(X(-82)), int(Y(-150)), int(X(82)), int(Y(-135))), darker(body, 0.1))
		fillRound(img, X(-40), Y(108), X(40), Y(160), 6*s, cap)
		bandBox = [4]float64{-70, -40, 70, 40}
	case "pouch":
		fillRound(img, X(-90), Y(-130), X(90), Y(150), 22*s, body)
		fillEllipse(img, X(50), Y(-135), 20*s, 16*s, cap)
		bandBox = [4]float64{-90, -20, 90, 70}
	case "spray":
		fillRound(img, X(-60), Y(-150), X(40), Y(-105), 8*s, cap)
		fillRect(img, image.Rect(int(X(-85)), int(Y(-140)), int(X(-55)), int(Y(-125))), cap)
		fillRound(img, X(-20), Y(-110), X(5), Y(-60), 3*s, darker(cap, 0.2))
		fillRound(img, X(-20), Y(-75), X(20), Y(-55), 4*s, cap)
		fillRound(img, X(-60), Y(-60), X(60), Y(155), 16*s, body)
		bandBox = [4]float64{-60, 0, 60, 80}
	case "tin":
		fillRect(img, image.Rect(int(X(-100)), int(Y(-95)), int(X(100)), int(Y(140))), body)
		fillEllipse(img, cx, Y(140), 100*s, 22*s, body)
		fillEllipse(img, cx, Y(-95), 100*s, 22*s, cap)
		bandBox = [4]float64{-100, -10, 100, 80}
	case "capsules":
		fillRound(img, X(-55), Y(-100), X(55), Y(-45), 8*s, cap)
		fillRound(img, X(-75), Y(-50), X(75), Y(135), 18*s, body)
		bandBox = [4]float64{-75, -5, 75, 90}
	case "box":
		fillRect(img, image.Rect(int(X(-100)), int(Y(-125)), int(X(100)), int(Y(135))), body)
		fillRect(img, image.Rect(int(X(-100)), int(Y(-125)), int(X(100)), int(Y(-110))), darker(body, 0.12))
		bandBox = [4]float64{-100, -10, 100, 75}
	case "pack":
		for i := -1.0; i <= 1; i++ {
			fillRect(img, image.Rect(int(X(i*75-34)), int(Y(-110)), int(X(i*75+34)), int(Y(130))), lerp(body, rgb(255, 255, 255), 0.15*(i+1)))
		}
		fillRect(img, image.Rect(int(X(-130)), int(Y(-20)), int(X(130)), int(Y(60))), band)
		bandBox = [4]float64{-130, -20, 130, 60}
	case "pan":
		fillRect(img, image.Rect(int(X(90)), int(Y(-14)), int(X(230)), int(Y(14))), cap)
		fillRound(img, X(180), Y(-16), X(235), Y(16), 10*s, band)
		fillEllipse(img, X(-40), cy, 145*s, 145*s, body)
		fillEllipse(img, X(-40), cy, 122*s, 122*s, lerp(body, band, 0.25))
		fillEllipse(img, X(-40), cy, 40*s, 40*s, lerp(body, rgb(255, 255, 255), 0.12))
		bandBox = [4]float64{-115, -22, 35, 22}
	case "jug":
		fillRound(img, X(70), Y(-80), X(125), Y(100), 26*s, cap)
		fillRound(img, X(85), Y(-60), X(108), Y(80), 10*s, lerp(rgb(255, 255, 255), cap, 0.2))
		fillRound(img, X(-90), Y(-130), X(90), Y(150), 20*s, body)
		fillRect(img, image.Rect(int(X(-90)), int(Y(-130)), int(X(90)), int(Y(-95))), band)
		fillRect(img, image.Rect(int(X(-80)), int(Y(20)), int(X(80)), int(Y(140))), lerp(body, rgb(80, 150, 210), 0.35))
		bandBox = [4]float64{-70, -60, 70, 0}
	}
	if p.Shape != "pack" {
		fillRect(img, image.Rect(int(X(bandBox[0])), int(Y(bandBox[1])), int(X(bandBox[2])), int(Y(bandBox[3]))), band)
	}
	// brand and variant text, centred in the band
	bw := (bandBox[2] - bandBox[0]) * s
	ts := int(math.Max(1, math.Floor(bw/float64(textWidth(p.Mark, 1))/1.15)))
	if ts > 3 {
		ts = 3
	}
	tx := int(X((bandBox[0]+bandBox[2])/2)) - textWidth(p.Mark, ts)/2
	ty := int(Y(bandBox[1])) + int(6*s)
	ink := rgb(40, 40, 40)
	if lum(band) < 110 {
		ink = rgb(245, 240, 230)
	}
	drawText(img, tx, ty, ts, p.Mark, ink, 1)
	vs := ts
	if textWidth(p.Variant, vs) > int(bw*0.9) && vs > 1 {
		vs--
	}
	drawText(img, int(X((bandBox[0]+bandBox[2])/2))-textWidth(p.Variant, vs)/2, ty+9*ts+int(4*s), vs, p.Variant, ink, 1)
	if cut {
		// the code panel is cut out of the label
		fillRect(img, image.Rect(int(X(bandBox[0]+10)), int(Y(bandBox[3]-16)), int(X(bandBox[0]+60)), int(Y(bandBox[3]+10))), rgb(205, 190, 170))
	}
}

func lum(c color.RGBA) int { return (int(c.R)*3 + int(c.G)*6 + int(c.B)) / 10 }

// officialImage is the brand's packshot: light backdrop, product centred.
func officialImage(p *product) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	r := rand.New(rand.NewPCG(hashSeed(p.Brand), 7))
	top := lerp(rgb(255, 255, 255), p.Cap, 0.08)
	gradient(img, top, lerp(rgb(238, 236, 232), p.Cap, 0.15))
	// brand backdrop motif (same for the whole brand)
	for i := 0; i < 9; i++ {
		fillEllipse(img, r.Float64()*photoSize, r.Float64()*photoSize*0.5, 10+r.Float64()*24, 10+r.Float64()*24, lerp(top, p.Cap, 0.18))
	}
	drawProduct(img, p, photoSize/2, photoSize/2-10, 1, false, false)
	return img
}

// renderPhoto draws one listing photo.
func renderPhoto(ph photo, prods map[string]*product, official map[string]*image.RGBA) image.Image {
	r := rand.New(rand.NewPCG(ph.Seed, 11))
	var img *image.RGBA
	switch ph.Kind {
	case phOfficial:
		src := official[ph.SKU]
		img = image.NewRGBA(src.Bounds())
		copy(img.Pix, src.Pix)
	case phOwn:
		img = image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
		switch r.IntN(3) {
		case 0: // wooden table
			base := rgb(uint8(150+r.IntN(40)), uint8(110+r.IntN(30)), uint8(70+r.IntN(20)))
			fillRect(img, img.Bounds(), base)
			for y := 0; y < photoSize; y += 6 + r.IntN(10) {
				fillRect(img, image.Rect(0, y, photoSize, y+2), darker(base, 0.15))
			}
		case 1: // white duvet / fabric
			gradient(img, rgb(236, 234, 230), rgb(200, 198, 196))
		default: // floor tiles
			base := rgb(uint8(180+r.IntN(40)), uint8(180+r.IntN(40)), uint8(170+r.IntN(40)))
			fillRect(img, img.Bounds(), base)
			for x := 0; x < photoSize; x += 120 {
				fillRect(img, image.Rect(x, 0, x+3, photoSize), darker(base, 0.2))
				fillRect(img, image.Rect(0, x, photoSize, x+3), darker(base, 0.2))
			}
		}
		for i := 0; i < 2+r.IntN(3); i++ {
			fillEllipse(img, r.Float64()*photoSize, r.Float64()*photoSize, 20+r.Float64()*50, 15+r.Float64()*40,
				rgb(uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256))))
		}
		if p := prods[ph.SKU]; p != nil {
			s := 0.55 + r.Float64()*0.25
			drawProduct(img, p, photoSize/2+float64(r.IntN(120)-60), photoSize/2+float64(r.IntN(60)-30), s, ph.Empty, ph.Cut)
		}
		// indoor light: warm cast and a vignette
		warm := [3]float64{1.0 + r.Float64()*0.08, 0.97, 0.88 + r.Float64()*0.06}
		for y := 0; y < photoSize; y++ {
			for x := 0; x < photoSize; x++ {
				i := img.PixOffset(x, y)
				d := math.Hypot(float64(x-photoSize/2), float64(y-photoSize/2)) / photoSize
				v := 1 - d*0.5
				for k := 0; k < 3; k++ {
					img.Pix[i+k] = clamp(float64(img.Pix[i+k]) * warm[k] * v)
				}
			}
		}
	case phDoc:
		img = image.NewRGBA(image.Rect(0, 0, 360, photoSize))
		fillRect(img, img.Bounds(), rgb(250, 250, 246))
		fillRect(img, image.Rect(20, 30, 340, 140), rgb(uint8(150+r.IntN(100)), 30, 30))
		drawText(img, 40, 60, 4, []string{"WARNING", "TRUTH", "EXPOSED", "DOSSIER"}[r.IntN(4)], rgb(255, 255, 255), 1)
		for y := 170; y < 450; y += 14 {
			fillRect(img, image.Rect(30, y, 60+r.IntN(270), y+5), rgb(120, 120, 120))
		}
	default:
		img = image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
		gradient(img, rgb(uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256))), rgb(uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256))))
		for i := 0; i < 3+r.IntN(6); i++ {
			c := rgb(uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)))
			if r.IntN(2) == 0 {
				x, y := r.IntN(photoSize), r.IntN(photoSize)
				fillRect(img, image.Rect(x, y, x+30+r.IntN(200), y+30+r.IntN(200)), c)
			} else {
				fillEllipse(img, r.Float64()*photoSize, r.Float64()*photoSize, 20+r.Float64()*120, 20+r.Float64()*120, c)
			}
		}
	}
	return transform(img, ph)
}

func clamp(v float64) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v + 0.5)
}

// transform applies what counterfeiters and resellers do to a borrowed photo.
func transform(img *image.RGBA, ph photo) *image.RGBA {
	b := img.Bounds()
	if ph.Crop > 0 {
		cw, chh := int(float64(b.Dx())*ph.Crop), int(float64(b.Dy())*ph.Crop)
		var r image.Rectangle
		switch ph.CropSide {
		case 1:
			r = image.Rect(cw, chh, b.Dx(), b.Dy())
		case 2:
			r = image.Rect(0, 0, b.Dx()-cw, b.Dy()-chh)
		default:
			r = image.Rect(cw/2, chh/2, b.Dx()-cw/2, b.Dy()-chh/2)
		}
		out := image.NewRGBA(b)
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				sx := r.Min.X + x*r.Dx()/b.Dx()
				sy := r.Min.Y + y*r.Dy()/b.Dy()
				out.SetRGBA(x, y, img.RGBAAt(sx, sy))
			}
		}
		img = out
	}
	if ph.Flip {
		out := image.NewRGBA(b)
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				out.SetRGBA(b.Dx()-1-x, y, img.RGBAAt(x, y))
			}
		}
		img = out
	}
	if ph.Shift != [3]int{} {
		for i := 0; i < len(img.Pix); i += 4 {
			for k := 0; k < 3; k++ {
				img.Pix[i+k] = clamp(float64(int(img.Pix[i+k]) + ph.Shift[k]))
			}
		}
	}
	if ph.Border > 0 {
		out := image.NewRGBA(image.Rect(0, 0, b.Dx()+2*ph.Border, b.Dy()+2*ph.Border))
		fillRect(out, out.Bounds(), ph.BorderCol)
		draw.Draw(out, b.Add(image.Pt(ph.Border, ph.Border)), img, image.Point{}, draw.Src)
		img = out
	}
	if ph.Mark != "" {
		bb := img.Bounds()
		scale := 4
		for textWidth(ph.Mark, scale) > bb.Dx()-20 && scale > 1 {
			scale--
		}
		x := (bb.Dx() - textWidth(ph.Mark, scale)) / 2
		drawText(img, x, bb.Dy()*2/3, scale, ph.Mark, rgb(255, 255, 255), 0.55)
		drawText(img, 10, 10, 2, ph.Mark, rgb(200, 0, 0), 0.7)
	}
	return img
}

func encodePhoto(img image.Image, ph photo) ([]byte, string) {
	var buf bytes.Buffer
	if ph.PNG {
		if err := png.Encode(&buf, img); err != nil {
			panic(err)
		}
		return buf.Bytes(), "image/png"
	}
	q := ph.Quality
	if q == 0 {
		q = 88
	}
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return buf.Bytes(), "image/jpeg"
}
