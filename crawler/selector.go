package crawler

import (
	"sync"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// matchers holds CSS selectors compiled once, by their text. goquery's
// Find compiles its selector on every call, and a crawl runs the same
// dozen (the site rule's and extraction's own) on every page it reads.
// The texts come from the rules and from this package, so the set stays
// small. A compiled selector is safe for concurrent use.
var matchers sync.Map // string -> goquery.Matcher

// find is s.Find(css) with the selector compiled once. A selector that
// does not compile matches nothing, as with Find.
func find(s *goquery.Selection, css string) *goquery.Selection {
	if m, ok := matchers.Load(css); ok {
		return s.FindMatcher(m.(goquery.Matcher))
	}
	m, err := cascadia.Compile(css)
	if err != nil {
		return s.Find(css)
	}
	matchers.Store(css, m)
	return s.FindMatcher(m)
}
