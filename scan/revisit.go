package scan

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/rules"
)

// revisitPage is how many listings to revisit the store hands over at a
// time: memory stays bounded however many reported listings a site has.
const revisitPage = 256

// maxRecheckWait is the longest a scan waits to fetch again the listings
// it saw gone, so as to confirm their removal itself; with a longer
// confirmation gap a later scan confirms them.
const maxRecheckWait = 10 * time.Minute

// revisitSite fetches by URL every listing of site whose hit is reported,
// removed or relisted (of the scan's brand, when it has one), and hands
// each to the sink like a listing found through search, so that the store
// moves reported -> removed when the page answers 404 or 410 or shows the
// site's removed marker (twice, a while apart), and removed -> relisted
// when it is live again. A taken-down listing no longer shows in search
// results; only this visit sees it gone, and back. Listings the search
// crawl already recorded in this scan are skipped: the writer is flushed
// first, so their hits carry this scan's id. The fetches go through the
// site's crawler (crawler.Revisit): its politeness, transport and photo
// cache. A fetch that fails is counted under the error kind "revisit" and
// the scan goes on.
func (p *pipeline) revisitSite(ctx context.Context, c *crawler.Crawler, site *rules.Site) error {
	if err := p.w.Flush(ctx); err != nil {
		return err
	}
	base, err := url.Parse(site.BaseURL)
	if err != nil {
		return fmt.Errorf("base_url %q: %w", site.BaseURL, err)
	}
	refs := map[string]ref{}
	skipped := 0
	each := func(ctx context.Context, yield func(string) bool) error {
		var after uint64
		for ctx.Err() == nil {
			page, err := p.s.db.Revisits(ctx, site.Name, p.scan.BrandID, after, revisitPage)
			if err != nil || len(page) == 0 {
				return err
			}
			after = page[len(page)-1].HitID
			for _, r := range page {
				if r.ScanID == p.scan.ID {
					skipped++ // the search crawl (or an earlier run of this scan) saw it
					continue
				}
				u := rebase(r.URL, base)
				p.mu.Lock()
				refs[u] = ref{hit: r.HitID, id: r.ListingID}
				p.mu.Unlock()
				if !yield(u) {
					return nil
				}
			}
		}
		return nil
	}
	p.setRevisiting(true)
	defer p.setRevisiting(false)
	st, err := c.Revisit(ctx, each, p.visit(site.Name, refs))
	p.log.Info("revisited listings by url", "site", site.Name, "fetched", st.Pages, "skipped_seen_by_search", skipped)
	return err
}

// ref is the hit and stored id of a listing fetched again.
type ref struct {
	hit uint64
	id  string
}

// visit returns the function that takes each revisited page: a gone page
// is the listing asked for, under the key the store holds it by (the
// store decides what one gone sighting means); a fetch that failed (5xx,
// timeout, a login or captcha page) is counted under "revisit" and tells
// nothing: the listing is left as it was.
func (p *pipeline) visit(site string, refs map[string]ref) func(context.Context, string, *crawler.Page, error) error {
	return func(ctx context.Context, u string, page *crawler.Page, err error) error {
		p.mu.Lock()
		r := refs[u]
		delete(refs, u)
		if err != nil {
			p.scan.AddError("revisit")
			p.mu.Unlock()
			p.log.Warn("revisit failed", "site", site, "hit", r.hit, "url", u, "err", err)
			return nil
		}
		p.revisited++
		p.scan.Pages++
		p.scan.Listings++
		p.mu.Unlock()
		if page.Listing.Removed {
			page.Listing.Site, page.Listing.ID = site, r.id
		}
		return p.sink(ctx, page)
	}
}

// recheckGone fetches again, each once the confirmation gap since its
// first gone sighting has passed, the reported listings of site that this
// scan saw gone, when that is at most maxRecheckWait away: the second
// sighting a removal needs then comes from this scan.
func (p *pipeline) recheckGone(ctx context.Context, c *crawler.Crawler, site *rules.Site) error {
	if err := p.w.Flush(ctx); err != nil {
		return err
	}
	due := p.dueGone(site.Name)
	if len(due) == 0 {
		return nil
	}
	if wait := time.Until(due[len(due)-1].since.Add(p.goneGap)); wait > 0 {
		p.notify(EventNotice, fmt.Sprintf("%s: %d reported listing(s) seen gone: fetching them again in %s to confirm (--confirm-gone-after %s)",
			site.Name, len(due), wait.Round(time.Second), p.goneGap))
	}
	refs := map[string]ref{}
	each := func(ctx context.Context, yield func(string) bool) error {
		for _, r := range due {
			if err := sleepUntil(ctx, r.since.Add(p.goneGap)); err != nil {
				return nil // the revisit returns ctx's error
			}
			p.mu.Lock()
			refs[r.url] = ref{hit: r.hit, id: r.id}
			p.mu.Unlock()
			if !yield(r.url) {
				return nil
			}
		}
		return nil
	}
	p.setRevisiting(true)
	defer p.setRevisiting(false)
	_, err := c.Revisit(ctx, each, p.visit(site.Name, refs))
	return err
}

// setRevisiting says whether revisits run: their crawler's counts are
// not the search crawl's (visit counts them into the scan itself).
func (p *pipeline) setRevisiting(on bool) {
	p.mu.Lock()
	p.revisiting = on
	p.mu.Unlock()
}

// dueGone returns the open gone sightings of site that can be confirmed
// within maxRecheckWait, first sighted first.
func (p *pipeline) dueGone(site string) []goneRef {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []goneRef
	for hit, r := range p.goneSeen {
		if r.site == site && time.Until(r.since.Add(p.goneGap)) <= maxRecheckWait {
			r.hit = hit
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b goneRef) int { return a.since.Compare(b.since) })
	return out
}

// sleepUntil waits until t, or until ctx ends.
func sleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// rebase moves a stored listing URL onto base when their hosts differ:
// the site's base_url changed since the listing was stored (--base-url,
// or the demo marketplace on another port). The listing is identified by
// site and id; its path and query stay.
func rebase(raw string, base *url.URL) string {
	u, err := url.Parse(raw)
	if err != nil || base == nil || base.Host == "" || strings.EqualFold(u.Host, base.Host) {
		return raw
	}
	u.Scheme, u.Host = base.Scheme, base.Host
	return u.String()
}
