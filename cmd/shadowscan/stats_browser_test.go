package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// statsBrowserStore is enforcementStore's two months with one more move,
// so that every stage has a bar: on 10 November a rescan sees K1, removed
// on 1 November, live again (relisted).
func statsBrowserStore(t *testing.T) string {
	t.Helper()
	path := enforcementStore(t)
	at := time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)
	db, err := store.Open(path, store.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	l := shadowscan.Listing{Site: "demo-market", ID: "K1", URL: "http://127.0.0.1:8931/item/K1", Title: "奥罗拉 蛋白粉 K1", SellerID: "s1", SellerName: hostileSellerName}
	v := shadowscan.Verdict{BrandID: "aurora", Score: 80, Category: shadowscan.CategoryCounterfeit, Flagged: true, Reasons: []shadowscan.Reason{{Signal: "price", Detail: "cheap", Points: 80}}}
	if _, err := db.Record(context.Background(), []store.Observation{{Listing: l, Verdict: v}}); err != nil {
		t.Fatal(err)
	}
	return path
}

// chartBar is one bar of the /stats stage chart as the browser has it:
// its data-* attributes, visible number and <title>, and the boxes the
// browser laid out for its rect and its number.
type chartBar struct {
	Month, Stage    string
	DataListings    int
	DataShops       int
	Text, Title     string
	Fill            string
	W, H            float64 // the rect's getBBox, in SVG units
	ScreenW         float64 // the rect's getBoundingClientRect, in CSS pixels
	TextW, TextH    float64 // the number's getBoundingClientRect
	SVGW, SVGHeight float64 // the chart's getBoundingClientRect
}

const readBars = `Array.from(document.querySelectorAll("#stages g.bar")).map(g => {
	const rect = g.querySelector("rect"), text = g.querySelector("text.value"), svg = g.ownerSVGElement;
	const bb = rect.getBBox(), rr = rect.getBoundingClientRect(), tr = text.getBoundingClientRect(), sr = svg.getBoundingClientRect();
	return {Month: g.dataset.month, Stage: g.dataset.stage, DataListings: +g.dataset.listings, DataShops: +g.dataset.shops,
		Text: text.textContent, Title: g.querySelector("title").textContent, Fill: getComputedStyle(rect).fill,
		W: bb.width, H: bb.height, ScreenW: rr.width, TextW: tr.width, TextH: tr.height, SVGW: sr.width, SVGHeight: sr.height};
})`

// funnelBar is one step of the /stats funnel as the browser has it.
type funnelBar struct {
	Stage                   string
	DataListings, DataShops int
	Text, Title             string
	W, H                    float64
}

const readFunnel = `Array.from(document.querySelectorAll("#funnel g.step")).map(g => {
	const bb = g.querySelector("rect").getBBox();
	return {Stage: g.dataset.stage, DataListings: +g.dataset.listings, DataShops: +g.dataset.shops,
		Text: g.querySelector("text.value").textContent, Title: g.querySelector("title").textContent, W: bb.width, H: bb.height};
})`

const readTopShops = `Array.from(document.querySelectorAll("#top-shops tr.shop")).map(r =>
	[r.cells[0].textContent, r.querySelector(".seller-id").textContent, r.querySelector(".seller-name").textContent,
	 r.querySelector(".confirmed").textContent, r.querySelector(".removed").textContent])`

// checkStatsPage reads the charts of the /stats page the browser shows
// and wants them laid out and saying what `stats --json` says, as the
// report-to-removal times and the top shops.
func checkStatsPage(t *testing.T, ctx context.Context, who string, want shadowscan.Enforcement) {
	t.Helper()
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[[]chartBar](readBars))
	if err != nil {
		t.Fatalf("%s: read the bars: %v", who, err)
	}
	if len(bars) != len(want.Months)*len(shadowscan.Stages) {
		t.Fatalf("%s: %d bars, want %d months of %d stages", who, len(bars), len(want.Months), len(shadowscan.Stages))
	}
	got := map[[2]string]chartBar{}
	for _, b := range bars {
		got[[2]string{b.Month, b.Stage}] = b
	}
	for _, m := range want.Months {
		for _, st := range shadowscan.Stages {
			f := *m.Stage(st)
			b, ok := got[[2]string{m.Month, st}]
			wantTitle := fmt.Sprintf("%s %s: %s, %s", m.Month, st, counted(f.Listings, "listing"), counted(f.Shops, "shop"))
			switch {
			case !ok:
				t.Errorf("%s: no bar for %s %s", who, m.Month, st)
			case b.Text != fmt.Sprint(f.Listings) || b.DataListings != f.Listings || b.DataShops != f.Shops || b.Title != wantTitle:
				t.Errorf("%s: bar %s %s shows %q, data %d listings %d shops, title %q; stats --json says %+v", who, m.Month, st, b.Text, b.DataListings, b.DataShops, b.Title, f)
			case b.W <= 0 || b.ScreenW <= 0 || (f.Listings > 0) != (b.H > 0) || b.TextW <= 0 || b.TextH <= 0 || b.SVGW <= 0 || b.SVGHeight <= 0:
				t.Errorf("%s: bar %s %s is not laid out: %+v", who, m.Month, st, b)
			case b.Fill == "" || b.Fill == "none" || b.Fill == "rgb(0, 0, 0)":
				t.Errorf("%s: bar %s %s has fill %q: charts.css did not apply", who, m.Month, st, b.Fill)
			}
		}
	}
	// Heights follow the numbers: more listings, a taller bar.
	for _, a := range bars {
		for _, b := range bars {
			if a.DataListings > b.DataListings && a.H <= b.H || a.DataListings == b.DataListings && abs(a.H-b.H) > 0.5 {
				t.Errorf("%s: %s %s (%d listings) is %.1f high, %s %s (%d) is %.1f", who, a.Month, a.Stage, a.DataListings, a.H, b.Month, b.Stage, b.DataListings, b.H)
			}
		}
	}
	checkFunnel(t, ctx, who, want.Totals)
	removal, err := chromedp.Run(ctx, chromedp.Evaluate[string](`["#removal-listings", "#removal-median", "#removal-p90"].map(s => { const e = document.querySelector(s); return e.dataset.hours || e.textContent; }).join(" ")`))
	if w := fmt.Sprintf("%d %d %d", want.Removal.Listings, want.Removal.MedianHours, want.Removal.P90Hours); err != nil || removal != w {
		t.Errorf("%s: report-to-removal shows %q (%v), stats --json says %q", who, removal, err, w)
	}
	shops, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](readTopShops))
	if err != nil {
		t.Fatalf("%s: read the top shops: %v", who, err)
	}
	if len(shops) != len(want.TopShops) || len(shops) == 0 {
		t.Fatalf("%s: %d top shops shown, stats --json has %d", who, len(shops), len(want.TopShops))
	}
	for i, s := range want.TopShops {
		if w := []string{s.Site, s.SellerID, s.SellerName, fmt.Sprint(s.Confirmed), fmt.Sprint(s.Removed)}; strings.Join(shops[i], "|") != strings.Join(w, "|") {
			t.Errorf("%s: top shop %d shows %q, stats --json says %q", who, i+1, shops[i], w)
		}
	}
}

// counted is n and the noun, in the singular for one ("1 shop", "2 shops").
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// checkFunnel wants the funnel's steps laid out and equal to the totals.
func checkFunnel(t *testing.T, ctx context.Context, who string, tot shadowscan.Figures) {
	t.Helper()
	steps, err := chromedp.Run(ctx, chromedp.Evaluate[[]funnelBar](readFunnel))
	if err != nil {
		t.Fatalf("%s: read the funnel: %v", who, err)
	}
	stages := []string{"confirmed", "reported", "removed"}
	if len(steps) != len(stages) {
		t.Fatalf("%s: funnel has %d steps, want %v", who, len(steps), stages)
	}
	for i, st := range stages {
		f, s := *tot.Stage(st), steps[i]
		text := fmt.Sprintf("%s · %s · %.0f %% of confirmed", counted(f.Listings, "listing"), counted(f.Shops, "shop"), 100*float64(f.Listings)/float64(tot.Confirmed.Listings))
		if s.Stage != st || s.DataListings != f.Listings || s.DataShops != f.Shops || s.Text != text || s.Title != fmt.Sprintf("%s: %s, %s", st, counted(f.Listings, "listing"), counted(f.Shops, "shop")) {
			t.Errorf("%s: funnel step %d %+v, stats --json totals say %s %+v", who, i, s, st, f)
		}
		if (f.Listings > 0) != (s.W > 0) || s.H <= 0 {
			t.Errorf("%s: funnel step %s is not laid out: %+v", who, st, s)
		}
	}
}

// TestBrowserStats opens /stats in headless chromium on a store whose
// hits moved through every stage over two months: the SVG charts are
// laid out, every bar, the funnel, the report-to-removal times and the
// top shops say what `stats --json` says on the same store, an analyst and an enforcement user may
// both see them, only an admin /users, and a browser that has not
// logged in is sent to the login page and back to /stats.
func TestBrowserStats(t *testing.T) {
	anonCtx := browser(t)
	dbPath := statsBrowserStore(t)
	want := mustJSON[shadowscan.Enforcement](t, dbPath, "stats", "--json")
	if len(want.Months) != 2 || want.Totals.Relisted.Listings != 1 || want.Totals.Removed.Listings != 3 {
		t.Fatalf("the fixture's figures: %+v", want)
	}
	pw := mustPasswordFile(t, "correct horse")
	for _, u := range [][2]string{{"alice", "analyst"}, {"erin", "enforcement"}, {"adam", "admin"}} {
		mustCLI(t, dbPath, "users", "add", u[0], "--role", u[1], "--password-file", pw)
	}
	base, _, _ := startServe(t, dbPath)

	// Not logged in: /stats sends the browser to the login form, which
	// brings it back to /stats. It logs in as the analyst.
	err := chromedp.Do(anonCtx, chromedp.Navigate(base+"stats"), chromedp.WaitVisible(chromedp.CSS(`form.login input[name=name]`)))
	if err != nil {
		t.Fatalf("anonymous /stats: %v", err)
	}
	loc, err := chromedp.Run(anonCtx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if u, err := url.Parse(loc); err != nil || u.Path != "/login" || u.Query().Get("next") != "/stats" {
		t.Errorf("anonymous /stats ended at %s, want /login?next=/stats", loc)
	}
	if n, err := chromedp.Run(anonCtx, chromedp.Evaluate[int](`document.querySelectorAll("#stages, #funnel").length`)); err != nil || n != 0 {
		t.Errorf("the login page shows %d charts (%v)", n, err)
	}
	screenshot(t, anonCtx, "login")
	aliceCtx := anonCtx
	err = chromedp.Do(aliceCtx,
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "alice"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), "correct horse"),
		chromedp.Click(chromedp.CSS(`form.login button`)),
		chromedp.WaitVisible(chromedp.CSS(`#stages svg`)),
	)
	if err != nil {
		t.Fatalf("log in from /stats: %v", err)
	}
	checkStatsPage(t, aliceCtx, "analyst", want)
	screenshot(t, aliceCtx, "stats")

	// Enforcement sees the same figures.
	erinCtx, cancel := chromedp.NewContext(anonCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := browserLogin(erinCtx, base, "erin", "correct horse"); err != nil {
		t.Fatalf("enforcement login: %v", err)
	}
	if err := chromedp.Do(erinCtx, chromedp.Navigate(base+"stats"), chromedp.WaitVisible(chromedp.CSS(`#stages svg`))); err != nil {
		t.Fatalf("enforcement /stats: %v", err)
	}
	checkStatsPage(t, erinCtx, "enforcement", want)

	// /users is the admin's alone.
	status := chromedp.Evaluate[int](`fetch("/users").then(r => r.status)`, chromedp.EvalAwaitPromise)
	for who, ctx := range map[string]context.Context{"analyst": aliceCtx, "enforcement": erinCtx} {
		if st, err := chromedp.Run(ctx, status); err != nil || st != 403 {
			t.Errorf("%s opens /users: %d %v, want 403", who, st, err)
		}
	}
	adamCtx, cancel := chromedp.NewContext(anonCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := browserLogin(adamCtx, base, "adam", "correct horse"); err != nil {
		t.Fatalf("admin login: %v", err)
	}
	if err := chromedp.Do(adamCtx, chromedp.Navigate(base+"users"), chromedp.WaitVisible(chromedp.CSS(`#users`))); err != nil {
		t.Fatalf("admin /users: %v", err)
	}
	screenshot(t, adamCtx, "users")
}
