package fleet

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TestAgain: a request left unanswered by a server going away is sent
// again; an answer, even an error, ends it, and so does its context.
func TestAgain(t *testing.T) {
	ctx := context.Background()
	calls := 0
	err := again(ctx, func(context.Context) error {
		if calls++; calls < 3 {
			return nats.ErrNoResponders // no JetStream there for now
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("answered on the 3rd try: err %v after %d calls; want nil after 3", err, calls)
	}
	calls = 0
	err = again(ctx, func(context.Context) error { calls++; return jetstream.ErrKeyExists })
	if !errors.Is(err, jetstream.ErrKeyExists) || calls != 1 {
		t.Errorf("an answer that is an error: %v after %d calls; want ErrKeyExists after 1", err, calls)
	}
	calls = 0
	dctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	err = again(dctx, func(context.Context) error { calls++; return nats.ErrTimeout })
	if err == nil || calls < 2 || dctx.Err() == nil {
		t.Errorf("never answered: %v after %d calls (context %v); want an error once the context is done, after several calls", err, calls, dctx.Err())
	}
}
