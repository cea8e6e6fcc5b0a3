package world7

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
)

// imgSpec says how one listing photo is made.
type imgSpec struct {
	kind   string // official, own, life
	sku    string // for official: the product whose official photo is used
	look   look   // for own and life
	seed   string
	jitter int
	edits  []edit
	q      int // JPEG quality
	w, h   int
}

type card struct {
	name     string
	price    float64 // the lowest price the card offers
	high     float64 // AggregateOffer high price, 0 if single
	currency string
	seller   *seller
	desc     string
}

type listing struct {
	site string
	id   string // goods_id (pinpin) or note id (notes)
	seq  int

	// pinpin
	title    string
	priceTxt string
	price    float64 // the price the label is judged on (拼单价 low end / lowest offer)
	single   float64
	subsidy  bool
	sales    string
	seller   *seller
	desc     string
	specs    []string

	// notes
	noteTitle string
	author    string
	authorID  string
	tags      []string
	card      *card
	ldShape   int
	date      string

	images []imgSpec
	pop    int

	// truth
	brand, sku string
	flagged    bool
	category   string
	why        string
	kind       string

	// faults
	slow    bool
	fail503 bool
}

type world struct {
	pin   []*listing
	notes []*listing
	byKey map[string]*listing // site|id
}

var (
	worldOnce sync.Once
	theWorld  *world
)

func getWorld() *world {
	worldOnce.Do(func() {
		w := &world{byKey: map[string]*listing{}}
		w.pin = genPin()
		w.notes = genNotes()
		for _, l := range append(append([]*listing{}, w.pin...), w.notes...) {
			k := l.site + "|" + l.id
			if w.byKey[k] != nil {
				panic("duplicate listing " + k)
			}
			w.byKey[k] = l
		}
		theWorld = w
	})
	return theWorld
}

// ---------------------------------------------------------------------------
// Helpers shared by both generators.

type gen struct {
	r    *rand.Rand
	ids  map[string]bool
	seq  int
	site string
	out  []*listing
}

func newGen(site string, seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed*31+7)), ids: map[string]bool{}, site: site}
}

func (g *gen) pick(ss ...string) string { return ss[g.r.IntN(len(ss))] }

func pickFrom[T any](g *gen, ss []T) T { return ss[g.r.IntN(len(ss))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) between(lo, hi float64) float64 { return lo + (hi-lo)*g.r.Float64() }

func (g *gen) kw(b *brand) string { return pickFrom(g, b.kws) }

func (g *gen) kws(b *brand, n int) string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		k := g.kw(b)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return strings.Join(out, " ")
}

func (g *gen) emo() string {
	return g.pick("", "", "🔥", "✨", "💥", "⚡", "🎁", "💯", "👍", "🌿", "💪", "❤️", "🆕")
}

func (g *gen) add(l *listing) *listing {
	g.seq++
	l.seq = g.seq
	l.site = g.site
	if l.pop == 0 {
		l.pop = g.r.IntN(100000)
	}
	g.out = append(g.out, l)
	return l
}

// priceUp rounds v up to a shop-like price (x.9 or whole), never below v.
func priceUp(v float64) float64 {
	c := math.Ceil(v)
	if c-v > 0.1 && int(c)%2 == 1 {
		return c - 0.1
	}
	return c
}

// priceDown rounds v down to a shop-like price, never above v.
func priceDown(v float64) float64 {
	f := math.Floor(v)
	if v-f >= 0.9 {
		return f + 0.9
	}
	if int(f)%3 == 0 {
		return f - 0.1
	}
	return f
}

func fmtNum(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimSuffix(s, "0")
	s = strings.TrimSuffix(s, ".0")
	return s
}

func withCommas(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	intPart, frac := s[:len(s)-3], s[len(s)-3:]
	var b strings.Builder
	for i, ch := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	return b.String() + frac
}

func lineWord(p *product) string {
	if p.line == "" || strings.Contains(p.core, p.line) || p.line == p.spec {
		return ""
	}
	return p.line
}

// full is the Chinese product wording with line and size: 维生素C咀嚼片 香橙味 60片
func full(p *product) string {
	if w := lineWord(p); w != "" {
		return p.core + " " + w + " " + p.spec
	}
	return p.core + " " + p.spec
}

// ambiguous is how a seller names a near-twin without saying which one.
func ambiguous(p *product) string {
	switch p.sku {
	case "VDT-PROT-450", "VDT-PROT-900":
		return "大豆分离蛋白粉"
	case "VDT-VITC-OR", "VDT-VITC-BR":
		return "维生素C咀嚼片 60片"
	case "LMS-SER-FIRM", "LMS-SER-BRT":
		return "精华液 30ml"
	case "LMS-CRM-DAY", "LMS-CRM-NGT":
		return "雪绒修护霜 50g"
	case "CSP-LNDR-LAV", "CSP-LNDR-LEM":
		return "浓缩洗衣液 2L"
	case "QHY-LZ-90", "QHY-LZ-60":
		return "破壁灵芝孢子粉胶囊"
	}
	return full(p)
}

// variantHint names the variant in the description.
func variantHint(p *product) string {
	switch p.sku {
	case "VDT-PROT-450":
		return "规格：450g小罐装"
	case "VDT-PROT-900":
		return "规格：900g大罐装"
	case "VDT-VITC-OR":
		return "口味：香橙味（橙色标签）"
	case "VDT-VITC-BR":
		return "口味：莓果味（紫色标签）"
	case "LMS-SER-FIRM":
		return "款式：玻色因紧致款"
	case "LMS-SER-BRT":
		return "款式：烟酰胺亮白款"
	case "LMS-CRM-DAY":
		return "款式：白罐日霜"
	case "LMS-CRM-NGT":
		return "款式：蓝罐晚霜"
	case "CSP-LNDR-LAV":
		return "香型：薰衣草"
	case "CSP-LNDR-LEM":
		return "香型：清新柠檬"
	case "QHY-LZ-90":
		return "规格：90粒/盒"
	case "QHY-LZ-60":
		return "规格：60粒/盒"
	}
	return "规格：" + p.spec
}

var benefit = map[string][]string{
	"verdanta":  {"每天一勺，补充日常所需营养", "科学配比，适合全家人日常营养补充", "健身党、上班族都适合", "独立包装，携带方便"},
	"lumessa":   {"质地轻薄好吸收，早晚都能用", "温和不刺激，敏感肌也能用", "坚持使用肤感更细腻", "清爽不黏腻，四季可用"},
	"casaprime": {"浓缩配方，一点就够用", "温和不伤手，全家都能用", "去污力强，冲洗干净无残留", "大容量家庭装，用得更久"},
	"qinghe":    {"精选道地原料，传统工艺", "适合中老年人日常滋补", "独立包装，出差携带方便", "送长辈送朋友都很体面"},
}

var shipping = []string{
	"48小时内发货，支持7天无理由退货。",
	"全国包邮（新疆西藏除外），下单当天发货。",
	"默认中通快递，偏远地区请联系客服。",
	"拍下请备注规格，晚上8点前下单当天发。",
	"顺丰包邮，收到有任何问题联系客服。",
	"现货速发，退货包运费。",
}

func (g *gen) intro(p *product) string {
	return fmt.Sprintf("%s%s，%s。", brandByID[p.brand].cn, full(p), pickFrom(g, benefit[p.brand]))
}

func (g *gen) ship() string { return pickFrom(g, shipping) }

// ---------------------------------------------------------------------------
// Photos.

func officialImg(p *product) imgSpec {
	return imgSpec{kind: "official", sku: p.sku, q: 88, w: 400, h: 400}
}

func (g *gen) ownImg(p *product, jitter int) imgSpec {
	return imgSpec{kind: "own", look: p.look, seed: fmt.Sprintf("%s-%d", p.sku, g.r.IntN(1e9)), jitter: jitter, q: 70 + g.r.IntN(15), w: 400, h: 400}
}

func (g *gen) lifeImg(l look, w, h int) imgSpec {
	return imgSpec{kind: "life", look: l, seed: fmt.Sprint(g.r.IntN(1e9)), q: 82, w: w, h: h}
}

func (g *gen) contact() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("WX:%d", 1000000+g.r.IntN(8999999))
	case 1:
		return fmt.Sprintf("V:%s%d", g.pick("ABC", "MM", "LY", "JX", "QQ"), 1000+g.r.IntN(8999))
	case 2:
		return fmt.Sprintf("WX %d", 13000000000+g.r.IntN(899999999))
	default:
		return fmt.Sprintf("VX:%s_%d", g.pick("HAOHUO", "PIFA", "YUANDAN", "MEIZHUANG"), 10+g.r.IntN(89))
	}
}

// editedImg is an official photo as copiers reuse it.
func (g *gen) editedImg(p *product, wm string) imgSpec {
	var ed []edit
	if g.chance(0.7) {
		ed = append(ed, edit{op: "crop", f: g.between(0.05, 0.15)})
	}
	switch g.r.IntN(4) {
	case 0:
		ed = append(ed, edit{op: "border", f: float64(8 + g.r.IntN(16)), c: rgb(pickFrom(g, []uint32{0xff0000, 0xffffff, 0xffd700, 0x000000}))})
	case 1:
		ed = append(ed, edit{op: "canvas", f: g.between(0.72, 0.9)})
	}
	if g.chance(0.4) {
		ed = append(ed, edit{op: "shift", f: float64(10 + g.r.IntN(25))})
	}
	if g.chance(0.15) {
		ed = append(ed, edit{op: "mirror"})
	}
	if wm != "" {
		if g.chance(0.4) {
			ed = append(ed, edit{op: "tile", f: 2, text: wm, c: color4(0x000000, 60)})
		} else {
			ed = append(ed, edit{op: "watermark", f: float64(3 + g.r.IntN(2)), text: wm, c: color4(pickFrom(g, []uint32{0xff0000, 0x333333, 0xffffff}), 150)})
		}
	}
	return imgSpec{kind: "official", sku: p.sku, edits: ed, q: 15 + g.r.IntN(25), w: 400, h: 400}
}

// plainReuse is an official photo taken as is (re-encoded by the site).
func plainReuse(p *product) imgSpec {
	return imgSpec{kind: "official", sku: p.sku, q: 80, w: 400, h: 400}
}

// otherLook is a product of another brand: a different pack in different colours.
func (g *gen) otherLook(word, line, size string) look {
	shapes := []string{"tub", "bottle", "dropper", "jar", "tube", "box", "pouch", "pump", "jug", "spray", "cartridge"}
	pal := []uint32{0xef476f, 0xffd166, 0x06d6a0, 0x118ab2, 0x073b4c, 0x8338ec, 0xfb5607, 0x3a86ff, 0xff006e, 0x6c757d, 0xadb5bd, 0x588157}
	return look{shape: pickFrom(g, shapes), body: rgb(pickFrom(g, pal)), cap: rgb(pickFrom(g, pal)), label: rgb(0xffffff),
		accent: rgb(pickFrom(g, pal)), mark: g.pick("none", "ring", "drop"), line1: word, line2: line, line3: size, tall: g.between(0.6, 1.0)}
}

// lookalikeLook is a look-alike brand's own pack for the same kind of product.
func (g *gen) lookalikeLook(p *product, word string) look {
	l := g.otherLook(word, p.look.line2, p.look.line3)
	for l.shape == p.look.shape {
		l.shape = g.pick("tub", "bottle", "jar", "box", "pouch", "tube", "jug")
	}
	return l
}

func color4(hex uint32, a uint8) color.RGBA { c := rgb(hex); c.A = a; return c }
