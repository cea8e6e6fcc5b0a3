package shadowscan

import (
	"fmt"
	"time"
)

// Stages are the steps of enforcement that figures count, in order: a
// hit is flagged when it is created, then it may be confirmed, reported,
// removed and relisted.
var Stages = []string{"flagged", "confirmed", "reported", "removed", "relisted"}

// Figure counts the listings (hits) that reached a stage and the shops
// (distinct site and seller id) they belong to. A listing without a
// seller id counts as a listing but not as a shop.
type Figure struct {
	Listings int `json:"listings"`
	Shops    int `json:"shops"`
}

// Figures are the enforcement figures of one row, one month or the total.
type Figures struct {
	Flagged   Figure `json:"flagged"`
	Confirmed Figure `json:"confirmed"`
	Reported  Figure `json:"reported"`
	Removed   Figure `json:"removed"`
	Relisted  Figure `json:"relisted"`
}

// Stage returns the figure of the named stage (one of Stages), or nil.
func (f *Figures) Stage(name string) *Figure {
	switch name {
	case "flagged":
		return &f.Flagged
	case "confirmed":
		return &f.Confirmed
	case "reported":
		return &f.Reported
	case "removed":
		return &f.Removed
	case "relisted":
		return &f.Relisted
	}
	return nil
}

// EnforcementRow holds the figures of one brand on one site in one month.
type EnforcementRow struct {
	BrandID string `json:"brand"`
	Site    string `json:"site"`
	// Month is YYYY-MM (UTC).
	Month string `json:"month"`
	Figures
}

// MonthFigures are one month's figures across every brand and site
// counted; a shop counts once per stage in the month, whatever the
// number of its brands or listings.
type MonthFigures struct {
	// Month is YYYY-MM (UTC).
	Month string `json:"month"`
	Figures
}

// RemovalTime is how long listings took to go from their first report to
// their first removal, over the listings removed in the period that had
// been reported before. Durations are counted in whole hours; the median
// and the 90th percentile are nearest-rank, so each is some listing's
// time.
type RemovalTime struct {
	Listings    int `json:"listings"`
	MedianHours int `json:"median_hours"`
	P90Hours    int `json:"p90_hours"`
}

// ShopFigures are one shop's confirmed and removed listings in the
// period, for the top shops table.
type ShopFigures struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
	// SellerName is the name its latest listing showed: a stranger's
	// text, to be escaped wherever it is shown.
	SellerName string `json:"seller_name,omitempty"`
	Confirmed  int    `json:"confirmed"`
	Removed    int    `json:"removed"`
}

// TopShopsLimit is how many shops Enforcement.TopShops lists at most.
const TopShopsLimit = 10

// Enforcement is what `shadowscan stats`, the /stats page and the
// monthly report show: for each brand, site and month, how many listings
// and shops entered each stage that month; the same per month across
// brands and sites; the totals; report-to-removal times and the shops
// with the most confirmed listings.
type Enforcement struct {
	// Since and Until are the first and last months counted (YYYY-MM),
	// "" for no bound.
	Since string           `json:"since,omitempty"`
	Until string           `json:"until,omitempty"`
	Rows  []EnforcementRow `json:"rows"`
	// Months are in order, one for each month with a row.
	Months []MonthFigures `json:"months"`
	// Totals count each listing once per stage and each shop once per
	// stage, so a shop active in two months counts once here.
	Totals  Figures     `json:"totals"`
	Removal RemovalTime `json:"removal"`
	// TopShops are the shops with the most confirmed listings in the
	// period (then the most removed), at most TopShopsLimit.
	TopShops []ShopFigures `json:"top_shops"`
	// DismissReasons counts the dismissals made in the period by their
	// reason; dismissals recorded before reasons were kept count under
	// NoDismissReason.
	DismissReasons map[string]int `json:"dismiss_reasons"`
}

// NoDismissReason is the key Enforcement.DismissReasons counts the
// dismissals without a recorded reason under.
const NoDismissReason = "(none recorded)"

// EnforcementFilter selects what Enforcement counts. Zero fields match all.
type EnforcementFilter struct {
	BrandID string
	Site    string
	// Since drops stage entries before its month and Until those after
	// its month (only their year and month are used): Since and Until
	// the same month ask for that month alone.
	Since, Until time.Time
}

// MonthLayout is how months are written: YYYY-MM.
const MonthLayout = "2006-01"

// ParseMonth reads a YYYY-MM month, as --since, --until and --month take
// it; field names the flag or parameter for the error.
func ParseMonth(field, s string) (time.Time, error) {
	t, err := time.Parse(MonthLayout, s)
	if err != nil {
		return time.Time{}, &FieldError{Field: field, Msg: fmt.Sprintf("%q is not a month", s), Accepted: "YYYY-MM, such as 2025-03"}
	}
	return t, nil
}
