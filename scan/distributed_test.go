package scan

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// fleetQueries are the demo queries the distributed tests scan: enough
// for several result pages, listings found by two queries, hits of
// every kind, and a short run.
var fleetQueries = []string{"奥罗拉 蛋白粉", "薇丹丝"}

// MustFleet starts an embedded JetStream server and returns its URL.
func MustFleet(tb testing.TB) string {
	tb.Helper()
	srv, err := fleet.StartEmbedded(tb.TempDir(), "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(srv.Close)
	return srv.URL()
}

// MustFleetConn connects to the server at url.
func MustFleetConn(tb testing.TB, url, name string) *fleet.Conn {
	tb.Helper()
	c, err := fleet.Connect(context.Background(), url, fleet.ConnectOptions{Name: name})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.Close)
	return c
}

// startWorkers starts n in-process workers on the demo site, each with
// its own connection, until the test ends.
func startWorkers(t *testing.T, url string, set *rules.Set, n int, prefix string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range n {
		name := fmt.Sprintf("%s%d", prefix, i+1)
		q := MustFleetConn(t, url, name)
		wg.Go(func() { NewWorker(set, name).Run(ctx, q, []string{demo.SiteName}) })
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// rulesWithPoliteness is the embedded rules with the demo site's
// politeness replaced by pol (a YAML flow map).
func rulesWithPoliteness(t *testing.T, pol string) *rules.Set {
	t.Helper()
	def, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	site, err := def.Site(demo.SiteName)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("..", "rules", "defaults", "sites", demo.SiteName+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "politeness:") {
			lines[i] = "politeness: " + pol
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(site.File)), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// storeContents are a store's listings (site/id) and hits (listing,
// product, category, score), sorted: what two scans of one marketplace
// must agree on.
func storeContents(t *testing.T, db *store.DB) (listings, hits []string) {
	t.Helper()
	ctx := context.Background()
	err := db.EachListing(ctx, demo.SiteName, func(r *store.ListingRecord) error {
		listings = append(listings, r.Listing.Key())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	hs, err := db.Hits(ctx, shadowscan.HitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		hits = append(hits, fmt.Sprintf("%s %s/%s %s %d", h.Listing.Key(), h.BrandID, h.SKU, h.Category, h.Score))
	}
	sort.Strings(listings)
	sort.Strings(hits)
	return listings, hits
}

// localScan scans the demo marketplace at base in one process and
// returns what it stored.
func localScan(t *testing.T, set *rules.Set, base string) (listings, hits []string) {
	t.Helper()
	db, _ := mustDemoStore(t)
	sc, err := New(db, set).Run(context.Background(), Options{Sites: []string{demo.SiteName}, BaseURL: base, Queries: fleetQueries, NoRevisit: true}, nil)
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("local scan: %+v, %v", sc, err)
	}
	return storeContents(t, db)
}

// TestDistributedScanMatchesLocal: a scan of the demo marketplace by two
// workers through JetStream stores the same listings and the same hits
// as a scan in one process, each listing and hit once.
func TestDistributedScanMatchesLocal(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice")
	}
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(demo.NewMarket().Handler())
	t.Cleanup(srv.Close)
	wantListings, wantHits := localScan(t, set, srv.URL)

	url := MustFleet(t)
	startWorkers(t, url, set, 2, "w")
	db, _ := mustDemoStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	sc, err := New(db, set).RunDistributed(ctx, MustFleetConn(t, url, "coordinator"),
		Options{Sites: []string{demo.SiteName}, BaseURL: srv.URL, Queries: fleetQueries}, nil)
	if err != nil || sc.State != shadowscan.ScanDone {
		t.Fatalf("distributed scan: %+v, %v", sc, err)
	}
	listings, hits := storeContents(t, db)
	t.Logf("local and distributed: %d listings, %d hits; distributed scan record: %d pages, %d listings, %d new hits, errors %v",
		len(wantListings), len(wantHits), sc.Pages, sc.Listings, sc.Hits, sc.Errors)
	if !slices.Equal(listings, wantListings) {
		t.Errorf("listings differ:\ndistributed %v\nlocal       %v", listings, wantListings)
	}
	if !slices.Equal(hits, wantHits) {
		t.Errorf("hits differ:\ndistributed %v\nlocal       %v", hits, wantHits)
	}
	if sc.Listings != len(wantListings) || sc.Hits != len(wantHits) {
		t.Errorf("the record counts %d listings, %d hits; stored %d, %d", sc.Listings, sc.Hits, len(wantListings), len(wantHits))
	}
}
