package matcher

import (
	"math"
	"slices"
	"strings"
)

// Near twins are products of one brand whose names differ only in a line
// word: a Hydra and a Firming cream of the same size, Fresh and Lavender
// laundry liquid, men's and women's multivitamins. Sellers often leave the
// line out of the title ("露米雅保湿面霜 50g") and give it, if at all, in
// the description or the photo. Such a title covers the part the twins'
// names share but no single name well enough to be linked; it names one of
// the twins, and the listing is judged against them as a set.

// twinCore is the part two near twins' names share.
type twinCore struct {
	p, q   int      // the twins
	terms  []string // index terms both names hold
	weight float64  // their summed IDF
}

// minCoreShare is the least share of each twin's name's words the shared
// part must hold: the names differ in a line word, not in what they are.
// It counts words rather than weighing them: a line word is rare in the
// brand, so weighed it would outweigh the name's shared words.
const minCoreShare = 0.5

// findTwins returns the cores of brand b's near twins: products with the
// same sizes whose names, in one script, share at least minCoreShare of
// each one's words and each hold a word the other lacks.
func (m *Matcher) findTwins(b int) []twinCore {
	idx := m.brands[b].index
	ps := m.brands[b].products
	var out []twinCore
	for i, p := range ps {
		for _, q := range ps[i+1:] {
			if !sameSizes(m.products[p].sizes, m.products[q].sizes) {
				continue
			}
			for _, np := range m.products[p].nameIDs {
				for _, nq := range m.products[q].nameIDs {
					if c, ok := twinNames(idx, &idx.names[np], &idx.names[nq]); ok {
						c.p, c.q = p, q
						out = append(out, c)
					}
				}
			}
		}
	}
	return out
}

// twinNames returns the core of names x and y when they name near twins.
func twinNames(idx *brandIndex, x, y *nameEntry) (twinCore, bool) {
	var c twinCore
	for _, t := range x.terms {
		if slices.Contains(y.terms, t) {
			c.terms = append(c.terms, t)
			c.weight += idx.idf[t]
		}
	}
	n := float64(len(c.terms))
	ok := n > 0 && len(c.terms) < len(x.terms) && len(c.terms) < len(y.terms) &&
		n >= minCoreShare*float64(len(x.terms)) && n >= minCoreShare*float64(len(y.terms))
	return c, ok
}

// sameSizes reports whether two products state the same quantities.
func sameSizes(x, y []size) bool {
	ok1, _ := sizeMatch(x, y)
	ok2, _ := sizeMatch(y, x)
	if !ok1 || !ok2 {
		return false
	}
	for d := dimension(0); d < numDims; d++ {
		hasX := slices.ContainsFunc(x, func(s size) bool { return s.dim == d })
		hasY := slices.ContainsFunc(y, func(s size) bool { return s.dim == d })
		if hasX != hasY {
			return false
		}
	}
	return true
}

// twinCandidates returns, for the near twins of brand b whose shared part
// the title covers, the twins whose line it names: one, when a line word
// of one of them is in the title in any script or alias ("露米雅保湿面霜
// Hydra"), or both, when it names neither; each with the coverage of the
// shared part.
func (m *Matcher) twinCandidates(a *analysis, b int) []candidate {
	idx := m.brands[b].index
	var out []candidate
	for _, c := range m.brands[b].twins {
		lineP, lineQ := m.namesLine(a, c.p, c.q), m.namesLine(a, c.q, c.p)
		if c.weight <= 0 || (lineP && lineQ) {
			continue
		}
		got, first := 0.0, math.MaxInt
		for _, t := range c.terms {
			if lt, ok := a.terms[t]; ok {
				got += idx.idf[t]
				first = min(first, lt.spans[0].start)
			}
		}
		cov := got / c.weight
		if cov+1e-9 < m.minCoverage {
			continue
		}
		for _, p := range []int{c.p, c.q} {
			if (p == c.p && lineQ) || (p == c.q && lineP) {
				continue
			}
			ok, agree := sizeMatch(a.sizes, m.products[p].sizes)
			if !ok {
				continue
			}
			out = append(out, candidate{product: p, coverage: math.Min(cov, 1), agree: agree, first: first, pooled: m.pooled(a, p)})
		}
	}
	return out
}

// namesLine reports whether the title holds a word of p's names that no
// name of its twin q holds: the line that tells them apart.
func (m *Matcher) namesLine(a *analysis, p, q int) bool {
	idx := m.brands[m.products[p].brand].index
	for _, id := range m.products[p].nameIDs {
		for _, t := range idx.names[id].terms {
			if _, ok := a.terms[t]; ok && !m.productHasTerm(q, t) {
				return true
			}
		}
	}
	return false
}

// pooled returns the weight of the title terms found in any of product
// p's names.
func (m *Matcher) pooled(a *analysis, p int) float64 {
	idx := m.brands[m.products[p].brand].index
	w := 0.0
	for t := range a.terms {
		if m.productHasTerm(p, t) {
			w += idx.idf[t]
		}
	}
	return w
}

// mergeCandidates adds extra to cands, keeping one candidate a product,
// the one with the higher coverage.
func mergeCandidates(cands, extra []candidate) []candidate {
	for _, e := range extra {
		k := slices.IndexFunc(cands, func(c candidate) bool { return c.product == e.product })
		switch {
		case k < 0:
			cands = append(cands, e)
		case e.coverage > cands[k].coverage:
			cands[k].coverage = e.coverage
		}
	}
	return cands
}

// A Chinese product noun ends in what the product is: 红枣姜茶 and 菊花枸杞茶
// are teas (茶), 植物蛋白粉 a powder (粉), 修护晚霜 a cream (霜). A seller who
// leaves the line out may also swap the product's own words for generic
// ones ("<brand>养生花草茶 20袋": a herbal tea of 20 bags): the title then
// shares no word with any name, but its noun ends like the names of the
// brand's products of that size.

// appendHeads appends to heads the last character of each CJK run of
// masked text t not already there.
func appendHeads(heads []rune, t string) []rune {
	for _, r := range cjkRuns(t) {
		if h := r[len(r)-1]; !slices.Contains(heads, h) {
			heads = append(heads, h)
		}
	}
	return heads
}

// brandNoun returns the CJK word right after the title's first brand
// name in masked, the title with brand names, marketing words and sizes
// blanked: "<brand>养生花草茶 20袋 冲饮" gives 养生花草茶. Words further on
// are keywords ("冲饮", instant drink), not the product.
func brandNoun(a *analysis, masked string) string {
	for _, h := range a.brandHits {
		if h.field != "title" {
			continue
		}
		after := strings.TrimLeft(masked[h.end:], " ")
		if runs := cjkRuns(after); len(runs) > 0 && strings.HasPrefix(after, string(runs[0])) {
			return string(runs[0])
		}
		return ""
	}
	return ""
}

// sameKind returns the products of fit (the brand's products whose sizes
// the title states) whose CJK names end in the character the noun after
// the title's brand ends in, when there are at least two: the title names
// one of them, to be judged as a set. One alone is not linked: a shared
// last character is too little to name one product.
func (m *Matcher) sameKind(a *analysis, fit []int) []int {
	if a.noun == "" {
		return nil
	}
	head := lastRune(a.noun)
	var out []int
	for _, p := range fit {
		if slices.Contains(m.products[p].heads, head) {
			out = append(out, p)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
