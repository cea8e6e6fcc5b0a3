package matcher

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// minTypoLen is the length, in characters, a Latin product word must have
// before a one-edit typo of it is accepted: "protien" reads as "protein",
// but "plane" is not "plant".
const minTypoLen = 6

// typoFactor is the weight a word read through a typo keeps, so that an
// exact name beats a misspelt one.
const typoFactor = 0.9

// nameEntry is one product name or alias as index terms, with the brand's
// own names, marketing words and sizes taken out.
type nameEntry struct {
	product int32 // index into Matcher.products
	terms   []string
	weight  float64 // sum of the terms' IDF
}

// brandIndex is the inverted index over one brand's product names: a
// listing is only scored against the products of brands its title names,
// so the cost of a listing follows the size of those brands, not of the
// catalogue.
type brandIndex struct {
	names    []nameEntry
	postings map[string][]int32 // term -> names holding it
	idf      map[string]float64
	// deletes maps each long Latin term, and each form of it with one
	// character deleted, to the terms it came from (symmetric-delete
	// spelling correction).
	deletes map[string][]string
}

func newBrandIndex() *brandIndex {
	return &brandIndex{postings: map[string][]int32{}, idf: map[string]float64{}, deletes: map[string][]string{}}
}

// addName adds one name of product p with its distinct terms.
func (b *brandIndex) addName(p int32, terms []string) {
	id := int32(len(b.names))
	b.names = append(b.names, nameEntry{product: p, terms: terms})
	for _, t := range terms {
		b.postings[t] = append(b.postings[t], id)
	}
}

// finish computes IDF over the brand's products and each name's weight,
// and builds the spelling table.
func (b *brandIndex) finish() {
	df := make(map[string]int, len(b.postings))
	products := 0
	lastProduct := int32(-1)
	for i := range b.names {
		if p := b.names[i].product; p != lastProduct {
			products++
			lastProduct = p
		}
	}
	for t, ids := range b.postings {
		// Names are added product by product, so a product's names are
		// neighbours in every posting list.
		last := int32(-1)
		for _, id := range ids {
			if p := b.names[id].product; p != last {
				df[t]++
				last = p
			}
		}
	}
	n := float64(products)
	b.idf = make(map[string]float64, len(df))
	b.deletes = make(map[string][]string, len(df)*4)
	for t, d := range df {
		b.idf[t] = math.Log(1 + n/float64(d))
		if typoCandidate(t) && utf8.RuneCountInString(t) >= minTypoLen {
			for _, k := range deletionKeys(t) {
				if !containsString(b.deletes[k], t) {
					b.deletes[k] = append(b.deletes[k], t)
				}
			}
		}
	}
	for i := range b.names {
		w := 0.0
		for _, t := range b.names[i].terms {
			w += b.idf[t]
		}
		b.names[i].weight = w
	}
}

// correct returns the one index term within one edit of the Latin word w,
// and false when there is none or more than one.
func (b *brandIndex) correct(w string) (string, bool) {
	if utf8.RuneCountInString(w) < minTypoLen-1 || !typoCandidate(w) {
		return "", false
	}
	found := ""
	rs := []rune(w)
	buf := make([]byte, 0, len(w))
	for i := -1; i < len(rs); i++ {
		// The word itself (i = -1), then the word without its i-th letter;
		// indexing the map with string(buf) does not allocate.
		buf = buf[:0]
		for j, r := range rs {
			if j != i {
				buf = utf8.AppendRune(buf, r)
			}
		}
		for _, t := range b.deletes[string(buf)] {
			if t == found || utf8.RuneCountInString(t) < minTypoLen || !withinOneEdit(w, t) {
				continue
			}
			if found != "" {
				return "", false // two readings: do not guess
			}
			found = t
		}
	}
	return found, found != ""
}

// typoCandidate reports whether w is a Latin word of letters only (codes,
// numbers and CJK are never corrected).
func typoCandidate(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) || isCJK(r) {
			return false
		}
	}
	return w != ""
}

// deletionKeys returns w and every form of w with one character deleted.
func deletionKeys(w string) []string {
	rs := []rune(w)
	keys := make([]string, 0, len(rs)+1)
	keys = append(keys, w)
	for i := range rs {
		keys = append(keys, string(rs[:i])+string(rs[i+1:]))
	}
	return keys
}

// withinOneEdit reports whether a becomes b by at most one insertion,
// deletion, substitution or swap of adjacent characters.
func withinOneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	switch len(x) - len(y) {
	case 0:
		diff := -1
		for i := range x {
			if x[i] == y[i] {
				continue
			}
			if diff >= 0 {
				// A second difference is fine only as the swap of the first.
				return i == diff+1 && x[diff] == y[i] && x[i] == y[diff] && string(x[i+1:]) == string(y[i+1:])
			}
			diff = i
		}
		return true
	case 1:
		i := 0
		for i < len(y) && x[i] == y[i] {
			i++
		}
		return string(x[i+1:]) == string(y[i:])
	}
	return false
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
