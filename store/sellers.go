package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// SellerKey names one shop: a seller id on a site.
type SellerKey struct {
	Site     string
	SellerID string
}

// String returns "site/seller_id".
func (k SellerKey) String() string { return k.Site + "/" + k.SellerID }

// OffenceStatuses are the statuses that make a seller a repeat offender
// (shadowscan.OffenceStatuses).
var OffenceStatuses = shadowscan.OffenceStatuses

// ConfirmedBySeller counts, per site and seller, the hits that are
// confirmed or later in the workflow (OffenceStatuses). Hits without a
// seller id are not counted. It reads only the status index, never a hit,
// so it is cheap at scan start; its memory grows with the number of
// sellers that have such hits.
func (db *DB) ConfirmedBySeller(ctx context.Context) (map[SellerKey]int, error) {
	out := map[SellerKey]int{}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketHitsByStatus)
		if err != nil {
			return err
		}
		n := 0
		for _, st := range OffenceStatuses {
			prefix := statusPrefix(st)
			c := b.Cursor()
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if n++; n%4096 == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
				sum, err := decodeSummary(v)
				if err != nil {
					return fmt.Errorf("hit index key %x: %w", k, err)
				}
				if sum.SellerID != "" {
					out[SellerKey{sum.Site, sum.SellerID}]++
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count confirmed hits by seller: %w", err)
	}
	return out, nil
}

// SellerFilter selects the hits Sellers groups. Zero fields match all.
type SellerFilter struct {
	Site    string
	BrandID string
}

// SellerSummary is one shop's hits, counted by status and category.
type SellerSummary struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
	// SellerName is the name shown on the seller's newest hit.
	SellerName string `json:"seller_name,omitempty"`
	// Hits counts every hit of the seller that passes the filter.
	Hits int `json:"hits"`
	// Confirmed counts the hits in OffenceStatuses (confirmed or later).
	Confirmed int `json:"confirmed"`
	// RepeatOffender is true when Confirmed is above zero: the matcher
	// then raises the score of the seller's other listings.
	RepeatOffender bool                        `json:"repeat_offender"`
	ByStatus       map[shadowscan.Status]int   `json:"by_status"`
	ByCategory     map[shadowscan.Category]int `json:"by_category"`
	// Brands are the brands the seller's hits are of, sorted.
	Brands []string `json:"brands"`
	// MaxScore is the highest score among the seller's hits.
	MaxScore int `json:"max_score"`
	// newest is the id of the newest hit, whose listing names the seller.
	newest uint64
}

// Sellers groups the hits that pass f by seller (site and seller id):
// repeat offenders first, then by confirmed hits, then by hits, then by
// site and seller id. Hits without a seller id are left out: they cannot
// be told apart by shop. It reads the status index and then one hit per
// seller (for the seller's name).
func (db *DB) Sellers(ctx context.Context, f SellerFilter) ([]SellerSummary, error) {
	var by map[SellerKey]*SellerSummary
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		var err error
		if by, err = groupBySeller(ctx, tx, f); err != nil {
			return err
		}
		return nameSellers(tx, by)
	})
	if err != nil {
		return nil, fmt.Errorf("group hits by seller: %w", err)
	}
	return sortSellers(by), nil
}

// groupBySeller counts the hits passing f per seller from the status
// index, without reading a hit.
func groupBySeller(ctx context.Context, tx *bbolt.Tx, f SellerFilter) (map[SellerKey]*SellerSummary, error) {
	idx, err := bucket(tx, bucketHitsByStatus)
	if err != nil {
		return nil, err
	}
	by := map[SellerKey]*SellerSummary{}
	c := idx.Cursor()
	n := 0
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if n++; n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		i := bytes.IndexByte(k, 0)
		score, id, ok := parseScoreIndexKey(k)
		if i < 0 || !ok {
			return nil, fmt.Errorf("hit index key %x is damaged", k)
		}
		sum, err := decodeSummary(v)
		if err != nil {
			return nil, fmt.Errorf("hit %d: %w", id, err)
		}
		if sum.SellerID == "" || (f.Site != "" && sum.Site != f.Site) || (f.BrandID != "" && sum.BrandID != f.BrandID) {
			continue
		}
		key := SellerKey{sum.Site, sum.SellerID}
		s := by[key]
		if s == nil {
			s = &SellerSummary{Site: sum.Site, SellerID: sum.SellerID, ByStatus: map[shadowscan.Status]int{}, ByCategory: map[shadowscan.Category]int{}}
			by[key] = s
		}
		s.add(shadowscan.Status(k[:i]), sum, score, id)
	}
	return by, nil
}

// add counts one hit of the seller.
func (s *SellerSummary) add(st shadowscan.Status, sum hitSummary, score int, id uint64) {
	s.Hits++
	s.ByStatus[st]++
	s.ByCategory[shadowscan.Category(sum.Category)]++
	if st.Offence() {
		s.Confirmed++
	}
	if !slices.Contains(s.Brands, sum.BrandID) && sum.BrandID != "" {
		s.Brands = append(s.Brands, sum.BrandID)
	}
	s.MaxScore = max(s.MaxScore, score)
	s.newest = max(s.newest, id)
}

// nameSellers gives each seller the name its newest hit's listing shows.
func nameSellers(tx *bbolt.Tx, by map[SellerKey]*SellerSummary) error {
	hits, err := bucket(tx, bucketHits)
	if err != nil {
		return err
	}
	for _, s := range by {
		h, err := getHit(hits, s.newest)
		if err != nil {
			return err
		}
		s.SellerName = h.Listing.SellerName
	}
	return nil
}

// sortSellers returns the sellers in Sellers' order: repeat offenders
// first, then by confirmed hits, hits, site and seller id.
func sortSellers(by map[SellerKey]*SellerSummary) []SellerSummary {
	out := make([]SellerSummary, 0, len(by))
	for _, s := range by {
		s.RepeatOffender = s.Confirmed > 0
		slices.Sort(s.Brands)
		if s.Brands == nil {
			s.Brands = []string{}
		}
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b SellerSummary) int {
		if a.RepeatOffender != b.RepeatOffender {
			if a.RepeatOffender {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(b.Confirmed, a.Confirmed),
			cmp.Compare(b.Hits, a.Hits),
			cmp.Compare(a.Site, b.Site),
			cmp.Compare(a.SellerID, b.SellerID),
		)
	})
	return out
}

// Revisit names a listing that a scan of its site fetches again by URL.
type Revisit struct {
	HitID     uint64            `json:"hit_id"`
	Status    shadowscan.Status `json:"status"`
	ListingID string            `json:"listing_id"`
	URL       string            `json:"url"`
	// ScanID is the scan that last saw the listing.
	ScanID uint64 `json:"scan_id,omitempty"`
}

// RevisitStatuses are the statuses whose listings a rescan fetches by URL
// (shadowscan.TakedownStatuses): a taken-down listing no longer shows in
// search results, so only a visit by URL sees it gone, and later back.
var RevisitStatuses = shadowscan.TakedownStatuses

// Revisits returns up to limit listings on site whose hits are in
// RevisitStatuses (and of brand, when brand is not empty), in hit id order,
// starting after hit id after. Pass the last HitID returned to get the
// next page; an empty page is the end. Moves among RevisitStatuses (which
// is what a rescan makes) do not disturb the paging. It reads the status
// index, then decodes only the hits returned.
func (db *DB) Revisits(ctx context.Context, site, brand string, after uint64, limit int) ([]Revisit, error) {
	if limit <= 0 {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "revisit page size %d is not positive (accepted: 1 or more)", limit)
	}
	var out []Revisit
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		idx, err := bucket(tx, bucketHitsByStatus)
		if err != nil {
			return err
		}
		// The smallest limit ids above after, kept sorted; the index is
		// by score, so every entry of the three statuses is looked at.
		var ids []uint64
		n := 0
		for _, st := range RevisitStatuses {
			prefix := statusPrefix(st)
			c := idx.Cursor()
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if n++; n%4096 == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
				_, id, ok := parseScoreIndexKey(k[len(prefix):])
				if !ok {
					return fmt.Errorf("hit index key %x is damaged", k)
				}
				if id <= after || (len(ids) == limit && id > ids[len(ids)-1]) {
					continue
				}
				sum, err := decodeSummary(v)
				if err != nil {
					return fmt.Errorf("hit %d: %w", id, err)
				}
				if sum.Site != site || (brand != "" && sum.BrandID != brand) {
					continue
				}
				i, _ := slices.BinarySearch(ids, id)
				ids = slices.Insert(ids, i, id)
				if len(ids) > limit {
					ids = ids[:limit]
				}
			}
		}
		hits, err := bucket(tx, bucketHits)
		if err != nil {
			return err
		}
		out = make([]Revisit, 0, len(ids))
		for _, id := range ids {
			h, err := getHit(hits, id)
			if err != nil {
				return err
			}
			out = append(out, Revisit{HitID: id, Status: h.Status, ListingID: h.Listing.ID, URL: h.Listing.URL, ScanID: h.ScanID})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listings to revisit on %s: %w", site, err)
	}
	return out, nil
}
