package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// mustPasswordFile writes a password file for --password-file.
func mustPasswordFile(t *testing.T, pw string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(p, []byte(pw+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUsersCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	pw := mustPasswordFile(t, "correct horse")

	if code, _, errs := cli(t, db, "init"); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	if code, out, _ := cli(t, db, "users", "list"); code != 0 || !strings.Contains(out, "no users") {
		t.Fatalf("empty list: %d %q", code, out)
	}
	if code, out, errs := cli(t, db, "users", "add", "alice", "--role", "analyst", "--password-file", pw); code != 0 || !strings.Contains(out, "alice added as analyst") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if code, _, _ := cli(t, db, "users", "add", "bob", "--role", "enforcement", "--password-file", pw); code != 0 {
		t.Fatal("add bob")
	}
	// Usage errors exit 2 and say what would be accepted.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"users", "add", "carol", "--password-file", pw}, "--role is required"},
		{[]string{"users", "add", "carol", "--role", "boss", "--password-file", pw}, "analyst, enforcement or admin"},
		{[]string{"users", "add", "Carol!", "--role", "admin", "--password-file", pw}, "not a valid user name"},
		{[]string{"users", "add", "carol", "--role", "admin"}, "--password-file FILE"},
		{[]string{"users", "add", "carol", "--role", "admin", "--password-file", mustPasswordFile(t, "short")}, "too short"},
		{[]string{"users", "set-role", "alice", "boss"}, "analyst, enforcement or admin"},
	} {
		code, _, errs := cli(t, db, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	if code, _, errs := cli(t, db, "users", "add", "alice", "--role", "admin", "--password-file", pw); code != 1 || !strings.Contains(errs, "exists already") {
		t.Errorf("second alice: %d %q", code, errs)
	}
	if code, out, _ := cli(t, db, "users", "set-role", "alice", "admin"); code != 0 || !strings.Contains(out, "alice is now admin") {
		t.Errorf("set-role: %d %q", code, out)
	}
	code, tok, _ := cli(t, db, "users", "token", "bob")
	if code != 0 || !strings.HasPrefix(tok, "sst_") {
		t.Fatalf("token: %d %q", code, tok)
	}
	code, out, _ := cli(t, db, "users", "list", "--json")
	var list []userView
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil {
		t.Fatalf("list --json: %d %q", code, out)
	}
	if len(list) != 2 || list[0].Name != "alice" || list[0].Role != "admin" || list[0].HasToken || list[1].Name != "bob" || !list[1].HasToken {
		t.Errorf("list: %+v", list)
	}
	if strings.Contains(out, "$2") || strings.Contains(out, strings.TrimSpace(tok)) {
		t.Errorf("list shows secrets: %s", out)
	}
	raw, _ := os.ReadFile(db)
	if strings.Contains(string(raw), "correct horse") || strings.Contains(string(raw), strings.TrimSpace(tok)) {
		t.Error("the store holds a password or token in the clear")
	}
	if code, _, _ := cli(t, db, "users", "remove", "alice"); code != 0 {
		t.Error("remove")
	}
	if code, _, errs := cli(t, db, "users", "remove", "alice"); code != 1 || !strings.Contains(errs, "no user alice") {
		t.Errorf("second remove: %d %q", code, errs)
	}
}

func TestPrintAccessShowsTheTokenOnlyWhereNeeded(t *testing.T) {
	base := accessInfo{url: "http://127.0.0.1:8080/", addr: "127.0.0.1:8080", token: "tok-123456789012345", tokenFile: "s.db.token", fresh: true}
	cases := []struct {
		name      string
		loopback  bool
		named     bool
		fresh     bool
		showToken bool
		want      string
	}{
		{"loopback, first start", true, false, true, false, "the token kept in s.db.token"},
		{"elsewhere, first start", false, false, true, true, "every request needs the token"},
		{"elsewhere, later start", false, false, false, false, "every request needs the token"},
		{"named users on loopback", true, true, true, false, "everyone logs in at http://127.0.0.1:8080/login"},
		{"named users elsewhere", false, true, true, false, "HTTPS proxy"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := base
			a.loopback, a.named, a.fresh = c.loopback, c.named, c.fresh
			var b strings.Builder
			printAccess(&b, a)
			if got := strings.Contains(b.String(), a.token); got != c.showToken {
				t.Errorf("token shown %v, want %v: %s", got, c.showToken, b.String())
			}
			if !strings.Contains(b.String(), c.want) {
				t.Errorf("output %q lacks %q", b.String(), c.want)
			}
		})
	}
}

// TestFlagPlaceholdersAreNames keeps help texts readable: pflag shows the
// text between the first pair of backquotes in a flag's usage as its value
// placeholder, so "(see `shadowscan sites list`)" printed
// "--site shadowscan sites list".
func TestFlagPlaceholdersAreNames(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(f)
			if strings.ContainsAny(name, " `") {
				t.Errorf("%s --%s shows the placeholder %q", c.CommandPath(), f.Name, name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCommand(&Globals{Getenv: func(string) string { return "" }}))
}
