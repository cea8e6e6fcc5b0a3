package world6

import (
	"fmt"
	"math"
	"strings"
)

// lazmall-sg scenarios (Southeast-Asian English marketplace).

var officialTitleB = map[string]string{}

func specBlockEN(pr *product) string {
	s := fmt.Sprintf("Brand: %s\nProduct: %s\nSize: %s\nShelf life: 24 months\n", pr.brand.EN, pr.EN, pr.spec)
	if pr.hintEN != "" {
		s += "Variation: " + pr.hintEN + "\n"
	}
	return s
}

func (g *gen) descEN(pr *product, phrases []string, extra ...string) string {
	kv := enKV(g.r, pr)
	var parts []string
	if len(phrases) > 0 {
		parts = append(parts, fill(pick(g.r, phrases), kv))
	}
	parts = append(parts, extra...)
	parts = append(parts, specBlockEN(pr))
	return strings.Join(parts, "\n")
}

func (g *gen) ldShape(l *listing) {
	if l.mall {
		l.ld = 1 + g.r.IntN(5)
		return
	}
	if g.r.IntN(100) < 35 {
		l.ld = 1 + g.r.IntN(5)
	}
}

func (g *gen) bOfficial(pr *product, s *seller, v int) {
	l := g.newListing(siteB, s, pr, "official")
	b := pr.brand
	l.title = enTitle(g.r, enOfficialTitles, pr)
	if s.cur == "MYR" {
		l.title = pr.EN + " (Original Malaysia Stock) " + pick(g.r, pr.kwEN)
	}
	if _, ok := officialTitleB[pr.SKU]; !ok {
		officialTitleB[pr.SKU] = l.title
	}
	l.desc = g.descEN(pr, enOfficialDesc)
	l.price = g.localPrice(l, 1)
	if pr.Cur == l.cur {
		l.price = pr.Price
	}
	l.promoted = v == 0
	g.officialImgs(l, 0)
	hard := ""
	switch v {
	case 1:
		l.kind = "official-bundle"
		l.high = math.Round(l.price*2.7*100) / 100
		l.variants = []string{"1 unit", "Bundle of 3"}
		l.title += " [Bundle Deal]"
	case 2:
		l.kind = "official-sale"
		l.tag = l.price
		l.price = g.localPrice(l, g.between(0.45, 0.7))
		l.title = "[11.11 MEGA SALE] " + l.title
		hard = "official store far under list in a campaign"
	}
	g.ldShape(l)
	g.add(l, "", b.ID, pr.SKU, "N1: "+s.name+" is "+b.Name+"'s registered official store; official shops are never flagged", hard)
}

func (g *gen) bAuth(pr *product, s *seller, mode string) {
	l := g.newListing(siteB, s, pr, "auth-"+mode)
	b := pr.brand
	l.title = enTitle(g.r, enAuthTitles, pr)
	l.desc = g.descEN(pr, enAuthDesc)
	minR := pr.Min / pr.Price
	if g.r.IntN(2) == 0 {
		g.officialImgs(l, 0)
	} else {
		g.ownPhoto(l, pr, 3, "")
	}
	g.ldShape(l)
	okWhy := fmt.Sprintf("N2: %s is an authorised seller of %s and sells at or above the floor", s.name, b.Name)
	dumpWhy := func() string {
		return fmt.Sprintf("P1: authorised seller %s sells %s at %s, under the floor %.2f %s", s.name, pr.SKU, priceTextB(l.price, 0, l.cur, 0), pr.Min, pr.Cur)
	}
	hard := ""
	if l.cur != pr.Cur {
		hard = "priced in " + l.cur + ", catalogue in " + pr.Cur
	}
	switch mode {
	case "ok":
		l.price = g.localPrice(l, g.between(minR*1.05, 1.02))
		if l.cur != pr.Cur {
			hard = ""
		}
		g.add(l, "", b.ID, pr.SKU, okWhy, hard)
	case "floor":
		l.price = pr.Min
		g.add(l, "", b.ID, pr.SKU, okWhy+" (exactly the floor)", "authorised seller exactly at the floor")
	case "twin":
		l.title = fill("{gen} Authorised Seller {k1} Ready Stock", enKV(g.r, pr))
		l.desc = g.descEN(pr, enAuthDesc)
		tw := productBySKU[pr.twin]
		hard = "near-twin product with a generic title"
		if l.cur == pr.Cur && tw.Min > pr.Min {
			l.price = math.Floor(g.between(pr.Min, tw.Min-0.5))
			hard = "near-twin product with a generic title, priced under the other line's floor but not this one's"
		} else {
			l.price = g.localPrice(l, g.between(minR*1.05, 1))
		}
		g.add(l, "", b.ID, pr.SKU, okWhy+" (the variation names the line)", hard)
	case "sale":
		l.tag = g.localPrice(l, 1.1)
		l.price = g.localPrice(l, g.between(minR*1.05, 0.95))
		g.add(l, "", b.ID, pr.SKU, okWhy+" (discounted, still above the floor)", "shows a discount badge but stays above the floor")
	case "dump":
		l.tag = g.localPrice(l, 1)
		l.price = g.localPrice(l, g.between(0.6, minR*0.93))
		g.add(l, catDump, b.ID, pr.SKU, dumpWhy(), hard)
	}
}

func (g *gen) bUnauth(pr *product, s *seller, mode string) {
	l := g.newListing(siteB, s, pr, "unauth-"+mode)
	b := pr.brand
	hard := ""
	l.title = enTitle(g.r, enResellTitles, pr)
	l.desc = g.descEN(pr, enResellDesc)
	switch mode {
	case "impostor":
		if t, ok := officialTitleB[pr.SKU]; ok {
			l.title = t
		}
		l.desc = g.descEN(pr, nil, "Official store. 100% authentic guaranteed.")
		hard = "shop name says Official Store but it is not registered and has no Mall badge"
	case "chinese":
		l.title = fmt.Sprintf("%s %s 正品代购 ship from China", pr.ZH, pick(g.r, pr.kwZH))
		hard = "named only in Chinese on the English site"
	case "twin":
		l.title = fill("{gen} Ready Stock Original {k1}", enKV(g.r, pr))
		hard = "near-twin product: the title does not say which line, the variation and photo do"
	case "crossbrand":
		hard = "the shop is a Mall-badged authorised distributor, but of other brands"
	case "live":
		l.title = "🔥LIVE DEAL🔥 " + pr.EN + " 💯ORI ⚡️" + pick(g.r, pr.kwEN)
		hard = "emoji live-deal title"
	case "preferred":
		hard = "Preferred-seller badge, still not authorised"
	}
	l.price = g.localPrice(l, g.between(0.7, 1.05))
	if g.r.IntN(2) == 0 {
		g.officialImgs(l, 0)
	} else {
		g.ownPhoto(l, pr, pick(g.r, []int{1, 2, 4}), "")
	}
	g.ldShape(l)
	why := fmt.Sprintf("U1: %s is neither official nor authorised for %s and offers %s new at a plausible price (%.0f%% of list)", s.name, b.Name, pr.SKU, ratioOf(l)*100)
	g.add(l, catUS, b.ID, pr.SKU, why, hard)
}

func (g *gen) bCf(pr *product, s *seller, mode string) {
	l := g.newListing(siteB, s, pr, "cf-"+mode)
	b := pr.brand
	hard := ""
	ratio := g.between(0.2, 0.6)
	kv := enKV(g.r, pr)
	switch mode {
	case "title":
		l.title = fill(pick(g.r, enCfTitles), kv)
		l.desc = g.descEN(pr, enResellDesc)
	case "desc":
		l.title = enTitle(g.r, enResellTitles, pr)
		l.desc = g.descEN(pr, nil, pick(g.r, enCfDesc))
		ratio = g.between(0.3, 0.85)
		hard = "counterfeit wording only in the description"
	case "price":
		if t, ok := officialTitleB[pr.SKU]; ok {
			l.title = t
		} else {
			l.title = enTitle(g.r, enResellTitles, pr)
		}
		l.desc = g.descEN(pr, nil, "100% original, not replica! Ready stock.")
		ratio = g.between(0.18, 0.4)
		hard = "no counterfeit words (says original, not replica); price far under list and edited official photos"
	case "odd":
		l.title = fill(pick(g.r, enCfOdd), kv)
		l.desc = g.descEN(pr, enResellDesc)
		hard = "counterfeit wording in unusual spelling or wording"
	case "chinese":
		l.title = fmt.Sprintf("%s %s %s", pr.ZH, pick(g.r, []string{"高仿", "原单", "1:1", "工厂直供"}), pick(g.r, pr.kwZH))
		l.desc = g.descEN(pr, nil, "Direct from factory in Guangzhou. "+pick(g.r, enCfDesc))
		hard = "named only in Chinese on the English site"
	case "twin":
		l.title = fill("{gen} "+pick(g.r, []string{"AAA grade", "1:1 copy", "OEM version"})+" {k1}", kv)
		l.desc = g.descEN(pr, enResellDesc)
		hard = "near-twin product: the title does not say which line, the variation and photo do"
	case "impostor":
		l.title = enTitle(g.r, enOfficialTitles, pr)
		l.desc = g.descEN(pr, nil, pick(g.r, enCfDesc))
		hard = "shop name says Official"
	}
	l.price = g.localPrice(l, ratio)
	if g.r.IntN(2) == 0 {
		l.tag = g.localPrice(l, 1)
	}
	if mode == "price" || g.r.IntN(3) > 0 {
		g.editedOfficial(l, mode == "price")
	} else {
		g.fakePhoto(l, pr)
	}
	g.ldShape(l)
	if mode == "price" {
		why := fmt.Sprintf("C2: unregistered shop %s sells %s at %.0f%% of list with edited official photos; genuine stock cannot be had at that price", s.name, pr.SKU, ratioOf(l)*100)
		g.add(l, catCF, b.ID, pr.SKU, why, hard)
		return
	}
	why := fmt.Sprintf("C1: unregistered shop %s offers %s with counterfeit wording", s.name, pr.SKU)
	if strings.Contains(hard, "description") {
		why += " in the description"
	}
	g.add(l, catCF, b.ID, pr.SKU, why, hard)
}

func (g *gen) bCode(pr *product, s *seller, mode string) {
	l := g.newListing(siteB, s, pr, "code-"+mode)
	hard := ""
	if mode == "title" {
		l.title = enTitle(g.r, enCodeTitles, pr)
		l.desc = g.descEN(pr, enResellDesc)
	} else {
		l.title = enTitle(g.r, enResellTitles, pr)
		l.desc = g.descEN(pr, nil, pick(g.r, enCodeDesc))
		hard = "code removal stated only in the description"
	}
	l.price = g.localPrice(l, g.between(0.62, 0.9))
	g.ownPhoto(l, pr, pick(g.r, []int{1, 4}), "")
	g.ldShape(l)
	g.add(l, catCode, pr.brand.ID, pr.SKU, fmt.Sprintf("T1: %s states the batch codes of %s were removed", s.name, pr.SKU), hard)
}

func (g *gen) bSecond(pr *product, s *seller, neg bool) {
	l := g.newListing(siteB, s, pr, "secondhand")
	l.title = enTitle(g.r, enSecondTitles, pr)
	l.desc = g.descEN(pr, enSecondDesc)
	hard := "personal resale far under list"
	if neg {
		l.desc = g.descEN(pr, enSecondNeg, pick(g.r, enSecondDesc))
		hard = "personal resale with an honest negative opinion"
	}
	l.price = g.localPrice(l, g.between(0.2, 0.55))
	g.ownPhoto(l, pr, 2, "")
	g.ldShape(l)
	g.add(l, "", pr.brand.ID, pr.SKU, "N6: a private person reselling an opened, used item; not a trade offer a complaint can target", hard)
}

func (g *gen) siteBProduct(b *brand, pr *product, i int) {
	offs := shopsOf(siteB, skOfficial, b.ID)
	auths := shopsOf(siteB, skAuth, b.ID)
	resell := shopsOf(siteB, skReseller, "")
	fakes := shopsOf(siteB, skFake, "")
	persons := shopsOf(siteB, skPerson, "")
	au := func(k int) *seller { return auths[(i+k)%len(auths)] }
	rs := func(k int) *seller { return resell[(i*3+k)%len(resell)] }
	fk := func(k int) *seller { return fakes[(i*2+k)%len(fakes)] }
	var imp *seller
	for _, s := range shopsOf(siteB, skImpostor, "") {
		if strings.HasPrefix(strings.ToLower(s.name), strings.ToLower(b.EN)) {
			imp = s
		}
	}
	byName := func(n string) *seller {
		for _, s := range resell {
			if s.name == n {
				return s
			}
		}
		panic(n)
	}
	if b.ID == "verdanne" {
		g.bOfficial(pr, offs[0], 0)
		g.bOfficial(pr, offs[1], 0)
		if i%2 == 0 {
			g.bOfficial(pr, offs[0], 1)
		}
		if i == 3 {
			g.bOfficial(pr, offs[1], 2)
		}
		g.bAuth(pr, au(0), "ok")
		g.bAuth(pr, au(1), pick(g.r, []string{"ok", "sale"}))
		if i%2 == 0 {
			g.bAuth(pr, shop(siteB, "20110001"), "floor")
		} else {
			g.bAuth(pr, au(2), "ok")
		}
		g.bAuth(pr, au(2), "dump")
		g.bAuth(pr, au(i+1), "dump")
		if pr.twin != "" {
			g.bAuth(pr, shop(siteB, "20110001"), "twin")
		}
		g.bUnauth(pr, rs(0), "plain")
		g.bUnauth(pr, imp, "impostor")
		g.bUnauth(pr, rs(1), pick(g.r, []string{"live", "preferred", "plain"}))
		if pr.twin != "" {
			g.bUnauth(pr, rs(2), "twin")
		}
		g.bCf(pr, fk(0), "title")
		g.bCf(pr, fk(1), "desc")
		g.bCf(pr, fk(2), pick(g.r, []string{"price", "odd"}))
		if pr.twin != "" {
			g.bCf(pr, fk(3), "twin")
		}
		if i%2 == 1 {
			g.bCf(pr, imp, "impostor")
		}
		g.bCode(pr, rs(3), pick(g.r, []string{"title", "desc"}))
		g.bSecond(pr, persons[i%len(persons)], i == 2)
		return
	}
	if len(offs) > 0 {
		g.bOfficial(pr, offs[0], 0)
		if i == 2 {
			g.bOfficial(pr, offs[0], 2)
		}
	}
	g.bAuth(pr, au(0), "ok")
	g.bAuth(pr, au(1), pick(g.r, []string{"ok", "sale"}))
	g.bAuth(pr, au(2), "ok")
	if i%2 == 0 {
		g.bAuth(pr, au(i), "dump")
	}
	g.bUnauth(pr, rs(0), "plain")
	switch i % 4 {
	case 0:
		if imp != nil {
			g.bUnauth(pr, imp, "impostor")
		} else {
			g.bUnauth(pr, byName("🔥LiveDeals by Mandy🔥"), "live")
		}
	case 1:
		g.bUnauth(pr, shop(siteB, "40000004"), "chinese")
	case 2:
		g.bUnauth(pr, byName("🔥LiveDeals by Mandy🔥"), "live")
	default:
		g.bUnauth(pr, byName("yh_beautyhouse"), "preferred")
	}
	if pr.twin != "" {
		g.bUnauth(pr, rs(2), "twin")
		g.bAuth(pr, au(0), "twin")
	}
	if b.ID != "calnova" && i%3 == 0 {
		g.bUnauth(pr, shop(siteB, "20110001"), "crossbrand")
	}
	g.bCf(pr, fk(0), "title")
	g.bCf(pr, fk(1), "desc")
	g.bCf(pr, fk(2), "price")
	switch i % 3 {
	case 0:
		g.bCf(pr, fk(3), "odd")
	case 1:
		g.bCf(pr, shop(siteB, "50000002"), "chinese")
	default:
		if imp != nil {
			g.bCf(pr, imp, "impostor")
		} else {
			g.bCf(pr, fk(4), "odd")
		}
	}
	if pr.twin != "" {
		g.bCf(pr, fk(5), "twin")
	}
	if i%2 == 1 {
		g.bCode(pr, rs(4), pick(g.r, []string{"title", "desc"}))
	}
	if i%2 == 0 {
		g.bSecond(pr, persons[i%len(persons)], i == 4)
	}
}

func (g *gen) siteBBrand(b *brand) {
	var look *seller
	for _, s := range shopsOf(siteB, skCompetitor, "") {
		if s.name == b.lookEN+" Nutrition" || s.name == b.lookEN+" Beauty" || s.name == b.lookEN+" Living" || s.name == b.lookEN {
			look = s
		}
	}
	nat := shop(siteB, "62000007")
	for i, pr := range b.Products {
		kv := enKV(g.r, pr)
		if look != nil {
			t := fill("{look} "+pr.enShort+" {spec} {k1} Original", kv)
			g.simple(siteB, look, nil, "lookalike", t, "Brand: "+b.lookEN+". Our own formula, KKM/HSA registered.",
				g.roundPrice(convert(pr.Price, pr.Cur, look.cur)*g.between(0.4, 0.8), look.cur), lookDesign(pr, strings.ToUpper(strings.Fields(b.lookEN)[0])),
				Label{Why: "N3: look-alike brand " + b.lookEN + " selling its own product; a different mark, not a catalogue product"}, "look-alike brand name and packaging")
		}
		gsh, mark := nat, "NaturaBest"
		if b.ID == "homvia" {
			gsh, mark = shop(siteB, "62000009"), "HomeEssentials"
		}
		{
			t := fill(mark+" "+genericEN[pr.SKU]+" {k1} {k2} Value Pack", kv)
			g.simple(siteB, gsh, nil, "generic", t, "Brand: NaturaBest. Made in Malaysia.",
				g.roundPrice(convert(pr.Price, pr.Cur, gsh.cur)*g.between(0.25, 0.7), gsh.cur), genericDesign(pr, strings.ToUpper(mark), i),
				Label{Why: "N5: generic goods of another brand that share words with the catalogue product"}, "")
		}
	}
	acc := shop(siteB, "62000005")
	content := shopsOf(siteB, skContent, "")
	accDesign := func(shape int, col uint32) design {
		return design{shape: shape, body: hex(col), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x333333), bg: hex(0xf2f2f2)}
	}
	brandLab := func(why string) Label { return Label{Brand: b.ID, Why: why} }
	accWhy := "N4: an accessory that names the brand for compatibility; not the brand's product"
	be := b.EN
	switch b.ID {
	case "calnova":
		g.simple(siteB, acc, nil, "accessory", "Protein Shaker Bottle 600ml - fits "+be+" Plant Protein scoop", "Generic BPA-free shaker. Not affiliated with "+be+".", 12.9, accDesign(shShaker, 0x3f8f4f), brandLab(accWhy), "names the brand and product in the title")
		g.simple(siteB, acc, nil, "accessory", "Weekly Pill Organiser for "+be+" Fish Oil / Calcium / Multivitamin", "Pill box only, supplements not included.", 6.5, accDesign(shBoxFlat, 0x8ecae6), brandLab(accWhy), "names three catalogue products")
	case "lirensa":
		g.simple(siteB, acc, nil, "accessory", "Travel Bottle Set 30ml dropper (for "+be+" serum refill)", "Empty travel bottles, no brand packaging.", 8.9, accDesign(shDropper, 0xcccccc), brandLab(accWhy), "")
	case "homvia":
		fm := shop(siteB, "62000006")
		g.simple(siteB, fm, nil, "compatible-part", "Compatible Filter for "+be+" RO-600 Water Purifier (non-OEM)", "Third-party compatible cartridge. Not an original "+be+" part. Same fitting as RO-600.", 89, accDesign(shCylinder, 0x7d8ea0), brandLab("N4: a third-party compatible filter that says it is not original; not the brand's product"), "compatible part for a catalogue product, says non-OEM")
		g.simple(siteB, fm, nil, "accessory", "Pump Dispenser Head for "+be+" 1L Dish Liquid Bottle (2 pcs)", "Universal pump, fits 28mm neck.", 7.9, accDesign(shPump, 0x2f7d32), brandLab(accWhy), "")
	case "verdanne":
		g.simple(siteB, shop(siteB, "62000003"), nil, "generic", "Verdanne 100% Cotton Bedsheet Set Queen 4in1 Cadar", "Verdanne Home Textile (Malaysia). Bedsheet, pillow cases and bolster cases.", 59, accDesign(shBoxFlat, 0xc9ada7), Label{Why: "N5: bed linen of an unrelated company that uses the same word; different goods"}, "same word as the brand, unrelated goods")
	}
	pr := b.Products[0]
	vs := lookDesign(pr, "FAKE")
	gd := pr.design
	gd.vs = &vs
	gd.overlay, gd.overlayColor = "REAL VS FAKE", hex(0xd62828)
	g.simple(siteB, content[1], nil, "guide", "How to Spot Fake "+be+" "+pr.enShort+" – Real vs Replica Illustrated Guide (PDF)", "Digital guide. Learn to tell a replica from the real "+be+" product: hologram, batch code, QR check.", 2.9, gd, brandLab("N7: a guide on spotting fakes; it mentions replicas to teach, it does not sell a product"), "guide that contains counterfeit words")
	md := b.Products[1].design
	md.magnifier = true
	g.simple(siteB, content[0], nil, "service", be+" Authentication Service – Legit Check for "+b.Products[1].enShort, "Send photos, get a legit-check certificate in 24h.", 15, md, brandLab("N7: an authentication service, not a product offer"), "")
	// defamation
	comp := shop(siteB, "62000004")
	gd2 := genericDesign(pr, "PURELEAF", 2)
	def := func(title, desc string, why, hard string) {
		g.simple(siteB, comp, nil, "defamation", title, desc, g.roundPrice(g.between(9, 49), "SGD"), gd2, Label{Category: catDef, Brand: b.ID, Why: why}, hard)
	}
	warn := design{bg: hex(0xfff3cd), warning: true, noProduct: true, overlay: "SCAM ALERT", overlayColor: hex(0xd62828)}
	switch b.ID {
	case "calnova":
		def("PureLeaf Plant Protein – Calnova is an MLM scam (传销骗局), switch now", "Calnova is a 传销骗局 pyramid scheme. Our protein has the same content at 1/3 the price.", "D1: calls the brand a pyramid scheme, 传销骗局 (a brand defamation term)", "")
		def("PureLeaf Probiotics | Why Calnova probiotics damage your kidneys", "Many users of "+be+" probiotics got kidney problems (吃出肾病). Choose PureLeaf.", "D1: claims the brand's product damages kidneys (吃出肾病, a brand defamation term)", "")
		g.simple(siteB, content[1], nil, "scam-warning", "SCAM ALERT: fake "+be+" agents on WhatsApp – how to buy genuine (free guide)", "Scammers pretend to be "+be+" agents. Buy only from the official store.", 0.1, warn, brandLab("N7: a scam warning that protects the brand; it does not attack it"), "contains scam but defends the brand")
	case "lirensa":
		def("PureLeaf Calming Serum – for skin ruined by Lirensa (steroids!)", be+" serum is full of steroids and ruined my skin. Detox with PureLeaf.", "D1: falsely claims the brand's serum contains steroids and ruins skin", "defamation in English, no listed term")
		def("PureLeaf Clean Beauty Set | Lirensa 重金属超标 exposed", be+" products were found with heavy metals (重金属超标). Switch to clean beauty.", "D1: claims 重金属超标 (a brand defamation term)", "")
	case "homvia":
		def("PureLeaf Natural Dish Soap – Homvia is TOXIC, causes cancer", be+" dish liquid is toxic (有毒) and causes cancer (致癌). Protect your family.", "D1: claims the brand's dish liquid is toxic and carcinogenic (有毒/致癌, brand defamation terms)", "")
		def("PureLeaf Water Filter Jug | Homvia purifiers recalled in Malaysia?", be+" RO-600 was recalled for bacteria and the company hid it. Get PureLeaf instead.", "D1: falsely claims the brand's purifier was recalled and the company hid it", "defamation phrased as a question, no listed term")
	case "verdanne":
		def("NaturaBest Real Mangosteen – Verdanne penipuan, just sugar water", "Verdanne is penipuan (a scam) and their mangosteen essence is only sugar water.", "D1: calls the brand penipuan (a brand defamation term)", "")
		def("PureLeaf Bird Nest – Verdanne is an MLM scam, don't join", "Verdanne MLM scam: members lose money, products overpriced.", "D1: calls the brand an MLM scam (a brand defamation term)", "")
		def("PureLeaf Collagen | Verdanne bankrupt, stock repackaged?", "Heard Verdanne is going bankrupt and selling expired stock in new boxes. Buy fresh from us.", "D1: falsely claims the brand is bankrupt and repackages expired stock", "defamation only as hearsay, no listed term")
		g.simple(siteB, content[1], nil, "review", "Verdanne Mangosteen Essence honest review ebook – pros & cons", "An honest, balanced review: taste is sweet, price is high, packaging is good.", 1.9, gd, brandLab("N7: a balanced review; opinion is not defamation"), "")
	}
}

// noise: unrelated listings that share words with catalogue names.
func (g *gen) noise() {
	misc := shop(siteA, "71000003")
	d := func(shape int, col uint32, mark string) design {
		return design{shape: shape, body: hex(col), cap: hex(0xffffff), band: hex(0xffffff), ink: hex(0x333333), brand: mark, bg: hex(0xf4f4f4)}
	}
	aItems := []struct {
		t     string
		p     float64
		shape int
		col   uint32
	}{
		{"宠物鱼油 深海鱼油 猫狗美毛 软胶囊 200粒", 39, shBottle, 0xf4a261},
		{"儿童益生菌 固体饮料 冻干粉 宝宝肠胃 30袋", 79, shBox, 0xffafcc},
		{"男士洗面奶 氨基酸 洁面乳 控油 120g", 29.9, shTube, 0x264653},
		{"冰丝防晒衣 UPF50+ 防晒 女夏季 清透", 59, shBoxFlat, 0xa2d2ff},
		{"洗衣机槽清洁剂 浓缩 除垢 10包", 19.9, shBox, 0x90e0ef},
		{"儿童钙片 钙镁D3 咀嚼片 补钙 60片", 49, shBottle, 0xffb703},
		{"压缩面膜纸 一次性 补水面膜 100粒", 9.9, shBoxFlat, 0xe9edc9},
		{"新鲜山竹 泰国进口 山竹 精华 榨汁 5斤装", 69, shBox, 0x6a4c93},
		{"黑蒜 独头黑蒜 胶囊 发酵 500g 山东特产", 29.9, shJar, 0x222222},
		{"燕窝 干盏 即食燕窝 孕妇 滋补 50g", 299, shBox, 0xd00000},
		{"植物蛋白 燕麦奶 蛋白饮 250ml*12", 45, shBox, 0xdde5b6},
		{"精华液空瓶 30ml 滴管分装瓶 玻璃", 6.9, shDropper, 0xbbbbbb},
		{"厨房清洁喷雾 多效 去油污 500ml 家用", 15.9, shSpray, 0xfb8500},
		{"净水器滤芯 通用 10寸 PP棉 5支装", 35, shCylinder, 0xeeeeee},
		{"衣物柔顺剂 薰衣草 3L 大桶 留香", 29.9, shJug, 0xb8c0ff},
		{"胶原蛋白肽 粉 小分子 鱼胶原 300g", 88, shTub, 0xffc8dd},
		{"螺旋藻片 钝顶螺旋藻 500片 天然", 58, shBottle, 0x2d6a4f},
		{"女士多维片 复合维生素 叶酸 60片", 39, shBottle, 0xff8fab},
	}
	for i, it := range aItems {
		g.simple(siteA, misc, nil, "generic", it.t, "通用商品，非任何直销品牌。", it.p, d(it.shape, it.col, "GOODS"),
			Label{Why: "N5: generic goods of no catalogue brand that share words with catalogue names"}, "")
		_ = i
	}
	bshop := shop(siteB, "40000005")
	bItems := []struct {
		t     string
		p     float64
		shape int
		col   uint32
	}{
		{"Fresh Mangosteen 1kg Thailand Manggis Essence of the season", 12.9, shBox, 0x6a4c93},
		{"Black Garlic Solo Bulb 500g Bawang Hitam Capsules alternative", 15.5, shJar, 0x222222},
		{"Pet Fish Oil Softgels for Dogs & Cats Omega 3", 18.9, shBottle, 0xf4a261},
		{"Spirulina Powder 250g Organic Superfood Tablets", 21.0, shTub, 0x2d6a4f},
		{"Collagen Jelly Strips Kolagen Beauty Drink Peach", 25.9, shBox, 0xffc8dd},
		{"Water Purifier Filter Replacement Cartridge 10 inch Universal", 19.9, shCylinder, 0xeeeeee},
		{"Dish Liquid Lemon 5L Refill Sabun Pinggan Wholesale", 14.9, shJug, 0xf2d230},
		{"Bird's Nest Drink Rock Sugar 6 bottles Sarang Burung Walet", 35, shBox, 0xd00000},
		{"Sunscreen SPF50 Kids Sunblock 100ml", 16.9, shTube, 0xf5d547},
		{"Probiotic Gummies for Kids Gut Health 60 pcs", 22.9, shBottle, 0xffafcc},
		{"Hydrating Sheet Mask Masker Muka 10 sheets", 9.9, shBoxFlat, 0x7fd1de},
		{"Fabric Softener Pelembut Lavender 3L Refill", 13.5, shJug, 0xb8c0ff},
	}
	for _, it := range bItems {
		g.simple(siteB, bshop, nil, "generic", it.t, "Generic product, not related to any MLM brand.", it.p, d(it.shape, it.col, "KEDAI"),
			Label{Why: "N5: generic goods of no catalogue brand that share words with catalogue names"}, "")
	}
}
