package store

import (
	"context"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// StartScan stores s as a new running scan, setting s.ID, s.State and, when
// zero, s.StartedAt.
func (db *DB) StartScan(ctx context.Context, s *shadowscan.Scan) error {
	if s == nil {
		return shadowscan.Errorf(shadowscan.EINVALID, "scan is nil")
	}
	rec := *s
	rec.State = shadowscan.ScanRunning
	if rec.StartedAt.IsZero() {
		rec.StartedAt = db.now()
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketScans)
		if err != nil {
			return err
		}
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		rec.ID = id
		return putScan(b, &rec)
	})
	if err != nil {
		return fmt.Errorf("start scan: %w", err)
	}
	db.mu.Lock()
	db.ownScans[rec.ID] = true
	db.mu.Unlock()
	*s = rec
	return nil
}

// FinishScan saves the final record of a scan StartScan stored. A state of
// "" or running becomes done; a zero EndedAt becomes now. It returns
// ENOTFOUND when the scan is not stored.
func (db *DB) FinishScan(ctx context.Context, s *shadowscan.Scan) error {
	if s == nil {
		return shadowscan.Errorf(shadowscan.EINVALID, "scan is nil")
	}
	rec := *s
	switch rec.State {
	case "", shadowscan.ScanRunning:
		rec.State = shadowscan.ScanDone
	case shadowscan.ScanDone, shadowscan.ScanFailed, shadowscan.ScanInterrupted:
	default:
		return shadowscan.Errorf(shadowscan.EINVALID, "scan %d: state %q is not a final state (accepted: done, failed, interrupted)", rec.ID, rec.State)
	}
	if rec.EndedAt.IsZero() {
		rec.EndedAt = db.now()
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketScans)
		if err != nil {
			return err
		}
		if b.Get(u64(rec.ID)) == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "scan %d is not in the store", rec.ID)
		}
		return putScan(b, &rec)
	})
	if err != nil {
		return fmt.Errorf("finish scan %d: %w", rec.ID, err)
	}
	db.mu.Lock()
	delete(db.ownScans, rec.ID)
	db.mu.Unlock()
	*s = rec
	return nil
}

func putScan(b *bbolt.Bucket, s *shadowscan.Scan) error {
	v, err := encodeValue(scanV, s)
	if err != nil {
		return err
	}
	return b.Put(u64(s.ID), v)
}

// present reports a running scan that this handle did not start as
// interrupted: only one process holds the file, so a running scan it does
// not own was left by a process that died. The stored record is not
// rewritten; ResumeScan takes it over.
func (db *DB) present(s *shadowscan.Scan) {
	if s.State != shadowscan.ScanRunning {
		return
	}
	db.mu.Lock()
	own := db.ownScans[s.ID]
	db.mu.Unlock()
	if !own {
		s.State = shadowscan.ScanInterrupted
	}
}

// Scan returns the scan with the given ID, or ENOTFOUND. A scan left
// running by a process that died is reported as interrupted.
func (db *DB) Scan(ctx context.Context, id uint64) (*shadowscan.Scan, error) {
	s, err := getOne[shadowscan.Scan](ctx, db, bucketScans, u64(id), scanV, fmt.Sprintf("scan %d", id))
	if err != nil {
		return nil, err
	}
	db.present(s)
	return s, nil
}

// Scans returns up to limit scans, newest first (limit <= 0: all).
func (db *DB) Scans(ctx context.Context, limit int) ([]shadowscan.Scan, error) {
	return db.scans(ctx, limit, false)
}

// InterruptedScans returns the scans that can be resumed, newest first,
// with State interrupted: those left running by a process that died and
// those finished as interrupted (stopped by a signal). Their frontier is
// kept for ResumeScan.
func (db *DB) InterruptedScans(ctx context.Context) ([]shadowscan.Scan, error) {
	return db.scans(ctx, 0, true)
}

func (db *DB) scans(ctx context.Context, limit int, interruptedOnly bool) ([]shadowscan.Scan, error) {
	var out []shadowscan.Scan
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketScans)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if limit > 0 && len(out) >= limit {
				break
			}
			s, err := decodeValue[shadowscan.Scan](v, scanV, fmt.Sprintf("scan %x", k))
			if err != nil {
				return err
			}
			db.present(&s)
			if interruptedOnly && s.State != shadowscan.ScanInterrupted {
				continue
			}
			out = append(out, s)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	return out, nil
}

// LeftRunning returns, newest first, the scans whose records say they
// are running though this handle did not start them: a process that died
// left them (they are presented as interrupted everywhere else).
func (db *DB) LeftRunning(ctx context.Context) ([]shadowscan.Scan, error) {
	var out []shadowscan.Scan
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketScans)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			s, err := decodeValue[shadowscan.Scan](v, scanV, fmt.Sprintf("scan %x", k))
			if err != nil {
				return err
			}
			if s.State != shadowscan.ScanRunning {
				continue
			}
			if db.present(&s); s.State == shadowscan.ScanInterrupted {
				out = append(out, s)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scans left running: %w", err)
	}
	return out, nil
}

// ResumeScan takes over an interrupted scan (see InterruptedScans), or one
// that failed (a full disk, a site that could not be reached), so that this
// handle continues it: the record is running again and its frontier is
// kept. It returns ENOTFOUND for an unknown scan and ECONFLICT for one that
// is running or done.
func (db *DB) ResumeScan(ctx context.Context, id uint64) (*shadowscan.Scan, error) {
	var rec shadowscan.Scan
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketScans)
		if err != nil {
			return err
		}
		v := b.Get(u64(id))
		if v == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "scan %d is not in the store", id)
		}
		if rec, err = decodeValue[shadowscan.Scan](v, scanV, fmt.Sprintf("scan %d", id)); err != nil {
			return err
		}
		db.present(&rec)
		if rec.State != shadowscan.ScanInterrupted && rec.State != shadowscan.ScanFailed {
			return shadowscan.Errorf(shadowscan.ECONFLICT, "scan %d is %s: only an interrupted or failed scan can be resumed", id, rec.State)
		}
		rec.Err = ""
		rec.State = shadowscan.ScanRunning
		rec.EndedAt = time.Time{}
		return putScan(b, &rec)
	})
	if err != nil {
		return nil, fmt.Errorf("resume scan %d: %w", id, err)
	}
	db.mu.Lock()
	db.ownScans[id] = true
	db.mu.Unlock()
	return &rec, nil
}
