// Package matcher decides, for each marketplace listing, which catalogue
// product it offers (if any), how suspicious it is, its category and why
// (SPEC "Detection"). It does no I/O: the catalogue, the detection rules and
// the listing (with its photo hashes already computed) come in, a
// shadowscan.Verdict goes out.
//
// Text. Titles are normalised (NFKC, full-width to half-width, lower case,
// punctuation to spaces) and cut into Latin/digit words and CJK character
// bigrams, so Chinese written without spaces matches as well as spaced
// Latin text. Brands are found by exact names and aliases only, never
// fuzzily: "Aurara" is not "Aurora"; and a Chinese name built from the
// brand's and a shop-name suffix, standing apart ("翠叶轩 菊花茶"), is
// another name (lookalike.go). Products are linked through a
// per-brand inverted index scored by IDF-weighted coverage of each product
// name, with sizes and counts (500g, 0.5kg, 60粒, 60 capsules) parsed out
// and required to agree when both sides state them. Marketing words are
// ignored, and longer Latin product words tolerate one typo. A product is
// linked only with brand evidence: the brand named in the title, or an
// official photo. Near twins (same sizes, names differing in a line word)
// are judged as a set when the title leaves the line out (twins.go), and
// so are the brand's products of the stated size whose Chinese names end
// like the noun after the brand ("<brand>养生花草茶 20袋" for two 20-bag
// teas: 茶). A
// title whose Latin lead names another brand offers that brand's product
// (lead.go).
//
// Images. Official photos and their variants (turned, mirrored, cropped,
// trimmed as on a canvas: see photo.HashOfficial) are indexed by pHash,
// and by 256-bit PDQ, in multi-index hashing tables, so the nearest photo
// is found without scanning all of them (a PDQ lookup among a million
// hashes takes about 0.2 ms: BenchmarkPDQLookup). A listing photo matches
// by pHash with dHash confirming it, or by PDQ alone within
// image.max_pdq_distance when both photos' PDQ quality is trusted; the
// reason names the variant and the hash. pHash with the variants is the
// primary signal: at distances that keep photos of different sources
// apart it finds more re-uploads than PDQ (the photo table of make eval).
// A photo links a title that names no brand only when the title opens
// with the product's words or the photo is within half the distances:
// another brand's own pack of the same shape matches at the edge. The
// title's words then pick among the brand's photos about as close (near
// twins share a pack), and a title covering the product's name is linked
// by text too, the photo giving the brand.
//
// Words. Counterfeit, code-removal and defamation phrases from the rules
// count unless a negation comes just before them ("非传销", "不是高仿",
// "not a replica", "we never sell replicas"), or before the list they
// head ("绝非高仿A货"). A defamation phrase counts only when the listing
// asserts it: not when it is said to be untrue right after ("网传…不实"),
// asked and answered no ("…是传销吗？…直销不等于传销", "Is X toxic? No"), or
// in a listing that refutes a rumour (辟谣); a comparison ("not toxic like
// X") asserts it of X (rebuttal.go). Code removal is also read from a code noun and a
// removal verb near each other (codes.go), and words spaced out letter by
// letter are joined. A title with an accessory word ("shaker", "量勺",
// "空盒"; connecting words such as "for" only before the name) is an
// accessory of the product, not the product, unless the word is part of
// the product's own name or follows a gift marker ("送摇摇杯").
//
// Price. Prices are compared with the list price and the authorised floor
// in the product's currency (other currencies only through the detection
// rates), per unit of a multi-pack, at a lower net price the description
// advertises (netprice.go), and with market statistics gathered by scans
// (Market). A placeholder price (under price.placeholder_ratio of list)
// is not compared.
//
// Verdict. Each reason carries the points it adds; the score is their sum,
// clamped to 0-100. A listing is flagged when the score reaches the
// threshold and a category applies, by precedence: defamation (an unknown
// seller's text attacks a named brand), code_tampered, counterfeit (an
// unknown seller with a price under counterfeit_ratio of list or a
// red-flag word), price_dumping (an authorised seller under min_price),
// unauthorized_seller. An official photo with a price under
// plausible_ratio is noted for the analyst but is no counterfeit claim:
// resellers of genuine goods show the brand's photos too.
// Official shops are never flagged; authorised sellers only for
// code_tampered and price_dumping.
//
// A Matcher is immutable after New and safe for concurrent use.
package matcher
