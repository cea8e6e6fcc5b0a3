package worldgen

import (
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

func TestLookPackage(t *testing.T) {
	tests := []struct {
		look    string
		wantErr string
	}{
		{"sku:AUR-PROT-500", ""},
		{"jar:AURARA/PROTEIN", ""},
		{"book:", ""},
		{"sku:NOPE", "no catalogue product"},
		{"hexagon:X", "unknown shape"},
		{"jar", "want sku:SKU or shape:TEXT"},
	}
	for _, tt := range tests {
		t.Run(tt.look, func(t *testing.T) {
			p, err := LookPackage(tt.look)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				again, _ := LookPackage(tt.look)
				if p != again {
					t.Error("the same look gave two packages")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestYAMLScalarsRoundTrip(t *testing.T) {
	for _, s := range []string{"Aurora Wellness", "Verdance Skin & Home", "奥罗拉植物蛋白粉 500克", "yes", "a: b", "#x", "[x]", "- x", "x ", `q"uote`, "1:1", "100"} {
		t.Run(s, func(t *testing.T) {
			var got any
			if err := yaml.Unmarshal([]byte("v: "+yq(s)), &got); err != nil {
				t.Fatalf("yq(%q) = %s: %v", s, yq(s), err)
			}
			if v := got.(map[string]any)["v"]; v != s {
				t.Errorf("yq(%q) = %s reads back as %#v", s, yq(s), v)
			}
		})
	}
}

func FuzzYAMLScalar(f *testing.F) {
	f.Add("Aurora")
	f.Add("a: b # c")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\ufeff") {
			return
		}
		var got map[string]any
		if err := yaml.Unmarshal([]byte("v: "+yq(s)), &got); err != nil {
			t.Fatalf("yq(%q) = %s: %v", s, yq(s), err)
		}
		if v, ok := got["v"].(string); !ok || v != s {
			t.Fatalf("yq(%q) = %s reads back as %#v", s, yq(s), got["v"])
		}
	})
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files then %d", len(a), len(b))
	}
	for name, data := range a {
		if string(b[name]) != string(data) {
			t.Errorf("%s differs between runs", name)
		}
	}
}
