package fleet

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/shadowscan/shadowscan"
)

// TestTaskOfEndedScanDropped: a worker drops the tasks of a scan that is
// not under way (never started, or ended) without running them, and runs
// those of a scan that is.
func TestTaskOfEndedScanDropped(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	srv := MustServer(t)
	coord, work := MustConnect(t, srv, "coordinator"), MustConnect(t, srv, "worker")
	if err := coord.OpenSite(ctx, "site-a", SiteLimits{Parallelism: 1, Timeout: time.Second}); err != nil {
		t.Fatal(err)
	}
	var ran atomic.Int32
	go work.Work(ctx, "site-a", func(ctx context.Context, tk Task) (Outcome, error) {
		ran.Add(1)
		return Outcome{Listing: &shadowscan.Listing{Site: tk.Site, ID: "1", URL: tk.URL}}, nil
	}, WorkOptions{Name: "w"})
	if _, err := coord.Publish(ctx, "seed", []Task{NewTask(4, "site-a", KindListing, "http://m/item/1")}); err != nil {
		t.Fatal(err)
	}
	waitStats(t, coord, "the task of a scan not under way dropped", func(st Stats) bool {
		return len(st.Sites) == 1 && st.Sites[0].Pending == 0 && st.Sites[0].InFlight == 0
	})
	if n := ran.Load(); n != 0 {
		t.Fatalf("the handler ran %d times for a scan not under way", n)
	}
	if err := coord.StartScan(ctx, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := coord.Publish(ctx, "seed", []Task{NewTask(5, "site-a", KindListing, "http://m/item/1")}); err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := coord.Results(ctx, 5, func(ctx context.Context, rs []Result) (bool, error) { n += len(rs); return n == 1, nil }); err != nil {
		t.Fatal(err)
	}
	if got := ran.Load(); got != 1 {
		t.Errorf("the handler ran %d times; want once, for the scan under way", got)
	}
}

// TestPendingAndRepublish: Pending finds a scan's tasks in the tasks
// stream and the tasks of results waiting in the results stream, not
// once EndScan purged them; Republish publishes purged tasks again
// within the duplicate window (their own message ids would be dropped).
func TestPendingAndRepublish(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := MustConnect(t, MustServer(t), "coordinator")
	if err := c.OpenSite(ctx, "site-a", SiteLimits{Parallelism: 1, Timeout: time.Second}); err != nil {
		t.Fatal(err)
	}
	a, b := NewTask(6, "site-a", KindListing, "http://m/item/a"), NewTask(6, "site-a", KindListing, "http://m/item/b")
	other := NewTask(7, "site-a", KindListing, "http://m/item/a")
	if _, err := c.Publish(ctx, "seed", []Task{a, other}); err != nil {
		t.Fatal(err)
	}
	if err := c.publishResult(ctx, Result{Task: b, Worker: "w"}); err != nil {
		t.Fatal(err)
	}
	pending := func() []string {
		t.Helper()
		p, err := c.Pending(ctx, 6)
		if err != nil {
			t.Fatal(err)
		}
		ids := slices.Collect(maps.Keys(p.Tasks))
		ids = append(ids, slices.Collect(maps.Keys(p.Results))...)
		slices.Sort(ids)
		return ids
	}
	if got, want := pending(), slices.Sorted(slices.Values([]string{a.ID, b.ID})); !slices.Equal(got, want) {
		t.Fatalf("pending %v, want %v (a task waiting and a result waiting; not scan 7's)", got, want)
	}
	if err := c.EndScan(ctx, 6); err != nil {
		t.Fatal(err)
	}
	if got := pending(); len(got) != 0 {
		t.Fatalf("pending %v after EndScan, want none", got)
	}
	if err := c.Republish(ctx, []Task{a}); err != nil {
		t.Fatal(err)
	}
	if got, want := pending(), []string{a.ID}; !slices.Equal(got, want) {
		t.Fatalf("pending %v after Republish, want %v", got, want)
	}
	// b's result, purged, comes again: in its task's first round the
	// results stream drops it as a duplicate; in a new round it keeps it.
	if err := c.publishResult(ctx, Result{Task: b, Worker: "w"}); err != nil {
		t.Fatal(err)
	}
	if got, want := pending(), []string{a.ID}; !slices.Equal(got, want) {
		t.Fatalf("pending %v: a result published again in its first round is dropped within the window; want %v", got, want)
	}
	again := b
	again.Round = "r2"
	if err := c.publishResult(ctx, Result{Task: again, Worker: "w"}); err != nil {
		t.Fatal(err)
	}
	if got, want := pending(), slices.Sorted(slices.Values([]string{a.ID, b.ID})); !slices.Equal(got, want) {
		t.Fatalf("pending %v after b's result in a new round, want %v", got, want)
	}
	if f := again.Follow(KindListing, "http://m/item/c"); f.Round != "r2" {
		t.Errorf("a task spawned in round r2 has round %q", f.Round)
	}
}

// TestGivenUpWhileNoCoordinator: a task delivered the most times allowed
// while no coordinator reads the scan's results is reported as failed
// when one does, from the advisory the server sent meanwhile.
func TestGivenUpWhileNoCoordinator(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := MustConnect(t, MustServer(t), "coordinator")
	if err := c.OpenSite(ctx, "site-a", SiteLimits{Parallelism: 1, AckWait: 100 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	if err := c.StartScan(ctx, 8); err != nil {
		t.Fatal(err)
	}
	task := NewTask(8, "site-a", KindListing, "http://m/item/lost")
	if _, err := c.Publish(ctx, "seed", []Task{task}); err != nil {
		t.Fatal(err)
	}
	// A worker that dies on the task each time: it takes it and never
	// acks, until the consumer gives up.
	cons, err := c.js.Consumer(ctx, TasksStream, siteConsumer("site-a"))
	if err != nil {
		t.Fatal(err)
	}
	adv, err := c.js.Stream(ctx, AdvisoriesStream)
	if err != nil {
		t.Fatal(err)
	}
	for taken := 0; ; {
		if info, err := adv.Info(ctx); err == nil && info.State.Msgs > 0 {
			t.Logf("the consumer gave up after %d deliveries", taken)
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("no advisory after %d deliveries", taken)
		}
		if b, err := cons.Fetch(1, jetstream.FetchMaxWait(200*time.Millisecond)); err == nil {
			for range b.Messages() {
				taken++
			}
		}
	}
	// Its consumer has passed it, yet it is not stranded: the advisory
	// reports it given up.
	if p, err := c.Pending(ctx, 8); err != nil || !p.Tasks[task.ID] || len(p.Stranded) != 0 {
		t.Fatalf("pending %+v (%v): want the task given up waiting for its report, not stranded", p, err)
	}
	var got []Result
	err = c.Results(ctx, 8, func(ctx context.Context, rs []Result) (bool, error) {
		got = append(got, rs...)
		return len(got) > 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Task.ID != task.ID || got[0].Failed != "max_deliver" {
		t.Fatalf("results %+v; want the lost task failed with max_deliver", got)
	}
}

// TestStrandedTask: a task the tasks stream holds behind its site
// consumer's ack floor, with no advisory saying it was given up (a server
// killed between a task's ack and its removal, or before it stored the
// advisory, leaves one) is never delivered again; Pending reports it
// stranded, not waiting, so that the coordinator hands it out again.
func TestStrandedTask(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := MustConnect(t, MustServer(t), "coordinator")
	if err := c.OpenSite(ctx, "site-a", SiteLimits{Parallelism: 1, AckWait: 100 * time.Millisecond, MaxDeliver: 4}); err != nil {
		t.Fatal(err)
	}
	a, b := NewTask(9, "site-a", KindListing, "http://m/item/a"), NewTask(9, "site-a", KindListing, "http://m/item/b")
	if _, err := c.Publish(ctx, "seed", []Task{a}); err != nil {
		t.Fatal(err)
	}
	cons, err := c.js.Consumer(ctx, TasksStream, siteConsumer("site-a"))
	if err != nil {
		t.Fatal(err)
	}
	// a is taken and never acked until the consumer gives it up.
	for {
		if info, err := c.advisoryStream.Info(ctx); err == nil && info.State.Msgs > 0 {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("the consumer never gave the task up")
		}
		if batch, err := cons.Fetch(1, jetstream.FetchMaxWait(200*time.Millisecond)); err == nil {
			for range batch.Messages() {
			}
		}
	}
	info, err := cons.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("given up: floor %+v delivered %+v ackpending %d redelivered %d pending %d", info.AckFloor, info.Delivered, info.NumAckPending, info.NumRedelivered, info.NumPending)
	if _, err := c.Publish(ctx, "seed", []Task{b}); err != nil {
		t.Fatal(err)
	}
	if p, err := c.Pending(ctx, 9); err != nil || !p.Tasks[a.ID] || !p.Tasks[b.ID] || len(p.Stranded) != 0 {
		t.Fatalf("with its advisory: pending %+v (%v); want a given up and b waiting, none stranded", p, err)
	}
	// Its advisory lost: nothing will report a, nor deliver it again.
	if err := c.advisoryStream.Purge(ctx); err != nil {
		t.Fatal(err)
	}
	p, err := c.Pending(ctx, 9)
	if err != nil {
		t.Fatal(err)
	}
	if p.Tasks[a.ID] || !p.Tasks[b.ID] || len(p.Stranded) != 1 || p.Stranded[a.ID] == 0 {
		t.Fatalf("without its advisory: tasks %v, stranded %v; want a stranded, b waiting", p.Tasks, p.Stranded)
	}
	var delivered []string
	if batch, err := cons.Fetch(2, jetstream.FetchMaxWait(500*time.Millisecond)); err == nil {
		for m := range batch.Messages() {
			var tk Task
			_ = json.Unmarshal(m.Data(), &tk)
			delivered = append(delivered, tk.URL)
			_ = m.Ack()
		}
	}
	if !slices.Equal(delivered, []string{b.URL}) {
		t.Fatalf("the consumer delivered %v; want only %s: a is never delivered again", delivered, b.URL)
	}
}

// TestStranded: which tasks a consumer will not deliver again, from its
// state read before the task was found in the stream.
func TestStranded(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    consumerState
		seq  uint64
		want bool
	}{
		{"at the ack floor: acked, left behind", consumerState{ackFloor: 7, delivered: 9, ackPending: 2}, 7, true},
		{"above the floor, some out: may be one of them", consumerState{ackFloor: 7, delivered: 9, ackPending: 2}, 8, false},
		{"not delivered yet", consumerState{ackFloor: 7, delivered: 9, ackPending: 2}, 10, false},
		{"delivered, none out: neither acked nor given back", consumerState{ackFloor: 7, delivered: 9}, 9, true},
		{"none out, not delivered yet", consumerState{ackFloor: 7, delivered: 9}, 10, false},
		{"a new consumer", consumerState{}, 1, false},
	} {
		if got := tc.s.stranded(tc.seq); got != tc.want {
			t.Errorf("%s: stranded(%d) with %+v = %v, want %v", tc.name, tc.seq, tc.s, got, tc.want)
		}
	}
}
