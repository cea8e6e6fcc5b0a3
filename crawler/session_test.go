package crawler

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// TestSessionCookies checks that a session's cookies go to the site's
// pages and to no other host, that Set-Cookie refreshes them
// for later requests, and that Session returns the refreshed set.
func TestSessionCookies(t *testing.T) {
	m := newMarket(t)
	var mu sync.Mutex
	seen := map[string]string{} // path -> Cookie header
	m.search[1] = []string{"/item/s1"}
	inner := m.serve
	m.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if _, ok := seen[r.URL.Path]; !ok {
			seen[r.URL.Path] = r.Header.Get("Cookie") // the first request
		}
		mu.Unlock()
		if r.URL.Path == "/search" {
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "ROTATED", Path: "/"})
			http.SetCookie(w, &http.Cookie{Name: "tmp", Value: "x", Path: "/", MaxAge: -1})
		}
		inner(w, r)
	})
	m.start()
	site := demoSite(m.url())
	cookies := []shadowscan.Cookie{
		{Name: "sid", Value: "FIRST", Domain: "127.0.0.1", HostOnly: true, Path: "/"},
		{Name: "tmp", Value: "y", Domain: "127.0.0.1", HostOnly: true, Path: "/"},
		{Name: "elsewhere", Value: "z", Domain: "other.example", Path: "/"},
	}
	c, err := New(site, fastRetries, WithSession(cookies))
	if err != nil {
		t.Fatal(err)
	}
	var col collector
	if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if got := seen["/search"]; got != "sid=FIRST; tmp=y" {
		t.Errorf("search page got cookies %q, want the session's", got)
	}
	if got := seen["/item/s1"]; got != "sid=ROTATED" {
		t.Errorf("listing page got cookies %q, want the refreshed session", got)
	}
	for _, u := range []string{"http://other.example/", "http://www.127.0.0.1.example/"} {
		pu, _ := url.Parse(u)
		if got := c.jar.Cookies(pu); len(got) != 0 {
			t.Errorf("the jar would send %v to %s", got, u)
		}
	}
	got, changed := c.Session()
	if !changed || len(got) != 1 || got[0].Name != "sid" || got[0].Value != "ROTATED" || !got[0].HostOnly || got[0].Domain != "127.0.0.1" {
		t.Errorf("Session() = %+v, %v; want sid=ROTATED alone", got, changed)
	}
	for _, p := range col.pages {
		for _, capt := range p.Captures {
			for _, h := range []http.Header{capt.RequestHeader, capt.Header} {
				for _, name := range []string{"Cookie", "Set-Cookie"} {
					for _, v := range h.Values(name) {
						if v != shadowscan.Redacted {
							t.Errorf("capture of %s keeps %s: %q", capt.URL, name, v)
						}
					}
				}
			}
		}
	}
}

func TestForSite(t *testing.T) {
	site := &rules.Site{Name: "tb", BaseURL: "https://www.tb.example"}
	in := []shadowscan.Cookie{
		{Name: "a", Domain: "www.tb.example", HostOnly: true},
		{Name: "b", Domain: "tb.example"},                 // parent domain, to subdomains
		{Name: "c", Domain: "tb.example", HostOnly: true}, // the bare host: base_url without www.
		{Name: "d", Domain: "login.tb.example"},           // a sibling host: never sent to the site
		{Name: "e", Domain: "example"},                    // a public suffix
		{Name: "f", Domain: "tb.example.evil.test"},       // another site
		{Name: "g", Domain: "ample", HostOnly: false},     // not a dot boundary
	}
	keep, dropped, err := ForSite(site, in)
	if err != nil {
		t.Fatal(err)
	}
	var names string
	for _, c := range keep {
		names += c.Name
	}
	if names != "abc" || len(dropped) != 4 {
		t.Errorf("kept %q, dropped %d; want abc and 4", names, len(dropped))
	}
}
