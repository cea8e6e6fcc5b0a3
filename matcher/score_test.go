package matcher

import (
	"strings"
	"testing"
)

func TestCalibrate(t *testing.T) {
	// Flagged scores start at 60 at the threshold, grow with evidence and
	// never pass 100; unsure links stay under 90; unflagged under 60.
	prev := 0
	for p := 60; p <= 400; p += 5 {
		s := calibrate(p, 60, true, false)
		if s < 60 || s > 100 || s < prev {
			t.Fatalf("calibrate(%d) = %d after %d", p, s, prev)
		}
		prev = s
		if u := calibrate(p, 60, true, true); u > 89 || u < 60 || u > s {
			t.Fatalf("unsure calibrate(%d) = %d", p, u)
		}
	}
	if s := calibrate(60, 60, true, false); s != 60 {
		t.Errorf("at the threshold: %d, want 60", s)
	}
	if a, b := calibrate(90, 60, true, false), calibrate(150, 60, true, false); !(a < 85 && b > 90) {
		t.Errorf("scores do not spread: 90 points %d, 150 points %d", a, b)
	}
	for _, p := range []int{0, 30, 59, 60, 200} {
		if s := calibrate(p, 60, false, false); s < 0 || s > 59 {
			t.Errorf("unflagged %d points: score %d", p, s)
		}
	}
	if s := calibrate(50, 0, false, false); s != 0 {
		t.Errorf("threshold 0, unflagged: %d", s)
	}
	if s := calibrate(10, 0, true, false); s < 60 {
		t.Errorf("threshold 0, flagged: %d", s)
	}
}

// TestUnsureLinksSayWhy checks that a flag on near twins is held under 90
// and says why in a reason.
func TestUnsureLinksSayWhy(t *testing.T) {
	m := MustMatcher(t)
	v := m.Match(listing("Aurora Plant Protein Powder replica 高仿 原单", 20, "shop-9"))
	if !v.Flagged || v.Score > 89 || v.Points < 120 {
		t.Fatalf("score %d points %d flagged %v", v.Score, v.Points, v.Flagged)
	}
	found := false
	for _, r := range v.Reasons {
		found = found || (r.Signal == "score" && strings.Contains(r.Detail, "held under 90: the listing fits AUR-PROT-500, AUR-PROT-1KG equally"))
	}
	if !found {
		t.Errorf("no reason says why the score is held: %+v", v.Reasons)
	}
	sure := m.Match(listing("Aurora Plant Protein Powder 500g replica 高仿 原单", 20, "shop-9"))
	if sure.Score <= v.Score {
		t.Errorf("a title naming one product scores %d, no more than near twins' %d", sure.Score, v.Score)
	}
}
