package world8

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"net/url"
	"strings"
	"unicode"
)

type seller struct {
	id       string
	feedback int
	positive float64
	business bool
	location string
	cur      string
	since    int
	store    string // bidbay store name (business sellers)
}

type listing struct {
	site      string
	id        string
	title     string
	slug      string
	oldSlug   string // craftly: search links use this older slug (301 to the current one)
	desc      string
	seller    *seller
	cur       string
	price     float64 // fixed / Buy It Now price (0: auction only)
	priceHigh float64 // upper end of a price range (variations)
	bid       float64 // current bid of an auction
	bids      int
	condition string
	qty       int
	specifics [][2]string
	images    []string // image paths
	tags      []string
	shape     int // craftly JSON-LD shape
	variants  []variant
	soldOut   bool
	made      string // craftly: "Handmade by", "Vintage", ...
	fault     string // "503once", "slow"
	sponsored bool

	// truth
	sku      string  // the catalogue product offered ("" none)
	units    int     // how many units of sku one purchase gives
	priceCat float64 // unit price in the catalogue currency
	kind     string  // the label kind, for the README counts
	label    Label
	toks     []string
}

type variant struct {
	name  string
	price float64
}

type world struct {
	listings []*listing
	bySite   map[string][]*listing
	byID     map[string]*listing // site + "/" + id
	images   map[string]*imageCache
}

var usdRate = map[string]float64{"USD": 1, "GBP": 1.27, "EUR": 1.08, "AUD": 0.66}

func convert(v float64, from, to string) float64 { return v * usdRate[from] / usdRate[to] }

type gen struct {
	w    *world
	r    *rand.Rand
	site string
	ids  map[string]bool
}

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool    { return g.r.Float64() < p }
func (g *gen) between(a, b float64) float64 {
	return a + g.r.Float64()*(b-a)
}
func (g *gen) intn(a, b int) int { return a + g.r.IntN(b-a+1) }

// sentences picks n distinct sentences and joins them.
func (g *gen) sentences(n int, xs ...string) string {
	idx := g.r.Perm(len(xs))
	var out []string
	for i := 0; i < n && i < len(idx); i++ {
		out = append(out, xs[idx[i]])
	}
	return strings.Join(out, " ")
}

func (g *gen) newID() string {
	for {
		var id string
		if g.site == "bidbay" {
			id = fmt.Sprintf("%d", g.r.Int64N(3_000_000_000_00)+1_150_000_000_00)
		} else if g.chance(0.8) {
			id = fmt.Sprintf("%d", g.r.Int64N(700_000_000)+1_050_000_000)
		} else {
			id = fmt.Sprintf("%d", g.r.Int64N(300_000_000)+600_000_000)
		}
		if !g.ids[id] {
			g.ids[id] = true
			return id
		}
	}
}

const b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func (g *gen) token(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = b62[g.r.IntN(len(b62))]
	}
	return string(b)
}

// fitPrice turns a value in the catalogue currency into a shop price in cur,
// rounded the way sellers round, staying within [lo, hi] (catalogue currency).
func (g *gen) fitPrice(v float64, cat, cur string, lo, hi float64) float64 {
	x := convert(v, cat, cur)
	f := math.Floor(x)
	cands := []float64{f + 0.99, f + 0.5, f + 0.95, f, f - 0.01, f + 1, math.Round(x*100) / 100}
	g.r.Shuffle(len(cands)-1, func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	for _, c := range cands {
		if c <= 0 {
			continue
		}
		back := convert(c, cur, cat)
		if back >= lo-1e-9 && back <= hi+1e-9 {
			return math.Round(c*100) / 100
		}
	}
	return math.Round(x*100) / 100
}

func slugify(title string, maxLen int, keepCase, keepHan bool) string {
	var b strings.Builder
	dash := false
	for _, r := range title {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !keepCase {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
			dash = false
		case keepHan && r >= 128 && unicode.Is(unicode.Han, r):
			b.WriteString(url.PathEscape(string(r)))
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= maxLen {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "item"
	}
	return s
}

func buildWorld() *world {
	w := &world{bySite: map[string][]*listing{}, byID: map[string]*listing{}, images: map[string]*imageCache{}}
	for _, s := range []string{"bidbay", "craftly"} {
		w.images[s] = &imageCache{specs: map[string]imgSpec{}, data: map[string][]byte{}}
	}
	gb := &gen{w: w, r: rand.New(rand.NewPCG(8, 20250611)), site: "bidbay", ids: map[string]bool{}}
	genBidbay(gb)
	gc := &gen{w: w, r: rand.New(rand.NewPCG(8, 20250612)), site: "craftly", ids: map[string]bool{}}
	genCraftly(gc)
	for _, l := range w.listings {
		l.toks = tokenize(l.title + " " + strings.Join(l.tags, " "))
	}
	return w
}

func (g *gen) add(l *listing) *listing {
	l.site = g.site
	if l.id == "" {
		l.id = g.newID()
	}
	if l.units == 0 {
		l.units = 1
	}
	if l.cur == "" {
		l.cur = l.seller.cur
	}
	if l.qty == 0 {
		l.qty = 1
	}
	if l.sku != "" && l.price > 0 {
		l.priceCat = convert(l.price, l.cur, productBySKU[l.sku].Currency) / float64(l.units)
	}
	if g.site == "bidbay" {
		l.slug = slugify(l.title, 80, true, true)
		l.label.Path = "/itm/" + l.id
	} else {
		l.slug = slugify(l.title, 70, false, false)
		l.label.Path = "/listing/" + l.id + "/" + l.slug
	}
	l.label.Site = g.site
	g.w.listings = append(g.w.listings, l)
	g.w.bySite[g.site] = append(g.w.bySite[g.site], l)
	g.w.byID[g.site+"/"+l.id] = l
	return l
}

// photo registers an image for the listing and returns its path.
func (g *gen) photo(l *listing, s imgSpec) {
	var path string
	if g.site == "bidbay" {
		path = "/images/g/" + g.token(16) + "/s-l500.jpg"
	} else {
		path = fmt.Sprintf("/il/%s/%d/il_794xN.%d_%s.jpg", g.token(6), g.r.IntN(9000)+1000, g.r.Int64N(8_000_000_000)+1_000_000_000, strings.ToLower(g.token(4)))
	}
	g.w.images[g.site].specs[path] = s
	l.images = append(l.images, path)
}

// ---- label helpers ----

func flag(l *listing, cat, kind, why string) {
	p := productBySKU[l.sku]
	l.label.Flagged = true
	l.label.Category = cat
	if p != nil {
		l.label.Brand = p.Brand
		l.label.SKU = p.SKU
	}
	l.kind = kind
	l.label.Why = why
}

func pass(l *listing, brandID, kind, why string) {
	l.label.Flagged = false
	l.label.Brand = brandID
	if p := productBySKU[l.sku]; p != nil {
		l.label.Brand = p.Brand
		l.label.SKU = p.SKU
	}
	l.kind = kind
	l.label.Why = why
}

func pct(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }

func priceStr(v float64, cur string) string { return fmt.Sprintf("%.2f %s", v, cur) }

// ---- image spec helpers ----

var contactHandles = []string{"WX:lucky8899", "WA +86 131 0000 4417", "TG @kkbeauty_ws", "LINE: yiwu.best", "WECHAT FDIRECT2021",
	"IG @top1to1shop", "WX: glam_deal77", "WHATSAPP +60 11 0000 2345", "QQ 800012345", "TG @jaderiver"}

func (g *gen) handle() string { return contactHandles[g.r.IntN(len(contactHandles))] }

func (g *gen) editedOfficial(sku, handle string) imgSpec {
	s := imgSpec{official: sku}
	red, black, gold := rgb(200, 20, 30), rgb(15, 15, 15), rgb(200, 160, 40)
	switch g.r.IntN(8) {
	case 0:
		s.edits = []edit{{op: edCrop, f: g.between(0.05, 0.15)}}
		s.quality = g.intn(20, 35)
	case 1:
		s.edits = []edit{{op: edBorder, f: float64(g.intn(12, 26)), col: []rgbT{red, black, gold}[g.r.IntN(3)]}, {op: edCaption, text: g.pick("HOT SALE", "BEST QUALITY", "100% SAME", "FACTORY PRICE"), col: red}}
	case 2:
		s.edits = []edit{{op: edCanvas, f: g.between(0.7, 0.82), text: handle, col: red}}
	case 3:
		s.edits = []edit{{op: edWatermark, f: 0.5, text: handle, col: red}}
	case 4:
		s.edits = []edit{{op: edTiled, f: g.between(0.22, 0.35), text: handle, col: black}}
	case 5:
		s.edits = []edit{{op: edCrop, f: g.between(0.05, 0.12)}, {op: edShift, f: g.between(0.08, 0.18)}}
	case 6:
		s.edits = []edit{{op: edResize, f: 380}}
		s.quality = g.intn(8, 16)
	case 7:
		s.edits = []edit{{op: edCrop, f: g.between(0.06, 0.14)}, {op: edTiled, f: 0.3, text: handle, col: rgb(120, 120, 120)}}
		s.quality = 40
	}
	return s
}

type rgbT = color.RGBA

func (g *gen) ownPhoto(sku string, n int) imgSpec {
	p := productBySKU[sku]
	sc := scene{bg: []int{bgWood, bgMarble, bgCounter, bgFabric, bgDark, bgKraft}[g.r.IntN(6)], light: g.between(-30, 30), seed: g.r.Uint64()}
	sc.items = g.items(p.look, n)
	return imgSpec{sc: sc, quality: g.intn(70, 90)}
}

func (g *gen) items(lk look, n int) []item {
	switch n {
	case 1:
		return []item{{lk: lk, dx: g.between(-40, 40), scale: g.between(0.8, 1.0)}}
	case 2:
		return []item{{lk: lk, dx: -110, scale: 0.7}, {lk: lk, dx: 110, scale: 0.7}}
	default:
		return []item{{lk: lk, dx: -150, scale: 0.55}, {lk: lk, dx: 0, scale: 0.55}, {lk: lk, dx: 150, scale: 0.55}}
	}
}

func (g *gen) fakePhoto(sku string) imgSpec {
	p := productBySKU[sku]
	lk := p.look
	d := g.between(14, 30)
	if g.chance(0.5) {
		d = -d
	}
	lk.label = shade(lk.label, d)
	lk.body = shade(lk.body, -d/2)
	lk.labelShift = g.between(-18, 18)
	sc := scene{bg: []int{bgWhite, bgFabric, bgCounter, bgWood}[g.r.IntN(4)], light: g.between(-20, 20), seed: g.r.Uint64()}
	sc.items = g.items(lk, []int{1, 1, 2, 3}[g.r.IntN(4)])
	return imgSpec{sc: sc, quality: g.intn(45, 80)}
}

func (g *gen) tamperPhoto(sku string) imgSpec {
	s := g.ownPhoto(sku, 1)
	s.sc.items[0].scale = 1.1
	s.sc.items[0].dx = 0
	s.sc.tamper = g.intn(1, 3)
	return s
}

func (g *gen) usedPhoto(sku string) imgSpec {
	s := g.ownPhoto(sku, 1)
	s.sc.used = true
	return s
}

func (g *gen) lookPhoto(lk look, n int, bg int) imgSpec {
	sc := scene{bg: bg, light: g.between(-15, 15), seed: g.r.Uint64()}
	sc.items = g.items(lk, n)
	return imgSpec{sc: sc, quality: g.intn(75, 90)}
}

func (g *gen) pagePhoto(pg page, bg int) imgSpec {
	return imgSpec{sc: scene{bg: bg, page: &pg, seed: g.r.Uint64()}, quality: 85}
}
