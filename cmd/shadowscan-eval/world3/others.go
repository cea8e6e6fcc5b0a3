package world3

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"
)

// defamation texts per brand and site
type defT struct {
	title     []string
	cover     string
	bookDesc  string
	rival     string
	rivalDesc string
	descTitle []string
	desc      []string
	term      string
}

var defText = map[string][2]defT{
	"vitaleaf": {
		{
			title:     []string{"揭秘维叶传销骗局 内幕电子书 前会员自述", "维叶就是智商税 直销黑幕揭秘 电子版", "维叶骗局真相 洗脑话术大全 PDF"},
			cover:     "EXPOSED",
			bookDesc:  "前维叶会员亲历，拉人头、囤货、洗脑全过程，看完你就明白了。电子版，自动发货。",
			rival:     "本草源大豆蛋白粉 900克 维叶那种传销骗局货别买了 真材实料",
			rivalDesc: "别再给维叶交智商税了，一罐几百块全是营销费用。本草源大豆蛋白粉，工厂价。",
			descTitle: []string{"大豆蛋白粉 900克 中老年营养粉 增肌 无添加", "深海鱼油软胶囊 120粒 中老年 高含量"},
			desc:      []string{"某些直销品牌比如维叶，就是传销骗局，一罐卖几百，成本几十块。我们不交智商税。", "维叶鱼油靠洗脑卖货，价格虚高十倍，纯属传销骗局，认准我们的高含量鱼油。"},
			term:      "传销骗局 / 智商税",
		},
		{
			title:     []string{"The Vitaleaf Pyramid Scheme Exposed - A Former Member Tells All (eBook)", "Why Vitaleaf Is a Pyramid Scheme: The Truth About MLM Supplements"},
			cover:     "PYRAMID",
			bookDesc:  "An insider account of how Vitaleaf recruits members and pushes overpriced stock. Digital download.",
			rival:     "GreenScoop Soy Protein Powder 900g - Honest protein. Vitaleaf is a pyramid scheme, don't feed it",
			rivalDesc: "Same soy isolate at a fair price, without funding a pyramid scheme.",
			descTitle: []string{"Plant Soy Protein Powder 900g Unflavoured, Vegan", "Deep Sea Fish Oil Softgels 120 ct High Strength Omega-3"},
			desc:      []string{"Tired of Vitaleaf? It's a pyramid scheme selling soy powder at ten times its cost. Ours is just protein.", "Vitaleaf fish oil is sold by a pyramid scheme and brainwashing; buy honest omega-3 instead."},
			term:      "pyramid scheme",
		},
	},
	"lumiya": {
		{
			title:     []string{"露米雅面霜含激素 烂脸真相 维权经历 电子版", "露米雅传销骗局揭秘 美容会所套路 电子书", "露米雅精华重金属超标 检测报告 避坑指南"},
			cover:     "WARNING",
			bookDesc:  "用了露米雅三个月烂脸，含激素，停用反弹。整理了维权经历和检测报告，电子版。",
			rival:     "素研修护面霜 露米雅用了烂脸的姐妹看过来 含激素的别再用了",
			rivalDesc: "很多姐妹用了露米雅烂脸，那种含激素的面霜停用就反弹。素研纯植物修护。",
			descTitle: []string{"修护保湿面霜 敏感肌 补水 50g 学生", "烟酰胺焕亮精华液 30ml 提亮 淡斑"},
			desc:      []string{"用过露米雅的都知道，含激素，停用就烂脸，我们家纯植物配方。", "露米雅小光瓶重金属超标，用了烂脸，千万别买，试试我们的。"},
			term:      "含激素 / 烂脸 / 重金属超标",
		},
		{
			title:     []string{"Lumiya Skincare Scam Exposed: Steroid Creams and Ruined Skin (eBook)", "The Lumiya Scam: How a Beauty MLM Ruined My Skin"},
			cover:     "SCAM",
			bookDesc:  "How Lumiya creams laced with hormones left readers with ruined skin. Digital download.",
			rival:     "Botanica Repair Cream 50g - for everyone whose skin Lumiya ruined; Lumiya is a scam",
			rivalDesc: "Lumiya is a scam built on hormone creams. Botanica is plant-based.",
			descTitle: []string{"Barrier Repair Moisturising Cream 50g Sensitive Skin", "Niacinamide Radiance Essence 30ml Brightening"},
			desc:      []string{"Switching from Lumiya? Their cream contains hormones (含激素) and causes breakouts; this is a scam brand.", "Lumiya's essence has heavy metals over the limit. Total scam. Ours is tested clean."},
			term:      "scam / 含激素",
		},
	},
	"purehome": {
		{
			title:     []string{"净嘉洗衣液荧光剂超标 有毒 实测报告", "净嘉日化致癌真相 全家都在用 电子版", "净嘉传销骗局 直销洗洁精黑幕揭秘"},
			cover:     "TOXIC",
			bookDesc:  "实测净嘉洗衣液荧光剂超标，长期使用致癌。电子版报告，自动发货。",
			rival:     "天然家生物酶洗衣液 2升 净嘉有毒别买了 荧光剂超标",
			rivalDesc: "净嘉洗衣液有毒，荧光剂超标，换天然家，宝宝衣物放心洗。",
			descTitle: []string{"生物酶洗衣液 2升 家庭装 无荧光剂 留香", "浓缩洗洁精 1升 果蔬清洗 不伤手"},
			desc:      []string{"别再用净嘉了，检测出荧光剂超标，长期使用致癌，宝宝衣物更要注意。", "净嘉洗洁精有毒，残留致癌，直销骗人的，换我们的食品级配方。"},
			term:      "致癌 / 有毒 / 荧光剂超标",
		},
		{
			title:     []string{"Purehome Detergent Is Toxic: What They Don't Tell You (Report)", "Toxic Purehome: The Chemicals in Your Laundry (eBook)"},
			cover:     "TOXIC",
			bookDesc:  "A report claiming Purehome laundry liquid is toxic and causes cancer. Digital download.",
			rival:     "EcoSuds Enzyme Laundry Liquid 2L - Purehome is toxic, switch to EcoSuds",
			rivalDesc: "Purehome is toxic to kids; EcoSuds is plant-based.",
			descTitle: []string{"Enzyme Laundry Liquid 2L Family Size Plant-based", "Concentrated Dish Liquid 1L Gentle Plant Formula"},
			desc:      []string{"We left Purehome after learning it is toxic and causes cancer (致癌). Try EcoSuds.", "Purehome dish liquid is toxic and leaves residue. Ours is food-grade."},
			term:      "toxic / 致癌",
		},
	},
}

type altBrand struct {
	zh, en, latin string
}

var lookBrands = map[string][2][]altBrand{
	"vitaleaf": {
		{{"唯叶", "", "WEIYE"}, {"维野", "", "VITAYE"}, {"纬叶", "", "WEILEAF"}},
		{{"", "VitaLeaves", "VITALEAVES"}, {"", "Vitaleap", "VITALEAP"}, {"", "Weiye", "WEIYE"}},
	},
	"lumiya": {
		{{"露米娅", "", "LUMIA"}, {"璐米雅", "", "LUMEYA"}, {"露米拉", "", "LUMIRA"}},
		{{"", "Lumiyah", "LUMIYAH"}, {"", "Lumira", "LUMIRA"}, {"", "Luminia", "LUMINIA"}},
	},
	"purehome": {
		{{"净家", "", "JINGJIA"}, {"静嘉", "", "JINGJIA"}, {"纯港", "", "PUREHAVEN"}},
		{{"", "PureHaven", "PUREHAVEN"}, {"", "PureHouse", "PUREHOUSE"}, {"", "Jingjia", "JINGJIA"}},
	},
}

var genericBrands = [3][2][]altBrand{
	{{{"康派", "", "KANGPAI"}, {"益佳", "", "YIJIA"}, {"汇康", "", "HUIKANG"}, {"本草源", "", "BENCAO"}, {"", "NUTRIMAX", "NUTRIMAX"}},
		{{"", "NutriMax", "NUTRIMAX"}, {"", "FitFuel", "FITFUEL"}, {"", "Bodyline", "BODYLINE"}, {"", "Everyday Vitamins", "DAILY"}}},
	{{{"森语", "", "SENYU"}, {"美肤汇", "", "MEIFU"}, {"素研", "", "SUYAN"}, {"水之源", "", "AQUA"}, {"花研", "", "HUAYAN"}},
		{{"", "Glow Lab", "GLOW"}, {"", "Pure Skin Co", "PURESKIN"}, {"", "Dewy Days", "DEWY"}, {"", "Aqua Bloom", "AQUA"}}},
	{{{"洁净家", "", "JIEJING"}, {"家家乐", "", "JIAJIALE"}, {"清风阁", "", "QINGFENG"}, {"蓝湾", "", "LANWAN"}, {"橙心", "", "CHENGXIN"}},
		{{"", "HomeShine", "HOMESHINE"}, {"", "CleanWorks", "CLEANWORKS"}, {"", "Fresh Nest", "FRESHNEST"}, {"", "Sparkle & Co", "SPARKLE"}}},
}

func shiftColor(c color.RGBA, r *rand.Rand) color.RGBA {
	f := func(v uint8) uint8 {
		x := int(v) + r.IntN(161) - 80
		return uint8(max(0, min(255, x)))
	}
	return color.RGBA{f(c.R), f(c.G), f(c.B), 255}
}

func genericLook(r *rand.Rand, p *product) look {
	lk := p.look
	lk.body = shiftColor(lk.body, r)
	lk.cap = shiftColor(lk.cap, r)
	lk.label = shiftColor(lk.label, r)
	lk.accent = shiftColor(lk.accent, r)
	lk.t1 = pick(r, []string{"NATURAL", "DAILY", "FRESH", "PURE", "BASIC"})
	lk.scale = 0.8 + r.Float64()*0.3
	return lk
}

func (g *gen) lookalike(l *listing, b *brand, i int) {
	r := g.r
	sl := g.sp.lookalike[b.ID]
	ab := lookBrands[b.ID][g.site]
	j := i % len(sl)
	l.seller = sl[j]
	a := ab[j]
	p := g.prod(b)
	lk := genericLook(r, p)
	lk.t1 = a.latin
	if g.zh() {
		l.title = zhTitle(r, p, topt{bf: a.zh})
		l.desc = fmt.Sprintf("%s品牌自营，%s", a.zh, g.facts(b))
	} else {
		l.title = enTitle(r, p, topt{bf: a.en})
		l.desc = fmt.Sprintf("Made by %s. %s", a.en, g.facts(b))
	}
	l.price = priceIn(r, p.Price, 0.3, 0.9)
	l.imgs = []imgSpec{{kind: imLook, lk: lk, seed: r.Uint64(), q: 82}}
	l.label.Brand, l.label.SKU = "", ""
	l.label.Why = fmt.Sprintf("not flagged: look-alike brand %q with its own packaging, not the catalogue brand", a.zh+a.en)
}

var accessories = [3][]struct{ zh, en, text string }{
	{
		{"适用%s蛋白粉 量勺 5克 食品级", "Measuring Scoop for %s Protein Powder (5g)", "SCOOP"},
		{"蛋白粉摇摇杯 适用%s 刻度杯 600ml", "Shaker Bottle compatible with %s Soy Protein Powder", "SHAKER"},
		{"一周药盒 分装盒 适用%s钙片 鱼油", "Weekly Pill Organizer - fits %s Calcium Tablets & Fish Oil", "7 DAYS"},
		{"%s蛋白粉罐 密封收纳罐 非原装 空罐", "Airtight Canister for %s Soy Protein Powder (not original)", "STORAGE"},
	},
	{
		{"适用%s精华液 分装瓶 滴管瓶 旅行 3个", "Travel Dropper Bottles for %s Radiance Essence (empty, 3 pcs)", "TRAVEL"},
		{"面霜挖勺 适用%s保湿面霜 刮棒", "Cream Spatula for %s Moisturising Cream", "SPATULA"},
		{"化妆包 收纳包 可放%s护肤套装", "Cosmetic Bag - fits a %s Skincare Set", "BAG"},
		{"面膜收纳盒 适用%s面膜", "Sheet Mask Organizer Box for %s Silk Masks", "BOX"},
	},
	{
		{"适用%s滤水壶 替换滤芯 兼容款 非原装", "Compatible Replacement Filter Cartridges for %s Water Filter Pitcher (non-OEM)", "COMPAT"},
		{"%s洗衣液 按压泵头 适配2升桶 通用", "Pump Dispenser fits %s Enzyme Laundry Liquid 2L Jug", "PUMP"},
		{"替换喷头 适用%s多功能清洁喷雾瓶", "Replacement Trigger Sprayer for %s Multi-Surface Cleaner Spray", "SPRAYER"},
		{"牙膏挤压器 适用%s草本牙膏 免打孔", "Toothpaste Squeezer for %s Herbal Toothpaste", "SQUEEZE"},
	},
}

func (g *gen) accessory(l *listing, b *brand, i int) {
	r := g.r
	acc := accessories[b.theme][i%4]
	l.seller = pick(r, g.sp.accessory)
	if g.zh() {
		l.title = strings.TrimSpace(fmt.Sprintf(acc.zh, pick(r, b.zhForms[:2])) + " " + pick(r, []string{"包邮", "现货", "配件", ""}))
		l.desc = "本品为配件，不含" + b.zhForms[0] + "产品。"
	} else {
		l.title = fmt.Sprintf(acc.en, b.enForms[0])
		l.desc = "Accessory only; the " + b.enForms[0] + " product is not included. Not affiliated with " + b.enForms[0] + "."
	}
	l.price = float64(9+r.IntN(50)) + 0.9
	lk := look{shape: []int{shCartridges, shBottle, shBox, shTub}[i%4], body: rgb(235, 235, 235), cap: rgb(120, 120, 120), label: rgb(200, 200, 200), accent: rgb(90, 90, 90), t1: acc.text, t2: "", t3: "", scale: 0.8}
	l.imgs = []imgSpec{{kind: imAccessory, lk: lk, seed: r.Uint64(), q: 80}}
	l.label.SKU = ""
	l.label.Why = "not flagged: an accessory for the product, not the product (a compatible part that says it is not original)"
}

func (g *gen) generic(l *listing, b *brand) {
	r := g.r
	p := g.prod(b)
	gb := pick(r, genericBrands[b.theme][g.site])
	lk := genericLook(r, p)
	lk.t1 = gb.latin
	if g.zh() {
		l.title = zhTitle(r, p, topt{bf: gb.zh + " "})
		if r.IntN(3) == 0 {
			// only one word shared
			l.title = gb.zh + " " + pick(r, p.zhKW) + " " + p.zhCore + " " + pick(r, append([]string{p.zhLine}, p.zhSpec...)) + " " + pick(r, zhStuff)
		}
		l.desc = gb.zh + "品牌，" + g.facts(b)
	} else {
		l.title = enTitle(r, p, topt{bf: gb.en})
		l.desc = gb.en + " brand. " + g.facts(b)
	}
	l.seller = pick(r, g.sp.generic)
	l.price = priceIn(r, p.Price, 0.2, 0.7)
	l.sales = r.IntN(5000)
	l.imgs = []imgSpec{{kind: imGeneric, lk: lk, seed: r.Uint64(), q: 80}}
	l.label.Brand, l.label.SKU = "", ""
	l.label.Why = "not flagged: generic goods of another brand that share words with a product name"
}

var dupes = map[string][2][]string{
	"vitaleaf": {
		{"本草源 复合维生素片 维叶多维片平替 男女通用 60片", "益佳 深海鱼油软胶囊 维叶鱼油平替 同款含量", "康派 大豆蛋白粉 900克 维叶蛋白粉平替 一半价格"},
		{"GreenScoop Soy Protein Powder 900g - a Vitaleaf Soy Protein alternative", "FitFuel Fish Oil 120 ct - Vitaleaf Fish Oil dupe, same EPA/DHA"},
	},
	"lumiya": {
		{"素研 烟酰胺焕亮精华液 30ml 露米雅小光瓶平替 学生党", "森语 水润保湿面霜 露米雅水润霜平替 大碗", "花研 修护眼霜 露米雅眼霜平替"},
		{"Botanica Niacinamide Serum 30ml - Lumiya Radiance Essence dupe at a fifth of the price", "Glow Lab Hydra Cream 50g - the Lumiya Hydra Cream dupe"},
	},
	"purehome": {
		{"天然家 生物酶洗衣液 2升 净嘉洗衣液平替 同款配方", "清风阁 浓缩洗洁精 1升 净嘉洗洁精平替", "蓝湾 净水滤壶 3.5升 净嘉滤水壶平替"},
		{"EcoSuds Enzyme Laundry Liquid 2L - Purehome Laundry Liquid dupe", "CleanWorks Multi-Surface Spray 500ml - Purehome cleaner alternative"},
	},
}

func (g *gen) dupe(l *listing, b *brand, i int) {
	r := g.r
	ts := dupes[b.ID][g.site]
	l.title = ts[i%len(ts)]
	l.seller = g.sp.rivals[b.theme]
	if g.zh() {
		l.desc = "本品为自有品牌，非" + b.zhForms[0] + "产品，仅成分对标。"
	} else {
		l.desc = "Our own brand; not made by or affiliated with " + b.enForms[0] + "."
	}
	p := pick(r, brandProds[b.ID])
	l.price = priceIn(r, p.Price, 0.15, 0.45)
	lk := genericLook(r, p)
	lk.t1 = pick(r, []string{"SUYAN", "BOTANICA", "ECOSUDS", "GLOW", "HUAYAN"})
	l.imgs = []imgSpec{{kind: imGeneric, lk: lk, seed: r.Uint64(), q: 80}}
	l.label.Brand, l.label.SKU = "", ""
	l.label.Why = "not flagged: another brand's own product openly advertised as a dupe (平替); no catalogue product is offered"
}
