package main

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/scan"
)

// TestRemovalsOnWorkers is TestRemovalsAreReal's revisit case run on
// workers (serve --nats): a dozen reported listings of a faulty
// marketplace that search no longer lists are revisited by URL by the
// workers; 404, 410 and the removed marker are seen gone on the first
// rescan and confirmed on the second, the faults that must never read as
// gone leave their hits as they were, and a one-scan recheck after a
// short gap confirms a removal by itself.
func TestRemovalsOnWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end distributed rescans of a test marketplace; run without -short")
	}
	ids, market, srv := faultCaseMarket(t)
	db, rulesDir := faultStore(t)
	mustCLI(t, db, "--rules", rulesDir, "scan", "--site", "fault-market", "--base-url", srv.URL, "--query", "q")
	hitOf := reportAll(t, db, ids)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	gf := &Globals{DBPath: db, RulesDir: rulesDir, Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	q, url, stop, err := startFleet(ctx, gf, serveOptions{NATS: natsOptions{URL: natsEmbedded}, NATSListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	gw := &Globals{RulesDir: rulesDir, Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	wctx, stopWorker := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = runWorker(wctx, gw, workerOptions{nats: natsOptions{URL: url}, Sites: []string{"fault-market"}, Name: "w1"})
	})
	defer func() { stopWorker(); wg.Wait() }()
	rescan := func(gap time.Duration) *shadowscan.Scan {
		t.Helper()
		g := &Globals{DBPath: db, RulesDir: rulesDir, Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
		defer g.close()
		sc, err := runScan(ctx, g, scanOptions{Options: scan.Options{Sites: []string{"fault-market"}, BaseURL: srv.URL, Queries: []string{"q"}, ConfirmGoneAfter: &gap}, Quiet: true, Fleet: q})
		if err != nil || sc.State != shadowscan.ScanDone {
			t.Fatalf("distributed rescan: %+v, %v", sc, err)
		}
		return sc
	}

	for _, c := range faultCases {
		market.set(c.id, c.mode)
	}
	market.mu.Lock()
	market.searchOff = true // only revisits by URL reach the listings
	market.mu.Unlock()
	sc := rescan(time.Hour) // the first sighting
	if sc.SeenGone != 4 || sc.Workers["w1"] == 0 {
		t.Errorf("the first rescan: %d seen gone, tasks by worker %v; want 4, done by w1", sc.SeenGone, sc.Workers)
	}
	firstSeen := checkFirstSighting(t, db, hitOf)
	rescan(0) // the second sighting
	assertNoFalseRemovals(t, db, checkConfirmed(t, db, hitOf, firstSeen)...)

	// One scan, a short gap: the workers fetch live1 again after it and
	// the scan confirms the removal itself.
	market.set("live1", mode410)
	before := market.count("/item/live1")
	rescan(50 * time.Millisecond)
	if h := showHit(t, db, hitOf["live1"]); h.Status != shadowscan.StatusRemoved || market.count("/item/live1")-before != 2 {
		t.Errorf("one rescan with a 50ms gap: status %s after %d fetches; want removed after 2", h.Status, market.count("/item/live1")-before)
	}
}
