package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
	"github.com/shadowscan/shadowscan/store"
)

// mustStore opens a store holding n flagged listings of one product, each
// with its page captured, every other one confirmed.
func mustStore(t *testing.T, n int) (*store.DB, []uint64) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "export.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat := &shadowscan.Catalog{
		Brands:   []shadowscan.Brand{{ID: "aurora", Name: "Aurora Wellness"}},
		Products: []shadowscan.Product{{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g", Price: 29800, Currency: "CNY"}},
	}
	if _, err := db.SaveCatalog(ctx, cat, nil); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var obs []store.Observation
	for i := range n {
		id := fmt.Sprintf("E%d", i)
		l := shadowscan.Listing{Site: "demo-market", ID: id, URL: "http://127.0.0.1:8931/item/" + id, Title: "奥罗拉植物蛋白粉 原单 " + id,
			Price: 8900, HasPrice: true, Currency: "CNY", SellerID: "shop-9", FetchedAt: at}
		obs = append(obs, store.Observation{Listing: l,
			Verdict: shadowscan.Verdict{BrandID: "aurora", SKU: "AUR-PROT-500", Score: 80, Category: shadowscan.CategoryCounterfeit, Flagged: true,
				Reasons: []shadowscan.Reason{{Signal: "price", Detail: "30 % of the list price", Points: 40}}},
			Captures: []shadowscan.Capture{{URL: l.URL, Method: "GET", Status: 200, Header: map[string][]string{"Content-Type": {"text/html"}},
				Body: []byte("<html><h1>" + l.Title + "</h1></html>"), FetchedAt: at, Kind: "page"}}})
	}
	outs, err := db.Record(ctx, obs)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for i, o := range outs {
		ids = append(ids, o.HitID)
		if i%2 == 0 {
			if _, err := db.MarkHits(ctx, []uint64{o.HitID}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return db, ids
}

// verify checks a bundle offline, trusting key when given.
func verify(t *testing.T, b []byte, key *evidence.TrustedKey) *evidence.Report {
	t.Helper()
	opts := evidence.VerifyOptions{AllowUnsigned: key == nil}
	if key != nil {
		opts.TrustedKeys = []evidence.TrustedKey{*key}
	}
	rep, err := evidence.Verify(context.Background(), bytes.NewReader(b), int64(len(b)), opts)
	if err != nil {
		t.Fatalf("the bundle does not verify: %v", err)
	}
	return rep
}

// TestWriteSelectsByFilterAndIDs: a filter exports the hits passing it,
// paged through the store; named hits are exported when they pass it;
// the bundle verifies, signed by the key given.
func TestWriteSelectsByFilterAndIDs(t *testing.T) {
	ctx := context.Background()
	db, ids := mustStore(t, 2*page+3) // more than two pages of hits
	var all bytes.Buffer
	sum, err := Write(ctx, db, &all, Options{Filter: shadowscan.HitFilter{Status: shadowscan.StatusConfirmed}, By: "ana", Software: "shadowscan test"})
	if err != nil {
		t.Fatal(err)
	}
	confirmed := (len(ids) + 1) / 2
	if sum.Hits != confirmed || sum.Captures != confirmed || sum.Signed {
		t.Fatalf("summary %+v, want %d hits with a capture each, unsigned", sum, confirmed)
	}
	if rep := verify(t, all.Bytes(), nil); rep.Pages != confirmed {
		t.Errorf("the bundle lists %d pages, want %d", rep.Pages, confirmed)
	}

	key, err := evidence.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	var two bytes.Buffer
	sum, err = Write(ctx, db, &two, Options{IDs: []uint64{ids[0], ids[2]}, SignKey: key})
	if err != nil || sum.Hits != 2 || !sum.Signed {
		t.Fatalf("two named hits: %+v, %v", sum, err)
	}
	rep := verify(t, two.Bytes(), &evidence.TrustedKey{Key: &key.PublicKey, Fingerprint: evidence.Fingerprint(&key.PublicKey)})
	if !rep.Trusted || !strings.Contains(two.String(), "2 selected hit(s)") {
		t.Errorf("signed bundle: trusted %v; want it trusted and titled by its selection", rep.Trusted)
	}
}

// TestWriteRefuses: nothing passing the filter is not found and writes
// nothing; a named hit the filter excludes is invalid; WriteFile leaves no
// file, finished or not, when it fails.
func TestWriteRefuses(t *testing.T) {
	ctx := context.Background()
	db, ids := mustStore(t, 3)
	var b bytes.Buffer
	if _, err := Write(ctx, db, &b, Options{Filter: shadowscan.HitFilter{Status: shadowscan.StatusRemoved}}); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND || b.Len() != 0 {
		t.Errorf("no hit passes: %v with %d bytes written, want not found and nothing", err, b.Len())
	}
	path := filepath.Join(t.TempDir(), "x.wacz")
	_, err := WriteFile(ctx, db, path, Options{IDs: []uint64{ids[1]}, Filter: shadowscan.HitFilter{Status: shadowscan.StatusConfirmed}})
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), fmt.Sprint(ids[1])) {
		t.Errorf("a named hit the filter excludes: %v, want EINVALID naming it", err)
	}
	for _, p := range []string{path, path + ".tmp"} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is there after a failed export (%v)", p, err)
		}
	}
	if _, err := WriteFile(ctx, db, path, Options{IDs: []uint64{ids[0]}}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("the finished bundle: %v", err)
	}
}

func TestTitle(t *testing.T) {
	for _, tc := range []struct {
		ids  []uint64
		f    shadowscan.HitFilter
		want string
	}{
		{nil, shadowscan.HitFilter{}, "shadowscan evidence: all hits"},
		{[]uint64{1, 2}, shadowscan.HitFilter{BrandID: "aurora"}, "shadowscan evidence: 2 selected hit(s), brand aurora"},
		{nil, shadowscan.HitFilter{Status: shadowscan.StatusConfirmed, Site: "m", SellerID: "s"}, "shadowscan evidence: status confirmed, site m, seller s"},
	} {
		if got := Title(tc.ids, tc.f); got != tc.want {
			t.Errorf("Title(%v, %+v) = %q, want %q", tc.ids, tc.f, got, tc.want)
		}
	}
}
