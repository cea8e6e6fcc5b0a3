package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// fakeUsers is a Users with passwords and tokens in the clear.
type fakeUsers struct {
	mu       sync.Mutex
	users    map[string]shadowscan.User
	pw       map[string]string
	tokens   map[string]string
	sessions map[string]string
	n        int
}

func newFakeUsers() *fakeUsers {
	f := &fakeUsers{users: map[string]shadowscan.User{}, pw: map[string]string{}, tokens: map[string]string{}, sessions: map[string]string{}}
	for _, u := range []struct {
		name string
		role shadowscan.Role
	}{{"alice", shadowscan.RoleAnalyst}, {"bob", shadowscan.RoleEnforcement}, {"root", shadowscan.RoleAdmin}} {
		f.users[u.name] = shadowscan.User{Name: u.name, Role: u.role}
		f.pw[u.name] = u.name + "-password"
		f.tokens["sst_"+u.name] = u.name
	}
	return f
}

func (f *fakeUsers) Enabled(context.Context) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.users) > 0, nil
}

func (f *fakeUsers) Login(_ context.Context, name, pw string) (string, *shadowscan.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[name]
	if !ok || f.pw[name] != pw {
		return "", nil, shadowscan.Errorf(shadowscan.EINVALID, "wrong user name or password")
	}
	f.n++
	id := "session-" + name + "-" + itoa(uint64(f.n))
	f.sessions[id] = name
	return id, &u, nil
}

func (f *fakeUsers) SessionUser(_ context.Context, id string) (*shadowscan.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	name, ok := f.sessions[id]
	u, ok2 := f.users[name]
	if !ok || !ok2 {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "the session has ended")
	}
	return &u, nil
}

func (f *fakeUsers) Logout(id string) { f.mu.Lock(); delete(f.sessions, id); f.mu.Unlock() }

func (f *fakeUsers) TokenUser(_ context.Context, tok string) (*shadowscan.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[f.tokens[tok]]
	if !ok {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "wrong token")
	}
	return &u, nil
}

// login posts the login form and returns the session cookie.
func login(t *testing.T, f *fixture, name, pw string) *http.Cookie {
	t.Helper()
	form := url.Values{"name": {name}, "password": {pw}, "next": {"/queue"}}.Encode()
	resp := f.do("POST", "/login", form, withCSRF(f.srv))
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/queue" {
		t.Fatalf("login %s: status %d %s", name, resp.StatusCode, readBody(t, resp))
	}
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	t.Fatalf("login %s set no session cookie", name)
	return nil
}

func withCookie(c *http.Cookie) reqOpt { return func(r *http.Request) { r.AddCookie(c) } }

func TestNamedUsersNeedALoginOnLoopbackToo(t *testing.T) {
	users := newFakeUsers()
	f := newFixture(t, Config{Users: users, Token: testToken})
	if resp := f.do("GET", "/queue", ""); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
		t.Fatalf("no login: status %d location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp := f.do("GET", "/api/hits", ""); resp.StatusCode != 401 {
		t.Errorf("API without login: %d", resp.StatusCode)
	}
	// The shared serve token no longer opens anything: changes need a name.
	if resp := f.do("GET", "/api/hits", "", withBearer(testToken)); resp.StatusCode != 401 {
		t.Errorf("shared token with named users: %d, want 401", resp.StatusCode)
	}
	doc := mustDoc(t, f.do("GET", "/login", ""))
	if doc.Find(`input[name=name]`).Length() != 1 || doc.Find(`input[name=password]`).Length() != 1 || strings.Contains(doc.Text(), "reachable from other machines") {
		t.Errorf("login form for named users: %s", doc.Find("main").Text())
	}
	form := url.Values{"name": {"alice"}, "password": {"bob-password"}}.Encode()
	if resp := f.do("POST", "/login", form, withCSRF(f.srv)); resp.StatusCode != 401 || !strings.Contains(readBody(t, resp), "Wrong user name or password") {
		t.Errorf("wrong password: %d", resp.StatusCode)
	}
	c := login(t, f, "alice", "alice-password")
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Secure {
		t.Errorf("session cookie on loopback http: %+v (want HttpOnly, SameSite=Strict, not Secure)", c)
	}
	doc = mustDoc(t, f.do("GET", "/queue", "", withCookie(c)))
	if got := strings.TrimSpace(doc.Find("#who").Text()); got != "alice (analyst)" {
		t.Errorf("header names %q", got)
	}
	// Logout ends the session on the server, not just in the browser.
	if resp := f.do("POST", "/logout", "csrf_token=x", withCookie(c), withCSRF(f.srv)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", resp.StatusCode)
	}
	if resp := f.do("GET", "/queue", "", withCookie(c)); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("old cookie after logout: %d", resp.StatusCode)
	}
}

func TestSessionCookieIsSecureOffLoopback(t *testing.T) {
	f := newFixture(t, Config{Users: newFakeUsers(), Token: testToken, RequireToken: true})
	form := url.Values{"name": {"alice"}, "password": {"alice-password"}}.Encode()
	resp := f.do("POST", "/login", form, withCSRF(f.srv), func(r *http.Request) { r.Host = "review.example:8080" })
	var c *http.Cookie
	for _, k := range resp.Cookies() {
		if k.Name == sessionCookie {
			c = k
		}
	}
	if c == nil || !c.Secure || !c.HttpOnly {
		t.Fatalf("cookie off loopback: %+v (status %d)", c, resp.StatusCode)
	}
}

func TestRolesAreCheckedOnTheServer(t *testing.T) {
	users := newFakeUsers()
	exported := ""
	f := newFixture(t, Config{Users: users, Export: func(_ context.Context, w io.Writer, _ shadowscan.HitFilter, by string) error {
		exported = by
		_, err := w.Write([]byte("PK"))
		return err
	}})
	alice := login(t, f, "alice", "alice-password")
	as := func(c *http.Cookie) []reqOpt { return []reqOpt{withCookie(c), withCSRF(f.srv)} }

	// An analyst triages, attributed by name.
	resp := f.do("POST", "/api/hits/2/status", `{"status":"confirmed","note":"fake box"}`, as(alice)...)
	if resp.StatusCode != 200 {
		t.Fatalf("analyst confirms: %d %s", resp.StatusCode, readBody(t, resp))
	}
	h, _ := f.st.Hit(context.Background(), 2)
	if last := h.History[len(h.History)-1]; last.By != "alice" {
		t.Errorf("history by %q, want alice", last.By)
	}
	// ... but may not report, export or manage schedules, whatever the
	// page shows.
	for _, tt := range []struct{ method, path, body string }{
		{"POST", "/api/hits/2/status", `{"status":"reported"}`},
		{"POST", "/hits/2/status", "status=reported"},
		{"POST", "/export", "status=confirmed"},
		{"POST", "/api/schedules", `{"cron":"@daily","site":"demo-market"}`},
		{"POST", "/schedules", "cron=@daily&site=demo-market"},
		{"DELETE", "/api/schedules/1", ""},
		{"GET", "/api/backup", ""},
	} {
		resp := f.do(tt.method, tt.path, tt.body, as(alice)...)
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "alice is analyst and may not") {
			t.Errorf("analyst %s %s: %d %s, want 403 naming the role", tt.method, tt.path, resp.StatusCode, body)
		}
	}
	if f.mem.status(2) != shadowscan.StatusConfirmed || exported != "" {
		t.Fatal("a refused request changed something")
	}
	// An analyst may not record a change in someone else's name.
	if resp := f.do("POST", "/api/hits/4/status", `{"status":"dismissed","reason":"duplicate","by":"bob"}`, as(alice)...); resp.StatusCode != 400 {
		t.Errorf("by another user: %d", resp.StatusCode)
	}
	// The queue and hit page offer an analyst only the moves she may make.
	doc := mustDoc(t, f.do("GET", "/hits/3", "", withCookie(alice)))
	if doc.Find(`input[name=status][value=reported]`).Length() != 0 || !strings.Contains(doc.Find(".actions").Text(), "needs the enforcement or admin role") {
		t.Error("the hit page offers an analyst the report button")
	}
	doc = mustDoc(t, f.do("GET", "/queue", "", withCookie(alice)))
	if doc.Find(`form[action="/export"]`).Length() != 0 {
		t.Error("the queue offers an analyst the export form")
	}

	// Enforcement reports and exports, by name; a token is the same user.
	resp = f.do("POST", "/api/hits/2/status", `{"status":"reported"}`, withBearer("sst_bob"))
	if resp.StatusCode != 200 {
		t.Fatalf("enforcement reports: %d %s", resp.StatusCode, readBody(t, resp))
	}
	h, _ = f.st.Hit(context.Background(), 2)
	if last := h.History[len(h.History)-1]; last.By != "bob" {
		t.Errorf("history by %q, want bob", last.By)
	}
	bob := login(t, f, "bob", "bob-password")
	if resp := f.do("POST", "/export", "status=reported", as(bob)...); resp.StatusCode != 200 || exported != "bob" {
		t.Errorf("enforcement exports: %d, by %q", resp.StatusCode, exported)
	}
	if resp := f.do("POST", "/api/schedules", `{"cron":"@daily","site":"demo-market"}`, as(bob)...); resp.StatusCode != 403 {
		t.Errorf("enforcement adds a schedule: %d", resp.StatusCode)
	}
	root := login(t, f, "root", "root-password")
	if resp := f.do("POST", "/api/schedules", `{"cron":"@daily","site":"demo-market"}`, as(root)...); resp.StatusCode != 201 && resp.StatusCode != 200 {
		t.Errorf("admin adds a schedule: %d %s", resp.StatusCode, readBody(t, resp))
	}
}

func TestLoginPageOnLoopbackSingleUser(t *testing.T) {
	f := newFixture(t, Config{Token: testToken})
	doc := mustDoc(t, f.do("GET", "/login", ""))
	text := doc.Find("main").Text()
	if strings.Contains(text, "reachable from other machines") || !strings.Contains(text, "needs no login") {
		t.Errorf("login page on loopback: %s", text)
	}
	f = newFixture(t, Config{Token: testToken, RequireToken: true})
	if text := mustDoc(t, f.do("GET", "/login", "")).Find("main").Text(); !strings.Contains(text, "reachable from other machines") {
		t.Errorf("login page off loopback: %s", text)
	}
}

func (f *fakeUsers) List(context.Context) ([]shadowscan.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []shadowscan.User
	for _, u := range f.users {
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b shadowscan.User) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func (f *fakeUsers) Add(_ context.Context, name string, role shadowscan.Role, pw string) (*shadowscan.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.users[name]; ok {
		return nil, shadowscan.Errorf(shadowscan.ECONFLICT, "user %s exists already", name)
	}
	if len(pw) < 8 {
		return nil, &shadowscan.FieldError{Field: "password", Msg: "is too short"}
	}
	u := shadowscan.User{Name: name, Role: role}
	f.users[name], f.pw[name] = u, pw
	return &u, nil
}

func (f *fakeUsers) SetRole(_ context.Context, name string, role shadowscan.Role) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[name]
	if !ok {
		return shadowscan.Errorf(shadowscan.ENOTFOUND, "there is no user %s", name)
	}
	u.Role = role
	f.users[name] = u
	return nil
}

func (f *fakeUsers) Remove(_ context.Context, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.users[name]; !ok {
		return shadowscan.Errorf(shadowscan.ENOTFOUND, "there is no user %s", name)
	}
	delete(f.users, name)
	return nil
}

func (f *fakeUsers) IssueToken(_ context.Context, name string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.users[name]; !ok {
		return "", shadowscan.Errorf(shadowscan.ENOTFOUND, "there is no user %s", name)
	}
	f.n++
	tok := "sst_new_" + name + itoa(uint64(f.n))
	f.tokens[tok] = name
	return tok, nil
}

func TestUsersPage(t *testing.T) {
	users := newFakeUsers()
	f := newFixture(t, Config{Users: users})
	root := login(t, f, "root", "root-password")
	alice := login(t, f, "alice", "alice-password")
	as := func(c *http.Cookie) []reqOpt { return []reqOpt{withCookie(c), withCSRF(f.srv)} }

	t.Run("only admins see and use it", func(t *testing.T) {
		if resp := f.do("GET", "/users", "", withCookie(alice)); resp.StatusCode != 403 {
			t.Errorf("analyst GET /users: %d", resp.StatusCode)
		}
		if resp := f.do("POST", "/users", "name=mallory&role=admin&password=password1", as(alice)...); resp.StatusCode != 403 {
			t.Errorf("analyst adds a user: %d", resp.StatusCode)
		}
		if mustDoc(t, f.do("GET", "/queue", "", withCookie(alice))).Find(`nav a[href="/users"]`).Length() != 0 {
			t.Error("analyst's nav links to /users")
		}
		doc := mustDoc(t, f.do("GET", "/users", "", withCookie(root)))
		if doc.Find(`#users tr[data-name]`).Length() != 3 || doc.Find(`nav a[href="/users"]`).Length() != 1 {
			t.Errorf("admin's users page: %s", doc.Find("#users").Text())
		}
		if doc.Find(`form[action="/users/root/remove"]`).Length() != 0 {
			t.Error("the page offers an admin to remove themselves")
		}
	})
	t.Run("add, set role, token, remove", func(t *testing.T) {
		resp := f.do("POST", "/users", "name=dave&role=analyst&password=password1", as(root)...)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add: %d %s", resp.StatusCode, readBody(t, resp))
		}
		if u := users.users["dave"]; u.Role != shadowscan.RoleAnalyst {
			t.Fatalf("dave %+v", u)
		}
		if resp := f.do("POST", "/users", "name=dave&role=analyst&password=password1", as(root)...); resp.StatusCode != 409 {
			t.Errorf("second dave: %d", resp.StatusCode)
		}
		if resp := f.do("POST", "/users", "name=erin&role=boss&password=password1", as(root)...); resp.StatusCode != 400 {
			t.Errorf("bad role: %d", resp.StatusCode)
		}
		if resp := f.do("POST", "/users/dave/role", "role=enforcement", as(root)...); resp.StatusCode != http.StatusSeeOther || users.users["dave"].Role != shadowscan.RoleEnforcement {
			t.Errorf("set role: %d %s", resp.StatusCode, users.users["dave"].Role)
		}
		doc := mustDoc(t, f.do("POST", "/users/dave/token", "x=1", as(root)...))
		tok := doc.Find("#new-token code").Text()
		if !strings.HasPrefix(tok, "sst_new_dave") {
			t.Fatalf("token shown %q", tok)
		}
		if resp := f.do("GET", "/api/hits", "", withBearer(tok)); resp.StatusCode != 200 {
			t.Errorf("the new token: %d", resp.StatusCode)
		}
		if resp := f.do("POST", "/users/dave/remove", "x=1", as(root)...); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("remove: %d", resp.StatusCode)
		}
		if _, ok := users.users["dave"]; ok {
			t.Error("dave was not removed")
		}
	})
	t.Run("an admin cannot lock themselves out", func(t *testing.T) {
		for _, p := range []string{"/users/root/remove", "/users/root/role"} {
			if resp := f.do("POST", p, "role=analyst", as(root)...); resp.StatusCode != 409 {
				t.Errorf("%s on oneself: %d", p, resp.StatusCode)
			}
		}
		if users.users["root"].Role != shadowscan.RoleAdmin {
			t.Error("root lost the admin role")
		}
	})
}
