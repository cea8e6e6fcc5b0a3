package world4

import "image/color"

// Site names.
const (
	siteA = "pinjia-mall"
	siteB = "glowhub-global"
)

// Fixed exchange rates used by the label policy to compare prices quoted in
// USD or HKD with the catalogue's CNY list prices and floors.
var cnyPer = map[string]float64{"CNY": 1, "USD": 7.20, "HKD": 0.92}

type sellerRef struct{ Site, ID string }

type brand struct {
	ID, Name   string
	CN, TW     string // simplified and traditional Chinese names
	EN         string // English name as written on packs
	Aliases    []string
	Official   []sellerRef
	Authorized []sellerRef
	Defamation []string
	Products   []*product
	logo       string // text printed on the official pack
	format     string // catalogue file format: yaml, json or csv
}

type product struct {
	SKU     string
	Name    string // English catalogue name
	Aliases []string
	Price   float64
	Min     float64
	b       *brand

	core   string // Chinese product noun, without brand
	line   string // Chinese line name ("" when none)
	spec   string // Chinese pack size
	twCore string // traditional Chinese core (+line)
	enCore string // English product noun without brand and size
	enLine string // English line name
	enSpec string
	stuff  []string // keyword stuffing for Taobao-style titles
	twin   string   // the near-identical product
	look   look
}

// look is how a product is drawn.
type look struct {
	shape   int
	body    color.RGBA
	cap     color.RGBA
	band    color.RGBA
	ink     color.RGBA
	mark    int
	lineTxt string // line name printed on the pack
	sizeTxt string
}

const (
	shapeTub = iota
	shapeBottle
	shapeDropper
	shapeJar
	shapeBox
	shapeTube
	shapeJug
	shapeSpray
	shapePouch
	shapeCup // accessory: shaker cup
	shapeDoc // guide / ebook
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

var brands = buildBrands()

func buildBrands() []*brand {
	vq := &brand{
		ID: "vitaquan", Name: "VitaQuan", CN: "维泉", TW: "維泉", EN: "VitaQuan", logo: "VITAQUAN", format: "yaml",
		Aliases:  []string{"维泉", "維泉", "VITAQUAN", "维泉营养", "Vita Quan"},
		Official: []sellerRef{{siteA, "1000101"}, {siteA, "1000102"}, {siteB, "vitaquan-official-store"}},
		Authorized: []sellerRef{{siteA, "1012087"}, {siteA, "1013342"}, {siteA, "1015520"},
			{siteB, "hk-health-mart"}, {siteB, "wellness-bay"}},
		Defamation: []string{"传销骗局", "维泉骗局", "智商税", "pyramid scheme"},
	}
	vqBody, vqCap := rgb(246, 244, 236), rgb(34, 120, 74)
	vq.Products = []*product{
		{SKU: "VQ-PROT-VAN", Name: "VitaQuan Plant Protein Powder Vanilla 500g", Price: 298, Min: 268,
			Aliases: []string{"维泉植物蛋白粉 香草味", "维泉香草蛋白粉", "植物蛋白粉 香草味 500克"},
			core:    "植物蛋白粉", line: "香草味", spec: "500g", twCore: "植物蛋白粉 香草味", enCore: "Plant Protein Powder", enLine: "Vanilla", enSpec: "500g",
			stuff: []string{"蛋白质粉", "营养粉", "中老年", "增强免疫力", "成人", "健身"}, twin: "VQ-PROT-CHO",
			look: look{shape: shapeTub, body: vqBody, cap: vqCap, band: rgb(60, 150, 90), ink: rgb(20, 70, 40), mark: 1, lineTxt: "VANILLA", sizeTxt: "500G"}},
		{SKU: "VQ-PROT-CHO", Name: "VitaQuan Plant Protein Powder Chocolate 500g", Price: 298, Min: 268,
			Aliases: []string{"维泉植物蛋白粉 巧克力味", "维泉巧克力蛋白粉", "植物蛋白粉 巧克力味 500克"},
			core:    "植物蛋白粉", line: "巧克力味", spec: "500g", twCore: "植物蛋白粉 巧克力味", enCore: "Plant Protein Powder", enLine: "Chocolate", enSpec: "500g",
			stuff: []string{"蛋白质粉", "营养粉", "中老年", "增强免疫力", "成人", "健身"}, twin: "VQ-PROT-VAN",
			look: look{shape: shapeTub, body: vqBody, cap: vqCap, band: rgb(60, 150, 90), ink: rgb(20, 70, 40), mark: 1, lineTxt: "CHOCOLATE", sizeTxt: "500G"}},
		{SKU: "VQ-FISH-90", Name: "VitaQuan Deep Sea Fish Oil Softgels 90", Price: 238, Min: 215,
			Aliases: []string{"维泉深海鱼油软胶囊", "维泉鱼油 90粒", "深海鱼油软胶囊 90粒"},
			core:    "深海鱼油软胶囊", spec: "90粒", twCore: "深海魚油軟膠囊", enCore: "Deep Sea Fish Oil Softgels", enSpec: "90 softgels",
			stuff: []string{"欧米伽3", "DHA", "EPA", "中老年", "成人", "鱼油"},
			look:  look{shape: shapeBottle, body: rgb(232, 196, 60), cap: rgb(30, 60, 130), band: rgb(40, 90, 170), ink: rgb(255, 255, 255), mark: 2, lineTxt: "FISH OIL", sizeTxt: "90"}},
		{SKU: "VQ-CALC-120", Name: "VitaQuan Calcium + Vitamin D3 Tablets 120", Price: 168, Min: 150,
			Aliases: []string{"维泉钙维D片", "维泉钙片 120片", "钙维生素D片"},
			core:    "钙维D片", spec: "120片", twCore: "鈣維D片", enCore: "Calcium + Vitamin D3 Tablets", enSpec: "120 tablets",
			stuff: []string{"补钙", "钙片", "中老年", "孕妇", "青少年", "维生素D"},
			look:  look{shape: shapeBottle, body: rgb(250, 250, 250), cap: rgb(0, 110, 190), band: rgb(120, 190, 235), ink: rgb(0, 60, 120), mark: 3, lineTxt: "CALCIUM D3", sizeTxt: "120"}},
		{SKU: "VQ-MULTI-60", Name: "VitaQuan Multivitamin & Mineral Tablets 60", Price: 198, Min: 178,
			Aliases: []string{"维泉多种维生素矿物质片", "维泉复合维生素", "多维片 60片"},
			core:    "多种维生素矿物质片", spec: "60片", twCore: "多種維生素礦物質片", enCore: "Multivitamin & Mineral Tablets", enSpec: "60 tablets",
			stuff: []string{"复合维生素", "多维", "男士", "女士", "成人", "VC"},
			look:  look{shape: shapeBottle, body: rgb(255, 140, 40), cap: rgb(250, 250, 250), band: rgb(255, 220, 90), ink: rgb(120, 40, 0), mark: 4, lineTxt: "MULTI", sizeTxt: "60"}},
		{SKU: "VQ-PROB-30", Name: "VitaQuan Probiotic Sachets 30", Price: 258, Min: 232,
			Aliases: []string{"维泉益生菌固体饮料", "维泉益生菌 30袋", "益生菌粉 30袋"},
			core:    "益生菌固体饮料", spec: "30袋", twCore: "益生菌固體飲料", enCore: "Probiotic Sachets", enSpec: "30 sachets",
			stuff: []string{"益生菌", "肠胃", "成人", "儿童", "冻干粉", "调理"},
			look:  look{shape: shapeBox, body: rgb(170, 215, 240), cap: rgb(255, 255, 255), band: rgb(30, 140, 200), ink: rgb(255, 255, 255), mark: 5, lineTxt: "PROBIOTIC", sizeTxt: "30"}},
		{SKU: "VQ-FIBER-20", Name: "VitaQuan Dietary Fiber Drink 20 sachets", Price: 128, Min: 115,
			Aliases: []string{"维泉膳食纤维粉", "维泉膳食纤维 20袋", "膳食纤维固体饮料"},
			core:    "膳食纤维粉", spec: "20袋", twCore: "膳食纖維粉", enCore: "Dietary Fiber Drink", enSpec: "20 sachets",
			stuff: []string{"膳食纤维", "代餐", "饱腹", "成人", "菊粉", "果蔬"},
			look:  look{shape: shapeBox, body: rgb(200, 230, 150), cap: rgb(255, 255, 255), band: rgb(100, 160, 40), ink: rgb(40, 70, 10), mark: 6, lineTxt: "FIBER", sizeTxt: "20"}},
		{SKU: "VQ-LUTEIN-60", Name: "VitaQuan Lutein Ester Softgels 60", Price: 218, Min: 196,
			Aliases: []string{"维泉叶黄素酯软胶囊", "维泉叶黄素 60粒", "叶黄素酯软胶囊"},
			core:    "叶黄素酯软胶囊", spec: "60粒", twCore: "葉黃素酯軟膠囊", enCore: "Lutein Ester Softgels", enSpec: "60 softgels",
			stuff: []string{"叶黄素", "护眼", "成人", "中老年", "学生", "蓝光"},
			look:  look{shape: shapeBottle, body: rgb(150, 60, 140), cap: rgb(250, 200, 40), band: rgb(250, 200, 40), ink: rgb(90, 20, 80), mark: 7, lineTxt: "LUTEIN", sizeTxt: "60"}},
	}

	sd := &brand{
		ID: "silkdew", Name: "Silkdew", CN: "丝露", TW: "絲露", EN: "Silkdew", logo: "SILKDEW", format: "json",
		Aliases:  []string{"丝露", "絲露", "SILKDEW", "丝露美肌", "Silk Dew"},
		Official: []sellerRef{{siteA, "1000201"}, {siteB, "silkdew-hk"}},
		Authorized: []sellerRef{{siteA, "1021176"}, {siteA, "1022408"}, {siteA, "1023914"},
			{siteB, "beauty-harbour-hk"}, {siteB, "glow-lab-sg"}},
		Defamation: []string{"含激素", "激素脸", "烂脸", "丝露骗局", "steroid cream"},
	}
	sdBand := rgb(214, 170, 120)
	sd.Products = []*product{
		{SKU: "SD-ESS-ROSE", Name: "Silkdew Rose Hydra Essence 50ml", Price: 398, Min: 358,
			Aliases: []string{"丝露玫瑰水润精华液", "丝露玫瑰精华 50ml", "絲露玫瑰水潤精華液"},
			core:    "水润精华液", line: "玫瑰", spec: "50ml", twCore: "玫瑰水潤精華液", enCore: "Hydra Essence", enLine: "Rose", enSpec: "50ml",
			stuff: []string{"补水保湿", "精华液", "提亮", "修护", "女", "面部精华"}, twin: "SD-ESS-JAS",
			look: look{shape: shapeDropper, body: rgb(236, 150, 170), cap: rgb(200, 170, 110), band: rgb(255, 240, 240), ink: rgb(150, 40, 70), mark: 8, lineTxt: "HYDRA", sizeTxt: "50ML"}},
		{SKU: "SD-ESS-JAS", Name: "Silkdew Jasmine Hydra Essence 50ml", Price: 398, Min: 358,
			Aliases: []string{"丝露茉莉水润精华液", "丝露茉莉精华 50ml", "絲露茉莉水潤精華液"},
			core:    "水润精华液", line: "茉莉", spec: "50ml", twCore: "茉莉水潤精華液", enCore: "Hydra Essence", enLine: "Jasmine", enSpec: "50ml",
			stuff: []string{"补水保湿", "精华液", "提亮", "修护", "女", "面部精华"}, twin: "SD-ESS-ROSE",
			look: look{shape: shapeDropper, body: rgb(238, 226, 150), cap: rgb(200, 170, 110), band: rgb(255, 240, 240), ink: rgb(150, 40, 70), mark: 8, lineTxt: "HYDRA", sizeTxt: "50ML"}},
		{SKU: "SD-CRM-NIGHT", Name: "Silkdew Repair Night Cream 50g", Price: 458, Min: 412,
			Aliases: []string{"丝露修护晚霜", "丝露晚霜 50g", "絲露修護晚霜"},
			core:    "修护晚霜", spec: "50g", twCore: "修護晚霜", enCore: "Repair Night Cream", enLine: "Night", enSpec: "50g",
			stuff: []string{"面霜", "保湿", "抗皱", "紧致", "修护", "女士"}, twin: "SD-CRM-DAY",
			look: look{shape: shapeJar, body: rgb(40, 40, 70), cap: sdBand, band: rgb(60, 60, 100), ink: rgb(230, 200, 150), mark: 9, lineTxt: "NIGHT", sizeTxt: "50G"}},
		{SKU: "SD-CRM-DAY", Name: "Silkdew Repair Day Cream 50g", Price: 428, Min: 385,
			Aliases: []string{"丝露修护日霜", "丝露日霜 50g", "絲露修護日霜"},
			core:    "修护日霜", spec: "50g", twCore: "修護日霜", enCore: "Repair Day Cream", enLine: "Day", enSpec: "50g",
			stuff: []string{"面霜", "保湿", "抗皱", "紧致", "修护", "女士"}, twin: "SD-CRM-NIGHT",
			look: look{shape: shapeJar, body: rgb(40, 40, 70), cap: sdBand, band: rgb(60, 60, 100), ink: rgb(230, 200, 150), mark: 9, lineTxt: "DAY", sizeTxt: "50G"}},
		{SKU: "SD-TONER-150", Name: "Silkdew Balancing Toner 150ml", Price: 218, Min: 196,
			Aliases: []string{"丝露平衡爽肤水", "丝露爽肤水 150ml", "絲露平衡爽膚水"},
			core:    "平衡爽肤水", spec: "150ml", twCore: "平衡爽膚水", enCore: "Balancing Toner", enSpec: "150ml",
			stuff: []string{"化妆水", "补水", "保湿", "控油", "收缩毛孔", "女"},
			look:  look{shape: shapeBottle, body: rgb(200, 225, 235), cap: sdBand, band: rgb(255, 255, 255), ink: rgb(60, 90, 120), mark: 10, lineTxt: "TONER", sizeTxt: "150ML"}},
		{SKU: "SD-CLNS-120", Name: "Silkdew Amino Acid Cleanser 120g", Price: 148, Min: 133,
			Aliases: []string{"丝露氨基酸洁面乳", "丝露洗面奶 120g", "絲露氨基酸潔面乳"},
			core:    "氨基酸洁面乳", spec: "120g", twCore: "氨基酸潔面乳", enCore: "Amino Acid Cleanser", enSpec: "120g",
			stuff: []string{"洗面奶", "洁面", "温和", "深层清洁", "男女", "控油"},
			look:  look{shape: shapeTube, body: rgb(250, 250, 250), cap: sdBand, band: rgb(240, 200, 210), ink: rgb(140, 60, 80), mark: 11, lineTxt: "AMINO", sizeTxt: "120G"}},
		{SKU: "SD-MASK-5", Name: "Silkdew Silk Protein Sheet Mask 5 pcs", Price: 168, Min: 150,
			Aliases: []string{"丝露蚕丝蛋白面膜", "丝露面膜 5片", "絲露蠶絲蛋白面膜"},
			core:    "蚕丝蛋白面膜", spec: "5片", twCore: "蠶絲蛋白面膜", enCore: "Silk Protein Sheet Mask", enSpec: "5 pcs",
			stuff: []string{"面膜", "补水", "保湿", "提亮", "急救", "女"},
			look:  look{shape: shapeBox, body: rgb(245, 235, 215), cap: rgb(255, 255, 255), band: sdBand, ink: rgb(110, 80, 40), mark: 12, lineTxt: "SILK MASK", sizeTxt: "5"}},
		{SKU: "SD-SUN-40", Name: "Silkdew UV Shield Sunscreen SPF50 40ml", Price: 198, Min: 178,
			Aliases: []string{"丝露清透防晒乳", "丝露防晒霜 SPF50", "絲露清透防曬乳"},
			core:    "清透防晒乳", spec: "40ml", twCore: "清透防曬乳", enCore: "UV Shield Sunscreen SPF50", enSpec: "40ml",
			stuff: []string{"防晒霜", "隔离", "防紫外线", "户外", "学生", "清爽"},
			look:  look{shape: shapeTube, body: rgb(120, 200, 230), cap: rgb(250, 250, 250), band: rgb(255, 230, 80), ink: rgb(20, 60, 100), mark: 13, lineTxt: "SPF50", sizeTxt: "40ML"}},
	}

	pn := &brand{
		ID: "purenest", Name: "PureNest", CN: "净巢", TW: "淨巢", EN: "PureNest", logo: "PURENEST", format: "yaml",
		Aliases:  []string{"净巢", "淨巢", "PURENEST", "净巢家居", "Pure Nest"},
		Official: []sellerRef{{siteA, "1000301"}, {siteA, "1000302"}, {siteB, "purenest-global"}},
		Authorized: []sellerRef{{siteA, "1031005"}, {siteA, "1032277"},
			{siteB, "homecare-direct"}},
		Defamation: []string{"致癌", "有毒", "净巢骗局", "toxic"},
	}
	pn.Products = []*product{
		{SKU: "PN-LAUN-2L", Name: "PureNest Concentrated Laundry Liquid 2L", Price: 89, Min: 79,
			Aliases: []string{"净巢浓缩洗衣液 2L", "净巢洗衣液", "淨巢濃縮洗衣液"},
			core:    "浓缩洗衣液", spec: "2L", twCore: "濃縮洗衣液", enCore: "Concentrated Laundry Liquid", enSpec: "2L",
			stuff: []string{"洗衣液", "家庭装", "持久留香", "除菌", "低泡", "机洗"}, twin: "PN-LAUN-2L-LAV",
			look: look{shape: shapeJug, body: rgb(60, 140, 220), cap: rgb(250, 250, 250), band: rgb(255, 255, 255), ink: rgb(20, 60, 130), mark: 14, lineTxt: "LAUNDRY", sizeTxt: "2L"}},
		{SKU: "PN-LAUN-2L-LAV", Name: "PureNest Lavender Concentrated Laundry Liquid 2L", Price: 89, Min: 79,
			Aliases: []string{"净巢薰衣草浓缩洗衣液", "净巢薰衣草洗衣液 2L", "淨巢薰衣草濃縮洗衣液"},
			core:    "浓缩洗衣液", line: "薰衣草", spec: "2L", twCore: "薰衣草濃縮洗衣液", enCore: "Concentrated Laundry Liquid", enLine: "Lavender", enSpec: "2L",
			stuff: []string{"洗衣液", "家庭装", "持久留香", "除菌", "低泡", "机洗"}, twin: "PN-LAUN-2L",
			look: look{shape: shapeJug, body: rgb(150, 110, 200), cap: rgb(250, 250, 250), band: rgb(255, 255, 255), ink: rgb(20, 60, 130), mark: 14, lineTxt: "LAUNDRY", sizeTxt: "2L"}},
		{SKU: "PN-DISH-1L", Name: "PureNest Lemon Dishwashing Liquid 1L", Price: 45, Min: 39,
			Aliases: []string{"净巢柠檬洗洁精", "净巢洗洁精 1L", "淨巢檸檬洗潔精"},
			core:    "洗洁精", line: "柠檬", spec: "1L", twCore: "檸檬洗潔精", enCore: "Dishwashing Liquid", enLine: "Lemon", enSpec: "1L",
			stuff: []string{"洗碗液", "食品级", "去油", "家用", "果蔬", "不伤手"}, twin: "PN-DISH-1L-TEA",
			look: look{shape: shapeBottle, body: rgb(250, 220, 60), cap: rgb(30, 140, 80), band: rgb(255, 255, 255), ink: rgb(30, 100, 50), mark: 15, lineTxt: "DISH", sizeTxt: "1L"}},
		{SKU: "PN-DISH-1L-TEA", Name: "PureNest Green Tea Dishwashing Liquid 1L", Price: 45, Min: 39,
			Aliases: []string{"净巢绿茶洗洁精", "净巢绿茶洗洁精 1L", "淨巢綠茶洗潔精"},
			core:    "洗洁精", line: "绿茶", spec: "1L", twCore: "綠茶洗潔精", enCore: "Dishwashing Liquid", enLine: "Green Tea", enSpec: "1L",
			stuff: []string{"洗碗液", "食品级", "去油", "家用", "果蔬", "不伤手"}, twin: "PN-DISH-1L",
			look: look{shape: shapeBottle, body: rgb(120, 190, 90), cap: rgb(30, 140, 80), band: rgb(255, 255, 255), ink: rgb(30, 100, 50), mark: 15, lineTxt: "DISH", sizeTxt: "1L"}},
		{SKU: "PN-MULTI-500", Name: "PureNest Multi-Surface Cleaner Spray 500ml", Price: 59, Min: 52,
			Aliases: []string{"净巢多功能清洁喷雾", "净巢清洁剂 500ml", "淨巢多功能清潔噴霧"},
			core:    "多功能清洁喷雾", spec: "500ml", twCore: "多功能清潔噴霧", enCore: "Multi-Surface Cleaner Spray", enSpec: "500ml",
			stuff: []string{"厨房清洁剂", "去油污", "油烟机", "浴室", "除垢", "家用"},
			look:  look{shape: shapeSpray, body: rgb(240, 90, 70), cap: rgb(250, 250, 250), band: rgb(255, 255, 255), ink: rgb(150, 30, 20), mark: 16, lineTxt: "CLEAN", sizeTxt: "500ML"}},
		{SKU: "PN-FRUIT-300", Name: "PureNest Fruit & Vegetable Wash 300ml", Price: 69, Min: 62,
			Aliases: []string{"净巢果蔬清洗液", "净巢果蔬净 300ml", "淨巢果蔬清洗液"},
			core:    "果蔬清洗液", spec: "300ml", twCore: "果蔬清洗液", enCore: "Fruit & Vegetable Wash", enSpec: "300ml",
			stuff: []string{"果蔬净", "去农残", "食品级", "洗菜", "家用", "母婴"},
			look:  look{shape: shapeBottle, body: rgb(250, 250, 240), cap: rgb(230, 120, 40), band: rgb(140, 200, 80), ink: rgb(40, 90, 20), mark: 17, lineTxt: "FRUIT VEG", sizeTxt: "300ML"}},
		{SKU: "PN-TOOTH-120", Name: "PureNest Herbal Toothpaste 120g", Price: 39, Min: 35,
			Aliases: []string{"净巢草本牙膏", "净巢牙膏 120g", "淨巢草本牙膏"},
			core:    "草本牙膏", spec: "120g", twCore: "草本牙膏", enCore: "Herbal Toothpaste", enSpec: "120g",
			stuff: []string{"牙膏", "清新口气", "护龈", "美白", "家庭装", "成人"},
			look:  look{shape: shapeTube, body: rgb(90, 170, 110), cap: rgb(250, 250, 250), band: rgb(250, 250, 250), ink: rgb(20, 90, 40), mark: 18, lineTxt: "HERBAL", sizeTxt: "120G"}},
	}

	jl := &brand{
		ID: "jadeleaf", Name: "JadeLeaf", CN: "翠叶", TW: "翠葉", EN: "JadeLeaf", logo: "JADELEAF", format: "csv",
		Aliases:  []string{"翠叶", "翠葉", "JADELEAF", "翠叶健康", "Jade Leaf"},
		Official: []sellerRef{{siteA, "1000401"}, {siteB, "jadeleaf-flagship"}},
		Authorized: []sellerRef{{siteA, "1041650"}, {siteA, "1042093"}, {siteA, "1013342"},
			{siteB, "hk-health-mart"}, {siteB, "herbal-house-mo"}},
		Defamation: []string{"翠叶骗局", "重金属超标"},
	}
	jl.Products = []*product{
		{SKU: "JL-GINS-60", Name: "JadeLeaf American Ginseng Capsules 60", Price: 368, Min: 330,
			Aliases: []string{"翠叶西洋参胶囊", "翠叶西洋参 60粒", "翠葉西洋參膠囊"},
			core:    "西洋参胶囊", spec: "60粒", twCore: "西洋參膠囊", enCore: "American Ginseng Capsules", enSpec: "60 capsules",
			stuff: []string{"西洋参", "花旗参", "滋补", "中老年", "抗疲劳", "礼盒"},
			look:  look{shape: shapeBottle, body: rgb(120, 30, 30), cap: rgb(210, 170, 60), band: rgb(210, 170, 60), ink: rgb(90, 20, 20), mark: 19, lineTxt: "GINSENG", sizeTxt: "60"}},
		{SKU: "JL-GOJI-10", Name: "JadeLeaf Goji Berry Juice 10 x 30ml", Price: 298, Min: 268,
			Aliases: []string{"翠叶枸杞原浆", "翠叶枸杞原液 10瓶", "翠葉枸杞原漿"},
			core:    "枸杞原浆", spec: "10瓶", twCore: "枸杞原漿", enCore: "Goji Berry Juice", enSpec: "10 x 30ml",
			stuff: []string{"枸杞汁", "宁夏", "鲜果", "滋补", "女性", "养生"},
			look:  look{shape: shapeBox, body: rgb(200, 50, 40), cap: rgb(255, 255, 255), band: rgb(250, 220, 120), ink: rgb(120, 20, 10), mark: 20, lineTxt: "GOJI", sizeTxt: "10"}},
		{SKU: "JL-TEA-DATE", Name: "JadeLeaf Red Date Ginger Tea 20 bags", Price: 88, Min: 79,
			Aliases: []string{"翠叶红枣姜茶", "翠叶姜茶 20袋", "翠葉紅棗薑茶"},
			core:    "红枣姜茶", spec: "20袋", twCore: "紅棗薑茶", enCore: "Red Date Ginger Tea", enLine: "Red Date Ginger", enSpec: "20 bags",
			stuff: []string{"姜茶", "红糖", "暖宫", "养生茶", "女生", "冲饮"}, twin: "JL-TEA-CHRY",
			look: look{shape: shapePouch, body: rgb(180, 60, 50), cap: rgb(240, 230, 210), band: rgb(240, 230, 210), ink: rgb(110, 30, 20), mark: 21, lineTxt: "GINGER", sizeTxt: "20"}},
		{SKU: "JL-TEA-CHRY", Name: "JadeLeaf Chrysanthemum Goji Tea 20 bags", Price: 88, Min: 79,
			Aliases: []string{"翠叶菊花枸杞茶", "翠叶菊花茶 20袋", "翠葉菊花枸杞茶"},
			core:    "菊花枸杞茶", spec: "20袋", twCore: "菊花枸杞茶", enCore: "Chrysanthemum Goji Tea", enLine: "Chrysanthemum Goji", enSpec: "20 bags",
			stuff: []string{"菊花茶", "枸杞", "清火", "养生茶", "护眼", "冲饮"}, twin: "JL-TEA-DATE",
			look: look{shape: shapePouch, body: rgb(220, 180, 40), cap: rgb(240, 230, 210), band: rgb(240, 230, 210), ink: rgb(110, 30, 20), mark: 21, lineTxt: "CHRYSANTH", sizeTxt: "20"}},
		{SKU: "JL-COLL-30", Name: "JadeLeaf Collagen Peptide Drink 30 sachets", Price: 458, Min: 412,
			Aliases: []string{"翠叶胶原蛋白肽", "翠叶胶原蛋白 30袋", "翠葉膠原蛋白肽"},
			core:    "胶原蛋白肽", spec: "30袋", twCore: "膠原蛋白肽", enCore: "Collagen Peptide Drink", enSpec: "30 sachets",
			stuff: []string{"胶原蛋白", "小分子", "口服", "女性", "美容", "粉"},
			look:  look{shape: shapeBox, body: rgb(250, 210, 220), cap: rgb(255, 255, 255), band: rgb(190, 40, 90), ink: rgb(255, 255, 255), mark: 22, lineTxt: "COLLAGEN", sizeTxt: "30"}},
		{SKU: "JL-SPIR-300", Name: "JadeLeaf Spirulina Tablets 300", Price: 198, Min: 178,
			Aliases: []string{"翠叶螺旋藻片", "翠叶螺旋藻 300片", "翠葉螺旋藻片"},
			core:    "螺旋藻片", spec: "300片", twCore: "螺旋藻片", enCore: "Spirulina Tablets", enSpec: "300 tablets",
			stuff: []string{"螺旋藻", "蓝藻", "增强免疫", "中老年", "营养", "片剂"},
			look:  look{shape: shapeBottle, body: rgb(20, 100, 80), cap: rgb(250, 250, 250), band: rgb(160, 220, 190), ink: rgb(10, 60, 40), mark: 23, lineTxt: "SPIRULINA", sizeTxt: "300"}},
	}

	all := []*brand{vq, sd, pn, jl}
	for _, b := range all {
		for _, p := range b.Products {
			p.b = b
		}
	}
	return all
}

func productBySKU(sku string) *product {
	for _, b := range brands {
		for _, p := range b.Products {
			if p.SKU == sku {
				return p
			}
		}
	}
	return nil
}

func brandByID(id string) *brand {
	for _, b := range brands {
		if b.ID == id {
			return b
		}
	}
	return nil
}

func (b *brand) isOfficial(site, id string) bool {
	for _, s := range b.Official {
		if s.Site == site && s.ID == id {
			return true
		}
	}
	return false
}

func (b *brand) isAuthorized(site, id string) bool {
	for _, s := range b.Authorized {
		if s.Site == site && s.ID == id {
			return true
		}
	}
	return false
}
