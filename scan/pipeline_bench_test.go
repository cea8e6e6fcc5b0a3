//go:build linux

package scan

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gocolly/colly/v2"
	"golang.org/x/sync/errgroup"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// Shape of the generated benchmark marketplace.
const (
	benchListings = 3000
	// benchParallelism is the site's concurrency, the baseline's too.
	benchParallelism = 8
	benchPerPage     = 50
	// benchFlaggedTenths of every ten listings copy a demo listing its
	// ground truth flags; the rest copy unflagged ones (look-alikes,
	// accessories, genuine resellers).
	benchFlaggedTenths = 3
	// benchSite is the demo catalogue's site, so its official and
	// authorised seller references apply to the generated listings.
	benchSite   = demo.SiteName
	benchIDMark = "BENCHIDXX" // stands for the listing id in page templates
)

// benchSiteRule replaces the embedded demo-market rule (through the rules
// directory) with the same selectors and no delay: benchParallelism
// requests at once a host, robots.txt read once as a real scan would, and
// the photos on the marketplace's image host, as marketplaces serve them
// (a CDN: img.alicdn.com, i.ebayimg.com).
const benchSiteRule = `name: demo-market
base_url: http://127.0.0.1:1
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 200
  listing_links: "div.result a.title@href"
  next_page: "a.next@href"
listing:
  id: "link[rel=canonical]@href | re:/item/(\\w+)"
  title: "h1.title"
  price: "span.price"
  currency: "CNY"
  seller_id: ".shop a@data-shop-id"
  seller_name: ".shop a"
  images: ".gallery img@src"
  description: ".desc"
  removed: ".offline-notice"
politeness: {parallelism: PARALLELISM, delay: 0s, respect_robots_txt: true, timeout: 30s, retries: 2}
photo_hosts: ["PHOTOHOST"]
`

// benchMarket is a generated marketplace of benchListings listings, each a
// copy of a demo listing (title, price, seller, description, first photo)
// under its own id and photo URL. Pages and photos are made once, so
// serving costs a few string writes and the server is not the bottleneck.
type benchMarket struct {
	// latency is how long the marketplace takes to answer each request.
	latency atomic.Int64 // time.Duration
	srv     *httptest.Server
	cdn     *httptest.Server // the photos' host
	reqs    atomic.Int64     // requests served since resetRequests
	pages   [][]string       // per demo listing: page HTML split at benchIDMark
	photos  [][]byte         // per demo listing: its first photo (JPEG)
	source  []int            // bench listing -> demo listing
	flagged int              // bench listings whose demo source is labelled flagged
}

var (
	benchPhotosOnce sync.Once
	benchPhotos     map[string][]byte
	benchPhotosErr  error
)

// demoFirstPhotos renders the first photo of every demo listing once per
// process, in parallel (the demo draws them, ~50 ms each).
func demoFirstPhotos() (map[string][]byte, error) {
	benchPhotosOnce.Do(func() {
		m := demo.NewMarket()
		ls := demo.Listings()
		out := make([][]byte, len(ls))
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for i := range ls {
			g.Go(func() error {
				b, err := m.Photo(ls[i].ID, 0)
				out[i] = b
				return err
			})
		}
		if benchPhotosErr = g.Wait(); benchPhotosErr != nil {
			return
		}
		benchPhotos = make(map[string][]byte, len(ls))
		for i, l := range ls {
			benchPhotos[l.ID] = out[i]
		}
	})
	return benchPhotos, benchPhotosErr
}

func newBenchMarket(tb testing.TB) *benchMarket {
	tb.Helper()
	photos, err := demoFirstPhotos()
	if err != nil {
		tb.Fatalf("render demo photos: %v", err)
	}
	ls := demo.Listings()
	var flagged, clean []int
	for i, l := range ls {
		if len(l.Images) == 0 {
			continue
		}
		if l.Truth.Flagged {
			flagged = append(flagged, i)
		} else {
			clean = append(clean, i)
		}
	}
	m := &benchMarket{source: make([]int, benchListings)}
	for i := range benchListings {
		k, r := i/10, i%10
		if r < benchFlaggedTenths {
			m.source[i] = flagged[(k*benchFlaggedTenths+r)%len(flagged)]
			m.flagged++
		} else {
			m.source[i] = clean[(k*(10-benchFlaggedTenths)+r-benchFlaggedTenths)%len(clean)]
		}
	}
	m.cdn = httptest.NewServer(http.HandlerFunc(m.serve)) // 127.0.0.1, another port
	tb.Cleanup(m.cdn.Close)
	for _, l := range ls {
		m.pages = append(m.pages, strings.Split(benchItemHTML(&l, m.cdn.URL), benchIDMark))
		m.photos = append(m.photos, photos[l.ID])
	}
	m.srv = httptest.NewServer(http.HandlerFunc(m.serve)) // 127.0.0.1
	tb.Cleanup(m.srv.Close)
	return m
}

// benchItemHTML is a listing page in the demo marketplace's markup, with
// JSON-LD and the navigation, related items and footer a real shop page
// carries (about 10 KB). Its photo is on the image host at cdn.
func benchItemHTML(l *demo.Listing, cdn string) string {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">`)
	fmt.Fprintf(&b, "<title>%s - 基准集市</title>\n", esc(l.Title))
	b.WriteString(`<link rel="canonical" href="/item/` + benchIDMark + `">` + "\n")
	b.WriteString("<style>body{font-family:sans-serif}.price{color:#e4393c}.gallery img{width:240px}</style></head><body>\n<header><nav>")
	for i := range 40 {
		fmt.Fprintf(&b, `<a href="/cat/%d">分类 %d 类目</a> `, i, i)
	}
	b.WriteString("</nav></header>\n<main><div class=\"item\">\n")
	fmt.Fprintf(&b, "<h1 class=\"title\">%s</h1>\n", esc(l.Title))
	if l.PriceText != "" {
		fmt.Fprintf(&b, "<p>价格：<span class=\"price\">%s</span></p>\n", esc(l.PriceText))
	}
	fmt.Fprintf(&b, "<div class=\"shop\"><a href=\"/shop/%s\" data-shop-id=\"%s\">%s</a></div>\n", esc(l.SellerID), esc(l.SellerID), esc(l.SellerName))
	b.WriteString(`<div class="gallery"><img src="` + cdn + `/img/` + benchIDMark + `/0.jpg" alt=""></div>` + "\n")
	fmt.Fprintf(&b, "<div class=\"desc\">%s</div>\n</div>\n<section class=\"related\"><h2>看了又看</h2><ul>", esc(l.Description))
	for i := range 24 {
		fmt.Fprintf(&b, `<li><a href="/item/rel%03d"><span>相关商品 推荐 %d 号 限时优惠 包邮</span></a> <span class="p">¥%d.00</span></li>`, i, i, 50+i*7)
	}
	b.WriteString("</ul></section></main>\n")
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "Product", "name": l.Title, "description": l.Description,
		"image": []string{cdn + "/img/" + benchIDMark + "/0.jpg"}, "url": "/item/" + benchIDMark,
		"offers": map[string]any{"@type": "Offer", "priceCurrency": "CNY", "price": l.Price,
			"seller": map[string]any{"@type": "Organization", "name": l.SellerName, "identifier": l.SellerID}},
	}
	j, _ := json.Marshal(ld) // escapes <, > and & in the text
	b.WriteString(`<script type="application/ld+json">`)
	b.Write(j)
	b.WriteString("</script>\n<footer>")
	for range 20 {
		b.WriteString(`<p class="legal">基准站点：所有品牌、商品与店铺均为虚构。All brands, products and shops are fictitious.</p>`)
	}
	b.WriteString("</footer></body></html>\n")
	return b.String()
}

func benchID(i int) string { return fmt.Sprintf("b%05d", i) }

func (m *benchMarket) resetRequests()  { m.reqs.Store(0) }
func (m *benchMarket) requests() int64 { return m.reqs.Load() }

func (m *benchMarket) serve(w http.ResponseWriter, r *http.Request) {
	m.reqs.Add(1)
	time.Sleep(time.Duration(m.latency.Load()))
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "User-agent: *\nDisallow: /admin/\n")
	case p == "/search":
		page, err := strconv.Atoi(r.URL.Query().Get("page"))
		if err != nil || page < 1 {
			http.Error(w, "bad page", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b bytes.Buffer
		b.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"><title>搜索</title></head><body><div class=\"results\">\n")
		for i := (page - 1) * benchPerPage; i < min(page*benchPerPage, benchListings); i++ {
			fmt.Fprintf(&b, "<div class=\"result\"><a class=\"title\" href=\"/item/%s\">%s</a></div>\n", benchID(i), html.EscapeString(demoTitle(m.source[i])))
		}
		b.WriteString("</div><div class=\"pager\">")
		if page*benchPerPage < benchListings {
			fmt.Fprintf(&b, `<a class="next" href="/search?q=%s&amp;page=%d">下一页</a>`, r.URL.Query().Get("q"), page+1)
		}
		b.WriteString("</div></body></html>\n")
		w.Write(b.Bytes())
	case strings.HasPrefix(p, "/item/"):
		i, ok := benchIndex(strings.TrimPrefix(p, "/item/"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		id := benchID(i)
		parts := m.pages[m.source[i]]
		bw := bufio.NewWriterSize(w, 16<<10)
		for k, s := range parts {
			if k > 0 {
				bw.WriteString(id)
			}
			bw.WriteString(s)
		}
		bw.Flush()
	case strings.HasPrefix(p, "/img/") && strings.HasSuffix(p, "/0.jpg"):
		i, ok := benchIndex(strings.TrimSuffix(strings.TrimPrefix(p, "/img/"), "/0.jpg"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		// A JPEG comment with the listing id makes every listing's photo
		// bytes unique, as re-uploaded photos are, so nothing downstream
		// can skip work by recognising bytes it has seen.
		data := m.photos[m.source[i]]
		com := []byte{0xFF, 0xFE, 0, 2 + 6}
		com = append(com, benchID(i)...)
		w.Header().Set("Content-Type", "image/jpeg")
		w.Header().Set("Content-Length", strconv.Itoa(len(data)+len(com)))
		w.Write(data[:2]) // SOI
		w.Write(com)
		w.Write(data[2:])
	default:
		http.NotFound(w, r)
	}
}

var demoTitles = sync.OnceValue(func() []string {
	ls := demo.Listings()
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Title
	}
	return out
})

func demoTitle(i int) string { return demoTitles()[i] }

// benchIndex reads a bench listing id (b00042) back into its index.
func benchIndex(id string) (int, bool) {
	if len(id) != 6 || id[0] != 'b' {
		return 0, false
	}
	n, err := strconv.Atoi(id[1:])
	return n, err == nil && n >= 0 && n < benchListings
}

// peakRSS returns the process's peak resident set size in bytes (VmHWM).
func peakRSS() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("read VmHWM %q: %w", v, err)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}

// resetPeakRSS returns freed memory to the OS and resets VmHWM to the
// current RSS (Linux: "5" > /proc/self/clear_refs), so each phase's peak is
// its own. It reports whether the reset worked; if not, peaks are the
// process's since start.
func resetPeakRSS() bool {
	runtime.GC()
	debug.FreeOSMemory()
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// cpuTime is the process's user plus system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// phase is one measured crawl.
type phase struct {
	listings int
	requests int64
	wall     time.Duration
	cpu      time.Duration
	alloc    uint64 // bytes allocated
	peak     int64
}

// add sums o into p (peak: the higher).
func (p *phase) add(o phase) {
	p.listings += o.listings
	p.requests += o.requests
	p.wall += o.wall
	p.cpu += o.cpu
	p.alloc += o.alloc
	p.peak = max(p.peak, o.peak)
}

// heapAllocated is the bytes allocated on the heap since the process began.
func heapAllocated() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

func measure(tb testing.TB, f func() int) phase {
	tb.Helper()
	resetPeakRSS()
	a0 := heapAllocated()
	c0, t0 := cpuTime(), time.Now()
	n := f()
	p := phase{listings: n, wall: time.Since(t0), cpu: cpuTime() - c0, alloc: heapAllocated() - a0}
	peak, err := peakRSS()
	if err != nil {
		tb.Fatalf("peak rss: %v", err)
	}
	p.peak = peak
	return p
}

func (p phase) rate() float64 { return float64(p.listings) / p.wall.Seconds() }

// bareColly is the baseline: a bare colly crawler, as one would write it
// from colly's examples, fetching and parsing the same pages the scan
// reads. It follows the search results' listing links and next-page
// links, reads robots.txt, and parses each listing page with goquery for
// the fields the site rule names. It fetches no photos, matches nothing
// and stores nothing. It returns the listing pages parsed and the
// requests made.
func bareColly(tb testing.TB, ctx context.Context, base string, parallelism int) (listings, requests int64) {
	tb.Helper()
	c := colly.NewCollector(colly.Async(true), colly.StdlibContext(ctx), colly.UserAgent("bench"))
	if err := c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: parallelism}); err != nil {
		tb.Fatal(err)
	}
	var n, reqs atomic.Int64
	c.OnRequest(func(*colly.Request) { reqs.Add(1) })
	c.OnHTML("div.result a.title", func(e *colly.HTMLElement) { _ = e.Request.Visit(e.Attr("href")) })
	c.OnHTML("a.next", func(e *colly.HTMLElement) { _ = e.Request.Visit(e.Attr("href")) })
	c.OnHTML("html", func(e *colly.HTMLElement) {
		if !strings.HasPrefix(e.Request.URL.Path, "/item/") {
			return
		}
		d := e.DOM
		canonical, _ := d.Find("link[rel=canonical]").Attr("href")
		title := strings.TrimSpace(d.Find("h1.title").Text())
		_ = strings.TrimSpace(d.Find("span.price").Text())
		seller, _ := d.Find(".shop a").Attr("data-shop-id")
		_ = d.Find(".shop a").Text()
		_, _ = d.Find(".gallery img").Attr("src")
		_ = d.Find(".desc").Text()
		_ = d.Find(".offline-notice").Length()
		if canonical != "" && title != "" && seller != "" {
			n.Add(1)
		}
	})
	if err := c.Visit(base + "/search?q=bench&page=1"); err != nil {
		tb.Fatal(err)
	}
	c.Wait()
	return n.Load(), reqs.Load()
}

// BenchmarkPipeline crawls a generated marketplace of benchListings
// listings (one JPEG photo each, on an image host beside the site; 30 %
// copies of demo listings labelled flagged) three times in the same run,
// all at the site's concurrency (benchParallelism requests a host at
// once, no delay): (a) the baseline, a bare colly crawler fetching and
// parsing the search and listing pages (bareColly); (b) the full scan, as
// `shadowscan scan` runs it, into a new store: crawler (pages and photos)
// -> matcher -> store.Writer into a bbolt file, then revisits; (c) the
// same scan again on that store, as the next day's scheduled scan of the
// same listings: it fetches every page and photo again but decodes no
// photo whose bytes the store has hashed.
//
// It does so with the marketplace answering each request at once (a
// loopback server: the crawlers' CPU time is all that bounds them) and
// after 10 ms and 25 ms, as a marketplace over the network does: the time
// is spent waiting, not computing, so it bounds both crawlers at their
// concurrency (8 requests a host at 10 ms: 800 requests/s) unless their
// own CPU time bounds them first. It reports each phase's listing pages
// per second, requests, CPU time and heap bytes allocated per listing
// page, and peak RSS; the ratios of (b) and (c) to (a) in listing pages
// per second; and the share of listings flagged. CPU and allocation
// figures include the in-process marketplace. All run with the GOMAXPROCS
// cmd/shadowscan sets (Procs: twice the CPUs).
func BenchmarkPipeline(b *testing.B) {
	// The processors cmd/shadowscan runs scans with (Procs), for both
	// crawlers.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(Procs(runtime.GOMAXPROCS(0))))
	m := newBenchMarket(b)
	for _, latency := range []time.Duration{0, 10 * time.Millisecond, 25 * time.Millisecond} {
		b.Run("latency="+latency.String(), func(b *testing.B) {
			m.latency.Store(int64(latency))
			benchPipeline(b, m)
		})
	}
}

func benchPipeline(b *testing.B, m *benchMarket) {
	ctx := context.Background()
	var db *store.DB // each iteration's: a new store, scanned then rescanned
	var set *rules.Set
	maxPages := benchListings/benchPerPage + 1
	bare := func() int {
		m.resetRequests()
		n, _ := bareColly(b, ctx, m.srv.URL, benchParallelism)
		if n != benchListings {
			b.Fatalf("bare colly parsed %d listing pages, want %d", n, benchListings)
		}
		return int(n)
	}
	var hits, photos, known int
	full := func() int {
		m.resetRequests()
		sc, err := New(db, set).Run(ctx, Options{Sites: []string{benchSite}, Queries: []string{"bench"},
			MaxPages: maxPages, BaseURL: m.srv.URL}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if sc.State != shadowscan.ScanDone || sc.Listings != benchListings {
			b.Fatalf("pipeline: scan %s with %d listings, want done with %d (errors %v)", sc.State, sc.Listings, benchListings, sc.Errors)
		}
		n, err := db.HitCount(ctx, shadowscan.HitFilter{Site: benchSite})
		if err != nil {
			b.Fatal(err)
		}
		hits, photos, known = n, sc.Photos, sc.PhotosKnown
		return sc.Listings
	}

	var a, f, r phase
	for b.Loop() {
		// A new store each time: the first scan of a marketplace, then the
		// next day's rescan of the same listings, whose photos' bytes the
		// store has hashed (a brand's scheduled scans are mostly those).
		b.StopTimer()
		db, set = benchStore(b, b.TempDir(), m.cdn.URL)
		b.StartTimer()
		// The phases carry a profiler label, so that a CPU profile of the
		// benchmark (-cpuprofile) splits by phase: -tagfocus phase=pipeline.
		var pa, pf, pr phase
		pprof.Do(ctx, pprof.Labels("phase", "bare-colly"), func(context.Context) { pa = measure(b, bare) })
		pa.requests = m.requests()
		pprof.Do(ctx, pprof.Labels("phase", "pipeline"), func(context.Context) { pf = measure(b, full) })
		pf.requests = m.requests()
		b.Logf("bare colly %.0f listing pages/s (%d requests, %v cpu), first scan %.0f listing pages/s (%d requests, %v cpu; %d photos, %d known)",
			pa.rate(), pa.requests, pa.cpu, pf.rate(), pf.requests, pf.cpu, photos, known)
		pprof.Do(ctx, pprof.Labels("phase", "rescan"), func(context.Context) { pr = measure(b, full) })
		pr.requests = m.requests()
		b.Logf("rescan %.0f listing pages/s (%d requests, %v cpu; %d photos, %d known from the first scan)",
			pr.rate(), pr.requests, pr.cpu, photos, known)
		a.add(pa)
		f.add(pf)
		r.add(pr)
	}
	// The figures the issue asks about, on lines of their own: make bench
	// shows them without reading the metric columns.
	b.Logf("RATIO first scan / bare colly, listing pages/s, same run: %.2fx (%.0f vs %.0f pages/s; %.2f vs %.2f requests a page)",
		f.rate()/a.rate(), f.rate(), a.rate(), float64(f.requests)/float64(f.listings), float64(a.requests)/float64(a.listings))
	b.Logf("RATIO rescan / bare colly, listing pages/s, same run: %.2fx (%.0f vs %.0f pages/s)", r.rate()/a.rate(), r.rate(), a.rate())
	b.ReportMetric(r.rate(), "rescan-pages/s")
	b.ReportMetric(r.rate()/a.rate(), "rescan/bare-colly")
	b.ReportMetric(float64(r.cpu.Microseconds())/float64(r.listings), "rescan-cpu-µs/page")
	b.ReportMetric(a.rate(), "bare-colly-pages/s")
	b.ReportMetric(f.rate(), "pipeline-pages/s")
	b.ReportMetric(f.rate()/a.rate(), "pipeline/bare-colly")
	b.ReportMetric(float64(a.requests)/float64(a.listings), "bare-colly-requests/page")
	b.ReportMetric(float64(f.requests)/float64(f.listings), "pipeline-requests/page")
	b.ReportMetric(float64(a.cpu.Microseconds())/float64(a.listings), "bare-colly-cpu-µs/page")
	b.ReportMetric(float64(f.cpu.Microseconds())/float64(f.listings), "pipeline-cpu-µs/page")
	b.ReportMetric(float64(a.alloc)/float64(a.listings)/1024, "bare-colly-alloc-KB/page")
	b.ReportMetric(float64(f.alloc)/float64(f.listings)/1024, "pipeline-alloc-KB/page")
	b.ReportMetric(float64(a.peak)/(1<<20), "bare-colly-peak-RSS-MB")
	b.ReportMetric(float64(f.peak)/(1<<20), "pipeline-peak-RSS-MB")
	b.ReportMetric(100*float64(hits)/benchListings, "flagged-%")
	b.ReportMetric(100*float64(m.flagged)/benchListings, "labelled-flagged-%")
	b.ReportMetric(0, "ns/op")
}

// benchStore makes a store in dir holding the demo catalogue, and the
// rules with the bench's site rule, its photos on the host at cdn.
func benchStore(tb testing.TB, dir, cdn string) (*store.DB, *rules.Set) {
	tb.Helper()
	rule := strings.Replace(benchSiteRule, "PARALLELISM", strconv.Itoa(benchParallelism), 1)
	rule = strings.Replace(rule, "PHOTOHOST", strings.TrimPrefix(cdn, "http://"), 1)
	return benchRulesStore(tb, dir, map[string]string{"demo-market": rule})
}

// benchRulesStore writes the site rules (name -> YAML) in a rules
// directory under dir and returns them loaded, with a new store there
// holding the demo catalogue.
func benchRulesStore(tb testing.TB, dir string, siteRules map[string]string) (*store.DB, *rules.Set) {
	tb.Helper()
	rulesDir := filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o755); err != nil {
		tb.Fatal(err)
	}
	for name, rule := range siteRules {
		if err := os.WriteFile(filepath.Join(rulesDir, name+".yaml"), []byte(rule), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	set, err := rules.Load(rulesDir)
	if err != nil {
		tb.Fatal(err)
	}
	db, err := store.Open(filepath.Join(dir, "bench.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	saveDemoCatalog(tb, db)
	return db, set
}
