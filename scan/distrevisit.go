package scan

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
)

// A distributed scan revisits as a local one does (revisitSite,
// recheckGone), once every search task has its result: the listings
// tracked for takedown that search did not reach become revisit tasks,
// and, once those are applied, the reported listings seen gone that can
// be confirmed within maxRecheckWait become recheck tasks. The workers
// fetch them as listing pages; a gone page is the stored listing's.

// revisit runs the revisit and recheck phases.
func (d *coordinator) revisit(ctx context.Context) error {
	for _, phase := range []func(context.Context) ([]fleet.Task, error){d.revisitTasks, d.recheckTasks} {
		tasks, err := phase(ctx)
		if err != nil {
			return err
		}
		if len(tasks) == 0 {
			continue
		}
		if err := d.handOut(ctx, tasks); err != nil {
			return err
		}
		if err := d.q.Results(ctx, d.p.scan.ID, d.apply); err != nil {
			return err
		}
	}
	return nil
}

// handOut keeps tasks open in the store, then publishes them. They claim
// no URL: they are fetched by URL, not found on a page.
func (d *coordinator) handOut(ctx context.Context, tasks []fleet.Task) error {
	items, err := workItems(tasks)
	if err != nil {
		return err
	}
	if err := d.p.s.db.MarkWork(ctx, d.p.scan.ID, items, nil); err != nil {
		return err
	}
	for _, t := range tasks {
		d.track.expect(t.ID)
	}
	return d.q.Republish(ctx, tasks)
}

// revisitTasks are the tasks that fetch by URL every listing of the
// scan's sites whose hit is reported, removed or relisted (of the scan's
// brand, when it has one), but for those this scan recorded.
func (d *coordinator) revisitTasks(ctx context.Context) ([]fleet.Task, error) {
	p := d.p
	var tasks []fleet.Task
	for _, site := range d.sites {
		base, err := url.Parse(site.BaseURL)
		if err != nil {
			return nil, fmt.Errorf("base_url %q: %w", site.BaseURL, err)
		}
		skipped, n := 0, len(tasks)
		for after := uint64(0); ; {
			page, err := p.s.db.Revisits(ctx, site.Name, p.scan.BrandID, after, revisitPage)
			if err != nil {
				return nil, err
			}
			if len(page) == 0 {
				break
			}
			after = page[len(page)-1].HitID
			for _, r := range page {
				if r.ScanID == p.scan.ID {
					skipped++ // the search crawl (or an earlier run of this scan) saw it
					continue
				}
				tasks = append(tasks, d.listingTask(site, fleet.KindRevisit, rebase(r.URL, base), r.ListingID))
			}
		}
		p.log.Info("revisiting listings by url", "site", site.Name, "tasks", len(tasks)-n, "skipped_seen_by_search", skipped)
	}
	return tasks, nil
}

// recheckTasks are the tasks that fetch again the reported listings this
// scan saw gone whose confirmation gap ends within maxRecheckWait; it
// waits until the last gap has passed.
func (d *coordinator) recheckTasks(ctx context.Context) ([]fleet.Task, error) {
	p := d.p
	var tasks []fleet.Task
	var last time.Time
	for _, site := range d.sites {
		due := p.dueGone(site.Name)
		if len(due) == 0 {
			continue
		}
		end := due[len(due)-1].since.Add(p.goneGap)
		if wait := time.Until(end); wait > 0 {
			p.notify(EventNotice, fmt.Sprintf("%s: %d reported listing(s) seen gone: fetching them again in %s to confirm (--confirm-gone-after %s)",
				site.Name, len(due), wait.Round(time.Second), p.goneGap))
		}
		if end.After(last) {
			last = end
		}
		for _, r := range due {
			tasks = append(tasks, d.listingTask(site, fleet.KindRecheck, r.url, r.id))
		}
	}
	if len(tasks) > 0 {
		if err := sleepUntil(ctx, last); err != nil {
			return nil, err
		}
	}
	return tasks, nil
}

// listingTask is a task of kind fetching the stored listing id of site at u.
func (d *coordinator) listingTask(site *rules.Site, kind fleet.Kind, u, id string) fleet.Task {
	t := fleet.NewTask(d.p.scan.ID, site.Name, kind, u)
	t.BaseURL, t.Rules, t.Catalog, t.ListingID = site.BaseURL, d.digests[site.Name], d.catalog, id
	return t
}

// byURL reports whether t fetches a stored listing by URL (a revisit or
// a recheck): its failures tell nothing of the site's reach and count as
// "revisit", and its gone page is the stored listing's.
func byURL(t fleet.Task) bool { return t.Kind == fleet.KindRevisit || t.Kind == fleet.KindRecheck }

// revisitedListing is the listing a revisit or recheck result records: a
// gone page under the key the listing is stored by.
func revisitedListing(r fleet.Result) shadowscan.Listing {
	l := *r.Listing
	if byURL(r.Task) && l.Removed {
		l.Site, l.ID = r.Task.Site, r.Task.ListingID
	}
	return l
}
