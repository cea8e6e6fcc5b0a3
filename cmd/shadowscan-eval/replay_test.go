package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// replayMarket serves a two-listing marketplace and counts the listing
// pages it serves.
func replayMarket(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var served atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/search", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") != "1" {
			fmt.Fprint(w, "<html><body></body></html>")
			return
		}
		fmt.Fprint(w, `<html><body><a class="item" href="/item/1">1</a><a class="item" href="/item/2">2</a></body></html>`)
	})
	mux.HandleFunc("/item/", func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		id := strings.TrimPrefix(r.URL.Path, "/item/")
		fmt.Fprintf(w, `<html><body><h1>Aurora Protein %s</h1><span class="price">¥%s8.00</span><div class="desc">line one<br>line two</div></body></html>`, id, id)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &served
}

const replaySiteRule = `name: replay-market
base_url: http://127.0.0.1:1
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 3
  listing_links: "a.item@href"
listing:
  id: "h1 | re:(\\d+)$"
  title: "h1"
  price: ".price"
  currency: CNY
  description: ".desc"
politeness: {parallelism: 2, delay: 0s, respect_robots_txt: false, timeout: 5s, retries: 0}
`

// TestReplayKeepsACrawlAndMatchesItAgain checks -replay: a first run
// crawls and keeps what it fetched, a second run hands the sink the same
// listings without fetching a page, and a damaged file is an error that
// names its line.
func TestReplayKeepsACrawlAndMatchesItAgain(t *testing.T) {
	ctx := context.Background()
	site, err := rules.ParseSite("replay-market.yaml", []byte(replaySiteRule))
	if err != nil {
		t.Fatal(err)
	}
	srv, served := replayMarket(t)
	f := fetcher{dir: t.TempDir()}
	collect := func() ([]shadowscan.Listing, error) {
		var got []shadowscan.Listing
		err := f.each(ctx, "w", site, srv.URL, []string{"aurora"}, func(_ context.Context, l *shadowscan.Listing) error {
			got = append(got, *l)
			return nil
		})
		slices.SortFunc(got, func(a, b shadowscan.Listing) int { return strings.Compare(a.ID, b.ID) })
		return got, err
	}
	crawled, err := collect()
	if err != nil || len(crawled) != 2 || served.Load() != 2 {
		t.Fatalf("crawl: %d listings, %d pages served, err %v", len(crawled), served.Load(), err)
	}
	replayed, err := collect()
	if err != nil {
		t.Fatal(err)
	}
	if served.Load() != 2 {
		t.Errorf("the replay fetched %d listing pages", served.Load()-2)
	}
	if len(replayed) != len(crawled) {
		t.Fatalf("replayed %d listings, crawled %d", len(replayed), len(crawled))
	}
	for i := range crawled {
		c, r := crawled[i], replayed[i]
		if c.ID != r.ID || c.Title != r.Title || c.Price != r.Price || c.Currency != r.Currency || c.Description != r.Description || !c.FetchedAt.Equal(r.FetchedAt) {
			t.Errorf("replayed %+v, crawled %+v", r, c)
		}
	}

	file := filepath.Join(f.dir, "w", "replay-market.jsonl")
	if err := os.WriteFile(file, []byte("{\"listing_id\":\"1\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := collect(); err == nil || !strings.Contains(err.Error(), file+":2") {
		t.Errorf("a damaged replay file: %v, want an error naming %s:2", err, file)
	}
}

// TestCrawlWithoutReplayKeepsNothing checks that without -replay nothing
// is written and every run crawls.
func TestCrawlWithoutReplayKeepsNothing(t *testing.T) {
	site, err := rules.ParseSite("replay-market.yaml", []byte(replaySiteRule))
	if err != nil {
		t.Fatal(err)
	}
	srv, served := replayMarket(t)
	for range 2 {
		err := fetcher{}.each(context.Background(), "w", site, srv.URL, []string{"aurora"}, func(context.Context, *shadowscan.Listing) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
	}
	if served.Load() != 4 {
		t.Errorf("two runs without replay served %d listing pages, want 4", served.Load())
	}
}

// TestNoDelayDropsThePolitenessDelay checks -no-delay: a site whose rule
// waits a minute between requests is crawled whole well within that
// minute, and the rule itself is left as it was.
func TestNoDelayDropsThePolitenessDelay(t *testing.T) {
	rule := strings.Replace(replaySiteRule, "{parallelism: 2, delay: 0s,", "{parallelism: 1, delay: 60s,", 1)
	site, err := rules.ParseSite("replay-market.yaml", []byte(rule))
	if err != nil {
		t.Fatal(err)
	}
	if site.Politeness.Delay != time.Minute {
		t.Fatalf("the rule's delay is %v, want a minute", site.Politeness.Delay)
	}
	srv, served := replayMarket(t)
	// With the delay, the four requests (two search pages, two listings)
	// would take three minutes.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	n := 0
	err = fetcher{noDelay: true}.each(ctx, "w", site, srv.URL, []string{"aurora"}, func(context.Context, *shadowscan.Listing) error {
		n++
		return nil
	})
	if err != nil || n != 2 || served.Load() != 2 {
		t.Fatalf("crawl without the delay: %d listings, %d pages served, err %v; want 2 and 2 within 30 s", n, served.Load(), err)
	}
	if site.Politeness.Delay != time.Minute {
		t.Errorf("the rule's delay became %v", site.Politeness.Delay)
	}
}
