package matcher

import (
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Official photo hashes of the test catalogue.
const (
	photoProt500P = 0x9f3c_5a71_e2d4_8b06
	photoProt500D = 0x1e2d_3c4b_5a69_7887
	photoProt1kP  = 0x4bd2_e913_07af_c65e
	photoProt1kD  = 0x7c1f_a0b3_92e4_d615
	photoVitCP    = 0x2a61_f0c9_b35e_7d84
	photoVitCD    = 0x5531_9acc_e07b_12f6
	photoSharedP  = 0xd00d_feed_1234_5678 // used by two products
	photoSharedD  = 0x0bad_cafe_8765_4321
)

// testDetection returns the default detection rules (rules/defaults/
// detection.yaml) with AccessoryBefore set.
func testDetection() *rules.Detection {
	return &rules.Detection{
		Threshold: 60,
		Weights: rules.Weights{
			ProductMatch: 30, BrandMention: 10, ImageMatch: 25, PriceFarBelow: 30, PriceBelowFloor: 45,
			UnknownSeller: 30, RedFlagWord: 30, CodeTampered: 45, Defamation: 70, RepeatOffender: 10, MarketOutlier: 10,
		},
		Price: rules.PriceRules{CounterfeitRatio: 0.5, PlausibleRatio: 0.7, MarketMADs: 3, MinMarketSamples: 5},
		Image: rules.ImageRules{MaxPHashDistance: 10, MaxDHashDistance: 12},
		Words: rules.Words{
			RedFlag:         []string{"原单", "高仿", "仿品", "复刻", "A货", "工厂直供", "尾单", "厂家直销", "1:1", "replica", "fake", "knockoff", "factory direct", "oem"},
			CodeTampered:    []string{"刮码", "撕码", "剪码", "无码", "去码", "code removed", "scratched code"},
			Defamation:      []string{"传销骗局", "传销", "骗局", "智商税", "有毒", "致癌", "scam", "pyramid scheme", "toxic", "fraud"},
			Accessory:       []string{"for", "适用", "适配", "配件", "摇摇杯", "量勺", "收纳", "空瓶", "空盒", "shaker", "bottle", "scoop", "case", "holder", "box only"},
			AccessoryBefore: []string{"for", "适用", "适配"},
			Marketing:       []string{"正品", "官方", "旗舰", "包邮", "现货", "特价", "genuine", "authentic", "original", "official", "free shipping"},
		},
		Rates: map[string]float64{"CNY": 1, "USD": 7.1, "EUR": 7.7},
	}
}

// testCatalog returns two brands: Aurora (the one most tests are about)
// and Borealis (a second brand for cross-brand cases).
func testCatalog() *shadowscan.Catalog {
	cny := func(f float64) shadowscan.Amount { return shadowscan.AmountFromFloat(f) }
	return &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{
			ID: "aurora", Name: "Aurora Wellness", Aliases: []string{"奥罗拉", "AURORA"},
			OfficialSellers:   []shadowscan.SellerRef{{Site: "demo-market", SellerID: "aurora-official"}},
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-1187"}},
			DefamationTerms:   []string{"奥罗拉割韭菜"},
		}, {
			ID: "borealis", Name: "Borealis Health", Aliases: []string{"北极光"},
		}},
		Products: []shadowscan.Product{{
			SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g",
			Aliases: []string{"奥罗拉植物蛋白粉", "蛋白粉 500克"}, Price: cny(298), MinPrice: cny(268), Currency: "CNY",
			Images: []shadowscan.ImageRef{{Source: "aur-prot-500.jpg", PHash: photoProt500P, DHash: photoProt500D}},
		}, {
			SKU: "AUR-PROT-1KG", BrandID: "aurora", Name: "Aurora Plant Protein Powder 1kg",
			Aliases: []string{"奥罗拉植物蛋白粉 1公斤"}, Price: cny(528), MinPrice: cny(480), Currency: "CNY",
			Images: []shadowscan.ImageRef{{Source: "aur-prot-1kg.jpg", PHash: photoProt1kP, DHash: photoProt1kD}},
		}, {
			SKU: "AUR-VITC-60", BrandID: "aurora", Name: "Aurora Vitamin C 60 Tablets",
			Aliases: []string{"奥罗拉维生素C片 60片"}, Price: cny(128), MinPrice: cny(110), Currency: "CNY",
			Images: []shadowscan.ImageRef{{Source: "aur-vitc.jpg", PHash: photoVitCP, DHash: photoVitCD}},
		}, {
			SKU: "AUR-CREAM-50", BrandID: "aurora", Name: "Aurora Hydrating Face Cream 50ml",
			Aliases: []string{"奥罗拉保湿面霜"}, Price: cny(368), MinPrice: cny(330), Currency: "CNY",
			Images: []shadowscan.ImageRef{{Source: "cream.jpg", PHash: photoSharedP, DHash: photoSharedD}},
		}, {
			SKU: "AUR-CREAM-SET", BrandID: "aurora", Name: "Aurora Hydrating Face Cream Gift Set",
			Aliases: []string{"奥罗拉保湿面霜礼盒"}, Price: cny(598), MinPrice: cny(540), Currency: "CNY",
			Images: []shadowscan.ImageRef{{Source: "cream-set.jpg", PHash: photoSharedP, DHash: photoSharedD}},
		}, {
			SKU: "BOR-FISH-100", BrandID: "borealis", Name: "Borealis Deep Sea Fish Oil 100 softgels",
			Aliases: []string{"北极光深海鱼油 100粒"}, Price: cny(199), MinPrice: cny(179), Currency: "CNY",
		}},
	}
}

// MustMatcher builds a Matcher over the test catalogue or fails the test.
func MustMatcher(tb testing.TB, opts ...Option) *Matcher {
	tb.Helper()
	return MustMatcherWith(tb, testDetection(), opts...)
}

// MustMatcherWith builds a Matcher over the test catalogue with det or
// fails the test.
func MustMatcherWith(tb testing.TB, det *rules.Detection, opts ...Option) *Matcher {
	tb.Helper()
	m, err := New(testCatalog(), det, opts...)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return m
}

// flip returns h with its n lowest bits inverted.
func flip(h uint64, n int) uint64 { return h ^ (1<<uint(n) - 1) }

// photo returns a hashed listing photo.
func photo(p, d uint64) shadowscan.ListingImage {
	return shadowscan.ListingImage{URL: "http://127.0.0.1/p.jpg", PHash: p, DHash: d, Hashed: true}
}

// listing returns a demo-market listing priced in CNY.
func listing(title string, price float64, seller string, images ...shadowscan.ListingImage) *shadowscan.Listing {
	return &shadowscan.Listing{
		Site: "demo-market", ID: "x1", Title: title, Price: shadowscan.AmountFromFloat(price),
		HasPrice: price > 0, Currency: "CNY", SellerID: seller, Images: images,
	}
}
