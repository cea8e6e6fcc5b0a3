package store

// The store's bucket tree. Keys are shown between < >; every value is JSON
// wrapped as {"v": layout version, "data": ...} unless said otherwise.
//
//	meta/
//	|--> schema              -> uint64 big-endian schema version
//	|--> created_at          -> RFC 3339 UTC time the store was created
//	blobs/
//	|--> <sha256 hex>        -> encoding byte, uvarint length, bytes (raw or flate)
//	brands/
//	|--> <brand id>          -> shadowscan.Brand
//	products/
//	|--> <sku>               -> shadowscan.Product
//	scans/
//	|--> <scan id u64>       -> shadowscan.Scan
//	listings/
//	|--> <site/id>           -> listingRecord (latest listing, first/last seen, hit id)
//	listing_history/
//	|--> <site/id 0x00 seq>  -> ListingChange (append-only)
//	captures/
//	|--> <site/id 0x00 seq>  -> shadowscan.Capture without its body
//	hits/
//	|--> <hit id u64>        -> hitRecord (shadowscan.Hit plus dismissal state)
//	hits_by_status/          (schema 2)
//	|--> <status 0x00 score-desc u16 id-desc u64> -> hit summary (brand, site, category, seller)
//	hits_by_score/           (schema 2)
//	|--> <score-desc u16 id-desc u64>             -> hit summary
//	frontier/
//	|--> <scan id u64 url>   -> empty (listing page visited)
//	|--> <scan id u64 0x01 url> -> 's' (search page fetched) or 'd' next-url (done)
//
// A site name never contains "/" or NUL, and a listing id never contains
// NUL, so "site/id" names one listing and "site/id" 0x00 is a prefix that
// no other listing shares.

import (
	"context"
	"errors"
	"fmt"
	"os"
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

	mu       sync.Mutex
	ownScans map[uint64]bool // scans started or resumed through this handle
}

type options struct {
	timeout  time.Duration
	readOnly bool
	clock    func() time.Time
	keepAll  bool
	noSync   bool
	existing bool
	fault    func(op string) error
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
	db := &DB{path: path, clock: o.clock, keepAll: o.keepAll, readOnly: o.readOnly, faultFn: o.fault, ownScans: make(map[uint64]bool)}
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
		_ = db.closeBolt()
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
	var errs []error
	add := func(format string, args ...any) bool {
		errs = append(errs, fmt.Errorf(format, args...))
		return len(errs) < 100
	}
	hits, byStatus, byScore := tx.Bucket(bucketHits), tx.Bucket(bucketHitsByStatus), tx.Bucket(bucketHitsByScore)
	byField, counts := tx.Bucket(bucketHitsByField), tx.Bucket(bucketHitCounts)
	listings, captures, blobs := tx.Bucket(bucketListings), tx.Bucket(bucketCaptures), tx.Bucket(bucketBlobs)
	for _, b := range []struct {
		name []byte
		b    *bbolt.Bucket
	}{{bucketHits, hits}, {bucketHitsByStatus, byStatus}, {bucketHitsByScore, byScore}, {bucketHitsByField, byField}, {bucketHitCounts, counts}, {bucketListings, listings}, {bucketCaptures, captures}, {bucketBlobs, blobs}} {
		if b.b == nil {
			add("bucket %s is missing", b.name)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	n := 0
	tally := map[string]int{} // the hit counters as the hits say they should be
	err := hits.ForEach(func(k, v []byte) error {
		if n++; n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		h, err := decodeHit(v)
		if err != nil {
			if !add("hit %x: %v", k, err) {
				return errStop
			}
			return nil
		}
		sum := encodeSummary(&h.Hit)
		if got := byStatus.Get(statusIndexKey(h.Status, h.Score, h.ID)); got == nil || string(got) != string(sum) {
			if !add("hit %d: missing or stale in %s", h.ID, bucketHitsByStatus) {
				return errStop
			}
		}
		if got := byScore.Get(scoreIndexKey(h.Score, h.ID)); got == nil || string(got) != string(sum) {
			if !add("hit %d: missing or stale in %s", h.ID, bucketHitsByScore) {
				return errStop
			}
		}
		hs := summaryOf(&h.Hit)
		for _, fk := range fieldEntries(hs, h.Status, h.Score, h.ID) {
			if got := byField.Get(fk); got == nil || string(got) != string(sum) {
				if !add("hit %d: entry %x missing or stale in %s", h.ID, fk, bucketHitsByField) {
					return errStop
				}
			}
		}
		for _, ck := range hitCounters(hs, h.Status) {
			tally[string(ck)]++
		}
		if lv := listings.Get([]byte(h.Listing.Key())); lv == nil {
			if !add("hit %d: listing %s is missing", h.ID, h.Listing.Key()) {
				return errStop
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return append(errs, err)
	}
	nHits := hits.Stats().KeyN
	if got := byStatus.Stats().KeyN; got != nHits {
		add("%s has %d entries for %d hits", bucketHitsByStatus, got, nHits)
	}
	if got := byScore.Stats().KeyN; got != nHits {
		add("%s has %d entries for %d hits", bucketHitsByScore, got, nHits)
	}
	if got, want := byField.Stats().KeyN, 2*len(fieldDims)*nHits; got != want {
		add("%s has %d entries for %d hits, want %d", bucketHitsByField, got, nHits, want)
	}
	errs = append(errs, checkCounts(counts, tally)...)
	err = listings.ForEach(func(k, v []byte) error {
		rec, err := decodeValue[ListingRecord](v, listingRecordV, "listing")
		if err != nil {
			if !add("listing %q: %v", k, err) {
				return errStop
			}
			return nil
		}
		if rec.HitID != 0 && hits.Get(u64(rec.HitID)) == nil {
			if !add("listing %q: hit %d is missing", k, rec.HitID) {
				return errStop
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return append(errs, err)
	}
	err = captures.ForEach(func(k, v []byte) error {
		c, err := decodeValue[shadowscan.Capture](v, captureV, "capture")
		if err != nil {
			if !add("capture %q: %v", k, err) {
				return errStop
			}
			return nil
		}
		if c.BodySHA256 != "" && blobs.Get([]byte(c.BodySHA256)) == nil {
			if !add("capture %q: body blob %s is missing", k, c.BodySHA256) {
				return errStop
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return append(errs, err)
	}
	return errs
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
