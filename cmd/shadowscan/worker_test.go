package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/web"
)

// TestWorkerNeedsNATS: a worker without a NATS server to pull from is a
// usage error naming --nats.
func TestWorkerNeedsNATS(t *testing.T) {
	for _, args := range [][]string{{"worker"}, {"worker", "--nats", "embedded"}} {
		var out, errb bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), "--nats URL") {
			t.Errorf("%v: exit %d, %q; want 2 naming --nats URL", args, code, errb.String())
		}
	}
}

// TestServeScanOnWorkers runs a scan as serve --nats embedded does, on a
// worker started as `shadowscan worker` starts one: the scan is done with
// the listings the worker fetched stored by serve's side.
func TestServeScanOnWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end distributed scan: runs without -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	market := demo.NewMarket()
	base, err := market.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer market.Close()
	g := &Globals{DBPath: filepath.Join(t.TempDir(), "s.db"), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	defer g.close()
	db, err := g.CreateStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	saveDemoCatalog(t, db)
	q, url, stop, err := startFleet(ctx, g, serveOptions{NATS: natsOptions{URL: natsEmbedded}, NATSListen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	var wout bytes.Buffer
	gw := &Globals{Stdout: &wout, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	wctx, stopWorker := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var werr error
	wg.Go(func() {
		werr = runWorker(wctx, gw, workerOptions{nats: natsOptions{URL: url}, Sites: []string{demo.SiteName}, Name: "w1"})
	})
	req := web.ScanRequest{Sites: []string{demo.SiteName}, Queries: []string{"蛋白粉"}, MaxPages: 1}
	sc, err := runServeScan(ctx, g, map[string]string{demo.SiteName: base}, q, req, func(shadowscan.Scan) {})
	stopWorker()
	wg.Wait()
	if err != nil || sc.State != shadowscan.ScanDone || sc.Listings == 0 {
		t.Fatalf("scan %+v, %v", sc, err)
	}
	if n, err := db.HitCount(ctx, shadowscan.HitFilter{}); err != nil || n != sc.Hits {
		t.Errorf("%d hits stored (%v); the scan made %d", n, err, sc.Hits)
	}
	if werr != nil || !strings.Contains(wout.String(), "shadowscan worker w1: pulling tasks of "+demo.SiteName) {
		t.Errorf("worker ended with %v after printing %q", werr, wout.String())
	}
}
