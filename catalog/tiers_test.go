package catalog

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shadowscan/shadowscan"
)

// TestTiersAndRegions: YAML, JSON and CSV catalogues give authorised
// sellers a tier and a region and products floors by tier and region,
// and read to the same catalogue.
func TestTiersAndRegions(t *testing.T) {
	files := map[string]string{
		"c.yaml": `brand:
  id: aurora
  name: Aurora Wellness
  authorized_sellers:
    - {site: demo-market, seller_id: shop-1187, tier: gold, region: 上海}
    - demo-market:shop-2200;tier=silver;region=浙江
products:
  - sku: AUR-PROT-500
    name: Aurora Plant Protein Powder 500g
    price: 298
    min_price: 268
    min_price_by_tier: {gold: 230, silver: 268}
    min_price_by_region: {浙江: 280}
    currency: CNY
`,
		"c.json": `{"brand": {"id": "aurora", "name": "Aurora Wellness", "authorized_sellers": [
  {"site": "demo-market", "seller_id": "shop-1187", "tier": "gold", "region": "上海"},
  "demo-market:shop-2200;tier=silver;region=浙江"]},
 "products": [{"sku": "AUR-PROT-500", "name": "Aurora Plant Protein Powder 500g", "price": 298, "min_price": 268,
  "min_price_by_tier": {"gold": 230, "silver": 268}, "min_price_by_region": {"浙江": 280}, "currency": "CNY"}]}
`,
		"c.csv": "brand_id,brand_name,authorized_sellers,sku,name,price,min_price,min_price_by_tier,min_price_by_region,currency\n" +
			"aurora,Aurora Wellness,demo-market:shop-1187;tier=gold;region=上海|demo-market:shop-2200;tier=silver;region=浙江,AUR-PROT-500,Aurora Plant Protein Powder 500g,298,268,gold=230|silver=268,浙江=280,CNY\n",
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			f, err := Load(context.Background(), fstest.MapFS{name: {Data: []byte(content)}}, name)
			if err != nil {
				t.Fatal(err)
			}
			b := f.Catalog.Brands[0]
			want := []shadowscan.SellerRef{
				{Site: "demo-market", SellerID: "shop-1187", Tier: "gold", Region: "上海"},
				{Site: "demo-market", SellerID: "shop-2200", Tier: "silver", Region: "浙江"},
			}
			if len(b.AuthorizedSellers) != 2 || b.AuthorizedSellers[0] != want[0] || b.AuthorizedSellers[1] != want[1] {
				t.Errorf("sellers %+v", b.AuthorizedSellers)
			}
			p := f.Catalog.Products[0]
			if p.MinPrice != 26800 || p.TierFloors["gold"] != 23000 || p.TierFloors["silver"] != 26800 || p.RegionFloors["浙江"] != 28000 {
				t.Errorf("floors %v %v %v", p.MinPrice, p.TierFloors, p.RegionFloors)
			}
			if fl, by := p.FloorFor(want[1]); fl != 28000 || by != "region 浙江" {
				t.Errorf("silver in 浙江: %v %q", fl, by)
			}
		})
	}
}

// TestTierErrorsNameTheField: a bad tier floor, seller attribute or
// floor cell is reported at its field and line.
func TestTierErrorsNameTheField(t *testing.T) {
	cases := []struct {
		name, file, content, field string
		line                       int
		msg                        string
	}{
		{"yaml tier floor above price", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    min_price_by_tier: {gold: 12}\n    currency: CNY\n",
			"products[0].min_price_by_tier.gold", 8, "12.00 is above price 10.00"},
		{"yaml region floor not a number", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    min_price_by_region:\n      上海: cheap\n    currency: CNY\n",
			"products[0].min_price_by_region.上海", 9, "not a decimal number"},
		{"yaml floors not a mapping", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    min_price_by_tier: [gold]\n    currency: CNY\n",
			"products[0].min_price_by_tier", 8, "not a mapping"},
		{"yaml seller attribute", "c.yaml", "brand:\n  id: aurora\n  name: A\n  authorized_sellers: [\"demo-market:s1;level=gold\"]\n" +
			"products:\n  - {sku: A, name: A, price: 1, currency: CNY}\n",
			"brand.authorized_sellers[0]", 4, `"level=gold" in`},
		{"yaml seller unknown key", "c.yaml", "brand:\n  id: aurora\n  name: A\n  authorized_sellers:\n    - {site: demo-market, seller_id: s1, tiers: gold}\n" +
			"products:\n  - {sku: A, name: A, price: 1, currency: CNY}\n",
			"brand.authorized_sellers[0].tiers", 5, "did you mean tier"},
		{"csv tier floor cell", "c.csv", "brand_id,brand_name,sku,name,price,min_price_by_tier,currency\naurora,A,A,A,10,gold:8,CNY\n",
			"min_price_by_tier", 2, `"gold:8" is not NAME=FLOOR`},
		{"csv region floor above price", "c.csv", "brand_id,brand_name,sku,name,price,min_price_by_region,currency\naurora,A,A,A,10,上海=11,CNY\n",
			"min_price_by_region.上海", 2, "above price"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(context.Background(), fstest.MapFS{tc.file: {Data: []byte(tc.content)}}, tc.file)
			fes := MustFieldErrors(t, err)
			for _, fe := range fes {
				if fe.Field == tc.field && fe.Line == tc.line && strings.Contains(fe.Msg+" "+fe.Accepted, tc.msg) {
					return
				}
			}
			t.Fatalf("errors %v, want field %s line %d containing %q", err, tc.field, tc.line, tc.msg)
		})
	}
}
