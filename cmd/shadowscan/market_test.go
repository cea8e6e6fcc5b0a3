package main

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// priceMarket is a small marketplace whose listings the test sets: one
// search page linking every item, one page an item with its title, price
// and shop.
type priceMarket struct {
	mu    sync.Mutex
	items map[string]priceItem // id -> item
}

type priceItem struct{ title, price, shop string }

func (m *priceMarket) set(id, title, price, shop string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.items == nil {
		m.items = map[string]priceItem{}
	}
	m.items[id] = priceItem{title, price, shop}
}

func (m *priceMarket) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if r.URL.Path == "/search" {
		var b strings.Builder
		b.WriteString("<!doctype html><html><body>")
		for _, id := range slices.Sorted(func(yield func(string) bool) {
			for id := range m.items {
				if !yield(id) {
					return
				}
			}
		}) {
			fmt.Fprintf(&b, `<div class="result"><a class="title" href="/item/%s">x</a></div>`, id)
		}
		fmt.Fprint(w, b.String()+"</body></html>")
		return
	}
	it, ok := m.items[strings.TrimPrefix(r.URL.Path, "/item/")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintf(w, `<!doctype html><html><head><meta charset="utf-8"><title>%[1]s</title></head><body>
<h1 class="title">%[1]s</h1><span class="price">%[2]s</span><div class="shop"><a data-shop-id="%[3]s">%[3]s</a></div></body></html>`,
		html.EscapeString(it.title), it.price, it.shop)
}

const priceSiteRule = `name: pricemkt
base_url: http://127.0.0.1:1
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 1
  listing_links: "div.result a.title@href"
listing:
  title: "h1.title"
  price: "span.price"
  currency: "CNY"
  seller_id: ".shop a@data-shop-id"
  seller_name: ".shop a"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: false, timeout: 10s, retries: 0}
`

const priceCatalog = `brand:
  id: acme
  name: Acme
  official_sellers: [pricemkt:acme-official]
  authorized_sellers: [pricemkt:a1, pricemkt:a2, pricemkt:a3, pricemkt:a4, pricemkt:a5]
products:
  - sku: ACM-PROT
    name: Acme Protein Powder 500g
    price: 300.00
    min_price: 250.00
    currency: CNY
`

// newPriceWorld serves a priceMarket whose protein powder sells at its
// list price in six shops, and returns it with a rules directory holding
// its site rule and a store with the catalogue.
func newPriceWorld(t *testing.T) (m *priceMarket, base, rulesDir, db string) {
	t.Helper()
	m = &priceMarket{}
	for i, p := range []string{"296.00", "298.00", "300.00", "300.00", "302.00"} {
		m.set(fmt.Sprintf("10%d", i), "Acme Protein Powder 500g", "¥"+p, fmt.Sprintf("a%d", i+1))
	}
	m.set("109", "Acme Protein Powder 500g official", "¥305.00", "acme-official")
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	rulesDir = filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rulesDir, "pricemkt.yaml"), []byte(priceSiteRule), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "acme.yaml"), []byte(priceCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "s.db")
	mustCLI(t, db, "catalog", "import", filepath.Join(dir, "acme.yaml"))
	return m, srv.URL, rulesDir, db
}

// storeCopy copies the store file src into the test's temp dir.
func storeCopy(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	copyFile(t, src, dst)
	return dst
}

// TestScanMarketOutlierKnobs: a scan compares a listing's price with what
// earlier scans saw for the product (the market), and the three
// detection.yaml knobs do what they say. The first scan sees the protein
// powder at about ¥300 in six shops; a second scan finds a new shop
// selling it at ¥225, a plausible price that alone flags nothing under a
// threshold of 65 (product 30 + unknown seller 30). Far under the market
// median, it gets the market reason and is flagged, unless a knob says
// otherwise.
func TestScanMarketOutlierKnobs(t *testing.T) {
	if testing.Short() {
		t.Skip("scans a marketplace served on 127.0.0.1; run without -short")
	}
	m, base, rulesDir, db := newPriceWorld(t)
	mustCLI(t, db, "--rules", rulesDir, "scan", "--site", "pricemkt", "--base-url", base, "--query", "protein")
	if hits := mustJSON[[]shadowscan.HitView](t, db, "review", "list", "--json"); len(hits) != 0 {
		t.Fatalf("the first scan flagged %d listings of authorised and official shops", len(hits))
	}
	m.set("200", "Acme Protein Powder 500g", "¥225.00", "new-shop")

	cases := []struct {
		name      string
		detection string
		flagged   bool
	}{
		{"defaults: 10 points for 3 deviations over 5 prices", "", true},
		{"market_outlier 0: the reason adds nothing", "weights:\n  market_outlier: 0\n", false},
		{"market_mads 20: 12.5 deviations are not enough", "price:\n  market_mads: 20\n", false},
		{"min_market_samples 7: six prices are too few", "price:\n  min_market_samples: 7\n", false},
		{"min_market_samples 6: six prices are enough", "price:\n  min_market_samples: 6\n", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range []struct{ name, body string }{
				{"pricemkt.yaml", priceSiteRule},
				{"detection.yaml", "kind: detection\nthreshold: 65\n" + tc.detection},
			} {
				if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			db := storeCopy(t, db)
			mustCLI(t, db, "--rules", dir, "scan", "--site", "pricemkt", "--base-url", base, "--query", "protein")
			hits := mustJSON[[]shadowscan.HitView](t, db, "review", "list", "--json")
			var got *shadowscan.HitView
			for i := range hits {
				if hits[i].Listing.SellerID == "new-shop" {
					got = &hits[i]
				} else {
					t.Errorf("%s's listing was flagged: %+v", hits[i].Listing.SellerID, hits[i].Reasons)
				}
			}
			if (got != nil) != tc.flagged {
				t.Fatalf("the ¥225 listing flagged = %v, want %v (hits %+v)", got != nil, tc.flagged, hits)
			}
			if got == nil {
				return
			}
			var market *shadowscan.Reason
			for i := range got.Reasons {
				if got.Reasons[i].Signal == "market" {
					market = &got.Reasons[i]
				}
			}
			if market == nil || market.Points != 10 || !strings.Contains(market.Detail, "under the market median ¥300.00 (6 prices seen)") {
				t.Errorf("market reason = %+v, want 10 points naming the median of the six prices", market)
			}
		})
	}
}

// TestScanKeepAllCaptures: --keep-all-captures keeps the page captures of
// listings that are not flagged; without it only flagged listings keep
// theirs.
func TestScanKeepAllCaptures(t *testing.T) {
	if testing.Short() {
		t.Skip("scans a marketplace served on 127.0.0.1; run without -short")
	}
	m, base, rulesDir, db := newPriceWorld(t)
	m.set("300", "Acme Protein Powder 500g replica", "¥99.00", "fake-shop")
	for _, keep := range []bool{false, true} {
		t.Run(fmt.Sprintf("keep-all-captures=%v", keep), func(t *testing.T) {
			db := storeCopy(t, db)
			args := []string{"--rules", rulesDir, "scan", "--site", "pricemkt", "--base-url", base, "--query", "protein"}
			if keep {
				args = append(args, "--keep-all-captures")
			}
			mustCLI(t, db, args...)
			st, err := store.Open(db, store.WithReadOnly())
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			var flagged, unflagged, unflaggedKept int
			err = st.EachListing(ctx, "pricemkt", func(r *store.ListingRecord) error {
				caps, err := st.Captures(ctx, r.Listing.Site, r.Listing.ID)
				if err != nil {
					return err
				}
				switch {
				case r.Verdict != nil && r.Verdict.Flagged:
					flagged++
					if len(caps) == 0 {
						t.Errorf("flagged listing %s kept no capture", r.Listing.ID)
					}
				default:
					unflagged++
					if len(caps) > 0 {
						unflaggedKept++
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if flagged != 1 || unflagged != 6 {
				t.Fatalf("%d flagged and %d unflagged listings, want 1 and 6", flagged, unflagged)
			}
			if want := map[bool]int{false: 0, true: 6}[keep]; unflaggedKept != want {
				t.Errorf("%d unflagged listings kept captures, want %d", unflaggedKept, want)
			}
		})
	}
}
