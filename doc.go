// Package shadowscan holds the domain of the shadowscan counterfeit-listing
// scanner: brands and their authentic catalogues, marketplace listings, the
// hits a matcher raises on them, and the review workflow those hits go
// through.
//
// The package imports only the standard library and does no I/O. The
// adapters live in subpackages that import this one and never each other:
// rules (YAML rule files), catalog (catalogue files), photo (image decoding
// and perceptual hashes), crawler (colly), matcher (scoring), store (bbolt).
// cmd/shadowscan wires them together.
package shadowscan
