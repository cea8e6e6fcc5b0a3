package crawler

import (
	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/shadowscan/shadowscan/rules"
)

// The selectors extraction looks for on every page, compiled once
// (goquery's Find compiles its selector on every call, and a crawl reads
// thousands of pages). A site rule's selectors are compiled once too,
// when the rule is parsed (findRule).
var (
	titleSel     = cascadia.MustCompile("title")
	baseSel      = cascadia.MustCompile("base[href]")
	canonicalSel = cascadia.MustCompile("link[rel=canonical]")
	jsonLDSel    = cascadia.MustCompile(`script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]`)
	itemScopeSel = cascadia.MustCompile("[itemscope][itemtype]")
	itemPropSel  = cascadia.MustCompile("[itemprop]")
	idSel        = cascadia.MustCompile("[id]")
	metaSel      = cascadia.MustCompile("meta[property], meta[name]")
)

// findRule is s.Find(sel.CSS) with the selector the rule compiled when it
// was parsed (rules.Selector.Matcher).
func findRule(s *goquery.Selection, sel *rules.Selector) *goquery.Selection {
	if m := sel.Matcher(); m != nil {
		return s.FindMatcher(m)
	}
	return s.Find(sel.CSS)
}
