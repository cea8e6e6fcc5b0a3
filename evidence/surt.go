package evidence

import (
	"regexp"
	"sort"
	"strings"

	whatwg "github.com/nlnwa/whatwg-url/url"
)

var wwwPrefix = regexp.MustCompile(`^(https?://)www\d*\.`)

// surt returns the Sort-friendly URI Reordering Transform of u the way
// warcio.js getSurt (and so ReplayWeb.page) computes it: "com,example)/path?a=1&b=2".
// A URL that is not http(s) or does not parse is returned unchanged.
func surt(u string) string {
	if !strings.HasPrefix(u, "http:") && !strings.HasPrefix(u, "https:") {
		return u
	}
	s := wwwPrefix.ReplaceAllString(u, "$1")
	p, err := whatwg.Parse(strings.ToLower(s))
	if err != nil {
		return u
	}
	labels := strings.Split(p.Hostname(), ".")
	for i, j := 0, len(labels)-1; i < j; i, j = i+1, j-1 {
		labels[i], labels[j] = labels[j], labels[i]
	}
	var b strings.Builder
	b.WriteString(strings.Join(labels, ","))
	if port := p.Port(); port != "" {
		b.WriteString(":")
		b.WriteString(port)
	}
	b.WriteString(")")
	b.WriteString(p.Pathname())
	if q := p.Search(); q != "" {
		parts := strings.Split(strings.TrimPrefix(q, "?"), "&")
		sort.Strings(parts)
		b.WriteString("?")
		b.WriteString(strings.Join(parts, "&"))
	}
	return b.String()
}
