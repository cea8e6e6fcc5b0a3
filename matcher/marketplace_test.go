package matcher

import (
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// marketCatalog is a catalogue shaped like a direct-sales brand's on
// Taobao, JD, Pinduoduo and Amazon: names in both scripts, short Chinese
// nicknames, near twins that differ only in a line word (rose / jasmine
// night cream), and products told apart by size alone.
func marketCatalog() *shadowscan.Catalog {
	a := func(f float64) shadowscan.Amount { return shadowscan.AmountFromFloat(f) }
	return &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{
			ID: "solenne", Name: "Solenne Skin", Aliases: []string{"索兰", "SOLENNE"},
			OfficialSellers:   []shadowscan.SellerRef{{Site: "demo-market", SellerID: "solenne-official"}},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-77"}},
		}, {
			ID: "halvor", Name: "Halvor Nutrition", Aliases: []string{"哈沃", "HALVOR"},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-88"}},
		}},
		Products: []shadowscan.Product{
			{SKU: "SL-ROSE-50", BrandID: "solenne", Name: "Solenne Rose Night Cream 50g", Aliases: []string{"索兰玫瑰修护晚霜", "索兰晚霜"},
				Price: a(360), MinPrice: a(320), Currency: "CNY"},
			{SKU: "SL-JAS-50", BrandID: "solenne", Name: "Solenne Jasmine Night Cream 50g", Aliases: []string{"索兰茉莉修护晚霜"},
				Price: a(380), MinPrice: a(340), Currency: "CNY"},
			{SKU: "SL-SER-30", BrandID: "solenne", Name: "Solenne Bright Serum 30ml", Aliases: []string{"索兰亮肤精华液 30毫升"},
				Price: a(480), MinPrice: a(430), Currency: "CNY"},
			{SKU: "HV-PRO-1K", BrandID: "halvor", Name: "Halvor Whey Protein Powder 1kg", Aliases: []string{"哈沃乳清蛋白粉 1公斤"},
				Price: a(398), MinPrice: a(358), Currency: "CNY"},
			{SKU: "HV-FISH-90", BrandID: "halvor", Name: "Halvor Fish Oil Softgels 90", Aliases: []string{"哈沃深海鱼油软胶囊 90粒"},
				Price: a(268), MinPrice: a(240), Currency: "CNY"},
		},
	}
}

// MustMarketMatcher builds a Matcher over marketCatalog with the embedded
// detection rules, or fails the test.
func MustMarketMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	m, err := New(marketCatalog(), rules.DefaultDetection())
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return m
}

// withDescription returns l with its description set.
func withDescription(l *shadowscan.Listing, desc string) *shadowscan.Listing {
	l.Description = desc
	return l
}

// TestNegationCoversAList checks that one negator denies every signal
// word listed after it: sellers write "绝非高仿A货" and "not a replica or
// fake" to say their goods are genuine.
func TestNegationCoversAList(t *testing.T) {
	m := MustMarketMatcher(t)
	us := shadowscan.CategoryUnauthorizedSeller
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"两个词一个否定", withDescription(listing("哈沃深海鱼油软胶囊 90粒", 230, "shop-9"), "绝非高仿A货，假一赔十。"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90", absent: []string{"counterfeit word"}}},
		{"with a coordinator", withDescription(listing("Halvor Fish Oil Softgels 90", 230, "shop-9"), "Not a replica or a fake: genuine stock."), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90", absent: []string{"counterfeit word"}}},
		{"a word after other text is not negated", withDescription(listing("哈沃深海鱼油软胶囊 90粒", 230, "shop-9"), "非高仿，其实是A货"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90", reasons: []string{`"A货"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}
