package crawler

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestSharedPhotoFetchedOnceCapturedForEach: two listings show the same
// photo. It is fetched once, and both listings carry its capture, since
// either may be the one that is flagged and exported as evidence.
func TestSharedPhotoFetchedOnceCapturedForEach(t *testing.T) {
	m := newMarket(t)
	m.search[1] = []string{"/item/s1", "/item/s2"}
	m.pages["/item/s1"] = listingHTML("/item/s1", "/img/shared.png")
	m.pages["/item/s2"] = listingHTML("/item/s2", "/img/shared.png")
	m.start()
	c, err := New(demoSite(m.url()))
	if err != nil {
		t.Fatal(err)
	}
	var col collector
	if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
		t.Fatal(err)
	}
	if n := m.count("/img/shared.png"); n != 1 {
		t.Fatalf("shared photo fetched %d times, want 1", n)
	}
	for _, id := range []string{"s1", "s2"} {
		p := col.byID(id)
		if p == nil {
			t.Fatalf("listing %s not emitted", id)
		}
		var photos int
		for _, c := range p.Captures {
			if c.Kind == "photo" && c.URL == m.url()+"/img/shared.png" && len(c.Body) > 0 {
				photos++
			}
		}
		if photos != 1 || !p.Listing.Images[0].Hashed {
			t.Errorf("listing %s: %d photo captures with bytes, hashed %v", id, photos, p.Listing.Images[0].Hashed)
		}
	}
}

// TestManyQueriesAreNoTrap: a scan's own search pages (one query string
// per query and page) must not trip the query-string trap guard, which is
// there for links the site hands us.
func TestManyQueriesAreNoTrap(t *testing.T) {
	m := newMarket(t)
	m.search[1] = []string{"/item/q1"}
	m.start()
	c, err := New(demoSite(m.url()))
	if err != nil {
		t.Fatal(err)
	}
	queries := make([]string, maxQueryVariants+50)
	for i := range queries {
		queries[i] = fmt.Sprintf("query %d", i)
	}
	var col collector
	st, err := c.Run(context.Background(), queries, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Errors["trap"] != 0 {
		t.Fatalf("own search pages counted as traps: %v", st.Errors)
	}
	searches := 0
	for k, n := range m.allCounts() {
		if strings.HasPrefix(k, "/search?") && strings.Contains(k, "page=1") {
			searches += n
		}
	}
	if searches != len(queries) {
		t.Fatalf("fetched %d first search pages for %d queries", searches, len(queries))
	}
	if ids := col.ids(); len(ids) != 1 || ids[0] != "q1" {
		t.Fatalf("listings %v, want [q1]", ids)
	}
}

// TestSharedPhotoCaptureCacheIsLRU: captures kept for reuse are bounded by
// the run's budget, least recently used first out. A listing showing an
// evicted photo still gets its hashes without a second fetch; a photo
// reused in between stays kept.
func TestSharedPhotoCaptureCacheIsLRU(t *testing.T) {
	m := newMarket(t)
	photos := map[string]string{ // listing -> photo, in crawl order
		"l1": "/img/pa.png", "l2": "/img/pb.png", "l3": "/img/pa.png",
		"l4": "/img/pc.png", "l5": "/img/pa.png", "l6": "/img/pb.png",
	}
	order := []string{"l1", "l2", "l3", "l4", "l5", "l6"}
	for _, id := range order {
		m.search[1] = append(m.search[1], "/item/"+id)
		m.pages["/item/"+id] = listingHTML("/item/"+id, photos[id])
	}
	m.start()
	site := demoSite(m.url())
	site.Politeness.Parallelism = 1 // listings in search order
	c, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	size := int64(len(m.png(len("/img/pa.png")))) // the three photos are the same size
	c.photoCacheBudget = 2*size + size/2          // room for two
	c.workers = 1                                 // in search order
	var col collector
	if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/img/pa.png", "/img/pb.png", "/img/pc.png"} {
		if n := m.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
	// l4 brings pc in and evicts pb (pa was used by l3 after pb); l5 finds
	// pa kept; l6 finds pb evicted.
	want := map[string]bool{"l1": true, "l2": true, "l3": true, "l4": true, "l5": true, "l6": false}
	for _, id := range order {
		p := col.byID(id)
		if p == nil {
			t.Fatalf("listing %s not emitted", id)
		}
		if !p.Listing.Images[0].Hashed || p.Listing.Images[0].Err != "" {
			t.Errorf("listing %s: photo not hashed: %+v", id, p.Listing.Images[0])
		}
		got := false
		for _, c := range p.Captures {
			if c.Kind == kindPhoto && len(c.Body) > 0 {
				got = true
			}
		}
		if got != want[id] {
			t.Errorf("listing %s: photo capture present %v, want %v", id, got, want[id])
		}
	}
}
