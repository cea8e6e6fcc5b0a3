package world5

import (
	"fmt"
	"hash/fnv"
	"image/color"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
)

const (
	siteA = "pifa-hub"
	siteB = "shopmate-ae"
)

const (
	kOfficial = iota
	kAuth
	kOther
	kPerson
)

type seller struct {
	site, id, name string
	kind           int
	city           string
	years          int
	rating         float64
}

type tier struct {
	price  float64
	minQty int
}

// listing is one listing page of either site.
type listing struct {
	site   string
	key    string // offer id (A) or ASIN (B)
	slug   string // B: title slug
	title  string
	seller *seller

	// site A pricing
	tiers      []tier
	priceHi    float64 // range high end
	priceStyle int     // 0 tiers, 1 range, 2 full-width range, 3 元
	unitWord   string  // price unit: 件 盒 箱 ...
	minOrder   int

	// site B pricing
	price     float64
	listPrice float64
	coupon    int
	cond      string
	shipsFrom string
	byline    string // "Visit the X Store" or "Brand: X" or "by ..."
	brandName string
	format    string // book format
	jsonld    int    // 0 none, 1..4 shapes
	legacy    bool
	unavail   bool

	images  []string // image URL paths
	desc    []string
	attrs   [][2]string
	bullets []string

	sales   int
	rating  float64
	reviews int
	slow    bool
	rank    float64 // search rank weight
	lab     Label
	kind    string // scenario kind, for the README counts
	norm    string // normalised title for search
}

func (l *listing) path() string {
	if l.site == siteA {
		return "/offer/" + l.key + ".html"
	}
	return "/" + l.slug + "/dp/" + l.key
}

// ---- images ----

const (
	ikOfficial = iota
	ikZoom
	ikGroup
	ikEdited
	ikScene
	ikStudio // a non-catalogue look on white
)

type imgSpec struct {
	kind    int
	sku     string
	lk      look
	seed    uint64
	crop    float64
	border  int
	borderC color.RGBA
	canvas  bool
	wm      string
	tile    bool
	shift   int
	q       int
	flip    bool
	n       int
	scratch bool
	dev     bool
}

// ---- the world ----

type world struct {
	listings []*listing
	bySite   map[string][]*listing
	byPath   map[string]*listing
	byKey    map[string]*listing
	sellers  map[string]*seller // site+"/"+id
	imgs     map[string]*imgSpec
	r        *rand.Rand
	usedKeys map[string]bool
}

var (
	wOnce sync.Once
	theW  *world
)

func getWorld() *world {
	wOnce.Do(func() {
		w := &world{
			bySite:   map[string][]*listing{},
			byPath:   map[string]*listing{},
			byKey:    map[string]*listing{},
			sellers:  map[string]*seller{},
			imgs:     map[string]*imgSpec{},
			r:        rand.New(rand.NewPCG(5, 20240611)),
			usedKeys: map[string]bool{},
		}
		w.makeSellers()
		w.genA()
		w.genB()
		// one slow listing page on pifa-hub (a counterfeit: the page a scanner must not give up on)
		n := 0
		for _, l := range w.listings {
			if l.site == siteA && l.kind == "counterfeit" {
				if n++; n == 3 {
					l.slow = true
					break
				}
			}
		}
		for _, l := range w.listings {
			l.norm = normalize(l.title)
			p := l.path()
			if w.byPath[p] != nil {
				panic("duplicate path " + p)
			}
			w.byPath[p] = l
			w.byKey[l.site+"/"+l.key] = l
			w.bySite[l.site] = append(w.bySite[l.site], l)
			l.lab.Site = l.site
			l.lab.Path = p
		}
		theW = w
	})
	return theW
}

func (w *world) seller(site, id string) *seller {
	s := w.sellers[site+"/"+id]
	if s == nil {
		panic("unknown seller " + site + "/" + id)
	}
	return s
}

func (w *world) sellersOf(site string, kind int) []*seller {
	var out []*seller
	for _, s := range w.sellers {
		if s.site == site && s.kind == kind {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

func isOfficial(b *brand, s *seller) bool {
	ids := b.officialA
	if s.site == siteB {
		ids = b.officialB
	}
	for _, id := range ids {
		if id == s.id {
			return true
		}
	}
	return false
}

func isAuth(b *brand, s *seller) bool {
	ids := b.authA
	if s.site == siteB {
		ids = b.authB
	}
	for _, id := range ids {
		if id == s.id {
			return true
		}
	}
	return false
}

func (w *world) addSeller(s *seller) {
	w.sellers[s.site+"/"+s.id] = s
}

func (w *world) makeSellers() {
	r := rand.New(rand.NewPCG(7, 11))
	type sd struct{ id, name, city string }
	for _, x := range []sd{
		{"verdalis-health", "维德丽(上海)健康科技有限公司", "上海"},
		{"lunessa-gz", "露妮莎化妆品(广州)有限公司", "广东 广州"},
		{"chengming-rihua", "苏州澄明日化有限公司", "江苏 苏州"},
		{"qinglanjia-outlet", "清岚家官方特卖仓", "江苏 苏州"},
		{"suruiwei-hz", "素蕊维生物科技(杭州)有限公司", "浙江 杭州"},
	} {
		w.addSeller(&seller{site: siteA, id: x.id, name: x.name, kind: kOfficial, city: x.city, years: 6 + r.IntN(6), rating: 4.9})
	}
	for _, x := range []sd{
		{"hengda-rihua", "义乌市恒达日化贸易有限公司", "浙江 金华"},
		{"b2b-2209183746a21", "金华市康源保健品商行", "浙江 金华"},
		{"dongfang-yangsheng", "上海东方养生堂贸易有限公司", "上海"},
		{"b2b-2206652291b08", "杭州禾嘉健康科技有限公司", "浙江 杭州"},
		{"meiyan-scm", "广州美研供应链管理有限公司", "广东 广州"},
		{"b2b-2201147730c5e", "杭州丽颜化妆品有限公司", "浙江 杭州"},
		{"wanjiafu-trade", "临沂市万家福商贸有限公司", "山东 临沂"},
		{"b2b-2203391058e77", "义乌市佳洁日用品有限公司", "浙江 金华"},
	} {
		w.addSeller(&seller{site: siteA, id: x.id, name: x.name, kind: kAuth, city: x.city, years: 3 + r.IntN(8), rating: 4.6 + r.Float64()*0.3})
	}
	// impersonating and ordinary third-party companies
	for _, x := range []sd{
		{"lunessa-pifa", "露妮莎官方批发店", "广东 广州"},
		{"vdl-zongdaili", "维德丽华东总代理直营店", "江苏 南京"},
		{"qinglan-pifa", "清岚家日化批发中心", "山东 临沂"},
		{"srv-shouquan", "素蕊维授权专卖批发", "浙江 杭州"},
	} {
		w.addSeller(&seller{site: siteA, id: x.id, name: x.name, kind: kOther, city: x.city, years: 1 + r.IntN(3), rating: 4.5})
	}
	cities := []string{"义乌市", "广州市白云区", "深圳市龙华区", "临沂市兰山区", "揭阳市", "汕头市潮南区", "东莞市", "郑州市", "成都市", "杭州市萧山区", "泉州市", "石家庄市", "保定市", "温州市", "金华市", "南宁市"}
	prov := map[string]string{"义乌市": "浙江 金华", "广州市白云区": "广东 广州", "深圳市龙华区": "广东 深圳", "临沂市兰山区": "山东 临沂", "揭阳市": "广东 揭阳", "汕头市潮南区": "广东 汕头", "东莞市": "广东 东莞", "郑州市": "河南 郑州", "成都市": "四川 成都", "杭州市萧山区": "浙江 杭州", "泉州市": "福建 泉州", "石家庄市": "河北 石家庄", "保定市": "河北 保定", "温州市": "浙江 温州", "金华市": "浙江 金华", "南宁市": "广西 南宁"}
	names := []string{"鑫源", "恒昌", "佳美", "优品", "聚鑫", "汇通", "美丽源", "康之源", "百草堂", "宏达", "金盛", "诚信", "宝丽", "悦颜", "天成", "瑞丰", "盛世", "博源", "嘉禾", "润泽", "华美", "雅诗", "众康", "福满", "凯瑞", "优选", "蓝海", "星辰", "源美", "亿佳", "同仁", "泰和", "丰源", "金利", "永康", "美途", "千禾", "新势力", "花语", "合众", "万盛", "鸿运", "益康", "丽人", "盈泰"}
	types := []string{"日化商行", "贸易有限公司", "化妆品有限公司", "生物科技有限公司", "电子商务有限公司", "百货商行", "保健品经营部", "日用品厂", "供应链有限公司", "美妆批发部"}
	slugs := []string{"xinyuan", "hengchang", "jiamei", "youpin", "juxin", "huitong", "meiliyuan", "kangzhiyuan", "baicaotang", "hongda", "jinsheng", "chengxin", "baoli", "yueyan", "tiancheng", "ruifeng", "shengshi", "boyuan", "jiahe", "runze", "huamei", "yashi", "zhongkang", "fuman", "kairui", "youxuan", "lanhai", "xingchen", "yuanmei", "yijia", "tongren", "taihe", "fengyuan", "jinli", "yongkang", "meitu", "qianhe", "xinshili", "huayu", "hezhong", "wansheng", "hongyun", "yikang", "liren", "yingtai"}
	for i, n := range names {
		c := cities[r.IntN(len(cities))]
		id := slugs[i] + "-" + []string{"trade", "rihua", "pifa", "shop", "mall"}[r.IntN(5)]
		if r.IntN(10) < 6 {
			id = fmt.Sprintf("b2b-22%010d%03x", r.Int64N(1e10), r.IntN(4096))
		}
		w.addSeller(&seller{site: siteA, id: id, name: c + n + types[r.IntN(len(types))], kind: kOther, city: prov[c], years: 1 + r.IntN(9), rating: 4.0 + r.Float64()*0.8})
	}
	for i, n := range []string{"个人闲置转让(王女士)", "个人 宝妈囤货转让", "个人卖家 李先生", "个人闲置小铺", "个人 自用多余转让", "个人卖家 陈小姐"} {
		w.addSeller(&seller{site: siteA, id: fmt.Sprintf("b2b-23%010d%03x", 1000000000+i*7919, 0x100+i), name: n, kind: kPerson, city: prov[cities[r.IntN(len(cities))]], years: 1, rating: 4.7})
	}

	// ---- shopmate-ae ----
	type bd struct{ id, name, from string }
	for _, x := range []bd{
		{"A2V7QK1XD0LS9E", "Verdalis Official", "Shopmate"},
		{"A1L9X3MZ0QK4TR", "Lunessa Beauty", "Shopmate"},
		{"A3CM5HD8R1VN2J", "Chengming Household Co., Ltd.", "Chengming Household Co., Ltd."},
	} {
		w.addSeller(&seller{site: siteB, id: x.id, name: x.name, kind: kOfficial, city: x.from, rating: 4.8})
	}
	for _, x := range []bd{
		{"ATVSHOPMATE01", "Shopmate", "Shopmate"},
		{"A3GW8LN2P5WQ7K", "Gulf Wellness Distribution LLC", "Shopmate"},
		{"A1BZ6YF0T2CE8D", "BeautyBay Trading FZE", "BeautyBay Trading FZE"},
		{"A2HP4EM7XS0UQ3", "HomePlus Emirates", "HomePlus Emirates"},
	} {
		w.addSeller(&seller{site: siteB, id: x.id, name: x.name, kind: kAuth, city: x.from, rating: 4.7})
	}
	bnames := []string{"GlowHaus Trading", "Desert Rose General Trading LLC", "Al Noor Beauty", "Best Deals UAE", "ZZ-Mart", "Yiwu Global Export Co.", "Shenzhen Hengxin Tech", "KLM Beauty Store", "Fresh Finds", "MegaSave", "HealthyLife FZCO", "SunnyDay Shop", "WellnessHub", "QuickShip Store", "Oasis Mart", "Marina Cosmetics", "Pearl Gulf Traders", "Falcon Direct", "VitaWorld", "Hub of Deals", "Bright Star Trading", "Skyline Goods", "Nile Traders", "Emirates Value Store", "Crescent Bazaar", "Jade Dragon Export", "Golden Palm Trading", "BuyMore AE", "Sahara Outlet", "Dubai Beauty Corner", "NovaMart", "Silkroad Express", "Harbor Supplies", "UrbanCart", "PrimeChoice GT", "Blue Lagoon Shop"}
	for _, n := range bnames {
		w.addSeller(&seller{site: siteB, id: amzID(r), name: n, kind: kOther, city: []string{"Shopmate", "China", "United Arab Emirates", "Hong Kong"}[r.IntN(4)], rating: 3.6 + r.Float64()*1.2})
	}
	for _, n := range []string{"Lunessa Official Outlet", "Verdalis Direct UAE", "Clarimont Store Official", "Sorevita Official"} {
		w.addSeller(&seller{site: siteB, id: amzID(r), name: n, kind: kOther, city: "China", rating: 4.4})
	}
	for _, n := range []string{"Rashid K.", "Maria's Closet", "Jenny L.", "Farouk A.", "Priya S.", "Omar T.", "Sara M.", "Chen W.", "Hannah's Finds", "Yusuf B."} {
		w.addSeller(&seller{site: siteB, id: amzID(r), name: n, kind: kPerson, city: "United Arab Emirates", rating: 4.5 + r.Float64()*0.5})
	}
}

func amzID(r *rand.Rand) string {
	const cs = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := []byte{'A', byte('1' + r.IntN(3))}
	for len(b) < 14 {
		b = append(b, cs[r.IntN(len(cs))])
	}
	return string(b)
}

// ---- small helpers ----

func (w *world) pick(xs []string) string { return xs[w.r.IntN(len(xs))] }

func (w *world) pickN(xs []string, n int) []string {
	perm := w.r.Perm(len(xs))
	if n > len(xs) {
		n = len(xs)
	}
	out := make([]string, n)
	for i := 0; i < n; i++ {
		out[i] = xs[perm[i]]
	}
	return out
}

func (w *world) uni(lo, hi float64) float64 { return lo + w.r.Float64()*(hi-lo) }

func (w *world) pickSeller(xs []*seller) *seller { return xs[w.r.IntN(len(xs))] }

// cycle returns n products spread over the catalogue in a shuffled round-robin.
func (w *world) cycle(n int, ps []*product) []*product {
	out := make([]*product, 0, n)
	for len(out) < n {
		perm := w.r.Perm(len(ps))
		for _, i := range perm {
			if len(out) < n {
				out = append(out, ps[i])
			}
		}
	}
	return out
}

func roundCNY(v float64) float64 {
	if v >= 100 {
		return math.Round(v)
	}
	return math.Round(v*2) / 2
}

func roundUSD(v float64) float64 {
	return math.Floor(v) + 0.99
}

func (w *world) offerID() string {
	for {
		k := fmt.Sprintf("%d%011d", 6+w.r.IntN(2), w.r.Int64N(1e11))
		if !w.usedKeys[k] {
			w.usedKeys[k] = true
			return k
		}
	}
}

func (w *world) asin() string {
	const cs = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
	for {
		b := []byte("B0")
		for len(b) < 10 {
			b = append(b, cs[w.r.IntN(len(cs))])
		}
		k := string(b)
		if !w.usedKeys[k] {
			w.usedKeys[k] = true
			return k
		}
	}
}

// image registers an image spec for site and returns its URL path.
func (w *world) image(site string, s imgSpec) string {
	key := fmt.Sprintf("%s|%+v", site, s)
	h := fnv.New64a()
	h.Write([]byte(key))
	sum := h.Sum64()
	var p string
	if site == siteA {
		p = fmt.Sprintf("/img/ibank/O1CN01%016x-0-cib.jpg", sum)
	} else {
		const cs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-"
		b := make([]byte, 11)
		x := sum
		for i := range b {
			b[i] = cs[x%64]
			x /= 64
			if x == 0 {
				x = sum ^ 0x9e3779b97f4a7c15
			}
		}
		p = "/images/I/" + string(b) + "._AC_SL1500_.jpg"
	}
	w.imgs[p] = &s
	return p
}

// official photo, possibly re-encoded.
func (w *world) imgOfficial(site string, p *product, q int) string {
	return w.image(site, imgSpec{kind: ikOfficial, sku: p.sku, q: q})
}

func (w *world) imgDetail(site string, p *product) string {
	if w.r.IntN(2) == 0 {
		return w.image(site, imgSpec{kind: ikZoom, sku: p.sku, q: 85})
	}
	return w.image(site, imgSpec{kind: ikGroup, sku: p.sku, q: 85})
}

func (w *world) imgScene(site string, p *product, dev, scratch bool) string {
	return w.image(site, imgSpec{kind: ikScene, sku: p.sku, seed: w.r.Uint64() % 100000, n: 1 + w.r.IntN(3), q: 70 + w.r.IntN(20), dev: dev, scratch: scratch})
}

var wmHandles = []string{"WX:VDL8866", "WX:LNS520", "V:13925586677", "WX:PIFA0909", "WX:HUOYUAN168", "VX:88GOODS", "WX:QL2024", "WX:ZHENGPIN99", "QQ:2876541093", "WA:+971501234567"}

// imgEdited: the official photo reused with the edits counterfeiters use.
func (w *world) imgEdited(site string, p *product) string {
	s := imgSpec{kind: ikEdited, sku: p.sku, q: 25 + w.r.IntN(45)}
	s.crop = 0.05 + w.r.Float64()*0.10
	switch w.r.IntN(4) {
	case 0:
		s.border = 10 + w.r.IntN(20)
		s.borderC = []color.RGBA{rgb(220, 30, 30), white, rgb(250, 200, 0), rgb(20, 20, 20)}[w.r.IntN(4)]
	case 1:
		s.canvas = true
	}
	if w.r.IntN(10) < 7 {
		s.wm = w.pick(wmHandles)
		s.tile = w.r.IntN(3) == 0
	}
	s.shift = w.r.IntN(4)
	s.flip = w.r.IntN(6) == 0
	s.seed = w.r.Uint64() % 1000
	return w.image(site, s)
}

func (w *world) imgLook(site string, lk look, scene bool) string {
	if scene {
		return w.image(site, imgSpec{kind: ikScene, lk: lk, seed: w.r.Uint64() % 100000, n: 1 + w.r.IntN(2), q: 72 + w.r.IntN(18)})
	}
	return w.image(site, imgSpec{kind: ikStudio, lk: lk, q: 80 + w.r.IntN(12)})
}

// lookalike returns p's look with a confusable brand mark and drifted colours.
func (w *world) lookalike(p *product, mark string) look {
	lk := p.lk
	lk.mark = strings.ToUpper(asciiOnly(mark))
	if lk.mark == "" {
		lk.mark = "VERDALYS"
	}
	drift := func(c color.RGBA) color.RGBA {
		return color.RGBA{clamp8(float64(c.R) + w.uni(-40, 40)), clamp8(float64(c.G) + w.uni(-40, 40)), clamp8(float64(c.B) + w.uni(-40, 40)), 255}
	}
	lk.label, lk.cap, lk.accent = drift(lk.label), drift(lk.cap), drift(lk.accent)
	lk.logo = 5
	return lk
}

func asciiOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && r != ' ' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var genericColours = []color.RGBA{rgb(230, 80, 60), rgb(60, 140, 220), rgb(90, 180, 90), rgb(240, 200, 60), rgb(150, 90, 200), rgb(40, 40, 60), rgb(250, 250, 250), rgb(200, 120, 60), rgb(100, 200, 200), rgb(220, 150, 180)}

func (w *world) genericLook(shape int, mark, line string) look {
	c := genericColours[w.r.IntN(len(genericColours))]
	d := genericColours[w.r.IntN(len(genericColours))]
	return look{shape: shape, body: c, label: white, cap: shade(c, 0.7), accent: d, mark: strings.ToUpper(mark), line: strings.ToUpper(line), logo: 4 + w.r.IntN(2)*1, stripes: w.r.IntN(3)}
}

func (w *world) finish(l *listing) {
	if l.site == siteB {
		l.slug = slugify(l.title)
	}
	if l.rank == 0 {
		l.rank = w.r.Float64()
	}
	w.listings = append(w.listings, l)
}

func lab(flag bool, cat string, b *brand, p *product, why string) Label {
	l := Label{Flagged: flag, Category: cat, Why: why}
	if b != nil {
		l.Brand = b.id
	}
	if p != nil {
		l.SKU = p.sku
		l.Brand = p.b.id
	}
	return l
}
