package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/shadowscan/shadowscan"
)

// guard keeps one run's URLs in check: each URL is fetched at most once,
// and URLs that look like crawler traps (too long, or one more of endless
// query-string variants of a path) are refused.
type guard struct {
	mu       sync.Mutex
	seen     map[string]bool
	variants map[string]map[string]bool // scheme://host/path -> raw queries
}

func newGuard() *guard {
	return &guard{seen: make(map[string]bool), variants: make(map[string]map[string]bool)}
}

// Verdicts of guard.admit.
const (
	admitOK        = ""
	admitDuplicate = "duplicate"
	admitTrap      = "trap"
)

// admit records u (already normalised) and says whether to fetch it.
func (g *guard) admit(u *url.URL) string { return g.admitKind(u, true) }

// admitSearch is admit for search result pages. Their query strings are
// ours (one per query and page, and max_pages bounds the pages of each
// query), so they do not count towards a path's query-string variants: a
// scan of 300 queries must not mistake its own search pages for a trap.
func (g *guard) admitSearch(u *url.URL) string { return g.admitKind(u, false) }

func (g *guard) admitKind(u *url.URL, countVariants bool) string {
	if len(u.String()) > maxURLLen {
		return admitTrap
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if !countVariants {
		// A search page's URL is the rule's own: its query parameter may
		// have a name that elsewhere only tracks visitors (keywords=).
		s := u.String()
		if g.seen[s] {
			return admitDuplicate
		}
		g.seen[s] = true
		return admitOK
	}
	// A link with other tracking parameters (spm=, ref=, pos=) is the
	// same page: fetch it once.
	s := u.Scheme + "://" + u.Host + shadowscan.ListingPath(u.String())
	if g.seen[s] {
		return admitDuplicate
	}
	// Pages told apart by an id parameter (item?id=1, item?id=2) are
	// different pages, as two paths are: only the other query strings of
	// one path and id count as its variants.
	key, rest := variantKey(u)
	qs := g.variants[key]
	if qs == nil {
		qs = make(map[string]bool)
		g.variants[key] = qs
	}
	if !qs[rest] {
		if len(qs) >= maxQueryVariants {
			return admitTrap
		}
		qs[rest] = true
	}
	g.seen[s] = true
	return admitOK
}

// variantKey splits u into what names a page (scheme, host, path and its
// id parameters) and the rest of its query without tracking parameters.
func variantKey(u *url.URL) (key, rest string) {
	q := u.Query()
	ids := url.Values{}
	for _, p := range idParams {
		if v, ok := q[p]; ok {
			ids[p] = v
			delete(q, p)
		}
	}
	for k := range q {
		if shadowscan.IsTrackingParam(k) {
			delete(q, k)
		}
	}
	return u.Scheme + "://" + u.Host + u.EscapedPath() + "?" + ids.Encode(), q.Encode()
}

// normalizeURL resolves raw against base and drops the fragment; nothing
// else changes (query order matters to some shops). It returns nil for
// anything but an absolute http(s) URL.
func normalizeURL(base *url.URL, raw string) *url.URL {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 4*maxURLLen {
		return nil
	}
	var u *url.URL
	var err error
	if base != nil {
		u, err = base.Parse(raw)
	} else {
		u, err = url.Parse(raw)
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	u.Fragment = ""
	u.RawFragment = ""
	return u
}

// parseHTTPURL parses an absolute http(s) URL.
func parseHTTPURL(raw string) (*url.URL, error) {
	u := normalizeURL(nil, raw)
	if u == nil {
		return nil, &url.Error{Op: "parse", URL: raw, Err: errNotHTTP}
	}
	return u, nil
}

type notHTTPError struct{}

func (notHTTPError) Error() string { return "not an absolute http(s) url" }

var errNotHTTP error = notHTTPError{}

// policy says where one site's crawl may fetch from. Pages come only from
// the site's own origins: base_url's scheme, host and port, the same host
// with or without "www.", and https on 443 when base_url is http on 80.
// Photos may also come from the rule's photo_hosts. Every request is
// checked, redirects and robots.txt included, by the run's transport.
type policy struct {
	site       string          // the site's name, for messages
	pages      map[string]bool // origin keys, see originKey
	photoHosts []hostRule
	// siteHosts are the host names and literals the site itself is on: a
	// dial to one of them may reach a loopback or private address.
	siteHosts map[string]bool
	siteAddr  netip.Addr // base_url's host when it is an IP literal
}

// hostRule is one photo_hosts entry.
type hostRule struct {
	host string // lower case, brackets off; "*.domain" for subdomains
	port string // "" means the scheme's default port
}

func newPolicy(site string, base *url.URL, photoHosts []string) *policy {
	p := &policy{site: site, pages: map[string]bool{}, siteHosts: map[string]bool{}}
	host := strings.ToLower(base.Hostname())
	port := effectivePort(base)
	hosts := []string{host}
	if a, err := netip.ParseAddr(host); err == nil {
		p.siteAddr = a.Unmap()
	} else if bare, ok := strings.CutPrefix(host, "www."); ok {
		hosts = append(hosts, bare)
	} else {
		hosts = append(hosts, "www."+host)
	}
	for _, h := range hosts {
		p.siteHosts[h] = true
		p.pages[base.Scheme+"://"+net.JoinHostPort(h, port)] = true
		if base.Scheme == "http" && port == "80" {
			p.pages["https://"+net.JoinHostPort(h, "443")] = true
		}
	}
	for _, e := range photoHosts {
		var r hostRule
		if h, pt, err := net.SplitHostPort(e); err == nil {
			r.host, r.port = h, pt
		} else {
			r.host = strings.TrimSuffix(strings.TrimPrefix(e, "["), "]")
		}
		r.host = strings.ToLower(r.host)
		p.photoHosts = append(p.photoHosts, r)
	}
	return p
}

// allowedURLHosts are the hosts, as a URL writes them (host, or host:port when
// the port is not the scheme's default), that the policy lets a run fetch
// from: the site's origins and the photo hosts that name one host (a
// "*.domain" entry has no single host).
func (p *policy) allowedURLHosts() []string {
	if p == nil {
		return nil
	}
	var hosts []string
	for key := range p.pages {
		u, err := url.Parse(key)
		if err != nil {
			continue
		}
		hosts = append(hosts, u.Host)
		if port := u.Port(); port == effectivePort(&url.URL{Scheme: u.Scheme}) {
			hosts = append(hosts, bracketed(u.Hostname()))
		}
	}
	for _, r := range p.photoHosts {
		if strings.HasPrefix(r.host, "*.") {
			continue
		}
		if r.port != "" {
			hosts = append(hosts, net.JoinHostPort(r.host, r.port))
		} else {
			hosts = append(hosts, bracketed(r.host))
		}
	}
	slices.Sort(hosts)
	return slices.Compact(hosts)
}

// bracketed writes an IPv6 literal as a URL's host does.
func bracketed(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]"
	}
	return host
}

// effectivePort is u's port, or its scheme's default.
func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// originKey is u's scheme://host:port with the default port spelt out.
func originKey(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), effectivePort(u))
}

// origins lists the site's page origins, for messages.
func (p *policy) origins() string {
	keys := make([]string, 0, len(p.pages))
	for k := range p.pages {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return strings.Join(keys, ", ")
}

// checkPage refuses u unless it is on one of the site's own origins.
func (p *policy) checkPage(u *url.URL) error {
	if p.pages[originKey(u)] {
		return nil
	}
	return &offsiteError{URL: u.Redacted(), Site: p.site, Allowed: p.origins()}
}

// checkPhoto refuses u unless it is on the site's origins or a photo host.
func (p *policy) checkPhoto(u *url.URL) error {
	if p.pages[originKey(u)] {
		return nil
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "http" || scheme == "https" {
		host, port := strings.ToLower(u.Hostname()), effectivePort(u)
		defaultPort := effectivePort(&url.URL{Scheme: scheme})
		for _, r := range p.photoHosts {
			if r.port == "" && port != defaultPort {
				continue
			}
			if r.port != "" && r.port != port {
				continue
			}
			if d, ok := strings.CutPrefix(r.host, "*."); ok {
				if strings.HasSuffix(host, "."+d) {
					return nil
				}
			} else if host == r.host {
				return nil
			}
		}
	}
	allowed := p.origins()
	if len(p.photoHosts) == 0 {
		allowed += " (the rule names no photo_hosts)"
	} else {
		for _, r := range p.photoHosts {
			h := bracketed(r.host)
			if r.port != "" {
				h += ":" + r.port
			}
			allowed += ", photo host " + h
		}
	}
	return &offsiteError{URL: u.Redacted(), Site: p.site, Allowed: allowed, Photo: true}
}

// offsiteError is a request the policy refused before it was sent.
type offsiteError struct {
	URL, Site, Allowed string
	Photo              bool
}

func (e *offsiteError) Error() string {
	what := "pages of site " + e.Site + " are fetched only from"
	if e.Photo {
		what = "photos of site " + e.Site + " are fetched only from"
	}
	return fmt.Sprintf("refused %s: %s %s", e.URL, what, e.Allowed)
}

// addressError is a connection refused because of the address it would
// reach.
type addressError struct {
	Host  string
	Addr  netip.Addr
	Class string // loopback, private, link-local, cloud metadata, ...
}

func (e *addressError) Error() string {
	if e.Class == "cloud metadata" {
		return fmt.Sprintf("refused to connect to %s (%s): a cloud metadata address is never fetched", e.Host, e.Addr)
	}
	return fmt.Sprintf("refused to connect to %s (%s): a %s address, fetched only when the site's own host is on it", e.Host, e.Addr, e.Class)
}

// dialer connects only to addresses the policy allows, checking the
// address it actually connects to: it resolves the name itself and dials
// the checked IP, so a name that resolves to a public address when looked
// up and to a private one a moment later (DNS rebinding) gains nothing.
type dialer struct {
	policy *policy
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
}

// allowed reports whether host (as named in the URL) may reach a.
func (d *dialer) allowed(host string, a netip.Addr) error {
	class := shadowscan.AddrClass(a)
	switch {
	case class == "":
		return nil
	case class == "cloud metadata":
	case d.policy.siteHosts[host] && (!d.policy.siteAddr.IsValid() || d.policy.siteAddr == a.Unmap()):
		// The site itself is on this address (tests and the demo run on
		// loopback; an intranet shop on a private one).
		return nil
	}
	return &addressError{Host: host, Addr: a.Unmap(), Class: class}
}

// checkHost refuses host (as a URL names it) when an address it resolves
// to now is one the dialer would refuse: for requests that are not dialled
// here (a browser's, which resolves names itself; one sent to an HTTP
// proxy, which dials the target).
func (d *dialer) checkHost(ctx context.Context, host string) error {
	host = strings.ToLower(host)
	if a, err := netip.ParseAddr(host); err == nil {
		return d.allowed(host, a)
	}
	addrs, err := d.lookup(ctx, host)
	if err != nil {
		return err
	}
	for _, a := range addrs {
		if err := d.allowed(host, a); err != nil {
			return err
		}
	}
	return nil
}

// DialContext resolves addr's host, refuses addresses the policy does not
// allow, and dials the first allowed one that answers.
func (d *dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	host = strings.ToLower(host)
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		addrs, err = d.lookup(ctx, host)
		if err != nil {
			return nil, err
		}
		if len(addrs) == 0 {
			return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
	}
	var first error
	for _, a := range addrs {
		if err := d.allowed(host, a); err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		conn, err := d.dial(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		var ae *addressError
		if first == nil || errors.As(first, &ae) {
			first = err
		}
	}
	return nil, first
}

// lookupNetIP resolves host with the system resolver.
func lookupNetIP(ctx context.Context, host string) ([]netip.Addr, error) {
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}
