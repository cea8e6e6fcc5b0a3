package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// seedHits records hits with the given scores, alternating sites, sellers,
// brands and categories, and returns their ids in order.
func seedHits(t testing.TB, db *DB, scores []int) []uint64 {
	t.Helper()
	obs := make([]Observation, len(scores))
	for i, s := range scores {
		l := listing(fmt.Sprintf("L%03d", i), "t", 100, fmt.Sprintf("seller-%d", i%2))
		if i%3 == 0 {
			l.Site = "other-market"
		}
		v := flaggedVerdict(s)
		if i%2 == 1 {
			v.BrandID, v.Category = "zeta", shadowscan.CategoryPriceDumping
		}
		obs[i] = Observation{Listing: l, Verdict: v}
	}
	out := mustRecord(t, db, obs...)
	ids := make([]uint64, len(out))
	for i, o := range out {
		ids[i] = o.HitID
	}
	return ids
}

func hitIDs(hs []shadowscan.Hit) []uint64 {
	ids := make([]uint64, len(hs))
	for i, h := range hs {
		ids[i] = h.ID
	}
	return ids
}

func TestHits(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	//              0   1   2   3   4   5   6   7
	scores := []int{50, 90, 70, 90, 60, 70, 95, 40}
	ids := seedHits(t, db, scores)
	if _, err := db.MarkHits(ctx, []uint64{ids[1], ids[2], ids[7]}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana"}); err != nil {
		t.Fatal(err)
	}
	// Expected orders follow from the data; computed by hand.
	tests := []struct {
		name string
		f    shadowscan.HitFilter
		want []int // indexes into ids
	}{
		{"all: score desc then newest", shadowscan.HitFilter{}, []int{6, 3, 1, 5, 2, 4, 0, 7}},
		{"status new", shadowscan.HitFilter{Status: shadowscan.StatusNew}, []int{6, 3, 5, 4, 0}},
		{"status confirmed", shadowscan.HitFilter{Status: shadowscan.StatusConfirmed}, []int{1, 2, 7}},
		{"status with no hits", shadowscan.HitFilter{Status: shadowscan.StatusRemoved}, []int{}},
		{"brand", shadowscan.HitFilter{BrandID: "zeta"}, []int{3, 1, 5, 7}},
		{"site", shadowscan.HitFilter{Site: "other-market"}, []int{6, 3, 0}},
		{"category", shadowscan.HitFilter{Category: shadowscan.CategoryCounterfeit}, []int{6, 2, 4, 0}},
		{"seller", shadowscan.HitFilter{SellerID: "seller-0"}, []int{6, 2, 4, 0}},
		{"min score", shadowscan.HitFilter{MinScore: 70}, []int{6, 3, 1, 5, 2}},
		{"status and brand and min score", shadowscan.HitFilter{Status: shadowscan.StatusNew, BrandID: "zeta", MinScore: 70}, []int{3, 5}},
		{"limit", shadowscan.HitFilter{Limit: 3}, []int{6, 3, 1}},
		{"offset and limit", shadowscan.HitFilter{Offset: 2, Limit: 3}, []int{1, 5, 2}},
		{"offset past the end", shadowscan.HitFilter{Offset: 20}, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Hits(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			want := make([]uint64, len(tt.want))
			for i, w := range tt.want {
				want[i] = ids[w]
			}
			if !slices.Equal(hitIDs(got), want) {
				t.Fatalf("ids = %v, want %v", hitIDs(got), want)
			}
			for i := range got {
				if !tt.f.Match(&got[i]) {
					t.Fatalf("hit %d does not match the filter", got[i].ID)
				}
			}
			n, err := db.HitCount(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			unpaged := tt.f
			unpaged.Limit, unpaged.Offset = 0, 0
			all, _ := db.Hits(ctx, unpaged)
			if n != len(all) {
				t.Fatalf("count = %d, want %d", n, len(all))
			}
		})
	}
	t.Run("invalid filters", func(t *testing.T) {
		for _, f := range []shadowscan.HitFilter{{Status: "open"}, {Limit: -1}, {Offset: -2}} {
			_, err := db.Hits(ctx, f)
			wantCode(t, err, shadowscan.EINVALID)
			_, err = db.HitCount(ctx, f)
			wantCode(t, err, shadowscan.EINVALID)
		}
	})
	t.Run("missing hit is not found", func(t *testing.T) {
		_, err := db.Hit(ctx, 9999)
		wantCode(t, err, shadowscan.ENOTFOUND)
	})
	t.Run("a rescore moves the hit in the index", func(t *testing.T) {
		l := listing("L000", "t", 100, "seller-0")
		l.Site = "other-market"
		mustRecord(t, db, Observation{Listing: l, Verdict: flaggedVerdict(99)})
		got, _ := db.Hits(ctx, shadowscan.HitFilter{Limit: 1})
		if len(got) != 1 || got[0].ID != ids[0] || got[0].Score != 99 {
			t.Fatalf("top hit = %v", hitIDs(got))
		}
		if err := db.Check(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

func TestMarkHits(t *testing.T) {
	ctx := context.Background()
	clock := newTestClock()
	db := MustOpen(t, WithClock(clock.Now))
	ids := seedHits(t, db, []int{80, 70, 60})
	clock.Add(90 * time.Minute)

	t.Run("legal moves append history", func(t *testing.T) {
		got, err := db.MarkHits(ctx, []uint64{ids[0], ids[1], ids[0]}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana", Note: "seen the photo"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("%d hits changed, want 2 (repeats count once)", len(got))
		}
		h, _ := db.Hit(ctx, ids[0])
		last := h.History[len(h.History)-1]
		want := shadowscan.Transition{From: shadowscan.StatusNew, To: shadowscan.StatusConfirmed, By: "ana", Note: "seen the photo", At: "2026-03-01T10:30:00Z"}
		if h.Status != shadowscan.StatusConfirmed || last != want {
			t.Fatalf("hit = %s, last transition %+v", h.Status, last)
		}
		if _, err := time.Parse(time.RFC3339, last.At); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.HitCount(ctx, shadowscan.HitFilter{Status: shadowscan.StatusConfirmed}); n != 2 {
			t.Fatalf("confirmed count = %d", n)
		}
	})
	t.Run("an illegal move changes nothing and names the hit", func(t *testing.T) {
		_, err := db.MarkHits(ctx, []uint64{ids[2], ids[0]}, shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana"})
		wantCode(t, err, shadowscan.EINVALID)
		if !strings.Contains(err.Error(), fmt.Sprintf("hit %d", ids[0])) || !strings.Contains(err.Error(), "allowed are reported") {
			t.Fatalf("error %q", err)
		}
		h, _ := db.Hit(ctx, ids[2])
		if h.Status != shadowscan.StatusNew || len(h.History) != 1 {
			t.Fatalf("hit %d changed to %s", ids[2], h.Status)
		}
		if err := db.Check(ctx); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("unknown hit changes nothing", func(t *testing.T) {
		_, err := db.MarkHits(ctx, []uint64{ids[2], 777}, shadowscan.StatusChange{To: shadowscan.StatusEscalated, By: "ana"})
		wantCode(t, err, shadowscan.ENOTFOUND)
		h, _ := db.Hit(ctx, ids[2])
		if h.Status != shadowscan.StatusNew {
			t.Fatalf("hit changed to %s", h.Status)
		}
	})
	t.Run("bad arguments", func(t *testing.T) {
		_, err := db.MarkHits(ctx, nil, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana"})
		wantCode(t, err, shadowscan.EINVALID)
		_, err = db.MarkHits(ctx, []uint64{ids[2]}, shadowscan.StatusChange{To: "closed", By: "ana"})
		wantCode(t, err, shadowscan.EINVALID)
		_, err = db.MarkHits(ctx, []uint64{ids[2]}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: ""})
		wantCode(t, err, shadowscan.EINVALID)
		_, err = db.MarkHits(ctx, []uint64{ids[2]}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana", Note: strings.Repeat("n", maxNoteLen+1)})
		wantCode(t, err, shadowscan.EINVALID)
	})
	t.Run("moves only a rescan makes are refused", func(t *testing.T) {
		if _, err := db.MarkHits(ctx, []uint64{ids[2]}, shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana"}); err != nil {
			t.Fatal(err)
		}
		_, err := db.MarkHits(ctx, []uint64{ids[2]}, shadowscan.StatusChange{To: shadowscan.StatusNew, By: "ana"})
		wantCode(t, err, shadowscan.EINVALID)
		if !strings.Contains(err.Error(), fmt.Sprintf("hit %d: a dismissed hit moves to new only when a rescan", ids[2])) {
			t.Fatalf("error %q", err)
		}
	})
	t.Run("removed by hand sets RemovedAt", func(t *testing.T) {
		for _, to := range []shadowscan.Status{shadowscan.StatusReported, shadowscan.StatusRemoved} {
			if _, err := db.MarkHits(ctx, []uint64{ids[0]}, shadowscan.StatusChange{To: to, By: "enforcement"}); err != nil {
				t.Fatal(err)
			}
		}
		h, _ := db.Hit(ctx, ids[0])
		if h.RemovedAt == nil || !h.RemovedAt.Equal(clock.Now()) {
			t.Fatalf("RemovedAt = %v", h.RemovedAt)
		}
		_, err := db.MarkHits(ctx, []uint64{ids[0]}, shadowscan.StatusChange{To: shadowscan.StatusRelisted, By: "enforcement"})
		wantCode(t, err, shadowscan.EINVALID)
	})
}

func TestFrontier(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	long := "http://127.0.0.1/search?q=" + strings.Repeat("x", 40000)
	urls := []string{"http://127.0.0.1/search?q=a&page=1", "http://127.0.0.1/item/1", long}
	for _, u := range urls {
		if err := db.MarkVisited(ctx, 1, u); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.MarkVisited(ctx, 1, urls[0]); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkVisited(ctx, 2, urls[1]); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		scan uint64
		url  string
		want bool
	}{
		{1, urls[0], true}, {1, urls[1], true}, {1, long, true}, {1, long + "y", false},
		{2, urls[1], true}, {2, urls[0], false}, {3, urls[0], false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("scan %d %.40s", tt.scan, tt.url), func(t *testing.T) {
			got, err := db.Visited(ctx, tt.scan, tt.url)
			if err != nil || got != tt.want {
				t.Fatalf("visited = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if n, _ := db.VisitedCount(ctx, 1); n != 3 {
		t.Fatalf("count scan 1 = %d, want 3", n)
	}
	if err := db.ClearFrontier(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.VisitedCount(ctx, 1); n != 0 {
		t.Fatalf("count after clear = %d", n)
	}
	if n, _ := db.VisitedCount(ctx, 2); n != 1 {
		t.Fatalf("clear touched scan 2: count = %d", n)
	}
}

func TestHitCounts(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	ids := seedHits(t, db, []int{50, 90, 70, 90, 60})
	if _, err := db.MarkHits(ctx, []uint64{ids[0], ids[3]}, shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana"}); err != nil {
		t.Fatal(err)
	}
	c, err := db.HitCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// seedHits: i%3==0 on other-market, odd i are zeta price_dumping by seller-1.
	want := shadowscan.HitCounts{
		Total:      5,
		ByStatus:   map[shadowscan.Status]int{shadowscan.StatusNew: 3, shadowscan.StatusDismissed: 2},
		ByCategory: map[shadowscan.Category]int{shadowscan.CategoryCounterfeit: 3, shadowscan.CategoryPriceDumping: 2},
		ByBrand:    map[string]int{"aurora": 3, "zeta": 2},
		BySite:     map[string]int{"other-market": 2, "demo-market": 3},
		BySeller:   map[string]int{"other-market/seller-0": 1, "other-market/seller-1": 1, "demo-market/seller-0": 2, "demo-market/seller-1": 1},
		BySellerStatus: map[string]map[shadowscan.Status]int{
			"other-market/seller-0": {shadowscan.StatusDismissed: 1}, "other-market/seller-1": {shadowscan.StatusDismissed: 1},
			"demo-market/seller-0": {shadowscan.StatusNew: 2}, "demo-market/seller-1": {shadowscan.StatusNew: 1},
		},
	}
	if fmt.Sprint(*c) != fmt.Sprint(want) {
		t.Fatalf("counts = %+v\nwant     %+v", *c, want)
	}
}

func TestMarkVisitedMany(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	if err := db.MarkVisited(ctx, 7, "http://a/1", "http://a/2", "http://a/1"); err != nil {
		t.Fatal(err)
	}
	if n, err := db.VisitedCount(ctx, 7); err != nil || n != 2 {
		t.Fatalf("VisitedCount = %d, %v; want 2", n, err)
	}
	for _, u := range []string{"http://a/1", "http://a/2"} {
		if ok, err := db.Visited(ctx, 7, u); err != nil || !ok {
			t.Fatalf("Visited(%s) = %v, %v", u, ok, err)
		}
	}
	if err := db.MarkVisited(ctx, 7); err != nil {
		t.Fatalf("no urls: %v", err)
	}
}

// TestMarkHitsKeepsReasonAndCase: a dismissal's reason and a report's case
// number are kept in the history entry, survive closing and reopening
// the file, and are refused on the wrong move or when malformed.
func TestMarkHitsKeepsReasonAndCase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shadowscan.db")
	db := MustOpenPath(t, path)
	ids := seedHits(t, db, []int{80, 70, 60})
	mark := func(c shadowscan.StatusChange, ids ...uint64) error {
		_, err := db.MarkHits(ctx, ids, c)
		return err
	}
	if err := mark(shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "genuine product"}, ids[0], ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := mark(shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana"}, ids[2]); err != nil {
		t.Fatal(err)
	}
	if err := mark(shadowscan.StatusChange{To: shadowscan.StatusReported, By: "legal", Case: "IPP-2026-000123"}, ids[2]); err != nil {
		t.Fatal(err)
	}
	t.Run("refusals change nothing", func(t *testing.T) {
		for _, c := range []struct {
			change shadowscan.StatusChange
			msg    string
		}{
			{shadowscan.StatusChange{To: shadowscan.StatusRemoved, By: "legal", Reason: "duplicate"}, "goes with a move to dismissed"},
			{shadowscan.StatusChange{To: shadowscan.StatusRemoved, By: "legal", Case: "IPP-1"}, "goes with a move to reported"},
		} {
			err := mark(c.change, ids[2])
			wantCode(t, err, shadowscan.EINVALID)
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q, want %q", err, c.msg)
			}
		}
		for _, bad := range []string{"IPP-1\nforged row", strings.Repeat("9", shadowscan.MaxCaseLen+1), " IPP-1"} {
			err := shadowscan.StatusChange{To: shadowscan.StatusReported, By: "legal", Case: bad}.Validate()
			wantCode(t, err, shadowscan.EINVALID)
			if !strings.Contains(err.Error(), "case number") {
				t.Errorf("case %q: error %q does not name the case number", bad, err)
			}
		}
		if h, _ := db.Hit(ctx, ids[2]); h.Status != shadowscan.StatusReported {
			t.Errorf("hit moved to %s", h.Status)
		}
	})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = MustOpenPath(t, path)
	for _, id := range ids[:2] {
		h, err := db.Hit(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if last := h.History[len(h.History)-1]; last.Reason != "genuine product" || last.Case != "" {
			t.Errorf("hit %d: last entry %+v, want reason genuine product", id, last)
		}
	}
	h, err := db.Hit(ctx, ids[2])
	if err != nil {
		t.Fatal(err)
	}
	if last := h.History[len(h.History)-1]; last.Case != "IPP-2026-000123" || last.Reason != "" || h.CaseNumber() != "IPP-2026-000123" {
		t.Errorf("last entry %+v, case number %q", last, h.CaseNumber())
	}
	if first := h.History[0]; first.Reason != "" || first.Case != "" {
		t.Errorf("the scan's entry grew a reason or case: %+v", first)
	}
}

// TestMarkHitsChecksTheDismissReasonList: a store opened with the
// configured pick list refuses a dismissal whose reason is not on it (or
// lacks the note it needs), naming the accepted reasons, and moves none of
// the hits; dismissals already in the history, made under another list,
// stay as they were and read back.
func TestMarkHitsChecksTheDismissReasonList(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shadowscan.db")
	db := MustOpenPath(t, path)
	ids := seedHits(t, db, []int{80, 70, 60, 50})
	// Made before the list existed, with a reason the list lacks.
	if _, err := db.MarkHits(ctx, ids[:1], shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "old wording"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	list := shadowscan.DismissReasons{{Reason: "genuine product"}, {Reason: "other", NoteRequired: true}}
	db = MustOpenPath(t, path, WithDismissReasons(list))
	for _, c := range []struct {
		change shadowscan.StatusChange
		msg    string
	}{
		{shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "looks fine"}, `unknown dismiss reason "looks fine" (accepted: "genuine product", "other")`},
		{shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana"}, `a dismissal needs a reason (accepted: "genuine product", "other")`},
		{shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "other"}, `dismiss reason "other" needs a note`},
	} {
		_, err := db.MarkHits(ctx, ids[1:3], c.change)
		wantCode(t, err, shadowscan.EINVALID)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("dismiss with %+v: error %v, want %q", c.change, err, c.msg)
		}
	}
	for _, id := range ids[1:3] {
		if h, _ := db.Hit(ctx, id); h.Status != shadowscan.StatusNew {
			t.Errorf("hit %d moved to %s by a refused dismissal", id, h.Status)
		}
	}
	if _, err := db.MarkHits(ctx, ids[1:2], shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "other", Note: "a sample"}); err != nil {
		t.Errorf("a reason on the list with its note: %v", err)
	}
	if _, err := db.MarkHits(ctx, ids[3:], shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana"}); err != nil {
		t.Errorf("a confirmation needs no reason: %v", err)
	}
	h, err := db.Hit(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if last := h.History[len(h.History)-1]; h.Status != shadowscan.StatusDismissed || last.Reason != "old wording" {
		t.Errorf("the old dismissal reads back as %s %+v", h.Status, last)
	}
	if e, err := db.Enforcement(ctx, shadowscan.EnforcementFilter{}); err != nil || e.DismissReasons["old wording"] != 1 {
		t.Errorf("the old reason is not counted: %v %v", e.DismissReasons, err)
	}
}
