package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/shadowscan/shadowscan"
)

// The field indexes (schema 4) let a filter on brand, category, site or
// seller walk only the hits that have that value, and the hit counts let
// the query planner pick the smallest index and let HitCounts answer
// without reading any hit or index entry.
//
// An entry of bucketHitsByField is keyed
//
//	dim | uvarint(len value) | value | uvarint(len status) | status | scoreIndexKey
//
// twice per dimension and hit: once with the hit's status and once with an
// empty status (every status). Its value is the hit's summary, as in the
// other two indexes. Length prefixes, not separators, keep the keys
// unambiguous whatever bytes a listing's seller id holds, and make
// fieldPrefix(dim, value, status) a prefix of exactly the entries with that
// dimension, value and status.
//
// bucketHitCounts holds a uint64 big-endian count per fieldPrefix of
// bucketHitsByField (the number of entries under it), and two counters
// that have no entries: dimStatus (value: the status, empty status) and
// dimSiteSeller (value: "site/seller_id", for hits with a seller id; with
// and without the status). A counter that falls to zero is deleted.
var (
	// bucketHitsByField indexes hits by brand, category, site and seller,
	// each with and without the status, then score, then id.
	bucketHitsByField = []byte("hits_by_field")
	// bucketHitCounts counts hits per index prefix.
	bucketHitCounts = []byte("hit_counts")
)

// Dimensions of bucketHitsByField and bucketHitCounts.
const (
	dimBrand    byte = 'b'
	dimCategory byte = 'c'
	dimSite     byte = 's'
	dimSeller   byte = 'r' // the seller id alone
	// Counter-only dimensions.
	dimStatus     byte = 't' // value: status; status: empty
	dimSiteSeller byte = 'R' // value: "site/seller_id"
)

// fieldDims are the dimensions with index entries, in summary order.
var fieldDims = [...]byte{dimBrand, dimCategory, dimSite, dimSeller}

// fieldPrefix is the key prefix (and counter key) of the entries with that
// dimension, value and status; status "" means every status.
func fieldPrefix(dim byte, value string, st shadowscan.Status) []byte {
	k := make([]byte, 0, 1+2*binary.MaxVarintLen64+len(value)+len(st)+10)
	k = append(k, dim)
	k = binary.AppendUvarint(k, uint64(len(value)))
	k = append(k, value...)
	k = binary.AppendUvarint(k, uint64(len(st)))
	return append(k, st...)
}

// parseFieldPrefix reads a counter key back. ok is false for a key that is
// not exactly a fieldPrefix.
func parseFieldPrefix(k []byte) (dim byte, value string, st shadowscan.Status, ok bool) {
	if len(k) < 1 {
		return 0, "", "", false
	}
	dim, k = k[0], k[1:]
	var parts [2]string
	for i := range parts {
		n, w := binary.Uvarint(k)
		if w <= 0 || n > uint64(len(k)-w) {
			return 0, "", "", false
		}
		parts[i] = string(k[w : w+int(n)])
		k = k[w+int(n):]
	}
	if len(k) != 0 {
		return 0, "", "", false
	}
	return dim, parts[0], shadowscan.Status(parts[1]), true
}

// fieldValue is the hit's value along an indexed dimension.
func fieldValue(s hitSummary, dim byte) string {
	switch dim {
	case dimBrand:
		return s.BrandID
	case dimCategory:
		return s.Category
	case dimSite:
		return s.Site
	default:
		return s.SellerID
	}
}

func summaryOf(h *shadowscan.Hit) hitSummary {
	return hitSummary{BrandID: h.BrandID, Site: h.Listing.Site, Category: string(h.Category), SellerID: h.Listing.SellerID}
}

// fieldEntries returns the bucketHitsByField keys of a hit.
func fieldEntries(s hitSummary, st shadowscan.Status, score int, id uint64) [][]byte {
	out := make([][]byte, 0, 2*len(fieldDims))
	tail := scoreIndexKey(score, id)
	for _, dim := range fieldDims {
		v := fieldValue(s, dim)
		out = append(out, append(fieldPrefix(dim, v, ""), tail...), append(fieldPrefix(dim, v, st), tail...))
	}
	return out
}

// hitCounters returns the bucketHitCounts keys a hit adds one to.
func hitCounters(s hitSummary, st shadowscan.Status) [][]byte {
	out := make([][]byte, 0, 2*len(fieldDims)+3)
	out = append(out, fieldPrefix(dimStatus, string(st), ""))
	for _, dim := range fieldDims {
		v := fieldValue(s, dim)
		out = append(out, fieldPrefix(dim, v, ""), fieldPrefix(dim, v, st))
	}
	if s.SellerID != "" {
		v := s.Site + "/" + s.SellerID
		out = append(out, fieldPrefix(dimSiteSeller, v, ""), fieldPrefix(dimSiteSeller, v, st))
	}
	return out
}

// readCount reads a counter; a missing one is zero.
func readCount(b *bbolt.Bucket, k []byte) (int, error) {
	v := b.Get(k)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("hit counter %x is %d bytes, want 8", k, len(v))
	}
	return int(binary.BigEndian.Uint64(v)), nil
}

// addCount adds delta to a counter, deleting it at zero. A counter that
// would go below zero is a damaged store.
func addCount(b *bbolt.Bucket, k []byte, delta int) error {
	n, err := readCount(b, k)
	if err != nil {
		return err
	}
	n += delta
	switch {
	case n < 0:
		return fmt.Errorf("hit counter %x would go below zero: the store is damaged (run shadowscan's store check)", k)
	case n == 0:
		return b.Delete(k)
	default:
		return b.Put(k, u64(uint64(n)))
	}
}

// indexFields moves a hit's field index entries and counters from old
// (nil for a new hit) to h, in the caller's transaction.
func indexFields(byField, counts *bbolt.Bucket, old, h *hitRecord) error {
	delta := map[string]int{}
	sum := summaryOf(&h.Hit)
	if old != nil {
		osum := summaryOf(&old.Hit)
		for _, k := range fieldEntries(osum, old.Status, old.Score, old.ID) {
			if err := byField.Delete(k); err != nil {
				return fmt.Errorf("unindex hit %d: %w", old.ID, err)
			}
		}
		for _, k := range hitCounters(osum, old.Status) {
			delta[string(k)]--
		}
	}
	v := encodeSummary(&h.Hit)
	for _, k := range fieldEntries(sum, h.Status, h.Score, h.ID) {
		if err := byField.Put(k, v); err != nil {
			return fmt.Errorf("index hit %d: %w", h.ID, err)
		}
	}
	for _, k := range hitCounters(sum, h.Status) {
		delta[string(k)]++
	}
	for k, d := range delta {
		if d == 0 {
			continue
		}
		if err := addCount(counts, []byte(k), d); err != nil {
			return fmt.Errorf("count hit %d: %w", h.ID, err)
		}
	}
	return nil
}

// migrateFieldIndexes is schema 4: bucketHitsByField and bucketHitCounts,
// built from the status index (which carries every hit's status, score, id
// and summary), so no hit is decoded.
func migrateFieldIndexes(tx *bbolt.Tx, _ *migrationEnv) error {
	for _, name := range [][]byte{bucketHitsByField, bucketHitCounts} {
		if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
			return fmt.Errorf("reset bucket %s: %w", name, err)
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	byStatus := tx.Bucket(bucketHitsByStatus)
	if byStatus == nil {
		return fmt.Errorf("bucket %s is missing", bucketHitsByStatus)
	}
	byField, counts := tx.Bucket(bucketHitsByField), tx.Bucket(bucketHitCounts)
	// Count in memory and write each counter once.
	tally := map[string]int{}
	err := byStatus.ForEach(func(k, v []byte) error {
		i := bytes.IndexByte(k, 0)
		score, id, ok := parseScoreIndexKey(k)
		if i < 0 || !ok {
			return fmt.Errorf("hit index key %x is damaged", k)
		}
		sum, err := decodeSummary(v)
		if err != nil {
			return fmt.Errorf("hit %d: %w", id, err)
		}
		st := shadowscan.Status(k[:i])
		for _, fk := range fieldEntries(sum, st, score, id) {
			if err := byField.Put(fk, v); err != nil {
				return fmt.Errorf("index hit %d: %w", id, err)
			}
		}
		for _, ck := range hitCounters(sum, st) {
			tally[string(ck)]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	for k, n := range tally {
		if err := counts.Put([]byte(k), u64(uint64(n))); err != nil {
			return fmt.Errorf("write hit counter: %w", err)
		}
	}
	return nil
}

// plan is how to answer a hit filter: which bucket and prefix to walk,
// how many entries lie under it, and whether the walk must still check
// the entries' summaries for filter fields the prefix does not cover.
type plan struct {
	bucket      []byte
	prefix      []byte
	size        int
	needSummary bool
}

// planFilter picks the index prefix with the fewest entries among those
// that answer part of f: the status or score index, or the field index of
// one of the brand, category, site and seller in f (with f's status).
func planFilter(tx *bbolt.Tx, f *shadowscan.HitFilter) (plan, error) {
	counts, err := bucket(tx, bucketHitCounts)
	if err != nil {
		return plan{}, err
	}
	var p plan
	if f.Status != "" {
		p = plan{bucket: bucketHitsByStatus, prefix: statusPrefix(f.Status)}
		if p.size, err = readCount(counts, fieldPrefix(dimStatus, string(f.Status), "")); err != nil {
			return plan{}, err
		}
	} else {
		p = plan{bucket: bucketHitsByScore}
		if p.size, err = totalCount(counts); err != nil {
			return plan{}, err
		}
	}
	fields := []struct {
		dim   byte
		value string
	}{{dimBrand, f.BrandID}, {dimCategory, string(f.Category)}, {dimSite, f.Site}, {dimSeller, f.SellerID}}
	// Every field index entry is also under the base prefix, and covers
	// the status besides its field, so any field index in f beats the
	// base; among them the one with the fewest entries wins.
	set, field := 0, false
	for _, fl := range fields {
		if fl.value == "" {
			continue
		}
		set++
		prefix := fieldPrefix(fl.dim, fl.value, f.Status)
		n, err := readCount(counts, prefix)
		if err != nil {
			return plan{}, err
		}
		if !field || n < p.size {
			p, field = plan{bucket: bucketHitsByField, prefix: prefix, size: n}, true
		}
	}
	// The field index chosen covers its own field; any other field set in
	// f is checked against the entries' summaries.
	p.needSummary = set > 1
	return p, nil
}

// totalCount is the number of hits: the sum of the per-status counters.
func totalCount(counts *bbolt.Bucket) (int, error) {
	total := 0
	for _, st := range shadowscan.Statuses {
		n, err := readCount(counts, fieldPrefix(dimStatus, string(st), ""))
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
