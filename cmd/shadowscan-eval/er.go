package main

// Product linking on the public entity-matching benchmarks (Abt-Buy,
// Amazon-Google, Walmart-Amazon and its dirty variant, DeepMatcher's
// splits in Ditto's form; ../shared/ref/er_benchmarks/README.md). Each
// labelled pair (left record, right record) is decided match or non-match
// from what matcher.Linker says when each side's records are the
// "catalogue" and the other side's records are linked to them. Every knob
// (how the two directions combine, whether the pair must be a best link,
// the price-ratio cut, the score threshold, whether query text includes a
// description) is chosen for the best F1 on valid.tsv; test.tsv is read
// only to report precision, recall and F1.

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/matcher"
)

// erRefDir is where the benchmarks sit relative to the repository's parent
// (../shared/ref/er_benchmarks from the repository root).
const erRefDir = "shared/ref/er_benchmarks"

// Limits on the benchmark files: they are downloaded data, not ours.
const (
	maxERLineBytes = 1 << 20
	maxERPairs     = 200_000
)

// erPublished is one published F1 figure (percent) on a benchmark's test
// split, with whether the README's authors saw it on a stored page (V) or
// recalled it from the paper (M, unverified).
type erPublished struct {
	f1       float64
	verified bool
}

// erMethods are the published methods, in the README's order.
var erMethods = []string{"Magellan", "DeepMatcher", "Ditto"}

// erDataset is one benchmark: where its splits are, which fields name a
// record, which fields a linked record's text may add, and the published
// F1 figures (README "Published F1 on the test split"; DeepMatcher is the
// Hybrid model of Mudgal et al. 2018).
type erDataset struct {
	name string
	dir  string
	// validDir holds valid.tsv when the dataset has none of its own;
	// dirty then says to move non-title values into the title the way
	// the test split was made.
	validDir string
	dirty    bool
	nameAttr []string // the record's name: title, brand, model number
	textAttr []string // extra text a query may carry (a description)
	price    string
	pub      map[string]erPublished
}

var erDatasets = []erDataset{{
	name: "Abt-Buy", dir: "Abt-Buy",
	nameAttr: []string{"name"}, textAttr: []string{"description"}, price: "price",
	pub: map[string]erPublished{"Magellan": {43.6, false}, "DeepMatcher": {62.8, true}, "Ditto": {89.33, true}},
}, {
	name: "Amazon-Google", dir: "Amazon-Google",
	nameAttr: []string{"title", "manufacturer"}, price: "price",
	pub: map[string]erPublished{"Magellan": {49.1, false}, "DeepMatcher": {69.3, true}, "Ditto": {75.58, true}},
}, {
	name: "Walmart-Amazon", dir: "Walmart-Amazon",
	nameAttr: []string{"title", "brand", "modelno"}, price: "price",
	pub: map[string]erPublished{"Magellan": {71.9, false}, "DeepMatcher": {66.9, false}, "Ditto": {86.76, false}},
}, {
	name: "Walmart-Amazon-dirty", dir: "Walmart-Amazon-dirty", validDir: "Walmart-Amazon", dirty: true,
	nameAttr: []string{"title", "brand", "modelno"}, price: "price",
	pub: map[string]erPublished{"Magellan": {37.4, false}, "DeepMatcher": {53.8, false}, "Ditto": {85.69, false}},
}}

// findERData returns the benchmark directory: $SHADOWSCAN_REF/er_benchmarks
// when set, else shared/ref/er_benchmarks beside or above the working
// directory or any of its parents (so both the repository root and a
// package directory find ../shared/ref). ok is false when there is none.
func findERData() (dir string, ok bool) { return findRefData("er_benchmarks") }

// runER evaluates product linking on every benchmark under dir (found with
// findERData when dir is empty) and prints the figures beside the
// published ones. Missing data is reported and skipped, not an error.
func runER(ctx context.Context, w io.Writer, dir string) error {
	if dir == "" {
		d, ok := findERData()
		if !ok {
			fmt.Fprintf(w, "product linking: skipped, no %s found beside or above the working directory (set SHADOWSCAN_REF to the ref directory)\n\n", erRefDir)
			return nil
		}
		dir = d
	}
	start := time.Now()
	results := make([]*erResult, len(erDatasets))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(2)
	for i, ds := range erDatasets {
		g.Go(func() error {
			r, err := evaluateER(ctx, dir, ds)
			if err != nil {
				return fmt.Errorf("product linking %s: %w", ds.name, err)
			}
			results[i] = r
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	printER(w, dir, results, time.Since(start))
	return nil
}

// erResult is one benchmark's outcome; skipped says why it was not run.
type erResult struct {
	ds      erDataset
	skipped string
	knobs   erKnobs
	valid   counts
	test    counts
	pairs   int
	pos     int
}

// evaluateER chooses the knobs on the valid split and applies them to the
// test split.
func evaluateER(ctx context.Context, root string, ds erDataset) (*erResult, error) {
	r := &erResult{ds: ds}
	testPath := filepath.Join(root, ds.dir, "test.tsv")
	validPath := filepath.Join(root, cmp.Or(ds.validDir, ds.dir), "valid.tsv")
	for _, p := range []string{testPath, validPath} {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			r.skipped = fmt.Sprintf("%s is missing", p)
			return r, nil
		}
	}
	valid, err := readERPairs(validPath)
	if err != nil {
		return nil, err
	}
	if ds.dirty {
		valid = dirtyPairs(valid, "title")
	}
	test, err := readERPairs(testPath)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.knobs, r.valid, err = tuneER(ctx, valid, ds)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", validPath, err)
	}
	feats, err := pairFeatures(test, ds, r.knobs.withText)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", testPath, err)
	}
	r.test = r.knobs.count(test, feats)
	r.pairs = len(test)
	for _, p := range test {
		if p.label {
			r.pos++
		}
	}
	return r, nil
}

// erRecord is one side of a pair: attribute values by name.
type erRecord struct {
	key   string // the record as serialised upstream: its identity
	attrs map[string]string
}

// erPair is one labelled pair.
type erPair struct {
	line        int
	label       bool
	left, right erRecord
}

// readERPairs reads a benchmark TSV: a header naming pair_id, label,
// left_text, right_text and left_/right_ attribute columns, then one pair
// a line, split on tabs.
func readERPairs(path string) ([]erPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read pairs: %w", err)
	}
	defer f.Close()
	pairs, err := parseERPairs(f, path)
	if err != nil {
		return nil, fmt.Errorf("read pairs: %w", err)
	}
	return pairs, nil
}

// parseERPairs parses the TSV in r; name is used in errors.
func parseERPairs(r io.Reader, name string) ([]erPair, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxERLineBytes)
	fieldErr := func(line int, field, msg, accepted string) error {
		return &shadowscan.FieldError{File: name, Line: line, Field: field, Msg: msg, Accepted: accepted}
	}
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return nil, fieldErr(1, "header", "is missing", "pair_id, label, left_text, right_text, then left_<attr> and right_<attr> columns, tab-separated")
	}
	header := strings.Split(strings.TrimSuffix(sc.Text(), "\r"), "\t")
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, need := range []string{"label", "left_text", "right_text"} {
		if _, ok := col[need]; !ok {
			return nil, fieldErr(1, "header", fmt.Sprintf("has no %s column", need), "pair_id, label, left_text, right_text, then left_<attr> and right_<attr> columns, tab-separated")
		}
	}
	var pairs []erPair
	for line := 2; sc.Scan(); line++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if text == "" {
			continue
		}
		cells := strings.Split(text, "\t")
		if len(cells) != len(header) {
			return nil, fieldErr(line, "", fmt.Sprintf("has %d columns, the header %d", len(cells), len(header)), "one value per header column, tab-separated")
		}
		if len(pairs) >= maxERPairs {
			return nil, fieldErr(line, "", fmt.Sprintf("is past the limit of %d pairs", maxERPairs), "a benchmark split of at most that many pairs")
		}
		p := erPair{line: line, left: erRecord{key: cells[col["left_text"]], attrs: map[string]string{}},
			right: erRecord{key: cells[col["right_text"]], attrs: map[string]string{}}}
		switch cells[col["label"]] {
		case "1":
			p.label = true
		case "0":
		default:
			return nil, fieldErr(line, "label", fmt.Sprintf("is %q", cells[col["label"]]), "1 (match) or 0 (non-match)")
		}
		for i, h := range header {
			if a, ok := strings.CutPrefix(h, "left_"); ok && a != "text" {
				p.left.attrs[a] = cells[i]
			} else if a, ok := strings.CutPrefix(h, "right_"); ok && a != "text" {
				p.right.attrs[a] = cells[i]
			}
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return pairs, nil
}

// dirtyPairs returns pairs with each record dirtied the way DeepMatcher
// made its dirty datasets: every attribute but title is, with probability
// one half, appended to title and emptied. The draw is seeded by the
// record itself, so a record reads the same in every pair it is in.
func dirtyPairs(pairs []erPair, title string) []erPair {
	out := make([]erPair, len(pairs))
	for i, p := range pairs {
		p.left, p.right = dirtyRecord(p.left, title), dirtyRecord(p.right, title)
		out[i] = p
	}
	return out
}

func dirtyRecord(r erRecord, title string) erRecord {
	h := fnv.New64a()
	h.Write([]byte(r.key))
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x5eed))
	names := make([]string, 0, len(r.attrs))
	for a := range r.attrs {
		if a != title {
			names = append(names, a)
		}
	}
	slices.Sort(names)
	attrs := make(map[string]string, len(r.attrs))
	for a, v := range r.attrs {
		attrs[a] = v
	}
	for _, a := range names {
		if rng.IntN(2) == 0 && attrs[a] != "" {
			attrs[title] = strings.TrimSpace(attrs[title] + " " + attrs[a])
			attrs[a] = ""
		}
	}
	return erRecord{key: r.key, attrs: attrs}
}

// erFeatures is what the Linker says about one pair, in both directions:
// LR is the left record as the catalogue entry and the right record's
// text linked to it, RL the other way round.
type erFeatures struct {
	covLR, covRL       float64
	bestLR, bestRL     bool // within erBestMargin of the best link of the query
	priceRatio         float64
	linkedLR, linkedRL bool // the Linker returned the pair at all
	code               bool // a model code of one record is in the other's text
	clash              bool // the two state different codes of one family
}

// erBestMargin is how close to the best candidate's coverage a record must
// be to count as a best link (as the Matcher's tie margin).
const erBestMargin = 0.05

// pairFeatures links every distinct right record to the distinct left
// records and the other way round, and reads off each pair's scores.
func pairFeatures(pairs []erPair, ds erDataset, withText bool) ([]erFeatures, error) {
	// Records are numbered per side; a record's identity is its text.
	left, right := map[string]int{}, map[string]int{}
	ids := make([][2]int, len(pairs))
	for i, p := range pairs {
		ids[i] = [2]int{sideID(left, p.left.key), sideID(right, p.right.key)}
	}
	lr, err := linkSide(pairs, ds, withText, ids, 0)
	if err != nil {
		return nil, err
	}
	rl, err := linkSide(pairs, ds, withText, ids, 1)
	if err != nil {
		return nil, err
	}
	out := make([]erFeatures, len(pairs))
	for i, id := range ids {
		f := &out[i]
		if c, ok := lr[[2]int{id[1], id[0]}]; ok {
			f.covLR, f.bestLR, f.linkedLR = c.cand.Coverage, c.best, true
			f.priceRatio = c.cand.PriceRatio
			f.code = f.code || c.cand.Codes > 0
			f.clash = f.clash || c.cand.CodeClash
		}
		if c, ok := rl[[2]int{id[0], id[1]}]; ok {
			f.covRL, f.bestRL, f.linkedRL = c.cand.Coverage, c.best, true
			f.priceRatio = c.cand.PriceRatio
			f.code = f.code || c.cand.Codes > 0
			f.clash = f.clash || c.cand.CodeClash
		}
	}
	return out, nil
}

func sideID(m map[string]int, key string) int {
	id, ok := m[key]
	if !ok {
		id = len(m)
		m[key] = id
	}
	return id
}

type erLink struct {
	cand matcher.Candidate
	best bool
}

// linkSide builds a Linker over the distinct records of side cat (0 left,
// 1 right) and links each distinct record of the other side to it; the
// result is keyed by (query id, record id).
func linkSide(pairs []erPair, ds erDataset, withText bool, ids [][2]int, cat int) (map[[2]int]erLink, error) {
	var recs []matcher.Record
	seen := map[int]bool{}
	var queries []erRecord
	var queryIDs []int
	seenQ := map[int]bool{}
	wanted := map[int][]int{} // query id -> the records it is paired with
	for i := range pairs {
		c, q := pairs[i].left, pairs[i].right
		if cat == 1 {
			c, q = q, c
		}
		cid, qid := ids[i][cat], ids[i][1-cat]
		wanted[qid] = append(wanted[qid], cid)
		if !seen[cid] {
			seen[cid] = true
			name := joinAttrs(c, ds.nameAttr)
			if strings.TrimSpace(name) == "" {
				name = joinAttrs(c, ds.textAttr)
			}
			// A record whose every field is empty can name nothing: it
			// stays out of the catalogue, so its pairs are not linked.
			if len(matcher.Tokens(name)) > 0 {
				recs = append(recs, matcher.Record{ID: strconv.Itoa(cid), Name: name, Price: erPrice(c, ds.price)})
			}
		}
		if !seenQ[qid] {
			seenQ[qid] = true
			queries = append(queries, q)
			queryIDs = append(queryIDs, qid)
		}
	}
	l, err := matcher.NewLinker(recs)
	if err != nil {
		return nil, err
	}
	out := map[[2]int]erLink{}
	for i, q := range queries {
		text := joinAttrs(q, ds.nameAttr)
		if withText {
			text += " " + joinAttrs(q, ds.textAttr)
		}
		cands := l.Link(text, erPrice(q, ds.price), 0)
		if len(cands) == 0 {
			continue
		}
		top := cands[0].Coverage
		want := wanted[queryIDs[i]]
		for _, c := range cands {
			id, err := strconv.Atoi(c.ID)
			if err != nil {
				return nil, fmt.Errorf("linker returned unknown record %q", c.ID)
			}
			if slices.Contains(want, id) {
				out[[2]int{queryIDs[i], id}] = erLink{cand: c, best: c.Coverage >= top-erBestMargin}
			}
		}
	}
	return out, nil
}

func joinAttrs(r erRecord, attrs []string) string {
	var parts []string
	for _, a := range attrs {
		if v := strings.TrimSpace(r.attrs[a]); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}

// erPrice reads a record's price; 0 (unknown) when empty, unparsable or
// not positive.
func erPrice(r erRecord, attr string) shadowscan.Amount {
	if attr == "" {
		return 0
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(r.attrs[attr]), 64)
	if err != nil || f <= 0 || math.IsInf(f, 0) || f > 1e9 {
		return 0
	}
	return shadowscan.AmountFromFloat(f)
}

// erCombine is how the two directions' coverages make one score.
type erCombine int

const (
	combineMin  erCombine = iota // both sides name each other
	combineMean                  // on average
	combineMax                   // either side names the other
	combineLR                    // the left record's name is in the right text
	combineRL                    // the right record's name is in the left text
	numCombine
)

func (c erCombine) String() string {
	return [...]string{"min", "mean", "max", "left-in-right", "right-in-left"}[c]
}

// erBest is which best-link requirement a pair must meet.
type erBest int

const (
	bestAny    erBest = iota // none
	bestEither               // a best link in one direction
	bestBoth                 // a best link in both directions
	numBest
)

func (b erBest) String() string { return [...]string{"none", "either way", "both ways"}[b] }

// erCodeRule is how model codes weigh in.
type erCodeRule int

const (
	codesIgnored erCodeRule = iota // codes count as words, nothing more
	codesVeto                      // a code clash rules a pair out
	codesDecide                    // and a shared code has its own threshold
	numCodeRules
)

func (c erCodeRule) String() string {
	return [...]string{"ignored", "clash vetoes", "clash vetoes, shared code"}[c]
}

// erCodeThresholds are the thresholds tried for pairs that share a model
// code under codesDecide.
var erCodeThresholds = func() []float64 {
	var ts []float64
	for t := 0.0; t <= 1.0001; t += 0.05 {
		ts = append(ts, math.Round(t*100)/100)
	}
	return ts
}()

// erPriceCuts are the price-ratio cuts tried; 0 is no cut.
var erPriceCuts = []float64{0, 1.5, 2, 3, 5}

// erKnobs are the decision rule chosen on the valid split.
type erKnobs struct {
	withText  bool
	combine   erCombine
	best      erBest
	priceCut  float64
	codes     erCodeRule
	threshold float64
	// codeThreshold replaces threshold for pairs sharing a model code
	// under codesDecide.
	codeThreshold float64
}

func (k erKnobs) String() string {
	price := "none"
	if k.priceCut > 0 {
		price = fmt.Sprintf("%g×", k.priceCut)
	}
	codes := k.codes.String()
	if k.codes == codesDecide {
		codes += fmt.Sprintf(" ≥ %.2f", k.codeThreshold)
	}
	return fmt.Sprintf("score %s ≥ %.3f, best link %s, price cut %s, codes %s, description %v", k.combine, k.threshold, k.best, price, codes, k.withText)
}

// score is the pair's combined score, and whether the pair may be a match
// at all under the best-link and price rules.
func (k erKnobs) score(f erFeatures) (float64, bool) {
	switch k.best {
	case bestEither:
		if !f.bestLR && !f.bestRL {
			return 0, false
		}
	case bestBoth:
		if !f.bestLR || !f.bestRL {
			return 0, false
		}
	}
	if k.priceCut > 0 && f.priceRatio > k.priceCut {
		return 0, false
	}
	if k.codes != codesIgnored && f.clash {
		return 0, false
	}
	if !f.linkedLR && !f.linkedRL {
		return 0, false
	}
	switch k.combine {
	case combineMin:
		return math.Min(f.covLR, f.covRL), true
	case combineMean:
		return (f.covLR + f.covRL) / 2, true
	case combineMax:
		return math.Max(f.covLR, f.covRL), true
	case combineLR:
		return f.covLR, true
	default:
		return f.covRL, true
	}
}

// decide says whether the pair is a match.
func (k erKnobs) decide(f erFeatures) bool {
	s, ok := k.score(f)
	if !ok {
		return false
	}
	if k.codes == codesDecide && f.code {
		return s >= k.codeThreshold
	}
	return s >= k.threshold
}

// count applies the knobs to pairs and counts the outcomes.
func (k erKnobs) count(pairs []erPair, feats []erFeatures) counts {
	var c counts
	for i, p := range pairs {
		switch got := k.decide(feats[i]); {
		case got && p.label:
			c.tp++
		case got:
			c.fp++
		case p.label:
			c.fn++
		}
	}
	return c
}

// tuneER tries every knob setting on pairs (the valid split) and returns
// the one with the best F1, and its counts. The threshold is swept over
// the scores that occur; the chosen one lies halfway between the lowest
// score accepted and the next lower score, so it does not sit on a valid
// pair's exact score. Ties go to the simpler rule (earlier in the loops).
func tuneER(ctx context.Context, pairs []erPair, ds erDataset) (erKnobs, counts, error) {
	texts := []bool{false}
	if len(ds.textAttr) > 0 {
		texts = append(texts, true)
	}
	var best erKnobs
	var bestC counts
	bestF := -1.0
	for _, withText := range texts {
		if err := ctx.Err(); err != nil {
			return erKnobs{}, counts{}, err
		}
		feats, err := pairFeatures(pairs, ds, withText)
		if err != nil {
			return erKnobs{}, counts{}, err
		}
		for comb := erCombine(0); comb < numCombine; comb++ {
			for b := erBest(0); b < numBest; b++ {
				for _, cut := range erPriceCuts {
					for rule := erCodeRule(0); rule < numCodeRules; rule++ {
						k := erKnobs{withText: withText, combine: comb, best: b, priceCut: cut, codes: rule}
						ths := []float64{0}
						if rule == codesDecide {
							ths = erCodeThresholds
						}
						for _, ct := range ths {
							k.codeThreshold = ct
							th, c := sweepThreshold(pairs, feats, k)
							k.threshold = th
							if f := c.f1(); f > bestF+1e-12 {
								best, bestC, bestF = k, c, f
							}
						}
					}
				}
			}
		}
	}
	return best, bestC, nil
}

// sweepThreshold returns the threshold with the best F1 for k's other
// knobs, and the counts it gives.
func sweepThreshold(pairs []erPair, feats []erFeatures, k erKnobs) (float64, counts) {
	type scored struct {
		s     float64
		label bool
	}
	var ss []scored
	var c counts // the pairs whose decision does not depend on the threshold
	for i, p := range pairs {
		s, ok := k.score(feats[i])
		switch {
		case ok && k.codes == codesDecide && feats[i].code:
			switch got := s >= k.codeThreshold; {
			case got && p.label:
				c.tp++
			case got:
				c.fp++
			case p.label:
				c.fn++
			}
		case ok && s > 0:
			ss = append(ss, scored{s, p.label})
			if p.label {
				c.fn++
			}
		case p.label:
			c.fn++
		}
	}
	slices.SortFunc(ss, func(a, b scored) int { return cmp.Compare(b.s, a.s) })
	bestTh, bestC := math.Inf(1), c
	bestF := bestC.f1()
	if math.IsNaN(bestF) {
		bestF = -1 // nothing linked: any threshold that links beats it
	}
	for i := 0; i < len(ss); {
		j := i
		for j < len(ss) && ss[j].s == ss[i].s {
			if ss[j].label {
				c.tp++
				c.fn--
			} else {
				c.fp++
			}
			j++
		}
		if f := c.f1(); f > bestF+1e-12 {
			lower := 0.0
			if j < len(ss) {
				lower = ss[j].s
			}
			bestTh, bestC, bestF = (ss[i].s+lower)/2, c, f
		}
		i = j
	}
	return bestTh, bestC
}

// printER prints one row per benchmark: test precision, recall and F1,
// the published F1 beside them, then the knobs chosen on valid.
func printER(w io.Writer, dir string, results []*erResult, took time.Duration) {
	fmt.Fprintf(w, "product linking on the entity-matching benchmarks (%s), test split; knobs chosen on valid only\n", dir)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "dataset\tpairs\tpos\tTP\tFP\tFN\tprecision\trecall\tF1 %\tvalid F1 %\t"
	for _, m := range erMethods {
		head += m + " F1 %\t"
	}
	fmt.Fprintln(tw, head)
	var notes []string
	for _, r := range results {
		if r == nil {
			continue
		}
		if r.skipped != "" {
			notes = append(notes, fmt.Sprintf("%s: skipped, %s", r.ds.name, r.skipped))
			continue
		}
		row := fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t", r.ds.name, r.pairs, r.pos,
			r.test.tp, r.test.fp, r.test.fn, frac(r.test.precision(), 3, 1), frac(r.test.recall(), 3, 1), frac(r.test.f1(), 1, 100), frac(r.valid.f1(), 1, 100))
		for _, m := range erMethods {
			p, ok := r.ds.pub[m]
			switch {
			case !ok:
				row += "-\t"
			case p.verified:
				row += fmt.Sprintf("%.1f\t", p.f1)
			default:
				row += fmt.Sprintf("%.1f (M)\t", p.f1)
			}
		}
		fmt.Fprintln(tw, row)
		valid := "valid.tsv"
		if r.ds.validDir != "" {
			valid = r.ds.validDir + "/valid.tsv"
			if r.ds.dirty {
				valid += ", dirtied the same way (p=0.5, seeded per record)"
			}
		}
		notes = append(notes, fmt.Sprintf("%s: %s (chosen on %s)", r.ds.name, r.knobs, valid))
	}
	tw.Flush()
	for _, n := range notes {
		fmt.Fprintln(w, "  "+n)
	}
	fmt.Fprintln(w, "  (M) = recalled from the paper, not verified (README); DeepMatcher = Hybrid model (Mudgal et al. 2018)")
	fmt.Fprintf(w, "  took %s\n\n", took.Round(time.Millisecond))
}
