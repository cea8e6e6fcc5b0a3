package world8

import (
	"fmt"
	"math"
	"strings"
)

// keyword stuffing sellers add after a product name on bidbay
var bbKeywords = map[string][]string{
	"VEL-SHAKE-750V": {"Meal Replacement", "Protein Shake", "Weight Management"},
	"VEL-SHAKE-750C": {"Meal Replacement", "Protein Shake", "Weight Management"},
	"VEL-OMEGA-90":   {"Fish Oil", "Omega 3 EPA DHA", "Heart Health"},
	"VEL-PROB-30":    {"Gut Health", "Probiotic Sachets", "Digestive"},
	"VEL-VITC-120":   {"Vitamin C", "Immune Support", "Chewables"},
	"VEL-FIBRE-300":  {"Dietary Fibre", "Gut Health", "Fiber Supplement"},
	"VEL-COLL-10":    {"Collagen Drink", "Beauty Drink", "Marine Collagen"},
	"VEL-MULTI-M60":  {"Multivitamin", "Daily Vitamins", "Mens Health"},
	"VEL-MULTI-W60":  {"Multivitamin", "Daily Vitamins", "Womens Health"},
	"QUI-HYD-30B":    {"Face Serum", "Hyaluronic", "Hydrating"},
	"QUI-HYD-30G":    {"Face Serum", "Anti Ageing", "Peptide"},
	"QUI-NIGHT-50":   {"Night Cream", "Moisturiser", "Repair"},
	"QUI-TONER-200":  {"Toner", "Korean Skincare", "Brightening"},
	"QUI-SPF-50":     {"Sunscreen", "Sun Cream", "Face SPF"},
	"QUI-EYE-15":     {"Eye Cream", "Dark Circles", "Puffiness"},
	"QUI-FOAM-150":   {"Face Wash", "Cleanser", "Sensitive Skin"},
	"QUI-MASK-5":     {"Sheet Mask", "Face Mask", "Hydrating"},
	"BRN-SURF-1L":    {"Cleaner", "Multi Purpose", "Eco"},
	"BRN-DISH-500":   {"Washing Up Liquid", "Dish Soap", "Eco"},
	"BRN-LAUN-2LF":   {"Laundry Liquid", "Detergent", "Concentrated"},
	"BRN-LAUN-2LS":   {"Laundry Liquid", "Detergent", "Fragrance Free"},
	"BRN-SOFT-1L":    {"Fabric Conditioner", "Softener", "Concentrated"},
	"BRN-FILT-2":     {"Water Filter", "Replacement Cartridge", "Jug Filter"},
	"BRN-GLASS-500":  {"Window Cleaner", "Glass Cleaner", "Streak Free"},
	"BRN-OVEN-400":   {"Oven Cleaner", "BBQ Grill", "Heavy Duty"},
}

var brandShort = map[string]string{"velmora": "Velmora", "quillon": "Quillon", "brenhaven": "Brenhaven"}
var brandCN = map[string]string{"velmora": "薇摩拉", "quillon": "珂琅"}

func (p *product) cn() string {
	for _, a := range p.Aliases {
		for _, r := range a {
			if isHan(r) {
				return a
			}
		}
	}
	return ""
}

// lineTitle is the product name with its line word placed elsewhere
// (sellers move words around).
func (p *product) lineTitle() string {
	if p.line == "" {
		return p.Name
	}
	return p.base + " " + p.line
}

// lineNote tells which line a listing with an ambiguous title offers.
func (p *product) lineNote() (key, val string) {
	switch {
	case strings.HasPrefix(p.SKU, "VEL-SHAKE"):
		return "Flavour", p.line
	case strings.HasPrefix(p.SKU, "VEL-MULTI"):
		return "Formulation", p.line
	case strings.HasPrefix(p.SKU, "QUI-HYD"):
		return "Product Line", p.line
	case strings.HasPrefix(p.SKU, "BRN-LAUN"):
		return "Scent", p.line
	}
	return "", ""
}

func clip80(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for len([]rune(s)) > 80 {
		i := strings.LastIndex(s, " ")
		if i < 0 {
			return string([]rune(s)[:80])
		}
		s = s[:i]
	}
	return s
}

func (g *gen) kw(p *product) string {
	k := bbKeywords[p.SKU]
	return k[g.r.IntN(len(k))]
}

var bbExtras = []string{"NEW", "Sealed", "BNIB", "Free P&P", "Fast Dispatch", "UK Stock", "Free Postage", "Genuine", "Brand New", "100% Authentic", "Exp 2026", "Fast & Free"}

func (g *gen) extra() string { return bbExtras[g.r.IntN(len(bbExtras))] }

// shared titles: sellers copy the best-selling titles word for word
var sharedTitles = map[string][]string{}

func sharedTitle(p *product, i int) string {
	if sharedTitles[p.SKU] == nil {
		k := bbKeywords[p.SKU]
		sharedTitles[p.SKU] = []string{
			clip80(p.Name + " " + k[0] + " NEW Sealed"),
			clip80(p.lineTitle() + " " + k[1] + " - Genuine"),
		}
	}
	return sharedTitles[p.SKU][i%2]
}

func (g *gen) bbTitle(p *product) string {
	switch g.r.IntN(7) {
	case 0:
		return sharedTitle(p, 0)
	case 1:
		return sharedTitle(p, 1)
	case 2:
		return clip80(p.Name + " " + g.kw(p) + " " + g.extra())
	case 3:
		return clip80(p.lineTitle() + " " + g.extra() + " " + g.kw(p))
	case 4:
		return clip80(g.extra() + " " + p.Name + " " + g.kw(p))
	case 5:
		return clip80(brandShort[p.Brand] + " " + p.Aliases[0] + " " + g.kw(p) + " " + g.extra())
	default:
		return clip80(p.Name + " - " + g.kw(p))
	}
}

func mkSeller(id string, fb int, pos float64, biz bool, loc, cur string) *seller {
	s := &seller{id: id, feedback: fb, positive: pos, business: biz, location: loc, cur: cur, since: 2008 + (fb % 15)}
	if biz {
		s.store = strings.ReplaceAll(strings.ReplaceAll(id, "_", " "), "-", " ")
	}
	return s
}

func (g *gen) specifics(l *listing, p *product, brandName string, extra ...[2]string) {
	sp := [][2]string{{"Brand", brandName}, {"Type", p.kind}, {"Size", p.size}}
	if k, v := p.lineNote(); k != "" {
		sp = append(sp, [2]string{k, v})
	}
	if g.chance(0.6) {
		sp = append(sp, [2]string{"Country of Manufacture", p.made})
	}
	if g.chance(0.4) {
		sp = append(sp, [2]string{"Expiration Date", fmt.Sprintf("%02d/%d", g.intn(1, 12), g.intn(2026, 2027))})
	}
	l.specifics = append(sp, extra...)
}

// specificsNoLine leaves the line out of the item specifics.
func (g *gen) specificsNoLine(l *listing, p *product, brandName string) {
	l.specifics = [][2]string{{"Brand", brandName}, {"Type", p.kind}, {"Size", p.size}}
	if g.chance(0.5) {
		l.specifics = append(l.specifics, [2]string{"Country of Manufacture", p.made})
	}
}

func genBidbay(g *gen) {
	S := mkSeller
	official := map[string]*seller{
		"velmora":   S("velmora-official-store", 48211, 99.8, true, "Austin, Texas, United States", "USD"),
		"quillon":   S("quillon_official_uk", 22904, 99.9, true, "Leeds, United Kingdom", "GBP"),
		"brenhaven": S("brenhaven-home-official", 15377, 99.7, true, "Geelong, Victoria, Australia", "AUD"),
	}
	authorised := map[string][]*seller{
		"velmora": {
			S("nutriwell-distribution", 8841, 99.6, true, "Reading, United Kingdom", "GBP"),
			S("healthhub_direct_us", 12530, 99.4, true, "Columbus, Ohio, United States", "USD"),
			S("vitalife-member-shop", 3120, 99.1, true, "Köln, Germany", "EUR"),
		},
		"quillon": {
			S("glowroom-beauty", 6402, 99.5, true, "Brighton, United Kingdom", "GBP"),
			S("skinstop_uk", 19877, 99.2, true, "Glasgow, United Kingdom", "GBP"),
		},
		"brenhaven": {
			S("cleanliving_au", 4410, 99.7, true, "Parramatta, New South Wales, Australia", "AUD"),
			S("homecare-depot-au", 9763, 98.9, true, "Brisbane, Queensland, Australia", "AUD"),
		},
	}
	resellers := map[string][]*seller{
		"velmora": {
			S("vitamin_vault_outlet", 2290, 98.7, true, "Newark, New Jersey, United States", "USD"),
			S("prime-nutri-deals", 781, 97.9, true, "Tampa, Florida, United States", "USD"),
			S("nutri.deals.uk", 1504, 99.0, true, "Luton, United Kingdom", "GBP"),
			S("mega-warehouse-eu", 30412, 98.4, true, "Duisburg, Germany", "EUR"),
			S("hk-wellness-trade", 5530, 98.8, true, "Kowloon, Hong Kong", "USD"),
			S("velmora_official_outlet", 212, 96.5, true, "Miami, Florida, United States", "USD"),
			S("dailydealsdepot", 11022, 98.1, true, "Dallas, Texas, United States", "USD"),
		},
		"quillon": {
			S("beautybargains_uk", 3702, 98.9, true, "Birmingham, United Kingdom", "GBP"),
			S("the_skin_shelf", 944, 99.3, true, "Cardiff, United Kingdom", "GBP"),
			S("parfumerie_lumiere", 2108, 99.0, true, "Lyon, France", "EUR"),
			S("golden_harbour_trading", 6620, 98.6, true, "Wan Chai, Hong Kong", "GBP"),
			S("clearance-kings-uk", 17450, 98.2, true, "Bolton, United Kingdom", "GBP"),
		},
		"brenhaven": {
			S("aussie-bulk-buys", 7720, 98.8, true, "Penrith, New South Wales, Australia", "AUD"),
			S("topsale-au", 2014, 97.6, true, "Adelaide, South Australia, Australia", "AUD"),
			S("ozcleaning_supplies", 1290, 99.1, true, "Perth, Western Australia, Australia", "AUD"),
			S("homestore_bargains", 8890, 98.5, true, "Leicester, United Kingdom", "GBP"),
		},
	}
	fakers := []*seller{
		S("factory_direct_2021", 388, 94.1, true, "Guangzhou, China", "USD"),
		S("lucky-star-trade", 1022, 95.7, true, "Shenzhen, China", "GBP"),
		S("yiwu_bestgoods", 2710, 96.2, true, "Yiwu, Zhejiang, China", "GBP"),
		S("kk_beauty_wholesale", 640, 95.0, true, "Mong Kok, Hong Kong", "GBP"),
		S("mirrorbeauty-store", 153, 93.8, true, "Kuala Lumpur, Malaysia", "USD"),
		S("top1to1_outlet", 47, 91.2, true, "Putian, Fujian, China", "USD"),
		S("glamdeal-express", 905, 96.9, true, "Dongguan, China", "AUD"),
		S("cheapcleanz", 66, 92.4, false, "Sunshine, Victoria, Australia", "AUD"),
		S("uk_skin_deals_4u", 231, 95.5, true, "Ilford, United Kingdom", "GBP"),
		S("jade_river_shop", 512, 96.0, true, "Hangzhou, China", "EUR"),
	}
	parallel := []*seller{
		S("asia_parallel_imports", 3380, 98.0, true, "Tsuen Wan, Hong Kong", "GBP"),
		S("nz-direct-import", 1760, 98.7, true, "Auckland, New Zealand", "AUD"),
		S("daigou_express_au", 2440, 97.9, true, "Box Hill, Victoria, Australia", "AUD"),
		S("shenzhen_surplus", 875, 97.1, true, "Shenzhen, China", "USD"),
		S("euro_grey_goods", 1930, 98.3, true, "Rotterdam, Netherlands", "EUR"),
	}
	privates := []*seller{
		S("jen_m_1982", 41, 100, false, "Stockport, United Kingdom", "GBP"),
		S("dave.c-uk", 118, 100, false, "Swindon, United Kingdom", "GBP"),
		S("katie_clears_out", 23, 100, false, "Norwich, United Kingdom", "GBP"),
		S("mumof3_sells", 67, 98.5, false, "Wollongong, New South Wales, Australia", "AUD"),
		S("rob-the-builder77", 9, 100, false, "Boise, Idaho, United States", "USD"),
		S("sarah.k.o", 152, 100, false, "Dublin, Ireland", "EUR"),
		S("mike_a_au", 30, 100, false, "Hobart, Tasmania, Australia", "AUD"),
		S("lily_bee_99", 5, 100, false, "Exeter, United Kingdom", "GBP"),
		S("tom_pdx", 77, 100, false, "Portland, Oregon, United States", "USD"),
		S("annie.homewares", 210, 99.5, false, "Ballarat, Victoria, Australia", "AUD"),
	}

	for _, b := range brands {
		bbOfficial(g, b, official[b.ID])
		bbAuthorised(g, b, authorised[b.ID])
		bbUnauthorised(g, b, resellers[b.ID], authorised)
	}
	bbCounterfeit(g, fakers)
	bbTampered(g, parallel, authorised)
	bbDefamation(g)
	bbResale(g, privates)
	bbLookalike(g)
	bbAccessories(g)
	bbGeneric(g)
	bbGuides(g)

	// faults
	ls := g.w.bySite["bidbay"]
	for _, l := range ls {
		if l.label.Category == "counterfeit" && l.kind == "C1 words in title" && l.fault == "" {
			l.fault = "503once"
			break
		}
	}
	for _, l := range ls {
		if l.label.Category == "unauthorized_seller" && l.fault == "" {
			l.fault = "slow"
			break
		}
	}
	for _, l := range ls {
		if g.chance(0.05) {
			l.sponsored = true
		}
	}
}

func (g *gen) bbCond() string { return "New" }

func (g *gen) qty(biz bool) int {
	if !biz {
		return 1
	}
	return []int{2, 3, 5, 8, 12, 20, 35, 60}[g.r.IntN(8)]
}

// ---- official shops ----

func bbOfficial(g *gen, b *brand, s *seller) {
	bn := brandShort[b.ID]
	for _, p := range brandProducts(b.ID) {
		l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
		l.title = clip80(p.Name + " " + bbKeywords[p.SKU][0] + " - Official " + bn + " Store")
		l.price = p.Price
		l.desc = fmt.Sprintf("Sold and shipped by %s, the brand owner. Every %s carries its printed batch code and the %s authenticity QR seal. %s",
			b.Name, p.Name, bn, g.pick("Free tracked delivery.", "Members: log in to our website for member pricing.", "Questions? Message our customer care team.", "Authorised resellers are listed on our website."))
		g.specifics(l, p, bn, [2]string{"MPN", p.SKU})
		g.add(l)
		g.photo(l, imgSpec{official: p.SKU})
		g.photo(l, g.ownPhoto(p.SKU, 2))
		pass(l, b.ID, "N1 official shop", "N1: the brand's own official shop on bidbay; official shops are never flagged")
	}
	// clearance below the floor, and multi-packs
	ps := brandProducts(b.ID)
	for i := 0; i < 4; i++ {
		p := ps[(i*3+1)%len(ps)]
		l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
		reason := g.pick("Short Dated BB 02/2026", "Damaged Outer Box", "Old Packaging", "End of Line")
		l.title = clip80(fmt.Sprintf("CLEARANCE %s - %s - Official %s", p.Name, reason, bn))
		l.price = g.fitPrice(p.Min*g.between(0.55, 0.8), p.Currency, s.cur, 0, p.Min*0.9)
		l.desc = fmt.Sprintf("Official %s clearance: %s. Product is genuine and sealed, sold at a reduced price by the brand. Limited quantity.", bn, strings.ToLower(reason))
		g.specifics(l, p, bn, [2]string{"MPN", p.SKU})
		g.add(l)
		g.photo(l, imgSpec{official: p.SKU})
		pass(l, b.ID, "N1 official shop (clearance under floor)", "N1: official shop clearance below the floor; official shops are never flagged for price")
	}
	for i := 0; i < 2; i++ {
		p := ps[(i*4+2)%len(ps)]
		l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true), units: 2}
		l.title = clip80(fmt.Sprintf("2 x %s Twin Pack Save 10%% - Official %s Store", p.Name, bn))
		l.price = math.Round(p.Price*2*0.9*100) / 100
		l.desc = fmt.Sprintf("Twin pack of %s direct from %s.", p.Name, b.Name)
		g.specifics(l, p, bn, [2]string{"Number in Pack", "2"})
		g.add(l)
		g.photo(l, g.ownPhoto(p.SKU, 2))
		pass(l, b.ID, "N1 official shop", "N1: the brand's own official shop (twin pack); official shops are never flagged")
	}
}

// ---- authorised sellers: at or above the floor, and dumping below it ----

var authDesc = []string{
	"We are an authorised %s distributor (member no. %s). All stock is supplied directly by the brand with full batch codes.",
	"Authorised %s reseller, member ID %s. Genuine stock, UK/EU VAT invoice available on request.",
	"Official %s distribution partner (distributor %s). Stock rotated weekly, long expiry dates.",
}

func (g *gen) authDesc(b *brand) string {
	return fmt.Sprintf(authDesc[g.r.IntN(len(authDesc))], brandShort[b.ID], fmt.Sprintf("%s-%05d", strings.ToUpper(b.ID[:2]), g.r.IntN(99999)))
}

func bbAuthorised(g *gen, b *brand, ss []*seller) {
	ps := brandProducts(b.ID)
	n := 0
	for si, s := range ss {
		for pi, p := range ps {
			if (pi+si)%4 == 3 && si > 0 {
				continue
			}
			l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
			ambiguous := p.line != "" && (pi+si)%2 == 0
			if ambiguous {
				l.title = clip80(p.base + " " + g.kw(p) + " " + g.extra())
			} else {
				l.title = g.bbTitle(p)
			}
			lo := p.Min
			if s.cur != p.Currency {
				lo = p.Min * 1.02
			}
			hi := p.Price * 1.12
			var v float64
			switch g.r.IntN(4) {
			case 0:
				v = p.Min
			case 1:
				v = p.Price
			default:
				v = g.between(p.Min, p.Price*1.08)
			}
			if v < lo {
				v = lo
			}
			l.price = g.fitPrice(v, p.Currency, s.cur, lo, hi)
			l.desc = g.authDesc(b) + " " + g.pick("Dispatched same day before 2pm.", "Tracked shipping.", "Please check our other listings for multi-buy offers.", "")
			if ambiguous {
				k, val := p.lineNote()
				if g.chance(0.5) {
					g.specifics(l, p, brandShort[b.ID])
				} else {
					g.specificsNoLine(l, p, brandShort[b.ID])
					l.desc += fmt.Sprintf(" This listing is for the %s %s.", strings.ToLower(k), val)
				}
			} else {
				g.specifics(l, p, brandShort[b.ID])
			}
			g.add(l)
			switch g.r.IntN(3) {
			case 0:
				g.photo(l, imgSpec{official: p.SKU})
			case 1:
				g.photo(l, imgSpec{official: p.SKU, edits: []edit{{op: edResize, f: 400}}})
				g.photo(l, g.ownPhoto(p.SKU, 1))
			default:
				g.photo(l, g.ownPhoto(p.SKU, 1))
			}
			kind := "N2 authorised at/above floor"
			why := fmt.Sprintf("N2: authorised seller %s at %s, at or above the floor %s", s.id, priceStr(l.priceCat, p.Currency), priceStr(p.Min, p.Currency))
			if ambiguous && p.twin != "" && productBySKU[p.twin].Min > l.priceCat {
				kind = "N2 near-twin (under the twin's floor, not its own)"
				why += fmt.Sprintf("; the title does not say the line, the listing offers the %s, whose floor it respects (the %s floor is higher)", p.line, productBySKU[p.twin].line)
			}
			pass(l, b.ID, kind, why)
			n++
		}
	}
	// near-twins: the cheaper line under an ambiguous title, at a price that
	// respects its own floor but not its twin's
	for _, p := range ps {
		if p.twin == "" || productBySKU[p.twin].Min <= p.Min {
			continue
		}
		tw := productBySKU[p.twin]
		for k := 0; k < 3*len(ss); k++ {
			s := ss[k%len(ss)]
			l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
			l.title = clip80(p.base + " " + g.kw(p) + " " + g.extra())
			l.price = g.fitPrice(g.between(p.Min, p.Price*1.05), p.Currency, s.cur, p.Min, tw.Min*0.95)
			l.desc = g.authDesc(b)
			switch k % 3 {
			case 0:
				g.specifics(l, p, brandShort[b.ID])
			case 1:
				g.specificsNoLine(l, p, brandShort[b.ID])
				l.desc += " " + p.line + "."
			default:
				g.specificsNoLine(l, p, brandShort[b.ID])
			}
			g.add(l)
			g.photo(l, imgSpec{official: p.SKU})
			why := fmt.Sprintf("N2: authorised seller %s at %s, at or above the floor %s of the %s it offers (the photo/specifics/description show the line); under the %s floor, which does not apply",
				s.id, priceStr(l.priceCat, p.Currency), priceStr(p.Min, p.Currency), p.line, tw.line)
			pass(l, b.ID, "N2 near-twin (under the twin's floor, not its own)", why)
		}
	}
	// dumping: about 11 per brand
	dump := []string{"CLEARANCE", "Member Price", "Below RRP", "Cheapest on bidbay", "-30% SALE", "Wholesale Price", "", "", "", ""}
	for i := 0; i < 11; i++ {
		s := ss[i%len(ss)]
		p := ps[(i*5+2)%len(ps)]
		l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
		tag := dump[g.r.IntN(len(dump))]
		kind := "P1 authorised under floor"
		twinCase := false
		if i%5 == 4 {
			// near-twin: the expensive line offered at a price only the cheaper line's floor allows
			for _, q := range ps {
				if q.twin != "" && productBySKU[q.twin].Min < q.Min {
					p = q
					twinCase = true
				}
			}
		}
		l.sku = p.SKU
		lo, hi := 0.0, p.Min*0.9
		v := p.Min * g.between(0.6, 0.85)
		if twinCase {
			tw := productBySKU[p.twin]
			v = g.between(tw.Min*1.05, p.Min*0.88)
			hi = p.Min * 0.9
			lo = tw.Min
			kind = "P1 near-twin (expensive line at the cheap line's price)"
		}
		if i%5 == 2 && !twinCase {
			l.units = []int{2, 3}[g.r.IntN(2)]
			l.title = clip80(fmt.Sprintf("%d x %s %s", l.units, p.Name, g.pick("Multi Buy Bundle", "Bulk Saver", "Family Pack")))
			l.price = g.fitPrice(v*float64(l.units), p.Currency, s.cur, lo*float64(l.units), hi*float64(l.units))
			kind = "P1 bundle under floor per unit"
		} else if twinCase {
			l.title = clip80(strings.TrimSpace(p.base + " " + g.kw(p) + " " + tag))
			l.price = g.fitPrice(v, p.Currency, s.cur, lo, hi)
		} else {
			l.title = clip80(strings.TrimSpace(g.bbTitle(p) + " " + tag))
			l.price = g.fitPrice(v, p.Currency, s.cur, lo, hi)
		}
		l.desc = g.authDesc(b) + " " + g.pick("Big savings this week only!", "Price drop - we are clearing our warehouse.", "Lowest price guaranteed.", "Member stock at member prices.", "")
		if twinCase {
			g.specifics(l, p, brandShort[b.ID])
			if g.chance(0.5) {
				l.specifics = l.specifics[:3]
				l.desc += " " + p.line + " formula."
			}
		} else {
			g.specifics(l, p, brandShort[b.ID])
		}
		if l.units > 1 {
			l.specifics = append(l.specifics, [2]string{"Number in Pack", fmt.Sprint(l.units)})
		}
		if i%4 == 1 {
			// an auction with a Buy It Now under the floor
			l.bid = math.Round(l.price*0.3*100) / 100
			l.bids = g.intn(0, 6)
		}
		g.add(l)
		if twinCase {
			g.photo(l, imgSpec{official: p.SKU})
		} else if l.units > 1 {
			g.photo(l, g.ownPhoto(p.SKU, l.units))
		} else {
			g.photo(l, []imgSpec{{official: p.SKU}, g.ownPhoto(p.SKU, 1)}[g.r.IntN(2)])
		}
		why := fmt.Sprintf("P1: authorised seller %s offers it at %s a unit, under the floor %s", s.id, priceStr(l.priceCat, p.Currency), priceStr(p.Min, p.Currency))
		if twinCase {
			why += fmt.Sprintf("; the title omits the line but the specifics/description/photo show the %s", p.line)
		}
		flag(l, "price_dumping", kind, why)
	}
}

// ---- unauthorised resellers of genuine goods ----

var resaleDesc = []string{
	"Brand new and sealed. 100%% genuine %s, sourced from a distributor overseas. Dispatched within 24 hours.",
	"Genuine %s, full retail packaging with batch code intact. We are a wholesale clearance business, VAT invoice available.",
	"Sealed %s from surplus stock. Long expiry. Buy 2 or more for a multi-buy discount.",
	"Authentic %s bought in bulk from members. Not sold through the brand's website so you save. Tracked delivery.",
	"%s - brand new, unopened. Stock photo; the item you receive is identical. Returns accepted within 30 days.",
}

func bbUnauthorised(g *gen, b *brand, ss []*seller, authorised map[string][]*seller) {
	ps := brandProducts(b.ID)
	perProduct := 4
	if b.ID != "quillon" {
		perProduct = 5
	}
	for pi, p := range ps {
		for k := 0; k < perProduct; k++ {
			s := ss[(pi+k*2)%len(ss)]
			kind := "U1 reseller"
			l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
			if k == 3 && pi%3 == 0 {
				// an authorised seller of another brand is not authorised for this one
				for _, ob := range brands {
					if ob.ID != b.ID {
						as := authorised[ob.ID]
						l.seller = as[pi%len(as)]
						kind = "U1 seller authorised for another brand only"
						break
					}
				}
			}
			ambiguous := p.line != "" && k == 1
			han := strings.Contains(s.location, "Hong Kong") && p.cn() != ""
			switch {
			case ambiguous:
				l.title = clip80(p.base + " " + g.kw(p) + " " + g.extra())
				kind = "U1 near-twin (line only in specifics/photo)"
			case han:
				l.title = clip80(p.cn() + " " + p.Name + " 正品 " + g.pick("香港直邮", "现货", "Free Shipping"))
				kind = "U1 Chinese alias title"
			case k == 2 && pi%2 == 0:
				l.title = clip80(p.Aliases[0] + " " + g.kw(p) + " " + g.pick("Sealed", "NEW", "x1") + " " + g.pick("Genuine", "Authentic", ""))
				kind = "U1 alias title (no brand name)"
			default:
				l.title = g.bbTitle(p)
			}
			if k == 4 {
				l.condition = "New other (see details)"
				l.desc = fmt.Sprintf("Outer box slightly dented in storage; the %s itself is sealed and unused. We have several available.", p.Name)
			} else {
				l.desc = fmt.Sprintf(resaleDesc[g.r.IntN(len(resaleDesc))], p.Name)
			}
			v := p.Price * g.between(0.74, 1.12)
			l.price = g.fitPrice(v, p.Currency, l.seller.cur, p.Price*0.72, p.Price*1.15)
			if ambiguous {
				g.specifics(l, p, brandShort[b.ID])
			} else if han {
				g.specifics(l, p, brandShort[b.ID], [2]string{"Brand (Chinese)", brandCN[b.ID]})
			} else {
				g.specifics(l, p, brandShort[b.ID])
			}
			if g.chance(0.2) {
				l.bid = math.Round(l.price*g.between(0.2, 0.5)*100) / 100
				l.bids = g.intn(1, 9)
			}
			g.add(l)
			switch g.r.IntN(4) {
			case 0, 1:
				g.photo(l, imgSpec{official: p.SKU})
			case 2:
				g.photo(l, g.ownPhoto(p.SKU, 1))
				g.photo(l, g.ownPhoto(p.SKU, 3))
			default:
				g.photo(l, imgSpec{official: p.SKU, edits: []edit{{op: edResize, f: 640}}})
			}
			flag(l, "unauthorized_seller", kind, fmt.Sprintf("U1: %s is neither official nor authorised for %s; new genuine stock at %s of list, no counterfeit or code-removal signals",
				l.seller.id, b.Name, pct(l.priceCat/p.Price)))
		}
	}
}
