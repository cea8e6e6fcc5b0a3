package main

import (
	"context"
	"fmt"
	"io"
	"os"
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

	items chan item

	mu      sync.Mutex // guards newHits
	newHits int
}

// item is an observation to store or a listing URL to mark visited. Marks
// travel behind their observations on the same channel, so a URL is never
// marked visited before its listing is committed: a kill between the two
// re-fetches that page on resume instead of losing it.
type item struct {
	obs     *store.Observation
	visited string
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

// sink is the crawler's callback: match, then queue for the writer.
func (p *pipeline) sink(ctx context.Context, page *crawler.Page) error {
	v := p.m.Match(&page.Listing)
	obs := &store.Observation{ScanID: p.scan.ID, Listing: page.Listing, Captures: page.Captures, Verdict: v}
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
		n := 0
		for _, o := range outs {
			if o.NewHit {
				n++
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
			if it.obs != nil {
				obs = append(obs, *it.obs)
			} else {
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
