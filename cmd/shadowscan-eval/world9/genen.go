package world9

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

func enSellers(bs []*brand) *sellers {
	s := &sellers{official: map[string]*seller{}, authorised: map[string][]*seller{}}
	off := map[string][2]string{
		"vitaluxe":  {"vitaluxe-official", "VitaLuxe Official Store"},
		"lumiel":    {"lumiel-official", "Lumiel Official"},
		"casaclara": {"casaclara", "CasaClara Store"},
	}
	auth := map[string][][3]string{
		"vitaluxe":  {{"nutripath", "NutriPath Distributors", "USD"}, {"wellnessdirect-uk", "Wellness Direct UK", "GBP"}, {"vitahub-eu", "VitaHub EU", "EUR"}},
		"lumiel":    {{"glowhouse", "GlowHouse Beauty", "USD"}, {"maison-beaute", "Maison Beauté", "EUR"}},
		"casaclara": {{"cleannest", "CleanNest Supply", "USD"}, {"homegood-co", "HomeGood Co.", "GBP"}},
	}
	for _, b := range bs {
		o := off[b.ID]
		s.official[b.ID] = &seller{ID: o[0], Name: o[1], Class: "official", Brand: b.ID, Cur: "USD"}
		b.Official = append(b.Official, sellerRef{siteEN, o[0]})
		for _, a := range auth[b.ID] {
			s.authorised[b.ID] = append(s.authorised[b.ID], &seller{ID: a[0], Name: a[1], Class: "authorised", Brand: b.ID, Cur: a[2]})
			b.Authorised = append(b.Authorised, sellerRef{siteEN, a[0]})
		}
	}
	rng := rand.New(rand.NewPCG(9, 78))
	curs := []string{"USD", "USD", "USD", "GBP", "EUR"}
	for _, n := range []string{"DiscountVitamins4U", "PrimeDeals Outlet", "Beauty Bargain Bin", "AsiaImportHub", "DailyNeeds Mart", "GlobalBuy Agent",
		"TopShelf Wholesale", "Luxe Skin Outlet", "KitchenWise Deals", "The Supplement Shack", "K-Beauty Corner", "Bright Home Goods", "MegaSave Direct",
		"Healthy Haul Co", "SkinCare Clearance", "EuroPharma Express", "Brit Beauty Finds", "Pantry & Home", "Vital Resale", "Member Stock Shop",
		"OceanBay Trading", "GymFuel Store", "HomeEssentials Plus", "Glow Getter Shop"} {
		id := strings.ToLower(strings.NewReplacer(" ", "-", "&", "and").Replace(n))
		s.business = append(s.business, &seller{ID: id, Name: n, Class: "business", Cur: pick(rng, curs)})
	}
	first := []string{"Emma", "jkwong88", "Sarah M.", "liam_p", "Chloe", "mike.t", "Aisha", "Tom B", "Grace", "nina_r", "Olivia", "ben_h", "Priya", "Lucas", "Hannah", "Jess", "Dan", "Mei", "Zoe", "Sam"}
	for i, n := range first {
		s.personal = append(s.personal, &seller{ID: fmt.Sprintf("u%d", 41000+i*37), Name: n, Class: "personal", Cur: pick(rng, curs)})
	}
	for _, n := range []string{"PureForm Nutrition", "DermaPlain", "EcoSuds", "IronChef Cookware", "Candle & Co", "Boho Loom Studio", "Digital Guides Hub", "Velvet Home Decor"} {
		s.rivals = append(s.rivals, &seller{ID: strings.ToLower(strings.NewReplacer(" ", "-", "&", "and").Replace(n)), Name: n, Class: "business", Cur: "USD"})
	}
	return s
}

func enCore(p *product, rng *rand.Rand) string {
	parts := []string{p.enType}
	if p.enVar != "" {
		if chance(rng, 0.5) {
			parts = []string{p.enVar, p.enType}
		} else {
			parts = append(parts, p.enVar)
		}
	}
	if chance(rng, 0.1) {
		// typos as sellers make them
		parts[0] = strings.NewReplacer("Protein", "Protien", "Serum", "Serun", "Cleanser", "Cleanse", "Frying", "Fryng").Replace(parts[0])
	}
	return strings.Join(append(parts, p.enSize), " ")
}

func enBrandWord(b *brand, rng *rand.Rand, evasive bool) string {
	if evasive && chance(rng, 0.4) {
		return pick(rng, []string{strings.ToUpper(b.en), b.en + "-style", "V-" + b.en, b.en + " (Generic)"})
	}
	return pick(rng, []string{b.en, b.en, strings.ToUpper(b.en), b.Name})
}

// enRival is the rival maker's shop for the brand's line.
func enRival(b *brand, p *product, ss *sellers) *seller {
	switch {
	case p.shape == "pan":
		return ss.rivals[3]
	case b.ID == "vitaluxe":
		return ss.rivals[0]
	case b.ID == "lumiel":
		return ss.rivals[1]
	}
	return ss.rivals[2]
}

func enPrice(v float64) float64 { return float64(int(v*100+0.5)) / 100 }

var enKinds = []struct {
	kind string
	n    int
}{
	{"official", 36}, {"auth", 50}, {"auth_coupon", 8}, {"dumping", 20}, {"unauth", 95}, {"cf_words", 55}, {"cf_price", 15},
	{"code", 25}, {"defamation", 12}, {"personal_used", 40}, {"personal_new", 15}, {"accessory", 40}, {"empty", 15},
	{"dupe", 35}, {"unrelated", 30}, {"sample", 20}, {"guide", 10}, {"removed", 2},
}

var enCfWords = []string{"Replica", "1:1", "Mirror Quality", "AAA Quality", "Super Copy", "Master Copy", "Factory Direct", "OEM Version", "Not Original", "Same Factory"}
var enCodeWords = []string{"batch code removed", "code scratched off", "codes cut off", "no batch number", "laser code removed", "batch code scratched"}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() > 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

func genEN(bs []*brand, ss *sellers, rng *rand.Rand) []*listing {
	var out []*listing
	ids := map[string]bool{}
	for _, k := range enKinds {
		for range k.n {
			b := pickBrand(rng, bs)
			p := pick(rng, b.Products)
			l := &listing{Site: siteEN, kind: k.kind, about: b, Sales: rng.IntN(400), Shape: rng.IntN(10)}
			for {
				l.ID = fmt.Sprint(1000000000 + rng.Int64N(800000000))
				if !ids[l.ID] {
					ids[l.ID] = true
					break
				}
			}
			enFill(l, k.kind, b, p, bs, ss, rng)
			l.Cur = l.Seller.Cur
			if l.Cur == "" {
				l.Cur = "USD"
			}
			enPriceFor(l, k.kind, p, rng)
			l.Path = "/listing/" + l.ID + "/" + slug(l.Title)
			out = append(out, l)
		}
	}
	setFault(out, "unauth", "once503")
	setFault(out, "official", "slow")
	setFault(out, "cf_words", "malformed")
	return out
}

// enPriceFor sets the price in the seller's currency once the kind is known.
func enPriceFor(l *listing, kind string, p *product, rng *rand.Rand) {
	list, floor := p.in(l.Cur, p.Price), p.in(l.Cur, p.Min)
	switch kind {
	case "official":
		l.Price = enPrice(ceil99(list * between(rng, 0.97, 1.0)))
		if chance(rng, 0.2) {
			l.Price = enPrice(floor99(list * between(rng, 0.75, 0.9))) // official sale
		}
		if chance(rng, 0.3) {
			l.High = enPrice(ceil99(l.Price * 1.9))
		}
	case "auth":
		l.Price = enPrice(ceil99(max(floor, list*between(rng, 0.92, 1.03))))
	case "auth_coupon":
		l.Price = enPrice(ceil99(floor * between(rng, 1.0, 1.03)))
		l.Coupon = enPrice(l.Price * 0.85)
	case "dumping":
		l.Price = enPrice(floor99(floor * between(rng, 0.6, 0.93)))
	case "unauth", "removed":
		l.Price = enPrice(ceil99(list * between(rng, 0.62, 1.15)))
	case "cf_words":
		if chance(rng, 0.8) {
			l.Price = enPrice(floor99(list*between(rng, 0.12, 0.55)) + 0.5)
		} else {
			l.Price = enPrice(floor99(list * between(rng, 0.7, 0.95)))
		}
	case "cf_price":
		l.Price = enPrice(max(1.99, floor99(list*between(rng, 0.1, 0.33))))
	case "code":
		l.Price = enPrice(floor99(list * between(rng, 0.5, 0.85)))
	case "personal_used":
		l.Price = enPrice(float64(int(list * between(rng, 0.25, 0.7))))
	case "personal_new":
		l.Price = enPrice(float64(int(list * between(rng, 0.55, 0.85))))
	case "accessory", "empty", "sample", "guide":
		l.Price = enPrice(ceil99(between(rng, 1, 12)))
	default: // dupe, unrelated, defamation
		l.Price = enPrice(ceil99(between(rng, 9, 45)))
	}
}

func enFill(l *listing, kind string, b *brand, p *product, bs []*brand, ss *sellers, rng *rand.Rand) {
	bw := enBrandWord(b, rng, false)
	core := enCore(p, rng)
	pts := pick(rng, p.enPoints)
	offer := func(s *seller) { l.Seller, l.offered, l.OwnBrand = s, p, b.Name }
	cond := pick(rng, []string{"", " | Fast Shipping", " - Brand New Sealed", " (Free Shipping)", " ✅", ""})
	switch kind {
	case "official":
		offer(ss.official[b.ID])
		l.OwnSKU = p.SKU
		l.Title = fmt.Sprintf("%s %s – %s%s", b.en, core, pts, pick(rng, []string{"", " | Official Store", " | Member Price"}))
		l.Desc = []string{"Sold and shipped by " + b.Name + ".", "Every pack carries a scannable authenticity code.", pick(rng, []string{"Members earn points on every order.", "Spring sale: limited time.", ""})}
		l.Sales = 500 + rng.IntN(5000)
		l.Photos = officialPhotos(p, rng)
	case "auth", "auth_coupon":
		s := pick(rng, ss.authorised[b.ID])
		offer(s)
		if chance(rng, 0.5) {
			l.OwnSKU = p.SKU
		}
		l.Title = fmt.Sprintf("%s %s%s", bw, core, pick(rng, []string{"", " – Authorized Distributor", " | " + pts, cond}))
		l.Desc = []string{s.Name + " is an authorized " + b.en + " distributor.", pick(rng, []string{"Ships from our warehouse within 24h.", "Certificate of authorization available on request.", "Free samples with every order while stocks last."})}
		if kind == "auth_coupon" {
			l.Desc = append(l.Desc, "Use code SAVE15 at checkout for 15% off your first order!")
		}
		l.Sales = 50 + rng.IntN(900)
		l.Photos = officialPhotos(p, rng)
	case "dumping":
		offer(pick(rng, ss.authorised[b.ID]))
		l.Title = fmt.Sprintf("%s%s %s%s", pick(rng, []string{"", "CLEARANCE ", "Lowest Price! ", "Flash Sale: "}), bw, core, pick(rng, []string{"", " - Genuine", " | " + pts, " 🔥"}))
		l.Desc = []string{pick(rng, []string{"Clearing stock before the new price list.", "Below retail: we buy in volume so you save.", "Authorized stock at our lowest price ever."})}
		l.Sales = 100 + rng.IntN(900)
		l.Photos = officialPhotos(p, rng)
	case "unauth":
		s := pick(rng, ss.business)
		if chance(rng, 0.08) {
			other := bs[(indexOf(bs, b)+1)%len(bs)]
			s = pick(rng, ss.authorised[other.ID])
		}
		offer(s)
		if chance(rng, 0.3) {
			l.OwnSKU = fmt.Sprintf("%s-%d", strings.ToUpper(s.ID[:3]), 1000+rng.IntN(9000))
		}
		l.Title = fmt.Sprintf("%s%s %s%s", pick(rng, []string{"", "", "100% Authentic ", "Genuine ", "NEW "}), bw, core, cond)
		l.Desc = []string{pick(rng, []string{"100% authentic, sourced from an official member.", "Imported directly from Asia. Genuine product.", "Brand new and sealed, fast tracked shipping.", "Wholesale available, message us for bulk pricing."}), pick(rng, []string{"Expiry 2027 or later.", "Ships in 1-2 business days.", ""})}
		l.Photos = officialPhotos(p, rng, pick(rng, [][]string{nil, nil, {"crop"}, {"small"}})...)
	case "cf_words":
		offer(pick(rng, ss.business))
		w := pick(rng, enCfWords)
		l.cfWord = w
		bw = enBrandWord(b, rng, true)
		if chance(rng, 0.6) {
			l.Title = fmt.Sprintf("%s %s %s%s", pick(rng, []string{w, "[" + w + "]", w + " -"}), bw, core, pick(rng, []string{"", " best quality", " cheap", " wholesale"}))
			l.Desc = []string{pick(rng, []string{"Looks and feels like the original.", "Top grade, same packaging as retail.", "Bulk orders welcome."})}
		} else {
			l.Title = fmt.Sprintf("%s %s%s", bw, core, pick(rng, []string{"", " - Big Discount", " Wholesale Lot", " 💯"}))
			l.Desc = []string{pick(rng, []string{"Please note: this is a " + strings.ToLower(w) + " item, identical to retail.", "Quality: " + w + ". Packaging may differ slightly.", "This is " + w + " stock, same formula as the brand."})}
		}
		l.Photos = []photo{{Kind: "official", Product: p, Seed: rng.Uint64(), Ops: fakeOps(rng), Text: "BESTDEAL"}}
	case "cf_price":
		offer(pick(rng, ss.business))
		l.Title = fmt.Sprintf("%s %s%s", bw, core, pick(rng, []string{" - Huge Sale", " Clearance", " Wholesale Lot", " Deal"}))
		l.Desc = []string{pick(rng, []string{"Limited stock at this price.", "Buy 3 get 1 free.", "Cheapest online."})}
		l.Photos = []photo{{Kind: "official", Product: p, Seed: rng.Uint64(), Ops: pick(rng, [][]string{nil, fakeOps(rng)})}}
	case "code":
		s := pick(rng, ss.business)
		if chance(rng, 0.1) {
			s = pick(rng, ss.authorised[b.ID])
		}
		offer(s)
		w := pick(rng, enCodeWords)
		l.codeWord = w
		if chance(rng, 0.5) {
			l.Title = fmt.Sprintf("%s %s (%s)%s", bw, core, w, pick(rng, []string{"", " - Genuine", " cheap"}))
		} else {
			l.Title = fmt.Sprintf("%s %s - Genuine, Discounted", bw, core)
		}
		l.Desc = []string{"Genuine product, " + w + " for distribution reasons. Does not affect quality."}
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
	case "defamation":
		l.Seller = enRival(b, p, ss)
		attacks := map[string][]string{
			"vitaluxe":  {"pyramid scam", "heavy metals found", "banned in the EU"},
			"lumiel":    {"contains steroids", "contains banned hormones", "mercury found in tests"},
			"casaclara": {"causes cancer", "toxic chemicals", "banned in the EU"},
		}
		a := pick(rng, attacks[b.ID])
		l.attack = a
		rival := l.Seller.Name
		l.Title = pick(rng, []string{
			fmt.Sprintf("Why I quit %s (%s) – try %s %s instead", b.en, a, rival, p.enType),
			fmt.Sprintf("%s %s – the safe alternative: %s %s", rival, p.enType, b.en, a),
			fmt.Sprintf("%s EXPOSED: %s | %s %s", b.en, a, rival, p.enType),
		})
		l.Desc = []string{fmt.Sprintf("%s products: %s. Do your research.", b.en, a), rival + " is lab tested and honest."}
		l.OwnBrand = rival
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "personal_used":
		offer(pick(rng, ss.personal))
		l.Used = true
		l.Title = fmt.Sprintf("%s %s %s %s", pick(rng, []string{"Used", "Pre-owned", "Opened"}), bw, core, pick(rng, []string{"- half left", "- used twice", "(about 70% full)", "- didn't suit me"}))
		l.Desc = []string{pick(rng, []string{"Selling my own, used a few times, didn't work for me.", map[bool]string{true: "Too sweet for me, about half left.", false: "Bought two by mistake, this one is opened."}[p.shape == "tub"], "Moving out, clearing my shelves."}), "Personal item, no returns."}
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
	case "personal_new":
		offer(pick(rng, ss.personal))
		l.Title = fmt.Sprintf("%s %s %s", pick(rng, []string{"Unopened", "Gifted, never opened -", "New (gift)"}), bw, core)
		l.Desc = []string{"Received as a gift, never opened, I just don't use it."}
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
	case "accessory":
		l.Seller = pick(rng, ss.business)
		acc := map[string][]string{
			"vitaluxe":  {"Measuring Scoop for %s Protein Tubs (compatible, 2 pack)", "Shaker Bottle 600ml – fits %s protein scoop", "Weekly Pill Organizer for %s vitamins"},
			"lumiel":    {"Replacement Pump for %s Serum Bottles", "Spatulas for %s cream jars (10 pcs)", "Travel Pouch for %s skincare"},
			"casaclara": {"Replacement Filter Compatible with %s Pitcher - 6 Pack (not original)", "Glass Lid for %s 28cm Pan", "Silicone Spatula Set for %s non-stick pans"},
		}
		l.Title = fmt.Sprintf(pick(rng, acc[b.ID]), b.en)
		l.Desc = []string{"Third-party accessory. Not made or endorsed by " + b.Name + "."}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "empty":
		l.Seller = pick(rng, ss.personal)
		l.Title = fmt.Sprintf(pick(rng, []string{"Empty %s %s Bottle – for crafts", "Empty %s %s container, clean", "%s %s gift box (empty)"}), b.en, p.enType)
		l.Desc = []string{"Empty packaging only. No product inside."}
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64(), Ops: []string{"shift"}}}
	case "dupe":
		l.Seller = enRival(b, p, ss)
		r := l.Seller.Name
		l.Title = pick(rng, []string{
			fmt.Sprintf("%s %s Dupe – %s %s, same actives", b.en, p.enType, r, p.enType),
			fmt.Sprintf("%s %s | like %s but half the price", r, p.enType, b.en),
			fmt.Sprintf("Better than %s? %s %s %s", b.en, r, p.enType, pick(rng, []string{"Factory Direct", "Vegan", ""})),
		})
		l.Desc = []string{r + " own-brand product. Not affiliated with " + b.Name + "; comparison for reference only."}
		l.OwnBrand = r
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "unrelated":
		l.about = nil
		ur := map[string][]string{
			"vitaluxe":  {"Vita Luxe Velvet Cushion Cover 45x45", "VitaLuxe Plush Bathrobe – Hotel Quality"},
			"lumiel":    {"Lumiel Handmade Soy Candle – Lavender Fields", "Lumiel Gold Hoop Earrings"},
			"casaclara": {"Casa Clara Boho Macrame Wall Hanging", "Casa Clara Ceramic Vase Set"},
		}
		l.Title = pick(rng, ur[b.ID])
		l.Seller = ss.rivals[map[string]int{"Vit": 7, "Lum": 4, "Cas": 5}[l.Title[:3]]]
		if strings.Contains(l.Title, "Earrings") {
			l.Seller = ss.rivals[5]
		}
		l.OwnBrand = l.Seller.Name
		l.Desc = []string{"Handmade in small batches."}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "sample":
		l.Seller = pick(rng, ss.business)
		sm := map[string][]string{
			"vitaluxe":  {"%s Probiotic Trial Pack 3 Sachets", "%s Protein Sample Sachets 30g x3"},
			"lumiel":    {"%s Serum Sample 5ml x 3 travel size", "%s Cream Deluxe Sample 15g"},
			"casaclara": {"%s Dish Liquid Travel Size 100ml", "%s Laundry Pods Trial 5 ct"},
		}
		l.Title = fmt.Sprintf(pick(rng, sm[b.ID]), b.en)
		l.Desc = []string{"Sample / travel size. Not the full-size product."}
		l.Photos = []photo{{Kind: "own", Product: p, Seed: rng.Uint64()}}
	case "guide":
		l.Seller = ss.rivals[6]
		l.Title = pick(rng, []string{b.en + " Product Guide & Meal Plan (PDF download)", b.en + " Routine Cheat Sheet – printable", "Direct Selling Starter Kit: " + b.en + " product notes"})
		l.Desc = []string{"Digital download. Independent guide, not affiliated with the brand."}
		l.Photos = []photo{{Kind: "unrelated", Seed: rng.Uint64()}}
	case "removed":
		offer(pick(rng, ss.business))
		l.Title = fmt.Sprintf("%s %s - Authentic", bw, core)
		l.Removed = true
	}
	if l.Seller == nil {
		panic("no seller for " + kind)
	}
}
