package shadowscan

import (
	"fmt"
	"strings"
)

// Status is where a hit stands in the review workflow.
type Status string

// The review workflow's statuses.
const (
	StatusNew       Status = "new"
	StatusConfirmed Status = "confirmed"
	StatusDismissed Status = "dismissed"
	StatusEscalated Status = "escalated"
	StatusReported  Status = "reported"
	StatusRemoved   Status = "removed"
	StatusRelisted  Status = "relisted"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusNew, StatusEscalated, StatusConfirmed, StatusDismissed, StatusReported, StatusRemoved, StatusRelisted}

// TakedownStatuses are the statuses of a hit whose takedown was asked
// for: reported, removed and relisted. Its listing no longer shows in
// search results, so a rescan revisits it by URL, and a new listing may
// be its relist.
var TakedownStatuses = []Status{StatusReported, StatusRemoved, StatusRelisted}

// TakenDown reports whether s is one of TakedownStatuses.
func (s Status) TakenDown() bool {
	return s == StatusReported || s == StatusRemoved || s == StatusRelisted
}

// OffenceStatuses are the statuses a hit reaches only after an analyst
// confirmed it: confirmed, reported, removed and relisted. A shop with a
// hit in any of them is a repeat offender, and scans add points to its
// other listings.
var OffenceStatuses = []Status{StatusConfirmed, StatusReported, StatusRemoved, StatusRelisted}

// Offence reports whether s is one of OffenceStatuses.
func (s Status) Offence() bool {
	return s == StatusConfirmed || s.TakenDown()
}

// transitions is the workflow of SPEC "Review workflow". A move not listed
// here is refused.
var transitions = map[Status][]Status{
	StatusNew:       {StatusConfirmed, StatusDismissed, StatusEscalated},
	StatusEscalated: {StatusConfirmed, StatusDismissed},
	StatusConfirmed: {StatusReported},
	StatusReported:  {StatusRemoved},
	StatusRemoved:   {StatusRelisted},
	StatusRelisted:  {StatusReported},
	StatusDismissed: {StatusNew},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := transitions[s]; return ok }

// Next returns the statuses s may move to.
func (s Status) Next() []Status { return transitions[s] }

// ManualNext returns the statuses a person may move s to: the workflow's
// moves less those only a rescan makes (dismissed → new when the listing
// changed, removed → relisted when it is live again). Never nil.
func (s Status) ManualNext() []Status {
	out := []Status{}
	for _, n := range s.Next() {
		if _, scanOnly := ScanOnlyMove(s, n); !scanOnly {
			out = append(out, n)
		}
	}
	return out
}

// scanOnlyMoves are the workflow moves that only a rescan makes (SPEC
// "Review workflow"), with when it makes them.
var scanOnlyMoves = map[[2]Status]string{
	{StatusDismissed, StatusNew}:    "a rescan sees its listing changed",
	{StatusRemoved, StatusRelisted}: "a rescan finds its listing live again",
}

// ScanOnlyMove reports whether from → to is a move only a rescan makes,
// and when it makes it, for the message refusing it by hand.
func ScanOnlyMove(from, to Status) (when string, ok bool) {
	when, ok = scanOnlyMoves[[2]Status{from, to}]
	return when, ok
}

// CanMoveTo reports whether the workflow allows s → next.
func (s Status) CanMoveTo(next Status) bool {
	for _, n := range transitions[s] {
		if n == next {
			return true
		}
	}
	return false
}

// CheckMove returns nil if s → next is allowed, else an Invalid error naming
// the moves that are.
func (s Status) CheckMove(next Status) error {
	if !next.Valid() {
		return Errorf(EINVALID, "unknown status %q: use one of %s", next, joinStatuses(Statuses))
	}
	if s.CanMoveTo(next) {
		return nil
	}
	allowed := s.Next()
	if len(allowed) == 0 {
		return Errorf(EINVALID, "a %s hit cannot move to %s", s, next)
	}
	return Errorf(EINVALID, "a %s hit cannot move to %s: allowed are %s", s, next, joinStatuses(allowed))
}

// ParseStatus returns the status named s.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	if !st.Valid() {
		return "", Errorf(EINVALID, "unknown status %q: use one of %s", s, joinStatuses(Statuses))
	}
	return st, nil
}

func joinStatuses(ss []Status) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s)
	}
	return strings.Join(parts, ", ")
}

// Category is the kind of infringement a hit is.
type Category string

// Categories of SPEC "Detection".
const (
	CategoryCounterfeit        Category = "counterfeit"
	CategoryCodeTampered       Category = "code_tampered"
	CategoryPriceDumping       Category = "price_dumping"
	CategoryUnauthorizedSeller Category = "unauthorized_seller"
	CategoryDefamation         Category = "defamation"
)

// Categories lists every category, most serious first.
var Categories = []Category{CategoryCounterfeit, CategoryCodeTampered, CategoryPriceDumping, CategoryUnauthorizedSeller, CategoryDefamation}

// ParseCategory returns the category named s.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if string(c) == s {
			return c, nil
		}
	}
	names := make([]string, len(Categories))
	for i, c := range Categories {
		names[i] = string(c)
	}
	return "", Errorf(EINVALID, "unknown category %q: use one of %s", s, strings.Join(names, ", "))
}

// Transition is one entry of a hit's append-only history.
type Transition struct {
	From Status `json:"from"`
	To   Status `json:"to"`
	By   string `json:"by"`
	Note string `json:"note,omitempty"`
	At   string `json:"at"` // RFC 3339 UTC
	// Reason is why a hit was dismissed: one of the configured dismiss
	// reasons, on a move to dismissed only. Older entries have none.
	Reason string `json:"reason,omitempty"`
	// Case is the platform's ticket or case number, on a move to reported
	// only; empty when the platform gave none.
	Case string `json:"case,omitempty"`
}

func (t Transition) String() string {
	return fmt.Sprintf("%s %s → %s by %s", t.At, t.From, t.To, t.By)
}
