package store

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

var update = flag.Bool("update", false, "rewrite testdata/schema1.db")

// openAtSchema opens path migrated only up to schema n, as an old
// shadowscan would have left it.
func openAtSchema(tb testing.TB, path string, n int) *DB {
	tb.Helper()
	bdb, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	db := &DB{bolt: bdb, path: path, clock: newTestClock().Now, ownScans: map[uint64]bool{}}
	if err := db.migrate(migrations[:n]); err != nil {
		tb.Fatal(err)
	}
	return db
}

// hasBucket reports whether db holds the top-level bucket name.
func hasBucket(tb testing.TB, db *DB, name []byte) bool {
	tb.Helper()
	var ok bool
	if err := db.bolt.View(func(tx *bbolt.Tx) error { ok = tx.Bucket(name) != nil; return nil }); err != nil {
		tb.Fatal(err)
	}
	return ok
}

func schemaVersionOf(tb testing.TB, db *DB) uint64 {
	tb.Helper()
	var v uint64
	if err := db.bolt.View(func(tx *bbolt.Tx) error { var err error; v, err = schemaOf(tx); return err }); err != nil {
		tb.Fatal(err)
	}
	return v
}

func TestSchemaVersionIsTheMigrationCount(t *testing.T) {
	if SchemaVersion != len(migrations) {
		t.Fatalf("SchemaVersion = %d, but there are %d migrations", SchemaVersion, len(migrations))
	}
}

// TestMigration1BaseBuckets: schema 0 -> 1 creates the base buckets and
// records when the store was created.
func TestMigration1BaseBuckets(t *testing.T) {
	db := openAtSchema(t, filepath.Join(t.TempDir(), "s.db"), 1)
	defer db.bolt.Close()
	if v := schemaVersionOf(t, db); v != 1 {
		t.Fatalf("schema = %d, want 1", v)
	}
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketBlobs, bucketBrands, bucketProducts, bucketScans, bucketListings, bucketListingHistory, bucketCaptures, bucketHits, bucketFrontier} {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		for _, name := range [][]byte{bucketHitsByStatus, bucketHitsByScore} {
			if tx.Bucket(name) != nil {
				t.Errorf("bucket %s exists at schema 1", name)
			}
		}
		if got := string(tx.Bucket(bucketMeta).Get(keyCreatedAt)); got != "2026-03-01T09:00:00Z" {
			t.Errorf("created_at = %q", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// putRawHitV1 stores a hit the way schema 1 did: without index entries.
func putRawHitV1(tb testing.TB, db *DB, h shadowscan.Hit) {
	tb.Helper()
	err := db.bolt.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketHits)
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		h.ID = id
		v, err := encodeValue(hitV, hitRecord{Hit: h})
		if err != nil {
			return err
		}
		if err := b.Put(u64(id), v); err != nil {
			return err
		}
		l := ListingRecord{Listing: h.Listing, FirstSeen: h.FirstSeen, LastSeen: h.LastSeen, HitID: id}
		lv, err := encodeValue(listingRecordV, l)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketListings).Put(listingKey(h.Listing.Site, h.Listing.ID), lv)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func schema1Hits() []shadowscan.Hit {
	at := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	mk := func(id string, score int, st shadowscan.Status) shadowscan.Hit {
		return shadowscan.Hit{Category: shadowscan.CategoryCounterfeit, Score: score, Reasons: []shadowscan.Reason{{Signal: "price", Detail: "cheap", Points: score}},
			Status: st, BrandID: "aurora", SKU: "AUR-PROT-500", Listing: listing(id, "old "+id, 5000, "s"), FirstSeen: at, LastSeen: at,
			History: []shadowscan.Transition{{To: shadowscan.StatusNew, By: "scan", At: "2026-01-05T08:00:00Z"}}}
	}
	return []shadowscan.Hit{mk("v1-a", 60, shadowscan.StatusNew), mk("v1-b", 90, shadowscan.StatusNew), mk("v1-c", 75, shadowscan.StatusConfirmed)}
}

// TestMigration2HitIndexes: schema 1 -> 2 builds both hit indexes from the
// hits already stored.
func TestMigration2HitIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	old := openAtSchema(t, path, 1)
	for _, h := range schema1Hits() {
		putRawHitV1(t, old, h)
	}
	if err := old.bolt.Close(); err != nil {
		t.Fatal(err)
	}
	db := MustOpenPath(t, path)
	checkSchema1Upgrade(t, ctx, db)
}

func checkSchema1Upgrade(t *testing.T, ctx context.Context, db *DB) {
	t.Helper()
	if v := schemaVersionOf(t, db); v != SchemaVersion {
		t.Fatalf("schema = %d, want %d", v, SchemaVersion)
	}
	all, err := db.Hits(ctx, shadowscan.HitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(hitIDs(all), []uint64{2, 3, 1}) {
		t.Fatalf("hits by score = %v, want [2 3 1]", hitIDs(all))
	}
	newHits, err := db.Hits(ctx, shadowscan.HitFilter{Status: shadowscan.StatusNew})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(hitIDs(newHits), []uint64{2, 1}) {
		t.Fatalf("new hits = %v, want [2 1]", hitIDs(newHits))
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
	// The upgraded store takes new writes.
	out := mustRecord(t, db, Observation{Listing: listing("v1-a", "old v1-a", 5000, "s"), Verdict: flaggedVerdict(99)})
	if out[0].HitID != 1 || out[0].NewHit {
		t.Fatalf("re-observing an old listing = %+v", out[0])
	}
}

// TestMigrationFromTestdata opens a file written at schema 1 and kept in
// testdata, as an old shadowscan left it on a user's disk. Run with
// -update to write it again.
func TestMigrationFromTestdata(t *testing.T) {
	golden := filepath.Join("testdata", "schema1.db")
	if *update {
		_ = os.Remove(golden)
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		old := openAtSchema(t, golden, 1)
		for _, h := range schema1Hits() {
			putRawHitV1(t, old, h)
		}
		if err := old.bolt.Close(); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestMigrationFromTestdata -update to write it)", err)
	}
	path := filepath.Join(t.TempDir(), "schema1.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("read-only cannot upgrade", func(t *testing.T) {
		_, err := Open(path, WithReadOnly())
		wantCode(t, err, shadowscan.ECONFLICT)
	})
	db := MustOpenPath(t, path)
	checkSchema1Upgrade(t, context.Background(), db)
}
