package main

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/rules"
)

// TestStoreOutcomesAgreeOnTheDemo scores the demo world through a real
// store and checks it agrees with scoring by extracted id: on a world
// whose ids are right, the store must lose nothing.
func TestStoreOutcomesAgreeOnTheDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo world twice; run without -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	byID, err := evaluateDemo(ctx, set, fetcher{})
	if err != nil {
		t.Fatal(err)
	}
	market := demo.NewMarket()
	base, err := market.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = market.Close() })
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
	var labels []labelled
	for _, l := range demo.Listings() {
		labels = append(labels, labelled{path: "/item/" + url.PathEscape(l.ID), title: l.Title, truth: l.Truth})
	}
	outs, run, err := storeOutcomes(ctx, fetcher{}, "demo", []*rules.Site{site}, []string{base}, cat, set.Detection, labels)
	if err != nil {
		t.Fatal(err)
	}
	a, b := score(byID), score(outs)
	if b.unseen != 0 || run.conflicts != 0 || run.stored < len(labels) {
		t.Errorf("through the store: %d unseen, %d conflicts, %d stored for %d labels", b.unseen, run.conflicts, run.stored, len(labels))
	}
	if a.flagged != b.flagged || a.rightCategory != b.rightCategory {
		t.Errorf("by id %+v (%d right category), through the store %+v (%d)", a.flagged, a.rightCategory, b.flagged, b.rightCategory)
	}
}
