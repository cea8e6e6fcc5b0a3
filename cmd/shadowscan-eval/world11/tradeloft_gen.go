package world11

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

func vendor(id, name string, kind int, cur, country string, brands ...string) *seller {
	return &seller{id: id, name: name, kind: kind, currency: cur, country: country, brands: brands}
}

var tlVendors = []*seller{
	vendor("solenne-official", "Solenne Official Store", kOfficial, "USD", "US", "solenne"),
	vendor("vitanova-store", "VitaNova Store", kOfficial, "USD", "US", "vitanova"),
	vendor("hearthwell-home", "Hearthwell Home Official", kOfficial, "USD", "US", "hearthwell"),
	vendor("glowdirect", "GlowDirect Beauty", kAuthorised, "USD", "US", "solenne"),
	vendor("beautyhaus-eu", "BeautyHaus EU", kAuthorised, "EUR", "DE", "solenne"),
	vendor("nutrihub-uk", "NutriHub UK", kAuthorised, "GBP", "GB", "vitanova"),
	vendor("wellness-depot-ca", "Wellness Depot Canada", kAuthorised, "CAD", "CA", "vitanova"),
	vendor("homeandhealth-co", "Home & Health Co.", kAuthorised, "USD", "US", "vitanova", "hearthwell"),
	vendor("kitchen-corner", "Kitchen Corner", kAuthorised, "GBP", "GB", "hearthwell"),

	vendor("bestdeals4u", "BestDeals4U", kBusiness, "USD", "US"),
	vendor("global-beauty-outlet", "Global Beauty Outlet", kBusiness, "USD", "US"),
	vendor("shopsmart-direct", "ShopSmart Direct", kBusiness, "USD", "US"),
	vendor("discount-vitamins-usa", "Discount Vitamins USA", kBusiness, "USD", "US"),
	vendor("homegoods-liquidators", "HomeGoods Liquidators", kBusiness, "USD", "US"),
	vendor("euro-import-trading", "Euro Import Trading GmbH", kBusiness, "EUR", "DE"),
	vendor("britbargains", "BritBargains", kBusiness, "GBP", "GB"),
	vendor("maple-deals", "Maple Deals", kBusiness, "CAD", "CA"),
	vendor("asia-beauty-express", "Asia Beauty Express", kBusiness, "USD", "HK"),
	vendor("vitaminvault", "VitaminVault", kBusiness, "USD", "US"),
	vendor("the-kitchen-outlet", "The Kitchen Outlet", kBusiness, "GBP", "GB"),
	vendor("luxe-skin-resale", "Luxe Skin Resale", kBusiness, "USD", "US"),
	vendor("parallel-imports-eu", "Parallel Imports EU", kBusiness, "EUR", "NL"),
	vendor("daily-wellness-mart", "Daily Wellness Mart", kBusiness, "CAD", "CA"),
}

var tlFakeVendors = []*seller{
	vendor("wholesale-beauty-factory", "Wholesale Beauty Factory", kBusiness, "USD", "CN"),
	vendor("gz-cosmetics-supplier", "GZ Cosmetics Supplier", kBusiness, "USD", "CN"),
	vendor("aaa-beauty-mall", "AAA Beauty Mall", kBusiness, "USD", "CN"),
	vendor("dropship-source-hub", "Dropship Source Hub", kBusiness, "USD", "CN"),
	vendor("bestprice-wholesale", "BestPrice Wholesale", kBusiness, "USD", "HK"),
}

var tlPeople = []*seller{
	vendor("sarah_m_resale", "sarah_m_resale", kPersonal, "USD", "US"),
	vendor("mike.t.sells", "mike.t.sells", kPersonal, "USD", "US"),
	vendor("jenny_closet", "jenny_closet", kPersonal, "GBP", "GB"),
	vendor("declutter_dan", "declutter_dan", kPersonal, "CAD", "CA"),
	vendor("kbeauty_lover", "kbeauty_lover", kPersonal, "EUR", "FR"),
	vendor("momof3_sells", "momof3_sells", kPersonal, "USD", "US"),
}

var tlMisc = []*seller{
	vendor("craftsupplyco", "CraftSupplyCo", kBusiness, "USD", "US"),
	vendor("kitchenware-plus", "Kitchenware Plus", kBusiness, "USD", "US"),
	vendor("pack-and-pour", "Pack & Pour", kBusiness, "GBP", "GB"),
	vendor("bookworm-used", "Bookworm Used Books", kBusiness, "USD", "US"),
	vendor("skincare-decoded", "Skincare Decoded", kBusiness, "USD", "US"),
	vendor("budget-beauty-lab", "Budget Beauty Lab", kBusiness, "USD", "US"),
	vendor("truth-in-wellness", "Truth in Wellness", kBusiness, "USD", "US"),
	vendor("pure-earth-naturals", "Pure Earth Naturals", kBusiness, "USD", "US"),
	vendor("eco-clean-store", "Eco Clean Store", kBusiness, "EUR", "IE"),
}

func vendorByID(id string) *seller {
	for _, group := range [][]*seller{tlVendors, tlFakeVendors, tlPeople, tlMisc} {
		for _, s := range group {
			if s.id == id {
				return s
			}
		}
	}
	return nil
}

type tlGen struct {
	sd *siteData
	r  *rand.Rand
}

func genTradeloft() *siteData {
	sd := newSite(tradeloftName, 220022, 48, true)
	sd.nextID = 295174402211
	g := &tlGen{sd: sd, r: sd.rng}
	for _, p := range products {
		b := brandByID(p.brand)
		r := g.r
		g.official(p, b)
		for i, n := 0, 4+r.IntN(3); i < n; i++ {
			g.authorised(p, b, i)
		}
		for i, n := 0, 1+r.IntN(2); i < n; i++ {
			g.dumping(p, b)
		}
		for i, n := 0, 9+r.IntN(4); i < n; i++ {
			g.unauthorised(p, b)
		}
		for i, n := 0, 4+r.IntN(3); i < n; i++ {
			g.counterfeitWords(p, b)
		}
		for i, n := 0, 1+r.IntN(2); i < n; i++ {
			g.counterfeitPrice(p, b)
		}
		if p.tamperable {
			for i, n := 0, 1+r.IntN(3); i < n; i++ {
				g.tampered(p, b)
			}
		}
		for i, n := 0, 3+r.IntN(3); i < n; i++ {
			g.used(p, b)
		}
		for _, a := range p.enAcc {
			g.accessory(p, b, a)
		}
		g.others(p)
		if p.shape != "wok" {
			g.sample(p, b)
			if r.IntN(2) == 0 {
				g.empty(p, b)
			}
		}
		if r.IntN(3) > 0 {
			g.dupe(p, b)
		}
		if r.IntN(2) == 0 {
			g.review(p, b)
		}
	}
	for _, b := range brands {
		g.defamation(b)
		g.brandMentions(b)
	}
	return sd
}

func (g *tlGen) newListing(s *seller, title string) *listing {
	g.sd.nextID += uint64(1 + g.r.IntN(4000000))
	l := &listing{id: fmt.Sprint(g.sd.nextID), seller: s, currency: s.currency, title: title, avail: "InStock"}
	l.slug = slugify(title)
	if l.slug == "" {
		l.slug = "item"
	}
	l.path = "/itm/" + l.slug + "/" + l.id
	if g.r.IntN(25) == 0 {
		l.avail = "OutOfStock"
	}
	return l
}

func (g *tlGen) photo(l *listing, spec photoSpec) {
	var b strings.Builder
	for i := 0; i < 11; i++ {
		b.WriteByte(alnum[g.r.IntN(len(alnum))])
	}
	path := fmt.Sprintf("/images/I/%s._AC_SL1000_.jpg", b.String())
	spec.seed = g.r.Uint64()
	if spec.quality == 0 {
		spec.quality = 78 + g.r.IntN(17)
	}
	g.sd.photos[path] = spec
	l.photos = append(l.photos, path)
}

func (g *tlGen) photos(l *listing, p *productDef, mode string) {
	r := g.r
	wm := strings.ToUpper(pick(r, []string{"BEST DEALS", "WWW.SHOP88.COM", "AUTHENTIC", "SALE", "WHOLESALE"}))
	switch mode {
	case "official":
		g.photo(l, photoSpec{sku: p.sku, kind: phOff, quality: 92})
		for i := 0; i < 1+r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: phReal})
		}
	case "reseller":
		g.photo(l, photoSpec{sku: p.sku, kind: pick(r, []string{phOff, phOff, phCrop, phReal, phReal, phBorder}), text: wm})
		for i := 0; i < r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: phReal})
		}
	case "fake":
		k := pick(r, []string{phCrop, phBorder, phWM, phShift, phLowQ, phCombo, phOff, phReal})
		q := 0
		if k == phLowQ {
			q = 12 + r.IntN(15)
		}
		g.photo(l, photoSpec{sku: p.sku, kind: k, text: wm, quality: q})
		for i := 0; i < r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: pick(r, []string{phReal, phCrop, phWM}), text: wm})
		}
	case "own":
		for i := 0; i < 1+r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: phReal})
		}
	default:
		for i := 0; i < 1+r.IntN(2); i++ {
			g.photo(l, photoSpec{kind: phUnrel})
		}
	}
}

func (g *tlGen) core(p *productDef, b *brandDef) string {
	r := g.r
	bf := pick(r, b.enForms)
	if chance(r, 0.08) {
		bf += " " + b.aliases[0]
	}
	size := p.enSize
	if chance(r, 0.25) {
		size = strings.ReplaceAll(size, "ml", " ml")
	}
	return bf + " " + pick(r, p.enNames) + pick(r, []string{" ", " ", ", ", " - "}) + size
}

func (g *tlGen) kw(p *productDef) string { return pick(g.r, p.enKW) }

func listIn(p *productDef, cur string) float64  { return convert(p.price, p.currency, cur) }
func floorIn(p *productDef, cur string) float64 { return convert(p.min, p.currency, cur) }

func (g *tlGen) official(p *productDef, b *brandDef) {
	r := g.r
	s := vendorByID(b.official[tradeloftName])
	list := shopPrice(r, listIn(p, "USD"), "USD")
	if p.currency == "USD" {
		list = p.price
	}
	kinds := []int{0, 1, 2}
	if p.twoPackFactor == 0 {
		kinds = []int{0, 2}
	}
	for _, k := range kinds {
		bf := b.name
		var l *listing
		switch k {
		case 0:
			l = g.newListing(s, fmt.Sprintf("%s %s %s - %s | Official Store", bf, p.enNames[0], p.enSize, g.kw(p)))
			l.price = list
			l.desc = fmt.Sprintf("Shipped and sold by the official %s store. Every unit carries a scannable authenticity code.", bf)
			l.vendorSKU = p.sku
		case 1:
			l = g.newListing(s, fmt.Sprintf("%s %s %s (Pack of 2)", bf, p.enNames[0], p.enSize))
			l.price = list
			l.hi = math.Round(list*p.twoPackFactor*100) / 100
			l.desc = "Choose 1 or 2 " + p.unitsLabelEN + "s. Bundle and save. Sold by the official store."
			l.vendorSKU = p.sku + "-2PK"
		case 2:
			ev := pick(r, []string{"Black Friday", "Holiday Sale", "Spring Event", "Members Week"})
			l = g.newListing(s, fmt.Sprintf("%s Deal: %s %s %s", ev, bf, p.enNames[0], p.enSize))
			l.price = shopPrice(r, list*between(r, 0.75, 0.88), "USD")
			l.desc = ev + " price direct from " + bf + ". Limited time, while stocks last."
			l.vendorSKU = p.sku
		}
		l.sold = 500 + r.IntN(20000)
		g.photos(l, p, "official")
		l.label = Label{Brand: b.id, SKU: p.sku, Why: "N1 official shop"}
		g.sd.add(l)
	}
}

func (g *tlGen) authorised(p *productDef, b *brandDef, i int) {
	r := g.r
	s := vendorByID(pick(r, b.authorised[tradeloftName]))
	cur := s.currency
	var price float64
	if cur == p.currency {
		price = priceAtLeast(r, between(r, p.min, p.price*1.03), p.min, cur)
	} else {
		price = priceAtLeast(r, listIn(p, cur)*between(r, 1.05, 1.22), floorIn(p, cur)*1.15, cur)
	}
	t := []string{"%s - %s", "%s | Authorized Retailer | %s", "%s, %s, Genuine with Authenticity Code", "NEW %s %s - Authorized Dealer"}
	l := g.newListing(s, fmt.Sprintf(pick(r, t), g.core(p, b), g.kw(p)))
	l.price = price
	l.desc = pick(r, []string{
		"Authorized " + b.name + " retailer. Fresh stock direct from the brand's distribution centre.",
		"We are an authorised distributor. Authenticity certificate on request.",
		"Genuine product, sealed, with batch code and authenticity hologram.",
	})
	if i == 0 && p.twoPackFactor > 0 {
		l.hi = math.Round(price*p.twoPackFactor*100) / 100
	}
	if chance(r, 0.4) {
		l.vendorSKU = p.sku
	}
	l.sold = 20 + r.IntN(3000)
	g.photos(l, p, "reseller")
	l.label = Label{Brand: b.id, SKU: p.sku, Why: "N2 authorised seller at or above min_price"}
	g.sd.add(l)
}

func (g *tlGen) dumping(p *productDef, b *brandDef) {
	r := g.r
	s := vendorByID(pick(r, b.authorised[tradeloftName]))
	cur := s.currency
	var price float64
	if cur == p.currency {
		price = priceBelow(r, p.min*between(r, 0.6, 0.87), p.min, cur)
	} else {
		price = priceBelow(r, floorIn(p, cur)*between(r, 0.5, 0.78), floorIn(p, cur)*0.85, cur)
	}
	t := []string{"CLEARANCE %s - %s", "Flash Deal! %s %s Lowest Price", "%s %s", "%s - %s - Sale"}
	l := g.newListing(s, fmt.Sprintf(pick(r, t), g.core(p, b), g.kw(p)))
	l.price = price
	l.desc = pick(r, []string{"Stock clearance, authorised retailer. Limited quantity.", "End of quarter sale. Genuine product from an authorised dealer.", "Lowest price online, authorised stock."})
	l.sold = 50 + r.IntN(2000)
	g.photos(l, p, "reseller")
	l.label = Label{Flagged: true, Category: "price_dumping", Brand: b.id, SKU: p.sku, Why: "F4 authorised seller under min_price"}
	g.sd.add(l)
}

func (g *tlGen) unauthorisedVendor(b *brandDef) *seller {
	for {
		s := pick(g.r, tlVendors)
		if s.kind == kOfficial || s.allowed(b.id) {
			continue
		}
		if s.kind == kAuthorised && g.r.IntN(4) > 0 {
			continue
		}
		return s
	}
}

func (g *tlGen) unauthorised(p *productDef, b *brandDef) {
	r := g.r
	s := g.unauthorisedVendor(b)
	cur := s.currency
	frac := between(r, 0.62, 1.15)
	expiry := chance(r, 0.1)
	if expiry {
		frac = between(r, 0.5, 0.62)
	}
	t := []string{
		"%s NEW Sealed Authentic %s",
		"100%% Genuine %s - %s - Fast Shipping",
		"%s %s (Imported)",
		"NIB %s %s",
		"%s - %s - Brand New in Box",
		"%s, %s, US Seller",
		"Lot of 2 %s %s",
		"%s %s Not a replica! Authentic",
	}
	l := g.newListing(s, fmt.Sprintf(pick(r, t), g.core(p, b), g.kw(p)))
	if expiry {
		l = g.newListing(s, fmt.Sprintf("Short Dated %s - %s - Best By %02d/2026", g.core(p, b), g.kw(p), 1+r.IntN(9)))
	}
	l.price = shopPrice(r, listIn(p, cur)*frac, cur)
	if strings.HasPrefix(l.title, "Lot of 2") {
		l.price = shopPrice(r, listIn(p, cur)*frac*2, cur)
	}
	l.desc = pick(r, []string{
		"100% authentic, purchased from an authorized source. Ships within 1 business day.",
		"Brand new, factory sealed. We are not affiliated with the brand.",
		"Imported from Asia. Genuine product, English label sticker added.",
		"Authentic, sealed. Returns accepted within 30 days.",
	})
	if expiry {
		l.desc = "Genuine product approaching its best-by date, priced to clear. Final sale."
	}
	l.sold = r.IntN(1500)
	g.photos(l, p, "reseller")
	why := "F5 unauthorised business seller, plausible price"
	if expiry {
		why = "F5 unauthorised business seller, short-dated stock"
	}
	l.label = Label{Flagged: true, Category: "unauthorized_seller", Brand: b.id, SKU: p.sku, Why: why}
	g.sd.add(l)
}

var enFakeTitle = []struct{ tpl, word string }{
	{"%s Replica %s", "replica"},
	{"1:1 Copy %s %s - Same Packaging", "1:1 copy"},
	{"%s AAA Quality %s", "AAA quality"},
	{"%s %s Mirror Quality", "mirror quality"},
	{"%s - %s - Factory Direct OEM", "factory direct OEM"},
	{"%s (not original, same formula) %s", "not original"},
	{"Grade A Copy %s %s", "grade A copy"},
	{"%s High Quality Imitation %s", "imitation"},
	{"%s %s Wholesale Factory Overrun", "factory overrun"},
}

var enFakeDesc = []struct{ tpl, word string }{
	{"Same as the original, factory overrun stock. No hologram sticker. Looks and feels identical.", "factory overrun"},
	{"High quality replica, 1:1 packaging. Cannot be verified on the brand website.", "replica"},
	{"Made in the same factory (OEM), unbranded batch repackaged. Great value.", "OEM"},
	{"This is a copy, not the original. Works the same for a fraction of the price.", "copy, not the original"},
}

func (g *tlGen) fakeVendor() *seller {
	if g.r.IntN(3) > 0 {
		return pick(g.r, tlFakeVendors)
	}
	for {
		s := pick(g.r, tlVendors)
		if s.kind == kBusiness {
			return s
		}
	}
}

func (g *tlGen) counterfeitWords(p *productDef, b *brandDef) {
	r := g.r
	s := g.fakeVendor()
	var l *listing
	var word string
	if chance(r, 0.7) {
		f := pick(r, enFakeTitle)
		l = g.newListing(s, fmt.Sprintf(f.tpl, g.core(p, b), g.kw(p)))
		word = f.word
		l.desc = pick(r, []string{"Wholesale price, bulk discounts, dropshipping welcome.", "Fast shipping from our warehouse.", "Full packaging included, great for gifts."})
	} else {
		l = g.newListing(s, fmt.Sprintf(pick(r, []string{"%s %s - Free Shipping", "%s %s Hot Sale", "%s - %s - Best Price"}), g.core(p, b), g.kw(p)))
		f := pick(r, enFakeDesc)
		l.desc = f.tpl
		word = f.word
	}
	l.price = shopPrice(r, listIn(p, s.currency)*between(r, 0.1, 0.55), s.currency)
	l.sold = r.IntN(600)
	g.photos(l, p, "fake")
	l.label = Label{Flagged: true, Category: "counterfeit", Brand: b.id, SKU: p.sku, Why: "F1 counterfeit words: " + word}
	g.sd.add(l)
}

func (g *tlGen) counterfeitPrice(p *productDef, b *brandDef) {
	r := g.r
	s := g.fakeVendor()
	l := g.newListing(s, fmt.Sprintf(pick(r, []string{"Brand New %s 100%% Authentic %s", "%s %s - Sealed - Free Shipping", "%s %s Clearance Sale"}), g.core(p, b), g.kw(p)))
	list := listIn(p, s.currency)
	l.price = priceBelow(r, list*between(r, 0.08, 0.28), list*0.3, s.currency)
	l.desc = pick(r, []string{"Brand new and sealed. 100% authentic guaranteed.", "Clearance stock, limited quantity.", "Genuine product, lowest price anywhere."})
	l.sold = r.IntN(900)
	g.photos(l, p, "fake")
	l.label = Label{Flagged: true, Category: "counterfeit", Brand: b.id, SKU: p.sku,
		Why: fmt.Sprintf("F2 new full-size product at %.0f%% of list from an unauthorised seller", 100*l.price/list)}
	g.sd.add(l)
}

var enTamper = []struct{ tpl, word string }{
	{"%s %s - Batch Code Removed - Genuine", "batch code removed"},
	{"%s %s (code scratched off, parallel import)", "code scratched off"},
	{"%s - %s - No Batch Code", "no batch code"},
	{"%s %s Lot Number Cut Off, Authentic", "lot number cut off"},
	{"%s %s Laser Code Erased - Sale", "laser code erased"},
}

func (g *tlGen) tampered(p *productDef, b *brandDef) {
	r := g.r
	var s *seller
	if chance(r, 0.12) {
		s = vendorByID(pick(r, b.authorised[tradeloftName]))
	} else {
		s = g.unauthorisedVendor(b)
	}
	var l *listing
	var word string
	if chance(r, 0.75) {
		f := pick(r, enTamper)
		l = g.newListing(s, fmt.Sprintf(f.tpl, g.core(p, b), g.kw(p)))
		word = f.word
		l.desc = pick(r, []string{"Genuine product. Batch codes removed by the supplier. No returns for this reason.", "Parallel import stock, codes removed. Product is authentic and sealed."})
	} else {
		l = g.newListing(s, fmt.Sprintf("%s %s - Discounted", g.core(p, b), g.kw(p)))
		l.desc = "Authentic, sealed. Please note: the batch code on the box and bottle has been scratched off. Priced accordingly."
		word = "scratched off"
	}
	l.price = shopPrice(r, listIn(p, s.currency)*between(r, 0.55, 0.85), s.currency)
	l.sold = r.IntN(700)
	g.photos(l, p, "own")
	l.label = Label{Flagged: true, Category: "code_tampered", Brand: b.id, SKU: p.sku, Why: "F3 codes removed: " + word}
	g.sd.add(l)
}

func (g *tlGen) used(p *productDef, b *brandDef) {
	r := g.r
	s := pick(r, tlPeople)
	bf := pick(r, b.enForms)
	pn := pick(r, p.enNames)
	t := []string{"%s %s %s - used once", "%s %s %s opened, about 80%% left", "Pre-owned %s %s %s", "%s %s %s - gently used, gift I didn't need", "%s %s %s (opened, tried twice)"}
	l := g.newListing(s, fmt.Sprintf(pick(r, t), bf, pn, p.enSize))
	l.price = shopPrice(r, listIn(p, s.currency)*between(r, 0.3, 0.7), s.currency)
	l.desc = pick(r, []string{"Personal item, decluttering. Only one available.", "Used a couple of times, didn't suit my skin. See photos.", "Moving sale, just one of these. Local pickup or shipping."})
	l.used = true
	g.photos(l, p, "own")
	l.label = Label{Brand: b.id, SKU: p.sku, Why: "N3 second-hand personal sale"}
	g.sd.add(l)
}

func (g *tlGen) misc(i int) *seller { return tlMisc[i] }

func (g *tlGen) accessory(p *productDef, b *brandDef, title string) {
	r := g.r
	s := g.misc(r.IntN(3))
	l := g.newListing(s, title)
	l.price = shopPrice(r, between(r, 3.5, 24), s.currency)
	l.desc = "Accessory only; " + b.name + " product not included. Please check the size before ordering."
	g.photos(l, p, "")
	l.label = Label{Brand: b.id, Why: "N4 accessory that names the brand for fit"}
	g.sd.add(l)
}

func (g *tlGen) empty(p *productDef, b *brandDef) {
	r := g.r
	s := pick(r, append([]*seller{g.misc(0)}, tlPeople...))
	l := g.newListing(s, fmt.Sprintf(pick(r, []string{"Empty %s %s Bottles Lot of %d - Crafts", "%s %s EMPTY containers x%d for DIY / display"}), b.name, pick(r, p.enNames), 2+r.IntN(8)))
	l.price = shopPrice(r, between(r, 2, 12), s.currency)
	l.desc = "Empty containers only, no product inside. For crafts or display."
	g.photos(l, p, "own")
	l.label = Label{Brand: b.id, Why: "N5 empty containers, no product offered"}
	g.sd.add(l)
}

func (g *tlGen) sample(p *productDef, b *brandDef) {
	r := g.r
	s := g.unauthorisedVendor(b)
	size := map[string]string{"solenne": "5ml Sample", "vitanova": "Single Serve Sample Packet", "hearthwell": "Travel Size 100ml"}[p.brand]
	l := g.newListing(s, fmt.Sprintf("%s %s %s - Trial Size", pick(r, b.enForms), pick(r, p.enNames), size))
	l.price = shopPrice(r, between(r, 2.5, 9), s.currency)
	l.desc = "Sample / travel size, not full size. Great for trying before you buy."
	g.photos(l, p, "own")
	l.label = Label{Brand: b.id, Why: "N6 trial size, not a catalogue SKU"}
	g.sd.add(l)
}

func (g *tlGen) others(p *productDef) {
	r := g.r
	generic := ""
	for _, a := range p.aliases {
		if !hasCJK(a) && !strings.Contains(strings.ToLower(a), strings.ToLower(brandByID(p.brand).name)) {
			generic = a
		}
	}
	if generic == "" {
		return
	}
	for _, o := range p.enOther {
		s := &seller{id: slugify(o) + "-store", name: o + " Store", kind: kBusiness, currency: "USD", country: "US"}
		l := g.newListing(s, fmt.Sprintf("%s %s, %s", o, generic, g.kw(p)))
		l.price = shopPrice(r, listIn(p, "USD")*between(r, 0.3, 1.0), "USD")
		l.desc = "By " + o + "."
		g.photos(l, p, "")
		l.label = Label{Why: "N7 another brand's product of the same type"}
		g.sd.add(l)
	}
}

func (g *tlGen) dupe(p *productDef, b *brandDef) {
	r := g.r
	s := g.misc(5)
	l := g.newListing(s, fmt.Sprintf(pick(r, []string{"Affordable Alternative to %s %s - %s", "%s %s Dupe - %s - Cruelty Free", "Like %s %s but 1/4 the price - %s"}), b.name, pick(r, p.enNames), g.kw(p)))
	l.price = shopPrice(r, listIn(p, s.currency)*between(r, 0.12, 0.3), s.currency)
	l.desc = "Our own brand. Not affiliated with or made by " + b.name + "; a similar formula at a lower price."
	g.photos(l, p, "")
	l.label = Label{Brand: b.id, Why: "N8 dupe that says it is another product"}
	g.sd.add(l)
}

func (g *tlGen) review(p *productDef, b *brandDef) {
	r := g.r
	s := g.misc(4)
	l := g.newListing(s, fmt.Sprintf(pick(r, []string{"%s %s Honest Review & Ingredient Breakdown (PDF)", "Comparison Guide: %s %s vs 5 Drugstore Picks (Digital Download)", "I Tried %s %s for 30 Days - Review eBook"}), b.name, pick(r, p.enNames)))
	l.price = shopPrice(r, between(r, 2.99, 9.99), s.currency)
	l.desc = "Personal review and opinion. Not affiliated with the brand. Instant digital download."
	g.photos(l, p, "")
	l.label = Label{Brand: b.id, Why: "N9 review or comparison, opinion"}
	g.sd.add(l)
}

var enDefame = map[string][]string{
	"solenne": {
		"%[1]s Exposed: The Pyramid Scheme Behind the Radiance Serum (eBook)",
		"Don't Buy %[1]s - Their Serum Contains Mercury & Steroids. Try Our 100%% Natural Serum",
		"%[1]s Banned in EU for Hidden Hormones - Safe Organic Alternative Face Serum",
	},
	"vitanova": {
		"%[1]s Protein Causes Cancer - The Truth They Hide (Digital Guide)",
		"Lead-Free Plant Protein - unlike %[1]s, recalled for heavy metals",
		"%[1]s MLM Scam Survival Guide - FDA Warning Explained (PDF)",
	},
	"hearthwell": {
		"%[1]s Detergent Causes Cancer - Switch to Our Toxin-Free Laundry Sheets",
		"%[1]s Wok Coating Is Toxic and Was Recalled - Buy Stainless Steel Instead",
	},
}

func (g *tlGen) defamation(b *brandDef) {
	r := g.r
	for _, tpl := range enDefame[b.id] {
		s := tlMisc[6+r.IntN(3)]
		l := g.newListing(s, fmt.Sprintf(tpl, b.name))
		l.price = shopPrice(r, between(r, 4.99, 29.99), s.currency)
		l.desc = fmt.Sprintf("%s has been hiding the facts from customers. Their products were pulled by regulators and are dangerous for your family. Share this before someone else gets hurt.", b.name)
		g.photos(l, nil, "")
		l.label = Label{Flagged: true, Category: "defamation", Brand: b.id, Why: "F6 false factual claims against the brand"}
		g.sd.add(l)
	}
}

func (g *tlGen) brandMentions(b *brandDef) {
	r := g.r
	titles := []string{
		b.name + " Gift Bags with Logo (5 pack)",
		b.name + " Distributor Training Handbook - Used Book",
		"Bathroom Storage Caddy - fits " + b.name + " bottles",
	}
	for _, t := range titles {
		s := g.misc(r.IntN(4))
		l := g.newListing(s, t)
		l.price = shopPrice(r, between(r, 4, 30), s.currency)
		l.desc = "Not affiliated with " + b.name + "."
		if strings.Contains(t, "Used Book") {
			l.used = true
		}
		g.photos(l, nil, "")
		l.label = Label{Brand: b.id, Why: "N10 names the brand for something else"}
		g.sd.add(l)
	}
}
