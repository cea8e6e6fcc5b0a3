package web

import (
	"cmp"
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
// keeps the live progress of those running and the outcome of the last
// few that ended, and cancels a run on request.
type Runner struct {
	run     RunScanFunc
	log     *slog.Logger
	metrics *metrics

	// ctx is the runner's own lifetime: Stop cancels it, and every run's
	// context derives from it.
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu    sync.Mutex
	seq   uint64
	runs  map[uint64]*activeRun
	ended []RunInfo // newest last, at most keptRuns
}

// keptRuns is how many ended runs the runner remembers, for clients that
// follow a run to its end (GET /api/scans/runs/{run}).
const keptRuns = 50

// Run states besides the scan states (shadowscan.ScanDone, ScanFailed,
// ScanInterrupted) a run ends in.
const (
	RunRunning    = shadowscan.ScanRunning
	RunCancelling = "cancelling"
)

// activeRun is a scan in progress.
type activeRun struct {
	info   RunInfo
	cancel context.CancelFunc
}

// RunInfo is a snapshot of a scan run for pages and the API: running, or
// ended with the scan's final record.
type RunInfo struct {
	// ID names the run (not the scan: the store numbers scans once they
	// start); it counts up from 1 while the server runs.
	ID      uint64      `json:"run"`
	Request ScanRequest `json:"request"`
	Started time.Time   `json:"started_at"`
	Ended   time.Time   `json:"ended_at,omitzero"`
	// State is running or cancelling while the run goes on, then the
	// scan's state: done, failed or interrupted (a cancelled scan is
	// interrupted and can be resumed).
	State string `json:"state"`
	// Progress is the scan's record: the counts so far, the final record
	// once the run ended.
	Progress shadowscan.Scan `json:"progress"`
	// CancelledBy names who cancelled the run, "" when nobody did.
	CancelledBy string `json:"cancelled_by,omitempty"`
	// Err says why a run failed or was interrupted.
	Err string `json:"error,omitempty"`
}

// Active reports whether the run is still going on.
func (i RunInfo) Active() bool { return i.State == RunRunning || i.State == RunCancelling }

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
			if slices.Contains(a.info.Request.Sites, s) {
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

// Start runs req in the background as Launch does.
func (r *Runner) Start(req ScanRequest, done func(*shadowscan.Scan, error)) error {
	_, err := r.Launch(req, done)
	return err
}

// Launch runs req in the background, calls done (if not nil) with the
// result when it ends, and returns the run as it starts. It returns
// ECONFLICT when a scan of one of its sites is already running, EINVALID
// when the runner cannot run scans or req names no site.
func (r *Runner) Launch(req ScanRequest, done func(*shadowscan.Scan, error)) (RunInfo, error) {
	if !r.Enabled() {
		return RunInfo{}, shadowscan.Errorf(shadowscan.EINVALID, "this server cannot run scans (no scan runner is wired)")
	}
	if len(req.Sites) == 0 {
		return RunInfo{}, shadowscan.Errorf(shadowscan.EINVALID, "a scan needs at least one site")
	}
	if r.ctx.Err() != nil {
		return RunInfo{}, shadowscan.Errorf(shadowscan.ECONFLICT, "the server is shutting down")
	}
	r.mu.Lock()
	if s := r.busy(req.Sites); s != "" {
		r.mu.Unlock()
		return RunInfo{}, shadowscan.Errorf(shadowscan.ECONFLICT, "a scan of %s is already running: wait for it to end, or cancel it (see /scans)", s)
	}
	r.seq++
	ctx, cancel := context.WithCancel(r.ctx)
	a := &activeRun{cancel: cancel, info: RunInfo{ID: r.seq, Request: req, Started: time.Now().UTC(), State: RunRunning}}
	a.info.Progress = shadowscan.Scan{Sites: req.Sites, BrandID: req.BrandID, State: shadowscan.ScanRunning, StartedAt: a.info.Started}
	r.runs[a.info.ID] = a
	info := a.info
	r.wg.Add(1)
	r.mu.Unlock()

	go func() {
		defer r.wg.Done()
		defer cancel()
		progress := func(sc shadowscan.Scan) {
			r.mu.Lock()
			a.info.Progress = sc
			r.mu.Unlock()
		}
		log := r.log.With("run", info.ID, "sites", strings.Join(req.Sites, ","), "schedule", req.ScheduleID, "by", req.By)
		log.Info("scan started")
		sc, err := r.safeRun(ctx, req, progress)
		r.end(a, sc, err)
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
	return info, nil
}

// end moves a finished run from the running ones to the ended ones, with
// the scan's final record and state.
func (r *Runner) end(a *activeRun, sc *shadowscan.Scan, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.runs, a.info.ID)
	info := a.info
	info.Ended = time.Now().UTC()
	if sc != nil {
		info.Progress = *sc
		info.Progress.Errors = cloneMap(sc.Errors)
		info.Progress.Workers = cloneMap(sc.Workers)
		info.Progress.Redelivered = cloneMap(sc.Redelivered)
	}
	switch {
	case sc != nil && sc.State != shadowscan.ScanRunning && sc.State != "":
		info.State = sc.State
	case errors.Is(err, context.Canceled):
		info.State = shadowscan.ScanInterrupted
	case err != nil:
		info.State = shadowscan.ScanFailed
	default:
		info.State = shadowscan.ScanDone
	}
	if err != nil {
		info.Err = err.Error()
		if info.CancelledBy != "" && errors.Is(err, context.Canceled) {
			info.Err = "cancelled by " + info.CancelledBy
		}
	}
	r.ended = append(r.ended, info)
	if len(r.ended) > keptRuns {
		r.ended = slices.Delete(r.ended, 0, len(r.ended)-keptRuns)
	}
}

// Cancel stops run id: the scan stops fetching, records what it stored as
// an interrupted scan (resumable, as after a kill) and the run ends soon
// after. ENOTFOUND for a run the runner does not know, ECONFLICT for one
// that already ended.
func (r *Runner) Cancel(id uint64, by string) (RunInfo, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if a, ok := r.runs[id]; ok {
		if a.info.State != RunCancelling {
			a.info.State, a.info.CancelledBy = RunCancelling, by
			a.cancel()
		}
		return r.snapshot(a), nil
	}
	for _, e := range r.ended {
		if e.ID == id {
			return e, shadowscan.Errorf(shadowscan.ECONFLICT, "run %d already ended (%s): nothing to cancel", id, e.State)
		}
	}
	return RunInfo{}, shadowscan.Errorf(shadowscan.ENOTFOUND, "no scan run %d: the running scans are at /api/scans/running", id)
}

// Run returns run id, running or among the last ended: ENOTFOUND when the
// runner does not know it (it never ran, or ended long ago).
func (r *Runner) Run(id uint64) (RunInfo, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if a, ok := r.runs[id]; ok {
		return r.snapshot(a), nil
	}
	for _, e := range r.ended {
		if e.ID == id {
			return e, nil
		}
	}
	return RunInfo{}, shadowscan.Errorf(shadowscan.ENOTFOUND, "no scan run %d: this server keeps the last %d runs that ended", id, keptRuns)
}

// snapshot copies a running run's info; r.mu is held.
func (r *Runner) snapshot(a *activeRun) RunInfo {
	info := a.info
	info.Progress.Errors = cloneMap(info.Progress.Errors)
	info.Progress.Workers = cloneMap(info.Progress.Workers)
	info.Progress.Redelivered = cloneMap(info.Progress.Redelivered)
	return info
}

// safeRun runs one scan and turns a panic into an error, so a bug in one
// scan does not take the server down.
func (r *Runner) safeRun(ctx context.Context, req ScanRequest, progress func(shadowscan.Scan)) (sc *shadowscan.Scan, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("scan panicked", "panic", p)
			err = errors.New("internal error: the scan stopped unexpectedly")
		}
	}()
	return r.run(ctx, req, progress)
}

// Running returns the scans in progress, oldest first.
func (r *Runner) Running() []RunInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]RunInfo, 0, len(r.runs))
	for _, a := range r.runs {
		out = append(out, r.snapshot(a))
	}
	slices.SortFunc(out, func(a, b RunInfo) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Ended returns the runs that ended while the server ran (the last
// keptRuns), newest first.
func (r *Runner) Ended() []RunInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.ended)
	slices.Reverse(out)
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
