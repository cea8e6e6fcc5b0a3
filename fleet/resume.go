package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// A scan outlives its coordinator's process. While the coordinator is
// down, workers go on with the scan's tasks and their results wait in the
// results stream, and the server's advisories of tasks given up wait in
// the advisory stream. A coordinator that restarts knows from its store
// which tasks it still waits for; Pending tells which of them are still
// somewhere in JetStream, and Republish hands out again those that are
// not (a scan stopped cleanly has its tasks purged; a seed may not have
// been published before the coordinator died).
//
// A scan under way has a key in the scans bucket (StartScan). A worker
// drops a task of a scan without one, so that once a scan is stopped
// the pages its last tasks found are not crawled by nobody's scan.

// maxDeliveriesSubject is where the server advises of a task consumer's
// task delivered the most times allowed.
const maxDeliveriesSubject = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + TasksStream + ".*"

// scanKey is scan's key in the scans bucket.
func scanKey(scan uint64) string { return strconv.FormatUint(scan, 10) }

// StartScan marks scan under way, so that workers take its tasks: the
// coordinator calls it before it publishes the scan's first task, and
// again when it resumes the scan.
func (c *Conn) StartScan(ctx context.Context, scan uint64) error {
	if _, err := c.scans.Put(ctx, scanKey(scan), []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
		return fmt.Errorf("start scan %d in nats: %w", scan, err)
	}
	return nil
}

// underWay reports whether scan is under way. Only a scan known to be
// over is not: when the bucket cannot be read, the task is done rather
// than lost.
func (c *Conn) underWay(ctx context.Context, scan uint64) bool {
	_, err := c.scans.Get(ctx, scanKey(scan))
	return !errors.Is(err, jetstream.ErrKeyNotFound)
}

// Pending is what JetStream holds of a scan: the ids of its tasks in the
// tasks stream (waiting, being fetched, or given up and not yet
// reported), and the results waiting in the results stream with the
// tasks each spawned.
type Pending struct {
	Tasks   map[string]bool
	Results map[string][]Task
	// Stranded are tasks the tasks stream still holds that their site
	// consumer will never deliver again and no advisory reports, by id
	// with their stream sequence (see consumerState.stranded). They are
	// not in Tasks: for the coordinator they are lost.
	Stranded map[string]uint64
}

// Pending reads what JetStream holds of scan. The tasks stream is read
// first: a worker publishes a task's result before it acks the task, so
// a task gone from the first is in the second. The task consumers' state
// is read before either (consumerState.stranded).
func (c *Conn) Pending(ctx context.Context, scan uint64) (Pending, error) {
	p := Pending{Tasks: map[string]bool{}, Results: map[string][]Task{}, Stranded: map[string]uint64{}}
	consumers, err := c.consumerStates(ctx)
	if err != nil {
		return p, err
	}
	givenUp, err := c.givenUp(ctx)
	if err != nil {
		return p, err
	}
	err = eachMsg(ctx, c.tasks, taskPrefix+"*."+strconv.FormatUint(scan, 10), func(m *jetstream.RawStreamMsg) {
		var t Task
		if json.Unmarshal(m.Data, &t) != nil || t.Scan != scan {
			return
		}
		if cs, ok := consumers[siteConsumer(t.Site)]; ok && !givenUp[m.Sequence] && cs.stranded(m.Sequence) {
			p.Stranded[t.ID] = m.Sequence
			return
		}
		p.Tasks[t.ID] = true
	})
	if err != nil {
		return p, fmt.Errorf("tasks of scan %d in nats: %w", scan, err)
	}
	err = eachMsg(ctx, c.results, resultSubject(scan), func(m *jetstream.RawStreamMsg) {
		var r Result
		if json.Unmarshal(m.Data, &r) == nil && r.Task.Scan == scan {
			p.Results[r.Task.ID] = r.Spawned
		}
	})
	if err != nil {
		return p, fmt.Errorf("results of scan %d in nats: %w", scan, err)
	}
	return p, nil
}

// consumerState is what a task consumer said of its deliveries.
type consumerState struct {
	// ackFloor is the stream sequence up to which every task was acked;
	// delivered the highest stream sequence delivered; ackPending how
	// many tasks were out (delivered, or waiting to be delivered again)
	// and not acked.
	ackFloor, delivered uint64
	ackPending          int
}

// stranded reports whether a task at stream sequence seq, read from the
// stream after the consumer said s, will never be delivered again: it is
// at or below the ack floor (acked: a work-queue stream removes a task
// with its ack, so it was left behind by a server killed in between), or
// it was delivered while none was out (so it was neither acked nor given
// back: given up after its deliveries, its advisory lost). A task given
// up with its advisory kept is reported by that, and is not asked about.
func (s consumerState) stranded(seq uint64) bool {
	return seq <= s.ackFloor || s.ackPending == 0 && seq <= s.delivered
}

// consumerStates returns each task consumer's state, by name.
func (c *Conn) consumerStates(ctx context.Context) (map[string]consumerState, error) {
	states := map[string]consumerState{}
	l := c.tasks.ListConsumers(ctx)
	for info := range l.Info() {
		states[info.Name] = consumerState{ackFloor: info.AckFloor.Stream, delivered: info.Delivered.Stream, ackPending: info.NumAckPending}
	}
	if err := l.Err(); err != nil {
		return nil, fmt.Errorf("task consumers in nats: %w", err)
	}
	return states, nil
}

// givenUp returns the stream sequences of the tasks the server advised
// were delivered the most times allowed (kept in the advisory stream).
func (c *Conn) givenUp(ctx context.Context) (map[uint64]bool, error) {
	seqs := map[uint64]bool{}
	err := eachMsg(ctx, c.advisoryStream, maxDeliveriesSubject, func(m *jetstream.RawStreamMsg) {
		var a maxDeliveries
		if json.Unmarshal(m.Data, &a) == nil && a.Stream == TasksStream {
			seqs[a.StreamSeq] = true
		}
	})
	if err != nil {
		return nil, fmt.Errorf("advisories in nats: %w", err)
	}
	return seqs, nil
}

// eachMsg calls fn with every message of s on subject, in order, reading
// them one by one (a work-queue stream takes no second consumer on a
// subject its consumers filter).
func eachMsg(ctx context.Context, s jetstream.Stream, subject string, fn func(*jetstream.RawStreamMsg)) error {
	for seq := uint64(1); ; {
		m, err := s.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(subject))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		fn(m)
		seq = m.Sequence + 1
	}
}

// Republish publishes tasks again without claiming their URLs (they hold
// their claims), in a new round (Task.Round): under their own message
// ids the stream would take a task published within its duplicate
// window, and since purged, for a duplicate, and so would the results
// stream take its result and the tasks it spawns. The coordinator
// republishes only tasks Pending does not find.
func (c *Conn) Republish(ctx context.Context, tasks []Task) error {
	round := strconv.FormatInt(time.Now().UnixNano(), 36)
	for _, t := range tasks {
		t.Round = round
		if err := checkSite(t.Site); err != nil {
			return err
		}
		data, err := json.Marshal(t)
		if err != nil {
			return err
		}
		if _, err := c.js.Publish(ctx, taskSubject(t.Site, t.Scan), data, jetstream.WithMsgID(t.msgID())); err != nil {
			return fmt.Errorf("publish task %s again: %w", t.URL, err)
		}
	}
	return nil
}

// advisories returns scan's durable consumer of the advisory stream,
// made on the scan's first Results call: from the stream's start, so an
// advisory that came before it is read too (gaveUp skips other scans').
func (c *Conn) advisories(ctx context.Context, scan uint64) (jetstream.Consumer, error) {
	cons, err := c.js.CreateOrUpdateConsumer(ctx, AdvisoriesStream, jetstream.ConsumerConfig{
		Durable: advisoryConsumer(scan), AckPolicy: jetstream.AckExplicitPolicy,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("advisory consumer of scan %d: %w", scan, err)
	}
	return cons, nil
}

func advisoryConsumer(scan uint64) string { return "adv-" + strconv.FormatUint(scan, 10) }

// maxDeliveries is the part of the server's max-deliveries advisory
// that is read.
type maxDeliveries struct {
	Stream     string `json:"stream"`
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries uint64 `json:"deliveries"`
}

// readAdvisories turns the advisories waiting for scan into failed
// results of its tasks given up (gaveUp), acking each once it is
// reported; one that could not be is read again later.
func (c *Conn) readAdvisories(ctx context.Context, scan uint64, cons jetstream.Consumer) {
	batch, err := cons.FetchNoWait(resultBatch)
	if err != nil {
		return
	}
	for m := range batch.Messages() {
		var a maxDeliveries
		if json.Unmarshal(m.Data(), &a) != nil || a.Stream != TasksStream {
			_ = m.Ack()
			continue
		}
		if err := c.gaveUp(ctx, scan, a.StreamSeq, a.Deliveries); err != nil {
			c.log.Warn("a task given up after its deliveries could not be reported yet", "seq", a.StreamSeq, "err", err)
			_ = m.NakWithDelay(time.Second)
			continue
		}
		_ = m.Ack()
	}
}

// TakeOver makes a coordinator that resumes scan the reader of its
// results: the result consumer is made anew, so that the results a
// coordinator that died had taken and not acked come at once rather than
// after their AckWait (a work-queue stream keeps every result until it
// is acked, and a new consumer starts from the first).
func (c *Conn) TakeOver(ctx context.Context, scan uint64) error {
	if err := c.js.DeleteConsumer(ctx, ResultsStream, scanConsumer(scan)); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return fmt.Errorf("take over the results of scan %d: %w", scan, err)
	}
	return nil
}
