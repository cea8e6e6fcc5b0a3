package world9

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing/fstest"
)

// Site names.
const (
	siteCN = "jinmao"
	siteEN = "bazaarly"
)

// rateCNY converts a unit of a currency into CNY (README: reference rates).
var rateCNY = map[string]float64{"CNY": 1, "USD": 7.20, "EUR": 7.80, "GBP": 9.10}

// product is one catalogue product plus what the generator needs to write
// listings about it.
type product struct {
	SKU      string
	Name     string
	Aliases  []string
	Price    float64
	Min      float64
	Currency string

	brand *brand
	shape string // tub, bottle, jar, tube, box, pan, cartridge, jug
	tone  [3]uint8
	// Chinese title parts
	zhType, zhVar, zhSize string
	zhPoints              []string
	// English title parts
	enType, enVar, enSize string
	enPoints              []string
	attrs                 [][2]string // extra attributes shown on jinmao
}

type sellerRef struct{ Site, ID string }

type brand struct {
	ID, Name   string
	Aliases    []string
	Official   []sellerRef
	Authorised []sellerRef
	Defamation []string
	Products   []*product

	zh, en string // the brand word as written on each site
	color  [3]uint8
	file   string
}

func (p *product) image() string { return "images/" + strings.ToLower(p.SKU) + ".png" }

// listPrice converts the list price and floor into currency cur.
func (p *product) in(cur string, v float64) float64 { return v * rateCNY[p.Currency] / rateCNY[cur] }

func buildBrands() []*brand {
	vlx := &brand{ID: "vitaluxe", Name: "VitaLuxe Nutrition", Aliases: []string{"维乐思", "VITALUXE", "維樂思"},
		Defamation: []string{"传销骗局", "重金属超标"}, zh: "维乐思", en: "VitaLuxe", color: [3]uint8{22, 120, 74}, file: "vitaluxe.yaml"}
	lum := &brand{ID: "lumiel", Name: "Lumiel Skin Science", Aliases: []string{"露米尔", "LUMIEL", "露米爾"},
		Defamation: []string{"含激素", "烂脸"}, zh: "露米尔", en: "Lumiel", color: [3]uint8{196, 112, 150}, file: "lumiel.json"}
	cas := &brand{ID: "casaclara", Name: "CasaClara Home", Aliases: []string{"嘉澜", "CASACLARA", "Casa Clara", "嘉瀾"},
		Defamation: []string{"致癌"}, zh: "嘉澜", en: "CasaClara", color: [3]uint8{40, 110, 190}, file: "casaclara.csv"}

	add := func(b *brand, p *product) { p.brand = b; b.Products = append(b.Products, p) }
	// VitaLuxe: supplements, CNY
	add(vlx, &product{SKU: "VLX-WHEY-VAN-400", Name: "VitaLuxe Whey Protein Powder Vanilla 400g",
		Aliases: []string{"维乐思乳清蛋白粉香草味400g", "维乐思蛋白粉 香草味", "VitaLuxe vanilla protein"}, Price: 368, Min: 328, Currency: "CNY",
		shape: "tub", tone: [3]uint8{238, 222, 170}, zhType: "乳清蛋白粉", zhVar: "香草味", zhSize: "400g",
		zhPoints: []string{"增肌", "健身", "蛋白质粉", "营养粉", "中老年", "增强免疫"},
		enType:   "Whey Protein Powder", enVar: "Vanilla", enSize: "400g", enPoints: []string{"Muscle Recovery", "Gym", "Sports Nutrition"},
		attrs: [][2]string{{"口味", "香草味"}, {"净含量", "400g"}, {"保质期", "540天"}, {"适用人群", "成人"}}})
	add(vlx, &product{SKU: "VLX-WHEY-CHO-400", Name: "VitaLuxe Whey Protein Powder Chocolate 400g",
		Aliases: []string{"维乐思乳清蛋白粉巧克力味400g", "维乐思蛋白粉 巧克力味", "VitaLuxe chocolate protein"}, Price: 368, Min: 328, Currency: "CNY",
		shape: "tub", tone: [3]uint8{110, 70, 45}, zhType: "乳清蛋白粉", zhVar: "巧克力味", zhSize: "400g",
		zhPoints: []string{"增肌", "健身", "蛋白质粉", "营养粉", "学生", "增强免疫"},
		enType:   "Whey Protein Powder", enVar: "Chocolate", enSize: "400g", enPoints: []string{"Muscle Recovery", "Gym", "Sports Nutrition"},
		attrs: [][2]string{{"口味", "巧克力味"}, {"净含量", "400g"}, {"保质期", "540天"}, {"适用人群", "成人"}}})
	add(vlx, &product{SKU: "VLX-OMEGA-120", Name: "VitaLuxe Deep Sea Fish Oil Omega-3 120 Softgels",
		Aliases: []string{"维乐思深海鱼油软胶囊120粒", "维乐思鱼油", "VitaLuxe fish oil"}, Price: 298, Min: 268, Currency: "CNY",
		shape: "bottle", tone: [3]uint8{235, 170, 40}, zhType: "深海鱼油软胶囊", zhVar: "", zhSize: "120粒",
		zhPoints: []string{"欧米伽3", "中老年", "DHA", "EPA", "呵护心脑"},
		enType:   "Deep Sea Fish Oil Omega-3", enVar: "", enSize: "120 Softgels", enPoints: []string{"Heart Health", "EPA DHA", "Triple Strength"},
		attrs: [][2]string{{"规格", "1000mg*120粒"}, {"保质期", "24个月"}, {"批准文号", "国食健注G2019xxxx"}}})
	add(vlx, &product{SKU: "VLX-MULTI-M-90", Name: "VitaLuxe Daily Multivitamin Men 90 Tablets",
		Aliases: []string{"维乐思男士复合维生素90片", "维乐思男士多维", "VitaLuxe men's multivitamin"}, Price: 218, Min: 196, Currency: "CNY",
		shape: "bottle", tone: [3]uint8{40, 80, 150}, zhType: "复合维生素", zhVar: "男士", zhSize: "90片",
		zhPoints: []string{"多种维生素矿物质", "男性", "精力", "熬夜"},
		enType:   "Daily Multivitamin", enVar: "Men", enSize: "90 Tablets", enPoints: []string{"Energy", "Immune Support", "Once Daily"},
		attrs: [][2]string{{"规格", "1.2g*90片"}, {"适用人群", "成年男性"}, {"保质期", "24个月"}}})
	add(vlx, &product{SKU: "VLX-MULTI-W-90", Name: "VitaLuxe Daily Multivitamin Women 90 Tablets",
		Aliases: []string{"维乐思女士复合维生素90片", "维乐思女士多维", "VitaLuxe women's multivitamin"}, Price: 218, Min: 196, Currency: "CNY",
		shape: "bottle", tone: [3]uint8{200, 60, 110}, zhType: "复合维生素", zhVar: "女士", zhSize: "90片",
		zhPoints: []string{"多种维生素矿物质", "女性", "气色", "铁 叶酸"},
		enType:   "Daily Multivitamin", enVar: "Women", enSize: "90 Tablets", enPoints: []string{"Iron & Folate", "Immune Support", "Once Daily"},
		attrs: [][2]string{{"规格", "1.2g*90片"}, {"适用人群", "成年女性"}, {"保质期", "24个月"}}})
	add(vlx, &product{SKU: "VLX-PROBIO-30", Name: "VitaLuxe Probiotic Powder 30 Sachets",
		Aliases: []string{"维乐思益生菌粉30袋", "维乐思益生菌", "VitaLuxe probiotics"}, Price: 258, Min: 232, Currency: "CNY",
		shape: "box", tone: [3]uint8{120, 190, 90}, zhType: "益生菌粉", zhVar: "", zhSize: "30袋",
		zhPoints: []string{"肠胃", "冻干粉", "成人儿童", "调理"},
		enType:   "Probiotic Powder", enVar: "", enSize: "30 Sachets", enPoints: []string{"Gut Health", "50 Billion CFU", "Freeze-Dried"},
		attrs: [][2]string{{"规格", "2g*30袋"}, {"保质期", "18个月"}}})

	// Lumiel: skincare, CNY
	add(lum, &product{SKU: "LUM-SERUM-30", Name: "Lumiel Repair Essence Serum 30ml",
		Aliases: []string{"露米尔修护精华液30ml", "露米尔精华", "Lumiel repair serum"}, Price: 458, Min: 412, Currency: "CNY",
		shape: "bottle", tone: [3]uint8{250, 205, 150}, zhType: "修护精华液", zhVar: "", zhSize: "30ml",
		zhPoints: []string{"补水保湿", "修护屏障", "提亮", "敏感肌"},
		enType:   "Repair Essence Serum", enVar: "", enSize: "30ml", enPoints: []string{"Barrier Repair", "Hydrating", "Sensitive Skin"},
		attrs: [][2]string{{"净含量", "30ml"}, {"功效", "修护 保湿"}, {"适合肤质", "任何肤质"}}})
	add(lum, &product{SKU: "LUM-CRM-HYD-50", Name: "Lumiel Hydra Cream 50g",
		Aliases: []string{"露米尔水润保湿面霜50g", "露米尔水润面霜", "Lumiel hydrating cream"}, Price: 388, Min: 349, Currency: "CNY",
		shape: "jar", tone: [3]uint8{120, 190, 230}, zhType: "保湿面霜", zhVar: "水润", zhSize: "50g",
		zhPoints: []string{"补水", "保湿", "干皮", "秋冬"},
		enType:   "Cream", enVar: "Hydra", enSize: "50g", enPoints: []string{"Moisturizer", "Dry Skin", "24h Hydration"},
		attrs: [][2]string{{"净含量", "50g"}, {"功效", "补水 保湿"}, {"适合肤质", "干性及混合性"}}})
	add(lum, &product{SKU: "LUM-CRM-FIR-50", Name: "Lumiel Firming Cream 50g",
		Aliases: []string{"露米尔紧致抗皱面霜50g", "露米尔紧致面霜", "Lumiel firming cream"}, Price: 388, Min: 349, Currency: "CNY",
		shape: "jar", tone: [3]uint8{210, 170, 90}, zhType: "抗皱面霜", zhVar: "紧致", zhSize: "50g",
		zhPoints: []string{"淡纹", "紧致", "抗初老", "胶原"},
		enType:   "Cream", enVar: "Firming", enSize: "50g", enPoints: []string{"Anti-Wrinkle", "Lifting", "Peptides"},
		attrs: [][2]string{{"净含量", "50g"}, {"功效", "紧致 抗皱"}, {"适合肤质", "任何肤质"}}})
	add(lum, &product{SKU: "LUM-CLEANS-120", Name: "Lumiel Amino Acid Cleanser 120ml",
		Aliases: []string{"露米尔氨基酸洁面乳120ml", "露米尔洗面奶", "Lumiel cleanser"}, Price: 168, Min: 149, Currency: "CNY",
		shape: "tube", tone: [3]uint8{170, 220, 200}, zhType: "氨基酸洁面乳", zhVar: "", zhSize: "120ml",
		zhPoints: []string{"温和", "深层清洁", "控油", "男女"},
		enType:   "Amino Acid Cleanser", enVar: "", enSize: "120ml", enPoints: []string{"Gentle", "Low pH", "Daily Face Wash"},
		attrs: [][2]string{{"净含量", "120ml"}, {"功效", "清洁"}}})
	add(lum, &product{SKU: "LUM-SUN-50", Name: "Lumiel Daily Sunscreen SPF50 50ml",
		Aliases: []string{"露米尔清透防晒霜SPF50 50ml", "露米尔防晒", "Lumiel sunscreen"}, Price: 228, Min: 205, Currency: "CNY",
		shape: "tube", tone: [3]uint8{250, 230, 90}, zhType: "清透防晒霜", zhVar: "SPF50", zhSize: "50ml",
		zhPoints: []string{"防晒隔离", "清爽不油腻", "军训", "PA++++"},
		enType:   "Daily Sunscreen", enVar: "SPF50", enSize: "50ml", enPoints: []string{"PA++++", "No White Cast", "Lightweight"},
		attrs: [][2]string{{"净含量", "50ml"}, {"防晒指数", "SPF50 PA++++"}}})

	// CasaClara: home care and kitchen, USD
	add(cas, &product{SKU: "CC-DISH-1L", Name: "CasaClara Concentrated Dish Liquid 1L",
		Aliases: []string{"嘉澜浓缩洗洁精1L", "嘉澜洗洁精", "Casa Clara dish soap"}, Price: 18.90, Min: 16.90, Currency: "USD",
		shape: "jug", tone: [3]uint8{120, 200, 90}, zhType: "浓缩洗洁精", zhVar: "", zhSize: "1L",
		zhPoints: []string{"果蔬清洗", "去油", "家用", "食品级"},
		enType:   "Concentrated Dish Liquid", enVar: "", enSize: "1L", enPoints: []string{"Plant-Based", "Grease Cutting", "Refill"},
		attrs: [][2]string{{"净含量", "1L"}, {"香型", "青柠"}}})
	add(cas, &product{SKU: "CC-LAUN-LAV-2L", Name: "CasaClara Laundry Concentrate Lavender 2L",
		Aliases: []string{"嘉澜浓缩洗衣液薰衣草2L", "嘉澜洗衣液 薰衣草", "CasaClara lavender laundry"}, Price: 32.00, Min: 28.50, Currency: "USD",
		shape: "jug", tone: [3]uint8{150, 120, 210}, zhType: "浓缩洗衣液", zhVar: "薰衣草", zhSize: "2L",
		zhPoints: []string{"留香", "低泡", "机洗手洗", "除菌"},
		enType:   "Laundry Concentrate", enVar: "Lavender", enSize: "2L", enPoints: []string{"HE Compatible", "64 Loads", "Long-Lasting Scent"},
		attrs: [][2]string{{"净含量", "2L"}, {"香型", "薰衣草"}}})
	add(cas, &product{SKU: "CC-LAUN-FF-2L", Name: "CasaClara Laundry Concentrate Fragrance-Free 2L",
		Aliases: []string{"嘉澜浓缩洗衣液无香型2L", "嘉澜洗衣液 无香", "CasaClara fragrance free laundry"}, Price: 32.00, Min: 28.50, Currency: "USD",
		shape: "jug", tone: [3]uint8{235, 235, 235}, zhType: "浓缩洗衣液", zhVar: "无香型", zhSize: "2L",
		zhPoints: []string{"婴儿可用", "低泡", "机洗手洗", "敏感肌"},
		enType:   "Laundry Concentrate", enVar: "Fragrance-Free", enSize: "2L", enPoints: []string{"HE Compatible", "64 Loads", "Sensitive Skin"},
		attrs: [][2]string{{"净含量", "2L"}, {"香型", "无香"}}})
	add(cas, &product{SKU: "CC-PAN-28", Name: "CasaClara Ceramic Non-Stick Frying Pan 28cm",
		Aliases: []string{"嘉澜陶瓷不粘煎锅28cm", "嘉澜不粘锅", "CasaClara frying pan"}, Price: 129.00, Min: 115.00, Currency: "USD",
		shape: "pan", tone: [3]uint8{60, 60, 64}, zhType: "陶瓷不粘煎锅", zhVar: "", zhSize: "28cm",
		zhPoints: []string{"少油烟", "电磁炉燃气通用", "平底锅", "煎蛋牛排"},
		enType:   "Ceramic Non-Stick Frying Pan", enVar: "", enSize: "28cm", enPoints: []string{"PFAS-Free", "Induction Ready", "Oven Safe"},
		attrs: [][2]string{{"直径", "28cm"}, {"材质", "铝合金 陶瓷涂层"}, {"适用炉灶", "通用"}}})
	add(cas, &product{SKU: "CC-FILTER-3", Name: "CasaClara Water Pitcher Filter Cartridge 3-Pack",
		Aliases: []string{"嘉澜净水壶滤芯3支装", "嘉澜滤芯", "CasaClara filter cartridge"}, Price: 39.90, Min: 35.90, Currency: "USD",
		shape: "cartridge", tone: [3]uint8{230, 240, 250}, zhType: "净水壶滤芯", zhVar: "", zhSize: "3支装",
		zhPoints: []string{"除水垢", "过滤余氯", "家用", "原装"},
		enType:   "Water Pitcher Filter Cartridge", enVar: "", enSize: "3-Pack", enPoints: []string{"Reduces Chlorine", "2 Month Life", "BPA-Free"},
		attrs: [][2]string{{"规格", "3支装"}, {"使用寿命", "约2个月/支"}}})
	return []*brand{vlx, lum, cas}
}

// catalogFiles renders the catalogue: one brand in YAML, one in JSON, one in CSV.
func catalogFiles(brands []*brand) fstest.MapFS {
	m := fstest.MapFS{}
	for _, b := range brands {
		var data []byte
		switch {
		case strings.HasSuffix(b.file, ".yaml"):
			data = catalogYAML(b)
		case strings.HasSuffix(b.file, ".json"):
			data = catalogJSON(b)
		default:
			data = catalogCSV(b)
		}
		m[b.file] = &fstest.MapFile{Data: data, Mode: 0o644}
		for _, p := range b.Products {
			m[p.image()] = &fstest.MapFile{Data: encodePNG(officialImage(p)), Mode: 0o644}
		}
	}
	return m
}

func yq(s string) string { b, _ := json.Marshal(s); return string(b) }

func yList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = yq(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func money(v float64) string { return fmt.Sprintf("%.2f", v) }

func catalogYAML(b *brand) []byte {
	var w bytes.Buffer
	fmt.Fprintf(&w, "# %s catalogue, maintained by the brand protection team\nbrand:\n", b.Name)
	fmt.Fprintf(&w, "  id: %s\n  name: %s\n  aliases: %s\n", b.ID, yq(b.Name), yList(b.Aliases))
	fmt.Fprintf(&w, "  official_sellers:\n")
	for _, s := range b.Official {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", s.Site, yq(s.ID))
	}
	fmt.Fprintf(&w, "  authorized_sellers:\n")
	for _, s := range b.Authorised {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", s.Site, yq(s.ID))
	}
	fmt.Fprintf(&w, "  defamation_terms: %s\nproducts:\n", yList(b.Defamation))
	for _, p := range b.Products {
		fmt.Fprintf(&w, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %s\n    min_price: %s\n    currency: %s\n    images: [%s]\n",
			p.SKU, yq(p.Name), yList(p.Aliases), money(p.Price), money(p.Min), p.Currency, p.image())
	}
	return w.Bytes()
}

type jsonSeller struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
}

func catalogJSON(b *brand) []byte {
	type jp struct {
		SKU      string   `json:"sku"`
		Name     string   `json:"name"`
		Aliases  []string `json:"aliases"`
		Price    float64  `json:"price"`
		MinPrice float64  `json:"min_price"`
		Currency string   `json:"currency"`
		Images   []string `json:"images"`
	}
	type jb struct {
		ID         string       `json:"id"`
		Name       string       `json:"name"`
		Aliases    []string     `json:"aliases"`
		Official   []jsonSeller `json:"official_sellers"`
		Authorised []jsonSeller `json:"authorized_sellers"`
		Defamation []string     `json:"defamation_terms"`
	}
	out := struct {
		Brand    jb   `json:"brand"`
		Products []jp `json:"products"`
	}{Brand: jb{ID: b.ID, Name: b.Name, Aliases: b.Aliases, Defamation: b.Defamation}}
	for _, s := range b.Official {
		out.Brand.Official = append(out.Brand.Official, jsonSeller{s.Site, s.ID})
	}
	for _, s := range b.Authorised {
		out.Brand.Authorised = append(out.Brand.Authorised, jsonSeller{s.Site, s.ID})
	}
	for _, p := range b.Products {
		out.Products = append(out.Products, jp{p.SKU, p.Name, p.Aliases, p.Price, p.Min, p.Currency, []string{p.image()}})
	}
	data, _ := json.MarshalIndent(out, "", "  ")
	return append(data, '\n')
}

// csvHeader is the CSV layout: the YAML keys flattened, one product a row,
// brand columns repeated on every row, lists joined with "|" and sellers
// written site:seller_id.
var csvHeader = []string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
	"sku", "name", "aliases", "price", "min_price", "currency", "images"}

func catalogCSV(b *brand) []byte {
	var w bytes.Buffer
	cw := csv.NewWriter(&w)
	sellers := func(ss []sellerRef) string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = s.Site + ":" + s.ID
		}
		return strings.Join(out, "|")
	}
	_ = cw.Write(csvHeader)
	for _, p := range b.Products {
		_ = cw.Write([]string{b.ID, b.Name, strings.Join(b.Aliases, "|"), sellers(b.Official), sellers(b.Authorised),
			strings.Join(b.Defamation, "|"), p.SKU, p.Name, strings.Join(p.Aliases, "|"), money(p.Price), money(p.Min), p.Currency, p.image()})
	}
	cw.Flush()
	return w.Bytes()
}

var _ fs.FS = fstest.MapFS{}
