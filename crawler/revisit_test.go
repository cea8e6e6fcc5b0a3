package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// TestRevisitThroughTheCrawler: a revisit fetches by URL in one run of the
// crawler: gone pages come back removed under the id asked for, failures
// reach visit as errors, a photo the search crawl fetched is not fetched
// again, the connections the search crawl opened are reused, no more than
// the site's parallelism is in flight, and visit is never called
// concurrently.
func TestRevisitThroughTheCrawler(t *testing.T) {
	m := newMarket(t)
	m.search[1] = []string{"/item/r1"}
	m.pages["/item/r1"] = listingHTML("/item/r1", "/img/shared.png")
	m.pages["/item/r2"] = listingHTML("/item/r2", "/img/shared.png")
	var inFlight, peak atomic.Int32
	slow := func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(5 * time.Millisecond) // lets fetches overlap, if they may
		fmt.Fprint(w, listingHTML(r.URL.Path, "/img/shared.png"))
	}
	var urls []string
	for i := range 12 {
		p := fmt.Sprintf("/load/l%d", i)
		m.handlers[p] = slow
		urls = append(urls, p)
	}
	m.handlers["/item/gone"] = func(w http.ResponseWriter, _ *http.Request) { http.NotFound(w, nil) }
	m.handlers["/item/down"] = func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) }
	var conns atomic.Int32
	m.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	m.start()
	site := demoSite(m.url())
	site.Politeness.Parallelism = 3
	c, err := New(site, fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	var col collector
	if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
		t.Fatal(err)
	}
	afterSearch := conns.Load()

	targets := append([]string{"/item/r2", "/item/gone", "/item/down"}, urls...)
	var (
		busy   atomic.Bool
		mu     sync.Mutex
		pages  = map[string]*Page{}
		failed = map[string]error{}
	)
	st, err := c.Revisit(context.Background(), func(ctx context.Context, yield func(string) bool) error {
		for _, p := range targets {
			if !yield(m.url() + p) {
				break
			}
		}
		return nil
	}, func(_ context.Context, u string, p *Page, err error) error {
		if !busy.CompareAndSwap(false, true) {
			t.Error("visit called concurrently")
		}
		defer busy.Store(false)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed[u] = err
		} else {
			pages[u] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages)+len(failed) != len(targets) || st.Listings != len(pages) {
		t.Fatalf("%d pages and %d failures for %d urls (stats %+v)", len(pages), len(failed), len(targets), st)
	}
	if g := pages[m.url()+"/item/gone"]; g == nil || !g.Listing.Removed || g.Listing.ID != "gone" {
		t.Errorf("gone page: %+v, want removed under id gone", g)
	}
	if err := failed[m.url()+"/item/down"]; err == nil || !errors.As(err, new(*fetchError)) {
		t.Errorf("503 page: %v, want a fetch error", err)
	}
	if r2 := pages[m.url()+"/item/r2"]; r2 == nil || !r2.Listing.Images[0].Hashed || !slices.ContainsFunc(r2.Captures, func(c shadowscan.Capture) bool { return c.Kind == kindPhoto }) {
		t.Errorf("r2: %+v, want its shared photo hashed and captured", r2)
	}
	if n := m.count("/img/shared.png"); n != 1 {
		t.Errorf("the photo of the search crawl was fetched %d times in all, want 1", n)
	}
	if p := peak.Load(); p > 3 || p < 2 {
		t.Errorf("%d fetches in flight at once, want at most the site's 3 (and some overlap)", p)
	}
	if n := conns.Load(); n > afterSearch+3 {
		t.Errorf("the revisit opened %d connections beyond the search crawl's %d", n-afterSearch, afterSearch)
	}
	// A second revisit finds the connections of the first open.
	before := conns.Load()
	if _, err := c.Revisit(context.Background(), func(ctx context.Context, yield func(string) bool) error {
		for _, p := range urls {
			yield(m.url() + p)
		}
		return nil
	}, func(context.Context, string, *Page, error) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if n := conns.Load() - before; n != 0 {
		t.Errorf("a second revisit opened %d new connections; the crawler's transport keeps them open between runs", n)
	}
}

// TestRevisitStopsOnVisitError: an error from visit stops the revisit
// and is returned; URLs not yet yielded are not fetched.
func TestRevisitStopsOnVisitError(t *testing.T) {
	m := newMarket(t).start()
	site := demoSite(m.url())
	site.Politeness.Parallelism = 1
	c, err := New(site, fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("disk full")
	_, err = c.Revisit(context.Background(), func(ctx context.Context, yield func(string) bool) error {
		for i := range 50 {
			if !yield(fmt.Sprintf("%s/item/s%d", m.url(), i)) {
				return nil
			}
		}
		return nil
	}, func(context.Context, string, *Page, error) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatalf("revisit: %v, want the visit error", err)
	}
	fetched := 0
	for i := range 50 {
		fetched += m.count(fmt.Sprintf("/item/s%d", i))
	}
	if fetched > 3 {
		t.Errorf("%d listings fetched after visit failed on the first", fetched)
	}
}

// TestInFlight: a run works on the site's parallelism of listings at
// once, three times that when the photos have a host of their own.
func TestInFlight(t *testing.T) {
	site := demoSite("http://127.0.0.1:1")
	site.Politeness.Parallelism = 4
	if n := InFlight(site, false); n != 4 {
		t.Errorf("photos on the site: %d in flight, want 4", n)
	}
	if n := InFlight(site, true); n != unpoliteParallelism {
		t.Errorf("politeness off: %d in flight, want %d", n, unpoliteParallelism)
	}
	site.PhotoHosts = []string{"img.example"}
	if n := InFlight(site, false); n != 12 {
		t.Errorf("photos on an image host: %d in flight, want 12", n)
	}
}

// peakHandler counts the requests it serves at once.
type peakHandler struct {
	next           http.Handler
	inFlight, peak atomic.Int32
}

func (h *peakHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.inFlight.Add(1)
	defer h.inFlight.Add(-1)
	for p := h.peak.Load(); n > p && !h.peak.CompareAndSwap(p, n); p = h.peak.Load() {
	}
	time.Sleep(2 * time.Millisecond) // lets requests overlap, if they may
	h.next.ServeHTTP(w, r)
}

// TestRunKeepsEachHostAtTheSiteParallelism: with the photos on an image
// host, a run works on more listings than the site's parallelism, yet
// neither the site nor the image host ever has more than that many
// requests at once.
func TestRunKeepsEachHostAtTheSiteParallelism(t *testing.T) {
	cdnMarket := newMarket(t)
	cdn := &peakHandler{next: http.HandlerFunc(cdnMarket.serve)}
	cdnSrv := httptest.NewServer(cdn)
	t.Cleanup(cdnSrv.Close)
	m := newMarket(t)
	for i := range 40 {
		p := fmt.Sprintf("/item/h%d", i)
		m.search[1] = append(m.search[1], p)
		m.pages[p] = listingHTML(p, fmt.Sprintf("%s/img/h%d.png", cdnSrv.URL, i))
	}
	site := &peakHandler{next: http.HandlerFunc(m.serve)}
	m.srv.Config.Handler = site
	m.start()
	rule := demoSite(m.url())
	rule.Politeness.Parallelism = 3
	rule.PhotoHosts = []string{strings.TrimPrefix(cdnSrv.URL, "http://")}
	c, err := New(rule, fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	var col collector
	st, err := c.Run(context.Background(), []string{"q"}, col.sink)
	if err != nil || st.Listings != 40 || st.Photos != 40 {
		t.Fatalf("run: %+v, %v; want 40 listings with their photos", st, err)
	}
	if p := site.peak.Load(); p > 3 || p < 2 {
		t.Errorf("the site had %d requests at once, want at most its parallelism 3 (and some overlap)", p)
	}
	if p := cdn.peak.Load(); p > 3 {
		t.Errorf("the image host had %d requests at once, want at most 3", p)
	}
}
