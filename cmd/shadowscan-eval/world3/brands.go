package world3

import "image/color"

// Site indexes.
const (
	siteA = 0 // taoyuan-market
	siteB = 1 // wellmart-en
)

var siteNames = [2]string{"taoyuan-market", "wellmart-en"}

type brand struct {
	ID       string
	Name     string
	Aliases  []string
	DefTerms []string
	Format   string // catalogue file format: yaml, json, csv

	zhForms []string // how Chinese titles name the brand
	enForms []string // how English titles name the brand
	theme   int      // 0 nutrition, 1 skincare, 2 household
	bg      [2]color.RGBA
}

type product struct {
	SKU     string
	Brand   string
	Name    string
	Aliases []string
	Price   float64
	Floor   float64

	zhCore string   // product words without brand or line
	zhLine string   // line / size words that tell near-twins apart ("" when none)
	zhSpec []string // other spellings of the spec shown in titles
	zhKW   []string // keyword stuffing
	zhUnit string   // 罐, 瓶 ...
	zhNick string   // a nickname used instead of the name
	enCore string
	enLine string
	enKW   []string
	enUnit string
	twin   string // SKU of the near-identical product
	look   look
}

var brands = []*brand{
	{
		ID: "vitaleaf", Name: "Vitaleaf Nutrition",
		Aliases:  []string{"维叶", "维叶健康", "VITALEAF"},
		DefTerms: []string{"传销骗局", "维叶骗局", "智商税", "洗脑", "pyramid scheme"},
		Format:   "yaml",
		zhForms:  []string{"维叶", "维叶", "维叶健康", "VITALEAF维叶", "维叶Vitaleaf"},
		enForms:  []string{"Vitaleaf", "Vitaleaf", "VITALEAF", "Vitaleaf 维叶"},
		theme:    0,
		bg:       [2]color.RGBA{{236, 246, 236, 255}, {205, 230, 210, 255}},
	},
	{
		ID: "lumiya", Name: "Lumiya Skin",
		Aliases:  []string{"露米雅", "LUMIYA", "露米雅护肤"},
		DefTerms: []string{"传销骗局", "烂脸", "含激素", "重金属超标", "智商税", "scam"},
		Format:   "json",
		zhForms:  []string{"露米雅", "露米雅", "LUMIYA露米雅", "露米雅Lumiya"},
		enForms:  []string{"Lumiya", "Lumiya", "LUMIYA", "Lumiya 露米雅"},
		theme:    1,
		bg:       [2]color.RGBA{{250, 238, 240, 255}, {236, 212, 220, 255}},
	},
	{
		ID: "purehome", Name: "Purehome",
		Aliases:  []string{"净嘉", "PUREHOME", "净嘉家居"},
		DefTerms: []string{"致癌", "有毒", "荧光剂超标", "传销骗局", "toxic"},
		Format:   "csv",
		zhForms:  []string{"净嘉", "净嘉", "PUREHOME净嘉", "净嘉家居"},
		enForms:  []string{"Purehome", "Purehome", "PUREHOME", "Purehome 净嘉"},
		theme:    2,
		bg:       [2]color.RGBA{{234, 244, 252, 255}, {200, 222, 240, 255}},
	},
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

var products = []*product{
	// ---- Vitaleaf (nutrition)
	{SKU: "VL-SOY-900", Brand: "vitaleaf", Name: "Vitaleaf Soy Protein Powder 900g",
		Aliases: []string{"维叶大豆蛋白粉 900克", "维叶蛋白粉大罐"}, Price: 398, Floor: 358,
		zhCore: "大豆蛋白粉", zhLine: "900克", zhSpec: []string{"900g", "大罐"}, zhUnit: "罐", zhNick: "维叶蛋白粉大罐",
		zhKW:   []string{"蛋白质粉", "中老年营养品", "增强免疫力", "成人营养粉", "植物蛋白", "送礼"},
		enCore: "Soy Protein Powder", enLine: "900g", enKW: []string{"Plant Protein", "Meal Shake", "Family Size"}, enUnit: "tin",
		twin: "VL-SOY-450",
		look: look{shape: shTub, body: rgb(250, 250, 244), cap: rgb(46, 125, 50), label: rgb(76, 160, 80), accent: rgb(255, 214, 80), t1: "VITALEAF", t2: "SOY PROTEIN", t3: "900G", scale: 1}},
	{SKU: "VL-SOY-450", Brand: "vitaleaf", Name: "Vitaleaf Soy Protein Powder 450g",
		Aliases: []string{"维叶大豆蛋白粉 450克", "维叶蛋白粉小罐"}, Price: 228, Floor: 205,
		zhCore: "大豆蛋白粉", zhLine: "450克", zhSpec: []string{"450g", "小罐"}, zhUnit: "罐", zhNick: "维叶蛋白粉小罐",
		zhKW:   []string{"蛋白质粉", "中老年营养品", "增强免疫力", "成人营养粉", "植物蛋白", "便携"},
		enCore: "Soy Protein Powder", enLine: "450g", enKW: []string{"Plant Protein", "Meal Shake", "Travel Size"}, enUnit: "tin",
		twin: "VL-SOY-900",
		look: look{shape: shTub, body: rgb(250, 250, 244), cap: rgb(46, 125, 50), label: rgb(76, 160, 80), accent: rgb(255, 214, 80), t1: "VITALEAF", t2: "SOY PROTEIN", t3: "450G", scale: 0.82}},
	{SKU: "VL-FSH-120", Brand: "vitaleaf", Name: "Vitaleaf Deep Sea Fish Oil Softgels 120",
		Aliases: []string{"维叶深海鱼油软胶囊", "维叶鱼油"}, Price: 268, Floor: 240,
		zhCore: "深海鱼油软胶囊", zhLine: "120粒", zhSpec: []string{"120粒装"}, zhUnit: "瓶", zhNick: "维叶鱼油",
		zhKW:   []string{"欧米伽3", "中老年", "DHA EPA", "鱼油胶囊", "成人保健品"},
		enCore: "Deep Sea Fish Oil Softgels", enLine: "120 ct", enKW: []string{"Omega-3", "EPA DHA", "Heart Health"}, enUnit: "bottle",
		look: look{shape: shBottle, body: rgb(196, 120, 30), cap: rgb(250, 250, 250), label: rgb(255, 244, 220), accent: rgb(30, 90, 160), t1: "VITALEAF", t2: "FISH OIL", t3: "120", scale: 1}},
	{SKU: "VL-CAD-90", Brand: "vitaleaf", Name: "Vitaleaf Calcium & Vitamin D3 Chewable Tablets 90",
		Aliases: []string{"维叶钙维D咀嚼片", "维叶钙片"}, Price: 158, Floor: 142,
		zhCore: "钙维D咀嚼片", zhLine: "90片", zhSpec: []string{"90片装"}, zhUnit: "瓶", zhNick: "维叶钙片",
		zhKW:   []string{"补钙", "中老年钙片", "维生素D3", "儿童青少年", "骨骼健康"},
		enCore: "Calcium & Vitamin D3 Chewable Tablets", enLine: "90 ct", enKW: []string{"Bone Health", "Chewable", "Family"}, enUnit: "bottle",
		look: look{shape: shBottle, body: rgb(252, 252, 252), cap: rgb(245, 140, 30), label: rgb(255, 170, 60), accent: rgb(46, 125, 50), t1: "VITALEAF", t2: "CALCIUM D3", t3: "90", scale: 0.9}},
	{SKU: "VL-MVM-60", Brand: "vitaleaf", Name: "Vitaleaf Daily Multivitamin Men 60 Tablets",
		Aliases: []string{"维叶男士复合维生素", "维叶多维片男士"}, Price: 188, Floor: 168,
		zhCore: "复合维生素片", zhLine: "男士", zhSpec: []string{"男士款", "男性"}, zhUnit: "瓶", zhNick: "维叶多维片男士",
		zhKW:   []string{"多种维生素", "矿物质", "60片", "精力", "上班族"},
		enCore: "Daily Multivitamin", enLine: "Men", enKW: []string{"60 Tablets", "Vitamins & Minerals", "Energy"}, enUnit: "bottle",
		twin: "VL-MVW-60",
		look: look{shape: shBottle, body: rgb(252, 252, 252), cap: rgb(40, 60, 120), label: rgb(40, 70, 140), accent: rgb(120, 190, 90), t1: "VITALEAF", t2: "MULTI", t3: "MEN", scale: 0.95}},
	{SKU: "VL-MVW-60", Brand: "vitaleaf", Name: "Vitaleaf Daily Multivitamin Women 60 Tablets",
		Aliases: []string{"维叶女士复合维生素", "维叶多维片女士"}, Price: 188, Floor: 168,
		zhCore: "复合维生素片", zhLine: "女士", zhSpec: []string{"女士款", "女性"}, zhUnit: "瓶", zhNick: "维叶多维片女士",
		zhKW:   []string{"多种维生素", "矿物质", "60片", "气色", "上班族"},
		enCore: "Daily Multivitamin", enLine: "Women", enKW: []string{"60 Tablets", "Vitamins & Minerals", "Radiance"}, enUnit: "bottle",
		twin: "VL-MVM-60",
		look: look{shape: shBottle, body: rgb(252, 252, 252), cap: rgb(190, 60, 110), label: rgb(210, 90, 140), accent: rgb(120, 190, 90), t1: "VITALEAF", t2: "MULTI", t3: "WOMEN", scale: 0.95}},
	{SKU: "VL-PRB-30", Brand: "vitaleaf", Name: "Vitaleaf Probiotic Powder Sachets 30",
		Aliases: []string{"维叶益生菌粉 30袋", "维叶益生菌固体饮料"}, Price: 218, Floor: 196,
		zhCore: "益生菌粉", zhLine: "30袋", zhSpec: []string{"30条", "固体饮料"}, zhUnit: "盒", zhNick: "维叶益生菌固体饮料",
		zhKW:   []string{"肠胃", "成人儿童", "冻干粉", "调理肠道", "益生元"},
		enCore: "Probiotic Powder Sachets", enLine: "30 ct", enKW: []string{"Gut Health", "Freeze-dried", "Prebiotic"}, enUnit: "box",
		look: look{shape: shBox, body: rgb(40, 170, 170), cap: rgb(20, 120, 120), label: rgb(250, 250, 250), accent: rgb(46, 125, 50), t1: "VITALEAF", t2: "PROBIOTIC", t3: "30", scale: 1}},
	{SKU: "VL-GLU-60", Brand: "vitaleaf", Name: "Vitaleaf Glucosamine Chondroitin Tablets 60",
		Aliases: []string{"维叶氨糖软骨素钙片", "维叶氨糖"}, Price: 298, Floor: 268,
		zhCore: "氨糖软骨素钙片", zhLine: "60片", zhSpec: []string{"60片装"}, zhUnit: "瓶", zhNick: "维叶氨糖",
		zhKW:   []string{"中老年", "关节", "骨关节", "爬楼梯", "送父母"},
		enCore: "Glucosamine Chondroitin Tablets", enLine: "60 ct", enKW: []string{"Joint Support", "Seniors", "Mobility"}, enUnit: "bottle",
		look: look{shape: shBottle, body: rgb(110, 60, 150), cap: rgb(250, 250, 250), label: rgb(235, 225, 245), accent: rgb(46, 125, 50), t1: "VITALEAF", t2: "JOINT", t3: "60", scale: 1}},

	// ---- Lumiya (skincare)
	{SKU: "LM-ESS-30", Brand: "lumiya", Name: "Lumiya Radiance Essence 30ml",
		Aliases: []string{"露米雅焕亮精华液 30毫升", "露米雅小光瓶"}, Price: 580, Floor: 520,
		zhCore: "焕亮精华液", zhLine: "30ml", zhSpec: []string{"30毫升"}, zhUnit: "瓶", zhNick: "露米雅小光瓶",
		zhKW:   []string{"烟酰胺", "提亮肤色", "淡斑", "精华", "抗氧化", "护肤品"},
		enCore: "Radiance Essence", enLine: "30ml", enKW: []string{"Brightening Serum", "Niacinamide", "Glow"}, enUnit: "bottle",
		look: look{shape: shDropper, body: rgb(214, 160, 60), cap: rgb(60, 40, 30), label: rgb(255, 248, 230), accent: rgb(180, 120, 40), t1: "LUMIYA", t2: "RADIANCE", t3: "30ML", scale: 1}},
	{SKU: "LM-HYD-50", Brand: "lumiya", Name: "Lumiya Hydra Moisturising Cream 50g",
		Aliases: []string{"露米雅水润保湿面霜", "露米雅水润霜"}, Price: 420, Floor: 378,
		zhCore: "保湿面霜", zhLine: "水润", zhSpec: []string{"水润款", "补水款"}, zhUnit: "瓶", zhNick: "露米雅水润霜",
		zhKW:   []string{"50g", "补水", "滋润", "秋冬", "修护屏障", "面霜女"},
		enCore: "Moisturising Cream 50g", enLine: "Hydra", enKW: []string{"Face Cream", "Barrier Repair", "Dry Skin"}, enUnit: "jar",
		twin: "LM-FIR-50",
		look: look{shape: shJar, body: rgb(170, 210, 240), cap: rgb(240, 244, 250), label: rgb(120, 170, 220), accent: rgb(250, 250, 255), t1: "LUMIYA", t2: "HYDRA", t3: "50G", scale: 1}},
	{SKU: "LM-FIR-50", Brand: "lumiya", Name: "Lumiya Firming Moisturising Cream 50g",
		Aliases: []string{"露米雅紧致保湿面霜", "露米雅紧致霜"}, Price: 460, Floor: 414,
		zhCore: "保湿面霜", zhLine: "紧致", zhSpec: []string{"紧致款", "抗皱款"}, zhUnit: "瓶", zhNick: "露米雅紧致霜",
		zhKW:   []string{"50g", "抗皱", "淡化细纹", "秋冬", "修护屏障", "面霜女"},
		enCore: "Moisturising Cream 50g", enLine: "Firming", enKW: []string{"Face Cream", "Anti-wrinkle", "Mature Skin"}, enUnit: "jar",
		twin: "LM-HYD-50",
		look: look{shape: shJar, body: rgb(226, 200, 150), cap: rgb(240, 244, 250), label: rgb(200, 170, 110), accent: rgb(250, 250, 255), t1: "LUMIYA", t2: "FIRMING", t3: "50G", scale: 1}},
	{SKU: "LM-TON-150", Brand: "lumiya", Name: "Lumiya Balancing Toner 150ml",
		Aliases: []string{"露米雅平衡爽肤水", "露米雅化妆水"}, Price: 260, Floor: 234,
		zhCore: "平衡爽肤水", zhLine: "150ml", zhSpec: []string{"150毫升"}, zhUnit: "瓶", zhNick: "露米雅化妆水",
		zhKW:   []string{"补水保湿", "收缩毛孔", "湿敷", "水", "学生"},
		enCore: "Balancing Toner", enLine: "150ml", enKW: []string{"Hydrating", "Pore Care", "Alcohol-free"}, enUnit: "bottle",
		look: look{shape: shTall, body: rgb(246, 200, 210), cap: rgb(250, 250, 250), label: rgb(255, 240, 244), accent: rgb(200, 120, 140), t1: "LUMIYA", t2: "TONER", t3: "150ML", scale: 1}},
	{SKU: "LM-CLN-120", Brand: "lumiya", Name: "Lumiya Amino Acid Gentle Cleanser 120g",
		Aliases: []string{"露米雅氨基酸洁面乳", "露米雅洗面奶"}, Price: 168, Floor: 150,
		zhCore: "氨基酸洁面乳", zhLine: "120g", zhSpec: []string{"120克"}, zhUnit: "支", zhNick: "露米雅洗面奶",
		zhKW:   []string{"温和清洁", "敏感肌", "控油", "洗面奶", "男女"},
		enCore: "Amino Acid Gentle Cleanser", enLine: "120g", enKW: []string{"Face Wash", "Sensitive Skin", "Low pH"}, enUnit: "tube",
		look: look{shape: shTube, body: rgb(250, 250, 250), cap: rgb(90, 170, 120), label: rgb(120, 190, 150), accent: rgb(250, 250, 250), t1: "LUMIYA", t2: "CLEANSER", t3: "120G", scale: 1}},
	{SKU: "LM-EYE-15", Brand: "lumiya", Name: "Lumiya Eye Repair Cream 15g",
		Aliases: []string{"露米雅修护眼霜", "露米雅眼霜"}, Price: 380, Floor: 342,
		zhCore: "修护眼霜", zhLine: "15g", zhSpec: []string{"15克"}, zhUnit: "支", zhNick: "露米雅眼霜",
		zhKW:   []string{"淡化黑眼圈", "细纹", "眼袋", "紧致", "眼部护理"},
		enCore: "Eye Repair Cream", enLine: "15g", enKW: []string{"Dark Circles", "Fine Lines", "Peptide"}, enUnit: "tube",
		look: look{shape: shTube, body: rgb(200, 180, 230), cap: rgb(150, 120, 190), label: rgb(250, 246, 255), accent: rgb(150, 120, 190), t1: "LUMIYA", t2: "EYE", t3: "15G", scale: 0.75}},
	{SKU: "LM-MSK-5", Brand: "lumiya", Name: "Lumiya Silk Hydrating Mask 5 Sheets",
		Aliases: []string{"露米雅蚕丝补水面膜 5片", "露米雅面膜"}, Price: 198, Floor: 178,
		zhCore: "蚕丝补水面膜", zhLine: "5片", zhSpec: []string{"5片装", "一盒"}, zhUnit: "盒", zhNick: "露米雅面膜",
		zhKW:   []string{"补水保湿", "急救", "熬夜", "面膜贴", "女"},
		enCore: "Silk Hydrating Sheet Mask", enLine: "5 Sheets", enKW: []string{"Hydration", "Overnight Rescue", "Sheet Mask"}, enUnit: "box",
		look: look{shape: shBox, body: rgb(200, 225, 250), cap: rgb(150, 190, 230), label: rgb(255, 255, 255), accent: rgb(200, 120, 140), t1: "LUMIYA", t2: "SILK MASK", t3: "5", scale: 1}},
	{SKU: "LM-SUN-40", Brand: "lumiya", Name: "Lumiya Clear Sunscreen SPF50 40ml",
		Aliases: []string{"露米雅清透防晒乳", "露米雅防晒霜"}, Price: 228, Floor: 205,
		zhCore: "清透防晒乳", zhLine: "SPF50", zhSpec: []string{"40ml", "PA++++"}, zhUnit: "支", zhNick: "露米雅防晒霜",
		zhKW:   []string{"隔离", "户外", "军训", "防紫外线", "清爽不油腻"},
		enCore: "Clear Sunscreen", enLine: "SPF50 40ml", enKW: []string{"PA++++", "Lightweight", "UV Protection"}, enUnit: "tube",
		look: look{shape: shTube, body: rgb(255, 214, 90), cap: rgb(250, 250, 250), label: rgb(255, 250, 235), accent: rgb(230, 120, 40), t1: "LUMIYA", t2: "SUN", t3: "SPF50", scale: 0.9}},

	// ---- Purehome (household)
	{SKU: "PH-DSH-1L", Brand: "purehome", Name: "Purehome Concentrated Dish Liquid 1L",
		Aliases: []string{"净嘉浓缩洗洁精 1升", "净嘉洗洁精"}, Price: 68, Floor: 60,
		zhCore: "浓缩洗洁精", zhLine: "1升", zhSpec: []string{"1L", "1000ml"}, zhUnit: "瓶", zhNick: "净嘉洗洁精",
		zhKW:   []string{"果蔬清洗", "不伤手", "家用", "厨房", "去油"},
		enCore: "Concentrated Dish Liquid", enLine: "1L", enKW: []string{"Grease Cutting", "Gentle on Hands", "Kitchen"}, enUnit: "bottle",
		look: look{shape: shTall, body: rgb(250, 220, 60), cap: rgb(40, 110, 180), label: rgb(255, 255, 255), accent: rgb(40, 110, 180), t1: "PUREHOME", t2: "DISH", t3: "1L", scale: 1}},
	{SKU: "PH-LND-2L", Brand: "purehome", Name: "Purehome Enzyme Laundry Liquid 2L Fresh",
		Aliases: []string{"净嘉生物酶洗衣液 2升 清新", "净嘉洗衣液"}, Price: 128, Floor: 115,
		zhCore: "生物酶洗衣液", zhLine: "清新", zhSpec: []string{"清新款", "原味"}, zhUnit: "桶", zhNick: "净嘉洗衣液",
		zhKW:   []string{"2升", "家庭装", "去渍", "留香", "机洗手洗"},
		enCore: "Enzyme Laundry Liquid 2L", enLine: "Fresh", enKW: []string{"Stain Removal", "Family Size", "HE Compatible"}, enUnit: "jug",
		twin: "PH-LNL-2L",
		look: look{shape: shJug, body: rgb(90, 180, 110), cap: rgb(250, 250, 250), label: rgb(240, 250, 240), accent: rgb(40, 110, 180), t1: "PUREHOME", t2: "LAUNDRY", t3: "FRESH", scale: 1}},
	{SKU: "PH-LNL-2L", Brand: "purehome", Name: "Purehome Enzyme Laundry Liquid 2L Lavender",
		Aliases: []string{"净嘉生物酶洗衣液 2升 薰衣草", "净嘉薰衣草洗衣液"}, Price: 128, Floor: 115,
		zhCore: "生物酶洗衣液", zhLine: "薰衣草", zhSpec: []string{"薰衣草香", "紫瓶"}, zhUnit: "桶", zhNick: "净嘉薰衣草洗衣液",
		zhKW:   []string{"2升", "家庭装", "去渍", "留香", "机洗手洗"},
		enCore: "Enzyme Laundry Liquid 2L", enLine: "Lavender", enKW: []string{"Stain Removal", "Family Size", "HE Compatible"}, enUnit: "jug",
		twin: "PH-LND-2L",
		look: look{shape: shJug, body: rgb(150, 110, 190), cap: rgb(250, 250, 250), label: rgb(246, 240, 252), accent: rgb(40, 110, 180), t1: "PUREHOME", t2: "LAUNDRY", t3: "LAVENDER", scale: 1}},
	{SKU: "PH-SRF-500", Brand: "purehome", Name: "Purehome Multi-Surface Cleaner Spray 500ml",
		Aliases: []string{"净嘉多功能清洁喷雾", "净嘉万能清洁剂"}, Price: 58, Floor: 52,
		zhCore: "多功能清洁喷雾", zhLine: "500ml", zhSpec: []string{"500毫升"}, zhUnit: "瓶", zhNick: "净嘉万能清洁剂",
		zhKW:   []string{"厨房重油污", "浴室", "去污", "家用", "瓷砖"},
		enCore: "Multi-Surface Cleaner Spray", enLine: "500ml", enKW: []string{"Kitchen & Bath", "Degreaser", "Streak-free"}, enUnit: "bottle",
		look: look{shape: shSpray, body: rgb(80, 150, 220), cap: rgb(250, 250, 250), label: rgb(255, 255, 255), accent: rgb(250, 200, 40), t1: "PUREHOME", t2: "SURFACE", t3: "500ML", scale: 1}},
	{SKU: "PH-TTP-180", Brand: "purehome", Name: "Purehome Herbal Toothpaste 180g",
		Aliases: []string{"净嘉草本牙膏", "净嘉牙膏"}, Price: 48, Floor: 42,
		zhCore: "草本牙膏", zhLine: "180g", zhSpec: []string{"180克"}, zhUnit: "支", zhNick: "净嘉牙膏",
		zhKW:   []string{"清新口气", "护龈", "家庭装", "美白", "成人"},
		enCore: "Herbal Toothpaste", enLine: "180g", enKW: []string{"Fresh Breath", "Gum Care", "Fluoride"}, enUnit: "tube",
		look: look{shape: shTube, body: rgb(250, 250, 250), cap: rgb(30, 150, 140), label: rgb(40, 170, 150), accent: rgb(250, 250, 250), t1: "PUREHOME", t2: "HERBAL", t3: "180G", scale: 1}},
	{SKU: "PH-PIT-35", Brand: "purehome", Name: "Purehome Water Filter Pitcher 3.5L",
		Aliases: []string{"净嘉净水滤壶", "净嘉滤水壶"}, Price: 699, Floor: 630,
		zhCore: "净水滤壶", zhLine: "3.5升", zhSpec: []string{"3.5L"}, zhUnit: "个", zhNick: "净嘉滤水壶",
		zhKW:   []string{"家用", "厨房", "自来水过滤", "净水器", "直饮"},
		enCore: "Water Filter Pitcher", enLine: "3.5L", enKW: []string{"Tap Water Filter", "BPA-free", "Kitchen"}, enUnit: "pitcher",
		look: look{shape: shPitcher, body: rgb(200, 230, 245), cap: rgb(40, 110, 180), label: rgb(40, 110, 180), accent: rgb(250, 250, 250), t1: "PUREHOME", t2: "FILTER", t3: "3.5L", scale: 1}},
	{SKU: "PH-CRT-3", Brand: "purehome", Name: "Purehome Filter Cartridges 3-Pack",
		Aliases: []string{"净嘉滤芯 3支装", "净嘉净水滤芯"}, Price: 189, Floor: 170,
		zhCore: "滤芯", zhLine: "3支装", zhSpec: []string{"三支装"}, zhUnit: "盒", zhNick: "净嘉净水滤芯",
		zhKW:   []string{"滤水壶滤芯", "原装", "替换", "活性炭", "家用"},
		enCore: "Filter Cartridges", enLine: "3-Pack", enKW: []string{"Replacement", "Activated Carbon", "Pitcher Filter"}, enUnit: "pack",
		look: look{shape: shCartridges, body: rgb(250, 250, 250), cap: rgb(40, 110, 180), label: rgb(40, 110, 180), accent: rgb(250, 250, 250), t1: "PUREHOME", t2: "FILTER", t3: "3", scale: 1}},
}

var (
	brandByID  = map[string]*brand{}
	productBy  = map[string]*product{}
	brandProds = map[string][]*product{}
)

func init() {
	for _, b := range brands {
		brandByID[b.ID] = b
	}
	for _, p := range products {
		productBy[p.SKU] = p
		brandProds[p.Brand] = append(brandProds[p.Brand], p)
	}
}
