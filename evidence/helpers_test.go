package evidence

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"io"
	"iter"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// memBlobs is an in-memory blob store.
type memBlobs struct {
	mu sync.Mutex
	m  map[string][]byte
}

func newMemBlobs() *memBlobs { return &memBlobs{m: map[string][]byte{}} }

func (b *memBlobs) put(data []byte) string {
	s := sha256.Sum256(data)
	h := hex.EncodeToString(s[:])
	b.mu.Lock()
	b.m[h] = data
	b.mu.Unlock()
	return h
}

func (b *memBlobs) Blob(_ context.Context, sha string) ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	d, ok := b.m[sha]
	if !ok {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "blob %s is not in the store", sha)
	}
	return d, nil
}

// testPNG makes a small distinct PNG.
func testPNG(tb testing.TB, seed int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for y := 0; y < 16; y++ {
		for x := 0; x < 24; x++ {
			img.Set(x, y, color.RGBA{uint8(seed * 37), uint8(x * 10), uint8(y*15 + seed), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

var testTime = time.Date(2026, 3, 14, 9, 26, 53, 0, time.UTC)

var testBrand = &shadowscan.Brand{
	ID: "aurora", Name: "Aurora Wellness", Aliases: []string{"奥罗拉"},
	AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-1187"}},
}

// testItems builds n synthetic hits, each with a listing page and one
// photo (the official photo reused), on an httptest-like loopback URL.
func testItems(tb testing.TB, blobs *memBlobs, n int) []Item {
	tb.Helper()
	official := testPNG(tb, 1)
	offSHA := blobs.put(official)
	prod := &shadowscan.Product{
		SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g",
		Aliases: []string{"奥罗拉植物蛋白粉"}, Price: 29800, MinPrice: 26800, Currency: "CNY",
		Images: []shadowscan.ImageRef{{Source: "images/aur-prot-500.png", SHA256: offSHA}},
	}
	var items []Item
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("A%04d", i)
		pageURL := fmt.Sprintf("http://127.0.0.1:8931/item/%s?ref=search&b=2", id)
		photoURL := fmt.Sprintf("http://127.0.0.1:8931/img/%s.png", id)
		title := fmt.Sprintf("奥罗拉植物蛋白粉 500克 原单 <script>alert(%d)</script>", i)
		page := []byte(fmt.Sprintf("<!doctype html><html><head><title>%s</title></head><body><h1 class=title>%s</h1><span class=price>¥89.00</span><img src=\"/img/%s.png\"></body></html>", id, html.EscapeString(title), id))
		photo := official
		if i%2 == 0 {
			photo = testPNG(tb, i+1)
		}
		at := testTime.Add(time.Duration(i) * time.Minute)
		caps := []shadowscan.Capture{
			{URL: pageURL, Method: "GET", RequestHeader: map[string][]string{"User-Agent": {"shadowscan-test"}, "Accept": {"text/html"}},
				Status: 200, Header: map[string][]string{"Content-Type": {"text/html; charset=utf-8"}, "Set-Cookie": {"a=1", "b=2"}},
				BodySHA256: blobs.put(page), BodySize: int64(len(page)), FetchedAt: at.Add(123 * time.Millisecond), Kind: "page"},
			{URL: photoURL, Method: "GET", RequestHeader: map[string][]string{"User-Agent": {"shadowscan-test"}},
				Status: 200, Header: map[string][]string{"Content-Type": {"image/png"}},
				BodySHA256: blobs.put(photo), BodySize: int64(len(photo)), FetchedAt: at.Add(2 * time.Second), Kind: "photo"},
		}
		if i == 2 {
			caps[0].FetchedBy = "worker-7" // a page a distributed scan's worker fetched
		}
		h := shadowscan.Hit{
			ID: uint64(i), Category: shadowscan.CategoryCounterfeit, Score: 90, Status: shadowscan.StatusConfirmed,
			Reasons: []shadowscan.Reason{
				{Signal: "price", Detail: "¥89.00 is 30 % of the list price ¥298.00", Points: 40},
				{Signal: "words", Detail: "red-flag word 原单", Points: 30},
				{Signal: "image", Detail: "=HYPERLINK(\"http://evil\") reused official photo", Points: 20},
			},
			BrandID: "aurora", SKU: prod.SKU,
			Listing: shadowscan.Listing{
				Site: "demo-market", ID: id, URL: pageURL, Title: title, Price: 8900, HasPrice: true, Currency: "CNY",
				SellerID: fmt.Sprintf("shop-%d", 9000+i), SellerName: "低价小铺 <b>", Images: []shadowscan.ListingImage{{URL: photoURL}},
				FetchedAt: at,
			},
			History: []shadowscan.Transition{
				{From: "", To: shadowscan.StatusNew, By: "scan", At: at.Format(time.RFC3339)},
				{From: shadowscan.StatusNew, To: shadowscan.StatusConfirmed, By: "alice", Note: "same photo", At: at.Add(time.Hour).Format(time.RFC3339)},
			},
			FirstSeen: at, LastSeen: at,
		}
		if i == n {
			h.Status = shadowscan.StatusReported
			h.History = append(h.History, shadowscan.Transition{From: shadowscan.StatusConfirmed, To: shadowscan.StatusReported, By: "legal", Case: "IPP-2026-000123", At: at.Add(2 * time.Hour).Format(time.RFC3339)})
		}
		items = append(items, Item{Hit: h, Brand: testBrand, Product: prod, Captures: caps})
	}
	return items
}

func seqOf(items []Item) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
	}
}

// MustWrite writes a bundle of items and returns its bytes.
func MustWrite(tb testing.TB, items []Item, blobs Blobs, opts Options) ([]byte, Summary) {
	tb.Helper()
	if opts.Created.IsZero() {
		opts.Created = testTime.Add(48 * time.Hour)
	}
	if opts.Software == "" {
		opts.Software = "shadowscan test"
	}
	opts.TempDir = tb.TempDir()
	var buf bytes.Buffer
	sum, err := Write(context.Background(), &buf, seqOf(items), blobs, opts)
	if err != nil {
		tb.Fatalf("Write: %v", err)
	}
	if sum.Bytes != int64(buf.Len()) {
		tb.Fatalf("summary says %d bytes, wrote %d", sum.Bytes, buf.Len())
	}
	return buf.Bytes(), sum
}

// MustTrust returns the public halves of keys as VerifyOptions.TrustedKeys.
func MustTrust(tb testing.TB, keys ...*ecdsa.PrivateKey) []TrustedKey {
	tb.Helper()
	var out []TrustedKey
	for i, k := range keys {
		if k == nil {
			tb.Fatalf("key %d is nil", i)
		}
		out = append(out, TrustedKey{Key: &k.PublicKey, Fingerprint: Fingerprint(&k.PublicKey), Source: fmt.Sprintf("test key %d", i+1)})
	}
	return out
}

func verifyBytes(b []byte, opts VerifyOptions) (*Report, error) {
	return Verify(context.Background(), bytes.NewReader(b), int64(len(b)), opts)
}

// bundleFiles unpacks a bundle into name -> bytes, in ZIP order.
func bundleFiles(tb testing.TB, b []byte) (map[string][]byte, []string) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatal(err)
	}
	m := map[string][]byte{}
	var order []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		d, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		m[f.Name] = d
		order = append(order, f.Name)
	}
	return m, order
}

// repack writes files back as a STORED ZIP, sorted by name.
func repack(tb testing.TB, files map[string][]byte) []byte {
	tb.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store, Modified: testTime})
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// rehash recomputes datapackage.json resources, SHA256SUMS and the digest
// file after a tamper, as a forger without the key would; signedData is
// kept as it was.
func rehash(tb testing.TB, files map[string][]byte) {
	tb.Helper()
	var sums strings.Builder
	names := make([]string, 0)
	for n := range files {
		if n != pathDataPkg && n != pathDigest && n != pathSums {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&sums, "%s  %s\n", sha256Hex(files[n]), n)
	}
	files[pathSums] = []byte(sums.String())
	rehashOuter(tb, files)
}

// rehashOuter recomputes datapackage.json and the digest file only.
func rehashOuter(tb testing.TB, files map[string][]byte) {
	tb.Helper()
	var dp dataPackage
	if err := json.Unmarshal(files[pathDataPkg], &dp); err != nil {
		tb.Fatal(err)
	}
	dp.Resources = nil
	names := make([]string, 0)
	for n := range files {
		if n != pathDataPkg && n != pathDigest {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		dp.Resources = append(dp.Resources, resource{Name: resourceName(n), Path: n, Hash: "sha256:" + sha256Hex(files[n]), Bytes: int64(len(files[n]))})
	}
	b, _ := json.MarshalIndent(dp, "", "  ")
	files[pathDataPkg] = b
	var dig digestFile
	if err := json.Unmarshal(files[pathDigest], &dig); err != nil {
		tb.Fatal(err)
	}
	dig.Hash = "sha256:" + sha256Hex(b)
	db, _ := json.MarshalIndent(dig, "", "  ")
	files[pathDigest] = db
}

// tool returns the path of an external tool from env or PATH, or skips the
// test, unless SHADOWSCAN_REQUIRE_TOOLS=1, when it fails.
func tool(t *testing.T, env, name string) string {
	t.Helper()
	if p := os.Getenv(env); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if os.Getenv("SHADOWSCAN_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s not found (set %s or put it on PATH; .ci/evidence-tools.sh installs it)", name, env)
	}
	t.Skipf("%s not found: set %s or run .ci/evidence-tools.sh (SHADOWSCAN_REQUIRE_TOOLS=1 turns this skip into a failure)", name, env)
	return ""
}

// member is one gzip member of a WARC file, decompressed.
type member struct{ plain []byte }

// splitMembers decompresses each gzip member of warc separately.
func splitMembers(tb testing.TB, warc []byte) []member {
	tb.Helper()
	cr := &countingByteReader{br: bufio.NewReader(bytes.NewReader(warc)), h: sha256.New()}
	var out []member
	var zr *gzip.Reader
	for {
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(cr)
		} else {
			err = zr.Reset(cr)
		}
		if err == io.EOF {
			return out
		}
		if err != nil {
			tb.Fatal(err)
		}
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, member{plain: b})
	}
}

func gzipMember(tb testing.TB, w io.Writer, plain []byte) {
	tb.Helper()
	zw := gzip.NewWriter(w)
	zw.Write(plain)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
}
