package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

const testToken = "tok-0123456789abcdef0123456789"

func TestTokenRequiredOffLoopback(t *testing.T) {
	f := newFixture(t, Config{Token: testToken, RequireToken: true})
	t.Run("pages redirect to the login form", func(t *testing.T) {
		resp := f.do("GET", "/queue?status=new", "")
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2Fqueue%3Fstatus%3Dnew" {
			t.Fatalf("status %d location %q", resp.StatusCode, resp.Header.Get("Location"))
		}
	})
	for _, tt := range []struct {
		method, path, body string
		want               int
	}{
		{"GET", "/api/hits", "", 401},
		{"GET", "/api/hits/1", "", 401},
		{"POST", "/api/hits/1/status", `{"status":"confirmed"}`, 401},
		{"POST", "/hits/1/status", "status=confirmed", 401},
		{"GET", "/metrics", "", 401},
		{"GET", "/hits/1/photos/0", "", http.StatusSeeOther},
		{"GET", "/", "", http.StatusSeeOther},
	} {
		t.Run("no token: "+tt.method+" "+tt.path, func(t *testing.T) {
			resp := f.do(tt.method, tt.path, tt.body, withCSRF(f.srv))
			if resp.StatusCode != tt.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
	if f.mem.status(1) != shadowscan.StatusNew {
		t.Fatal("a refused request changed the store")
	}
	t.Run("wrong bearer token is refused", func(t *testing.T) {
		if resp := f.do("GET", "/api/hits", "", withBearer("nope")); resp.StatusCode != 401 {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
	t.Run("bearer token opens the API and exempts from CSRF", func(t *testing.T) {
		if resp := f.do("GET", "/api/hits", "", withBearer(testToken)); resp.StatusCode != 200 {
			t.Errorf("GET status %d", resp.StatusCode)
		}
		resp := f.do("POST", "/api/hits/1/status", `{"status":"escalated"}`, withBearer(testToken))
		if resp.StatusCode != 200 || f.mem.status(1) != shadowscan.StatusEscalated {
			t.Errorf("POST status %d, store %s", resp.StatusCode, f.mem.status(1))
		}
	})
	t.Run("health and login need no token", func(t *testing.T) {
		for _, p := range []string{"/healthz", "/login", "/static/app.css"} {
			if resp := f.do("GET", p, ""); resp.StatusCode != 200 {
				t.Errorf("%s: status %d", p, resp.StatusCode)
			}
		}
	})
	t.Run("login form sets a cookie that opens the pages", func(t *testing.T) {
		form := url.Values{"token": {"wrong"}, "next": {"/queue"}}.Encode()
		if resp := f.do("POST", "/login", form, withCSRF(f.srv)); resp.StatusCode != 401 {
			t.Fatalf("wrong token: status %d", resp.StatusCode)
		}
		form = url.Values{"token": {testToken}, "next": {"//evil.example/x"}}.Encode()
		resp := f.do("POST", "/login", form, withCSRF(f.srv))
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Fatalf("login: status %d location %q (an off-site next must not be followed)", resp.StatusCode, resp.Header.Get("Location"))
		}
		var session *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == sessionCookie {
				session = c
			}
		}
		if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteStrictMode || strings.Contains(session.Value, testToken) {
			t.Fatalf("session cookie %+v", session)
		}
		withSession := func(r *http.Request) { r.AddCookie(session) }
		if resp := f.do("GET", "/queue", "", withSession); resp.StatusCode != 200 {
			t.Errorf("with cookie: status %d", resp.StatusCode)
		}
		// A cookie session is a browser: its POSTs still need CSRF.
		if resp := f.do("POST", "/api/hits/2/status", `{"status":"confirmed"}`, withSession); resp.StatusCode != 403 {
			t.Errorf("cookie POST without CSRF: status %d, want 403", resp.StatusCode)
		}
		if resp := f.do("POST", "/api/hits/2/status", `{"status":"confirmed"}`, withSession, withCSRF(f.srv)); resp.StatusCode != 200 {
			t.Errorf("cookie POST with CSRF: status %d", resp.StatusCode)
		}
	})
	t.Run("login CSRF: the login POST needs the form token too", func(t *testing.T) {
		form := url.Values{"token": {testToken}}.Encode()
		if resp := f.do("POST", "/login", form); resp.StatusCode != 403 {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
}

func TestCSRF(t *testing.T) {
	f := newFixture(t, Config{Token: testToken})
	posts := []struct{ name, path, body string }{
		{"api status", "/api/hits/1/status", `{"status":"confirmed"}`},
		{"form status", "/hits/1/status", "status=confirmed"},
		{"schedule add", "/schedules", "cron=%40daily&site=demo-market"},
		{"api schedule add", "/api/schedules", `{"cron":"@daily","site":"demo-market"}`},
	}
	for _, p := range posts {
		t.Run(p.name+" without token is refused", func(t *testing.T) {
			resp := f.do("POST", p.path, p.body)
			if resp.StatusCode != http.StatusForbidden {
				t.Fatalf("status %d, want 403", resp.StatusCode)
			}
		})
		t.Run(p.name+" with a forged token is refused", func(t *testing.T) {
			forged := func(r *http.Request) {
				r.AddCookie(&http.Cookie{Name: csrfCookie, Value: "attacker-chosen-cookie-value"})
				r.Header.Set(csrfHeader, "attacker-chosen-cookie-value")
			}
			if resp := f.do("POST", p.path, p.body, forged); resp.StatusCode != http.StatusForbidden {
				t.Fatalf("status %d, want 403", resp.StatusCode)
			}
		})
	}
	if f.mem.status(1) != shadowscan.StatusNew || len(f.mem.schedules) != 0 {
		t.Fatal("a refused request changed the store")
	}
	t.Run("a form carrying the page's token is accepted", func(t *testing.T) {
		// Take the token from a rendered page, as a browser would.
		resp := f.do("GET", "/queue", "")
		var cookie *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == csrfCookie {
				cookie = c
			}
		}
		doc := mustDoc(t, resp)
		tok, _ := doc.Find(`meta[name="csrf-token"]`).Attr("content")
		if cookie == nil || tok == "" {
			t.Fatalf("no CSRF cookie (%v) or token (%q)", cookie, tok)
		}
		body := url.Values{"status": {"confirmed"}, csrfField: {tok}}.Encode()
		resp = f.do("POST", "/hits/1/status", body, func(r *http.Request) { r.AddCookie(cookie) })
		if resp.StatusCode != http.StatusSeeOther || f.mem.status(1) != shadowscan.StatusConfirmed {
			t.Fatalf("status %d, store %s", resp.StatusCode, f.mem.status(1))
		}
	})
	t.Run("a cross-origin POST is refused even with a token", func(t *testing.T) {
		resp := f.do("POST", "/api/hits/2/status", `{"status":"confirmed"}`, withCSRF(f.srv), withHeader("Origin", "http://evil.example"))
		if resp.StatusCode != http.StatusForbidden || f.mem.status(2) != shadowscan.StatusNew {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
	t.Run("bearer clients need no CSRF token in loopback mode", func(t *testing.T) {
		resp := f.do("POST", "/api/hits/2/status", `{"status":"dismissed","reason":"duplicate"}`, withBearer(testToken))
		if resp.StatusCode != 200 || f.mem.status(2) != shadowscan.StatusDismissed {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
}

func TestLoopbackModeRefusesForeignHosts(t *testing.T) {
	f := newFixture(t, Config{})
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "evil.example": 403, "evil.example:8080": 403, "10.0.0.5:8080": 403} {
		t.Run(host, func(t *testing.T) {
			resp := f.do("GET", "/api/hits", "", func(r *http.Request) { r.Host = host })
			if resp.StatusCode != want {
				t.Errorf("status %d, want %d", resp.StatusCode, want)
			}
		})
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:1": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.2:8080": false, "[::]:8080": false, "example.com:80": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestNewRefusesRequireTokenWithoutToken(t *testing.T) {
	_, st := newMem()
	if _, err := New(Config{Store: st, RequireToken: true, Token: "short"}); err == nil {
		t.Fatal("New accepted a short token")
	}
}
