package shadowscan

import (
	"strings"
	"time"
)

// Schedule is a scan that `serve` runs on a cron schedule.
type Schedule struct {
	// ID is the schedule's sequence number in the store.
	ID uint64 `json:"id"`
	// Cron is a five-field cron expression ("30 2 * * *") or a descriptor
	// such as "@daily" or "@every 6h", in the server's local time zone.
	Cron string `json:"cron"`
	// Site is the site to scan; at most one scan runs per site at a time.
	Site string `json:"site"`
	// BrandID limits the scan to one brand's catalogue ("" for all).
	BrandID string `json:"brand,omitempty"`
	// Queries are the search queries ("" for the catalogue's names).
	Queries []string `json:"queries,omitempty"`
	// MaxPages caps result pages per query (0: the site rule's max_pages).
	MaxPages int `json:"max_pages,omitempty"`
	// CreatedAt is when the schedule was added.
	CreatedAt time.Time `json:"created_at"`
	// LastRun is when the scheduler last started it (zero: never).
	LastRun time.Time `json:"last_run,omitzero"`
	// LastScanID is the scan that run made, 0 when it failed to start.
	LastScanID uint64 `json:"last_scan_id,omitempty"`
	// LastError is why the last run failed, "" when it did not.
	LastError string `json:"last_error,omitempty"`
}

// Limits on what a schedule may hold.
const (
	maxScheduleQueries  = 100
	maxScheduleQueryLen = 500
)

// Validate checks the parts of s that do not need a cron parser: a site
// name, a valid brand id, sane queries and page count. The cron
// expression itself is checked by package schedule (schedule.Check).
func (s *Schedule) Validate() error {
	switch {
	case strings.TrimSpace(s.Cron) == "":
		return &FieldError{Field: "cron", Msg: "is missing", Accepted: `a cron expression such as "30 2 * * *" or "@daily"`}
	case s.Site == "" || strings.ContainsAny(s.Site, "/\x00"):
		return &FieldError{Field: "site", Msg: "is missing or contains / or NUL", Accepted: "a site name from `shadowscan sites list`, such as demo-market"}
	case s.BrandID != "" && !ValidID(s.BrandID):
		return &FieldError{Field: "brand", Msg: "is not a valid brand id", Accepted: "lower-case letters, digits and hyphens, such as aurora"}
	case len(s.Queries) > maxScheduleQueries:
		return &FieldError{Field: "queries", Msg: "are too many", Accepted: "at most 100 queries"}
	case s.MaxPages < 0:
		return &FieldError{Field: "max_pages", Msg: "is negative", Accepted: "0 (the site rule's max_pages) or more"}
	}
	for _, q := range s.Queries {
		if strings.TrimSpace(q) == "" || len(q) > maxScheduleQueryLen {
			return &FieldError{Field: "queries", Msg: "has an empty or over-long query", Accepted: "non-empty queries of at most 500 bytes"}
		}
	}
	return nil
}
