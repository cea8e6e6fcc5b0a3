package world6

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

type listing struct {
	site     string
	id       string
	shop     *seller
	title    string
	desc     string
	price    float64 // what the buyer pays (low end of a quantity range), listing currency
	high     float64 // range high end, 0 = none
	tag      float64 // crossed-out price, 0 = none
	plabel   string  // tianmao-plus: 价格 / 到手价 / 券后 / 直播价
	pfmt     int
	cur      string
	imgs     []string
	promoted bool
	sales    int
	ld       int // lazmall-sg JSON-LD shape, 0 = none
	mall     bool
	slow     bool
	slug     string
	oldSlug  string
	skuID    string
	variants []string
	kind     string
	hard     string
	prod     *product
	lab      Label
}

func (l *listing) path() string {
	if l.site == siteA {
		return "/detail.htm?id=" + l.id
	}
	return "/products/" + l.slug + "-i." + l.shop.id + "." + l.id
}

type imgSpec struct {
	d        design
	official *product
	shot     int
	e        edit
	q        int // JPEG quality; 0 with official: the catalogue file's own bytes
}

type world struct {
	listings []*listing
	byKey    map[string]*listing
	imgs     map[string]*imgSpec
}

type gen struct {
	r            *rand.Rand
	w            *world
	nextA, nextB int64
	counts       map[string]int
}

var genericZH = map[string]string{
	"CAL-PROT-500": "植物蛋白粉", "CAL-PROT-900": "大豆蛋白粉", "CAL-FISH-90": "深海鱼油软胶囊", "CAL-PROB-30": "益生菌固体饮料",
	"CAL-MV-MEN": "男士复合维生素片", "CAL-MV-WOMEN": "女士多维片", "CAL-CAL-120": "钙镁片", "CAL-COLL-10": "胶原蛋白肽饮",
	"LRS-TONER-150": "精华水", "LRS-SER-GOLD": "焕采精华液", "LRS-SER-BLUE": "水润精华液", "LRS-CREAM-50": "修护面霜",
	"LRS-EYE-15": "紧致眼霜", "LRS-CLEAN-120": "氨基酸洁面乳", "LRS-SUN-50": "清透防晒乳", "LRS-MASK-5": "玻尿酸补水面膜",
	"HMV-DISH-LEM": "浓缩洗洁精 柠檬", "HMV-DISH-TEA": "浓缩洗洁精 绿茶", "HMV-LAUN-2K": "浓缩洗衣液", "HMV-SURF-500": "多效清洁喷雾",
	"HMV-RO600": "厨下净水器", "HMV-RO600-F": "复合滤芯", "HMV-SOFT-3L": "衣物柔顺剂",
	"VDN-SPIR-500": "螺旋藻片", "VDN-MANG-750": "山竹精华饮", "VDN-GARL-60": "黑蒜胶囊", "VDN-NEST-6": "即食燕窝饮",
	"VDN-COLL-GOLD": "胶原蛋白粉", "VDN-COLL-SILV": "胶原蛋白粉",
}

var genericEN = map[string]string{
	"CAL-PROT-500": "Plant Protein Powder", "CAL-PROT-900": "Soy Protein Powder 900g", "CAL-FISH-90": "Deep Sea Fish Oil Softgels", "CAL-PROB-30": "Probiotic Powder Sachets",
	"CAL-MV-MEN": "Men's Multivitamin Tablets", "CAL-MV-WOMEN": "Women's Multivitamin", "CAL-CAL-120": "Calcium Magnesium D3", "CAL-COLL-10": "Collagen Peptide Drink",
	"LRS-TONER-150": "Essence Toner", "LRS-SER-GOLD": "Radiance Serum", "LRS-SER-BLUE": "Hydra Serum", "LRS-CREAM-50": "Repair Cream",
	"LRS-EYE-15": "Firming Eye Cream", "LRS-CLEAN-120": "Amino Acid Cleanser", "LRS-SUN-50": "Clear Sunscreen SPF50", "LRS-MASK-5": "Hydrating Sheet Mask",
	"HMV-DISH-LEM": "Dish Liquid Lemon", "HMV-DISH-TEA": "Dish Liquid Green Tea", "HMV-LAUN-2K": "Concentrated Laundry Liquid", "HMV-SURF-500": "Multi-Surface Cleaner Spray",
	"HMV-RO600": "Under-Sink Water Purifier", "HMV-RO600-F": "Replacement Filter Cartridge", "HMV-SOFT-3L": "Fabric Softener",
	"VDN-SPIR-500": "Spirulina Tablets", "VDN-MANG-750": "Mangosteen Juice", "VDN-GARL-60": "Black Garlic Capsules", "VDN-NEST-6": "Bird's Nest Drink",
	"VDN-COLL-GOLD": "Collagen Powder", "VDN-COLL-SILV": "Collagen Powder",
}

func hashKey(parts ...string) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

func (g *gen) newListing(site string, s *seller, pr *product, kind string) *listing {
	l := &listing{site: site, shop: s, prod: pr, kind: kind, pfmt: g.r.IntN(4)}
	if site == siteA {
		g.nextA += int64(g.r.IntN(900000) + 1000)
		l.id = strconv.FormatInt(g.nextA, 10)
		l.cur = "CNY"
		l.skuID = strconv.FormatInt(4000000000000+g.r.Int64N(999999999999), 10)
		l.plabel = "价格"
	} else {
		g.nextB += int64(g.r.IntN(4000000) + 1000)
		l.id = strconv.FormatInt(g.nextB, 10)
		l.cur = s.cur
		if l.cur == "" {
			l.cur = "SGD"
		}
		l.mall = s.badge == "Mall"
	}
	switch s.kind {
	case skOfficial:
		l.sales = 2000 + g.r.IntN(30000)
	case skAuth:
		l.sales = 300 + g.r.IntN(8000)
	case skPerson, skContent:
		l.sales = g.r.IntN(20)
	default:
		l.sales = g.r.IntN(3000)
	}
	return l
}

// roundPrice makes a shop-like price not above v.
func (g *gen) roundPrice(v float64, cur string) float64 {
	if cur == "CNY" {
		f := math.Floor(v)
		if f >= 20 && g.r.IntN(2) == 0 {
			return f - 0.1
		}
		return f
	}
	if v < 50 {
		return math.Floor(v*10) / 10
	}
	f := math.Floor(v)
	var cands []float64
	for _, c := range []float64{0, 0.5, 0.9} {
		if f+c <= v {
			cands = append(cands, f+c)
		}
	}
	return pick(g.r, cands)
}

// localPrice converts ratio x list into the listing currency and rounds it.
func (g *gen) localPrice(l *listing, ratio float64) float64 {
	pr := l.prod
	v := convert(pr.Price*ratio, pr.Cur, l.cur)
	return g.roundPrice(v, l.cur)
}

func (g *gen) between(a, b float64) float64 { return a + g.r.Float64()*(b-a) }

// ratioOf is the listing's buyer price against the product's list price.
func ratioOf(l *listing) float64 {
	return convert(l.price, l.cur, l.prod.Cur) / l.prod.Price
}

func belowFloor(l *listing) bool {
	return convert(l.price, l.cur, l.prod.Cur) < l.prod.Min-0.005
}

// ---- images ----

func (g *gen) addImg(l *listing, s imgSpec) {
	key := hashKey(l.site, l.id, strconv.Itoa(len(l.imgs)))
	g.w.imgs[key] = &s
	l.imgs = append(l.imgs, key)
}

func (g *gen) officialImgs(l *listing, q int) {
	g.addImg(l, imgSpec{official: l.prod, shot: 0, q: q})
	g.addImg(l, imgSpec{official: l.prod, shot: 1, q: q})
}

var wmHandles = []string{"WX:KN8866", "VX:LRS2024", "WX:13922876543", "V:HAOHUO99", "WA:+60 12-338 7761", "TG@REPSTORE", "WX:YUANDAN168", "LINE:MIRRORGRADE"}

func (g *gen) editedOfficial(l *listing, strong bool) {
	shot := g.r.IntN(2)
	e := edit{crop: g.between(0.05, 0.15), cropSide: g.r.IntN(4)}
	switch g.r.IntN(4) {
	case 0:
		e.border, e.borderCol = 10+g.r.IntN(12), hex(pick(g.r, []uint32{0xd62828, 0xe9c46a, 0x2a9d8f, 0x111111}))
	case 1:
		e.canvas = true
	case 2:
		e.shift = [3]int{g.r.IntN(40) - 20, g.r.IntN(30) - 10, g.r.IntN(40) - 20}
	}
	if strong || g.r.IntN(2) == 0 {
		e.wm = pick(g.r, wmHandles)
		e.tile = g.r.IntN(3) == 0
	}
	e.quality = 20 + g.r.IntN(25)
	g.addImg(l, imgSpec{official: l.prod, shot: shot, e: e, q: e.quality})
	if g.r.IntN(2) == 0 {
		e2 := e
		e2.crop = g.between(0.05, 0.12)
		e2.flip = g.r.IntN(3) == 0
		g.addImg(l, imgSpec{official: l.prod, shot: 1 - shot, e: e2, q: e.quality})
	}
}

func (g *gen) ownPhoto(l *listing, pr *product, bg int, sticker string) {
	d := pr.design
	d.background = bg
	d.scale = g.between(0.65, 0.9)
	d.dx = g.between(-40, 40)
	d.dy = g.between(-20, 10)
	d.twoUnits = g.r.IntN(4) == 0
	if sticker != "" {
		d.sticker, d.stickerColor = sticker, hex(0xe63946)
	}
	g.addImg(l, imgSpec{d: d, q: 70 + g.r.IntN(20)})
}

func (g *gen) fakePhoto(l *listing, pr *product) {
	d := pr.design
	d.background = pick(g.r, []int{0, 1, 3, 4})
	d.scale = g.between(0.75, 0.95)
	d.misprint = g.r.IntN(2) == 0
	d.bodyShiftR, d.bodyShiftG, d.bodyShiftB = g.r.IntN(50)-25, g.r.IntN(50)-25, g.r.IntN(50)-25
	d.twoUnits = g.r.IntN(3) == 0
	if g.r.IntN(2) == 0 {
		d.sticker, d.stickerColor = pick(g.r, []string{"1:1", "AAA", "HOT", "SALE", "OEM"}), hex(0xd00000)
	}
	g.addImg(l, imgSpec{d: d, q: 50 + g.r.IntN(30)})
}

// ---- labels ----

const (
	catCF   = "counterfeit"
	catCode = "code_tampered"
	catDump = "price_dumping"
	catUS   = "unauthorized_seller"
	catDef  = "defamation"
)

func (g *gen) add(l *listing, cat, brandID, sku, why, hard string) {
	l.lab = Label{Site: l.site, Flagged: cat != "", Category: cat, Brand: brandID, SKU: sku, Why: why}
	l.hard = hard
	if l.site == siteB && l.slug == "" {
		l.slug = slugify(l.title)
	}
	l.lab.Path = l.path()
	g.check(l)
	g.w.listings = append(g.w.listings, l)
	g.w.byKey[l.site+"/"+l.id] = l
}

// check enforces the label policy on what was generated.
func (g *gen) check(l *listing) {
	fail := func(msg string) {
		panic(fmt.Sprintf("world6 policy check: %s %s (%s): %s", l.site, l.id, l.kind, msg))
	}
	lab := l.lab
	if l.prod == nil || lab.SKU == "" {
		if lab.Flagged && lab.Category != catDef {
			fail("flagged without a product")
		}
		return
	}
	b := l.prod.brand
	off := b.isOfficial(l.site, l.shop.id)
	auth := b.isAuthorized(l.site, l.shop.id)
	r := ratioOf(l)
	if off && lab.Flagged {
		fail("official shop flagged")
	}
	switch lab.Category {
	case catCF:
		if off || auth {
			fail("counterfeit from a registered seller")
		}
		if strings.HasPrefix(lab.Why, "C2") && r > 0.45 {
			fail(fmt.Sprintf("price-only counterfeit at ratio %.2f", r))
		}
	case catCode:
		if off {
			fail("code tampered from official")
		}
	case catDump:
		if !auth || !belowFloor(l) {
			fail("dumping without authorised seller under floor")
		}
		if r < 0.45 {
			fail("dumping so low it looks counterfeit")
		}
	case catUS:
		if off || auth || r < 0.6 {
			fail(fmt.Sprintf("unauthorised seller case invalid, ratio %.2f", r))
		}
	case "":
		if auth && !off && belowFloor(l) && l.kind != "secondhand" {
			fail("authorised seller under floor left unflagged")
		}
		if !off && !auth && l.shop.kind != skPerson && l.kind != "accessory" {
			fail("unregistered seller offering a catalogue product left unflagged: " + l.kind)
		}
	}
}

func slugify(title string) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range title {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			cur.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	s := strings.Join(words, "-")
	if len(s) > 90 {
		s = s[:90]
		s = strings.TrimRight(s, "-")
	}
	if s == "" {
		s = "item"
	}
	return s
}

// ======================= building the world =======================

func buildWorld() *world {
	w := &world{byKey: map[string]*listing{}, imgs: map[string]*imgSpec{}}
	g := &gen{r: rand.New(rand.NewPCG(20240606, 6)), w: w, nextA: 683021457712, nextB: 21583920044, counts: map[string]int{}}
	for _, b := range brands {
		for i, pr := range b.Products {
			g.siteAProduct(b, pr, i)
		}
		g.siteABrand(b)
	}
	for _, b := range brands {
		for i, pr := range b.Products {
			g.siteBProduct(b, pr, i)
		}
		g.siteBBrand(b)
	}
	g.noise()
	// faults: stale slugs on some search links (the canonical link has the current one)
	n := 0
	for _, l := range w.listings {
		if l.site == siteB {
			n++
			if n%15 == 7 {
				l.oldSlug = slugify("Ready Stock " + strings.ToLower(l.title))
			}
		}
	}
	slow := 0
	for _, l := range w.listings {
		if l.site == siteA && l.shop.kind == skFake && slow < 2 {
			l.slow = true
			slow++
		}
	}
	for i := len(w.listings) - 1; i >= 0; i-- {
		if l := w.listings[i]; l.site == siteB && l.shop.kind == skReseller {
			l.slow = true
			break
		}
	}
	return w
}
