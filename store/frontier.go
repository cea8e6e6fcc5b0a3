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
	return db.MarkFrontier(ctx, scanID, urls, nil)
}

// SearchMark is the state of one search result page of a scan: fetched,
// or done (every listing it links to stored) with the URL of the page
// after it ("" for the last).
type SearchMark struct {
	URL  string
	Done bool
	Next string
}

// SearchPage is what a scan's frontier knows of one search result page.
type SearchPage struct {
	// Seen is true when the scan fetched the page; Done when every
	// listing it links to was stored, and Next is then the page after it.
	Seen, Done bool
	Next       string
}

// searchKey is the frontier key of a search page: the scan id, 0x01 (no
// listing URL starts with it), then the URL or its digest.
func searchKey(scanID uint64, url string) []byte {
	k := append(u64(scanID), 1)
	if len(url) <= maxFrontierURL {
		return append(k, url...)
	}
	sum := sha256.Sum256([]byte(url))
	return append(append(k, 0), sum[:]...)
}

// Values of search page keys: a state byte, then the next page's URL.
const (
	searchSeen = 's'
	searchDone = 'd'
)

// MarkFrontier records, in one write transaction, the listing pages the
// scan finished (urls) and the state of search pages (marks). A search
// page marked done stays done. Concurrent callers share write
// transactions (bbolt Batch).
func (db *DB) MarkFrontier(ctx context.Context, scanID uint64, urls []string, marks []SearchMark) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(urls) == 0 && len(marks) == 0 {
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
			if err := db.fault("mark visited"); err != nil {
				return err
			}
			return putFrontier(tx, scanID, urls, marks)
		})
	})
	if err != nil {
		return db.writeErr(fmt.Errorf("mark %d url(s) visited by scan %d: %w", len(urls)+len(marks), scanID, err))
	}
	return nil
}

// putFrontier writes frontier marks in tx.
func putFrontier(tx *bbolt.Tx, scanID uint64, urls []string, marks []SearchMark) error {
	b, err := bucket(tx, bucketFrontier)
	if err != nil {
		return err
	}
	for _, u := range urls {
		if err := b.Put(frontierKey(scanID, u), nil); err != nil {
			return err
		}
	}
	for _, m := range marks {
		k := searchKey(scanID, m.URL)
		if v := b.Get(k); len(v) > 0 && v[0] == searchDone {
			continue
		}
		v := []byte{searchSeen}
		if m.Done {
			v = append([]byte{searchDone}, m.Next...)
		}
		if err := b.Put(k, v); err != nil {
			return err
		}
	}
	return nil
}

// SearchPageState returns what the scan's frontier holds of a search page.
func (db *DB) SearchPageState(ctx context.Context, scanID uint64, url string) (SearchPage, error) {
	var p SearchPage
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		v := b.Get(searchKey(scanID, url))
		switch {
		case len(v) == 0:
		case v[0] == searchDone:
			p = SearchPage{Seen: true, Done: true, Next: string(v[1:])}
		default:
			p.Seen = true
		}
		return nil
	})
	if err != nil {
		return p, fmt.Errorf("search page of scan %d: %w", scanID, err)
	}
	return p, nil
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

// VisitedCount returns how many listing URLs the scan has fetched.
func (db *DB) VisitedCount(ctx context.Context, scanID uint64) (int, error) {
	n, _, err := db.FrontierCounts(ctx, scanID)
	return n, err
}

// FrontierCounts returns how many listing pages the scan has finished and
// how many search pages it has done.
func (db *DB) FrontierCounts(ctx context.Context, scanID uint64) (listings, searchPages int, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		prefix := u64(scanID)
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			switch {
			case len(k) > len(prefix) && k[len(prefix)] == 1:
				if len(v) > 0 && v[0] == searchDone {
					searchPages++
				}
			case len(k) > len(prefix) && k[len(prefix)] == 2:
				// a work item (work.go)
			default:
				listings++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("count visited by scan %d: %w", scanID, err)
	}
	return listings, searchPages, nil
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
