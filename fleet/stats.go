package fleet

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Worker heartbeats: a worker pulling a site's tasks puts its name in
// the workers bucket every workerBeat; an entry not renewed within
// workerTTL is gone (the bucket's TTL), so a killed worker drops out of
// the count on its own.
const (
	workerBeat = 5 * time.Second
	workerTTL  = 3 * workerBeat
)

// keyUnsafe is what a worker's name may not hold in a KV key.
var keyUnsafe = regexp.MustCompile(`[^A-Za-z0-9_=-]`)

// workerKey is the workers bucket's key of a worker pulling site's tasks:
// SITE.NAME, the name made safe for a key.
func workerKey(site, name string) string {
	if name == "" {
		name = "unnamed"
	}
	return site + "." + keyUnsafe.ReplaceAllString(name, "_")
}

// beat says that the worker named name pulls site's tasks until ctx is
// done, then takes its entry away.
func (c *Conn) beat(ctx context.Context, site, name string) {
	key := workerKey(site, name)
	t := time.NewTicker(workerBeat)
	defer t.Stop()
	for {
		if _, err := c.workers.Put(ctx, key, []byte(name)); err != nil && ctx.Err() == nil {
			c.log.Warn("worker heartbeat failed", "site", site, "err", err)
		}
		select {
		case <-ctx.Done():
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			defer cancel()
			_ = c.workers.Delete(dctx, key) // else it expires after workerTTL
			return
		case <-t.C:
		}
	}
}

// SiteStats are one site's tasks and workers as JetStream has them now.
type SiteStats struct {
	Site string
	// Workers counts the workers pulling the site's tasks (heartbeats).
	Workers int
	// InFlight counts the tasks delivered to a worker and not yet acked
	// (at most the site's parallelism); Pending those waiting in the
	// stream; Redelivered those of InFlight delivered more than once.
	InFlight, Pending, Redelivered int
}

// Stats are the fleet's state now: its workers and each site's tasks.
type Stats struct {
	// Workers counts the live workers (by name; one pulling several
	// sites counts once).
	Workers int
	// Sites are the sites with a task consumer or a worker, by name.
	Sites []SiteStats
}

// Stats reads the fleet's state: the task consumers' counts and the
// workers' heartbeats.
func (c *Conn) Stats(ctx context.Context) (Stats, error) {
	bySite := map[string]*SiteStats{}
	site := func(name string) *SiteStats {
		if bySite[name] == nil {
			bySite[name] = &SiteStats{Site: name}
		}
		return bySite[name]
	}
	list := c.tasks.ListConsumers(ctx)
	for info := range list.Info() {
		name, ok := strings.CutPrefix(info.Name, "site-")
		if !ok {
			continue
		}
		s := site(name)
		s.InFlight, s.Pending, s.Redelivered = info.NumAckPending, int(info.NumPending), info.NumRedelivered
	}
	if err := list.Err(); err != nil {
		return Stats{}, fmt.Errorf("task consumers: %w", err)
	}
	keys, err := c.workers.Keys(ctx)
	if err != nil && !errors.Is(err, jetstream.ErrNoKeysFound) {
		return Stats{}, fmt.Errorf("worker heartbeats: %w", err)
	}
	names := map[string]bool{}
	for _, k := range keys {
		s, name, ok := strings.Cut(k, ".")
		if !ok {
			continue
		}
		site(s).Workers++
		names[name] = true
	}
	st := Stats{Workers: len(names)}
	for _, s := range bySite {
		st.Sites = append(st.Sites, *s)
	}
	slices.SortFunc(st.Sites, func(a, b SiteStats) int { return strings.Compare(a.Site, b.Site) })
	return st, nil
}
