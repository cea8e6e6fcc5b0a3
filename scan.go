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
	// Errors counts errors by kind (timeout, http_429, http_5xx, truncated,
	// too_large, parse, robots, offsite, image, ...).
	Errors map[string]int `json:"errors,omitempty"`
	// Err is the error that ended a failed scan.
	Err string `json:"error,omitempty"`
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
