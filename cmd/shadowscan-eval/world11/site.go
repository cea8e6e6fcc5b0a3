package world11

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// listing is one listing page of a site.
type listing struct {
	id, path, slug string
	title, desc    string
	attrs          [][2]string
	price, hi      float64 // hi > 0: a price range
	orig           float64 // struck-through "original" price
	promo          string  // coupon or campaign line beside the price
	currency       string
	seller         *seller
	photos         []string // photo paths
	sold           int
	used           bool
	avail          string // tradeloft: InStock, OutOfStock, PreOrder
	removed        int    // 0 live; 1 taken-down page (taoxi 200 page, tradeloft 410); 2 404
	fault          string // slow, flaky, malformed
	vendorSKU      string
	label          Label
	norm           string // search form of the title
}

// siteData is one generated marketplace; handlers only read it.
type siteData struct {
	name     string
	pageSize int
	maxPages int
	listings []*listing
	byPath   map[string]*listing
	photos   map[string]photoSpec
	tokens   bool // tradeloft: word tokens; taoxi: substring and bigrams
	rng      *rand.Rand
	nextID   uint64

	flakyPhoto string // answers 503 once
	slowQuery  string // its page 2 is slow
}

func newSite(name string, seed uint64, pageSize int, tokens bool) *siteData {
	return &siteData{
		name: name, pageSize: pageSize, maxPages: 10, tokens: tokens,
		byPath: map[string]*listing{}, photos: map[string]photoSpec{},
		rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
	}
}

func (sd *siteData) add(l *listing) {
	l.label.Site = sd.name
	l.label.Path = l.path
	if _, dup := sd.byPath[l.path]; dup {
		panic("duplicate listing path " + l.path)
	}
	l.norm = normText(l.title)
	sd.byPath[l.path] = l
	sd.listings = append(sd.listings, l)
}

// prune drops listings no default query reaches within the site's page
// limit, so every labelled page can be found the way a scan finds it.
func (sd *siteData) prune() {
	qs := defaultQueries()
	for {
		reach := map[*listing]bool{}
		for _, q := range qs {
			res := sd.search(q)
			if n := sd.pageSize * sd.maxPages; len(res) > n {
				res = res[:n]
			}
			for _, l := range res {
				reach[l] = true
			}
		}
		var keep []*listing
		for _, l := range sd.listings {
			if reach[l] {
				keep = append(keep, l)
			} else {
				delete(sd.byPath, l.path)
			}
		}
		if len(keep) == len(sd.listings) {
			return
		}
		sd.listings = keep
	}
}

var unitJoin = regexp.MustCompile(`(\d)\s+(ml|g|kg|l|cm|oz|pcs|ct)\b`)

// normText lower-cases, folds full-width forms and joins numbers to units.
func normText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0x3000:
			r = ' '
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return unitJoin.ReplaceAllString(b.String(), "$1$2")
}

func isCJK(r rune) bool { return unicode.Is(unicode.Han, r) }

func hasCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

var stopwords = map[string]bool{"for": true, "the": true, "with": true, "and": true, "of": true, "a": true, "&": true, "by": true}

func wordTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// termScore says how well one query term matches a title: 1 contained,
// between 0.7 and 1 for a Chinese term most of whose character pairs occur
// (the way a segmenting search engine finds 素兰妮 焕亮精华 for 素兰妮焕亮精华液),
// else 0.
func (sd *siteData) termScore(term string, l *listing) float64 {
	if sd.tokens && !hasCJK(term) {
		for _, t := range wordTokens(l.norm) {
			if t == term || t == term+"s" || t+"s" == term || (len(term) >= 5 && strings.HasPrefix(t, term)) {
				return 1
			}
		}
		return 0
	}
	title := strings.ReplaceAll(l.norm, " ", "")
	if strings.Contains(title, term) {
		return 1
	}
	rs := []rune(term)
	if len(rs) < 3 || !hasCJK(term) {
		return 0
	}
	hit := 0
	for i := 0; i+1 < len(rs); i++ {
		if strings.Contains(title, string(rs[i:i+2])) {
			hit++
		}
	}
	if c := float64(hit) / float64(len(rs)-1); c >= 0.7 {
		return c
	}
	return 0
}

func queryTerms(q string, tokens bool) []string {
	q = normText(q)
	var out []string
	if tokens {
		for _, f := range strings.Fields(q) {
			if hasCJK(f) {
				out = append(out, f)
				continue
			}
			for _, t := range wordTokens(f) {
				if !stopwords[t] {
					out = append(out, t)
				}
			}
		}
		return out
	}
	return strings.Fields(q)
}

// search is the site's search engine: listings whose title matches every
// query term, best first; when nothing matches every term, those matching
// some (as real sites fall back to "related results").
func (sd *siteData) search(q string) []*listing {
	terms := queryTerms(q, sd.tokens)
	if len(terms) == 0 {
		return nil
	}
	type scored struct {
		l     *listing
		all   bool
		score float64
	}
	var res []scored
	anyAll := false
	for _, l := range sd.listings {
		matched, sum := 0, 0.0
		for _, t := range terms {
			if s := sd.termScore(t, l); s > 0 {
				matched++
				sum += s
			}
		}
		if matched == 0 {
			continue
		}
		occ := strings.Count(strings.ReplaceAll(l.norm, " ", ""), strings.ReplaceAll(terms[0], " ", ""))
		score := 100*sum/float64(len(terms)) + 8*float64(min(occ, 3)) + 3*math.Log10(float64(l.sold)+1) - float64(len([]rune(l.title)))/15
		all := matched == len(terms)
		anyAll = anyAll || all
		res = append(res, scored{l, all, score})
	}
	var out []scored
	for _, s := range res {
		if s.all || !anyAll {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].l.id < out[j].l.id
	})
	ls := make([]*listing, len(out))
	for i, s := range out {
		ls[i] = s.l
	}
	return ls
}

// page returns the organic results of one search page and whether another
// page follows.
func (sd *siteData) page(q string, page int) ([]*listing, bool) {
	res := sd.search(q)
	if page < 1 {
		page = 1
	}
	from := (page - 1) * sd.pageSize
	if from >= len(res) {
		return nil, false
	}
	to := min(from+sd.pageSize, len(res))
	return res[from:to], to < len(res)
}

// sponsored picks the ad shown on top of a search page: one of the query's
// own results, so it is also linked organically.
func (sd *siteData) sponsored(q string, page int) *listing {
	res := sd.search(q)
	if len(res) == 0 {
		return nil
	}
	h := fnv.New32a()
	fmt.Fprintf(h, "%s|%d", q, page)
	return res[int(h.Sum32())%min(len(res), 40)]
}

// Helpers for the generators.

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func between(r *rand.Rand, lo, hi float64) float64 { return lo + r.Float64()*(hi-lo) }

// shopPrice rounds a price the way shops do: 298, 299, 268.00, 59.9.
func shopPrice(r *rand.Rand, v float64, cur string) float64 {
	if cur == "CNY" {
		if v >= 100 {
			switch r.IntN(3) {
			case 0:
				return math.Floor(v)
			case 1:
				return math.Floor(v/10)*10 + 9
			default:
				return math.Floor(v/10)*10 + 8
			}
		}
		return math.Floor(v*10) / 10
	}
	switch r.IntN(3) {
	case 0:
		return math.Floor(v) + 0.99
	case 1:
		return math.Floor(v) + 0.95
	default:
		return math.Floor(v*100) / 100
	}
}

// priceAtLeast rounds like shopPrice but never below lo.
func priceAtLeast(r *rand.Rand, v, lo float64, cur string) float64 {
	p := shopPrice(r, v, cur)
	for p < lo {
		v += max(0.3, lo*0.02)
		p = shopPrice(r, v, cur)
	}
	return p
}

// priceBelow rounds like shopPrice but stays under hi.
func priceBelow(r *rand.Rand, v, hi float64, cur string) float64 {
	p := shopPrice(r, v, cur)
	for p >= hi {
		v -= max(0.3, hi*0.02)
		p = shopPrice(r, v, cur)
	}
	return p
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() > 70 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// setFaults marks the listings that misbehave, by position after pruning;
// removed listings are labelled N11 whatever they were.
func (sd *siteData) setFaults(flaky, slow, malformed, takenDown, gone []int) {
	ls := sd.listings
	for _, i := range flaky {
		ls[i].fault = "flaky"
	}
	for _, i := range slow {
		ls[i].fault = "slow"
	}
	for _, i := range malformed {
		ls[i].fault = "malformed"
	}
	for _, i := range takenDown {
		ls[i].removed = 1
	}
	for _, i := range gone {
		ls[i].removed = 2
	}
	for _, l := range ls {
		if l.removed > 0 {
			l.label = Label{Site: l.label.Site, Path: l.label.Path, Why: "N11 removed listing page"}
		}
	}
	sd.flakyPhoto = ls[len(ls)/3].photos[0]
}
