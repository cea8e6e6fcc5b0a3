package world5

import (
	"sort"
	"strings"
	"unicode"
)

// normalize lower-cases, folds full-width ASCII and turns punctuation into spaces.
func normalize(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		r = unicode.ToLower(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// tokens splits a query the way a marketplace's analyser might: Latin/digit runs are words,
// Chinese runs are character bigrams.
func tokens(q string) []string {
	var out []string
	for _, field := range strings.Fields(normalize(q)) {
		rs := []rune(field)
		i := 0
		for i < len(rs) {
			j := i
			if isHan(rs[i]) {
				for j < len(rs) && isHan(rs[j]) {
					j++
				}
				run := rs[i:j]
				if len(run) == 1 {
					out = append(out, string(run))
				}
				for k := 0; k+1 < len(run); k++ {
					out = append(out, string(run[k:k+2]))
				}
			} else {
				for j < len(rs) && !isHan(rs[j]) {
					j++
				}
				out = append(out, string(rs[i:j]))
			}
			i = j
		}
	}
	return out
}

func latinWords(norm string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.FieldsFunc(norm, func(r rune) bool { return r == ' ' || isHan(r) }) {
		m[f] = true
	}
	return m
}

// search returns the site's listings relevant to q, best first.
func search(ls []*listing, q string) []*listing {
	toks := tokens(q)
	if len(toks) == 0 {
		return nil
	}
	type hit struct {
		l     *listing
		score float64
	}
	var hits []hit
	for _, l := range ls {
		words := latinWords(l.norm)
		n := 0
		for _, t := range toks {
			r := []rune(t)
			switch {
			case isHan(r[0]):
				if strings.Contains(l.norm, t) {
					n++
				}
			case len(r) <= 2:
				if words[t] {
					n++
				}
			default:
				if strings.Contains(l.norm, t) || fuzzyWord(words, t) {
					n++
				}
			}
		}
		s := float64(n) / float64(len(toks))
		// strong matches first; a looser tail ("you may also like") follows them
		if n > 0 && n*3 >= len(toks) {
			hits = append(hits, hit{l, s})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		if hits[i].l.rank != hits[j].l.rank {
			return hits[i].l.rank > hits[j].l.rank
		}
		return hits[i].l.key < hits[j].l.key
	})
	out := make([]*listing, len(hits))
	for i, h := range hits {
		out[i] = h.l
	}
	return out
}

// fuzzyWord: a title word that the query word prefixes (120 / 120s) or that is one edit away
// from it (spelling tolerance, as big marketplaces do).
func fuzzyWord(words map[string]bool, t string) bool {
	for w := range words {
		if len(w) >= 3 && strings.HasPrefix(t, w) && len(t)-len(w) <= 1 {
			return true
		}
		if len(t) >= 5 && len(w) >= 5 && editDist1(w, t) {
			return true
		}
	}
	return false
}

func editDist1(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		return a[i+1:] == b[i+1:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
