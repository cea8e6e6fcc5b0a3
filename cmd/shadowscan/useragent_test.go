package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan/crawler"
)

// TestRequestsCarryTheBuildsUserAgent: scan and sites test send the
// User-Agent of this build's version (crawler.WithUserAgent, no global).
func TestRequestsCarryTheBuildsUserAgent(t *testing.T) {
	old := version
	version = "9.9.9-test"
	t.Cleanup(func() { version = old })
	want := crawler.DefaultUserAgent("9.9.9-test")

	market := newIdentityMarket()
	var mu sync.Mutex
	agents := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents[r.UserAgent()]++
		mu.Unlock()
		market.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	rulesDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(rulesDir, "codes.yaml"), fmt.Appendf(nil, identityRule, "codes", "  id: \".code\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "ua.db")
	mustImportDemoCatalog(t, db)
	mustCLI(t, db, "--rules", rulesDir, "scan", "--site", "codes", "--base-url", srv.URL, "--query", "cream")
	mustCLI(t, db, "--rules", rulesDir, "sites", "test", "codes", srv.URL+"/p/81002/hand-cream-50ml")

	mu.Lock()
	defer mu.Unlock()
	if len(agents) != 1 || agents[want] < 5 {
		t.Errorf("User-Agents seen %v, want every request to say %q", agents, want)
	}
}
