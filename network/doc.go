// Package network links shops into seller networks by evidence an analyst
// can check: the same contact handle (WeChat, QQ, phone, Telegram, e-mail,
// external shop link) in their listings, the same non-official listing
// photo, near-identical shop names, and the same catalogue products at the
// same prices. Each link keeps its kind and its evidence; each piece adds
// the strength the detection rules give its kind, and two shops whose
// shared strength reaches networks.min_strength are in one network (a
// connected group of such pairs).
//
// Precision comes first. Official shops are never in a network. Official
// photos (the catalogue's, with their variants, and every photo an official
// or authorised shop shows) never link anyone. Evidence shared by more
// shops than networks.max_shops (a platform hotline, a supplier's stock
// photo) links nobody. A shop name is compared only after its generic words
// (旗舰店, shop, store ...) are taken off, and one near-identical name is
// too weak to join two shops by the default rules.
//
// The package does no I/O: a Builder takes listings one at a time (the
// caller walks the store) and Build returns the networks. It is pure, like
// the matcher, so the scan, the CLI and the web UI meet on it through cmd.
package network
