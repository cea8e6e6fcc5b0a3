package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"runtime/debug"

	"go.etcd.io/bbolt"
)

// maxFrontierURL is the longest URL kept as it is in a frontier key; longer
// ones (bbolt keys are at most 32 KiB) are kept as their digest.
const maxFrontierURL = 2048

func frontierKey(scanID uint64, url string) []byte {
	k := make([]byte, 0, 8+min(len(url), maxFrontierURL)+1)
	k = append(k, u64(scanID)...)
	if len(url) <= maxFrontierURL {
		return append(k, url...)
	}
	sum := sha256.Sum256([]byte(url))
	k = append(k, 0) // no URL starts with NUL, so digests cannot clash with URLs
	return append(k, sum[:]...)
}

// MarkVisited records that the scan fetched each of urls, in one write
// transaction. Concurrent callers share write transactions (bbolt Batch),
// so the crawler may call it from its collector goroutines.
func (db *DB) MarkVisited(ctx context.Context, scanID uint64, urls ...string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(urls) == 0 {
		return nil
	}
	if db.readOnly {
		return fmt.Errorf("mark visited: store %s is open read-only", db.path)
	}
	// Batch may run fn on a goroutine of its own: faults there become
	// panics, which Batch recovers and answers by running fn again alone
	// on this goroutine, under guard.
	err := db.guard(func() error {
		return db.bolt.Batch(func(tx *bbolt.Tx) error {
			debug.SetPanicOnFault(true)
			b, err := bucket(tx, bucketFrontier)
			if err != nil {
				return err
			}
			for _, u := range urls {
				if err := b.Put(frontierKey(scanID, u), nil); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("mark %d url(s) visited by scan %d: %w", len(urls), scanID, err)
	}
	return nil
}

// Visited reports whether the scan already fetched url.
func (db *DB) Visited(ctx context.Context, scanID uint64, url string) (bool, error) {
	var ok bool
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		ok = b.Get(frontierKey(scanID, url)) != nil
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("visited by scan %d: %w", scanID, err)
	}
	return ok, nil
}

// VisitedCount returns how many URLs the scan has fetched.
func (db *DB) VisitedCount(ctx context.Context, scanID uint64) (int, error) {
	n := 0
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		prefix := u64(scanID)
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("count visited by scan %d: %w", scanID, err)
	}
	return n, nil
}

// ClearFrontier forgets the URLs the scan visited, once it is finished.
func (db *DB) ClearFrontier(ctx context.Context, scanID uint64) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		prefix := u64(scanID)
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
			if err := c.Delete(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("clear frontier of scan %d: %w", scanID, err)
	}
	return nil
}
