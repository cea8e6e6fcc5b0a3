package store

import (
	"context"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func twinVerdict(score int, candidates ...string) shadowscan.Verdict {
	v := flaggedVerdict(score)
	v.SKU, v.Candidates = "", candidates
	return v
}

// TestPickProduct records a hit that fits two products, has an analyst
// pick one, and checks the pick is refused when it is no candidate, kept
// by rescans while it fits, and dropped with a note when it no longer does.
func TestPickProduct(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	l := listing("T1", "Aurora serum 30ml replica", 5900, "shop-9")
	out := mustRecord(t, db, Observation{ScanID: 1, Listing: l, Verdict: twinVerdict(90, "AUR-SER-BLUE", "AUR-SER-GOLD")})[0]
	h, err := db.Hit(ctx, out.HitID)
	if err != nil {
		t.Fatal(err)
	}
	if h.SKU != "" || strings.Join(h.Candidates, ",") != "AUR-SER-BLUE,AUR-SER-GOLD" {
		t.Fatalf("hit sku %q candidates %v", h.SKU, h.Candidates)
	}
	if _, err := db.PickProduct(ctx, h.ID, "AUR-PROT-500", "alice", ""); err == nil || !strings.Contains(err.Error(), "AUR-SER-BLUE, AUR-SER-GOLD") {
		t.Fatalf("a SKU that is no candidate: %v", err)
	}
	if _, err := db.PickProduct(ctx, h.ID, "AUR-SER-GOLD", "", ""); err == nil {
		t.Fatal("a pick without who made it was accepted")
	}
	picked, err := db.PickProduct(ctx, h.ID, "AUR-SER-GOLD", "alice", "gold cap in photo 2")
	if err != nil {
		t.Fatal(err)
	}
	last := picked.History[len(picked.History)-1]
	if picked.SKU != "AUR-SER-GOLD" || picked.Picked != "AUR-SER-GOLD" || len(picked.Candidates) != 0 || last.By != "alice" ||
		!strings.Contains(last.Note, "product picked: AUR-SER-GOLD (one of AUR-SER-BLUE, AUR-SER-GOLD): gold cap in photo 2") || last.From != last.To {
		t.Fatalf("after the pick: %+v, history %+v", picked, picked.History)
	}
	if _, err := db.PickProduct(ctx, h.ID, "AUR-SER-BLUE", "bob", ""); err == nil {
		t.Fatal("a second pick with no candidates left was accepted")
	}
	if hs, err := db.Hits(ctx, shadowscan.HitFilter{}); err != nil || len(hs) != 1 || hs[0].SKU != "AUR-SER-GOLD" {
		t.Fatalf("hits list after the pick: %v %v", hs, err)
	}

	// A rescan that still fits both keeps the analyst's pick.
	mustRecord(t, db, Observation{ScanID: 2, Listing: l, Verdict: twinVerdict(90, "AUR-SER-BLUE", "AUR-SER-GOLD")})
	h, _ = db.Hit(ctx, h.ID)
	if h.SKU != "AUR-SER-GOLD" || len(h.Candidates) != 0 {
		t.Fatalf("a rescan undid the pick: sku %q candidates %v", h.SKU, h.Candidates)
	}
	// A rescan that links another single product says the pick is gone.
	v := flaggedVerdict(90)
	v.SKU = "AUR-SER-BLUE"
	mustRecord(t, db, Observation{ScanID: 3, Listing: l, Verdict: v})
	h, _ = db.Hit(ctx, h.ID)
	last = h.History[len(h.History)-1]
	if h.SKU != "AUR-SER-BLUE" || h.Picked != "" || !strings.Contains(last.Note, "AUR-SER-GOLD, no longer fits") {
		t.Fatalf("after the listing changed product: sku %q picked %q history %+v", h.SKU, h.Picked, h.History)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
}
