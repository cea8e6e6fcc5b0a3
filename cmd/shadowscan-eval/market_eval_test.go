package main

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
)

// TestMarketRescanKeepsFigures scores each labelled world twice, as two
// scans of one store would: first with no market (a fresh store), then
// again with the market that first scan leaves (every linked, priced
// listing's price, as shadowscan scan reads it from the store). The
// market-outlier signal adds points to listings far under what the
// market saw; with the default detection rules it must not cost
// precision or recall. Run with -v for the figures:
//
//	go test -run TestMarketRescanKeepsFigures -v ./cmd/shadowscan-eval
func TestMarketRescanKeepsFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the labelled worlds; run without -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("demo world", func(t *testing.T) {
		m := demo.NewMarket()
		base, err := m.Start("127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = m.Close() })
		cat := &shadowscan.Catalog{}
		for _, name := range demo.CatalogFiles() {
			f, err := catalog.Load(ctx, demo.CatalogFS(), name)
			if err != nil {
				t.Fatal(err)
			}
			cat.Brands = append(cat.Brands, f.Catalog.Brands...)
			cat.Products = append(cat.Products, f.Catalog.Products...)
		}
		site, err := set.Site(demo.SiteName)
		if err != nil {
			t.Fatal(err)
		}
		truth := map[string]demo.Truth{}
		for _, l := range demo.Listings() {
			truth[l.ID] = l.Truth
		}
		checkMarketRescan(ctx, t, site, base, cat, set.Detection, truth)
	})
	t.Run("second world", func(t *testing.T) {
		dir, err := findWorld2Dir()
		if err != nil {
			t.Fatal(err)
		}
		files, siteYAML, listings, err := loadWorld2(dir)
		if err != nil {
			t.Fatal(err)
		}
		cat := &shadowscan.Catalog{}
		for _, name := range files {
			f, err := catalog.LoadPath(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			cat.Brands = append(cat.Brands, f.Catalog.Brands...)
			cat.Products = append(cat.Products, f.Catalog.Products...)
		}
		site, err := rules.ParseSite(filepath.Join(dir, "site.yaml"), siteYAML)
		if err != nil {
			t.Fatal(err)
		}
		base, stop, err := serveWorld2(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		truth := map[string]demo.Truth{}
		for i := range listings {
			truth[listings[i].ID] = listings[i].truth()
		}
		checkMarketRescan(ctx, t, site, base, cat, set.Detection, truth)
	})
}

// checkMarketRescan crawls one world, matches every listing without and
// then with the market of the first pass, and compares the scores.
func checkMarketRescan(ctx context.Context, t *testing.T, site *rules.Site, base string, cat *shadowscan.Catalog, det *rules.Detection, truth map[string]demo.Truth) {
	t.Helper()
	c, err := crawler.New(site, crawler.WithBaseURL(base))
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu       sync.Mutex
		listings []shadowscan.Listing
	)
	if _, err := c.Run(ctx, cat.SearchQueries(), func(_ context.Context, p *crawler.Page) error {
		mu.Lock()
		defer mu.Unlock()
		listings = append(listings, p.Listing)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	plain, err := matcher.New(cat, det)
	if err != nil {
		t.Fatal(err)
	}
	first := make([]shadowscan.Verdict, len(listings))
	mk := matcher.NewMarket()
	for i := range listings {
		l := &listings[i]
		first[i] = plain.Match(l)
		// What store.EachListingPrice hands the next scan.
		if first[i].SKU != "" && l.HasPrice && l.Price > 0 && !l.Removed {
			mk.Observe(first[i].SKU, l.Currency, l.Price)
		}
	}
	withMarket, err := matcher.New(cat, det, matcher.WithMarket(mk))
	if err != nil {
		t.Fatal(err)
	}
	var before, after []outcome
	reasons, changed := 0, 0
	for i := range listings {
		l := &listings[i]
		tr, ok := truth[l.ID]
		if !ok {
			continue
		}
		v := withMarket.Match(l)
		for _, r := range v.Reasons {
			if r.Signal == "market" && r.Points > 0 {
				reasons++
			}
		}
		if v.Flagged != first[i].Flagged || v.Category != first[i].Category {
			changed++
			t.Logf("%s %q: flagged %v %s -> %v %s", l.ID, l.Title, first[i].Flagged, first[i].Category, v.Flagged, v.Category)
		}
		before = append(before, outcome{id: l.ID, title: l.Title, truth: tr, verdict: first[i], seen: true})
		after = append(after, outcome{id: l.ID, title: l.Title, truth: tr, verdict: v, seen: true})
	}
	a, b := score(before), score(after)
	t.Logf("%d listings; the market reason added points to %d; %d verdicts changed; precision %.3f -> %.3f, recall %.3f -> %.3f, right category %d -> %d",
		len(after), reasons, changed, a.flagged.precision(), b.flagged.precision(), a.flagged.recall(), b.flagged.recall(), a.rightCategory, b.rightCategory)
	if reasons == 0 {
		t.Error("no listing got the market reason: the rescan did not exercise the signal")
	}
	if !(b.flagged.precision() >= a.flagged.precision()) || !(b.flagged.recall() >= a.flagged.recall()) || b.rightCategory < a.rightCategory {
		t.Errorf("the market made it worse: %+v -> %+v, right category %d -> %d", a.flagged, b.flagged, a.rightCategory, b.rightCategory)
	}
}
