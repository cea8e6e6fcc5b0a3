package store

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

func TestRecordNewHit(t *testing.T) {
	ctx := context.Background()
	clock := newTestClock()
	db := MustOpen(t, WithClock(clock.Now))
	l := listing("A1", "奥罗拉蛋白粉 原单", 8900, "shop-9")
	l.FetchedAt = clock.Now()
	cap := pageCapture("A1")
	out := mustRecord(t, db, Observation{ScanID: 4, Listing: l, Captures: []shadowscan.Capture{cap}, Verdict: flaggedVerdict(85)})
	if !out[0].NewHit || out[0].HitID == 0 || out[0].Changed || out[0].Status != shadowscan.StatusNew {
		t.Fatalf("outcome = %+v", out[0])
	}
	h, err := db.Hit(ctx, out[0].HitID)
	if err != nil {
		t.Fatal(err)
	}
	if h.Status != shadowscan.StatusNew || h.Score != 85 || h.Category != shadowscan.CategoryCounterfeit || h.SKU != "AUR-PROT-500" || h.ScanID != 4 {
		t.Fatalf("hit = %+v", h)
	}
	if len(h.History) != 1 || h.History[0].From != "" || h.History[0].To != shadowscan.StatusNew || h.History[0].By != "scan" || h.History[0].At != "2026-03-01T09:00:00Z" {
		t.Fatalf("history = %+v", h.History)
	}
	if h.Listing.Title != l.Title || !h.FirstSeen.Equal(l.FetchedAt) {
		t.Fatalf("hit listing = %+v first seen %v", h.Listing, h.FirstSeen)
	}
	caps, err := db.Captures(ctx, "demo-market", "A1")
	if err != nil {
		t.Fatal(err)
	}
	if len(caps) != 1 || caps[0].Body != nil || caps[0].BodySHA256 != sha(cap.Body) || caps[0].BodySize != int64(len(cap.Body)) || caps[0].Status != 200 || caps[0].Kind != "page" {
		t.Fatalf("captures = %+v", caps)
	}
	body, err := db.Blob(ctx, caps[0].BodySHA256)
	if err != nil || !bytes.Equal(body, cap.Body) {
		t.Fatalf("capture body: %v", err)
	}
	rec, err := db.Listing(ctx, "demo-market", "A1")
	if err != nil || rec.HitID != h.ID || rec.ScanID != 4 {
		t.Fatalf("listing = %+v, %v", rec, err)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRecordCaptures(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		opts    []Option
		verdict shadowscan.Verdict
		keep    bool // Observation.KeepCaptures
		want    int
	}{
		{"unflagged listing keeps no captures", nil, shadowscan.Verdict{Score: 10}, false, 0},
		{"flagged listing keeps its captures", nil, flaggedVerdict(70), false, 2},
		{"keep-all keeps unflagged captures", []Option{WithKeepAllCaptures()}, shadowscan.Verdict{Score: 10}, false, 2},
		{"an observation that asks keeps its unflagged captures", nil, shadowscan.Verdict{Score: 10}, true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t, tt.opts...)
			photo := shadowscan.Capture{URL: "http://127.0.0.1/img/p.jpg", Status: 200, Body: []byte{0xff, 0xd8, 0xff}, Kind: "photo"}
			mustRecord(t, db, Observation{Listing: listing("C", "t", 1, "s"), Captures: []shadowscan.Capture{pageCapture("C"), photo}, Verdict: tt.verdict, KeepCaptures: tt.keep})
			caps, err := db.Captures(ctx, "demo-market", "C")
			if err != nil {
				t.Fatal(err)
			}
			if len(caps) != tt.want {
				t.Fatalf("%d captures, want %d", len(caps), tt.want)
			}
			ok, _ := db.HasBlob(ctx, sha(photo.Body))
			if ok != (tt.want > 0) {
				t.Fatalf("photo blob stored = %v", ok)
			}
			if tt.want > 0 && (caps[0].Kind != "page" || caps[1].Kind != "photo" || caps[1].Method != "GET") {
				t.Fatalf("captures out of order or without method: %+v", caps)
			}
		})
	}
	t.Run("an unflagged rescan of a listing with a hit keeps its captures", func(t *testing.T) {
		// A reported listing found gone is not flagged again, but its
		// capture is the evidence of removal.
		db := MustOpen(t)
		mustRecord(t, db, Observation{Listing: listing("R", "t", 1, "s"), Captures: []shadowscan.Capture{pageCapture("R")}, Verdict: flaggedVerdict(70)})
		gone := listing("R", "t", 1, "s")
		gone.Removed = true
		body := []byte("<html>gone</html>")
		mustRecord(t, db, Observation{Listing: gone, Captures: []shadowscan.Capture{{URL: "http://127.0.0.1/item/R", Status: 404, Body: body, Kind: "page"}}, Verdict: shadowscan.Verdict{Score: 0}})
		caps, err := db.Captures(ctx, "demo-market", "R")
		if err != nil || len(caps) != 2 || caps[1].Status != 404 || caps[1].BodySHA256 != sha(body) {
			t.Fatalf("captures after the rescan: %+v, %v", caps, err)
		}
		if got, err := db.Blob(ctx, sha(body)); err != nil || string(got) != string(body) {
			t.Fatalf("blob of the 404 page: %q, %v", got, err)
		}
	})
	t.Run("unknown listing is not found", func(t *testing.T) {
		db := MustOpen(t)
		_, err := db.Captures(ctx, "demo-market", "nope")
		wantCode(t, err, shadowscan.ENOTFOUND)
		_, err = db.ListingHistory(ctx, "demo-market", "nope")
		wantCode(t, err, shadowscan.ENOTFOUND)
		_, err = db.Listing(ctx, "demo-market", "nope")
		wantCode(t, err, shadowscan.ENOTFOUND)
	})
	t.Run("captures of one listing do not leak into a longer id", func(t *testing.T) {
		db := MustOpen(t)
		mustRecord(t, db,
			Observation{Listing: listing("X", "t", 1, "s"), Captures: []shadowscan.Capture{pageCapture("X")}, Verdict: flaggedVerdict(70)},
			Observation{Listing: listing("X2", "t", 1, "s"), Captures: []shadowscan.Capture{pageCapture("X2"), pageCapture("X2")}, Verdict: flaggedVerdict(70)},
		)
		caps, _ := db.Captures(ctx, "demo-market", "X")
		if len(caps) != 1 {
			t.Fatalf("X has %d captures, want 1", len(caps))
		}
	})
}

func TestRecordHistory(t *testing.T) {
	ctx := context.Background()
	clock := newTestClock()
	db := MustOpen(t, WithClock(clock.Now))
	base := listing("H", "Protein 500g", 9900, "shop-1")
	steps := []struct {
		name        string
		edit        func(l *shadowscan.Listing)
		wantChanged []string
	}{
		{"first sight", func(*shadowscan.Listing) {}, nil},
		{"same again", func(*shadowscan.Listing) {}, nil},
		{"price drop", func(l *shadowscan.Listing) { l.Price = 7900 }, []string{"price"}},
		{"new title and seller", func(l *shadowscan.Listing) { l.Title = "Protein 原单"; l.SellerID = "shop-2" }, []string{"title", "seller"}},
		{"photo refetch failed keeps the photo", func(l *shadowscan.Listing) { l.Images[0].SHA256 = ""; l.Images[0].Err = "timeout" }, nil},
		{"new photo", func(l *shadowscan.Listing) {
			l.Images[0] = shadowscan.ListingImage{URL: "http://127.0.0.1/img/other.jpg", SHA256: sha([]byte("other"))}
		}, []string{"photos"}},
		{"removed keeps the fields", func(l *shadowscan.Listing) { *l = shadowscan.Listing{Site: l.Site, ID: l.ID, Removed: true} }, []string{"removed"}},
		{"live again", func(l *shadowscan.Listing) {}, []string{"relisted"}},
	}
	cur := base
	cur.Images = slices.Clone(base.Images)
	var wantHistory [][]string
	var firstSeen time.Time
	for i, st := range steps {
		l := cur
		l.Images = slices.Clone(cur.Images)
		st.edit(&l)
		l.FetchedAt = clock.Now()
		out := mustRecord(t, db, Observation{ScanID: uint64(i + 1), Listing: l})
		if out[0].Changed != (len(st.wantChanged) > 0) {
			t.Fatalf("%s: Changed = %v", st.name, out[0].Changed)
		}
		if i == 0 {
			firstSeen = l.FetchedAt
			wantHistory = append(wantHistory, nil)
		} else if len(st.wantChanged) > 0 {
			wantHistory = append(wantHistory, st.wantChanged)
		}
		if !l.Removed {
			cur = l
		}
		rec, err := db.Listing(ctx, "demo-market", "H")
		if err != nil {
			t.Fatal(err)
		}
		if !rec.FirstSeen.Equal(firstSeen) || !rec.LastSeen.Equal(l.FetchedAt) || rec.ScanID != uint64(i+1) {
			t.Fatalf("%s: first/last seen = %v/%v scan %d", st.name, rec.FirstSeen, rec.LastSeen, rec.ScanID)
		}
		if l.Removed && (rec.Listing.Title != "Protein 原单" || !rec.Listing.Removed) {
			t.Fatalf("%s: removed listing lost its fields: %+v", st.name, rec.Listing)
		}
		clock.Add(time.Hour)
	}
	hist, err := db.ListingHistory(ctx, "demo-market", "H")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != len(wantHistory) {
		t.Fatalf("history has %d entries, want %d: %+v", len(hist), len(wantHistory), hist)
	}
	for i, h := range hist {
		if !slices.Equal(h.Changed, wantHistory[i]) {
			t.Fatalf("history[%d].Changed = %v, want %v", i, h.Changed, wantHistory[i])
		}
	}
	if hist[1].Price != 7900 || hist[0].Price != 9900 || hist[0].Title != "Protein 500g" {
		t.Fatalf("history values = %+v", hist[:2])
	}
}

func TestRecordWorkflow(t *testing.T) {
	ctx := context.Background()
	type step struct {
		// mark moves the hit by hand before the observation, if set.
		mark       shadowscan.Status
		edit       func(l *shadowscan.Listing)
		flagged    bool
		wantStatus shadowscan.Status
		wantBy     string // who made the last transition
	}
	same := func(*shadowscan.Listing) {}
	removed := func(l *shadowscan.Listing) { l.Removed = true }
	tests := []struct {
		name  string
		steps []step
		check func(t *testing.T, h *shadowscan.Hit)
	}{
		{"dismissed and unchanged is not flagged again", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusDismissed, flagged: true, edit: same, wantStatus: shadowscan.StatusDismissed, wantBy: "ana"},
			{flagged: true, edit: same, wantStatus: shadowscan.StatusDismissed, wantBy: "ana"},
		}, nil},
		{"dismissed and repriced comes back as new", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusDismissed, flagged: true, edit: same, wantStatus: shadowscan.StatusDismissed, wantBy: "ana"},
			{flagged: true, edit: func(l *shadowscan.Listing) { l.Price = 100 }, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
		}, func(t *testing.T, h *shadowscan.Hit) {
			last := h.History[len(h.History)-1]
			if last.From != shadowscan.StatusDismissed || !strings.Contains(last.Note, "price") {
				t.Fatalf("last transition = %+v", last)
			}
		}},
		{"dismissed, changed while unflagged, then flagged comes back", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusDismissed, flagged: false, edit: func(l *shadowscan.Listing) { l.Title = "renamed" }, wantStatus: shadowscan.StatusDismissed, wantBy: "ana"},
			{flagged: true, edit: func(l *shadowscan.Listing) { l.Title = "renamed" }, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
		}, nil},
		{"dismissed and changed but unflagged stays dismissed", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusDismissed, flagged: false, edit: func(l *shadowscan.Listing) { l.SellerID = "other" }, wantStatus: shadowscan.StatusDismissed, wantBy: "ana"},
		}, nil},
		{"reported and seen removed twice an hour apart is removed", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusConfirmed, flagged: true, edit: same, wantStatus: shadowscan.StatusConfirmed, wantBy: "ana"},
			{mark: shadowscan.StatusReported, flagged: false, edit: removed, wantStatus: shadowscan.StatusReported, wantBy: "scan"},
			{flagged: false, edit: removed, wantStatus: shadowscan.StatusRemoved, wantBy: "scan"},
		}, func(t *testing.T, h *shadowscan.Hit) {
			if h.RemovedAt == nil || !h.Listing.Removed || h.Listing.Title == "" || h.SeenGone != nil {
				t.Fatalf("removed hit = %+v", h)
			}
			// The steps are an hour apart from the store's test clock
			// start: the first sighting was step 2's.
			if want := newTestClock().Now().Add(2 * time.Hour).UTC(); !h.RemovedAt.Equal(want) {
				t.Fatalf("removed at %v, want the first sighting %v", h.RemovedAt, want)
			}
		}},
		{"removed and seen live is relisted", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusConfirmed, flagged: true, edit: same, wantStatus: shadowscan.StatusConfirmed, wantBy: "ana"},
			{mark: shadowscan.StatusReported, flagged: false, edit: removed, wantStatus: shadowscan.StatusReported, wantBy: "scan"},
			{flagged: false, edit: removed, wantStatus: shadowscan.StatusRemoved, wantBy: "scan"},
			{flagged: false, edit: removed, wantStatus: shadowscan.StatusRemoved, wantBy: "scan"},
			{flagged: true, edit: same, wantStatus: shadowscan.StatusRelisted, wantBy: "scan"},
			{mark: shadowscan.StatusReported, flagged: true, edit: same, wantStatus: shadowscan.StatusReported, wantBy: "ana"},
		}, func(t *testing.T, h *shadowscan.Hit) {
			var path []string
			for _, tr := range h.History {
				if tr.From != tr.To {
					path = append(path, string(tr.To))
				}
			}
			if got := strings.Join(path, " "); got != "new confirmed reported removed relisted reported" {
				t.Fatalf("history = %s", got)
			}
		}},
		{"reported, gone, live, gone is not removed", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusConfirmed, flagged: true, edit: same, wantStatus: shadowscan.StatusConfirmed, wantBy: "ana"},
			{mark: shadowscan.StatusReported, flagged: false, edit: removed, wantStatus: shadowscan.StatusReported, wantBy: "scan"},
			{flagged: true, edit: same, wantStatus: shadowscan.StatusReported, wantBy: "scan"},
			{flagged: false, edit: removed, wantStatus: shadowscan.StatusReported, wantBy: "scan"},
		}, func(t *testing.T, h *shadowscan.Hit) {
			if h.SeenGone == nil || h.RemovedAt != nil || h.Listing.Removed {
				t.Fatalf("hit seen gone, live, gone: %+v", h)
			}
			if want := newTestClock().Now().Add(4 * time.Hour).UTC(); !h.SeenGone.At.Equal(want) {
				t.Fatalf("seen gone at %v, want the sighting after the live page, %v", h.SeenGone.At, want)
			}
		}},
		{"confirmed and seen removed stays confirmed", []step{
			{flagged: true, edit: same, wantStatus: shadowscan.StatusNew, wantBy: "scan"},
			{mark: shadowscan.StatusConfirmed, flagged: false, edit: removed, wantStatus: shadowscan.StatusConfirmed, wantBy: "scan"},
			{flagged: false, edit: removed, wantStatus: shadowscan.StatusConfirmed, wantBy: "scan"},
		}, func(t *testing.T, h *shadowscan.Hit) {
			if !h.Listing.Removed || h.SeenGone != nil || h.RemovedAt != nil {
				t.Fatalf("confirmed hit seen gone twice: %+v", h)
			}
		}},
		{"unflagged listing gets no hit", []step{{flagged: false, edit: same, wantStatus: ""}}, nil},
		{"removed listing gets no hit", []step{{flagged: true, edit: removed, wantStatus: ""}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newTestClock()
			db := MustOpen(t, WithClock(clock.Now))
			var hitID uint64
			for i, st := range tt.steps {
				if st.mark != "" {
					if _, err := db.MarkHits(ctx, []uint64{hitID}, shadowscan.StatusChange{To: st.mark, By: "ana", Note: "step"}); err != nil {
						t.Fatalf("step %d: mark: %v", i, err)
					}
				}
				l := listing("W", "Aurora protein", 9900, "shop-x")
				st.edit(&l)
				v := shadowscan.Verdict{Score: 20}
				if st.flagged {
					v = flaggedVerdict(60 + i)
				}
				out := mustRecord(t, db, Observation{ScanID: uint64(i + 1), Listing: l, Verdict: v})
				if out[0].Status != st.wantStatus {
					t.Fatalf("step %d: status = %q, want %q", i, out[0].Status, st.wantStatus)
				}
				if st.wantStatus == "" {
					if out[0].HitID != 0 {
						t.Fatalf("step %d: unexpected hit %d", i, out[0].HitID)
					}
					continue
				}
				hitID = out[0].HitID
				h, err := db.Hit(ctx, hitID)
				if err != nil {
					t.Fatal(err)
				}
				if last := h.History[len(h.History)-1]; last.By != st.wantBy || last.To != st.wantStatus {
					t.Fatalf("step %d: last transition = %+v", i, last)
				}
				clock.Add(time.Hour)
			}
			if tt.check != nil {
				h, err := db.Hit(ctx, hitID)
				if err != nil {
					t.Fatal(err)
				}
				tt.check(t, h)
			}
			if err := db.Check(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestRecordIsAtomic(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		bad  Observation
		code string
	}{
		{"missing listing id", Observation{Listing: shadowscan.Listing{Site: "demo-market"}}, shadowscan.EINVALID},
		{"site with a slash", Observation{Listing: shadowscan.Listing{Site: "a/b", ID: "1"}}, shadowscan.EINVALID},
		{"id with NUL", Observation{Listing: shadowscan.Listing{Site: "a", ID: "1\x00"}}, shadowscan.EINVALID},
		{"body digest mismatch", Observation{Listing: listing("B", "t", 1, "s"), Captures: []shadowscan.Capture{{URL: "u", Body: []byte("x"), BodySHA256: sha([]byte("y"))}}}, shadowscan.EINVALID},
		// This one fails inside the transaction, after the first
		// observation was written: the rollback must undo that too.
		{"capture naming a blob not stored", Observation{Listing: listing("B", "t", 1, "s"), Captures: []shadowscan.Capture{{URL: "u", BodySHA256: sha([]byte("nowhere"))}}, Verdict: flaggedVerdict(90)}, shadowscan.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t)
			good := Observation{Listing: listing("G", "t", 1, "s"), Captures: []shadowscan.Capture{pageCapture("G")}, Verdict: flaggedVerdict(90)}
			_, err := db.Record(ctx, []Observation{good, tt.bad})
			wantCode(t, err, tt.code)
			_, err = db.Listing(ctx, "demo-market", "G")
			wantCode(t, err, shadowscan.ENOTFOUND)
			if n, _ := db.HitCount(ctx, shadowscan.HitFilter{}); n != 0 {
				t.Fatalf("%d hits after a failed record", n)
			}
			if ok, _ := db.HasBlob(ctx, sha(pageCapture("G").Body)); ok {
				t.Fatal("blob of a failed record was stored")
			}
		})
	}
}

func TestCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		damage func(tx *bbolt.Tx) error
		want   string
	}{
		{"missing index entry", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketHitsByStatus).Delete(statusIndexKey(shadowscan.StatusNew, 90, 1))
		}, "hits_by_status"},
		{"stale index entry", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketHitsByScore).Put(scoreIndexKey(5, 77), []byte{0, 0, 0, 0})
		}, "hits_by_score has 2 entries"},
		{"missing blob", func(tx *bbolt.Tx) error { return tx.Bucket(bucketBlobs).Delete([]byte(sha(pageCapture("D").Body))) }, "is missing"},
		{"missing hit", func(tx *bbolt.Tx) error { return tx.Bucket(bucketHits).Delete(u64(1)) }, "hit 1 is missing"},
		{"missing field index entry", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketHitsByField).Delete(append(fieldPrefix(dimSeller, "s", shadowscan.StatusNew), scoreIndexKey(90, 1)...))
		}, "missing or stale in hits_by_field"},
		{"stale field index entry", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketHitsByField).Put(append(fieldPrefix(dimBrand, "zeta", ""), scoreIndexKey(90, 9)...), []byte{0, 0, 0, 0})
		}, "hits_by_field has 9 entries"},
		{"wrong hit counter", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketHitCounts).Put(fieldPrefix(dimStatus, string(shadowscan.StatusNew), ""), u64(7))
		}, "is 7, the hits give 1"},
		{"missing hit counter", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketHitCounts).Delete(fieldPrefix(dimSiteSeller, "demo-market/s", ""))
		}, "is missing, the hits give 1"},
		{"extra hit counter", func(tx *bbolt.Tx) error {
			return tx.Bucket(bucketHitCounts).Put(fieldPrefix(dimCategory, "defamation", ""), u64(2))
		}, "is 2, the hits give 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t)
			mustRecord(t, db, Observation{Listing: listing("D", "t", 1, "s"), Captures: []shadowscan.Capture{pageCapture("D")}, Verdict: flaggedVerdict(90)})
			if err := db.Check(ctx); err != nil {
				t.Fatalf("before damage: %v", err)
			}
			if err := db.bolt.Update(tt.damage); err != nil {
				t.Fatal(err)
			}
			err := db.Check(ctx)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("check = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
