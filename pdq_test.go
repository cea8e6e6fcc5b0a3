package shadowscan

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestPDQText(t *testing.T) {
	var p PDQ
	p[0] = 1         // bit 0: the last hex digit
	p[3] = 0xf << 60 // bits 252-255: the first hex digit
	p[1] = 0x0123456789abcdef
	want := "f000000000000000" + "0000000000000000" + "0123456789abcdef" + "0000000000000001"
	if got := p.String(); got != want {
		t.Fatalf("String = %s, want %s", got, want)
	}
	var back PDQ
	if err := back.UnmarshalText([]byte(want)); err != nil || back != p {
		t.Fatalf("UnmarshalText = %v, %v; want %v", back, err, p)
	}
	b, err := json.Marshal(ImageVariant{Kind: "k", PDQ: p})
	if err != nil || !strings.Contains(string(b), `"pdq":"`+want+`"`) {
		t.Fatalf("json = %s, %v", b, err)
	}
	if d := p.Distance(PDQ{}); d != 1+4+32 {
		t.Errorf("Distance to zero = %d, want %d", d, 1+4+32)
	}
	if p.IsZero() || !(PDQ{}).IsZero() {
		t.Error("IsZero wrong")
	}
	for _, bad := range []string{"", "00", strings.Repeat("g", 64), strings.Repeat("0", 65)} {
		var q PDQ
		var fe *FieldError
		if err := q.UnmarshalText([]byte(bad)); !errors.As(err, &fe) || fe.Accepted == "" {
			t.Errorf("UnmarshalText(%q) = %v, want a FieldError saying what is accepted", bad, err)
		}
	}
}

func TestImageRefWithoutPDQOmitsIt(t *testing.T) {
	b, err := json.Marshal(ImageRef{Source: "a.jpg", PHash: 1})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "pdq") || strings.Contains(string(b), "variants") {
		t.Errorf("an image without PDQ marshals as %s", b)
	}
}

// FuzzPDQText: any text either fails with a FieldError or reads a hash
// that writes back as the same text, lower-cased.
func FuzzPDQText(f *testing.F) {
	f.Add(strings.Repeat("0", 64))
	f.Add("f000000000000000000000000000000000000000000000000123456789ABCDEF1")
	f.Add(strings.Repeat("z", 64))
	f.Fuzz(func(t *testing.T, s string) {
		var p PDQ
		if err := p.UnmarshalText([]byte(s)); err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FieldError", err)
			}
			return
		}
		if got := p.String(); got != strings.ToLower(s) {
			t.Fatalf("%q read back as %q", s, got)
		}
	})
}
