package world8

import (
	"fmt"
	"image/color"
	"math"
	"strings"
)

func shop(id, cur string) *seller {
	return &seller{id: id, cur: cur, business: true}
}

func (g *gen) handmadeLook(p *product, text string) look {
	lk := p.look
	lk.brand = text
	lk.mark = 0
	lk.label = rgb(196, 164, 120)
	lk.body = []color.RGBA{rgb(240, 236, 226), rgb(120, 80, 40), rgb(60, 100, 70), rgb(250, 250, 250)}[g.r.IntN(4)]
	lk.cap = []color.RGBA{rgb(30, 30, 30), rgb(200, 170, 90), rgb(250, 250, 250)}[g.r.IntN(3)]
	lk.line1 = g.pick("SMALL BATCH", "NATURAL", "VEGAN", "ZERO WASTE")
	lk.line2 = ""
	return lk
}

func (g *gen) craftTitle(parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	t := strings.Join(out, " | ")
	for len([]rune(t)) > 140 {
		out = out[:len(out)-1]
		t = strings.Join(out, " | ")
	}
	return t
}

func genCraftly(g *gen) {
	official := shop("QuillonStudioOfficial", "GBP")
	wellness := shop("TheWellnessCupboard", "GBP")
	haven := shop("HavenHomeGoods", "AUD")
	resellers := []*seller{shop("GlowDealsEmporium", "GBP"), shop("WellnessFindsDirect", "USD"), shop("BeautyCrateUK", "GBP"), shop("CleanHomeSupplyAU", "AUD"), shop("SupplementStash", "USD"), shop("TheRestockRoom", "GBP")}
	fakers := []*seller{shop("LuxeForLessBeauty", "GBP"), shop("ChicSkinOutlet", "USD"), shop("PeachyDealsShop", "AUD")}
	grey := []*seller{shop("ParallelPicksHK", "GBP"), shop("DaigouDirectAU", "AUD")}
	makers := []*seller{shop("LavenderLaneCo", "GBP"), shop("RiceAndRoseApothecary", "GBP"), shop("TheLittleSoapery", "USD"), shop("MossAndMortarStudio", "GBP"), shop("SoapScentsByMaya", "USD"),
		shop("TheFrugalCleaner", "AUD"), shop("HerbalHollowCo", "EUR"), shop("GlowKitLab", "GBP"), shop("WildOatDIY", "USD"), shop("KitchenTableKits", "AUD"), shop("MakeYourOwnSkin", "GBP")}
	printers := []*seller{shop("PrintablePantryCo", "USD"), shop("NordicNestPrints", "EUR"), shop("PaperPenguinPrints", "GBP"), shop("LabelLoveStudio", "AUD"), shop("TidyHomePrintables", "USD")}
	vintage := []*seller{shop("VintageVesselsUK", "GBP"), shop("OldTownBottleShop", "USD"), shop("ThriftyRetroFinds", "AUD"), shop("BottleAndBramble", "GBP")}
	crafters := []*seller{shop("CrochetCosyCorner", "GBP"), shop("LeatherLoomWorks", "USD"), shop("MacrameMoonStudio", "AUD"), shop("WoodenWhittleWorks", "GBP")}
	defamers := []*seller{shop("TruthZinePress", "USD"), shop("AntiMLMPrints", "GBP"), shop("StickerRebelStudio", "AUD"), shop("ExMemberArt", "GBP")}
	personal := []*seller{{id: "DeclutterWithDana", cur: "GBP"}, {id: "PreLovedByPriya", cur: "AUD"}, {id: "SamsSpareShelf", cur: "USD"}}

	ckOfficial(g, official)
	ckAuthorised(g, wellness, "velmora")
	ckAuthorised(g, haven, "brenhaven")
	ckResellers(g, resellers)
	ckCounterfeit(g, fakers, makers)
	ckTampered(g, grey)
	ckDefamation(g, defamers)
	ckHandmade(g, makers)
	ckKits(g, makers)
	ckPrintables(g, printers)
	ckVintage(g, vintage)
	ckAccessories(g, crafters)
	ckGeneric(g, makers, crafters)
	ckLookalike(g)
	ckPersonal(g, personal)

	ls := g.w.bySite["craftly"]
	// JSON-LD shapes, redirects and a slow page
	for i, l := range ls {
		if l.shape == 0 {
			l.shape = g.r.IntN(4)
			if l.shape == 0 {
				l.shape = 4 // 4 == the plain Offer shape
			}
		}
		if len(l.variants) > 0 && l.shape == 4 {
			l.shape = 2
		}
		if i%70 == 13 {
			l.oldSlug = slugify(strings.ReplaceAll(l.title, "|", " ")+" gift", 60, false, false)
		}
	}
	for _, l := range ls {
		if l.label.Category == "price_dumping" {
			l.fault = "slow"
			break
		}
	}
}

func (g *gen) ckPrice(p *product, ratio float64, cur string, lo, hi float64) float64 {
	return g.fitPrice(p.Price*ratio, p.Currency, cur, lo, hi)
}

func ckOfficial(g *gen, s *seller) {
	for _, p := range brandProducts("quillon") {
		l := &listing{seller: s, sku: p.SKU, price: p.Price, qty: 50}
		l.title = g.craftTitle(p.Name, "Official Quillon Studio", g.pick("Free UK Delivery", "Gift Wrapped", "Vegan Skincare"))
		l.desc = fmt.Sprintf("The official Quillon Skin Lab shop on craftly. %s, made in our Leeds lab. Every pack has its batch code and authenticity seal.", p.Name)
		l.tags = []string{"quillon", "skincare", strings.ToLower(p.kind)}
		g.add(l)
		g.photo(l, imgSpec{official: p.SKU})
		g.photo(l, g.ownPhoto(p.SKU, 1))
		pass(l, "quillon", "N1 official shop", "N1: the brand's own official shop on craftly; official shops are never flagged")
	}
	for _, sku := range []string{"QUI-HYD-30G", "QUI-SPF-50"} {
		p := productBySKU[sku]
		l := &listing{seller: s, sku: p.SKU, qty: 12}
		l.price = g.fitPrice(p.Min*0.7, p.Currency, s.cur, 0, p.Min*0.85)
		l.title = g.craftTitle(p.Name, "Last Chance - Old Packaging", "Official Quillon Studio")
		l.desc = "Official clearance of the previous packaging design. Same formula, genuine, sold by Quillon Skin Lab."
		l.tags = []string{"quillon", "clearance", "sale"}
		g.add(l)
		g.photo(l, imgSpec{official: p.SKU})
		pass(l, "quillon", "N1 official shop (clearance under floor)", "N1: official shop clearance below the floor; official shops are never flagged for price")
	}
}

func ckAuthorised(g *gen, s *seller, brandID string) {
	b := brandByID[brandID]
	ps := brandProducts(brandID)
	for i, p := range ps {
		l := &listing{seller: s, sku: p.SKU, qty: g.qty(true)}
		ambiguous := p.line != "" && i%2 == 1
		name := p.Name
		if ambiguous {
			name = p.base
		}
		l.title = g.craftTitle(name, "Authorised "+brandShort[brandID]+" Stockist", g.pick("Genuine", "Fast Dispatch", "Gift Idea"))
		v := g.between(p.Min, p.Price*1.05)
		lo := p.Min
		if s.cur != p.Currency {
			lo *= 1.02
		}
		l.price = g.fitPrice(math.Max(v, lo), p.Currency, s.cur, lo, p.Price*1.1)
		l.desc = fmt.Sprintf("We are an authorised %s stockist. %s, full batch codes, supplied by the brand.", b.Name, p.Name)
		if ambiguous {
			k, val := p.lineNote()
			l.desc = fmt.Sprintf("We are an authorised %s stockist. %s: %s. Supplied by the brand with full batch codes.", b.Name, k, val)
		}
		l.tags = []string{strings.ToLower(brandShort[brandID]), strings.ToLower(p.kind)}
		if i%3 == 0 {
			l.variants = []variant{{"1 pack", l.price}, {"2 packs", math.Round(l.price*1.9*100) / 100}}
		}
		g.add(l)
		g.photo(l, imgSpec{official: p.SKU})
		kind := "N2 authorised at/above floor"
		if ambiguous {
			kind = "N2 near-twin (line only in description)"
		}
		pass(l, brandID, kind, fmt.Sprintf("N2: authorised seller %s at %s, at or above the floor %s", s.id, priceStr(l.priceCat, p.Currency), priceStr(p.Min, p.Currency)))
	}
	for i := 0; i < 3; i++ {
		p := ps[(i*3+1)%len(ps)]
		l := &listing{seller: s, sku: p.SKU, qty: g.qty(true)}
		l.title = g.craftTitle(p.Name, g.pick("Sale", "Clearance", "Members Price", "Bundle Deal"), "Authorised Stockist")
		l.price = g.fitPrice(p.Min*g.between(0.6, 0.85), p.Currency, s.cur, 0, p.Min*0.9)
		l.desc = fmt.Sprintf("Authorised %s stockist. %s at our lowest price ever!", b.Name, p.Name)
		l.tags = []string{strings.ToLower(brandShort[brandID]), "sale"}
		g.add(l)
		g.photo(l, imgSpec{official: p.SKU})
		flag(l, "price_dumping", "P1 authorised under floor", fmt.Sprintf("P1: authorised seller %s at %s, under the floor %s", s.id, priceStr(l.priceCat, p.Currency), priceStr(p.Min, p.Currency)))
	}
}

func ckResellers(g *gen, ss []*seller) {
	byBrand := map[string][]*seller{"quillon": {ss[0], ss[2], ss[5]}, "velmora": {ss[1], ss[4], ss[5]}, "brenhaven": {ss[3], ss[5]}}
	next := g.productCycle()
	for i := 0; i < 28; i++ {
		p := next()
		cands := byBrand[p.Brand]
		s := cands[i%len(cands)]
		l := &listing{seller: s, sku: p.SKU, qty: g.qty(true)}
		kind := "U1 reseller"
		name := p.Name
		if p.line != "" && i%3 == 0 {
			name = p.base
			kind = "U1 near-twin (line only in description)"
		}
		l.title = g.craftTitle(name, g.pick("Genuine", "Authentic", "100% Original"), g.pick("Sealed", "New", "In Stock"), g.pick("Fast UK Shipping", "US Seller", "Bulk Available", "Gift"))
		l.price = g.ckPrice(p, g.between(0.76, 1.1), s.cur, p.Price*0.72, p.Price*1.15)
		l.desc = fmt.Sprintf("Sourced by %s. Brand new, sealed %s with its original batch code. We buy surplus stock from distributors.", s.id, p.Name)
		if kind != "U1 reseller" {
			k, val := p.lineNote()
			l.desc += fmt.Sprintf(" %s: %s.", k, val)
		}
		l.tags = []string{strings.ToLower(brandShort[p.Brand]), strings.ToLower(p.kind), "genuine"}
		if i%4 == 1 {
			l.variants = []variant{{"1 unit", l.price}, {"2 units", math.Round(l.price*1.95*100) / 100}, {"3 units", math.Round(l.price*2.85*100) / 100}}
		}
		if i%9 == 5 {
			l.soldOut = true
		}
		g.add(l)
		if i%2 == 0 {
			g.photo(l, imgSpec{official: p.SKU})
		} else {
			g.photo(l, g.ownPhoto(p.SKU, 1))
		}
		flag(l, "unauthorized_seller", kind, fmt.Sprintf("U1: shop %s is neither official nor authorised for %s; new genuine stock at %s of list, no counterfeit or code-removal signals",
			s.id, brandByID[p.Brand].Name, pct(l.priceCat/p.Price)))
	}
}

func ckCounterfeit(g *gen, fakers, makers []*seller) {
	next := g.productCycle()
	type c struct {
		kind string
		n    int
	}
	for _, sb := range []c{{"C3 inspired-by with the brand's logo and packaging", 5}, {"C1 dupe with original logo/box", 4}, {"C1 words only in description", 3}, {"C1 unusual wording", 2}} {
		for i := 0; i < sb.n; i++ {
			p := next()
			s := fakers[i%len(fakers)]
			bn := brandShort[p.Brand]
			l := &listing{seller: s, sku: p.SKU, qty: g.qty(true)}
			var sign string
			ratio := g.between(0.2, 0.5)
			switch sb.kind {
			case "C3 inspired-by with the brand's logo and packaging":
				s = makers[(i*2+1)%len(makers)]
				l.seller = s
				l.title = g.craftTitle("Inspired by "+p.Name, "Handmade", p.size)
				sign = g.pick("comes in the same box with the "+bn+" logo printed, 1:1 identical to the counter version - nobody will know",
					"label and bottle are an exact copy of the original "+bn+" packaging, logo included",
					"we print the original "+bn+" logo and batch style on every pack so it looks the same as the real one")
				l.desc = fmt.Sprintf("Our take on %s. It %s. Made in small batches.", p.Name, sign)
				ratio = g.between(0.3, 0.7)
			case "C1 dupe with original logo/box":
				w := g.pick("Mirror Quality", "1:1 Dupe", "Replica", "AAA Dupe")
				sign = w
				l.title = g.craftTitle(p.Name+" "+w, "With Original Box and Logo", g.pick("Best Seller", "Gift"))
				l.desc = "Top quality, looks exactly like the original. Ships in 10-20 days."
			case "C1 words only in description":
				l.title = g.craftTitle(p.Name, g.pick("Genuine", "Best Price"), g.pick("Fast Shipping", "Gift"))
				sign = cfDescSignals[g.r.IntN(len(cfDescSignals))]
				l.desc = "Great value. " + sign
			case "C1 unusual wording":
				t := cfUnusual[g.r.IntN(len(cfUnusual))]
				if strings.Count(t, "%s") == 2 {
					l.title = fmt.Sprintf(t, p.Name, bn)
				} else {
					l.title = fmt.Sprintf(t, p.Name)
				}
				sign = strings.TrimSpace(strings.NewReplacer("%s", "", " - ", " ").Replace(t))
				l.desc = "Best quality. Buy 2 get 1 free."
			}
			l.price = g.ckPrice(p, ratio, s.cur, 0, p.Price*0.97)
			l.tags = []string{strings.ToLower(bn), strings.ToLower(p.kind), "dupe"}
			g.add(l)
			if g.chance(0.5) {
				g.photo(l, g.editedOfficial(p.SKU, g.handle()))
			} else {
				g.photo(l, g.fakePhoto(p.SKU))
			}
			why := fmt.Sprintf("C1: shop %s is not authorised; the listing says %q", s.id, sign)
			if sb.kind == "C3 inspired-by with the brand's logo and packaging" {
				why = fmt.Sprintf("C3: an 'inspired by' listing that says it %s; a copy under the brand's logo is a counterfeit", sign)
			}
			flag(l, "counterfeit", sb.kind, why)
		}
	}
}

func ckTampered(g *gen, ss []*seller) {
	next := g.productCycle()
	for i := 0; i < 7; i++ {
		p := next()
		s := ss[i%len(ss)]
		l := &listing{seller: s, sku: p.SKU, qty: g.qty(true)}
		var sign string
		if i%2 == 0 {
			sign = g.pick("Batch Code Trimmed", "Codes Removed", "No QR Seal", "刮码")
			l.title = g.craftTitle(p.Name, sign, "Grey Import", "Genuine")
			l.desc = fmt.Sprintf("Genuine %s. Parallel import, so the batch code is removed. Sealed.", p.Name)
		} else {
			l.title = g.craftTitle(p.Name, "Genuine", "Sealed", "Cheaper than Retail")
			sign = g.pick("the batch code has been cut off the box and the bottle", "the anti-counterfeit QR label was removed by our supplier", "lot numbers are scratched off (diverted stock)")
			l.desc = fmt.Sprintf("Genuine %s. Please note %s. Contents untouched.", p.Name, sign)
		}
		l.price = g.ckPrice(p, g.between(0.55, 0.85), s.cur, 0, p.Price)
		l.tags = []string{strings.ToLower(brandShort[p.Brand]), "genuine", "sale"}
		g.add(l)
		g.photo(l, g.tamperPhoto(p.SKU))
		flag(l, "code_tampered", "T1 "+map[bool]string{true: "words in title", false: "only in description"}[i%2 == 0], fmt.Sprintf("T1: the listing says the codes are removed (%q); genuine goods with their codes taken off", sign))
	}
}

func ckDefamation(g *gen, ss []*seller) {
	type d struct {
		brand, title, desc, sign string
		price                    float64
		pg                       page
	}
	items := []d{
		{"velmora", "Velmora Is A Pyramid Scam Sticker | Anti MLM Vinyl Decal | Laptop Sticker", "Waterproof vinyl. Velmora is a pyramid scam - tell your friends.", "a pyramid scam", 3.50, page{kind: 3, col: rgb(200, 40, 40), lines: []string{"VELMORA", "PYRAMID SCAM"}}},
		{"velmora", "Anti-Velmora Printable Flyer | Velmora Cult Warning | Instant Download", "A4 flyer: the Velmora cult takes your money and your friends. Their shakes make you ill.", "Velmora cult / shakes make you ill", 2.00, page{kind: 0, col: rgb(200, 30, 30), lines: []string{"WARNING", "VELMORA CULT"}}},
		{"velmora", "Velmora Hun Bot Mug | Velmora Daily Shake Is Poison | Funny Ex-MLM Gift", "Ceramic mug. Velmora Daily Shake is poison and the company knows it.", "poison, and the company knows it", 14.00, page{kind: 3, col: rgb(46, 112, 72), lines: []string{"VELMORA", "IS POISON"}}},
		{"velmora", "薇摩拉骗局 Sticker | Velmora Scam Chinese Sticker Pack", "薇摩拉骗局, 传销骗局! Sticker pack in Chinese and English.", "薇摩拉骗局 / 传销骗局", 4.00, page{kind: 3, col: rgb(150, 20, 20), lines: []string{"VELMORA", "SCAM"}}},
		{"velmora", "Velmora Survivor Zine | The Truth About Velmora Nutrition | Printed A5", "Stories from ex-members: Velmora Nutrition is a fraud that bankrupts families and lies about its ingredients.", "a fraud that lies about its ingredients", 7.00, page{kind: 1, col: rgb(60, 60, 60), lines: []string{"VELMORA", "SURVIVOR", "ZINE"}}},
		{"quillon", "Quillon Burns Skin Embroidered Patch | Iron On | Skincare Warning", "Iron-on patch. Quillon burns skin and their serum is toxic.", "Quillon burns skin / toxic", 6.50, page{kind: 3, col: rgb(90, 20, 90), lines: []string{"QUILLON", "BURNS SKIN"}}},
		{"quillon", "Toxic Quillon Cross Stitch Pattern PDF | Subversive Stitch", "Digital pattern: TOXIC QUILLON. Because Quillon Hydra Serum is full of mercury.", "toxic Quillon / full of mercury", 3.00, page{kind: 0, col: rgb(30, 80, 160), lines: []string{"TOXIC", "QUILLON"}}},
		{"quillon", "Quillon Lies T-Shirt | Quillon Skin Lab Fakes Its Tests | Unisex Tee", "Quillon Skin Lab fakes its clinical tests and bribes reviewers.", "fakes its tests / bribes reviewers", 18.00, page{kind: 2, col: rgb(20, 20, 20), lines: []string{"QUILLON", "LIES"}}},
		{"quillon", "珂琅毁脸 Warning Card Printable | Quillon Ruined My Skin", "珂琅毁脸! Printable warning cards to leave in shops selling Quillon.", "珂琅毁脸", 1.50, page{kind: 0, col: rgb(40, 40, 40), lines: []string{"QUILLON", "RUINED MY SKIN"}}},
		{"brenhaven", "Brenhaven Poison Warning Label Printable | Stick on Their Bottles", "Printable labels: BRENHAVEN POISON. Brenhaven cleaners cause cancer.", "Brenhaven poison / cause cancer", 2.50, page{kind: 4, col: rgb(220, 30, 30), lines: []string{"BRENHAVEN", "POISON"}}},
		{"brenhaven", "Brenhaven Scam Mug | Ex-Consultant Gift | MLM Humour", "The Brenhaven scam took my savings. Ceramic mug.", "the Brenhaven scam", 15.00, page{kind: 3, col: rgb(60, 160, 90), lines: []string{"BRENHAVEN", "SCAM"}}},
		{"brenhaven", "Brenhaven Kills Pets Tote Bag | Laundry Concentrate Protest", "Brenhaven Laundry Concentrate kills pets; they hide the reports.", "kills pets, they hide the reports", 16.00, page{kind: 2, col: rgb(230, 220, 200), lines: []string{"BRENHAVEN", "KILLS PETS"}}},
		{"brenhaven", "Brenhaven Home Care Fraud Zine | Independent Press", "Brenhaven Home Care is a fraud: their eco claims are lies and the products are toxic waste.", "a fraud / toxic waste", 6.00, page{kind: 1, col: rgb(30, 90, 50), lines: []string{"BRENHAVEN", "FRAUD"}}},
		{"quillon", "Quillon Hydra Serum Gold Line Is a Scam | Art Print | Anti-Beauty-Industry", "Art print: the Gold Line is a scam - tap water at 72 pounds.", "a scam / tap water", 12.00, page{kind: 0, col: rgb(190, 150, 50), lines: []string{"GOLD LINE", "IS A SCAM"}}},
		{"velmora", "Velmora Daily Shake Made Me Sick Pin Badge | Enamel Pin", "Enamel pin. Velmora shakes are contaminated and they cover it up.", "contaminated, they cover it up", 8.00, page{kind: 3, col: rgb(242, 226, 180), lines: []string{"VELMORA", "MADE ME SICK"}}},
	}
	for i, it := range items {
		s := ss[i%len(ss)]
		l := &listing{seller: s, title: it.title, desc: it.desc, price: it.price, qty: 99}
		l.tags = []string{"anti mlm", strings.ToLower(brandShort[it.brand])}
		g.add(l)
		g.photo(l, g.pagePhoto(it.pg, []int{bgWood, bgFabric, bgWhite, bgKraft}[i%4]))
		l.label.Flagged = true
		l.label.Category = "defamation"
		l.label.Brand = it.brand
		l.kind = "D1 attack on the brand"
		l.label.Why = fmt.Sprintf("D1: the listing text makes false factual attacks on %s (%s)", brandByID[it.brand].Name, it.sign)
	}
}

var handmadeNouns = map[string]string{
	"VEL-SHAKE-750V": "Vanilla Protein Shake Mix", "VEL-SHAKE-750C": "Chocolate Protein Shake Mix", "VEL-OMEGA-90": "Algae Omega Oil Drops",
	"VEL-PROB-30": "Fermented Probiotic Powder", "VEL-VITC-120": "Rosehip Vitamin C Chews", "VEL-FIBRE-300": "Oat Fibre Blend", "VEL-COLL-10": "Collagen Glow Tea",
	"VEL-MULTI-M60": "Herbal Multi Capsules", "VEL-MULTI-W60": "Herbal Multi Capsules", "QUI-HYD-30B": "Hyaluronic Face Serum", "QUI-HYD-30G": "Gold Facial Oil Serum",
	"QUI-NIGHT-50": "Whipped Night Cream", "QUI-TONER-200": "Rice Water Toner", "QUI-SPF-50": "Zinc Day Balm", "QUI-EYE-15": "Eye Balm", "QUI-FOAM-150": "Foaming Face Wash",
	"QUI-MASK-5": "Clay Face Mask", "BRN-SURF-1L": "All Purpose Cleaner", "BRN-DISH-500": "Citrus Dish Soap", "BRN-LAUN-2LF": "Laundry Soap",
	"BRN-LAUN-2LS": "Unscented Laundry Soap", "BRN-SOFT-1L": "Lavender Fabric Rinse", "BRN-FILT-2": "Charcoal Water Filter Sticks", "BRN-GLASS-500": "Vinegar Glass Spray", "BRN-OVEN-400": "Baking Soda Oven Paste",
}

func ckHandmade(g *gen, makers []*seller) {
	next := g.productCycle()
	for i := 0; i < 96; i++ {
		p := next()
		s := makers[g.r.IntN(len(makers))]
		bn := brandShort[p.Brand]
		noun := handmadeNouns[p.SKU]
		l := &listing{seller: s, qty: g.intn(1, 30)}
		switch i % 5 {
		case 0:
			l.title = g.craftTitle("Handmade "+noun, "Inspired by "+bn+" "+p.Aliases[0], p.size, g.pick("Vegan", "Gift for Her", "Eco Friendly"))
		case 1:
			l.title = g.craftTitle(p.Aliases[0]+" Dupe", "Homemade "+noun, "Small Batch", bn+" Inspired")
		case 2:
			l.title = g.craftTitle("Natural "+noun+" inspired by "+p.Name, "Plastic Free")
		case 3:
			l.title = g.craftTitle(bn+"-Style "+p.Aliases[0], "Handcrafted "+noun, "Refillable Glass")
		default:
			l.title = g.craftTitle("Homemade "+p.Aliases[0]+" Alternative", noun, "Zero Waste")
		}
		l.desc = fmt.Sprintf("Lovingly handmade in our studio. This %s is our own recipe, inspired by the popular %s. It is NOT a %s product, is sold under our own label and is not affiliated with %s.",
			strings.ToLower(noun), p.Name, bn, brandByID[p.Brand].Name)
		l.price = math.Round(g.between(6, 28)*100) / 100
		if g.chance(0.3) {
			l.variants = []variant{{"Sample", math.Round(l.price*0.4*100) / 100}, {"Full size", l.price}, {"Refill", math.Round(l.price*0.8*100) / 100}}
		}
		l.tags = []string{"handmade", "dupe", strings.ToLower(bn) + " inspired", strings.ToLower(noun)}
		l.made = "Handmade"
		g.add(l)
		g.photo(l, g.lookPhoto(g.handmadeLook(p, g.pick("HANDMADE", strings.ToUpper(s.id[:min(8, len(s.id))]), "HOMEMADE")), 1, []int{bgWood, bgKraft, bgMarble, bgCounter}[g.r.IntN(4)]))
		pass(l, p.Brand, "N8 handmade 'inspired by'", fmt.Sprintf("N8: the maker's own handmade product sold under its own label, only 'inspired by' %s; no brand product offered", p.Name))
	}
}

func ckKits(g *gen, makers []*seller) {
	next := g.productCycle()
	for i := 0; i < 28; i++ {
		p := next()
		s := makers[(i*5+3)%len(makers)]
		bn := brandShort[p.Brand]
		l := &listing{seller: s, qty: g.intn(2, 40)}
		noun := handmadeNouns[p.SKU]
		l.title = g.craftTitle("DIY "+noun+" Kit", "Make Your Own "+p.Aliases[0], g.pick(bn+" Dupe Recipe", "Copycat Recipe Card", "Beginner Kit"), g.pick("Gift Set", "Workshop Kit"))
		l.desc = fmt.Sprintf("Everything you need to make your own %s at home: ingredients, bottles, blank labels and an illustrated recipe card. Our recipe is inspired by %s; kit contains no %s products.", strings.ToLower(noun), p.Name, bn)
		l.price = math.Round(g.between(14, 45)*100) / 100
		l.tags = []string{"diy kit", "make your own", strings.ToLower(p.Aliases[0])}
		l.made = "Handmade"
		g.add(l)
		kit := g.handmadeLook(p, "DIY KIT")
		kit.shape = shBox
		sc := scene{bg: bgKraft, seed: g.r.Uint64(), items: []item{{lk: kit, dx: -90, scale: 0.7}, {lk: g.handmadeLook(p, ""), dx: 130, scale: 0.45}}}
		g.photo(l, imgSpec{sc: sc, quality: 82})
		pass(l, p.Brand, "N8 DIY kit", "N8: a DIY kit to make one's own version; no brand product offered")
	}
}

func ckPrintables(g *gen, ss []*seller) {
	next := g.productCycle()
	for i := 0; i < 52; i++ {
		p := next()
		s := ss[i%len(ss)]
		bn := brandShort[p.Brand]
		l := &listing{seller: s, qty: 999, made: "Digital download"}
		var kind, why string
		var pg page
		switch i % 4 {
		case 0:
			l.title = g.craftTitle("Printable Refill Labels for "+bn+" "+p.Aliases[0]+" Bottles", "Minimalist Pantry Labels", "Instant Download")
			l.desc = fmt.Sprintf("Printable minimalist labels to relabel your refill bottles and jars (fits %s %s). Our own design - no logos.", bn, p.size)
			pg = page{kind: 4, col: rgb(60, 60, 60), lines: []string{"REFILL LABELS", "REFILL"}}
			kind, why = "N8 refill labels", "N8: printable refill labels of the seller's own design; no brand product offered"
			if i == 16 || i == 36 {
				l.title = g.craftTitle(bn+" "+p.Aliases[0]+" Replacement Label", "Exact Copy of Original Label", "Printable PDF")
				l.desc = fmt.Sprintf("Worn label? Print a fresh copy of the original %s label for your bottle. PDF, print at home.", p.Name)
				pg = page{kind: 4, col: p.look.label, lines: []string{strings.ToUpper(bn), strings.ToUpper(bn)}}
				kind, why = "N8 replica label printable (noted risk)", "N8: a printable copy of the brand's label, no product offered; no SPEC category applies (noted as a packaging risk, not complained)"
			}
		case 1:
			l.title = g.craftTitle("How to Spot Fake "+p.Name, "Printable Checklist", "Genuine vs Counterfeit Guide")
			l.desc = fmt.Sprintf("A printable checklist comparing genuine and counterfeit %s: batch codes, QR seals, fonts and colours.", p.Name)
			pg = page{kind: 0, col: rgb(200, 30, 30), lines: []string{"SPOT THE FAKE", strings.ToUpper(bn), "CHECKLIST"}}
			kind, why = "N7 review, guide or printable", "N7: a guide to spotting fakes; it helps the brand, offers no product and attacks no one"
		case 2:
			l.title = g.craftTitle(bn+" "+p.Aliases[0]+" Tracker", g.pick("30 Day Planner", "Routine Planner", "Weekly Schedule"), "Printable PDF")
			l.desc = fmt.Sprintf("Track your %s routine. Printable A4/Letter planner.", p.Aliases[0])
			pg = page{kind: 0, col: p.look.label, lines: []string{"MY TRACKER", strings.ToUpper(p.look.line1)}}
			kind, why = "N7 review, guide or printable", "N7: a printable planner about the product; no product offered, no attack"
		default:
			l.title = g.craftTitle("Honest Review Zine", p.Name, g.pick("Pros and Cons", "30 Days Tested", "Ingredient Breakdown"))
			l.desc = fmt.Sprintf("My honest take on %s after a month: what I liked, what I didn't, and whether it's worth the price. Fair and personal.", p.Name)
			pg = page{kind: 1, col: p.look.body, lines: []string{"REVIEW", strings.ToUpper(bn)}}
			kind, why = "N7 review, guide or printable", "N7: an honest personal review without false attacks"
			l.made = "Handmade"
			l.qty = 20
		}
		l.price = math.Round(g.between(1.5, 9)*100) / 100
		l.tags = []string{"printable", strings.ToLower(bn), strings.ToLower(p.kind)}
		g.add(l)
		g.photo(l, g.pagePhoto(pg, []int{bgWhite, bgMarble, bgWood}[g.r.IntN(3)]))
		pass(l, p.Brand, kind, why)
	}
}

func ckVintage(g *gen, ss []*seller) {
	next := g.productCycle()
	for i := 0; i < 22; i++ {
		p := next()
		s := ss[i%len(ss)]
		bn := brandShort[p.Brand]
		decade := g.pick("1990s", "Early 2000s", "1998", "2004", "Y2K")
		l := &listing{seller: s, qty: 1, made: "Vintage"}
		l.title = g.craftTitle("Vintage "+bn+" "+p.Aliases[0]+" "+g.pick("Bottle", "Container", "Tin"), decade, "Empty", g.pick("Collectible Advertising", "Upcycle", "Retro Bathroom Decor"))
		l.desc = fmt.Sprintf("Empty vintage %s container from the %s with its original label. No contents - for display or upcycling only.", bn, decade)
		l.price = math.Round(g.between(4, 24)*100) / 100
		l.tags = []string{"vintage", "empty bottle", strings.ToLower(bn)}
		g.add(l)
		lk := p.look
		lk.body = shade(lk.body, -25)
		lk.label = shade(rgb(220, 200, 160), g.between(-20, 10))
		g.photo(l, g.lookPhoto(lk, 1, []int{bgWood, bgFabric, bgKraft}[g.r.IntN(3)]))
		pass(l, p.Brand, "N9 empty vintage packaging", "N9: an empty vintage container, no product offered")
	}
}

func ckAccessories(g *gen, ss []*seller) {
	next := g.productCycle()
	things := []string{"Crochet Cosy", "Leather Case", "Macrame Hanger", "Wooden Scoop", "Linen Pouch", "Ceramic Tray", "Embroidered Holder", "Knitted Sleeve"}
	for i := 0; i < 34; i++ {
		p := next()
		s := ss[i%len(ss)]
		bn := brandShort[p.Brand]
		th := things[(i*3)%len(things)]
		l := &listing{seller: s, qty: g.intn(1, 15), made: "Handmade"}
		l.title = g.craftTitle(th+" for "+bn+" "+p.Aliases[0], "Fits "+p.size, "Handmade Gift")
		l.desc = fmt.Sprintf("A handmade %s sized for the %s. Product not included; not affiliated with %s.", strings.ToLower(th), p.Name, brandByID[p.Brand].Name)
		l.price = math.Round(g.between(5, 35)*100) / 100
		l.tags = []string{"handmade", strings.ToLower(th), strings.ToLower(bn)}
		g.add(l)
		lk := look{shape: shBox, body: []color.RGBA{rgb(200, 120, 150), rgb(140, 90, 50), rgb(230, 220, 200), rgb(90, 140, 120)}[g.r.IntN(4)], label: rgb(250, 245, 235), cap: rgb(80, 60, 40), brand: strings.ToUpper(strings.Fields(th)[0])}
		g.photo(l, g.lookPhoto(lk, 1, []int{bgWood, bgFabric, bgKraft}[g.r.IntN(3)]))
		pass(l, p.Brand, "N4 accessory", "N4: a handmade accessory for the product, product not included")
	}
}

func ckGeneric(g *gen, makers, crafters []*seller) {
	type gi struct {
		title string
		tags  []string
		sku   string
	}
	items := []gi{
		{"Lavender Fabric Softener Sachets | Dried Lavender Bags | Set of 6", nil, "BRN-SOFT-1L"},
		{"Fresh Laundry Scented Candle | Soy Wax | Clean Linen", []string{"laundry", "fresh"}, "BRN-LAUN-2LF"},
		{"Rice Water Hair Mist | Handmade | Hair Growth", nil, "QUI-TONER-200"},
		{"Vanilla Milkshake Candle | Daily Shake Scent | Soy", nil, "VEL-SHAKE-750V"},
		{"Whipped Night Cream | Shea & Rosehip | Handmade", []string{"barrier"}, "QUI-NIGHT-50"},
		{"Gold Line Art Print | Minimalist Abstract | A4", nil, "QUI-HYD-30G"},
		{"Blue Line Sketch Print | Ocean Minimalist Art", nil, "QUI-HYD-30B"},
		{"Citrus Dish Soap Bar | Zero Waste Solid Washing Up Liquid", nil, "BRN-DISH-500"},
		{"Amber Glass Spray Bottle 500ml | Set of 3 | Streak Free Cleaning", nil, "BRN-GLASS-500"},
		{"Quilted Oven Glove | Handmade | Grill Mitt", []string{"oven", "grill"}, "BRN-OVEN-400"},
		{"Lavender Eye Pillow | Flax Seed | Eye Revive Relaxation", []string{"eye cream alternative"}, "QUI-EYE-15"},
		{"Quilling Paper Strips | 600 Pieces | Paper Craft Kit", nil, ""},
		{"Collagen Glow Bath Salts | Pink Himalayan", nil, "VEL-COLL-10"},
		{"Fish Oil Painting Original | Koi Fish Oil on Canvas", []string{"pure"}, "VEL-OMEGA-90"},
		{"Gentle Foam Cleanser Bar | Goat Milk Soap", nil, "QUI-FOAM-150"},
		{"Sheet Masks Organiser Box | Wooden", nil, "QUI-MASK-5"},
		{"Daylight Shield Sun Catcher | Stained Glass | SPF50 Window Art", []string{"daylight"}, "QUI-SPF-50"},
		{"All-Surface Concentrate Refill | Castile Soap Base 1L", nil, "BRN-SURF-1L"},
		{"Water Filter Cartridge Cosy | Crochet Jug Cover", []string{"filter"}, "BRN-FILT-2"},
		{"Men's Multi Tool Leather Sheath | Handmade", []string{"multi"}, "VEL-MULTI-M60"},
		{"Women's Multi Strand Necklace | Beaded", []string{"multi"}, "VEL-MULTI-W60"},
		{"Probiotic Sourdough Starter | Live Culture | 30 Year Old", []string{"probiotic"}, "VEL-PROB-30"},
		{"Vita-C Orange Peel Powder | Homemade", []string{"chewable"}, "VEL-VITC-120"},
		{"Fibre Art Wall Hanging | Max Size Weaving", []string{"fibremax"}, "VEL-FIBRE-300"},
		{"Chocolate Daily Shake Soap | Cocoa Butter", []string{"shake"}, "VEL-SHAKE-750C"},
		{"Laundry Concentrate Sensitive | Soapnut Liquid | Fragrance Free", nil, "BRN-LAUN-2LS"},
		{"Rice Water Toner Bottle | Hand Painted Ceramic", nil, "QUI-TONER-200"},
		{"Eye Revive Cream Tin | Empty Refillable Tins x10", nil, "QUI-EYE-15"},
		{"Oven & Grill Gel Candle | BBQ Scent", nil, "BRN-OVEN-400"},
		{"Streak-Free Glass Spray Cleaner | Homemade Vinegar | Refill", nil, "BRN-GLASS-500"},
		{"Barrier Night Cream Tin | Travel Size Empty", nil, "QUI-NIGHT-50"},
		{"Omega Pure Fish Oil Lamp | Vintage Style Oil Lamp", nil, "VEL-OMEGA-90"},
		{"Hydra Serum Bottle Earrings | Miniature Dropper | Polymer Clay", []string{"serum"}, "QUI-HYD-30B"},
		{"Daily Shake Vanilla Scented Wax Melts", nil, "VEL-SHAKE-750V"},
		{"Citrus Dish Liquid Dispenser | Ceramic | Handmade", nil, "BRN-DISH-500"},
		{"PureFlow Water Filter Jug Cover | Linen", []string{"pureflow", "filter"}, "BRN-FILT-2"},
		{"Quillon Sword Replica | Medieval Crossguard | Hand Forged", []string{"quillon", "crossguard"}, ""},
		{"Quillon Dagger Letter Opener | Brass Crossguard", []string{"quillon", "crossguard"}, ""},
	}
	ss := append(append([]*seller{}, makers...), crafters...)
	for i := 0; i < 2; i++ {
		for j, it := range items {

			s := ss[(j*7+i*3)%len(ss)]
			l := &listing{seller: s, qty: g.intn(1, 25), made: "Handmade"}
			l.title = it.title
			if i == 1 {
				l.title = it.title + " | " + g.pick("Gift for Mum", "Housewarming Gift", "Set of 2", "Christmas Gift", "Bestseller")
			}
			l.desc = fmt.Sprintf("%s. Made to order in our studio.", strings.Split(it.title, " | ")[0])
			l.price = math.Round(g.between(4, 60)*100) / 100
			if g.chance(0.25) {
				l.variants = []variant{{"Small", l.price}, {"Large", math.Round(l.price*1.6*100) / 100}}
			}
			l.tags = append([]string{"handmade"}, it.tags...)
			g.add(l)
			var lk look
			if it.sku != "" {
				lk = g.handmadeLook(productBySKU[it.sku], "")
				lk.shape = []int{shJar, shBox, shBottle, shTub}[g.r.IntN(4)]
			} else {
				lk = look{shape: shBox, body: rgb(180, 180, 190), label: rgb(180, 180, 190), cap: rgb(120, 90, 40)}
			}
			g.photo(l, g.lookPhoto(lk, 1+g.r.IntN(2), []int{bgWood, bgKraft, bgMarble, bgCounter, bgFabric}[g.r.IntN(5)]))
			pass(l, "", "N5 generic goods sharing a word", "N5: a handmade or generic item that shares words with a catalogue name; no brand product offered")
		}
	}
}

func ckLookalike(g *gen) {
	type la struct{ title, sku, brand, cur string }
	items := []la{
		{"Quillane Hydra Gold Serum | Small Batch Skincare | 30ml", "QUI-HYD-30G", "Quillane", "GBP"},
		{"Quillane Blue Hydra Serum | Hyaluronic | 30ml", "QUI-HYD-30B", "Quillane", "GBP"},
		{"Quillane Rice Water Toner | 200ml | Handmade in Bath", "QUI-TONER-200", "Quillane", "GBP"},
		{"Quillane Barrier Night Cream | 50ml Jar", "QUI-NIGHT-50", "Quillane", "GBP"},
		{"Quillane Eye Revive Balm | 15ml", "QUI-EYE-15", "Quillane", "GBP"},
		{"Velmoor Vanilla Protein Shake | Daily Shake | 750g", "VEL-SHAKE-750V", "Velmoor", "USD"},
		{"Velmoor Omega Pure Fish Oil | 90 Softgels", "VEL-OMEGA-90", "Velmoor", "USD"},
		{"Velmoor Collagen Glow Drink | 10 Pack", "VEL-COLL-10", "Velmoor", "USD"},
		{"Velmoor ProBiota Style Probiotic | 30 Sachets", "VEL-PROB-30", "Velmoor", "USD"},
		{"Brenhurst Eco Laundry Concentrate Fresh | 2L", "BRN-LAUN-2LF", "Brenhurst", "AUD"},
		{"Brenhurst Laundry Concentrate Sensitive | 2L | Fragrance Free", "BRN-LAUN-2LS", "Brenhurst", "AUD"},
		{"Brenhurst All-Surface Concentrate | 1L Glass Bottle", "BRN-SURF-1L", "Brenhurst", "AUD"},
		{"Brenhurst Streak-Free Glass Spray | 500ml", "BRN-GLASS-500", "Brenhurst", "AUD"},
		{"Brenhurst Lavender Fabric Softener | 1L", "BRN-SOFT-1L", "Brenhurst", "AUD"},
		{"Velmoor Men's Multi | 60 Tablets", "VEL-MULTI-M60", "Velmoor", "USD"},
		{"Quillane Gentle Foam Cleanser | 150ml", "QUI-FOAM-150", "Quillane", "GBP"},
	}
	shops := map[string]*seller{"Quillane": shop("QuillaneSkinStudio", "GBP"), "Velmoor": shop("VelmoorWellness", "USD"), "Brenhurst": shop("BrenhurstHome", "AUD")}
	for i, it := range items {
		p := productBySKU[it.sku]
		l := &listing{seller: shops[it.brand], qty: g.intn(5, 40), made: "Designed by " + shops[it.brand].id}
		l.title = it.title
		l.desc = fmt.Sprintf("%s - our own %s formula, made by %s.", strings.Split(it.title, " | ")[0], strings.ToLower(p.kind), it.brand)
		l.price = math.Round(convert(p.Price*g.between(0.35, 0.6), p.Currency, it.cur)*100) / 100
		l.tags = []string{strings.ToLower(it.brand), strings.ToLower(p.kind)}
		g.add(l)
		lk := likeLook(p.look, strings.ToUpper(it.brand), 4+i%2, shade(p.look.body, 40), rgb(240, 230, 250), p.look.line1, "")
		g.photo(l, g.lookPhoto(lk, 1, bgWhite))
		pass(l, "", "N3 look-alike brand", fmt.Sprintf("N3: %s is another company's brand with its own packaging, not %s", it.brand, brandByID[p.Brand].Name))
	}
}

func ckPersonal(g *gen, ss []*seller) {
	next := g.productCycle()
	for i := 0; i < 11; i++ {
		p := next()
		s := ss[i%len(ss)]
		l := &listing{seller: s, sku: p.SKU, qty: 1, shape: 3}
		left := g.pick("half used", "used a few times", "about 3/4 left", "opened, tried once")
		l.title = g.craftTitle("Destash", "Pre-loved "+p.Name, left)
		l.desc = fmt.Sprintf("Clearing out my own shelf: %s, %s. Just the one.", p.Name, left)
		l.price = g.ckPrice(p, g.between(0.2, 0.45), s.cur, 0, p.Price)
		l.tags = []string{"destash", strings.ToLower(brandShort[p.Brand])}
		g.add(l)
		g.photo(l, g.usedPhoto(p.SKU))
		pass(l, p.Brand, "N6 personal resale (used/opened)", "N6: one opened item from a private destash; personal resale is not a complaint target")
	}
}
