package world8

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
)

var stopwords = map[string]bool{"and": true, "the": true, "for": true, "with": true, "of": true, "in": true, "a": true, "an": true, "to": true, "by": true, "x": true}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// normRune folds full-width ASCII and case.
func normRune(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r == 0x3000 {
		r = ' '
	}
	return unicode.ToLower(r)
}

// tokenize splits text the way the marketplaces' search engines do: latin
// words (apostrophes dropped) and Chinese character bigrams.
func tokenize(s string) []string {
	var out []string
	seen := map[string]bool{}
	addTok := func(t string) {
		if t == "" || seen[t] || stopwords[t] {
			return
		}
		if len([]rune(t)) == 1 && !isHan([]rune(t)[0]) && !unicode.IsDigit([]rune(t)[0]) {
			return
		}
		seen[t] = true
		out = append(out, t)
	}
	var word []rune
	var han []rune
	flushWord := func() {
		addTok(string(word))
		word = word[:0]
	}
	flushHan := func() {
		if len(han) == 1 {
			addTok(string(han))
		}
		for i := 0; i+1 < len(han); i++ {
			addTok(string(han[i : i+2]))
		}
		han = han[:0]
	}
	for _, r := range s {
		r = normRune(r)
		switch {
		case isHan(r):
			flushWord()
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushHan()
			word = append(word, r)
		case r == '\'' || r == '’':
			// "men's" -> "mens"
		default:
			flushWord()
			flushHan()
		}
	}
	flushWord()
	flushHan()
	return out
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// tokMatch: equal, a prefix of a longer word, or sharing a long stem (so
// near-spellings and look-alike names show up too).
func tokMatch(q, t string) bool {
	if q == t {
		return true
	}
	if len(q) >= 4 && strings.HasPrefix(t, q) {
		return true
	}
	if len(t) >= 4 && strings.HasPrefix(q, t) {
		return true
	}
	return commonPrefix(q, t) >= 5
}

type hit struct {
	l     *listing
	score int
	order uint64
}

// search returns the listings of a site relevant to the query, best first;
// full matches first, then listings matching fewer words ("partial" from
// index partialFrom on).
func (w *world) search(site, q string) (res []*listing, partialFrom int) {
	qt := tokenize(q)
	if len(qt) == 0 {
		return nil, 0
	}
	need := (len(qt) + 1) / 2
	var hits []hit
	for _, l := range w.bySite[site] {
		n := 0
		for _, a := range qt {
			for _, b := range l.toks {
				if tokMatch(a, b) {
					n++
					break
				}
			}
		}
		if n >= need {
			h := fnv.New64a()
			h.Write([]byte(strings.ToLower(q) + "|" + l.id))
			hits = append(hits, hit{l, n, h.Sum64()})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		fi, fj := hits[i].score == len(qt), hits[j].score == len(qt)
		if fi != fj {
			return fi
		}
		if hits[i].score != hits[j].score && !fi {
			return hits[i].score > hits[j].score
		}
		return hits[i].order < hits[j].order
	})
	partialFrom = len(hits)
	for i, h := range hits {
		if h.score < len(qt) {
			partialFrom = i
			break
		}
	}
	res = make([]*listing, len(hits))
	for i, h := range hits {
		res[i] = h.l
	}
	return res, partialFrom
}
