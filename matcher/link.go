package matcher

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan"
)

// Limits on what the Linker reads: record names are catalogue data, query
// text may be a whole listing (title and description).
const (
	maxLinkNameBytes  = maxTitleBytes
	maxLinkQueryBytes = maxTitleBytes + maxDescBytes
	// maxCodeRun is the most adjacent words joined into one model code
	// ("dsc w120p" reads as "dscw120p").
	maxCodeRun = 3
)

// Record is one product a Linker links text to: an identifier, the name
// the product is known by (with its brand, model number and sizes where
// the source has them), other names for it, and a price (0 when unknown).
type Record struct {
	ID      string
	Name    string
	Aliases []string
	Price   shadowscan.Amount
}

// Candidate is a record that a text may name, with the evidence.
type Candidate struct {
	// ID is the record's identifier.
	ID string
	// Coverage is the IDF-weighted share of the record's best name that
	// the text holds, the measure the Matcher links listings by: 1 when
	// every word of the name is in the text. A word read through a typo
	// counts 0.9.
	Coverage float64
	// Overlap is the same share seen from the other side: how much of the
	// text's own weight the record's name accounts for. Words no record
	// has weigh as much as the rarest word in the index.
	Overlap float64
	// SizesAgree is the number of dimensions (mass, volume, count) in
	// which text and record state the same quantity.
	SizesAgree int
	// PriceRatio is the larger price over the smaller, 0 when either is
	// unknown.
	PriceRatio float64
}

// Linker links free text (a marketplace title, with or without its
// description) to the records it was built from, without brand gating: it
// ranks every record by how well the text names it. It uses the Matcher's
// text pipeline: Normalize and Tokens, an inverted index with IDF-weighted
// coverage of each name, sizes parsed out and required to agree when both
// sides state them, one-typo tolerance for long Latin words; and, since
// model codes are written both split and joined ("dsc-w120p",
// "dscw120p"), a record's name also counts with its code words joined.
//
// A Linker is immutable after NewLinker and safe for concurrent use.
type Linker struct {
	idx     *brandIndex
	records []linkRecord
	// unknownIDF is the weight of a query word no record holds.
	unknownIDF float64
}

type linkRecord struct {
	id    string
	price shadowscan.Amount
	sizes []size
}

// NewLinker indexes recs. It returns an EINVALID error naming the record
// when an ID is empty or repeated, or when no name of a record has a
// letter or digit.
func NewLinker(recs []Record) (*Linker, error) {
	l := &Linker{idx: newBrandIndex(), records: make([]linkRecord, 0, len(recs))}
	seen := make(map[string]bool, len(recs))
	for i, r := range recs {
		field := fmt.Sprintf("records[%d]", i)
		switch {
		case r.ID == "":
			return nil, fmt.Errorf("linker: %w", &shadowscan.FieldError{Field: field + ".id", Msg: "is empty", Accepted: "a unique identifier such as a SKU"})
		case seen[r.ID]:
			return nil, fmt.Errorf("linker: %w", &shadowscan.FieldError{Field: field + ".id", Msg: fmt.Sprintf("%q is listed twice", r.ID), Accepted: "one record per identifier"})
		}
		seen[r.ID] = true
		rec := linkRecord{id: r.ID, price: r.Price}
		p := int32(len(l.records))
		named := false
		for _, name := range append([]string{r.Name}, r.Aliases...) {
			t := compact(truncate(name, maxLinkNameBytes))
			sizes := parseSizes(t)
			rec.sizes = append(rec.sizes, sizes...)
			plain, joined, _ := linkTerms(t, sizes)
			if len(plain) == 0 {
				continue
			}
			named = true
			l.idx.addName(p, plain)
			if len(joined) > 0 {
				l.idx.addName(p, joined)
			}
		}
		if !named {
			return nil, fmt.Errorf("linker: %w", &shadowscan.FieldError{Field: field + ".name", Msg: fmt.Sprintf("record %q has no name with a letter or digit", r.ID), Accepted: "a product name such as Aurora Plant Protein Powder 500g"})
		}
		l.records = append(l.records, rec)
	}
	l.idx.finish()
	l.unknownIDF = math.Log(1 + float64(len(l.records)))
	return l, nil
}

// Len returns the number of records.
func (l *Linker) Len() int { return len(l.records) }

// Link returns the records text may name, best first: by Coverage, then
// Overlap, then agreeing sizes, then the order the records were given in.
// Only records sharing at least one word with text are returned, and never
// a record whose sizes contradict the text's (a 1 kg text does not name
// the 500 g record). limit caps the number returned; 0 or less returns
// them all. price is the text's price, 0 when unknown.
func (l *Linker) Link(text string, price shadowscan.Amount, limit int) []Candidate {
	t := compact(truncate(text, maxLinkQueryBytes))
	sizes := parseSizes(t)
	plain, _, windows := linkTerms(t, sizes)
	if len(plain) == 0 {
		return nil
	}
	idx := l.idx
	// The text's own weight, for Overlap.
	textWeight := 0.0
	for _, w := range plain {
		if f, ok := idx.idf[w]; ok {
			textWeight += f
		} else {
			textWeight += l.unknownIDF
		}
	}
	type eff struct {
		term   string
		factor float64
	}
	effs := make([]eff, 0, len(plain)+len(windows))
	for _, w := range plain {
		if _, ok := idx.postings[w]; ok {
			effs = append(effs, eff{w, 1})
		} else if c, ok := idx.correct(w); ok && !slices.Contains(plain, c) {
			effs = append(effs, eff{c, typoFactor})
		}
	}
	for _, w := range windows {
		if _, ok := idx.postings[w]; ok && !slices.Contains(plain, w) {
			effs = append(effs, eff{w, 1})
		}
	}
	scores := map[int32]float64{}
	for _, e := range effs {
		for _, id := range idx.postings[e.term] {
			scores[id] += idx.idf[e.term] * e.factor
		}
	}
	type best struct{ cov, held float64 }
	byRecord := map[int32]best{}
	for id, s := range scores {
		n := &idx.names[id]
		if n.weight <= 0 {
			continue
		}
		c := s / n.weight
		if b, ok := byRecord[n.product]; !ok || c > b.cov || (c == b.cov && s > b.held) {
			byRecord[n.product] = best{c, s}
		}
	}
	out := make([]Candidate, 0, len(byRecord))
	order := make(map[string]int32, len(byRecord))
	for p, b := range byRecord {
		rec := &l.records[p]
		ok, agree := sizeMatch(sizes, rec.sizes)
		if !ok {
			continue
		}
		c := Candidate{ID: rec.id, Coverage: math.Min(b.cov, 1), SizesAgree: agree}
		if textWeight > 0 {
			c.Overlap = math.Min(b.held/textWeight, 1)
		}
		if price > 0 && rec.price > 0 {
			c.PriceRatio = float64(max(price, rec.price)) / float64(min(price, rec.price))
		}
		order[rec.id] = p
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y Candidate) int {
		return cmp.Or(cmp.Compare(y.Coverage, x.Coverage), cmp.Compare(y.Overlap, x.Overlap),
			cmp.Compare(y.SizesAgree, x.SizesAgree), cmp.Compare(order[x.ID], order[y.ID]))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// linkTerms returns the distinct index terms of compact text t with its
// sizes taken out (plain), and the same terms with model codes joined
// (joined, nil when t has none): a run of up to maxCodeRun adjacent Latin
// words, each holding a digit or at most four characters long, whose join
// holds a letter and a digit ("dsc w120p" gives "dscw120p", "sony" stays).
// windows is every join of two to maxCodeRun adjacent Latin words holding
// a letter and a digit, which a query text uses to find records whose
// codes are written joined.
func linkTerms(t string, sizes []size) (plain, joined, windows []string) {
	spans := make([]token, len(sizes))
	for i, s := range sizes {
		spans[i] = token{s.start, s.end}
	}
	masked := mask(t, spans)
	toks := indexTokens(masked)
	word := func(i int) string { return masked[toks[i].start:toks[i].end] }
	adjacent := func(k int) bool { return toks[k].start == toks[k-1].end+1 }
	for i := range toks {
		if w := word(i); !slices.Contains(plain, w) {
			plain = append(plain, w)
		}
	}
	changed := false
	var words []string
	for i := 0; i < len(toks); {
		j := i + 1
		if isCodePart(word(i)) {
			for k := i + 1; k < len(toks) && k-i < maxCodeRun; k++ {
				if !adjacent(k) || !isCodePart(word(k)) {
					break
				}
				if hasLetterAndDigit(masked[toks[i].start:toks[k].end]) {
					j = k + 1
				}
			}
		}
		w := word(i)
		if j > i+1 {
			w = stripSpaces(masked[toks[i].start:toks[j-1].end])
			changed = true
		}
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
		i = j
	}
	if changed {
		joined = words
	}
	for i := range toks {
		if !isLatinWord(word(i)) {
			continue
		}
		for k := i + 1; k < len(toks) && k-i < maxCodeRun; k++ {
			if !adjacent(k) || !isLatinWord(word(k)) {
				break
			}
			if s := masked[toks[i].start:toks[k].end]; hasLetterAndDigit(s) {
				if w := stripSpaces(s); !slices.Contains(windows, w) {
					windows = append(windows, w)
				}
			}
		}
	}
	return plain, joined, windows
}

// isCodePart reports whether w can be part of a model code: a Latin word
// holding a digit, or of at most four characters.
func isCodePart(w string) bool {
	if !isLatinWord(w) {
		return false
	}
	return utf8.RuneCountInString(w) <= 4 || strings.ContainsAny(w, "0123456789")
}

func hasLetterAndDigit(s string) bool {
	letter, digit := false, false
	for _, r := range s {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	return letter && digit
}

func stripSpaces(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			b = append(b, s[i])
		}
	}
	return string(b)
}
