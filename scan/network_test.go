package scan

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/store"
)

// observe is a flagged observation of a listing by seller.
func observe(id, seller, title, desc string) store.Observation {
	return store.Observation{
		ScanID: 1,
		Listing: shadowscan.Listing{Site: "demo-market", ID: id, URL: "http://127.0.0.1:8931/item/" + id, Title: title, Description: desc,
			Price: 9900, HasPrice: true, Currency: "CNY", SellerID: seller, SellerName: "店 " + seller, FetchedAt: time.Now().UTC()},
		Verdict: shadowscan.Verdict{BrandID: "aurora", SKU: "AUR-PROT-500", Score: 80, Points: 90, Flagged: true, Category: shadowscan.CategoryCounterfeit,
			Reasons: []shadowscan.Reason{{Signal: "words", Detail: "原单", Points: 30}}},
	}
}

// TestNetworksFromStoreRaiseShops records listings in a real store file,
// confirms one shop's hit, and checks that the networks come out of the
// store with their evidence and that the next scan's matcher raises the
// other shop with a network reason naming the link.
func TestNetworksFromStoreRaiseShops(t *testing.T) {
	ctx := context.Background()
	db, set := mustDemoStore(t)
	if _, err := db.Record(ctx, []store.Observation{
		observe("n1", "ring-a", "奥罗拉蛋白粉 500g 原单", "加微信：Ring_Factory88 拿货"),
		observe("n2", "ring-b", "奥罗拉蛋白粉 500g 工厂直供", "ＶＸ：ｒｉｎｇ＿ｆａｃｔｏｒｙ８８"),
		observe("n3", "loner", "奥罗拉蛋白粉 500g 原单", "微信 other_shop_1"),
		// An official shop printing the same handle would disqualify it;
		// here it prints its hotline, which links nobody.
	}); err != nil {
		t.Fatal(err)
	}
	nets, err := Networks(ctx, db, set.Detection)
	if err != nil {
		t.Fatal(err)
	}
	if len(nets) != 1 || len(nets[0].Shops) != 2 || nets[0].Links[0].Value != "wechat:ring_factory88" {
		t.Fatalf("networks = %+v", nets)
	}
	if nets[0].Shops[0].Confirmed != 0 || len(nets[0].Shops[0].Hits) != 1 {
		t.Errorf("shop = %+v, want one unconfirmed hit", nets[0].Shops[0])
	}
	got, err := Network(ctx, db, set.Detection, nets[0].ID)
	if err != nil || got.ID != nets[0].ID {
		t.Fatalf("Network(%s) = %v, %v", nets[0].ID, got, err)
	}
	if _, err := Network(ctx, db, set.Detection, "n0000000000"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("unknown network: err = %v, want not_found", err)
	}

	hitA := nets[0].Shop("demo-market/ring-a").Hits[0]
	if _, err := db.MarkHits(ctx, []uint64{hitA}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "analyst"}); err != nil {
		t.Fatal(err)
	}
	cat, err := db.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	confirmed, err := db.ConfirmedBySeller(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opt, err := networkReasons(ctx, db, set.Detection, cat, confirmed, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := matcher.New(cat, set.Detection, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		seller string
		want   bool
	}{{"ring-b", true}, {"loner", false}, {"ring-a", false}} {
		l := observe("x-"+tc.seller, tc.seller, "Aurora Plant Protein Powder 500g", "").Listing
		v := m.Match(&l)
		i := slices.IndexFunc(v.Reasons, func(r shadowscan.Reason) bool { return r.Signal == "network" })
		if (i >= 0) != tc.want {
			t.Errorf("%s: network reason %v, want %v (reasons %+v)", tc.seller, i >= 0, tc.want, v.Reasons)
			continue
		}
		if i >= 0 {
			r := v.Reasons[i]
			if r.Points != set.Detection.Weights.Network || !strings.Contains(r.Detail, "same WeChat id ring_factory88") ||
				!strings.Contains(r.Detail, "demo-market/ring-a (1 confirmed hit)") {
				t.Errorf("reason = %+v", r)
			}
		}
	}
}

// TestRelistFromStore: a reported hit in a real store file is brought back
// by another shop on another site with the same WeChat id; the scan's
// matcher flags it with a relist reason pointing at the old hit, and
// RelistsOf finds the new hit from the old one.
func TestRelistFromStore(t *testing.T) {
	ctx := context.Background()
	db, set := mustDemoStore(t)
	out, err := db.Record(ctx, []store.Observation{observe("r1", "gz-a", "奥罗拉蛋白粉 500g 原单 工厂直供", "加微信：GZ_Aurora88")})
	if err != nil {
		t.Fatal(err)
	}
	old := out[0].HitID
	for _, st := range []shadowscan.Status{shadowscan.StatusConfirmed, shadowscan.StatusReported} {
		if _, err := db.MarkHits(ctx, []uint64{old}, shadowscan.StatusChange{To: st, By: "analyst"}); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := db.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rl, err := relister(ctx, db, set.Detection, cat)
	if err != nil {
		t.Fatal(err)
	}
	// As a scan: the network walk (here with no confirmed hit: only the
	// count) counts the shops that show the hits' photos.
	if _, err := networkReasons(ctx, db, set.Detection, cat, nil, rl); err != nil {
		t.Fatal(err)
	}
	opt := relists(ctx, db, rl)
	m, err := matcher.New(cat, set.Detection, opt)
	if err != nil {
		t.Fatal(err)
	}
	relist := observe("r2", "gz-new", "奥罗拉蛋白粉 500g 原单 工厂直供 新款", "ＶＸ：ｇｚ＿ａｕｒｏｒａ８８")
	relist.Listing.Site = "jd-mall"
	v := m.Match(&relist.Listing)
	i := slices.IndexFunc(v.Reasons, func(r shadowscan.Reason) bool { return r.Signal == "relist" })
	if i < 0 || !v.Flagged {
		t.Fatalf("no relist reason or not flagged: %+v", v)
	}
	r := v.Reasons[i]
	if r.Hit != old || r.Points != set.Detection.Weights.Relist || !strings.Contains(r.Detail, "same WeChat id gz_aurora88") {
		t.Errorf("reason = %+v, want one pointing at hit %d", r, old)
	}
	relist.Verdict = v
	relist.Listing.FetchedAt = time.Now().UTC().Add(time.Minute) // a later scan
	out, err = db.Record(ctx, []store.Observation{relist})
	if err != nil {
		t.Fatal(err)
	}
	h, err := db.Hit(ctx, out[0].HitID)
	if err != nil || !slices.ContainsFunc(h.Reasons, func(r shadowscan.Reason) bool { return r.Hit == old }) {
		t.Fatalf("stored hit %+v lost the relist link: %v", h, err)
	}
	got, err := RelistsOf(ctx, db, set.Detection, old)
	if err != nil || !slices.Equal(got, []uint64{out[0].HitID}) {
		t.Errorf("RelistsOf(%d) = %v, %v; want [%d]", old, got, err, out[0].HitID)
	}
	if got, err := RelistsOf(ctx, db, set.Detection, out[0].HitID); err != nil || len(got) != 0 {
		t.Errorf("a new hit has relists %v, %v", got, err)
	}

	// Reworded (titles 41% alike): the matcher's SKU stands for the title.
	reworded := observe("r3", "gz-newer", "奥罗拉植物蛋白粉500克 新店冲量 老客户回购", "老客户请➕V：GZ_Aurora88")
	v = m.Match(&reworded.Listing)
	i = slices.IndexFunc(v.Reasons, func(r shadowscan.Reason) bool { return r.Signal == "relist" })
	if v.SKU != "AUR-PROT-500" || i < 0 || v.Reasons[i].Hit != old || !strings.Contains(v.Reasons[i].Detail, "same product AUR-PROT-500") {
		t.Errorf("reworded relist: SKU %q, reasons %+v; want a relist of hit %d by its product", v.SKU, v.Reasons, old)
	}
}
