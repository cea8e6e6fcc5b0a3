package world5

import (
	"fmt"
	"math"
	"strings"
)

var (
	cfWordsB  = []string{"Replica", "1:1", "High Copy", "AAA Quality", "Factory Direct", "OEM Version", "Mirror Quality", "Tail Goods", "Super Copy", "Copy Version", "Original Order Surplus", "A-Grade Replica"}
	cfOddB    = []string{"Rep", "1to1", "H-Copy", "Top Copy", "Same-Factory Version", "1 to 1 Inspired Version"}
	cfDescB   = []string{"Made on the same OEM line as the brand's product – AAA quality, identical look.", "High copy version: box and hologram 1:1 with the store version.", "Factory surplus from the original order, sold without brand authorization, hence the low price.", "This is a mirror-quality copy, not the retail version; quality is the same.", "Replica packaging, identical formula – nobody can tell the difference.", "Not original brand channel. Same factory, copy version, cheaper.", "1:1 reproduction of the authentic product, perfect for resale."}
	ctWordsB  = []string{"Batch Code Removed", "Code Scratched", "No QR Code", "Lot Number Cut", "Code-Removed", "Anti-Counterfeit Label Removed"}
	ctDescB   = []string{"Batch code has been removed from the box for distribution reasons; product unaffected.", "Anti-counterfeit QR sticker removed, genuine stock from an overseas distributor.", "Lot number on the bottom scratched off (parallel import).", "The barcode and verification code were cut from the outer box.", "Security code peeled off – please do not buy if you need to scan it."}
	negB      = []string{"100% Authentic – No Replicas", "Genuine with Batch Code (Not Code-Removed)", "Original, Not a Copy", "No Fakes, Sealed with Security Code"}
	unauthBul = []string{"Imported product, sealed and new.", "Fast shipping from our warehouse.", "Buy with confidence – customer service 7 days a week.", "Long expiry date.", "Ships in original retail packaging.", "Bulk orders welcome."}
)

var fluffB = map[string][]string{
	"nutrition": {"Dietary Supplement", "Non-GMO", "Gluten Free", "Imported", "Adults", "Value Size"},
	"skincare":  {"for All Skin Types", "K-Beauty Style", "Fragrance Free", "Gift for Women", "Dermatologist Tested"},
	"household": {"Eco-Friendly", "Family Size", "Plant-Based", "Value Pack", "Home Cleaning"},
}

func slugify(t string) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range t {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			cur.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	if len(words) > 9 {
		words = words[:9]
	}
	if len(words) == 0 {
		return "product"
	}
	return strings.Join(words, "-")
}

func roundDown(v float64) float64 {
	r := math.Floor(v*2)/2 - 0.01
	if r < 0.49 {
		r = 0.49
	}
	return math.Round(r*100) / 100
}

func roundUp(v float64) float64 { return math.Round((math.Ceil(v*2)/2-0.01)*100) / 100 }

func (w *world) newB(p *product, s *seller, title string) *listing {
	l := &listing{site: siteB, key: w.asin(), title: title, seller: s, cond: "New"}
	l.slug = slugify(title)
	l.shipsFrom = s.city
	if s.kind == kOther && w.r.IntN(3) == 0 {
		l.shipsFrom = "Shopmate"
	}
	if w.r.IntN(2) == 0 {
		l.jsonld = 1 + w.r.IntN(4)
	}
	l.legacy = w.r.IntN(4) == 0
	l.rating = 3.2 + w.r.Float64()*1.7
	l.reviews = w.r.IntN(4000)
	l.sales = w.r.IntN(2000)
	if p != nil {
		l.brandName = p.b.name
		if p.b.officialB != nil && w.r.IntN(10) < 7 {
			l.byline = "Visit the " + strings.Fields(p.b.name)[0] + " Store"
		} else {
			l.byline = "Brand: " + strings.Fields(p.b.name)[0]
		}
	}
	return l
}

func (w *world) titleB(p *product, core string) string {
	f := w.pickN(fluffB[p.b.theme], 1+w.r.IntN(2))
	return core + " – " + strings.Join(f, ", ")
}

func (w *world) bulletsB(p *product, extra ...string) []string {
	b := append([]string{}, p.featEN...)
	b = append(b, extra...)
	return b
}

func fmtUSD(v float64) string { return fmt.Sprintf("$%.2f", v) }

func (w *world) genB() {
	ps := allProducts()
	offB := map[string][]*seller{}
	authB := map[string][]*seller{}
	for _, b := range brands {
		for _, id := range b.officialB {
			offB[b.id] = append(offB[b.id], w.seller(siteB, id))
		}
		for _, id := range b.authB {
			authB[b.id] = append(authB[b.id], w.seller(siteB, id))
		}
	}
	var imps []*seller
	var others []*seller
	for _, s := range w.sellersOf(siteB, kOther) {
		if strings.Contains(s.name, "Official") || strings.Contains(s.name, "Direct UAE") {
			imps = append(imps, s)
		} else {
			others = append(others, s)
		}
	}
	cfShops, greyShops, genShops := others[:10], others[10:22], others[22:]
	persons := w.sellersOf(siteB, kPerson)
	impFor := func(b *brand) *seller {
		for _, s := range imps {
			if strings.Contains(s.name, strings.Fields(b.name)[0]) {
				return s
			}
		}
		return imps[0]
	}
	var withOff []*product
	for _, p := range ps {
		if p.b.officialB != nil {
			withOff = append(withOff, p)
		}
	}
	offTitle := map[string]string{}
	for _, p := range ps {
		offTitle[p.sku] = w.titleB(p, p.enCore[0])
	}

	// ---- O1: official shops ----
	for i, p := range withOff {
		s := offB[p.b.id][0]
		l := w.newB(p, s, offTitle[p.sku])
		l.byline = "Visit the " + strings.Fields(p.b.name)[0] + " Store"
		l.price = p.usd()
		l.images = []string{w.imgOfficial(siteB, p, 92), w.imgDetail(siteB, p), w.imgScene(siteB, p, false, false)}
		l.bullets = w.bulletsB(p, "Sold and shipped by the brand – authenticity guaranteed")
		l.desc = []string{fmt.Sprintf("%s. Official %s product with a scannable security code.", p.name, p.b.name)}
		l.rank = 2
		l.kind = "official"
		if i%9 == 4 {
			l.unavail = true
		}
		l.lab = lab(false, "", nil, p, "O1: sold by the brand's own official seller account; official shops are never flagged")
		w.finish(l)

		l = w.newB(p, s, "")
		l.byline = "Visit the " + strings.Fields(p.b.name)[0] + " Store"
		l.images = []string{w.imgOfficial(siteB, p, 90), w.imgDetail(siteB, p)}
		l.bullets = w.bulletsB(p)
		l.kind = "official"
		why := "O1: official seller account; never flagged"
		switch i % 3 {
		case 0:
			l.title = p.enCore[1] + " (Pack of 2)"
			l.price = roundDown(p.usd() * 2 * 0.95)
			l.listPrice = p.usd() * 2
		case 1:
			l.title = w.titleB(p, p.enCore[2])
			l.listPrice = p.usd()
			l.price = roundDown(p.floorUSD() * w.uni(0.6, 0.85))
			l.bullets = append(l.bullets, "Limited-time deal from the brand")
			why = "O1: the brand's own deal price under the floor; official shops are never flagged"
		case 2:
			l.title = w.titleB(p, p.enCore[0]) + " (Short-Dated)"
			l.listPrice = p.usd()
			l.price = roundDown(p.floorUSD() * w.uni(0.5, 0.8))
			l.bullets = append(l.bullets, "Best before within 4 months – clearance by the brand")
			why = "O1: official short-dated clearance below the floor; never flagged"
		}
		l.desc = []string{fmt.Sprintf("Official %s listing.", p.b.name)}
		l.lab = lab(false, "", nil, p, why)
		w.finish(l)
	}
	for _, p := range w.cycle(8, withOff) {
		s := offB[p.b.id][0]
		l := w.newB(p, s, p.enCore[1]+" – Official Store Exclusive")
		l.price = p.usd()
		l.images = []string{w.imgOfficial(siteB, p, 88)}
		l.bullets = w.bulletsB(p)
		l.kind = "official"
		l.lab = lab(false, "", nil, p, "O1: official seller account; never flagged")
		w.finish(l)
	}

	// ---- N1: authorised sellers at or above the floor ----
	var authPs []*product
	for _, p := range ps {
		if len(authB[p.b.id]) > 0 {
			authPs = append(authPs, p)
		}
	}
	for i, p := range w.cycle(55, authPs) {
		s := w.pickSeller(authB[p.b.id])
		l := w.newB(p, s, "")
		l.listPrice = p.usd()
		l.price = roundUp(w.uni(p.floorUSD()*1.08, math.Max(p.floorUSD()*1.09, p.usd()-0.5)))
		l.images = []string{w.imgOfficial(siteB, p, 80+w.r.IntN(10))}
		if w.r.IntN(2) == 0 {
			l.images = append(l.images, w.imgScene(siteB, p, false, false))
		}
		l.bullets = w.bulletsB(p, "Authorized distributor – invoice available")
		l.desc = []string{fmt.Sprintf("Supplied by an authorized %s distributor.", p.b.name)}
		l.kind = "authorised_ok"
		why := fmt.Sprintf("N1: authorised seller at %s, at or above the floor (¥%.0f ≈ %s at %.1f CNY/USD)", fmtUSD(l.price), p.floor, fmtUSD(p.floorUSD()), usdRate)
		switch i % 5 {
		case 0:
			l.title = offTitle[p.sku]
		case 1:
			l.title = w.titleB(p, p.enCore[1+w.r.IntN(2)])
		case 2:
			l.title = p.enCore[w.r.IntN(3)] + " – " + w.pick(negB)
			why += "; its 'no replicas' wording is a denial, not a signal (N7)"
		case 3:
			if p.twin != "" {
				l.title = w.titleB(p, p.ambEN)
				l.bullets = append(l.bullets, p.hintEN)
				why += "; the twin is told only in the bullets and photo"
			} else {
				l.title = w.titleB(p, p.enCore[0])
			}
		case 4:
			l.title = p.enCore[0] + " (Pack of 2)"
			per := roundUp(w.uni(p.floorUSD()*1.08, math.Max(p.floorUSD()*1.09, p.usd())))
			l.price = math.Round(per*2*100) / 100
			l.listPrice = p.usd() * 2
			why = fmt.Sprintf("N1: authorised 2-pack at %s each, at or above the floor", fmtUSD(per))
		}
		l.slug = slugify(l.title)
		l.lab = lab(false, "", nil, p, why)
		w.finish(l)
	}

	// ---- D1: price dumping ----
	for i, p := range w.cycle(22, authPs) {
		s := w.pickSeller(authB[p.b.id])
		l := w.newB(p, s, "")
		l.listPrice = p.usd()
		l.images = []string{w.imgOfficial(siteB, p, 80)}
		l.bullets = w.bulletsB(p, "Authorized distributor stock")
		l.kind = "price_dumping"
		var why string
		switch {
		case i < 14:
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
			if i%4 == 0 {
				l.title = offTitle[p.sku]
			}
			l.price = roundDown(p.floorUSD() * w.uni(0.7, 0.87))
			why = fmt.Sprintf("D1: authorised seller at %s (≈ ¥%.0f), under the ¥%.0f floor", fmtUSD(l.price), l.price*usdRate, p.floor)
		case i < 19:
			n := 2 + w.r.IntN(2)
			l.title = fmt.Sprintf("%s (Pack of %d)", p.enCore[w.r.IntN(3)], n)
			per := p.floorUSD() * w.uni(0.72, 0.86)
			l.price = roundDown(per * float64(n))
			l.listPrice = p.usd() * float64(n)
			why = fmt.Sprintf("D1: authorised %d-pack at %s, %s (≈ ¥%.0f) per unit, under the ¥%.0f floor", n, fmtUSD(l.price), fmtUSD(l.price/float64(n)), l.price/float64(n)*usdRate, p.floor)
		default:
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
			l.price = roundUp(p.floorUSD() * w.uni(1.02, 1.08))
			l.coupon = []int{20, 25, 30}[w.r.IntN(3)]
			eff := l.price * float64(100-l.coupon) / 100
			why = fmt.Sprintf("D1: authorised seller's %d%% coupon brings %s down to %s (≈ ¥%.0f), under the ¥%.0f floor", l.coupon, fmtUSD(l.price), fmtUSD(eff), eff*usdRate, p.floor)
		}
		l.slug = slugify(l.title)
		l.lab = lab(true, "price_dumping", nil, p, why)
		w.finish(l)
	}

	// ---- C1/C2: counterfeits ----
	var twins []*product
	for _, p := range ps {
		if p.twin != "" {
			twins = append(twins, p)
		}
	}
	for i, p := range w.cycle(60, ps) {
		s := w.pickSeller(cfShops)
		if i%11 == 7 {
			s = impFor(p.b)
		}
		l := w.newB(p, s, "")
		l.images = []string{w.imgEdited(siteB, p)}
		if w.r.IntN(2) == 0 {
			l.images = append(l.images, w.imgEdited(siteB, p))
		}
		if w.r.IntN(3) == 0 {
			l.images = append(l.images, w.imgScene(siteB, p, true, false))
		}
		l.bullets = w.bulletsB(p, w.pick(unauthBul))
		l.kind = "counterfeit"
		if w.r.IntN(2) == 0 {
			l.listPrice = p.usd()
		}
		base := p.price / usdRate
		var why string
		switch {
		case i < 30:
			word := w.pick(cfWordsB)
			switch i % 4 {
			case 0:
				l.title = word + " " + p.enCore[w.r.IntN(3)]
			case 1:
				l.title = w.titleB(p, p.enCore[w.r.IntN(3)]) + " " + word
			case 2:
				word = w.pick(cfOddB)
				l.title = p.enCore[w.r.IntN(3)] + " (" + word + ")"
			case 3:
				l.title = p.b.cn + " " + p.enCore[w.r.IntN(3)] + " " + []string{"原单", "高仿", "1:1"}[w.r.IntN(3)] + " " + word
			}
			if i == 6 || i == 18 {
				q := twins[(i/6)%len(twins)]
				p = q
				base = p.price / usdRate
				l.title = p.ambEN + " " + word
				l.images = []string{w.imgEdited(siteB, p)}
				l.bullets = w.bulletsB(p, p.hintEN)
			}
			l.price = roundDown(base * w.uni(0.2, 0.75))
			why = fmt.Sprintf("C1: unauthorised seller, red-flag wording %q in the title", word)
			if i == 6 || i == 18 {
				why += "; the title does not say which twin, the bullets and photo do"
			}
		case i < 46:
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
			if i%3 == 0 {
				l.title = offTitle[p.sku]
			}
			sent := w.pick(cfDescB)
			if i%2 == 0 {
				l.bullets = append(l.bullets, sent)
			} else {
				l.desc = []string{sent}
			}
			l.price = roundDown(base * w.uni(0.42, 0.8))
			why = fmt.Sprintf("C1: unauthorised seller admits a counterfeit only in the bullets/description (%q)", sent)
		default:
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
			if i%3 == 0 {
				l.title = offTitle[p.sku]
			}
			l.price = roundDown(base * w.uni(0.14, 0.32))
			l.listPrice = p.usd()
			why = fmt.Sprintf("C2: unauthorised seller at %s (≈ ¥%.0f), %.0f%% of the ¥%.0f list price", fmtUSD(l.price), l.price*usdRate, l.price*usdRate/p.price*100, p.price)
		}
		if len(l.desc) == 0 {
			l.desc = []string{"Great product at a great price."}
		}
		l.slug = slugify(l.title)
		l.lab = lab(true, "counterfeit", nil, p, why)
		w.finish(l)
	}

	// ---- T1: code tampered ----
	for i, p := range w.cycle(22, ps) {
		s := w.pickSeller(greyShops)
		l := w.newB(p, s, "")
		l.images = []string{w.imgScene(siteB, p, false, true), w.imgOfficial(siteB, p, 75)}
		l.bullets = w.bulletsB(p, w.pick(unauthBul))
		l.listPrice = p.usd()
		l.price = roundDown(p.price / usdRate * w.uni(0.56, 0.92))
		l.kind = "code_tampered"
		var why string
		switch {
		case i < 10:
			word := w.pick(ctWordsB)
			l.title = p.enCore[w.r.IntN(3)] + " (" + word + ")"
			why = fmt.Sprintf("T1: the title says the codes are removed (%q)", word)
		case i < 18:
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
			sent := w.pick(ctDescB)
			if i%2 == 0 {
				l.bullets = append(l.bullets, sent)
			} else {
				l.desc = []string{sent}
			}
			why = fmt.Sprintf("T1: only the bullets/description say the codes are removed (%q)", sent)
		default:
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)]) + " " + []string{"刮码", "无码", "撕码", "剪码"}[i%4]
			why = "T1: the title carries the Chinese code-removal word (刮码/无码/撕码/剪码)"
		}
		if len(l.desc) == 0 {
			l.desc = []string{"Genuine product from overseas channel."}
		}
		l.slug = slugify(l.title)
		l.lab = lab(true, "code_tampered", nil, p, why)
		w.finish(l)
	}

	// ---- U1: unauthorised sellers at plausible prices ----
	beautyBay := w.seller(siteB, "A1BZ6YF0T2CE8D")
	for i, p := range w.cycle(60, ps) {
		s := w.pickSeller(greyShops)
		l := w.newB(p, s, "")
		if w.r.IntN(2) == 0 {
			l.images = []string{w.imgOfficial(siteB, p, 75+w.r.IntN(15))}
		} else {
			l.images = []string{w.imgScene(siteB, p, false, false), w.imgScene(siteB, p, false, false)}
		}
		l.bullets = w.bulletsB(p, w.pick(unauthBul))
		l.desc = []string{w.pick(unauthBul)}
		if w.r.IntN(2) == 0 {
			l.listPrice = p.usd()
		}
		l.price = roundUp(p.price / usdRate * w.uni(0.66, 1.1))
		l.kind = "unauthorized_seller"
		why := "U1: a seller neither official nor authorised offers the product new at a plausible price, with no counterfeit or code-removal signal"
		switch i % 8 {
		case 0:
			l.title = offTitle[p.sku]
			why = "U1: unauthorised seller copying the official title, plausible price"
		case 1, 2:
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
		case 3:
			l.title = fmt.Sprintf("%s %s %s", p.b.cn, p.cn, p.enCore[0])
			if w.r.IntN(2) == 0 {
				l.title = p.cn + " " + p.aliases[1]
			}
			why = "U1: unauthorised seller; the title names the product in Chinese, plausible price"
		case 4:
			l.seller = impFor(p.b)
			l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
			why = "U1: seller name imitates the brand's store but the account is not registered; plausible price"
		case 5:
			if p.twin != "" {
				l.title = w.titleB(p, p.ambEN)
				l.bullets = append(l.bullets, p.hintEN)
				l.images = []string{w.imgOfficial(siteB, p, 82)}
				why = "U1: unauthorised seller; the twin is told only in the bullets and photo"
			} else {
				l.title = w.titleB(p, p.enCore[0])
			}
		case 6:
			l.title = p.enCore[w.r.IntN(3)] + " – " + w.pick(negB)
			why = "U1/N7: unauthorised seller at a plausible price; its 'no replicas' wording is a denial, not a signal"
		case 7:
			if p.b.id != "lunessa" {
				l.seller = beautyBay
				l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
				why = "U1: the seller is authorised for Lunessa only, not for this brand; plausible price"
			} else {
				l.title = w.titleB(p, p.enCore[w.r.IntN(3)])
			}
		}
		l.shipsFrom = l.seller.city
		l.slug = slugify(l.title)
		l.lab = lab(true, "unauthorized_seller", nil, p, why)
		w.finish(l)
	}

	// ---- F1: defamation ----
	defB := map[string][]string{
		"verdalis":  {"The Verdalis Pyramid Scheme: How I Lost $10,000 Selling Protein Powder (Paperback)", "Verdalis Exposed – an Illegal Pyramid Scheme Disguised as Nutrition (Kindle Edition)", "Escaping Verdalis: The Pyramid Scheme Behind the Fish Oil (Audiobook)"},
		"lunessa":   {"Lunessa Serum Contains Mercury – Independent Lab Report (Kindle Edition)", "Why Lunessa Ruined My Skin: Hormone Face and Mercury in Your Serum (Paperback)", "Lunessa Creams: Heavy Metals Over the Limit – Consumer Warning Booklet"},
		"clarimont": {"Clarimont Toxic Chemicals: What They Don't Tell You About Your Laundry (Paperback)", "Clarimont Home Products Are Carcinogenic – The Evidence (Kindle Edition)", "Toxic Clarimont: Optical Brighteners and Cancer (Booklet)"},
		"sorevita":  {"Sorevita Scam: Fake Medicine Sold as Supplements (Kindle Edition)", "The Sorevita Scam Exposed – Pyramid Selling and Fake Liver Pills (Paperback)"},
	}
	for i := 0; i < 14; i++ {
		b := brands[i%4]
		s := w.pickSeller(genShops)
		titles := defB[b.id]
		title := titles[(i/4)%len(titles)]
		why := "F1: the listing asserts the brand is a scam / pyramid scheme / toxic / harmful"
		bul := []string{"Everything the company does not want you to know", "Based on interviews with former members"}
		var l *listing
		if i >= 11 {
			p := b.products[w.r.IntN(len(b.products))]
			other := w.pick(b.sameEN)
			title = other + " " + p.enBare + " – " + w.pick(fluffB[b.theme])
			bul = []string{fmt.Sprintf("Unlike %s, our formula is safe: %s products are %s.", strings.Fields(b.name)[0], strings.Fields(b.name)[0],
				map[string]string{"verdalis": "sold by a pyramid scheme", "lunessa": "full of mercury", "clarimont": "toxic and carcinogenic", "sorevita": "a scam, basically fake medicine"}[b.id]), "Switch today and feel the difference"}
			why = "F1: a competitor's own product whose bullets attack the brand"
			l = w.newB(nil, s, title)
			l.byline = "Brand: " + other
			l.images = []string{w.imgLook(siteB, w.genericLook(p.lk.shape, other, p.lk.line), false)}
			l.price = roundDown(p.price / usdRate * w.uni(0.3, 0.6))
		} else {
			l = w.newB(nil, s, title)
			l.byline = "by " + w.pick([]string{"Dana Whitfield", "R. K. Mason", "Li Wen", "Sam Porter", "Consumer Watch Press"}) + " (Author)"
			l.format = w.pick([]string{"Paperback", "Kindle Edition"})
			l.images = []string{w.imgLook(siteB, look{shape: shBook, body: rgb(20, 20, 20), accent: rgb(230, 40, 40), mark: strings.ToUpper(strings.Fields(b.name)[0]), line: "EXPOSED", sub: "THE TRUTH", logo: 5}, false)}
			l.price = roundDown(w.uni(2.99, 19.99))
		}
		l.bullets = bul
		l.desc = []string{"A hard-hitting look at " + strings.Fields(b.name)[0] + "."}
		l.kind = "defamation"
		l.lab = lab(true, "defamation", b, nil, why)
		w.finish(l)
	}
	w.genNegativesB(ps, genShops, persons)
}

func (w *world) genNegativesB(ps []*product, genShops, persons []*seller) {
	// N2: look-alikes and dupes
	for i, p := range w.cycle(40, ps) {
		s := w.pickSeller(genShops)
		name := p.b.looksEN[i%2]
		first := strings.Fields(p.b.name)[0]
		core := strings.Replace(p.enCore[w.r.IntN(3)], first, name, 1)
		l := w.newB(nil, s, w.titleB(p, core))
		l.byline = "Visit the " + name + " Store"
		l.brandName = name
		l.price = roundDown(p.price / usdRate * w.uni(0.25, 0.6))
		lk := w.lookalike(p, name)
		l.images = []string{w.imgLook(siteB, lk, false), w.imgLook(siteB, lk, true)}
		l.bullets = []string{fmt.Sprintf("%s original formula", name), "Great value"}
		l.desc = []string{name + " – our own brand."}
		l.kind = "lookalike"
		l.lab = lab(false, "", nil, nil, fmt.Sprintf("N2: a different brand (%s) whose name resembles %s; not the catalogue product", name, p.b.name))
		l.slug = slugify(l.title)
		w.finish(l)
	}
	for i, p := range w.cycle(15, ps) {
		s := w.pickSeller(genShops)
		other := w.pick(p.b.sameEN)
		first := strings.Fields(p.b.name)[0]
		t := []string{"%s %s – Compare to %s", "%s %s (%s Dupe)", "%s %s, a %s Alternative"}[i%3]
		l := w.newB(nil, s, fmt.Sprintf(t, other, p.enBare, first))
		l.byline = "Visit the " + other + " Store"
		l.brandName = other
		l.price = roundDown(p.price / usdRate * w.uni(0.2, 0.5))
		l.images = []string{w.imgLook(siteB, w.genericLook(p.lk.shape, other, p.lk.line), false)}
		l.bullets = []string{fmt.Sprintf("%s's own formula, not affiliated with %s", other, first), "Similar results for less"}
		l.kind = "other_brand"
		l.lab = lab(false, "", nil, nil, fmt.Sprintf("N2: another brand's product (%s) mentioning %s only for comparison", other, first))
		l.slug = slugify(l.title)
		w.finish(l)
	}
	// N3: accessories
	var accs []struct {
		p *product
		t string
	}
	for _, p := range ps {
		for _, a := range p.accEN {
			accs = append(accs, struct {
				p *product
				t string
			}{p, a})
		}
	}
	for i := 0; i < 30; i++ {
		a := accs[i%len(accs)]
		s := w.pickSeller(genShops)
		t := a.t
		if i >= len(accs) {
			t += " – " + w.pick([]string{"BPA Free", "2 Pack", "Upgraded", "Black", "Clear", "Durable"})
		}
		l := w.newB(nil, s, t)
		l.byline = "Brand: " + w.pick([]string{"Generic", "HOMEFIT", "Zeeyo", "KITCHBEE", "Generic"})
		l.price = roundDown(w.uni(3, 25))
		shape := shCup
		switch {
		case strings.Contains(t, "Organizer"):
			shape = shTray
		case strings.Contains(t, "Filter for"):
			shape = shCartridge
		case strings.Contains(t, "Wrench"), strings.Contains(t, "Spatula"), strings.Contains(t, "Dropper"), strings.Contains(t, "Pump"), strings.Contains(t, "Sprayer"), strings.Contains(t, "Funnel"):
			shape = shTool
		}
		lk := w.genericLook(shape, "", "")
		if shape == shCartridge {
			lk.mark = "COMPATIBLE"
		}
		l.images = []string{w.imgLook(siteB, lk, w.r.IntN(2) == 0)}
		l.bullets = []string{"Third-party accessory, not made by or affiliated with the brand", "Fits the listed product"}
		l.kind = "accessory"
		l.lab = lab(false, "", a.p.b, nil, "N3: an accessory or clearly-marked compatible part for the brand's product, not the product itself")
		l.slug = slugify(l.title)
		w.finish(l)
	}
	// N4: generic goods
	for i, p := range w.cycle(70, ps) {
		s := w.pickSeller(genShops)
		g := p.genEN[i%len(p.genEN)]
		brandName := w.pick([]string{"Generic", "NutraBest", "PureLab", "HomeEase", "Amazing Basics", "VitaCore", "CleanSmart"})
		l := w.newB(nil, s, g+" – "+w.pick(fluffB[p.b.theme]))
		l.byline = "Brand: " + brandName
		l.brandName = brandName
		l.price = roundDown(p.price / usdRate * w.uni(0.15, 0.7))
		l.images = []string{w.imgLook(siteB, w.genericLook(p.lk.shape, asciiOnly(brandName), ""), w.r.IntN(2) == 0)}
		l.bullets = []string{"Quality you can trust", "Great value"}
		l.kind = "generic"
		l.lab = lab(false, "", nil, nil, "N4: generic goods that only share words with a catalogue product")
		l.slug = slugify(l.title)
		w.finish(l)
	}
	// N5: used / personal resale
	for i, p := range w.cycle(30, ps) {
		s := persons[i%len(persons)]
		l := w.newB(p, s, "")
		note := []string{"opened once", "used twice, 90% left", "open box, unused", "gift I never used, box opened", "bought two, selling the spare"}[i%5]
		l.title = fmt.Sprintf("%s (Used – %s)", p.enCore[w.r.IntN(3)], note)
		l.cond = []string{"Used - Like New", "Used - Very Good", "Used - Good"}[i%3]
		l.price = roundDown(p.price / usdRate * w.uni(0.45, 0.8))
		l.listPrice = p.usd()
		l.images = []string{w.imgScene(siteB, p, false, false)}
		l.bullets = w.bulletsB(p)
		l.desc = []string{"Personal item, " + note + ". Only one available."}
		l.shipsFrom = s.city
		l.kind = "second_hand"
		l.lab = lab(false, "", nil, p, "N5: a private person reselling a single used/opened unit; genuine-goods resale, not a complaint case")
		l.slug = slugify(l.title)
		w.finish(l)
	}
	// N6: guides and reviews
	gt := []string{"How to Spot Fake %s: A Buyer's Guide to Counterfeit %s (Kindle Edition)", "Real or Fake? Checking %s Security Codes and Packaging – %s Edition (Paperback)", "%s Honest Review Journal: 30 Days with %s (Paperback)", "The Counterfeit Checklist: %s and Other %s Brands (Kindle Edition)", "%s Unboxing and Review Notebook – %s Tracker"}
	for i := 0; i < 25; i++ {
		b := brands[i%4]
		s := w.pickSeller(genShops)
		p := b.products[w.r.IntN(len(b.products))]
		first := strings.Fields(b.name)[0]
		var t string
		switch i % 5 {
		case 0, 1:
			t = fmt.Sprintf(gt[i%5], p.enCore[0], map[string]string{"nutrition": "Supplements", "skincare": "Skincare", "household": "Home Care"}[b.theme])
		case 2:
			t = fmt.Sprintf(gt[2], first, p.enCore[0])
		default:
			t = fmt.Sprintf(gt[i%5], p.enCore[0], map[string]string{"nutrition": "Supplement", "skincare": "Skincare", "household": "Household"}[b.theme])
		}
		l := w.newB(nil, s, t)
		l.byline = "by " + w.pick([]string{"Anna Keller", "M. Rahman", "Grace Liu", "Tom Becker", "Buyer Safety Council"}) + " (Author)"
		l.format = w.pick([]string{"Paperback", "Kindle Edition"})
		l.price = roundDown(w.uni(1.99, 14.99))
		l.images = []string{w.imgLook(siteB, look{shape: shBook, body: rgb(245, 245, 240), accent: rgb(30, 120, 200), mark: "REAL OR FAKE", line: strings.ToUpper(first), sub: "GUIDE", logo: 5}, false)}
		l.bullets = []string{"Step-by-step photos of genuine packaging", "How to verify security codes with the brand"}
		l.kind = "guide"
		l.lab = lab(false, "", b, nil, "N6: a fake-spotting guide or review journal; it neither offers nor attacks the product")
		l.slug = slugify(l.title)
		w.finish(l)
	}
}
