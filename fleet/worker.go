package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/shadowscan/shadowscan"
)

// pullWait is how long one pull request waits for a task; a stopping
// worker waits for it to end.
const pullWait = 2 * time.Second

// finishWait bounds what a worker does with JetStream once a task's page
// is fetched (claims, capture bodies, result, ack): a request sent while
// the server restarts may never be answered, and a worker waiting for it
// holds one of the site's slots for ever.
const finishWait = 15 * time.Second

// Handler does one task: it fetches the task's page and returns what it
// found. A failure is a *Failure (or any error: then a lasting one of
// kind "other"). It is called with the worker's context; when that is
// cancelled the task is left for another worker.
type Handler func(ctx context.Context, t Task) (Outcome, error)

// Outcome is what a handler found on a task's page.
type Outcome struct {
	// Listing and Captures are a listing page's (Body set).
	Listing  *shadowscan.Listing
	Captures []shadowscan.Capture
	// Next are the tasks the page leads to (Task.Follow makes them).
	Next []Task
}

// Failure is a handler's failure: its kind, and whether asking again
// later may succeed.
type Failure struct {
	Kind      string
	Temporary bool
	Err       error
}

func (f *Failure) Error() string { return fmt.Sprintf("%s: %v", f.Kind, f.Err) }

func (f *Failure) Unwrap() error { return f.Err }

// WorkOptions configure Work.
type WorkOptions struct {
	// Name names the worker in its results.
	Name string
	// Pullers is how many tasks of the site this worker works on at once
	// (at least 1); the site's consumer lets out no more than the site's
	// parallelism, whatever the workers ask.
	Pullers int
	// Delay is the site's delay: a task is acked no sooner than Delay
	// after its handler started (the handler itself waits the delay
	// after each of its requests).
	Delay time.Duration
	// Log receives what the worker does (nil: discard).
	Log *slog.Logger
}

// Work pulls site's tasks and runs h on each until ctx is done, waiting
// for the coordinator to open the site first. It returns ctx's error, or
// the error that stopped it.
func (c *Conn) Work(ctx context.Context, site string, h Handler, o WorkOptions) error {
	if err := checkSite(site); err != nil {
		return err
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	// The worker counts from its start, also while no scan of the site
	// has opened its consumer yet.
	var wg sync.WaitGroup
	defer wg.Wait()
	bctx, stopBeat := context.WithCancel(ctx)
	defer stopBeat()
	wg.Go(func() { c.beat(bctx, site, o.Name) })
	cons, err := c.siteConsumerWait(ctx, site)
	if err != nil {
		return err
	}
	cfg := cons.CachedInfo().Config
	w := &worker{c: c, cons: cons, h: h, o: o, ackWait: cfg.AckWait, maxDeliver: cfg.MaxDeliver,
		log: o.Log.With("site", site, "worker", o.Name)}
	for range max(o.Pullers, 1) {
		wg.Go(func() { w.pull(ctx) })
	}
	wg.Wait()
	return ctx.Err()
}

// worker is one Work call's state.
type worker struct {
	c          *Conn
	cons       jetstream.Consumer
	h          Handler
	o          WorkOptions
	ackWait    time.Duration
	maxDeliver int
	log        *slog.Logger
}

// pull takes one task at a time until ctx is done.
func (w *worker) pull(ctx context.Context) {
	for ctx.Err() == nil {
		// FetchMaxWait, not a context: the client then waits for the
		// server's own expiry notice, so a task sent just before the
		// pull expires is received, not dropped to wait out AckWait.
		msg, err := w.cons.Next(jetstream.FetchMaxWait(pullWait))
		switch {
		case err == nil:
			w.do(ctx, msg)
		case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
			errors.Is(err, nats.ErrTimeout), errors.Is(err, jetstream.ErrNoMessages):
		default:
			w.log.Warn("pulling a task failed", "err", err)
			sleep(ctx, time.Second)
		}
	}
}

// do runs one delivered task to its ack (or leaves it to be delivered
// again).
func (w *worker) do(ctx context.Context, msg jetstream.Msg) {
	var t Task
	if err := json.Unmarshal(msg.Data(), &t); err != nil {
		w.log.Error("a task that is not one: dropped", "err", err)
		_ = msg.Term()
		return
	}
	if !w.c.underWay(ctx, t.Scan) {
		w.log.Info("a task of a scan that is over: dropped", "scan", t.Scan, "url", t.URL)
		_ = msg.Term()
		return
	}
	start := time.Now()
	stop := w.heartbeat(msg)
	if wait := time.Until(w.c.backedOff(ctx, t.Site)); wait > 0 {
		w.log.Info("the site asked to be asked less: waiting before the next task", "wait", wait.Round(time.Millisecond))
		sleep(ctx, wait)
	}
	out, err := w.h(ctx, t)
	if ctx.Err() != nil {
		stop()
		_ = msg.Nak() // stopping: another worker takes it now
		return
	}
	r := Result{Task: t, Worker: w.o.Name}
	if meta, err := msg.Metadata(); err == nil {
		r.Deliveries = meta.NumDelivered
	}
	if err != nil {
		if w.retry(msg, t, err) {
			stop()
			return
		}
		r.Failed, r.Err = failureKind(err), err.Error()
	} else {
		r.Listing, r.Captures = out.Listing, out.Captures
	}
	fctx, cancel := context.WithTimeout(ctx, finishWait)
	defer cancel()
	err = w.finish(fctx, t, &r, out.Next)
	// Politeness: the slot is held until the site may be asked again.
	sleep(ctx, w.o.Delay-time.Since(start))
	stop()
	if err != nil {
		// Delivered again at once: what it published is deduplicated.
		w.log.Warn("task not finished; it is delivered again", "url", t.URL, "err", err)
		_ = msg.Nak()
		return
	}
	// A plain ack, not a confirmed one (DoubleAck): the server reads it
	// before this connection's next pull, so politeness holds either way.
	// A confirmation costs a round trip a task, and for a task delivered
	// by a server that has since restarted it never comes: the worker
	// held the slot for finishWait after every restart. An ack that is
	// lost gets the task delivered again after AckWait, and its result
	// is deduplicated.
	if err := msg.Ack(); err != nil {
		w.log.Warn("ack failed; the task will be delivered again, its result is deduplicated", "url", t.URL, "err", err)
	}
}

// finish publishes what a task found: its follow-up tasks (claimed),
// then its result; a failed task's claim is released first.
func (w *worker) finish(ctx context.Context, t Task, r *Result, next []Task) error {
	if r.Failed != "" {
		w.log.Info("task failed", "url", t.URL, "kind", r.Failed, "err", r.Err)
		if err := w.c.release(ctx, t); err != nil {
			return err
		}
		return w.c.publishResult(ctx, *r)
	}
	spawned, err := w.c.Publish(ctx, t.ID, next)
	if err != nil {
		return err
	}
	r.Spawned = spawned
	return w.c.publishResult(ctx, *r)
}

// retry reports whether the failed task was handed back to be delivered
// again later: a temporary failure, while deliveries are left.
func (w *worker) retry(msg jetstream.Msg, t Task, err error) bool {
	var f *Failure
	if !errors.As(err, &f) || !f.Temporary {
		return false
	}
	meta, merr := msg.Metadata()
	if merr != nil || w.maxDeliver > 0 && meta.NumDelivered >= uint64(w.maxDeliver) {
		return false
	}
	delay := time.Duration(1<<min(meta.NumDelivered, 6)) * time.Second
	w.log.Info("task failed for now; delivered again later", "url", t.URL, "kind", f.Kind, "delivery", meta.NumDelivered, "in", delay)
	_ = msg.NakWithDelay(delay)
	return true
}

// heartbeat tells the server, while a task runs, that it is in progress,
// so that a slow page is not delivered to another worker. stop ends it.
func (w *worker) heartbeat(msg jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	every := max(w.ackWait/3, 100*time.Millisecond)
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}

// failureKind is err's kind as a result names it.
func failureKind(err error) string {
	var f *Failure
	if errors.As(err, &f) && f.Kind != "" {
		return f.Kind
	}
	return "other"
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
