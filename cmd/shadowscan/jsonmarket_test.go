package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// jsonMarket is a marketplace whose search is a JSON API paged by cursor,
// with listing details from a JSON endpoint, that misbehaves as real
// APIs do: the second result page answers 429 with Retry-After the first
// time, and one listing's body is always cut short (its Content-Length
// agrees, so only the JSON parser can tell).
type jsonMarket struct {
	mu     sync.Mutex
	hits   map[string]int
	photo  []byte
	inline bool // search pages carry the listing objects
}

// jsonMarketPages are the search pages by cursor: the ids they list and
// the cursor after them.
var jsonMarketPages = map[string]struct {
	ids  []string
	next any
}{
	"":   {[]string{"J1001", "J1002", "J1003", "J1004"}, "c2"},
	"c2": {[]string{"J1005", "J1006", "J1007", "J1008"}, "c3"},
	"c3": {[]string{"J1009", "J1010", "J1999"}, nil},
}

func jsonMarketItem(id string) map[string]any {
	n := id[len(id)-2:]
	return map[string]any{
		"id":      id,
		"title":   "Aurora Hand Cream 50ml lot " + n,
		"price":   map[string]any{"amount": json.Number("12" + n + ".50"), "currency": "cny"},
		"shop":    map[string]any{"id": "s-7" + n, "name": "Shop " + n},
		"photos":  []any{map[string]any{"src": "/img/" + id + ".png"}},
		"api_url": "/api/item/" + id,
		"state":   "on_sale",
	}
}

func (m *jsonMarket) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.hits[r.URL.Path+"?"+r.URL.Query().Get("cursor")]++
	n := m.hits[r.URL.Path+"?"+r.URL.Query().Get("cursor")]
	m.mu.Unlock()
	switch {
	case r.URL.Path == "/api/search":
		cursor := r.URL.Query().Get("cursor")
		if cursor == "c2" && n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		page, ok := jsonMarketPages[cursor]
		if !ok {
			http.NotFound(w, r)
			return
		}
		var items []any
		for _, id := range page.ids {
			if m.inline {
				items = append(items, map[string]any{"item": jsonMarketItem(id)})
			} else {
				items = append(items, map[string]any{"href": "/api/item/" + id})
			}
		}
		writeJSONBody(w, map[string]any{"data": map[string]any{"items": items}, "paging": map[string]any{"cursor": page.next}})
	case strings.HasPrefix(r.URL.Path, "/api/item/"):
		id := strings.TrimPrefix(r.URL.Path, "/api/item/")
		b, _ := json.Marshal(map[string]any{"item": jsonMarketItem(id)})
		if id == "J1999" {
			b = b[:len(b)/2]
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	case strings.HasPrefix(r.URL.Path, "/img/"):
		w.Header().Set("Content-Type", "image/png")
		w.Write(m.photo)
	default:
		http.NotFound(w, r)
	}
}

func writeJSONBody(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func newJSONMarket(t *testing.T, inline bool) *httptest.Server {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 4), uint8(x ^ y), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(&jsonMarket{hits: map[string]int{}, photo: buf.Bytes(), inline: inline})
	t.Cleanup(srv.Close)
	return srv
}

const jsonMarketRule = `name: %s
base_url: http://127.0.0.1:1
format: json
search:
  url: "{base}/api/search?q={query}"
  %s
  next_page: "paging.cursor"
  next_url: "{base}/api/search?q={query}&cursor={cursor}"
listing:
  %s
  id: "item.id"
  title: "item.title"
  price: "item.price.amount"
  currency: "item.price.currency"
  seller_id: "item.shop.id | re:^s-(\\d+)$"
  seller_name: "item.shop.name"
  images: "item.photos.#.src"
  removed: "item.state | re:^(deleted|offline)$"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: false, timeout: 10s, retries: 2}
`

// TestScanJSONMarketplace scans a marketplace whose search and listings
// are JSON, once fetching each listing from its endpoint and once reading
// the listing objects inline from the search pages, and checks that every
// listing is stored once with its fields, that the cut listing is not
// stored at all, and that the 429 was waited out.
func TestScanJSONMarketplace(t *testing.T) {
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	rule := func(name, links, url string) {
		if err := os.WriteFile(filepath.Join(rulesDir, name+".yaml"), fmt.Appendf(nil, jsonMarketRule, name, links, url), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rule("jsonapi", `listing_links: "data.items.#.href"`, "")
	rule("jsoninline", `listings: "data.items"`, `url: "item.api_url"`)
	db := filepath.Join(dir, "j.db")
	mustImportDemoCatalog(t, db)

	for _, tc := range []struct {
		site   string
		inline bool
		ids    []string
	}{
		// J1999's body is cut: it is not stored.
		{"jsonapi", false, []string{"J1001", "J1002", "J1003", "J1004", "J1005", "J1006", "J1007", "J1008", "J1009", "J1010"}},
		// Inline, J1999 is a whole object on a whole page.
		{"jsoninline", true, []string{"J1001", "J1002", "J1003", "J1004", "J1005", "J1006", "J1007", "J1008", "J1009", "J1010", "J1999"}},
	} {
		t.Run(tc.site, func(t *testing.T) {
			srv := newJSONMarket(t, tc.inline)
			code, out, errOut := cli(t, db, "--rules", rulesDir, "scan", "--site", tc.site, "--base-url", srv.URL, "--query", "hand cream")
			if code != 0 {
				t.Fatalf("scan: exit %d\n%s\n%s", code, out, errOut)
			}
			if !strings.Contains(out, "http_429 1") {
				t.Errorf("the 429 is not counted:\n%s", out)
			}
			if !tc.inline && !strings.Contains(out, "parse 1") {
				t.Errorf("the cut listing is not counted as a parse error:\n%s", out)
			}
			t.Logf("scan:\n%s\n%s", out, errOut)
			rows := mustJSON[[]listingRow](t, db, "listings", "list", "--site", tc.site, "--json")
			var ids []string
			for _, r := range rows {
				ids = append(ids, r.ID)
				n := r.ID[len(r.ID)-2:]
				if r.Key != tc.site+"/"+r.ID {
					t.Errorf("key %s for id %s", r.Key, r.ID)
				}
				if r.Title != "Aurora Hand Cream 50ml lot "+n || r.SellerID != "7"+n || r.SellerName != "Shop "+n {
					t.Errorf("%s: title %q seller %q %q", r.ID, r.Title, r.SellerID, r.SellerName)
				}
				if r.Price != "¥12"+n+".50" {
					t.Errorf("%s: price %q, want ¥12%s.50", r.ID, r.Price, n)
				}
				if r.URL != srv.URL+"/api/item/"+r.ID {
					t.Errorf("%s: url %s", r.ID, r.URL)
				}
			}
			slices.Sort(ids)
			if !slices.Equal(ids, tc.ids) {
				t.Errorf("stored ids %v, want %v", ids, tc.ids)
			}
		})
	}
}

// TestSitesTestJSON runs `sites test` on a JSON listing endpoint.
func TestSitesTestJSON(t *testing.T) {
	srv := newJSONMarket(t, false)
	rulesDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(rulesDir, "jsonapi.yaml"), fmt.Appendf(nil, jsonMarketRule, "jsonapi", `listing_links: "data.items.#.href"`, ""), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	out := mustCLI(t, db, "--rules", rulesDir, "sites", "test", "jsonapi", srv.URL+"/api/item/J1004")
	for _, want := range []string{"title", "Aurora Hand Cream 50ml lot 04", "item.title", "1204.50", "item.price.amount", "CNY", "item.price.currency", "listing jsonapi/J1004", "photo 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("sites test output lacks %q:\n%s", want, out)
		}
	}
	code, _, errOut := cli(t, db, "--rules", rulesDir, "sites", "test", "jsonapi", srv.URL+"/api/item/J1999")
	if code == 0 || !strings.Contains(errOut, "cut short") {
		t.Errorf("sites test on a cut body: exit %d, stderr %q; want an error saying the json is cut short", code, errOut)
	}
}
