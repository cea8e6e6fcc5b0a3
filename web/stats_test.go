package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// hostileBrand and hostileShop are figures whose names strangers chose.
const (
	hostileBrand = `<img src=x onerror=alert("brand")>`
	hostileShop  = `<script>alert("shop")</script>`
)

// enforcementFixture is two months of figures with hostile names.
func enforcementFixture() *shadowscan.Enforcement {
	fig := func(n ...int) shadowscan.Figures {
		var f shadowscan.Figures
		for i, st := range shadowscan.Stages {
			*f.Stage(st) = shadowscan.Figure{Listings: n[2*i], Shops: n[2*i+1]}
		}
		return f
	}
	oct, nov := fig(40, 9, 12, 4, 10, 3, 0, 0, 0, 0), fig(5, 2, 30, 8, 25, 7, 37, 12, 2, 1)
	return &shadowscan.Enforcement{
		Rows: []shadowscan.EnforcementRow{
			{BrandID: hostileBrand, Site: "demo-market", Month: "2026-10", Figures: oct},
			{BrandID: hostileBrand, Site: "demo-market", Month: "2026-11", Figures: nov},
		},
		Months:   []shadowscan.MonthFigures{{Month: "2026-10", Figures: oct}, {Month: "2026-11", Figures: nov}},
		Totals:   fig(45, 10, 42, 11, 35, 9, 37, 12, 2, 1),
		Removal:  shadowscan.RemovalTime{Listings: 30, MedianHours: 60, P90Hours: 200},
		TopShops: []shadowscan.ShopFigures{{Site: "demo-market", SellerID: "s-1", SellerName: hostileShop, Confirmed: 14, Removed: 11}},
	}
}

// chartFigures reads the stage chart's bars and the funnel from a page:
// month → stage → listings and shops, as the SVG says them.
func chartFigures(t *testing.T, doc *goquery.Document) (map[string]*shadowscan.Figures, shadowscan.Figures) {
	t.Helper()
	atoi := func(s *goquery.Selection, attr string) int {
		v, _ := s.Attr(attr)
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("%s=%q is not a number", attr, v)
		}
		return n
	}
	months := map[string]*shadowscan.Figures{}
	doc.Find("#stages g.bar").Each(func(_ int, s *goquery.Selection) {
		m, _ := s.Attr("data-month")
		st, _ := s.Attr("data-stage")
		if months[m] == nil {
			months[m] = &shadowscan.Figures{}
		}
		f := months[m].Stage(st)
		if f == nil {
			t.Fatalf("bar of unknown stage %q", st)
		}
		f.Listings, f.Shops = atoi(s, "data-listings"), atoi(s, "data-shops")
		if text := s.Find("text.value").Text(); text != strconv.Itoa(f.Listings) {
			t.Errorf("%s %s: bar says %q, data says %d", m, st, text, f.Listings)
		}
		if title := s.Find("title").Text(); !strings.Contains(title, strconv.Itoa(f.Listings)+" listings") {
			t.Errorf("%s %s: title %q", m, st, title)
		}
	})
	var funnel shadowscan.Figures
	doc.Find("#funnel g.step").Each(func(_ int, s *goquery.Selection) {
		st, _ := s.Attr("data-stage")
		*funnel.Stage(st) = shadowscan.Figure{Listings: atoi(s, "data-listings"), Shops: atoi(s, "data-shops")}
	})
	return months, funnel
}

// checkChartsMatch fails unless the page's charts and tables say what e
// says.
func checkChartsMatch(t *testing.T, doc *goquery.Document, e *shadowscan.Enforcement) {
	t.Helper()
	months, funnel := chartFigures(t, doc)
	if len(months) != len(e.Months) {
		t.Errorf("%d months charted, want %d", len(months), len(e.Months))
	}
	for _, m := range e.Months {
		if got := months[m.Month]; got == nil || *got != m.Figures {
			t.Errorf("month %s charted as %+v, want %+v", m.Month, got, m.Figures)
		}
	}
	want := shadowscan.Figures{Confirmed: e.Totals.Confirmed, Reported: e.Totals.Reported, Removed: e.Totals.Removed}
	if funnel != want {
		t.Errorf("funnel %+v, want %+v", funnel, want)
	}
	if e.Removal.Listings > 0 {
		if got := doc.Find("#removal-listings").Text(); got != strconv.Itoa(e.Removal.Listings) {
			t.Errorf("removal listings %q, want %d", got, e.Removal.Listings)
		}
		if got, _ := doc.Find("#removal-median").Attr("data-hours"); got != strconv.Itoa(e.Removal.MedianHours) {
			t.Errorf("removal median %q, want %d", got, e.Removal.MedianHours)
		}
		if got, _ := doc.Find("#removal-p90").Attr("data-hours"); got != strconv.Itoa(e.Removal.P90Hours) {
			t.Errorf("removal p90 %q, want %d", got, e.Removal.P90Hours)
		}
	}
	shops := doc.Find("#top-shops tr.shop")
	if shops.Length() != len(e.TopShops) {
		t.Fatalf("%d top shops shown, want %d", shops.Length(), len(e.TopShops))
	}
	shops.Each(func(i int, s *goquery.Selection) {
		w := e.TopShops[i]
		if s.Find(".seller-id").Text() != w.SellerID || s.Find(".seller-name").Text() != w.SellerName ||
			s.Find(".confirmed").Text() != strconv.Itoa(w.Confirmed) || s.Find(".removed").Text() != strconv.Itoa(w.Removed) {
			t.Errorf("top shop %d: %q, want %+v", i, s.Text(), w)
		}
	})
	if n := doc.Find("#figures tr.row").Length(); n != len(e.Rows) {
		t.Errorf("%d figure rows, want %d", n, len(e.Rows))
	}
}

func TestStatsPage(t *testing.T) {
	f := newFixture(t, Config{})
	e := enforcementFixture()
	var asked shadowscan.EnforcementFilter
	f.st.EnforcementFn = func(_ context.Context, ef shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error) {
		asked = ef
		return e, nil
	}
	resp := f.do("GET", "/stats?brand=aurora&site=demo-market&since=2026-10&until=2026-11", "")
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d\n%s", resp.StatusCode, body)
	}
	month := func(m time.Month) time.Time { return time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC) }
	if want := (shadowscan.EnforcementFilter{BrandID: "aurora", Site: "demo-market", Since: month(10), Until: month(11)}); asked != want {
		t.Errorf("asked the store for %+v, want %+v", asked, want)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	checkChartsMatch(t, doc, e)
	t.Run("escapes what strangers wrote", func(t *testing.T) {
		if doc.Find("script").Length() != 1 || doc.Find("img").Length() != 0 || strings.Contains(body, hostileShop) || strings.Contains(body, hostileBrand) {
			t.Errorf("a hostile name reached the page as markup")
		}
		if !strings.Contains(doc.Find("#figures").Text(), hostileBrand) {
			t.Errorf("the brand id is not shown as text")
		}
	})
	t.Run("in the navigation, printable, no external requests", func(t *testing.T) {
		if doc.Find(`header nav a[href="/stats"].active`).Length() != 1 {
			t.Errorf("no active Enforcement link in the navigation")
		}
		if doc.Find(`link[href="/static/charts.css"]`).Length() != 1 {
			t.Errorf("the chart stylesheet is not linked")
		}
		if strings.Contains(body, "https://") || strings.Contains(body, "//cdn") {
			t.Errorf("the page refers to another host")
		}
	})
}

func TestStatsPageBadMonth(t *testing.T) {
	f := newFixture(t, Config{})
	for _, path := range []string{"/stats?since=last-year", "/api/stats/enforcement?until=2026-13"} {
		resp := f.do("GET", path, "")
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "YYYY-MM") {
			t.Errorf("%s: status %d, want 400 saying YYYY-MM\n%s", path, resp.StatusCode, body)
		}
	}
}

func TestStatsPageEmpty(t *testing.T) {
	f := newFixture(t, Config{})
	resp := f.do("GET", "/stats", "")
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `id="no-figures"`) {
		t.Fatalf("status %d, want 200 saying there are no figures\n%s", resp.StatusCode, body)
	}
}

func TestAPIEnforcement(t *testing.T) {
	f := newFixture(t, Config{})
	e := enforcementFixture()
	f.st.EnforcementFn = func(context.Context, shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error) { return e, nil }
	resp := f.do("GET", "/api/stats/enforcement", "")
	var got shadowscan.Enforcement
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	if !reflect.DeepEqual(&got, e) {
		t.Errorf("got %+v\nwant %+v", got, *e)
	}
}

func TestStatsNeedsSignIn(t *testing.T) {
	f := newFixture(t, Config{Token: testToken, RequireToken: true})
	if resp := f.do("GET", "/stats", ""); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Errorf("/stats without a token: status %d location %q, want the login form", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp := f.do("GET", "/api/stats/enforcement", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("/api/stats/enforcement without a token: status %d, want 401", resp.StatusCode)
	}
	if resp := f.do("GET", "/stats", "", withBearer(testToken)); resp.StatusCode != http.StatusOK {
		t.Errorf("/stats with the token: status %d", resp.StatusCode)
	}
}

func TestWriteReport(t *testing.T) {
	e := enforcementFixture()
	e.Since, e.Until = "2026-11", "2026-11"
	var buf bytes.Buffer
	err := WriteReport(&buf, e, ReportOptions{Month: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), BrandID: hostileBrand, Generated: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Find("#headline").Text(); got != "In November 2026: 12 shops and 37 listings removed" {
		t.Errorf("headline %q", got)
	}
	checkChartsMatch(t, doc, e)
	// A report travels: its time says its zone, in words, not RFC 3339.
	if lead := doc.Find(".lead").Text(); !strings.Contains(lead, "Made 2026-12-01 08:00 UTC by shadowscan") {
		t.Errorf("report lead %q", lead)
	}
	for _, bad := range []string{"http://", "https://", "@import", "url(", hostileShop, hostileBrand} {
		if strings.Contains(out, bad) {
			t.Errorf("the report contains %q", bad)
		}
	}
	if doc.Find("script, img, link, [src], [href]").Length() != 0 || doc.Find("style").Length() != 1 {
		t.Errorf("the report is not standalone: %d script/img/link, %d style", doc.Find("script, img, link").Length(), doc.Find("style").Length())
	}
	if !strings.Contains(doc.Find("#top-shops").Text(), hostileShop) {
		t.Errorf("the hostile seller name is not shown as text")
	}
}

func TestStageChartAxis(t *testing.T) {
	for _, tt := range []struct{ max, top int }{{0, 4}, {1, 4}, {4, 4}, {5, 8}, {37, 40}, {41, 80}, {999, 2000}} {
		e := &shadowscan.Enforcement{Months: []shadowscan.MonthFigures{{Month: "2026-11", Figures: shadowscan.Figures{Flagged: shadowscan.Figure{Listings: tt.max}}}}}
		c := newStageChart(e)
		if got := c.Ticks[len(c.Ticks)-1].Value; got != tt.top || c.Ticks[1].Value*4 != got {
			t.Errorf("max %d: ticks %+v, want 4 equal steps to %d", tt.max, c.Ticks, tt.top)
		}
		if b := c.Bars[0]; b.Y < chartTop || b.Y+b.H != c.Bottom {
			t.Errorf("max %d: bar %+v leaves the plot", tt.max, b)
		}
	}
}

// TestStatsSaysOneShop: a figure of one reads "1 shop", never "1 shops",
// in the funnel and in the bars' titles.
func TestStatsSaysOneShop(t *testing.T) {
	f := newFixture(t, Config{})
	var one shadowscan.Figures
	one.Confirmed = shadowscan.Figure{Listings: 3, Shops: 2}
	one.Reported = shadowscan.Figure{Listings: 1, Shops: 1}
	one.Removed = shadowscan.Figure{Listings: 1, Shops: 1}
	e := &shadowscan.Enforcement{Months: []shadowscan.MonthFigures{{Month: "2026-11", Figures: one}}, Totals: one,
		Rows: []shadowscan.EnforcementRow{{BrandID: "aurora", Site: "demo-market", Month: "2026-11", Figures: one}}}
	f.st.EnforcementFn = func(context.Context, shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error) { return e, nil }
	doc := mustDoc(t, f.do("GET", "/stats", ""))
	body, _ := doc.Html()
	if strings.Contains(body, "1 shops") || strings.Contains(body, "1 listings") {
		t.Errorf("the page says \"1 shops\" or \"1 listings\"")
	}
	step := doc.Find(`#funnel g.step[data-stage="removed"] text.value`).Text()
	if !strings.HasPrefix(step, "1 listing · 1 shop") {
		t.Errorf("funnel step removed reads %q, want 1 listing · 1 shop", step)
	}
	if got := doc.Find(`#funnel g.step[data-stage="confirmed"] text.value`).Text(); !strings.HasPrefix(got, "3 listings · 2 shops") {
		t.Errorf("funnel step confirmed reads %q", got)
	}
	if got := doc.Find(`#stages g.bar[data-stage="reported"] title`).Text(); got != "2026-11 reported: 1 listing, 1 shop" {
		t.Errorf("bar title %q", got)
	}
}

// TestStatsCountNetworks: /stats and /api/stats count the seller networks
// Config.Networks gives, /stats only those with a shop on the site asked
// for; a server that links none shows and answers no network figures.
func TestStatsCountNetworks(t *testing.T) {
	nets := []shadowscan.Network{
		{ID: "n1", Shops: []shadowscan.NetworkShop{{Site: "demo-market", SellerID: "a", Confirmed: 1}, {Site: "jd-mall", SellerID: "b"}}},
		{ID: "n2", Shops: []shadowscan.NetworkShop{{Site: "jd-mall", SellerID: "c"}, {Site: "jd-mall", SellerID: "d"}, {Site: "jd-mall", SellerID: "e"}}},
	}
	f := newFixture(t, Config{Networks: func(context.Context) ([]shadowscan.Network, error) { return nets, nil }})
	f.st.EnforcementFn = func(context.Context, shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error) {
		return enforcementFixture(), nil
	}
	figures := func(path string) map[string]string {
		t.Helper()
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(readBody(t, f.do("GET", path, ""))))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		doc.Find("#networks td.num").Each(func(_ int, s *goquery.Selection) { out[s.AttrOr("id", "")] = s.Text() })
		return out
	}
	if got, want := figures("/stats"), map[string]string{"networks-count": "2", "networks-shops": "5", "networks-confirmed": "1", "networks-confirmed-shops": "2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("/stats network figures %v, want %v", got, want)
	}
	if got := figures("/stats?site=demo-market"); got["networks-count"] != "1" || got["networks-shops"] != "2" {
		t.Errorf("/stats?site=demo-market network figures %v, want the one network with a demo-market shop", got)
	}
	want := shadowscan.NetworkFigures{Networks: 2, Shops: 5, WithConfirmed: 1, ShopsWithConfirmed: 2}
	st := decode[stats](t, f.do("GET", "/api/stats", ""))
	if st.Networks == nil || *st.Networks != want {
		t.Errorf("/api/stats networks = %+v", st.Networks)
	}
	var enf struct {
		Networks *shadowscan.NetworkFigures `json:"networks"`
	}
	if err := json.NewDecoder(f.do("GET", "/api/stats/enforcement", "").Body).Decode(&enf); err != nil || enf.Networks == nil || *enf.Networks != want {
		t.Errorf("/api/stats/enforcement networks = %+v (%v)", enf.Networks, err)
	}

	g := newFixture(t, Config{})
	g.st.EnforcementFn = f.st.EnforcementFn
	if body := readBody(t, g.do("GET", "/stats", "")); strings.Contains(body, `id="networks"`) {
		t.Errorf("/stats shows network figures on a server that links none")
	}
	if body := readBody(t, g.do("GET", "/api/stats", "")); strings.Contains(body, `"networks"`) {
		t.Errorf("/api/stats answers network figures on a server that links none: %s", body)
	}
}
