package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestRecordWithFrontier checks that the frontier marks given to Record
// are written with the observations or not at all, and what the frontier
// then says of listing and search pages.
func TestRecordWithFrontier(t *testing.T) {
	ctx := context.Background()
	var full atomic.Bool
	db := MustOpen(t, WithWriteFault(func(string) error {
		if full.Load() {
			return fmt.Errorf("write page: %w", syscall.ENOSPC)
		}
		return nil
	}))
	marks := []SearchMark{{URL: "s\x00/search?q=a&page=1", Done: true, Next: "/search?q=a&page=2"}, {URL: "s\x00/search?q=a&page=2"}}

	// A write that fails stores neither the listing nor the marks.
	full.Store(true)
	_, err := db.Record(ctx, []Observation{{ScanID: 7, Listing: listing("F1", "t", 100, "s")}}, WithFrontier(7, []string{"s\x00/item/F1"}, marks))
	var we *WriteError
	if !errors.Is(err, ErrWrite) || !errors.As(err, &we) || !strings.Contains(err.Error(), "no space left on device") || !strings.Contains(err.Error(), db.Path()) {
		t.Fatalf("record on a full disk: %v; want a write error naming the file and the cause", err)
	}
	full.Store(false)
	if n, s, err := db.FrontierCounts(ctx, 7); err != nil || n != 0 || s != 0 {
		t.Fatalf("after a failed record the frontier holds %d listings, %d search pages (%v); want none", n, s, err)
	}
	if _, err := db.Listing(ctx, "demo-market", "F1"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Fatalf("the listing of a failed record: %v", err)
	}

	if _, err := db.Record(ctx, []Observation{{ScanID: 7, Listing: listing("F1", "t", 100, "s")}}, WithFrontier(7, []string{"s\x00/item/F1"}, marks)); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.Visited(ctx, 7, "s\x00/item/F1"); err != nil || !ok {
		t.Fatalf("visited %v, %v", ok, err)
	}
	p1, err := db.SearchPageState(ctx, 7, marks[0].URL)
	if err != nil || !p1.Done || p1.Next != "/search?q=a&page=2" {
		t.Fatalf("page 1: %+v %v", p1, err)
	}
	p2, err := db.SearchPageState(ctx, 7, marks[1].URL)
	if err != nil || !p2.Seen || p2.Done {
		t.Fatalf("page 2: %+v %v", p2, err)
	}
	// A page done stays done; a long URL is kept by its digest.
	long := "s\x00/search?q=" + strings.Repeat("x", 3000)
	if err := db.MarkFrontier(ctx, 7, nil, []SearchMark{{URL: marks[0].URL}, {URL: long, Done: true}}); err != nil {
		t.Fatal(err)
	}
	if p, _ := db.SearchPageState(ctx, 7, marks[0].URL); !p.Done {
		t.Fatalf("a done page was marked back to fetched: %+v", p)
	}
	if p, _ := db.SearchPageState(ctx, 7, long); !p.Done {
		t.Fatalf("long search url: %+v", p)
	}
	if n, s, err := db.FrontierCounts(ctx, 7); err != nil || n != 1 || s != 2 {
		t.Fatalf("frontier counts %d listings, %d search pages done (%v); want 1 and 2", n, s, err)
	}
	if n, s, _ := db.FrontierCounts(ctx, 8); n != 0 || s != 0 {
		t.Fatalf("another scan's frontier: %d, %d", n, s)
	}
	if err := db.ClearFrontier(ctx, 7); err != nil {
		t.Fatal(err)
	}
	if n, s, _ := db.FrontierCounts(ctx, 7); n != 0 || s != 0 {
		t.Fatalf("after clear: %d, %d", n, s)
	}
}
