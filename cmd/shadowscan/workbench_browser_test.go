package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// TestBrowserBulkReport: an enforcement user selects confirmed hits with
// the keyboard and reports them all from the bulk bar with one note and
// the platform's case number; the store keeps both, in her name.
func TestBrowserBulkReport(t *testing.T) {
	ctx := browser(t)
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 6, 0)
	hs, err := db.Hits(context.Background(), shadowscan.HitFilter{})
	if err != nil || len(hs) != 6 {
		t.Fatalf("hits %d %v", len(hs), err)
	}
	var confirmed []uint64
	for _, h := range hs[:4] {
		confirmed = append(confirmed, h.ID)
	}
	if _, err := db.MarkHits(context.Background(), confirmed, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "alice"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	pw := mustPasswordFile(t, "correct horse")
	if code, _, errs := cli(t, dbPath, "users", "add", "erin", "--role", "enforcement", "--password-file", pw); code != 0 {
		t.Fatal(errs)
	}
	base, _, stop := startServe(t, dbPath)
	if err := browserLoginTo(ctx, base, "erin", "correct horse", "%2Fqueue%3Fstatus%3Dconfirmed", `#queue tbody tr.selected`); err != nil {
		t.Fatalf("login: %v", err)
	}
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#queue tbody tr[data-id]")).map(r => r.dataset.id)`))
	if err != nil || len(ids) != 4 {
		t.Fatalf("confirmed queue rows %v %v", ids, err)
	}
	// x picks row 1, J rows 2 and 3; row 4 stays confirmed.
	err = chromedp.Do(ctx,
		chromedp.KeyEvent("x"),
		chromedp.KeyEvent("J"),
		chromedp.KeyEvent("J"),
		chromedp.WaitVisible(chromedp.CSS(`#bulk`)),
		chromedp.SendKeys(chromedp.CSS(`#bulk-note`), "one shop, one complaint"),
		chromedp.SendKeys(chromedp.CSS(`#bulk-case`), "IPP-2026-000777"),
		chromedp.Click(chromedp.CSS(`#bulk button[data-to=reported]`)),
	)
	if err != nil {
		t.Fatalf("bulk report: %v", err)
	}
	if err := waitFor(ctx, `document.querySelectorAll('#queue tr[data-state=saved][data-status=reported]').length === 3`); err != nil {
		t.Fatalf("bulk report: %v", err)
	}
	screenshot(t, ctx, "queue-bulk-report")
	stop()
	db, err = store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, sid := range ids {
		var id uint64
		fmt.Sscan(sid, &id)
		h, err := db.Hit(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		last := h.History[len(h.History)-1]
		switch {
		case i < 3 && (h.Status != shadowscan.StatusReported || last.By != "erin" || last.Case != "IPP-2026-000777" || last.Note != "one shop, one complaint"):
			t.Errorf("hit %s: %s, last change %+v; want reported by erin with the case", sid, h.Status, last)
		case i == 3 && h.Status != shadowscan.StatusConfirmed:
			t.Errorf("unselected hit %s is %s", sid, h.Status)
		}
	}
}

// TestBrowserEveryPage opens every page of the UI as an admin, sees each
// render (a heading, no error page, no broken image) and saves a
// screenshot of each, and of the monthly report `report --month` writes.
func TestBrowserEveryPage(t *testing.T) {
	ctx := browser(t)
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 6, 6)
	if _, err := db.SaveSession(context.Background(), &shadowscan.Session{Site: "demo-market", SavedAt: time.Now().UTC(), Cookies: []shadowscan.Cookie{
		{Name: "sid", Value: "SECRET-SID-VALUE", Domain: "127.0.0.1", Path: "/", Expires: time.Now().Add(72 * time.Hour)}}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	month := time.Now().UTC().Format("2006-01")
	report := filepath.Join(t.TempDir(), "report.html")
	if code, _, errs := cli(t, dbPath, "report", "--month", month, "--out", report); code != 0 {
		t.Fatalf("report: %s", errs)
	}
	pw := mustPasswordFile(t, "correct horse")
	if code, _, errs := cli(t, dbPath, "users", "add", "root", "--role", "admin", "--password-file", pw); code != 0 {
		t.Fatal(errs)
	}
	base, _, stop := startServe(t, dbPath)
	if err := browserLoginTo(ctx, base, "root", "correct horse", "%2F", `#who`); err != nil {
		t.Fatalf("login: %v", err)
	}
	pages := []struct{ name, path string }{
		{"dashboard", ""}, {"queue", "queue?status=new"}, {"hit", "hits/1"}, {"sellers", "sellers"},
		{"seller", "sellers/demo-market/shop-0"}, {"networks", "networks"}, {"catalog", "catalog"},
		{"stats", "stats"}, {"scans", "scans"}, {"schedules", "schedules"}, {"sites", "sites"}, {"users", "users"},
	}
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.CSS(`main h1`))); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		checkRendered(t, ctx, p.name)
		screenshot(t, ctx, p.name)
	}
	browserForgetSession(t, ctx, base)
	stop()
	db, err = store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Session(context.Background(), "demo-market")
	db.Close()
	if shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("the session after Forget: %v", err)
	}
	if _, err := os.Stat(report); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+report), chromedp.WaitVisible(chromedp.CSS(`h1`))); err != nil {
		t.Fatalf("report: %v", err)
	}
	checkRendered(t, ctx, "report")
	screenshot(t, ctx, "report")
}

// browserForgetSession opens the sites page's confirmation for
// demo-market's stored login, screenshots it, forgets the session and
// sees the page say so.
func browserForgetSession(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	row := `#sites tr[data-site="demo-market"]`
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"sites"),
		chromedp.Click(chromedp.CSS(row+` details.forget summary`)),
		chromedp.WaitVisible(chromedp.CSS(row+` details.forget button`)),
	)
	if err != nil {
		t.Fatalf("sites: open the confirmation: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+row+` details.forget').innerText`))
	if err != nil || !strings.Contains(text, "next scan runs logged out") {
		t.Errorf("confirmation %q %v", text, err)
	}
	screenshot(t, ctx, "sites-forget-session")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(row+` details.forget button`)),
		chromedp.WaitVisible(chromedp.CSS(`#sites-done`)),
	)
	if err != nil {
		t.Fatalf("sites: forget: %v", err)
	}
	page, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('main').innerText`))
	if err != nil || !strings.Contains(page, "forgot the login session of demo-market") || strings.Contains(page, "SECRET-SID-VALUE") {
		t.Errorf("after forgetting: %v %s", err, page)
	}
}

// checkRendered fails the test when the page is an error page or shows
// an image that did not load.
func checkRendered(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if err := waitFor(ctx, `Array.from(document.images).every(i => i.complete)`); err != nil {
		t.Errorf("%s: images did not load: %v", name, err)
	}
	type state struct {
		H1     string
		Broken []string
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[state](`({H1: document.querySelector("h1").textContent, Broken: Array.from(document.images).filter(i => i.naturalWidth === 0).map(i => i.getAttribute("src"))})`))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if strings.Contains(st.H1, " · ") || len(st.Broken) > 0 {
		t.Errorf("%s: heading %q, broken images %q", name, st.H1, st.Broken)
	}
}
