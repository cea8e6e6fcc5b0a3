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
