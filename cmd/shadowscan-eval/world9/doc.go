// Package world9 is a held-out, labelled test world for shadowscan: a
// Taobao-style Chinese marketplace (jinmao) and an English marketplace whose
// listing pages carry their data only as schema.org JSON-LD (bazaarly), the
// catalogue of three invented direct-sales brands, and the truth about every
// listing page. README.md holds the label policy.
//
// Everything is generated deterministically at first use from fixed seeds.
package world9
