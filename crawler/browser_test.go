package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// chromiumPath is where Debian's chromium package puts the browser
// (.ci/web-tools.sh installs it).
const chromiumPath = "/usr/bin/chromium"

// needChromium skips a browser test under -short or when chromium is
// missing (fails then when SHADOWSCAN_REQUIRE_TOOLS=1, as in CI).
func needChromium(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("end-to-end browser test: runs without -short (make test runs it in its second pass)")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("SHADOWSCAN_REQUIRE_TOOLS") == "1" {
			tb.Fatalf("%s is missing and SHADOWSCAN_REQUIRE_TOOLS=1: install it with .ci/web-tools.sh (apt-get install -y chromium)", chromiumPath)
		}
		tb.Skipf("skipping the browser test: %s is missing (install it with .ci/web-tools.sh)", chromiumPath)
	}
}

// jsMarket serves testdata/jsmarket (a marketplace whose results and
// listing fields are built by scripts) and counts requests by path.
type jsMarket struct {
	srv    *httptest.Server
	routes map[string]http.HandlerFunc // by path, before the files
	mu     sync.Mutex
	counts map[string]int
	seen   []string
}

func newJSMarket(tb testing.TB) *jsMarket {
	m := &jsMarket{counts: map[string]int{}, routes: map[string]http.HandlerFunc{}}
	files := http.FileServer(http.Dir("../testdata/jsmarket"))
	m.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		m.counts[r.URL.Path]++
		m.seen = append(m.seen, r.URL.RequestURI())
		h := m.routes[r.URL.Path]
		m.mu.Unlock()
		if h != nil {
			h(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	tb.Cleanup(m.srv.Close)
	return m
}

func (m *jsMarket) count(path string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.counts[path]
}

// requested lists the request URIs that start with prefix.
func (m *jsMarket) requested(prefix string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, s := range m.seen {
		if strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	return out
}

// jsMarketRule is the site rule of jsMarket; fetch is "browser" or "http".
func jsMarketRule(tb testing.TB, base, fetch string) *rules.Site {
	tb.Helper()
	src := fmt.Sprintf(`name: jsmarket
base_url: %s
fetch: %s
search:
  url: "{base}/search.html?q={query}&page={page}"
  listing_links: "div.result a.title@href"
  max_pages: 5
listing:
  id: "h1.title@data-id"
  title: "h1.title"
  price: "span.price"
  currency: CNY
  seller_id: ".shop a@data-shop-id"
  seller_name: ".shop a"
  images: ".gallery img@src"
  description: ".desc"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: true, timeout: 20s, retries: 1}
`, base, fetch)
	if fetch == rules.FetchBrowser {
		src += "wait_timeout: 5s\n"
		src = strings.Replace(src, "  max_pages: 5\n", "  max_pages: 5\n  wait_for: \"#done\"\n", 1)
		src = strings.Replace(src, "listing:\n", "listing:\n  wait_for: \"h1.title\"\n", 1)
	}
	site, err := rules.ParseSite("jsmarket.yaml", []byte(src))
	if err != nil {
		tb.Fatal(err)
	}
	return site
}

// jsMarketWant are the listings of testdata/jsmarket/api.
var jsMarketWant = map[string]struct{ title, price, seller, sellerName string }{
	"b1": {"Aurora Hand Cream 50ml 高仿 1:1 原单", "9.90", "shop-77", "Lucky Store"},
	"b2": {"Aurora Hand Cream 50ml 工厂直供", "12.50", "shop-78", "Factory Direct"},
	"b3": {"Aurora Plant Protein Powder 500g 高仿", "39.00", "shop-79", "Cheap Goods"},
	"b4": {"Aurora Hand Cream 50ml replica", "8.80", "shop-80", "Replica King"},
	"b5": {"Aurora Plant Protein Powder 500g 尾单", "45.00", "shop-81", "Tail Goods"},
}

// TestBrowserFetchScriptMarket scans a marketplace whose results and
// listings exist only after scripts run: a plain scan finds nothing, a
// fetch: browser scan finds every listing with its fields, keeps the
// document as received plus a screenshot, and fetches its photos.
func TestBrowserFetchScriptMarket(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)

	plain, err := New(jsMarketRule(t, m.srv.URL, rules.FetchHTTP))
	if err != nil {
		t.Fatal(err)
	}
	var none collector
	st, err := plain.Run(context.Background(), []string{"aurora"}, none.sink)
	plain.CloseIdleConnections()
	if err != nil {
		t.Fatal(err)
	}
	if st.Listings != 0 || len(none.pages) != 0 {
		t.Fatalf("a plain scan found %d listings in pages that only scripts fill", st.Listings)
	}

	robotsBefore := m.count("/robots.txt")
	c, err := New(jsMarketRule(t, m.srv.URL, rules.FetchBrowser), WithBrowserPath(chromiumPath))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	var col collector
	st, err = c.Run(context.Background(), []string{"aurora"}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats: %+v", st)
	got := map[string]*Page{}
	for _, p := range col.pages {
		got[p.Listing.ID] = p
	}
	if len(got) != len(jsMarketWant) {
		t.Fatalf("got listings %v, want %d", slices.Collect(func(yield func(string) bool) {
			for id := range got {
				if !yield(id) {
					return
				}
			}
		}), len(jsMarketWant))
	}
	for id, w := range jsMarketWant {
		p := got[id]
		if p == nil {
			t.Errorf("listing %s missing", id)
			continue
		}
		l := p.Listing
		if l.Title != w.title || l.Price.String() != w.price || l.Currency != "CNY" || l.SellerID != w.seller || l.SellerName != w.sellerName {
			t.Errorf("%s: got %q %s %s seller %q %q, want %+v", id, l.Title, l.Price, l.Currency, l.SellerID, l.SellerName, w)
		}
		if l.URL != m.srv.URL+"/item.html?id="+id {
			t.Errorf("%s: url %s", id, l.URL)
		}
		if len(l.Images) != 1 || l.Images[0].URL != m.srv.URL+"/img/"+id+".png" {
			t.Errorf("%s: images %+v", id, l.Images)
		}
		kinds := map[string]*shadowscan.Capture{}
		for i := range p.Captures {
			kinds[p.Captures[i].Kind] = &p.Captures[i]
		}
		page, shot, photo := kinds[kindPage], kinds[shadowscan.CaptureScreenshot], kinds[kindPhoto]
		switch {
		case page == nil || shot == nil || photo == nil:
			t.Errorf("%s: captures %v, want a page, a screenshot and a photo", id, slices.Collect(func(yield func(string) bool) {
				for k := range kinds {
					yield(k)
				}
			}))
			continue
		case !strings.Contains(string(page.Body), "loading…") || strings.Contains(string(page.Body), w.title):
			t.Errorf("%s: the page capture is not the document as received (the shell without the fields):\n%s", id, page.Body)
		case page.Status != 200 || page.Header["Content-Type"] == nil || page.FetchedAt.IsZero():
			t.Errorf("%s: page capture status %d header %v at %v", id, page.Status, page.Header, page.FetchedAt)
		case photo.Status != 200 || photo.Header["Content-Type"] == nil || photo.FetchedAt.IsZero() || len(photo.Body) == 0 || !l.Images[0].Hashed:
			t.Errorf("%s: photo capture status %d header %v at %v, %d bytes, hashed %v", id, photo.Status, photo.Header, photo.FetchedAt, len(photo.Body), l.Images[0].Hashed)
		case !strings.HasPrefix(string(shot.Body), "\x89PNG\r\n\x1a\n") || shot.BodySize != int64(len(shot.Body)):
			t.Errorf("%s: screenshot is not a PNG (%d bytes)", id, len(shot.Body))
		}
	}
	// Once for the browser's pages, once by the photo fetcher.
	if n := m.count("/robots.txt") - robotsBefore; n < 1 || n > 2 {
		t.Errorf("robots.txt read %d times, want once for the pages and at most once for the photos", n)
	}
	// The photos are the bytes the browser received: none is fetched again.
	for id := range jsMarketWant {
		if n := m.count("/img/" + id + ".png"); n != 1 {
			t.Errorf("photo %s requested %d times, want once (by the browser)", id, n)
		}
	}
	if n := len(m.requested("/item.html")); n != len(jsMarketWant) {
		t.Errorf("listing pages loaded %d times, want %d: %v", n, len(jsMarketWant), m.requested("/item.html"))
	}
}

// TestBrowserRobots: a page robots.txt disallows is not loaded.
func TestBrowserRobots(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	c, err := New(jsMarketRule(t, m.srv.URL, rules.FetchBrowser), WithBrowserPath(chromiumPath))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	_, err = c.FetchListing(context.Background(), m.srv.URL+"/private/item.html?id=b1")
	if err == nil || !strings.Contains(err.Error(), "robots") {
		t.Fatalf("FetchListing of a disallowed page: %v, want a robots error", err)
	}
	if n := len(m.requested("/private/")); n != 0 {
		t.Errorf("the disallowed page was requested %d times", n)
	}
}

// TestBrowserEndlessScroll: an endless list is scrolled as far as the
// rule says and no further, and every listing it shows is stored with
// the fields its page's script fetches.
func TestBrowserEndlessScroll(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	for i := range 200 {
		id := fmt.Sprintf("e%d", i)
		m.routes["/api/item-"+id+".json"] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"id":%q,"title":"Endless Aurora Hand Cream %d","price":"¥%d.50","seller_id":"shop-e%d","seller_name":"Endless Shop %d","images":[],"description":"item %d"}`, id, i, 10+i, i%7, i%7, i)
		}
	}
	site := jsMarketRule(t, m.srv.URL, rules.FetchBrowser)
	site.Search.URL = "{base}/endless.html?q={query}"
	site.Search.WaitFor = "div.result"
	site.Search.MaxPages = 1
	for _, tc := range []struct{ scroll, want int }{{0, 10}, {3, 40}} {
		t.Run(fmt.Sprintf("scroll %d", tc.scroll), func(t *testing.T) {
			s := site.Clone()
			s.Search.Scroll = tc.scroll
			c, err := New(s, WithBrowserPath(chromiumPath))
			if err != nil {
				t.Fatal(err)
			}
			defer c.CloseIdleConnections()
			before := len(m.requested("/item.html"))
			var col collector
			if _, err := c.Run(context.Background(), []string{"q" + fmt.Sprint(tc.scroll)}, col.sink); err != nil {
				t.Fatal(err)
			}
			if got := len(m.requested("/item.html")) - before; got != tc.want {
				t.Errorf("listing pages loaded %d, want %d (ten a screen)", got, tc.want)
			}
			if got := len(col.ids()); got != tc.want {
				t.Errorf("%d listings extracted, want %d: %v", got, tc.want, col.ids())
			}
			for i := range tc.want {
				p := col.byID(fmt.Sprintf("e%d", i))
				if p == nil {
					t.Errorf("listing e%d not extracted", i)
					continue
				}
				l := p.Listing
				if l.Title != fmt.Sprintf("Endless Aurora Hand Cream %d", i) || l.Price != shadowscan.Amount((10+i)*100+50) || l.SellerID != fmt.Sprintf("shop-e%d", i%7) {
					t.Errorf("e%d extracted as %q %v %q", i, l.Title, l.Price, l.SellerID)
				}
			}
		})
	}
}

// TestBrowserGuardRefusesOffsite: a listing page whose scripts reach for
// an image and JSON on another port, or on a photo host that resolves to
// a loopback address the site is not on, gets neither.
func TestBrowserGuardRefusesOffsite(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	spy, spied := newSpy(t)
	spyPort := spy.Listener.Addr().(*net.TCPAddr).Port

	for _, tc := range []struct {
		name, spyBase, kind string
		photoHosts          []string
	}{
		{"another port", spy.URL, "offsite", nil},
		{"a photo host on loopback", fmt.Sprintf("http://localhost:%d", spyPort), "private_address", []string{fmt.Sprintf("localhost:%d", spyPort)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := jsMarketRule(t, m.srv.URL, rules.FetchBrowser)
			site.PhotoHosts = tc.photoHosts
			c, err := New(site, WithBrowserPath(chromiumPath))
			if err != nil {
				t.Fatal(err)
			}
			defer c.CloseIdleConnections()
			r, err := c.newRun(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.fetchListing(context.Background(), m.srv.URL+"/item.html?id=b1&spy="+tc.spyBase)
			if err != nil {
				t.Fatal(err)
			}
			if p.Listing.ID != "b1" || p.Listing.Title != jsMarketWant["b1"].title {
				t.Errorf("listing %+v", p.Listing)
			}
			st := r.stats.snapshot()
			if st.Errors[tc.kind] < 2 {
				t.Errorf("errors %v, want the image and the JSON request refused as %s", st.Errors, tc.kind)
			}
			if got := spied(); len(got) != 0 {
				t.Errorf("the other host got %v", got)
			}
		})
	}
}

// TestBrowserRestart kills the browser in the middle of a scan: it is
// started again and every listing still arrives.
func TestBrowserRestart(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	var mu sync.Mutex
	var pids []int
	site := jsMarketRule(t, m.srv.URL, rules.FetchBrowser)
	site.Politeness.Retries = 2
	c, err := New(site, WithBrowserPath(chromiumPath), fastRetries, WithBrowserStarted(func(pid int) {
		mu.Lock()
		pids = append(pids, pid)
		mu.Unlock()
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	c.workers = 1
	var col collector
	killed := false
	sink := func(ctx context.Context, p *Page) error {
		if !killed && len(col.pages) == 1 {
			killed = true
			mu.Lock()
			pid := pids[0]
			mu.Unlock()
			// Only the browser this test's crawler started, by its pid.
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Errorf("kill the browser %d: %v", pid, err)
			}
			time.Sleep(200 * time.Millisecond)
		}
		return col.sink(ctx, p)
	}
	st, err := c.Run(context.Background(), []string{"aurora"}, sink)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats: %+v", st)
	ids := map[string]bool{}
	for _, p := range col.pages {
		ids[p.Listing.ID] = true
	}
	if len(ids) != len(jsMarketWant) {
		t.Errorf("got %d listings after the browser died, want %d (%v)", len(ids), len(jsMarketWant), ids)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(pids) != 2 {
		t.Errorf("browser started %d times (%v), want twice: once, and once after it was killed", len(pids), pids)
	}
}

// TestBrowserMissing: a fetch: browser site without a browser fails each
// page with an error saying what to install, and is counted as browser.
func TestBrowserMissing(t *testing.T) {
	m := newJSMarket(t)
	var notice error
	c, err := New(jsMarketRule(t, m.srv.URL, rules.FetchBrowser), WithBrowserPath(filepath.Join(t.TempDir(), "no-chromium")),
		WithFailureNotice(1, func(_ int, err error) { notice = err }))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	st, err := c.Run(context.Background(), []string{"aurora"}, func(context.Context, *Page) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if st.Errors["browser"] == 0 || st.Listings != 0 {
		t.Errorf("stats %+v, want the search page failed as browser", st)
	}
	if notice == nil || !strings.Contains(notice.Error(), "install Debian's chromium") {
		t.Errorf("failure notice %v, want one saying to install chromium", notice)
	}
	if n := len(m.requested("/search.html")); n != 0 {
		t.Errorf("search page requested %d times without a browser", n)
	}
}

// TestBrowserDocumentGuard: a listing page that redirects off the site is
// refused at the redirect, and one over the body limit is too_large; the
// browser fetches neither.
func TestBrowserDocumentGuard(t *testing.T) {
	needChromium(t)
	spy, spied := newSpy(t)
	m := newJSMarket(t)
	m.routes["/moved"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, spy.URL+"/item.html?id=b1", http.StatusFound)
	}
	m.routes["/huge"] = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>" + strings.Repeat("x", 8<<10) + "</body></html>"))
	}
	site := jsMarketRule(t, m.srv.URL, rules.FetchBrowser)
	site.Politeness.MaxBodyBytes = 4 << 10
	c, err := New(site, WithBrowserPath(chromiumPath))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	for path, kind := range map[string]string{"/moved": "offsite", "/huge": "too_large"} {
		_, err := c.FetchListing(context.Background(), m.srv.URL+path)
		var fe *fetchError
		if !errors.As(err, &fe) || fe.Kind != kind {
			t.Errorf("%s: %v, want a %s error", path, err, kind)
		}
	}
	if got := spied(); len(got) != 0 {
		t.Errorf("the other host got %v", got)
	}
}

// TestBrowserSession: a fetch: browser site that needs a session gets
// the session's cookies in its tabs (and a page without them would be a
// redirect to the login page), and a cookie the site refreshes in the
// browser goes back to the session.
func TestBrowserSession(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	var mu sync.Mutex
	var got []string
	m.routes["/member.html"] = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Get("Cookie"))
		mu.Unlock()
		if c, err := r.Cookie("sid"); err != nil || c.Value != "FIRST" {
			http.Redirect(w, r, "/login?next=/member.html", http.StatusFound)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "ROTATED", Path: "/"})
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><body><h1 class="title" data-id="m1">Aurora Hand Cream 50ml members</h1><span class="price">¥20.00</span></body></html>`))
	}
	site := jsMarketRule(t, m.srv.URL, rules.FetchBrowser)
	host := strings.TrimPrefix(m.srv.URL, "http://")
	host = host[:strings.IndexByte(host, ':')]
	c, err := New(site, WithBrowserPath(chromiumPath), WithSession([]shadowscan.Cookie{
		{Name: "sid", Value: "FIRST", Domain: host, HostOnly: true, Path: "/"},
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	p, err := c.FetchListing(context.Background(), m.srv.URL+"/member.html")
	if err != nil {
		t.Fatalf("FetchListing with the session: %v (cookies sent %q)", err, got)
	}
	if p.Listing.ID != "m1" || p.Listing.Title != "Aurora Hand Cream 50ml members" {
		t.Errorf("listing %+v", p.Listing)
	}
	cookies, changed := c.Session()
	if !changed || len(cookies) != 1 || cookies[0].Value != "ROTATED" {
		t.Errorf("session after the page: %+v changed %v, want sid=ROTATED", cookies, changed)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0] != "sid=FIRST" {
		t.Errorf("the page got cookies %q, want sid=FIRST once", got)
	}
}

// TestBrowserProxy: a fetch: browser site's pages and their requests go
// through the site's HTTP proxy, logged in with its credentials; a
// SOCKS5 proxy with credentials, which Chromium cannot use, is refused
// when the crawler is made.
func TestBrowserProxy(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	var mu sync.Mutex
	var through []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Proxy-Authorization") != "Basic dTpzZWNyZXQ=" { // u:secret
			w.Header().Set("Proxy-Authenticate", `Basic realm="proxy"`)
			w.WriteHeader(http.StatusProxyAuthRequired)
			return
		}
		mu.Lock()
		through = append(through, r.URL.Path)
		mu.Unlock()
		out, _ := http.NewRequest(r.Method, r.URL.String(), nil)
		resp, err := http.DefaultTransport.RoundTrip(out)
		if err != nil {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	}))
	defer proxy.Close()
	site := jsMarketRule(t, m.srv.URL, rules.FetchBrowser)
	site.Politeness.RespectRobotsTxt = false
	c, err := New(site, WithBrowserPath(chromiumPath), WithProxies([]string{"http://u:secret@" + strings.TrimPrefix(proxy.URL, "http://")}))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	p, err := c.FetchListing(context.Background(), m.srv.URL+"/item.html?id=b3")
	if err != nil {
		t.Fatal(err)
	}
	if p.Listing.Title != jsMarketWant["b3"].title {
		t.Errorf("listing %+v", p.Listing)
	}
	mu.Lock()
	for _, want := range []string{"/item.html", "/api/item-b3.json", "/img/b3.png"} {
		if !slices.Contains(through, want) {
			t.Errorf("%s did not go through the proxy (it saw %v)", want, through)
		}
	}
	mu.Unlock()

	_, err = New(site, WithBrowserPath(chromiumPath), WithProxies([]string{"socks5://u:p@127.0.0.1:1080"}))
	if err == nil || !strings.Contains(err.Error(), "cannot log in to a SOCKS5 proxy") {
		t.Errorf("a SOCKS5 proxy with credentials: %v, want refused", err)
	}
}

// TestBrowserRetries429: a browser page answered 429 is counted and tried
// again, and the second answer is read.
func TestBrowserRetries429(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	var mu sync.Mutex
	n := 0
	m.routes["/busy.html"] = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		first := n == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><body><h1 class="title" data-id="busy1">Aurora Hand Cream 50ml</h1><span class="price">¥30.00</span></body></html>`))
	}
	c, err := New(jsMarketRule(t, m.srv.URL, rules.FetchBrowser), WithBrowserPath(chromiumPath), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	r, err := c.newRun(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.fetchListing(context.Background(), m.srv.URL+"/busy.html")
	if err != nil {
		t.Fatal(err)
	}
	st := r.stats.snapshot()
	if p.Listing.ID != "busy1" || st.Errors["http_429"] != 1 || st.Retries != 1 {
		t.Errorf("listing %q, stats %+v: want busy1 after one counted 429 and one retry", p.Listing.ID, st)
	}
}

// TestBrowserDiesMidPage kills the browser while it waits for a page: the
// page is tried again in a new browser and read.
func TestBrowserDiesMidPage(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	var mu sync.Mutex
	var pids []int
	calls := 0
	m.routes["/fatal.html"] = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		first, pid := calls == 1, pids[len(pids)-1]
		mu.Unlock()
		if first {
			// Only the browser this test's crawler started, by its pid.
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Errorf("kill the browser %d: %v", pid, err)
			}
			time.Sleep(500 * time.Millisecond)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><body><h1 class="title" data-id="f1">Aurora Hand Cream 50ml</h1><span class="price">¥30.00</span></body></html>`))
	}
	site := jsMarketRule(t, m.srv.URL, rules.FetchBrowser)
	site.Politeness.RespectRobotsTxt = false
	site.Politeness.Retries = 2
	c, err := New(site, WithBrowserPath(chromiumPath), fastRetries, WithBrowserStarted(func(pid int) {
		mu.Lock()
		pids = append(pids, pid)
		mu.Unlock()
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	p, err := c.FetchListing(context.Background(), m.srv.URL+"/fatal.html")
	if err != nil {
		t.Fatalf("FetchListing after the browser died under it: %v", err)
	}
	if p.Listing.ID != "f1" {
		t.Errorf("listing %+v", p.Listing)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(pids) != 2 || calls != 2 {
		t.Errorf("browser started %d times, page requested %d times; want 2 and 2", len(pids), calls)
	}
}

// TestBrowserRecycled: after its page budget a browser is replaced, and
// the old one's processes end once its last tab closes, so a long scan's
// memory stays bounded.
func TestBrowserRecycled(t *testing.T) {
	needChromium(t)
	m := newJSMarket(t)
	var mu sync.Mutex
	var pids []int
	c, err := New(jsMarketRule(t, m.srv.URL, rules.FetchBrowser), WithBrowserPath(chromiumPath), WithBrowserStarted(func(pid int) {
		mu.Lock()
		pids = append(pids, pid)
		mu.Unlock()
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseIdleConnections()
	c.browser.recycle = 3
	var col collector
	if _, err := c.Run(context.Background(), []string{"aurora"}, col.sink); err != nil {
		t.Fatal(err)
	}
	if len(col.pages) != len(jsMarketWant) {
		t.Errorf("got %d listings, want %d", len(col.pages), len(jsMarketWant))
	}
	mu.Lock()
	defer mu.Unlock()
	// 3 search pages and 5 listings: 8 pages, three a browser.
	if len(pids) != 3 {
		t.Fatalf("browsers started %v, want 3 for 8 pages at 3 a browser", pids)
	}
	for _, pid := range pids[:len(pids)-1] {
		deadline := time.Now().Add(5 * time.Second)
		for processAliveByPid(pid) && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if processAliveByPid(pid) {
			t.Errorf("retired browser %d still runs", pid)
		}
	}
}

// processAliveByPid reports whether pid runs and is not a zombie.
func processAliveByPid(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && s[i+2] != 'Z'
}

// newSpy serves another host the crawler must never reach (any path,
// CORS open so a page's scripts could read it) and returns the paths it
// was asked for.
func newSpy(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	spy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Write([]byte("{}"))
	}))
	t.Cleanup(spy.Close)
	return spy, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(paths)
	}
}
