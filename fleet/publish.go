package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

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
		if _, err := c.js.Publish(ctx, taskSubject(t.Site, t.Scan), data, jetstream.WithMsgID(t.msgID())); err != nil {
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
		_, err := c.seen.Create(ctx, key, []byte(owner))
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, jetstream.ErrKeyExists) {
			return false, fmt.Errorf("claim %s: %w", t.URL, err)
		}
		e, err := c.seen.Get(ctx, key)
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
	if err := c.seen.Delete(ctx, claimKey(t)); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
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
		if _, err := c.captures.PutBytes(ctx, capt.BodySHA256, capt.Body); err != nil {
			return fmt.Errorf("store capture of %s: %w", capt.URL, err)
		}
	}
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if _, err := c.js.Publish(ctx, resultSubject(r.Task.Scan), data, jetstream.WithMsgID("r-"+r.Task.msgID())); err != nil {
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
