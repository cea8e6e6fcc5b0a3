package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/web"
)

// remoteQueries are the demo queries the remote tests scan: several
// result pages, hits of every kind, a short run.
var remoteQueries = []string{"奥罗拉 蛋白粉", "薇丹丝"}

// holdMarket is the demo marketplace whose listing pages, while hold is
// set, hang until freed, saying so on held; the first listing page asked
// for answers 503 (Retry-After: 0) to its first flaky requests.
type holdMarket struct {
	next    http.Handler
	hold    atomic.Bool
	held    chan string
	release chan struct{}
	once    sync.Once

	flaky     atomic.Int32
	firstItem sync.Once
	flakyPath atomic.Value
}

// free lets the held requests go on.
func (m *holdMarket) free() { m.once.Do(func() { close(m.release) }) }

func (m *holdMarket) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if m.hold.Load() && strings.HasPrefix(r.URL.Path, "/item/") {
		select {
		case m.held <- r.URL.Path:
		default:
		}
		<-m.release
	}
	if strings.HasPrefix(r.URL.Path, "/item/") {
		m.firstItem.Do(func() { m.flakyPath.Store(r.URL.Path) })
		if m.flakyPath.Load() == r.URL.Path && m.flaky.Add(-1) >= 0 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
	}
	m.next.ServeHTTP(w, r)
}

// remoteServe is a serve --nats embedded on the demo catalogue with two
// workers, as a scan --remote client meets it.
type remoteServe struct {
	url, natsURL, db string
	market           *holdMarket
	marketURL        string
}

// startRemoteServe starts serve (its real wiring, serveUntilDone) on a
// loopback port with an embedded NATS server and two workers (w1, w2),
// scanning the demo marketplace, until the test ends.
func startRemoteServe(t *testing.T) *remoteServe {
	t.Helper()
	m := &holdMarket{next: demo.NewMarket().Handler(), held: make(chan string, 1), release: make(chan struct{})}
	m.flaky.Store(3) // the demo rule's retries (2) and the first attempt: one failed task
	srv := httptest.NewServer(m)
	t.Cleanup(func() { m.free(); srv.Close() })
	rs := &remoteServe{db: filepath.Join(t.TempDir(), "serve.db"), market: m, marketURL: srv.URL}
	mustImportDemoCatalog(t, rs.db)

	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	g := &Globals{DBPath: rs.db, Stdout: out, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() {
		done <- serveUntilDone(ctx, g, serveOptions{Addr: "127.0.0.1:0", NATS: natsOptions{URL: natsEmbedded}, NATSListen: "127.0.0.1:0"},
			map[string]string{demo.SiteName: srv.URL})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with %v", err)
		}
		g.close()
	})
	rs.url = waitForOutput(t, out, done, "review UI at ", " ")
	rs.natsURL = waitForOutput(t, out, done, "shadowscan worker --nats ", "`")
	for _, name := range []string{"w1", "w2"} {
		startTestWorker(t, rs.natsURL, name)
	}
	return rs
}

// waitForOutput waits until out holds prefix and returns what follows it up to
// end.
func waitForOutput(t *testing.T, out *syncBuffer, done <-chan error, prefix, end string) string {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		s := out.String()
		if i := strings.Index(s, prefix); i >= 0 {
			rest := s[i+len(prefix):]
			if j := strings.Index(rest, end); j >= 0 {
				return rest[:j]
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped early: %v\n%s", err, s)
		case <-deadline:
			t.Fatalf("serve did not say %q:\n%s", prefix, s)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// startTestWorker runs `shadowscan worker --nats url --name name` on the
// demo site until the test ends.
func startTestWorker(t *testing.T, url, name string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	g := &Globals{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() {
		done <- runWorker(ctx, g, workerOptions{nats: natsOptions{URL: url}, Sites: []string{demo.SiteName}, Name: name})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("worker %s ended with %v", name, err)
		}
	})
}

// remoteCLI runs the command line with env as the environment.
func remoteCLI(ctx context.Context, env map[string]string, args ...string) (code int, stdout, stderr string) {
	out, errb := &syncBuffer{}, &syncBuffer{}
	g := &Globals{Stdin: strings.NewReader(""), Stdout: out, Stderr: errb, Getenv: func(k string) string { return env[k] }}
	code = runWith(ctx, g, args)
	return code, out.String(), errb.String()
}

// hitKeys are review list --json's hits as what two scans of one
// marketplace must agree on: listing, product, category, score.
func hitKeys(t *testing.T, js string) []string {
	t.Helper()
	var hits []shadowscan.HitView
	if err := json.Unmarshal([]byte(js), &hits); err != nil {
		t.Fatalf("review list --json: %v\n%s", err, js)
	}
	keys := make([]string, len(hits))
	for i, h := range hits {
		keys[i] = fmt.Sprintf("%s/%s %s/%s %s %d", h.Listing.Site, h.Listing.ListingID, h.Brand, h.SKU, h.Category, h.Score)
	}
	sort.Strings(keys)
	return keys
}

func scanArgs(db string, extra ...string) []string {
	args := []string{"--db", db, "scan", "--site", demo.SiteName}
	for _, q := range remoteQueries {
		args = append(args, "--query", q)
	}
	return append(args, extra...)
}

// TestRemoteScan: scan --remote runs the scan on a serve --nats with two
// workers, follows it to its end and exits 0; review list --remote then
// reads the same hits a local scan of the marketplace stores. A refused
// token is a clear error, and Ctrl-C cancels the run on serve, which
// records it interrupted and resumable.
func TestRemoteScan(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end distributed scans through serve's API")
	}
	rs := startRemoteServe(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	t.Run("a refused token is named with where it came from", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.token")
		if err := os.WriteFile(bad, []byte("not-the-token-of-this-server\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := remoteCLI(ctx, nil, scanArgs(rs.db, "--remote", rs.url, "--token-file", bad)...)
		if code != exitError || !strings.Contains(errOut, "401") || !strings.Contains(errOut, "refused the token from "+bad) {
			t.Errorf("exit %d, %q; want 1 saying the token from %s was refused", code, errOut, bad)
		}
		code, _, errOut = remoteCLI(ctx, map[string]string{remoteEnvToken: "wrong-wrong-wrong-wrong"}, "--db", rs.db, "review", "list", "--remote", rs.url, "--json")
		if code != exitError || !strings.Contains(errOut, "refused the token from $"+remoteEnvToken) {
			t.Errorf("review list with a wrong $%s: exit %d, %q", remoteEnvToken, code, errOut)
		}
	})

	t.Run("the remote scan stores the hits a local scan stores", func(t *testing.T) {
		code, out, errOut := remoteCLI(ctx, nil, scanArgs(rs.db, "--remote", rs.url)...)
		if code != 0 || !strings.Contains(out, " done in ") || !strings.Contains(errOut, "scan run 1 started on serve at "+rs.url) {
			t.Fatalf("scan --remote: exit %d\n%s\n%s", code, out, errOut)
		}
		local := filepath.Join(t.TempDir(), "local.db")
		mustImportDemoCatalog(t, local)
		if code, out, errOut := remoteCLI(ctx, nil, scanArgs(local, "--base-url", rs.marketURL)...); code != 0 {
			t.Fatalf("local scan: exit %d\n%s\n%s", code, out, errOut)
		}
		_, localJSON, _ := remoteCLI(ctx, nil, "--db", local, "review", "list", "--json")
		code, remoteJSON, errOut := remoteCLI(ctx, nil, "--db", rs.db, "review", "list", "--remote", rs.url, "--json")
		if code != 0 {
			t.Fatalf("review list --remote: exit %d, %s", code, errOut)
		}
		want, got := hitKeys(t, localJSON), hitKeys(t, remoteJSON)
		t.Logf("scan --remote: %s; %d hits, as the local scan", strings.TrimSpace(out), len(got))
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("hits differ:\nremote %v\nlocal  %v", got, want)
		}
	})

	t.Run("metrics and the run show the workers and the redelivered task", func(t *testing.T) {
		c, err := web.NewClient(rs.url, mustReadToken(t, rs.db))
		if err != nil {
			t.Fatal(err)
		}
		run, err := c.Run(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		sc := run.Progress
		tasks := 0
		for name, n := range sc.Workers {
			if name != "w1" && name != "w2" {
				t.Errorf("a task done by %q", name)
			}
			tasks += n
		}
		t.Logf("run 1: tasks by worker %v, redelivered %v", sc.Workers, sc.Redelivered)
		if tasks != sc.Pages || sc.Redelivered[demo.SiteName] != 1 {
			t.Errorf("the workers did %d tasks of %d pages, %v redelivered; want every page by w1 or w2, 1 redelivered (the page that answered 503)", tasks, sc.Pages, sc.Redelivered)
		}
		site := `{site="` + demo.SiteName + `"}`
		waitMetrics(t, rs.url, map[string]float64{"shadowscan_fleet_up": 1, "shadowscan_fleet_workers": 2, "shadowscan_fleet_site_workers" + site: 2,
			"shadowscan_fleet_tasks_in_flight" + site: 0, "shadowscan_fleet_tasks_pending" + site: 0, "shadowscan_fleet_tasks_redelivered" + site: 0,
			"shadowscan_fleet_redeliveries_total" + site: 1, `shadowscan_scans_total{state="done"}`: 1})
		page := mustGet(t, rs.url+"scans")
		if !strings.Contains(page, "<th>Workers</th>") || !strings.Contains(page, fmt.Sprintf("w1 %d", sc.Workers["w1"])) {
			t.Errorf("the scans page does not show the tasks by worker %v", sc.Workers)
		}
	})

	t.Run("Ctrl-C cancels the run on serve", func(t *testing.T) {
		rs.market.hold.Store(true)
		cctx, interrupt := context.WithCancel(ctx)
		var wg sync.WaitGroup
		var code int
		var out, errOut string
		wg.Go(func() { code, out, errOut = remoteCLI(cctx, nil, scanArgs(rs.db, "--remote", rs.url)...) })
		select {
		case <-rs.market.held:
		case <-ctx.Done():
			t.Fatal("no listing page was asked for")
		}
		// The listing pages hang: the site's parallelism of tasks is out,
		// the others wait in the queue.
		site := `{site="` + demo.SiteName + `"}`
		body := waitMetrics(t, rs.url, map[string]float64{"shadowscan_fleet_tasks_in_flight" + site: float64(demoParallelism(t))})
		if n, _ := metricValue(body, "shadowscan_fleet_tasks_pending"+site); n == 0 {
			t.Errorf("no task pending while every slot of the site hangs:\n%s", body)
		}
		interrupt()
		wg.Wait()
		rs.market.free()
		resume := "go on with: shadowscan scan --remote " + rs.url + " --resume --site " + demo.SiteName
		if code != exitError || !strings.Contains(out, " interrupted in ") || !strings.Contains(out, resume) || !strings.Contains(errOut, "interrupted") {
			t.Errorf("interrupted scan --remote: exit %d\n%s\n%s", code, out, errOut)
		}
		c, err := web.NewClient(rs.url, mustReadToken(t, rs.db))
		if err != nil {
			t.Fatal(err)
		}
		run, err := c.Run(ctx, 2)
		if err != nil || run.State != shadowscan.ScanInterrupted || !strings.HasPrefix(run.Err, "cancelled by ") {
			t.Errorf("run 2 on serve: %+v, %v; want interrupted, cancelled", run, err)
		}
	})
}

func mustReadToken(t *testing.T, db string) string {
	t.Helper()
	b, err := os.ReadFile(db + web.TokenSuffix)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// demoParallelism is the demo site's parallelism in the embedded rules.
func demoParallelism(t *testing.T) int {
	t.Helper()
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	site, err := set.Site(demo.SiteName)
	if err != nil {
		t.Fatal(err)
	}
	return site.Politeness.Parallelism
}

func mustGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s, %v", url, resp.Status, err)
	}
	return string(b)
}

// metricValue is the value of the series (name and labels as /metrics
// prints them) in a Prometheus text body.
func metricValue(body, series string) (float64, bool) {
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			var f float64
			if _, err := fmt.Sscan(v, &f); err == nil {
				return f, true
			}
		}
	}
	return 0, false
}

// waitMetrics scrapes serve's /metrics until every series has its value
// (acks and heartbeats reach NATS a moment after the scan's results), for
// at most 20 s, and returns the last body.
func waitMetrics(t *testing.T, base string, want map[string]float64) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		body := mustGet(t, base+"metrics")
		var wrong []string
		for series, v := range want {
			if got, ok := metricValue(body, series); !ok || got != v {
				wrong = append(wrong, fmt.Sprintf("%s = %v (present %v), want %v", series, got, ok, v))
			}
		}
		if len(wrong) == 0 {
			return body
		}
		if time.Now().After(deadline) {
			sort.Strings(wrong)
			t.Fatalf("/metrics:\n%s", strings.Join(wrong, "\n"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
