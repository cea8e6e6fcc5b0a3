//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/store"
)

// resumeChildEnv carries the child's command line (JSON) to
// TestResumeChildProcess; without it that test does nothing.
const resumeChildEnv = "SHADOWSCAN_TEST_RESUME_CHILD_ARGS"

// resumeQueries bound the killed scan to a few dozen demo listings, so the
// test is quick even under the race detector while the scan still spans
// several commit batches.
var resumeQueries = []string{"鱼油", "钙片"}

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
	os.Exit(run(context.Background(), args, strings.NewReader(""), os.Stdout, os.Stderr))
}

// itemGate lets the first limit listing pages through and holds every
// later one until opened, so the killed scan has committed some listings
// and is midway through others, whatever the machine's speed.
type itemGate struct {
	next  http.Handler
	limit int
	open  chan struct{}

	mu      sync.Mutex
	served  []string // listing ids let through before the gate opened
	waiting int      // listing page requests being held
}

func (g *itemGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, isItem := strings.CutPrefix(r.URL.Path, "/item/")
	if isItem {
		select {
		case <-g.open:
		default:
			g.mu.Lock()
			if len(g.served) < g.limit {
				g.served = append(g.served, id)
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

// state returns the ids let through and whether a request is held.
func (g *itemGate) state() ([]string, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.served...), g.waiting > 0
}

// TestScanResumeAfterKill kills a scan (SIGKILL, in a child process) in
// the middle of a crawl, then resumes it in-process with `scan --resume`
// and checks that the store survived, that nothing committed was lost or
// fetched again, and that the resumed scan finishes the job.
func TestScanResumeAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process and crawls the demo marketplace")
	}
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "resume.db")
	mustImportDemoCatalog(t, dbPath)

	market := demo.NewMarket()
	gate := &itemGate{next: market.Handler(), limit: 8, open: make(chan struct{})}
	srv := httptest.NewServer(gate) // 127.0.0.1
	var openOnce sync.Once
	openGate := func() { openOnce.Do(func() { close(gate.open) }) }
	t.Cleanup(func() { openGate(); srv.Close() })
	base := srv.URL

	args := []string{"--db", dbPath, "scan", "--site", demo.SiteName, "--base-url", base}
	for _, q := range resumeQueries {
		args = append(args, "--query", q)
	}
	child := startChild(t, args)

	// Wait until the child has fetched the gate's listing pages and their
	// photos and is held on the next page; then give its writer three
	// flush intervals to commit what it has.
	deadline := time.Now().Add(60 * time.Second)
	for {
		served, held := gate.state()
		if held && len(served) == gate.limit && photosRequested(market, served) {
			break
		}
		if child.exited() {
			t.Fatalf("child exited before the kill: %s", child.output())
		}
		if time.Now().After(deadline) {
			t.Fatalf("child did not reach the gate in time (served %v, held %v): %s", served, held, child.output())
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(3 * batchInterval)
	child.kill(t)

	// The store opens after the kill and its invariants hold.
	db, err := store.Open(dbPath, store.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatalf("open the store after the kill: %v", err)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatalf("store after the kill: %v", err)
	}
	scan := newestScan(t, db)
	// The record still says running; the store reports a running scan no
	// live process owns as interrupted.
	if scan.State != shadowscan.ScanInterrupted {
		t.Fatalf("killed scan %d is %s, want interrupted; child output:\n%s", scan.ID, scan.State, child.output())
	}
	storedBefore := storedListings(t, db)
	served, _ := gate.state()
	var visitedBefore []string
	for _, id := range served {
		ok, err := db.Visited(ctx, scan.ID, base+"/item/"+id)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			visitedBefore = append(visitedBefore, id)
			if !storedBefore[id] {
				t.Errorf("listing %s is marked visited but was not stored", id)
			}
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if len(visitedBefore) == 0 {
		t.Fatalf("nothing was committed before the kill (stored %d): the kill came too early to test resume", len(storedBefore))
	}
	countsBefore := map[string]int{}
	for _, id := range served {
		countsBefore[id] = market.Requests("/item/" + id)
	}
	t.Logf("killed scan %d after %d listing pages: %d stored, %d marked visited", scan.ID, len(served), len(storedBefore), len(visitedBefore))

	openGate()
	code, out, errOut := cli(t, dbPath, "scan", "--resume", "--base-url", base)
	if code != 0 {
		t.Fatalf("scan --resume: exit %d\n%s\n%s", code, out, errOut)
	}

	db, err = store.Open(dbPath, store.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Check(ctx); err != nil {
		t.Fatalf("store after resume: %v", err)
	}
	resumed := newestScan(t, db)
	if resumed.ID != scan.ID || resumed.State != shadowscan.ScanDone {
		t.Fatalf("after resume the newest scan is %d %s, want %d done", resumed.ID, resumed.State, scan.ID)
	}
	for _, id := range visitedBefore {
		if n := market.Requests("/item/" + id); n != countsBefore[id] {
			t.Errorf("listing page %s was committed before the kill but fetched again on resume (%d -> %d requests)", id, countsBefore[id], n)
		}
	}
	storedAfter := storedListings(t, db)
	for id := range storedBefore {
		if !storedAfter[id] {
			t.Errorf("listing %s, stored before the kill, is gone after resume", id)
		}
	}
	reach := searchReach(t, base, resumeQueries)
	t.Logf("the queries reach %d listings; %d stored after resume", len(reach), len(storedAfter))
	if len(reach) <= gate.limit {
		t.Fatalf("the queries reach %d listings: too few to interrupt a scan", len(reach))
	}
	var missing []string
	for id := range reach {
		if !storedAfter[id] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("after resume %d of %d listings the search reaches are not stored: %v", len(missing), len(reach), missing)
	}
}

// photosRequested reports whether every photo of the listings ids was
// requested at least once.
func photosRequested(m *demo.Market, ids []string) bool {
	n := map[string]int{}
	for _, l := range demo.Listings() {
		n[l.ID] = len(l.Images)
	}
	for _, id := range ids {
		for i := range n[id] {
			if m.Requests(fmt.Sprintf("/img/%s/%d.jpg", id, i)) == 0 {
				return false
			}
		}
	}
	return true
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
