// Package replaytest opens an evidence bundle in ReplayWeb.page 2.5.3, in
// headless Debian chromium, for the tests of evidence and of the commands
// that export bundles: what a court or a platform would see when they
// open the WACZ. .ci/evidence-tools.sh unpacks ReplayWeb.page and sets
// SHADOWSCAN_RWP_DIR; without it (or chromium) the tests skip, and fail
// under SHADOWSCAN_REQUIRE_TOOLS=1.
package replaytest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// replayPage embeds ReplayWeb.page on the bundle at /bundle.wacz.
const replayPage = `<!doctype html>
<html><head><meta charset="utf-8"><script src="./ui.js"></script></head>
<body><replay-web-page style="width:1000px;height:800px;display:block" source="/bundle.wacz" url="%s" replayBase="./" embed="replayonly"></replay-web-page></body></html>`

// replayedDocs is a script that calls each(doc) on every replayed
// document (one served from a ".../mp_/" URL) it finds in the page, its
// shadow roots and same-origin frames, then returns the value of result.
func replayedDocs(each, result string) string {
	return `(() => {
  const out = [];
  const each = ` + each + `;
  const walk = (doc) => {
    if (doc.location && doc.location.href.includes("mp_/")) each(doc);
    const visit = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el.tagName === "IFRAME") { try { if (el.contentDocument) walk(el.contentDocument); } catch (e) {} }
      }
    };
    visit(doc);
  };
  walk(document);
  return ` + result + `;
})()`
}

var (
	// PageJS returns the HTML of the replayed documents.
	PageJS = replayedDocs(`(doc) => out.push(doc.documentElement.outerHTML)`, `out.join("\n")`)
	// ImageJS returns "<width>x<height>" of the last loaded image of a
	// replayed document, or "".
	ImageJS = replayedDocs(`(doc) => { for (const img of doc.images) if (img.complete && img.naturalWidth > 0) out.push(img.naturalWidth + "x" + img.naturalHeight); }`, `out.length ? out[out.length - 1] : ""`)
)

// SignatureJS reads ReplayWeb.page's own signature check from the
// "verification" IndexedDB store (its summary API reports valid even on a
// failure).
const SignatureJS = `(async () => {
  const dbs = await indexedDB.databases();
  for (const d of dbs) {
    const db = await new Promise((res, rej) => { const r = indexedDB.open(d.name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    try {
      if (!db.objectStoreNames.contains("verification")) continue;
      const v = await new Promise((res) => { const q = db.transaction("verification").objectStore("verification").get("signature"); q.onsuccess = () => res(q.result); q.onerror = () => res(null); });
      if (v) return JSON.stringify(v);
    } finally { db.close(); }
  }
  return "";
})()`

// Tools returns chromium and the unpacked ReplayWeb.page, or skips t (fails
// it under SHADOWSCAN_REQUIRE_TOOLS=1) when either is missing or -short.
func Tools(t testing.TB) (chromium, rwpDir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	require := os.Getenv("SHADOWSCAN_REQUIRE_TOOLS") == "1"
	chromium = os.Getenv("SHADOWSCAN_CHROMIUM")
	if _, err := os.Stat(chromium); chromium == "" || err != nil {
		if chromium, err = exec.LookPath("chromium"); err != nil {
			if require {
				t.Fatalf("chromium not found (set SHADOWSCAN_CHROMIUM or put it on PATH; .ci/evidence-tools.sh installs it)")
			}
			t.Skipf("chromium not found: set SHADOWSCAN_CHROMIUM or run .ci/evidence-tools.sh (SHADOWSCAN_REQUIRE_TOOLS=1 turns this skip into a failure)")
		}
	}
	rwpDir = os.Getenv("SHADOWSCAN_RWP_DIR")
	if _, err := os.Stat(filepath.Join(rwpDir, "sw.js")); rwpDir == "" || err != nil {
		if require {
			t.Fatalf("SHADOWSCAN_RWP_DIR=%q holds no ReplayWeb.page sw.js (.ci/evidence-tools.sh unpacks it)", rwpDir)
		}
		t.Skipf("SHADOWSCAN_RWP_DIR=%q holds no ReplayWeb.page: run .ci/evidence-tools.sh (SHADOWSCAN_REQUIRE_TOOLS=1 turns this skip into a failure)", rwpDir)
	}
	return chromium, rwpDir
}

// Replay serves bundle with ReplayWeb.page on 127.0.0.1, opens pageURL in
// headless chromium, evaluates probe (PageJS, ImageJS or the caller's own)
// until done holds of its result, and returns that result and
// ReplayWeb.page's signature record (SignatureJS; "" when the bundle is
// unsigned). It fails t when nothing replays within 90 seconds.
func Replay(t testing.TB, chromium, rwpDir string, bundle []byte, pageURL, probe string, done func(string) bool) (result, signature string) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(rwpDir)))
	mux.HandleFunc("/embed.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, replayPage, pageURL)
	})
	modTime := time.Now()
	mux.HandleFunc("/bundle.wacz", func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "bundle.wacz", modTime, bytes.NewReader(bundle)) // Range support
	})
	srv := LoopbackServer(t, mux)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.Flag("proxy-server", "direct://"), chromedp.Flag("no-proxy-server", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The first Run starts the browser: no timeout on it (chromedp docs).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/embed.html")); err != nil {
		t.Fatalf("chromium: open the ReplayWeb.page embed: %v", err)
	}
	deadline, _ := ctx.Deadline()
	// First the replayed page, then RWP's signature record: opening its
	// IndexedDB while the service worker still sets it up would hold up
	// the worker's upgrade.
	for time.Now().Before(deadline) && !done(result) {
		var err error
		if result, err = chromedp.Run(ctx, chromedp.Evaluate[string](probe)); err != nil {
			t.Fatalf("chromium: %v", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	if !done(result) {
		t.Fatalf("ReplayWeb.page showed nothing for %s within the time limit (probe gave %.200q)", pageURL, result)
	}
	for time.Now().Before(deadline) {
		var err error
		if signature, err = chromedp.Run(ctx, chromedp.Evaluate[string](SignatureJS, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatalf("chromium: %v", err)
		}
		if signature != "" {
			return result, signature
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("ReplayWeb.page gave no signature record for %s within the time limit", pageURL)
	return "", ""
}

// LoopbackServer serves h on 127.0.0.1 (never [::1] or another address
// httptest may pick) until t ends.
func LoopbackServer(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}
