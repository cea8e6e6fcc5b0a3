package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/store/storetest"
	"github.com/shadowscan/shadowscan/web"
)

// freeLoopbackPort returns a port free on 127.0.0.1 a moment ago.
func freeLoopbackPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// pacedDemoRules writes a rules directory whose demo-market rule points
// at base and asks 2 requests at once and 15 ms between them: a
// distributed scan of two queries then runs for several seconds.
func pacedDemoRules(t *testing.T, base string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "rules", "defaults", "sites", demo.SiteName+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "base_url:"):
			lines[i] = "base_url: " + base
		case strings.HasPrefix(l, "politeness:"):
			lines[i] = "politeness: {parallelism: 2, delay: 15ms, respect_robots_txt: true, timeout: 10s, retries: 2}"
		}
	}
	dir := filepath.Join(t.TempDir(), "rules")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, demo.SiteName+".yaml"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// apiCall sends a JSON API request with the token and decodes the answer
// into out (nil: none).
func apiCall(t *testing.T, method, url, token string, body any, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	if out != nil {
		_ = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}

// scansList is GET /api/scans's answer, in part.
type scansList struct {
	Running []web.RunInfo     `json:"running"`
	Scans   []shadowscan.Scan `json:"scans"`
}

// waitOutput waits until the child printed want.
func waitOutput(t *testing.T, c *childProc, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(c.out.String(), want) {
		if c.exited() || time.Now().After(deadline) {
			t.Fatalf("waiting for %q, the child printed:\n%s", want, c.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// fleetMetrics returns the shadowscan_fleet lines of serve's /metrics, on
// one line.
func fleetMetrics(t *testing.T, url, token string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out []string
	for l := range strings.SplitSeq(string(b), "\n") {
		if strings.HasPrefix(l, "shadowscan_fleet") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "; ")
}

// listingsAndHits are a store's listing keys and hits (listing, product,
// category, score), sorted.
func listingsAndHits(t *testing.T, path string) (listings, hits []string) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return storetest.Contents(t, db, demo.SiteName)
}

// TestServeResumesScanAfterKill: `serve --nats embedded` is SIGKILLed in
// the middle of a scan run on a worker, its NATS server with it. Started
// again on the same store, it says it resumes the scan, the worker
// reconnects, and the scan ends done with what a one-process scan of the
// same marketplace stores.
func TestServeResumesScanAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: kills and restarts serve mid-scan")
	}
	market := demo.NewMarket()
	base, err := market.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer market.Close()
	rulesDir := pacedDemoRules(t, base)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "s.db")
	mustImportDemoCatalog(t, dbPath)
	addr := fmt.Sprintf("127.0.0.1:%d", freeLoopbackPort(t))
	natsAddr := fmt.Sprintf("127.0.0.1:%d", freeLoopbackPort(t))
	args := []string{"--db", dbPath, "--rules", rulesDir, "serve", "--addr", addr, "--nats", "embedded", "--nats-listen", natsAddr}
	first := startChild(t, args)
	waitOutput(t, first, "review UI at")

	// A task the killed server had delivered may wait out its AckWait
	// and backoff (30, 60, 120 s here) before it is delivered again.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	wlog := &syncBuffer{}
	gw := &Globals{RulesDir: rulesDir, LogLevel: "info", Stdout: io.Discard, Stderr: wlog, Getenv: func(string) string { return "" }}
	wctx, stopWorker := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = runWorker(wctx, gw, workerOptions{nats: natsOptions{URL: "nats://" + natsAddr}, Sites: []string{demo.SiteName}, Name: "w1"})
	})
	defer func() { stopWorker(); wg.Wait() }()

	tok, err := os.ReadFile(dbPath + web.TokenSuffix)
	if err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(string(tok))
	api := "http://" + addr + "/api/scans"
	queries := []string{"奥罗拉 蛋白粉", "薇丹丝"}
	if code := apiCall(t, http.MethodPost, api, token, map[string]any{"sites": []string{demo.SiteName}, "queries": queries}, nil); code != http.StatusAccepted {
		t.Fatalf("POST /api/scans: %d", code)
	}
	for listings := 0; listings < 30; {
		var l scansList
		apiCall(t, http.MethodGet, api, token, nil, &l)
		if len(l.Running) == 1 {
			listings = l.Running[0].Progress.Listings
		}
		if ctx.Err() != nil || first.exited() {
			t.Fatalf("the scan did not reach 30 listings: %+v\n%s", l, first.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := first.cmd.Process.Kill(); err != nil { // SIGKILL: serve and its NATS server
		t.Fatal(err)
	}
	<-first.done

	second := startChild(t, args)
	restarted := time.Now()
	waitOutput(t, second, "resuming scan 1, left running when serve stopped")
	var done *shadowscan.Scan
	lastState := time.Now()
	for done == nil {
		var l scansList
		apiCall(t, http.MethodGet, api, token, nil, &l)
		if len(l.Running) == 0 && len(l.Scans) > 0 && l.Scans[0].State != shadowscan.ScanRunning {
			done = &l.Scans[0]
		}
		if ctx.Err() != nil || second.exited() {
			t.Fatalf("the resumed scan did not end: %+v\n%s\nworker:\n%s", l, second.out.String(), wlog.String())
		}
		if time.Since(lastState) > 10*time.Second {
			// A slow resume says where it waits: the queue as /metrics
			// shows it, and the scan's progress.
			lastState = time.Now()
			t.Logf("%s after the restart: running %+v; %s", time.Since(restarted).Round(time.Second), l.Running, fleetMetrics(t, "http://"+addr+"/metrics", token))
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("the resumed scan ended %s after the restart", time.Since(restarted).Round(time.Second))
	if done.ID != 1 || done.State != shadowscan.ScanDone {
		t.Fatalf("after the restart: scan %+v; want scan 1 done", done)
	}
	stopWorker()
	wg.Wait()
	if err := second.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	<-second.done

	listings, hits := listingsAndHits(t, dbPath)
	local := filepath.Join(dir, "local.db")
	mustImportDemoCatalog(t, local)
	scanArgs := []string{"--rules", rulesDir, "scan", "--site", demo.SiteName, "--no-revisit"}
	for _, q := range queries {
		scanArgs = append(scanArgs, "--query", q)
	}
	if code, out, errOut := cli(t, local, scanArgs...); code != 0 {
		t.Fatalf("local scan: exit %d\n%s\n%s", code, out, errOut)
	}
	wantListings, wantHits := listingsAndHits(t, local)
	t.Logf("killed and resumed: %d listings, %d hits; one process: %d, %d", len(listings), len(hits), len(wantListings), len(wantHits))
	if !slices.Equal(listings, wantListings) || !slices.Equal(hits, wantHits) {
		t.Errorf("after the kill and restart: %d listings, %d hits; a one-process scan stores %d, %d", len(listings), len(hits), len(wantListings), len(wantHits))
	}
}
