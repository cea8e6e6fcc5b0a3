package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// jsonTestSite is a JSON rule parsed the way a rule file is.
func jsonTestSite(t testing.TB, base, search string) *rules.Site {
	t.Helper()
	src := `name: api
base_url: ` + base + `
format: json
search:
  url: "{base}/api/search?q={query}&page={page}"
` + search + `
listing:
  id: "data.id"
  title: "data.title"
  price: "data.price"
  currency: "data.currency"
  seller_id: "data.seller.id"
  seller_name: "data.seller.name"
  images: "data.images"
  description: "data.desc"
  removed: "data.status | re:^(removed|banned)$"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: false, timeout: 5s, retries: 0}
`
	s, err := rules.ParseSite("api.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExtractJSONFields(t *testing.T) {
	site := jsonTestSite(t, "https://api.test", `  listing_links: "items.#.url"`)
	body := `{"data":{"id":88123,"title":"Aurora Serum 30ml","price":"￥1,299.00","currency":null,
	  "seller":{"id":"s9","name":"Shop Nine"},"images":["/a.jpg","/a.jpg","//cdn.test/b.jpg","javascript:x"],
	  "desc":"x","status":"on_sale"}}`
	l, src, err := Extract(site, "https://api.test/api/item/88123", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "88123" || l.Title != "Aurora Serum 30ml" || l.SellerID != "s9" || l.SellerName != "Shop Nine" || l.Description != "x" {
		t.Errorf("fields: %+v", l)
	}
	if !l.HasPrice || l.Price.String() != "1299.00" || l.Currency != "CNY" {
		t.Errorf("price %v %q (has %v), want 1299.00 CNY", l.Price, l.Currency, l.HasPrice)
	}
	var imgs []string
	for _, im := range l.Images {
		imgs = append(imgs, im.URL)
	}
	if want := []string{"https://api.test/a.jpg", "https://cdn.test/b.jpg"}; !slices.Equal(imgs, want) {
		t.Errorf("images %v, want %v", imgs, want)
	}
	if l.Removed {
		t.Error("on_sale read as removed")
	}
	via := map[string]string{}
	for _, s := range src {
		via[s.Field] = s.Via
	}
	for field, want := range map[string]string{"id": "data.id", "title": "data.title", "price": "data.price", "currency": ViaPrice, "url": ViaURL, "images": "data.images"} {
		if via[field] != want {
			t.Errorf("%s came from %q, want %q", field, via[field], want)
		}
	}
}

func TestExtractJSONNumbersAndFallbacks(t *testing.T) {
	site := jsonTestSite(t, "https://api.test", `  listing_links: "items.#.url"`)
	cases := []struct {
		name, url, body      string
		id, via, price, curr string
		removed              bool
	}{
		{"number price is taken as written", "https://api.test/api/item?itemId=77", `{"data":{"title":"t","price":1234.5,"currency":"usd"}}`, "77", ViaURL, "1234.50", "USD", false},
		{"no id path: an id-looking segment", "https://api.test/api/item/A1B2C3", `{"data":{"title":"t","price":"9.90"}}`, "A1B2C3", ViaURL, "9.90", "", false},
		{"no id anywhere: a hash of the url", "https://api.test/api/item/", `{"data":{"title":"t"}}`, "u", ViaURLHash, "", "", false},
		{"removed marker", "https://api.test/api/item/5551", `{"data":{"id":"5551","status":"banned"}}`, "5551", "data.id", "", "", true},
		{"comma decimals", "https://api.test/api/item/5552", `{"data":{"id":"5552","title":"t","price":"149,00 €"}}`, "5552", "data.id", "149.00", "EUR", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, src, err := Extract(site, tc.url, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(l.ID, tc.id) {
				t.Errorf("id %q, want %q...", l.ID, tc.id)
			}
			for _, s := range src {
				if s.Field == "id" && s.Via != tc.via {
					t.Errorf("id via %q, want %q", s.Via, tc.via)
				}
			}
			price := ""
			if l.HasPrice {
				price = l.Price.String()
			}
			if price != tc.price || l.Currency != tc.curr || l.Removed != tc.removed {
				t.Errorf("price %q %q removed %v, want %q %q %v", price, l.Currency, l.Removed, tc.price, tc.curr, tc.removed)
			}
		})
	}
}

// Hostile and broken bodies are errors that say what is wrong, never a
// listing.
func TestExtractJSONRefusesBrokenBodies(t *testing.T) {
	site := jsonTestSite(t, "https://api.test", `  listing_links: "items.#.url"`)
	whole := `{"data":{"id":"1","title":"Aurora Serum","price":12}}`
	cases := []struct{ name, body, want string }{
		{"cut short", whole[:len(whole)-9], "cut short"},
		{"malformed", `{"data":{"id":"1",,"title":"x"}}`, "malformed json at byte"},
		{"html captcha", `<html><title>安全验证</title></html>`, "not json"},
		{"empty", "  ", "empty"},
		{"scalar", `"just a string"`, "not json"},
		{"deep", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "nests more than"},
		{"too big", `{"a":"` + strings.Repeat("x", maxExtractBytes) + `"}`, "more than the"},
		{"error document", `{"error":"rate limited","code":429}`, "no title, price or removed marker"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, _, err := Extract(site, "https://api.test/api/item/1", []byte(tc.body))
			if err == nil {
				t.Fatalf("no error; got listing %+v", l)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

func TestJSONScalarsFlattens(t *testing.T) {
	site := jsonTestSite(t, "https://api.test", `  listing_links: "items.#.photos.#.src"`)
	doc, err := parseJSON([]byte(`{"items":[{"photos":[{"src":"/a"},{"src":"/b"}]},{"photos":[{"src":"/c"}]},{"photos":null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	got := jsonSelectAll(doc, site.Search.ListingLinks, 10)
	if want := []string{"/a", "/b", "/c"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got, want := jsonSelectAll(doc, site.Search.ListingLinks, 2), []string{"/a", "/b"}; !slices.Equal(got, want) {
		t.Errorf("limit 2 gave %v, want the first two, %v", got, want)
	}
}

// TestRunJSONSearchPaging crawls a JSON search API paged by {page} and
// checks that every listing comes back once, that a cut search page is a
// parse error and ends that query's paging, and that a search page answered
// with a captcha counts as blocked.
func TestRunJSONSearchPaging(t *testing.T) {
	m := newMarket(t)
	page := func(ids ...string) string {
		var items []string
		for _, id := range ids {
			items = append(items, fmt.Sprintf(`{"url":"/api/item/%s"}`, id))
		}
		return `{"items":[` + strings.Join(items, ",") + `]}`
	}
	m.handlers["/api/search"] = func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch {
		case q.Get("q") == "captcha":
			fmt.Fprint(w, `<html><head><title>Security Check</title></head><body><div class="g-recaptcha"></div></body></html>`)
		case q.Get("q") == "cut":
			fmt.Fprint(w, page("C1", "C2")[:20])
		case q.Get("page") == "1":
			fmt.Fprint(w, page("J1", "J2", "J3"))
		case q.Get("page") == "2":
			fmt.Fprint(w, page("J3", "J4"))
		default:
			fmt.Fprint(w, `{"items":[]}`)
		}
	}
	for _, id := range []string{"J1", "J2", "J3", "J4"} {
		m.handlers["/api/item/"+id] = func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"data":{"id":%q,"title":"Item %s","price":10,"currency":"CNY","images":["/img/%s.png"]}}`, id, id, id)
		}
	}
	m.start()
	site := jsonTestSite(t, m.url(), `  listing_links: "items.#.url"`)
	c, err := New(site, WithPoliteness(true))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	st, err := c.Run(context.Background(), []string{"cream", "cut", "captcha"}, func(_ context.Context, p *Page) error {
		got = append(got, p.Listing.ID+" "+p.Listing.Title)
		if len(p.Captures) < 2 || !p.Listing.Images[0].Hashed {
			t.Errorf("%s: captures %d, photo hashed %v", p.Listing.ID, len(p.Captures), p.Listing.Images[0].Hashed)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if want := []string{"J1 Item J1", "J2 Item J2", "J3 Item J3", "J4 Item J4"}; !slices.Equal(got, want) {
		t.Errorf("listings %v, want %v", got, want)
	}
	if st.Errors["parse"] != 1 || st.Errors["blocked"] != 1 {
		t.Errorf("errors %v, want parse 1 (the cut page) and blocked 1 (the captcha)", st.Errors)
	}
	if n := m.count("/api/search?q=cream&page=3"); n != 1 {
		t.Errorf("page 3 (empty) fetched %d times, want 1: paging stops there", n)
	}
}

// FuzzExtractJSON feeds any bytes to the JSON extraction: it must never
// panic, and whatever it returns without an error is a listing with an
// id and a title or a price or a removed marker.
func FuzzExtractJSON(f *testing.F) {
	f.Add(`{"data":{"id":1,"title":"x","price":"¥5","images":["/a",["/b"]]}}`)
	f.Add(`{"data":{"id":{"x":1},"title":["a"],"price":-3}}`)
	f.Add(`[{"data":null}]`)
	f.Add(`{"data":{"title":"` + "\xff\xfe" + `"}}`)
	f.Add(`{"data":{"price":1e400,"status":"removed"}}`)
	f.Add(strings.Repeat(`{"a":`, 300))
	site := jsonTestSite(f, "https://api.test", `  listing_links: "items.#.url"`)
	f.Fuzz(func(t *testing.T, body string) {
		l, _, err := Extract(site, "https://api.test/api/item/1", []byte(body))
		if err != nil {
			return
		}
		if l.ID == "" {
			t.Fatal("empty id without error")
		}
		if l.Title == "" && !l.HasPrice && !l.Removed {
			t.Fatalf("junk listing without error: %+v", l)
		}
		if l.HasPrice && l.Price < 0 {
			t.Fatalf("negative price %v", l.Price)
		}
		if l.Gone != "" && l.Gone != shadowscan.GoneMarker {
			t.Fatalf("gone %q", l.Gone)
		}
	})
}

// A JSON API that gives the next page as a link (no cursor template) is
// followed link by link until it gives none.
func TestRunJSONSearchNextLink(t *testing.T) {
	m := newMarket(t)
	m.handlers["/api/search"] = func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("after") {
		case "":
			fmt.Fprint(w, `{"items":[{"url":"/api/item/N1"}],"next":"/api/search?q=x&after=N1"}`)
		case "N1":
			fmt.Fprint(w, `{"items":[{"url":"/api/item/N2"}],"next":"http://offsite.invalid/api/search?after=N2"}`)
		}
	}
	for _, id := range []string{"N1", "N2"} {
		m.handlers["/api/item/"+id] = func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"data":{"id":%q,"title":"Item","price":"¥10"}}`, id)
		}
	}
	m.start()
	site := jsonTestSite(t, m.url(), `  listing_links: "items.#.url"
  next_page: "next"`)
	site.Search.URL = "{base}/api/search?q={query}"
	c, err := New(site, WithPoliteness(true))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	st, err := c.Run(context.Background(), []string{"x"}, func(_ context.Context, p *Page) error {
		got = append(got, p.Listing.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"N1", "N2"}) || st.Errors["offsite"] != 1 {
		t.Errorf("listings %v errors %v, want N1 and N2 and the offsite next link refused", got, st.Errors)
	}
}

// TestRunJSONInlinePhotosWanted: listings read inline from a JSON search
// page get their photos as fetched listings do: those WithPhotosWanted
// wants, and no other.
func TestRunJSONInlinePhotosWanted(t *testing.T) {
	m := newMarket(t)
	m.handlers["/api/search"] = func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") != "1" {
			fmt.Fprint(w, `{"items":[]}`)
			return
		}
		fmt.Fprint(w, `{"items":[`+
			`{"data":{"url":"/item/W1","id":"W1","title":"wanted","price":10,"currency":"CNY","images":["/img/w1.png"]}},`+
			`{"data":{"url":"/item/U1","id":"U1","title":"other","price":10,"currency":"CNY","images":["/img/u1.png"]}}]}`)
	}
	m.start()
	site, err := rules.ParseSite("api.yaml", []byte(`name: api
base_url: `+m.url()+`
format: json
search:
  url: "{base}/api/search?q={query}&page={page}"
  listings: "items"
listing:
  url: "data.url"
  id: "data.id"
  title: "data.title"
  price: "data.price"
  currency: "data.currency"
  images: "data.images"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: false, timeout: 5s, retries: 0}
`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(site, WithPoliteness(true), WithPhotosWanted(func(l *shadowscan.Listing) bool { return l.Title == "wanted" }))
	if err != nil {
		t.Fatal(err)
	}
	hashed := map[string]bool{}
	var mu sync.Mutex
	st, err := c.Run(context.Background(), []string{"q"}, func(_ context.Context, p *Page) error {
		mu.Lock()
		hashed[p.Listing.ID] = p.Listing.Images[0].Hashed
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(hashed) != 2 || !hashed["W1"] || hashed["U1"] || m.count("/img/u1.png") != 0 || st.PhotosSkipped != 1 {
		t.Errorf("hashed %v, other photo fetched %d times, %d skipped; want W1 only, none, 1", hashed, m.count("/img/u1.png"), st.PhotosSkipped)
	}
}
