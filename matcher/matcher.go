package matcher

import (
	"fmt"
	"math"
	"slices"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Limits on hostile listing content: text beyond these is not read, and
// photos beyond maxImages are not compared.
const (
	maxTitleBytes = 2 << 10
	maxDescBytes  = 16 << 10
	maxImages     = 32
)

// defaultMinCoverage is used when the detection rules leave
// text.min_coverage unset.
const defaultMinCoverage = 0.6

// tieMargin is how close two products' text coverage must be for the
// choice between them to fall to sizes, then photos.
const tieMargin = 0.05

// Option configures a Matcher.
type Option func(*Matcher)

// WithSellerHistory gives the Matcher the number of confirmed hits a seller
// already has on a site; a seller with any is a repeat offender.
func WithSellerHistory(confirmed func(site, sellerID string) int) Option {
	return func(m *Matcher) { m.history = confirmed }
}

// WithNetwork gives the Matcher, for a seller in a seller network with a
// shop that has confirmed hits, the reason naming that network and the
// link to the shop; "" for any other seller.
func WithNetwork(reason func(site, sellerID string) string) Option {
	return func(m *Matcher) { m.network = reason }
}

// WithRelist gives the Matcher, for a listing that brings back a reported
// or removed hit under a new id, shop or site, that hit's id and the
// reason naming it; 0 and "" for any other listing. sku is the product
// the Matcher linked the listing to, "" for none.
func WithRelist(relist func(l *shadowscan.Listing, sku string) (uint64, string)) Option {
	return func(m *Matcher) { m.relist = relist }
}

// WithMarket gives the Matcher the prices scans have seen per product, so
// a price far under the market median counts as a signal.
func WithMarket(stats MarketStats) Option {
	return func(m *Matcher) { m.market = stats }
}

// Matcher links listings to catalogue products and scores them. It is
// immutable after New and safe for concurrent use.
type Matcher struct {
	det         rules.Detection
	brands      []brandInfo
	products    []productInfo
	dict        *phraseDict
	img         *hashIndex // pHash and dHash of official photos and their variants
	imgRefs     []imageRef // entry id -> product photo
	pdq         *hashIndex // PDQ of official photos and their variants
	pdqRefs     []imageRef
	minCoverage float64
	history     func(site, sellerID string) int
	network     func(site, sellerID string) string
	relist      func(l *shadowscan.Listing, sku string) (uint64, string)
	market      MarketStats
	// leet holds the single Latin counterfeit words, for reading them
	// written with digits for letters (disguise.go).
	leet map[string]bool
}

type brandInfo struct {
	brand    *shadowscan.Brand
	index    *brandIndex
	latin    []string   // Latin words of the brand's names, for look-alikes
	cjk      [][]rune   // CJK runs of two or more characters of its names, likewise
	products []int      // the brand's products
	twins    []twinCore // near twins among them (twins.go)
}

type productInfo struct {
	product *shadowscan.Product
	brand   int
	sizes   []size
	names   []string // compact names and aliases
	heads   []rune   // the last character of each CJK name: what the product is (茶, 粉, 霜)
	nameIDs []int32  // entries in the brand index
}

type imageRef struct {
	product int
	photo   int    // 1-based position among the product's photos
	variant string // the variant's kind ("mirrored left-right"); "" for the photo itself
}

// New builds a Matcher over the catalogue with the detection rules. The
// catalogue is indexed once: brand names and rule words go into one phrase
// dictionary, product names into a per-brand inverted index, official
// photos into a multi-index hash table. It returns an EINVALID error
// naming the field when the rules or the catalogue cannot be used. The
// Matcher keeps copies of cat's brand and product lists; it does not
// modify cat.
func New(cat *shadowscan.Catalog, det *rules.Detection, opts ...Option) (*Matcher, error) {
	if cat == nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "matcher: no catalogue")
	}
	if det == nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "matcher: no detection rules")
	}
	if err := validateDetection(det); err != nil {
		return nil, fmt.Errorf("matcher: %w", err)
	}
	m := &Matcher{det: *det, dict: newPhraseDict(), minCoverage: det.Text.MinCoverage}
	if m.minCoverage == 0 {
		m.minCoverage = defaultMinCoverage
	}
	for _, o := range opts {
		o(m)
	}
	brands := slices.Clone(cat.Brands)
	products := slices.Clone(cat.Products)

	brandByID := make(map[string]int, len(brands))
	for i := range brands {
		b := &brands[i]
		if _, dup := brandByID[b.ID]; dup {
			return nil, fmt.Errorf("matcher: %w", &shadowscan.FieldError{Field: fmt.Sprintf("brands[%d].id", i), Msg: fmt.Sprintf("brand %q is listed twice", b.ID), Accepted: "one entry per brand"})
		}
		brandByID[b.ID] = i
		m.brands = append(m.brands, brandInfo{brand: b, index: newBrandIndex()})
		named := false
		for _, n := range b.Names() {
			named = m.dict.add(n, kindBrand, i) || named
			m.addLookAlikeForms(i, compact(n))
		}
		if !named {
			return nil, fmt.Errorf("matcher: %w", &shadowscan.FieldError{Field: fmt.Sprintf("brands[%d].name", i), Msg: fmt.Sprintf("brand %q has no name with a letter or digit", b.ID), Accepted: "a name such as Aurora Wellness"})
		}
		for _, t := range b.DefamationTerms {
			m.dict.add(t, kindDefamation, i)
		}
	}
	m.addWords(det.Words)

	seenSKU := make(map[string]bool, len(products))
	for i := range products {
		p := &products[i]
		bi, ok := brandByID[p.BrandID]
		if !ok {
			return nil, fmt.Errorf("matcher: %w", &shadowscan.FieldError{Field: fmt.Sprintf("products[%d].brand", i), Msg: fmt.Sprintf("product %s names brand %q, which is not in the catalogue", p.SKU, p.BrandID), Accepted: "the id of a brand in the catalogue"})
		}
		if seenSKU[p.SKU] {
			return nil, fmt.Errorf("matcher: %w", &shadowscan.FieldError{Field: fmt.Sprintf("products[%d].sku", i), Msg: fmt.Sprintf("sku %q is listed twice", p.SKU), Accepted: "one entry per SKU"})
		}
		seenSKU[p.SKU] = true
		info := productInfo{product: p, brand: bi}
		idx := m.brands[bi].index
		for _, name := range p.Names() {
			t := compact(name)
			if t == "" {
				continue
			}
			info.names = append(info.names, t)
			sizes := parseSizes(t)
			masked := m.maskName(t, bi, sizes)
			info.heads = appendHeads(info.heads, masked)
			info.sizes = append(info.sizes, sizes...)
			if terms := nameTerms(masked); len(terms) > 0 {
				info.nameIDs = append(info.nameIDs, int32(len(idx.names)))
				idx.addName(int32(len(m.products)), terms)
			}
		}
		m.brands[bi].products = append(m.brands[bi].products, len(m.products))
		m.products = append(m.products, info)
	}
	for i := range m.brands {
		m.brands[i].index.finish()
		m.brands[i].twins = m.findTwins(i)
	}
	m.indexPhotos()
	return m, nil
}

// indexPhotos puts every hashed official photo and its variants into the
// pHash index, and those with a trustworthy PDQ hash (quality at least
// image.min_pdq_quality) into the PDQ index.
func (m *Matcher) indexPhotos() {
	var phash, dhash, pdq []uint64
	for pi := range m.products {
		for k, im := range m.products[pi].product.Images {
			ref := imageRef{product: pi, photo: k + 1}
			add := func(p, d uint64, q shadowscan.PDQ, kind string) {
				ref.variant = kind
				if p != 0 || d != 0 {
					phash, dhash = append(phash, p), append(dhash, d)
					m.imgRefs = append(m.imgRefs, ref)
				}
				if !q.IsZero() && im.PDQQuality >= m.det.Image.MinPDQQuality {
					pdq = append(pdq, q[:]...)
					m.pdqRefs = append(m.pdqRefs, ref)
				}
			}
			add(im.PHash, im.DHash, im.PDQ, "")
			for _, v := range im.Variants {
				add(v.PHash, v.DHash, v.PDQ, v.Kind)
			}
		}
	}
	m.img = newHashIndex(phash, 1, dhash, m.det.Image.MaxPHashDistance)
	m.pdq = newHashIndex(pdq, len(shadowscan.PDQ{}), nil, m.det.Image.MaxPDQDistance)
}

// nameTerms returns the distinct index terms of a product name masked by
// maskName: without the brand's own names, marketing words and sizes.
func nameTerms(masked string) []string {
	var terms []string
	for _, tk := range indexTokens(masked) {
		if w := masked[tk.start:tk.end]; !slices.Contains(terms, w) {
			terms = append(terms, w)
		}
	}
	return terms
}

// maskName returns compact product name t with the brand's own names,
// marketing words and sizes blanked out.
func (m *Matcher) maskName(t string, brand int, sizes []size) string {
	var spans []token
	for _, h := range m.dict.find(t, wordStarts(t)) {
		p := m.dict.phrases[h.phrase]
		if (p.kind == kindBrand && p.ref == brand) || p.kind == kindMarketing {
			spans = append(spans, token{h.start, h.end})
		}
	}
	for _, s := range sizes {
		spans = append(spans, token{s.start, s.end})
	}
	return mask(t, spans)
}

// validateDetection checks the knobs the matcher relies on.
func validateDetection(d *rules.Detection) error {
	fe := func(field, msg, accepted string) error {
		return &shadowscan.FieldError{File: d.File, Field: field, Msg: msg, Accepted: accepted}
	}
	switch {
	case d.Threshold < 0 || d.Threshold > 100:
		return fe("threshold", fmt.Sprintf("%d is out of range", d.Threshold), "a score from 0 to 100, such as 60")
	case bad01(d.Price.CounterfeitRatio):
		return fe("price.counterfeit_ratio", fmt.Sprintf("%v is out of range", d.Price.CounterfeitRatio), "a fraction of the list price from 0 to 1, such as 0.5")
	case bad01(d.Price.PlausibleRatio):
		return fe("price.plausible_ratio", fmt.Sprintf("%v is out of range", d.Price.PlausibleRatio), "a fraction of the list price from 0 to 1, such as 0.7")
	case d.Price.PlausibleRatio < d.Price.CounterfeitRatio:
		return fe("price.plausible_ratio", fmt.Sprintf("%v is under counterfeit_ratio %v", d.Price.PlausibleRatio, d.Price.CounterfeitRatio), "a ratio at or above counterfeit_ratio")
	case math.IsNaN(d.Price.PlaceholderRatio) || d.Price.PlaceholderRatio < 0 || (d.Price.PlaceholderRatio > 0 && d.Price.PlaceholderRatio >= d.Price.CounterfeitRatio):
		return fe("price.placeholder_ratio", fmt.Sprintf("%v is out of range", d.Price.PlaceholderRatio), "a fraction from 0 to under counterfeit_ratio, such as 0.02")
	case math.IsNaN(d.Price.RateTolerance) || d.Price.RateTolerance < 0 || d.Price.RateTolerance > 0.2:
		return fe("price.rate_tolerance", fmt.Sprintf("%v is out of range", d.Price.RateTolerance), "a fraction from 0 to 0.2, such as 0.03")
	case math.IsNaN(d.Price.MarketMADs) || d.Price.MarketMADs < 0 || d.Price.MarketMADs > 100:
		return fe("price.market_mads", fmt.Sprintf("%v is out of range", d.Price.MarketMADs), "a number of deviations from 0 to 100, such as 3")
	case d.Price.MinMarketSamples < 0:
		return fe("price.min_market_samples", fmt.Sprintf("%d is negative", d.Price.MinMarketSamples), "a count of 0 or more, such as 5")
	case d.Image.MaxPHashDistance < 0 || d.Image.MaxPHashDistance > 24:
		return fe("image.max_phash_distance", fmt.Sprintf("%d is out of range", d.Image.MaxPHashDistance), "a Hamming distance from 0 to 24 bits, such as 10")
	case d.Image.MaxDHashDistance < 0 || d.Image.MaxDHashDistance > 64:
		return fe("image.max_dhash_distance", fmt.Sprintf("%d is out of range", d.Image.MaxDHashDistance), "a Hamming distance from 0 to 64 bits, such as 12")
	case d.Image.MaxPDQDistance < 0 || d.Image.MaxPDQDistance > 64:
		return fe("image.max_pdq_distance", fmt.Sprintf("%d is out of range", d.Image.MaxPDQDistance), "a Hamming distance from 0 to 64 bits of 256, such as 31")
	case d.Image.MinPDQQuality < 0 || d.Image.MinPDQQuality > 100:
		return fe("image.min_pdq_quality", fmt.Sprintf("%d is out of range", d.Image.MinPDQQuality), "a PDQ quality from 0 to 100, such as 50")
	case bad01(d.Text.MinCoverage):
		return fe("text.min_coverage", fmt.Sprintf("%v is out of range", d.Text.MinCoverage), "a fraction from 0 to 1, such as 0.6 (0 for the default)")
	}
	for code, r := range d.Rates {
		if math.IsNaN(r) || math.IsInf(r, 0) || r <= 0 {
			return fe("rates."+code, fmt.Sprintf("%v is not a usable rate", r), "a positive number, the value of one unit in the common unit")
		}
	}
	return nil
}

func bad01(f float64) bool { return math.IsNaN(f) || f < 0 || f > 1 }

// addLookAlikeForms keeps the Latin words and CJK runs of brand i's
// compact name t that look-alike brands imitate.
func (m *Matcher) addLookAlikeForms(i int, t string) {
	bi := &m.brands[i]
	for _, tk := range wordStarts(t) {
		if w := t[tk.start:tk.end]; len(w) >= minLookAlikePrefix && typoCandidate(w) && !slices.Contains(bi.latin, w) {
			bi.latin = append(bi.latin, w)
		}
	}
	for _, r := range cjkRuns(t) {
		if len(r) >= 2 && !slices.ContainsFunc(bi.cjk, func(c []rune) bool { return string(c) == string(r) }) {
			bi.cjk = append(bi.cjk, r)
		}
	}
}

// addWords puts the rules' word lists into the phrase dictionary.
func (m *Matcher) addWords(w rules.Words) {
	before := map[string]bool{}
	for _, t := range w.AccessoryBefore {
		before[compact(t)] = true
		m.dict.add(t, kindAccessoryBefore, -1)
	}
	for _, t := range w.Accessory {
		if !before[compact(t)] {
			m.dict.add(t, kindAccessory, -1)
		}
	}
	for _, l := range []struct {
		words []string
		kind  phraseKind
	}{
		{w.RedFlag, kindRedFlag}, {w.CodeTampered, kindCode}, {w.Defamation, kindDefamation},
		{w.Marketing, kindMarketing}, {w.SecondHand, kindSecondHand}, {w.NotOffer, kindNotOffer},
		{w.Alternative, kindAlternative}, {w.Dupe, kindDupe},
	} {
		for _, t := range l.words {
			m.dict.add(t, l.kind, -1)
		}
	}
	// Counterfeit words as sellers disguise them (disguise.go).
	m.leet = map[string]bool{}
	for _, t := range w.RedFlag {
		c := compact(t)
		for _, f := range pinyinForms(c) {
			m.dict.add(f, kindRedFlag, -1)
		}
		if c != "" && typoCandidate(c) {
			m.leet[c] = true
		}
	}
}
