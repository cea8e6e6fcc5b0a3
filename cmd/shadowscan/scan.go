package main

import (
	"context"
	"errors"
	"fmt"
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
}

func newScanCommand(g *Globals) *cobra.Command {
	var o scanOptions
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
marker becomes removed, and a removed one found live again becomes
relisted. --no-revisit skips this.

A seller with confirmed (or reported, removed, relisted) hits is a repeat
offender: its other listings get a reason with points for it.`,
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
			sc, err := runScan(cmd.Context(), g, o)
			if sc != nil {
				printScanSummary(g, sc)
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
	fs.BoolVar(&o.Resume, "resume", false, "go on with the last interrupted scan, skipping listing pages it finished")
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
	sc := &shadowscan.Scan{Sites: o.Sites, BrandID: o.Brand, Queries: o.Queries}
	if o.Resume {
		prev, err := resumable(ctx, db)
		if err != nil {
			return nil, err
		}
		sc = prev
		if len(o.Sites) > 0 && strings.Join(o.Sites, ",") != strings.Join(prev.Sites, ",") {
			return nil, usagef("--resume: the interrupted scan %d was of %s, not %s", prev.ID, strings.Join(prev.Sites, ", "), strings.Join(o.Sites, ", "))
		}
	}
	sites := make([]*rules.Site, 0, len(sc.Sites))
	for _, name := range sc.Sites {
		s, err := set.Site(name)
		if err != nil {
			return nil, usageError{err}
		}
		switch u := o.BaseURLs[name]; {
		case o.BaseURL != "":
			if s, err = s.WithBaseURL(o.BaseURL); err != nil {
				return nil, usageError{fmt.Errorf("--base-url: %w", err)}
			}
		case u != "":
			if s, err = s.WithBaseURL(u); err != nil {
				return nil, usageError{fmt.Errorf("base URL of site %s: %w", name, err)}
			}
		}
		sites = append(sites, s)
	}
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
	market, err := storeMarket(ctx, db, set.Detection)
	if err != nil {
		return nil, err
	}
	m, err := matcher.New(cat, set.Detection, history, market)
	if err != nil {
		return nil, err
	}
	if !o.Resume {
		sc.State = shadowscan.ScanRunning
		sc.StartedAt = time.Now().UTC()
		if err := db.StartScan(ctx, sc); err != nil {
			return nil, err
		}
	}
	log := g.Logger().With("scan", sc.ID)
	log.Info("scan started", "sites", sc.Sites, "queries", len(sc.Queries), "resume", o.Resume)

	p := &pipeline{db: db, m: m, scan: sc, keepAll: o.KeepAll, noRevisit: o.NoRevisit, log: log}
	prog := newProgress(g.Stderr, !o.Quiet)
	onCrawl := prog.update
	if o.OnProgress != nil {
		onCrawl = func(st crawler.Stats) {
			prog.update(st)
			o.OnProgress(p.snapshot(st))
		}
	}
	runErr := p.run(ctx, sites, func(site *rules.Site) ([]crawler.Option, error) {
		opts := []crawler.Option{
			crawler.WithLogger(log.With("site", site.Name)),
			crawler.WithUserAgent(crawler.DefaultUserAgent(version)),
			crawler.WithFrontier(p.frontier()),
			crawler.WithProgress(onCrawl),
		}
		if o.MaxPages > 0 {
			opts = append(opts, crawler.WithMaxPages(o.MaxPages))
		}
		return opts, nil
	}, prog)
	prog.done()

	// The record is written whatever happened, with a context that outlives
	// a Ctrl-C, so an interrupted scan can be resumed.
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
	if err := db.FinishScan(context.WithoutCancel(ctx), sc); err != nil && runErr == nil {
		runErr = err
	}
	log.Info("scan ended", "state", sc.State, "pages", sc.Pages, "listings", sc.Listings, "hits", sc.Hits, "revisited", p.revisited)
	return sc, runErr
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

// resumable returns the newest scan that did not finish.
func resumable(ctx context.Context, db *store.DB) (*shadowscan.Scan, error) {
	scans, err := db.Scans(ctx, 50)
	if err != nil {
		return nil, err
	}
	for i := range scans {
		s := &scans[i]
		if s.State == shadowscan.ScanRunning || s.State == shadowscan.ScanInterrupted {
			return s, nil
		}
		if s.State == shadowscan.ScanDone {
			break
		}
	}
	return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "--resume: no interrupted scan to go on with; start one with `shadowscan scan --site S`")
}

func printScanSummary(g *Globals, sc *shadowscan.Scan) {
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
	if sc.State == shadowscan.ScanInterrupted {
		fmt.Fprintln(w, "go on with: shadowscan scan --resume")
	}
}
