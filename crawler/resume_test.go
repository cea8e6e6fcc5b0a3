package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
)

// memFrontier is an in-memory Frontier.
type memFrontier struct {
	mu   sync.Mutex
	done map[string]bool
}

func (f *memFrontier) Visited(_ context.Context, u string) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.done[u], nil
}

func (f *memFrontier) MarkVisited(_ context.Context, u string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.done[u] = true
	return nil
}

func (f *memFrontier) snapshot() map[string]bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]bool, len(f.done))
	for k, v := range f.done {
		out[k] = v
	}
	return out
}

func TestRunResume(t *testing.T) {
	const n = 40
	m := newMarket(t)
	for i := range n {
		page := 1 + i/10
		m.search[page] = append(m.search[page], fmt.Sprintf("/item/r%02d", i))
	}
	m.start()
	site := demoSite(m.url())
	site.Politeness.Parallelism = 2
	front := &memFrontier{done: map[string]bool{}}
	emitted := map[string]int{}
	var mu sync.Mutex

	// First run: cancel after 12 listings.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c1, err := New(site, WithFrontier(front), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c1.Run(ctx, []string{"q"}, func(_ context.Context, p *Page) error {
		mu.Lock()
		defer mu.Unlock()
		emitted[p.Listing.ID]++
		if len(emitted) == 12 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: err %v, want context.Canceled", err)
	}
	first := front.snapshot()
	if len(first) < 12 || len(first) >= n {
		t.Fatalf("first run marked %d listings visited, want 12..%d", len(first), n-1)
	}
	for u := range first {
		if m.count(u[len(m.url()):]) != 1 {
			t.Errorf("%s fetched %d times in the first run", u, m.count(u[len(m.url()):]))
		}
	}

	// Second run with the same frontier.
	m.resetCounts()
	c2, err := New(site, WithFrontier(front), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	st, err := c2.Run(context.Background(), []string{"q"}, func(_ context.Context, p *Page) error {
		mu.Lock()
		defer mu.Unlock()
		emitted[p.Listing.ID]++
		return nil
	})
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	for u := range first {
		if k := m.count(u[len(m.url()):]); k != 0 {
			t.Errorf("%s finished in the first run but fetched %d times in the second", u, k)
		}
	}
	if len(emitted) != n {
		t.Errorf("%d distinct listings emitted across both runs, want %d", len(emitted), n)
	}
	if st.Listings != n-len(first) {
		t.Errorf("second run emitted %d, want %d", st.Listings, n-len(first))
	}
	if len(front.snapshot()) != n {
		t.Errorf("frontier holds %d, want %d", len(front.snapshot()), n)
	}
}

func TestRunSinkErrorStops(t *testing.T) {
	m := newMarket(t)
	for i := range 30 {
		m.search[1] = append(m.search[1], fmt.Sprintf("/item/s%02d", i))
	}
	m.start()
	c, err := New(demoSite(m.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	calls := 0
	_, err = c.Run(context.Background(), []string{"q"}, func(context.Context, *Page) error {
		calls++
		if calls == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want the sink's error", err)
	}
	if calls != 3 {
		t.Errorf("sink called %d times after failing on the 3rd", calls)
	}
}

// memSearchFrontier is an in-memory SearchFrontier.
type memSearchFrontier struct {
	memFrontier
	search map[string]SearchState
	links  map[string][]string // search page -> listing urls, to check the order of marks
}

func newMemSearchFrontier() *memSearchFrontier {
	return &memSearchFrontier{memFrontier: memFrontier{done: map[string]bool{}}, search: map[string]SearchState{}}
}

func (f *memSearchFrontier) SearchPage(_ context.Context, u string) (SearchState, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.search[u], nil
}

func (f *memSearchFrontier) MarkSearchPage(_ context.Context, u string, done bool, next string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.search[u].Done {
		return nil
	}
	// A page is marked done only after every listing on it was marked.
	if done {
		for _, l := range f.links[u] {
			if !f.done[l] {
				return fmt.Errorf("search page %s marked done before its listing %s", u, l)
			}
		}
	}
	f.search[u] = SearchState{Seen: true, Done: done, Next: next}
	return nil
}

// TestRunResumeSkipsFinishedSearchPages interrupts a run, then runs again
// with the same frontier: search pages whose listings were all finished
// are not fetched again, the others are (and counted), a listing whose
// fetch failed keeps its page from being done and is retried, and every
// listing ends up emitted once.
func TestRunResumeSkipsFinishedSearchPages(t *testing.T) {
	const perPage, pages = 10, 5
	m := newMarket(t)
	failing := "/item/p2x3"
	fails := true
	var failMu sync.Mutex
	m.handlers[failing] = func(w http.ResponseWriter, r *http.Request) {
		failMu.Lock()
		f := fails
		failMu.Unlock()
		if f {
			http.Error(w, "later", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, listingHTML(r.URL.Path, "/img"+r.URL.Path+".png"))
	}
	front := newMemSearchFrontier()
	front.links = map[string][]string{}
	for p := 1; p <= pages; p++ {
		for i := range perPage {
			path := fmt.Sprintf("/item/p%dx%d", p, i)
			m.search[p] = append(m.search[p], path)
		}
	}
	m.start()
	searchURL := func(p int) string { return fmt.Sprintf("%s/search?q=q&page=%d", m.url(), p) }
	for p := 1; p <= pages; p++ {
		for _, path := range m.search[p] {
			front.links[searchURL(p)] = append(front.links[searchURL(p)], m.url()+path)
		}
	}
	site := demoSite(m.url())
	site.Politeness.Parallelism = 2
	site.Politeness.Retries = 0
	emitted := map[string]int{}
	var mu sync.Mutex
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c1, err := New(site, WithFrontier(front), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c1.Run(ctx, []string{"q"}, func(_ context.Context, p *Page) error {
		mu.Lock()
		defer mu.Unlock()
		emitted[p.Listing.ID]++
		if len(emitted) == 33 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: %v", err)
	}
	// The walk may have reached the empty page after the last before the
	// cancel: it counts like the others.
	var done, seen []int
	for p := 1; p <= pages+1; p++ {
		st := front.search[searchURL(p)]
		if st.Done {
			done = append(done, p)
		}
		if st.Seen && !st.Done {
			seen = append(seen, p)
		}
	}
	if len(done) == 0 || slices.Contains(done, 2) {
		t.Fatalf("pages done after the first run: %v (page 2 has a failed listing and cannot be)", done)
	}
	t.Logf("first run: pages done %v, fetched but not done %v", done, seen)

	failMu.Lock()
	fails = false
	failMu.Unlock()
	m.resetCounts()
	c2, err := New(site, WithFrontier(front), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	st, err := c2.Run(context.Background(), []string{"q"}, func(_ context.Context, p *Page) error {
		mu.Lock()
		defer mu.Unlock()
		emitted[p.Listing.ID]++
		return nil
	})
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	for _, p := range done {
		if n := m.count(fmt.Sprintf("/search?q=q&page=%d", p)); n != 0 {
			t.Errorf("search page %d was done but fetched %d times on resume", p, n)
		}
	}
	for _, p := range seen {
		if n := m.count(fmt.Sprintf("/search?q=q&page=%d", p)); n != 1 {
			t.Errorf("search page %d, not done, fetched %d times on resume, want 1", p, n)
		}
	}
	if st.SearchSkipped != len(done) || st.SearchRefetched != len(seen) {
		t.Errorf("stats: %d skipped, %d refetched; want %d, %d", st.SearchSkipped, st.SearchRefetched, len(done), len(seen))
	}
	if len(emitted) != perPage*pages {
		t.Errorf("%d listings emitted over both runs, want %d", len(emitted), perPage*pages)
	}
	for id, n := range emitted {
		if n != 1 {
			t.Errorf("listing %s emitted %d times", id, n)
		}
	}
	for p := 1; p <= pages; p++ {
		if !front.search[searchURL(p)].Done {
			t.Errorf("search page %d not done after the second run", p)
		}
	}
}
