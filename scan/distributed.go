package scan

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// WithAckWait sets how long a distributed scan's task may go unacked
// before it is delivered to another worker (0: from the site's timeout
// and delay, at least 30 s); tests of a killed worker shorten it.
func WithAckWait(d time.Duration) Option { return func(s *Scanner) { s.ackWait = d } }

// RunDistributed runs a scan as Run does, with its pages fetched by the
// workers pulling from q (Worker, `shadowscan worker`) while this process
// stays the store's only writer: it plans the scan, opens each site's
// task consumer with the site's politeness, publishes a search task for
// each site and query, and applies the workers' results as they come,
// matching each listing and recording it through the store's Record, a
// batch a transaction, and acking the batch only once it is committed.
// Each result's task is marked done, and the tasks it spawned open, in
// that same transaction (store.WithWork), so a result delivered again
// changes nothing; the store never overwrites a reviewer's status.
//
// With o.Resume it goes on with the newest interrupted distributed scan,
// whether its coordinator was stopped or killed: the tasks the store
// holds open are waited for, the results that came meanwhile applied,
// and the open tasks JetStream no longer holds published again.
//
// Once every search task has its result, the listings tracked for
// takedown that search did not reach are revisited by URL, and those
// seen gone fetched again to confirm (distrevisit.go), as Run does.
//
// Not distributed: proxies (the workers use their own network) and the
// stored sessions of `sites login`. The scan is over when every task it
// published has its result.
func (s *Scanner) RunDistributed(ctx context.Context, q *fleet.Conn, o Options, on func(Event)) (*shadowscan.Scan, error) {
	if len(o.Proxies) > 0 {
		return nil, UsageError{errors.New("--proxy: the workers of a distributed scan fetch through their own network; leave out --proxy")}
	}
	sc, sites, o, err := s.plan(ctx, o)
	if err != nil {
		return nil, err
	}
	if o.Resume && (sc.Plan == nil || !sc.Plan.Distributed) {
		return nil, UsageError{fmt.Errorf("--resume: scan %d ran in one process; resume it with `shadowscan scan --resume`, without --nats or --remote", sc.ID)}
	}
	m, cat, err := s.matcher(ctx, sc)
	if err != nil {
		return nil, err
	}
	snap, err := catalogSnapshot(cat, sc.Plan.Detection.SHA256)
	if err != nil {
		return nil, err
	}
	p := newPipeline(s, sc, m, o, on)
	if err := s.startDistributed(ctx, p, sites, o.Resume); err != nil {
		return nil, err
	}
	d := &coordinator{p: p, q: q, sites: sites, track: newTracker(), perSite: map[string]*crawler.Stats{}, snapshot: snap}
	runErr := d.run(ctx, o.Resume)
	err = s.finish(ctx, p, runErr)
	if qerr := q.EndScan(context.WithoutCancel(ctx), p.scan.ID); qerr != nil {
		p.log.Warn("the scan's leftovers in nats could not be removed", "err", qerr)
	}
	return p.scan, err
}

// startDistributed records p's scan as started, or as resumed.
func (s *Scanner) startDistributed(ctx context.Context, p *pipeline, sites []*rules.Site, resume bool) error {
	sc := p.scan
	if resume {
		line, err := resumeLine(ctx, s.db, sc, sites)
		if err != nil {
			return err
		}
		rec, err := s.db.ResumeScan(ctx, sc.ID)
		if err != nil {
			return err
		}
		// The record holds the counts as of the last batch applied
		// (pipeline.recordAfter): the resumed scan counts on from them.
		p.resumeFrom(rec)
		p.emit(Event{Kind: EventResumed, Message: line})
	} else {
		sc.Plan.Distributed = true
		sc.State, sc.StartedAt = shadowscan.ScanRunning, time.Now().UTC()
		if err := s.db.StartScan(ctx, sc); err != nil {
			return err
		}
	}
	p.log = s.log.With("scan", p.scan.ID)
	p.log.Info("distributed scan started", "sites", p.scan.Sites, "queries", len(p.scan.Queries), "resume", resume)
	return nil
}

// coordinator is one distributed scan's state on the coordinator.
type coordinator struct {
	p     *pipeline
	q     *fleet.Conn
	sites []*rules.Site
	track *tracker
	// perSite counts each site's pages and failures, for unreachable.
	perSite map[string]*crawler.Stats
	// lastResult is when the last batch of results came (idle).
	lastResult time.Time
	// digests are the SHA-256 of each site's rule (openSite).
	digests map[string]string
	// snapshot is what the workers read to know which photos matter
	// (catalogSnapshot); catalog its name in JetStream, set on every
	// task (run).
	snapshot []byte
	catalog  string
}

// run seeds the scan, or with resume takes up its open tasks, and
// applies its results until every task is done.
func (d *coordinator) run(ctx context.Context, resume bool) error {
	if err := d.q.StartScan(ctx, d.p.scan.ID); err != nil {
		return err
	}
	var err error
	if d.catalog, err = d.q.PutSnapshot(ctx, d.snapshot); err != nil {
		return err
	}
	for _, site := range d.sites {
		if err := d.openSite(ctx, site); err != nil {
			return fmt.Errorf("scan %s: %w", site.Name, err)
		}
	}
	if resume {
		if err := d.reopen(ctx); err != nil {
			return err
		}
	} else {
		for _, site := range d.sites {
			if err := d.seed(ctx, site); err != nil {
				return fmt.Errorf("scan %s: %w", site.Name, err)
			}
		}
	}
	if err := d.q.Results(ctx, d.p.scan.ID, d.apply); err != nil {
		return err
	}
	for _, site := range d.sites {
		if st := d.perSite[site.Name]; st != nil {
			if err := unreachable(site, *st); err != nil {
				return err
			}
		}
	}
	if d.p.o.NoRevisit {
		return nil
	}
	if err := d.revisit(ctx); err != nil {
		return fmt.Errorf("revisit: %w", err)
	}
	return nil
}

// openSite opens site's task consumer with the site's politeness, and
// keeps the digest of its rule that every task of the site carries.
func (d *coordinator) openSite(ctx context.Context, site *rules.Site) error {
	digest, err := siteDigest(site)
	if err != nil {
		return err
	}
	if d.digests == nil {
		d.digests = map[string]string{}
	}
	d.digests[site.Name] = digest.SHA256
	pol := site.Politeness
	limits := fleet.SiteLimits{Parallelism: pol.Parallelism, Delay: pol.Delay + pol.RandomDelay, Timeout: pol.Timeout, AckWait: d.p.s.ackWait}
	return d.q.OpenSite(ctx, site.Name, limits)
}

// seed publishes the first search page of each query, kept open in the
// store first: a coordinator that dies before they are all published
// publishes the rest when it resumes.
func (d *coordinator) seed(ctx context.Context, site *rules.Site) error {
	id := d.p.scan.ID
	base := strings.TrimRight(site.BaseURL, "/")
	var tasks []fleet.Task
	for _, query := range d.p.scan.Queries {
		if strings.TrimSpace(query) == "" {
			continue
		}
		t := fleet.NewTask(id, site.Name, fleet.KindSearch, site.SearchURL(base, query, 1))
		t.Query, t.Page, t.MaxPages, t.BaseURL, t.Rules, t.Catalog = query, 1, d.p.o.MaxPages, site.BaseURL, d.digests[site.Name], d.catalog
		tasks = append(tasks, t)
	}
	items, err := workItems(tasks)
	if err != nil {
		return err
	}
	if err := d.p.s.db.MarkWork(ctx, id, items, nil); err != nil {
		return err
	}
	for _, t := range tasks {
		d.track.expect(t.ID)
	}
	_, err = d.q.Publish(ctx, fmt.Sprintf("scan-%d", id), tasks)
	return err
}

// reopen takes up a resumed scan's open tasks: it waits for each, and
// publishes again those JetStream no longer holds (reconcile).
func (d *coordinator) reopen(ctx context.Context) error {
	p := d.p
	if err := d.q.TakeOver(ctx, p.scan.ID); err != nil {
		return err
	}
	open, again, err := d.reconcile(ctx)
	if err != nil {
		return err
	}
	for _, t := range open {
		d.track.expect(t.ID)
	}
	p.notify(EventNotice, fmt.Sprintf("resumed with %d pages to go: %d still with the workers or their results, %d published again", len(open), len(open)-again, again))
	return nil
}

// stallCheck is how long a distributed scan may wait with no result
// before the coordinator looks for tasks JetStream lost (reconcile).
const stallCheck = 10 * time.Second

// reconcile publishes again the scan's open tasks that JetStream holds
// neither as a task nor as a result: purged when the scan stopped, never
// published by a coordinator that died, dropped by a worker while the
// scan was stopped (the tasks spawned by a result that waits in
// JetStream), or stranded in the stream behind its consumer's ack floor
// by a server killed mid-ack (fleet.Pending). It returns the open tasks and how many it published again.
// It is safe only between two applies: a result is acked only after it
// is applied.
func (d *coordinator) reconcile(ctx context.Context) (open []fleet.Task, again int, err error) {
	p := d.p
	items, err := p.s.db.OpenWork(ctx, p.scan.ID)
	if err != nil {
		return nil, 0, err
	}
	pending, err := d.q.Pending(ctx, p.scan.ID)
	if err != nil {
		return nil, 0, err
	}
	open = make([]fleet.Task, 0, len(items))
	for _, it := range items {
		var t fleet.Task
		if err := json.Unmarshal(it.Data, &t); err != nil {
			return nil, 0, fmt.Errorf("open task %s of scan %d in the store: %w", it.ID, p.scan.ID, err)
		}
		open = append(open, t)
	}
	lost, err := d.lost(ctx, open, pending)
	if err != nil || len(lost) == 0 {
		return open, 0, err
	}
	// A task spawned by a result seen waiting may have been published
	// after the tasks stream was read: read it again.
	again2, err := d.q.Pending(ctx, p.scan.ID)
	if err != nil {
		return nil, 0, err
	}
	lost = slices.DeleteFunc(lost, func(t fleet.Task) bool {
		_, result := again2.Results[t.ID]
		return again2.Tasks[t.ID] || result
	})
	if len(lost) > 0 {
		p.log.Info("tasks lost in nats published again", "n", len(lost), "open", len(open), "stranded", len(again2.Stranded))
	}
	return open, len(lost), d.q.Republish(ctx, lost)
}

// lost returns the tasks of open, and those spawned by their results
// waiting in JetStream, and so on, that JetStream holds neither as a
// task nor as a result, and whose results are not recorded.
func (d *coordinator) lost(ctx context.Context, open []fleet.Task, pending fleet.Pending) ([]fleet.Task, error) {
	var lost []fleet.Task
	seen := map[string]bool{}
	for len(open) > 0 {
		t := open[0]
		open = open[1:]
		if seen[t.ID] {
			continue
		}
		seen[t.ID] = true
		if spawned, ok := pending.Results[t.ID]; ok {
			open = append(open, spawned...)
			continue
		}
		if pending.Tasks[t.ID] {
			continue
		}
		done, err := d.p.s.db.WorkDone(ctx, d.p.scan.ID, t.ID)
		if err != nil {
			return nil, err
		}
		if !done {
			lost = append(lost, t)
		}
	}
	return lost, nil
}

// workItems are tasks as the store keeps them open.
func workItems(tasks []fleet.Task) ([]store.WorkItem, error) {
	items := make([]store.WorkItem, 0, len(tasks))
	for _, t := range tasks {
		data, err := json.Marshal(t)
		if err != nil {
			return nil, err
		}
		items = append(items, store.WorkItem{ID: t.ID, Data: data})
	}
	return items, nil
}

// apply records a batch of results in one transaction: the listings,
// matched, every result's task done and the tasks it spawned open.
// Results applied before (delivered again) are skipped. done is true
// once every task published has its result.
func (d *coordinator) apply(ctx context.Context, results []fleet.Result) (done bool, err error) {
	p := d.p
	if len(results) == 0 {
		return d.idle(ctx)
	}
	d.lastResult = time.Now()
	var obs []store.Observation
	var keys []string
	var opened []store.WorkItem
	for _, r := range results {
		if seen, err := p.s.db.WorkDone(ctx, p.scan.ID, r.Task.ID); err != nil || seen || !d.track.finish(r.Task.ID) {
			if err != nil {
				return false, err
			}
			continue
		}
		items, err := workItems(r.Spawned)
		if err != nil {
			return false, err
		}
		if err := d.expectSpawned(ctx, r.Spawned); err != nil {
			return false, err
		}
		opened = append(opened, items...)
		keys = append(keys, r.Task.ID)
		d.count(r)
		if r.Listing != nil && r.Failed == "" {
			for i := range r.Captures {
				r.Captures[i].FetchedBy = r.Worker
			}
			l := revisitedListing(r)
			obs = append(obs, store.Observation{ScanID: p.scan.ID, Listing: l, Captures: r.Captures, Verdict: p.m.Match(&l), KeepCaptures: p.o.KeepAll})
		}
	}
	if len(keys) > 0 {
		outs, err := p.s.db.Record(ctx, obs, store.WithWork(p.scan.ID, opened, keys), store.ConfirmGoneAfter(p.goneGap),
			store.WithScanRecord(p.recordAfter))
		if err != nil {
			return false, err
		}
		if len(obs) > 0 {
			p.committed(store.Commit{Observations: obs, Outcomes: outs})
		}
		if p.on != nil {
			p.emit(Event{Kind: EventProgress, Scan: p.snapshot()})
		}
	}
	return d.track.open == 0, nil
}

// expectSpawned adds the tasks a result spawned to those the scan waits
// for, but for those whose results the store holds: in a resumed scan, a
// task's result may have been applied before the restart, and before the
// result that spawned it.
func (d *coordinator) expectSpawned(ctx context.Context, spawned []fleet.Task) error {
	for _, t := range spawned {
		done, err := d.p.s.db.WorkDone(ctx, d.p.scan.ID, t.ID)
		if err != nil {
			return err
		}
		if done {
			d.track.finish(t.ID)
		}
		d.track.expect(t.ID)
	}
	return nil
}

// idle is apply without results: the scan is over when no task is open;
// after stallCheck without a result, the coordinator looks for tasks
// JetStream lost.
func (d *coordinator) idle(ctx context.Context) (bool, error) {
	if d.track.open == 0 {
		return true, nil
	}
	if d.lastResult.IsZero() {
		d.lastResult = time.Now()
	}
	if time.Since(d.lastResult) < stallCheck {
		return false, nil
	}
	d.lastResult = time.Now()
	_, again, err := d.reconcile(ctx)
	switch {
	case err != nil:
		// A cluster electing a leader answers nothing for a while:
		// look again at the next stall.
		d.p.log.Warn("looking for tasks lost in nats failed", "err", err)
	case again > 0:
		d.p.notify(EventNotice, fmt.Sprintf("%d page(s) lost in nats published again", again))
	}
	return false, nil
}

// count adds a result to the scan's and its site's counts.
func (d *coordinator) count(r fleet.Result) {
	p := d.p
	p.mu.Lock()
	defer p.mu.Unlock()
	st := d.perSite[r.Task.Site]
	if st == nil {
		st = &crawler.Stats{Errors: map[string]int{}}
		d.perSite[r.Task.Site] = st
	}
	addCount(&p.scan.Workers, r.Worker, 1)
	if r.Deliveries > 1 {
		addCount(&p.scan.Redelivered, r.Task.Site, int(r.Deliveries-1))
	}
	if r.Failed != "" && byURL(r.Task) {
		// As a local revisit: a failure tells nothing of the listing,
		// nor of whether the site can be reached.
		p.scan.AddError("revisit")
		p.log.Warn("revisit failed", "url", r.Task.URL, "kind", r.Failed, "err", r.Err, "worker", r.Worker)
		return
	}
	if r.Failed != "" {
		p.scan.AddError(r.Failed)
		st.Errors[r.Failed]++
		p.log.Info("task failed", "url", r.Task.URL, "kind", r.Failed, "err", r.Err, "worker", r.Worker)
		return
	}
	p.scan.Pages++
	st.Pages++
	if r.Listing != nil {
		p.scan.Listings++
	}
}

// addCount adds n to (*m)[k], making the map when it has none.
func addCount(m *map[string]int, k string, n int) {
	if *m == nil {
		*m = map[string]int{}
	}
	(*m)[k] += n
}

// tracker knows which of a scan's tasks are published and which have
// their result: the scan is over when none is open. A result may come
// before the result of the task that published it.
type tracker struct {
	expected, done map[string]bool
	open           int
}

func newTracker() *tracker {
	return &tracker{expected: map[string]bool{}, done: map[string]bool{}}
}

// expect adds published tasks.
func (t *tracker) expect(ids ...string) {
	for _, id := range ids {
		if t.expected[id] {
			continue
		}
		t.expected[id] = true
		if !t.done[id] {
			t.open++
		}
	}
}

// finish marks a task's result applied; false when it was already.
func (t *tracker) finish(id string) bool {
	if t.done[id] {
		return false
	}
	t.done[id] = true
	if t.expected[id] {
		t.open--
	}
	return true
}

// LeftByCoordinator returns the distributed scan a coordinator that died
// left running, when it is the scan a resume goes on with (the newest
// interrupted or failed one), or nil: `serve --nats` resumes it when it
// starts, as the coordinator that restarted. A scan stopped or cancelled
// is not left running, and waits to be resumed by someone.
func LeftByCoordinator(ctx context.Context, db *store.DB) (*shadowscan.Scan, error) {
	left, err := db.LeftRunning(ctx)
	if err != nil || len(left) == 0 {
		return nil, err
	}
	next, err := resumable(ctx, db)
	if err != nil {
		if shadowscan.ErrorCode(err) == shadowscan.ENOTFOUND {
			return nil, nil
		}
		return nil, err
	}
	if next.ID != left[0].ID || next.Plan == nil || !next.Plan.Distributed {
		return nil, nil
	}
	return next, nil
}
