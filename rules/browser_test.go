package rules

import (
	"strings"
	"testing"
	"time"
)

func TestParseSiteBrowser(t *testing.T) {
	src := "fetch: browser\nwait_timeout: 4s\n" + minimalSite + "  wait_for: div.result a\n  scroll: 7\nlisting:\n  wait_for: h1.title\n"
	s, err := ParseSite("sites/shop.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Browser() || s.WaitTimeout != 4*time.Second || s.Search.WaitFor != "div.result a" || s.Search.Scroll != 7 || s.Listing.WaitFor != "h1.title" {
		t.Errorf("got fetch %q wait_timeout %v search %q/%d listing %q", s.Fetch, s.WaitTimeout, s.Search.WaitFor, s.Search.Scroll, s.Listing.WaitFor)
	}
	s, err = ParseSite("sites/shop.yaml", []byte("fetch: browser\n"+minimalSite))
	if err != nil {
		t.Fatal(err)
	}
	if s.WaitTimeout != DefaultWaitTimeout {
		t.Errorf("default wait_timeout %v, want %v", s.WaitTimeout, DefaultWaitTimeout)
	}
	s, err = ParseSite("sites/shop.yaml", []byte("fetch: http\n"+minimalSite))
	if err != nil || s.Browser() || s.Fetch != "" {
		t.Errorf("fetch: http gave %+v, %v; want a plain site stored as \"\"", s, err)
	}
}

func TestParseSiteBrowserErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		line  int
		field string
		msg   string
	}{
		{"unknown fetch", "fetch: chrome\n" + minimalSite, 1, "fetch", `"chrome" is not a way of fetching`},
		{"wait_for without browser", minimalSite + "  wait_for: div\n", 6, "search.wait_for", "only with fetch: browser"},
		{"listing wait_for without browser", minimalSite + "listing:\n  wait_for: h1\n", 7, "listing.wait_for", "only with fetch: browser"},
		{"scroll without browser", minimalSite + "  scroll: 3\n", 6, "search.scroll", "only with fetch: browser"},
		{"wait_timeout without browser", "wait_timeout: 3s\n" + minimalSite, 1, "wait_timeout", "only with fetch: browser"},
		{"scroll over the cap", "fetch: browser\n" + minimalSite + "  scroll: 51\n", 7, "search.scroll", "out of range"},
		{"bad wait_for selector", "fetch: browser\n" + minimalSite + "  wait_for: \"div[\"\n", 7, "search.wait_for", "does not parse"},
		{"zero wait_timeout", "fetch: browser\nwait_timeout: 0s\n" + minimalSite, 2, "wait_timeout", "above zero"},
		{"wait_timeout too long", "fetch: browser\nwait_timeout: 1h\n" + minimalSite, 2, "wait_timeout", "out of range"},
		{"browser with json", "fetch: browser\nformat: json\n" + strings.Replace(minimalSite, `"a.item@href"`, "items.#.url", 1), 1, "fetch", "cannot be used with format: json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSite("sites/shop.yaml", []byte(tt.src))
			if s != nil {
				t.Fatalf("got a site %+v, want an error", s)
			}
			e := findError(t, fieldErrors(t, err), tt.field)
			if e.File != "sites/shop.yaml" || e.Line != tt.line || e.Accepted == "" {
				t.Errorf("file %q line %d accepted %q, want sites/shop.yaml line %d and what is accepted (%v)", e.File, e.Line, e.Accepted, tt.line, e)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("Msg %q does not contain %q", e.Msg, tt.msg)
			}
		})
	}
}
