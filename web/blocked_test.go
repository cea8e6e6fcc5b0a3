package web

import (
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// TestDashboardShowsBlockedSites checks that the dashboard names a site
// whose latest scan was blocked, with why and the last block page, that
// a page field from the marketplace is escaped, and that a site a later
// scan crawled without blocks is not shown.
func TestDashboardShowsBlockedSites(t *testing.T) {
	f := newFixture(t, Config{})
	now := time.Now()
	f.mem.mu.Lock()
	f.mem.scans = []shadowscan.Scan{
		{ID: 3, Sites: []string{"tb-market", "demo-market"}, State: shadowscan.ScanFailed, StartedAt: now,
			Blocked: []shadowscan.SiteBlocks{{Site: "tb-market", Pages: 7, Why: map[string]int{"captcha": 5, "http_403": 2},
				Last: `the page shows a captcha or slider (http://tb/<script>x</script>)`, Mostly: true}}},
		{ID: 2, Sites: []string{"jd-market"}, State: shadowscan.ScanDone, StartedAt: now.Add(-time.Hour)},
		{ID: 1, Sites: []string{"jd-market"}, State: shadowscan.ScanDone, StartedAt: now.Add(-2 * time.Hour),
			Blocked: []shadowscan.SiteBlocks{{Site: "jd-market", Pages: 1, Why: map[string]int{"login_redirect": 1}}}},
	}
	f.mem.mu.Unlock()
	body := readBody(t, f.do("GET", "/", ""))
	if strings.Contains(body, "<script>x</script>") {
		t.Fatal("a block page's URL is not escaped")
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	sec := doc.Find("#blocked")
	if sec.Length() != 1 {
		t.Fatalf("no blocked sites section:\n%s", body)
	}
	text := sec.Text()
	// The block page's URL is shown as text, not only kept out as markup.
	for _, want := range []string{"tb-market", "blocking the crawler", "captcha 5, http_403 2", "7", "(http://tb/<script>x</script>)"} {
		if !strings.Contains(text, want) {
			t.Errorf("blocked section lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "jd-market") || strings.Contains(text, "demo-market") {
		t.Errorf("a site whose latest scan was not blocked is shown:\n%s", text)
	}

	f.mem.mu.Lock()
	f.mem.scans = f.mem.scans[1:]
	f.mem.mu.Unlock()
	if doc := mustDoc(t, f.do("GET", "/", "")); doc.Find("#blocked").Length() != 0 {
		t.Error("blocked section shown with no blocked site")
	}
}
