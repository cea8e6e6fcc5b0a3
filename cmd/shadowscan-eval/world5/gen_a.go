package world5

import (
	"fmt"
	"strings"
)

var (
	kwNeutralA  = []string{"正品", "现货", "批发", "一件代发", "包邮", "新日期", "量大从优", "支持验货", "大量现货", "当天发货", "团购", "正品保障", "实体店货源", "热卖", "新品", "全国包邮", "假一赔十", "社区团购", "微商货源"}
	kwOfficialA = []string{"官方正品", "品牌直供", "防伪可查", "新品上市", "官方批发", "品牌方直营", "会员同价"}
	kwAuthA     = []string{"授权经销", "正品保障", "防伪可查", "一件代发", "新日期", "可开发票", "品牌授权"}
	cfWordsA    = []string{"高仿", "原单", "工厂直供", "尾单", "1:1", "A货", "精仿", "一比一", "复刻版", "超A", "原厂尾货", "同厂同料", "代工厂货", "仿品"}
	cfOddA      = []string{"高 仿", "1比1", "一 比 一", "原单货", "G仿", "复刻", "一比一还原", "高品质仿"}
	ctWordsA    = []string{"刮码", "撕码", "剪码", "无码", "去码", "刮码特价", "码已刮", "无码清仓", "撕码低价"}
	negWordsA   = []string{"拒绝高仿 只做正品", "非刮码 有码正品", "假一赔十 非A货", "不卖尾单 只卖新货", "正品有码 非撕码", "杜绝仿品 支持验货"}
	unauthDescA = []string{"正品现货，渠道货源，支持验货，量大从优。", "本店长期供应各大品牌日化、保健品，货源稳定，实物拍摄。", "日期新鲜，下单当天发货，支持一件代发。", "欢迎实体店、社区团购、微商合作，价格可谈。", "所有商品均为正品，假一赔十。", "包装完好，外箱日期为近三个月生产。", "本店为批发商，非品牌方，货源来自各地经销商调货。"}
	cfDescA     = []string{"本品与专柜同一代工厂出品，品质一比一，价格只要专柜零头。", "高品质复刻版，包装、防伪标与正品一模一样，懂的来。", "工厂直供，无中间商赚差价，非专柜渠道，介意勿拍。", "原单尾货处理，数量有限，卖完即止。", "做工精细，和正品对比99%相似，放心拿货，可长期合作。", "A货品质，外观无差别，加微信看实拍视频。", "代工厂流出货，配方同正品，没有品牌授权所以便宜。", "精仿版本，手感香味一致，专供微商代理。", "同厂同料，只是没走品牌渠道，价格美丽。", "高/仿货，包装细节还原度高，不接受质量问题以外的退货。", "一 比 一 还原专柜版包装，外行看不出来。", "G仿，与正品出自同一条流水线。"}
	ctDescA     = []string{"因渠道原因，外盒及瓶身批号已刮，不影响使用，介意慎拍。", "防伪码已撕，正品渠道货，价格优势明显。", "外包装条码已剪，内容物为正品，介意勿拍。", "二维码已涂抹处理，无法扫码查询，介意者勿拍。", "喷码已用工具去除，保证正品，放心使用。", "瓶底生产批号已处理（去码），其余完好。", "为保护上家渠道，防伪标签已揭掉，请知悉。"}
)

func (w *world) newA(p *product, s *seller, title string) *listing {
	l := &listing{site: siteA, key: w.offerID(), title: title, seller: s, unitWord: "件", minOrder: 1 + w.r.IntN(3)}
	if p != nil {
		l.unitWord = p.unitCN
	}
	l.sales = w.r.IntN(3000)
	l.reviews = w.r.IntN(200)
	return l
}

// tiersA builds 1-3 ladder prices from head downwards; no tier goes under clampMin (if > 0).
func (w *world) tiersA(l *listing, head, clampMin float64) {
	n := 1 + w.r.IntN(3)
	qs := [][]int{{l.minOrder, 10, 50}, {l.minOrder, 20, 100}, {l.minOrder, 5, 30}}[w.r.IntN(3)]
	l.tiers = nil
	price := roundCNY(head)
	for i := 0; i < n; i++ {
		if clampMin > 0 && price < clampMin {
			price = clampMin
		}
		l.tiers = append(l.tiers, tier{price, qs[i]})
		if clampMin > 0 && price == clampMin {
			break
		}
		price = roundCNY(price * (1 - w.uni(0.03, 0.06)))
	}
	l.priceStyle = 0
	if len(l.tiers) == 1 && w.r.IntN(3) == 0 {
		l.priceStyle = 3
	}
}

func (l *listing) headA() float64 { return l.tiers[0].price }

func (l *listing) lowA() float64 { return l.tiers[len(l.tiers)-1].price }

func (w *world) attrsA(p *product, brandName string, s *seller) [][2]string {
	spec := p.cnBare
	return [][2]string{{"品牌", brandName}, {"品名", spec}, {"产地", s.city}, {"保质期", "24个月"},
		{"货号", fmt.Sprintf("%s-%02d", strings.SplitN(p.sku, "-", 2)[0], w.r.IntN(90)+10)},
		{"是否支持一件代发", []string{"是", "否"}[w.r.IntN(2)]}, {"售卖方式", "单品"}}
}

func (w *world) kw(pool []string, lo, hi int) string {
	return strings.Join(w.pickN(pool, lo+w.r.IntN(hi-lo+1)), " ")
}

func (w *world) titleA(core string, pool []string) string {
	k := w.kw(pool, 2, 4)
	if w.r.IntN(5) == 0 {
		return k + " " + core
	}
	return core + " " + k
}

func officialDescA(p *product) []string {
	b := p.b
	return []string{fmt.Sprintf("【%s官方】本店为%s品牌方直营批发店铺，所有商品由品牌仓库直接发货，每件附防伪码，可在官网查询真伪。", b.cn, b.cn),
		p.descCN, "起批说明：页面阶梯价为含税出厂价，整箱及定制需求请联系客服。"}
}

func (w *world) authDescA(p *product) []string {
	return []string{fmt.Sprintf("本公司为%s品牌授权经销商（授权编号：%s%04d），所售商品均从品牌方进货，正品保障，支持官网防伪查询。", p.b.cn, strings.ToUpper(p.b.id[:3]), 1000+w.r.IntN(9000)),
		p.descCN, "批发价以页面阶梯价为准，一件代发请备注。"}
}

func (w *world) unauthDescA(p *product) []string {
	d := w.pickN(unauthDescA, 2)
	return []string{d[0], p.descCN, d[1]}
}

func fmtCNY(v float64) string { return fmt.Sprintf("%.2f", v) }

func (w *world) genA() {
	ps := allProducts()
	offA := map[string][]*seller{}
	authA := map[string][]*seller{}
	imps := map[string]*seller{}
	for _, b := range brands {
		for _, id := range b.officialA {
			offA[b.id] = append(offA[b.id], w.seller(siteA, id))
		}
		for _, id := range b.authA {
			authA[b.id] = append(authA[b.id], w.seller(siteA, id))
		}
	}
	imps["lunessa"] = w.seller(siteA, "lunessa-pifa")
	imps["verdalis"] = w.seller(siteA, "vdl-zongdaili")
	imps["clarimont"] = w.seller(siteA, "qinglan-pifa")
	imps["sorevita"] = w.seller(siteA, "srv-shouquan")
	var others []*seller
	for _, s := range w.sellersOf(siteA, kOther) {
		if s != imps["lunessa"] && s != imps["verdalis"] && s != imps["clarimont"] && s != imps["sorevita"] {
			others = append(others, s)
		}
	}
	cfShops, greyShops, genShops := others[:14], others[14:30], others[30:]
	persons := w.sellersOf(siteA, kPerson)

	offTitle := map[string]string{}
	for _, p := range ps {
		offTitle[p.sku] = p.cnCore[0] + " " + w.kw(kwOfficialA, 2, 3) + " 批发"
	}
	brandA := func(p *product) string { return p.b.cn }

	// ---- O1: official shops ----
	for i, p := range ps {
		s := offA[p.b.id][0]
		l := w.newA(p, s, offTitle[p.sku])
		w.tiersA(l, p.price, 0)
		l.tiers = []tier{{p.price, 1}, {roundCNY(p.price * 0.96), 10}, {roundCNY(p.price * 0.92), 50}}
		l.images = []string{w.imgOfficial(siteA, p, 90), w.imgDetail(siteA, p), w.imgScene(siteA, p, false, false)}
		l.desc = officialDescA(p)
		l.attrs = w.attrsA(p, brandA(p), s)
		l.sales = 2000 + w.r.IntN(8000)
		l.rank = 2
		l.kind = "official"
		l.lab = lab(false, "", nil, p, "O1: listed by the brand's own official shop on pifa-hub; official shops are never flagged")
		w.finish(l)

		l = w.newA(p, s, "")
		l.images = []string{w.imgOfficial(siteA, p, 88), w.imgDetail(siteA, p)}
		l.desc = officialDescA(p)
		l.attrs = w.attrsA(p, brandA(p), s)
		l.kind = "official"
		why := "O1: official shop listing; never flagged"
		switch i % 4 {
		case 0:
			l.title = fmt.Sprintf("%s 整箱%d%s 官方批发 %s", p.cnCore[1], p.carton, p.unitCN, w.kw(kwOfficialA, 1, 2))
			l.unitWord = "箱"
			l.tiers = []tier{{roundCNY(float64(p.carton) * p.price * 0.95), 1}, {roundCNY(float64(p.carton) * p.price * 0.92), 5}}
			l.attrs[6] = [2]string{"售卖方式", fmt.Sprintf("整箱（每箱%d%s）", p.carton, p.unitCN)}
			why = "O1: official shop carton listing; never flagged"
		case 1:
			l.title = p.cnCore[2] + " 厂家直销 工厂直供 " + w.kw(kwOfficialA, 1, 2)
			l.tiers = []tier{{p.price, 1}, {roundCNY(p.price * 0.95), 20}}
			why = "O1: the manufacturer's own shop; its 'factory direct' wording is literally true and official shops are never flagged"
		case 2:
			l.title = "临期清仓 " + p.cnCore[0] + " 效期至2025年3月 官方特价"
			l.tiers = []tier{{roundCNY(p.floor * w.uni(0.6, 0.85)), 1}}
			l.priceStyle = 3
			l.desc = append(l.desc, "临期清仓处理，效期见详情，售完即止。")
			why = "O1: official clearance below the floor; the brand may price its own stock as it likes, never flagged"
		case 3:
			l.title = p.cnCore[0] + " 礼盒装/标准装 " + w.kw(kwOfficialA, 1, 2)
			l.tiers = []tier{{p.price, 1}}
			l.priceHi = roundCNY(p.price * 1.1)
			l.priceStyle = 1 + w.r.IntN(2)
			l.attrs = append(l.attrs, [2]string{"规格", "标准装 / 礼盒装（含手提袋）"})
		}
		l.lab = lab(false, "", nil, p, why)
		w.finish(l)
	}
	// extra official clearance and outlet listings
	for i, p := range w.cycle(12, ps) {
		s := offA[p.b.id][len(offA[p.b.id])-1]
		l := w.newA(p, s, fmt.Sprintf("【清仓特价】%s 外箱轻微破损 %s", p.cnCore[i%3], w.kw(kwOfficialA, 1, 2)))
		l.tiers = []tier{{roundCNY(p.floor * w.uni(0.55, 0.9)), 1}}
		l.priceStyle = []int{0, 3}[i%2]
		l.images = []string{w.imgOfficial(siteA, p, 80), w.imgScene(siteA, p, false, false)}
		l.desc = append(officialDescA(p), "外箱运输中轻微压痕，内容物完好，官方清仓。")
		l.attrs = w.attrsA(p, brandA(p), s)
		l.kind = "official"
		l.lab = lab(false, "", nil, p, "O1: official clearance listing below the floor; official shops are never flagged")
		w.finish(l)
	}

	// ---- N1: authorised sellers at or above the floor ----
	for i, p := range w.cycle(70, ps) {
		s := w.pickSeller(authA[p.b.id])
		l := w.newA(p, s, "")
		l.images = []string{w.imgOfficial(siteA, p, 75+w.r.IntN(15))}
		if w.r.IntN(2) == 0 {
			l.images = append(l.images, w.imgScene(siteA, p, false, false))
		}
		l.desc = w.authDescA(p)
		l.attrs = w.attrsA(p, brandA(p), s)
		l.kind = "authorised_ok"
		why := "N1: authorised seller, every offered per-unit price at or above the floor"
		head := roundCNY(w.uni(p.floor*1.01, p.price))
		switch i % 6 {
		case 0:
			l.title = offTitle[p.sku]
			w.tiersA(l, head, p.floor)
			why = "N1: authorised seller copying the official title; every tier at or above the floor"
		case 1:
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwAuthA)
			w.tiersA(l, head, p.floor)
		case 2:
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwAuthA)
			l.tiers = []tier{{roundCNY(p.floor * 1.05), l.minOrder}, {p.floor, 20}}
			why = "N1: authorised seller whose lowest tier is exactly the floor (at the floor is allowed)"
		case 3:
			l.title = p.cnCore[w.r.IntN(3)] + " " + w.pick(negWordsA) + " " + w.kw(kwAuthA, 1, 2)
			w.tiersA(l, head, p.floor)
			why = "N1/N7: authorised seller at or above the floor; its 'not fake / has codes' wording is a denial, not a signal"
		case 4:
			if p.twin != "" {
				l.title = w.titleA(p.ambCN, kwAuthA)
				l.desc = append(l.desc, p.hintCN)
				l.attrs = append(l.attrs, [2]string{"规格/口味", strings.SplitN(p.hintCN, "：", 2)[1]})
				why = "N1: authorised seller at or above the floor; the twin is told apart by the description and photo"
			} else {
				l.title = w.titleA(p.aliases[1+w.r.IntN(len(p.aliases)-1)], kwAuthA)
			}
			w.tiersA(l, head, p.floor)
		case 5:
			l.title = fmt.Sprintf("%s 整箱%d%s %s", p.cnCore[w.r.IntN(3)], p.carton, p.unitCN, w.kw(kwAuthA, 1, 2))
			l.unitWord = "箱"
			per := roundCNY(w.uni(p.floor*1.01, p.price*0.98))
			l.tiers = []tier{{roundCNY(per * float64(p.carton)), 1}}
			l.attrs[6] = [2]string{"售卖方式", fmt.Sprintf("整箱（每箱%d%s，折合每%s%s元）", p.carton, p.unitCN, p.unitCN, fmtCNY(per))}
			why = "N1: authorised seller selling by the carton; the per-unit price is at or above the floor"
		}
		l.lab = lab(false, "", nil, p, why)
		w.finish(l)
	}

	// ---- D1: price dumping by authorised sellers ----
	for i, p := range w.cycle(35, ps) {
		s := w.pickSeller(authA[p.b.id])
		l := w.newA(p, s, "")
		l.images = []string{w.imgOfficial(siteA, p, 70+w.r.IntN(20))}
		l.desc = w.authDescA(p)
		l.attrs = w.attrsA(p, brandA(p), s)
		l.kind = "price_dumping"
		var why string
		switch i % 7 {
		case 0, 1, 2, 3:
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], append([]string{"特价", "低价", "亏本冲量", "清库存"}, kwAuthA...))
			if i%7 == 0 {
				l.title = offTitle[p.sku]
			}
			w.tiersA(l, p.floor*w.uni(0.72, 0.94), 0)
			why = fmt.Sprintf("D1: authorised seller offering ¥%s per unit, under the ¥%s floor", fmtCNY(l.headA()), fmtCNY(p.floor))
		case 4:
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwAuthA)
			l.tiers = []tier{{roundCNY(w.uni(p.floor*1.02, p.price)), l.minOrder}, {roundCNY(p.floor * w.uni(0.86, 0.95)), 20 + 30*w.r.IntN(2)}}
			why = fmt.Sprintf("D1: authorised seller whose quantity tier (≥%d) offers ¥%s per unit, under the ¥%s floor (the headline price is above it)", l.tiers[1].minQty, fmtCNY(l.tiers[1].price), fmtCNY(p.floor))
		case 5:
			l.title = fmt.Sprintf("%s 整箱%d%s 批发价", p.cnCore[w.r.IntN(3)], p.carton, p.unitCN)
			l.unitWord = "箱"
			per := roundCNY(p.floor * w.uni(0.78, 0.93))
			l.tiers = []tier{{roundCNY(per * float64(p.carton)), 1}}
			l.attrs[6] = [2]string{"售卖方式", fmt.Sprintf("整箱（每箱%d%s）", p.carton, p.unitCN)}
			why = fmt.Sprintf("D1: authorised seller's carton of %d works out at about ¥%s per unit, under the ¥%s floor", p.carton, fmtCNY(per), fmtCNY(p.floor))
		case 6:
			l.title = w.titleA(p.aliases[1+w.r.IntN(len(p.aliases)-1)], append([]string{"特价"}, kwAuthA...))
			w.tiersA(l, p.floor*w.uni(0.75, 0.93), 0)
			why = fmt.Sprintf("D1: authorised seller (product named by alias) at ¥%s, under the ¥%s floor", fmtCNY(l.headA()), fmtCNY(p.floor))
		}
		l.lab = lab(true, "price_dumping", nil, p, why)
		w.finish(l)
	}

	// ---- C1/C2: counterfeits ----
	twinsA := []*product{}
	for _, p := range ps {
		if p.twin != "" {
			twinsA = append(twinsA, p)
		}
	}
	for i, p := range w.cycle(90, ps) {
		s := w.pickSeller(cfShops)
		l := w.newA(p, s, "")
		l.images = []string{w.imgEdited(siteA, p)}
		if w.r.IntN(2) == 0 {
			l.images = append(l.images, w.imgEdited(siteA, p))
		}
		if w.r.IntN(3) == 0 {
			l.images = append(l.images, w.imgScene(siteA, p, true, false))
		}
		l.desc = w.unauthDescA(p)
		l.attrs = w.attrsA(p, brandA(p), s)
		l.kind = "counterfeit"
		var why string
		switch {
		case i < 46:
			word := w.pick(cfWordsA)
			switch i % 4 {
			case 0:
				l.title = offTitle[p.sku] + " " + word
			case 1:
				l.title = word + " " + w.titleA(p.cnCore[w.r.IntN(3)], kwNeutralA)
			case 2:
				word = w.pick(cfOddA)
				l.title = p.cnCore[w.r.IntN(3)] + " " + word + " " + w.kw(kwNeutralA, 1, 3)
			case 3:
				l.title = w.titleA(p.cnCore[w.r.IntN(3)]+" "+word+" "+w.pick(cfWordsA), kwNeutralA)
			}
			if i == 5 || i == 17 || i == 29 {
				l.title = p.cnCore[0] + " 原单 刮码 " + w.kw(kwNeutralA, 1, 2)
				word = "原单 + 刮码"
				l.desc = append(l.desc, w.pick(ctDescA))
			}
			if i == 9 || i == 21 || i == 33 || i == 41 {
				q := twinsA[(i/9)%len(twinsA)]
				p = q
				l.title = p.ambCN + " " + word + " " + w.kw(kwNeutralA, 1, 2)
				l.images = []string{w.imgEdited(siteA, p)}
				l.desc = append(w.unauthDescA(p), p.hintCN)
				l.attrs = w.attrsA(p, brandA(p), s)
			}
			w.tiersA(l, p.price*w.uni(0.2, 0.7), 0)
			why = fmt.Sprintf("C1: unauthorised seller, red-flag wording %q in the title", word)
			if i == 9 || i == 21 || i == 33 || i == 41 {
				why += "; the title does not say which twin, the description and photo do"
			}
			if word == "原单 + 刮码" {
				why = "C1: unauthorised seller, '原单' (counterfeit wording) in the title; counterfeit takes precedence over the '刮码' code-removal claim"
			}
		case i < 68:
			if i%3 == 0 {
				l.title = offTitle[p.sku]
			} else {
				l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwNeutralA)
			}
			sent := w.pick(cfDescA)
			l.desc = []string{w.pick(unauthDescA), p.descCN, sent}
			if i%4 == 1 {
				l.attrs = append(l.attrs, [2]string{"货源类别", []string{"工厂货", "原单尾货", "代工厂货"}[w.r.IntN(3)]})
			}
			w.tiersA(l, p.price*w.uni(0.42, 0.8), 0)
			why = fmt.Sprintf("C1: unauthorised seller admits a counterfeit only in the description (%q)", sent)
		default:
			if i%3 == 0 {
				l.title = offTitle[p.sku]
			} else {
				l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwNeutralA)
			}
			if i%5 == 0 {
				l.title = fmt.Sprintf("%s 整箱%d%s %s", p.cnCore[w.r.IntN(3)], p.carton, p.unitCN, w.kw(kwNeutralA, 1, 2))
				l.unitWord = "箱"
				per := roundCNY(p.price * w.uni(0.18, 0.33))
				l.tiers = []tier{{roundCNY(per * float64(p.carton)), 1}}
				l.attrs[6] = [2]string{"售卖方式", fmt.Sprintf("整箱（每箱%d%s）", p.carton, p.unitCN)}
				why = fmt.Sprintf("C2: unauthorised seller's carton of %d works out at ¥%s per unit, %.0f%% of the ¥%s list price", p.carton, fmtCNY(per), per/p.price*100, fmtCNY(p.price))
			} else {
				w.tiersA(l, p.price*w.uni(0.15, 0.37), 0)
				why = fmt.Sprintf("C2: unauthorised seller at ¥%s, %.0f%% of the ¥%s list price: no genuine channel sells that low", fmtCNY(l.headA()), l.headA()/p.price*100, fmtCNY(p.price))
			}
		}
		l.lab = lab(true, "counterfeit", nil, p, why)
		w.finish(l)
	}

	// ---- T1: code tampered ----
	for i, p := range w.cycle(35, ps) {
		s := w.pickSeller(greyShops)
		auth := i%7 == 3
		if auth {
			s = w.pickSeller(authA[p.b.id])
		}
		l := w.newA(p, s, "")
		l.images = []string{w.imgScene(siteA, p, false, true)}
		if w.r.IntN(2) == 0 {
			l.images = append(l.images, w.imgOfficial(siteA, p, 70))
		}
		l.desc = w.unauthDescA(p)
		l.attrs = w.attrsA(p, brandA(p), s)
		l.kind = "code_tampered"
		var why string
		switch {
		case i < 18:
			word := w.pick(ctWordsA)
			l.title = w.titleA(p.cnCore[w.r.IntN(3)]+" "+word, kwNeutralA)
			why = fmt.Sprintf("T1: the title says the codes are removed (%q)", word)
		case i < 30:
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwNeutralA)
			sent := w.pick(ctDescA)
			l.desc = append(l.desc, sent)
			why = fmt.Sprintf("T1: only the description says the codes are removed (%q)", sent)
		default:
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwNeutralA)
			a := [][2]string{{"批号", "已去除"}, {"是否有码", "无码"}, {"防伪码", "已撕"}, {"喷码", "已处理"}}[w.r.IntN(4)]
			l.attrs = append(l.attrs, a)
			why = fmt.Sprintf("T1: the attribute table says %s: %s (codes removed)", a[0], a[1])
		}
		if auth {
			l.desc[0] = w.authDescA(p)[0]
			why += "; the seller is authorised but code removal comes first in the order"
		}
		head := p.price * w.uni(0.56, 0.92)
		if auth && i%2 == 1 {
			head = p.floor * w.uni(0.8, 0.95)
			why += " (its price is also under the floor)"
		}
		w.tiersA(l, head, 0)
		l.lab = lab(true, "code_tampered", nil, p, why)
		w.finish(l)
	}

	// ---- U1: unauthorised sellers at plausible prices ----
	hengda := w.seller(siteA, "hengda-rihua")
	for i, p := range w.cycle(75, ps) {
		s := w.pickSeller(greyShops)
		l := w.newA(p, s, "")
		switch w.r.IntN(3) {
		case 0:
			l.images = []string{w.imgOfficial(siteA, p, 70+w.r.IntN(20))}
		case 1:
			l.images = []string{w.imgScene(siteA, p, false, false), w.imgScene(siteA, p, false, false)}
		default:
			l.images = []string{w.imgOfficial(siteA, p, 80), w.imgScene(siteA, p, false, false)}
		}
		l.desc = w.unauthDescA(p)
		l.attrs = w.attrsA(p, brandA(p), s)
		l.kind = "unauthorized_seller"
		why := "U1: a seller neither official nor authorised offers the product new at a plausible price, with no counterfeit or code-removal signal"
		switch i % 10 {
		case 0, 1:
			l.title = offTitle[p.sku]
			why = "U1: unauthorised seller copying the official title word for word, plausible price, no counterfeit signal"
		case 2, 3, 4:
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwNeutralA)
		case 5:
			if w.r.IntN(2) == 0 {
				l.title = w.titleA(strings.ToUpper(p.b.mark)+" "+p.enBare, kwNeutralA)
			} else {
				l.title = w.titleA(p.aliases[1+w.r.IntN(len(p.aliases)-1)], kwNeutralA)
			}
			why = "U1: unauthorised seller naming the product by alias / in English, plausible price"
		case 6:
			l.seller = imps[p.b.id]
			s = l.seller
			l.title = w.titleA(p.cnCore[w.r.IntN(3)], append([]string{"官方", "总代"}, kwNeutralA...))
			why = "U1: shop name imitates an official or authorised shop but its id is not registered; plausible price"
		case 7:
			if p.twin != "" {
				l.title = w.titleA(p.ambCN, kwNeutralA)
				l.desc = append(l.desc, p.hintCN)
				l.images = []string{w.imgOfficial(siteA, p, 80)}
				why = "U1: unauthorised seller; the title does not say which twin, the description and photo do"
			} else {
				l.title = w.titleA(p.cnCore[1], kwNeutralA)
			}
		case 8:
			l.title = p.cnCore[w.r.IntN(3)] + " " + w.pick(negWordsA) + " " + w.kw(kwNeutralA, 1, 2)
			why = "U1/N7: unauthorised seller at a plausible price; its 'no fakes / has codes' wording is a denial, not a signal"
		case 9:
			if p.b.id == "lunessa" || p.b.id == "sorevita" {
				l.seller = hengda
				s = hengda
				l.title = w.titleA(p.cnCore[w.r.IntN(3)], kwAuthA)
				why = "U1: the seller is authorised for other brands, not for this one; plausible price"
			} else {
				l.title = fmt.Sprintf("%s 整箱%d%s %s", p.cnCore[w.r.IntN(3)], p.carton, p.unitCN, w.kw(kwNeutralA, 1, 2))
				l.unitWord = "箱"
				per := roundCNY(p.price * w.uni(0.65, 0.9))
				l.tiers = []tier{{roundCNY(per * float64(p.carton)), 1}}
				l.attrs[6] = [2]string{"售卖方式", fmt.Sprintf("整箱（每箱%d%s）", p.carton, p.unitCN)}
				why = "U1: unauthorised carton listing, per-unit price plausible"
			}
		}
		if l.tiers == nil {
			lo, hi := 0.62, 1.08
			if i%19 == 4 {
				lo, hi = 0.5, 0.58
			}
			w.tiersA(l, p.price*w.uni(lo, hi), 0)
			if l.tiers[len(l.tiers)-1].price < p.price*0.45 {
				l.tiers = l.tiers[:1]
			}
		}
		l.lab = lab(true, "unauthorized_seller", nil, p, why)
		w.finish(l)
	}

	// ---- F1: defamation ----
	defA := []struct {
		title, desc string
	}{
		{"揭秘%s传销骗局内幕 维权资料 电子版", "%s就是披着直销外衣的传销骗局，产品全是三无贴牌，本资料教你如何退款维权。"},
		{"%s非法传销 受害者维权指南 资料包", "亲身经历：%s是非法传销组织，骗子公司，层层拉人头。"},
		{"曝光%s 骗子公司 退款教程", "%s产品成本几块钱卖几百，典型骗子公司，资料含投诉模板。"},
	}
	defLNS := []string{"露妮莎精华含汞 烂脸 激素脸 检测报告 曝光", "露妮莎用了烂脸 激素脸维权群 资料", "露妮莎面霜重金属超标 毁容 维权资料"}
	defCLM := []string{"清岚洗衣液致癌 含荧光剂 检测报告", "清岚洗洁精有毒 致癌物超标 曝光资料", "清岚家日化产品含荧光剂 有毒 维权"}
	defSRV := []string{"素蕊维传销骗局 假药 维权资料", "素蕊维就是传销 护肝片是假药 曝光"}
	for i := 0; i < 14; i++ {
		b := brands[i%4]
		s := w.pickSeller(genShops)
		var title, desc string
		switch b.id {
		case "verdalis":
			d := defA[(i/4)%3]
			title, desc = fmt.Sprintf(d.title, b.cn), fmt.Sprintf(d.desc, b.cn)
		case "lunessa":
			title = defLNS[(i/4)%3]
			desc = "亲测露妮莎护肤品含汞，用后烂脸、激素脸，附检测报告截图。"
		case "clarimont":
			title = defCLM[(i/4)%3]
			desc = "清岚家的洗衣液洗洁精含荧光剂，长期使用致癌，有毒，全家人都别用。"
		default:
			title = defSRV[(i/4)%2]
			desc = "素蕊维是传销骗局，所谓保健品就是假药，资料教你退款。"
		}
		why := "F1: the listing asserts the brand is a scam / toxic / harmful (defamation terms in the title)"
		if i >= 11 {
			// hard: a competitor's product whose description attacks the brand
			p := b.products[w.r.IntN(len(b.products))]
			title = w.pick(b.sameCN) + p.cnBare + " " + w.kw(kwNeutralA, 2, 3)
			desc = fmt.Sprintf("别再买%s了！%s我们家的%s才是真材实料。", b.cn, desc, p.cnBare)
			why = "F1: a competitor's own product whose description attacks the brand"
		}
		l := w.newA(nil, s, title)
		l.unitWord = "份"
		w.tiersA(l, w.uni(1, 39), 0)
		l.images = []string{w.imgLook(siteA, look{shape: shBook, body: rgb(30, 30, 30), accent: rgb(230, 40, 40), mark: "EXPOSED", line: "WARNING", sub: "PDF", logo: 5}, false)}
		l.desc = []string{desc}
		l.attrs = [][2]string{{"品牌", "无"}, {"类型", "资料/服务"}}
		l.kind = "defamation"
		l.lab = lab(true, "defamation", b, nil, why)
		w.finish(l)
	}

	w.genNegativesA(ps, genShops, greyShops, persons)
}

func (w *world) genNegativesA(ps []*product, genShops, greyShops, persons []*seller) {
	// N2: look-alike brands
	for i, p := range w.cycle(45, ps) {
		s := w.pickSeller(genShops)
		name := p.b.looksCN[i%2]
		core := strings.Replace(p.cnCore[w.r.IntN(2)], p.b.cn, name, 1)
		core = strings.Replace(core, "清岚", name, 1)
		if !strings.Contains(core, name) {
			core = name + p.cnBare
		}
		core = strings.ReplaceAll(core, "VERDALIS", "")
		core = strings.ReplaceAll(core, "LUNESSA", "")
		l := w.newA(p, s, w.titleA(core, kwNeutralA))
		w.tiersA(l, p.price*w.uni(0.25, 0.6), 0)
		lk := w.lookalike(p, p.b.looksEN[i%2])
		l.images = []string{w.imgLook(siteA, lk, false), w.imgLook(siteA, lk, true)}
		l.desc = []string{fmt.Sprintf("%s品牌自有产品，工厂自产自销。", name), w.pick(unauthDescA)}
		l.attrs = w.attrsA(p, name, s)
		l.kind = "lookalike"
		l.lab = lab(false, "", nil, nil, fmt.Sprintf("N2: a different brand (%s) whose name resembles %s; not the catalogue product", name, p.b.cn))
		w.finish(l)
	}
	// N2: other brands riding on the name (同款 / 平替)
	for i, p := range w.cycle(25, ps) {
		s := w.pickSeller(genShops)
		other := w.pick(p.b.sameCN)
		var t string
		switch i % 3 {
		case 0:
			t = fmt.Sprintf("%s %s %s同款 %s", other, p.cnBare, p.b.cn, w.kw(kwNeutralA, 1, 2))
		case 1:
			t = fmt.Sprintf("%s平替 %s%s %s", p.b.cn, other, p.cnBare, w.kw(kwNeutralA, 1, 2))
		default:
			t = fmt.Sprintf("%s%s 对标%s 性价比高 %s", other, p.cnBare, p.b.cn, w.kw(kwNeutralA, 1, 2))
		}
		l := w.newA(p, s, t)
		w.tiersA(l, p.price*w.uni(0.2, 0.5), 0)
		l.images = []string{w.imgLook(siteA, w.genericLook(p.lk.shape, asciiOnly(pinyinish(other)), p.lk.line), false)}
		l.desc = []string{fmt.Sprintf("%s自有品牌，配方对标大牌，价格只要三分之一。", other)}
		l.attrs = w.attrsA(p, other, s)
		l.kind = "other_brand"
		l.lab = lab(false, "", nil, nil, fmt.Sprintf("N2: another brand's own product (%s) that only mentions %s for comparison", other, p.b.cn))
		w.finish(l)
	}
	// N3: accessories
	var accs []struct {
		p *product
		t string
	}
	for _, p := range ps {
		for _, a := range p.accCN {
			accs = append(accs, struct {
				p *product
				t string
			}{p, a})
		}
	}
	for i := 0; i < 30; i++ {
		a := accs[i%len(accs)]
		s := w.pickSeller(genShops)
		l := w.newA(nil, s, a.t+" "+w.kw([]string{"批发", "现货", "厂家", "包邮", "加厚", "新款", "多色可选"}, 1, 3))
		l.unitWord = "个"
		w.tiersA(l, w.uni(2, 45), 0)
		shape := shCup
		if strings.Contains(a.t, "药盒") || strings.Contains(a.t, "收纳") {
			shape = shTray
		} else if strings.Contains(a.t, "扳手") || strings.Contains(a.t, "勺") || strings.Contains(a.t, "泵") || strings.Contains(a.t, "喷头") || strings.Contains(a.t, "滴管") {
			shape = shTool
		} else if strings.Contains(a.t, "滤芯") {
			shape = shCartridge
		}
		lk := w.genericLook(shape, "", "")
		if shape == shCartridge {
			lk.mark = "COMPATIBLE"
		}
		l.images = []string{w.imgLook(siteA, lk, w.r.IntN(2) == 0)}
		l.desc = []string{"本品为通用配件，非原厂产品，仅适配使用。", "工厂自产，支持定制LOGO。"}
		l.attrs = [][2]string{{"品牌", "无"}, {"材质", "PP/ABS"}, {"适用", a.p.b.cn + a.p.cnBare}}
		l.kind = "accessory"
		l.lab = lab(false, "", a.p.b, nil, "N3: an accessory or clearly-marked compatible part for the brand's product, not the product itself")
		w.finish(l)
	}
	// N4: generic goods sharing words
	for i, p := range w.cycle(80, ps) {
		s := w.pickSeller(genShops)
		g := p.genCN[i%len(p.genCN)]
		l := w.newA(nil, s, w.titleA(g, kwNeutralA))
		w.tiersA(l, p.price*w.uni(0.1, 0.6), 0)
		l.images = []string{w.imgLook(siteA, w.genericLook(p.lk.shape, []string{"NUTRI", "CLEAN", "PURE", "HOME", "BEAUTY", "VITA", "OEM"}[w.r.IntN(7)], ""), w.r.IntN(2) == 0)}
		l.desc = []string{"工厂源头，支持OEM贴牌代加工，量大价优。"}
		l.attrs = [][2]string{{"品牌", "其他"}, {"品名", g}}
		l.kind = "generic"
		l.lab = lab(false, "", nil, nil, "N4: generic goods that only share words with a catalogue product")
		w.finish(l)
	}
	// N5: personal resale
	for i, p := range w.cycle(10, ps) {
		s := persons[i%len(persons)]
		t := []string{"个人闲置 %s 买多了 转让%d%s", "自用闲置 %s 仅拆封试用 %d%s出", "囤货转让 %s 日期新鲜 共%d%s 便宜出"}[i%3]
		n := 1 + w.r.IntN(3)
		l := w.newA(p, s, fmt.Sprintf(t, p.cnCore[0], n, p.unitCN))
		w.tiersA(l, p.price*w.uni(0.55, 0.85), 0)
		l.tiers = l.tiers[:1]
		l.images = []string{w.imgScene(siteA, p, false, false)}
		l.desc = []string{fmt.Sprintf("个人自用多买的，仅%d%s，正品，走了就没有了，不议价。", n, p.unitCN)}
		l.attrs = [][2]string{{"品牌", p.b.cn}, {"新旧程度", []string{"全新未拆", "拆封未用", "九成新"}[i%3]}, {"数量", fmt.Sprint(n)}}
		l.kind = "second_hand"
		l.lab = lab(false, "", nil, p, "N5: a private person reselling a few units of their own; genuine-goods resale, not a complaint case")
		w.finish(l)
	}
	// N6: authentication services and how-to-spot-fakes guides
	guides := []string{"%s真假鉴别方法 防伪码查询教程 图文", "%s正品鉴定服务 专业鉴别 出具报告", "%s真假对比图解 如何识别假货", "%s防伪查询 代查服务 秒回"}
	for i := 0; i < 12; i++ {
		b := brands[i%4]
		p := b.products[w.r.IntN(len(b.products))]
		s := w.pickSeller(genShops)
		l := w.newA(nil, s, fmt.Sprintf(guides[i%4], p.cnCore[0]))
		l.unitWord = "次"
		w.tiersA(l, w.uni(1, 30), 0)
		l.tiers = l.tiers[:1]
		l.images = []string{w.imgLook(siteA, look{shape: shBook, body: rgb(250, 250, 250), accent: genericColours[i%len(genericColours)], mark: "REAL VS FAKE", line: "GUIDE", sub: "CHECK CODE", logo: 5}, false)}
		l.desc = []string{fmt.Sprintf("教你辨别%s真假：看防伪码、看批号喷码、看包装印刷，买到正品不踩坑。", b.cn)}
		l.attrs = [][2]string{{"类型", "鉴定服务/教程"}}
		l.kind = "guide"
		l.lab = lab(false, "", b, nil, "N6: a guide / authentication service about spotting fakes; it does not offer or attack the product")
		w.finish(l)
	}
}

// pinyinish gives a Latin mark for an other-brand Chinese name (only used on its drawn pack).
func pinyinish(s string) string {
	m := map[string]string{"健维堂": "JWT", "谷力康": "GULIKANG", "纽康思": "NUKANGS", "水之蔻": "SHUIKOU", "肌研社": "JIYAN", "花漾集": "HUAYANG", "洁诺": "JIENUO", "家净宝": "JJB", "绿伞家": "LVSAN", "汤臣康": "TCK", "养元坊": "YYF", "康乐仁": "KLR"}
	if v, ok := m[s]; ok {
		return v
	}
	return "BRAND"
}
