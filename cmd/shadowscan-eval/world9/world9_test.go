package world9

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"image"
	_ "image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// MustGet fetches a URL, waiting out a 503's Retry-After once or twice.
func MustGet(tb testing.TB, c *http.Client, u string) (int, []byte) {
	tb.Helper()
	for try := 0; ; try++ {
		resp, err := c.Get(u)
		if err != nil {
			tb.Fatalf("get %s: %v", u, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			tb.Fatalf("read %s: %v", u, err)
		}
		if resp.StatusCode == http.StatusServiceUnavailable && try < 3 {
			s, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			time.Sleep(time.Duration(s) * time.Second)
			continue
		}
		return resp.StatusCode, body
	}
}

func TestDeterministic(t *testing.T) {
	a, b := build(), build()
	la, lb := labelsOf(a), labelsOf(b)
	if !reflect.DeepEqual(la, lb) {
		t.Fatal("two builds give different labels")
	}
	for _, site := range []string{siteCN, siteEN} {
		for i := range a.listings[site] {
			x, y := a.listings[site][i], b.listings[site][i]
			if x.Title != y.Title || x.Price != y.Price || !slices.Equal(x.Desc, y.Desc) || x.Seller.ID != y.Seller.ID || len(x.Photos) != len(y.Photos) {
				t.Fatalf("%s listing %d differs between builds", site, i)
			}
		}
	}
	err := fs.WalkDir(a.catalog, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		x, _ := fs.ReadFile(a.catalog, p)
		y, err := fs.ReadFile(b.catalog, p)
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("catalogue file %s differs between builds", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// photos encode to the same bytes
	l := a.listings[siteEN][7]
	for i := range l.Photos {
		if !bytes.Equal(l.Photos[i].bytes(), b.listings[siteEN][7].Photos[i].bytes()) {
			t.Fatal("photo bytes differ between builds")
		}
	}
}

func labelsOf(w *world) []Label {
	var out []Label
	for _, s := range []string{siteCN, siteEN} {
		for _, l := range w.listings[s] {
			out = append(out, l.label())
		}
	}
	return out
}

func TestLabels(t *testing.T) {
	ls := Labels()
	if n := len(ls); n < 1000 || n > 1600 {
		t.Errorf("%d labels, want 1000-1600", n)
	}
	if !slices.IsSortedFunc(ls, func(a, b Label) int {
		return strings.Compare(a.Site+"\x00"+a.Path, b.Site+"\x00"+b.Path)
	}) {
		t.Error("labels not sorted by site then path")
	}
	skus := map[string]string{}
	for _, b := range buildBrands() {
		for _, p := range b.Products {
			skus[p.SKU] = b.ID
		}
	}
	counts := map[string]map[string]int{"all": {}}
	seen := map[string]bool{}
	cats := []string{"counterfeit", "code_tampered", "price_dumping", "unauthorized_seller", "defamation"}
	for _, l := range ls {
		key := l.Site + l.Path
		if seen[key] {
			t.Errorf("duplicate label %s", key)
		}
		seen[key] = true
		if l.Flagged != (l.Category != "") || (l.Flagged && !slices.Contains(cats, l.Category)) {
			t.Errorf("%s: bad category %q", key, l.Category)
		}
		if l.SKU != "" && skus[l.SKU] != l.Brand {
			t.Errorf("%s: sku %s not of brand %q", key, l.SKU, l.Brand)
		}
		if l.Category == "defamation" && (l.SKU != "" || l.Brand == "") {
			t.Errorf("%s: defamation needs a brand and no sku", key)
		}
		if l.Flagged && l.Category != "defamation" && l.SKU == "" {
			t.Errorf("%s: %s without a sku", key, l.Category)
		}
		if l.Why == "" {
			t.Errorf("%s: no why", key)
		}
		if counts[l.Site] == nil {
			counts[l.Site] = map[string]int{}
		}
		c := l.Category
		if !l.Flagged {
			c = "not_flagged"
		}
		counts[l.Site][c]++
		counts["all"][c]++
	}
	for _, s := range []string{siteCN, siteEN, "all"} {
		total := 0
		for _, n := range counts[s] {
			total += n
		}
		t.Logf("%-9s total %4d  not_flagged %4d  counterfeit %3d  code_tampered %3d  price_dumping %3d  unauthorized_seller %3d  defamation %3d",
			s, total, counts[s]["not_flagged"], counts[s]["counterfeit"], counts[s]["code_tampered"], counts[s]["price_dumping"], counts[s]["unauthorized_seller"], counts[s]["defamation"])
	}
}

// TestKindsFollowPolicy checks the generator made what each kind intends, so
// the policy in the README and the population agree.
func TestKindsFollowPolicy(t *testing.T) {
	want := map[string]string{"official": "", "auth": "", "auth_coupon": "", "dumping": "price_dumping", "unauth": "unauthorized_seller",
		"cf_words": "counterfeit", "cf_price": "counterfeit", "code": "code_tampered", "defamation": "defamation", "personal_used": "",
		"personal_new": "", "accessory": "", "empty": "", "dupe": "", "unrelated": "", "sample": "", "guide": "", "removed": ""}
	w := get()
	for _, s := range []string{siteCN, siteEN} {
		for _, l := range w.listings[s] {
			if got := l.label().Category; got != want[l.kind] {
				t.Errorf("%s %s kind %s labelled %q (price %.2f %s, seller %s)", s, l.Path, l.kind, got, l.Price, l.Cur, l.Seller.Class)
			}
		}
	}
}

// rule reads the keys the test needs from a site rule's text.
type rule struct {
	name, searchURL, links, next string
	maxPages                     int
}

func parseRule(t *testing.T, data []byte) rule {
	t.Helper()
	var r rule
	section := ""
	keys := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "\t") {
			t.Fatalf("line %d: tab in YAML", i+1)
		}
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		k, v, ok := strings.Cut(trim, ":")
		if !ok {
			t.Fatalf("line %d: not a key: %q", i+1, line)
		}
		v = strings.TrimSpace(v)
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		}
		if !strings.HasPrefix(line, " ") {
			section = k
			keys[k] = true
		} else {
			keys[section+"."+k] = true
		}
		switch section + "." + k {
		case "name.name":
			r.name = v
		case "search.url":
			r.searchURL = v
		case "search.listing_links":
			r.links = v
		case "search.next_page":
			r.next = v
		case "search.max_pages":
			r.maxPages, _ = strconv.Atoi(v)
		}
	}
	for _, k := range []string{"name", "base_url", "search", "search.url", "search.max_pages", "search.listing_links", "listing", "politeness"} {
		if !keys[k] {
			t.Errorf("rule %s: missing key %s", r.name, k)
		}
	}
	if !strings.Contains(r.searchURL, "{base}") || !strings.Contains(r.searchURL, "{query}") || !strings.Contains(r.searchURL, "{page}") {
		t.Errorf("rule %s: search url %q lacks placeholders", r.name, r.searchURL)
	}
	if r.maxPages < 1 {
		t.Errorf("rule %s: max_pages %d", r.name, r.maxPages)
	}
	return r
}

func TestRulesParse(t *testing.T) {
	for _, s := range Sites() {
		r := parseRule(t, s.Rule)
		if r.name != s.Name {
			t.Errorf("rule name %q, site %q", r.name, s.Name)
		}
	}
}

// defaultQueries are the brand's name and aliases and every product's name and aliases.
func defaultQueries(brandAliases bool) []string {
	var qs []string
	for _, b := range buildBrands() {
		qs = append(qs, b.Name)
		if brandAliases {
			qs = append(qs, b.Aliases...)
		}
		for _, p := range b.Products {
			qs = append(qs, p.Name)
			qs = append(qs, p.Aliases...)
		}
	}
	return qs
}

var (
	reCNLink = regexp.MustCompile(`<div class="row row-2 title"><a [^>]*href="([^"]+)"`)
	reCNNext = regexp.MustCompile(`<li class="item next"><a [^>]*href="([^"]+)"`)
	reENLink = regexp.MustCompile(`<a class="listing-link" href="([^"]+)"`)
	reENNext = regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
)

// canonical drops the sites' tracking parameters.
func canonical(site, href string) string {
	u, err := url.Parse(html.UnescapeString(href))
	if err != nil {
		return href
	}
	if site == siteEN {
		return u.Path
	}
	return u.Path + "?id=" + u.Query().Get("id")
}

// crawl follows search results for each query like the scanner would and
// returns, per canonical path, the queries that reached it.
func crawl(t *testing.T, s Site, base string, queries []string) (map[string]int, int) {
	t.Helper()
	r := parseRule(t, s.Rule)
	link, next := reCNLink, reCNNext
	if s.Name == siteEN {
		link, next = reENLink, reENNext
	}
	c := &http.Client{Timeout: 20 * time.Second}
	reached := map[string]int{}
	dups := 0
	for _, q := range queries {
		u := strings.NewReplacer("{base}", base, "{query}", url.QueryEscape(q), "{page}", "1").Replace(r.searchURL)
		seenQ := map[string]bool{}
		for page := 1; page <= r.maxPages && u != ""; page++ {
			code, body := MustGet(t, c, u)
			if code != 200 {
				t.Fatalf("%s: search %s: %d", s.Name, u, code)
			}
			for _, m := range link.FindAllStringSubmatch(string(body), -1) {
				p := canonical(s.Name, m[1])
				if seenQ[p] {
					dups++
				}
				seenQ[p] = true
				reached[p]++
			}
			u = ""
			if m := next.FindStringSubmatch(string(body)); m != nil {
				u = base + html.UnescapeString(m[1])
			}
		}
	}
	return reached, dups
}

func TestReachableAndServed(t *testing.T) {
	labels := Labels()
	for _, s := range Sites() {
		srv := httptest.NewServer(s.Handler)
		reached, dups := crawl(t, s, srv.URL, defaultQueries(true))
		narrow, _ := crawl(t, s, srv.URL, defaultQueries(false))
		t.Logf("%s: %d distinct listings reached, %d duplicate links within a query's pages; %d reached without brand-alias queries",
			s.Name, len(reached), dups, len(narrow))
		c := &http.Client{Timeout: 20 * time.Second}
		n := 0
		for _, l := range labels {
			if l.Site != s.Name {
				continue
			}
			n++
			if reached[l.Path] == 0 {
				t.Errorf("%s %s (%s) not reachable from any default query", l.Site, l.Path, l.Why)
			}
			code, body := MustGet(t, c, srv.URL+l.Path)
			removed := strings.HasPrefix(l.Why, "R1")
			switch {
			case removed && s.Name == siteEN && code == http.StatusGone:
			case removed && s.Name == siteCN && code == 200 && bytes.Contains(body, []byte(`class="tb-off-sale"`)):
			case !removed && code == 200:
				if !bytes.Contains(body, []byte(`<link rel="canonical" href="`+srv.URL+l.Path+`"`)) &&
					!bytes.Contains(body, []byte(`<link rel="canonical" href="`+html.EscapeString(srv.URL+l.Path)+`"`)) {
					t.Errorf("%s: no canonical link", l.Path)
				}
			default:
				t.Errorf("%s %s: status %d (removed %v)", l.Site, l.Path, code, removed)
			}
		}
		for p := range reached {
			if !slices.ContainsFunc(labels, func(l Label) bool { return l.Site == s.Name && l.Path == p }) {
				t.Errorf("%s: search links to unlabelled %s", s.Name, p)
			}
		}
		t.Logf("%s: %d labelled pages fetched", s.Name, n)
		srv.Close()
	}
}

// TestPagesShowTheFacts checks that what a label rests on is on the page.
func TestPagesShowTheFacts(t *testing.T) {
	w := get()
	sites := Sites()
	for i, site := range []string{siteCN, siteEN} {
		srv := httptest.NewServer(sites[i].Handler)
		c := &http.Client{Timeout: 20 * time.Second}
		for _, l := range w.listings[site] {
			if l.Removed || l.Fault != "" {
				continue
			}
			_, body := MustGet(t, c, srv.URL+l.Path)
			page := html.UnescapeString(string(body))
			if site == siteEN {
				page = extractLD(t, l.Path, body)
			}
			for _, want := range []string{l.cfWord, l.codeWord, l.attack, l.Seller.ID} {
				if want != "" && !strings.Contains(strings.ToLower(page), strings.ToLower(want)) {
					t.Errorf("%s %s: page lacks %q", site, l.Path, want)
				}
			}
		}
		srv.Close()
	}
}

func extractLD(t *testing.T, path string, body []byte) string {
	t.Helper()
	_, rest, ok := bytes.Cut(body, []byte(`<script type="application/ld+json">`))
	ld, _, ok2 := bytes.Cut(rest, []byte("</script>"))
	if !ok || !ok2 {
		t.Fatalf("%s: no JSON-LD", path)
	}
	var v any
	if err := json.Unmarshal(ld, &v); err != nil {
		t.Fatalf("%s: JSON-LD: %v", path, err)
	}
	out, _ := json.Marshal(v)
	s, _ := strconv.Unquote(strings.ReplaceAll(strconv.Quote(string(out)), `\\u0026`, "&"))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return buf.String() + s
}

func TestOneOff503PerHandler(t *testing.T) {
	for _, mk := range []func() []Site{Sites, Sites} {
		s := mk()[0]
		var l *listing
		for _, x := range get().listings[s.Name] {
			if x.Fault == "once503" {
				l = x
			}
		}
		for i, want := range []int{503, 200} {
			rec := httptest.NewRecorder()
			s.Handler.ServeHTTP(rec, httptest.NewRequest("GET", l.Path, nil))
			if rec.Code != want {
				t.Fatalf("request %d: %d, want %d", i, rec.Code, want)
			}
			if want == 503 && rec.Header().Get("Retry-After") == "" {
				t.Error("503 without Retry-After")
			}
		}
	}
}

func TestCatalogParses(t *testing.T) {
	cat := Catalog()
	brands := buildBrands()
	var products int
	for _, b := range brands {
		data, err := fs.ReadFile(cat, b.file)
		if err != nil {
			t.Fatal(err)
		}
		var images []string
		switch {
		case strings.HasSuffix(b.file, ".json"):
			var v struct {
				Brand struct {
					ID                string              `json:"id"`
					Name              string              `json:"name"`
					Aliases           []string            `json:"aliases"`
					OfficialSellers   []map[string]string `json:"official_sellers"`
					AuthorizedSellers []map[string]string `json:"authorized_sellers"`
				} `json:"brand"`
				Products []struct {
					SKU, Name, Currency string
					Price               float64  `json:"price"`
					MinPrice            float64  `json:"min_price"`
					Images              []string `json:"images"`
				} `json:"products"`
			}
			dec := json.NewDecoder(bytes.NewReader(data))
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("%s: %v", b.file, err)
			}
			if v.Brand.ID != b.ID || len(v.Brand.OfficialSellers) == 0 || len(v.Brand.AuthorizedSellers) == 0 {
				t.Errorf("%s: brand block %+v", b.file, v.Brand)
			}
			for _, p := range v.Products {
				if p.SKU == "" || p.Price <= p.MinPrice || p.MinPrice <= 0 || p.Currency == "" {
					t.Errorf("%s: product %+v", b.file, p)
				}
				images = append(images, p.Images...)
				products++
			}
		case strings.HasSuffix(b.file, ".csv"):
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", b.file, err)
			}
			if !slices.Equal(rows[0], csvHeader) {
				t.Errorf("%s: header %v", b.file, rows[0])
			}
			col := func(row []string, name string) string { return row[slices.Index(rows[0], name)] }
			for _, row := range rows[1:] {
				price, err1 := strconv.ParseFloat(col(row, "price"), 64)
				floor, err2 := strconv.ParseFloat(col(row, "min_price"), 64)
				if err1 != nil || err2 != nil || price <= floor || col(row, "brand_id") != b.ID || col(row, "sku") == "" {
					t.Errorf("%s: row %v", b.file, row)
				}
				images = append(images, strings.Split(col(row, "images"), "|")...)
				products++
			}
		default:
			// YAML, read by its text: the SPEC's keys at the SPEC's places
			text := string(data)
			for _, k := range []string{"\nbrand:\n", "\n  id: " + b.ID + "\n", "\n  name: ", "\n  aliases: [", "\n  official_sellers:\n    - {site: ",
				"\n  authorized_sellers:\n    - {site: ", "\n  defamation_terms: [", "\nproducts:\n"} {
				if !strings.Contains(text, k) {
					t.Errorf("%s: lacks %q", b.file, k)
				}
			}
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, "  - sku: ") {
					products++
				}
				if v, ok := strings.CutPrefix(line, "    images: ["); ok {
					images = append(images, strings.TrimSuffix(v, "]"))
				}
				for _, k := range []string{"    price: ", "    min_price: "} {
					if v, ok := strings.CutPrefix(line, k); ok {
						if _, err := strconv.ParseFloat(v, 64); err != nil {
							t.Errorf("%s: %q", b.file, line)
						}
					}
				}
			}
		}
		for _, im := range images {
			f, err := cat.Open(im)
			if err != nil {
				t.Errorf("%s: image %s: %v", b.file, im, err)
				continue
			}
			img, err := png.Decode(f)
			f.Close()
			if err != nil || img.Bounds().Dx() < 200 {
				t.Errorf("%s: image %s does not decode: %v", b.file, im, err)
			}
		}
	}
	if products < 10 || products > 25 {
		t.Errorf("%d products, want 10-25", products)
	}
}

func TestPhotosDecode(t *testing.T) {
	w := get()
	sites := Sites()
	ops := map[string]bool{}
	for i, site := range []string{siteCN, siteEN} {
		srv := httptest.NewServer(sites[i].Handler)
		c := &http.Client{Timeout: 20 * time.Second}
		for j, l := range w.listings[site] {
			if l.Removed {
				continue
			}
			for k, ph := range l.Photos {
				fresh := false
				for _, o := range ph.Ops {
					fresh = fresh || !ops[ph.Kind+o]
					ops[ph.Kind+o] = true
				}
				if j%9 != 0 && !fresh {
					continue
				}
				u := fmt.Sprintf("%s/img/%s/%d.jpg", srv.URL, l.ID, k)
				if site == siteCN {
					u = fmt.Sprintf("%s/imgextra/i%d/%s_%d.jpg", srv.URL, k+1, l.ID, k)
				}
				code, body := MustGet(t, c, u)
				if code != 200 {
					t.Fatalf("%s: %d", u, code)
				}
				img, format, err := image.Decode(bytes.NewReader(body))
				if err != nil || format != "jpeg" || img.Bounds().Dx() < 100 {
					t.Errorf("%s: %v %s", u, err, format)
				}
			}
		}
		srv.Close()
	}
	t.Logf("photo transforms seen: %d", len(ops))
}
