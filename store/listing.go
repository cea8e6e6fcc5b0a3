package store

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// Listing returns the latest state of a listing, or ENOTFOUND.
func (db *DB) Listing(ctx context.Context, site, id string) (*ListingRecord, error) {
	return getOne[ListingRecord](ctx, db, bucketListings, listingKey(site, id), listingRecordV, "listing "+shadowscan.ListingKey(site, id))
}

// ListingHistory returns a listing's changes, oldest first: the first
// observation, then one entry for each change of title, price, seller,
// photos or removed state. It returns ENOTFOUND for an unknown listing.
func (db *DB) ListingHistory(ctx context.Context, site, id string) ([]ListingChange, error) {
	return listChildren[ListingChange](ctx, db, bucketListingHistory, site, id, listingChangeV, "history")
}

// Captures returns the metadata of a listing's captures in the order they
// were stored; Body is empty, read the bytes with Blob(BodySHA256). It
// returns ENOTFOUND for an unknown listing.
func (db *DB) Captures(ctx context.Context, site, id string) ([]shadowscan.Capture, error) {
	return listChildren[shadowscan.Capture](ctx, db, bucketCaptures, site, id, captureV, "capture")
}

func listChildren[T any](ctx context.Context, db *DB, name []byte, site, id string, latest int, what string) ([]T, error) {
	out := []T{}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		listings, err := bucket(tx, bucketListings)
		if err != nil {
			return err
		}
		if listings.Get(listingKey(site, id)) == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "listing %s is not in the store", shadowscan.ListingKey(site, id))
		}
		b, err := bucket(tx, name)
		if err != nil {
			return err
		}
		prefix := childPrefix(site, id)
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			x, err := decodeValue[T](v, latest, what)
			if err != nil {
				return err
			}
			out = append(out, x)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", shadowscan.ListingKey(site, id), err)
	}
	return out, nil
}

// EachListing calls fn with every listing in the store, flagged or not, in
// key order; site, when not empty, keeps one site's listings. The record
// is fn's to keep. An error from fn stops the walk and is returned.
func (db *DB) EachListing(ctx context.Context, site string, fn func(*ListingRecord) error) error {
	return db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketListings)
		if err != nil {
			return err
		}
		var prefix []byte
		if site != "" {
			prefix = []byte(site + "/")
		}
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			rec, err := decodeValue[ListingRecord](v, listingRecordV, "listing "+string(k))
			if err != nil {
				return err
			}
			if err := fn(&rec); err != nil {
				return err
			}
		}
		return nil
	})
}

// ListingPrice is the price of one stored listing and the catalogue
// product the matcher linked it to at its latest observation.
type ListingPrice struct {
	SKU      string
	Currency string
	Price    shadowscan.Amount
	// ScanID is the scan that saw the listing last.
	ScanID uint64
}

// priceRecord is the part of a ListingRecord EachListingPrice reads;
// decoding only it skips the rest of each record.
type priceRecord struct {
	Listing struct {
		Price    shadowscan.Amount `json:"price"`
		HasPrice bool              `json:"has_price"`
		Currency string            `json:"currency"`
		Removed  bool              `json:"removed"`
	} `json:"listing"`
	Verdict *struct {
		SKU     string `json:"sku"`
		Removed bool   `json:"removed"`
	} `json:"verdict"`
	ScanID uint64 `json:"scan_id"`
}

// EachListingPrice calls fn with the price of every stored listing that is
// linked to a catalogue product, has a price and is not removed: what
// earlier scans saw each product sell for, for the matcher's market
// statistics. It keeps no listing, and walks in read transactions of
// DB.priceChunk records, so that on a big store it never holds one read
// transaction long enough to stall a writer that must grow the file; fn
// must not call the store.
func (db *DB) EachListingPrice(ctx context.Context, fn func(ListingPrice)) error {
	var after []byte
	for {
		next, err := db.listingPrices(ctx, after, fn)
		if err != nil {
			return fmt.Errorf("read listing prices: %w", err)
		}
		if next == nil {
			return nil
		}
		after = next
	}
}

// defaultPriceWalkChunk is how many listings one read transaction of
// EachListingPrice decodes (about 40 ms of work); tests set
// DB.priceWalkChunk lower.
const defaultPriceWalkChunk = 4096

// priceChunk is DB.priceWalkChunk, or the default when unset.
func (db *DB) priceChunk() int {
	if db.priceWalkChunk > 0 {
		return db.priceWalkChunk
	}
	return defaultPriceWalkChunk
}

// listingPrices reads up to DB.priceChunk listings after the key after
// (from the first when nil) and returns the last key read, or nil at the
// end.
func (db *DB) listingPrices(ctx context.Context, after []byte, fn func(ListingPrice)) ([]byte, error) {
	var last []byte
	chunk := db.priceChunk()
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketListings)
		if err != nil {
			return err
		}
		c := b.Cursor()
		k, v := c.First()
		if after != nil {
			if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
				k, v = c.Next()
			}
		}
		for n := 0; k != nil; k, v = c.Next() {
			if n++; n > chunk {
				last = bytes.Clone(after)
				return nil
			}
			after = k
			rec, err := decodeValue[priceRecord](v, listingRecordV, "listing")
			if err != nil {
				return fmt.Errorf("listing %s: %w", k, err)
			}
			l, vd := &rec.Listing, rec.Verdict
			if vd != nil && vd.SKU != "" && !vd.Removed && !l.Removed && l.HasPrice && l.Price > 0 {
				fn(ListingPrice{SKU: vd.SKU, Currency: l.Currency, Price: l.Price, ScanID: rec.ScanID})
			}
		}
		return nil
	})
	return last, err
}

// sellerRecord is the part of a ListingRecord SellerListings reads to
// find a shop's listings; decoding only it skips the rest of each record.
type sellerRecord struct {
	Listing struct {
		SellerID string `json:"seller_id"`
	} `json:"listing"`
}

// SellerListings returns up to limit listings of one shop (seller id on
// site), flagged or not, most recently seen first, and how many the shop
// has in all. It reads each of the site's listing records' seller id and
// decodes only the shop's. EINVALID for an empty site or seller id or a
// limit under 1.
func (db *DB) SellerListings(ctx context.Context, site, sellerID string, limit int) ([]ListingRecord, int, error) {
	if site == "" || sellerID == "" || limit < 1 {
		return nil, 0, shadowscan.Errorf(shadowscan.EINVALID, "seller listings need a site, a seller id and a limit of 1 or more (got %q, %q, %d)", site, sellerID, limit)
	}
	var out []ListingRecord
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketListings)
		if err != nil {
			return err
		}
		prefix := []byte(site + "/")
		c := b.Cursor()
		n := 0
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			sr, err := decodeValue[sellerRecord](v, listingRecordV, "listing")
			if err != nil {
				return fmt.Errorf("listing %s: %w", k, err)
			}
			if sr.Listing.SellerID != sellerID {
				continue
			}
			rec, err := decodeValue[ListingRecord](v, listingRecordV, "listing "+string(k))
			if err != nil {
				return err
			}
			out = append(out, rec)
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("listings of seller %s: %w", shadowscan.ShopKey(site, sellerID), err)
	}
	slices.SortStableFunc(out, func(a, b ListingRecord) int { return b.LastSeen.Compare(a.LastSeen) })
	total := len(out)
	return out[:min(limit, total)], total, nil
}
