package web

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

func TestHitPageHistoryTimesAndPoints(t *testing.T) {
	f := newFixture(t, Config{})
	f.mem.mu.Lock()
	f.mem.hits[1].History = []shadowscan.Transition{{To: shadowscan.StatusNew, By: "scan", At: "2026-03-01T09:00:00Z"}, {To: shadowscan.StatusConfirmed, By: "x", At: "not a time"}}
	f.mem.hits[1].Score = 100
	f.mem.hits[1].Reasons = []shadowscan.Reason{{Signal: "price", Detail: "far under list", Points: 70}, {Signal: "words", Detail: "高仿", Points: 50}}
	f.mem.mu.Unlock()
	doc := mustDoc(t, f.do("GET", "/hits/2", ""))
	tm := doc.Find("table.list tbody tr td time").First()
	if dt, _ := tm.Attr("datetime"); dt != "2026-03-01T09:00:00Z" {
		t.Errorf("history time datetime %q", dt)
	}
	if txt := tm.Text(); strings.Contains(txt, "T") || len(txt) != len("2006-01-02 15:04") {
		t.Errorf("history time shown as %q, want the short local form", txt)
	}
	if html, _ := doc.Html(); strings.Contains(html, ">2026-03-01T09:00:00Z<") {
		t.Error("a raw RFC 3339 time is shown")
	}
	// The bad time's own cell, not any dash on the page.
	bad := doc.Find("table.list:not(.reasons) tbody tr").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return s.Find("td").Eq(3).Text() == "x"
	})
	if got := strings.TrimSpace(bad.Find("td").First().Text()); bad.Length() != 1 || got != "—" {
		t.Errorf("a history time that is not RFC 3339 is shown as %q (%d rows), want a dash", got, bad.Length())
	}
	if note := doc.Find("#points-note").Text(); !strings.Contains(note, "add up to 120") || !strings.Contains(note, "stops at 100, its maximum") {
		t.Errorf("points note %q", note)
	}
	if doc.Find(`script[src="/static/localtime.js"]`).Length() != 1 {
		t.Error("the page does not load localtime.js")
	}
}

// shortTime is the server's short time form, "2006-01-02 15:04".
var shortTime = regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`)

// TestTimesAreLocalisable: every time the pages show is a <time
// datetime> that localtime.js rewrites in the browser's zone; a time
// written as plain text would stay in the server's zone.
func TestTimesAreLocalisable(t *testing.T) {
	f := newFixture(t, Config{})
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	f.mem.mu.Lock()
	f.mem.schedules = []shadowscan.Schedule{{ID: 1, Cron: "@daily", Site: "demo-market", CreatedAt: at, LastRun: at, LastScanID: 1}}
	f.mem.scans = []shadowscan.Scan{{ID: 1, Sites: []string{"demo-market"}, State: shadowscan.ScanDone, StartedAt: at, EndedAt: at.Add(time.Hour)}}
	f.mem.mu.Unlock()
	for _, path := range []string{"/", "/queue", "/scans", "/schedules", "/hits/1"} {
		doc := mustDoc(t, f.do("GET", path, ""))
		if doc.Find("main time[datetime]").Length() == 0 {
			t.Errorf("%s shows no <time>", path)
		}
		doc.Find("main time").Remove()
		if plain := shortTime.FindString(doc.Find("main").Text()); plain != "" {
			t.Errorf("%s shows the time %s as plain text, in the server's zone", path, plain)
		}
	}
}
