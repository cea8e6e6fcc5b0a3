package crawler

import (
	"context"
	"fmt"
	"sync"
)

// SearchFrontier is a Frontier that also remembers search result pages,
// so that a resumed run does not fetch again a page whose listings were
// all finished: it takes the page after it from the frontier instead.
// The crawler uses it when the Frontier given to WithFrontier implements
// it.
type SearchFrontier interface {
	Frontier
	// SearchPage returns what the frontier holds of a search page.
	SearchPage(ctx context.Context, url string) (SearchState, error)
	// MarkSearchPage records a search page as fetched (done false), or as
	// done, every listing it links to finished, with next the page after
	// it ("" for none). The crawler marks a page done only after every
	// MarkVisited of its listings.
	MarkSearchPage(ctx context.Context, url string, done bool, next string) error
}

// SearchState is what a SearchFrontier holds of one search page: whether
// a run fetched it (Seen), whether all its listings were finished (Done),
// and then the page after it (Next, "" for none).
type SearchState struct {
	Seen, Done bool
	Next       string
}

// pageTrack follows the listings one search page enqueued and marks the
// page done in the SearchFrontier when the page has been walked and every
// one of them is finished. A listing whose fetch failed keeps the page
// from being done, so a resumed run reads the page again and retries it.
type pageTrack struct {
	sf  SearchFrontier // nil: nothing to record
	url string

	mu      sync.Mutex
	pending int // listings not finished, plus one until the page is walked
	failed  bool
	next    string
}

func (r *run) newPageTrack(u string) *pageTrack {
	sf, _ := r.c.frontier.(SearchFrontier)
	return &pageTrack{sf: sf, url: u, pending: 1}
}

// seen records that the page was fetched.
func (t *pageTrack) seen(ctx context.Context) error {
	if t.sf == nil {
		return nil
	}
	if err := t.sf.MarkSearchPage(ctx, t.url, false, ""); err != nil {
		return fmt.Errorf("frontier %s: %w", t.url, err)
	}
	return nil
}

// add counts one more listing enqueued from the page.
func (t *pageTrack) add() {
	t.mu.Lock()
	t.pending++
	t.mu.Unlock()
}

// done counts one listing finished (ok) or failed.
func (t *pageTrack) done(ctx context.Context, ok bool) error {
	t.mu.Lock()
	if !ok {
		t.failed = true
	}
	t.pending--
	fire, next := t.pending == 0 && !t.failed, t.next
	t.mu.Unlock()
	return t.finish(ctx, fire, next)
}

// walked says that every link of the page was enqueued and which page
// comes next.
func (t *pageTrack) walked(ctx context.Context, next string) error {
	t.mu.Lock()
	t.next = next
	t.pending--
	fire := t.pending == 0 && !t.failed
	t.mu.Unlock()
	return t.finish(ctx, fire, next)
}

func (t *pageTrack) finish(ctx context.Context, fire bool, next string) error {
	if !fire || t.sf == nil {
		return nil
	}
	if err := t.sf.MarkSearchPage(ctx, t.url, true, next); err != nil {
		return fmt.Errorf("frontier %s: %w", t.url, err)
	}
	return nil
}
