package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// loginWall is a marketplace that shows search and listings only to a
// logged-in session: without a valid sid cookie every page redirects to
// its login page. Each page it shows sets a fresh sid (sessions rotate),
// and revoke makes a value invalid, as a logout elsewhere would.
type loginWall struct {
	next http.Handler

	mu      sync.Mutex
	valid   map[string]bool
	n       int
	sent    []string // every Cookie header received
	rotated string   // the last sid set
}

func (l *loginWall) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/login" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>登录</title></head><body><form method="post"><input name="u"><input type="password" name="p"></form></body></html>`)
		return
	}
	if r.URL.Path == "/robots.txt" {
		http.NotFound(w, r)
		return
	}
	l.mu.Lock()
	l.sent = append(l.sent, r.Header.Get("Cookie"))
	c, err := r.Cookie("sid")
	ok := err == nil && l.valid[c.Value]
	if ok {
		l.n++
		l.rotated = fmt.Sprintf("ROTATED-SESSION-%d-9f8e7d", l.n)
		l.valid[l.rotated] = true
	}
	rotated := l.rotated
	l.mu.Unlock()
	if !ok {
		http.Redirect(w, r, "/login?next="+r.URL.Path, http.StatusFound)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: rotated, Path: "/", HttpOnly: true})
	l.next.ServeHTTP(w, r)
}

func (l *loginWall) revoke(v string) {
	l.mu.Lock()
	delete(l.valid, v)
	l.mu.Unlock()
}

// initialSID is the session a browser logged in with; it must never
// appear in an evidence bundle.
const initialSID = "INITIAL-SESSION-5c4b3a2d1e"

// TestLoginWalledScan scans a marketplace that redirects to a login page
// without a session: the scan reports the site blocked and exits 1;
// after `sites login` with the browser's cookies it stores every listing.
// The session the site rotates is stored back and sent by the next scan,
// and no cookie value reaches an evidence bundle.
func TestLoginWalledScan(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end scans of a test marketplace; run without -short")
	}
	ids := []string{"w1", "w2", "w3", "w4", "w5"}
	wall := &loginWall{next: newFaultMarket(ids), valid: map[string]bool{initialSID: true}}
	srv := httptest.NewServer(wall)
	t.Cleanup(srv.Close)
	db, rulesDir := faultStore(t)
	scanArgs := []string{"--rules", rulesDir, "scan", "--site", "fault-market", "--base-url", srv.URL, "--query", "q"}

	code, out, _ := cli(t, db, scanArgs...)
	if code != 1 || !strings.Contains(out, "login_redirect") || !strings.Contains(out, "blocking the crawler") {
		t.Fatalf("a scan without a session: exit %d, want 1 saying the site is blocked\n%s", code, out)
	}
	if n := len(mustJSON[[]listingRow](t, db, "listings", "list", "--json")); n != 0 {
		t.Fatalf("%d listings stored from login pages", n)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("# Netscape HTTP Cookie File\n127.0.0.1 FALSE / FALSE 0 sid "+initialSID+"\n"), 0o600)
	code, _, errOut := cli(t, db, "--rules", rulesDir, "sites", "login", "fault-market", "--cookies", bad)
	if code != 1 || !strings.Contains(errOut, bad+":2:") || !strings.Contains(errOut, "tab-separated") || strings.Contains(errOut, initialSID) {
		t.Errorf("a cookies.txt with spaces for tabs: exit %d, want 1 naming file and line, never the value\n%s", code, errOut)
	}
	jar := filepath.Join(dir, "cookies.json")
	os.WriteFile(jar, []byte(`[{"domain": "127.0.0.1", "hostOnly": true, "httpOnly": true, "name": "sid", "path": "/", "secure": false, "session": true, "value": "`+initialSID+`"},
 {"domain": ".other.example", "hostOnly": false, "name": "tracker", "path": "/", "value": "OTHER-SITE-SECRET", "session": true}]`), 0o600)
	out = mustCLI(t, db, "--rules", rulesDir, "sites", "login", "fault-market", "--cookies", jar)
	if !strings.Contains(out, "stored 1 cookie(s) for fault-market") || !strings.Contains(out, "1 for other hosts") {
		t.Errorf("sites login says:\n%s", out)
	}
	if fi, _ := os.Stat(db); fi.Mode().Perm() != 0o600 {
		t.Errorf("store mode %s, want 0600", fi.Mode().Perm())
	}
	out = mustCLI(t, db, "--rules", rulesDir, "sites", "list")
	if !strings.Contains(out, "yes (1 cookies") || strings.Contains(out, initialSID) {
		t.Errorf("sites list does not say the session is stored, or shows it:\n%s", out)
	}

	mustCLI(t, db, scanArgs...)
	listings := mustJSON[[]listingRow](t, db, "listings", "list", "--json")
	if len(listings) != len(ids) {
		t.Fatalf("%d listings stored after login, want %d", len(listings), len(ids))
	}
	for _, l := range listings {
		if l.Title == "" || l.Price == "" {
			t.Errorf("listing without its fields: %+v", l)
		}
	}
	wall.mu.Lock()
	for _, c := range wall.sent {
		if strings.Contains(c, "OTHER-SITE-SECRET") {
			t.Errorf("another site's cookie was sent: %q", c)
		}
	}
	last := wall.rotated
	wall.mu.Unlock()

	// The browser's session is revoked: only the rotated one works.
	wall.revoke(initialSID)
	mustCLI(t, db, scanArgs...)

	// Export every hit: no session value may be in the bundle.
	bundle := filepath.Join(dir, "all.wacz")
	mustCLI(t, db, "export", "--out", bundle)
	raw := bundleBytes(t, bundle)
	if !bytes.Contains(raw, []byte("奥罗拉植物蛋白粉")) {
		t.Fatal("the bundle holds no listing page: the check below would prove nothing")
	}
	for _, secret := range []string{initialSID, last, "ROTATED-SESSION-", "OTHER-SITE-SECRET"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the evidence bundle carries the secret %q", secret)
		}
	}
	if !bytes.Contains(raw, []byte("Cookie: "+shadowscan.Redacted)) || !bytes.Contains(raw, []byte("Set-Cookie: "+shadowscan.Redacted)) {
		t.Error("the bundle's WARC records do not show the cookies as redacted")
	}

	mustCLI(t, db, "sites", "logout", "fault-market")
	if out := mustCLI(t, db, "--rules", rulesDir, "sites", "list"); strings.Contains(out, "yes (") {
		t.Errorf("sites list after logout:\n%s", out)
	}
	if code, _, errOut := cli(t, db, "sites", "logout", "fault-market"); code != 1 || !strings.Contains(errOut, "no stored session") {
		t.Errorf("a second logout: exit %d\n%s", code, errOut)
	}
}

// bundleBytes returns the bytes of every file in a WACZ, each gzip file
// (the WARC) decompressed as well: what a grep for a leaked secret must
// search.
func bundleBytes(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	all := bytes.Clone(raw)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
		if strings.HasSuffix(f.Name, ".gz") {
			gz, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			plain, err := io.ReadAll(gz)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			all = append(all, plain...)
		}
	}
	return all
}
