package scan

import (
	"context"
	"fmt"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/network"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// Networks links the shops of every listing in the store into seller
// networks (package network) by det's network rules, with each shop's
// confirmed-or-later hits counted from the status index. It walks every
// stored listing once, keeping only what links them, and reads the
// catalogue for the official photos and shops.
func Networks(ctx context.Context, db *store.DB, det *rules.Detection) ([]shadowscan.Network, error) {
	cat, err := db.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	confirmed, err := db.ConfirmedBySeller(ctx)
	if err != nil {
		return nil, err
	}
	return networks(ctx, db, det, cat, confirmed, nil)
}

// networks links the stored listings' shops; also, when not nil, is
// handed every stored listing on the same walk.
func networks(ctx context.Context, db *store.DB, det *rules.Detection, cat *shadowscan.Catalog, confirmed map[store.SellerKey]int, also func(*shadowscan.Listing)) ([]shadowscan.Network, error) {
	b := network.NewBuilder(det, cat)
	err := db.EachListing(ctx, "", func(r *store.ListingRecord) error {
		rec := network.Record{Listing: &r.Listing, HitID: r.HitID}
		if r.Verdict != nil {
			rec.SKU = r.Verdict.SKU
		}
		b.Add(rec)
		if also != nil {
			also(&r.Listing)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("link sellers into networks: %w", err)
	}
	return b.Build(func(site, id string) int { return confirmed[store.SellerKey{Site: site, SellerID: id}] }), nil
}

// Network returns the network with the given id, or ENOTFOUND.
func Network(ctx context.Context, db *store.DB, det *rules.Detection, id string) (*shadowscan.Network, error) {
	nets, err := Networks(ctx, db, det)
	if err != nil {
		return nil, err
	}
	for i := range nets {
		if nets[i].ID == id {
			return &nets[i], nil
		}
	}
	return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "no seller network %q in the store: `shadowscan networks list` names them", id)
}

// networkReasons returns the matcher option that raises every shop in a
// network with a shop that has confirmed hits (network.Reasons), computed
// once at scan start from the stored catalogue cat and the confirmed hits
// by seller the scan has read already. The same walk counts for relister
// r (which may be nil) the shops that show its hits' photos. Without any
// confirmed hit in the store no network can raise anyone, and the
// listings are walked only for r.
func networkReasons(ctx context.Context, db *store.DB, det *rules.Detection, cat *shadowscan.Catalog, confirmed map[store.SellerKey]int, r *network.Relister) (matcher.Option, error) {
	var count func(*shadowscan.Listing)
	if r != nil && r.Len() > 0 {
		count = r.CountShops
	}
	reasons := map[string]string{}
	switch {
	case len(confirmed) > 0:
		nets, err := networks(ctx, db, det, cat, confirmed, count)
		if err != nil {
			return nil, err
		}
		reasons = network.Reasons(nets)
	case count != nil:
		if err := countPhotoShops(ctx, db, r); err != nil {
			return nil, err
		}
	}
	return matcher.WithNetwork(func(site, sellerID string) string {
		return reasons[shadowscan.ShopKey(site, sellerID)]
	}), nil
}

// relister loads the reported and removed hits into a network.Relister
// that knows the official photos and shops of the stored catalogue cat.
// The shops that show their photos are still to count (CountShops).
func relister(ctx context.Context, db *store.DB, det *rules.Detection, cat *shadowscan.Catalog) (*network.Relister, error) {
	r := network.NewRelister(det, cat)
	for _, st := range shadowscan.TakedownStatuses {
		hits, err := db.Hits(ctx, shadowscan.HitFilter{Status: st})
		if err != nil {
			return nil, fmt.Errorf("load %s hits for relists: %w", st, err)
		}
		for i := range hits {
			r.Add(&hits[i])
		}
	}
	return r, nil
}

// countPhotoShops hands r every stored listing to count the shops that
// show its hits' photos.
func countPhotoShops(ctx context.Context, db *store.DB, r *network.Relister) error {
	err := db.EachListing(ctx, "", func(rec *store.ListingRecord) error {
		r.CountShops(&rec.Listing)
		return nil
	})
	if err != nil {
		return fmt.Errorf("count the shops showing hits' photos for relists: %w", err)
	}
	return nil
}

// relists returns the matcher option that flags relists of the reported
// and removed hits relister r loaded at scan start, once their photos'
// shops are counted. The scan that finds a listing gone may flag its
// relist too: the hit is reported by then, and reported hits count.
func relists(ctx context.Context, db *store.DB, r *network.Relister) matcher.Option {
	if r.Len() == 0 {
		return matcher.WithRelist(nil)
	}
	return matcher.WithRelist(func(l *shadowscan.Listing, sku string) (uint64, string) {
		// The store is read only for a listing whose product fits a hit's.
		return r.Match(l, sku, func() time.Time { return firstSeen(ctx, db, l) })
	})
}

// firstSeen is when the store first saw l, zero when it never did (or
// cannot say).
func firstSeen(ctx context.Context, db *store.DB, l *shadowscan.Listing) time.Time {
	rec, err := db.Listing(ctx, l.Site, l.ID)
	if err != nil {
		return time.Time{}
	}
	return rec.FirstSeen
}

// RelistsOf returns the hits that are relists of hit id: the stored
// listings with a hit, other than id's own, that the Relister matches to
// it as a scan would. It walks every stored listing twice: to count the
// shops that show the hit's photos, then to match.
func RelistsOf(ctx context.Context, db *store.DB, det *rules.Detection, id uint64) ([]uint64, error) {
	h, err := db.Hit(ctx, id)
	if err != nil {
		return nil, err
	}
	cat, err := db.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	r := network.NewRelister(det, cat)
	r.Add(h)
	if r.Len() == 0 {
		return nil, nil // not reported or taken down: nothing can relist it
	}
	if err := countPhotoShops(ctx, db, r); err != nil {
		return nil, err
	}
	var out []uint64
	err = db.EachListing(ctx, "", func(rec *store.ListingRecord) error {
		if rec.HitID != 0 && rec.HitID != id {
			sku := ""
			if rec.Verdict != nil {
				sku = rec.Verdict.SKU
			}
			if old, _ := r.Match(&rec.Listing, sku, func() time.Time { return rec.FirstSeen }); old == id {
				out = append(out, rec.HitID)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find relists of hit %d: %w", id, err)
	}
	return out, nil
}
