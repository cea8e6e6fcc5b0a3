package account_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/account"
)

// memStore is an in-memory account.Store.
type memStore struct {
	mu    sync.Mutex
	users map[string]shadowscan.User
}

func (m *memStore) Users(context.Context) ([]shadowscan.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []shadowscan.User
	for _, u := range m.users {
		out = append(out, u)
	}
	return out, nil
}

func (m *memStore) User(_ context.Context, name string) (*shadowscan.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[name]
	if !ok {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "no user %s", name)
	}
	return &u, nil
}

func (m *memStore) PutUser(_ context.Context, u *shadowscan.User, replace bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.users[u.Name]
	if ok && !replace {
		return shadowscan.Errorf(shadowscan.ECONFLICT, "exists")
	}
	if !ok && replace {
		return shadowscan.Errorf(shadowscan.ENOTFOUND, "missing")
	}
	m.users[u.Name] = *u
	return nil
}

func (m *memStore) DeleteUser(_ context.Context, name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.users[name]; !ok {
		return shadowscan.Errorf(shadowscan.ENOTFOUND, "missing")
	}
	delete(m.users, name)
	return nil
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newService(t *testing.T) (*account.Service, *memStore, *clock) {
	t.Helper()
	st := &memStore{users: map[string]shadowscan.User{}}
	c := &clock{t: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	return account.New(st, account.WithBcryptCost(bcrypt.MinCost), account.WithClock(c.now), account.WithSessionTTL(time.Hour)), st, c
}

func TestPasswordsAreHashedAndChecked(t *testing.T) {
	ctx := context.Background()
	svc, st, _ := newService(t)
	if on, _ := svc.Enabled(ctx); on {
		t.Fatal("Enabled with no users")
	}
	u, err := svc.Add(ctx, "alice", shadowscan.RoleAnalyst, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	stored := st.users["alice"]
	if stored.PasswordHash == "" || strings.Contains(stored.PasswordHash, "correct horse") || !strings.HasPrefix(stored.PasswordHash, "$2") {
		t.Fatalf("stored password hash %q: want a bcrypt hash", stored.PasswordHash)
	}
	if u.Role != shadowscan.RoleAnalyst {
		t.Errorf("role %s", u.Role)
	}
	if on, _ := svc.Enabled(ctx); !on {
		t.Error("not Enabled with a user")
	}
	if got, err := svc.Authenticate(ctx, "alice", "correct horse"); err != nil || got.Name != "alice" {
		t.Errorf("right password: %v %v", got, err)
	}
	for _, c := range []struct{ name, pw string }{{"alice", "wrong horse"}, {"alice", ""}, {"mallory", "correct horse"}} {
		_, err := svc.Authenticate(ctx, c.name, c.pw)
		if shadowscan.ErrorCode(err) != shadowscan.EINVALID || err.Error() != "wrong user name or password" {
			t.Errorf("%s/%q: %v, want the same invalid error for every wrong credential", c.name, c.pw, err)
		}
	}
	if list, _ := svc.List(ctx); len(list) != 1 || list[0].PasswordHash != "" {
		t.Errorf("List leaks the hash: %+v", list)
	}
}

func TestAddRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	svc, _, _ := newService(t)
	cases := []struct {
		name, role, pw string
		code           string
	}{
		{"bad name!", "analyst", "password1", shadowscan.EINVALID},
		{"bob", "root", "password1", shadowscan.EINVALID},
		{"bob", "analyst", "short", shadowscan.EINVALID},
		{"bob", "analyst", strings.Repeat("x", 73), shadowscan.EINVALID},
	}
	for _, c := range cases {
		if _, err := svc.Add(ctx, c.name, shadowscan.Role(c.role), c.pw); shadowscan.ErrorCode(err) != c.code {
			t.Errorf("Add(%q, %q, %d bytes): %v, want %s", c.name, c.role, len(c.pw), err, c.code)
		}
	}
	if _, err := svc.Add(ctx, "bob", shadowscan.RoleAdmin, "password1"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Add(ctx, "bob", shadowscan.RoleAdmin, "password2"); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
		t.Errorf("second bob: %v, want conflict", err)
	}
}

func TestSessions(t *testing.T) {
	ctx := context.Background()
	svc, _, clk := newService(t)
	if _, err := svc.Add(ctx, "alice", shadowscan.RoleAnalyst, "correct horse"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.Login(ctx, "alice", "nope nope"); err == nil {
		t.Fatal("login with a wrong password")
	}
	id, u, err := svc.Login(ctx, "alice", "correct horse")
	if err != nil || u.Name != "alice" || len(id) < 40 {
		t.Fatalf("Login: %q %v %v", id, u, err)
	}
	id2, _, _ := svc.Login(ctx, "alice", "correct horse")
	if id2 == id {
		t.Fatal("two logins got the same session id")
	}
	if got, err := svc.SessionUser(ctx, id); err != nil || got.Name != "alice" {
		t.Fatalf("SessionUser: %v %v", got, err)
	}
	// A new role applies to the running session.
	if err := svc.SetRole(ctx, "alice", shadowscan.RoleEnforcement); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.SessionUser(ctx, id); got.Role != shadowscan.RoleEnforcement {
		t.Errorf("role after set-role: %s", got.Role)
	}
	svc.Logout(id)
	if _, err := svc.SessionUser(ctx, id); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("after logout: %v", err)
	}
	if _, err := svc.SessionUser(ctx, "made-up"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("made-up id: %v", err)
	}
	// Expiry.
	clk.t = clk.t.Add(time.Hour)
	if _, err := svc.SessionUser(ctx, id2); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("expired session: %v", err)
	}
	// Removal and a new password end sessions.
	id3, _, _ := svc.Login(ctx, "alice", "correct horse")
	if err := svc.SetPassword(ctx, "alice", "battery staple"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SessionUser(ctx, id3); err == nil {
		t.Error("session survived a new password")
	}
	id4, _, err := svc.Login(ctx, "alice", "battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Remove(ctx, "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SessionUser(ctx, id4); err == nil {
		t.Error("session survived the user's removal")
	}
}

func TestTokens(t *testing.T) {
	ctx := context.Background()
	svc, st, _ := newService(t)
	for _, n := range []string{"alice", "bob"} {
		if _, err := svc.Add(ctx, n, shadowscan.RoleAnalyst, "correct horse"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.IssueToken(ctx, "nobody"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("token for nobody: %v", err)
	}
	tok, err := svc.IssueToken(ctx, "bob")
	if err != nil || !strings.HasPrefix(tok, "sst_") || len(tok) < 40 {
		t.Fatalf("IssueToken: %q %v", tok, err)
	}
	if h := st.users["bob"].TokenHash; h == "" || strings.Contains(h, tok[4:]) {
		t.Errorf("stored token hash %q: want the SHA-256, not the token", h)
	}
	if u, err := svc.TokenUser(ctx, tok); err != nil || u.Name != "bob" {
		t.Fatalf("TokenUser: %v %v", u, err)
	}
	for _, bad := range []string{"", "sst_", tok + "x", strings.TrimPrefix(tok, "sst_")} {
		if _, err := svc.TokenUser(ctx, bad); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
			t.Errorf("TokenUser(%q): %v", bad, err)
		}
	}
	tok2, _ := svc.IssueToken(ctx, "bob")
	if _, err := svc.TokenUser(ctx, tok); err == nil {
		t.Error("the replaced token still works")
	}
	if u, err := svc.TokenUser(ctx, tok2); err != nil || u.Name != "bob" {
		t.Errorf("new token: %v %v", u, err)
	}
}

func TestRolesGate(t *testing.T) {
	cases := []struct {
		role shadowscan.Role
		perm shadowscan.Permission
		want bool
	}{
		{shadowscan.RoleAnalyst, shadowscan.PermTriage, true},
		{shadowscan.RoleAnalyst, shadowscan.PermReport, false},
		{shadowscan.RoleAnalyst, shadowscan.PermExport, false},
		{shadowscan.RoleAnalyst, shadowscan.PermAdmin, false},
		{shadowscan.RoleEnforcement, shadowscan.PermReport, true},
		{shadowscan.RoleEnforcement, shadowscan.PermExport, true},
		{shadowscan.RoleEnforcement, shadowscan.PermAdmin, false},
		{shadowscan.RoleAdmin, shadowscan.PermAdmin, true},
		{"root", shadowscan.PermTriage, false},
	}
	for _, c := range cases {
		if got := c.role.Can(c.perm); got != c.want {
			t.Errorf("%s can %s = %v, want %v", c.role, c.perm, got, c.want)
		}
	}
	if shadowscan.MovePermission(shadowscan.StatusReported) != shadowscan.PermReport || shadowscan.MovePermission(shadowscan.StatusConfirmed) != shadowscan.PermTriage {
		t.Error("MovePermission")
	}
}
