package store

import (
	"context"
	"fmt"

	"github.com/shadowscan/shadowscan"
)

// DefaultBatch is how many observations a Writer commits at once when
// NewWriter is given 0.
const DefaultBatch = 64

// Writer buffers observations and records them a batch per transaction,
// which costs one disk sync per batch instead of one per listing.
//
// A Writer is for use from one goroutine: the scan pipeline's single
// writer goroutine owns it. It is not safe for concurrent use.
type Writer struct {
	db       *DB
	batch    int
	onCommit func([]Outcome)
	buf      []Observation
	closed   bool
}

// NewWriter returns a Writer that commits every batch observations (0 or
// less: DefaultBatch) and then calls onCommit, if not nil, with their
// outcomes in the order they were added.
func (db *DB) NewWriter(batch int, onCommit func([]Outcome)) *Writer {
	if batch <= 0 {
		batch = DefaultBatch
	}
	return &Writer{db: db, batch: batch, onCommit: onCommit, buf: make([]Observation, 0, batch)}
}

// Add buffers obs, committing the batch when it is full. The observation's
// slices must not be changed until the batch is committed.
func (w *Writer) Add(ctx context.Context, obs Observation) error {
	if w.closed {
		return shadowscan.Errorf(shadowscan.EINVALID, "add to a closed store writer")
	}
	w.buf = append(w.buf, obs)
	if len(w.buf) >= w.batch {
		return w.Flush(ctx)
	}
	return nil
}

// Flush commits the buffered observations now. On error the batch is
// dropped (nothing of it was stored) and the error returned, so a caller
// that goes on does not record the same batch twice.
func (w *Writer) Flush(ctx context.Context) error {
	if len(w.buf) == 0 {
		return nil
	}
	out, err := w.db.Record(ctx, w.buf)
	n := len(w.buf)
	clear(w.buf)
	w.buf = w.buf[:0]
	if err != nil {
		return fmt.Errorf("store writer: %d observations not stored: %w", n, err)
	}
	if w.onCommit != nil {
		w.onCommit(out)
	}
	return nil
}

// Pending returns how many observations wait for the next commit.
func (w *Writer) Pending() int { return len(w.buf) }

// Close commits what is buffered; later Adds fail. It commits even when
// ctx is already cancelled (a scan stopped by a signal keeps the listings
// it fetched); ctx's values are kept.
func (w *Writer) Close(ctx context.Context) error {
	if w.closed {
		return nil
	}
	w.closed = true
	return w.Flush(context.WithoutCancel(ctx))
}
