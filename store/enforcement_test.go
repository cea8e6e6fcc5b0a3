package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

func TestEachHit(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	// More than two pages of eachHitPage.
	n := 2*eachHitPage + 17
	obs := make([]Observation, n)
	for i := range obs {
		l := listing(fmt.Sprintf("L%04d", i), "t", 100, fmt.Sprintf("s%d", i%3))
		v := flaggedVerdict(50 + i%50)
		if i%2 == 1 {
			v.BrandID = "zeta"
		}
		obs[i] = Observation{Listing: l, Verdict: v}
	}
	mustRecord(t, db, obs...)
	tests := []struct {
		name string
		f    shadowscan.HitFilter
		want int
	}{
		{"all", shadowscan.HitFilter{}, n},
		{"brand", shadowscan.HitFilter{BrandID: "zeta"}, n / 2},
		{"seller and min score", shadowscan.HitFilter{SellerID: "s0", MinScore: 90}, countIf(n, func(i int) bool { return i%3 == 0 && 50+i%50 >= 90 })},
		{"limit and offset are ignored", shadowscan.HitFilter{Limit: 1, Offset: 5}, n},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []uint64
			err := db.EachHit(ctx, tt.f, func(h *shadowscan.Hit) error {
				if !tt.f.Match(h) {
					t.Errorf("hit %d does not pass the filter", h.ID)
				}
				ids = append(ids, h.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != tt.want || !slices.IsSorted(ids) {
				t.Fatalf("%d hits (sorted %v), want %d in id order", len(ids), slices.IsSorted(ids), tt.want)
			}
		})
	}
	t.Run("an error from fn stops the walk", func(t *testing.T) {
		stop := errors.New("stop here")
		calls := 0
		err := db.EachHit(ctx, shadowscan.HitFilter{}, func(*shadowscan.Hit) error {
			calls++
			if calls == 3 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || calls != 3 {
			t.Fatalf("err %v after %d calls", err, calls)
		}
	})
	t.Run("fn may write to the store", func(t *testing.T) {
		err := db.EachHit(ctx, shadowscan.HitFilter{BrandID: "zeta", MinScore: 99}, func(h *shadowscan.Hit) error {
			_, err := db.MarkHits(ctx, []uint64{h.ID}, shadowscan.StatusChange{To: shadowscan.StatusEscalated, By: "ana"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := db.HitCount(ctx, shadowscan.HitFilter{Status: shadowscan.StatusEscalated}); c == 0 {
			t.Fatal("no hit escalated")
		}
	})
	t.Run("bad filter", func(t *testing.T) {
		wantCode(t, db.EachHit(ctx, shadowscan.HitFilter{Status: "bogus"}, func(*shadowscan.Hit) error { return nil }), shadowscan.EINVALID)
	})
}

func countIf(n int, f func(int) bool) int {
	c := 0
	for i := range n {
		if f(i) {
			c++
		}
	}
	return c
}

// TestEnforcement walks hits through the workflow over four months, at
// known times, and checks every figure: rows, months, totals, the time
// from report to removal and the top shops, for the whole store, a
// brand, a start month, an end month and one month.
func TestEnforcement(t *testing.T) {
	ctx := context.Background()
	clock := newTestClock() // 2026-03
	db := MustOpen(t, WithClock(clock.Now))
	at := func(month time.Month, day int) {
		clock.mu.Lock()
		clock.t = time.Date(2026, month, day, 9, 0, 0, 0, time.UTC)
		clock.mu.Unlock()
	}
	mk := func(id, seller, brand string) Observation {
		v := flaggedVerdict(80)
		v.BrandID = brand
		return Observation{Listing: listing(id, "t "+id, 100, seller), Verdict: v}
	}
	mark := func(to shadowscan.Status, ids ...uint64) {
		t.Helper()
		if _, err := db.MarkHits(ctx, ids, shadowscan.StatusChange{To: to, By: "ana"}); err != nil {
			t.Fatal(err)
		}
	}
	at(time.March, 10)
	out := mustRecord(t, db, mk("h1", "a", "aurora"), mk("h2", "a", "aurora"), mk("h3", "b", "aurora"), mk("h4", "", "aurora"), mk("z1", "z", "zeta"))
	h1, h2, h3, h4, z1 := out[0].HitID, out[1].HitID, out[2].HitID, out[3].HitID, out[4].HitID
	at(time.April, 10)
	mark(shadowscan.StatusConfirmed, h1, h2, h4, z1)
	mark(shadowscan.StatusReported, h1, h2, h4)
	if _, err := db.MarkHits(ctx, []uint64{h3}, shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "not our brand"}); err != nil {
		t.Fatal(err)
	}
	at(time.May, 10) // h1: 720 hours after its report
	gone := listing("h1", "t h1", 100, "a")
	gone.Removed = true
	for range 2 { // a rescan sees h1 gone, and a second fetch confirms it
		if _, err := db.Record(ctx, []Observation{{Listing: gone}}, ConfirmGoneAfter(0)); err != nil {
			t.Fatal(err)
		}
	}
	at(time.May, 12)
	mark(shadowscan.StatusRemoved, h2) // 768 hours, confirmed by hand
	at(time.May, 20)
	mark(shadowscan.StatusRemoved, h4) // 960 hours
	at(time.June, 10)
	mustRecord(t, db, mk("h1", "a", "aurora")) // h1 is back
	mark(shadowscan.StatusReported, h1)        // and reported again: not a first entry

	fig := func(n ...int) shadowscan.Figures {
		var f shadowscan.Figures
		for i, st := range shadowscan.Stages {
			*f.Stage(st) = shadowscan.Figure{Listings: n[2*i], Shops: n[2*i+1]}
		}
		return f
	}
	row := func(brand, month string, f shadowscan.Figures) shadowscan.EnforcementRow {
		return shadowscan.EnforcementRow{BrandID: brand, Site: "demo-market", Month: month, Figures: f}
	}
	month := func(m string, f shadowscan.Figures) shadowscan.MonthFigures {
		return shadowscan.MonthFigures{Month: m, Figures: f}
	}
	shop := func(id string, confirmed, removed int) shadowscan.ShopFigures {
		return shadowscan.ShopFigures{Site: "demo-market", SellerID: id, SellerName: "Shop " + id, Confirmed: confirmed, Removed: removed}
	}
	var (
		mar     = fig(4, 2, 0, 0, 0, 0, 0, 0, 0, 0)
		aprA    = fig(0, 0, 3, 1, 3, 1, 0, 0, 0, 0)
		may     = fig(0, 0, 0, 0, 0, 0, 3, 1, 0, 0)
		jun     = fig(0, 0, 0, 0, 0, 0, 0, 0, 1, 1)
		marZ    = fig(1, 1, 0, 0, 0, 0, 0, 0, 0, 0)
		aprZ    = fig(0, 0, 1, 1, 0, 0, 0, 0, 0, 0)
		removal = shadowscan.RemovalTime{Listings: 3, MedianHours: 768, P90Hours: 960}
	)
	tests := []struct {
		name string
		f    shadowscan.EnforcementFilter
		want shadowscan.Enforcement
	}{
		{"every brand and month", shadowscan.EnforcementFilter{}, shadowscan.Enforcement{
			Rows: []shadowscan.EnforcementRow{row("aurora", "2026-03", mar), row("aurora", "2026-04", aprA), row("aurora", "2026-05", may), row("aurora", "2026-06", jun), row("zeta", "2026-03", marZ), row("zeta", "2026-04", aprZ)},
			Months: []shadowscan.MonthFigures{
				month("2026-03", fig(5, 3, 0, 0, 0, 0, 0, 0, 0, 0)), // shops a, b, z
				month("2026-04", fig(0, 0, 4, 2, 3, 1, 0, 0, 0, 0)), // a and z confirmed
				month("2026-05", may), month("2026-06", jun)},
			Totals:         fig(5, 3, 4, 2, 3, 1, 3, 1, 1, 1),
			Removal:        removal,
			TopShops:       []shadowscan.ShopFigures{shop("a", 2, 2), shop("z", 1, 0)},
			DismissReasons: map[string]int{"not our brand": 1},
		}},
		{"brand", shadowscan.EnforcementFilter{BrandID: "zeta"}, shadowscan.Enforcement{
			Rows:           []shadowscan.EnforcementRow{row("zeta", "2026-03", marZ), row("zeta", "2026-04", aprZ)},
			Months:         []shadowscan.MonthFigures{month("2026-03", marZ), month("2026-04", aprZ)},
			Totals:         fig(1, 1, 1, 1, 0, 0, 0, 0, 0, 0),
			TopShops:       []shadowscan.ShopFigures{shop("z", 1, 0)},
			DismissReasons: map[string]int{},
		}},
		{"since May", shadowscan.EnforcementFilter{Since: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}, shadowscan.Enforcement{
			Since:          "2026-05",
			Rows:           []shadowscan.EnforcementRow{row("aurora", "2026-05", may), row("aurora", "2026-06", jun)},
			Months:         []shadowscan.MonthFigures{month("2026-05", may), month("2026-06", jun)},
			Totals:         fig(0, 0, 0, 0, 0, 0, 3, 1, 1, 1),
			Removal:        removal, // reported in April, removed in May: counted in May
			TopShops:       []shadowscan.ShopFigures{shop("a", 0, 2)},
			DismissReasons: map[string]int{},
		}},
		{"until April", shadowscan.EnforcementFilter{Until: time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)}, shadowscan.Enforcement{
			Until:          "2026-04",
			Rows:           []shadowscan.EnforcementRow{row("aurora", "2026-03", mar), row("aurora", "2026-04", aprA), row("zeta", "2026-03", marZ), row("zeta", "2026-04", aprZ)},
			Months:         []shadowscan.MonthFigures{month("2026-03", fig(5, 3, 0, 0, 0, 0, 0, 0, 0, 0)), month("2026-04", fig(0, 0, 4, 2, 3, 1, 0, 0, 0, 0))},
			Totals:         fig(5, 3, 4, 2, 3, 1, 0, 0, 0, 0),
			TopShops:       []shadowscan.ShopFigures{shop("a", 2, 0), shop("z", 1, 0)},
			DismissReasons: map[string]int{"not our brand": 1},
		}},
		{"one month", shadowscan.EnforcementFilter{Since: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}, shadowscan.Enforcement{
			Since: "2026-06", Until: "2026-06",
			Rows:           []shadowscan.EnforcementRow{row("aurora", "2026-06", jun)},
			Months:         []shadowscan.MonthFigures{month("2026-06", jun)},
			Totals:         jun,
			TopShops:       []shadowscan.ShopFigures{},
			DismissReasons: map[string]int{},
		}},
		{"site with no hits", shadowscan.EnforcementFilter{Site: "nowhere"}, shadowscan.Enforcement{
			Rows: []shadowscan.EnforcementRow{}, Months: []shadowscan.MonthFigures{}, TopShops: []shadowscan.ShopFigures{}, DismissReasons: map[string]int{},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Enforcement(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

// TestEnforcementDismissReasons: dismissals count by reason; those made
// before reasons were kept count under NoDismissReason.
func TestEnforcementDismissReasons(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	var ids []uint64
	for _, o := range mustRecord(t, db, Observation{Listing: listing("L1", "t", 100, "s"), Verdict: flaggedVerdict(80)}, Observation{Listing: listing("L2", "t", 100, "s"), Verdict: flaggedVerdict(80)}, Observation{Listing: listing("L3", "t", 100, "s"), Verdict: flaggedVerdict(80)}) {
		ids = append(ids, o.HitID)
	}
	for i, reason := range []string{"duplicate", "duplicate", ""} {
		if _, err := db.MarkHits(ctx, ids[i:i+1], shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: reason}); err != nil {
			t.Fatal(err)
		}
	}
	e, err := db.Enforcement(ctx, shadowscan.EnforcementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"duplicate": 2, shadowscan.NoDismissReason: 1}; !reflect.DeepEqual(e.DismissReasons, want) {
		t.Errorf("dismiss reasons %v, want %v", e.DismissReasons, want)
	}
}

func TestEnforcementTopShopsAreTen(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	var obs []Observation
	// Shop s<i> has i+1 listings, for i in 0..11.
	for i := range 12 {
		for j := range i + 1 {
			obs = append(obs, Observation{Listing: listing(fmt.Sprintf("L%d-%d", i, j), "t", 100, fmt.Sprintf("s%02d", i)), Verdict: flaggedVerdict(80)})
		}
	}
	var ids []uint64
	for _, o := range mustRecord(t, db, obs...) {
		ids = append(ids, o.HitID)
	}
	if _, err := db.MarkHits(ctx, ids, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana"}); err != nil {
		t.Fatal(err)
	}
	e, err := db.Enforcement(ctx, shadowscan.EnforcementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.TopShops) != shadowscan.TopShopsLimit {
		t.Fatalf("%d top shops, want %d", len(e.TopShops), shadowscan.TopShopsLimit)
	}
	for i, s := range e.TopShops {
		if want := fmt.Sprintf("s%02d", 11-i); s.SellerID != want || s.Confirmed != 12-i {
			t.Errorf("top shop %d: %+v, want %s with %d confirmed", i, s, want, 12-i)
		}
	}
}
