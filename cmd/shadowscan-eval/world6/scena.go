package world6

import (
	"fmt"
	"math"
	"strings"
)

// tianmao-plus scenarios (Chinese marketplace).

var officialTitleA = map[string]string{}

func unitZH(pr *product) string {
	switch pr.design.shape {
	case shTub, shTubWide:
		return "罐"
	case shBox, shBoxFlat:
		return "盒"
	case shTube:
		return "支"
	case shAppliance:
		return "台"
	case shCylinder:
		return "支"
	case shJar, shJarSmall:
		return "瓶"
	}
	return "瓶"
}

func specBlockZH(pr *product) string {
	s := fmt.Sprintf("品牌：%s\n品名：%s\n规格：%s\n保质期：24个月\n", pr.brand.ZH, pr.ZH, pr.spec)
	if pr.hintZH != "" {
		s += "款式：" + pr.hintZH + "\n"
	}
	return s
}

func (g *gen) descZH(pr *product, phrases []string, extra ...string) string {
	kv := zhKV(g.r, pr)
	var parts []string
	if len(phrases) > 0 {
		parts = append(parts, fill(pick(g.r, phrases), kv))
	}
	parts = append(parts, extra...)
	parts = append(parts, specBlockZH(pr))
	return strings.Join(parts, "\n")
}

func (g *gen) aOfficial(pr *product, s *seller, v int) {
	l := g.newListing(siteA, s, pr, "official")
	b := pr.brand
	l.price = g.localPrice(l, 1)
	if pr.Cur == "CNY" {
		l.price = pr.Price
	}
	why := "N1: " + s.name + " is " + b.Name + "'s registered official shop; official shops are never flagged"
	switch v {
	case 0:
		l.title = zhTitle(g.r, zhOfficialTitles, pr)
		if _, ok := officialTitleA[pr.SKU]; !ok {
			officialTitleA[pr.SKU] = l.title
		}
		l.promoted = true
		l.pfmt = 0
		g.officialImgs(l, 0)
		l.desc = g.descZH(pr, zhOfficialDesc)
	case 1:
		u := unitZH(pr)
		l.kind = "official-multipack"
		l.title = zhTitle(g.r, zhOfficialTitles, pr) + fmt.Sprintf(" 1%s/2%s/3%s装", u, u, u)
		l.high = math.Round(l.price * 2.7)
		l.variants = []string{"1" + u + "装", "2" + u + "装", "3" + u + "装"}
		l.plabel = "到手价"
		l.pfmt = 0
		g.addImg(l, imgSpec{official: pr, shot: 1, q: 88})
		g.ownPhoto(l, pr, 0, "")
		l.desc = g.descZH(pr, zhOfficialDesc, "多件装更划算，到手价以下单页为准。")
	case 3:
		l.kind = "official-member"
		l.title = fmt.Sprintf("【会员专享】%s %s 新客试用价 %s", compact(pr.ZH), pick(g.r, pr.kwZH), b.ZH+"官方")
		l.tag = l.price
		l.price = g.localPrice(l, g.between(0.7, 0.8))
		l.plabel = "券后"
		g.officialImgs(l, 0)
		l.desc = g.descZH(pr, zhOfficialDesc, "会员/新客专享券后价，每个账号限购1件。")
	default:
		l.kind = "official-live"
		l.title = emojiTitle(g.r, "官方直播间 "+compact(pr.ZH)+" "+pick(g.r, pr.kwZH)+" 福利价")
		l.tag = l.price
		l.price = g.localPrice(l, 0.85)
		l.plabel = "直播价"
		g.officialImgs(l, 90)
		l.desc = g.descZH(pr, zhLiveDesc, "官方直播间专享价，品牌直发。")
	}
	g.add(l, "", b.ID, pr.SKU, why, "")
}

func (g *gen) aOfficialClear(pr *product, s *seller) {
	l := g.newListing(siteA, s, pr, "official-clearance")
	m := 3 + g.r.IntN(6)
	l.title = fmt.Sprintf("【临期特惠】%s 效期至2025年%d月 %s 介意慎拍", compact(pr.ZH), m, pick(g.r, pr.kwZH))
	l.tag = pr.Price
	l.price = g.localPrice(l, g.between(0.3, 0.5))
	l.plabel = "到手价"
	g.officialImgs(l, 0)
	l.desc = g.descZH(pr, nil, fmt.Sprintf("临期清仓，效期至2025年%d月，官方正品，介意效期请勿拍。", m))
	g.add(l, "", pr.brand.ID, pr.SKU, "N1: official shop's near-expiry clearance; official shops are never flagged for price", "official shop far under list price")
}

func (g *gen) authImgs(l *listing) {
	if g.r.IntN(2) == 0 {
		g.officialImgs(l, 85)
	} else {
		g.ownPhoto(l, l.prod, pick(g.r, []int{0, 3}), pick(g.r, []string{"", "100%", "OK"}))
		g.addImg(l, imgSpec{official: l.prod, shot: 0, q: 85})
	}
}

func (g *gen) aAuth(pr *product, s *seller, mode string) {
	l := g.newListing(siteA, s, pr, "auth-"+mode)
	b := pr.brand
	if s.live {
		l.title = emojiTitle(g.r, s.name[len("📺"):]+" "+pr.brand.ZH+pr.zhShort+pr.spec+" "+pick(g.r, pr.kwZH)+" 授权正品")
		l.desc = g.descZH(pr, zhLiveDesc, fill(pick(g.r, zhAuthDesc), zhKV(g.r, pr)))
	} else {
		l.title = zhTitle(g.r, zhAuthTitles, pr)
		l.desc = g.descZH(pr, zhAuthDesc)
	}
	if strings.HasPrefix(s.name, "🌸") {
		l.title = emojiTitle(g.r, "小雅直播间 "+pr.brand.ZH+pr.zhShort+pr.spec+" "+pick(g.r, pr.kwZH)+" 授权正品")
	}
	minR := pr.Min / pr.Price
	g.authImgs(l)
	okWhy := fmt.Sprintf("N2: %s is an authorised seller of %s and sells at or above the floor", s.name, b.Name)
	dumpWhy := func(what string) string {
		return fmt.Sprintf("P1: authorised seller %s sells %s for %s, under the floor %.2f %s", s.name, pr.SKU, what, pr.Min, pr.Cur)
	}
	switch mode {
	case "ok":
		l.price = g.localPrice(l, g.between(minR*1.04, 1.02))
		if l.price > pr.Price*cnyPer[pr.Cur] && g.r.IntN(2) == 0 {
			l.price = pr.Price * cnyPer[pr.Cur]
		}
		g.add(l, "", b.ID, pr.SKU, okWhy, "")
	case "twin":
		// generic title; the description says which line. Priced at or above this
		// line's floor but under the twin's floor when the twin's is higher.
		l.title = fill("{gen} {k1} {k2} 授权正品 防伪可查", zhKV(g.r, pr))
		l.desc = g.descZH(pr, zhAuthDesc, "颜色分类："+pr.hintZH)
		tw := productBySKU[pr.twin]
		hi := math.Max(pr.Min*1.04, math.Min(tw.Min, pr.Price)-1)
		l.price = math.Floor(g.between(pr.Min, hi))
		if pr.Cur != "CNY" {
			l.price = g.localPrice(l, g.between(minR*1.04, 1))
		}
		hard := "near-twin product with a generic title"
		if tw.Min > pr.Min && pr.Cur == "CNY" {
			hard = "near-twin product with a generic title, priced under the other line's floor but not this one's"
		}
		g.add(l, "", b.ID, pr.SKU, okWhy+" (the description names the line)", hard)
	case "floor":
		l.price = pr.Min
		l.pfmt = 0
		g.add(l, "", b.ID, pr.SKU, okWhy+" (exactly the floor)", "authorised seller exactly at the floor")
	case "couponok":
		l.tag = g.localPrice(l, 1)
		l.price = g.localPrice(l, g.between(minR*1.03, 0.96))
		l.plabel = pick(g.r, []string{"券后", "到手价"})
		g.add(l, "", b.ID, pr.SKU, okWhy+" (the coupon price is still above the floor)", "coupon price shown, still above the floor")
	case "rangefloor":
		u := unitZH(pr)
		l.price = pr.Min
		l.high = math.Round(pr.Min * 2.8)
		l.variants = []string{"1" + u, "3" + u + "装"}
		l.title += fmt.Sprintf(" 1%s/3%s装", u, u)
		g.add(l, "", b.ID, pr.SKU, okWhy+" (low end of the range is one unit at the floor)", "price range whose low end equals the floor")
	case "dump":
		l.price = g.localPrice(l, g.between(0.62, minR*0.93))
		g.add(l, catDump, b.ID, pr.SKU, dumpWhy(priceTextA(l.price, 0, 0)), "")
	case "coupondump":
		l.tag = g.localPrice(l, g.between(1, 1.05))
		l.price = g.localPrice(l, minR*g.between(0.8, 0.95))
		l.plabel = pick(g.r, []string{"券后", "到手价"})
		g.add(l, catDump, b.ID, pr.SKU, dumpWhy("a "+l.plabel+" price of "+priceTextA(l.price, 0, 0)+" (tag price at list)"), "only the coupon/到手价 is under the floor; the tag price is at list")
	case "rangedump":
		u := unitZH(pr)
		l.price = g.localPrice(l, minR*g.between(0.8, 0.94))
		l.high = math.Round(l.price * 2.6)
		l.variants = []string{"1" + u, "3" + u + "装"}
		l.title += fmt.Sprintf(" 1%s/3%s装", u, u)
		g.add(l, catDump, b.ID, pr.SKU, dumpWhy("one unit at "+priceTextA(l.price, 0, 0)+" (low end of the range)"), "under the floor only at the low end of a quantity range")
	case "livedump":
		l.kind = "auth-livedump"
		l.tag = g.localPrice(l, 1)
		l.price = g.localPrice(l, minR*g.between(0.75, 0.92))
		l.plabel = "直播价"
		g.add(l, catDump, b.ID, pr.SKU, dumpWhy("a live-stream price of "+priceTextA(l.price, 0, 0)), "live-stream price under the floor")
	}
}

func (g *gen) aUnauth(pr *product, s *seller, mode string) {
	l := g.newListing(siteA, s, pr, "unauth-"+mode)
	b := pr.brand
	hard := ""
	l.desc = g.descZH(pr, zhResellDesc)
	switch mode {
	case "plain":
		l.title = zhTitle(g.r, zhResellTitles, pr)
	case "live":
		l.title = emojiTitle(g.r, pr.brand.ZH+pr.zhShort+pr.spec+" "+pick(g.r, pr.kwZH)+" 直播间专享 正品")
		l.desc = g.descZH(pr, zhLiveDesc)
		l.plabel = "直播价"
	case "impostor":
		if t, ok := officialTitleA[pr.SKU]; ok {
			l.title = t
		} else {
			l.title = zhTitle(g.r, zhOfficialTitles, pr)
		}
		l.desc = g.descZH(pr, nil, "官方旗舰店直营，正品保障，支持专柜验货。")
		hard = "shop calls itself 官方旗舰店 and copies the official title, but is not registered"
	case "daigou":
		l.title = zhTitle(g.r, zhDaigouTitles, pr)
	case "alias":
		l.title = fmt.Sprintf("%s %s 进口正品 %s", pr.EN, pick(g.r, pr.kwZH), pick(g.r, []string{"现货", "包邮", "保税仓发货"}))
		hard = "named only in English on the Chinese site"
	case "twin":
		kv := zhKV(g.r, pr)
		l.title = fill("{gen} {k1} {k2} 正品现货", kv)
		l.desc = g.descZH(pr, zhResellDesc, "颜色分类："+pr.hintZH)
		hard = "near-twin product: the title does not say which line, the description and photo do"
	case "crossbrand":
		l.title = zhTitle(g.r, zhResellTitles, pr)
		hard = "the shop is authorised for another brand, not for this one"
	case "wmphoto":
		l.title = zhTitle(g.r, zhResellTitles, pr)
		hard = "official photos with a WeChat watermark, but a plausible price and no counterfeit wording"
	}
	lo := 0.7
	if s.live {
		lo = 0.66
	}
	l.price = g.localPrice(l, g.between(lo, 1.04))
	if l.price > pr.Price*cnyPer[pr.Cur]*0.95 && g.r.IntN(2) == 0 {
		l.tag = math.Round(l.price * 1.3)
	}
	switch {
	case mode == "wmphoto":
		e := edit{wm: pick(g.r, wmHandles), quality: 60, crop: 0.06}
		g.addImg(l, imgSpec{official: pr, shot: 0, e: e, q: 60})
	case mode == "impostor" || g.r.IntN(2) == 0:
		g.officialImgs(l, 75+g.r.IntN(15))
	default:
		g.ownPhoto(l, pr, pick(g.r, []int{1, 2, 3}), "")
	}
	why := fmt.Sprintf("U1: %s is neither official nor authorised for %s and offers %s new at a plausible price (%.0f%% of list)", s.name, b.Name, pr.SKU, ratioOf(l)*100)
	g.add(l, catUS, b.ID, pr.SKU, why, hard)
}

func (g *gen) aCf(pr *product, s *seller, mode string) {
	l := g.newListing(siteA, s, pr, "cf-"+mode)
	b := pr.brand
	hard := ""
	word := ""
	ratio := g.between(0.2, 0.6)
	kv := zhKV(g.r, pr)
	switch mode {
	case "title":
		l.title = fill(pick(g.r, zhCfTitles), kv)
		l.desc = g.descZH(pr, zhResellDesc)
	case "desc":
		if t, ok := officialTitleA[pr.SKU]; ok && g.r.IntN(2) == 0 {
			l.title = t
		} else {
			l.title = zhTitle(g.r, zhResellTitles, pr)
		}
		word = pick(g.r, zhCfDesc)
		l.desc = g.descZH(pr, nil, word)
		ratio = g.between(0.3, 0.85)
		hard = "counterfeit wording only in the description"
	case "price":
		if t, ok := officialTitleA[pr.SKU]; ok {
			l.title = t
		} else {
			l.title = zhTitle(g.r, zhOfficialTitles, pr)
		}
		l.desc = g.descZH(pr, nil, "正品保证，假一赔十，扫码领券更优惠。")
		ratio = g.between(0.18, 0.4)
		hard = "no counterfeit words (claims 正品/假一赔十); price far under list and edited official photos"
	case "odd":
		l.title = fill(pick(g.r, zhCfOdd), kv)
		l.desc = g.descZH(pr, zhResellDesc)
		hard = "counterfeit wording in unusual spelling or order"
	case "alias":
		l.title = fmt.Sprintf("%s %s %s", pr.EN, pick(g.r, []string{"原单", "高仿", "工厂直供", "1:1"}), pick(g.r, pr.kwZH))
		l.desc = g.descZH(pr, zhResellDesc)
		hard = "named only in English on the Chinese site"
	case "twin":
		l.title = fill("{gen} "+pick(g.r, []string{"原单", "工厂直供", "高仿", "尾单"})+" {k1}", kv)
		l.desc = g.descZH(pr, nil, "颜色分类："+pr.hintZH)
		hard = "near-twin product: title does not say which line; description and photo do"
	case "live":
		l.title = emojiTitle(g.r, pr.brand.ZH+pr.zhShort+" "+pr.spec+" 厂家直发 "+pick(g.r, pr.kwZH)+" 福利")
		l.desc = g.descZH(pr, zhLiveDesc, pick(g.r, zhCfDesc))
		l.plabel = "直播价"
		hard = "live-stream listing; counterfeit wording in the description"
	case "impostor":
		l.title = zhTitle(g.r, zhOfficialTitles, pr)
		l.desc = g.descZH(pr, nil, "官方旗舰店 "+pick(g.r, zhCfDesc))
		hard = "shop calls itself 官方旗舰店"
	}
	l.price = g.localPrice(l, ratio)
	if g.r.IntN(3) == 0 {
		l.tag = g.localPrice(l, 1)
		l.plabel = pick(g.r, []string{"到手价", "券后", "价格"})
	}
	if mode == "price" || g.r.IntN(3) > 0 {
		g.editedOfficial(l, mode == "price")
	} else {
		g.fakePhoto(l, pr)
	}
	if mode == "price" {
		why := fmt.Sprintf("C2: unregistered shop %s sells %s at %.0f%% of list with edited official photos; genuine stock cannot be had at that price", s.name, pr.SKU, ratioOf(l)*100)
		g.add(l, catCF, b.ID, pr.SKU, why, hard)
		return
	}
	why := fmt.Sprintf("C1: unregistered shop %s offers %s with counterfeit wording", s.name, pr.SKU)
	if hard != "" && strings.Contains(hard, "description") {
		why += " in the description"
	}
	g.add(l, catCF, b.ID, pr.SKU, why, hard)
}

func (g *gen) aCode(pr *product, s *seller, mode string) {
	l := g.newListing(siteA, s, pr, "code-"+mode)
	b := pr.brand
	hard := ""
	switch mode {
	case "title":
		l.title = zhTitle(g.r, zhCodeTitles, pr)
		l.desc = g.descZH(pr, zhResellDesc)
	case "desc":
		l.title = zhTitle(g.r, zhResellTitles, pr)
		l.desc = g.descZH(pr, nil, pick(g.r, zhCodeDesc))
		hard = "code removal stated only in the description"
	case "auth":
		l.title = zhTitle(g.r, zhAuthTitles, pr)
		l.desc = g.descZH(pr, nil, pick(g.r, zhCodeDesc))
		hard = "authorised seller; code tampering outranks price rules"
	}
	l.price = g.localPrice(l, g.between(0.62, 0.9))
	g.ownPhoto(l, pr, pick(g.r, []int{1, 3}), pick(g.r, []string{"", "SALE"}))
	if g.r.IntN(2) == 0 {
		g.addImg(l, imgSpec{official: pr, shot: 1, q: 80})
	}
	why := fmt.Sprintf("T1: %s states the batch/anti-counterfeit codes of %s were removed", s.name, pr.SKU)
	g.add(l, catCode, b.ID, pr.SKU, why, hard)
}

func (g *gen) aSecond(pr *product, s *seller, neg bool) {
	l := g.newListing(siteA, s, pr, "secondhand")
	l.title = zhTitle(g.r, zhSecondTitles, pr)
	l.desc = g.descZH(pr, zhSecondDesc)
	hard := "personal resale far under list"
	if neg {
		l.desc = g.descZH(pr, zhSecondNeg, pick(g.r, zhSecondDesc))
		hard = "personal resale with an honest negative opinion"
	}
	l.price = g.localPrice(l, g.between(0.2, 0.55))
	g.ownPhoto(l, pr, 2, "")
	g.add(l, "", pr.brand.ID, pr.SKU, "N6: a private person reselling an opened, used item; not a trade offer a complaint can target", hard)
}

func (g *gen) siteAProduct(b *brand, pr *product, i int) {
	offs := shopsOf(siteA, skOfficial, b.ID)
	auths := shopsOf(siteA, skAuth, b.ID)
	resell := shopsOf(siteA, skReseller, "")
	fakes := shopsOf(siteA, skFake, "")
	imps := shopsOf(siteA, skImpostor, "")
	persons := shopsOf(siteA, skPerson, "")
	au := func(k int) *seller { return auths[(i+k)%len(auths)] }
	rs := func(k int) *seller { return resell[(i*3+k)%len(resell)] }
	fk := func(k int) *seller { return fakes[(i*5+k)%len(fakes)] }
	var imp *seller
	for _, s := range imps {
		if strings.HasPrefix(s.name, b.ZH) || (b.ID == "calnova" && strings.HasPrefix(s.name, "康诺維")) {
			if imp == nil || i%2 == 1 {
				imp = s
			}
		}
	}
	live := func(k int) *seller {
		var ls []*seller
		for _, s := range resell {
			if s.live {
				ls = append(ls, s)
			}
		}
		return ls[(i+k)%len(ls)]
	}
	if b.ID == "verdanne" {
		g.aOfficial(pr, offs[0], 0)
		g.aAuth(pr, au(0), "ok")
		if i%3 == 0 {
			g.aAuth(pr, au(1), "dump")
		}
		g.aUnauth(pr, rs(0), pick(g.r, []string{"plain", "daigou"}))
		if i%2 == 0 {
			g.aUnauth(pr, imp, "impostor")
		}
		g.aCf(pr, fk(0), pick(g.r, []string{"title", "desc"}))
		if pr.twin != "" {
			g.aCf(pr, fk(1), "twin")
		}
		if i%3 == 1 {
			g.aCode(pr, rs(1), "title")
		}
		return
	}
	// official
	g.aOfficial(pr, offs[0], 0)
	g.aOfficial(pr, offs[0], 1+i%2)
	g.aOfficial(pr, offs[0], 3)
	if len(offs) > 1 && i%2 == 0 {
		g.aOfficial(pr, offs[1], 0)
	}
	if i%3 == 0 {
		g.aOfficialClear(pr, offs[0])
	}
	// authorised
	g.aAuth(pr, au(0), "ok")
	g.aAuth(pr, au(1), pick(g.r, []string{"ok", "couponok"}))
	switch i % 4 {
	case 0:
		g.aAuth(pr, au(2), "floor")
	case 1:
		g.aAuth(pr, au(2), "rangefloor")
	case 2:
		g.aAuth(pr, au(2), "couponok")
	default:
		g.aAuth(pr, au(2), "ok")
	}
	g.aAuth(pr, au(3), "ok")
	g.aAuth(pr, au(0), "dump")
	switch i % 3 {
	case 0:
		g.aAuth(pr, au(1), "coupondump")
	case 1:
		g.aAuth(pr, au(1), "rangedump")
	default:
		if a := au(2); a.live {
			g.aAuth(pr, a, "livedump")
		} else {
			g.aAuth(pr, a, "coupondump")
		}
	}
	// unauthorised
	g.aUnauth(pr, rs(0), "plain")
	g.aUnauth(pr, live(0), "live")
	switch i % 4 {
	case 0:
		g.aUnauth(pr, imp, "impostor")
	case 1:
		g.aUnauth(pr, rs(2), "daigou")
	case 2:
		g.aUnauth(pr, rs(3), "alias")
	default:
		g.aUnauth(pr, rs(4), "wmphoto")
	}
	if pr.twin != "" {
		g.aUnauth(pr, rs(5), "twin")
		g.aAuth(pr, au(1), "twin")
	}
	if b.ID != "calnova" && i%2 == 0 {
		g.aUnauth(pr, shop(siteA, "63100204"), "crossbrand")
	}
	// counterfeit
	g.aCf(pr, fk(0), "title")
	g.aCf(pr, fk(1), "desc")
	g.aCf(pr, fk(2), "price")
	if i%2 == 0 {
		g.aCf(pr, fk(3), "price")
	}
	switch i % 4 {
	case 0:
		g.aCf(pr, fk(4), "odd")
	case 1:
		g.aCf(pr, fk(4), "alias")
	case 2:
		g.aCf(pr, fk(4), "live")
	default:
		g.aCf(pr, fk(4), "odd")
	}
	if pr.twin != "" {
		g.aCf(pr, fk(5), "twin")
	}
	if i%3 == 2 {
		g.aCf(pr, imp, "impostor")
	}
	if i%4 == 1 {
		g.aCf(pr, fk(6), "title")
	}
	// code tampered
	g.aCode(pr, rs(6), pick(g.r, []string{"title", "title", "desc"}))
	if i%4 == 1 {
		g.aCode(pr, au(1), "auth")
	}
	if i%3 == 0 {
		g.aCode(pr, fk(7), "desc")
	}
	// second hand
	if i%4 != 3 {
		g.aSecond(pr, persons[i%len(persons)], i%4 == 2)
	}
}

// ---- brand-level listings on tianmao-plus ----

var genericShopZH = map[string][2]string{ // brand id -> shop id, mark
	"calnova":  {"74000004", "绿源"},
	"lirensa":  {"74000006", "纯萃"},
	"homvia":   {"74000005", "洁家"},
	"verdanne": {"74000004", "绿源"},
}

var genericShop2 = map[string][3]string{
	"calnova":  {"74000011", "优加", "YOUJIA"},
	"lirensa":  {"74000012", "水之源", "AQUASRC"},
	"homvia":   {"74000013", "净立方", "JINGCUBE"},
	"verdanne": {"74000011", "优加", "YOUJIA"},
}

var genericMark = map[string]string{"绿源": "LVYUAN", "纯萃": "CHUNCUI", "洁家": "JIEJIA"}

func lookDesign(pr *product, mark string) design {
	d := pr.design
	d.brandOverride = mark
	d.bodyShiftR, d.bodyShiftG, d.bodyShiftB = 18, -12, 10
	d.stripes = 2
	d.logo = logoStar
	d.bg = mix(d.bg, hex(0xffffff), 0.4)
	return d
}

func genericDesign(pr *product, mark string, k int) design {
	d := pr.design
	shapes := []int{shTub, shBottle, shBox, shTube, shJug, shBottleTall, shJar}
	d.shape = shapes[(k+len(mark))%len(shapes)]
	if pr.design.shape == shAppliance || pr.design.shape == shCylinder {
		d.shape = pr.design.shape
	}
	d.body = hex([]uint32{0x2a9d8f, 0xe76f51, 0x264653, 0xf4a261, 0x8ab17d, 0x9b5de5}[k%6])
	d.brandOverride = mark
	w := strings.Fields(strings.ToUpper(genericEN[pr.SKU]))
	if len(w) > 2 {
		w = w[:2]
	}
	d.lineOverride = strings.Join(w, " ")
	d.logo = logoDrop
	d.bg = hex(0xf5f5f5)
	return d
}

func (g *gen) simple(site string, s *seller, pr *product, kind, title, desc string, price float64, d design, lab Label, hard string) *listing {
	l := g.newListing(site, s, pr, kind)
	l.title, l.desc, l.price = title, desc, price
	g.addImg(l, imgSpec{d: d, q: 80})
	if site == siteB {
		g.ldShape(l)
	}
	l.lab = lab
	g.add(l, lab.Category, lab.Brand, lab.SKU, lab.Why, hard)
	return l
}

func (g *gen) siteABrand(b *brand) {
	gs := genericShopZH[b.ID]
	gshop := shop(siteA, gs[0])
	mark := gs[1]
	var look *seller
	for _, s := range shopsOf(siteA, skCompetitor, "") {
		if strings.HasPrefix(s.name, b.lookZH) {
			look = s
		}
	}
	// look-alike brand products and generic goods sharing words
	for i, pr := range b.Products {
		kv := zhKV(g.r, pr)
		if look != nil {
			t := fill("{look}"+pr.zhShort+"{spec} {k1} {k2} 官方正品", kv)
			if look.badge != "" {
				t = fill("{look}官方旗舰店 {look}"+pr.zhShort+"{spec} {k1} {k2}", kv)
			}
			g.simple(siteA, look, nil, "lookalike", t, "品牌："+b.lookZH+"\n自有品牌，全国正规渠道销售。",
				g.roundPrice(pr.Price*cnyPer[pr.Cur]*g.between(0.4, 0.8), "CNY"), lookDesign(pr, strings.ToUpper(b.lookEN)),
				Label{Why: "N3: look-alike brand " + b.lookZH + " selling its own product; a different mark, not a catalogue product"},
				"look-alike brand name and packaging")
		}
		t := fill(mark+genericZH[pr.SKU]+" {k1} {k2} 家庭装", kv)
		g.simple(siteA, gshop, nil, "generic", t, "品牌："+mark+"\n产地：中国",
			g.roundPrice(pr.Price*cnyPer[pr.Cur]*g.between(0.25, 0.7), "CNY"), genericDesign(pr, genericMark[mark], i),
			Label{Why: "N5: generic goods of another brand that share words with the catalogue product"}, "")
		g2 := genericShop2[b.ID]
		s2 := shop(siteA, g2[0])
		t = fill(g2[1]+" "+genericZH[pr.SKU]+" {k2} {k1} 正品 旗舰店", kv)
		g.simple(siteA, s2, nil, "generic", t, "品牌："+g2[1]+"\n"+s2.name+"自营",
			g.roundPrice(pr.Price*cnyPer[pr.Cur]*g.between(0.3, 0.9), "CNY"), genericDesign(pr, g2[2], i+2),
			Label{Why: "N5: generic goods of another brand that share words with the catalogue product"}, "")
	}
	bz := b.ZH
	acc := shop(siteA, "74000008")
	content := shopsOf(siteA, skContent, "")
	accDesign := func(shape int, col uint32) design {
		return design{shape: shape, body: hex(col), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x333333), bg: hex(0xf2f2f2)}
	}
	brandLab := func(why string) Label { return Label{Brand: b.ID, Why: why} }
	switch b.ID {
	case "calnova":
		g.simple(siteA, acc, nil, "accessory", "适用"+bz+"蛋白粉 摇摇杯 运动搅拌杯 带刻度 600ml", "通用款摇摇杯，适合冲调各类蛋白粉，非"+bz+"官方产品。", 29.9, accDesign(shShaker, 0x3f8f4f), brandLab("N4: an accessory that names the brand for compatibility; not the brand's product"), "names the brand and product in the title")
		g.simple(siteA, acc, nil, "accessory", bz+"蛋白粉罐通用 替换量勺 5g 食品级PP 10只装", "量勺适用于大部分蛋白粉罐。", 9.9, accDesign(shScoop, 0xdddddd), brandLab("N4: an accessory that names the brand for compatibility; not the brand's product"), "")
		g.simple(siteA, acc, nil, "accessory", "便携药盒 分装盒 7格 适合装"+bz+"鱼油 钙片 多维片", "分装药盒，不含任何保健品。", 12.8, accDesign(shBoxFlat, 0x8ecae6), brandLab("N4: an accessory that names the brand for compatibility; not the brand's product"), "names three catalogue products")
	case "lirensa":
		g.simple(siteA, acc, nil, "accessory", bz+"精华液适用 替换玻璃滴管 30ml瓶通用 3支", "通用滴管，适用于30ml精华瓶。", 15.9, accDesign(shDropper, 0xcccccc), brandLab("N4: an accessory that names the brand for compatibility; not the brand's product"), "")
		g.simple(siteA, acc, nil, "accessory", "亚克力化妆品收纳盒 适合放"+bz+"水乳精华面霜", "收纳盒，不含化妆品。", 39, accDesign(shBoxFlat, 0xf1f1f1), brandLab("N4: an accessory that names the brand for compatibility; not the brand's product"), "")
	case "homvia":
		fs := shop(siteA, "74000009")
		g.simple(siteA, acc, nil, "accessory", bz+"洗洁精 按压泵头 通用 1L瓶适用 2个装", "通用泵头，适配常见1L洗洁精瓶口。", 8.8, accDesign(shPump, 0x2f7d32), brandLab("N4: an accessory that names the brand for compatibility; not the brand's product"), "")
		g.simple(siteA, fs, nil, "compatible-part", "适配"+bz+"RO-600净水器 兼容复合滤芯 非原厂 平替款", "本品为第三方兼容滤芯，非"+bz+"原厂产品，尺寸接口与RO-600一致。", 168, accDesign(shCylinder, 0x7d8ea0), brandLab("N4: a third-party compatible filter that says it is not original; not the brand's product"), "compatible part for a catalogue product, says 非原厂")
		g.simple(siteA, fs, nil, "service", bz+"净水器 上门安装服务 滤芯更换 同城师傅", "提供净水器上门安装与滤芯更换服务，不含滤芯。", 50, accDesign(shAppliance, 0xbbbbbb), brandLab("N4: an installation service, not a product offer"), "")
		g.simple(siteA, shop(siteA, "74000005"), nil, "generic", "禾美家园家政 日常保洁 深度清洁 上门服务 2小时", "禾美家园家政服务中心，与任何日化品牌无关。", 120, accDesign(shSpray, 0x90be6d), Label{Why: "N5: a housekeeping service whose name shares characters with the brand"}, "shares the brand's characters")
	case "verdanne":
		g.simple(siteA, acc, nil, "accessory", "胶原蛋白粉 密封罐 适用"+bz+"胶原蛋白 替换勺", "密封罐+量勺，不含胶原蛋白。", 19.9, accDesign(shJar, 0xd4af37), brandLab("N4: an accessory that names the brand for compatibility; not the brand's product"), "")
	}
	if b.ID != "verdanne" {
		pr := b.Products[0]
		vs := lookDesign(pr, "FAKE")
		gd := pr.design
		gd.vs = &vs
		gd.overlay, gd.overlayColor = "REAL VS FAKE", hex(0xd62828)
		g.simple(siteA, content[2], nil, "guide", "【电子版】"+bz+pr.zhShort+"真假鉴别图解 高仿与正品对比 防伪查询教程", "电子资料，付款后自动发送。教你从包装、批号、防伪码辨别高仿"+bz+"产品。", 9.9, gd, brandLab("N7: a guide on spotting fakes; it mentions 高仿 to teach, it does not sell a product"), "guide that contains counterfeit words")
		md := b.Products[1].design
		md.magnifier = true
		g.simple(siteA, content[0], nil, "service", bz+"正品鉴定服务 专业鉴别"+b.Products[1].zhShort+"真假 出具报告", "拍照上传即可鉴定，24小时出报告。", 29, md, brandLab("N7: an authentication service, not a product offer"), "")
		rd := b.Products[2].design
		rd.overlay, rd.overlayColor = "REVIEW", hex(0x1d3557)
		g.simple(siteA, content[1], nil, "review", bz+b.Products[2].zhShort+"真实测评 用了一个月 成分分析 优缺点 电子版", "测评资料合集，客观分析成分和使用感受，有优点也有缺点。", 5.9, rd, brandLab("N7: a review; honest opinion is not defamation"), "")
	}
	// defamation and its hard negatives
	comp := shop(siteA, "74000007")
	gp := b.Products[0]
	gd := genericDesign(gp, "BENCAO", 3)
	warn := design{bg: hex(0xfff3cd), warning: true, noProduct: true, overlay: "WARNING", overlayColor: hex(0xd62828)}
	doc := design{bg: hex(0xe9ecef), documentPage: true, overlay: "EXPOSED", overlayColor: hex(0xd62828)}
	def := func(title, desc string, d design, why, hard string) {
		g.simple(siteA, comp, nil, "defamation", title, desc, g.roundPrice(g.between(19, 99), "CNY"), d, Label{Category: catDef, Brand: b.ID, Why: why}, hard)
	}
	switch b.ID {
	case "calnova":
		def("揭秘"+bz+"传销骗局内幕 直销洗脑全过程 电子书", bz+"就是传销骗局，专门骗中老年人，看完你就明白了。", doc, "D1: calls the brand a 传销骗局 (a brand defamation term)", "")
		def("本草植物蛋白粉 天然无添加 别再被"+bz+"割韭菜了", "买过"+bz+"的都知道，几百块一罐就是割韭菜。我们的蛋白粉成分一样，价格三分之一。", gd, "D1: competitor listing that says the brand 割韭菜 (a brand defamation term)", "")
		def("本草大豆蛋白粉 中老年营养 买前必看", "听说有人吃"+bz+"的蛋白粉吃到住院，厂家早就被查了，还是选我们本草的放心。", gd, "D1: competitor listing falsely claims the brand's protein put people in hospital and the maker was shut down", "defamation only in the description, no listed term")
		g.simple(siteA, content[2], nil, "scam-warning", "⚠️防骗提醒 冒充"+bz+"官方的微信号都是骗局 认准官方旗舰店 电子版防骗手册", "近期有人冒充"+bz+"客服加微信卖货，都是骗局，请认准官方旗舰店。", 0.1, warn, brandLab("N7: a scam warning that protects the brand; it does not attack it"), "contains 骗局 but defends the brand")
		g.simple(siteA, comp, nil, "comparison", "本草植物蛋白粉 对标"+bz+"蛋白粉 同等含量 价格更低", "蛋白含量与"+bz+"植物蛋白粉同为80%，价格更实惠。", 99, gd, Label{Brand: b.ID, Why: "N7: comparative advertising with a true claim; it does not attack the brand"}, "names the brand in a competitor's title")
	case "lirensa":
		def("纯萃修护精华 专治"+bz+"烂脸 激素脸救星", "用了"+bz+"烂脸的姐妹看过来，那就是激素脸，赶紧停用换纯萃。", gd, "D1: says the brand causes 烂脸/激素脸 (brand defamation terms)", "")
		def(bz+"重金属超标 曝光 换本草纯植物护肤 安心", bz+"被曝重金属超标，还在用的赶紧停。", doc, "D1: claims the brand's products have 重金属超标 (a brand defamation term)", "")
		def("本草舒缓面霜 敏感肌 "+bz+"用户必看", "听说"+bz+"面霜查出违禁成分被药监通报了，用过的赶紧停，换我们的。", gd, "D1: falsely claims the brand's cream was named by the drug regulator for banned ingredients", "defamation only in the description, no listed term")
		g.simple(siteA, content[2], nil, "scam-warning", "⚠️警惕"+bz+"假货骗局 教你识别真假 防伪码查询指南", "网上有不少冒充"+bz+"的假货，本指南教你查防伪码，认准官方渠道。", 1, warn, brandLab("N7: a warning about fakes that protects the brand"), "contains 假货/骗局 but defends the brand")
	case "homvia":
		def("洁家天然洗洁精 "+bz+"洗洁精甲醛超标致癌 赶紧换", bz+"洗洁精甲醛超标，长期用致癌，家里有孩子的赶紧换。", gd, "D1: claims the brand's dish liquid has 甲醛超标 and causes cancer (brand defamation terms)", "")
		def(bz+"净水器有毒 越滤越脏 本草净水器以旧换新", bz+"净水器滤出来的水有毒，以旧换新立减500。", gd, "D1: claims the brand's purifier makes water 有毒 (a brand defamation term)", "")
		def("本草净水器 厂家直营 别再上当", bz+"就是个骗子公司，卖的净水器全是翻新机，我们厂家直营全新机。", gd, "D1: falsely calls the brand a fraud company selling refurbished purifiers as new", "defamation only in the description, no listed term")
		g.simple(siteA, shop(siteA, "80000004"), productBySKU["HMV-DISH-LEM"], "secondhand", "闲置 "+bz+"洗洁精柠檬 开封用了一点 味道太冲不喜欢", "个人觉得柠檬味有点冲，不喜欢，便宜出。", 20, productBySKU["HMV-DISH-LEM"].design, Label{Brand: b.ID, SKU: "HMV-DISH-LEM", Why: "N6: a private person reselling an opened item with an honest opinion; neither a trade offer nor defamation"}, "negative opinion, not an attack")
	case "verdanne":
		def(bz+"骗局公司 山竹精华都是色素水 揭秘电子书", bz+"就是骗局公司，山竹精华饮是色素加糖水。", doc, "D1: calls the brand a 骗局公司 (a brand defamation term) and its juice coloured sugar water", "")
	}
}
