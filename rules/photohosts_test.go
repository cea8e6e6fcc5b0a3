package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestParseSitePhotoHosts(t *testing.T) {
	s, err := ParseSite("shop.yaml", []byte(minimalSite+`photo_hosts: [IMG.CDN.example, "*.alicdn.com", "127.0.0.1:8932", "[::1]:9000", "2001:db8::1", "cdn.example:443"]`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"img.cdn.example", "*.alicdn.com", "127.0.0.1:8932", "[::1]:9000", "[2001:db8::1]", "cdn.example:443"}
	if !slices.Equal(s.PhotoHosts, want) {
		t.Errorf("photo_hosts = %q, want %q", s.PhotoHosts, want)
	}
	c := s.Clone()
	c.PhotoHosts[0] = "changed"
	if s.PhotoHosts[0] != "img.cdn.example" {
		t.Error("Clone shares PhotoHosts")
	}
	s, err = ParseSite("shop.yaml", []byte(minimalSite))
	if err != nil || s.PhotoHosts != nil {
		t.Errorf("no photo_hosts: %q, %v", s.PhotoHosts, err)
	}
}

func TestParseSitePhotoHostsErrors(t *testing.T) {
	tests := []struct {
		name, yaml, field, msg string
	}{
		{"not a list", `photo_hosts: cdn.example`, "photo_hosts", "not a list"},
		{"scheme", `photo_hosts: ["https://cdn.example"]`, "photo_hosts[0]", "has a scheme"},
		{"path", `photo_hosts: [ok.example, "cdn.example/img"]`, "photo_hosts[1]", "no path"},
		{"port zero", `photo_hosts: ["cdn.example:0"]`, "photo_hosts[0]", "port"},
		{"port too big", `photo_hosts: ["cdn.example:70000"]`, "photo_hosts[0]", "port"},
		{"empty port", `photo_hosts: ["cdn.example:"]`, "photo_hosts[0]", "port"},
		{"wildcard inside", `photo_hosts: ["img.*.example"]`, "photo_hosts[0]", "wildcard"},
		{"wildcard too wide", `photo_hosts: ["*.com"]`, "photo_hosts[0]", "two labels"},
		{"bad name", `photo_hosts: ["cdn_ex!ample"]`, "photo_hosts[0]", "not a host name"},
		{"twice", `photo_hosts: [cdn.example, CDN.example]`, "photo_hosts[1]", "listed twice"},
		{"empty entry", `photo_hosts: [""]`, "photo_hosts[0]", "empty"},
		{"mapping entry", `photo_hosts: [{host: x}]`, "photo_hosts[0]", "not a single value"},
		{"bad v6", `photo_hosts: ["[cdn.example]:80"]`, "photo_hosts[0]", "IPv6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSite("shop.yaml", []byte(minimalSite+tt.yaml+"\n"))
			fe := findError(t, fieldErrors(t, err), tt.field)
			if !strings.Contains(fe.Msg, tt.msg) || fe.Line != 6 || fe.File != "shop.yaml" || !strings.Contains(fe.Accepted, "host:port") {
				t.Errorf("error %+v, want line 6 on %s saying %q and what is accepted", fe, tt.field, tt.msg)
			}
		})
	}
}

// FuzzNormalizePhotoHost: an accepted entry normalises to itself.
func FuzzNormalizePhotoHost(f *testing.F) {
	for _, s := range []string{"img.cdn.example", "*.alicdn.com", "127.0.0.1:8932", "[::1]:9000", "2001:db8::1", "a:", "[x]", "*.*.a.b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := NormalizePhotoHost(s)
		if err != nil {
			return
		}
		h2, err := NormalizePhotoHost(h)
		if err != nil || h2 != h {
			t.Fatalf("%q -> %q -> %q, %v", s, h, h2, err)
		}
	})
}
