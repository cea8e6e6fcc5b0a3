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

// The saved filters bucket (schema 9):
//
//	saved_filters/
//	|--> <filter id u64>     -> shadowscan.SavedFilter

var (
	// bucketSavedFilters holds the review queue's saved filters, each
	// user's own and the shared ones, by sequence number. A store holds
	// few of them (MaxSavedFilters a user), so listing reads them all.
	bucketSavedFilters = []byte("saved_filters")
)

// savedFilterV is the layout version of a stored shadowscan.SavedFilter.
const savedFilterV = 1

// SaveFilter stores f as a new saved filter, setting f.ID and, when zero,
// f.CreatedAt. EINVALID when f does not validate or its owner keeps
// MaxSavedFilters already; ECONFLICT when its owner has a filter of that
// name.
func (db *DB) SaveFilter(ctx context.Context, f *shadowscan.SavedFilter) error {
	if f == nil {
		return shadowscan.Errorf(shadowscan.EINVALID, "saved filter is nil")
	}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("save filter: %w", err)
	}
	rec := *f
	if rec.CreatedAt.IsZero() {
		rec.CreatedAt = db.now()
	}
	rec.CreatedAt = rec.CreatedAt.UTC().Truncate(time.Second)
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSavedFilters)
		if err != nil {
			return err
		}
		if err := checkNewFilter(b, &rec); err != nil {
			return err
		}
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		rec.ID = id
		v, err := encodeValue(savedFilterV, &rec)
		if err != nil {
			return err
		}
		return b.Put(u64(id), v)
	})
	if err != nil {
		return fmt.Errorf("save filter %q: %w", f.Name, err)
	}
	*f = rec
	return nil
}

// checkNewFilter refuses rec when its owner has a filter of that name or
// has MaxSavedFilters already.
func checkNewFilter(b *bbolt.Bucket, rec *shadowscan.SavedFilter) error {
	n := 0
	return b.ForEach(func(k, v []byte) error {
		have, err := decodeValue[shadowscan.SavedFilter](v, savedFilterV, fmt.Sprintf("saved filter %x", k))
		if err != nil {
			return err
		}
		if have.Owner != rec.Owner {
			return nil
		}
		if have.Name == rec.Name {
			return shadowscan.Errorf(shadowscan.ECONFLICT, "name: %s has a saved filter called %q already: pick another name or delete that one", rec.Owner, rec.Name)
		}
		if n++; n >= shadowscan.MaxSavedFilters {
			return shadowscan.Errorf(shadowscan.EINVALID, "%s keeps %d saved filters, the most a user may: delete one first", rec.Owner, n)
		}
		return nil
	})
}

// SavedFilter returns one saved filter, or ENOTFOUND. It does not check
// who may see it: see SavedFilter.VisibleTo.
func (db *DB) SavedFilter(ctx context.Context, id uint64) (*shadowscan.SavedFilter, error) {
	return getOne[shadowscan.SavedFilter](ctx, db, bucketSavedFilters, u64(id), savedFilterV, fmt.Sprintf("saved filter %d", id))
}

// SavedFilters returns the saved filters user sees (their own and the
// shared ones), by name, then owner; user "" gets every filter.
func (db *DB) SavedFilters(ctx context.Context, user string) ([]shadowscan.SavedFilter, error) {
	out := []shadowscan.SavedFilter{}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSavedFilters)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			f, err := decodeValue[shadowscan.SavedFilter](v, savedFilterV, fmt.Sprintf("saved filter %x", k))
			if err != nil {
				return err
			}
			if user == "" || f.VisibleTo(user) {
				out = append(out, f)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list saved filters: %w", err)
	}
	slices.SortFunc(out, func(a, b shadowscan.SavedFilter) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Owner, b.Owner), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// DeleteSavedFilter removes a saved filter: ENOTFOUND when there is none.
// Who may delete it is the caller's to check.
func (db *DB) DeleteSavedFilter(ctx context.Context, id uint64) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSavedFilters)
		if err != nil {
			return err
		}
		if b.Get(u64(id)) == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "saved filter %d is not in the store", id)
		}
		return b.Delete(u64(id))
	})
	if err != nil {
		return fmt.Errorf("delete saved filter %d: %w", id, err)
	}
	return nil
}
