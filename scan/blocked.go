package scan

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
)

// BlockedError ends a scan in which a site was mostly blocked: most of
// its pages, or a run of them long enough to stop its crawl, were captcha
// or login pages. What was fetched before is stored; `scan --resume`
// goes on once the site answers again.
type BlockedError struct {
	Sites []shadowscan.SiteBlocks
}

func (e *BlockedError) Error() string {
	parts := make([]string, len(e.Sites))
	for i, b := range e.Sites {
		parts[i] = fmt.Sprintf("%s answered %d page(s) with block pages (%s); the last: %s", b.Site, b.Pages, whyText(b.Why), b.Last)
	}
	return "blocked: " + strings.Join(parts, "; ") +
		": log in with `shadowscan sites login SITE --cookies FILE`, give the site proxies, or wait, then go on with `shadowscan scan --resume`"
}

// whyText is "captcha 3, http_403 2".
func whyText(why map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(why)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, why[k]))
	}
	return strings.Join(parts, ", ")
}

// noteBlocks records a site's blocked pages in the scan record once its
// crawl and revisits are over. It reports whether the site was mostly
// blocked: its crawl stopped, or it blocked more pages than it showed.
func (p *pipeline) noteBlocks(site string, b crawler.BlockReport) bool {
	if b.Pages == 0 {
		return false
	}
	sb := shadowscan.SiteBlocks{Site: site, Pages: b.Pages, Why: b.Why, Last: b.Last, Mostly: b.Stopped || b.Pages > b.Shown}
	p.mu.Lock()
	p.scan.Blocked = append(p.scan.Blocked, sb)
	p.mu.Unlock()
	msg := fmt.Sprintf("%s: %d page(s) blocked (%s), never stored, never counted as removed", site, b.Pages, whyText(b.Why))
	if sb.Mostly {
		msg += "; the site is blocking the crawler"
	}
	p.notify(EventWarning, msg)
	return sb.Mostly
}

// blockedError is the error of a scan whose sites were mostly blocked,
// nil when none was.
func (p *pipeline) blockedError() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var mostly []shadowscan.SiteBlocks
	for _, b := range p.scan.Blocked {
		if b.Mostly {
			mostly = append(mostly, b)
		}
	}
	if len(mostly) == 0 {
		return nil
	}
	return &BlockedError{Sites: mostly}
}
