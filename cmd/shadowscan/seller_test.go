package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/web"
)

// getJSON fetches base+path from a running serve and decodes its JSON.
func getJSON[T any](t *testing.T, base, path string) T {
	t.Helper()
	resp, err := http.Get(base + strings.TrimPrefix(path, "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var v T
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
	return v
}

// TestServeSellerPages: on a real store, the sellers list puts the shop
// with a confirmed hit first, and its page shows its listing with the hit's
// status and the network the store's listings tie it to.
func TestServeSellerPages(t *testing.T) {
	dbPath := mustNetworkStore(t)
	base, _, _ := startServe(t, dbPath)

	type sellerList struct {
		Sellers   []web.SellerRow
		Offenders int `json:"repeat_offenders"`
	}
	list := getJSON[sellerList](t, base, "/api/sellers")
	if len(list.Sellers) != 3 || list.Offenders != 1 || list.Sellers[0].SellerID != "ring-a" || !list.Sellers[0].RepeatOffender || list.Sellers[1].RepeatOffender {
		t.Fatalf("sellers %+v", list)
	}
	nets := getJSON[[]shadowscan.Network](t, base, "/api/networks")
	if len(nets) != 1 {
		t.Fatalf("networks %+v", nets)
	}
	a := getJSON[web.SellerView](t, base, "/api/sellers/demo-market/ring-a")
	if !a.RepeatOffender || a.Role != "unknown" || len(a.Offences) != 1 || a.Offences[0].ConfirmedBy != "analyst" ||
		a.ListingsTotal != 1 || a.Listings[0].Listing.ListingID != "a1" || a.Listings[0].HitStatus != shadowscan.StatusConfirmed ||
		a.Network == nil || a.Network.ID != nets[0].ID || len(a.Network.Links) == 0 {
		t.Errorf("ring-a %+v", a)
	}
	b := getJSON[web.SellerView](t, base, "/api/sellers/jd-mall/ring-b")
	if b.RepeatOffender || b.Network == nil || b.Network.ID != nets[0].ID || b.Listings[0].HitStatus != shadowscan.StatusNew {
		t.Errorf("ring-b %+v", b)
	}
	if resp, err := http.Get(base + "api/sellers/demo-market/aurora-official"); err != nil || resp.StatusCode != 200 {
		t.Errorf("the official shop (catalogue only): %v %v", resp.StatusCode, err)
	} else {
		resp.Body.Close()
	}
}

// TestBrowserSellerPage follows the sellers list to the repeat offender's
// page and on to its network, in chromium.
func TestBrowserSellerPage(t *testing.T) {
	ctx := browser(t)
	dbPath := mustNetworkStore(t)
	base, _, _ := startServe(t, dbPath)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"sellers"), chromedp.WaitVisible(chromedp.CSS(`#sellers`))); err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#sellers tbody tr").dataset.seller + (document.querySelector("#sellers tbody tr .offender") ? " ★" : "")`))
	if err != nil || first != "demo-market/ring-a ★" {
		t.Fatalf("first seller row %q (%v), want the repeat offender ring-a marked", first, err)
	}
	screenshot(t, ctx, "sellers")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sellers tbody tr:first-child td:nth-child(3) a`)), chromedp.WaitVisible(chromedp.CSS(`#seller-role`))); err != nil {
		t.Fatal(err)
	}
	facts, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#seller-facts`)))
	if err != nil || !strings.Contains(facts, "yes: 1 hit confirmed or later") || !strings.Contains(facts, "2 shops") {
		t.Errorf("seller facts %q (%v)", facts, err)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#seller-listings tbody tr .state`)))
	if err != nil || status != "confirmed" {
		t.Errorf("listing's hit status %q (%v)", status, err)
	}
	screenshot(t, ctx, "seller")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#seller-network a`)), chromedp.WaitVisible(chromedp.CSS(`#network-shops`))); err != nil {
		t.Fatal(err)
	}
	shops, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#network-shops`)))
	if err != nil || !strings.Contains(shops, "jd-mall/ring-b") {
		t.Errorf("network page shops %q (%v)", shops, err)
	}
}
