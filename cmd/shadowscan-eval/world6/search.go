package world6

import (
	"sort"
	"strings"
	"unicode"
)

// normalize folds full-width ASCII and case.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		} else if r == 0x3000 {
			r = ' '
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// tokens splits text the way the sites' search does: ASCII words, and Han
// characters as overlapping bigrams (a lone character as itself).
func tokens(s string) []string {
	var out []string
	var word []rune
	var han []rune
	flushWord := func() {
		if len(word) > 0 {
			out = append(out, string(word))
			word = word[:0]
		}
	}
	flushHan := func() {
		if len(han) == 1 {
			out = append(out, string(han))
		}
		for i := 0; i+1 < len(han); i++ {
			out = append(out, string(han[i:i+2]))
		}
		han = han[:0]
	}
	for _, r := range normalize(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			flushHan()
			word = append(word, r)
		case unicode.Is(unicode.Han, r):
			flushWord()
			han = append(han, r)
		default:
			flushWord()
			flushHan()
		}
	}
	flushWord()
	flushHan()
	return out
}

type indexed struct {
	l     *listing
	set   map[string]bool
	words []string
}

func newIndexed(l *listing) indexed {
	ix := indexed{l: l, set: map[string]bool{}}
	for _, t := range tokens(l.title) {
		ix.set[t] = true
		if t[0] < 128 {
			ix.words = append(ix.words, t)
		}
	}
	return ix
}

func (ix *indexed) has(t string) bool {
	if ix.set[t] {
		return true
	}
	if t[0] < 128 && len(t) >= 4 {
		for _, w := range ix.words {
			if len(w) >= 4 && (strings.HasPrefix(w, t) || strings.HasPrefix(t, w)) {
				return true
			}
		}
	}
	return false
}

type hit struct {
	l     *listing
	score float64
}

// search returns the listings relevant to q, best first.
func search(index []indexed, q string) []hit {
	seen := map[string]bool{}
	var qt []string
	for _, t := range tokens(q) {
		if !seen[t] {
			seen[t] = true
			qt = append(qt, t)
		}
	}
	if len(qt) == 0 {
		return nil
	}
	var hits []hit
	for i := range index {
		n := 0
		for _, t := range qt {
			if index[i].has(t) {
				n++
			}
		}
		s := float64(n) / float64(len(qt))
		if n > 0 && s >= 0.4 {
			hits = append(hits, hit{index[i].l, s})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		if hits[i].l.sales != hits[j].l.sales {
			return hits[i].l.sales > hits[j].l.sales
		}
		return hits[i].l.id < hits[j].l.id
	})
	return hits
}
