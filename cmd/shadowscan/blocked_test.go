package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// captchaWall answers every request after the first `after` with a slider
// captcha page (200, as Taobao answers a crawler it has spotted), and
// passes the others to the marketplace behind it.
type captchaWall struct {
	next  http.Handler
	after atomic.Int64
	seen  atomic.Int64
}

func (c *captchaWall) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c.seen.Add(1) > c.after.Load() {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>验证</title></head><body><div id="nc_1_wrapper"><span class="btn_slide"></span>请按住滑块，拖动到最右边</div></body></html>`)
		return
	}
	c.next.ServeHTTP(w, r)
}

// blockRule is the fault-market rule with short block pauses and a low
// block limit, so that a blocked scan ends quickly.
var blockRule = strings.Replace(faultRule, "block_backoff: 10ms}", "block_backoff: 10ms, block_limit: 3}", 1)

// TestCaptchaWallStopsScan scans a marketplace that starts answering
// with a captcha page after a few requests: the scan stops with exit 1
// and a message saying the site is blocking, stores only real listings,
// and records how many pages were blocked and why. A rescan of reported
// listings through the wall leaves them reported, never seen gone.
func TestCaptchaWallStopsScan(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end scans of a test marketplace; run without -short")
	}
	ids := []string{"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"}
	wall := &captchaWall{next: newFaultMarket(ids)}
	wall.after.Store(4) // the search page and three listings
	srv := httptest.NewServer(wall)
	t.Cleanup(srv.Close)
	db, rulesDir := faultStore(t)
	if err := os.WriteFile(filepath.Join(rulesDir, "fault-market.yaml"), []byte(blockRule), 0o644); err != nil {
		t.Fatal(err)
	}
	scanArgs := []string{"--rules", rulesDir, "scan", "--site", "fault-market", "--base-url", srv.URL, "--query", "q", "--confirm-gone-after", "0s"}

	code, out, errOut := cli(t, db, scanArgs...)
	if code != 1 || !strings.Contains(out, "blocking the crawler") || !strings.Contains(errOut, "blocked") {
		t.Fatalf("a scan behind a captcha wall: exit %d, want 1 with a message\n%s\n%s", code, out, errOut)
	}
	t.Logf("blocked scan:\n%s%s", out, errOut)
	if strings.Contains(out, " done ") {
		t.Errorf("a blocked scan says done:\n%s", out)
	}
	listings := mustJSON[[]listingRow](t, db, "listings", "list", "--json")
	if len(listings) == 0 || len(listings) >= len(ids) {
		t.Errorf("%d listings stored, want those fetched before the wall", len(listings))
	}
	for _, l := range listings {
		if l.Title == "" || l.Price == "" {
			t.Errorf("junk stored from a captcha page: %+v", l)
		}
	}
	sc := lastScan(t, db)
	if sc.State != shadowscan.ScanFailed || len(sc.Blocked) != 1 || !sc.Blocked[0].Mostly || sc.Blocked[0].Why["captcha"] != sc.Blocked[0].Pages || sc.Blocked[0].Pages < 3 {
		t.Errorf("scan record %+v, blocked %+v: want failed with the captcha pages counted", sc, sc.Blocked)
	}

	// The wall comes down: the scan goes on and finds every listing.
	wall.after.Store(1 << 40)
	mustCLI(t, db, "--rules", rulesDir, "scan", "--resume")
	hitOf := reportAll(t, db, ids)

	// Up again: a rescan through it must not take a listing for gone.
	wall.seen.Store(0)
	wall.after.Store(0)
	code, out, _ = cli(t, db, scanArgs...)
	if code != 1 || !strings.Contains(out, "blocked: fault-market") {
		t.Fatalf("a rescan behind a captcha wall: exit %d\n%s", code, out)
	}
	for _, id := range ids {
		h := showHit(t, db, hitOf[id])
		if h.Status != shadowscan.StatusReported || h.SeenGone != nil || h.Listing.Title == "" {
			t.Errorf("%s after a blocked rescan: status %s, seen gone %+v, title %q", id, h.Status, h.SeenGone, h.Listing.Title)
		}
	}
}

// lastScan reads the newest scan record of the store at db.
func lastScan(t *testing.T, db string) shadowscan.Scan {
	t.Helper()
	s, err := store.Open(db, store.WithReadOnly(), store.WithExisting())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	scans, err := s.Scans(context.Background(), 1)
	if err != nil || len(scans) == 0 {
		t.Fatalf("scans: %v %v", scans, err)
	}
	return scans[0]
}
