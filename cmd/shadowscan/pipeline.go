package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/term"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// batchSize is how many listings one store transaction commits. bbolt
// syncs once per transaction, so batching is what makes a scan's writes
// cheap; 64 keeps at most a few seconds of work uncommitted.
const (
	batchSize     = 64
	batchInterval = 500 * time.Millisecond
)

// pipeline joins crawler, matcher and store for one scan: the crawler's
// sink matches each listing as it arrives and hands it to a single writer
// goroutine (bbolt has one writer) that commits in batches.
type pipeline struct {
	db      *store.DB
	m       *matcher.Matcher
	scan    *shadowscan.Scan
	keepAll bool
	// noRevisit turns off the revisit phase that by default follows each
	// site's search crawl: its reported, removed and relisted listings
	// fetched by URL (see revisitSite).
	noRevisit bool
	log       *slog.Logger

	items chan item

	mu        sync.Mutex // guards newHits, revisited, the scan's counts
	newHits   int
	revisited int
}

// item is an observation to store or a listing URL to mark visited. Marks
// travel behind their observations on the same channel, so a URL is never
// marked visited before its listing is committed: a kill between the two
// re-fetches that page on resume instead of losing it.
type item struct {
	obs     *store.Observation
	visited string
	// barrier, when set, asks the writer to commit everything before it
	// and then close the channel.
	barrier chan struct{}
}

type frontier struct{ p *pipeline }

func (f frontier) Visited(ctx context.Context, url string) (bool, error) {
	return f.p.db.Visited(ctx, f.p.scan.ID, url)
}

func (f frontier) MarkVisited(ctx context.Context, url string) error {
	select {
	case f.p.items <- item{visited: url}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *pipeline) frontier() crawler.Frontier { return frontier{p} }

// run crawls each site in turn with the options optsFor gives and returns
// once every listing it accepted is committed.
func (p *pipeline) run(ctx context.Context, sites []*rules.Site, optsFor func(*rules.Site) ([]crawler.Option, error), prog *progress) error {
	p.items = make(chan item, 4*batchSize)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return p.write(ctx, prog) })
	g.Go(func() error {
		defer close(p.items)
		for _, site := range sites {
			opts, err := optsFor(site)
			if err != nil {
				return err
			}
			c, err := crawler.New(site, opts...)
			if err != nil {
				return err
			}
			st, err := c.Run(gctx, p.scan.Queries, p.sink)
			p.addStats(st)
			if err != nil {
				return fmt.Errorf("scan %s: %w", site.Name, err)
			}
			if !p.noRevisit {
				if err := p.revisitSite(gctx, site, opts); err != nil {
					return fmt.Errorf("scan %s: revisit: %w", site.Name, err)
				}
			}
		}
		return nil
	})
	return g.Wait()
}

func (p *pipeline) addStats(st crawler.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.scan.Pages += st.Pages
	p.scan.Listings += st.Listings
	for k, n := range st.Errors {
		if p.scan.Errors == nil {
			p.scan.Errors = map[string]int{}
		}
		p.scan.Errors[k] += n
	}
	p.scan.Hits = p.newHits
}

// snapshot returns a copy of the scan with the counts of the sites done so
// far plus live, the running crawler's counts: what a live progress view
// shows.
func (p *pipeline) snapshot(live crawler.Stats) shadowscan.Scan {
	p.mu.Lock()
	snap := *p.scan
	snap.Pages += live.Pages
	snap.Listings += live.Listings
	snap.Hits = p.newHits
	snap.Errors = maps.Clone(p.scan.Errors)
	snap.Sites = slices.Clone(p.scan.Sites)
	snap.Queries = slices.Clone(p.scan.Queries)
	p.mu.Unlock()
	for k, n := range live.Errors {
		if snap.Errors == nil {
			snap.Errors = map[string]int{}
		}
		snap.Errors[k] += n
	}
	return snap
}

// sink is the crawler's callback: match, then queue for the writer.
func (p *pipeline) sink(ctx context.Context, page *crawler.Page) error {
	v := p.m.Match(&page.Listing)
	obs := &store.Observation{ScanID: p.scan.ID, Listing: page.Listing, Captures: page.Captures, Verdict: v, KeepCaptures: p.keepAll}
	select {
	case p.items <- item{obs: obs}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// write commits observations in batches. It drains the channel even after
// ctx is cancelled and commits with a context that outlives the
// cancellation, so what the crawler handed over before a Ctrl-C is kept.
func (p *pipeline) write(ctx context.Context, prog *progress) error {
	wctx := context.WithoutCancel(ctx)
	var (
		obs     []store.Observation
		visited []string
		failed  error
	)
	flush := func() {
		if failed != nil || (len(obs) == 0 && len(visited) == 0) {
			obs, visited = obs[:0], visited[:0]
			return
		}
		outs, err := p.db.Record(wctx, obs)
		if err != nil {
			failed = fmt.Errorf("store listings: %w", err)
			return
		}
		n, conflicts := 0, 0
		for _, o := range outs {
			if o.NewHit {
				n++
			}
			if o.Conflict != "" {
				// Both listings are kept; the site's rule needs an id.
				conflicts++
				p.logger().Warn("two listings share one id; kept both, give the site's rule an id selector", "key", o.Key, "conflict", o.Conflict)
			}
		}
		if len(visited) > 0 {
			if err := p.db.MarkVisited(wctx, p.scan.ID, visited...); err != nil {
				failed = fmt.Errorf("store crawl frontier: %w", err)
				return
			}
		}
		p.mu.Lock()
		p.newHits += n
		p.scan.Hits = p.newHits
		for range conflicts {
			p.scan.AddError("id_conflict")
		}
		p.mu.Unlock()
		prog.addHits(n)
		obs, visited = obs[:0], visited[:0]
	}
	tick := time.NewTicker(batchInterval)
	defer tick.Stop()
	for {
		select {
		case it, ok := <-p.items:
			if !ok {
				flush()
				return failed
			}
			switch {
			case it.obs != nil:
				obs = append(obs, *it.obs)
			case it.barrier != nil:
				flush()
				if failed == nil {
					close(it.barrier)
				}
			default:
				visited = append(visited, it.visited)
			}
			if len(obs) >= batchSize {
				flush()
			}
		case <-tick.C:
			flush()
		}
		if failed != nil {
			// Keep draining so the crawler is not blocked; the error
			// cancels it through the errgroup.
			go func() {
				for range p.items {
				}
			}()
			return failed
		}
	}
}

// progress prints a live status line on a terminal: pages, listings, hits,
// errors and the listing rate.
type progress struct {
	w       io.Writer
	enabled bool
	start   time.Time

	mu    sync.Mutex
	st    crawler.Stats
	hits  int
	last  time.Time
	wrote bool
}

func newProgress(w io.Writer, want bool) *progress {
	enabled := false
	if f, ok := w.(*os.File); ok && want {
		enabled = term.IsTerminal(int(f.Fd()))
	}
	return &progress{w: w, enabled: enabled, start: time.Now()}
}

func (p *progress) update(st crawler.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.st = st
	p.print(false)
}

func (p *progress) addHits(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.hits += n
	p.print(false)
}

func (p *progress) print(force bool) {
	if !p.enabled || (!force && time.Since(p.last) < 200*time.Millisecond) {
		return
	}
	p.last = time.Now()
	errs := 0
	for _, n := range p.st.Errors {
		errs += n
	}
	rate := float64(p.st.Listings) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\033[Kpages %d  listings %d  hits %d  errors %d  %.1f listings/s", p.st.Pages, p.st.Listings, p.hits, errs, rate)
	p.wrote = true
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.print(true)
	if p.wrote {
		fmt.Fprintln(p.w)
	}
}

// revisitPage is how many listings to revisit the store hands over at a
// time: memory stays bounded however many reported listings a site has.
const revisitPage = 256

// revisitSite fetches by URL every listing of site whose hit is reported,
// removed or relisted (of the scan's brand, when it has one), and hands
// each to the sink like a listing found through search, so that Record
// moves reported -> removed when the page answers 404 or 410 or shows the
// site's removed marker, and removed -> relisted when it is live again.
// A taken-down listing no longer shows in search results; only this visit
// sees it gone, and back. Listings the search crawl already recorded in
// this scan are skipped: the writer is flushed first, so their hits carry
// this scan's id. Fetches keep the site's politeness: at most its
// parallelism at once, its delay between starts, one HTTP transport (and
// so its open connections) shared by every fetch. A fetch that fails is
// counted under the error kind "revisit" and the scan goes on.
func (p *pipeline) revisitSite(ctx context.Context, site *rules.Site, opts []crawler.Option) error {
	if err := p.flushWriter(ctx); err != nil {
		return err
	}
	log := p.logger().With("site", site.Name)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	timeout := site.Politeness.Timeout
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	tr.ResponseHeaderTimeout = timeout
	tr.MaxIdleConnsPerHost = max(site.Politeness.Parallelism, 1) * 2
	defer tr.CloseIdleConnections()
	// A transport the caller gave (tests, proxies) comes later and wins.
	c, err := crawler.New(site, append([]crawler.Option{crawler.WithTransport(tr)}, opts...)...)
	if err != nil {
		return err
	}
	defer c.CloseIdleConnections()
	base, err := url.Parse(site.BaseURL)
	if err != nil {
		return fmt.Errorf("base_url %q: %w", site.BaseURL, err)
	}
	pace := &pacer{every: site.Politeness.Delay}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(site.Politeness.Parallelism, 1))
	var after uint64
	skipped, queued := 0, 0
	for gctx.Err() == nil {
		refs, err := p.db.Revisits(gctx, site.Name, p.scan.BrandID, after, revisitPage)
		if err != nil {
			_ = g.Wait()
			return err
		}
		if len(refs) == 0 {
			break
		}
		after = refs[len(refs)-1].HitID
		for _, r := range refs {
			if r.ScanID == p.scan.ID {
				skipped++ // the search crawl (or an earlier run of this scan) saw it
				continue
			}
			queued++
			u := rebase(r.URL, base)
			g.Go(func() error { return p.revisitOne(gctx, c, pace, log, site.Name, r, u) })
		}
	}
	err = g.Wait()
	log.Info("revisited listings by url", "fetched", queued, "skipped_seen_by_search", skipped)
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// revisitOne fetches one listing for revisitSite and hands it to the sink.
func (p *pipeline) revisitOne(ctx context.Context, c *crawler.Crawler, pace *pacer, log *slog.Logger, site string, r store.Revisit, u string) error {
	if err := pace.wait(ctx); err != nil {
		return err
	}
	page, err := c.FetchListing(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		log.Warn("revisit failed", "hit", r.HitID, "url", u, "err", err)
		p.mu.Lock()
		p.scan.AddError("revisit")
		p.mu.Unlock()
		return nil
	}
	if page.Listing.Removed {
		// A gone page tells little; it is the listing we asked for.
		page.Listing.Site, page.Listing.ID = site, r.ListingID
		if page.Listing.URL == "" {
			page.Listing.URL = u
		}
	}
	p.mu.Lock()
	p.revisited++
	p.scan.Pages++
	p.scan.Listings++
	p.mu.Unlock()
	return p.sink(ctx, page)
}

// flushWriter returns once the writer has committed everything queued
// before the call.
func (p *pipeline) flushWriter(ctx context.Context) error {
	done := make(chan struct{})
	select {
	case p.items <- item{barrier: done}:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *pipeline) logger() *slog.Logger {
	if p.log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return p.log
}

// rebase moves a stored listing URL onto base when their hosts differ:
// the site's base_url changed since the listing was stored (--base-url,
// or the demo marketplace on another port). The listing is identified by
// site and id; its path and query stay.
func rebase(raw string, base *url.URL) string {
	u, err := url.Parse(raw)
	if err != nil || base == nil || base.Host == "" || strings.EqualFold(u.Host, base.Host) {
		return raw
	}
	u.Scheme, u.Host = base.Scheme, base.Host
	return u.String()
}

// pacer spaces the starts of fetches by a fixed delay, shared by the
// goroutines that fetch.
type pacer struct {
	every time.Duration

	mu   sync.Mutex
	next time.Time
}

// wait blocks until this caller's turn, or ctx ends.
func (p *pacer) wait(ctx context.Context) error {
	if p.every <= 0 {
		return ctx.Err()
	}
	p.mu.Lock()
	now := time.Now()
	at := p.next
	if at.Before(now) {
		at = now
	}
	p.next = at.Add(p.every)
	p.mu.Unlock()
	t := time.NewTimer(time.Until(at))
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
