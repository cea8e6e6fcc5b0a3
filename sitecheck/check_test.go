package sitecheck

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan/rules"
)

// slugRule takes the id from the URL's title slug: the mistake that once
// made listings overwrite each other.
const slugRule = `name: slugshop
base_url: https://slug.example.invalid
search:
  url: "{base}/s?q={query}&page={page}"
  listing_links: "a.item@href"
  next_page: "a.next@href"
listing:
  id: "link[rel=canonical]@href | re:/p/([a-z-]+)"
  title: "h1"
  price: ".price"
  currency: "CNY"
`

func mustSite(t *testing.T, src string) *rules.Site {
	t.Helper()
	s, err := rules.ParseSite("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func itemPage(path, title, price string, jsonLD bool) string {
	ld := ""
	if jsonLD {
		ld = fmt.Sprintf(`<script type="application/ld+json">{"@type":"Product","name":%q,"offers":{"price":"9.50","priceCurrency":"CNY","seller":{"name":"LD Shop"}}}</script>`, title)
	}
	h1 := ""
	if !jsonLD {
		h1 = "<h1>" + title + "</h1>"
	}
	return fmt.Sprintf(`<html><head><link rel="canonical" href="https://slug.example.invalid%s">%s</head><body>%s<span class="price">%s</span></body></html>`, path, ld, h1, price)
}

func TestCheckReportsCollidingIDs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.html":         itemPage("/p/hand-cream/81001", "Hand Cream", "¥12", false),
		"b.html":         itemPage("/p/hand-cream/81002", "Hand Cream", "¥13", false),
		"c.html":         itemPage("/p/serum/81003", "Serum", "", true),
		"copy/a.html":    itemPage("/p/hand-cream/81001", "Hand Cream", "¥12", false), // the same listing saved twice
		"notes.json":     `{"not":"a page"}`,
		"sub/readme.txt": "ignored",
	})
	site := mustSite(t, slugRule)
	pages, err := Load(site.BaseURL, false, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 4 {
		t.Fatalf("loaded %d pages, want the 4 .html files", len(pages))
	}
	rep := Check(site, pages, Options{})
	if rep.Listings != 4 || len(rep.Failed) != 0 {
		t.Fatalf("listings %d failed %v", rep.Listings, rep.Failed)
	}
	if len(rep.Collisions) != 1 {
		t.Fatalf("collisions %+v, want one (hand-cream)", rep.Collisions)
	}
	c := rep.Collisions[0]
	if c.ID != "hand-cream" || len(c.URLs) != 2 || len(c.Pages) != 3 {
		t.Errorf("collision %+v, want hand-cream on a.html, b.html and copy/a.html, two URLs", c)
	}
	if rep.UniqueIDs != 2 {
		t.Errorf("unique ids %d, want 2", rep.UniqueIDs)
	}
	stat := map[string]FieldStat{}
	for _, f := range rep.Fields {
		stat[f.Field] = f
	}
	if f := stat["title"]; f.Found != 4 || f.Via[ViaSelector] != 3 || f.Via["json-ld"] != 1 || f.Selectors["h1"] != 3 {
		t.Errorf("title: %+v, want 3 from the h1 selector and 1 from json-ld", f)
	}
	if f := stat["price"]; f.Found != 4 || f.Via[ViaSelector] != 3 || f.Via["json-ld"] != 1 {
		t.Errorf("price: %+v, want 3 by selector, 1 from json-ld (the empty .price falls back)", f)
	}
	if f := stat["seller_name"]; f.Found != 1 || f.Rate() != 0.25 {
		t.Errorf("seller_name: %+v, rate %v", f, f.Rate())
	}
	if f := stat["currency"]; f.Via["literal"] != 4 {
		t.Errorf("currency: %+v, want literal 4", f)
	}

	// The marketplace's own number as the id: no collision.
	fixed := mustSite(t, strings.Replace(slugRule, `re:/p/([a-z-]+)`, `re:/(\\d+)$`, 1))
	if rep := Check(fixed, pages, Options{}); len(rep.Collisions) != 0 || rep.UniqueIDs != 3 {
		t.Errorf("with the numeric id: collisions %+v, unique %d, want none and 3", rep.Collisions, rep.UniqueIDs)
	}
}

func TestLoadFindsPageURLs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"index.tsv":        "file\tkind\tsaved_from_url\nshop/x.html\titem\thttps://m.example.invalid/item/777\nshop/y.html\titem\t(none)\n",
		"shop/x.html":      "<html><h1>x</h1></html>",
		"shop/y.html":      "<!-- saved from url=(0038)https://m.example.invalid/item/888 -->\n<html></html>",
		"shop/z.html":      `<html><head><meta property="og:url" content="https://m.example.invalid/item/999"></head></html>`,
		"shop/nothing.htm": "<html></html>",
	})
	pages, err := Load("https://base.example.invalid/", false, dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range pages {
		got[filepath.Base(p.Name)] = p.URLFrom + " " + p.URL
	}
	want := map[string]string{
		"x.html":      "index.tsv https://m.example.invalid/item/777",
		"y.html":      "saved-from https://m.example.invalid/item/888",
		"z.html":      "canonical https://m.example.invalid/item/999",
		"nothing.htm": "none https://base.example.invalid/saved/nothing.htm",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	if _, err := Load("https://b.example.invalid", false, filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing path is not an error")
	}
	if _, err := Load("https://b.example.invalid", true, dir); err == nil || !strings.Contains(err.Error(), "no saved pages") {
		t.Errorf("a directory without .json files for a json rule: %v", err)
	}
}

const jsonRule = `name: api
base_url: https://api.example.invalid
format: json
search:
  url: "{base}/api/s?q={query}"
  listings: "results"
  next_page: "next"
listing:
  url: "link"
  id: "sku"
  title: "name"
  price: "price"
  currency: "USD"
`

func TestCheckJSONSearchPages(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"p1.json":  `{"results":[{"link":"/i/1","sku":"A1","name":"One","price":5},{"link":"/i/2","sku":"A2","name":"Two"}],"next":"abc"}`,
		"p2.json":  `{"results":[{"link":"/i/3","sku":"A1","name":"Three","price":"7.25"}]}`,
		"cut.json": `{"results":[{"link":"/i/4"`,
	})
	site := mustSite(t, jsonRule)
	pages, err := Load(site.BaseURL, true, dir)
	if err != nil {
		t.Fatal(err)
	}
	rep := Check(site, pages, Options{Search: true})
	if rep.Format != "json" || rep.Pages != 3 || rep.Listings != 3 {
		t.Fatalf("format %s pages %d listings %d", rep.Format, rep.Pages, rep.Listings)
	}
	if len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Error, "cut short") {
		t.Errorf("failed %+v, want cut.json cut short", rep.Failed)
	}
	if s := rep.Search; s.Links != 3 || s.WithNext != 1 || s.MinLinks != 1 || s.MaxLinks != 2 {
		t.Errorf("search %+v", s)
	}
	if len(rep.Collisions) != 1 || rep.Collisions[0].ID != "A1" || !slices.Equal(rep.Collisions[0].URLs, []string{"https://api.example.invalid/i/1", "https://api.example.invalid/i/3"}) {
		t.Errorf("collisions %+v, want A1 at /i/1 and /i/3", rep.Collisions)
	}
	for _, f := range rep.Fields {
		if f.Field == "price" && (f.Found != 2 || f.Selectors["price"] != 2) {
			t.Errorf("price %+v, want 2 of 3 from the path", f)
		}
	}
}

// A saved page has lost its Content-Type header; one that is valid UTF-8
// and names no charset must not be read as windows-1252 (HTML's default),
// which would garble every accented or CJK title.
func TestCheckReadsSavedUTF8Pages(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"es.html": `<html><head><link rel="canonical" href="https://slug.example.invalid/p/robot/555"></head><body><h1>Navegación inteligente 京东</h1><span class="price">149,00 €</span></body></html>`,
	})
	site := mustSite(t, slugRule)
	pages, err := Load(site.BaseURL, false, dir)
	if err != nil {
		t.Fatal(err)
	}
	rep := Check(site, pages, Options{})
	if len(rep.Details) != 1 || rep.Details[0].Listings[0].Listing.Title != "Navegación inteligente 京东" {
		t.Fatalf("title garbled: %+v", rep.Details)
	}
}
