package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// TestOneKeyNeverHoldsTwoURLs records two listings that arrive with one id
// at different URLs: both are kept, the conflict names both URLs, and
// later observations of each find their own record again.
func TestOneKeyNeverHoldsTwoURLs(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	a := listing("X1", "official shop listing", 29800, "official")
	a.URL = "http://127.0.0.1/p/81001/serum"
	b := listing("X1", "replica serum 高仿", 5900, "fake-shop")
	b.URL = "http://127.0.0.1/p/81002/serum"

	outA := mustRecord(t, db, Observation{Listing: a, Verdict: shadowscan.Verdict{Score: 5}})[0]
	outB := mustRecord(t, db, Observation{Listing: b, Verdict: flaggedVerdict(90)})[0]
	if outA.Conflict != "" || outA.Key != "demo-market/X1" {
		t.Fatalf("first listing: %+v", outA)
	}
	if outB.Key == outA.Key || !strings.HasPrefix(outB.Key, "demo-market/X1~") {
		t.Fatalf("second listing stored under %q", outB.Key)
	}
	if !strings.Contains(outB.Conflict, a.URL) || !strings.Contains(outB.Conflict, b.URL) {
		t.Fatalf("conflict %q does not name both URLs", outB.Conflict)
	}
	recA, err := db.Listing(ctx, "demo-market", "X1")
	if err != nil {
		t.Fatal(err)
	}
	if recA.Listing.URL != a.URL || recA.HitID != 0 {
		t.Fatalf("the official listing was replaced: %+v", recA.Listing)
	}
	idB := strings.TrimPrefix(outB.Key, "demo-market/")
	recB, err := db.Listing(ctx, "demo-market", idB)
	if err != nil {
		t.Fatal(err)
	}
	if recB.Listing.URL != b.URL || recB.HitID == 0 {
		t.Fatalf("second listing: %+v", recB)
	}
	h, err := db.Hit(ctx, recB.HitID)
	if err != nil {
		t.Fatal(err)
	}
	if h.Listing.URL != b.URL || h.Listing.SellerID != "fake-shop" {
		t.Fatalf("the hit shows another listing: %+v", h.Listing)
	}

	t.Run("tracking parameters and host case are the same listing", func(t *testing.T) {
		again := a
		again.URL = "http://127.0.0.1/p/81001/serum/?utm_source=x&spm=a.b"
		out := mustRecord(t, db, Observation{Listing: again, Verdict: shadowscan.Verdict{Score: 5}})[0]
		if out.Key != outA.Key || out.Conflict != "" {
			t.Fatalf("%+v", out)
		}
	})
	t.Run("the second URL finds its own key again", func(t *testing.T) {
		out := mustRecord(t, db, Observation{Listing: b, Verdict: flaggedVerdict(90)})[0]
		if out.Key != outB.Key || out.NewHit || out.HitID != recB.HitID {
			t.Fatalf("%+v, want key %s hit %d", out, outB.Key, recB.HitID)
		}
	})
	t.Run("a 404 of another URL with the id does not remove the listing", func(t *testing.T) {
		gone := shadowscan.Listing{Site: "demo-market", ID: "X1", URL: "http://127.0.0.1/p/81009/serum", Removed: true}
		mustRecord(t, db, Observation{Listing: gone})
		rec, err := db.Listing(ctx, "demo-market", "X1")
		if err != nil {
			t.Fatal(err)
		}
		if rec.Listing.Removed || !SameListingURL(rec.Listing.URL, a.URL) {
			t.Fatalf("listing X1 = %+v", rec.Listing)
		}
	})
	t.Run("every listing is listed once", func(t *testing.T) {
		seen := map[string]string{}
		if err := db.EachListing(ctx, "demo-market", func(r *ListingRecord) error {
			if prev, ok := seen[r.Listing.Key()]; ok {
				t.Errorf("key %s twice: %s and %s", r.Listing.Key(), prev, r.Listing.URL)
			}
			seen[r.Listing.Key()] = r.Listing.URL
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(seen) != 2 || !SameListingURL(seen["demo-market/X1"], a.URL) || seen[outB.Key] != b.URL {
			t.Fatalf("listings = %v", seen)
		}
		n := 0
		if err := db.EachListing(ctx, "other-site", func(*ListingRecord) error { n++; return nil }); err != nil || n != 0 {
			t.Fatalf("other-site: %d listings, %v", n, err)
		}
	})
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestHitSnapshotIsOneObservation checks that a hit's verdict, reasons and
// listing always come from one observation: an unflagged re-observation
// leaves them, says so in the history and is kept as the hit's Latest; a
// flagged one replaces all three and says so too.
func TestHitSnapshotIsOneObservation(t *testing.T) {
	ctx := context.Background()
	clock := newTestClock()
	db := MustOpen(t, WithClock(clock.Now))
	l := listing("S1", "奥罗拉蛋白粉 高仿", 8900, "shop-9")
	l.FetchedAt = clock.Now()
	first := mustRecord(t, db, Observation{ScanID: 1, Listing: l, Verdict: flaggedVerdict(85)})[0]

	// The seller edits the listing; the matcher no longer flags it.
	clock.Add(24 * time.Hour)
	edited := l
	edited.Title, edited.Price, edited.SellerID = "奥罗拉蛋白粉 正品", 29800, "shop-10"
	edited.FetchedAt = clock.Now()
	mustRecord(t, db, Observation{ScanID: 2, Listing: edited, Verdict: shadowscan.Verdict{Score: 20, BrandID: "aurora"}})
	h, err := db.Hit(ctx, first.HitID)
	if err != nil {
		t.Fatal(err)
	}
	if h.Score != 85 || h.Listing.Title != l.Title || h.Listing.Price != 8900 || h.Listing.SellerID != "shop-9" || len(h.Reasons) != 1 {
		t.Fatalf("the snapshot mixes observations: score %d listing %+v reasons %v", h.Score, h.Listing, h.Reasons)
	}
	if h.Latest == nil || h.Latest.Flagged || h.Latest.Score != 20 || h.Latest.ScanID != 2 {
		t.Fatalf("latest = %+v", h.Latest)
	}
	last := h.History[len(h.History)-1]
	if last.From != h.Status || last.To != h.Status || !strings.Contains(last.Note, "not flagged (score 20)") {
		t.Fatalf("history does not say the listing stopped being flagged: %+v", h.History)
	}
	if h.Status != shadowscan.StatusNew {
		t.Fatalf("status = %s", h.Status)
	}

	// Seen unflagged again: no second note.
	clock.Add(time.Minute)
	edited.FetchedAt = clock.Now()
	mustRecord(t, db, Observation{ScanID: 3, Listing: edited, Verdict: shadowscan.Verdict{Score: 20}})
	if h2, _ := db.Hit(ctx, first.HitID); len(h2.History) != len(h.History) {
		t.Fatalf("a repeated unflagged observation added history: %+v", h2.History)
	}

	// Flagged again at a new price: everything comes from this observation.
	clock.Add(time.Minute)
	again := edited
	again.Price = 4900
	again.FetchedAt = clock.Now()
	v := flaggedVerdict(95)
	v.Reasons = append(v.Reasons, shadowscan.Reason{Signal: "redflag", Detail: "replica", Points: 10})
	mustRecord(t, db, Observation{ScanID: 4, Listing: again, Verdict: v})
	h, err = db.Hit(ctx, first.HitID)
	if err != nil {
		t.Fatal(err)
	}
	if h.Score != 95 || h.Listing.Price != 4900 || h.Listing.SellerID != "shop-10" || len(h.Reasons) != 2 || !h.Latest.Flagged {
		t.Fatalf("flagged again: score %d listing %+v reasons %v latest %+v", h.Score, h.Listing, h.Reasons, h.Latest)
	}
	if last := h.History[len(h.History)-1]; !strings.Contains(last.Note, "flagged again (score 95)") {
		t.Fatalf("history = %+v", h.History)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestSameListingURL(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"http://127.0.0.1:4001/item/9", "http://127.0.0.1:4002/item/9", true}, // the demo on a new port
		{"https://www.shop.example/item/9", "https://m.shop.example/item/9/", true},
		{"https://shop.example/item.htm?id=9&spm=a1.b2&utm_source=x", "https://shop.example/item.htm?id=9", true},
		{"https://shop.example/item.htm?id=9", "https://shop.example/item.htm?id=10", false},
		{"https://shop.example/p/81001/serum", "https://shop.example/p/81002/serum", false},
		{"https://shop.example/p/1", "", true},
		{"https://shop.example/%zz", "https://shop.example/p/1", false},
	}
	for _, tt := range tests {
		if got := SameListingURL(tt.a, tt.b); got != tt.same {
			t.Errorf("SameListingURL(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	if urlDigest("http://127.0.0.1:1/p/2?spm=x", 8) != urlDigest("http://127.0.0.1:2/p/2", 8) {
		t.Error("the conflict key of one listing changes with the port")
	}
}
