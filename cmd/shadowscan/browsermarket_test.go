package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan/evidence/replaytest"
)

// browserMarketRule is the site rule of testdata/jsmarket, whose results
// and listing fields exist only after scripts run.
const browserMarketRule = `name: %s
base_url: http://127.0.0.1:1
fetch: %s
search:
  url: "{base}/search.html?q={query}&page={page}"
  listing_links: "div.result a.title@href"
  max_pages: 5
  %s
listing:
  %s
  id: "h1.title@data-id"
  title: "h1.title"
  price: "span.price"
  currency: CNY
  seller_id: ".shop a@data-shop-id"
  seller_name: ".shop a"
  images: ".gallery img@src"
  description: ".desc"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: true, timeout: 20s, retries: 1}
`

// TestScanBrowserMarketplace scans the script-built marketplace twice:
// a plain rule stores nothing, a fetch: browser rule stores every listing
// with its fields; a bundle exported from that scan verifies and its
// report.html shows each listing page's screenshot.
func TestScanBrowserMarketplace(t *testing.T) {
	browser(t) // skips under -short or without chromium
	srv := httptest.NewServer(http.FileServer(http.Dir("../../testdata/jsmarket")))
	defer srv.Close()
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string][]any{
		"jsplain":   {"jsplain", "http", "", ""},
		"jsbrowser": {"jsbrowser", "browser", `wait_for: "#done"`, `wait_for: "h1.title"`},
	} {
		if err := os.WriteFile(filepath.Join(rulesDir, name+".yaml"), fmt.Appendf(nil, browserMarketRule, r...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "b.db")
	mustImportDemoCatalog(t, db)

	code, out, errOut := cli(t, db, "--rules", rulesDir, "scan", "--site", "jsplain", "--base-url", srv.URL, "--query", "aurora")
	t.Logf("plain scan: exit %d\n%s\n%s", code, out, errOut)
	if rows := mustJSON[[]listingRow](t, db, "listings", "list", "--site", "jsplain", "--json"); len(rows) != 0 {
		t.Fatalf("a plain scan stored %d listings from pages that only scripts fill", len(rows))
	}

	code, out, errOut = cli(t, db, "--rules", rulesDir, "scan", "--site", "jsbrowser", "--base-url", srv.URL, "--query", "aurora")
	if code != 0 {
		t.Fatalf("browser scan: exit %d\n%s\n%s", code, out, errOut)
	}
	rows := mustJSON[[]listingRow](t, db, "listings", "list", "--site", "jsbrowser", "--json")
	want := map[string][3]string{
		"b1": {"Aurora Hand Cream 50ml 高仿 1:1 原单", "¥9.90", "shop-77"},
		"b2": {"Aurora Hand Cream 50ml 工厂直供", "¥12.50", "shop-78"},
		"b3": {"Aurora Plant Protein Powder 500g 高仿", "¥39.00", "shop-79"},
		"b4": {"Aurora Hand Cream 50ml replica", "¥8.80", "shop-80"},
		"b5": {"Aurora Plant Protein Powder 500g 尾单", "¥45.00", "shop-81"},
	}
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ID)
		w := want[r.ID]
		if r.Title != w[0] || r.Price != w[1] || r.SellerID != w[2] || r.URL != srv.URL+"/item.html?id="+r.ID {
			t.Errorf("%s: stored %q %q %q %s, want %q", r.ID, r.Title, r.Price, r.SellerID, r.URL, w)
		}
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"b1", "b2", "b3", "b4", "b5"}) {
		t.Fatalf("stored listings %v, want b1..b5\n%s\n%s", ids, out, errOut)
	}

	// sites test shows the fields of the rendered page.
	out = mustCLI(t, db, "--rules", rulesDir, "sites", "test", "jsbrowser", srv.URL+"/item.html?id=b2")
	for _, w := range []string{"as the browser rendered it", "Aurora Hand Cream 50ml 工厂直供", "h1.title", "12.50", "shop-78", "listing jsbrowser/b2", "photo 1"} {
		if !strings.Contains(out, w) {
			t.Errorf("sites test output lacks %q:\n%s", w, out)
		}
	}

	wacz := filepath.Join(dir, "browser.wacz")
	code, out, errOut = cli(t, db, "export", "--out", wacz, "--site", "jsbrowser")
	if code != 0 {
		t.Fatalf("export: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = cli(t, db, "evidence", "verify", "--allow-unsigned", wacz)
	if code != 0 || !strings.Contains(out, "is intact") {
		t.Fatalf("verify: exit %d\n%s\n%s", code, out, errOut)
	}
	report := zipEntry(t, wacz, "evidence/report.html")
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(report))
	if err != nil {
		t.Fatal(err)
	}
	listings := doc.Find(".listing").Length()
	shots := doc.Find("figure.screenshot img[src^='data:image/png;base64,']").Length()
	if shots == 0 || shots != doc.Find(".listing").Length() {
		t.Errorf("report.html shows %d screenshots for %d listings, want one each", shots, listings)
	}
	t.Logf("report.html: %d listings, %d screenshots", doc.Find(".listing").Length(), shots)
	warc := zipEntry(t, wacz, "archive/data.warc.gz")
	if len(warc) == 0 {
		t.Fatal("no archive in the bundle")
	}

	// The bundle replays in ReplayWeb.page and shows a listing's
	// screenshot, as the PNG the browser took, under its URN.
	chromium, rwpDir := replaytest.Tools(t)
	bundle, err := os.ReadFile(wacz)
	if err != nil {
		t.Fatal(err)
	}
	pages := string(zipEntry(t, wacz, "pages/pages.jsonl"))
	_, after, ok := strings.Cut(pages, `"url":"urn:screenshot:`)
	if !ok || strings.Count(pages, "urn:screenshot:") != listings {
		t.Fatalf("pages.jsonl lists %d screenshots for %d listings:\n%s", strings.Count(pages, "urn:screenshot:"), listings, pages)
	}
	page, _, _ := strings.Cut(after, `"`)
	if !strings.HasPrefix(page, srv.URL+"/item.html?id=") {
		t.Fatalf("screenshot of %q, want a listing page of the marketplace", page)
	}
	shotURN := "urn:screenshot:" + page
	size, _ := replaytest.Replay(t, chromium, rwpDir, bundle, shotURN, replaytest.ImageJS, func(s string) bool { return s != "" })
	var w, h int
	if _, err := fmt.Sscanf(size, "%dx%d", &w, &h); err != nil || w < 300 || h < 200 {
		t.Errorf("ReplayWeb.page shows an image of %q at %s, want the page's screenshot", size, shotURN)
	}
	t.Logf("ReplayWeb.page replays %s as a %s image", shotURN, size)
}

// zipEntry reads one file of a ZIP.
func zipEntry(t *testing.T, path, name string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
