package fleet

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// MustServer starts an embedded server in a temporary directory on a
// free loopback port.
func MustServer(tb testing.TB) *Server {
	tb.Helper()
	s, err := StartEmbedded(tb.TempDir(), "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	return s
}

// MustConnect connects to s.
func MustConnect(tb testing.TB, s *Server, name string) *Conn {
	tb.Helper()
	c, err := Connect(context.Background(), s.URL(), ConnectOptions{Name: name})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.Close)
	return c
}

// TestClaims: a URL claimed by one task is not published by another; the
// task that claimed it publishes it again (delivered again) and the
// stream keeps one copy.
func TestClaims(t *testing.T) {
	ctx := context.Background()
	c := MustConnect(t, MustServer(t), "t")
	task := NewTask(7, "site-a", KindListing, "http://127.0.0.1:1/item/1")
	for _, tc := range []struct {
		owner string
		want  int
	}{{"parent-1", 1}, {"parent-2", 0}, {"parent-1", 1}} {
		ids, err := c.Publish(ctx, tc.owner, []Task{task})
		if err != nil || len(ids) != tc.want {
			t.Fatalf("publish by %s: %v, %v; want %d ids", tc.owner, ids, err, tc.want)
		}
	}
	info, err := c.tasks.Info(ctx)
	if err != nil || info.State.Msgs != 1 {
		t.Fatalf("task stream holds %+v (%v), want 1 message", info.State, err)
	}
	if err := c.release(ctx, task); err != nil {
		t.Fatal(err)
	}
	if ids, err := c.Publish(ctx, "parent-2", []Task{task}); err != nil || len(ids) != 1 {
		t.Fatalf("publish after release: %v, %v; want the claim taken", ids, err)
	}
}

// TestRoundTrip: a seed search task leads to listing tasks (a link found
// twice is one task), their results come back with their capture bodies
// and spawned ids, each task's result once.
func TestRoundTrip(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	srv := MustServer(t)
	coord, work := MustConnect(t, srv, "coordinator"), MustConnect(t, srv, "worker")
	if err := coord.OpenSite(ctx, "site-a", SiteLimits{Parallelism: 2, Timeout: time.Second}); err != nil {
		t.Fatal(err)
	}
	seed := NewTask(1, "site-a", KindSearch, "http://m/search?page=1")
	h := func(ctx context.Context, tk Task) (Outcome, error) {
		if tk.Kind == KindSearch {
			var next []Task
			for _, u := range []string{"http://m/item/1", "http://m/item/2", "http://m/item/1"} {
				next = append(next, tk.Follow(KindListing, u))
			}
			return Outcome{Next: next}, nil
		}
		body := []byte("page of " + tk.URL)
		capt := shadowscan.Capture{URL: tk.URL, BodySHA256: fmt.Sprintf("%x", sha256.Sum256(body)), Body: body, Kind: "page"}
		return Outcome{Listing: &shadowscan.Listing{Site: tk.Site, ID: tk.URL[len(tk.URL)-1:], URL: tk.URL}, Captures: []shadowscan.Capture{capt}}, nil
	}
	wctx, stopWork := context.WithCancel(ctx)
	defer stopWork()
	go work.Work(wctx, "site-a", h, WorkOptions{Name: "w1", Pullers: 2})
	if err := coord.StartScan(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := coord.Publish(ctx, "seed", []Task{seed}); err != nil {
		t.Fatal(err)
	}
	got := map[string]Result{}
	err := coord.Results(ctx, 1, func(ctx context.Context, rs []Result) (bool, error) {
		for _, r := range rs {
			if _, dup := got[r.Task.URL]; dup {
				t.Errorf("result of %s applied twice", r.Task.URL)
			}
			got[r.Task.URL] = r
		}
		return len(got) == 3, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := got[seed.URL]; len(s.Spawned) != 2 {
		t.Errorf("the search result spawned %v, want 2 tasks", s.Spawned)
	}
	l := got["http://m/item/2"]
	if l.Listing == nil || l.Listing.ID != "2" || len(l.Captures) != 1 || string(l.Captures[0].Body) != "page of http://m/item/2" || l.Worker != "w1" {
		t.Errorf("listing result %+v: want listing 2 with its capture body, by w1", l)
	}
	if err := coord.EndScan(ctx, 1); err != nil {
		t.Fatal(err)
	}
}

// TestDeadWorkerTaskRedelivered: a worker whose connection dies in the
// middle of a task never acks it; the task goes to another worker after
// AckWait and its result comes once.
func TestDeadWorkerTaskRedelivered(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	srv := MustServer(t)
	coord := MustConnect(t, srv, "coordinator")
	dead, alive := MustConnect(t, srv, "dead"), MustConnect(t, srv, "alive")
	if err := coord.OpenSite(ctx, "site-a", SiteLimits{Parallelism: 1, AckWait: time.Second}); err != nil {
		t.Fatal(err)
	}
	task := NewTask(2, "site-a", KindListing, "http://m/item/9")
	if err := coord.StartScan(ctx, 2); err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	var calls atomic.Int32
	deadCtx, stopDead := context.WithCancel(ctx)
	defer stopDead()
	go dead.Work(deadCtx, "site-a", func(ctx context.Context, tk Task) (Outcome, error) {
		calls.Add(1)
		dead.Close() // killed mid-task: no ack, no result
		close(started)
		<-ctx.Done()
		return Outcome{}, ctx.Err()
	}, WorkOptions{Name: "dead"})
	if _, err := coord.Publish(ctx, "seed", []Task{task}); err != nil {
		t.Fatal(err)
	}
	<-started
	go alive.Work(ctx, "site-a", func(ctx context.Context, tk Task) (Outcome, error) {
		calls.Add(1)
		return Outcome{Listing: &shadowscan.Listing{Site: tk.Site, ID: "9", URL: tk.URL}}, nil
	}, WorkOptions{Name: "alive"})
	var mu sync.Mutex
	var workers []string
	var deliveries uint64
	err := coord.Results(ctx, 2, func(ctx context.Context, rs []Result) (bool, error) {
		mu.Lock()
		defer mu.Unlock()
		for _, r := range rs {
			workers, deliveries = append(workers, r.Worker), r.Deliveries
		}
		return len(workers) > 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(workers, []string{"alive"}) || calls.Load() != 2 {
		t.Errorf("results from %v after %d handler calls, want one from alive after 2", workers, calls.Load())
	}
	if deliveries != 2 {
		t.Errorf("the result says its task was delivered %d times, want 2", deliveries)
	}
}

// waitStats polls c.Stats until ok accepts them (or fails the test after
// 20 s, with the last ones): heartbeats and acks reach the server a
// moment after the calls that make them return.
func waitStats(t *testing.T, c *Conn, what string, ok func(Stats) bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		st, err := c.Stats(context.Background())
		if err == nil && ok(st) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: stats %+v, %v", what, st, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestStats: Stats counts a site's tasks waiting and in flight, and the
// workers by their heartbeats, from a worker's start to its stop.
func TestStats(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	srv := MustServer(t)
	coord, work := MustConnect(t, srv, "coordinator"), MustConnect(t, srv, "worker")
	if st, err := coord.Stats(ctx); err != nil || st.Workers != 0 || len(st.Sites) != 0 {
		t.Fatalf("an empty fleet: %+v, %v", st, err)
	}
	if err := coord.OpenSite(ctx, "site-a", SiteLimits{Parallelism: 1, Timeout: time.Second}); err != nil {
		t.Fatal(err)
	}
	var tasks []Task
	for i := range 3 {
		tasks = append(tasks, NewTask(3, "site-a", KindListing, fmt.Sprintf("http://m/item/%d", i)))
	}
	if err := coord.StartScan(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if _, err := coord.Publish(ctx, "seed", tasks); err != nil {
		t.Fatal(err)
	}
	waitStats(t, coord, "3 tasks published, no worker", func(st Stats) bool {
		return st.Workers == 0 && slices.Equal(st.Sites, []SiteStats{{Site: "site-a", Pending: 3}})
	})
	release := make(chan struct{})
	wctx, stopWork := context.WithCancel(ctx)
	worked := make(chan error, 1)
	go func() {
		worked <- work.Work(wctx, "site-a", func(ctx context.Context, tk Task) (Outcome, error) {
			<-release
			return Outcome{Listing: &shadowscan.Listing{Site: tk.Site, ID: tk.URL, URL: tk.URL}}, nil
		}, WorkOptions{Name: "host.1", Pullers: 2})
	}()
	waitStats(t, coord, "one worker on a task of a site of parallelism 1", func(st Stats) bool {
		return st.Workers == 1 && slices.Equal(st.Sites, []SiteStats{{Site: "site-a", Workers: 1, InFlight: 1, Pending: 2}})
	})
	close(release)
	n := 0
	if err := coord.Results(ctx, 3, func(ctx context.Context, rs []Result) (bool, error) { n += len(rs); return n == 3, nil }); err != nil {
		t.Fatal(err)
	}
	waitStats(t, coord, "every task done", func(st Stats) bool {
		return slices.Equal(st.Sites, []SiteStats{{Site: "site-a", Workers: 1}})
	})
	stopWork()
	<-worked
	waitStats(t, coord, "the worker stopped", func(st Stats) bool {
		return st.Workers == 0 && slices.Equal(st.Sites, []SiteStats{{Site: "site-a"}})
	})
}

// TestBodiesInlineOrStored: a result carries small capture bodies in its
// message and puts one that would make it too large in the captures
// object store; the coordinator gets every body back either way.
func TestBodiesInlineOrStored(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := MustConnect(t, MustServer(t), "coordinator")
	capture := func(url string, body []byte) shadowscan.Capture {
		return shadowscan.Capture{URL: url, Kind: "photo", BodySHA256: fmt.Sprintf("%x", sha256.Sum256(body)), Body: body}
	}
	page := capture("http://m/item/1", []byte("<html>page</html>"))
	big := capture("http://m/img/big.jpg", bytes.Repeat([]byte{0xAB}, inlineBodies))
	task := NewTask(9, "site-a", KindListing, "http://m/item/1")
	r := Result{Task: task, Worker: "w", Listing: &shadowscan.Listing{Site: "site-a", ID: "1", URL: task.URL}, Captures: []shadowscan.Capture{page, big}}
	if err := c.publishResult(ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := c.captures.GetInfo(ctx, big.BodySHA256); err != nil {
		t.Errorf("the large body is not in the object store: %v", err)
	}
	if _, err := c.captures.GetInfo(ctx, page.BodySHA256); err == nil {
		t.Error("the small body went through the object store; it fits in the message")
	}
	var got []Result
	err := c.Results(ctx, 9, func(ctx context.Context, rs []Result) (bool, error) {
		got = append(got, rs...)
		return len(got) > 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Captures) != 2 || !bytes.Equal(got[0].Captures[0].Body, page.Body) || !bytes.Equal(got[0].Captures[1].Body, big.Body) {
		t.Fatalf("results %+v; want both bodies back", got)
	}
}
