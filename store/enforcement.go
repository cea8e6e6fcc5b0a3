package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// eachHitPage is how many hits EachHit decodes per read transaction. A
// transaction per page keeps a long walk from pinning old pages of the
// file while scans write.
const eachHitPage = 256

// EachHit calls fn with every hit that passes f (Limit and Offset aside),
// in id order, one at a time. Hits are decoded a page at a time in short
// read transactions and fn runs outside them, so fn may use the store;
// memory stays bounded whatever the number of hits. A hit changed while
// the walk is under way is seen as it is when its page is read. An error
// from fn stops the walk and is returned as is.
func (db *DB) EachHit(ctx context.Context, f shadowscan.HitFilter, fn func(*shadowscan.Hit) error) error {
	if err := checkFilter(&f); err != nil {
		return err
	}
	var after uint64
	page := make([]shadowscan.Hit, 0, eachHitPage)
	for {
		page = page[:0]
		err := db.view(ctx, func(tx *bbolt.Tx) error {
			hits, err := bucket(tx, bucketHits)
			if err != nil {
				return err
			}
			c := hits.Cursor()
			k, v := c.Seek(u64(after + 1))
			for ; k != nil && len(page) < eachHitPage; k, v = c.Next() {
				if len(k) != 8 {
					return fmt.Errorf("hit key %x is damaged", k)
				}
				h, err := decodeHit(v)
				if err != nil {
					return fmt.Errorf("hit %x: %w", k, err)
				}
				after = h.ID
				if f.Match(&h.Hit) {
					page = append(page, h.Hit)
				}
			}
			if k == nil {
				after = ^uint64(0) // the end
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("walk hits: %w", err)
		}
		for i := range page {
			if err := fn(&page[i]); err != nil {
				return err
			}
		}
		if after == ^uint64(0) {
			return nil
		}
	}
}

// Stages are the steps of enforcement that figures count, in order: a
// hit is flagged when it is created, then it may be confirmed, reported,
// removed and relisted.
var Stages = []string{"flagged", "confirmed", "reported", "removed", "relisted"}

// Figure counts the listings (hits) that reached a stage and the shops
// (distinct site and seller id) they belong to. A listing without a
// seller id counts as a listing but not as a shop.
type Figure struct {
	Listings int `json:"listings"`
	Shops    int `json:"shops"`
}

// Figures are the enforcement figures of one row or of the total.
type Figures struct {
	Flagged   Figure `json:"flagged"`
	Confirmed Figure `json:"confirmed"`
	Reported  Figure `json:"reported"`
	Removed   Figure `json:"removed"`
	Relisted  Figure `json:"relisted"`
}

// Stage returns the figure of the named stage (one of Stages), or nil.
func (f *Figures) Stage(name string) *Figure {
	switch name {
	case "flagged":
		return &f.Flagged
	case "confirmed":
		return &f.Confirmed
	case "reported":
		return &f.Reported
	case "removed":
		return &f.Removed
	case "relisted":
		return &f.Relisted
	}
	return nil
}

// EnforcementRow holds the figures of one brand on one site in one month.
type EnforcementRow struct {
	BrandID string `json:"brand"`
	Site    string `json:"site"`
	// Month is YYYY-MM (UTC).
	Month string `json:"month"`
	Figures
}

// Enforcement is what `shadowscan stats` reports: for each brand, site and
// month, how many listings and shops entered each stage that month, and
// the totals over every row.
type Enforcement struct {
	// Since is the first month counted (YYYY-MM), "" for all.
	Since string           `json:"since,omitempty"`
	Rows  []EnforcementRow `json:"rows"`
	// Totals count each listing once per stage and each shop once per
	// stage, so a shop active in two months counts once here.
	Totals Figures `json:"totals"`
}

// EnforcementFilter selects what Enforcement counts. Zero fields match all.
type EnforcementFilter struct {
	BrandID string
	Site    string
	// Since drops stage entries before its month (only its year and
	// month are used).
	Since time.Time
}

// monthLayout is how months are written: YYYY-MM.
const monthLayout = "2006-01"

// ParseMonth reads a YYYY-MM month, as --since takes it.
func ParseMonth(s string) (time.Time, error) {
	t, err := time.Parse(monthLayout, s)
	if err != nil {
		return time.Time{}, &shadowscan.FieldError{Field: "since", Msg: fmt.Sprintf("%q is not a month", s), Accepted: "YYYY-MM, such as 2025-03"}
	}
	return t, nil
}

// stageEntries returns, for each stage of Stages, when h first entered it,
// read from its history; the zero time when it never did. A hit is
// flagged when its history begins (or, for a hit without history, when it
// was first seen).
func stageEntries(h *shadowscan.Hit) ([5]time.Time, error) {
	var out [5]time.Time
	set := func(i int, at time.Time) {
		if out[i].IsZero() || at.Before(out[i]) {
			out[i] = at
		}
	}
	for j, tr := range h.History {
		at, err := time.Parse(time.RFC3339, tr.At)
		if err != nil {
			return out, fmt.Errorf("hit %d: history entry %d: time %q is not RFC 3339", h.ID, j, tr.At)
		}
		if j == 0 {
			set(0, at)
		}
		if i := slices.Index(Stages, string(tr.To)); i > 0 {
			set(i, at)
		}
	}
	if out[0].IsZero() && !h.FirstSeen.IsZero() {
		out[0] = h.FirstSeen
	}
	return out, nil
}

// Enforcement counts, per brand, site and month, the listings and shops
// that first entered each stage (flagged, confirmed, reported, removed,
// relisted) that month, from every hit's status history, plus the totals.
// It streams the hits (EachHit); its memory grows with the number of rows
// and of distinct shops, not of hits. Rows are sorted by brand, site and
// month.
func (db *DB) Enforcement(ctx context.Context, f EnforcementFilter) (*Enforcement, error) {
	type rowKey struct{ brand, site, month string }
	type acc struct {
		row   EnforcementRow
		shops [5]map[SellerKey]struct{}
	}
	since := ""
	if !f.Since.IsZero() {
		since = f.Since.UTC().Format(monthLayout)
	}
	rows := map[rowKey]*acc{}
	var totals [5]map[SellerKey]struct{}
	var totalListings [5]int
	err := db.EachHit(ctx, shadowscan.HitFilter{BrandID: f.BrandID, Site: f.Site}, func(h *shadowscan.Hit) error {
		entries, err := stageEntries(h)
		if err != nil {
			return err
		}
		seller := SellerKey{h.Listing.Site, h.Listing.SellerID}
		for i, at := range entries {
			if at.IsZero() {
				continue
			}
			month := at.UTC().Format(monthLayout)
			if since != "" && month < since {
				continue
			}
			k := rowKey{h.BrandID, h.Listing.Site, month}
			a := rows[k]
			if a == nil {
				a = &acc{row: EnforcementRow{BrandID: k.brand, Site: k.site, Month: month}}
				rows[k] = a
			}
			a.row.Stage(Stages[i]).Listings++
			totalListings[i]++
			if seller.SellerID == "" {
				continue
			}
			if a.shops[i] == nil {
				a.shops[i] = map[SellerKey]struct{}{}
			}
			a.shops[i][seller] = struct{}{}
			if totals[i] == nil {
				totals[i] = map[SellerKey]struct{}{}
			}
			totals[i][seller] = struct{}{}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("enforcement figures: %w", err)
	}
	out := &Enforcement{Since: since, Rows: make([]EnforcementRow, 0, len(rows))}
	for _, a := range rows {
		for i, name := range Stages {
			a.row.Stage(name).Shops = len(a.shops[i])
		}
		out.Rows = append(out.Rows, a.row)
	}
	for i, name := range Stages {
		fig := out.Totals.Stage(name)
		fig.Listings, fig.Shops = totalListings[i], len(totals[i])
	}
	slices.SortFunc(out.Rows, func(a, b EnforcementRow) int {
		return cmp.Or(cmp.Compare(a.BrandID, b.BrandID), cmp.Compare(a.Site, b.Site), cmp.Compare(a.Month, b.Month))
	})
	return out, nil
}
