package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// seedVaried records n hits spread over brands, categories, sites and
// sellers (seeded, so the same every run), then moves some along the
// workflow, and returns the hits as stored.
func seedVaried(t testing.TB, db *DB, n int) []shadowscan.Hit {
	t.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(7, 11))
	obs := make([]Observation, n)
	for i := range obs {
		l := listing(fmt.Sprintf("V%04d", i), "t", 100, fmt.Sprintf("shop-%d", r.IntN(9)))
		l.Site = []string{"demo-market", "other-market", "third"}[r.IntN(3)]
		if r.IntN(10) == 0 {
			l.SellerID = "" // some listings name no seller
		}
		v := flaggedVerdict(r.IntN(101))
		v.BrandID = []string{"aurora", "zeta"}[r.IntN(2)]
		v.Category = shadowscan.Categories[r.IntN(len(shadowscan.Categories))]
		obs[i] = Observation{Listing: l, Verdict: v}
	}
	out := mustRecord(t, db, obs...)
	var dismiss, confirm []uint64
	for i, o := range out {
		switch i % 5 {
		case 1:
			dismiss = append(dismiss, o.HitID)
		case 2:
			confirm = append(confirm, o.HitID)
		}
	}
	if _, err := db.MarkHits(ctx, dismiss, shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MarkHits(ctx, confirm, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana"}); err != nil {
		t.Fatal(err)
	}
	all, err := db.Hits(ctx, shadowscan.HitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != n {
		t.Fatalf("seeded %d hits, store has %d", n, len(all))
	}
	return all
}

// bruteHits filters all (in score order) the slow way.
func bruteHits(all []shadowscan.Hit, f shadowscan.HitFilter) []uint64 {
	ids := []uint64{}
	for _, h := range all {
		if f.Match(&h) {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

// TestHitsAgreeWithAFullScan: whichever index the planner picks, Hits and
// HitCount give what filtering every hit would.
func TestHitsAgreeWithAFullScan(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	all := seedVaried(t, db, 300)
	var filters []shadowscan.HitFilter
	for _, st := range []shadowscan.Status{"", shadowscan.StatusNew, shadowscan.StatusConfirmed, shadowscan.StatusReported} {
		for _, brand := range []string{"", "zeta", "nobody"} {
			for _, site := range []string{"", "third"} {
				for _, seller := range []string{"", "shop-3"} {
					for _, cat := range []shadowscan.Category{"", shadowscan.CategoryCounterfeit} {
						for _, min := range []int{0, 60} {
							filters = append(filters, shadowscan.HitFilter{Status: st, BrandID: brand, Site: site, SellerID: seller, Category: cat, MinScore: min})
						}
					}
				}
			}
		}
	}
	for _, f := range filters {
		name := fmt.Sprintf("%s/%s/%s/%s/%s/%d", f.Status, f.BrandID, f.Site, f.SellerID, f.Category, f.MinScore)
		t.Run(name, func(t *testing.T) {
			want := bruteHits(all, f)
			n, err := db.HitCount(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(want) {
				t.Fatalf("HitCount = %d, want %d", n, len(want))
			}
			f.Offset, f.Limit = 2, 5
			got, err := db.Hits(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			lo := min(2, len(want))
			if page := want[lo:min(lo+5, len(want))]; !slices.Equal(hitIDs(got), page) {
				t.Fatalf("Hits page = %v, want %v", hitIDs(got), page)
			}
		})
	}
}

// TestPlannerPicksTheSmallestIndex: the plan walks the field index with
// the fewest entries for the filter, and only checks summaries when the
// filter names more than that field.
func TestPlannerPicksTheSmallestIndex(t *testing.T) {
	db := MustOpen(t)
	seedVaried(t, db, 200)
	tests := []struct {
		name        string
		f           shadowscan.HitFilter
		bucket      []byte
		prefix      []byte
		needSummary bool
	}{
		{"no filter", shadowscan.HitFilter{}, bucketHitsByScore, nil, false},
		{"status", shadowscan.HitFilter{Status: shadowscan.StatusNew}, bucketHitsByStatus, statusPrefix(shadowscan.StatusNew), false},
		{"seller over brand", shadowscan.HitFilter{BrandID: "aurora", SellerID: "shop-1"}, bucketHitsByField, fieldPrefix(dimSeller, "shop-1", ""), true},
		{"seller with status", shadowscan.HitFilter{Status: shadowscan.StatusConfirmed, SellerID: "shop-1"}, bucketHitsByField, fieldPrefix(dimSeller, "shop-1", shadowscan.StatusConfirmed), false},
		{"unknown brand is empty", shadowscan.HitFilter{BrandID: "nobody", Site: "third"}, bucketHitsByField, fieldPrefix(dimBrand, "nobody", ""), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := db.bolt.View(func(tx *bbolt.Tx) error {
				p, err := planFilter(tx, &tt.f)
				if err != nil {
					return err
				}
				if string(p.bucket) != string(tt.bucket) || string(p.prefix) != string(tt.prefix) || p.needSummary != tt.needSummary {
					t.Errorf("plan = %s %x summary %v, want %s %x summary %v", p.bucket, p.prefix, p.needSummary, tt.bucket, tt.prefix, tt.needSummary)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestFieldIndexesFollowChanges: a rescan that changes a hit's seller,
// brand and score, and status moves, keep every index and counter right.
func TestFieldIndexesFollowChanges(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	out := mustRecord(t, db, Observation{Listing: listing("M", "t", 1, "old-shop"), Verdict: flaggedVerdict(40)})
	id := out[0].HitID
	v := flaggedVerdict(80)
	v.BrandID, v.Category = "zeta", shadowscan.CategoryPriceDumping
	mustRecord(t, db, Observation{Listing: listing("M", "t", 1, "new-shop"), Verdict: v})
	if _, err := db.MarkHits(ctx, []uint64{id}, shadowscan.StatusChange{To: shadowscan.StatusEscalated, By: "ana"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    shadowscan.HitFilter
		want int
	}{
		{shadowscan.HitFilter{SellerID: "old-shop"}, 0},
		{shadowscan.HitFilter{SellerID: "new-shop"}, 1},
		{shadowscan.HitFilter{SellerID: "new-shop", Status: shadowscan.StatusNew}, 0},
		{shadowscan.HitFilter{SellerID: "new-shop", Status: shadowscan.StatusEscalated}, 1},
		{shadowscan.HitFilter{BrandID: "aurora"}, 0},
		{shadowscan.HitFilter{Category: shadowscan.CategoryPriceDumping, MinScore: 80}, 1},
	} {
		if n, err := db.HitCount(ctx, tt.f); err != nil || n != tt.want {
			t.Errorf("HitCount(%+v) = %d, %v; want %d", tt.f, n, err, tt.want)
		}
	}
	c, err := db.HitCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.BySeller) != "map[demo-market/new-shop:1]" || fmt.Sprint(c.BySellerStatus) != "map[demo-market/new-shop:map[escalated:1]]" {
		t.Fatalf("by seller = %v, by seller and status = %v", c.BySeller, c.BySellerStatus)
	}
}

// TestHitCountsAgreeWithAFullScan: the maintained counters give what
// counting every hit would.
func TestHitCountsAgreeWithAFullScan(t *testing.T) {
	db := MustOpen(t)
	all := seedVaried(t, db, 250)
	want := shadowscan.HitCounts{ByStatus: map[shadowscan.Status]int{}, ByCategory: map[shadowscan.Category]int{}, ByBrand: map[string]int{},
		BySite: map[string]int{}, BySeller: map[string]int{}, BySellerStatus: map[string]map[shadowscan.Status]int{}}
	for _, h := range all {
		want.Total++
		want.ByStatus[h.Status]++
		want.ByCategory[h.Category]++
		want.ByBrand[h.BrandID]++
		want.BySite[h.Listing.Site]++
		if h.Listing.SellerID != "" {
			k := h.Listing.Site + "/" + h.Listing.SellerID
			want.BySeller[k]++
			if want.BySellerStatus[k] == nil {
				want.BySellerStatus[k] = map[shadowscan.Status]int{}
			}
			want.BySellerStatus[k][h.Status]++
		}
	}
	got, err := db.HitCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(*got) != fmt.Sprint(want) {
		t.Fatalf("counts = %+v\nwant     %+v", *got, want)
	}
}

// TestMigration4FieldIndexes: schema 3 -> 4 builds the field indexes and
// counters from the hits already stored, and the store checks clean.
func TestMigration4FieldIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	old := openAtSchema(t, path, 1)
	hits := schema1Hits()
	hits[2].Listing.SellerID = "t"
	for _, h := range hits {
		putRawHitV1(t, old, h)
	}
	if err := old.migrate(migrations[:3]); err != nil {
		t.Fatal(err)
	}
	if err := old.bolt.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketHitsByField) != nil || tx.Bucket(bucketHitCounts) != nil {
			t.Error("field index buckets exist at schema 3")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := old.bolt.Close(); err != nil {
		t.Fatal(err)
	}
	db := MustOpenPath(t, path)
	if v := schemaVersionOf(t, db); v != SchemaVersion {
		t.Fatalf("schema = %d, want %d", v, SchemaVersion)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := db.Hits(ctx, shadowscan.HitFilter{SellerID: "s"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(hitIDs(got), []uint64{2, 1}) {
		t.Fatalf("hits of seller s = %v, want [2 1]", hitIDs(got))
	}
	c, err := db.HitCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.BySellerStatus) != "map[demo-market/s:map[new:2] demo-market/t:map[confirmed:1]]" || c.Total != 3 {
		t.Fatalf("counts after migration = %+v", *c)
	}
}

func TestFieldPrefixRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		dim   byte
		value string
		st    shadowscan.Status
	}{{dimBrand, "", ""}, {dimSeller, "a\x00b/c", shadowscan.StatusNew}, {dimSiteSeller, "site/shop", ""}} {
		k := fieldPrefix(tt.dim, tt.value, tt.st)
		dim, v, st, ok := parseFieldPrefix(k)
		if !ok || dim != tt.dim || v != tt.value || st != tt.st {
			t.Errorf("parse(%x) = %c %q %q %v", k, dim, v, st, ok)
		}
		if _, _, _, ok := parseFieldPrefix(append(k, 1)); ok {
			t.Errorf("parse accepted %x with a trailing byte", k)
		}
	}
}
