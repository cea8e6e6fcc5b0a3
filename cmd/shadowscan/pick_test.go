package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// TestReviewPick checks the command line around a hit that fits two
// products: review show names them and how to pick, review pick refuses
// anything else and records the choice.
func TestReviewPick(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pick.db")
	mustImportDemoCatalog(t, path)
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	l := shadowscan.Listing{Site: "demo-market", ID: "p1", URL: "http://127.0.0.1/item/p1", Title: "Aurora Protein Powder replica",
		Price: 9900, HasPrice: true, Currency: "CNY", SellerID: "yp-888"}
	v := shadowscan.Verdict{BrandID: "aurora", Candidates: []string{"AUR-PROT-500", "AUR-PROT-1000"}, Score: 100, Flagged: true,
		Category: shadowscan.CategoryCounterfeit, Reasons: []shadowscan.Reason{{Signal: "words", Detail: `title says "replica"`, Points: 30}}}
	out, err := db.Record(context.Background(), []store.Observation{{Listing: l, Verdict: v}})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	id := jsonID(out[0].HitID)

	show := mustCLI(t, path, "review", "show", id)
	if !strings.Contains(show, "one of AUR-PROT-500, AUR-PROT-1000") || !strings.Contains(show, "review pick "+id+" SKU") {
		t.Errorf("review show does not name the candidates:\n%s", show)
	}
	if list := mustCLI(t, path, "review", "list"); !strings.Contains(list, "AUR-PROT-500|AUR-PROT-1000") {
		t.Errorf("review list does not show the candidates:\n%s", list)
	}
	code, _, errOut := cli(t, path, "review", "pick", id, "AUR-VITC-60", "--by", "alice")
	if code != 1 || !strings.Contains(errOut, "accepted: AUR-PROT-500, AUR-PROT-1000") {
		t.Errorf("picking a SKU that is no candidate: exit %d, %s", code, errOut)
	}
	if code, _, _ := cli(t, path, "review", "pick", id); code != 2 {
		t.Errorf("pick without a SKU: exit %d, want 2", code)
	}
	if got := mustCLI(t, path, "review", "pick", id, "AUR-PROT-1000", "--by", "alice"); !strings.Contains(got, "product AUR-PROT-1000") {
		t.Errorf("review pick: %s", got)
	}
	h := showHit(t, path, out[0].HitID)
	if h.SKU != "AUR-PROT-1000" || h.Picked != "AUR-PROT-1000" || len(h.Candidates) != 0 {
		t.Errorf("after the pick: sku %q picked %q candidates %v", h.SKU, h.Picked, h.Candidates)
	}
	if show := mustCLI(t, path, "review", "show", id); !strings.Contains(show, "picked by an analyst") {
		t.Errorf("review show after the pick:\n%s", show)
	}
}
