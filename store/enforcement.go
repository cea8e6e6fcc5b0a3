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
		if i := slices.Index(shadowscan.Stages, string(tr.To)); i > 0 {
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
// relisted) that month, from every hit's status history; the same per
// month across brands and sites; the totals; the time from report to
// removal and the top shops by confirmed listings. It streams the hits
// (EachHit); its memory grows with the number of rows, months and
// distinct shops, not of hits. Rows are sorted by brand, site and month.
func (db *DB) Enforcement(ctx context.Context, f shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error) {
	a := newEnforcementAcc(f)
	err := db.EachHit(ctx, shadowscan.HitFilter{BrandID: f.BrandID, Site: f.Site}, a.add)
	if err != nil {
		return nil, fmt.Errorf("enforcement figures: %w", err)
	}
	return a.result(), nil
}

// shopSet is a set of shops.
type shopSet map[SellerKey]struct{}

// stageShops holds, for each stage of shadowscan.Stages, the shops that
// entered it.
type stageShops [5]shopSet

func (s *stageShops) add(i int, k SellerKey) {
	if s[i] == nil {
		s[i] = shopSet{}
	}
	s[i][k] = struct{}{}
}

// figuresAcc accumulates one set of figures: listings are counted,
// shops collected so each counts once.
type figuresAcc struct {
	listings [5]int
	shops    stageShops
}

func (a *figuresAcc) add(i int, seller SellerKey) {
	a.listings[i]++
	if seller.SellerID != "" {
		a.shops.add(i, seller)
	}
}

func (a *figuresAcc) figures() shadowscan.Figures {
	var out shadowscan.Figures
	for i, name := range shadowscan.Stages {
		*out.Stage(name) = shadowscan.Figure{Listings: a.listings[i], Shops: len(a.shops[i])}
	}
	return out
}

// enforcementAcc gathers what Enforcement reports, one hit at a time.
type enforcementAcc struct {
	since, until string
	rows         map[[3]string]*figuresAcc // brand, site, month
	months       map[string]*figuresAcc
	totals       figuresAcc
	// removalHours counts listings by whole hours from report to removal.
	removalHours map[int]int
	shops        map[SellerKey]*shadowscan.ShopFigures
	dismissed    map[string]int // by reason
}

func newEnforcementAcc(f shadowscan.EnforcementFilter) *enforcementAcc {
	a := &enforcementAcc{rows: map[[3]string]*figuresAcc{}, months: map[string]*figuresAcc{}, removalHours: map[int]int{}, shops: map[SellerKey]*shadowscan.ShopFigures{}, dismissed: map[string]int{}}
	if !f.Since.IsZero() {
		a.since = f.Since.UTC().Format(shadowscan.MonthLayout)
	}
	if !f.Until.IsZero() {
		a.until = f.Until.UTC().Format(shadowscan.MonthLayout)
	}
	return a
}

// in reports whether at falls in the months counted, and its month.
func (a *enforcementAcc) in(at time.Time) (string, bool) {
	if at.IsZero() {
		return "", false
	}
	month := at.UTC().Format(shadowscan.MonthLayout)
	return month, (a.since == "" || month >= a.since) && (a.until == "" || month <= a.until)
}

func (a *enforcementAcc) add(h *shadowscan.Hit) error {
	entries, err := stageEntries(h)
	if err != nil {
		return err
	}
	seller := SellerKey{h.Listing.Site, h.Listing.SellerID}
	for i, at := range entries {
		month, ok := a.in(at)
		if !ok {
			continue
		}
		k := [3]string{h.BrandID, h.Listing.Site, month}
		if a.rows[k] == nil {
			a.rows[k] = &figuresAcc{}
		}
		if a.months[month] == nil {
			a.months[month] = &figuresAcc{}
		}
		a.rows[k].add(i, seller)
		a.months[month].add(i, seller)
		a.totals.add(i, seller)
	}
	reported, removed := entries[2], entries[3]
	_, removedIn := a.in(removed)
	if removedIn && !reported.IsZero() && !removed.Before(reported) {
		a.removalHours[int(removed.Sub(reported)/time.Hour)]++
	}
	a.addShop(h, seller, entries)
	a.addDismissals(h)
	return nil
}

// addDismissals counts h's moves to dismissed in the period by reason.
func (a *enforcementAcc) addDismissals(h *shadowscan.Hit) {
	for _, tr := range h.History {
		if tr.To != shadowscan.StatusDismissed || tr.From == shadowscan.StatusDismissed {
			continue
		}
		at, err := time.Parse(time.RFC3339, tr.At)
		if _, in := a.in(at); err != nil || !in {
			continue
		}
		a.dismissed[cmp.Or(tr.Reason, shadowscan.NoDismissReason)]++
	}
}

// addShop counts h's confirmed and removed entries in the period
// against its shop.
func (a *enforcementAcc) addShop(h *shadowscan.Hit, seller SellerKey, entries [5]time.Time) {
	_, confirmed := a.in(entries[1])
	_, removed := a.in(entries[3])
	if seller.SellerID == "" || (!confirmed && !removed) {
		return
	}
	s := a.shops[seller]
	if s == nil {
		s = &shadowscan.ShopFigures{Site: seller.Site, SellerID: seller.SellerID}
		a.shops[seller] = s
	}
	if h.Listing.SellerName != "" {
		s.SellerName = h.Listing.SellerName
	}
	if confirmed {
		s.Confirmed++
	}
	if removed {
		s.Removed++
	}
}

func (a *enforcementAcc) result() *shadowscan.Enforcement {
	out := &shadowscan.Enforcement{Since: a.since, Until: a.until, Rows: make([]shadowscan.EnforcementRow, 0, len(a.rows)), Months: make([]shadowscan.MonthFigures, 0, len(a.months)), TopShops: []shadowscan.ShopFigures{}}
	for k, r := range a.rows {
		out.Rows = append(out.Rows, shadowscan.EnforcementRow{BrandID: k[0], Site: k[1], Month: k[2], Figures: r.figures()})
	}
	slices.SortFunc(out.Rows, func(a, b shadowscan.EnforcementRow) int {
		return cmp.Or(cmp.Compare(a.BrandID, b.BrandID), cmp.Compare(a.Site, b.Site), cmp.Compare(a.Month, b.Month))
	})
	for m, r := range a.months {
		out.Months = append(out.Months, shadowscan.MonthFigures{Month: m, Figures: r.figures()})
	}
	slices.SortFunc(out.Months, func(a, b shadowscan.MonthFigures) int { return cmp.Compare(a.Month, b.Month) })
	out.Totals = a.totals.figures()
	out.Removal = removalTime(a.removalHours)
	out.DismissReasons = a.dismissed
	for _, s := range a.shops {
		out.TopShops = append(out.TopShops, *s)
	}
	slices.SortFunc(out.TopShops, func(a, b shadowscan.ShopFigures) int {
		return cmp.Or(cmp.Compare(b.Confirmed, a.Confirmed), cmp.Compare(b.Removed, a.Removed), cmp.Compare(a.Site, b.Site), cmp.Compare(a.SellerID, b.SellerID))
	})
	out.TopShops = out.TopShops[:min(len(out.TopShops), shadowscan.TopShopsLimit)]
	return out
}

// removalTime reads the count, median and 90th percentile (nearest
// rank) from a histogram of whole hours.
func removalTime(hours map[int]int) shadowscan.RemovalTime {
	var out shadowscan.RemovalTime
	keys := make([]int, 0, len(hours))
	for h, n := range hours {
		keys = append(keys, h)
		out.Listings += n
	}
	if out.Listings == 0 {
		return out
	}
	slices.Sort(keys)
	// rank returns the hours of the listing at nearest rank ceil(p·n).
	rank := func(num, den int) int {
		r := (num*out.Listings + den - 1) / den
		seen := 0
		for _, h := range keys {
			if seen += hours[h]; seen >= r {
				return h
			}
		}
		return keys[len(keys)-1]
	}
	out.MedianHours, out.P90Hours = rank(1, 2), rank(9, 10)
	return out
}
