package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// failOnce makes the first request to a route misbehave and later ones
// serve the normal listing page.
func failOnce(m *market, path string, fail func(w http.ResponseWriter, r *http.Request)) {
	var mu sync.Mutex
	done := false
	m.handlers[path] = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		first := !done
		done = true
		mu.Unlock()
		if first {
			fail(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, listingHTML(path, "/img"+path+".png"))
	}
}

// faultyMarket serves two search pages full of trouble.
func faultyMarket(t *testing.T) *market {
	m := newMarket(t)
	trap := make([]string, 0, 260)
	for i := range 260 {
		trap = append(trap, fmt.Sprintf("/item/t?sid=%d", i))
	}
	m.search[1] = append([]string{
		"/item/a1", "/item/a2", "/item/a3", "/item/a1#reviews",
		"http://offsite.invalid/item/x", "/private/item/p1",
		"/item/slow1", "/item/r429", "/item/r503", "/item/cut1",
		"/item/bad1", "/item/big1", "/item/bomb1", "/item/gone1",
	}, trap...)
	m.search[2] = []string{"/item/a4", "/item/a5", "/item/a2", "/item/a3#x"}
	failOnce(m, "/item/slow1", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	failOnce(m, "/item/r429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	failOnce(m, "/item/r503", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	failOnce(m, "/item/cut1", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		body := listingHTML("/item/cut1", "/img/item/cut1.png")
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(body)+500, body[:len(body)/2])
		buf.Flush()
	})
	m.pages["/item/bad1"] = "<html><h1 class=title>Bad <<<>>> page\x00\xff<span class=price>¥5</div></table></td><script>{{{"
	m.pages["/item/big1"] = listingHTML("/item/big1", "/img/big1.png") + strings.Repeat("<p>padding</p>", 10000)
	m.pages["/item/bomb1"] = listingHTML("/item/bomb1", "/bomb.png")
	m.handlers["/bomb.png"] = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(pngBomb())
	}
	m.handlers["/item/gone1"] = func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	}
	m.handlers["/item/t"] = func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listingHTML("/item/t", "/img/t.png"))
	}
	return m.start()
}

func TestRunFaultyMarket(t *testing.T) {
	m := faultyMarket(t)
	site := demoSite(m.url())
	site.Politeness.Timeout = 500 * time.Millisecond
	clock := time.Date(2026, 3, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
	c, err := New(site, fastRetries, WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	var progress int
	var throttled []time.Duration
	var pmu sync.Mutex
	WithProgress(func(Stats) { pmu.Lock(); progress++; pmu.Unlock() })(c)
	WithThrottled(func(d time.Duration) { pmu.Lock(); throttled = append(throttled, d); pmu.Unlock() })(c)
	var col collector
	st, err := c.Run(context.Background(), []string{"蛋白粉 500克"}, col.sink)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("stats: %+v", st)
	// The 429 with Retry-After: 1 throttles the site; the 503 without
	// one, the timeout and the cut body do not.
	pmu.Lock()
	if !slices.Equal(throttled, []time.Duration{time.Second}) {
		t.Errorf("throttled %v; want once, for 1s (the 429's Retry-After)", throttled)
	}
	pmu.Unlock()

	t.Run("every listing a retry could get is emitted", func(t *testing.T) {
		var ids []string
		for _, id := range col.ids() {
			if id != "t" {
				ids = append(ids, id)
			}
		}
		want := []string{"a1", "a2", "a3", "a4", "a5", "bad1", "bomb1", "cut1", "gone1", "r429", "r503", "slow1"}
		if !slices.Equal(ids, want) {
			t.Errorf("emitted %v, want %v", ids, want)
		}
	})
	t.Run("no url fetched twice except retries", func(t *testing.T) {
		retried := map[string]int{"/item/slow1": 2, "/item/r429": 2, "/item/r503": 2, "/item/cut1": 2}
		for u, n := range m.allCounts() {
			want := 1
			if w, ok := retried[u]; ok {
				want = w
			}
			if n != want {
				t.Errorf("%s fetched %d times, want %d", u, n, want)
			}
		}
	})
	t.Run("robots.txt disallow is obeyed", func(t *testing.T) {
		if n := m.count("/private/item/p1"); n != 0 {
			t.Errorf("disallowed /private/item/p1 fetched %d times", n)
		}
	})
	t.Run("trap is cut off", func(t *testing.T) {
		n := 0
		for u, k := range m.allCounts() {
			if strings.HasPrefix(u, "/item/t?") {
				n += k
			}
		}
		if n > maxQueryVariants {
			t.Errorf("%d trap urls fetched, want at most %d", n, maxQueryVariants)
		}
	})
	t.Run("errors counted by kind", func(t *testing.T) {
		want := map[string]int{"timeout": 1, "http_429": 1, "http_5xx": 1, "truncated": 1, "too_large": 1,
			"robots": 1, "offsite": 1, "image": 1, "trap": 1}
		for k, n := range want {
			if st.Errors[k] < n {
				t.Errorf("Errors[%s] = %d, want >= %d (all %v)", k, st.Errors[k], n, st.Errors)
			}
		}
		if st.Retries != 4 {
			t.Errorf("Retries = %d, want 4", st.Retries)
		}
		if st.Listings != len(col.ids()) {
			t.Errorf("Stats.Listings = %d, sink saw %d", st.Listings, len(col.ids()))
		}
		if st.Pages < 3 || st.Photos < 10 || st.Bytes == 0 {
			t.Errorf("implausible stats %+v", st)
		}
	})
	t.Run("captures hold the exact exchange", func(t *testing.T) {
		p := col.byID("a1")
		if p == nil {
			t.Fatal("a1 not emitted")
		}
		l := p.Listing
		if l.Title != "Listing a1 奥罗拉植物蛋白粉" || l.Price != 129900 || l.Currency != "CNY" || l.SellerID != "shop-a1" || l.SellerName != "Shop a1" {
			t.Errorf("listing fields %+v", l)
		}
		if len(l.Images) != 1 || !l.Images[0].Hashed || l.Images[0].Err != "" {
			t.Errorf("images %+v", l.Images)
		}
		if len(p.Captures) != 2 || p.Captures[0].Kind != "page" || p.Captures[1].Kind != "photo" {
			t.Fatalf("captures %+v", p.Captures)
		}
		for _, c := range p.Captures {
			sum := sha256.Sum256(c.Body)
			if c.BodySHA256 != hex.EncodeToString(sum[:]) || c.BodySize != int64(len(c.Body)) || c.Status != 200 {
				t.Errorf("capture %s: sha %s size %d status %d", c.URL, c.BodySHA256, c.BodySize, c.Status)
			}
			if ua := strings.Join(c.RequestHeader["User-Agent"], ""); !strings.HasPrefix(ua, "shadowscan/") || !strings.Contains(ua, "brand-protection crawler") {
				t.Errorf("capture %s: User-Agent %q", c.URL, ua)
			}
			if _, ok := c.RequestHeader[tokenHeader]; ok {
				t.Errorf("capture %s: internal header leaked", c.URL)
			}
			if !c.FetchedAt.Equal(clock) || c.FetchedAt.Location() != time.UTC {
				t.Errorf("capture %s: FetchedAt %v", c.URL, c.FetchedAt)
			}
		}
		if string(p.Captures[0].Body) != listingHTML("/item/a1", "/img/item/a1.png") {
			t.Errorf("page capture body differs from what the server sent")
		}
		if img := l.Images[0]; img.SHA256 != p.Captures[1].BodySHA256 {
			t.Errorf("image sha %s, capture sha %s", img.SHA256, p.Captures[1].BodySHA256)
		}
		// The photo carries the hashes the photo package computes from
		// the bytes the capture kept, PDQ included.
		want, err := photo.HashBytes(p.Captures[1].Body, photo.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if img := l.Images[0]; img.PHash != want.PHash || img.DHash != want.DHash || img.PDQ != want.PDQ || img.PDQQuality != want.PDQQuality || img.PDQ.IsZero() {
			t.Errorf("image hashes %+v, want those of %+v", img, want)
		}
	})
	t.Run("bomb photo is refused", func(t *testing.T) {
		p := col.byID("bomb1")
		if p == nil || len(p.Listing.Images) != 1 || p.Listing.Images[0].Err == "" || p.Listing.Images[0].Hashed {
			t.Fatalf("bomb listing %+v", p)
		}
	})
	t.Run("404 listing is removed", func(t *testing.T) {
		p := col.byID("gone1")
		if p == nil || !p.Listing.Removed || p.Captures[0].Status != 404 {
			t.Fatalf("gone listing %+v", p)
		}
	})
	t.Run("malformed page still extracts", func(t *testing.T) {
		p := col.byID("bad1")
		if p == nil || !strings.HasPrefix(p.Listing.Title, "Bad") {
			t.Fatalf("bad listing %+v", p)
		}
	})
	pmu.Lock()
	if progress == 0 {
		t.Error("progress never reported")
	}
	pmu.Unlock()
}

// TestRunNextPage follows next_page links, stops at max_pages and does not
// read a result page twice when the links loop.
func TestRunNextPage(t *testing.T) {
	m := newMarket(t)
	next := map[string]string{"1": "/results/2#top", "2": "/results/3", "3": "/results/1", "4": "/results/5", "5": ""}
	for k, n := range next {
		m.handlers["/results/"+k] = func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<div class="result"><a class="title" href="/item/n%s">x</a></div><a class="next" href="%s">next</a>`, k, n)
		}
	}
	m.start()
	tests := []struct {
		name     string
		maxPages int
		want     []string
	}{
		{"loop back to page 1 ends the walk", 10, []string{"n1", "n2", "n3"}},
		{"max_pages caps the walk", 2, []string{"n1", "n2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m.resetCounts()
			s := demoSite(m.url())
			s.Search.URL = "{base}/results/1?q={query}"
			s.Search.NextPage = rules.MustParseSelector("a.next@href")
			c, err := New(s, WithMaxPages(tt.maxPages))
			if err != nil {
				t.Fatal(err)
			}
			var col collector
			if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
				t.Fatal(err)
			}
			if got := col.ids(); !slices.Equal(got, tt.want) {
				t.Errorf("emitted %v, want %v", got, tt.want)
			}
			for u, n := range m.allCounts() {
				if n != 1 {
					t.Errorf("%s fetched %d times", u, n)
				}
			}
		})
	}
}
