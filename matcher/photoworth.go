package matcher

import "github.com/shadowscan/shadowscan"

// NamesBrand reports whether l's title or description names a catalogue
// brand (its name or an alias, in any script), as Match reads them: the
// same scanning and the same look-alike exclusions ("翠叶轩" built on a
// brand's name names no brand), so the two cannot drift apart.
//
// A scan uses it to decide which listings' photos to fetch and hash: a
// listing that names no brand is linked by photo only when its photo is
// close to an official one, and that is rare enough on a marketplace (the
// labelled worlds of make eval measure it) that hashing every photo of
// every listing found by the brand's queries costs more than it finds.
// It is safe for concurrent use.
func (m *Matcher) NamesBrand(l *shadowscan.Listing) bool {
	if l == nil {
		return false
	}
	a := &analysis{product: -1, brand: -1, sellerName: compact(truncate(l.SellerName, maxTitleBytes))}
	raw := map[string]string{"title": truncate(l.Title, maxTitleBytes), "description": truncate(l.Description, maxDescBytes)}
	a.title = m.scanText("title", raw["title"])
	a.desc = m.scanText("description", raw["description"])
	a.lookAlikes = m.suffixLookAlikes(raw, &a.title, &a.desc)
	m.classify(a, &a.title)
	m.classify(a, &a.desc)
	return len(a.brandHits) > 0
}
