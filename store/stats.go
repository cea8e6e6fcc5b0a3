package store

import (
	"context"
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// HitCounts counts every hit by status, category, brand, site and seller,
// and each seller's hits by status. It reads only the hit counters that
// Record and MarkHits keep, never a hit or an index entry, so its cost
// grows with the number of distinct brands, sites and sellers, not hits.
func (db *DB) HitCounts(ctx context.Context) (*shadowscan.HitCounts, error) {
	c := &shadowscan.HitCounts{
		ByStatus: map[shadowscan.Status]int{}, ByCategory: map[shadowscan.Category]int{},
		ByBrand: map[string]int{}, BySite: map[string]int{}, BySeller: map[string]int{},
		BySellerStatus: map[string]map[shadowscan.Status]int{},
	}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketHitCounts)
		if err != nil {
			return err
		}
		cur := b.Cursor()
		i := 0
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			if i++; i%4096 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			dim, value, st, ok := parseFieldPrefix(k)
			if !ok || len(v) != 8 {
				return fmt.Errorf("hit counter %x is damaged", k)
			}
			n := int(binary.BigEndian.Uint64(v))
			switch {
			case dim == dimStatus:
				c.ByStatus[shadowscan.Status(value)] += n
				c.Total += n
			case dim == dimSiteSeller && st == "":
				c.BySeller[value] += n
			case dim == dimSiteSeller:
				m := c.BySellerStatus[value]
				if m == nil {
					m = map[shadowscan.Status]int{}
					c.BySellerStatus[value] = m
				}
				m[st] += n
			case st != "":
				// Per-status field counters serve the query planner.
			case dim == dimCategory:
				c.ByCategory[shadowscan.Category(value)] += n
			case dim == dimBrand:
				c.ByBrand[value] += n
			case dim == dimSite:
				c.BySite[value] += n
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count hits: %w", err)
	}
	return c, nil
}
