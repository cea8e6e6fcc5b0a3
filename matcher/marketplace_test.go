package matcher

import (
	"cmp"
	"slices"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Official photo hashes of marketCatalog: the twins share a jar photo
// (the line is only a word on the label), and the jasmine cream has a box
// photo of its own.
const (
	twinJarP = 0x3c5a_96e1_0f2d_b487
	twinJarD = 0x6b1e_c2d4_59a0_f713
	jasBoxP  = 0xe4b2_1d7c_a830_596f
	jasBoxD  = 0x0d9f_73b5_e16c_248a
	fishP    = 0x71c8_2e05_b9d3_a64f
	fishD    = 0x4a2d_e8f1_0367_9bc5
)

// marketCatalog is a catalogue shaped like a direct-sales brand's on
// Taobao, JD, Pinduoduo and Amazon: names in both scripts, short Chinese
// nicknames, near twins that differ only in a line word (rose / jasmine
// night cream), and products told apart by size alone.
func marketCatalog() *shadowscan.Catalog {
	a := func(f float64) shadowscan.Amount { return shadowscan.AmountFromFloat(f) }
	return &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{
			ID: "solenne", Name: "Solenne Skin", Aliases: []string{"索兰", "SOLENNE"},
			OfficialSellers:   []shadowscan.SellerRef{{Site: "demo-market", SellerID: "solenne-official"}},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-77"}},
		}, {
			ID: "halvor", Name: "Halvor Nutrition", Aliases: []string{"哈沃", "HALVOR"},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-88"}},
		}},
		Products: []shadowscan.Product{
			{SKU: "SL-ROSE-50", BrandID: "solenne", Name: "Solenne Rose Night Cream 50g", Aliases: []string{"索兰玫瑰修护晚霜", "索兰晚霜"},
				Price: a(360), MinPrice: a(320), Currency: "CNY",
				Images: []shadowscan.ImageRef{{Source: "jar.jpg", PHash: twinJarP, DHash: twinJarD}}},
			{SKU: "SL-JAS-50", BrandID: "solenne", Name: "Solenne Jasmine Night Cream 50g", Aliases: []string{"索兰茉莉修护晚霜"},
				Price: a(380), MinPrice: a(340), Currency: "CNY",
				Images: []shadowscan.ImageRef{{Source: "jar.jpg", PHash: twinJarP, DHash: twinJarD}, {Source: "jasmine-box.jpg", PHash: jasBoxP, DHash: jasBoxD}}},
			{SKU: "SL-SER-30", BrandID: "solenne", Name: "Solenne Bright Serum 30ml", Aliases: []string{"索兰亮肤精华液 30毫升"},
				Price: a(480), MinPrice: a(430), Currency: "CNY"},
			{SKU: "HV-PRO-1K", BrandID: "halvor", Name: "Halvor Whey Protein Powder 1kg", Aliases: []string{"哈沃乳清蛋白粉 1公斤"},
				Price: a(398), MinPrice: a(358), Currency: "CNY"},
			{SKU: "HV-PRO-500", BrandID: "halvor", Name: "Halvor Whey Protein Powder 500g", Aliases: []string{"哈沃乳清蛋白粉 500克"},
				Price: a(228), MinPrice: a(205), Currency: "CNY"},
			{SKU: "HV-FISH-90", BrandID: "halvor", Name: "Halvor Fish Oil Softgels 90", Aliases: []string{"哈沃深海鱼油软胶囊 90粒"},
				Price: a(268), MinPrice: a(240), Currency: "CNY",
				Images: []shadowscan.ImageRef{{Source: "fish.jpg", PHash: fishP, DHash: fishD}}},
		},
	}
}

// MustMarketMatcher builds a Matcher over marketCatalog with the embedded
// detection rules, or fails the test.
func MustMarketMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	m, err := New(marketCatalog(), rules.DefaultDetection())
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return m
}

// withDescription returns l with its description set.
func withDescription(l *shadowscan.Listing, desc string) *shadowscan.Listing {
	l.Description = desc
	return l
}

// TestNegationCoversAList checks that one negator denies every signal
// word listed after it: sellers write "绝非高仿A货" and "not a replica or
// fake" to say their goods are genuine.
func TestNegationCoversAList(t *testing.T) {
	m := MustMarketMatcher(t)
	us := shadowscan.CategoryUnauthorizedSeller
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"两个词一个否定", withDescription(listing("哈沃深海鱼油软胶囊 90粒", 230, "shop-9"), "绝非高仿A货，假一赔十。"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90", absent: []string{"counterfeit word"}}},
		{"with a coordinator", withDescription(listing("Halvor Fish Oil Softgels 90", 230, "shop-9"), "Not a replica or a fake: genuine stock."), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90", absent: []string{"counterfeit word"}}},
		{"a word after other text is not negated", withDescription(listing("哈沃深海鱼油软胶囊 90粒", 230, "shop-9"), "非高仿，其实是A货"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90", reasons: []string{`"A货"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestCodeRemovals checks the code-removal statements read from a code
// noun and a removal verb near each other, the way grey-market sellers
// write them on Taobao ("外盒防伪码已剪") and Amazon ("batch codes have been
// scratched off"), and the statements about codes that remove nothing.
func TestCodeRemovals(t *testing.T) {
	tests := []struct {
		text string
		want string // the statement found, "" for none
	}{
		{"外盒防伪码已剪，不影响使用", "防伪码已剪"},
		{"因渠道原因，罐底批号已刮，介意慎拍", "批号已刮"},
		{"瓶身的码都剪掉了，所以便宜", "码都剪"},
		{"已刮掉生产日期", "刮掉生产日期"},
		{"喷码已去除", "喷码已去"},
		{"防伪标签已撕，其余完好", "防伪标签已撕"},
		{"Batch codes have been scratched off for channel reasons.", "batch codes have been scratched"},
		{"Please note: production code cut from the box.", "code cut"},
		{"Anti-counterfeit label removed, cannot be scanned.", "label removed"},
		{"lot number removed", "number removed"},
		{"laser code erased", "code erased"},
		{"无喷码，介意勿拍", "无喷码"},
		{"没有批号和生产日期", "没有批号"},
		{"No lot number on the box.", "no lot number"},
		{"sold without batch code", "without batch code"},
		{"JadeLeaf capsules (lot no. erased)", "no erased"},
		{"Serial No. scratched off, otherwise new", "no scratched"},
		{"Anti-fake label peeled for channel reasons", "label peeled"},
		{"Barcode on the outer box has been cut off. Contents sealed.", "barcode on the outer box has been cut"},
		// Statements that keep the codes, or are about something else.
		{"No code needed at checkout.", ""},
		{"无尺码限制", ""},
		{"激光码擦不掉，放心购买", ""},
		{"批号未刮，放心", ""},
		{"不刮码 不撕码", ""},
		{"刮开涂层，扫码查询防伪码", ""},
		{"生产日期去年10月，保质期三年", ""},
		{"码数偏小，建议拍大一码去", ""},
		{"浓缩配方，条码清晰，去油去渍", ""},
		{"Batch code not removed, fully traceable.", ""},
		{"Scratch the coating to reveal the code and verify it online.", ""},
		{"Use code SAVE10 to cut the price at checkout.", ""},
		{"Batch code intact.", ""},
		{"Lot No. 24A117, best before 2027.", ""},
		{"Lot no. not removed, fully traceable", ""},
		{"Each batch is tested by a third-party lab; harmful residues removed.", ""},
		{"Barcode on the outer box is intact, nothing removed.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			x := text{field: "description", t: compact(tt.text)}
			got := ""
			if hs := codeRemovals(&x); len(hs) > 0 {
				got = hs[0].word
			}
			if got != tt.want {
				t.Errorf("codeRemovals(%q) = %q, want %q", x.t, got, tt.want)
			}
		})
	}
}

// TestCodeRemovalCategory checks that a removal written with words
// between the code and the verb makes a hit code_tampered, whoever sells.
func TestCodeRemovalCategory(t *testing.T) {
	m := MustMarketMatcher(t)
	ct := shadowscan.CategoryCodeTampered
	for _, l := range []*shadowscan.Listing{
		withDescription(listing("哈沃深海鱼油软胶囊 90粒", 230, "shop-9"), "外盒防伪码已剪，不影响使用。"),
		withDescription(listing("Halvor Fish Oil Softgels 90", 250, "shop-88"), "Batch codes have been scratched off for channel reasons."),
		listing("Halvor Fish Oil Softgels 90 (lot no. erased)", 230, "shop-9"),
		listing("Halvor Fish Oil Softgels 90 (anti-fake label peeled)", 230, "shop-9"),
		withDescription(listing("Halvor Fish Oil Softgels 90 - Parallel Import", 230, "shop-9"), "Barcode on the outer box has been cut off. Contents sealed and genuine."),
	} {
		check(t, m.Match(l), want{flagged: true, category: ct, brand: "halvor", sku: "HV-FISH-90", reasons: []string{"(codes removed)"}})
	}
}

// FuzzCodeRemovals checks that the statements found lie inside the text
// and hold a code noun.
func FuzzCodeRemovals(f *testing.F) {
	for _, s := range []string{"外盒防伪码已剪", "刮掉了批号", "codes cut off", "码", "批号已", "scratched batch code lot", "\xff码刮"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x := text{field: "title", t: compact(s)}
		for _, h := range codeRemovals(&x) {
			if h.start < 0 || h.end > len(x.t) || h.start >= h.end || x.t[h.start:h.end] != h.word {
				t.Fatalf("hit %+v outside %q", h, x.t)
			}
		}
	})
}

// TestMarketplaceVocabulary checks the default rules' words as sellers
// write them: factory-origin claims, "decoded", denials with a verb
// ("we never sell replicas"), private resale in English, magazine issues
// and reviews, buy-back notices and store brands' "compare to".
func TestMarketplaceVocabulary(t *testing.T) {
	m := MustMarketMatcher(t)
	cf, us, ct := shadowscan.CategoryCounterfeit, shadowscan.CategoryUnauthorizedSeller, shadowscan.CategoryCodeTampered
	fish := func(title string, price float64, seller string) *shadowscan.Listing {
		return listing(title, price, seller)
	}
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"同厂同料 claims the factory", fish("哈沃深海鱼油软胶囊 90粒 同厂同料", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90", reasons: []string{`"同厂同料"`}}},
		{"一手货源 claims the factory", fish("【一手货源】哈沃深海鱼油软胶囊 90粒", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90"}},
		{"factory overrun", fish("Halvor Fish Oil Softgels 90, Factory Overrun", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90"}},
		{"counter quality", fish("哈沃深海鱼油软胶囊 90粒 专柜品质", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90"}},
		{"1比1", fish("哈沃深海鱼油软胶囊 90粒 1比1", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90"}},
		{"clone", fish("Halvor Fish Oil Softgels 90 (clone)", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90"}},
		{"a compatible part is an accessory", fish("兼容款 索兰亮肤精华液 30毫升 替换滴管 非原装", 20, "shop-9"), want{
			brand: "solenne", reasons: []string{"title names an accessory"}}},
		{"decoded", fish("Decoded Halvor Fish Oil Softgels 90", 230, "shop-9"), want{
			flagged: true, category: ct, brand: "halvor", sku: "HV-FISH-90"}},
		{"a denial with a verb", withDescription(fish("Halvor Fish Oil Softgels 90", 230, "shop-9"), "We never sell factory overruns or replicas."), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90", absent: []string{"counterfeit word"}}},
		{"绝不卖高仿", withDescription(fish("哈沃深海鱼油软胶囊 90粒", 230, "shop-9"), "本店绝不卖高仿"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90", absent: []string{"counterfeit word"}}},
		{"never used, moving sale", fish("Halvor Fish Oil Softgels 90 - never used (moving sale)", 200, "u-anna"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"private resale"}}},
		{"personal item in the description", withDescription(fish("Halvor Fish Oil Softgels 90", 200, "u-anna"), "Personal item, I have just this one. Not a business."), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"private resale"}}},
		{"magazine issue", fish("Magazine Issue 12: Halvor Fish Oil Softgels Reviewed", 15, "press-1"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"writes about the product"}}},
		{"tested against rivals", fish("Halvor Whey Protein Powder 1kg tested against 6 rivals", 15, "press-1"), want{
			brand: "halvor", sku: "HV-PRO-1K", reasons: []string{"writes about the product"}}},
		{"a fake-spotting guide with fake words", fish("Spot the Fake: Halvor Fish Oil Softgels replica vs genuine guide", 9.9, "guides-1"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"writes about the product"}}},
		{"辨真假 guide", fish("哈沃深海鱼油软胶囊 辨真假 高仿对照", 9.9, "guides-1"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"writes about the product"}}},
		{"buy-back notice", fish("高价回收哈沃深海鱼油 求购", 1, "shop-9"), want{
			brand: "halvor", reasons: []string{"writes about the product"}}},
		{"recyclable packaging is no buy-back", fish("哈沃深海鱼油软胶囊 90粒 可回收包装", 230, "shop-9"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90"}},
		{"a health-harm claim is defamation", fish("别再吃了 哈沃鱼油吃出肝损伤 真实案例", 9, "expose-1"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "halvor", reasons: []string{`"肝损伤"`}}},
		{"a denied health-harm claim is none", fish("索兰亮肤精华液 30毫升 不含激素 孕妇可用", 470, "shop-9"), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-SER-30", absent: []string{"defamation"}}},
		{"tail goods, as cross-border listings translate 尾货", fish("Halvor Fish Oil Softgels 90 Tail Goods", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90", reasons: []string{`"tail goods"`}}},
		{"original single, as they translate 原单", fish("Halvor Fish Oil Softgels 90 original single", 230, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-FISH-90"}},
		{"a thermos to mix the powder in", fish("保温杯 冲哈沃乳清蛋白粉 316不锈钢 500ml", 49, "shop-9"), want{
			brand: "halvor", reasons: []string{`title names an accessory ("保温杯")`}}},
		{"a tea cup with an infuser", fish("Glass Tea Cup with Infuser, Halvor Whey Protein Powder 1kg", 49, "shop-9"), want{
			brand: "halvor", reasons: []string{"title names an accessory"}}},
		{"a personal experience report", fish("哈沃深海鱼油软胶囊 个人体验 价格偏贵 客观评价", 9.9, "review-1"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"writes about the product"}}},
		{"pros and cons", fish("Halvor Fish Oil Softgels 90 - my experience, pros and cons", 5, "review-1"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"writes about the product"}}},
		{"a store brand's compare to", fish("CarePlus Fish Oil Softgels 90 - compare to Halvor Fish Oil", 60, "careplus"), want{
			brand: "halvor", reasons: []string{"another brand's product"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestPlaceholderPrices checks that the ¥0.01 and ¥1 prices Taobao and
// Pinduoduo sellers put on deposit, "ask the seller", top-up (补差价) and
// buy-back listings are not read as far under list, nor as dumping; a
// counterfeit word still flags.
func TestPlaceholderPrices(t *testing.T) {
	m := MustMarketMatcher(t)
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"a deposit link", listing("哈沃深海鱼油软胶囊 90粒 定金", 1, "shop-9"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"a placeholder"}, absent: []string{"% of the list price ¥268.00 (30)"}}},
		{"an authorised top-up link is no dumping", listing("哈沃深海鱼油软胶囊 90粒", 0.01, "shop-88"), want{
			brand: "halvor", sku: "HV-FISH-90", reasons: []string{"a placeholder"}}},
		{"a counterfeit word still flags", listing("哈沃深海鱼油软胶囊 90粒 高仿 联系客服", 0.01, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90"}},
		{"a low real price is still far under list", listing("哈沃深海鱼油软胶囊 90粒", 39, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90", absent: []string{"placeholder"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestNetPrices checks the net prices read from descriptions as sellers
// write them after a coupon or a discount, and the numbers near such
// words that are no price.
func TestNetPrices(t *testing.T) {
	tests := []struct {
		desc string
		want string // the lowest net price found, "" for none
	}{
		{"领券立减40元，券后到手价¥229，限时。", "229.00"},
		{"拼团价199元，两人成团", "199.00"},
		{"到手价仅需 ￥1,299.00", "1299.00"},
		{"Use code SAVE10 at checkout - final price $61.90.", "61.90"},
		{"final price CN¥439", "439.00"},
		{"到手2瓶装，送小样", ""},
		{"到手100%正品", ""},
		{"Use code SAVE10 for 10% off", ""},
		{"到手价以实际为准", ""},
		{"final price: see checkout", ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			got := ""
			if nps := netPrices(tt.desc); len(nps) > 0 {
				low := slices.MinFunc(nps, func(a, b netPrice) int { return cmp.Compare(a.amount, b.amount) })
				got = low.amount.String()
			}
			if got != tt.want {
				t.Errorf("netPrices(%q) = %q, want %q", tt.desc, got, tt.want)
			}
		})
	}
}

// TestNetPriceUnderTheFloor checks that an authorised seller who shows
// the floor and advertises a net price under it is dumping, and that an
// official shop may do so.
func TestNetPriceUnderTheFloor(t *testing.T) {
	m := MustMarketMatcher(t)
	coupon := "领券立减30元，券后到手价¥210，限时。"
	check(t, m.Match(withDescription(listing("哈沃深海鱼油软胶囊 90粒", 240, "shop-88"), coupon)), want{
		flagged: true, category: shadowscan.CategoryPriceDumping, brand: "halvor", sku: "HV-FISH-90",
		reasons: []string{`the description advertises ¥210.00 "券后到手价"`, "under the authorised floor ¥240.00"}})
	check(t, m.Match(withDescription(listing("哈沃深海鱼油软胶囊 90粒", 240, "shop-88"), "券后到手价¥245")), want{
		brand: "halvor", sku: "HV-FISH-90"})
	official := withDescription(listing("索兰亮肤精华液 30毫升", 430, "solenne-official"), "券后到手价¥380")
	check(t, m.Match(official), want{brand: "solenne", sku: "SL-SER-30"})
}

// FuzzNetPrices checks that net prices are positive and never panic.
func FuzzNetPrices(f *testing.F) {
	for _, s := range []string{"券后到手价¥229", "final price $1,299.00.", "到手2瓶", "到手价 1.2.3", "with code ,999", "\xff到手价9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, np := range netPrices(s) {
			if np.amount <= 0 || np.marker == "" {
				t.Fatalf("net price %+v from %q", np, s)
			}
		}
	})
}

// TestBottlePacks checks that a count of bottles ("2瓶装", "2 Bottles"),
// as Taobao and Amazon multi-packs are written, is a pack of the product
// rather than a size contradicting its 90 softgels.
func TestBottlePacks(t *testing.T) {
	m := MustMarketMatcher(t)
	check(t, m.Match(listing("哈沃深海鱼油软胶囊 中老年 2瓶装 限时特惠", 430, "shop-88")), want{
		flagged: true, category: shadowscan.CategoryPriceDumping, brand: "halvor", sku: "HV-FISH-90",
		reasons: []string{`for 2 ("2瓶装"), ¥215.00 a unit, is under the authorised floor`}})
	check(t, m.Match(listing("哈沃深海鱼油软胶囊 90粒 2瓶装", 500, "shop-88")), want{brand: "halvor", sku: "HV-FISH-90"})
	check(t, m.Match(listing("Halvor Fish Oil Softgels 90 - 2 Bottles", 460, "shop-88")), want{
		flagged: true, category: shadowscan.CategoryPriceDumping, brand: "halvor", sku: "HV-FISH-90", reasons: []string{`for 2 ("2 bottles")`}})
	// A stated size that no product has still rules the product out.
	check(t, m.Match(listing("哈沃深海鱼油软胶囊 200粒", 230, "shop-9")), want{brand: "halvor"})
}

// TestAnotherBrandLeads checks titles whose brand slot holds another
// brand's name: sellers of other brands' goods on Amazon and Taobao copy
// the catalogue's product words and add its name in the other script for
// search, or call their product its dupe. Titles that open with
// descriptors, a retailer before the brand, or the product words are
// still the brand's.
func TestAnotherBrandLeads(t *testing.T) {
	m := MustMarketMatcher(t)
	us, cf := shadowscan.CategoryUnauthorizedSeller, shadowscan.CategoryCounterfeit
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"our name only in Chinese", listing("Bodyline Whey Protein Powder 1kg, Family Size 哈沃乳清蛋白粉 1公斤", 150, "s-1"), want{
			brand: "halvor", sku: "HV-PRO-1K", reasons: []string{`title opens with "bodyline" before the product words`}, absent: []string{"seller s-1"}}},
		{"a two-word name", listing("Glow Lab Bright Serum 30ml 索兰亮肤精华液", 150, "s-1"), want{
			brand: "solenne", sku: "SL-SER-30", reasons: []string{`"glow lab"`}}},
		{"a look-alike of our name, with our name in Latin later", listing("Solenna Bright Serum 30ml - compare with Solenne", 150, "s-1"), want{
			brand: "solenne", sku: "SL-SER-30", reasons: []string{`"solenna"`}}},
		{"a seller named like the lead", listing("Lunova Bright Serum 30ml, like Solenne", 150, "lunova-beauty"), want{
			brand: "solenne", sku: "SL-SER-30", reasons: []string{`"lunova"`}}},
		{"counterfeit words still count", listing("Bodyline Whey Protein Powder 1kg 哈沃乳清蛋白粉 高仿", 150, "s-1"), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-PRO-1K", reasons: []string{"the counterfeit words say the goods copy"}}},
		{"another brand's dupe", listing("Glow Lab Night Cream 50g - the Solenne Rose Night Cream dupe", 90, "s-1"), want{
			brand: "solenne", reasons: []string{`title says "dupe": another brand's product`}}},
		{"a bare dupe copies ours", listing("Solenne Rose Night Cream 50g dupe", 300, "s-1"), want{
			flagged: true, category: cf, brand: "solenne", sku: "SL-ROSE-50", reasons: []string{`"dupe" (counterfeit word)`}}},
		{"a retailer before our name", listing("Sephora Solenne Bright Serum 30ml", 470, "s-1"), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-SER-30", absent: []string{"title opens with"}}},
		{"descriptors before our name", listing("Short-dated Sale: Korean Solenne Bright Serum 30ml", 470, "s-1"), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-SER-30", absent: []string{"title opens with"}}},
		{"English descriptors before the product words", listing("Plant-based Whey Protein Powder 1kg 哈沃乳清蛋白粉 1公斤", 390, "s-1"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-PRO-1K", absent: []string{"title opens with"}}},
		{"an adjective before the product words", listing("Brightening Bright Serum 30ml 索兰亮肤精华液", 470, "s-1"), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-SER-30", absent: []string{"title opens with"}}},
		{"the product words lead", listing("Bright Serum 30ml 索兰亮肤精华液", 470, "s-1"), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-SER-30"}},
		{"another name before ours is unsure, not excused", listing("Lunova Bright Serum 30ml, Solenne", 470, "s-1"), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-SER-30", reasons: []string{`title opens with "lunova" before the product words: perhaps another brand's name`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestNearTwins checks titles that leave out the line word telling two
// products apart, as Taobao sellers do ("索兰修护晚霜" for the rose and the
// jasmine night cream): the listing is judged against both, unless a
// photo of one only or the description's line word decides.
func TestNearTwins(t *testing.T) {
	m := MustMarketMatcher(t)
	cf, us := shadowscan.CategoryCounterfeit, shadowscan.CategoryUnauthorizedSeller
	jar, box := photo(twinJarP, twinJarD), photo(jasBoxP, jasBoxD)
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"no line word: one of the twins", listing("索兰修护晚霜 秋冬 高仿", 150, "shop-9"), want{
			flagged: true, category: cf, brand: "solenne", reasons: []string{"one of SL-ROSE-50, SL-JAS-50", "score held under 90"}}},
		{"a twin's generic nickname does not pick it", listing("索兰修护晚霜 索兰晚霜 50g", 360, "shop-9"), want{
			flagged: true, category: us, brand: "solenne", reasons: []string{"one of SL-ROSE-50, SL-JAS-50"}}},
		{"a photo both twins share does not decide", listing("索兰修护晚霜 50g", 360, "shop-9", jar), want{
			flagged: true, category: us, brand: "solenne", reasons: []string{"one of SL-ROSE-50, SL-JAS-50"}}},
		{"a photo of one twin only decides", listing("索兰修护晚霜 50g", 360, "shop-9", box), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-JAS-50"}},
		{"the description names the line", withDescription(listing("索兰修护晚霜 50g", 360, "shop-9", jar), "本链接为茉莉款，清香型"), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-JAS-50", reasons: []string{"the description names SL-JAS-50's line"}}},
		{"a description naming both lines does not decide", withDescription(listing("索兰修护晚霜 50g", 360, "shop-9"), "玫瑰/茉莉两款可选"), want{
			flagged: true, category: us, brand: "solenne", reasons: []string{"one of SL-ROSE-50, SL-JAS-50"}}},
		{"the line word in the other script", listing("索兰修护晚霜 Jasmine 50g", 380, "shop-9", jar), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-JAS-50"}},
		{"the line word in the title", listing("索兰玫瑰修护晚霜 50g", 360, "shop-9", jar), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-ROSE-50"}},
		{"size twins: the description gives the size", withDescription(listing("Halvor Whey Protein Powder - Mirror Copy", 90, "shop-9"), "Net weight 500g, one tin."), want{
			flagged: true, category: cf, brand: "halvor", sku: "HV-PRO-500", reasons: []string{"the description names HV-PRO-500's line"}}},
		{"size twins: no size anywhere", listing("Halvor Whey Protein Powder - Mirror Copy", 90, "shop-9"), want{
			flagged: true, category: cf, brand: "halvor", reasons: []string{"one of HV-PRO-1K, HV-PRO-500"}}},
		{"English, line left out", listing("Solenne Night Cream 50g, Mirror Copy", 150, "shop-9"), want{
			flagged: true, category: cf, brand: "solenne", reasons: []string{"one of SL-ROSE-50, SL-JAS-50"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestSpacedOutWords checks that a word spaced out to get past a
// platform's filter ("R e p l i c a", "r.e.p.l.i.c.a") is read as the
// word, and that short runs of single letters are left alone.
func TestSpacedOutWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"R e p l i c a", "replica"},
		{"r.e.p.l.i.c.a 高仿", "replica高仿"},
		{"mask, R e p l i c a 露米雅", "mask replica露米雅"},
		{"vitamin A, C & E", "vitamin a c e"},
		{"a b c d", "abcd"},
		{"x 2 pack", "x 2 pack"},
	}
	for _, tt := range tests {
		if got := joinSpacedLetters(compact(tt.in)); got != tt.want {
			t.Errorf("joinSpacedLetters(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	m := MustMarketMatcher(t)
	check(t, m.Match(listing("Halvor Fish Oil Softgels 90 - R e p l i c a", 230, "shop-9")), want{
		flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90", reasons: []string{`"replica"`}})
}

// FuzzJoinSpacedLetters checks that joining never lengthens the text and
// that joined text joins to itself.
func FuzzJoinSpacedLetters(f *testing.F) {
	for _, s := range []string{"r e p l i c a", "a b c", "x y z w v", "高 仿 a b c d", "\xffa b c d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := compact(s)
		j := joinSpacedLetters(c)
		if len(j) > len(c) {
			t.Fatalf("%q joined to the longer %q", c, j)
		}
		if again := joinSpacedLetters(j); again != j {
			t.Fatalf("%q joined to %q, then to %q", c, j, again)
		}
	})
}

// TestChineseLookAlikeWithOurPhoto checks that a look-alike brand one
// character or letter off ours ("哈握" for 哈沃, "Halvar" for Halvor), as
// knock-off brands name themselves, is not linked to our product by a
// photo like ours, while a title with no brand at all still is.
func TestChineseLookAlikeWithOurPhoto(t *testing.T) {
	m := MustMarketMatcher(t)
	fish := photo(fishP, fishD)
	check(t, m.Match(listing("哈握深海鱼油软胶囊 90粒 工厂直供", 100, "hawo-store", fish)), want{})
	check(t, m.Match(listing("深海鱼油软胶囊 90粒 工厂直供", 100, "shop-9", fish)), want{
		flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90"})
	// A Latin name one letter off ours is a look-alike too.
	check(t, m.Match(listing("Halvar Fish Oil Softgels 90", 100, "s-1", fish)), want{})
	// A Latin spelling right before our Chinese name writes ours.
	check(t, m.Match(listing("Halvorr 哈沃深海鱼油软胶囊 90粒", 230, "s-1")), want{
		flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "halvor", sku: "HV-FISH-90", absent: []string{"title opens with"}})
}

// TestConvertedPricesAllowForTheRate checks that a price in another
// currency is judged with room for the configured rate being off the one
// the seller priced at: a Hong Kong or US distributor pricing at the floor
// by the day's rate is not dumping because the rules' rate is a little
// lower, while a price clearly under the floor still is. The reason names
// the rate.
func TestConvertedPricesAllowForTheRate(t *testing.T) {
	m := MustMarketMatcher(t) // USD at 7.1 CNY, a 3 % tolerance
	usd := func(title string, price float64, seller string) *shadowscan.Listing {
		l := listing(title, price, seller)
		l.Currency = "USD"
		return l
	}
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"an authorised seller at the floor by another rate", usd("Halvor Fish Oil Softgels 90", 33.50, "shop-88"), want{
			brand: "halvor", sku: "HV-FISH-90",
			reasons: []string{"USD 33.50 (¥237.85 at the configured 7.1 CNY per USD)", "under the floor ¥240.00 only by less than the 3 % a configured rate may be off: not counted"}}},
		{"an authorised seller well under the floor", usd("Halvor Fish Oil Softgels 90", 31, "shop-88"), want{
			flagged: true, category: shadowscan.CategoryPriceDumping, brand: "halvor", sku: "HV-FISH-90",
			reasons: []string{"USD 31.00 (¥220.10 at the configured 7.1 CNY per USD) is under the authorised floor ¥240.00"}}},
		{"an unknown seller just under half of list", usd("Halvor Fish Oil Softgels 90", 18.5, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "halvor", sku: "HV-FISH-90",
			reasons: []string{"under 50 % of list only by less than the 3 % a configured rate may be off"}}},
		{"the same price in the list's currency counts", listing("Halvor Fish Oil Softgels 90", 237.85, "shop-88"), want{
			flagged: true, category: shadowscan.CategoryPriceDumping, brand: "halvor", sku: "HV-FISH-90"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestRebuttalsAreNoAttack checks listings that quote a rumour to deny
// it, as fact-checkers, e-book shops and brands' supporters write them on
// Taobao and Amazon: the claim negated, said to be untrue right after it
// ("网传…不实", "纯属谣言"), asked and answered no, or in a listing that says
// it refutes a rumour (辟谣). Exposés that ask without answering no,
// headed "the truth about", or rivals comparing themselves with the brand,
// still attack it.
func TestRebuttalsAreNoAttack(t *testing.T) {
	m := MustMarketMatcher(t)
	df := shadowscan.CategoryDefamation
	quoted := []string{"it quotes the claim to rebut it"}
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"辟谣 with the rumour untrue", withDescription(listing("辟谣：索兰不含激素 第三方检测报告解读", 9.9, "ebook-1"), "网传索兰含激素不实，检测报告显示未检出。"), want{
			brand: "solenne", reasons: quoted}},
		{"asked, and denied in the description", withDescription(listing("哈沃是传销吗？直销与传销的区别 科普资料", 9.9, "ebook-1"), "哈沃持有直销经营许可证，直销不等于传销。"), want{
			brand: "halvor", reasons: []string{"asks it and answers no"}}},
		{"asked without a question mark, denied after", withDescription(listing("哈沃鱼油有毒吗 权威检测汇总", 9.9, "ebook-1"), "网传哈沃有毒，纯属谣言。"), want{
			brand: "halvor", reasons: quoted}},
		{"a rumour called fabricated", listing("哈沃传销一说纯属造谣 官方资质公示", 9.9, "ebook-1"), want{
			brand: "halvor", reasons: quoted}},
		{"asked and answered no at once", listing("Is Halvor a Pyramid Scheme? No - How Licensed Direct Selling Works", 9.9, "ebook-1"), want{
			brand: "halvor", reasons: []string{"asks it and answers no"}}},
		{"answered no later in the title", listing("Is Solenne Toxic? We Read the Lab Reports (spoiler: no)", 9.9, "ebook-1"), want{
			brand: "solenne", reasons: []string{"asks it and answers no"}}},
		{"a myth-busting listing", listing("Solenne Myths Checked: toxic? contains steroids?", 9.9, "ebook-1"), want{
			brand: "solenne", reasons: []string{`refutes a rumour ("myths")`}}},
		{"an exposé asks without answering no", listing("索兰是不是传销？前代理自述 被骗十万 资料包", 9.9, "ebook-1"), want{
			flagged: true, category: df, brand: "solenne", reasons: []string{`"传销" about Solenne`}}},
		{"an assertion beside its own question", withDescription(listing("索兰面霜含激素检测报告 电子版", 9.9, "ebook-1"), "第三方检测：索兰含激素？报告PDF。"), want{
			flagged: true, category: df, brand: "solenne"}},
		{"the truth about is an exposé", listing("The Truth About Halvor: a Pyramid Scheme Exposed (eBook)", 9.9, "ebook-1"), want{
			flagged: true, category: df, brand: "halvor"}},
		{"a rumour said to be no rumour", listing("哈沃传销不是谣言 前员工爆料", 9.9, "ebook-1"), want{
			flagged: true, category: df, brand: "halvor"}},
		{"rumours said to be true", listing("Halvor is a pyramid scheme - the rumours are true", 9.9, "ebook-1"), want{
			flagged: true, category: df, brand: "halvor"}},
		{"a rival: not toxic like the brand", listing("Gentle Night Cream 50g - not toxic like Solenne", 60, "rival-1"), want{
			flagged: true, category: df, brand: "solenne"}},
		{"a rival: unlike the brand, not a pyramid scheme", withDescription(listing("Clean Whey Protein 1kg", 60, "rival-1"), "Honest price. Unlike Halvor, not a pyramid scheme."), want{
			flagged: true, category: df, brand: "halvor"}},
		{"a rival boasting a passed test", withDescription(listing("纯植物晚霜 50g 孕妇可用", 60, "rival-1"), "我们的产品检测合格，不像索兰含激素。"), want{
			flagged: true, category: df, brand: "solenne"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestClauseSpans checks that a field's clauses are found in its compact
// text, with the questions marked, and that text the clauses cannot be
// laid on is read as one clause.
func TestClauseSpans(t *testing.T) {
	raw := "Is Solenne toxic? We read the reports (spoiler: no). 网传索兰含激素不实，检测未检出。"
	x := compact(raw)
	cls := clauseSpans(raw, x)
	var got []string
	for _, c := range cls {
		s := x[c.start:c.end]
		if c.question {
			s += "?"
		}
		got = append(got, s)
	}
	want := []string{"is solenne toxic?", "we read the reports", "spoiler", "no", "网传索兰含激素不实", "检测未检出"}
	if !slices.Equal(got, want) {
		t.Errorf("clauses %q, want %q", got, want)
	}
	if cls := clauseSpans("R e p l i c a? yes", "replica yes"); len(cls) != 1 || cls[0].question {
		t.Errorf("text the clauses do not join into: %+v, want one plain clause", cls)
	}
}

// FuzzClauseSpans checks that clauses lie in order inside the text.
func FuzzClauseSpans(f *testing.F) {
	for _, s := range []string{"Is it toxic? No.", "网传含激素不实，纯属谣言。", "a. b. c", "1,299.00 元", "\xff？", "r e p l i c a? ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x := joinSpacedLetters(compact(s))
		end := 0
		for _, c := range clauseSpans(s, x) {
			if c.start < end || c.end < c.start || c.end > len(x) {
				t.Fatalf("clause %+v out of order in %q", c, x)
			}
			end = c.end
		}
	})
}

// TestSuffixedChineseNames checks shops and brands named after ours with a
// name suffix (轩, 堂, 坊, 记 ...), written apart from what they sell, as
// tea houses and herbal shops on Taobao and Pinduoduo name themselves:
// not our brand, not even with a photo like ours; while our name with
// the product words, with 牌 ("<brand> brand") or with 行货 (genuine
// channel goods) is still ours.
func TestSuffixedChineseNames(t *testing.T) {
	m := MustMarketMatcher(t)
	us := shadowscan.CategoryUnauthorizedSeller
	fish := photo(fishP, fishD)
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"a tea house named after the brand", withDescription(listing("哈沃堂 深海鱼油软胶囊 90粒 中老年", 60, "s-1"), "哈沃堂 深海鱼油软胶囊 90粒，哈沃堂养生馆出品。"), want{}},
		{"with a photo like ours", listing("哈沃记 深海鱼油软胶囊 90粒", 60, "s-1", fish), want{}},
		{"the name apart in the description only", withDescription(listing("哈沃轩深海鱼油软胶囊 90粒", 60, "s-1"), "本店为哈沃轩，自有品牌。"), want{}},
		{"our name and the product words", listing("哈沃深海鱼油软胶囊 90粒", 230, "s-1"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90"}},
		{"牌 says our brand", listing("哈沃牌深海鱼油软胶囊 90粒", 230, "s-1"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90"}},
		{"行货 runs on: genuine channel goods", listing("哈沃行货 深海鱼油软胶囊 90粒", 230, "s-1"), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestPhotoWithoutBrand checks titles that name no brand, as resellers on
// Taobao and cross-border shops write them ("深海鱼油软胶囊 90粒 会员渠道",
// "Calcium + Vitamin D3 Tablets 120"): the brand's official photo says
// whose goods they are, and the title's words name the product and pick
// among near twins sharing the photo. A title opened by another name
// ("海之宝深海鱼油") is that brand's goods unless the photo is close: its own
// pack of the same shape matches ours at the edge of the distances.
func TestPhotoWithoutBrand(t *testing.T) {
	m := MustMarketMatcher(t)
	us := shadowscan.CategoryUnauthorizedSeller
	fish, jar := photo(fishP, fishD), photo(twinJarP, twinJarD)
	edge := photo(flip(fishP, 8), flip(fishD, 7))
	tests := []struct {
		name string
		l    *shadowscan.Listing
		want want
	}{
		{"the product's words and the official photo", listing("深海鱼油软胶囊 90粒 会员渠道 正品", 250, "shop-9", fish), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90",
			reasons: []string{"without its brand, shown with the brand's official photo"}}},
		{"in English", listing("Fish Oil Softgels 90 - genuine", 250, "shop-9", fish), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90"}},
		{"another name leads, a photo at the edge", listing("海之宝深海鱼油软胶囊 90粒 工厂直供", 60, "shop-9", edge), want{}},
		{"another name leads, in English", listing("SeaBest Fish Oil Softgels 90", 60, "shop-9", edge), want{}},
		{"the product's words lead, a photo at the edge", listing("深海鱼油软胶囊 90粒 工厂直供", 60, "shop-9", edge), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90"}},
		{"a photo at the edge names no product by itself", listing("Fish Oil Softgels 90 - genuine", 250, "shop-9", edge), want{
			brand: "halvor", sku: "HV-FISH-90", absent: []string{"without its brand"}}},
		{"signal and marketing words lead, a photo at the edge", listing("【爆款】工厂直供 深海鱼油软胶囊 90粒", 60, "shop-9", edge), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90"}},
		{"English descriptors lead, a photo at the edge", listing("Organic Premium Fish Oil Softgels 90 - replica", 60, "shop-9", edge), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90"}},
		{"another name leads, our photo as it is", listing("海之宝深海鱼油软胶囊 90粒", 250, "shop-9", fish), want{
			flagged: true, category: us, brand: "halvor", sku: "HV-FISH-90"}},
		{"the line word picks a twin sharing the photo", listing("茉莉修护晚霜 50g 会员渠道", 370, "shop-9", jar), want{
			flagged: true, category: us, brand: "solenne", sku: "SL-JAS-50"}},
		{"no line word: the twins stay tied", listing("修护晚霜 50g 会员渠道", 370, "shop-9", jar), want{
			brand: "solenne", reasons: []string{"fit SL-ROSE-50 and SL-JAS-50 equally"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestGenericWordsOfTheSameKind checks a title that swaps the product's
// own words for generic ones of the same kind ("<brand>养生花草茶 20袋" for a
// brand with two 20-bag teas), as Pinduoduo sellers of copies write them:
// it names one of the products of that size whose names end alike (茶),
// judged as a set; one product of that kind alone is not enough to link.
func TestGenericWordsOfTheSameKind(t *testing.T) {
	a := func(f float64) shadowscan.Amount { return shadowscan.AmountFromFloat(f) }
	cat := &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{ID: "shanlan", Name: "Shanlan Herbs", Aliases: []string{"山岚"}}},
		Products: []shadowscan.Product{
			{SKU: "SH-LONGAN", BrandID: "shanlan", Name: "Shanlan Longan Date Tea 20 bags", Aliases: []string{"山岚桂圆红枣茶 20袋"}, Price: a(98), Currency: "CNY"},
			{SKU: "SH-CASSIA", BrandID: "shanlan", Name: "Shanlan Cassia Seed Tea 20 bags", Aliases: []string{"山岚菊花决明子茶 20袋"}, Price: a(88), Currency: "CNY"},
			{SKU: "SH-COLL", BrandID: "shanlan", Name: "Shanlan Collagen Drink 20 bags", Aliases: []string{"山岚胶原蛋白饮 20袋"}, Price: a(298), Currency: "CNY"},
		},
	}
	m, err := New(cat, rules.DefaultDetection())
	if err != nil {
		t.Fatal(err)
	}
	check(t, m.Match(listing("山岚养生花草茶 20袋 尾单 冲饮", 25, "s-1")), want{
		flagged: true, category: shadowscan.CategoryCounterfeit, brand: "shanlan",
		reasons: []string{`a product of the same kind ("养生花草茶") as one of SH-LONGAN, SH-CASSIA`, "score held under 90"}})
	// One product of the kind: too little to name it.
	check(t, m.Match(listing("山岚美容饮 20袋 尾单", 25, "s-1")), want{brand: "shanlan", reasons: []string{`"尾单"`}})
	// No size: nothing to go on.
	check(t, m.Match(listing("山岚养生花草茶 尾单", 25, "s-1")), want{brand: "shanlan"})
}

// TestWordsInTheSellersName checks that a counterfeit word inside the
// shop's name, where a JD- or Taobao-style page quotes it ("店铺：一手货源批发"),
// is no claim about the goods: the hit says so and the category stays
// unauthorised seller, while the same word elsewhere still counts.
func TestWordsInTheSellersName(t *testing.T) {
	m := MustMarketMatcher(t)
	shop := func(title, desc, name string) *shadowscan.Listing {
		l := withDescription(listing(title, 250, "shop-9"), desc)
		l.SellerName = name
		return l
	}
	check(t, m.Match(shop("哈沃深海鱼油软胶囊 90粒", "店铺：一手货源批发 商品名称：哈沃深海鱼油软胶囊 规格：90粒", "一手货源批发")), want{
		flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "halvor", sku: "HV-FISH-90",
		reasons: []string{`description says "一手货源" only inside the seller's name "一手货源批发"`}, absent: []string{"counterfeit word"}})
	check(t, m.Match(shop("哈沃深海鱼油软胶囊 90粒", "店铺：一手货源批发 工厂直供，假一赔十", "一手货源批发")), want{
		flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90", reasons: []string{`"工厂直供" (counterfeit word)`}})
	check(t, m.Match(shop("Halvor Fish Oil Softgels 90", "Sold by Factory Direct Supply, Hong Kong.", "Factory Direct Supply")), want{
		flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "halvor", sku: "HV-FISH-90"})
	// A name no longer than the word cannot be told from it.
	check(t, m.Match(shop("哈沃深海鱼油软胶囊 90粒", "尾货清仓", "尾货")), want{
		flagged: true, category: shadowscan.CategoryCounterfeit, brand: "halvor", sku: "HV-FISH-90"})
}
