package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// hostileSellerName is a shop name a counterfeiter chose.
const hostileSellerName = `<script>alert("shop")</script>`

// enforcementStore writes a store whose hits move through the workflow
// at known times: four listings of three shops flagged on 5 October
// 2026, three confirmed and reported on 20 October, one removed on 2
// November (312 hours after its report) and two on 4 November (360
// hours).
func enforcementStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	now := time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)
	db, err := store.Open(path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var obs []store.Observation
	for i, seller := range []string{"s1", "s1", "s2", "s3"} {
		id := "K" + strconv.Itoa(i+1)
		name := "Shop " + seller
		if seller == "s1" {
			name = hostileSellerName
		}
		l := shadowscan.Listing{Site: "demo-market", ID: id, URL: "http://127.0.0.1:8931/item/" + id, Title: "奥罗拉 蛋白粉 " + id, SellerID: seller, SellerName: name}
		v := shadowscan.Verdict{BrandID: "aurora", Score: 80, Category: shadowscan.CategoryCounterfeit, Flagged: true, Reasons: []shadowscan.Reason{{Signal: "price", Detail: "cheap", Points: 80}}}
		obs = append(obs, store.Observation{Listing: l, Verdict: v})
	}
	out, err := db.Record(ctx, obs)
	if err != nil {
		t.Fatal(err)
	}
	mark := func(at time.Time, to shadowscan.Status, hits ...int) {
		t.Helper()
		now = at
		var ids []uint64
		for _, h := range hits {
			ids = append(ids, out[h].HitID)
		}
		if _, err := db.MarkHits(ctx, ids, shadowscan.StatusChange{To: to, By: "ana"}); err != nil {
			t.Fatal(err)
		}
	}
	oct20 := time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC)
	mark(oct20, shadowscan.StatusConfirmed, 0, 1, 2)
	mark(oct20, shadowscan.StatusReported, 0, 1, 2)
	mark(oct20.Add(312*time.Hour), shadowscan.StatusRemoved, 0)
	mark(oct20.Add(360*time.Hour), shadowscan.StatusRemoved, 1, 2)
	return path
}

// TestStatsPageMatchesCLI reads the same store through `stats --json`,
// /api/stats/enforcement and the SVG of /stats, and wants one set of
// numbers.
func TestStatsPageMatchesCLI(t *testing.T) {
	db := enforcementStore(t)
	cliFigures := mustJSON[shadowscan.Enforcement](t, db, "stats", "--json")
	if cliFigures.Totals.Removed != (shadowscan.Figure{Listings: 3, Shops: 2}) || cliFigures.Removal != (shadowscan.RemovalTime{Listings: 3, MedianHours: 360, P90Hours: 360}) {
		t.Fatalf("stats --json: %+v", cliFigures)
	}
	base, _, _ := startServe(t, db)
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(base + strings.TrimPrefix(path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d\n%s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	var api shadowscan.Enforcement
	if err := json.Unmarshal([]byte(get("/api/stats/enforcement")), &api); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(api, cliFigures) {
		t.Errorf("API\n%+v\nstats --json\n%+v", api, cliFigures)
	}
	page := get("/stats")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	charted := map[string]*shadowscan.Figures{}
	doc.Find("#stages g.bar").Each(func(_ int, s *goquery.Selection) {
		m, _ := s.Attr("data-month")
		st, _ := s.Attr("data-stage")
		if charted[m] == nil {
			charted[m] = &shadowscan.Figures{}
		}
		n, _ := strconv.Atoi(s.Find("text.value").Text())
		shops, _ := s.Attr("data-shops")
		ns, _ := strconv.Atoi(shops)
		*charted[m].Stage(st) = shadowscan.Figure{Listings: n, Shops: ns}
	})
	if len(charted) != len(api.Months) || len(api.Months) != 2 {
		t.Fatalf("%d months charted, API has %d, want 2", len(charted), len(api.Months))
	}
	for _, m := range api.Months {
		if got := charted[m.Month]; got == nil || *got != m.Figures {
			t.Errorf("%s charted %+v, API says %+v", m.Month, got, m.Figures)
		}
	}
	if got := doc.Find(`#funnel g.step[data-stage="removed"] text.value`).Text(); !strings.HasPrefix(got, "3 listings · 2 shops") {
		t.Errorf("funnel removed step says %q", got)
	}
	if strings.Contains(page, hostileSellerName) || !strings.Contains(doc.Find("#top-shops").Text(), hostileSellerName) {
		t.Errorf("the seller name is not escaped text on /stats")
	}
}

func TestReportCommand(t *testing.T) {
	db := enforcementStore(t)
	out := filepath.Join(t.TempDir(), "nov.html")
	stdout := mustCLI(t, db, "report", "--month", "2026-11", "--out", out, "--brand", "aurora")
	if !strings.Contains(stdout, "2 shops and 3 listings removed") {
		t.Errorf("report printed %q", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Find("#headline").Text(); got != "In November 2026: 2 shops and 3 listings removed" {
		t.Errorf("headline %q", got)
	}
	// November alone: the October flags and reports are not in it.
	if n := doc.Find(`#stages g.bar[data-month="2026-10"]`).Length(); n != 0 {
		t.Errorf("%d October bars in the November report", n)
	}
	if got := doc.Find("#removal-median").AttrOr("data-hours", ""); got != "360" {
		t.Errorf("median %q hours, want 360", got)
	}
	if doc.Find("#top-shops tr.shop").First().Find(".seller-name").Text() != hostileSellerName || strings.Contains(html, hostileSellerName) {
		t.Errorf("the hostile seller name is not shown escaped")
	}
	for _, bad := range []string{"http://", "https://", "url("} {
		if strings.Contains(html, bad) {
			t.Errorf("the report refers to %q", bad)
		}
	}
	if doc.Find("script, img, link, [src], [href]").Length() != 0 {
		t.Errorf("the report loads something")
	}
}

func TestReportCommandErrors(t *testing.T) {
	db := enforcementStore(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"bad month", []string{"--month", "Nov-2026", "--out", filepath.Join(dir, "r.html")}, 2, []string{"--month", "YYYY-MM"}},
		{"no month", []string{"--out", filepath.Join(dir, "r.html")}, 2, []string{"--month", "YYYY-MM"}},
		{"no out", []string{"--month", "2026-11"}, 2, []string{"--out"}},
		{"unwritable file", []string{"--month", "2026-11", "--out", filepath.Join(dir, "missing", "r.html")}, 1, []string{"--out", "cannot write"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, db, append([]string{"report"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("error %q does not say %q", errOut, w)
				}
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed reports left %d files", len(entries))
	}
}
