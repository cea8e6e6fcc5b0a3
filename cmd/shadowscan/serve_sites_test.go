package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// TestServeSitesPage runs serve on a real store with a stored login and a
// scan that was blocked: the sites page and API show both without the
// cookie, and forgetting the session through the API removes it from the
// store.
func TestServeSitesPage(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 3, 0)
	blocked := &shadowscan.Scan{Sites: []string{"demo-market"}}
	if err := db.StartScan(ctx, blocked); err != nil {
		t.Fatal(err)
	}
	blocked.Listings, blocked.Blocked = 1, []shadowscan.SiteBlocks{{Site: "demo-market", Pages: 2, Why: map[string]int{"captcha": 2}}}
	if err := db.FinishScan(ctx, blocked); err != nil {
		t.Fatal(err)
	}
	expires := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second)
	if _, err := db.SaveSession(ctx, &shadowscan.Session{Site: "demo-market", SavedAt: time.Now().UTC(), Cookies: []shadowscan.Cookie{
		{Name: "sid", Value: "SECRET-SID-VALUE", Domain: "127.0.0.1", Path: "/", Expires: expires}}}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	base, _, stop := startServe(t, dbPath)
	tok, err := os.ReadFile(dbPath + ".token")
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path string) (int, string) {
		req, _ := http.NewRequest(method, base+strings.TrimPrefix(path, "/"), nil)
		req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := do("GET", "/api/sites")
	if code != 200 || strings.Contains(body, "SECRET-SID-VALUE") {
		t.Fatalf("GET /api/sites: %d %s", code, body)
	}
	var got struct {
		Sites []struct {
			Name, Fetch string
			Session     *struct {
				Cookies int
				Expires time.Time
			}
			LastScan *struct {
				ID      uint64
				Blocked *shadowscan.SiteBlocks
			} `json:"last_scan"`
		}
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	var demo = -1
	for i, s := range got.Sites {
		if s.Name == "demo-market" {
			demo = i
		}
	}
	if demo < 0 {
		t.Fatalf("no demo-market in %s", body)
	}
	d := got.Sites[demo]
	if d.Fetch != "plain" || d.Session == nil || d.Session.Cookies != 1 || !d.Session.Expires.Equal(expires) ||
		d.LastScan == nil || d.LastScan.ID != blocked.ID || d.LastScan.Blocked == nil || d.LastScan.Blocked.Pages != 2 {
		t.Errorf("demo-market: %s", body)
	}
	if code, page := do("GET", "/sites"); code != 200 || !strings.Contains(page, `action="/sites/demo-market/session/delete"`) || strings.Contains(page, "SECRET-SID-VALUE") {
		t.Errorf("GET /sites: %d", code)
	}
	if code, body := do("DELETE", "/api/sites/demo-market/session"); code != http.StatusNoContent {
		t.Fatalf("DELETE session: %d %s", code, body)
	}
	stop()

	db, err = store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Session(ctx, "demo-market"); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("the session after DELETE: %v", err)
	}
}
