package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"5", 5 * time.Second, true},
		{" 0 ", 0, true},
		{"-1", 0, false},
		{"999999999", 86400 * time.Second, true},
		{now.Add(30 * time.Second).Format(http.TimeFormat), 30 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseRetryAfter(tt.in, now)
			if got != tt.want || ok != tt.ok {
				t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestBackoffCapsRetryAfter(t *testing.T) {
	c := &Crawler{backoffBase: 100 * time.Millisecond, backoffMax: time.Second, retryAfterMax: 60 * time.Second, now: time.Now}
	r := &run{c: c}
	ex := &exchange{header: http.Header{"Retry-After": {"3600"}}}
	if d := r.backoff(0, ex); d != 60*time.Second {
		t.Errorf("Retry-After 3600 waited %v, want the 60s cap", d)
	}
	for attempt, lo := range []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second, time.Second} {
		d := r.backoff(attempt, nil)
		if d < lo || d >= lo+c.backoffBase {
			t.Errorf("attempt %d: backoff %v, want [%v, %v)", attempt, d, lo, lo+c.backoffBase)
		}
	}
}

func TestGuard(t *testing.T) {
	g := newGuard()
	must := func(s string) *url.URL { return normalizeURL(nil, s) }
	if v := g.admit(must("http://h/a?x=1#f")); v != admitOK {
		t.Fatalf("first admit %q", v)
	}
	if v := g.admit(must("http://h/a?x=1#other")); v != admitDuplicate {
		t.Errorf("same url with another fragment: %q, want duplicate", v)
	}
	if v := g.admit(must("http://h/a?" + strings.Repeat("y", maxURLLen))); v != admitTrap {
		t.Errorf("overlong url: %q, want trap", v)
	}
	for i := 2; i <= maxQueryVariants; i++ {
		if v := g.admit(must(fmt.Sprintf("http://h/a?x=%d", i))); v != admitOK {
			t.Fatalf("variant %d: %q", i, v)
		}
	}
	if v := g.admit(must("http://h/a?x=new")); v != admitTrap {
		t.Errorf("variant %d: %q, want trap", maxQueryVariants+1, v)
	}
	if v := g.admit(must("http://h/b?x=new")); v != admitOK {
		t.Errorf("other path: %q", v)
	}
	for _, bad := range []string{"", "mailto:a@b", "javascript:x", "/relative"} {
		if normalizeURL(nil, bad) != nil {
			t.Errorf("normalizeURL(%q) accepted", bad)
		}
	}
}

// On JD, Taobao and Pinduoduo every listing is one path with its id in
// the query, and every link carries fresh tracking parameters: thousands
// of ids are thousands of pages, not a trap, and one id reached with other
// tracking parameters is one page.
func TestGuardIDsInTheQuery(t *testing.T) {
	g := newGuard()
	must := func(s string) *url.URL { return normalizeURL(nil, s) }
	for i := range 3 * maxQueryVariants {
		u := fmt.Sprintf("http://h/item?id=%d&from=search&spm=a%d.b%d", 100000+i, i, i*7)
		if v := g.admit(must(u)); v != admitOK {
			t.Fatalf("listing %d (%s): %q, want ok", i, u, v)
		}
	}
	if v := g.admit(must("http://h/item?spm=other&id=100007&from=ad&utm_source=x")); v != admitDuplicate {
		t.Errorf("a listing seen with other tracking parameters: %q, want duplicate", v)
	}
	if v := g.admit(must("http://h/item.htm?itemId=5&sort=1")); v != admitOK {
		t.Errorf("first sort order: %q", v)
	}
	for i := 2; i <= maxQueryVariants; i++ {
		if v := g.admit(must(fmt.Sprintf("http://h/item.htm?itemId=5&sort=%d&ref=r%d", i, i))); v != admitOK {
			t.Fatalf("sort variant %d: %q", i, v)
		}
	}
	if v := g.admit(must("http://h/item.htm?itemId=5&sort=new")); v != admitTrap {
		t.Errorf("sort variant %d of one id: %q, want trap", maxQueryVariants+1, v)
	}
}

// A search page's query parameter may be named like a tracking parameter
// (1688 and Amazon search with keywords=): each query is its own page.
func TestGuardSearchPagesKeepTheirQuery(t *testing.T) {
	g := newGuard()
	must := func(s string) *url.URL { return normalizeURL(nil, s) }
	for _, q := range []string{"a", "b", "c"} {
		u := "http://h/offer_search.htm?keywords=" + q + "&beginPage=1"
		if v := g.admitSearch(must(u)); v != admitOK {
			t.Errorf("search page %s: %q, want ok", u, v)
		}
	}
	if v := g.admitSearch(must("http://h/offer_search.htm?keywords=a&beginPage=1")); v != admitDuplicate {
		t.Errorf("the same search page twice: %q, want duplicate", v)
	}
}

func TestFetchListing(t *testing.T) {
	m := newMarket(t)
	m.handlers["/item/gone2"] = func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) }
	m.handlers["/item/e403"] = func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) }
	m.start()
	c, err := New(demoSite(m.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	t.Run("live listing with photo", func(t *testing.T) {
		p, err := c.FetchListing(ctx, m.url()+"/item/f1")
		if err != nil {
			t.Fatal(err)
		}
		if p.Listing.ID != "f1" || len(p.Captures) != 2 || !p.Listing.Images[0].Hashed {
			t.Errorf("page %+v", p)
		}
	})
	t.Run("410 is removed", func(t *testing.T) {
		p, err := c.FetchListing(ctx, m.url()+"/item/gone2")
		if err != nil {
			t.Fatal(err)
		}
		if !p.Listing.Removed || p.Listing.ID != "gone2" || p.Captures[0].Status != http.StatusGone {
			t.Errorf("page %+v", p.Listing)
		}
	})
	t.Run("403 is an error naming the kind", func(t *testing.T) {
		_, err := c.FetchListing(ctx, m.url()+"/item/e403")
		var fe *fetchError
		if !errors.As(err, &fe) || fe.Kind != "http_4xx" || !strings.Contains(err.Error(), "/item/e403") {
			t.Errorf("err %v", err)
		}
	})
	t.Run("robots.txt disallow", func(t *testing.T) {
		_, err := c.FetchListing(ctx, m.url()+"/private/item/p")
		var fe *fetchError
		if !errors.As(err, &fe) || fe.Kind != "robots" {
			t.Errorf("err %v", err)
		}
		if m.count("/private/item/p") != 0 {
			t.Error("disallowed page was requested")
		}
	})
	t.Run("off-site url refused", func(t *testing.T) {
		_, err := c.FetchListing(ctx, "http://elsewhere.invalid/item/1")
		if shadowscan.ErrorCode(err) != shadowscan.EINVALID {
			t.Errorf("err %v", err)
		}
	})
}

func TestNewRejectsBadRules(t *testing.T) {
	tests := []struct {
		name, field string
		mod         func(s *rules.Site)
	}{
		{"bad base url", "base_url", func(s *rules.Site) { s.BaseURL = "shop.test" }},
		{"search url without query", "search.url", func(s *rules.Site) { s.Search.URL = "{base}/list" }},
		{"no listing links", "search.listing_links", func(s *rules.Site) { s.Search.ListingLinks = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := demoSite("http://shop.test")
			tt.mod(s)
			_, err := New(s)
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || fe.Accepted == "" {
				t.Errorf("err %v, want a FieldError on %s", err, tt.field)
			}
		})
	}
}

// TestPolitenessLimitsConcurrency checks that colly's LimitRule holds a
// site to its parallelism: the server never sees more requests at once.
func TestPolitenessLimitsConcurrency(t *testing.T) {
	m := newMarket(t)
	var mu sync.Mutex
	inFlight, peak := 0, 0
	for i := range 12 {
		path := fmt.Sprintf("/item/p%d", i)
		m.search[1] = append(m.search[1], path)
		m.handlers[path] = func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			inFlight++
			peak = max(peak, inFlight)
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
			mu.Lock()
			inFlight--
			mu.Unlock()
			fmt.Fprint(w, listingHTML(path, "/img/p.png"))
		}
	}
	m.start()
	for _, par := range []int{1, 3} {
		t.Run(fmt.Sprint("parallelism ", par), func(t *testing.T) {
			mu.Lock()
			peak = 0
			mu.Unlock()
			s := demoSite(m.url())
			s.Politeness.Parallelism = par
			s.Politeness.Delay = time.Millisecond
			c, err := New(s)
			if err != nil {
				t.Fatal(err)
			}
			var col collector
			if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
				t.Fatal(err)
			}
			if len(col.ids()) != 12 {
				t.Errorf("emitted %d", len(col.ids()))
			}
			mu.Lock()
			defer mu.Unlock()
			if peak > par {
				t.Errorf("server saw %d concurrent listing requests, parallelism is %d", peak, par)
			}
		})
	}
}
