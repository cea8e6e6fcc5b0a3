package evidence

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
)

// replayPage embeds ReplayWeb.page on the bundle at /bundle.wacz.
const replayPage = `<!doctype html>
<html><head><meta charset="utf-8"><script src="./ui.js"></script></head>
<body><replay-web-page style="width:1000px;height:800px;display:block" source="/bundle.wacz" url="%s" replayBase="./" embed="replayonly"></replay-web-page></body></html>`

// replayedJS walks the page, its shadow roots and same-origin frames, and
// returns the HTML of the replayed document (served from a ".../mp_/" URL).
const replayedJS = `(() => {
  const out = [];
  const walk = (doc) => {
    if (doc.location && doc.location.href.includes("mp_/")) out.push(doc.documentElement.outerHTML);
    const visit = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el.tagName === "IFRAME") { try { if (el.contentDocument) walk(el.contentDocument); } catch (e) {} }
      }
    };
    visit(doc);
  };
  walk(document);
  return out.join("\n");
})()`

// replayedImageJS returns "<width>x<height>" of the image ReplayWeb.page
// replays (a document served from a ".../mp_/" URL whose image has
// loaded), or "".
const replayedImageJS = `(() => {
  let out = "";
  const walk = (doc) => {
    if (doc.location && doc.location.href.includes("mp_/")) {
      for (const img of doc.images) if (img.complete && img.naturalWidth > 0) out = img.naturalWidth + "x" + img.naturalHeight;
    }
    const visit = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el.tagName === "IFRAME") { try { if (el.contentDocument) walk(el.contentDocument); } catch (e) {} }
      }
    };
    visit(doc);
  };
  walk(document);
  return out;
})()`

// signatureJS reads ReplayWeb.page's own signature check from the
// "verification" IndexedDB store (its summary API reports valid even on a
// failure).
const signatureJS = `(async () => {
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

type rwpSignature struct {
	Expected any  `json:"expected"`
	Matched  bool `json:"matched"`
}

// replay serves bundle with ReplayWeb.page on 127.0.0.1, opens pageURL in
// headless chromium, evaluates probe in it until done holds of its result,
// and returns that result and RWP's signature record.
func replay(t *testing.T, chromium, rwpDir string, bundle []byte, pageURL, probe string, done func(string) bool) (string, string) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(rwpDir)))
	mux.HandleFunc("/embed.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, replayPage, pageURL)
	})
	mux.HandleFunc("/bundle.wacz", func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "bundle.wacz", testTime, bytes.NewReader(bundle)) // Range support
	})
	srv := loopbackServer(t, mux)

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
	var html, sig string
	var err error
	// First the replayed page, then RWP's signature record: opening its
	// IndexedDB while the service worker still sets it up would hold up
	// the worker's upgrade.
	for time.Now().Before(deadline) && !done(html) {
		if html, err = chromedp.Run(ctx, chromedp.Evaluate[string](probe)); err != nil {
			t.Fatalf("chromium: %v", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	for time.Now().Before(deadline) {
		if sig, err = chromedp.Run(ctx, chromedp.Evaluate[string](signatureJS, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatalf("chromium: %v", err)
		}
		if sig != "" {
			return html, sig
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("ReplayWeb.page showed no replayed page within the time limit (probe gave %.200q, signature %q)", html, sig)
	return "", ""
}

// TestReplayWebPage opens the bundle in ReplayWeb.page 2.5.3 in headless
// chromium: it must replay the captured listing page and find the
// signature valid, and find it invalid in a tampered copy.
func TestReplayWebPage(t *testing.T) {
	chromium, rwpDir := replayTools(t)
	blobs := newMemBlobs()
	items := testItems(t, blobs, 2)
	key, _ := GenerateKey()
	bundle, _ := MustWrite(t, items, blobs, Options{SignKey: key})
	pageURL := items[0].Captures[0].URL

	t.Run("replays the page and finds the signature valid", func(t *testing.T) {
		html, sig := replay(t, chromium, rwpDir, bundle, pageURL, replayedJS, showsListing)
		if !strings.Contains(html, "A0001") || !strings.Contains(html, "¥89.00") {
			t.Errorf("replayed page lacks the captured listing:\n%.2000s", html)
		}
		var s rwpSignature
		if err := json.Unmarshal([]byte(sig), &s); err != nil || !s.Matched {
			t.Errorf("ReplayWeb.page signature record %s, want matched", sig)
		}
	})
	t.Run("finds a tampered signature invalid", func(t *testing.T) {
		files, _ := bundleFiles(t, bundle)
		var d map[string]any
		json.Unmarshal(files[pathDigest], &d)
		sd := d["signedData"].(map[string]any)
		s := []byte(sd["signature"].(string))
		s[5] ^= 0x01
		sd["signature"] = string(s)
		files[pathDigest], _ = json.Marshal(d)
		_, sig := replay(t, chromium, rwpDir, repack(t, files), pageURL, replayedJS, showsListing)
		var r rwpSignature
		if err := json.Unmarshal([]byte(sig), &r); err != nil || r.Matched {
			t.Errorf("ReplayWeb.page signature record %s, want not matched", sig)
		}
	})
}

// showsListing reports whether replayed HTML shows testItems' listing.
func showsListing(html string) bool { return strings.Contains(html, "89.00</span>") }

// replayTools returns chromium and the unpacked ReplayWeb.page, or skips
// (fails under SHADOWSCAN_REQUIRE_TOOLS=1) when they are not there.
func replayTools(t *testing.T) (chromium, rwpDir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	chromium = tool(t, "SHADOWSCAN_CHROMIUM", "chromium")
	rwpDir = os.Getenv("SHADOWSCAN_RWP_DIR")
	if _, err := os.Stat(filepath.Join(rwpDir, "sw.js")); rwpDir == "" || err != nil {
		if os.Getenv("SHADOWSCAN_REQUIRE_TOOLS") == "1" {
			t.Fatalf("SHADOWSCAN_RWP_DIR=%q holds no ReplayWeb.page sw.js (.ci/evidence-tools.sh unpacks it)", rwpDir)
		}
		t.Skipf("SHADOWSCAN_RWP_DIR=%q holds no ReplayWeb.page: run .ci/evidence-tools.sh (SHADOWSCAN_REQUIRE_TOOLS=1 turns this skip into a failure)", rwpDir)
	}
	return chromium, rwpDir
}

// TestReplayShowsScreenshot: a browser-fetched listing's screenshot is
// listed in pages.jsonl and ReplayWeb.page replays it, as the PNG it is,
// when its urn:screenshot: URN is opened; the listing page still replays.
func TestReplayShowsScreenshot(t *testing.T) {
	chromium, rwpDir := replayTools(t)
	blobs := newMemBlobs()
	items := testItems(t, blobs, 1)
	it := &items[0]
	shot := testPNG(t, 42)
	cfg, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	it.Captures = append(it.Captures, shadowscan.Capture{
		URL: it.Hit.Listing.URL, Method: "GET", Status: 200,
		Header:     map[string][]string{"Content-Type": {"image/png"}},
		BodySHA256: blobs.put(shot), BodySize: int64(len(shot)),
		FetchedAt: it.Hit.Listing.FetchedAt.Add(3 * time.Second), Kind: shadowscan.CaptureScreenshot,
	})
	bundle, _ := MustWrite(t, items, blobs, Options{})
	files, _ := bundleFiles(t, bundle)
	shotURN := "urn:screenshot:" + it.Hit.Listing.URL
	if !strings.Contains(string(files[pathPages]), `"url":"`+shotURN+`"`) {
		t.Errorf("pages.jsonl does not list the screenshot:\n%s", files[pathPages])
	}

	want := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height)
	got, _ := replay(t, chromium, rwpDir, bundle, shotURN, replayedImageJS, func(s string) bool { return s != "" })
	if got != want {
		t.Errorf("ReplayWeb.page shows an image of %s at %s, want the %s screenshot", got, shotURN, want)
	}
	html, _ := replay(t, chromium, rwpDir, bundle, it.Captures[0].URL, replayedJS, showsListing)
	if !strings.Contains(html, "A0001") {
		t.Errorf("the listing page no longer replays beside its screenshot:\n%.2000s", html)
	}
}
