package store

import (
	"bytes"
	"context"
	"fmt"

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
