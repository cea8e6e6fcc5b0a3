package crawler

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// refPage is one row of product_pages/index.json.
type refPage struct {
	File             string `json:"file"`
	PageURL          string `json:"page_url"`
	ExpectedPrice    string `json:"upstream_expected_price"`
	ExpectedCurrency string `json:"upstream_expected_currency"`
	JSONLDName       string `json:"jsonld_name"`
	JSONLDCurrency   string `json:"jsonld_currency"`
	JSONLDImage      string `json:"jsonld_image"`
	JSONLDPrice      string `json:"jsonld_price"`
	OGPrice          string `json:"og_price_amount"`
	OGTitle          string `json:"og_title"`
	OGCurrency       string `json:"og_price_currency"`
	OGImage          string `json:"og_image"`
	MDName           string `json:"microdata_name"`
	MDCurrency       string `json:"microdata_currency"`
	MDImage          string `json:"microdata_image"`
}

var firstNumber = regexp.MustCompile(`\d+(\.\d+)?`)

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// TestExtractReferencePages runs Extract with a site that has no selectors
// over real shop pages, so every field comes from the schema.org and
// OpenGraph fallbacks, and counts how many fields match the expectations.
func TestExtractReferencePages(t *testing.T) {
	dir := filepath.Join(refDir, "product_pages")
	raw, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if os.IsNotExist(err) {
		t.Skipf("reference product pages not found at %s (they live outside the repository in ../shared/ref); skipping", dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var pages []refPage
	if err := json.Unmarshal(raw, &pages); err != nil {
		t.Fatal(err)
	}
	site := &rules.Site{Name: "ref"}
	var names, nameWant, prices, priceWant, curs, curWant, imgs, imgWant int
	for _, p := range pages {
		t.Run(p.File, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(dir, p.File))
			if err != nil {
				t.Fatal(err)
			}
			u := p.PageURL
			if u == "" {
				u = "https://example.com/pages/" + filepath.Base(p.File)
			}
			l, src, err := Extract(site, u, body)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if want := firstNonEmpty(p.JSONLDName, p.MDName, p.OGTitle); want != "" {
				nameWant++
				if l.Title == want {
					names++
				} else {
					t.Logf("title %q, want %q", l.Title, want)
				}
			}
			expected := p.ExpectedPrice
			if expected == "" && p.PageURL == "" {
				// No upstream test references the page (wayfair): use the
				// structured price, where JSON-LD and OpenGraph agree.
				expected = firstNonEmpty(p.JSONLDPrice, p.OGPrice)
			}
			wantPrice := ""
			if m := firstNumber.FindString(expected); m != "" {
				wantPrice = m
			}
			priceWant++
			switch {
			case wantPrice == "" && !l.HasPrice:
				prices++
			case wantPrice != "" && l.HasPrice && l.Price == mustAmount(t, wantPrice):
				prices++
			default:
				t.Logf("price %v (has %v), want %q", l.Price, l.HasPrice, p.ExpectedPrice)
			}
			if want := firstNonEmpty(p.ExpectedCurrency, p.JSONLDCurrency, p.MDCurrency, p.OGCurrency); want != "" && wantPrice != "" {
				if m := regexp.MustCompile(`[A-Z]{3}`).FindString(want); m != "" {
					want = m
				}
				curWant++
				if l.Currency == want {
					curs++
				} else {
					t.Logf("currency %q, want %q", l.Currency, want)
				}
			}
			if want := firstNonEmpty(p.JSONLDImage, p.MDImage, p.OGImage); want != "" {
				imgWant++
				base, _ := url.Parse(u)
				if len(l.Images) > 0 && l.Images[0].URL == resolveURL(base, want) {
					imgs++
				} else {
					t.Logf("images %v, want first %q", l.Images, want)
				}
			}
			if l.ID == "" {
				t.Errorf("no id; sources %v", src)
			}
		})
	}
	t.Logf("reference pages: %d; titles %d/%d, prices %d/%d, currencies %d/%d, first images %d/%d",
		len(pages), names, nameWant, prices, priceWant, curs, curWant, imgs, imgWant)
	// Floors we reach; the misses are pages whose price is only in page
	// text (amazon) or where the upstream test prefers OpenGraph over the
	// JSON-LD we read first (etsy, rejuvenation).
	if names < 13 || prices < 11 || curs < 10 || imgs < 13 {
		t.Errorf("extraction fell below the floor: titles %d, prices %d, currencies %d, images %d", names, prices, curs, imgs)
	}
}

func mustAmount(t *testing.T, s string) shadowscan.Amount {
	t.Helper()
	a, err := shadowscan.ParseAmount(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestListingIdentityOnRealPages extracts the listing id of real saved
// item pages (Amazon, Etsy, Costco, Wayfair, ...) with no id selector and
// checks it is the marketplace's own id where the URL shows one (Amazon's
// ASIN), never a title slug, and unique across the pages.
func TestListingIdentityOnRealPages(t *testing.T) {
	type page struct{ file, url string }
	var pages []page
	mp := filepath.Join(refDir, "marketplace_pages")
	idx, err := os.ReadFile(filepath.Join(mp, "index.tsv"))
	if os.IsNotExist(err) {
		t.Skipf("reference marketplace pages not found at %s (they live outside the repository in ../shared/ref); skipping", mp)
	}
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(idx)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 8 || f[2] != "item" {
			continue
		}
		pages = append(pages, page{filepath.Join(mp, f[0]), f[7]})
	}
	pp := filepath.Join(refDir, "product_pages")
	if raw, err := os.ReadFile(filepath.Join(pp, "index.json")); err == nil {
		var rs []refPage
		if err := json.Unmarshal(raw, &rs); err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.PageURL != "" {
				pages = append(pages, page{filepath.Join(pp, r.File), r.PageURL})
			}
		}
	}
	if len(pages) < 3 {
		t.Fatalf("only %d item pages with a URL found", len(pages))
	}
	asin := regexp.MustCompile(`/dp/([A-Z0-9]{10})`)
	seen := map[string]string{}
	site := &rules.Site{Name: "ref"}
	for _, p := range pages {
		body, err := os.ReadFile(p.file)
		if err != nil {
			t.Fatal(err)
		}
		l, src, err := Extract(site, p.url, body)
		if err != nil {
			t.Fatalf("%s: %v", p.file, err)
		}
		via := ""
		for _, s := range src {
			if s.Field == "id" {
				via = s.Via
			}
		}
		t.Logf("%s: id %q via %s (%s)", filepath.Base(p.file), l.ID, via, p.url)
		if m := asin.FindStringSubmatch(p.url); m != nil && l.ID != m[1] {
			t.Errorf("%s: id %q, want the ASIN %s", p.file, l.ID, m[1])
		}
		u, _ := url.Parse(p.url)
		for _, seg := range strings.Split(u.Path, "/") {
			if strings.ContainsAny(seg, "-_") && l.ID == seg {
				t.Errorf("%s: id is the slug %q", p.file, seg)
			}
		}
		if prev, dup := seen[l.ID]; dup {
			t.Errorf("%s and %s share id %q", prev, p.file, l.ID)
		}
		seen[l.ID] = p.file
	}
}
