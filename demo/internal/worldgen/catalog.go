package worldgen

import (
	"image/color"

	"github.com/shadowscan/shadowscan/demo/internal/art"
)

// SiteName is the demo marketplace's site name in seller references.
const SiteName = "demo-market"

// Product is one catalogue product with what the generator needs to write
// titles and draw its photo.
type Product struct {
	SKU     string
	Name    string
	Aliases []string
	Price   int // list price in yuan
	Min     int // authorised floor in yuan
	ZH, EN  string
	SizeZH  string // 500克
	SizeEN  string // 500g
	Kind    string // generic Chinese word for the kind of product (蛋白粉)
	KindEN  string
	Pack    art.Package
	Brand   *Brand
}

// Image returns the official photo's path relative to the catalogue file.
func (p *Product) Image() string { return "images/" + lower(p.SKU) + ".jpg" }

// Brand is one fictitious direct-sales brand.
type Brand struct {
	ID         string
	Name       string
	ZH         string
	Short      string // the Latin brand word used in titles: Aurora
	Aliases    []string
	Official   []string
	Authorized []string
	Defamation []string
	Products   []*Product
}

// Sellers maps every demo-market seller id to its shop name.
var Sellers = map[string]string{
	// Aurora's own shops and authorised members.
	"aurora-official": "奥罗拉官方旗舰店",
	"aurora-intl":     "Aurora Wellness 海外官方店",
	"shop-1187":       "奥罗拉会员小店 1187",
	"shop-2045":       "健康生活馆（奥罗拉授权）",
	"shop-3310":       "Lily 的营养铺",
	// Verdance's own shops and authorised members.
	"verdance-official": "薇丹丝官方旗舰店",
	"shop-2290":         "薇丹丝授权专卖 2290",
	"shop-4471":         "美肌小屋",
	"shop-5032":         "Home & Glow 家居护理",
	// Unknown sellers: counterfeiters, grey resellers, book sellers and
	// honest shops of other brands and generic goods.
	"hx-factory-store":  "华鑫工厂店",
	"quanqiu-haohuo":    "全球好货特卖",
	"yp-888":            "优品888",
	"mingpin-outlet":    "名品折扣仓",
	"kr-beauty-direct":  "韩妆直邮",
	"lucky-deals-24":    "Lucky Deals 24",
	"jiajia-baihuo":     "佳佳百货",
	"xiaoma-daigou":     "小马代购",
	"haitao-xiaopu":     "海淘小铺",
	"zhenxuan-life":     "甄选生活",
	"mama-jia":          "妈妈家的店",
	"vitality-hub":      "Vitality Hub",
	"dushu-ziliao":      "读书资料分享",
	"zhenxiang-lab":     "真相实验室",
	"fitgear-cn":        "FitGear 运动装备",
	"shouna-jia":        "收纳家居馆",
	"meizhuang-gongju":  "美妆工具铺",
	"nordvita-store":    "Nordvita 北欧维他旗舰店",
	"qinghe-official":   "青禾官方店",
	"solenne-store":     "Solenne 索兰官方店",
	"aurara-store":      "Aurara 奥拉拉旗舰店",
	"aolaola-shop":      "奥罗啦食品专营",
	"aurelia-beauty":    "Aurelia 欧瑞莉亚",
	"verdant-home":      "Verdant 维丹特家居",
	"weidanzi-shop":     "薇丹姿化妆品店",
	"nongjia-tuchan":    "农家土产",
	"daily-basics":      "Daily Basics 日用",
	"tiantian-yaofang":  "天天大药房",
	"wanjia-chaoshi":    "万家超市",
	"bad-seller-script": "测试<b>店铺</b>",
}

var aurora = &Brand{
	ID:         "aurora",
	Name:       "Aurora Wellness",
	ZH:         "奥罗拉",
	Short:      "Aurora",
	Aliases:    []string{"奥罗拉", "AURORA", "奥罗拉健康"},
	Official:   []string{"aurora-official", "aurora-intl"},
	Authorized: []string{"shop-1187", "shop-2045", "shop-3310"},
	Defamation: []string{"奥罗拉传销", "奥罗拉骗局", "aurora pyramid scheme", "aurora scam"},
}

var verdance = &Brand{
	ID:         "verdance",
	Name:       "Verdance Skin & Home",
	ZH:         "薇丹丝",
	Short:      "Verdance",
	Aliases:    []string{"薇丹丝", "VERDANCE", "Verdance"},
	Official:   []string{"verdance-official"},
	Authorized: []string{"shop-2290", "shop-4471", "shop-5032"},
	Defamation: []string{"薇丹丝烂脸", "薇丹丝含激素", "薇丹丝传销", "verdance steroid"},
}

// Brands returns the demo brands with their products, in file order.
func Brands() []*Brand { return []*Brand{aurora, verdance} }

func pk(shape art.Shape, body, capc, label, b1, b2 [3]uint8, t1, t2 string, stripes int) art.Package {
	c := func(v [3]uint8) color.RGBA { return art.RGB(v[0], v[1], v[2]) }
	return art.Package{Shape: shape, Body: c(body), Cap: c(capc), Label: c(label), Band1: c(b1), Band2: c(b2), Text1: t1, Text2: t2, Stripes: stripes}
}

func init() {
	aurora.Products = []*Product{
		{SKU: "AUR-PROT-500", Name: "Aurora Plant Protein Powder 500g", Aliases: []string{"奥罗拉植物蛋白粉 500克", "奥罗拉蛋白粉 500g", "Aurora Protein Powder 500g"},
			Price: 298, Min: 268, ZH: "植物蛋白粉", EN: "Plant Protein Powder", SizeZH: "500克", SizeEN: "500g", Kind: "蛋白粉", KindEN: "protein powder",
			Pack: pk(art.Jar, [3]uint8{245, 245, 240}, [3]uint8{30, 110, 60}, [3]uint8{255, 255, 255}, [3]uint8{30, 110, 60}, [3]uint8{240, 170, 40}, "AURORA", "PROTEIN 500", 0)},
		{SKU: "AUR-PROT-1000", Name: "Aurora Plant Protein Powder 1kg", Aliases: []string{"奥罗拉植物蛋白粉 1000克", "奥罗拉蛋白粉 1kg", "Aurora Protein Powder 1000g"},
			Price: 528, Min: 478, ZH: "植物蛋白粉", EN: "Plant Protein Powder", SizeZH: "1000克", SizeEN: "1kg", Kind: "蛋白粉", KindEN: "protein powder",
			Pack: pk(art.Pouch, [3]uint8{20, 80, 45}, [3]uint8{20, 80, 45}, [3]uint8{250, 245, 230}, [3]uint8{240, 170, 40}, [3]uint8{20, 80, 45}, "AURORA", "PROTEIN 1KG", 2)},
		{SKU: "AUR-VITC-60", Name: "Aurora Vitamin C Chewable Tablets 60 tablets", Aliases: []string{"奥罗拉维生素C咀嚼片 60片", "奥罗拉VC片 60片", "Aurora Vitamin C 60 tablets"},
			Price: 128, Min: 108, ZH: "维生素C咀嚼片", EN: "Vitamin C Chewable Tablets", SizeZH: "60片", SizeEN: "60 tablets", Kind: "维生素C", KindEN: "vitamin C",
			Pack: pk(art.Bottle, [3]uint8{250, 140, 20}, [3]uint8{255, 255, 255}, [3]uint8{255, 250, 235}, [3]uint8{250, 140, 20}, [3]uint8{200, 40, 30}, "AURORA", "VIT C", 0)},
		{SKU: "AUR-MULTI-90", Name: "Aurora Multivitamin and Minerals 90 tablets", Aliases: []string{"奥罗拉多种维生素矿物质片 90片", "奥罗拉复合维生素 90片", "Aurora Multivitamin 90 tablets"},
			Price: 238, Min: 208, ZH: "多种维生素矿物质片", EN: "Multivitamin and Minerals", SizeZH: "90片", SizeEN: "90 tablets", Kind: "复合维生素", KindEN: "multivitamin",
			Pack: pk(art.Box, [3]uint8{60, 60, 150}, [3]uint8{60, 60, 150}, [3]uint8{230, 230, 250}, [3]uint8{220, 50, 90}, [3]uint8{60, 60, 150}, "AURORA", "MULTI 90", 3)},
		{SKU: "AUR-FISH-90", Name: "Aurora Deep Sea Fish Oil Softgels 90 softgels", Aliases: []string{"奥罗拉深海鱼油软胶囊 90粒", "奥罗拉鱼油 90粒", "Aurora Fish Oil 90 softgels"},
			Price: 268, Min: 238, ZH: "深海鱼油软胶囊", EN: "Deep Sea Fish Oil Softgels", SizeZH: "90粒", SizeEN: "90 softgels", Kind: "鱼油", KindEN: "fish oil",
			Pack: pk(art.Bottle, [3]uint8{20, 60, 120}, [3]uint8{230, 190, 40}, [3]uint8{240, 248, 255}, [3]uint8{20, 60, 120}, [3]uint8{230, 190, 40}, "AURORA", "OMEGA-3", 1)},
		{SKU: "AUR-PROB-30", Name: "Aurora Probiotic Powder 30 sachets", Aliases: []string{"奥罗拉益生菌粉 30袋", "奥罗拉益生菌 30条", "Aurora Probiotics 30 sachets"},
			Price: 358, Min: 318, ZH: "益生菌粉", EN: "Probiotic Powder", SizeZH: "30袋", SizeEN: "30 sachets", Kind: "益生菌", KindEN: "probiotics",
			Pack: pk(art.Box, [3]uint8{250, 250, 250}, [3]uint8{250, 250, 250}, [3]uint8{140, 200, 230}, [3]uint8{40, 120, 200}, [3]uint8{120, 190, 70}, "AURORA", "PROBIOTIC", 0)},
		{SKU: "AUR-CALC-60", Name: "Aurora Calcium and Vitamin D3 Tablets 60 tablets", Aliases: []string{"奥罗拉钙维生素D3片 60片", "奥罗拉钙片 60片", "Aurora Calcium D3 60 tablets"},
			Price: 168, Min: 148, ZH: "钙维生素D3片", EN: "Calcium and Vitamin D3 Tablets", SizeZH: "60片", SizeEN: "60 tablets", Kind: "钙片", KindEN: "calcium tablets",
			Pack: pk(art.Jar, [3]uint8{90, 170, 210}, [3]uint8{250, 250, 250}, [3]uint8{250, 250, 250}, [3]uint8{90, 170, 210}, [3]uint8{30, 60, 110}, "AURORA", "CAL+D3", 2)},
		{SKU: "AUR-FIBER-20", Name: "Aurora Dietary Fiber Drink 20 sachets", Aliases: []string{"奥罗拉膳食纤维饮 20袋", "奥罗拉膳食纤维 20袋", "Aurora Fiber Drink 20 sachets"},
			Price: 198, Min: 178, ZH: "膳食纤维饮", EN: "Dietary Fiber Drink", SizeZH: "20袋", SizeEN: "20 sachets", Kind: "膳食纤维", KindEN: "fiber drink",
			Pack: pk(art.Pouch, [3]uint8{170, 210, 60}, [3]uint8{170, 210, 60}, [3]uint8{255, 255, 245}, [3]uint8{90, 140, 30}, [3]uint8{250, 200, 60}, "AURORA", "FIBER", 0)},
		{SKU: "AUR-COLL-10", Name: "Aurora Collagen Peptide Oral Liquid 10 vials", Aliases: []string{"奥罗拉胶原蛋白肽口服液 10瓶", "奥罗拉胶原蛋白口服液 10支", "Aurora Collagen Drink 10 vials"},
			Price: 398, Min: 358, ZH: "胶原蛋白肽口服液", EN: "Collagen Peptide Oral Liquid", SizeZH: "10瓶", SizeEN: "10 vials", Kind: "胶原蛋白", KindEN: "collagen drink",
			Pack: pk(art.Vials, [3]uint8{230, 120, 150}, [3]uint8{200, 170, 90}, [3]uint8{250, 230, 235}, [3]uint8{180, 60, 100}, [3]uint8{200, 170, 90}, "AURORA COLLAGEN", "", 0)},
		{SKU: "AUR-LUT-60", Name: "Aurora Lutein Ester Softgels 60 softgels", Aliases: []string{"奥罗拉叶黄素酯软胶囊 60粒", "奥罗拉叶黄素 60粒", "Aurora Lutein 60 softgels"},
			Price: 288, Min: 258, ZH: "叶黄素酯软胶囊", EN: "Lutein Ester Softgels", SizeZH: "60粒", SizeEN: "60 softgels", Kind: "叶黄素", KindEN: "lutein",
			Pack: pk(art.Bottle, [3]uint8{40, 40, 40}, [3]uint8{240, 200, 30}, [3]uint8{240, 200, 30}, [3]uint8{40, 40, 40}, [3]uint8{250, 250, 250}, "AURORA", "LUTEIN", 0)},
	}
	verdance.Products = []*Product{
		{SKU: "VER-SER-30", Name: "Verdance Hydrating Essence Serum 30ml", Aliases: []string{"薇丹丝水润精华液 30ml", "薇丹丝精华 30毫升", "Verdance Serum 30ml"},
			Price: 368, Min: 328, ZH: "水润精华液", EN: "Hydrating Essence Serum", SizeZH: "30毫升", SizeEN: "30ml", Kind: "精华液", KindEN: "serum",
			Pack: pk(art.Pump, [3]uint8{200, 225, 240}, [3]uint8{190, 160, 110}, [3]uint8{255, 255, 255}, [3]uint8{60, 140, 120}, [3]uint8{190, 160, 110}, "VERDANCE", "SERUM", 0)},
		{SKU: "VER-CRM-50", Name: "Verdance Night Repair Cream 50g", Aliases: []string{"薇丹丝晚安修护面霜 50克", "薇丹丝修护霜 50g", "Verdance Night Cream 50g"},
			Price: 428, Min: 388, ZH: "晚安修护面霜", EN: "Night Repair Cream", SizeZH: "50克", SizeEN: "50g", Kind: "面霜", KindEN: "night cream",
			Pack: pk(art.Compact, [3]uint8{50, 40, 90}, [3]uint8{190, 160, 110}, [3]uint8{50, 40, 90}, [3]uint8{190, 160, 110}, [3]uint8{190, 160, 110}, "VERDANCE", "NIGHT", 0)},
		{SKU: "VER-TONER-150", Name: "Verdance Balancing Toner 150ml", Aliases: []string{"薇丹丝平衡爽肤水 150毫升", "薇丹丝爽肤水 150ml", "Verdance Toner 150ml"},
			Price: 218, Min: 188, ZH: "平衡爽肤水", EN: "Balancing Toner", SizeZH: "150毫升", SizeEN: "150ml", Kind: "爽肤水", KindEN: "toner",
			Pack: pk(art.Bottle, [3]uint8{180, 230, 200}, [3]uint8{60, 140, 120}, [3]uint8{255, 255, 255}, [3]uint8{60, 140, 120}, [3]uint8{250, 180, 190}, "VERDANCE", "TONER", 2)},
		{SKU: "VER-CLEAN-120", Name: "Verdance Amino Acid Cleanser 120g", Aliases: []string{"薇丹丝氨基酸洁面乳 120克", "薇丹丝洗面奶 120g", "Verdance Cleanser 120g"},
			Price: 158, Min: 138, ZH: "氨基酸洁面乳", EN: "Amino Acid Cleanser", SizeZH: "120克", SizeEN: "120g", Kind: "洗面奶", KindEN: "cleanser",
			Pack: pk(art.Tube, [3]uint8{250, 250, 250}, [3]uint8{60, 140, 120}, [3]uint8{220, 240, 230}, [3]uint8{60, 140, 120}, [3]uint8{120, 200, 170}, "VERDANCE", "CLEANSER", 0)},
		{SKU: "VER-SUN-50", Name: "Verdance Daily Sunscreen SPF50 50ml", Aliases: []string{"薇丹丝清透防晒乳 SPF50 50ml", "薇丹丝防晒霜 50毫升", "Verdance Sunscreen 50ml"},
			Price: 198, Min: 178, ZH: "清透防晒乳", EN: "Daily Sunscreen SPF50", SizeZH: "50毫升", SizeEN: "50ml", Kind: "防晒霜", KindEN: "sunscreen",
			Pack: pk(art.Tube, [3]uint8{250, 200, 40}, [3]uint8{240, 110, 40}, [3]uint8{255, 255, 255}, [3]uint8{240, 110, 40}, [3]uint8{250, 200, 40}, "VERDANCE", "SPF50", 1)},
		{SKU: "VER-MASK-5", Name: "Verdance Hydrating Sheet Mask 5 sheets", Aliases: []string{"薇丹丝补水面膜 5片", "薇丹丝面膜 5片装", "Verdance Sheet Mask 5 pcs"},
			Price: 128, Min: 108, ZH: "补水面膜", EN: "Hydrating Sheet Mask", SizeZH: "5片", SizeEN: "5 sheets", Kind: "面膜", KindEN: "sheet mask",
			Pack: pk(art.Box, [3]uint8{120, 190, 230}, [3]uint8{120, 190, 230}, [3]uint8{255, 255, 255}, [3]uint8{30, 90, 160}, [3]uint8{120, 190, 230}, "VERDANCE", "MASK x5", 1)},
		{SKU: "VER-EYE-15", Name: "Verdance Firming Eye Cream 15g", Aliases: []string{"薇丹丝紧致眼霜 15克", "薇丹丝眼霜 15g", "Verdance Eye Cream 15g"},
			Price: 328, Min: 298, ZH: "紧致眼霜", EN: "Firming Eye Cream", SizeZH: "15克", SizeEN: "15g", Kind: "眼霜", KindEN: "eye cream",
			Pack: pk(art.Compact, [3]uint8{230, 200, 210}, [3]uint8{250, 250, 250}, [3]uint8{230, 200, 210}, [3]uint8{150, 60, 90}, [3]uint8{150, 60, 90}, "VERDANCE", "EYE", 0)},
		{SKU: "VER-DISH-1L", Name: "Verdance Concentrated Dish Liquid 1L", Aliases: []string{"薇丹丝浓缩洗洁精 1升", "薇丹丝洗洁精 1L", "Verdance Dish Liquid 1000ml"},
			Price: 68, Min: 58, ZH: "浓缩洗洁精", EN: "Concentrated Dish Liquid", SizeZH: "1升", SizeEN: "1L", Kind: "洗洁精", KindEN: "dish soap",
			Pack: pk(art.Pump, [3]uint8{120, 200, 60}, [3]uint8{250, 250, 250}, [3]uint8{250, 250, 250}, [3]uint8{250, 220, 40}, [3]uint8{120, 200, 60}, "VERDANCE", "DISH", 0)},
		{SKU: "VER-LAUN-2KG", Name: "Verdance Concentrated Laundry Liquid 2kg", Aliases: []string{"薇丹丝浓缩洗衣液 2千克", "薇丹丝洗衣液 2kg", "Verdance Laundry Liquid 2kg"},
			Price: 98, Min: 88, ZH: "浓缩洗衣液", EN: "Concentrated Laundry Liquid", SizeZH: "2千克", SizeEN: "2kg", Kind: "洗衣液", KindEN: "laundry liquid",
			Pack: pk(art.Pouch, [3]uint8{40, 90, 190}, [3]uint8{40, 90, 190}, [3]uint8{250, 250, 250}, [3]uint8{90, 200, 230}, [3]uint8{40, 90, 190}, "VERDANCE", "LAUNDRY", 3)},
		{SKU: "VER-TOOTH-120", Name: "Verdance Herbal Toothpaste 120g", Aliases: []string{"薇丹丝草本牙膏 120克", "薇丹丝牙膏 120g", "Verdance Toothpaste 120g"},
			Price: 48, Min: 42, ZH: "草本牙膏", EN: "Herbal Toothpaste", SizeZH: "120克", SizeEN: "120g", Kind: "牙膏", KindEN: "toothpaste",
			Pack: pk(art.Box, [3]uint8{250, 250, 250}, [3]uint8{250, 250, 250}, [3]uint8{40, 150, 80}, [3]uint8{250, 250, 250}, [3]uint8{200, 30, 40}, "VERDANCE", "HERBAL", 0)},
	}
	for _, b := range Brands() {
		for _, p := range b.Products {
			p.Brand = b
		}
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
