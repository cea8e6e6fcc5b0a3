package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// testClock is a settable clock for WithClock.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// MustOpen opens a store in a fresh temporary directory and closes it when
// the test ends.
func MustOpen(tb testing.TB, opts ...Option) *DB {
	tb.Helper()
	return MustOpenPath(tb, filepath.Join(tb.TempDir(), "shadowscan.db"), opts...)
}

// MustOpenPath opens the store at path and closes it when the test ends.
func MustOpenPath(tb testing.TB, path string, opts ...Option) *DB {
	tb.Helper()
	db, err := Open(path, opts...)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	return db
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := shadowscan.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// listing makes a listing of site demo-market.
func listing(id, title string, price shadowscan.Amount, seller string) shadowscan.Listing {
	return shadowscan.Listing{
		Site: "demo-market", ID: id, URL: "http://127.0.0.1/item/" + id, Title: title,
		Price: price, HasPrice: true, Currency: "CNY", SellerID: seller, SellerName: "Shop " + seller,
		Images: []shadowscan.ListingImage{{URL: "http://127.0.0.1/img/" + id + ".jpg", SHA256: sha([]byte(id))}},
	}
}

func flaggedVerdict(score int) shadowscan.Verdict {
	return shadowscan.Verdict{
		BrandID: "aurora", SKU: "AUR-PROT-500", Score: score, Category: shadowscan.CategoryCounterfeit, Flagged: true,
		Reasons: []shadowscan.Reason{{Signal: "price", Detail: "¥89.00 is 30 % of the list price ¥298.00", Points: score}},
	}
}

func pageCapture(id string) shadowscan.Capture {
	return shadowscan.Capture{
		URL: "http://127.0.0.1/item/" + id, Method: "GET", Status: 200,
		Header: map[string][]string{"Content-Type": {"text/html"}},
		Body:   []byte(strings.Repeat("<p>listing "+id+"</p>", 50)), FetchedAt: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Kind: "page",
	}
}

func mustRecord(t testing.TB, db *DB, obs ...Observation) []Outcome {
	t.Helper()
	out, err := db.Record(context.Background(), obs)
	if err != nil {
		t.Fatalf("record: %v", err)
	}
	if len(out) != len(obs) {
		t.Fatalf("record returned %d outcomes for %d observations", len(out), len(obs))
	}
	return out
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	t.Run("creates the file at the current schema", func(t *testing.T) {
		db := MustOpen(t)
		var v uint64
		if err := db.bolt.View(func(tx *bbolt.Tx) error { var err error; v, err = schemaOf(tx); return err }); err != nil {
			t.Fatal(err)
		}
		if v != SchemaVersion {
			t.Fatalf("schema = %d, want %d", v, SchemaVersion)
		}
		if _, err := os.Stat(db.Path() + lockInfoSuffix); err != nil {
			t.Fatalf("lock-info sidecar missing: %v", err)
		}
		if err := db.Check(ctx); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("close removes the sidecar", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "s.db")
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(path + lockInfoSuffix); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("sidecar still there: %v", err)
		}
	})
	t.Run("empty path is invalid", func(t *testing.T) {
		_, err := Open("")
		wantCode(t, err, shadowscan.EINVALID)
	})
	t.Run("read-only missing file is not found", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "missing.db")
		_, err := Open(path, WithReadOnly())
		wantCode(t, err, shadowscan.ENOTFOUND)
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Fatal("read-only open created the file")
		}
	})
	t.Run("read-only refuses writes", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "ro.db")
		db := MustOpenPath(t, path)
		mustRecord(t, db, Observation{Listing: listing("1", "t", 100, "s"), Verdict: flaggedVerdict(80)})
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		ro := MustOpenPath(t, path, WithReadOnly())
		if _, err := ro.Hit(ctx, 1); err != nil {
			t.Fatalf("read from read-only store: %v", err)
		}
		_, err := ro.PutBlob(ctx, []byte("x"))
		wantCode(t, err, shadowscan.ECONFLICT)
	})
	t.Run("not a store", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "junk.db")
		if err := os.WriteFile(path, bytes.Repeat([]byte("junk"), 4096), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path)
		wantCode(t, err, shadowscan.EINVALID)
		if !strings.Contains(err.Error(), path) {
			t.Fatalf("error %q does not name the file", err)
		}
	})
	t.Run("newer schema is refused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "new.db")
		db := MustOpenPath(t, path)
		if err := db.bolt.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64(SchemaVersion+5)) }); err != nil {
			t.Fatal(err)
		}
		_ = db.Close()
		_, err := Open(path)
		wantCode(t, err, shadowscan.ECONFLICT)
		want := fmt.Sprintf("store %s has schema %d; this shadowscan knows up to %d; upgrade shadowscan", path, SchemaVersion+5, SchemaVersion)
		if err.Error() != want {
			t.Fatalf("error = %q\nwant    %q", err, want)
		}
	})
	t.Run("second open in the same process times out as a conflict", func(t *testing.T) {
		db := MustOpen(t)
		start := time.Now()
		_, err := Open(db.Path(), WithTimeout(100*time.Millisecond))
		wantCode(t, err, shadowscan.ECONFLICT)
		if !strings.Contains(err.Error(), fmt.Sprintf("process %d", os.Getpid())) {
			t.Fatalf("error %q does not name this process %d", err, os.Getpid())
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("open waited %v", time.Since(start))
		}
	})
}

func TestBlobs(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	text := bytes.Repeat([]byte("<html>counterfeit listing</html>\n"), 200)
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*7919 + i/3*31)
	}
	noise = []byte(sha(noise) + sha(noise[1:]) + hex.EncodeToString(noise)) // high entropy-ish
	random := make([]byte, 8192)
	h := sha256.Sum256(nil)
	for i := 0; i < len(random); i += 32 {
		h = sha256.Sum256(h[:])
		copy(random[i:], h[:])
	}
	tests := []struct {
		name     string
		data     []byte
		wantEnc  byte
		wantSize func(stored, raw int) bool
	}{
		{"compressible text is stored compressed", text, blobFlate, func(s, r int) bool { return s < r/4 }},
		{"incompressible bytes are stored raw", random, blobRaw, func(s, r int) bool { return s <= r+binaryHeader }},
		{"empty blob", []byte{}, blobRaw, func(s, r int) bool { return s <= binaryHeader }},
		{"mixed content", noise, blobFlate, func(s, r int) bool { return s < r }},
		// A JPEG is stored as it is without trying to deflate it, even
		// when (as here, padded with zeros) deflate would shrink it.
		{"a JPEG is stored raw", append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, 4096)...), blobRaw, func(s, r int) bool { return s >= r }},
		{"a PNG is stored raw", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 4096)...), blobRaw, func(s, r int) bool { return s >= r }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, err := db.PutBlob(ctx, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if name != sha(tt.data) {
				t.Fatalf("name = %s, want %s", name, sha(tt.data))
			}
			got, err := db.Blob(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Fatal("blob bytes differ")
			}
			ok, err := db.HasBlob(ctx, name)
			if err != nil || !ok {
				t.Fatalf("HasBlob = %v, %v", ok, err)
			}
			var stored []byte
			_ = db.bolt.View(func(tx *bbolt.Tx) error { stored = bytes.Clone(tx.Bucket(bucketBlobs).Get([]byte(name))); return nil })
			if stored[0] != tt.wantEnc || !tt.wantSize(len(stored), len(tt.data)) {
				t.Fatalf("stored encoding %d, %d bytes for %d", stored[0], len(stored), len(tt.data))
			}
			// Written once: a second put leaves the stored bytes alone.
			if _, err := db.PutBlob(ctx, tt.data); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("missing blob is not found", func(t *testing.T) {
		_, err := db.Blob(ctx, sha([]byte("never stored")))
		wantCode(t, err, shadowscan.ENOTFOUND)
		ok, err := db.HasBlob(ctx, sha([]byte("never stored")))
		if err != nil || ok {
			t.Fatalf("HasBlob = %v, %v", ok, err)
		}
	})
	t.Run("bad name is invalid", func(t *testing.T) {
		for _, name := range []string{"", "abc", strings.ToUpper(sha(text)), sha(text)[:63] + "g"} {
			_, err := db.Blob(ctx, name)
			wantCode(t, err, shadowscan.EINVALID)
		}
	})
	t.Run("over the size limit is invalid", func(t *testing.T) {
		_, err := db.PutBlob(ctx, make([]byte, MaxBlobSize+1))
		wantCode(t, err, shadowscan.EINVALID)
	})
	t.Run("corruption is reported naming the blob", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			data []byte
		}{{"flate", text}, {"raw", random}} {
			name := sha(tc.data)
			if err := db.bolt.Update(func(tx *bbolt.Tx) error {
				b := tx.Bucket(bucketBlobs)
				v := bytes.Clone(b.Get([]byte(name)))
				v[len(v)-1] ^= 0xff
				return b.Put([]byte(name), v)
			}); err != nil {
				t.Fatal(err)
			}
			_, err := db.Blob(ctx, name)
			if err == nil || !strings.Contains(err.Error(), "blob "+name+" is corrupt") {
				t.Fatalf("%s: error = %v, want one naming blob %s", tc.name, err, name)
			}
		}
	})
}

// binaryHeader bounds the blob header: one encoding byte and a uvarint.
const binaryHeader = 1 + 10

func testCatalog() (*shadowscan.Catalog, map[string][]byte) {
	photo := []byte("official protein photo")
	cat := &shadowscan.Catalog{
		Brands: []shadowscan.Brand{
			{ID: "zeta", Name: "Zeta Home"},
			{ID: "aurora", Name: "Aurora Wellness", Aliases: []string{"奥罗拉"}, OfficialSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "aurora-official"}}},
		},
		Products: []shadowscan.Product{
			{SKU: "ZET-SOAP", BrandID: "zeta", Name: "Zeta Soap", Price: 1500, Currency: "CNY"},
			{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g", Price: 29800, MinPrice: 26800, Currency: "CNY", Images: []shadowscan.ImageRef{{Source: "images/p.jpg", SHA256: sha(photo), PHash: 1, DHash: 2}}},
			{SKU: "AUR-CREAM", BrandID: "aurora", Name: "Aurora Cream", Price: 19800, Currency: "CNY"},
		},
	}
	return cat, map[string][]byte{sha(photo): photo}
}

func TestCatalog(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	cat, photos := testCatalog()
	stats, err := db.SaveCatalog(ctx, cat, photos)
	if err != nil {
		t.Fatal(err)
	}
	if want := (ImportStats{BrandsAdded: 2, ProductsAdded: 3}); stats != want {
		t.Fatalf("first import = %+v, want %+v", stats, want)
	}
	for name, data := range photos {
		got, err := db.Blob(ctx, name)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("photo blob: %v", err)
		}
	}

	t.Run("re-import changes nothing", func(t *testing.T) {
		stats, err := db.SaveCatalog(ctx, cat, photos)
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportStats{BrandsUnchanged: 2, ProductsUnchanged: 3}); stats != want {
			t.Fatalf("re-import = %+v, want %+v", stats, want)
		}
	})
	t.Run("edited catalogue updates in place", func(t *testing.T) {
		edited := &shadowscan.Catalog{
			Brands:   []shadowscan.Brand{{ID: "aurora", Name: "Aurora Wellness Ltd"}},
			Products: []shadowscan.Product{{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Protein 500g", Price: 31800, MinPrice: 28800, Currency: "CNY"}, {SKU: "AUR-NEW", BrandID: "aurora", Name: "New", Price: 100, Currency: "CNY"}},
		}
		stats, err := db.SaveCatalog(ctx, edited, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportStats{BrandsUpdated: 1, ProductsUpdated: 1, ProductsAdded: 1}); stats != want {
			t.Fatalf("edit = %+v, want %+v", stats, want)
		}
		p, err := db.Product(ctx, "AUR-PROT-500")
		if err != nil || p.Price != 31800 || p.Name != "Aurora Protein 500g" {
			t.Fatalf("product after edit = %+v, %v", p, err)
		}
		b, err := db.Brand(ctx, "aurora")
		if err != nil || b.Name != "Aurora Wellness Ltd" {
			t.Fatalf("brand after edit = %+v, %v", b, err)
		}
	})
	t.Run("catalog is sorted and has no duplicates", func(t *testing.T) {
		got, err := db.Catalog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var brands, products []string
		for _, b := range got.Brands {
			brands = append(brands, b.ID)
		}
		for _, p := range got.Products {
			products = append(products, p.BrandID+"/"+p.SKU)
		}
		if w := "aurora zeta"; strings.Join(brands, " ") != w {
			t.Fatalf("brands = %v, want %s", brands, w)
		}
		if w := "aurora/AUR-CREAM aurora/AUR-NEW aurora/AUR-PROT-500 zeta/ZET-SOAP"; strings.Join(products, " ") != w {
			t.Fatalf("products = %v, want %s", products, w)
		}
	})
	t.Run("missing brand and product are not found", func(t *testing.T) {
		_, err := db.Brand(ctx, "nope")
		wantCode(t, err, shadowscan.ENOTFOUND)
		_, err = db.Product(ctx, "NOPE")
		wantCode(t, err, shadowscan.ENOTFOUND)
	})
	bad := []struct {
		name   string
		cat    *shadowscan.Catalog
		photos map[string][]byte
		code   string
		want   string
	}{
		{"invalid brand", &shadowscan.Catalog{Brands: []shadowscan.Brand{{ID: "Bad ID", Name: "x"}}}, nil, shadowscan.EINVALID, "brand.id"},
		{"invalid product", &shadowscan.Catalog{Products: []shadowscan.Product{{SKU: "X", BrandID: "aurora", Name: "x", Price: 1, Currency: "XXX"}}}, nil, shadowscan.EINVALID, "currency"},
		{"unknown brand", &shadowscan.Catalog{Products: []shadowscan.Product{{SKU: "X", BrandID: "ghost", Name: "x", Price: 1, Currency: "CNY"}}}, nil, shadowscan.EINVALID, "ghost"},
		{"duplicate sku", &shadowscan.Catalog{Products: []shadowscan.Product{{SKU: "X", BrandID: "aurora", Name: "x", Price: 1, Currency: "CNY"}, {SKU: "X", BrandID: "aurora", Name: "y", Price: 1, Currency: "CNY"}}}, nil, shadowscan.EINVALID, "twice"},
		{"sku of another brand", &shadowscan.Catalog{Products: []shadowscan.Product{{SKU: "ZET-SOAP", BrandID: "aurora", Name: "x", Price: 1, Currency: "CNY"}}}, nil, shadowscan.ECONFLICT, "brand zeta"},
		{"photo under the wrong name", &shadowscan.Catalog{}, map[string][]byte{sha([]byte("a")): []byte("b")}, shadowscan.EINVALID, "hash to"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := db.Catalog(ctx)
			_, err := db.SaveCatalog(ctx, tt.cat, tt.photos)
			wantCode(t, err, tt.code)
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not mention %q", err, tt.want)
			}
			after, _ := db.Catalog(ctx)
			if len(before.Products) != len(after.Products) || len(before.Brands) != len(after.Brands) {
				t.Fatal("a failed import changed the catalogue")
			}
		})
	}
}

func TestScans(t *testing.T) {
	ctx := context.Background()
	clock := newTestClock()
	path := filepath.Join(t.TempDir(), "scans.db")
	db := MustOpenPath(t, path, WithClock(clock.Now))
	var ids []uint64
	for i := 0; i < 3; i++ {
		s := &shadowscan.Scan{Sites: []string{"demo-market"}, BrandID: "aurora"}
		if err := db.StartScan(ctx, s); err != nil {
			t.Fatal(err)
		}
		if s.ID == 0 || s.State != shadowscan.ScanRunning || !s.StartedAt.Equal(clock.Now()) {
			t.Fatalf("started scan = %+v", s)
		}
		ids = append(ids, s.ID)
		clock.Add(time.Minute)
	}
	if ids[0] >= ids[1] || ids[1] >= ids[2] {
		t.Fatalf("scan ids not increasing: %v", ids)
	}
	done := &shadowscan.Scan{ID: ids[0], Sites: []string{"demo-market"}, Pages: 7, Listings: 40, Hits: 3}
	if err := db.FinishScan(ctx, done); err != nil {
		t.Fatal(err)
	}
	if done.State != shadowscan.ScanDone || done.EndedAt.IsZero() {
		t.Fatalf("finished = %+v", done)
	}
	t.Run("own running scans are not interrupted", func(t *testing.T) {
		got, err := db.InterruptedScans(ctx)
		if err != nil || len(got) != 0 {
			t.Fatalf("interrupted = %v, %v", got, err)
		}
		if left, err := db.LeftRunning(ctx); err != nil || len(left) != 0 {
			t.Fatalf("left running = %v, %v", left, err)
		}
	})
	t.Run("newest first with a limit", func(t *testing.T) {
		got, err := db.Scans(ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != ids[2] || got[1].ID != ids[1] {
			t.Fatalf("scans = %+v", got)
		}
		all, _ := db.Scans(ctx, 0)
		if len(all) != 3 || all[2].Pages != 7 {
			t.Fatalf("all scans = %+v", all)
		}
	})
	t.Run("finish unknown scan is not found", func(t *testing.T) {
		err := db.FinishScan(ctx, &shadowscan.Scan{ID: 999})
		wantCode(t, err, shadowscan.ENOTFOUND)
		err = db.FinishScan(ctx, &shadowscan.Scan{ID: ids[1], State: "paused"})
		wantCode(t, err, shadowscan.EINVALID)
	})
	t.Run("running scans of a dead process are interrupted", func(t *testing.T) {
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		db2 := MustOpenPath(t, path, WithClock(clock.Now))
		got, err := db2.InterruptedScans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != ids[2] || got[1].ID != ids[1] || got[0].State != shadowscan.ScanInterrupted {
			t.Fatalf("interrupted = %+v", got)
		}
		stopped := got[0]
		stopped.State = shadowscan.ScanInterrupted
		if err := db2.FinishScan(ctx, &stopped); err != nil {
			t.Fatal(err)
		}
		left, err := db2.LeftRunning(ctx)
		if err != nil || len(left) != 1 || left[0].ID != ids[1] {
			t.Fatalf("left running = %+v, %v; want only scan %d (%d was stopped, not left)", left, err, ids[1], ids[2])
		}
		// Not rewritten on disk.
		var raw shadowscan.Scan
		_ = db2.bolt.View(func(tx *bbolt.Tx) error {
			raw, _ = decodeValue[shadowscan.Scan](tx.Bucket(bucketScans).Get(u64(ids[1])), scanV, "scan")
			return nil
		})
		if raw.State != shadowscan.ScanRunning {
			t.Fatalf("stored state = %q, want running", raw.State)
		}
		if _, err := db2.ResumeScan(ctx, ids[0]); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
			t.Fatalf("resume of a done scan: %v", err)
		}
		s, err := db2.ResumeScan(ctx, ids[1])
		if err != nil || s.State != shadowscan.ScanRunning {
			t.Fatalf("resume = %+v, %v", s, err)
		}
		got, _ = db2.InterruptedScans(ctx)
		if len(got) != 1 || got[0].ID != ids[2] {
			t.Fatalf("interrupted after resume = %+v", got)
		}
		s2, _ := db2.Scan(ctx, ids[1])
		if s2.State != shadowscan.ScanRunning {
			t.Fatalf("resumed scan state = %q", s2.State)
		}
		_, err = db2.Scan(ctx, 12345)
		wantCode(t, err, shadowscan.ENOTFOUND)
	})
}

// TestSaveCatalogRemovesProducts: WithRemovedProducts deletes a brand's
// products in the import's transaction, and never another brand's.
func TestSaveCatalogRemovesProducts(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	cat, photos := testCatalog()
	if _, err := db.SaveCatalog(ctx, cat, photos); err != nil {
		t.Fatal(err)
	}
	aurora := &shadowscan.Catalog{Brands: []shadowscan.Brand{cat.Brands[1]}, Products: []shadowscan.Product{cat.Products[1]}}

	_, err := db.SaveCatalog(ctx, aurora, nil, WithRemovedProducts("ZET-SOAP"))
	wantCode(t, err, shadowscan.ECONFLICT)
	if !strings.Contains(err.Error(), "brand zeta") {
		t.Errorf("error %q does not name the other brand", err)
	}
	_, err = db.SaveCatalog(ctx, aurora, nil, WithRemovedProducts("AUR-PROT-500"))
	wantCode(t, err, shadowscan.ECONFLICT)
	if _, err := db.Product(ctx, "ZET-SOAP"); err != nil {
		t.Fatalf("a refused removal removed: %v", err)
	}

	stats, err := db.SaveCatalog(ctx, aurora, nil, WithRemovedProducts("AUR-CREAM", "NEVER-STORED"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (ImportStats{BrandsUnchanged: 1, ProductsUnchanged: 1, ProductsRemoved: 1}); stats != want {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	_, err = db.Product(ctx, "AUR-CREAM")
	wantCode(t, err, shadowscan.ENOTFOUND)
	for _, sku := range []string{"AUR-PROT-500", "ZET-SOAP"} {
		if _, err := db.Product(ctx, sku); err != nil {
			t.Errorf("%s: %v", sku, err)
		}
	}
}
