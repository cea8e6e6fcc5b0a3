package world11

import (
	"image/color"
	"io/fs"
	"net/http"
	"sort"
	"sync"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML, per SPEC.md)
	Handler http.Handler // serves the whole marketplace (search pages, listing pages, photos, robots.txt)
}

// Label is the truth about one listing page.
type Label struct {
	Site     string // Site.Name
	Path     string // the listing page's canonical URL path and query, as linked from search results
	Flagged  bool
	Category string // when Flagged: counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation
	Brand    string // the catalogue brand id the listing is about ("" if none)
	SKU      string // the catalogue product it offers ("" for defamation or when none)
	Why      string // which rule of the label policy gave this label
}

// Site names.
const (
	taoxiName     = "taoxi-m"
	tradeloftName = "tradeloft"
)

// Sites returns the two marketplaces with fresh handlers: the one-off faults
// (a 503 served once) start anew with every call.
func Sites() []Site {
	w := theWorld()
	return []Site{
		{Name: taoxiName, Rule: []byte(taoxiRule), Handler: newTaoxiHandler(w.sites[taoxiName])},
		{Name: tradeloftName, Rule: []byte(tradeloftRule), Handler: newTradeloftHandler(w.sites[tradeloftName])},
	}
}

// Catalog returns the catalogue files (YAML, JSON and CSV, one brand each)
// and the official photos under images/.
func Catalog() fs.FS { return theWorld().catalog }

// Labels returns one label per listing page, sorted by Site then Path.
func Labels() []Label {
	w := theWorld()
	out := make([]Label, len(w.labels))
	copy(out, w.labels)
	return out
}

var (
	worldOnce sync.Once
	worldData *world
)

func theWorld() *world {
	worldOnce.Do(func() { worldData = build() })
	return worldData
}

// world is everything generated; it is never changed after build.
type world struct {
	sites   map[string]*siteData
	catalog fs.FS
	labels  []Label
}

func build() *world {
	w := &world{sites: map[string]*siteData{}}
	w.catalog = buildCatalog()
	for _, sd := range []*siteData{genTaoxi(), genTradeloft()} {
		sd.prune()
		n := len(sd.listings)
		sd.setFaults([]int{37}, []int{120, n / 2}, []int{211}, []int{95, n - 40}, []int{n / 3 * 2})
		w.sites[sd.name] = sd
		for _, l := range sd.listings {
			w.labels = append(w.labels, l.label)
		}
	}
	sort.Slice(w.labels, func(i, j int) bool {
		if w.labels[i].Site != w.labels[j].Site {
			return w.labels[i].Site < w.labels[j].Site
		}
		return w.labels[i].Path < w.labels[j].Path
	})
	return w
}

// Seller kinds.
const (
	kOfficial = iota
	kAuthorised
	kBusiness
	kPersonal
)

type seller struct {
	id, name string
	kind     int
	brands   []string // official/authorised: the brands it is allowed to sell
	badges   []string // taoxi shop badges
	tmall    bool
	location string
	currency string // tradeloft: the currency the vendor prices in
	country  string // tradeloft: where the vendor ships from
}

func (s *seller) allowed(brand string) bool {
	for _, b := range s.brands {
		if b == brand {
			return true
		}
	}
	return false
}

type brandDef struct {
	id, name   string
	aliases    []string
	zhForms    []string // how the brand is written in Chinese titles
	enForms    []string // how it is written in English titles
	defamation []string
	file       string
	official   map[string]string   // site -> seller id
	authorised map[string][]string // site -> seller ids
}

type productDef struct {
	sku, brand, name string
	aliases          []string
	price, min       float64
	currency         string
	image            string // catalogue path

	zhNames []string // product words in Chinese titles (variant included)
	zhSize  string
	zhKW    []string
	zhType  string // generic type, for other brands' goods: 大豆蛋白粉
	enNames []string
	enSize  string
	enKW    []string
	enType  string

	shape         string
	body, accent  color.RGBA
	variant       string // printed on the pack of near twins
	tamperable    bool
	zhAcc, enAcc  []string // accessories that name the product for fit
	zhOther       []string // other brands of the same type
	enOther       []string
	unitsLabelZH  string // 瓶/罐/盒/袋/口
	unitsLabelEN  string
	twoPackFactor float64
}

var brands = []*brandDef{
	{
		id: "solenne", name: "Solenne",
		aliases:    []string{"素兰妮", "SOLENNE", "索兰妮", "Solenne Skin Lab"},
		zhForms:    []string{"素兰妮", "素兰妮", "SOLENNE/素兰妮", "素兰妮Solenne", "素兰妮 SOLENNE", "索兰妮"},
		enForms:    []string{"Solenne", "SOLENNE", "Solenne Skin Lab", "Solenne"},
		defamation: []string{"传销骗局", "激素脸", "汞超标", "pyramid scheme"},
		file:       "solenne.yaml",
		official:   map[string]string{taoxiName: "1000311", tradeloftName: "solenne-official"},
		authorised: map[string][]string{taoxiName: {"2173345", "3390127"}, tradeloftName: {"glowdirect", "beautyhaus-eu"}},
	},
	{
		id: "vitanova", name: "VitaNova",
		aliases:    []string{"维诺康", "VITANOVA", "Vita Nova", "维他诺瓦"},
		zhForms:    []string{"维诺康", "维诺康", "VitaNova维诺康", "维诺康 VITANOVA", "维他诺瓦"},
		enForms:    []string{"VitaNova", "VitaNova", "VITANOVA", "Vita Nova"},
		defamation: []string{"致癌", "伤肾", "重金属超标", "causes cancer"},
		file:       "vitanova.json",
		official:   map[string]string{taoxiName: "1002278", tradeloftName: "vitanova-store"},
		authorised: map[string][]string{taoxiName: {"2288104", "3412950", "2405517"}, tradeloftName: {"nutrihub-uk", "wellness-depot-ca", "homeandhealth-co"}},
	},
	{
		id: "hearthwell", name: "Hearthwell",
		aliases:    []string{"禾泽家", "HEARTHWELL", "禾泽"},
		zhForms:    []string{"禾泽家", "禾泽家", "禾泽", "HEARTHWELL禾泽家", "禾泽家 Hearthwell"},
		enForms:    []string{"Hearthwell", "HEARTHWELL", "Hearthwell Home"},
		defamation: []string{"荧光剂致癌", "央视曝光", "toxic chemicals"},
		file:       "hearthwell.csv",
		official:   map[string]string{taoxiName: "1004519", tradeloftName: "hearthwell-home"},
		authorised: map[string][]string{taoxiName: {"2405517", "3377801"}, tradeloftName: {"homeandhealth-co", "kitchen-corner"}},
	},
}

func brandByID(id string) *brandDef {
	for _, b := range brands {
		if b.id == id {
			return b
		}
	}
	return nil
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

var products = []*productDef{
	{
		sku: "SOL-SER-30", brand: "solenne", name: "Solenne Radiance Serum 30ml",
		aliases: []string{"素兰妮焕亮精华液", "焕亮精华液 30ml", "Solenne Brightening Serum"},
		price:   398, min: 358, currency: "CNY", image: "images/sol-ser-30.png",
		zhNames: []string{"焕亮精华液", "焕亮精华", "烟酰胺焕亮精华液", "焕亮精华露"}, zhSize: "30ml",
		zhKW: []string{"提亮肤色", "补水保湿", "淡化痘印", "烟酰胺", "收缩毛孔", "精华液女"}, zhType: "烟酰胺精华液",
		enNames: []string{"Radiance Serum", "Brightening Radiance Serum", "Radiance Face Serum"}, enSize: "30ml",
		enKW: []string{"Niacinamide", "Brightening", "Hydrating", "Face Serum for Dull Skin"}, enType: "Niacinamide Face Serum",
		shape: "dropper", body: rgb(232, 190, 120), accent: rgb(190, 60, 80), tamperable: true,
		zhAcc:        []string{"精华滴管替换头 适用于素兰妮焕亮精华 30ml瓶", "素兰妮精华分装瓶 5ml 滴管 旅行便携"},
		enAcc:        []string{"Replacement Dropper Pipettes fits Solenne Radiance Serum 30ml bottle (3 pack)", "Travel Dropper Bottles 5ml for Solenne serum decanting"},
		zhOther:      []string{"花西子", "珀莱雅", "自然堂", "薇诺娜"},
		enOther:      []string{"The Ordinary", "Naturium", "Good Molecules"},
		unitsLabelZH: "瓶", unitsLabelEN: "bottle", twoPackFactor: 1.9,
	},
	{
		sku: "SOL-DAY-50", brand: "solenne", name: "Solenne Hydra Day Cream 50g",
		aliases: []string{"素兰妮水润保湿日霜", "水润日霜 50g", "Solenne Day Cream"},
		price:   328, min: 295, currency: "CNY", image: "images/sol-day-50.png",
		zhNames: []string{"水润保湿日霜", "水润日霜", "保湿日霜面霜"}, zhSize: "50g",
		zhKW: []string{"补水保湿", "面霜", "滋润", "妆前", "清爽不油腻"}, zhType: "保湿面霜",
		enNames: []string{"Hydra Day Cream", "Hydra Moisturising Day Cream", "Day Cream"}, enSize: "50g",
		enKW: []string{"Moisturizer", "Hydrating", "Face Cream", "Daily"}, enType: "Hydrating Day Cream",
		shape: "jar", body: rgb(245, 245, 240), accent: rgb(90, 160, 210), variant: "DAY", tamperable: true,
		zhAcc:        []string{"面霜挖勺 适用素兰妮日霜晚霜 50g罐", "素兰妮面霜罐 替换内盖 50g"},
		enAcc:        []string{"Cream Spatula Set fits Solenne Hydra Day / Night Cream jars", "Replacement Inner Lid for Solenne 50g cream jar"},
		zhOther:      []string{"玉兰油", "百雀羚", "韩束"},
		enOther:      []string{"CeraVe", "Neutrogena", "Olay"},
		unitsLabelZH: "瓶", unitsLabelEN: "jar", twoPackFactor: 1.9,
	},
	{
		sku: "SOL-NGT-50", brand: "solenne", name: "Solenne Hydra Night Cream 50g",
		aliases: []string{"素兰妮水润修护晚霜", "水润晚霜 50g", "Solenne Night Cream"},
		price:   328, min: 295, currency: "CNY", image: "images/sol-ngt-50.png",
		zhNames: []string{"水润修护晚霜", "水润晚霜", "修护晚霜面霜"}, zhSize: "50g",
		zhKW: []string{"夜间修护", "补水保湿", "面霜", "滋润", "熬夜"}, zhType: "修护晚霜",
		enNames: []string{"Hydra Night Cream", "Hydra Overnight Repair Night Cream", "Night Cream"}, enSize: "50g",
		enKW: []string{"Overnight", "Repair", "Moisturizer", "Face Cream"}, enType: "Overnight Night Cream",
		shape: "jar", body: rgb(245, 245, 240), accent: rgb(60, 50, 120), variant: "NIGHT", tamperable: true,
		zhOther:      []string{"玉兰油", "欧诗漫", "丸美"},
		enOther:      []string{"CeraVe", "RoC", "Olay"},
		unitsLabelZH: "瓶", unitsLabelEN: "jar", twoPackFactor: 1.9,
	},
	{
		sku: "SOL-TON-150", brand: "solenne", name: "Solenne Balancing Toner 150ml",
		aliases: []string{"素兰妮平衡柔肤水", "柔肤水 150ml", "Solenne Toner"},
		price:   198, min: 178, currency: "CNY", image: "images/sol-ton-150.png",
		zhNames: []string{"平衡柔肤水", "平衡爽肤水", "柔肤水"}, zhSize: "150ml",
		zhKW: []string{"爽肤水", "化妆水", "补水", "控油", "二次清洁"}, zhType: "柔肤水",
		enNames: []string{"Balancing Toner", "Balancing Facial Toner"}, enSize: "150ml",
		enKW: []string{"Alcohol-Free", "Facial Toner", "pH Balancing"}, enType: "Balancing Facial Toner",
		shape: "tall", body: rgb(200, 225, 235), accent: rgb(190, 60, 80), tamperable: true,
		zhOther:      []string{"雅漾", "相宜本草", "自然堂"},
		enOther:      []string{"Thayers", "Pixi", "Klairs"},
		unitsLabelZH: "瓶", unitsLabelEN: "bottle", twoPackFactor: 1.9,
	},
	{
		sku: "SOL-MSK-5", brand: "solenne", name: "Solenne Aqua Sheet Mask 5pcs",
		aliases: []string{"素兰妮补水面膜", "水光补水面膜 5片", "Solenne Sheet Mask"},
		price:   128, min: 115, currency: "CNY", image: "images/sol-msk-5.png",
		zhNames: []string{"水光补水面膜", "补水面膜", "玻尿酸补水面膜"}, zhSize: "5片",
		zhKW: []string{"面膜贴", "保湿", "急救", "熬夜", "玻尿酸"}, zhType: "补水面膜",
		enNames: []string{"Aqua Sheet Mask", "Aqua Hydrating Sheet Mask"}, enSize: "5 pcs",
		enKW: []string{"Hyaluronic", "Sheet Masks", "Hydrating"}, enType: "Hydrating Sheet Mask",
		shape: "mask", body: rgb(120, 190, 230), accent: rgb(255, 255, 255), tamperable: true,
		zhOther:      []string{"美迪惠尔", "一叶子", "森田"},
		enOther:      []string{"Mediheal", "Dr. Jart+", "Garnier"},
		unitsLabelZH: "盒", unitsLabelEN: "box", twoPackFactor: 1.9,
	},
	{
		sku: "VNV-PRO-VAN", brand: "vitanova", name: "VitaNova Soy Protein Powder Vanilla 750g",
		aliases: []string{"维诺康大豆蛋白粉香草味", "大豆蛋白粉 香草味 750g", "VitaNova Protein Vanilla", "Soy Protein Powder Vanilla 750g"},
		price:   59.90, min: 53.90, currency: "USD", image: "images/vnv-pro-van.jpg",
		zhNames: []string{"大豆蛋白粉香草味", "大豆蛋白粉 香草味", "植物蛋白粉 香草口味"}, zhSize: "750g",
		zhKW: []string{"蛋白质粉", "增强免疫", "中老年", "营养粉", "代餐"}, zhType: "大豆蛋白粉 香草味",
		enNames: []string{"Soy Protein Powder Vanilla", "Soy Protein Powder, Vanilla", "Plant Protein Vanilla"}, enSize: "750g",
		enKW: []string{"Plant Based", "Non-GMO", "Meal Shake"}, enType: "Soy Protein Powder Vanilla",
		shape: "canister", body: rgb(250, 248, 240), accent: rgb(230, 200, 110), variant: "VANILLA", tamperable: true,
		zhAcc:        []string{"蛋白粉摇摇杯 适用维诺康蛋白粉 带刻度", "维诺康蛋白粉 量勺 替换勺 2个装"},
		enAcc:        []string{"Shaker Bottle 600ml for VitaNova Soy Protein", "Replacement Scoop for VitaNova protein canister"},
		zhOther:      []string{"汤臣倍健", "康恩贝", "善存"},
		enOther:      []string{"Orgain", "NOW Foods", "Nature's Bounty"},
		unitsLabelZH: "罐", unitsLabelEN: "tub", twoPackFactor: 1.9,
	},
	{
		sku: "VNV-PRO-CHO", brand: "vitanova", name: "VitaNova Soy Protein Powder Chocolate 750g",
		aliases: []string{"维诺康大豆蛋白粉巧克力味", "大豆蛋白粉 巧克力味 750g", "VitaNova Protein Chocolate", "Soy Protein Powder Chocolate 750g"},
		price:   59.90, min: 53.90, currency: "USD", image: "images/vnv-pro-cho.jpg",
		zhNames: []string{"大豆蛋白粉巧克力味", "大豆蛋白粉 巧克力味", "植物蛋白粉 巧克力口味"}, zhSize: "750g",
		zhKW: []string{"蛋白质粉", "健身", "营养粉", "代餐", "增强体质"}, zhType: "大豆蛋白粉 巧克力味",
		enNames: []string{"Soy Protein Powder Chocolate", "Soy Protein Powder, Chocolate", "Plant Protein Chocolate"}, enSize: "750g",
		enKW: []string{"Plant Based", "Non-GMO", "Meal Shake"}, enType: "Soy Protein Powder Chocolate",
		shape: "canister", body: rgb(250, 248, 240), accent: rgb(110, 70, 45), variant: "CHOCOLATE", tamperable: true,
		zhOther:      []string{"汤臣倍健", "诺特兰德", "康比特"},
		enOther:      []string{"Orgain", "Vega", "Garden of Life"},
		unitsLabelZH: "罐", unitsLabelEN: "tub", twoPackFactor: 1.9,
	},
	{
		sku: "VNV-FO-120", brand: "vitanova", name: "VitaNova Omega-3 Fish Oil 120 Softgels",
		aliases: []string{"维诺康深海鱼油软胶囊", "深海鱼油 120粒", "VitaNova Fish Oil", "Omega-3 Fish Oil 120 Softgels"},
		price:   39.90, min: 35.90, currency: "USD", image: "images/vnv-fo-120.jpg",
		zhNames: []string{"深海鱼油软胶囊", "深海鱼油", "欧米伽3鱼油软胶囊"}, zhSize: "120粒",
		zhKW: []string{"中老年", "omega3", "DHA EPA", "保健品"}, zhType: "深海鱼油软胶囊",
		enNames: []string{"Omega-3 Fish Oil", "Omega-3 Fish Oil Softgels"}, enSize: "120 Softgels",
		enKW: []string{"EPA DHA", "Heart Health", "Burpless"}, enType: "Omega-3 Fish Oil Softgels",
		shape: "pillbottle", body: rgb(240, 200, 60), accent: rgb(20, 90, 160), tamperable: true,
		zhOther:      []string{"汤臣倍健", "斯维诗", "GNC"},
		enOther:      []string{"Nordic Naturals", "Nature Made", "Kirkland"},
		unitsLabelZH: "瓶", unitsLabelEN: "bottle", twoPackFactor: 1.9,
	},
	{
		sku: "VNV-VC-100", brand: "vitanova", name: "VitaNova Vitamin C Chewable 100 Tablets",
		aliases: []string{"维诺康维生素C咀嚼片", "维生素C咀嚼片 100片", "VitaNova Vitamin C"},
		price:   19.90, min: 17.90, currency: "USD", image: "images/vnv-vc-100.jpg",
		zhNames: []string{"维生素C咀嚼片", "VC咀嚼片", "维C咀嚼片"}, zhSize: "100片",
		zhKW: []string{"甜橙味", "儿童成人", "补充维C", "保健品"}, zhType: "维生素C咀嚼片",
		enNames: []string{"Vitamin C Chewable", "Vitamin C Chewable Tablets"}, enSize: "100 Tablets",
		enKW: []string{"Orange Flavor", "Immune Support", "500mg"}, enType: "Vitamin C Chewable Tablets",
		shape: "pillbottle", body: rgb(250, 140, 30), accent: rgb(255, 255, 255), tamperable: true,
		zhOther:      []string{"养生堂", "汤臣倍健", "修正"},
		enOther:      []string{"Nature's Way", "Nature Made", "21st Century"},
		unitsLabelZH: "瓶", unitsLabelEN: "bottle", twoPackFactor: 1.9,
	},
	{
		sku: "VNV-PB-30", brand: "vitanova", name: "VitaNova Probiotic Powder 30 Sachets",
		aliases: []string{"维诺康益生菌固体饮料", "益生菌 30袋", "VitaNova Probiotic"},
		price:   45.00, min: 40.50, currency: "USD", image: "images/vnv-pb-30.jpg",
		zhNames: []string{"益生菌固体饮料", "益生菌粉", "益生菌冻干粉"}, zhSize: "30袋",
		zhKW: []string{"肠胃", "成人儿童", "调理", "冻干粉"}, zhType: "益生菌固体饮料",
		enNames: []string{"Probiotic Powder", "Probiotic Powder Sachets"}, enSize: "30 Sachets",
		enKW: []string{"Gut Health", "10 Billion CFU", "Digestive"}, enType: "Probiotic Powder Sachets",
		shape: "box", body: rgb(120, 200, 140), accent: rgb(255, 255, 255), tamperable: true,
		zhOther:      []string{"合生元", "汤臣倍健", "江中"},
		enOther:      []string{"Culturelle", "Align", "Garden of Life"},
		unitsLabelZH: "盒", unitsLabelEN: "box", twoPackFactor: 1.9,
	},
	{
		sku: "HW-DISH-1L", brand: "hearthwell", name: "Hearthwell Concentrated Dish Liquid 1L",
		aliases: []string{"禾泽家浓缩洗洁精", "浓缩洗洁精 1L", "Hearthwell Dish Liquid", "Concentrated Dish Liquid 1L"},
		price:   69, min: 62, currency: "CNY", image: "images/hw-dish-1l.jpg",
		zhNames: []string{"浓缩洗洁精", "洗洁精 浓缩型", "浓缩餐具洗洁精"}, zhSize: "1L",
		zhKW: []string{"不伤手", "去油", "食品级", "家用", "果蔬可洗"}, zhType: "浓缩洗洁精",
		enNames: []string{"Concentrated Dish Liquid", "Dish Liquid Concentrate", "Dishwashing Liquid"}, enSize: "1L",
		enKW: []string{"Grease Cutting", "Gentle on Hands", "Plant Based"}, enType: "Concentrated Dish Soap",
		shape: "squeeze", body: rgb(150, 210, 90), accent: rgb(30, 110, 60), tamperable: true,
		zhAcc:        []string{"洗洁精按压泵头 适用禾泽家1L瓶", "禾泽家洗洁精 替换按压头 2只"},
		enAcc:        []string{"Pump Dispenser fits Hearthwell 1L dish liquid bottle", "Glass Soap Dispenser for Hearthwell refills"},
		zhOther:      []string{"立白", "白猫", "超能"},
		enOther:      []string{"Dawn", "Method", "Seventh Generation"},
		unitsLabelZH: "瓶", unitsLabelEN: "bottle", twoPackFactor: 1.9,
	},
	{
		sku: "HW-LAU-LAV", brand: "hearthwell", name: "Hearthwell Laundry Liquid Lavender 2L",
		aliases: []string{"禾泽家洗衣液薰衣草香", "洗衣液 薰衣草 2L", "Hearthwell Laundry Lavender"},
		price:   89, min: 80, currency: "CNY", image: "images/hw-lau-lav.jpg",
		zhNames: []string{"洗衣液 薰衣草香", "薰衣草洗衣液", "深层洁净洗衣液 薰衣草"}, zhSize: "2L",
		zhKW: []string{"持久留香", "低泡易漂", "家庭装", "机洗手洗"}, zhType: "洗衣液 薰衣草香",
		enNames: []string{"Laundry Liquid Lavender", "Laundry Detergent, Lavender", "Lavender Laundry Liquid"}, enSize: "2L",
		enKW: []string{"HE Compatible", "Long Lasting Scent", "Concentrated"}, enType: "Laundry Detergent Lavender",
		shape: "jug", body: rgb(170, 140, 210), accent: rgb(90, 60, 150), variant: "LAVENDER", tamperable: true,
		zhAcc:        []string{"洗衣液分装瓶 适用禾泽家2L 按压式", "禾泽家洗衣液 量杯 替换盖"},
		enAcc:        []string{"Measuring Cap Replacement for Hearthwell 2L laundry jug", "Laundry Detergent Dispenser Pump fits Hearthwell 2L"},
		zhOther:      []string{"蓝月亮", "奥妙", "超能"},
		enOther:      []string{"Tide", "Persil", "Gain"},
		unitsLabelZH: "瓶", unitsLabelEN: "jug", twoPackFactor: 1.9,
	},
	{
		sku: "HW-LAU-FRS", brand: "hearthwell", name: "Hearthwell Laundry Liquid Fresh Linen 2L",
		aliases: []string{"禾泽家洗衣液清新棉香", "洗衣液 清新棉香 2L", "Hearthwell Laundry Fresh Linen"},
		price:   89, min: 80, currency: "CNY", image: "images/hw-lau-frs.jpg",
		zhNames: []string{"洗衣液 清新棉香", "清新棉香洗衣液", "深层洁净洗衣液 棉香"}, zhSize: "2L",
		zhKW: []string{"持久留香", "低泡易漂", "家庭装", "婴儿衣物可用"}, zhType: "洗衣液 清新棉香",
		enNames: []string{"Laundry Liquid Fresh Linen", "Laundry Detergent, Fresh Linen", "Fresh Linen Laundry Liquid"}, enSize: "2L",
		enKW: []string{"HE Compatible", "Long Lasting Scent", "Concentrated"}, enType: "Laundry Detergent Fresh Linen",
		shape: "jug", body: rgb(150, 200, 235), accent: rgb(40, 110, 180), variant: "FRESH", tamperable: true,
		zhOther:      []string{"蓝月亮", "立白", "奥妙"},
		enOther:      []string{"Tide", "Arm & Hammer", "Persil"},
		unitsLabelZH: "瓶", unitsLabelEN: "jug", twoPackFactor: 1.9,
	},
	{
		sku: "HW-SPR-500", brand: "hearthwell", name: "Hearthwell Multi-Surface Cleaner 500ml",
		aliases: []string{"禾泽家多功能清洁喷雾", "多功能清洁剂 500ml", "Hearthwell Surface Spray"},
		price:   59, min: 53, currency: "CNY", image: "images/hw-spr-500.jpg",
		zhNames: []string{"多功能清洁喷雾", "多功能清洁剂", "厨房多用途清洁喷雾"}, zhSize: "500ml",
		zhKW: []string{"去油污", "厨房", "浴室", "免过水"}, zhType: "多功能清洁喷雾",
		enNames: []string{"Multi-Surface Cleaner", "Multi-Surface Cleaning Spray", "All Purpose Cleaner"}, enSize: "500ml",
		enKW: []string{"Streak Free", "Kitchen & Bath", "Spray"}, enType: "Multi-Surface Cleaner Spray",
		shape: "spray", body: rgb(240, 240, 245), accent: rgb(230, 120, 40), tamperable: true,
		zhAcc:        []string{"喷头替换 适用禾泽家500ml清洁喷雾瓶"},
		enAcc:        []string{"Replacement Trigger Sprayer fits Hearthwell 500ml bottle (2 pack)"},
		zhOther:      []string{"威猛先生", "巴斯克林", "花王"},
		enOther:      []string{"Mrs. Meyer's", "Lysol", "Method"},
		unitsLabelZH: "瓶", unitsLabelEN: "bottle", twoPackFactor: 1.9,
	},
	{
		sku: "HW-WOK-32", brand: "hearthwell", name: "Hearthwell Ceramic Non-Stick Wok 32cm",
		aliases: []string{"禾泽家陶瓷不粘炒锅", "不粘炒锅 32cm", "Hearthwell Wok"},
		price:   699, min: 629, currency: "CNY", image: "images/hw-wok-32.jpg",
		zhNames: []string{"陶瓷不粘炒锅", "不粘炒锅", "陶瓷涂层炒锅"}, zhSize: "32cm",
		zhKW: []string{"家用", "燃气电磁炉通用", "少油烟", "平底"}, zhType: "不粘炒锅",
		enNames: []string{"Ceramic Non-Stick Wok", "Ceramic Nonstick Wok", "Non-Stick Wok"}, enSize: "32cm",
		enKW: []string{"Induction Ready", "PFOA Free", "with Lid"}, enType: "Ceramic Nonstick Wok",
		shape: "wok", body: rgb(60, 60, 65), accent: rgb(200, 80, 40),
		zhAcc:        []string{"32cm锅盖 钢化玻璃 适用禾泽家不粘炒锅", "硅胶锅铲 不伤锅 适用禾泽家陶瓷锅"},
		enAcc:        []string{"Tempered Glass Lid 32cm fits Hearthwell Ceramic Wok", "Silicone Spatula Set safe for Hearthwell ceramic wok"},
		zhOther:      []string{"苏泊尔", "爱仕达", "炊大皇"},
		enOther:      []string{"GreenPan", "T-fal", "Calphalon"},
		unitsLabelZH: "口", unitsLabelEN: "wok", twoPackFactor: 0,
	},
}

func productBySKU(sku string) *productDef {
	for _, p := range products {
		if p.sku == sku {
			return p
		}
	}
	return nil
}

func brandProducts(id string) []*productDef {
	var out []*productDef
	for _, p := range products {
		if p.brand == id {
			out = append(out, p)
		}
	}
	return out
}

// fx is the analyst's fixed conversion to CNY (README: what counts as the price).
var fx = map[string]float64{"CNY": 1, "USD": 7.20, "EUR": 7.80, "GBP": 9.10, "CAD": 5.30}

// convert turns an amount from one currency into another at the fixed rates.
func convert(v float64, from, to string) float64 { return v * fx[from] / fx[to] }

// defaultQueries are the queries the SPEC says a scan uses by default: the
// brand's names and the product names and aliases.
func defaultQueries() []string {
	var qs []string
	seen := map[string]bool{}
	add := func(q string) {
		if !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	for _, b := range brands {
		add(b.name)
		for _, a := range b.aliases {
			add(a)
		}
		for _, p := range brandProducts(b.id) {
			add(p.name)
			for _, a := range p.aliases {
				add(a)
			}
		}
	}
	return qs
}
