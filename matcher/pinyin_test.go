package matcher

import (
	"slices"
	"testing"
)

// TestReadings checks the readings the sound-alike and disguise rules
// use: every toneless reading of a character, the customary one first,
// and sounds compared by the customary reading only.
func TestReadings(t *testing.T) {
	if got := readingsOf('得'); len(got) < 2 || got[0] != "de" || !slices.Contains(got, "dei") {
		t.Errorf("readingsOf(得) = %v, want de first, then dei", got)
	}
	if got := readingsOf('绿'); len(got) == 0 || got[0] != "lv" {
		t.Errorf("readingsOf(绿) = %v, want lv (ü written v)", got)
	}
	for _, r := range []rune{'A', '7', 'あ'} {
		if got := readingsOf(r); got != nil {
			t.Errorf("readingsOf(%c) = %v, want none", r, got)
		}
	}
	for _, tt := range []struct {
		a, b rune
		want bool
	}{{'德', '得', true}, {'岚', '兰', true}, {'蕾', '雷', true}, {'家', '洁', false}, {'家', '佳', true}, {'A', 'a', false}} {
		if got := sameSound(tt.a, tt.b); got != tt.want {
			t.Errorf("sameSound(%c, %c) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	forms := pinyinForms("原单")
	for _, f := range []string{"yuan单", "y单", "原dan"} {
		if !slices.Contains(forms, f) {
			t.Errorf("pinyinForms(原单) = %v, lacks %q", forms, f)
		}
	}
	if forms := pinyinForms("仿品"); slices.Contains(forms, "p品") || !slices.Contains(forms, "f品") {
		t.Errorf("pinyinForms(仿品) = %v, want the customary reading's forms only", forms)
	}
	if got := pinyinForms("高仿品"); got != nil {
		t.Errorf("pinyinForms of a three-character word = %v, want none", got)
	}
}
