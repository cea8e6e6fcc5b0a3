// Package catalog reads catalogue files: a brand's authentic products with
// their aliases, list and floor prices, official photos, and its official
// and authorised shops (SPEC "Catalogue file").
//
// Three formats are read, chosen by extension:
//
//   - .yaml / .yml: one brand per file, `brand:` and `products:` keys;
//   - .json: the same keys as YAML;
//   - .csv: one product a row, several brands allowed, with the columns
//     brand_id, brand_name, brand_aliases, official_sellers,
//     authorized_sellers, defamation_terms, sku, name, aliases, price,
//     min_price, currency, images. Lists are separated by `|`; sellers are
//     written `site:seller_id`. Brand columns repeat on every row of the
//     brand and must agree (a blank cell inherits the earlier value). A
//     file with brand_id (or "brand") and no other brand column lists
//     products of brands that another file of the same import defines.
//
// Every input error is a *shadowscan.FieldError naming the file, the line
// (for CSV, the row's line) and the field, e.g. `products[3].min_price`; all
// of a file's errors are returned together as shadowscan.FieldErrors sorted
// by line, so a file can be fixed in one pass. Unknown keys are errors, with
// a "did you mean" hint for typos.
//
// Types are checked alike in YAML and JSON: price and min_price are
// numbers (`price: "10"` is refused with "write 10 without quotes"); text
// fields are text, so a SKU or shop id that looks like a number is written
// in quotes (`sku: "10023"`); a list field takes a list or a single text
// value; null is the same as leaving the key out. In CSV every cell is
// text and a price cell must read as a decimal number.
//
// Image paths are relative to the catalogue file and must stay inside the
// file system the catalogue is read from; http(s) URLs are fetched with a
// size limit. Each photo is decoded and hashed by package photo, and its
// bytes are returned in File.Photos keyed by SHA-256.
package catalog
