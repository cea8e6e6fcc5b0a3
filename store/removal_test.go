package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// reportedHit records a flagged listing id, moves its hit to reported by
// hand and returns the hit's id.
func reportedHit(t *testing.T, db *DB, id string) uint64 {
	t.Helper()
	out := mustRecord(t, db, Observation{ScanID: 1, Listing: listing(id, "Protein 原单", 9900, "shop-x"), Verdict: flaggedVerdict(80)})
	for _, to := range []shadowscan.Status{shadowscan.StatusConfirmed, shadowscan.StatusReported} {
		if _, err := db.MarkHits(context.Background(), []uint64{out[0].HitID}, shadowscan.StatusChange{To: to, By: "ana"}); err != nil {
			t.Fatal(err)
		}
	}
	return out[0].HitID
}

// TestRemovalNeedsTwoSightings records observations of a reported listing
// at chosen times and checks the two-fetch rule: a gone page is a
// sighting; a second one at least the confirmation gap later confirms it;
// one sooner does not; a live page clears it; a page with neither title
// nor price changes nothing.
func TestRemovalNeedsTwoSightings(t *testing.T) {
	ctx := context.Background()
	gone := func(id, signal string, at time.Time) Observation {
		l := shadowscan.Listing{Site: "demo-market", ID: id, URL: "http://127.0.0.1/item/" + id, Removed: true, Gone: signal, FetchedAt: at}
		return Observation{ScanID: 2, Listing: l}
	}
	live := func(id string, at time.Time) Observation {
		l := listing(id, "Protein 原单", 9900, "shop-x")
		l.FetchedAt = at
		return Observation{ScanID: 2, Listing: l, Verdict: flaggedVerdict(80)}
	}
	empty := func(id string, at time.Time) Observation {
		return Observation{ScanID: 2, Listing: shadowscan.Listing{Site: "demo-market", ID: id, URL: "http://127.0.0.1/item/" + id, FetchedAt: at}}
	}
	t0 := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		obs        func(id string) []Observation
		wantStatus shadowscan.Status
		wantSeen   time.Time // the open sighting; zero for none
		wantGone   time.Time // RemovedAt; zero for none
	}{
		{"404 once is a sighting, not a removal", func(id string) []Observation {
			return []Observation{gone(id, shadowscan.GoneHTTP404, t0)}
		}, shadowscan.StatusReported, t0, time.Time{}},
		{"404 twice within the gap is still a sighting", func(id string) []Observation {
			return []Observation{gone(id, shadowscan.GoneHTTP404, t0), gone(id, shadowscan.GoneHTTP404, t0.Add(59*time.Minute))}
		}, shadowscan.StatusReported, t0, time.Time{}},
		{"404 twice an hour apart is removed as of the first", func(id string) []Observation {
			return []Observation{gone(id, shadowscan.GoneHTTP404, t0), gone(id, shadowscan.GoneHTTP404, t0.Add(time.Hour))}
		}, shadowscan.StatusRemoved, time.Time{}, t0},
		{"410 then the removed marker", func(id string) []Observation {
			return []Observation{gone(id, shadowscan.GoneHTTP410, t0), gone(id, shadowscan.GoneMarker, t0.Add(2*time.Hour))}
		}, shadowscan.StatusRemoved, time.Time{}, t0},
		{"a live page between two gone fetches clears the first", func(id string) []Observation {
			return []Observation{gone(id, shadowscan.GoneHTTP404, t0), live(id, t0.Add(time.Hour)), gone(id, shadowscan.GoneHTTP404, t0.Add(2*time.Hour))}
		}, shadowscan.StatusReported, t0.Add(2 * time.Hour), time.Time{}},
		{"an empty page neither clears nor confirms", func(id string) []Observation {
			return []Observation{gone(id, shadowscan.GoneHTTP404, t0), empty(id, t0.Add(time.Hour))}
		}, shadowscan.StatusReported, t0, time.Time{}},
		{"an empty page alone is no sighting", func(id string) []Observation {
			return []Observation{empty(id, t0), empty(id, t0.Add(2*time.Hour))}
		}, shadowscan.StatusReported, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t)
			id := reportedHit(t, db, "L1")
			var last Outcome
			for _, o := range tt.obs("L1") {
				out, err := db.Record(ctx, []Observation{o})
				if err != nil {
					t.Fatal(err)
				}
				last = out[0]
			}
			h, err := db.Hit(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if h.Status != tt.wantStatus {
				t.Fatalf("status %s, want %s; history %+v", h.Status, tt.wantStatus, h.History)
			}
			switch {
			case tt.wantSeen.IsZero() && h.SeenGone != nil:
				t.Errorf("open sighting %+v, want none", h.SeenGone)
			case !tt.wantSeen.IsZero() && (h.SeenGone == nil || !h.SeenGone.At.Equal(tt.wantSeen)):
				t.Errorf("open sighting %+v, want one at %v", h.SeenGone, tt.wantSeen)
			}
			if !last.Unknown && !last.GoneSince.Equal(tt.wantSeen) {
				t.Errorf("outcome gone since %v, want %v", last.GoneSince, tt.wantSeen)
			}
			switch {
			case tt.wantGone.IsZero() && (h.RemovedAt != nil || h.Listing.Removed):
				t.Errorf("removed at %v, listing removed %v: want neither", h.RemovedAt, h.Listing.Removed)
			case !tt.wantGone.IsZero() && (h.RemovedAt == nil || !h.RemovedAt.Equal(tt.wantGone) || !h.Listing.Removed):
				t.Errorf("removed at %v, want %v", h.RemovedAt, tt.wantGone)
			}
			if h.Listing.Title != "Protein 原单" {
				t.Errorf("the hit's listing lost its fields: %+v", h.Listing)
			}
			if err := db.Check(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestRemovalSightingInHistory checks what an analyst sees: the first
// sighting is a note in the history naming the signal, and the removal
// names both sightings.
func TestRemovalSightingInHistory(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	id := reportedHit(t, db, "L2")
	t0 := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	for i, signal := range []string{shadowscan.GoneHTTP410, shadowscan.GoneMarker} {
		l := shadowscan.Listing{Site: "demo-market", ID: "L2", URL: "http://127.0.0.1/item/L2", Removed: true, Gone: signal, FetchedAt: t0.Add(time.Duration(i) * 90 * time.Minute)}
		if _, err := db.Record(ctx, []Observation{{ScanID: uint64(2 + i), Listing: l}}); err != nil {
			t.Fatal(err)
		}
		h, err := db.Hit(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		last := h.History[len(h.History)-1]
		if i == 0 && (last.To != shadowscan.StatusReported || !strings.Contains(last.Note, "seen gone (http 410)") || h.SeenGone.ScanID != 2) {
			t.Fatalf("after the first sighting: %+v, seen gone %+v", last, h.SeenGone)
		}
		if i == 1 && (last.From != shadowscan.StatusReported || last.To != shadowscan.StatusRemoved ||
			!strings.Contains(last.Note, "2026-05-01T08:00:00Z") || !strings.Contains(last.Note, "removed marker")) {
			t.Fatalf("the removal: %+v", last)
		}
	}
}

// TestManualRemovalUsesTheSighting marks by hand a hit a scan saw gone:
// RemovedAt is the sighting, which is then closed.
func TestManualRemovalUsesTheSighting(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	id := reportedHit(t, db, "L3")
	t0 := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	l := shadowscan.Listing{Site: "demo-market", ID: "L3", URL: "http://127.0.0.1/item/L3", Removed: true, Gone: shadowscan.GoneHTTP404, FetchedAt: t0}
	if _, err := db.Record(ctx, []Observation{{ScanID: 2, Listing: l}}); err != nil {
		t.Fatal(err)
	}
	hs, err := db.MarkHits(ctx, []uint64{id}, shadowscan.StatusChange{To: shadowscan.StatusRemoved, By: "legal", Note: "platform confirmed"})
	if err != nil {
		t.Fatal(err)
	}
	if h := hs[0]; h.RemovedAt == nil || !h.RemovedAt.Equal(t0) || h.SeenGone != nil {
		t.Fatalf("removed by hand after a sighting: removed at %v, seen gone %+v", h.RemovedAt, h.SeenGone)
	}
}
