//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/store"
)

// resumeChildEnv carries the child's command line (JSON) to
// TestResumeChildProcess; without it that test does nothing.
const resumeChildEnv = "SHADOWSCAN_TEST_RESUME_CHILD_ARGS"

// resumeQueries reach about 150 demo listings over a dozen search result
// pages: the killed scan spans several commit batches and search pages.
var resumeQueries = []string{"奥罗拉", "鱼油", "钙片"}

// TestResumeChildProcess is not a test of its own: it is the scan that
// TestScanResumeAfterKill runs in a child process and kills.
func TestResumeChildProcess(t *testing.T) {
	raw := os.Getenv(resumeChildEnv)
	if raw == "" {
		t.Skip("helper process of TestScanResumeAfterKill")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		fmt.Fprintln(os.Stderr, "child: bad args:", err)
		os.Exit(3)
	}
	// As main: an interrupt stops the command gracefully (a test binary
	// started in the background would otherwise inherit SIGINT ignored,
	// and a serve asked to stop would never stop).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, args, strings.NewReader(""), os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// killGate counts every request the marketplace gets, by path, and lets
// the first limit requests of one kind (listing pages, or photos) through;
// later ones of that kind are held until the gate opens. The scan is then
// killed with those held requests in flight, whatever the machine's speed.
type killGate struct {
	next   http.Handler
	prefix string // "/item/" or "/img/"
	limit  int
	open   chan struct{}

	mu       sync.Mutex
	requests map[string]int // every request, held ones included
	served   int            // requests of the kind let through before the gate opened
	waiting  int            // requests of the kind being held
	url      string         // the server's, when a test keeps it
}

func newKillGate(next http.Handler, prefix string, limit int) *killGate {
	return &killGate{next: next, prefix: prefix, limit: limit, open: make(chan struct{}), requests: map[string]int{}}
}

func (g *killGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	g.requests[r.URL.Path]++
	g.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, g.prefix) {
		select {
		case <-g.open:
		default:
			g.mu.Lock()
			if g.served < g.limit {
				g.served++
				g.mu.Unlock()
				break
			}
			g.waiting++
			g.mu.Unlock()
			select {
			case <-g.open:
			case <-r.Context().Done():
				return
			}
		}
	}
	g.next.ServeHTTP(w, r)
}

// state returns how many requests of the kind were let through and how
// many are held.
func (g *killGate) state() (served, held int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.served, g.waiting
}

// counts returns a copy of the request counts and resets them.
func (g *killGate) counts() map[string]int {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := g.requests
	g.requests = map[string]int{}
	return out
}

// requestKind sorts a request path into what the figures count.
func requestKind(path string) string {
	switch {
	case path == "/search":
		return "search"
	case strings.HasPrefix(path, "/item/"):
		return "listing"
	case strings.HasPrefix(path, "/img/"):
		return "photo"
	}
	return "other"
}

// resumeBaseline is an uninterrupted scan of resumeQueries: the requests it
// made, by path, the listings and hits it stored, and its record.
type resumeBaseline struct {
	requests map[string]int
	listings map[string]bool
	hits     map[string]string // listing id -> category and score
	record   shadowscan.Scan
}

func uninterruptedScan(t *testing.T) resumeBaseline {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "baseline.db")
	mustImportDemoCatalog(t, dbPath)
	gate := newKillGate(demo.NewMarket().Handler(), "/item/", 1<<30)
	srv := httptest.NewServer(gate)
	defer srv.Close()
	args := []string{"scan", "--site", demo.SiteName, "--base-url", srv.URL}
	for _, q := range resumeQueries {
		args = append(args, "--query", q)
	}
	mustCLI(t, dbPath, args...)
	db, err := store.Open(dbPath, store.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := resumeBaseline{requests: gate.counts(), listings: storedListings(t, db), hits: storedHits(t, db), record: newestScan(t, db)}
	if b.record.Listings != len(b.listings) || b.record.Hits != len(b.hits) {
		t.Fatalf("the uninterrupted scan's record counts %d listings and %d hits; it stored %d and %d", b.record.Listings, b.record.Hits, len(b.listings), len(b.hits))
	}
	if reach := searchReach(t, srv.URL, resumeQueries); !maps.Equal(reach, b.listings) {
		t.Fatalf("the uninterrupted scan stored %d listings, the queries reach %d", len(b.listings), len(reach))
	}
	return b
}

// storedHits returns each flagged listing's category and score.
func storedHits(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	hits, err := db.Hits(context.Background(), shadowscan.HitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, h := range hits {
		out[h.Listing.ID] = fmt.Sprintf("%s %d", h.Category, h.Score)
	}
	return out
}

// killPoint is where TestScanResumeAfterKill kills the scan: once limit
// requests under prefix were let through and the next is held.
type killPoint struct {
	prefix string
	limit  int
}

// TestScanResumeAfterKill starts a scan with --base-url in a child process
// and kills it (SIGKILL) at several points: before any listing, after a
// few listings, midway through the second and third commit batches, and
// with listing photos in flight. Each time `scan --resume`, without
// --base-url, must say on its first line what it resumes, go on at the
// recorded base URL, and finish with the same listings and hits as an
// uninterrupted scan, having fetched again, of everything the marketplace
// served, at most one commit batch of listing pages plus those in flight,
// with their photos, and only the search pages whose listings were not
// all stored.
func TestScanResumeAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes and crawls the demo marketplace")
	}
	base := uninterruptedScan(t)
	if len(base.listings) <= 2*store.DefaultBatch {
		t.Fatalf("the queries reach %d listings: too few to span several commit batches", len(base.listings))
	}
	points := []killPoint{{"/item/", 0}, {"/item/", 10}, {"/item/", 70}, {"/item/", 130}, {"/img/", 90}}
	most := 0
	for _, kp := range points {
		t.Run(fmt.Sprintf("after %d %s", kp.limit, kp.prefix), func(t *testing.T) {
			n := resumeAfterKill(t, kp, base)
			most = max(most, n)
		})
	}
	t.Logf("kill points tried: %d; most listing pages fetched again: %d (bound: one batch of %d plus %d in flight)", len(points), most, store.DefaultBatch, store.DefaultBuffer+demoInFlight(t))
}

// resumeAfterKill runs one kill point and returns how many listing pages
// were fetched again.
func resumeAfterKill(t *testing.T, kp killPoint, base resumeBaseline) int {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "resume.db")
	mustImportDemoCatalog(t, dbPath)
	gate := newKillGate(demo.NewMarket().Handler(), kp.prefix, kp.limit)
	srv := httptest.NewServer(gate) // 127.0.0.1, a port the demo rule does not name
	var openOnce sync.Once
	openGate := func() { openOnce.Do(func() { close(gate.open) }) }
	t.Cleanup(func() { openGate(); srv.Close() })

	args := []string{"--db", dbPath, "scan", "--site", demo.SiteName, "--base-url", srv.URL}
	for _, q := range resumeQueries {
		args = append(args, "--query", q)
	}
	child := startChild(t, args)
	deadline := time.Now().Add(60 * time.Second)
	for {
		served, held := gate.state()
		if held > 0 && served == kp.limit {
			break
		}
		if child.exited() {
			t.Fatalf("child exited before the kill: %s", child.output())
		}
		if time.Now().After(deadline) {
			t.Fatalf("child did not reach the gate in time (served %d, held %d): %s", served, held, child.output())
		}
		time.Sleep(5 * time.Millisecond)
	}
	child.kill(t) // at once: what the writer had not committed is lost
	_, inFlight := gate.state()
	killed := gate.counts()

	db, err := store.Open(dbPath, store.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatalf("open the store after the kill: %v", err)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatalf("store after the kill: %v", err)
	}
	scan := newestScan(t, db)
	if scan.State != shadowscan.ScanInterrupted || scan.Plan == nil || scan.Plan.Sites[0].BaseURL != srv.URL {
		t.Fatalf("killed scan %d: %s, plan %+v; want interrupted with base URL %s", scan.ID, scan.State, scan.Plan, srv.URL)
	}
	storedBefore := storedListings(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	openGate()
	code, out, errOut := cli(t, dbPath, "scan", "--resume")
	if code != 0 {
		t.Fatalf("scan --resume: exit %d\n%s\n%s", code, out, errOut)
	}
	first, _, _ := strings.Cut(out, "\n")
	if want := fmt.Sprintf("resuming scan %d", scan.ID); !strings.HasPrefix(first, want) || !strings.Contains(first, demo.SiteName+" at "+srv.URL) {
		t.Errorf("first line %q: want %q and the site at %s", first, want, srv.URL)
	}
	resumed := gate.counts()

	db, err = store.Open(dbPath, store.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Check(ctx); err != nil {
		t.Fatalf("store after resume: %v", err)
	}
	sc := newestScan(t, db)
	if sc.ID != scan.ID || sc.State != shadowscan.ScanDone {
		t.Fatalf("after resume the newest scan is %d %s, want %d done", sc.ID, sc.State, scan.ID)
	}
	// The record counts the whole scan, what was stored before the kill
	// included, as the uninterrupted scan's does.
	if sc.Listings != base.record.Listings || sc.Hits != base.record.Hits {
		t.Errorf("the resumed scan's record counts %d listings and %d new hits (%d skipped); the uninterrupted scan's %d and %d",
			sc.Listings, sc.Hits, sc.ListingsSkipped, base.record.Listings, base.record.Hits)
	}
	storedAfter, hitsAfter := storedListings(t, db), storedHits(t, db)
	for id := range storedBefore {
		if !storedAfter[id] {
			t.Errorf("listing %s, stored before the kill, is gone after resume", id)
		}
	}
	if !maps.Equal(storedAfter, base.listings) {
		t.Errorf("after resume %d listings are stored, the uninterrupted scan stored %d", len(storedAfter), len(base.listings))
	}
	if !maps.Equal(hitsAfter, base.hits) {
		t.Errorf("after resume the hits differ from the uninterrupted scan's:\n got %v\nwant %v", hitsAfter, base.hits)
	}
	again := refetched(killed, resumed, base.requests)
	t.Logf("killed with %d %s request(s) in flight after %d let through; %d listings stored by then; fetched again: %d listing page(s), %d search page(s), %d photo(s)",
		inFlight, kp.prefix, kp.limit, len(storedBefore), again["listing"], again["search"], again["photo"])
	// Not committed at the kill: the writer's batch (at most store.DefaultBatch
	// listings), what waits for the writer (at most store.DefaultBuffer) and the
	// listings in flight (crawler.InFlight: pages held at the gate, or
	// fetched with their photos under way).
	inFlightMax := store.DefaultBuffer + demoInFlight(t)
	bound := store.DefaultBatch + inFlightMax
	if again["listing"] > bound {
		t.Errorf("%d listing pages fetched again, over one batch (%d) plus the %d a scan has in flight", again["listing"], store.DefaultBatch, inFlightMax)
	}
	if again["photo"] > 2*again["listing"]+inFlight {
		t.Errorf("%d photos fetched again for %d listing pages fetched again (at most 2 photos each)", again["photo"], again["listing"])
	}
	if maxSearch := len(resumeQueries) + (bound+demo.PageSize-1)/demo.PageSize; again["search"] > maxSearch {
		t.Errorf("%d search pages fetched again, want at most %d: the pages of the listings not stored", again["search"], maxSearch)
	}
	return again["listing"]
}

// demoParallelism is how many listings the demo-market rule lets a crawl
// fetch at once.
// demoInFlight is how many listings a crawl of the demo marketplace has
// in flight at most.
func demoInFlight(t *testing.T) int {
	t.Helper()
	set, err := (&Globals{Getenv: os.Getenv}).Rules()
	if err != nil {
		t.Fatal(err)
	}
	site, err := set.Site(demo.SiteName)
	if err != nil {
		t.Fatal(err)
	}
	return crawler.InFlight(site, false)
}

// refetched sums, by request kind, the requests the killed and resumed
// runs made beyond those of the uninterrupted run.
func refetched(killed, resumed, baseline map[string]int) map[string]int {
	out := map[string]int{}
	seen := map[string]bool{}
	for _, m := range []map[string]int{killed, resumed, baseline} {
		for p := range m {
			seen[p] = true
		}
	}
	for p := range seen {
		if extra := killed[p] + resumed[p] - baseline[p]; extra > 0 {
			out[requestKind(p)] += extra
		}
	}
	return out
}

func newestScan(t *testing.T, db *store.DB) shadowscan.Scan {
	t.Helper()
	scans, err := db.Scans(context.Background(), 1)
	if err != nil || len(scans) == 0 {
		t.Fatalf("scans: %v (%d)", err, len(scans))
	}
	return scans[0]
}

// storedListings returns the ids of the demo listings the store holds.
func storedListings(t *testing.T, db *store.DB) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, l := range demo.Listings() {
		_, err := db.Listing(context.Background(), demo.SiteName, l.ID)
		switch {
		case err == nil:
			out[l.ID] = true
		case shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND:
			t.Fatalf("listing %s: %v", l.ID, err)
		}
	}
	return out
}

// searchReach walks each query's result pages on the marketplace the way
// the demo-market rule says (result links, next-page links, at most its
// max_pages) and returns the listing ids they link to.
func searchReach(t *testing.T, base string, queries []string) map[string]bool {
	t.Helper()
	set, err := (&Globals{Getenv: os.Getenv}).Rules()
	if err != nil {
		t.Fatal(err)
	}
	site, err := set.Site(demo.SiteName)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, q := range queries {
		next := base + "/search?q=" + url.QueryEscape(q) + "&page=1"
		for page := 0; next != "" && page < site.Search.MaxPages; page++ {
			resp, err := http.Get(next)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := goquery.NewDocumentFromReader(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			doc.Find("div.result a.title").Each(func(_ int, s *goquery.Selection) {
				if id, ok := strings.CutPrefix(s.AttrOr("href", ""), "/item/"); ok {
					out[id] = true
				}
			})
			next = ""
			if href, ok := doc.Find("a.next").Attr("href"); ok {
				u, err := url.Parse(base)
				if err != nil {
					t.Fatal(err)
				}
				nu, err := u.Parse(href)
				if err != nil {
					t.Fatal(err)
				}
				next = nu.String()
			}
		}
	}
	return out
}

// childProc is the scan process TestScanResumeAfterKill starts and kills.
type childProc struct {
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{}
	err  error // Wait's result, set before done closes
}

// startChild re-executes the test binary to run TestResumeChildProcess
// with args. The child is killed at cleanup if the test has not.
func startChild(t *testing.T, args []string) *childProc {
	t.Helper()
	raw, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestResumeChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), resumeChildEnv+"="+string(raw))
	out := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	c := &childProc{cmd: cmd, out: out, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		if !c.exited() {
			_ = cmd.Process.Kill() // only the child this test started
			<-c.done
		}
	})
	return c
}

func (c *childProc) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

func (c *childProc) output() string { return c.out.String() }

// kill sends SIGKILL to the child and checks that it died of it.
func (c *childProc) kill(t *testing.T) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill child %d: %v", c.cmd.Process.Pid, err)
	}
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		t.Fatalf("child %d still running 10 s after SIGKILL", c.cmd.Process.Pid)
	}
	var ee *exec.ExitError
	if !errors.As(c.err, &ee) {
		t.Fatalf("child ended with %v before the kill: %s", c.err, c.output())
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, not by the kill: %s", c.err, c.output())
	}
}

// lockedBuffer is a bytes.Buffer safe for the child's two output streams.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// interruptScan runs `scan` in-process against a gated copy of the demo
// marketplace and cancels it (as Ctrl-C does) once limit listing pages
// were let through and the next is held. It returns the gate, still
// closed.
func interruptScan(t *testing.T, dbPath string, limit int, args ...string) *killGate {
	t.Helper()
	gate := newKillGate(demo.NewMarket().Handler(), "/item/", limit)
	srv := httptest.NewServer(gate)
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var out, errOut bytes.Buffer
	full := append([]string{"--db", dbPath}, args...)
	full = append(full, "scan", "--site", demo.SiteName, "--base-url", srv.URL, "--query", resumeQueries[0])
	go func() { done <- run(ctx, full, strings.NewReader(""), &out, &errOut) }()
	for {
		if _, held := gate.state(); held > 0 {
			break
		}
		select {
		case code := <-done:
			t.Fatalf("scan ended (exit %d) before it could be interrupted: %s %s", code, out.String(), errOut.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	cancel()
	if code := <-done; code != 1 || !strings.Contains(out.String(), "interrupted") {
		t.Fatalf("interrupted scan: exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
	gate.url = srv.URL
	return gate
}

// TestResumeChecksRulesAndFlags interrupts a scan started with --rules and
// --base-url, then: a changed site rule, then changed detection rules,
// make `scan --resume` refuse, naming what changed; a flag that differs
// from how the scan was started is a usage error; with the rules as they
// were, the scan resumes at another --base-url (the marketplace moved)
// without fetching again the pages it finished, and says so on its first
// line.
func TestResumeChecksRulesAndFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace")
	}
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join("..", "..", "rules", "defaults", "sites", "demo-market.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	siteFile := filepath.Join(rulesDir, "demo-market.yaml")
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(rulesDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("demo-market.yaml", orig)
	dbPath := filepath.Join(dir, "resume.db")
	mustImportDemoCatalog(t, dbPath)
	gate := interruptScan(t, dbPath, 12, "--rules", rulesDir)
	close(gate.open)
	finished := finishedListings(t, dbPath, 1)
	if len(finished) == 0 {
		t.Fatal("the interrupted scan finished no listing page: nothing to check resume against")
	}

	resume := func(args ...string) (int, string, string) {
		return cli(t, dbPath, append([]string{"--rules", rulesDir, "scan", "--resume"}, args...)...)
	}
	write("demo-market.yaml", bytes.Replace(orig, []byte(`title: "h1.title"`), []byte(`title: "h1"`), 1))
	if code, _, errOut := resume(); code != 1 || !strings.Contains(errOut, "rule of site demo-market changed") || !strings.Contains(errOut, siteFile) {
		t.Errorf("resume with a changed site rule: exit %d, %q; want 1 naming the site and %s", code, errOut, siteFile)
	}
	write("demo-market.yaml", orig)
	write("detection.yaml", []byte("threshold: 61\n"))
	if code, _, errOut := resume(); code != 1 || !strings.Contains(errOut, "detection rules changed") || strings.Contains(errOut, "site demo-market") {
		t.Errorf("resume with changed detection rules: exit %d, %q; want 1 naming the detection rules only", code, errOut)
	}
	if err := os.Remove(filepath.Join(rulesDir, "detection.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{{"--max-pages", "2"}, {"--query", "钙片"}, {"--brand", "aurora"}, {"--site", "example-mall"}, {"--confirm-gone-after", "5m"}} {
		if code, _, errOut := resume(flags...); code != 2 || !strings.Contains(errOut, flags[0]) {
			t.Errorf("resume %v: exit %d, %q; want 2 naming %s", flags, code, errOut, flags[0])
		}
	}

	// The marketplace moved: resume there.
	moved := newKillGate(demo.NewMarket().Handler(), "/item/", 1<<30)
	srv := httptest.NewServer(moved)
	t.Cleanup(srv.Close)
	code, out, errOut := resume("--base-url", srv.URL)
	if code != 0 {
		t.Fatalf("resume at the moved marketplace: exit %d\n%s\n%s", code, out, errOut)
	}
	first, _, _ := strings.Cut(out, "\n")
	if !strings.HasPrefix(first, "resuming scan 1") || !strings.Contains(first, srv.URL+" (started at "+gate.url+")") {
		t.Errorf("first line %q: want the scan, the new address and the one it started at", first)
	}
	counts := moved.counts()
	for _, id := range finished {
		if n := counts["/item/"+id]; n > 0 {
			t.Errorf("listing page %s, finished at the old address, was fetched %d times at the new one", id, n)
		}
	}
	if n := len(finishedListings(t, dbPath, 1)); n != 0 {
		t.Errorf("the finished scan kept %d frontier entries", n)
	}
}

// finishedListings returns the ids of the demo listings that scan id
// marked finished in its frontier.
func finishedListings(t *testing.T, dbPath string, id uint64) []string {
	t.Helper()
	db, err := store.Open(dbPath, store.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, l := range demo.Listings() {
		ok, err := db.Visited(context.Background(), id, demo.SiteName+"\x00/item/"+l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			out = append(out, l.ID)
		}
	}
	return out
}
