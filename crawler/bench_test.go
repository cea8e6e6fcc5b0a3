package crawler

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// benchJPEGs returns n distinct 400x400 JPEGs (quality 80, about 15 KB),
// the size of a marketplace listing photo, each with enough structure
// (gradients, blocks, stripes) to be hashed.
func benchJPEGs(tb testing.TB, n int) [][]byte {
	tb.Helper()
	out := make([][]byte, n)
	for k := range n {
		img := image.NewRGBA(image.Rect(0, 0, 400, 400))
		for y := range 400 {
			for x := range 400 {
				c := color.RGBA{uint8(x*(k+3)/7 + y/3), uint8(y*(k+5)/9 + x/5), uint8((x ^ y) * (k + 1)), 255}
				if (x/40+y/40+k)%3 == 0 {
					c.R, c.G = 240-c.G/4, 240-c.R/4
				}
				img.SetRGBA(x, y, c)
			}
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
			tb.Fatal(err)
		}
		out[k] = b.Bytes()
	}
	return out
}

// BenchmarkCrawl crawls a generated marketplace of 5,000 listings (a 10 KB
// page and one 400x400 JPEG each, 50 links a search page) with politeness
// off and a sink that does nothing, and reports listings per second and
// CPU time per listing for fetch, extract and photo hashing. CPU time
// includes the in-process server.
func BenchmarkCrawl(b *testing.B) {
	const listings, perPage = 5000, 50
	m := newMarket(b)
	for i := range listings {
		page := 1 + i/perPage
		m.search[page] = append(m.search[page], fmt.Sprintf("/item/b%05d", i))
	}
	filler := strings.Repeat(`<li><a href="/item/related">相关商品 推荐 限时优惠 包邮</a> <span class="p">¥99.00</span></li>`, 70)
	pages := make(map[string]string, listings)
	for i := range listings {
		p := fmt.Sprintf("/item/b%05d", i)
		pages[p] = listingHTML(p, "/photo"+p+".jpg") + "<ul>" + filler + "</ul>"
	}
	m.pages = pages
	photos := benchJPEGs(b, 50)
	for i := range listings {
		data := photos[i%len(photos)]
		m.handlers[fmt.Sprintf("/photo/item/b%05d.jpg", i)] = func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "image/jpeg")
			w.Write(data)
		}
	}
	m.start()
	site := demoSite(m.url())
	site.Politeness.MaxBodyBytes = 1 << 20
	b.ResetTimer()
	total := 0
	var cpu time.Duration
	for b.Loop() {
		c, err := New(site, WithPoliteness(true), WithMaxPages(listings/perPage+1))
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		st, err := c.Run(context.Background(), []string{"bench"}, func(context.Context, *Page) error { return nil })
		cpu += cpuTime() - c0
		if err != nil {
			b.Fatal(err)
		}
		if st.Listings != listings || st.Photos != listings {
			b.Fatalf("emitted %d listings with %d photos, want %d each (errors %v)", st.Listings, st.Photos, listings, st.Errors)
		}
		total += st.Listings
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "listings/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(total), "cpu-µs/listing")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}
