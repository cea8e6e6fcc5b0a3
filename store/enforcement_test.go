package store

import (
	"context"
	"errors"
	"fmt"
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
			_, err := db.MarkHits(ctx, []uint64{h.ID}, shadowscan.StatusEscalated, "ana", "")
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

// TestEnforcement walks hits through the workflow over four months and
// checks the figures each month and in total.
func TestEnforcement(t *testing.T) {
	ctx := context.Background()
	clock := newTestClock() // 2026-03
	db := MustOpen(t, WithClock(clock.Now))
	at := func(month time.Month) {
		clock.mu.Lock()
		clock.t = time.Date(2026, month, 10, 9, 0, 0, 0, time.UTC)
		clock.mu.Unlock()
	}
	mk := func(id, seller, brand string) Observation {
		v := flaggedVerdict(80)
		v.BrandID = brand
		return Observation{Listing: listing(id, "t "+id, 100, seller), Verdict: v}
	}
	mark := func(to shadowscan.Status, ids ...uint64) {
		t.Helper()
		if _, err := db.MarkHits(ctx, ids, to, "ana", ""); err != nil {
			t.Fatal(err)
		}
	}
	at(time.March)
	out := mustRecord(t, db, mk("h1", "a", "aurora"), mk("h2", "a", "aurora"), mk("h3", "b", "aurora"), mk("h4", "", "aurora"), mk("z1", "z", "zeta"))
	h1, h2, h3, h4 := out[0].HitID, out[1].HitID, out[2].HitID, out[3].HitID
	at(time.April)
	mark(shadowscan.StatusConfirmed, h1, h2, h4)
	mark(shadowscan.StatusReported, h1, h2, h4)
	mark(shadowscan.StatusDismissed, h3)
	at(time.May)
	gone := listing("h1", "t h1", 100, "a")
	gone.Removed = true
	for range 2 { // a rescan sees h1 gone, and a second fetch confirms it
		if _, err := db.Record(ctx, []Observation{{Listing: gone}}, ConfirmGoneAfter(0)); err != nil {
			t.Fatal(err)
		}
	}
	mark(shadowscan.StatusRemoved, h2, h4) // removal confirmed by hand
	at(time.June)
	mustRecord(t, db, mk("h1", "a", "aurora")) // h1 is back
	mark(shadowscan.StatusReported, h1)        // and reported again: not a first entry

	fig := func(fl, fs, cl, cs, rl, rs, ml, ms, ll, ls int) Figures {
		return Figures{Flagged: Figure{fl, fs}, Confirmed: Figure{cl, cs}, Reported: Figure{rl, rs}, Removed: Figure{ml, ms}, Relisted: Figure{ll, ls}}
	}
	row := func(brand, month string, f Figures) EnforcementRow {
		return EnforcementRow{BrandID: brand, Site: "demo-market", Month: month, Figures: f}
	}
	tests := []struct {
		name   string
		f      EnforcementFilter
		rows   []EnforcementRow
		totals Figures
	}{
		{"every brand and month", EnforcementFilter{}, []EnforcementRow{
			row("aurora", "2026-03", fig(4, 2, 0, 0, 0, 0, 0, 0, 0, 0)),
			row("aurora", "2026-04", fig(0, 0, 3, 1, 3, 1, 0, 0, 0, 0)),
			row("aurora", "2026-05", fig(0, 0, 0, 0, 0, 0, 3, 1, 0, 0)),
			row("aurora", "2026-06", fig(0, 0, 0, 0, 0, 0, 0, 0, 1, 1)),
			row("zeta", "2026-03", fig(1, 1, 0, 0, 0, 0, 0, 0, 0, 0)),
		}, fig(5, 3, 3, 1, 3, 1, 3, 1, 1, 1)},
		{"brand", EnforcementFilter{BrandID: "zeta"}, []EnforcementRow{
			row("zeta", "2026-03", fig(1, 1, 0, 0, 0, 0, 0, 0, 0, 0)),
		}, fig(1, 1, 0, 0, 0, 0, 0, 0, 0, 0)},
		{"since May", EnforcementFilter{Since: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}, []EnforcementRow{
			row("aurora", "2026-05", fig(0, 0, 0, 0, 0, 0, 3, 1, 0, 0)),
			row("aurora", "2026-06", fig(0, 0, 0, 0, 0, 0, 0, 0, 1, 1)),
		}, fig(0, 0, 0, 0, 0, 0, 3, 1, 1, 1)},
		{"site with no hits", EnforcementFilter{Site: "nowhere"}, []EnforcementRow{}, Figures{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Enforcement(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Rows, tt.rows) {
				t.Errorf("rows\n got %+v\nwant %+v", got.Rows, tt.rows)
			}
			if got.Totals != tt.totals {
				t.Errorf("totals %+v, want %+v", got.Totals, tt.totals)
			}
		})
	}
}

func TestParseMonth(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-03", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"2025-3", time.Time{}, false},
		{"2025-13", time.Time{}, false},
		{"March 2025", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseMonth(tt.in)
			if (err == nil) != tt.ok || !got.Equal(tt.want) {
				t.Fatalf("ParseMonth(%q) = %v, %v", tt.in, got, err)
			}
			var fe *shadowscan.FieldError
			if !tt.ok && !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FieldError", err)
			}
		})
	}
}
