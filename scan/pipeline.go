package scan

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// failNotice is how many fetches in a row must fail before the scan warns.
const failNotice = 3

// pipeline joins crawler, matcher and store for one scan: the crawler's
// sink matches each listing as it arrives and queues it on the store's
// Writer, which commits in batches.
type pipeline struct {
	s       *Scanner
	m       *matcher.Matcher
	o       Options
	goneGap time.Duration
	log     *slog.Logger
	w       *store.Writer

	onMu sync.Mutex // serialises on
	on   func(Event)

	mu   sync.Mutex // guards scan, live, newHits, stored, revisited, goneSeen
	scan *shadowscan.Scan
	// stored counts the scan's listings committed: those its record
	// counted when this run began (a resumed scan's, stored before it
	// stopped) and those committed since.
	stored int
	// live are the running search crawl's counts, not yet in scan;
	// revisiting is set while revisits run (they count into scan as they
	// go).
	live       crawler.Stats
	revisiting bool
	newHits    int
	revisited  int
	// goneSeen are the reported listings with an unconfirmed gone
	// sighting, by hit: what recheckGone fetches again.
	goneSeen map[uint64]goneRef
}

// goneRef is a listing seen gone and not yet confirmed.
type goneRef struct {
	hit           uint64
	site, id, url string
	since         time.Time
}

func newPipeline(s *Scanner, sc *shadowscan.Scan, m *matcher.Matcher, o Options, on func(Event)) *pipeline {
	return &pipeline{s: s, m: m, o: o, goneGap: o.gap(), log: s.log, scan: sc, on: on}
}

// emit hands e to the scan's watcher, if any, one event at a time.
func (p *pipeline) emit(e Event) {
	if p.on == nil {
		return
	}
	p.onMu.Lock()
	defer p.onMu.Unlock()
	p.on(e)
}

// notify logs msg and reports it as kind.
func (p *pipeline) notify(kind EventKind, msg string) {
	p.log.Info(msg)
	p.emit(Event{Kind: kind, Message: msg})
}

// run crawls each site in turn and returns once every listing it accepted
// is committed (or the first error).
func (p *pipeline) run(ctx context.Context, sites []*rules.Site) error {
	p.w = p.s.db.NewWriter(store.WithScanFrontier(p.scan.ID),
		store.WithRecordOptions(store.ConfirmGoneAfter(p.goneGap), store.WithScanRecord(p.progressRecord)),
		store.OnCommit(p.committed))
	var err error
	for _, site := range sites {
		if err = p.runSite(ctx, site); err != nil {
			err = fmt.Errorf("scan %s: %w", site.Name, err)
			break
		}
	}
	if cerr := p.w.Close(ctx); cerr != nil {
		// The writer's error is the cause; the crawl's is its echo.
		err = cerr
	}
	if err == nil {
		err = p.blockedError()
	}
	return err
}

// runSite crawls one site's search results, then fetches by URL the
// listings it tracks (revisitSite) and those seen gone once that can be
// confirmed within this scan (recheckGone).
func (p *pipeline) runSite(ctx context.Context, site *rules.Site) error {
	sess, sessOpts, err := p.sessionOption(ctx, site.Name)
	if err != nil {
		return err
	}
	c, err := crawler.New(site, append(p.crawlerOptions(site), sessOpts...)...)
	if err != nil {
		return err
	}
	defer c.CloseIdleConnections()
	defer p.saveSession(ctx, c, sess)
	st, err := c.Run(ctx, p.scan.Queries, p.sink)
	p.addStats(st)
	switch {
	case errors.Is(err, crawler.ErrSiteBlocked):
		// Its listings are not fetched again: they would be blocked too.
		p.noteBlocks(site.Name, c.Blocks())
		return nil
	case err != nil:
		return err
	}
	if err := unreachable(site, st); err != nil {
		return err
	}
	if !p.o.NoRevisit {
		if err := p.revisitSite(ctx, c, site); err != nil {
			return fmt.Errorf("revisit: %w", err)
		}
		if err := p.recheckGone(ctx, c, site); err != nil {
			return fmt.Errorf("recheck listings seen gone: %w", err)
		}
	}
	p.noteBlocks(site.Name, c.Blocks())
	return nil
}

// crawlerOptions are the options of a site's crawler.
func (p *pipeline) crawlerOptions(site *rules.Site) []crawler.Option {
	log := p.log.With("site", site.Name)
	opts := []crawler.Option{
		crawler.WithLogger(log),
		crawler.WithUserAgent(p.s.userAgent),
		crawler.WithFrontier(frontier{p: p, site: site.Name, fresh: !p.o.Resume}),
		// Photos are most of a scan's CPU: hash those that can change
		// a verdict, and any already at hand.
		crawler.WithPhotosWanted(p.m.PhotosMatter),
		crawler.WithKnownHashes(p.s.db.KnownPhotoHashes),
		crawler.WithConcurrentSink(), // sink: Match and Writer.Add, both safe
		crawler.WithFailureNotice(failNotice, func(n int, err error) {
			p.notify(EventWarning, fmt.Sprintf("%s: %d requests in a row failed, the last with %v (is the site at %s? --base-url sets another address)", site.Name, n, err, site.BaseURL))
		}),
	}
	if p.on != nil {
		// Snapshots cost a copy of the counts per listing: only for a
		// watcher.
		opts = append(opts, crawler.WithProgress(p.progress))
	}
	if p.o.MaxPages > 0 {
		opts = append(opts, crawler.WithMaxPages(p.o.MaxPages))
	}
	if len(p.o.Proxies) > 0 {
		opts = append(opts, crawler.WithProxies(p.o.Proxies))
	}
	return append(opts, p.s.crawlerOpts...)
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

// progress takes the running crawl's counts and reports them.
// Reports from the crawl's goroutines may arrive out of order: an older
// one is not taken, so the counts shown never go back.
func (p *pipeline) progress(live crawler.Stats) {
	p.mu.Lock()
	if !p.revisiting && live.Pages+live.Listings >= p.live.Pages+p.live.Listings {
		p.live = live
	}
	p.mu.Unlock()
	p.emit(Event{Kind: EventProgress, Scan: p.snapshot()})
}

// addStats adds a finished crawl's counts to the scan.
func (p *pipeline) addStats(st crawler.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.live = crawler.Stats{}
	p.scan.Pages += st.Pages
	p.scan.Listings += st.Listings
	p.scan.Photos += st.Photos
	p.scan.PhotosKnown += st.PhotosKnown
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
// far plus the running crawler's: what a live progress view shows.
func (p *pipeline) snapshot() shadowscan.Scan {
	p.mu.Lock()
	live := p.live
	snap := *p.scan
	snap.Pages += live.Pages
	snap.Listings += live.Listings
	snap.Photos += live.Photos
	snap.PhotosKnown += live.PhotosKnown
	snap.Hits = p.newHits
	snap.Errors = maps.Clone(p.scan.Errors)
	snap.Workers = maps.Clone(p.scan.Workers)
	snap.Redelivered = maps.Clone(p.scan.Redelivered)
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
	return p.w.Add(ctx, store.Observation{ScanID: p.scan.ID, Listing: page.Listing, Captures: page.Captures, Verdict: v, KeepCaptures: p.o.KeepAll})
}

// resumeFrom makes the pipeline go on with rec, the record of the scan it
// resumes: it counts on from the listings and new hits rec holds, the
// counts as of its last committed batch (progressRecord), or of its end
// when it was interrupted, and anew the blocks it meets.
func (p *pipeline) resumeFrom(rec *shadowscan.Scan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.scan = rec
	p.scan.Blocked = nil
	p.newHits = rec.Hits
	p.stored = rec.Listings
}

// recordAfter is the scan's record once the batch whose outcomes are outs
// is committed: its counts so far and the batch's new hits. It is kept in
// that batch's transaction (store.WithScanRecord), so a scan killed
// mid-crawl is resumed counting on from what it had stored. A
// distributed scan's counts are those of the results applied, in the
// same transactions; a local scan's are the running crawl's (pages,
// photos and errors: when a watcher takes progress, crawler.WithProgress,
// else the sites' finished before) but for its listings, which are
// those committed (progressRecord).
func (p *pipeline) recordAfter(outs []store.Outcome) *shadowscan.Scan {
	snap := p.snapshot()
	for _, o := range outs {
		if o.NewHit {
			snap.Hits++
		}
	}
	return &snap
}

// progressRecord is a local scan's recordAfter: its listings are those
// committed, not those fetched and lost with a kill (the resumed scan
// fetches those again and counts them then).
func (p *pipeline) progressRecord(outs []store.Outcome) *shadowscan.Scan {
	rec := p.recordAfter(outs)
	p.mu.Lock()
	rec.Listings = p.stored + len(outs)
	p.mu.Unlock()
	return rec
}

// committed is the writer's report of one transaction: it counts new
// hits and id conflicts and keeps the gone sightings to confirm.
func (p *pipeline) committed(c store.Commit) {
	n := 0
	p.mu.Lock()
	for i, o := range c.Outcomes {
		if o.NewHit {
			n++
		}
		if o.Conflict != "" {
			// Both listings are kept; the site's rule needs an id.
			p.scan.AddError("id_conflict")
			p.log.Warn("two listings share one id; kept both, give the site's rule an id selector", "key", o.Key, "conflict", o.Conflict)
		}
		p.noteGone(&c.Observations[i], o)
	}
	p.newHits += n
	p.stored += len(c.Outcomes)
	p.scan.Hits = p.newHits
	p.scan.SeenGone = len(p.goneSeen)
	p.mu.Unlock()
	if n > 0 && p.on != nil {
		p.emit(Event{Kind: EventProgress, Scan: p.snapshot()})
	}
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

// frontier is the crawler's view of the scan's frontier for one site. Its
// keys are the site's name and the URL's path and query, without scheme
// and host: a scan resumed with another base URL (a test copy of the
// marketplace moved to another port) still knows the pages it finished.
// Marks go through the writer, behind the listings they follow.
type frontier struct {
	p    *pipeline
	site string
	// fresh is set for a scan that is not resumed: it has finished
	// nothing before this run, so the store is not asked (the crawler
	// itself fetches a page once per run).
	fresh bool
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
	if f.fresh {
		return false, ctx.Err()
	}
	return f.p.s.db.Visited(ctx, f.p.scan.ID, f.key(url))
}

// MarkVisited queues the mark behind the listing, even when the scan
// was stopped after the listing was handed over: the writer commits what
// it holds when it closes, and a listing stored without its mark would be
// fetched and counted again by a resumed scan.
func (f frontier) MarkVisited(ctx context.Context, url string) error {
	return f.p.w.MarkVisited(context.WithoutCancel(ctx), f.key(url))
}

func (f frontier) SearchPage(ctx context.Context, url string) (crawler.SearchState, error) {
	if f.fresh {
		return crawler.SearchState{}, ctx.Err()
	}
	st, err := f.p.s.db.SearchPageState(ctx, f.p.scan.ID, f.key(url))
	return crawler.SearchState{Seen: st.Seen, Done: st.Done, Next: st.Next}, err
}

func (f frontier) MarkSearchPage(ctx context.Context, url string, done bool, next string) error {
	// The next page is kept relative to the site, so that the crawler
	// resolves it against the base URL it runs with.
	return f.p.w.MarkSearch(ctx, store.SearchMark{URL: f.key(url), Done: done, Next: relative(next)})
}
