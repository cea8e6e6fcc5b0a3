package world3

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/jpeg"
	"io"
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

// catalogue facts read back from the files, not from the Go tables
type catFacts struct {
	brands   map[string]bool
	skus     map[string]string // sku -> brand
	official map[string]bool   // site/seller
	names    []string          // every brand and product name and alias: the scanner's queries
}

func readCatalog(t *testing.T) catFacts {
	t.Helper()
	cf := catFacts{brands: map[string]bool{}, skus: map[string]string{}, official: map[string]bool{}}
	fsys := Catalog()
	formats := map[string]bool{}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var f catFile
		switch {
		case strings.HasSuffix(e.Name(), ".json"):
			formats["json"] = true
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatalf("%s: %v", e.Name(), err)
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
				f.Brand.ID, f.Brand.Name = r[col["brand_id"]], r[col["brand_name"]]
				f.Brand.Aliases = strings.Split(r[col["brand_aliases"]], "|")
				f.Brand.OfficialSellers = nil
				for _, s := range strings.Split(r[col["official_sellers"]], "|") {
					site, id, _ := strings.Cut(s, ":")
					f.Brand.OfficialSellers = append(f.Brand.OfficialSellers, catSeller{site, id})
				}
				f.Products = append(f.Products, catProduct{SKU: r[col["sku"]], Name: r[col["name"]], Aliases: strings.Split(r[col["aliases"]], "|"),
					Images: strings.Split(r[col["images"]], "|")})
			}
		case strings.HasSuffix(e.Name(), ".yaml"):
			formats["yaml"] = true
			f = parseYAMLish(t, data)
		default:
			continue
		}
		cf.brands[f.Brand.ID] = true
		cf.names = append(cf.names, f.Brand.Name)
		cf.names = append(cf.names, f.Brand.Aliases...)
		for _, s := range f.Brand.OfficialSellers {
			cf.official[s.Site+"/"+s.SellerID] = true
		}
		for _, p := range f.Products {
			cf.skus[p.SKU] = f.Brand.ID
			cf.names = append(cf.names, p.Name)
			cf.names = append(cf.names, p.Aliases...)
			for _, im := range p.Images {
				if _, err := fs.Stat(fsys, im); err != nil {
					t.Errorf("%s: image %s: %v", e.Name(), im, err)
				}
			}
		}
	}
	if len(formats) < 2 {
		t.Errorf("catalogue uses %d formats, want at least 2", len(formats))
	}
	return cf
}

// parseYAMLish reads the subset of YAML the catalogue writer emits.
func parseYAMLish(t *testing.T, data []byte) catFile {
	var f catFile
	unq := func(s string) string {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, `"`) {
			var out string
			if err := json.Unmarshal([]byte(s), &out); err == nil {
				return out
			}
		}
		return s
	}
	list := func(s string) []string {
		s = strings.TrimSpace(s)
		var out []string
		if err := json.Unmarshal([]byte(s), &out); err == nil {
			return out
		}
		s = strings.Trim(s, "[]")
		for _, x := range strings.Split(s, ",") {
			out = append(out, unq(x))
		}
		return out
	}
	section := ""
	reSeller := regexp.MustCompile(`site: ([a-z0-9-]+), seller_id: "([^"]+)"`)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		tl := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(tl, "#") || tl == "":
		case strings.HasPrefix(line, "  id: "):
			f.Brand.ID = unq(tl[4:])
		case strings.HasPrefix(line, "  name: "):
			f.Brand.Name = unq(tl[6:])
		case strings.HasPrefix(line, "  aliases: "):
			f.Brand.Aliases = list(tl[9:])
		case strings.HasPrefix(line, "  official_sellers:"):
			section = "official"
		case strings.HasPrefix(line, "  authorized_sellers:"):
			section = "auth"
		case strings.HasPrefix(line, "    - {site:"):
			m := reSeller.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("bad seller line %q", line)
			}
			if section == "official" {
				f.Brand.OfficialSellers = append(f.Brand.OfficialSellers, catSeller{m[1], m[2]})
			}
		case strings.HasPrefix(line, "  - sku: "):
			f.Products = append(f.Products, catProduct{SKU: unq(tl[7:])})
		case strings.HasPrefix(line, "    name: "):
			f.Products[len(f.Products)-1].Name = unq(tl[6:])
		case strings.HasPrefix(line, "    aliases: "):
			f.Products[len(f.Products)-1].Aliases = list(tl[9:])
		case strings.HasPrefix(line, "    images: "):
			f.Products[len(f.Products)-1].Images = list(tl[8:])
		}
	}
	return f
}

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	for try := 0; ; try++ {
		req := httptest.NewRequest("GET", "http://world.test"+target, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusServiceUnavailable && try < 2 {
			continue
		}
		return rec
	}
}

var (
	reCanon    = regexp.MustCompile(`<link rel="canonical" href="http://world\.test([^"]+)">`)
	reShopLink = regexp.MustCompile(`<a class="shop-name" href="/shop/(\d+)`)
	reLinkA    = regexp.MustCompile(`class="J_ClickStat item-title" href="([^"]+)"`)
	reLinkB    = regexp.MustCompile(`class="tile-link" href="([^"]+)"`)
	reLDBlock  = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	reSellerLD = regexp.MustCompile(`"seller":\{"@type":"(?:Organization|Person)",(?:"@id":"[^"]*/sellers/([^"]+)"|"name":"[^"]*","identifier":"([^"]+)"|"name":"[^"]*","url":"[^"]*/sellers/([^"]+)")`)
)

func TestLabels(t *testing.T) {
	cat := readCatalog(t)
	sites := Sites()
	handler := map[string]http.Handler{}
	for _, s := range sites {
		handler[s.Name] = s.Handler
		if !bytes.Contains(s.Rule, []byte("name: "+s.Name)) {
			t.Errorf("rule of %s does not name it", s.Name)
		}
	}
	labels := Labels()
	if n := len(labels); n < 1000 || n > 1400 {
		t.Errorf("%d labels, want 1000-1400", n)
	}
	seen := map[string]bool{}
	for _, l := range labels {
		k := l.Site + l.Path
		if seen[k] {
			t.Errorf("duplicate path %s", k)
		}
		seen[k] = true
		if l.Brand != "" && !cat.brands[l.Brand] {
			t.Errorf("%s: brand %q not in catalogue", k, l.Brand)
		}
		if l.SKU != "" && cat.skus[l.SKU] != l.Brand {
			t.Errorf("%s: sku %q not a product of brand %q", k, l.SKU, l.Brand)
		}
		if l.Flagged {
			switch l.Category {
			case "counterfeit", "code_tampered", "price_dumping", "unauthorized_seller":
				if l.SKU == "" {
					t.Errorf("%s: flagged %s without a SKU", k, l.Category)
				}
			case "defamation":
				if l.Brand == "" || l.SKU != "" {
					t.Errorf("%s: defamation needs a brand and no SKU", k)
				}
			default:
				t.Errorf("%s: bad category %q", k, l.Category)
			}
		} else if l.Category != "" {
			t.Errorf("%s: unflagged with category", k)
		}
		if l.Why == "" {
			t.Errorf("%s: no reason", k)
		}
	}

	// every labelled page is served, says its canonical path, and an
	// official shop's listing is never flagged
	var mu sync.Mutex
	var wg sync.WaitGroup
	work := make(chan Label)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range work {
				rec := get(handler[l.Site], l.Path)
				body := rec.Body.String()
				var errs []string
				if rec.Code != 200 {
					errs = append(errs, fmt.Sprintf("status %d", rec.Code))
				}
				if m := reCanon.FindStringSubmatch(body); m == nil || m[1] != l.Path {
					errs = append(errs, fmt.Sprintf("canonical %v", m))
				}
				var sellerID string
				if l.Site == "taoyuan-market" {
					if m := reShopLink.FindStringSubmatch(body); m != nil {
						sellerID = m[1]
					}
				} else {
					if m := reSellerLD.FindStringSubmatch(body); m != nil {
						sellerID = m[1] + m[2] + m[3]
					}
					for _, blk := range reLDBlock.FindAllStringSubmatch(body, -1) {
						var v any
						if err := json.Unmarshal([]byte(blk[1]), &v); err != nil {
							errs = append(errs, "bad JSON-LD: "+err.Error())
						}
					}
				}
				if sellerID == "" {
					errs = append(errs, "no seller id on the page")
				}
				if cat.official[l.Site+"/"+sellerID] && l.Flagged {
					errs = append(errs, "official shop listing flagged")
				}
				if len(errs) > 0 {
					mu.Lock()
					t.Errorf("%s %s: %s", l.Site, l.Path, strings.Join(errs, "; "))
					mu.Unlock()
				}
			}
		}()
	}
	for _, l := range labels {
		work <- l
	}
	close(work)
	wg.Wait()

	// every labelled listing is found by searching a catalogue name
	found := map[string]bool{}
	for _, s := range sites {
		searchURL, linkRe := "/s?q=%s&page=%d", reLinkA
		if s.Name == "wellmart-en" {
			searchURL, linkRe = "/search?query=%s&p=%d", reLinkB
		}
		var fmu sync.Mutex
		var fwg sync.WaitGroup
		qs := make(chan string)
		for range 4 {
			fwg.Add(1)
			go func() {
				defer fwg.Done()
				for q := range qs {
					searchAll(s.Handler, searchURL, linkRe, q, func(path string) {
						if !seen[s.Name+path] {
							// follow a redirect (renamed product)
							rec := get(s.Handler, path)
							if loc := rec.Header().Get("Location"); loc != "" {
								lu, _ := url.Parse(loc)
								path = lu.EscapedPath()
							}
						}
						fmu.Lock()
						found[s.Name+path] = true
						fmu.Unlock()
					})
				}
			}()
		}
		for _, q := range cat.names {
			qs <- q
		}
		close(qs)
		fwg.Wait()
	}
	missing := 0
	for _, l := range labels {
		if !found[l.Site+l.Path] {
			missing++
			if missing < 20 {
				t.Errorf("not reachable from any catalogue-name search: %s %s (%s)", l.Site, l.Path, l.Why)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d listings unreachable", missing)
	}
}

// searchAll walks a query's result pages, as far as the rules' max_pages (25).
func searchAll(h http.Handler, searchURL string, linkRe *regexp.Regexp, q string, visit func(path string)) {
	for page := 1; page <= 25; page++ {
		rec := get(h, fmt.Sprintf(searchURL, url.QueryEscape(q), page))
		links := linkRe.FindAllStringSubmatch(rec.Body.String(), -1)
		if len(links) == 0 {
			return
		}
		for _, m := range links {
			u, _ := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			visit(u.EscapedPath())
		}
	}
}

func TestPhotos(t *testing.T) {
	off, _ := officials()
	if len(off) != len(products) {
		t.Fatalf("%d official photos", len(off))
	}
	w := getWorld()
	done := map[imgKind]bool{}
	for s := 0; s < 2; s++ {
		for _, l := range w.listings[s] {
			for i, im := range l.imgs {
				if done[im.kind] && im.kind != imEdited {
					continue
				}
				if im.kind == imEdited && done[im.kind] && im.edits&eWMTiled == 0 {
					continue
				}
				done[im.kind] = true
				if _, err := jpeg.Decode(bytes.NewReader(imageBytes(s, l, i))); err != nil {
					t.Errorf("photo %d of %s: %v", i, l.path, err)
				}
			}
		}
	}
	for r, g := range glyphs {
		if len(g) != 35 {
			t.Errorf("glyph %q has %d cells", r, len(g))
		}
	}
}

// countTable is the README's table of labels; the test keeps them in step.
func countTable() string {
	w := getWorld()
	type row struct{ a, b int }
	rows := map[string]*row{}
	for s := 0; s < 2; s++ {
		for _, l := range w.listings[s] {
			r := rows[l.kind]
			if r == nil {
				r = &row{}
				rows[l.kind] = r
			}
			if s == 0 {
				r.a++
			} else {
				r.b++
			}
		}
	}
	var b strings.Builder
	b.WriteString("| label | kind | what it is | taoyuan-market | wellmart-en | total |\n|---|---|---|---:|---:|---:|\n")
	cat := map[string][2]int{}
	var ta, tb int
	for _, k := range kinds {
		r := rows[k.code]
		lab := "not flagged"
		if k.flagged {
			lab = k.cat
		}
		c := cat[lab]
		c[0] += r.a
		c[1] += r.b
		cat[lab] = c
		ta += r.a
		tb += r.b
		fmt.Fprintf(&b, "| %s | `%s` | %s | %d | %d | %d |\n", lab, k.code, k.note, r.a, r.b, r.a+r.b)
	}
	b.WriteString("\n| label | taoyuan-market | wellmart-en | total |\n|---|---:|---:|---:|\n")
	var keys []string
	for k := range cat {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", k, cat[k][0], cat[k][1], cat[k][0]+cat[k][1])
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d |\n", ta, tb, ta+tb)
	return b.String()
}

func TestREADMECounts(t *testing.T) {
	want := countTable()
	if os.Getenv("WORLD3_PRINT") != "" {
		fmt.Print(want)
	}
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), want) {
		t.Errorf("README.md count tables are out of date; run WORLD3_PRINT=1 go test -run README and paste")
	}
	_ = io.EOF
}
