// Package shadowscan holds the domain of the shadowscan counterfeit-listing
// scanner: brands and their authentic catalogues, marketplace listings, the
// hits a matcher raises on them, and the review workflow those hits go
// through.
//
// The package imports only the standard library and does no I/O. The
// adapters live in subpackages that import this one and never each other:
// catalog (catalogue files), crawler (colly), matcher (scoring), store
// (bbolt), evidence (bundles), web (UI and API), demo (the demo world).
// They may share the leaves rules (YAML rule files), photo (image decoding
// and perceptual hashes) and schedule (cron), which import only this
// package. The use cases are application packages that wire adapters
// together: scan (crawl, match, record, revisit, resume) and export
// (evidence bundles of selected hits); only programs import them.
// cmd/shadowscan is the command line and the wiring. tools/layercheck,
// run by make lint, enforces the direction.
package shadowscan
