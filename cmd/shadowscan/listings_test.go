package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// identityMarket is a site built unlike the demo: detail URLs are
// /p/<id>/<title-slug> and several listings share a title, so the slug is
// shared too; and two listings at different URLs show one product code,
// which a careless rule uses as the id.
type identityMarket struct{ pages map[string]string }

func newIdentityMarket() *identityMarket {
	m := &identityMarket{pages: map[string]string{}}
	item := func(path, title, code, price string) {
		m.pages[path] = fmt.Sprintf(`<!doctype html><html><head><meta charset="utf-8"><title>%[1]s</title>
<link rel="canonical" href="%[2]s"></head><body><h1 class="title">%[1]s</h1>
<span class="price">%[4]s</span><span class="code">%[3]s</span><div class="shop"><a data-shop-id="s-%[3]s">店铺 %[3]s</a></div></body></html>`,
			html.EscapeString(title), path, code, price)
	}
	// One title, one slug, three listings.
	item("/p/81001/hand-cream-50ml", "Hand cream 50ml", "HC50", "¥89.00")
	item("/p/81002/hand-cream-50ml", "Hand cream 50ml", "HC50", "¥79.00")
	item("/p/81003/hand-cream-50ml", "Hand cream 50ml", "HC51", "¥99.00")
	return m
}

func (m *identityMarket) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case r.URL.Path == "/search":
		var b strings.Builder
		b.WriteString("<!doctype html><html><body>")
		for _, p := range slices.Sorted(func(yield func(string) bool) {
			for k := range m.pages {
				if !yield(k) {
					return
				}
			}
		}) {
			fmt.Fprintf(&b, `<div class="result"><a class="title" href="%s">x</a></div>`, p)
		}
		b.WriteString("</body></html>")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, b.String())
	default:
		page, ok := m.pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}
}

const identityRule = `name: %s
base_url: http://127.0.0.1:1
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 1
  listing_links: "div.result a.title@href"
listing:
%s  title: "h1.title"
  price: "span.price"
  currency: "CNY"
  seller_id: ".shop a@data-shop-id"
  seller_name: ".shop a"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: false, timeout: 10s, retries: 0}
`

// TestListingsKeepTheirIdentity scans a site whose slugs repeat, once with
// no id selector and once with an id selector that repeats, and checks
// with `listings list` that every listing was kept under a key of its own,
// and that the repeated id was reported as an error naming both URLs.
func TestListingsKeepTheirIdentity(t *testing.T) {
	srv := httptest.NewServer(newIdentityMarket())
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, id := range map[string]string{"slugs": "", "codes": "  id: \".code\"\n"} {
		if err := os.WriteFile(filepath.Join(rulesDir, name+".yaml"), fmt.Appendf(nil, identityRule, name, id), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "id.db")
	mustImportDemoCatalog(t, db)

	t.Run("no id selector: the id comes from the URL, not the slug", func(t *testing.T) {
		mustCLI(t, db, "--rules", rulesDir, "scan", "--site", "slugs", "--base-url", srv.URL, "--query", "cream")
		rows := mustJSON[[]listingRow](t, db, "listings", "list", "--site", "slugs", "--json")
		var keys []string
		for _, r := range rows {
			keys = append(keys, r.Key)
			if r.Verdict == nil {
				t.Errorf("%s: no verdict stored", r.Key)
			}
		}
		if want := []string{"slugs/81001", "slugs/81002", "slugs/81003"}; !slices.Equal(keys, want) {
			t.Fatalf("keys = %v, want %v", keys, want)
		}
	})

	t.Run("a repeated id keeps both listings and is reported", func(t *testing.T) {
		code, out, errOut := cli(t, db, "--rules", rulesDir, "scan", "--site", "codes", "--base-url", srv.URL, "--query", "cream")
		if code != 0 {
			t.Fatalf("scan: exit %d\n%s\n%s", code, out, errOut)
		}
		if !strings.Contains(out, "id_conflict 1") {
			t.Errorf("the scan summary does not count the conflict:\n%s", out)
		}
		if !strings.Contains(errOut, "/p/81001/hand-cream-50ml") || !strings.Contains(errOut, "/p/81002/hand-cream-50ml") {
			t.Errorf("the warning does not name both URLs:\n%s", errOut)
		}
		rows := mustJSON[[]listingRow](t, db, "listings", "list", "--site", "codes", "--json")
		urls := map[string]string{}
		for _, r := range rows {
			if old, dup := urls[r.Key]; dup {
				t.Errorf("key %s holds %s and %s", r.Key, old, r.URL)
			}
			urls[r.Key] = r.URL
		}
		if len(rows) != 3 {
			t.Fatalf("%d listings stored, want 3: %v", len(rows), urls)
		}
		// Whichever of the two was stored first keeps the plain id.
		var twins []string
		for k, u := range urls {
			if k == "codes/HC50" || strings.HasPrefix(k, "codes/HC50~") {
				twins = append(twins, u[len(srv.URL):])
			}
		}
		slices.Sort(twins)
		if want := []string{"/p/81001/hand-cream-50ml", "/p/81002/hand-cream-50ml"}; !slices.Equal(twins, want) || urls["codes/HC50"] == "" {
			t.Errorf("the listings sharing id HC50: %v, want %v under codes/HC50 and codes/HC50~<digest>", urls, want)
		}
		// A rescan finds each URL under the key it got the first time.
		mustCLI(t, db, "--rules", rulesDir, "scan", "--site", "codes", "--base-url", srv.URL, "--query", "cream")
		again := mustJSON[[]listingRow](t, db, "listings", "list", "--site", "codes", "--json")
		if len(again) != 3 {
			t.Fatalf("after a rescan %d listings, want 3", len(again))
		}
		for _, r := range again {
			if urls[r.Key] != r.URL {
				t.Errorf("after a rescan %s holds %s, was %s", r.Key, r.URL, urls[r.Key])
			}
		}
	})

	t.Run("table", func(t *testing.T) {
		out := mustCLI(t, db, "listings", "list")
		if !strings.Contains(out, "6 listing(s)") || !strings.Contains(out, "slugs/81002") {
			t.Errorf("listings list:\n%s", out)
		}
		out = mustCLI(t, db, "listings", "list", "--site", "nowhere")
		if !strings.Contains(out, "no listings of site nowhere") {
			t.Errorf("listings list --site nowhere:\n%s", out)
		}
	})
}

// TestSitesTestSaysWhereTheIDCameFrom runs `sites test` on pages whose id
// comes from the URL, from the rule and from nowhere but a hash of the URL.
func TestSitesTestSaysWhereTheIDCameFrom(t *testing.T) {
	m := newIdentityMarket()
	m.pages["/promo/hand-cream-special"] = strings.ReplaceAll(m.pages["/p/81001/hand-cream-50ml"], `href="/p/81001/hand-cream-50ml"`, `href="/promo/hand-cream-special"`)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	rulesDir := t.TempDir()
	for name, id := range map[string]string{"slugs": "", "codes": "  id: \".code\"\n"} {
		if err := os.WriteFile(filepath.Join(rulesDir, name+".yaml"), fmt.Appendf(nil, identityRule, name, id), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "s.db")
	tests := []struct {
		site, path, wantKey, wantVia string
		hashNote                     bool
	}{
		{"slugs", "/p/81002/hand-cream-50ml", "slugs/81002", "url", false},
		{"codes", "/p/81002/hand-cream-50ml", "codes/HC50", ".code", false},
		{"slugs", "/promo/hand-cream-special", "slugs/u", "url-hash", true},
	}
	for _, tt := range tests {
		out := mustCLI(t, db, "--rules", rulesDir, "sites", "test", tt.site, srv.URL+tt.path)
		if !strings.Contains(out, "listing "+tt.wantKey) {
			t.Errorf("%s %s: key is not %s*:\n%s", tt.site, tt.path, tt.wantKey, out)
		}
		var idLine string
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "id ") {
				idLine = line
			}
		}
		if !strings.Contains(idLine, tt.wantVia) {
			t.Errorf("%s %s: id row %q does not say %s", tt.site, tt.path, idLine, tt.wantVia)
		}
		if got := strings.Contains(out, "the page gives no listing id"); got != tt.hashNote {
			t.Errorf("%s %s: url-hash note shown %v, want %v:\n%s", tt.site, tt.path, got, tt.hashNote, out)
		}
	}
}
