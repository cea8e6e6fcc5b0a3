package matcher

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// want is what a test expects of a verdict. Reasons are matched as
// substrings of "signal: detail (points)".
type want struct {
	flagged  bool
	category shadowscan.Category
	brand    string
	sku      string
	reasons  []string // each must appear in some reason
	absent   []string // none may appear in any reason
	terms    []string // each must be in MatchedTerms
	minScore int
}

func check(t *testing.T, v shadowscan.Verdict, w want) {
	t.Helper()
	var lines []string
	for _, r := range v.Reasons {
		lines = append(lines, r.Signal+": "+r.Detail+" ("+itoa(r.Points)+")")
	}
	all := strings.Join(lines, "\n")
	if v.Flagged != w.flagged || v.Category != w.category || v.BrandID != w.brand || v.SKU != w.sku {
		t.Errorf("got flagged=%v category=%q brand=%q sku=%q score=%d, want flagged=%v category=%q brand=%q sku=%q\nreasons:\n%s",
			v.Flagged, v.Category, v.BrandID, v.SKU, v.Score, w.flagged, w.category, w.brand, w.sku, all)
	}
	for _, s := range w.reasons {
		if !strings.Contains(all, s) {
			t.Errorf("no reason contains %q; reasons:\n%s", s, all)
		}
	}
	for _, s := range w.absent {
		if strings.Contains(all, s) {
			t.Errorf("a reason contains %q, want none; reasons:\n%s", s, all)
		}
	}
	for _, s := range w.terms {
		found := false
		for _, x := range v.MatchedTerms {
			found = found || x == s
		}
		if !found {
			t.Errorf("MatchedTerms %q lack %q", v.MatchedTerms, s)
		}
	}
	if v.Score < w.minScore {
		t.Errorf("score %d, want at least %d", v.Score, w.minScore)
	}
	sum := 0
	for i, r := range v.Reasons {
		sum += r.Points
		if i > 0 && r.Points > v.Reasons[i-1].Points {
			t.Errorf("reasons not sorted by points: %s", all)
		}
	}
	if v.Points != max(sum, 0) {
		t.Errorf("points %d are not the sum %d of the reasons", v.Points, sum)
	}
	if v.Flagged != (v.Score >= 60) {
		t.Errorf("score %d and flagged %v disagree: 60 and over is flagged", v.Score, v.Flagged)
	}
	if v.Score < 0 || v.Score > 100 {
		t.Errorf("score %d out of 0-100", v.Score)
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// detections are the rule sets the table tests run with: the values the
// task lists, and the embedded defaults of the rules package.
func detections() map[string]func() *rules.Detection {
	return map[string]func() *rules.Detection{"listed": testDetection, "embedded": rules.DefaultDetection}
}

func TestMatchCategories(t *testing.T) {
	for name, det := range detections() {
		t.Run(name, func(t *testing.T) { testCategories(t, det) })
	}
}

func testCategories(t *testing.T, det func() *rules.Detection) {
	m := MustMatcherWith(t, det())
	p500 := photo(photoProt500P, photoProt500D)
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"counterfeit: price far under list", listing("奥罗拉植物蛋白粉 500g 特价", 89, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{`¥89.00 is 30 % of the list price ¥298.00 (30)`, "seller shop-9 is not official or authorised for Aurora Wellness (30)", `text: title names Aurora Plant Protein Powder 500g ("奥罗拉", "植物蛋白粉", "500g") (30)`},
			terms:   []string{"奥罗拉", "植物蛋白粉", "500g"}, minScore: 75}},
		{"counterfeit: red-flag word at a plausible price", listing("高仿 奥罗拉蛋白粉 500克", 280, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{`words: title says "高仿" (counterfeit word) (30)`, "94 % of the list price ¥298.00 (0)"}, terms: []string{"高仿", "蛋白粉"}}},
		{"counterfeit: red-flag word in the description", &shadowscan.Listing{Site: "demo-market", Title: "Aurora Plant Protein Powder 500g", Description: "1:1 原单 quality", Price: 29000, HasPrice: true, Currency: "CNY", SellerID: "shop-9"}, want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{`description says "1:1", "原单" (counterfeit words)`}}},
		{"unauthorised: a reused official photo under the plausible price is no counterfeit claim", listing("奥罗拉 蛋白粉 500g", 180, "shop-9", p500), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"photo 1 is the official photo of AUR-PROT-500 at distance 0 (dHash 0) (25)", "60 % of the list price", "check for a counterfeit"}}},
		{"counterfeit: official photo alone links a generic title", listing("植物蛋白粉 500g 工厂直供", 150, "shop-9", shadowscan.ListingImage{}, photo(flip(photoProt500P, 6), flip(photoProt500D, 3))), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"photo 2 is the official photo of AUR-PROT-500 at distance 6 (dHash 3)", `"工厂直供"`}}},
		{"unauthorized seller: plausible price with official photo", listing("Aurora Plant Protein Powder 500g", 290, "shop-9", p500), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"seller shop-9 is not official or authorised", "97 % of the list price"}, absent: []string{"words"}, minScore: 70}},
		{"unauthorized seller: a named product from an unknown seller at a plausible price", listing("Aurora Plant Protein Powder 500g", 290, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"seller shop-9 is not official"}, absent: []string{"words"}, minScore: 60}},
		{"unauthorised: another product's official photo under the plausible price", listing("Aurora Plant Protein Powder 500g", 180, "shop-9", shadowscan.ListingImage{URL: "x"}, photo(photoProt1kP, photoProt1kD)), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"photo 2 is the official photo of AUR-PROT-1KG", "check for a counterfeit"}}},
		{"unauthorized seller: price between the ratios without a photo is no counterfeit signal", listing("Aurora Plant Protein Powder 500g 现货", 180, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"60 % of the list price ¥298.00 (0)"}}},
		{"unauthorized seller: another product's official photo at a plausible price", listing("Aurora Plant Protein Powder 500g", 250, "shop-9", shadowscan.ListingImage{URL: "x"}, photo(photoProt1kP, photoProt1kD)), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"photo 2 is the official photo of AUR-PROT-1KG"}}},
		// Goods their seller calls a copy are counterfeit whatever was
		// done to their codes; codes removed from cheap goods otherwise
		// say genuine goods diverted.
		{"counterfeit words beat code removal", listing("奥罗拉植物蛋白粉 500g 刮码 尾单", 99, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{`words: title says "刮码" (codes removed) (45)`, `"尾单" (counterfeit word)`}}},
		{"code removal beats a low price", listing("奥罗拉植物蛋白粉 500g 刮码", 99, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCodeTampered, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{`words: title says "刮码" (codes removed) (45)`}}},
		{"code tampered by an authorised seller", listing("Aurora Vitamin C 60 tablets code removed", 120, "shop-1187"), want{
			flagged: true, category: shadowscan.CategoryCodeTampered, brand: "aurora", sku: "AUR-VITC-60",
			reasons: []string{`"code removed" (codes removed)`, "seller shop-1187 is an authorised seller"}}},
		{"price dumping by an authorised seller", listing("奥罗拉植物蛋白粉 500g", 240, "shop-1187"), want{
			flagged: true, category: shadowscan.CategoryPriceDumping, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"price: ¥240.00 is under the authorised floor ¥268.00 (45)"}}},
		{"price dumping, not counterfeit, for an authorised seller with red flags", listing("奥罗拉植物蛋白粉 500g 高仿", 99, "shop-1187"), want{
			flagged: true, category: shadowscan.CategoryPriceDumping, brand: "aurora", sku: "AUR-PROT-500",
			absent: []string{"not official or authorised", "% of the list price ¥298.00 (30)"}}},
		{"defamation with the brand named", listing("揭秘奥罗拉传销骗局 电子书", 9.9, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "aurora",
			reasons: []string{`defamation: title says "传销骗局" about Aurora Wellness (70)`, `brand: title names the brand Aurora Wellness ("奥罗拉") (10)`}}},
		{"defamation by a brand-specific term", listing("奥罗拉割韭菜 真相", 0, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "aurora", reasons: []string{`"奥罗拉割韭菜"`}}},
		{"defamation beats counterfeit", listing("aurora plant protein powder 500g is toxic, replica", 50, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "aurora", sku: "AUR-PROT-500"}},
		{"cross-currency price converted through rates", &shadowscan.Listing{Site: "demo-market", Title: "Aurora Plant Protein Powder 500g", Price: 1250, HasPrice: true, Currency: "USD", SellerID: "shop-9"}, want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"USD 12.50 (¥88.75 at the configured 7.1 CNY per USD) is 30 % of the list price ¥298.00 (30)"}}},
		{"full-width brand and typo in a longer product word", listing("ＡＵＲＯＲＡ Plant Protien Powder 500g replica", 250, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{`"protien" read as "protein"`}, terms: []string{"aurora", "plant protien powder"}}},
		{"marketing words are ignored", listing("【正品 官方旗舰】包邮 奥罗拉 植物 蛋白粉 500 G 现货", 99, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500"}},
		{"size in another unit: 0.5kg is 500 g", listing("奥罗拉植物蛋白粉 0.5kg 高仿", 150, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500", terms: []string{"0.5kg"}}},
		{"size picks the 1 kg product", listing("Aurora Plant Protein Powder 1kg replica", 300, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-1KG"}},
		{"count: 60粒 is the 60-tablet product", listing("奥罗拉维生素C 60粒 原单", 100, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-VITC-60"}},
		{"gift accessory does not make an accessory listing", listing("奥罗拉植物蛋白粉 500g 送摇摇杯 高仿", 150, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500"}},
		{"connecting word after the name is not an accessory", listing("Aurora Plant Protein Powder 500g for women replica", 150, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-500"}},
		{"photo breaks a text tie", listing("Aurora Plant Protein Powder replica", 300, "shop-9", photo(photoProt1kP, photoProt1kD)), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora", sku: "AUR-PROT-1KG"}},
		{"repeat offender adds points", listing("Aurora Plant Protein Powder 500g", 290, "repeat-shop"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500",
			reasons: []string{"seller repeat-shop already has 3 confirmed hits (10)", "market: ¥290.00 is"}}},
	}
	stats := fakeMarket{"AUR-PROT-500/CNY": {median: 330, mad: 10, n: 40}}
	mr := MustMatcherWith(t, det(), WithSellerHistory(func(site, id string) int {
		if site == "demo-market" && id == "repeat-shop" {
			return 3
		}
		return 0
	}), WithMarket(stats))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := m
			if tt.l.SellerID == "repeat-shop" {
				mm = mr
			}
			check(t, mm.Match(tt.l), tt.want)
		})
	}
}

// TestMatchHardNegatives holds listings that must not be flagged.
func TestMatchHardNegatives(t *testing.T) {
	for name, det := range detections() {
		t.Run(name, func(t *testing.T) { testHardNegatives(t, det) })
	}
}

func testHardNegatives(t *testing.T, det func() *rules.Detection) {
	m := MustMatcherWith(t, det())
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"look-alike Latin brand", listing("Aurara Plant Protein Powder 500g replica", 50, "shop-9"), want{}},
		{"look-alike longer brand", listing("Aurelia Plant Protein Powder 500g 高仿", 50, "shop-9"), want{}},
		{"look-alike CJK brand", listing("奥罗啦植物蛋白粉 500g 高仿", 50, "shop-9"), want{}},
		{"brand word glued into another word", listing("Auroraland Plant Protein Powder 500g replica", 50, "shop-9"), want{}},
		{"one-edit typo in the brand is not the brand", listing("Auroa Plant Protein Powder 500g replica", 50, "shop-9"), want{}},
		{"generic product without brand evidence", listing("植物蛋白粉 500g 高仿 工厂直供", 50, "shop-9"), want{}},
		{"accessory: shaker for the product", listing("shaker bottle for Aurora plant protein powder", 15, "shop-9", photo(photoProt500P, photoProt500D)), want{
			brand: "aurora", reasons: []string{`title names an accessory ("shaker", "bottle", "for"), not the product itself`, "brand: title names the brand"}, absent: []string{"photo"}}},
		{"accessory: scoop that fits the product", listing("适用奥罗拉蛋白粉 量勺 高仿", 5, "shop-9"), want{
			brand: "aurora", reasons: []string{`"适用"`}}},
		{"accessory: empty box", listing("奥罗拉植物蛋白粉 500g 空盒 回收", 10, "shop-9"), want{brand: "aurora", reasons: []string{`"空盒"`}}},
		{"official shop discount", listing("奥罗拉植物蛋白粉 500g 特价", 99, "aurora-official", photo(photoProt500P, photoProt500D)), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"seller aurora-official is an official shop of Aurora Wellness (0)"}, absent: []string{"price"}}},
		{"official shop is never flagged, whatever the words", listing("奥罗拉植物蛋白粉 500g 尾单 刮码", 99, "aurora-official"), want{
			brand: "aurora", sku: "AUR-PROT-500"}},
		{"authorised seller at the floor", listing("奥罗拉植物蛋白粉 500g", 268, "shop-1187"), want{brand: "aurora", sku: "AUR-PROT-500", absent: []string{"floor"}}},
		{"authorised seller above the floor", listing("奥罗拉植物蛋白粉 500g", 298, "shop-1187"), want{brand: "aurora", sku: "AUR-PROT-500"}},
		{"cross-currency without a rate is no price signal", &shadowscan.Listing{Site: "demo-market", Title: "Aurora Plant Protein Powder 500g", Price: 1000, HasPrice: true, Currency: "BRL", SellerID: "shop-9"}, want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"BRL 10.00 is in BRL: no rate to compare it with the list price ¥298.00 (0)"}}},
		{"no price shown: nothing to show an unauthorised sale", &shadowscan.Listing{Site: "demo-market", Title: "Aurora Plant Protein Powder 500g", Currency: "CNY", SellerID: "shop-9"}, want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"no price shown: an unauthorised sale needs one (0)"}, absent: []string{"% of the list price"}}},
		{"negated counterfeit words are no counterfeit signal", listing("奥罗拉植物蛋白粉 500g 非高仿 拒绝A货 not a replica", 290, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", sku: "AUR-PROT-500", absent: []string{"words"}}},
		{"negated defamation", listing("奥罗拉 正规直销 非传销 不致癌", 0, "shop-9"), want{brand: "aurora", absent: []string{"defamation"}}},
		{"defamation without the brand", listing("传销骗局揭秘 智商税", 0, "shop-9"), want{}},
		{"brand mention with red flags but no product", listing("奥罗拉 高仿 批发", 20, "shop-9"), want{brand: "aurora", reasons: []string{"brand:"}}},
		{"size that is no catalogue product", listing("Aurora Plant Protein Powder 2kg replica", 100, "shop-9", photo(photoProt500P, photoProt500D)), want{
			brand: "aurora", absent: []string{"text: title names"}}},
		{"count that is no catalogue product", listing("奥罗拉维生素C 120粒 原单", 100, "shop-9"), want{brand: "aurora"}},
		{"same words, no size, no photo: judged as one of the two", listing("Aurora Plant Protein Powder replica", 100, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "aurora",
			reasons: []string{"fit AUR-PROT-500 and AUR-PROT-1KG equally", "title names one of AUR-PROT-500, AUR-PROT-1KG", "(the lowest of AUR-PROT-500, AUR-PROT-1KG)"}}},
		{"same words, no size, at the cheaper one's list price from an unknown seller", listing("Aurora Plant Protein Powder", 298, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "aurora", absent: []string{"words"}}},
		{"same words, no size, from the official shop", listing("Aurora Plant Protein Powder replica", 100, "aurora-official"), want{brand: "aurora"}},
		{"photo shared by two products links neither", listing("保湿面霜 工厂直供", 50, "shop-9", photo(photoSharedP, photoSharedD)), want{
			brand: "aurora", reasons: []string{"photo 1 is the official photo of AUR-CREAM"}}},
		{"photo too far away", listing("植物蛋白粉 500g 工厂直供", 50, "shop-9", photo(flip(photoProt500P, 11), photoProt500D)), want{}},
		{"photo whose dHash disagrees", listing("植物蛋白粉 500g 工厂直供", 50, "shop-9", photo(flip(photoProt500P, 2), ^uint64(photoProt500D))), want{}},
		{"photo of another brand's listing that names its own brand", listing("北极光 深海鱼油 100粒", 199, "shop-9", photo(photoProt500P, photoProt500D)), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "borealis", sku: "BOR-FISH-100", absent: []string{"AUR-PROT-500"}}},
		{"unhashed photos are ignored", listing("植物蛋白粉 500g 工厂直供", 50, "shop-9", shadowscan.ListingImage{PHash: photoProt500P, DHash: photoProt500D}), want{}},
		{"empty listing", &shadowscan.Listing{}, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
	if v := m.Match(nil); v.Score != 0 || v.Flagged {
		t.Errorf("Match(nil) = %+v", v)
	}
}

type fakeMarket map[string]struct {
	median, mad float64
	n           int
}

func (f fakeMarket) PriceStats(sku, currency string) (float64, float64, int) {
	s := f[sku+"/"+currency]
	return s.median, s.mad, s.n
}

func TestMarketOutlier(t *testing.T) {
	tests := []struct {
		name    string
		stats   fakeMarket
		price   float64
		outlier bool
	}{
		{"far under the median", fakeMarket{"AUR-PROT-500/CNY": {300, 5, 20}}, 270, true},
		{"within the spread", fakeMarket{"AUR-PROT-500/CNY": {300, 20, 20}}, 270, false},
		{"too few samples", fakeMarket{"AUR-PROT-500/CNY": {300, 5, 4}}, 270, false},
		{"zero MAD uses 2 % of the median", fakeMarket{"AUR-PROT-500/CNY": {300, 0, 20}}, 285, false},
		{"zero MAD, far under", fakeMarket{"AUR-PROT-500/CNY": {300, 0, 20}}, 270, true},
		{"other currency has no statistics", fakeMarket{"AUR-PROT-500/USD": {300, 5, 20}}, 270, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MustMatcher(t, WithMarket(tt.stats))
			v := m.Match(listing("奥罗拉植物蛋白粉 500g", tt.price, "shop-9"))
			got := false
			for _, r := range v.Reasons {
				if r.Signal == "market" {
					got = true
					if r.Points != 10 {
						t.Errorf("market reason points %d, want 10", r.Points)
					}
				}
			}
			if got != tt.outlier {
				t.Errorf("market outlier = %v, want %v; reasons %+v", got, tt.outlier, v.Reasons)
			}
		})
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*shadowscan.Catalog, *rules.Detection)
		field string
	}{
		{"product of an unknown brand", func(c *shadowscan.Catalog, _ *rules.Detection) { c.Products[0].BrandID = "nope" }, "products[0].brand"},
		{"duplicate sku", func(c *shadowscan.Catalog, _ *rules.Detection) { c.Products[1].SKU = c.Products[0].SKU }, "products[1].sku"},
		{"duplicate brand", func(c *shadowscan.Catalog, _ *rules.Detection) { c.Brands[1].ID = "aurora" }, "brands[1].id"},
		{"brand without a usable name", func(c *shadowscan.Catalog, _ *rules.Detection) { c.Brands[1].Name, c.Brands[1].Aliases = "!!", nil }, "brands[1].name"},
		{"threshold out of range", func(_ *shadowscan.Catalog, d *rules.Detection) { d.Threshold = 101 }, "threshold"},
		{"ratios in the wrong order", func(_ *shadowscan.Catalog, d *rules.Detection) { d.Price.PlausibleRatio = 0.3 }, "price.plausible_ratio"},
		{"distance too large", func(_ *shadowscan.Catalog, d *rules.Detection) { d.Image.MaxPHashDistance = 40 }, "image.max_phash_distance"},
		{"zero rate", func(_ *shadowscan.Catalog, d *rules.Detection) { d.Rates["USD"] = 0 }, "rates.USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, d := testCatalog(), testDetection()
			d.File = "detection.yaml"
			tt.edit(c, d)
			_, err := New(c, d)
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || fe.Accepted == "" {
				t.Fatalf("New error = %v, want a FieldError on %s", err, tt.field)
			}
			if shadowscan.ErrorCode(err) != shadowscan.EINVALID {
				t.Errorf("code %q, want %q", shadowscan.ErrorCode(err), shadowscan.EINVALID)
			}
		})
	}
	if _, err := New(nil, testDetection()); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("New(nil catalogue) = %v", err)
	}
	if _, err := New(testCatalog(), nil); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("New(nil rules) = %v", err)
	}
}

// TestMatchConcurrent runs Match from several goroutines; -race checks it.
func TestMatchConcurrent(t *testing.T) {
	mk := NewMarket()
	m := MustMatcher(t, WithMarket(mk))
	l := listing("奥罗拉植物蛋白粉 500g 高仿", 89, "shop-9", photo(photoProt500P, photoProt500D))
	want := m.Match(l)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				mk.Observe("AUR-PROT-500", "CNY", 29800)
				if v := m.Match(l); v.Category != want.Category || v.SKU != want.SKU {
					t.Errorf("concurrent Match = %+v, want %+v", v, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestNewDoesNotKeepCallerSlices(t *testing.T) {
	c := testCatalog()
	m, err := New(c, testDetection())
	if err != nil {
		t.Fatal(err)
	}
	c.Products[0].SKU = "CHANGED"
	c.Brands[0].Name = "Changed"
	v := m.Match(listing("奥罗拉植物蛋白粉 500g", 89, "shop-9"))
	if v.SKU != "AUR-PROT-500" {
		t.Errorf("SKU %q after the caller changed the catalogue, want AUR-PROT-500", v.SKU)
	}
}

// FuzzMatch feeds hostile listing text to Match: it must not panic, and
// the verdict must keep its invariants.
func FuzzMatch(f *testing.F) {
	m := MustMatcher(f)
	for _, s := range []string{"奥罗拉植物蛋白粉 500g 高仿", "shaker for ＡＵＲＯＲＡ", "揭秘奥罗拉传销骗局", "aurora 0.5kg 1:1 \xff", "非传销 不是高仿 奥罗拉",
		"奥罗拉是传销吗？直销不等于传销", "Is Aurora toxic? (spoiler: no)", "辟谣：奥罗拉不含激素", "奥罗拉轩 植物蛋白粉 500g", "蛋白粉 500克 lot no. erased"} {
		f.Add(s, "原单", int64(8900))
	}
	f.Fuzz(func(t *testing.T, title, desc string, price int64) {
		l := listing(title, 0, "shop-9", photo(photoProt500P, uint64(price)))
		l.Description, l.Price, l.HasPrice = desc, shadowscan.Amount(price), price != 0
		v := m.Match(l)
		if v.Score < 0 || v.Score > 100 {
			t.Fatalf("score %d", v.Score)
		}
		if v.Flagged != (v.Category != "") {
			t.Fatalf("flagged %v with category %q", v.Flagged, v.Category)
		}
		if v.SKU != "" && v.BrandID == "" {
			t.Fatalf("SKU %s without a brand", v.SKU)
		}
		if v.Flagged && v.Category != shadowscan.CategoryDefamation && v.SKU == "" && len(v.Candidates) < 2 {
			t.Fatalf("flagged %s without a product or near twins", v.Category)
		}
	})
}

// TestLinkingDetails covers product-linking rules on a catalogue built for
// them: marketing words inside product names, sizes breaking ties, an
// accessory that is itself a catalogue product.
func TestLinkingDetails(t *testing.T) {
	cat := &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{ID: "aurora", Name: "Aurora Wellness", Aliases: []string{"Aurora", "奥罗拉"}}},
		Products: []shadowscan.Product{
			{SKU: "COLL", BrandID: "aurora", Name: "Aurora Original Genuine Collagen", Price: 10000, Currency: "CNY"},
			{SKU: "FIBER", BrandID: "aurora", Name: "Aurora Fiber Drink", Price: 10000, Currency: "CNY"},
			{SKU: "FIBER-30", BrandID: "aurora", Name: "Aurora Fiber Drink 30袋", Price: 10000, Currency: "CNY"},
			{SKU: "SHAKER", BrandID: "aurora", Name: "Aurora Shaker Bottle 600ml", Aliases: []string{"奥罗拉摇摇杯"}, Price: 5000, Currency: "CNY"},
		},
	}
	m, err := New(cat, testDetection())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title string
		sku   string
	}{
		{"Aurora Collagen replica", "COLL"},               // marketing words in the name do not dilute it
		{"Aurora Fiber Drink 30袋 replica", "FIBER-30"},    // the stated size agrees with one product only
		{"Aurora Fiber Drink replica", ""},                // nothing tells the two apart
		{"Aurora Shaker Bottle 600ml replica", "SHAKER"},  // the accessory is the catalogue product
		{"奥罗拉摇摇杯 高仿", "SHAKER"},                           // same, in Chinese
		{"Aurora fiber drink 30 sachets 1:1", "FIBER-30"}, // unit words in another language
		{"Aurora Shaker Bottle 1000ml replica", ""},       // another size
		{"Auroraa Collagen replica", ""},                  // the brand, misspelt, is no brand
		{"Collagen replica (Aurora style)", "COLL"},       // brand after the product words
		{"Aurora Collagen Drink replica", "COLL"},         // full coverage wins over a partial one
		{"Aurora original genuine replica", ""},           // marketing words alone name nothing
		{"Aurora Colagen replica", "COLL"},                // one edit in a long product word
		{"Aurora Fibre Drink replica", ""},                // "fiber" is too short to correct
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			v := m.Match(listing(tt.title, 10, "shop-9"))
			if v.SKU != tt.sku {
				t.Errorf("SKU %q, want %q; reasons %+v", v.SKU, tt.sku, v.Reasons)
			}
			for _, r := range v.Reasons {
				if v.SKU != "" && strings.Contains(r.Detail, "accessory") {
					t.Errorf("linked listing has an accessory reason: %+v", r)
				}
			}
		})
	}
}
