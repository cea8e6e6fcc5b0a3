package world4

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
)

type planItem struct {
	kind, variant string
	n             int
}

var planA = []planItem{
	{kOfficial, "normal", 24}, {kOfficial, "clearance", 3}, {kOfficial, "antifake", 2},
	{kAuthorised, "normal", 17}, {kAuthorised, "floor", 3}, {kAuthorised, "warn", 2},
	{kDumping, "plain", 5}, {kDumping, "copied", 2}, {kDumping, "range", 2},
	{kCounterfeit, "title", 9}, {kCounterfeit, "desc", 5}, {kCounterfeit, "price", 4}, {kCounterfeit, "unusual", 4}, {kCounterfeit, "script", 3}, {kCounterfeit, "twin", 3},
	{kCode, "title", 4}, {kCode, "desc", 2}, {kCode, "param", 2}, {kCode, "unusual", 2}, {kCode, "authorised", 1},
	{kUnauthorized, "copied", 4}, {kUnauthorized, "daigou", 3}, {kUnauthorized, "internal", 3}, {kUnauthorized, "intact", 2},
	{kUnauthorized, "cross", 2}, {kUnauthorized, "trad", 2}, {kUnauthorized, "warn", 2}, {kUnauthorized, "nobrand", 2},
	{kDefamation, "title", 1}, {kDefamation, "desc", 1}, {kDefamation, "competitor", 1}, {kDefamation, "trad", 1},
	{kLookalike, "", 13}, {kAccessory, "", 12}, {kGeneric, "", 20}, {kSecondhand, "", 8}, {kGuide, "", 7}, {kRemoved, "", 2},
}

var planB = []planItem{
	{kOfficial, "normal", 12}, {kOfficial, "clearance", 2},
	{kAuthorised, "normal", 11}, {kAuthorised, "floor", 2}, {kAuthorised, "warn", 1},
	{kDumping, "plain", 3}, {kDumping, "copied", 2}, {kDumping, "range", 1},
	{kCounterfeit, "title", 5}, {kCounterfeit, "desc", 3}, {kCounterfeit, "price", 3}, {kCounterfeit, "unusual", 2}, {kCounterfeit, "script", 2}, {kCounterfeit, "twin", 2},
	{kCode, "title", 2}, {kCode, "desc", 2}, {kCode, "unusual", 1}, {kCode, "authorised", 1},
	{kUnauthorized, "copied", 2}, {kUnauthorized, "daigou", 2}, {kUnauthorized, "internal", 2}, {kUnauthorized, "intact", 1},
	{kUnauthorized, "cross", 2}, {kUnauthorized, "trad", 2}, {kUnauthorized, "warn", 1}, {kUnauthorized, "nobrand", 1},
	{kDefamation, "title", 1}, {kDefamation, "desc", 1}, {kDefamation, "competitor", 1},
	{kLookalike, "", 8}, {kAccessory, "", 7}, {kGeneric, "", 12}, {kSecondhand, "", 6}, {kGuide, "", 5}, {kRemoved, "", 1},
}

func (g *gen) make(it planItem) *listing {
	switch it.kind {
	case kOfficial:
		return g.official(it.variant)
	case kAuthorised:
		return g.authorised(it.variant)
	case kDumping:
		return g.dumping(it.variant)
	case kCounterfeit:
		return g.counterfeit(it.variant)
	case kCode:
		return g.code(it.variant)
	case kUnauthorized:
		return g.unauthorized(it.variant)
	case kDefamation:
		return g.defamation(it.variant)
	case kLookalike:
		return g.lookalike()
	case kAccessory:
		return g.accessory()
	case kGeneric:
		return g.generic()
	case kSecondhand:
		return g.secondhand()
	case kGuide:
		return g.guide()
	case kRemoved:
		return g.removedListing()
	}
	panic("unknown kind " + it.kind)
}

type siteData struct {
	name     string
	listings []*listing
	byID     map[string]*listing
	byPath   map[string]*listing
	index    []string // normalised compact titles, parallel to listings
	slowID   string
	failID   string
}

type worldData struct {
	sites map[string]*siteData
}

var (
	worldOnce sync.Once
	theWorld  *worldData
)

func getWorld() *worldData {
	worldOnce.Do(func() { theWorld = buildWorld() })
	return theWorld
}

const codeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

func buildWorld() *worldData {
	w := &worldData{sites: map[string]*siteData{}}
	for si, site := range []string{siteA, siteB} {
		plan := planA
		if site == siteB {
			plan = planB
		}
		sd := &siteData{name: site, byID: map[string]*listing{}, byPath: map[string]*listing{}}
		for bi, b := range brands {
			g := &gen{r: rand.New(rand.NewPCG(uint64(1000+si), uint64(17*bi+3))), site: site, b: b}
			for _, it := range plan {
				for k := 0; k < it.n; k++ {
					l := g.make(it)
					if err := checkLabel(l); err != nil {
						panic(fmt.Sprintf("world4: %s %s/%s %q: %v", site, it.kind, it.variant, l.title, err))
					}
					sd.listings = append(sd.listings, l)
				}
			}
		}
		r := rand.New(rand.NewPCG(uint64(4242+si), 9))
		skus := map[string]bool{}
		r.Shuffle(len(sd.listings), func(i, j int) { sd.listings[i], sd.listings[j] = sd.listings[j], sd.listings[i] })
		for _, l := range sd.listings {
			for {
				if site == siteA {
					l.id = fmt.Sprintf("1000%08d", r.IntN(100000000))
					l.path = "/item?id=" + l.id
				} else {
					var sb strings.Builder
					for k := 0; k < 5; k++ {
						sb.WriteByte(codeAlphabet[r.IntN(len(codeAlphabet))])
					}
					l.id = sb.String()
					l.path = "/shop/" + l.shop.id + "/" + listingSlug(l) + "-" + l.id
				}
				if sd.byID[l.id] == nil {
					break
				}
			}
			sd.byID[l.id] = l
			sd.byPath[l.path] = l
			if site == siteB {
				l.ldShape = pick(r, []int{0, 0, 1, 1, 1, 2, 3, 3})
				l.offShape = r.IntN(4)
				if l.priceHi > 0 && l.offShape < 2 {
					l.offShape = 2 + r.IntN(2)
				}
				l.selShape = r.IntN(3)
				l.imgShape = r.IntN(3)
				l.prShape = r.IntN(3)
				for {
					l.ownSKU = fmt.Sprintf("GH%06d", r.IntN(1000000))
					if l.shop.kind == shOfficial && l.sku != "" {
						// official stores use the brand's SKU with a listing suffix
						l.ownSKU = fmt.Sprintf("%s-%02d", l.sku, r.IntN(100))
					}
					if !skus[l.ownSKU] {
						skus[l.ownSKU] = true
						break
					}
				}
			}
			for k := range l.photos {
				l.photos[k].seed = l.photos[k].seed ^ uint64(k+1)*0x9e3779b97f4a7c15
			}
			sd.index = append(sd.index, compact(normalize(l.title)))
		}
		// faults: one slow listing page and one that fails once
		for _, l := range sd.listings {
			if sd.slowID == "" && l.kind == kCounterfeit && l.variant == "desc" {
				sd.slowID = l.id
			}
			if sd.failID == "" && l.kind == kUnauthorized && l.variant == "copied" {
				sd.failID = l.id
			}
		}
		w.sites[site] = sd
	}
	return w
}

func listingSlug(l *listing) string {
	if l.slug != "" {
		return l.slug
	}
	s := slugify(l.title)
	letters := 0
	for _, c := range s {
		if c >= 'a' && c <= 'z' {
			letters++
		}
	}
	if letters < 8 && l.sku != "" {
		s = slugify(productBySKU(l.sku).Name)
	}
	if len(s) < 4 {
		s = "item"
	}
	if len(s) > 60 {
		s = s[:60]
		if i := strings.LastIndexByte(s, '-'); i > 20 {
			s = s[:i]
		}
	}
	return strings.Trim(s, "-")
}

func slugify(t string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(t) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			sb.WriteRune(r)
			dash = false
		} else if !dash && sb.Len() > 0 {
			sb.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(sb.String(), "-")
}

// checkLabel re-derives each label from the shown price and the seller, so that no
// listing sits in a band the label policy leaves ambiguous.
func checkLabel(l *listing) error {
	var p *product
	if l.sku != "" {
		p = productBySKU(l.sku)
	}
	b := brandByID(l.brand)
	cny := cnyOf(l.price, l.currency)
	if p != nil && b != nil {
		off := b.isOfficial(l.site, l.shop.id)
		auth := b.isAuthorized(l.site, l.shop.id)
		if off != l.shop.officialFor(b.ID) || auth != l.shop.authorisedFor(b.ID) {
			return fmt.Errorf("catalogue and shop table disagree about %s", l.shop.id)
		}
		ratio := cny / p.Price
		switch l.kind {
		case kOfficial:
			if !off {
				return fmt.Errorf("official listing from a non-official shop")
			}
		case kAuthorised:
			if !auth || cny < p.Min-0.005 {
				return fmt.Errorf("authorised listing under floor: %.2f < %.2f", cny, p.Min)
			}
		case kDumping:
			if !auth || cny > p.Min*0.965 {
				return fmt.Errorf("dumping not clearly under floor: %.2f vs %.2f", cny, p.Min)
			}
		case kCounterfeit:
			if off || auth {
				return fmt.Errorf("counterfeit from official/authorised shop")
			}
			if l.variant == "price" && ratio > 0.45 {
				return fmt.Errorf("price-only counterfeit at %.2f of list", ratio)
			}
		case kCode:
			if off || ratio < 0.55 {
				return fmt.Errorf("code-tampered at %.2f of list", ratio)
			}
		case kUnauthorized:
			if off || auth || ratio < 0.62 {
				return fmt.Errorf("unauthorised at %.2f of list", ratio)
			}
		case kSecondhand:
			if l.shop.kind != shPersonal {
				return fmt.Errorf("second-hand from a business")
			}
		}
	}
	if l.flagged() && l.shop.kind == shOfficial {
		return fmt.Errorf("flagged official listing")
	}
	return nil
}
