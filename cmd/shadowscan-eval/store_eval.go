package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// labelled is what a world says one listing page should get.
type labelled struct {
	site  string // the site rule's name; empty when the world has one site
	path  string // the listing's URL path and query, host left out
	title string
	truth demo.Truth
}

// storeRun is what a crawl through a real store kept: how many listings it
// stored and how many times two listings showed one id.
type storeRun struct {
	stored, conflicts int
}

// storeOutcomes crawls each site at its base URL with the catalogue's
// default queries, matches every listing and records it in a real store
// file in batches, as a scan does; then it reads every stored listing back
// and joins it with the labels by URL. Unlike crawlVerdicts, which keys by
// the id the crawler extracted, this sees what a user would: a listing
// that another overwrote, or that the store lost, counts as not reached.
func storeOutcomes(ctx context.Context, f fetcher, world string, sites []*rules.Site, bases []string, cat *shadowscan.Catalog, det *rules.Detection, labels []labelled) ([]outcome, storeRun, error) {
	var run storeRun
	dir, err := os.MkdirTemp("", "shadowscan-eval-")
	if err != nil {
		return nil, run, err
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "eval.db"))
	if err != nil {
		return nil, run, err
	}
	defer db.Close()
	if _, err := db.SaveCatalog(ctx, cat, nil); err != nil {
		return nil, run, err
	}
	m, err := matcher.New(cat, det)
	if err != nil {
		return nil, run, err
	}
	for i, site := range sites {
		n, err := recordSite(ctx, f, world, db, m, site, bases[i], cat.SearchQueries())
		run.conflicts += n
		if err != nil {
			return nil, run, fmt.Errorf("crawl %s: %w", site.Name, err)
		}
	}
	recs, err := readStored(ctx, db)
	if err != nil {
		return nil, run, err
	}
	run.stored = len(recs)
	return joinStored(labels, recs), run, nil
}

// recordSite crawls one site at base (or replays a crawl: f), matches
// every listing and records it through the store's Writer, in batches, as
// a scan does. It returns how many listings showed an id another listing
// had.
func recordSite(ctx context.Context, f fetcher, world string, db *store.DB, m *matcher.Matcher, site *rules.Site, base string, queries []string) (conflicts int, err error) {
	w := db.NewWriter(store.OnCommit(func(cm store.Commit) {
		for _, o := range cm.Outcomes {
			if o.Conflict != "" {
				conflicts++ // the writer's goroutine; read after Close
			}
		}
	}))
	err = f.each(ctx, world, site, base, queries, func(ctx context.Context, l *shadowscan.Listing) error {
		return w.Add(ctx, store.Observation{ScanID: 1, Listing: *l, Verdict: m.Match(l)})
	}, scanPhotos(m))
	if cerr := w.Close(ctx); cerr != nil {
		err = cerr
	}
	return conflicts, err
}

// storedListing is a stored listing with its hit, if it has one.
type storedListing struct {
	rec *store.ListingRecord
	hit *shadowscan.Hit
}

// readStored reads every stored listing back with its hit.
func readStored(ctx context.Context, db *store.DB) ([]storedListing, error) {
	var recs []storedListing
	err := db.EachListing(ctx, "", func(r *store.ListingRecord) error {
		recs = append(recs, storedListing{rec: r})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range recs {
		if id := recs[i].rec.HitID; id != 0 {
			if recs[i].hit, err = db.Hit(ctx, id); err != nil {
				return nil, err
			}
		}
	}
	return recs, nil
}

// joinStored finds each labelled listing among the stored ones by site and
// URL; one not found was not reached.
func joinStored(labels []labelled, recs []storedListing) []outcome {
	outs := make([]outcome, 0, len(labels))
	for _, lb := range labels {
		o := outcome{id: lb.path, title: lb.title, truth: lb.truth}
		for _, s := range recs {
			if lb.site != "" && lb.site != s.rec.Listing.Site || !store.SameListingURL("http://x"+lb.path, s.rec.Listing.URL) {
				continue
			}
			o.seen = true
			if o.title == "" {
				o.title = s.rec.Listing.Title
			}
			if v := s.rec.Verdict; v != nil {
				o.verdict = shadowscan.Verdict{BrandID: v.BrandID, SKU: v.SKU, Score: v.Score, Category: v.Category, Flagged: v.Flagged}
			}
			if s.hit != nil && o.verdict.Flagged {
				o.verdict.Reasons = s.hit.Reasons
			}
			break
		}
		outs = append(outs, o)
	}
	return outs
}
