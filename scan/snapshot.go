package scan

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/matcher"
)

// snapshot is what the workers of a distributed scan read of the
// coordinator's catalogue: enough to tell, as the coordinator's matcher
// does, which listings' photos can change a verdict
// (matcher.PhotosMatter), so that a worker fetches and hashes only those,
// as a scan in one process does. Matching itself stays on the
// coordinator.
type snapshot struct {
	Catalog *shadowscan.Catalog `json:"catalog"`
	// Detection is the digest of the coordinator's detection rules: a
	// worker with other rules would judge photos by them, and fetches
	// every photo instead.
	Detection string `json:"detection"`
}

// catalogSnapshot is the snapshot of cat, matched with the detection
// rules of digest detection (the scan plan's).
func catalogSnapshot(cat *shadowscan.Catalog, detection string) ([]byte, error) {
	return json.Marshal(snapshot{Catalog: cat, Detection: detection})
}

// snapshotsKept is how many snapshots' matchers a worker keeps (one a
// catalogue version in use).
const snapshotsKept = 4

// photosWanted returns the crawler option that has the fetcher of a scan
// whose tasks name the snapshot name fetch only the photos that matter to
// it; none, so that every photo is fetched, when the task names none,
// or the snapshot cannot be read or was made with other detection rules.
// w.mu is held.
func (w *Worker) photosWanted(ctx context.Context, name string) []crawler.Option {
	if name == "" {
		return nil
	}
	m, err := w.snapshotMatcher(ctx, name)
	if err != nil {
		w.cfg.log.Warn("the scan's catalogue snapshot is not used: every photo is fetched", "snapshot", name, "err", err)
		return nil
	}
	return []crawler.Option{crawler.WithPhotosWanted(m.PhotosMatter)}
}

// snapshotMatcher returns the matcher of the snapshot name, reading it
// the first time. w.mu is held.
func (w *Worker) snapshotMatcher(ctx context.Context, name string) (*matcher.Matcher, error) {
	if m := w.matchers[name]; m != nil {
		return m, nil
	}
	data, err := w.q.Snapshot(ctx, name)
	if err != nil {
		return nil, err
	}
	var snap snapshot
	if err := json.Unmarshal(data, &snap); err != nil || snap.Catalog == nil {
		return nil, fmt.Errorf("catalogue snapshot %s: not one (%v)", name, err)
	}
	d, err := detectionDigest(w.rules.Detection)
	if err != nil {
		return nil, err
	}
	if d.SHA256 != snap.Detection {
		return nil, fmt.Errorf("this worker's detection rules (%s) differ from the coordinator's: give both the same --rules", d.File)
	}
	m, err := matcher.New(snap.Catalog, w.rules.Detection)
	if err != nil {
		return nil, fmt.Errorf("catalogue snapshot %s: %w", name, err)
	}
	if len(w.matchers) >= snapshotsKept {
		clear(w.matchers)
	}
	w.matchers[name] = m
	return m, nil
}
