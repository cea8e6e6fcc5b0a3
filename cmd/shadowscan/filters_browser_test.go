package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan/store"
)

// queueCategories are the category cells of the queue's rows, and the
// row count the page states.
func queueCategories(ctx context.Context) ([]string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#queue tbody tr[data-id]")).map(r => r.cells[4].textContent)`))
}

// savedFilterList is the list beside the queue as "name (shared note)".
var savedFilterList = chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#saved-filters li")).map(li => li.querySelector("a.saved-filter").textContent + " (" + ((li.querySelector(".shared") || {}).textContent || "private") + ")")`)

// saveQueueFilter saves the queue's current filter under name from the
// form beside the queue, and waits for the list to show it.
func saveQueueFilter(ctx context.Context, name string, shared bool) error {
	acts := []chromedp.Action[chromedp.Void]{chromedp.SendKeys(chromedp.CSS(`#save-filter input[name=name]`), name)}
	if shared {
		acts = append(acts, chromedp.Click(chromedp.CSS(`#save-filter input[name=shared]`)))
	}
	acts = append(acts, chromedp.Click(chromedp.CSS(`#save-filter button[type=submit]`)))
	if err := chromedp.Do(ctx, acts...); err != nil {
		return err
	}
	return waitFor(ctx, fmt.Sprintf(`Array.from(document.querySelectorAll("#saved-filters li.current a")).some(a => a.textContent === %q)`, name))
}

// waitFor polls expr until it is true, across the page loads that a
// click starts: a poll running while the page navigates fails, and is
// started again on the new page.
func waitFor(ctx context.Context, expr string) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// filterQueue sets the queue's filter form's category and submits it.
func filterQueue(ctx context.Context, category string) error {
	err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`form.filters select[name=category]`), category),
		chromedp.Click(chromedp.CSS(`form.filters button[type=submit]`)),
	)
	if err != nil {
		return err
	}
	return waitFor(ctx, fmt.Sprintf(`location.search.includes("category=%s") && document.readyState === "complete"`, category))
}

// TestBrowserSavedFilters: alice filters the queue, saves the filter
// shared with the team and another one for herself, and applies the
// shared one with a click from the plain queue; bob, in another browser
// session, sees the shared one (naming alice) and not her own, and
// applies it; alice deletes her own. The filters are in the store.
func TestBrowserSavedFilters(t *testing.T) {
	aliceCtx := browser(t)
	bobCtx, cancel := chromedp.NewContext(aliceCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 8, 8) // two hits of each of four categories
	db.Close()
	pw := mustPasswordFile(t, "correct horse")
	for _, u := range []string{"alice", "bob"} {
		if code, _, errs := cli(t, dbPath, "users", "add", u, "--role", "analyst", "--password-file", pw); code != 0 {
			t.Fatalf("users add %s: %s", u, errs)
		}
	}
	base, _, stop := startServe(t, dbPath)

	if err := browserLogin(aliceCtx, base, "alice", "correct horse"); err != nil {
		t.Fatalf("alice logs in: %v", err)
	}
	const shared, own = `dumping <i>cheap</i>`, "my counterfeits"
	if err := filterQueue(aliceCtx, "price_dumping"); err != nil {
		t.Fatalf("filter the queue: %v", err)
	}
	if err := saveQueueFilter(aliceCtx, shared, true); err != nil {
		t.Fatalf("save the shared filter: %v", err)
	}
	if err := filterQueue(aliceCtx, "counterfeit"); err != nil {
		t.Fatalf("filter the queue: %v", err)
	}
	if err := saveQueueFilter(aliceCtx, own, false); err != nil {
		t.Fatalf("save her own filter: %v", err)
	}
	screenshot(t, aliceCtx, "queue-saved")
	if got, err := chromedp.Run(aliceCtx, savedFilterList); err != nil || !slices.Equal(got, []string{shared + " (shared)", own + " (private)"}) {
		t.Errorf("alice's saved filters: %q %v", got, err)
	}

	// From the whole queue, one click applies the shared filter.
	apply := func(ctx context.Context, who string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"queue"),
			chromedp.WaitVisible(chromedp.CSS(`#saved-filters`)),
		)
		if err == nil {
			// A real click on the link whose text is the name.
			_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const a = Array.from(document.querySelectorAll("#saved-filters a.saved-filter")).find(a => a.textContent === %q); a.id = "to-apply"; return true; })()`, shared)))
		}
		if err == nil {
			err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#to-apply`)))
		}
		if err != nil {
			t.Fatalf("%s applies the shared filter: %v", who, err)
		}
		if err := waitFor(ctx, `location.search === "?category=price_dumping&status=new" && document.querySelector("#saved-filters li.current") !== null`); err != nil {
			t.Fatalf("%s applies the shared filter: %v", who, err)
		}
		cats, err := queueCategories(ctx)
		if err != nil || len(cats) != 2 || cats[0] != "price dumping" || cats[1] != "price dumping" {
			t.Errorf("%s's queue with the shared filter: %q %v, want the two price dumping hits", who, cats, err)
		}
		if sel, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form.filters select[name=category]").value`)); err != nil || sel != "price_dumping" {
			t.Errorf("%s's filter form shows category %q %v", who, sel, err)
		}
	}
	apply(aliceCtx, "alice")

	// bob sees the shared filter, by alice, and not alice's own.
	if err := browserLogin(bobCtx, base, "bob", "correct horse"); err != nil {
		t.Fatalf("bob logs in: %v", err)
	}
	if got, err := chromedp.Run(bobCtx, savedFilterList); err != nil || !slices.Equal(got, []string{shared + " (shared by alice)"}) {
		t.Errorf("bob's saved filters: %q %v, want only the shared one", got, err)
	}
	if n, err := chromedp.Run(bobCtx, chromedp.Evaluate[int](`document.querySelectorAll("#saved-filters form.delete-filter").length`)); err != nil || n != 0 {
		t.Errorf("bob is offered %d delete buttons (%v) for alice's filter", n, err)
	}
	apply(bobCtx, "bob")
	screenshot(t, bobCtx, "queue-shared-filter")

	// alice deletes her own; the queue stays as it was.
	err = chromedp.Do(aliceCtx,
		chromedp.Navigate(base+"queue?status=escalated"),
		chromedp.WaitVisible(chromedp.CSS(`#saved-filters`)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#saved-filters form.delete-filter button[aria-label=%q]`, "delete "+own))),
	)
	if err != nil {
		t.Fatalf("alice deletes her filter: %v", err)
	}
	if err := waitFor(aliceCtx, `document.querySelectorAll("#saved-filters li").length === 1 && location.search === "?status=escalated"`); err != nil {
		t.Errorf("after the delete: %v", err)
	}

	stop()
	db, err = store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs, err := db.SavedFilters(context.Background(), "")
	if err != nil || len(fs) != 1 || fs[0].Name != shared || fs[0].Owner != "alice" || !fs[0].Shared || fs[0].Query != "category=price_dumping&status=new" {
		t.Errorf("saved filters in the store: %+v %v", fs, err)
	}
}

// TestBrowserLocalTimes: two analysts in different time zones each see
// the queue's and a hit's history times in their own zone, in the short
// form, not as RFC 3339.
func TestBrowserLocalTimes(t *testing.T) {
	ctx := browser(t)
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 2, 0)
	db.Close()
	base, _, _ := startServe(t, dbPath)
	for _, zone := range []struct {
		name string
		loc  *time.Location
	}{{"Asia/Shanghai", time.FixedZone("CST", 8*3600)}, {"Asia/Kolkata", time.FixedZone("IST", 5*3600+1800)}} {
		tab, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
		type shown struct{ Datetime, Text, Local string }
		for _, page := range []string{"queue", "hits/1"} {
			err := chromedp.Do(tab,
				chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
					_, err := cdp.Call(ctx, t, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone.name})
					return err
				}),
				chromedp.Navigate(base+page),
				chromedp.Poll[chromedp.Void](`document.querySelectorAll("time[datetime]").length > 0 && Array.from(document.querySelectorAll("time[datetime]")).every(e => e.dataset.local === "1")`, chromedp.WithPollingTimeout(10*time.Second)),
			)
			var times []shown
			if err == nil {
				times, err = chromedp.Run(tab, chromedp.Evaluate[[]shown](`Array.from(document.querySelectorAll("main time[datetime]")).map(e => ({Datetime: e.getAttribute("datetime"), Text: e.textContent, Local: e.dataset.local}))`))
			}
			if err != nil {
				cancel()
				t.Fatalf("%s %s: %v", zone.name, page, err)
			}
			if len(times) == 0 {
				t.Errorf("%s %s shows no times", zone.name, page)
			}
			for _, tm := range times {
				at, err := time.Parse(time.RFC3339, tm.Datetime)
				if want := at.In(zone.loc).Format("2006-01-02 15:04"); err != nil || tm.Text != want {
					t.Errorf("%s %s: %s shown as %q, want %q in the browser's zone", zone.name, page, tm.Datetime, tm.Text, want)
				}
			}
			if zone.name == "Asia/Kolkata" {
				screenshot(t, tab, strings.ReplaceAll(page, "/", "-"))
			}
		}
		cancel()
	}
}
