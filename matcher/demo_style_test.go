package matcher

import (
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// TestDemoStyleTitles runs titles written the way marketplace sellers
// write them against a catalogue shaped like the demo world's (two brands,
// names and aliases in both scripts, sizes in every unit), at ¥99 from an
// unknown seller, with the embedded detection rules.
func TestDemoStyleTitles(t *testing.T) {
	a := func(f float64) shadowscan.Amount { return shadowscan.AmountFromFloat(f) }
	cat := &shadowscan.Catalog{
		Brands: []shadowscan.Brand{
			{ID: "aurora", Name: "Aurora Wellness", Aliases: []string{"奥罗拉", "AURORA", "奥罗拉健康"}, DefamationTerms: []string{"奥罗拉传销", "奥罗拉骗局", "aurora pyramid scheme", "aurora scam"}},
			{ID: "verdance", Name: "Verdance Skin & Home", Aliases: []string{"薇丹丝", "VERDANCE", "Verdance"}, DefamationTerms: []string{"薇丹丝烂脸", "薇丹丝含激素"}},
		},
		Products: []shadowscan.Product{
			{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g", Aliases: []string{"奥罗拉植物蛋白粉 500克", "奥罗拉蛋白粉 500g", "Aurora Protein Powder 500g"}, Price: a(298), MinPrice: a(268), Currency: "CNY"},
			{SKU: "AUR-PROT-1000", BrandID: "aurora", Name: "Aurora Plant Protein Powder 1kg", Aliases: []string{"奥罗拉植物蛋白粉 1000克", "奥罗拉蛋白粉 1kg", "Aurora Protein Powder 1000g"}, Price: a(528), MinPrice: a(478), Currency: "CNY"},
			{SKU: "AUR-VITC-60", BrandID: "aurora", Name: "Aurora Vitamin C Chewable Tablets 60 tablets", Aliases: []string{"奥罗拉维生素C咀嚼片 60片", "奥罗拉VC片 60片", "Aurora Vitamin C 60 tablets"}, Price: a(128), MinPrice: a(108), Currency: "CNY"},
			{SKU: "AUR-MULTI-90", BrandID: "aurora", Name: "Aurora Multivitamin and Minerals 90 tablets", Aliases: []string{"奥罗拉多种维生素矿物质片 90片", "奥罗拉复合维生素 90片", "Aurora Multivitamin 90 tablets"}, Price: a(238), MinPrice: a(208), Currency: "CNY"},
			{SKU: "AUR-FISH-90", BrandID: "aurora", Name: "Aurora Deep Sea Fish Oil Softgels 90 softgels", Aliases: []string{"奥罗拉深海鱼油软胶囊 90粒", "奥罗拉鱼油 90粒", "Aurora Fish Oil 90 softgels"}, Price: a(268), MinPrice: a(238), Currency: "CNY"},
			{SKU: "AUR-COLL-10", BrandID: "aurora", Name: "Aurora Collagen Peptide Oral Liquid 10 vials", Aliases: []string{"奥罗拉胶原蛋白肽口服液 10瓶", "奥罗拉胶原蛋白口服液 10支", "Aurora Collagen Drink 10 vials"}, Price: a(398), MinPrice: a(358), Currency: "CNY"},
			{SKU: "AUR-CALC-60", BrandID: "aurora", Name: "Aurora Calcium and Vitamin D3 Tablets 60 tablets", Aliases: []string{"奥罗拉钙维生素D3片 60片", "奥罗拉钙片 60片", "Aurora Calcium D3 60 tablets"}, Price: a(168), MinPrice: a(148), Currency: "CNY"},
			{SKU: "VER-SER-30", BrandID: "verdance", Name: "Verdance Hydrating Essence Serum 30ml", Aliases: []string{"薇丹丝水润精华液 30ml", "薇丹丝精华 30毫升", "Verdance Serum 30ml"}, Price: a(368), MinPrice: a(328), Currency: "CNY"},
			{SKU: "VER-MASK-5", BrandID: "verdance", Name: "Verdance Hydrating Sheet Mask 5 sheets", Aliases: []string{"薇丹丝补水面膜 5片", "薇丹丝面膜 5片装", "Verdance Sheet Mask 5 pcs"}, Price: a(128), MinPrice: a(108), Currency: "CNY"},
			{SKU: "VER-CRM-50", BrandID: "verdance", Name: "Verdance Night Repair Cream 50g", Aliases: []string{"薇丹丝晚安修护面霜 50克", "薇丹丝修护霜 50g", "Verdance Night Cream 50g"}, Price: a(428), MinPrice: a(388), Currency: "CNY"},
			{SKU: "VER-EYE-15", BrandID: "verdance", Name: "Verdance Firming Eye Cream 15g", Aliases: []string{"薇丹丝紧致眼霜 15克", "薇丹丝眼霜 15g", "Verdance Eye Cream 15g"}, Price: a(328), MinPrice: a(298), Currency: "CNY"},
		},
	}
	m, err := New(cat, rules.DefaultDetection())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title    string
		sku      string
		category shadowscan.Category
	}{
		{"奥罗拉植物蛋白粉 500克 正品保障", "AUR-PROT-500", shadowscan.CategoryCounterfeit},
		{"【原单】奥罗拉蛋白粉500g 工厂直供", "AUR-PROT-500", shadowscan.CategoryCounterfeit},
		{"Aurora Protein Powder 500g replica", "AUR-PROT-500", shadowscan.CategoryCounterfeit},
		{"奥罗拉鱼油 90粒 2瓶", "AUR-FISH-90", shadowscan.CategoryCounterfeit},
		{"奥罗拉VC片 60片 刮码", "AUR-VITC-60", shadowscan.CategoryCodeTampered},
		{"奥罗拉胶原蛋白口服液 10支", "AUR-COLL-10", shadowscan.CategoryCounterfeit},
		{"奥罗拉钙片 60片 同款", "AUR-CALC-60", shadowscan.CategoryUnauthorizedSeller},
		{"薇丹丝精华 30毫升 高仿", "VER-SER-30", shadowscan.CategoryCounterfeit},
		{"薇丹丝面膜 5片装", "VER-MASK-5", shadowscan.CategoryUnauthorizedSeller},
		{"Verdance Night Cream 50g", "VER-CRM-50", shadowscan.CategoryCounterfeit},
		{"薇丹丝眼霜 15g 一比一", "VER-EYE-15", shadowscan.CategoryCounterfeit},
		{"奥罗拉传销骗局揭秘 电子书", "", shadowscan.CategoryDefamation},
		{"Aurara 蛋白粉 500g", "", ""},
		{"蛋白粉 摇摇杯 适用奥罗拉", "", ""},
		// "<brand>同款" (the same kind as the brand's) names another
		// maker's goods; only counterfeit words make them a copy of ours.
		{"奥罗拉同款 植物蛋白粉 500g", "AUR-PROT-500", ""},
		{"奥罗拉同款 植物蛋白粉 500g 原单", "AUR-PROT-500", shadowscan.CategoryCounterfeit},
		{"奥罗拉蛋白粉 1kg 超A", "AUR-PROT-1000", shadowscan.CategoryCounterfeit},
		{"Aurora Multivitamin 90 tablets empty bottle", "", ""},
		{"Aurora protein powder for sale 500g", "AUR-PROT-500", shadowscan.CategoryCounterfeit},
		// 500g or 1kg: not said, so no product is chosen; ¥99 is a third
		// of the cheaper one's list price, so it is judged counterfeit
		// as one of the two.
		{"Aurora Protein Powder", "", shadowscan.CategoryCounterfeit},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			v := m.Match(listing(tt.title, 99, "yp-888"))
			if v.SKU != tt.sku || v.Category != tt.category {
				t.Errorf("got %s %q, want %s %q; reasons %+v", v.SKU, v.Category, tt.sku, tt.category, v.Reasons)
			}
		})
	}
}
