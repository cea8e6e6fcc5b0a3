package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
	"github.com/shadowscan/shadowscan/store"
)

// chromiumPath is where Debian's chromium package puts the browser
// (.ci/web-tools.sh installs it).
const chromiumPath = "/usr/bin/chromium"

// browser starts a headless chromium for the test, or skips the test when
// it is missing (fails when SHADOWSCAN_REQUIRE_TOOLS=1, as in CI).
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end browser test: runs without -short (make test runs it in its second pass)")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("SHADOWSCAN_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is missing and SHADOWSCAN_REQUIRE_TOOLS=1: install it with .ci/web-tools.sh (apt-get install -y chromium)", chromiumPath)
		}
		t.Skipf("skipping the browser test: %s is missing (install it with .ci/web-tools.sh)", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// screenshot saves a full-page PNG of what the browser shows, named after
// the test and the page, in SHADOWSCAN_TEST_SCREENSHOTS (else in the
// test's temporary directory, so nothing is left behind), and fails the
// test when the PNG does not decode or is blank (a single colour).
func screenshot(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		t.Fatalf("screenshot of %s: %v", page, err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot of %s is not a PNG: %v", page, err)
	}
	if oneColour(img) {
		t.Errorf("screenshot of %s is blank: one colour over %v", page, img.Bounds())
	}
	dir := os.Getenv("SHADOWSCAN_TEST_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	name := strings.NewReplacer("/", "-", " ", "_").Replace(t.Name()) + "-" + page + ".png"
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of %s: %s", page, path)
}

// oneColour tells whether every pixel of img is the colour of the first.
func oneColour(img image.Image) bool {
	b := img.Bounds()
	r0, g0, b0, a0 := img.At(b.Min.X, b.Min.Y).RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, a := img.At(x, y).RGBA(); r != r0 || g != g0 || bl != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}

// TestBrowserTriage drives the real UI in headless chromium: keyboard
// triage in the queue (j, c, d, u), then the hit page's two photos side by
// side, with a screenshot.
func TestBrowserTriage(t *testing.T) {
	ctx := browser(t)
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 6, 6)
	db.Close()
	base, _, stop := startServe(t, dbPath)

	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"queue?status=new"),
		chromedp.WaitVisible(chromedp.CSS(`#queue tbody tr.selected`)),
	)
	if err != nil {
		t.Fatalf("open the queue: %v", err)
	}
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#queue tbody tr[data-id]")).map(r => r.dataset.id)`))
	if err != nil {
		t.Fatalf("open the queue: %v", err)
	}
	if len(ids) != 6 {
		t.Fatalf("queue rows %v, want 6", ids)
	}
	screenshot(t, ctx, "queue")
	confirmed, undone := ids[1], ids[2]
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#dismiss-reason`), "duplicate"), // d dismisses with it
		chromedp.Blur(chromedp.CSS(`#dismiss-reason`)),
		chromedp.KeyEvent("j"), // select the second row
		chromedp.KeyEvent("c"), // confirm it (pending), move to the third
		chromedp.KeyEvent("d"), // saves the confirm; dismiss the third (pending)
		chromedp.KeyEvent("u"), // undo the dismiss
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`tr[data-id="%s"][data-state="saved"]`, confirmed))),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`tr.selected[data-id="%s"]`, undone))),
	)
	if err != nil {
		t.Fatalf("keyboard triage: %v", err)
	}
	undoneState, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(fmt.Sprintf(`tr[data-id="%s"] .status-cell`, undone))))
	if err != nil {
		t.Fatalf("read the undone row: %v", err)
	}
	if undoneState != "new" {
		t.Errorf("undone row shows %q, want new", undoneState)
	}

	// The hit page: listing photo beside the official photo. Leaving the
	// queue would save a pending action; the undo left none.
	type box struct{ Left, Top, Width, NaturalWidth float64 }
	js := `(sel => { const e = document.querySelector(sel); const r = e.getBoundingClientRect(); return {Left: r.left, Top: r.top, Width: r.width, NaturalWidth: e.naturalWidth}; })`
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"hits/"+confirmed),
		chromedp.WaitVisible(chromedp.CSS(`img.official-photo`)),
	)
	if err != nil {
		t.Fatalf("hit page: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("img.listing-photo").complete && document.querySelector("img.official-photo").complete`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("photos did not load: %v", err)
	}
	listing, err := chromedp.Run(ctx, chromedp.Evaluate[box](js+`("img.listing-photo")`))
	if err != nil {
		t.Fatal(err)
	}
	official, err := chromedp.Run(ctx, chromedp.Evaluate[box](js+`("img.official-photo")`))
	if err != nil {
		t.Fatal(err)
	}
	if listing.NaturalWidth == 0 || official.NaturalWidth == 0 {
		t.Errorf("photos did not load: listing %+v official %+v", listing, official)
	}
	if !(listing.Left+listing.Width <= official.Left+1) || abs(listing.Top-official.Top) > 60 {
		t.Errorf("photos are not side by side: listing %+v official %+v", listing, official)
	}
	screenshot(t, ctx, "hit")

	// Export from the browser: the confirmed queue's export form, posted
	// by the page itself (its cookie and CSRF token), gives a bundle that
	// verifies.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"queue?status=confirmed"),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/export"]`)),
	)
	if err != nil {
		t.Fatalf("open the confirmed queue: %v", err)
	}
	screenshot(t, ctx, "queue-confirmed")
	type download struct {
		Status int
		Type   string
		Data   string // base64
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[download](`(async () => {
		const f = document.querySelector('form[action="/export"]');
		const r = await fetch(f.action, {method: "POST", body: new URLSearchParams(new FormData(f))});
		const b = new Uint8Array(await r.arrayBuffer());
		let s = ""; for (const c of b) s += String.fromCharCode(c);
		return {Status: r.status, Type: r.headers.get("Content-Type") || "", Data: btoa(s)};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("export from the browser: %v", err)
	}
	bundle, err := base64.StdEncoding.DecodeString(got.Data)
	if err != nil || got.Status != 200 {
		t.Fatalf("export answered %d %q (%d bytes, %v)", got.Status, got.Type, len(bundle), err)
	}
	rep, err := evidence.Verify(context.Background(), bytes.NewReader(bundle), int64(len(bundle)), evidence.VerifyOptions{AllowUnsigned: true})
	if err != nil {
		t.Fatalf("the bundle exported from the browser does not verify: %v", err)
	}
	t.Logf("exported from the browser: %d bytes, %d checks", len(bundle), len(rep.Checked))

	// The statuses are in the store.
	stop()
	db, err = store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := map[string]shadowscan.Status{ids[0]: shadowscan.StatusNew, confirmed: shadowscan.StatusConfirmed, undone: shadowscan.StatusNew}
	for id, st := range want {
		var n uint64
		fmt.Sscan(id, &n)
		h, err := db.Hit(context.Background(), n)
		if err != nil {
			t.Fatal(err)
		}
		if h.Status != st {
			t.Errorf("hit %s is %s in the store, want %s", id, h.Status, st)
		}
		if last := len(h.History) - 1; st == shadowscan.StatusConfirmed && (last < 0 || h.History[last].To != st || h.History[last].By == "") {
			t.Errorf("hit %s history %+v", id, h.History)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
