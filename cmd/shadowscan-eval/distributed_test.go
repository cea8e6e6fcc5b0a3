package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/scan"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/store/storetest"
)

// TestDistributedScanOnHeldOutWorlds scans held-out worlds' marketplaces
// (written from the SPEC by someone who read none of the code) twice,
// each time into a new store: once in one process, and once distributed
// over two workers through an embedded NATS JetStream server, as `serve
// --nats embedded` and `shadowscan worker` run it. Both stores must hold
// the same listings and the same hits (product, category, score): the
// distributed path has only been compared on marketplaces we wrote.
// world4 puts the listing id in a query string among tracking
// parameters; world11 is the newest world, with two sites.
func TestDistributedScanOnHeldOutWorlds(t *testing.T) {
	if testing.Short() {
		t.Skip("scans two held-out worlds twice each")
	}
	for _, w := range []*heldout{world4World(), world11World()} {
		t.Run(w.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			set, names, bases := heldoutRules(t, w)
			cat, err := loadCatalogFS(ctx, w.catalog)
			if err != nil {
				t.Fatal(err)
			}
			o := scan.Options{Sites: names, BaseURLs: bases, NoRevisit: true}

			local := catalogStore(t, filepath.Join(t.TempDir(), "local.db"), cat)
			sc, err := scan.New(local, set).Run(ctx, o, nil)
			if err != nil || sc.State != shadowscan.ScanDone {
				t.Fatalf("local scan: %+v, %v", sc, err)
			}
			wantListings, wantHits := storetest.Contents(t, local, "")

			srv, err := fleet.StartEmbedded(t.TempDir(), "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			stop := startHeldoutWorkers(t, srv.URL(), set, names)
			defer stop()
			coord := fleetConn(t, srv.URL(), "coordinator")
			dist := catalogStore(t, filepath.Join(t.TempDir(), "dist.db"), cat)
			dsc, err := scan.New(dist, set).RunDistributed(ctx, coord, o, nil)
			if err != nil || dsc.State != shadowscan.ScanDone {
				t.Fatalf("distributed scan: %+v, %v", dsc, err)
			}
			listings, hits := storetest.Contents(t, dist, "")
			t.Logf("%s: one process %d listings, %d hits; distributed %d listings, %d hits (record: %d pages, errors %v)",
				w.name, len(wantListings), len(wantHits), len(listings), len(hits), dsc.Pages, dsc.Errors)
			if len(wantListings) == 0 || len(wantHits) == 0 {
				t.Fatalf("the one-process scan stored %d listings and %d hits: the world was not crawled", len(wantListings), len(wantHits))
			}
			if !slices.Equal(listings, wantListings) {
				t.Errorf("listings differ:\n%s", keyDiff(listings, wantListings))
			}
			if !slices.Equal(hits, wantHits) {
				t.Errorf("hits differ:\n%s", keyDiff(hits, wantHits))
			}
		})
	}
}

// heldoutRules serves each site of w on loopback and returns the embedded
// rules with w's site rules added, without their politeness delay (the
// comparison does not depend on it), the site names, and their bases.
func heldoutRules(t *testing.T, w *heldout) (*rules.Set, []string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	bases := map[string]string{}
	var names []string
	for _, s := range w.sites {
		site, err := rules.ParseSite(s.name+".yaml", s.rule)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name+".yaml"), s.rule, 0o644); err != nil {
			t.Fatal(err)
		}
		base, stop, err := serveLoopback(s.handler)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		names = append(names, site.Name)
		bases[site.Name] = base
	}
	set, err := rules.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		site := set.Sites[name].Clone()
		site.Politeness.Delay = 0
		set.Sites[name] = site
	}
	return set, names, bases
}

// catalogStore opens a new store at path holding cat.
func catalogStore(t *testing.T, path string, cat *shadowscan.Catalog) *store.DB {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.SaveCatalog(context.Background(), cat, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// fleetConn connects to the NATS server at url as name.
func fleetConn(t *testing.T, url, name string) *fleet.Conn {
	t.Helper()
	c, err := fleet.Connect(context.Background(), url, fleet.ConnectOptions{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// startHeldoutWorkers starts two in-process workers on sites; stop ends
// them.
func startHeldoutWorkers(t *testing.T, url string, set *rules.Set, sites []string) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range 2 {
		name := fmt.Sprintf("w%d", i+1)
		q := fleetConn(t, url, name)
		wg.Go(func() { _ = scan.NewWorker(set, name).Run(ctx, q, sites) })
	}
	return func() { cancel(); wg.Wait() }
}

// keyDiff lists the keys only one side has (at most 20 each).
func keyDiff(got, want []string) string {
	only := func(a, b []string) []string {
		var out []string
		for _, k := range a {
			if _, ok := slices.BinarySearch(b, k); !ok {
				out = append(out, k)
			}
		}
		return out[:min(len(out), 20)]
	}
	return fmt.Sprintf("only distributed: %q\nonly one process: %q", only(got, want), only(want, got))
}
