package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// MustFilledStore makes a closed store file at path with a catalogue, a
// scan, n listings (every third flagged, every fifth with a capture) and
// a schedule, and returns the hit ids.
func MustFilledStore(tb testing.TB, path string, n int) []uint64 {
	tb.Helper()
	ctx := context.Background()
	db, err := Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	cat, photos := testCatalog()
	if _, err := db.SaveCatalog(ctx, cat, photos); err != nil {
		tb.Fatal(err)
	}
	sc := &shadowscan.Scan{Sites: []string{"demo-market"}}
	if err := db.StartScan(ctx, sc); err != nil {
		tb.Fatal(err)
	}
	var obs []Observation
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("L%05d", i)
		o := Observation{ScanID: sc.ID, Listing: listing(id, "Aurora protein "+id, 8900, fmt.Sprintf("s%d", i%7))}
		if i%3 == 0 {
			o.Verdict = flaggedVerdict(40 + i%60)
		}
		if i%5 == 0 {
			o.Captures = []shadowscan.Capture{pageCapture(id)}
		}
		obs = append(obs, o)
	}
	out, err := db.Record(ctx, obs)
	if err != nil {
		tb.Fatal(err)
	}
	var ids []uint64
	for _, o := range out {
		if o.HitID != 0 {
			ids = append(ids, o.HitID)
		}
	}
	if err := db.FinishScan(ctx, sc); err != nil {
		tb.Fatal(err)
	}
	if err := db.AddSchedule(ctx, &shadowscan.Schedule{Cron: "@daily", Site: "demo-market", BrandID: "aurora"}); err != nil {
		tb.Fatal(err)
	}
	return ids
}

// truncateHalf cuts the file at path to half its length.
func truncateHalf(tb testing.TB, path string) {
	tb.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		tb.Fatal(err)
	}
}

// scribble writes 16 random bytes every 8 KiB of the file at path,
// starting at offset 0.
func scribble(tb testing.TB, path string, seed int64) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewSource(seed))
	for off := 0; off < len(b); off += 8 << 10 {
		for i := off; i < off+16 && i < len(b); i++ {
			b[i] = byte(r.Intn(256))
		}
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
}

// rawUpdate changes the file behind the store's back, as damage would.
func rawUpdate(tb testing.TB, path string, fn func(tx *bbolt.Tx) error) {
	tb.Helper()
	b, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(fn); err != nil {
		tb.Fatal(err)
	}
}

func mustCheck(tb testing.TB, path string) *CheckReport {
	tb.Helper()
	rep, err := Check(context.Background(), path)
	if err != nil {
		tb.Fatalf("check %s: %v", path, err)
	}
	return rep
}

func TestCheckSoundStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	ids := MustFilledStore(t, path, 300)
	rep := mustCheck(t, path)
	if !rep.OK() {
		t.Fatalf("problems in a sound store:\n%s", strings.Join(rep.Problems, "\n"))
	}
	if rep.Schema != SchemaVersion || rep.Pages < 3 || rep.Size == 0 {
		t.Fatalf("report = %+v", rep)
	}
	for name, want := range map[string]int{"hits": len(ids), "listings": 300, "brands": 2, "products": 3, "schedules": 1, "captures": 20} {
		if got := rep.Records[name]; got != want {
			t.Errorf("%s: %d records, want %d", name, got, want)
		}
	}
	// Check reads only: a second check of the same file agrees.
	if again := mustCheck(t, path); !again.OK() || again.Size != rep.Size {
		t.Fatalf("second check: %+v", again)
	}
}

func TestCheckFileFindsDamage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, path string)
		want   string
	}{
		{"truncated to half", func(t *testing.T, path string) { truncateHalf(t, path) }, "truncated"},
		{"random bytes every 8 KiB", func(t *testing.T, path string) { scribble(t, path, 1) }, "pages:"},
		{"empty file", func(t *testing.T, path string) { os.Truncate(path, 0) }, "empty"},
		{"blob bytes changed", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				b := tx.Bucket(bucketBlobs)
				k, v := b.Cursor().First()
				bad := append([]byte(nil), v...)
				bad[len(bad)-1] ^= 0xff
				return b.Put(append([]byte(nil), k...), bad)
			})
		}, "blob "},
		{"listing's hit missing", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bucketHits).Delete(u64(1)) })
		}, "hit 1 is missing"},
		{"hit's listing missing", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket(bucketListings).Delete([]byte("demo-market/L00000"))
			})
		}, "listing demo-market/L00000 is missing"},
		{"invalid status", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				b := tx.Bucket(bucketHits)
				v := bytes.Replace(b.Get(u64(1)), []byte(`"status":"new"`), []byte(`"status":"zapped"`), 1)
				return b.Put(u64(1), v)
			})
		}, `status "zapped"`},
		{"record not JSON", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bucketProducts).Put([]byte("ZET-SOAP"), []byte("{garbage")) })
		}, `product "ZET-SOAP"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			MustFilledStore(t, path, 300)
			tc.damage(t, path)
			rep := mustCheck(t, path)
			if rep.OK() {
				t.Fatal("check found nothing wrong")
			}
			if all := strings.Join(rep.Problems, "\n"); !strings.Contains(all, tc.want) {
				t.Fatalf("problems do not mention %q:\n%s", tc.want, all)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "none.db")
		_, err := Check(context.Background(), path)
		wantCode(t, err, shadowscan.ENOTFOUND)
		if _, serr := os.Stat(path); !errors.Is(serr, os.ErrNotExist) {
			t.Fatal("check created the file")
		}
	})
}

func TestOpenDamaged(t *testing.T) {
	for name, damage := range map[string]func(*testing.T, string){
		"truncated to half":        func(t *testing.T, p string) { truncateHalf(t, p) },
		"random bytes every 8 KiB": func(t *testing.T, p string) { scribble(t, p, 2) },
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			MustFilledStore(t, path, 300)
			damage(t, path)
			for _, opts := range [][]Option{nil, {WithReadOnly()}, {WithExisting()}} {
				db, err := Open(path, opts...)
				if err == nil {
					db.Close()
					t.Fatal("opened a damaged store")
				}
				if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "shadowscan check") {
					t.Fatalf("open error = %v", err)
				}
			}
		})
	}
}

func TestWithExisting(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	_, err := Open(missing, WithExisting())
	wantCode(t, err, shadowscan.ENOTFOUND)
	if !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "shadowscan init") {
		t.Fatalf("error = %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("WithExisting created the file")
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(empty, WithExisting()); !errors.Is(err, ErrDamaged) {
		t.Fatalf("empty file: %v", err)
	}
	made := filepath.Join(dir, "made.db")
	MustOpenPath(t, made).Close()
	MustOpenPath(t, made, WithExisting())
}

// TestGuard checks that a panic or a memory fault inside bbolt becomes a
// damage error, and that the handle then refuses work without hanging.
func TestGuard(t *testing.T) {
	ctx := context.Background()
	t.Run("panic", func(t *testing.T) {
		db := MustOpen(t)
		err := db.view(ctx, func(tx *bbolt.Tx) error { panic("assertion failed: page 7 is odd") })
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "page 7 is odd") || !strings.Contains(err.Error(), db.Path()) {
			t.Fatalf("err = %v", err)
		}
		if _, err := db.Hits(ctx, shadowscan.HitFilter{}); !errors.Is(err, ErrDamaged) {
			t.Fatalf("after the panic: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("fault on a file cut short while open", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "s.db")
		MustFilledStore(t, path, 300)
		db := MustOpenPath(t, path, WithReadOnly())
		if err := os.Truncate(path, 8192); err != nil {
			t.Fatal(err)
		}
		_, err := db.Hits(ctx, shadowscan.HitFilter{})
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "s.db")
	ids := MustFilledStore(t, path, 200)
	db := MustOpenPath(t, path)

	// A writer keeps recording while the backup runs.
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := fmt.Sprintf("W%05d", i)
			if _, err := db.Record(ctx, []Observation{{Listing: listing(id, "t "+id, 100, "w"), Verdict: flaggedVerdict(70), Captures: []shadowscan.Capture{pageCapture(id)}}}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	out := filepath.Join(dir, "backup.db")
	n, err := db.BackupFile(ctx, out)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() != n || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", fi, err)
	}
	if rep := mustCheck(t, out); !rep.OK() {
		t.Fatalf("backup has problems:\n%s", strings.Join(rep.Problems, "\n"))
	}
	bdb := MustOpenPath(t, out, WithReadOnly())
	for _, id := range ids {
		if _, err := bdb.Hit(ctx, id); err != nil {
			t.Fatalf("backup lacks hit %d: %v", id, err)
		}
	}
	if _, err := db.BackupFile(ctx, out); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
		t.Fatalf("backup over an existing file: %v", err)
	}
	if _, err := db.BackupFile(ctx, path); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Fatalf("backup onto the store itself: %v", err)
	}
	// A copy cut short on the way is refused and leaves nothing behind.
	b, _ := os.ReadFile(out)
	cut := filepath.Join(dir, "cut.db")
	if _, err := SaveBackup(cut, bytes.NewReader(b[:len(b)/2])); err == nil {
		t.Fatal("saved a copy cut short")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*cut*")); len(left) != 0 {
		t.Fatalf("left behind: %v", left)
	}
}
