package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"image"
	"image/color"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// world2Full runs TestWorld2Evaluate: a crawl of the whole world with the
// real crawler and matcher takes seconds, but minutes under -race.
var world2Full = flag.Bool("world2.full", false, "crawl and match the whole second world (TestWorld2Evaluate)")

// world2 is the second world loaded once for the tests that only read it.
type world2Fixture struct {
	dir      string
	files    []string
	site     []byte
	listings []world2Listing
	cat      *shadowscan.Catalog
}

var (
	world2Once sync.Once
	world2Fix  world2Fixture
	world2Err  error
)

// MustWorld2 loads testdata/world2 and its catalogue or fails the test.
func MustWorld2(tb testing.TB) *world2Fixture {
	tb.Helper()
	world2Once.Do(func() {
		dir, err := findWorld2Dir()
		if err != nil {
			world2Err = err
			return
		}
		files, site, ls, err := loadWorld2(dir)
		if err != nil {
			world2Err = err
			return
		}
		cat := &shadowscan.Catalog{}
		for _, f := range files {
			cf, err := catalog.LoadPath(context.Background(), f)
			if err != nil {
				world2Err = err
				return
			}
			cat.Brands = append(cat.Brands, cf.Catalog.Brands...)
			cat.Products = append(cat.Products, cf.Catalog.Products...)
		}
		world2Fix = world2Fixture{dir: dir, files: files, site: site, listings: ls, cat: cat}
	})
	if world2Err != nil {
		tb.Fatalf("load world2: %v", world2Err)
	}
	return &world2Fix
}

// MustServeWorld2 starts the marketplace for one test.
func MustServeWorld2(tb testing.TB, dir string) string {
	tb.Helper()
	base, stop, err := serveWorld2(dir)
	if err != nil {
		tb.Fatalf("serve world2: %v", err)
	}
	tb.Cleanup(stop)
	return base
}

func mustGet(tb testing.TB, u string) (*http.Response, []byte) {
	tb.Helper()
	resp, err := http.Get(u)
	if err != nil {
		tb.Fatalf("get %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		tb.Fatalf("read %s: %v", u, err)
	}
	return resp, body
}

func TestWorld2CategoryMinimums(t *testing.T) {
	w := MustWorld2(t)
	count := map[shadowscan.Category]int{}
	negatives := 0
	for _, l := range w.listings {
		if l.Truth.Flagged {
			count[l.Truth.Category]++
		} else {
			negatives++
		}
	}
	for _, c := range shadowscan.Categories {
		t.Run(string(c), func(t *testing.T) {
			if count[c] < 15 {
				t.Errorf("%d listings labelled %s, want at least 15", count[c], c)
			}
		})
	}
	t.Run("negatives", func(t *testing.T) {
		if negatives < 100 {
			t.Errorf("%d unflagged listings, want at least 100", negatives)
		}
	})
	t.Run("total", func(t *testing.T) {
		if n := len(w.listings); n < 200 || n > 320 {
			t.Errorf("%d listings, want about 250", n)
		}
	})
}

// TestWorld2LabelsAgreeWithCatalogue checks every label against the
// catalogue and the SPEC rules it encodes, so that a catalogue edit that
// silently invalidates labels fails here.
func TestWorld2LabelsAgreeWithCatalogue(t *testing.T) {
	w := MustWorld2(t)
	for _, l := range w.listings {
		t.Run(l.ID, func(t *testing.T) {
			tr := l.Truth
			var b *shadowscan.Brand
			if tr.Brand != "" {
				if b = w.cat.Brand(tr.Brand); b == nil {
					t.Fatalf("label brand %q is not in the catalogue", tr.Brand)
				}
			}
			if tr.Flagged && b == nil {
				t.Fatalf("flagged %s without a brand", tr.Category)
			}
			switch {
			case tr.Category == shadowscan.CategoryDefamation && tr.SKU != "":
				t.Errorf("defamation labelled with SKU %s, want none", tr.SKU)
			case tr.Flagged && tr.Category != shadowscan.CategoryDefamation && tr.SKU == "":
				t.Errorf("%s without a SKU", tr.Category)
			}
			if tr.SKU == "" {
				return
			}
			p := w.cat.Product(tr.SKU)
			if p == nil {
				t.Fatalf("label SKU %s is not in the catalogue", tr.SKU)
			}
			if p.BrandID != tr.Brand {
				t.Errorf("SKU %s belongs to %s, label says %s", tr.SKU, p.BrandID, tr.Brand)
			}
			if l.Currency != p.Currency {
				t.Errorf("listing in %s, product priced in %s", l.Currency, p.Currency)
			}
			role := b.RoleOf(world2Site, l.SellerID)
			if role == shadowscan.RoleOfficial && tr.Flagged {
				t.Errorf("official shop %s labelled %s; official shops are never flagged", l.SellerID, tr.Category)
			}
			unit := l.Price
			if strings.Contains(l.Title, "2件装") {
				unit = l.Price / 2
			}
			switch tr.Category {
			case shadowscan.CategoryPriceDumping:
				if role != shadowscan.RoleAuthorized {
					t.Errorf("price_dumping by %s (%s), want an authorised shop", l.SellerID, role)
				}
				if unit <= 0 || unit >= p.MinPrice {
					t.Errorf("price_dumping at %s a unit, want under the floor %s", unit, p.MinPrice)
				}
			case shadowscan.CategoryUnauthorizedSeller:
				if role != shadowscan.RoleUnknown {
					t.Errorf("unauthorized_seller by a %s shop", role)
				}
				if l.Price*10 < p.Price*6 {
					t.Errorf("unauthorized_seller at %s, under 60 %% of list %s: that is the counterfeit price range", l.Price, p.Price)
				}
			case shadowscan.CategoryCounterfeit:
				if role != shadowscan.RoleUnknown {
					t.Errorf("counterfeit by a %s shop", role)
				}
			case "":
				if role == shadowscan.RoleAuthorized && l.Price > 0 && unit < p.MinPrice {
					t.Errorf("unflagged authorised listing at %s, under the floor %s", unit, p.MinPrice)
				}
			}
		})
	}
}

func TestWorld2SiteRule(t *testing.T) {
	w := MustWorld2(t)
	s, err := rules.ParseSite(filepath.Join(w.dir, "site.yaml"), w.site)
	if err != nil {
		t.Fatalf("parse site.yaml: %v", err)
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"name is world2-market", s.Name == world2Site},
		{"base_url is 127.0.0.1:8932", s.BaseURL == "http://127.0.0.1:8932"},
		{"search counts pages (no next link)", s.Search.NextPage == nil},
		{"id from the canonical link", s.Listing.ID != nil && s.Listing.ID.Re != nil},
		{"images from the lazy gallery", s.Listing.Images != nil && s.Listing.Images.Attr == "data-src"},
		{"title, price, currency and seller left to JSON-LD", s.Listing.Title == nil && s.Listing.Price == nil &&
			s.Listing.Currency == nil && s.Listing.CurrencyCode == "" && s.Listing.SellerID == nil && s.Listing.SellerName == nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.ok {
				t.Errorf("site rule: %+v", s)
			}
		})
	}
}

// TestWorld2SearchPages pages through a search with goquery and the
// site's selector, and checks paging stops with an empty page.
func TestWorld2SearchPages(t *testing.T) {
	w := MustWorld2(t)
	base := MustServeWorld2(t, w.dir)
	s, err := rules.ParseSite("site.yaml", w.site)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query   string
		atLeast int
	}{
		{"清沃", 40},
		{"Bloom", 60},
		{"維他力", 5},
		{"CLEARWELL", 40},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			seen := map[string]bool{}
			page := 1
			for ; page <= s.Search.MaxPages; page++ {
				_, body := mustGet(t, s.SearchURL(base, tt.query, page))
				doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				links := doc.Find(s.Search.ListingLinks.CSS)
				if links.Length() == 0 {
					break
				}
				if links.Length() > world2PageSize {
					t.Fatalf("page %d has %d links, want at most %d", page, links.Length(), world2PageSize)
				}
				if doc.Find("a.next, a[rel=next]").Length() != 0 {
					t.Fatalf("page %d has a next link; the layout counts pages instead", page)
				}
				links.Each(func(_ int, a *goquery.Selection) {
					href, _ := a.Attr(s.Search.ListingLinks.Attr)
					id := strings.TrimSuffix(strings.TrimPrefix(href, "/p/"), ".html")
					if _, err := world2Find(w.listings, id); err != nil {
						t.Errorf("link %q: %v", href, err)
					}
					if seen[id] {
						t.Errorf("listing %s on two pages", id)
					}
					seen[id] = true
				})
			}
			if len(seen) < tt.atLeast {
				t.Errorf("%q found %d listings in %d pages, want at least %d", tt.query, len(seen), page-1, tt.atLeast)
			}
		})
	}
	t.Run("bad page refused", func(t *testing.T) {
		resp, _ := mustGet(t, base+"/search?kw=x&p=-1")
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400", resp.StatusCode)
		}
	})
	t.Run("robots allows search and listings", func(t *testing.T) {
		_, body := mustGet(t, base+"/robots.txt")
		for _, p := range []string{"/search", "/p/", "/img/"} {
			if bytes.Contains(body, []byte("Disallow: "+p)) {
				t.Errorf("robots.txt disallows %s", p)
			}
		}
	})
}

// TestWorld2Reachable checks that the default scan queries (catalogue
// names and aliases) reach every listing, hard negatives included.
func TestWorld2Reachable(t *testing.T) {
	w := MustWorld2(t)
	ls := w.listings
	mk := &world2Market{listings: ls}
	for i := range ls {
		mk.hay = append(mk.hay, normSearch(ls[i].Title+" "+ls[i].Description+" "+ls[i].SellerName+" "+strings.Join(ls[i].Keywords, " ")))
	}
	found := map[string]bool{}
	for _, q := range w.cat.SearchQueries() {
		for _, l := range mk.match(q) {
			found[l.ID] = true
		}
	}
	for _, l := range ls {
		if !found[l.ID] {
			t.Errorf("listing %s %q is not found by any catalogue search query", l.ID, l.Title)
		}
	}
}

// TestWorld2ListingPages fetches every listing page, checks its JSON-LD
// parses with the Product inside @graph, and that the real extractor,
// with the site rule, reads the labelled fields back.
func TestWorld2ListingPages(t *testing.T) {
	w := MustWorld2(t)
	base := MustServeWorld2(t, w.dir)
	site, err := rules.ParseSite("site.yaml", w.site)
	if err != nil {
		t.Fatal(err)
	}
	shapes := map[string]int{}
	for _, l := range w.listings {
		t.Run(l.ID, func(t *testing.T) {
			u := base + "/p/" + l.ID + ".html"
			resp, body := mustGet(t, u)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			var ld struct {
				Graph []map[string]any `json:"@graph"`
			}
			raw := doc.Find(`script[type="application/ld+json"]`).Text()
			if err := json.Unmarshal([]byte(raw), &ld); err != nil {
				t.Fatalf("json-ld does not parse: %v\n%s", err, raw)
			}
			var product map[string]any
			for _, n := range ld.Graph {
				if n["@type"] == "Product" {
					product = n
				}
			}
			if product == nil || product["name"] != l.Title {
				t.Fatalf("no Product named %q in @graph: %s", l.Title, raw)
			}
			switch product["offers"].(type) {
			case []any:
				shapes["array"]++
			case map[string]any:
				shapes[product["offers"].(map[string]any)["@type"].(string)]++
			}
			if got := doc.Find(".pics img").Length(); got != len(l.Images) {
				t.Errorf("%d gallery images, want %d", got, len(l.Images))
			}

			x, _, err := crawler.Extract(site, u, body)
			if err != nil {
				t.Fatalf("extract: %v", err)
			}
			type fields struct {
				ID, Title            string
				Price                shadowscan.Amount
				HasPrice             bool
				Currency             string
				SellerID, SellerName string
			}
			want := fields{ID: l.ID, Title: l.Title, Price: l.Price, HasPrice: l.Price > 0, Currency: l.Currency, SellerID: l.SellerID, SellerName: l.SellerName}
			got := fields{ID: x.ID, Title: x.Title, Price: x.Price, HasPrice: x.HasPrice, Currency: x.Currency, SellerID: x.SellerID, SellerName: x.SellerName}
			if got != want {
				t.Errorf("extracted\n %+v\nwant\n %+v", got, want)
			}
			if len(x.Images) != len(l.Images) || (len(x.Images) > 0 && world2PathOf(x.Images[0].URL) != "/img/"+l.ID+"/0.jpg") {
				t.Errorf("extracted images %+v, want %d under /img/%s/", x.Images, len(l.Images), l.ID)
			}
		})
	}
	for _, s := range []string{"array", "Offer", "AggregateOffer"} {
		if shapes[s] == 0 {
			t.Errorf("no listing page has offers as %s (shapes: %v)", s, shapes)
		}
	}
}

func world2PathOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Path
}

// TestWorld2Photos checks each kind of edit produces what it says, that an
// unedited re-upload is the official file byte for byte, and that photos
// are cached.
func TestWorld2Photos(t *testing.T) {
	w := MustWorld2(t)
	base := MustServeWorld2(t, w.dir)
	// The first photo of a listing for each edit kind.
	type sample struct {
		l *world2Listing
		n int
	}
	byKind := map[string]sample{}
	for i := range w.listings {
		l := &w.listings[i]
		for n, im := range l.Images {
			kind := "none"
			if len(im.Edits) == 1 {
				kind, _, _ = strings.Cut(im.Edits[0], ":")
			} else if len(im.Edits) > 1 {
				continue
			}
			if _, ok := byKind[kind]; !ok && (kind != "none" || (strings.HasPrefix(im.Src, "catalog/") && strings.HasSuffix(im.Src, ".jpg"))) {
				byKind[kind] = sample{l, n}
			}
		}
	}
	tests := []struct {
		kind string
		size func(w, h int) bool
		desc string
	}{
		{"none", func(w, h int) bool { return w == 300 && h == 300 }, "300x300"},
		{"scale", func(w, h int) bool { return w != 300 && w == h }, "square, not 300"},
		{"crop", func(w, h int) bool { return w < 300 && w >= 240 && h < 300 }, "10-20 % smaller"},
		{"rot90", func(w, h int) bool { return w == 300 && h == 300 }, "300x300"},
		{"rot", func(w, h int) bool { return w == 300 && h == 300 }, "300x300"},
		{"collage", func(w, h int) bool { return w > 590 && h == 300 }, "two photos wide"},
		{"canvas", func(w, h int) bool { return w == 420 && h == 420 }, "420x420"},
		{"banner", func(w, h int) bool { return w == 300 && h == 300 }, "300x300"},
		{"color", func(w, h int) bool { return w == 300 && h == 300 }, "300x300"},
		{"jpeg", func(w, h int) bool { return w == 300 && h == 300 }, "300x300"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			s, ok := byKind[tt.kind]
			if !ok {
				t.Fatalf("no listing photo with the %s edit", tt.kind)
			}
			u := fmt.Sprintf("%s/img/%s/%d.jpg", base, s.l.ID, s.n)
			resp, body := mustGet(t, u)
			if ct := resp.Header.Get("Content-Type"); ct != "image/jpeg" {
				t.Errorf("content type %q", ct)
			}
			_, info, err := photo.Decode(body, photo.Limits{})
			if err != nil {
				t.Fatalf("decode %s: %v", u, err)
			}
			if !tt.size(info.Width, info.Height) {
				t.Errorf("%v gave %dx%d, want %s", s.l.Images[s.n].Edits, info.Width, info.Height, tt.desc)
			}
			_, again := mustGet(t, u)
			if !bytes.Equal(body, again) {
				t.Error("second request served different bytes")
			}
			if tt.kind == "none" {
				orig, err := os.ReadFile(filepath.Join(w.dir, filepath.FromSlash(s.l.Images[s.n].Src)))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(orig, body) {
					t.Error("an unedited re-upload differs from the official file")
				}
			}
		})
	}
	t.Run("rot90 defeats the hash, jpeg does not", func(t *testing.T) {
		// Not a property of the world but a check that the edits are the
		// kinds README says: a quarter turn moves the pHash far from the
		// official photo, heavy JPEG keeps it close.
		dist := func(s sample) int {
			_, body := mustGet(t, fmt.Sprintf("%s/img/%s/%d.jpg", base, s.l.ID, s.n))
			got, err := photo.HashBytes(body, photo.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			orig, err := os.ReadFile(filepath.Join(w.dir, filepath.FromSlash(s.l.Images[s.n].Src)))
			if err != nil {
				t.Fatal(err)
			}
			want, err := photo.HashBytes(orig, photo.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			return photo.Distance(got.PHash, want.PHash)
		}
		var rot, jpg *sample
		for i := range w.listings {
			l := &w.listings[i]
			for n, im := range l.Images {
				if !strings.HasPrefix(im.Src, "catalog/") || len(im.Edits) != 1 {
					continue
				}
				switch e := im.Edits[0]; {
				case e == "rot90" && rot == nil:
					rot = &sample{l, n}
				case strings.HasPrefix(e, "jpeg:") && jpg == nil:
					jpg = &sample{l, n}
				}
			}
		}
		if rot == nil || jpg == nil {
			t.Fatal("no official photo with a lone rot90 and a lone jpeg edit")
		}
		if dr, dj := dist(*rot), dist(*jpg); dr <= dj {
			t.Errorf("pHash distance after rot90 %d, after heavy jpeg %d: want rot90 farther", dr, dj)
		}
	})
	t.Run("unknown photo is 404", func(t *testing.T) {
		for _, p := range []string{"/img/0/0.jpg", "/img/" + w.listings[0].ID + "/9.jpg", "/img/" + w.listings[0].ID + "/..%2f..%2fgo.mod"} {
			resp, _ := mustGet(t, base+p)
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
			}
		}
	})
}

func TestParseWorld2ListingsErrors(t *testing.T) {
	good := `{"id":"1","title":"t","description":"","seller_id":"s","seller_name":"S","seller_ref":"identifier","price":1.00,"currency":"CNY","offers":"object","images":[{"src":"photos/a.jpg"}],"truth":{"flagged":false,"why":"w"}}`
	tests := []struct {
		name, data, field string
	}{
		{"not json", `{`, ""},
		{"unknown field", `[{"idd":"1"}]`, ""},
		{"bad id", `[` + strings.Replace(good, `"id":"1"`, `"id":"a/b"`, 1) + `]`, "[0].id"},
		{"repeated id", `[` + good + `,` + good + `]`, "[1].id"},
		{"flagged without category", `[` + strings.Replace(good, `"flagged":false`, `"flagged":true`, 1) + `]`, "[0].truth.category"},
		{"unknown category", `[` + strings.Replace(good, `"flagged":false`, `"flagged":true,"category":"fake"`, 1) + `]`, "[0].truth.category"},
		{"photo outside the world", `[` + strings.Replace(good, `photos/a.jpg`, `photos/../../go.mod`, 1) + `]`, "[0].images[0].src"},
		{"unknown edit", `[` + strings.Replace(good, `{"src":"photos/a.jpg"}`, `{"src":"photos/a.jpg","edits":["blur:3"]}`, 1) + `]`, "[0].images[0].edits[0]"},
		{"collage outside the world", `[` + strings.Replace(good, `{"src":"photos/a.jpg"}`, `{"src":"photos/a.jpg","edits":["collage:/etc/passwd"]}`, 1) + `]`, "[0].images[0].edits[0]"},
		{"bad currency", `[` + strings.Replace(good, `"CNY"`, `"XYZ"`, 1) + `]`, "[0].currency"},
		{"bad seller ref", `[` + strings.Replace(good, `"identifier"`, `"name"`, 1) + `]`, "[0].seller_ref"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseWorld2Listings("listings.json", []byte(tt.data))
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v, want a *shadowscan.FieldError", err)
			}
			if fe.File != "listings.json" || fe.Field != tt.field || fe.Accepted == "" {
				t.Errorf("error %+v, want file listings.json, field %q and what is accepted", fe, tt.field)
			}
		})
	}
	t.Run("good", func(t *testing.T) {
		ls, err := parseWorld2Listings("listings.json", []byte(`[`+good+`]`))
		if err != nil || len(ls) != 1 || ls[0].Price != 100 {
			t.Fatalf("got %+v, %v", ls, err)
		}
	})
}

func FuzzParseWorld2Listings(f *testing.F) {
	f.Add([]byte(`[{"id":"1","title":"t","seller_id":"s","seller_ref":"url","currency":"HKD","offers":"array","images":[{"src":"photos/a.jpg","edits":["rot:5","collage:photos/b.jpg"]}],"truth":{"flagged":true,"category":"counterfeit","why":"w"}}]`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`[{"id":"99999999999999999999999"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ls, err := parseWorld2Listings("f.json", data)
		if err != nil {
			return
		}
		for _, l := range ls {
			for _, im := range l.Images {
				if !validWorld2Src(im.Src) {
					t.Fatalf("accepted photo path %q", im.Src)
				}
			}
		}
	})
}

// FuzzWorld2Edits applies arbitrary edit lists that pass the listing check
// to a small photo: none may panic or produce an image over the size cap.
func FuzzWorld2Edits(f *testing.F) {
	f.Add("crop:18", "rot:-7")
	f.Add("canvas:¥29.9", "scale:16")
	f.Add("banner:HOT SALE", "rot270")
	f.Add("color:faded", "jpeg:1")
	mk := &world2Market{}
	src := toRGBA(image64())
	f.Fuzz(func(t *testing.T, a, b string) {
		edits := []string{a, b}
		for _, e := range edits {
			if !world2EditPattern.MatchString(e) || strings.HasPrefix(e, "collage:") {
				return
			}
		}
		img, q, err := mk.applyEdits(src, edits, 7)
		if err != nil {
			return
		}
		if q < 1 || q > 100 || img.Bounds().Dx() > world2MaxSide || img.Bounds().Dy() > world2MaxSide || img.Bounds().Empty() {
			t.Fatalf("edits %q gave %v at quality %d", edits, img.Bounds(), q)
		}
	})
}

// TestWorld2Evaluate crawls the whole world with the real crawler and
// matcher, checks every labelled listing was reached, and logs the
// figures (which are the matcher's, not asserted here).
func TestWorld2Evaluate(t *testing.T) {
	if !*world2Full {
		t.Skip("crawls the whole world; run with -args -world2.full")
	}
	w := MustWorld2(t)
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	outs, err := evaluateWorld2(ctx, set, w.dir, fetcher{})
	if err != nil {
		t.Fatal(err)
	}
	r := score(outs)
	if r.unseen != 0 {
		t.Errorf("%d of %d labelled listings not reached by the crawl", r.unseen, r.n)
	}
	var buf bytes.Buffer
	r.print(&buf, "second world ("+world2Site+")")
	t.Logf("crawled and matched in %v\n%s", time.Since(start).Round(time.Millisecond), buf.String())
}

// TestWorld2Regenerates runs gen.go into a temporary directory and checks
// that the committed listings and catalogue files are what it writes.
func TestWorld2Regenerates(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run")
	}
	w := MustWorld2(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out := t.TempDir()
	cmd := exec.Command(goBin, "run", filepath.Join(w.dir, "gen.go"), "-dir", out)
	cmd.Dir = filepath.Dir(filepath.Dir(w.dir))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, msg)
	}
	for _, name := range []string{"listings.json", "catalog/bloom.yaml", "catalog/vitalis.yaml", "catalog/clearwell.csv"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(w.dir, name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("gen.go writes a different %s: run `go run testdata/world2/gen.go` and commit", name)
			}
		})
	}
}

// image64 is a small test photo with structure for the edits to move.
func image64() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 64; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(x * 4), uint8(y * 5), uint8((x ^ y) * 4), 255})
		}
	}
	return img
}
