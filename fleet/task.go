package fleet

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"

	"github.com/shadowscan/shadowscan"
)

// Names of the JetStream streams, consumers and buckets (doc.go draws
// them).
const (
	// TasksStream holds the fetch tasks, one subject a site and scan.
	TasksStream = "SHADOWSCAN_TASKS"
	// ResultsStream holds the workers' results, one subject a scan.
	ResultsStream = "SHADOWSCAN_RESULTS"
	// SeenBucket is the KV bucket of URL claims: the scans' seen-sets.
	SeenBucket = "shadowscan-seen"
	// CapturesBucket is the object store of capture bodies by sha256.
	CapturesBucket = "shadowscan-captures"
	// CatalogsBucket is the object store of the catalogue snapshots the
	// workers read (Task.Catalog), by sha256.
	CatalogsBucket = "shadowscan-catalogs"
	// WorkersBucket is the KV bucket of worker heartbeats.
	WorkersBucket = "shadowscan-workers"
	// ScansBucket is the KV bucket of the scans under way: a worker
	// drops a task of a scan not in it (ended, or stopped).
	ScansBucket = "shadowscan-scans"
	// BackoffBucket is the KV bucket of the sites' shared backoff: key
	// SITE, value when it ends (backoff.go).
	BackoffBucket = "shadowscan-backoff"
	// AdvisoriesStream keeps the server's advisories of tasks delivered
	// the most times allowed.
	AdvisoriesStream = "SHADOWSCAN_ADVISORIES"

	taskPrefix   = "shadowscan.task."
	resultPrefix = "shadowscan.result."
)

// Kind is what a task fetches.
type Kind string

// Task kinds.
const (
	// KindSearch is one search result page: its listing links and the
	// next page become tasks.
	KindSearch Kind = "search"
	// KindListing is one listing page and its photos: a listing result.
	KindListing Kind = "listing"
	// KindRevisit is a listing tracked for takedown fetched by URL, and
	// KindRecheck one seen gone fetched again to confirm it: listing
	// pages as KindListing, of the stored listing Task.ListingID.
	KindRevisit Kind = "revisit"
	KindRecheck Kind = "recheck"
)

// Task is one page to fetch for a scan.
type Task struct {
	// ID is TaskID(Scan, Site, Kind, URL).
	ID   string `json:"id"`
	Scan uint64 `json:"scan"`
	Site string `json:"site"`
	Kind Kind   `json:"kind"`
	URL  string `json:"url"`
	// Query and Page are a search page's query and page number (from 1).
	Query string `json:"query,omitempty"`
	Page  int    `json:"page,omitempty"`
	// MaxPages caps a query's result pages (0: the site rule's).
	MaxPages int `json:"max_pages,omitempty"`
	// BaseURL is the site's base URL in this scan, and Rules the sha256
	// of its rule as the coordinator has it: a worker with another rule
	// refuses the task.
	BaseURL string `json:"base_url"`
	Rules   string `json:"rules"`
	// Catalog names the snapshot of the catalogue the scan matches
	// against, in the catalogs object store (PutSnapshot); "" for none.
	Catalog string `json:"catalog,omitempty"`
	// Parent is the task whose page linked to this one ("" for a seed).
	Parent string `json:"parent,omitempty"`
	// ListingID is the stored id of the listing a revisit or recheck
	// fetches: a gone page is that listing's.
	ListingID string `json:"listing_id,omitempty"`
	// Round is set on a task published again (Republish) and passed on
	// to the tasks it spawns: it is part of their message ids and of
	// their results', so that the streams' duplicate window does not
	// drop them as copies of the ones purged.
	Round string `json:"round,omitempty"`
}

// msgID is t's Nats-Msg-Id: its id, in its round.
func (t Task) msgID() string {
	if t.Round == "" {
		return t.ID
	}
	return t.Round + "-" + t.ID
}

// Result is what a worker made of one task.
type Result struct {
	Task Task `json:"task"`
	// Worker names the worker that did it.
	Worker string `json:"worker"`
	// Deliveries is how many times the task was delivered, this one
	// included: above 1 when a worker died on it or it failed for now.
	Deliveries uint64 `json:"deliveries,omitempty"`
	// Spawned are the tasks this one claimed and published: the
	// coordinator waits for their results too, and keeps them so that it
	// can publish again one lost while it was down.
	Spawned []Task `json:"spawned,omitempty"`
	// Listing and Captures are a listing task's page. Capture bodies
	// travel in Bodies, by sha256, up to inlineBodies bytes a result, and
	// the others through the captures object store: a capture's Body is
	// set on both ends, never in the message.
	Listing  *shadowscan.Listing  `json:"listing,omitempty"`
	Captures []shadowscan.Capture `json:"captures,omitempty"`
	Bodies   map[string][]byte    `json:"bodies,omitempty"`
	// Failed is the kind of failure that ended the task (timeout,
	// http_429, blocked, max_deliver, ...), "" when it succeeded; Err
	// says more.
	Failed string `json:"failed,omitempty"`
	Err    string `json:"error,omitempty"`
}

// TaskID is the deterministic id of a task: the same page of the same
// scan is the same task, whoever finds it.
func TaskID(scan uint64, site string, kind Kind, url string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00%s\x00%s", scan, site, kind, url)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// NewTask returns a task of scan with its id set.
func NewTask(scan uint64, site string, kind Kind, url string) Task {
	return Task{ID: TaskID(scan, site, kind, url), Scan: scan, Site: site, Kind: kind, URL: url}
}

// Follow returns a task of t's scan and site for url, with t's base URL,
// rules and page limit, and t as its parent.
func (t Task) Follow(kind Kind, url string) Task {
	n := NewTask(t.Scan, t.Site, kind, url)
	n.MaxPages, n.BaseURL, n.Rules, n.Catalog, n.Parent, n.Round = t.MaxPages, t.BaseURL, t.Rules, t.Catalog, t.ID, t.Round
	return n
}

// siteToken is what a site name must look like to be a subject token and
// a consumer name (the rules' own site names do).
var siteToken = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// checkSite returns an error when site cannot name a subject.
func checkSite(site string) error {
	if !siteToken.MatchString(site) {
		return shadowscan.Errorf(shadowscan.EINVALID, "fleet: site name %q cannot name a task subject (lower-case letters, digits and '-')", site)
	}
	return nil
}

func taskSubject(site string, scan uint64) string {
	return taskPrefix + site + "." + strconv.FormatUint(scan, 10)
}

func resultSubject(scan uint64) string { return resultPrefix + strconv.FormatUint(scan, 10) }

func siteConsumer(site string) string { return "site-" + site }

func scanConsumer(scan uint64) string { return "scan-" + strconv.FormatUint(scan, 10) }

// claimKey is t's URL's key in the seen-set.
func claimKey(t Task) string {
	sum := sha256.Sum256([]byte(t.URL))
	return strconv.FormatUint(t.Scan, 10) + "." + t.Site + "." + hex.EncodeToString(sum[:16])
}
