package scan

import (
	"context"
	"fmt"
	"slices"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// catalogDigest is the digest of the stored catalogue, every brand.
func catalogDigest(ctx context.Context, db *store.DB) (string, error) {
	cat, err := db.Catalog(ctx)
	if err != nil {
		return "", err
	}
	sum, err := digestJSON(cat)
	if err != nil {
		return "", fmt.Errorf("digest of the catalogue: %w", err)
	}
	return sum, nil
}

// freshScans is how many of the newest scans Fresh looks through for the
// newest scan of a site.
const freshScans = 50

// Fresh returns the newest scan of site alone when a new whole scan of it
// at baseURL would be made the same way: it finished, crawled every
// brand's default queries to the rule's page limit at baseURL, with the
// site rule, the detection rules and the stored catalogue in effect now.
// Only the marketplace itself could answer differently. It returns
// ENOTFOUND saying why not otherwise: demo --serve serves such a store
// without scanning again.
func Fresh(ctx context.Context, db *store.DB, set *rules.Set, site, baseURL string) (*shadowscan.Scan, error) {
	stale := func(format string, args ...any) (*shadowscan.Scan, error) {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, format, args...)
	}
	scans, err := db.Scans(ctx, freshScans)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(scans, func(s shadowscan.Scan) bool { return slices.Contains(s.Sites, site) })
	if i < 0 {
		return stale("the store holds no scan of %s", site)
	}
	sc := &scans[i]
	if sc.State != shadowscan.ScanDone {
		return stale("the last scan of %s, %d, is %s", site, sc.ID, sc.State)
	}
	if why := sameScan(ctx, db, set, sc, baseURL); why != "" {
		return stale("the last scan of %s, %d, %s", site, sc.ID, why)
	}
	return sc, nil
}

// sameScan says how a whole scan of sc's one site at baseURL now would
// differ from sc, "" when it would not.
func sameScan(ctx context.Context, db *store.DB, set *rules.Set, sc *shadowscan.Scan, baseURL string) string {
	plan := sc.Plan
	switch {
	case plan == nil || plan.Catalog == "":
		return "was recorded by an older shadowscan, without the digests to compare"
	case len(sc.Sites) != 1 || sc.BrandID != "" || plan.MaxPages != 0:
		return "was not a whole scan of the site alone (other sites, one brand or a page limit)"
	case len(plan.Sites) != 1 || plan.Sites[0].BaseURL != baseURL:
		return fmt.Sprintf("crawled another address than %s", baseURL)
	}
	site, err := set.Site(sc.Sites[0])
	if err != nil {
		return "crawled a site the rules no longer have"
	}
	sd, err := siteDigest(site)
	if err != nil || sd.SHA256 != plan.Sites[0].Rules.SHA256 {
		return "was made with another site rule"
	}
	if dd, err := detectionDigest(set.Detection); err != nil || dd.SHA256 != plan.Detection.SHA256 {
		return "was made with other detection rules"
	}
	cat, err := db.Catalog(ctx)
	if err != nil {
		return "cannot be compared: " + err.Error()
	}
	if cd, err := digestJSON(cat); err != nil || cd != plan.Catalog {
		return "matched another catalogue"
	}
	if !slices.Equal(sc.Queries, cat.SearchQueries()) {
		return "searched other queries than the catalogue's"
	}
	return ""
}
