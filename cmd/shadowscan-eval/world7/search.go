package world7

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// normalize folds full-width forms and case.
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

// queryUnits splits a query the way a marketplace's search does: latin words and
// numbers as tokens, Chinese runs as overlapping character pairs.
func queryUnits(q string) []string {
	q = normalize(q)
	var out []string
	seen := map[string]bool{}
	push := func(u string) {
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	var ascii, han []rune
	flushASCII := func() {
		if len(ascii) > 0 {
			push(string(ascii))
			ascii = ascii[:0]
		}
	}
	flushHan := func() {
		switch {
		case len(han) == 1:
			push(string(han))
		case len(han) > 1:
			for i := 0; i+1 < len(han); i++ {
				push(string(han[i : i+2]))
			}
		}
		han = han[:0]
	}
	for _, r := range q {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			flushHan()
			ascii = append(ascii, r)
		case unicode.Is(unicode.Han, r):
			flushASCII()
			han = append(han, r)
		default:
			flushASCII()
			flushHan()
		}
	}
	flushASCII()
	flushHan()
	// one-letter latin tokens ("c", "d") match everything: drop them unless alone
	if len(out) > 1 {
		kept := out[:0]
		for _, u := range out {
			if len([]rune(u)) > 1 || u[0] >= 0x80 {
				kept = append(kept, u)
			}
		}
		out = kept
	}
	return out
}

type searchDoc struct {
	l    *listing
	text string
}

type searchIndex struct {
	docs  []searchDoc
	mu    sync.Mutex
	cache map[string][]*listing
}

func newIndex(ls []*listing, text func(*listing) string) *searchIndex {
	ix := &searchIndex{}
	for _, l := range ls {
		ix.docs = append(ix.docs, searchDoc{l: l, text: strings.ReplaceAll(normalize(text(l)), " ", "")})
	}
	return ix
}

// search returns every listing matching at least a third of the query's units,
// best match first, then by popularity.
func (ix *searchIndex) search(q string) []*listing {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if r, ok := ix.cache[q]; ok {
		return r
	}
	if ix.cache == nil || len(ix.cache) > 4096 {
		ix.cache = map[string][]*listing{}
	}
	r := ix.run(q)
	ix.cache[q] = r
	return r
}

func (ix *searchIndex) run(q string) []*listing {
	us := queryUnits(q)
	if len(us) == 0 {
		return nil
	}
	type hit struct {
		l *listing
		n int
	}
	var hits []hit
	for _, d := range ix.docs {
		n := 0
		for _, u := range us {
			if strings.Contains(d.text, u) {
				n++
			}
		}
		if n > 0 && n*3 >= len(us) {
			hits = append(hits, hit{d.l, n})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].n != hits[j].n {
			return hits[i].n > hits[j].n
		}
		if hits[i].l.pop != hits[j].l.pop {
			return hits[i].l.pop > hits[j].l.pop
		}
		return hits[i].l.id < hits[j].l.id
	})
	out := make([]*listing, len(hits))
	for i, h := range hits {
		out[i] = h.l
	}
	return out
}
