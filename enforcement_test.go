package shadowscan_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

func TestParseMonth(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-03", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"2025-3", time.Time{}, false},
		{"2025-13", time.Time{}, false},
		{"March 2025", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := shadowscan.ParseMonth("since", tt.in)
			if (err == nil) != tt.ok || !got.Equal(tt.want) {
				t.Fatalf("ParseMonth(%q) = %v, %v", tt.in, got, err)
			}
			var fe *shadowscan.FieldError
			if !tt.ok && !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FieldError", err)
			}
		})
	}
}
