package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

func TestSessions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db := MustOpenPath(t, path)
	// A store someone made group and world readable.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s := &shadowscan.Session{Site: "tb-market", Source: "cookies.txt", Cookies: []shadowscan.Cookie{
		{Name: "sid", Value: "s3cret", Domain: "tb.example", HostOnly: true, Path: "/", Expires: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Name: "t", Value: "v", Domain: "tb.example", Path: "/"},
	}}
	tightened, err := db.SaveSession(ctx, s)
	if err != nil || !tightened {
		t.Fatalf("SaveSession: %v, tightened %v", err, tightened)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("store mode %s after saving a session, want 0600", fi.Mode().Perm())
	}
	if tightened, err := db.SaveSession(ctx, s); err != nil || tightened {
		t.Errorf("second save: %v, tightened %v", err, tightened)
	}
	got, err := db.Session(ctx, "tb-market")
	if err != nil || len(got.Cookies) != 2 || got.Cookies[0] != s.Cookies[0] || got.SavedAt.IsZero() {
		t.Fatalf("Session: %v %+v", err, got)
	}
	sites, err := db.SessionSites(ctx)
	if err != nil || len(sites) != 1 || len(sites["tb-market"].Cookies) != 2 {
		t.Fatalf("SessionSites: %v %+v", err, sites)
	}
	for i, c := range sites["tb-market"].Cookies {
		if c != (shadowscan.Cookie{Expires: s.Cookies[i].Expires}) {
			t.Errorf("SessionSites hands out more of a cookie than when it expires: %+v", c)
		}
	}
	if _, err := db.Session(ctx, "other"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("missing session: %v", err)
	}
	if _, err := db.SaveSession(ctx, &shadowscan.Session{Site: "x"}); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("empty session: %v", err)
	}
	if err := db.DeleteSession(ctx, "tb-market"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteSession(ctx, "tb-market"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("second delete: %v", err)
	}
}

// TestMigration6Sessions opens a schema-5 store: the sessions bucket is
// created, empty.
func TestMigration6Sessions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAtSchema(t, path, 5)
	if hasBucket(t, db, bucketSessions) {
		t.Error("sessions bucket exists at schema 5")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = MustOpenPath(t, path)
	if v := schemaVersionOf(t, db); v != SchemaVersion {
		t.Fatalf("schema %d, want %d", v, SchemaVersion)
	}
	if !hasBucket(t, db, bucketSessions) {
		t.Error("sessions bucket missing after migration")
	}
	if _, err := db.Session(context.Background(), "x"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("sessions after migration: %v", err)
	}
}
