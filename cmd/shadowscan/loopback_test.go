package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan/store"
)

// TestServeOnLoopbackSaysSo: serve bound to 127.0.0.1, as by default,
// prints no token and its /login page does not claim that other machines
// can reach it (issue 15's two loopback defects, end to end through the
// wiring that decides "loopback" from --addr).
func TestServeOnLoopbackSaysSo(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 2, 0)
	db.Close()
	base, out, stop := startServe(t, dbPath)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("serve listens at %s", base)
	}
	resp, err := http.Get(base + "login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.Contains(string(body), "reachable from other machines") || !strings.Contains(string(body), "needs no login") {
		t.Errorf("/login on 127.0.0.1: %d %s", resp.StatusCode, body)
	}
	stop()
	tok, err := os.ReadFile(dbPath + ".token")
	if err != nil {
		t.Fatalf("the token file: %v", err)
	}
	if s := strings.TrimSpace(string(tok)); len(s) < 16 || strings.Contains(out.String(), s) {
		t.Errorf("serve on loopback printed its token (%d bytes):\n%s", len(s), out.String())
	}
}
