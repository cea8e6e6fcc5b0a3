package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// waitRun polls GET /api/scans/runs/{run} until the run ended.
func waitRun(t *testing.T, f *fixture, path string, opts ...reqOpt) RunInfo {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		info := decode[RunInfo](t, f.do("GET", path, "", opts...))
		if !info.Active() {
			return info
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %d still %s", info.ID, info.State)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestScanAPIStartFollowCancel: a client starts a scan, follows it at the
// address it is given, and cancels it; the run ends interrupted (the
// store's scan is resumable) and says who cancelled it; a resume goes on.
func TestScanAPIStartFollowCancel(t *testing.T) {
	fr := newFakeRunner()
	f := newFixture(t, Config{RunScan: fr.run, Users: newFakeUsers()})
	t.Cleanup(func() { close(fr.release); f.srv.Runner().Wait() })
	bob := withBearer("sst_bob")

	resp := f.do("POST", "/api/scans", `{"site": "demo-market", "brand": "aurora", "queries": [" 蛋白粉 "], "max_pages": 2}`, bob)
	started := decode[RunInfo](t, resp)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusAccepted || started.ID == 0 || loc != runPath(started.ID) || started.State != RunRunning || started.Request.By != "bob" {
		t.Fatalf("start: %d %q %+v", resp.StatusCode, loc, started)
	}
	if req := waitStarted(t, fr); req.BrandID != "aurora" || len(req.Queries) != 1 || req.Queries[0] != "蛋白粉" || req.MaxPages != 2 {
		t.Errorf("the runner was asked for %+v", req)
	}
	run := decode[RunInfo](t, f.do("GET", loc, "", bob))
	if run.State != RunRunning || run.Progress.Pages != 3 || run.Progress.Listings != 7 {
		t.Errorf("following the run: %+v", run)
	}
	running := decode[map[string][]RunInfo](t, f.do("GET", "/api/scans/running", "", bob))["running"]
	if len(running) != 1 || running[0].ID != started.ID {
		t.Errorf("running %+v", running)
	}
	if resp := f.do("POST", "/api/scans", `{"sites": ["demo-market"]}`, bob); resp.StatusCode != http.StatusConflict {
		t.Errorf("a second scan of a busy site: %d, want 409", resp.StatusCode)
	}
	resp = f.do("POST", loc+"/cancel", "", bob)
	if c := decode[RunInfo](t, resp); resp.StatusCode != http.StatusAccepted || c.State != RunCancelling || c.CancelledBy != "bob" {
		t.Errorf("cancel: %d %+v", resp.StatusCode, c)
	}
	end := waitRun(t, f, loc, bob)
	if end.State != shadowscan.ScanInterrupted || end.Err != "cancelled by bob" || end.Ended.IsZero() {
		t.Errorf("the cancelled run ended %+v", end)
	}
	if resp := f.do("POST", loc+"/cancel", "", bob); resp.StatusCode != http.StatusConflict {
		t.Errorf("cancelling an ended run: %d, want 409", resp.StatusCode)
	}
	if resp := f.do("GET", "/api/scans/runs/999", "", bob); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown run: %d, want 404", resp.StatusCode)
	}

	resp = f.do("POST", "/api/scans", `{"sites": ["demo-market"], "resume": true}`, bob)
	if r := decode[RunInfo](t, resp); resp.StatusCode != http.StatusAccepted || !r.Request.Resume {
		t.Errorf("resume: %d %+v", resp.StatusCode, r)
	}
	if req := waitStarted(t, fr); !req.Resume || req.Sites[0] != "demo-market" {
		t.Errorf("the runner was asked to resume with %+v", req)
	}
}

func TestScanAPIRefusals(t *testing.T) {
	fr := newFakeRunner()
	close(fr.release)
	f := newFixture(t, Config{RunScan: fr.run, Users: newFakeUsers()})
	root := withBearer("sst_root")
	for _, tt := range []struct {
		name, body string
		status     int
		want       string
	}{
		{"no site", `{}`, 400, "sites is empty (accepted: one or more of demo-market)"},
		{"an unknown site", `{"site": "ebay"}`, 400, `ebay\" is not a known site (accepted: demo-market)`},
		{"a site twice", `{"sites": ["demo-market"], "site": "demo-market"}`, 400, "named twice"},
		{"an unknown brand", `{"site": "demo-market", "brand": "zeta"}`, 400, `zeta\" is not in the catalogue (accepted: nothing (every brand) or one of aurora)`},
		{"a page limit out of range", `{"site": "demo-market", "max_pages": -1}`, 400, "0 (the site rule's) to 1000"},
		{"an empty query", `{"site": "demo-market", "queries": ["  "]}`, 400, "queries of 1 to 200 bytes"},
		{"a resume with a brand", `{"site": "demo-market", "resume": true, "brand": "aurora"}`, 400, "leave out brand, queries and max_pages"},
		{"an unknown field", `{"site": "demo-market", "pages": 3}`, 400, "unknown field"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp := f.do("POST", "/api/scans", tt.body, root)
			if body := readBody(t, resp); resp.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%d %s, want %d saying %q", resp.StatusCode, body, tt.status, tt.want)
			}
		})
	}
	t.Run("an analyst may watch but not start or cancel", func(t *testing.T) {
		alice := withBearer("sst_alice")
		resp := f.do("POST", "/api/scans", `{"site": "demo-market"}`, alice)
		if body := readBody(t, resp); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "may not start or cancel scans: that needs enforcement or admin") {
			t.Errorf("analyst starts: %d %s", resp.StatusCode, body)
		}
		if resp := f.do("POST", "/api/scans/runs/1/cancel", "", alice); resp.StatusCode != http.StatusForbidden {
			t.Errorf("analyst cancels: %d", resp.StatusCode)
		}
		if resp := f.do("GET", "/api/scans/running", "", alice); resp.StatusCode != http.StatusOK {
			t.Errorf("analyst watches: %d", resp.StatusCode)
		}
		doc := mustDoc(t, f.do("GET", "/scans", "", alice))
		if doc.Find("#scan-form").Length() != 0 {
			t.Error("the analyst's scans page offers the start form")
		}
	})
	t.Run("a server without a runner refuses", func(t *testing.T) {
		g := newFixture(t, Config{})
		resp := g.do("POST", "/api/scans", `{"site": "demo-market"}`, withCSRF(g.srv))
		if body := readBody(t, resp); resp.StatusCode != 400 || !strings.Contains(body, "cannot run scans") {
			t.Errorf("%d %s", resp.StatusCode, body)
		}
		if mustDoc(t, g.do("GET", "/scans", "")).Find("#scan-form").Length() != 0 {
			t.Error("start form shown by a server that cannot scan")
		}
	})
}

// TestScansPageStartsAndCancels: the form starts a scan, the page shows it
// running with a cancel button, and the button cancels it.
func TestScansPageStartsAndCancels(t *testing.T) {
	fr := newFakeRunner()
	f := newFixture(t, Config{RunScan: fr.run})
	t.Cleanup(func() { close(fr.release); f.srv.Runner().Wait() })
	doc := mustDoc(t, f.do("GET", "/scans", ""))
	if doc.Find(`#scan-form select[name=site] option[value="demo-market"]`).Length() != 1 || doc.Find(`#scan-brand option[value="aurora"]`).Length() != 1 {
		t.Fatal("the start form lacks the site or the brand")
	}
	resp := f.do("POST", "/scans", "site=demo-market&brand=&queries=&max_pages=", withCSRF(f.srv))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("start form: %d %s", resp.StatusCode, readBody(t, resp))
	}
	waitStarted(t, fr)
	doc = mustDoc(t, f.do("GET", "/scans", ""))
	row := doc.Find("#running tbody tr")
	action, _ := row.Find("form.cancel-run").Attr("action")
	if row.Length() != 1 || row.Find(".run-pages").Text() != "3" || action != "/scans/runs/1/cancel" {
		t.Fatalf("running row %q, cancel form %q", row.Text(), action)
	}
	if resp := f.do("POST", action, "", withCSRF(f.srv)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel form: %d", resp.StatusCode)
	}
	f.srv.Runner().Wait()
	doc = mustDoc(t, f.do("GET", "/scans", ""))
	if got := doc.Find(`#ended tr[data-run="1"]`).Text(); !strings.Contains(got, "interrupted") || !strings.Contains(got, "cancelled by web") {
		t.Errorf("ended run %q", got)
	}
	if resp := f.do("POST", "/scans", "site=nowhere", withCSRF(f.srv)); resp.StatusCode != 400 {
		t.Errorf("unknown site in the form: %d", resp.StatusCode)
	}
}
