package world9

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

const photoSize = 480

// photo says how one listing photo is made from the catalogue.
type photo struct {
	Kind    string   // official, own (another shot of the product), unrelated
	Product *product // for official and own
	Seed    uint64
	Ops     []string // crop, border, watermark, shift, flip, small, lowq
	Text    string   // watermark text
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

func encodeJPEG(img image.Image, q int) []byte {
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: q})
	return b.Bytes()
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r.Intersect(img.Bounds()), &image.Uniform{c}, image.Point{}, draw.Over)
}

func ellipse(img *image.RGBA, cx, cy, rx, ry int, c color.RGBA) {
	for y := cy - ry; y <= cy+ry; y++ {
		for x := cx - rx; x <= cx+rx; x++ {
			dx, dy := float64(x-cx)/float64(rx), float64(y-cy)/float64(ry)
			if dx*dx+dy*dy <= 1 && image.Pt(x, y).In(img.Bounds()) {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

func rgb(c [3]uint8) color.RGBA { return color.RGBA{c[0], c[1], c[2], 255} }

func shade(c color.RGBA, f float64) color.RGBA {
	s := func(v uint8) uint8 { return uint8(math.Max(0, math.Min(255, float64(v)*f))) }
	return color.RGBA{s(c.R), s(c.G), s(c.B), 255}
}

func hash64(s string) uint64 { h := fnv.New64a(); h.Write([]byte(s)); return h.Sum64() }

// drawProduct draws p's pack on img, centred at (cx, cy), at scale s (1 = studio shot).
func drawProduct(img *image.RGBA, p *product, cx, cy int, s float64) {
	b := p.brand
	body := rgb(p.tone)
	if p.shape == "tub" || p.shape == "jug" || p.shape == "cartridge" {
		body = color.RGBA{245, 245, 240, 255}
	}
	label := rgb(p.tone)
	brandC := rgb(b.color)
	sc := func(v float64) int { return int(v * s) }
	var lab image.Rectangle
	switch p.shape {
	case "tub":
		fill(img, image.Rect(cx-sc(120), cy-sc(120), cx+sc(120), cy+sc(150)), body)
		fill(img, image.Rect(cx-sc(130), cy-sc(160), cx+sc(130), cy-sc(120)), brandC)
		lab = image.Rect(cx-sc(120), cy-sc(60), cx+sc(120), cy+sc(90))
	case "bottle":
		fill(img, image.Rect(cx-sc(80), cy-sc(110), cx+sc(80), cy+sc(160)), body)
		fill(img, image.Rect(cx-sc(45), cy-sc(170), cx+sc(45), cy-sc(110)), shade(brandC, 0.8))
		lab = image.Rect(cx-sc(80), cy-sc(50), cx+sc(80), cy+sc(100))
		label = color.RGBA{250, 250, 250, 255}
	case "jar":
		fill(img, image.Rect(cx-sc(140), cy-sc(40), cx+sc(140), cy+sc(110)), body)
		fill(img, image.Rect(cx-sc(150), cy-sc(90), cx+sc(150), cy-sc(40)), brandC)
		lab = image.Rect(cx-sc(140), cy-sc(10), cx+sc(140), cy+sc(70))
		label = color.RGBA{252, 248, 240, 255}
	case "tube":
		fill(img, image.Rect(cx-sc(70), cy-sc(170), cx+sc(70), cy+sc(120)), body)
		fill(img, image.Rect(cx-sc(40), cy+sc(120), cx+sc(40), cy+sc(170)), brandC)
		lab = image.Rect(cx-sc(70), cy-sc(100), cx+sc(70), cy+sc(40))
		label = color.RGBA{255, 255, 255, 255}
	case "box":
		fill(img, image.Rect(cx-sc(150), cy-sc(110), cx+sc(150), cy+sc(130)), body)
		fill(img, image.Rect(cx-sc(150), cy-sc(110), cx+sc(150), cy-sc(70)), brandC)
		lab = image.Rect(cx-sc(110), cy-sc(40), cx+sc(110), cy+sc(90))
		label = color.RGBA{255, 255, 255, 255}
	case "jug":
		fill(img, image.Rect(cx-sc(110), cy-sc(120), cx+sc(110), cy+sc(170)), body)
		fill(img, image.Rect(cx-sc(40), cy-sc(170), cx+sc(30), cy-sc(120)), brandC)
		fill(img, image.Rect(cx+sc(60), cy-sc(150), cx+sc(110), cy-sc(60)), shade(body, 0.85))
		lab = image.Rect(cx-sc(110), cy-sc(50), cx+sc(110), cy+sc(120))
	case "pan":
		ellipse(img, cx-sc(40), cy, sc(150), sc(150), color.RGBA{50, 50, 55, 255})
		ellipse(img, cx-sc(40), cy, sc(125), sc(125), body)
		fill(img, image.Rect(cx+sc(100), cy-sc(18), cx+sc(220), cy+sc(18)), shade(brandC, 0.6))
		lab = image.Rect(cx-sc(80), cy-sc(20), cx, cy+sc(20))
		label = brandC
	case "cartridge":
		for i := -1; i <= 1; i++ {
			x := cx + i*sc(90)
			fill(img, image.Rect(x-sc(35), cy-sc(130), x+sc(35), cy+sc(130)), body)
			fill(img, image.Rect(x-sc(35), cy-sc(130), x+sc(35), cy-sc(100)), brandC)
		}
		lab = image.Rect(cx-sc(160), cy+sc(140), cx+sc(160), cy+sc(180))
	}
	fill(img, lab, label)
	// brand mark: a ring with the brand colour; variant stripes from the SKU
	m := lab.Min.Add(image.Pt(lab.Dx()/2, lab.Dy()/3))
	r := max(3, lab.Dy()/5)
	ellipse(img, m.X, m.Y, r, r, brandC)
	ellipse(img, m.X, m.Y, r*2/3, r*2/3, label)
	h := hash64(p.SKU)
	for i := range 5 {
		if h>>i&1 == 1 {
			y := lab.Max.Y - lab.Dy()/4 + i*max(1, lab.Dy()/30)
			fill(img, image.Rect(lab.Min.X+lab.Dx()/6, y, lab.Max.X-lab.Dx()/6, y+max(1, lab.Dy()/40)), rgb(p.tone))
		}
	}
	// the variant tone as a band (near-twins differ here)
	fill(img, image.Rect(lab.Min.X, lab.Max.Y-max(2, lab.Dy()/8), lab.Max.X, lab.Max.Y), shade(rgb(p.tone), 0.9))
}

// officialImage is the brand's studio photo of p.
func officialImage(p *product) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	for y := range photoSize {
		f := 1 - float64(y)/photoSize*0.12
		c := shade(color.RGBA{250, 250, 252, 255}, f)
		fill(img, image.Rect(0, y, photoSize, y+1), c)
	}
	fill(img, image.Rect(0, 0, photoSize, 14), rgb(p.brand.color))
	drawProduct(img, p, photoSize/2, photoSize/2+10, 1)
	return img
}

// ownImage is another shot of p: a seller's own photo on a table.
func ownImage(p *product, rng *rand.Rand) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	wall := color.RGBA{uint8(150 + rng.IntN(90)), uint8(140 + rng.IntN(90)), uint8(120 + rng.IntN(90)), 255}
	fill(img, img.Bounds(), wall)
	wood := color.RGBA{uint8(120 + rng.IntN(60)), uint8(80 + rng.IntN(40)), uint8(40 + rng.IntN(30)), 255}
	fill(img, image.Rect(0, 300+rng.IntN(60), photoSize, photoSize), wood)
	s := 0.55 + rng.Float64()*0.3
	drawProduct(img, p, 150+rng.IntN(180), 230+rng.IntN(60), s)
	return img
}

// unrelatedImage is a photo with nothing of the catalogue in it.
func unrelatedImage(rng *rand.Rand) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, photoSize, photoSize))
	fill(img, img.Bounds(), color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255})
	for range 3 + rng.IntN(6) {
		c := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
		if rng.IntN(2) == 0 {
			x, y := rng.IntN(photoSize), rng.IntN(photoSize)
			fill(img, image.Rect(x, y, x+30+rng.IntN(200), y+30+rng.IntN(200)), c)
		} else {
			ellipse(img, rng.IntN(photoSize), rng.IntN(photoSize), 20+rng.IntN(120), 20+rng.IntN(120), c)
		}
	}
	return img
}

// watermark writes pseudo-glyph text across the image, half transparent.
func watermark(img *image.RGBA, text string, rng *rand.Rand) {
	c := color.RGBA{255, 255, 255, 150}
	if rng.IntN(2) == 0 {
		c = color.RGBA{220, 30, 30, 140}
	}
	cell := 4 + rng.IntN(3)
	y0 := img.Bounds().Dy()/3 + rng.IntN(img.Bounds().Dy()/3)
	x := 10
	for _, ch := range text {
		g := hash64(string(ch))
		for gy := range 7 {
			for gx := range 5 {
				if g>>(gy*5+gx)&1 == 1 {
					r := image.Rect(x+gx*cell, y0+gy*cell, x+(gx+1)*cell, y0+(gy+1)*cell)
					draw.Draw(img, r.Intersect(img.Bounds()), &image.Uniform{c}, image.Point{}, draw.Over)
				}
			}
		}
		x += 6 * cell
	}
}

func resize(src image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sb := src.Bounds()
	for y := range h {
		for x := range w {
			dst.Set(x, y, src.At(sb.Min.X+x*sb.Dx()/w, sb.Min.Y+y*sb.Dy()/h))
		}
	}
	return dst
}

// render makes the photo's image and its encoding (JPEG quality).
func (ph photo) render() (image.Image, int) {
	rng := rand.New(rand.NewPCG(ph.Seed, 0x9e3779b97f4a7c15))
	var img *image.RGBA
	switch ph.Kind {
	case "official":
		img = officialImage(ph.Product)
	case "own":
		img = ownImage(ph.Product, rng)
	default:
		img = unrelatedImage(rng)
	}
	q := 90
	for _, op := range ph.Ops {
		b := img.Bounds()
		switch op {
		case "crop":
			f := 0.05 + rng.Float64()*0.10
			dx, dy := int(float64(b.Dx())*f), int(float64(b.Dy())*f)
			ox, oy := rng.IntN(dx+1), rng.IntN(dy+1)
			sub := image.NewRGBA(image.Rect(0, 0, b.Dx()-dx, b.Dy()-dy))
			draw.Draw(sub, sub.Bounds(), img, image.Pt(ox, oy), draw.Src)
			img = sub
		case "border":
			w := 16 + rng.IntN(30)
			out := image.NewRGBA(image.Rect(0, 0, b.Dx()+2*w, b.Dy()+2*w))
			cs := []color.RGBA{{255, 255, 255, 255}, {200, 20, 30, 255}, {250, 200, 0, 255}, {20, 20, 20, 255}}
			fill(out, out.Bounds(), cs[rng.IntN(len(cs))])
			draw.Draw(out, image.Rect(w, w, w+b.Dx(), w+b.Dy()), img, b.Min, draw.Src)
			img = out
		case "watermark":
			watermark(img, ph.Text, rng)
		case "shift":
			d := [3]int{rng.IntN(41) - 20, rng.IntN(41) - 20, rng.IntN(41) - 20}
			for i := 0; i < len(img.Pix); i += 4 {
				for k := range 3 {
					img.Pix[i+k] = uint8(max(0, min(255, int(img.Pix[i+k])+d[k])))
				}
			}
		case "flip":
			out := image.NewRGBA(b)
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					out.Set(b.Max.X-1-(x-b.Min.X), y, img.At(x, y))
				}
			}
			img = out
		case "small":
			img = resize(img, b.Dx()*2/3, b.Dy()*2/3)
		case "lowq":
			q = 15 + rng.IntN(16)
		}
	}
	return img, q
}

// bytes encodes the photo: JPEG for listing photos.
func (ph photo) bytes() []byte {
	img, q := ph.render()
	return encodeJPEG(img, q)
}
