package matcher

import (
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// precisionDetection is testDetection with the second-hand, not-offer and
// alternative word lists of the defaults.
func precisionDetection() *rules.Detection {
	d := testDetection()
	d.Words.SecondHand = []string{"闲置", "二手", "拆封", "成新", "second-hand", "pre-owned", "used once"}
	d.Words.NotOffer = []string{"测评", "对比", "必看", "如何辨别", "防伪查询", "review", "vs", "how to spot"}
	d.Words.Alternative = []string{"平替", "平价替代", "替代", "alternative to", "cheaper than"}
	return d
}

// TestMatchPrecision covers the listings that name or show a product
// without being a complaint an analyst could file: private resales,
// reviews and guides, named alternatives, listings with no price, reused
// photos on other goods and look-alike brands; and the cases that must
// still flag.
func TestMatchPrecision(t *testing.T) {
	m := MustMatcherWith(t, precisionDetection())
	prot := photo(photoProt500P, photoProt500D)
	noPrice := func(title string) *shadowscan.Listing {
		return &shadowscan.Listing{Site: "demo-market", Title: title, Currency: "CNY", SellerID: "shop-9"}
	}
	withDesc := func(l *shadowscan.Listing, desc string) *shadowscan.Listing {
		l.Description = desc
		return l
	}
	cf, us := shadowscan.CategoryCounterfeit, shadowscan.CategoryUnauthorizedSeller
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		// A: second-hand resale.
		{"second-hand far under list is not flagged", listing("闲置 奥罗拉植物蛋白粉 500g", 80, "u-1", prot), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{`title says "闲置": a private resale`, "(a private resale: not counted) (0)"}}},
		{"second-hand at a plausible price is no unauthorised trade", listing("Aurora Plant Protein Powder 500g pre-owned", 250, "u-1"), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"private resale"}}},
		{"second-hand in the description", withDesc(listing("奥罗拉植物蛋白粉 500g", 80, "u-1"), "九成新 自用"), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{`description says "成新"`}}},
		{"second-hand with counterfeit words flags", listing("闲置 奥罗拉植物蛋白粉 500g 高仿", 80, "u-1"), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500", reasons: []string{`"高仿"`}}},
		{"second-hand with code words flags", listing("二手 奥罗拉植物蛋白粉 500g 刮码", 80, "u-1"), want{
			flagged: true, category: shadowscan.CategoryCodeTampered, brand: "aurora", sku: "AUR-PROT-500"}},
		{"negated second-hand word is no resale", listing("奥罗拉植物蛋白粉 500g 非二手 未拆封", 80, "shop-9"), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500", absent: []string{"private resale"}}},
		{"second-hand from an authorised shop is no dumping", listing("闲置 奥罗拉植物蛋白粉 500g", 200, "shop-1187"), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"under the authorised floor ¥268.00 (a private resale: not counted) (0)"}}},

		// B: reviews, comparisons, guides.
		{"review far under list is not flagged", listing("奥罗拉植物蛋白粉 500g 真实测评", 5, "shop-9", prot), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{`title says "测评": writes about the product`}, absent: []string{"seller", "image"}}},
		{"anti-fake guide with fake words is not flagged", listing("如何辨别奥罗拉蛋白粉高仿 防伪查询", 5, "shop-9"), want{
			brand: "aurora", sku: "AUR-PROT-500", absent: []string{"seller"}}},
		{"English comparison", listing("Aurora Plant Protein Powder 500g vs Borealis: honest review", 5, "shop-9"), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"writes about the product"}}},
		{"review that attacks the brand is defamation", listing("奥罗拉植物蛋白粉 测评 智商税", 5, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "aurora"}},
		{"seller's notice is still an offer", listing("拍前必看 奥罗拉植物蛋白粉 500g", 80, "shop-9"), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500", absent: []string{"writes about"}}},
		{"a sales guarantee is no guide", listing("奥罗拉植物蛋白粉 500g 假一赔十", 80, "shop-9"), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500"}},
		{"review word only in the description is still an offer", withDesc(listing("奥罗拉植物蛋白粉 500g", 290, "shop-9"), "买家测评都说好"), want{
			flagged: true, category: us, brand: "aurora", sku: "AUR-PROT-500"}},

		// C: named alternatives.
		{"平替 names another brand's product", listing("LUNA 植物蛋白粉 500g 奥罗拉平替", 60, "luna", prot), want{
			brand: "aurora", reasons: []string{`title says "平替": another brand's product`}, absent: []string{"seller", "image"}}},
		{"cheaper than the brand", listing("比奥罗拉蛋白粉便宜一半 植物蛋白粉 500g", 60, "luna"), want{
			brand: "aurora", reasons: []string{"比奥罗拉…便宜"}}},
		{"not the brand", listing("Not Aurora! plant protein powder 500g, the cheaper alternative", 60, "luna"), want{
			brand: "aurora", reasons: []string{`"not aurora"`}}},
		{"English alternative", listing("LunaFit plant protein 500g - alternative to Aurora Plant Protein Powder", 60, "luna"), want{
			brand: "aurora", reasons: []string{"another brand's product"}}},

		// D: no price.
		{"no price and no words is not flagged", noPrice("奥罗拉植物蛋白粉 500g 价格私信"), want{
			brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"no price shown"}}},
		{"no price with counterfeit words flags", noPrice("奥罗拉植物蛋白粉 500g 高仿"), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500"}},

		// E: photo-only links need a product word.
		{"official photo on a mop", listing("平板拖把 免手洗 家用", 20, "shop-9", prot), want{}},
		{"official photo with a product word links", listing("植物蛋白粉 500克 工厂直供", 100, "shop-9", prot), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"photo 1 is the official photo of AUR-PROT-500"}}},
		{"official photo with only a size does not link", listing("玻璃瓶 500g 带盖", 8, "shop-9", prot), want{}},
		{"look-alike brand with our photo", listing("Aurorae 植物蛋白粉 500g", 100, "aurorae-store", prot), want{}},
		{"a common word like the brand is no look-alike", listing("Auro 植物蛋白粉 500g", 100, "shop-9", prot), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500"}},

		// F: A-not-A questions do not negate.
		{"是不是 is a question", listing("奥罗拉是不是传销？资料包", 9, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "aurora"}},
		{"不是 still negates", listing("奥罗拉 不是传销 正规直销", 0, "shop-9"), want{brand: "aurora", absent: []string{"defamation"}}},

		// G: packs.
		{"two-pack under the floor per unit is dumping", listing("奥罗拉植物蛋白粉 500g 2件装", 500, "shop-1187"), want{
			flagged: true, category: shadowscan.CategoryPriceDumping, brand: "aurora", sku: "AUR-PROT-500", reasons: []string{`¥500.00 for 2 ("2件装"), ¥250.00 a unit, is under the authorised floor`}}},
		{"promotion on a second unit is no pack", listing("奥罗拉植物蛋白粉 500g 第2件半价", 280, "shop-1187"), want{
			brand: "aurora", sku: "AUR-PROT-500", absent: []string{"a unit"}}},
		{"English twin pack", listing("Aurora Plant Protein Powder 500g twin pack", 280, "shop-9"), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500", reasons: []string{"¥140.00 a unit"}}},

		// H: traditional characters.
		{"traditional characters fold to simplified", listing("奧羅拉植物蛋白粉 500克 高仿", 100, "hk-shop"), want{
			flagged: true, category: cf, brand: "aurora", sku: "AUR-PROT-500"}},
		{"traditional code words", listing("奧羅拉植物蛋白粉 500克 刮碼", 290, "hk-shop"), want{
			flagged: true, category: shadowscan.CategoryCodeTampered, brand: "aurora", sku: "AUR-PROT-500"}},

		// Brand and a distinctive size link a misspelt name.
		{"brand, size and a misspelt name", listing("奥罗拉 维他命C 60片", 100, "shop-9"), want{
			flagged: true, category: us, brand: "aurora", sku: "AUR-VITC-60", reasons: []string{"a size only Aurora Vitamin C 60 Tablets has"}}},
		{"brand and a size shared by no product word", listing("奥罗拉 玻璃杯 60片", 100, "shop-9"), want{brand: "aurora", absent: []string{"a size only"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestParsePacks checks which pack words multiply the unit.
func TestParsePacks(t *testing.T) {
	tests := []struct {
		in   string
		want int // 0 for no pack
	}{
		{"奥罗拉 2件装", 2},
		{"两瓶装", 2},
		{"双支装 口红", 2},
		{"3盒", 3},
		{"3个装", 3},
		{"protein x2", 2},
		{"500ml x 2", 2},
		{"2-pack", 2},
		{"2pk", 2},
		{"twin pack", 2},
		{"pack of 3", 3},
		{"fish oil 90 softgels, 2 bottles", 2},
		{"set of 2", 2},
		{"bundle of 3 jars", 3},
		{"3 tubes", 3},
		{"1 bottle", 0},
		{"500 tablets", 0},
		{"买2盒送1盒", 0},
		{"第2件半价", 0},
		{"拍2件更优惠", 0},
		{"60粒装", 0},
		{"一拖净", 0},
		{"v2 max2", 0},
		{"10 x 50ml", 0},
		{"3 x Quillon Daylight Shield SPF50 50ml Bulk Saver", 3},
		{"2x Velmora ProBiota Probiotic 30 Sachets", 2},
		{"Velmora Collagen Glow Drink 10 x 50ml", 0},
		{"x500", 0},
		{"100盒", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := 0
			if ps := parsePacks(compact(tt.in)); len(ps) > 0 {
				got = ps[0].n
			}
			if got != tt.want {
				t.Errorf("parsePacks(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeTraditional checks that traditional characters fold to
// simplified ones and that folding is idempotent over the whole table.
func TestNormalizeTraditional(t *testing.T) {
	tests := []struct{ in, want string }{
		{"維他力魚油", "维他力鱼油"},
		{"衣物柔順劑 詢價", "衣物柔顺剂 询价"},
		{"無批號 刮碼", "无批号 刮码"},
		{"葉黃素 專用分裝藥盒", "叶黄素 专用分装药盒"},
		{"简体不变", "简体不变"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	for from, to := range t2s {
		if _, again := t2s[to]; again {
			t.Errorf("%c folds to %c, which folds again", from, to)
		}
	}
}
