package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/schedule"
)

func newScheduleCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Scheduled scans, run by `shadowscan serve`: add, list, rm",
		Long: `A schedule is a scan that shadowscan serve starts on a cron schedule (in
the server's time zone), at most one scan per site at a time. A run missed
while serve was down runs once when serve starts.`,
	}
	cmd.AddCommand(newScheduleAddCommand(g), newScheduleListCommand(g), newScheduleRmCommand(g))
	return cmd
}

type scheduleAddOptions struct {
	cron     string
	site     string
	brand    string
	queries  []string
	maxPages int
}

func newScheduleAddCommand(g *Globals) *cobra.Command {
	var o scheduleAddOptions
	cmd := &cobra.Command{
		Use:   "add --cron EXPR --site S [--brand B] [--query Q]...",
		Short: "Add a scheduled scan",
		Example: `  shadowscan schedule add --cron "30 2 * * *" --site demo-market --brand aurora
  shadowscan schedule add --cron @every 6h --site demo-market --query "奥罗拉 蛋白粉"`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, err := o.schedule(g)
			if err != nil {
				return err
			}
			return runScheduleAdd(cmd.Context(), g, sc)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.cron, "cron", "", `when to scan: five cron fields "minute hour day-of-month month day-of-week" such as "30 2 * * *", or @daily, @every 6h (required)`)
	fs.StringVar(&o.site, "site", "", "`SITE` to scan (required; see shadowscan sites list)")
	fs.StringVar(&o.brand, "brand", "", "only this brand's catalogue (default: every brand)")
	fs.StringArrayVar(&o.queries, "query", nil, "search query (repeatable; default: brand and product names and aliases)")
	fs.IntVar(&o.maxPages, "max-pages", 0, "result pages per query (default: the site rule's max_pages)")
	return cmd
}

// schedule checks the flags and returns the schedule they describe; every
// mistake is a usage error naming the flag.
func (o *scheduleAddOptions) schedule(g *Globals) (*shadowscan.Schedule, error) {
	if strings.TrimSpace(o.cron) == "" {
		return nil, usagef(`--cron is required: a cron expression such as "30 2 * * *" (02:30 every day) or @daily`)
	}
	if o.site == "" {
		return nil, usagef("--site is required (see `shadowscan sites list`)")
	}
	if o.maxPages < 0 {
		return nil, usagef("--max-pages %d: use 1 or more (0: the site rule's max_pages)", o.maxPages)
	}
	if _, err := schedule.Parse(o.cron); err != nil {
		return nil, usageError{fmt.Errorf("--cron: %w", err)}
	}
	set, err := g.Rules()
	if err != nil {
		return nil, err
	}
	if _, err := set.Site(o.site); err != nil {
		return nil, usageError{fmt.Errorf("--site: %w", err)}
	}
	sc := &shadowscan.Schedule{Cron: strings.TrimSpace(o.cron), Site: o.site, BrandID: o.brand, Queries: o.queries, MaxPages: o.maxPages}
	if err := sc.Validate(); err != nil {
		return nil, usageError{err}
	}
	return sc, nil
}

func runScheduleAdd(ctx context.Context, g *Globals, sc *shadowscan.Schedule) error {
	db, err := g.Store(ctx)
	if err != nil {
		return serveHint(err, g.dbPath())
	}
	if sc.BrandID != "" {
		if _, err := db.Brand(ctx, sc.BrandID); err != nil {
			return fmt.Errorf("--brand: %w", err)
		}
	}
	if err := db.AddSchedule(ctx, sc); err != nil {
		return err
	}
	next, err := schedule.Next(sc)
	if err != nil {
		// schedule.Parse refused expressions that never run; this is a bug.
		return fmt.Errorf("schedule %d was added, but its next run is unknown (remove it with `shadowscan schedule rm %d`): %w", sc.ID, sc.ID, err)
	}
	fmt.Fprintf(g.Stdout, "schedule %d: %s scan of %s, next at %s (runs while `shadowscan serve` runs)\n", sc.ID, sc.Cron, sc.Site, next.Format("2006-01-02 15:04 MST"))
	return nil
}

func newScheduleListCommand(g *Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "List the scheduled scans with their next run",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScheduleList(cmd.Context(), g, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// scheduleView is a schedule with its next run, for schedule list --json.
// A schedule whose next run cannot be told (a cron expression that no
// longer parses, or names no time to come) has no next_run and says why
// in problem, as the web API does.
type scheduleView struct {
	shadowscan.Schedule
	NextRun time.Time `json:"next_run,omitzero"`
	Problem string    `json:"problem,omitempty"`
}

func runScheduleList(ctx context.Context, g *Globals, asJSON bool) error {
	db, err := g.Store(ctx)
	if err != nil {
		return serveHint(err, g.dbPath())
	}
	all, err := db.Schedules(ctx)
	if err != nil {
		return err
	}
	views := make([]scheduleView, 0, len(all))
	for _, s := range all {
		v := scheduleView{Schedule: s}
		if next, err := schedule.Next(&s); err != nil {
			v.Problem = err.Error()
		} else {
			v.NextRun = next.UTC()
		}
		views = append(views, v)
	}
	if asJSON {
		return writeJSON(g.Stdout, views)
	}
	if len(views) == 0 {
		fmt.Fprintln(g.Stdout, `no schedules: add one with shadowscan schedule add --cron "30 2 * * *" --site SITE`)
		return nil
	}
	t := newTable("ID", "CRON", "SITE", "BRAND", "QUERIES", "NEXT RUN", "LAST RUN")
	for _, v := range views {
		next := "never (below)"
		if !v.NextRun.IsZero() {
			next = v.NextRun.Local().Format("2006-01-02 15:04")
		}
		last := "never"
		if !v.LastRun.IsZero() {
			last = v.LastRun.Local().Format("2006-01-02 15:04")
			if v.LastError != "" {
				last += " (failed)"
			} else if v.LastScanID != 0 {
				last += fmt.Sprintf(" (scan %d)", v.LastScanID)
			}
		}
		brand := v.BrandID
		if brand == "" {
			brand = "all"
		}
		t.add(fmt.Sprint(v.ID), v.Cron, v.Site, brand, truncate(strings.Join(v.Queries, "; "), 30), next, last)
	}
	if err := t.write(g.Stdout); err != nil {
		return err
	}
	for _, v := range views {
		if v.Problem != "" {
			fmt.Fprintf(g.Stdout, "%s; remove it with `shadowscan schedule rm %d` and add it again\n", v.Problem, v.ID)
		}
	}
	return nil
}

func newScheduleRmCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "rm ID...",
		Short: "Remove scheduled scans",
		Args:  usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids := make([]uint64, 0, len(args))
			for _, a := range args {
				id, err := parseHitID(a)
				if err != nil {
					return usagef("schedule id %q: use the number `shadowscan schedule list` shows", a)
				}
				ids = append(ids, id)
			}
			db, err := g.Store(cmd.Context())
			if err != nil {
				return serveHint(err, g.dbPath())
			}
			for _, id := range ids {
				if err := db.RemoveSchedule(cmd.Context(), id); err != nil {
					return err
				}
				fmt.Fprintf(g.Stdout, "removed schedule %d\n", id)
			}
			return nil
		},
	}
}
