package world6

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
)

// Site names.
const (
	siteA = "tianmao-plus"
	siteB = "lazmall-sg"
)

// Exchange rates an analyst uses to compare a listing price with a catalogue
// price in another currency (CNY per unit).
var cnyPer = map[string]float64{"CNY": 1, "SGD": 5.35, "MYR": 1.55}

func convert(v float64, from, to string) float64 {
	return v * cnyPer[from] / cnyPer[to]
}

type product struct {
	SKU     string
	Name    string // catalogue name
	ZH, EN  string // full names in both scripts
	Aliases []string
	Price   float64
	Min     float64
	Cur     string
	Images  []string

	brand   *brand
	zhShort string // 植物蛋白粉
	enShort string // Plant Protein Powder
	spec    string // 500g
	kwZH    []string
	kwEN    []string
	// near-twin: a title that does not say the line, and the words that do
	twin     string
	genZH    string
	genEN    string
	hintZH   string
	hintEN   string
	design   design
	official []int // indexes of official shots
}

type sellerRef struct{ Site, ID string }

type brand struct {
	ID       string
	Name     string
	ZH       string
	EN       string
	Aliases  []string
	DefTerms []string
	Format   string // yaml, json, csv
	Products []*product
	official []sellerRef
	auth     []sellerRef
	lookZH   string // look-alike brand
	lookEN   string
}

func (b *brand) isOfficial(site, id string) bool {
	for _, s := range b.official {
		if s.Site == site && s.ID == id {
			return true
		}
	}
	return false
}

func (b *brand) isAuthorized(site, id string) bool {
	for _, s := range b.auth {
		if s.Site == site && s.ID == id {
			return true
		}
	}
	return false
}

var brands []*brand
var productBySKU = map[string]*product{}
var brandByID = map[string]*brand{}

func p(sku, zh, en string, aliases []string, price, min float64, zhShort, enShort, spec string, kwZH, kwEN []string, d design) *product {
	return &product{SKU: sku, ZH: zh, EN: en, Aliases: aliases, Price: price, Min: min,
		zhShort: zhShort, enShort: enShort, spec: spec, kwZH: kwZH, kwEN: kwEN, design: d}
}

func twin(a, b *product, genZH, genEN, hintA, hintAEN, hintB, hintBEN string) {
	a.twin, b.twin = b.SKU, a.SKU
	a.genZH, b.genZH = genZH, genZH
	a.genEN, b.genEN = genEN, genEN
	a.hintZH, a.hintEN = hintA, hintAEN
	b.hintZH, b.hintEN = hintB, hintBEN
}

func initCatalog() {
	// ---- Calnova: nutrition, CNY, YAML ----
	calGreen := design{shape: shTub, body: hex(0x3f8f4f), cap: hex(0xf4f4ef), band: hex(0xfaf7e8), ink: hex(0x24583a), brand: "CALNOVA", line: "PROTEIN 500G", logo: logoLeaf, bg: hex(0xdcefe0)}
	cal900 := calGreen
	cal900.line, cal900.shape, cal900.bg = "PROTEIN 900G", shTubWide, hex(0xd3ead8)
	calProt := p("CAL-PROT-500", "康诺维植物蛋白粉 500g", "Calnova Plant Protein Powder 500g",
		[]string{"植物蛋白粉 500克", "康诺维大豆蛋白粉", "Calnova Soy Protein 500g"}, 298, 268,
		"植物蛋白粉", "Plant Protein Powder", "500g",
		[]string{"大豆分离蛋白", "蛋白质粉", "中老年营养粉", "增强体质", "成人营养"},
		[]string{"soy protein", "high protein", "halal", "susu protein"}, calGreen)
	calProt9 := p("CAL-PROT-900", "康诺维植物蛋白粉 900g", "Calnova Plant Protein Powder 900g",
		[]string{"植物蛋白粉 900克", "康诺维蛋白粉大罐"}, 498, 448,
		"植物蛋白粉", "Plant Protein Powder", "900g",
		[]string{"大罐装", "家庭装", "大豆蛋白质粉", "中老年营养粉"},
		[]string{"soy protein", "family pack", "high protein"}, cal900)
	calFish := p("CAL-FISH-90", "康诺维深海鱼油软胶囊 90粒", "Calnova Deep Sea Fish Oil 90 Softgels",
		[]string{"深海鱼油", "康诺维鱼油", "Calnova Omega-3"}, 268, 238,
		"深海鱼油软胶囊", "Deep Sea Fish Oil", "90粒",
		[]string{"欧米伽3", "DHA EPA", "中老年", "软胶囊", "护心脑"},
		[]string{"omega 3", "fish oil", "minyak ikan", "DHA EPA"},
		design{shape: shBottle, body: hex(0xb36b12), cap: hex(0x1d3557), band: hex(0xf1faee), ink: hex(0x1d3557), brand: "CALNOVA", line: "OMEGA-3 90", logo: logoLeaf, bg: hex(0xfdf0d5)})
	calProb := p("CAL-PROB-30", "康诺维益生菌固体饮料 30袋", "Calnova Probiotic Powder 30 Sachets",
		[]string{"康诺维益生菌", "益生菌冻干粉", "Calnova Probiotics"}, 228, 198,
		"益生菌固体饮料", "Probiotic Powder", "30袋",
		[]string{"肠胃调理", "冻干粉", "儿童成人", "益生元"},
		[]string{"probiotic", "gut health", "prebiotic"},
		design{shape: shBox, body: hex(0xf2a7b8), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x8c1c3a), brand: "CALNOVA", line: "PROBIOTIC 30", logo: logoLeaf, bg: hex(0xfbe4ea)})
	mvMen := p("CAL-MV-MEN", "康诺维男士多维片 60片", "Calnova Men's Multivitamin 60 Tablets",
		[]string{"男士多维片", "男士复合维生素", "Calnova Multi Men"}, 198, 178,
		"男士多维片", "Men's Multivitamin", "60片",
		[]string{"复合维生素", "男性", "B族", "矿物质"},
		[]string{"multivitamin", "men's health", "vitamin"},
		design{shape: shBottle, body: hex(0x1f4e8c), cap: hex(0xe8e8e8), band: hex(0xffffff), ink: hex(0x1f4e8c), brand: "CALNOVA", line: "MULTI MEN", logo: logoLeaf, bg: hex(0xdde7f5)})
	mvWomen := p("CAL-MV-WOMEN", "康诺维女士多维片 60片", "Calnova Women's Multivitamin 60 Tablets",
		[]string{"女士多维片", "女士复合维生素", "Calnova Multi Women"}, 198, 178,
		"女士多维片", "Women's Multivitamin", "60片",
		[]string{"复合维生素", "女性", "叶酸", "铁锌"},
		[]string{"multivitamin", "women's health", "vitamin"},
		design{shape: shBottle, body: hex(0xc2466e), cap: hex(0xe8e8e8), band: hex(0xffffff), ink: hex(0xc2466e), brand: "CALNOVA", line: "MULTI WOMEN", logo: logoLeaf, bg: hex(0xdde7f5)})
	twin(mvMen, mvWomen, "康诺维多维片 60片", "Calnova Multivitamin 60 Tablets",
		"蓝色瓶 男士款", "blue bottle (men)", "玫红瓶 女士款", "pink bottle (women)")
	calCal := p("CAL-CAL-120", "康诺维钙镁D3片 120片", "Calnova Calcium Magnesium D3 120 Tablets",
		[]string{"钙镁片", "康诺维钙片", "Calnova Cal-Mag D3"}, 168, 148,
		"钙镁D3片", "Calcium Magnesium D3", "120片",
		[]string{"中老年钙片", "维生素D3", "骨骼", "补钙"},
		[]string{"calcium", "vitamin d3", "bone health"},
		design{shape: shBottle, body: hex(0xf7f7f2), cap: hex(0xe07a1f), band: hex(0xe07a1f), ink: hex(0xffffff), brand: "CALNOVA", line: "CAL-MAG D3", logo: logoLeaf, bg: hex(0xfdebd3)})
	calColl := p("CAL-COLL-10", "康诺维胶原蛋白肽饮 10瓶", "Calnova Collagen Peptide Drink 10 x 50ml",
		[]string{"胶原蛋白肽饮", "胶原蛋白口服液", "Calnova Collagen Drink"}, 358, 318,
		"胶原蛋白肽饮", "Collagen Peptide Drink", "10瓶",
		[]string{"小分子", "口服液", "美容养颜", "玻尿酸"},
		[]string{"collagen", "beauty drink", "kolagen"},
		design{shape: shBox, body: hex(0x6b3fa0), cap: hex(0xffffff), band: hex(0xe9d8fd), ink: hex(0x4a2a73), brand: "CALNOVA", line: "COLLAGEN 10", logo: logoLeaf, bg: hex(0xece3f7)})
	cal := &brand{ID: "calnova", Name: "Calnova Nutrition", ZH: "康诺维", EN: "Calnova",
		Aliases: []string{"康诺维", "CALNOVA", "康诺维营养"}, DefTerms: []string{"传销骗局", "割韭菜", "吃出肾病"},
		Format: "yaml", lookZH: "康维诺", lookEN: "Calnora",
		Products: []*product{calProt, calProt9, calFish, calProb, mvMen, mvWomen, calCal, calColl}}

	// ---- Lirensa: skincare, CNY, YAML ----
	gold := design{shape: shDropper, body: hex(0xc99a2e), cap: hex(0x2b2b2b), band: hex(0xfff4d6), ink: hex(0x7a5a12), brand: "LIRENSA", line: "RADIANCE", logo: logoDiamond, bg: hex(0xf6efe3)}
	blue := gold
	blue.body, blue.band, blue.ink, blue.line = hex(0x2f6fb3), hex(0xe3f0ff), hex(0x1c4470), "HYDRA"
	lToner := p("LRS-TONER-150", "俪芮莎臻颜精华水 150ml", "Lirensa Essence Toner 150ml",
		[]string{"臻颜精华水", "俪芮莎爽肤水", "Lirensa Toner"}, 389, 349,
		"臻颜精华水", "Essence Toner", "150ml",
		[]string{"爽肤水", "补水保湿", "提亮", "化妆水"},
		[]string{"toner", "hydrating", "brightening"},
		design{shape: shTall, body: hex(0xf3c6cf), cap: hex(0xd9d9d9), band: hex(0xffffff), ink: hex(0x9c3d54), brand: "LIRENSA", line: "ESSENCE", logo: logoDiamond, bg: hex(0xf9eef0)})
	lGold := p("LRS-SER-GOLD", "俪芮莎焕采精华液 30ml", "Lirensa Radiance Serum 30ml",
		[]string{"焕采精华液", "俪芮莎金瓶精华", "Lirensa Gold Serum"}, 528, 468,
		"焕采精华液", "Radiance Serum", "30ml",
		[]string{"提亮肤色", "抗初老", "淡纹", "精华"},
		[]string{"serum", "brightening", "anti-aging"}, gold)
	lBlue := p("LRS-SER-BLUE", "俪芮莎水润精华液 30ml", "Lirensa Hydra Serum 30ml",
		[]string{"水润精华液", "俪芮莎蓝瓶精华", "Lirensa Blue Serum"}, 498, 448,
		"水润精华液", "Hydra Serum", "30ml",
		[]string{"补水", "保湿", "修护屏障", "精华"},
		[]string{"serum", "hydrating", "moisture"}, blue)
	twin(lGold, lBlue, "俪芮莎精华液 30ml", "Lirensa Serum 30ml",
		"金色瓶身 焕采款", "gold bottle, radiance line", "蓝色瓶身 水润款", "blue bottle, hydra line")
	lCream := p("LRS-CREAM-50", "俪芮莎修护面霜 50g", "Lirensa Repair Cream 50g",
		[]string{"修护面霜", "俪芮莎面霜", "Lirensa Cream"}, 458, 408,
		"修护面霜", "Repair Cream", "50g",
		[]string{"修护", "敏感肌", "保湿霜", "秋冬"},
		[]string{"cream", "moisturizer", "sensitive skin"},
		design{shape: shJar, body: hex(0xfafafa), cap: hex(0xd4a5b5), band: hex(0xd4a5b5), ink: hex(0xffffff), brand: "LIRENSA", line: "REPAIR", logo: logoDiamond, bg: hex(0xf4e6ea)})
	lEye := p("LRS-EYE-15", "俪芮莎紧致眼霜 15g", "Lirensa Firming Eye Cream 15g",
		[]string{"紧致眼霜", "俪芮莎眼霜", "Lirensa Eye Cream"}, 368, 328,
		"紧致眼霜", "Firming Eye Cream", "15g",
		[]string{"淡化细纹", "黑眼圈", "紧致", "眼部精华"},
		[]string{"eye cream", "dark circles"},
		design{shape: shJarSmall, body: hex(0xb9a6d9), cap: hex(0x5b4a7d), band: hex(0xffffff), ink: hex(0x5b4a7d), brand: "LIRENSA", line: "EYE", logo: logoDiamond, bg: hex(0xefeaf7)})
	lClean := p("LRS-CLEAN-120", "俪芮莎氨基酸洁面乳 120g", "Lirensa Amino Acid Cleanser 120g",
		[]string{"氨基酸洁面乳", "俪芮莎洗面奶", "Lirensa Cleanser"}, 158, 138,
		"氨基酸洁面乳", "Amino Acid Cleanser", "120g",
		[]string{"洗面奶", "温和", "控油", "男女"},
		[]string{"cleanser", "facial wash", "pencuci muka"},
		design{shape: shTube, body: hex(0xa8e0cf), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x2d7a63), brand: "LIRENSA", line: "AMINO", logo: logoDiamond, bg: hex(0xe6f5f0)})
	lSun := p("LRS-SUN-50", "俪芮莎清透防晒乳 SPF50+ 50ml", "Lirensa Clear Sunscreen SPF50+ 50ml",
		[]string{"清透防晒乳", "俪芮莎防晒霜", "Lirensa Sunscreen"}, 198, 178,
		"清透防晒乳", "Clear Sunscreen", "SPF50+ 50ml",
		[]string{"防晒霜", "隔离", "军训", "清爽不油"},
		[]string{"sunscreen", "sunblock", "SPF50"},
		design{shape: shTube, body: hex(0xf5d547), cap: hex(0x3a3a3a), band: hex(0xffffff), ink: hex(0xb36b00), brand: "LIRENSA", line: "SPF50+", logo: logoDiamond, bg: hex(0xfff8d6)})
	lMask := p("LRS-MASK-5", "俪芮莎玻尿酸补水面膜 5片", "Lirensa Hyaluronic Hydrating Mask 5 Sheets",
		[]string{"玻尿酸补水面膜", "俪芮莎面膜", "Lirensa Sheet Mask"}, 128, 108,
		"玻尿酸补水面膜", "Hydrating Mask", "5片",
		[]string{"面膜", "补水", "玻尿酸", "熬夜急救"},
		[]string{"sheet mask", "hydrating mask", "masker"},
		design{shape: shBoxFlat, body: hex(0x7fd1de), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x1b6f7d), brand: "LIRENSA", line: "MASK X5", logo: logoDiamond, bg: hex(0xe3f6f9)})
	lrs := &brand{ID: "lirensa", Name: "Lirensa Skincare", ZH: "俪芮莎", EN: "Lirensa",
		Aliases: []string{"俪芮莎", "LIRENSA", "俪芮莎护肤"}, DefTerms: []string{"烂脸", "激素脸", "重金属超标"},
		Format: "yaml", lookZH: "芮莎诗", lookEN: "Lirenne",
		Products: []*product{lToner, lGold, lBlue, lCream, lEye, lClean, lSun, lMask}}

	// ---- Homvia: household, CNY, JSON ----
	lemon := design{shape: shBottleTall, body: hex(0xf2d230), cap: hex(0x2f7d32), band: hex(0xffffff), ink: hex(0x2f7d32), brand: "HOMVIA", line: "LEMON", logo: logoHouse, bg: hex(0xf2f7e6)}
	tea := lemon
	tea.body, tea.cap, tea.ink, tea.line = hex(0x6fbf4a), hex(0xf2d230), hex(0x2b5d1b), "GREEN TEA"
	hLem := p("HMV-DISH-LEM", "禾美家浓缩洗洁精 柠檬香 1L", "Homvia Concentrated Dish Liquid Lemon 1L",
		[]string{"浓缩洗洁精 柠檬", "禾美家洗洁精", "Homvia Dish Liquid Lemon"}, 69, 59,
		"浓缩洗洁精柠檬香", "Dish Liquid Lemon", "1L",
		[]string{"洗洁精", "家用", "去油", "食品级", "可洗果蔬"},
		[]string{"dishwashing liquid", "sabun pinggan", "lemon"}, lemon)
	hTea := p("HMV-DISH-TEA", "禾美家浓缩洗洁精 绿茶香 1L", "Homvia Concentrated Dish Liquid Green Tea 1L",
		[]string{"浓缩洗洁精 绿茶", "Homvia Dish Liquid Green Tea"}, 69, 59,
		"浓缩洗洁精绿茶香", "Dish Liquid Green Tea", "1L",
		[]string{"洗洁精", "家用", "去油", "食品级", "绿茶"},
		[]string{"dishwashing liquid", "sabun pinggan", "green tea"}, tea)
	twin(hLem, hTea, "禾美家浓缩洗洁精 1L", "Homvia Concentrated Dish Liquid 1L",
		"黄色瓶 柠檬香型", "yellow bottle, lemon scent", "绿色瓶 绿茶香型", "green bottle, green tea scent")
	hLaun := p("HMV-LAUN-2K", "禾美家浓缩洗衣液 2kg", "Homvia Concentrated Laundry Liquid 2kg",
		[]string{"浓缩洗衣液", "禾美家洗衣液", "Homvia Laundry Liquid"}, 129, 109,
		"浓缩洗衣液", "Laundry Liquid", "2kg",
		[]string{"洗衣液", "浓缩", "持久留香", "机洗手洗"},
		[]string{"laundry detergent", "sabun basuh"},
		design{shape: shJug, body: hex(0x3a7bd5), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x1e4c8f), brand: "HOMVIA", line: "LAUNDRY 2KG", logo: logoHouse, bg: hex(0xe3edf9)})
	hSurf := p("HMV-SURF-500", "禾美家多效清洁喷雾 500ml", "Homvia Multi-Surface Cleaner Spray 500ml",
		[]string{"多效清洁喷雾", "禾美家清洁剂", "Homvia Cleaner Spray"}, 59, 49,
		"多效清洁喷雾", "Multi-Surface Cleaner", "500ml",
		[]string{"清洁剂", "厨房去油污", "油烟机", "喷雾"},
		[]string{"cleaner", "degreaser", "kitchen"},
		design{shape: shSpray, body: hex(0xf08a24), cap: hex(0x333333), band: hex(0xffffff), ink: hex(0xa14f00), brand: "HOMVIA", line: "MULTI 500", logo: logoHouse, bg: hex(0xfcebd9)})
	hPuri := p("HMV-RO600", "禾美家厨下净水器 RO-600", "Homvia Under-Sink Water Purifier RO-600",
		[]string{"厨下净水器", "禾美家净水机", "Homvia RO-600"}, 2980, 2680,
		"厨下净水器", "Water Purifier", "RO-600",
		[]string{"净水器", "家用直饮", "RO反渗透", "厨下式"},
		[]string{"water purifier", "RO", "penapis air"},
		design{shape: shAppliance, body: hex(0xdfe3e8), cap: hex(0x2f3a45), band: hex(0x2f3a45), ink: hex(0x7fd3ff), brand: "HOMVIA", line: "RO-600", logo: logoHouse, bg: hex(0xeef1f4)})
	hFilt := p("HMV-RO600-F", "禾美家净水器复合滤芯 RO-600专用", "Homvia RO-600 Replacement Filter",
		[]string{"复合滤芯", "禾美家滤芯", "Homvia Filter Cartridge"}, 498, 448,
		"净水器复合滤芯", "Replacement Filter", "RO-600专用",
		[]string{"滤芯", "RO膜", "替换", "原装"},
		[]string{"filter", "cartridge", "replacement"},
		design{shape: shCylinder, body: hex(0xf4f6f8), cap: hex(0x3a7bd5), band: hex(0x3a7bd5), ink: hex(0xffffff), brand: "HOMVIA", line: "RO-600 F", logo: logoHouse, bg: hex(0xe5ecf3)})
	hSoft := p("HMV-SOFT-3L", "禾美家衣物柔顺剂 3L", "Homvia Fabric Softener 3L",
		[]string{"衣物柔顺剂", "禾美家柔顺剂", "Homvia Softener"}, 89, 79,
		"衣物柔顺剂", "Fabric Softener", "3L",
		[]string{"柔顺剂", "持久留香", "防静电", "护理剂"},
		[]string{"softener", "fabric conditioner", "pelembut"},
		design{shape: shJug, body: hex(0xa58fd6), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x5a3f99), brand: "HOMVIA", line: "SOFT 3L", logo: logoHouse, bg: hex(0xf0ebfa)})
	hmv := &brand{ID: "homvia", Name: "Homvia Home", ZH: "禾美家", EN: "Homvia",
		Aliases: []string{"禾美家", "HOMVIA"}, DefTerms: []string{"有毒", "致癌", "甲醛超标"},
		Format: "json", lookZH: "禾美佳", lookEN: "HomeJia",
		Products: []*product{hLem, hTea, hLaun, hSurf, hPuri, hFilt, hSoft}}

	// ---- Verdanne: nutrition, SGD, CSV ----
	cGold := design{shape: shTub, body: hex(0xd4af37), cap: hex(0xfaf3dc), band: hex(0x3b2a14), ink: hex(0xf5d77a), brand: "VERDANNE", line: "GOLD", logo: logoMoon, bg: hex(0xf7f1e1)}
	cSilv := cGold
	cSilv.body, cSilv.ink, cSilv.line = hex(0xb8bcc2), hex(0xe9ecef), "SILVER"
	vSpir := p("VDN-SPIR-500", "薇丹妮螺旋藻片 500粒", "Verdanne Spirulina Tablets 500s",
		[]string{"薇丹妮螺旋藻", "Verdanne Spirulina", "螺旋藻片 500粒"}, 89, 79,
		"螺旋藻片", "Spirulina Tablets", "500s",
		[]string{"螺旋藻", "天然", "营养补充"},
		[]string{"spirulina", "superfood", "tablets"},
		design{shape: shBottle, body: hex(0x157a6e), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x157a6e), brand: "VERDANNE", line: "SPIRULINA", logo: logoMoon, bg: hex(0xdff2ee)})
	vMang := p("VDN-MANG-750", "薇丹妮山竹精华饮 750ml", "Verdanne Mangosteen Essence 750ml",
		[]string{"山竹精华饮", "Verdanne Mangosteen", "Mangosteen Essence"}, 72, 64,
		"山竹精华饮", "Mangosteen Essence", "750ml",
		[]string{"山竹", "果汁", "抗氧化"},
		[]string{"mangosteen", "juice", "xanthone", "manggis"},
		design{shape: shTall, body: hex(0x5b1f4f), cap: hex(0xd4af37), band: hex(0xd4af37), ink: hex(0x5b1f4f), brand: "VERDANNE", line: "MANGOSTEEN", logo: logoMoon, bg: hex(0xf1e4ee)})
	vGarl := p("VDN-GARL-60", "薇丹妮黑蒜胶囊 60粒", "Verdanne Black Garlic Capsules 60s",
		[]string{"黑蒜胶囊", "Verdanne Black Garlic"}, 58, 52,
		"黑蒜胶囊", "Black Garlic Capsules", "60s",
		[]string{"黑蒜", "胶囊", "养生"},
		[]string{"black garlic", "bawang hitam", "capsule"},
		design{shape: shBottle, body: hex(0x222222), cap: hex(0xd4af37), band: hex(0xd4af37), ink: hex(0x222222), brand: "VERDANNE", line: "BLACK GARLIC", logo: logoMoon, bg: hex(0xe9e6df)})
	vNest := p("VDN-NEST-6", "薇丹妮即食燕窝饮 6瓶", "Verdanne Bird's Nest Drink 6 x 75ml",
		[]string{"即食燕窝饮", "Verdanne Bird Nest", "Sarang Burung Verdanne"}, 96, 86,
		"即食燕窝饮", "Bird's Nest Drink", "6 x 75ml",
		[]string{"燕窝", "即食", "滋补"},
		[]string{"bird nest", "sarang burung", "ready to drink"},
		design{shape: shBox, body: hex(0xa4161a), cap: hex(0xffffff), band: hex(0xd4af37), ink: hex(0x660708), brand: "VERDANNE", line: "BIRD NEST", logo: logoMoon, bg: hex(0xf7e1e1)})
	vCG := p("VDN-COLL-GOLD", "薇丹妮金装胶原蛋白粉 300g", "Verdanne Gold Collagen Powder 300g",
		[]string{"金装胶原蛋白粉", "Verdanne Gold Collagen"}, 78, 70,
		"金装胶原蛋白粉", "Gold Collagen Powder", "300g",
		[]string{"胶原蛋白", "美容"},
		[]string{"collagen", "kolagen", "beauty"}, cGold)
	vCS := p("VDN-COLL-SILV", "薇丹妮银装胶原蛋白粉 300g", "Verdanne Silver Collagen Powder 300g",
		[]string{"银装胶原蛋白粉", "Verdanne Silver Collagen"}, 68, 60,
		"银装胶原蛋白粉", "Silver Collagen Powder", "300g",
		[]string{"胶原蛋白", "美容"},
		[]string{"collagen", "kolagen", "beauty"}, cSilv)
	twin(vCG, vCS, "薇丹妮胶原蛋白粉 300g", "Verdanne Collagen Powder 300g",
		"金色罐 金装", "gold tub", "银色罐 银装", "silver tub")
	vdn := &brand{ID: "verdanne", Name: "Verdanne Wellness", ZH: "薇丹妮", EN: "Verdanne",
		Aliases: []string{"薇丹妮", "VERDANNE"}, DefTerms: []string{"MLM scam", "penipuan", "骗局公司"},
		Format: "csv", lookZH: "维丹娜", lookEN: "Verdana Herbs",
		Products: []*product{vSpir, vMang, vGarl, vNest, vCG, vCS}}

	brands = []*brand{cal, lrs, hmv, vdn}
	for _, b := range brands {
		brandByID[b.ID] = b
		for _, pr := range b.Products {
			pr.brand = b
			pr.Name = pr.ZH
			pr.Cur = "CNY"
			if b.ID == "verdanne" {
				pr.Name = pr.EN
				pr.Cur = "SGD"
			}
			ext := "jpg"
			if b.Format == "json" {
				ext = "png"
			}
			low := strings.ToLower(pr.SKU)
			pr.Images = []string{"images/" + low + "-front." + ext, "images/" + low + "-box." + ext}
			productBySKU[pr.SKU] = pr
		}
	}
	for _, s := range sellers {
		for _, bid := range s.brands {
			b := brandByID[bid]
			ref := sellerRef{s.site, s.id}
			if s.kind == skOfficial {
				b.official = append(b.official, ref)
			} else if s.kind == skAuth {
				b.auth = append(b.auth, ref)
			}
		}
	}
}

// ---- catalogue files ----

func yq(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func yamlList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = yq(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (b *brand) yaml() []byte {
	var w bytes.Buffer
	fmt.Fprintf(&w, "# %s catalogue, maintained by the brand protection team\n", b.Name)
	fmt.Fprintf(&w, "brand:\n  id: %s\n  name: %s\n  aliases: %s\n", b.ID, yq(b.Name), yamlList(b.Aliases))
	w.WriteString("  official_sellers:\n")
	for _, s := range b.official {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %q}\n", s.Site, s.ID)
	}
	w.WriteString("  authorized_sellers:\n")
	for _, s := range b.auth {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %q}\n", s.Site, s.ID)
	}
	fmt.Fprintf(&w, "  defamation_terms: %s\n", yamlList(b.DefTerms))
	w.WriteString("products:\n")
	for _, pr := range b.Products {
		fmt.Fprintf(&w, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %.2f\n    min_price: %.2f\n    currency: %s\n    images: %s\n",
			pr.SKU, yq(pr.Name), yamlList(pr.allAliases()), pr.Price, pr.Min, pr.Cur, yamlList(pr.Images))
	}
	return w.Bytes()
}

func (pr *product) allAliases() []string {
	if pr.brand.ID == "verdanne" {
		return append([]string{pr.ZH}, pr.Aliases...)
	}
	return append([]string{pr.EN}, pr.Aliases...)
}

func (b *brand) json() []byte {
	type sref struct {
		Site     string `json:"site"`
		SellerID string `json:"seller_id"`
	}
	type jprod struct {
		SKU      string   `json:"sku"`
		Name     string   `json:"name"`
		Aliases  []string `json:"aliases"`
		Price    float64  `json:"price"`
		MinPrice float64  `json:"min_price"`
		Currency string   `json:"currency"`
		Images   []string `json:"images"`
	}
	type jbrand struct {
		ID         string   `json:"id"`
		Name       string   `json:"name"`
		Aliases    []string `json:"aliases"`
		Official   []sref   `json:"official_sellers"`
		Authorized []sref   `json:"authorized_sellers"`
		DefTerms   []string `json:"defamation_terms"`
	}
	var doc struct {
		Brand    jbrand  `json:"brand"`
		Products []jprod `json:"products"`
	}
	doc.Brand = jbrand{ID: b.ID, Name: b.Name, Aliases: b.Aliases, DefTerms: b.DefTerms}
	for _, s := range b.official {
		doc.Brand.Official = append(doc.Brand.Official, sref{s.Site, s.ID})
	}
	for _, s := range b.auth {
		doc.Brand.Authorized = append(doc.Brand.Authorized, sref{s.Site, s.ID})
	}
	for _, pr := range b.Products {
		doc.Products = append(doc.Products, jprod{pr.SKU, pr.Name, pr.allAliases(), pr.Price, pr.Min, pr.Cur, pr.Images})
	}
	out, _ := json.MarshalIndent(doc, "", "  ")
	return append(out, '\n')
}

func (b *brand) csv() []byte {
	var w bytes.Buffer
	cw := csv.NewWriter(&w)
	refs := func(rs []sellerRef) string {
		var ss []string
		for _, r := range rs {
			ss = append(ss, r.Site+":"+r.ID)
		}
		return strings.Join(ss, "|")
	}
	cw.Write([]string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
		"sku", "name", "aliases", "price", "min_price", "currency", "images"})
	for _, pr := range b.Products {
		cw.Write([]string{b.ID, b.Name, strings.Join(b.Aliases, "|"), refs(b.official), refs(b.auth), strings.Join(b.DefTerms, "|"),
			pr.SKU, pr.Name, strings.Join(pr.allAliases(), "|"), fmt.Sprintf("%.2f", pr.Price), fmt.Sprintf("%.2f", pr.Min), pr.Cur,
			strings.Join(pr.Images, "|")})
	}
	cw.Flush()
	return w.Bytes()
}
