package scan

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// mustDemoStore opens a store in a temporary directory holding the demo
// catalogue, with the embedded rules.
func mustDemoStore(t *testing.T) (*store.DB, *rules.Set) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "scan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	saveDemoCatalog(t, db)
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return db, set
}

// TestRunRecordsAndReportsProgress runs a scan of part of the demo
// marketplace: it ends done with listings stored and hits queued, and the
// watcher gets progress events, one at a time, whose counts only grow
// and end at the record's.
func TestRunRecordsAndReportsProgress(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace")
	}
	ctx := context.Background()
	db, set := mustDemoStore(t)
	srv := httptest.NewServer(demo.NewMarket().Handler())
	t.Cleanup(srv.Close)
	var (
		busy     atomic.Bool
		mu       sync.Mutex
		progress []shadowscan.Scan
	)
	on := func(e Event) {
		if !busy.CompareAndSwap(false, true) {
			t.Error("events reported concurrently")
		}
		defer busy.Store(false)
		if e.Kind == EventProgress {
			mu.Lock()
			progress = append(progress, e.Scan)
			mu.Unlock()
		}
	}
	sc, err := New(db, set).Run(ctx, Options{Sites: []string{demo.SiteName}, BaseURL: srv.URL, Queries: []string{"奥罗拉"}}, on)
	if err != nil {
		t.Fatal(err)
	}
	if sc.State != shadowscan.ScanDone || sc.Listings == 0 || sc.Hits == 0 || sc.Plan == nil {
		t.Fatalf("scan %+v: want done with listings, hits and a plan", sc)
	}
	n, err := db.HitCount(ctx, shadowscan.HitFilter{Site: demo.SiteName})
	if err != nil || n != sc.Hits {
		t.Fatalf("%d hits stored (%v), the record says %d", n, err, sc.Hits)
	}
	if len(progress) == 0 {
		t.Fatal("no progress events")
	}
	for i := 1; i < len(progress); i++ {
		if progress[i].Listings < progress[i-1].Listings || progress[i].Hits < progress[i-1].Hits {
			t.Fatalf("progress went back: %+v after %+v", progress[i], progress[i-1])
		}
	}
	if last := progress[len(progress)-1]; last.Hits != sc.Hits || last.Listings > sc.Listings {
		t.Errorf("last progress %d listings, %d hits; the scan ended with %d, %d", last.Listings, last.Hits, sc.Listings, sc.Hits)
	}
}

// TestRunRefusesWhatItCannotDo: an unknown site and a bad base URL are
// usage errors; an empty catalogue and an unreachable site say what to
// do; --resume with nothing to resume is not found.
func TestRunRefusesWhatItCannotDo(t *testing.T) {
	ctx := context.Background()
	db, set := mustDemoStore(t)
	s := New(db, set)
	var ue UsageError
	if _, err := s.Run(ctx, Options{Sites: []string{"nowhere"}}, nil); !errors.As(err, &ue) || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("unknown site: %v, want a usage error naming it", err)
	}
	if _, err := s.Run(ctx, Options{Sites: []string{demo.SiteName}, BaseURL: "ftp://x"}, nil); !errors.As(err, &ue) || !strings.Contains(err.Error(), "--base-url") {
		t.Errorf("bad base URL: %v, want a usage error naming --base-url", err)
	}
	if _, err := s.Run(ctx, Options{Resume: true}, nil); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("resume with no scan: %v, want not found", err)
	}
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	sc, err := s.Run(ctx, Options{Sites: []string{demo.SiteName}, BaseURL: closed.URL, Queries: []string{"x"}}, nil)
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), closed.URL) || sc == nil || sc.State != shadowscan.ScanFailed {
		t.Errorf("unreachable site: %v, scan %+v; want EINVALID naming %s and a failed record", err, sc, closed.URL)
	}
	empty, err := store.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	if _, err := New(empty, set).Run(ctx, Options{Sites: []string{demo.SiteName}}, nil); shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), "catalog import") {
		t.Errorf("empty catalogue: %v, want EINVALID saying to import one", err)
	}
}

// TestResumeOptions: options given with a resume must agree with how the
// scan was started, but for the base URL; the rest come from the record.
func TestResumeOptions(t *testing.T) {
	gap := 30 * time.Minute
	prev := &shadowscan.Scan{ID: 4, Sites: []string{"a"}, BrandID: "aurora", Queries: []string{"q"},
		Plan: &shadowscan.ScanPlan{MaxPages: 3, ConfirmGoneAfter: gap.String()}}
	five := 5 * time.Minute
	for _, tc := range []struct {
		name string
		o    Options
		flag string
	}{
		{"another site", Options{Sites: []string{"b"}}, "--site"},
		{"another brand", Options{Brand: "clearwell"}, "--brand"},
		{"other queries", Options{Queries: []string{"x"}}, "--query"},
		{"another page limit", Options{MaxPages: 9}, "--max-pages"},
		{"revisits off", Options{NoRevisit: true}, "--no-revisit"},
		{"another gap", Options{ConfirmGoneAfter: &five}, "--confirm-gone-after"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := resumeOptions(prev, tc.o)
			var ue UsageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.flag) || !strings.Contains(err.Error(), "scan 4") {
				t.Fatalf("%v, want a usage error naming %s and scan 4", err, tc.flag)
			}
		})
	}
	o, err := resumeOptions(prev, Options{BaseURL: "http://127.0.0.1:9"})
	if err != nil || o.BaseURL != "http://127.0.0.1:9" || o.MaxPages != 3 || o.Brand != "aurora" || o.gap() != gap {
		t.Fatalf("resume options %+v, %v: want the record's, with the new base URL", o, err)
	}
}

// TestCheckRules: a resume refuses a changed site or detection rule,
// naming it.
func TestCheckRules(t *testing.T) {
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	site, err := set.Site(demo.SiteName)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := newPlan([]*rules.Site{site}, set.Detection, Options{}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkRules(1, plan, set); err != nil {
		t.Fatalf("unchanged rules refused: %v", err)
	}
	changed := *plan
	changed.Sites = []shadowscan.PlannedSite{plan.Sites[0]}
	changed.Sites[0].Rules.SHA256 = "0000"
	changed.Detection.SHA256 = "1111"
	err = checkRules(1, &changed, set)
	if shadowscan.ErrorCode(err) != shadowscan.ECONFLICT || !strings.Contains(err.Error(), "rule of site "+demo.SiteName) || !strings.Contains(err.Error(), "detection rules changed") {
		t.Fatalf("changed rules: %v, want a conflict naming the site and the detection rules", err)
	}
}

func TestRebase(t *testing.T) {
	base, _ := url.Parse("http://127.0.0.1:9999")
	for in, want := range map[string]string{
		"http://127.0.0.1:8931/item/1?x=2": "http://127.0.0.1:9999/item/1?x=2",
		"http://127.0.0.1:9999/item/1":     "http://127.0.0.1:9999/item/1",
		"http://127.0.0.1:8931/item/%zz":   "http://127.0.0.1:8931/item/%zz", // not a URL: as it was
	} {
		if got := rebase(in, base); got != want {
			t.Errorf("rebase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProcs(t *testing.T) {
	for cpus, want := range map[int]int{0: 2, 1: 2, 2: 4, 16: 32} {
		if got := Procs(cpus); got != want {
			t.Errorf("Procs(%d) = %d, want %d", cpus, got, want)
		}
	}
}

// saveDemoCatalog imports the demo catalogue, photos included, into db.
func saveDemoCatalog(tb testing.TB, db *store.DB) {
	tb.Helper()
	ctx := context.Background()
	for _, name := range demo.CatalogFiles() {
		f, err := catalog.Load(ctx, demo.CatalogFS(), name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := db.SaveCatalog(ctx, &f.Catalog, f.Photos); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestResumedRecordCountsTheWholeScan interrupts a scan midway (as Ctrl-C
// does) and resumes it: the resumed scan's record counts the listings and
// new hits of the whole scan, those stored before the interruption
// included, as an uninterrupted scan's record does. (A scan killed
// outright: cmd/shadowscan TestScanResumeAfterKill.)
func TestResumedRecordCountsTheWholeScan(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice")
	}
	srv := httptest.NewServer(demo.NewMarket().Handler())
	t.Cleanup(srv.Close)
	o := Options{Sites: []string{demo.SiteName}, BaseURL: srv.URL, Queries: []string{"奥罗拉"}}
	db, set := mustDemoStore(t)
	whole, err := New(db, set).Run(context.Background(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	if whole.Listings < 20 || whole.Hits == 0 {
		t.Fatalf("the uninterrupted scan counted %d listings and %d hits: too few to interrupt midway", whole.Listings, whole.Hits)
	}

	db, set = mustDemoStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	on := func(e Event) {
		if e.Kind == EventProgress && e.Scan.Hits > 0 && e.Scan.Listings >= whole.Listings/2 {
			cancel()
		}
	}
	cut, err := New(db, set).Run(ctx, o, on)
	if cut == nil || cut.State != shadowscan.ScanInterrupted || cut.Listings == 0 || cut.Hits == 0 {
		t.Fatalf("interrupted scan: %+v (%v); want interrupted with listings and hits stored", cut, err)
	}
	resumed, err := New(db, set).Run(context.Background(), Options{Resume: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resumed.ID != cut.ID || resumed.State != shadowscan.ScanDone || resumed.ListingsSkipped == 0 {
		t.Fatalf("resumed scan %d %s (%d listings skipped); want %d done, skipping those stored", resumed.ID, resumed.State, resumed.ListingsSkipped, cut.ID)
	}
	if resumed.Listings != whole.Listings || resumed.Hits != whole.Hits {
		t.Errorf("interrupted at %d listings and %d hits, resumed: the record counts %d and %d; the uninterrupted scan's %d and %d",
			cut.Listings, cut.Hits, resumed.Listings, resumed.Hits, whole.Listings, whole.Hits)
	}
	n, err := db.HitCount(context.Background(), shadowscan.HitFilter{Site: demo.SiteName})
	if err != nil || n != resumed.Hits {
		t.Errorf("%d hits stored (%v), the record says %d", n, err, resumed.Hits)
	}
}
