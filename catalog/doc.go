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
//     brand and must agree (a blank cell inherits the earlier value).
//
// Every input error is a *shadowscan.FieldError naming the file, the line
// (for CSV, the row's line) and the field, e.g. `products[3].min_price`; all
// of a file's errors are returned together as shadowscan.FieldErrors sorted
// by line, so a file can be fixed in one pass. Unknown keys are errors, with
// a "did you mean" hint for typos.
//
// Image paths are relative to the catalogue file and must stay inside the
// file system the catalogue is read from; http(s) URLs are fetched with a
// size limit. Each photo is decoded and hashed by package photo, and its
// bytes are returned in File.Photos keyed by SHA-256.
package catalog
