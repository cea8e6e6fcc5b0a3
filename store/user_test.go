package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

func TestUsers(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db := MustOpenPath(t, path)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if us, err := db.Users(ctx); err != nil || len(us) != 0 {
		t.Fatalf("Users on a new store: %v %v", us, err)
	}
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	bob := &shadowscan.User{Name: "bob", Role: shadowscan.RoleEnforcement, PasswordHash: "$2a$x", CreatedAt: at, UpdatedAt: at}
	alice := &shadowscan.User{Name: "alice", Role: shadowscan.RoleAnalyst, PasswordHash: "$2a$y", CreatedAt: at, UpdatedAt: at}
	for _, u := range []*shadowscan.User{bob, alice} {
		if err := db.PutUser(ctx, u, false); err != nil {
			t.Fatal(err)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("store mode %s after adding users, want 0600", fi.Mode().Perm())
	}
	if err := db.PutUser(ctx, alice, false); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
		t.Errorf("adding alice twice: %v, want a conflict", err)
	}
	if err := db.PutUser(ctx, &shadowscan.User{Name: "carol", Role: shadowscan.RoleAdmin}, true); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("replacing a missing user: %v, want not found", err)
	}
	if err := db.PutUser(ctx, &shadowscan.User{Name: "Eve!", Role: shadowscan.RoleAdmin}, false); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("bad name: %v, want invalid", err)
	}
	if err := db.PutUser(ctx, &shadowscan.User{Name: "eve", Role: "root"}, false); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("bad role: %v, want invalid", err)
	}
	alice.Role = shadowscan.RoleAdmin
	if err := db.PutUser(ctx, alice, true); err != nil {
		t.Fatal(err)
	}
	us, err := db.Users(ctx)
	if err != nil || len(us) != 2 || us[0].Name != "alice" || us[0].Role != shadowscan.RoleAdmin || us[1].Name != "bob" || us[1].PasswordHash != "$2a$x" {
		t.Fatalf("Users: %+v %v", us, err)
	}
	if err := db.DeleteUser(ctx, "bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.User(ctx, "bob"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("bob after removal: %v", err)
	}
	if err := db.DeleteUser(ctx, "bob"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("second removal: %v", err)
	}
}

// TestMigration7Users opens a schema-6 store: the users bucket is created,
// empty.
func TestMigration7Users(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAtSchema(t, path, 6)
	if v := schemaVersionOf(t, db); v != 6 {
		t.Fatalf("schema %d, want 6", v)
	}
	if hasBucket(t, db, bucketUsers) {
		t.Error("users bucket exists at schema 6")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = MustOpenPath(t, path)
	if v := schemaVersionOf(t, db); v != SchemaVersion {
		t.Fatalf("schema %d, want %d", v, SchemaVersion)
	}
	if !hasBucket(t, db, bucketUsers) {
		t.Error("users bucket missing after migration")
	}
	us, err := db.Users(context.Background())
	if err != nil || len(us) != 0 {
		t.Errorf("users after migration: %v %v", us, err)
	}
}
