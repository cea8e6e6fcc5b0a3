package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// browserLogin logs in through the login form and waits for the page that
// names the user.
func browserLogin(ctx context.Context, base, name, pw string) error {
	return chromedp.Do(ctx,
		chromedp.Navigate(base+"login?next=%2Fqueue%3Fstatus%3Dnew"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), pw),
		chromedp.Click(chromedp.CSS(`form.login button`)),
		chromedp.WaitVisible(chromedp.CSS(`#queue tbody tr.selected`)),
	)
}

// selectedID is the data-id of the queue's selected row.
var selectedID = chromedp.Evaluate[string](`document.querySelector("#queue tbody tr.selected").dataset.id`)

// pageFetch posts from the page itself (its cookie and CSRF token) and
// returns the HTTP status: what a crafted request from a signed-in
// browser gets, whatever buttons the page shows.
func pageFetch(ctx context.Context, method, path, body, contentType string) (int, error) {
	js := fmt.Sprintf(`(async () => {
		const csrf = document.querySelector('meta[name="csrf-token"]').content;
		const r = await fetch(%q, {method: %q, headers: {"Content-Type": %q, "X-CSRF-Token": csrf, "Accept": "application/json"}, body: %q});
		return r.status;
	})()`, path, method, contentType, body)
	return chromedp.Run(ctx, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
}

// TestBrowserNamedUsers: an analyst and an enforcement user triage the
// same queue at once in two browser sessions; each sees the other's
// change under the other's name, the analyst is refused reporting and
// export by the server, and enforcement reports.
func TestBrowserNamedUsers(t *testing.T) {
	aliceCtx := browser(t)
	erinCtx, cancel := chromedp.NewContext(aliceCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)

	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 6, 2)
	db.Close()
	pw := mustPasswordFile(t, "correct horse")
	for _, u := range [][2]string{{"alice", "analyst"}, {"erin", "enforcement"}} {
		if code, _, errs := cli(t, dbPath, "users", "add", u[0], "--role", u[1], "--password-file", pw); code != 0 {
			t.Fatalf("users add %s: %s", u[0], errs)
		}
	}
	base, out, stop := startServe(t, dbPath)
	if !strings.Contains(out.String(), "named users: everyone logs in") {
		t.Errorf("serve start: %s", out.String())
	}

	// Both log in and triage at the same time: alice confirms the first
	// row, erin moves down and dismisses the second.
	var wg sync.WaitGroup
	var aliceErr, erinErr error
	var aliceID, erinID string
	wg.Add(2)
	go func() {
		defer wg.Done()
		if aliceErr = browserLogin(aliceCtx, base, "alice", "correct horse"); aliceErr != nil {
			return
		}
		aliceID, aliceErr = chromedp.Run(aliceCtx, selectedID)
		if aliceErr == nil {
			aliceErr = chromedp.Do(aliceCtx, chromedp.KeyEvent("c"),
				chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`tr[data-id="%s"][data-state="saved"]`, aliceID))))
		}
	}()
	go func() {
		defer wg.Done()
		if erinErr = browserLogin(erinCtx, base, "erin", "correct horse"); erinErr != nil {
			return
		}
		erinErr = chromedp.Do(erinCtx, chromedp.KeyEvent("j"))
		if erinErr == nil {
			erinID, erinErr = chromedp.Run(erinCtx, selectedID)
		}
		// d without a dismiss reason asks for one and moves nothing.
		if erinErr == nil {
			erinErr = chromedp.Do(erinCtx, chromedp.KeyEvent("d"))
		}
		if erinErr == nil {
			var said string
			said, erinErr = chromedp.Run(erinCtx, chromedp.Text(chromedp.CSS(`#triage-status`)))
			if erinErr == nil && !strings.Contains(said, "Pick a dismiss reason first") {
				erinErr = fmt.Errorf("d without a reason says %q", said)
			}
		}
		if erinErr == nil {
			erinErr = chromedp.Do(erinCtx, chromedp.SetValue(chromedp.CSS(`#dismiss-reason`), "duplicate"),
				chromedp.Blur(chromedp.CSS(`#dismiss-reason`)),
				chromedp.KeyEvent("d"),
				chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`tr[data-id="%s"][data-state="saved"]`, erinID))))
		}
	}()
	wg.Wait()
	if aliceErr != nil || erinErr != nil {
		t.Fatalf("parallel triage: alice %v, erin %v", aliceErr, erinErr)
	}
	if aliceID == erinID {
		t.Fatalf("both triaged hit %s", aliceID)
	}
	screenshot(t, aliceCtx, "queue-analyst")
	screenshot(t, erinCtx, "queue-enforcement")

	// Each sees the other's change, attributed.
	lastBy := func(ctx context.Context, id string) (string, error) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"hits/"+id), chromedp.WaitVisible(chromedp.CSS(`#who`))); err != nil {
			return "", err
		}
		return chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const rows = document.querySelectorAll("h2 + table.list tbody tr"); const r = rows[rows.length-1]; return r.cells[1].textContent + ">" + r.cells[2].textContent + " by " + r.cells[3].textContent; })()`))
	}
	if got, err := lastBy(aliceCtx, erinID); err != nil || got != "new>dismissed by erin" {
		t.Errorf("alice sees erin's hit %s: %q %v", erinID, got, err)
	}
	if got, err := lastBy(erinCtx, aliceID); err != nil || got != "new>confirmed by alice" {
		t.Errorf("erin sees alice's hit %s: %q %v", aliceID, got, err)
	}
	screenshot(t, erinCtx, "hit-enforcement")

	// The analyst's page offers no report button and no export form, and
	// the server refuses both when the page asks anyway.
	if err := chromedp.Do(aliceCtx, chromedp.Navigate(base+"hits/"+aliceID), chromedp.WaitVisible(chromedp.CSS(`#who`))); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(aliceCtx, chromedp.Evaluate[int](`document.querySelectorAll('input[name=status][value=reported]').length`))
	if err != nil || n != 0 {
		t.Errorf("analyst's hit page has %d report buttons (%v)", n, err)
	}
	if st, err := pageFetch(aliceCtx, "POST", "/api/hits/"+aliceID+"/status", `{"status":"reported"}`, "application/json"); err != nil || st != 403 {
		t.Errorf("analyst reports: %d %v, want 403", st, err)
	}
	if err := chromedp.Do(aliceCtx, chromedp.Navigate(base+"queue?status=confirmed"), chromedp.WaitVisible(chromedp.CSS(`#who`))); err != nil {
		t.Fatal(err)
	}
	screenshot(t, aliceCtx, "queue-confirmed-analyst")
	n, err = chromedp.Run(aliceCtx, chromedp.Evaluate[int](`document.querySelectorAll('form[action="/export"]').length`))
	if err != nil || n != 0 {
		t.Errorf("analyst's queue has %d export forms (%v)", n, err)
	}
	csrf, err := chromedp.Run(aliceCtx, chromedp.Evaluate[string](`document.querySelector('meta[name="csrf-token"]').content`))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := pageFetch(aliceCtx, "POST", "/export", "status=confirmed&csrf_token="+csrf, "application/x-www-form-urlencoded"); err != nil || st != 403 {
		t.Errorf("analyst exports: %d %v, want 403", st, err)
	}
	// Enforcement reports the hit alice confirmed.
	if err := chromedp.Do(erinCtx, chromedp.Navigate(base+"queue?status=confirmed"), chromedp.WaitVisible(chromedp.CSS(`#who`))); err != nil {
		t.Fatal(err)
	}
	if st, err := pageFetch(erinCtx, "POST", "/api/hits/"+aliceID+"/status", `{"status":"reported","note":"ticket 42"}`, "application/json"); err != nil || st != 200 {
		t.Errorf("enforcement reports: %d %v", st, err)
	}

	stop()
	db, err = store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id uint64
	fmt.Sscan(aliceID, &id)
	h, err := db.Hit(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var trail []string
	for _, tr := range h.History {
		trail = append(trail, string(tr.To)+" by "+tr.By)
	}
	if h.Status != shadowscan.StatusReported || !strings.HasSuffix(strings.Join(trail, ", "), "confirmed by alice, reported by erin") {
		t.Errorf("hit %s is %s with history %v", aliceID, h.Status, trail)
	}
}

// TestBrowserBulkTriage selects rows with x and shift+j in the queue and
// dismisses them all with one note from the bulk bar.
func TestBrowserBulkTriage(t *testing.T) {
	ctx := browser(t)
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 6, 0)
	db.Close()
	pw := mustPasswordFile(t, "correct horse")
	if code, _, errs := cli(t, dbPath, "users", "add", "alice", "--role", "analyst", "--password-file", pw); code != 0 {
		t.Fatal(errs)
	}
	base, _, stop := startServe(t, dbPath)
	if err := browserLogin(ctx, base, "alice", "correct horse"); err != nil {
		t.Fatalf("login: %v", err)
	}
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#queue tbody tr[data-id]")).map(r => r.dataset.id)`))
	if err != nil || len(ids) != 6 {
		t.Fatalf("queue rows %v %v", ids, err)
	}
	// x picks row 1; j skips row 2; J picks rows 3 and 4.
	err = chromedp.Do(ctx,
		chromedp.KeyEvent("x"),
		chromedp.KeyEvent("j"),
		chromedp.KeyEvent("j"),
		chromedp.KeyEvent("J"),
		chromedp.WaitVisible(chromedp.CSS(`#bulk`)),
	)
	if err != nil {
		t.Fatalf("select: %v", err)
	}
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#bulk-count`)))
	if err != nil || count != "3 hits selected" {
		t.Fatalf("bulk count %q %v", count, err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#bulk-note`), "same seller, <b>same</b> batch"),
		chromedp.SetValue(chromedp.CSS(`#dismiss-reason`), "private resale"),
		chromedp.Click(chromedp.CSS(`#bulk button[data-to=dismissed]`)),
	)
	if err != nil {
		t.Fatalf("bulk dismiss: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#queue tr[data-state=saved][data-status=dismissed]').length === 3`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("bulk dismiss: %v", err)
	}
	bys, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#queue tr[data-status=dismissed] .status-cell .by")).map(e => e.textContent)`))
	if err != nil || len(bys) != 3 || bys[0] != "by alice" {
		t.Errorf("the saved rows name %v (%v), want by alice", bys, err)
	}
	screenshot(t, ctx, "queue-bulk")
	stop()
	db, err = store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := map[string]shadowscan.Status{ids[0]: shadowscan.StatusDismissed, ids[1]: shadowscan.StatusNew, ids[2]: shadowscan.StatusDismissed, ids[3]: shadowscan.StatusDismissed, ids[4]: shadowscan.StatusNew}
	for sid, st := range want {
		var id uint64
		fmt.Sscan(sid, &id)
		h, err := db.Hit(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		last := h.History[len(h.History)-1]
		if h.Status != st || (st == shadowscan.StatusDismissed && (last.By != "alice" || last.Note != "same seller, <b>same</b> batch" || last.Reason != "private resale")) {
			t.Errorf("hit %s: %s, last change %+v", sid, h.Status, last)
		}
	}
}
