package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/web"
)

// benchHits is the store size the web UI must stay fast at.
const benchHits = 100_000

// BenchmarkServe100k fills a real store with 100,000 hits and reports the
// server time of the queue, the hit page and the hits API at that size:
// p50 and p95 in milliseconds (target: p95 under 100 ms).
//
//	go test -run '^$' -bench BenchmarkServe100k -benchtime 200x ./cmd/shadowscan
func BenchmarkServe100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	fillStore(b, db, benchHits, 50)
	b.Logf("filled %d hits in %s", benchHits, time.Since(start).Round(time.Millisecond))
	runtime.GC() // the fill leaves a large heap behind; do not bill it to the first route
	srv, err := web.New(web.Config{Store: db, Sites: []string{"demo-market"}})
	if err != nil {
		b.Fatal(err)
	}
	routes := []struct {
		name string
		path func(i int) string
	}{
		{"queue", func(int) string { return "/queue?status=new" }},
		{"queue-filtered-page-200", func(int) string { return "/queue?status=new&category=counterfeit&min_score=60&page=200" }},
		{"hit", func(i int) string { return fmt.Sprintf("/hits/%d", 1+(i*7919)%benchHits) }},
		{"api-hits", func(int) string { return "/api/hits?status=new&limit=50" }},
		{"api-hits-seller", func(i int) string { return fmt.Sprintf("/api/hits?seller=shop-%d&limit=50", i%997) }},
		{"api-hit", func(i int) string { return fmt.Sprintf("/api/hits/%d", 1+(i*104729)%benchHits) }},
		{"dashboard", func(int) string { return "/" }},
		{"sellers", func(int) string { return "/sellers" }},
	}
	for _, rt := range routes {
		b.Run(rt.name, func(b *testing.B) {
			var times []time.Duration
			i := 0
			for b.Loop() {
				r := httptest.NewRequest("GET", rt.path(i), nil)
				r.Host = "127.0.0.1:8080"
				w := httptest.NewRecorder()
				t0 := time.Now()
				srv.ServeHTTP(w, r)
				times = append(times, time.Since(t0))
				if w.Code != http.StatusOK {
					b.Fatalf("%s: status %d: %s", rt.path(i), w.Code, w.Body.String())
				}
				i++
			}
			slices.Sort(times)
			pct := func(p float64) float64 {
				return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
		})
	}
}
