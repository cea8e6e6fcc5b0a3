package scan

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/store/storetest"
)

// resumePoliteness paces the demo marketplace so that a distributed scan
// of fleetQueries runs for several seconds: long enough to stop its
// coordinator in the middle.
const resumePoliteness = "{parallelism: 2, delay: 15ms, respect_robots_txt: true, timeout: 10s, retries: 2}"

// coordinatorJob is what TestFleetCoordinatorProcess is told to do.
type coordinatorJob struct {
	NATS, Store, Market string
}

// TestFleetCoordinatorProcess is not a test: it is the coordinator
// process TestDistributedCoordinatorKilled starts and kills (the test
// binary run again with SHADOWSCAN_TEST_COORDINATOR set to a
// coordinatorJob). It prints the listings applied as they grow.
func TestFleetCoordinatorProcess(t *testing.T) {
	raw := os.Getenv("SHADOWSCAN_TEST_COORDINATOR")
	if raw == "" {
		t.Skip("the coordinator process of TestDistributedCoordinatorKilled")
	}
	var job coordinatorJob
	if err := json.Unmarshal([]byte(raw), &job); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(job.Store)
	if err != nil {
		t.Fatal(err)
	}
	q, err := fleet.Connect(context.Background(), job.NATS, fleet.ConnectOptions{Name: "coordinator-1"})
	if err != nil {
		t.Fatal(err)
	}
	on := func(e Event) {
		if e.Kind == EventProgress {
			fmt.Printf("listings %d\n", e.Scan.Listings)
		}
	}
	set := rulesWithPoliteness(t, resumePoliteness)
	sc, err := New(db, set).RunDistributed(context.Background(), q, Options{Sites: []string{demo.SiteName}, BaseURL: job.Market, Queries: fleetQueries}, on)
	t.Fatalf("the coordinator was to be killed before its scan ended: %+v, %v", sc, err)
}

// countingMarket is the demo marketplace counting the requests of each
// path.
type countingMarket struct {
	next   http.Handler
	mu     sync.Mutex
	counts map[string]int
}

func (m *countingMarket) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.counts[r.URL.RequestURI()]++
	m.mu.Unlock()
	m.next.ServeHTTP(w, r)
}

// twice returns the listing pages requested more than once.
func (m *countingMarket) twice() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for p, n := range m.counts {
		if n > 1 && strings.HasPrefix(p, "/item/") {
			out = append(out, fmt.Sprintf("%s ×%d", p, n))
		}
	}
	slices.Sort(out)
	return out
}

// TestDistributedCoordinatorKilled: the coordinator process is SIGKILLed
// in the middle of a distributed scan while its workers go on; a new
// coordinator resumes the scan from the store's open tasks and the
// stream's results, fetches no listing page again, and stores what a
// one-process scan stores, each listing and hit once.
func TestDistributedCoordinatorKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice and kills a coordinator process")
	}
	set := rulesWithPoliteness(t, resumePoliteness)
	market := &countingMarket{next: demo.NewMarket().Handler(), counts: map[string]int{}}
	srv := httptest.NewServer(market)
	t.Cleanup(srv.Close)
	url := MustFleet(t)
	startWorkers(t, url, set, 2, "w")
	path := filepath.Join(t.TempDir(), "scan.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	saveDemoCatalog(t, db)
	db.Close()

	job, _ := json.Marshal(coordinatorJob{NATS: url, Store: path, Market: srv.URL})
	first := exec.Command(os.Args[0], "-test.run=^TestFleetCoordinatorProcess$")
	first.Env = append(os.Environ(), "SHADOWSCAN_TEST_COORDINATOR="+string(job))
	out, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Process.Kill(); first.Wait() })
	applied := 0
	for lines := bufio.NewScanner(out); applied < 30 && lines.Scan(); {
		fmt.Sscanf(lines.Text(), "listings %d", &applied)
	}
	if applied < 30 {
		t.Fatalf("the first coordinator stopped after %d listings", applied)
	}
	if err := first.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	first.Wait()
	t.Logf("coordinator process %d killed after applying %d listings", first.Process.Pid, applied)

	db, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var notices []string
	on := func(e Event) {
		if e.Kind == EventNotice || e.Kind == EventResumed {
			notices = append(notices, e.Message)
		}
	}
	sc, err := New(db, set).RunDistributed(ctx, MustFleetConn(t, url, "coordinator-2"), Options{Resume: true}, on)
	if err != nil || sc.State != shadowscan.ScanDone || sc.ID != 1 {
		t.Fatalf("resumed scan: %+v, %v; want scan 1 done", sc, err)
	}
	t.Logf("resumed: %q", notices)
	if dup := market.twice(); len(dup) > 0 {
		t.Errorf("listing pages fetched more than once: %v; the resume started the crawl again", dup)
	}
	listings, hits := storetest.Contents(t, db, demo.SiteName)
	wantListings, wantHits := localScan(t, set, srv.URL)
	if !slices.Equal(listings, wantListings) || !slices.Equal(hits, wantHits) {
		t.Errorf("after the kill and resume: %d listings, %d hits; a one-process scan stores %d, %d\nlistings %v\nwant     %v\nhits %v\nwant %v",
			len(listings), len(hits), len(wantListings), len(wantHits), listings, wantListings, hits, wantHits)
	}
	// The record counts what the killed coordinator applied too: it kept
	// its counts with every batch.
	if sc.Listings != len(listings) || sc.Hits != len(hits) {
		t.Errorf("the resumed scan's record counts %d listings and %d new hits; the store holds %d and %d (%d applied before the kill)",
			sc.Listings, sc.Hits, len(listings), len(hits), applied)
	}
}

// TestDistributedResumeAfterStop: a distributed scan stopped (its
// context cancelled, as serve's shutdown or a cancel from the UI does)
// is interrupted and its tasks leave JetStream; resumed, it publishes
// its open tasks again and stores what a one-process scan stores. A
// scan that ran in one process does not resume distributed.
func TestDistributedResumeAfterStop(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice")
	}
	set := rulesWithPoliteness(t, resumePoliteness)
	base := httptestMarket(t)
	url := MustFleet(t)
	startWorkers(t, url, set, 2, "w")
	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	stopCtx, stop := context.WithCancel(ctx)
	on := func(e Event) {
		if e.Kind == EventProgress && e.Scan.Listings >= 30 {
			stop()
		}
	}
	q := MustFleetConn(t, url, "coordinator")
	sc, _ := New(db, set).RunDistributed(stopCtx, q, Options{Sites: []string{demo.SiteName}, BaseURL: base, Queries: fleetQueries}, on)
	if sc == nil || sc.State != shadowscan.ScanInterrupted {
		t.Fatalf("the stopped scan: %+v; want interrupted", sc)
	}
	open, err := db.OpenWork(ctx, sc.ID)
	if err != nil || len(open) == 0 {
		t.Fatalf("the stopped scan has %d open tasks (%v); want some", len(open), err)
	}
	if pending, err := q.Pending(ctx, sc.ID); err != nil {
		t.Fatal(err)
	} else {
		t.Logf("stopped after %d listings with %d tasks open, %d of them still in nats (results of tasks under way when it stopped)", sc.Listings, len(open), len(pending.Tasks)+len(pending.Results))
	}
	if _, err := New(db, set).Run(ctx, Options{Resume: true}, nil); err == nil || !strings.Contains(err.Error(), "was fetched by workers") {
		t.Errorf("resuming a distributed scan in one process: %v; want it refused", err)
	}
	t0 := time.Now()
	var notices []string
	sc, err = New(db, set).RunDistributed(ctx, q, Options{Resume: true}, func(e Event) {
		if e.Kind == EventNotice {
			notices = append(notices, e.Message)
		}
	})
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("resumed scan: %+v, %v", sc, err)
	}
	t.Logf("resumed in %s: %q", time.Since(t0).Round(time.Millisecond), notices)
	if !slices.ContainsFunc(notices, func(n string) bool {
		return strings.Contains(n, "published again") && !strings.Contains(n, " 0 published again")
	}) {
		t.Errorf("notices %q: want the open tasks published again", notices)
	}
	listings, hits := storetest.Contents(t, db, demo.SiteName)
	wantListings, wantHits := localScan(t, set, base)
	if !slices.Equal(listings, wantListings) || !slices.Equal(hits, wantHits) {
		t.Errorf("after the stop and resume: %d listings, %d hits; a one-process scan stores %d, %d", len(listings), len(hits), len(wantListings), len(wantHits))
	}

	// A one-process scan, interrupted, resumes only in one process.
	local, _ := mustDemoStore(t)
	lctx, lstop := context.WithCancel(ctx)
	lsc, _ := New(local, set).Run(lctx, Options{Sites: []string{demo.SiteName}, BaseURL: base, Queries: fleetQueries}, func(e Event) {
		if e.Kind == EventProgress && e.Scan.Listings >= 5 {
			lstop()
		}
	})
	if lsc == nil || lsc.State != shadowscan.ScanInterrupted {
		t.Fatalf("the stopped local scan: %+v", lsc)
	}
	_, err = New(local, set).RunDistributed(ctx, q, Options{Resume: true}, nil)
	if err == nil || !strings.Contains(err.Error(), "ran in one process") {
		t.Errorf("resuming a one-process scan distributed: %v; want it refused", err)
	}
}

// TestDistributedTasksLostInNATS: the tasks of a running distributed
// scan waiting in JetStream are purged behind the coordinator's back (an
// operator's purge, a server that lost its store); after stallCheck
// without a result the coordinator publishes its open tasks again, and
// the scan stores what a one-process scan stores.
func TestDistributedTasksLostInNATS(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice and waits out a stall")
	}
	set := rulesWithPoliteness(t, resumePoliteness)
	base := httptestMarket(t)
	url := MustFleet(t)
	startWorkers(t, url, set, 2, "w")
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var once sync.Once
	purged := make(chan uint64, 1)
	var notices []string
	on := func(e Event) {
		switch {
		case e.Kind == EventNotice:
			notices = append(notices, e.Message)
		case e.Kind == EventProgress && e.Scan.Listings >= 30:
			once.Do(func() {
				s, err := js.Stream(ctx, fleet.TasksStream)
				if err == nil {
					err = s.Purge(ctx, jetstream.WithPurgeSubject(fmt.Sprintf("shadowscan.task.%s.%d", demo.SiteName, e.Scan.ID)))
				}
				if err != nil {
					t.Error(err)
				}
				info, _ := s.Info(ctx)
				t.Logf("purged the scan's tasks after %d listings; the stream holds %d", e.Scan.Listings, info.State.Msgs)
				purged <- e.Scan.ID
			})
		}
	}
	sc, err := New(db, set).RunDistributed(ctx, MustFleetConn(t, url, "coordinator"), Options{Sites: []string{demo.SiteName}, BaseURL: base, Queries: fleetQueries}, on)
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("distributed scan: %+v, %v", sc, err)
	}
	select {
	case <-purged:
	default:
		t.Fatal("the scan ended before its tasks could be purged")
	}
	if !slices.ContainsFunc(notices, func(n string) bool { return strings.Contains(n, "lost in nats published again") }) {
		t.Errorf("notices %q: want the lost tasks published again", notices)
	}
	listings, hits := storetest.Contents(t, db, demo.SiteName)
	wantListings, wantHits := localScan(t, set, base)
	if !slices.Equal(listings, wantListings) || !slices.Equal(hits, wantHits) {
		t.Errorf("after the purge: %d listings, %d hits; a one-process scan stores %d, %d", len(listings), len(hits), len(wantListings), len(wantHits))
	}
}
