package scan

import (
	"context"
	"errors"
	"fmt"
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
// Each result is recorded under its task's id in the scan's frontier in
// that same transaction, so a result delivered again changes nothing;
// the store never overwrites a reviewer's status.
//
// Not yet distributed: resuming (Options.Resume), proxies (the workers
// use their own network), the stored sessions of `sites login`, and the
// revisits of listings tracked for takedown (the scan records
// NoRevisit). The scan is over when every task it published has its
// result.
func (s *Scanner) RunDistributed(ctx context.Context, q *fleet.Conn, o Options, on func(Event)) (*shadowscan.Scan, error) {
	switch {
	case o.Resume:
		return nil, UsageError{errors.New("--resume: a distributed scan cannot be resumed yet: start a new one, or resume without --nats")}
	case len(o.Proxies) > 0:
		return nil, UsageError{errors.New("--proxy: the workers of a distributed scan fetch through their own network; leave out --proxy")}
	}
	revisits := !o.NoRevisit
	o.NoRevisit = true
	sc, sites, o, err := s.plan(ctx, o)
	if err != nil {
		return nil, err
	}
	m, err := s.matcher(ctx, sc)
	if err != nil {
		return nil, err
	}
	p := newPipeline(s, sc, m, o, on)
	sc.State, sc.StartedAt = shadowscan.ScanRunning, time.Now().UTC()
	if err := s.db.StartScan(ctx, sc); err != nil {
		return nil, err
	}
	p.log = s.log.With("scan", sc.ID)
	p.log.Info("distributed scan started", "sites", sc.Sites, "queries", len(sc.Queries))
	if revisits {
		p.notify(EventNotice, "distributed scan: the listings tracked for takedown that search does not reach are not fetched again (revisits are not distributed yet; a scan without --nats does them)")
	}
	d := &coordinator{p: p, q: q, sites: sites, track: newTracker(), perSite: map[string]*crawler.Stats{}}
	runErr := d.run(ctx)
	err = s.finish(ctx, p, runErr)
	if qerr := q.EndScan(context.WithoutCancel(ctx), sc.ID); qerr != nil {
		p.log.Warn("the scan's leftovers in nats could not be removed", "err", qerr)
	}
	return p.scan, err
}

// coordinator is one distributed scan's state on the coordinator.
type coordinator struct {
	p     *pipeline
	q     *fleet.Conn
	sites []*rules.Site
	track *tracker
	// perSite counts each site's pages and failures, for unreachable.
	perSite map[string]*crawler.Stats
}

// run seeds the scan and applies its results until every task is done.
func (d *coordinator) run(ctx context.Context) error {
	for _, site := range d.sites {
		if err := d.seed(ctx, site); err != nil {
			return fmt.Errorf("scan %s: %w", site.Name, err)
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
	return nil
}

// seed opens site's task consumer and publishes the first search page of
// each query.
func (d *coordinator) seed(ctx context.Context, site *rules.Site) error {
	pol := site.Politeness
	limits := fleet.SiteLimits{Parallelism: pol.Parallelism, Delay: pol.Delay + pol.RandomDelay, Timeout: pol.Timeout, AckWait: d.p.s.ackWait}
	if err := d.q.OpenSite(ctx, site.Name, limits); err != nil {
		return err
	}
	digest, err := siteDigest(site)
	if err != nil {
		return err
	}
	id := d.p.scan.ID
	base := strings.TrimRight(site.BaseURL, "/")
	var tasks []fleet.Task
	for _, query := range d.p.scan.Queries {
		if strings.TrimSpace(query) == "" {
			continue
		}
		t := fleet.NewTask(id, site.Name, fleet.KindSearch, site.SearchURL(base, query, 1))
		t.Query, t.Page, t.MaxPages, t.BaseURL, t.Rules = query, 1, d.p.o.MaxPages, site.BaseURL, digest.SHA256
		tasks = append(tasks, t)
	}
	ids, err := d.q.Publish(ctx, fmt.Sprintf("scan-%d", id), tasks)
	d.track.expect(ids...)
	return err
}

// apply records a batch of results in one transaction: the listings,
// matched, and a frontier mark for every result's task. Results applied
// before (delivered again) are skipped. done is true once every task
// published has its result.
func (d *coordinator) apply(ctx context.Context, results []fleet.Result) (done bool, err error) {
	p := d.p
	var obs []store.Observation
	var keys []string
	for _, r := range results {
		key := resultKey(r.Task.ID)
		if seen, err := p.s.db.Visited(ctx, p.scan.ID, key); err != nil || seen || !d.track.finish(r.Task.ID) {
			if err != nil {
				return false, err
			}
			continue
		}
		d.track.expect(r.Spawned...)
		keys = append(keys, key)
		d.count(r)
		if r.Listing != nil && r.Failed == "" {
			l := *r.Listing
			obs = append(obs, store.Observation{ScanID: p.scan.ID, Listing: l, Captures: r.Captures, Verdict: p.m.Match(&l), KeepCaptures: p.o.KeepAll})
		}
	}
	if len(keys) > 0 {
		outs, err := p.s.db.Record(ctx, obs, store.WithFrontier(p.scan.ID, keys, nil), store.ConfirmGoneAfter(p.goneGap))
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

// resultKey is the frontier key under which a task's result is recorded.
func resultKey(taskID string) string { return "fleet\x00" + taskID }

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
