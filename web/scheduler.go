package web

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/schedule"
)

// Scheduler starts the stored schedules' scans when they are due, through
// a Runner, so that at most one scan runs per site. A run missed while the
// server was down is due at start and runs once: the next one is counted
// from that run.
type Scheduler struct {
	store  ScheduleStore
	runner *Runner
	log    *slog.Logger
	now    func() time.Time
	// Tick is how often the schedules are checked (default 20 s; cron's
	// granularity is a minute).
	Tick time.Duration
}

// NewScheduler returns a scheduler over the store's schedules that runs
// scans through runner (Server.Runner()).
func NewScheduler(st ScheduleStore, runner *Runner, log *slog.Logger) *Scheduler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Scheduler{store: st, runner: runner, log: log, now: time.Now, Tick: 20 * time.Second}
}

// Run checks the schedules at once and then every Tick until ctx is done.
func (s *Scheduler) Run(ctx context.Context) error {
	if !s.runner.Enabled() {
		return fmt.Errorf("scheduler: no scan runner is wired")
	}
	t := time.NewTicker(s.Tick)
	defer t.Stop()
	for {
		if err := s.RunDue(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("scheduler: check schedules", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// RunDue starts every schedule that is due and whose site is free, and
// returns how it went reading the store. A schedule with a bad cron
// expression (stored by an older version, say) is logged and skipped.
func (s *Scheduler) RunDue(ctx context.Context) error {
	all, err := s.store.Schedules(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	for i := range all {
		sc := all[i]
		next, err := schedule.Next(&sc)
		if err != nil {
			s.log.Warn("scheduler: skipping schedule", "schedule", sc.ID, "err", err)
			continue
		}
		if next.After(now) || s.runner.Busy(sc.Site) {
			continue
		}
		if err := s.start(ctx, sc, now); err != nil {
			s.log.Warn("scheduler: start scan", "schedule", sc.ID, "err", err)
		}
	}
	return nil
}

// start records the run first, so a crash mid-scan does not make the
// schedule due again at once, then hands the scan to the runner.
func (s *Scheduler) start(ctx context.Context, sc shadowscan.Schedule, now time.Time) error {
	if err := s.store.MarkScheduleRun(ctx, sc.ID, now, 0, ""); err != nil {
		return err
	}
	req := ScanRequest{Sites: []string{sc.Site}, BrandID: sc.BrandID, Queries: sc.Queries, MaxPages: sc.MaxPages, ScheduleID: sc.ID}
	return s.runner.Start(req, func(scan *shadowscan.Scan, err error) {
		var id uint64
		if scan != nil {
			id = scan.ID
		}
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		// The run's own context may be cancelled at shutdown; the record
		// is still worth writing.
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := s.store.MarkScheduleRun(wctx, sc.ID, now, id, msg); err != nil {
			s.log.Warn("scheduler: record run", "schedule", sc.ID, "err", err)
		}
	})
}
