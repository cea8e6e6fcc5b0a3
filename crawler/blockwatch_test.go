package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan/rules"
)

// captchaAfter makes m answer every request for a page (not robots.txt or
// photos) after the first n with a slider captcha page, as Taobao does to
// a crawler after a few pages.
func captchaAfter(m *market, n int64, captcha string) *atomic.Int64 {
	var seen atomic.Int64
	inner := m.serve
	m.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" && !strings.HasPrefix(r.URL.Path, "/img/") && seen.Add(1) > n {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, captcha)
			return
		}
		inner(w, r)
	})
	return &seen
}

const sliderPage = `<html><head><title>验证</title></head><body><div id="nc_1_wrapper"><span class="nc_iconfont btn_slide"></span>请按住滑块，拖动到最右边</div></body></html>`

// TestRunStopsWhenCaptchaWall crawls a marketplace that answers with a
// slider captcha after 6 requests: no captcha page reaches the sink, the
// site pauses after each blocked page, the crawl stops after BlockLimit
// blocked pages in a row with ErrSiteBlocked, and Blocks says why.
func TestRunStopsWhenCaptchaWall(t *testing.T) {
	m := newMarket(t)
	for p := 1; p <= 3; p++ {
		for i := range 8 {
			m.search[p] = append(m.search[p], fmt.Sprintf("/item/p%di%d", p, i))
		}
	}
	captchaAfter(m, 6, sliderPage)
	m.start()
	site := demoSite(m.url())
	site.Politeness.Parallelism = 1
	site.Politeness.BlockBackoff = 20 * time.Millisecond
	site.Politeness.BlockLimit = 3
	c, err := New(site, fastRetries, func(c *Crawler) { c.blockPause = 0 })
	if err != nil {
		t.Fatal(err)
	}
	var col collector
	start := time.Now()
	st, err := c.Run(context.Background(), []string{"q1", "q2"}, col.sink)
	if !errors.Is(err, ErrSiteBlocked) {
		t.Fatalf("Run: %v, want ErrSiteBlocked", err)
	}
	// Pauses of 20, 40 ms after the first two blocked pages.
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("run took %v: the site did not pause after blocked pages", d)
	}
	for _, p := range col.pages {
		if p.Listing.Title == "" || !p.Listing.HasPrice {
			t.Errorf("junk listing reached the sink: %+v", p.Listing)
		}
	}
	b := c.Blocks()
	// The third in a row stops the site; a request already sent (the
	// search walk's next page beside a listing) may come back blocked too.
	if !b.Stopped || b.Pages < 3 || b.Pages > 4 || b.Why[BlockCaptcha] != b.Pages || st.Blocked != b.Pages {
		t.Fatalf("blocks %+v, stats blocked %d; want stopped after 3 captcha pages", b, st.Blocked)
	}
	if !strings.Contains(b.Last, "captcha or slider") {
		t.Errorf("last block %q does not say captcha", b.Last)
	}
	// Once stopped, nothing more is fetched.
	before := len(m.allCounts())
	if _, err := c.FetchListing(context.Background(), m.url()+"/item/zz9"); !IsBlocked(err) {
		t.Errorf("FetchListing after the stop: %v, want a blocked error", err)
	}
	if len(m.allCounts()) != before {
		t.Errorf("a stopped site was fetched again")
	}
	t.Logf("stats %+v, listings %d, blocks %+v", st, len(col.pages), b)
}

// TestRuleBlockedSigns checks a rule's blocked selectors and patterns on
// listing and search pages, with a price on the page or not.
func TestRuleBlockedSigns(t *testing.T) {
	m := newMarket(t)
	m.pages["/item/wall1"] = `<html><body><div class="verify-wrap"></div><h1 class="title">奥罗拉</h1><span class="price">¥9</span></body></html>`
	m.pages["/item/busy1"] = `<html><body><p>访问过于频繁，请稍后再试</p></body></html>`
	m.pages["/item/ok1"] = listingHTML("/item/ok1", "/img/ok1.png")
	m.start()
	site := demoSite(m.url())
	for _, raw := range []string{"div.verify-wrap", "re:访问过于频繁"} {
		s, perr := rules.ParseBlockSign(raw)
		if perr != nil {
			t.Fatal(perr)
		}
		site.Blocked = append(site.Blocked, s)
	}
	site.Politeness.BlockBackoff = time.Millisecond
	c, err := New(site, fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/item/wall1", "/item/busy1"} {
		if _, err := c.FetchListing(context.Background(), m.url()+path); !IsBlocked(err) || !strings.Contains(err.Error(), "blocked sign") {
			t.Errorf("%s: %v, want blocked by the rule's sign", path, err)
		}
	}
	p, err := c.FetchListing(context.Background(), m.url()+"/item/ok1")
	if err != nil || p.Listing.ID != "ok1" {
		t.Fatalf("ok1: %v %+v", err, p)
	}
	if b := c.Blocks(); b.Why[BlockRule] != 2 || b.Stopped {
		t.Errorf("blocks %+v, want 2 by rule and not stopped", b)
	}
}

// TestDeniedStorm checks that one 403 is an error about one listing, and
// a run of 403s is the site blocking the crawler.
func TestDeniedStorm(t *testing.T) {
	m := newMarket(t)
	for i := range 6 {
		m.search[1] = append(m.search[1], fmt.Sprintf("/item/f%d", i))
		m.handlers[fmt.Sprintf("/item/f%d", i)] = func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "forbidden", http.StatusForbidden)
		}
	}
	m.start()
	site := demoSite(m.url())
	site.Politeness.Parallelism = 1
	site.Politeness.BlockBackoff = time.Millisecond
	site.Politeness.BlockLimit = 4
	c, err := New(site, fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	var col collector
	st, err := c.Run(context.Background(), []string{"q"}, col.sink)
	if !errors.Is(err, ErrSiteBlocked) {
		t.Fatalf("Run: %v, want ErrSiteBlocked", err)
	}
	b := c.Blocks()
	if b.Why[BlockHTTP403] != 4 || st.Errors["http_4xx"] != 4 {
		t.Errorf("blocks %+v, errors %v: want the 4 answers of the storm counted as blocked", b, st.Errors)
	}

	one := newMarket(t)
	one.handlers["/item/f1"] = func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) }
	one.start()
	c1, err := New(demoSite(one.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c1.FetchListing(context.Background(), one.url()+"/item/f1"); err == nil || IsBlocked(err) {
		t.Errorf("a single 403: %v, want an error that is not a block", err)
	}
	if b := c1.Blocks(); b.Pages != 0 {
		t.Errorf("a single 403 counted as blocked: %+v", b)
	}
}
