package world3

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// normalize folds full-width forms and case the way marketplace search does.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0x3000:
			r = ' '
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// tokens splits text into Latin words (letters and digits) and Chinese
// character bigrams (a lone character stays a token).
func tokens(s string) []string {
	s = normalize(s)
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
		switch {
		case len(han) == 1:
			out = append(out, string(han))
		case len(han) > 1:
			for i := 0; i+1 < len(han); i++ {
				out = append(out, string(han[i:i+2]))
			}
		}
		han = han[:0]
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			flushWord()
			han = append(han, r)
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			flushHan()
			word = append(word, r)
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
	return out
}

type indexed struct {
	l      *listing
	norm   string
	tokSet map[string]bool
}

type searchIndex struct {
	items []indexed
	mu    sync.Mutex
	cache map[string][]*listing
}

func newIndex(ls []*listing) *searchIndex {
	ix := &searchIndex{cache: map[string][]*listing{}}
	for _, l := range ls {
		it := indexed{l: l, norm: normalize(l.title), tokSet: map[string]bool{}}
		for _, t := range tokens(l.title) {
			it.tokSet[t] = true
		}
		ix.items = append(ix.items, it)
	}
	return ix
}

// search returns every listing whose title covers at least 40 % of the
// query's tokens (a partial word or a shared character counts a little),
// best first, then by sales.
func (ix *searchIndex) search(q string) []*listing {
	key := normalize(strings.TrimSpace(q))
	ix.mu.Lock()
	if r, ok := ix.cache[key]; ok {
		ix.mu.Unlock()
		return r
	}
	ix.mu.Unlock()
	seen := map[string]bool{}
	var qt []string
	for _, t := range tokens(key) {
		if !seen[t] {
			seen[t] = true
			qt = append(qt, t)
		}
	}
	type scored struct {
		l *listing
		s float64
	}
	var res []scored
	if len(qt) > 0 {
		for _, it := range ix.items {
			var s float64
			for _, t := range qt {
				switch {
				case it.tokSet[t]:
					s += 1
				case len([]rune(t)) >= 4 && !isHan(t) && strings.Contains(it.norm, t):
					s += 1 // "lumiya" inside "lumiyah"
				case isHan(t) && len([]rune(t)) == 2 && strings.ContainsAny(it.norm, t):
					s += 0.25
				case !isHan(t) && len(t) >= 5 && strings.Contains(it.norm, t[:len(t)-1]):
					s += 0.5 // "tablets" / "tablet"
				}
			}
			s /= float64(len(qt))
			if s >= 0.4 {
				res = append(res, scored{it.l, s})
			}
		}
	}
	sort.SliceStable(res, func(i, j int) bool {
		if res[i].s != res[j].s {
			return res[i].s > res[j].s
		}
		if res[i].l.sales != res[j].l.sales {
			return res[i].l.sales > res[j].l.sales
		}
		return res[i].l.num < res[j].l.num
	})
	out := make([]*listing, len(res))
	for i, r := range res {
		out[i] = r.l
	}
	ix.mu.Lock()
	if len(ix.cache) > 4096 {
		ix.cache = map[string][]*listing{}
	}
	ix.cache[key] = out
	ix.mu.Unlock()
	return out
}

func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
