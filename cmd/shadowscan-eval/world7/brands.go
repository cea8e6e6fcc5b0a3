package world7

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"image/color"
	"strings"
)

const (
	sitePin   = "pinpin-m"
	siteNotes = "notes-mall"
)

type product struct {
	sku     string
	brand   string
	name    string   // catalogue name (Chinese, with the brand)
	aliases []string // catalogue aliases
	core    string   // Chinese product words without brand or size: 大豆分离蛋白粉
	short   string   // the everyday word: 蛋白粉
	spec    string   // 450g
	line    string   // line / flavour / colour word for near-twins ("" if none)
	en      string   // English product words without brand: Soy Protein Isolate 450g
	price   float64
	floor   float64
	look    look
	twin    string // the near-twin's sku
}

type brand struct {
	id       string
	name     string // catalogue name
	cn       string // Chinese name
	en       string // latin upper-case name
	aliases  []string
	kws      []string // keyword stuffing for titles
	tags     []string // hashtags on notes
	defTerms []string
	look     []string // look-alike brand names (cn)
	lookEn   []string
	file     string // catalogue file name
	products []*product
}

type seller struct {
	site  string
	id    string
	name  string
	role  string // official, authorised, other, personal, blogger
	brand string // for official and authorised
}

// hexID makes a stable 24-hex id (the shape of the notes site's object ids).
func hexID(s string) string {
	h1 := fnv.New64a()
	h1.Write([]byte("a:" + s))
	h2 := fnv.New64a()
	h2.Write([]byte("b:" + s))
	v1, v2 := h1.Sum64(), h2.Sum64()
	// a plausible timestamp prefix (2023-2024) then 16 hex digits
	ts := 0x64000000 + uint32(v1%0x3000000)
	return fmt.Sprintf("%08x%016x", ts, v2)
}

func c3(hex uint32) color.RGBA { return rgb(hex) }

var brands = []*brand{
	{
		id: "verdanta", name: "Verdanta Nutrition", cn: "维丹塔", en: "VERDANTA",
		aliases:  []string{"维丹塔", "VERDANTA", "维丹塔营养"},
		kws:      []string{"健身", "增肌", "代餐", "中老年", "营养品", "增强免疫力", "成人", "学生", "全家营养", "送礼"},
		tags:     []string{"营养补充", "健身餐", "打工人续命", "养生"},
		defTerms: []string{"传销骗局", "割韭菜", "维丹塔骗局"},
		look:     []string{"维丹泰", "唯丹塔", "维丹堡"},
		lookEn:   []string{"VERDANTO", "VERDANA"},
		file:     "verdanta.yaml",
	},
	{
		id: "lumessa", name: "Lumessa Skin", cn: "露美莎", en: "LUMESSA",
		aliases:  []string{"露美莎", "LUMESSA", "露美莎护肤"},
		kws:      []string{"抗皱", "紧致", "保湿", "补水", "提亮", "淡纹", "敏感肌", "学生党", "女", "护肤品"},
		tags:     []string{"护肤", "好物分享", "素颜霜", "敏感肌护肤"},
		defTerms: []string{"激素脸", "烂脸元凶", "添加荧光剂"},
		look:     []string{"露美纱", "璐美莎", "露美诗"},
		lookEn:   []string{"LUMESA", "LUMISSA"},
		file:     "lumessa.json",
	},
	{
		id: "casaprime", name: "Casaprime Home", cn: "家百适", en: "CASAPRIME",
		aliases:  []string{"家百适", "CASAPRIME", "Casa Prime"},
		kws:      []string{"家用", "去油", "不伤手", "持久留香", "母婴可用", "实惠装", "整箱", "清洁", "厨房"},
		tags:     []string{"居家好物", "家务", "厨房清洁", "收纳"},
		defTerms: []string{"致癌物", "甲醛超标"},
		look:     []string{"佳百适", "家佰适", "家百事"},
		lookEn:   []string{"CASAPRIMA", "CASA PRIMO"},
		file:     "casaprime.csv",
	},
	{
		id: "qinghe", name: "Qinghe Origin", cn: "清禾源", en: "QINGHEYUAN",
		aliases:  []string{"清禾源", "QINGHEYUAN", "Qinghe"},
		kws:      []string{"送长辈", "滋补", "养生", "中老年", "礼盒", "送礼", "熬夜", "正品", "孝敬父母"},
		tags:     []string{"养生", "送长辈", "滋补", "中式养生"},
		defTerms: []string{"骗老人", "保健品骗局"},
		look:     []string{"青禾源", "清和源", "清禾园"},
		lookEn:   []string{"QINGHEYUN", "QINGHUA ORIGIN"},
		file:     "qinghe.yaml",
	},
}

func lk(shape string, body, capc, label, accent uint32, mark, l1, l2, l3 string, tall float64) look {
	return look{shape: shape, body: c3(body), cap: c3(capc), label: c3(label), accent: c3(accent),
		mark: mark, line1: l1, line2: l2, line3: l3, tall: tall}
}

func init() {
	add := func(b *brand, p *product) {
		p.brand = b.id
		b.products = append(b.products, p)
	}
	v, l, c, q := brands[0], brands[1], brands[2], brands[3]
	// Verdanta: nutrition
	add(v, &product{sku: "VDT-PROT-450", name: "维丹塔大豆分离蛋白粉 450g",
		aliases: []string{"Verdanta Soy Protein Isolate 450g", "维丹塔蛋白粉 450克", "维丹塔植物蛋白粉"},
		core:    "大豆分离蛋白粉", short: "蛋白粉", spec: "450g", en: "Soy Protein Isolate 450g", price: 368, floor: 330, twin: "VDT-PROT-900",
		look: lk("tub", 0x2e7d32, 0xf1f8e9, 0xffffff, 0x2e7d32, "leaf", "VERDANTA", "SOY PROTEIN", "450 G", 0.95)})
	add(v, &product{sku: "VDT-PROT-900", name: "维丹塔大豆分离蛋白粉 900g",
		aliases: []string{"Verdanta Soy Protein Isolate 900g", "维丹塔蛋白粉 900克"},
		core:    "大豆分离蛋白粉", short: "蛋白粉", spec: "900g", en: "Soy Protein Isolate 900g", price: 658, floor: 590, twin: "VDT-PROT-450",
		look: lk("tub", 0x2e7d32, 0xf1f8e9, 0xffffff, 0x2e7d32, "leaf", "VERDANTA", "SOY PROTEIN", "900 G", 1.0)})
	add(v, &product{sku: "VDT-FISH-120", name: "维丹塔深海鱼油软胶囊 120粒",
		aliases: []string{"Verdanta Deep Sea Fish Oil 120 Softgels", "维丹塔鱼油", "深海鱼油软胶囊 120粒"},
		core:    "深海鱼油软胶囊", short: "鱼油", spec: "120粒", en: "Deep Sea Fish Oil 120 Softgels", price: 288, floor: 258,
		look: lk("bottle", 0x0d47a1, 0xffffff, 0xe3f2fd, 0x0d47a1, "leaf", "VERDANTA", "OMEGA-3", "120 CAPS", 0.9)})
	add(v, &product{sku: "VDT-VITC-OR", name: "维丹塔维生素C咀嚼片 香橙味 60片",
		aliases: []string{"Verdanta Vitamin C Chewable Orange 60 Tablets", "维丹塔VC咀嚼片 香橙味"},
		core:    "维生素C咀嚼片", short: "VC咀嚼片", spec: "60片", line: "香橙味", en: "Vitamin C Chewable Orange 60 Tablets", price: 128, floor: 115, twin: "VDT-VITC-BR",
		look: lk("bottle", 0xffffff, 0x2e7d32, 0xfb8c00, 0xffffff, "leaf", "VERDANTA", "VITAMIN C", "ORANGE 60", 0.8)})
	add(v, &product{sku: "VDT-VITC-BR", name: "维丹塔维生素C咀嚼片 莓果味 60片",
		aliases: []string{"Verdanta Vitamin C Chewable Berry 60 Tablets", "维丹塔VC咀嚼片 莓果味"},
		core:    "维生素C咀嚼片", short: "VC咀嚼片", spec: "60片", line: "莓果味", en: "Vitamin C Chewable Berry 60 Tablets", price: 128, floor: 115, twin: "VDT-VITC-OR",
		look: lk("bottle", 0xffffff, 0x2e7d32, 0x8e24aa, 0xffffff, "leaf", "VERDANTA", "VITAMIN C", "BERRY 60", 0.8)})
	add(v, &product{sku: "VDT-CAMG-90", name: "维丹塔钙镁D片 90片",
		aliases: []string{"Verdanta Calcium Magnesium D3 90 Tablets", "维丹塔钙片", "维丹塔钙镁片"},
		core:    "钙镁D片", short: "钙片", spec: "90片", en: "Calcium Magnesium D3 90 Tablets", price: 198, floor: 178,
		look: lk("bottle", 0xeceff1, 0x546e7a, 0xffffff, 0x00897b, "leaf", "VERDANTA", "CAL-MAG D", "90 TABS", 0.85)})
	add(v, &product{sku: "VDT-PROB-30", name: "维丹塔益生菌固体饮料 30条",
		aliases: []string{"Verdanta Probiotic Powder 30 Sachets", "维丹塔益生菌"},
		core:    "益生菌固体饮料", short: "益生菌", spec: "30条", en: "Probiotic Powder 30 Sachets", price: 258, floor: 232,
		look: lk("box", 0xfff8e1, 0, 0xffffff, 0xf9a825, "leaf", "VERDANTA", "PROBIOTIC", "30 STICKS", 0.8)})
	add(v, &product{sku: "VDT-FIBR-20", name: "维丹塔膳食纤维粉 20袋",
		aliases: []string{"Verdanta Dietary Fibre Powder 20 Sachets", "维丹塔膳食纤维", "维丹塔纤维粉"},
		core:    "膳食纤维粉", short: "膳食纤维", spec: "20袋", en: "Dietary Fibre Powder 20 Sachets", price: 168, floor: 150,
		look: lk("pouch", 0x9ccc65, 0, 0xffffff, 0x33691e, "leaf", "VERDANTA", "FIBRE", "20 X 10G", 0.9)})

	// Lumessa: skincare
	add(l, &product{sku: "LMS-SER-FIRM", name: "露美莎玻色因紧致精华液 30ml",
		aliases: []string{"LUMESSA Pro-Xylane Firming Serum 30ml", "露美莎紧致精华", "露美莎玻色因精华"},
		core:    "玻色因紧致精华液", short: "精华", spec: "30ml", line: "紧致", en: "Pro-Xylane Firming Serum 30ml", price: 498, floor: 448, twin: "LMS-SER-BRT",
		look: lk("dropper", 0xd4a373, 0x3a3a3a, 0xfefae0, 0x9c6644, "drop", "LUMESSA", "FIRMING", "30 ML", 0.95)})
	add(l, &product{sku: "LMS-SER-BRT", name: "露美莎烟酰胺亮白精华液 30ml",
		aliases: []string{"LUMESSA Niacinamide Brightening Serum 30ml", "露美莎亮白精华", "露美莎烟酰胺精华"},
		core:    "烟酰胺亮白精华液", short: "精华", spec: "30ml", line: "亮白", en: "Niacinamide Brightening Serum 30ml", price: 468, floor: 420, twin: "LMS-SER-FIRM",
		look: lk("dropper", 0xd4a373, 0x3a3a3a, 0xfefae0, 0x9c6644, "drop", "LUMESSA", "BRIGHTEN", "30 ML", 0.95)})
	add(l, &product{sku: "LMS-CRM-DAY", name: "露美莎雪绒修护面霜 50g",
		aliases: []string{"LUMESSA Snow Velvet Repair Cream 50g", "露美莎修护面霜", "露美莎雪绒霜"},
		core:    "雪绒修护面霜", short: "面霜", spec: "50g", line: "日霜", en: "Snow Velvet Repair Cream 50g", price: 398, floor: 358, twin: "LMS-CRM-NGT",
		look: lk("jar", 0xf8f9fa, 0xced4da, 0xffffff, 0xc9a227, "drop", "LUMESSA", "SNOW VELVET", "50 G", 0.55)})
	add(l, &product{sku: "LMS-CRM-NGT", name: "露美莎雪绒修护晚霜 50g",
		aliases: []string{"LUMESSA Snow Velvet Night Cream 50g", "露美莎晚霜", "露美莎修护晚霜"},
		core:    "雪绒修护晚霜", short: "晚霜", spec: "50g", line: "晚霜", en: "Snow Velvet Night Cream 50g", price: 418, floor: 376, twin: "LMS-CRM-DAY",
		look: lk("jar", 0x1d3557, 0x0b1a30, 0xffffff, 0xc9a227, "drop", "LUMESSA", "SNOW VELVET", "50 G", 0.55)})
	add(l, &product{sku: "LMS-TON-150", name: "露美莎水光柔肤水 150ml",
		aliases: []string{"LUMESSA Aqua Glow Toner 150ml", "露美莎柔肤水", "露美莎爽肤水"},
		core:    "水光柔肤水", short: "柔肤水", spec: "150ml", en: "Aqua Glow Toner 150ml", price: 258, floor: 232,
		look: lk("bottle", 0xffc8dd, 0xffffff, 0xffffff, 0xd81159, "drop", "LUMESSA", "AQUA GLOW", "150 ML", 1.0)})
	add(l, &product{sku: "LMS-CLN-120", name: "露美莎氨基酸洁面乳 120g",
		aliases: []string{"LUMESSA Amino Acid Cleanser 120g", "露美莎洗面奶", "露美莎洁面"},
		core:    "氨基酸洁面乳", short: "洗面奶", spec: "120g", en: "Amino Acid Cleanser 120g", price: 148, floor: 132,
		look: lk("tube", 0xe0fbfc, 0x3d5a80, 0xffffff, 0x3d5a80, "drop", "LUMESSA", "CLEANSER", "120 G", 1.0)})
	add(l, &product{sku: "LMS-SUN-40", name: "露美莎清透防晒乳 SPF50+ 40ml",
		aliases: []string{"LUMESSA Clear Sunscreen SPF50+ 40ml", "露美莎防晒乳", "露美莎防晒"},
		core:    "清透防晒乳", short: "防晒", spec: "40ml", en: "Clear Sunscreen SPF50+ 40ml", price: 198, floor: 178,
		look: lk("tube", 0xffd60a, 0xffffff, 0xffffff, 0xf77f00, "drop", "LUMESSA", "SPF50+", "40 ML", 0.85)})
	add(l, &product{sku: "LMS-MSK-5", name: "露美莎玻尿酸补水面膜 5片",
		aliases: []string{"LUMESSA Hyaluronic Hydrating Mask 5 Sheets", "露美莎面膜", "露美莎补水面膜"},
		core:    "玻尿酸补水面膜", short: "面膜", spec: "5片", en: "Hyaluronic Hydrating Mask 5 Sheets", price: 168, floor: 150,
		look: lk("box", 0xa2d2ff, 0, 0xffffff, 0x023e8a, "drop", "LUMESSA", "HYDRA MASK", "5 SHEETS", 0.75)})

	// Casaprime: household
	add(c, &product{sku: "CSP-DISH-1L", name: "家百适浓缩洗洁精 1L",
		aliases: []string{"Casaprime Concentrated Dish Liquid 1L", "家百适洗洁精", "家百适浓缩洗洁精"},
		core:    "浓缩洗洁精", short: "洗洁精", spec: "1L", en: "Concentrated Dish Liquid 1L", price: 68, floor: 60,
		look: lk("pump", 0x80ed99, 0x22577a, 0xffffff, 0x22577a, "house", "CASAPRIME", "DISH", "1 L", 1.0)})
	add(c, &product{sku: "CSP-LNDR-LAV", name: "家百适浓缩洗衣液 薰衣草 2L",
		aliases: []string{"Casaprime Laundry Liquid Lavender 2L", "家百适洗衣液 薰衣草"},
		core:    "浓缩洗衣液", short: "洗衣液", spec: "2L", line: "薰衣草", en: "Laundry Liquid Lavender 2L", price: 128, floor: 115, twin: "CSP-LNDR-LEM",
		look: lk("jug", 0x9d4edd, 0xffffff, 0xffffff, 0x5a189a, "house", "CASAPRIME", "LAUNDRY", "LAVENDER 2L", 1.0)})
	add(c, &product{sku: "CSP-LNDR-LEM", name: "家百适浓缩洗衣液 清新柠檬 2L",
		aliases: []string{"Casaprime Laundry Liquid Lemon 2L", "家百适洗衣液 柠檬"},
		core:    "浓缩洗衣液", short: "洗衣液", spec: "2L", line: "柠檬", en: "Laundry Liquid Lemon 2L", price: 128, floor: 115, twin: "CSP-LNDR-LAV",
		look: lk("jug", 0xffd000, 0xffffff, 0xffffff, 0x5a189a, "house", "CASAPRIME", "LAUNDRY", "LEMON 2L", 1.0)})
	add(c, &product{sku: "CSP-MULT-500", name: "家百适多功能清洁喷雾 500ml",
		aliases: []string{"Casaprime Multi-Surface Cleaner Spray 500ml", "家百适清洁喷雾", "家百适多功能清洁剂"},
		core:    "多功能清洁喷雾", short: "清洁剂", spec: "500ml", en: "Multi-Surface Cleaner Spray 500ml", price: 88, floor: 78,
		look: lk("spray", 0x48cae4, 0xff6b6b, 0xffffff, 0x0077b6, "house", "CASAPRIME", "MULTI", "500 ML", 1.0)})
	add(c, &product{sku: "CSP-PAST-120", name: "家百适草本牙膏 120g",
		aliases: []string{"Casaprime Herbal Toothpaste 120g", "家百适牙膏"},
		core:    "草本牙膏", short: "牙膏", spec: "120g", en: "Herbal Toothpaste 120g", price: 48, floor: 42,
		look: lk("tube", 0xffffff, 0x2d6a4f, 0xd8f3dc, 0x2d6a4f, "house", "CASAPRIME", "HERBAL", "120 G", 0.9)})
	add(c, &product{sku: "CSP-FILT-01", name: "家百适净水器替换滤芯 PF-01",
		aliases: []string{"Casaprime Water Filter Cartridge PF-01", "家百适滤芯", "家百适净水滤芯"},
		core:    "净水器替换滤芯", short: "滤芯", spec: "PF-01", en: "Water Filter Cartridge PF-01", price: 398, floor: 358,
		look: lk("cartridge", 0xf8f9fa, 0x0096c7, 0xffffff, 0x0096c7, "house", "CASAPRIME", "PF-01", "FILTER", 1.0)})
	add(c, &product{sku: "CSP-VEG-500", name: "家百适果蔬清洗剂 500ml",
		aliases: []string{"Casaprime Fruit and Vegetable Wash 500ml", "家百适果蔬净", "家百适果蔬清洗剂"},
		core:    "果蔬清洗剂", short: "果蔬清洗剂", spec: "500ml", en: "Fruit and Vegetable Wash 500ml", price: 78, floor: 69,
		look: lk("bottle", 0xb7e4c7, 0xf4a261, 0xffffff, 0x2a9d8f, "house", "CASAPRIME", "FRUIT & VEG", "500 ML", 1.0)})

	// Qinghe: herbal nutrition
	add(q, &product{sku: "QHY-LZ-90", name: "清禾源破壁灵芝孢子粉胶囊 90粒",
		aliases: []string{"Qinghe Origin Reishi Spore Powder Capsules 90", "清禾源孢子粉 90粒", "清禾源灵芝孢子粉"},
		core:    "破壁灵芝孢子粉胶囊", short: "灵芝孢子粉", spec: "90粒", line: "90粒", en: "Reishi Spore Powder Capsules 90", price: 880, floor: 790, twin: "QHY-LZ-60",
		look: lk("box", 0x9b2226, 0, 0xfefae0, 0xbb3e03, "ring", "QINGHEYUAN", "REISHI", "90 CAPS", 0.85)})
	add(q, &product{sku: "QHY-LZ-60", name: "清禾源破壁灵芝孢子粉胶囊 60粒",
		aliases: []string{"Qinghe Origin Reishi Spore Powder Capsules 60", "清禾源孢子粉 60粒"},
		core:    "破壁灵芝孢子粉胶囊", short: "灵芝孢子粉", spec: "60粒", line: "60粒", en: "Reishi Spore Powder Capsules 60", price: 620, floor: 560, twin: "QHY-LZ-90",
		look: lk("box", 0x9b2226, 0, 0xfefae0, 0xbb3e03, "ring", "QINGHEYUAN", "REISHI", "60 CAPS", 0.85)})
	add(q, &product{sku: "QHY-GQ-30", name: "清禾源枸杞原浆 30袋",
		aliases: []string{"Qinghe Origin Goji Puree 30 Sachets", "清禾源枸杞原浆", "清禾源枸杞汁"},
		core:    "枸杞原浆", short: "枸杞原浆", spec: "30袋", en: "Goji Puree 30 Sachets", price: 398, floor: 358,
		look: lk("sachet", 0xe63946, 0, 0xfff3b0, 0x9d0208, "ring", "QHY", "GOJI", "30ML", 0.8)})
	add(q, &product{sku: "QHY-RS-10", name: "清禾源人参口服液 10支",
		aliases: []string{"Qinghe Origin Ginseng Oral Liquid 10 Vials", "清禾源人参液", "清禾源人参口服液"},
		core:    "人参口服液", short: "人参口服液", spec: "10支", en: "Ginseng Oral Liquid 10 Vials", price: 268, floor: 240,
		look: lk("box", 0xd4a017, 0, 0x5c3d00, 0xfff1c1, "ring", "QINGHEYUAN", "GINSENG", "10 VIALS", 0.7)})
	add(q, &product{sku: "QHY-JS-500", name: "清禾源植物酵素饮 500ml",
		aliases: []string{"Qinghe Origin Plant Enzyme Drink 500ml", "清禾源酵素", "清禾源植物酵素"},
		core:    "植物酵素饮", short: "酵素", spec: "500ml", en: "Plant Enzyme Drink 500ml", price: 328, floor: 295,
		look: lk("bottle", 0x6a040f, 0xffba08, 0xfefae0, 0x6a040f, "ring", "QINGHEYUAN", "ENZYME", "500 ML", 1.0)})
	add(q, &product{sku: "QHY-EJ-250", name: "清禾源阿胶固元糕 250g",
		aliases: []string{"Qinghe Origin Ejiao Cake 250g", "清禾源阿胶糕", "清禾源固元糕"},
		core:    "阿胶固元糕", short: "阿胶糕", spec: "250g", en: "Ejiao Cake 250g", price: 198, floor: 178,
		look: lk("box", 0x3c096c, 0, 0xffd6ff, 0xc77dff, "ring", "QINGHEYUAN", "EJIAO", "250 G", 0.6)})

	for _, b := range brands {
		for _, p := range b.products {
			productBySKU[p.sku] = p
		}
		brandByID[b.id] = b
	}
	initSellers()
}

var (
	productBySKU = map[string]*product{}
	brandByID    = map[string]*brand{}
)

// ---------------------------------------------------------------------------
// Sellers.

var (
	pinOfficial   = map[string][]*seller{}
	pinAuthorised = map[string][]*seller{}
	nmOfficial    = map[string][]*seller{}
	nmAuthorised  = map[string][]*seller{}
	sellerByKey   = map[string]*seller{} // site|id
)

func regSeller(s *seller) *seller {
	k := s.site + "|" + s.id
	if _, dup := sellerByKey[k]; dup {
		panic("duplicate seller " + k)
	}
	sellerByKey[k] = s
	return s
}

func initSellers() {
	pin := func(id, name, role, b string) *seller {
		return regSeller(&seller{site: sitePin, id: id, name: name, role: role, brand: b})
	}
	nm := func(name, role, b string) *seller {
		return regSeller(&seller{site: siteNotes, id: hexID("shop:" + name), name: name, role: role, brand: b})
	}
	pinOfficial["verdanta"] = []*seller{pin("6618203", "维丹塔官方旗舰店", "official", "verdanta"), pin("6618219", "维丹塔海外官方旗舰店", "official", "verdanta")}
	pinOfficial["lumessa"] = []*seller{pin("7302415", "露美莎官方旗舰店", "official", "lumessa")}
	pinOfficial["casaprime"] = []*seller{pin("5120988", "家百适官方旗舰店", "official", "casaprime")}
	pinOfficial["qinghe"] = []*seller{pin("8840126", "清禾源官方旗舰店", "official", "qinghe")}
	pinAuthorised["verdanta"] = []*seller{pin("1187342", "维丹塔鑫源专营店", "authorised", "verdanta"), pin("2209817", "丹丹营养小铺", "authorised", "verdanta"), pin("3390451", "健行营养专营店", "authorised", "verdanta")}
	pinAuthorised["lumessa"] = []*seller{pin("1452230", "露美莎悦颜专营店", "authorised", "lumessa"), pin("2983116", "小林美妆百货", "authorised", "lumessa"), pin("3617704", "美肌研究所", "authorised", "lumessa")}
	pinAuthorised["casaprime"] = []*seller{pin("1760349", "家百适居家专营店", "authorised", "casaprime"), pin("2648801", "阿强日用品店", "authorised", "casaprime")}
	pinAuthorised["qinghe"] = []*seller{pin("1893560", "清禾源养生专营店", "authorised", "qinghe"), pin("3025471", "本草堂滋补", "authorised", "qinghe")}

	nmOfficial["verdanta"] = []*seller{nm("维丹塔Verdanta官方店", "official", "verdanta")}
	nmOfficial["lumessa"] = []*seller{nm("LUMESSA露美莎官方旗舰店", "official", "lumessa"), nm("露美莎LUMESSA海外旗舰店", "official", "lumessa")}
	nmOfficial["casaprime"] = []*seller{nm("家百适Casaprime官方店", "official", "casaprime")}
	nmOfficial["qinghe"] = []*seller{nm("清禾源官方店", "official", "qinghe")}
	nmAuthorised["verdanta"] = []*seller{nm("小鹿的营养铺", "authorised", "verdanta"), nm("Amy健康生活馆", "authorised", "verdanta")}
	nmAuthorised["lumessa"] = []*seller{nm("桃子护肤分享铺", "authorised", "lumessa"), nm("Lily的美肌小店", "authorised", "lumessa"), nm("晚晚的护肤间", "authorised", "lumessa")}
	nmAuthorised["casaprime"] = []*seller{nm("居家好物阿敏", "authorised", "casaprime"), nm("收纳控小周的店", "authorised", "casaprime")}
	nmAuthorised["qinghe"] = []*seller{nm("养生姐姐小店", "authorised", "qinghe"), nm("本草堂滋补笔记店", "authorised", "qinghe")}

	pinOthers = nil
	for i, n := range []string{"优品百货专营店", "义乌好物批发部", "源头工厂直销店", "品牌特卖汇", "正品折扣店", "海淘精选馆",
		"琪琪美妆小店", "惠民日用百货", "健康优选馆", "每日特惠店", "小芳的店", "美妆折扣仓", "万家生活馆", "乐购营养专营店",
		"尚品汇美妆", "鸿运批发商行", "绿源保健品专营店", "蜜桃美妆集合店", "全球购优选", "好物清仓店", "佳佳母婴日用",
		"诚信滋补行", "臻选好货店", "广州美妆批发", "亿家超市"} {
		pinOthers = append(pinOthers, pin(fmt.Sprint(400100+i*7919%90000+i*131), n, "other", ""))
	}
	pinBrandNamed = map[string]*seller{
		"verdanta":  pin("5096612", "维丹塔营养专卖店", "other", ""),
		"lumessa":   pin("5097733", "露美莎美妆专营店", "other", ""),
		"casaprime": pin("5098154", "家百适日化专营店", "other", ""),
		"qinghe":    pin("5099271", "清禾源滋补馆", "other", ""),
	}
	for i, n := range []string{"健身补剂专营店", "小熊家居百货", "美妆集合店", "老王粮油副食", "康宁大药房", "悠然护肤旗舰店",
		"洁美日化旗舰店", "滋补堂旗舰店", "净源环保科技", "宝妈好物店"} {
		pinGeneric = append(pinGeneric, pin(fmt.Sprint(7700200+i*613), n, "other", ""))
	}
	for i, n := range []string{"闲置小铺", "阿月的小店", "二手好物转让", "小吴的闲置"} {
		pinPersonal = append(pinPersonal, pin(fmt.Sprint(9900310+i*97), n, "personal", ""))
	}

	for _, n := range []string{"Coco海外代购", "日韩代购小铺", "大牌折扣仓", "好物分享铺", "正品小仓库", "小糖的代购店",
		"源头好货", "Vivi全球购", "美妆尾货仓", "吉吉严选", "澳洲直邮小站", "工厂店老李"} {
		nmOthers = append(nmOthers, nm(n, "other", ""))
	}
	for _, n := range []string{"momo的闲置", "晴天的小衣橱", "阿萌闲置铺", "一只小懒猫的闲置", "Kiki's closet", "橙子的闲置角落"} {
		nmPersonal = append(nmPersonal, nm(n, "personal", ""))
	}
	for _, n := range []string{"好物研究社", "轻养生小馆", "元气补给站", "国货之光小店", "洁净生活家", "Mia的平价好物"} {
		nmGeneric = append(nmGeneric, nm(n, "other", ""))
	}
}

var (
	pinOthers     []*seller
	pinBrandNamed map[string]*seller
	pinGeneric    []*seller
	pinPersonal   []*seller
	nmOthers      []*seller
	nmPersonal    []*seller
	nmGeneric     []*seller
)

// ---------------------------------------------------------------------------
// Catalogue files.

type catSeller struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
}

type catProduct struct {
	SKU      string   `json:"sku"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Price    float64  `json:"price"`
	MinPrice float64  `json:"min_price"`
	Currency string   `json:"currency"`
	Images   []string `json:"images"`
}

type catBrand struct {
	ID                string      `json:"id"`
	Name              string      `json:"name"`
	Aliases           []string    `json:"aliases"`
	OfficialSellers   []catSeller `json:"official_sellers"`
	AuthorizedSellers []catSeller `json:"authorized_sellers"`
	DefamationTerms   []string    `json:"defamation_terms,omitempty"`
}

type catFile struct {
	Brand    catBrand     `json:"brand"`
	Products []catProduct `json:"products"`
}

func imageExt(b *brand) string {
	if b.id == "lumessa" || b.id == "casaprime" {
		return ".jpg"
	}
	return ".png"
}

func officialImagePaths(p *product) []string {
	b := brandByID[p.brand]
	return []string{"images/" + strings.ToLower(p.sku) + imageExt(b)}
}

func catalogueOf(b *brand) catFile {
	cb := catBrand{ID: b.id, Name: b.name, Aliases: b.aliases, DefamationTerms: b.defTerms}
	for _, s := range pinOfficial[b.id] {
		cb.OfficialSellers = append(cb.OfficialSellers, catSeller{s.site, s.id})
	}
	for _, s := range nmOfficial[b.id] {
		cb.OfficialSellers = append(cb.OfficialSellers, catSeller{s.site, s.id})
	}
	for _, s := range pinAuthorised[b.id] {
		cb.AuthorizedSellers = append(cb.AuthorizedSellers, catSeller{s.site, s.id})
	}
	for _, s := range nmAuthorised[b.id] {
		cb.AuthorizedSellers = append(cb.AuthorizedSellers, catSeller{s.site, s.id})
	}
	cf := catFile{Brand: cb}
	for _, p := range b.products {
		cf.Products = append(cf.Products, catProduct{SKU: p.sku, Name: p.name, Aliases: p.aliases,
			Price: p.price, MinPrice: p.floor, Currency: "CNY", Images: officialImagePaths(p)})
	}
	return cf
}

func yq(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSpace(b.String())
}

func yqList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = yq(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func money(v float64) string { return fmt.Sprintf("%.2f", v) }

func catalogueYAML(b *brand) []byte {
	cf := catalogueOf(b)
	var w bytes.Buffer
	fmt.Fprintf(&w, "# %s catalogue, maintained by the brand-protection team\n", b.name)
	fmt.Fprintf(&w, "brand:\n  id: %s\n  name: %s\n  aliases: %s\n", cf.Brand.ID, yq(cf.Brand.Name), yqList(cf.Brand.Aliases))
	w.WriteString("  official_sellers:\n")
	for _, s := range cf.Brand.OfficialSellers {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", s.Site, yq(s.SellerID))
	}
	w.WriteString("  authorized_sellers:\n")
	for _, s := range cf.Brand.AuthorizedSellers {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", s.Site, yq(s.SellerID))
	}
	fmt.Fprintf(&w, "  defamation_terms: %s\n", yqList(cf.Brand.DefamationTerms))
	w.WriteString("products:\n")
	for _, p := range cf.Products {
		fmt.Fprintf(&w, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %s\n    min_price: %s\n    currency: CNY\n    images: %s\n",
			p.SKU, yq(p.Name), yqList(p.Aliases), money(p.Price), money(p.MinPrice), yqList(p.Images))
	}
	return w.Bytes()
}

func catalogueJSON(b *brand) []byte {
	var w bytes.Buffer
	enc := json.NewEncoder(&w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(catalogueOf(b)); err != nil {
		panic(err)
	}
	return w.Bytes()
}

// catalogueCSV writes one product a row; the brand columns repeat on every row,
// list-valued cells are separated by "|".
func catalogueCSV(b *brand) []byte {
	cf := catalogueOf(b)
	var w bytes.Buffer
	cw := csv.NewWriter(&w)
	sellers := func(ss []catSeller) string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Site+":"+s.SellerID)
		}
		return strings.Join(out, "|")
	}
	cw.Write([]string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
		"sku", "name", "aliases", "price", "min_price", "currency", "images"})
	for _, p := range cf.Products {
		cw.Write([]string{cf.Brand.ID, cf.Brand.Name, strings.Join(cf.Brand.Aliases, "|"), sellers(cf.Brand.OfficialSellers),
			sellers(cf.Brand.AuthorizedSellers), strings.Join(cf.Brand.DefamationTerms, "|"),
			p.SKU, p.Name, strings.Join(p.Aliases, "|"), money(p.Price), money(p.MinPrice), p.Currency, strings.Join(p.Images, "|")})
	}
	cw.Flush()
	return w.Bytes()
}
