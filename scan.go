package shadowscan

import "time"

// Scan is the record of one crawl of one or more sites.
type Scan struct {
	ID      uint64   `json:"id"`
	Sites   []string `json:"sites"`
	BrandID string   `json:"brand,omitempty"`
	Queries []string `json:"queries,omitempty"`
	// State is running, done, failed or interrupted.
	State     string    `json:"state"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at,omitempty"`
	// Counts.
	Pages    int `json:"pages"`
	Listings int `json:"listings"`
	Hits     int `json:"hits"`
	// Photos counts the listing photos the search crawl fetched;
	// PhotosKnown those of them not decoded, because an earlier scan had
	// hashed the same bytes.
	Photos      int `json:"photos,omitempty"`
	PhotosKnown int `json:"photos_known,omitempty"`
	// Errors counts errors by kind (timeout, http_429, http_5xx, truncated,
	// too_large, parse, robots, offsite, image, ...).
	Errors map[string]int `json:"errors,omitempty"`
	// Err is the error that ended a failed scan.
	Err string `json:"error,omitempty"`
	// SearchSkipped counts search result pages a resumed scan did not
	// fetch because every listing on them was stored before the
	// interruption; SearchRefetched those it fetched again because some
	// were not. ListingsSkipped counts listing pages it did not fetch again.
	SearchSkipped   int `json:"search_skipped,omitempty"`
	SearchRefetched int `json:"search_refetched,omitempty"`
	ListingsSkipped int `json:"listings_skipped,omitempty"`
	// Workers counts, in a distributed scan, the tasks (pages) each worker
	// did, by worker name ("coordinator" for tasks no worker finished).
	Workers map[string]int `json:"workers,omitempty"`
	// Redelivered counts, in a distributed scan, each site's task
	// deliveries beyond the first: a worker died on the task, or its page
	// failed for the moment and was asked for again later.
	Redelivered map[string]int `json:"redelivered,omitempty"`
	// SeenGone counts the reported listings this scan saw gone that await a
	// second gone sighting to be confirmed removed.
	SeenGone int `json:"seen_gone,omitempty"`
	// Blocked says, for each site that answered pages with a block page
	// (a captcha, a login wall, a run of 403 or 429), how many and why.
	// Blocked pages are never stored and never count as removed.
	Blocked []SiteBlocks `json:"blocked,omitempty"`
	// Plan is how the scan was started: what `scan --resume` needs to
	// continue it exactly. Scans recorded before it was kept have none.
	Plan *ScanPlan `json:"plan,omitempty"`
}

// SiteBlocks counts one site's blocked pages in a scan.
type SiteBlocks struct {
	Site string `json:"site"`
	// Pages counts the blocked pages.
	Pages int `json:"pages"`
	// Why counts them by cause: captcha, login_form, login_redirect,
	// rule (a sign in the site rule's blocked list), http_403, http_429.
	Why map[string]int `json:"why"`
	// Last says what the last blocked page showed, and where.
	Last string `json:"last,omitempty"`
	// Mostly is set when most of the site's pages were blocked, or so
	// many in a row that the crawl of the site stopped: the scan failed.
	Mostly bool `json:"mostly,omitempty"`
}

// ScanPlan is what a scan ran with, beyond its sites, brand and queries.
type ScanPlan struct {
	// Sites are the scan's sites in crawl order with the base URL each was
	// crawled at and the digest of the rule it was crawled with.
	Sites []PlannedSite `json:"sites"`
	// Detection is the digest of the detection rules in effect.
	Detection RulesDigest `json:"detection"`
	// Catalog is the SHA-256 of the stored catalogue (every brand) the
	// scan matched against; empty in records made before it was kept.
	Catalog string `json:"catalog,omitempty"`
	// MaxPages caps search result pages per query (0: each rule's).
	MaxPages  int  `json:"max_pages,omitempty"`
	NoRevisit bool `json:"no_revisit,omitempty"`
	// ConfirmGoneAfter is how far apart two gone sightings of a listing
	// must be to confirm its removal, as a Go duration ("1h0m0s").
	ConfirmGoneAfter string `json:"confirm_gone_after,omitempty"`
	// Distributed is true for a scan whose pages workers fetched
	// (`serve --nats`): it resumes only on a coordinator.
	Distributed bool `json:"distributed,omitempty"`
}

// PlannedSite is one site of a ScanPlan.
type PlannedSite struct {
	Name    string      `json:"name"`
	BaseURL string      `json:"base_url"`
	Rules   RulesDigest `json:"rules"`
}

// RulesDigest names a rule by where it came from and the SHA-256 of what
// was in effect (the parsed rule, so comments and layout do not count).
type RulesDigest struct {
	File   string `json:"file,omitempty"`
	SHA256 string `json:"sha256"`
}

// Scan states.
const (
	ScanRunning     = "running"
	ScanDone        = "done"
	ScanFailed      = "failed"
	ScanInterrupted = "interrupted"
)

// AddError counts one error of kind.
func (s *Scan) AddError(kind string) {
	if s.Errors == nil {
		s.Errors = make(map[string]int)
	}
	s.Errors[kind]++
}
