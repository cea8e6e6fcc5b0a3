package world6

import (
	"bufio"
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
	"sync"
	"testing"
)

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	for try := 0; ; try++ {
		req := httptest.NewRequest("GET", target, nil)
		req.Host = "127.0.0.1:18661"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusServiceUnavailable && try < 3 {
			continue
		}
		return rec
	}
}

func TestLabelPathsServed(t *testing.T) {
	sites := map[string]http.Handler{}
	for _, s := range Sites() {
		sites[s.Name] = s.Handler
	}
	labels := Labels()
	var mu sync.Mutex
	var wg sync.WaitGroup
	ch := make(chan Label)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range ch {
				rec := get(sites[l.Site], l.Path)
				if rec.Code != 200 {
					mu.Lock()
					t.Errorf("%s %s: status %d", l.Site, l.Path, rec.Code)
					mu.Unlock()
					continue
				}
				body := rec.Body.String()
				want := `rel="canonical" href="http://127.0.0.1:18661` + l.Path + `"`
				if !strings.Contains(body, strings.ReplaceAll(want, "&", "&amp;")) {
					mu.Lock()
					t.Errorf("%s %s: canonical link missing", l.Site, l.Path)
					mu.Unlock()
				}
			}
		}()
	}
	seen := map[string]bool{}
	for _, l := range labels {
		k := l.Site + l.Path
		if seen[k] {
			t.Errorf("duplicate path %s", k)
		}
		seen[k] = true
		ch <- l
	}
	close(ch)
	wg.Wait()
}

type catInfo struct {
	brands   map[string]bool
	skus     map[string]string // sku -> brand
	official map[string]map[string]bool
	names    []string // search queries: brand names and aliases, product names and aliases
}

var yamlScalar = regexp.MustCompile(`^\s*-?\s*(id|sku|name|aliases):\s*(.*)$`)
var sellerRe = regexp.MustCompile(`\{site: ([\w-]+), seller_id: "(\d+)"\}`)

func parseList(s string) []string {
	var out []string
	if strings.HasPrefix(s, "[") {
		json.Unmarshal([]byte(s), &out)
		return out
	}
	var one string
	if json.Unmarshal([]byte(s), &one) == nil {
		return []string{one}
	}
	return []string{s}
}

func readCatalog(t *testing.T) catInfo {
	ci := catInfo{brands: map[string]bool{}, skus: map[string]string{}, official: map[string]map[string]bool{}}
	fsys := Catalog()
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]bool{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		data, _ := fs.ReadFile(fsys, e.Name())
		var imgs []string
		switch {
		case strings.HasSuffix(e.Name(), ".yaml"):
			formats["yaml"] = true
			brand := ""
			section := ""
			sc := bufio.NewScanner(bytes.NewReader(data))
			for sc.Scan() {
				line := sc.Text()
				if strings.HasPrefix(strings.TrimSpace(line), "official_sellers") {
					section = "off"
				} else if strings.HasPrefix(strings.TrimSpace(line), "authorized_sellers") || strings.HasPrefix(line, "products") {
					section = ""
				}
				if m := sellerRe.FindStringSubmatch(line); m != nil && section == "off" {
					if ci.official[brand] == nil {
						ci.official[brand] = map[string]bool{}
					}
					ci.official[brand][m[1]+"/"+m[2]] = true
				}
				if strings.Contains(line, "images:") {
					imgs = append(imgs, parseList(strings.TrimSpace(strings.SplitN(line, "images:", 2)[1]))...)
				}
				m := yamlScalar.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				switch m[1] {
				case "id":
					brand = m[2]
					ci.brands[brand] = true
				case "sku":
					ci.skus[m[2]] = brand
				default:
					ci.names = append(ci.names, parseList(m[2])...)
				}
			}
		case strings.HasSuffix(e.Name(), ".json"):
			formats["json"] = true
			var doc struct {
				Brand struct {
					ID       string
					Name     string
					Aliases  []string
					Official []struct {
						Site     string `json:"site"`
						SellerID string `json:"seller_id"`
					} `json:"official_sellers"`
				}
				Products []struct {
					SKU     string
					Name    string
					Aliases []string
					Images  []string
				}
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			ci.brands[doc.Brand.ID] = true
			ci.names = append(ci.names, doc.Brand.Name)
			ci.names = append(ci.names, doc.Brand.Aliases...)
			ci.official[doc.Brand.ID] = map[string]bool{}
			for _, o := range doc.Brand.Official {
				ci.official[doc.Brand.ID][o.Site+"/"+o.SellerID] = true
			}
			for _, p := range doc.Products {
				ci.skus[p.SKU] = doc.Brand.ID
				ci.names = append(ci.names, p.Name)
				ci.names = append(ci.names, p.Aliases...)
				imgs = append(imgs, p.Images...)
			}
		case strings.HasSuffix(e.Name(), ".csv"):
			formats["csv"] = true
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			for _, r := range rows[1:] {
				b := r[col["brand_id"]]
				ci.brands[b] = true
				ci.skus[r[col["sku"]]] = b
				ci.names = append(ci.names, r[col["brand_name"]], r[col["name"]])
				ci.names = append(ci.names, strings.Split(r[col["brand_aliases"]], "|")...)
				ci.names = append(ci.names, strings.Split(r[col["aliases"]], "|")...)
				imgs = append(imgs, strings.Split(r[col["images"]], "|")...)
				ci.official[b] = map[string]bool{}
				for _, o := range strings.Split(r[col["official_sellers"]], "|") {
					ci.official[b][strings.Replace(o, ":", "/", 1)] = true
				}
			}
		}
		for _, im := range imgs {
			if _, err := fs.Stat(fsys, im); err != nil {
				t.Errorf("%s: image %s: %v", e.Name(), im, err)
			}
		}
	}
	if len(formats) < 2 {
		t.Errorf("catalogue uses %d formats", len(formats))
	}
	return ci
}

func TestLabelsAgainstCatalog(t *testing.T) {
	ci := readCatalog(t)
	cats := map[string]bool{"counterfeit": true, "code_tampered": true, "price_dumping": true, "unauthorized_seller": true, "defamation": true}
	for _, l := range Labels() {
		if l.Brand != "" && !ci.brands[l.Brand] {
			t.Errorf("%s: unknown brand %q", l.Path, l.Brand)
		}
		if l.SKU != "" && ci.skus[l.SKU] != l.Brand {
			t.Errorf("%s: sku %q not of brand %q", l.Path, l.SKU, l.Brand)
		}
		if l.Flagged != (l.Category != "") || (l.Flagged && !cats[l.Category]) {
			t.Errorf("%s: bad category %q", l.Path, l.Category)
		}
		if l.Flagged && l.Brand == "" {
			t.Errorf("%s: flagged without brand", l.Path)
		}
		if l.Flagged && l.Category != "defamation" && l.SKU == "" {
			t.Errorf("%s: flagged without sku", l.Path)
		}
		if l.Category == "defamation" && l.SKU != "" {
			t.Errorf("%s: defamation with sku", l.Path)
		}
		if l.Why == "" {
			t.Errorf("%s: no reason", l.Path)
		}
	}
	// official shops are never flagged
	w := load()
	for _, l := range w.listings {
		for b, offs := range ci.official {
			if offs[l.site+"/"+l.shop.id] && l.lab.Flagged {
				t.Errorf("%s %s: official shop of %s flagged", l.site, l.id, b)
			}
		}
	}
}

func canonicalFromLink(site, href string) string {
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if site == siteA {
		return "/detail.htm?id=" + u.Query().Get("id")
	}
	m := productPathB.FindStringSubmatch(u.Path)
	if m == nil {
		return ""
	}
	l := load().byKey[siteB+"/"+m[3]]
	if l == nil || l.shop.id != m[2] {
		return ""
	}
	return l.path()
}

var hrefRe = regexp.MustCompile(`<p class="productTitle"><a href="([^"]+)"|<li class="col-xs-2-4 shopee-search-item-result__item" data-sqe="item"><a data-sqe="link" href="([^"]+)"`)

func TestReachableFromSearch(t *testing.T) {
	ci := readCatalog(t)
	seenQ := map[string]bool{}
	var queries []string
	for _, n := range ci.names {
		n = strings.TrimSpace(n)
		if n != "" && !seenQ[n] {
			seenQ[n] = true
			queries = append(queries, n)
		}
	}
	found := map[string]bool{}
	for _, s := range Sites() {
		for _, q := range queries {
			for page := 1; page <= 10; page++ {
				var target string
				if s.Name == siteA {
					target = "/search_product.htm?q=" + url.QueryEscape(q) + "&page=" + fmt.Sprint(page)
				} else {
					target = "/search?keyword=" + url.QueryEscape(q) + "&page=" + fmt.Sprint(page)
				}
				rec := get(s.Handler, target)
				ms := hrefRe.FindAllStringSubmatch(rec.Body.String(), -1)
				if len(ms) == 0 {
					break
				}
				for _, m := range ms {
					href := strings.ReplaceAll(m[1]+m[2], "&amp;", "&")
					if p := canonicalFromLink(s.Name, href); p != "" {
						found[s.Name+p] = true
					}
				}
			}
		}
	}
	var missing []string
	for _, l := range Labels() {
		if !found[l.Site+l.Path] {
			missing = append(missing, l.Site+l.Path)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("not reachable from any catalogue-name search: %s", m)
	}
}

func TestCounts(t *testing.T) {
	w := load()
	perCat := map[string]int{}
	perSite := map[string]int{}
	perKind := map[string]int{}
	hard := map[string]int{}
	for _, l := range w.listings {
		c := l.lab.Category
		if c == "" {
			c = "(not flagged)"
		}
		perCat[c]++
		perSite[l.site]++
		perKind[c+" / "+l.kind]++
		if l.hard != "" {
			hard[c+" / "+l.hard]++
		}
	}
	show := func(name string, m map[string]int) {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		t.Logf("== %s", name)
		for _, k := range ks {
			t.Logf("%5d  %s", m[k], k)
		}
	}
	show("sites", perSite)
	show("categories", perCat)
	show("kinds", perKind)
	show("hard", hard)
}

// TestDump writes every listing with its label to $WORLD6_DUMP (for reviewing the labels by eye).
func TestDump(t *testing.T) {
	out := os.Getenv("WORLD6_DUMP")
	if out == "" {
		t.Skip("set WORLD6_DUMP=FILE")
	}
	var b strings.Builder
	for _, l := range load().listings {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\t%s\t%s\t%q\n", l.site, l.id, l.kind, l.shop.name, l.price, l.high, l.tag, l.cur,
			l.lab.Category, l.lab.SKU, l.title, l.lab.Why, l.desc)
	}
	os.WriteFile(out, []byte(b.String()), 0o644)
}

// countsMarkdown renders the label counts that README.md carries.
func countsMarkdown() string {
	w := load()
	cats := []string{"counterfeit", "code_tampered", "price_dumping", "unauthorized_seller", "defamation", ""}
	name := func(c string) string {
		if c == "" {
			return "not flagged"
		}
		return c
	}
	per := map[string]map[string]int{}
	kinds := map[string]int{}
	hard := map[string]int{}
	for _, l := range w.listings {
		if per[l.lab.Category] == nil {
			per[l.lab.Category] = map[string]int{}
		}
		per[l.lab.Category][l.site]++
		kinds[name(l.lab.Category)+" | "+l.kind]++
		if l.hard != "" {
			hard[name(l.lab.Category)+" | "+l.hard]++
		}
	}
	var b strings.Builder
	b.WriteString("| label | tianmao-plus | lazmall-sg | total |\n|---|---:|---:|---:|\n")
	ta, tb := 0, 0
	for _, c := range cats {
		a, bb := per[c][siteA], per[c][siteB]
		ta, tb = ta+a, tb+bb
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", name(c), a, bb, a+bb)
	}
	fmt.Fprintf(&b, "| **all listings** | %d | %d | %d |\n", ta, tb, ta+tb)
	table := func(title string, m map[string]int) {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		fmt.Fprintf(&b, "\n%s\n\n| label | kind | count |\n|---|---|---:|\n", title)
		for _, k := range ks {
			fmt.Fprintf(&b, "| %s | %d |\n", k, m[k])
		}
	}
	table("By kind of listing (the generator's scenario names):", kinds)
	table("Hard cases, flagged and not flagged (a listing counts once, under its main difficulty):", hard)
	return b.String()
}

const countsBegin, countsEnd = "<!-- counts:begin -->\n", "<!-- counts:end -->"

// TestReadmeCounts keeps the counts in README.md in step with the world
// (WORLD6_README=1 rewrites them).
func TestReadmeCounts(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, countsBegin), strings.Index(s, countsEnd)
	if i < 0 || j < i {
		t.Fatal("README.md has no counts markers")
	}
	want := countsMarkdown()
	if s[i+len(countsBegin):j] == want {
		return
	}
	if os.Getenv("WORLD6_README") != "" {
		os.WriteFile("README.md", []byte(s[:i+len(countsBegin)]+want+s[j:]), 0o644)
		return
	}
	t.Error("README.md counts are stale; run WORLD6_README=1 go test -run TestReadmeCounts")
}
