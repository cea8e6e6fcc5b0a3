package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// TestStoreInvariantsUnderRandomUse drives a store with random scans and
// reviews over a few listings, some of which share an id, and checks after
// every step what must always hold:
//
//   - Check finds no damage (indexes, counters, listing of every hit);
//   - a key keeps the URL it was first stored with: no listing replaces
//     another, and every URL seen is stored under exactly one key;
//   - a hit's score, category, reasons and listing title come from one
//     observation, the latest flagged one of its listing;
//   - a scan moves a hit's status only along the scan's own moves
//     (reported → removed, removed → relisted, dismissed → new), so a
//     reviewer's decision is never overwritten.
func TestStoreInvariantsUnderRandomUse(t *testing.T) {
	seeds := 24
	if testing.Short() {
		seeds = 6
	}
	for seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { runRandomUse(t, uint64(seed)) })
	}
}

// pageOf is one listing page of the random world: its URL and the id the
// site shows for it (shared by some pages).
type pageOf struct{ url, id string }

func runRandomUse(t *testing.T, seed uint64) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(seed, 7))
	clock := newTestClock()
	db := MustOpen(t, WithClock(clock.Now))
	pages := []pageOf{
		{"http://127.0.0.1/p/1/serum", "1"}, {"http://127.0.0.1/p/2/serum", "2"},
		{"http://127.0.0.1/x/a", "SAME"}, {"http://127.0.0.1/x/b", "SAME"}, {"http://127.0.0.1/x/c", "SAME"},
		{"http://127.0.0.1/p/3/cream", "3"},
	}
	type flaggedObs struct {
		score int
		title string
	}
	keyURL := map[string]string{}          // store key -> URL it first held
	lastFlagged := map[string]flaggedObs{} // URL -> latest flagged observation
	for step := range 60 {
		clock.Add(time.Hour)
		if rng.IntN(4) == 0 {
			// An analyst moves some hit wherever the workflow allows.
			hs, err := db.Hits(ctx, shadowscan.HitFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(hs) == 0 {
				continue
			}
			h := hs[rng.IntN(len(hs))]
			if next := h.Status.ManualNext(); len(next) > 0 {
				to := next[rng.IntN(len(next))]
				if _, ok := shadowscan.ScanOnlyMove(h.Status, to); !ok {
					if _, err := db.MarkHits(ctx, []uint64{h.ID}, shadowscan.StatusChange{To: to, By: "analyst"}); err != nil {
						t.Fatalf("step %d: mark %d %s → %s: %v", step, h.ID, h.Status, to, err)
					}
				}
			}
			continue
		}
		// A scan sees some pages.
		before := hitStatuses(t, db)
		var obs []Observation
		for _, p := range pages {
			if rng.IntN(2) == 0 {
				continue
			}
			l := listing(p.id, fmt.Sprintf("title of %s at step %d", p.url, step), shadowscan.Amount(1000+rng.IntN(9000)), "shop-9")
			l.URL, l.FetchedAt = p.url, clock.Now()
			var v shadowscan.Verdict
			switch rng.IntN(4) {
			case 0:
				l.Removed = true
			case 1:
				v = shadowscan.Verdict{Score: rng.IntN(60)}
			default:
				v = flaggedVerdict(60 + rng.IntN(40))
				lastFlagged[p.url] = flaggedObs{v.Score, l.Title}
			}
			obs = append(obs, Observation{ScanID: uint64(step + 1), Listing: l, Verdict: v})
		}
		outs, err := db.Record(ctx, obs)
		if err != nil {
			t.Fatalf("step %d: record: %v", step, err)
		}
		for i, o := range outs {
			if o.Key == "" {
				t.Fatalf("step %d: no key for %s", step, obs[i].Listing.URL)
			}
		}
		after := hitStatuses(t, db)
		for id, st := range after {
			if was, ok := before[id]; ok && was != st {
				if !scanMoves[[2]shadowscan.Status{was, st}] {
					t.Fatalf("step %d: a scan moved hit %d %s → %s", step, id, was, st)
				}
			}
		}

		if err := db.Check(ctx); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		urls := map[string][]string{}
		err = db.EachListing(ctx, "", func(r *ListingRecord) error {
			k := r.Listing.Key()
			if first, ok := keyURL[k]; ok && !SameListingURL(first, r.Listing.URL) {
				return fmt.Errorf("key %s held %s and now %s", k, first, r.Listing.URL)
			}
			keyURL[k] = r.Listing.URL
			urls[r.Listing.URL] = append(urls[r.Listing.URL], k)
			if r.HitID == 0 {
				return nil
			}
			h, err := db.Hit(ctx, r.HitID)
			if err != nil {
				return err
			}
			want, ok := lastFlagged[r.Listing.URL]
			if !ok {
				return fmt.Errorf("hit %d of %s exists but the listing was never flagged", h.ID, r.Listing.URL)
			}
			if h.Score != want.score || h.Listing.Title != want.title || h.Listing.URL != r.Listing.URL {
				return fmt.Errorf("hit %d shows score %d title %q of %s; its latest flagged observation had %d %q",
					h.ID, h.Score, h.Listing.Title, h.Listing.URL, want.score, want.title)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		for u, keys := range urls {
			if len(keys) != 1 {
				t.Fatalf("step %d: %s stored under %v", step, u, keys)
			}
		}
	}
	if len(keyURL) < 4 {
		t.Fatalf("only %d listings stored: the random world did not exercise shared ids", len(keyURL))
	}
}

func hitStatuses(t *testing.T, db *DB) map[uint64]shadowscan.Status {
	t.Helper()
	hs, err := db.Hits(context.Background(), shadowscan.HitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[uint64]shadowscan.Status{}
	for _, h := range hs {
		out[h.ID] = h.Status
	}
	return out
}

// scanMoves are the only status moves a scan makes.
var scanMoves = map[[2]shadowscan.Status]bool{
	{shadowscan.StatusReported, shadowscan.StatusRemoved}: true,
	{shadowscan.StatusRemoved, shadowscan.StatusRelisted}: true,
	{shadowscan.StatusDismissed, shadowscan.StatusNew}:    true,
}
