package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// commits records what a Writer's OnCommit saw.
type commits struct {
	mu      sync.Mutex
	sizes   []int
	newHits int
	keys    []string
}

func (c *commits) add(cm Commit) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(cm.Observations) != len(cm.Outcomes) {
		panic("a commit whose observations and outcomes differ in number")
	}
	c.sizes = append(c.sizes, len(cm.Outcomes))
	for i, o := range cm.Outcomes {
		if o.NewHit {
			c.newHits++
		}
		c.keys = append(c.keys, cm.Observations[i].Listing.Key())
	}
}

func (c *commits) get() ([]int, int, []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.sizes), c.newHits, slices.Clone(c.keys)
}

// TestWriterBatches: full batches commit as they fill (a long interval
// keeps the clock out of it), Flush commits the rest, and OnCommit sees
// each observation once, in the order added, with its outcome.
func TestWriterBatches(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	var c commits
	w := db.NewWriter(WithBatch(4), WithInterval(time.Hour), OnCommit(c.add))
	var want []string
	for i := range 10 {
		l := listing(fmt.Sprintf("W%d", i), "t", 1, "s")
		want = append(want, l.Key())
		if err := w.Add(ctx, Observation{Listing: l, Verdict: flaggedVerdict(70)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	sizes, hits, keys := c.get()
	if !slices.Equal(sizes, []int{4, 4, 2}) || hits != 10 || !slices.Equal(keys, want) {
		t.Fatalf("commits %v with %d new hits, keys %v; want [4 4 2], 10 and %v", sizes, hits, keys, want)
	}
	if n, _ := db.HitCount(ctx, shadowscan.HitFilter{}); n != 10 {
		t.Fatalf("%d hits stored after flush, want 10", n)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, Observation{Listing: listing("late", "t", 1, "s")}); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Fatalf("add after close: %v, want EINVALID", err)
	}
}

// TestWriterInterval: a batch that does not fill is committed after the
// interval, without a flush.
func TestWriterInterval(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	committed := make(chan Commit, 1)
	w := db.NewWriter(WithBatch(100), WithInterval(10*time.Millisecond), OnCommit(func(c Commit) {
		committed <- Commit{Observations: slices.Clone(c.Observations), Outcomes: slices.Clone(c.Outcomes)}
	}))
	defer w.Close(ctx)
	if err := w.Add(ctx, Observation{Listing: listing("tick", "t", 1, "s")}); err != nil {
		t.Fatal(err)
	}
	c := <-committed
	if len(c.Outcomes) != 1 || c.Observations[0].Listing.ID != "tick" {
		t.Fatalf("commit %+v, want the one observation", c)
	}
}

// TestWriterFrontierFollowsObservations: a mark queued behind an
// observation is committed in the same transaction as it, never before;
// a failed transaction stores neither.
func TestWriterFrontierFollowsObservations(t *testing.T) {
	ctx := context.Background()
	var full atomic.Bool
	db := MustOpen(t, WithWriteFault(func(string) error {
		if full.Load() {
			return fmt.Errorf("write page: %w", syscall.ENOSPC)
		}
		return nil
	}))
	var c commits
	w := db.NewWriter(WithScanFrontier(9), WithBatch(64), WithInterval(time.Hour), OnCommit(c.add))
	if err := w.Add(ctx, Observation{ScanID: 9, Listing: listing("M1", "t", 1, "s")}); err != nil {
		t.Fatal(err)
	}
	if err := w.MarkVisited(ctx, "s\x00/item/M1"); err != nil {
		t.Fatal(err)
	}
	if err := w.MarkSearch(ctx, SearchMark{URL: "s\x00/search?page=1", Done: true, Next: "/search?page=2"}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.Visited(ctx, 9, "s\x00/item/M1"); ok {
		t.Fatal("marked visited before the flush committed anything")
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.Visited(ctx, 9, "s\x00/item/M1"); err != nil || !ok {
		t.Fatalf("visited after flush: %v, %v", ok, err)
	}
	if p, err := db.SearchPageState(ctx, 9, "s\x00/search?page=1"); err != nil || !p.Done || p.Next != "/search?page=2" {
		t.Fatalf("search page after flush: %+v, %v", p, err)
	}

	// A commit that fails stores neither the listing nor its mark, stops
	// the writer and says why on every later call.
	full.Store(true)
	if err := w.Add(ctx, Observation{ScanID: 9, Listing: listing("M2", "t", 1, "s")}); err != nil {
		t.Fatal(err)
	}
	if err := w.MarkVisited(ctx, "s\x00/item/M2"); err != nil {
		t.Fatal(err)
	}
	err := w.Flush(ctx)
	if !errors.Is(err, ErrWrite) || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("flush on a full disk: %v; want a write error with the cause", err)
	}
	full.Store(false)
	if err := w.Add(ctx, Observation{ScanID: 9, Listing: listing("M3", "t", 1, "s")}); !errors.Is(err, ErrWrite) {
		t.Fatalf("add after a failed commit: %v, want the write error", err)
	}
	if err := w.Close(ctx); !errors.Is(err, ErrWrite) {
		t.Fatalf("close after a failed commit: %v, want the write error", err)
	}
	if ok, _ := db.Visited(ctx, 9, "s\x00/item/M2"); ok {
		t.Fatal("the mark of a failed commit was stored")
	}
	for _, id := range []string{"M2", "M3"} {
		if _, err := db.Listing(ctx, "demo-market", id); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
			t.Fatalf("listing %s after the failed commit: %v, want not found", id, err)
		}
	}
	if sizes, _, _ := c.get(); !slices.Equal(sizes, []int{1}) {
		t.Fatalf("commits %v, want only the first one", sizes)
	}
}

// TestWriterCloseUnderCancelledContext: Close commits what is queued even
// when the scan's context was cancelled (Ctrl-C keeps what was fetched).
func TestWriterCloseUnderCancelledContext(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	w := db.NewWriter(WithBatch(10), WithInterval(time.Hour))
	if err := w.Add(ctx, Observation{Listing: listing("cancelled", "t", 1, "s"), Verdict: flaggedVerdict(70)}); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := w.Add(cctx, Observation{Listing: listing("never", "t", 1, "s")}); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("add under a cancelled context: %v", err)
	}
	if err := w.Close(cctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Listing(ctx, "demo-market", "cancelled"); err != nil {
		t.Fatalf("last batch lost: %v", err)
	}
}

// TestWriterBadObservation: an observation Record refuses fails its batch
// with the store's error code, and nothing of the batch is stored.
func TestWriterBadObservation(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	w := db.NewWriter(WithInterval(time.Hour))
	_ = w.Add(ctx, Observation{Listing: listing("good", "t", 1, "s")})
	_ = w.Add(ctx, Observation{Listing: shadowscan.Listing{Site: "demo-market"}})
	wantCode(t, w.Flush(ctx), shadowscan.EINVALID)
	wantCode(t, w.Close(ctx), shadowscan.EINVALID)
	if _, err := db.Listing(ctx, "demo-market", "good"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Fatalf("a listing of the refused batch was stored: %v", err)
	}
}

// TestWriterConcurrentSenders: many goroutines add at once; every
// observation is committed once.
func TestWriterConcurrentSenders(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	var c commits
	w := db.NewWriter(WithBatch(7), OnCommit(c.add))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 25 {
				if err := w.Add(ctx, Observation{Listing: listing(fmt.Sprintf("C%d-%d", g, i), "t", 1, "s")}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	_, _, keys := c.get()
	slices.Sort(keys)
	if len(keys) != 200 || len(slices.Compact(keys)) != 200 {
		t.Fatalf("%d observations committed (%d distinct), want 200", len(keys), len(slices.Compact(keys)))
	}
}
