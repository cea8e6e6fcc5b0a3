// Package world10 is a held-out test world for shadowscan: two invented
// marketplaces (a Japanese flea market mixing shops and individuals, and a
// European classifieds site in French, German and Spanish), a catalogue of
// four direct-sales brands, and the analyst's label for every listing page.
//
// Everything is generated from fixed seeds at first use; photos are drawn
// with image/draw and encoded on request. The label policy is in README.md.
package world10
