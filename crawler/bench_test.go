package crawler

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkCrawl crawls a generated marketplace of 5,000 listings (one
// photo each, 50 links a search page) with politeness off and a sink that
// does nothing, and reports listings per second for fetch, extract and
// photo hashing.
func BenchmarkCrawl(b *testing.B) {
	const listings, perPage = 5000, 50
	m := newMarket(b)
	for i := range listings {
		page := 1 + i/perPage
		m.search[page] = append(m.search[page], fmt.Sprintf("/item/b%05d", i))
	}
	pages := make(map[string]string, listings)
	for i := range listings {
		p := fmt.Sprintf("/item/b%05d", i)
		pages[p] = listingHTML(p, "/img"+p+".png") + strings.Repeat("<p>filler text of a listing page</p>", 100)
	}
	m.pages = pages
	m.start()
	site := demoSite(m.url())
	b.ResetTimer()
	total := 0
	for b.Loop() {
		c, err := New(site, WithPoliteness(true), WithMaxPages(listings/perPage+1))
		if err != nil {
			b.Fatal(err)
		}
		st, err := c.Run(context.Background(), []string{"bench"}, func(context.Context, *Page) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
		if st.Listings != listings {
			b.Fatalf("emitted %d listings, want %d (errors %v)", st.Listings, listings, st.Errors)
		}
		total += st.Listings
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "listings/s")
}
