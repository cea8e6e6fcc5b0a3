package scan

import "github.com/shadowscan/shadowscan"

// EventKind says what an Event reports.
type EventKind string

// Event kinds.
const (
	// EventResumed comes first on a resumed scan; Message says which scan
	// it goes on with, with what, and how much was done.
	EventResumed EventKind = "resumed"
	// EventProgress carries the scan's live counts in Scan: pages,
	// listings, hits and errors of the sites done so far plus the running
	// crawl's.
	EventProgress EventKind = "progress"
	// EventNotice is a line for the person watching the scan (a wait to
	// confirm removals).
	EventNotice EventKind = "notice"
	// EventWarning says a site is failing: several fetches in a row
	// failed, with the last cause.
	EventWarning EventKind = "warning"
)

// Event is something a running scan reports to whoever watches it. The
// handler is called from the scan's goroutines, one at a time for a
// given scan, and must return quickly.
type Event struct {
	Kind    EventKind
	Scan    shadowscan.Scan // EventProgress: a snapshot of the live counts
	Message string          // EventResumed, EventNotice, EventWarning
}
