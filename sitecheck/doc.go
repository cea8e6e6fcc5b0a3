// Package sitecheck is the `sites check` use case: run a site's rules
// over saved pages (listing pages, or search result pages with
// Options.Search) and report, per field, on how many pages it was found
// and which source served it (the rule's selector or path, JSON-LD,
// microdata, OpenGraph, the URL, a hash of the URL), and whether the
// listing ids are unique across the pages.
//
// Id uniqueness is the point: a listing's key is its site and id, and a
// rule whose id is really a title slug or a maker's sku makes listings
// overwrite each other in the store. Check reports every id that two
// pages with different URLs share, with the pages.
//
// It is an application package: it wires rules and the crawler's
// extraction (no fetching) together for cmd/shadowscan, and reads the
// saved pages from disk with Load.
package sitecheck
