// Package world11 is a held-out evaluation world for shadowscan, written
// from SPEC.md alone: a Taobao/Tmall-style mobile marketplace (taoxi-m), an
// English multi-vendor marketplace whose listing pages carry only schema.org
// JSON-LD (tradeloft), a catalogue of three invented direct-sales brands, and
// a label for every listing page following the policy in README.md.
//
// Everything is generated from fixed seeds at first use; photos are drawn
// with image/draw and encoded on request.
package world11
