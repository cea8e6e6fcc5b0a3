package evidence

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence/replaytest"
)

type rwpSignature struct {
	Expected any  `json:"expected"`
	Matched  bool `json:"matched"`
}

// TestReplayWebPage opens the bundle in ReplayWeb.page 2.5.3 in headless
// chromium: it must replay the captured listing page and find the
// signature valid, and find it invalid in a tampered copy.
func TestReplayWebPage(t *testing.T) {
	chromium, rwpDir := replaytest.Tools(t)
	blobs := newMemBlobs()
	items := testItems(t, blobs, 2)
	key, _ := GenerateKey()
	bundle, _ := MustWrite(t, items, blobs, Options{SignKey: key})
	pageURL := items[0].Captures[0].URL

	t.Run("replays the page and finds the signature valid", func(t *testing.T) {
		html, sig := replaytest.Replay(t, chromium, rwpDir, bundle, pageURL, replaytest.PageJS, showsListing)
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
		_, sig := replaytest.Replay(t, chromium, rwpDir, repack(t, files), pageURL, replaytest.PageJS, showsListing)
		var r rwpSignature
		if err := json.Unmarshal([]byte(sig), &r); err != nil || r.Matched {
			t.Errorf("ReplayWeb.page signature record %s, want not matched", sig)
		}
	})
}

// showsListing reports whether replayed HTML shows testItems' listing.
func showsListing(html string) bool { return strings.Contains(html, "89.00</span>") }

// TestReplayShowsScreenshot: a browser-fetched listing's screenshot is
// listed in pages.jsonl and ReplayWeb.page replays it, as the PNG it is,
// when its urn:screenshot: URN is opened; the listing page still replays.
func TestReplayShowsScreenshot(t *testing.T) {
	chromium, rwpDir := replaytest.Tools(t)
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
	got, _ := replaytest.Replay(t, chromium, rwpDir, bundle, shotURN, replaytest.ImageJS, func(s string) bool { return s != "" })
	if got != want {
		t.Errorf("ReplayWeb.page shows an image of %s at %s, want the %s screenshot", got, shotURN, want)
	}
	html, _ := replaytest.Replay(t, chromium, rwpDir, bundle, it.Captures[0].URL, replaytest.PageJS, showsListing)
	if !strings.Contains(html, "A0001") {
		t.Errorf("the listing page no longer replays beside its screenshot:\n%.2000s", html)
	}
}
