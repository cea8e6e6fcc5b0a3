package world7

import (
	"fmt"
	"strings"
)

// Site A, pinpin-m: a group-buying mobile marketplace.

var (
	cfWords     = []string{"原单", "尾单", "工厂直供", "高仿", "1:1", "A货", "复刻版", "精仿", "原厂代工"}
	cfOddCN     = []string{"一比一", "1比1还原", "超A版", "顶级版本 细节对版", "同厂同料", "原厂货 非专柜", "代工厂流出"}
	cfOddEN     = []string{"original single 1:1", "mirror quality copy", "AAA replica", "OEM same factory", "high copy grade A"}
	cfDescLines = []string{
		"和专柜是同一个代工厂出的货，品质一模一样，价格只要零头。",
		"工厂直接出货，没有中间商，和专柜货用料一样。",
		"原单尾货，外包装可能有细微差别，介意勿拍。",
		"高品质复刻版，细节做到位，懂的直接拍。",
		"同厂同料同配方，只是没有走品牌渠道，所以便宜。",
		"精仿版本，和正品放一起分不出来。",
		"A货里品质最好的一批，放心回购。",
		"跟柜台卖的是一个厂，贴牌前流出来的货，懂行的都知道。",
	}
	ctWords     = []string{"刮码", "撕码", "剪码", "无码", "码已刮"}
	ctDescLines = []string{
		"批号已处理，不影响使用，介意勿拍。",
		"因渠道原因溯源码已撕掉，正品保证。",
		"底部喷码已磨掉，介意码的朋友勿拍。",
		"盒子上的条码已剪，内部渠道货。",
		"防伪码和批号都划掉了，渠道原因，保证正品。",
	}
	unDescLines = []string{
		"专柜正品，支持验货，假一赔十。",
		"正品保证，可以官网查询，放心购买。",
		"朋友公司福利发的，全新未拆，多的拿出来卖。",
		"实体店同款，店里还有很多现货。",
		"正品现货，拍下即发，收到不满意可退。",
	}
)

func (g *gen) pinSales() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("已拼%d件", 10+g.r.IntN(980))
	case 1:
		return fmt.Sprintf("已拼%.1f万件", 1+g.r.Float64()*20)
	case 2:
		return "全店已拼10万+件"
	default:
		return fmt.Sprintf("已拼%d件", 1000+g.r.IntN(8000))
	}
}

// pinPriceTxt is how the group-buy price is printed.
func (g *gen) pinPriceTxt(v, high float64) string {
	if high > 0 {
		if g.chance(0.5) {
			return "¥" + fmtNum(v) + "-" + fmtNum(high)
		}
		return "￥" + fmtNum(v) + "-" + fmtNum(high)
	}
	switch g.r.IntN(6) {
	case 0:
		return "￥" + fmtNum(v)
	case 1:
		return fmtNum(v) + "元"
	case 2:
		return "¥" + withCommas(v)
	default:
		return "¥" + fmtNum(v)
	}
}

// pinItem creates a pinpin listing; price is the group-buy price.
func (g *gen) pinItem(b *brand, p *product, s *seller, title, desc string, price float64) *listing {
	id := ""
	for id == "" || g.ids[id] {
		id = fmt.Sprint(300000000000 + g.r.Int64N(600000000000))
	}
	g.ids[id] = true
	title = tidy(title)
	l := &listing{id: id, title: title, desc: desc, price: price, seller: s, sales: g.pinSales()}
	l.single = priceUp(price * g.between(1.08, 1.3))
	l.priceTxt = g.pinPriceTxt(price, 0)
	if b != nil {
		l.brand = b.id
	}
	if p != nil {
		l.sku = p.sku
	}
	return g.add(l)
}

func (l *listing) label(flagged bool, cat, kind, why string) *listing {
	l.flagged, l.category, l.kind, l.why = flagged, cat, kind, why
	return l
}

func (l *listing) withRange(g *gen, specs []string, high float64) {
	l.specs = specs
	l.priceTxt = g.pinPriceTxt(l.price, high)
	l.single = priceUp(high * 1.1)
}

// products cycles through a brand's products from a kind-specific offset.
type cycler struct {
	ps []*product
	i  int
}

func (c *cycler) next() *product { p := c.ps[c.i%len(c.ps)]; c.i++; return p }

func twinsOf(b *brand) []*product {
	var out []*product
	for _, p := range b.products {
		if p.twin != "" {
			out = append(out, p)
		}
	}
	return out
}

var lookalikeShops = map[string]*seller{}

func pinLookalikeShop(name string) *seller {
	if s := lookalikeShops[sitePin+name]; s != nil {
		return s
	}
	s := regSeller(&seller{site: sitePin, id: fmt.Sprint(6000000 + seedOf(name)%900000), name: name + "旗舰店", role: "other"})
	lookalikeShops[sitePin+name] = s
	return s
}

func genPin() []*listing {
	g := newGen(sitePin, 20240607)
	officialTitles := map[string][]string{}
	for bi, b := range brands {
		cyc := func(off int) *cycler { return &cycler{ps: b.products, i: off + bi} }
		offs := pinOfficial[b.id]
		auths := pinAuthorised[b.id]

		// ---- official shops: never flagged
		c := cyc(0)
		for i := 0; i < 20; i++ {
			p := c.next()
			s := offs[i%len(offs)]
			var title, desc string
			var price float64
			kind := "official"
			why := "official shop of the brand: never flagged"
			switch {
			case i%7 == 3 || i == 11: // clearance
				kind = "official_clearance"
				price = priceDown(p.price * g.between(0.45, 0.7))
				if i == 11 {
					price = priceDown(p.price * g.between(0.3, 0.38))
				}
				title = fmt.Sprintf("【临期清仓】%s%s %s 官方正品", b.cn, full(p), g.kw(b))
				desc = g.intro(p) + fmt.Sprintf("临期清仓，效期至2025年%d月，介意慎拍，官方渠道正品。", 3+g.r.IntN(8)) + g.ship()
				why = "official shop clearance below the floor: official shops are never flagged for price"
			case i%7 == 5:
				kind = "official_subsidy"
				price = priceDown(p.price * g.between(0.8, 0.88))
				title = fmt.Sprintf("%s%s官方 %s %s", g.emo(), b.cn, full(p), g.kws(b, 2))
				desc = g.intro(p) + "百亿补贴商品，官方直营，每件商品均可扫码溯源。" + g.ship()
				why = "official shop with a platform subsidy price: never flagged"
			default:
				price = priceUp(p.price * g.between(0.9, 1.0))
				switch g.r.IntN(3) {
				case 0:
					title = fmt.Sprintf("【官方正品】%s%s %s", b.cn, full(p), g.kws(b, 2))
				case 1:
					title = fmt.Sprintf("%s官方 %s%s %s", b.cn, b.cn, full(p), g.kw(b))
				default:
					title = fmt.Sprintf("%s%s %s 官方直营 %s", g.emo(), b.cn, full(p), g.kw(b))
				}
				desc = g.intro(p) + g.pick("品牌官方直营店铺，每件商品均可扫码溯源。", "瓶身附防伪码，刮开涂层即可在官网验证真伪。", "官方旗舰店发货，正品保障，支持开具发票。") + g.ship()
			}
			l := g.pinItem(b, p, s, title, desc, price)
			l.subsidy = kind == "official_subsidy"
			l.images = []imgSpec{officialImg(p), g.lifeImg(p.look, 400, 400), g.ownImg(p, 0)}
			if kind == "official" && i%5 == 0 {
				l.withRange(g, []string{"1件装", "2件装（囤货）"}, priceUp(price*1.9))
			}
			l.label(false, "", kind, why)
			officialTitles[p.sku] = append(officialTitles[p.sku], l.title)
		}

		// ---- authorised sellers at or above the floor: not flagged
		c = cyc(2)
		for i := 0; i < 22; i++ {
			p := c.next()
			s := auths[i%len(auths)]
			price := priceUp(g.between(p.floor, p.price*1.02))
			kind, why := "authorised_ok", "authorised seller at or above the floor"
			if i%7 == 2 {
				price = p.floor
				kind, why = "authorised_at_floor", "authorised seller exactly at the floor (not under it)"
			}
			var title string
			if g.chance(0.5) {
				title = fmt.Sprintf("%s%s %s 正品 %s", g.emo(), b.cn, full(p), g.kws(b, 2))
			} else {
				title = fmt.Sprintf("%s%s %s %s %s", b.cn, p.short, lineWord(p), p.spec, g.kws(b, 2))
			}
			desc := g.intro(p) + g.pick(fmt.Sprintf("本店为%s授权服务商，正品保障，可官方验证。", b.cn), "会员服务中心直发，支持扫码查询。", "正品保障，假一赔十。") + g.ship()
			l := g.pinItem(b, p, s, title, desc, price)
			if i%7 == 5 {
				l.subsidy = true
				kind, why = "authorised_subsidy", "authorised seller with a subsidy badge, price still at or above the floor"
			}
			if p.twin != "" && i%3 == 0 {
				l.title = fmt.Sprintf("%s%s %s", b.cn, ambiguous(p), g.kws(b, 2))
				l.desc = g.intro(p) + variantHint(p) + "。" + g.ship()
			}
			if ts := officialTitles[p.sku]; i%7 == 6 && len(ts) > 0 {
				l.title = ts[0]
				kind, why = "authorised_copied_title", "authorised seller at or above the floor reusing the official shop's title"
			}
			l.images = []imgSpec{officialImg(p), g.ownImg(p, 0)}
			l.label(false, "", kind, why)
		}

		// ---- counterfeit
		c = cyc(1)
		for i := 0; i < 6; i++ { // red-flag word in the title
			p := c.next()
			s := pickFrom(g, pinOthers)
			w := cfWords[(i+bi*2)%len(cfWords)]
			var title string
			if i%2 == 0 {
				title = fmt.Sprintf("%s%s %s %s", b.cn, full(p), w, g.kws(b, 2))
			} else {
				title = fmt.Sprintf("%s %s%s%s %s %s", w, g.emo(), b.cn, p.short, p.spec, g.kw(b))
			}
			price := priceDown(p.price * g.between(0.18, 0.38))
			if i == 5 {
				price = priceDown(p.price * g.between(0.7, 0.9)) // plausible price, the word is what counts
			}
			l := g.pinItem(b, p, s, title, g.intro(p)+g.ship(), price)
			l.images = []imgSpec{g.editedImg(p, g.contact()), g.editedImg(p, "")}
			l.label(true, "counterfeit", "cf_title_word", fmt.Sprintf("unauthorised seller, title says %q (a counterfeit red-flag word)", w))
		}
		{ // one wholesale title copied by four sellers
			p := c.next()
			w := cfWords[(bi*3+1)%len(cfWords)]
			title := fmt.Sprintf("%s%s %s %s 批发价", b.cn, full(p), w, g.kws(b, 2))
			wholesale := []*seller{pinOthers[1], pinOthers[15], pinOthers[23], pinOthers[2]}
			wm := g.contact()
			for k, s := range wholesale {
				price := priceDown(p.price * g.between(0.2, 0.35))
				l := g.pinItem(b, p, s, title, g.intro(p)+"批发拿货请联系客服，量大从优。"+g.ship(), price)
				l.images = []imgSpec{g.editedImg(p, wm)}
				if k == 2 {
					l.images = append(l.images, g.ownImg(p, 30))
				}
				l.label(true, "counterfeit", "cf_title_copied", fmt.Sprintf("one of four wholesale listings sharing a title that says %q, at a fraction of list", w))
			}
		}
		for i := 0; i < 5; i++ { // signals only in the description
			p := c.next()
			s := pickFrom(g, pinOthers)
			title := fmt.Sprintf("%s%s %s %s", g.emo(), b.cn, full(p), g.kws(b, 2))
			if p.twin != "" && i%2 == 1 {
				title = fmt.Sprintf("%s%s %s", b.cn, ambiguous(p), g.kws(b, 2))
			}
			price := priceDown(p.price * g.between(0.25, 0.85))
			desc := g.intro(p)
			if p.twin != "" {
				desc += variantHint(p) + "。"
			}
			desc += cfDescLines[(i+bi)%len(cfDescLines)] + g.ship()
			l := g.pinItem(b, p, s, title, desc, price)
			l.images = []imgSpec{g.ownImg(p, 25), g.editedImg(p, "")}
			l.label(true, "counterfeit", "cf_desc_only", "unauthorised seller, clean title but the description admits a copy / factory goods")
		}
		for i := 0; i < 4; i++ { // price alone, photos lifted with a contact mark
			p := c.next()
			s := pickFrom(g, pinOthers)
			title := fmt.Sprintf("%s%s %s %s %s", b.cn, full(p), g.pick("清仓特价", "亏本冲量", "限时秒杀", "特价"), g.kw(b), g.emo())
			price := priceDown(p.price * g.between(0.15, 0.36))
			l := g.pinItem(b, p, s, title, g.intro(p)+g.pick("现货速发。", "数量有限，先到先得。", "")+g.ship(), price)
			l.images = []imgSpec{g.editedImg(p, g.contact()), g.editedImg(p, g.contact())}
			l.label(true, "counterfeit", "cf_price_only", fmt.Sprintf("unauthorised seller offering it new at %.0f%% of list (policy: at most 40%% of list cannot be genuine stock)", 100*price/p.price))
		}
		for i := 0; i < 3; i++ { // unusual wording, alias or other script
			p := c.next()
			s := pickFrom(g, pinOthers)
			var title, w string
			if i == 2 {
				w = cfOddEN[(bi+i)%len(cfOddEN)]
				title = fmt.Sprintf("%s %s %s", b.en, p.en, w)
			} else {
				w = cfOddCN[(bi*2+i)%len(cfOddCN)]
				al := p.aliases[len(p.aliases)-1]
				title = fmt.Sprintf("%s %s %s", al, w, g.kw(b))
			}
			price := priceDown(p.price * g.between(0.25, 0.6))
			l := g.pinItem(b, p, s, title, g.intro(p)+g.ship(), price)
			l.images = []imgSpec{g.editedImg(p, g.contact())}
			l.label(true, "counterfeit", "cf_odd_wording", fmt.Sprintf("unauthorised seller, title calls it a copy in unusual wording (%q)", w))
		}
		{ // counterfeit and code words together: counterfeit wins
			p := c.next()
			s := pickFrom(g, pinOthers)
			title := fmt.Sprintf("无码 工厂直供 %s%s %s", b.cn, full(p), g.kw(b))
			price := priceDown(p.price * g.between(0.2, 0.35))
			l := g.pinItem(b, p, s, title, g.intro(p)+g.ship(), price)
			l.images = []imgSpec{g.editedImg(p, g.contact())}
			l.label(true, "counterfeit", "cf_with_code_words", "factory-direct (counterfeit) and code-removed words together: counterfeit comes first")
		}

		// ---- code tampered
		c = cyc(3)
		for i := 0; i < 8; i++ {
			p := c.next()
			s := pickFrom(g, pinOthers)
			price := priceDown(p.price * g.between(0.62, 0.85))
			var title, desc, kind, why string
			switch {
			case i < 4:
				w := ctWords[(i+bi)%len(ctWords)]
				title = fmt.Sprintf("%s%s %s %s 正品 %s", b.cn, full(p), w, g.kw(b), g.emo())
				if i == 3 {
					title = fmt.Sprintf("%s%s %s【%s】%s", g.emo(), b.cn, p.short, w, p.spec)
				}
				desc = g.intro(p) + "正品，渠道原因处理过，介意勿拍。" + g.ship()
				kind, why = "ct_title", fmt.Sprintf("title says %q: genuine goods with the trace code removed", w)
			case i < 7:
				title = fmt.Sprintf("%s%s %s %s", b.cn, full(p), g.kws(b, 2), g.pick("特价", "正品", "现货"))
				desc = g.intro(p) + ctDescLines[(i+bi)%len(ctDescLines)] + g.ship()
				kind, why = "ct_desc_only", "clean title; the description says the batch / trace code was removed"
			default: // an authorised member scratching codes off dumped stock
				s = auths[(i+bi)%len(auths)]
				price = priceDown(p.floor * g.between(0.8, 0.92))
				title = fmt.Sprintf("%s%s %s %s", b.cn, full(p), g.kws(b, 2), g.emo())
				desc = g.intro(p) + "会员渠道货，" + ctDescLines[(bi+2)%len(ctDescLines)] + g.ship()
				kind, why = "ct_authorised", "authorised seller under the floor AND codes removed: code_tampered comes before price_dumping"
			}
			l := g.pinItem(b, p, s, title, desc, price)
			l.images = []imgSpec{g.ownImg(p, 0), plainReuse(p)}
			l.label(true, "code_tampered", kind, why)
		}

		// ---- price dumping by authorised sellers
		c = cyc(4)
		for i := 0; i < 7; i++ {
			p := c.next()
			s := auths[(i+1)%len(auths)]
			price := priceDown(p.floor * g.between(0.72, 0.96))
			title := fmt.Sprintf("%s%s %s %s", b.cn, full(p), g.kws(b, 2), g.pick("会员价", "特惠", "限时", "正品"))
			desc := g.intro(p) + g.pick("会员内部价，数量有限。", "老会员回馈，比官网便宜。", "冲业绩特价，正品可验。") + g.ship()
			kind, why := "pd_plain", "authorised seller's group price under the floor"
			l := g.pinItem(b, p, s, title, desc, price)
			switch i {
			case 4:
				l.price = priceDown(p.price * g.between(0.3, 0.38))
				l.priceTxt = g.pinPriceTxt(l.price, 0)
				l.single = priceUp(l.price * 1.2)
				l.title = fmt.Sprintf("%s%s %s 清仓 %s", b.cn, full(p), g.kw(b), g.emo())
				kind, why = "pd_deep", "authorised seller far under the floor: an authorised seller's goods are dumped, not counterfeit"
			case 5:
				l.single = priceUp(p.price * g.between(1.0, 1.05))
				kind, why = "pd_split", "authorised seller: single-buy price is above the floor but the group-buy price every buyer can take is under it"
			case 6:
				l.title = fmt.Sprintf("%s %s member price %s", b.en, p.en, g.emo())
				kind, why = "pd_english", "authorised seller under the floor, product named only in English"
			}
			l.images = []imgSpec{officialImg(p)}
			l.label(true, "price_dumping", kind, why)
		}

		// ---- unauthorised sellers at plausible prices
		c = cyc(5)
		for i := 0; i < 14; i++ {
			p := c.next()
			s := pickFrom(g, pinOthers)
			price := priceUp(p.price * g.between(0.65, 1.05))
			title := fmt.Sprintf("%s%s %s %s", g.emo(), b.cn, full(p), g.kws(b, 2))
			desc := g.intro(p) + unDescLines[(i+bi)%len(unDescLines)] + g.ship()
			kind, why := "un_plain", "catalogue product from a seller that is neither official nor authorised, plausible price, no counterfeit signal"
			switch i {
			case 4, 5, 6:
				ts := officialTitles[p.sku]
				if len(ts) > 0 {
					title = ts[i%len(ts)]
					price = priceUp(p.price * g.between(0.8, 1.0))
					kind, why = "un_copied_title", "unauthorised seller reusing the official shop's exact title"
				}
			case 7, 8:
				title = fmt.Sprintf("%s %s %s", b.en, p.en, g.pick("genuine", "imported", "100% authentic", "new"))
				kind, why = "un_english", "unauthorised seller, product named only in English"
			case 9, 10:
				tw := twinsOf(b)
				p = tw[(i+bi)%len(tw)]
				price = priceUp(p.price * g.between(0.7, 1.0))
				title = fmt.Sprintf("%s%s %s", b.cn, ambiguous(p), g.kws(b, 2))
				desc = g.intro(p) + variantHint(p) + "。" + unDescLines[i%len(unDescLines)] + g.ship()
				kind, why = "un_twin_in_desc", "unauthorised seller; the title fits both near-twins, the description names the variant"
			case 11:
				s = pinBrandNamed[b.id]
				kind, why = "un_brand_named_shop", "shop named after the brand but not registered as official or authorised"
			case 12:
				desc = g.intro(p) + fmt.Sprintf("%s品牌授权经销商，可提供授权书。", b.cn) + g.ship()
				kind, why = "un_claims_authorisation", "shop claims to be authorised but is not in the catalogue's seller list"
			case 13:
				title = fmt.Sprintf("海外版 %s%s %s 代购", b.cn, full(p), g.kw(b))
				desc = g.intro(p) + "海外专柜代购，小票齐全，海外版包装。" + g.ship()
				kind, why = "un_overseas", "parallel-import / daigou seller, not authorised"
			}
			l := g.pinItem(b, p, s, title, desc, price)
			if g.chance(0.5) {
				l.images = []imgSpec{plainReuse(p), g.ownImg(p, 0)}
			} else {
				l.images = []imgSpec{g.ownImg(p, 0)}
			}
			if i == 0 {
				l.withRange(g, []string{"1件", "2件", "3件"}, priceUp(price*2.8))
			}
			l.label(true, "unauthorized_seller", kind, why)
		}

		// ---- defamation
		for i, t := range pinDefamation[b.id] {
			s := pinGeneric[(i+bi*3)%len(pinGeneric)]
			l := g.pinItem(b, nil, s, t.title, t.desc+g.ship(), priceUp(g.between(39, 199)))
			l.images = []imgSpec{{kind: "own", look: g.otherLook("PURE", "NATURAL", ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 80, w: 400, h: 400}}
			l.label(true, "defamation", t.kind, t.why)
		}

		// ---- look-alike brands
		c = cyc(6)
		for i := 0; i < 12; i++ {
			p := c.next()
			var name, title, word string
			if i%4 == 3 {
				word = b.lookEn[i%len(b.lookEn)]
				name = word
				title = fmt.Sprintf("%s %s %s", word, p.en, g.emo())
			} else {
				name = b.look[i%len(b.look)]
				word = "BRAND"
				title = fmt.Sprintf("%s%s%s %s %s", g.emo(), name, genericName(p), g.kws(b, 2), "正品")
			}
			s := pinLookalikeShop(name)
			price := priceUp(p.price * g.between(0.3, 0.7))
			desc := fmt.Sprintf("%s自有品牌，%s。", name, pickFrom(g, benefit[b.id])) + g.ship()
			l := g.pinItem(nil, nil, s, title, desc, price)
			l.images = []imgSpec{{kind: "own", look: g.lookalikeLook(p, word), seed: fmt.Sprint(g.r.IntN(1e9)), q: 85, w: 400, h: 400}}
			l.label(false, "", "lookalike_brand", "a different brand with a similar name selling its own product")
		}

		// ---- accessories and compatible parts
		for i, t := range pinAccessories[b.id] {
			l := g.pinItem(b, nil, pinGeneric[(i+bi)%len(pinGeneric)], t.title, t.desc+g.ship(), t.price)
			l.images = []imgSpec{{kind: "own", look: t.look, seed: fmt.Sprint(g.r.IntN(1e9)), q: 85, w: 400, h: 400}}
			l.label(false, "", t.kind, t.why)
		}

		// ---- "平替" dupes of another make
		c = cyc(7)
		for i := 0; i < 4; i++ {
			p := c.next()
			al := p.aliases[1]
			title := fmt.Sprintf("%s平替 %s %s %s", al, g.pick("国货", "大牌同效", "学生党"), p.core, genericSpec(p))
			if i == 3 {
				title = fmt.Sprintf("平价版%s%s 效果不输%s", p.core, genericSpec(p), b.cn)
			}
			l := g.pinItem(nil, nil, pinGeneric[(i+bi*2)%len(pinGeneric)], title, "自有品牌产品，非"+b.cn+"，成分相近价格更低。"+g.ship(), priceUp(p.price*g.between(0.2, 0.4)))
			l.images = []imgSpec{{kind: "own", look: g.otherLook("DUPE", p.look.line2, ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 85, w: 400, h: 400}}
			l.label(false, "", "dupe_alternative", "another make's product advertised as an alternative ('平替'); it does not offer the brand's product")
		}

		// ---- generic goods sharing a word
		c = cyc(8)
		lastGeneric := ""
		for i := 0; i < 28; i++ {
			p := c.next()
			s := pickFrom(g, append(append([]*seller{}, pinGeneric...), pinOthers...))
			var title string
			switch i % 4 {
			case 0:
				title = fmt.Sprintf("%s %s %s", genericName(p), g.kws(b, 2), g.emo())
			case 1:
				title = fmt.Sprintf("%s%s %s 大容量 %s", g.emo(), p.core, g.pick("家庭装", "实惠装", "量贩装"), g.kw(b))
			case 2:
				title = fmt.Sprintf("%s %s %s 源头工厂", p.core, genericSpec(p), g.kws(b, 2))
			default:
				title = fmt.Sprintf("【%s】%s %s", g.pick("新品", "热卖", "爆款", "推荐"), p.core, g.kw(b))
			}
			if i%7 == 6 && lastGeneric != "" { // wholesale sellers copy each other's titles
				title = lastGeneric
			}
			lastGeneric = title
			l := g.pinItem(nil, nil, s, title, fmt.Sprintf("%s，%s。", p.core, pickFrom(g, benefit[b.id]))+g.ship(), priceUp(p.price*g.between(0.1, 0.5)))
			l.images = []imgSpec{{kind: "own", look: g.otherLook(g.pick("", "BEST", "DAILY", "HOME"), p.look.line2, ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 80, w: 400, h: 400}}
			l.label(false, "", "generic_goods", "generic goods of the same kind, no brand named")
		}

		// ---- personal resale of a used unit
		c = cyc(9)
		for i := 0; i < 3; i++ {
			p := c.next()
			s := pinPersonal[(i+bi)%len(pinPersonal)]
			title := fmt.Sprintf("闲置 %s%s %s", b.cn, full(p), g.pick("拆封用过几次", "自用剩大半", "开封试用过"))
			desc := fmt.Sprintf("自己买的%s，用了%d次不太适合我，剩大半，只有这一件，便宜出，不退不换。", b.cn+p.short, 2+g.r.IntN(4))
			l := g.pinItem(b, p, s, title, desc, priceDown(p.price*g.between(0.3, 0.6)))
			l.images = []imgSpec{g.ownImg(p, 0)}
			l.label(false, "", "personal_resale", "an individual reselling one opened, used unit (second-hand): not a complaint case")
		}
	}

	// ---- unrelated goods that share a character or two
	for i, t := range pinNoise {
		s := pinGeneric[i%len(pinGeneric)]
		l := g.pinItem(nil, nil, s, t, t+"。"+g.ship(), priceUp(g.between(9.9, 89)))
		l.images = []imgSpec{{kind: "own", look: g.otherLook("", "", ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 80, w: 400, h: 400}}
		l.label(false, "", "unrelated", "unrelated goods sharing a character with a brand or product name")
	}

	// faults: one slow page, one page that answers 503 once
	g.out[37].slow = true
	g.out[111].fail503 = true
	return g.out
}

type textCase struct {
	title, desc string
	kind, why   string
	price       float64
	look        look
}

var pinDefamation = map[string][]textCase{
	"verdanta": {
		{title: "纯天然植物蛋白粉 不是维丹塔那种传销骗局货 🌿", desc: "维丹塔就是传销骗局，拉人头卖高价蛋白粉，别再被割韭菜了。我们的蛋白粉成分透明。", kind: "defamation_terms", why: "calls the brand a pyramid scam (传销骗局 / 割韭菜)"},
		{title: "维丹塔蛋白粉重金属超标 换这款 检测报告齐全", desc: "维丹塔蛋白粉被查出重金属超标，已经被通报了，还在喝的赶紧停。", kind: "defamation_other", why: "asserts as fact that the brand's product failed a heavy-metal test and was sanctioned"},
		{title: "别再买维丹塔了 拉人头割韭菜 真相电子书", desc: "揭秘维丹塔的套路：维丹塔骗局全过程，电子版资料，拍下发邮箱。", kind: "defamation_terms", why: "sells a 'truth' e-book calling the brand a scam (维丹塔骗局 / 割韭菜)"},
	},
	"lumessa": {
		{title: "无激素面霜 孕妇可用 不像露美莎用出激素脸", desc: "露美莎面霜含激素，用了就是激素脸，停用就反弹。我们家面霜零激素。", kind: "defamation_terms", why: "claims the brand's cream contains hormones (激素脸)"},
		{title: "露美莎精华添加荧光剂被曝光 换国货安心精华", desc: "露美莎精华添加荧光剂已被曝光，敏感肌千万别用。", kind: "defamation_terms", why: "asserts the brand's serum contains fluorescent agents (添加荧光剂)"},
		{title: "露美莎害我毁容 敏感肌修护霜 急救 舒缓", desc: "用了露美莎三天毁容进医院，这个牌子就是黑心企业，大家避雷，换我们的修护霜。", kind: "defamation_other", why: "calls the brand a 'black-hearted company' that disfigures users, to sell a rival cream"},
	},
	"casaprime": {
		{title: "母婴洗衣液 无致癌物 别再用家百适了", desc: "家百适洗衣液含致癌物，千万别给孩子用，我们的配方母婴级。", kind: "defamation_terms", why: "claims the brand's laundry liquid contains carcinogens (致癌物)"},
		{title: "家百适洗洁精甲醛超标 食品级洗洁精 放心用", desc: "家百适洗洁精甲醛超标，洗完的碗有残留，换食品级的。", kind: "defamation_terms", why: "asserts the brand's dish liquid has excess formaldehyde (甲醛超标)"},
		{title: "家百适滤芯越过越脏 黑心企业 换这款净水滤芯", desc: "家百适的滤芯根本不过滤，水越过越脏，黑心企业骗钱。", kind: "defamation_other", why: "claims the brand's filters do not filter and the company cheats buyers"},
	},
	"qinghe": {
		{title: "清禾源孢子粉全是淀粉 骗老人的 真正破壁灵芝孢子粉在这", desc: "清禾源孢子粉全是淀粉，专门骗老人的，我们的孢子粉有检测报告。", kind: "defamation_terms", why: "claims the brand's spore powder is starch sold to cheat the elderly (骗老人)"},
		{title: "清禾源被立案 传销套路 正规灵芝孢子粉 认准我家", desc: "清禾源已经被立案调查，就是传销套路，别再买了。", kind: "defamation_other", why: "asserts the brand is under criminal investigation and a pyramid scheme"},
		{title: "人参口服液 别买清禾源那种保健品骗局 正规厂家", desc: "清禾源就是保健品骗局，我们是正规药厂生产。", kind: "defamation_terms", why: "calls the brand a health-product scam (保健品骗局)"},
	},
}

func accLook(word, l2 string, body uint32, shape string) look {
	return look{shape: shape, body: rgb(body), cap: rgb(0x333333), label: rgb(0xffffff), accent: rgb(0x555555), mark: "none", line1: word, line2: l2, tall: 0.9}
}

var pinAccessories = map[string][]textCase{
	"verdanta": {
		{title: "维丹塔蛋白粉专用 摇摇杯 健身水杯 带刻度", desc: "蛋白粉摇摇杯，适合冲调维丹塔等蛋白粉，杯子不含蛋白粉。", kind: "accessory", why: "a shaker cup for the product, not the product", price: 19.9, look: accLook("SHAKER", "", 0x90e0ef, "shaker")},
		{title: "维丹塔鱼油 分装药盒 一周七格 便携", desc: "七格分装药盒，鱼油、维生素都能放。", kind: "accessory", why: "a pill organiser naming the product", price: 9.9, look: accLook("7 DAYS", "", 0xffafcc, "box")},
		{title: "适用维丹塔蛋白粉罐 替换量勺 30ml 5个装", desc: "通用量勺，适用各种蛋白粉罐，非原厂配件。", kind: "accessory", why: "replacement scoops for the tub", price: 6.8, look: accLook("SCOOP", "", 0xe9ecef, "jar")},
		{title: "维丹塔益生菌 收纳盒 亚克力 桌面整理", desc: "收纳盒，不含产品。", kind: "accessory", why: "a storage box, not the product", price: 15.9, look: accLook("BOX", "", 0xdee2e6, "box")},
		{title: "维丹塔膳食纤维 随行杯 吸管杯", desc: "冲饮随行杯，不含产品。", kind: "accessory", why: "a drinking cup naming the product", price: 12.9, look: accLook("CUP", "", 0xb5e48c, "shaker")},
	},
	"lumessa": {
		{title: "露美莎面霜 挖勺 美容勺 10支装", desc: "面霜挖勺，卫生取用，适合各种面霜。", kind: "accessory", why: "cream spatulas, not the product", price: 5.9, look: accLook("SPATULA", "", 0xffc8dd, "pouch")},
		{title: "适用露美莎精华 化妆品收纳盒 亚克力 防尘", desc: "收纳盒，不含化妆品。", kind: "accessory", why: "a cosmetics organiser", price: 29.9, look: accLook("ORGANIZER", "", 0xf8f9fa, "box")},
		{title: "露美莎面膜 面膜碗 调膜棒 套装", desc: "面膜碗套装，不含面膜。", kind: "accessory", why: "a mask bowl set", price: 8.8, look: accLook("BOWL", "", 0xcdb4db, "jar")},
		{title: "露美莎柔肤水 化妆棉 200片 湿敷", desc: "化妆棉，配合爽肤水使用，不含爽肤水。", kind: "accessory", why: "cotton pads", price: 9.9, look: accLook("COTTON", "200", 0xffffff, "pouch")},
		{title: "露美莎洗面奶 起泡网 洁面打泡网 3个", desc: "起泡网，不含洗面奶。", kind: "accessory", why: "a foaming net", price: 4.9, look: accLook("FOAM NET", "", 0xa2d2ff, "pouch")},
	},
	"casaprime": {
		{title: "适用家百适洗洁精 按压泵头 替换泵头 通用", desc: "替换泵头，适配家百适等品牌1L瓶，非原厂。", kind: "accessory", why: "replacement pump heads", price: 7.9, look: accLook("PUMP", "", 0xe9ecef, "pump")},
		{title: "适用家百适净水器 PF-01 兼容滤芯 替换 非原装", desc: "兼容替换滤芯，适配家百适PF-01机型，第三方品牌，非原装。", kind: "compatible_part", why: "a third-party cartridge sold openly as compatible, not as the brand's", price: 129, look: accLook("COMPAT", "FILTER", 0xdee2e6, "cartridge")},
		{title: "家百适PF-01通用滤芯 兼容款 高性价比 一年装", desc: "兼容款滤芯，非家百适原厂，支持PF-01。", kind: "compatible_part", why: "a third-party cartridge sold openly as compatible", price: 149, look: accLook("UNIVERSAL", "PF", 0xf1faee, "cartridge")},
		{title: "替换滤芯 兼容家百适净水器 PF01 PP棉 活性炭", desc: "第三方兼容滤芯，型号对应PF-01。", kind: "compatible_part", why: "a third-party cartridge sold openly as compatible", price: 99, look: accLook("PP COTTON", "", 0xffffff, "cartridge")},
		{title: "家百适洗衣液 分装瓶 按压瓶 500ml", desc: "分装空瓶，不含洗衣液。", kind: "accessory", why: "an empty dispenser for decanting", price: 12.8, look: accLook("BOTTLE", "", 0xcaf0f8, "pump")},
	},
	"qinghe": {
		{title: "清禾源阿胶糕 礼品袋 手提袋 送礼", desc: "礼品手提袋，不含产品。", kind: "accessory", why: "a gift bag", price: 3.9, look: accLook("GIFT", "", 0xd00000, "pouch")},
		{title: "清禾源孢子粉 分装药盒 便携 胶囊盒", desc: "胶囊分装盒，不含产品。", kind: "accessory", why: "a capsule case", price: 8.9, look: accLook("CASE", "", 0xffd6a5, "box")},
		{title: "清禾源人参口服液 收纳架 冰箱收纳", desc: "收纳架，不含口服液。", kind: "accessory", why: "a storage rack", price: 16.9, look: accLook("RACK", "", 0xe5e5e5, "box")},
		{title: "清禾源枸杞原浆 保温杯 养生杯", desc: "养生保温杯，不含原浆。", kind: "accessory", why: "a thermos cup", price: 39, look: accLook("CUP", "", 0x9b2226, "shaker")},
		{title: "清禾源酵素 量杯 20ml 刻度杯", desc: "小量杯，不含酵素。", kind: "accessory", why: "a measuring cup", price: 4.5, look: accLook("20ML", "", 0xffffff, "shaker")},
	},
}

var pinNoise = []string{
	"甘露美食 广式点心 早茶礼盒", "万家百货 收纳盒 抽屉式 大号", "百适通 数据线 快充 1米", "美莎克林蜜瓜 新鲜水果 5斤",
	"嘉禾源 高山绿茶 250g 罐装", "清禾东北大米 10斤 新米", "丹塔户外 登山包 40L", "露美发夹 韩版 抓夹",
	"家百汇 购物袋 折叠 环保", "百适家 拖鞋 浴室 防滑", "苏美莎 连衣裙 夏 碎花", "禾源农场 土鸡蛋 30枚",
	"清禾茶舍 功夫茶具套装", "雨露美甲 甲油胶 持久", "万家百货 晾衣架 10个装", "维丹蒂 婚纱 拖尾 新娘",
	"丹塔乐器 尤克里里 23寸", "美莎 瑜伽服 套装 女", "嘉禾源 红茶 礼盒 送礼", "家百利 保鲜膜 食品级 PE",
	"清禾小院 民宿 周末 体验券", "甘露美容院 面部护理 体验卡", "百适达 厨房置物架 不锈钢", "禾源记 杂粮 五谷 组合",
	"维丹尼 男士皮带 真皮", "家百惠 一次性手套 100只", "露美家纺 四件套 纯棉", "美莎丽 发饰 珍珠发箍",
	"清禾书院 毛笔 练字 套装", "百适优 儿童水杯 吸管",
}

// genericName is how other makes name the same kind of product (never the brand's model number).
func genericName(p *product) string {
	if p.sku == "CSP-FILT-01" {
		return "净水器滤芯 RO反渗透"
	}
	return full(p)
}

func genericSpec(p *product) string {
	if p.sku == "CSP-FILT-01" {
		return "10寸"
	}
	return p.spec
}

// tidy collapses the double spaces that empty template slots leave.
func tidy(s string) string { return strings.Join(strings.Fields(s), " ") }
