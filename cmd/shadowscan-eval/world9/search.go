package world9

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// fold lower-cases and turns full-width ASCII into half-width.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isCJK(r rune) bool { return r >= 0x2E80 && unicode.IsLetter(r) }

// queryTokens splits a query into latin/digit words and CJK character bigrams,
// as a bigram-indexed site search does.
func queryTokens(q string) []string {
	var toks []string
	var word []rune
	var han []rune
	flushWord := func() {
		if len(word) > 0 {
			toks = append(toks, string(word))
			word = word[:0]
		}
	}
	flushHan := func() {
		switch {
		case len(han) == 1:
			toks = append(toks, string(han))
		case len(han) > 1:
			for i := 0; i+1 < len(han); i++ {
				toks = append(toks, string(han[i:i+2]))
			}
		}
		han = han[:0]
	}
	for _, r := range fold(q) {
		switch {
		case isCJK(r):
			flushWord()
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushHan()
			word = append(word, r)
		default:
			flushWord()
			flushHan()
		}
	}
	flushWord()
	flushHan()
	slices.Sort(toks)
	return slices.Compact(toks)
}

// searchDoc is a title folded with everything but letters and digits dropped.
func searchDoc(title string) string {
	var b strings.Builder
	for _, r := range fold(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// search returns the listings whose titles hold at least 75 % of the query's
// tokens, best first.
func search(ls []*listing, docs []string, q string) []*listing {
	toks := queryTokens(q)
	if len(toks) == 0 {
		return nil
	}
	need := (len(toks)*3 + 3) / 4
	type hit struct {
		l *listing
		n int
	}
	var hits []hit
	for i, l := range ls {
		n := 0
		for _, t := range toks {
			if strings.Contains(docs[i], t) {
				n++
			}
		}
		if n >= need {
			hits = append(hits, hit{l, n})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(b.l.Sales, a.l.Sales), cmp.Compare(a.l.ID, b.l.ID))
	})
	out := make([]*listing, len(hits))
	for i, h := range hits {
		out[i] = h.l
	}
	return out
}
