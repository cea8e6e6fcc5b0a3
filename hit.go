package shadowscan

import (
	"slices"
	"strings"
	"time"
)

// Reason is one signal behind a verdict, in words an analyst reads at a
// glance, with the points it added to the score.
type Reason struct {
	// Signal names the kind of evidence: text, brand, price, image, seller,
	// words, defamation, market, network, relist.
	Signal string `json:"signal"`
	// Detail is the sentence shown to the analyst, e.g. "¥89.00 is 30 % of
	// the list price ¥298.00".
	Detail string `json:"detail"`
	// Points is what the reason added to the score (may be negative).
	Points int `json:"points"`
	// Hit is the other hit a reason is about: for a relist, the hit of the
	// listing taken down that this one reappears as.
	Hit uint64 `json:"hit,omitempty"`
}

// Verdict is the matcher's decision on one listing.
type Verdict struct {
	// BrandID and SKU name the matched brand and product; SKU is empty when
	// the listing matched a brand but no single product (defamation).
	BrandID string `json:"brand,omitempty"`
	SKU     string `json:"sku,omitempty"`
	// Candidates are the products the listing fits equally when no single
	// one could be chosen (near twins of one brand); SKU is then empty and
	// the verdict was judged against all of them.
	Candidates []string `json:"candidates,omitempty"`
	// Score is 0-100: 60 and over when flagged, under 90 when the link to
	// the product is unsure (matcher/score.go). It is calibrated from
	// Points, which Flagged compares with the detection threshold.
	Score int `json:"score"`
	// Points is the sum of the reasons' points.
	Points int `json:"points"`
	// Category is set when Flagged.
	Category Category `json:"category,omitempty"`
	// Flagged is true when Score reached the detection threshold.
	Flagged bool `json:"flagged"`
	// Reasons explain Score, largest contribution first.
	Reasons []Reason `json:"reasons,omitempty"`
	// MatchedTerms are the catalogue words found in the listing text, for
	// highlighting.
	MatchedTerms []string `json:"matched_terms,omitempty"`
}

// Hit is a flagged listing in the review queue.
type Hit struct {
	// ID is the hit's sequence number in the store.
	ID uint64 `json:"id"`
	// Category, Score and Reasons are from the latest verdict.
	Category Category `json:"category"`
	Score    int      `json:"score"`
	Reasons  []Reason `json:"reasons"`
	// MatchedTerms are the catalogue words found in the listing text.
	MatchedTerms []string `json:"matched_terms,omitempty"`
	// Status is where the hit stands in the workflow.
	Status Status `json:"status"`
	// BrandID and SKU name the matched product.
	BrandID string `json:"brand"`
	SKU     string `json:"sku"`
	// Candidates are the products the listing fits equally when the scan
	// chose none (SKU empty); an analyst picks one (Picked).
	Candidates []string `json:"candidates,omitempty"`
	// Picked is the product an analyst chose among Candidates. Scans keep
	// it while it stays among the listing's candidates.
	Picked string `json:"picked,omitempty"`
	// Listing is the latest observation of the listing.
	Listing Listing `json:"listing"`
	// History is the hit's append-only status history.
	History []Transition `json:"history,omitempty"`
	// FirstSeen and LastSeen bound when scans saw the listing.
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	// RemovedAt is when a scan first saw the listing gone, of the two
	// sightings that confirmed the removal.
	RemovedAt *time.Time `json:"removed_at,omitempty"`
	// SeenGone is an unconfirmed gone sighting: a fetch found the listing
	// gone (404, 410 or the site's removed marker) and no later fetch has
	// yet confirmed it (gone again, a while later) or cleared it (live).
	SeenGone *GoneSighting `json:"seen_gone,omitempty"`
	// ScanID is the scan that last updated the hit.
	ScanID uint64 `json:"scan_id,omitempty"`
	// Latest is what the latest observation of the listing saw. Category,
	// Score, Reasons and Listing always come from one observation, the
	// latest flagged one; when a later scan saw the listing and did not
	// flag it, Latest says so (and the history has a note) instead of the
	// old reasons being shown beside the new fields.
	Latest *Observed `json:"latest,omitempty"`
}

// GoneSighting is a fetch that found a listing gone.
type GoneSighting struct {
	// At is when the page was fetched.
	At time.Time `json:"at"`
	// Signal is GoneHTTP404, GoneHTTP410 or GoneMarker.
	Signal string `json:"signal"`
	// ScanID is the scan that fetched it.
	ScanID uint64 `json:"scan_id,omitempty"`
}

// Observed is one scan's verdict on a listing, without the listing.
type Observed struct {
	At       time.Time `json:"at"`
	ScanID   uint64    `json:"scan_id,omitempty"`
	Flagged  bool      `json:"flagged"`
	Score    int       `json:"score"`
	Category Category  `json:"category,omitempty"`
	BrandID  string    `json:"brand,omitempty"`
	SKU      string    `json:"sku,omitempty"`
	Removed  bool      `json:"removed,omitempty"`
}

// HitFilter selects hits for listing and export. Zero fields match all.
type HitFilter struct {
	Status   Status
	BrandID  string
	Site     string
	Category Category
	SellerID string
	MinScore int
	// Limit caps the number of hits returned (0: no cap); Offset skips.
	Limit  int
	Offset int
}

// Match reports whether h passes the filter (Limit and Offset aside).
func (f *HitFilter) Match(h *Hit) bool {
	return (f.Status == "" || h.Status == f.Status) &&
		(f.BrandID == "" || h.BrandID == f.BrandID) &&
		(f.Site == "" || h.Listing.Site == f.Site) &&
		(f.Category == "" || h.Category == f.Category) &&
		(f.SellerID == "" || h.Listing.SellerID == f.SellerID) &&
		h.Score >= f.MinScore
}

// Summary is the one-line reason a complaint form asks for: the category
// and the strongest evidence of it, at most two reasons, the ones that make
// the listing infringing first (for a counterfeit the counterfeit words,
// price and reused photo before the seller; for an unauthorised seller the
// seller). Reasons that only identify the product or brand ("title names
// ...") are left out when there is other evidence: a platform reviewer acts
// on what makes the listing infringing.
func (h *Hit) Summary() string {
	rank := func(signal string) int {
		order := []string{"defamation", "words", "price", "image", "market", "seller"}
		if h.Category == CategoryUnauthorizedSeller {
			order = []string{"seller", "image", "price", "words", "market"}
		}
		for i, s := range order {
			if s == signal {
				return i
			}
		}
		return len(order)
	}
	var evidence []Reason
	for _, r := range h.Reasons {
		if r.Points > 0 && r.Signal != "text" && r.Signal != "brand" {
			evidence = append(evidence, r)
		}
	}
	slices.SortStableFunc(evidence, func(a, b Reason) int { return rank(a.Signal) - rank(b.Signal) })
	var parts []string
	for _, r := range evidence[:min(2, len(evidence))] {
		parts = append(parts, r.Detail)
	}
	if len(parts) == 0 {
		for _, r := range h.Reasons {
			if r.Points > 0 {
				parts = append(parts, r.Detail)
				break
			}
		}
	}
	if len(parts) == 0 {
		return string(h.Category)
	}
	return string(h.Category) + ": " + strings.Join(parts, "; ")
}
