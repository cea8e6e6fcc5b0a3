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
			want: shadowscan.Listing{ID: "off1", URL: "http://shop.test/item/off1", Title: "T", Removed: true},
			via:  map[string]string{"removed": ".offline-notice"},
		},
		{
			name: "literal currency code",
			site: func() *rules.Site { s := demoSite("http://shop.test"); s.Listing.CurrencyCode = "HKD"; return s }(),
			url:  "http://shop.test/item/hk", html: `<span class="price">$120</span>`,
			want: shadowscan.Listing{ID: "hk", URL: "http://shop.test/item/hk", Price: 12000, HasPrice: true, Currency: "HKD"},
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
		{"no id anywhere", "http://shop.test/", "<p>nothing</p>"},
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
