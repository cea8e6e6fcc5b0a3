package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultDismissReasons(t *testing.T) {
	set, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"genuine product", "official or authorised seller", "not our brand", "accessory or compatible item", "private resale", "duplicate", "other"}
	if got := set.Review.DismissReasons.Names(); !slices.Equal(got, want) {
		t.Errorf("default dismiss reasons %q, want %q", got, want)
	}
	rs := set.Review.DismissReasons
	if err := rs.Check("other", ""); err == nil {
		t.Error("other without a note accepted")
	}
	if err := rs.Check("other", "seller is our own test account"); err != nil {
		t.Errorf("other with a note: %v", err)
	}
	if err := rs.Check("duplicate", ""); err != nil {
		t.Errorf("duplicate without a note: %v", err)
	}
}

func TestLoadReviewOverlayReplacesTheList(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"team.yaml": "kind: review\ndismiss_reasons:\n  - reason: sample for a lab test\n  - {reason: other, note_required: true}\n",
	})
	set, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := set.Review.DismissReasons.Names(); !slices.Equal(got, []string{"sample for a lab test", "other"}) {
		t.Errorf("overlaid reasons %q", got)
	}
	if !strings.HasSuffix(set.Review.File, "team.yaml") {
		t.Errorf("File %q", set.Review.File)
	}
	if len(set.Sites) == 0 || set.Detection == nil {
		t.Error("a review file dropped the other rules")
	}
	again, _ := Load("")
	if len(again.Review.DismissReasons) != 7 {
		t.Error("Load results share review state")
	}
}

func TestParseReviewRefusals(t *testing.T) {
	base := DefaultReview()
	tests := []struct {
		name, yaml, field, msg string
	}{
		{"empty list", "dismiss_reasons: []\n", "dismiss_reasons", "empty"},
		{"duplicate", "dismiss_reasons:\n  - reason: a\n  - reason: a\n", "dismiss_reasons[1].reason", "twice"},
		{"control character", "dismiss_reasons:\n  - reason: \"a\\tb\"\n", "dismiss_reasons[0].reason", "control character"},
		{"too long", "dismiss_reasons:\n  - reason: " + strings.Repeat("x", 101) + "\n", "dismiss_reasons[0].reason", "too long"},
		{"missing reason", "dismiss_reasons:\n  - note_required: true\n", "dismiss_reasons[0].reason", "missing"},
		{"unknown key", "dismiss_reasons:\n  - reasn: a\n", "dismiss_reasons[0].reasn", "did you mean"},
		{"wrong kind", "kind: detection\ndismiss_reasons:\n  - reason: a\n", "kind", "review"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseReview("review.yaml", []byte(tt.yaml), base)
			e := findError(t, fieldErrors(t, err), tt.field)
			if e.File != "review.yaml" || e.Line == 0 || !strings.Contains(e.Error(), tt.msg) {
				t.Errorf("error %v, want file, line and %q", e, tt.msg)
			}
		})
	}
	if _, err := ParseReview("r.yaml", nil, base); err != nil {
		t.Errorf("an empty file over the defaults: %v", err)
	}
}
