package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// mustNetworkStore writes a store file holding a small catalogue and the
// listings of three shops, two of which print one WeChat id (one in
// full-width letters) and one of those on another site; the first shop's
// hit is confirmed. It returns the file's path.
func mustNetworkStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "net.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cat := &shadowscan.Catalog{
		Brands:   []shadowscan.Brand{{ID: "aurora", Name: "Aurora", OfficialSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "aurora-official"}}}},
		Products: []shadowscan.Product{{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Protein 500g", Price: 29800, MinPrice: 26800, Currency: "CNY"}},
	}
	if _, err := db.SaveCatalog(ctx, cat, nil); err != nil {
		t.Fatal(err)
	}
	obs := func(site, id, seller, name, text string) store.Observation {
		return store.Observation{ScanID: 1,
			Listing: shadowscan.Listing{Site: site, ID: id, URL: "http://127.0.0.1:1/item/" + id, Title: "奥罗拉蛋白粉 原单", Description: text,
				Price: 9900, HasPrice: true, Currency: "CNY", SellerID: seller, SellerName: name, FetchedAt: time.Now().UTC()},
			Verdict: shadowscan.Verdict{BrandID: "aurora", SKU: "AUR-PROT-500", Score: 85, Points: 90, Flagged: true, Category: shadowscan.CategoryCounterfeit}}
	}
	out, err := db.Record(ctx, []store.Observation{
		obs("demo-market", "a1", "ring-a", "健康<b>小铺</b>", "加微信：Ring_Factory88"),
		obs("jd-mall", "b1", "ring-b", "好物\x1b[31m优选", "ＶＸ：ｒｉｎｇ＿ｆａｃｔｏｒｙ８８ 拿货"),
		obs("demo-market", "c1", "loner", "无关", "微信 other_shop_1"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MarkHits(ctx, []uint64{out[0].HitID}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "analyst"}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestNetworksCommands(t *testing.T) {
	db := mustNetworkStore(t)

	var nets []shadowscan.Network
	if err := json.Unmarshal([]byte(mustRun(t, db, "networks", "list", "--json")), &nets); err != nil {
		t.Fatal(err)
	}
	if len(nets) != 1 || len(nets[0].Shops) != 2 || nets[0].Shops[0].Key() != "demo-market/ring-a" || nets[0].Shops[1].Key() != "jd-mall/ring-b" {
		t.Fatalf("networks list --json = %+v", nets)
	}
	l := nets[0].Links[0]
	if l.Kind != shadowscan.LinkHandle || l.Value != "wechat:ring_factory88" || l.ListingsA[0] != "demo-market/a1" || l.ListingsB[0] != "jd-mall/b1" {
		t.Errorf("link = %+v", l)
	}
	id := nets[0].ID

	out := mustRun(t, db, "networks", "list")
	if !strings.Contains(out, id) || !strings.Contains(out, "same WeChat id ring_factory88") || !strings.Contains(out, "1 network(s)") {
		t.Errorf("networks list:\n%s", out)
	}

	out = mustRun(t, db, "networks", "show", id)
	for _, want := range []string{"network " + id + ": 2 shops on demo-market, jd-mall", "demo-market/ring-a", "1 confirmed",
		"* demo-market/ring-a -- jd-mall/ring-b  handle +3: same WeChat id ring_factory88", "evidence: demo-market/a1 on demo-market/ring-a; jd-mall/b1 on jd-mall/ring-b"} {
		if !strings.Contains(out, want) {
			t.Errorf("networks show does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("networks show printed a shop's escape sequence to the terminal:\n%q", out)
	}

	code, _, errOut := cli(t, db, "networks", "show", "n-nope")
	if code != 1 || !strings.Contains(errOut, `no seller network "n-nope"`) {
		t.Errorf("unknown network: exit %d, %q", code, errOut)
	}
	if code, _, _ := cli(t, db, "networks", "show"); code != 2 {
		t.Errorf("networks show without an id: exit %d, want 2", code)
	}

	var stats struct {
		Networks shadowscan.NetworkFigures `json:"networks"`
		Rows     []any                     `json:"rows"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "stats", "--json")), &stats); err != nil {
		t.Fatal(err)
	}
	if stats.Networks != (shadowscan.NetworkFigures{Networks: 1, Shops: 2, WithConfirmed: 1, ShopsWithConfirmed: 2}) || len(stats.Rows) == 0 {
		t.Errorf("stats --json networks = %+v", stats.Networks)
	}
	if out := mustRun(t, db, "stats"); !strings.Contains(out, "seller networks: 1 of 2 shops, 1 of them (2 shops) with a confirmed hit") {
		t.Errorf("stats does not count networks:\n%s", out)
	}
}

// TestServeShowsNetworks: serve wires the networks of the store into the
// web UI: the network page of a real store file draws its shops.
func TestServeShowsNetworks(t *testing.T) {
	db := mustNetworkStore(t)
	var nets []shadowscan.Network
	if err := json.Unmarshal([]byte(mustRun(t, db, "networks", "list", "--json")), &nets); err != nil || len(nets) != 1 {
		t.Fatalf("networks: %v %+v", err, nets)
	}
	base, _, stop := startServe(t, db)
	defer stop()
	resp, err := http.Get(base + "networks/" + nets[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	body := string(b)
	if resp.StatusCode != 200 || !strings.Contains(body, `<svg`) || !strings.Contains(body, "jd-mall/ring-b") ||
		!strings.Contains(body, "same WeChat id ring_factory88") || strings.Contains(body, "<b>小铺") {
		t.Errorf("network page: %d\n%s", resp.StatusCode, body)
	}
}

// TestReviewShowNamesRelists: review show of a reported hit names the
// hits that bring its listing back elsewhere, in text and JSON.
func TestReviewShowNamesRelists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "relist.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	obs := func(site, id, seller, title, desc string) store.Observation {
		return store.Observation{ScanID: 1,
			Listing: shadowscan.Listing{Site: site, ID: id, URL: "http://127.0.0.1:1/item/" + id, Title: title, Description: desc,
				Price: 9900, HasPrice: true, Currency: "CNY", SellerID: seller, SellerName: seller, FetchedAt: time.Now().UTC()},
			Verdict: shadowscan.Verdict{BrandID: "aurora", SKU: "AUR-PROT-500", Score: 85, Points: 90, Flagged: true, Category: shadowscan.CategoryCounterfeit}}
	}
	// The old listing and a sibling of it, up at the same time; then the
	// takedown is asked for; then a new shop on another site brings the
	// listing back.
	out, err := db.Record(ctx, []store.Observation{
		obs("demo-market", "old", "gz-a", "奥罗拉蛋白粉 500g 原单 工厂直供", "微信 gz_aurora88"),
		obs("demo-market", "sibling", "gz-s", "奥罗拉蛋白粉 500g 原单 工厂直供 热卖", "微信 gz_aurora88"),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []shadowscan.Status{shadowscan.StatusConfirmed, shadowscan.StatusReported} {
		if _, err := db.MarkHits(ctx, []uint64{out[0].HitID}, shadowscan.StatusChange{To: st, By: "analyst"}); err != nil {
			t.Fatal(err)
		}
	}
	later := obs("jd-mall", "new", "gz-b", "奥罗拉蛋白粉 500g 原单 工厂直供 新", "ＶＸ：ｇｚ＿ａｕｒｏｒａ８８")
	later.Listing.FetchedAt = time.Now().UTC().Add(time.Minute)
	more, err := db.Record(ctx, []store.Observation{later})
	if err != nil {
		t.Fatal(err)
	}
	out[1] = more[0]
	db.Close()
	id := fmt.Sprint(out[0].HitID)
	if text := mustRun(t, path, "review", "show", id); !strings.Contains(text, fmt.Sprintf("relisted as: #%d", out[1].HitID)) {
		t.Errorf("review show does not name the relist:\n%s", text)
	}
	var v struct {
		Relists []uint64 `json:"relists"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, path, "review", "show", id, "--json")), &v); err != nil || len(v.Relists) != 1 || v.Relists[0] != out[1].HitID {
		t.Errorf("review show --json relists = %v, %v", v.Relists, err)
	}
	if text := mustRun(t, path, "review", "show", fmt.Sprint(out[1].HitID)); strings.Contains(text, "relisted as") {
		t.Errorf("a new hit shows relists:\n%s", text)
	}
}

// TestReviewShowNamesDefamationNetwork: a defamation hit whose text
// carries the WeChat id of a counterfeit network is shown with it, in
// text and JSON.
func TestReviewShowNamesDefamationNetwork(t *testing.T) {
	path := mustNetworkStore(t)
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	out, err := db.Record(context.Background(), []store.Observation{{ScanID: 2,
		Listing: shadowscan.Listing{Site: "demo-market", ID: "d1", URL: "http://127.0.0.1:1/item/d1", Title: "揭秘奥罗拉传销骗局",
			Description: "真相加微信 ring_factory88", SellerID: "smear", SellerName: "真相铺", FetchedAt: time.Now().UTC()},
		Verdict: shadowscan.Verdict{BrandID: "aurora", Score: 80, Points: 80, Flagged: true, Category: shadowscan.CategoryDefamation}}})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprint(out[0].HitID)
	text := mustRun(t, path, "review", "show", id)
	if !strings.Contains(text, "seller network ") || !strings.Contains(text, "confirmed hits)") {
		t.Fatalf("review show does not name the network:\n%s", text)
	}
	var v struct {
		Networks []shadowscan.NetworkMembership `json:"networks"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, path, "review", "show", id, "--json")), &v); err != nil || len(v.Networks) != 1 || v.Networks[0].Confirmed != 1 {
		t.Fatalf("json networks %+v %v", v.Networks, err)
	}
	// A counterfeit hit of the network carries its network in its reasons
	// instead: review show does not add a line.
	if text := mustRun(t, path, "review", "show", "1"); strings.Contains(text, "seller network ") {
		t.Errorf("counterfeit hit shown with a network line:\n%s", text)
	}
}
