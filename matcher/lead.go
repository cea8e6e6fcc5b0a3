package matcher

import (
	"slices"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// A product title on Amazon, JD or Taobao starts with the brand: "<brand>
// <line> <product> <size>". Sellers of other brands' goods copy the
// catalogue brand's product words and add its name for search, usually in
// the other script ("Bodyline Soy Protein Powder 900g 维叶大豆蛋白粉"), or
// name it as what their product stands in for ("Glow Lab Hydra Cream -
// the Lumiya Hydra Cream dupe"). The title's lead then holds another
// name: the listing offers that brand's product, not the catalogue's.

// titleDescriptors are English words that open titles without naming a
// brand: condition, origin, audience, size and offer words.
var titleDescriptors = []string{
	"new", "brand", "sealed", "unopened", "unused", "boxed", "original", "genuine", "authentic", "official",
	"premium", "imported", "import", "export", "overseas", "global", "international", "local",
	"korean", "korea", "japanese", "japan", "american", "usa", "uk", "eu", "european", "german", "french",
	"australian", "thai", "chinese", "organic", "natural", "pure", "vegan", "best", "top", "hot", "quality",
	"high", "value", "big", "large", "small", "mini", "travel", "family", "size", "pack", "men", "mens",
	"women", "womens", "ladies", "kids", "children", "baby", "adult", "adults", "senior", "seniors",
	"daily", "fresh", "free", "shipping", "ship", "fast", "express", "sale", "deal", "deals", "offer",
	"gift", "gifts", "set", "lot", "bulk", "wholesale", "retail", "store", "shop", "item", "items",
	"bundle", "limited", "edition", "exp", "expiry", "date", "dated", "stock", "ready", "seller",
	"personal", "private", "the", "for", "with", "and", "of", "by", "from", "to", "on", "at", "plus",
	"in", "my", "our", "your", "this", "one", "only", "just", "sample", "trial", "refill", "combo",
	// what the goods are for and made of
	"plant", "whey", "herbal", "sugar", "gluten", "fragrance", "alcohol", "paraben", "dairy", "soy",
	"sensitive", "dry", "oily", "normal", "combination", "mature", "skin", "face", "facial", "body",
	"hair", "hand", "eye", "lip", "kitchen", "home", "household", "beauty", "health", "care",
	"skincare", "supplement", "supplements", "nutrition", "wellness", "cosmetics",
}

// descriptorEndings mark English adjectives that open titles ("Plant-based",
// "Brightening", "Fragrance-free", "Long-lasting", "Sensitive"), not names.
var descriptorEndings = []string{"ing", "ed", "free", "less", "ful", "ous", "ive", "able", "proof"}

// foreignLead returns the words that open the title and name another
// brand, when the listing's product words come after them: nil when the
// title opens with the catalogue brand b, with one of the linked
// products' words, or with descriptors and signal words only. A name
// followed by b's own name with only descriptors between ("Sephora
// Lumiya ...", "Short-dated sale Lumiya ...") qualifies the brand and is
// no lead.
func (m *Matcher) foreignLead(a *analysis, b int) []string {
	t := a.title.t
	skip := m.leadSkips(a)
	var lead []string
	adjacent := false // the previous word was a word of the lead
	for _, tk := range wordStarts(t) {
		w := t[tk.start:tk.end]
		if !isWordRune(firstRune(w)) {
			// The Latin lead ends at the first CJK character; a name
			// right before the brand's CJK name writes it in Latin
			// letters ("Jingjia 净嘉", "Vitaleef 维叶").
			if adjacent && a.brandAt(tk) == b {
				return nil
			}
			break
		}
		owner := a.brandAt(tk)
		name := owner >= 0 && owner != b || owner < 0 && m.nameWord(a, b, w, tk, skip)
		switch {
		case owner == b:
			return nil
		case len(lead) == 0 && owner < 0 && m.linkedTerm(a, w):
			return nil // the product's own words open the title
		case name && (len(lead) == 0 || adjacent && len(lead) < 2):
			lead, adjacent = append(lead, w), true
		case len(lead) > 0 && (name || m.linkedTerm(a, w) || m.brandTerm(b, w)):
			return lead // something other than descriptors follows the lead
		default:
			adjacent = false
		}
	}
	return lead
}

// isDescriptor reports whether the English word w opens titles without
// naming a brand: a descriptor, an adjective by its ending, a negator, or
// a size or code with a digit.
func isDescriptor(w string) bool {
	if strings.ContainsAny(w, "0123456789") || slices.Contains(titleDescriptors, w) || slices.Contains(negators, w) {
		return true
	}
	for _, e := range descriptorEndings {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// nameWord reports whether the title word w (at tk) may be part of a
// brand name: not a descriptor, a word of a signal phrase, a size or code
// with a digit, a word of one or two letters, nor a product word of
// brand b.
func (m *Matcher) nameWord(a *analysis, b int, w string, tk token, skip []token) bool {
	if len(w) <= 2 || isDescriptor(w) {
		return false
	}
	if m.brandTerm(b, w) || m.linkedTerm(a, w) {
		return false
	}
	return !slices.ContainsFunc(skip, func(s token) bool { return s.start < tk.end && tk.start < s.end })
}

// leadSkips returns the title spans of signal and marketing phrases, code
// statements and sizes.
func (m *Matcher) leadSkips(a *analysis) []token {
	var out []token
	for _, h := range a.title.hits {
		if m.dict.phrases[h.phrase].kind != kindBrand {
			out = append(out, token{h.start, h.end})
		}
	}
	for _, h := range a.codes {
		if h.field == "title" {
			out = append(out, token{h.start, h.end})
		}
	}
	for _, s := range a.sizes {
		out = append(out, token{s.start, s.end})
	}
	return out
}

// brandAt returns the brand the title names at tk, or -1.
func (a *analysis) brandAt(tk token) int {
	for _, h := range a.brandHits {
		if h.field == "title" && h.start < tk.end && tk.start < h.end {
			return h.ref
		}
	}
	return -1
}

// linkedTerm reports whether w is a word of the linked product, or of one
// of the near twins the listing is judged against.
func (m *Matcher) linkedTerm(a *analysis, w string) bool {
	if a.product >= 0 {
		return m.productHasTerm(a.product, w)
	}
	return slices.ContainsFunc(a.tied, func(c candidate) bool { return m.productHasTerm(c.product, w) })
}

// brandTerm reports whether w is a word of any product name of brand b.
func (m *Matcher) brandTerm(b int, w string) bool {
	_, ok := m.brands[b].index.postings[w]
	return ok
}

// namesBrandOnlyInCJK reports whether the title names brand b, and only
// in a CJK script.
func (a *analysis) namesBrandOnlyInCJK(b int) bool {
	named := false
	for _, h := range a.brandHits {
		if h.field == "title" && h.ref == b {
			if isLatinWord(h.word) {
				return false
			}
			named = true
		}
	}
	return named
}

// resolveLead decides what the title's lead makes of the listing, once it
// is linked: with another brand's name leading, a "dupe" word names that
// brand's product as a stand-in for ours (an alternative), and a title
// that names the catalogue brand only in the other script, from a seller
// named like the lead or with a lead like the brand's name, is that
// brand's product with ours added for search. Any other lead may be a
// brand or a descriptor this package does not know: the listing is judged
// as it stands, and its score kept under 90. Without another name
// leading, "dupe" says the goods copy ours: a counterfeit word.
func (m *Matcher) resolveLead(a *analysis, l *shadowscan.Listing) {
	if a.brand < 0 || (a.product < 0 && len(a.tied) == 0) {
		a.redFlags = append(a.redFlags, a.dupes...)
		return
	}
	lead := m.foreignLead(a, a.brand)
	if h, ok := betterThan(a, a.brand); ok {
		a.alternative = append(a.alternative, h)
	}
	switch {
	case len(lead) == 0 && m.dupeNamesAnother(a, a.brand):
		// "Lumiel Cream Dupe – DermaPlain Cream": the name after the
		// dupe word is the product sold.
		a.alternative = append(a.alternative, a.dupes...)
	case len(lead) == 0:
		a.redFlags = append(a.redFlags, a.dupes...)
	case len(a.dupes) > 0:
		a.alternative = append(a.alternative, a.dupes...)
		a.product, a.tied, a.ambiguous = -1, nil, nil
	case a.namesBrandOnlyInCJK(a.brand) || sellerNamed(l, lead) || m.namesLookAlike(strings.Join(lead, " "), a.brand):
		a.foreign = lead
	default:
		a.leadUnsure = lead
	}
}

// sellerNamed reports whether the seller's id or name holds a word of
// lead ("jingjia-household" for a title led by "Jingjia").
func sellerNamed(l *shadowscan.Listing, lead []string) bool {
	seller := Normalize(l.SellerID + " " + l.SellerName)
	for _, w := range lead {
		if len(w) >= 4 && strings.Contains(seller, w) {
			return true
		}
	}
	return false
}

// dupeNamesAnother reports whether a title "dupe" word is followed by
// another maker's product: a name that is not brand b's, then within a
// few words the linked product's own words. "Lumiel Cream Dupe –
// DermaPlain Cream, same actives" sells DermaPlain's cream as a stand-in
// for ours; "dupe-grade copy", "dupe 50ml" and "dupe 1:1" name nothing.
func (m *Matcher) dupeNamesAnother(a *analysis, b int) bool {
	const reach = 4 // words from the name to the product's words
	if len(a.dupes) == 0 {
		return false // most titles: no tokenising for them
	}
	t := a.title.t
	skip := m.leadSkips(a)
	words := wordStarts(t)
	for _, d := range a.dupes {
		if d.field != "title" {
			continue
		}
		named := -1 // index in words of the other maker's name
	scan:
		for i, tk := range words {
			if tk.start < d.end {
				continue
			}
			w := t[tk.start:tk.end]
			if !isWordRune(firstRune(w)) || a.brandAt(tk) == b || named >= 0 && i-named > reach {
				break
			}
			switch {
			case named >= 0 && m.linkedTerm(a, w):
				return true
			case named < 0 && m.nameWord(a, b, w, tk, skip):
				named = i
			case named < 0 && !isDescriptor(w):
				break scan // a signal or product word: no name follows
			}
		}
	}
	return false
}

// betterThan finds "better than <brand b>" in the title ("Better than
// Lumiel? DermaPlain Cream"): the listing sells something it compares
// with b's product, not b's product.
func betterThan(a *analysis, b int) (wordHit, bool) {
	const phrase = "better than "
	t := a.title.t
	for off := 0; ; {
		i := strings.Index(t[off:], phrase)
		if i < 0 {
			return wordHit{}, false
		}
		s := off + i
		e := s + len(phrase)
		for _, h := range a.brandHits {
			if h.field == "title" && h.start == e && h.ref == b {
				return a.title.hit(s, e-1), true
			}
		}
		off = e
	}
}
