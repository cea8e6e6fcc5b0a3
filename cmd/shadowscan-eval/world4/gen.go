package world4

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// gen makes listings of one brand on one site.
type gen struct {
	r    *rand.Rand
	site string
	b    *brand
}

func (g *gen) a() bool { return g.site == siteA }

func (g *gen) shops() []*shop {
	if g.a() {
		return shopsA
	}
	return shopsB
}

// shopOf picks a shop of a kind; for official and authorised shops, one of this brand's.
func (g *gen) shopOf(kind int) *shop {
	var c []*shop
	for _, s := range g.shops() {
		if s.kind != kind {
			continue
		}
		if (kind == shOfficial || kind == shAuthorised) && !contains(s.brands, g.b.ID) {
			continue
		}
		c = append(c, s)
	}
	return pick(g.r, c)
}

// shopNamed picks among shops of kind shOther whose name contains one of the words.
func (g *gen) shopNamed(words ...string) *shop {
	var c []*shop
	for _, s := range g.shops() {
		if s.kind != shOther {
			continue
		}
		for _, w := range words {
			if strings.Contains(s.name, w) || strings.Contains(s.id, w) {
				c = append(c, s)
				break
			}
		}
	}
	if len(c) == 0 {
		panic("no shop named " + strings.Join(words, ","))
	}
	return pick(g.r, c)
}

// unauthShop is a business seller that is neither official nor authorised for the brand.
func (g *gen) unauthShop(fakeBias float64) *shop {
	if chance(g.r, fakeBias) {
		return g.shopOf(shFake)
	}
	return g.shopOf(shReseller)
}

func (g *gen) product() *product { return pick(g.r, g.b.Products) }

func (g *gen) twinProduct() *product {
	var c []*product
	for _, p := range g.b.Products {
		if p.twin != "" {
			c = append(c, p)
		}
	}
	return pick(g.r, c)
}

func (g *gen) newListing(s *shop, p *product, kind, variant string, hard bool) *listing {
	l := &listing{site: g.site, shop: s, kind: kind, variant: variant, hard: hard, currency: s.currency, brand: g.b.ID}
	if p != nil {
		l.sku = p.SKU
	}
	l.sales = g.r.IntN(5000)
	if s.kind == shOfficial {
		l.sales += 20000
	}
	return l
}

// setPrice sets the unit price from a CNY amount, in the shop's currency.
func (g *gen) setPrice(l *listing, cny float64) {
	l.price = roundPrice(g.r, cny, l.currency)
	l.priceFmt = g.r.IntN(10)
}

func (g *gen) setRange(l *listing, hiFactor float64) {
	l.priceHi = roundPrice(g.r, cnyOf(l.price, l.currency)*hiFactor, l.currency)
}

func money(v float64, cur string) string {
	switch cur {
	case "USD":
		return fmt.Sprintf("US$%.2f", v)
	case "HKD":
		return fmt.Sprintf("HK$%.2f", v)
	}
	return fmt.Sprintf("¥%.2f", v)
}

// ---- text pieces ----

var rfTitleA = []string{"原单", "高仿", "工厂直供", "尾单", "1:1", "精仿", "A货", "复刻版", "工厂货", "原厂尾单"}
var rfUnusualA = []string{"一比一", "1比1", "原厂代工 同厂同料", "代工厂流出", "厂货 非专柜", "高 仿", "原.单", "gao仿", "1：1精品", "跟专柜同一流水线"}
var rfDescA = []string{
	"本店货源为品牌代工厂直供，与专柜同一条生产线，只是没走专柜渠道，所以价格便宜。",
	"厂家尾单，数量有限，卖完即止，不支持专柜验货，介意勿拍。",
	"非专柜货，一比一复刻，效果和正品差不多，追求百分百正品的亲请绕道。",
	"工厂货，包装和正品一模一样，品质放心，回头客很多。",
	"原单货，外贸出口转内销，无中文标签。",
	"支持和专柜对比，高仿级别最高版本，懂的来。",
}
var rfTradA = []string{"原單", "高仿", "工廠直供", "尾單", "1:1 精仿"}

var rfTitleB = []string{"Replica", "1:1", "Factory Direct", "OEM", "AAA Quality", "Mirror Quality", "Same Factory", "Factory Surplus", "Tail Goods"}
var rfUnusualB = []string{"First Copy", "Top Grade Copy", "Original Factory Overrun", "Unbranded Batch Same Formula", "Mirror 1-1", "Super Copy", "OEM Leftover Stock"}
var rfDescB = []string{
	"Made in the same OEM factory as the counter product, sold without the brand's distribution markup.",
	"Factory surplus stock. Not sold through official counters; no returns for authenticity checks.",
	"1:1 mirror quality - nobody can tell the difference from the counter version.",
	"This is a high-quality replica of the original. Same packaging, same scent.",
	"工厂直供，和专柜同款同料。Wholesale price for resellers.",
}

var codeTitleA = []string{"刮码", "撕码", "剪码", "无码", "已刮码", "刮码特价", "专柜撕码货", "剪码货"}
var codeDescA = []string{
	"因渠道原因，外盒及瓶身防伪码已刮掉，保证正品，介意慎拍。",
	"专柜撕码货，条码已撕，不影响使用，品质和专柜一样。",
	"外盒条码已剪，内瓶批号已处理，介意勿拍。",
	"无防伪码，无批次号，会员渠道出货，价格便宜。",
	"喷码已去除，不支持扫码查询，正品放心。",
}
var codeUnusualA = []string{"批号已处理 介意慎拍", "喷码已去", "码已处理", "无批次号", "防伪码已刮"}
var codeParamsA = [][2]string{{"防伪码", "已刮除"}, {"批次号", "已处理（渠道原因）"}, {"条形码", "已剪"}}

var codeTitleB = []string{"(Batch Code Removed)", "Code Scratched", "No Batch Code", "刮碼版", "Code-Cut Parallel Stock"}
var codeDescB = []string{
	"Batch codes have been removed for channel reasons; 100% genuine product.",
	"The anti-counterfeit sticker and batch number were scratched off by the distributor. Genuine goods.",
	"外盒碼已刮，不支持驗證。Authentic, parallel import.",
	"Barcode on the outer box has been cut off. Contents sealed and genuine.",
}

func (g *gen) nameA(p *product) string { return p.b.CN + cnFull(p) }

func (g *gen) nameB(p *product) string { return enFull(p) }

func (g *gen) descA(p *product, extra ...string) []string {
	d := []string{cnIntro(p)}
	d = append(d, extra...)
	d = append(d, pick(g.r, shipCN))
	return d
}

func (g *gen) descB(p *product, extra ...string) []string {
	d := []string{enIntro(p)}
	d = append(d, extra...)
	d = append(d, pick(g.r, shipEN))
	return d
}

func (g *gen) paramsA(p *product, l *listing) [][2]string {
	ps := [][2]string{{"商品名称", p.b.CN + cnFull(p)}, {"品牌", p.b.CN + "（" + p.b.EN + "）"}, {"规格", p.spec}}
	ps = append(ps, [2]string{"产地", pick(g.r, []string{"中国大陆", "广东广州", "上海", "江苏苏州"})})
	ps = append(ps, [2]string{"保质期", pick(g.r, []string{"24个月", "36个月", "18个月"})})
	return ps
}

// ---- official shops ----

func (g *gen) official(variant string) *listing {
	p := g.product()
	s := g.shopOf(shOfficial)
	l := g.newListing(s, p, kOfficial, variant, variant != "normal")
	l.why = "R0: sold by the brand's own official shop (" + s.name + "); official shops are never flagged"
	switch variant {
	case "normal":
		g.setPrice(l, p.Price*pick(g.r, []float64{1, 1, 1, 0.95, 0.92, 0.98}))
		if chance(g.r, 0.15) {
			g.setRange(l, 2.7)
		}
		if g.a() {
			l.title = pick(g.r, []string{
				officialTitleA(p), officialTitleA(p),
				fmt.Sprintf("【官方正品】%s%s %s 新日期", g.nameA(p), p.spec, stuffing(p, g.r, 2)),
				fmt.Sprintf("%s（%s）%s %s %s 正品保障 顺丰包邮", p.b.CN, p.b.EN, cnFull(p), p.spec, stuffing(p, g.r, 2)),
				fmt.Sprintf("%s %s %s 品牌直营 买2享95折", g.nameA(p), p.spec, stuffing(p, g.r, 2)),
			})
			l.desc = g.descA(p, "本店为"+p.b.CN+"品牌官方旗舰店，所有商品均由品牌方直接供货，每件商品附防伪码，可扫码验真。")
			l.delPrice = p.Price * 1.2
		} else {
			l.title = pick(g.r, []string{
				g.nameB(p) + " | " + g.nameA(p),
				g.nameB(p) + " - Official Store",
				fmt.Sprintf("【Official】%s%s %s %s", p.b.TW, p.twCore, p.spec, p.b.EN),
			})
			l.desc = g.descB(p, "Sold and shipped by the brand's official store. Every pack carries a scannable authenticity code.")
		}
	case "clearance":
		g.setPrice(l, p.Price*between(g.r, 0.38, 0.7))
		if g.a() {
			l.title = pick(g.r, []string{
				fmt.Sprintf("【临期清仓】%s %s 效期至2025年%d月 介意慎拍", g.nameA(p), p.spec, 3+g.r.IntN(8)),
				fmt.Sprintf("%s%s 外盒轻微破损 清仓特价 官方正品", g.nameA(p), p.spec),
			})
			l.desc = g.descA(p, "官方旗舰店清仓：临期或外包装轻微瑕疵，品质不受影响，售出不退不换。")
		} else {
			l.title = g.nameB(p) + " - Clearance (short expiry)"
			l.desc = g.descB(p, "Official clearance: best before within 6 months or slightly dented box. Final sale.")
		}
		l.why += " (clearance below the floor is the brand's own decision)"
	case "antifake":
		g.setPrice(l, p.Price)
		if g.a() {
			if p.b.ID == "silkdew" {
				l.title = fmt.Sprintf("%s %s 不含激素 孕妇敏感肌可用 官方正品", g.nameA(p), p.spec)
			} else {
				l.title = fmt.Sprintf("%s %s 官方正品 扫码验真 谨防假冒", g.nameA(p), p.spec)
			}
			l.desc = g.descA(p, "近期发现市场上有高仿产品及刮码产品流通，请认准官方渠道购买，收到货后可扫描瓶身防伪码验证真伪。")
		} else {
			l.title = g.nameB(p) + " - Official, verify your code"
			l.desc = g.descB(p, "Beware of replicas and packs with scratched batch codes sold by third parties. Buy only from the official store.")
		}
		l.why += " (its warning text about fakes and scratched codes is not a signal)"
	}
	l.photos = []photo{officialPhoto(p), lifestylePhoto(p)}
	return l
}

// ---- authorised sellers ----

func (g *gen) authorised(variant string) *listing {
	p := g.product()
	s := g.shopOf(shAuthorised)
	l := g.newListing(s, p, kAuthorised, variant, variant != "normal" || s.currency != "CNY")
	switch variant {
	case "floor":
		// exactly the floor in CNY; in a foreign currency the first whole amount at or above it
		l.price = math.Ceil(p.Min/cnyPer[l.currency] - 1e-9)
		l.priceFmt = g.r.IntN(10)
	default:
		g.setPrice(l, between(g.r, p.Min*1.01, p.Price*1.03))
		for cnyOf(l.price, l.currency) < p.Min {
			l.price += 1
		}
	}
	if g.a() {
		switch variant {
		case "warn":
			l.title = fmt.Sprintf("%s %s 授权经销 非刮码 假一赔十", g.nameA(p), p.spec)
			l.desc = g.descA(p, "本店为"+p.b.CN+"品牌授权经销商，授权书可查。拒绝高仿、拒绝刮码货，假一赔十。")
		default:
			l.title = pick(g.r, []string{
				officialTitleA(p),
				fmt.Sprintf("%s %s %s 授权正品 专营店", g.nameA(p), p.spec, stuffing(p, g.r, 2)),
				fmt.Sprintf("%s%s 正品保证 %s", g.nameA(p), p.spec, stuffing(p, g.r, 3)),
			})
			l.desc = g.descA(p, "品牌授权专营店，正品保障，支持扫码验真。")
		}
	} else {
		switch variant {
		case "warn":
			l.title = g.nameB(p) + " - Authorized Retailer, no replicas"
			l.desc = g.descB(p, "We are an authorized retailer. No replicas, no scratched codes - ever.")
		default:
			l.title = pick(g.r, []string{
				g.nameB(p) + " (Authorized Retailer)",
				g.nameB(p) + " 正品 授權經銷",
				fmt.Sprintf("%s %s | %s%s", p.b.EN, enNoBrand(p), p.b.TW, p.twCore),
			})
			l.desc = g.descB(p, "Authorized retailer. Genuine stock with intact batch codes.")
		}
	}
	l.why = fmt.Sprintf("N1: authorised seller %s at %s (≈¥%.2f), not under the floor ¥%.2f", s.name, money(l.price, l.currency), cnyOf(l.price, l.currency), p.Min)
	l.photos = []photo{officialPhoto(p)}
	if chance(g.r, 0.4) {
		l.photos = append(l.photos, lifestylePhoto(p))
	}
	if chance(g.r, 0.3) {
		l.photos[0] = editedPhoto(p, g.r, false)
	}
	return l
}

func (g *gen) dumping(variant string) *listing {
	p := g.product()
	s := g.shopOf(shAuthorised)
	l := g.newListing(s, p, kDumping, variant, variant != "plain" || s.currency != "CNY")
	g.setPrice(l, p.Min*between(g.r, 0.70, 0.93))
	if g.a() {
		switch variant {
		case "copied":
			l.title = officialTitleA(p)
			l.desc = g.descA(p, "品牌授权专营店，正品保障。")
		case "range":
			l.title = fmt.Sprintf("%s %s 1件/3件装 %s 授权正品", g.nameA(p), p.spec, stuffing(p, g.r, 2))
			g.setRange(l, 2.6)
			l.desc = g.descA(p, "单件与三件装可选，三件装更划算。")
		default:
			l.title = fmt.Sprintf("%s %s 限时特价 %s 正品", g.nameA(p), p.spec, stuffing(p, g.r, 2))
			l.desc = g.descA(p, "授权经销商，清库存特价，数量有限，先到先得。")
		}
	} else {
		switch variant {
		case "copied":
			l.title = g.nameB(p) + " (Authorized Retailer)"
			l.desc = g.descB(p, "Authorized retailer. Genuine stock.")
		case "range":
			l.title = g.nameB(p) + " - 1 or 3 packs"
			g.setRange(l, 2.6)
			l.desc = g.descB(p, "Single pack or value 3-pack.")
		default:
			l.title = g.nameB(p) + " - Limited Time Deal 限時特價"
			l.desc = g.descB(p, "Stock clearance at a special price while supplies last.")
		}
	}
	l.why = fmt.Sprintf("R3: authorised seller %s at %s (≈¥%.2f), under the floor ¥%.2f", s.name, money(l.price, l.currency), cnyOf(l.price, l.currency), p.Min)
	l.photos = []photo{officialPhoto(p)}
	return l
}

// ---- counterfeit ----

func (g *gen) counterfeit(variant string) *listing {
	p := g.product()
	if variant == "twin" {
		p = g.twinProduct()
	}
	s := g.unauthShop(0.8)
	l := g.newListing(s, p, kCounterfeit, variant, variant != "title")
	lo, hi := 0.22, 0.6
	var signal string
	if g.a() {
		switch variant {
		case "title":
			w := pick(g.r, rfTitleA)
			signal = "counterfeit wording 「" + w + "」 in the title"
			l.title = pick(g.r, []string{
				fmt.Sprintf("%s %s %s %s 批发价", g.nameA(p), p.spec, w, stuffing(p, g.r, 2)),
				fmt.Sprintf("%s%s%s %s 包邮", w, g.nameA(p), p.spec, stuffing(p, g.r, 1)),
				fmt.Sprintf("%s %s %s %s", stuffing(p, g.r, 1), g.nameA(p), w, p.spec),
			})
			l.desc = g.descA(p)
		case "desc":
			d := pick(g.r, rfDescA)
			signal = "counterfeit statement in the description only: 「" + d + "」"
			l.title = pick(g.r, []string{officialTitleA(p), fmt.Sprintf("%s %s 正品 %s 包邮", g.nameA(p), p.spec, stuffing(p, g.r, 2))})
			l.desc = g.descA(p, d)
			lo, hi = 0.3, 0.8
		case "price":
			signal = "price far under list with reused, edited official photos"
			l.title = pick(g.r, []string{officialTitleA(p), fmt.Sprintf("%s%s %s 特价清仓", g.nameA(p), p.spec, stuffing(p, g.r, 2))})
			l.desc = g.descA(p, "特价冲量，拍下秒发。")
			lo, hi = 0.18, 0.40
		case "unusual":
			w := pick(g.r, rfUnusualA)
			signal = "counterfeit wording in unusual form 「" + w + "」"
			l.title = fmt.Sprintf("%s%s %s %s", g.nameA(p), p.spec, w, stuffing(p, g.r, 2))
			l.desc = g.descA(p)
			lo, hi = 0.25, 0.7
		case "script":
			w := pick(g.r, rfTradA)
			signal = "counterfeit wording 「" + w + "」 in a traditional-Chinese title"
			l.title = fmt.Sprintf("%s%s %s %s 香港版", p.b.TW, p.twCore, p.spec, w)
			l.desc = g.descA(p)
		case "twin":
			w := pick(g.r, rfTitleA)
			vc, _ := vague(p)
			signal = "counterfeit wording 「" + w + "」; the title does not name the line, the photo shows " + p.SKU
			l.title = fmt.Sprintf("%s%s %s %s %s", p.b.CN, vc, p.spec, w, stuffing(p, g.r, 1))
			l.desc = []string{fmt.Sprintf("%s%s，%s，图片为实物。", p.b.CN, vc, p.spec), pick(g.r, shipCN)}
		}
		l.params = g.paramsA(p, l)
		if variant == "twin" {
			vc, _ := vague(p)
			l.params[0][1] = p.b.CN + vc
		}
	} else {
		switch variant {
		case "title":
			w := pick(g.r, rfTitleB)
			signal = "counterfeit wording \"" + w + "\" in the title"
			l.title = pick(g.r, []string{g.nameB(p) + " " + w, w + " " + g.nameB(p) + " Wholesale", g.nameB(p) + " - " + w + " | " + g.nameA(p)})
			l.desc = g.descB(p)
		case "desc":
			d := pick(g.r, rfDescB)
			signal = "counterfeit statement in the description only: \"" + d + "\""
			l.title = pick(g.r, []string{g.nameB(p) + " | Free Shipping", g.nameB(p) + " " + g.nameA(p)})
			l.desc = g.descB(p, d)
			lo, hi = 0.3, 0.8
		case "price":
			signal = "price far under list with reused, edited official photos"
			l.title = g.nameB(p) + " Hot Sale"
			l.desc = g.descB(p)
			lo, hi = 0.18, 0.40
		case "unusual":
			w := pick(g.r, rfUnusualB)
			signal = "counterfeit wording in unusual form \"" + w + "\""
			l.title = g.nameB(p) + " - " + w
			l.desc = g.descB(p)
			lo, hi = 0.25, 0.7
		case "script":
			if chance(g.r, 0.5) {
				w := pick(g.r, rfTradA)
				signal = "counterfeit wording 「" + w + "」 in a traditional-Chinese title"
				l.title = fmt.Sprintf("%s%s %s %s", p.b.TW, p.twCore, p.spec, w)
			} else {
				w := pick(g.r, rfTitleA)
				signal = "counterfeit wording 「" + w + "」 in a Chinese title"
				l.title = fmt.Sprintf("%s %s %s", g.nameA(p), p.spec, w)
			}
			l.desc = g.descB(p)
		case "twin":
			w := pick(g.r, rfTitleB)
			_, ve := vague(p)
			signal = "counterfeit wording \"" + w + "\"; the title does not name the line, the photo shows " + p.SKU
			l.title = fmt.Sprintf("%s %s %s %s", p.b.EN, ve, p.enSpec, w)
			l.desc = []string{fmt.Sprintf("%s %s %s. Photo shows the actual item.", p.b.EN, ve, p.enSpec), pick(g.r, shipEN)}
		}
	}
	g.setPrice(l, p.Price*between(g.r, lo, hi))
	if variant == "twin" || variant == "price" || chance(g.r, 0.6) {
		l.photos = []photo{editedPhoto(p, g.r, true)}
		if chance(g.r, 0.4) {
			l.photos = append(l.photos, ownPhoto(p, g.r))
		}
	} else {
		l.photos = []photo{ownPhoto(p, g.r), ownPhoto(p, g.r)}
	}
	if variant == "twin" {
		// keep the line's colour and name readable
		l.photos[0].ed.crop = [4]float64{0.04, 0.03, 0.04, 0.03}
		l.photos[0].ed.sat = 0
	}
	if !g.a() && chance(g.r, 0.1) {
		l.oos = true
	}
	l.why = fmt.Sprintf("R1: %s is neither official nor authorised; %s (%s ≈ %.0f%% of list)", s.name, signal, money(l.price, l.currency), 100*cnyOf(l.price, l.currency)/p.Price)
	return l
}

// ---- code tampered ----

func (g *gen) code(variant string) *listing {
	p := g.product()
	var s *shop
	if variant == "authorised" {
		s = g.shopOf(shAuthorised)
	} else {
		s = g.unauthShop(0.3)
	}
	l := g.newListing(s, p, kCode, variant, variant != "title")
	var signal string
	if g.a() {
		switch variant {
		case "title", "authorised":
			w := pick(g.r, codeTitleA)
			signal = "「" + w + "」 in the title"
			l.title = pick(g.r, []string{
				fmt.Sprintf("%s %s %s 正品 %s 特价", g.nameA(p), p.spec, w, stuffing(p, g.r, 1)),
				fmt.Sprintf("%s%s%s %s", w, g.nameA(p), p.spec, stuffing(p, g.r, 2)),
			})
			l.desc = g.descA(p)
		case "desc":
			d := pick(g.r, codeDescA)
			signal = "codes removed, said only in the description: 「" + d + "」"
			l.title = fmt.Sprintf("%s %s 正品 %s 清仓", g.nameA(p), p.spec, stuffing(p, g.r, 2))
			l.desc = g.descA(p, d)
		case "param":
			kv := pick(g.r, codeParamsA)
			signal = "the specification table says " + kv[0] + "：" + kv[1]
			l.title = fmt.Sprintf("%s%s %s 正品特价", g.nameA(p), p.spec, stuffing(p, g.r, 2))
			l.desc = g.descA(p, "正品保证，介意请看参数再拍。")
		case "unusual":
			w := pick(g.r, codeUnusualA)
			signal = "codes removed in unusual wording 「" + w + "」"
			l.title = fmt.Sprintf("%s%s %s %s", g.nameA(p), p.spec, stuffing(p, g.r, 1), w)
			l.desc = g.descA(p)
		}
		l.params = g.paramsA(p, l)
		if variant == "param" {
			kv := pick(g.r, codeParamsA)
			l.params = append(l.params, kv)
			signal = "the specification table says " + kv[0] + "：" + kv[1]
		}
	} else {
		switch variant {
		case "title", "authorised":
			w := pick(g.r, codeTitleB)
			signal = "\"" + w + "\" in the title"
			l.title = g.nameB(p) + " " + w
			l.desc = g.descB(p)
		case "desc", "param":
			d := pick(g.r, codeDescB)
			signal = "codes removed, said only in the description: \"" + d + "\""
			l.title = g.nameB(p) + " - Parallel Import"
			l.desc = g.descB(p, d)
		case "unusual":
			w := pick(g.r, []string{"anti-fake label peeled", "lot no. erased", "batch no. blacked out"})
			signal = "codes removed in unusual wording \"" + w + "\""
			l.title = g.nameB(p) + " (" + w + ")"
			l.desc = g.descB(p)
		}
	}
	g.setPrice(l, p.Price*between(g.r, 0.62, 0.88))
	if chance(g.r, 0.5) {
		l.photos = []photo{ownPhoto(p, g.r)}
	} else {
		l.photos = []photo{editedPhoto(p, g.r, false)}
	}
	who := s.name + " is neither official nor authorised"
	if variant == "authorised" {
		who = s.name + " is an authorised seller (code removal outranks its price)"
	}
	l.why = "R2: " + who + "; batch/anti-counterfeit codes removed: " + signal
	return l
}

// ---- unauthorised sellers ----

func (g *gen) unauthorized(variant string) *listing {
	p := g.product()
	var s *shop
	switch variant {
	case "cross":
		var c []*shop
		for _, x := range g.shops() {
			if x.kind == shAuthorised && !contains(x.brands, g.b.ID) {
				c = append(c, x)
			}
		}
		s = pick(g.r, c)
	default:
		s = g.unauthShop(0.15)
	}
	l := g.newListing(s, p, kUnauthorized, variant, variant != "daigou" && variant != "internal")
	lo, hi := 0.75, 1.0
	if g.a() {
		switch variant {
		case "copied":
			l.title = officialTitleA(p)
			l.desc = g.descA(p, "正品保证，会员渠道拿货，价格实惠。")
		case "daigou":
			l.title = fmt.Sprintf("香港代购 %s %s 现货 %s", g.nameA(p), p.spec, stuffing(p, g.r, 1))
			l.desc = g.descA(p, "香港专柜购入，小票可查，代购需要时间请耐心等待。")
			lo, hi = 0.95, 1.25
		case "internal":
			l.title = fmt.Sprintf("%s%s 会员内部价 正品 %s", g.nameA(p), p.spec, stuffing(p, g.r, 2))
			l.desc = g.descA(p, "家人是会员，内部渠道拿货，比官网便宜。")
			lo, hi = 0.7, 0.9
		case "intact":
			l.title = fmt.Sprintf("%s %s 不刮码不撕码 可扫码验真 正品", g.nameA(p), p.spec)
			l.desc = g.descA(p, "本店所有商品防伪码完整，不刮码，不撕码，支持扫码验真。")
			lo, hi = 0.8, 0.95
		case "cross":
			l.title = fmt.Sprintf("%s %s 正品 %s 专营店直发", g.nameA(p), p.spec, stuffing(p, g.r, 2))
			l.desc = g.descA(p, "专营店直发，正品保障。")
		case "trad":
			l.title = pick(g.r, []string{
				fmt.Sprintf("%s%s %s 香港代購 正品", p.b.TW, p.twCore, p.spec),
				fmt.Sprintf("%s %s %s 正品代购", p.b.EN, p.enCore+" "+p.enLine, p.enSpec),
			})
			l.desc = g.descA(p, "港版正品，假一赔十。")
			lo, hi = 0.85, 1.1
		case "warn":
			l.title = fmt.Sprintf("%s %s 正品 拒绝高仿 假一赔十", g.nameA(p), p.spec)
			l.desc = g.descA(p, "只卖正品，拒绝高仿和工厂货，支持专柜验货。")
			lo, hi = 0.8, 1.0
		case "nobrand":
			l.title = fmt.Sprintf("%s %s %s 会员渠道 正品", cnFull(p), p.spec, stuffing(p, g.r, 2))
			l.desc = []string{fmt.Sprintf("%s，%s，会员渠道正品，图片为品牌官方图。", cnFull(p), p.spec), pick(g.r, shipCN)}
		}
		l.params = g.paramsA(p, l)
	} else {
		switch variant {
		case "copied":
			l.title = g.nameB(p) + " | " + g.nameA(p)
			l.desc = g.descB(p, "Genuine, sourced from the member channel.")
		case "daigou":
			l.title = g.nameB(p) + " - HK Stock Authentic"
			l.desc = g.descB(p, "Bought at Hong Kong counters, receipt available.")
			lo, hi = 0.95, 1.25
		case "internal":
			l.title = g.nameB(p) + " Genuine, member price"
			l.desc = g.descB(p, "Sourced through a member; cheaper than the official site.")
			lo, hi = 0.7, 0.9
		case "intact":
			l.title = g.nameB(p) + " Authentic, codes intact (not scratched)"
			l.desc = g.descB(p, "All batch codes intact - never scratched or cut. Verify on the brand's site.")
			lo, hi = 0.8, 0.95
		case "cross":
			l.title = g.nameB(p) + " - Authentic"
			l.desc = g.descB(p, "Genuine stock from our Hong Kong warehouse.")
		case "trad":
			l.title = fmt.Sprintf("%s%s %s 香港行貨 正品", p.b.TW, p.twCore, p.spec)
			l.desc = g.descB(p, "港版行貨。")
			lo, hi = 0.85, 1.1
		case "warn":
			l.title = g.nameB(p) + " - No fakes, 100% authentic"
			l.desc = g.descB(p, "We never sell replicas or factory copies. Authenticity guaranteed.")
			lo, hi = 0.8, 1.0
		case "nobrand":
			l.title = enNoBrand(p) + " - genuine"
			l.desc = []string{fmt.Sprintf("%s. Genuine, member channel. Photos are the brand's.", enNoBrand(p)), pick(g.r, shipEN)}
		}
	}
	g.setPrice(l, p.Price*between(g.r, lo, hi))
	switch g.r.IntN(3) {
	case 0:
		l.photos = []photo{officialPhoto(p)}
	case 1:
		l.photos = []photo{editedPhoto(p, g.r, false)}
	default:
		l.photos = []photo{ownPhoto(p, g.r)}
	}
	if variant == "nobrand" {
		l.photos = []photo{officialPhoto(p)}
	}
	what := "no counterfeit or code-removal signal"
	if variant == "intact" || variant == "warn" {
		what = "its words about codes or fakes deny them, which is no signal"
	}
	if variant == "cross" {
		what += "; it is authorised only for " + strings.Join(s.brands, ", ")
	}
	l.why = fmt.Sprintf("R4: %s is neither official nor authorised for %s; plausible price %s (≈%.0f%% of list); %s",
		s.name, g.b.Name, money(l.price, l.currency), 100*cnyOf(l.price, l.currency)/p.Price, what)
	return l
}
