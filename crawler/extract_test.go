package crawler

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

func TestExtract(t *testing.T) {
	bare := &rules.Site{Name: "m"}
	ruled := demoSite("http://shop.test")
	tests := []struct {
		name string
		site *rules.Site
		url  string
		html string
		want shadowscan.Listing
		via  map[string]string // field -> Via
	}{
		{
			name: "rule selectors win over structured data",
			site: ruled, url: "http://shop.test/item/x1?from=search",
			html: `<html><head><link rel="canonical" href="/item/abc123">
<script type="application/ld+json">{"@type":"Product","name":"LD name","offers":{"price":"1","priceCurrency":"USD"}}</script></head>
<body><h1 class="title">  奥罗拉 植物蛋白粉
 500g </h1><span class="price">￥88-128</span><div class="shop"><a data-shop-id="s-9">旗舰店</a></div>
<div class="gallery"><img src="/i/1.jpg"><img src="//cdn.test/i/2.jpg"><img src="/i/1.jpg#dup"><img src="javascript:alert(1)"></div></body></html>`,
			want: shadowscan.Listing{Site: "m", ID: "abc123", URL: "http://shop.test/item/abc123", Title: "奥罗拉 植物蛋白粉 500g",
				Price: 8800, HasPrice: true, Currency: "CNY", SellerID: "s-9", SellerName: "旗舰店",
				Images: []shadowscan.ListingImage{{URL: "http://shop.test/i/1.jpg"}, {URL: "http://cdn.test/i/2.jpg"}}},
			via: map[string]string{"title": "h1.title", "price": "span.price", "currency": ViaPrice, "id": `link[rel=canonical]@href | re:/item/(\w+)`},
		},
		{
			name: "json-ld graph with offers array, seller @id and image objects",
			site: bare, url: "https://m.test/p/777.html",
			html: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList"},
{"@type":["Product","Thing"],"name":"Plant Protein","description":"d","sku":"AUR-1",
 "image":[{"@type":"ImageObject","url":"https://img.test/a.jpg"},"/b.jpg"],
 "offers":[{"@type":"Offer","availability":"https://schema.org/OutOfStock","price":298,"priceCurrency":"CNY",
   "seller":{"@type":"Organization","name":"Shop 1187","@id":"https://m.test/shop/1187/"}}]}]}</script>`,
			want: shadowscan.Listing{ID: "777", URL: "https://m.test/p/777.html", Title: "Plant Protein", Description: "d",
				Price: 29800, HasPrice: true, Currency: "CNY", SellerID: "1187", SellerName: "Shop 1187",
				Images: []shadowscan.ListingImage{{URL: "https://img.test/a.jpg"}, {URL: "https://m.test/b.jpg"}}},
			via: map[string]string{"title": ViaJSONLD, "price": ViaJSONLD, "seller_id": ViaJSONLD},
		},
		{
			name: "json-ld top-level array, aggregate offer lowPrice, seller identifier",
			site: bare, url: "https://m.test/detail?id=55&spm=x",
			html: `<script type="application/ld+json">
<!-- [{"@type":"WebPage"},{"@type":"Product","name":"P","image":"https://img.test/p.jpg",
"offers":{"@type":"AggregateOffer","lowPrice":"12.50","highPrice":"20","priceCurrency":"usd","seller":{"name":"S","identifier":"seller-7"}}}] -->
</script>`,
			want: shadowscan.Listing{ID: "55", URL: "https://m.test/detail?id=55&spm=x", Title: "P", Price: 1250, HasPrice: true,
				Currency: "USD", SellerID: "seller-7", SellerName: "S", Images: []shadowscan.ListingImage{{URL: "https://img.test/p.jpg"}}},
			via: map[string]string{"id": ViaURL},
		},
		{
			name: "microdata with nested offer and seller",
			site: bare, url: "https://m.test/item/md1",
			html: `<div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Anvil</span>
<img itemprop="image" src="anvil.jpg"><div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
<meta itemprop="priceCurrency" content="EUR"><span itemprop="price" content="1299.00">1.299,00 €</span>
<div itemprop="seller" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Shop EU</span></div></div>
<div itemscope itemtype="http://schema.org/Review"><span itemprop="name">not the product name</span></div></div>`,
			want: shadowscan.Listing{ID: "md1", URL: "https://m.test/item/md1", Title: "Anvil", Price: 129900, HasPrice: true,
				Currency: "EUR", SellerName: "Shop EU", Images: []shadowscan.ListingImage{{URL: "https://m.test/item/anvil.jpg"}}},
			via: map[string]string{"title": ViaMicrodata, "price": ViaMicrodata},
		},
		{
			name: "opengraph last",
			site: bare, url: "https://m.test/item/og1",
			html: `<head><meta property="og:title" content="OG Title"><meta property="og:image" content="https://img.test/og.jpg">
<meta property="product:price:amount" content="48,00"><meta property="product:price:currency" content="USD">
<meta property="og:description" content="desc"></head>`,
			want: shadowscan.Listing{ID: "og1", URL: "https://m.test/item/og1", Title: "OG Title", Description: "desc",
				Price: 4800, HasPrice: true, Currency: "USD", Images: []shadowscan.ListingImage{{URL: "https://img.test/og.jpg"}}},
			via: map[string]string{"title": ViaOpenGraph, "price": ViaOpenGraph},
		},
		{
			name: "removed marker and no price",
			site: ruled, url: "http://shop.test/item/off1",
			html: `<h1 class="title">T</h1><span class="price">价格面议</span><div class="offline-notice">已下架</div>`,
			want: shadowscan.Listing{ID: "off1", URL: "http://shop.test/item/off1", Title: "T", Removed: true, Gone: shadowscan.GoneMarker},
			via:  map[string]string{"removed": ".offline-notice"},
		},
		{
			name: "literal currency code",
			site: func() *rules.Site { s := demoSite("http://shop.test"); s.Listing.CurrencyCode = "HKD"; return s }(),
			url:  "http://shop.test/item/hk1", html: `<span class="price">$120</span>`,
			want: shadowscan.Listing{ID: "hk1", URL: "http://shop.test/item/hk1", Price: 12000, HasPrice: true, Currency: "HKD"},
			via:  map[string]string{"currency": ViaLiteral},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, src, err := Extract(tt.site, tt.url, []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Site = tt.site.Name
			if !equalListing(l, tt.want) {
				t.Errorf("got  %+v\nwant %+v", l, tt.want)
			}
			vias := map[string]string{}
			for _, s := range src {
				if _, ok := vias[s.Field]; !ok {
					vias[s.Field] = s.Via
				}
			}
			for f, v := range tt.via {
				if vias[f] != v {
					t.Errorf("field %s via %q, want %q (all %v)", f, vias[f], v, src)
				}
			}
		})
	}
}

func equalListing(a, b shadowscan.Listing) bool {
	if len(a.Images) != len(b.Images) {
		return false
	}
	for i := range a.Images {
		if a.Images[i] != b.Images[i] {
			return false
		}
	}
	a.Images, b.Images = nil, nil
	return reflect.DeepEqual(a, b)
}

func TestExtractCharset(t *testing.T) {
	page := `<html><head><meta charset="gbk"><title>x</title></head><body><h1 class="title">奥罗拉蛋白粉</h1><span class="price">￥298.00</span></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(gbk, []byte(page)) {
		t.Fatal("encoding did nothing")
	}
	l, _, err := Extract(demoSite("http://shop.test"), "http://shop.test/item/g1", gbk)
	if err != nil {
		t.Fatal(err)
	}
	if l.Title != "奥罗拉蛋白粉" || l.Price != 29800 || l.Currency != "CNY" {
		t.Errorf("GBK page read as %+v", l)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct{ name, url, html string }{
		{"relative page url", "/item/1", "<p>"},
		{"ftp page url", "ftp://x/item/1", "<p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Extract(&rules.Site{Name: "m"}, tt.url, []byte(tt.html))
			if shadowscan.ErrorCode(err) != shadowscan.EINVALID {
				t.Fatalf("err %v (code %q), want EINVALID", err, shadowscan.ErrorCode(err))
			}
		})
	}
}

// TestListingIdentity pins where a listing's id comes from. The case that
// started it: a site with /p/<id>/<title slug> URLs and no id selector gave
// every listing the slug as its id, and listings with one title overwrote
// each other in the store.
func TestListingIdentity(t *testing.T) {
	bare := &rules.Site{Name: "m"}
	ld := func(fields string) string {
		return `<script type="application/ld+json">{"@type":"Product","name":"x",` + fields + `}</script>`
	}
	tests := []struct {
		name, url, html string
		wantID, wantVia string
	}{
		{"numeric segment before a title slug", "https://m.test/p/48213/aurora-protein-500g", "<p>", "48213", ViaURL},
		{"numeric segment before a one-word slug", "https://m.test/p/48213/500g", "<p>", "48213", ViaURL},
		{"mixed token as the last segment", "https://m.test/dp/B08N5WRWNW", "<p>", "B08N5WRWNW", ViaURL},
		{"a slug ending in a number is not an id", "https://m.test/products/vital-protein-500g-2", "<p>", URLKey("https://m.test/products/vital-protein-500g-2"), ViaURLHash},
		{"a slug ending in a long number carries the id", "https://m.test/products/hand-cream-50ml-81234", "<p>", "81234", ViaURL},
		{"a slug ending in a year is not an id", "https://m.test/products/serum-2026", "<p>", URLKey("https://m.test/products/serum-2026"), ViaURLHash},
		{"a Lazada-style slug tail", "https://m.test/products/serum-i2210045.html", "<p>", "i2210045", ViaURL},
		{"a numeric segment beats a slug tail", "https://m.test/p/48213/serum-50ml-99999", "<p>", "48213", ViaURL},
		{"a Chinese slug is not an id", "https://m.test/item/%E8%9B%8B%E7%99%BD%E7%B2%89", "<p>", URLKey("https://m.test/item/%E8%9B%8B%E7%99%BD%E7%B2%89"), ViaURLHash},
		{"a word is not an id", "https://m.test/item/protein", "<p>", URLKey("https://m.test/item/protein"), ViaURLHash},
		{"id parameter", "https://m.test/item.htm?spm=a1z&id=6620001", "<p>", "6620001", ViaURL},
		{"id parameter wins over structured ids", "https://m.test/item.htm?id=66", ld(`"productID":"P-9","sku":"S-1"`), "66", ViaURL},
		{"productID wins over the url segment", "https://m.test/p/48213/x", ld(`"productID":"L-777"`), "L-777", ViaJSONLD},
		{"url segment wins over the sku (often the maker's code)", "https://m.test/p/48213/x", ld(`"sku":"AUR-PROT-500"`), "48213", ViaURL},
		{"sku when the url has no id", "https://m.test/products/vital-protein", ld(`"sku":"LST-0042"`), "LST-0042", ViaJSONLD},
		{"mpn after sku", "https://m.test/products/vital-protein", ld(`"mpn":"MPN-1"`), "MPN-1", ViaJSONLD},
		{"numeric productID", "https://m.test/products/vital-protein", ld(`"productID":12345`), "12345", ViaJSONLD},
		{"microdata productID", "https://m.test/products/vital", `<div itemscope itemtype="https://schema.org/Product"><meta itemprop="productID" content="md-55"><span itemprop="name">n</span></div>`, "md-55", ViaMicrodata},
		{"opengraph retailer item id", "https://m.test/products/vital", `<meta property="og:title" content="t"><meta property="product:retailer_item_id" content="og-9">`, "og-9", ViaOpenGraph},
		{"canonical url's id over the page url's", "https://m.test/go?x=1", `<link rel="canonical" href="/p/9001/slug">`, "9001", ViaURL},
		{"hash of the canonical url, without fragment", "https://m.test/products/vital#top", "<p>", URLKey("https://m.test/products/vital"), ViaURLHash},
		{"site root", "http://shop.test/", "<p>nothing</p>", URLKey("http://shop.test/"), ViaURLHash},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, src, err := Extract(bare, tt.url, []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if l.ID != tt.wantID {
				t.Errorf("id %q, want %q", l.ID, tt.wantID)
			}
			var via string
			for _, s := range src {
				if s.Field == "id" {
					via = s.Via
				}
			}
			if via != tt.wantVia {
				t.Errorf("id via %q, want %q", via, tt.wantVia)
			}
		})
	}
	// Same title, different listings: never one id.
	a, _, _ := Extract(bare, "https://m.test/products/vital-protein", []byte("<p>"))
	b, _, _ := Extract(bare, "https://m.test/products/vital-protein-1", []byte("<p>"))
	if a.ID == b.ID {
		t.Errorf("two slugs share the id %q", a.ID)
	}
	if got := idFromURL("https://m.test/p/48213/gone-listing"); got != "48213" {
		t.Errorf("idFromURL of a gone listing = %q, want 48213", got)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(`<script type="application/ld+json">{"@graph":[{"@type":"Product","offers":[{"price":{}}]}]}</script>`)
	f.Add(`<div itemscope itemtype="https://schema.org/Product" itemref="a a"><p id="a" itemprop="name">x</p></div>`)
	f.Add(`<meta property="og:title" content="x"><link rel=canonical href="http://[::1">`)
	f.Add(strings.Repeat("<div itemscope>", 200))
	site := demoSite("http://shop.test")
	f.Fuzz(func(t *testing.T, page string) {
		for _, s := range []*rules.Site{site, {Name: "bare"}} {
			l, _, err := Extract(s, "http://shop.test/item/f1", []byte(page))
			if err != nil {
				continue
			}
			if l.HasPrice && l.Price < 0 {
				t.Fatalf("negative price %v", l.Price)
			}
			if l.ID == "" {
				t.Fatal("empty id without error")
			}
		}
	})
}

// A price written with a symbol several currencies share ("$4.00" in
// Singapore, "¥" in Japan) is in the currency the rule's currency
// selector names; an explicit code in the price text still wins.
func TestExtractSharedSymbolYieldsToTheCurrencySelector(t *testing.T) {
	site := demoSite("http://shop.test")
	site.Listing.Currency = rules.MustParseSelector("span.price@data-currency")
	for _, c := range []struct{ price, attr, want string }{
		{"$4.00", "SGD", "SGD"},
		{"$ 12.90", "HKD", "HKD"},
		{"¥1,280", "JPY", "JPY"},
		{"￥88", "CNY", "CNY"},
		{"US$4.00", "SGD", "USD"},
		{"S$4.00", "MYR", "SGD"},
		{"RM 12.00", "SGD", "MYR"},
		{"$4.00", "", "USD"},
		{"$4.00", "dollars", "USD"},
	} {
		html := `<h1 class="title">x</h1><span class="price" data-currency="` + c.attr + `">` + c.price + `</span>`
		l, _, err := Extract(site, "http://shop.test/item/1", []byte(html))
		if err != nil {
			t.Fatal(err)
		}
		if l.Currency != c.want {
			t.Errorf("%q with the selector saying %q: currency %q, want %q", c.price, c.attr, l.Currency, c.want)
		}
	}
}

// TestExtractDescriptionParts checks that a description rule naming
// several parts of a page ("#feature-bullets, #productDescription", as on
// Amazon) reads every part, one a line, and keeps the bullets and the
// cells of an attribute table apart, as a reader of the page sees them.
func TestExtractDescriptionParts(t *testing.T) {
	page := `<html><body><h1 class="title">Aurora Plant Protein 500g</h1><span class="price">¥98</span>
<div id="feature-bullets"><ul><li>3x concentrated</li><li>Plant-based<br>surfactants</li></ul></div>
<div id="productDescription"><p>Replica packaging, identical formula.</p><script>var x = "not text";</script></div>
<div id="productDescription"><p>Second copy of the block.</p></div>
<table class="attrs"><tr><th>品牌</th><td>维德丽</td></tr><tr><th>品名</th><td>钙维D片120片</td></tr></table>
<div id="outer"><div class="inner">inner text</div> outer text</div>
</body></html>`
	tests := []struct {
		name, rule, want string
	}{
		{"every part, one a line", "#feature-bullets, #productDescription",
			"3x concentrated\nPlant-based\nsurfactants\nReplica packaging, identical formula.\nSecond copy of the block."},
		{"attribute table cells apart", "table.attrs", "品牌\n维德丽\n品名\n钙维D片120片"},
		{"a part inside another is read once", "#outer, #outer .inner", "inner text\nouter text"},
		{"a regular expression reads one line", "#productDescription | re:(Replica \\w+)", "Replica packaging"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := demoSite("http://shop.test")
			sel, err := rules.ParseSelector(tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			site.Listing.Description = sel
			l, _, err := Extract(site, "http://shop.test/item/d1", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if l.Description != tt.want {
				t.Errorf("description %q, want %q", l.Description, tt.want)
			}
		})
	}
}

// TestExtractPrivateSeller: a seller the page's schema.org data types
// Person (JSON-LD or microdata) is a private seller; an Organization, a
// Person and Organization at once, or a Person other than the seller the
// rule read is not.
func TestExtractPrivateSeller(t *testing.T) {
	page := func(head, body string) string {
		return `<html><head>` + head + `</head><body><h1 class="title">Aurora Hand Cream 50ml</h1><span class="price">¥59</span>` + body + `</body></html>`
	}
	ld := func(seller string) string {
		return `<script type="application/ld+json">{"@type":"Product","name":"Aurora Hand Cream","offers":{"price":"59","priceCurrency":"CNY","seller":` + seller + `}}</script>`
	}
	tests := []struct {
		name, html string
		shop       bool // the rule reads the seller from .shop a
		want       bool
	}{
		{"JSON-LD Person", page(ld(`{"@type":"Person","name":"jenny","identifier":"jenny_closet"}`), ""), false, true},
		{"JSON-LD Person as an IRI", page(ld(`{"@type":"https://schema.org/Person","name":"jenny"}`), ""), false, true},
		{"JSON-LD Organization", page(ld(`{"@type":"Organization","name":"Beauty Crate","identifier":"beautycrate"}`), ""), false, false},
		{"JSON-LD Person and Organization", page(ld(`{"@type":["Person","Organization"],"name":"jenny"}`), ""), false, false},
		{"JSON-LD Person, another seller on the page", page(ld(`{"@type":"Person","name":"jenny","identifier":"jenny_closet"}`), `<div class="shop"><a data-shop-id="shop-77">Lucky Store</a></div>`), true, false},
		{"microdata Person", page("", `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Aurora Hand Cream</span><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="59"><meta itemprop="priceCurrency" content="CNY"><div itemprop="seller" itemscope itemtype="https://schema.org/Person"><span itemprop="name">jenny</span></div></div></div>`), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := demoSite("http://shop.test")
			if !tt.shop {
				site.Listing.SellerID, site.Listing.SellerName = nil, nil
			}
			l, _, err := Extract(site, "http://shop.test/item/p1", []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if l.PrivateSeller != tt.want {
				t.Errorf("private seller %v, want %v (seller %q %q)", l.PrivateSeller, tt.want, l.SellerID, l.SellerName)
			}
		})
	}
}
