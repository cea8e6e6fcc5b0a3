package crawler

import (
	"context"
	"net/http"
	"slices"
	"testing"
)

// TestFetcherPageByPage: a Fetcher reads one search page at a time (its
// links and the next page, the same links when asked again), fetches one
// listing with its photo, reads robots.txt once for all its calls, and
// names the kind of a failure.
func TestFetcherPageByPage(t *testing.T) {
	m := newMarket(t)
	m.search[1] = []string{"/item/f1", "/item/f2", "/item/f1#x", "http://offsite.invalid/item/z"}
	m.search[2] = []string{"/item/f3"}
	m.handlers["/item/e500"] = func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) }
	m.start()
	c, err := New(demoSite(m.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	f, err := c.NewFetcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	first := m.url() + "/search?q=q&page=1"
	want := []string{m.url() + "/item/f1", m.url() + "/item/f2"}
	for range 2 {
		sp, err := f.SearchPage(ctx, "q", 1, first)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sp.Links, want) || sp.Next != m.url()+"/search?q=q&page=2" {
			t.Fatalf("search page 1: %+v, want links %v and page 2 next", sp, want)
		}
	}
	p, err := f.Listing(ctx, m.url()+"/item/f1")
	if err != nil {
		t.Fatal(err)
	}
	if p.Listing.ID != "f1" || len(p.Listing.Images) != 1 || p.Listing.Images[0].SHA256 == "" || len(p.Captures) != 2 {
		t.Errorf("listing %+v with %d captures: want f1 with its photo hashed and captured", p.Listing, len(p.Captures))
	}
	if n := m.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt read %d times, want once", n)
	}
	_, err = f.Listing(ctx, m.url()+"/item/e500")
	if k := FailureKind(err); k != "http_5xx" || !Temporary(k) {
		t.Errorf("a 500: kind %q (%v), want a temporary http_5xx", k, err)
	}
	_, err = f.Listing(ctx, "http://offsite.invalid/item/z")
	if k := FailureKind(err); k != "offsite" || Temporary(k) {
		t.Errorf("an offsite listing: kind %q (%v), want offsite, not temporary", k, err)
	}
}
