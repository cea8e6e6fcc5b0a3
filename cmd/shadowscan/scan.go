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
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/scan"
	"github.com/shadowscan/shadowscan/store"
)

// scanOptions are the flags of `shadowscan scan`: what to scan, and how
// to show it.
type scanOptions struct {
	scan.Options
	// Quiet turns off the live progress line and the warnings on the
	// terminal (serve has none).
	Quiet bool
	// OnProgress, when set, is called with a snapshot of the scan's live
	// counts (pages, listings, hits, errors): the web runner shows it on
	// the scans page. It must not block long.
	OnProgress func(shadowscan.Scan)
	// Fleet, when set, runs the scan on the workers pulling from it
	// (serve --nats).
	Fleet *fleet.Conn
}

// scanLong is scan's help text.
const scanLong = `Crawl each site's search results for every query, fetch the listing pages
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
address.

--remote URL asks a running serve to run the scan (on its workers when
it runs with --nats), through its API with a token (--token-file, else
$SHADOWSCAN_TOKEN, else the .token file beside --db), shows its progress
here and exits as a local scan would; Ctrl-C cancels it on serve, where
it can be resumed (--remote URL --resume --site S). serve scans with its
own rules and settings: --base-url, --proxy, --keep-all-captures,
--no-revisit and --confirm-gone-after are refused with --remote.`

func newScanCommand(g *Globals) *cobra.Command {
	var o scanOptions
	var r remoteOptions
	var gap time.Duration
	cmd := &cobra.Command{
		Use:   "scan --site S [--site S2] [--brand B] [--query Q]... [--remote URL]",
		Short: "Crawl marketplaces, match listings and queue hits",
		Long:  scanLong,
		Example: `  shadowscan scan --site demo-market --brand aurora
  shadowscan scan --site demo-market --query "奥罗拉 蛋白粉" --max-pages 3
  shadowscan scan --resume
  shadowscan scan --remote http://127.0.0.1:8080 --site demo-market --brand aurora`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(o.Sites) == 0 && !o.Resume {
				return usagef("name at least one --site (see `shadowscan sites list`)")
			}
			if o.MaxPages < 0 {
				return usagef("--max-pages %d: use 1 or more (0: the site rule's max_pages)", o.MaxPages)
			}
			if err := checkProxyFlags(o.Proxies); err != nil {
				return err
			}
			if err := r.check(); err != nil {
				return err
			}
			if r.URL != "" {
				if err := checkRemoteScan(cmd, o); err != nil {
					return err
				}
				sc, err := runRemoteScan(cmd.Context(), g, o, r)
				if sc != nil {
					printScanSummaryResume(g, sc, err, remoteResume(r, sc))
				}
				return err
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
	fs.StringArrayVar(&o.Sites, "site", nil, "`SITE` to scan (repeatable; see shadowscan sites list)")
	fs.StringVar(&o.Brand, "brand", "", "only this brand's catalogue (default: every brand)")
	fs.StringArrayVar(&o.Queries, "query", nil, "search query (repeatable; default: brand and product names and aliases)")
	fs.IntVar(&o.MaxPages, "max-pages", 0, "result pages per query (default: the site rule's max_pages)")
	fs.StringVar(&o.BaseURL, "base-url", "", "override the site's base_url (e.g. a test copy of the marketplace)")
	fs.BoolVar(&o.Resume, "resume", false, "go on with the last interrupted or failed scan as it was started, skipping the pages it finished")
	fs.DurationVar(&gap, "confirm-gone-after", store.DefaultConfirmGoneAfter, "how long after a listing is first seen gone a second gone fetch confirms its removal")
	fs.BoolVar(&o.KeepAll, "keep-all-captures", false, "keep page and photo captures of unflagged listings too")
	fs.StringArrayVar(&o.Proxies, "proxy", nil, "send requests through this HTTP or SOCKS5 proxy (repeatable, rotated per request; replaces the site rules' proxies), e.g. socks5://127.0.0.1:1080")
	fs.BoolVar(&o.NoRevisit, "no-revisit", false, "do not fetch by URL the reported, removed and relisted listings search did not find (takedown checks)")
	r.AddFlags(fs, "run the scan on the serve at this `URL` (its workers, with --nats) and follow it here")
	return cmd
}

// runScan runs the scan use case (package scan) with the store and rules
// of g, showing its progress on g's terminal unless o.Quiet, and returns
// the scan record, also when it ends early (interrupted or failed), so
// the caller can report it.
func runScan(ctx context.Context, g *Globals, o scanOptions) (*shadowscan.Scan, error) {
	set, err := g.Rules()
	if err != nil {
		return nil, err
	}
	db, err := g.CreateStore(ctx)
	if err != nil {
		return nil, err
	}
	prog := newProgress(g.Stderr, !o.Quiet)
	log := g.Logger()
	on := func(e scan.Event) {
		switch e.Kind {
		case scan.EventResumed:
			fmt.Fprintln(g.Stdout, e.Message)
		case scan.EventProgress:
			prog.update(e.Scan)
			if o.OnProgress != nil {
				o.OnProgress(e.Scan)
			}
		case scan.EventNotice:
			if !o.Quiet {
				prog.note(e.Message)
			}
		case scan.EventWarning:
			if o.Quiet {
				log.Warn(e.Message)
			} else {
				prog.warn(e.Message)
			}
		}
	}
	s := scan.New(db, set, scan.WithLogger(log), scan.WithUserAgent(crawler.DefaultUserAgent(version)))
	var sc *shadowscan.Scan
	if o.Fleet != nil {
		sc, err = s.RunDistributed(ctx, o.Fleet, o.Options, on)
	} else {
		sc, err = s.Run(ctx, o.Options, on)
	}
	prog.done()
	return sc, err
}

// printScanSummary prints what the scan did and, when it did not finish,
// how to go on; runErr is the error it ended with.
func printScanSummary(g *Globals, sc *shadowscan.Scan, runErr error) {
	printScanSummaryResume(g, sc, runErr, "shadowscan scan --resume")
}

// printScanSummaryResume is printScanSummary with the command that goes
// on with the scan (a remote scan resumes on its server).
func printScanSummaryResume(g *Globals, sc *shadowscan.Scan, runErr error, resume string) {
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
	for _, b := range sc.Blocked {
		fmt.Fprintf(w, "blocked: %s answered %d page(s) with block pages (%s), never stored, never counted as removed; the last: %s\n", b.Site, b.Pages, blockWhy(b.Why), b.Last)
	}
	var blocked *scan.BlockedError
	switch {
	case errors.As(runErr, &blocked):
		fmt.Fprintln(w, "the scan stopped: the marketplace is blocking the crawler. Log in with `shadowscan sites login SITE --cookies FILE`, give the site proxies, or wait; then go on with: "+resume)
	case sc.State == shadowscan.ScanInterrupted:
		fmt.Fprintln(w, "go on with: "+resume)
	case sc.State == shadowscan.ScanFailed && errors.Is(runErr, store.ErrWrite):
		fmt.Fprintln(w, "the store could not be written: free disk space or make the file writable, then go on with: "+resume)
	case sc.State == shadowscan.ScanFailed:
		fmt.Fprintln(w, "once the cause is fixed, go on with: "+resume)
	}
}

// blockWhy is "captcha 3, http_403 2".
func blockWhy(why map[string]int) string {
	kinds := make([]string, 0, len(why))
	for k := range why {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for i, k := range kinds {
		kinds[i] = fmt.Sprintf("%s %d", k, why[k])
	}
	return strings.Join(kinds, ", ")
}

// checkProxyFlags checks and normalises each --proxy.
func checkProxyFlags(proxies []string) error {
	for i, raw := range proxies {
		u, err := rules.ParseProxy(raw)
		if err != nil {
			return usagef("--proxy: %v (accepted: %s)", err, rules.ProxyAccepted)
		}
		proxies[i] = u.String()
	}
	return nil
}
