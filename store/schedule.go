package store

import (
	"context"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// The schedules bucket (schema 3):
//
//	schedules/
//	|--> <schedule id u64>   -> shadowscan.Schedule

var (
	// bucketSchedules holds the scans serve runs on a cron schedule, by
	// sequence number.
	bucketSchedules = []byte("schedules")
)

// scheduleV is the layout version of a stored shadowscan.Schedule.
const scheduleV = 1

// maxSchedules caps how many schedules a store keeps: each one is read on
// every scheduler tick.
const maxSchedules = 1000

// AddSchedule stores s as a new schedule, setting s.ID and, when zero,
// s.CreatedAt. It returns EINVALID when s does not validate (the cron
// expression is the caller's to check) or the store already holds the
// maximum number of schedules.
func (db *DB) AddSchedule(ctx context.Context, s *shadowscan.Schedule) error {
	if s == nil {
		return shadowscan.Errorf(shadowscan.EINVALID, "schedule is nil")
	}
	if err := s.Validate(); err != nil {
		return fmt.Errorf("add schedule: %w", err)
	}
	rec := *s
	if rec.CreatedAt.IsZero() {
		rec.CreatedAt = db.now()
	}
	rec.CreatedAt = rec.CreatedAt.UTC().Truncate(time.Second)
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSchedules)
		if err != nil {
			return err
		}
		if n := b.Stats().KeyN; n >= maxSchedules {
			return shadowscan.Errorf(shadowscan.EINVALID, "the store holds %d schedules, the most it keeps: remove one first (shadowscan schedule rm ID)", n)
		}
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		rec.ID = id
		return putSchedule(b, &rec)
	})
	if err != nil {
		return fmt.Errorf("add schedule: %w", err)
	}
	*s = rec
	return nil
}

func putSchedule(b *bbolt.Bucket, s *shadowscan.Schedule) error {
	v, err := encodeValue(scheduleV, s)
	if err != nil {
		return err
	}
	return b.Put(u64(s.ID), v)
}

// Schedules returns every schedule, oldest first.
func (db *DB) Schedules(ctx context.Context) ([]shadowscan.Schedule, error) {
	out := []shadowscan.Schedule{}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSchedules)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			s, err := decodeValue[shadowscan.Schedule](v, scheduleV, fmt.Sprintf("schedule %x", k))
			if err != nil {
				return err
			}
			out = append(out, s)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list schedules: %w", err)
	}
	return out, nil
}

// Schedule returns the schedule with the given ID, or ENOTFOUND.
func (db *DB) Schedule(ctx context.Context, id uint64) (*shadowscan.Schedule, error) {
	return getOne[shadowscan.Schedule](ctx, db, bucketSchedules, u64(id), scheduleV, fmt.Sprintf("schedule %d", id))
}

// RemoveSchedule deletes the schedule with the given ID. It returns
// ENOTFOUND when there is none.
func (db *DB) RemoveSchedule(ctx context.Context, id uint64) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSchedules)
		if err != nil {
			return err
		}
		if b.Get(u64(id)) == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "schedule %d is not in the store (see `shadowscan schedule list`)", id)
		}
		return b.Delete(u64(id))
	})
	if err != nil {
		return fmt.Errorf("remove schedule %d: %w", id, err)
	}
	return nil
}

// maxRunErrorLen caps the error text kept with a schedule's last run.
const maxRunErrorLen = 1000

// MarkScheduleRun records a run of schedule id: when it started, the scan
// it made (0 when none) and why it failed ("" when it did not). It
// returns ENOTFOUND when the schedule was removed meanwhile.
func (db *DB) MarkScheduleRun(ctx context.Context, id uint64, at time.Time, scanID uint64, runErr string) error {
	if len(runErr) > maxRunErrorLen {
		runErr = runErr[:maxRunErrorLen] + "…"
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSchedules)
		if err != nil {
			return err
		}
		v := b.Get(u64(id))
		if v == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "schedule %d is not in the store", id)
		}
		s, err := decodeValue[shadowscan.Schedule](v, scheduleV, fmt.Sprintf("schedule %d", id))
		if err != nil {
			return err
		}
		s.LastRun = at.UTC().Truncate(time.Second)
		s.LastScanID = scanID
		s.LastError = runErr
		return putSchedule(b, &s)
	})
	if err != nil {
		return fmt.Errorf("mark schedule %d run: %w", id, err)
	}
	return nil
}
