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
	// Codes is the number of the record's model codes the text holds
	// (words of four or more characters with a digit in them, such as
	// "dscw120p" or "8691", written joined or apart).
	Codes int
	// CodeClash is true when the text states a model code of the same
	// family as one of the record's, but a different one ("c8560a" and
	// "c8563a", "2180" and "2181"): neither holds the other's code and
	// neither code extends the other.
	CodeClash bool
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
	codes []string // model codes, as written and joined
	plain []string // model codes as written
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
			rec.codes = appendCodes(rec.codes, plain, joined)
			rec.plain = appendCodes(rec.plain, plain)
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
	plain, joined, windows := linkTerms(t, sizes)
	if len(plain) == 0 {
		return nil
	}
	codes := appendCodes(nil, plain)
	held := make(map[string]bool, len(plain)+len(joined)+len(windows))
	for _, ws := range [][]string{plain, joined, windows} {
		for _, w := range ws {
			held[w] = true
		}
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
	// Names are added record by record, so one pass over the touched
	// names in index order keeps, per record, its best-covered name.
	scores := make([]float64, len(idx.names))
	var touched []int32
	for _, e := range effs {
		for _, id := range idx.postings[e.term] {
			if scores[id] == 0 {
				touched = append(touched, id)
			}
			scores[id] += idx.idf[e.term] * e.factor
		}
	}
	slices.Sort(touched)
	type found struct {
		rec       int32
		cov, held float64
	}
	var recs []found
	for _, id := range touched {
		n := &idx.names[id]
		if n.weight <= 0 {
			continue
		}
		s := scores[id]
		c := s / n.weight
		if k := len(recs) - 1; k >= 0 && recs[k].rec == n.product {
			if c > recs[k].cov || (c == recs[k].cov && s > recs[k].held) {
				recs[k] = found{n.product, c, s}
			}
			continue
		}
		recs = append(recs, found{n.product, c, s})
	}
	out := make([]Candidate, 0, len(recs))
	order := make([]int32, 0, len(recs))
	for _, f := range recs {
		rec := &l.records[f.rec]
		ok, agree := sizeMatch(sizes, rec.sizes)
		if !ok {
			continue
		}
		c := Candidate{ID: rec.id, Coverage: math.Min(f.cov, 1), SizesAgree: agree}
		if textWeight > 0 {
			c.Overlap = math.Min(f.held/textWeight, 1)
		}
		if price > 0 && rec.price > 0 {
			c.PriceRatio = float64(max(price, rec.price)) / float64(min(price, rec.price))
		}
		out = append(out, c)
		order = append(order, f.rec)
	}
	// Rank positions, not candidates, so ties fall to record order
	// without a lookup per comparison.
	rank := func(i, j int) int {
		x, y := &out[i], &out[j]
		return cmp.Or(cmp.Compare(y.Coverage, x.Coverage), cmp.Compare(y.Overlap, x.Overlap),
			cmp.Compare(y.SizesAgree, x.SizesAgree), cmp.Compare(order[i], order[j]))
	}
	var perm []int
	if limit > 0 && limit < len(out) {
		// The best few of many: keep a sorted top list instead of
		// sorting them all.
		perm = make([]int, 0, limit+1)
		for i := range out {
			if len(perm) == limit && rank(i, perm[limit-1]) >= 0 {
				continue
			}
			at, _ := slices.BinarySearchFunc(perm, i, rank)
			perm = slices.Insert(perm, at, i)
			if len(perm) > limit {
				perm = perm[:limit]
			}
		}
	} else {
		perm = make([]int, len(out))
		for i := range perm {
			perm[i] = i
		}
		slices.SortFunc(perm, rank)
	}
	sorted := make([]Candidate, len(perm))
	for i, k := range perm {
		sorted[i] = out[k]
		// Codes do not rank: compare them only for what is returned.
		sorted[i].Codes, sorted[i].CodeClash = compareCodes(&l.records[order[k]], codes, held)
	}
	return sorted
}

// linkTerms returns the distinct index terms of compact text t with its
// sizes taken out (plain), and the same terms with model codes joined
// (joined, nil when t has none): a run of up to maxCodeRun adjacent Latin
// words, each holding a digit or at most three characters long, whose join
// holds a letter and a digit ("dsc w120p" gives "dscw120p", "sony" stays).
// windows is every join of two adjacent Latin words, and of up to
// maxCodeRun holding a letter and a digit, which a query text uses to find
// records whose compounds or codes are written joined.
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
			// Two words may be a compound written apart ("back pack");
			// longer runs only a model code.
			if s := masked[toks[i].start:toks[k].end]; k == i+1 || hasLetterAndDigit(s) {
				if w := stripSpaces(s); !slices.Contains(windows, w) {
					windows = append(windows, w)
				}
			}
		}
	}
	return plain, joined, windows
}

// appendCodes appends to codes the distinct model codes among the words
// of ws.
func appendCodes(codes []string, ws ...[]string) []string {
	for _, w := range ws {
		for _, x := range w {
			if isCode(x) && !slices.Contains(codes, x) {
				codes = append(codes, x)
			}
		}
	}
	return codes
}

// isCode reports whether w reads as a model code: a Latin word of at least
// four characters with a digit, and no '.' (which makes it a number).
func isCode(w string) bool {
	return len(w) >= 4 && isLatinWord(w) && strings.ContainsAny(w, "0123456789") && !strings.Contains(w, ".")
}

// compareCodes counts the record's codes that the text holds (held is
// every word, join and window of the text), and reports a clash: a code
// as the record writes it and one as the text writes it (text), neither
// held by the other side, that share their first three characters without
// one extending the other. Joins are left out of the clash test: "sx130
// 12mp" joined is not a rival of "sx130is".
func compareCodes(rec *linkRecord, text []string, held map[string]bool) (n int, clash bool) {
	for _, c := range rec.codes {
		if held[c] {
			n++
		}
	}
	for _, c := range rec.plain {
		if held[c] {
			continue
		}
		for _, t := range text {
			if slices.Contains(rec.codes, t) {
				continue
			}
			if c[:3] == t[:3] && !strings.HasPrefix(c, t) && !strings.HasPrefix(t, c) {
				return n, true
			}
		}
	}
	return n, false
}

// isCodePart reports whether w can be part of a model code: a Latin word
// holding a digit, or of at most three characters.
func isCodePart(w string) bool {
	if !isLatinWord(w) {
		return false
	}
	return utf8.RuneCountInString(w) <= 3 || strings.ContainsAny(w, "0123456789")
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
