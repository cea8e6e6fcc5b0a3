package web

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// Payloads a hostile marketplace might put in listing fields.
const (
	xssTitle  = `<script>alert("title")</script>Aurora 蛋白粉`
	xssDesc   = `<img src=x onerror=alert("desc")> 高仿 1:1`
	xssSeller = `"><svg onload=alert("seller")>`
)

func pngBytes(tb testing.TB, c color.Color) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := 0; x < 8; x++ {
		for y := 0; y < 8; y++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func shaHex(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// fixture is a server over an in-memory store with a few hits, one of
// them carrying script payloads in every listing field.
type fixture struct {
	t   *testing.T
	mem *memStore
	st  *mockStore
	srv *Server
}

func hit(id uint64, score int, st shadowscan.Status, cat shadowscan.Category, title, seller string) shadowscan.Hit {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	return shadowscan.Hit{
		ID: id, Score: score, Status: st, Category: cat, BrandID: "aurora", SKU: "AUR-PROT-500",
		Reasons:      []shadowscan.Reason{{Signal: "price", Detail: "¥89.00 is 30 % of the list price ¥298.00", Points: 40}},
		MatchedTerms: []string{"蛋白粉"},
		Listing: shadowscan.Listing{Site: "demo-market", ID: "L" + string(rune('0'+id)), URL: "http://127.0.0.1:8931/item/L" + string(rune('0'+id)),
			Title: title, Price: 8900, HasPrice: true, Currency: "CNY", SellerID: seller, SellerName: seller + " shop",
			Images: []shadowscan.ListingImage{{URL: "http://127.0.0.1:8931/img/" + string(rune('0'+id)) + ".png"}}},
		FirstSeen: t0, LastSeen: t0.Add(time.Duration(id) * time.Hour),
	}
}

func newFixture(t *testing.T, cfg Config) *fixture {
	t.Helper()
	mem, st := newMem()
	official := pngBytes(t, color.RGBA{0, 128, 0, 255})
	listingPNG := pngBytes(t, color.RGBA{200, 0, 0, 255})
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`)
	html := []byte(`<!DOCTYPE html><html><script>alert(3)</script></html>`)
	mem.blobs[shaHex(official)] = official
	mem.blobs[shaHex(listingPNG)] = listingPNG
	mem.blobs[shaHex(svg)] = svg
	mem.blobs[shaHex(html)] = html
	mem.cat = shadowscan.Catalog{
		Brands: []shadowscan.Brand{{ID: "aurora", Name: "Aurora Wellness", OfficialSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "aurora-official"}}}},
		Products: []shadowscan.Product{{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g", Price: 29800, MinPrice: 26800, Currency: "CNY",
			Images: []shadowscan.ImageRef{{Source: "images/p.png", SHA256: shaHex(official)}}}},
	}
	h1 := hit(1, 90, shadowscan.StatusNew, shadowscan.CategoryCounterfeit, xssTitle, "shop-x")
	h1.Listing.Description = xssDesc
	h1.Listing.SellerName = xssSeller
	h1.Reasons = append(h1.Reasons, shadowscan.Reason{Signal: "words", Detail: `red-flag word "<b>高仿</b>"`, Points: 30})
	mem.hits = []shadowscan.Hit{
		h1,
		hit(2, 70, shadowscan.StatusNew, shadowscan.CategoryUnauthorizedSeller, "Aurora 蛋白粉 500g", "shop-y"),
		hit(3, 60, shadowscan.StatusConfirmed, shadowscan.CategoryCounterfeit, "奥罗拉 蛋白粉 原单", "shop-x"),
		hit(4, 50, shadowscan.StatusNew, shadowscan.CategoryPriceDumping, "svg photo listing", "shop-z"),
		hit(5, 40, shadowscan.StatusNew, shadowscan.CategoryPriceDumping, "html photo listing", "shop-z"),
	}
	capture := func(h shadowscan.Hit, body []byte) {
		mem.captures["demo-market/"+h.Listing.ID] = []shadowscan.Capture{
			{URL: h.Listing.URL, Status: 200, Kind: "page", BodySHA256: shaHex([]byte("page"))},
			{URL: h.Listing.Images[0].URL, Status: 200, Kind: "photo", BodySHA256: shaHex(body)},
		}
	}
	capture(mem.hits[0], listingPNG)
	capture(mem.hits[1], listingPNG)
	capture(mem.hits[2], listingPNG)
	capture(mem.hits[3], svg)
	capture(mem.hits[4], html)
	mem.scans = []shadowscan.Scan{{ID: 1, Sites: []string{"demo-market"}, State: shadowscan.ScanDone, StartedAt: time.Now().Add(-time.Hour), EndedAt: time.Now(), Pages: 12, Listings: 30, Hits: 5, Errors: map[string]int{"timeout": 1}}}
	cfg.Store = st
	if cfg.Sites == nil {
		cfg.Sites = []string{"demo-market"}
	}
	if cfg.DismissReasons == nil {
		cfg.DismissReasons = testDismissReasons
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.runner.Stop)
	return &fixture{t: t, mem: mem, st: st, srv: srv}
}

// testDismissReasons is the fixture's pick list, as rules' defaults.
var testDismissReasons = shadowscan.DismissReasons{{Reason: "genuine product"}, {Reason: "not our brand"}, {Reason: "duplicate"}, {Reason: "other", NoteRequired: true}}

// request options.
type reqOpt func(*http.Request)

func withCSRF(s *Server) reqOpt {
	return func(r *http.Request) {
		seed := "seed-seed-seed-seed-seed-seed"
		r.AddCookie(&http.Cookie{Name: csrfCookie, Value: seed})
		m := hmac.New(sha256.New, s.csrfKey)
		m.Write([]byte(seed))
		r.Header.Set(csrfHeader, base64.RawURLEncoding.EncodeToString(m.Sum(nil)))
	}
}

func withBearer(tok string) reqOpt {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+tok) }
}

func withHeader(k, v string) reqOpt { return func(r *http.Request) { r.Header.Set(k, v) } }

func (f *fixture) do(method, path string, body string, opts ...reqOpt) *http.Response {
	f.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, path, rd)
	r.Host = "127.0.0.1:8080"
	if strings.HasPrefix(body, "{") {
		r.Header.Set("Content-Type", "application/json")
	} else if body != "" {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, o := range opts {
		o(r)
	}
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	return w.Result()
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustDoc(t *testing.T, resp *http.Response) *goquery.Document {
	t.Helper()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, readBody(t, resp))
	}
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func decode[T any](t *testing.T, resp *http.Response) T {
	t.Helper()
	var v T
	body := readBody(t, resp)
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return v
}

func TestNewFailsWhenATemplateIsMissing(t *testing.T) {
	_, st := newMem()
	saved := pageNames
	t.Cleanup(func() { pageNames = saved })
	pageNames = append(append([]string{}, saved...), "no-such-page")
	_, err := New(Config{Store: st})
	if err == nil || !strings.Contains(err.Error(), "no-such-page") {
		t.Fatalf("New with a missing template: err = %v, want one naming it", err)
	}
}

func TestPages(t *testing.T) {
	f := newFixture(t, Config{})
	t.Run("dashboard counts by status, category, brand, site and lists scans", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/", ""))
		if got := doc.Find(`a[href="/queue?status=new"]`).Closest("tr").Find("td.num").Text(); got != "4" {
			t.Errorf("new count = %q, want 4", got)
		}
		if got := doc.Find(`a[href="/queue?category=counterfeit"]`).Closest("tr").Find("td.num").Text(); got != "2" {
			t.Errorf("counterfeit count = %q, want 2", got)
		}
		if doc.Find(`a[href="/queue?brand=aurora"]`).Length() != 1 || doc.Find(`a[href="/queue?site=demo-market"]`).Length() != 1 {
			t.Error("brand or site counts missing")
		}
		if !strings.Contains(doc.Find("table.list").Text(), "demo-market") {
			t.Error("recent scans missing")
		}
	})
	t.Run("queue filters, orders by score and pages", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/queue?status=new&limit=2", ""))
		rows := doc.Find("#queue tbody tr")
		if rows.Length() != 2 {
			t.Fatalf("rows = %d, want 2", rows.Length())
		}
		if id, _ := rows.First().Attr("data-id"); id != "1" {
			t.Errorf("first row = %s, want hit 1 (highest score)", id)
		}
		if a, _ := rows.First().Attr("data-allowed"); a != "confirmed dismissed escalated" {
			t.Errorf("allowed = %q", a)
		}
		next, ok := doc.Find(`a[rel="next"]`).Attr("href")
		if !ok || !strings.Contains(next, "page=2") || !strings.Contains(next, "status=new") {
			t.Errorf("next link = %q, want page 2 keeping the filter", next)
		}
		doc = mustDoc(t, f.do("GET", next, ""))
		if id, _ := doc.Find("#queue tbody tr").First().Attr("data-id"); id != "4" {
			t.Errorf("page 2 first row = %s, want 4", id)
		}
		doc = mustDoc(t, f.do("GET", "/queue?sort=last_seen", ""))
		if id, _ := doc.Find("#queue tbody tr").First().Attr("data-id"); id != "5" {
			t.Errorf("sorted by last seen, first row = %s, want 5", id)
		}
		doc = mustDoc(t, f.do("GET", "/queue?seller=shop-x&min_score=61", ""))
		if n := doc.Find("#queue tbody tr").Length(); n != 1 {
			t.Errorf("seller+min score rows = %d, want 1", n)
		}
		if n := doc.Find(`mark`).Length(); n == 0 {
			t.Error("matched words are not highlighted")
		}
		if doc.Find(`script[src="/static/queue.js"]`).Length() != 1 {
			t.Error("queue.js not included")
		}
	})
	t.Run("bad queue parameter is a 400 naming it", func(t *testing.T) {
		resp := f.do("GET", "/queue?min_score=500", "")
		body := readBody(t, resp)
		if resp.StatusCode != 400 || !strings.Contains(body, "min_score") || !strings.Contains(body, "0 to 100") {
			t.Errorf("status %d body %q", resp.StatusCode, body)
		}
	})
	t.Run("hit page shows the two photos side by side, prices, reasons, actions", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/hits/2", ""))
		l := doc.Find("#compare .listing-side img.listing-photo")
		o := doc.Find("#compare .official-side img.official-photo")
		if l.Length() != 1 || o.Length() != 1 {
			t.Fatalf("photos: listing %d, official %d", l.Length(), o.Length())
		}
		if src, _ := l.Attr("src"); src != "/hits/2/photos/0" {
			t.Errorf("listing photo src = %q", src)
		}
		if src, _ := o.Attr("src"); src != "/products/AUR-PROT-500/photos/0" {
			t.Errorf("official photo src = %q", src)
		}
		price := doc.Find("table.kv").First().Text()
		for _, want := range []string{"¥89.00", "¥298.00", "¥268.00", "30 %", "below the floor"} {
			if !strings.Contains(price, want) {
				t.Errorf("price table %q lacks %q", price, want)
			}
		}
		if got := doc.Find("#reasons tbody td.num").First().Text(); got != "+40" {
			t.Errorf("reason points = %q", got)
		}
		var actions []string
		doc.Find(`form.action input[name="status"]`).Each(func(_ int, s *goquery.Selection) { v, _ := s.Attr("value"); actions = append(actions, v) })
		if strings.Join(actions, ",") != "confirmed,dismissed,escalated" {
			t.Errorf("actions = %v", actions)
		}
		if doc.Find(`#hit-title mark`).Text() != "蛋白粉" {
			t.Errorf("highlighted title word = %q", doc.Find(`#hit-title mark`).Text())
		}
	})
	t.Run("unknown hit is a 404 page", func(t *testing.T) {
		if resp := f.do("GET", "/hits/999", ""); resp.StatusCode != 404 {
			t.Errorf("status %d", resp.StatusCode)
		}
		if resp := f.do("GET", "/hits/abc", ""); resp.StatusCode != 400 {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
	t.Run("sellers: repeat offenders first with counts by status", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/sellers", ""))
		first := doc.Find("#sellers tbody tr").First()
		if !strings.Contains(first.Text(), "shop-x") {
			t.Fatalf("first seller row %q, want shop-x (2 hits)", first.Text())
		}
		cells := first.Find("td.num")
		// total, then statuses in workflow order: new, escalated, confirmed...
		if cells.Eq(0).Text() != "2" || cells.Eq(1).Text() != "1" || cells.Eq(3).Text() != "1" {
			t.Errorf("counts = %q %q %q", cells.Eq(0).Text(), cells.Eq(1).Text(), cells.Eq(3).Text())
		}
	})
	t.Run("sellers use per-seller status counts when the store has them", func(t *testing.T) {
		counts := f.st.HitCountsFn
		t.Cleanup(func() { f.st.HitCountsFn = counts })
		f.st.HitCountsFn = func(ctx contextT) (*shadowscan.HitCounts, error) {
			c, err := counts(ctx)
			c.BySellerStatus = map[string]map[shadowscan.Status]int{"demo-market/shop-x": {shadowscan.StatusReported: 2}}
			return c, err
		}
		hitCount := f.st.HitCountFn
		t.Cleanup(func() { f.st.HitCountFn = hitCount })
		f.st.HitCountFn = func(contextT, shadowscan.HitFilter) (int, error) {
			t.Error("HitCount called although the counts had them")
			return 0, nil
		}
		doc := mustDoc(t, f.do("GET", "/sellers", ""))
		cells := doc.Find("#sellers tbody tr").First().Find("td.num")
		if cells.Eq(5).Text() != "2" {
			t.Errorf("reported count = %q, want 2", cells.Eq(5).Text())
		}
	})
	t.Run("large stores without per-seller status counts show totals only", func(t *testing.T) {
		counts := f.st.HitCountsFn
		t.Cleanup(func() { f.st.HitCountsFn = counts })
		f.st.HitCountsFn = func(ctx contextT) (*shadowscan.HitCounts, error) {
			c, err := counts(ctx)
			c.Total = maxStatusWalkHits + 1
			return c, err
		}
		hitCount := f.st.HitCountFn
		t.Cleanup(func() { f.st.HitCountFn = hitCount })
		f.st.HitCountFn = func(contextT, shadowscan.HitFilter) (int, error) {
			t.Error("HitCount walked the index for a large store")
			return 0, nil
		}
		se := decode[sellerList](t, f.do("GET", "/api/sellers", ""))
		if len(se.Sellers) != 3 || se.Sellers[0].Total != 2 || se.Sellers[0].ByStatus != nil {
			t.Errorf("sellers %+v", se.Sellers)
		}
		doc := mustDoc(t, f.do("GET", "/sellers", ""))
		if !strings.Contains(doc.Find("#sellers").Text(), "for statuses") {
			t.Error("no pointer to the queue for statuses")
		}
	})
	t.Run("catalogue lists brands, products and official photos", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/catalog", ""))
		if !strings.Contains(doc.Text(), "Aurora Plant Protein Powder 500g") || doc.Find(`img.thumb[src="/products/AUR-PROT-500/photos/0"]`).Length() != 1 {
			t.Error("catalogue page lacks the product or its photo")
		}
	})
	t.Run("scans and schedules render", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/scans", ""))
		if !strings.Contains(doc.Text(), "timeout 1") {
			t.Error("scan errors not shown")
		}
		mustDoc(t, f.do("GET", "/schedules", ""))
	})
	t.Run("every response carries the security headers", func(t *testing.T) {
		resp := f.do("GET", "/queue", "")
		for k, want := range map[string]string{
			"Content-Security-Policy": "frame-ancestors 'none'",
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "no-referrer",
		} {
			if got := resp.Header.Get(k); !strings.Contains(got, want) {
				t.Errorf("%s = %q, want %q", k, got, want)
			}
		}
		if csp := resp.Header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP allows inline code: %s", csp)
		}
	})
	t.Run("static files are embedded", func(t *testing.T) {
		resp := f.do("GET", "/static/queue.js", "")
		if resp.StatusCode != 200 || !strings.Contains(readBody(t, resp), "keydown") {
			t.Error("queue.js not served")
		}
		if resp := f.do("GET", "/static/", ""); resp.StatusCode != 404 {
			t.Errorf("static directory listing: status %d", resp.StatusCode)
		}
	})
}

// TestHostilePayloadsRenderInert: script payloads in listing title,
// description and seller name come out escaped on every page and intact
// (as data) in the API.
func TestHostilePayloadsRenderInert(t *testing.T) {
	f := newFixture(t, Config{})
	for _, path := range []string{"/", "/queue", "/queue?status=new", "/hits/1", "/sellers", "/sellers/demo-market/shop-x", "/catalog", "/scans"} {
		t.Run(path, func(t *testing.T) {
			resp := f.do("GET", path, "")
			body := readBody(t, resp)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			for _, raw := range []string{`<script>alert`, `<img src=x onerror`, `<svg onload`, `<b>高仿</b>`} {
				if strings.Contains(body, raw) {
					t.Errorf("page contains the raw payload %q", raw)
				}
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			doc.Find("script").Each(func(_ int, s *goquery.Selection) {
				if src, _ := s.Attr("src"); !strings.HasPrefix(src, "/static/") || strings.TrimSpace(s.Text()) != "" {
					t.Errorf("unexpected script element: src=%q text=%q", src, s.Text())
				}
			})
			doc.Find("*").Each(func(_ int, s *goquery.Selection) {
				for _, a := range s.Nodes[0].Attr {
					if strings.HasPrefix(strings.ToLower(a.Key), "on") {
						t.Errorf("element <%s> has event handler %s=%q", goquery.NodeName(s), a.Key, a.Val)
					}
				}
			})
			doc.Find("svg, iframe, object, embed").Each(func(_ int, s *goquery.Selection) {
				t.Errorf("injected element <%s>", goquery.NodeName(s))
			})
		})
	}
	t.Run("hit page shows the payload as text", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/hits/1", ""))
		if got := doc.Find("#hit-title").Text(); got != xssTitle {
			t.Errorf("title text = %q, want the payload as text", got)
		}
		if got := doc.Find("#description").Text(); got != xssDesc {
			t.Errorf("description text = %q", got)
		}
	})
	for _, path := range []string{"/api/hits", "/api/hits/1", "/api/sellers", "/api/sellers/demo-market/shop-x", "/api/stats"} {
		t.Run(path, func(t *testing.T) {
			resp := f.do("GET", path, "")
			body := readBody(t, resp)
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			for _, raw := range []string{"<script", "<img", "<svg"} {
				if strings.Contains(body, raw) {
					t.Errorf("JSON contains raw %q", raw)
				}
			}
		})
	}
	t.Run("API keeps the payload intact as data", func(t *testing.T) {
		v := decode[HitView](t, f.do("GET", "/api/hits/1", ""))
		if v.Listing.Title != xssTitle || v.Listing.Description != xssDesc || v.Listing.SellerName != xssSeller {
			t.Errorf("round trip changed the data: %+v", v.Listing)
		}
	})
}

func TestPhotos(t *testing.T) {
	f := newFixture(t, Config{})
	tests := []struct {
		name, path string
		status     int
		ctype      string
	}{
		{"listing PNG from its capture", "/hits/1/photos/0", 200, "image/png"},
		{"official photo", "/products/AUR-PROT-500/photos/0", 200, "image/png"},
		{"SVG is refused", "/hits/4/photos/0", 415, ""},
		{"HTML is refused", "/hits/5/photos/0", 415, ""},
		{"no such photo", "/hits/1/photos/3", 404, ""},
		{"no such product", "/products/NOPE/photos/0", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := f.do("GET", tt.path, "")
			body := readBody(t, resp)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff")
			}
			if tt.ctype != "" {
				if ct := resp.Header.Get("Content-Type"); ct != tt.ctype {
					t.Errorf("content type %q, want %q", ct, tt.ctype)
				}
				if !strings.HasPrefix(body, "\x89PNG") {
					t.Error("body is not the PNG")
				}
			} else if strings.Contains(body, "<svg") || strings.Contains(body, "alert(3)") {
				t.Error("refused photo's bytes were sent")
			}
		})
	}
}

func TestAPIHits(t *testing.T) {
	f := newFixture(t, Config{})
	t.Run("filters, limit, offset and total", func(t *testing.T) {
		v := decode[hitList](t, f.do("GET", "/api/hits?status=new&limit=2&offset=1", ""))
		if v.Total != 4 || v.Limit != 2 || v.Offset != 1 || len(v.Hits) != 2 || v.Hits[0].ID != 2 {
			t.Fatalf("got %+v", v)
		}
		if v.Hits[0].Listing.Price == nil || v.Hits[0].Listing.Price.String() != "89.00" || v.Hits[0].FirstSeen != "2026-03-01T09:00:00Z" {
			t.Errorf("hit view %+v", v.Hits[0])
		}
		v = decode[hitList](t, f.do("GET", "/api/hits?category=price_dumping&site=demo-market&brand=aurora", ""))
		if v.Total != 2 {
			t.Errorf("category total %d, want 2", v.Total)
		}
	})
	t.Run("bad parameters are 400 JSON naming the field", func(t *testing.T) {
		for q, field := range map[string]string{"status=bogus": "bogus", "limit=0": "limit", "offset=-1": "offset", "sort=price": "sort", "category=x": "category"} {
			resp := f.do("GET", "/api/hits?"+q, "")
			e := decode[errorBody](t, resp)
			if resp.StatusCode != 400 || e.Code != shadowscan.EINVALID || !strings.Contains(e.Message, field) {
				t.Errorf("%s: status %d %+v", q, resp.StatusCode, e)
			}
		}
	})
	t.Run("one hit with history; unknown is 404 JSON", func(t *testing.T) {
		v := decode[HitView](t, f.do("GET", "/api/hits/3", ""))
		if v.Status != shadowscan.StatusConfirmed || len(v.Allowed) != 1 || v.Allowed[0] != shadowscan.StatusReported {
			t.Errorf("got %+v", v)
		}
		resp := f.do("GET", "/api/hits/77", "")
		if e := decode[errorBody](t, resp); resp.StatusCode != 404 || e.Code != shadowscan.ENOTFOUND {
			t.Errorf("status %d %+v", resp.StatusCode, e)
		}
	})
	t.Run("unknown endpoint is 404 JSON", func(t *testing.T) {
		resp := f.do("GET", "/api/nope", "")
		if e := decode[errorBody](t, resp); resp.StatusCode != 404 || e.Code != shadowscan.ENOTFOUND {
			t.Errorf("status %d %+v", resp.StatusCode, e)
		}
	})
	t.Run("catalog, scans, sellers, stats", func(t *testing.T) {
		cat := decode[shadowscan.Catalog](t, f.do("GET", "/api/catalog", ""))
		if len(cat.Products) != 1 {
			t.Errorf("catalog %+v", cat)
		}
		sc := decode[scanList](t, f.do("GET", "/api/scans", ""))
		if len(sc.Scans) != 1 || sc.Running == nil {
			t.Errorf("scans %+v", sc)
		}
		se := decode[sellerList](t, f.do("GET", "/api/sellers", ""))
		if se.Total != 3 || se.Sellers[0].SellerID != "shop-x" || se.Sellers[0].ByStatus[shadowscan.StatusConfirmed] != 1 {
			t.Errorf("sellers %+v", se)
		}
		st := decode[stats](t, f.do("GET", "/api/stats", ""))
		if st.Hits.Total != 5 || st.Hits.ByStatus[shadowscan.StatusNew] != 4 {
			t.Errorf("stats %+v", st.Hits)
		}
	})
}

func TestAPIHitStatus(t *testing.T) {
	f := newFixture(t, Config{})
	csrf := withCSRF(f.srv)
	tests := []struct {
		name   string
		id     string
		body   string
		status int
		code   string
		want   shadowscan.Status
	}{
		{"legal move", "2", `{"status":"confirmed","note":"same photo"}`, 200, "", shadowscan.StatusConfirmed},
		{"illegal move names the allowed ones", "3", `{"status":"dismissed"}`, 409, shadowscan.ECONFLICT, shadowscan.StatusConfirmed},
		{"unknown status", "1", `{"status":"gone"}`, 400, shadowscan.EINVALID, shadowscan.StatusNew},
		{"unknown hit", "99", `{"status":"confirmed"}`, 404, shadowscan.ENOTFOUND, ""},
		{"unknown field", "1", `{"status":"confirmed","x":1}`, 400, shadowscan.EINVALID, shadowscan.StatusNew},
		{"not JSON", "1", `{"status":`, 400, shadowscan.EINVALID, shadowscan.StatusNew},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := f.do("POST", "/api/hits/"+tt.id+"/status", tt.body, csrf)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, readBody(t, resp))
			}
			if tt.code != "" {
				e := decode[errorBody](t, resp)
				if e.Code != tt.code {
					t.Errorf("code %q, want %q (%s)", e.Code, tt.code, e.Message)
				}
				if tt.status == 409 && (len(e.Allowed) != 1 || e.Allowed[0] != "reported" || !strings.Contains(e.Message, "allowed are reported")) {
					t.Errorf("409 does not name the allowed moves: %+v", e)
				}
			} else {
				v := decode[HitView](t, resp)
				if v.Status != tt.want || len(v.History) != 1 || v.History[0].Note != "same photo" || v.History[0].By != "web" {
					t.Errorf("answer %+v", v)
				}
			}
			if tt.want != "" {
				id := map[string]uint64{"1": 1, "2": 2, "3": 3}[tt.id]
				if got := f.mem.status(id); got != tt.want {
					t.Errorf("store has %s, want %s", got, tt.want)
				}
			}
		})
	}
	t.Run("the hit page's form moves the hit and redirects", func(t *testing.T) {
		resp := f.do("POST", "/hits/4/status", url.Values{"status": {"escalated"}, "note": {"check"}}.Encode(), csrf)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/hits/4" {
			t.Fatalf("status %d location %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if f.mem.status(4) != shadowscan.StatusEscalated {
			t.Error("store not updated")
		}
	})
}

func TestInternalErrorsAreHidden(t *testing.T) {
	var logged bytes.Buffer
	f := newFixture(t, Config{})
	f.srv.log = slogTo(&logged)
	f.st.HitFn = func(ctxt contextT, id uint64) (*shadowscan.Hit, error) {
		return nil, errors.New("bbolt: page 42 is corrupt at /var/secret/path")
	}
	for _, path := range []string{"/api/hits/1", "/hits/1"} {
		resp := f.do("GET", path, "")
		body := readBody(t, resp)
		if resp.StatusCode != 500 || strings.Contains(body, "secret") || !strings.Contains(body, "internal error") {
			t.Errorf("%s: status %d body %q", path, resp.StatusCode, body)
		}
	}
	if !strings.Contains(logged.String(), "page 42 is corrupt") {
		t.Errorf("detail not logged: %q", logged.String())
	}
}
