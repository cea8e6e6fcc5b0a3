package matcher

import "github.com/shadowscan/shadowscan"

// PhotosMatter reports whether l's photos can change its verdict: the
// listing names a catalogue brand (its name or an alias, in any script,
// in the title or the description), or a close official photo of some
// product could link it to that product by the matcher's own rule for
// titles without a brand (photoMayLink: no look-alike of the brand named,
// sizes that agree, a product word shared). It reads the listing exactly
// as Match does (read), so the two cannot drift apart: when PhotosMatter is
// false, Match gives the same verdict whatever photos l has.
//
// A scan uses it to decide which listings' photos to fetch and hash:
// decoding and hashing photos is most of a scan's work, and most listings
// a brand's queries find (other brands' goods, accessories, look-alikes)
// carry photos that cannot count. It is safe for concurrent use.
func (m *Matcher) PhotosMatter(l *shadowscan.Listing) bool {
	if l == nil {
		return false
	}
	a, _ := m.read(l)
	if len(a.brandHits) > 0 {
		return true
	}
	if titleBrands := m.indexTitle(a); len(titleBrands) > 0 {
		return true
	}
	for p := range m.products {
		// The closest a photo can be: if even that links nothing, no
		// photo does.
		if m.photoMayLink(a, imageHit{product: p}, nil) {
			return true
		}
	}
	return false
}
