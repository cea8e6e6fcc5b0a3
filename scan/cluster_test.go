package scan

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http/httptest"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/store/storetest"
)

// clusterSize is how many servers the cluster test runs, and how many
// replicas its streams and buckets get.
const clusterSize = 3

// freePorts returns n free loopback ports: the cluster's servers must
// know each other's route ports before they start.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// MustCluster starts a JetStream cluster of clusterSize in-process NATS
// servers on 127.0.0.1, each storing in its own temporary directory, and
// waits until it has a meta leader and every server is current. The
// servers are shut down when the test ends.
func MustCluster(t *testing.T) []*server.Server {
	t.Helper()
	ports := freePorts(t, clusterSize)
	var routes []string
	for _, p := range ports {
		routes = append(routes, fmt.Sprintf("nats-route://127.0.0.1:%d", p))
	}
	var servers []*server.Server
	for i, p := range ports {
		ns, err := server.NewServer(&server.Options{
			ServerName: fmt.Sprintf("n%d", i+1), Host: "127.0.0.1", Port: server.RANDOM_PORT,
			JetStream: true, StoreDir: t.TempDir(), NoSigs: true, NoLog: true,
			Cluster: server.ClusterOpts{Name: "shadowscan-test", Host: "127.0.0.1", Port: p},
			Routes:  server.RoutesFromStr(strings.Join(routes, ",")),
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
		ns.Start()
		servers = append(servers, ns)
	}
	for _, ns := range servers {
		if !ns.ReadyForConnections(30 * time.Second) {
			t.Fatalf("nats server %s not ready within 30s", ns.Name())
		}
	}
	waitFor(t, 60*time.Second, "a JetStream meta leader with every server current", func() bool {
		leader := slices.ContainsFunc(servers, (*server.Server).JetStreamIsLeader)
		return leader && !slices.ContainsFunc(servers, func(ns *server.Server) bool { return !ns.JetStreamIsCurrent() })
	})
	return servers
}

// clusterURL is the URL list a client of the cluster connects with:
// every server, so it fails over to the others.
func clusterURL(servers []*server.Server) string {
	var urls []string
	for _, ns := range servers {
		urls = append(urls, ns.ClientURL())
	}
	return strings.Join(urls, ",")
}

// waitFor polls cond every 100ms until it holds, failing the test after
// limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(limit); !cond(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("no %s within %s", what, limit)
		}
	}
}

// mustClusterConn connects to the cluster, making the streams and
// buckets with replicas copies (0: keep theirs), trying again while the
// cluster is not ready to place them.
func mustClusterConn(t *testing.T, url, name string, replicas int) *fleet.Conn {
	t.Helper()
	var c *fleet.Conn
	var err error
	for end := time.Now().Add(60 * time.Second); ; time.Sleep(time.Second) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		c, err = fleet.Connect(ctx, url, fleet.ConnectOptions{Name: name, Replicas: replicas, Log: testLog(t, name)})
		cancel()
		if err == nil || time.Now().After(end) {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// leaderKiller shuts down, once, the server leading a stream.
type leaderKiller struct {
	servers []*server.Server
	stream  string
	once    sync.Once
	done    chan struct{}
	// killed names the server shut down and at, the listings applied
	// when it was; set before done is closed.
	killed string
	at     int
	when   time.Time
}

// kill shuts down the stream's leader in the background, the first time
// it is called.
func (k *leaderKiller) kill(t *testing.T, listings int) {
	k.once.Do(func() {
		go func() {
			defer close(k.done)
			for _, ns := range k.servers {
				if ns.JetStreamIsStreamLeader(server.DEFAULT_GLOBAL_ACCOUNT, k.stream) {
					k.killed, k.at = ns.Name(), listings
					ns.Shutdown()
					k.when = time.Now()
					return
				}
			}
			t.Errorf("no server leads stream %s", k.stream)
		}()
	})
}

// TestDistributedClusterLeaderLost: on a 3-node JetStream cluster with
// every stream and bucket kept by 3 servers, two workers scan the demo
// marketplace, and the server leading the task stream is shut down once
// the coordinator has applied its first listings. Every client knows
// the three servers and fails over; the scan finishes and stores what a
// one-process scan stores, each listing and hit once.
func TestDistributedClusterLeaderLost(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a 3-node NATS cluster and crawls the demo marketplace twice")
	}
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestMarket(t)
	local := localStore(t, set, srv)
	wantListings, wantHits := storetest.Contents(t, local, demo.SiteName)
	wantCaptures := captureContents(t, local)

	servers := MustCluster(t)
	url := clusterURL(servers)
	// The coordinator connects first: it makes the streams with 3
	// replicas, the workers keep them.
	coord := mustClusterConn(t, url, "coordinator", clusterSize)
	startClusterWorkers(t, url, set, 2)
	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	k := &leaderKiller{servers: servers, stream: fleet.TasksStream, done: make(chan struct{})}
	on := func(e Event) {
		if e.Kind == EventProgress && e.Scan.Listings >= 20 {
			k.kill(t, e.Scan.Listings)
		}
	}
	sc, err := New(db, set, WithAckWait(5*time.Second), WithLogger(testLog(t, "coordinator"))).RunDistributed(ctx, coord,
		Options{Sites: []string{demo.SiteName}, BaseURL: srv, Queries: fleetQueries}, on)
	if err != nil || sc.State != shadowscan.ScanDone {
		var b strings.Builder // where everyone waits, for a scan that hung
		pprof.Lookup("goroutine").WriteTo(&b, 1)
		t.Log(b.String())
		t.Fatalf("distributed scan: %+v, %v", sc, err)
	}
	select {
	case <-k.done:
	default:
		t.Fatal("the scan ended before the stream leader was shut down")
	}
	t.Logf("stream leader %s shut down after %d of %d listings (%d captures); the scan ended %s later; scan record: %d pages, %d listings, %d new hits, redelivered %v, by worker %v, errors %v",
		k.killed, k.at, len(wantListings), len(wantCaptures), time.Since(k.when).Round(100*time.Millisecond), sc.Pages, sc.Listings, sc.Hits, sc.Redelivered, sc.Workers, sc.Errors)
	if k.killed == "" || k.at >= len(wantListings) {
		t.Fatalf("the leader was not shut down mid-scan (server %q, after %d listings)", k.killed, k.at)
	}
	listings, hits := storetest.Contents(t, db, demo.SiteName)
	if !slices.Equal(listings, wantListings) || !slices.Equal(hits, wantHits) {
		t.Errorf("after the leader was lost: %d listings, %d hits; a one-process scan stores %d, %d\nlistings %v\nwant     %v\nhits %v\nwant %v",
			len(listings), len(hits), len(wantListings), len(wantHits), listings, wantListings, hits, wantHits)
	}
	if captures := captureContents(t, db); !slices.Equal(captures, wantCaptures) {
		t.Errorf("after the leader was lost: %d captures with their bodies; a one-process scan stores %d\ngot  %v\nwant %v",
			len(captures), len(wantCaptures), captures, wantCaptures)
	}
	if sc.Listings != len(wantListings) || sc.Hits != len(wantHits) || len(sc.Errors) > 0 {
		t.Errorf("the scan applied %d listing results, made %d hits and counts errors %v; %d listings, %d hits are stored: a result was lost or applied twice",
			sc.Listings, sc.Hits, sc.Errors, len(wantListings), len(wantHits))
	}
}

// captureContents are a store's captures (listing, kind, URL, body
// sha256), sorted, each checked to have its body in the store: a capture
// whose body did not reach the coordinator would be missing.
func captureContents(t *testing.T, db *store.DB) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	err := db.EachListing(ctx, demo.SiteName, func(r *store.ListingRecord) error {
		cs, err := db.Captures(ctx, r.Listing.Site, r.Listing.ID)
		for _, c := range cs {
			if _, err := db.Blob(ctx, c.BodySHA256); err != nil {
				return fmt.Errorf("body of capture %s: %w", c.URL, err)
			}
			out = append(out, fmt.Sprintf("%s %s %s %s", r.Listing.Key(), c.Kind, c.URL, c.BodySHA256))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// httptestMarket serves the demo marketplace until the test ends and
// returns its URL.
func httptestMarket(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(demo.NewMarket().Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// startClusterWorkers starts n in-process workers on the demo site, each
// with its own connection to the cluster, until the test ends.
func startClusterWorkers(t *testing.T, url string, set *rules.Set, n int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range n {
		name := fmt.Sprintf("w%d", i+1)
		q := mustClusterConn(t, url, name, 0)
		wg.Go(func() { NewWorker(set, name, WithLogger(testLog(t, name))).Run(ctx, q, []string{demo.SiteName}) })
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// testLog is a logger whose warnings and errors go to the test's log
// while the test runs.
func testLog(t *testing.T, name string) *slog.Logger {
	w := &testWriter{t: t}
	t.Cleanup(w.stop)
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})).With("who", name)
}

// testWriter writes to t.Log until stop.
type testWriter struct {
	mu      sync.Mutex
	t       *testing.T
	stopped bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.stopped {
		w.t.Log(strings.TrimSpace(string(p)))
	}
	return len(p), nil
}

func (w *testWriter) stop() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
}
