package crawler

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/shadowscan/shadowscan"
)

// Revisit fetches again by URL the listings each yields, as FetchListing
// does (a gone page comes back with Listing.Removed; a login, captcha or
// failed fetch is an error that says nothing about the listing), in one
// run of the crawler: the site's politeness (at most its parallelism at
// once, colly's per-host delay, robots.txt), the crawler's transport and
// so its open connections, and its photo cache, so a photo the search
// crawl fetched is not fetched again.
//
// each is called once, in its own goroutine's turn, with the run's
// context, and yields URLs until it returns; yield reports false when the
// revisit is stopping. visit is called for each URL, never concurrently,
// with the page or the fetch's error; an error from visit or each stops
// the revisit and is returned. Stats count the pages and photos fetched,
// Listings the pages handed to visit without error, and failures by kind.
func (c *Crawler) Revisit(ctx context.Context, each func(ctx context.Context, yield func(url string) bool) error,
	visit func(ctx context.Context, url string, p *Page, err error) error) (Stats, error) {
	if each == nil || visit == nil {
		return Stats{}, shadowscan.Errorf(shadowscan.EINVALID, "crawler: revisit needs urls and a visit function")
	}
	g, gctx := errgroup.WithContext(ctx)
	r, err := c.newRun(gctx)
	if err != nil {
		return Stats{}, err
	}
	g.SetLimit(r.inFlight())
	var mu sync.Mutex
	call := func(u string, p *Page, ferr error) error {
		mu.Lock()
		defer mu.Unlock()
		if err := gctx.Err(); err != nil {
			return err
		}
		if ferr == nil {
			r.stats.add(func(s *Stats) { s.Listings++ })
		}
		return visit(gctx, u, p, ferr)
	}
	one := func(u string) error {
		p, ferr := r.revisitOne(gctx, u)
		if ferr != nil && gctx.Err() != nil {
			return gctx.Err()
		}
		err := call(u, p, ferr)
		r.reportProgress()
		return err
	}
	eachErr := each(gctx, func(u string) bool {
		if gctx.Err() != nil {
			return false
		}
		g.Go(func() error { return one(u) })
		return gctx.Err() == nil
	})
	err = g.Wait()
	if err == nil {
		err = eachErr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil {
		err = ctx.Err()
	}
	return r.stats.snapshot(), err
}

// revisitOne fetches one listing by URL for Revisit.
func (r *run) revisitOne(ctx context.Context, rawURL string) (*Page, error) {
	u := normalizeURL(nil, rawURL)
	if u == nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "revisit: %q is not an absolute http(s) url", rawURL)
	}
	if err := r.c.policy.checkPage(u); err != nil {
		r.stats.addError("offsite")
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "revisit: %v", err)
	}
	p, err := r.fetchListing(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("revisit %s: %w", u, err)
	}
	return p, nil
}
