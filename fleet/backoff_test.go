package fleet

import (
	"context"
	"testing"
	"time"
)

// TestBackOffKeepsTheLaterEnd: a site's shared backoff ends at the
// latest end any worker set; a site with none has a zero end.
func TestBackOffKeepsTheLaterEnd(t *testing.T) {
	ctx := context.Background()
	c := MustConnect(t, MustServer(t), "w")
	if end := c.backedOff(ctx, "site-a"); !end.IsZero() {
		t.Fatalf("a site never throttled backs off until %v", end)
	}
	start := time.Now()
	for _, d := range []time.Duration{2 * time.Second, time.Second} {
		if err := c.BackOff(ctx, "site-a", d); err != nil {
			t.Fatal(err)
		}
	}
	if end := c.backedOff(ctx, "site-a"); end.Before(start.Add(2*time.Second)) || end.After(time.Now().Add(2*time.Second)) {
		t.Fatalf("after 2s then 1s: ends at +%s; want the 2s end", end.Sub(start))
	}
	if err := c.BackOff(ctx, "site-a", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if end := c.backedOff(ctx, "site-a"); end.Before(start.Add(5 * time.Second)) {
		t.Fatalf("after 5s: ends at +%s", end.Sub(start))
	}
	if end := c.backedOff(ctx, "site-b"); !end.IsZero() {
		t.Errorf("another site backs off until %v", end)
	}
	if err := c.BackOff(ctx, "Not A Site", time.Second); err == nil {
		t.Error("a site name that cannot be a key was taken")
	}
}
