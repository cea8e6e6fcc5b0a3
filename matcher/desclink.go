package matcher

import (
	"math"
	"slices"
)

// Wholesale and retail sites ask every listing for its details: the
// attribute table of 1688, Taobao and JD (品牌 brand, 品名 product name, 规格
// size) and the "Product:", "Size:" lines of cross-border sites. A seller
// whose title names the brand with words of its own ("维德丽碳酸钙D3片" for
// the brand's 钙维D片; "Homvia Water Purifier" for its Under-Sink Water
// Purifier RO-600) still names the product there. Such a title is linked
// by the description when the description names one product of the
// brand in full, and the title shares a word or a character with that
// product's names; the hit says the product was read from the
// description, and its score stays under 90.

// linkByDescription links the listing to the one product of the title's
// brands whose name the description covers in full. It reports whether it
// linked.
func (m *Matcher) linkByDescription(a *analysis, titleBrands []int) bool {
	if len(titleBrands) == 0 || a.desc.t == "" {
		return false
	}
	d := m.descTerms(a)
	var cands []candidate
	for _, b := range titleBrands {
		cands = append(cands, m.score(d, b)...)
	}
	cands = slices.DeleteFunc(cands, func(c candidate) bool { return c.coverage < 1-1e-9 || len(c.typos) > 0 })
	if len(cands) != 1 {
		return false // none, or several named in full: not one product
	}
	c := cands[0]
	if ok, _ := sizeMatch(a.sizes, m.products[c.product].sizes); !ok || !m.nearProductName(a, c.product) {
		return false
	}
	c.first, c.pooled, c.typos = math.MaxInt, 0, nil
	m.choose(a, &c)
	a.byDescOnly = true
	return true
}

// descTerms returns an analysis holding only the description's index
// terms and sizes, with brand names, marketing words and sizes masked as
// in a title, for scoring products against the description.
func (m *Matcher) descTerms(a *analysis) *analysis {
	t := a.desc.t
	var spans []token
	for _, h := range a.brandHits {
		if h.field == "description" {
			spans = append(spans, token{h.start, h.end})
		}
	}
	for _, h := range a.desc.hits {
		if m.dict.phrases[h.phrase].kind == kindMarketing {
			spans = append(spans, token{h.start, h.end})
		}
	}
	d := &analysis{sizes: parseSizes(t), terms: map[string]*listingTerm{}}
	for _, s := range d.sizes {
		spans = append(spans, token{s.start, s.end})
	}
	masked := mask(t, spans)
	toks := indexTokens(masked)
	for _, tk := range toks {
		d.addTerm(masked[tk.start:tk.end], tk)
	}
	m.addJoinedTerms(d, masked, toks)
	return d
}
