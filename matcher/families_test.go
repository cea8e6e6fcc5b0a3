package matcher

import (
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// The tests in this file cover the families of listings that held-out
// worlds, written without the code, kept getting wrong: other makers'
// goods that name the brand, look-alike brand names, pack choices and
// cartons, disguised counterfeit words, private resale, services and
// warnings, and products named only in the description. They run on a
// catalogue of their own, shaped like a direct-sales brand's on Taobao,
// 1688, Shopee and Amazon.

// Official photo hashes of kinCatalog.
const (
	serumP = 0x5d2c_81e7_a493_f06b
	serumD = 0x29b4_e6c1_73d8_0a5f
	dishP  = 0xa7e1_3c58_d2f0_946b
	dishD  = 0x6f08_b5d3_1ea4_c792
)

// kinCatalog has two brands with three-character Chinese names, so that
// look-alikes can be one character or one sound off.
func kinCatalog() *shadowscan.Catalog {
	a := func(f float64) shadowscan.Amount { return shadowscan.AmountFromFloat(f) }
	return &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{
			ID: "mirelle", Name: "Mirelle Beauty", Aliases: []string{"米蕾雅", "MIRELLE", "米蕾雅护肤"},
			OfficialSellers:   []shadowscan.SellerRef{{Site: "demo-market", SellerID: "mirelle-official"}},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-21"}},
		}, {
			ID: "tovana", Name: "Tovana Home", Aliases: []string{"托瓦纳", "TOVANA"},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-31"}},
		}},
		Products: []shadowscan.Product{
			{SKU: "MR-SER-30", BrandID: "mirelle", Name: "Mirelle Repair Serum 30ml", Aliases: []string{"米蕾雅修护精华液 30ml", "米蕾雅精华"},
				Price: a(380), MinPrice: a(340), Currency: "CNY",
				Images: []shadowscan.ImageRef{{Source: "serum.jpg", PHash: serumP, DHash: serumD}}},
			{SKU: "MR-CRM-50", BrandID: "mirelle", Name: "Mirelle Night Cream 50g", Aliases: []string{"米蕾雅晚安霜 50g"},
				Price: a(420), MinPrice: a(380), Currency: "CNY"},
			{SKU: "TV-DISH-1L", BrandID: "tovana", Name: "Tovana Dish Liquid 1L", Aliases: []string{"托瓦纳浓缩洗洁精 1L", "浓缩洗洁精"},
				Price: a(60), MinPrice: a(52), Currency: "CNY",
				Images: []shadowscan.ImageRef{{Source: "dish.jpg", PHash: dishP, DHash: dishD}}},
			{SKU: "TV-FILT", BrandID: "tovana", Name: "Tovana Water Filter Cartridge", Aliases: []string{"托瓦纳净水滤芯"},
				Price: a(398), MinPrice: a(358), Currency: "CNY"},
			{SKU: "TV-CAL-120", BrandID: "tovana", Name: "Tovana Calcium D3 Tablets 120", Aliases: []string{"托瓦纳钙维D片 120片"},
				Price: a(168), MinPrice: a(148), Currency: "CNY"},
			{SKU: "TV-PASTE", BrandID: "tovana", Name: "Tovana Herbal Toothpaste 180g", Aliases: []string{"托瓦纳草本牙膏 180g"},
				Price: a(48), MinPrice: a(42), Currency: "CNY"},
			{SKU: "TV-SOAP-SG", BrandID: "tovana", Name: "Tovana Hand Soap 500ml", Price: a(12), MinPrice: a(10), Currency: "SGD"},
		},
	}
}

// MustKinMatcher builds a Matcher over kinCatalog with the embedded
// detection rules, or fails the test.
func MustKinMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	m, err := New(kinCatalog(), rules.DefaultDetection())
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return m
}

type kinCase struct {
	name string
	l    *shadowscan.Listing
	want want
}

func runKin(t *testing.T, tests []kinCase) {
	t.Helper()
	m := MustKinMatcher(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, m.Match(tt.l), tt.want)
		})
	}
}

// TestAnotherMakerNamesTheBrand checks listings of other makers' goods
// that name the brand only to compare ("<brand>同款", "对标<brand>", "like
// <brand>") or whose brand field names another maker: not offers of the
// brand's goods, unless counterfeit words say they copy them.
func TestAnotherMakerNamesTheBrand(t *testing.T) {
	cf, us := shadowscan.CategoryCounterfeit, shadowscan.CategoryUnauthorizedSeller
	runKin(t, []kinCase{
		{"同款 after another name", listing("洁雅 浓缩洗洁精1L 托瓦纳同款 正品保障", 15, "shop-9"), want{
			brand: "tovana", sku: "TV-DISH-1L", reasons: []string{`only in a comparison ("托瓦纳同款")`}}},
		{"对标 glued to another name", listing("佳洁宝浓缩洗洁精1L 对标托瓦纳 性价比高", 15, "shop-9"), want{
			brand: "tovana", sku: "TV-DISH-1L", reasons: []string{"对标托瓦纳"}}},
		{"like in English", listing("Glowa Repair Serum 30ml, works like Mirelle", 90, "shop-9"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"like mirelle"}}},
		{"counterfeit words make it a copy", listing("托瓦纳同款 浓缩洗洁精1L 原单", 15, "shop-9"), want{
			flagged: true, category: cf, brand: "tovana", sku: "TV-DISH-1L", reasons: []string{"the counterfeit words say the goods copy"}}},
		{"the brand as maker first", listing("托瓦纳浓缩洗洁精 1L 托瓦纳同款", 55, "shop-9"), want{
			flagged: true, category: us, brand: "tovana", sku: "TV-DISH-1L", absent: []string{"comparison"}}},
		{"brand field names another maker", withDescription(listing("托瓦纳浓缩洗洁精 1L", 20, "shop-9"), "品牌\n洁雅\n品名\n浓缩洗洁精 1L"), want{
			brand: "tovana", sku: "TV-DISH-1L", reasons: []string{`brand field names "洁雅"`}}},
		{"brand field names the brand", withDescription(listing("托瓦纳浓缩洗洁精 1L", 20, "shop-9"), "品牌：托瓦纳\n品名：浓缩洗洁精 1L"), want{
			flagged: true, category: cf, brand: "tovana", sku: "TV-DISH-1L"}},
		{"a blank brand cell names nobody", withDescription(listing("托瓦纳浓缩洗洁精 1L", 20, "shop-9"), "品牌\n品名\n浓缩洗洁精 1L"), want{
			flagged: true, category: cf, brand: "tovana", sku: "TV-DISH-1L", absent: []string{"brand field"}}},
		{"a marketing word in the brand field names nobody", withDescription(listing("托瓦纳浓缩洗洁精 1L", 20, "shop-9"), "品牌: 正品"), want{
			flagged: true, category: cf, brand: "tovana", sku: "TV-DISH-1L"}},
	})
}

// TestMakersOwnGoodsInspiredByTheBrand checks a maker's own handmade
// goods that name the brand only as what they are made after ("Inspired
// by <brand product>", "<Brand>-Style", "<Brand> Inspired", "Dupe"): not
// offers of the brand's goods, unless counterfeit words beyond the
// comparison say they copy the brand's packaging or are a replica.
func TestMakersOwnGoodsInspiredByTheBrand(t *testing.T) {
	cf := shadowscan.CategoryCounterfeit
	own := "Lovingly handmade in our studio. This serum is our own recipe, inspired by the popular Mirelle Repair Serum. It is NOT a Mirelle product, is sold under our own label."
	runKin(t, []kinCase{
		{"inspired by after the maker's own product", withDescription(listing("Handmade Hyaluronic Face Serum | Inspired by Mirelle Repair Serum | 30 ml | Gift for Her", 60, "shop-9"), own), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"inspired by mirelle"}}},
		{"brand-style", withDescription(listing("Mirelle-Style Repair Serum | Handcrafted Face Oil | Refillable Glass", 60, "shop-9"), own), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"mirelle style"}}},
		{"dupe with the brand inspired", withDescription(listing("Repair Serum Dupe | Homemade Rosehip Face Serum | Small Batch | Mirelle Inspired", 60, "shop-9"), own), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"mirelle inspired"}}},
		{"inspired by a product named with the brand", withDescription(listing("Handmade Clay Face Mask | Inspired by Mirelle Mirelle Repair Serum | 30 ml", 60, "shop-9"), own), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"inspired by mirelle"}}},
		{"brand-style before a product named with the brand", withDescription(listing("Mirelle-Style Mirelle Repair Serum | Handcrafted Face Oil | Refillable Glass", 60, "shop-9"), own), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"mirelle style"}}},
		{"inspired by with a copied logo", withDescription(listing("Inspired by Mirelle Repair Serum 30ml | Handmade | 30ml", 90, "shop-9"), "Our take on Mirelle Repair Serum 30ml. It comes in the same box with the Mirelle logo printed, 1:1 identical to the counter version."), want{
			flagged: true, category: cf, brand: "mirelle", sku: "MR-SER-30"}},
		{"made in the seller's workshop, logo printed like the original", withDescription(listing("Mirelle Repair Serum 30ml NEW Sealed", 340, "shop-9"), "We produce these in our own workshop following the original recipe; the logo is printed exactly like the original."), want{
			flagged: true, category: cf, brand: "mirelle", sku: "MR-SER-30"}},
		{"inspired by, printed like the real one", withDescription(listing("Inspired by Mirelle Repair Serum 30ml | Handmade | 30ml", 90, "shop-9"), "Our take on Mirelle Repair Serum 30ml. We print the original Mirelle logo on every pack so it looks the same as the real one."), want{
			flagged: true, category: cf, brand: "mirelle", sku: "MR-SER-30"}},
	})
}

// TestFakeSpottingGuides checks guides to spotting fakes that call the
// counterfeit sellers' words lies ("什么原单、工厂直供都是骗人的"): they
// defame nobody and offer nothing. A text that calls the brand's own
// goods fakes and a fraud still defames it.
func TestFakeSpottingGuides(t *testing.T) {
	guide := "市面上高仿很多，正品底部有喷码批号，刮码、无批号的千万别买；价格低于官方一半的基本是假货，什么原单、工厂直供都是骗人的。建议认准官方店。"
	runKin(t, []kinCase{
		{"如何辨别", withDescription(listing("如何辨别米蕾雅精华真假", 0, ""), guide), want{brand: "mirelle", sku: "MR-SER-30"}},
		{"真假对比 避坑", withDescription(listing("米蕾雅精华 真假对比❗教你避坑", 0, ""), guide), want{brand: "mirelle", sku: "MR-SER-30"}},
		{"看完再买", withDescription(listing("米蕾雅精华 假货太多了 看完再买", 0, ""), guide), want{brand: "mirelle", sku: "MR-SER-30"}},
		{"the brand's goods called fakes and a fraud", withDescription(listing("米蕾雅精华 避雷", 0, ""), "米蕾雅卖的都是高仿，骗人的。"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "mirelle", sku: "MR-SER-30"}},
	})
}

// TestPrintablesPartsAndAccessories checks listings that name a product
// and offer none of it: a printable tracker or label, a recipe book, a
// part or tool used with it, the bowl and stick for a face mask; and a
// single used item sold for parts.
func TestPrintablesPartsAndAccessories(t *testing.T) {
	for _, tt := range []kinCase{
		{"printable tracker", listing("Mirelle Repair Serum Tracker | 30 Day Planner | Printable PDF", 3, "shop-9"), want{brand: "mirelle"}},
		{"printable label copy", listing("Mirelle Repair Serum Replacement Label | Exact Copy of Original Label | Printable PDF", 3, "shop-9"), want{brand: "mirelle"}},
		{"recipe book", listing("Tovana Recipe Book - Cleaning with Tovana Dish Liquid", 8, "shop-9"), want{brand: "tovana"}},
		{"tool used with", listing("Oven Scraper Tool - use with Tovana Dish Liquid 1L", 6, "shop-9"), want{brand: "tovana"}},
		{"lids", listing("Tovana Dish Liquid 1L Lids x5 Replacement", 5, "shop-9"), want{brand: "tovana"}},
		{"tap accessory", listing("Tovana Dish Liquid 1L Dispensing Tap Accessory", 5, "shop-9"), want{brand: "tovana"}},
		{"mask bowl and stick", listing("米蕾雅精华 面膜碗 调膜棒 套装", 9, "shop-9"), want{brand: "mirelle"}},
		{"foaming net", listing("托瓦纳浓缩洗洁精 起泡网 5个装", 5, "shop-9"), want{brand: "tovana"}},
		{"used for parts", listing("Tovana Dish Liquid 1L - Used, For Parts", 5, "shop-9"), want{brand: "tovana", sku: "TV-DISH-1L"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := MustKinMatcher(t).Match(tt.l)
			if v.Flagged {
				t.Errorf("flagged %s (score %d): %+v", v.Category, v.Score, v.Reasons)
			}
		})
	}
}

// TestSecondHandWithStock checks that a seller who calls the goods
// second-hand ("闲置") but has a dozen new units and sells wholesale is a
// reseller, while a single spare unit stays a private resale.
func TestSecondHandWithStock(t *testing.T) {
	us := shadowscan.CategoryUnauthorizedSeller
	runKin(t, []kinCase{
		{"a dozen units, wholesale", withDescription(listing("闲置｜全新米蕾雅精华 有十几瓶 可以批发", 300, "shop-9"), "公司发的福利，全新未拆，囤太多了，有十几瓶，量大可以再便宜。"), want{
			flagged: true, category: us, brand: "mirelle", sku: "MR-SER-30", reasons: []string{"stock for sale"}}},
		{"one spare unit", withDescription(listing("闲置 米蕾雅精华 只用过一次", 300, "shop-9"), "用过一次，不适合我。"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"private resale"}}},
	})
}

// TestProtestMerchandise checks that mugs, tees and tote bags whose
// slogans attack the brand ("<brand> Is Poison", "Kills Pets") are
// defamation, and that a denial is not.
func TestProtestMerchandise(t *testing.T) {
	df := shadowscan.CategoryDefamation
	runKin(t, []kinCase{
		{"tote bag", withDescription(listing("Tovana Dish Liquid Killed My Dog - Tote Bag Protest", 11, "shop-9"), "Canvas tote. Tovana Dish Liquid is poison for pets and the company knows it."), want{
			flagged: true, category: df, brand: "tovana", sku: "TV-DISH-1L"}},
		{"mug", withDescription(listing("Funny Ex-MLM Gift Mug | Mirelle Repair Serum Is Poison", 14, "shop-9"), "Ceramic mug. Mirelle Repair Serum is poison and the company knows it."), want{
			flagged: true, category: df, brand: "mirelle", sku: "MR-SER-30"}},
		{"tee", withDescription(listing("Mirelle Lies T-Shirt | Mirelle Beauty Fakes Its Tests | Unisex Tee", 18, "shop-9"), "Mirelle Beauty fakes its clinical tests and bribes reviewers."), want{
			flagged: true, category: df, brand: "mirelle"}},
	})
}

// TestCheaperThanRetail checks that "cheaper than retail" compares a
// price, not another brand's product: the listing stays linked, and its
// code removal counts.
func TestCheaperThanRetail(t *testing.T) {
	runKin(t, []kinCase{
		{"cheaper than retail", withDescription(listing("Tovana Dish Liquid 1L | Genuine | Sealed | Cheaper than Retail", 45, "shop-9"), "Genuine Tovana Dish Liquid 1L. Please note lot numbers are scratched off (diverted stock). Contents untouched."), want{
			flagged: true, category: shadowscan.CategoryCodeTampered, brand: "tovana", sku: "TV-DISH-1L"}},
		{"cheaper than the brand", listing("Glowa Dish Liquid 1L | cheaper than Tovana", 15, "shop-9"), want{brand: "tovana"}},
	})
}

// TestSoundAlikeBrandsAreOtherBrands checks that a title naming a brand one
// character, one sound, a swap or a shift off the catalogue brand's
// Chinese name is not linked to the brand by a photo like its own; a
// title naming no brand still is.
func TestSoundAlikeBrandsAreOtherBrands(t *testing.T) {
	ph := photo(serumP, serumD)
	none := want{}
	runKin(t, []kinCase{
		{"by sound (雷 for 蕾)", listing("米雷雅修护精华液 30ml", 120, "shop-9", ph), none},
		{"by sound (娅 for 雅)", listing("新品 米蕾娅修护精华液 30ml", 120, "shop-9", ph), none},
		{"two characters swapped", listing("米雅蕾修护精华液 30ml", 120, "shop-9", ph), none},
		{"shifted by one", listing("蕾雅诗修护精华液 30ml", 120, "shop-9", ph), none},
		{"after keywords", listing("当天发货 包邮 米蕾亚修护精华液 30ml", 120, "shop-9", ph), none},
		{"no brand named", listing("修护精华液 30ml", 120, "shop-9", ph), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "mirelle", sku: "MR-SER-30"}},
	})
	for _, tt := range []struct {
		w, name string
		want    bool
	}{
		{"维得力", "维德丽", true}, {"清兰家", "清岚家", true}, {"康维诺", "康诺维", true}, {"芮莎诗", "俪芮莎", true},
		{"维丹娜", "薇丹妮", true}, {"维生素", "维德丽", false}, {"清洁剂", "清岚家", false}, {"蛋白粉", "康诺维", false},
	} {
		if got := soundsLike([]rune(tt.w), []rune(tt.name)); got != tt.want {
			t.Errorf("soundsLike(%s, %s) = %v, want %v", tt.w, tt.name, got, tt.want)
		}
	}
}

// TestPackChoicesAndCartons checks the units a price buys: a title that
// lists pack choices ("1瓶/3瓶装") shows the smallest one's price, and a
// wholesale carton ("整箱24瓶") divides the price only when no single unit
// would sell at it.
func TestPackChoicesAndCartons(t *testing.T) {
	pd, cf, us := shadowscan.CategoryPriceDumping, shadowscan.CategoryCounterfeit, shadowscan.CategoryUnauthorizedSeller
	runKin(t, []kinCase{
		{"a choice of packs at the floor", listing("米蕾雅修护精华液30ml 正品授权 1瓶/3瓶装", 340, "shop-21"), want{
			brand: "mirelle", sku: "MR-SER-30", absent: []string{"a unit"}}},
		{"three packs under the floor", listing("米蕾雅修护精华液30ml 3瓶装", 900, "shop-21"), want{
			flagged: true, category: pd, brand: "mirelle", sku: "MR-SER-30", reasons: []string{"¥300.00 a unit"}}},
		{"a carton priced whole", listing("托瓦纳浓缩洗洁精1L 整箱24瓶 批发价", 360, "shop-9"), want{
			flagged: true, category: cf, brand: "tovana", sku: "TV-DISH-1L", reasons: []string{`for 24 ("整箱24瓶"), ¥15.00 a unit`}}},
		{"a carton's unit price", listing("托瓦纳浓缩洗洁精1L 整箱24瓶 批发价", 55, "shop-9"), want{
			flagged: true, category: us, brand: "tovana", sku: "TV-DISH-1L", absent: []string{"a unit"}}},
		{"an authorised carton under the floor", listing("托瓦纳浓缩洗洁精1L 24瓶/箱", 1200, "shop-31"), want{
			flagged: true, category: pd, brand: "tovana", sku: "TV-DISH-1L", reasons: []string{"¥50.00 a unit"}}},
	})
	for _, tt := range []struct {
		before string
		want   int
	}{{"1瓶", 1}, {"1瓶2瓶", 1}, {"单瓶", 1}, {"两瓶", 2}, {"60粒", maxPack + 1}, {"", maxPack + 1}} {
		if got := smallestChoice(tt.before, "瓶"); got != tt.want {
			t.Errorf("smallestChoice(%q) = %d, want %d", tt.before, got, tt.want)
		}
	}
}

// TestDisguisedCounterfeitWords checks counterfeit words written to slip
// past keyword filters, and the look-alikes of them that say nothing of
// the kind.
func TestDisguisedCounterfeitWords(t *testing.T) {
	cf, us := shadowscan.CategoryCounterfeit, shadowscan.CategoryUnauthorizedSeller
	flag := func(word string) want {
		return want{flagged: true, category: cf, brand: "mirelle", sku: "MR-SER-30", reasons: []string{word}}
	}
	plain := want{flagged: true, category: us, brand: "mirelle", sku: "MR-SER-30", absent: []string{"counterfeit word"}}
	runKin(t, []kinCase{
		{"pinyin for a character", listing("米蕾雅修护精华液30ml yuan单", 300, "shop-9"), flag(`"yuan单"`)},
		{"an initial for a character", listing("米蕾雅修护精华液30ml G仿 现货", 300, "shop-9"), flag(`"g仿"`)},
		{"digits for letters", listing("Mirelle Repair Serum 30ml r3plica", 300, "shop-9"), flag(`"r3plica"`)},
		{"a grade of copy closed by 仿", listing("米蕾雅修护精华液30ml 高品质仿 全国包邮", 300, "shop-9"), flag(`"质仿"`)},
		{"no different from genuine", withDescription(listing("米蕾雅修护精华液30ml", 300, "shop-9"), "厂家货，和正品没区别。"), flag("正品没区别")},
		{"no difference next to the counter", listing("米蕾雅修护精华液30ml 专柜对比无差", 300, "shop-9"), flag("专柜对比无差")},
		{"Malay", listing("Mirelle Repair Serum 30ml barang tiruan murah", 300, "shop-9"), flag("barang tiruan")},
		{"KW grades", listing("Mirelle Repair Serum 30ml KW super", 300, "shop-9"), flag("kw super")},
		{"a denial in Malay", listing("Mirelle Repair Serum 30ml bukan tiruan", 300, "shop-9"), plain},
		{"仿 opening a word", listing("米蕾雅修护精华液30ml 仿真包装", 300, "shop-9"), plain},
		{"仿 after a negation", listing("米蕾雅修护精华液30ml 正品保证 绝非仿", 300, "shop-9"), plain},
		{"a negated listed word", listing("米蕾雅修护精华液30ml 杜绝仿品", 300, "shop-9"), plain},
		{"cannot be copied", withDescription(listing("米蕾雅修护精华液30ml", 300, "shop-9"), "防伪标无法模仿，无法仿。"), plain},
		{"digits in a size", listing("Mirelle Repair Serum 30ml 3x", 300, "shop-9"), plain},
		{"a unit before a character", listing("米蕾雅修护精华液30ml 单瓶 100g单支装 赠品", 300, "shop-9"), plain},
		{"a rare reading makes no form", listing("米蕾雅修护精华液30ml VIP品质 SPF品牌", 300, "shop-9"), plain},
		{"OEM as a service", withDescription(listing("米蕾雅修护精华液30ml OEM", 300, "shop-9"), "工厂支持OEM贴牌代加工"), plain},
		{"OEM as provenance", listing("米蕾雅修护精华液30ml OEM版", 300, "shop-9"), flag(`"oem"`)},
	})
}

// TestPrivateResaleAndServices checks the listings that offer none of the
// brand's goods for a platform to act on: a private resale, an
// authentication or installation service, a warning about fakes.
func TestPrivateResaleAndServices(t *testing.T) {
	df := shadowscan.CategoryDefamation
	runKin(t, []kinCase{
		{"Amazon's used grade", listing("Mirelle Repair Serum 30ml (Used – opened once)", 90, "A1B2C3"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"a private resale"}}},
		{"a spare", listing("Mirelle Repair Serum 30ml (bought two, selling the spare)", 90, "A1B2C3"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"a private resale"}}},
		{"a resale with counterfeit words", listing("Mirelle Repair Serum 30ml (Used – open box) replica", 90, "A1B2C3"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "mirelle", sku: "MR-SER-30"}},
		{"an authentication service", listing("米蕾雅修护精华液30ml正品鉴定服务 专业鉴别 出具报告", 20, "shop-9"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"writes about the product"}}},
		{"a seller's notice is no service", listing("米蕾雅修护精华液30ml 支持正品鉴定 假一赔十", 300, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "mirelle", sku: "MR-SER-30"}},
		{"an installation service", listing("托瓦纳净水滤芯 上门安装服务 同城师傅", 50, "shop-9"), want{
			brand: "tovana", sku: "TV-FILT", reasons: []string{"writes about the product"}}},
		{"a guide to spotting fakes", listing("⚠️警惕米蕾雅假货 教你识别真假 防伪码查询指南", 9, "shop-9"), want{
			brand: "mirelle", reasons: []string{"writes about the product"}}},
		{"a manual with the product is no guide", listing("米蕾雅修护精华液30ml 送使用手册", 300, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "mirelle", sku: "MR-SER-30"}},
		{"a tool for the product", listing("托瓦纳净水滤芯扳手 拆卸工具 加厚", 18, "shop-9"), want{
			brand: "tovana", reasons: []string{"accessory"}}},
		{"droppers that fit", listing("Replacement Glass Droppers, fit Mirelle 30ml Serum Bottles (2 pcs)", 7, "shop-9"), want{
			brand: "mirelle", reasons: []string{"accessory"}}},
		{"a warning about fakes", listing("⚠️警惕米蕾雅假货骗局 教你识别真假", 9, "shop-9"), want{
			brand: "mirelle", reasons: []string{"warns of fakes or impostors"}}},
		{"a warning about impostors", listing("冒充托瓦纳官方的微信号都是骗局 认准官方旗舰店", 9, "shop-9"), want{
			brand: "tovana", reasons: []string{"warns of fakes or impostors"}}},
		{"SCAM ALERT in English", listing("SCAM ALERT: fake Mirelle agents on WhatsApp – how to buy genuine", 9, "shop-9"), want{
			brand: "mirelle", reasons: []string{"warns of fakes or impostors"}}},
		{"calling the brand a scam", listing("米蕾雅骗局 揭秘", 9, "shop-9"), want{
			flagged: true, category: df, brand: "mirelle"}},
		{"a rival says its products are full of mercury", withDescription(listing("Glowa Eye Contour Cream 15g", 60, "shop-9"), "Unlike Mirelle, our formula is safe: Mirelle products are full of mercury."), want{
			flagged: true, category: df, brand: "mirelle", reasons: []string{"full of mercury"}}},
		{"a rival says it put people in hospital", withDescription(listing("本草精华液 敏感肌 必看", 60, "shop-9"), "听说有人用米蕾雅的精华用到住院，换我们的。"), want{
			flagged: true, category: df, brand: "mirelle", reasons: []string{"用到住院"}}},
	})
}

// TestComparisonsSamplesAndPrivateSellers checks the rules tuned on
// world9: a dupe word followed by another maker's product, and "better
// than <brand>", sell something else; a trial pack is not the catalogue
// size; a seller the page types a Person sells a private unit; an exposé
// is defamation.
func TestComparisonsSamplesAndPrivateSellers(t *testing.T) {
	private := func(l *shadowscan.Listing) *shadowscan.Listing { l.PrivateSeller = true; return l }
	runKin(t, []kinCase{
		{"a dupe naming the other maker's product", listing("Mirelle Repair Serum Dupe – Glowa Repair Serum, same actives", 90, "shop-9"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"not a catalogue product"}}},
		{"a dupe naming nothing after it stays a copy", listing("Mirelle Repair Serum 30ml dupe", 90, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "mirelle", sku: "MR-SER-30"}},
		{"dupe-grade copy is no other maker", listing("Mirelle Repair Serum 30ml dupe-grade copy", 90, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "mirelle", sku: "MR-SER-30"}},
		{"better than the brand", listing("Better than Mirelle? Glowa Repair Serum 30ml", 90, "shop-9"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"not a catalogue product"}}},
		{"a trial pack", listing("米蕾雅修护精华液 试用装 3袋", 20, "shop-9"), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"试用装"}}},
		{"a Person seller's unit", private(listing("Mirelle Repair Serum 30ml", 300, "jenny_closet")), want{
			brand: "mirelle", sku: "MR-SER-30", reasons: []string{"private individual"}}},
		{"a Person seller with stock words", private(listing("Mirelle Repair Serum 30ml, wholesale available", 300, "jenny_closet")), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "mirelle", sku: "MR-SER-30"}},
		{"a Person seller's replica", private(listing("Mirelle Repair Serum 30ml replica", 90, "jenny_closet")), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "mirelle", sku: "MR-SER-30"}},
		{"an exposé", listing("别再买米蕾雅了！被央视曝光 换本草精华液", 60, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryDefamation, brand: "mirelle", sku: "MR-SER-30", reasons: []string{"被央视曝光"}}},
	})
}

// TestDescriptionNamesTheProduct checks a title that names the brand with
// a product word of its own, linked by the product its attribute table
// names, and held under 90.
func TestDescriptionNamesTheProduct(t *testing.T) {
	runKin(t, []kinCase{
		{"品名 in the attribute table", withDescription(listing("托瓦纳碳酸钙D3片 一 比 一", 50, "shop-9"), "品牌\n托瓦纳\n品名\n钙维D片 120片"), want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "tovana", sku: "TV-CAL-120", reasons: []string{"the description names", "score held under 90"}}},
		{"two products in the description", withDescription(listing("托瓦纳碳酸钙D3片", 50, "shop-9"), "钙维D片 120片，另有浓缩洗洁精 1L"), want{
			brand: "tovana"}},
		{"a title sharing nothing with it", withDescription(listing("托瓦纳 招商加盟", 50, "shop-9"), "品名：钙维D片 120片"), want{
			brand: "tovana"}},
	})
}

// TestCodeRemovalsAcrossScripts checks code removal as sellers write it
// on Taobao, 1688, Shopee and Lazada.
func TestCodeRemovalsAcrossScripts(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"为保护上家渠道，防伪标签已揭掉，请知悉。", "防伪标签已揭"},
		{"激光码已打磨，介意勿拍", "激光码已打磨"},
		{"喷码已用工具去除，保证正品，放心使用。", "喷码已用工具去"},
		{"批号用酒精擦掉了", "批号用酒精擦"},
		{"Kod batch dipotong (parallel import).", "kod batch dipotong"},
		{"Sleep Gummies 30s (No QR Code)", "no qr code"},
		{"Scan the QR code to verify; no QR code needed for returns", ""},
		{"真相揭秘：防伪码查询方法", ""},
	} {
		x := &text{field: "description", t: compact(tt.text)}
		got := ""
		if hs := codeRemovals(x); len(hs) > 0 {
			got = hs[0].word
		}
		if got != tt.want {
			t.Errorf("codeRemovals(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestMarketplaceTextForms checks text as marketplaces serve it: emoji
// with variation selectors in live-stream titles, English compounds
// written in two words, and prices in Southeast Asian currencies.
func TestMarketplaceTextForms(t *testing.T) {
	l := listing("⚡️⚡️老王直播间🛒托瓦纳浓缩洗洁精1L🔥授权正品", 40, "shop-31")
	sgd := listing("Tovana Hand Soap 500ml", 3, "shop-9")
	sgd.Currency = "MYR"
	runKin(t, []kinCase{
		{"emoji in a live-stream title", l, want{
			flagged: true, category: shadowscan.CategoryPriceDumping, brand: "tovana", sku: "TV-DISH-1L", absent: []string{"title opens with"}}},
		{"a compound in two words", listing("Tovana Herbal Tooth Paste 180g", 45, "shop-9"), want{
			flagged: true, category: shadowscan.CategoryUnauthorizedSeller, brand: "tovana", sku: "TV-PASTE"}},
		{"ringgit against a list price in Singapore dollars", sgd, want{
			flagged: true, category: shadowscan.CategoryCounterfeit, brand: "tovana", sku: "TV-SOAP-SG", reasons: []string{"SGD per MYR"}}},
	})
	if got := Normalize("⚡️1️⃣ 米蕾雅"); got != "1 米蕾雅" {
		t.Errorf("Normalize kept a stray mark: %q", got)
	}
}
