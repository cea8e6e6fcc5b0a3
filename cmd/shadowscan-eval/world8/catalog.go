package world8

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/color"
	"io/fs"
	"strings"
	"sync"
	"testing/fstest"
)

type sellerRef struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
}

type brand struct {
	ID         string
	Name       string
	Aliases    []string
	Official   []sellerRef
	Authorized []sellerRef
	Defamation []string
	Currency   string
	file       string // catalogue file name
	mark       int
}

type product struct {
	Brand    string
	SKU      string
	Name     string
	Aliases  []string
	Price    float64
	Min      float64
	Currency string
	look     look

	base    string // the product name without its line word, e.g. "Velmora Daily Shake 750g"
	line    string // the line word of a near-twin ("Vanilla", "Gold Line", ...); "" when none
	twin    string // sku of the near-twin
	kind    string // item specifics "Type"
	size    string // item specifics "Size"
	noun    string // generic noun used by generic sellers, e.g. "meal replacement shake"
	made    string // country of manufacture
	imgName string
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

var brands = []*brand{
	{
		ID: "velmora", Name: "Velmora Nutrition",
		Aliases:    []string{"薇摩拉", "VELMORA", "Velmora Life", "薇摩拉营养"},
		Official:   []sellerRef{{"bidbay", "velmora-official-store"}},
		Authorized: []sellerRef{{"bidbay", "nutriwell-distribution"}, {"bidbay", "healthhub_direct_us"}, {"bidbay", "vitalife-member-shop"}, {"craftly", "TheWellnessCupboard"}},
		Defamation: []string{"pyramid scam", "Velmora cult", "传销骗局", "薇摩拉骗局"},
		Currency:   "USD", file: "velmora.yaml", mark: 1,
	},
	{
		ID: "quillon", Name: "Quillon Skin Lab",
		Aliases:    []string{"珂琅", "QUILLON", "Quillon Skin", "珂琅护肤"},
		Official:   []sellerRef{{"bidbay", "quillon_official_uk"}, {"craftly", "QuillonStudioOfficial"}},
		Authorized: []sellerRef{{"bidbay", "glowroom-beauty"}, {"bidbay", "skinstop_uk"}},
		Defamation: []string{"Quillon burns skin", "珂琅毁脸", "toxic Quillon"},
		Currency:   "GBP", file: "quillon.json", mark: 2,
	},
	{
		ID: "brenhaven", Name: "Brenhaven Home",
		Aliases:    []string{"BRENHAVEN", "Brenhaven Home Care"},
		Official:   []sellerRef{{"bidbay", "brenhaven-home-official"}},
		Authorized: []sellerRef{{"bidbay", "cleanliving_au"}, {"bidbay", "homecare-depot-au"}, {"craftly", "HavenHomeGoods"}},
		Defamation: []string{"Brenhaven poison", "Brenhaven scam"},
		Currency:   "AUD", file: "brenhaven.csv", mark: 3,
	},
}

const (
	shTub = iota
	shBottle
	shDropper
	shPump
	shTube
	shJar
	shBox
	shSpray
	shJug
)

var products = []*product{
	// Velmora (USD)
	{Brand: "velmora", SKU: "VEL-SHAKE-750V", Name: "Velmora Daily Shake Vanilla 750g", Aliases: []string{"Daily Shake Vanilla", "薇摩拉代餐奶昔 香草味"}, Price: 64, Min: 56,
		base: "Velmora Daily Shake 750g", line: "Vanilla", twin: "VEL-SHAKE-750C", kind: "Meal Replacement Shake", size: "750 g", noun: "meal replacement shake", made: "United States",
		look: look{shape: shTub, body: rgb(250, 246, 236), label: rgb(242, 226, 180), cap: rgb(236, 222, 190), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "DAILY SHAKE", line2: "VANILLA"}},
	{Brand: "velmora", SKU: "VEL-SHAKE-750C", Name: "Velmora Daily Shake Chocolate 750g", Aliases: []string{"Daily Shake Chocolate", "薇摩拉代餐奶昔 巧克力味"}, Price: 64, Min: 56,
		base: "Velmora Daily Shake 750g", line: "Chocolate", twin: "VEL-SHAKE-750V", kind: "Meal Replacement Shake", size: "750 g", noun: "meal replacement shake", made: "United States",
		look: look{shape: shTub, body: rgb(250, 246, 236), label: rgb(150, 100, 70), cap: rgb(110, 72, 50), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "DAILY SHAKE", line2: "CHOCOLATE"}},
	{Brand: "velmora", SKU: "VEL-OMEGA-90", Name: "Velmora Omega-3 Pure Fish Oil 90 Softgels", Aliases: []string{"Omega Pure Fish Oil", "薇摩拉深海鱼油"}, Price: 42, Min: 36,
		base: "Velmora Omega-3 Pure Fish Oil 90 Softgels", kind: "Fish Oil", size: "90 softgels", noun: "omega-3 fish oil", made: "Norway",
		look: look{shape: shBottle, body: rgb(150, 80, 20), label: rgb(24, 44, 92), cap: rgb(240, 240, 240), accent: rgb(230, 190, 60), brand: "VELMORA", line1: "OMEGA-3", line2: "PURE 90"}},
	{Brand: "velmora", SKU: "VEL-PROB-30", Name: "Velmora ProBiota Probiotic 30 Sachets", Aliases: []string{"ProBiota Probiotic", "薇摩拉益生菌"}, Price: 55, Min: 48,
		base: "Velmora ProBiota Probiotic 30 Sachets", kind: "Probiotic", size: "30 sachets", noun: "probiotic sachets", made: "United States",
		look: look{shape: shBox, body: rgb(32, 150, 150), label: rgb(245, 250, 248), cap: rgb(20, 110, 110), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "PROBIOTA", line2: "30 SACHETS"}},
	{Brand: "velmora", SKU: "VEL-VITC-120", Name: "Velmora Vita-C Chewable 120 Tablets", Aliases: []string{"Vita-C Chewable", "薇摩拉维C咀嚼片"}, Price: 24, Min: 20,
		base: "Velmora Vita-C Chewable 120 Tablets", kind: "Vitamin C", size: "120 tablets", noun: "vitamin c chewable tablets", made: "United States",
		look: look{shape: shBottle, body: rgb(250, 140, 30), label: rgb(255, 236, 200), cap: rgb(250, 250, 250), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "VITA-C", line2: "120 CHEW"}},
	{Brand: "velmora", SKU: "VEL-FIBRE-300", Name: "Velmora FibreMax Powder 300g", Aliases: []string{"FibreMax Powder", "薇摩拉膳食纤维粉"}, Price: 38, Min: 33,
		base: "Velmora FibreMax Powder 300g", kind: "Fibre Supplement", size: "300 g", noun: "fibre powder", made: "United States",
		look: look{shape: shJar, body: rgb(120, 170, 70), label: rgb(248, 248, 232), cap: rgb(70, 110, 40), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "FIBREMAX", line2: "300G"}},
	{Brand: "velmora", SKU: "VEL-COLL-10", Name: "Velmora Collagen Glow Drink 10 x 50ml", Aliases: []string{"Collagen Glow Drink", "薇摩拉胶原蛋白饮"}, Price: 89, Min: 78,
		base: "Velmora Collagen Glow Drink 10 x 50ml", kind: "Collagen Drink", size: "10 x 50 ml", noun: "collagen drink", made: "Japan",
		look: look{shape: shBox, body: rgb(236, 130, 160), label: rgb(255, 240, 245), cap: rgb(200, 90, 120), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "COLLAGEN", line2: "GLOW 10X"}},
	{Brand: "velmora", SKU: "VEL-MULTI-M60", Name: "Velmora Men's Multi 60 Tablets", Aliases: []string{"Men's Multi Tablets", "薇摩拉男士复合维生素"}, Price: 36, Min: 31,
		base: "Velmora Multi 60 Tablets", line: "Men's", twin: "VEL-MULTI-W60", kind: "Multivitamin", size: "60 tablets", noun: "multivitamin tablets", made: "United States",
		look: look{shape: shBottle, body: rgb(245, 245, 245), label: rgb(40, 90, 170), cap: rgb(40, 90, 170), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "MEN'S", line2: "MULTI 60"}},
	{Brand: "velmora", SKU: "VEL-MULTI-W60", Name: "Velmora Women's Multi 60 Tablets", Aliases: []string{"Women's Multi Tablets", "薇摩拉女士复合维生素"}, Price: 36, Min: 31,
		base: "Velmora Multi 60 Tablets", line: "Women's", twin: "VEL-MULTI-M60", kind: "Multivitamin", size: "60 tablets", noun: "multivitamin tablets", made: "United States",
		look: look{shape: shBottle, body: rgb(245, 245, 245), label: rgb(200, 80, 130), cap: rgb(200, 80, 130), accent: rgb(46, 112, 72), brand: "VELMORA", line1: "WOMEN'S", line2: "MULTI 60"}},

	// Quillon (GBP)
	{Brand: "quillon", SKU: "QUI-HYD-30B", Name: "Quillon Hydra Serum Blue Line 30ml", Aliases: []string{"Hydra Serum Blue Line", "珂琅蓝线精华"}, Price: 48, Min: 42,
		base: "Quillon Hydra Serum 30ml", line: "Blue Line", twin: "QUI-HYD-30G", kind: "Face Serum", size: "30 ml", noun: "hyaluronic face serum", made: "United Kingdom",
		look: look{shape: shDropper, body: rgb(200, 225, 245), label: rgb(30, 80, 160), cap: rgb(30, 30, 40), accent: rgb(210, 210, 220), brand: "QUILLON", line1: "HYDRA", line2: "BLUE LINE"}},
	{Brand: "quillon", SKU: "QUI-HYD-30G", Name: "Quillon Hydra Serum Gold Line 30ml", Aliases: []string{"Hydra Serum Gold Line", "珂琅金线精华"}, Price: 72, Min: 64,
		base: "Quillon Hydra Serum 30ml", line: "Gold Line", twin: "QUI-HYD-30B", kind: "Face Serum", size: "30 ml", noun: "hyaluronic face serum", made: "United Kingdom",
		look: look{shape: shDropper, body: rgb(200, 225, 245), label: rgb(190, 150, 50), cap: rgb(30, 30, 40), accent: rgb(210, 210, 220), brand: "QUILLON", line1: "HYDRA", line2: "GOLD LINE"}},
	{Brand: "quillon", SKU: "QUI-NIGHT-50", Name: "Quillon Barrier Night Cream 50ml", Aliases: []string{"Barrier Night Cream", "珂琅修护晚霜"}, Price: 56, Min: 49,
		base: "Quillon Barrier Night Cream 50ml", kind: "Night Cream", size: "50 ml", noun: "night cream", made: "United Kingdom",
		look: look{shape: shJar, body: rgb(28, 36, 80), label: rgb(230, 230, 245), cap: rgb(200, 200, 215), accent: rgb(120, 130, 200), brand: "QUILLON", line1: "BARRIER", line2: "NIGHT"}},
	{Brand: "quillon", SKU: "QUI-TONER-200", Name: "Quillon Rice Water Toner 200ml", Aliases: []string{"Rice Water Toner", "珂琅米水爽肤水"}, Price: 28, Min: 24,
		base: "Quillon Rice Water Toner 200ml", kind: "Toner", size: "200 ml", noun: "rice water toner", made: "South Korea",
		look: look{shape: shBottle, body: rgb(240, 238, 230), label: rgb(250, 250, 250), cap: rgb(190, 180, 160), accent: rgb(120, 130, 200), brand: "QUILLON", line1: "RICE WATER", line2: "TONER"}},
	{Brand: "quillon", SKU: "QUI-SPF-50", Name: "Quillon Daylight Shield SPF50 50ml", Aliases: []string{"Daylight Shield SPF50", "珂琅日光防晒乳"}, Price: 32, Min: 27,
		base: "Quillon Daylight Shield SPF50 50ml", kind: "Sunscreen", size: "50 ml", noun: "spf50 sunscreen", made: "United Kingdom",
		look: look{shape: shTube, body: rgb(250, 215, 70), label: rgb(255, 255, 255), cap: rgb(240, 120, 40), accent: rgb(120, 130, 200), brand: "QUILLON", line1: "DAYLIGHT", line2: "SPF50"}},
	{Brand: "quillon", SKU: "QUI-EYE-15", Name: "Quillon Eye Revive Cream 15ml", Aliases: []string{"Eye Revive Cream", "珂琅眼霜"}, Price: 44, Min: 38,
		base: "Quillon Eye Revive Cream 15ml", kind: "Eye Cream", size: "15 ml", noun: "eye cream", made: "United Kingdom",
		look: look{shape: shTube, body: rgb(190, 170, 220), label: rgb(250, 248, 255), cap: rgb(150, 140, 170), accent: rgb(120, 130, 200), brand: "QUILLON", line1: "EYE", line2: "REVIVE"}},
	{Brand: "quillon", SKU: "QUI-FOAM-150", Name: "Quillon Gentle Foam Cleanser 150ml", Aliases: []string{"Gentle Foam Cleanser", "珂琅洁面泡沫"}, Price: 22, Min: 19,
		base: "Quillon Gentle Foam Cleanser 150ml", kind: "Cleanser", size: "150 ml", noun: "foam cleanser", made: "United Kingdom",
		look: look{shape: shPump, body: rgb(170, 225, 200), label: rgb(255, 255, 255), cap: rgb(240, 240, 240), accent: rgb(120, 130, 200), brand: "QUILLON", line1: "GENTLE", line2: "FOAM"}},
	{Brand: "quillon", SKU: "QUI-MASK-5", Name: "Quillon Sheet Mask Set 5 pcs", Aliases: []string{"Quillon Sheet Masks", "珂琅面膜"}, Price: 30, Min: 26,
		base: "Quillon Sheet Mask Set 5 pcs", kind: "Face Mask", size: "5 masks", noun: "sheet masks", made: "South Korea",
		look: look{shape: shBox, body: rgb(250, 190, 160), label: rgb(255, 250, 245), cap: rgb(220, 150, 120), accent: rgb(120, 130, 200), brand: "QUILLON", line1: "SHEET MASK", line2: "5 PCS"}},

	// Brenhaven (AUD)
	{Brand: "brenhaven", SKU: "BRN-SURF-1L", Name: "Brenhaven All-Surface Concentrate 1L", Aliases: []string{"All-Surface Concentrate"}, Price: 39.95, Min: 34,
		base: "Brenhaven All-Surface Concentrate 1L", kind: "Multi-Purpose Cleaner", size: "1 L", noun: "multi purpose cleaner concentrate", made: "Australia",
		look: look{shape: shBottle, body: rgb(60, 160, 90), label: rgb(250, 250, 240), cap: rgb(30, 90, 50), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "ALL-SURFACE", line2: "1L"}},
	{Brand: "brenhaven", SKU: "BRN-DISH-500", Name: "Brenhaven Citrus Dish Liquid 500ml", Aliases: []string{"Citrus Dish Liquid"}, Price: 14.95, Min: 12.5,
		base: "Brenhaven Citrus Dish Liquid 500ml", kind: "Dishwashing Liquid", size: "500 ml", noun: "dishwashing liquid", made: "Australia",
		look: look{shape: shPump, body: rgb(250, 220, 40), label: rgb(255, 255, 255), cap: rgb(60, 160, 90), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "CITRUS", line2: "DISH"}},
	{Brand: "brenhaven", SKU: "BRN-LAUN-2LF", Name: "Brenhaven Laundry Concentrate Fresh 2L", Aliases: []string{"Laundry Concentrate Fresh"}, Price: 44.95, Min: 38,
		base: "Brenhaven Laundry Concentrate 2L", line: "Fresh", twin: "BRN-LAUN-2LS", kind: "Laundry Detergent", size: "2 L", noun: "laundry liquid", made: "Australia",
		look: look{shape: shJug, body: rgb(235, 240, 245), label: rgb(60, 160, 90), cap: rgb(40, 130, 70), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "LAUNDRY", line2: "FRESH"}},
	{Brand: "brenhaven", SKU: "BRN-LAUN-2LS", Name: "Brenhaven Laundry Concentrate Sensitive 2L", Aliases: []string{"Laundry Concentrate Sensitive"}, Price: 44.95, Min: 38,
		base: "Brenhaven Laundry Concentrate 2L", line: "Sensitive", twin: "BRN-LAUN-2LF", kind: "Laundry Detergent", size: "2 L", noun: "laundry liquid", made: "Australia",
		look: look{shape: shJug, body: rgb(235, 240, 245), label: rgb(160, 120, 200), cap: rgb(130, 90, 180), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "LAUNDRY", line2: "SENSITIVE"}},
	{Brand: "brenhaven", SKU: "BRN-SOFT-1L", Name: "Brenhaven Lavender Fabric Softener 1L", Aliases: []string{"Lavender Fabric Softener"}, Price: 24.95, Min: 21,
		base: "Brenhaven Lavender Fabric Softener 1L", kind: "Fabric Softener", size: "1 L", noun: "fabric softener", made: "Australia",
		look: look{shape: shBottle, body: rgb(150, 110, 190), label: rgb(250, 246, 255), cap: rgb(240, 240, 240), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "LAVENDER", line2: "SOFTENER"}},
	{Brand: "brenhaven", SKU: "BRN-FILT-2", Name: "Brenhaven PureFlow Filter Cartridge 2 Pack", Aliases: []string{"PureFlow Filter Cartridge"}, Price: 59.95, Min: 52,
		base: "Brenhaven PureFlow Filter Cartridge 2 Pack", kind: "Water Filter Cartridge", size: "2 pack", noun: "water filter cartridge", made: "Australia",
		look: look{shape: shBox, body: rgb(40, 120, 200), label: rgb(240, 248, 255), cap: rgb(20, 80, 150), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "PUREFLOW", line2: "2 PACK"}},
	{Brand: "brenhaven", SKU: "BRN-GLASS-500", Name: "Brenhaven Streak-Free Glass Spray 500ml", Aliases: []string{"Streak-Free Glass Spray"}, Price: 16.95, Min: 14,
		base: "Brenhaven Streak-Free Glass Spray 500ml", kind: "Glass Cleaner", size: "500 ml", noun: "glass cleaner spray", made: "Australia",
		look: look{shape: shSpray, body: rgb(150, 210, 240), label: rgb(255, 255, 255), cap: rgb(30, 90, 160), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "GLASS", line2: "STREAK-FREE"}},
	{Brand: "brenhaven", SKU: "BRN-OVEN-400", Name: "Brenhaven Oven & Grill Gel 400ml", Aliases: []string{"Oven & Grill Gel"}, Price: 19.95, Min: 16.5,
		base: "Brenhaven Oven & Grill Gel 400ml", kind: "Oven Cleaner", size: "400 ml", noun: "oven cleaner gel", made: "Australia",
		look: look{shape: shBottle, body: rgb(150, 30, 40), label: rgb(250, 240, 230), cap: rgb(30, 30, 30), accent: rgb(220, 90, 40), brand: "BRENHAVEN", line1: "OVEN", line2: "& GRILL"}},
}

var (
	productBySKU = map[string]*product{}
	brandByID    = map[string]*brand{}
)

func init() {
	for _, b := range brands {
		brandByID[b.ID] = b
	}
	for _, p := range products {
		b := brandByID[p.Brand]
		p.Currency = b.Currency
		p.look.mark = b.mark
		p.imgName = "images/" + strings.ToLower(p.SKU) + ".jpg"
		productBySKU[p.SKU] = p
	}
}

func brandProducts(id string) []*product {
	var out []*product
	for _, p := range products {
		if p.Brand == id {
			out = append(out, p)
		}
	}
	return out
}

func isOfficial(site, seller, brandID string) bool {
	for _, r := range brandByID[brandID].Official {
		if r.Site == site && r.SellerID == seller {
			return true
		}
	}
	return false
}

func isAuthorized(site, seller, brandID string) bool {
	for _, r := range brandByID[brandID].Authorized {
		if r.Site == site && r.SellerID == seller {
			return true
		}
	}
	return false
}

// ---- catalogue files ----

var (
	catOnce sync.Once
	catMap  fstest.MapFS
)

func catalogFS() fs.FS {
	catOnce.Do(func() {
		m := fstest.MapFS{}
		for _, p := range products {
			m[p.imgName] = &fstest.MapFile{Data: officialJPEG(p), Mode: 0o644}
		}
		m["velmora.yaml"] = &fstest.MapFile{Data: catalogYAML(brandByID["velmora"]), Mode: 0o644}
		m["quillon.json"] = &fstest.MapFile{Data: catalogJSON(brandByID["quillon"]), Mode: 0o644}
		m["brenhaven.csv"] = &fstest.MapFile{Data: catalogCSV(brandByID["brenhaven"]), Mode: 0o644}
		catMap = m
	})
	return catMap
}

func yq(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func yList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = yq(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func money(v float64) string { return fmt.Sprintf("%.2f", v) }

func catalogYAML(b *brand) []byte {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s: authentic catalogue, maintained by the brand protection team\n", b.Name)
	sb.WriteString("brand:\n")
	fmt.Fprintf(&sb, "  id: %s\n  name: %s\n  aliases: %s\n", b.ID, yq(b.Name), yList(b.Aliases))
	sb.WriteString("  official_sellers:\n")
	for _, r := range b.Official {
		fmt.Fprintf(&sb, "    - {site: %s, seller_id: %s}\n", r.Site, yq(r.SellerID))
	}
	sb.WriteString("  authorized_sellers:\n")
	for _, r := range b.Authorized {
		fmt.Fprintf(&sb, "    - {site: %s, seller_id: %s}\n", r.Site, yq(r.SellerID))
	}
	fmt.Fprintf(&sb, "  defamation_terms: %s\n", yList(b.Defamation))
	sb.WriteString("products:\n")
	for _, p := range brandProducts(b.ID) {
		fmt.Fprintf(&sb, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %s\n    min_price: %s\n    currency: %s\n    images: [%s]\n",
			p.SKU, yq(p.Name), yList(p.Aliases), money(p.Price), money(p.Min), p.Currency, p.imgName)
	}
	return []byte(sb.String())
}

type jsonProduct struct {
	SKU      string   `json:"sku"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Price    float64  `json:"price"`
	MinPrice float64  `json:"min_price"`
	Currency string   `json:"currency"`
	Images   []string `json:"images"`
}

type jsonBrand struct {
	ID                string      `json:"id"`
	Name              string      `json:"name"`
	Aliases           []string    `json:"aliases"`
	OfficialSellers   []sellerRef `json:"official_sellers"`
	AuthorizedSellers []sellerRef `json:"authorized_sellers"`
	DefamationTerms   []string    `json:"defamation_terms"`
}

func catalogJSON(b *brand) []byte {
	var doc struct {
		Brand    jsonBrand     `json:"brand"`
		Products []jsonProduct `json:"products"`
	}
	doc.Brand = jsonBrand{b.ID, b.Name, b.Aliases, b.Official, b.Authorized, b.Defamation}
	for _, p := range brandProducts(b.ID) {
		doc.Products = append(doc.Products, jsonProduct{p.SKU, p.Name, p.Aliases, p.Price, p.Min, p.Currency, []string{p.imgName}})
	}
	out, _ := json.MarshalIndent(doc, "", "  ")
	return append(out, '\n')
}

func sellerList(rs []sellerRef) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, r.Site+":"+r.SellerID)
	}
	return strings.Join(parts, "|")
}

func catalogCSV(b *brand) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
		"sku", "name", "aliases", "price", "min_price", "currency", "images"})
	for _, p := range brandProducts(b.ID) {
		_ = w.Write([]string{b.ID, b.Name, strings.Join(b.Aliases, "|"), sellerList(b.Official), sellerList(b.Authorized), strings.Join(b.Defamation, "|"),
			p.SKU, p.Name, strings.Join(p.Aliases, "|"), money(p.Price), money(p.Min), p.Currency, p.imgName})
	}
	w.Flush()
	return buf.Bytes()
}
