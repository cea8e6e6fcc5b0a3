// Package rules reads the YAML rule files shadowscan runs on: site rules,
// which tell the crawler how to search a marketplace and extract a listing,
// detection rules, which give the matcher its words, weights, ratios,
// distances and flag threshold, and review rules, the pick list of
// dismiss reasons an analyst chooses from. Defaults are embedded; a
// --rules directory adds to or replaces them.
//
// # Files
//
// The embedded defaults live in defaults/: detection.yaml, review.yaml and one file a
// site under defaults/sites/ (demo-market, the loopback demo marketplace,
// and two example rules for real-world-shaped shops on .invalid hosts).
// Load reads them, then every *.yaml and *.yml in the --rules directory: a
// file named detection.yaml, or with `kind: detection` at its top level,
// overlays the detection rules; one named review.yaml, or with `kind:
// review`, overlays the review rules (a list it sets replaces the whole
// list); any other file is a site rule that adds a
// site or replaces the embedded one of the same name.
//
// # Where a site may be fetched from
//
// The crawler fetches a site's pages only from its own origins: the
// scheme, host and port of base_url (the same host with or without
// "www.", and https on port 443 when base_url is http on port 80).
// Listing photos may also come from the hosts named by photo_hosts, a
// list of "host" (ports 80 and 443), "host:port" or "*.domain" entries
// for CDNs, checked by NormalizePhotoHost. Loopback, private, link-local
// and cloud metadata addresses are refused unless base_url's host itself
// is on that address.
//
// # Errors
//
// Rule files are written by hand, so every problem is reported at once and
// in place: ParseSite, ParseDetection and Load return
// shadowscan.FieldErrors, each naming the file, line, dotted field (for
// example search.listing_links or rates.USD), what is wrong and what would
// be accepted. Unknown keys are errors, with a "did you mean" for typos, so
// a misspelt key never silently falls back to a default.
//
// # Limits
//
// A rule file may hold at most MaxFileBytes and one YAML document; aliases
// are followed within a node budget; a selector is at most MaxSelectorLen
// bytes. Selectors are checked with cascadia (what goquery matches with)
// and regular expressions are RE2, so a rule cannot make extraction
// backtrack exponentially on a hostile page.
package rules
