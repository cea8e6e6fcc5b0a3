package matcher

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Match runs in passes: analyse (scanText, classify, matchImages), link
// (link), then judge, which is the signal passes below in order (text,
// image, seller, words, price), then categorise and score. Each signal pass
// adds reasons with points; categorise reads what they found from the
// judgement.

// judgement is one listing's verdict on its way through the signal passes.
type judgement struct {
	m *Matcher
	a *analysis
	l *shadowscan.Listing
	w rules.Weights

	v       shadowscan.Verdict
	reasons []shadowscan.Reason
	terms   []string

	brand      *shadowscan.Brand
	brandWords []string              // the words naming the brand, title and description
	prod       *shadowscan.Product   // the linked product, or nil
	tied       []*shadowscan.Product // near twins judged as a set, when prod is nil
	// offer is false for a review, a guide or a named alternative: they
	// offer no product of the brand. resale is a private resale of a used
	// unit, whose price and seller say nothing about where it came from.
	offer, resale bool
	// private is true when the page types an unregistered seller as a
	// private individual (Listing.PrivateSeller).
	private bool
	// stock is the stock word that makes a seller's second-hand words a
	// dealer's (stockWord), or "".
	stock    string
	photo    *imageHit // the official photo found, or nil
	role     shadowscan.SellerRole
	diverted bool // an authorised seller ships from outside its region (region.go)
	defam    []wordHit
	price    priceSignals
}

// priceSignals are what the price pass found.
type priceSignals struct {
	farBelow, underPlausible, underFloor bool
	placeholder                          bool // a price far too low to be an offer (¥0.01)
}

const resaleNote = " (a private resale: not counted)"

// judge turns the analysis into a verdict: reasons with points, score,
// category and flag.
func (m *Matcher) judge(a *analysis, l *shadowscan.Listing) shadowscan.Verdict {
	// The brand: the product's, else the first one named.
	if a.brand < 0 && len(a.brandHits) > 0 {
		a.brand = a.brandHits[0].ref
	}
	if a.brand < 0 {
		return shadowscan.Verdict{}
	}
	j := &judgement{m: m, a: a, l: l, w: m.det.Weights, brand: m.brands[a.brand].brand}
	j.v.BrandID = j.brand.ID
	j.brandWords = m.brandWords(a, a.brand)
	if a.product >= 0 {
		j.prod = m.products[a.product].product
		j.v.SKU = j.prod.SKU
	}
	if j.prod == nil && len(a.tied) > 1 {
		for _, c := range a.tied {
			p := m.products[c.product].product
			j.tied = append(j.tied, p)
			j.v.Candidates = append(j.v.Candidates, p.SKU)
		}
	}
	otherMaker := len(a.foreign) > 0 || len(a.comparedOnly) > 0 || a.declared == declaredOther
	j.offer = len(a.notOffer) == 0 && len(a.alternative) == 0 && (!otherMaker || len(a.redFlags) > 0)
	j.stock = a.stockWord()
	j.role = j.brand.RoleOf(l.Site, l.SellerID)
	// A private seller (the page types it a Person) selling one unit is a
	// private resale as much as one who says the unit is used.
	j.private = l.PrivateSeller && j.role == shadowscan.RoleUnknown
	j.resale = j.offer && (len(a.secondHand) > 0 || j.private) && j.stock == ""

	j.text()
	j.image()
	j.seller()
	j.words()
	j.prices()
	j.region()
	j.categorise()
	j.score()
	return j.v
}

func (j *judgement) add(signal string, points int, format string, args ...any) {
	detail := format
	if len(args) > 0 {
		detail = fmt.Sprintf(format, args...)
	}
	j.reasons = append(j.reasons, shadowscan.Reason{Signal: signal, Detail: detail, Points: points})
}

func (j *judgement) addTerms(ws ...string) {
	for _, s := range ws {
		if s != "" && !slices.Contains(j.terms, s) {
			j.terms = append(j.terms, s)
		}
	}
}

// subject reports whether the listing offers a catalogue product: one, or
// one of a set of near twins.
func (j *judgement) subject() bool { return j.prod != nil || len(j.tied) > 0 }

// named reports whether the listing's text names the brand.
func (j *judgement) named() bool { return len(j.brandWords) > 0 }

// points is the listing's points unless excused by a private resale.
func (j *judgement) points(p int) (int, string) {
	if j.resale {
		return 0, resaleNote
	}
	return p, ""
}

// text says what the title names: the product, one of near twins, or the
// brand only; and what makes it something other than an offer.
func (j *judgement) text() {
	a := j.a
	switch {
	case j.prod != nil && a.byText:
		j.textProduct()
	case len(j.tied) > 0:
		j.textTwins()
	case j.named():
		j.addTerms(j.brandWords...)
		j.add("brand", j.w.BrandMention, "%s names the brand %s (%s)", brandField(a, a.brand), j.brand.Name, quoteList(j.brandWords))
	}
	j.textNotes()
}

// textProduct says which words of the title name the linked product.
func (j *judgement) textProduct() {
	m, a := j.m, j.a
	words := m.titleBrandWords(a, a.brand)
	words = append(words, m.productWords(a, a.cand)...)
	for _, s := range a.sizes {
		if slices.ContainsFunc(m.products[a.product].sizes, func(p size) bool { return p.dim == s.dim && sameQuantity(p.value, s.value) }) {
			words = append(words, a.title.t[s.start:s.end])
		}
	}
	j.addTerms(words...)
	detail := "title names " + j.prod.Name + " (" + quoteList(words) + ")"
	switch {
	case a.byDescOnly:
		detail = "title names the brand (" + quoteList(words) + "), the description names " + j.prod.Name
	case a.bySize:
		detail = "title names the brand and a size only " + j.prod.Name + " has (" + quoteList(words) + ")"
	case a.brandByPhoto:
		detail += " without its brand, shown with the brand's official photo"
	}
	if len(a.cand.typos) > 0 {
		var ts []string
		for from, to := range a.cand.typos {
			ts = append(ts, fmt.Sprintf("%q read as %q", from, to))
		}
		slices.Sort(ts)
		detail += "; " + strings.Join(ts, ", ")
	}
	j.add("text", j.w.ProductMatch, "%s", detail)
	if a.byDesc {
		j.add("text", 0, "the title fits near twins; the description names %s's line or size", j.prod.SKU)
	}
}

// textTwins says which words of the title name the near twins.
func (j *judgement) textTwins() {
	m, a := j.m, j.a
	words := m.titleBrandWords(a, a.brand)
	for i := range a.tied {
		for _, x := range m.productWords(a, &a.tied[i]) {
			if !slices.Contains(words, x) {
				words = append(words, x)
			}
		}
	}
	for _, s := range a.sizes {
		words = append(words, a.title.t[s.start:s.end])
	}
	j.addTerms(words...)
	how := "title names"
	switch {
	case a.byKind:
		words = append(words, a.noun)
		how = "title names the brand, a size and a product of the same kind (" + strconv.Quote(a.noun) + ") as"
	case a.bySize:
		how = "title names the brand, a size and a product word of"
	}
	j.add("text", j.w.ProductMatch, "%s one of %s (%s)", how, strings.Join(j.v.Candidates, ", "), quoteList(words))
}

// textNotes adds what makes the listing something other than an offer of
// the product, and the products it fits equally.
func (j *judgement) textNotes() {
	m, a := j.m, j.a
	if len(a.accessoryWords) > 0 {
		j.add("text", 0, "title names an accessory (%s), not the product itself", quoteList(a.accessoryWords))
	}
	if len(a.notOffer) > 0 {
		j.add("text", 0, "%s: writes about the product rather than offering it", saysList(outermost(a.notOffer)))
	}
	if len(a.alternative) > 0 {
		j.add("text", 0, "%s: another brand's product compared with %s, not a catalogue product", saysList(outermost(a.alternative)), j.brand.Name)
	}
	if len(a.foreign) > 0 {
		how := "another brand's product, with " + j.brand.Name + "'s name added for search"
		if len(a.redFlags) > 0 {
			how = "another brand's name, but the counterfeit words say the goods copy " + j.brand.Name + "'s"
		}
		j.add("text", 0, "title opens with %s before the product words: %s", quoteList([]string{strings.Join(a.foreign, " ")}), how)
	}
	if len(a.comparedOnly) > 0 {
		how := "another brand's product compared with it, not " + j.brand.Name + "'s"
		if len(a.redFlags) > 0 {
			how = "but the counterfeit words say the goods copy " + j.brand.Name + "'s"
		}
		var ws []string
		for _, h := range a.comparedOnly {
			ws = append(ws, h.word)
		}
		j.add("text", 0, "title names %s only in a comparison (%s): %s", j.brand.Name, quoteList(ws), how)
	}
	if a.declared == declaredOther && j.subject() {
		how := "another maker's product with " + j.brand.Name + "'s name added for search"
		if len(a.redFlags) > 0 {
			how = "but the counterfeit words say the goods copy " + j.brand.Name + "'s"
		}
		j.add("text", 0, "the description's brand field names %s: %s", quoteList([]string{a.declaredName}), how)
	}
	if len(a.leadUnsure) > 0 && j.subject() {
		j.add("text", 0, "title opens with %s before the product words: perhaps another brand's name; check the brand on the photos", quoteList([]string{strings.Join(a.leadUnsure, " ")}))
	}
	if j.resale && len(a.secondHand) == 0 {
		j.add("text", 0, "the page names the seller a private individual (schema.org Person): a private resale; price and seller alone do not flag it")
	} else if j.resale {
		j.add("text", 0, "%s: a private resale of a used unit; price and seller alone do not flag it", saysList(outermost(a.secondHand)))
	} else if j.offer && len(a.secondHand) > 0 {
		j.add("text", 0, "%s, but %s: stock for sale, not a private resale", saysList(outermost(a.secondHand)), quoteList([]string{j.stock}))
	} else if j.offer && j.private {
		j.add("text", 0, "the page names the seller a private individual, but %s: stock for sale, not a private resale", quoteList([]string{j.stock}))
	}
	if len(a.ambiguous) > 1 {
		var skus []string
		for _, p := range a.ambiguous {
			skus = append(skus, m.products[p].product.SKU)
		}
		list := strings.Join(skus[:len(skus)-1], ", ") + " and " + skus[len(skus)-1]
		if len(j.tied) > 0 {
			j.add("text", 0, "title and photos fit %s equally: judged against all of them; pick the product when reviewing", list)
		} else {
			j.add("text", 0, "title and photos fit %s equally: no single product chosen", list)
		}
	}
}

// image finds an official photo of the product, or of another product of
// the brand (a stolen brand photo either way).
func (j *judgement) image() {
	m, a := j.m, j.a
	if !j.offer {
		return
	}
	for i := range a.images {
		if a.images[i].product == a.product {
			j.photo = &a.images[i]
			break
		}
	}
	if j.photo == nil && len(a.accessoryWords) == 0 {
		for i := range a.images {
			if m.products[a.images[i].product].brand == a.brand {
				j.photo = &a.images[i]
				break
			}
		}
	}
	if j.photo != nil {
		points, note := j.points(j.w.ImageMatch)
		j.add("image", points, "photo %d is the official photo of %s%s%s", j.photo.photo,
			m.products[j.photo.product].product.SKU, j.photo.describe(), note)
	}
}

// seller says who sells: an official or authorised shop, or, when the
// listing offers the brand's product, an unknown one and its record.
func (j *judgement) seller() {
	l := j.l
	seller := cmp.Or(l.SellerID, "(none named)")
	switch j.role {
	case shadowscan.RoleOfficial:
		j.add("seller", 0, "seller %s is an official shop of %s", seller, j.brand.Name)
	case shadowscan.RoleAuthorized:
		j.add("seller", 0, "seller %s is an authorised seller of %s", seller, j.brand.Name)
	default:
		if !j.offer || (!j.subject() && j.photo == nil) {
			return
		}
		points, note := j.points(j.w.UnknownSeller)
		j.add("seller", points, "seller %s is not official or authorised for %s%s", seller, j.brand.Name, note)
		if j.m.history != nil && l.SellerID != "" {
			if n := j.m.history(l.Site, l.SellerID); n > 0 {
				j.add("seller", j.w.RepeatOffender, "seller %s already has %d confirmed %s", seller, n, plural(n, "hit", "hits"))
			}
		}
		if j.m.network != nil && l.SellerID != "" {
			if r := j.m.network(l.Site, l.SellerID); r != "" {
				j.add("network", j.w.Network, "seller %s is %s", seller, r)
			}
		}
		if j.m.relist != nil {
			if id, r := j.m.relist(l, j.v.SKU); id != 0 {
				j.add("relist", j.w.Relist, "%s", r)
				j.reasons[len(j.reasons)-1].Hit = id
			}
		}
	}
}

// words adds the counterfeit, code-removal and defamation words.
func (j *judgement) words() {
	a := j.a
	a.redFlags, a.codes = outermost(a.redFlags), outermost(a.codes)
	if len(a.redFlags) > 0 {
		j.add("words", j.w.RedFlagWord, "%s (counterfeit %s)", saysList(a.redFlags), plural(countWords(a.redFlags), "word", "words"))
		for _, h := range a.redFlags {
			j.addTerms(h.word)
		}
	}
	if len(a.shopWords) > 0 && len(a.redFlags) == 0 {
		j.add("words", 0, "%s only inside the seller's name %q: a shop's name, not a claim about these goods", saysList(outermost(a.shopWords)), a.sellerName)
	}
	if len(a.codes) > 0 {
		j.add("words", j.w.CodeTampered, "%s (codes removed)", saysList(a.codes))
		for _, h := range a.codes {
			j.addTerms(h.word)
		}
	}
	for _, h := range a.defamation {
		if h.ref < 0 || h.ref == a.brand {
			j.defam = append(j.defam, h)
		}
	}
	j.defam = outermost(j.defam)
	if len(j.defam) > 0 && j.named() {
		j.add("defamation", j.w.Defamation, "%s about %s", saysList(j.defam), j.brand.Name)
		for _, h := range j.defam {
			j.addTerms(h.word)
		}
	} else if len(a.rebutted) > 0 && j.named() {
		j.add("defamation", 0, "%s, but the listing %s: it quotes the claim to rebut it, no attack on %s", saysList(outermost(a.rebutted)), a.rebuttedWhy, j.brand.Name)
	}
}

// prices compares the price with the product's list price and floor, or
// with the lowest of near twins'. Official shops price as they like.
func (j *judgement) prices() {
	if !j.offer || j.role == shadowscan.RoleOfficial {
		return
	}
	switch {
	case j.prod != nil:
		j.price = j.m.judgePrice(j.l, j.floorOf(j.prod), j.role, j.m.packOf(j.a), j.resale, "", j.add)
	case len(j.tied) > 0:
		if ref, ok := lowestOf(j.floorsOf(j.tied)); ok {
			j.price = j.m.judgePrice(j.l, &ref, j.role, pack{n: 1}, j.resale, " (the lowest of "+strings.Join(j.v.Candidates, ", ")+")", j.add)
		}
	}
	if j.role == shadowscan.RoleUnknown && j.photo != nil && j.price.underPlausible && !j.price.farBelow && !j.resale {
		// Resellers of genuine goods show the brand's photos as often as
		// counterfeiters do: a cheap price with one is for the analyst to
		// weigh, not a counterfeit claim.
		j.add("price", 0, "cheap for genuine stock and shown with an official photo, which resellers use as well: check for a counterfeit")
	}
}

// categoryRule is one line of the category table: for a seller of role,
// the first rule whose condition holds gives the category ("" for none);
// note, when set, is added as a reason.
type categoryRule struct {
	role     shadowscan.SellerRole
	category shadowscan.Category
	when     func(j *judgement) bool
	note     string
}

// categoryRules is the order of precedence of the categories. Official
// shops have no rule: they are never flagged.
var categoryRules = []categoryRule{
	{role: shadowscan.RoleAuthorized, category: shadowscan.CategoryCodeTampered,
		when: func(j *judgement) bool { return j.subject() && j.offer && (len(j.a.codes) > 0 || j.diverted) }},
	{role: shadowscan.RoleAuthorized, category: shadowscan.CategoryPriceDumping,
		when: func(j *judgement) bool { return j.subject() && j.offer && !j.resale && j.price.underFloor }},

	{role: shadowscan.RoleUnknown, category: shadowscan.CategoryDefamation,
		when: func(j *judgement) bool { return len(j.defam) > 0 && j.named() }},
	{role: shadowscan.RoleUnknown, // nothing of the brand's offered
		when: func(j *judgement) bool { return !j.subject() || !j.offer }},
	// A seller's own words calling the goods a copy (原单, 高仿) make them
	// counterfeit whatever was done to their codes; codes removed from
	// goods that are only cheap say genuine goods diverted.
	{role: shadowscan.RoleUnknown, category: shadowscan.CategoryCounterfeit,
		when: func(j *judgement) bool { return len(j.a.redFlags) > 0 }},
	{role: shadowscan.RoleUnknown, category: shadowscan.CategoryCodeTampered,
		when: func(j *judgement) bool { return len(j.a.codes) > 0 }},
	{role: shadowscan.RoleUnknown, category: shadowscan.CategoryCounterfeit,
		when: func(j *judgement) bool { return len(j.a.redFlags) > 0 || (!j.resale && j.price.farBelow) }},
	{role: shadowscan.RoleUnknown, // a private resale: price and seller alone say nothing
		when: func(j *judgement) bool { return j.resale }},
	{role: shadowscan.RoleUnknown, note: "no price shown: an unauthorised sale needs one",
		when: func(j *judgement) bool { return !j.l.HasPrice || j.l.Price <= 0 }},
	{role: shadowscan.RoleUnknown, // a placeholder price (its reason says so) offers nothing to judge
		when: func(j *judgement) bool { return j.price.placeholder }},
	{role: shadowscan.RoleUnknown, category: shadowscan.CategoryUnauthorizedSeller,
		when: func(*judgement) bool { return true }},
}

// categorise applies the category table.
func (j *judgement) categorise() {
	for _, r := range categoryRules {
		if r.role != j.role || !r.when(j) {
			continue
		}
		j.v.Category = r.category
		if r.note != "" {
			j.add("price", 0, "%s", r.note)
		}
		return
	}
}

// score sums the points, flags at the threshold and calibrates the score
// (score.go): a flag whose product the title does not name alone stays
// under 90, and the hit says why.
func (j *judgement) score() {
	a, v := j.a, &j.v
	points := 0
	for _, r := range j.reasons {
		points += r.Points
	}
	v.Points = max(points, 0)
	v.Flagged = v.Category != "" && v.Points >= j.m.det.Threshold
	if !v.Flagged {
		v.Category = ""
	}
	var unsure string
	switch {
	case len(j.tied) > 0:
		unsure = "the listing fits " + strings.Join(v.Candidates, ", ") + " equally"
	case j.prod != nil && !a.byText:
		unsure = "only a photo links it to " + j.prod.SKU
	case j.prod != nil && a.brandByPhoto:
		unsure = "only the official photo says the goods are " + j.brand.Name + "'s"
	case j.prod != nil && a.byDescOnly:
		unsure = "only the description names " + j.prod.SKU
	case j.prod != nil && a.byDesc:
		unsure = "the title fits near twins; the description names " + j.prod.SKU + "'s line or size"
	case j.prod != nil && a.bySize:
		unsure = "the product is read from the brand and a size, its name misspelt"
	case j.prod != nil && len(a.cand.typos) > 0:
		unsure = "the product name is read through a typo"
	case len(a.leadUnsure) > 0:
		unsure = "the title opens with another name"
	}
	v.Score = calibrate(v.Points, j.m.det.Threshold, v.Flagged, unsure != "")
	if v.Flagged && unsure != "" && v.Score == unsureCap {
		j.add("score", 0, "score held under 90: %s", unsure)
	}
	slices.SortStableFunc(j.reasons, func(x, y shadowscan.Reason) int { return cmp.Compare(y.Points, x.Points) })
	v.Reasons = j.reasons
	v.MatchedTerms = j.terms
}

// stockWords say the seller has many units to sell: a reseller who calls
// the goods "闲置" (spare) or "second-hand" to look like a private seller
// ("闲置｜全新… 有十几瓶 可以批发").
var stockWords = []string{
	"可以批发", "可批发", "支持批发", "量大从优", "量大可", "量大更", "有十几", "有几十", "十几瓶", "几十瓶", "十几盒", "几十盒", "十几支", "十几件",
	"wholesale available", "wholesale welcome", "bulk available", "bulk orders", "have a dozen", "dozens available", "dozens in stock",
}

// stockWord returns the first stock word in the title or description, or "".
func (a *analysis) stockWord() string {
	for _, x := range []*text{&a.title, &a.desc} {
		for _, w := range stockWords {
			if indexWord(x.t, w) >= 0 {
				return w
			}
		}
	}
	return ""
}
