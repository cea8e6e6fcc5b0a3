package world9

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

type sellers struct {
	official   map[string]*seller
	authorised map[string][]*seller
	business   []*seller
	personal   []*seller
	rivals     []*seller // shops selling other brands' goods
}

func cnSellers(bs []*brand) *sellers {
	s := &sellers{official: map[string]*seller{}, authorised: map[string][]*seller{}}
	off := map[string][2]string{
		"vitaluxe":  {"2201458830", "维乐思官方旗舰店"},
		"lumiel":    {"2209917721", "露米尔官方旗舰店"},
		"casaclara": {"2214520093", "嘉澜海外官方旗舰店"},
	}
	auth := map[string][][2]string{
		"vitaluxe":  {{"1867720451", "维乐思健康生活专卖店"}, {"2008813376", "百草汇保健品专营店"}, {"1799056214", "乐思优选服务中心"}},
		"lumiel":    {{"2011734590", "露米尔美妆专卖店"}, {"1954402817", "丽颜坊化妆品专营店"}, {"2100938465", "美肤汇品牌授权店"}},
		"casaclara": {{"2103376620", "嘉澜家居专卖店"}, {"1988412573", "净享生活专营店"}},
	}
	locs := []string{"浙江 杭州", "广东 广州", "上海", "广东 深圳", "江苏 苏州", "福建 厦门", "北京", "山东 临沂", "河南 郑州", "四川 成都", "浙江 义乌", "香港"}
	for _, b := range bs {
		o := off[b.ID]
		s.official[b.ID] = &seller{ID: o[0], Name: o[1], Class: "official", Brand: b.ID, Loc: "上海"}
		b.Official = append(b.Official, sellerRef{siteCN, o[0]})
		for i, a := range auth[b.ID] {
			s.authorised[b.ID] = append(s.authorised[b.ID], &seller{ID: a[0], Name: a[1], Class: "authorised", Brand: b.ID, Loc: locs[i*3%len(locs)]})
			b.Authorised = append(b.Authorised, sellerRef{siteCN, a[0]})
		}
	}
	rng := rand.New(rand.NewPCG(9, 77))
	id := func() string { return fmt.Sprint(1000000000 + rng.IntN(1300000000)) }
	for _, n := range []string{"健康小铺", "港货代购小屋", "保健品批发总仓", "美妆正品折扣店", "海淘直邮馆", "会员内购店", "小鹿美妆集合店",
		"日用百货特卖", "居家好物铺", "品牌折扣仓", "营养健康馆", "丫丫代购", "老王保健品店", "美丽加油站", "优品汇进口店", "厨房好物研究所",
		"鑫源日化批发", "佳美化妆品店", "蓝帽子保健品店", "正品特卖会", "瑞丽美妆铺", "健身补剂工作室", "源头好货工厂店", "开心小铺888",
		"澳洲直邮代购", "乐购生活馆", "晴天美妆", "妈咪宝贝母婴店", "品质生活家居", "阿芳保健品", "一站式批发城", "清仓特卖店", "美妆仓库直销",
		"安心营养坊", "好运来百货", "诚信日化商行", "全球购优选", "汇美集美妆", "家家乐日用", "直销产品回收店"} {
		s.business = append(s.business, &seller{ID: id(), Name: n, Class: "business", Loc: pick(rng, locs)})
	}
	for range 45 {
		nick := fmt.Sprintf("tb%d%s", 100000+rng.IntN(900000), pick(rng, []string{"", "_hz", "小", "ab", "_88"}))
		s.personal = append(s.personal, &seller{ID: "u" + fmt.Sprint(300000000+rng.IntN(600000000)), Name: nick, Class: "personal", Loc: pick(rng, locs)})
	}
	for _, n := range []string{"国货之光旗舰店", "草本纪营养旗舰店", "肌研社护肤工厂店", "净到家日化旗舰店", "原力补剂旗舰店", "初颜护肤专营店", "锅具工厂直营店", "蕾丝裙装女装店", "晴川琴行", "香氛生活馆", "收纳达人家居", "电子书资料铺", "居家百货小店"} {
		s.rivals = append(s.rivals, &seller{ID: id(), Name: n, Class: "business", Loc: pick(rng, locs)})
	}
	return s
}

// cnBrandWord writes the brand as a Taobao title would.
func cnBrandWord(b *brand, rng *rand.Rand, evasive bool) string {
	if evasive && chance(rng, 0.5) {
		return pick(rng, []string{strings.Join(strings.Split(b.zh, ""), " "), b.Aliases[2], b.zh + "同款", "V" + b.zh})
	}
	return pick(rng, []string{b.zh, b.zh, b.zh + b.en, b.en + "/" + b.zh, b.zh + "（" + strings.ToUpper(b.en) + "）", "【" + b.zh + "】", b.zh + " " + b.en})
}

func cnCore(p *product, rng *rand.Rand) string {
	size := p.zhSize
	if chance(rng, 0.15) {
		size = strings.NewReplacer("g", "克", "ml", "毫升").Replace(size)
	}
	if p.zhVar == "" {
		return p.zhType + pick(rng, []string{"", " "}) + size
	}
	if chance(rng, 0.5) {
		return p.zhVar + p.zhType + " " + size
	}
	sep := pick(rng, []string{"", " "})
	if strings.ContainsAny(p.zhVar[len(p.zhVar)-1:], "0123456789") {
		sep = " "
	}
	return p.zhType + p.zhVar + sep + size
}

func cnPoints(p *product, rng *rand.Rand, n int) string {
	pts := append([]string(nil), p.zhPoints...)
	rng.Shuffle(len(pts), func(i, j int) { pts[i], pts[j] = pts[j], pts[i] })
	return strings.Join(pts[:min(n, len(pts))], pick(rng, []string{" ", "", " "}))
}

func cnPrice(v float64) float64 { return float64(int(v*100+0.5)) / 100 }

// cnKinds is jinmao's population: kind and count.
var cnKinds = []struct {
	kind string
	n    int
}{
	{"official", 62}, {"auth", 80}, {"auth_coupon", 16}, {"dumping", 36}, {"unauth", 168}, {"cf_words", 108}, {"cf_price", 30},
	{"code", 58}, {"defamation", 22}, {"personal_used", 55}, {"personal_new", 20}, {"accessory", 55}, {"empty", 20},
	{"dupe", 40}, {"unrelated", 42}, {"sample", 30}, {"guide", 10}, {"removed", 3},
}

func genCN(bs []*brand, ss *sellers, rng *rand.Rand) []*listing {
	var out []*listing
	ids := map[string]bool{}
	for _, k := range cnKinds {
		for range k.n {
			b := pickBrand(rng, bs)
			p := pick(rng, b.Products)
			l := &listing{Site: siteCN, kind: k.kind, Cur: "CNY", about: b, Sales: rng.IntN(40)}
			for {
				l.ID = fmt.Sprint(600000000000 + rng.Int64N(199999999999))
				if !ids[l.ID] {
					ids[l.ID] = true
					break
				}
			}
			l.Path = "/item.htm?id=" + l.ID
			l.PriceStyle = rng.IntN(10)
			cnFill(l, k.kind, b, p, bs, ss, rng)
			if l.offered != nil {
				for _, a := range p.attrs {
					if chance(rng, 0.75) {
						l.Attrs = append(l.Attrs, a)
					}
				}
			}
			out = append(out, l)
		}
	}
	// faults: chosen deterministically among kinds
	setFault(out, "cf_words", "once503")
	setFault(out, "auth", "slow")
	setFault(out, "unauth", "malformed")
	return out
}

func setFault(ls []*listing, kind, fault string) {
	for _, l := range ls[len(ls)/3:] {
		if l.kind == kind && l.Fault == "" {
			l.Fault = fault
			return
		}
	}
}

func officialPhotos(p *product, rng *rand.Rand, ops ...string) []photo {
	ph := []photo{{Kind: "official", Product: p, Seed: rng.Uint64(), Ops: ops}}
	if chance(rng, 0.6) {
		ph = append(ph, photo{Kind: "own", Product: p, Seed: rng.Uint64()})
	}
	if chance(rng, 0.5) {
		ph = append(ph, photo{Kind: "unrelated", Seed: rng.Uint64()})
	}
	return ph
}

// fakeOps picks what a counterfeiter does to a stolen official photo.
func fakeOps(rng *rand.Rand) []string {
	all := []string{"crop", "border", "watermark", "shift", "lowq", "small"}
	var ops []string
	for _, o := range all {
		if chance(rng, 0.35) {
			ops = append(ops, o)
		}
	}
	if len(ops) == 0 {
		ops = []string{pick(rng, all)}
	}
	return ops
}

var cnCfWords = []string{"高仿", "精仿", "A货", "超A", "1:1", "原单", "外贸原单", "尾单", "跟单", "工厂直供", "同厂同料", "复刻", "原厂代工", "非专柜", "仿品"}
var cnCodeWords = []string{"刮码", "已刮码", "撕码", "剪码", "无码", "去码", "批号已刮", "激光码磨掉", "防伪码撕了"}

func cnFill(l *listing, kind string, b *brand, p *product, bs []*brand, ss *sellers, rng *rand.Rand) {
	bw := cnBrandWord(b, rng, false)
	core := cnCore(p, rng)
	list := p.in("CNY", p.Price)
	floor := p.in("CNY", p.Min)
	tail := pick(rng, []string{"包邮", "顺丰包邮", "现货速发", "", "正品", "2026新日期", ""})
	offer := func(s *seller) { l.Seller, l.offered = s, p }
	switch kind {
	case "official":
		offer(ss.official[b.ID])
		l.Title = strings.TrimSpace(fmt.Sprintf("%s%s%s %s %s", pick(rng, []string{"【官方正品】", "【官方旗舰店】", "【双11预售】", "【会员专享】", "【新品上市】", "", "【百亿补贴】"}), b.zh, core, cnPoints(p, rng, 2), pick(rng, []string{"官方旗舰店", "正品保障", "顺丰包邮", ""})))
		l.Price = list
		switch x := rng.Float64(); {
		case x < 0.3:
			l.Price = cnPrice(ceilTo(list*between(rng, 0.86, 0.98), 1))
			l.Ref = list
		case x < 0.4:
			l.Price = cnPrice(floorTo(list*between(rng, 0.72, 0.85), 1)) // official promotion, may be under the floor
			l.Ref = list
			l.Sub = "官方大促 到手价 限时直降 赠摇摇杯/化妆包"
		}
		if chance(rng, 0.35) {
			l.High = cnPrice(l.Price*2 - 20)
			l.Attrs = append(l.Attrs, [2]string{"套餐类型", "单瓶装 两瓶装"})
		}
		if chance(rng, 0.3) {
			l.Coupon = cnPrice(l.Price - 30)
		}
		l.Sales = 1000 + rng.IntN(20000)
		l.Desc = []string{b.zh + "官方旗舰店，品牌直营，正品保障。", "每件商品均有防伪码，可扫码查询真伪。", pick(rng, []string{"会员积分同步累计。", "官方客服在线时间 9:00-22:00。", "支持7天无理由退换。"})}
		l.Photos = officialPhotos(p, rng)
	case "auth", "auth_coupon":
		s := pick(rng, ss.authorised[b.ID])
		offer(s)
		l.Title = strings.TrimSpace(fmt.Sprintf("%s%s %s %s %s", pick(rng, []string{"【授权正品】", "【专卖店】", "【品牌授权】", "", "【现货速发】"}), bw, core, cnPoints(p, rng, 2), tail))
		if kind == "auth" {
			l.Price = cnPrice(ceilTo(max(floor, list*between(rng, 0.9, 1.0)), 1))
		} else {
			l.Price = cnPrice(ceilTo(floor*between(rng, 1.0, 1.04), 1))
			l.Coupon = cnPrice(floorTo(floor*between(rng, 0.85, 0.93), 1))
			l.Sub = fmt.Sprintf("领券立减 券后¥%.0f 限前100名", l.Coupon)
		}
		if chance(rng, 0.2) {
			l.High = cnPrice(l.Price*3 - 40)
		}
		l.Sales = 100 + rng.IntN(3000)
		l.Desc = []string{"本店为" + b.zh + "品牌授权经销商，授权书可在店铺首页查看。", pick(rng, []string{"全国联保，假一赔十。", "支持专柜验货，扫码可查防伪。", "下单赠送品牌小礼品，数量有限送完即止。"})}
		l.Photos = officialPhotos(p, rng, pick(rng, [][]string{nil, nil, {"border"}})...)
	case "dumping":
		s := pick(rng, ss.authorised[b.ID])
		offer(s)
		l.Title = strings.TrimSpace(fmt.Sprintf("%s%s %s %s %s", pick(rng, []string{"【清仓特价】", "【亏本冲量】", "【限时秒杀】", "", "【会员内部价】", "【冲销量】"}), bw, core, cnPoints(p, rng, 1), pick(rng, []string{"正品授权", "包邮", "", "低价出"})))
		l.Price = cnPrice(floorTo(floor*between(rng, 0.6, 0.93), 1))
		l.Sales = 200 + rng.IntN(5000)
		l.Desc = []string{"品牌授权店铺，正品保证。", pick(rng, []string{"冲业绩亏本价，拍完恢复原价。", "年底清库存，价格低于市场价。", "全网最低价，手慢无。", "同样正品，我们价格更实惠。"})}
		l.Photos = officialPhotos(p, rng)
	case "unauth":
		s := pick(rng, ss.business)
		if chance(rng, 0.08) {
			// a distributor of another brand: not authorised for this one
			other := bs[(indexOf(bs, b)+1)%len(bs)]
			s = pick(rng, ss.authorised[other.ID])
		}
		offer(s)
		l.Title = strings.TrimSpace(fmt.Sprintf("%s%s %s %s %s", pick(rng, []string{"", "", "✅", "🔥", "【正品保证】", "【海外直邮】", "【代购】", "【现货】"}), bw, core, cnPoints(p, rng, rng.IntN(3)), tail))
		l.Price = cnPrice(ceilTo(list*between(rng, 0.62, 1.12), 1))
		if chance(rng, 0.2) {
			l.Ref = cnPrice(list * 1.4)
		}
		l.Sales = rng.IntN(800)
		l.Desc = []string{pick(rng, []string{"正品保证，假一赔十，支持专柜验货。", "海外代购，原装进口，可提供购物小票。", "会员内部渠道拿货，价格比专柜便宜。", "直销店货源，日期新鲜，可扫码查防伪。", "保税仓发货，正品有保障。"}), pick(rng, []string{"拍下48小时内发货。", "不支持无理由退货，介意勿拍。", "量大从优，欢迎批发。", ""})}
		l.Photos = officialPhotos(p, rng, pick(rng, [][]string{nil, nil, {"crop"}, {"watermark"}})...)
		if chance(rng, 0.3) {
			l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
		}
	case "cf_words":
		offer(pick(rng, ss.business))
		w := pick(rng, cnCfWords)
		l.cfWord = w
		bw = cnBrandWord(b, rng, true)
		if chance(rng, 0.6) {
			l.Title = strings.TrimSpace(fmt.Sprintf("%s %s %s %s", pick(rng, []string{w + "品质", w, "【" + w + "】", w + "版"}), bw, core, pick(rng, []string{"支持对比", "品质保证", "一比一", "专柜品质", ""})))
			l.Desc = []string{pick(rng, []string{"品质和专柜一致，放心拍。", "细节做工到位，介意勿拍。", "货源稳定，欢迎代理。"})}
		} else {
			l.Title = strings.TrimSpace(fmt.Sprintf("%s %s %s %s", bw, core, cnPoints(p, rng, 2), pick(rng, []string{"特价", "清仓", "包邮", ""})))
			l.Desc = []string{pick(rng, []string{"本店商品为" + w + "货，和正品一模一样，介意的勿拍。", "货源：" + w + "，做工细节支持对比。", "说明：" + w + "，非专柜渠道，价格美丽。", "亲，这款是" + w + "的哦，品质很好，回购率高。"})}
			if chance(rng, 0.3) {
				l.Attrs = append(l.Attrs, [2]string{"货源类别", w})
			}
		}
		if chance(rng, 0.8) {
			l.Price = cnPrice(floorTo(list*between(rng, 0.12, 0.6), 1))
		} else {
			l.Price = cnPrice(floorTo(list*between(rng, 0.7, 0.95), 1))
		}
		l.Sales = rng.IntN(2000)
		l.Photos = []photo{{Kind: "official", Product: p, Seed: rng.Uint64(), Ops: fakeOps(rng), Text: "HAOHUO" + l.ID[8:]}}
		if chance(rng, 0.3) {
			l.Photos = append(l.Photos, photo{Kind: "own", Product: p, Seed: rng.Uint64()})
		}
	case "cf_price":
		offer(pick(rng, ss.business))
		l.Title = strings.TrimSpace(fmt.Sprintf("%s %s %s %s", bw, core, cnPoints(p, rng, 2), pick(rng, []string{"特价", "清仓特卖", "包邮", "9.9秒杀", "厂家处理"})))
		l.Price = cnPrice(floorTo(list*between(rng, 0.1, 0.35), 1))
		l.Sales = rng.IntN(5000)
		l.Desc = []string{pick(rng, []string{"清仓处理，数量有限。", "特价冲量，拍下即发。", "便宜出，先到先得。"})}
		l.Photos = []photo{{Kind: "official", Product: p, Seed: rng.Uint64(), Ops: pick(rng, [][]string{nil, fakeOps(rng)})}}
	case "code":
		s := pick(rng, ss.business)
		if chance(rng, 0.1) {
			s = pick(rng, ss.authorised[b.ID])
		}
		offer(s)
		w := pick(rng, cnCodeWords)
		l.codeWord = w
		if chance(rng, 0.55) {
			l.Title = strings.TrimSpace(fmt.Sprintf("%s %s %s %s", pick(rng, []string{"【" + w + "】", w, "正品" + w, w + "介意勿拍"}), bw, core, pick(rng, []string{"正品", "特价", "清仓", ""})))
			l.Desc = []string{pick(rng, []string{"正品保证，只是刮了码，不影响使用。", "内部渠道货，码已处理，正品放心用。", "介意" + w + "的勿拍。"})}
		} else {
			l.Title = strings.TrimSpace(fmt.Sprintf("%s %s %s 正品 %s", bw, core, cnPoints(p, rng, 1), tail))
			l.Desc = []string{"说明：此款为" + w + "处理，保证正品，" + pick(rng, []string{"不影响使用。", "介意勿拍。", "日期新鲜。"})}
		}
		l.Price = cnPrice(floorTo(list*between(rng, 0.5, 0.85), 1))
		l.Sales = rng.IntN(600)
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
		if chance(rng, 0.4) {
			l.Photos = append(l.Photos, photo{Kind: "official", Product: p, Seed: rng.Uint64(), Ops: []string{"crop"}})
		}
	case "defamation":
		var rival string
		l.Seller, rival = cnRival(b, p, ss, rng)
		a := pick(rng, append(append([]string(nil), b.Defamation...), "被央视曝光", "假冒伪劣", "传销骗局"))
		l.attack = a
		l.Title = pick(rng, []string{
			fmt.Sprintf("别再买%s了！%s 换%s%s 安全放心", b.zh, a, rival, p.zhType),
			fmt.Sprintf("%s%s 平替 %s都知道%s 还是选%s", rival, p.zhType, b.zh, a, rival),
			fmt.Sprintf("%s真相：%s 揭秘资料 维权指南", b.zh, a),
		})
		l.Price = cnPrice(float64(39 + rng.IntN(160)))
		l.Desc = []string{fmt.Sprintf("%s的产品%s，很多人吃了亏还不知道。", b.zh, a), "我们的产品有正规检测报告，欢迎对比。"}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "personal_used":
		offer(pick(rng, ss.personal))
		l.Used = true
		l.Title = strings.TrimSpace(fmt.Sprintf("%s %s %s %s", pick(rng, []string{"闲置", "自用闲置", "个人闲置", "出闲置"}), b.zh, core, pick(rng, []string{"剩大半瓶", "用过几次", "开封未用完", "9成新", "剩一半 介意勿拍"})))
		l.Price = cnPrice(floorTo(list*between(rng, 0.25, 0.7), 1))
		l.Desc = []string{pick(rng, []string{"自己买的，用了几次不适合我。", "搬家清东西，便宜出。", "专柜买的，用了不到一个月。", map[bool]string{true: "味道太甜了喝不惯，没效果，便宜出。", false: "感觉没什么效果，便宜出。"}[p.shape == "tub"]}), "个人闲置，不退不换，同城可自提。"}
		l.Attrs = append(l.Attrs, [2]string{"成色", pick(rng, []string{"9成新", "8成新", "95新"})})
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
	case "personal_new":
		offer(pick(rng, ss.personal))
		l.Title = strings.TrimSpace(fmt.Sprintf("%s %s %s", pick(rng, []string{"全新未拆", "全新", "朋友送的 全新", "抽奖中的 全新未拆"}), bw, core))
		l.Price = cnPrice(floorTo(list*between(rng, 0.55, 0.85), 1))
		l.Desc = []string{pick(rng, []string{"朋友送的，自己用不上，全新未拆封。", "公司年会抽奖中的，全新。", "买多了一瓶，便宜转。"}), "个人闲置，仅此一件。"}
		l.Attrs = append(l.Attrs, [2]string{"成色", "全新"})
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
	case "accessory":
		l.Seller = pick(rng, ss.business)
		acc := map[string][]string{
			"vitaluxe":  {"适用%s蛋白粉 量勺 5g 分装勺", "%s同款 摇摇杯 蛋白粉摇杯 带刻度", "适用%s 便携药盒 分装盒 一周七格", "适用%s蛋白粉罐 密封夹"},
			"lumiel":    {"适用%s精华 按压泵头 替换", "%s面霜 专用挖勺 美容勺 10支", "%s同款 化妆包 收纳袋", "适用%s 洁面起泡网"},
			"casaclara": {"兼容%s净水壶滤芯 通用替换 非原装", "适用%s 28cm 锅盖 玻璃盖", "%s洗洁精 按压泵头 通用", "适用%s不粘锅 硅胶锅铲"},
		}
		l.Title = fmt.Sprintf(pick(rng, acc[b.ID]), b.zh) + " " + pick(rng, []string{"包邮", "", "家用", "2只装"})
		l.Price = cnPrice(float64(3+rng.IntN(45)) + 0.9)
		l.Desc = []string{"本品为第三方配件，非" + b.zh + "官方产品，仅适配使用。"}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
		l.Sales = rng.IntN(3000)
	case "empty":
		l.Seller = pick(rng, append(ss.personal[:10:10], ss.business[:5]...))
		l.Title = pick(rng, []string{"%s空瓶 收藏 回收 ", "%s 空罐 空盒 包装盒 手工改造", "%s礼盒 手提袋 包装袋 空盒子", "%s %s 空瓶 无内容物"})
		if strings.Count(l.Title, "%s") == 2 {
			l.Title = fmt.Sprintf(l.Title, b.zh, p.zhType)
		} else {
			l.Title = fmt.Sprintf(l.Title, b.zh)
		}
		l.Title = strings.TrimSpace(l.Title)
		l.Price = cnPrice(float64(1 + rng.IntN(15)))
		l.Desc = []string{"只是空瓶/空盒，没有内容物，拍前看清楚。"}
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64(), Ops: []string{"shift"}}}
	case "dupe":
		var rival string
		l.Seller, rival = cnRival(b, p, ss, rng)
		l.Title = pick(rng, []string{
			fmt.Sprintf("%s平替 %s%s %s", b.zh+p.zhType, rival, p.zhType, pick(rng, []string{"工厂直供", "同成分", "大牌平替", "性价比"})),
			fmt.Sprintf("%s%s 对标%s 成分更好 价格一半", rival, p.zhType, b.zh),
			fmt.Sprintf("不输%s！%s%s %s", b.zh, rival, p.zhType, pick(rng, []string{"学生党", "国货", "实惠装", ""})),
		})
		l.Price = cnPrice(float64(39 + rng.IntN(90)))
		l.Desc = []string{rival + "自有品牌产品，非" + b.zh + "产品，成分对比仅供参考。"}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
		l.Sales = rng.IntN(9000)
	case "unrelated":
		l.about = nil
		ur := map[string][]string{
			"vitaluxe":  {"维乐思琴行 尤克里里 23寸 初学者", "维乐思 女童连衣裙 2026夏款", "维乐思钢琴谱 原版进口"},
			"lumiel":    {"露米尔 LUMIERE 香薰蜡烛 ins风 卧室", "露米尔 水晶吊灯 客厅 轻奢", "露米尔婚纱摄影 套系定金"},
			"casaclara": {"嘉澜服饰 法式复古连衣裙 春季新款", "嘉澜家纺 纯棉四件套", "嘉澜 陶瓷花瓶 北欧风摆件"},
		}
		t := pick(rng, ur[b.ID])
		shop := map[string]int{"维乐思琴行": 8, "维乐思 女童": 7, "维乐思钢琴谱": 8, "露米尔 LUMIERE": 9, "露米尔 水晶": 12, "露米尔婚纱": 12, "嘉澜服饰": 7, "嘉澜家纺": 10, "嘉澜 陶瓷": 10}
		for k, i := range shop {
			if strings.HasPrefix(t, k) {
				l.Seller = ss.rivals[i]
			}
		}
		l.Title = t
		l.Price = cnPrice(float64(29+rng.IntN(370)) + 0.9)
		l.Desc = []string{"本店商品与其他同名品牌无关。"}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "sample":
		l.Seller = pick(rng, ss.business)
		sm := map[string][]string{
			"vitaluxe":  {"%s益生菌 试用装 3袋", "%s蛋白粉 小包装 体验装 30g*3", "%s鱼油 旅行装 10粒 试吃"},
			"lumiel":    {"%s修护精华 小样5ml*3支 旅行装", "%s面霜 中样15g 试用装", "%s防晒 小样 10ml"},
			"casaclara": {"%s洗洁精 分装 100ml 试用", "%s洗衣液 旅行装 50ml*5袋"},
		}
		l.Title = fmt.Sprintf(pick(rng, sm[b.ID]), b.zh) + " " + pick(rng, []string{"", "赠品", "专柜小样", "包邮"})
		l.Price = cnPrice(float64(9+rng.IntN(50)) + 0.9)
		l.Desc = []string{"小样/试用装，非正装。"}
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
	case "guide":
		l.Seller = ss.rivals[11]
		l.Title = pick(rng, []string{b.zh + " 全产品营养搭配手册 电子版", b.zh + "护肤步骤 使用说明 卡片", b.zh + " 产品知识培训资料 PPT"})
		l.Price = cnPrice(float64(1+rng.IntN(9)) + 0.9)
		l.Desc = []string{"虚拟商品，电子版资料，拍下自动发货。"}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "removed":
		offer(pick(rng, ss.business))
		l.Title = fmt.Sprintf("%s %s 正品 包邮", bw, core)
		l.Price = cnPrice(floorTo(list*0.8, 1))
		l.Removed = true
	}
	if l.Seller == nil {
		panic("no seller for " + kind)
	}
}

// cnRival is a rival maker's shop for the brand's line, and its brand name.
func cnRival(b *brand, p *product, ss *sellers, rng *rand.Rand) (*seller, string) {
	type rv struct {
		i    int
		name string
	}
	opts := map[string][]rv{"vitaluxe": {{1, "草本纪"}, {4, "原力"}, {0, "国货之光"}}, "lumiel": {{2, "肌研社"}, {5, "初颜"}}, "casaclara": {{3, "净到家"}}}[b.ID]
	if p.shape == "pan" {
		opts = []rv{{6, "匠厨"}}
	}
	r := pick(rng, opts)
	return ss.rivals[r.i], r.name
}

func indexOf(bs []*brand, b *brand) int {
	for i, x := range bs {
		if x == b {
			return i
		}
	}
	return -1
}
