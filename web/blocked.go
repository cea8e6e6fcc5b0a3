package web

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// blockedSite is a dashboard line: a site whose latest scan among the
// recent ones was answered with block pages (captcha, login wall, 403 or
// 429 runs).
type blockedSite struct {
	Site   string
	ScanID uint64
	At     time.Time
	Pages  int
	Why    string // "captcha 3, http_403 2"
	Last   string
	Mostly bool // the scan failed on it: the site is blocking the crawler
}

// blockedSites returns, for each site of scans (newest first), the blocks
// of the newest scan that crawled it, when it had any: a site that a
// later scan crawled without a block is not blocked any more.
func blockedSites(scans []shadowscan.Scan) []blockedSite {
	seen := map[string]bool{}
	var out []blockedSite
	for _, sc := range scans {
		blocks := map[string]shadowscan.SiteBlocks{}
		for _, b := range sc.Blocked {
			blocks[b.Site] = b
		}
		for _, site := range sc.Sites {
			if seen[site] {
				continue
			}
			seen[site] = true
			if b, ok := blocks[site]; ok && b.Pages > 0 {
				out = append(out, blockedSite{Site: site, ScanID: sc.ID, At: sc.StartedAt, Pages: b.Pages, Why: whyText(b.Why), Last: b.Last, Mostly: b.Mostly})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b blockedSite) int {
		if a.Mostly != b.Mostly {
			if a.Mostly {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Site, b.Site)
	})
	return out
}

func whyText(why map[string]int) string {
	parts := make([]string, 0, len(why))
	for _, k := range slices.Sorted(maps.Keys(why)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, why[k]))
	}
	return strings.Join(parts, ", ")
}
