// Package storetest reads a store as tests of several packages compare
// it: two scans of the same marketplace (in one process and on workers,
// killed and resumed, ...) must store the same listings and hits.
package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// Contents returns the keys of db's listings of site (every site's for
// "") and its hits as "listing brand/sku category score", each sorted.
func Contents(tb testing.TB, db *store.DB, site string) (listings, hits []string) {
	tb.Helper()
	ctx := context.Background()
	err := db.EachListing(ctx, site, func(r *store.ListingRecord) error {
		listings = append(listings, r.Listing.Key())
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	hs, err := db.Hits(ctx, shadowscan.HitFilter{Site: site})
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range hs {
		hits = append(hits, fmt.Sprintf("%s %s/%s %s %d", h.Listing.Key(), h.BrandID, h.SKU, h.Category, h.Score))
	}
	slices.Sort(listings)
	slices.Sort(hits)
	return listings, hits
}
