package rules

import (
	"regexp"
	"time"

	"github.com/andybalholm/cascadia"
)

// Site is one marketplace's rules (SPEC "Site rules").
type Site struct {
	// Name is the site's key, e.g. demo-market.
	Name string `json:"name"`
	// BaseURL is the marketplace's origin, e.g. http://127.0.0.1:8931;
	// --base-url overrides it.
	BaseURL string `json:"base_url"`
	// Search says how to page through search results.
	Search Search `json:"search"`
	// Listing says how to extract a listing page's fields. A nil selector
	// means the field comes from the schema.org / OpenGraph fallback.
	Listing ListingRules `json:"listing"`
	// Politeness bounds how hard the crawler may press the site.
	Politeness Politeness `json:"politeness"`
	// PhotoHosts are the hosts besides the site's own origins that listing
	// photos may be fetched from (CDNs), lower case, each "host" (ports 80
	// and 443), "host:port", or "*.domain" / "*.domain:port" for any
	// subdomain of domain. IPv6 literals are bracketed: "[2001:db8::1]:8443".
	// Pages are only ever fetched from the site's own origins.
	PhotoHosts []string `json:"photo_hosts,omitempty"`
	// Fetch is FetchBrowser to load pages in headless Chromium, or "" for
	// a plain HTTP client (a rule's "http" is stored as "").
	Fetch string `json:"fetch,omitempty"`
	// WaitTimeout, with FetchBrowser, is how long a wait_for selector is
	// waited for (DefaultWaitTimeout when the rule says nothing).
	WaitTimeout time.Duration `json:"-"`
	// Blocked are the signs of the site's block pages (captcha, login
	// wall, rate-limit notice) besides the built-in ones: a page that
	// shows one is never read as a listing nor as a listing gone.
	Blocked []BlockSign `json:"blocked,omitempty"`
	// Proxies are the HTTP or SOCKS5 proxies the site's requests go
	// through, one after the other per request (ParseProxy checked each).
	// They are not part of the rule's digest: a scan resumed through
	// other proxies scans the same site.
	Proxies []string `json:"-"`
	// File is where the rule came from ("embedded:demo-market.yaml" or a
	// path) for error messages and `sites list`.
	File string `json:"file"`
}

// Search describes search-result pages.
type Search struct {
	// URL is a template with {base}, {query} (URL-escaped) and {page}.
	URL string `json:"url"`
	// MaxPages caps the result pages fetched per query.
	MaxPages int `json:"max_pages"`
	// ListingLinks selects the listing links on a result page.
	ListingLinks *Selector `json:"listing_links"`
	// NextPage selects the next-page link; nil means {page} is counted up
	// until a page has no listing links. With NextURL set, what it selects
	// is a cursor rather than a link.
	NextPage *Selector `json:"next_page,omitempty"`
	// Format is how result pages are read: FormatJSON (gjson paths), or
	// "" for HTML (CSS selectors; a rule's "html" is stored as "").
	Format string `json:"format,omitempty"`
	// Listings, with FormatJSON only, selects the listing objects a result
	// page carries inline; each is read with the listing rules (which must
	// then be FormatJSON too) and no listing page is fetched.
	Listings *Selector `json:"listings,omitempty"`
	// NextURL, when set, is a URL template with {cursor} (the value
	// NextPage selected, URL-escaped) and optionally {base}, {query} and
	// {page}: how a JSON API that pages by cursor is asked for more.
	NextURL string `json:"next_url,omitempty"`
	// WaitFor, with FetchBrowser, is a CSS selector a result page is
	// waited for (until Site.WaitTimeout) before it is read.
	WaitFor string `json:"wait_for,omitempty"`
	// Scroll, with FetchBrowser, is how many times a result page is
	// scrolled to its end to load more of an endless list (at most
	// MaxScroll); scrolling stops early when the page stops growing.
	Scroll int `json:"scroll,omitempty"`
}

// Rule formats: how a response is read.
const (
	// FormatHTML reads pages with CSS selectors and the schema.org fallbacks.
	FormatHTML = "html"
	// FormatJSON reads JSON responses with gjson paths.
	FormatJSON = "json"
)

// JSON reports whether result pages are read as JSON.
func (s *Search) JSON() bool { return s.Format == FormatJSON }

// JSON reports whether listings are read as JSON.
func (l *ListingRules) JSON() bool { return l.Format == FormatJSON }

// ListingRules holds one optional selector per listing field.
type ListingRules struct {
	// Format is FormatJSON or "" for HTML; see Search.Format.
	Format string `json:"format,omitempty"`
	// URL, with FormatJSON only, selects the listing's own address (the
	// page an analyst opens); without it a listing's URL is the one fetched.
	URL   *Selector `json:"url,omitempty"`
	ID    *Selector `json:"id,omitempty"`
	Title *Selector `json:"title,omitempty"`
	Price *Selector `json:"price,omitempty"`
	// CurrencyCode is set when the rule gives a literal ISO 4217 code;
	// otherwise Currency is a selector (or nil for the fallback).
	CurrencyCode string    `json:"currency_code,omitempty"`
	Currency     *Selector `json:"currency,omitempty"`
	SellerID     *Selector `json:"seller_id,omitempty"`
	SellerName   *Selector `json:"seller_name,omitempty"`
	Images       *Selector `json:"images,omitempty"`
	Description  *Selector `json:"description,omitempty"`
	// ShipFrom selects where the listing ships from (发货地), when the
	// page shows it: an authorised seller shipping from outside its
	// region is diverting stock (matcher/region.go).
	ShipFrom *Selector `json:"ship_from,omitempty"`
	// Removed, when it matches anything, marks the listing as taken down.
	Removed *Selector `json:"removed,omitempty"`
	// WaitFor, with FetchBrowser, is a CSS selector a listing page is
	// waited for (until Site.WaitTimeout) before it is read.
	WaitFor string `json:"wait_for,omitempty"`
}

// Politeness is the per-site crawl discipline.
type Politeness struct {
	Parallelism      int           `json:"parallelism"`
	Delay            time.Duration `json:"-"`
	RandomDelay      time.Duration `json:"-"`
	RespectRobotsTxt bool          `json:"respect_robots_txt"`
	Timeout          time.Duration `json:"-"`
	Retries          int           `json:"retries"`
	// MaxBodyBytes caps a response body (default 5 MB).
	MaxBodyBytes int64 `json:"max_body_bytes"`
	// MaxImageBytes and MaxImagePixels cap a listing photo.
	MaxImageBytes  int64 `json:"max_image_bytes"`
	MaxImagePixels int64 `json:"max_image_pixels"`
	// UserAgent overrides the default descriptive User-Agent.
	UserAgent string `json:"user_agent,omitempty"`
	// BlockBackoff is the pause after a blocked page, doubled for each
	// blocked page in a row (0: DefaultBlockBackoff, at most 10m); BlockLimit
	// is how many blocked pages in a row stop the site's crawl (0:
	// DefaultBlockLimit).
	BlockBackoff time.Duration `json:"block_backoff,omitempty"`
	BlockLimit   int           `json:"block_limit,omitempty"`
}

// Selector is a parsed selector expression: `CSS` (the element's text),
// `CSS@attr` (an attribute), optionally followed by `| re:REGEX` (the first
// capture group, or the whole match when the regex has no group). In a
// rule of format json it is a gjson path instead of CSS and attribute.
type Selector struct {
	// Raw is the expression as written.
	Raw string
	// CSS is the CSS selector part; empty for a JSON path.
	CSS string
	// Path is the gjson path of a JSON selector; empty for CSS.
	Path string
	// Attr is the attribute to read; empty means the element's text.
	Attr string
	// Re, when not nil, is applied to the extracted value.
	Re *regexp.Regexp
	// match is CSS compiled, once, by ParseSelector (Matcher).
	match cascadia.Selector
}

// String returns the expression as written.
func (s *Selector) String() string {
	if s == nil {
		return ""
	}
	return s.Raw
}
