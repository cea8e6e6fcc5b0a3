package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Publish claims each task's URL in its scan's seen-set in owner's name
// (the id of the task whose page found it, or the coordinator's for seed
// tasks) and publishes the tasks it claimed, each under its id as
// Nats-Msg-Id. A URL claimed before by owner itself is published again
// (a task delivered again repeats what it did; the stream drops the
// duplicate); one claimed by another owner is left to it. It returns the
// tasks published.
func (c *Conn) Publish(ctx context.Context, owner string, tasks []Task) ([]Task, error) {
	var out []Task
	for i, t := range tasks {
		if err := checkSite(t.Site); err != nil {
			return out, err
		}
		if slices.ContainsFunc(tasks[:i], func(o Task) bool { return o.ID == t.ID }) {
			continue // a page that links to a URL twice
		}
		mine, err := c.claim(ctx, t, owner)
		if err != nil {
			return out, err
		}
		if !mine {
			continue
		}
		data, err := json.Marshal(t)
		if err != nil {
			return out, err
		}
		if err := c.publish(ctx, taskSubject(t.Site, t.Scan), data, t.msgID()); err != nil {
			return out, fmt.Errorf("publish task %s: %w", t.URL, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// claim claims t's URL for owner and reports whether owner holds it.
func (c *Conn) claim(ctx context.Context, t Task, owner string) (bool, error) {
	key := claimKey(t)
	for range 3 {
		// A claim sent again after its answer was lost finds the key
		// taken by owner: still owner's.
		err := again(ctx, func(ctx context.Context) error {
			_, err := c.seen.Create(ctx, key, []byte(owner))
			return err
		})
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, jetstream.ErrKeyExists) {
			return false, fmt.Errorf("claim %s: %w", t.URL, err)
		}
		var e jetstream.KeyValueEntry
		err = again(ctx, func(ctx context.Context) (err error) {
			e, err = c.seen.Get(ctx, key)
			return err
		})
		switch {
		case errors.Is(err, jetstream.ErrKeyNotFound):
			continue // released between the two: claim it again
		case err != nil:
			return false, fmt.Errorf("claim %s: %w", t.URL, err)
		}
		return string(e.Value()) == owner, nil
	}
	return false, fmt.Errorf("claim %s: the claim keeps changing hands", t.URL)
}

// release gives up t's claim, so that a later page linking to its URL
// may try it again.
func (c *Conn) release(ctx context.Context, t Task) error {
	err := again(ctx, func(ctx context.Context) error { return c.seen.Delete(ctx, claimKey(t)) })
	if err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("release claim of %s: %w", t.URL, err)
	}
	return nil
}

// inlineBodies is how many bytes of capture bodies a result carries in
// its message (a listing page and its photos, usually); larger bodies go
// through the captures object store, whose puts and reads cost several
// JetStream requests each. Well under NATS's default 1 MB payload once
// base64-encoded.
const inlineBodies = 256 << 10

// publishResult puts r's capture bodies in the message up to
// inlineBodies, the others in the captures object store, and publishes r
// under "r-" + its task's message id.
func (c *Conn) publishResult(ctx context.Context, r Result) error {
	inline := 0
	for _, capt := range r.Captures {
		if capt.Body == nil || capt.BodySHA256 == "" {
			continue
		}
		if _, ok := r.Bodies[capt.BodySHA256]; ok {
			continue
		}
		if inline+len(capt.Body) <= inlineBodies {
			if r.Bodies == nil {
				r.Bodies = map[string][]byte{}
			}
			r.Bodies[capt.BodySHA256] = capt.Body
			inline += len(capt.Body)
			continue
		}
		if c.stored(ctx, capt.BodySHA256) {
			continue // stored already: photos are shared by listings
		}
		err := again(ctx, func(ctx context.Context) error {
			_, err := c.captures.PutBytes(ctx, capt.BodySHA256, capt.Body)
			return err
		})
		if err != nil {
			return fmt.Errorf("store capture of %s: %w", capt.URL, err)
		}
	}
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := c.publish(ctx, resultSubject(r.Task.Scan), data, "r-"+r.Task.msgID()); err != nil {
		return fmt.Errorf("publish result of %s: %w", r.Task.URL, err)
	}
	return nil
}

// stored reports whether the body named sha is whole in the captures
// store: its meta and all its chunks. A put cut off by a lost server can
// leave the meta without its chunks (the client purges the chunks of a
// put that failed), and such a body must be put again.
func (c *Conn) stored(ctx context.Context, sha string) bool {
	info, err := c.captures.GetInfo(ctx, sha)
	if err != nil {
		return false
	}
	if info.Chunks == 0 {
		return true
	}
	s, err := c.js.Stream(ctx, objStream(CapturesBucket))
	if err != nil {
		return false
	}
	chunks := "$O." + CapturesBucket + ".C." + info.NUID
	si, err := s.Info(ctx, jetstream.WithSubjectFilter(chunks))
	return err == nil && si.State.Subjects[chunks] == uint64(info.Chunks)
}

// publish publishes data on subject under the message id id, sent again
// while unanswered (the stream drops a second copy within its duplicate
// window).
func (c *Conn) publish(ctx context.Context, subject string, data []byte, id string) error {
	return again(ctx, func(ctx context.Context) error {
		_, err := c.js.Publish(ctx, subject, data, jetstream.WithMsgID(id))
		return err
	})
}

// requestWait bounds one JetStream request a worker makes once a task's
// page is fetched. A request sent to a server that is going away (shut
// down, restarted, or handing a stream's leadership over) may never be
// answered; sent again, it reaches the server the client is connected to
// now. Without it a worker waited out finishWait, holding its slot, after
// every lost server (the 15 s pause after a cluster lost a stream leader).
const requestWait = 3 * time.Second

// again runs the request fn, each time within requestWait, until it is
// answered or ctx is done. Only requests that may be sent twice are run
// so: a claim (a second one finds its own), a publish with a message id,
// a capture put under its body's sha256, a delete. Without a deadline
// of ctx's own, it tries for finishWait at most.
func again(ctx context.Context, fn func(context.Context) error) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, finishWait)
		defer cancel()
	}
	for {
		rctx, cancel := context.WithTimeout(ctx, requestWait)
		err := fn(rctx)
		unanswered := rctx.Err() != nil
		cancel()
		if err == nil || ctx.Err() != nil || !(unanswered || errors.Is(err, nats.ErrTimeout) || errors.Is(err, nats.ErrNoResponders)) {
			return err
		}
		sleep(ctx, 100*time.Millisecond)
	}
}
