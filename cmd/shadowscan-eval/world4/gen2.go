package world4

import (
	"fmt"
	"strings"
)

// ---- defamation ----

type defText struct {
	variant string
	title   string
	desc    string
	term    string
}

func defamationTexts(b *brand, a bool) []defText {
	if a {
		switch b.ID {
		case "vitaquan":
			return []defText{
				{"title", "揭秘维泉传销骗局 直销内幕资料 电子版", "详细记录维泉的拉人头套路，看完你就明白了。", "传销骗局"},
				{"desc", "维泉蛋白粉 用户真实体验 资料分享", "所谓维泉营养品就是传销骗局，产品就是收智商税，千万别被亲戚拉进群。", "传销骗局 / 智商税"},
				{"competitor", "植物蛋白粉 500g 实在价 不像维泉收智商税", "我们的蛋白粉不搞直销，维泉卖298就是智商税，同样的东西我们只要59。", "智商税"},
				{"trad", "維泉傳銷騙局 真相揭秘 電子書", "維泉就是傳銷騙局。", "传销骗局 (traditional script)"},
			}
		case "silkdew":
			return []defText{
				{"title", "丝露精华含激素 烂脸实锤 维权资料汇总", "收集了大量用丝露烂脸的案例，维权群可加。", "含激素 / 烂脸"},
				{"desc", "丝露修护晚霜 使用经历分享", "用了丝露两个月直接激素脸，停用后烂脸，这牌子含激素，大家千万别买。", "激素脸 / 含激素"},
				{"competitor", "孕妇可用 玫瑰精华液 50ml 不像丝露含激素", "纯植物配方，不像丝露含激素，敏感肌放心用。", "含激素"},
				{"trad", "絲露含激素 爛臉維權 真實案例", "絲露含激素，用了爛臉。", "含激素 (traditional script)"},
			}
		case "purenest":
			return []defText{
				{"title", "净巢洗衣液致癌 检测报告曝光 别再用了", "净巢洗衣液含致癌物，家里有小孩的赶紧扔。", "致癌"},
				{"desc", "净巢洗洁精 家庭主妇说真话", "净巢洗洁精有毒，残留洗不干净，吃进肚子里致癌。", "有毒 / 致癌"},
				{"competitor", "天然洗洁精 1L 母婴可用 不像净巢有毒", "无磷无荧光剂，不像净巢有毒，宝宝餐具放心洗。", "有毒"},
				{"trad", "淨巢洗潔精有毒 致癌 真相", "淨巢有毒。", "有毒 / 致癌 (traditional script)"},
			}
		default:
			return []defText{
				{"title", "翠叶枸杞原浆重金属超标 曝光 别再喝了", "翠叶产品重金属超标，伤肝伤肾。", "重金属超标"},
				{"desc", "翠叶西洋参胶囊 说说我的看法", "翠叶就是骗局，产品重金属超标，拉人头卖高价。", "翠叶骗局 / 重金属超标"},
				{"competitor", "宁夏枸杞原浆 10瓶 不像翠叶重金属超标", "我们的枸杞原浆检测合格，不像翠叶重金属超标。", "重金属超标"},
				{"trad", "翠葉騙局 直銷套路揭秘", "翠葉騙局全記錄。", "翠叶骗局 (traditional script)"},
			}
		}
	}
	switch b.ID {
	case "vitaquan":
		return []defText{
			{"title", "The Truth About VitaQuan: a Pyramid Scheme Exposed (eBook)", "How VitaQuan recruits members and why its powders are a waste of money.", "pyramid scheme"},
			{"desc", "VitaQuan Plant Protein Powder - my honest story", "VitaQuan is a pyramid scheme. 维泉就是传销骗局, don't join.", "pyramid scheme / 传销骗局"},
			{"competitor", "Clean Plant Protein 500g - no pyramid scheme markup like VitaQuan", "Unlike VitaQuan's pyramid scheme, we sell direct at a fair price.", "pyramid scheme"},
		}
	case "silkdew":
		return []defText{
			{"title", "Silkdew Creams Are Steroid Creams - The Truth (PDF)", "Lab notes on why Silkdew is a steroid cream that ruins skin.", "steroid cream"},
			{"desc", "Silkdew Night Cream - my experience", "Silkdew gave me steroid skin. 丝露含激素，用了烂脸。", "含激素 / 烂脸"},
			{"competitor", "Gentle Rose Essence 50ml - not a steroid cream like Silkdew", "Plant-based. Unlike Silkdew, not a steroid cream.", "steroid cream"},
		}
	case "purenest":
		return []defText{
			{"title", "PureNest Cleaners Are Toxic - Read Before You Buy (eBook)", "Why PureNest detergents are toxic for your family.", "toxic"},
			{"desc", "PureNest Laundry Liquid - a mum's warning", "PureNest is toxic, 净巢有毒 致癌. Throw it away.", "toxic / 有毒 / 致癌"},
			{"competitor", "Plant-Based Dish Soap 1L - switch from toxic PureNest", "Unlike toxic PureNest, our soap is plant based.", "toxic"},
		}
	default:
		return []defText{
			{"title", "JadeLeaf Scam Exposed 翠葉騙局 (eBook)", "Inside the JadeLeaf scam: 翠叶骗局.", "翠叶骗局"},
			{"desc", "JadeLeaf Goji Juice - what they don't tell you", "JadeLeaf goji juice: 重金属超标. Avoid.", "重金属超标"},
			{"competitor", "Ningxia Goji Juice 10 x 30ml - tested, unlike JadeLeaf 重金属超标", "Lab-tested, unlike JadeLeaf.", "重金属超标"},
		}
	}
}

func (g *gen) defamation(variant string) *listing {
	var t defText
	for _, x := range defamationTexts(g.b, g.a()) {
		if x.variant == variant {
			t = x
		}
	}
	if t.title == "" {
		panic("no defamation text " + variant)
	}
	var s *shop
	if variant == "competitor" {
		if g.a() {
			s = g.shopNamed(map[string][]string{"vitaquan": {"散装营养粉", "保健食品"}, "silkdew": {"国货护肤"},
				"purenest": {"日化用品"}, "jadeleaf": {"养生茶", "保健食品"}}[g.b.ID]...)
		} else {
			s = g.shopNamed(map[string][]string{"vitaquan": {"organic-pantry"}, "silkdew": {"beauty-tools-co"},
				"purenest": {"home-essentials", "kitchen-basics"}, "jadeleaf": {"organic-pantry"}}[g.b.ID]...)
		}
	} else if g.a() {
		s = g.shopNamed("电子书", "测评")
	} else {
		s = g.shopNamed("ebook-corner", "review-lab")
	}
	l := g.newListing(s, nil, kDefamation, variant, variant != "title")
	l.title = t.title
	l.desc = []string{t.desc}
	if g.a() {
		l.desc = append(l.desc, "虚拟商品，拍下自动发货。")
	}
	g.setPrice(l, between(g.r, 5, 60))
	if variant == "competitor" {
		g.setPrice(l, between(g.r, 30, 90))
	}
	lk := randomLook(g.r, shapeDoc)
	lk.lineTxt = "TRUTH"
	l.photos = []photo{otherPhoto(lk, "EXPOSED", g.r)}
	l.why = fmt.Sprintf("R5: the listing attacks %s (%s)", g.b.Name, t.term)
	if variant == "desc" {
		l.why += ", in the description only"
	}
	return l
}

// ---- negatives ----

type namedGood struct {
	title, slug string
	shop        string // shop selector word
	shape       int
	logo        string
	price       float64 // CNY
}

func lookalikes(b *brand, a bool) []namedGood {
	if a {
		switch b.ID {
		case "vitaquan":
			return []namedGood{
				{"维全植物蛋白粉 香草味 500g 中老年营养粉 蛋白质粉", "", "维全", shapeTub, "WEIQUAN", 128},
				{"维全深海鱼油软胶囊 100粒 欧米伽3", "", "维全", shapeBottle, "WEIQUAN", 89},
				{"泉维 多种维生素矿物质片 60片 男女成人", "", "泉维", shapeBottle, "QUANWEI", 69},
				{"泉维益生菌固体饮料 30袋 肠胃调理", "", "泉维", shapeBox, "QUANWEI", 99},
				{"维全钙维D片 120片 中老年补钙", "", "维全", shapeBottle, "WEIQUAN", 59},
			}
		case "silkdew":
			return []namedGood{
				{"丝璐玫瑰水润精华液 50ml 补水保湿 提亮", "", "丝璐", shapeDropper, "SILUU", 89},
				{"SILKDAY 修护晚霜 50g 保湿抗皱", "", "SILKDAY", shapeJar, "SILKDAY", 129},
				{"丝璐氨基酸洁面乳 120g 温和洗面奶", "", "丝璐", shapeTube, "SILUU", 39},
				{"SILKDAY 蚕丝蛋白面膜 10片 补水", "", "SILKDAY", shapeBox, "SILKDAY", 49},
			}
		case "purenest":
			return []namedGood{
				{"净家浓缩洗衣液 2L 薰衣草香 持久留香", "", "净家", shapeJug, "JINGJIA", 39},
				{"净家柠檬洗洁精 1L 食品级 去油", "", "净家", shapeBottle, "JINGJIA", 15},
				{"净家多功能清洁喷雾 500ml 厨房去油污", "", "净家", shapeSpray, "JINGJIA", 25},
				{"PureNext 草本牙膏 120g 清新口气", "", "净家", shapeTube, "PURENEXT", 19},
			}
		default:
			return []namedGood{
				{"翠叶轩 菊花枸杞茶 20袋 养生花草茶", "", "翠叶轩", shapePouch, "CUIYEXUAN", 29},
				{"翠叶轩 红枣姜茶 20袋 暖身冲饮", "", "翠叶轩", shapePouch, "CUIYEXUAN", 29},
				{"翠叶轩 西洋参片 50g 花旗参切片", "", "翠叶轩", shapeJar, "CUIYEXUAN", 158},
				{"翠叶轩 枸杞原浆 10瓶 宁夏鲜果", "", "翠叶轩", shapeBox, "CUIYEXUAN", 99},
			}
		}
	}
	switch b.ID {
	case "vitaquan":
		return []namedGood{
			{"VitaQueen Plant Protein Powder Vanilla 500g", "vitaqueen-plant-protein-vanilla-500g", "vitaqueen", shapeTub, "VITAQUEEN", 150},
			{"VitaQueen Fish Oil Softgels 100ct", "vitaqueen-fish-oil-100", "vitaqueen", shapeBottle, "VITAQUEEN", 110},
			{"VitaQueen Multivitamin 60 tablets", "vitaqueen-multivitamin-60", "vitaqueen", shapeBottle, "VITAQUEEN", 80},
		}
	case "silkdew":
		return []namedGood{
			{"SilkDay Rose Hydrating Essence 50ml 絲黛玫瑰精華", "silkday-rose-hydrating-essence-50ml", "silkday", shapeDropper, "SILKDAY", 120},
			{"SilkDay Repair Night Cream 50g", "silkday-repair-night-cream-50g", "silkday", shapeJar, "SILKDAY", 140},
			{"SilkDay Silk Sheet Mask 10 pcs", "silkday-silk-sheet-mask-10", "silkday", shapeBox, "SILKDAY", 60},
		}
	case "purenest":
		return []namedGood{
			{"PureNext Lavender Laundry Liquid 2L", "purenext-lavender-laundry-2l", "purenext", shapeJug, "PURENEXT", 45},
			{"PureNext Lemon Dish Soap 1L", "purenext-lemon-dish-soap-1l", "purenext", shapeBottle, "PURENEXT", 20},
			{"PureNext Multi-Surface Spray 500ml", "purenext-multi-surface-spray", "purenext", shapeSpray, "PURENEXT", 30},
		}
	default:
		return []namedGood{
			{"Jade Tea House Chrysanthemum Goji Tea 20 bags 翠玉茶莊", "jade-tea-house-chrysanthemum-goji-tea", "jade-tea-house", shapePouch, "JADE TEA", 40},
			{"Jade Tea House Red Date Ginger Tea 20 bags", "jade-tea-house-red-date-ginger-tea", "jade-tea-house", shapePouch, "JADE TEA", 40},
			{"Jade Tea House American Ginseng Slices 50g", "jade-tea-house-ginseng-slices-50g", "jade-tea-house", shapeJar, "JADE TEA", 170},
		}
	}
}

func (g *gen) lookalike() *listing {
	n := pick(g.r, lookalikes(g.b, g.a()))
	s := g.shopNamed(n.shop)
	l := g.newListing(s, nil, kLookalike, "", true)
	l.brand = ""
	l.title = n.title
	l.slug = n.slug
	g.setPrice(l, n.price*between(g.r, 0.85, 1.15))
	if g.a() {
		l.desc = []string{n.title + "，" + s.name + "出品，品质保证。", pick(g.r, shipCN)}
	} else {
		l.desc = []string{n.title + " by " + s.name + ".", pick(g.r, shipEN)}
	}
	l.photos = []photo{otherPhoto(randomLook(g.r, n.shape), n.logo, g.r)}
	l.why = "N3: a different brand (" + s.name + ") whose name or pack resembles " + g.b.Name + "; not a catalogue product"
	return l
}

func accessories(b *brand, a bool) []namedGood {
	if a {
		switch b.ID {
		case "vitaquan":
			return []namedGood{
				{"蛋白粉摇摇杯 适用维泉蛋白粉 带刻度 600ml 健身", "", "健身", shapeCup, "SHAKER", 19},
				{"维泉鱼油 便携分装药盒 一周7格 随身", "", "收纳", shapeBox, "PILLBOX", 9.9},
				{"蛋白粉量勺 适用维泉植物蛋白粉 5支装", "", "杯具", shapeCup, "SCOOP", 6.8},
				{"维泉营养粉 密封罐 防潮收纳罐 1L", "", "收纳", shapeTub, "STORAGE", 15},
			}
		case "silkdew":
			return []namedGood{
				{"精华液分装瓶 适用丝露精华 滴管空瓶 旅行便携 5个装", "", "美妆工具", shapeDropper, "TRAVEL", 12},
				{"丝露面霜 专用挖勺 10支 卫生取用", "", "美妆工具", shapeBox, "SPATULA", 5.9},
				{"面膜收纳盒 适用丝露面膜 亚克力", "", "收纳", shapeBox, "ACRYLIC", 25},
				{"化妆棉 200片 搭配丝露爽肤水 湿敷专用", "", "美妆工具", shapeBox, "COTTON", 9.9},
			}
		case "purenest":
			return []namedGood{
				{"洗衣液按压泵头 适用净巢2L桶 出液器", "", "收纳", shapeSpray, "PUMP", 8.8},
				{"洗洁精按压瓶 适用净巢洗洁精 替换空瓶 500ml", "", "杯具", shapeBottle, "DISPENSER", 16},
				{"喷壶喷头 适用净巢清洁喷雾 通用螺口", "", "收纳", shapeSpray, "NOZZLE", 6.5},
				{"牙膏挤压器 适用净巢牙膏 壁挂", "", "收纳", shapeBox, "SQUEEZER", 12},
			}
		default:
			return []namedGood{
				{"养生茶杯 适用翠叶花草茶 玻璃杯 带茶隔", "", "杯具", shapeCup, "TEA CUP", 29},
				{"胶囊分装盒 适用翠叶西洋参胶囊 便携", "", "收纳", shapeBox, "PILLBOX", 8.8},
				{"保温杯 泡翠叶姜茶 316不锈钢 500ml", "", "杯具", shapeCup, "THERMOS", 49},
			}
		}
	}
	switch b.ID {
	case "vitaquan":
		return []namedGood{
			{"Shaker Bottle 600ml for VitaQuan Protein Powder", "shaker-bottle-600ml-protein", "gym-gear-hub", shapeCup, "SHAKER", 72},
			{"Weekly Pill Organizer - fits VitaQuan softgels", "weekly-pill-organizer", "gym-gear-hub", shapeBox, "PILLBOX", 50},
		}
	case "silkdew":
		return []namedGood{
			{"Refillable Dropper Bottles 50ml x5 - fits Silkdew Essence", "refillable-dropper-bottles-50ml", "beauty-tools-co", shapeDropper, "TRAVEL", 65},
			{"Cream Spatulas x10 for Silkdew jars", "cream-spatulas-10", "beauty-tools-co", shapeBox, "SPATULA", 40},
		}
	case "purenest":
		return []namedGood{
			{"Pump Dispenser for PureNest 2L Laundry Jug", "pump-dispenser-2l-jug", "home-essentials-hk", shapeSpray, "PUMP", 58},
			{"Trigger Nozzle Replacement - fits PureNest Spray", "trigger-nozzle-replacement", "kitchen-basics-store", shapeSpray, "NOZZLE", 43},
		}
	default:
		return []namedGood{
			{"Glass Tea Cup with Infuser - for JadeLeaf Herbal Teas", "glass-tea-cup-infuser", "kitchen-basics-store", shapeCup, "TEA CUP", 110},
			{"Travel Capsule Case for JadeLeaf Ginseng", "travel-capsule-case", "home-essentials-hk", shapeBox, "PILLBOX", 47},
		}
	}
}

func (g *gen) accessory() *listing {
	n := pick(g.r, accessories(g.b, g.a()))
	s := g.shopNamed(n.shop)
	l := g.newListing(s, nil, kAccessory, "", false)
	l.title = n.title
	l.slug = n.slug
	g.setPrice(l, n.price*between(g.r, 0.9, 1.2))
	if g.a() {
		l.desc = []string{"本品为配件，不含" + g.b.CN + "产品本身。" + n.title, pick(g.r, shipCN)}
	} else {
		l.desc = []string{"Accessory only; " + g.b.EN + " product not included.", pick(g.r, shipEN)}
	}
	l.photos = []photo{otherPhoto(randomLook(g.r, n.shape), n.logo, g.r)}
	l.why = "N4: an accessory for " + g.b.Name + " products, not the product itself"
	return l
}

var genericBrandsA = []string{"优康", "禾田", "美颜坊", "清宝", "洁美", "本草园", "山野", "康乐源", "绿之源", "无品牌 散装"}
var genericBrandsB = []string{"NatureBest", "Daily Basics", "GreenLeaf", "HomeChoice", "PureLife", "Organic Valley Farm", "Generic"}

func (g *gen) generic() *listing {
	p := g.product()
	var s *shop
	if chance(g.r, 0.5) {
		s = g.shopOf(shOther)
	} else {
		s = g.shopOf(shReseller)
	}
	l := g.newListing(s, nil, kGeneric, "", false)
	l.brand = ""
	_, ve := vague(p)
	if g.a() {
		gb := pick(g.r, genericBrandsA)
		extra := ""
		if chance(g.r, 0.2) {
			// red-flag-like words on an unbranded product: still not a catalogue product
			extra = " " + pick(g.r, []string{"工厂直供", "厂家直销", "源头工厂", "尾货"})
			l.hard = true
		}
		l.title = fmt.Sprintf("%s%s %s %s%s", gb, pick(g.r, []string{cnFull(p), p.core}), p.spec, stuffing(p, g.r, 2), extra)
		l.desc = []string{l.title + "，" + gb + "品牌，非" + pick(g.r, []string{"直销", "进口", "专柜"}) + "产品。", pick(g.r, shipCN)}
	} else {
		gb := pick(g.r, genericBrandsB)
		extra := ""
		if chance(g.r, 0.2) {
			extra = " - " + pick(g.r, []string{"Factory Direct", "Wholesale", "OEM"})
			l.hard = true
		}
		l.title = fmt.Sprintf("%s %s %s%s", gb, pick(g.r, []string{strings.TrimSpace(p.enLine + " " + p.enCore), ve}), p.enSpec, extra)
		l.desc = []string{l.title + " by " + gb + ".", pick(g.r, shipEN)}
	}
	g.setPrice(l, p.Price*between(g.r, 0.15, 0.6))
	l.photos = []photo{otherPhoto(randomLook(g.r, p.look.shape), strings.ToUpper(pick(g.r, []string{"NATURE", "DAILY", "FRESH", "BASIC", "YOUKANG", "HETIAN"})), g.r)}
	l.why = "N5: generic goods of another brand sharing a word with " + p.SKU + "; not a catalogue product"
	if l.hard {
		l.why += " (factory/wholesale words on an unbranded product are not a counterfeit of the catalogue)"
	}
	return l
}

func (g *gen) secondhand() *listing {
	p := g.product()
	s := g.shopOf(shPersonal)
	l := g.newListing(s, p, kSecondhand, "", true)
	if g.a() {
		l.title = pick(g.r, []string{
			fmt.Sprintf("闲置 %s %s 全新未拆 买多了转", g.nameA(p), p.spec),
			fmt.Sprintf("自用%s 用过两次 便宜出", g.nameA(p)),
			fmt.Sprintf("%s %s 朋友送的 用不上 低价转让", g.nameA(p), p.spec),
		})
		l.desc = []string{"个人闲置，非商家，仅此一件，售出不退。", "同城可自提。"}
	} else {
		l.title = pick(g.r, []string{
			"[Pre-loved] " + g.nameB(p) + " - used twice",
			g.nameB(p) + " - unopened, moving sale",
			fmt.Sprintf("轉讓 %s%s 全新", p.b.TW, p.twCore),
		})
		l.desc = []string{"Personal item, one only. Bought for myself, no longer needed.", "Meet-up or local post."}
	}
	g.setPrice(l, p.Price*between(g.r, 0.55, 0.85))
	l.photos = []photo{ownPhoto(p, g.r)}
	l.why = "N2: a private one-off resale of a genuine product by " + s.name + "; not a business to complain about"
	return l
}

func guides(b *brand, p *product, a bool) []defText {
	if a {
		t := []defText{
			{"fakeguide", b.CN + cnFull(p) + "真假辨别教程 图文对比 防伪码查询方法", "教你从瓶盖、喷码和防伪码辨别" + b.CN + "真假，远离高仿和刮码货。", ""},
			{"review", b.CN + cnFull(p) + " 测评 真实使用三个月 优缺点分析", "客观测评，不吹不黑。", ""},
			{"critical", b.CN + p.core + " 个人体验 价格偏贵 客观评价", "效果还行，就是价格偏贵，性价比一般，按需购买。", ""},
		}
		switch b.ID {
		case "vitaquan":
			t = append(t, defText{"debunk", "维泉是传销吗？直销与传销的区别 科普资料", "维泉持有直销经营许可证，直销不等于传销，本资料帮你分清。", ""})
		case "silkdew":
			t = append(t, defText{"debunk", "辟谣：丝露不含激素 第三方检测报告解读", "网传丝露含激素不实，检测报告显示未检出。", ""})
		case "purenest":
			t = append(t, defText{"debunk", "净巢洗洁精有毒吗？权威检测解读 结论放心用", "网传净巢有毒、致癌均不实，本资料汇总检测报告。", ""})
		default:
			t = append(t, defText{"debunk", "翠叶枸杞原浆重金属检测报告 合格 解读", "检测结果合格，网传重金属超标为谣言。", ""})
		}
		return t
	}
	t := []defText{
		{"fakeguide", "How to Spot Fake " + p.Name + " - Illustrated Guide (PDF)", "Compare caps, batch codes and fonts; avoid replicas and scratched-code packs.", ""},
		{"review", p.Name + " Review: 3 Months Later", "An honest review with pros and cons.", ""},
	}
	switch b.ID {
	case "vitaquan":
		t = append(t, defText{"debunk", "Is VitaQuan a Pyramid Scheme? No - How Licensed Direct Selling Works", "VitaQuan holds a direct-selling licence; here is the difference.", ""})
	case "silkdew":
		t = append(t, defText{"debunk", "Is Silkdew a Steroid Cream? Lab Results Say No", "Independent tests found no steroids.", ""})
	case "purenest":
		t = append(t, defText{"debunk", "Is PureNest Toxic? We Read the Lab Reports (spoiler: no)", "Every report we found says it is safe.", ""})
	default:
		t = append(t, defText{"debunk", "JadeLeaf Goji Juice Heavy-Metal Test: Passed", "The rumours are false; the lab report is inside.", ""})
	}
	return t
}

func (g *gen) guide() *listing {
	p := g.product()
	t := pick(g.r, guides(g.b, p, g.a()))
	var s *shop
	if g.a() {
		s = g.shopNamed("电子书", "测评")
	} else {
		s = g.shopNamed("ebook-corner", "review-lab")
	}
	l := g.newListing(s, nil, kGuide, t.variant, t.variant == "debunk" || t.variant == "fakeguide")
	l.title = t.title
	l.desc = []string{t.desc}
	g.setPrice(l, between(g.r, 3, 30))
	lk := randomLook(g.r, shapeDoc)
	lk.lineTxt = "GUIDE"
	l.photos = []photo{otherPhoto(lk, strings.ToUpper(g.b.logo), g.r)}
	switch t.variant {
	case "debunk":
		l.why = "N6: defends " + g.b.Name + " against a rumour; quoting the rumour is not defamation"
	case "critical":
		l.why = "N6: a fair, mild opinion of " + g.b.Name + "; no attack"
	default:
		l.why = "N6: a review or how-to-spot-fakes guide about " + g.b.Name + "; it offers no product"
	}
	return l
}

func (g *gen) removedListing() *listing {
	p := g.product()
	s := g.unauthShop(1)
	l := g.newListing(s, p, kRemoved, "", true)
	if g.a() {
		l.title = fmt.Sprintf("%s %s %s %s", g.nameA(p), p.spec, pick(g.r, rfTitleA), stuffing(p, g.r, 2))
		l.desc = g.descA(p)
	} else {
		l.title = g.nameB(p) + " " + pick(g.r, rfTitleB)
		l.desc = g.descB(p)
	}
	g.setPrice(l, p.Price*0.3)
	l.photos = []photo{editedPhoto(p, g.r, true)}
	l.removed = true
	l.why = "N7: the listing has already been taken down (the page shows the removal notice); nothing left to report"
	return l
}
