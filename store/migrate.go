package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/shadowscan/shadowscan"
)

// SchemaVersion is the schema this shadowscan writes: the number of
// migrations it knows.
const SchemaVersion = 9

// migration moves a store from schema N to N+1, where N is its index in
// migrations. It runs inside the write transaction that records the new
// version, so a failed migration leaves the store as it was.
type migration struct {
	name  string
	apply func(tx *bbolt.Tx, m *migrationEnv) error
}

// migrationEnv is what migrations may need besides the transaction.
type migrationEnv struct {
	now string // RFC 3339 UTC
}

// migrations is the ordered list of schema changes. Append only: never edit
// or reorder a migration that has shipped.
var migrations = []migration{
	{name: "create the base buckets", apply: migrateBaseBuckets},
	{name: "index hits by status and by score", apply: migrateHitIndexes},
	{name: "create the schedules bucket", apply: createBuckets(bucketSchedules)},
	{name: "index hits by brand, category, site and seller, and count them", apply: migrateFieldIndexes},
	{name: "hash official photos with PDQ and their variants", apply: migratePhotoHashes},
	{name: "create the sessions bucket", apply: createBuckets(bucketSessions)},
	{name: "create the users bucket", apply: createBuckets(bucketUsers)},
	{name: "create the photo hashes bucket", apply: createBuckets(bucketPhotoHashes)},
	{name: "create the saved filters bucket", apply: createBuckets(bucketSavedFilters)},
}

// createBuckets is the migration of a schema that only adds buckets
// (schedules, sessions, users, saved filters): it creates each of names.
func createBuckets(names ...[]byte) func(*bbolt.Tx, *migrationEnv) error {
	return func(tx *bbolt.Tx, _ *migrationEnv) error {
		for _, name := range names {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	}
}

// migrateBaseBuckets is schema 1: every bucket but the hit indexes.
func migrateBaseBuckets(tx *bbolt.Tx, m *migrationEnv) error {
	err := createBuckets(bucketMeta, bucketBlobs, bucketBrands, bucketProducts, bucketScans, bucketListings, bucketListingHistory, bucketCaptures, bucketHits, bucketFrontier)(tx, m)
	if err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(keyCreatedAt) == nil {
		if err := meta.Put(keyCreatedAt, []byte(m.now)); err != nil {
			return fmt.Errorf("write %s: %w", keyCreatedAt, err)
		}
	}
	return nil
}

// migrateHitIndexes is schema 2: the hits_by_status and hits_by_score
// indexes, built from the hits already stored.
func migrateHitIndexes(tx *bbolt.Tx, _ *migrationEnv) error {
	for _, name := range [][]byte{bucketHitsByStatus, bucketHitsByScore} {
		if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
			return fmt.Errorf("reset bucket %s: %w", name, err)
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	byStatus, byScore := tx.Bucket(bucketHitsByStatus), tx.Bucket(bucketHitsByScore)
	return tx.Bucket(bucketHits).ForEach(func(k, v []byte) error {
		h, err := decodeHit(v)
		if err != nil {
			return fmt.Errorf("hit %x: %w", k, err)
		}
		sum := encodeSummary(&h.Hit)
		if err := byStatus.Put(statusIndexKey(h.Status, h.Score, h.ID), sum); err != nil {
			return fmt.Errorf("index hit %d: %w", h.ID, err)
		}
		if err := byScore.Put(scoreIndexKey(h.Score, h.ID), sum); err != nil {
			return fmt.Errorf("index hit %d: %w", h.ID, err)
		}
		return nil
	})
}

// schemaOf reads the schema version; 0 means a new, empty file.
func schemaOf(tx *bbolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	v := meta.Get(keySchema)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("schema version in %s/%s is %d bytes, want 8", bucketMeta, keySchema, len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// migrate brings the store to len(list): it refuses newer stores and runs
// the missing migrations in one transaction.
func (db *DB) migrate(list []migration) error {
	known := uint64(len(list))
	var have uint64
	if err := db.guard(func() error {
		return db.bolt.View(func(tx *bbolt.Tx) error {
			var err error
			have, err = schemaOf(tx)
			return err
		})
	}); err != nil {
		return fmt.Errorf("open store %s: %w", db.path, err)
	}
	switch {
	case have == known:
		return nil
	case have > known:
		return shadowscan.Errorf(shadowscan.ECONFLICT, "store %s has schema %d; this shadowscan knows up to %d; upgrade shadowscan", db.path, have, known)
	case db.readOnly:
		return shadowscan.Errorf(shadowscan.ECONFLICT, "store %s has schema %d; this shadowscan needs %d: open it once without read-only to upgrade it", db.path, have, known)
	}
	env := &migrationEnv{now: db.now().Format(timeLayout)}
	err := db.guard(func() error {
		return db.bolt.Update(func(tx *bbolt.Tx) error {
			// Read again: another handle in this process cannot have changed
			// it, but the check is cheap and keeps the function honest.
			from, err := schemaOf(tx)
			if err != nil {
				return err
			}
			for i := from; i < known; i++ {
				if err := list[i].apply(tx, env); err != nil {
					return fmt.Errorf("migrate to schema %d (%s): %w", i+1, list[i].name, err)
				}
			}
			meta, err := tx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			return meta.Put(keySchema, u64(known))
		})
	})
	if err != nil {
		return fmt.Errorf("open store %s: %w", db.path, err)
	}
	return nil
}

// timeLayout is RFC 3339 without fractions, for keys and transitions.
const timeLayout = "2006-01-02T15:04:05Z07:00"
