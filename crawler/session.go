package crawler

import (
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/publicsuffix"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// WithSession gives the crawler a logged-in session: the cookies are
// sent, by the cookie domain and path rules, to the site's own hosts
// only (cookies for other hosts are dropped), and what the site sets with
// Set-Cookie replaces them for the rest of the crawl; Session returns
// the result.
func WithSession(cookies []shadowscan.Cookie) Option {
	return func(c *Crawler) { c.sessionCookies = slices.Clone(cookies) }
}

// ForSite keeps the cookies that a crawl of site would send to the site's
// own hosts (base_url's host, with or without www.): a cookie of that host,
// or of a parent domain that is not a public suffix and that sends to
// subdomains. The others are returned in dropped.
func ForSite(site *rules.Site, cookies []shadowscan.Cookie) (keep, dropped []shadowscan.Cookie, err error) {
	u, err := url.Parse(site.BaseURL)
	if err != nil || u.Hostname() == "" {
		return nil, nil, shadowscan.Errorf(shadowscan.EINVALID, "site %s: base_url %q has no host", site.Name, site.BaseURL)
	}
	hosts := siteHostNames(u)
	for _, c := range cookies {
		if cookieForHosts(c, hosts) {
			keep = append(keep, c)
		} else {
			dropped = append(dropped, c)
		}
	}
	return keep, dropped, nil
}

// siteHostNames are the host names the site's pages are fetched from.
func siteHostNames(base *url.URL) []string {
	host := strings.ToLower(base.Hostname())
	if net.ParseIP(host) != nil {
		return []string{host}
	}
	if bare, ok := strings.CutPrefix(host, "www."); ok {
		return []string{host, bare}
	}
	return []string{host, "www." + host}
}

// cookieForHosts reports whether c would be sent to one of hosts.
func cookieForHosts(c shadowscan.Cookie, hosts []string) bool {
	d := strings.ToLower(strings.TrimPrefix(c.Domain, "."))
	for _, h := range hosts {
		if h == d {
			return true
		}
		if !c.HostOnly && strings.HasSuffix(h, "."+d) && net.ParseIP(h) == nil {
			if ps, _ := publicsuffix.PublicSuffix(d); ps != d {
				return true
			}
		}
	}
	return false
}

// sessionJar is the crawler's cookie jar when it has a session: a
// cookiejar (RFC 6265 domain, path, secure and expiry rules, public
// suffixes refused) that also keeps each cookie of the site's hosts in
// full, so that what Set-Cookie refreshed can be stored again.
type sessionJar struct {
	jar   *cookiejar.Jar
	hosts []string
	now   func() time.Time

	mu      sync.Mutex
	cookies []shadowscan.Cookie
	changed bool
}

func newSessionJar(base *url.URL, cookies []shadowscan.Cookie, now func() time.Time) *sessionJar {
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List}) // never fails
	j := &sessionJar{jar: jar, hosts: siteHostNames(base), now: now}
	for _, c := range cookies {
		if !cookieForHosts(c, j.hosts) {
			continue
		}
		scheme := "http"
		if c.Secure {
			scheme = "https"
		}
		hc := &http.Cookie{Name: c.Name, Value: c.Value, Path: c.Path, Secure: c.Secure, HttpOnly: c.HTTPOnly, Expires: c.Expires}
		if !c.HostOnly {
			hc.Domain = c.Domain
		}
		jar.SetCookies(&url.URL{Scheme: scheme, Host: c.Domain, Path: c.Path}, []*http.Cookie{hc})
		j.cookies = append(j.cookies, c)
	}
	return j
}

// Cookies implements http.CookieJar.
func (j *sessionJar) Cookies(u *url.URL) []*http.Cookie { return j.jar.Cookies(u) }

// SetCookies implements http.CookieJar: the jar takes them, and those
// for the site's hosts replace the kept ones of the same name, domain and
// path (a Max-Age of 0 or less, or a past expiry, deletes).
func (j *sessionJar) SetCookies(u *url.URL, cs []*http.Cookie) {
	j.jar.SetCookies(u, cs)
	j.mu.Lock()
	defer j.mu.Unlock()
	now := j.now()
	for _, hc := range cs {
		c := shadowscan.Cookie{Name: hc.Name, Value: hc.Value, Path: hc.Path, Secure: hc.Secure, HTTPOnly: hc.HttpOnly}
		c.Domain = strings.ToLower(strings.TrimPrefix(hc.Domain, "."))
		if c.Domain == "" {
			c.Domain, c.HostOnly = strings.ToLower(u.Hostname()), true
		}
		if c.Path == "" || !strings.HasPrefix(c.Path, "/") {
			c.Path = defaultCookiePath(u.Path)
		}
		remove := false
		switch {
		case hc.MaxAge < 0:
			remove = true
		case hc.MaxAge > 0:
			c.Expires = now.Add(time.Duration(hc.MaxAge) * time.Second).UTC()
		case !hc.Expires.IsZero():
			c.Expires = hc.Expires.UTC()
			remove = !c.Expires.After(now)
		}
		if !cookieForHosts(c, j.hosts) || checkCookie(&c) != nil {
			continue
		}
		i := slices.IndexFunc(j.cookies, func(o shadowscan.Cookie) bool {
			return o.Name == c.Name && o.Domain == c.Domain && o.Path == c.Path
		})
		switch {
		case i >= 0 && remove:
			j.cookies = slices.Delete(j.cookies, i, i+1)
		case i >= 0:
			if j.cookies[i] == c {
				continue
			}
			j.cookies[i] = c
		case remove:
			continue
		default:
			j.cookies = append(j.cookies, c)
		}
		j.changed = true
	}
}

// defaultCookiePath is RFC 6265's default-path of a request path.
func defaultCookiePath(p string) string {
	if p == "" || p[0] != '/' {
		return "/"
	}
	d := path.Dir(p)
	if d == "." || d == "" {
		return "/"
	}
	return d
}

// Session returns the crawler's session cookies as the site last set
// them, and whether any changed since WithSession; nil without a session.
func (c *Crawler) Session() (cookies []shadowscan.Cookie, changed bool) {
	if c.jar == nil {
		return nil, false
	}
	c.jar.mu.Lock()
	defer c.jar.mu.Unlock()
	return slices.Clone(c.jar.cookies), c.jar.changed
}
