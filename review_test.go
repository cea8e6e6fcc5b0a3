package shadowscan

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestTransitionJSONOlderEntries: entries written before reasons and case
// numbers existed read unchanged, and entries without them write no new
// keys, so older stores and bundles stay byte for byte the same.
func TestTransitionJSONOlderEntries(t *testing.T) {
	old := `{"from":"new","to":"dismissed","by":"ana","note":"ok","at":"2026-03-01T10:00:00Z"}`
	var tr Transition
	if err := json.Unmarshal([]byte(old), &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Reason != "" || tr.Case != "" || tr.Note != "ok" {
		t.Fatalf("decoded %+v", tr)
	}
	b, err := json.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != old {
		t.Errorf("re-encoded %s, want %s", b, old)
	}
	tr.Reason = "duplicate"
	if b, _ := json.Marshal(tr); !strings.Contains(string(b), `"reason":"duplicate"`) {
		t.Errorf("encoded %s", b)
	}
}

func TestDismissReasonsCheck(t *testing.T) {
	rs := DismissReasons{{Reason: "genuine product"}, {Reason: "other", NoteRequired: true}}
	tests := []struct {
		name, reason, note, want string
	}{
		{"on the list", "genuine product", "", ""},
		{"other with a note", "other", "our test buy", ""},
		{"missing", "", "", `a dismissal needs a reason (accepted: "genuine product", "other")`},
		{"unknown", "looks fine", "", `unknown dismiss reason "looks fine" (accepted: "genuine product", "other")`},
		{"other without a note", "other", "  ", `dismiss reason "other" needs a note`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := rs.Check(tt.reason, tt.note)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || ErrorCode(err) != EINVALID):
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestStatusChangeValidate(t *testing.T) {
	tests := []struct {
		name string
		c    StatusChange
		want string
	}{
		{"a plain move", StatusChange{To: StatusConfirmed, By: "ana"}, ""},
		{"a report without a case number", StatusChange{To: StatusReported, By: "legal"}, ""},
		{"a report with one", StatusChange{To: StatusReported, By: "legal", Case: "IPP-2026-000123"}, ""},
		{"reason on a report", StatusChange{To: StatusReported, By: "legal", Reason: "duplicate"}, "a dismiss reason goes with a move to dismissed"},
		{"case on a dismissal", StatusChange{To: StatusDismissed, By: "ana", Case: "X-1"}, "a case number goes with a move to reported"},
		{"control character", StatusChange{To: StatusReported, By: "legal", Case: "X-1\r\n"}, "holds a control character"},
		{"over long", StatusChange{To: StatusReported, By: "legal", Case: strings.Repeat("1", MaxCaseLen+1)}, "is too long (accepted: printable text of 1 to 100 bytes"},
		{"nobody", StatusChange{To: StatusConfirmed}, "who made the change"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestCaseNumberIsTheLatestReport: the case number is the latest move to
// reported's, not cleared by the notes a hit gathers while it stays
// reported.
func TestCaseNumberIsTheLatestReport(t *testing.T) {
	h := &Hit{History: []Transition{
		{To: StatusReported, From: StatusConfirmed, Case: "A-1"},
		{To: StatusRemoved, From: StatusReported},
		{To: StatusRelisted, From: StatusRemoved},
		{To: StatusReported, From: StatusRelisted, Case: "A-2"},
		// A scan's note or a product pick stays in place: not a report.
		{To: StatusReported, From: StatusReported, Note: "seen gone once"},
	}}
	if got := h.CaseNumber(); got != "A-2" {
		t.Errorf("case number %q, want A-2", got)
	}
	if got := (&Hit{}).CaseNumber(); got != "" {
		t.Errorf("no history: %q", got)
	}
}
