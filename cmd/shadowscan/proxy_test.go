package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestScanThroughProxy scans the fault market through a forward HTTP
// proxy given with --proxy: every request the market gets passed through
// the proxy, and every listing is stored. A proxy URL that is no proxy
// is a usage error, and a rule's bad proxies entry names file and line.
func TestScanThroughProxy(t *testing.T) {
	ids := []string{"p1", "p2", "p3"}
	var direct, proxied atomic.Int64
	market := newFaultMarket(ids)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		direct.Add(1)
		market.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !r.URL.IsAbs() {
			http.Error(w, "not a proxy request", http.StatusBadRequest)
			return
		}
		proxied.Add(1)
		out, _ := http.NewRequestWithContext(r.Context(), r.Method, r.URL.String(), nil)
		out.Header = r.Header.Clone()
		resp, err := http.DefaultTransport.RoundTrip(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, vs := range resp.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	}))
	t.Cleanup(proxy.Close)
	db, rulesDir := faultStore(t)
	mustCLI(t, db, "--rules", rulesDir, "scan", "--site", "fault-market", "--base-url", srv.URL, "--query", "q", "--proxy", proxy.URL)
	if n := len(mustJSON[[]listingRow](t, db, "listings", "list", "--json")); n != len(ids) {
		t.Errorf("%d listings stored through the proxy, want %d", n, len(ids))
	}
	if d, p := direct.Load(), proxied.Load(); d == 0 || d != p {
		t.Errorf("the market got %d requests, the proxy passed %d: want all through the proxy", d, p)
	}

	if code, _, errOut := cli(t, db, "--rules", rulesDir, "scan", "--site", "fault-market", "--proxy", "ftp://x:21"); code != 2 || !strings.Contains(errOut, "socks5") {
		t.Errorf("--proxy ftp://: exit %d, want 2 naming what is accepted\n%s", code, errOut)
	}
	bad := strings.Replace(faultRule, "politeness:", "proxies: [\"http://user:hunter2@10.0.0.5\"]\npoliteness:", 1)
	if err := os.WriteFile(filepath.Join(rulesDir, "fault-market.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, db, "--rules", rulesDir, "sites", "list")
	if code == 0 || !strings.Contains(errOut, "fault-market.yaml:") || !strings.Contains(errOut, "proxies[0]") || !strings.Contains(errOut, "needs a host and a port") || strings.Contains(errOut, "hunter2") {
		t.Errorf("a rule's proxy without a port: exit %d\n%s", code, errOut)
	}
}
