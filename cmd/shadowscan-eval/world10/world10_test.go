package world10

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
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

// ---- a small YAML reader for the subset the world writes (stdlib only) ----

type yline struct {
	ind int
	s   string
}

func yamlParse(t testing.TB, src string) map[string]any {
	t.Helper()
	var ls []yline
	for _, raw := range strings.Split(src, "\n") {
		s := strings.TrimRight(raw, " \r")
		trim := strings.TrimLeft(s, " ")
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		ls = append(ls, yline{len(s) - len(trim), trim})
	}
	if len(ls) == 0 {
		t.Fatal("yaml: empty document")
	}
	v, i := yBlock(ls, 0, ls[0].ind)
	if i != len(ls) {
		t.Fatalf("yaml: unparsed line %q", ls[i].s)
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatal("yaml: top level is not a map")
	}
	return m
}

func yBlock(ls []yline, i, ind int) (any, int) {
	if strings.HasPrefix(ls[i].s, "- ") {
		var out []any
		for i < len(ls) && ls[i].ind == ind && strings.HasPrefix(ls[i].s, "- ") {
			item := strings.TrimSpace(ls[i].s[2:])
			if strings.HasPrefix(item, "{") || strings.HasPrefix(item, "\"") || !strings.Contains(item, ":") {
				out = append(out, yScalar(item))
				i++
				continue
			}
			ls[i] = yline{ind + 2, item}
			var v any
			v, i = yMap(ls, i, ind+2)
			out = append(out, v)
		}
		return out, i
	}
	return yMap(ls, i, ind)
}

func yMap(ls []yline, i, ind int) (map[string]any, int) {
	m := map[string]any{}
	for i < len(ls) && ls[i].ind == ind && !strings.HasPrefix(ls[i].s, "- ") {
		k, v, _ := strings.Cut(ls[i].s, ":")
		v = strings.TrimSpace(v)
		i++
		if v == "" {
			if i < len(ls) && ls[i].ind > ind {
				m[k], i = yBlock(ls, i, ls[i].ind)
			} else {
				m[k] = nil
			}
			continue
		}
		m[k] = yScalar(v)
	}
	return m, i
}

func ySplit(s string) []string {
	var out []string
	depth, inq, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && inq:
			i++
		case c == '"':
			inq = !inq
		case inq:
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func yScalar(s string) any {
	switch {
	case strings.HasPrefix(s, "\""):
		u, err := strconv.Unquote(s)
		if err != nil {
			return "!!bad " + s
		}
		return u
	case strings.HasPrefix(s, "["):
		var out []any
		for _, it := range ySplit(s[1 : len(s)-1]) {
			out = append(out, yScalar(it))
		}
		return out
	case strings.HasPrefix(s, "{"):
		m := map[string]any{}
		for _, it := range ySplit(s[1 : len(s)-1]) {
			k, v, _ := strings.Cut(it, ":")
			m[strings.TrimSpace(k)] = yScalar(strings.TrimSpace(v))
		}
		return m
	}
	return s
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, str(x))
	}
	return out
}

// ---- catalogue as the SPEC describes it ----

type catBrand struct {
	ID, Name             string
	Aliases              []string
	Official, Authorised map[string]bool // site/seller
}

type catProduct struct {
	Brand, SKU, Name string
	Aliases          []string
	Price, Min       float64
	Currency         string
	Images           []string
}

func loadCatalog(t *testing.T) (map[string]*catBrand, map[string]*catProduct) {
	t.Helper()
	fsys := Catalog()
	brands, prods := map[string]*catBrand{}, map[string]*catProduct{}
	names, err := fs.Glob(fsys, "*")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	refs := func(v any) map[string]bool {
		out := map[string]bool{}
		list, _ := v.([]any)
		for _, r := range list {
			m := r.(map[string]any)
			out[str(m["site"])+"/"+str(m["seller_id"])] = true
		}
		return out
	}
	addProduct := func(file, brand string, p *catProduct) {
		if p.SKU == "" || p.Name == "" || p.Currency == "" || p.Price <= 0 || p.Min <= 0 || p.Min >= p.Price || len(p.Images) == 0 {
			t.Errorf("%s: incomplete product %+v", file, p)
		}
		for _, img := range p.Images {
			data, err := fs.ReadFile(fsys, img)
			if err != nil {
				t.Errorf("%s: image %s: %v", file, img, err)
				continue
			}
			if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
				t.Errorf("%s: image %s does not decode: %v", file, img, err)
			}
		}
		p.Brand = brand
		prods[p.SKU] = p
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // a directory
		}
		switch {
		case strings.HasSuffix(name, ".yaml"):
			doc := yamlParse(t, string(data))
			bm := doc["brand"].(map[string]any)
			for _, k := range []string{"id", "name", "aliases", "official_sellers", "authorized_sellers"} {
				if _, ok := bm[k]; !ok {
					t.Errorf("%s: brand has no %s", name, k)
				}
			}
			b := &catBrand{ID: str(bm["id"]), Name: str(bm["name"]), Aliases: strs(bm["aliases"]), Official: refs(bm["official_sellers"]), Authorised: refs(bm["authorized_sellers"])}
			brands[b.ID] = b
			for _, pv := range doc["products"].([]any) {
				pm := pv.(map[string]any)
				price, _ := strconv.ParseFloat(str(pm["price"]), 64)
				minp, _ := strconv.ParseFloat(str(pm["min_price"]), 64)
				addProduct(name, b.ID, &catProduct{SKU: str(pm["sku"]), Name: str(pm["name"]), Aliases: strs(pm["aliases"]), Price: price, Min: minp, Currency: str(pm["currency"]), Images: strs(pm["images"])})
			}
		case strings.HasSuffix(name, ".json"):
			var doc jsonCatalogue
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b := &catBrand{ID: doc.Brand.ID, Name: doc.Brand.Name, Aliases: doc.Brand.Aliases, Official: map[string]bool{}, Authorised: map[string]bool{}}
			for _, r := range doc.Brand.OfficialSellers {
				b.Official[r.Site+"/"+r.SellerID] = true
			}
			for _, r := range doc.Brand.AuthorizedSellers {
				b.Authorised[r.Site+"/"+r.SellerID] = true
			}
			brands[b.ID] = b
			for _, p := range doc.Products {
				addProduct(name, b.ID, &catProduct{SKU: p.SKU, Name: p.Name, Aliases: p.Aliases, Price: p.Price, Min: p.MinPrice, Currency: p.Currency, Images: p.Images})
			}
		case strings.HasSuffix(name, ".csv"):
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !reflect.DeepEqual(rows[0], csvHeader) {
				t.Fatalf("%s: header %v", name, rows[0])
			}
			for _, r := range rows[1:] {
				price, _ := strconv.ParseFloat(r[4], 64)
				minp, _ := strconv.ParseFloat(r[5], 64)
				if brands[r[0]] == nil {
					t.Errorf("%s: brand %s is not defined by a file sorting before it", name, r[0])
				}
				addProduct(name, r[0], &catProduct{SKU: r[1], Name: r[2], Aliases: strings.Split(r[3], "|"), Price: price, Min: minp, Currency: r[6], Images: strings.Split(r[7], "|")})
			}
		default:
			t.Errorf("unexpected catalogue file %s", name)
		}
	}
	return brands, prods
}

func TestCatalogParses(t *testing.T) {
	brands, prods := loadCatalog(t)
	if len(brands) < 2 || len(brands) > 4 {
		t.Errorf("%d brands", len(brands))
	}
	if len(prods) < 10 || len(prods) > 25 {
		t.Errorf("%d products", len(prods))
	}
	for sku, p := range prods {
		if brands[p.Brand] == nil {
			t.Errorf("%s: unknown brand %s", sku, p.Brand)
		}
	}
	for _, b := range brands {
		if len(b.Official) == 0 || len(b.Authorised) == 0 {
			t.Errorf("%s: no official or authorised sellers", b.ID)
		}
	}
	t.Logf("catalogue: %d brands, %d products", len(brands), len(prods))
}

func TestRulesParse(t *testing.T) {
	for _, s := range Sites() {
		doc := yamlParse(t, string(s.Rule))
		if str(doc["name"]) != s.Name {
			t.Errorf("rule name %q, site %q", doc["name"], s.Name)
		}
		if !strings.HasPrefix(str(doc["base_url"]), "http://") {
			t.Errorf("%s: base_url %q", s.Name, doc["base_url"])
		}
		search := doc["search"].(map[string]any)
		u := str(search["url"])
		for _, p := range []string{"{base}", "{query}", "{page}"} {
			if !strings.Contains(u, p) {
				t.Errorf("%s: search url %q has no %s", s.Name, u, p)
			}
		}
		if n, err := strconv.Atoi(str(search["max_pages"])); err != nil || n < 10 {
			t.Errorf("%s: max_pages %v", s.Name, search["max_pages"])
		}
		if str(search["listing_links"]) == "" {
			t.Errorf("%s: no listing_links", s.Name)
		}
		listing := doc["listing"].(map[string]any)
		for _, k := range []string{"id", "title", "price", "currency", "seller_id", "seller_name", "images", "description", "removed"} {
			if str(listing[k]) == "" {
				t.Errorf("%s: listing.%s missing", s.Name, k)
			}
		}
		if _, ok := doc["politeness"].(map[string]any); !ok {
			t.Errorf("%s: politeness is not a map", s.Name)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := build(), build()
	if !reflect.DeepEqual(a.labels, b.labels) {
		t.Fatal("labels differ between builds")
	}
	if !reflect.DeepEqual(a.catalog, b.catalog) {
		t.Fatal("catalogue differs between builds")
	}
	for i := range a.sites {
		if !bytes.Equal(a.sites[i].rule, b.sites[i].rule) {
			t.Fatal("rules differ")
		}
		ha, hb := newHandler(a, a.sites[i]), newHandler(b, b.sites[i])
		for k, l := range a.sites[i].listings {
			if k%25 != 0 || l.Fault != "" {
				continue
			}
			for _, p := range []string{l.Path, "/search?keyword=" + url.QueryEscape(l.Title), "/catalog?search_text=" + url.QueryEscape(l.Title)} {
				ra, rb := get(ha, p), get(hb, p)
				if ra.Code != rb.Code || ra.Body.String() != rb.Body.String() {
					t.Fatalf("%s differs between builds", p)
				}
			}
			if len(l.Photos) > 0 {
				p := (&handler{s: a.sites[i]}).photoURL(l, 0)
				if !bytes.Equal(get(ha, p).Body.Bytes(), get(hb, p).Body.Bytes()) {
					t.Fatalf("photo %s differs between builds", p)
				}
			}
		}
	}
}

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

// getRetry follows one 503 with Retry-After, as a polite crawler does.
func getRetry(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	rec := get(h, target)
	if rec.Code == http.StatusServiceUnavailable {
		if rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s: 503 without Retry-After", target)
		}
		time.Sleep(100 * time.Millisecond)
		rec = get(h, target)
	}
	return rec
}

var (
	linkRe  = regexp.MustCompile(`class="(?:item-card__link|feed-item__link)" href="([^"]+)"`)
	nextRe  = regexp.MustCompile(`<a rel="next" class="pager-next" href="([^"]+)"`)
	canonRe = regexp.MustCompile(`<link rel="canonical" href="http://example\.com([^"]+)"`)
)

// crawl walks the search pages of one query and returns the listing links per page.
func crawl(t *testing.T, site string, h http.Handler, q string, maxPages int) [][]string {
	var pages [][]string
	target := "/search?keyword=" + url.QueryEscape(q) + "&p=1"
	if site == siteEU {
		target = "/catalog?search_text=" + url.QueryEscape(q) + "&page=1"
	}
	for page := 1; page <= maxPages; page++ {
		rec := getRetry(t, h, target)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d", target, rec.Code)
		}
		body := rec.Body.String()
		var links []string
		for _, m := range linkRe.FindAllStringSubmatch(body, -1) {
			links = append(links, strings.ReplaceAll(m[1], "&amp;", "&"))
		}
		if len(links) == 0 {
			break
		}
		pages = append(pages, links)
		if site == siteJP {
			m := nextRe.FindStringSubmatch(body)
			if m == nil {
				break
			}
			target = strings.ReplaceAll(m[1], "&amp;", "&")
		} else {
			target = "/catalog?search_text=" + url.QueryEscape(q) + "&page=" + strconv.Itoa(page+1)
		}
	}
	return pages
}

func defaultQueries(t *testing.T) []string {
	brands, prods := loadCatalog(t)
	var qs []string
	for _, b := range brands {
		qs = append(qs, b.Name)
		qs = append(qs, b.Aliases...)
	}
	for _, p := range prods {
		qs = append(qs, p.Name)
		qs = append(qs, p.Aliases...)
	}
	sort.Strings(qs)
	return qs
}

func TestReachableAndServed(t *testing.T) {
	labels := Labels()
	queries := defaultQueries(t)
	for _, s := range Sites() {
		reach := map[string]int{} // canonical path -> number of links seen
		resolved := map[string]string{}
		for _, q := range queries {
			for _, links := range crawl(t, s.Name, s.Handler, q, 10) {
				for _, link := range links {
					u, err := url.Parse(link)
					if err != nil {
						t.Fatal(err)
					}
					p, ok := resolved[u.Path]
					if !ok {
						p = u.Path
						if rec := get(s.Handler, link); rec.Code == http.StatusMovedPermanently {
							p = rec.Header().Get("Location")
						}
						resolved[u.Path] = p
					}
					reach[p]++
				}
			}
		}
		n, dup := 0, 0
		for _, l := range labels {
			if l.Site != s.Name {
				continue
			}
			n++
			if reach[l.Path] == 0 {
				t.Errorf("%s %s (%s) is not reachable from any default query within 10 pages", s.Name, l.Path, l.Why)
			}
			if reach[l.Path] > 1 {
				dup++
			}
			rec := getRetry(t, s.Handler, l.Path)
			removed := strings.HasPrefix(l.Why, "N12")
			switch {
			case removed && (rec.Code == 404 || rec.Code == 410):
			case removed && rec.Code == 200:
				if !strings.Contains(rec.Body.String(), `class="notice-removed"`) {
					t.Errorf("%s: removed page without notice", l.Path)
				}
			case rec.Code != 200:
				t.Errorf("%s %s: status %d", s.Name, l.Path, rec.Code)
			default:
				m := canonRe.FindStringSubmatch(rec.Body.String())
				if m == nil || m[1] != l.Path {
					t.Errorf("%s: canonical %v", l.Path, m)
				}
			}
		}
		t.Logf("%s: %d labelled pages, %d queries, %d pages linked more than once", s.Name, n, len(queries), dup)
	}
}

func TestSearchIsSelective(t *testing.T) {
	w := theWorld()
	for _, s := range w.sites {
		if got := s.search("zzqx-nothing"); len(got) != 0 {
			t.Errorf("%s: nonsense query found %d", s.name, len(got))
		}
		for _, q := range []string{"ラベンダー", "Aquelle Pro", "花森 しっとり", "Vitalis Schoko"} {
			res := s.search(q)
			if len(res) >= len(s.listings)/2 {
				t.Errorf("%s %q: %d of %d listings", s.name, q, len(res), len(s.listings))
			}
			for _, l := range res {
				for _, tok := range queryTokens(q) {
					if !strings.Contains(l.norm, tok) {
						t.Errorf("%s %q returned %s", s.name, q, l.Title)
					}
				}
			}
		}
	}
	if len(w.sites[0].search("ﾊﾅﾓﾘ")) == 0 || len(w.sites[0].search("ＨＡＮＡＭＯＲＩ")) == 0 {
		t.Error("width folding does not work")
	}
}

func TestLabels(t *testing.T) {
	w := theWorld()
	labels := Labels()
	if !sort.SliceIsSorted(labels, func(i, j int) bool {
		if labels[i].Site != labels[j].Site {
			return labels[i].Site < labels[j].Site
		}
		return labels[i].Path < labels[j].Path
	}) {
		t.Error("labels are not sorted")
	}
	if len(labels) < 1000 || len(labels) > 1600 {
		t.Errorf("%d labels", len(labels))
	}
	seen := map[string]bool{}
	counts := map[string]map[string]int{}
	cats := map[string]string{"counterfeit": "C", "code_tampered": "T", "price_dumping": "D", "unauthorized_seller": "U", "defamation": "F"}
	for _, s := range w.sites {
		counts[s.name] = map[string]int{}
		for _, l := range s.listings {
			lb := l.Label
			key := lb.Site + lb.Path
			if seen[key] {
				t.Errorf("duplicate label %s", key)
			}
			seen[key] = true
			cat := lb.Category
			if !lb.Flagged {
				cat = "not flagged"
				if lb.Category != "" {
					t.Errorf("%s: category on a not-flagged label", key)
				}
			} else if p := cats[lb.Category]; p == "" || !strings.HasPrefix(lb.Why, p) {
				t.Errorf("%s: category %q with why %q", key, lb.Category, lb.Why)
			}
			counts[s.name][cat]++
			b := w.brand(lb.Brand)
			if lb.SKU != "" {
				p := w.products[lb.SKU]
				if p == nil || p.Brand != lb.Brand {
					t.Errorf("%s: sku %s brand %s", key, lb.SKU, lb.Brand)
					continue
				}
			}
			if lb.Flagged && lb.Category != "defamation" && lb.SKU == "" {
				t.Errorf("%s: flagged without sku", key)
			}
			if strings.Contains(l.Title+l.Desc+l.Price+l.Fee, "%!") {
				t.Errorf("%s: formatting error in %q / %q", key, l.Title, l.Desc)
			}
			if l.Removed == 0 && len(l.Photos) == 0 {
				t.Errorf("%s: no photos", key)
			}
			if b == nil || lb.SKU == "" {
				continue
			}
			p := w.products[lb.SKU]
			off, auth := b.isOfficial(s.name, l.Seller.ID), b.isAuthorised(s.name, l.Seller.ID)
			rule := lb.Why[:2]
			ok := true
			switch rule {
			case "O1":
				ok = off
			case "A1":
				ok = auth && l.Unit >= p.Min
			case "D1":
				ok = auth && l.Unit < p.Min && s.name == b.Home
			case "U1":
				ok = !off && !auth && l.Seller.Business && l.Unit >= 0.6*p.Price
			case "U2":
				ok = !off && !auth && !l.Seller.Business && l.Units > 1 && l.Unit >= 0.4*p.Price
			case "C1":
				ok = !off && !auth
			case "C2":
				ok = !off && !auth && l.Unit < 0.6*p.Price
			case "C3":
				ok = !off && !auth && l.Seller.Business && l.Unit < 0.4*p.Price && len(l.Photos) > 0 && l.Photos[0].Kind == phOfficial
			case "T1":
				ok = !off
			default:
				ok = !off && !auth || strings.HasPrefix(rule, "N")
			}
			if !ok {
				t.Errorf("%s: %s does not hold (seller %s, unit %.2f, list %.2f, min %.2f)", key, lb.Why, l.Seller.ID, l.Unit, p.Price, p.Min)
			}
		}
	}
	for site, c := range counts {
		var keys []string
		for k := range c {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		total := 0
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s=%d", k, c[k]))
			total += c[k]
		}
		t.Logf("%s: %d listings: %s", site, total, strings.Join(parts, " "))
	}
}

func TestPhotosDecode(t *testing.T) {
	for _, s := range Sites() {
		sd := theWorld().sites[0]
		if s.Name == siteEU {
			sd = theWorld().sites[1]
		}
		h := &handler{s: sd}
		n := 0
		for k, l := range sd.listings {
			if k%7 != 0 {
				continue
			}
			for i := range l.Photos {
				rec := get(s.Handler, h.photoURL(l, i))
				if rec.Code != 200 {
					t.Fatalf("%s: %d", h.photoURL(l, i), rec.Code)
				}
				img, format, err := image.Decode(rec.Body)
				if err != nil {
					t.Fatalf("%s: %v", h.photoURL(l, i), err)
				}
				if ct := rec.Header().Get("Content-Type"); ct != "image/"+format {
					t.Errorf("%s: content type %s for %s", h.photoURL(l, i), ct, format)
				}
				if img.Bounds().Dx() < 200 {
					t.Errorf("%s: %v", h.photoURL(l, i), img.Bounds())
				}
				n++
			}
		}
		t.Logf("%s: %d photos decoded", s.Name, n)
	}
}

func TestRobotsAndFaults(t *testing.T) {
	for _, s := range Sites() {
		rec := get(s.Handler, "/robots.txt")
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "User-agent: *") {
			t.Errorf("%s: robots.txt %d", s.Name, rec.Code)
		}
		for _, p := range []string{"/search", "/catalog", "/item", "/img", "/photos"} {
			if strings.Contains(rec.Body.String(), "Disallow: "+p) {
				t.Errorf("%s: robots.txt disallows %s", s.Name, p)
			}
		}
	}
	sd := theWorld().sites[0]
	for _, l := range sd.listings {
		if l.Fault == "once503" {
			h := newHandler(theWorld(), sd)
			if get(h, l.Path).Code != 503 || get(h, l.Path).Code != 200 {
				t.Error("503 once does not behave")
			}
		}
	}
}
