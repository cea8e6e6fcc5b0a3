package rules

import (
	"strings"
	"testing"
	"time"
)

const blockedSiteBase = `name: tb-market
base_url: https://tb.example
search:
  url: "{base}/search?q={query}"
  listing_links: "a.item@href"
`

func TestParseSiteBlocked(t *testing.T) {
	s, err := ParseSite("tb.yaml", []byte(blockedSiteBase+`blocked:
  - "div.verify-wrap"
  - "#notice | re:频繁"
  - "re:(?i)unusual traffic"
politeness: {block_backoff: 2m, block_limit: 8}
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Blocked) != 3 || s.Blocked[0].Selector == nil || s.Blocked[1].Selector.Re == nil || s.Blocked[2].Pattern == nil {
		t.Fatalf("blocked %+v", s.Blocked)
	}
	if !s.Blocked[2].Pattern.MatchString("Our systems detected Unusual Traffic") {
		t.Error("pattern lost its flags")
	}
	if s.Politeness.BlockBackoff != 2*time.Minute || s.Politeness.BlockLimit != 8 {
		t.Errorf("politeness %+v", s.Politeness)
	}
	if c := s.Clone(); len(c.Blocked) != 3 {
		t.Error("Clone drops blocked")
	}

	min, err := ParseSite("tb.yaml", []byte(blockedSiteBase))
	if err != nil || min.Blocked != nil || min.Politeness.BlockBackoff != 0 || min.Politeness.BlockLimit != 0 {
		t.Fatalf("a rule without blocked: %v %+v", err, min)
	}
}

func TestParseSiteBlockedErrors(t *testing.T) {
	for _, tt := range []struct {
		yaml, field, msg string
		line             int
	}{
		{"blocked: div.x\n", "blocked", "not a list", 6},
		{"blocked:\n  - \"re:([\"\n", "blocked[0]", "not a regular expression", 7},
		{"blocked:\n  - ok\n  - \"div[\"\n", "blocked[1]", "does not parse", 8},
		{"blocked:\n  - \"re:\"\n", "blocked[0]", "no pattern", 7},
		{"politeness: {block_limit: 0}\n", "politeness.block_limit", "out of range", 6},
		{"politeness: {block_backoff: 1h}\n", "politeness.block_backoff", "out of range", 6},
	} {
		_, err := ParseSite("tb.yaml", []byte(blockedSiteBase+tt.yaml))
		e := findError(t, fieldErrors(t, err), tt.field)
		if e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) || e.File != "tb.yaml" || e.Accepted == "" {
			t.Errorf("%q: error %+v, want line %d saying %q with what is accepted", tt.yaml, e, tt.line, tt.msg)
		}
	}
}

func TestParseSiteProxies(t *testing.T) {
	s, err := ParseSite("tb.yaml", []byte(blockedSiteBase+`proxies: ["http://10.0.0.5:3128", "socks5://u:p@127.0.0.1:1080/", "socks5h://proxy.example:1080"]
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"http://10.0.0.5:3128", "socks5://u:p@127.0.0.1:1080", "socks5h://proxy.example:1080"}
	if strings.Join(s.Proxies, " ") != strings.Join(want, " ") {
		t.Errorf("proxies %v, want %v", s.Proxies, want)
	}
	for _, tt := range []struct{ yaml, msg string }{
		{"proxies: http://x:1\n", "not a list"},
		{"proxies: [\"ftp://x:21\"]\n", "scheme \"ftp\""},
		{"proxies: [\"socks5://x\"]\n", "host and a port"},
		{"proxies: [\"http://x:99999\"]\n", "invalid port"},
		{"proxies: [\"http://u:secret@x:80/path\"]\n", "path"},
	} {
		_, err := ParseSite("tb.yaml", []byte(blockedSiteBase+tt.yaml))
		errs := fieldErrors(t, err)
		if !strings.Contains(errs.Error(), tt.msg) || strings.Contains(errs.Error(), "secret") {
			t.Errorf("%q: %v, want %q without the password", tt.yaml, errs, tt.msg)
		}
	}
}
