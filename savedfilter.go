package shadowscan

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// SavedFilter is a review-queue filter an analyst saved under a name, so
// that one click brings the same slice of the queue back. It belongs to
// the user who saved it; a shared one is listed for the whole team.
type SavedFilter struct {
	// ID is the filter's sequence number in the store.
	ID uint64 `json:"id"`
	// Name is what the list of saved filters shows; an owner's names are
	// unique.
	Name string `json:"name"`
	// Owner is the user who saved it (the UI's actor in single-user mode).
	Owner string `json:"owner"`
	// Shared lists it for every user, not only its owner.
	Shared bool `json:"shared"`
	// Query is the queue's URL query the filter stands for, as /queue?Query
	// shows it: status, category, brand, site, seller, q, min_score, sort
	// and limit; never a page. The web UI writes it in its canonical form.
	Query string `json:"query"`
	// CreatedAt is when it was saved.
	CreatedAt time.Time `json:"created_at"`
}

// Limits on a saved filter.
const (
	// MaxSavedFilterName is the longest name, in characters.
	MaxSavedFilterName = 80
	// MaxSavedFilterQuery is the longest query, in bytes: every field of
	// the queue's form at its own limit fits.
	MaxSavedFilterQuery = 2048
	// MaxSavedFilters is how many filters one user may keep.
	MaxSavedFilters = 200
)

// Validate checks the name, the owner and that the query is a URL query.
// What the query's parameters mean is the queue's to check.
func (f *SavedFilter) Validate() error {
	if err := ValidateSavedFilterName(f.Name); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(f.Owner) == "" || len(f.Owner) > 64 || strings.IndexFunc(f.Owner, unicode.IsControl) >= 0:
		return &FieldError{Field: "owner", Msg: fmt.Sprintf("%q is not a user name", f.Owner), Accepted: "the name of the user saving it, 1 to 64 bytes"}
	case len(f.Query) > MaxSavedFilterQuery:
		return &FieldError{Field: "query", Msg: fmt.Sprintf("is %d bytes long", len(f.Query)), Accepted: fmt.Sprintf("at most %d bytes", MaxSavedFilterQuery)}
	}
	if _, err := url.ParseQuery(f.Query); err != nil {
		return &FieldError{Field: "query", Msg: "is not a URL query: " + err.Error(), Accepted: "a query such as status=new&brand=aurora"}
	}
	return nil
}

// ValidateSavedFilterName checks a saved filter's name: 1 to 80
// characters, not only spaces, no control characters, surrounding spaces
// not included (callers trim).
func ValidateSavedFilterName(name string) error {
	accepted := fmt.Sprintf("1 to %d characters without control characters or surrounding spaces, such as \"new aurora under floor\"", MaxSavedFilterName)
	switch {
	case strings.TrimSpace(name) == "":
		return &FieldError{Field: "name", Msg: "is missing", Accepted: accepted}
	case !utf8.ValidString(name) || utf8.RuneCountInString(name) > MaxSavedFilterName:
		return &FieldError{Field: "name", Msg: fmt.Sprintf("is too long or not UTF-8 (%d bytes)", len(name)), Accepted: accepted}
	case strings.TrimSpace(name) != name || strings.IndexFunc(name, unicode.IsControl) >= 0:
		return &FieldError{Field: "name", Msg: fmt.Sprintf("%q has surrounding spaces or control characters", name), Accepted: accepted}
	}
	return nil
}

// VisibleTo reports whether user sees f in the list of saved filters: its
// owner always, everyone else when it is shared.
func (f *SavedFilter) VisibleTo(user string) bool { return f.Shared || f.Owner == user }
