package crawler

import (
	"testing"

	"github.com/shadowscan/shadowscan/rules"
)

// TestExtractShipFrom: a site rule's ship_from selector reads where a
// listing ships from, in HTML and JSON; a rule without it leaves it
// empty (schema.org has no such field to fall back on).
func TestExtractShipFrom(t *testing.T) {
	const htmlRule = `name: shipfrom-test
base_url: https://shop.test
search:
  url: "{base}/s?q={query}&page={page}"
  listing_links: "a.item@href"
listing:
  title: "h1"
  price: ".price"
  currency: CNY
  ship_from: ".delivery .from | re:发货地[:：]\\s*(.+)"
`
	site, err := rules.ParseSite("shipfrom.yaml", []byte(htmlRule))
	if err != nil {
		t.Fatal(err)
	}
	page := `<html><h1>奥罗拉植物蛋白粉</h1><span class="price">¥298</span><div class="delivery"><span class="from">发货地：浙江 杭州</span></div></html>`
	l, src, err := Extract(site, "https://shop.test/item/1", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if l.ShipFrom != "浙江 杭州" {
		t.Errorf("ship_from %q, want 浙江 杭州", l.ShipFrom)
	}
	found := false
	for _, s := range src {
		found = found || s.Field == "ship_from"
	}
	if !found {
		t.Error("ship_from not among the field sources (sites test would not show it)")
	}
	site2, err := rules.ParseSite("plain.yaml", []byte(`name: plain
base_url: https://shop.test
search:
  url: "{base}/s?q={query}&page={page}"
  listing_links: "a.item@href"
listing:
  title: "h1"
`))
	if err != nil {
		t.Fatal(err)
	}
	if l, _, _ := Extract(site2, "https://shop.test/item/1", []byte(page)); l.ShipFrom != "" {
		t.Errorf("ship_from %q without a rule", l.ShipFrom)
	}

	js := jsonTestSite(t, "https://api.test", `  listing_links: "items.#.url"`)
	if js.Listing.ShipFrom, err = rules.ParseJSONSelector("data.ship_from"); err != nil {
		t.Fatal(err)
	}
	l, _, err = Extract(js, "https://api.test/api/item/1", []byte(`{"data":{"id":1,"title":"x","price":"1","ship_from":"广东 广州"}}`))
	if err != nil || l.ShipFrom != "广东 广州" {
		t.Errorf("json ship_from %q %v", l.ShipFrom, err)
	}
}
