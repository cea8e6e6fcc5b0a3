package sitecheck

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the saved pages in ../shared/ref")

// refDir holds the real saved pages. It lives outside the repository (a
// user's clone has none), and the pages stay there: only what the rules
// extract from them is kept here, in the golden files.
var refDir = filepath.Join("..", "..", "shared", "ref")

// goldenField is one extracted field as the golden files keep it.
type goldenField struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Via   string `json:"via"`
}

// goldenPage is one saved page's result.
type goldenPage struct {
	Page    string          `json:"page"`
	URLFrom string          `json:"url_from"`
	Fields  [][]goldenField `json:"fields,omitempty"`
	Links   int             `json:"links,omitempty"`
	First   []string        `json:"first_links,omitempty"`
	Next    string          `json:"next,omitempty"`
	Failed  string          `json:"failed,omitempty"`
}

// golden is a golden file: the per-field rates and every page.
type golden struct {
	Site       string            `json:"site"`
	Search     bool              `json:"search"`
	Rates      map[string]string `json:"rates"`
	Collisions []Collision       `json:"collisions"`
	Pages      []goldenPage      `json:"pages"`
}

// refCases are the rule packs and the saved pages each is checked on.
var refCases = []struct {
	name, site string
	search     bool
	files      []string
}{
	{"amazon-items", "amazon", false, []string{
		"marketplace_pages/amazon/metascraper-amazon-co-uk-book-item.html",
		"marketplace_pages/amazon/metascraper-amazon-com-kindle-item.html",
		"marketplace_pages/amazon/metascraper-amazon-es-robot-item.html",
		"product_pages/metascraper_shopping/amazon.html",
		"product_pages/metascraper_shopping/amazon-gorilla.html",
	}},
	{"amazon-search", "amazon", true, []string{
		"marketplace_pages/amazon/parsy-amazon-de-search-katzenfutter.html",
		"marketplace_pages/amazon/parsy-amazon-com-bestsellers-tools.html",
	}},
	{"jd-search", "jd", true, []string{"marketplace_pages/jd/lkg-lore-jd-search-dddd.html"}},
	// Shops without a rule of their own: the generic schema.org rule,
	// so every field comes from JSON-LD, microdata or OpenGraph.
	{"schema-org-shops", "example-jsonld", false, []string{
		"product_pages/metascraper_shopping/costco.html",
		"product_pages/metascraper_shopping/etsy.html",
		"product_pages/metascraper_shopping/globalindustrial.html",
		"product_pages/metascraper_shopping/jossandmain.html",
		"product_pages/metascraper_shopping/overstock.html",
		"product_pages/metascraper_shopping/potterybarn.html",
		"product_pages/metascraper_shopping/rejuvenation.html",
		"product_pages/metascraper_shopping/wayfair.html",
		"product_pages/extruct/websites_microdata-with-description.html",
		"product_pages/extruct/misc_opengraph_ns_product_test.html",
	}},
}

// TestRulePacksOnSavedPages runs each shipped rule over the real saved
// pages and compares, page by page, the fields extracted and where each
// came from with testdata/golden/NAME.json (go test -run
// TestRulePacksOnSavedPages ./sitecheck -update rewrites them), then
// checks the values the pages' upstream tests expect.
func TestRulePacksOnSavedPages(t *testing.T) {
	if _, err := os.Stat(refDir); err != nil {
		t.Skipf("the real saved pages are not here (%s: %v): they live in ../shared/ref beside the repository, which a clone does not have", refDir, err)
	}
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range refCases {
		t.Run(tc.name, func(t *testing.T) {
			site, err := set.Site(tc.site)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for _, f := range tc.files {
				paths = append(paths, filepath.Join(refDir, f))
			}
			pages, err := Load(site.BaseURL, false, paths...)
			if err != nil {
				t.Fatal(err)
			}
			rep := Check(site, pages, Options{Search: tc.search})
			got := toGolden(rep, tc.search)
			file := filepath.Join("testdata", "golden", tc.name+".json")
			compareGolden(t, file, got)
			checkUpstream(t, tc.name, rep)
		})
	}
}

func toGolden(rep *Report, search bool) golden {
	g := golden{Site: rep.Site, Search: search, Rates: map[string]string{}, Collisions: rep.Collisions}
	if g.Collisions == nil {
		g.Collisions = []Collision{}
	}
	for i := range g.Collisions {
		for j, p := range g.Collisions[i].Pages {
			g.Collisions[i].Pages[j] = relRef(p)
		}
	}
	if rep.Listings > 0 {
		for _, f := range rep.Fields {
			g.Rates[f.Field] = rateText(f)
		}
	}
	for _, f := range rep.Failed {
		g.Pages = append(g.Pages, goldenPage{Page: relRef(f.Page), Failed: f.Error})
	}
	for _, d := range rep.Details {
		gp := goldenPage{Page: relRef(d.Page), URLFrom: d.URLFrom, Links: len(d.Links), Next: d.Next}
		gp.First = d.Links[:min(3, len(d.Links))]
		for _, el := range d.Listings {
			var fs []goldenField
			for _, s := range el.Sources {
				fs = append(fs, goldenField{Field: s.Field, Value: clipGolden(s.Value), Via: s.Via})
			}
			gp.Fields = append(gp.Fields, fs)
		}
		g.Pages = append(g.Pages, gp)
	}
	return g
}

// rateText is "found/of via-kind n, ...", stable for a golden file.
func rateText(f FieldStat) string {
	var parts []string
	for _, k := range append([]string{ViaSelector}, knownVia...) {
		if n := f.Via[k]; n > 0 {
			parts = append(parts, k+" "+itoa(n))
		}
	}
	return strings.TrimSpace(itoa(f.Found) + "/" + itoa(f.Of) + " " + strings.Join(parts, ", "))
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func relRef(p string) string {
	if r, err := filepath.Rel(refDir, p); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}

// clipGolden keeps golden files small and the pages' text out of the
// repository: a field's first 100 bytes say which text was taken.
func clipGolden(s string) string {
	s = strings.ReplaceAll(s, "\n", " | ")
	if len(s) <= 100 {
		return s
	}
	s = s[:100]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "..."
}

func compareGolden(t *testing.T, file string, got golden) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(want, b) {
		t.Errorf("%s differs from what the rules extract now; if the change is right, rerun with -update and review the diff.\ngot:\n%s", file, b)
	}
}

// checkUpstream checks the values the pages' own upstream tests (and the
// READMEs of ../shared/ref) expect, so a golden file rewritten with a
// regression in it still fails.
func checkUpstream(t *testing.T, name string, rep *Report) {
	t.Helper()
	byPage := map[string]map[string]string{}
	for _, d := range rep.Details {
		m := map[string]string{"links": itoa(len(d.Links)), "next": d.Next}
		for _, el := range d.Listings {
			for _, s := range el.Sources {
				if _, ok := m[s.Field]; !ok {
					m[s.Field] = s.Value
				}
			}
		}
		byPage[filepath.Base(d.Page)] = m
	}
	want := map[string]map[string]string{
		"amazon-items": {
			"metascraper-amazon-co-uk-book-item.html|title":  "Vegetable Perfection: 100 delicious recipes for roots, bulbs, shoots and stems",
			"metascraper-amazon-co-uk-book-item.html|url":    "https://www.amazon.co.uk/Vegetable-Perfection-delicious-recipes-shoots/dp/1849757097",
			"metascraper-amazon-co-uk-book-item.html|images": "https://m.media-amazon.com/images/I/91EpHNSPFnL._SL1500_.jpg",
			"metascraper-amazon-co-uk-book-item.html|id":     "1849757097",
			"metascraper-amazon-com-kindle-item.html|title":  "The Whole Truth (A. Shaw Book 1)",
			"metascraper-amazon-com-kindle-item.html|id":     "B0011UCPM4",
			"metascraper-amazon-es-robot-item.html|id":       "B01MUGXRT9",
			"metascraper-amazon-es-robot-item.html|url":      "https://www.amazon.es/Cecotec-Excellence-Aspirador-Programable-Limpieza/dp/B01MUGXRT9",
			"metascraper-amazon-es-robot-item.html|price":    "", // unavailable: €149,00 on the page is a similar item's
			"amazon.html|price":                              "29.99",
			"amazon.html|currency":                           "USD",
			"amazon-gorilla.html|price":                      "12.48",
		},
		"amazon-search": {
			"parsy-amazon-de-search-katzenfutter.html|links": "60",
			"parsy-amazon-com-bestsellers-tools.html|links":  "30",
		},
		"jd-search": {
			"lkg-lore-jd-search-dddd.html|links": "5",
		},
		"schema-org-shops": {
			"costco.html|price":           "329.99",
			"jossandmain.html|price":      "98.99",
			"overstock.html|price":        "31.49",
			"wayfair.html|price":          "111.99",
			"potterybarn.html|price":      "",
			"globalindustrial.html|price": "",
		},
	}[name]
	for key, w := range want {
		page, field, _ := strings.Cut(key, "|")
		if got := byPage[page][field]; got != w {
			t.Errorf("%s %s = %q, upstream expects %q", page, field, got, w)
		}
	}
	if name == "amazon-search" && !strings.Contains(byPage["parsy-amazon-de-search-katzenfutter.html"]["next"], "katzenfutter") {
		t.Errorf("the amazon.de search page's next link %q does not carry the query", byPage["parsy-amazon-de-search-katzenfutter.html"]["next"])
	}
	if len(rep.Failed) > 0 {
		t.Errorf("unreadable pages: %+v", rep.Failed)
	}
}
