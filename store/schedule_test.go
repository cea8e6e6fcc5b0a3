package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// TestMigration3Schedules: schema 2 -> 3 adds the schedules bucket and
// keeps what was there.
func TestMigration3Schedules(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := openAtSchema(t, path, 2)
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketSchedules) != nil {
			t.Error("schedules bucket exists at schema 2")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.migrate(migrations[:3]); err != nil {
		t.Fatal(err)
	}
	if v := schemaVersionOf(t, db); v != 3 {
		t.Fatalf("schema = %d, want 3", v)
	}
	if err := db.bolt.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketSchedules) == nil {
			t.Error("schedules bucket missing at schema 3")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db.bolt.Close()
}

func TestSchedules(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)

	t.Run("add sets id and created time", func(t *testing.T) {
		s := shadowscan.Schedule{Cron: "@daily", Site: "demo-market", BrandID: "aurora", Queries: []string{"蛋白粉"}}
		if err := db.AddSchedule(ctx, &s); err != nil {
			t.Fatal(err)
		}
		if s.ID == 0 || s.CreatedAt.IsZero() {
			t.Fatalf("schedule = %+v, want an id and a created time", s)
		}
		got, err := db.Schedule(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Cron != "@daily" || got.Site != "demo-market" || len(got.Queries) != 1 || got.Queries[0] != "蛋白粉" {
			t.Fatalf("stored schedule = %+v", got)
		}
	})

	t.Run("invalid schedules are refused", func(t *testing.T) {
		for _, s := range []shadowscan.Schedule{
			{Cron: "", Site: "x"},
			{Cron: "@daily", Site: ""},
			{Cron: "@daily", Site: "a/b"},
			{Cron: "@daily", Site: "x", BrandID: "Not Valid"},
			{Cron: "@daily", Site: "x", MaxPages: -1},
			{Cron: "@daily", Site: "x", Queries: []string{" "}},
		} {
			err := db.AddSchedule(ctx, &s)
			wantCode(t, err, shadowscan.EINVALID)
		}
	})

	t.Run("mark run and list", func(t *testing.T) {
		s := shadowscan.Schedule{Cron: "0 3 * * *", Site: "other"}
		if err := db.AddSchedule(ctx, &s); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 3, 2, 3, 0, 0, 500, time.UTC)
		if err := db.MarkScheduleRun(ctx, s.ID, at, 42, "boom"); err != nil {
			t.Fatal(err)
		}
		all, err := db.Schedules(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[0].ID >= all[1].ID {
			t.Fatalf("schedules = %+v, want two, oldest first", all)
		}
		got := all[1]
		if !got.LastRun.Equal(at.Truncate(time.Second)) || got.LastScanID != 42 || got.LastError != "boom" {
			t.Fatalf("after a run: %+v", got)
		}
		wantCode(t, db.MarkScheduleRun(ctx, 999, at, 0, ""), shadowscan.ENOTFOUND)
	})

	t.Run("remove", func(t *testing.T) {
		all, _ := db.Schedules(ctx)
		id := all[0].ID
		if err := db.RemoveSchedule(ctx, id); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.RemoveSchedule(ctx, id), shadowscan.ENOTFOUND)
		_, err := db.Schedule(ctx, id)
		wantCode(t, err, shadowscan.ENOTFOUND)
		left, _ := db.Schedules(ctx)
		if len(left) != 1 {
			t.Fatalf("left %d schedules, want 1", len(left))
		}
	})
}
