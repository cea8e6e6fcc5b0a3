package web

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// fakeRunner records scans and, until release is closed, keeps them
// running.
type fakeRunner struct {
	mu      sync.Mutex
	reqs    []ScanRequest
	release chan struct{}
	started chan ScanRequest
}

func newFakeRunner() *fakeRunner {
	return &fakeRunner{release: make(chan struct{}), started: make(chan ScanRequest, 16)}
}

func (f *fakeRunner) run(ctx context.Context, req ScanRequest, progress func(shadowscan.Scan)) (*shadowscan.Scan, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	id := uint64(len(f.reqs))
	f.mu.Unlock()
	progress(shadowscan.Scan{ID: id, Sites: req.Sites, State: shadowscan.ScanRunning, Pages: 3, Listings: 7})
	f.started <- req
	select {
	case <-f.release:
	case <-ctx.Done():
		return &shadowscan.Scan{ID: id, State: shadowscan.ScanInterrupted}, ctx.Err()
	}
	return &shadowscan.Scan{ID: id, Sites: req.Sites, State: shadowscan.ScanDone, Pages: 3, Listings: 7, Hits: 2, Errors: map[string]int{"http_429": 1}}, nil
}

func (f *fakeRunner) count() int { f.mu.Lock(); defer f.mu.Unlock(); return len(f.reqs) }

func waitStarted(t *testing.T, fr *fakeRunner) ScanRequest {
	t.Helper()
	select {
	case r := <-fr.started:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("no scan started")
	}
	return ScanRequest{}
}

func TestScheduler(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.Local)
	setup := func(t *testing.T, scheds ...shadowscan.Schedule) (*memStore, *fakeRunner, *Scheduler, *Server) {
		fr := newFakeRunner()
		f := newFixture(t, Config{RunScan: fr.run})
		f.mem.schedules = scheds
		sch := NewScheduler(f.st, f.srv.Runner(), nil)
		sch.now = func() time.Time { return now }
		t.Cleanup(func() {
			select {
			case <-fr.release:
			default:
				close(fr.release)
			}
			f.srv.Runner().Wait()
		})
		return f.mem, fr, sch, f.srv
	}

	t.Run("a run missed while serve was down runs once at start", func(t *testing.T) {
		// Hourly, last run three days ago: dozens of runs were missed.
		mem, fr, sch, _ := setup(t, shadowscan.Schedule{ID: 1, Cron: "@hourly", Site: "demo-market", BrandID: "aurora", CreatedAt: now.Add(-96 * time.Hour), LastRun: now.Add(-72 * time.Hour)})
		if err := sch.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
		req := waitStarted(t, fr)
		if req.ScheduleID != 1 || req.Sites[0] != "demo-market" || req.BrandID != "aurora" {
			t.Errorf("request %+v", req)
		}
		close(fr.release)
		sch.runner.Wait()
		if err := sch.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
		sch.runner.Wait()
		if n := fr.count(); n != 1 {
			t.Fatalf("ran %d times, want once", n)
		}
		mem.mu.Lock()
		got := mem.schedules[0]
		mem.mu.Unlock()
		if !got.LastRun.Equal(now) || got.LastScanID != 1 || got.LastError != "" {
			t.Errorf("schedule after the run: %+v", got)
		}
	})

	t.Run("not yet due does not run", func(t *testing.T) {
		_, fr, sch, _ := setup(t, shadowscan.Schedule{ID: 1, Cron: "0 3 * * *", Site: "demo-market", CreatedAt: now.Add(-time.Hour)})
		if err := sch.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
		sch.runner.Wait()
		if fr.count() != 0 {
			t.Fatal("a schedule that is not due ran")
		}
	})

	t.Run("at most one scan per site", func(t *testing.T) {
		_, fr, sch, srv := setup(t,
			shadowscan.Schedule{ID: 1, Cron: "@hourly", Site: "demo-market", CreatedAt: now.Add(-2 * time.Hour)},
			shadowscan.Schedule{ID: 2, Cron: "@hourly", Site: "demo-market", BrandID: "other", CreatedAt: now.Add(-2 * time.Hour)},
			shadowscan.Schedule{ID: 3, Cron: "@hourly", Site: "other-market", CreatedAt: now.Add(-2 * time.Hour)},
		)
		if err := sch.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
		a, b := waitStarted(t, fr), waitStarted(t, fr)
		if a.Sites[0] == b.Sites[0] {
			t.Fatalf("two scans of %s at once", a.Sites[0])
		}
		if err := srv.Runner().Start(ScanRequest{Sites: []string{"demo-market"}}, nil); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
			t.Errorf("a second scan of a busy site: err %v, want a conflict", err)
		}
		// The live progress is visible while they run.
		running := srv.Runner().Running()
		if len(running) != 2 || running[0].Progress.Pages != 3 {
			t.Errorf("running = %+v", running)
		}
		close(fr.release)
		srv.Runner().Wait()
		// Schedule 2 was left waiting for its site; it runs now.
		if err := sch.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
		if r := waitStarted(t, fr); r.ScheduleID != 2 {
			t.Errorf("then ran schedule %d, want 2", r.ScheduleID)
		}
	})

	t.Run("a failed scan records its error", func(t *testing.T) {
		f := newFixture(t, Config{RunScan: func(context.Context, ScanRequest, func(shadowscan.Scan)) (*shadowscan.Scan, error) {
			return nil, errors.New("site demo-market: no such site")
		}})
		f.mem.schedules = []shadowscan.Schedule{{ID: 1, Cron: "@hourly", Site: "demo-market", CreatedAt: now.Add(-2 * time.Hour)}}
		sch := NewScheduler(f.st, f.srv.Runner(), nil)
		sch.now = func() time.Time { return now }
		if err := sch.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
		f.srv.Runner().Wait()
		f.mem.mu.Lock()
		defer f.mem.mu.Unlock()
		if got := f.mem.schedules[0]; got.LastError != "site demo-market: no such site" || !got.LastRun.Equal(now) {
			t.Errorf("schedule %+v", got)
		}
	})

	t.Run("Run checks at start and stops with its context", func(t *testing.T) {
		_, fr, sch, _ := setup(t, shadowscan.Schedule{ID: 1, Cron: "@hourly", Site: "demo-market", CreatedAt: now.Add(-2 * time.Hour)})
		sch.Tick = time.Hour
		cctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- sch.Run(cctx) }()
		waitStarted(t, fr)
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	})
}

func TestSchedulesAPIAndPage(t *testing.T) {
	fr := newFakeRunner()
	close(fr.release)
	f := newFixture(t, Config{Token: testToken, RunScan: fr.run})
	bearer := withBearer(testToken)
	t.Run("bad cron is a 400 naming the expression and an example", func(t *testing.T) {
		resp := f.do("POST", "/api/schedules", `{"cron":"every day","site":"demo-market"}`, bearer)
		e := decode[errorBody](t, resp)
		if resp.StatusCode != 400 || !strings.Contains(e.Message, `"every day"`) || !strings.Contains(e.Message, "30 2 * * *") {
			t.Errorf("status %d %+v", resp.StatusCode, e)
		}
	})
	t.Run("unknown site is a 400 naming the known ones", func(t *testing.T) {
		resp := f.do("POST", "/api/schedules", `{"cron":"@daily","site":"nope"}`, bearer)
		e := decode[errorBody](t, resp)
		if resp.StatusCode != 400 || !strings.Contains(e.Message, "demo-market") {
			t.Errorf("status %d %+v", resp.StatusCode, e)
		}
	})
	var id uint64
	t.Run("add, list with next run, delete", func(t *testing.T) {
		resp := f.do("POST", "/api/schedules", `{"cron":"30 2 * * *","site":"demo-market","brand":"aurora","queries":["蛋白粉"]}`, bearer)
		if resp.StatusCode != 201 {
			t.Fatalf("status %d: %s", resp.StatusCode, readBody(t, resp))
		}
		v := decode[ScheduleView](t, resp)
		id = v.ID
		if v.Next.IsZero() || v.Next.Hour() != 2 || v.Next.Minute() != 30 {
			t.Errorf("next run %v", v.Next)
		}
		list := decode[struct{ Schedules []ScheduleView }](t, f.do("GET", "/api/schedules", ""))
		if len(list.Schedules) != 1 || list.Schedules[0].Site != "demo-market" || list.Schedules[0].Next.IsZero() {
			t.Errorf("list %+v", list)
		}
		doc := mustDoc(t, f.do("GET", "/schedules", ""))
		if !strings.Contains(doc.Find("#schedules").Text(), "30 2 * * *") || doc.Find(`form[action$="/run"]`).Length() != 1 {
			t.Error("schedule page lacks the schedule or its run button")
		}
	})
	t.Run("run now starts a scan", func(t *testing.T) {
		resp := f.do("POST", "/schedules/1/run", "x=1", withCSRF(f.srv))
		if resp.StatusCode != 303 {
			t.Fatalf("status %d: %s", resp.StatusCode, readBody(t, resp))
		}
		if r := waitStarted(t, fr); r.ScheduleID != 1 || r.Queries[0] != "蛋白粉" {
			t.Errorf("request %+v", r)
		}
		f.srv.Runner().Wait()
	})
	t.Run("delete", func(t *testing.T) {
		if resp := f.do("DELETE", "/api/schedules/"+itoa(id), "", bearer); resp.StatusCode != 204 {
			t.Fatalf("status %d", resp.StatusCode)
		}
		if resp := f.do("DELETE", "/api/schedules/"+itoa(id), "", bearer); resp.StatusCode != 404 {
			t.Fatalf("second delete: status %d", resp.StatusCode)
		}
	})
}

func TestScansPageShowsLiveProgress(t *testing.T) {
	fr := newFakeRunner()
	f := newFixture(t, Config{RunScan: fr.run})
	t.Cleanup(func() { close(fr.release); f.srv.Runner().Wait() })
	if err := f.srv.Runner().Start(ScanRequest{Sites: []string{"demo-market"}, BrandID: "aurora"}, nil); err != nil {
		t.Fatal(err)
	}
	waitStarted(t, fr)
	doc := mustDoc(t, f.do("GET", "/scans", ""))
	row := doc.Find("#running tbody tr")
	if row.Length() != 1 || row.Find("td.num").Eq(0).Text() != "3" || row.Find("td.num").Eq(1).Text() != "7" {
		t.Fatalf("running row %q", row.Text())
	}
	// scans.js polls the progress; without script the page reloads.
	if !strings.Contains(doc.Find("head noscript").Text(), `<meta http-equiv="refresh" content="3">`) || doc.Find(`script[src="/static/scans.js"]`).Length() != 1 {
		t.Error("the scans page neither polls nor reloads while a scan runs")
	}
	sc := decode[scanList](t, f.do("GET", "/api/scans", ""))
	if len(sc.Running) != 1 || sc.Running[0].Progress.Listings != 7 || sc.Running[0].Request.BrandID != "aurora" {
		t.Errorf("api running %+v", sc.Running)
	}
}
