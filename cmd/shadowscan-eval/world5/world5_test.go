package world5

import (
	"encoding/csv"
	"encoding/json"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	for try := 0; try < 3; try++ {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", target, nil)
		req.Host = "127.0.0.1:9999"
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusServiceUnavailable {
			return rec
		}
	}
	return nil
}

func sitesByName() map[string]Site {
	m := map[string]Site{}
	for _, s := range Sites() {
		m[s.Name] = s
	}
	return m
}

var canonRe = regexp.MustCompile(`<link rel="canonical" href="([^"]+)"`)

func TestPathsServedAndCanonical(t *testing.T) {
	sites := sitesByName()
	labels := Labels()
	seen := map[string]bool{}
	for _, l := range labels {
		k := l.Site + l.Path
		if seen[k] {
			t.Errorf("duplicate label path %s", k)
		}
		seen[k] = true
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ch := make(chan Label)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range ch {
				rec := get(sites[l.Site].Handler, l.Path)
				mu.Lock()
				if rec == nil || rec.Code != 200 {
					t.Errorf("%s %s not served 200", l.Site, l.Path)
				} else if m := canonRe.FindStringSubmatch(rec.Body.String()); m == nil {
					t.Errorf("%s %s has no canonical link", l.Site, l.Path)
				} else if u, _ := url.Parse(html.UnescapeString(m[1])); u.RequestURI() != l.Path {
					t.Errorf("%s: canonical %s differs from label path %s", l.Site, m[1], l.Path)
				}
				mu.Unlock()
			}
		}()
	}
	for _, l := range labels {
		ch <- l
	}
	close(ch)
	wg.Wait()
}

func TestLabelsAgainstCatalogue(t *testing.T) {
	cat := Catalog()
	skus := map[string]string{} // sku -> brand
	brandIDs := map[string]bool{}
	entries, err := fs.ReadDir(cat, ".")
	if err != nil {
		t.Fatal(err)
	}
	var imgRefs []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, _ := fs.ReadFile(cat, e.Name())
		switch {
		case strings.HasSuffix(e.Name(), ".yaml"):
			var brand string
			for _, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if strings.HasPrefix(line, "id: ") {
					brand = strings.TrimPrefix(line, "id: ")
					brandIDs[brand] = true
				}
				if strings.HasPrefix(line, "- sku: ") {
					skus[strings.TrimPrefix(line, "- sku: ")] = brand
				}
				if strings.HasPrefix(line, "images: [") {
					imgRefs = append(imgRefs, strings.TrimSuffix(strings.TrimPrefix(line, "images: ["), "]"))
				}
			}
		case strings.HasSuffix(e.Name(), ".json"):
			var doc struct {
				Brand struct {
					ID string `json:"id"`
				} `json:"brand"`
				Products []struct {
					SKU    string   `json:"sku"`
					Images []string `json:"images"`
				} `json:"products"`
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			brandIDs[doc.Brand.ID] = true
			for _, p := range doc.Products {
				skus[p.SKU] = doc.Brand.ID
				imgRefs = append(imgRefs, p.Images...)
			}
		case strings.HasSuffix(e.Name(), ".csv"):
			rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows[1:] {
				brandIDs[r[0]] = true
				skus[r[6]] = r[0]
				imgRefs = append(imgRefs, r[12])
			}
		}
	}
	if len(brandIDs) != 4 || len(skus) != len(allProducts()) {
		t.Fatalf("catalogue has %d brands, %d skus", len(brandIDs), len(skus))
	}
	for _, ref := range imgRefs {
		if _, err := fs.Stat(cat, ref); err != nil {
			t.Errorf("catalogue image %s missing", ref)
		}
	}
	cats := map[string]bool{"counterfeit": true, "code_tampered": true, "price_dumping": true, "unauthorized_seller": true, "defamation": true}
	for _, l := range Labels() {
		if l.Brand != "" && !brandIDs[l.Brand] {
			t.Errorf("%s: unknown brand %q", l.Path, l.Brand)
		}
		if l.SKU != "" && skus[l.SKU] != l.Brand {
			t.Errorf("%s: sku %q not in brand %q", l.Path, l.SKU, l.Brand)
		}
		if l.Flagged != cats[l.Category] || (l.Flagged && l.Brand == "") {
			t.Errorf("%s: inconsistent label %+v", l.Path, l)
		}
		if l.Flagged && l.Category != "defamation" && l.SKU == "" {
			t.Errorf("%s: flagged %s without sku", l.Path, l.Category)
		}
		if l.Why == "" {
			t.Errorf("%s: no why", l.Path)
		}
	}
}

func TestOfficialNeverFlagged(t *testing.T) {
	w := getWorld()
	n := 0
	for _, l := range w.listings {
		for _, b := range brands {
			if isOfficial(b, l.seller) && (l.lab.Brand == b.id || l.lab.Brand == "") {
				n++
				if l.lab.Flagged {
					t.Errorf("official listing flagged: %s %s", l.site, l.path())
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no official listings")
	}
}

var (
	linkA = regexp.MustCompile(`<div class="offer-title"><a href="([^"]+)"`)
	linkB = regexp.MustCompile(`<h2 class="[^"]*"><a class="[^"]*" href="([^"]+)"`)
)

// TestReachableFromSearch: every labelled listing is in the first max_pages result pages of
// at least one catalogue-name query (organic results only).
func TestReachableFromSearch(t *testing.T) {
	sites := sitesByName()
	found := map[string]bool{}
	for _, name := range []string{siteA, siteB} {
		h := sites[name].Handler
		for _, q := range catalogueQueries() {
			for page := 1; page <= 10; page++ {
				var target string
				re := linkA
				if name == siteA {
					target = "/selloffer/offer_search.htm?keywords=" + url.QueryEscape(q) + "&beginPage=" + strconv.Itoa(page)
				} else {
					target = "/s?k=" + url.QueryEscape(q) + "&page=" + strconv.Itoa(page)
					re = linkB
				}
				rec := get(h, target)
				if rec == nil || rec.Code != 200 {
					t.Fatalf("%s search %q page %d failed", name, q, page)
				}
				ms := re.FindAllStringSubmatch(rec.Body.String(), -1)
				if len(ms) == 0 {
					break
				}
				for _, m := range ms {
					u, _ := url.Parse(html.UnescapeString(m[1]))
					found[name+u.Path] = true
				}
			}
		}
	}
	missing := 0
	for _, l := range Labels() {
		if !found[l.Site+l.Path] {
			missing++
			if missing < 200 {
				t.Errorf("not reachable from search: %s %s (%s)", l.Site, l.Path, getWorld().byPath[l.Path].title)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d listings unreachable", missing)
	}
}

func TestImagesServed(t *testing.T) {
	sites := sitesByName()
	w := getWorld()
	for i, l := range w.listings {
		if i%97 != 0 {
			continue
		}
		rec := get(sites[l.site].Handler, l.images[0])
		if rec == nil || rec.Code != 200 || rec.Header().Get("Content-Type") != "image/jpeg" {
			t.Errorf("image %s not served", l.images[0])
		}
	}
}
