package scan

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// A scan record keeps how the scan was started (shadowscan.ScanPlan), so
// that `scan --resume` continues it with the same sites at the same base
// URLs, the same queries and brand, and refuses when the rules changed:
// listings judged by two rule sets in one scan would not be one scan.

// siteDigest is the digest of a site rule as it is in effect, without its
// base URL (kept beside it) and the file it came from.
func siteDigest(s *rules.Site) (shadowscan.RulesDigest, error) {
	c := s.Clone()
	c.BaseURL, c.File = "", ""
	sum, err := digestJSON(c)
	if err != nil {
		return shadowscan.RulesDigest{}, fmt.Errorf("digest of site rule %s: %w", s.Name, err)
	}
	return shadowscan.RulesDigest{File: s.File, SHA256: sum}, nil
}

// detectionDigest is the digest of the detection rules in effect: the
// embedded ones with every --rules overlay applied.
func detectionDigest(d *rules.Detection) (shadowscan.RulesDigest, error) {
	c := d.Clone()
	c.File = ""
	sum, err := digestJSON(c)
	if err != nil {
		return shadowscan.RulesDigest{}, fmt.Errorf("digest of detection rules: %w", err)
	}
	return shadowscan.RulesDigest{File: d.File, SHA256: sum}, nil
}

func digestJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// newPlan is the plan of a scan of sites (base URLs already applied) with
// the options o.
func newPlan(sites []*rules.Site, det *rules.Detection, o Options, gap time.Duration) (*shadowscan.ScanPlan, error) {
	plan := &shadowscan.ScanPlan{MaxPages: o.MaxPages, NoRevisit: o.NoRevisit, ConfirmGoneAfter: gap.String()}
	for _, s := range sites {
		d, err := siteDigest(s)
		if err != nil {
			return nil, err
		}
		plan.Sites = append(plan.Sites, shadowscan.PlannedSite{Name: s.Name, BaseURL: s.BaseURL, Rules: d})
	}
	d, err := detectionDigest(det)
	if err != nil {
		return nil, err
	}
	plan.Detection = d
	return plan, nil
}

// resumeOptions returns the options that continue scan prev as it was
// started. Options given with --resume must agree with the record, but for
// the base URL: a marketplace copy that moved (--base-url) is named on the
// first line of the output.
func resumeOptions(prev *shadowscan.Scan, o Options) (Options, error) {
	plan := prev.Plan
	differs := func(flag, was string) error {
		return UsageError{fmt.Errorf("--resume goes on with scan %d as it was started (%s %s): leave out %s, or start a new scan", prev.ID, flag, was, flag)}
	}
	switch {
	case len(o.Sites) > 0 && !slices.Equal(o.Sites, prev.Sites):
		return o, differs("--site", strings.Join(prev.Sites, ", "))
	case o.Brand != "" && o.Brand != prev.BrandID:
		return o, differs("--brand", cmp.Or(prev.BrandID, "(every brand)"))
	case len(o.Queries) > 0 && !slices.Equal(o.Queries, prev.Queries):
		return o, differs("--query", fmt.Sprintf("%q", prev.Queries))
	case plan == nil:
		// Recorded before scans kept their plan: the flags given now.
		o.Sites, o.Brand, o.Queries = prev.Sites, prev.BrandID, prev.Queries
		return o, nil
	case o.MaxPages > 0 && o.MaxPages != plan.MaxPages:
		return o, differs("--max-pages", fmt.Sprint(plan.MaxPages))
	case o.NoRevisit && !plan.NoRevisit:
		return o, differs("--no-revisit", "off")
	case o.ConfirmGoneAfter != nil && o.ConfirmGoneAfter.String() != plan.ConfirmGoneAfter:
		return o, differs("--confirm-gone-after", plan.ConfirmGoneAfter)
	}
	r := o
	r.Sites, r.Brand, r.Queries = prev.Sites, prev.BrandID, prev.Queries
	r.MaxPages, r.NoRevisit = plan.MaxPages, plan.NoRevisit
	if gap, err := time.ParseDuration(plan.ConfirmGoneAfter); err == nil {
		r.ConfirmGoneAfter = &gap
	}
	return r, nil
}

// checkRules returns an error naming every rule that changed since the
// plan was made: a site rule or the detection rules.
func checkRules(id uint64, plan *shadowscan.ScanPlan, set *rules.Set) error {
	var changed []string
	for _, ps := range plan.Sites {
		s, err := set.Site(ps.Name)
		if err != nil {
			changed = append(changed, fmt.Sprintf("site %s is no longer among the rules (it came from %s)", ps.Name, ps.Rules.File))
			continue
		}
		d, err := siteDigest(s)
		if err != nil {
			return err
		}
		if d.SHA256 != ps.Rules.SHA256 {
			changed = append(changed, fmt.Sprintf("the rule of site %s changed (then %s, now %s)", ps.Name, ps.Rules.File, d.File))
		}
	}
	d, err := detectionDigest(set.Detection)
	if err != nil {
		return err
	}
	if d.SHA256 != plan.Detection.SHA256 {
		changed = append(changed, fmt.Sprintf("the detection rules changed (then %s, now %s)", plan.Detection.File, d.File))
	}
	if len(changed) == 0 {
		return nil
	}
	return shadowscan.Errorf(shadowscan.ECONFLICT, "--resume: scan %d cannot go on: %s since it started; its listings would be judged by two sets of rules. Put the rules back as they were, or start a new scan",
		id, strings.Join(changed, "; "))
}

// applyBaseURL returns site at the base URL a scan crawls it at: --base-url,
// else the one a caller gave for it (serve), else the plan's (a resumed
// scan), else the rule's own.
func applyBaseURL(s *rules.Site, o Options, planned string) (*rules.Site, error) {
	u, flag := planned, "base URL of the interrupted scan"
	switch {
	case o.BaseURL != "":
		u, flag = o.BaseURL, "--base-url"
	case o.BaseURLs[s.Name] != "":
		u, flag = o.BaseURLs[s.Name], "base URL of site "+s.Name
	}
	if u == "" {
		return s, nil
	}
	c, err := s.WithBaseURL(u)
	if err != nil {
		return nil, UsageError{fmt.Errorf("%s: %w", flag, err)}
	}
	return c, nil
}

// resumeLine is the first line `scan --resume` prints: which scan it
// continues, with what, and how much was done.
func resumeLine(ctx context.Context, db *store.DB, prev *shadowscan.Scan, sites []*rules.Site) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "resuming scan %d (%s, started %s): ", prev.ID, prev.State, shadowscan.RFC3339(prev.StartedAt))
	for i, s := range sites {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s at %s", s.Name, s.BaseURL)
		if p := plannedSite(prev.Plan, s.Name); p != nil && p.BaseURL != s.BaseURL {
			fmt.Fprintf(&b, " (started at %s)", p.BaseURL)
		}
	}
	fmt.Fprintf(&b, "; %d quer%s", len(prev.Queries), plural(len(prev.Queries), "y", "ies"))
	if prev.BrandID != "" {
		fmt.Fprintf(&b, " of brand %s", prev.BrandID)
	}
	if prev.Plan == nil {
		b.WriteString("; recorded by an older shadowscan: flags as given now, rules not checked")
	} else if prev.Plan.MaxPages > 0 {
		fmt.Fprintf(&b, ", at most %d result pages each", prev.Plan.MaxPages)
	}
	if prev.Plan != nil && prev.Plan.Distributed {
		done, open, err := db.WorkCounts(ctx, prev.ID)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "; %d page(s) already done by workers, %d handed out and not done", done, open)
		return b.String(), nil
	}
	listings, search, err := db.FrontierCounts(ctx, prev.ID)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "; %d listing page(s) and %d search page(s) already done", listings, search)
	return b.String(), nil
}

func plannedSite(plan *shadowscan.ScanPlan, name string) *shadowscan.PlannedSite {
	if plan == nil {
		return nil
	}
	for i := range plan.Sites {
		if plan.Sites[i].Name == name {
			return &plan.Sites[i]
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
