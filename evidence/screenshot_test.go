package evidence

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// TestScreenshotInBundle: a listing page's screenshot (fetch: browser
// sites) goes into the archive as a resource record that the verifier
// checks, into the manifest, and into report.html beside the photos; a
// bundle without screenshots shows none.
func TestScreenshotInBundle(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 2)
	shot := testPNG(t, 42)
	it := &items[0]
	it.Captures = append(it.Captures, shadowscan.Capture{
		URL: it.Hit.Listing.URL, Method: "GET", Status: 200,
		Header:     map[string][]string{"Content-Type": {"image/png"}},
		BodySHA256: blobs.put(shot), BodySize: int64(len(shot)),
		FetchedAt: it.Hit.Listing.FetchedAt.Add(3 * time.Second), Kind: shadowscan.CaptureScreenshot,
	})
	b, sum := MustWrite(t, items, blobs, Options{})
	if sum.Captures != 5 || sum.Records != 4*2+1+1 {
		t.Errorf("summary %+v, want 5 captures in 10 records (warcinfo, 4 response+request pairs, the screenshot)", sum)
	}
	rep, err := verifyBytes(b, VerifyOptions{AllowUnsigned: true})
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if rep.Responses != 4 {
		t.Errorf("responses %d: the screenshot must not pass for a response", rep.Responses)
	}
	files, _ := bundleFiles(t, b)

	var warc bytes.Buffer
	for _, m := range splitMembers(t, files[pathWARC]) {
		warc.Write(m.plain)
	}
	if !strings.Contains(warc.String(), "WARC-Type: resource") {
		t.Errorf("no resource record in the archive")
	}
	if !strings.Contains(warc.String(), "WARC-Target-URI: urn:screenshot:"+it.Hit.Listing.URL) || !bytes.Contains(warc.Bytes(), shot) {
		t.Errorf("the archive does not hold the screenshot for urn:screenshot:%s", it.Hit.Listing.URL)
	}
	if !strings.Contains(string(files[pathManifest]), `"kind": "screenshot"`) {
		t.Errorf("manifest.json does not list the screenshot capture")
	}

	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(files[pathReport]))
	if err != nil {
		t.Fatal(err)
	}
	imgs := doc.Find("figure.screenshot img")
	if imgs.Length() != 1 {
		t.Fatalf("report.html shows %d screenshots, want 1 (the hit that has one)", imgs.Length())
	}
	src, _ := imgs.Attr("src")
	if src != "data:image/png;base64,"+base64.StdEncoding.EncodeToString(shot) {
		t.Errorf("report.html screenshot src is not the captured PNG: %.80s", src)
	}
	if cap := doc.Find("figure.screenshot figcaption").Text(); !strings.Contains(cap, it.Hit.Listing.URL) || !strings.Contains(cap, "Screenshot") {
		t.Errorf("caption %q", cap)
	}
}
