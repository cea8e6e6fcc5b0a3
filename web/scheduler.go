package web

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/shadowscan/shadowscan"
)

// cronParser reads five-field expressions (minute hour day-of-month month
// day-of-week) and descriptors such as @daily and @every 6h.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// cronAccepted is what a cron error says would be accepted.
const cronAccepted = `five fields "minute hour day-of-month month day-of-week" such as "30 2 * * *" (02:30 every day) or "0 */6 * * *", or @hourly, @daily, @weekly, @every 6h`

// ParseCron parses a schedule's cron expression. The error names the
// expression and shows an example.
func ParseCron(expr string) (cron.Schedule, error) {
	if len(expr) > 200 {
		return nil, &shadowscan.FieldError{Field: "cron", Msg: "expression is over 200 bytes", Accepted: cronAccepted}
	}
	sched, err := cronParser.Parse(expr)
	if err != nil {
		return nil, &shadowscan.FieldError{Field: "cron", Msg: fmt.Sprintf("%q is not a cron expression: %v", expr, err), Accepted: cronAccepted}
	}
	// cron's Next looks five years ahead and returns the zero time when
	// nothing matches: a date that does not exist, such as 30 February.
	if sched.Next(time.Now()).IsZero() {
		return nil, &shadowscan.FieldError{Field: "cron", Msg: fmt.Sprintf("%q names no time that comes (a date that does not exist, such as 30 February): it would never run", expr), Accepted: cronAccepted}
	}
	return sched, nil
}

// CheckSchedule validates s including its cron expression.
func CheckSchedule(s *shadowscan.Schedule) error {
	if err := s.Validate(); err != nil {
		return err
	}
	_, err := ParseCron(s.Cron)
	return err
}

// NextRun returns when s is next due: the first time its cron expression
// names after its last run (or its creation, if it never ran). A time
// before now means the run is due (or was missed while serve was down).
// It never returns the zero time: an expression that names no time after
// that is an EINVALID error saying the schedule never runs again.
func NextRun(s *shadowscan.Schedule) (time.Time, error) {
	sched, err := ParseCron(s.Cron)
	if err != nil {
		return time.Time{}, fmt.Errorf("schedule %d: %w", s.ID, err)
	}
	base := s.LastRun
	if base.IsZero() {
		base = s.CreatedAt
	}
	next := sched.Next(base.Local())
	if next.IsZero() {
		return time.Time{}, shadowscan.Errorf(shadowscan.EINVALID, "schedule %d: cron %q names no time in the five years after %s: it never runs again", s.ID, s.Cron, base.UTC().Format(time.RFC3339))
	}
	return next, nil
}

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
		next, err := NextRun(&sc)
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
