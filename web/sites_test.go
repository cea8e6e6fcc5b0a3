package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// hostileSite is a site rule whose name and base URL try to break out of
// the page.
var hostileSite = SiteRule{Name: `evil"><script>alert(1)</script>/x?y`, BaseURL: `javascript:alert(1)"><img src=x onerror=alert(2)>`,
	Fetch: FetchBrowser, Parallelism: 1, Delay: "2s", PhotoHosts: []string{`<img src=x onerror=alert(3)>`}}

// sitesFixture serves demo-market (with a stored session and a blocked
// last scan), the hostile site and a stale session of a removed rule.
func sitesFixture(t *testing.T, users Users) *fixture {
	t.Helper()
	f := newFixture(t, Config{Users: users, SiteRules: []SiteRule{
		{Name: "demo-market", BaseURL: "http://127.0.0.1:8931", Fetch: FetchPlain, Parallelism: 2, Delay: "500ms", RandomDelay: "250ms", Robots: true, File: "embedded:demo-market.yaml"},
		hostileSite,
	}})
	soon := time.Now().Add(48 * time.Hour)
	f.mem.sessions["demo-market"] = shadowscan.Session{Site: "demo-market", SavedAt: time.Now().Add(-time.Hour), Cookies: []shadowscan.Cookie{
		{Name: "sid", Value: "s3cret-sid", Domain: "127.0.0.1", Path: "/", Expires: soon},
		{Name: "pref", Value: "s3cret-pref", Domain: "127.0.0.1", Path: "/"},
	}}
	f.mem.sessions["gone-market"] = shadowscan.Session{Site: "gone-market", SavedAt: time.Now(), Cookies: []shadowscan.Cookie{{Name: "a", Value: "s3cret-gone"}}}
	f.mem.scans = append([]shadowscan.Scan{{ID: 7, Sites: []string{"demo-market", "other"}, State: shadowscan.ScanFailed, StartedAt: time.Now(), Listings: 4, Hits: 1,
		Blocked: []shadowscan.SiteBlocks{{Site: "demo-market", Pages: 5, Why: map[string]int{"captcha": 3, "login_wall": 2}, Mostly: true}}}}, f.mem.scans...)
	return f
}

func TestSitesPage(t *testing.T) {
	f := sitesFixture(t, nil)
	resp := f.do("GET", "/sites", "")
	body := readBody(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("GET /sites: %d %s", resp.StatusCode, body)
	}
	if strings.Contains(body, "s3cret") || strings.Contains(body, "sid") {
		t.Error("the sites page shows a cookie")
	}
	doc := mustDocString(t, body)
	if doc.Find(`nav a[href="/sites"].active`).Length() != 1 {
		t.Error("the nav has no active Sites link")
	}
	if n := doc.Find("#sites tr[data-site]").Length(); n != 3 {
		t.Fatalf("%d site rows, want 3 (two rules, one stale session)", n)
	}
	demo := doc.Find(`#sites tr[data-site="demo-market"]`)
	for sel, want := range map[string]string{
		".base-url":    "http://127.0.0.1:8931",
		".fetch":       "plain",
		".politeness":  "2 requests at a time, 500ms apart (+ up to 250ms); robots.txt respected",
		".photo-hosts": "the site's own",
		".session":     "(2 cookies)",
		".last-scan":   "scan 7, failed",
		".blocked":     "5 pages: captcha 3 login wall 2",
	} {
		if got := strings.Join(strings.Fields(demo.Find(sel).Text()), " "); !strings.Contains(got, want) {
			t.Errorf("demo-market %s: %q, want %q", sel, got, want)
		}
	}
	if !strings.Contains(demo.Find(".session").Text(), "first cookie expires") || !strings.Contains(demo.Find(".blocked").Text(), "blocking the crawler") {
		t.Errorf("demo-market session or blocks: %s", demo.Text())
	}
	if got := demo.Find(".last-scan").Text(); !strings.Contains(got, "of the 2 sites it scanned") {
		t.Errorf("last scan does not say it counts two sites: %q", got)
	}
	forget := demo.Find(`form[action="/sites/demo-market/session/delete"]`)
	if forget.Length() != 1 || !strings.Contains(demo.Find("details.forget").Text(), "next scan runs logged out") {
		t.Errorf("single-user mode: no forget form with its warning: %s", demo.Find(".row-actions").Text())
	}
	if got := doc.Find(`#sites tr[data-site="gone-market"] .no-rule`).Text(); !strings.Contains(got, "No rule is loaded") {
		t.Errorf("stale session row: %q", got)
	}
}

func TestSitesPageEscapesHostileRules(t *testing.T) {
	f := sitesFixture(t, nil)
	f.mem.sessions[hostileSite.Name] = shadowscan.Session{Site: hostileSite.Name, SavedAt: time.Now(), Cookies: []shadowscan.Cookie{{Name: "a", Value: "b"}}}
	body := readBody(t, f.do("GET", "/sites", ""))
	for _, raw := range []string{"<script>alert(1)", "<img src=x", `href="javascript:`} {
		if strings.Contains(body, raw) {
			t.Errorf("page carries %q unescaped", raw)
		}
	}
	doc := mustDocString(t, body)
	row := doc.Find("#sites tr[data-site]").FilterFunction(func(_ int, s *goquery.Selection) bool {
		v, _ := s.Attr("data-site")
		return v == hostileSite.Name
	})
	if row.Length() != 1 || row.Find("script, img").Length() != 0 {
		t.Fatalf("hostile row: %d rows, markup %s", row.Length(), row.Text())
	}
	if got := row.Find(".base-url").Text(); got != hostileSite.BaseURL {
		t.Errorf("base URL shown as %q, want the text itself", got)
	}
	// The forget form names the site as one escaped path segment.
	action, _ := row.Find("details.forget form").Attr("action")
	if resp := f.do("POST", action, "x=1", withCSRF(f.srv)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST %s: %d %s", action, resp.StatusCode, readBody(t, resp))
	}
	if _, ok := f.mem.sessions[hostileSite.Name]; ok {
		t.Errorf("POST %s left the hostile site's session", action)
	}
}

func TestSitesAPI(t *testing.T) {
	f := sitesFixture(t, nil)
	resp := f.do("GET", "/api/sites", "")
	body := readBody(t, resp)
	if resp.StatusCode != 200 || strings.Contains(body, "s3cret") || strings.Contains(body, `"sid"`) {
		t.Fatalf("GET /api/sites: %d %s", resp.StatusCode, body)
	}
	var got struct{ Sites []SiteView }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Sites) != 3 || got.Sites[0].Name != "demo-market" || got.Sites[2].Name != "gone-market" || got.Sites[2].Configured {
		t.Fatalf("sites %+v", got.Sites)
	}
	d := got.Sites[0]
	if d.Session == nil || d.Session.Cookies != 2 || d.Session.Expires.IsZero() || d.Session.Expired ||
		d.LastScan == nil || d.LastScan.ID != 7 || d.LastScan.Blocked == nil || d.LastScan.Blocked.Pages != 5 || d.Fetch != FetchPlain || !d.Robots {
		t.Errorf("demo-market %+v session %+v scan %+v", d, d.Session, d.LastScan)
	}
	if h := got.Sites[1]; h.Name != hostileSite.Name || h.Session != nil || h.LastScan != nil || h.Fetch != FetchBrowser {
		t.Errorf("hostile site %+v", h)
	}
}

func TestForgetSiteSessionNeedsAnAdmin(t *testing.T) {
	f := sitesFixture(t, newFakeUsers())
	alice := login(t, f, "alice", "alice-password")
	root := login(t, f, "root", "root-password")
	as := func(c *http.Cookie) []reqOpt { return []reqOpt{withCookie(c), withCSRF(f.srv)} }
	has := func(site string) bool {
		s, _ := f.st.SessionSites(context.Background())
		_, ok := s[site]
		return ok
	}

	doc := mustDoc(t, f.do("GET", "/sites", "", withCookie(alice)))
	if doc.Find("details.forget, form[action$='/session/delete']").Length() != 0 {
		t.Error("the page offers an analyst to forget a session")
	}
	for _, tt := range []struct{ method, path string }{
		{"POST", "/sites/demo-market/session/delete"},
		{"DELETE", "/api/sites/demo-market/session"},
	} {
		resp := f.do(tt.method, tt.path, "x=1", as(alice)...)
		if body := readBody(t, resp); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "alice is analyst and may not") {
			t.Errorf("analyst %s %s: %d %s, want 403", tt.method, tt.path, resp.StatusCode, body)
		}
	}
	if !has("demo-market") {
		t.Fatal("a refused request forgot the session")
	}

	resp := f.do("POST", "/sites/demo-market/session/delete", "x=1", as(root)...)
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || loc == nil || !strings.Contains(loc.Query().Get("done"), "next scan runs logged out") {
		t.Fatalf("admin forgets: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if has("demo-market") {
		t.Error("the session is still stored")
	}
	doc = mustDoc(t, f.do("GET", loc.String(), "", withCookie(root)))
	if !strings.Contains(doc.Find("#sites-done").Text(), "forgot the login session of demo-market") ||
		!strings.Contains(doc.Find(`tr[data-site="demo-market"] .session`).Text(), "none") {
		t.Errorf("after forgetting: %s", doc.Find("main").Text())
	}
	// The API: the stale session by its escaped name, then a 404.
	if resp := f.do("DELETE", "/api/sites/gone-market/session", "", withBearer("sst_root")); resp.StatusCode != http.StatusNoContent || has("gone-market") {
		t.Errorf("admin DELETE: %d", resp.StatusCode)
	}
	if resp := f.do("DELETE", "/api/sites/gone-market/session", "", withBearer("sst_root")); resp.StatusCode != http.StatusNotFound {
		t.Errorf("second DELETE: %d, want 404", resp.StatusCode)
	}
}
