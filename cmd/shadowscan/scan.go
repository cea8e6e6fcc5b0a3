package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// scanOptions are the flags of `shadowscan scan`.
type scanOptions struct {
	Sites    []string
	Brand    string
	Queries  []string
	MaxPages int
	BaseURL  string
	Resume   bool
	KeepAll  bool
	// NoRevisit skips fetching by URL the reported, removed and relisted
	// listings the search did not reach (see pipeline.revisitSite).
	NoRevisit bool
	// Quiet turns off the live progress line (the demo prints its own;
	// serve has no terminal).
	Quiet bool
	// BaseURLs overrides the base_url of the sites it names (site name ->
	// URL), for the sites BaseURL does not already override: serve's scans
	// of the demo marketplace use it.
	BaseURLs map[string]string
	// OnProgress, when set, is called with a snapshot of the scan's live
	// counts (pages, listings, hits, errors) as the crawler reports them:
	// the web runner shows it on the scans page. It must not block long.
	OnProgress func(shadowscan.Scan)
	// ConfirmGoneAfter is how far apart two gone sightings of a listing
	// must be to confirm its removal (nil: store.DefaultConfirmGoneAfter).
	ConfirmGoneAfter *time.Duration
}

func newScanCommand(g *Globals) *cobra.Command {
	var o scanOptions
	var gap time.Duration
	cmd := &cobra.Command{
		Use:   "scan --site S [--site S2] [--brand B] [--query Q]...",
		Short: "Crawl marketplaces, match listings and queue hits",
		Long: `Crawl each site's search results for every query, fetch the listing pages
and their photos, match each listing against the catalogue, store it, and
queue a hit for review when it is flagged. Listings are matched and stored
as they arrive; a scan killed midway keeps everything it committed and
goes on with --resume without fetching finished pages again.

Without --query the queries are the brand's names and aliases and its
products' names and aliases.

After the search crawl of a site, the scan also fetches by URL every
listing of that site whose hit is reported, removed or relisted and that
search did not reach (a taken-down listing drops out of search results):
a reported listing that answers 404 or 410 or shows the site's removed
marker twice, a while apart, becomes removed, and a removed one found live
again becomes relisted. --no-revisit skips this.

One gone page is not a removal: it may be a fault of the moment. The first
404, 410 or removed marker is kept as "seen gone" (review show lists it);
a second one at least --confirm-gone-after later (default 1h) confirms
the removal, dated from the first; a live page in between clears it. A
later scan makes the second fetch, or this one when the wait is 10
minutes or less. A 5xx, a timeout, a 403 or 429, a redirect to a login
page, a captcha or slider page and a page whose fields are missing are
never taken as gone.

A seller with confirmed (or reported, removed, relisted) hits is a repeat
offender: its other listings get a reason with points for it.

--resume goes on with the newest scan that was interrupted (or failed, for
example on a full disk) with the sites, base URLs, queries, brand and
limits it was started with, without fetching again the listing pages and
search result pages it finished. It refuses when a site rule or the
detection rules changed since; --base-url may move a site to another
address.`,
		Example: `  shadowscan scan --site demo-market --brand aurora
  shadowscan scan --site demo-market --query "奥罗拉 蛋白粉" --max-pages 3
  shadowscan scan --resume`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(o.Sites) == 0 && !o.Resume {
				return usagef("name at least one --site (see `shadowscan sites list`)")
			}
			if o.MaxPages < 0 {
				return usagef("--max-pages %d: use 1 or more (0: the site rule's max_pages)", o.MaxPages)
			}
			if cmd.Flags().Changed("confirm-gone-after") {
				if gap < 0 {
					return usagef("--confirm-gone-after %s: use 0 or more, e.g. 1h or 30m", gap)
				}
				o.ConfirmGoneAfter = &gap
			}
			sc, err := runScan(cmd.Context(), g, o)
			if sc != nil {
				printScanSummary(g, sc, err)
			}
			return err
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVar(&o.Sites, "site", nil, "site to scan (repeatable; see `shadowscan sites list`)")
	fs.StringVar(&o.Brand, "brand", "", "only this brand's catalogue (default: every brand)")
	fs.StringArrayVar(&o.Queries, "query", nil, "search query (repeatable; default: brand and product names and aliases)")
	fs.IntVar(&o.MaxPages, "max-pages", 0, "result pages per query (default: the site rule's max_pages)")
	fs.StringVar(&o.BaseURL, "base-url", "", "override the site's base_url (e.g. a test copy of the marketplace)")
	fs.BoolVar(&o.Resume, "resume", false, "go on with the last interrupted or failed scan as it was started, skipping the pages it finished")
	fs.DurationVar(&gap, "confirm-gone-after", store.DefaultConfirmGoneAfter, "how long after a listing is first seen gone a second gone fetch confirms its removal")
	fs.BoolVar(&o.KeepAll, "keep-all-captures", false, "keep page and photo captures of unflagged listings too")
	fs.BoolVar(&o.NoRevisit, "no-revisit", false, "do not fetch by URL the reported, removed and relisted listings search did not find (takedown checks)")
	return cmd
}

// runScan crawls, matches and stores, and returns the scan record, also
// when it ends early (interrupted or failed), so the caller can report it.
func runScan(ctx context.Context, g *Globals, o scanOptions) (*shadowscan.Scan, error) {
	set, err := g.Rules()
	if err != nil {
		return nil, err
	}
	db, err := g.CreateStore(ctx)
	if err != nil {
		return nil, err
	}
	sc, sites, o, err := planScan(ctx, db, set, o)
	if err != nil {
		return nil, err
	}
	m, err := scanMatcher(ctx, g, db, set, sc)
	if err != nil {
		return nil, err
	}
	if o.Resume {
		line, err := resumeLine(ctx, db, sc, sites)
		if err != nil {
			return nil, err
		}
		if sc, err = db.ResumeScan(ctx, sc.ID); err != nil {
			return nil, err
		}
		fmt.Fprintln(g.Stdout, line)
	} else {
		sc.State = shadowscan.ScanRunning
		sc.StartedAt = time.Now().UTC()
		if err := db.StartScan(ctx, sc); err != nil {
			return nil, err
		}
	}
	log := g.Logger().With("scan", sc.ID)
	log.Info("scan started", "sites", sc.Sites, "queries", len(sc.Queries), "resume", o.Resume)

	gap := store.DefaultConfirmGoneAfter
	if o.ConfirmGoneAfter != nil {
		gap = *o.ConfirmGoneAfter
	}
	p := &pipeline{db: db, m: m, scan: sc, keepAll: o.KeepAll, noRevisit: o.NoRevisit, goneGap: gap, log: log}
	prog := newProgress(g.Stderr, !o.Quiet)
	if !o.Quiet {
		p.notice = prog.note
	}
	runErr := p.run(ctx, sites, scanCrawlerOptions(p, o, log, prog), prog)
	prog.done()
	return sc, finishScan(ctx, db, sc, runErr, log, p)
}

// planScan returns the scan to run and its sites: a new one from o, or,
// with o.Resume, the interrupted one with the options it was started with
// (refused when the rules changed since).
func planScan(ctx context.Context, db *store.DB, set *rules.Set, o scanOptions) (*shadowscan.Scan, []*rules.Site, scanOptions, error) {
	sc := &shadowscan.Scan{Sites: o.Sites, BrandID: o.Brand, Queries: o.Queries}
	if o.Resume {
		prev, err := resumable(ctx, db)
		if err != nil {
			return nil, nil, o, err
		}
		if o, err = resumeOptions(prev, o); err != nil {
			return nil, nil, o, err
		}
		if prev.Plan != nil {
			if err := checkRules(prev.ID, prev.Plan, set); err != nil {
				return nil, nil, o, err
			}
		}
		sc = prev
	}
	sites := make([]*rules.Site, 0, len(sc.Sites))
	for _, name := range sc.Sites {
		s, err := set.Site(name)
		if err != nil {
			return nil, nil, o, usageError{err}
		}
		planned := ""
		if ps := plannedSite(sc.Plan, name); ps != nil {
			planned = ps.BaseURL
		}
		if s, err = applyBaseURL(s, o, planned); err != nil {
			return nil, nil, o, err
		}
		sites = append(sites, s)
	}
	if !o.Resume {
		gap := store.DefaultConfirmGoneAfter
		if o.ConfirmGoneAfter != nil {
			gap = *o.ConfirmGoneAfter
		}
		plan, err := newPlan(sites, set.Detection, o, gap)
		if err != nil {
			return nil, nil, o, err
		}
		sc.Plan = plan
	}
	return sc, sites, o, nil
}

// scanMatcher loads the catalogue (of the scan's brand), fills in the
// scan's default queries and returns the matcher.
func scanMatcher(ctx context.Context, g *Globals, db *store.DB, set *rules.Set, sc *shadowscan.Scan) (*matcher.Matcher, error) {
	cat, err := db.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	if len(cat.Products) == 0 {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "the store %s holds no catalogue: run `shadowscan catalog import FILE` first", g.dbPath())
	}
	if sc.BrandID != "" {
		if cat, err = cat.OnlyBrand(sc.BrandID); err != nil {
			return nil, fmt.Errorf("--brand: %w", err)
		}
	}
	if len(sc.Queries) == 0 {
		sc.Queries = cat.SearchQueries()
	}
	history, err := sellerHistory(ctx, db)
	if err != nil {
		return nil, err
	}
	// The market is what earlier scans saw: a resumed scan leaves out what
	// it stored itself before the kill, as an uninterrupted one never saw it.
	market, err := storeMarket(ctx, db, set.Detection, sc.ID)
	if err != nil {
		return nil, err
	}
	return matcher.New(cat, set.Detection, history, market)
}

// failNotice is how many fetches in a row must fail before the scan says
// so on the terminal.
const failNotice = 3

// scanCrawlerOptions returns the crawler options of each site's crawl.
func scanCrawlerOptions(p *pipeline, o scanOptions, log *slog.Logger, prog *progress) func(*rules.Site) ([]crawler.Option, error) {
	onCrawl := prog.update
	if o.OnProgress != nil {
		onCrawl = func(st crawler.Stats) {
			prog.update(st)
			o.OnProgress(p.snapshot(st))
		}
	}
	return func(site *rules.Site) ([]crawler.Option, error) {
		opts := []crawler.Option{
			crawler.WithLogger(log.With("site", site.Name)),
			crawler.WithUserAgent(crawler.DefaultUserAgent(version)),
			crawler.WithFrontier(p.frontier(site)),
			crawler.WithProgress(onCrawl),
			crawler.WithFailureNotice(failNotice, func(n int, err error) {
				msg := fmt.Sprintf("%s: %d requests in a row failed, the last with %v (is the site at %s? --base-url sets another address)", site.Name, n, err, site.BaseURL)
				if o.Quiet {
					log.Warn(msg)
					return
				}
				log.Info(msg)
				prog.warn(msg)
			}),
		}
		if o.MaxPages > 0 {
			opts = append(opts, crawler.WithMaxPages(o.MaxPages))
		}
		return opts, nil
	}
}

// finishScan writes the final record whatever happened, with a context
// that outlives a Ctrl-C, so an interrupted scan can be resumed; a scan
// that finished forgets its frontier.
func finishScan(ctx context.Context, db *store.DB, sc *shadowscan.Scan, runErr error, log *slog.Logger, p *pipeline) error {
	sc.EndedAt = time.Now().UTC()
	switch {
	case runErr == nil:
		sc.State = shadowscan.ScanDone
	case errors.Is(runErr, context.Canceled):
		sc.State = shadowscan.ScanInterrupted
		sc.Err = "interrupted"
	default:
		sc.State = shadowscan.ScanFailed
		sc.Err = runErr.Error()
	}
	wctx := context.WithoutCancel(ctx)
	if err := db.FinishScan(wctx, sc); err != nil {
		if runErr == nil {
			runErr = err
		}
		log.Warn("the scan record could not be written", "err", err)
	} else if sc.State == shadowscan.ScanDone {
		if err := db.ClearFrontier(wctx, sc.ID); err != nil {
			log.Warn("the finished scan's frontier could not be cleared", "err", err)
		}
	}
	log.Info("scan ended", "state", sc.State, "pages", sc.Pages, "listings", sc.Listings, "hits", sc.Hits, "revisited", p.revisited)
	return runErr
}

// sellerHistory returns the matcher option that makes repeat offenders:
// each seller's confirmed-or-later hits, counted once at scan start from
// the store's status index.
func sellerHistory(ctx context.Context, db *store.DB) (matcher.Option, error) {
	offenders, err := db.ConfirmedBySeller(ctx)
	if err != nil {
		return nil, err
	}
	return matcher.WithSellerHistory(func(site, sellerID string) int {
		return offenders[store.SellerKey{Site: site, SellerID: sellerID}]
	}), nil
}

// resumable returns the newest scan that did not finish: interrupted (a
// running scan no live process owns is reported as interrupted) or
// failed. Scans older than the newest finished one are not resumed.
func resumable(ctx context.Context, db *store.DB) (*shadowscan.Scan, error) {
	scans, err := db.Scans(ctx, 50)
	if err != nil {
		return nil, err
	}
	for i := range scans {
		s := &scans[i]
		switch s.State {
		case shadowscan.ScanInterrupted, shadowscan.ScanFailed:
			return s, nil
		case shadowscan.ScanDone:
			return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "--resume: the newest scan, %d, finished: nothing to go on with; start a new one with `shadowscan scan --site S`", s.ID)
		}
	}
	return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "--resume: no interrupted scan to go on with; start one with `shadowscan scan --site S`")
}

// printScanSummary prints what the scan did and, when it did not finish,
// how to go on; runErr is the error it ended with.
func printScanSummary(g *Globals, sc *shadowscan.Scan, runErr error) {
	w := g.Stdout
	dur := sc.EndedAt.Sub(sc.StartedAt).Round(100 * time.Millisecond)
	fmt.Fprintf(w, "scan %d %s in %s: %d page(s), %d listing(s), %d new hit(s)\n", sc.ID, sc.State, dur, sc.Pages, sc.Listings, sc.Hits)
	if len(sc.Errors) > 0 {
		kinds := make([]string, 0, len(sc.Errors))
		for k := range sc.Errors {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		parts := make([]string, len(kinds))
		for i, k := range kinds {
			parts[i] = fmt.Sprintf("%s %d", k, sc.Errors[k])
		}
		fmt.Fprintf(w, "errors: %s\n", strings.Join(parts, ", "))
	}
	if sc.SearchSkipped+sc.ListingsSkipped+sc.SearchRefetched > 0 {
		fmt.Fprintf(w, "resumed: %d listing page(s) and %d search page(s) finished before were not fetched again; %d search page(s) were, as some of their listings were not stored\n",
			sc.ListingsSkipped, sc.SearchSkipped, sc.SearchRefetched)
	}
	if sc.SeenGone > 0 {
		gap := store.DefaultConfirmGoneAfter.String()
		if sc.Plan != nil && sc.Plan.ConfirmGoneAfter != "" {
			gap = sc.Plan.ConfirmGoneAfter
		}
		fmt.Fprintf(w, "%d reported listing(s) seen gone, not yet confirmed: a scan %s or more after the first sighting confirms their removal (review list --status reported; review show ID)\n", sc.SeenGone, gap)
	}
	switch {
	case sc.State == shadowscan.ScanInterrupted:
		fmt.Fprintln(w, "go on with: shadowscan scan --resume")
	case sc.State == shadowscan.ScanFailed && errors.Is(runErr, store.ErrWrite):
		fmt.Fprintln(w, "the store could not be written: free disk space or make the file writable, then go on with: shadowscan scan --resume")
	case sc.State == shadowscan.ScanFailed:
		fmt.Fprintln(w, "once the cause is fixed, go on with: shadowscan scan --resume")
	}
}
