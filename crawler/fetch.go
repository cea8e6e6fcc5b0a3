package crawler

import (
	"context"
	cryptorand "crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// tokenHeader ties a colly request to the exchange our transport records.
// The transport removes it before the request leaves the process.
const tokenHeader = "X-Shadowscan-Fetch"

// Capture kinds.
const (
	kindPage   = "page"
	kindPhoto  = "photo"
	kindSearch = "search"
)

// run is the state of one Run or FetchListing: its collectors (bound to
// the run's context), duplicate set, trap guard and counters.
type run struct {
	c      *Crawler
	ctx    context.Context
	pages  *colly.Collector // the site's origins only (policy.checkPage)
	photos *colly.Collector // and photo_hosts (policy.checkPhoto)
	stats  *counter
	guard  *guard

	exchanges sync.Map // token -> *exchange
	specs     sync.Map // token -> fetchSpec

	limitMu    sync.Mutex
	limitHosts map[string]bool
	// firstDone holds, per host, a channel closed once the run's first
	// fetch from that host is over (see firstFetch).
	firstDone map[string]chan struct{}

	maxBody, maxPhotoBytes int64

	inline   sync.Map // listing URL -> *Page read inline from a JSON search page
	received sync.Map // photo URL -> *fetched a browser received (offerPhotos)
}

// newRun builds the collectors for one run. Their requests use ctx, so
// cancelling it stops the crawl promptly.
func (c *Crawler) newRun(ctx context.Context) (*run, error) {
	pol := c.site.Politeness
	r := &run{
		c: c, ctx: ctx, stats: &counter{}, guard: newGuard(),
		limitHosts: make(map[string]bool), firstDone: make(map[string]chan struct{}),
		maxBody: pol.MaxBodyBytes, maxPhotoBytes: pol.MaxImageBytes,
	}
	if r.maxBody <= 0 {
		r.maxBody = defaultMaxBodyBytes
	}
	if r.maxPhotoBytes <= 0 {
		r.maxPhotoBytes = defaultMaxBodyBytes
	}
	timeout := pol.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	tt := &teeTransport{base: c.transport, run: r}
	// One collector for the site's pages and a clone for photos (which
	// may live on a CDN host): clones share the HTTP client, the limit
	// rules and the robots.txt cache. Neither sets colly's AllowedDomains,
	// which compare host names only: teeTransport checks every request,
	// redirects included, against the site's policy.
	r.pages = colly.NewCollector(
		colly.StdlibContext(ctx),
		colly.UserAgent(c.userAgent()),
		colly.MaxBodySize(int(r.maxBody+1)), // bodies colly reads itself (robots.txt); teeTransport limits the rest
		colly.ParseHTTPErrorResponse(),
	)
	r.pages.IgnoreRobotsTxt = !pol.RespectRobotsTxt
	r.pages.WithTransport(tt)
	r.pages.SetRequestTimeout(timeout)
	if c.jar != nil {
		// One jar for every run: what the site sets during the search
		// crawl is sent on the revisits.
		r.pages.SetCookieJar(c.jar)
	}
	r.photos = r.pages.Clone()
	r.photos.MaxBodySize = int(r.maxPhotoBytes + 1)
	for _, col := range []*colly.Collector{r.pages, r.photos} {
		col.OnResponse(func(resp *colly.Response) { resp.Ctx.Put("request", resp.Request) })
		col.OnError(func(resp *colly.Response, err error) {
			resp.Ctx.Put("request", resp.Request)
			resp.Ctx.Put("error", err)
		})
	}
	// colly publishes a limit rule before it initialises it, so a rule
	// added while requests run races with their lookups: add the rules of
	// every host the policy allows now, before the first request. A host
	// written otherwise still gets its rule on its first fetch.
	for _, host := range c.policy.allowedURLHosts() {
		r.limitHost(r.pages, host)
	}
	return r, nil
}

// inFlight is how many listings a run works on at once (InFlight).
func (r *run) inFlight() int {
	if r.c.workers > 0 {
		return r.c.workers
	}
	return InFlight(r.c.site, r.c.politenessOff)
}

// InFlight is how many listings a run of site works on at once at most:
// fetched, or being fetched, and not yet handed to the sink (politenessOff
// is WithPoliteness's). It is the site's parallelism when its photos come
// from the site itself: the listings then share the site's requests, and
// one whose page is fetched gets its photos before another page is
// started. A rule that names photo_hosts (an image host, a CDN, with a
// limit of its own) gets three times that: while some listings wait for
// their photos there, others keep the site's pages coming (twice is not
// enough: a listing spends longer on its photo, its hashing and its
// matching than on its page). colly's per-host
// limit rules keep every host at the site's parallelism either way.
func InFlight(site *rules.Site, politenessOff bool) int {
	n := parallelismOf(site, politenessOff)
	if len(site.PhotoHosts) > 0 {
		return 3 * n
	}
	return n
}

// parallelism is how many requests a host gets at once.
func (c *Crawler) parallelism() int { return parallelismOf(c.site, c.politenessOff) }

func parallelismOf(site *rules.Site, politenessOff bool) int {
	if politenessOff {
		return max(site.Politeness.Parallelism, unpoliteParallelism)
	}
	return max(site.Politeness.Parallelism, 1)
}

// limitHost installs colly's per-domain LimitRule for host the first time
// the run sees it.
func (r *run) limitHost(col *colly.Collector, host string) {
	if r.c.politenessOff {
		return
	}
	r.limitMu.Lock()
	defer r.limitMu.Unlock()
	if r.limitHosts[host] {
		return
	}
	r.limitHosts[host] = true
	pol := r.c.site.Politeness
	err := col.Limit(&colly.LimitRule{
		DomainRegexp: "^" + regexp.QuoteMeta(host) + "$",
		Parallelism:  max(pol.Parallelism, 1),
		Delay:        pol.Delay,
		RandomDelay:  pol.RandomDelay,
	})
	if err != nil {
		r.c.logger.Warn("crawler: limit rule", "host", host, "err", err)
	}
}

// firstFetch makes the run's first fetch from each host go alone: the
// others wait until it is over (call done). colly reads a host's
// robots.txt on the first request to it, outside the host's limit rule,
// and once for each request that starts before it has the file: without
// this, listings starting together would each fetch it, and a host would
// get more requests at once than its parallelism.
func (r *run) firstFetch(ctx context.Context, host string) (done func(), err error) {
	r.limitMu.Lock()
	ch, seen := r.firstDone[host]
	if !seen {
		ch = make(chan struct{})
		r.firstDone[host] = ch
	}
	r.limitMu.Unlock()
	if !seen {
		return func() { close(ch) }, nil
	}
	select {
	case <-ch:
		return func() {}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// exchange is one HTTP exchange as it went over the wire.
type exchange struct {
	mu            sync.Mutex
	url           string
	reqHeader     http.Header
	status        int
	header        http.Header
	contentLength int64
	body          []byte
	readErr       error
}

// teeTransport records each tagged exchange's request headers, response
// headers and raw body bytes (before any character set conversion), so
// captures hold exactly what the marketplace served. It reads the body
// itself, up to the fetch's byte limit plus one (one byte more reveals an
// oversize body), into one buffer sized from Content-Length, and hands
// colly an empty body: the crawler uses the recorded bytes, so colly's own
// copy of every body would be wasted memory and garbage collector work.
type teeTransport struct {
	base http.RoundTripper
	run  *run
}

// RoundTrip implements http.RoundTripper.
func (t *teeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	pol := t.run.c.policy
	token := req.Header.Get(tokenHeader)
	if token == "" {
		// colly's own requests (robots.txt), for a host one of our
		// fetches is about to request.
		if err := pol.checkPhoto(req.URL); err != nil {
			return nil, err
		}
		return t.base.RoundTrip(req)
	}
	out := req.Clone(req.Context())
	out.Header.Del(tokenHeader)
	ex := &exchange{url: out.URL.String(), reqHeader: out.Header.Clone()}
	t.run.exchanges.Store(token, ex)
	spec := fetchSpec{limit: max(t.run.maxBody, t.run.maxPhotoBytes), kind: kindPhoto}
	if v, ok := t.run.specs.Load(token); ok {
		spec = v.(fetchSpec)
	}
	// Every hop is checked: a redirect comes back through here carrying
	// the same token.
	check := pol.checkPage
	if spec.kind == kindPhoto {
		check = pol.checkPhoto
	}
	if err := check(out.URL); err != nil {
		return nil, err
	}
	if spec.kind == kindPage {
		// Here, behind colly's per-host limit, so that requests queued
		// there also wait out a pause that began while they queued.
		if err := t.run.c.blocks.wait(req.Context()); err != nil {
			return nil, err
		}
	}
	resp, err := t.base.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	limit := spec.limit
	body, readErr := readBody(resp.Body, resp.ContentLength, limit+1)
	resp.Body.Close()
	ex.mu.Lock()
	ex.status, ex.header, ex.contentLength = resp.StatusCode, resp.Header.Clone(), resp.ContentLength
	ex.body, ex.readErr = body, readErr
	ex.mu.Unlock()
	resp.Body = http.NoBody
	return resp, nil
}

// unknownLengthBuf is the first buffer for a body of unknown length: most
// listing pages and photos fit, so few grow.
const unknownLengthBuf = 32 << 10

// readBody reads at most limit bytes of rc. The buffer starts at the
// announced length (plus one byte, to see the end without growing) when
// there is one, so a body is read without copies.
func readBody(rc io.Reader, contentLength, limit int64) ([]byte, error) {
	size := int64(unknownLengthBuf)
	if contentLength >= 0 {
		size = contentLength + 1
	}
	buf := make([]byte, 0, max(min(size, limit), 512))
	r := io.LimitReader(rc, limit)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// fetchSpec is what the transport needs to know of one fetch.
type fetchSpec struct {
	limit int64  // body byte limit
	kind  string // kindPage (search and listing pages) or kindPhoto
}

// fetched is a completed exchange.
type fetched struct {
	url       string // final URL after redirects
	status    int
	header    http.Header
	reqHeader http.Header
	body      []byte
	fetchedAt time.Time
	// dom is the page as a browser's scripts left it (fetch: browser),
	// shot its screenshot (listing pages), taken at shotAt.
	dom    []byte
	shot   []byte
	shotAt time.Time
	// photos are the images the browser received with the page, by URL.
	photos map[string]*fetched
}

// capture turns f into a shadowscan.Capture of kind.
func (f *fetched) capture(kind string) shadowscan.Capture {
	return f.captureSum(kind, sha256.Sum256(f.body))
}

// captureSum is capture for a caller that has the body's SHA-256 already
// (a photo's is also its hash cache key: computing it once saves a pass
// over bytes that run to hundreds of kilobytes).
func (f *fetched) captureSum(kind string, sum [sha256.Size]byte) shadowscan.Capture {
	return shadowscan.Capture{
		URL: f.url, Method: http.MethodGet,
		RequestHeader: shadowscan.RedactHeader(f.reqHeader), Status: f.status, Header: shadowscan.RedactHeader(f.header),
		BodySHA256: hex.EncodeToString(sum[:]), BodySize: int64(len(f.body)), Body: f.body,
		FetchedAt: f.fetchedAt, Kind: kind,
	}
}

// fetchError is a failed fetch with its kind (a Stats.Errors key).
type fetchError struct {
	Kind   string
	URL    string
	Status int
	Err    error
}

func (e *fetchError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("fetch %s: %s (status %d)", e.URL, e.Kind, e.Status)
	}
	if e.Err != nil {
		return fmt.Sprintf("fetch %s: %s: %v", e.URL, e.Kind, e.Err)
	}
	return fmt.Sprintf("fetch %s: %s", e.URL, e.Kind)
}

func (e *fetchError) Unwrap() error { return e.Err }

// retryable reports whether a failure of kind may go away on its own.
func retryable(kind string) bool {
	switch kind {
	case "timeout", "http_429", "http_5xx", "truncated", "network":
		return true
	}
	return false
}

// fetch GETs u with col, retrying timeouts, 429s, 5xx and cut bodies with
// exponential backoff and jitter (or the server's Retry-After), up to the
// rule's retries. Every failed attempt is counted by kind. okStatus says
// which statuses are a result rather than an error (404 and 410 are for
// listing pages). The error is a *fetchError, or ctx's error.
func (r *run) fetch(ctx context.Context, col *colly.Collector, u string, maxBody int64, okStatus func(int) bool) (*fetched, error) {
	if col == r.pages && r.c.browserSite() {
		return r.browse(ctx, u, maxBody, okStatus, okStatus != nil) // only listing pages take an okStatus
	}
	kind := kindPage
	if col == r.photos {
		kind = kindPhoto
	}
	token := newToken()
	cctx := colly.NewContext()
	hdr := http.Header{}
	hdr.Set(tokenHeader, token)
	hdr.Set("User-Agent", r.c.userAgent())
	defer r.exchanges.Delete(token)
	r.specs.Store(token, fetchSpec{limit: maxBody, kind: kind})
	defer r.specs.Delete(token)
	if pu, err := parseHTTPURL(u); err == nil {
		r.limitHost(col, pu.Host)
		done, err := r.firstFetch(ctx, pu.Host)
		if err != nil {
			return nil, err
		}
		defer done()
	}

	retries := max(r.c.site.Politeness.Retries, 0)
	for attempt := 0; ; attempt++ {
		cctx.Put("error", nil)
		r.exchanges.Delete(token)
		var err error
		if req, _ := cctx.GetAny("request").(*colly.Request); req != nil {
			(*req.Headers).Set(tokenHeader, token)
			err = req.Retry()
		} else {
			// The first attempt, or one that failed before colly sent
			// anything (robots.txt could not be read): ask again.
			err = col.Request(http.MethodGet, u, nil, cctx, hdr.Clone())
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if cbErr, _ := cctx.GetAny("error").(error); cbErr != nil && err == nil {
			err = cbErr
		}
		var ex *exchange
		if v, ok := r.exchanges.Load(token); ok {
			ex = v.(*exchange)
		}
		f, fe := r.outcome(u, ex, err, maxBody, okStatus)
		if fe == nil {
			r.c.streak.record(nil)
			return f, nil
		}
		if err := r.retryOrFail(ctx, u, kind, attempt, retries, fe, ex); err != nil {
			return nil, err
		}
	}
}

// retryOrFail handles one failed attempt of a fetch, plain or browser: it
// counts it, and either waits out the backoff (nil: try again) or
// returns the error to give up with, when fe is not worth retrying or
// the retries are spent, or ctx's error. A fetch that found the site
// stopped is not a failure of the page and is given up at once.
func (r *run) retryOrFail(ctx context.Context, u, kind string, attempt, retries int, fe *fetchError, ex *exchange) error {
	if errors.Is(fe.Err, ErrSiteBlocked) {
		return fe // the site was stopped while this one waited: not a fetch
	}
	r.c.streak.record(fe)
	r.stats.addError(fe.Kind)
	wait := r.backoff(attempt, ex)
	if r.c.onThrottle != nil && throttling(fe, ex) {
		r.c.onThrottle(wait)
	}
	if !retryable(fe.Kind) || attempt >= retries {
		r.denied(kind, fe)
		r.c.logger.Debug("crawler: fetch failed", "url", u, "kind", fe.Kind, "attempts", attempt+1, "err", fe)
		return fe
	}
	r.stats.add(func(s *Stats) { s.Retries++ })
	r.c.logger.Debug("crawler: retrying", "url", u, "kind", fe.Kind, "wait", wait)
	t := time.NewTimer(wait)
	select {
	case <-ctx.Done():
		t.Stop()
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// outcome classifies one attempt.
func (r *run) outcome(u string, ex *exchange, err error, maxBody int64, okStatus func(int) bool) (*fetched, *fetchError) {
	var status int
	var body []byte
	var readErr error
	var cl int64 = -1
	if ex != nil {
		ex.mu.Lock()
		status, body, readErr, cl = ex.status, ex.body, ex.readErr, ex.contentLength
		ex.mu.Unlock()
	}
	switch {
	case ex != nil && int64(len(body)) > maxBody:
		return nil, &fetchError{Kind: "too_large", URL: u, Err: fmt.Errorf("body is over the %d-byte limit", maxBody)}
	case err != nil && status == 0 || readErr != nil:
		if err == nil {
			err = readErr
		}
		return nil, &fetchError{Kind: classifyErr(err), URL: u, Err: err}
	case status != 0 && cl > 0 && int64(len(body)) < cl:
		return nil, &fetchError{Kind: "truncated", URL: u, Err: fmt.Errorf("%d of %d bytes arrived", len(body), cl)}
	case ex == nil:
		return nil, &fetchError{Kind: "network", URL: u, Err: errors.New("no response")}
	}
	if fe := statusError(u, status, okStatus); fe != nil {
		return nil, fe
	}
	ex.mu.Lock()
	// The transport has read the body to its end and the exchange is
	// dropped when fetch returns: hand the bytes over without a copy.
	f := &fetched{url: ex.url, status: ex.status, header: ex.header, reqHeader: ex.reqHeader,
		body: ex.body, fetchedAt: r.c.now().UTC()}
	ex.mu.Unlock()
	r.stats.add(func(s *Stats) { s.Bytes += int64(len(f.body)) })
	return f, nil
}

// statusError is the error for a page status that is not a result, nil
// for 2xx and the statuses okStatus accepts: the plain fetcher and the
// browser name failures alike.
func statusError(u string, status int, okStatus func(int) bool) *fetchError {
	if status >= 200 && status <= 299 || okStatus != nil && okStatus(status) {
		return nil
	}
	kind := "http_4xx"
	switch {
	case status == http.StatusTooManyRequests:
		kind = "http_429"
	case status >= 500:
		kind = "http_5xx"
	case status < 400:
		kind = "http_other"
	}
	return &fetchError{Kind: kind, URL: u, Status: status}
}

// classifyErr names a transport-level failure.
func classifyErr(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		return "robots"
	case errors.Is(err, ErrSiteBlocked):
		return "blocked"
	case errors.Is(err, colly.ErrForbiddenDomain), errors.As(err, new(*offsiteError)):
		return "offsite"
	case errors.As(err, new(*addressError)):
		return "private_address"
	case errors.As(err, new(*tls.CertificateVerificationError)), errors.As(err, new(x509.UnknownAuthorityError)),
		errors.As(err, new(x509.HostnameError)), errors.As(err, new(x509.CertificateInvalidError)):
		return "tls"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, io.ErrUnexpectedEOF), strings.Contains(err.Error(), "unexpected EOF"):
		return "truncated"
	}
	var av *colly.AlreadyVisitedError
	if errors.As(err, &av) {
		return "duplicate"
	}
	return "network"
}

// throttling reports whether a failed attempt is the site asking to be
// asked less: a 429, or a 5xx with a Retry-After (a 503 "come back
// later").
func throttling(fe *fetchError, ex *exchange) bool {
	switch {
	case fe.Kind == "http_429":
		return true
	case fe.Kind != "http_5xx" || ex == nil:
		return false
	}
	ex.mu.Lock()
	defer ex.mu.Unlock()
	return ex.header.Get("Retry-After") != ""
}

// backoff is how long to wait before retry attempt+1: the server's
// Retry-After when it sent one (capped), else exponential backoff with
// full jitter on top.
func (r *run) backoff(attempt int, ex *exchange) time.Duration {
	if ex != nil {
		ex.mu.Lock()
		h := ex.header
		ex.mu.Unlock()
		if d, ok := parseRetryAfter(h.Get("Retry-After"), r.c.now()); ok {
			return min(d, r.c.retryAfterMax)
		}
	}
	d := r.c.backoffBase << min(attempt, 16)
	if d > r.c.backoffMax || d <= 0 {
		d = r.c.backoffMax
	}
	if r.c.backoffBase > 0 {
		d += rand.N(r.c.backoffBase)
	}
	return d
}

// parseRetryAfter reads a Retry-After value in seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > 86400 {
			n = 86400
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

func newToken() string {
	var b [12]byte
	_, _ = cryptorand.Read(b[:]) // crypto/rand.Read never returns an error (Go 1.24+)
	return hex.EncodeToString(b[:])
}
