package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

func checkFilter(f *shadowscan.HitFilter) error {
	switch {
	case f.Status != "" && !f.Status.Valid():
		return shadowscan.Errorf(shadowscan.EINVALID, "unknown status %q in the hit filter", f.Status)
	case f.Limit < 0:
		return shadowscan.Errorf(shadowscan.EINVALID, "hit filter limit %d is negative (accepted: 0 for no limit, or more)", f.Limit)
	case f.Offset < 0:
		return shadowscan.Errorf(shadowscan.EINVALID, "hit filter offset %d is negative (accepted: 0 or more)", f.Offset)
	}
	return nil
}

// scanIndex walks the index planFilter picks for f, highest score first
// and newest first among equals, calling fn with the id of each hit that
// passes f. It decodes no hit. fn returns false to stop.
func scanIndex(tx *bbolt.Tx, f *shadowscan.HitFilter, fn func(id uint64) bool) error {
	p, err := planFilter(tx, f)
	if err != nil {
		return err
	}
	return walkPlan(tx, &p, f, fn)
}

// walkPlan walks p's prefix, calling fn with the id of each hit that
// passes f, until fn returns false or the scores fall below f.MinScore.
func walkPlan(tx *bbolt.Tx, p *plan, f *shadowscan.HitFilter, fn func(id uint64) bool) error {
	if p.size == 0 {
		return nil
	}
	b, err := bucket(tx, p.bucket)
	if err != nil {
		return err
	}
	prefix := p.prefix
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		score, id, ok := parseScoreIndexKey(k[len(prefix):])
		if !ok {
			return fmt.Errorf("hit index key %x is damaged", k)
		}
		if score < f.MinScore {
			return nil // the rest score lower still
		}
		if p.needSummary {
			sum, err := decodeSummary(v)
			if err != nil {
				return fmt.Errorf("hit %d: %w", id, err)
			}
			if !matchSummary(f, sum, score) {
				continue
			}
		}
		if !fn(id) {
			return nil
		}
	}
	return nil
}

// Hits returns the hits that pass f, highest score first, then newest,
// after skipping f.Offset and at most f.Limit of them (0: all). Only the
// hits returned are decoded. It returns EINVALID for a bad filter.
func (db *DB) Hits(ctx context.Context, f shadowscan.HitFilter) ([]shadowscan.Hit, error) {
	if err := checkFilter(&f); err != nil {
		return nil, err
	}
	out := []shadowscan.Hit{}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		hits, err := bucket(tx, bucketHits)
		if err != nil {
			return err
		}
		skip := f.Offset
		var inner error
		err = scanIndex(tx, &f, func(id uint64) bool {
			if skip > 0 {
				skip--
				return true
			}
			if len(out)%256 == 255 && ctx.Err() != nil {
				inner = ctx.Err()
				return false
			}
			h, err := getHit(hits, id)
			if err != nil {
				inner = err
				return false
			}
			out = append(out, h.Hit)
			return f.Limit == 0 || len(out) < f.Limit
		})
		if err != nil {
			return err
		}
		return inner
	})
	if err != nil {
		return nil, fmt.Errorf("list hits: %w", err)
	}
	return out, nil
}

// HitCount returns how many hits pass f, ignoring Limit and Offset. It
// reads only the indexes: a filter on at most one of brand, category, site
// and seller, with no minimum score, is answered by a counter alone.
func (db *DB) HitCount(ctx context.Context, f shadowscan.HitFilter) (int, error) {
	if err := checkFilter(&f); err != nil {
		return 0, err
	}
	n := 0
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		p, err := planFilter(tx, &f)
		if err != nil {
			return err
		}
		if !p.needSummary && f.MinScore <= 0 {
			n = p.size
			return nil
		}
		return walkPlan(tx, &p, &f, func(uint64) bool { n++; return true })
	})
	if err != nil {
		return 0, fmt.Errorf("count hits: %w", err)
	}
	return n, nil
}

func getHit(hits *bbolt.Bucket, id uint64) (hitRecord, error) {
	v := hits.Get(u64(id))
	if v == nil {
		return hitRecord{}, shadowscan.Errorf(shadowscan.ENOTFOUND, "hit %d is not in the store", id)
	}
	h, err := decodeHit(v)
	if err != nil {
		return hitRecord{}, fmt.Errorf("hit %d: %w", id, err)
	}
	return h, nil
}

// Hit returns the hit with the given ID, or ENOTFOUND.
func (db *DB) Hit(ctx context.Context, id uint64) (*shadowscan.Hit, error) {
	var h hitRecord
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		hits, err := bucket(tx, bucketHits)
		if err != nil {
			return err
		}
		h, err = getHit(hits, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &h.Hit, nil
}

// Limits on what PickProduct keeps in a hit's history (MarkHits checks
// shadowscan.StatusChange.Validate, with the same limits).
const (
	maxByLen   = shadowscan.MaxByLen
	maxNoteLen = shadowscan.MaxNoteLen
)

// MarkHits moves every hit in ids as c says: to c.To, by c.By, with c's
// note, dismiss reason and case number kept in the history entry. It is
// all or nothing: an unknown hit (ENOTFOUND), a change c.Validate refuses
// or a move the workflow forbids (EINVALID, the
// error of Status.CheckMove naming the hit) changes nothing. A store
// opened WithDismissReasons also refuses (EINVALID) a dismissal whose
// reason is not on its list (shadowscan.DismissReasons.Check). The moves
// dismissed -> new and removed -> relisted are made by Record only and
// are refused here (EINVALID). Moving to
// removed by hand sets RemovedAt (to the unconfirmed gone sighting's time
// when a scan saw the listing gone) and clears the sighting. Repeated ids count once.
func (db *DB) MarkHits(ctx context.Context, ids []uint64, c shadowscan.StatusChange) ([]shadowscan.Hit, error) {
	to := c.To
	if len(ids) == 0 {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "no hit ids given")
	}
	if !to.Valid() {
		return nil, to.CheckMove(to) // names the known statuses
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if db.checkReasons && to == shadowscan.StatusDismissed {
		if err := db.reasons.Check(c.Reason, c.Note); err != nil {
			return nil, err
		}
	}
	seen := make(map[uint64]bool, len(ids))
	uniq := make([]uint64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	out := make([]shadowscan.Hit, 0, len(uniq))
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		out = out[:0]
		w, err := openWriteBuckets(tx)
		if err != nil {
			return err
		}
		now := db.now()
		at := now.Format(timeLayout)
		for _, id := range uniq {
			h, err := getHit(w.hits, id)
			if err != nil {
				return err
			}
			old := h
			old.History = slices.Clone(h.History)
			if err := h.Status.CheckMove(to); err != nil {
				return fmt.Errorf("hit %d: %w", id, err)
			}
			if when, ok := shadowscan.ScanOnlyMove(h.Status, to); ok {
				return shadowscan.Errorf(shadowscan.EINVALID, "hit %d: a %s hit moves to %s only when %s", id, h.Status, to, when)
			}
			h.History = append(h.History, c.Transition(h.Status, at))
			h.Status = to
			switch to {
			case shadowscan.StatusDismissed:
				st := stateOf(&h.Listing)
				h.Dismissed = &st
			case shadowscan.StatusRemoved:
				switch {
				case h.SeenGone != nil:
					// A scan saw it gone first: that is when it went.
					t := h.SeenGone.At
					h.RemovedAt = &t
				case h.RemovedAt == nil:
					t := now
					h.RemovedAt = &t
				}
				h.SeenGone = nil
			}
			if err := putHit(w, &old, &h); err != nil {
				return err
			}
			out = append(out, h.Hit)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("mark hits %s: %w", to, err)
	}
	return out, nil
}

// PickProduct records an analyst's choice of the product a hit offers
// among the candidates the scan could not decide between. The pick is kept
// in the history with who and when, and later scans keep it while it still
// fits the listing. It refuses a SKU that is not one of the candidates.
func (db *DB) PickProduct(ctx context.Context, id uint64, sku, by, note string) (*shadowscan.Hit, error) {
	if by == "" || len(by) > maxByLen {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "who made the change is missing or too long (accepted: a name of 1 to %d bytes, such as the --by flag gives)", maxByLen)
	}
	if len(note) > maxNoteLen {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "note of %d bytes is too long (accepted: up to %d bytes)", len(note), maxNoteLen)
	}
	var out shadowscan.Hit
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		w, err := openWriteBuckets(tx)
		if err != nil {
			return err
		}
		h, err := getHit(w.hits, id)
		if err != nil {
			return err
		}
		if len(h.Candidates) == 0 {
			return shadowscan.Errorf(shadowscan.EINVALID, "hit %d has no candidates to pick from: its product is %s", id, cmp.Or(h.SKU, "none (the listing named no product)"))
		}
		if !slices.Contains(h.Candidates, sku) {
			return shadowscan.Errorf(shadowscan.EINVALID, "hit %d: %q is not one of its candidates (accepted: %s)", id, sku, strings.Join(h.Candidates, ", "))
		}
		old := h
		old.History = slices.Clone(h.History)
		msg := fmt.Sprintf("product picked: %s (one of %s)", sku, strings.Join(h.Candidates, ", "))
		if note != "" {
			msg += ": " + note
		}
		h.History = append(h.History, shadowscan.Transition{From: h.Status, To: h.Status, By: by, Note: msg, At: db.now().Format(timeLayout)})
		h.SKU, h.Picked, h.Candidates = sku, sku, nil
		if err := putHit(w, &old, &h); err != nil {
			return err
		}
		out = h.Hit
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pick the product of hit %d: %w", id, err)
	}
	return &out, nil
}
