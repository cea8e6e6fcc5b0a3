package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestDisplayWidthAndTruncate(t *testing.T) {
	if got := displayWidth("奥罗拉 AB"); got != 9 {
		t.Errorf("displayWidth = %d, want 9 (three wide characters, a space, two narrow)", got)
	}
	for _, tt := range []struct {
		in   string
		w    int
		want string
	}{
		{"奥罗拉植物蛋白粉", 7, "奥罗拉…"},
		{"short", 10, "short"},
		{"a  b\n c", 10, "a b c"},
		{"abcdefgh", 5, "abcd…"},
	} {
		if got := truncate(tt.in, tt.w); got != tt.want || displayWidth(got) > tt.w {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

// TestTableAlignsWideText: a column after Chinese text starts at the same
// terminal cell on every row.
func TestTableAlignsWideText(t *testing.T) {
	tb := newTable("TITLE", "PRICE")
	tb.add("奥罗拉蛋白粉", "¥89.00")
	tb.add("Aurora", "¥298.00")
	var b bytes.Buffer
	if err := tb.write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	col := func(line, cell string) int { return displayWidth(line[:strings.Index(line, cell)]) }
	if a, c := col(lines[1], "¥89"), col(lines[2], "¥298"); a != c || a != col(lines[0], "PRICE") {
		t.Errorf("price column starts at %d and %d (header %d):\n%s", a, c, col(lines[0], "PRICE"), b.String())
	}
}
