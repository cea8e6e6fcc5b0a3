package crawler

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// Defaults for politeness fields a rule leaves at zero.
const (
	defaultTimeout      = 15 * time.Second
	defaultMaxPages     = 10
	defaultMaxBodyBytes = 5 << 20
	// unpoliteParallelism is the concurrency WithPoliteness(true) uses.
	unpoliteParallelism = 16
	// maxQueryVariants caps distinct query strings per path in one run:
	// more are a crawler trap (calendars, session ids, sort orders).
	maxQueryVariants = 200
	// maxUserAgent caps WithUserAgent, as rules caps a rule's user_agent.
	maxUserAgent = 256
	// maxLinksPerPage caps the listing links taken from one search page.
	maxLinksPerPage = 500
	// maxPhotoCache caps the photo results remembered in one run, so a
	// photo shared by many listings is fetched once.
	maxPhotoCache = 10000
	// defaultPhotoCacheBytes caps the photo captures kept in one run for
	// reuse by later listings showing the same photo (least recently used
	// go first). Kept captures are live heap the garbage collector doubles,
	// so this budget weighs directly on a scan's peak memory.
	defaultPhotoCacheBytes = 16 << 20
)

// Page is one fetched listing: the extracted listing and the captures of
// its page and each photo, with the exact response bytes in Body.
type Page struct {
	Listing  shadowscan.Listing
	Captures []shadowscan.Capture
	// Rendered, for a fetch: browser site, is the listing page as its
	// scripts left it (UTF-8): what the listing was extracted from, where
	// the page capture holds what the browser received.
	Rendered []byte
}

// Frontier remembers which listing pages a scan has finished, so an
// interrupted scan resumes without fetching them again. The store
// implements it, keyed by scan. Errors from either method stop the run.
type Frontier interface {
	// Visited reports whether url was marked visited.
	Visited(ctx context.Context, url string) (bool, error)
	// MarkVisited records url as done; the crawler calls it only after
	// the sink accepted the listing.
	MarkVisited(ctx context.Context, url string) error
}

// Stats counts a run's work. Pages counts search and listing pages
// fetched, Listings listings handed to the sink, Photos photos fetched,
// Retries requests repeated after a timeout, 429, 5xx or cut body. Errors
// counts failures by kind: timeout, http_429, http_5xx, http_4xx,
// too_large, truncated, network (connection failures), tls (a certificate
// that does not verify), http_other (1xx/3xx not followed), parse, robots,
// offsite (a URL, or a redirect to one, off the site's origins and
// photo_hosts), private_address (a connection refused because it would
// reach a loopback, private, link-local or cloud metadata address the site
// is not on), trap, image, blocked (a redirect to a login or verification
// page, or a captcha, slider or login form where the listing should be),
// browser (Chromium for a fetch: browser site would not start).
//
// On a resumed run (WithFrontier), ListingsSkipped counts listing pages
// the frontier had finished, SearchSkipped search pages it had done (not
// fetched), SearchRefetched search pages fetched again because some of
// their listings were not finished.
type Stats struct {
	Pages    int
	Listings int
	Photos   int
	// PhotosSkipped counts listing photos not fetched because the
	// listing's photos were not wanted (WithPhotosWanted).
	PhotosSkipped int
	// PhotosKnown counts fetched photos not decoded because their bytes'
	// hashes were known from an earlier scan (WithKnownHashes).
	PhotosKnown int
	Retries     int
	Errors      map[string]int
	Bytes       int64

	ListingsSkipped int
	SearchSkipped   int
	SearchRefetched int

	// Blocked counts the pages that were block pages (a captcha, a login
	// wall, a rule's blocked sign, a run of 403 or 429 answers); the
	// crawler's Blocks says why, over all its runs.
	Blocked int
}

// Option configures a Crawler.
type Option func(*Crawler)

// WithLogger sets the logger (default: discard).
func WithLogger(l *slog.Logger) Option { return func(c *Crawler) { c.logger = l } }

// WithThrottled has the crawler call fn when the site answers a fetch
// with 429, or with a 5xx and a Retry-After, with how long the crawler
// waits before asking it again (its Retry-After, capped, or the
// backoff): the workers of a distributed scan share it, so that they all
// back off. fn must return quickly.
func WithThrottled(fn func(wait time.Duration)) Option {
	return func(c *Crawler) { c.onThrottle = fn }
}

// WithBaseURL replaces the site's base_url (the --base-url flag).
func WithBaseURL(u string) Option { return func(c *Crawler) { c.baseURL = u } }

// WithMaxPages caps search result pages per query, overriding the rule.
func WithMaxPages(n int) Option { return func(c *Crawler) { c.maxPages = n } }

// WithFrontier enables resume: listing URLs the frontier has seen are not
// fetched, and each emitted listing is marked.
func WithFrontier(f Frontier) Option { return func(c *Crawler) { c.frontier = f } }

// WithTransport sets the HTTP transport (tests, sharing connections
// between crawlers). An *http.Transport is cloned and given the crawler's
// dialer, which refuses loopback, private, link-local and cloud metadata
// addresses the site is not on, and its proxy is dropped (a proxy would
// resolve names where the dialer cannot check them). Any other
// RoundTripper is used as it is: every request is still checked against
// the site's origins and photo_hosts, but the addresses it connects to are
// its own business.
func WithTransport(rt http.RoundTripper) Option { return func(c *Crawler) { c.transport = rt } }

// WithPoliteness(true) turns off per-domain delays and the parallelism
// limit, for benchmarks against local servers. robots.txt is still obeyed
// when the rule says so.
func WithPoliteness(off bool) Option { return func(c *Crawler) { c.politenessOff = off } }

// WithProgress sets a function called with a Stats snapshot after each
// search page and each emitted listing. It must return quickly.
func WithProgress(f func(Stats)) Option { return func(c *Crawler) { c.progress = f } }

// WithUserAgent sets the User-Agent sent when the site rule names none
// (a rule's politeness.user_agent wins): cmd gives
// DefaultUserAgent(version). Empty keeps the default,
// DefaultUserAgent("dev").
func WithUserAgent(ua string) Option { return func(c *Crawler) { c.agent = strings.TrimSpace(ua) } }

// DefaultUserAgent is the descriptive User-Agent of a shadowscan of the
// given version: it says what is crawling and where to read about it.
func DefaultUserAgent(version string) string {
	return "shadowscan/" + version + " (+https://github.com/shadowscan/shadowscan; brand-protection crawler)"
}

// WithFailureNotice calls f when n fetch attempts in a row have failed,
// with n and the last failure, and again only after a fetch has succeeded
// and n more have failed. A site that cannot be reached (a wrong
// --base-url, a site that blocks the crawler) then says so at once instead
// of after every retry of every query. Refusals by policy (robots.txt,
// offsite links) do not count.
func WithFailureNotice(n int, f func(n int, err error)) Option {
	return func(c *Crawler) { c.streak = &failStreak{limit: max(n, 1), notify: f} }
}

// WithPhotosWanted sets which listings' photos are fetched and hashed:
// those for which want returns true (default: every listing's). The
// photos of another listing keep their URLs, unhashed, unless the crawler
// already fetched the same photo URL for an earlier listing: a result at
// hand costs nothing, so it is used. Photos are most of a scan's work on
// a fast site (decoding and hashing them); a scan hashes only the photos
// that can change a verdict. want is called from the crawl's goroutines.
func WithPhotosWanted(want func(*shadowscan.Listing) bool) Option {
	return func(c *Crawler) { c.photosWanted = want }
}

// WithKnownHashes gives the crawler the hashes of photos hashed before,
// by the SHA-256 of their bytes (lower-case hex; ok false when unknown):
// a photo whose bytes it knows is fetched (its capture is the evidence of
// this sighting) but not decoded again. The store keeps them
// (store.DB.KnownPhotoHashes), for the listings a brand's scans see day
// after day. known is called from the crawl's goroutines; an error is
// logged and the photo decoded.
func WithKnownHashes(known func(ctx context.Context, sha256 string) (photo.Hashes, bool, error)) Option {
	return func(c *Crawler) { c.knownHashes = known }
}

// WithConcurrentSink tells Run that its sink is safe for concurrent use:
// each listing is handed over by the goroutine that fetched it, as soon as
// it is ready, rather than one at a time. A scan's sink matches the
// listing and queues it for the store, both safe for concurrent use; one
// at a time, the listings in flight queue behind whichever is being
// matched.
func WithConcurrentSink() Option { return func(c *Crawler) { c.concurrentSink = true } }

// WithClock sets the clock used for FetchedAt (default time.Now).
func WithClock(now func() time.Time) Option { return func(c *Crawler) { c.now = now } }

// Crawler fetches one site's search results and listings. It is safe for
// sequential use; Run, Revisit and FetchListing may also run concurrently,
// each with its own robots.txt cache and duplicate set. They share the
// crawler's transport (its open connections) and its photo cache.
type Crawler struct {
	site          *rules.Site
	baseURL       string
	base          *url.URL
	logger        *slog.Logger
	maxPages      int
	frontier      Frontier
	transport     http.RoundTripper
	politenessOff bool
	progress      func(Stats)
	now           func() time.Time
	agent         string      // User-Agent when the rule names none
	streak        *failStreak // nil without WithFailureNotice
	// sessionCookies are WithSession's; jar holds them during runs.
	sessionCookies []shadowscan.Cookie
	// proxies are WithProxies'; nil: the rule's.
	proxies []string
	jar     *sessionJar
	// blocks pauses and stops the site's page fetches when it answers
	// with block pages; shared by every run.
	blocks *blockWatch

	// onThrottle is WithThrottled's.
	onThrottle func(time.Duration)

	// Retry tuning; tests shorten them.
	backoffBase   time.Duration
	backoffMax    time.Duration
	retryAfterMax time.Duration
	// blockPause, when above 0, replaces the rule's block_backoff.
	blockPause time.Duration
	// photoCacheBudget is defaultPhotoCacheBytes; tests lower it.
	photoCacheBudget int64
	// workers, when above 0, replaces InFlight: tests that need listings
	// in search order set 1.
	workers int
	// photos remembers the photos this crawler fetched, for every run:
	// a scan fetches each distinct photo URL of a site once, in its
	// search crawl and its revisits alike.
	photos *photoCache
	// photosWanted picks the listings whose photos are fetched; nil
	// wants all (WithPhotosWanted).
	photosWanted func(*shadowscan.Listing) bool
	// hashBytes decodes and hashes a photo: photo.HashBytes; tests
	// count the calls.
	hashBytes func([]byte, photo.Limits) (photo.Hashes, error)
	// hashSem bounds the photos decoded at once, across runs.
	hashSem chan struct{}
	// concurrentSink lets Run call its sink concurrently.
	concurrentSink bool
	// knownHashes looks up photos hashed in earlier scans; nil knows
	// none (WithKnownHashes).
	knownHashes func(ctx context.Context, sha256 string) (photo.Hashes, bool, error)

	// browser loads the pages of a fetch: browser site; nil otherwise.
	browser        *browser
	browserPath    string
	browserStarted func(pid int)

	// policy is where the site may be fetched from.
	policy *policy
	// lookup resolves host names and dial connects for the dialer; tests
	// replace them.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
}

// New returns a crawler for site. It fails with EINVALID when the site has
// no usable base URL, search URL template or listing_links selector.
func New(site *rules.Site, opts ...Option) (*Crawler, error) {
	if site == nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "crawler: no site rules")
	}
	c := &Crawler{
		site:          site,
		baseURL:       site.BaseURL,
		logger:        slog.New(slog.DiscardHandler),
		now:           time.Now,
		backoffBase:   500 * time.Millisecond,
		backoffMax:    30 * time.Second,
		retryAfterMax: 60 * time.Second,

		photoCacheBudget: defaultPhotoCacheBytes,
		hashBytes:        photo.HashBytes,
	}
	for _, o := range opts {
		o(c)
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.agent == "" {
		c.agent = DefaultUserAgent("dev")
	}
	if len(c.agent) > maxUserAgent || strings.IndexFunc(c.agent, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "crawler: user agent %q is over %d bytes or holds control characters", c.agent, maxUserAgent)
	}
	where := site.File
	if where == "" {
		where = "site " + site.Name
	}
	u, err := url.Parse(strings.TrimRight(c.baseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &shadowscan.FieldError{File: where, Field: "base_url",
			Msg: fmt.Sprintf("%q is not an absolute http(s) url", c.baseURL), Accepted: "e.g. http://127.0.0.1:8931 or https://shop.example.com"}
	}
	c.base = u
	c.policy = newPolicy(site.Name, u, site.PhotoHosts)
	if c.lookup == nil {
		c.lookup = lookupNetIP
	}
	c.hashSem = make(chan struct{}, max(runtime.GOMAXPROCS(0), 1))
	c.initSiteState(u)
	c.photos = newPhotoCache()
	switch t, ok := c.transport.(*http.Transport); {
	case c.transport == nil:
		// One transport for every run of the crawler, and so one set of
		// open connections: a scan's search crawl and its revisits reuse
		// them.
		own := c.guardTransport(http.DefaultTransport.(*http.Transport))
		own.MaxIdleConnsPerHost = max(c.parallelism()*2, 4)
		own.ResponseHeaderTimeout = cmp.Or(max(site.Politeness.Timeout, 0), defaultTimeout)
		c.transport = own
	case ok:
		c.transport = c.guardTransport(t)
	}
	if err := c.useFetchers(); err != nil {
		return nil, err
	}
	if site.Search.URL == "" || !strings.Contains(site.Search.URL, "{query}") {
		return nil, &shadowscan.FieldError{File: where, Field: "search.url",
			Msg: fmt.Sprintf("%q has no {query}", site.Search.URL), Accepted: `a template with {base}, {query} and optionally {page}, e.g. "{base}/search?q={query}&page={page}"`}
	}
	if site.Search.ListingLinks == nil && site.Search.Listings == nil {
		return nil, &shadowscan.FieldError{File: where, Field: "search.listing_links",
			Msg: "is missing", Accepted: `a selector for listing links, e.g. "div.result a.title@href"`}
	}
	if c.maxPages <= 0 {
		c.maxPages = site.Search.MaxPages
	}
	if c.maxPages <= 0 {
		c.maxPages = defaultMaxPages
	}
	return c, nil
}

// guardTransport returns a clone of t that dials through the crawler's
// address checks and connects directly, without a proxy.
func (c *Crawler) guardTransport(t *http.Transport) *http.Transport {
	g := t.Clone()
	g.Proxy = nil
	inner := c.dial
	if inner == nil {
		switch {
		case t.DialContext != nil:
			inner = t.DialContext
		default:
			nd := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
			inner = nd.DialContext
		}
	}
	d := &dialer{policy: c.policy, lookup: c.lookup, dial: inner}
	g.DialContext = d.DialContext // takes priority over a deprecated Dial
	if t.DialTLSContext != nil {
		g.DialTLSContext = (&dialer{policy: c.policy, lookup: c.lookup, dial: t.DialTLSContext}).DialContext
	}
	//lint:ignore SA1019 a deprecated DialTLS left set would dial https around the checks
	g.DialTLS = nil
	return g
}

// CloseIdleConnections closes the idle connections of the crawler's
// transport: its own, or the one it made from an *http.Transport given
// to WithTransport (the given one is not used, so closing its connections
// closes none of these), and stops the browser of a fetch: browser site.
// Call it when done with the crawler.
func (c *Crawler) CloseIdleConnections() {
	if c.browser != nil {
		c.browser.close()
	}
	if t, ok := c.transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

// userAgent is the descriptive User-Agent, or the rule's override.
func (c *Crawler) userAgent() string {
	if ua := strings.TrimSpace(c.site.Politeness.UserAgent); ua != "" {
		return ua
	}
	return c.agent
}

// counter is the mutable side of Stats.
type counter struct {
	mu sync.Mutex
	s  Stats
}

func (c *counter) add(f func(*Stats)) {
	c.mu.Lock()
	f(&c.s)
	c.mu.Unlock()
}

func (c *counter) addError(kind string) {
	c.add(func(s *Stats) {
		if s.Errors == nil {
			s.Errors = make(map[string]int)
		}
		s.Errors[kind]++
	})
}

func (c *counter) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.s
	out.Errors = maps.Clone(c.s.Errors)
	if out.Errors == nil {
		out.Errors = map[string]int{}
	}
	return out
}

// failStreak counts fetch attempts that failed in a row for
// WithFailureNotice. It is shared by every run of a crawler.
type failStreak struct {
	limit  int
	notify func(int, error)

	mu       sync.Mutex
	n        int
	notified bool
}

// record counts one attempt: err nil for a success.
func (s *failStreak) record(err *fetchError) {
	if s == nil {
		return
	}
	s.mu.Lock()
	if err == nil {
		s.n, s.notified = 0, false
		s.mu.Unlock()
		return
	}
	switch err.Kind {
	case "robots", "offsite", "duplicate", "trap":
		s.mu.Unlock()
		return
	}
	s.n++
	fire := s.n >= s.limit && !s.notified
	if fire {
		s.notified = true
	}
	n := s.n
	s.mu.Unlock()
	if fire && s.notify != nil {
		s.notify(n, err)
	}
}

// initSiteState sets up what every run of the crawler shares about the
// site: its block watch and its session jar.
func (c *Crawler) initSiteState(base *url.URL) {
	c.blocks = newBlockWatch(c.site.Politeness)
	if c.blockPause > 0 {
		c.blocks.base = c.blockPause
	}
	if c.sessionCookies != nil {
		c.jar = newSessionJar(base, c.sessionCookies, c.now)
	}
}
