package fleet

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// A site that answers 429 (or 503 with a Retry-After) asks its client to
// ask less. Each worker's crawler already waits before asking that page
// again, but the site counts every worker's requests: the one that was
// told shares the wait through the backoff bucket, and every worker
// waits it out before starting the site's next task, holding the task's
// slot (so the site's parallelism still holds once it is over).

// backoffTTL keeps a site's backoff end; ends are far shorter (the
// crawler caps a Retry-After at a minute).
const backoffTTL = time.Hour

// BackOff has every worker of site start none of its tasks for d from
// now: a worker whose fetch the site throttled calls it. An end set
// later than this one is kept.
func (c *Conn) BackOff(ctx context.Context, site string, d time.Duration) error {
	if err := checkSite(site); err != nil {
		return err
	}
	until := time.Now().Add(d).UTC()
	val := []byte(until.Format(time.RFC3339Nano))
	var err error
	for range 3 {
		var e jetstream.KeyValueEntry
		e, err = c.backoff.Get(ctx, site)
		switch {
		case errors.Is(err, jetstream.ErrKeyNotFound):
			_, err = c.backoff.Create(ctx, site, val)
		case err != nil:
			return fmt.Errorf("back off %s: %w", site, err)
		default:
			if prev, perr := time.Parse(time.RFC3339Nano, string(e.Value())); perr == nil && !prev.Before(until) {
				return nil
			}
			_, err = c.backoff.Update(ctx, site, val, e.Revision())
		}
		if err == nil {
			return nil
		}
	}
	return fmt.Errorf("back off %s: %w", site, err)
}

// backedOff returns when site's shared backoff ends (zero when it has
// none, or it cannot be read: a worker then goes on as if it had none).
func (c *Conn) backedOff(ctx context.Context, site string) time.Time {
	e, err := c.backoff.Get(ctx, site)
	if err != nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, string(e.Value()))
	if err != nil {
		return time.Time{}
	}
	return t
}
