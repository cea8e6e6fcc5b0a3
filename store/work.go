package store

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"
)

// A scan whose pages others fetch (a distributed scan) hands out work
// items and takes their results back. Its frontier keeps, beside the
// visited URLs, each item handed out: open, with what it takes to hand it
// out again, until its result is recorded, then done. A coordinator that
// restarts reads the open items back (OpenWork) and so knows what the
// scan still waits for, and what to hand out again if it was lost.

// WorkItem is one unit of a scan's work: its id, unique in the scan, and
// what it takes to hand it out again (opaque to the store).
type WorkItem struct {
	ID   string
	Data []byte
}

// Values of work item keys: a state byte, then an open item's data.
const (
	workOpen = 'o'
	workDone = 'd'
)

// maxWorkID is the longest work item id: ids are keys, read back by
// OpenWork.
const maxWorkID = 256

// workKey is the frontier key of a work item: the scan id, 0x02 (no
// listing URL starts with it), then the id.
func workKey(scanID uint64, id string) []byte {
	return append(append(u64(scanID), 2), id...)
}

// checkWorkIDs returns an error naming the first id that cannot be a key.
func checkWorkIDs(opened []WorkItem, done []string) error {
	for _, it := range opened {
		done = append(done, it.ID)
	}
	for _, id := range done {
		if id == "" || len(id) > maxWorkID {
			return fmt.Errorf("work item id %.40q: want 1 to %d bytes", id, maxWorkID)
		}
	}
	return nil
}

// WithWork makes Record write, in the transaction that stores the
// observations, the work items of a scan it opened (handed out) and those
// whose results it records (done). An item done stays done: opening it
// again changes nothing, since a result may be recorded before the result
// that handed its item out.
func WithWork(scanID uint64, opened []WorkItem, done []string) RecordOption {
	return func(o *recordOptions) { o.scanID, o.opened, o.done = scanID, opened, done }
}

// MarkWork records, in one write transaction, work items of a scan
// opened and done, as WithWork does.
func (db *DB) MarkWork(ctx context.Context, scanID uint64, opened []WorkItem, done []string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if db.readOnly {
		return fmt.Errorf("mark work: store %s is open read-only", db.path)
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error { return putWork(tx, scanID, opened, done) })
	if err != nil {
		return fmt.Errorf("mark %d work item(s) of scan %d: %w", len(opened)+len(done), scanID, err)
	}
	return nil
}

// putWork writes work item marks in tx.
func putWork(tx *bbolt.Tx, scanID uint64, opened []WorkItem, done []string) error {
	if len(opened) == 0 && len(done) == 0 {
		return nil
	}
	if err := checkWorkIDs(opened, done); err != nil {
		return err
	}
	b, err := bucket(tx, bucketFrontier)
	if err != nil {
		return err
	}
	for _, id := range done {
		if err := b.Put(workKey(scanID, id), []byte{workDone}); err != nil {
			return err
		}
	}
	for _, it := range opened {
		k := workKey(scanID, it.ID)
		if v := b.Get(k); len(v) > 0 && v[0] == workDone {
			continue
		}
		if err := b.Put(k, append([]byte{workOpen}, it.Data...)); err != nil {
			return err
		}
	}
	return nil
}

// OpenWork returns the scan's work items handed out whose results are
// not recorded, in key order.
func (db *DB) OpenWork(ctx context.Context, scanID uint64) ([]WorkItem, error) {
	var out []WorkItem
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		prefix := append(u64(scanID), 2)
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(v) > 0 && v[0] == workOpen {
				out = append(out, WorkItem{ID: string(k[len(prefix):]), Data: bytes.Clone(v[1:])})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("open work of scan %d: %w", scanID, err)
	}
	return out, nil
}

// WorkDone reports whether the result of the scan's work item id is
// recorded.
func (db *DB) WorkDone(ctx context.Context, scanID uint64, id string) (bool, error) {
	var done bool
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		v := b.Get(workKey(scanID, id))
		done = len(v) > 0 && v[0] == workDone
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("work of scan %d: %w", scanID, err)
	}
	return done, nil
}

// WorkCounts returns how many of the scan's work items are done and how
// many are open.
func (db *DB) WorkCounts(ctx context.Context, scanID uint64) (done, open int, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFrontier)
		if err != nil {
			return err
		}
		prefix := append(u64(scanID), 2)
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			switch {
			case len(v) > 0 && v[0] == workDone:
				done++
			case len(v) > 0 && v[0] == workOpen:
				open++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("count work of scan %d: %w", scanID, err)
	}
	return done, open, nil
}
