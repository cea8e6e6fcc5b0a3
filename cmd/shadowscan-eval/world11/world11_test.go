package world11

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestDeterministic(t *testing.T) {
	a, b := build(), build()
	if !reflect.DeepEqual(a.labels, b.labels) {
		t.Fatal("two builds give different labels")
	}
	for _, name := range []string{taoxiName, tradeloftName} {
		sa, sb := a.sites[name], b.sites[name]
		if !reflect.DeepEqual(sa.photos, sb.photos) {
			t.Errorf("%s: photos differ between builds", name)
		}
		ha, hb := handlerFor(name, sa), handlerFor(name, sb)
		for i, l := range sa.listings {
			if i%25 != 0 {
				continue
			}
			if ga, gb := get(t, ha, l.path), get(t, hb, l.path); ga != gb {
				t.Errorf("%s %s: page differs between builds", name, l.path)
			}
		}
		q := defaultQueries()[0]
		if ga, gb := get(t, ha, searchURL(name, q, 1)), get(t, hb, searchURL(name, q, 1)); ga != gb {
			t.Errorf("%s: search page differs between builds", name)
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
	for _, l := range a.sites[taoxiName].listings[:5] {
		for _, p := range l.photos {
			x, _ := a.sites[taoxiName].photos[p].encode()
			y, _ := b.sites[taoxiName].photos[p].encode()
			if !bytes.Equal(x, y) {
				t.Errorf("photo %s differs between encodes", p)
			}
		}
	}
}

func handlerFor(name string, sd *siteData) http.Handler {
	if name == taoxiName {
		return newTaoxiHandler(sd)
	}
	return newTradeloftHandler(sd)
}

func searchURL(site, q string, page int) string {
	if site == taoxiName {
		return "/search.htm?q=" + url.QueryEscape(q) + "&page=" + strconv.Itoa(page)
	}
	return "/s?k=" + url.QueryEscape(q) + "&page=" + strconv.Itoa(page)
}

// get fetches through the handler, retrying a 503 once as a polite crawler does.
func get(t *testing.T, h http.Handler, path string) string {
	t.Helper()
	code, body := fetch(h, path)
	if code == http.StatusServiceUnavailable {
		code, body = fetch(h, path)
	}
	if code != http.StatusOK {
		t.Errorf("GET %s: status %d", path, code)
	}
	return body
}

func fetch(h http.Handler, path string) (int, string) {
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8931"+path, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

var (
	taoxiLink = regexp.MustCompile(`<div class="item-card-wrap[^"]*"[^>]*><a class="item-card" href="([^"]+)"`)
	tlLink    = regexp.MustCompile(`<a class="s-item__link" href="([^"]+)"`)
	taoxiNext = regexp.MustCompile(`<a class="pager-next" href="([^"]+)"`)
	tlNext    = regexp.MustCompile(`<a class="pagination__next" href="([^"]+)"`)
)

// canonical strips the tracking parameters a search link carries.
func canonical(site, href string) string {
	href = strings.ReplaceAll(href, "&amp;", "&")
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	if site == taoxiName {
		return u.Path + "?id=" + u.Query().Get("id")
	}
	return u.Path
}

func TestLabelsReachableAndServed(t *testing.T) {
	for _, s := range Sites() {
		t.Run(s.Name, func(t *testing.T) {
			srv := httptest.NewServer(s.Handler)
			defer srv.Close()
			client := srv.Client()
			client.Timeout = 15 * time.Second
			linkRe, nextRe := taoxiLink, taoxiNext
			if s.Name == tradeloftName {
				linkRe, nextRe = tlLink, tlNext
			}
			reach := map[string]int{}
			for _, q := range defaultQueries() {
				next := searchURL(s.Name, q, 1)
				for page := 1; page <= 10 && next != ""; page++ {
					body := httpGet(t, client, srv.URL+next)
					for _, m := range linkRe.FindAllStringSubmatch(body, -1) {
						reach[canonical(s.Name, m[1])]++
					}
					next = ""
					if m := nextRe.FindStringSubmatch(body); m != nil {
						next = strings.ReplaceAll(m[1], "&amp;", "&")
					}
				}
			}
			labels := map[string]Label{}
			for _, l := range Labels() {
				if l.Site == s.Name {
					labels[l.Path] = l
				}
			}
			for p := range reach {
				if _, ok := labels[p]; !ok {
					t.Errorf("search links to %s, which has no label", p)
				}
			}
			for p := range labels {
				if reach[p] == 0 {
					t.Errorf("%s: labelled but not reachable from any default query", p)
				}
			}
			dup := 0
			for _, n := range reach {
				if n > 1 {
					dup++
				}
			}
			t.Logf("%d labelled pages, %d reachable, %d linked more than once", len(labels), len(reach), dup)
			for p := range labels {
				body := httpGet(t, client, srv.URL+p)
				if !strings.Contains(body, `rel="canonical"`) {
					t.Errorf("%s: no canonical link", p)
				}
			}
		})
	}
}

func httpGet(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	for try := 0; try < 3; try++ {
		resp, err := c.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" {
			continue
		}
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", u, resp.StatusCode)
		}
		return string(body)
	}
	t.Errorf("GET %s: still 503", u)
	return ""
}

func TestLabelCounts(t *testing.T) {
	ls := Labels()
	if !sort.SliceIsSorted(ls, func(i, j int) bool {
		if ls[i].Site != ls[j].Site {
			return ls[i].Site < ls[j].Site
		}
		return ls[i].Path < ls[j].Path
	}) {
		t.Error("labels not sorted by site then path")
	}
	valid := map[string]bool{"counterfeit": true, "code_tampered": true, "price_dumping": true, "unauthorized_seller": true, "defamation": true}
	counts := map[string]map[string]int{}
	whys := map[string]int{}
	seen := map[string]bool{}
	for _, l := range ls {
		key := l.Site + " " + l.Path
		if seen[key] {
			t.Errorf("duplicate label %s", key)
		}
		seen[key] = true
		cat := "not flagged"
		if l.Flagged {
			cat = l.Category
			if !valid[cat] {
				t.Errorf("%s: bad category %q", key, cat)
			}
			if l.Brand == "" || (cat != "defamation" && l.SKU == "") || (cat == "defamation" && l.SKU != "") {
				t.Errorf("%s: flagged %s with brand %q sku %q", key, cat, l.Brand, l.SKU)
			}
		} else if l.Category != "" {
			t.Errorf("%s: not flagged but category %q", key, l.Category)
		}
		if l.SKU != "" && productBySKU(l.SKU) == nil || l.Brand != "" && brandByID(l.Brand) == nil {
			t.Errorf("%s: unknown brand/sku %q/%q", key, l.Brand, l.SKU)
		}
		if counts[l.Site] == nil {
			counts[l.Site] = map[string]int{}
		}
		counts[l.Site][cat]++
		whys[strings.Fields(l.Why)[0]]++
	}
	if n := len(ls); n < 1000 || n > 1600 {
		t.Errorf("%d labelled listings, want 1,000-1,600", n)
	}
	for _, site := range []string{taoxiName, tradeloftName, "all"} {
		c := counts[site]
		if site == "all" {
			c = map[string]int{}
			for _, s := range []string{taoxiName, tradeloftName} {
				for k, v := range counts[s] {
					c[k] += v
				}
			}
		}
		total := 0
		for _, v := range c {
			total += v
		}
		t.Logf("%-10s total %4d: counterfeit %d, code_tampered %d, price_dumping %d, unauthorized_seller %d, defamation %d, not flagged %d",
			site, total, c["counterfeit"], c["code_tampered"], c["price_dumping"], c["unauthorized_seller"], c["defamation"], c["not flagged"])
		for k := range valid {
			if c[k] == 0 {
				t.Errorf("%s: no %s listings", site, k)
			}
		}
	}
	var ws []string
	for w, n := range whys {
		ws = append(ws, w+": "+strconv.Itoa(n))
	}
	sort.Strings(ws)
	t.Logf("by rule: %s", strings.Join(ws, "; "))
}

func TestCatalogParses(t *testing.T) {
	cat := Catalog()
	skus := map[string]bool{}
	var images []string
	// YAML, read as text: the keys the SPEC names must be there.
	y, err := fs.ReadFile(cat, "solenne.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ys := string(y)
	for _, k := range []string{"\nbrand:\n", "\n  id: solenne\n", "\n  name: ", "\n  aliases: [", "\n  official_sellers:\n", "\n  authorized_sellers:\n", "\n  defamation_terms: [", "\nproducts:\n"} {
		if !strings.Contains(ys, k) {
			t.Errorf("solenne.yaml: no %q", strings.TrimSpace(k))
		}
	}
	if strings.Contains(ys, "\t") {
		t.Error("solenne.yaml: tab in YAML")
	}
	for _, line := range strings.Split(ys, "\n") {
		tl := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(tl, "- sku: "):
			skus[strings.TrimPrefix(tl, "- sku: ")] = true
		case strings.HasPrefix(tl, "images: ["):
			images = append(images, strings.TrimSuffix(strings.TrimPrefix(tl, "images: ["), "]"))
		case strings.HasPrefix(tl, "price: "), strings.HasPrefix(tl, "min_price: "):
			v := tl[strings.Index(tl, ":")+2:]
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				t.Errorf("solenne.yaml: %q is not a number", tl)
			}
		case strings.HasPrefix(tl, "aliases: ["), strings.HasPrefix(tl, "defamation_terms: ["):
			var list []string
			if err := json.Unmarshal([]byte(tl[strings.Index(tl, "["):]), &list); err != nil {
				t.Errorf("solenne.yaml: flow list %q: %v", tl, err)
			}
		}
	}
	// JSON
	j, err := fs.ReadFile(cat, "vitanova.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Brand struct {
			ID                string       `json:"id"`
			OfficialSellers   []jsonSeller `json:"official_sellers"`
			AuthorizedSellers []jsonSeller `json:"authorized_sellers"`
		} `json:"brand"`
		Products []struct {
			SKU      string   `json:"sku"`
			Price    float64  `json:"price"`
			MinPrice float64  `json:"min_price"`
			Currency string   `json:"currency"`
			Images   []string `json:"images"`
		} `json:"products"`
	}
	if err := json.Unmarshal(j, &doc); err != nil {
		t.Fatalf("vitanova.json: %v", err)
	}
	if doc.Brand.ID != "vitanova" || len(doc.Brand.OfficialSellers) != 2 || len(doc.Products) == 0 {
		t.Errorf("vitanova.json: unexpected content %+v", doc.Brand)
	}
	for _, p := range doc.Products {
		skus[p.SKU] = true
		images = append(images, p.Images...)
		if p.MinPrice <= 0 || p.MinPrice >= p.Price || p.Currency == "" {
			t.Errorf("vitanova.json %s: prices %v/%v %s", p.SKU, p.Price, p.MinPrice, p.Currency)
		}
	}
	// CSV
	c, err := fs.ReadFile(cat, "hearthwell.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	if err != nil {
		t.Fatalf("hearthwell.csv: %v", err)
	}
	if !reflect.DeepEqual(rows[0], csvColumns) || len(rows) < 2 {
		t.Fatalf("hearthwell.csv: header %v, %d rows", rows[0], len(rows))
	}
	for _, row := range rows[1:] {
		skus[row[6]] = true
		images = append(images, row[12])
		if _, err := strconv.ParseFloat(row[9], 64); err != nil {
			t.Errorf("hearthwell.csv: price %q", row[9])
		}
	}
	if len(skus) != len(products) {
		t.Errorf("catalogue has %d products, want %d", len(skus), len(products))
	}
	for _, p := range images {
		f, err := cat.Open(p)
		if err != nil {
			t.Errorf("image %s: %v", p, err)
			continue
		}
		img, format, err := image.Decode(f)
		f.Close()
		if err != nil || img.Bounds().Dx() != photoSize {
			t.Errorf("image %s: %v", p, err)
		}
		if want := strings.TrimPrefix(p[strings.LastIndex(p, "."):], "."); want != format && !(want == "jpg" && format == "jpeg") {
			t.Errorf("image %s decodes as %s", p, format)
		}
	}
}

func TestSiteRulesParse(t *testing.T) {
	for _, s := range Sites() {
		text := string(s.Rule)
		if strings.Contains(text, "\t") {
			t.Errorf("%s: tab in rule", s.Name)
		}
		top := map[string]bool{}
		nested := map[string]map[string]string{}
		cur := ""
		for i, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				t.Errorf("%s line %d: not a key: %q", s.Name, i+1, line)
				continue
			}
			v = strings.TrimSpace(v)
			if !strings.HasPrefix(line, " ") {
				top[k] = true
				cur = k
				nested[k] = map[string]string{}
				continue
			}
			if strings.HasPrefix(v, `"`) {
				var str string
				if err := json.Unmarshal([]byte(v), &str); err != nil {
					t.Errorf("%s line %d: quoted value %s: %v", s.Name, i+1, v, err)
				}
				v = str
			}
			nested[cur][k] = v
		}
		for _, k := range []string{"name", "base_url", "search", "listing", "politeness"} {
			if !top[k] {
				t.Errorf("%s: no %s", s.Name, k)
			}
		}
		for _, k := range []string{"url", "max_pages", "listing_links", "next_page"} {
			if nested["search"][k] == "" {
				t.Errorf("%s: search has no %s", s.Name, k)
			}
		}
		if u := nested["search"]["url"]; !strings.Contains(u, "{base}") || !strings.Contains(u, "{query}") || !strings.Contains(u, "{page}") {
			t.Errorf("%s: search url %q", s.Name, u)
		}
		id := nested["listing"]["id"]
		_, re, _ := strings.Cut(id, "| re:")
		rx, err := regexp.Compile(strings.TrimSpace(re))
		if err != nil {
			t.Errorf("%s: id regex: %v", s.Name, err)
			continue
		}
		for _, l := range Labels() {
			if l.Site == s.Name {
				if m := rx.FindStringSubmatch("http://127.0.0.1" + l.Path); m == nil {
					t.Errorf("%s: id regex does not match %s", s.Name, l.Path)
				}
				break
			}
		}
	}
}

func TestPhotosDecode(t *testing.T) {
	w := theWorld()
	for _, name := range []string{taoxiName, tradeloftName} {
		sd := w.sites[name]
		h := handlerFor(name, sd)
		kinds := map[string]int{}
		for i, l := range sd.listings {
			for _, p := range l.photos {
				spec := sd.photos[p]
				if kinds[spec.kind] >= 3 && i%40 != 0 {
					continue
				}
				kinds[spec.kind]++
				code, body := fetch(h, p)
				if code == http.StatusServiceUnavailable {
					code, body = fetch(h, p)
				}
				if code != http.StatusOK {
					t.Errorf("%s %s: status %d", name, p, code)
					continue
				}
				img, _, err := image.Decode(strings.NewReader(body))
				if err != nil || img.Bounds().Dx() != photoSize {
					t.Errorf("%s %s (%s): %v", name, p, spec.kind, err)
				}
			}
		}
		t.Logf("%s: decoded photos by kind %v", name, kinds)
	}
}

// TestLabelsFollowPolicy checks each label against the page data and the
// catalogue the way README.md's rules read.
func TestLabelsFollowPolicy(t *testing.T) {
	w := theWorld()
	for _, name := range []string{taoxiName, tradeloftName} {
		for _, l := range w.sites[name].listings {
			lb := l.label
			rule := lb.Why
			if i := strings.IndexByte(rule, ' '); i > 0 {
				rule = rule[:i]
			}
			var p *productDef
			var floor, list float64
			if lb.SKU != "" {
				p = productBySKU(lb.SKU)
				floor, list = floorIn(p, l.currency), listIn(p, l.currency)
			}
			cross := p != nil && p.currency != l.currency
			allowed := lb.Brand != "" && l.seller.allowed(lb.Brand)
			fail := func(msg string) {
				t.Errorf("%s %s (%s, %s %.2f %s): %s", name, l.path, lb.Why, l.seller.name, l.price, l.currency, msg)
			}
			text := strings.ToLower(l.title + " " + l.desc)
			switch rule {
			case "N1":
				if l.seller.kind != kOfficial || !allowed {
					fail("not the brand's official shop")
				}
			case "N2":
				if l.seller.kind != kAuthorised || !allowed || l.price < floor || cross && l.price < floor*1.15 {
					fail("not an authorised seller at or above the floor")
				}
			case "F4":
				if l.seller.kind != kAuthorised || !allowed || l.price >= floor || cross && l.price > floor*0.85 {
					fail("not an authorised seller clearly under the floor")
				}
			case "F1", "F2", "F5":
				if allowed || l.seller.kind == kPersonal {
					fail("seller is authorised, official or a private person")
				}
				if rule == "F2" && l.price > list*0.30 {
					fail("price not far under list")
				}
				if rule == "F5" && l.price < list*0.5 {
					fail("price not plausible")
				}
				if rule == "F1" {
					word := strings.ToLower(strings.TrimSpace(lb.Why[strings.Index(lb.Why, ":")+1:]))
					if !strings.Contains(text, word) {
						fail("counterfeit word not on the page")
					}
				}
			case "F3":
				if l.seller.kind == kOfficial {
					fail("official shop")
				}
				word := strings.ToLower(strings.TrimSpace(lb.Why[strings.Index(lb.Why, ":")+1:]))
				if !strings.Contains(text, word) {
					fail("code-removal word not on the page")
				}
			case "N3":
				if l.seller.kind != kPersonal {
					fail("not a private person")
				}
			case "N11":
				if l.removed == 0 || lb.Flagged {
					fail("removed label on a live page")
				}
			}
			if l.removed > 0 && rule != "N11" {
				fail("removed page without N11")
			}
		}
	}
}
