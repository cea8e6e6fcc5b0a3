package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/shadowscan/shadowscan"
)

// CheckReport is what Check found in a store file.
type CheckReport struct {
	// Path is the file checked.
	Path string
	// Size is its length in bytes; Pages how many pages its meta says
	// are in use (0 when no meta page could be read).
	Size  int64
	Pages uint64
	// Schema is the store's schema version, 0 when it could not be read.
	Schema uint64
	// Records counts the values read per bucket, by bucket name.
	Records map[string]int
	// Problems lists what is wrong, at most about a hundred of each kind;
	// none for a sound file.
	Problems []string
}

// OK reports whether Check found nothing wrong.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check verifies the store file at path without changing it: its page
// structure (walked with bounds checks before bbolt maps the file), then
// bbolt's own consistency check, then every record: each value decodes,
// each blob matches its digest, each hit has a valid status and category
// and its listing exists, each listing's hit exists, the indexes and
// counters agree with the hits. Record checks run only on a file whose
// pages are sound.
//
// It returns an error, not a report, when the file cannot be checked at
// all: ENOTFOUND when it does not exist, ECONFLICT when a writer (such as
// serve) holds it.
func Check(ctx context.Context, path string, opts ...Option) (*CheckReport, error) {
	o := options{timeout: DefaultTimeout}
	for _, opt := range opts {
		opt(&o)
	}
	rep := &CheckReport{Path: path, Records: map[string]int{}}
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, notExist(path)
	}
	if err != nil {
		return nil, fmt.Errorf("check store %s: %w", path, err)
	}
	if fi.IsDir() {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "check store %s: it is a directory, not a store file", path)
	}
	rep.Size = fi.Size()
	if rep.Size == 0 {
		rep.Problems = append(rep.Problems, "the file is empty")
		return rep, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("check store %s: %w", path, err)
	}
	defer f.Close()
	if err := lockShared(f, o.timeout); err != nil {
		if errors.Is(err, errLockTimeout) {
			return nil, lockedError(path)
		}
		return nil, fmt.Errorf("check store %s: %w", path, err)
	}
	data, unmap, err := mapFile(f, rep.Size)
	if err != nil {
		return nil, fmt.Errorf("check store %s: %w", path, err)
	}
	w := &pageWalker{data: data, size: rep.Size}
	problems, metaOK := walkPages(data, true)
	if metaOK {
		w.readMeta() // for the page count, also of a file cut short
		rep.Pages = w.meta.pgid
	}
	unmap()
	for _, p := range problems {
		rep.Problems = append(rep.Problems, "pages: "+p)
	}
	if len(problems) > 0 {
		rep.Problems = append(rep.Problems, "records were not checked: the page structure is damaged")
		return rep, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	db := &DB{path: path, clock: time.Now, readOnly: true, ownScans: map[uint64]bool{}}
	err = db.guard(func() error {
		var err error
		db.bolt, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: o.timeout, ReadOnly: true})
		return err
	})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, lockedError(path)
	}
	if err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("bbolt cannot open the file: %v", err))
		return rep, nil
	}
	defer db.closeBolt()
	problems, err = db.check(ctx, rep)
	if err != nil {
		return nil, err
	}
	rep.Problems = append(rep.Problems, problems...)
	return rep, nil
}

// Check runs Check's bbolt and record checks on an open store (not the
// page walk, which Open has done) and returns the problems joined, or nil.
func (db *DB) Check(ctx context.Context) error {
	problems, err := db.check(ctx, &CheckReport{Records: map[string]int{}})
	if err != nil {
		return fmt.Errorf("check store %s: %w", db.path, err)
	}
	if len(problems) == 0 {
		return nil
	}
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = errors.New(p)
	}
	return fmt.Errorf("check store %s: %d problems: %w", db.path, len(problems), errors.Join(errs...))
}

// check runs bbolt's Tx.Check and the record checks in one read
// transaction, under guard. It returns an error only when ctx ends.
func (db *DB) check(ctx context.Context, rep *CheckReport) ([]string, error) {
	var problems []string
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		// Drain the channel even past the first 100 errors: the checker
		// goroutine blocks until it has sent them all.
		n := 0
		for err := range tx.Check() {
			if n++; n <= maxWalkProblems {
				problems = append(problems, "bbolt: "+err.Error())
			}
		}
		schema, err := schemaOf(tx)
		if err != nil {
			problems = append(problems, "schema: "+err.Error())
		}
		rep.Schema = schema
		switch {
		case err != nil:
		case schema > SchemaVersion:
			problems = append(problems, fmt.Sprintf("schema: the store has schema %d and this shadowscan knows up to %d: check it with a newer shadowscan", schema, SchemaVersion))
			return nil
		case schema < SchemaVersion:
			problems = append(problems, fmt.Sprintf("schema: the store has schema %d and this shadowscan checks %d: open it once with a command that writes (such as catalog import) to upgrade it, then check again", schema, SchemaVersion))
			return nil
		}
		for _, e := range checkRecords(ctx, tx, rep.Records) {
			problems = append(problems, e.Error())
		}
		for _, e := range checkInvariants(ctx, tx) {
			problems = append(problems, e.Error())
		}
		return ctx.Err()
	})
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		problems = append(problems, err.Error())
	}
	return problems, nil
}

// checkRecords decodes every value that checkInvariants does not: the
// catalogue, scans, listing history, blobs, index summaries, schedules,
// sessions and saved filters.
// It counts the values of every bucket in counts.
func checkRecords(ctx context.Context, tx *bbolt.Tx, counts map[string]int) []error {
	r := &records{ctx: ctx, tx: tx, counts: counts, brands: map[string]bool{}, listings: tx.Bucket(bucketListings)}
	r.each(bucketMeta, r.meta)
	r.each(bucketBrands, r.brand)
	r.each(bucketProducts, r.product) // after the brands they name
	r.each(bucketScans, r.scan)
	r.each(bucketListingHistory, r.history)
	r.each(bucketBlobs, r.blob)
	for _, name := range [][]byte{bucketHitsByStatus, bucketHitsByScore, bucketHitsByField} {
		r.each(name, r.summary(name))
	}
	r.each(bucketHits, r.hit)
	for _, name := range [][]byte{bucketListings, bucketCaptures, bucketFrontier, bucketHitCounts} {
		r.each(name, func(k, v []byte) bool { return true }) // decoded by checkInvariants, or keys only
	}
	r.each(bucketSchedules, r.schedule)
	r.each(bucketSessions, func(k, v []byte) bool {
		if _, err := decodeValue[shadowscan.Session](v, sessionV, "session"); err != nil {
			return r.add("session of %s: %v", k, err)
		}
		return true
	})
	r.each(bucketSavedFilters, r.savedFilter)
	return r.errs
}

// records is one run of checkRecords. Each of its checks takes one key and
// value and returns false when checkRecords has found enough problems.
type records struct {
	ctx      context.Context
	tx       *bbolt.Tx
	counts   map[string]int
	brands   map[string]bool // brand ids seen, for the products
	listings *bbolt.Bucket
	errs     []error
}

// add records a problem and reports whether to go on.
func (r *records) add(format string, args ...any) bool {
	r.errs = append(r.errs, fmt.Errorf(format, args...))
	return len(r.errs) < maxWalkProblems
}

// each runs fn over bucket name and counts its values.
func (r *records) each(name []byte, fn func(k, v []byte) bool) {
	b := r.tx.Bucket(name)
	if b == nil {
		r.add("bucket %s is missing", name)
		return
	}
	n := 0
	// ForEach ends with errStop when fn has seen enough, or with
	// ctx.Err(), which check returns itself once the walk is over.
	_ = b.ForEach(func(k, v []byte) error {
		if n++; n%1024 == 0 && r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		if !fn(k, v) {
			return errStop
		}
		return nil
	})
	r.counts[string(name)] = n
}

func (r *records) meta(k, v []byte) bool {
	if bytes.Equal(k, keyCreatedAt) {
		if _, err := time.Parse(timeLayout, string(v)); err != nil {
			return r.add("%s/%s: %q is not an RFC 3339 time", bucketMeta, k, v)
		}
	}
	return true
}

func (r *records) brand(k, v []byte) bool {
	b, err := decodeValue[shadowscan.Brand](v, brandV, "brand")
	if err != nil {
		return r.add("brand %q: %v", k, err)
	}
	if b.ID != string(k) {
		return r.add("brand %q: the record names brand %q", k, b.ID)
	}
	r.brands[b.ID] = true
	return true
}

func (r *records) product(k, v []byte) bool {
	p, err := decodeValue[shadowscan.Product](v, productV, "product")
	if err != nil {
		return r.add("product %q: %v", k, err)
	}
	if p.SKU != string(k) {
		return r.add("product %q: the record names SKU %q", k, p.SKU)
	}
	if !r.brands[p.BrandID] {
		return r.add("product %q: brand %q is missing", k, p.BrandID)
	}
	return true
}

func (r *records) scan(k, v []byte) bool {
	s, err := decodeValue[shadowscan.Scan](v, scanV, "scan")
	if err != nil {
		return r.add("scan %x: %v", k, err)
	}
	if len(k) != 8 || !bytes.Equal(k, u64(s.ID)) {
		return r.add("scan %x: the record names scan %d", k, s.ID)
	}
	return true
}

func (r *records) history(k, v []byte) bool {
	if _, err := decodeValue[ListingChange](v, listingChangeV, "listing change"); err != nil {
		return r.add("listing history %q: %v", k, err)
	}
	if i := bytes.IndexByte(k, 0); i < 0 || r.listings == nil || r.listings.Get(k[:i]) == nil {
		return r.add("listing history %q: its listing is missing", k)
	}
	return true
}

func (r *records) blob(k, v []byte) bool {
	if !validSHA(string(k)) {
		return r.add("blob %q: the key is not a SHA-256", k)
	}
	if _, err := decodeBlob(string(k), v); err != nil {
		return r.add("blob %s: %v", k, err)
	}
	return true
}

// summary checks the hit summaries of index bucket name.
func (r *records) summary(name []byte) func(k, v []byte) bool {
	return func(k, v []byte) bool {
		if _, err := decodeSummary(v); err != nil {
			return r.add("%s %x: %v", name, k, err)
		}
		return true
	}
}

func (r *records) hit(k, v []byte) bool {
	h, err := decodeHit(v)
	if err != nil {
		return true // checkInvariants reports it
	}
	if len(k) != 8 || !bytes.Equal(k, u64(h.ID)) {
		return r.add("hit %x: the record names hit %d", k, h.ID)
	}
	if !h.Status.Valid() {
		return r.add("hit %d: status %q is not one of %v", h.ID, h.Status, shadowscan.Statuses)
	}
	if _, err := shadowscan.ParseCategory(string(h.Category)); err != nil {
		return r.add("hit %d: %v", h.ID, err)
	}
	return true
}

func (r *records) savedFilter(k, v []byte) bool {
	f, err := decodeValue[shadowscan.SavedFilter](v, savedFilterV, "saved filter")
	if err == nil {
		err = f.Validate()
	}
	if err != nil {
		return r.add("saved filter %x: %v", k, err)
	}
	return true
}

func (r *records) schedule(k, v []byte) bool {
	if _, err := decodeValue[shadowscan.Schedule](v, scheduleV, "schedule"); err != nil {
		return r.add("schedule %x: %v", k, err)
	}
	return true
}
