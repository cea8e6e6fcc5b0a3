package rules

import (
	"fmt"
	"time"

	"github.com/andybalholm/cascadia"
	"go.yaml.in/yaml/v3"
)

// How a site's pages are fetched (Site.Fetch).
const (
	// FetchHTTP fetches pages with a plain HTTP client (the default,
	// stored as "").
	FetchHTTP = "http"
	// FetchBrowser loads pages in headless Chromium and reads the DOM its
	// scripts built.
	FetchBrowser = "browser"
)

// Browser fetching bounds.
const (
	// DefaultWaitTimeout is how long a wait_for selector is waited for
	// when the rule says nothing.
	DefaultWaitTimeout = 10 * time.Second
	// MaxScroll caps search.scroll: an endless list is read at most this
	// many screens further.
	MaxScroll = 50

	maxWaitTimeout = 2 * time.Minute
)

const (
	fetchAccepted   = "http (a plain HTTP client, the default) or browser (headless Chromium)"
	waitForAccepted = "a CSS selector that is on the page once its scripts have built it, e.g. div.result a.title"
)

// Browser reports whether the site's pages are loaded in a browser.
func (s *Site) Browser() bool { return s.Fetch == FetchBrowser }

// browserKeys reads the top-level fetch and wait_timeout keys before the
// blocks whose browser-only keys depend on them.
func (d *decoder) browserKeys(n *yaml.Node) (fetch string, waitTimeout time.Duration) {
	d.fetch = d.fetchMode(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return d.fetch, 0
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "wait_timeout" {
			waitTimeout = d.parseWaitTimeout(pair{key: k.Value, line: k.Line, path: k.Value, value: d.resolve(n.Content[i+1])})
		}
	}
	return d.fetch, waitTimeout
}

// fetchMode reads the top-level fetch key.
func (d *decoder) fetchMode(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind != yaml.ScalarNode || k.Value != "fetch" {
			continue
		}
		d.set["fetch"] = n.Content[i+1].Line
		v, ok := d.str(d.resolve(n.Content[i+1]), "fetch", fetchAccepted)
		if !ok {
			return ""
		}
		switch v {
		case FetchHTTP:
			return "" // the zero value: digests of existing rules stay as they were
		case FetchBrowser:
			return v
		}
		d.fail(n.Content[i+1].Line, "fetch", fetchAccepted, "%q is not a way of fetching", clip(v))
		return ""
	}
	return ""
}

// browserOnly fails q unless the site is fetched with a browser.
func (d *decoder) browserOnly(q pair, accepted string) bool {
	if d.fetch == FetchBrowser {
		return true
	}
	d.fail(q.line, q.path, accepted+", with fetch: browser at the top of the file", "is read only with fetch: browser")
	return false
}

// waitFor reads a wait_for selector: plain CSS, no attribute or regex.
func (d *decoder) waitFor(q pair) string {
	if !d.browserOnly(q, waitForAccepted) {
		return ""
	}
	v, ok := d.str(q.value, q.path, waitForAccepted)
	if !ok {
		return ""
	}
	if _, err := cascadia.Compile(v); err != nil {
		d.fail(q.value.Line, q.path, waitForAccepted, "CSS selector %q does not parse: %v", clip(v), err)
		return ""
	}
	return v
}

// parseScroll reads search.scroll.
func (d *decoder) parseScroll(q pair) int {
	if !d.browserOnly(q, fmt.Sprintf("how many times to scroll an endless result list to its end, 0 to %d", MaxScroll)) {
		return 0
	}
	v, _ := d.integer(q.value, q.path, 0, MaxScroll)
	return int(v)
}

// parseWaitTimeout reads the top-level wait_timeout.
func (d *decoder) parseWaitTimeout(q pair) time.Duration {
	const accepted = "a duration above zero, at most 2m, such as 10s"
	if !d.browserOnly(q, accepted) {
		return 0
	}
	v, ok := d.duration(q.value, q.path, maxWaitTimeout)
	if !ok {
		return 0
	}
	if v <= 0 {
		d.fail(q.value.Line, q.path, accepted, "must be above zero")
		return 0
	}
	return v
}

// checkBrowser checks a fetch: browser site as a whole and fills in its
// default wait_timeout.
func (d *decoder) checkBrowser(s *Site) {
	if !s.Browser() {
		return
	}
	if s.Search.JSON() || s.Listing.JSON() {
		d.fail(d.set["fetch"], "fetch", "fetch: http with format: json (a JSON API needs no browser), or format: html", "browser renders HTML pages; it cannot be used with format: json")
	}
	if s.WaitTimeout == 0 {
		s.WaitTimeout = DefaultWaitTimeout
	}
}
