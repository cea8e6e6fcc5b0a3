package crawler

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestUserAgent: every request (robots.txt, page, photo) carries the
// User-Agent given with WithUserAgent, a rule's user_agent wins over it,
// and without either the crawler says it is shadowscan/dev.
func TestUserAgent(t *testing.T) {
	m := newMarket(t)
	var mu sync.Mutex
	seen := map[string]map[string]bool{} // path -> agents
	record := func(next http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			if seen[r.URL.Path] == nil {
				seen[r.URL.Path] = map[string]bool{}
			}
			seen[r.URL.Path][r.UserAgent()] = true
			mu.Unlock()
			next(w, r)
		}
	}
	m.handlers["/robots.txt"] = record(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nDisallow:\n")) })
	m.handlers["/item/u1"] = record(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(listingHTML("/item/u1", "/img/u1.png"))) })
	m.handlers["/img/u1.png"] = record(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(m.png(1))
	})
	m.start()

	release := DefaultUserAgent("1.2.3")
	if !strings.HasPrefix(release, "shadowscan/1.2.3 ") || !strings.Contains(release, "brand-protection crawler") {
		t.Fatalf("DefaultUserAgent(1.2.3) = %q", release)
	}
	site := demoSite(m.url())
	ruled := demoSite(m.url())
	ruled.Politeness.UserAgent = "acme-brand-team/2"
	for _, c := range []struct {
		name string
		site bool
		opts []Option
		want string
	}{
		{"default", false, nil, DefaultUserAgent("dev")},
		{"WithUserAgent", false, []Option{WithUserAgent(release)}, release},
		{"the rule wins", true, []Option{WithUserAgent(release)}, "acme-brand-team/2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			mu.Lock()
			clear(seen)
			mu.Unlock()
			s := site
			if c.site {
				s = ruled
			}
			cr, err := New(s, append([]Option{fastRetries}, c.opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			p, err := cr.FetchListing(context.Background(), m.url()+"/item/u1")
			if err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, path := range []string{"/robots.txt", "/item/u1", "/img/u1.png"} {
				if len(seen[path]) != 1 || !seen[path][c.want] {
					t.Errorf("%s: User-Agent %v, want %q", path, seen[path], c.want)
				}
			}
			for _, cp := range p.Captures {
				if got := strings.Join(cp.RequestHeader["User-Agent"], ""); got != c.want {
					t.Errorf("capture %s: User-Agent %q, want %q", cp.URL, got, c.want)
				}
			}
		})
	}
	if _, err := New(site, WithUserAgent("x\r\nX-Evil: 1")); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("a User-Agent with CR LF: %v, want EINVALID", err)
	}
}
