package world5

import "strings"

// product is one catalogue product plus the material sellers build titles from.
type product struct {
	b            *brand
	sku, name    string // name: the catalogue (English) name
	cn           string // Chinese full name (also a catalogue alias)
	aliases      []string
	price, floor float64 // CNY
	lk           look
	cnCore       []string // Chinese title cores naming the brand
	enCore       []string // English title cores naming the brand
	cnBare       string   // Chinese product words without the brand
	enBare       string
	unitCN       string // 罐 瓶 盒 支 袋 桶 个
	carton       int
	twin         string // SKU of a near-identical product
	ambCN, ambEN string // title core that does not tell the twins apart
	hintCN       string // where the line / flavour / count is told
	hintEN       string
	featEN       []string
	descCN       string
	genCN, genEN []string // generic goods sharing words
	accCN, accEN []string // accessories made for this product
}

type brand struct {
	id, name, cn string
	aliases      []string
	defam        []string
	mark         string // word printed on packs
	logo         int
	looksCN      []string // look-alike brand names
	looksEN      []string
	sameCN       []string // other brands' own names (同款 / 平替 sellers)
	sameEN       []string
	officialA    []string
	authA        []string
	officialB    []string
	authB        []string
	products     []*product
	format       string // yaml, json, csv
	theme        string // category
}

func (p *product) usd() float64      { return usdRound(p.price / usdRate) }
func (p *product) floorUSD() float64 { return p.floor / usdRate }

// usdRate is the exchange rate the label policy uses for shopmate-ae (USD) prices.
const usdRate = 7.2

func usdRound(v float64) float64 {
	// x.99 pricing
	n := float64(int(v))
	if v-n > 0.5 {
		n++
	}
	return n + 0.99
}

var brands []*brand

func bySKU(sku string) *product {
	for _, b := range brands {
		for _, p := range b.products {
			if p.sku == sku {
				return p
			}
		}
	}
	return nil
}

func init() {
	vdl := &brand{
		id: "verdalis", name: "Verdalis Nutrition", cn: "维德丽",
		aliases: []string{"维德丽", "VERDALIS", "维德丽营养"},
		defam:   []string{"传销骗局", "非法传销", "骗子公司", "pyramid scheme"},
		mark:    "VERDALIS", logo: 0,
		looksCN: []string{"维德莉", "维得力"}, looksEN: []string{"Verdaliss", "Verdalix"},
		sameCN: []string{"健维堂", "谷力康", "纽康思"}, sameEN: []string{"NutriCore", "PureForm", "VitaBasics"},
		officialA: []string{"verdalis-health"},
		authA:     []string{"hengda-rihua", "b2b-2209183746a21", "dongfang-yangsheng", "b2b-2206652291b08"},
		officialB: []string{"A2V7QK1XD0LS9E"},
		authB:     []string{"ATVSHOPMATE01", "A3GW8LN2P5WQ7K"},
		format:    "yaml", theme: "nutrition",
	}
	lns := &brand{
		id: "lunessa", name: "Lunessa", cn: "露妮莎",
		aliases: []string{"露妮莎", "LUNESSA", "露妮莎护肤"},
		defam:   []string{"烂脸", "激素脸", "含汞", "重金属超标", "contains mercury"},
		mark:    "LUNESSA", logo: 1,
		looksCN: []string{"露妮纱", "露尼莎"}, looksEN: []string{"Lunesa", "Lunesse"},
		sameCN: []string{"水之蔻", "肌研社", "花漾集"}, sameEN: []string{"Glowra", "DermaLuxe", "SkinLab"},
		officialA: []string{"lunessa-gz"},
		authA:     []string{"meiyan-scm", "b2b-2201147730c5e"},
		officialB: []string{"A1L9X3MZ0QK4TR"},
		authB:     []string{"ATVSHOPMATE01", "A1BZ6YF0T2CE8D"},
		format:    "yaml", theme: "skincare",
	}
	clm := &brand{
		id: "clarimont", name: "Clarimont Home", cn: "清岚家",
		aliases: []string{"清岚家", "清岚", "CLARIMONT"},
		defam:   []string{"致癌", "含荧光剂", "有毒", "carcinogenic", "toxic"},
		mark:    "CLARIMONT", logo: 2,
		looksCN: []string{"清兰家", "晴岚"}, looksEN: []string{"Claremont Home", "Clarimount"},
		sameCN: []string{"洁诺", "家净宝", "绿伞家"}, sameEN: []string{"HomeGuard", "CleanNest", "PureHouse"},
		officialA: []string{"chengming-rihua", "qinglanjia-outlet"},
		authA:     []string{"hengda-rihua", "wanjiafu-trade", "b2b-2203391058e77"},
		officialB: []string{"A3CM5HD8R1VN2J"},
		authB:     []string{"A2HP4EM7XS0UQ3"},
		format:    "json", theme: "household",
	}
	srv := &brand{
		id: "sorevita", name: "Sorevita", cn: "素蕊维",
		aliases: []string{"素蕊维", "SOREVITA"},
		defam:   []string{"传销", "假药", "骗局", "scam"},
		mark:    "SOREVITA", logo: 3,
		looksCN: []string{"素芯维", "索蕊维"}, looksEN: []string{"Sorevida", "Sorevitae"},
		sameCN: []string{"汤臣康", "养元坊", "康乐仁"}, sameEN: []string{"HerbaVita", "NatureHaus", "Vitalia"},
		officialA: []string{"suruiwei-hz"},
		authA:     []string{"b2b-2206652291b08", "b2b-2209183746a21"},
		officialB: nil,
		authB:     []string{"A3GW8LN2P5WQ7K"},
		format:    "csv", theme: "nutrition",
	}
	brands = []*brand{vdl, lns, clm, srv}

	add := func(b *brand, p *product) {
		p.b = b
		p.lk.mark = b.mark
		p.lk.logo = b.logo
		if p.lk.accent == p.lk.body || p.lk.accent == p.lk.label {
			p.lk.accent = shade(p.lk.label, 1.7)
			if contrastOn(p.lk.label) != white {
				p.lk.accent = shade(p.lk.label, 0.45)
			}
		}
		b.products = append(b.products, p)
	}

	// ---- Verdalis Nutrition ----
	add(vdl, &product{sku: "VDL-PROT-600", name: "Verdalis Soy & Whey Protein Powder 600g", cn: "维德丽大豆乳清双蛋白粉600克",
		aliases: []string{"维德丽蛋白粉", "双蛋白粉 600g", "Verdalis Protein Powder"}, price: 368, floor: 328,
		lk:     look{shape: shTub, body: rgb(246, 246, 240), label: rgb(46, 125, 50), cap: rgb(27, 94, 32), accent: rgb(200, 230, 120), line: "SOY+WHEY", sub: "PROTEIN 600G", stripes: 2},
		cnCore: []string{"维德丽大豆乳清双蛋白粉600g", "维德丽双蛋白粉600克", "VERDALIS维德丽蛋白粉 600g"},
		enCore: []string{"Verdalis Soy & Whey Protein Powder 600g", "Verdalis Dual Protein Powder 600g", "Verdalis Soy Whey Protein 600g"},
		cnBare: "大豆乳清双蛋白粉600g", enBare: "Soy & Whey Protein Powder 600g", unitCN: "罐", carton: 6,
		featEN: []string{"Dual protein blend of soy isolate and whey concentrate", "About 20 servings of 30 g per tub", "No added sucrose"},
		descCN: "大豆分离蛋白与乳清蛋白双重配比，每罐600克，约20次食用量，无添加蔗糖。",
		genCN:  []string{"大豆分离蛋白粉 食品级 25kg 烘焙原料", "乳清蛋白粉 健身增肌 2磅 批发", "中老年蛋白粉 营养粉 礼盒装 600g"},
		genEN:  []string{"Whey Protein Powder 2lb Chocolate Gym Supplement", "Soy Protein Isolate Powder 1kg Unflavored", "Plant Protein Powder 600g Vanilla Vegan"},
		accCN:  []string{"蛋白粉摇摇杯 适用维德丽蛋白粉 带刻度600ml", "维德丽蛋白粉罐专用量勺 30g 替换勺"},
		accEN:  []string{"Shaker Bottle for Verdalis Protein Powder 600ml with Mixing Ball", "Protein Powder Funnel, fits Verdalis 600g Tub"},
	})
	add(vdl, &product{sku: "VDL-FISH-90", name: "Verdalis Deep Sea Fish Oil Softgels 90 Caps", cn: "维德丽深海鱼油软胶囊90粒",
		aliases: []string{"维德丽鱼油", "Verdalis Omega-3 Fish Oil"}, price: 258, floor: 228,
		lk:     look{shape: shBottle, body: rgb(176, 104, 34), label: rgb(250, 250, 250), cap: rgb(25, 45, 90), accent: rgb(25, 80, 160), line: "FISH OIL", sub: "90 SOFTGELS", stripes: 1},
		cnCore: []string{"维德丽深海鱼油软胶囊90粒", "维德丽鱼油 90粒 深海鱼油", "VERDALIS深海鱼油软胶囊"},
		enCore: []string{"Verdalis Deep Sea Fish Oil Softgels 90 Caps", "Verdalis Omega-3 Fish Oil 90 Softgels", "Verdalis Fish Oil 1000mg 90ct"},
		cnBare: "深海鱼油软胶囊90粒", enBare: "Deep Sea Fish Oil Softgels 90 Caps", unitCN: "瓶", carton: 12,
		featEN: []string{"1000 mg fish oil per softgel", "EPA and DHA from deep sea fish", "90 softgels, 3 months supply"},
		descCN: "每粒1000毫克深海鱼油，富含EPA与DHA，一瓶90粒，可食用三个月。",
		genCN:  []string{"深海鱼油软胶囊 100粒 中老年 国产", "深海鱼油 欧米伽3 软胶囊 批发 OEM代加工"},
		genEN:  []string{"Omega-3 Fish Oil 1000mg 120 Softgels", "Deep Sea Fish Oil Capsules 200ct Value Pack"},
		accCN:  []string{"七格药盒 便携分装 适用维德丽鱼油 保健品收纳"},
		accEN:  []string{"Weekly Pill Organizer for Verdalis Fish Oil and Vitamins"},
	})
	add(vdl, &product{sku: "VDL-VC-100", name: "Verdalis Vitamin C Chewable Tablets 100s", cn: "维德丽维生素C咀嚼片100片",
		aliases: []string{"维德丽VC片", "维C咀嚼片"}, price: 128, floor: 112,
		lk:     look{shape: shBottle, body: rgb(250, 250, 246), label: rgb(245, 130, 30), cap: rgb(240, 110, 20), accent: rgb(255, 230, 120), line: "VITAMIN C", sub: "100 TABLETS"},
		cnCore: []string{"维德丽维生素C咀嚼片100片", "维德丽VC咀嚼片 100片", "维德丽维C片 香橙味 100片"},
		enCore: []string{"Verdalis Vitamin C Chewable Tablets 100s", "Verdalis Vitamin C Chewables 100 Tablets Orange", "Verdalis VC Chewable 100ct"},
		cnBare: "维生素C咀嚼片100片", enBare: "Vitamin C Chewable Tablets 100s", unitCN: "瓶", carton: 24,
		featEN: []string{"100 mg vitamin C per chewable tablet", "Natural orange taste", "100 tablets"},
		descCN: "每片含维生素C 100毫克，香橙口味，可直接咀嚼。",
		genCN:  []string{"维生素C咀嚼片 儿童 香橙味 100片", "VC泡腾片 维C 20片 批发"},
		genEN:  []string{"Vitamin C 500mg Chewable Tablets Kids Orange 120ct", "Vitamin C Effervescent Tablets 20ct"},
	})
	add(vdl, &product{sku: "VDL-CALD-120", name: "Verdalis Calcium + Vitamin D3 Tablets 120s", cn: "维德丽钙维D片120片",
		aliases: []string{"维德丽钙片", "钙维D片"}, price: 168, floor: 148,
		lk:     look{shape: shBottle, body: rgb(250, 250, 246), label: rgb(30, 100, 200), cap: rgb(20, 80, 170), accent: rgb(160, 210, 255), line: "CALCIUM+D3", sub: "120 TABLETS", stripes: 2},
		cnCore: []string{"维德丽钙维D片120片", "维德丽钙片 维生素D3 120片", "维德丽碳酸钙D3片"},
		enCore: []string{"Verdalis Calcium + Vitamin D3 Tablets 120s", "Verdalis Calcium D3 120 Tablets", "Verdalis Calcium with D3 Bone Health 120ct"},
		cnBare: "钙维D片120片", enBare: "Calcium + Vitamin D3 Tablets 120s", unitCN: "瓶", carton: 24,
		featEN: []string{"600 mg calcium with 400 IU vitamin D3", "Supports bones and teeth", "120 tablets"},
		descCN: "每片含钙600毫克、维生素D3 400国际单位，一瓶120片。",
		genCN:  []string{"钙片 维生素D 中老年 补钙 200片", "碳酸钙D3片 孕妇 钙维D 60片"},
		genEN:  []string{"Calcium 600mg + Vitamin D3 Tablets 200ct", "Calcium Magnesium Zinc + D3 Tablets"},
	})
	add(vdl, &product{sku: "VDL-PROB-30", name: "Verdalis Probiotic Powder 30 Sachets", cn: "维德丽益生菌粉30袋",
		aliases: []string{"维德丽益生菌", "益生菌固体饮料"}, price: 298, floor: 265,
		lk:     look{shape: shBox, body: rgb(110, 60, 160), label: rgb(250, 250, 250), cap: rgb(90, 40, 140), accent: rgb(110, 60, 160), line: "PROBIOTIC", sub: "30 SACHETS"},
		cnCore: []string{"维德丽益生菌粉30袋", "维德丽益生菌固体饮料 30袋/盒", "维德丽益生菌冻干粉 30条"},
		enCore: []string{"Verdalis Probiotic Powder 30 Sachets", "Verdalis Probiotics 30 Stick Packs", "Verdalis Daily Probiotic Powder 30ct"},
		cnBare: "益生菌粉30袋", enBare: "Probiotic Powder 30 Sachets", unitCN: "盒", carton: 20,
		featEN: []string{"10 billion CFU per sachet", "Freeze-dried strains", "30 sachets per box"},
		descCN: "每袋活菌数100亿，冻干工艺，一盒30袋。",
		genCN:  []string{"益生菌冻干粉 成人 肠胃 30袋", "儿童益生菌粉 固体饮料 20条 批发"},
		genEN:  []string{"Probiotic Powder 50 Billion CFU 30 Sachets", "Kids Probiotic Powder Packets 20ct"},
	})
	add(vdl, &product{sku: "VDL-FIB-ORG", name: "Verdalis Fiber Drink Orange 20 Sachets", cn: "维德丽膳食纤维饮香橙味20袋",
		aliases: []string{"维德丽膳食纤维 香橙味", "纤维饮 香橙"}, price: 198, floor: 178,
		lk:     look{shape: shBox, body: rgb(252, 248, 238), label: rgb(240, 140, 30), cap: rgb(240, 140, 30), accent: rgb(255, 240, 210), line: "FIBER ORANGE", sub: "20 SACHETS", stripes: 1},
		cnCore: []string{"维德丽膳食纤维饮 香橙味 20袋", "维德丽纤维饮香橙味", "维德丽膳食纤维 橙味 20袋装"},
		enCore: []string{"Verdalis Fiber Drink Orange 20 Sachets", "Verdalis Dietary Fiber Drink, Orange, 20ct", "Verdalis Fibre Drink Mix Orange Flavour"},
		cnBare: "膳食纤维饮 香橙味 20袋", enBare: "Fiber Drink Orange 20 Sachets", unitCN: "盒", carton: 20, twin: "VDL-FIB-BRY",
		ambCN: "维德丽膳食纤维饮 20袋", ambEN: "Verdalis Fiber Drink 20 Sachets",
		hintCN: "口味：香橙味（橙色包装）", hintEN: "Flavor: Orange (orange box)",
		featEN: []string{"5 g soluble fibre per sachet", "Orange flavour", "20 sachets"},
		descCN: "每袋含5克可溶性膳食纤维，冲饮方便。",
		genCN:  []string{"膳食纤维粉 菊粉 饱腹 20条", "果蔬纤维饮 代餐 橙子味 10袋"},
		genEN:  []string{"Psyllium Fiber Powder Orange 300g", "Prebiotic Fiber Drink Mix 30 Sticks"},
	})
	add(vdl, &product{sku: "VDL-FIB-BRY", name: "Verdalis Fiber Drink Berry 20 Sachets", cn: "维德丽膳食纤维饮莓果味20袋",
		aliases: []string{"维德丽膳食纤维 莓果味", "纤维饮 莓果"}, price: 198, floor: 178,
		lk:     look{shape: shBox, body: rgb(252, 248, 238), label: rgb(150, 40, 110), cap: rgb(150, 40, 110), accent: rgb(255, 240, 210), line: "FIBER BERRY", sub: "20 SACHETS", stripes: 1},
		cnCore: []string{"维德丽膳食纤维饮 莓果味 20袋", "维德丽纤维饮莓果味", "维德丽膳食纤维 混合莓果 20袋装"},
		enCore: []string{"Verdalis Fiber Drink Berry 20 Sachets", "Verdalis Dietary Fiber Drink, Mixed Berry, 20ct", "Verdalis Fibre Drink Mix Berry Flavour"},
		cnBare: "膳食纤维饮 莓果味 20袋", enBare: "Fiber Drink Berry 20 Sachets", unitCN: "盒", carton: 20, twin: "VDL-FIB-ORG",
		ambCN: "维德丽膳食纤维饮 20袋", ambEN: "Verdalis Fiber Drink 20 Sachets",
		hintCN: "口味：莓果味（紫红色包装）", hintEN: "Flavor: Mixed Berry (purple box)",
		featEN: []string{"5 g soluble fibre per sachet", "Mixed berry flavour", "20 sachets"},
		descCN: "每袋含5克可溶性膳食纤维，冲饮方便。",
		genCN:  []string{"膳食纤维 蓝莓味 冲饮 15袋", "莓果纤维饮 酵素 代餐 10瓶"},
		genEN:  []string{"Berry Fiber Gummies 60ct", "Fiber Drink Mix Mixed Berry 30 Servings"},
	})

	// ---- Lunessa ----
	add(lns, &product{sku: "LNS-SER-HYD", name: "Lunessa Hydra Essence Serum 30ml", cn: "露妮莎水润精华液30ml",
		aliases: []string{"露妮莎水润精华", "Lunessa Hydra Serum"}, price: 420, floor: 378,
		lk:     look{shape: shDropper, body: rgb(170, 200, 232), label: rgb(250, 250, 252), cap: rgb(186, 186, 198), accent: rgb(90, 80, 160), line: "HYDRA", sub: "ESSENCE 30ML"},
		cnCore: []string{"露妮莎水润精华液30ml", "露妮莎水润精华 补水保湿 30ml", "LUNESSA露妮莎水润精华液"},
		enCore: []string{"Lunessa Hydra Essence Serum 30ml", "Lunessa Hydra Serum 30ml Hyaluronic Hydrating", "Lunessa Hydra Essence 1 fl oz"},
		cnBare: "水润精华液30ml", enBare: "Hydra Essence Serum 30ml", unitCN: "瓶", carton: 48, twin: "LNS-SER-BRT",
		ambCN: "露妮莎精华液30ml", ambEN: "Lunessa Essence Serum 30ml",
		hintCN: "系列：水润（玻尿酸补水）", hintEN: "Line: Hydra (hyaluronic acid)",
		featEN: []string{"Hyaluronic acid in three molecular sizes", "Lightweight, for all skin types", "30 ml glass dropper bottle"},
		descCN: "三重玻尿酸配方，质地轻薄，适合各种肤质，30毫升滴管瓶。",
		genCN:  []string{"玻尿酸精华液 补水保湿 30ml 原液", "水润精华 面部精华 OEM贴牌 加工"},
		genEN:  []string{"Hyaluronic Acid Serum 30ml Hydrating Face Serum", "Hydra Boost Serum for Dry Skin 1oz"},
		accCN:  []string{"精华滴管分装瓶 30ml 适用露妮莎精华"},
		accEN:  []string{"Replacement Glass Droppers, fit Lunessa 30ml Serum Bottles (2 pcs)"},
	})
	add(lns, &product{sku: "LNS-SER-BRT", name: "Lunessa Bright Essence Serum 30ml", cn: "露妮莎亮白精华液30ml",
		aliases: []string{"露妮莎亮白精华", "Lunessa Bright Serum"}, price: 420, floor: 378,
		lk:     look{shape: shDropper, body: rgb(170, 200, 232), label: rgb(250, 250, 252), cap: rgb(186, 186, 198), accent: rgb(90, 80, 160), line: "BRIGHT", sub: "ESSENCE 30ML"},
		cnCore: []string{"露妮莎亮白精华液30ml", "露妮莎亮白精华 烟酰胺 30ml", "LUNESSA露妮莎亮白精华液"},
		enCore: []string{"Lunessa Bright Essence Serum 30ml", "Lunessa Bright Serum 30ml Niacinamide Brightening", "Lunessa Bright Essence 1 fl oz"},
		cnBare: "亮白精华液30ml", enBare: "Bright Essence Serum 30ml", unitCN: "瓶", carton: 48, twin: "LNS-SER-HYD",
		ambCN: "露妮莎精华液30ml", ambEN: "Lunessa Essence Serum 30ml",
		hintCN: "系列：亮白（烟酰胺提亮）", hintEN: "Line: Bright (niacinamide)",
		featEN: []string{"5% niacinamide brightening complex", "Evens skin tone", "30 ml glass dropper bottle"},
		descCN: "5%烟酰胺提亮配方，改善暗沉，30毫升滴管瓶。",
		genCN:  []string{"烟酰胺亮白精华液 30ml 提亮", "亮白精华 美白淡斑 原液 批发"},
		genEN:  []string{"Niacinamide 10% Brightening Serum 30ml", "Vitamin C Bright Serum 1oz"},
	})
	add(lns, &product{sku: "LNS-CRM-NGT", name: "Lunessa Night Repair Cream 50g", cn: "露妮莎夜间修护霜50g",
		aliases: []string{"露妮莎晚霜", "Lunessa Night Cream"}, price: 560, floor: 500,
		lk:     look{shape: shJar, body: rgb(30, 40, 90), label: rgb(30, 40, 90), cap: rgb(200, 170, 90), accent: rgb(210, 180, 100), line: "NIGHT REPAIR", sub: "CREAM 50G"},
		cnCore: []string{"露妮莎夜间修护霜50g", "露妮莎晚霜 夜间修护 50g", "LUNESSA夜间修护面霜"},
		enCore: []string{"Lunessa Night Repair Cream 50g", "Lunessa Night Cream 1.7oz Overnight Repair", "Lunessa Night Repair Moisturizer 50g"},
		cnBare: "夜间修护霜50g", enBare: "Night Repair Cream 50g", unitCN: "瓶", carton: 36,
		featEN: []string{"Ceramides and peptides for overnight repair", "Rich texture for dry skin", "50 g jar"},
		descCN: "神经酰胺与多肽修护配方，质地丰润，50克。",
		genCN:  []string{"夜间修护霜 补水面霜 50g", "夜间修护霜 晚安冻膜 睡眠面膜 批发"},
		genEN:  []string{"Retinol Night Cream 50g Anti-Aging", "Overnight Repair Cream Moisturizer 1.7oz"},
		accCN:  []string{"面霜挖勺 迷你 适用露妮莎面霜 10支装"},
		accEN:  []string{"Cosmetic Spatula Set for Lunessa Night Cream Jars (10 pcs)"},
	})
	add(lns, &product{sku: "LNS-TON-150", name: "Lunessa Balancing Toner 150ml", cn: "露妮莎平衡柔肤水150ml",
		aliases: []string{"露妮莎爽肤水", "露妮莎柔肤水"}, price: 238, floor: 210,
		lk:     look{shape: shBottle, body: rgb(242, 190, 202), label: rgb(255, 255, 255), cap: rgb(250, 250, 250), accent: rgb(200, 90, 120), line: "TONER", sub: "BALANCING 150ML"},
		cnCore: []string{"露妮莎平衡柔肤水150ml", "露妮莎爽肤水 平衡水油 150ml", "露妮莎柔肤水 化妆水 150ml"},
		enCore: []string{"Lunessa Balancing Toner 150ml", "Lunessa Balancing Facial Toner 5oz", "Lunessa Toner 150ml pH Balance"},
		cnBare: "平衡柔肤水150ml", enBare: "Balancing Toner 150ml", unitCN: "瓶", carton: 36,
		featEN: []string{"pH-balancing, alcohol-free", "Preps skin for serum", "150 ml"},
		descCN: "无酒精配方，平衡水油，150毫升。",
		genCN:  []string{"柔肤水 爽肤水 500ml 大瓶", "平衡水 收缩毛孔 化妆水 批发"},
		genEN:  []string{"Balancing Toner 200ml Alcohol-Free", "Rose Water Facial Toner 150ml"},
	})
	add(lns, &product{sku: "LNS-CLN-120", name: "Lunessa Amino Acid Cleanser 120g", cn: "露妮莎氨基酸洁面乳120g",
		aliases: []string{"露妮莎洗面奶", "氨基酸洁面乳"}, price: 168, floor: 148,
		lk:     look{shape: shTube, body: rgb(250, 252, 252), label: rgb(40, 160, 160), cap: rgb(40, 160, 160), accent: rgb(40, 160, 160), line: "AMINO", sub: "CLEANSER 120G"},
		cnCore: []string{"露妮莎氨基酸洁面乳120g", "露妮莎洗面奶 氨基酸 120g", "露妮莎温和氨基酸洁面乳"},
		enCore: []string{"Lunessa Amino Acid Cleanser 120g", "Lunessa Gentle Amino Face Wash 120g", "Lunessa Amino Cleanser 4.2oz"},
		cnBare: "氨基酸洁面乳120g", enBare: "Amino Acid Cleanser 120g", unitCN: "支", carton: 48,
		featEN: []string{"Amino-acid surfactants, soap-free", "Low-foam, gentle", "120 g tube"},
		descCN: "氨基酸表活，无皂基，温和低泡，120克。",
		genCN:  []string{"氨基酸洗面奶 温和 100g 学生", "洁面乳 控油 男女 批发 100支"},
		genEN:  []string{"Amino Acid Face Cleanser 120g Gentle", "Foaming Facial Cleanser 150ml"},
	})
	add(lns, &product{sku: "LNS-SUN-50", name: "Lunessa Daily Sunscreen SPF50+ 50ml", cn: "露妮莎清透防晒乳SPF50+",
		aliases: []string{"露妮莎防晒", "Lunessa SPF50"}, price: 198, floor: 175,
		lk:     look{shape: shTube, body: rgb(250, 218, 80), label: rgb(255, 255, 255), cap: rgb(240, 130, 40), accent: rgb(240, 130, 40), line: "SPF50+", sub: "DAILY SUN 50ML"},
		cnCore: []string{"露妮莎清透防晒乳SPF50+ 50ml", "露妮莎防晒霜 SPF50+ 清透", "露妮莎防晒乳 隔离 50ml"},
		enCore: []string{"Lunessa Daily Sunscreen SPF50+ 50ml", "Lunessa SPF50 Daily Sunscreen Lotion 50ml", "Lunessa Clear Sun Lotion SPF 50+"},
		cnBare: "清透防晒乳SPF50+", enBare: "Daily Sunscreen SPF50+ 50ml", unitCN: "支", carton: 48,
		featEN: []string{"SPF50+ PA++++ broad spectrum", "Non-greasy clear finish", "50 ml"},
		descCN: "SPF50+ PA++++，清透不油腻，50毫升。",
		genCN:  []string{"防晒霜 SPF50+ 清爽 学生 军训", "清透防晒乳 物理防晒 SPF50 批发"},
		genEN:  []string{"Daily Sunscreen SPF50 Lotion 50ml", "Daily SPF 50+ Sunscreen Stick Kids"},
	})
	add(lns, &product{sku: "LNS-MSK-5", name: "Lunessa Silk Hydrating Mask 5 Sheets", cn: "露妮莎蚕丝补水面膜5片",
		aliases: []string{"露妮莎面膜", "蚕丝面膜"}, price: 158, floor: 138,
		lk:     look{shape: shFlatBox, body: rgb(200, 170, 222), label: rgb(255, 255, 255), cap: rgb(200, 170, 222), accent: rgb(120, 80, 160), line: "SILK MASK", sub: "5 SHEETS"},
		cnCore: []string{"露妮莎蚕丝补水面膜5片", "露妮莎面膜 蚕丝 补水 5片/盒", "露妮莎蚕丝面膜 5片装"},
		enCore: []string{"Lunessa Silk Hydrating Mask 5 Sheets", "Lunessa Silk Sheet Mask Hydrating 5pcs", "Lunessa Hydrating Silk Face Mask (5 Count)"},
		cnBare: "蚕丝补水面膜5片", enBare: "Silk Hydrating Mask 5 Sheets", unitCN: "盒", carton: 40,
		featEN: []string{"Silk-fibre sheet", "25 ml essence per sheet", "5 sheets per box"},
		descCN: "蚕丝膜布，每片25毫升精华，一盒5片。",
		genCN:  []string{"蚕丝面膜 补水 10片 尾单清仓 无品牌", "蚕丝面膜纸 压缩面膜 100粒"},
		genEN:  []string{"Silk Sheet Mask Hydrating 10 Pack", "Collagen Face Mask Sheets 20pcs"},
	})
	add(lns, &product{sku: "LNS-EYE-15", name: "Lunessa Eye Contour Cream 15g", cn: "露妮莎紧致眼霜15g",
		aliases: []string{"露妮莎眼霜", "Lunessa Eye Cream"}, price: 380, floor: 340,
		lk:     look{shape: shJar, body: rgb(214, 182, 104), label: rgb(255, 252, 244), cap: rgb(240, 236, 226), accent: rgb(150, 110, 40), line: "EYE CONTOUR", sub: "15G"},
		cnCore: []string{"露妮莎紧致眼霜15g", "露妮莎眼霜 淡化细纹 15g", "LUNESSA露妮莎紧致眼霜"},
		enCore: []string{"Lunessa Eye Contour Cream 15g", "Lunessa Firming Eye Cream 0.5oz", "Lunessa Eye Contour Cream Anti-Puffiness"},
		cnBare: "紧致眼霜15g", enBare: "Eye Contour Cream 15g", unitCN: "瓶", carton: 48,
		featEN: []string{"Caffeine and peptide complex", "Reduces puffiness", "15 g"},
		descCN: "咖啡因与多肽复合，改善浮肿，15克。",
		genCN:  []string{"紧致眼霜 淡化黑眼圈 细纹 20g", "紧致眼霜 眼部精华 批发 OEM"},
		genEN:  []string{"Caffeine Eye Cream 15g Dark Circles", "Retinol Eye Contour Cream 0.5oz"},
	})

	// ---- Clarimont Home ----
	add(clm, &product{sku: "CLM-DISH-1L", name: "Clarimont Concentrated Dish Liquid 1L", cn: "清岚浓缩洗洁精1L",
		aliases: []string{"清岚洗洁精", "浓缩洗洁精"}, price: 68, floor: 58,
		lk:     look{shape: shSquat, body: rgb(120, 200, 120), label: rgb(255, 255, 255), cap: rgb(30, 110, 60), accent: rgb(30, 110, 60), line: "DISH", sub: "CONCENTRATE 1L"},
		cnCore: []string{"清岚浓缩洗洁精1L", "清岚洗洁精 浓缩 1升装", "清岚家浓缩洗洁精 果蔬可用"},
		enCore: []string{"Clarimont Concentrated Dish Liquid 1L", "Clarimont Dish Soap Concentrate 1 Litre", "Clarimont Dishwashing Liquid 1L"},
		cnBare: "浓缩洗洁精1L", enBare: "Concentrated Dish Liquid 1L", unitCN: "瓶", carton: 12,
		featEN: []string{"3x concentrated", "Plant-based surfactants", "1 litre"},
		descCN: "三倍浓缩，植物表活，1升装。",
		genCN:  []string{"洗洁精 家庭装 5斤 食品级", "浓缩洗洁精 酒店 大桶 20kg"},
		genEN:  []string{"Dish Soap Concentrate 1L Lemon", "Dishwashing Liquid 5L Refill"},
	})
	add(clm, &product{sku: "CLM-LDRY-2L", name: "Clarimont Enzyme Laundry Liquid 2L Fresh", cn: "清岚酵素洗衣液2L清新型",
		aliases: []string{"清岚洗衣液", "清岚酵素洗衣液 清新"}, price: 128, floor: 112,
		lk:     look{shape: shJug, body: rgb(248, 250, 252), label: rgb(40, 110, 200), cap: rgb(30, 80, 170), accent: rgb(180, 220, 255), line: "ENZYME FRESH", sub: "LAUNDRY 2L"},
		cnCore: []string{"清岚酵素洗衣液2L 清新型", "清岚洗衣液 酵素 2升 清新", "清岚家酵素洗衣液 清新香型"},
		enCore: []string{"Clarimont Enzyme Laundry Liquid 2L Fresh", "Clarimont Enzyme Laundry Detergent 2L, Fresh Scent", "Clarimont Laundry Liquid Fresh 2 Litre"},
		cnBare: "酵素洗衣液2L 清新型", enBare: "Enzyme Laundry Liquid 2L Fresh", unitCN: "桶", carton: 6, twin: "CLM-LDRY-LAV",
		ambCN: "清岚酵素洗衣液2L", ambEN: "Clarimont Enzyme Laundry Liquid 2L",
		hintCN: "香型：清新型（蓝色标签）", hintEN: "Scent: Fresh (blue label)",
		featEN: []string{"Bio-enzyme stain removal", "Fresh scent", "2 litres, 40 washes"},
		descCN: "生物酵素去渍，清新香型，2升约洗40次。",
		genCN:  []string{"酵素洗衣液 2kg 持久留香 家庭装", "洗衣液 10斤 批发 工厂"},
		genEN:  []string{"Enzyme Laundry Detergent 2L Free & Clear", "Laundry Liquid 3L Fresh Scent"},
		accCN:  []string{"洗衣液按压泵头 适用清岚2L洗衣液桶"},
		accEN:  []string{"Pump Dispenser for Clarimont 2L Laundry Jug"},
	})
	add(clm, &product{sku: "CLM-LDRY-LAV", name: "Clarimont Enzyme Laundry Liquid 2L Lavender", cn: "清岚酵素洗衣液2L薰衣草型",
		aliases: []string{"清岚薰衣草洗衣液"}, price: 128, floor: 112,
		lk:     look{shape: shJug, body: rgb(248, 250, 252), label: rgb(130, 100, 190), cap: rgb(30, 80, 170), accent: rgb(220, 200, 255), line: "ENZYME LAVENDER", sub: "LAUNDRY 2L"},
		cnCore: []string{"清岚酵素洗衣液2L 薰衣草型", "清岚洗衣液 薰衣草 2升", "清岚家酵素洗衣液 薰衣草香"},
		enCore: []string{"Clarimont Enzyme Laundry Liquid 2L Lavender", "Clarimont Enzyme Laundry Detergent 2L, Lavender", "Clarimont Laundry Liquid Lavender 2 Litre"},
		cnBare: "酵素洗衣液2L 薰衣草型", enBare: "Enzyme Laundry Liquid 2L Lavender", unitCN: "桶", carton: 6, twin: "CLM-LDRY-2L",
		ambCN: "清岚酵素洗衣液2L", ambEN: "Clarimont Enzyme Laundry Liquid 2L",
		hintCN: "香型：薰衣草型（紫色标签）", hintEN: "Scent: Lavender (purple label)",
		featEN: []string{"Bio-enzyme stain removal", "Lavender scent", "2 litres, 40 washes"},
		descCN: "生物酵素去渍，薰衣草香型，2升约洗40次。",
		genCN:  []string{"薰衣草洗衣液 2kg 留香", "薰衣草香 洗衣液 批发 桶装"},
		genEN:  []string{"Lavender Laundry Detergent 2L", "Lavender Laundry Scent Booster Beads 400g"},
		accCN:  []string{"洗衣液分装瓶 量杯 适配清岚洗衣液"},
		accEN:  []string{"Laundry Detergent Dispenser Bottle, fits Clarimont 2L"},
	})
	add(clm, &product{sku: "CLM-SPRAY", name: "Clarimont Multi-Surface Cleaning Spray 500ml", cn: "清岚多功能清洁喷雾500ml",
		aliases: []string{"清岚清洁喷雾", "多功能清洁剂"}, price: 58, floor: 49,
		lk:     look{shape: shSpray, body: rgb(250, 252, 250), label: rgb(30, 150, 140), cap: rgb(120, 130, 140), accent: rgb(30, 150, 140), line: "MULTI", sub: "SURFACE 500ML"},
		cnCore: []string{"清岚多功能清洁喷雾500ml", "清岚清洁喷雾 厨房 多功能", "清岚家多功能清洁剂 500ml"},
		enCore: []string{"Clarimont Multi-Surface Cleaning Spray 500ml", "Clarimont All Purpose Cleaner Spray 500ml", "Clarimont Multi Surface Cleaner 500ml"},
		cnBare: "多功能清洁喷雾500ml", enBare: "Multi-Surface Cleaning Spray 500ml", unitCN: "瓶", carton: 24,
		featEN: []string{"Kitchen, bath and glass", "Streak-free", "500 ml trigger spray"},
		descCN: "厨房、浴室、玻璃通用，不留痕，500毫升。",
		genCN:  []string{"多功能清洁剂 厨房重油污 500ml", "清洁喷雾 浴室 除垢 批发"},
		genEN:  []string{"Multi-Surface Cleaner Spray 750ml", "All Purpose Cleaning Spray 500ml Citrus"},
		accCN:  []string{"喷雾瓶替换喷头 适用清岚清洁喷雾"},
		accEN:  []string{"Replacement Trigger Sprayer for Clarimont 500ml Bottles"},
	})
	add(clm, &product{sku: "CLM-PASTE", name: "Clarimont Herbal Toothpaste 180g", cn: "清岚草本牙膏180g",
		aliases: []string{"清岚牙膏", "草本牙膏"}, price: 48, floor: 42,
		lk:     look{shape: shTube, body: rgb(250, 252, 248), label: rgb(60, 170, 90), cap: rgb(250, 250, 250), accent: rgb(60, 170, 90), line: "HERBAL", sub: "TOOTHPASTE 180G"},
		cnCore: []string{"清岚草本牙膏180g", "清岚牙膏 草本 清新口气 180g", "清岚家草本牙膏"},
		enCore: []string{"Clarimont Herbal Toothpaste 180g", "Clarimont Herbal Toothpaste Fresh Breath 180g", "Clarimont Herbal Tooth Paste 6.3oz"},
		cnBare: "草本牙膏180g", enBare: "Herbal Toothpaste 180g", unitCN: "支", carton: 48,
		featEN: []string{"Herbal extracts", "Fresh breath", "180 g"},
		descCN: "草本精华，清新口气，180克。",
		genCN:  []string{"草本牙膏 中药 牙龈 120g", "草本牙膏 酒店 一次性 批发 1000支"},
		genEN:  []string{"Herbal Toothpaste 150g Fluoride Free", "Charcoal Herbal Whitening Toothpaste 120g"},
	})
	add(clm, &product{sku: "CLM-FILT", name: "Clarimont Water Purifier Filter Cartridge", cn: "清岚净水器滤芯",
		aliases: []string{"清岚滤芯", "清岚净水滤芯"}, price: 398, floor: 358,
		lk:     look{shape: shCartridge, body: rgb(248, 248, 250), label: rgb(30, 150, 170), cap: rgb(30, 90, 170), accent: rgb(30, 150, 170), line: "FILTER", sub: "6 MONTH"},
		cnCore: []string{"清岚净水器滤芯 原装", "清岚净水滤芯 复合滤芯", "清岚家净水器替换滤芯"},
		enCore: []string{"Clarimont Water Purifier Filter Cartridge", "Clarimont Replacement Filter Cartridge for Water Purifier", "Clarimont Water Filter Cartridge 6-Month"},
		cnBare: "净水器滤芯", enBare: "Water Purifier Filter Cartridge", unitCN: "个", carton: 10,
		featEN: []string{"Composite carbon + membrane", "About 6 months of use", "Fits Clarimont purifiers"},
		descCN: "复合活性炭与膜滤芯，约可使用6个月，适配清岚净水器。",
		genCN:  []string{"净水器滤芯 通用 PP棉 10寸", "RO膜 反渗透 75加仑 净水器滤芯"},
		genEN:  []string{"Universal Water Filter Cartridge 10 inch PP Sediment", "Replacement RO Membrane 75GPD for Water Purifier"},
		accCN:  []string{"兼容清岚净水器滤芯 替换滤芯 非原装 通用款", "清岚净水器滤芯扳手 拆卸工具"},
		accEN:  []string{"Compatible Filter for Clarimont Water Purifier (Not Original, Third-Party)", "Filter Housing Wrench for Clarimont Water Purifier"},
	})
	add(clm, &product{sku: "CLM-VEG", name: "Clarimont Fruit & Vegetable Wash 500ml", cn: "清岚果蔬净500ml",
		aliases: []string{"清岚果蔬清洗剂", "果蔬净"}, price: 78, floor: 68,
		lk:     look{shape: shSquat, body: rgb(252, 242, 222), label: rgb(230, 90, 60), cap: rgb(230, 90, 60), accent: rgb(230, 90, 60), line: "FRUIT+VEG", sub: "WASH 500ML"},
		cnCore: []string{"清岚果蔬净500ml", "清岚果蔬清洗剂 去农残 500ml", "清岚家果蔬净 食品级"},
		enCore: []string{"Clarimont Fruit & Vegetable Wash 500ml", "Clarimont Produce Wash 500ml", "Clarimont Fruit and Veggie Wash 500ml"},
		cnBare: "果蔬净500ml", enBare: "Fruit & Vegetable Wash 500ml", unitCN: "瓶", carton: 24,
		featEN: []string{"Removes wax and residues", "Food-grade ingredients", "500 ml"},
		descCN: "去除果蜡与残留，食品级配方，500毫升。",
		genCN:  []string{"仿真果蔬模型 高仿真蔬菜水果 道具", "果蔬清洗剂 去农残 1kg 家用"},
		genEN:  []string{"Fruit & Vegetable Wash Spray 473ml", "Artificial Fruit and Vegetables Replica Set Kitchen Decor"},
	})

	// ---- Sorevita ----
	add(srv, &product{sku: "SRV-COLL-10", name: "Sorevita Collagen Peptide Drink 10 Bottles", cn: "素蕊维胶原蛋白肽饮品10瓶",
		aliases: []string{"素蕊维胶原蛋白", "胶原蛋白肽口服液"}, price: 299, floor: 268,
		lk:     look{shape: shBox, body: rgb(222, 120, 140), label: rgb(255, 250, 250), cap: rgb(222, 120, 140), accent: rgb(190, 80, 100), line: "COLLAGEN", sub: "10 X 50ML"},
		cnCore: []string{"素蕊维胶原蛋白肽饮品10瓶", "素蕊维胶原蛋白肽口服液 10瓶/盒", "素蕊维小分子胶原蛋白饮"},
		enCore: []string{"Sorevita Collagen Peptide Drink 10 Bottles", "Sorevita Collagen Drink 10 x 50ml", "Sorevita Marine Collagen Peptide Shots 10ct"},
		cnBare: "胶原蛋白肽饮品10瓶", enBare: "Collagen Peptide Drink 10 Bottles", unitCN: "盒", carton: 12,
		featEN: []string{"5000 mg marine collagen peptide per bottle", "10 x 50 ml", "Peach flavour"},
		descCN: "每瓶含海洋胶原蛋白肽5000毫克，10瓶×50毫升，蜜桃味。",
		genCN:  []string{"胶原蛋白肽口服液 小分子 10瓶 OEM", "鱼胶原蛋白粉 100g 批发"},
		genEN:  []string{"Collagen Peptides Powder 500g Unflavored", "Liquid Collagen Shots 10 x 25ml"},
	})
	add(srv, &product{sku: "SRV-LUT-60", name: "Sorevita Lutein Eye Tablets 60s", cn: "素蕊维叶黄素护眼片60片",
		aliases: []string{"素蕊维叶黄素", "叶黄素片"}, price: 189, floor: 168,
		lk:     look{shape: shBottle, body: rgb(250, 250, 246), label: rgb(240, 196, 40), cap: rgb(230, 180, 20), accent: rgb(120, 90, 10), line: "LUTEIN", sub: "60 TABLETS"},
		cnCore: []string{"素蕊维叶黄素护眼片60片", "素蕊维叶黄素 护眼 60片", "素蕊维叶黄素酯片 60片"},
		enCore: []string{"Sorevita Lutein Eye Tablets 60s", "Sorevita Lutein & Zeaxanthin Eye Health 60 Tablets", "Sorevita Lutein 60ct"},
		cnBare: "叶黄素护眼片60片", enBare: "Lutein Eye Tablets 60s", unitCN: "瓶", carton: 24,
		featEN: []string{"20 mg lutein with zeaxanthin", "For screen-heavy days", "60 tablets"},
		descCN: "每片含叶黄素20毫克及玉米黄质，60片。",
		genCN:  []string{"叶黄素软糖 儿童 60粒", "叶黄素酯片 中老年 批发"},
		genEN:  []string{"Lutein Eye Health Tablets with Zeaxanthin 90ct", "Lutein Gummies for Kids 60ct"},
	})
	add(srv, &product{sku: "SRV-GINS-T", name: "Sorevita Ginseng Energy Tea 20 Bags", cn: "素蕊维人参能量茶20袋",
		aliases: []string{"素蕊维人参茶", "人参能量茶"}, price: 139, floor: 122,
		lk:     look{shape: shBox, body: rgb(176, 36, 40), label: rgb(232, 196, 110), cap: rgb(176, 36, 40), accent: rgb(120, 20, 20), line: "GINSENG TEA", sub: "20 BAGS"},
		cnCore: []string{"素蕊维人参能量茶20袋", "素蕊维人参茶 袋泡茶 20袋", "素蕊维人参能量茶 养生茶"},
		enCore: []string{"Sorevita Ginseng Energy Tea 20 Bags", "Sorevita Ginseng Tea 20 Teabags", "Sorevita Red Ginseng Energy Tea"},
		cnBare: "人参能量茶20袋", enBare: "Ginseng Energy Tea 20 Bags", unitCN: "盒", carton: 30,
		featEN: []string{"Red ginseng with goji and jujube", "Caffeine-free", "20 tea bags"},
		descCN: "红参、枸杞、红枣配伍，不含咖啡因，20袋。",
		genCN:  []string{"人参茶 长白山 袋泡茶 30袋", "人参能量茶 人参五宝茶 养生茶 批发"},
		genEN:  []string{"Korean Red Ginseng Tea 50 Bags", "Ginseng Energy Tea Herbal 20ct"},
	})
	add(srv, &product{sku: "SRV-SLP-30", name: "Sorevita GABA Sleep Gummies 30s", cn: "素蕊维GABA睡眠软糖30粒",
		aliases: []string{"素蕊维睡眠软糖", "GABA软糖"}, price: 158, floor: 139,
		lk:     look{shape: shPouch, body: rgb(60, 50, 130), label: rgb(250, 250, 255), cap: rgb(60, 50, 130), accent: rgb(60, 50, 130), line: "GABA SLEEP", sub: "30 GUMMIES"},
		cnCore: []string{"素蕊维GABA睡眠软糖30粒", "素蕊维睡眠软糖 GABA 30粒", "素蕊维γ-氨基丁酸软糖"},
		enCore: []string{"Sorevita GABA Sleep Gummies 30s", "Sorevita Sleep Gummies with GABA 30ct", "Sorevita GABA Gummies 30 Count"},
		cnBare: "GABA睡眠软糖30粒", enBare: "GABA Sleep Gummies 30s", unitCN: "袋", carton: 40,
		featEN: []string{"100 mg GABA with jujube seed", "Berry flavour", "30 gummies"},
		descCN: "每粒含GABA 100毫克及酸枣仁，莓果味，30粒。",
		genCN:  []string{"GABA软糖 睡眠 酸枣仁 60粒", "褪黑素软糖 批发 OEM"},
		genEN:  []string{"GABA Sleep Gummies 60ct Berry", "Melatonin Sleep Gummies 5mg"},
	})
	add(srv, &product{sku: "SRV-LIV-60", name: "Sorevita Milk Thistle Liver Tablets 60s", cn: "素蕊维奶蓟草护肝片60片",
		aliases: []string{"素蕊维护肝片 60片", "奶蓟草片 60片"}, price: 218, floor: 195,
		lk:     look{shape: shBottle, body: rgb(250, 250, 246), label: rgb(80, 150, 60), cap: rgb(60, 120, 40), accent: rgb(40, 90, 30), line: "MILK THISTLE", sub: "60 TABLETS"},
		cnCore: []string{"素蕊维奶蓟草护肝片60片", "素蕊维护肝片 奶蓟草 60片", "素蕊维水飞蓟护肝片 60片"},
		enCore: []string{"Sorevita Milk Thistle Liver Tablets 60s", "Sorevita Milk Thistle Liver Support 60 Tablets", "Sorevita Milk Thistle 60ct"},
		cnBare: "奶蓟草护肝片60片", enBare: "Milk Thistle Liver Tablets 60s", unitCN: "瓶", carton: 24, twin: "SRV-LIV-120",
		ambCN: "素蕊维奶蓟草护肝片", ambEN: "Sorevita Milk Thistle Liver Tablets",
		hintCN: "规格：60片/瓶", hintEN: "Count: 60 tablets per bottle",
		featEN: []string{"Silymarin 150 mg", "Liver support", "60 tablets"},
		descCN: "每片含水飞蓟素150毫克，60片/瓶。",
		genCN:  []string{"奶蓟草护肝片 熬夜 100片", "水飞蓟 护肝片 软胶囊 批发"},
		genEN:  []string{"Milk Thistle 1000mg 120 Capsules", "Liver Detox Milk Thistle Tablets"},
	})
	add(srv, &product{sku: "SRV-LIV-120", name: "Sorevita Milk Thistle Liver Tablets 120s", cn: "素蕊维奶蓟草护肝片120片",
		aliases: []string{"素蕊维护肝片 120片", "奶蓟草片 120片"}, price: 398, floor: 358,
		lk:     look{shape: shBottle, body: rgb(250, 250, 246), label: rgb(80, 150, 60), cap: rgb(60, 120, 40), accent: rgb(40, 90, 30), line: "MILK THISTLE", sub: "120 TABLETS"},
		cnCore: []string{"素蕊维奶蓟草护肝片120片", "素蕊维护肝片 奶蓟草 120片 大瓶", "素蕊维水飞蓟护肝片 120片"},
		enCore: []string{"Sorevita Milk Thistle Liver Tablets 120s", "Sorevita Milk Thistle Liver Support 120 Tablets", "Sorevita Milk Thistle 120ct Value Size"},
		cnBare: "奶蓟草护肝片120片", enBare: "Milk Thistle Liver Tablets 120s", unitCN: "瓶", carton: 24, twin: "SRV-LIV-60",
		ambCN: "素蕊维奶蓟草护肝片", ambEN: "Sorevita Milk Thistle Liver Tablets",
		hintCN: "规格：120片/瓶（大瓶装）", hintEN: "Count: 120 tablets per bottle",
		featEN: []string{"Silymarin 150 mg", "Liver support", "120 tablets"},
		descCN: "每片含水飞蓟素150毫克，120片/瓶。",
		genCN:  []string{"奶蓟草 护肝片 解酒 120片 OEM", "护肝片 葛根 枳椇子 批发"},
		genEN:  []string{"Milk Thistle Extract 240 Tablets", "Liver Cleanse Milk Thistle Supplement 120ct"},
	})
	for _, b := range brands {
		for _, p := range b.products {
			p.aliases = append([]string{p.cn}, p.aliases...)
		}
	}
}

func allProducts() []*product {
	var ps []*product
	for _, b := range brands {
		ps = append(ps, b.products...)
	}
	return ps
}

// queries are the catalogue names the scanner searches for by default.
func catalogueQueries() []string {
	seen := map[string]bool{}
	var qs []string
	addq := func(s string) {
		if !seen[s] {
			seen[s] = true
			qs = append(qs, s)
		}
	}
	for _, b := range brands {
		addq(b.name)
		for _, a := range b.aliases {
			addq(a)
		}
		for _, p := range b.products {
			addq(p.name)
			for _, a := range p.aliases {
				addq(a)
			}
		}
	}
	return qs
}

func imgName(p *product) string { return "images/" + strings.ToLower(p.sku) + ".jpg" }
