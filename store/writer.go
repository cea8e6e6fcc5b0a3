package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/shadowscan/shadowscan"
)

// Defaults of a Writer.
const (
	// DefaultBatch is how many observations one transaction commits.
	// bbolt syncs once per transaction, so batching is what makes a scan's
	// writes cheap; 64 keeps at most a few seconds of work uncommitted.
	DefaultBatch = 64
	// DefaultInterval is the longest a queued observation or mark waits
	// for a commit when the batch does not fill.
	DefaultInterval = 500 * time.Millisecond
	// DefaultBuffer is how many observations and marks may wait for the
	// writer while it commits. Kept small: what waits is lost on a kill
	// and fetched again on resume, so a kill costs at most one batch,
	// this buffer and the listings in flight.
	DefaultBuffer = 16
)

// Writer is the one way a scan writes what it sees: it funnels
// observations and frontier marks from any number of goroutines into one
// goroutine (bbolt has one writer) that commits them in batches, a
// transaction each, the marks with the observations they follow. A mark
// travels behind the observations queued before it, so a listing URL is
// never marked visited before its listing is committed (a kill between
// the two fetches the page again on resume instead of losing it).
//
// Make one with NewWriter and Close it when done. The scan pipeline, the
// store benchmark and `make eval` all record through it.
type Writer struct {
	db  *DB
	cfg writerConfig

	items chan writerItem
	// failed is closed when a commit failed; err then holds why.
	failed chan struct{}
	err    error
	// done is closed when the goroutine has returned.
	done chan struct{}
}

// Commit is what one transaction of a Writer stored: the observations in
// the order they were added, with their outcomes at the same index.
type Commit struct {
	Observations []Observation
	Outcomes     []Outcome
}

// WriterOption configures a Writer.
type WriterOption func(*writerConfig)

type writerConfig struct {
	batch    int
	interval time.Duration
	buffer   int
	scanID   uint64
	record   []RecordOption
	onCommit func(Commit)
}

// WithBatch sets how many observations one transaction commits (0 or
// less: DefaultBatch).
func WithBatch(n int) WriterOption { return func(c *writerConfig) { c.batch = n } }

// WithInterval sets the longest a queued write waits when the batch does
// not fill (0 or less: DefaultInterval).
func WithInterval(d time.Duration) WriterOption { return func(c *writerConfig) { c.interval = d } }

// WithBuffer sets how many writes may queue while the writer commits (0 or
// less: DefaultBuffer).
func WithBuffer(n int) WriterOption { return func(c *writerConfig) { c.buffer = n } }

// WithScanFrontier sets the scan whose frontier MarkVisited and
// MarkSearch write.
func WithScanFrontier(scanID uint64) WriterOption {
	return func(c *writerConfig) { c.scanID = scanID }
}

// WithRecordOptions passes options to every Record the Writer makes (for
// example ConfirmGoneAfter).
func WithRecordOptions(opts ...RecordOption) WriterOption {
	return func(c *writerConfig) { c.record = append(c.record, opts...) }
}

// OnCommit calls f in the writer's goroutine after each transaction that
// stored observations. f must not call the Writer, and must not keep the
// Commit's slices: they are reused once f returns.
func OnCommit(f func(Commit)) WriterOption { return func(c *writerConfig) { c.onCommit = f } }

// writerItem is one queued write: an observation, a listing URL to mark
// visited, a search page to mark, or a flush barrier.
type writerItem struct {
	obs     *Observation
	visited string
	search  *SearchMark
	// barrier, when set, asks the writer to commit everything before it
	// and then close it.
	barrier chan struct{}
}

// NewWriter starts a Writer on db. It runs until Close.
func (db *DB) NewWriter(opts ...WriterOption) *Writer {
	cfg := writerConfig{}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.batch <= 0 {
		cfg.batch = DefaultBatch
	}
	if cfg.interval <= 0 {
		cfg.interval = DefaultInterval
	}
	if cfg.buffer <= 0 {
		cfg.buffer = DefaultBuffer
	}
	w := &Writer{db: db, cfg: cfg, items: make(chan writerItem, cfg.buffer),
		failed: make(chan struct{}), done: make(chan struct{})}
	go w.loop()
	return w
}

// Add queues obs for the next commit. It returns the error that stopped
// the writer, if a commit failed, or ctx's error. The observation's
// slices must not be changed afterwards.
func (w *Writer) Add(ctx context.Context, obs Observation) error {
	return w.send(ctx, writerItem{obs: &obs})
}

// MarkVisited queues a listing URL (a frontier key) of the scan set by
// WithScanFrontier, to be marked visited in the transaction that commits
// the observations queued before it.
func (w *Writer) MarkVisited(ctx context.Context, key string) error {
	return w.send(ctx, writerItem{visited: key})
}

// MarkSearch queues a search page mark, as MarkVisited does.
func (w *Writer) MarkSearch(ctx context.Context, m SearchMark) error {
	return w.send(ctx, writerItem{search: &m})
}

// Flush returns once everything queued before the call is committed, or
// with the error that stopped the writer, or ctx's error.
func (w *Writer) Flush(ctx context.Context) error {
	done := make(chan struct{})
	if err := w.send(ctx, writerItem{barrier: done}); err != nil {
		return err
	}
	select {
	case <-done:
		return nil
	case <-w.failed:
		return w.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close commits what is queued and stops the writer. It commits even when
// ctx is already cancelled (a scan stopped by a signal keeps the listings
// it fetched), and returns the first commit error. Nothing may be sent
// after or during Close.
func (w *Writer) Close(ctx context.Context) error {
	select {
	case <-w.done:
		return w.err
	default:
	}
	close(w.items)
	<-w.done
	return w.err
}

// errWriterClosed is what a send to a writer that stopped without a
// commit error returns.
var errWriterClosed = errors.New("store writer is closed")

func (w *Writer) send(ctx context.Context, it writerItem) error {
	select {
	case <-w.failed:
		return w.err
	case <-w.done:
		if w.err != nil {
			return w.err
		}
		return shadowscan.Errorf(shadowscan.EINVALID, "%v", errWriterClosed)
	default:
	}
	select {
	case w.items <- it:
		return nil
	case <-w.failed:
		return w.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// loop is the writer's goroutine. It commits with a context that outlives
// any caller's, so what was handed over before a Ctrl-C is kept. After a
// failed commit it records the error, drops what is queued (so senders
// are not blocked) and returns once the writer is closed.
func (w *Writer) loop() {
	defer close(w.done)
	ctx := context.Background()
	var b writerBatch
	tick := time.NewTicker(w.cfg.interval)
	defer tick.Stop()
	for {
		select {
		case it, ok := <-w.items:
			if !ok {
				w.commit(ctx, &b)
				return
			}
			b.add(it)
			if it.barrier != nil || len(b.obs) >= w.cfg.batch {
				w.commit(ctx, &b)
			}
		case <-tick.C:
			w.commit(ctx, &b)
		}
		if w.err != nil {
			for range w.items {
			}
			return
		}
	}
}

// writerBatch is what the writer commits at once.
type writerBatch struct {
	obs      []Observation
	visited  []string
	search   []SearchMark
	barriers []chan struct{}
}

func (b *writerBatch) add(it writerItem) {
	switch {
	case it.obs != nil:
		b.obs = append(b.obs, *it.obs)
	case it.barrier != nil:
		b.barriers = append(b.barriers, it.barrier)
	case it.search != nil:
		b.search = append(b.search, *it.search)
	default:
		b.visited = append(b.visited, it.visited)
	}
}

// commit stores b in one transaction: the observations and the frontier
// marks that follow them, so a kill never leaves a stored listing
// unmarked for want of a second commit. Barriers are released once it is
// stored; on failure w.err is set and failed closed instead.
func (w *Writer) commit(ctx context.Context, b *writerBatch) {
	if len(b.obs)+len(b.visited)+len(b.search) > 0 && w.err == nil {
		opts := w.cfg.record
		if len(b.visited)+len(b.search) > 0 {
			opts = append(opts[:len(opts):len(opts)], WithFrontier(w.cfg.scanID, b.visited, b.search))
		}
		outs, err := w.db.Record(ctx, b.obs, opts...)
		if err != nil {
			w.err = fmt.Errorf("store listings: %d observation(s) not stored: %w", len(b.obs), err)
			close(w.failed)
			return
		}
		if w.cfg.onCommit != nil && len(b.obs) > 0 {
			w.cfg.onCommit(Commit{Observations: b.obs, Outcomes: outs})
		}
	}
	for _, c := range b.barriers {
		close(c)
	}
	clear(b.obs)
	b.obs, b.visited, b.search, b.barriers = b.obs[:0], b.visited[:0], b.search[:0], b.barriers[:0]
}
