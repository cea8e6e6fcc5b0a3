package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/store"
)

// browserLoginTo logs in through the login form and waits for the page
// named next.
func browserLoginTo(ctx context.Context, base, name, pw, next, waitFor string) error {
	return chromedp.Do(ctx,
		chromedp.Navigate(base+"login?next="+next),
		chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), pw),
		chromedp.Click(chromedp.CSS(`form.login button`)),
		chromedp.WaitVisible(chromedp.CSS(waitFor)),
	)
}

// slowDemoRules writes a --rules directory whose demo-market rule crawls
// the demo marketplace at base one page at a time with a delay, so that a
// browser sees a scan running, and returns it.
func slowDemoRules(t *testing.T, base string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "rules", "defaults", "sites", "demo-market.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`(?m)^politeness: .*$`).ReplaceAllString(string(b), "politeness: {parallelism: 1, delay: 100ms, respect_robots_txt: true, timeout: 10s, retries: 2}")
	rule = regexp.MustCompile(`(?m)^base_url: .*$`).ReplaceAllString(rule, "base_url: "+base)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "demo-market.yaml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// demoScanStore makes a store with the demo catalogue and the users
// erin (enforcement) and alice (analyst), and returns its path.
func demoScanStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	saveDemoCatalog(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	pw := mustPasswordFile(t, "correct horse")
	for _, u := range [][2]string{{"erin", "enforcement"}, {"alice", "analyst"}} {
		if code, _, errs := cli(t, path, "users", "add", u[0], "--role", u[1], "--password-file", pw); code != 0 {
			t.Fatalf("users add %s: %s", u[0], errs)
		}
	}
	return path
}

// runPagesGrow waits until the running table's row of run shows pages,
// updated in place by scans.js (the page does not reload).
func runPagesGrow(t *testing.T, ctx context.Context, run int) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.sameDocument = true`)); err != nil {
		t.Fatal(err)
	}
	expr := fmt.Sprintf(`(() => { const c = document.querySelector('#running tr[data-run="%d"] .run-pages'); return c !== null && Number(c.textContent) > 0; })()`, run)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		page, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`main`)))
		t.Fatalf("run %d's pages never grew on the page: %v\n%s", run, err, page)
	}
	if same, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.sameDocument === true`)); err != nil || !same {
		t.Errorf("the page reloaded to show run %d's progress (%v)", run, err)
	}
}

// TestBrowserScanFromTheUI: an enforcement user starts a scan of the
// embedded demo marketplace from the scans page, watches its counts grow
// without the page reloading, cancels it and resumes it; an analyst sees
// the scan running but is offered no form and is refused by the server.
func TestBrowserScanFromTheUI(t *testing.T) {
	erin := browser(t)
	alice, cancel := chromedp.NewContext(erin, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	market := demo.NewMarket()
	mbase, err := market.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { market.Close() })
	dbPath := demoScanStore(t)
	base, _, stop := startServe(t, dbPath, "--rules", slowDemoRules(t, mbase))

	if err := browserLoginTo(erin, base, "erin", "correct horse", "%2Fscans", `#scan-form`); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(erin,
		chromedp.SetValue(chromedp.CSS(`#scan-site`), "demo-market"),
		chromedp.Click(chromedp.CSS(`#scan-start`)),
		chromedp.WaitVisible(chromedp.CSS(`#running tr[data-run="1"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	runPagesGrow(t, erin, 1)
	by, err := chromedp.Run(erin, chromedp.Text(chromedp.CSS(`#running tr[data-run="1"] td:nth-child(4)`)))
	if err != nil || by != "erin" {
		t.Errorf("the run is shown as started by %q (%v)", by, err)
	}
	screenshot(t, erin, "scans-running")

	// Cancel: the run ends interrupted, and the page offers to resume it.
	err = chromedp.Do(erin,
		chromedp.Click(chromedp.CSS(`#running tr[data-run="1"] form.cancel-run button`)),
		chromedp.WaitVisible(chromedp.CSS(`#resume-form`)),
	)
	if err != nil {
		t.Fatalf("cancel: %v", err)
	}
	ended, err := chromedp.Run(erin, chromedp.Text(chromedp.CSS(`#ended tr[data-run="1"]`)))
	if err != nil || !strings.Contains(ended, "interrupted") || !strings.Contains(ended, "cancelled by erin") {
		t.Errorf("the cancelled run reads %q (%v)", ended, err)
	}
	screenshot(t, erin, "scans-cancelled")
	err = chromedp.Do(erin, chromedp.Click(chromedp.CSS(`#scan-resume`)), chromedp.WaitVisible(chromedp.CSS(`#running tr[data-run="2"]`)))
	if err != nil {
		t.Fatalf("resume: %v", err)
	}
	runPagesGrow(t, erin, 2)

	// The analyst sees the run but may neither start nor cancel one.
	if err := browserLoginTo(alice, base, "alice", "correct horse", "%2Fscans", `#running tr[data-run="2"]`); err != nil {
		t.Fatal(err)
	}
	forms, err := chromedp.Run(alice, chromedp.Evaluate[int](`document.querySelectorAll("#scan-form, #resume-form, form.cancel-run").length`))
	if err != nil || forms != 0 {
		t.Errorf("the analyst's scans page has %d start, resume or cancel forms (%v)", forms, err)
	}
	if st, err := pageFetch(alice, "POST", "/api/scans", `{"site":"jd-mall"}`, "application/json"); err != nil || st != 403 {
		t.Errorf("analyst starts a scan: %d %v, want 403", st, err)
	}
	if st, err := pageFetch(alice, "POST", "/api/scans/runs/2/cancel", ``, "application/json"); err != nil || st != 403 {
		t.Errorf("analyst cancels a scan: %d %v, want 403", st, err)
	}
	screenshot(t, alice, "scans-analyst")
	stop()

	// One scan in the store: interrupted by the cancel, resumed, then
	// interrupted by serve stopping; the resume skipped what it had done.
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	scans, err := db.Scans(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(scans) != 1 || scans[0].State != shadowscan.ScanInterrupted || scans[0].ListingsSkipped+scans[0].SearchSkipped == 0 {
		t.Errorf("scans %+v, want one interrupted scan whose resume skipped what was done", scans)
	}
}
