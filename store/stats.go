package store

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// HitCounts counts hits along each dimension the dashboard shows.
type HitCounts struct {
	Total      int                         `json:"total"`
	ByStatus   map[shadowscan.Status]int   `json:"by_status"`
	ByCategory map[shadowscan.Category]int `json:"by_category"`
	ByBrand    map[string]int              `json:"by_brand"`
	BySite     map[string]int              `json:"by_site"`
	// BySeller is keyed "site/seller_id", for finding repeat offenders.
	BySeller map[string]int `json:"by_seller"`
}

// HitCounts counts every hit by status, category, brand, site and seller.
// It reads only the status index, never a hit, so it stays cheap on large
// stores; its memory grows with the number of distinct sellers.
func (db *DB) HitCounts(ctx context.Context) (*HitCounts, error) {
	c := &HitCounts{
		ByStatus: map[shadowscan.Status]int{}, ByCategory: map[shadowscan.Category]int{},
		ByBrand: map[string]int{}, BySite: map[string]int{}, BySeller: map[string]int{},
	}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketHitsByStatus)
		if err != nil {
			return err
		}
		cur := b.Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			if c.Total%4096 == 4095 && ctx.Err() != nil {
				return ctx.Err()
			}
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				return fmt.Errorf("hit index key %x is damaged", k)
			}
			sum, err := decodeSummary(v)
			if err != nil {
				return err
			}
			c.Total++
			c.ByStatus[shadowscan.Status(k[:i])]++
			c.ByCategory[shadowscan.Category(sum.Category)]++
			c.ByBrand[sum.BrandID]++
			c.BySite[sum.Site]++
			if sum.SellerID != "" {
				c.BySeller[sum.Site+"/"+sum.SellerID]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count hits: %w", err)
	}
	return c, nil
}
