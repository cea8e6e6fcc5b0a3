package world3

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

type listing struct {
	site     int
	num      uint64 // the marketplace's numeric item id
	slug     string
	path     string // canonical path (escaped)
	oldSlug  string // site B: search links to this old handle, which redirects
	title    string
	price    float64 // offered (unit or low-end) price
	high     float64 // high end of a range, or 0
	priceTxt string  // site A display text
	orig     float64 // struck-through price on site A
	seller   *seller
	imgs     []imgSpec
	desc     string
	sales    int
	kind     string
	ld       int // site B JSON-LD shape
	oos      bool
	variant  string // site B: ?variant= on search links
	label    Label
}

type kindSpec struct {
	code    string
	a, b    int // per brand on site A / site B; -1: one per product
	flagged bool
	cat     string
	note    string
}

var kinds = []kindSpec{
	{"cf-title", 10, 7, true, "counterfeit", "counterfeit word in the title (高仿, 原单, replica ...)"},
	{"cf-desc", 7, 5, true, "counterfeit", "title copied from genuine listings; the admission is only in the description"},
	{"cf-price", 6, 4, true, "counterfeit", "no words; unauthorised seller at under half the list price, edited official photos"},
	{"cf-alias", 5, 4, true, "counterfeit", "product named by nickname or in the other script; unusual wording (一比一, 同厂同料, same factory ...)"},
	{"cf-twin", 4, 3, true, "counterfeit", "near-twin product; title does not say which line, description and photo do"},
	{"cf-spaced", 4, 2, true, "counterfeit", "counterfeit word spaced out or in full-width characters (高 仿, Ａ货, Ｒｅｐｌｉｃａ)"},
	{"ct-title", 5, 3, true, "code_tampered", "code removal in the title (刮码, 撕码, Batch Code Removed)"},
	{"ct-desc", 4, 3, true, "code_tampered", "code removal only in the description"},
	{"ct-auth", 2, 1, true, "code_tampered", "an authorised seller selling code-scratched stock"},
	{"ct-wording", 2, 1, true, "code_tampered", "other wording (去码, 划码, 无批号, Decoded, laser code erased)"},
	{"pd-plain", 6, 4, true, "price_dumping", "authorised seller 8-28 % under the floor"},
	{"pd-close", 3, 2, true, "price_dumping", "authorised seller 1-5 % under the floor"},
	{"pd-range", 2, 2, true, "price_dumping", "price range whose low end (one unit) is under the floor"},
	{"pd-bundle", 2, 1, true, "price_dumping", "multi-pack whose price per unit is under the floor"},
	{"pd-net", 2, 1, true, "price_dumping", "shown price at the floor, coupon net price in the description under it"},
	{"ua-plain", 12, 10, true, "unauthorized_seller", "unregistered shop at a plausible price"},
	{"ua-alias", 5, 4, true, "unauthorized_seller", "product named by nickname or in the other script"},
	{"ua-twin", 3, 2, true, "unauthorized_seller", "near-twin product; the line only in the description and photo"},
	{"ua-negation", 4, 3, true, "unauthorized_seller", "negated red-flag words (非刮码, 绝非高仿, Not a Replica)"},
	{"ua-impostor", 3, 2, true, "unauthorized_seller", "unregistered shop named like an official one (维叶官方直营店)"},
	{"ua-grey", 3, 2, true, "unauthorized_seller", "unregistered shop at 55-68 % of list (cheap but not fake-cheap)"},
	{"df-title", 3, 2, true, "defamation", "attack on the brand in the title (ebook, exposé)"},
	{"df-rival", 2, 1, true, "defamation", "competitor product whose title attacks the brand"},
	{"df-desc", 2, 2, true, "defamation", "generic product; the attack only in the description"},

	{"official", -1, -1, false, "", "official shop, list price"},
	{"official-clearance", 3, 2, false, "", "official shop clearance, often under the floor"},
	{"official-bundle", 2, 1, false, "", "official shop multi-pack under the floor per unit"},
	{"auth", 20, 14, false, "", "authorised seller between floor and list"},
	{"auth-floor", 4, 3, false, "", "authorised seller exactly at the floor"},
	{"auth-negwords", 4, 3, false, "", "authorised seller with negated red-flag or defamation words (非刮码, 绝非高仿, 拒绝智商税)"},
	{"auth-range", 3, 2, false, "", "authorised seller, price range at or above the floor"},
	{"auth-bundle", 2, 1, false, "", "authorised seller multi-pack at or above the floor per unit"},
	{"auth-twin", 3, 2, false, "", "authorised seller, near-twin product named without its line"},
	{"lookalike", 13, 10, false, "", "look-alike brand (唯叶, 露米娅, Lumiyah, PureHaven ...)"},
	{"accessory", 10, 8, false, "", "accessory for the product, incl. non-original compatible filters"},
	{"generic", 30, 28, false, "", "generic goods sharing words with a product name"},
	{"secondhand", 7, 5, false, "", "individual reselling one item (闲置, personal sale)"},
	{"guide", 4, 4, false, "", "how-to-spot-fakes guide or authentication service (mentions 高仿, replica, scam)"},
	{"review", 3, 3, false, "", "review, report or magazine about the product"},
	{"wanted", 3, 0, false, "", "求购 / 回收: a shop buying the products, nothing offered"},
	{"dupe", 5, 5, false, "", "another brand's product advertised as a dupe (平替) of the product"},
}

type gen struct {
	site     int
	r        *rand.Rand
	sp       *sellerPools
	ls       []*listing
	nums     map[uint64]bool
	slugs    map[string]int
	popular  map[string][]string
	ldCycle  int
	firstOff map[string]bool
}

func generate(site int) []*listing {
	g := &gen{
		site:     site,
		r:        rand.New(rand.NewPCG(20240611, uint64(31+site))),
		nums:     map[uint64]bool{},
		slugs:    map[string]int{},
		popular:  map[string][]string{},
		firstOff: map[string]bool{},
	}
	g.sp = newPools(site, g.r)
	for _, p := range products {
		n := 4
		for range n {
			g.popular[p.SKU] = append(g.popular[p.SKU], g.title(p, topt{}))
		}
	}
	for _, b := range brands {
		for _, k := range kinds {
			n := k.a
			if site == siteB {
				n = k.b
			}
			if n < 0 {
				n = len(brandProds[b.ID])
			}
			for i := range n {
				l := g.make(b, k, i)
				l.kind = k.code
				l.label.Flagged = k.flagged
				if k.flagged {
					l.label.Category = k.cat
				}
				g.finish(l)
			}
		}
	}
	// deterministic shuffle so ids do not follow the kinds
	g.r.Shuffle(len(g.ls), func(i, j int) { g.ls[i], g.ls[j] = g.ls[j], g.ls[i] })
	return g.ls
}

func (g *gen) zh() bool { return g.site == siteA }

func (g *gen) title(p *product, o topt) string {
	if g.zh() {
		return zhTitle(g.r, p, o)
	}
	return enTitle(g.r, p, o)
}

func (g *gen) popTitle(p *product) string { return pick(g.r, g.popular[p.SKU]) }

func (g *gen) prod(b *brand) *product {
	ps := brandProds[b.ID]
	// the first products of each brand sell most
	if g.r.IntN(3) == 0 {
		return ps[g.r.IntN(2)]
	}
	return ps[g.r.IntN(len(ps))]
}

func (g *gen) twinProd(b *brand) *product {
	var ps []*product
	for _, p := range brandProds[b.ID] {
		if p.twin != "" {
			ps = append(ps, p)
		}
	}
	return pick(g.r, ps)
}

func (g *gen) facts(b *brand) string { return facts(g.r, b.theme, g.zh()) }

func (g *gen) lineDesc(p *product) string {
	if g.zh() {
		return fmt.Sprintf("本链接为%s款（规格：%s），另一款请拍其他链接。", p.zhLine, pick(g.r, p.zhSpec))
	}
	return fmt.Sprintf("This listing is the %s version. ", p.enLine)
}

func (g *gen) line(p *product) string {
	if g.zh() {
		return p.zhLine
	}
	return p.enLine
}

func (g *gen) grey() *seller { return pick(g.r, g.sp.grey) }
func (g *gen) cf() *seller   { return pick(g.r, g.sp.cf) }
func (g *gen) auth(b *brand) *seller {
	return pick(g.r, registeredFor(g.site, b.ID, roleAuthorised))
}
func (g *gen) official(b *brand) *seller {
	return registeredFor(g.site, b.ID, roleOfficial)[0]
}

// photo helpers
func (g *gen) offImg(p *product) imgSpec { return imgSpec{kind: imOfficial, sku: p.SKU} }
func (g *gen) ownImg(p *product) imgSpec {
	return imgSpec{kind: imOwn, sku: p.SKU, seed: g.r.Uint64(), q: 70 + g.r.IntN(20)}
}
func (g *gen) knockImg(p *product) imgSpec {
	return imgSpec{kind: imKnock, sku: p.SKU, seed: g.r.Uint64(), q: 45 + g.r.IntN(30)}
}
func (g *gen) editImg(p *product, wm string) imgSpec {
	e := uint16(0)
	for e == 0 || (wm == "" && e&(eCrop|eBorder|eCanvas) == 0) {
		e = uint16(g.r.IntN(64)) & (eCrop | eBorder | eCanvas | eShift | eLowQ | eSticker)
	}
	if e&eBorder != 0 && e&eCanvas != 0 {
		e &^= eBorder
	}
	if wm != "" {
		e |= eWM
		if g.r.IntN(3) == 0 {
			e |= eWMTiled
		}
	}
	q := 82
	if e&eLowQ != 0 {
		q = 18 + g.r.IntN(18)
	}
	return imgSpec{kind: imEdited, sku: p.SKU, edits: e, wm: wm, seed: g.r.Uint64(), q: q}
}

func (g *gen) cfImgs(p *product, s *seller) []imgSpec {
	if g.r.IntN(10) < 7 {
		out := []imgSpec{g.editImg(p, s.wx)}
		if g.r.IntN(2) == 0 {
			out = append(out, g.knockImg(p))
		}
		return out
	}
	return []imgSpec{g.knockImg(p), g.knockImg(p)}
}

func (g *gen) plainImgs(p *product) []imgSpec {
	switch g.r.IntN(5) {
	case 0, 1:
		return []imgSpec{g.offImg(p)}
	case 2:
		return []imgSpec{g.offImg(p), g.ownImg(p)}
	case 3:
		return []imgSpec{g.editImg(p, "")}
	default:
		return []imgSpec{g.ownImg(p)}
	}
}

func (g *gen) make(b *brand, k kindSpec, i int) *listing {
	r := g.r
	zh := g.zh()
	l := &listing{sales: r.IntN(300)}
	l.label.Brand = b.ID
	var p *product
	setP := func(q *product) { p = q; l.label.SKU = q.SKU }
	switch k.code {
	// ---------------- counterfeit
	case "cf-title":
		setP(g.prod(b))
		l.seller = g.cf()
		var w string
		if zh {
			w = pick(r, zhCFTitle)
		} else {
			w = pick(r, enCFTitle)
		}
		l.title = g.title(p, topt{insert: []string{w}, front: r.IntN(3) == 0})
		l.price = g.cfPrice(p)
		l.imgs = g.cfImgs(p, l.seller)
		l.desc = g.cfSideDesc(b, l.seller)
		l.label.Why = fmt.Sprintf("counterfeit: unregistered shop, title says %q", w)
	case "cf-desc":
		setP(g.prod(b))
		l.seller = g.cf()
		l.title = g.popTitle(p)
		l.price = g.cfPrice(p)
		var d string
		if zh {
			d = pick(r, zhCFDesc)
		} else {
			d = pick(r, enCFDesc)
		}
		l.desc = g.facts(b) + d
		if !zh {
			l.desc = g.facts(b) + " " + d
		}
		if r.IntN(2) == 0 {
			l.imgs = []imgSpec{g.offImg(p)}
		} else {
			l.imgs = []imgSpec{g.editImg(p, "")}
		}
		l.label.Why = fmt.Sprintf("counterfeit: unregistered shop, description admits it: %q", d)
	case "cf-price":
		setP(g.prod(b))
		l.seller = g.cf()
		if r.IntN(3) == 0 {
			l.title = g.popTitle(p)
		} else {
			l.title = g.title(p, topt{})
		}
		l.price = priceIn(r, p.Price, 0.15, 0.42)
		l.imgs = []imgSpec{g.editImg(p, l.seller.wx)}
		if zh {
			l.desc = g.facts(b) + "加" + l.seller.wx + " 拿货更便宜，量大可谈。"
		} else {
			l.desc = g.facts(b) + " Wholesale welcome, contact " + l.seller.wx + "."
		}
		l.label.Why = fmt.Sprintf("counterfeit: unregistered shop at %s, %.0f%% of list %s (under half), official photos edited", money(l.price), 100*l.price/p.Price, money(p.Price))
	case "cf-alias":
		setP(g.prod(b))
		l.seller = g.cf()
		var w string
		if zh {
			w = pick(r, zhCFUnusual)
			if r.IntN(2) == 0 {
				l.title = zhTitle(r, p, topt{nick: true, insert: []string{w}})
			} else {
				l.title = enTitle(r, p, topt{bf: pick(r, []string{"VITALEAF", "LUMIYA", "PUREHOME"}[b.theme:b.theme+1]), insert: []string{w}})
			}
		} else {
			w = pick(r, enCFUnusual)
			if r.IntN(2) == 0 {
				l.title = enTitle(r, p, topt{nick: true, insert: []string{w}})
			} else {
				l.title = zhTitle(r, p, topt{insert: []string{w}})
			}
		}
		l.price = g.cfPrice(p)
		l.imgs = []imgSpec{g.knockImg(p)}
		l.desc = g.facts(b)
		l.label.Why = fmt.Sprintf("counterfeit: unregistered shop, product named by alias/other script, wording %q claims a copy or factory origin", w)
	case "cf-twin":
		setP(g.twinProd(b))
		l.seller = g.cf()
		var w string
		if zh {
			w = pick(r, append(zhCFTitle[:5:5], zhCFUnusual[:2]...))
		} else {
			w = pick(r, enCFTitle)
		}
		l.title = g.title(p, topt{hide: true, insert: []string{w}})
		l.price = g.cfPrice(p)
		l.imgs = []imgSpec{g.knockImg(p)}
		l.desc = g.lineDesc(p) + g.facts(b)
		l.label.Why = fmt.Sprintf("counterfeit: unregistered shop, title says %q; line %q only in description and photo", w, g.line(p))
	case "cf-spaced":
		setP(g.prod(b))
		l.seller = g.cf()
		var w string
		if zh {
			w = pick(r, zhCFSpaced)
		} else {
			w = pick(r, enCFSpaced)
		}
		l.title = g.title(p, topt{insert: []string{w}})
		l.price = g.cfPrice(p)
		l.imgs = g.cfImgs(p, l.seller)
		l.desc = g.cfSideDesc(b, l.seller)
		l.label.Why = fmt.Sprintf("counterfeit: unregistered shop, title says %q (a spaced or full-width counterfeit word)", w)

	// ---------------- code tampered
	case "ct-title", "ct-wording", "ct-desc", "ct-auth":
		setP(g.prod(b))
		l.seller = g.grey()
		if k.code == "ct-auth" {
			l.seller = g.auth(b)
		}
		var w string
		switch {
		case k.code == "ct-wording" && zh:
			w = pick(r, zhCTWording)
		case k.code == "ct-wording":
			w = pick(r, enCTWording)
		case zh:
			w = pick(r, zhCTTitle)
		default:
			w = pick(r, enCTTitle)
		}
		if k.code == "ct-desc" {
			if zh {
				w = pick(r, zhCTDesc)
			} else {
				w = pick(r, enCTDesc)
			}
			l.title = g.popTitle(p)
			l.desc = g.facts(b) + " " + w
		} else {
			l.title = g.title(p, topt{insert: []string{w}, front: r.IntN(4) == 0})
			l.desc = g.facts(b)
			if r.IntN(2) == 0 {
				if zh {
					l.desc += " " + pick(r, zhCTDesc)
				} else {
					l.desc += " " + pick(r, enCTDesc)
				}
			}
		}
		l.price = priceIn(r, p.Price, 0.6, 0.92)
		l.imgs = []imgSpec{g.offImg(p), {kind: imScratch, sku: p.SKU, seed: r.Uint64(), q: 70}}
		if r.IntN(3) == 0 {
			l.imgs = l.imgs[1:]
		}
		who := "unregistered shop"
		if k.code == "ct-auth" {
			who = "authorised seller"
		}
		l.label.Why = fmt.Sprintf("code_tampered: %s says the codes are removed: %q", who, w)

	// ---------------- price dumping
	case "pd-plain", "pd-close":
		setP(g.prod(b))
		l.seller = g.auth(b)
		l.title = g.pickTitle(p)
		if k.code == "pd-plain" {
			l.price = priceIn(r, p.Floor, 0.72, 0.92)
		} else {
			l.price = priceIn(r, p.Floor, 0.95, 0.99)
		}
		l.imgs = []imgSpec{g.offImg(p)}
		l.desc = g.authDesc(b)
		l.label.Why = fmt.Sprintf("price_dumping: authorised seller at %s, under the floor %s", money(l.price), money(p.Floor))
	case "pd-range":
		setP(g.prod(b))
		l.seller = g.auth(b)
		l.price = priceIn(r, p.Floor, 0.80, 0.95)
		l.high = roundPrice(r, p.Price*1.9)
		l.title = g.title(p, topt{})
		if zh {
			l.desc = fmt.Sprintf("单%s%s元，两%s装%s元。", p.zhUnit, money(l.price), p.zhUnit, money(l.high)) + g.authDesc(b)
		} else {
			l.desc = fmt.Sprintf("Single %s CN¥%s, twin pack CN¥%s. ", p.enUnit, money(l.price), money(l.high)) + g.authDesc(b)
		}
		l.imgs = []imgSpec{g.offImg(p)}
		l.ld = 4
		l.label.Why = fmt.Sprintf("price_dumping: authorised seller, one unit at %s (low end of the range) under the floor %s", money(l.price), money(p.Floor))
	case "pd-bundle", "auth-bundle", "official-bundle":
		setP(g.prod(b))
		n := 2 + r.IntN(2)
		var unit float64
		switch k.code {
		case "pd-bundle":
			l.seller = g.auth(b)
			unit = priceIn(r, p.Floor, 0.78, 0.93)
		case "auth-bundle":
			l.seller = g.auth(b)
			unit = priceIn(r, p.Floor, 1.0, p.Price/p.Floor)
		default:
			l.seller = g.official(b)
			unit = priceIn(r, p.Floor, 0.85, 0.97)
		}
		l.price = float64(int64(unit*float64(n)*100+0.5)) / 100
		unit = l.price / float64(n)
		if zh {
			l.title = zhTitle(r, p, topt{insert: []string{fmt.Sprintf("%d%s装", n, p.zhUnit)}, front: r.IntN(2) == 0})
			l.desc = fmt.Sprintf("本链接为%d%s组合装，共%d%s。", n, p.zhUnit, n, p.zhUnit)
		} else {
			bw := fmt.Sprintf("%d-Pack", n)
			if strings.Contains(p.enLine, "Pack") {
				bw = fmt.Sprintf("Bundle of %d", n)
			}
			l.title = enTitle(r, p, topt{insert: []string{bw}})
			l.desc = fmt.Sprintf("Bundle of %d %ss. ", n, p.enUnit)
		}
		l.imgs = []imgSpec{{kind: imBundle, sku: p.SKU, n: n, seed: r.Uint64(), q: 85}, g.offImg(p)}
		switch k.code {
		case "pd-bundle":
			l.desc += g.authDesc(b)
			l.label.Why = fmt.Sprintf("price_dumping: authorised seller, %d-pack at %s is %s a unit, under the floor %s", n, money(l.price), money(unit), money(p.Floor))
		case "auth-bundle":
			l.desc += g.authDesc(b)
			l.label.Why = fmt.Sprintf("not flagged: authorised seller, %d-pack at %s is %s a unit, not under the floor %s", n, money(l.price), money(unit), money(p.Floor))
		default:
			l.desc += g.officialDesc(b)
			l.label.Why = fmt.Sprintf("not flagged: official shop (%d-pack promotion); official shops are never flagged", n)
		}
	case "pd-net":
		setP(g.prod(b))
		l.seller = g.auth(b)
		l.title = g.pickTitle(p)
		l.price = p.Floor
		net := priceIn(r, p.Floor, 0.75, 0.9)
		d := float64(int64(p.Floor - net))
		net = p.Floor - d
		if zh {
			l.desc = fmt.Sprintf("领券立减%d元，券后到手价¥%s，限时。", int64(d), money(net)) + g.authDesc(b)
		} else {
			l.desc = fmt.Sprintf("Use code SAVE%d at checkout - final price CN¥%s. ", int64(d), money(net)) + g.authDesc(b)
		}
		l.imgs = []imgSpec{g.offImg(p)}
		l.label.Why = fmt.Sprintf("price_dumping: authorised seller shows the floor %s but advertises a net price of %s in the description", money(p.Floor), money(net))

	// ---------------- unauthorised
	case "ua-plain", "ua-grey":
		setP(g.prod(b))
		l.seller = g.grey()
		if r.IntN(5) == 0 {
			l.seller = g.cf() // counterfeit shops also carry genuine-looking listings
		}
		l.title = g.pickTitle(p)
		if k.code == "ua-plain" {
			l.price = priceIn(r, p.Price, 0.72, 1.08)
		} else {
			l.price = priceIn(r, p.Price, 0.55, 0.68)
		}
		if r.IntN(4) == 0 {
			l.high = roundPrice(r, l.price*1.95)
		}
		l.imgs = g.plainImgs(p)
		l.desc = g.greyDesc() + g.facts(b)
		l.label.Why = fmt.Sprintf("unauthorized_seller: unregistered shop, %s (%.0f%% of list), no counterfeit or code signals", money(l.price), 100*l.price/p.Price)
	case "ua-alias":
		setP(g.prod(b))
		l.seller = g.grey()
		if zh {
			if r.IntN(2) == 0 {
				l.title = zhTitle(r, p, topt{nick: true})
			} else {
				l.title = enTitle(r, p, topt{})
			}
		} else {
			if r.IntN(2) == 0 {
				l.title = enTitle(r, p, topt{nick: true})
			} else {
				l.title = zhTitle(r, p, topt{})
			}
		}
		l.price = priceIn(r, p.Price, 0.75, 1.05)
		l.imgs = g.plainImgs(p)
		l.desc = g.greyDesc() + g.facts(b)
		l.label.Why = "unauthorized_seller: unregistered shop, product named by alias/other script at a plausible price"
	case "ua-twin":
		setP(g.twinProd(b))
		l.seller = g.grey()
		l.title = g.title(p, topt{hide: true})
		l.price = priceIn(r, p.Price, 0.75, 1.0)
		l.imgs = []imgSpec{g.offImg(p)}
		l.desc = g.lineDesc(p) + g.greyDesc()
		l.label.Why = fmt.Sprintf("unauthorized_seller: unregistered shop; near-twin, line %q given only by description and photo", g.line(p))
	case "ua-negation":
		setP(g.prod(b))
		l.seller = g.grey()
		var w, d string
		if zh {
			w, d = pick(r, zhNegTitle), pick(r, zhNegDesc)
		} else {
			w, d = pick(r, enNegTitle), pick(r, enNegDesc)
		}
		l.title = g.title(p, topt{insert: []string{w}})
		l.price = priceIn(r, p.Price, 0.75, 1.02)
		l.imgs = g.plainImgs(p)
		l.desc = d + g.facts(b)
		if !zh {
			l.desc = d + " " + g.facts(b)
		}
		l.label.Why = fmt.Sprintf("unauthorized_seller: unregistered shop; %q denies, not admits, a fake or removed code", w)
	case "ua-impostor":
		setP(g.prod(b))
		l.seller = pick(r, g.sp.impostor[b.ID])
		l.title = g.pickTitle(p)
		l.price = priceIn(r, p.Price, 0.8, 1.0)
		l.imgs = []imgSpec{g.offImg(p)}
		if zh {
			l.desc = fmt.Sprintf("本店为%s官方授权店，正品保证。", pick(r, b.zhForms)) + g.facts(b)
		} else {
			l.desc = fmt.Sprintf("Official %s partner store. ", b.enForms[0]) + g.facts(b)
		}
		l.label.Why = fmt.Sprintf("unauthorized_seller: shop %q sounds official but is not registered in the catalogue", l.seller.name)

	// ---------------- defamation
	case "df-title", "df-rival", "df-desc":
		dt := defText[b.ID][g.site]
		l.label.SKU = ""
		switch k.code {
		case "df-title":
			t := dt.title[i%len(dt.title)]
			l.title, l.seller = t, pick(r, g.sp.media)
			l.price = float64(9+r.IntN(30)) + 0.9
			l.imgs = []imgSpec{{kind: imBook, text: dt.cover, seed: r.Uint64(), q: 80}}
			l.desc = dt.bookDesc
			l.label.Why = "defamation: the title itself attacks the brand (" + dt.term + ")"
		case "df-rival":
			l.title, l.seller = dt.rival, g.sp.rivals[b.theme]
			p0 := pick(r, brandProds[b.ID])
			l.price = priceIn(r, p0.Price, 0.3, 0.5)
			l.imgs = []imgSpec{{kind: imGeneric, lk: genericLook(r, p0), seed: r.Uint64(), q: 80}}
			l.desc = dt.rivalDesc
			l.label.Why = "defamation: a competitor's title attacks the brand (" + dt.term + ")"
		default:
			v := i % len(dt.descTitle)
			l.title, l.seller = dt.descTitle[v], g.sp.rivals[b.theme]
			p0 := pick(r, brandProds[b.ID])
			l.price = priceIn(r, p0.Price, 0.3, 0.5)
			l.imgs = []imgSpec{{kind: imGeneric, lk: genericLook(r, p0), seed: r.Uint64(), q: 80}}
			l.desc = dt.desc[v]
			l.label.Why = "defamation: the description attacks the brand (" + dt.term + ")"
		}

	// ---------------- hard negatives
	case "official":
		setP(brandProds[b.ID][i])
		l.seller = g.official(b)
		if !g.firstOff[p.SKU] {
			g.firstOff[p.SKU] = true
			l.title = g.popular[p.SKU][0] // the title everyone copies
		}
		if l.title == "" {
			l.title = g.title(p, topt{})
		}
		l.price = p.Price
		l.sales = 2000 + r.IntN(8000)
		l.imgs = []imgSpec{g.offImg(p), g.ownImg(p)}
		l.desc = g.officialDesc(b) + g.facts(b)
		l.label.Why = "not flagged: official shop of the brand at list price"
	case "official-clearance":
		setP(g.prod(b))
		l.seller = g.official(b)
		if zh {
			l.title = g.title(p, topt{insert: []string{pick(r, []string{"临期清仓", "清仓特价", "效期特惠"})}, front: true})
			l.desc = "临期清仓，保质期至2025年6月，介意慎拍。" + g.officialDesc(b)
		} else {
			l.title = g.title(p, topt{insert: []string{pick(r, []string{"Clearance", "Short-dated Sale", "Outlet Price"})}, front: true})
			l.desc = "Clearance: best before June 2025. " + g.officialDesc(b)
		}
		l.price = priceIn(r, p.Price, 0.5, 0.8)
		l.sales = 500 + r.IntN(3000)
		l.imgs = []imgSpec{g.offImg(p)}
		l.label.Why = fmt.Sprintf("not flagged: official shop clearance at %s; official shops are never flagged for price", money(l.price))
	case "auth", "auth-floor", "auth-range", "auth-twin", "auth-negwords":
		setP(g.prod(b))
		if k.code == "auth-twin" {
			setP(g.twinProd(b))
		}
		l.seller = g.auth(b)
		l.title = g.pickTitle(p)
		l.price = priceIn(r, p.Floor, 1.0, p.Price/p.Floor*1.04)
		l.imgs = g.plainImgs(p)
		l.desc = g.authDesc(b) + g.facts(b)
		l.label.Why = fmt.Sprintf("not flagged: authorised seller at %s, not under the floor %s", money(l.price), money(p.Floor))
		switch k.code {
		case "auth-floor":
			l.price = p.Floor
			l.label.Why = fmt.Sprintf("not flagged: authorised seller exactly at the floor %s", money(p.Floor))
		case "auth-range":
			l.high = roundPrice(r, p.Price*1.9)
			l.ld = 4
			l.label.Why = fmt.Sprintf("not flagged: authorised seller, range from %s, not under the floor %s", money(l.price), money(p.Floor))
		case "auth-twin":
			l.title = g.title(p, topt{hide: true})
			l.desc = g.lineDesc(p) + g.authDesc(b)
			l.imgs = []imgSpec{g.offImg(p)}
		case "auth-negwords":
			var w, d string
			if zh {
				w, d = pick(r, append(zhNegTitle, "拒绝智商税 选"+b.zhForms[0])), pick(r, zhNegDesc)
			} else {
				w, d = pick(r, append(enNegTitle, "No scams, just "+b.enForms[0])), pick(r, enNegDesc)
			}
			l.title = g.title(p, topt{insert: []string{w}})
			l.desc = d + g.authDesc(b)
			if !zh {
				l.desc = d + " " + g.authDesc(b)
			}
			l.label.Why = fmt.Sprintf("not flagged: authorised seller at %s; %q is a denial, not an admission", money(l.price), w)
		}
	case "lookalike":
		g.lookalike(l, b, i)
	case "accessory":
		g.accessory(l, b, i)
	case "generic":
		g.generic(l, b)
	case "secondhand":
		setP(g.prod(b))
		l.seller = g.sp.personal(g.site, r)
		if zh {
			l.title = pick(r, []string{"闲置 ", "自用闲置 ", "二手 ", "转让 "}) + zhName(p, b.zhForms[0], false) + " " + pick(r, []string{"全新未拆封 买多了", "用了一次 转", "自用转让 单件", "送的礼品 用不上"})
			l.desc = "个人闲置，只有一件，非商家，不退不换。"
		} else {
			l.title = pick(r, []string{"Unopened ", "Used once: ", "Personal sale - ", "Gift I never used: "}) + enName(p, b.enForms[0], false) + pick(r, []string{"", " (moving sale)", " - one only"})
			l.desc = "Personal item, I have just this one. Not a business. Local pickup or post."
		}
		l.price = priceIn(r, p.Price, 0.6, 0.88)
		l.imgs = []imgSpec{g.ownImg(p)}
		l.sales = r.IntN(3)
		l.label.Why = "not flagged: an individual reselling one item (personal resale is not a shop offering the product)"
	case "guide":
		p0 := g.prod(b)
		l.seller = pick(r, g.sp.media)
		if zh {
			l.title = pick(r, []string{
				fmt.Sprintf("如何辨别%s%s真假 高仿鉴别图解 教程", b.zhForms[0], p0.zhCore),
				fmt.Sprintf("%s真假对比 原单A货识别 防伪码查询 鉴定服务", b.zhForms[0]),
				fmt.Sprintf("%s 正品与假货区别 刮码货怎么看 课程", p0.zhNick),
			})
			l.desc = "本商品为鉴别教程/鉴定服务，不含实物。教你从罐底喷码、防伪标签识别高仿。"
		} else {
			l.title = pick(r, []string{
				fmt.Sprintf("How to Spot Fake %s %s - Replica vs Authentic Guide (eBook)", b.enForms[0], p0.enCore),
				fmt.Sprintf("Avoid %s Scams: Authentication Service for %s Products", b.enForms[0], b.enForms[0]),
				fmt.Sprintf("%s Real vs Fake: why a scratched batch code is a warning (PDF)", b.enForms[0]),
			})
			l.desc = "Digital guide / authentication service. No physical product is sold."
		}
		l.price = float64(9+r.IntN(40)) + 0.9
		l.imgs = []imgSpec{{kind: imCompare, sku: p0.SKU, seed: r.Uint64(), q: 80}}
		l.label.SKU = ""
		l.label.Why = "not flagged: a guide or authentication service; its red-flag words describe fakes, it sells none"
	case "review":
		p0 := g.prod(b)
		l.seller = pick(r, g.sp.media)
		if zh {
			l.title = pick(r, []string{
				fmt.Sprintf("%s%s 测评 真实使用报告 电子版", b.zhForms[0], p0.zhCore),
				fmt.Sprintf("营养师解读 %s 配料表分析 电子版", p0.zhNick),
				fmt.Sprintf("%s%s值不值得买 一个月实测报告", b.zhForms[0], p0.zhCore),
			})
			l.desc = "电子版测评报告，不含实物。"
		} else {
			l.title = pick(r, []string{
				fmt.Sprintf("Magazine Issue %d: %s %s Reviewed", 10+r.IntN(50), b.enForms[0], p0.enCore),
				fmt.Sprintf("%s %s tested against 5 rivals (digital issue)", b.enForms[0], p0.enCore),
			})
			l.desc = "A digital magazine issue with an independent review. No product included."
		}
		l.price = float64(1+r.IntN(20)) + 0.9
		l.imgs = []imgSpec{{kind: imBook, text: "REVIEW", seed: r.Uint64(), q: 80}, g.ownImg(p0)}
		l.label.Why = "not flagged: a review, not an offer of the product"
	case "wanted":
		p0 := g.prod(b)
		l.seller = pick(r, g.sp.recycler)
		l.title = pick(r, []string{
			fmt.Sprintf("高价回收%s全系列 %s 求购", b.zhForms[0], p0.zhCore),
			fmt.Sprintf("求购 %s%s 大量收 闲置回收", b.zhForms[0], p0.zhCore),
			fmt.Sprintf("回收%s产品 上门回收 %s", b.zhForms[0], p0.zhNick),
		})
		l.price = pick(r, []float64{1, 0.01, 1})
		l.desc = "本店收购，不出售。拍下不发货，请先联系客服报价。"
		l.imgs = []imgSpec{{kind: imWanted, text: "WE BUY", seed: r.Uint64(), q: 80}}
		l.label.Why = "not flagged: a buy-back (求购/回收) notice; no product is offered"
	case "dupe":
		g.dupe(l, b, i)
	default:
		panic("unknown kind " + k.code)
	}
	return l
}

func (g *gen) pickTitle(p *product) string {
	if g.r.IntN(5) < 3 {
		return g.popTitle(p)
	}
	return g.title(p, topt{})
}

func (g *gen) cfPrice(p *product) float64 {
	if g.r.IntN(2) == 0 {
		return priceIn(g.r, p.Price, 0.2, 0.45)
	}
	return priceIn(g.r, p.Price, 0.6, 0.95)
}

func (g *gen) cfSideDesc(b *brand, s *seller) string {
	if g.zh() {
		return g.facts(b) + pick(g.r, []string{"", "支持一件代发。", "微商同款，量大从优。", "有意加" + s.wx})
	}
	return g.facts(b) + pick(g.r, []string{"", " Dropshipping available.", " Contact " + s.wx + " for wholesale."})
}

func (g *gen) authDesc(b *brand) string {
	if g.zh() {
		return fmt.Sprintf(pick(g.r, zhAuthDesc), b.zhForms[0])
	}
	return fmt.Sprintf(pick(g.r, enAuthDesc), b.enForms[0]) + " "
}

func (g *gen) officialDesc(b *brand) string {
	if g.zh() {
		return b.zhForms[0] + "官方旗舰店，品牌直营，每件商品均带防伪码，可扫码验真。"
	}
	return "Sold by the official " + b.enForms[0] + " store. Every item carries a scannable authenticity code. "
}

func (g *gen) greyDesc() string {
	if g.zh() {
		return pick(g.r, zhGreyDesc)
	}
	d := pick(g.r, enGreyDesc)
	if d != "" {
		d += " "
	}
	return d
}

// finish assigns ids, slugs, paths, price text and JSON-LD shape.
func (g *gen) finish(l *listing) {
	r := g.r
	l.site = g.site
	for {
		var n uint64
		if g.site == siteA {
			n = 600000000000 + r.Uint64N(99999999999)
		} else {
			n = 100000 + r.Uint64N(8999999)
		}
		if !g.nums[n] {
			g.nums[n] = true
			l.num = n
			break
		}
	}
	if g.site == siteA {
		l.slug = hanSlug(l.title)
		l.path = fmt.Sprintf("/p/%d/%s", l.num, escSlug(l.slug))
		if l.priceTxt == "" {
			l.priceTxt = priceTextA(r, l.price, l.high)
		}
		if r.IntN(3) == 0 && l.high == 0 {
			l.orig = roundPrice(r, l.price*(1.2+r.Float64()*0.6))
		}
	} else {
		base := slugify(l.title)
		if base == "" {
			base = "item"
		}
		l.slug = base
		for n := 1; g.slugs[l.slug] > 0; n++ {
			l.slug = fmt.Sprintf("%s-%d", base, n)
		}
		g.slugs[l.slug]++
		l.path = "/products/" + l.slug
		if l.ld == 0 {
			g.ldCycle++
			l.ld = []int{0, 1, 2, 3, 0, 1, 2, 5}[g.ldCycle%8]
		}
		if l.ld == 3 && l.high == 0 {
			l.high = roundPrice(r, l.price*1.9)
		}
		if l.ld != 3 && l.ld != 4 {
			l.high = 0
		}
		if r.IntN(9) == 0 {
			l.variant = fmt.Sprintf("%d", 40000000000+r.Uint64N(9999999999))
		}
		if r.IntN(25) == 0 && !strings.HasPrefix(l.kind, "official") {
			l.oos = true
		}
	}
	if l.seller.role == roleOfficial && l.label.Flagged {
		panic("official shop flagged: " + l.kind)
	}
	l.label.Site = siteNames[g.site]
	l.label.Path = l.path
	g.ls = append(g.ls, l)
}
