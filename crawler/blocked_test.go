package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// TestFetchListingGoneOrNot fetches one listing page per way a marketplace
// answers and checks which answers read as gone (404, 410, the removed
// marker), which as live, and which are errors that say nothing about the
// listing (5xx, 403, 429, a timeout, a login redirect, a captcha page).
func TestFetchListingGoneOrNot(t *testing.T) {
	m := newMarket(t)
	status := func(code int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if code == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "0")
			}
			http.Error(w, http.StatusText(code), code)
		}
	}
	page := func(html string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, html)
		}
	}
	m.handlers["/item/nf1"] = status(http.StatusNotFound)
	m.handlers["/item/gone1"] = status(http.StatusGone)
	m.handlers["/item/e500"] = status(http.StatusInternalServerError)
	m.handlers["/item/e503"] = status(http.StatusServiceUnavailable)
	m.handlers["/item/e403"] = status(http.StatusForbidden)
	m.handlers["/item/e429"] = status(http.StatusTooManyRequests)
	// The offline page of mk1 names another, live listing as canonical.
	m.handlers["/item/mk1"] = page(`<html><head><link rel="canonical" href="/item/live7"></head><body>
<h1 class="title">此商品已下架</h1><div class="offline-notice">已下架</div></body></html>`)
	m.handlers["/item/login1"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/member/login.htm?redirect=%2Fitem%2Flogin1", http.StatusFound)
	}
	m.handlers["/member/login.htm"] = page(`<html><body><form><input name="u"><input type="password" name="p"></form></body></html>`)
	m.handlers["/item/slider1"] = page(`<html><head><title>验证</title></head><body><div id="nc_1_wrapper"><span class="nc_iconfont btn_slide"></span>请按住滑块，拖动到最右边</div></body></html>`)
	m.handlers["/item/cf1"] = page(`<html><head><title>Just a moment...</title></head><body><p>Checking your browser</p></body></html>`)
	m.handlers["/item/empty1"] = page(`<html><body><p>something went wrong</p></body></html>`)
	m.handlers["/item/modal1"] = page(`<html><head><link rel="canonical" href="/item/modal1"></head><body>
<form class="login-modal"><input type="password" name="p"></form>
<h1 class="title">奥罗拉植物蛋白粉</h1><span class="price">¥99.00</span></body></html>`)
	m.start()
	c, err := New(demoSite(m.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path     string
		gone     string // the Gone signal; "" for a live page
		wantKind string // the error kind, when an error
		wantID   string
	}{
		{path: "/item/nf1", gone: shadowscan.GoneHTTP404, wantID: "nf1"},
		{path: "/item/gone1", gone: shadowscan.GoneHTTP410, wantID: "gone1"},
		{path: "/item/mk1", gone: shadowscan.GoneMarker, wantID: "mk1"},
		{path: "/item/e500", wantKind: "http_5xx"},
		{path: "/item/e503", wantKind: "http_5xx"},
		{path: "/item/e403", wantKind: "http_4xx"},
		{path: "/item/e429", wantKind: "http_429"},
		{path: "/item/login1", wantKind: "blocked"},
		{path: "/item/slider1", wantKind: "blocked"},
		{path: "/item/cf1", wantKind: "blocked"},
		{path: "/item/empty1", wantID: "empty1"},
		{path: "/item/modal1", wantID: "modal1"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, err := c.FetchListing(context.Background(), m.url()+tt.path)
			if tt.wantKind != "" {
				var fe *fetchError
				if !errors.As(err, &fe) || fe.Kind != tt.wantKind {
					t.Fatalf("err %v (page %+v), want a %s fetch error", err, p, tt.wantKind)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			l := p.Listing
			if l.Removed != (tt.gone != "") || l.Gone != tt.gone || l.ID != tt.wantID {
				t.Errorf("removed %v gone %q id %q, want removed %v gone %q id %q", l.Removed, l.Gone, l.ID, tt.gone != "", tt.gone, tt.wantID)
			}
			if l.Removed && l.URL != m.url()+tt.path {
				t.Errorf("gone page url %q, want the url asked for", l.URL)
			}
		})
	}
	if n := m.count("/member/login.htm?redirect=%2Fitem%2Flogin1"); n == 0 {
		t.Error("the login redirect was not followed: the test did not test it")
	}
}

// TestFetchListingTimeoutIsNotGone checks that a listing page that never
// answers is an error of kind timeout.
func TestFetchListingTimeoutIsNotGone(t *testing.T) {
	m := newMarket(t)
	release := make(chan struct{})
	m.handlers["/item/slow1"] = func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}
	m.start()
	defer close(release)
	site := demoSite(m.url())
	site.Politeness.Timeout = 50 * time.Millisecond // the handler never answers
	site.Politeness.Retries = 0
	c, err := New(site, fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.FetchListing(context.Background(), m.url()+"/item/slow1")
	var fe *fetchError
	if !errors.As(err, &fe) || fe.Kind != "timeout" {
		t.Fatalf("err %v (page %+v), want a timeout", err, p)
	}
}

func TestBlockedRedirect(t *testing.T) {
	tests := []struct {
		requested, final string
		blocked          bool
	}{
		{"http://s/item/1", "http://s/item/1", false},
		{"http://s/item/1", "https://s/item/1", false},
		{"http://s/item/login-kit-1", "http://s/item/login-kit-1?x=1", false},
		{"http://s/item/1", "http://s/item/2", false},
		{"http://s/item/1", "https://login.s/member/login.jhtml?redirect=x", true},
		{"http://s/item/1", "http://s/account/signin?next=/item/1", true},
		{"http://s/item/1", "http://s/_____tmd_____/punish?x5secdata=x", true},
		{"http://s/item/1", "https://passport.s/?from=item", true},
	}
	for _, tt := range tests {
		if got := blockedRedirect(tt.requested, tt.final) != ""; got != tt.blocked {
			t.Errorf("blockedRedirect(%q, %q) = %v, want %v", tt.requested, tt.final, got, tt.blocked)
		}
	}
}

func TestGoneID(t *testing.T) {
	site := demoSite("http://127.0.0.1:8931")
	c, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.goneID("http://127.0.0.1:8931/item/ab12?x=1"); got != "ab12" {
		t.Errorf("the rule's id expression over the url gave %q, want ab12", got)
	}
	site = demoSite("http://127.0.0.1:8931")
	site.Listing.ID = rules.MustParseSelector(`link[rel=canonical]@href | re:(\d+)`)
	if c, err = New(site); err != nil {
		t.Fatal(err)
	}
	if got := c.goneID("http://127.0.0.1:8931/item/445566"); got != "445566" {
		t.Errorf("an expression for digits took %q from the url, want the path's 445566, not the host's", got)
	}
	site.Listing.ID = rules.MustParseSelector(`.code`)
	if c, err = New(site); err != nil {
		t.Fatal(err)
	}
	if got := c.goneID("http://127.0.0.1:8931/p/81001/hand-cream"); got != "81001" {
		t.Errorf("without an expression over a link: %q, want the url's id 81001", got)
	}
}

// FuzzBlockedPage feeds hostile pages and redirect targets to the blocked
// page checks: they never panic, a URL that did not change is never a
// login redirect, and the reason given stays short whatever the page's
// title.
func FuzzBlockedPage(f *testing.F) {
	f.Add(`<div id="nc_1_wrapper"></div>`, "http://s/item/1", "http://s/login?x=%zz")
	f.Add(`<title>安全验证</title><input type=password>`, "http://s/item/1", "http://[::1")
	f.Add(strings.Repeat("<form><input type=password>", 100), "://", "http://s/item/1/../login")
	f.Fuzz(func(t *testing.T, page, requested, final string) {
		if blockedRedirect(requested, requested) != "" {
			t.Fatalf("a fetch that was not redirected (%q) is a login redirect", requested)
		}
		_ = blockedRedirect(requested, final)
		doc, err := parseHTML([]byte(page), "text/html")
		if err != nil {
			return
		}
		if kind, why := blockedPage(doc); len(why) > 200 || (kind == "") != (why == "") {
			t.Fatalf("reason %q of kind %q: the page's text is not clipped, or a kind without a reason", why, kind)
		}
	})
}
