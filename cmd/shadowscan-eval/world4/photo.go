package world4

import (
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"sync"
)

// photo describes one listing photo; it is rendered on request and cached.
type photo struct {
	sku  string // a catalogue product drawn with its official look
	lk   look   // otherwise this look ...
	logo string // ... with this logo
	own  bool   // the seller's own photograph (a different scene)
	sc   scene
	ed   edits
	q    int
	seed uint64
	// what an analyst sees in it, for the README and labels
	note string
}

type edits struct {
	crop    [4]float64
	border  int
	borderC color.RGBA
	canvasF float64
	ox, oy  float64
	wm      string
	tiled   bool
	wmA     int
	shift   [3]float64
	sat     float64
	badge   string
}

func (ph *photo) render() []byte {
	lk, logo := ph.lk, ph.logo
	if ph.sku != "" {
		p := productBySKU(ph.sku)
		lk, logo = p.look, p.b.logo
	}
	var img *image.RGBA
	if ph.own {
		img = renderScene(lk, logo, ph.sc, ph.seed)
	} else {
		img = officialBase(ph.sku, lk, logo)
	}
	e := ph.ed
	if e.crop != [4]float64{} {
		img = cropResize(img, e.crop[0], e.crop[1], e.crop[2], e.crop[3])
	}
	if e.sat != 0 {
		colourShift(img, e.shift[0], e.shift[1], e.shift[2], e.sat)
	}
	if e.canvasF != 0 {
		img = onWhiteCanvas(img, e.canvasF, e.ox, e.oy)
	}
	if e.border != 0 {
		img = withBorder(img, e.border, e.borderC)
	}
	if e.wm != "" {
		watermark(img, e.wm, e.tiled, e.wmA, color.RGBA{120, 120, 120, 255})
	}
	if e.badge != "" {
		stickerBadge(img, e.badge)
	}
	q := ph.q
	if q == 0 {
		q = 88
	}
	return encodeJPEG(img, q)
}

var baseCache sync.Map

// officialBase is a fresh copy of a product's official rendering.
func officialBase(sku string, lk look, logo string) *image.RGBA {
	if sku == "" {
		return renderScene(lk, logo, officialScene(), 0)
	}
	v, ok := baseCache.Load(sku)
	if !ok {
		v, _ = baseCache.LoadOrStore(sku, renderScene(lk, logo, officialScene(), 0))
	}
	src := v.(*image.RGBA)
	dst := image.NewRGBA(src.Rect)
	copy(dst.Pix, src.Pix)
	return dst
}

// officialPhoto is the catalogue photo as the official shop uploads it.
func officialPhoto(p *product) photo {
	return photo{sku: p.SKU, q: 90, note: "official"}
}

// lifestylePhoto is the brand's second, marketing photo (not in the catalogue).
func lifestylePhoto(p *product) photo {
	return photo{sku: p.SKU, own: true, sc: scene{bg: bgMarble, s: 0.78, dx: 20, dy: 10, twice: true}, q: 88, seed: 1, note: "brand lifestyle"}
}

func wxHandle(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("WX:%d", 1000000+r.IntN(8999999))
	case 1:
		return fmt.Sprintf("V:%s%d", pick(r, []string{"MEI", "HAO", "YUAN", "LIN"}), 1000+r.IntN(8999))
	case 2:
		return fmt.Sprintf("WX %d", 13000000000+r.Int64N(900000000))
	default:
		return fmt.Sprintf("QQ:%d", 20000000+r.IntN(90000000))
	}
}

// editedPhoto is an official photo reused with the edits counterfeit and grey sellers apply.
func editedPhoto(p *product, r *rand.Rand, heavy bool) photo {
	e := edits{}
	notes := "official photo"
	c := func() float64 { return 0.05 + r.Float64()*0.10 }
	if heavy || r.IntN(2) == 0 {
		e.crop = [4]float64{c() / 2, c() / 2, c() / 2, c() / 2}
		notes += ", cropped"
	}
	switch r.IntN(3) {
	case 0:
		e.border = 10 + r.IntN(25)
		e.borderC = pickColor(r)
		notes += ", border"
	case 1:
		e.canvasF = 0.7 + r.Float64()*0.15
		e.ox, e.oy = r.Float64()*30-15, r.Float64()*30-15
		notes += ", on white canvas"
	}
	if heavy || r.IntN(3) == 0 {
		e.wm = wxHandle(r)
		e.tiled = r.IntN(3) == 0
		e.wmA = 90 + r.IntN(90)
		notes += ", watermark " + e.wm
	}
	if r.IntN(2) == 0 {
		e.sat = 0.8 + r.Float64()*0.5
		e.shift = [3]float64{0.92 + r.Float64()*0.16, 0.92 + r.Float64()*0.16, 0.92 + r.Float64()*0.16}
		notes += ", colour-shifted"
	}
	if heavy && r.IntN(4) == 0 {
		e.badge = pick(r, []string{"SALE", "HOT", "100%", "-70%"})
	}
	q := 70 + r.IntN(20)
	if heavy || r.IntN(2) == 0 {
		q = 18 + r.IntN(25)
		notes += ", low JPEG quality"
	}
	return photo{sku: p.SKU, ed: e, q: q, note: notes}
}

// ownPhoto is a seller's own photograph of a pack that looks like the product.
func ownPhoto(p *product, r *rand.Rand) photo {
	sc := scene{bg: pick(r, []int{bgWood, bgBokeh, bgMarble, bgWhite, bgWood}), s: 0.55 + r.Float64()*0.25,
		dx: r.Float64()*70 - 35, dy: r.Float64()*40 - 20, twice: r.IntN(3) == 0,
		tint: [3]float64{0.9 + r.Float64()*0.2, 0.9 + r.Float64()*0.2, 0.9 + r.Float64()*0.15}}
	return photo{sku: p.SKU, own: true, sc: sc, q: 60 + r.IntN(25), seed: r.Uint64(), note: "own photo"}
}

// otherPhoto is a photo of some other product.
func otherPhoto(lk look, logo string, r *rand.Rand) photo {
	sc := scene{bg: r.IntN(bgCount), s: 0.7 + r.Float64()*0.3, dx: r.Float64()*40 - 20, dy: r.Float64()*20 - 10}
	return photo{lk: lk, logo: logo, own: true, sc: sc, q: 70 + r.IntN(20), seed: r.Uint64(), note: "other product"}
}

func pickColor(r *rand.Rand) color.RGBA {
	return pick(r, []color.RGBA{rgb(220, 30, 40), rgb(255, 255, 255), rgb(250, 200, 0), rgb(20, 20, 20), rgb(230, 90, 150)})
}

// randomLook makes the look of a product that is not in the catalogue,
// borrowing the kind of pack of the product it imitates or accompanies.
func randomLook(r *rand.Rand, shape int) look {
	c := func() color.RGBA { return rgb(uint8(40+r.IntN(210)), uint8(40+r.IntN(210)), uint8(40+r.IntN(210))) }
	return look{shape: shape, body: c(), cap: c(), band: lighter(c(), 0.6), ink: darker(c(), 0.5), mark: r.IntN(24),
		lineTxt: pick(r, []string{"NATURAL", "PREMIUM", "CLASSIC", "PLUS", "PRO", "PURE", "FRESH", "GOLD"}), sizeTxt: pick(r, []string{"500G", "2L", "50ML", "60", "120", "1L", "30"})}
}
