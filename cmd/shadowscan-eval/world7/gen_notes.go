package world7

import (
	"fmt"
	"math"
	"strings"
)

// Site B, notes-mall: notes (posts) that embed a product card.

var bloggers = []string{"是小鹿呀", "健身的阿杰", "Yuki爱护肤", "居家主妇王姐", "养生小达人", "一颗柚子", "Momo的日常",
	"敷面膜的猫", "打工人小陈", "Nina在上海", "爱囤货的阿May", "宝妈晓晓", "成分党Leo", "深夜种草机"}

var cities = []string{"上海", "北京", "广州", "杭州", "成都", "深圳", "南京", "武汉", "美国", "澳大利亚", "日本"}

func (g *gen) noteID() string {
	for {
		id := hexID(fmt.Sprintf("note:%d:%d", g.seq, g.r.IntN(1e9)))
		if !g.ids[id] {
			g.ids[id] = true
			return id
		}
	}
}

func (g *gen) tagsFor(b *brand, p *product, extra ...string) []string {
	t := []string{}
	if b != nil {
		t = append(t, b.cn)
	}
	if p != nil {
		t = append(t, p.short)
	}
	t = append(t, extra...)
	if b != nil {
		t = append(t, pickFrom(g, b.tags))
	}
	return t
}

// note creates a notes-mall listing. by is the author's display name.
func (g *gen) note(b *brand, p *product, by, title, body string, tags []string, cd *card) *listing {
	title = tidy(title)
	if cd != nil {
		cd.name = tidy(cd.name)
	}
	l := &listing{id: g.noteID(), noteTitle: title, desc: body, tags: tags, author: by, authorID: hexID("user:" + by), card: cd}
	l.date = fmt.Sprintf("编辑于 %02d-%02d %s", 1+g.r.IntN(12), 1+g.r.IntN(28), pickFrom(g, cities))
	l.ldShape = g.r.IntN(4)
	if cd != nil {
		l.title = cd.name
		l.price = cd.price
		l.seller = cd.seller
		if cd.currency == "" {
			cd.currency = "CNY"
		}
	} else {
		l.title = title
	}
	if b != nil {
		l.brand = b.id
	}
	if p != nil {
		l.sku = p.sku
	}
	return g.add(l)
}

func cardName(b *brand, p *product) string { return b.cn + full(p) }

func (g *gen) noteImgs(p *product, official bool, n int) []imgSpec {
	var out []imgSpec
	if official {
		out = append(out, officialImg(p))
	}
	for len(out) < n {
		if g.chance(0.5) {
			out = append(out, g.lifeImg(p.look, 480, 640))
		} else {
			s := g.ownImg(p, 0)
			s.w, s.h = 480, 640
			out = append(out, s)
		}
	}
	return out
}

var nmLookShops = map[string]*seller{}

func nmShop(name string) *seller {
	if s := nmLookShops[name]; s != nil {
		return s
	}
	s := regSeller(&seller{site: siteNotes, id: hexID("shop:" + name), name: name, role: "other"})
	nmLookShops[name] = s
	return s
}

func genNotes() []*listing {
	g := newGen(siteNotes, 20240919)
	officialNotes := map[string][2]string{}
	for bi, b := range brands {
		cyc := func(off int) *cycler { return &cycler{ps: b.products, i: off + bi*2} }
		offs := nmOfficial[b.id]
		auths := nmAuthorised[b.id]

		// ---- official notes: never flagged
		c := cyc(0)
		for i := 0; i < 10; i++ {
			p := c.next()
			s := offs[i%len(offs)]
			price := priceUp(p.price * g.between(0.9, 1.0))
			title := fmt.Sprintf(g.pick("新品上市｜%s%s ✨", "%s%s｜每天一点点的仪式感", "官方福利｜%s%s 限时优惠", "%s%s 使用指南来啦"), b.cn, p.short)
			body := g.intro(p) + "点击下方商品卡即可购买，官方正品，每件都有防伪溯源码，刮开涂层扫码就能验证。"
			kind, why := "official", "the brand's official shop: never flagged"
			switch i {
			case 3, 7:
				price = priceDown(p.price * g.between(0.45, 0.7))
				if i == 7 {
					price = priceDown(p.price * g.between(0.3, 0.38))
				}
				title = fmt.Sprintf("官方临期福利｜%s%s 效期至2025年%d月 低价清", b.cn, p.short, 2+g.r.IntN(9))
				body = g.intro(p) + "临期品官方清仓，介意效期的宝子慎拍，正品保证。"
				kind, why = "official_clearance", "official shop clearance below the floor: official shops are never flagged for price"
			case 5:
				price = priceDown(p.price * g.between(0.8, 0.88))
				title = fmt.Sprintf("618直播专场｜%s%s 官方到手价", b.cn, p.short)
				kind, why = "official_event", "official shop event price: never flagged"
			}
			cd := &card{name: cardName(b, p), price: price, seller: s}
			l := g.note(b, p, s.name, title, body, g.tagsFor(b, p, "官方"), cd)
			l.images = g.noteImgs(p, true, 3)
			l.label(false, "", kind, why)
			officialNotes[p.sku] = [2]string{title, body}
		}

		// ---- influencer notes carrying an official or authorised card
		c = cyc(1)
		for i := 0; i < 9; i++ {
			p := c.next()
			var s *seller
			kind, why := "kol_official_card", "a review note whose product card is the official shop's"
			price := priceUp(p.price * g.between(0.92, 1.0))
			if i < 6 {
				s = offs[i%len(offs)]
			} else {
				s = auths[i%len(auths)]
				price = priceUp(g.between(p.floor, p.price))
				kind, why = "kol_authorised_card", "a review note whose card is an authorised seller at or above the floor"
			}
			title := fmt.Sprintf(g.pick("用了一个月的%s%s 真实测评", "%s%s 回购第三次了", "空瓶记｜%s%s 值不值得买", "%s%s｜成分党来聊聊"), b.cn, p.short)
			body := g.intro(p) + g.pick("真心觉得好用，", "说实话一开始没抱期望，", "用完一整瓶来交作业，") +
				g.pick("已经回购了。", "会继续用下去。", "性价比还可以。") + "链接放下面了，" + g.pick("官方店买的。", "在正规店买的。")
			bl := bloggers[(i+bi*3)%len(bloggers)]
			cd := &card{name: cardName(b, p), price: price, seller: s}
			l := g.note(b, p, bl, title, body, g.tagsFor(b, p, "测评"), cd)
			l.images = g.noteImgs(p, false, 3)
			l.label(false, "", kind, why)
		}

		// ---- authorised sellers' own notes at or above the floor
		c = cyc(2)
		for i := 0; i < 14; i++ {
			p := c.next()
			s := auths[i%len(auths)]
			price := priceUp(g.between(p.floor, p.price))
			kind, why := "authorised_ok", "authorised seller at or above the floor"
			if i%6 == 4 {
				price = p.floor
				kind, why = "authorised_at_floor", "authorised seller exactly at the floor"
			}
			title := fmt.Sprintf(g.pick("会员分享｜%s%s 正品现货", "%s%s 补货啦～", "姐妹们要的%s%s到了", "%s%s 今日上新"), b.cn, p.short)
			body := g.intro(p) + fmt.Sprintf("我是%s的注册会员，正品渠道，可扫码验证。", b.cn)
			cname := cardName(b, p)
			if p.twin != "" && i%4 == 1 {
				cname = b.cn + ambiguous(p)
				body += variantHint(p) + "。"
			}
			cd := &card{name: cname, price: price, seller: s}
			l := g.note(b, p, s.name, title, body, g.tagsFor(b, p), cd)
			l.images = g.noteImgs(p, g.chance(0.5), 2)
			l.label(false, "", kind, why)
		}

		// ---- personal second-hand resale
		c = cyc(3)
		for i := 0; i < 10; i++ {
			p := c.next()
			s := nmPersonal[(i+bi)%len(nmPersonal)]
			price := priceDown(p.price * g.between(0.4, 0.7))
			kind, why := "personal_resale", "an individual reselling one opened, used unit: second-hand, not a complaint case"
			body := fmt.Sprintf("自用闲置，拆封用了%d次，剩大半，保质期到2026年，只有这一件，便宜出，不议价，不退不换。", 2+g.r.IntN(4))
			if i%4 == 3 {
				price = priceDown(p.price * g.between(0.22, 0.38))
				body = "用掉一半了，不适合我的肤质/口味，低价出给需要的人，只有一件，介意勿拍。"
				kind, why = "personal_resale_low", "an individual reselling a half-used unit: a very low price is expected for second-hand"
			}
			title := fmt.Sprintf(g.pick("闲置｜%s%s 用过几次", "出闲置 %s%s 自用 便宜出", "%s%s 闲置转让 八成新"), b.cn, p.short)
			cd := &card{name: "闲置 " + cardName(b, p), price: price, seller: s}
			l := g.note(b, p, s.name, title, body, g.tagsFor(b, p, "闲置", "二手转让"), cd)
			im := g.ownImg(p, 0)
			im.w, im.h = 480, 640
			l.images = []imgSpec{im}
			l.label(false, "", kind, why)
		}

		// ---- honest negative reviews
		c = cyc(4)
		for i := 0; i < 4; i++ {
			p := c.next()
			bl := bloggers[(i*5+bi)%len(bloggers)]
			title := fmt.Sprintf(g.pick("%s%s 踩雷｜不会回购了", "%s%s 我真的用不来", "吐槽一下%s%s"), b.cn, p.short)
			body := pickFrom(g, negReview[b.id]) + "个人感受，不喜勿喷。"
			var cd *card
			sku := ""
			kind, why := "negative_review", "an honest opinion about the product with nothing for sale"
			if i == 3 {
				cd = &card{name: cardName(b, p), price: priceUp(p.price * 0.95), seller: offs[0]}
				sku = p.sku
				kind, why = "negative_review_official_card", "an honest opinion; its card is the official shop's"
			}
			var pp *product
			if sku != "" {
				pp = p
			}
			l := g.note(b, pp, bl, title, body, g.tagsFor(b, p, "踩雷", "真实测评"), cd)
			l.images = g.noteImgs(p, false, 2)
			l.label(false, "", kind, why)
		}

		// ---- how to spot fakes
		c = cyc(5)
		for i := 0; i < 5; i++ {
			p := c.next()
			bl := bloggers[(i*3+bi+1)%len(bloggers)]
			title := fmt.Sprintf(g.pick("%s%s 真假对比❗教你避坑", "%s%s 假货太多了 看完再买", "如何辨别%s%s真假"), b.cn, p.short)
			body := "市面上高仿很多，正品底部有喷码批号，刮码、无批号的千万别买；价格低于官方一半的基本是假货，" +
				"什么原单、工厂直供都是骗人的。建议认准官方店。"
			var cd *card
			var pp *product
			kind, why := "fake_guide", "a guide to spotting fakes: it names the red-flag words but sells nothing"
			if i < 3 {
				cd = &card{name: cardName(b, p), price: priceUp(p.price * g.between(0.92, 1.0)), seller: offs[i%len(offs)]}
				pp = p
				kind, why = "fake_guide_official_card", "a fake-spotting guide that links the official shop"
			}
			l := g.note(b, pp, bl, title, body, g.tagsFor(b, p, "避坑", "真假对比"), cd)
			l.images = []imgSpec{officialImg(p), g.ownImg(p, 30)}
			l.label(false, "", kind, why)
		}

		// ---- look-alike brands
		c = cyc(6)
		for i := 0; i < 7; i++ {
			p := c.next()
			name := b.look[i%len(b.look)]
			word := "BRAND"
			if i%3 == 2 {
				name = b.lookEn[i%len(b.lookEn)]
				word = name
			}
			s := nmShop(name + "官方店")
			title := fmt.Sprintf(g.pick("%s%s 测评 平价好用", "挖到宝了｜%s%s", "%s%s 学生党可冲"), name, p.short)
			body := fmt.Sprintf("%s是我最近发现的宝藏牌子，%s。", name, pickFrom(g, benefit[b.id]))
			cd := &card{name: name + genericName(p), price: priceUp(p.price * g.between(0.3, 0.7)), seller: s}
			l := g.note(nil, nil, s.name, title, body, []string{name, p.short, "平价好物"}, cd)
			l.images = []imgSpec{{kind: "life", look: g.lookalikeLook(p, word), seed: fmt.Sprint(g.r.IntN(1e9)), q: 82, w: 480, h: 640}}
			l.label(false, "", "lookalike_brand", "a different brand with a similar name selling its own product")
		}

		// ---- generic goods
		c = cyc(7)
		for i := 0; i < 9; i++ {
			p := c.next()
			s := nmGeneric[(i+bi)%len(nmGeneric)]
			title := fmt.Sprintf(g.pick("平价%s推荐 学生党必入", "%s怎么选？看这篇就够了", "回购无数次的%s", "好用不贵的%s合集"), p.short)
			body := fmt.Sprintf("今天分享几款好用的%s，%s。", p.short, pickFrom(g, benefit[b.id]))
			cd := &card{name: genericName(p) + " " + g.pick("家庭装", "实惠装", "国货", "新品"), price: priceUp(p.price * g.between(0.1, 0.5)), seller: s}
			l := g.note(nil, nil, s.name, title, body, []string{p.short, "平价好物", pickFrom(g, b.tags)}, cd)
			l.images = []imgSpec{{kind: "life", look: g.otherLook("DAILY", p.look.line2, ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 82, w: 480, h: 640}}
			l.label(false, "", "generic_goods", "generic goods of the same kind, no brand product offered")
		}

		// ---- accessories
		for i := 0; i < 3; i++ {
			t := pinAccessories[b.id][i]
			s := nmGeneric[(i+bi+2)%len(nmGeneric)]
			title := t.title + " " + g.pick("好物分享", "颜值超高", "实用")
			cd := &card{name: t.title, price: t.price, seller: s}
			l := g.note(b, nil, s.name, title, t.desc, []string{b.cn, "好物分享"}, cd)
			l.images = []imgSpec{{kind: "life", look: t.look, seed: fmt.Sprint(g.r.IntN(1e9)), q: 82, w: 480, h: 640}}
			l.label(false, "", t.kind, t.why)
		}

		// ---- dupes
		c = cyc(8)
		for i := 0; i < 5; i++ {
			p := c.next()
			s := nmGeneric[(i+bi+4)%len(nmGeneric)]
			title := fmt.Sprintf(g.pick("%s%s平替！一半价格效果差不多", "%s%s的平替找到了", "比%s%s便宜的平替"), b.cn, p.short)
			body := fmt.Sprintf("不是%s，是另一个国货牌子，成分和%s很像，价格便宜一半。", b.cn, p.short)
			cd := &card{name: "国货" + p.core + " " + genericSpec(p), price: priceUp(p.price * g.between(0.2, 0.45)), seller: s}
			l := g.note(nil, nil, s.name, title, body, []string{b.cn + "平替", p.short, "平替"}, cd)
			l.images = []imgSpec{{kind: "life", look: g.otherLook("DUPE", p.look.line2, ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 82, w: 480, h: 640}}
			l.label(false, "", "dupe_alternative", "another make's product recommended as an alternative; the brand's product is not offered")
		}

		// ================= flagged =================

		// ---- counterfeit
		c = cyc(9)
		for i := 0; i < 10; i++ {
			p := c.next()
			s := nmOthers[(i+bi*3)%len(nmOthers)]
			price := priceDown(p.price * g.between(0.18, 0.38))
			var title, body, kind, why string
			tags := g.tagsFor(b, p)
			imgs := []imgSpec{g.editedImg(p, g.contact()), g.editedImg(p, "")}
			switch {
			case i < 3:
				w := []string{"工厂直供", "原单", "尾单", "1:1", "高仿"}[(i+bi)%5]
				switch i % 3 {
				case 0:
					title = fmt.Sprintf("%s｜%s%s 和专柜一样", w, b.cn, p.short)
				case 1:
					title = fmt.Sprintf("%s%s%s 懂的来", w, b.cn, p.short)
				default:
					title = fmt.Sprintf("%s%s %s 私我", b.cn, p.short, w)
				}
				body = g.intro(p) + "需要的姐妹私信，量大可谈。"
				kind, why = "cf_title_word", fmt.Sprintf("unauthorised seller, note title says %q", w)
				if i == 2 {
					price = priceUp(p.price * g.between(0.6, 0.85))
				}
			case i < 6:
				title = fmt.Sprintf(g.pick("%s%s 回购好多次了 价格美丽", "终于找到便宜的%s%s了", "%s%s 囤货分享"), b.cn, p.short)
				body = g.intro(p) + cfDescLines[(i+bi*2)%len(cfDescLines)] + "需要的私信我。"
				price = priceDown(p.price * g.between(0.3, 0.8))
				kind, why = "cf_body_only", "unauthorised seller; only the note text admits a copy / factory goods"
				if p.twin != "" {
					body += variantHint(p) + "。"
				}
			case i < 8:
				w := []string{"same factory as the counter ones, mirror quality", "1:1 copy, you can't tell the difference", "factory leftover stock, AAA grade", "OEM batch, same formula as retail"}[(i+bi)%4]
				title = fmt.Sprintf("%s %s haul 💛", b.en, strings.SplitN(p.en, " ", 2)[0])
				body = fmt.Sprintf("Restocked the %s %s! %s. DM for bulk price.", b.en, p.en, w)
				tags = []string{b.en, p.en, "haul"}
				kind, why = "cf_odd_english", fmt.Sprintf("unauthorised seller; English note text calls it a copy (%q)", w)
				price = priceDown(p.price * g.between(0.2, 0.5))
			default:
				title = fmt.Sprintf(g.pick("%s%s 超值价 需要的私", "%s%s 清仓 手慢无", "%s%s 福利价 数量有限"), b.cn, p.short)
				body = g.intro(p) + "需要的私信，" + g.contact() + "。"
				price = priceDown(p.price * g.between(0.15, 0.35))
				kind, why = "cf_price_only", "unauthorised seller offering it new at no more than 40% of list, official photos lifted with a contact mark"
				imgs = []imgSpec{g.editedImg(p, g.contact()), g.editedImg(p, g.contact())}
			}
			cd := &card{name: cardName(b, p), price: price, seller: s}
			l := g.note(b, p, s.name, title, body, tags, cd)
			l.images = imgs
			l.label(true, "counterfeit", kind, why)
		}

		// ---- code tampered
		c = cyc(10)
		for i := 0; i < 6; i++ {
			p := c.next()
			s := nmOthers[(i+bi*5+1)%len(nmOthers)]
			price := priceDown(p.price * g.between(0.6, 0.85))
			var title, body, kind, why string
			if i < 3 {
				w := ctWords[(i+bi*2)%len(ctWords)]
				switch i {
				case 0:
					title = fmt.Sprintf("%s特价｜%s%s 正品 介意勿拍", w, b.cn, p.short)
				case 1:
					title = fmt.Sprintf("%s%s %s 便宜出 正品", b.cn, p.short, w)
				default:
					title = fmt.Sprintf("%s%s｜%s 渠道货", b.cn, p.short, w)
				}
				body = g.intro(p) + "正品，渠道原因处理过，介意勿拍。"
				kind, why = "ct_title", fmt.Sprintf("note title says %q: genuine goods with the trace code removed", w)
			} else {
				title = fmt.Sprintf(g.pick("%s%s 特价出 正品", "%s%s 好价分享", "%s%s 囤了好多 分你们"), b.cn, p.short)
				body = g.intro(p) + ctDescLines[(i+bi)%len(ctDescLines)]
				kind, why = "ct_body_only", "the note text says the batch / trace code was removed"
			}
			cd := &card{name: cardName(b, p), price: price, seller: s}
			l := g.note(b, p, s.name, title, body, g.tagsFor(b, p), cd)
			l.images = g.noteImgs(p, false, 2)
			l.label(true, "code_tampered", kind, why)
		}

		// ---- price dumping
		c = cyc(11)
		for i := 0; i < 5; i++ {
			p := c.next()
			s := auths[(i+1)%len(auths)]
			price := priceDown(p.floor * g.between(0.7, 0.95))
			title := fmt.Sprintf(g.pick("会员福利价｜%s%s 比官网便宜", "%s%s 内部价 姐妹们冲", "%s%s 冲业绩 亏本出"), b.cn, p.short)
			body := g.intro(p) + fmt.Sprintf("%s会员渠道，正品可验，这个价格只有这几天。", b.cn)
			by := s.name
			kind, why := "pd_plain", "authorised seller's card price under the floor"
			cd := &card{name: cardName(b, p), price: price, seller: s}
			switch i {
			case 2, 3:
				cd.high = priceUp(p.price * 1.9)
				cd.name = cardName(b, p) + " 单瓶/两瓶装"
				kind, why = "pd_aggregate", "authorised seller; the card's lowest offer (one unit) is under the floor"
			case 4:
				by = bloggers[(bi*2+7)%len(bloggers)]
				title = fmt.Sprintf("%s%s｜找到的最低价 链接在下面", b.cn, p.short)
				body = g.intro(p) + "这家是正规授权店，价格比官方店便宜好多，冲！"
				kind, why = "pd_via_blogger", "a blogger's note whose card is an authorised shop selling under the floor"
			}
			l := g.note(b, p, by, title, body, g.tagsFor(b, p), cd)
			l.images = g.noteImgs(p, true, 2)
			l.label(true, "price_dumping", kind, why)
		}

		// ---- unauthorised sellers
		c = cyc(12)
		for i := 0; i < 11; i++ {
			p := c.next()
			s := nmOthers[(i+bi*2+2)%len(nmOthers)]
			price := priceUp(p.price * g.between(0.66, 1.05))
			title := fmt.Sprintf(g.pick("代购｜%s%s 现货 可查防伪", "%s%s 到货啦 正品代购", "%s%s 专柜正品 可验货"), b.cn, p.short)
			body := g.intro(p) + g.pick("专柜购入，小票齐全。", "正品保证，假一赔十。", "海外专柜直邮，支持验货。")
			tags := g.tagsFor(b, p, "代购")
			kind, why := "un_daigou", "daigou / reseller shop that is neither official nor authorised, plausible price"
			cd := &card{name: cardName(b, p), price: price, seller: s}
			switch i {
			case 5, 6: // priced in US dollars
				usd := math.Round(p.price/7.1*g.between(0.9, 1.15)*2) / 2
				cd.price, cd.currency = usd, "USD"
				title = fmt.Sprintf("%s %s restock 🇺🇸 ship from LA", b.en, p.en)
				body = fmt.Sprintf("Genuine %s %s, bought at the US counter, ships from Los Angeles. US $%.2f each.", b.en, p.en, usd)
				cd.name = b.en + " " + p.en
				tags = []string{b.en, "daigou", "haul"}
				kind, why = "un_usd", "overseas reseller pricing in US dollars at about list price; not authorised"
			case 7: // "second-hand" with stock
				price = priceUp(p.price * g.between(0.66, 0.8))
				cd.price = price
				title = fmt.Sprintf("闲置｜全新%s%s 有十几瓶 可以批发", b.cn, p.short)
				body = "公司发的福利，全新未拆，囤太多了，有十几瓶，量大可以再便宜。"
				cd.name = "全新 " + cardName(b, p)
				kind, why = "un_stock_as_resale", "calls itself second-hand but offers a dozen new units: a reseller, not a personal resale"
			case 8, 9: // near-twins named only in the text
				tw := twinsOf(b)
				p = tw[(i+bi)%len(tw)]
				price = priceUp(p.price * g.between(0.7, 1.0))
				cd = &card{name: b.cn + ambiguous(p), price: price, seller: s}
				title = fmt.Sprintf("%s%s 现货", b.cn, p.short)
				body = g.intro(p) + variantHint(p) + "。专柜正品。"
				kind, why = "un_twin_in_text", "unauthorised reseller; the card fits both near-twins, the note names the variant"
			case 10: // copies the official note word for word
				if on, ok := officialNotes[p.sku]; ok {
					title, body = on[0], on[1]
					kind, why = "un_copied_official_note", "unauthorised shop reposting the official note's text"
				}
			}
			l := g.note(b, p, s.name, title, body, tags, cd)
			l.images = g.noteImgs(p, g.chance(0.5), 2)
			l.label(true, "unauthorized_seller", kind, why)
		}

		// ---- defamation
		for i, t := range nmDefamation[b.id] {
			var cd *card
			if i%2 == 0 {
				s := nmGeneric[(i+bi)%len(nmGeneric)]
				cd = &card{name: t.cardName, price: priceUp(g.between(49, 199)), seller: s}
			}
			bl := bloggers[(i*7+bi)%len(bloggers)]
			l := g.note(b, nil, bl, t.title, t.desc, []string{b.cn, "避雷", "曝光"}, cd)
			l.images = []imgSpec{{kind: "life", look: g.otherLook("TRUTH", "", ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 80, w: 480, h: 640}}
			l.label(true, "defamation", t.kind, t.why)
		}
	}

	// ---- unrelated notes
	for i, t := range nmNoise {
		s := nmGeneric[i%len(nmGeneric)]
		var cd *card
		if i%3 != 0 {
			cd = &card{name: t, price: priceUp(g.between(9.9, 129)), seller: s}
		}
		l := g.note(nil, nil, bloggers[i%len(bloggers)], t, t+"，分享给大家。", []string{"日常", "分享"}, cd)
		l.images = []imgSpec{{kind: "life", look: g.otherLook("", "", ""), seed: fmt.Sprint(g.r.IntN(1e9)), q: 80, w: 480, h: 640}}
		l.label(false, "", "unrelated", "unrelated note sharing a character with a brand or product name")
	}
	g.out[19].slow = true
	g.out[203].fail503 = true
	return g.out
}

var negReview = map[string][]string{
	"verdanta":  {"喝了一个月没什么感觉，味道偏甜，不会回购了。", "冲起来有点结块，口感一般，价格也不便宜。", "吃了两瓶没觉得有变化，可能我体质问题。"},
	"lumessa":   {"我是油皮，用着有点闷，可能不适合我。", "味道有点重，吸收也一般，这个价位有更好的选择。", "用了一瓶没看出明显效果，不回购。"},
	"casaprime": {"香味太淡了，不是很喜欢，去油力一般。", "价格偏贵，和超市的差别不大。", "用起来泡沫太多，冲洗要好几遍。"},
	"qinghe":    {"给爸妈买的，他们说味道怪，吃不惯。", "价格太贵了，效果见仁见智吧。", "口感偏甜，老人家控糖的要注意。"},
}

type noteDef struct {
	title, desc, cardName string
	kind, why             string
}

var nmDefamation = map[string][]noteDef{
	"verdanta": {
		{title: "扒一扒维丹塔的传销骗局", desc: "维丹塔就是传销骗局，靠拉人头卖高价蛋白粉，别再被割韭菜了！", cardName: "天然植物蛋白粉 500g", kind: "defamation_terms", why: "calls the brand a pyramid scam (传销骗局 / 割韭菜)"},
		{title: "维丹塔鱼油吃出肝损伤 亲身经历", desc: "吃维丹塔鱼油三个月，体检查出肝损伤，这个牌子的东西有毒，大家千万别吃。", kind: "defamation_other", why: "asserts as fact that the brand's fish oil is toxic and damaged the liver"},
		{title: "维丹塔骗局全揭秘 看完你就懂了", desc: "维丹塔骗局的套路：先送试用再拉你当会员。", cardName: "揭秘资料 电子版", kind: "defamation_terms", why: "calls the brand a scam (维丹塔骗局) to sell a 'truth' e-book"},
		{title: "维丹塔被查处了？产品全是勾兑的", desc: "听说维丹塔已经被市场监管查处了，产品都是勾兑出来的，赶紧退。", kind: "defamation_other", why: "claims the brand was sanctioned and its products are adulterated"},
		{title: "维丹塔就是割韭菜 换这个蛋白粉", desc: "维丹塔割韭菜太狠了，一罐成本几十块卖几百，这种传销骗局公司别支持。", cardName: "乳清蛋白粉 2磅", kind: "defamation_terms", why: "calls the brand a pyramid scam to sell a rival powder"},
	},
	"lumessa": {
		{title: "露美莎=激素脸 血泪教训", desc: "露美莎面霜含激素，用了就是激素脸，停用就爆痘。", cardName: "无激素修护霜 50g", kind: "defamation_terms", why: "claims the brand's cream contains hormones (激素脸)"},
		{title: "烂脸元凶露美莎 求求大家别买", desc: "露美莎就是烂脸元凶，成分表造假。", kind: "defamation_terms", why: "calls the brand 'the cause of ruined skin' and its ingredient list fake"},
		{title: "露美莎精华添加荧光剂 检测结果", desc: "露美莎精华添加荧光剂，紫光灯一照就发光，大家避雷。", cardName: "敏感肌精华 30ml", kind: "defamation_terms", why: "asserts the brand's serum contains fluorescent agents (添加荧光剂)"},
		{title: "露美莎重金属超标 别往脸上抹了", desc: "露美莎面霜汞超标，是黑作坊生产的，已经有人中毒。", kind: "defamation_other", why: "asserts mercury contamination and illicit production as fact"},
		{title: "露美莎是智商税还是毒药", desc: "露美莎含激素还敢卖这么贵，烂脸元凶说的就是它。", cardName: "温和修护乳 100ml", kind: "defamation_terms", why: "claims the brand's products contain hormones and ruin skin"},
	},
	"casaprime": {
		{title: "家百适洗衣液含致癌物 宝妈必看", desc: "家百适洗衣液含致癌物，孩子衣服千万别用。", cardName: "婴儿洗衣液 1L", kind: "defamation_terms", why: "claims the brand's laundry liquid contains carcinogens (致癌物)"},
		{title: "家百适洗洁精甲醛超标 实测", desc: "家百适洗洁精甲醛超标，洗完碗还有残留。", kind: "defamation_terms", why: "asserts excess formaldehyde (甲醛超标)"},
		{title: "家百适滤芯根本不过滤 黑心企业", desc: "家百适的滤芯拆开里面是空的，黑心企业骗钱。", cardName: "RO净水器滤芯", kind: "defamation_other", why: "claims the brand's filters are empty and the company cheats"},
		{title: "家百适牙膏致癌？我不敢用了", desc: "家百适牙膏里有致癌物，牙龈都烂了。", kind: "defamation_terms", why: "claims the brand's toothpaste contains carcinogens (致癌物)"},
		{title: "家百适就是传销 别再囤了", desc: "家百适是传销公司，产品都是三无贴牌，已经被立案了。", cardName: "家用清洁剂 500ml", kind: "defamation_other", why: "asserts the brand is a pyramid scheme under investigation selling unlicensed goods"},
	},
	"qinghe": {
		{title: "清禾源孢子粉骗老人 我爸被坑了", desc: "清禾源孢子粉专门骗老人，全是淀粉。", cardName: "破壁灵芝孢子粉 100g", kind: "defamation_terms", why: "claims the brand cheats the elderly with starch (骗老人)"},
		{title: "清禾源保健品骗局 会销套路", desc: "清禾源就是保健品骗局，会销洗脑老人。", kind: "defamation_terms", why: "calls the brand a health-product scam (保健品骗局)"},
		{title: "清禾源人参液喝出高血压", desc: "喝了清禾源人参口服液一个月血压飙升，这东西就是有毒。", cardName: "红参口服液 10支", kind: "defamation_other", why: "asserts the brand's product is poisonous and caused hypertension"},
		{title: "清禾源被立案调查了", desc: "清禾源已经被立案调查，是传销组织，家里有老人的注意。", kind: "defamation_other", why: "asserts the brand is under investigation as a pyramid scheme"},
		{title: "别给爸妈买清禾源 骗老人的", desc: "清禾源阿胶糕就是骗老人的保健品骗局，成本几块钱。", cardName: "东阿阿胶糕 500g", kind: "defamation_terms", why: "calls the brand a scam cheating the elderly (骗老人 / 保健品骗局)"},
	},
}

var nmNoise = []string{
	"甘露美食探店 早茶必点", "万家百货淘到的收纳神器", "美莎克林蜜瓜 太甜了", "嘉禾源绿茶 办公室必备",
	"清禾东北大米 煮饭真香", "丹塔户外登山包 背了一年", "露美发夹 温柔风", "家百汇购物袋 折叠好收纳",
	"苏美莎连衣裙 夏日穿搭", "禾源农场土鸡蛋 宝宝辅食", "清禾茶舍 周末喝茶", "雨露美甲 自己在家做",
	"维丹蒂婚纱 试纱日记", "丹塔乐器 尤克里里入门", "美莎瑜伽服 显瘦", "家百利保鲜膜 实测",
	"清禾小院民宿 周末去哪", "百适达置物架 厨房改造", "禾源记杂粮粥 早餐", "维丹尼皮带 送男友",
}
