package crawler

import (
	"context"
	"errors"
	"sync"

	"github.com/shadowscan/shadowscan"
)

// Fetcher fetches one page at a time, a search result page or a listing
// page, for a worker of a distributed scan, where each task names one
// page and the search walk is spread over tasks. It is one run of the
// crawler kept open, so its fetches share what a run's do: colly's
// per-host limit rule (the site's parallelism in this process, and the
// site's delay slept after every request before its fetch returns),
// robots.txt read once a host, the transport and its open connections,
// the photo cache, the block watch and the fail streak. Its methods may
// be called concurrently. Close it when done.
//
// Fetcher keeps no duplicate set across calls: which pages a scan has
// already is the caller's to know (a distributed scan's seen-set), and a
// page asked for again gives the same links again.
type Fetcher struct {
	r      *run
	cancel context.CancelFunc
	once   sync.Once
}

// SearchPage is what one search result page gave.
type SearchPage struct {
	// Links are the on-site listing links the page gave, resolved, in page
	// order, without duplicates: at most the crawler's per-page cap.
	Links []string
	// Next is the page after it ("" for none): the next-page link, or the
	// search URL with {page} counted up while pages have links. It is
	// given whatever the page number; the caller applies a page limit.
	Next string
}

// NewFetcher opens a Fetcher. Its requests run under ctx (and stop when
// Close is called): cancelling a method's own context stops its waits,
// not a request already sent.
func (c *Crawler) NewFetcher(ctx context.Context) (*Fetcher, error) {
	if c.site.Search.Listings != nil {
		// Their listings come from the search page itself, kept by the
		// run that read it: a page per task cannot carry them.
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "crawler: site %s reads its listings inline from the search results (search.listings): fetching page by page is not supported for it", c.site.Name)
	}
	rctx, cancel := context.WithCancel(ctx)
	r, err := c.newRun(rctx)
	if err != nil {
		cancel()
		return nil, err
	}
	// A task delivered again asks for its page again: colly must not
	// refuse it as visited.
	r.pages.AllowURLRevisit = true
	r.photos.AllowURLRevisit = true
	return &Fetcher{r: r, cancel: cancel}, nil
}

// Close stops the Fetcher's requests and lets its idle connections go.
func (f *Fetcher) Close() {
	f.once.Do(func() {
		f.cancel()
		f.r.c.CloseIdleConnections()
	})
}

// Stats are the Fetcher's counts over all its calls.
func (f *Fetcher) Stats() Stats { return f.r.stats.snapshot() }

// SearchPage fetches search result page number page of query at rawURL
// and returns its listing links and the page after it. A failed fetch is
// an error of the fetch's kind (FailureKind); a page that came but could
// not be read (a block page, a body that does not parse) is one of kind
// "blocked" or "parse".
func (f *Fetcher) SearchPage(ctx context.Context, query string, page int, rawURL string) (SearchPage, error) {
	r := f.r
	u := normalizeURL(r.c.base, rawURL)
	if u == nil {
		return SearchPage{}, &fetchError{Kind: "parse", URL: rawURL, Err: errNotHTTP}
	}
	if err := r.c.policy.checkPage(u); err != nil {
		r.stats.addError("offsite")
		return SearchPage{}, &fetchError{Kind: "offsite", URL: rawURL, Err: err}
	}
	fe, err := r.fetch(ctx, r.pages, u.String(), r.maxBody, nil)
	if err != nil {
		return SearchPage{}, err
	}
	r.stats.add(func(s *Stats) { s.Pages++ })
	// A reader of the page's own: the run's duplicate set would drop the
	// links of a page read again.
	rd := &run{c: r.c, ctx: r.ctx, pages: r.pages, photos: r.photos, stats: r.stats, guard: newGuard(),
		limitHosts: r.limitHosts, firstDone: r.firstDone, maxBody: r.maxBody, maxPhotoBytes: r.maxPhotoBytes}
	var res SearchPage
	blocked := r.c.blocks.snapshot().Pages
	next, ok, err := rd.readSearchPage(ctx, query, page, u, fe, func(link string, t *pageTrack) {
		res.Links = append(res.Links, link)
	})
	switch {
	case err != nil:
		return SearchPage{}, err
	case !ok && r.c.blocks.snapshot().Pages > blocked:
		return SearchPage{}, &fetchError{Kind: "blocked", URL: u.String(), Err: errors.New("the search page is a block page")}
	case !ok:
		return SearchPage{}, &fetchError{Kind: "parse", URL: u.String(), Err: errors.New("the search page could not be read")}
	}
	res.Next = next
	return res, nil
}

// Listing fetches one listing page and its photos, as Revisit does: a
// gone page comes back with Listing.Removed; a failure is an error of its
// kind (FailureKind).
func (f *Fetcher) Listing(ctx context.Context, rawURL string) (*Page, error) {
	u := normalizeURL(nil, rawURL)
	if u == nil {
		return nil, &fetchError{Kind: "parse", URL: rawURL, Err: errNotHTTP}
	}
	if err := f.r.c.policy.checkPage(u); err != nil {
		f.r.stats.addError("offsite")
		return nil, &fetchError{Kind: "offsite", URL: rawURL, Err: err}
	}
	return f.r.revisitOne(ctx, u.String())
}

// FailureKind is the kind of a Fetcher's or FetchListing's failure, as
// Stats.Errors counts them (timeout, http_429, http_5xx, blocked, ...),
// "" for nil and "other" for an error that is not a fetch's.
func FailureKind(err error) string {
	var fe *fetchError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fe):
		return fe.Kind
	case errors.Is(err, ErrSiteBlocked):
		return "blocked"
	case shadowscan.ErrorCode(err) == shadowscan.EINVALID:
		return "parse"
	}
	return "other"
}

// Temporary reports whether a failure of kind may go away if the page is
// asked for again later: a timeout, a 429, a 5xx, a cut body, a network
// failure.
func Temporary(kind string) bool { return retryable(kind) }

// MaxPages is how many result pages of a query the crawler reads at most
// (WithMaxPages, else the rule's max_pages, else 10): a Fetcher's caller
// stops asking for next pages there.
func (c *Crawler) MaxPages() int { return c.maxPages }
