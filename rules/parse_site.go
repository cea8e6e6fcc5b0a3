package rules

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
)

// Site rule defaults and bounds (SPEC "Site rules").
const (
	DefaultMaxPages       = 10
	DefaultParallelism    = 4
	DefaultDelay          = 250 * time.Millisecond
	DefaultTimeout        = 15 * time.Second
	DefaultRetries        = 3
	DefaultMaxBodyBytes   = 5 << 20
	DefaultMaxImageBytes  = 5 << 20
	DefaultMaxImagePixels = 40_000_000

	maxMaxPages    = 1000
	maxParallelism = 64
	maxRetries     = 10
	maxDelay       = 10 * time.Minute
	maxTimeout     = 10 * time.Minute
	maxUserAgent   = 256
)

// siteName is what a site (and any rule) name may look like.
var siteName = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$`)

const siteNameAccepted = "lower-case letters, digits and '-', starting and ending with a letter or digit, at most 64 characters, e.g. demo-market"

// placeholder finds {word} templates in a search URL.
var placeholder = regexp.MustCompile(`\{[A-Za-z_]*\}`)

var (
	siteKeys       = []string{"kind", "name", "base_url", "format", "fetch", "wait_timeout", "search", "listing", "politeness", "photo_hosts", "blocked", "proxies"}
	searchKeys     = []string{"format", "url", "max_pages", "listing_links", "listings", "next_page", "next_url", "wait_for", "scroll"}
	listingKeys    = []string{"format", "url", "id", "title", "price", "currency", "seller_id", "seller_name", "images", "description", "ship_from", "removed", "wait_for"}
	politenessKeys = []string{"parallelism", "delay", "random_delay", "respect_robots_txt", "timeout", "retries", "max_body_bytes", "max_image_bytes", "max_image_pixels", "user_agent", "block_backoff", "block_limit"}
)

// defaultPoliteness is the politeness a rule gets for every key it leaves out.
func defaultPoliteness() Politeness {
	return Politeness{
		Parallelism:      DefaultParallelism,
		Delay:            DefaultDelay,
		RespectRobotsTxt: true,
		Timeout:          DefaultTimeout,
		Retries:          DefaultRetries,
		MaxBodyBytes:     DefaultMaxBodyBytes,
		MaxImageBytes:    DefaultMaxImageBytes,
		MaxImagePixels:   DefaultMaxImagePixels,
	}
}

// ParseSite parses one site rule file (SPEC "Site rules"). file names the
// source in errors and becomes Site.File. Unknown keys, missing required
// keys and invalid values are all reported, as shadowscan.FieldErrors whose
// elements carry the file, line, dotted field (e.g. search.listing_links)
// and what would be accepted. Keys left out get the SPEC defaults.
func ParseSite(file string, data []byte) (*Site, error) {
	d := newDecoder(file)
	root := d.parseDocument(data)
	if root == nil {
		if len(d.errs) == 0 {
			d.fail(0, "", "a site rule with at least name, base_url and search", "file is empty")
		}
		return nil, d.err()
	}
	s := &Site{
		File:       file,
		Search:     Search{MaxPages: DefaultMaxPages},
		Politeness: defaultPoliteness(),
	}
	var haveName, haveBase, haveSearch bool
	format := d.format(root, "format", "")
	s.Fetch, s.WaitTimeout = d.browserKeys(root) // before the blocks, as format: they decide which keys blocks may hold
	for _, p := range d.mapping(root, "", siteKeys) {
		switch p.key {
		case "kind":
			if v, ok := d.str(p.value, p.path, "site"); ok && v != "site" {
				d.fail(p.line, p.path, "site (or leave kind out)", "is %q, but this file is read as a site rule", clip(v))
			}
		case "name":
			haveName = true
			if v, ok := d.str(p.value, p.path, siteNameAccepted); ok {
				if !siteName.MatchString(v) {
					d.fail(p.value.Line, p.path, siteNameAccepted, "%q is not a valid name", clip(v))
				} else {
					s.Name = v
				}
			}
		case "base_url":
			haveBase = true
			const accepted = "an absolute http or https URL, e.g. https://shop.example.com"
			if v, ok := d.str(p.value, p.path, accepted); ok {
				if u, err := normalizeBaseURL(v); err != nil {
					d.fail(p.value.Line, p.path, accepted, "%v", err)
				} else {
					s.BaseURL = u
				}
			}
		case "search":
			haveSearch = true
			d.parseSearch(p, &s.Search, format)
		case "listing":
			d.parseListing(p, &s.Listing, format)
		case "politeness":
			d.parsePoliteness(p, &s.Politeness)
		case "photo_hosts":
			s.PhotoHosts = d.parsePhotoHosts(p)
		case "blocked", "proxies":
			d.parseAccess(p, s)
		}
	}
	for _, req := range []struct {
		have bool
		key  string
		acc  string
	}{
		{haveName, "name", siteNameAccepted},
		{haveBase, "base_url", "an absolute http or https URL"},
		{haveSearch, "search", "a mapping with url and listing_links"},
	} {
		if !req.have {
			d.fail(d.root, req.key, req.acc, "is required")
		}
	}
	if s.Listing.Format == "" {
		s.Listing.Format = format
	}
	if s.Search.Listings != nil && !s.Listing.JSON() {
		d.fail(d.root, "search.listings", "format: json at the top of the file or in listing", "reads listing objects inline, so the listing rules must be json too")
	}
	d.checkBrowser(s)
	if err := d.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// parseSearch reads the search block.
func (d *decoder) parseSearch(p pair, s *Search, format string) {
	var haveURL, haveLinks bool
	s.Format = d.format(p.value, p.path+".format", format)
	for _, q := range d.mapping(p.value, p.path, searchKeys) {
		switch q.key {
		case "format":
		case "wait_for":
			s.WaitFor = d.waitFor(q)
		case "scroll":
			s.Scroll = d.parseScroll(q)
		case "listings":
			if !s.JSON() {
				d.fail(q.line, q.path, "listing_links (or format: json, where listings selects inline listing objects)", "is read only with format: json")
				continue
			}
			haveLinks = true
			s.Listings = d.selector(q, s.Format)
		case "next_url":
			const accepted = "a URL template with {cursor} (the value next_page selects) and optionally {base}, {query} and {page}, e.g. {base}/api/search?q={query}&cursor={cursor}"
			v, ok := d.str(q.value, q.path, accepted)
			if !ok {
				continue
			}
			if err := checkNextURL(v); err != nil {
				d.fail(q.value.Line, q.path, accepted, "%v", err)
				continue
			}
			s.NextURL = v
		case "url":
			haveURL = true
			const accepted = "a URL template with {query} (URL-escaped) and optionally {base} and {page}, starting with {base} or http(s)://, e.g. {base}/search?q={query}&page={page}"
			v, ok := d.str(q.value, q.path, accepted)
			if !ok {
				continue
			}
			if err := checkSearchURL(v); err != nil {
				d.fail(q.value.Line, q.path, accepted, "%v", err)
				continue
			}
			s.URL = v
		case "max_pages":
			if v, ok := d.integer(q.value, q.path, 1, maxMaxPages); ok {
				s.MaxPages = int(v)
			}
		case "listing_links":
			haveLinks = true
			s.ListingLinks = d.selector(q, s.Format)
		case "next_page":
			if isNull(q.value) {
				continue
			}
			s.NextPage = d.selector(q, s.Format)
		}
	}
	if p.value.Kind == yaml.MappingNode {
		if !haveURL {
			d.fail(p.value.Line, p.path+".url", "a URL template such as {base}/search?q={query}&page={page}", "is required")
		}
		if !haveLinks {
			d.fail(p.value.Line, p.path+".listing_links", acceptedFor(s.Format), "is required (with format: json, listing_links or listings)")
		}
		if s.NextURL != "" && s.NextPage == nil {
			d.fail(p.value.Line, p.path+".next_page", acceptedFor(s.Format), "is required with next_url: it selects the cursor")
		}
	}
}

// parseListing reads the listing block; every field is optional.
func (d *decoder) parseListing(p pair, l *ListingRules, format string) {
	if isNull(p.value) {
		return
	}
	l.Format = d.format(p.value, p.path+".format", format)
	f := l.Format
	for _, q := range d.mapping(p.value, p.path, listingKeys) {
		if isNull(q.value) {
			continue // explicitly left to the schema.org fallback
		}
		switch q.key {
		case "format":
		case "url":
			if !l.JSON() {
				d.fail(q.line, q.path, "format: json (an HTML page's URL comes from the fetch and its canonical link)", "is read only with format: json")
				continue
			}
			l.URL = d.selector(q, f)
		case "id":
			l.ID = d.selector(q, f)
		case "title":
			l.Title = d.selector(q, f)
		case "price":
			l.Price = d.selector(q, f)
		case "currency":
			d.currency(q, l)
		case "seller_id":
			l.SellerID = d.selector(q, f)
		case "seller_name":
			l.SellerName = d.selector(q, f)
		case "images":
			l.Images = d.selector(q, f)
		case "description":
			l.Description = d.selector(q, f)
		case "ship_from":
			l.ShipFrom = d.selector(q, f)
		case "removed":
			l.Removed = d.selector(q, f)
		case "wait_for":
			l.WaitFor = d.waitFor(q)
		}
	}
}

// format reads the format key of mapping n (a site, search or listing
// block) before the block's selectors, which it decides how to parse;
// inherit is the format when the key is absent.
func (d *decoder) format(n *yaml.Node, path, inherit string) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return inherit
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind != yaml.ScalarNode || k.Value != "format" {
			continue
		}
		const accepted = "html (CSS selectors, the default) or json (gjson paths)"
		v, ok := d.str(d.resolve(n.Content[i+1]), path, accepted)
		if !ok {
			return inherit
		}
		switch v {
		case FormatHTML:
			return "" // the zero value: digests of existing rules stay as they were
		case FormatJSON:
			return v
		}
		d.fail(n.Content[i+1].Line, path, accepted, "%q is not a format", clip(v))
		return inherit
	}
	return inherit
}

// acceptedFor is what a selector of format f may look like.
func acceptedFor(f string) string {
	if f == FormatJSON {
		return jsonSelectorAccepted
	}
	return selectorAccepted
}

// literalCode looks like an ISO 4217 code rather than a CSS selector.
var literalCode = regexp.MustCompile(`^[A-Z]{3}$`)

// currency reads listing.currency: a literal ISO 4217 code or a selector.
func (d *decoder) currency(q pair, l *ListingRules) {
	v, ok := d.str(q.value, q.path, "an ISO 4217 code such as CNY, or a selector")
	if !ok {
		return
	}
	if literalCode.MatchString(v) {
		if !shadowscan.ValidCurrency(v) {
			d.fail(q.value.Line, q.path, "a known ISO 4217 code such as CNY, USD or EUR, or a selector such as span.currency", "%q is not a known currency code", v)
			return
		}
		l.CurrencyCode = v
		return
	}
	l.Currency = d.selector(q, l.Format)
}

// selector reads a selector expression of format f: CSS for html, a gjson
// path for json.
func (d *decoder) selector(q pair, f string) *Selector {
	v, ok := d.str(q.value, q.path, acceptedFor(f))
	if !ok {
		return nil
	}
	parse := ParseSelector
	if f == FormatJSON {
		parse = ParseJSONSelector
	}
	sel, err := parse(v)
	if err != nil {
		d.failErr(q.value.Line, q.path, err)
		return nil
	}
	return sel
}

// parsePoliteness reads the politeness block over the defaults.
func (d *decoder) parsePoliteness(p pair, pol *Politeness) {
	if isNull(p.value) {
		return
	}
	for _, q := range d.mapping(p.value, p.path, politenessKeys) {
		if d.parseBlockPoliteness(q, pol) {
			continue
		}
		switch q.key {
		case "parallelism":
			if v, ok := d.integer(q.value, q.path, 1, maxParallelism); ok {
				pol.Parallelism = int(v)
			}
		case "delay":
			if v, ok := d.duration(q.value, q.path, maxDelay); ok {
				pol.Delay = v
			}
		case "random_delay":
			if v, ok := d.duration(q.value, q.path, maxDelay); ok {
				pol.RandomDelay = v
			}
		case "respect_robots_txt":
			if v, ok := d.boolean(q.value, q.path); ok {
				pol.RespectRobotsTxt = v
			}
		case "timeout":
			if v, ok := d.duration(q.value, q.path, maxTimeout); ok {
				if v == 0 {
					d.fail(q.value.Line, q.path, "a duration above zero such as 15s", "must be above zero")
					continue
				}
				pol.Timeout = v
			}
		case "retries":
			if v, ok := d.integer(q.value, q.path, 0, maxRetries); ok {
				pol.Retries = int(v)
			}
		case "max_body_bytes":
			if v, ok := d.byteSize(q.value, q.path, 1<<10, 1<<30); ok {
				pol.MaxBodyBytes = v
			}
		case "max_image_bytes":
			if v, ok := d.byteSize(q.value, q.path, 1<<10, 1<<30); ok {
				pol.MaxImageBytes = v
			}
		case "max_image_pixels":
			if v, ok := d.integer(q.value, q.path, 1, 1_000_000_000); ok {
				pol.MaxImagePixels = v
			}
		case "user_agent":
			const accepted = "one line of printable text, at most 256 bytes"
			v, ok := d.str(q.value, q.path, accepted)
			if !ok {
				continue
			}
			if len(v) > maxUserAgent || strings.IndexFunc(v, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
				d.fail(q.value.Line, q.path, accepted, "is too long or holds control characters")
				continue
			}
			pol.UserAgent = v
		}
	}
}

// normalizeBaseURL checks that s is an absolute http(s) URL without query
// or fragment and drops a trailing slash, so "{base}/search" joins cleanly.
func normalizeBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL", clip(s))
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%q is not an http or https URL", clip(s))
	case u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("%q has no host", clip(s))
	case u.User != nil:
		return "", fmt.Errorf("%q carries credentials; keep them out of rule files", clip(s))
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return "", fmt.Errorf("%q has a query or fragment; put those in search.url", clip(s))
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("%q has an invalid port", clip(s))
		}
	}
	return strings.TrimRight(s, "/"), nil
}

// checkSearchURL validates a search URL template.
func checkSearchURL(t string) error {
	if !strings.Contains(t, "{query}") {
		return fmt.Errorf("%q has no {query}", clip(t))
	}
	for _, ph := range placeholder.FindAllString(t, -1) {
		switch ph {
		case "{base}", "{query}", "{page}":
		default:
			return fmt.Errorf("%q has unknown placeholder %s", clip(t), ph)
		}
	}
	rest, ok := strings.CutPrefix(t, "{base}")
	if ok {
		if strings.Contains(rest, "{base}") {
			return fmt.Errorf("%q uses {base} more than once", clip(t))
		}
		if rest != "" && rest[0] != '/' && rest[0] != '?' {
			return fmt.Errorf("%q must continue {base} with / or ?", clip(t))
		}
		return nil
	}
	if strings.Contains(t, "{base}") {
		return fmt.Errorf("%q must start with {base} when it uses it", clip(t))
	}
	probe := strings.NewReplacer("{query}", "q", "{page}", "1").Replace(t)
	u, err := url.Parse(probe)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q starts with neither {base} nor an http(s) URL", clip(t))
	}
	return nil
}

// checkNextURL validates a search.next_url template: it is a search URL
// template with {cursor} in place of {query}'s requirement.
func checkNextURL(t string) error {
	if !strings.Contains(t, "{cursor}") {
		return fmt.Errorf("%q has no {cursor}", clip(t))
	}
	probe := strings.ReplaceAll(t, "{cursor}", "c")
	if !strings.Contains(probe, "{query}") {
		probe += "#{query}" // the query is optional here: a cursor often carries it
	}
	return checkSearchURL(probe)
}

// NextURLFor returns the URL that asks for the results after cursor: the
// NextURL template with {cursor} (URL-escaped), {base}, {query} and {page}
// (the page number that URL will fetch) filled in.
func (s *Site) NextURLFor(base, query, cursor string, page int) string {
	if base == "" {
		base = s.BaseURL
	}
	return strings.NewReplacer(
		"{base}", strings.TrimRight(base, "/"),
		"{query}", url.QueryEscape(query),
		"{cursor}", url.QueryEscape(cursor),
		"{page}", strconv.Itoa(page),
	).Replace(s.Search.NextURL)
}

// SearchURL returns the search-results URL for query and page: the
// template's {base} becomes base (s.BaseURL when base is empty, a trailing
// slash dropped), {query} the query escaped with url.QueryEscape (spaces as
// '+', UTF-8 percent-encoded) and {page} the page number.
func (s *Site) SearchURL(base, query string, page int) string {
	if base == "" {
		base = s.BaseURL
	}
	return strings.NewReplacer(
		"{base}", strings.TrimRight(base, "/"),
		"{query}", url.QueryEscape(query),
		"{page}", strconv.Itoa(page),
	).Replace(s.Search.URL)
}

// WithBaseURL returns a copy of s whose BaseURL is u (the --base-url flag).
// u must be an absolute http(s) URL; the error is a *shadowscan.FieldError
// for field base_url.
func (s *Site) WithBaseURL(u string) (*Site, error) {
	norm, err := normalizeBaseURL(strings.TrimSpace(u))
	if err != nil {
		return nil, &shadowscan.FieldError{
			Field:    "base_url",
			Msg:      err.Error(),
			Accepted: "an absolute http or https URL, e.g. http://127.0.0.1:8931",
		}
	}
	c := s.Clone()
	c.BaseURL = norm
	return c, nil
}

// Clone returns a deep copy of s: changing the copy's selectors or fields
// leaves s alone. Compiled regular expressions are shared, which is safe:
// a *regexp.Regexp is immutable and safe for concurrent use.
func (s *Site) Clone() *Site {
	if s == nil {
		return nil
	}
	c := *s
	c.PhotoHosts = slices.Clone(s.PhotoHosts)
	c.Blocked = slices.Clone(s.Blocked)
	c.Proxies = slices.Clone(s.Proxies)
	cp := func(p *Selector) *Selector {
		if p == nil {
			return nil
		}
		q := *p
		return &q
	}
	c.Search.ListingLinks = cp(s.Search.ListingLinks)
	c.Search.NextPage = cp(s.Search.NextPage)
	c.Search.Listings = cp(s.Search.Listings)
	l := &c.Listing
	for _, f := range []**Selector{&l.URL, &l.ID, &l.Title, &l.Price, &l.Currency, &l.SellerID, &l.SellerName, &l.Images, &l.Description, &l.ShipFrom, &l.Removed} {
		*f = cp(*f)
	}
	return &c
}
