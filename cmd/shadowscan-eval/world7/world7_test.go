package world7

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	for try := 0; ; try++ {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", target, nil)
		req.Host = "127.0.0.1:9999"
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusServiceUnavailable && try < 2 {
			time.Sleep(time.Second) // Retry-After: 1
			continue
		}
		return rec
	}
}

func handlers() map[string]http.Handler {
	m := map[string]http.Handler{}
	for _, s := range Sites() {
		m[s.Name] = s.Handler
	}
	return m
}

func TestLabelsServedAndUnique(t *testing.T) {
	hs := handlers()
	labels := Labels()
	seen := map[string]bool{}
	for _, l := range labels {
		k := l.Site + l.Path
		if seen[k] {
			t.Errorf("duplicate path %s %s", l.Site, l.Path)
		}
		seen[k] = true
	}
	var wg sync.WaitGroup
	ch := make(chan Label)
	var mu sync.Mutex
	canon := regexp.MustCompile(`<link rel="canonical" href="http://[^/"]+([^"]+)">`)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range ch {
				rec := get(hs[l.Site], l.Path)
				m := canon.FindStringSubmatch(rec.Body.String())
				mu.Lock()
				if rec.Code != 200 {
					t.Errorf("%s %s: status %d", l.Site, l.Path, rec.Code)
				} else if m == nil || html.UnescapeString(m[1]) != l.Path {
					t.Errorf("%s %s: canonical %v", l.Site, l.Path, m)
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

// catalogue parses the catalogue files back: brand id -> skus, and every search name.
func catalogue(t *testing.T) (map[string]map[string]bool, []string) {
	fsys := Catalog()
	brandsSeen := map[string]map[string]bool{}
	var names []string
	entries, _ := fs.ReadDir(fsys, ".")
	skuRe := regexp.MustCompile(`(?m)^  - sku: (\S+)$`)
	idRe := regexp.MustCompile(`(?m)^  id: (\S+)$`)
	nameRe := regexp.MustCompile(`(?m)^\s+(?:name|aliases): (.+)$`)
	imgRe := regexp.MustCompile(`(?m)^    images: (.+)$`)
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var imgs []string
		switch {
		case strings.HasSuffix(e.Name(), ".json"):
			var cf catFile
			if err := json.Unmarshal(data, &cf); err != nil {
				t.Fatal(err)
			}
			skus := map[string]bool{}
			names = append(names, cf.Brand.Name)
			names = append(names, cf.Brand.Aliases...)
			for _, p := range cf.Products {
				skus[p.SKU] = true
				names = append(names, p.Name)
				names = append(names, p.Aliases...)
				imgs = append(imgs, p.Images...)
			}
			brandsSeen[cf.Brand.ID] = skus
		case strings.HasSuffix(e.Name(), ".csv"):
			rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			skus := map[string]bool{}
			for i, r := range rows[1:] {
				if i == 0 {
					names = append(names, r[1])
					names = append(names, strings.Split(r[2], "|")...)
				}
				skus[r[6]] = true
				names = append(names, r[7])
				names = append(names, strings.Split(r[8], "|")...)
				imgs = append(imgs, strings.Split(r[12], "|")...)
			}
			brandsSeen[rows[1][0]] = skus
		case strings.HasSuffix(e.Name(), ".yaml"):
			s := string(data)
			skus := map[string]bool{}
			for _, m := range skuRe.FindAllStringSubmatch(s, -1) {
				skus[m[1]] = true
			}
			brandsSeen[idRe.FindStringSubmatch(s)[1]] = skus
			for _, m := range nameRe.FindAllStringSubmatch(s, -1) {
				v := m[1]
				if strings.HasPrefix(v, "[") {
					var l []string
					if err := json.Unmarshal([]byte(v), &l); err != nil {
						t.Fatalf("%s: %v", v, err)
					}
					names = append(names, l...)
				} else {
					var one string
					if err := json.Unmarshal([]byte(v), &one); err != nil {
						t.Fatalf("%s: %v", v, err)
					}
					names = append(names, one)
				}
			}
			for _, m := range imgRe.FindAllStringSubmatch(s, -1) {
				var l []string
				json.Unmarshal([]byte(m[1]), &l)
				imgs = append(imgs, l...)
			}
		}
		for _, im := range imgs {
			if _, err := fs.Stat(fsys, im); err != nil {
				t.Errorf("%s: image %s missing", e.Name(), im)
			}
		}
	}
	return brandsSeen, names
}

func TestLabelsAgainstCatalogue(t *testing.T) {
	cat, _ := catalogue(t)
	if len(cat) != 4 {
		t.Fatalf("catalogue brands: %v", cat)
	}
	for _, l := range Labels() {
		if l.Brand != "" && cat[l.Brand] == nil {
			t.Errorf("%s: unknown brand %q", l.Path, l.Brand)
		}
		if l.SKU != "" && !cat[l.Brand][l.SKU] {
			t.Errorf("%s: sku %q not in brand %q", l.Path, l.SKU, l.Brand)
		}
		if l.Flagged && l.Category != "defamation" && l.SKU == "" {
			t.Errorf("%s: flagged %s without a sku", l.Path, l.Category)
		}
		if l.Flagged != (l.Category != "") || l.Why == "" {
			t.Errorf("%s: inconsistent label %+v", l.Path, l)
		}
	}
}

// The label policy, re-derived from the generator's facts.
func TestPolicy(t *testing.T) {
	w := getWorld()
	for _, l := range append(append([]*listing{}, w.pin...), w.notes...) {
		var p *product
		if l.sku != "" {
			p = productBySKU[l.sku]
		}
		role := ""
		if l.seller != nil {
			role = l.seller.role
			if l.seller.brand != "" && l.seller.brand != l.brand {
				role = "other"
			}
		}
		switch {
		case role == "official":
			if l.flagged {
				t.Errorf("%s: official shop flagged", l.id)
			}
		case l.category == "price_dumping":
			if role != "authorised" || !(l.price < p.floor) {
				t.Errorf("%s: price_dumping but role %s price %v floor %v", l.id, role, l.price, p.floor)
			}
		case l.category == "unauthorized_seller":
			cur := "CNY"
			if l.card != nil {
				cur = l.card.currency
			}
			if role != "other" || (cur == "CNY" && l.price <= 0.4*p.price) {
				t.Errorf("%s: unauthorized_seller but role %s price %v list %v", l.id, role, l.price, p.price)
			}
		case l.category == "counterfeit":
			if role != "other" {
				t.Errorf("%s: counterfeit from role %s", l.id, role)
			}
			if strings.HasSuffix(l.kind, "price_only") && l.price > 0.4*p.price {
				t.Errorf("%s: price-only counterfeit at %v of %v", l.id, l.price, p.price)
			}
		case l.category == "code_tampered":
			if role != "other" && role != "authorised" {
				t.Errorf("%s: code_tampered from role %s", l.id, role)
			}
		case !l.flagged && role == "authorised" && p != nil:
			if l.price < p.floor {
				t.Errorf("%s: authorised under floor but not flagged (%v < %v)", l.id, l.price, p.floor)
			}
		case !l.flagged && role == "other" && p != nil:
			t.Errorf("%s: unauthorised offer of %s left unflagged (%s)", l.id, p.sku, l.kind)
		}
	}
}

var linkRe = map[string]*regexp.Regexp{
	sitePin:   regexp.MustCompile(`<li class="goods-item"[^>]*><a class="goods-link" href="([^"]+)"`),
	siteNotes: regexp.MustCompile(`<section class="note-item"><a class="cover" href="([^"]+)"`),
}

func canonicalOf(site, href string) string {
	u, err := url.Parse(html.UnescapeString(href))
	if err != nil {
		return ""
	}
	if site == sitePin {
		return u.Path + "?goods_id=" + u.Query().Get("goods_id")
	}
	return u.Path
}

func TestEveryListingFoundBySearch(t *testing.T) {
	_, names := catalogue(t)
	hs := handlers()
	for _, s := range Sites() {
		found := map[string]bool{}
		searchURL := map[string]string{
			sitePin:   "/search_result.html?search_key=%s&page=%d",
			siteNotes: "/search_result?keyword=%s&source=web_search_result_notes&page=%d",
		}[s.Name]
		for _, q := range names {
			for page := 1; page <= 10; page++ {
				rec := get(hs[s.Name], fmt.Sprintf(searchURL, url.QueryEscape(q), page))
				ms := linkRe[s.Name].FindAllStringSubmatch(rec.Body.String(), -1)
				if len(ms) == 0 {
					break
				}
				for _, m := range ms {
					found[canonicalOf(s.Name, m[1])] = true
				}
			}
		}
		missing := 0
		for _, l := range Labels() {
			if l.Site == s.Name && !found[l.Path] {
				missing++
				if missing < 200 {
					t.Errorf("%s %s (%s) not reachable: %s", l.Site, l.Path, l.Why, getWorld().byKey[l.Site+"|"+strings.TrimPrefix(strings.TrimPrefix(l.Path, "/goods.html?goods_id="), "/explore/")].title)
				}
			}
		}
		if missing > 0 {
			t.Errorf("%s: %d listings unreachable", s.Name, missing)
		}
	}
}

func TestRulesAndRobots(t *testing.T) {
	for _, s := range Sites() {
		if !strings.Contains(string(s.Rule), "name: "+s.Name+"\n") || !strings.Contains(string(s.Rule), "base_url:") {
			t.Errorf("%s: rule lacks name or base_url", s.Name)
		}
		rec := get(s.Handler, "/robots.txt")
		if rec.Code != 200 {
			t.Errorf("%s robots: %d", s.Name, rec.Code)
		}
	}
}

func TestImages(t *testing.T) {
	hs := handlers()
	w := getWorld()
	for _, l := range []*listing{w.pin[0], w.pin[40], w.notes[0], w.notes[300]} {
		var p string
		if l.site == sitePin {
			p = fmt.Sprintf("/img/goods/%s_0.jpg", l.id)
		} else {
			p = fmt.Sprintf("/notes-img/%s/0.jpg", l.id)
		}
		rec := get(hs[l.site], p)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/jpeg" || rec.Body.Len() < 1000 {
			t.Errorf("%s: %d %s %d", p, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
		}
	}
}

// TestDump writes the README count tables when WORLD7_DUMP is set.
func TestDump(t *testing.T) {
	if os.Getenv("WORLD7_DUMP") == "" {
		t.Skip()
	}
	fmt.Print(countTables())
}

func TestREADMECounts(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), countTables()) {
		t.Errorf("README.md count tables are stale; run WORLD7_DUMP=1 go test -run Dump and paste")
	}
}

func countTables() string {
	w := getWorld()
	type key struct{ a, b string }
	cat := map[key]int{}
	kinds := map[key]int{}
	kindCat := map[string]string{}
	catSet := map[string]int{}
	kindSet := map[string]int{}
	for _, l := range append(append([]*listing{}, w.pin...), w.notes...) {
		c := l.category
		if c == "" {
			c = "(not flagged)"
		}
		cat[key{c, l.site}]++
		catSet[c]++
		kinds[key{l.kind, l.site}]++
		kindSet[l.kind]++
		kindCat[l.kind] = c
	}
	var b strings.Builder
	b.WriteString("| category | pinpin-m | notes-mall | total |\n|---|---:|---:|---:|\n")
	tot := [3]int{}
	for _, c := range []string{"counterfeit", "code_tampered", "price_dumping", "unauthorized_seller", "defamation", "(not flagged)"} {
		x, y := cat[key{c, sitePin}], cat[key{c, siteNotes}]
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", c, x, y, x+y)
		tot[0] += x
		tot[1] += y
	}
	fmt.Fprintf(&b, "| **all listings** | %d | %d | %d |\n", tot[0], tot[1], tot[0]+tot[1])
	b.WriteString("\n| kind | label | pinpin-m | notes-mall |\n|---|---|---:|---:|\n")
	ks := sortedKinds(kindSet)
	for _, flaggedFirst := range []bool{true, false} {
		for _, k := range ks {
			if (kindCat[k] != "(not flagged)") != flaggedFirst {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %d |\n", k, kindCat[k], kinds[key{k, sitePin}], kinds[key{k, siteNotes}])
		}
	}
	return b.String()
}
