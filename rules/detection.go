package rules

// Detection holds the words, weights, ratios, distances and threshold the
// matcher scores with (SPEC "Detection"). Embedded defaults live in
// defaults/detection.yaml; a detection file under --rules overrides the
// fields it sets.
type Detection struct {
	// Threshold is the score at or above which a listing is flagged.
	Threshold int `yaml:"threshold" json:"threshold"`
	// Weights are the points each signal adds.
	Weights Weights `yaml:"weights" json:"weights"`
	// Price holds the price ratios.
	Price PriceRules `yaml:"price" json:"price"`
	// Image holds the perceptual-hash distances.
	Image ImageRules `yaml:"image" json:"image"`
	// Words are the phrase lists, in any script.
	Words Words `yaml:"words" json:"words"`
	// Text holds the product-linking knobs.
	Text TextRules `yaml:"text" json:"text"`
	// Rates converts currencies for price comparison: the value of one
	// unit of each currency in a common unit (e.g. CNY: 1, USD: 7.1).
	// Without both currencies here, prices in different currencies are not
	// compared.
	Rates map[string]float64 `yaml:"rates" json:"rates,omitempty"`
	// Networks holds how sellers are linked into networks.
	Networks NetworkRules `yaml:"networks" json:"networks"`
	// File is where the rule came from, for messages.
	File string `yaml:"-" json:"file,omitempty"`
}

// Weights are points added to a listing's score by each signal.
type Weights struct {
	// ProductMatch: the listing text names a catalogue product.
	ProductMatch int `yaml:"product_match" json:"product_match"`
	// BrandMention: the listing names the brand (and no product).
	BrandMention int `yaml:"brand_mention" json:"brand_mention"`
	// ImageMatch: a listing photo is an official photo.
	ImageMatch int `yaml:"image_match" json:"image_match"`
	// PriceFarBelow: the price is under Price.CounterfeitRatio of list.
	PriceFarBelow int `yaml:"price_far_below" json:"price_far_below"`
	// PriceBelowFloor: an authorised seller prices under min_price.
	PriceBelowFloor int `yaml:"price_below_floor" json:"price_below_floor"`
	// UnknownSeller: the seller is neither official nor authorised.
	UnknownSeller int `yaml:"unknown_seller" json:"unknown_seller"`
	// RedFlagWord: a counterfeit word (原单, 高仿, replica ...).
	RedFlagWord int `yaml:"red_flag_word" json:"red_flag_word"`
	// CodeTampered: a code-removal word (刮码, 撕码 ...).
	CodeTampered int `yaml:"code_tampered" json:"code_tampered"`
	// Defamation: a defamation phrase about the brand.
	Defamation int `yaml:"defamation" json:"defamation"`
	// RepeatOffender: the seller has confirmed hits.
	RepeatOffender int `yaml:"repeat_offender" json:"repeat_offender"`
	// MarketOutlier: the price is far under what scans have seen.
	MarketOutlier int `yaml:"market_outlier" json:"market_outlier"`
	// Network: the seller is in a seller network with a shop that has
	// confirmed hits.
	Network int `yaml:"network" json:"network"`
	// Relist: the listing is a reported or removed listing back under a
	// new listing id, shop or site.
	Relist int `yaml:"relist" json:"relist"`
}

// PriceRules are the price ratios.
type PriceRules struct {
	// CounterfeitRatio: a price under this fraction of list is "far under
	// list", a counterfeit signal (e.g. 0.5).
	CounterfeitRatio float64 `yaml:"counterfeit_ratio" json:"counterfeit_ratio"`
	// PlausibleRatio: at or above this fraction of list a price is
	// plausible for genuine goods (e.g. 0.7).
	PlausibleRatio float64 `yaml:"plausible_ratio" json:"plausible_ratio"`
	// PlaceholderRatio: a price under this fraction of list is a
	// placeholder, not an offer price (¥0.01 or ¥1 on a deposit, "ask the
	// seller", top-up or buy-back listing), and is not compared (e.g.
	// 0.02); 0 compares every price. It is under CounterfeitRatio.
	PlaceholderRatio float64 `yaml:"placeholder_ratio" json:"placeholder_ratio"`
	// RateTolerance: the share by which a price converted from another
	// currency through Rates may be off the rate the seller priced at
	// (e.g. 0.03). Rates are configuration, not the day's rate: a converted
	// price counts as under a ratio or the floor only when it stays under
	// it raised by this share. 0 compares converted prices as they stand.
	RateTolerance float64 `yaml:"rate_tolerance" json:"rate_tolerance,omitempty"`
	// MarketMADs: how many median absolute deviations under the market
	// median make a market outlier.
	MarketMADs float64 `yaml:"market_mads" json:"market_mads"`
	// MinMarketSamples: observations needed before market statistics count.
	MinMarketSamples int `yaml:"min_market_samples" json:"min_market_samples"`
}

// ImageRules are the perceptual-hash distances (Hamming, out of 64 bits
// for pHash and dHash, of 256 for PDQ) within which a listing photo is an
// official photo (or one of its turned, mirrored or cropped variants).
// A photo matches by pHash and dHash together, or by PDQ alone when both
// photos' PDQ quality is at least MinPDQQuality.
type ImageRules struct {
	MaxPHashDistance int `yaml:"max_phash_distance" json:"max_phash_distance"`
	MaxDHashDistance int `yaml:"max_dhash_distance" json:"max_dhash_distance"`
	MaxPDQDistance   int `yaml:"max_pdq_distance" json:"max_pdq_distance"`
	MinPDQQuality    int `yaml:"min_pdq_quality" json:"min_pdq_quality"`
}

// Words are phrase lists matched after normalisation (NFKC, width, case).
type Words struct {
	RedFlag      []string `yaml:"red_flag" json:"red_flag"`
	CodeTampered []string `yaml:"code_tampered" json:"code_tampered"`
	Defamation   []string `yaml:"defamation" json:"defamation"`
	// Accessory words mark a listing that only mentions a product
	// ("shaker bottle for ...", "收纳盒").
	Accessory []string `yaml:"accessory" json:"accessory"`
	// Marketing words are ignored when linking products (正品, 包邮 ...).
	Marketing []string `yaml:"marketing" json:"marketing"`
	// AccessoryBefore are connecting words (for, 适用, 适配) that mark an
	// accessory only when they come before the brand or product name, so
	// that "shaker for Aurora protein" is an accessory and "protein powder
	// for women" is not. A word listed here and in Accessory counts only
	// before the name.
	AccessoryBefore []string `yaml:"accessory_before" json:"accessory_before,omitempty"`
	// SecondHand words mark a private resale of a used or opened unit
	// (闲置, 二手, pre-owned). Such a listing is not flagged on its price
	// or its seller alone: only counterfeit or code-removal words (or
	// defamation) flag it, as a complaint on price would be rejected.
	SecondHand []string `yaml:"second_hand" json:"second_hand,omitempty"`
	// NotOffer words in a title mark text about a product rather than an
	// offer of it: reviews, comparisons, anti-fake guides (测评, 如何辨别,
	// review, how to spot). Such a listing offers no product; defamation
	// still applies.
	NotOffer []string `yaml:"not_offer" json:"not_offer,omitempty"`
	// Alternative words in a title mark another brand's product compared
	// with a catalogue product by name (平替, alternative to, cheaper
	// than): the title is not linked to the catalogue product.
	Alternative []string `yaml:"alternative" json:"alternative,omitempty"`
	// Dupe words in a title call the goods a copy of a named product
	// (dupe): with another brand's name opening the title they name that
	// brand's product as an alternative; otherwise they count as red-flag
	// words.
	Dupe []string `yaml:"dupe" json:"dupe,omitempty"`
}

// TextRules tune how listing text is linked to a catalogue product.
type TextRules struct {
	// MinCoverage is the share (0-1, weighted by how rare each word is
	// among the brand's products) of a product name's words that a title
	// must contain for the product to be a candidate. Zero means 0.6.
	MinCoverage float64 `yaml:"min_coverage" json:"min_coverage,omitempty"`
}

// NetworkRules say when two shops are linked and when links make a seller
// network: each piece of evidence two shops share adds its strength, and
// shops whose shared strength reaches MinStrength are in one network.
type NetworkRules struct {
	// MinStrength is the total strength two shops must share to be joined.
	MinStrength int `yaml:"min_strength" json:"min_strength"`
	// Strength is what each kind of evidence adds: each distinct shared
	// handle or photo counts once; a near-identical shop name and the same
	// product set at the same prices count once per pair of shops.
	Strength LinkStrengths `yaml:"strength" json:"strength"`
	// MaxPDQDistance is the PDQ distance (out of 256) within which two
	// listing photos are the same photo; at most 15, as the photo index
	// finds pairs through 16 exact 16-bit bands.
	MaxPDQDistance int `yaml:"max_pdq_distance" json:"max_pdq_distance"`
	// MaxPHashDistance is the pHash distance (out of 64) within which two
	// photos whose PDQ quality is low are the same photo; at most 3.
	MaxPHashDistance int `yaml:"max_phash_distance" json:"max_phash_distance"`
	// MaxShops: a handle, photo or priced product shared by more shops
	// than this is common property (a platform hotline, a supplier's stock
	// photo, a list price) and links nobody.
	MaxShops int `yaml:"max_shops" json:"max_shops"`
	// MaxPhotoShops: a photo shown by more shops than this circulates
	// among resellers (a supplier's or another shop's picture of the
	// product, copied around) and links nobody. At most MaxShops.
	MaxPhotoShops int `yaml:"max_photo_shops" json:"max_photo_shops"`
	// ShopNameSimilarity is the share (0-1) of a shop name's letters, after
	// the generic words (旗舰店, shop, store ...) are taken off, that two
	// names must have in common to be near-identical.
	ShopNameSimilarity float64 `yaml:"shop_name_similarity" json:"shop_name_similarity"`
	// MinShopNameRunes: names shorter than this after normalisation are
	// too generic to compare.
	MinShopNameRunes int `yaml:"min_shop_name_runes" json:"min_shop_name_runes"`
	// MinSharedProducts is how many catalogue products two shops must
	// offer at the same price (neither list nor floor price) for the same
	// product set.
	MinSharedProducts int `yaml:"min_shared_products" json:"min_shared_products"`
	// MinSharedOddProducts is how many catalogue products two shops must
	// offer at the same odd prices (not whole, half or one or ten fen under
	// whole yuan, such as ¥236.60) for the same product set; 0: only
	// MinSharedProducts counts.
	MinSharedOddProducts int `yaml:"min_shared_odd_products" json:"min_shared_odd_products"`
	// ShopNameStemRunes: two shop names that open with the same coined
	// name of at least this many Chinese characters (颜小蜜护肤馆 and
	// 颜小蜜美妆), not a brand's name and not common shop words (健康,
	// 优选, 美妆 ...), are near-identical; 0: only ShopNameSimilarity.
	ShopNameStemRunes int `yaml:"shop_name_stem_runes" json:"shop_name_stem_runes"`
	// RelistTitleSimilarity is the share (0-1) of character pairs two
	// titles must share (Dice coefficient after folding) for a listing to
	// be a relist of a taken-down one, besides a shared photo, handle or
	// shop, when either was matched to no single product. Two listings
	// matched to the same product need no like title (a shared photo or
	// handle then); two matched to different products are never a relist.
	RelistTitleSimilarity float64 `yaml:"relist_title_similarity" json:"relist_title_similarity"`
}

// LinkStrengths are the strengths of the kinds of link.
type LinkStrengths struct {
	Handle int `yaml:"handle" json:"handle"`
	Photo  int `yaml:"photo" json:"photo"`
	// CirculatingPhoto is what a photo shown by more than MaxPhotoShops
	// shops adds for two of them that share another photo besides; it
	// links no one alone.
	CirculatingPhoto int `yaml:"circulating_photo" json:"circulating_photo"`
	ShopName         int `yaml:"shop_name" json:"shop_name"`
	ProductSet       int `yaml:"product_set" json:"product_set"`
}
