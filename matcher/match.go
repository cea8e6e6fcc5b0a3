package matcher

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// text is one compact listing field with the phrases found in it.
type text struct {
	field string // "title" or "description"
	t     string
	hits  []phraseHit
}

// wordHit is a signal word found in a field.
type wordHit struct {
	field      string
	word       string // normalised, as in the compact text
	shown      string // as the rules wrote it, for reasons
	start, end int
	ref        int
}

// listingTerm is one index term of the title, with where it occurs.
type listingTerm struct {
	spans []token
}

// imageHit is the closest official photo of one product among the listing
// photos: by pHash and dHash (dist and dist2), or, when those find none,
// by PDQ (dist).
type imageHit struct {
	product     int
	photo       int    // 1-based listing photo
	variant     string // the official photo's variant that matched; "" for the photo itself
	byPDQ       bool
	dist, dist2 int
}

// compare orders hits closest first: pHash matches before PDQ ones (pHash
// with its variants is the stronger signal at the thresholds we use: see
// the photo table of make eval), then by distance.
func (h imageHit) compare(o imageHit) int {
	if h.byPDQ != o.byPDQ {
		if o.byPDQ {
			return -1
		}
		return 1
	}
	return cmp.Or(cmp.Compare(h.dist, o.dist), cmp.Compare(h.dist2, o.dist2))
}

// candidate is a product the title may name.
type candidate struct {
	product  int
	coverage float64
	agree    int
	typos    map[string]string // listing word -> product word it was read as
	first    int               // start of the first matched term
	// pooled is the weight of the title terms found in any of the
	// product's names and aliases, in every script: among products tied
	// on coverage of one name, a word of another name ("Radiance" in a
	// Chinese title) decides.
	pooled float64
}

// analysis holds what Match found, on the way to the verdict.
type analysis struct {
	title, desc text
	brandHits   []wordHit // brand names, title then description
	redFlags    []wordHit
	// shopWords are counterfeit words found only inside the seller's
	// name where the page quotes it ("店铺：一手货源批发"); sellerName is
	// that name, compact.
	shopWords   []wordHit
	sellerName  string
	codes       []wordHit
	defamation  []wordHit // claims the listing asserts (rebuttal.go)
	claims      []claim   // every defamation phrase, asserted or not
	rebutted    []wordHit // claims quoted to be rebutted
	rebuttedWhy string
	// lookAlikes are the names built from a brand's name and a name
	// suffix ("翠叶轩"), with the brand (lookalike.go).
	lookAlikes  map[string]int
	accessory   []wordHit
	secondHand  []wordHit // private resale words, title and description
	notOffer    []wordHit // review and guide words in the title
	alternative []wordHit // "another brand's product compared" words in the title
	dupes       []wordHit // "dupe" words in the title, until resolveLead decides what they are
	// foreign is the title's lead when it names another brand whose
	// product the listing offers (lead.go); leadUnsure a lead that may
	// name one.
	foreign, leadUnsure []string
	// declared is what the description's brand field says, and
	// declaredName its value (brandfield.go).
	declared     declared
	declaredName string
	// compared are the title's brand names in a comparison ("<brand>同款",
	// "对标<brand>"); comparedOnly is set, with the phrases, when the
	// title names the linked brand in comparisons only (comparison.go).
	compared, comparedOnly []wordHit
	terms                  map[string]*listingTerm
	noun                   string // the CJK word right after the title's brand (twins.go)
	byKind                 bool   // near twins named by the brand, a size and a noun of their kind
	sizes                  []size
	images                 []imageHit
	// product is the linked product, or -1; brand the linked or named
	// brand, or -1.
	product, brand int
	byText         bool
	bySize         bool // linked by brand and size, the name misspelt
	brandByPhoto   bool // the title names the product, the photo the brand
	byDesc         bool // near twins told apart by the description alone
	byDescOnly     bool // the title names the brand, the description the product (desclink.go)
	cand           *candidate
	accessoryWords []string
	ambiguous      []int
	// tied is set when ambiguous are products the title names equally by
	// text (near twins): the listing is judged against all of them.
	tied []candidate
}

// Match decides which catalogue product l offers, how suspicious it is, its
// category and why. It is safe for concurrent use.
func (m *Matcher) Match(l *shadowscan.Listing) shadowscan.Verdict {
	if l == nil {
		return shadowscan.Verdict{}
	}
	a, raw := m.read(l)
	a.declared, a.declaredName = m.declaredBrand(raw["description"])
	m.addDisguised(a, &a.title, raw["title"])
	m.addDisguised(a, &a.desc, raw["description"])
	a.dropOEMService()
	a.dropNotOfferInClaims()
	a.defamation, a.rebutted, a.rebuttedWhy = a.assertedClaims(raw)
	a.addCodeRemovals(&a.title)
	a.addCodeRemovals(&a.desc)
	m.comparedBrands(a)
	a.images = m.matchImages(l)
	m.link(a)
	m.resolveLead(a, l)
	a.resolveComparison()
	return m.judge(a, l)
}

// read scans l's title and description for phrases, finds the look-alike
// names they build and sorts the phrases by what they signal (classify):
// the reading Match and PhotosMatter share. raw holds each field as read
// ("title", "description"), truncated.
func (m *Matcher) read(l *shadowscan.Listing) (a *analysis, raw map[string]string) {
	a = &analysis{product: -1, brand: -1, sellerName: compact(truncate(l.SellerName, maxTitleBytes))}
	raw = map[string]string{"title": truncate(l.Title, maxTitleBytes), "description": truncate(l.Description, maxDescBytes)}
	a.title = m.scanText("title", raw["title"])
	a.desc = m.scanText("description", raw["description"])
	a.lookAlikes = m.suffixLookAlikes(raw, &a.title, &a.desc)
	m.classify(a, &a.title)
	m.classify(a, &a.desc)
	return a, raw
}

func (m *Matcher) scanText(field, s string) text {
	t := joinSpacedLetters(compact(s))
	return text{field: field, t: t, hits: m.dict.find(t, wordStarts(t))}
}

// classify sorts the phrases found in one field by what they signal,
// dropping signal words that are negated ("非高仿", "not a replica") and
// accessory words that name a free gift ("送摇摇杯").
func (m *Matcher) classify(a *analysis, x *text) {
	var neg negation
	for _, h := range x.hits {
		p := m.dict.phrases[h.phrase]
		w := wordHit{field: x.field, word: x.t[h.start:h.end], shown: p.shown, start: h.start, end: h.end, ref: p.ref}
		before := x.t[:h.start]
		switch p.kind {
		case kindBrand:
			if !a.lookAlikeAt(x, h) {
				a.brandHits = append(a.brandHits, w)
			}
		case kindRedFlag:
			switch {
			case neg.negated(x.t, h):
			case a.inSellerName(x, h):
				a.shopWords = append(a.shopWords, w)
			default:
				a.redFlags = append(a.redFlags, w)
			}
		case kindCode:
			if !neg.negated(x.t, h) {
				a.codes = append(a.codes, w)
			}
		case kindDefamation:
			a.claims = append(a.claims, claim{hit: w, negated: neg.negated(x.t, h)})
		case kindSecondHand:
			if !precededBy(before, negators) {
				a.secondHand = append(a.secondHand, w)
			}
		case kindNotOffer:
			if x.field == "title" && !precededBy(before, negators) && !precededBy(before, notOfferExceptions) {
				a.notOffer = append(a.notOffer, w)
			}
		case kindAlternative:
			if x.field == "title" && !precededBy(before, negators) && !startsWithAny(strings.TrimLeft(x.t[h.end:], " "), priceReferences) {
				a.alternative = append(a.alternative, w)
			}
		case kindDupe:
			if x.field == "title" && !neg.negated(x.t, h) {
				a.dupes = append(a.dupes, w)
			}
		case kindAccessory, kindAccessoryBefore:
			if x.field == "title" && !precededBy(before, giftMarkers) {
				if p.kind == kindAccessoryBefore {
					w.ref = 1 // counts only before the name
				}
				a.accessory = append(a.accessory, w)
			}
		}
	}
}

// inSellerName reports whether the phrase h of x lies inside the seller's
// name, quoted where the page names the shop ("店铺：一手货源批发", "sold by
// Factory Direct Supply"): a shop's name is not a claim about the goods.
// A name no longer than the phrase cannot be told from it.
func (a *analysis) inSellerName(x *text, h phraseHit) bool {
	name := a.sellerName
	if len(name) <= h.end-h.start {
		return false
	}
	for off := 0; off < len(x.t); {
		i := strings.Index(x.t[off:], name)
		if i < 0 {
			return false
		}
		if s := off + i; s <= h.start && h.end <= s+len(name) {
			return true
		}
		off += i + 1
	}
	return false
}

// addCodeRemovals adds the code-removal statements of x (codes.go) that
// no code word already covers.
func (a *analysis) addCodeRemovals(x *text) {
	for _, h := range codeRemovals(x) {
		if !slices.ContainsFunc(a.codes, func(o wordHit) bool { return o.field == h.field && o.start < h.end && h.start < o.end }) {
			a.codes = append(a.codes, h)
		}
	}
}

// comparedBrands records as alternatives the title's comparisons with a
// brand by name: "比<brand>…便宜" (cheaper than <brand>) and "not <brand>"
// / "不是<brand>" say the listing sells something else. The brand names
// the title holds only to compare the goods with the brand's
// ("<brand>同款", "对标<brand>", "like <brand>") go to a.compared
// (comparison.go).
func (m *Matcher) comparedBrands(a *analysis) {
	t := a.title.t
	for _, h := range a.brandHits {
		if h.field != "title" {
			continue
		}
		if w, ok := comparison(t, h); ok {
			a.compared = append(a.compared, w)
		}
		before := strings.TrimRight(t[:h.start], " ")
		switch {
		case strings.HasSuffix(before, "比") && strings.Contains(t[h.end:], "便宜"):
			a.alternative = append(a.alternative, wordHit{field: "title", word: "比" + h.word + "…便宜", start: len(before) - len("比"), end: h.end, ref: h.ref})
		case endsWithWord(before, "not"):
			a.alternative = append(a.alternative, wordHit{field: "title", word: "not " + h.word, start: len(before) - len("not"), end: h.end, ref: h.ref})
		case strings.HasSuffix(before, "不是") && !aNotA(before, "不是"):
			a.alternative = append(a.alternative, wordHit{field: "title", word: "不是" + h.word, start: len(before) - len("不是"), end: h.end, ref: h.ref})
		}
	}
}

// matchImages finds the official photos (or their variants) closest to
// each hashed listing photo (all of them at the smallest distance), by
// pHash and dHash, and by PDQ where the photo's PDQ quality can be
// trusted, keeping for each product its closest match.
func (m *Matcher) matchImages(l *shadowscan.Listing) []imageHit {
	var out []imageHit
	add := func(ref imageRef, hit imageHit) {
		hit.product, hit.variant = ref.product, ref.variant
		k := slices.IndexFunc(out, func(o imageHit) bool { return o.product == ref.product })
		switch {
		case k < 0:
			out = append(out, hit)
		case hit.compare(out[k]) < 0:
			out[k] = hit
		}
	}
	img := m.det.Image
	for i, im := range l.Images {
		if i >= maxImages {
			break
		}
		if !im.Hashed {
			continue
		}
		q := query{key: []uint64{im.PHash}, second: im.DHash, max: img.MaxPHashDistance, maxSecond: img.MaxDHashDistance}
		for _, h := range m.img.closest(q) {
			add(m.imgRefs[h.id], imageHit{photo: i + 1, dist: h.dist, dist2: h.dist2})
		}
		if im.PDQ.IsZero() || im.PDQQuality < img.MinPDQQuality {
			continue
		}
		for _, h := range m.pdq.closest(query{key: im.PDQ[:], max: img.MaxPDQDistance}) {
			add(m.pdqRefs[h.id], imageHit{photo: i + 1, byPDQ: true, dist: h.dist})
		}
	}
	slices.SortFunc(out, func(x, y imageHit) int {
		return cmp.Or(x.compare(y), cmp.Compare(x.product, y.product))
	})
	return out
}

// link chooses the product: by text among the products of the brands the
// title names, with sizes and then photos breaking ties; by photo alone
// when the text names none.
func (m *Matcher) link(a *analysis) {
	if len(a.alternative) > 0 {
		// Another brand's product compared with ours by name: nothing
		// here is a catalogue product.
		return
	}
	titleBrands := m.indexTitle(a)
	firstBrand := -1
	if len(titleBrands) > 0 {
		firstBrand = a.brandHits[0].start // title hits come first
	}
	if m.linkByText(a, titleBrands, firstBrand) || len(a.accessoryWords) > 0 {
		return
	}
	if m.linkBySizeOf(a, titleBrands, firstBrand) || m.linkByDescription(a, titleBrands) {
		return
	}
	m.linkByPhoto(a, titleBrands, firstBrand)
}

// indexTitle finds the title's sizes and index terms, with brand names,
// marketing words and sizes masked, and returns the brands it names.
func (m *Matcher) indexTitle(a *analysis) (titleBrands []int) {
	title := a.title.t
	var spans []token
	for _, h := range a.brandHits {
		if h.field == "title" {
			spans = append(spans, token{h.start, h.end})
			if !slices.Contains(titleBrands, h.ref) {
				titleBrands = append(titleBrands, h.ref)
			}
		}
	}
	for _, h := range a.title.hits {
		if m.dict.phrases[h.phrase].kind == kindMarketing {
			spans = append(spans, token{h.start, h.end})
		}
	}
	a.sizes = parseSizes(title)
	for _, s := range a.sizes {
		spans = append(spans, token{s.start, s.end})
	}
	masked := mask(title, spans)
	a.noun = brandNoun(a, masked)
	a.terms = map[string]*listingTerm{}
	toks := indexTokens(masked)
	for _, tk := range toks {
		a.addTerm(masked[tk.start:tk.end], tk)
	}
	m.addJoinedTerms(a, masked, toks)
	return titleBrands
}

// addTerm records the title's index term w at tk.
func (a *analysis) addTerm(w string, tk token) {
	lt := a.terms[w]
	if lt == nil {
		lt = &listingTerm{}
		a.terms[w] = lt
	}
	lt.spans = append(lt.spans, tk)
}

// addJoinedTerms adds the words two neighbouring Latin words of the
// title make written as one, when a catalogue name has that word:
// English writes compounds both ways ("tooth paste", "toothpaste"; "face
// wash"; "SPF 50" and "SPF50").
func (m *Matcher) addJoinedTerms(a *analysis, masked string, toks []token) {
	for i := 0; i+1 < len(toks); i++ {
		x, y := toks[i], toks[i+1]
		if x.end > y.start || masked[x.end:y.start] != " " || !isLatinWord(masked[x.start:x.end]) || !isLatinWord(masked[y.start:y.end]) {
			continue
		}
		w := masked[x.start:x.end] + masked[y.start:y.end]
		for b := range m.brands {
			if m.brandTerm(b, w) {
				a.addTerm(w, token{x.start, y.end})
				break
			}
		}
	}
}

// linkByText chooses among the products of the title's brands whose names
// the title covers; sizes, words of other names and photos break ties, and
// products still tied are kept as near twins. It reports whether it
// decided (a product or twins); accessory words it found are left in
// a.accessoryWords.
func (m *Matcher) linkByText(a *analysis, titleBrands []int, firstBrand int) bool {
	var cands []candidate
	for _, b := range titleBrands {
		cands = append(cands, m.score(a, b)...)
		cands = mergeCandidates(cands, m.twinCandidates(a, b))
	}
	var accessory []string // why candidates were dropped as accessories
	kept := cands[:0]
	for _, c := range cands {
		first := c.first
		if firstBrand >= 0 && firstBrand < first {
			first = firstBrand
		}
		if words := m.accessoryWords(a, c.product, first); len(words) > 0 {
			accessory = words
			continue
		}
		kept = append(kept, c)
	}
	if len(kept) == 0 {
		if accessory != nil {
			a.accessoryWords = accessory
		}
		return false
	}
	tied := bestCandidates(kept)
	if len(tied) == 1 {
		m.choose(a, &tied[0])
		return true
	}
	if c := m.breakTie(a, tied); c != nil {
		m.choose(a, c)
		return true
	}
	for _, c := range tied {
		a.ambiguous = append(a.ambiguous, c.product)
	}
	a.tied = slices.Clone(tied)
	a.brand = m.products[tied[0].product].brand
	return true
}

// ownSizeIn reports whether sizes hold a size of product p that no other
// tied candidate has.
func (m *Matcher) ownSizeIn(sizes []size, p int, tied []candidate) bool {
	for _, s := range m.products[p].sizes {
		if !slices.ContainsFunc(sizes, func(d size) bool { return d.dim == s.dim && sameQuantity(d.value, s.value) }) {
			continue
		}
		shared := slices.ContainsFunc(tied, func(o candidate) bool {
			return o.product != p && slices.ContainsFunc(m.products[o.product].sizes, func(x size) bool { return x.dim == s.dim && sameQuantity(x.value, s.value) })
		})
		if !shared {
			return true
		}
	}
	return false
}

// bestCandidates returns the candidates the title names best: by coverage
// (within tieMargin), then sizes agreeing, then the weight of its words
// found in any of a product's names.
func bestCandidates(cands []candidate) []candidate {
	slices.SortFunc(cands, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(y.coverage, x.coverage), cmp.Compare(y.agree, x.agree), cmp.Compare(x.product, y.product))
	})
	best := cands[0].coverage
	maxAgree := 0
	var tied []candidate
	for _, c := range cands {
		if c.coverage >= best-tieMargin {
			tied = append(tied, c)
			maxAgree = max(maxAgree, c.agree)
		}
	}
	tied = slices.DeleteFunc(tied, func(c candidate) bool { return c.agree < maxAgree })
	if len(tied) > 1 {
		maxPooled := 0.0
		for _, c := range tied {
			maxPooled = max(maxPooled, c.pooled)
		}
		tied = slices.DeleteFunc(tied, func(c candidate) bool { return c.pooled < maxPooled-1e-9 })
	}
	return tied
}

// breakTie returns the one of the tied candidates whose official photo
// the listing shows when it shows no other's, or else the one whose line
// alone the description names; nil when neither decides. Twins' photos
// often differ only in a label word, so when photos of two of them match,
// the photo does not decide.
func (m *Matcher) breakTie(a *analysis, tied []candidate) *candidate {
	var chosen *candidate
	shown := 0
	for i := range tied {
		if slices.ContainsFunc(a.images, func(ih imageHit) bool { return ih.product == tied[i].product }) {
			chosen = &tied[i]
			shown++
		}
	}
	if shown == 1 {
		return chosen
	}
	if k := m.lineInDescription(a, tied); k >= 0 {
		a.byDesc = true
		return &tied[k]
	}
	return nil
}

// lineInDescription returns the index of the one tied candidate whose
// names hold a word, or which has a size, that the description has and
// no other tied candidate has ("本链接为女士款", "this listing is the
// Lavender version", "900g"), or -1.
func (m *Matcher) lineInDescription(a *analysis, tied []candidate) int {
	if a.desc.t == "" {
		return -1
	}
	desc := map[string]bool{}
	for _, tk := range indexTokens(a.desc.t) {
		desc[a.desc.t[tk.start:tk.end]] = true
	}
	descSizes := parseSizes(a.desc.t)
	found := -1
	for i, c := range tied {
		idx := m.brands[m.products[c.product].brand].index
		named := m.ownSizeIn(descSizes, c.product, tied)
		for _, id := range m.products[c.product].nameIDs {
			for _, t := range idx.names[id].terms {
				if desc[t] && !slices.ContainsFunc(tied, func(o candidate) bool { return o.product != c.product && m.productHasTerm(o.product, t) }) {
					named = true
				}
			}
		}
		if named {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// linkBySizeOf links by the brand and a size (linkBySize): one product,
// or near twins sharing the size and a product word. It reports whether
// it decided.
func (m *Matcher) linkBySizeOf(a *analysis, titleBrands []int, firstBrand int) bool {
	// The text names the brand and a size only one of its products has,
	// and something like that product's name ("口虹 3.5g"); or a size and
	// a product word several of its products share (near twins).
	if ps := m.linkBySize(a, titleBrands); len(ps) > 0 {
		var tied []candidate
		for _, p := range ps {
			if words := m.accessoryWords(a, p, firstBrand); len(words) > 0 {
				a.accessoryWords = words
				return true
			}
			tied = append(tied, candidate{product: p})
		}
		if len(tied) == 1 {
			m.choose(a, &tied[0])
			a.bySize = true
			return true
		}
		if c := m.breakTie(a, tied); c != nil {
			m.choose(a, c)
			a.bySize = true
			return true
		}
		for _, c := range tied {
			a.ambiguous = append(a.ambiguous, c.product)
		}
		a.tied, a.bySize = tied, true
		a.brand = m.products[tied[0].product].brand
		return true
	}
	return false
}

// linkByPhoto links by an official photo when the text names no product:
// the closest photo that may link (photoMayLink), or among the brand's
// photos about as close, the one whose product the title's words name
// best (pickPhoto). Two products the photos and the title fit equally are
// left ambiguous. A title that names the product's words but no brand is
// linked by text too, the brand being the close photo's (namedByPhoto).
func (m *Matcher) linkByPhoto(a *analysis, titleBrands []int, firstBrand int) {
	var fits []imageHit
	for _, ih := range a.images {
		if m.photoMayLink(a, ih, titleBrands) {
			fits = append(fits, ih)
		}
	}
	if len(fits) == 0 {
		return
	}
	b := m.products[fits[0].product].brand
	fits = slices.DeleteFunc(fits, func(ih imageHit) bool { return m.products[ih.product].brand != b })
	if words := m.accessoryWords(a, fits[0].product, firstBrand); len(words) > 0 {
		a.accessoryWords = words
		return
	}
	a.brand = b
	picked := m.pickPhoto(a, fits)
	if len(picked) > 1 {
		a.ambiguous = picked // the products share the photo: do not guess
		return
	}
	a.product = picked[0]
	k := slices.IndexFunc(fits, func(ih imageHit) bool { return ih.product == a.product })
	if len(titleBrands) == 0 && m.closePhoto(fits[k]) {
		m.namedByPhoto(a)
	}
}

// photoMayLink reports whether the official photo ih may link the listing
// to its product: not when the title names another brand or a look-alike
// of the photo's, states another size, or shares no product word with it.
// With no brand named in the title the photo alone says whose goods they
// are; when the title opens with something other than the product's
// words, most often another brand's name ("本草园植物蛋白粉", "PureLife
// Amino Acid Cleanser"), the photo must be close: within half the rules'
// distances. Such sellers' own packs of the same shape match an official
// photo or its crops at the edge of the distances, as often as re-uploads
// do.
func (m *Matcher) photoMayLink(a *analysis, ih imageHit, titleBrands []int) bool {
	p := &m.products[ih.product]
	switch {
	case len(titleBrands) > 0 && !slices.Contains(titleBrands, p.brand):
		return false
	case len(titleBrands) == 0 && (m.namesLookAlike(a.title.t, p.brand) || m.namesCJKLookAlike(a.title.t, p.brand) || a.namesSuffixLookAlike(p.brand)):
		// "Bloomy", "Vitalife", "唯叶" for 维叶, "翠叶轩" for 翠叶: a
		// look-alike brand's own product shown with a photo like ours.
		return false
	case len(titleBrands) == 0 && !m.closePhoto(ih) && !m.opensWithProduct(a, ih.product):
		return false
	case len(titleBrands) == 0 && (a.declared == declaredNone || a.declared == declaredOther):
		// Generic goods or another maker's, by the brand field: a
		// pack like ours is no proof of the brand.
		return false
	}
	if ok, _ := sizeMatch(a.sizes, p.sizes); !ok {
		return false
	}
	// A reused official photo on a title about something else (a mop, an
	// empty bottle, another product of the brand) links nothing.
	return m.sharesProductWord(a, ih.product)
}

// closePhoto reports whether ih is within half the rules' distances.
func (m *Matcher) closePhoto(ih imageHit) bool {
	img := m.det.Image
	if ih.byPDQ {
		return 2*ih.dist <= img.MaxPDQDistance
	}
	return 2*ih.dist <= img.MaxPHashDistance && 2*ih.dist2 <= img.MaxDHashDistance
}

// opensWithProduct reports whether the title opens with a word of product
// p's names, once marketing words, sizes, signal phrases ("工厂直供") and
// English descriptors ("Organic") are passed over: anything else before
// the product's words is most often another brand's name ("本草园", glued
// to the product noun as Chinese brands are).
func (m *Matcher) opensWithProduct(a *analysis, p int) bool {
	type at struct {
		start int
		w     string
	}
	var terms []at
	for w, lt := range a.terms {
		for _, sp := range lt.spans {
			terms = append(terms, at{sp.start, w})
		}
	}
	slices.SortFunc(terms, func(x, y at) int { return cmp.Compare(x.start, y.start) })
	for _, t := range terms {
		switch {
		case m.productHasTerm(p, t.w):
			return true
		case slices.ContainsFunc(a.title.hits, func(h phraseHit) bool {
			// A bigram that starts in the phrase ("供深" of "工厂直供深海") is
			// passed over with it.
			return m.dict.phrases[h.phrase].kind != kindBrand && h.start <= t.start && t.start < h.end
		}):
		case isLatinWord(t.w) && isDescriptor(t.w):
		default:
			return false
		}
	}
	return false
}

// photoSlack is how much further than the closest photo another photo of
// the brand may be and still be chosen by the title's words: near twins'
// packs differ in a colour or a label word, which moves a hash little.
const photoSlack = 4

// pickPhoto returns the products of fits (the brand's photos that may
// link, closest first) the title names best among those about as close
// as the first: the most weight of title words found in a product's
// names; ties go to the closer photo, and products whose photos are as
// close as each other stay tied.
func (m *Matcher) pickPhoto(a *analysis, fits []imageHit) []int {
	best := fits[0]
	var cands []imageHit
	top := 0.0
	for _, ih := range fits {
		if ih.byPDQ != best.byPDQ || ih.dist > best.dist+photoSlack {
			continue
		}
		w := m.pooled(a, ih.product)
		switch {
		case w > top+1e-9:
			top, cands = w, []imageHit{ih}
		case w > top-1e-9:
			cands = append(cands, ih)
		}
	}
	var out []int
	for _, ih := range cands {
		if ih.compare(cands[0]) == 0 {
			out = append(out, ih.product)
		}
	}
	return out
}

// namedByPhoto marks the photo-linked product as named by the title when
// the title covers one of its names (min_coverage, sizes agreeing) though
// it names no brand: "Calcium + Vitamin D3 Tablets 120" shown with the
// brand's own photo, close (closePhoto), offers the brand's product; the
// official photo says whose.
func (m *Matcher) namedByPhoto(a *analysis) {
	for _, c := range m.score(a, a.brand) {
		if c.product == a.product {
			a.cand = &c
			a.byText, a.brandByPhoto = true, true
			return
		}
	}
}

// linkBySize returns the products of the title's brands whose sizes the
// title's sizes agree with and whose names the title comes near: the one
// such product when it shares a word or a CJK character with its names (a
// misspelt name, "口虹" for 口红, "nite cream", with the brand and a
// distinctive size); or, when several products have the size, those that
// share a whole product word with the title ("精华 30ml" of a brand with
// two 30 ml serums), to be judged as a set. It returns nil when none fits.
func (m *Matcher) linkBySize(a *analysis, brands []int) []int {
	if len(a.sizes) == 0 {
		return nil
	}
	var fit []int
	for _, b := range brands {
		for _, p := range m.brands[b].products {
			if ok, agree := sizeMatch(a.sizes, m.products[p].sizes); ok && agree > 0 {
				fit = append(fit, p)
			}
		}
	}
	switch {
	case len(fit) == 1 && m.nearProductName(a, fit[0]):
		return fit
	case len(fit) > 1:
		shared := slices.DeleteFunc(slices.Clone(fit), func(p int) bool { return !m.sharesProductWord(a, p) })
		if len(shared) == 0 {
			shared = m.sameKind(a, fit)
			a.byKind = len(shared) > 0
		}
		fit = shared
		for _, p := range fit {
			if m.products[p].brand != m.products[fit[0]].brand {
				return nil // two brands' products: not near twins
			}
		}
		return fit
	}
	return nil
}

// nearProductName reports whether the title shares an index term (read
// through a typo) or a CJK character of the terms of product p's names.
func (m *Matcher) nearProductName(a *analysis, p int) bool {
	if m.sharesProductWord(a, p) {
		return true
	}
	info := &m.products[p]
	idx := m.brands[info.brand].index
	for w := range a.terms {
		for _, r := range w {
			if !isCJK(r) {
				continue
			}
			for _, id := range info.nameIDs {
				for _, t := range idx.names[id].terms {
					if strings.ContainsRune(t, r) {
						return true
					}
				}
			}
		}
	}
	return false
}

// minLookAlikePrefix is the least number of letters a look-alike brand
// word shares with the start of a brand word ("bloomy" and "bloom" share
// five; "vitamin" and "vitalis" only four, so vitamin is no look-alike).
const minLookAlikePrefix = 5

// namesLookAlike reports whether compact title t has a Latin word that
// starts like a Latin word of brand b's names, or is one letter off it,
// but is not one: "bloomy" for Bloom, "vitalife" for Vitalis, "clearwave"
// for Clearwell, "lumira" for Lumiya. Such a word names another brand,
// whose own product a reused-looking photo does not make ours.
func (m *Matcher) namesLookAlike(t string, b int) bool {
	words := m.brands[b].latin
	if len(words) == 0 {
		return false
	}
	for _, tk := range wordStarts(t) {
		w := t[tk.start:tk.end]
		if len(w) < minLookAlikePrefix || !typoCandidate(w) {
			continue
		}
		for _, bw := range words {
			if w == bw {
				continue
			}
			n := 0
			for n < len(w) && n < len(bw) && w[n] == bw[n] {
				n++
			}
			if n >= minLookAlikePrefix && n >= len(bw)-3 && len(w)-len(bw) <= 3 && len(bw)-len(w) <= 3 {
				return true
			}
			if withinOneEdit(w, bw) {
				return true // "lumira" for lumiya, "vitaleef" for vitaleaf
			}
		}
	}
	return false
}

// sharesProductWord reports whether the title has at least one index term
// of product p's names other than brand names, marketing words and sizes,
// read through a typo where the brand's index knows one: "修护晚霜" shares
// nothing with an essence water, so an essence photo does not make the
// night cream the essence.
func (m *Matcher) sharesProductWord(a *analysis, p int) bool {
	idx := m.brands[m.products[p].brand].index
	for w := range a.terms {
		if m.productHasTerm(p, w) {
			return true
		}
		if t, ok := idx.correct(w); ok && m.productHasTerm(p, t) {
			return true
		}
	}
	return false
}

func (m *Matcher) choose(a *analysis, c *candidate) {
	a.product = c.product
	a.brand = m.products[c.product].brand
	a.byText = true
	a.cand = c
}

// score returns the products of brand b whose names the title covers well
// enough, with sizes that agree.
func (m *Matcher) score(a *analysis, b int) []candidate {
	idx := m.brands[b].index
	if len(idx.names) == 0 {
		return nil
	}
	type eff struct {
		term   string
		factor float64
		word   string // listing word when read through a typo
	}
	var effs []eff
	for w := range a.terms {
		if _, ok := idx.postings[w]; ok {
			effs = append(effs, eff{term: w, factor: 1})
		} else if t, ok := idx.correct(w); ok {
			if _, exact := a.terms[t]; !exact {
				effs = append(effs, eff{term: t, factor: typoFactor, word: w})
			}
		}
	}
	if len(effs) == 0 {
		return nil
	}
	scores := map[int32]float64{}
	for _, e := range effs {
		for _, id := range idx.postings[e.term] {
			scores[id] += idx.idf[e.term] * e.factor
		}
	}
	best := map[int32]float64{} // product -> best coverage
	for id, s := range scores {
		n := &idx.names[id]
		if n.weight <= 0 {
			continue
		}
		if c := s / n.weight; c > best[n.product] {
			best[n.product] = c
		}
	}
	var out []candidate
	for p, cov := range best {
		if cov+1e-9 < m.minCoverage {
			continue
		}
		ok, agree := sizeMatch(a.sizes, m.products[p].sizes)
		if !ok {
			continue
		}
		c := candidate{product: int(p), coverage: math.Min(cov, 1), agree: agree, first: math.MaxInt}
		for _, e := range effs {
			if !m.productHasTerm(int(p), e.term) {
				continue
			}
			w := e.term
			if e.word != "" {
				w = e.word
				if c.typos == nil {
					c.typos = map[string]string{}
				}
				c.typos[e.word] = e.term
			}
			for _, sp := range a.terms[w].spans {
				c.first = min(c.first, sp.start)
			}
			c.pooled += idx.idf[e.term] * e.factor
		}
		out = append(out, c)
	}
	return out
}

// productHasTerm reports whether any name of product p has index term t.
func (m *Matcher) productHasTerm(p int, t string) bool {
	info := &m.products[p]
	idx := m.brands[info.brand].index
	for _, id := range info.nameIDs {
		if slices.Contains(idx.names[id].terms, t) {
			return true
		}
	}
	return false
}

// accessoryWords returns the accessory words of the title that make it an
// accessory of product p rather than p itself: words not in p's own names,
// and connecting words ("for") only before the name, which starts at
// first (-1 when the text does not name it).
func (m *Matcher) accessoryWords(a *analysis, p, first int) []string {
	var out []string
	for _, h := range a.accessory {
		if h.ref == 1 && first >= 0 && h.start > first && !introducesBrand(a, h) {
			continue
		}
		inName := false
		for _, n := range m.products[p].names {
			if containsPhrase(n, h.word) {
				inName = true
				break
			}
		}
		if !inName && !slices.Contains(out, h.word) {
			out = append(out, h.word)
		}
	}
	return out
}

// introducesBrand reports whether the connecting word h ("适用", "for",
// "搭配") is followed at once by a brand name in the title: "眼霜按摩棒
// 适用薇丹丝眼霜" is a massager for the eye cream, even though a product
// word ("眼霜") comes first.
func introducesBrand(a *analysis, h wordHit) bool {
	for _, b := range a.brandHits {
		if b.field == h.field && b.start >= h.end && b.start-h.end <= 2 {
			return true
		}
	}
	return false
}

// containsPhrase reports whether compact text t holds phrase w, with word
// boundaries for Latin ends.
func containsPhrase(t, w string) bool {
	return indexWord(t, w) >= 0
}

// indexWord returns the offset of the first occurrence of w in t, whole
// words for Latin ends, or -1.
func indexWord(t, w string) int {
	for off := 0; off < len(t); {
		i := strings.Index(t[off:], w)
		if i < 0 {
			return -1
		}
		s, e := off+i, off+i+len(w)
		if (s == 0 || !isWordRune(lastRune(t[:s])) || !isWordRune(firstRune(w))) &&
			(e == len(t) || !isWordRune(firstRune(t[e:])) || !isWordRune(lastRune(w))) {
			return s
		}
		off = s + utf8.RuneLen(firstRune(t[s:]))
	}
	return -1
}

// judgePrice adds the price reasons for an unknown or authorised seller
// and reports the counterfeit and dumping signals.
//
// pack is how many units the listed price buys (1 for one): the price is
// compared per unit. With resale (a private resale) the signals are
// reported with no points.
//
// of, when not empty, says whose list price and floor p carries (" (the
// lowest of A, B)"); the market comparison, which is per product, is then
// left out.
func (m *Matcher) judgePrice(l *shadowscan.Listing, p *shadowscan.Product, role shadowscan.SellerRole,
	pack pack, resale bool, of string, add func(string, int, string, ...any)) (sig priceSignals) {
	if !l.HasPrice || l.Price <= 0 || p.Price <= 0 {
		return
	}
	w, pr := m.det.Weights, m.det.Price
	u, ok := m.unitPrice(l, p, pack)
	if !ok {
		cur := cmp.Or(l.Currency, "an unknown currency")
		add("price", 0, "%s is in %s: no rate to compare it with the list price %s%s", u.shown, cur, p.Price.Format(p.Currency), of)
		return
	}
	ratio := u.price.Float() / p.Price.Float()
	if pr.PlaceholderRatio > 0 && ratio < pr.PlaceholderRatio {
		add("price", 0, "%s is under %s %% of the list price %s%s: a placeholder (a deposit, \"ask the seller\", top-up or buy-back price), not an offer price, so not compared",
			u.shown, strconv.FormatFloat(pr.PlaceholderRatio*100, 'f', -1, 64), p.Price.Format(p.Currency), of)
		sig.placeholder = true
		return
	}
	pct := int(math.Round(ratio * 100))
	note := ""
	if resale {
		note = " (a private resale: not counted)"
	}
	// A converted price is judged at the top of what the rate may be off
	// by: a signal must hold at any rate within the tolerance.
	high := u.price.Float() * (1 + u.tolerance)
	sig.farBelow = high < pr.CounterfeitRatio*p.Price.Float()
	sig.underPlausible = high < pr.PlausibleRatio*p.Price.Float()
	sig.underFloor = p.MinPrice > 0 && high < p.MinPrice.Float()
	switch {
	case role == shadowscan.RoleAuthorized && sig.underFloor:
		add("price", pointsUnless(resale, w.PriceBelowFloor), "%s is under the authorised floor %s%s%s", u.shown, p.MinPrice.Format(p.Currency), of, note)
	case role == shadowscan.RoleUnknown && sig.farBelow:
		add("price", pointsUnless(resale, w.PriceFarBelow), "%s is %d %% of the list price %s%s%s", u.shown, pct, p.Price.Format(p.Currency), of, note)
	default:
		add("price", 0, "%s is %d %% of the list price %s%s%s", u.shown, pct, p.Price.Format(p.Currency), of, u.withinTolerance(p, role, pr))
	}
	if m.market != nil && of == "" {
		m.judgeMarket(l, p, resale, note, add)
	}
	return
}

// judgeMarket adds a reason when the price is far under the market median
// scans have seen for p.
func (m *Matcher) judgeMarket(l *shadowscan.Listing, p *shadowscan.Product, resale bool, note string, add func(string, int, string, ...any)) {
	pr := m.det.Price
	median, mad, n := m.market.PriceStats(p.SKU, l.Currency)
	need := max(pr.MinMarketSamples, 1)
	if n < need || median <= 0 || pr.MarketMADs <= 0 {
		return
	}
	// A MAD of 0 (every price the same) would make any cut an outlier; 2 %
	// of the median is the least deviation counted.
	spread := math.Max(mad, 0.02*median)
	if z := (median - l.Price.Float()) / spread; z >= pr.MarketMADs {
		add("market", pointsUnless(resale, m.det.Weights.MarketOutlier), "%s is %.1f deviations under the market median %s (%d prices seen)%s",
			l.Price.Format(l.Currency), z, shadowscan.AmountFromFloat(median).Format(l.Currency), n, note)
	}
}

// unitPriced is what one unit of a product costs by a listing, in the
// product's currency.
type unitPriced struct {
	price shadowscan.Amount
	shown string // how the reason shows it
	// tolerance is the share the price may be off when it was converted
	// from another currency (price.rate_tolerance), else 0.
	tolerance float64
}

// withinTolerance returns, for a converted price that would be under the
// floor or far under list at the configured rate but is not at a rate
// within the tolerance, a note saying so; else "".
func (u unitPriced) withinTolerance(p *shadowscan.Product, role shadowscan.SellerRole, pr rules.PriceRules) string {
	if u.tolerance <= 0 {
		return ""
	}
	pct := strconv.FormatFloat(u.tolerance*100, 'f', -1, 64)
	switch {
	case role == shadowscan.RoleAuthorized && p.MinPrice > 0 && u.price < p.MinPrice:
		return fmt.Sprintf("; under the floor %s only by less than the %s %% a configured rate may be off: not counted", p.MinPrice.Format(p.Currency), pct)
	case role == shadowscan.RoleUnknown && u.price.Float() < pr.CounterfeitRatio*p.Price.Float():
		return fmt.Sprintf("; under %s %% of list only by less than the %s %% a configured rate may be off: not counted", strconv.FormatFloat(pr.CounterfeitRatio*100, 'f', -1, 64), pct)
	}
	return ""
}

// cartonPriceRatio is how many times the list price a listed price must
// be for a carton's price to be read as the whole carton's.
const cartonPriceRatio = 1.5

// unitPrice returns what one unit of p costs by the listing, in p's
// currency, and how to show it: the shown price, or a lower net price the
// description advertises (netprice.go), converted at the detection rates
// (the reason names the rate), divided by the units of the pack. ok is
// false, with shown set, when no rate converts the currency.
func (m *Matcher) unitPrice(l *shadowscan.Listing, p *shadowscan.Product, pack pack) (u unitPriced, ok bool) {
	u.shown = l.Price.Format(l.Currency)
	u.price = l.Price
	if np, found := lowestNetPrice(l); found {
		u.price = np.amount
		u.shown = fmt.Sprintf("%s (the description advertises %s %q)", u.shown, np.amount.Format(l.Currency), np.marker)
	}
	switch {
	case l.Currency == p.Currency:
	case m.det.Rates[l.Currency] > 0 && m.det.Rates[p.Currency] > 0:
		rate := m.det.Rates[l.Currency] / m.det.Rates[p.Currency]
		u.price = shadowscan.AmountFromFloat(u.price.Float() * rate)
		u.tolerance = m.det.Price.RateTolerance
		u.shown = fmt.Sprintf("%s (%s at the configured %s %s per %s)", u.shown, u.price.Format(p.Currency),
			strconv.FormatFloat(rate, 'g', 4, 64), p.Currency, l.Currency)
	default:
		return u, false
	}
	if pack.carton && u.price.Float() < cartonPriceRatio*p.Price.Float() {
		// A wholesale site shows the unit price of goods sold by the
		// carton as often as the carton's; a price a single unit could
		// sell at is the unit's.
		pack.n, pack.carton = 1, false
	}
	if pack.n > 1 {
		u.price = shadowscan.AmountFromFloat(u.price.Float() / float64(pack.n))
		u.shown = fmt.Sprintf("%s for %d (%q), %s a unit,", u.shown, pack.n, pack.word, u.price.Format(p.Currency))
	}
	return u, true
}

// pointsUnless returns points, or 0 when the signal is excused.
func pointsUnless(excused bool, points int) int {
	if excused {
		return 0
	}
	return points
}

// brandWords returns the words naming brand b in the title and description.
func (m *Matcher) brandWords(a *analysis, b int) []string {
	var out []string
	for _, h := range a.brandHits {
		if h.ref == b && !slices.Contains(out, h.word) {
			out = append(out, h.word)
		}
	}
	return out
}

// titleBrandWords returns the words naming brand b in the title.
func (m *Matcher) titleBrandWords(a *analysis, b int) []string {
	var out []string
	for _, h := range a.brandHits {
		if h.field == "title" && h.ref == b && !slices.Contains(out, h.word) {
			out = append(out, h.word)
		}
	}
	return out
}

// productWords returns the title words that matched candidate c's product,
// adjacent ones joined ("蛋白" and "白粉" make "蛋白粉").
func (m *Matcher) productWords(a *analysis, c *candidate) []string {
	var spans []token
	for w, lt := range a.terms {
		t := w
		if to, ok := c.typos[w]; ok {
			t = to
		}
		if m.productHasTerm(c.product, t) {
			spans = append(spans, lt.spans...)
		}
	}
	slices.SortFunc(spans, func(x, y token) int { return cmp.Compare(x.start, y.start) })
	var out []string
	t := a.title.t
	for i := 0; i < len(spans); {
		s, e := spans[i].start, spans[i].end
		j := i + 1
		for ; j < len(spans); j++ {
			if spans[j].start > e && strings.TrimSpace(t[e:spans[j].start]) != "" {
				break
			}
			e = max(e, spans[j].end)
		}
		if w := t[s:e]; !slices.Contains(out, w) {
			out = append(out, w)
		}
		i = j
	}
	return out
}

// brandField says where the brand was named.
func brandField(a *analysis, b int) string {
	for _, h := range a.brandHits {
		if h.ref == b && h.field == "title" {
			return "title"
		}
	}
	return "description"
}

// outermost drops the hits that lie inside a longer hit of the same field,
// so "传销骗局" is reported without "传销" and "骗局" again.
func outermost(hs []wordHit) []wordHit {
	var out []wordHit
	for i, h := range hs {
		inside := false
		for j, o := range hs {
			if i != j && o.field == h.field && o.start <= h.start && h.end <= o.end && o.end-o.start > h.end-h.start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return out
}

// saysList formats signal words by field: `title says "高仿", description
// says "原单"`.
func saysList(hs []wordHit) string {
	var parts []string
	for _, field := range []string{"title", "description"} {
		var ws []string
		for _, h := range hs {
			w := cmp.Or(h.shown, h.word)
			if h.field == field && !slices.Contains(ws, w) {
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 {
			parts = append(parts, field+" says "+quoteList(ws))
		}
	}
	return strings.Join(parts, ", ")
}

func countWords(hs []wordHit) int {
	var ws []string
	for _, h := range hs {
		if !slices.Contains(ws, h.word) {
			ws = append(ws, h.word)
		}
	}
	return len(ws)
}

// quoteList returns ws quoted as by %q, comma separated.
func quoteList(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 4
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, w)
	}
	return string(b)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// lowestOf returns a product carrying the lowest list price and the lowest
// floor of ps, for judging a price against a set of near twins: a price is
// far below or under the floor only when it is so for every one of them.
// A twin without a floor leaves the set without one. ok is false when the
// twins are priced in different currencies or one has no list price.
func lowestOf(ps []*shadowscan.Product) (ref shadowscan.Product, ok bool) {
	for i, p := range ps {
		if p.Price <= 0 || (i > 0 && p.Currency != ref.Currency) {
			return shadowscan.Product{}, false
		}
		switch {
		case i == 0:
			ref = shadowscan.Product{Currency: p.Currency, Price: p.Price, MinPrice: p.MinPrice}
		default:
			ref.Price = min(ref.Price, p.Price)
			if p.MinPrice <= 0 || ref.MinPrice <= 0 {
				ref.MinPrice = 0
			} else {
				ref.MinPrice = min(ref.MinPrice, p.MinPrice)
			}
		}
	}
	return ref, len(ps) > 0
}

// describe says how the photo matched, for the reason: which variant of
// the official photo, and at what distance by which hash.
func (h imageHit) describe() string {
	v := ""
	if h.variant != "" {
		v = ", " + h.variant + ","
	}
	if h.byPDQ {
		return fmt.Sprintf("%s at PDQ distance %d", v, h.dist)
	}
	return fmt.Sprintf("%s at distance %d (dHash %d)", v, h.dist, h.dist2)
}

// PhotoMatches reports whether the listing photo l is the official photo
// o, or one of its variants, by the matcher's photo rule: pHash and dHash
// within the rules' distances, or PDQ within max_pdq_distance when both
// photos' PDQ quality reaches min_pdq_quality. It returns the variant's
// kind ("" for the photo itself). The Matcher finds the same matches
// through its indexes; this is the rule one pair at a time, for measuring
// it (make eval's photo table).
func PhotoMatches(r rules.ImageRules, l shadowscan.ListingImage, o shadowscan.ImageRef) (variant string, ok bool) {
	if !l.Hashed {
		return "", false
	}
	pdqOK := !l.PDQ.IsZero() && l.PDQQuality >= r.MinPDQQuality && o.PDQQuality >= r.MinPDQQuality
	try := func(p, d uint64, q shadowscan.PDQ) bool {
		if (p != 0 || d != 0) && bits.OnesCount64(p^l.PHash) <= r.MaxPHashDistance && bits.OnesCount64(d^l.DHash) <= r.MaxDHashDistance {
			return true
		}
		return pdqOK && !q.IsZero() && q.Distance(l.PDQ) <= r.MaxPDQDistance
	}
	if try(o.PHash, o.DHash, o.PDQ) {
		return "", true
	}
	for _, v := range o.Variants {
		if try(v.PHash, v.DHash, v.PDQ) {
			return v.Kind, true
		}
	}
	return "", false
}
