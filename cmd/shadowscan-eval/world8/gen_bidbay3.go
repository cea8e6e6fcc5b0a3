package world8

import (
	"fmt"
	"image/color"
	"strings"
)

// likeLook is another company's product in the same kind of pack.
func likeLook(base look, brandText string, mark int, body, label color.RGBA, l1, l2 string) look {
	lk := base
	lk.brand = brandText
	lk.mark = mark
	lk.body = body
	lk.label = label
	lk.line1, lk.line2 = l1, l2
	return lk
}

type simple struct {
	title, desc string
	sku         string // shape taken from this product's pack
	brand       string // item specifics Brand
	price       float64
	lk          *look
}

func bbLookalike(g *gen) {
	velmoor := mkSeller("velmoor_nutrition", 3380, 99.0, true, "Orlando, Florida, United States", "USD")
	quillane := mkSeller("quillane_skincare", 1920, 99.4, true, "Bath, United Kingdom", "GBP")
	brenhurst := mkSeller("brenhurst-home", 2760, 99.3, true, "Newcastle, New South Wales, Australia", "AUD")
	hk := mkSeller("weimojia_hk_store", 880, 98.2, true, "Kwun Tong, Hong Kong", "USD")
	others := map[string]*seller{
		"velmoor":   mkSeller("dailydealsdepot", 11022, 98.1, true, "Dallas, Texas, United States", "USD"),
		"quillane":  mkSeller("beautybargains_uk", 3702, 98.9, true, "Birmingham, United Kingdom", "GBP"),
		"brenhurst": mkSeller("homestore_bargains", 8890, 98.5, true, "Leicester, United Kingdom", "GBP"),
	}
	type la struct {
		title, sku, brand, l1, l2 string
		price                     float64
		s                         *seller
		body, label               color.RGBA
	}
	vb, vl := rgb(220, 236, 250), rgb(60, 140, 200)
	qb, ql := rgb(250, 240, 250), rgb(200, 120, 170)
	bb, bl := rgb(250, 250, 250), rgb(230, 110, 40)
	items := []la{
		{"Velmoor Daily Protein Shake Vanilla 750g Meal Replacement", "VEL-SHAKE-750V", "Velmoor", "PROTEIN", "VANILLA", 39.99, velmoor, vb, vl},
		{"Velmoor Daily Protein Shake Chocolate 750g", "VEL-SHAKE-750C", "Velmoor", "PROTEIN", "CHOC", 39.99, velmoor, vb, rgb(120, 80, 60)},
		{"Velmoor Omega 3 Fish Oil 90 Softgels 1000mg", "VEL-OMEGA-90", "Velmoor", "OMEGA 3", "1000MG", 19.99, velmoor, rgb(200, 150, 60), vl},
		{"Velmoor Vitamin C Chewable 120 Tablets Orange", "VEL-VITC-120", "Velmoor", "VIT C", "120", 12.99, velmoor, rgb(250, 200, 60), vl},
		{"Velmoor Men's Multivitamin 60 Tablets", "VEL-MULTI-M60", "Velmoor", "MEN", "MULTI", 16.49, velmoor, vb, rgb(20, 60, 120)},
		{"Velmoor Women's Multivitamin 60 Tablets", "VEL-MULTI-W60", "Velmoor", "WOMEN", "MULTI", 16.49, velmoor, vb, rgb(230, 120, 160)},
		{"Velmoor Probiotic 30 Sachets Gut Health", "VEL-PROB-30", "Velmoor", "PROBIOTIC", "30", 24.99, velmoor, vb, vl},
		{"Velmoor Collagen Beauty Drink 10 x 50ml", "VEL-COLL-10", "Velmoor", "COLLAGEN", "10X50", 34.99, velmoor, rgb(250, 220, 230), vl},
		{"Velmoor Daily Protein Shake Vanilla 750g", "VEL-SHAKE-750V", "Velmoor", "PROTEIN", "VANILLA", 36.50, others["velmoor"], vb, vl},
		{"Velmoor Omega 3 Fish Oil 90 Caps - Twin Pack", "VEL-OMEGA-90", "Velmoor", "OMEGA 3", "X2", 35.00, others["velmoor"], rgb(200, 150, 60), vl},
		{"薇摩佳代餐奶昔 香草味 750g Weimojia Meal Shake Vanilla", "VEL-SHAKE-750V", "Weimojia", "WEIMOJIA", "SHAKE", 22.00, hk, rgb(250, 250, 220), rgb(240, 180, 40)},
		{"薇摩佳深海鱼油 90粒 Weimojia Fish Oil", "VEL-OMEGA-90", "Weimojia", "WEIMOJIA", "OIL", 15.00, hk, rgb(230, 180, 80), rgb(240, 180, 40)},
		{"Quillane Hydra Gold Serum 30ml Hyaluronic", "QUI-HYD-30G", "Quillane", "HYDRA", "GOLD", 24.00, quillane, qb, rgb(230, 200, 80)},
		{"Quillane Blue Hydra Serum 30ml", "QUI-HYD-30B", "Quillane", "HYDRA", "BLUE", 19.00, quillane, qb, rgb(80, 140, 220)},
		{"Quillane Rice Toner 200ml Brightening", "QUI-TONER-200", "Quillane", "RICE", "TONER", 14.00, quillane, qb, ql},
		{"Quillane Night Barrier Cream 50ml Ceramide", "QUI-NIGHT-50", "Quillane", "NIGHT", "BARRIER", 22.00, quillane, rgb(230, 220, 240), ql},
		{"Quillane SPF50 Daylight Fluid 50ml", "QUI-SPF-50", "Quillane", "DAYLIGHT", "SPF50", 15.50, quillane, rgb(255, 240, 200), ql},
		{"Quillane Eye Cream 15ml Caffeine", "QUI-EYE-15", "Quillane", "EYE", "CAFFEINE", 13.00, quillane, qb, ql},
		{"Quillane Gentle Foam Cleanser 150ml", "QUI-FOAM-150", "Quillane", "FOAM", "GENTLE", 11.00, quillane, qb, ql},
		{"Quillane Hydra Gold Serum 30ml - UK Stock", "QUI-HYD-30G", "Quillane", "HYDRA", "GOLD", 22.50, others["quillane"], qb, rgb(230, 200, 80)},
		{"Quillane Sheet Mask Set 5 pcs", "QUI-MASK-5", "Quillane", "MASK", "5 PCS", 9.99, others["quillane"], qb, ql},
		{"珂珑蓝线精华液 30ml Kelong Blue Essence", "QUI-HYD-30B", "Kelong", "KELONG", "BLUE", 12.00, hk, rgb(230, 240, 255), rgb(40, 60, 140)},
		{"Brenhurst Laundry Concentrate Fresh 2L", "BRN-LAUN-2LF", "Brenhurst", "LAUNDRY", "FRESH", 22.00, brenhurst, bb, bl},
		{"Brenhurst Laundry Concentrate Sensitive 2L", "BRN-LAUN-2LS", "Brenhurst", "LAUNDRY", "SENSITIVE", 22.00, brenhurst, bb, rgb(120, 170, 220)},
		{"Brenhurst Glass Spray Streak Free 500ml", "BRN-GLASS-500", "Brenhurst", "GLASS", "SPRAY", 8.50, brenhurst, rgb(220, 240, 220), bl},
		{"Brenhurst Citrus Dish Liquid 500ml", "BRN-DISH-500", "Brenhurst", "DISH", "CITRUS", 6.00, brenhurst, rgb(250, 240, 180), bl},
		{"Brenhurst All Surface Cleaner 1L Concentrate", "BRN-SURF-1L", "Brenhurst", "ALL SURFACE", "1L", 16.00, brenhurst, rgb(200, 220, 250), bl},
		{"Brenhurst Oven Gel 400ml Grill Cleaner", "BRN-OVEN-400", "Brenhurst", "OVEN", "GEL", 11.00, brenhurst, rgb(60, 60, 60), bl},
		{"Brenhurst Fabric Softener Lavender 1L", "BRN-SOFT-1L", "Brenhurst", "SOFTENER", "LAVENDER", 9.00, brenhurst, rgb(230, 220, 250), bl},
		{"Brenhurst Water Filter Cartridge 2 Pack", "BRN-FILT-2", "Brenhurst", "FILTER", "X2", 29.00, brenhurst, rgb(240, 240, 240), bl},
		{"Brenhurst Laundry Concentrate Fresh 2L x 2", "BRN-LAUN-2LF", "Brenhurst", "LAUNDRY", "FRESH", 18.00, others["brenhurst"], bb, bl},
		{"Brenhurst Glass Spray 500ml", "BRN-GLASS-500", "Brenhurst", "GLASS", "SPRAY", 5.50, others["brenhurst"], rgb(220, 240, 220), bl},
	}
	for i, it := range items {
		p := productBySKU[it.sku]
		lk := likeLook(p.look, strings.ToUpper(it.brand), 4+i%2, it.body, it.label, it.l1, it.l2)
		l := &listing{seller: it.s, title: it.title, condition: "New", qty: g.qty(true), price: it.price}
		l.desc = fmt.Sprintf("%s by %s. %s", it.title, it.brand, g.pick("Our own formula, made in small batches.", "Vegan and cruelty free.", "Great value alternative.", "Free delivery on orders over 20."))
		l.specifics = [][2]string{{"Brand", it.brand}, {"Type", p.kind}, {"Size", p.size}}
		g.add(l)
		g.photo(l, g.lookPhoto(lk, 1, []int{bgStudio, bgWhite, bgMarble}[i%3]))
		pass(l, "", "N3 look-alike brand", fmt.Sprintf("N3: %s is another company's brand with its own packaging, not %s", it.brand, brandByID[p.Brand].Name))
	}
}

func bbAccessories(g *gen) {
	gym := mkSeller("gym_gear_direct", 14420, 99.1, true, "Sheffield, United Kingdom", "GBP")
	box := mkSeller("homeware_hub", 22110, 98.8, true, "Melbourne, Victoria, Australia", "AUD")
	trav := mkSeller("travelbottle_co", 5120, 99.3, true, "Coventry, United Kingdom", "GBP")
	parts := mkSeller("pump_and_spray_parts", 3012, 99.5, true, "Toowoomba, Queensland, Australia", "AUD")
	filt := mkSeller("aquaclear_filters", 6650, 98.9, true, "Geelong, Victoria, Australia", "AUD")
	us := mkSeller("kitchen_essentials_us", 31200, 99.0, true, "Atlanta, Georgia, United States", "USD")
	priv := mkSeller("lily_bee_99", 5, 100, false, "Exeter, United Kingdom", "GBP")
	shaker := look{shape: shBottle, body: rgb(225, 230, 236), label: rgb(225, 230, 236), cap: rgb(20, 20, 20), accent: rgb(20, 20, 20)}
	pump := look{shape: shPump, body: rgb(240, 240, 240), label: rgb(240, 240, 240), cap: rgb(60, 60, 60)}
	caseLk := look{shape: shBox, body: rgb(180, 220, 240), label: rgb(250, 250, 250), cap: rgb(100, 150, 200), brand: "TRAVEL", line1: "CASE"}
	spray := look{shape: shSpray, body: rgb(245, 245, 245), label: rgb(245, 245, 245), cap: rgb(230, 60, 60)}
	cart := look{shape: shBox, body: rgb(240, 240, 240), label: rgb(250, 250, 255), cap: rgb(60, 160, 200), brand: "AQUACLEAR", line1: "COMPATIBLE", line2: "2 PACK"}
	dropper := look{shape: shDropper, body: rgb(150, 110, 60), label: rgb(150, 110, 60), cap: rgb(20, 20, 20), accent: rgb(200, 200, 200)}
	org := look{shape: shBox, body: rgb(120, 200, 140), label: rgb(250, 250, 250), cap: rgb(80, 160, 100), brand: "7 DAY", line1: "PILL BOX"}
	type ac struct {
		title, brandOf, desc string
		s                    *seller
		price                float64
		lk                   look
		kind                 string
	}
	items := []ac{
		{"Shaker Bottle 700ml BPA Free - Fits Velmora Daily Shake Scoop", "velmora", "Leak-proof shaker with mixing grid. Not affiliated with Velmora.", gym, 7.99, shaker, ""},
		{"Protein Shaker Cup with Mixer Ball for Velmora Daily Shake", "velmora", "600ml shaker cup, dishwasher safe. Velmora is a trademark of its owner.", us, 9.49, shaker, ""},
		{"Replacement Scoop 30ml x3 for Velmora Daily Shake Tubs", "velmora", "Food-grade plastic scoops, 30ml, fits most 750g tubs.", gym, 3.49, caseLk, ""},
		{"Weekly Pill Organiser 7 Day - Perfect for Velmora Omega-3 & Vita-C", "velmora", "14 compartments, AM/PM.", us, 6.99, org, ""},
		{"Sachet Storage Box for Velmora ProBiota 30 Sachets Organiser", "velmora", "Acrylic box holding 30 sachets upright.", box, 14.95, caseLk, ""},
		{"Stainless Steel Shaker 750ml for Velmora Daily Shake Vanilla & Chocolate", "velmora", "Double-wall steel shaker.", us, 18.99, shaker, ""},
		{"Velmora Branded Shaker Bottle - Member Conference Gift, Unused", "velmora", "Genuine Velmora merchandise from the 2023 member conference. Shaker only, no product.", priv, 6.00, shaker, "N4 genuine brand merchandise (not a catalogue product)"},
		{"Glass Dropper Bottle 30ml Empty Travel - Quillon Hydra Serum Size", "quillon", "Amber glass dropper, empty, for decanting your own serums.", trav, 4.50, dropper, ""},
		{"Clear Travel Case for Quillon Serum & Eye Cream Toiletry Bag", "quillon", "Airport-approved clear toiletry bag, fits 30ml droppers.", trav, 8.99, caseLk, ""},
		{"Silicone Mask Applicator Brush for Quillon Sheet Mask & Night Cream", "quillon", "Soft silicone spatula brush.", trav, 3.99, caseLk, ""},
		{"Mini Beauty Fridge 4L - Keep Quillon Hydra Serum Cool", "quillon", "Thermoelectric skincare fridge.", us, 39.99, caseLk, ""},
		{"Quillon Gift Box & Ribbon - Genuine Empty Packaging Only", "quillon", "Empty Quillon gift box from Christmas, no products included.", priv, 2.50, look{shape: shBox, body: rgb(30, 80, 160), label: rgb(250, 250, 250), cap: rgb(190, 150, 50), brand: "QUILLON", mark: 2, accent: rgb(120, 130, 200)}, "N9 empty genuine packaging"},
		{"Replacement Pump Dispenser fits Brenhaven Laundry Concentrate 2L Jug", "brenhaven", "Screw-on pump, 38mm neck.", parts, 9.95, pump, ""},
		{"Trigger Spray Head x2 Replacement for Brenhaven Glass Spray 500ml Bottles", "brenhaven", "28/400 trigger heads, adjustable nozzle.", parts, 7.50, spray, ""},
		{"PureFlow-Compatible Water Filter Cartridges 2 Pack - Third Party, fits Brenhaven Jugs", "brenhaven", "Aquaclear brand replacement cartridges compatible with Brenhaven PureFlow jugs. Not made by Brenhaven; Brenhaven and PureFlow are trademarks of their owner.", filt, 24.95, cart, "N4 compatible third-party part"},
		{"Aquaclear Filter Cartridge 4 Pack Compatible with Brenhaven PureFlow Filter Cartridge", "brenhaven", "Third-party compatible cartridges, 4 pack, 150 litres each.", filt, 44.95, cart, "N4 compatible third-party part"},
		{"Brenhaven 2L Laundry Jug Dispensing Tap Accessory", "brenhaven", "Tap fits the 2L jug for easy pouring.", parts, 6.95, pump, ""},
		{"Microfibre Cloths x10 for Brenhaven Streak-Free Glass Spray", "brenhaven", "Lint-free cloths.", box, 12.95, caseLk, ""},
		{"Oven Scraper Tool - use with Brenhaven Oven & Grill Gel", "brenhaven", "Stainless steel ceramic hob and oven scraper.", box, 8.95, caseLk, ""},
		{"Refill Bottle Cap for Brenhaven All-Surface Concentrate 1L Dilution", "brenhaven", "Measuring dilution cap, 28mm.", parts, 4.95, spray, ""},
		{"Glass Spray Bottle 500ml Amber Empty - for Brenhaven Streak-Free Refills", "brenhaven", "Reusable amber spray bottle, empty.", box, 9.95, spray, ""},
		{"Brenhaven Streak-Free Glass Spray Empty Bottles x12 with Labels", "brenhaven", "Twelve empty genuine Brenhaven bottles with original labels, rinsed. Great for refilling.", mkSeller("recycle_rewards_au", 140, 99.0, false, "Geelong, Victoria, Australia", "AUD"), 15.00, look{shape: shSpray, body: rgb(150, 210, 240), label: rgb(255, 255, 255), cap: rgb(30, 90, 160), brand: "BRENHAVEN", line1: "GLASS", mark: 3, accent: rgb(220, 90, 40)}, "N9 empty genuine packaging"},
		{"Quillon Hydra Serum Gold Line EMPTY Bottles x10 with Droppers", "quillon", "Ten empty Gold Line bottles with droppers, cleaned. No serum.", mkSeller("beauty_empties_uk", 88, 98.0, false, "Croydon, United Kingdom", "GBP"), 12.00, look{shape: shDropper, body: rgb(200, 225, 245), label: rgb(190, 150, 50), cap: rgb(30, 30, 40), accent: rgb(210, 210, 220), brand: "QUILLON", line1: "HYDRA", line2: "GOLD LINE", mark: 2}, "N9 empty genuine packaging"},
		{"Velmora Daily Shake 750g Tub Lids x5 Replacement", "velmora", "Five spare lids for the Velmora tubs (lids only).", gym, 4.99, caseLk, ""},
		{"Velmora Omega-3 Pill Case Keyring Aluminium", "velmora", "Waterproof pill case keyring.", us, 5.99, org, ""},
		{"Wall Mount Dispenser for Brenhaven Citrus Dish Liquid 500ml", "brenhaven", "Stick-on dispenser rack.", box, 19.95, pump, ""},
		{"Cosmetic Organiser for Quillon Skincare - 4 Drawer Acrylic", "quillon", "Clear acrylic organiser.", trav, 16.99, caseLk, ""},
		{"Measuring Scoop Set for Velmora FibreMax Powder & Collagen Glow", "velmora", "Set of four scoops.", gym, 3.99, caseLk, ""},
		{"Laundry Ball Dispenser for Brenhaven Laundry Concentrate Sensitive & Fresh", "brenhaven", "Reusable dosing ball.", parts, 5.95, caseLk, ""},
		{"Sunscreen Travel Pouch for Quillon Daylight Shield SPF50", "quillon", "Insulated pouch.", trav, 6.49, caseLk, ""},
	}
	for _, it := range items {
		l := &listing{seller: it.s, title: clip80(it.title), desc: it.desc, condition: "New", qty: g.qty(it.s.business), price: it.price}
		if !it.s.business {
			l.condition = g.pick("Used", "New other (see details)")
		}
		l.specifics = [][2]string{{"Brand", g.pick("Unbranded", "Unbranded", "Does not apply")}, {"Type", "Accessory"}}
		g.add(l)
		g.photo(l, g.lookPhoto(it.lk, 1, []int{bgWhite, bgStudio, bgCounter}[g.r.IntN(3)]))
		kind := it.kind
		why := "N4: an accessory or part for the brand's products, not the product itself"
		switch kind {
		case "":
			kind = "N4 accessory"
		case "N9 empty genuine packaging":
			why = "N9: empty genuine packaging, no product offered; no SPEC category applies (noted as a refill risk, not complained)"
		case "N4 compatible third-party part":
			why = "N4: a third-party part sold as compatible, clearly not claiming to be the brand's product"
		case "N4 genuine brand merchandise (not a catalogue product)":
			why = "N4: genuine brand merchandise that is not a catalogue product"
		}
		pass(l, it.brandOf, kind, why)
	}
}

func bbGeneric(g *gen) {
	sellers := []*seller{
		mkSeller("pureleaf_supplements", 9930, 99.2, true, "Bristol, United Kingdom", "GBP"),
		mkSeller("nutricore_official", 41200, 99.5, true, "Phoenix, Arizona, United States", "USD"),
		mkSeller("kitchen_essentials_uk", 18820, 99.1, true, "Milton Keynes, United Kingdom", "GBP"),
		mkSeller("dermalina_beauty", 2240, 99.6, true, "Manchester, United Kingdom", "GBP"),
		mkSeller("kleenio-au", 6630, 99.0, true, "Sydney, New South Wales, Australia", "AUD"),
		mkSeller("sunvale_wellness", 1280, 98.8, true, "Hamburg, Germany", "EUR"),
		mkSeller("k_beauty_corner", 7710, 99.3, true, "Seoul, South Korea", "USD"),
		mkSeller("outdoor_angler_uk", 3890, 99.7, true, "Hull, United Kingdom", "GBP"),
	}
	type gen1 struct {
		title, sku, brand, l1 string
		price                 float64
		si                    int
	}
	items := []gen1{
		{"Vanilla Meal Replacement Shake 750g Diet Protein", "VEL-SHAKE-750V", "Unbranded", "VANILLA", 18.99, 0},
		{"NutriCore Daily Shake Vanilla 1kg Whey Protein", "VEL-SHAKE-750V", "NutriCore", "VANILLA", 29.99, 1},
		{"Daily Shake Vanilla Vegan Meal Shake 500g", "VEL-SHAKE-750V", "PureLeaf", "VEGAN", 16.50, 0},
		{"Chocolate Daily Shake 500g Meal Replacement Sunvale", "VEL-SHAKE-750C", "Sunvale", "CHOCO", 17.90, 5},
		{"Daily Shake Chocolate Protein Powder 2kg NutriCore", "VEL-SHAKE-750C", "NutriCore", "CHOCO", 44.99, 1},
		{"Omega-3 Fish Oil 1000mg 90 Softgels High Strength", "VEL-OMEGA-90", "Unbranded", "OMEGA 3", 8.99, 0},
		{"Pure Fish Oil Capsules 90 Omega 3 NutriCore", "VEL-OMEGA-90", "NutriCore", "FISH OIL", 11.99, 1},
		{"Omega Pure Fish Oil 180 Softgels Sunvale", "VEL-OMEGA-90", "Sunvale", "OMEGA", 14.90, 5},
		{"Probiotic 30 Sachets 10 Billion CFU Gut Health", "VEL-PROB-30", "Unbranded", "PROBIOTIC", 12.99, 0},
		{"PureLeaf Probiotic Sachets x30 Lactobacillus", "VEL-PROB-30", "PureLeaf", "PROBIOTIC", 15.49, 0},
		{"Vitamin C Chewable 120 Tablets Orange Flavour 500mg", "VEL-VITC-120", "Unbranded", "VIT C", 6.99, 0},
		{"Vita-C Chewable Kids 60 Tablets NutriCore", "VEL-VITC-120", "NutriCore", "VITA C", 9.99, 1},
		{"Psyllium Fibre Powder 300g Gut Health", "VEL-FIBRE-300", "Unbranded", "FIBRE", 7.49, 0},
		{"Fibre Powder 300g Inulin Prebiotic Sunvale", "VEL-FIBRE-300", "Sunvale", "FIBRE", 9.90, 5},
		{"Collagen Glow Drink 10 x 25ml Marine Collagen Shots", "VEL-COLL-10", "Unbranded", "COLLAGEN", 19.99, 0},
		{"Collagen Drink 10 x 50ml Beauty Shots Dermalina", "VEL-COLL-10", "Dermalina", "COLLAGEN", 24.00, 3},
		{"Men's Multi Vitamin 60 Tablets Daily", "VEL-MULTI-M60", "Unbranded", "MENS", 5.99, 0},
		{"Women's Multi 60 Tablets with Iron NutriCore", "VEL-MULTI-W60", "NutriCore", "WOMENS", 8.99, 1},
		{"Men's Multi Tablets 120 Sunvale Vitamins", "VEL-MULTI-M60", "Sunvale", "MENS", 12.90, 5},
		{"Hydra Serum 30ml Hyaluronic Acid Face Serum", "QUI-HYD-30B", "Unbranded", "HYDRA", 6.99, 3},
		{"24K Gold Line Serum 30ml Anti Ageing Dermalina", "QUI-HYD-30G", "Dermalina", "24K GOLD", 12.00, 3},
		{"Hydra Boost Serum Blue 30ml Korean Skincare", "QUI-HYD-30B", "Unbranded", "HYDRA", 9.50, 6},
		{"Barrier Repair Night Cream 50ml Ceramide", "QUI-NIGHT-50", "Dermalina", "NIGHT", 14.00, 3},
		{"Night Cream 50ml Retinol Barrier Moisturiser", "QUI-NIGHT-50", "Unbranded", "NIGHT", 5.99, 0},
		{"Rice Water Toner 200ml Korean Brightening", "QUI-TONER-200", "Unbranded", "RICE", 11.00, 6},
		{"Rice Toner 150ml Glow Essence K-Beauty", "QUI-TONER-200", "Unbranded", "RICE", 13.50, 6},
		{"SPF50 Daylight Sunscreen Face 50ml Non Greasy", "QUI-SPF-50", "Unbranded", "SPF50", 7.99, 3},
		{"Daily Shield SPF50 Fluid 50ml Dermalina", "QUI-SPF-50", "Dermalina", "SHIELD", 12.50, 3},
		{"Eye Revive Roller Caffeine 15ml", "QUI-EYE-15", "Unbranded", "EYE", 5.49, 3},
		{"Eye Cream 15ml Dark Circles Puffiness Dermalina", "QUI-EYE-15", "Dermalina", "EYE", 10.00, 3},
		{"Gentle Foam Cleanser 150ml Amino Acid Face Wash", "QUI-FOAM-150", "Unbranded", "FOAM", 6.50, 6},
		{"Sheet Mask Set 10 pcs Hydrating Korean", "QUI-MASK-5", "Unbranded", "MASK", 8.99, 6},
		{"Sheet Masks 5 pcs Collagen Dermalina", "QUI-MASK-5", "Dermalina", "MASK", 7.00, 3},
		{"All-Surface Cleaner Concentrate 1L Refill Kleenio", "BRN-SURF-1L", "Kleenio", "ALL SURFACE", 12.95, 4},
		{"Multi Surface Concentrate 5L Commercial Cleaner", "BRN-SURF-1L", "Unbranded", "CLEANER", 29.95, 4},
		{"Citrus Dish Liquid 500ml Eco Plant Based", "BRN-DISH-500", "Kleenio", "CITRUS", 5.95, 4},
		{"Dish Liquid Lemon 1L Washing Up", "BRN-DISH-500", "Unbranded", "LEMON", 3.49, 2},
		{"Laundry Liquid Concentrate 2L Fresh Scent Kleenio", "BRN-LAUN-2LF", "Kleenio", "FRESH", 16.95, 4},
		{"Sensitive Laundry Liquid 2L Non Bio Concentrate", "BRN-LAUN-2LS", "Unbranded", "SENSITIVE", 6.99, 2},
		{"Laundry Concentrate Sensitive Skin 1.5L Kleenio", "BRN-LAUN-2LS", "Kleenio", "SENSITIVE", 14.95, 4},
		{"Lavender Fabric Softener 1L Concentrated", "BRN-SOFT-1L", "Unbranded", "LAVENDER", 2.99, 2},
		{"Fabric Softener Lavender 2L Kleenio", "BRN-SOFT-1L", "Kleenio", "LAVENDER", 9.95, 4},
		{"Water Filter Cartridge 2 Pack Universal Jug", "BRN-FILT-2", "Unbranded", "FILTER", 12.99, 2},
		{"Filter Cartridge 2 Pack for Fridge Kleenio", "BRN-FILT-2", "Kleenio", "FILTER", 34.95, 4},
		{"Streak-Free Glass Spray 500ml Window Cleaner", "BRN-GLASS-500", "Unbranded", "GLASS", 3.99, 2},
		{"Glass Cleaner Spray 750ml Streak Free Kleenio", "BRN-GLASS-500", "Kleenio", "GLASS", 6.95, 4},
		{"Oven & Grill Gel 500ml Heavy Duty Degreaser", "BRN-OVEN-400", "Unbranded", "OVEN", 4.99, 2},
		{"Oven Cleaner Gel 400ml Kleenio BBQ Grill", "BRN-OVEN-400", "Kleenio", "OVEN", 9.95, 4},
		// unrelated goods sharing a word
		{"Gold Line Fishing Braid 300m 20lb Sea Line", "QUI-HYD-30G", "Outdoor Angler", "BRAID", 14.99, 7},
		{"Blue Line Ice Hockey Training Puck x6", "QUI-HYD-30B", "Unbranded", "PUCK", 11.99, 7},
		{"Fresh Laundry Scented Candle Concentrate Wax Melts", "BRN-LAUN-2LF", "Unbranded", "CANDLE", 4.50, 2},
		{"Oven Glove & Grill Mitt Set Heat Resistant", "BRN-OVEN-400", "Unbranded", "GLOVE", 7.99, 2},
		{"Rice Water Hair Rinse 200ml Growth", "QUI-TONER-200", "Unbranded", "HAIR", 6.99, 6},
		{"Eye Revive Cooling Gel Mask Reusable", "QUI-EYE-15", "Unbranded", "GEL", 3.99, 6},
		{"Collagen Glow Gummies 60 Strawberry", "VEL-COLL-10", "PureLeaf", "GUMMY", 12.99, 0},
		{"Daily Shake Weight Fitness Dumbbell Vintage", "VEL-SHAKE-750V", "Unbranded", "", 15.00, 7},
		{"Night Cream Jar 50ml Empty Glass Frosted x6", "QUI-NIGHT-50", "Unbranded", "", 8.50, 2},
		{"Gentle Foam Soap Dispenser 250ml Bathroom", "QUI-FOAM-150", "Unbranded", "", 6.49, 2},
		{"Citrus Dish Brush Bamboo Liquid Dispensing", "BRN-DISH-500", "Unbranded", "", 5.99, 2},
		{"Surface Concentrate Tablets x10 All Purpose Refill", "BRN-SURF-1L", "Kleenio", "TABS", 8.95, 4},
	}
	// each generic appears in several variants (sizes, pack counts, other shops)
	packs := []string{"", " x2", " Pack of 3", " Value Pack", " Bulk Buy"}
	for i, it := range items {
		n := 2 + i%2
		if i >= 48 {
			n = 1
		}
		for k := 0; k < n; k++ {
			p := productBySKU[it.sku]
			s := sellers[(it.si+k*3)%len(sellers)]
			title := it.title
			price := it.price
			if k > 0 {
				pk := packs[1+g.r.IntN(len(packs)-1)]
				title = clip80(it.title + pk)
				price = it.price * g.between(1.6, 2.6)
			}
			price = convert(price, sellers[it.si].cur, s.cur)
			l := &listing{seller: s, title: title, condition: "New", qty: g.qty(true), price: float64(int(price)) + 0.99}
			if g.chance(0.15) {
				l.priceHigh = l.price * 2.1
			}
			l.desc = fmt.Sprintf("%s. %s", it.title, g.pick("Fast dispatch.", "Top seller.", "Money back guarantee.", "Made in the EU.", "Free postage."))
			l.specifics = [][2]string{{"Brand", it.brand}, {"Type", p.kind}}
			g.add(l)
			lk := likeLook(p.look, strings.ToUpper(it.brand), 0, shade(p.look.body, g.between(-60, 60)), rgb(250, 250, 250), it.l1, "")
			if it.brand == "Unbranded" {
				lk.brand = ""
			}
			if it.l1 == "" {
				lk.label = lk.body
				lk.brand = ""
			}
			g.photo(l, g.lookPhoto(lk, 1+g.r.IntN(2), []int{bgWhite, bgStudio, bgCounter, bgMarble}[g.r.IntN(4)]))
			pass(l, "", "N5 generic goods sharing a word", "N5: generic or other-brand goods that share words with a catalogue name; no brand product offered")
		}
	}
}

func bbGuides(g *gen) {
	book := mkSeller("book_barn_uk", 25110, 99.6, true, "Hay-on-Wye, United Kingdom", "GBP")
	retro := mkSeller("retro_reads", 3410, 99.8, true, "Ballarat, Victoria, Australia", "AUD")
	mag := mkSeller("magazine_backissues", 9120, 99.4, true, "York, United Kingdom", "GBP")
	us := mkSeller("paperback_planet", 14050, 99.5, true, "Denver, Colorado, United States", "USD")
	type gd struct {
		title, brand, desc string
		s                  *seller
		price              float64
		pg                 page
	}
	items := []gd{
		{"How to Spot Fake Velmora Supplements - Illustrated Guide Booklet", "velmora", "Compare batch codes, seals and tub labels to avoid counterfeit Velmora products.", us, 4.99, page{kind: 0, col: rgb(46, 112, 72), lines: []string{"SPOT THE FAKE", "VELMORA", "BATCH CODE", "QR SEAL"}}},
		{"Genuine vs Fake Quillon Hydra Serum: Buyer's Guide (A5 booklet)", "quillon", "Photos of genuine and counterfeit Hydra Serum boxes side by side.", book, 3.99, page{kind: 0, col: rgb(30, 80, 160), lines: []string{"GENUINE VS FAKE", "QUILLON", "HYDRA SERUM"}}},
		{"Honest Review: 30 Days on Velmora Daily Shake - Diary Booklet", "velmora", "My personal diary: taste is fine, I lost 2kg, the price is high. Pros and cons.", us, 2.99, page{kind: 0, col: rgb(242, 226, 180), lines: []string{"30 DAYS", "DAILY SHAKE", "MY REVIEW"}}},
		{"Beauty Weekly Magazine Issue 42 - Quillon Hydra Serum Review Inside", "quillon", "Back issue; includes a four-page review of Quillon Hydra Serum Blue and Gold Line.", mag, 2.50, page{kind: 1, col: rgb(220, 80, 120), lines: []string{"BEAUTY WEEKLY", "ISSUE 42"}}},
		{"Brenhaven Cleaning Hacks Booklet - 50 Tips with Brenhaven Products", "brenhaven", "Tips for dilution ratios and stain removal.", retro, 5.00, page{kind: 0, col: rgb(60, 160, 90), lines: []string{"50 CLEANING", "HACKS", "BRENHAVEN"}}},
		{"Direct Selling in Asia: A Business History (Hardcover) - Velmora Case Study", "velmora", "Academic history of direct selling; chapter 7 is a case study of Velmora Nutrition's growth.", book, 18.00, page{kind: 1, col: rgb(40, 50, 90), lines: []string{"DIRECT SELLING", "IN ASIA"}}},
		{"Quillon Skincare Routine Planner Notebook A5", "quillon", "Track your AM/PM routine.", book, 6.50, page{kind: 1, col: rgb(190, 150, 50), lines: []string{"MY ROUTINE", "PLANNER"}}},
		{"Velmora Recipe Book - Smoothies with Daily Shake Vanilla & Chocolate", "velmora", "40 smoothie recipes using meal-replacement shakes.", us, 7.99, page{kind: 1, col: rgb(150, 100, 70), lines: []string{"SMOOTHIES", "40 RECIPES"}}},
		{"Brenhaven Home Catalogue 2019 Vintage Brochure", "brenhaven", "Original printed catalogue, collectible.", retro, 4.00, page{kind: 1, col: rgb(30, 90, 50), lines: []string{"BRENHAVEN", "CATALOGUE", "2019"}}},
		{"Velmora Nutrition Member Training Manual 2018 (Collectible)", "velmora", "Printed member training manual, good condition.", us, 9.00, page{kind: 1, col: rgb(46, 112, 72), lines: []string{"VELMORA", "MEMBER", "MANUAL"}}},
		{"Is Quillon Worth It? Independent Skincare Ingredient Review Zine", "quillon", "An independent look at the ingredients in Quillon Barrier Night Cream and Eye Revive, with fair pros and cons.", book, 3.50, page{kind: 0, col: rgb(120, 130, 200), lines: []string{"INGREDIENTS", "REVIEWED"}}},
	}
	for _, it := range items {
		l := &listing{seller: it.s, title: it.title, desc: it.desc, condition: g.pick("New", "Used"), qty: 1, price: it.price}
		l.specifics = [][2]string{{"Format", "Paperback"}, {"Language", "English"}}
		g.add(l)
		g.photo(l, g.pagePhoto(it.pg, []int{bgWood, bgWhite}[g.r.IntN(2)]))
		pass(l, it.brand, "N7 review, guide or book", "N7: a review, guide or book about the brand without false attacks; not a product and not defamation")
	}
}
