package demo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/jpeg"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// newTestMarket serves a fresh Market on a 127.0.0.1 httptest server.
func newTestMarket(t *testing.T) (*Market, *httptest.Server) {
	t.Helper()
	m := NewMarket()
	srv := httptest.NewServer(m.Handler()) // httptest listens on 127.0.0.1
	t.Cleanup(srv.Close)
	return m, srv
}

// MustGet fetches url and returns the status, headers and body.
func MustGet(tb testing.TB, u string) (int, http.Header, []byte) {
	tb.Helper()
	resp, err := http.Get(u)
	if err != nil {
		tb.Fatalf("get %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read %s: %v", u, err)
	}
	return resp.StatusCode, resp.Header, body
}

// MustDoc fetches an HTML page that must answer want.
func MustDoc(tb testing.TB, u string, want int) *goquery.Document {
	tb.Helper()
	status, _, body := MustGet(tb, u)
	if status != want {
		tb.Fatalf("get %s: status %d, want %d: %s", u, status, want, body)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("parse %s: %v", u, err)
	}
	return doc
}

func find(t *testing.T, pred func(l Listing) bool) Listing {
	t.Helper()
	for _, l := range Listings() {
		if pred(l) {
			return l
		}
	}
	t.Fatal("no listing matches")
	return Listing{}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, q string
		want    []string
	}{
		{"latin words lower-cased", "Aurora Protein  Powder", []string{"aurora", "protein", "powder"}},
		{"chinese run and its bigrams", "奥罗拉蛋白", []string{"奥罗拉蛋白", "奥罗", "罗拉", "拉蛋", "蛋白"}},
		{"two-character run kept once", "鱼油", []string{"鱼油"}},
		{"full width folded", "ＡＵＲＯＲＡ　500g", []string{"aurora", "500g"}},
		{"mixed scripts split", "奥罗拉AURORA/500克", []string{"奥罗拉", "奥罗", "罗拉", "aurora", "500"}},
		{"single characters dropped", "a 克 x", nil},
		{"punctuation only", "!!! ??? 【】", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.q, got, tt.want)
			}
		})
	}
}

// searchAll follows next links from page 1 and returns the listing ids in order.
func searchAll(t *testing.T, base, q string) (ids []string, pages int) {
	t.Helper()
	next := base + "/search?q=" + url.QueryEscape(q)
	for next != "" {
		doc := MustDoc(t, next, http.StatusOK)
		pages++
		n := doc.Find("div.result a.title").Each(func(_ int, s *goquery.Selection) {
			href, _ := s.Attr("href")
			ids = append(ids, strings.TrimPrefix(href, "/item/"))
		}).Length()
		if n > PageSize {
			t.Fatalf("%s: %d results on a page, want at most %d", next, n, PageSize)
		}
		href, ok := doc.Find("a.next").Attr("href")
		if !ok {
			break
		}
		if n != PageSize {
			t.Fatalf("%s: a next link after a short page of %d", next, n)
		}
		want := fmt.Sprintf("page=%d", pages+1)
		if !strings.Contains(href, want) {
			t.Fatalf("next link %q, want %s", href, want)
		}
		next = base + href
		if pages > 50 {
			t.Fatal("next links do not end")
		}
	}
	return ids, pages
}

func TestSearch(t *testing.T) {
	m, srv := newTestMarket(t)
	byID := map[string]Listing{}
	for _, l := range Listings() {
		byID[l.ID] = l
	}
	tests := []struct {
		name, q   string
		minPages  int
		mustFind  func(l Listing) bool // some result satisfies it
		mustMatch func(l Listing) bool // every result satisfies it
	}{
		{name: "brand query pages through many results", q: "奥罗拉", minPages: 3,
			mustMatch: func(l Listing) bool {
				return strings.Contains(l.Title+strings.Join(l.Keywords, " "), "奥罗") || strings.Contains(l.Title+strings.Join(l.Keywords, " "), "罗拉")
			}},
		{name: "hidden keywords bring look-alikes", q: "奥罗拉", minPages: 1,
			mustFind: func(l Listing) bool { return strings.HasPrefix(l.Title, "Aurara") }},
		{name: "full-width titles match latin queries", q: "aurora", minPages: 1,
			mustFind: func(l Listing) bool { return strings.Contains(l.Title, "ＡＵＲＯＲＡ") }},
		{name: "latin query ignores case", q: "VERDANCE Serum", minPages: 1,
			mustFind: func(l Listing) bool { return l.Truth.SKU == "VER-SER-30" }},
		{name: "chinese bigrams find unspaced titles", q: "深海鱼油", minPages: 1,
			mustMatch: func(l Listing) bool {
				s := strings.ToLower(l.Title + " " + strings.Join(l.Keywords, " "))
				return strings.Contains(s, "深海") || strings.Contains(s, "海鱼") || strings.Contains(s, "鱼油")
			}},
		{name: "no match gives one empty page", q: "zzzqqq", minPages: 1,
			mustMatch: func(Listing) bool { return false }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, pages := searchAll(t, srv.URL, tt.q)
			if pages < tt.minPages {
				t.Errorf("%d pages, want at least %d", pages, tt.minPages)
			}
			if want := m.search(tt.q); len(ids) != len(want) {
				t.Errorf("paged through %d results, search has %d", len(ids), len(want))
			}
			seen := map[string]bool{}
			found := tt.mustFind == nil
			for _, id := range ids {
				l, ok := byID[id]
				if !ok || seen[id] {
					t.Fatalf("result %q unknown or repeated", id)
				}
				seen[id] = true
				if tt.mustMatch != nil && !tt.mustMatch(l) {
					t.Errorf("result %s %q does not match %q", id, l.Title, tt.q)
				}
				found = found || tt.mustFind(l)
			}
			if !found {
				t.Errorf("no expected listing among %d results", len(ids))
			}
			again, _ := searchAll(t, srv.URL, tt.q)
			if !slices.Equal(ids, again) {
				t.Error("search order is not deterministic")
			}
		})
	}
}

func TestSearchRejectsBadPages(t *testing.T) {
	_, srv := newTestMarket(t)
	for _, p := range []string{"0", "-1", "x", "100000"} {
		if status, _, _ := MustGet(t, srv.URL+"/search?q=aurora&page="+p); status != http.StatusBadRequest {
			t.Errorf("page %s: status %d, want 400", p, status)
		}
	}
	doc := MustDoc(t, srv.URL+"/search?q=aurora&page=999", http.StatusOK)
	if doc.Find("div.result").Length() != 0 || doc.Find("a.next").Length() != 0 {
		t.Error("a page past the end has results or a next link")
	}
}

type jsonLD struct {
	Context string   `json:"@context"`
	Type    string   `json:"@type"`
	Name    string   `json:"name"`
	Desc    string   `json:"description"`
	Image   []string `json:"image"`
	Offers  struct {
		Type          string             `json:"@type"`
		Price         *shadowscan.Amount `json:"price"`
		LowPrice      *shadowscan.Amount `json:"lowPrice"`
		PriceCurrency string             `json:"priceCurrency"`
		Seller        struct {
			Name       string `json:"name"`
			Identifier string `json:"identifier"`
		} `json:"seller"`
	} `json:"offers"`
}

func TestItemPage(t *testing.T) {
	m, srv := newTestMarket(t)
	cases := map[string]Listing{
		"counterfeit with reused photo": find(t, func(l Listing) bool {
			return l.Truth.Category == shadowscan.CategoryCounterfeit && l.Images[0].Reused()
		}),
		"price range":      find(t, func(l Listing) bool { return strings.Contains(l.PriceText, "-") }),
		"grouped price":    find(t, func(l Listing) bool { return strings.Contains(l.PriceText, ",") }),
		"yuan suffix":      find(t, func(l Listing) bool { return strings.HasSuffix(l.PriceText, "元") }),
		"negotiable price": find(t, func(l Listing) bool { return l.PriceText == "面议" }),
		"no price":         find(t, func(l Listing) bool { return l.PriceText == "" }),
		"markup in text":   find(t, func(l Listing) bool { return strings.Contains(l.Title, "<script>") }),
		"full-width title": find(t, func(l Listing) bool { return strings.Contains(l.Title, "ＡＵＲＯＲＡ") }),
	}
	for name, l := range cases {
		t.Run(name, func(t *testing.T) {
			status, _, raw := MustGet(t, srv.URL+"/item/"+l.ID)
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			if bytes.Contains(raw, []byte("<script>alert")) || bytes.Contains(raw, []byte("<img src=x")) || bytes.Contains(raw, []byte("<b>店铺")) {
				t.Fatal("listing text reached the page unescaped")
			}
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := doc.Find("link[rel=canonical]").Attr("href"); got != srv.URL+"/item/"+l.ID {
				t.Errorf("canonical %q", got)
			}
			if got := doc.Find("h1.title").Text(); got != l.Title {
				t.Errorf("title %q, want %q", got, l.Title)
			}
			price := doc.Find("span.price")
			if l.PriceText == "" && price.Length() != 0 || l.PriceText != "" && price.Text() != l.PriceText {
				t.Errorf("price %q (%d spans), want %q", price.Text(), price.Length(), l.PriceText)
			}
			shop := doc.Find(".shop a")
			if id, _ := shop.Attr("data-shop-id"); id != l.SellerID || shop.Text() != l.SellerName {
				t.Errorf("shop %q %q, want %q %q", id, shop.Text(), l.SellerID, l.SellerName)
			}
			if got := doc.Find(".desc").Text(); got != l.Description {
				t.Errorf("description %q, want %q", got, l.Description)
			}
			imgs := doc.Find(".gallery img")
			if imgs.Length() != len(l.Images) {
				t.Fatalf("%d gallery images, want %d", imgs.Length(), len(l.Images))
			}
			imgs.Each(func(i int, s *goquery.Selection) {
				src, _ := s.Attr("src")
				if want := fmt.Sprintf("/img/%s/%d.jpg", l.ID, i); src != want {
					t.Errorf("image %d src %q, want %q", i, src, want)
				}
			})
			if doc.Find("a[href^='/admin/']").Length() == 0 {
				t.Error("no admin link for robots to guard")
			}
			var ld jsonLD
			script := doc.Find(`script[type="application/ld+json"]`)
			if err := json.Unmarshal([]byte(script.Text()), &ld); err != nil {
				t.Fatalf("JSON-LD %q: %v", script.Text(), err)
			}
			if ld.Type != "Product" || ld.Name != l.Title || ld.Desc != l.Description || len(ld.Image) != len(l.Images) ||
				ld.Offers.PriceCurrency != "CNY" || ld.Offers.Seller.Identifier != l.SellerID || ld.Offers.Seller.Name != l.SellerName {
				t.Errorf("JSON-LD %+v does not match the listing", ld)
			}
			var ldPrice *shadowscan.Amount
			if ld.Offers.Price != nil {
				ldPrice = ld.Offers.Price
			} else {
				ldPrice = ld.Offers.LowPrice
			}
			switch {
			case l.HasPrice() && (ldPrice == nil || *ldPrice != l.Price):
				t.Errorf("JSON-LD price %v, want %s", ldPrice, l.Price)
			case !l.HasPrice() && ldPrice != nil:
				t.Errorf("JSON-LD price %s for a listing without one", *ldPrice)
			}
			if ld.Image[0] != srv.URL+fmt.Sprintf("/img/%s/0.jpg", l.ID) {
				t.Errorf("JSON-LD image %q", ld.Image[0])
			}
		})
	}
	if n := m.Requests("/admin/"); n != 0 {
		t.Errorf("%d admin requests", n)
	}
}

func TestPhotos(t *testing.T) {
	m, srv := newTestMarket(t)
	reused := find(t, func(l Listing) bool { return l.Images[0].Reused() })
	own := find(t, func(l Listing) bool { return !l.Images[0].Reused() })
	for _, l := range []Listing{reused, own} {
		for i := range l.Images {
			u := fmt.Sprintf("%s/img/%s/%d.jpg", srv.URL, l.ID, i)
			status, h, body := MustGet(t, u)
			if status != http.StatusOK || h.Get("Content-Type") != "image/jpeg" {
				t.Fatalf("%s: %d %s", u, status, h.Get("Content-Type"))
			}
			img, err := jpeg.Decode(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			if w := img.Bounds().Dx(); w < 300 || w > 600 {
				t.Errorf("%s: %d px wide, want 300-600", u, w)
			}
			_, _, again := MustGet(t, u)
			if !bytes.Equal(body, again) {
				t.Errorf("%s: second fetch differs from the first", u)
			}
		}
	}
	// A new market makes the same bytes: photos are deterministic.
	a, _ := m.Photo(reused.ID, 0)
	b, _ := NewMarket().Photo(reused.ID, 0)
	if !bytes.Equal(a, b) {
		t.Error("photos differ between markets")
	}
	for _, p := range []string{"/img/" + own.ID + "/9.jpg", "/img/" + own.ID + "/x.jpg", "/img/" + own.ID + "/0.png", "/img/nosuch/0.jpg"} {
		if status, _, _ := MustGet(t, srv.URL+p); status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, status)
		}
	}
}

func TestRobotsAndCounters(t *testing.T) {
	m, srv := newTestMarket(t)
	status, h, body := MustGet(t, srv.URL+"/robots.txt")
	if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") || !strings.Contains(string(body), "Disallow: /admin/") {
		t.Fatalf("robots.txt: %d %q", status, body)
	}
	l := Listings()[0]
	MustGet(t, srv.URL+"/item/"+l.ID)
	MustGet(t, srv.URL+"/item/"+l.ID)
	MustGet(t, srv.URL+"/shop/"+l.SellerID)
	if got := m.Requests("/item/" + l.ID); got != 2 {
		t.Errorf("Requests(item) = %d, want 2", got)
	}
	if got := m.Requests("/admin/"); got != 0 {
		t.Errorf("Requests(/admin/) = %d before any admin fetch", got)
	}
	if status, _, _ := MustGet(t, srv.URL+"/admin/listing/"+l.ID); status != http.StatusForbidden {
		t.Errorf("admin: status %d, want 403", status)
	}
	if got := m.Requests("/admin/"); got != 1 {
		t.Errorf("Requests(/admin/) = %d, want 1", got)
	}
	if got := m.TotalRequests(); got != 5 {
		t.Errorf("TotalRequests() = %d, want 5", got)
	}
	doc := MustDoc(t, srv.URL+"/shop/"+l.SellerID, http.StatusOK)
	if doc.Find(".shop-listings a[href='/item/"+l.ID+"']").Length() != 1 {
		t.Error("shop page does not list the shop's listing")
	}
	if status, _, _ := MustGet(t, srv.URL+"/shop/no-such-shop"); status != http.StatusNotFound {
		t.Errorf("unknown shop: %d, want 404", status)
	}
}

func TestTakeDown(t *testing.T) {
	m, srv := newTestMarket(t)
	l := Listings()[10]
	item := srv.URL + "/item/" + l.ID
	tests := []struct {
		how        Removal
		status     int
		photo      int
		wantMarker bool
	}{
		{NotFound, http.StatusNotFound, http.StatusNotFound, false},
		{Gone, http.StatusGone, http.StatusGone, false},
		{Marker, http.StatusOK, http.StatusNotFound, true},
	}
	for _, tt := range tests {
		t.Run(tt.how.String(), func(t *testing.T) {
			m.TakeDown(l.ID, tt.how)
			status, _, body := MustGet(t, item)
			if status != tt.status {
				t.Fatalf("status %d, want %d", status, tt.status)
			}
			if got := strings.Contains(string(body), `<div class="offline-notice">此商品已下架</div>`); got != tt.wantMarker {
				t.Errorf("offline notice present %v, want %v", got, tt.wantMarker)
			}
			if status, _, _ := MustGet(t, srv.URL+"/img/"+l.ID+"/0.jpg"); status != tt.photo {
				t.Errorf("photo status %d, want %d", status, tt.photo)
			}
			m.Restore(l.ID)
			doc := MustDoc(t, item, http.StatusOK)
			if doc.Find(".offline-notice").Length() != 0 || doc.Find("h1.title").Text() != l.Title {
				t.Error("restored listing is not back")
			}
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	m, srv := newTestMarket(t)
	ls := Listings()[:8]
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			l := ls[i]
			for range 5 {
				m.TakeDown(l.ID, Gone)
				MustGet(t, srv.URL+"/item/"+l.ID)
				m.Restore(l.ID)
				MustGet(t, srv.URL+"/img/"+ls[0].ID+"/0.jpg")
			}
		})
	}
	wg.Wait()
	if got := m.TotalRequests(); got != 80 {
		t.Errorf("TotalRequests() = %d, want 80", got)
	}
}

func TestStartAndClose(t *testing.T) {
	m := NewMarket()
	base, err := m.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base URL %q", base)
	}
	if _, err := m.Start("127.0.0.1:0"); err == nil {
		t.Error("second Start succeeded")
	}
	if status, _, _ := MustGet(t, base+"/robots.txt"); status != http.StatusOK {
		t.Errorf("robots.txt: %d", status)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(base + "/robots.txt"); err == nil {
		t.Error("server still answers after Close")
	}
	if err := m.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"奥罗拉蛋白粉 500g", "ＡＵＲＯＲＡ", "a", "", "<script>", "\xff\xfe", strings.Repeat("拉", 500)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		toks := Tokens(q)
		if len(toks) > maxTokens {
			t.Fatalf("%d tokens", len(toks))
		}
		seen := map[string]bool{}
		for _, tok := range toks {
			if len([]rune(tok)) < 2 || seen[tok] || tok != normalize(tok) || strings.ContainsAny(tok, " \t") {
				t.Fatalf("bad token %q from %q", tok, q)
			}
			seen[tok] = true
		}
	})
}

func FuzzSearchHandler(f *testing.F) {
	m := NewMarket()
	h := m.Handler()
	f.Add("奥罗拉", "1")
	f.Add("aurora", "2")
	f.Add("<script>", "x")
	f.Fuzz(func(t *testing.T, q, page string) {
		req := httptest.NewRequest(http.MethodGet, "/search?"+url.Values{"q": {q}, "page": {page}}.Encode(), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
			t.Fatalf("status %d", rec.Code)
		}
		if rec.Code != http.StatusOK || !utf8.ValidString(q) || strings.ContainsFunc(q, unicode.IsControl) {
			return
		}
		// The query comes back as text, never as markup.
		doc, err := goquery.NewDocumentFromReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		if title := doc.Find("h1.search-title").Text(); !strings.Contains(title, q) {
			t.Fatalf("query %q not shown as text in %q", q, title)
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	m := NewMarket()
	results := 0
	for b.Loop() {
		results = len(m.search("奥罗拉植物蛋白粉 500g Aurora"))
	}
	b.ReportMetric(float64(results), "results")
}

func BenchmarkPhoto(b *testing.B) {
	ls := Listings()
	var bytes int
	n := 0
	for b.Loop() {
		m := NewMarket() // fresh cache: measure making the photo
		l := ls[n%len(ls)]
		data, err := m.Photo(l.ID, 0)
		if err != nil {
			b.Fatal(err)
		}
		bytes += len(data)
		n++
	}
	b.ReportMetric(float64(bytes)/float64(n), "bytes/photo")
}
