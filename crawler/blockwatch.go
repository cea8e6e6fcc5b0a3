package crawler

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan/rules"
)

// Why a page was blocked: the keys of BlockReport.Why.
const (
	BlockLoginRedirect = "login_redirect" // redirected to a login or verification page
	BlockLoginForm     = "login_form"     // a login form where the listing should be
	BlockCaptcha       = "captcha"        // a captcha or slider widget, or a verification page title
	BlockRule          = "rule"           // one of the site rule's blocked signs
	BlockHTTP403       = "http_403"       // one of a run of 403 Forbidden answers
	BlockHTTP429       = "http_429"       // one of a run of 429 Too Many Requests answers
)

// deniedStorm is how many 403 or 429 answers in a row make a storm: one
// 403 may be one listing the site hides; a run of them is the site
// refusing the crawler.
const deniedStorm = 3

// ErrSiteBlocked is wrapped by the error of a Run or Revisit that stopped
// because the site answered BlockLimit pages in a row with block pages.
var ErrSiteBlocked = errors.New("the site is blocking the crawler")

// BlockReport says how often a site would not show its pages to a
// crawler: what Crawler.Blocks returns.
type BlockReport struct {
	// Pages counts the pages blocked, over every run of the crawler;
	// Shown the pages that were not (listing, gone and search pages).
	Pages int
	Shown int
	// Why counts them by cause (BlockCaptcha, BlockLoginRedirect, ...).
	Why map[string]int
	// Last says what the last blocked page showed, and where.
	Last string
	// Stopped is set once BlockLimit pages in a row were blocked: the
	// crawler fetches no more pages of the site.
	Stopped bool
}

// blockWatch is one site's block state, shared by every run of a
// crawler: each blocked page pauses the site's page fetches, twice as
// long for each one in a row, and BlockLimit in a row stop them.
type blockWatch struct {
	base, max time.Duration
	limit     int

	mu      sync.Mutex
	inRow   int       // blocked pages in a row
	denied  int       // 403 / 429 answers in a row
	until   time.Time // no page fetch starts before
	report  BlockReport
	stopped chan struct{}
}

func newBlockWatch(pol rules.Politeness) *blockWatch {
	b := &blockWatch{base: pol.BlockBackoff, max: rules.MaxBlockBackoff, limit: pol.BlockLimit, stopped: make(chan struct{})}
	if b.base <= 0 {
		b.base = rules.DefaultBlockBackoff
	}
	if b.limit <= 0 {
		b.limit = rules.DefaultBlockLimit
	}
	return b
}

// wait holds a page fetch until the site's pause is over. It returns an
// error wrapping ErrSiteBlocked once the site is stopped, or ctx's error.
func (b *blockWatch) wait(ctx context.Context) error {
	for {
		b.mu.Lock()
		stopped, d := b.report.Stopped, time.Until(b.until)
		b.mu.Unlock()
		if stopped {
			return ErrSiteBlocked
		}
		if d <= 0 {
			return ctx.Err()
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-b.stopped:
			t.Stop()
		case <-t.C:
		}
	}
}

// blocked records one blocked page and pauses the site; it reports
// whether the site is now stopped.
func (b *blockWatch) blocked(kind, why string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.report.Pages++
	if b.report.Why == nil {
		b.report.Why = map[string]int{}
	}
	b.report.Why[kind]++
	b.report.Last = why
	b.inRow++
	pause := b.base << min(b.inRow-1, 16)
	if pause > b.max || pause <= 0 {
		pause = b.max
	}
	if u := time.Now().Add(pause); u.After(b.until) {
		b.until = u
	}
	if b.inRow >= b.limit && !b.report.Stopped {
		b.report.Stopped = true
		close(b.stopped)
	}
	return b.report.Stopped
}

// deniedAnswer counts one page fetch that ended in 403 or 429 and returns
// how many of them now count as blocked: 0 before a storm, deniedStorm
// when one starts (the answers before count too), 1 during one.
func (b *blockWatch) deniedAnswer() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.denied++
	switch {
	case b.denied < deniedStorm:
		return 0
	case b.denied == deniedStorm:
		return deniedStorm
	}
	return 1
}

// ok records a page that was not blocked: the pauses start over.
func (b *blockWatch) ok() {
	b.mu.Lock()
	b.inRow, b.denied = 0, 0
	b.report.Shown++
	b.mu.Unlock()
}

func (b *blockWatch) snapshot() BlockReport {
	b.mu.Lock()
	defer b.mu.Unlock()
	r := b.report
	r.Why = maps.Clone(r.Why)
	return r
}

// Blocks reports the pages of the site that were blocked over every run
// of the crawler so far.
func (c *Crawler) Blocks() BlockReport { return c.blocks.snapshot() }

// IsBlocked reports whether err, from FetchListing or handed to a
// Revisit's visit, is a blocked page or a site stopped for blocking: it
// says nothing about the listing.
func IsBlocked(err error) bool {
	var fe *fetchError
	return errors.Is(err, ErrSiteBlocked) || errors.As(err, &fe) && fe.Kind == "blocked"
}

// blockedPage records a blocked page of kind for the run and the
// site and returns its error.
func (r *run) blockedPage(u, kind, why string) error {
	r.stats.addError("blocked")
	r.stats.add(func(s *Stats) { s.Blocked++ })
	r.c.logger.Info("crawler: blocked page", "url", u, "kind", kind, "why", why)
	if r.c.blocks.blocked(kind, why+" ("+clipURL(u)+")") {
		r.c.logger.Warn("crawler: the site is blocking the crawler; no more pages are fetched", "site", r.c.site.Name, "last", why)
	}
	return &fetchError{Kind: "blocked", URL: u, Err: errors.New(why)}
}

// denied records a fetch of kind that failed with fe: a page's 403 or
// 429 in a run of them counts as blocked.
func (r *run) denied(fetchKind string, fe *fetchError) {
	if fetchKind != kindPage {
		return
	}
	kind := ""
	switch {
	case fe.Status == http.StatusForbidden:
		kind = BlockHTTP403
	case fe.Kind == "http_429":
		kind = BlockHTTP429
	default:
		return
	}
	n := r.c.blocks.deniedAnswer()
	for range n {
		r.stats.add(func(s *Stats) { s.Blocked++ })
		r.c.blocks.blocked(kind, "the site answered "+http.StatusText(fe.Status)+" to "+clipURL(fe.URL))
	}
}

// searchBlocked returns the kind of block page an HTML search result
// page is, and why, or "" when it is a result page: a rule's blocked
// sign, or, on a page without a listing link, a built-in sign (searchPage
// checks for a redirect to a login page first). A blocked result page ends its query's walk: the next query
// starts once the site's pause is over.
func searchBlocked(site *rules.Site, f *fetched, doc *goquery.Document, links int) (kind, why string) {
	if why := ruleBlocked(site.Blocked, doc, f.url, f.read()); why != "" {
		return BlockRule, why
	}
	if links == 0 {
		return blockedPage(doc)
	}
	return "", ""
}

// searchRedirectOrJSON handles a fetched search page that redirected to a
// login page (blocked) or that is JSON (a rule's blocked pattern, else
// searchJSONPage). handled is false for an HTML result page, left to
// searchPage.
func (r *run) searchRedirectOrJSON(ctx context.Context, query string, page int, u *url.URL, f *fetched, enqueue func(string, *pageTrack)) (next string, ok, handled bool, err error) {
	if why := blockedRedirect(u.String(), f.url); why != "" {
		_ = r.blockedPage(u.String(), BlockLoginRedirect, why)
		return "", false, true, nil
	}
	if !r.c.site.Search.JSON() {
		return "", false, false, nil
	}
	if why := ruleBlocked(r.c.site.Blocked, nil, f.url, f.body); why != "" {
		_ = r.blockedPage(u.String(), BlockRule, why)
		return "", false, true, nil
	}
	next, ok, err = r.searchJSONPage(ctx, query, page, u, f, enqueue)
	if ok {
		r.c.blocks.ok()
	}
	return next, ok, true, err
}
