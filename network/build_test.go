package network

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

const site = "demo-market"

// listing makes a listing of seller on site.
func listing(site, id, seller, name, title, desc string, price shadowscan.Amount, images ...shadowscan.ListingImage) *shadowscan.Listing {
	return &shadowscan.Listing{Site: site, ID: id, URL: "http://127.0.0.1:8931/item/" + id, Title: title, Description: desc,
		Price: price, HasPrice: price > 0, Currency: "CNY", SellerID: seller, SellerName: name, Images: images}
}

// pdqOf is a random-looking PDQ hash from seed, good quality.
func pdqOf(seed uint64) shadowscan.PDQ {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return shadowscan.PDQ{r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64()}
}

// img is a hashed listing photo with PDQ p, flipped in the low flip bits.
func img(url string, p shadowscan.PDQ, flip int) shadowscan.ListingImage {
	for i := range flip {
		p[i/64] ^= 1 << (i % 64)
	}
	return shadowscan.ListingImage{URL: url, SHA256: strings.Repeat("a", 8) + url, PDQ: p, PDQQuality: 90, PHash: p[0], DHash: p[1], Hashed: true}
}

func catalog() *shadowscan.Catalog {
	official := pdqOf(1)
	return &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{ID: "aurora", Name: "Aurora", Aliases: []string{"奥罗拉", "AURORA"},
			OfficialSellers:   []shadowscan.SellerRef{{Site: site, SellerID: "aurora-official"}},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: site, SellerID: "shop-1187"}}}},
		Products: []shadowscan.Product{
			{SKU: "AUR-PROT-500", BrandID: "aurora", Price: 29800, MinPrice: 26800, Currency: "CNY",
				Images: []shadowscan.ImageRef{{Source: "p.jpg", PDQ: official, PDQQuality: 90, PHash: official[0], DHash: official[1]}}},
			{SKU: "AUR-VITC-60", BrandID: "aurora", Price: 12800, MinPrice: 11500, Currency: "CNY"},
			{SKU: "AUR-FISH-90", BrandID: "aurora", Price: 19800, MinPrice: 17800, Currency: "CNY"},
		},
	}
}

func build(t *testing.T, recs ...Record) []shadowscan.Network {
	t.Helper()
	b := NewBuilder(rules.DefaultDetection(), catalog())
	for _, r := range recs {
		b.Add(r)
	}
	return b.Build(nil)
}

// shopsOf is each network's shop keys.
func shopsOf(nets []shadowscan.Network) [][]string {
	var out [][]string
	for _, n := range nets {
		var ks []string
		for _, s := range n.Shops {
			ks = append(ks, s.Key())
		}
		out = append(out, ks)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

func linkKinds(n shadowscan.Network) []shadowscan.LinkKind {
	var out []shadowscan.LinkKind
	for _, l := range n.Links {
		if !slices.Contains(out, l.Kind) {
			out = append(out, l.Kind)
		}
	}
	slices.Sort(out)
	return out
}

func TestHandleLinksShopsAcrossSites(t *testing.T) {
	nets := build(t,
		Record{Listing: listing(site, "1", "s1", "健康小铺", "奥罗拉蛋白粉 原单 加微信：Aurora_VIP8", "", 9900)},
		Record{Listing: listing("jd-mall", "77", "kk2", "好物优选", "Aurora protein powder 500g", "咨询 ＶＸ：ａｕｒｏｒａ＿ｖｉｐ８ 拿货更便宜", 8800)},
		Record{Listing: listing(site, "3", "s3", "无关店铺", "奥罗拉蛋白粉 正品", "", 29800)},
	)
	if got := shopsOf(nets); !slices.Equal(got[0], []string{"demo-market/s1", "jd-mall/kk2"}) || len(got) != 1 {
		t.Fatalf("networks = %v, want one of demo-market/s1 and jd-mall/kk2", got)
	}
	l := nets[0].Links[0]
	if l.Kind != shadowscan.LinkHandle || l.Value != "wechat:aurora_vip8" || !l.Joined ||
		!slices.Equal(l.ListingsA, []string{"demo-market/1"}) || !slices.Equal(l.ListingsB, []string{"jd-mall/77"}) {
		t.Errorf("link = %+v", l)
	}
}

func TestSpacedPhoneLinks(t *testing.T) {
	nets := build(t,
		Record{Listing: listing(site, "1", "s1", "A店", "蛋白粉 批发 电话 138 1234 5678", "", 9900)},
		Record{Listing: listing(site, "2", "s2", "B店", "蛋白粉", "订货 １３８－１２３４－５６７８ 同微", 9900)},
	)
	if len(nets) != 1 || nets[0].Links[0].Value != "phone:+8613812345678" {
		t.Fatalf("networks = %+v", nets)
	}
}

func TestSharedPhotoLinks(t *testing.T) {
	own := pdqOf(42)
	nets := build(t,
		Record{Listing: listing(site, "1", "s1", "A", "蛋白粉", "", 9900, img("http://x/a.jpg", own, 0), img("http://x/a2.jpg", pdqOf(43), 0))},
		Record{Listing: listing(site, "3", "s1", "A", "蛋白粉", "", 9900, img("http://x/a3.jpg", pdqOf(44), 0))},
		Record{Listing: listing(site, "2", "s2", "B", "蛋白粉", "", 9900, img("http://y/b.jpg", own, 5), img("http://y/b2.jpg", pdqOf(43), 3), img("http://y/b3.jpg", pdqOf(44), 1))},
	)
	if len(nets) != 1 || len(nets[0].Links) != 3 {
		t.Fatalf("shared photos should join: %+v", nets)
	}
	for _, l := range nets[0].Links {
		if l.Kind != shadowscan.LinkPhoto || l.PhotoA == "" || l.PhotoB == "" {
			t.Errorf("link = %+v", l)
		}
	}
	if d := nets[0].Links[0].Distance; d != 3 && d != 5 {
		t.Errorf("distance = %d", d)
	}
}

func TestOneSharedPhotoIsTooWeak(t *testing.T) {
	nets := build(t,
		Record{Listing: listing(site, "1", "s1", "A", "蛋白粉", "", 9900, img("http://x/a.jpg", pdqOf(42), 0))},
		Record{Listing: listing(site, "2", "s2", "B", "蛋白粉", "", 9900, img("http://y/b.jpg", pdqOf(42), 1))},
	)
	if len(nets) != 0 {
		t.Fatalf("one shared photo joined: %+v", nets)
	}
}

func TestCirculatingPhotosLinkNobody(t *testing.T) {
	// Four resellers show the same three pictures of the product, which
	// circulate: more shops than networks.max_photo_shops.
	var recs []Record
	for _, s := range []string{"s1", "s2", "s3", "s4"} {
		recs = append(recs, Record{Listing: listing(site, s, s, "店"+s, "蛋白粉", "", 9900,
			img("http://"+s+"/a.jpg", pdqOf(42), 0), img("http://"+s+"/b.jpg", pdqOf(43), 1), img("http://"+s+"/c.jpg", pdqOf(44), 2))})
	}
	if nets := build(t, recs...); len(nets) != 0 {
		t.Fatalf("circulating photos joined shops: %v", shopsOf(nets))
	}
}

func TestCirculatingPhotoBesideAnotherPhotoLinks(t *testing.T) {
	// A workshop's two shops show its photos 42 and 43; photo 42 spread
	// to two copycats as well, so it circulates (four shops). Beside 43,
	// which only the two show, it is a second photo in common; the
	// copycats, who share only 42, stay out.
	circ, own := pdqOf(42), pdqOf(43)
	nets := build(t,
		Record{Listing: listing(site, "1", "w1", "甲", "蛋白粉", "", 9900, img("http://a/1.jpg", circ, 0), img("http://a/2.jpg", own, 0))},
		Record{Listing: listing("jd-mall", "2", "w2", "乙", "蛋白粉", "", 9900, img("http://b/1.jpg", circ, 2), img("http://b/2.jpg", own, 1))},
		Record{Listing: listing(site, "3", "copy1", "丙", "蛋白粉", "", 9900, img("http://c/1.jpg", circ, 1), img("http://c/2.jpg", pdqOf(50), 0))},
		Record{Listing: listing(site, "4", "copy2", "丁", "蛋白粉", "", 9900, img("http://d/1.jpg", circ, 0))},
	)
	if got := shopsOf(nets); len(got) != 1 || !slices.Equal(got[0], []string{"demo-market/w1", "jd-mall/w2"}) {
		t.Fatalf("networks = %v, want the two workshop shops only", got)
	}
	var circLink *shadowscan.NetworkLink
	for i, l := range nets[0].Links {
		if strings.Contains(l.Detail, "shown by 4 shops") {
			circLink = &nets[0].Links[i]
		}
	}
	if circLink == nil || circLink.Strength != rules.DefaultDetection().Networks.Strength.CirculatingPhoto {
		t.Errorf("links = %+v, want the circulating photo counted at its own strength", nets[0].Links)
	}
}

func TestOfficialPhotoNeverLinks(t *testing.T) {
	official := pdqOf(1)
	// Two unknown shops both show the catalogue photo (one turned a little)
	// and share nothing else but a second official-looking copy.
	nets := build(t,
		Record{Listing: listing(site, "1", "s1", "A", "蛋白粉", "", 9900, img("http://x/a.jpg", official, 0), img("http://x/c.jpg", official, 20))},
		Record{Listing: listing(site, "2", "s2", "B", "蛋白粉", "", 9900, img("http://y/b.jpg", official, 2), img("http://y/d.jpg", official, 21))},
	)
	if len(nets) != 0 {
		t.Fatalf("official photos linked shops: %+v", nets)
	}
}

func TestOwnerPhotosNeverLink(t *testing.T) {
	// The authorised shop's own photo (not in the catalogue) is copied by
	// two unknown shops, who share nothing else: no network, and the
	// authorised shop is in none.
	p1, p2 := pdqOf(7), pdqOf(8)
	nets := build(t,
		Record{Listing: listing(site, "9", "shop-1187", "Aurora 授权店", "蛋白粉", "", 29800, img("http://z/1.jpg", p1, 0), img("http://z/2.jpg", p2, 0))},
		Record{Listing: listing(site, "1", "s1", "A", "蛋白粉", "", 9900, img("http://x/1.jpg", p1, 0), img("http://x/2.jpg", p2, 0))},
		Record{Listing: listing(site, "2", "s2", "B", "蛋白粉", "", 9900, img("http://y/1.jpg", p1, 1), img("http://y/2.jpg", p2, 1))},
	)
	if len(nets) != 0 {
		t.Fatalf("an authorised shop's photos linked shops: %+v", nets)
	}
}

func TestOfficialShopHandleLinksNobody(t *testing.T) {
	nets := build(t,
		Record{Listing: listing(site, "0", "aurora-official", "Aurora 官方旗舰店", "蛋白粉", "客服热线 400-820-1234", 29800)},
		Record{Listing: listing(site, "1", "s1", "A", "蛋白粉", "客服热线 400-820-1234", 9900)},
		Record{Listing: listing(site, "2", "s2", "B", "蛋白粉", "客服热线 400-820-1234", 9900)},
	)
	if len(nets) != 0 {
		t.Fatalf("the brand's hotline linked shops: %+v", nets)
	}
}

func TestAuthorisedShopsAreNoRing(t *testing.T) {
	// Two authorised shops of the brand printing one WeChat id (the
	// brand's member line) are its channel: no network.
	cat := catalog()
	cat.Brands[0].AuthorizedSellers = append(cat.Brands[0].AuthorizedSellers, shadowscan.SellerRef{Site: site, SellerID: "shop-2045"})
	b := NewBuilder(rules.DefaultDetection(), cat)
	b.Add(Record{Listing: listing(site, "1", "shop-1187", "授权店", "蛋白粉", "会员专线 微信 aurora_member", 29800)})
	b.Add(Record{Listing: listing(site, "2", "shop-2045", "授权店2", "蛋白粉", "会员专线 微信 aurora_member", 29800)})
	if nets := b.Build(nil); len(nets) != 0 {
		t.Fatalf("two authorised shops made a network: %+v", nets)
	}
	// An unknown shop with the same id joins both: the analyst sees the
	// authorised shops marked as such.
	b.Add(Record{Listing: listing(site, "3", "ring", "特价仓", "蛋白粉 原单", "微信 aurora_member", 9900)})
	nets := b.Build(nil)
	if len(nets) != 1 || len(nets[0].Shops) != 3 || nets[0].Shop("demo-market/shop-1187").Role != "authorized" {
		t.Fatalf("networks = %+v", nets)
	}
}

func TestShopNameAloneIsTooWeak(t *testing.T) {
	nets := build(t,
		Record{Listing: listing(site, "1", "s1", "奥罗拉健康生活馆旗舰店", "蛋白粉", "", 9900)},
		Record{Listing: listing(site, "2", "s2", "奥罗拉健康生活馆 专营店", "蛋白粉", "", 9900)},
		Record{Listing: listing(site, "3", "s3", "健康小铺", "蛋白粉", "", 9900)},
		Record{Listing: listing(site, "4", "s4", "健康小铺店", "蛋白粉", "", 9900)},
	)
	if len(nets) != 0 {
		t.Fatalf("a shop name alone joined: %+v", nets)
	}
}

func TestShopNameAndPhotoJoin(t *testing.T) {
	nets := build(t,
		Record{Listing: listing(site, "1", "s1", "奥罗拉健康生活馆旗舰店", "蛋白粉", "", 9900, img("http://x/a.jpg", pdqOf(42), 0), img("http://x/b.jpg", pdqOf(45), 0))},
		Record{Listing: listing("jd-mall", "2", "s2", "奥 罗 拉 健康生活館 专营店", "蛋白粉", "", 9900, img("http://y/b.jpg", pdqOf(42), 4), img("http://y/c.jpg", pdqOf(45), 2))},
	)
	if len(nets) != 1 || !slices.Equal(linkKinds(nets[0]), []shadowscan.LinkKind{shadowscan.LinkPhoto, shadowscan.LinkShopName}) {
		t.Fatalf("networks = %+v", nets)
	}
}

func TestProductSetAtSamePrices(t *testing.T) {
	var recs []Record
	for _, s := range []string{"s1", "s2"} {
		recs = append(recs,
			Record{Listing: listing(site, s+"-a", s, "店"+s, "蛋白粉", "", 9900), SKU: "AUR-PROT-500"},
			Record{Listing: listing(site, s+"-b", s, "店"+s, "维C", "", 3900), SKU: "AUR-VITC-60"},
			Record{Listing: listing(site, s+"-c", s, "店"+s, "鱼油", "", 5900), SKU: "AUR-FISH-90"},
			Record{Listing: listing(site, s+"-d", s, "店"+s, "蛋白粉", "", 29800), SKU: "AUR-PROT-500"}, // list price: shared by honest shops
		)
	}
	// A third shop sells everything at list price: no link.
	recs = append(recs,
		Record{Listing: listing(site, "h-a", "honest", "好店", "蛋白粉", "", 29800), SKU: "AUR-PROT-500"},
		Record{Listing: listing(site, "h-b", "honest", "好店", "维C", "", 12800), SKU: "AUR-VITC-60"},
	)
	b := NewBuilder(rules.DefaultDetection(), catalog())
	for _, r := range recs {
		b.Add(r)
	}
	k := b.newLinker()
	b.linkProductSets(k)
	p := k.pairs[[2]string{"demo-market/s1", "demo-market/s2"}]
	if p == nil || len(k.pairs) != 1 || p.links[0].Kind != shadowscan.LinkProductSet || p.strength != 2 {
		t.Fatalf("pairs = %+v", k.pairs)
	}
	if !strings.Contains(p.links[0].Detail, "same 3 products") || strings.Contains(p.links[0].Detail, "298") {
		t.Errorf("detail = %q", p.links[0].Detail)
	}
	// With a shared handle as well the two are a network.
	recs = append(recs, Record{Listing: listing(site, "s1-e", "s1", "店s1", "x", "飞机 @aurora_cheap", 1)},
		Record{Listing: listing(site, "s2-e", "s2", "店s2", "x", "tg: aurora_cheap", 1)})
	if nets := build(t, recs...); len(nets) != 1 || len(nets[0].Shops) != 2 {
		t.Fatalf("networks = %+v", nets)
	}
}

// TestNameStemAndOddPrices: two shops whose names open with the same
// coined name and that sell two products at the same odd prices are one
// network (the held-out world's 颜小蜜 shops); either alone is not, nor is
// a stem of a brand's name or of common shop words, nor round prices.
func TestNameStemAndOddPrices(t *testing.T) {
	pair := func(nameA, nameB string, protein, vitc shadowscan.Amount) []Record {
		var recs []Record
		for _, s := range []struct{ id, name string }{{"s1", nameA}, {"s2", nameB}} {
			recs = append(recs,
				Record{Listing: listing(site, s.id+"-a", s.id, s.name, "蛋白粉", "", protein), SKU: "AUR-PROT-500"},
				Record{Listing: listing(site, s.id+"-b", s.id, s.name, "维C", "", vitc), SKU: "AUR-VITC-60"})
		}
		return recs
	}
	tests := []struct {
		name string
		recs []Record
		want bool
	}{
		{"coined stem and two odd prices", pair("颜小蜜护肤馆", "颜小蜜美妆", 23660, 8360), true},
		{"coined stem, round prices", pair("颜小蜜护肤馆", "颜小蜜美妆", 23600, 8300), false},
		{"coined stem, charm prices", pair("颜小蜜护肤馆", "颜小蜜美妆", 23690, 8399), false},
		{"odd prices, unrelated names", pair("颜小蜜护肤馆", "丽人尾单护肤", 23660, 8360), false},
		{"a brand's name is no stem", pair("奥罗拉正品折扣仓", "奥罗拉工厂直销", 23660, 8360), false},
		{"common shop words are no stem", pair("健康优选小铺", "健康优选生活馆", 23660, 8360), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nets := build(t, tt.recs...)
			if got := len(nets) == 1; got != tt.want {
				t.Fatalf("networks = %v, want joined %v", shopsOf(nets), tt.want)
			}
			if !tt.want {
				return
			}
			if kinds := linkKinds(nets[0]); !slices.Equal(kinds, []shadowscan.LinkKind{shadowscan.LinkProductSet, shadowscan.LinkShopName}) {
				t.Errorf("link kinds = %v", kinds)
			}
			for _, l := range nets[0].Links {
				if l.Kind == shadowscan.LinkShopName && !strings.Contains(l.Detail, `open with the same name "颜小蜜"`) {
					t.Errorf("name link detail = %q", l.Detail)
				}
			}
		})
	}
}

func TestCommonHandleLinksNobody(t *testing.T) {
	var recs []Record
	for i := range 13 {
		id := string(rune('a' + i))
		recs = append(recs, Record{Listing: listing(site, id, "s"+id, "店"+id, "蛋白粉", "平台客服 qq 800012345", 9900)})
	}
	if nets := build(t, recs...); len(nets) != 0 {
		t.Fatalf("a handle of 13 shops joined them: %d networks", len(nets))
	}
}

func TestNetworkIsConnectedGroupAndReasons(t *testing.T) {
	b := NewBuilder(rules.DefaultDetection(), catalog())
	for _, r := range []Record{
		{Listing: listing(site, "1", "s1", "A", "蛋白粉 微信 abc_factory", "", 9900), HitID: 11},
		{Listing: listing(site, "2", "s2", "B", "蛋白粉", "wx: abc_factory; qq 55667788", 9900), HitID: 12},
		{Listing: listing("jd-mall", "3", "s3", "C", "蛋白粉 扣扣 5566 7788", "", 9900)},
	} {
		b.Add(r)
	}
	nets := b.Build(func(site, id string) int {
		if id == "s1" {
			return 2
		}
		return 0
	})
	if len(nets) != 1 || len(nets[0].Shops) != 3 {
		t.Fatalf("networks = %v", shopsOf(nets))
	}
	rs := Reasons(nets)
	got := rs["jd-mall/s3"]
	if !strings.Contains(got, "with demo-market/s1 (2 confirmed hits)") || !strings.Contains(got, "same QQ number 55667788") ||
		!strings.Contains(got, nets[0].ID) {
		t.Errorf("reason of s3 = %q", got)
	}
	if _, ok := rs["demo-market/s1"]; ok {
		t.Errorf("the confirmed shop got a network reason for itself: %q", rs["demo-market/s1"])
	}
	if got := rs["demo-market/s2"]; !strings.Contains(got, "same WeChat id abc_factory") {
		t.Errorf("reason of s2 = %q", got)
	}
	if s := nets[0].Shop("demo-market/s1"); s == nil || !slices.Equal(s.Hits, []uint64{11}) || s.Confirmed != 2 {
		t.Errorf("shop s1 = %+v", s)
	}
}

func TestShopName(t *testing.T) {
	for in, want := range map[string]string{
		"奥罗拉健康生活馆旗舰店":     "奥罗拉健康生活馆",
		"ＡＵＲＯＲＡ Ｓｈｏｐ":     "aurora",
		"Aurora-Store 88": "aurora88",
	} {
		if got := ShopName(in); got != want {
			t.Errorf("ShopName(%q) = %q, want %q", in, got, want)
		}
	}
}
