package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// How a listing of faultMarket answers.
const (
	modeLive     = "live"
	mode404      = "404"
	mode410      = "410"
	modeMarker   = "marker"
	modeMarkerAt = "marker-elsewhere" // the offline page names another listing as canonical
	mode500      = "500"
	mode503      = "503"
	modeTimeout  = "timeout"
	modeLogin    = "login" // 302 to a login page
	modeCaptcha  = "captcha"
	mode403      = "403"
	mode429      = "429"
	modeEmpty    = "empty" // 200, neither title nor price
)

// faultMarket is a marketplace whose listings each answer as their mode
// says: live, gone three ways, or the faults that must never read as gone.
// Its search lists every listing (a marketplace's index lags its takedowns)
// unless told not to, so a rescan sees them through search or, with an
// empty search, through revisits by URL.
type faultMarket struct {
	mu        sync.Mutex
	modes     map[string]string
	requests  map[string]int
	searchOff bool
	// elsewhere is the listing the modeMarkerAt page names as canonical.
	elsewhere string
	// unlisted are left out of search results once set.
	unlisted map[string]bool
}

func newFaultMarket(ids []string) *faultMarket {
	m := &faultMarket{modes: map[string]string{}, requests: map[string]int{}}
	for _, id := range ids {
		m.modes[id] = modeLive
	}
	return m
}

func (m *faultMarket) set(id, mode string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.modes[id] = mode
}

func (m *faultMarket) count(path string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.requests[path]
}

func (m *faultMarket) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.requests[r.URL.Path]++
	ids := make([]string, 0, len(m.modes))
	for id := range m.modes {
		if !m.unlisted[id] {
			ids = append(ids, id)
		}
	}
	searchOff := m.searchOff
	id, isItem := strings.CutPrefix(r.URL.Path, "/item/")
	mode := m.modes[id]
	elsewhere := m.elsewhere
	m.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case r.URL.Path == "/search":
		var b strings.Builder
		b.WriteString("<!doctype html><html><body>")
		if !searchOff && r.URL.Query().Get("page") == "1" {
			slices.Sort(ids)
			for _, id := range ids {
				fmt.Fprintf(&b, `<div class="result"><a class="title" href="/item/%s">x</a></div>`, id)
			}
		}
		b.WriteString("</body></html>")
		fmt.Fprint(w, b.String())
	case r.URL.Path == "/member/login.htm":
		fmt.Fprint(w, `<!doctype html><html><head><title>登录</title></head><body><form method="post"><input name="u"><input type="password" name="p"></form></body></html>`)
	case strings.HasPrefix(r.URL.Path, "/img/"):
		http.NotFound(w, r)
	case isItem && mode != "":
		m.serveItem(w, r, id, mode, elsewhere)
	default:
		http.NotFound(w, r)
	}
}

func (m *faultMarket) serveItem(w http.ResponseWriter, r *http.Request, id, mode, elsewhere string) {
	page := func(canonical, body string) {
		fmt.Fprintf(w, `<!doctype html><html><head><meta charset="utf-8"><link rel="canonical" href="%s"></head><body>%s</body></html>`, canonical, body)
	}
	switch mode {
	case modeLive:
		// A counterfeit of the demo catalogue's protein powder: named,
		// red-flag words, a third of the list price, an unknown shop.
		page("/item/"+id, fmt.Sprintf(`<h1 class="title">奥罗拉植物蛋白粉 Aurora Plant Protein Powder 500g 原单 高仿 %s</h1>
<span class="price">¥59.00</span><div class="shop"><a data-shop-id="fake-%s">仿货店 %s</a></div>`, html.EscapeString(id), id, id))
	case mode404:
		http.Error(w, "not found", http.StatusNotFound)
	case mode410:
		http.Error(w, "gone", http.StatusGone)
	case modeMarker:
		page("/item/"+id, `<h1 class="title">商品已下架</h1><div class="offline-notice">此商品已下架</div>`)
	case modeMarkerAt:
		page("/item/"+elsewhere, `<h1 class="title">商品已下架</h1><div class="offline-notice">此商品已下架</div><p>看看相似商品</p>`)
	case mode500:
		http.Error(w, "oops", http.StatusInternalServerError)
	case mode503:
		http.Error(w, "busy", http.StatusServiceUnavailable)
	case modeTimeout:
		<-r.Context().Done() // the crawler gives up first
	case modeLogin:
		http.Redirect(w, r, "/member/login.htm?redirect="+r.URL.Path, http.StatusFound)
	case modeCaptcha:
		page("/item/"+id, `<div id="nc_1_wrapper"><span class="btn_slide"></span>请按住滑块，拖动到最右边</div>`)
	case mode403:
		http.Error(w, "forbidden", http.StatusForbidden)
	case mode429:
		w.Header().Set("Retry-After", "0")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	case modeEmpty:
		page("/item/"+id, `<p>系统繁忙，请稍后再试</p>`)
	}
}

const faultRule = `name: fault-market
base_url: http://127.0.0.1:1
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 1
  listing_links: "div.result a.title@href"
listing:
  id: "link[rel=canonical]@href | re:/item/(\\w+)"
  title: "h1.title"
  price: "span.price"
  currency: "CNY"
  seller_id: ".shop a@data-shop-id"
  seller_name: ".shop a"
  removed: ".offline-notice"
politeness: {parallelism: 4, delay: 0s, respect_robots_txt: false, timeout: 300ms, retries: 0, block_backoff: 10ms}
`

// faultCase is one listing of TestRemovalsAreReal and what two rescans
// make of it.
type faultCase struct {
	id   string
	mode string
	// gone is the signal the first rescan records; "" when the listing
	// must be neither seen gone nor removed.
	gone string
}

var faultCases = []faultCase{
	{"g404", mode404, shadowscan.GoneHTTP404},
	{"g410", mode410, shadowscan.GoneHTTP410},
	{"gmarker", modeMarker, shadowscan.GoneMarker},
	{"gmarkerat", modeMarkerAt, shadowscan.GoneMarker},
	{"live1", modeLive, ""}, // named as canonical by gmarkerat's offline page
	{"e500", mode500, ""},
	{"e503", mode503, ""},
	{"etimeout", modeTimeout, ""},
	{"elogin", modeLogin, ""},
	{"ecaptcha", modeCaptcha, ""},
	{"e403", mode403, ""},
	{"e429", mode429, ""},
	{"eempty", modeEmpty, ""},
}

// TestRemovalsAreReal reports a dozen listings of a faulty marketplace,
// then rescans twice while each answers its own way: 404, 410 and the
// removed marker are seen gone on the first rescan and removed on the
// second (as of the first sighting); 5xx, a timeout, a login redirect, a
// captcha page, 403, 429 and a page with no fields leave the hit as it
// was; a live listing that another listing's offline page names as
// canonical stays live. It runs once with the listings reached through
// search and once through revisits by URL (search finds nothing).
func TestRemovalsAreReal(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end rescans of a test marketplace; run without -short")
	}
	for _, via := range []string{"search", "revisit"} {
		t.Run("through "+via, func(t *testing.T) {
			ids, market, srv := faultCaseMarket(t)
			db, rulesDir := faultStore(t)
			scan := func(flags ...string) string {
				t.Helper()
				args := append([]string{"--rules", rulesDir, "scan", "--site", "fault-market", "--base-url", srv.URL, "--query", "q"}, flags...)
				return mustCLI(t, db, args...)
			}
			scan()
			hitOf := reportAll(t, db, ids)
			for _, c := range faultCases {
				market.set(c.id, c.mode)
			}
			market.mu.Lock()
			// live1 dropped out of the search index: only a revisit by
			// URL, or gmarkerat's offline page, says anything of it.
			market.unlisted = map[string]bool{"live1": true}
			market.searchOff = via == "revisit"
			market.mu.Unlock()

			out := scan() // the first sighting; the default gap is an hour
			if !strings.Contains(out, "4 reported listing(s) seen gone, not yet confirmed") {
				t.Errorf("the summary of the first rescan does not count the 4 listings seen gone:\n%s", out)
			}
			firstSeen := checkFirstSighting(t, db, hitOf)
			out = mustCLI(t, db, "review", "show", jsonID(hitOf["g404"]))
			if !strings.Contains(out, "seen gone") || !strings.Contains(out, "http 404") {
				t.Errorf("review show of a listing seen gone once does not say so:\n%s", out)
			}

			scan("--confirm-gone-after", "0s") // the second sighting
			assertNoFalseRemovals(t, db, checkConfirmed(t, db, hitOf, firstSeen)...)
		})
	}
}

// faultCaseMarket serves a faultMarket of the listings of faultCases, all
// live, until the test ends; gmarkerat's offline page names live1.
func faultCaseMarket(t *testing.T) (ids []string, market *faultMarket, srv *httptest.Server) {
	t.Helper()
	for _, c := range faultCases {
		ids = append(ids, c.id)
	}
	market = newFaultMarket(ids)
	market.elsewhere = "live1"
	srv = httptest.NewServer(market)
	t.Cleanup(srv.Close)
	return ids, market, srv
}

// checkFirstSighting checks every fault case's hit after the first
// rescan of the faulty marketplace: still reported, seen gone with its
// signal when it is gone, untouched with its fields otherwise. It returns
// when each gone listing was first seen gone.
func checkFirstSighting(t *testing.T, db string, hitOf map[string]uint64) map[string]string {
	t.Helper()
	firstSeen := map[string]string{}
	for _, c := range faultCases {
		h := showHit(t, db, hitOf[c.id])
		switch {
		case h.Status != shadowscan.StatusReported || h.RemovedAt != "":
			t.Errorf("%s (%s) after one rescan: status %s, removed at %q; want reported", c.id, c.mode, h.Status, h.RemovedAt)
		case c.gone == "" && h.SeenGone != nil:
			t.Errorf("%s (%s) was seen gone: %+v", c.id, c.mode, h.SeenGone)
		case c.gone != "" && (h.SeenGone == nil || h.SeenGone.Signal != c.gone):
			t.Errorf("%s (%s) seen gone %+v, want signal %q", c.id, c.mode, h.SeenGone, c.gone)
		case c.gone != "":
			firstSeen[c.id] = h.SeenGone.At
		}
		if c.gone == "" && h.Listing.Title == "" {
			t.Errorf("%s (%s): the hit lost its listing's fields", c.id, c.mode)
		}
	}
	return firstSeen
}

// checkConfirmed checks every fault case's hit after the second rescan:
// a gone listing removed as of its first sighting, the others reported
// and never seen gone. It returns the removed hits.
func checkConfirmed(t *testing.T, db string, hitOf map[string]uint64, firstSeen map[string]string) []shadowscan.HitView {
	t.Helper()
	var gone []shadowscan.HitView
	for _, c := range faultCases {
		h := showHit(t, db, hitOf[c.id])
		switch {
		case c.gone == "" && (h.Status != shadowscan.StatusReported || h.SeenGone != nil || h.RemovedAt != ""):
			t.Errorf("%s (%s) after two rescans: status %s, seen gone %+v, removed at %q; want reported and neither", c.id, c.mode, h.Status, h.SeenGone, h.RemovedAt)
		case c.gone != "" && (h.Status != shadowscan.StatusRemoved || h.RemovedAt != firstSeen[c.id]):
			t.Errorf("%s (%s) after two rescans: status %s, removed at %q; want removed as of the first sighting %q", c.id, c.mode, h.Status, h.RemovedAt, firstSeen[c.id])
		}
		if c.gone != "" {
			gone = append(gone, h)
			continue
		}
		for _, tr := range h.History {
			if strings.Contains(tr.Note, "seen gone") {
				t.Errorf("%s (%s) was seen gone at some point: %+v", c.id, c.mode, tr)
			}
		}
	}
	return gone
}

// TestLiveBetweenTwoGoneFetches takes a reported listing down, puts it
// back, and takes it down again: the live page between the two gone
// fetches clears the first, so the second is a first sighting again; a
// third gone fetch then confirms the removal, as of the second. It also
// checks that a scan confirms by itself, with a second fetch after the
// gap, when the gap is short.
func TestLiveBetweenTwoGoneFetches(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end rescans of a test marketplace; run without -short")
	}
	market := newFaultMarket([]string{"z1", "w1"})
	srv := httptest.NewServer(market)
	t.Cleanup(srv.Close)
	db, rulesDir := faultStore(t)
	scan := func(flags ...string) {
		t.Helper()
		mustCLI(t, db, append([]string{"--rules", rulesDir, "scan", "--site", "fault-market", "--base-url", srv.URL, "--query", "q"}, flags...)...)
	}
	scan()
	hitOf := reportAll(t, db, []string{"z1", "w1"})
	z := func() shadowscan.HitView { return showHit(t, db, hitOf["z1"]) }

	market.set("z1", mode404)
	scan("--confirm-gone-after", "1h")
	first := z().SeenGone
	market.set("z1", modeLive)
	scan("--confirm-gone-after", "0s")
	if h := z(); h.SeenGone != nil || h.Status != shadowscan.StatusReported {
		t.Fatalf("a live page after a gone one: status %s, seen gone %+v; want reported, no sighting", h.Status, h.SeenGone)
	}
	if l := z().History[len(z().History)-1]; !strings.Contains(l.Note, "seen live again") {
		t.Errorf("the cleared sighting is not in the history: %+v", l)
	}
	market.set("z1", mode404)
	scan("--confirm-gone-after", "1h")
	second := z().SeenGone
	sightings := 0
	for _, tr := range z().History {
		if strings.Contains(tr.Note, "seen gone (http 404)") {
			sightings++
		}
	}
	if h := z(); h.Status != shadowscan.StatusReported || second == nil || first == nil || sightings != 2 {
		t.Fatalf("gone, live, gone: status %s, sighting %+v (the first was %+v), %d sightings in the history; want reported with a second sighting", h.Status, second, first, sightings)
	}
	scan("--confirm-gone-after", "0s")
	if h := z(); h.Status != shadowscan.StatusRemoved || h.RemovedAt != second.At {
		t.Fatalf("gone again: status %s removed at %q, want removed as of %q", h.Status, h.RemovedAt, second.At)
	}

	// One scan, a short gap: the scan fetches w1 again after the gap and
	// confirms the removal itself.
	market.set("w1", mode410)
	before := market.count("/item/w1")
	scan("--confirm-gone-after", "50ms")
	if h := showHit(t, db, hitOf["w1"]); h.Status != shadowscan.StatusRemoved || market.count("/item/w1")-before != 2 {
		t.Fatalf("one scan with a 50ms gap: status %s after %d fetches; want removed after 2", h.Status, market.count("/item/w1")-before)
	}
}

// faultStore returns a store with the demo catalogue and a rules
// directory holding the fault-market rule.
func faultStore(t *testing.T) (db, rulesDir string) {
	t.Helper()
	dir := t.TempDir()
	rulesDir = filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rulesDir, "fault-market.yaml"), []byte(faultRule), 0o644); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "fault.db")
	mustImportDemoCatalog(t, db)
	return db, rulesDir
}

// reportAll checks that the first scan flagged every listing of ids and
// moves their hits to reported; it returns the hit of each listing.
func reportAll(t *testing.T, db string, ids []string) map[string]uint64 {
	t.Helper()
	hitOf := map[string]uint64{}
	for _, h := range mustJSON[[]shadowscan.HitView](t, db, "review", "list", "--json") {
		hitOf[h.Listing.ListingID] = h.ID
	}
	args := []string{"review", "mark"}
	for _, id := range ids {
		if hitOf[id] == 0 {
			t.Fatalf("listing %s was not flagged by the first scan (hits %v)", id, hitOf)
		}
		args = append(args, jsonID(hitOf[id]))
	}
	mustCLI(t, db, append(args, "confirmed", "--by", "tester")...)
	mustCLI(t, db, append(args, "reported", "--by", "tester")...)
	return hitOf
}
