package crawler

import (
	"context"
	"errors"
	"fmt"
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
