package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/temoto/robotstxt"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Browser fetching bounds.
const (
	// maxScreenshotBytes caps a listing page's screenshot: a page taller
	// than a complaint form wants is kept without one.
	maxScreenshotBytes = 16 << 20
	// scrollSettle is how long a scrolled list gets to grow before
	// scrolling stops.
	scrollSettle = 1500 * time.Millisecond
	// browserProbe bounds the check that the browser still answers.
	browserProbe = 3 * time.Second
)

// WithBrowserPath sets the Chromium executable for sites with fetch:
// browser (default: chromium, chromium-browser or google-chrome on PATH,
// as chromedp finds them).
func WithBrowserPath(path string) Option { return func(c *Crawler) { c.browserPath = path } }

// WithBrowserStarted sets a function called with the browser's process id
// each time the crawler starts its browser (tests kill it; benchmarks
// measure it).
func WithBrowserStarted(f func(pid int)) Option { return func(c *Crawler) { c.browserStarted = f } }

// browser is the one headless Chromium a crawler of a fetch: browser site
// shares between its runs: started on the first page, replaced when it
// dies and, to bound its memory, after recyclePages pages (Chromium's
// grows with every page however its tabs are closed), stopped by
// CloseIdleConnections. Its tabs are bounded by the site's parallelism;
// each page gets a tab of its own, closed after it.
type browser struct {
	c       *Crawler
	tabs    chan struct{}
	proxies *browserProxies

	recycle int // recyclePages; tests lower it

	mu       sync.Mutex
	cur      *browserInst          // the one new pages open tabs in
	live     map[*browserInst]bool // cur and retired ones with tabs open
	restarts int
	// next is when the next page may start loading (politeness.delay).
	next time.Time

	robotsMu  sync.Mutex
	robotsTxt map[string]*robotstxt.RobotsData // by scheme://host
}

// recyclePages is how many pages one Chromium loads before the next page
// starts another (the old one stops once its last tab closes). Measured:
// the process tree's memory grows by about 1 MB a page; a start costs
// about a second.
const recyclePages = 100

// browserInst is one Chromium process tree.
type browserInst struct {
	ctx     context.Context // its own lifetime, not a run's
	stop    func()
	pages   int  // pages started in it
	open    int  // tabs open in it
	retired bool // no new tabs: stopped when the last closes
}

// useFetchers sets up how the crawler's requests leave: through the
// site's proxies, and for a fetch: browser site through its browser.
func (c *Crawler) useFetchers() error {
	if err := c.useProxies(); err != nil {
		return err
	}
	if !c.site.Browser() {
		return nil
	}
	b, err := newBrowser(c)
	c.browser = b
	return err
}

func newBrowser(c *Crawler) (*browser, error) {
	proxies, err := newBrowserProxies(c)
	if err != nil {
		return nil, err
	}
	return &browser{c: c, tabs: make(chan struct{}, c.parallelism()), proxies: proxies, recycle: recyclePages}, nil
}

// take returns the browser a new page opens its tab in, starting one
// when there is none, the last died or it has loaded recyclePages pages;
// give it back with give when the tab is closed.
func (b *browser) take() (*browserInst, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur != nil && (b.cur.ctx.Err() != nil || b.cur.pages >= b.recycle) {
		b.retireLocked(b.cur)
	}
	if b.cur == nil {
		inst, err := b.startLocked()
		if err != nil {
			return nil, err
		}
		b.cur = inst
	}
	b.cur.pages++
	b.cur.open++
	return b.cur, nil
}

// give returns a tab's browser, stopping it if it was retired and this
// was its last tab.
func (b *browser) give(inst *browserInst) {
	b.mu.Lock()
	defer b.mu.Unlock()
	inst.open--
	if inst.retired && inst.open == 0 && b.live[inst] {
		inst.stop()
		delete(b.live, inst)
	}
}

// retireLocked takes inst out of use: it stops now if no tab is open in
// it, else when the last closes.
func (b *browser) retireLocked(inst *browserInst) {
	if b.cur == inst {
		b.cur = nil
	}
	if inst.retired {
		return
	}
	inst.retired = true
	if inst.open == 0 {
		inst.stop()
		delete(b.live, inst)
	}
}

func (b *browser) startLocked() (*browserInst, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.Flag("no-sandbox", true), // containers and CI run as root
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("js-flags", "--max-old-space-size=256"),
		chromedp.UserAgent(b.c.userAgent()),
		chromedp.WindowSize(1280, 900),
	)
	if b.c.browserPath != "" {
		opts = append(opts, chromedp.ExecPath(b.c.browserPath))
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	stop := func() { cancelB(); cancelA() }
	if err := chromedp.Do(bctx); err != nil {
		stop()
		return nil, fmt.Errorf("start chromium for site %s (fetch: browser; install Debian's chromium package or set the browser path): %w", b.c.site.Name, err)
	}
	inst := &browserInst{ctx: bctx, stop: stop}
	if b.live == nil {
		b.live = map[*browserInst]bool{}
	}
	b.live[inst] = true
	if p := chromedp.FromContext(bctx).Browser.Process(); p != nil {
		b.c.logger.Info("crawler: browser started", "site", b.c.site.Name, "pid", p.Pid, "restarts", b.restarts)
		if b.c.browserStarted != nil {
			b.c.browserStarted(p.Pid)
		}
	}
	return inst, nil
}

// dead reports whether inst no longer answers, and if so retires it so
// the next page starts another browser.
func (b *browser) dead(inst *browserInst) bool {
	bctx := inst.ctx
	alive := bctx.Err() == nil
	if alive {
		pctx, cancel := context.WithTimeout(bctx, browserProbe)
		_, err := chromedp.Run(pctx, chromedp.Evaluate[int]("1"))
		cancel()
		alive = err == nil || errors.Is(err, context.DeadlineExceeded) && bctx.Err() == nil && processAlive(bctx)
	}
	if alive {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !inst.retired {
		b.restarts++
		b.c.logger.Warn("crawler: browser died; starting another", "site", b.c.site.Name, "restarts", b.restarts)
		b.retireLocked(inst)
	}
	return true
}

// processAlive reports whether the browser process of bctx still runs.
func processAlive(bctx context.Context) bool {
	p := chromedp.FromContext(bctx).Browser.Process()
	if p == nil {
		return true
	}
	_, err := os.Stat(fmt.Sprintf("/proc/%d", p.Pid))
	return err == nil || !errors.Is(err, os.ErrNotExist)
}

// close stops every browser and its processes.
func (b *browser) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for inst := range b.live {
		inst.stop()
	}
	b.live, b.cur = nil, nil
}

// acquire takes a tab slot and waits out the site's delay since the last
// page started, as colly's limit rule does for plain fetching.
func (b *browser) acquire(ctx context.Context) (release func(), err error) {
	select {
	case b.tabs <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() { <-b.tabs }
	if b.c.politenessOff {
		return release, nil
	}
	pol := b.c.site.Politeness
	b.mu.Lock()
	now := time.Now()
	start := now
	if b.next.After(now) {
		start = b.next
	}
	gap := pol.Delay
	if pol.RandomDelay > 0 {
		gap += rand.N(pol.RandomDelay)
	}
	b.next = start.Add(gap)
	b.mu.Unlock()
	if wait := start.Sub(now); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			release()
			return nil, ctx.Err()
		}
	}
	return release, nil
}

// browse loads u in a browser tab with the run's retries: a page that
// times out, answers 429 or 5xx, or whose browser died is tried again
// (in a new browser when it died), up to the rule's retries. listing
// pages are waited for with listing.wait_for and screenshot; search pages
// with search.wait_for, then scrolled.
func (r *run) browse(ctx context.Context, u string, maxBody int64, okStatus func(int) bool, listing bool) (*fetched, error) {
	pu, err := parseHTTPURL(u)
	if err != nil {
		return nil, &fetchError{Kind: "parse", URL: u, Err: err}
	}
	if err := r.robotsAllowed(ctx, pu); err != nil {
		kind := "robots"
		if !errors.Is(err, errRobotsDisallow) {
			kind = classifyErr(err) // robots.txt could not be read
		}
		r.stats.addError(kind)
		return nil, &fetchError{Kind: kind, URL: u, Err: err}
	}
	retries := max(r.c.site.Politeness.Retries, 0)
	for attempt := 0; ; attempt++ {
		f, fe := r.browseOnce(ctx, u, maxBody, listing)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if fe == nil {
			fe = statusError(u, f.status, okStatus)
		}
		if fe == nil {
			r.c.streak.record(nil)
			r.stats.add(func(s *Stats) { s.Bytes += int64(len(f.body)) })
			return f, nil
		}
		var ex *exchange
		if f != nil {
			ex = &exchange{header: f.header} // a 429's or 503's Retry-After
		}
		if err := r.retryOrFail(ctx, u, kindPage, attempt, retries, fe, ex); err != nil {
			return nil, err
		}
	}
}

// browseOnce is one attempt of browse.
func (r *run) browseOnce(ctx context.Context, u string, maxBody int64, listing bool) (*fetched, *fetchError) {
	b := r.c.browser
	// A site that is blocking the crawler is paused or stopped for the
	// browser as for plain fetching.
	if err := r.c.blocks.wait(ctx); err != nil {
		return nil, &fetchError{Kind: "blocked", URL: u, Err: err}
	}
	release, err := b.acquire(ctx)
	if err != nil {
		return nil, &fetchError{Kind: "timeout", URL: u, Err: err}
	}
	defer release()
	inst, err := b.take()
	if err != nil {
		return nil, &fetchError{Kind: "browser", URL: u, Err: err}
	}
	defer b.give(inst)
	f, fe := r.loadTab(ctx, inst.ctx, u, maxBody, listing)
	if fe != nil && fe.Kind != "offsite" && fe.Kind != "private_address" && fe.Kind != "too_large" && b.dead(inst) {
		// Counted as a network failure, so the page is tried again in
		// the browser that replaces this one.
		return nil, &fetchError{Kind: "network", URL: u, Err: fmt.Errorf("the browser died: %v", fe.Err)}
	}
	return f, fe
}

// loadTab opens a tab of bctx, loads u in it under the guard, waits,
// scrolls, reads the DOM and (for a listing) takes a screenshot, then
// closes the tab.
func (r *run) loadTab(ctx context.Context, bctx context.Context, u string, maxBody int64, listing bool) (*fetched, *fetchError) {
	site := r.c.site
	timeout := site.Politeness.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	proxy := r.c.browser.proxies.pick()
	tctx, closeTab := chromedp.NewContext(bctx, proxy.tabOptions()...)
	defer closeTab()
	// The run's cancellation reaches the tab.
	stopAfter := context.AfterFunc(ctx, closeTab)
	defer stopAfter()
	tg := newTabGuard(r, tctx, maxBody)
	tg.proxy, tg.keepPhoto = proxy, listing
	if err := tg.enable(); err != nil {
		return nil, &fetchError{Kind: "network", URL: u, Err: err}
	}
	if err := r.setTabCookies(tctx); err != nil {
		return nil, &fetchError{Kind: "network", URL: u, Err: err}
	}
	lctx, cancel := context.WithTimeout(tctx, timeout)
	navErr := chromedp.Do(lctx, chromedp.Navigate(u))
	cancel()
	doc, refused := tg.result()
	switch {
	case refused != nil && (doc == nil || navErr != nil):
		return nil, refused
	case doc == nil && navErr != nil:
		return nil, &fetchError{Kind: classifyBrowserErr(navErr), URL: u, Err: navErr}
	case doc == nil:
		return nil, &fetchError{Kind: "network", URL: u, Err: errors.New("no document arrived")}
	}
	f := &fetched{url: doc.url, status: doc.status, header: doc.header, reqHeader: doc.reqHeader, body: doc.body, fetchedAt: doc.at}
	defer r.keepTabCookies(tctx, f.url)
	wait, scroll := site.Search.WaitFor, site.Search.Scroll
	if listing {
		wait, scroll = site.Listing.WaitFor, 0
	}
	if f.status < 200 || f.status > 299 {
		// An error page is not waited for (nothing will appear), and its
		// status says what it is: one the browser shows as its own error
		// page, which cannot be read, is kept as received.
		if rf, fe := r.render(tctx, f, maxBody, "", 0, listing); fe == nil {
			return rf, nil
		}
		return f, nil
	}
	rf, fe := r.render(tctx, f, maxBody, wait, scroll, listing)
	if fe == nil && listing {
		rf.photos = tg.received()
	}
	return rf, fe
}

// render waits for wait (until the rule's wait_timeout: a page without it
// is read as it is, which is how a search without results or a removed
// listing looks), scrolls up to scroll times, and reads the DOM into
// f.dom and, for a listing, a screenshot into f.shot.
func (r *run) render(tctx context.Context, f *fetched, maxBody int64, wait string, scroll int, listing bool) (*fetched, *fetchError) {
	site := r.c.site
	if wait != "" {
		expr := fmt.Sprintf("document.querySelector(%s) !== null", jsString(wait))
		if rm := site.Listing.Removed; listing && rm != nil && rm.CSS != "" {
			expr += fmt.Sprintf(" || document.querySelector(%s) !== null", jsString(rm.CSS))
		}
		_, err := chromedp.Run(tctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(siteWaitTimeout(site)), chromedp.WithPollingInterval(50*time.Millisecond)))
		if err != nil && !errors.Is(err, chromedp.ErrPollingTimeout) {
			return nil, &fetchError{Kind: classifyBrowserErr(err), URL: f.url, Err: err}
		}
		if err != nil {
			r.c.logger.Info("crawler: wait_for selector did not appear; reading the page as it is", "url", f.url, "wait_for", wait, "after", siteWaitTimeout(site))
		}
	}
	if err := scrollList(tctx, scroll); err != nil {
		return nil, &fetchError{Kind: classifyBrowserErr(err), URL: f.url, Err: err}
	}
	html, err := chromedp.Run(tctx, chromedp.Evaluate[string]("document.documentElement.outerHTML"))
	if err != nil {
		return nil, &fetchError{Kind: classifyBrowserErr(err), URL: f.url, Err: err}
	}
	if int64(len(html)) > maxBody {
		return nil, &fetchError{Kind: "too_large", URL: f.url, Err: fmt.Errorf("the rendered page is over the %d-byte limit", maxBody)}
	}
	f.dom = []byte(html)
	if loc, err := chromedp.Run(tctx, chromedp.Location()); err == nil && normalizeURL(nil, loc) != nil {
		f.url = loc // where scripts took the page (history.replaceState)
	}
	if listing {
		shot, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		switch {
		case err != nil:
			r.c.logger.Warn("crawler: screenshot failed", "url", f.url, "err", err)
		case len(shot) > maxScreenshotBytes:
			r.c.logger.Warn("crawler: screenshot over the size limit; kept without", "url", f.url, "bytes", len(shot))
		default:
			f.shot, f.shotAt = shot, r.c.now().UTC()
		}
	}
	return f, nil
}

// scrollList scrolls to the end of the page up to n times, waiting after
// each for the page to grow, and stops when it did not.
func scrollList(tctx context.Context, n int) error {
	for range min(n, rules.MaxScroll) {
		h, err := chromedp.Run(tctx, chromedp.Evaluate[float64]("window.scrollTo(0, document.documentElement.scrollHeight); document.documentElement.scrollHeight"))
		if err != nil {
			return err
		}
		_, err = chromedp.Run(tctx, chromedp.Poll[bool](fmt.Sprintf("document.documentElement.scrollHeight > %f", h),
			chromedp.WithPollingTimeout(scrollSettle), chromedp.WithPollingInterval(50*time.Millisecond)))
		if errors.Is(err, chromedp.ErrPollingTimeout) {
			return nil // the list has ended
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// classifyBrowserErr names a failure of a browser tab.
func classifyBrowserErr(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(err.Error(), "ERR_TIMED_OUT"):
		return "timeout"
	case strings.Contains(err.Error(), "ERR_BLOCKED_BY_CLIENT"):
		return "offsite"
	}
	return "network"
}

// checkAddress refuses a browser request to a host whose addresses the
// dialer would refuse (loopback, private, link-local, cloud metadata the
// site is not on). The browser resolves names itself, so this checks what
// the names resolve to now; the plain fetcher checks the address it
// connects to.
func (r *run) checkAddress(ctx context.Context, u *url.URL) error {
	lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	d := &dialer{policy: r.c.policy, lookup: r.c.lookup}
	return d.checkHost(lctx, u.Hostname())
}

// browserSite reports whether pages of the run's site go through the
// browser.
func (c *Crawler) browserSite() bool { return c.site.Browser() && c.browser != nil }

// siteWaitTimeout is the rule's wait_timeout or the default.
func siteWaitTimeout(site *rules.Site) time.Duration {
	if site.WaitTimeout > 0 {
		return site.WaitTimeout
	}
	return rules.DefaultWaitTimeout
}

// html is the page to read listings from and its content type: the DOM a
// browser rendered (UTF-8) when there is one, else the body as received.
func (f *fetched) html() ([]byte, string) {
	if f.dom != nil {
		return f.dom, "text/html; charset=utf-8"
	}
	return f.body, f.header.Get("Content-Type")
}

// offerPhotos makes the photos a browser received with listing page f
// what fetchPhoto uses for them while the listing is read; call the
// returned function when done.
func (r *run) offerPhotos(f *fetched) (withdraw func()) {
	for u, pf := range f.photos {
		r.received.Store(u, pf)
	}
	return func() {
		for u, pf := range f.photos {
			r.received.CompareAndDelete(u, pf)
		}
	}
}

// receivedPhoto is the photo at u as a browser received it, if one did.
func (r *run) receivedPhoto(u string) *fetched {
	if v, ok := r.received.Load(u); ok {
		return v.(*fetched)
	}
	return nil
}

// read is the page as it is read: the rendered DOM when a browser made
// one, else the body as received.
func (f *fetched) read() []byte {
	b, _ := f.html()
	return b
}

// screenshots is the capture of f's screenshot, if it has one: a PNG of
// the whole rendered page, for the evidence bundle and its report.
func (f *fetched) screenshots() []shadowscan.Capture {
	if f.shot == nil {
		return nil
	}
	sum := sha256.Sum256(f.shot)
	return []shadowscan.Capture{{
		URL: f.url, Method: http.MethodGet, Status: http.StatusOK,
		Header:     http.Header{"Content-Type": {"image/png"}, "Content-Length": {strconv.Itoa(len(f.shot))}},
		BodySHA256: hex.EncodeToString(sum[:]), BodySize: int64(len(f.shot)), Body: f.shot,
		FetchedAt: f.shotAt, Kind: shadowscan.CaptureScreenshot,
	}}
}

// ExtractRendered is Extract for a page a browser rendered (Page.Rendered):
// the DOM is UTF-8 whatever charset its meta tag still names.
func ExtractRendered(site *rules.Site, pageURL string, dom []byte) (shadowscan.Listing, []FieldSource, error) {
	return extract(site, pageURL, dom, "text/html; charset=utf-8")
}
