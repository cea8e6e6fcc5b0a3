package matcher

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Sellers of other brands' goods name the brand they copy or compete with
// to be found by its buyers: "洁诺 浓缩洗洁精1L 清岚家同款" (Jienuo dish
// liquid, the same kind as Qinglanjia's), "纽康思大豆蛋白粉 对标维德丽"
// (benchmarked against Verdalis), "媲美<brand>" (rivals), "Hydrating
// cream like Lumiya". A listing of the brand's own goods names the brand
// as the maker, at the start or before the product words; one that names
// the brand only in such a phrase offers something else, unless
// counterfeit words say the goods copy the brand's (then it is a
// counterfeit offered under the comparison).

// compareAfter follow a brand name to say "of the same kind as".
var compareAfter = []string{"同款", "一样", "同级"}

// compareAfterWords are the Latin words that follow a brand name to say
// the goods are made after the brand's: a maker's own product "Velmora-
// Style Men's Multi", "… | Lumiya Inspired".
var compareAfterWords = []string{"style", "inspired"}

// compareBefore come before a brand name to compare the goods with it.
var compareBefore = []string{
	"对标", "媲美", "比肩", "堪比", "不输", "胜过", "赶超", "类似", "相当于", "同级别",
	"like", "unlike", "vs", "versus", "rivals", "compared to", "compared with", "compare with",
	"inspired by",
}

// comparisonFlags are the counterfeit words that, with the brand named
// only in a comparison, say no more than the comparison does: a maker's
// own "Handmade Face Serum | Inspired by Lumiya Hydra Serum" is not a
// copy offered as the brand's. Counterfeit words beyond them ("1:1",
// "replica", "exact copy of the original packaging") still make it one.
var comparisonFlags = []string{"inspired by"}

// comparison returns the comparison phrase around the brand name h of
// compact title t, if h stands in one.
func comparison(t string, h wordHit) (wordHit, bool) {
	after := strings.TrimLeft(t[h.end:], " ")
	if w := prefixOf(after, compareAfter); w != "" {
		end := len(t) - len(after) + len(w)
		return wordHit{field: h.field, word: t[h.start:end], start: h.start, end: end, ref: h.ref}, true
	}
	for _, w := range compareAfterWords {
		if startsWithWord(after, w) {
			end := len(t) - len(after) + len(w)
			return wordHit{field: h.field, word: t[h.start:end], start: h.start, end: end, ref: h.ref}, true
		}
	}
	before := strings.TrimRight(t[:h.start], " ")
	for _, w := range compareBefore {
		if endsWithWord(before, w) {
			start := len(before) - len(w)
			return wordHit{field: h.field, word: t[start:h.end], start: start, end: h.end, ref: h.ref}, true
		}
	}
	return wordHit{}, false
}

// resolveComparison sets a.comparedOnly when every title name of the
// linked brand stands in a comparison.
func (a *analysis) resolveComparison() {
	if a.brand < 0 || len(a.compared) == 0 {
		return
	}
	var cmp []wordHit
	for _, h := range a.brandHits {
		if h.field != "title" || h.ref != a.brand {
			continue
		}
		k := -1
		for i, c := range a.compared {
			// The brand's name repeated right after the comparison
			// opens the product's name: "Inspired by Lumiya Lumiya
			// Sheet Masks", "Lumiya-Style Lumiya Sheet Masks".
			if c.ref == h.ref && (c.start <= h.start && h.end <= c.end || c.end <= h.start && strings.TrimSpace(a.title.t[c.end:h.start]) == "") {
				k = i
			}
		}
		if k < 0 {
			return // named as the maker somewhere
		}
		cmp = append(cmp, a.compared[k])
	}
	a.comparedOnly = cmp
	// The comparison's own words ("inspired by", "dupe") are no
	// counterfeit words: the brand is named only as what the goods are
	// made after.
	a.redFlags = slices.DeleteFunc(a.redFlags, func(f wordHit) bool {
		return slices.Contains(comparisonFlags, f.word) || slices.ContainsFunc(a.dupes, func(d wordHit) bool { return d == f })
	})
}

// startsWithWord reports whether s starts with the word w, followed by
// the end or a character that is no part of a word.
func startsWithWord(s, w string) bool {
	if !strings.HasPrefix(s, w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(w):])
	return len(s) == len(w) || !isWordRune(r)
}
