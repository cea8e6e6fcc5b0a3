package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// ImportStats counts what SaveCatalog changed.
type ImportStats struct {
	BrandsAdded       int `json:"brands_added"`
	BrandsUpdated     int `json:"brands_updated"`
	BrandsUnchanged   int `json:"brands_unchanged"`
	ProductsAdded     int `json:"products_added"`
	ProductsUpdated   int `json:"products_updated"`
	ProductsUnchanged int `json:"products_unchanged"`
	ProductsRemoved   int `json:"products_removed,omitempty"`
}

// SaveOption changes what SaveCatalog does.
type SaveOption func(*saveOptions)

type saveOptions struct {
	remove []string
}

// WithRemovedProducts makes SaveCatalog delete the products with these
// SKUs in the same transaction, for a re-import that replaces a brand's
// catalogue. Each must belong to a brand of the saved catalogue; a SKU that
// is not stored is skipped.
func WithRemovedProducts(skus ...string) SaveOption {
	return func(o *saveOptions) { o.remove = append(o.remove, skus...) }
}

// SaveCatalog upserts the catalogue's brands by ID and products by SKU, and
// stores photos (SHA-256 hex -> bytes) as blobs, all in one transaction.
// Importing the same catalogue again changes nothing; an edited one updates
// in place and never duplicates. Brands and products not in cat are kept,
// unless WithRemovedProducts names them.
//
// It returns a *shadowscan.FieldError (code EINVALID) for an invalid brand
// or product or a photo whose bytes do not match its name, and ECONFLICT
// when a SKU is already stored under another brand or a product to remove
// belongs to a brand cat does not hold (or is also in cat).
func (db *DB) SaveCatalog(ctx context.Context, cat *shadowscan.Catalog, photos map[string][]byte, opts ...SaveOption) (ImportStats, error) {
	var stats ImportStats
	if cat == nil {
		return stats, shadowscan.Errorf(shadowscan.EINVALID, "catalogue is nil")
	}
	var o saveOptions
	for _, opt := range opts {
		opt(&o)
	}
	inCat, skus, err := checkCatalog(cat)
	if err != nil {
		return stats, err
	}
	blobs, err := encodePhotos(photos)
	if err != nil {
		return stats, err
	}
	err = db.update(ctx, func(tx *bbolt.Tx) error {
		stats = ImportStats{}
		brands, err := bucket(tx, bucketBrands)
		if err != nil {
			return err
		}
		products, err := bucket(tx, bucketProducts)
		if err != nil {
			return err
		}
		if err := saveBrands(brands, cat.Brands, &stats); err != nil {
			return err
		}
		if err := saveProducts(brands, products, cat.Products, inCat, &stats); err != nil {
			return err
		}
		for _, b := range blobs {
			if err := putBlob(tx, b); err != nil {
				return err
			}
		}
		n, err := removeProducts(products, o.remove, inCat, skus)
		stats.ProductsRemoved = n
		return err
	})
	if err != nil {
		return ImportStats{}, fmt.Errorf("save catalogue: %w", err)
	}
	return stats, nil
}

// checkCatalog validates every brand and product and returns the brand
// ids and SKUs of cat; each must appear once.
func checkCatalog(cat *shadowscan.Catalog) (inCat, skus map[string]bool, err error) {
	inCat = make(map[string]bool, len(cat.Brands))
	for i := range cat.Brands {
		b := &cat.Brands[i]
		if err := b.Validate(); err != nil {
			return nil, nil, fmt.Errorf("brand %d: %w", i+1, err)
		}
		if inCat[b.ID] {
			return nil, nil, &shadowscan.FieldError{Field: "brand.id", Msg: fmt.Sprintf("%q appears twice", b.ID), Accepted: "each brand once"}
		}
		inCat[b.ID] = true
	}
	skus = make(map[string]bool, len(cat.Products))
	for i := range cat.Products {
		p := &cat.Products[i]
		if err := p.Validate(); err != nil {
			return nil, nil, fmt.Errorf("product %d (%s): %w", i+1, p.SKU, err)
		}
		if skus[p.SKU] {
			return nil, nil, &shadowscan.FieldError{Field: "sku", Msg: fmt.Sprintf("%q appears twice", p.SKU), Accepted: "each SKU once"}
		}
		skus[p.SKU] = true
	}
	return inCat, skus, nil
}

// encodePhotos checks that each photo is keyed by the SHA-256 of its
// bytes and encodes it as a blob, in key order, before the transaction.
func encodePhotos(photos map[string][]byte) ([]encodedBlob, error) {
	blobs := make([]encodedBlob, 0, len(photos))
	names := make([]string, 0, len(photos))
	for sha := range photos {
		names = append(names, sha)
	}
	sort.Strings(names)
	for _, sha := range names {
		sum := sha256.Sum256(photos[sha])
		if got := hex.EncodeToString(sum[:]); got != sha {
			return nil, &shadowscan.FieldError{Field: "photo " + sha, Msg: "bytes hash to " + got, Accepted: "photos keyed by the SHA-256 hex of their bytes"}
		}
		b, err := encodeBlob(photos[sha])
		if err != nil {
			return nil, fmt.Errorf("photo %s: %w", sha, err)
		}
		blobs = append(blobs, b)
	}
	return blobs, nil
}

// saveBrands upserts the brands by id, counting them in stats.
func saveBrands(brands *bbolt.Bucket, list []shadowscan.Brand, stats *ImportStats) error {
	for i := range list {
		b := &list[i]
		v, err := encodeValue(brandV, b)
		if err != nil {
			return err
		}
		switch old := brands.Get([]byte(b.ID)); {
		case old == nil:
			stats.BrandsAdded++
		case bytes.Equal(old, v):
			stats.BrandsUnchanged++
			continue
		default:
			stats.BrandsUpdated++
		}
		if err := brands.Put([]byte(b.ID), v); err != nil {
			return fmt.Errorf("save brand %s: %w", b.ID, err)
		}
	}
	return nil
}

// saveProducts upserts the products by SKU, counting them in stats. A
// product's brand must be in the catalogue (inCat) or already stored, and
// a stored SKU keeps its brand.
func saveProducts(brands, products *bbolt.Bucket, list []shadowscan.Product, inCat map[string]bool, stats *ImportStats) error {
	for i := range list {
		p := &list[i]
		if !inCat[p.BrandID] && brands.Get([]byte(p.BrandID)) == nil {
			return &shadowscan.FieldError{Field: "product " + p.SKU + " brand", Msg: fmt.Sprintf("%q is not a known brand", p.BrandID), Accepted: "the id of a brand in this catalogue or already imported"}
		}
		v, err := encodeValue(productV, p)
		if err != nil {
			return err
		}
		old := products.Get([]byte(p.SKU))
		switch {
		case old == nil:
			stats.ProductsAdded++
		case bytes.Equal(old, v):
			stats.ProductsUnchanged++
			continue
		default:
			prev, err := decodeValue[shadowscan.Product](old, productV, "product "+p.SKU)
			if err != nil {
				return err
			}
			if prev.BrandID != p.BrandID {
				return shadowscan.Errorf(shadowscan.ECONFLICT, "product %s is stored under brand %s; the catalogue gives brand %s: SKUs are unique in a store", p.SKU, prev.BrandID, p.BrandID)
			}
			stats.ProductsUpdated++
		}
		if err := products.Put([]byte(p.SKU), v); err != nil {
			return fmt.Errorf("save product %s: %w", p.SKU, err)
		}
	}
	return nil
}

// removeProducts deletes the products skus of the brands in inCat, and
// refuses one of another brand or one the catalogue also saves.
func removeProducts(products *bbolt.Bucket, skus []string, inCat, saved map[string]bool) (int, error) {
	n := 0
	for _, sku := range skus {
		if saved[sku] {
			return n, shadowscan.Errorf(shadowscan.ECONFLICT, "product %s is both saved and removed", sku)
		}
		old := products.Get([]byte(sku))
		if old == nil {
			continue
		}
		prev, err := decodeValue[shadowscan.Product](old, productV, "product "+sku)
		if err != nil {
			return n, err
		}
		if !inCat[prev.BrandID] {
			return n, shadowscan.Errorf(shadowscan.ECONFLICT, "product %s is of brand %s, which this import does not hold: only a brand's own products are removed with it", sku, prev.BrandID)
		}
		if err := products.Delete([]byte(sku)); err != nil {
			return n, fmt.Errorf("remove product %s: %w", sku, err)
		}
		n++
	}
	return n, nil
}

// Catalog returns every brand sorted by ID and every product sorted by
// brand, then SKU.
func (db *DB) Catalog(ctx context.Context) (*shadowscan.Catalog, error) {
	cat := &shadowscan.Catalog{Brands: []shadowscan.Brand{}, Products: []shadowscan.Product{}}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		brands, err := bucket(tx, bucketBrands)
		if err != nil {
			return err
		}
		products, err := bucket(tx, bucketProducts)
		if err != nil {
			return err
		}
		if err := brands.ForEach(func(k, v []byte) error {
			b, err := decodeValue[shadowscan.Brand](v, brandV, "brand "+string(k))
			cat.Brands = append(cat.Brands, b)
			return err
		}); err != nil {
			return err
		}
		return products.ForEach(func(k, v []byte) error {
			p, err := decodeValue[shadowscan.Product](v, productV, "product "+string(k))
			cat.Products = append(cat.Products, p)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read catalogue: %w", err)
	}
	// Brands come out of bbolt sorted by ID already; products by SKU.
	sort.SliceStable(cat.Products, func(i, j int) bool {
		a, b := &cat.Products[i], &cat.Products[j]
		if a.BrandID != b.BrandID {
			return a.BrandID < b.BrandID
		}
		return a.SKU < b.SKU
	})
	return cat, nil
}

// Brand returns the brand with the given ID, or ENOTFOUND.
func (db *DB) Brand(ctx context.Context, id string) (*shadowscan.Brand, error) {
	return getOne[shadowscan.Brand](ctx, db, bucketBrands, []byte(id), brandV, "brand "+id)
}

// Product returns the product with the given SKU, or ENOTFOUND.
func (db *DB) Product(ctx context.Context, sku string) (*shadowscan.Product, error) {
	return getOne[shadowscan.Product](ctx, db, bucketProducts, []byte(sku), productV, "product "+sku)
}

// getOne reads and decodes one value, or returns ENOTFOUND naming what.
func getOne[T any](ctx context.Context, db *DB, name, key []byte, latest int, what string) (*T, error) {
	var out T
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, name)
		if err != nil {
			return err
		}
		v := b.Get(key)
		if v == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "%s is not in the store", what)
		}
		out, err = decodeValue[T](v, latest, what)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}
