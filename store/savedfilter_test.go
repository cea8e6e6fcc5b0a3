package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

func TestSavedFilters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db := MustOpenPath(t, path)
	at := time.Date(2026, 12, 1, 9, 0, 0, 500, time.UTC)
	mine := &shadowscan.SavedFilter{Name: "new aurora", Owner: "alice", Query: "brand=aurora&status=new", CreatedAt: at}
	shared := &shadowscan.SavedFilter{Name: "under floor", Owner: "alice", Shared: true, Query: "category=price_dumping"}
	bobs := &shadowscan.SavedFilter{Name: "new aurora", Owner: "bob", Query: "status=new"}
	for _, f := range []*shadowscan.SavedFilter{mine, shared, bobs} {
		if err := db.SaveFilter(ctx, f); err != nil {
			t.Fatalf("save %+v: %v", f, err)
		}
	}
	if mine.ID == 0 || mine.ID == shared.ID || !mine.CreatedAt.Equal(at.Truncate(time.Second)) || shared.CreatedAt.IsZero() {
		t.Errorf("saved: %+v %+v", mine, shared)
	}

	t.Run("each user sees their own and the shared ones", func(t *testing.T) {
		for user, want := range map[string][]string{
			"alice": {"new aurora by alice", "under floor by alice"},
			"bob":   {"new aurora by bob", "under floor by alice"},
			"carol": {"under floor by alice"},
			"":      {"new aurora by alice", "new aurora by bob", "under floor by alice"},
		} {
			fs, err := db.SavedFilters(ctx, user)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Name+" by "+f.Owner)
			}
			if strings.Join(got, ", ") != strings.Join(want, ", ") {
				t.Errorf("%q sees %v, want %v", user, got, want)
			}
		}
	})
	t.Run("read back", func(t *testing.T) {
		f, err := db.SavedFilter(ctx, shared.ID)
		if err != nil || *f != *shared {
			t.Errorf("SavedFilter(%d) = %+v %v, want %+v", shared.ID, f, err, shared)
		}
		if _, err := db.SavedFilter(ctx, 999); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
			t.Errorf("unknown id: %v", err)
		}
	})
	t.Run("an owner's names are unique", func(t *testing.T) {
		err := db.SaveFilter(ctx, &shadowscan.SavedFilter{Name: "new aurora", Owner: "alice", Query: "site=demo-market"})
		if shadowscan.ErrorCode(err) != shadowscan.ECONFLICT || !strings.Contains(err.Error(), `alice has a saved filter called "new aurora"`) {
			t.Errorf("same name twice: %v", err)
		}
	})
	t.Run("bad input names the field", func(t *testing.T) {
		for _, c := range []struct {
			f     shadowscan.SavedFilter
			field string
		}{
			{shadowscan.SavedFilter{Name: "  ", Owner: "alice"}, "name"},
			{shadowscan.SavedFilter{Name: strings.Repeat("長", 81), Owner: "alice"}, "name"},
			{shadowscan.SavedFilter{Name: "tab\there", Owner: "alice"}, "name"},
			{shadowscan.SavedFilter{Name: "ok", Owner: ""}, "owner"},
			{shadowscan.SavedFilter{Name: "ok", Owner: "alice", Query: "a=%zz"}, "query"},
			{shadowscan.SavedFilter{Name: "ok", Owner: "alice", Query: strings.Repeat("q", 3000)}, "query"},
		} {
			err := db.SaveFilter(ctx, &c.f)
			if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), "save filter: "+c.field+" ") {
				t.Errorf("%+v: %v, want invalid naming %s", c.f, err, c.field)
			}
		}
	})
	t.Run("delete", func(t *testing.T) {
		if err := db.DeleteSavedFilter(ctx, mine.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteSavedFilter(ctx, mine.ID); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
			t.Errorf("second delete: %v", err)
		}
		fs, _ := db.SavedFilters(ctx, "alice")
		if len(fs) != 1 || fs[0].ID != shared.ID {
			t.Errorf("after delete alice sees %+v", fs)
		}
	})
	t.Run("check reads them", func(t *testing.T) {
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if rep := mustCheck(t, path); !rep.OK() || rep.Records["saved_filters"] != 2 {
			t.Errorf("check: %+v", rep)
		}
	})
}

func TestSavedFiltersPerUserLimit(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	for i := range shadowscan.MaxSavedFilters {
		if err := db.SaveFilter(ctx, &shadowscan.SavedFilter{Name: fmt.Sprint("f", i), Owner: "alice"}); err != nil {
			t.Fatal(err)
		}
	}
	err := db.SaveFilter(ctx, &shadowscan.SavedFilter{Name: "one more", Owner: "alice"})
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), "delete one first") {
		t.Errorf("filter %d: %v", shadowscan.MaxSavedFilters+1, err)
	}
	if err := db.SaveFilter(ctx, &shadowscan.SavedFilter{Name: "one more", Owner: "bob"}); err != nil {
		t.Errorf("another user's first filter: %v", err)
	}
}

// TestMigration9SavedFilters opens a schema-8 store: the saved filters
// bucket is created, empty, and filters can be saved in it.
func TestMigration9SavedFilters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAtSchema(t, path, 8)
	if v := schemaVersionOf(t, db); v != 8 || hasBucket(t, db, bucketSavedFilters) {
		t.Fatalf("at schema 8: schema %d, saved filters bucket %v", v, hasBucket(t, db, bucketSavedFilters))
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = MustOpenPath(t, path)
	if v := schemaVersionOf(t, db); v != SchemaVersion || !hasBucket(t, db, bucketSavedFilters) {
		t.Fatalf("after migration: schema %d, bucket %v", v, hasBucket(t, db, bucketSavedFilters))
	}
	if fs, err := db.SavedFilters(ctx, ""); err != nil || len(fs) != 0 {
		t.Fatalf("saved filters after migration: %v %v", fs, err)
	}
	if err := db.SaveFilter(ctx, &shadowscan.SavedFilter{Name: "first", Owner: "alice", Query: "status=new"}); err != nil {
		t.Fatal(err)
	}
}
