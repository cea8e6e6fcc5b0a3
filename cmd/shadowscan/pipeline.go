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
	// itemBuffer is how many observations and marks may wait for the
	// writer while it commits. Kept small: everything waiting is lost on
	// a kill and fetched again on resume, so a kill costs at most one
	// batch, this buffer and the listings in flight.
	itemBuffer = 16
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
	// goneGap is how far apart two gone sightings must be to confirm a
	// removal (store.ConfirmGoneAfter).
	goneGap time.Duration
	log     *slog.Logger

	items chan item

	mu        sync.Mutex // guards newHits, revisited, goneSeen, the scan's counts
	newHits   int
	revisited int
	// goneSeen are the reported listings with an unconfirmed gone
	// sighting, by hit: what recheckGone fetches again.
	goneSeen map[uint64]goneRef
	// notice, when set, prints a line for the person watching the scan.
	notice func(string)
}

// goneRef is a listing seen gone and not yet confirmed.
type goneRef struct {
	hit           uint64
	site, id, url string
	since         time.Time
}

// item is an observation to store, a listing URL to mark visited or a
// search page to mark. Marks travel behind their observations on the same
// channel, so a URL is never marked visited before its listing is
// committed (a kill between the two re-fetches that page on resume
// instead of losing it), and a search page is marked done only behind the
// marks of all its listings.
type item struct {
	obs     *store.Observation
	visited string
	search  *store.SearchMark
	// barrier, when set, asks the writer to commit everything before it
	// and then close the channel.
	barrier chan struct{}
}

// frontier is the crawler's view of the scan's frontier for one site. Its
// keys are the site's name and the URL's path and query, without scheme
// and host: a scan resumed with another --base-url (a test copy of the
// marketplace moved to another port) still knows the pages it finished.
type frontier struct {
	p    *pipeline
	site string
}

var _ crawler.SearchFrontier = frontier{}

func (f frontier) key(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return f.site + "\x00" + raw
	}
	return f.site + "\x00" + u.RequestURI()
}

// relative is raw without scheme and host, "" for "".
func relative(raw string) string {
	u, err := url.Parse(raw)
	if raw == "" || err != nil || u.Host == "" {
		return raw
	}
	return u.RequestURI()
}

func (f frontier) Visited(ctx context.Context, url string) (bool, error) {
	return f.p.db.Visited(ctx, f.p.scan.ID, f.key(url))
}

func (f frontier) MarkVisited(ctx context.Context, url string) error {
	return f.p.send(ctx, item{visited: f.key(url)})
}

func (f frontier) SearchPage(ctx context.Context, url string) (crawler.SearchState, error) {
	st, err := f.p.db.SearchPageState(ctx, f.p.scan.ID, f.key(url))
	return crawler.SearchState{Seen: st.Seen, Done: st.Done, Next: st.Next}, err
}

func (f frontier) MarkSearchPage(ctx context.Context, url string, done bool, next string) error {
	// The next page is kept relative to the site, so that the crawler
	// resolves it against the base URL it runs with.
	return f.p.send(ctx, item{search: &store.SearchMark{URL: f.key(url), Done: done, Next: relative(next)}})
}

func (p *pipeline) frontier(site *rules.Site) crawler.Frontier {
	return frontier{p: p, site: site.Name}
}

// send queues it for the writer, or gives up when ctx ends.
func (p *pipeline) send(ctx context.Context, it item) error {
	select {
	case p.items <- it:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// run crawls each site in turn with the options optsFor gives and returns
// once every listing it accepted is committed.
func (p *pipeline) run(ctx context.Context, sites []*rules.Site, optsFor func(*rules.Site) ([]crawler.Option, error), prog *progress) error {
	p.items = make(chan item, itemBuffer)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return p.write(ctx, prog) })
	g.Go(func() error {
		defer close(p.items)
		for _, site := range sites {
			if err := p.runSite(gctx, site, optsFor); err != nil {
				return fmt.Errorf("scan %s: %w", site.Name, err)
			}
		}
		return nil
	})
	return g.Wait()
}

// runSite crawls one site's search results, then fetches by URL the
// listings it tracks (revisitSite) and those seen gone once that can be
// confirmed within this scan (recheckGone).
func (p *pipeline) runSite(ctx context.Context, site *rules.Site, optsFor func(*rules.Site) ([]crawler.Option, error)) error {
	opts, err := optsFor(site)
	if err != nil {
		return err
	}
	c, err := crawler.New(site, opts...)
	if err != nil {
		return err
	}
	st, err := c.Run(ctx, p.scan.Queries, p.sink)
	p.addStats(st)
	if err != nil {
		return err
	}
	if err := unreachable(site, st); err != nil {
		return err
	}
	if p.noRevisit {
		return nil
	}
	if err := p.revisitSite(ctx, site, opts); err != nil {
		return fmt.Errorf("revisit: %w", err)
	}
	if err := p.recheckGone(ctx, site, opts); err != nil {
		return fmt.Errorf("recheck listings seen gone: %w", err)
	}
	return nil
}

// unreachable returns an error when a site's crawl fetched nothing and
// failed: every request failed, so the scan did not do what was asked (a
// wrong base URL, a site blocking the crawler). A resumed crawl with
// nothing left to fetch fetched nothing and failed nothing.
func unreachable(site *rules.Site, st crawler.Stats) error {
	if st.Pages > 0 || len(st.Errors) == 0 {
		return nil
	}
	var kinds []string
	for _, k := range slices.Sorted(maps.Keys(st.Errors)) {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, st.Errors[k]))
	}
	return shadowscan.Errorf(shadowscan.EINVALID, "no page of %s could be fetched at %s (%s): is the site there? --base-url sets another address",
		site.Name, site.BaseURL, strings.Join(kinds, ", "))
}

func (p *pipeline) addStats(st crawler.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.scan.Pages += st.Pages
	p.scan.Listings += st.Listings
	p.scan.ListingsSkipped += st.ListingsSkipped
	p.scan.SearchSkipped += st.SearchSkipped
	p.scan.SearchRefetched += st.SearchRefetched
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
	return p.send(ctx, item{obs: obs})
}

// write commits observations in batches. It drains the channel even after
// ctx is cancelled and commits with a context that outlives the
// cancellation, so what the crawler handed over before a Ctrl-C is kept.
func (p *pipeline) write(ctx context.Context, prog *progress) error {
	wctx := context.WithoutCancel(ctx)
	var (
		b      batch
		failed error
	)
	flush := func() {
		if failed == nil && !b.empty() {
			failed = p.commit(wctx, &b, prog)
		}
		b.reset()
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
				b.obs = append(b.obs, *it.obs)
			case it.barrier != nil:
				flush()
				if failed == nil {
					close(it.barrier)
				}
			case it.search != nil:
				b.search = append(b.search, *it.search)
			default:
				b.visited = append(b.visited, it.visited)
			}
			if len(b.obs) >= batchSize {
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

// batch is what the writer commits at once.
type batch struct {
	obs     []store.Observation
	visited []string
	search  []store.SearchMark
}

func (b *batch) empty() bool { return len(b.obs) == 0 && len(b.visited) == 0 && len(b.search) == 0 }

func (b *batch) reset() { b.obs, b.visited, b.search = b.obs[:0], b.visited[:0], b.search[:0] }

// commit stores a batch in one transaction: the observations and the
// frontier marks that follow them, so that a kill never leaves a stored
// listing unmarked (fetched again on resume) for want of a second commit.
func (p *pipeline) commit(ctx context.Context, b *batch, prog *progress) error {
	outs, err := p.db.Record(ctx, b.obs, store.ConfirmGoneAfter(p.goneGap), store.WithFrontier(p.scan.ID, b.visited, b.search))
	if err != nil {
		return fmt.Errorf("store listings: %w", err)
	}
	n := 0
	p.mu.Lock()
	for i, o := range outs {
		if o.NewHit {
			n++
		}
		if o.Conflict != "" {
			// Both listings are kept; the site's rule needs an id.
			p.scan.AddError("id_conflict")
			p.logger().Warn("two listings share one id; kept both, give the site's rule an id selector", "key", o.Key, "conflict", o.Conflict)
		}
		p.noteGone(&b.obs[i], o)
	}
	p.newHits += n
	p.scan.Hits = p.newHits
	p.scan.SeenGone = len(p.goneSeen)
	p.mu.Unlock()
	prog.addHits(n)
	return nil
}

// noteGone keeps the reported listings with an open gone sighting for
// recheckGone, and drops those confirmed or cleared. p.mu is held.
func (p *pipeline) noteGone(obs *store.Observation, o store.Outcome) {
	if o.HitID == 0 || o.Unknown {
		return
	}
	if o.GoneSince.IsZero() || o.Status != shadowscan.StatusReported {
		delete(p.goneSeen, o.HitID)
		return
	}
	if p.goneSeen == nil {
		p.goneSeen = map[uint64]goneRef{}
	}
	l := obs.Listing
	id := strings.TrimPrefix(o.Key, l.Site+"/") // the key the store kept it under
	p.goneSeen[o.HitID] = goneRef{site: l.Site, id: id, url: l.URL, since: o.GoneSince}
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

// warn prints a warning on the progress stream, whether or not it is a
// terminal.
func (p *progress) warn(msg string) { p.line("shadowscan: warning: " + msg) }

// note prints a line for the person watching the scan.
func (p *progress) note(msg string) { p.line("shadowscan: " + msg) }

// line prints text on its own line, above the live status line when there
// is one.
func (p *progress) line(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.enabled && p.wrote {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintln(p.w, text)
	if p.enabled && p.wrote {
		p.print(true)
	}
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
	c, release, err := revisitCrawler(site, opts)
	if err != nil {
		return err
	}
	defer release()
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
			g.Go(func() error { return p.revisitOne(gctx, c, pace, log, site.Name, r.HitID, r.ListingID, u) })
		}
	}
	err = g.Wait()
	log.Info("revisited listings by url", "fetched", queued, "skipped_seen_by_search", skipped)
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// revisitCrawler returns a crawler that fetches a site's listings by URL
// with one HTTP transport, and so one set of open connections, shared by
// every fetch, and the function that closes them.
func revisitCrawler(site *rules.Site, opts []crawler.Option) (*crawler.Crawler, func(), error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	timeout := site.Politeness.Timeout
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	tr.ResponseHeaderTimeout = timeout
	tr.MaxIdleConnsPerHost = max(site.Politeness.Parallelism, 1) * 2
	// A transport the caller gave (tests, proxies) comes later and wins.
	c, err := crawler.New(site, append([]crawler.Option{crawler.WithTransport(tr)}, opts...)...)
	if err != nil {
		tr.CloseIdleConnections()
		return nil, nil, err
	}
	return c, func() { c.CloseIdleConnections(); tr.CloseIdleConnections() }, nil
}

// revisitOne fetches one listing by URL and hands it to the sink. A gone
// page is the listing asked for, under the key the store holds it by;
// the store decides what one gone sighting means. A fetch that fails
// (5xx, timeout, a login or captcha page) is counted under "revisit" and
// tells nothing: the listing is left as it was.
func (p *pipeline) revisitOne(ctx context.Context, c *crawler.Crawler, pace *pacer, log *slog.Logger, site string, hitID uint64, listingID, u string) error {
	if err := pace.wait(ctx); err != nil {
		return err
	}
	page, err := c.FetchListing(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		log.Warn("revisit failed", "hit", hitID, "url", u, "err", err)
		p.mu.Lock()
		p.scan.AddError("revisit")
		p.mu.Unlock()
		return nil
	}
	if page.Listing.Removed {
		page.Listing.Site, page.Listing.ID = site, listingID
	}
	p.mu.Lock()
	p.revisited++
	p.scan.Pages++
	p.scan.Listings++
	p.mu.Unlock()
	return p.sink(ctx, page)
}

// maxRecheckWait is the longest a scan waits to fetch again the listings
// it saw gone, so as to confirm their removal itself; with a longer
// --confirm-gone-after a later scan confirms them.
const maxRecheckWait = 10 * time.Minute

// recheckGone fetches again, each once the confirmation gap since its
// first gone sighting has passed, the reported listings of site that this
// scan saw gone, when that is at most maxRecheckWait away: the second
// sighting a removal needs then comes from this scan.
func (p *pipeline) recheckGone(ctx context.Context, site *rules.Site, opts []crawler.Option) error {
	if err := p.flushWriter(ctx); err != nil {
		return err
	}
	refs := p.dueGone(site.Name)
	if len(refs) == 0 {
		return nil
	}
	log := p.logger().With("site", site.Name)
	if wait := time.Until(refs[len(refs)-1].since.Add(p.goneGap)); wait > 0 {
		p.notify(fmt.Sprintf("%s: %d reported listing(s) seen gone: fetching them again in %s to confirm (--confirm-gone-after %s)",
			site.Name, len(refs), wait.Round(time.Second), p.goneGap))
	}
	c, release, err := revisitCrawler(site, opts)
	if err != nil {
		return err
	}
	defer release()
	pace := &pacer{every: site.Politeness.Delay}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(site.Politeness.Parallelism, 1))
	for _, r := range refs {
		if err := sleepUntil(gctx, r.since.Add(p.goneGap)); err != nil {
			break
		}
		g.Go(func() error { return p.revisitOne(gctx, c, pace, log, site.Name, r.hit, r.id, r.url) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}

// dueGone returns the open gone sightings of site that can be confirmed
// within maxRecheckWait, first sighted first.
func (p *pipeline) dueGone(site string) []goneRef {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []goneRef
	for hit, r := range p.goneSeen {
		if r.site == site && time.Until(r.since.Add(p.goneGap)) <= maxRecheckWait {
			r.hit = hit
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b goneRef) int { return a.since.Compare(b.since) })
	return out
}

// sleepUntil waits until t, or until ctx ends.
func sleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// notify prints a line for the person watching the scan, if any.
func (p *pipeline) notify(msg string) {
	p.logger().Info(msg)
	if p.notice != nil {
		p.notice(msg)
	}
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
