package evidence

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// genBlobs regenerates blobs on demand from a small index, so that the
// benchmark's own data does not sit on the heap it measures.
type genBlobs struct {
	mu   sync.Mutex
	keys map[string]genKey
}

type genKey struct {
	kind byte // 'p' page, 'i' photo
	n    int
	size int
}

func genBytes(k genKey) []byte {
	r := rand.New(rand.NewPCG(uint64(k.n), uint64(k.kind)))
	b := make([]byte, k.size)
	if k.kind == 'i' {
		copy(b, "\x89PNG\r\n\x1a\n")
		for i := 8; i < len(b); i++ {
			b[i] = byte(r.Uint32())
		}
		return b
	}
	const text = "<div class=item>奥罗拉植物蛋白粉 500克 原单 ¥89.00</div>\n"
	for i := 0; i < len(b); i++ {
		b[i] = text[(i+k.n)%len(text)]
	}
	return b
}

func (g *genBlobs) add(k genKey) (string, int64) {
	s := sha256.Sum256(genBytes(k))
	h := hex.EncodeToString(s[:])
	g.mu.Lock()
	g.keys[h] = k
	g.mu.Unlock()
	return h, int64(k.size)
}

func (g *genBlobs) Blob(_ context.Context, sha string) ([]byte, error) {
	g.mu.Lock()
	k, ok := g.keys[sha]
	g.mu.Unlock()
	if !ok {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "blob %s", sha)
	}
	return genBytes(k), nil
}

// genItems yields n listings, each with a 60 KiB page and three 150 KiB
// photos, built as they are asked for.
func genItems(g *genBlobs, n int) iter.Seq2[Item, error] {
	offSHA, _ := g.add(genKey{'i', 0, 150 << 10})
	prod := &shadowscan.Product{SKU: "AUR-PROT-500", Name: "Aurora Plant Protein Powder 500g", Price: 29800, MinPrice: 26800, Currency: "CNY",
		Images: []shadowscan.ImageRef{{SHA256: offSHA}}}
	return func(yield func(Item, error) bool) {
		for i := 1; i <= n; i++ {
			at := testTime.Add(time.Duration(i) * time.Second)
			page := fmt.Sprintf("http://127.0.0.1:8931/item/%d", i)
			sha, size := g.add(genKey{'p', i, 60 << 10})
			caps := []shadowscan.Capture{{URL: page, Method: "GET", Status: 200, Header: map[string][]string{"Content-Type": {"text/html"}}, BodySHA256: sha, BodySize: size, FetchedAt: at, Kind: "page"}}
			var imgs []shadowscan.ListingImage
			for j := 0; j < 3; j++ {
				u := fmt.Sprintf("http://127.0.0.1:8931/img/%d-%d.png", i, j)
				sha, size := g.add(genKey{'i', i*10 + j + 1, 150 << 10})
				caps = append(caps, shadowscan.Capture{URL: u, Method: "GET", Status: 200, Header: map[string][]string{"Content-Type": {"image/png"}}, BodySHA256: sha, BodySize: size, FetchedAt: at, Kind: "photo"})
				imgs = append(imgs, shadowscan.ListingImage{URL: u})
			}
			h := shadowscan.Hit{ID: uint64(i), Category: shadowscan.CategoryCounterfeit, Score: 88, Status: shadowscan.StatusConfirmed, SKU: prod.SKU,
				Reasons: []shadowscan.Reason{{Signal: "price", Detail: "far under list", Points: 40}},
				Listing: shadowscan.Listing{Site: "demo-market", ID: fmt.Sprint(i), URL: page, Title: "奥罗拉植物蛋白粉", Price: 8900, HasPrice: true, Currency: "CNY", Images: imgs, FetchedAt: at}}
			if !yield(Item{Hit: h, Brand: testBrand, Product: prod, Captures: caps}, nil) {
				return
			}
		}
	}
}

// peakHeap samples HeapInuse (garbage included) and the live heap after
// each GC until stop is called, and returns both peaks.
func peakHeap() (stop func() (inuse, live uint64)) {
	var peak, peakLive atomic.Uint64
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peakLive.Load() {
				peakLive.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() (uint64, uint64) { close(done); wg.Wait(); return peak.Load(), peakLive.Load() }
}

// BenchmarkWrite reports the peak heap in use while writing bundles of
// 100 and 1,000 listings (each a 60 KiB page and three 150 KiB photos):
// the peak should not grow with the number of listings.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("listings=%d", n), func(b *testing.B) {
			var size int64
			var peak, live uint64
			for b.Loop() {
				g := &genBlobs{keys: map[string]genKey{}}
				runtime.GC()
				stop := peakHeap()
				sum, err := Write(context.Background(), io.Discard, genItems(g, n), g, Options{Created: testTime, TempDir: b.TempDir()})
				p, l := stop()
				if err != nil {
					b.Fatal(err)
				}
				size, peak, live = sum.Bytes, max(peak, p), max(live, l)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heapinuse-MiB")
			b.ReportMetric(float64(live)/(1<<20), "peak-live-heap-MiB")
			b.ReportMetric(float64(size)/(1<<20), "bundle-MiB")
		})
	}
}

// BenchmarkVerify reports verification throughput.
func BenchmarkVerify(b *testing.B) {
	g := &genBlobs{keys: map[string]genKey{}}
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, genItems(g, 100), g, Options{Created: testTime, TempDir: b.TempDir()}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Verify(context.Background(), bytes.NewReader(data), int64(len(data)), VerifyOptions{AllowUnsigned: true}); err != nil {
			b.Fatal(err)
		}
	}
}
