package store

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

func FuzzParseProcLocks(f *testing.F) {
	f.Add("1: FLOCK  ADVISORY  WRITE 1234 fe:00:9979464 0 EOF\n", uint64(0xfe), uint64(0), uint64(9979464))
	f.Add("2: -> FLOCK  ADVISORY  WRITE 555 fe:00:1 0 EOF\n1: POSIX ADVISORY READ 1 0:0:0 0 EOF", uint64(0), uint64(0), uint64(0))
	f.Fuzz(func(t *testing.T, s string, major, minor, inode uint64) {
		pid, ok := parseProcLocks(strings.NewReader(s), fileID{major, minor, inode})
		if ok && pid <= 0 {
			t.Fatalf("ok with pid %d", pid)
		}
		if !ok && pid != 0 {
			t.Fatalf("not ok with pid %d", pid)
		}
	})
}

// FuzzBlob checks that any bytes survive a round trip and that decoding
// damaged or hostile stored bytes fails cleanly instead of panicking or
// returning bytes that do not match the name.
func FuzzBlob(f *testing.F) {
	f.Add([]byte("<html>listing</html>"), []byte{1, 5, 0xff})
	f.Add(bytes.Repeat([]byte("a"), 1000), []byte{0, 3, 'a', 'b', 'c'})
	f.Add([]byte{}, []byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data, stored []byte) {
		b, err := encodeBlob(data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeBlob(b.sha, b.stored)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("round trip: %v", err)
		}
		out, err := decodeBlob(b.sha, stored)
		if err == nil && !bytes.Equal(out, data) {
			t.Fatal("decoded bytes that do not match their name")
		}
		if err != nil && shadowscan.ErrorCode(err) != shadowscan.EINTERNAL {
			t.Fatalf("damage reported as %q", shadowscan.ErrorCode(err))
		}
	})
}

func FuzzHitSummary(f *testing.F) {
	f.Add("aurora", "demo-market", "counterfeit", "shop-1", []byte{1, 'a', 0, 0, 0})
	f.Fuzz(func(t *testing.T, brand, site, cat, seller string, raw []byte) {
		h := shadowscan.Hit{BrandID: brand, Category: shadowscan.Category(cat), Listing: shadowscan.Listing{Site: site, SellerID: seller}}
		s, err := decodeSummary(encodeSummary(&h))
		if err != nil || s != (hitSummary{brand, site, cat, seller}) {
			t.Fatalf("round trip = %+v, %v", s, err)
		}
		_, _ = decodeSummary(raw) // must not panic
	})
}

// FuzzFieldPrefix checks that counter keys round-trip whatever bytes a
// listing's values hold, that no key of one (dimension, value, status) is
// a prefix of another's entries, and that damaged keys fail cleanly.
func FuzzFieldPrefix(f *testing.F) {
	f.Add(byte('r'), "shop-1", "new", "shop-10", []byte{'r', 1, 'a', 0})
	f.Add(byte('b'), "", "", "\x00", []byte{'b', 0xff, 0xff})
	f.Fuzz(func(t *testing.T, dim byte, value, st, other string, raw []byte) {
		k := fieldPrefix(dim, value, shadowscan.Status(st))
		d, v, s, ok := parseFieldPrefix(k)
		if !ok || d != dim || v != value || string(s) != st {
			t.Fatalf("round trip of %x = %c %q %q %v", k, d, v, s, ok)
		}
		if other != value {
			entry := append(fieldPrefix(dim, other, shadowscan.Status(st)), scoreIndexKey(50, 1)...)
			if bytes.HasPrefix(entry, k) {
				t.Fatalf("entry of %q starts with the prefix of %q", other, value)
			}
		}
		_, _, _, _ = parseFieldPrefix(raw) // must not panic
	})
}

// FuzzDamagedStore opens damaged store files and runs Check and the read
// paths on them: whatever the bytes, every call returns, with an error or
// without, and none panics or faults. The seeds are a sound store, the
// same cut in half, and with random bytes every 8 KiB. Large inputs make
// the fuzzer's minimising slow: run with -fuzzminimizetime 2s.
func FuzzDamagedStore(f *testing.F) {
	dir := f.TempDir()
	sound := filepath.Join(dir, "sound.db")
	MustFilledStore(f, sound, 12)
	b, err := os.ReadFile(sound)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	scribbled := filepath.Join(dir, "scribbled.db")
	if err := os.WriteFile(scribbled, b, 0o600); err != nil {
		f.Fatal(err)
	}
	scribble(f, scribbled, 3)
	sb, err := os.ReadFile(scribbled)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sb)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		path := filepath.Join(t.TempDir(), "s.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		rep, err := Check(ctx, path, WithTimeout(100*time.Millisecond))
		if err == nil && rep.OK() && len(data) < 2*1024 {
			t.Fatalf("a file of %d bytes passed the check", len(data))
		}
		for _, opts := range [][]Option{{WithReadOnly()}, {WithExisting()}} {
			db, err := Open(path, append(opts, WithTimeout(100*time.Millisecond))...)
			if err != nil {
				continue
			}
			readEverything(ctx, db)
			if err := db.Close(); err != nil {
				t.Logf("close: %v", err)
			}
		}
	})
}

// readEverything calls every read path once, ignoring the results.
func readEverything(ctx context.Context, db *DB) {
	_, _ = db.Hits(ctx, shadowscan.HitFilter{})
	_, _ = db.Hits(ctx, shadowscan.HitFilter{Status: shadowscan.StatusNew, BrandID: "aurora"})
	_, _ = db.HitCount(ctx, shadowscan.HitFilter{SellerID: "s1"})
	_, _ = db.Hit(ctx, 1)
	_, _ = db.HitCounts(ctx)
	_, _ = db.Catalog(ctx)
	_, _ = db.Product(ctx, "ZET-SOAP")
	_, _ = db.Scans(ctx, 10)
	_, _ = db.InterruptedScans(ctx)
	_, _ = db.Schedules(ctx)
	_, _ = db.Listing(ctx, "demo-market", "L00000")
	_, _ = db.ListingHistory(ctx, "demo-market", "L00000")
	_, _ = db.Captures(ctx, "demo-market", "L00000")
	_, _ = db.Sellers(ctx, SellerFilter{})
	_, _ = db.ConfirmedBySeller(ctx)
	_ = db.EachHit(ctx, shadowscan.HitFilter{}, func(*shadowscan.Hit) error { return nil })
	_, _ = db.Blob(ctx, sha(pageCapture("L00000").Body))
	_, _ = db.Backup(ctx, io.Discard)
	_ = db.Check(ctx)
}

// FuzzWalkPages runs the page walker alone, which is fast enough to fuzz
// hard: it reads any bytes without panicking, and a file it passes has a
// meta page whose page count fits the file.
func FuzzWalkPages(f *testing.F) {
	sound := filepath.Join(f.TempDir(), "sound.db")
	MustFilledStore(f, sound, 12)
	b, err := os.ReadFile(sound)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add(b[:3*4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		problems, metaOK := walkPages(data, true)
		if len(problems) > maxWalkProblems {
			t.Fatalf("%d problems, over the cap of %d", len(problems), maxWalkProblems)
		}
		if len(problems) == 0 {
			if !metaOK {
				t.Fatal("no problems and no meta page")
			}
			w := &pageWalker{data: data, size: int64(len(data))}
			if !w.readMeta() || w.meta.pgid*w.pageSize > uint64(len(data)) {
				t.Fatalf("passed a file of %d bytes whose meta says %d pages of %d", len(data), w.meta.pgid, w.pageSize)
			}
		}
	})
}
