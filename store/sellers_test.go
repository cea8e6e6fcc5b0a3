package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// sellerWorld records hits for sellers on two sites and moves some of
// them through the workflow:
//
//	A1 a@demo new        A2 a@demo confirmed   A3 a@demo reported
//	B1 b@demo dismissed  C1 c@other confirmed (brand zeta)
//	N1 no seller, reported
func sellerWorld(t *testing.T) (*DB, map[string]uint64) {
	t.Helper()
	ctx := context.Background()
	db := MustOpen(t)
	mk := func(id, seller, site, brand string, score int) Observation {
		l := listing(id, "title "+id, 100, seller)
		l.Site = site
		if seller == "" {
			l.SellerName = ""
		}
		v := flaggedVerdict(score)
		v.BrandID = brand
		return Observation{Listing: l, Verdict: v}
	}
	obs := []Observation{
		mk("A1", "a", "demo-market", "aurora", 50), mk("A2", "a", "demo-market", "aurora", 70), mk("A3", "a", "demo-market", "aurora", 90),
		mk("B1", "b", "demo-market", "aurora", 95), mk("C1", "c", "other-market", "zeta", 60), mk("N1", "", "demo-market", "aurora", 80),
	}
	out := mustRecord(t, db, obs...)
	ids := map[string]uint64{}
	for i, o := range out {
		ids[obs[i].Listing.ID] = o.HitID
	}
	mark := func(to shadowscan.Status, names ...string) {
		t.Helper()
		var hs []uint64
		for _, n := range names {
			hs = append(hs, ids[n])
		}
		if _, err := db.MarkHits(ctx, hs, shadowscan.StatusChange{To: to, By: "ana"}); err != nil {
			t.Fatal(err)
		}
	}
	mark(shadowscan.StatusConfirmed, "A2", "A3", "C1", "N1")
	mark(shadowscan.StatusReported, "A3", "N1")
	mark(shadowscan.StatusDismissed, "B1")
	return db, ids
}

func TestConfirmedBySeller(t *testing.T) {
	db, _ := sellerWorld(t)
	got, err := db.ConfirmedBySeller(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[SellerKey]int{{"demo-market", "a"}: 2, {"other-market", "c"}: 1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d, want %d", k, got[k], n)
		}
	}
}

func TestSellers(t *testing.T) {
	db, _ := sellerWorld(t)
	tests := []struct {
		name string
		f    SellerFilter
		want []string // site/seller in order
	}{
		{"all: repeat offenders first, then by confirmed", SellerFilter{}, []string{"demo-market/a", "other-market/c", "demo-market/b"}},
		{"site", SellerFilter{Site: "demo-market"}, []string{"demo-market/a", "demo-market/b"}},
		{"brand", SellerFilter{BrandID: "zeta"}, []string{"other-market/c"}},
		{"nothing matches", SellerFilter{Site: "nowhere"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Sellers(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			keys := []string{}
			for _, s := range got {
				keys = append(keys, s.Site+"/"+s.SellerID)
			}
			if !slices.Equal(keys, tt.want) {
				t.Fatalf("sellers %v, want %v", keys, tt.want)
			}
		})
	}
	got, err := db.Sellers(context.Background(), SellerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := got[0], got[2]
	if a.Hits != 3 || a.Confirmed != 2 || !a.RepeatOffender || a.SellerName != "Shop a" || a.MaxScore != 90 ||
		a.ByStatus[shadowscan.StatusNew] != 1 || a.ByStatus[shadowscan.StatusConfirmed] != 1 || a.ByStatus[shadowscan.StatusReported] != 1 ||
		a.ByCategory[shadowscan.CategoryCounterfeit] != 3 || !slices.Equal(a.Brands, []string{"aurora"}) {
		t.Errorf("seller a: %+v", a)
	}
	if b.Hits != 1 || b.Confirmed != 0 || b.RepeatOffender || b.ByStatus[shadowscan.StatusDismissed] != 1 {
		t.Errorf("seller b: %+v", b)
	}
}

func TestRevisits(t *testing.T) {
	ctx := context.Background()
	db, ids := sellerWorld(t)
	// More reported hits on demo-market, to page through.
	var obs []Observation
	for i := range 5 {
		obs = append(obs, Observation{Listing: listing(fmt.Sprintf("R%d", i), "t", 100, "r"), Verdict: flaggedVerdict(40 + i)})
	}
	var rs []uint64
	for _, o := range mustRecord(t, db, obs...) {
		rs = append(rs, o.HitID)
	}
	for _, to := range []shadowscan.Status{shadowscan.StatusConfirmed, shadowscan.StatusReported} {
		if _, err := db.MarkHits(ctx, rs, shadowscan.StatusChange{To: to, By: "ana"}); err != nil {
			t.Fatal(err)
		}
	}
	want := append([]uint64{ids["A3"], ids["N1"]}, rs...)
	slices.Sort(want)

	t.Run("pages in id order, only revisit statuses of the site", func(t *testing.T) {
		var got []uint64
		var after uint64
		for page := 0; ; page++ {
			refs, err := db.Revisits(ctx, "demo-market", "", after, 2)
			if err != nil {
				t.Fatal(err)
			}
			if len(refs) == 0 {
				break
			}
			if len(refs) > 2 {
				t.Fatalf("page of %d, limit 2", len(refs))
			}
			if page == 1 {
				// A rescan moving a hit between revisit statuses does not
				// disturb the paging.
				for range 2 { // seen gone, and confirmed
					if _, err := db.Record(ctx, []Observation{{Listing: shadowscan.Listing{Site: "demo-market", ID: "R4", Removed: true}}}, ConfirmGoneAfter(0)); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, r := range refs {
				got = append(got, r.HitID)
				if r.URL == "" || r.ListingID == "" {
					t.Errorf("revisit without url or id: %+v", r)
				}
			}
			after = refs[len(refs)-1].HitID
		}
		if !slices.Equal(got, want) {
			t.Fatalf("revisits %v, want %v", got, want)
		}
		h, err := db.Hit(ctx, rs[4])
		if err != nil || h.Status != shadowscan.StatusRemoved {
			t.Fatalf("R4 after removal: %v %v", h, err)
		}
	})
	t.Run("brand filter", func(t *testing.T) {
		refs, err := db.Revisits(ctx, "other-market", "zeta", 0, 10)
		if err != nil || len(refs) != 0 {
			t.Fatalf("confirmed C1 is not a revisit: %v %v", refs, err)
		}
		refs, err = db.Revisits(ctx, "demo-market", "zeta", 0, 10)
		if err != nil || len(refs) != 0 {
			t.Fatalf("no zeta hits on demo-market: %v %v", refs, err)
		}
	})
	t.Run("bad limit", func(t *testing.T) {
		_, err := db.Revisits(ctx, "demo-market", "", 0, 0)
		wantCode(t, err, shadowscan.EINVALID)
	})
}

func TestSellerListings(t *testing.T) {
	db, ids := sellerWorld(t)
	ctx := context.Background()
	// An unflagged listing of a, and one of a seller named a on another site.
	plain := listing("A0", "plain title", 298, "a")
	elsewhere := listing("X1", "title X1", 100, "a")
	elsewhere.Site = "other-market"
	mustRecord(t, db, Observation{Listing: plain, Verdict: shadowscan.Verdict{}}, Observation{Listing: elsewhere, Verdict: flaggedVerdict(60)})

	got, total, err := db.SellerListings(ctx, "demo-market", "a", 10)
	if err != nil {
		t.Fatal(err)
	}
	hitOf := map[string]uint64{}
	for _, r := range got {
		if r.Listing.Site != "demo-market" || r.Listing.SellerID != "a" {
			t.Errorf("listing %s/%s of seller %s is not demo-market/a's", r.Listing.Site, r.Listing.ID, r.Listing.SellerID)
		}
		hitOf[r.Listing.ID] = r.HitID
	}
	want := map[string]uint64{"A0": 0, "A1": ids["A1"], "A2": ids["A2"], "A3": ids["A3"]}
	if total != 4 || len(got) != 4 || fmt.Sprint(hitOf) != fmt.Sprint(want) {
		t.Errorf("demo-market/a: total %d, listings and hits %v, want 4 and %v", total, hitOf, want)
	}
	for i := 1; i < len(got); i++ {
		if got[i].LastSeen.After(got[i-1].LastSeen) {
			t.Errorf("listing %d seen %v after the one before it (%v): want the newest first", i, got[i].LastSeen, got[i-1].LastSeen)
		}
	}
	if got, total, err := db.SellerListings(ctx, "demo-market", "a", 2); err != nil || len(got) != 2 || total != 4 {
		t.Errorf("limit 2: %d listings of %d (%v)", len(got), total, err)
	}
	if got, total, err := db.SellerListings(ctx, "demo-market", "nobody", 5); err != nil || len(got) != 0 || total != 0 {
		t.Errorf("unknown seller: %d listings of %d (%v)", len(got), total, err)
	}
	for _, bad := range [][3]any{{"", "a", 5}, {"demo-market", "", 5}, {"demo-market", "a", 0}} {
		_, _, err := db.SellerListings(ctx, bad[0].(string), bad[1].(string), bad[2].(int))
		wantCode(t, err, shadowscan.EINVALID)
	}
}
