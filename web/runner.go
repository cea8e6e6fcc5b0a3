package web

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/shadowscan/shadowscan"
)

// Runner runs scans in the background, at most one at a time per site,
// and keeps the live progress of those running.
type Runner struct {
	run     RunScanFunc
	log     *slog.Logger
	metrics *metrics

	// ctx is the runner's own lifetime: Stop cancels it.
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu   sync.Mutex
	seq  uint64
	runs map[uint64]*activeRun
}

// activeRun is a scan in progress.
type activeRun struct {
	Req      ScanRequest     `json:"request"`
	Started  time.Time       `json:"started_at"`
	Progress shadowscan.Scan `json:"progress"`
}

// RunInfo is a snapshot of a running scan for pages and the API.
type RunInfo struct {
	Request  ScanRequest     `json:"request"`
	Started  time.Time       `json:"started_at"`
	Progress shadowscan.Scan `json:"progress"`
}

func newRunner(run RunScanFunc, log *slog.Logger, m *metrics) *Runner {
	ctx, cancel := context.WithCancel(context.Background())
	return &Runner{run: run, log: log, metrics: m, ctx: ctx, cancel: cancel, runs: map[uint64]*activeRun{}}
}

// Enabled reports whether the runner can run scans at all.
func (r *Runner) Enabled() bool { return r != nil && r.run != nil }

// busy returns the first site in sites that a running scan covers; r.mu
// is held.
func (r *Runner) busy(sites []string) string {
	for _, a := range r.runs {
		for _, s := range sites {
			if slices.Contains(a.Req.Sites, s) {
				return s
			}
		}
	}
	return ""
}

// Busy reports whether a scan of site is running.
func (r *Runner) Busy(site string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.busy([]string{site}) != ""
}

// Start runs req in the background and calls done (if not nil) with the
// result when it ends. It returns ECONFLICT when a scan of one of its
// sites is already running, EINVALID when the runner cannot run scans or
// req names no site.
func (r *Runner) Start(req ScanRequest, done func(*shadowscan.Scan, error)) error {
	if !r.Enabled() {
		return shadowscan.Errorf(shadowscan.EINVALID, "this server cannot run scans (no scan runner is wired)")
	}
	if len(req.Sites) == 0 {
		return shadowscan.Errorf(shadowscan.EINVALID, "a scan needs at least one site")
	}
	if r.ctx.Err() != nil {
		return shadowscan.Errorf(shadowscan.ECONFLICT, "the server is shutting down")
	}
	r.mu.Lock()
	if s := r.busy(req.Sites); s != "" {
		r.mu.Unlock()
		return shadowscan.Errorf(shadowscan.ECONFLICT, "a scan of %s is already running: wait for it to end (see /scans)", s)
	}
	r.seq++
	key := r.seq
	a := &activeRun{Req: req, Started: time.Now().UTC()}
	a.Progress.Sites = req.Sites
	a.Progress.State = shadowscan.ScanRunning
	a.Progress.StartedAt = a.Started
	r.runs[key] = a
	r.wg.Add(1)
	r.mu.Unlock()

	go func() {
		defer r.wg.Done()
		progress := func(sc shadowscan.Scan) {
			r.mu.Lock()
			a.Progress = sc
			r.mu.Unlock()
		}
		log := r.log.With("sites", strings.Join(req.Sites, ","), "schedule", req.ScheduleID)
		log.Info("scan started")
		sc, err := r.safeRun(req, progress)
		r.mu.Lock()
		delete(r.runs, key)
		r.mu.Unlock()
		r.metrics.scanEnded(sc, err)
		if err != nil {
			log.Warn("scan ended with an error", "err", err)
		} else if sc != nil {
			log.Info("scan ended", "scan", sc.ID, "state", sc.State, "pages", sc.Pages, "hits", sc.Hits)
		}
		if done != nil {
			done(sc, err)
		}
	}()
	return nil
}

// safeRun runs one scan and turns a panic into an error, so a bug in one
// scan does not take the server down.
func (r *Runner) safeRun(req ScanRequest, progress func(shadowscan.Scan)) (sc *shadowscan.Scan, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("scan panicked", "panic", p)
			err = errors.New("internal error: the scan stopped unexpectedly")
		}
	}()
	return r.run(r.ctx, req, progress)
}

// Running returns the scans in progress, oldest first.
func (r *Runner) Running() []RunInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]RunInfo, 0, len(r.runs))
	for _, a := range r.runs {
		p := a.Progress
		p.Errors = cloneMap(p.Errors)
		out = append(out, RunInfo{Request: a.Req, Started: a.Started, Progress: p})
	}
	slices.SortFunc(out, func(a, b RunInfo) int { return a.Started.Compare(b.Started) })
	return out
}

func cloneMap(m map[string]int) map[string]int {
	if m == nil {
		return nil
	}
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Stop cancels the running scans and waits for them to end.
func (r *Runner) Stop() {
	r.cancel()
	r.wg.Wait()
}

// Wait waits for the running scans to end.
func (r *Runner) Wait() { r.wg.Wait() }
