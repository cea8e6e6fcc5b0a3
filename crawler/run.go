package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/shadowscan/shadowscan"
)

// errSinkFailed is what a listing's hand-over returns once the sink
// failed on another: the run returns the sink's own error.
var errSinkFailed = errors.New("crawler: the sink failed on an earlier listing")

// Run crawls the search results of each query and hands each listing to
// sink as soon as its page and photos are fetched. Listing pages are
// fetched at most once per run, and not at all when the Frontier has them.
// sink is never called concurrently, unless WithConcurrentSink says it
// may be; an error from it (or from the
// Frontier) stops the run and is returned. Fetch failures do not stop the
// run: they are counted in Stats.Errors by kind. Cancelling ctx stops the
// run promptly with ctx's error; the Stats say what was done.
func (c *Crawler) Run(ctx context.Context, queries []string, sink func(context.Context, *Page) error) (Stats, error) {
	if sink == nil {
		return Stats{}, shadowscan.Errorf(shadowscan.EINVALID, "crawler: run needs a sink")
	}
	g, gctx := errgroup.WithContext(ctx)
	r, err := c.newRun(gctx)
	if err != nil {
		return Stats{}, err
	}
	var sinkMu sync.Mutex
	// sinkFailed is set before the failing call lets the next one in:
	// the run's context is cancelled only once its worker has returned,
	// and a listing waiting for the sink must not be handed over then.
	var sinkFailed atomic.Bool
	emit := func(p *Page) error {
		if !c.concurrentSink {
			sinkMu.Lock()
			defer sinkMu.Unlock()
		}
		if sinkFailed.Load() {
			return errSinkFailed
		}
		if err := gctx.Err(); err != nil {
			return err
		}
		if err := sink(gctx, p); err != nil {
			sinkFailed.Store(true)
			return fmt.Errorf("sink %s: %w", p.Listing.URL, err)
		}
		r.stats.add(func(s *Stats) { s.Listings++ })
		return nil
	}
	// The search walk queues the links it finds; inFlight workers fetch
	// them. The queue lets the walk fetch the next result page while the
	// listings of the last one are fetched, as a crawler that queues
	// every link would; it holds as many links as there are workers, so
	// the walk runs no further ahead than that (a resumed scan fetches
	// again the result pages whose listings were not all stored).
	jobs := make(chan listingJob, r.inFlight())
	for range r.inFlight() {
		g.Go(func() error { return r.work(gctx, jobs, emit) })
	}
	searchErr := r.searchAll(gctx, queries, jobs)
	close(jobs)
	err = g.Wait()
	if err == nil {
		err = searchErr
	}
	if b := c.blocks.snapshot(); err == nil && b.Stopped {
		err = fmt.Errorf("%w: %d pages blocked, the last: %s", ErrSiteBlocked, b.Pages, b.Last)
	}
	st := r.stats.snapshot()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil {
		err = ctx.Err()
	}
	return st, err
}

// listingJob is a listing link found on a search page.
type listingJob struct {
	url   string
	track *pageTrack
}

// searchAll walks each query's result pages and queues the listing links.
func (r *run) searchAll(ctx context.Context, queries []string, jobs chan<- listingJob) error {
	for _, q := range queries {
		if strings.TrimSpace(q) == "" {
			continue
		}
		err := r.search(ctx, q, func(u string, t *pageTrack) {
			t.add()
			select {
			case jobs <- listingJob{url: u, track: t}:
			case <-ctx.Done():
			}
		})
		if err != nil || ctx.Err() != nil {
			return err
		}
	}
	return nil
}

// work fetches queued listings until the queue is closed.
func (r *run) work(ctx context.Context, jobs <-chan listingJob, emit func(*Page) error) error {
	for j := range jobs {
		if ctx.Err() != nil {
			continue // drain: the search walk may still be sending
		}
		ok, err := r.listing(ctx, j.url, emit)
		if err != nil {
			return err
		}
		if err := j.track.done(ctx, ok); err != nil {
			return err
		}
	}
	return nil
}

// FetchListing fetches one listing page and its photos, without search and
// without the Frontier: for rescans and `sites test`. A page that answers
// 404 or 410 or shows the site's removed marker comes back with
// Listing.Removed and Listing.Gone set, and with the requested URL (not
// whatever the gone page links to as canonical). A redirect to a login or
// verification page, and a page without a price that shows a captcha,
// slider or login form, are errors of kind "blocked": they say nothing
// about the listing. Other failures are errors naming the url and the kind
// of failure.
func (c *Crawler) FetchListing(ctx context.Context, rawURL string) (*Page, error) {
	u := normalizeURL(nil, rawURL)
	if u == nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "fetch listing: %q is not an absolute http(s) url", rawURL)
	}
	if err := c.policy.checkPage(u); err != nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "fetch listing: %v", err)
	}
	r, err := c.newRun(ctx)
	if err != nil {
		return nil, err
	}
	return r.fetchListing(ctx, u.String())
}

// search walks one query's result pages and calls enqueue for each new
// on-site listing link, with the tracker of the page that linked to it.
// With a SearchFrontier, a page a resumed run finished before is not
// fetched again: the frontier gives the page after it.
func (r *run) search(ctx context.Context, query string, enqueue func(string, *pageTrack)) error {
	c := r.c
	next := c.site.SearchURL(c.base.String(), query, 1)
	for page := 1; page <= c.maxPages && next != "" && ctx.Err() == nil; page++ {
		u := normalizeURL(c.base, next)
		if u == nil {
			r.stats.addError("parse")
			c.logger.Warn("crawler: bad search url", "url", next)
			return nil
		}
		switch r.guard.admitSearch(u) {
		case admitDuplicate:
			return nil // next_page led back to a page already read
		case admitTrap:
			r.stats.addError("trap")
			return nil
		}
		state, err := r.searchState(ctx, u.String())
		if err != nil {
			return err
		}
		if state.Done {
			r.stats.add(func(s *Stats) { s.SearchSkipped++ })
			next = state.Next
			continue
		}
		if state.Seen {
			// Fetched before the interruption, but some of its listings
			// were not stored: read it again to find them.
			r.stats.add(func(s *Stats) { s.SearchRefetched++ })
			c.logger.Info("crawler: fetching a search page again: some of its listings were not stored before the interruption", "url", u)
		}
		var ok bool
		if next, ok, err = r.searchPage(ctx, query, page, u, enqueue); err != nil || !ok {
			return err
		}
	}
	return nil
}

// searchState is what the SearchFrontier, if any, knows of a search page.
func (r *run) searchState(ctx context.Context, u string) (SearchState, error) {
	sf, ok := r.c.frontier.(SearchFrontier)
	if !ok {
		return SearchState{}, nil
	}
	st, err := sf.SearchPage(ctx, u)
	if err != nil {
		return st, fmt.Errorf("frontier %s: %w", u, err)
	}
	return st, nil
}

// searchPage fetches one search result page, enqueues its listing links
// and returns the URL of the page after it ("" for none). ok is false when
// the page could not be read.
func (r *run) searchPage(ctx context.Context, query string, page int, u *url.URL, enqueue func(string, *pageTrack)) (next string, ok bool, err error) {
	f, err := r.fetch(ctx, r.pages, u.String(), r.maxBody, nil)
	if err != nil {
		r.c.logger.Info("crawler: search page failed", "url", u, "err", err)
		return "", false, nil
	}
	r.stats.add(func(s *Stats) { s.Pages++ })
	return r.readSearchPage(ctx, query, page, u, f, enqueue)
}

// readSearchPage reads a fetched search result page f, as searchPage
// does after its fetch.
func (r *run) readSearchPage(ctx context.Context, query string, page int, u *url.URL, f *fetched, enqueue func(string, *pageTrack)) (next string, ok bool, err error) {
	c := r.c
	s := c.site.Search
	if next, ok, handled, err := r.searchRedirectOrJSON(ctx, query, page, u, f, enqueue); handled {
		return next, ok, err
	}
	doc, err := parseHTML(f.html())
	if err != nil {
		r.stats.addError("parse")
		return "", false, nil
	}
	links := selectAll(doc, s.ListingLinks, maxLinksPerPage+1)
	if kind, why := searchBlocked(c.site, f, doc, len(links)); kind != "" {
		_ = r.blockedPage(u.String(), kind, why)
		return "", false, nil
	}
	c.blocks.ok()
	track := r.newPageTrack(u.String())
	if err := track.seen(ctx); err != nil {
		return "", false, err
	}
	pageURL := normalizeURL(nil, f.url)
	if pageURL == nil {
		pageURL = u
	}
	found := r.enqueueLinks(pageURL, links, track, enqueue)
	r.reportProgress()
	switch {
	case s.NextPage != nil:
		if v, ok := selectOne(doc, s.NextPage); ok {
			next = r.nextPageURL(pageURL, v)
		}
	case found == 0 || !strings.Contains(s.URL, "{page}"):
	default:
		next = c.site.SearchURL(c.base.String(), query, page+1)
	}
	return next, true, track.walked(ctx, next)
}

// enqueueLinks enqueues the listing links of a result page that are on
// the site and new to the run, at most maxLinksPerPage of them (more is
// counted as a trap), and returns how many links the page gave within
// that cap.
func (r *run) enqueueLinks(pageURL *url.URL, links []string, track *pageTrack, enqueue func(string, *pageTrack)) int {
	if len(links) > maxLinksPerPage {
		links = links[:maxLinksPerPage]
		r.stats.addError("trap")
	}
	for _, l := range links {
		if lu := r.admitListing(pageURL, l); lu != nil {
			enqueue(lu.String(), track)
		}
	}
	return len(links)
}

// admitListing resolves a listing link found on a search page and returns
// it when it is on the site and new to this run; nil otherwise (counted).
func (r *run) admitListing(pageURL *url.URL, link string) *url.URL {
	lu := normalizeURL(pageURL, link)
	if lu == nil {
		return nil
	}
	if r.c.policy.checkPage(lu) != nil {
		r.stats.addError("offsite")
		return nil
	}
	switch r.guard.admit(lu) {
	case admitDuplicate:
		return nil
	case admitTrap:
		r.stats.addError("trap")
		return nil
	}
	return lu
}

// nextPageURL resolves a result page's next-page link (or the URL made
// from its cursor) and returns it when it is on the site's origins; ""
// otherwise, an offsite one counted.
func (r *run) nextPageURL(pageURL *url.URL, raw string) string {
	nu := normalizeURL(pageURL, raw)
	if nu == nil {
		return ""
	}
	if r.c.policy.checkPage(nu) != nil {
		r.stats.addError("offsite")
		return ""
	}
	return nu.String()
}

func (r *run) reportProgress() {
	if r.c.progress != nil {
		r.c.progress(r.stats.snapshot())
	}
}

// listing fetches one listing for Run: frontier check, fetch, emit, mark.
// ok is true when the listing is finished: handed to the sink, or found
// in the frontier; false when its fetch failed.
func (r *run) listing(ctx context.Context, u string, emit func(*Page) error) (ok bool, err error) {
	if f := r.c.frontier; f != nil {
		done, err := f.Visited(ctx, u)
		if err != nil {
			return false, fmt.Errorf("frontier %s: %w", u, err)
		}
		if done {
			r.stats.add(func(s *Stats) { s.ListingsSkipped++ })
			return true, nil
		}
	}
	p, err := r.fetchListing(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		return false, nil // counted by kind; the run goes on
	}
	if err := emit(p); err != nil {
		return false, err
	}
	if f := r.c.frontier; f != nil {
		if err := f.MarkVisited(ctx, u); err != nil {
			return false, fmt.Errorf("frontier %s: %w", u, err)
		}
	}
	r.reportProgress()
	return true, nil
}

// goneStatus reports the statuses that mean a listing was taken down.
func goneStatus(code int) bool { return code == http.StatusNotFound || code == http.StatusGone }

// goneSignal names the gone status code.
func goneSignal(code int) string {
	if code == http.StatusGone {
		return shadowscan.GoneHTTP410
	}
	return shadowscan.GoneHTTP404
}

// fetchListing fetches and extracts one listing page, then its photos.
func (r *run) fetchListing(ctx context.Context, u string) (*Page, error) {
	if p, ok := r.inline.LoadAndDelete(u); ok {
		return r.inlinePage(ctx, p.(*Page))
	}
	f, err := r.fetch(ctx, r.pages, u, r.maxBody, goneStatus)
	if err != nil {
		return nil, err
	}
	r.stats.add(func(s *Stats) { s.Pages++ })
	if why := blockedRedirect(u, f.url); why != "" {
		return nil, r.blockedPage(u, BlockLoginRedirect, why)
	}
	p := &Page{Captures: append([]shadowscan.Capture{f.capture(kindPage)}, f.screenshots()...), Rendered: f.dom}
	if goneStatus(f.status) {
		id := r.c.goneID(u)
		if id == "" {
			r.stats.addError("parse")
			return nil, shadowscan.Errorf(shadowscan.EINVALID, "listing %s answered %d and its url holds no id", u, f.status)
		}
		p.Listing = shadowscan.Listing{Site: r.c.site.Name, ID: id, URL: u, Removed: true, Gone: goneSignal(f.status), FetchedAt: f.fetchedAt}
		r.c.blocks.ok()
		return p, nil
	}
	pageURL := f.url
	if normalizeURL(nil, pageURL) == nil {
		pageURL = u
	}
	l, doc, err := r.extractListing(pageURL, f)
	if IsBlocked(err) {
		return nil, err
	}
	if why := ruleBlocked(r.c.site.Blocked, doc, f.url, f.read()); why != "" {
		return nil, r.blockedPage(u, BlockRule, why)
	}
	if doc != nil && (err != nil || !l.HasPrice && !l.Removed) {
		if kind, why := blockedPage(doc); kind != "" {
			return nil, r.blockedPage(u, kind, why)
		}
	}
	if err != nil {
		r.stats.addError("parse")
		r.c.logger.Info("crawler: listing not extracted", "url", u, "err", err)
		return nil, fmt.Errorf("listing %s: %w", u, err)
	}
	l.FetchedAt = f.fetchedAt
	if l.Removed {
		// The gone page is about the listing asked for. What it names as
		// canonical may be another listing ("similar items", the shop):
		// taking its id would mark that live listing removed.
		if !sameListingPage(l.URL, u) {
			l.ID = r.c.goneID(u)
		}
		l.URL = u
		p.Listing = l
		r.c.blocks.ok()
		return p, nil
	}
	r.c.blocks.ok()
	defer r.offerPhotos(f)() // fetch: browser: the photos the browser received
	if err := r.listingPhotos(ctx, &l, p); err != nil {
		return nil, err
	}
	p.Listing = l
	return p, nil
}

// listingPhotos fetches and hashes the photos of l, adding their captures
// to p; for a listing whose photos are not wanted (WithPhotosWanted), it
// takes only the results the crawler already has.
func (r *run) listingPhotos(ctx context.Context, l *shadowscan.Listing, p *Page) error {
	want := r.c.photosWanted == nil || r.c.photosWanted(l)
	for i := range l.Images {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var img shadowscan.ListingImage
		var capt *shadowscan.Capture
		if want {
			img, capt = r.photo(ctx, l.Images[i].URL)
		} else {
			var ok bool
			if img, capt, ok = r.knownPhoto(l.Images[i].URL); !ok {
				r.stats.add(func(s *Stats) { s.PhotosSkipped++ })
				continue
			}
		}
		l.Images[i] = img
		if capt != nil {
			p.Captures = append(p.Captures, *capt)
		}
	}
	return ctx.Err()
}
