package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// openIDs are the ids of the scan's open work items.
func openIDs(t *testing.T, db *DB, scanID uint64) []string {
	t.Helper()
	items, err := db.OpenWork(context.Background(), scanID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID+"="+string(it.Data))
	}
	return ids
}

// TestWorkItems: items handed out stay open with their data until their
// results are recorded, with the observations or not at all; an item
// done stays done when it is opened again (its result came first); other
// scans and the frontier's counts do not see them.
func TestWorkItems(t *testing.T) {
	ctx := context.Background()
	var full atomic.Bool
	db := MustOpen(t, WithWriteFault(func(string) error {
		if full.Load() {
			return fmt.Errorf("write page: %w", syscall.ENOSPC)
		}
		return nil
	}))
	if err := db.MarkWork(ctx, 7, []WorkItem{{ID: "seed1", Data: []byte("s1")}, {ID: "seed2", Data: []byte("s2")}}, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := openIDs(t, db, 7), []string{"seed1=s1", "seed2=s2"}; !slices.Equal(got, want) {
		t.Fatalf("open %v, want %v", got, want)
	}

	// seed1's result hands out item1 and item2; item2's result was
	// recorded before it.
	if err := db.MarkWork(ctx, 7, nil, []string{"item2"}); err != nil {
		t.Fatal(err)
	}
	res := WithWork(7, []WorkItem{{ID: "item1", Data: []byte("i1")}, {ID: "item2", Data: []byte("i2")}}, []string{"seed1"})
	full.Store(true)
	_, err := db.Record(ctx, []Observation{{ScanID: 7, Listing: listing("W1", "t", 100, "s")}}, res)
	if !errors.Is(err, ErrWrite) {
		t.Fatalf("record on a full disk: %v", err)
	}
	full.Store(false)
	if got, want := openIDs(t, db, 7), []string{"seed1=s1", "seed2=s2"}; !slices.Equal(got, want) {
		t.Fatalf("after a failed record: open %v, want %v", got, want)
	}
	if _, err := db.Record(ctx, []Observation{{ScanID: 7, Listing: listing("W1", "t", 100, "s")}}, res); err != nil {
		t.Fatal(err)
	}
	if got, want := openIDs(t, db, 7), []string{"item1=i1", "seed2=s2"}; !slices.Equal(got, want) {
		t.Fatalf("open %v, want %v", got, want)
	}
	for id, want := range map[string]bool{"seed1": true, "item2": true, "item1": false, "nothing": false} {
		if done, err := db.WorkDone(ctx, 7, id); err != nil || done != want {
			t.Errorf("WorkDone(%s) = %v, %v; want %v", id, done, err, want)
		}
	}
	// A batch of failures only (no observation) marks its items too.
	if _, err := db.Record(ctx, nil, WithWork(7, nil, []string{"item1", "seed2"})); err != nil {
		t.Fatal(err)
	}
	if got := openIDs(t, db, 7); len(got) != 0 {
		t.Fatalf("open %v after every result; want none", got)
	}
	if done, open, err := db.WorkCounts(ctx, 7); err != nil || done != 4 || open != 0 {
		t.Errorf("WorkCounts = %d done, %d open, %v; want 4, 0", done, open, err)
	}
	if got := openIDs(t, db, 8); len(got) != 0 {
		t.Fatalf("scan 8 sees %v", got)
	}
	if n, s, err := db.FrontierCounts(ctx, 7); err != nil || n != 0 || s != 0 {
		t.Errorf("the frontier counts %d listings, %d search pages (%v); work items are neither", n, s, err)
	}
	if err := db.MarkWork(ctx, 7, nil, []string{strings.Repeat("x", maxWorkID+1)}); err == nil || !strings.Contains(err.Error(), "want 1 to 256 bytes") {
		t.Errorf("an id too long: %v", err)
	}
	if err := db.ClearFrontier(ctx, 7); err != nil {
		t.Fatal(err)
	}
	if done, err := db.WorkDone(ctx, 7, "seed1"); err != nil || done {
		t.Errorf("after ClearFrontier seed1 done = %v, %v", done, err)
	}
	if _, err := db.Listing(ctx, "demo-market", "W1"); err != nil {
		t.Errorf("the listing recorded with the work marks: %v", err)
	}
}

// TestRecordKeepsScanProgress: WithScanRecord keeps the scan's counts in
// the transaction of each batch, listings or only work marks, while the
// scan runs; a finished scan's record is never overwritten.
func TestRecordKeepsScanProgress(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	sc := &shadowscan.Scan{Sites: []string{"m"}}
	if err := db.StartScan(ctx, sc); err != nil {
		t.Fatal(err)
	}
	progress := func(pages int) RecordOption {
		return WithScanRecord(func(outs []Outcome) *shadowscan.Scan {
			c := *sc
			c.Pages, c.Listings = pages, len(outs)
			for _, o := range outs {
				if o.NewHit {
					c.Hits++
				}
			}
			return &c
		})
	}
	obs := []Observation{{ScanID: sc.ID, Listing: listing("p1", "Aurora protein", 8900, "s1"), Verdict: flaggedVerdict(80)}}
	if _, err := db.Record(ctx, obs, WithWork(sc.ID, nil, []string{"t1"}), progress(3)); err != nil {
		t.Fatal(err)
	}
	got, err := db.Scan(ctx, sc.ID)
	if err != nil || got.Pages != 3 || got.Listings != 1 || got.Hits != 1 || got.State != shadowscan.ScanRunning {
		t.Fatalf("after a batch: %+v (%v); want 3 pages, 1 listing, 1 hit, running", got, err)
	}
	// A batch of work marks only (a search page's result) keeps it too.
	if _, err := db.Record(ctx, nil, WithWork(sc.ID, nil, []string{"t2"}), progress(4)); err != nil {
		t.Fatal(err)
	}
	if got, err = db.Scan(ctx, sc.ID); err != nil || got.Pages != 4 {
		t.Fatalf("after marks only: %+v (%v); want 4 pages", got, err)
	}
	if done, err := db.WorkDone(ctx, sc.ID, "t2"); err != nil || !done {
		t.Fatalf("t2 done %v (%v) in the same transaction", done, err)
	}
	final := *got
	final.State, final.Pages = shadowscan.ScanDone, 9
	if err := db.FinishScan(ctx, &final); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Record(ctx, nil, WithWork(sc.ID, nil, []string{"t3"}), progress(5)); err != nil {
		t.Fatal(err)
	}
	if got, err = db.Scan(ctx, sc.ID); err != nil || got.Pages != 9 || got.State != shadowscan.ScanDone {
		t.Errorf("a finished scan after a late batch: %+v (%v); want its final record, 9 pages, done", got, err)
	}
}
