package world4

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Kinds of listing: the flagged categories and the kinds of negative.
const (
	kCounterfeit  = "counterfeit"
	kCode         = "code_tampered"
	kDumping      = "price_dumping"
	kUnauthorized = "unauthorized_seller"
	kDefamation   = "defamation"

	kOfficial   = "official shop"
	kAuthorised = "authorised seller at or above floor"
	kLookalike  = "look-alike brand"
	kAccessory  = "accessory"
	kGeneric    = "generic goods sharing a word"
	kSecondhand = "second-hand / personal resale"
	kGuide      = "review or how-to-spot-fakes guide"
	kRemoved    = "removed listing"
)

var flaggedKinds = map[string]bool{kCounterfeit: true, kCode: true, kDumping: true, kUnauthorized: true, kDefamation: true}

type listing struct {
	site  string
	id    string // A: numeric item id; B: short code
	path  string // canonical path (and query)
	shop  *shop
	title string
	desc  []string
	// A: the specification table
	params [][2]string

	price    float64 // unit price (the low end of a range)
	priceHi  float64 // high end of a range, 0 if none
	priceFmt int
	delPrice float64 // crossed-out "original" price, 0 if none
	currency string

	photos []photo

	brand, sku string
	kind       string
	variant    string
	hard       bool
	why        string

	removed bool
	oos     bool

	// B
	slug     string
	ldShape  int
	offShape int
	selShape int
	imgShape int
	prShape  int
	ownSKU   string

	sales int
}

func (l *listing) flagged() bool { return flaggedKinds[l.kind] }

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func between(r *rand.Rand, lo, hi float64) float64 { return lo + r.Float64()*(hi-lo) }

// cnyOf converts a listing price to CNY with the fixed policy rates.
func cnyOf(v float64, cur string) float64 { return v * cnyPer[cur] }

// roundPrice gives a price a shop would write, in cur, near the CNY amount v.
func roundPrice(r *rand.Rand, cny float64, cur string) float64 {
	v := cny / cnyPer[cur]
	var ends []float64
	switch cur {
	case "USD":
		ends = []float64{0.99, 0.00, 0.50, 0.90}
	case "HKD":
		ends = []float64{0, 0, 0.90, 0.50}
	default:
		ends = []float64{0.00, 0.00, 0.90, 0.80, 0.50}
	}
	var cands []float64
	for _, base := range []float64{math.Floor(v), math.Floor(v) - 1} {
		for _, e := range ends {
			if c := base + e; c > 0 && c >= v*0.985 && c <= v*1.015 {
				cands = append(cands, c)
			}
		}
	}
	if len(cands) == 0 {
		// small amounts: one decimal, as shops write them
		return math.Max(0.1, math.Round(v*10)/10)
	}
	return pick(r, cands)
}

func cnFull(p *product) string {
	switch {
	case p.line == "":
		return p.core
	case p.b.ID == "vitaquan":
		return p.core + " " + p.line
	default:
		return p.line + p.core
	}
}

// vague names the product without the line that tells a near-twin apart.
func vague(p *product) (cn, en string) {
	switch {
	case strings.HasPrefix(p.SKU, "VQ-PROT"):
		return "植物蛋白粉", "Plant Protein Powder"
	case strings.HasPrefix(p.SKU, "SD-ESS"):
		return "水润精华液", "Hydra Essence"
	case strings.HasPrefix(p.SKU, "SD-CRM"):
		return "修护面霜", "Repair Cream"
	case strings.HasPrefix(p.SKU, "PN-LAUN"):
		return "浓缩洗衣液", "Concentrated Laundry Liquid"
	case strings.HasPrefix(p.SKU, "PN-DISH"):
		return "洗洁精", "Dishwashing Liquid"
	case strings.HasPrefix(p.SKU, "JL-TEA"):
		return "养生花草茶", "Herbal Tea"
	}
	return p.core, p.enCore
}

func enFull(p *product) string { return p.Name }

// enNoBrand is the English name without the brand.
func enNoBrand(p *product) string { return strings.TrimSpace(strings.TrimPrefix(p.Name, p.b.EN)) }

func stuffing(p *product, r *rand.Rand, n int) string {
	idx := r.Perm(len(p.stuff))[:n]
	parts := make([]string, n)
	for i, k := range idx {
		parts[i] = p.stuff[k]
	}
	return strings.Join(parts, " ")
}

// officialTitleA is the title of the official flagship listing; other sellers copy it word for word.
func officialTitleA(p *product) string {
	return fmt.Sprintf("%s%s %s %s %s %s 官方旗舰店正品", p.b.CN, cnFull(p), p.spec, p.stuff[0], p.stuff[1], p.stuff[2])
}

func category(b *brand) string {
	switch b.ID {
	case "silkdew":
		return "skincare"
	case "purenest":
		return "household"
	}
	return "nutrition"
}

func cnIntro(p *product) string {
	switch category(p.b) {
	case "skincare":
		return fmt.Sprintf("%s%s，净含量%s。温和配方，适合多种肤质，早晚洁面后取适量涂抹于面部。", p.b.CN, cnFull(p), p.spec)
	case "household":
		return fmt.Sprintf("%s%s，规格%s。高效洁净，温和不伤手，家庭日常使用。", p.b.CN, cnFull(p), p.spec)
	}
	return fmt.Sprintf("%s%s，规格%s。营养均衡，适合成人日常补充，每日按标签建议食用。", p.b.CN, cnFull(p), p.spec)
}

func enIntro(p *product) string {
	switch category(p.b) {
	case "skincare":
		return fmt.Sprintf("%s. Gentle formula for all skin types; apply morning and night after cleansing.", p.Name)
	case "household":
		return fmt.Sprintf("%s. Powerful, gentle on hands, for everyday home use.", p.Name)
	}
	return fmt.Sprintf("%s. A daily nutritional supplement for adults; follow the label.", p.Name)
}

var shipCN = []string{
	"下单后48小时内发货，默认中通快递，偏远地区不包邮。",
	"当天16点前下单当天发货，顺丰/京东物流可选。",
	"全国包邮（新疆、西藏除外），支持7天无理由退换。",
	"现货秒发，拍下请备注口味/规格，不备注随机发。",
	"收到商品有任何问题请联系客服，不要直接给差评哦~",
}

var shipEN = []string{
	"Ships from Hong Kong within 2 business days. Free shipping over US$49.",
	"Dispatched from our Shenzhen warehouse; delivery in 7-12 days.",
	"Ships worldwide. Customs duties may apply.",
	"Orders before 3pm HKT ship the same day. 送貨至香港、澳門及海外。",
	"Tracked shipping to the US, Canada, Singapore and Malaysia.",
}
