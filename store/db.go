package store

// The store's bucket tree is drawn in doc.go.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/shadowscan/shadowscan"
)

var (
	// bucketMeta holds the schema version and other facts about the file.
	bucketMeta = []byte("meta")
	// keySchema is the schema version in bucketMeta, uint64 big-endian.
	keySchema = []byte("schema")
	// keyCreatedAt is when the store was created, RFC 3339 UTC.
	keyCreatedAt = []byte("created_at")

	// bucketBlobs holds content-addressed bytes: captures and photos.
	bucketBlobs = []byte("blobs")
	// bucketBrands holds the catalogue's brands by ID.
	bucketBrands = []byte("brands")
	// bucketProducts holds the catalogue's products by SKU.
	bucketProducts = []byte("products")
	// bucketScans holds scan records by sequence number.
	bucketScans = []byte("scans")
	// bucketListings holds the latest state of every listing seen, by site/id.
	bucketListings = []byte("listings")
	// bucketListingHistory holds the append-only change history of listings.
	bucketListingHistory = []byte("listing_history")
	// bucketCaptures holds the metadata of raw HTTP captures by listing.
	bucketCaptures = []byte("captures")
	// bucketHits holds hits by sequence number.
	bucketHits = []byte("hits")
	// bucketHitsByStatus indexes hits by status, then score (highest
	// first), then id (newest first).
	bucketHitsByStatus = []byte("hits_by_status")
	// bucketHitsByScore indexes every hit by score (highest first), then id
	// (newest first).
	bucketHitsByScore = []byte("hits_by_score")
	// bucketFrontier holds the URLs each scan has visited, for resume.
	bucketFrontier = []byte("frontier")
)

// DefaultTimeout is how long Open waits for another process to release the
// store file before it gives up.
const DefaultTimeout = time.Second

// DB is an open store. Its methods are safe for concurrent use; bbolt runs
// one write transaction at a time, so concurrent writers wait for each other.
type DB struct {
	bolt     *bbolt.DB
	path     string
	clock    func() time.Time
	keepAll  bool
	readOnly bool
	lockInfo string                // sidecar written by this process, "" when none
	damage   atomic.Pointer[error] // set by guard after bbolt panicked
	faultFn  func(op string) error // WithWriteFault's, for tests
	// reasons is WithDismissReasons' list, checked when checkReasons.
	reasons      shadowscan.DismissReasons
	checkReasons bool

	mu       sync.Mutex
	ownScans map[uint64]bool // scans started or resumed through this handle

	// priceWalkChunk overrides defaultPriceWalkChunk (tests).
	priceWalkChunk int
}

type options struct {
	timeout  time.Duration
	readOnly bool
	clock    func() time.Time
	keepAll  bool
	noSync   bool
	existing bool
	fault    func(op string) error
	// reasons and checkReasons: WithDismissReasons.
	reasons      shadowscan.DismissReasons
	checkReasons bool
}

// Option changes how Open opens a store.
type Option func(*options)

// WithTimeout sets how long Open waits for the file lock held by another
// process (default DefaultTimeout). Zero waits for ever.
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithReadOnly opens an existing store for reading only. Other read-only
// handles may share the file; a writer may not.
func WithReadOnly() Option { return func(o *options) { o.readOnly = true } }

// WithExisting makes Open refuse a store file that does not exist or is
// empty instead of creating one: commands that only read or change what is
// there must not leave a fresh empty store behind a mistyped --db.
func WithExisting() Option { return func(o *options) { o.existing = true } }

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option { return func(o *options) { o.clock = now } }

// WithDismissReasons makes MarkHits refuse a dismissal whose reason is
// not on list, or that lacks the note its reason needs (EINVALID naming
// the accepted reasons): the configured pick list (rules: review.yaml).
// Without it MarkHits checks only a reason's form. Dismissals already in
// the store's history are never checked against it: a list may change.
func WithDismissReasons(list shadowscan.DismissReasons) Option {
	return func(o *options) { o.reasons, o.checkReasons = slices.Clone(list), true }
}

// WithKeepAllCaptures makes Record keep the captures of every listing, not
// only of flagged or already tracked ones.
func WithKeepAllCaptures() Option { return func(o *options) { o.keepAll = true } }

// Open opens the store at path, creating it unless WithReadOnly or
// WithExisting is given, and migrates it to the current schema. Before
// bbolt maps the file, Open checks its page structure (see walkPages), so
// that a truncated or overwritten file is an error wrapping ErrDamaged,
// never a crash.
//
// It returns a *shadowscan.Error with code ECONFLICT when another process
// holds the file (the message names that process) or when the file was
// written by a newer shadowscan, and ENOTFOUND when a read-only store, or
// one opened WithExisting, does not exist.
func Open(path string, opts ...Option) (*DB, error) {
	o := options{timeout: DefaultTimeout, clock: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	if path == "" {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "store path is empty: give a file name with --db or $SHADOWSCAN_DB")
	}
	if o.readOnly || o.existing {
		fi, err := os.Stat(path)
		if errors.Is(err, os.ErrNotExist) {
			return nil, notExist(path)
		}
		if err == nil && fi.Size() == 0 {
			return nil, damaged(path, "the file is empty")
		}
	}
	if err := checkPages(path, o.timeout); err != nil {
		return nil, err
	}
	db := &DB{path: path, clock: o.clock, keepAll: o.keepAll, readOnly: o.readOnly, faultFn: o.fault, ownScans: make(map[uint64]bool),
		reasons: o.reasons, checkReasons: o.checkReasons}
	var bdb *bbolt.DB
	err := db.guard(func() error {
		var err error
		bdb, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: o.timeout, ReadOnly: o.readOnly, NoSync: o.noSync})
		return err
	})
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return nil, err
		}
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, lockedError(path)
		}
		if errors.Is(err, bolterrors.ErrInvalid) || errors.Is(err, bolterrors.ErrVersionMismatch) || errors.Is(err, bolterrors.ErrChecksum) {
			return nil, shadowscan.Errorf(shadowscan.EINVALID, "open store %s: %v: it is not a shadowscan store, or it is damaged: run `shadowscan check %s`, restore it from a backup, or use --db to pick another file", path, err, path)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.bolt = bdb
	if err := db.migrate(migrations); err != nil {
		if cerr := db.closeBolt(); cerr != nil {
			return nil, errors.Join(err, fmt.Errorf("close store %s: %w", path, cerr))
		}
		return nil, err
	}
	if !o.readOnly {
		db.lockInfo = writeLockInfo(path, db.clock())
	}
	return db, nil
}

// Path returns the file name the store was opened with.
func (db *DB) Path() string { return db.path }

// Close releases the file. Writes already returned are on disk.
func (db *DB) Close() error {
	if db.lockInfo != "" {
		// The sidecar only improves a "store in use" message, read when
		// the lock holder cannot be found otherwise; a stale one can at
		// worst misname that holder: not worth failing Close for.
		_ = os.Remove(db.lockInfo)
		db.lockInfo = ""
	}
	if err := db.closeBolt(); err != nil {
		return fmt.Errorf("close store %s: %w", db.path, err)
	}
	return nil
}

// closeBolt closes the bbolt handle. After a panic inside bbolt (see
// guard) its locks may be held for ever, so Close then waits only a
// moment; the process's exit releases the file.
func (db *DB) closeBolt() error {
	if db.damage.Load() == nil {
		return db.bolt.Close()
	}
	done := make(chan error, 1)
	go func() {
		defer func() { _ = recover() }()
		done <- db.bolt.Close()
	}()
	select {
	case <-done:
	case <-time.After(100 * time.Millisecond):
	}
	return nil
}

func (db *DB) now() time.Time { return db.clock().UTC() }

// view runs fn in a read transaction after checking ctx.
func (db *DB) view(ctx context.Context, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.guard(func() error { return db.bolt.View(fn) })
}

// update runs fn in a write transaction after checking ctx. A write the
// file system refuses is a *WriteError.
func (db *DB) update(ctx context.Context, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if db.readOnly {
		return shadowscan.Errorf(shadowscan.ECONFLICT, "store %s is open read-only", db.path)
	}
	return db.writeErr(db.guard(func() error {
		return db.bolt.Update(func(tx *bbolt.Tx) error {
			if err := db.fault("write"); err != nil {
				return err
			}
			return fn(tx)
		})
	}))
}

// bucket returns a bucket that the schema guarantees, or an internal error
// naming it when the file lacks it.
func bucket(tx *bbolt.Tx, name []byte) (*bbolt.Bucket, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("store bucket %s is missing", name)
	}
	return b, nil
}

// checkInvariants checks what ties the records together: every hit is in
// every index with the right summary, no index entry is stale, every hit
// counter matches the hits, every hit's listing and every listing's hit
// exists, and every capture's body is a stored blob.
func checkInvariants(ctx context.Context, tx *bbolt.Tx) []error {
	c := &invariants{ctx: ctx,
		hits: tx.Bucket(bucketHits), byStatus: tx.Bucket(bucketHitsByStatus), byScore: tx.Bucket(bucketHitsByScore),
		byField: tx.Bucket(bucketHitsByField), counts: tx.Bucket(bucketHitCounts),
		listings: tx.Bucket(bucketListings), captures: tx.Bucket(bucketCaptures), blobs: tx.Bucket(bucketBlobs)}
	if !c.bucketsExist() {
		return c.errs
	}
	tally, err := c.checkHits()
	if err != nil {
		return append(c.errs, err)
	}
	c.checkIndexSizes()
	c.errs = append(c.errs, checkCounts(c.counts, tally)...)
	if err := c.checkListings(); err != nil {
		return append(c.errs, err)
	}
	if err := c.checkCaptures(); err != nil {
		return append(c.errs, err)
	}
	return c.errs
}

// invariants is one run of checkInvariants: the buckets it reads and the
// problems found so far.
type invariants struct {
	ctx                                      context.Context
	hits, byStatus, byScore, byField, counts *bbolt.Bucket
	listings, captures, blobs                *bbolt.Bucket
	errs                                     []error
}

// add records a problem and reports whether to go on (at most 100).
func (c *invariants) add(format string, args ...any) bool {
	c.errs = append(c.errs, fmt.Errorf(format, args...))
	return len(c.errs) < 100
}

// walk calls fn for every record of b, stopping quietly when fn returns
// errStop; other errors are returned.
func walk(b *bbolt.Bucket, fn func(k, v []byte) error) error {
	if err := b.ForEach(fn); err != nil && !errors.Is(err, errStop) {
		return err
	}
	return nil
}

// bucketsExist reports whether every bucket the checks read is there.
func (c *invariants) bucketsExist() bool {
	for _, b := range []struct {
		name []byte
		b    *bbolt.Bucket
	}{{bucketHits, c.hits}, {bucketHitsByStatus, c.byStatus}, {bucketHitsByScore, c.byScore}, {bucketHitsByField, c.byField}, {bucketHitCounts, c.counts}, {bucketListings, c.listings}, {bucketCaptures, c.captures}, {bucketBlobs, c.blobs}} {
		if b.b == nil {
			c.add("bucket %s is missing", b.name)
		}
	}
	return len(c.errs) == 0
}

// checkHits checks each hit's index entries and listing, and returns the
// hit counters as the hits say they should be.
func (c *invariants) checkHits() (map[string]int, error) {
	n := 0
	tally := map[string]int{}
	err := walk(c.hits, func(k, v []byte) error {
		if n++; n%1024 == 0 && c.ctx.Err() != nil {
			return c.ctx.Err()
		}
		h, err := decodeHit(v)
		if err != nil {
			return c.stopUnless(c.add("hit %x: %v", k, err))
		}
		if !c.checkHit(&h.Hit) {
			return errStop
		}
		for _, ck := range hitCounters(summaryOf(&h.Hit), h.Status) {
			tally[string(ck)]++
		}
		return nil
	})
	return tally, err
}

// stopUnless is errStop when goOn is false.
func (c *invariants) stopUnless(goOn bool) error {
	if !goOn {
		return errStop
	}
	return nil
}

// checkHit checks one hit's three index entries and its listing; false
// means stop (too many problems).
func (c *invariants) checkHit(h *shadowscan.Hit) bool {
	sum := encodeSummary(h)
	if got := c.byStatus.Get(statusIndexKey(h.Status, h.Score, h.ID)); got == nil || string(got) != string(sum) {
		if !c.add("hit %d: missing or stale in %s", h.ID, bucketHitsByStatus) {
			return false
		}
	}
	if got := c.byScore.Get(scoreIndexKey(h.Score, h.ID)); got == nil || string(got) != string(sum) {
		if !c.add("hit %d: missing or stale in %s", h.ID, bucketHitsByScore) {
			return false
		}
	}
	for _, fk := range fieldEntries(summaryOf(h), h.Status, h.Score, h.ID) {
		if got := c.byField.Get(fk); got == nil || string(got) != string(sum) {
			if !c.add("hit %d: entry %x missing or stale in %s", h.ID, fk, bucketHitsByField) {
				return false
			}
		}
	}
	if lv := c.listings.Get([]byte(h.Listing.Key())); lv == nil {
		return c.add("hit %d: listing %s is missing", h.ID, h.Listing.Key())
	}
	return true
}

// checkIndexSizes finds index entries no hit accounts for.
func (c *invariants) checkIndexSizes() {
	nHits := c.hits.Stats().KeyN
	if got := c.byStatus.Stats().KeyN; got != nHits {
		c.add("%s has %d entries for %d hits", bucketHitsByStatus, got, nHits)
	}
	if got := c.byScore.Stats().KeyN; got != nHits {
		c.add("%s has %d entries for %d hits", bucketHitsByScore, got, nHits)
	}
	if got, want := c.byField.Stats().KeyN, 2*len(fieldDims)*nHits; got != want {
		c.add("%s has %d entries for %d hits, want %d", bucketHitsByField, got, nHits, want)
	}
}

// checkListings checks that every listing's hit exists.
func (c *invariants) checkListings() error {
	return walk(c.listings, func(k, v []byte) error {
		rec, err := decodeValue[ListingRecord](v, listingRecordV, "listing")
		if err != nil {
			return c.stopUnless(c.add("listing %q: %v", k, err))
		}
		if rec.HitID != 0 && c.hits.Get(u64(rec.HitID)) == nil {
			return c.stopUnless(c.add("listing %q: hit %d is missing", k, rec.HitID))
		}
		return nil
	})
}

// checkCaptures checks that every capture's body is a stored blob.
func (c *invariants) checkCaptures() error {
	return walk(c.captures, func(k, v []byte) error {
		cp, err := decodeValue[shadowscan.Capture](v, captureV, "capture")
		if err != nil {
			return c.stopUnless(c.add("capture %q: %v", k, err))
		}
		if cp.BodySHA256 != "" && c.blobs.Get([]byte(cp.BodySHA256)) == nil {
			return c.stopUnless(c.add("capture %q: body blob %s is missing", k, cp.BodySHA256))
		}
		return nil
	})
}

// checkCounts compares the hit counters with want, the counts the hits
// themselves give.
func checkCounts(counts *bbolt.Bucket, want map[string]int) []error {
	var errs []error
	seen := 0
	err := counts.ForEach(func(k, v []byte) error {
		if len(errs) >= 100 {
			return errStop
		}
		n, err := readCount(counts, k)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		w, ok := want[string(k)]
		if ok {
			seen++
		}
		if n != w {
			errs = append(errs, fmt.Errorf("hit counter %x is %d, the hits give %d", k, n, w))
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return append(errs, err)
	}
	if seen != len(want) && len(errs) < 100 {
		for k, w := range want {
			if counts.Get([]byte(k)) == nil {
				errs = append(errs, fmt.Errorf("hit counter %x is missing, the hits give %d", k, w))
				if len(errs) >= 100 {
					break
				}
			}
		}
	}
	return errs
}

// errStop ends a ForEach early without being an error.
var errStop = errors.New("stop")

// maxValueSize guards against decoding absurd values from a damaged file.
const maxValueSize = 64 << 20

func checkSize(v []byte, what string) error {
	if len(v) > maxValueSize {
		return fmt.Errorf("%s value of %d bytes is over the %d byte limit", what, len(v), maxValueSize)
	}
	return nil
}
