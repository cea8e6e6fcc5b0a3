package scan

import (
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

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/store/storetest"
)

// fleetQueries are the demo queries the distributed tests scan: enough
// for several result pages, listings found by two queries, hits of
// every kind, and a short run.
var fleetQueries = []string{"奥罗拉 蛋白粉", "薇丹丝"}

// MustFleet starts an embedded JetStream server and returns its URL.
func MustFleet(tb testing.TB) string {
	tb.Helper()
	srv, err := fleet.StartEmbedded(tb.TempDir(), "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(srv.Close)
	return srv.URL()
}

// MustFleetConn connects to the server at url.
func MustFleetConn(tb testing.TB, url, name string) *fleet.Conn {
	tb.Helper()
	c, err := fleet.Connect(context.Background(), url, fleet.ConnectOptions{Name: name})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.Close)
	return c
}

// startWorkers starts n in-process workers on the demo site, each with
// its own connection, until the test ends.
func startWorkers(t *testing.T, url string, set *rules.Set, n int, prefix string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range n {
		name := fmt.Sprintf("%s%d", prefix, i+1)
		q := MustFleetConn(t, url, name)
		wg.Go(func() { NewWorker(set, name).Run(ctx, q, []string{demo.SiteName}) })
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// rulesWithPoliteness is the embedded rules with the demo site's
// politeness replaced by pol (a YAML flow map).
func rulesWithPoliteness(t *testing.T, pol string) *rules.Set {
	t.Helper()
	def, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	site, err := def.Site(demo.SiteName)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("..", "rules", "defaults", "sites", demo.SiteName+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "politeness:") {
			lines[i] = "politeness: " + pol
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(site.File)), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// localScan scans the demo marketplace at base in one process and
// returns what it stored.
func localScan(t *testing.T, set *rules.Set, base string) (listings, hits []string) {
	t.Helper()
	return storetest.Contents(t, localStore(t, set, base), demo.SiteName)
}

// localStore scans the demo marketplace at base in one process into a
// new store and returns the store.
func localStore(t *testing.T, set *rules.Set, base string) *store.DB {
	t.Helper()
	db, _ := mustDemoStore(t)
	sc, err := New(db, set).Run(context.Background(), Options{Sites: []string{demo.SiteName}, BaseURL: base, Queries: fleetQueries, NoRevisit: true}, nil)
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("local scan: %+v, %v", sc, err)
	}
	return db
}

// TestDistributedScanMatchesLocal: a scan of the whole demo marketplace
// (the catalogue's own queries, as make demo scans it) by two workers
// through JetStream stores the same listings and the same hits as a scan
// in one process, each listing and hit once.
func TestDistributedScanMatchesLocal(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice")
	}
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	reqs, base := loggedMarket(t, demo.NewMarket().Handler())
	// The catalogue's own queries, as make demo scans.
	o := Options{Sites: []string{demo.SiteName}, BaseURL: base}
	wantListings, wantHits := storetest.Contents(t, localStoreOptions(t, set, o), demo.SiteName)
	localPhotos := photoRequests(reqs.all())
	reqs.reset()

	url := MustFleet(t)
	startWorkers(t, url, set, 2, "w")
	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	sc, err := New(db, set).RunDistributed(ctx, MustFleetConn(t, url, "coordinator"), o, nil)
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("distributed scan: %+v, %v", sc, err)
	}
	listings, hits := storetest.Contents(t, db, demo.SiteName)
	t.Logf("local and distributed: %d listings, %d hits; distributed scan record: %d pages, %d listings, %d new hits, errors %v",
		len(wantListings), len(wantHits), sc.Pages, sc.Listings, sc.Hits, sc.Errors)
	if !slices.Equal(listings, wantListings) {
		t.Errorf("listings differ:\ndistributed %v\nlocal       %v", listings, wantListings)
	}
	if !slices.Equal(hits, wantHits) {
		t.Errorf("hits differ:\ndistributed %v\nlocal       %v", hits, wantHits)
	}
	if sc.Listings != len(wantListings) || sc.Hits != len(wantHits) {
		t.Errorf("the record counts %d listings, %d hits; stored %d, %d", sc.Listings, sc.Hits, len(wantListings), len(wantHits))
	}
	// The workers read the catalogue snapshot and fetch the photos that
	// can change a verdict, as the one-process scan does, and no others.
	photos := photoRequests(reqs.all())
	t.Logf("photos fetched: %d by the one-process scan, %d by the workers", localPhotos, photos)
	if photos != localPhotos || photos == 0 {
		t.Errorf("the workers fetched %d photos; the one-process scan %d", photos, localPhotos)
	}
	// Each capture names the worker that fetched it.
	by := map[string]int{}
	for _, key := range listings {
		site, id, _ := strings.Cut(key, "/")
		caps, err := db.Captures(context.Background(), site, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range caps {
			by[c.FetchedBy]++
		}
	}
	if by[""] > 0 || by["w1"]+by["w2"] == 0 || len(by) > 2 {
		t.Errorf("captures by worker %v; want every one by w1 or w2", by)
	}
}

// request is one request a marketplace served: when it came and when
// the handler was done with it.
type request struct {
	path       string
	start, end time.Time
}

// requestLog wraps a marketplace and records every request.
type requestLog struct {
	mu   sync.Mutex
	reqs []request
	next http.Handler
}

func (l *requestLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	l.next.ServeHTTP(w, r)
	l.mu.Lock()
	l.reqs = append(l.reqs, request{path: r.URL.Path, start: start, end: time.Now()})
	l.mu.Unlock()
}

// loggedMarket serves h on loopback until the test ends, logging every
// request; it returns the log and the base URL.
func loggedMarket(t *testing.T, h http.Handler) (*requestLog, string) {
	t.Helper()
	l := &requestLog{next: h}
	srv := httptest.NewServer(l)
	t.Cleanup(srv.Close)
	return l, srv.URL
}

func (l *requestLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = nil
}

// photoRequests counts the demo marketplace's photo requests in reqs.
func photoRequests(reqs []request) int {
	n := 0
	for _, r := range reqs {
		if strings.HasPrefix(r.path, "/img/") {
			n++
		}
	}
	return n
}

func (l *requestLog) all() []request {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.reqs)
}

// politeness measures a request log: the most requests in flight at once,
// and the most slots of the site taken when a request started, a slot
// being a request in flight or one that ended less than delay-slack
// before. robots.txt is read at the start of a task, in its slot, with
// no delay before the task's page (as a one-process crawl reads it): it
// counts as in flight, not as a slot holder.
func politeness(reqs []request, delay, slack time.Duration) (inFlight, slots int) {
	for _, r := range reqs {
		n, s := 0, 0
		for _, o := range reqs {
			if o.start.After(r.start) || o == r {
				continue
			}
			if o.end.After(r.start) {
				n++
			}
			if o.path != "/robots.txt" && o.end.Add(delay-slack).After(r.start) {
				s++
			}
		}
		inFlight, slots = max(inFlight, n+1), max(slots, s+1)
	}
	return inFlight, slots
}

// TestDistributedPoliteness: four workers on one site with parallelism 2
// and a 150ms delay: the marketplace never has more than 2 requests at
// once, and each request starts at least the delay after the end of the
// request whose slot it took (at most 2 slots held, a slot held from a
// request's start until the delay after its end).
func TestDistributedPoliteness(t *testing.T) {
	if testing.Short() {
		t.Skip("a paced crawl of part of the demo marketplace")
	}
	const parallelism, delay, slack = 2, 150 * time.Millisecond, 5 * time.Millisecond
	set := rulesWithPoliteness(t, fmt.Sprintf("{parallelism: %d, delay: %s, respect_robots_txt: true, timeout: 10s, retries: 2}", parallelism, delay))
	log, base := loggedMarket(t, demo.NewMarket().Handler())
	url := MustFleet(t)
	startWorkers(t, url, set, 4, "w")
	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	start := time.Now()
	sc, err := New(db, set).RunDistributed(ctx, MustFleetConn(t, url, "coordinator"),
		Options{Sites: []string{demo.SiteName}, BaseURL: base, Queries: []string{"奥罗拉 蛋白粉"}, MaxPages: 1}, nil)
	if err != nil || sc.State != shadowscan.ScanDone || sc.Listings == 0 {
		t.Fatalf("distributed scan: %+v, %v", sc, err)
	}
	reqs := log.all()
	inFlight, slots := politeness(reqs, delay, slack)
	took := time.Since(start)
	t.Logf("%d requests (%d listings) in %s by 4 workers: at most %d in flight, at most %d slots held (%.1f requests/s; %d slots a %s delay allow at most %.1f)",
		len(reqs), sc.Listings, took.Round(time.Millisecond), inFlight, slots, float64(len(reqs))/took.Seconds(), parallelism, delay, float64(parallelism)/delay.Seconds())
	if inFlight > parallelism || slots > parallelism {
		t.Errorf("%d requests in flight and %d slots held at once; the site allows %d", inFlight, slots, parallelism)
	}
	// Each slot makes at most one request a delay: the crawl cannot have
	// gone faster than that.
	if floor := time.Duration(len(reqs)/parallelism-1) * delay; took < floor {
		t.Errorf("%d requests in %s: faster than %d slots spaced by %s allow (%s)", len(reqs), took, parallelism, delay, floor)
	}
}

// TestFleetWorkerProcess is not a test: it is the worker process
// TestDistributedWorkerKilled starts and kills (the test binary run again
// with SHADOWSCAN_TEST_FLEET_WORKER set to the NATS URL).
func TestFleetWorkerProcess(t *testing.T) {
	url := os.Getenv("SHADOWSCAN_TEST_FLEET_WORKER")
	if url == "" {
		t.Skip("the worker process of TestDistributedWorkerKilled")
	}
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	q, err := fleet.Connect(context.Background(), url, fleet.ConnectOptions{Name: "victim"})
	if err != nil {
		t.Fatal(err)
	}
	NewWorker(set, "victim").Run(context.Background(), q, []string{demo.SiteName}) // until killed
}

// hangFirstListing is a marketplace whose first listing page request
// hangs until release is closed, after saying so on hung.
type hangFirstListing struct {
	next    http.Handler
	once    sync.Once
	hung    chan string
	release chan struct{}

	mu     sync.Mutex
	counts map[string]int
}

func (h *hangFirstListing) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.counts[r.URL.Path]++
	h.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/item/") {
		first := false
		h.once.Do(func() { first = true })
		if first {
			h.hung <- r.URL.Path
			<-h.release
		}
	}
	h.next.ServeHTTP(w, r)
}

func (h *hangFirstListing) count(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.counts[path]
}

// TestDistributedWorkerKilled: a worker process SIGKILLed while it
// fetches a listing never acks its tasks; they are delivered to the
// workers left, and the scan stores what a one-process scan stores, each
// listing and hit once.
func TestDistributedWorkerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice and kills a worker process")
	}
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	market := &hangFirstListing{next: demo.NewMarket().Handler(), hung: make(chan string, 1), release: make(chan struct{}), counts: map[string]int{}}
	srv := httptest.NewServer(market)
	t.Cleanup(srv.Close)
	url := MustFleet(t)
	victim := exec.Command(os.Args[0], "-test.run=^TestFleetWorkerProcess$")
	victim.Env = append(os.Environ(), "SHADOWSCAN_TEST_FLEET_WORKER="+url)
	if err := victim.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { victim.Process.Kill(); victim.Wait() })

	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	type outcome struct {
		sc  *shadowscan.Scan
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		sc, err := New(db, set, WithAckWait(2*time.Second)).RunDistributed(ctx, MustFleetConn(t, url, "coordinator"),
			Options{Sites: []string{demo.SiteName}, BaseURL: srv.URL, Queries: fleetQueries}, nil)
		done <- outcome{sc, err}
	}()
	var hung string
	select {
	case hung = <-market.hung:
	case <-ctx.Done():
		t.Fatal("the worker process fetched no listing")
	}
	if err := victim.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	victim.Wait()
	close(market.release)
	t.Logf("worker process %d killed while it fetched %s", victim.Process.Pid, hung)
	startWorkers(t, url, set, 2, "survivor")
	res := <-done
	if res.err != nil || res.sc.State != shadowscan.ScanDone {
		t.Fatalf("distributed scan: %+v, %v", res.sc, res.err)
	}
	if n := market.count(hung); n < 2 {
		t.Errorf("%s was requested %d times: its task was not delivered again", hung, n)
	}
	if res.sc.Redelivered[demo.SiteName] < 1 || res.sc.Workers["survivor1"]+res.sc.Workers["survivor2"] == 0 {
		t.Errorf("the scan record counts redeliveries %v and tasks by worker %v: want the killed worker's task redelivered, done by a survivor", res.sc.Redelivered, res.sc.Workers)
	}
	listings, hits := storetest.Contents(t, db, demo.SiteName)
	wantListings, wantHits := localScan(t, set, srv.URL)
	if !slices.Equal(listings, wantListings) || !slices.Equal(hits, wantHits) {
		t.Errorf("after the kill: %d listings, %d hits; a one-process scan stores %d, %d\nlistings %v\nwant     %v\nhits %v\nwant %v",
			len(listings), len(hits), len(wantListings), len(wantHits), listings, wantListings, hits, wantHits)
	}
	if res.sc.Listings != len(wantListings) || res.sc.Hits != len(wantHits) {
		t.Errorf("the scan applied %d listing results and made %d hits; %d listings, %d hits are stored: a result was applied twice",
			res.sc.Listings, res.sc.Hits, len(wantListings), len(wantHits))
	}
}

// throttleOnce answers the first listing page request 429 with a
// Retry-After, and says when it did.
type throttleOnce struct {
	next  http.Handler
	after string
	once  sync.Once
	mu    sync.Mutex
	at    time.Time
	path  string
}

func (h *throttleOnce) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/item/") {
		first := false
		h.once.Do(func() { first = true })
		if first {
			h.mu.Lock()
			h.at, h.path = time.Now(), r.URL.Path
			h.mu.Unlock()
			w.Header().Set("Retry-After", h.after)
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
	}
	h.next.ServeHTTP(w, r)
}

// TestDistributedSharedBackoff: four workers on one site; the site
// answers one of them 429 with Retry-After: 3. Every worker waits it out:
// no page of the site is asked for until the 3 s are over (a task under
// way may still fetch its photos), and the scan stores what a
// one-process scan stores.
func TestDistributedSharedBackoff(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls part of the demo marketplace and waits out a backoff")
	}
	set := rulesWithPoliteness(t, "{parallelism: 4, delay: 0s, respect_robots_txt: true, timeout: 10s, retries: 2}")
	throttle := &throttleOnce{next: demo.NewMarket().Handler(), after: "3"}
	log, base := loggedMarket(t, throttle)
	url := MustFleet(t)
	startWorkers(t, url, set, 4, "w")
	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	o := Options{Sites: []string{demo.SiteName}, BaseURL: base, Queries: fleetQueries[:1], MaxPages: 2}
	sc, err := New(db, set).RunDistributed(ctx, MustFleetConn(t, url, "coordinator"), o, nil)
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("distributed scan: %+v, %v", sc, err)
	}
	throttle.mu.Lock()
	at, path := throttle.at, throttle.path
	throttle.mu.Unlock()
	if at.IsZero() {
		t.Fatal("the marketplace throttled nothing")
	}
	// A worker that had checked the backoff just before it was set may
	// start its page a moment after the 429 (longer on a loaded machine).
	const backoff, grace = 3 * time.Second, 500 * time.Millisecond
	var during, after []string
	for _, r := range log.all() {
		page := strings.HasPrefix(r.path, "/item/") || strings.HasPrefix(r.path, "/search")
		switch {
		case !page || !r.start.After(at):
		case r.start.Before(at.Add(backoff-grace)) && r.start.After(at.Add(grace)):
			during = append(during, fmt.Sprintf("%s at +%s", r.path, r.start.Sub(at).Round(time.Millisecond)))
		default:
			after = append(after, r.path)
		}
	}
	t.Logf("429 on %s; pages asked for during the %s backoff: %d, after it: %d", path, backoff, len(during), len(after))
	if len(during) > 0 {
		t.Errorf("pages asked for while the site was backed off: %v", during)
	}
	if !slices.Contains(after, path) {
		t.Errorf("the throttled page %s was not asked for again after the backoff", path)
	}
	listings, hits := storetest.Contents(t, db, demo.SiteName)
	wantDB := localStoreOptions(t, set, o)
	wantListings, wantHits := storetest.Contents(t, wantDB, demo.SiteName)
	if !slices.Equal(listings, wantListings) || !slices.Equal(hits, wantHits) {
		t.Errorf("with the backoff: %d listings, %d hits; a one-process scan stores %d, %d", len(listings), len(hits), len(wantListings), len(wantHits))
	}
}

// localStoreOptions scans as o says in one process into a new store.
func localStoreOptions(t *testing.T, set *rules.Set, o Options) *store.DB {
	t.Helper()
	db, _ := mustDemoStore(t)
	o.NoRevisit = true
	sc, err := New(db, set).Run(context.Background(), o, nil)
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("local scan: %+v, %v", sc, err)
	}
	return db
}

// TestSnapshotNeedsTheSameDetection: a worker uses a scan's catalogue
// snapshot to skip photos only when it was made with the worker's own
// detection rules; with others (or no snapshot at all) it fetches every
// photo rather than judge photos by other rules.
func TestSnapshotNeedsTheSameDetection(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	url := MustFleet(t)
	q := MustFleetConn(t, url, "coordinator")
	cat := &shadowscan.Catalog{Brands: []shadowscan.Brand{{ID: "acme", Name: "Acme"}}}
	det, err := detectionDigest(set.Detection)
	if err != nil {
		t.Fatal(err)
	}
	same, err := catalogSnapshot(cat, det.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	other, err := json.Marshal(snapshot{Catalog: cat, Detection: "other rules"})
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorker(set, "w1")
	w.q = MustFleetConn(t, url, "w1")
	for _, tc := range []struct {
		name  string
		data  []byte
		wants bool
	}{{"same rules", same, true}, {"other rules", other, false}} {
		name, err := q.PutSnapshot(ctx, tc.data)
		if err != nil {
			t.Fatal(err)
		}
		w.mu.Lock()
		opts := w.photosWanted(ctx, name)
		w.mu.Unlock()
		if got := len(opts) == 1; got != tc.wants {
			t.Errorf("%s: photos chosen by the snapshot %v, want %v", tc.name, got, tc.wants)
		}
	}
	if opts := w.photosWanted(ctx, ""); len(opts) != 0 {
		t.Errorf("a task naming no snapshot: %d options; want every photo fetched", len(opts))
	}
}
