package crawler

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan/rules"
)

// browserBenchListings sizes BenchmarkBrowserFetch's site: more listings
// show whether the browser's memory stays bounded over a long scan.
var browserBenchListings = flag.Int("browser-bench-listings", 200, "listings on BenchmarkBrowserFetch's site")

// BenchmarkBrowserFetch crawls the same local site (200 listings, 20 a
// result page, a photo each, parallelism 4, no delay) with plain fetching
// and with fetch: browser, and prints pages/s and peak RSS for each and
// their ratios. Peak RSS is this process's for plain fetching, and this
// process's plus the browser's whole process tree (PSS, so memory the
// browser's processes share is counted once; sampled every 50ms) for
// browser fetching.
//
//	go test -run '^$' -bench BenchmarkBrowserFetch -benchtime 1x ./crawler/ [-browser-bench-listings 2000]
func BenchmarkBrowserFetch(b *testing.B) {
	needChromium(b)
	listings, perPage := *browserBenchListings, 20
	m := newMarket(b)
	for i := range listings {
		m.search[1+i/perPage] = append(m.search[1+i/perPage], fmt.Sprintf("/item/w%04d", i))
	}
	m.start()
	site := demoSite(m.url())
	site.Search.MaxPages = listings/perPage + 1
	site.Politeness.Parallelism, site.Politeness.Delay, site.Politeness.RandomDelay = 4, 0, 0
	browserSite := site.Clone()
	browserSite.Fetch = rules.FetchBrowser
	browserSite.Listing.WaitFor = "h1.title"

	var plainPages, browserPages int
	var plainTime, browserTime time.Duration
	var plainRSS, browserRSS, treeRSS int64
	for b.Loop() {
		resetPeakRSS()
		st, d := benchRun(b, site, listings)
		plainPages, plainTime = plainPages+st.Pages, plainTime+d
		plainRSS = max(plainRSS, selfPeakRSS())

		resetPeakRSS()
		var sampler rssSampler
		st, d = benchRun(b, browserSite, listings, WithBrowserPath(chromiumPath), WithBrowserStarted(sampler.start))
		sampler.stop()
		browserPages, browserTime = browserPages+st.Pages, browserTime+d
		treeRSS = max(treeRSS, sampler.peak)
		browserRSS = max(browserRSS, selfPeakRSS()+sampler.peak)
	}
	plainRate := float64(plainPages) / plainTime.Seconds()
	browserRate := float64(browserPages) / browserTime.Seconds()
	b.ReportMetric(plainRate, "plain-pages/s")
	b.ReportMetric(browserRate, "browser-pages/s")
	b.ReportMetric(float64(plainRSS)/(1<<20), "plain-peak-MB")
	b.ReportMetric(float64(browserRSS)/(1<<20), "browser-peak-MB")
	b.ReportMetric(float64(treeRSS)/(1<<20), "chromium-tree-peak-MB")
	b.Logf("pages/s: plain %.1f, browser %.1f (plain is %.1fx faster); peak RSS: plain %.0f MB, browser %.0f MB (of which chromium %.0f MB; %.1fx plain)",
		plainRate, browserRate, plainRate/browserRate, float64(plainRSS)/(1<<20), float64(browserRSS)/(1<<20), float64(treeRSS)/(1<<20), float64(browserRSS)/float64(max(plainRSS, 1)))
}

// benchRun crawls site once and checks every listing arrived.
func benchRun(b *testing.B, site *rules.Site, listings int, opts ...Option) (Stats, time.Duration) {
	b.Helper()
	c, err := New(site, opts...)
	if err != nil {
		b.Fatal(err)
	}
	defer c.CloseIdleConnections()
	start := time.Now()
	st, err := c.Run(context.Background(), []string{"bench"}, func(context.Context, *Page) error { return nil })
	d := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	if st.Listings != listings {
		b.Fatalf("emitted %d listings, want %d (errors %v)", st.Listings, listings, st.Errors)
	}
	return st, d
}

// rssSampler tracks the peak RSS of a process tree while it runs.
type rssSampler struct {
	mu   sync.Mutex
	peak int64
	done chan struct{}
	wg   sync.WaitGroup
}

func (s *rssSampler) start(pid int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done == nil {
		s.done = make(chan struct{})
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			rss := treeRSS(pid)
			s.mu.Lock()
			s.peak = max(s.peak, rss)
			s.mu.Unlock()
			select {
			case <-s.done:
				return
			case <-t.C:
			}
		}
	}()
}

func (s *rssSampler) stop() {
	s.mu.Lock()
	if s.done != nil {
		close(s.done)
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// treeRSS sums the proportional resident memory (PSS) of pid and its
// descendants (Linux; 0 elsewhere).
func treeRSS(pid int) int64 {
	parents := map[int]int{}
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range dirs {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(s[i+1:])
		if len(fields) < 2 {
			continue
		}
		p, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		pp, _ := strconv.Atoi(fields[1])
		parents[p] = pp
	}
	var total int64
	for p := range parents {
		for q := p; q > 1; q = parents[q] {
			if q == pid {
				// Proportional set size: the processes share much of
				// their memory, which a sum of RSS would count again
				// for each.
				kb := procKB(fmt.Sprintf("/proc/%d/smaps_rollup", p), "Pss:")
				if kb == 0 {
					kb = procKB(fmt.Sprintf("/proc/%d/status", p), "VmRSS:")
				}
				total += kb << 10
				break
			}
		}
	}
	return total
}

// procKB reads a kB field of a /proc file.
func procKB(name, field string) int64 {
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// selfPeakRSS is this process's peak RSS since resetPeakRSS.
func selfPeakRSS() int64 { return procKB("/proc/self/status", "VmHWM:") << 10 }

// resetPeakRSS resets this process's peak RSS (Linux).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }
