package crawler

import (
	"net/url"
	"strings"
	"sync"
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
	s := u.String()
	if len(s) > maxURLLen {
		return admitTrap
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.seen[s] {
		return admitDuplicate
	}
	if !countVariants {
		g.seen[s] = true
		return admitOK
	}
	key := u.Scheme + "://" + u.Host + u.EscapedPath()
	qs := g.variants[key]
	if qs == nil {
		qs = make(map[string]bool)
		g.variants[key] = qs
	}
	if !qs[u.RawQuery] {
		if len(qs) >= maxQueryVariants {
			return admitTrap
		}
		qs[u.RawQuery] = true
	}
	g.seen[s] = true
	return admitOK
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

// sameSite reports whether u is on the site's host (ignoring a leading
// "www." on either side).
func sameSite(base, u *url.URL) bool {
	a := strings.TrimPrefix(strings.ToLower(base.Hostname()), "www.")
	b := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	return a == b && base.Port() == u.Port()
}
