package world8

import (
	"fmt"
	"math"
	"strings"
)

func (g *gen) productCycle() func() *product {
	order := g.r.Perm(len(products))
	i := 0
	return func() *product {
		p := products[order[i%len(order)]]
		i++
		if i%len(order) == 0 {
			order = g.r.Perm(len(products))
		}
		return p
	}
}

var cfTitleWords = []string{"1:1 Replica", "AAA Replica", "Mirror Quality", "High Copy", "OEM Factory", "Factory Direct", "Replica", "1:1 Copy", "Top Grade Copy", "Replica AAA+", "1:1 Mirror"}
var cfCNWords = []string{"原单", "高仿", "工厂直供", "尾单", "一比一", "A货", "原单 工厂直供", "高仿 尾单"}

var cfDescSignals = []string{
	"Made in the same factory as the brand's own stock, just without the brand's seal - identical formula.",
	"These are factory overrun units (尾单), no receipt or brand warranty.",
	"Please understand this is a high quality copy, not from the official counter.",
	"1:1 version of the original, packaging identical, you cannot tell the difference.",
	"OEM production from the same line as the original, sold without authenticity cards.",
	"Replica grade A product. Smell and texture the same as the original.",
	"We produce these in our own workshop following the original recipe; the logo is printed exactly like the original.",
	"原单品质, factory direct price (工厂直供). Same as original.",
	"Not the brand's own product but a top copy with the same box and label.",
}

var cfUnusual = []string{
	"Quality Copy %s", "%s One-to-One Version", "%s - %s Style Reproduction", "Reproduction %s A-Grade", "%s (Not Original) Same Effect",
	"Top Tier Imitation %s", "%s Mirror Grade Counter Version", "%s Superclone", "%s 1 to 1 Unit Not Genuine", "%s (Replica-Level Quality)",
	"%s Imitation Grade AAA+", "%s Fake High Grade", "Non-Genuine %s Same Packaging",
}

var cfDescPlain = []string{
	"Top quality, same as original. Ships from our factory in 7-15 working days.",
	"Best quality on bidbay. Large stock, wholesale welcome.",
	"Brand new. Please check photos. Fast shipping by air.",
	"Hot sale item! Buy more save more.",
}

func bbCounterfeit(g *gen, fakers []*seller) {
	next := g.productCycle()
	type sub struct {
		kind string
		n    int
	}
	subs := []sub{{"C1 words in title", 33}, {"C1 words only in description", 22}, {"C2 price + contact-watermarked official photo", 12},
		{"C1 unusual wording", 13}, {"C1 Chinese red-flag words", 9}, {"C1 near-twin (line from photo/description)", 6}, {"C1 + code removal (counterfeit first)", 3}}
	fi := 0
	for _, sb := range subs {
		for i := 0; i < sb.n; i++ {
			p := next()
			if sb.kind == "C1 near-twin (line from photo/description)" {
				for p.line == "" {
					p = next()
				}
			}
			s := fakers[(fi*7+i)%len(fakers)]
			if i%3 == 0 {
				s = fakers[0] // a repeat offender
			}
			fi++
			bn := brandShort[p.Brand]
			handle := g.handle()
			l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
			ratio := g.between(0.18, 0.5)
			var why string
			sign := ""
			switch sb.kind {
			case "C1 words in title":
				w := cfTitleWords[g.r.IntN(len(cfTitleWords))]
				sign = w
				switch g.r.IntN(3) {
				case 0:
					l.title = clip80(w + " " + p.Name + " " + g.kw(p))
				case 1:
					l.title = clip80(p.Name + " " + w + " " + g.extra())
				default:
					l.title = clip80(bn + " " + w + " " + p.Aliases[0] + " " + g.kw(p))
				}
				l.desc = cfDescPlain[g.r.IntN(len(cfDescPlain))]
			case "C1 words only in description":
				l.title = g.bbTitle(p)
				sign = cfDescSignals[g.r.IntN(len(cfDescSignals))]
				l.desc = g.pick("Brand new in box.", "Fast shipping.", "Great value.") + " " + sign + " " + g.pick("Thank you for looking.", "Buy with confidence.", "")
				ratio = g.between(0.25, 0.95)
			case "C2 price + contact-watermarked official photo":
				l.title = g.bbTitle(p)
				ratio = g.between(0.15, 0.35)
				l.desc = g.pick("Wholesale available: 50+ pcs contact us on WhatsApp / WeChat (see photo) for a better price.",
					"Bulk order? Add our WeChat shown on the picture. Ship from Guangzhou warehouse.",
					"Factory stock, large quantity. For 100 pcs or more message the number on the photo.")
				sign = "contact handle " + handle
			case "C1 unusual wording":
				t := cfUnusual[g.r.IntN(len(cfUnusual))]
				if strings.Count(t, "%s") == 2 {
					l.title = clip80(fmt.Sprintf(t, p.Name, bn))
				} else {
					l.title = clip80(fmt.Sprintf(t, p.Name))
				}
				sign = strings.TrimSpace(strings.NewReplacer("%s", "", " - ", " ").Replace(t))
				l.desc = cfDescPlain[g.r.IntN(len(cfDescPlain))]
			case "C1 Chinese red-flag words":
				w := cfCNWords[g.r.IntN(len(cfCNWords))]
				sign = w
				if c := p.cn(); c != "" {
					l.title = clip80(c + " " + w + " " + p.size)
					if g.chance(0.5) {
						l.title = clip80(c + " " + w + " " + p.Name)
					}
				} else {
					l.title = clip80(p.Name + " " + w + " 批发")
				}
				l.desc = "全新 " + w + " 品质保证. " + cfDescPlain[g.r.IntN(len(cfDescPlain))]
			case "C1 near-twin (line from photo/description)":
				w := cfTitleWords[g.r.IntN(len(cfTitleWords))]
				sign = w
				l.title = clip80(p.base + " " + w + " " + g.kw(p))
				if i%2 == 0 {
					l.desc = fmt.Sprintf("%s %s version.", cfDescPlain[g.r.IntN(len(cfDescPlain))], p.line)
				} else {
					l.desc = cfDescPlain[g.r.IntN(len(cfDescPlain))]
				}
			case "C1 + code removal (counterfeit first)":
				w := cfTitleWords[g.r.IntN(len(cfTitleWords))]
				sign = w
				l.title = clip80(p.Name + " " + w + " No Batch Code")
				l.desc = "Batch code removed. " + cfDescPlain[g.r.IntN(len(cfDescPlain))]
			}
			l.price = g.fitPrice(p.Price*ratio, p.Currency, s.cur, 0, p.Price*0.97)
			brandSpec := bn
			if g.chance(0.25) {
				brandSpec = g.pick("Unbranded", "Does not apply", bn+" Style")
			}
			if sb.kind == "C1 near-twin (line from photo/description)" {
				g.specificsNoLine(l, p, brandSpec)
			} else {
				g.specifics(l, p, brandSpec)
			}
			g.add(l)
			if sb.kind == "C2 price + contact-watermarked official photo" {
				eds := [][]edit{
					{{op: edWatermark, f: 0.5, text: handle, col: rgb(200, 20, 30)}},
					{{op: edTiled, f: 0.3, text: handle, col: rgb(20, 20, 20)}},
					{{op: edCanvas, f: 0.76, text: handle, col: rgb(200, 20, 30)}},
					{{op: edCrop, f: 0.08}, {op: edTiled, f: 0.28, text: handle, col: rgb(90, 90, 90)}},
				}[g.r.IntN(4)]
				g.photo(l, imgSpec{official: p.SKU, edits: eds, quality: g.intn(30, 70)})
				why = fmt.Sprintf("C2: unauthorised seller %s at %s of list, the official photo re-used under the contact watermark '%s', and an off-platform wholesale offer", s.id, pct(l.priceCat/p.Price), handle)
			} else {
				if g.chance(0.6) {
					g.photo(l, g.editedOfficial(p.SKU, handle))
				} else {
					g.photo(l, g.fakePhoto(p.SKU))
				}
				if g.chance(0.35) {
					g.photo(l, g.fakePhoto(p.SKU))
				}
				why = fmt.Sprintf("C1: unauthorised seller %s; the listing says %q (price %s of list)", s.id, sign, pct(l.priceCat/p.Price))
				if sb.kind == "C1 near-twin (line from photo/description)" {
					why += fmt.Sprintf("; the title omits the line, the photo/description shows the %s", p.line)
				}
				if sb.kind == "C1 + code removal (counterfeit first)" {
					why += "; it also mentions a removed batch code but counterfeit comes first"
				}
			}
			flag(l, "counterfeit", sb.kind, why)
		}
	}
}

var tamperTitleWords = []string{"Codes Removed", "Batch Code Cut", "No QR Seal", "刮码", "无码", "Decoded", "Scratched Code", "剪码", "撕码", "Batch No. Removed", "Code Scratched Off"}
var tamperDesc = []string{
	"NOTE: the batch code and anti-counterfeit QR sticker have been removed by our supplier (parallel export stock). The product itself is 100%% genuine and sealed.",
	"The barcode/batch area has been cut off the label as this is grey import stock. Genuine %s.",
	"Anti-fake code scratched off - sold as seen, genuine formula.",
	"Lot number blacked out by the wholesaler. Genuine %s from an overseas distributor.",
	"Please be aware the QR verification label is torn off (this is how we receive diverted stock). Contents sealed.",
}

func bbTampered(g *gen, parallel []*seller, authorised map[string][]*seller) {
	next := g.productCycle()
	type sub struct {
		kind string
		n    int
	}
	subs := []sub{{"T1 words in title", 14}, {"T1 only in description", 10}, {"T1 only in item specifics", 4}, {"T1 authorised seller (code_tampered before price_dumping)", 4}}
	for _, sb := range subs {
		for i := 0; i < sb.n; i++ {
			p := next()
			s := parallel[(i*3+len(sb.kind))%len(parallel)]
			if sb.kind == "T1 authorised seller (code_tampered before price_dumping)" {
				as := authorised[p.Brand]
				s = as[i%len(as)]
			}
			l := &listing{seller: s, sku: p.SKU, condition: "New", qty: g.qty(true)}
			ratio := g.between(0.55, 0.9)
			sign := ""
			switch sb.kind {
			case "T1 words in title", "T1 authorised seller (code_tampered before price_dumping)":
				w := tamperTitleWords[g.r.IntN(len(tamperTitleWords))]
				sign = w
				if c := p.cn(); c != "" && isHan([]rune(w)[0]) && g.chance(0.6) {
					l.title = clip80(c + " " + w + " " + p.Name)
				} else {
					l.title = clip80(p.Name + " " + g.kw(p) + " (" + w + ")")
				}
				l.desc = fmt.Sprintf("Genuine %s, %s. Cheaper than retail because it is parallel stock.", p.Name, g.pick("batch code removed", "codes removed by supplier", "anti-counterfeit code cut off"))
				if sb.kind == "T1 authorised seller (code_tampered before price_dumping)" {
					ratio = g.between(0.6, p.Min/p.Price*0.95)
				}
			case "T1 only in description":
				l.title = g.bbTitle(p)
				d := tamperDesc[g.r.IntN(len(tamperDesc))]
				if strings.Contains(d, "%s") {
					d = fmt.Sprintf(d, p.Name)
				} else {
					d = strings.ReplaceAll(d, "%%", "%")
				}
				sign = d
				l.desc = g.pick("Brand new.", "Great price.", "UK seller.") + " " + d
			case "T1 only in item specifics":
				l.title = g.bbTitle(p)
				l.desc = fmt.Sprintf("Genuine %s. Please read the item specifics before buying.", p.Name)
			}
			l.price = g.fitPrice(p.Price*ratio, p.Currency, s.cur, 0, p.Price)
			g.specifics(l, p, brandShort[p.Brand])
			if sb.kind == "T1 only in item specifics" {
				k, v := g.pick("Batch Code", "Anti-counterfeit Label", "Lot Number"), g.pick("Removed", "Cut off", "Scratched")
				l.specifics = append(l.specifics, [2]string{k, v})
				sign = k + ": " + v
			}
			g.add(l)
			g.photo(l, g.tamperPhoto(p.SKU))
			if g.chance(0.5) {
				g.photo(l, imgSpec{official: p.SKU})
			}
			why := fmt.Sprintf("T1: the listing says the codes are removed (%q); genuine goods with batch/anti-counterfeit codes taken off", sign)
			if sb.kind == "T1 authorised seller (code_tampered before price_dumping)" {
				why += fmt.Sprintf("; seller %s is authorised and also under the floor, but code_tampered comes before price_dumping", s.id)
			}
			flag(l, "code_tampered", sb.kind, why)
		}
	}
}

func bbDefamation(g *gen) {
	book := mkSeller("book_barn_uk", 25110, 99.6, true, "Hay-on-Wye, United Kingdom", "GBP")
	tees := mkSeller("teeshirt_foundry", 4230, 98.9, true, "Nottingham, United Kingdom", "GBP")
	stick := mkSeller("stickerdepot_us", 7788, 99.2, true, "Reno, Nevada, United States", "USD")
	cnb := mkSeller("huaxia_books_hk", 640, 98.0, true, "Sheung Wan, Hong Kong", "USD")
	aus := mkSeller("truthzine_au", 58, 100, false, "Fremantle, Western Australia, Australia", "AUD")
	type d struct {
		brand, title, desc string
		s                  *seller
		price              float64
		pg                 page
		sign               string
	}
	items := []d{
		{"velmora", "VELMORA EXPOSED: Inside the Pyramid Scam (Paperback, 2023)", "The truth about Velmora Nutrition: a pyramid scam that poisons its own members with cheap fillers. Former uplines tell all. Paperback, 212 pages, very good condition.", book, 8.99, page{kind: 1, col: rgb(150, 20, 30), lines: []string{"VELMORA", "EXPOSED", "PYRAMID SCAM"}}, "pyramid scam / poisons its own members"},
		{"velmora", "I Escaped The Velmora Cult T-Shirt Funny Anti MLM Tee Unisex", "Printed tee for everyone who got out of the Velmora cult. Velmora is a scam that preys on mums. Sizes S-XXL.", tees, 14.99, page{kind: 2, col: rgb(30, 30, 30), lines: []string{"I ESCAPED", "THE VELMORA", "CULT"}}, "Velmora cult / a scam"},
		{"velmora", "薇摩拉传销骗局揭秘 小册子 Velmora Scam Exposed Booklet (Chinese)", "薇摩拉是传销骗局, 产品有毒. Booklet in Chinese exposing the Velmora pyramid scheme.", cnb, 6.50, page{kind: 1, col: rgb(120, 20, 20), lines: []string{"VELMORA", "SCAM", "EXPOSED"}}, "传销骗局 / 产品有毒"},
		{"velmora", "Velmora Pyramid Scam Mug - Ex-Member Humour Gift 11oz", "\"My upline sold me a pyramid scam and all I got was this mug.\" Velmora shakes are poison in a tub.", stick, 12.00, page{kind: 3, col: rgb(200, 40, 40), lines: []string{"VELMORA", "PYRAMID SCAM"}}, "pyramid scam / poison"},
		{"velmora", "Velmora Daily Shake Causes Liver Damage - Warning Leaflets x50", "Pack of 50 A5 leaflets: Velmora Daily Shake causes liver damage and the company hides it. Hand them out at Velmora meetings!", book, 4.99, page{kind: 0, col: rgb(220, 30, 30), lines: []string{"WARNING", "VELMORA SHAKE", "LIVER DAMAGE"}}, "causes liver damage, the company hides it"},
		{"quillon", "Quillon Burns Skin - Survivor Stories Zine A5", "Quillon products burn skin: twelve survivor stories. Quillon is toxic acid in a pretty bottle. Self-published zine.", aus, 9.00, page{kind: 1, col: rgb(90, 20, 90), lines: []string{"QUILLON", "BURNS SKIN"}}, "Quillon burns skin / toxic acid"},
		{"quillon", "Toxic Quillon Vinyl Sticker - Don't Put It On Your Face - 10cm", "Vinyl decal: TOXIC QUILLON. Their Hydra Serum is full of banned chemicals.", stick, 3.50, page{kind: 3, col: rgb(30, 140, 60), lines: []string{"TOXIC", "QUILLON"}}, "toxic Quillon / banned chemicals"},
		{"quillon", "珂琅毁脸 真实案例 Quillon Ruined My Face Booklet", "珂琅毁脸! Real cases of Quillon Skin Lab ruining faces. The brand bribes regulators.", cnb, 5.00, page{kind: 1, col: rgb(40, 40, 40), lines: []string{"QUILLON", "RUINED", "MY FACE"}}, "珂琅毁脸 / bribes regulators"},
		{"quillon", "Quillon Skin Lab Is A Fraud T-Shirt - Hydra Serum Is Tap Water", "Quillon Skin Lab is a fraud: their Hydra Serum is tap water with glitter. Unisex tee.", tees, 15.99, page{kind: 2, col: rgb(240, 240, 240), lines: []string{"QUILLON", "IS A FRAUD"}}, "a fraud / tap water"},
		{"brenhaven", "Brenhaven Poison In Your Home - DVD Documentary", "DVD: Brenhaven poison in your home. How Brenhaven cleaners give children asthma and the company covers it up.", aus, 12.00, page{kind: 1, col: rgb(20, 60, 30), lines: []string{"BRENHAVEN", "POISON", "IN YOUR HOME"}}, "Brenhaven poison / gives children asthma"},
		{"brenhaven", "Brenhaven Scam Warning Car Sticker - MLM Cleaning Products", "Brenhaven scam warning decal. Don't let your friends join the Brenhaven scam.", stick, 4.00, page{kind: 3, col: rgb(220, 120, 20), lines: []string{"BRENHAVEN", "SCAM"}}, "Brenhaven scam"},
		{"brenhaven", "Brenhaven Laundry Concentrate Killed My Dog - Tote Bag Protest", "Canvas tote. Brenhaven Laundry Concentrate is poison for pets and the company knows it.", tees, 11.50, page{kind: 2, col: rgb(230, 220, 200), lines: []string{"BRENHAVEN", "KILLS PETS"}}, "poison for pets"},
		{"velmora", "Velmora Nutrition Ponzi Pyramid Scheme Exposé eBook PDF", "Velmora Nutrition is a ponzi / pyramid scheme run by criminals. Full exposé, instant download.", book, 2.99, page{kind: 0, col: rgb(60, 60, 60), lines: []string{"VELMORA", "PONZI", "EXPOSE"}}, "ponzi / pyramid scheme run by criminals"},
		{"quillon", "Quillon Hydra Serum Gold Line Scam Review Pamphlet - Do Not Buy", "Pamphlet: the Gold Line is a scam, Quillon fakes its clinical trials and lies to customers.", aus, 3.00, page{kind: 0, col: rgb(190, 150, 50), lines: []string{"QUILLON", "GOLD LINE", "SCAM"}}, "scam / fakes its clinical trials"},
	}
	for _, it := range items {
		l := &listing{seller: it.s, title: it.title, desc: it.desc, condition: g.pick("New", "Brand New"), qty: g.qty(it.s.business)}
		if l.condition == "Brand New" {
			l.condition = "New"
		}
		l.price = it.price
		l.specifics = [][2]string{{"Brand", "Unbranded"}, {"Type", g.pick("Book", "T-Shirt", "Sticker", "Leaflet")}}
		g.add(l)
		g.photo(l, g.pagePhoto(it.pg, []int{bgWood, bgFabric, bgWhite}[g.r.IntN(3)]))
		l.label.Flagged = true
		l.label.Category = "defamation"
		l.label.Brand = it.brand
		l.kind = "D1 attack on the brand"
		l.label.Why = fmt.Sprintf("D1: the listing text makes false factual attacks on %s (%s)", brandByID[it.brand].Name, it.sign)
	}
}

func bbResale(g *gen, privates []*seller) {
	next := g.productCycle()
	for i := 0; i < 36; i++ {
		p := next()
		s := privates[i%len(privates)]
		l := &listing{seller: s, sku: p.SKU, qty: 1}
		var kind, why string
		switch i % 6 {
		case 0, 1:
			l.condition = "Used"
			left := g.pick("about 3/4 left", "half full", "used twice", "used once, didn't suit me", "opened but barely used")
			l.title = clip80(fmt.Sprintf("%s - %s", p.Name, left))
			l.desc = fmt.Sprintf("Personal item, %s. Selling as I no longer use it. Collection or post.", left)
			l.bid = math.Round(g.between(0.99, p.Price*0.3)*100) / 100
			l.bids = g.intn(0, 7)
			kind, why = "N6 personal resale (used/opened)", "N6: a private seller's single opened/used item; personal resale is not a complaint target"
		case 2:
			l.condition = "New"
			l.title = clip80(fmt.Sprintf("Unwanted Gift %s Sealed", p.Name))
			l.desc = "Received as a gift, never opened. Smoke-free home. Only one available."
			l.price = g.fitPrice(p.Price*g.between(0.6, 0.9), p.Currency, s.cur, 0, p.Price)
			kind, why = "N6 personal resale (one unwanted gift)", "N6: one sealed unwanted gift from a private seller with a handful of sales; a private one-off sale is not a complaint target"
		case 3:
			l.condition = "New other (see details)"
			l.title = clip80(sharedTitle(p, i))
			l.desc = "Bought two by mistake, this one has been opened to check but not used. Private sale, no returns."
			l.price = g.fitPrice(p.Price*g.between(0.5, 0.75), p.Currency, s.cur, 0, p.Price)
			kind, why = "N6 personal resale (copied title, opened)", "N6: a private seller's single opened item under a title copied from the shops; personal resale is not a complaint target"
		case 4:
			l.condition = "Used"
			l.sku = ""
			l.title = clip80(fmt.Sprintf("Job Lot %s Bundle - Mixed, Some Out of Date", brandShort[p.Brand]))
			l.desc = fmt.Sprintf("Clearing my cupboard: opened and unopened %s products, some past best before. Sold as seen.", brandShort[p.Brand])
			l.bid = math.Round(g.between(1, 15)*100) / 100
			l.bids = g.intn(0, 12)
			kind, why = "N6 personal resale (job lot)", "N6: a private clear-out of mixed, partly expired goods; not a complaint target"
		default:
			if p.Brand == "brenhaven" && g.chance(0.7) {
				l.condition = "For parts or not working"
				l.title = clip80(fmt.Sprintf("%s - Used, For Parts", p.Name))
				l.desc = "Used item, sold for parts only. No returns."
			} else {
				l.condition = "Used"
				l.title = clip80(fmt.Sprintf("%s (pre-loved, nearly empty)", p.Name))
				l.desc = "Nearly empty, good for the container or to try. Private sale."
			}
			l.price = math.Round(g.between(1.5, 6)*100) / 100
			kind, why = "N6 personal resale (used/opened)", "N6: a private seller's single used item; personal resale is not a complaint target"
		}
		if l.sku != "" {
			g.specifics(l, p, brandShort[p.Brand])
		} else {
			l.specifics = [][2]string{{"Brand", brandShort[p.Brand]}, {"Type", "Bundle"}}
		}
		g.add(l)
		if l.sku != "" {
			g.photo(l, g.usedPhoto(p.SKU))
		} else {
			ps := brandProducts(p.Brand)
			sc := scene{bg: bgCounter, seed: g.r.Uint64(), used: true, items: []item{{lk: ps[0].look, dx: -130, scale: 0.55}, {lk: ps[2].look, dx: 0, scale: 0.55}, {lk: ps[4].look, dx: 130, scale: 0.55}}}
			g.photo(l, imgSpec{sc: sc, quality: 75})
		}
		pass(l, p.Brand, kind, why)
	}
}
