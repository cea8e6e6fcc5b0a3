package shadowscan

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what a status change keeps in a hit's history.
const (
	MaxByLen     = 200
	MaxNoteLen   = 4096
	MaxReasonLen = 100 // a dismiss reason, as configured
	MaxCaseLen   = 100 // a platform case number
)

// StatusChange is a move of hits by hand to a new status: who made it,
// their note and, depending on the status, why (dismissed) or under which
// platform case (reported).
type StatusChange struct {
	To   Status
	By   string
	Note string
	// Reason is required on a move to dismissed by the CLI and the web UI
	// (DismissReasons.Check); the store keeps it on that move only.
	Reason string
	// Case is the platform's case number on a move to reported; empty
	// when the platform gave none.
	Case string
}

// Validate checks what the store can check without configuration: who,
// the note's length, and that a reason or case number is well formed and
// comes with the status it belongs to. EINVALID names what is accepted.
func (c StatusChange) Validate() error {
	if c.By == "" || len(c.By) > MaxByLen {
		return Errorf(EINVALID, "who made the change is missing or too long (accepted: a name of 1 to %d bytes, such as the --by flag gives)", MaxByLen)
	}
	if len(c.Note) > MaxNoteLen {
		return Errorf(EINVALID, "note of %d bytes is too long (accepted: up to %d bytes)", len(c.Note), MaxNoteLen)
	}
	if c.Reason != "" {
		if c.To != StatusDismissed {
			return Errorf(EINVALID, "a dismiss reason goes with a move to dismissed, not to %s", c.To)
		}
		if err := CheckReasonText(c.Reason); err != nil {
			return err
		}
	}
	if c.Case != "" {
		if c.To != StatusReported {
			return Errorf(EINVALID, "a case number goes with a move to reported, not to %s", c.To)
		}
		return CheckCaseNumber(c.Case)
	}
	return nil
}

// Transition returns the history entry recording c as a move from from.
func (c StatusChange) Transition(from Status, at string) Transition {
	return Transition{From: from, To: c.To, By: c.By, Note: c.Note, At: at, Reason: c.Reason, Case: c.Case}
}

// CheckCaseNumber refuses a case number that is too long or holds control
// characters (a pasted line break would split the complaints CSV row and
// the history line).
func CheckCaseNumber(s string) error {
	return checkLabel("case number", s, MaxCaseLen, ", such as IPP-2026-000123")
}

// CheckReasonText refuses a dismiss reason that is too long or holds
// control characters, for the store and the rule file alike.
func CheckReasonText(s string) error {
	return checkLabel("dismiss reason", s, MaxReasonLen, "")
}

// checkLabel refuses invalid UTF-8, control characters, surrounding
// spaces and more than maxLen bytes.
func checkLabel(what, s string, maxLen int, example string) error {
	accepted := "printable text of 1 to " + strconv.Itoa(maxLen) + " bytes" + example
	switch {
	case len(s) > maxLen:
		return Errorf(EINVALID, "%s of %d bytes is too long (accepted: %s)", what, len(s), accepted)
	case !utf8.ValidString(s):
		return Errorf(EINVALID, "%s %q is not valid UTF-8 (accepted: %s)", what, s, accepted)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return Errorf(EINVALID, "%s %q holds a control character (accepted: %s)", what, s, accepted)
	case strings.TrimSpace(s) != s:
		return Errorf(EINVALID, "%s %q starts or ends with a space (accepted: %s)", what, s, accepted)
	}
	return nil
}

// DismissReason is one entry of the pick list an analyst chooses from
// when dismissing a hit.
type DismissReason struct {
	Reason string `json:"reason"`
	// NoteRequired makes a dismissal with this reason need a note ("other").
	NoteRequired bool `json:"note_required,omitempty"`
}

// DismissReasons is the configured pick list (rules: review.yaml).
type DismissReasons []DismissReason

// Names returns the reasons in list order.
func (rs DismissReasons) Names() []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Reason
	}
	return out
}

// Check returns nil when reason is on the list and the note it needs is
// given, else EINVALID naming the accepted reasons. An empty list accepts
// nothing: a dismissal always says why.
func (rs DismissReasons) Check(reason, note string) error {
	accepted := quoteAll(rs.Names())
	if reason == "" {
		return Errorf(EINVALID, "a dismissal needs a reason (accepted: %s)", accepted)
	}
	for _, r := range rs {
		if r.Reason != reason {
			continue
		}
		if r.NoteRequired && strings.TrimSpace(note) == "" {
			return Errorf(EINVALID, "dismiss reason %q needs a note saying why", reason)
		}
		return nil
	}
	return Errorf(EINVALID, "unknown dismiss reason %q (accepted: %s)", reason, accepted)
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// CaseNumber returns the case number of h's latest move to reported, ""
// when it has none.
func (h *Hit) CaseNumber() string {
	for i := len(h.History) - 1; i >= 0; i-- {
		if t := h.History[i]; t.To == StatusReported && t.From != StatusReported {
			return t.Case
		}
	}
	return ""
}
