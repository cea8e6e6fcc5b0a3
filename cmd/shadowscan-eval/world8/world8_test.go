package world8

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

type catEntry struct {
	brand   string
	names   []string // brand names, aliases, product names and aliases
	skus    map[string]bool
	brandID string
}

// readCatalog parses the three catalogue files the way a reader of the SPEC would.
func readCatalog(t *testing.T) map[string]*catEntry {
	t.Helper()
	out := map[string]*catEntry{}
	fsys := Catalog()
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		ce := &catEntry{skus: map[string]bool{}}
		switch {
		case strings.HasSuffix(e.Name(), ".json"):
			var doc struct {
				Brand struct {
					ID      string   `json:"id"`
					Name    string   `json:"name"`
					Aliases []string `json:"aliases"`
				} `json:"brand"`
				Products []struct {
					SKU     string   `json:"sku"`
					Name    string   `json:"name"`
					Aliases []string `json:"aliases"`
					Images  []string `json:"images"`
				} `json:"products"`
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			ce.brandID = doc.Brand.ID
			ce.names = append(append(ce.names, doc.Brand.Name), doc.Brand.Aliases...)
			for _, p := range doc.Products {
				ce.skus[p.SKU] = true
				ce.names = append(append(ce.names, p.Name), p.Aliases...)
				for _, im := range p.Images {
					if _, err := fs.Stat(fsys, im); err != nil {
						t.Errorf("%s: image %s: %v", e.Name(), im, err)
					}
				}
			}
		case strings.HasSuffix(e.Name(), ".csv"):
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			for _, r := range rows[1:] {
				if ce.brandID == "" {
					ce.brandID = r[col["brand_id"]]
					ce.names = append(append(ce.names, r[col["brand_name"]]), strings.Split(r[col["brand_aliases"]], "|")...)
				}
				ce.skus[r[col["sku"]]] = true
				ce.names = append(append(ce.names, r[col["name"]]), strings.Split(r[col["aliases"]], "|")...)
				if _, err := fs.Stat(fsys, r[col["images"]]); err != nil {
					t.Errorf("%s: image: %v", e.Name(), err)
				}
			}
		case strings.HasSuffix(e.Name(), ".yaml"):
			// a small reader for the flat layout of the file
			for _, line := range strings.Split(string(data), "\n") {
				tl := strings.TrimSpace(line)
				val := func(prefix string) (string, bool) {
					if strings.HasPrefix(tl, prefix) {
						return strings.Trim(strings.TrimSpace(strings.TrimPrefix(tl, prefix)), `"`), true
					}
					return "", false
				}
				if v, ok := val("id: "); ok {
					ce.brandID = v
				} else if v, ok := val("- sku: "); ok {
					ce.skus[v] = true
				} else if v, ok := val("name: "); ok {
					ce.names = append(ce.names, v)
				} else if v, ok := val("aliases: "); ok {
					var xs []string
					if err := json.Unmarshal([]byte(v), &xs); err != nil {
						t.Fatalf("%s: aliases %q: %v", e.Name(), v, err)
					}
					ce.names = append(ce.names, xs...)
				} else if v, ok := val("images: "); ok {
					im := strings.Trim(v, "[]")
					if _, err := fs.Stat(fsys, im); err != nil {
						t.Errorf("%s: image %s: %v", e.Name(), im, err)
					}
				}
			}
		}
		if ce.brandID == "" || len(ce.skus) < 6 {
			t.Fatalf("%s: brand %q with %d products", e.Name(), ce.brandID, len(ce.skus))
		}
		out[ce.brandID] = ce
	}
	return out
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", "http://world8.test"+target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

var canonRe = regexp.MustCompile(`<link rel="canonical" href="http://world8\.test([^"]+)">`)

func TestWorld(t *testing.T) {
	start := time.Now()
	slowDelay = 5 * time.Millisecond
	defer func() { slowDelay = 1500 * time.Millisecond }()
	cat := readCatalog(t)
	if len(cat) != 3 {
		t.Fatalf("catalogue brands: %d", len(cat))
	}
	sites := map[string]http.Handler{}
	for _, s := range Sites() {
		sites[s.Name] = s.Handler
		if !bytes.Contains(s.Rule, []byte("name: "+s.Name)) {
			t.Errorf("rule of %s does not name it", s.Name)
		}
	}
	labels := Labels()
	if n := len(labels); n < 1000 || n > 1400 {
		t.Errorf("%d labels", n)
	}
	seen := map[string]bool{}
	for _, l := range labels {
		key := l.Site + l.Path
		if seen[key] {
			t.Errorf("duplicate path %s", key)
		}
		seen[key] = true
		if l.Brand != "" && cat[l.Brand] == nil {
			t.Errorf("%s: brand %q not in catalogue", key, l.Brand)
		}
		if l.SKU != "" && (cat[l.Brand] == nil || !cat[l.Brand].skus[l.SKU]) {
			t.Errorf("%s: sku %q not in brand %q", key, l.SKU, l.Brand)
		}
		if l.Flagged {
			switch l.Category {
			case "counterfeit", "code_tampered", "price_dumping", "unauthorized_seller":
				if l.SKU == "" {
					t.Errorf("%s: %s without a SKU", key, l.Category)
				}
			case "defamation":
				if l.Brand == "" || l.SKU != "" {
					t.Errorf("%s: defamation brand %q sku %q", key, l.Brand, l.SKU)
				}
			default:
				t.Errorf("%s: category %q", key, l.Category)
			}
		} else if l.Category != "" {
			t.Errorf("%s: unflagged with category", key)
		}
		if l.Why == "" {
			t.Errorf("%s: no why", key)
		}
	}
	// every page is served, with its canonical link; the 503 is served once
	saw503 := false
	for _, l := range labels {
		h := sites[l.Site]
		rec := get(t, h, l.Path)
		if rec.Code == http.StatusServiceUnavailable && rec.Header().Get("Retry-After") != "" {
			saw503 = true
			rec = get(t, h, l.Path)
		}
		if rec.Code != 200 {
			t.Errorf("%s%s: status %d", l.Site, l.Path, rec.Code)
			continue
		}
		m := canonRe.FindStringSubmatch(rec.Body.String())
		if m == nil || m[1] != l.Path {
			t.Errorf("%s%s: canonical %v", l.Site, l.Path, m)
		}
	}
	if !saw503 {
		t.Errorf("no 503 with Retry-After seen")
	}
	// the policy's facts behind every label
	w := getWorld()
	for _, l := range w.listings {
		lb := l.label
		p := productBySKU[l.sku]
		if p != nil && isOfficial(l.site, l.seller.id, p.Brand) && lb.Flagged {
			t.Errorf("%s: official shop flagged", lb.Path)
		}
		if lb.Brand != "" && isOfficial(l.site, l.seller.id, lb.Brand) && lb.Flagged {
			t.Errorf("%s: official shop flagged", lb.Path)
		}
		switch lb.Category {
		case "price_dumping":
			if !isAuthorized(l.site, l.seller.id, p.Brand) || l.priceCat >= p.Min {
				t.Errorf("%s: dumping but seller %s / %.2f vs floor %.2f", lb.Path, l.seller.id, l.priceCat, p.Min)
			}
		case "unauthorized_seller":
			if isAuthorized(l.site, l.seller.id, p.Brand) || isOfficial(l.site, l.seller.id, p.Brand) || l.priceCat < 0.7*p.Price {
				t.Errorf("%s: unauthorized but seller %s / %.2f vs list %.2f", lb.Path, l.seller.id, l.priceCat, p.Price)
			}
		case "counterfeit":
			if isAuthorized(l.site, l.seller.id, p.Brand) || isOfficial(l.site, l.seller.id, p.Brand) {
				t.Errorf("%s: counterfeit from a registered seller", lb.Path)
			}
		}
		if strings.HasPrefix(l.kind, "N2") && (!isAuthorized(l.site, l.seller.id, p.Brand) || l.priceCat < p.Min-1e-9) {
			t.Errorf("%s: N2 but %.2f < %.2f", lb.Path, l.priceCat, p.Min)
		}
	}
	// reachability from search with catalogue names
	reach := map[string]bool{}
	idToPath := map[string]string{}
	for _, l := range labels {
		idToPath[l.Site+"/"+strings.Split(l.Path, "/")[2]] = l.Path
	}
	linkRe := map[string]*regexp.Regexp{
		"bidbay":  regexp.MustCompile(`<a class="s-item__link" href="([^"]+)"`),
		"craftly": regexp.MustCompile(`<a class="listing-link[^"]*" href="([^"]+)"`),
	}
	nextRe := map[string]*regexp.Regexp{
		"bidbay":  regexp.MustCompile(`<a class="pagination__next[^"]*" href="`),
		"craftly": regexp.MustCompile(`rel="next" href="`),
	}
	searchURL := map[string]string{"bidbay": "/sch/i.html?_nkw={query}&_sacat=0&_pgn={page}", "craftly": "/search?q={query}&page={page}&ref=pagination"}
	var redirects []string
	for site, h := range sites {
		for _, ce := range cat {
			for _, name := range ce.names {
				for pg := 1; pg <= 15; pg++ {
					u := strings.NewReplacer("{query}", url.QueryEscape(name), "{page}", fmt.Sprint(pg)).Replace(searchURL[site])
					rec := get(t, h, u)
					body := rec.Body.String()
					for _, m := range linkRe[site].FindAllStringSubmatch(body, -1) {
						href := strings.ReplaceAll(m[1], "&amp;", "&")
						pu, _ := url.Parse(href)
						segs := strings.Split(strings.Trim(pu.Path, "/"), "/")
						var id string
						if site == "bidbay" {
							id = segs[len(segs)-1]
						} else {
							id = segs[1]
							if path, ok := idToPath[site+"/"+id]; ok && pu.Path != path {
								redirects = append(redirects, pu.Path)
							}
						}
						if path, ok := idToPath[site+"/"+id]; ok {
							reach[site+path] = true
						}
					}
					if !nextRe[site].MatchString(body) {
						break
					}
				}
			}
		}
	}
	for _, l := range labels {
		if !reach[l.Site+l.Path] {
			t.Errorf("%s%s (%s) not reachable from search", l.Site, l.Path, strings.Split(l.Why, ":")[0])
		}
	}
	if len(redirects) == 0 {
		t.Errorf("no old-slug links in search")
	}
	for _, p := range redirects[:min(3, len(redirects))] {
		rec := get(t, sites["craftly"], p)
		if rec.Code != http.StatusMovedPermanently {
			t.Errorf("%s: %d, want 301", p, rec.Code)
		}
	}
	// photos are served
	for _, l := range w.listings[:20] {
		rec := get(t, sites[l.site], l.images[0])
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/jpeg" {
			t.Errorf("%s: photo %d", l.images[0], rec.Code)
		}
	}
	t.Logf("took %v", time.Since(start))
}

func TestREADMECounts(t *testing.T) {
	want := countsTable()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), want) {
		t.Errorf("README.md does not contain the current counts:\n%s", want)
	}
}

// countsTable renders the label counts for the README.
func countsTable() string {
	w := getWorld()
	type key struct{ site, cat string }
	cats := []string{"counterfeit", "code_tampered", "price_dumping", "unauthorized_seller", "defamation", "not flagged"}
	n := map[key]int{}
	kinds := map[string]map[string]int{}
	for _, l := range w.listings {
		c := l.label.Category
		if !l.label.Flagged {
			c = "not flagged"
		}
		n[key{l.site, c}]++
		if kinds[l.kind] == nil {
			kinds[l.kind] = map[string]int{}
		}
		kinds[l.kind][l.site]++
	}
	var b strings.Builder
	b.WriteString("| category | bidbay | craftly | total |\n|---|---:|---:|---:|\n")
	tb, tc := 0, 0
	for _, c := range cats {
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", c, n[key{"bidbay", c}], n[key{"craftly", c}], n[key{"bidbay", c}]+n[key{"craftly", c}])
		tb += n[key{"bidbay", c}]
		tc += n[key{"craftly", c}]
	}
	fmt.Fprintf(&b, "| **all listings** | %d | %d | %d |\n\n", tb, tc, tb+tc)
	b.WriteString("| kind (policy rule) | bidbay | craftly |\n|---|---:|---:|\n")
	var ks []string
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Fprintf(&b, "| %s | %d | %d |\n", k, kinds[k]["bidbay"], kinds[k]["craftly"])
	}
	return b.String()
}

func TestDeterministic(t *testing.T) {
	a := getWorld()
	b := buildWorld()
	if len(a.listings) != len(b.listings) {
		t.Fatalf("%d vs %d listings", len(a.listings), len(b.listings))
	}
	for i := range a.listings {
		x, y := a.listings[i], b.listings[i]
		if x.label != y.label || x.title != y.title || x.price != y.price || x.desc != y.desc {
			t.Fatalf("listing %d differs: %+v vs %+v", i, x.label, y.label)
		}
	}
}
