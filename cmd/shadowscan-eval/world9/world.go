package world9

import (
	"cmp"
	"io/fs"
	"math"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML, per SPEC.md)
	Handler http.Handler // serves the whole marketplace (search pages, listing pages, photos, robots.txt)
}

// Label is the truth about one listing page.
type Label struct {
	Site     string // Site.Name
	Path     string // the listing page's canonical URL path and query, as linked from search results
	Flagged  bool
	Category string // when Flagged: counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation
	Brand    string // the catalogue brand id the listing is about ("" if none)
	SKU      string // the catalogue product it offers ("" for defamation or when none)
	Why      string // which rule of the label policy gave this label
}

// seller is a shop or a person on one site.
type seller struct {
	ID, Name string
	Class    string // official, authorised, business, personal
	Brand    string // for official and authorised: the brand
	Cur      string // bazaarly: the currency the shop prices in
	Loc      string
}

// listing is one listing page and the facts its label follows from.
type listing struct {
	Site, ID, Path string
	Title, Sub     string
	Desc           []string
	Attrs          [][2]string
	Price, High    float64 // selling price (low end), range high end or 0
	Coupon, Ref    float64 // 券后/coupon price, struck reference price, or 0
	PriceStyle     int
	Cur            string
	Seller         *seller
	Photos         []photo
	Sales          int
	Used           bool
	Removed        bool
	Fault          string // slow, once503, malformed
	Shape          int    // bazaarly JSON-LD layout
	OwnBrand       string // bazaarly: the brand the JSON-LD names
	OwnSKU         string // bazaarly: the seller's sku, "" for none

	kind     string
	offered  *product // the catalogue product offered, nil if none
	about    *brand   // the brand the listing is about
	cfWord   string   // counterfeit announcement
	codeWord string   // code removal wording
	attack   string   // false factual attack
}

type world struct {
	brands   []*brand
	catalog  fs.FS
	listings map[string][]*listing // by site, in generation order
	rules    map[string][]byte
}

var (
	once   sync.Once
	theWld *world
)

func get() *world {
	once.Do(func() { theWld = build() })
	return theWld
}

func build() *world {
	w := &world{brands: buildBrands(), listings: map[string][]*listing{}, rules: map[string][]byte{}}
	cn := cnSellers(w.brands)
	en := enSellers(w.brands)
	w.catalog = catalogFiles(w.brands)
	w.listings[siteCN] = genCN(w.brands, cn, rand.New(rand.NewPCG(9, 2026)))
	w.listings[siteEN] = genEN(w.brands, en, rand.New(rand.NewPCG(9, 4052)))
	w.rules[siteCN] = []byte(ruleCN)
	w.rules[siteEN] = []byte(ruleEN)
	return w
}

// Sites returns the two marketplaces with fresh handlers (one-off faults are per handler).
func Sites() []Site {
	w := get()
	return []Site{
		{Name: siteCN, Rule: w.rules[siteCN], Handler: newCNHandler(w.listings[siteCN])},
		{Name: siteEN, Rule: w.rules[siteEN], Handler: newENHandler(w.listings[siteEN])},
	}
}

// Catalog returns the catalogue files and their official photos.
func Catalog() fs.FS { return get().catalog }

// Labels returns one label per listing page, sorted by site then path.
func Labels() []Label {
	w := get()
	var out []Label
	for _, site := range []string{siteCN, siteEN} {
		for _, l := range w.listings[site] {
			out = append(out, l.label())
		}
	}
	slices.SortFunc(out, func(a, b Label) int { return cmp.Or(cmp.Compare(a.Site, b.Site), cmp.Compare(a.Path, b.Path)) })
	return out
}

// label applies the README's label policy to the listing's facts.
func (l *listing) label() Label {
	lb := Label{Site: l.Site, Path: l.Path}
	if l.Removed {
		lb.Why = "R1 removed page"
		return lb
	}
	if l.about != nil {
		lb.Brand = l.about.ID
	}
	flag := func(cat, why string) Label {
		lb.Flagged, lb.Category, lb.Why = true, cat, why
		return lb
	}
	if p := l.offered; p != nil {
		lb.SKU = p.SKU
		class := l.Seller.Class
		if (class == "official" || class == "authorised") && l.Seller.Brand != p.brand.ID {
			class = "business"
		}
		ratio := l.Price / p.in(l.Cur, p.Price)
		switch {
		case class == "official":
			lb.Why = "R2 official seller"
			return lb
		case l.cfWord != "":
			return flag("counterfeit", "R3 counterfeit wording: "+l.cfWord)
		case l.codeWord != "":
			return flag("code_tampered", "R4 code removed: "+l.codeWord)
		case class == "personal":
			lb.Why = "R9 personal sale"
			return lb
		case class == "business" && ratio < 0.40:
			return flag("counterfeit", "R5 new goods under 40% of list")
		case class == "authorised" && l.Price < p.in(l.Cur, p.Min):
			return flag("price_dumping", "R6 authorised seller under min_price")
		case class == "business":
			return flag("unauthorized_seller", "R7 unauthorised business seller")
		}
		lb.Why = "R9 authorised seller at or above floor"
		return lb
	}
	if l.attack != "" {
		lb.Flagged, lb.Category, lb.Why = true, "defamation", "R8 false factual attack: "+l.attack
		return lb
	}
	lb.Why = "R9 not an offer of a catalogue product (" + l.kind + ")"
	return lb
}

// round helpers keep generated prices on the intended side of a threshold.
func ceilTo(v, step float64) float64  { return math.Ceil(v/step-1e-9) * step }
func floorTo(v, step float64) float64 { return math.Floor(v/step+1e-9) * step }

// ceil99 is the smallest x.99 at or above v; floor99 the largest at or below.
func ceil99(v float64) float64  { return math.Ceil(v+0.01) - 0.01 }
func floor99(v float64) float64 { return math.Floor(v+0.01) - 0.01 }

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

func between(rng *rand.Rand, a, b float64) float64 { return a + rng.Float64()*(b-a) }

// pickBrand draws a brand with the world's popularity weights.
func pickBrand(rng *rand.Rand, bs []*brand) *brand {
	x := rng.Float64()
	switch {
	case x < 0.42:
		return bs[0]
	case x < 0.77:
		return bs[1]
	}
	return bs[2]
}
