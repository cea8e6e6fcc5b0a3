package matcher

import (
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// tieredCatalog is the test catalogue with shop-1187 a gold distributor
// in 上海, shop-2200 a silver one in 浙江, and floors for AUR-PROT-500
// (list 298, min_price 268) by tier and region.
func tieredCatalog() *shadowscan.Catalog {
	c := testCatalog()
	c.Brands[0].AuthorizedSellers = []shadowscan.SellerRef{
		{Site: "demo-market", SellerID: "shop-1187", Tier: "gold", Region: "上海"},
		{Site: "demo-market", SellerID: "shop-2200", Tier: "silver", Region: "浙江"},
		{Site: "demo-market", SellerID: "shop-3300", Region: "广东|广西"},
	}
	p := &c.Products[0]
	p.TierFloors = map[string]shadowscan.Amount{"gold": shadowscan.AmountFromFloat(230), "silver": shadowscan.AmountFromFloat(268)}
	p.RegionFloors = map[string]shadowscan.Amount{"浙江": shadowscan.AmountFromFloat(280)}
	return c
}

// TestTierAndRegionFloors: dumping is judged against the seller's own
// floor, so the same price is dumping for one distributor and fine for
// another, as the catalogue says.
func TestTierAndRegionFloors(t *testing.T) {
	m, err := New(tieredCatalog(), testDetection())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, seller string
		price        float64
		dumping      bool
		says         string
	}{
		{"gold tier may sell under min_price", "shop-1187", 240, false, "floor for AUR-PROT-500 is ¥230.00 (tier gold)"},
		{"gold tier under its own floor is dumping", "shop-1187", 220, true, "under the authorised floor ¥230.00"},
		{"silver in 浙江: the higher region floor binds", "shop-2200", 275, true, "¥280.00 (region 浙江)"},
		{"silver in 浙江 at the region floor", "shop-2200", 280, false, ""},
		{"no tier floor: min_price", "shop-3300", 260, true, "under the authorised floor ¥268.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := m.Match(listing("奥罗拉植物蛋白粉 500g", c.price, c.seller))
			got := v.Flagged && v.Category == shadowscan.CategoryPriceDumping
			if got != c.dumping {
				t.Fatalf("dumping %v, want %v: %+v", got, c.dumping, v.Reasons)
			}
			if c.says != "" && !hasReason(v, c.says) {
				t.Errorf("no reason saying %q: %+v", c.says, v.Reasons)
			}
		})
	}
	// Without tiers the gold seller's ¥240 is dumping under min_price.
	plain := MustMatcher(t)
	if v := plain.Match(listing("奥罗拉植物蛋白粉 500g", 240, "shop-1187")); v.Category != shadowscan.CategoryPriceDumping {
		t.Errorf("without tier floors: %s, want price_dumping", v.Category)
	}
}

// TestRegionDiversion: an authorised seller's listing shipping from
// outside its region is code_tampered (diversion); inside it, or with no
// ship-from on the page, it is not flagged.
func TestRegionDiversion(t *testing.T) {
	m, err := New(tieredCatalog(), testDetection())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, seller, from string
		diverted           bool
	}{
		{"outside its region", "shop-1187", "广东 广州", true},
		{"inside its region", "shop-1187", "上海市 浦东新区", false},
		{"province with suffix", "shop-2200", "浙江省杭州市", false},
		{"one of several places", "shop-3300", "广西 南宁", false},
		{"not one of several places", "shop-3300", "北京", true},
		{"page does not say", "shop-1187", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := listing("奥罗拉植物蛋白粉 500g", 298, c.seller)
			l.ShipFrom = c.from
			v := m.Match(l)
			got := v.Flagged && v.Category == shadowscan.CategoryCodeTampered
			if got != c.diverted {
				t.Fatalf("diverted %v, want %v: %s %+v", got, c.diverted, v.Category, v.Reasons)
			}
			if c.diverted && !hasReason(v, "outside seller "+c.seller+"'s region") {
				t.Errorf("reason does not name the region: %+v", v.Reasons)
			}
		})
	}
	// An unknown seller shipping from anywhere is judged as before.
	l := listing("奥罗拉植物蛋白粉 500g", 298, "shop-9")
	l.ShipFrom = "广东"
	if v := m.Match(l); hasReason(v, "region") {
		t.Errorf("region reason for an unknown seller: %+v", v.Reasons)
	}
}

func hasReason(v shadowscan.Verdict, s string) bool {
	for _, r := range v.Reasons {
		if strings.Contains(r.Signal+": "+r.Detail, s) {
			return true
		}
	}
	return false
}
