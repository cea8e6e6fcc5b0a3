package main

import (
	"context"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// mustFilledStoreFile makes a store at path through the store API: n
// flagged listings, the first withPhotos with captures.
func mustFilledStoreFile(t *testing.T, path string, n, withPhotos int) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, n, withPhotos)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// scribbleFile writes 16 random bytes every 8 KiB of the file at path.
func scribbleFile(t *testing.T, path string, seed int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(seed))
	for off := 0; off < len(b); off += 8 << 10 {
		for i := off; i < off+16 && i < len(b); i++ {
			b[i] = byte(r.Intn(256))
		}
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func wantNoCrash(t *testing.T, what, out string) {
	t.Helper()
	for _, bad := range []string{"goroutine", "panic", "runtime error", "SIGSEGV"} {
		if strings.Contains(out, bad) {
			t.Fatalf("%s: output has %q:\n%s", what, bad, out)
		}
	}
}

// readCommands are the commands that read the store, with the arguments
// they need; out is a file name export may write.
func readCommands(out string) [][]string {
	return [][]string{
		{"review", "list"},
		{"stats"},
		{"review", "show", "1"},
		{"review", "sellers"},
		{"export", "--out", out},
		{"catalog", "list"},
	}
}

func TestDamagedStoreIsAnError(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	mustFilledStoreFile(t, good, 300, 50)
	if code, out, errOut := cli(t, good, "review", "list"); code != 0 || !strings.Contains(out, "300 hit(s)") {
		t.Fatalf("review list on the sound store: exit %d\n%s\n%s", code, out, errOut)
	}
	half := filepath.Join(dir, "half.db")
	copyFile(t, good, half)
	fi, _ := os.Stat(half)
	if err := os.Truncate(half, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	scribbled := filepath.Join(dir, "scribbled.db")
	copyFile(t, good, scribbled)
	scribbleFile(t, scribbled, 1)
	for _, path := range []string{half, scribbled} {
		for _, args := range readCommands(filepath.Join(dir, "x.wacz")) {
			name := filepath.Base(path) + " " + strings.Join(args, " ")
			t.Run(name, func(t *testing.T) {
				code, out, errOut := cli(t, path, args...)
				if code != exitError {
					t.Fatalf("exit %d, want 1\n%s\n%s", code, out, errOut)
				}
				if !strings.Contains(errOut, path) || !strings.Contains(errOut, "shadowscan check "+path) || !strings.Contains(errOut, "backup") {
					t.Fatalf("message does not name the file and what to do: %s", errOut)
				}
				wantNoCrash(t, name, out+errOut)
			})
		}
		t.Run(filepath.Base(path)+" check", func(t *testing.T) {
			code, out, errOut := cli(t, path, "check", path)
			if code != exitError || !strings.Contains(out, "problems:") || !strings.Contains(errOut, path) {
				t.Fatalf("check: exit %d\n%s\n%s", code, out, errOut)
			}
			wantNoCrash(t, "check", out+errOut)
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.wacz")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("export wrote a bundle from a damaged store")
	}
}

func TestMissingStoreIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo.db")
	cmds := append(readCommands(filepath.Join(dir, "x.wacz")),
		[]string{"schedule", "list"},
		[]string{"review", "mark", "1", "confirmed"},
		[]string{"check"},
		[]string{"backup", "--out", filepath.Join(dir, "b.db")},
		[]string{"serve", "--addr", "127.0.0.1:0"},
	)
	for _, args := range cmds {
		code, out, errOut := cli(t, db, args...)
		if code != exitError || !strings.Contains(errOut, db) || !strings.Contains(errOut, "does not exist") {
			t.Errorf("%q on a missing store: exit %d\n%s\n%s", args, code, out, errOut)
		}
		if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%q created the store", args)
		}
	}

	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"review", "list"}, {"init"}} {
		if code, _, errOut := cli(t, empty, args...); code != exitError || !strings.Contains(errOut, "empty") || !strings.Contains(errOut, empty) {
			t.Errorf("%q on an empty file: exit %d %s", args, code, errOut)
		}
	}

	out := mustCLI(t, db, "init")
	if !strings.Contains(out, "created store "+db) {
		t.Fatalf("init: %s", out)
	}
	if out := mustCLI(t, db, "init"); !strings.Contains(out, "already exists") {
		t.Fatalf("second init: %s", out)
	}
	if out := mustCLI(t, db, "review", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("review list on a new store: %q", out)
	}
	mustCLI(t, db, "check")
}

// hitIDs lists the hit ids review list prints, sorted.
func hitIDs(t *testing.T, db string) []uint64 {
	t.Helper()
	var ids []uint64
	for _, h := range mustJSON[[]shadowscan.HitView](t, db, "review", "list", "--json") {
		ids = append(ids, h.ID)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	const n = 300
	mustFilledStoreFile(t, db, n, 50)
	mustCLI(t, db, "review", "mark", "1", "confirmed", "--by", "alice")
	before := hitIDs(t, db)
	if len(before) != n {
		t.Fatalf("%d hits, want %d", len(before), n)
	}

	backup := filepath.Join(dir, "backup.db")
	if out := mustCLI(t, db, "backup", "--out", backup); !strings.Contains(out, "backup "+backup) {
		t.Fatalf("backup: %s", out)
	}
	if code, _, errOut := cli(t, db, "backup", "--out", backup); code != exitError || !strings.Contains(errOut, "already exists") {
		t.Fatalf("backup over an existing file: exit %d %s", code, errOut)
	}
	if code, _, errOut := cli(t, db, "backup"); code != exitUsage {
		t.Fatalf("backup without --out: exit %d %s", code, errOut)
	}

	scribbleFile(t, db, 7)
	code, out, errOut := cli(t, db, "check", db)
	if code != exitError || !strings.Contains(out, "problems:") || !strings.Contains(errOut, "restore it from a backup") {
		t.Fatalf("check of the damaged store: exit %d\n%s\n%s", code, out, errOut)
	}
	wantNoCrash(t, "check", out+errOut)

	copyFile(t, backup, db)
	out = mustCLI(t, db, "check", db)
	if !strings.Contains(out, "ok: no problems found") || !strings.Contains(out, "hits 300") || !strings.Contains(out, "listings 300") {
		t.Fatalf("check after restore: %s", out)
	}
	after := hitIDs(t, db)
	if len(after) != len(before) {
		t.Fatalf("%d hits after restore, want %d", len(after), len(before))
	}
	for i := range before {
		if after[i] != before[i] {
			t.Fatalf("hit ids differ after restore at %d: %d, want %d", i, after[i], before[i])
		}
	}
	if h := showHit(t, db, 1); h.Status != shadowscan.StatusConfirmed {
		t.Fatalf("hit 1 is %s after restore, want confirmed", h.Status)
	}
	s, err := store.Open(db, store.WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < n; i++ {
		id := "L" + strings.Repeat("0", 6-len(itoa(i))) + itoa(i)
		rec, err := s.Listing(context.Background(), "demo-market", id)
		if err != nil || rec.HitID == 0 {
			t.Fatalf("listing %s after restore: %+v %v", id, rec, err)
		}
	}
}

func itoa(i int) string { return jsonID(uint64(i)) }

func TestBackupThroughServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	mustFilledStoreFile(t, db, 120, 20)
	want := hitIDs(t, db)
	base, _, stop := startServe(t, db)
	defer stop()

	// serve holds the file: backup finds it and copies through its API.
	auto := filepath.Join(dir, "auto.db")
	if out := mustCLI(t, db, "backup", "--out", auto); !strings.Contains(out, "from serve at") {
		t.Fatalf("backup while serve runs: %s", out)
	}
	named := filepath.Join(dir, "named.db")
	if out := mustCLI(t, db, "backup", "--out", named, "--server", base); !strings.Contains(out, "from serve at "+base) {
		t.Fatalf("backup --server: %s", out)
	}
	code, _, errOut := cli(t, db, "backup", "--out", filepath.Join(dir, "x.db"), "--server", base, "--token-file", filepath.Join(dir, "none"))
	if code != exitError || !strings.Contains(errOut, "token") {
		t.Fatalf("backup without a token: exit %d %s", code, errOut)
	}
	bad := filepath.Join(dir, "bad.token")
	if err := os.WriteFile(bad, []byte("wrong-token-0123456789\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = cli(t, db, "backup", "--out", filepath.Join(dir, "y.db"), "--server", base, "--token-file", bad)
	if code != exitError || !strings.Contains(errOut, "401") {
		t.Fatalf("backup with a wrong token: exit %d %s", code, errOut)
	}
	// check cannot read the file serve holds, and says what to do.
	code, _, errOut = cli(t, db, "check", db)
	if code != exitError || !strings.Contains(errOut, "in use") || !strings.Contains(errOut, "shadowscan backup") {
		t.Fatalf("check while serve runs: exit %d %s", code, errOut)
	}
	stop()
	for _, copyPath := range []string{auto, named} {
		if out := mustCLI(t, copyPath, "check", copyPath); !strings.Contains(out, "ok: no problems found") {
			t.Fatalf("check %s: %s", copyPath, out)
		}
		if got := hitIDs(t, copyPath); len(got) != len(want) {
			t.Fatalf("%s has %d hits, want %d", copyPath, len(got), len(want))
		}
	}
}
