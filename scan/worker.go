package scan

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
)

// Worker does the fetch tasks of distributed scans (`shadowscan worker`):
// it pulls a site's tasks from the fleet, fetches and extracts each page
// with the crawler (a crawler.Fetcher per scan and site: the site's
// politeness, robots.txt, transport and photo cache), and hands back the
// listing, or the listing and next-page tasks a search page leads to. It
// holds no state of its own: it may be killed at any time and its task is
// delivered again.
//
// It fetches with its own copy of the site rules, and refuses a task
// whose rule digest is not its own: a worker with other rules would
// extract other listings than the coordinator planned for. It reads the
// scan's catalogue snapshot (Task.Catalog) to fetch and hash only the
// photos that can change a verdict, as a scan in one process does.
type Worker struct {
	rules *rules.Set
	name  string
	cfg   Scanner // the logger, user agent and crawler options of Options

	// q is the connection Run pulls from, which the crawlers tell when a
	// site throttles them (fleet's shared backoff).
	q *fleet.Conn

	mu       sync.Mutex
	fetchers map[fetcherKey]*siteFetcher
	// matchers are the matchers of the catalogue snapshots read, by name
	// (photosWanted).
	matchers map[string]*matcher.Matcher
}

// fetcherKey names the fetcher of a site in a scan.
type fetcherKey struct {
	site string
	scan uint64
}

// fetchersPerSite is how many scans of one site a worker keeps fetchers
// for: the oldest is closed when a newer scan starts (two scans of a site
// may run at once; an earlier one's tasks are gone when it ended).
const fetchersPerSite = 3

// siteFetcher is a site's fetcher for one scan.
type siteFetcher struct {
	f        *crawler.Fetcher
	maxPages int
}

// NewWorker returns a worker named name fetching with the rules of set;
// WithLogger, WithUserAgent and WithCrawlerOptions apply to it.
func NewWorker(set *rules.Set, name string, opts ...Option) *Worker {
	w := &Worker{rules: set, name: name, fetchers: map[fetcherKey]*siteFetcher{}, matchers: map[string]*matcher.Matcher{}}
	for _, o := range opts {
		o(&w.cfg)
	}
	if w.cfg.log == nil {
		w.cfg.log = slog.New(slog.DiscardHandler)
	}
	return w
}

// Run works on the tasks of sites (every site of the rules when none is
// named) until ctx is done, and returns ctx's error or what stopped it.
func (w *Worker) Run(ctx context.Context, q *fleet.Conn, sites []string) error {
	if len(sites) == 0 {
		sites = w.rules.SiteNames()
	}
	defer w.closeAll()
	w.q = q
	g, gctx := errgroup.WithContext(ctx)
	for _, name := range sites {
		site, err := w.rules.Site(name)
		if err != nil {
			return UsageError{err}
		}
		pol := site.Politeness
		w.cfg.log.Info("worker pulling tasks", "site", name, "parallelism", pol.Parallelism, "delay", pol.Delay)
		g.Go(func() error {
			return q.Work(gctx, name, w.handle, fleet.WorkOptions{Name: w.name, Pullers: max(pol.Parallelism, 1),
				Delay: pol.Delay, Log: w.cfg.log})
		})
	}
	err := g.Wait()
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		err = ctx.Err()
	}
	return err
}

// handle does one task.
func (w *Worker) handle(ctx context.Context, t fleet.Task) (fleet.Outcome, error) {
	sf, err := w.fetcher(ctx, t)
	if err != nil {
		return fleet.Outcome{}, &fleet.Failure{Kind: "rules", Err: err}
	}
	switch t.Kind {
	case fleet.KindSearch:
		sp, err := sf.f.SearchPage(ctx, t.Query, t.Page, t.URL)
		if err != nil {
			return fleet.Outcome{}, failure(err)
		}
		var out fleet.Outcome
		for _, l := range sp.Links {
			out.Next = append(out.Next, t.Follow(fleet.KindListing, l))
		}
		if sp.Next != "" && t.Page < sf.maxPages {
			n := t.Follow(fleet.KindSearch, sp.Next)
			n.Query, n.Page = t.Query, t.Page+1
			out.Next = append(out.Next, n)
		}
		return out, nil
	case fleet.KindListing, fleet.KindRevisit, fleet.KindRecheck:
		p, err := sf.f.Listing(ctx, t.URL)
		if err != nil && byURL(t) {
			// As a local revisit: the crawler's retries were its
			// chance; a failed revisit tells nothing and is not
			// delivered again.
			return fleet.Outcome{}, &fleet.Failure{Kind: crawler.FailureKind(err), Err: err}
		}
		if err != nil {
			return fleet.Outcome{}, failure(err)
		}
		return fleet.Outcome{Listing: &p.Listing, Captures: p.Captures}, nil
	}
	return fleet.Outcome{}, &fleet.Failure{Kind: "parse", Err: fmt.Errorf("unknown task kind %q", t.Kind)}
}

// failure is a fetch error as the fleet sees it.
func failure(err error) error {
	kind := crawler.FailureKind(err)
	return &fleet.Failure{Kind: kind, Temporary: crawler.Temporary(kind), Err: err}
}

// fetcher returns the fetcher of t's scan and site, making it on the
// scan's first task (and closing the one of an earlier scan).
func (w *Worker) fetcher(ctx context.Context, t fleet.Task) (*siteFetcher, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	key := fetcherKey{t.Site, t.Scan}
	if sf := w.fetchers[key]; sf != nil {
		return sf, nil
	}
	site, err := w.rules.Site(t.Site)
	if err != nil {
		return nil, err
	}
	if site, err = site.WithBaseURL(t.BaseURL); err != nil {
		return nil, fmt.Errorf("base url of scan %d: %w", t.Scan, err)
	}
	d, err := siteDigest(site)
	if err != nil {
		return nil, err
	}
	if d.SHA256 != t.Rules {
		return nil, fmt.Errorf("this worker's rule of site %s (%s) differs from the coordinator's: give both the same --rules", t.Site, d.File)
	}
	opts := append([]crawler.Option{crawler.WithLogger(w.cfg.log.With("site", t.Site, "scan", t.Scan)), crawler.WithUserAgent(w.cfg.userAgent),
		crawler.WithThrottled(w.throttled(t.Site))}, w.cfg.crawlerOpts...)
	if t.MaxPages > 0 {
		opts = append(opts, crawler.WithMaxPages(t.MaxPages))
	}
	opts = append(opts, w.photosWanted(ctx, t.Catalog)...)
	c, err := crawler.New(site, opts...)
	if err != nil {
		return nil, err
	}
	// The fetcher lives as long as the worker, not as the task that
	// made it.
	f, err := c.NewFetcher(context.WithoutCancel(ctx))
	if err != nil {
		return nil, err
	}
	w.closeOldest(t.Site)
	sf := &siteFetcher{f: f, maxPages: c.MaxPages()}
	w.fetchers[key] = sf
	return sf, nil
}

// throttled returns the crawler's WithThrottled hook for site: the wait
// the site asked for is shared with every worker (fleet.Conn.BackOff).
func (w *Worker) throttled(site string) func(time.Duration) {
	return func(d time.Duration) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := w.q.BackOff(ctx, site, d); err != nil {
			w.cfg.log.Warn("the site's backoff could not be shared with the other workers", "site", site, "err", err)
		} else {
			w.cfg.log.Info("site throttled: every worker waits", "site", site, "wait", d)
		}
	}
}

// closeOldest closes the fetcher of site's oldest scan when the worker
// holds fetchersPerSite of them. w.mu is held.
func (w *Worker) closeOldest(site string) {
	var oldest *fetcherKey
	n := 0
	for k := range w.fetchers {
		if k.site != site {
			continue
		}
		n++
		if oldest == nil || k.scan < oldest.scan {
			oldest = &k
		}
	}
	if n >= fetchersPerSite {
		w.fetchers[*oldest].f.Close()
		delete(w.fetchers, *oldest)
	}
}

// closeAll closes every fetcher.
func (w *Worker) closeAll() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for k, sf := range w.fetchers {
		sf.f.Close()
		delete(w.fetchers, k)
	}
}
