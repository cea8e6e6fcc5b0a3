package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Coordinator tuning.
const (
	// resultBatch is how many results one apply (one bbolt transaction)
	// takes at most.
	resultBatch = 64
	// resultWait is how long a fetch of results waits for the first.
	resultWait = 500 * time.Millisecond
	// resultAckWait is how long the coordinator may hold a batch before
	// it is delivered again: applying is one transaction.
	resultAckWait = 30 * time.Second
	// fetchGiveUp is how long fetching results may keep failing (no
	// server, a stream without a leader) before the scan fails.
	fetchGiveUp = 2 * time.Minute
	// bodyTries is how many deliveries of a result may fail to load its
	// capture bodies before a body not found is dropped, or another
	// failure fails the scan: a follower of a cluster may not have the
	// body yet, and a leader election makes reads fail for a while.
	bodyTries = 5
	// bodyBudget bounds the loading of a batch's capture bodies, well
	// within resultAckWait: a read the cluster never answers (its stream
	// lost its leader) must not hold the scan.
	bodyBudget = resultAckWait / 2
)

// Apply applies a batch of a scan's results and commits it; only then
// are they acked. It is called with nil now and then when no result
// came, so it can tell whether the scan is over; done ends Results.
type Apply func(ctx context.Context, results []Result) (done bool, err error)

// Results takes scan's results in batches, with their capture bodies
// loaded, and hands each to apply, acking the batch once apply returned
// without error, until apply says done, apply fails, or ctx is done. It
// also turns the server's advisories of the scan's tasks delivered
// MaxDeliver times without an ack into failed results, those that came
// while no coordinator read them included. Called again for a scan (a
// coordinator that restarted), it goes on where the last call stopped.
func (c *Conn) Results(ctx context.Context, scan uint64, apply Apply) error {
	cons, err := c.js.CreateOrUpdateConsumer(ctx, ResultsStream, jetstream.ConsumerConfig{
		Durable: scanConsumer(scan), FilterSubject: resultSubject(scan),
		AckPolicy: jetstream.AckExplicitPolicy, AckWait: resultAckWait,
	})
	if err != nil {
		return fmt.Errorf("result consumer of scan %d: %w", scan, err)
	}
	adv, err := c.advisories(ctx, scan)
	if err != nil {
		return err
	}
	var failingSince time.Time
	for ctx.Err() == nil {
		c.readAdvisories(ctx, scan, adv)
		msgs, results, err := c.fetchResults(ctx, cons)
		switch {
		case err == nil:
			failingSince = time.Time{}
		case failingSince.IsZero():
			failingSince = time.Now()
			fallthrough
		case time.Since(failingSince) < fetchGiveUp:
			c.log.Warn("fetching results failed; trying again", "scan", scan, "err", err)
			sleep(ctx, time.Second)
			continue
		default:
			return err
		}
		done, err := apply(ctx, results)
		if err != nil {
			return err
		}
		for _, m := range msgs {
			if err := m.Ack(); err != nil {
				c.log.Warn("ack of an applied result failed; its redelivery is a no-op", "err", err)
			}
		}
		if done {
			return nil
		}
	}
	return ctx.Err()
}

// fetchResults takes up to resultBatch results, waiting at most
// resultWait for the first, and loads their capture bodies; a result
// whose bodies do not load within the batch's bodyBudget is left to be
// delivered again.
func (c *Conn) fetchResults(ctx context.Context, cons jetstream.Consumer) ([]jetstream.Msg, []Result, error) {
	// FetchMaxWait, not a context: see worker.pull.
	batch, err := cons.Fetch(resultBatch, jetstream.FetchMaxWait(resultWait))
	if err != nil {
		if ctx.Err() == nil && (errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout)) {
			return nil, nil, nil
		}
		return nil, nil, fmt.Errorf("fetch results: %w", err)
	}
	var msgs []jetstream.Msg
	var results []Result
	lctx, cancel := context.WithTimeout(ctx, bodyBudget)
	defer cancel()
	for m := range batch.Messages() {
		var r Result
		if err := json.Unmarshal(m.Data(), &r); err != nil {
			c.log.Error("a result that is not one: dropped", "err", err)
			_ = m.Term()
			continue
		}
		if err := c.loadBodies(lctx, m, &r); err != nil {
			if !c.laterAgain(m, err) {
				return nil, nil, err
			}
			continue
		}
		msgs, results = append(msgs, m), append(results, r)
	}
	if err := batch.Error(); err != nil && ctx.Err() == nil &&
		!errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, nats.ErrTimeout) {
		c.log.Warn("fetching results", "err", err)
	}
	return msgs, results, nil
}

// laterAgain hands a result whose bodies did not load back to be
// delivered again later, and reports whether it did: not once it was
// delivered bodyTries times.
func (c *Conn) laterAgain(m jetstream.Msg, err error) bool {
	meta, merr := m.Metadata()
	if merr != nil || meta.NumDelivered >= bodyTries {
		return false
	}
	c.log.Warn("a result's capture bodies did not load; delivered again later", "delivery", meta.NumDelivered, "err", err)
	_ = m.NakWithDelay(time.Duration(meta.NumDelivered) * time.Second)
	return true
}

// loadBodies reads r's capture bodies, which m brought, from the captures
// store. A body that is gone (kept longer than captureTTL) drops its
// capture once m was delivered bodyTries times; before, it is an error
// (a follower of a cluster may not have it yet).
func (c *Conn) loadBodies(ctx context.Context, m jetstream.Msg, r *Result) error {
	last := false
	if meta, err := m.Metadata(); err == nil {
		last = meta.NumDelivered >= bodyTries
	}
	kept := r.Captures[:0]
	for _, capt := range r.Captures {
		if b, ok := r.Bodies[capt.BodySHA256]; ok {
			capt.Body = b
		} else if capt.BodySHA256 != "" {
			b, err := c.captures.GetBytes(ctx, capt.BodySHA256)
			switch {
			case errors.Is(err, jetstream.ErrObjectNotFound) && last:
				c.log.Warn("a capture body is no longer in the capture store: capture dropped", "url", capt.URL, "sha256", capt.BodySHA256)
				continue
			case err != nil:
				return fmt.Errorf("capture %s: %w", capt.URL, err)
			}
			capt.Body = b
		}
		kept = append(kept, capt)
	}
	r.Captures, r.Bodies = kept, nil
	return nil
}

// gaveUp reports the task at seq, if it is scan's, as failed and removes
// it from the stream.
func (c *Conn) gaveUp(ctx context.Context, scan, seq, deliveries uint64) error {
	raw, err := c.tasks.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil // acked after all
	}
	if err != nil {
		return err
	}
	var t Task
	if err := json.Unmarshal(raw.Data, &t); err != nil || t.Scan != scan {
		return err
	}
	if err := c.release(ctx, t); err != nil {
		return err
	}
	r := Result{Task: t, Worker: "coordinator", Deliveries: deliveries, Failed: "max_deliver", Err: "delivered the most times allowed without an ack (did its workers die on it?)"}
	if err := c.publishResult(ctx, r); err != nil {
		return err
	}
	return c.tasks.DeleteMsg(ctx, seq)
}

// EndScan removes what is left of scan in JetStream: its key in the
// scans bucket (workers drop its tasks from then on), its tasks not yet
// done (an interrupted scan), its results not applied and its result and
// advisory consumers. Its claims expire with the seen-set's TTL. A scan
// resumed later has its open tasks published again (Republish).
func (c *Conn) EndScan(ctx context.Context, scan uint64) error {
	var errs []error
	if err := c.scans.Delete(ctx, scanKey(scan)); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		errs = append(errs, err)
	}
	if err := c.js.DeleteConsumer(ctx, ResultsStream, scanConsumer(scan)); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		errs = append(errs, err)
	}
	if err := c.js.DeleteConsumer(ctx, AdvisoriesStream, advisoryConsumer(scan)); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		errs = append(errs, err)
	}
	if err := c.tasks.Purge(ctx, jetstream.WithPurgeSubject(taskPrefix+"*."+fmt.Sprint(scan))); err != nil {
		errs = append(errs, err)
	}
	if err := c.results.Purge(ctx, jetstream.WithPurgeSubject(resultSubject(scan))); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("end scan %d in nats: %w", scan, err)
	}
	return nil
}
