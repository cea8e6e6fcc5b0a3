package world4

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

func get(t *testing.T, h http.Handler, target string) (int, string) {
	t.Helper()
	for attempt := 0; ; attempt++ {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "http://world4.test"+target, nil)
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusServiceUnavailable && attempt < 2 && rec.Header().Get("Retry-After") != "" {
			continue // the site fails once on purpose
		}
		return rec.Code, rec.Body.String()
	}
}

func catalogueQueries() []string {
	var qs []string
	for _, b := range brands {
		qs = append(qs, b.Name)
		qs = append(qs, b.Aliases...)
		for _, p := range b.Products {
			qs = append(qs, p.Name)
			qs = append(qs, p.Aliases...)
		}
	}
	return qs
}

var (
	canonRe = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	linkA   = regexp.MustCompile(`<div class="p-name p-name-type-2"><a [^>]*href="([^"]+)"`)
	nextA   = regexp.MustCompile(`<a class="pn-next" href="([^"]+)"`)
	linkB   = regexp.MustCompile(`<article class="product-card"[^>]*><a class="card-link" href="([^"]+)"`)
)

func TestLabelsServedAndConsistent(t *testing.T) {
	start := time.Now()
	sites := map[string]http.Handler{}
	for _, s := range Sites() {
		sites[s.Name] = s.Handler
	}
	cat := Catalog()
	for _, f := range []string{"vitaquan.yaml", "silkdew.json", "purenest.yaml", "jadeleaf.csv"} {
		if _, err := fs.Stat(cat, f); err != nil {
			t.Fatalf("catalogue file %s: %v", f, err)
		}
	}
	seen := map[string]bool{}
	labels := Labels()
	type page struct {
		code int
		body string
	}
	pages := make([]page, len(labels))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pages[i].code, pages[i].body = get(t, sites[labels[i].Site], labels[i].Path)
			}
		}()
	}
	for i := range labels {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, lb := range labels {
		key := lb.Site + " " + lb.Path
		if seen[key] {
			t.Errorf("duplicate path %s", key)
		}
		seen[key] = true
		code, body := pages[i].code, pages[i].body
		if code != 200 {
			t.Errorf("%s: status %d", key, code)
			continue
		}
		m := canonRe.FindStringSubmatch(body)
		if m == nil {
			t.Errorf("%s: no canonical link", key)
		} else if u, err := url.Parse(m[1]); err != nil || u.RequestURI() != lb.Path {
			t.Errorf("%s: canonical %s", key, m[1])
		}
		if lb.Brand != "" && brandByID(lb.Brand) == nil {
			t.Errorf("%s: unknown brand %s", key, lb.Brand)
		}
		if lb.SKU != "" {
			p := productBySKU(lb.SKU)
			if p == nil || p.b.ID != lb.Brand {
				t.Errorf("%s: SKU %s not of brand %s", key, lb.SKU, lb.Brand)
			} else if _, err := fs.Stat(cat, imagePath(p)); err != nil {
				t.Errorf("%s: no catalogue image for %s", key, lb.SKU)
			}
		}
		if lb.Flagged && (lb.Category == "" || lb.Brand == "") {
			t.Errorf("%s: flagged without category or brand", key)
		}
		if lb.Flagged && lb.Category != kDefamation && lb.SKU == "" {
			t.Errorf("%s: flagged %s without SKU", key, lb.Category)
		}
		if lb.Why == "" {
			t.Errorf("%s: no reason", key)
		}
	}
	// official shops are never flagged
	for _, site := range []string{siteA, siteB} {
		for _, l := range getWorld().sites[site].listings {
			if l.flagged() {
				for _, b := range brands {
					if b.isOfficial(site, l.shop.id) {
						t.Errorf("%s %s: flagged listing of official shop %s", site, l.path, l.shop.id)
					}
				}
			}
		}
	}
	t.Logf("labels checked in %v", time.Since(start))
}

// TestReachableFromSearch walks every catalogue query through each site's search pages
// as the rule describes them and checks that every labelled listing is found.
func TestReachableFromSearch(t *testing.T) {
	start := time.Now()
	found := map[string]bool{}
	for _, s := range Sites() {
		maxPages := 20
		for _, q := range catalogueQueries() {
			if s.Name == siteA {
				target := "/search?keyword=" + url.QueryEscape(q) + "&page=1"
				for p := 1; p <= maxPages && target != ""; p++ {
					code, body := get(t, s.Handler, target)
					if code != 200 {
						t.Fatalf("%s %s: %d", s.Name, target, code)
					}
					for _, m := range linkA.FindAllStringSubmatch(body, -1) {
						u, _ := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
						found[s.Name+" /item?id="+u.Query().Get("id")] = true
					}
					target = ""
					if m := nextA.FindStringSubmatch(body); m != nil {
						target = strings.ReplaceAll(m[1], "&amp;", "&")
					}
				}
			} else {
				for p := 1; p <= maxPages; p++ {
					_, body := get(t, s.Handler, fmt.Sprintf("/search?q=%s&page=%d", url.QueryEscape(q), p))
					ms := linkB.FindAllStringSubmatch(body, -1)
					if len(ms) == 0 {
						break
					}
					for _, m := range ms {
						u, _ := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
						found[s.Name+" "+u.Path] = true
					}
				}
			}
		}
	}
	missing := 0
	for _, lb := range Labels() {
		if !found[lb.Site+" "+lb.Path] {
			missing++
			if missing < 20 {
				t.Errorf("not reachable from search: %s %s (%s)", lb.Site, lb.Path, lb.Why)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d listings not reachable", missing)
	}
	t.Logf("search walked in %v", time.Since(start))
}

func TestRulesAndCatalogueNameEachOther(t *testing.T) {
	for _, b := range brands {
		for _, s := range b.Official {
			if sh := shopByID(s.Site, s.ID); sh == nil || !sh.officialFor(b.ID) {
				t.Errorf("%s official seller %v is not an official shop", b.ID, s)
			}
		}
		for _, s := range b.Authorized {
			if sh := shopByID(s.Site, s.ID); sh == nil || !sh.authorisedFor(b.ID) {
				t.Errorf("%s authorised seller %v is not an authorised shop", b.ID, s)
			}
		}
	}
	for _, s := range Sites() {
		if !strings.Contains(string(s.Rule), "name: "+s.Name+"\n") {
			t.Errorf("rule of %s does not name it", s.Name)
		}
	}
}

// TestDump writes the catalogue, a few photos and a summary when WORLD4_DUMP names a directory.
func TestDump(t *testing.T) {
	dir := os.Getenv("WORLD4_DUMP")
	if dir == "" {
		t.Skip("set WORLD4_DUMP=DIR to write the catalogue and a summary")
	}
	if err := os.CopyFS(filepath.Join(dir, "catalog"), Catalog()); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	hard := map[string]int{}
	var lines []string
	for _, site := range []string{siteA, siteB} {
		for _, l := range getWorld().sites[site].listings {
			k := l.kind
			if l.variant != "" {
				k += " / " + l.variant
			}
			counts[site+" | "+k]++
			counts["all | "+l.kind]++
			if l.hard {
				hard["all | "+l.kind]++
			}
			lines = append(lines, fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%.2f %s\t%s\t%s\t%v", site, l.path, l.kind, l.variant, l.shop.id, l.price, l.currency, l.title, l.why, l.hard))
		}
	}
	var ks []string
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	var sb strings.Builder
	for _, k := range ks {
		fmt.Fprintf(&sb, "%5d %4d  %s\n", counts[k], hard[k], k)
	}
	os.WriteFile(filepath.Join(dir, "counts.txt"), []byte(sb.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "listings.tsv"), []byte(strings.Join(lines, "\n")), 0o644)
	// some photos of each kind
	h := Sites()
	for i, l := range getWorld().sites[siteA].listings[:40] {
		rec := httptest.NewRecorder()
		h[0].Handler.ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprintf("/img/%s/1.jpg", l.id), nil))
		b, _ := io.ReadAll(rec.Body)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d-%s.jpg", i, strings.ReplaceAll(l.kind, " ", "_"))), b, 0o644)
	}
}
