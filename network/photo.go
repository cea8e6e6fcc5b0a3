package network

import (
	"fmt"
	"slices"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// photoNode is one distinct listing photo (by hash) and who shows it.
type photoNode struct {
	pdq     shadowscan.PDQ
	quality bool // PDQ is good enough to compare on its own
	phash   uint64
	dhash   uint64
	sha     string
	key     string              // the key the photo index holds it by (photoKey)
	uses    map[string][]string // shop key -> listing keys
	urls    map[string]string   // shop key -> a photo URL it showed
	byOwner bool                // an official or authorised shop shows it
}

// photoIndex holds the distinct listing photos. Two photos of one cluster
// are within the network rules' distances: PDQ for photos of good quality,
// pHash for the rest.
type photoIndex struct {
	nodes []*photoNode
	byKey map[string]int
}

func newPhotoIndex() *photoIndex { return &photoIndex{byKey: map[string]int{}} }

// newPhotoNode is im as the photo index compares it, or nil when it was
// not hashed. Its PDQ is compared when its quality reaches minQuality, its
// pHash and dHash otherwise.
func newPhotoNode(im shadowscan.ListingImage, minQuality int) *photoNode {
	if !im.Hashed || (im.PDQ.IsZero() && im.PHash == 0) {
		return nil
	}
	return &photoNode{pdq: im.PDQ, quality: !im.PDQ.IsZero() && im.PDQQuality >= minQuality, phash: im.PHash, dhash: im.DHash, sha: im.SHA256,
		key: photoKey(im, minQuality)}
}

// photoKey is the key the photo index holds im by: its PDQ when its
// quality reaches minQuality, its pHash and dHash otherwise; "" when it
// was not hashed.
func photoKey(im shadowscan.ListingImage, minQuality int) string {
	switch {
	case !im.Hashed || (im.PDQ.IsZero() && im.PHash == 0):
		return ""
	case !im.PDQ.IsZero() && im.PDQQuality >= minQuality:
		return "q" + im.PDQ.String()
	}
	return fmt.Sprintf("p%x/%x", im.PHash, im.DHash)
}

// add records that shop s showed im on listing lk.
func (x *photoIndex) add(s *shop, lk string, im shadowscan.ListingImage, minQuality int) {
	n := newPhotoNode(im, minQuality)
	if n == nil {
		return
	}
	if i, ok := x.byKey[n.key]; ok {
		n = x.nodes[i]
	} else {
		x.byKey[n.key] = len(x.nodes)
		n.uses, n.urls = map[string][]string{}, map[string]string{}
		x.nodes = append(x.nodes, n)
	}
	n.uses[s.key] = appendOnce(n.uses[s.key], lk)
	if _, ok := n.urls[s.key]; !ok {
		n.urls[s.key] = im.URL
	}
	if s.role != shadowscan.RoleUnknown {
		n.byOwner = true
	}
}

// clusters groups the photos within the distances, through bands: two
// PDQ hashes within 15 bits agree exactly on one of 16 16-bit bands, two
// pHashes within 3 bits on one of 4 (pigeonhole), so only photos sharing
// a band are compared.
func (x *photoIndex) clusters(maxPDQ, maxPHash int) [][]int {
	parent := make([]int, len(x.nodes))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	bands := map[[2]uint64][]int{}
	for i, n := range x.nodes {
		if n.quality {
			for b := range 16 {
				band := [2]uint64{uint64(b), n.pdq[b/4] >> (16 * (b % 4)) & 0xffff}
				bands[band] = append(bands[band], i)
			}
			continue
		}
		for b := range 4 {
			band := [2]uint64{uint64(16 + b), n.phash >> (16 * b) & 0xffff}
			bands[band] = append(bands[band], i)
		}
	}
	for _, idx := range bands {
		for a := range idx {
			for _, c := range idx[a+1:] {
				if find(idx[a]) != find(c) && x.near(idx[a], c, maxPDQ, maxPHash) {
					parent[find(c)] = find(idx[a])
				}
			}
		}
	}
	groups := map[int][]int{}
	for i := range x.nodes {
		groups[find(i)] = append(groups[find(i)], i)
	}
	var out [][]int
	for _, g := range groups {
		if len(g) > 1 || len(x.nodes[g[0]].uses) > 1 {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// near reports whether photos i and j are the same photo.
func (x *photoIndex) near(i, j, maxPDQ, maxPHash int) bool {
	_, ok := compare(x.nodes[i], x.nodes[j], maxPDQ, maxPHash)
	return ok
}

// distance is the hash distance between photos i and j of one cluster, in
// the hash they were compared by (a cluster's photos are all of good
// quality or all not).
func (x *photoIndex) distance(i, j int) int {
	d, _ := compare(x.nodes[i], x.nodes[j], 0, 0)
	return d
}

// compare returns the distance between photos a and b and whether they
// are the same photo: by PDQ within maxPDQ when both are of good quality,
// by pHash within maxPHash (dHash within twice that) when neither is. A
// photo of good quality and one that is not are never the same (-1).
func compare(a, b *photoNode, maxPDQ, maxPHash int) (int, bool) {
	switch {
	case a.quality && b.quality:
		d := a.pdq.Distance(b.pdq)
		return d, d <= maxPDQ
	case !a.quality && !b.quality:
		d := photo.Distance(a.phash, b.phash)
		return d, d <= maxPHash && photo.Distance(a.dhash, b.dhash) <= 2*maxPHash
	}
	return -1, false
}

// official reports whether a photo is, or is near, a catalogue photo or
// one of its variants, by the matcher's image distances.
func (b *Builder) official(n *photoNode) bool { return official(b.cat, b.image, n) }

func official(cat *shadowscan.Catalog, im rules.ImageRules, n *photoNode) bool {
	for i := range cat.Products {
		for _, ref := range cat.Products[i].Images {
			if nearRef(im, n, ref.PDQ, ref.PHash, ref.DHash, ref.PDQQuality) {
				return true
			}
			for _, v := range ref.Variants {
				if nearRef(im, n, v.PDQ, v.PHash, v.DHash, ref.PDQQuality) {
					return true
				}
			}
		}
	}
	return false
}

func nearRef(im rules.ImageRules, n *photoNode, pdq shadowscan.PDQ, ph, dh uint64, quality int) bool {
	if n.quality && !pdq.IsZero() && quality >= im.MinPDQQuality && n.pdq.Distance(pdq) <= im.MaxPDQDistance {
		return true
	}
	return (ph != 0 || dh != 0) && photo.Distance(n.phash, ph) <= im.MaxPHashDistance && photo.Distance(n.dhash, dh) <= im.MaxDHashDistance
}

// linkPhotos links the shops that show the same non-official photo. A
// photo shown by more than MaxPhotoShops shops circulates: it links no
// one on its own, but for two shops that also share a photo that does
// not circulate it is a second photo in common (Strength.CirculatingPhoto),
// as a workshop's pictures spread to a shop that copied one of them.
func (b *Builder) linkPhotos(k *linker) {
	x := b.photos
	var circulating [][]int
	for _, g := range x.clusters(b.rules.MaxPDQDistance, b.rules.MaxPHashDistance) {
		uses, where, ok := b.photoUses(g)
		if !ok {
			continue
		}
		keys := b.usersOf(uses)
		if len(keys) > b.rules.MaxPhotoShops {
			circulating = append(circulating, g)
			continue
		}
		b.linkPhoto(k, g, keys, uses, where, b.rules.Strength.Photo, func(a, c string) bool { return true }, "")
	}
	if len(circulating) == 0 || b.rules.Strength.CirculatingPhoto == 0 {
		return
	}
	shared := map[[2]string]bool{} // pairs that share a photo that does not circulate
	for id, p := range k.pairs {
		shared[id] = slices.ContainsFunc(p.links, func(l shadowscan.NetworkLink) bool { return l.Kind == shadowscan.LinkPhoto })
	}
	for _, g := range circulating {
		uses, where, _ := b.photoUses(g)
		keys := b.usersOf(uses)
		note := fmt.Sprintf(", shown by %d shops: counted only beside another photo they share", len(keys))
		b.linkPhoto(k, g, keys, uses, where, b.rules.Strength.CirculatingPhoto, func(a, c string) bool { return shared[[2]string{a, c}] }, note)
	}
}

// photoUses gathers who shows the photos of cluster g: the listings of
// each shop and a node of the cluster it showed. ok is false when the
// cluster is an official photo, or one an official or authorised shop
// shows.
func (b *Builder) photoUses(g []int) (uses map[string][]string, where map[string]int, ok bool) {
	x := b.photos
	uses, where = map[string][]string{}, map[string]int{}
	for _, i := range g {
		n := x.nodes[i]
		if n.byOwner {
			return nil, nil, false
		}
		for key, ls := range n.uses {
			for _, l := range ls {
				uses[key] = appendOnce(uses[key], l)
			}
			if _, ok := where[key]; !ok {
				where[key] = i
			}
		}
	}
	if slices.ContainsFunc(g, func(i int) bool { return b.official(x.nodes[i]) }) {
		return nil, nil, false
	}
	return uses, where, true
}

// linkPhoto links each pair of keys (sorted) that may share photo cluster
// g, with strength and note added to the link's detail.
func (b *Builder) linkPhoto(k *linker, g []int, keys []string, uses map[string][]string, where map[string]int, strength int, may func(a, c string) bool, note string) {
	x := b.photos
	rep := x.nodes[g[0]]
	value := rep.sha
	if value == "" {
		value = fmt.Sprintf("phash %016x", rep.phash)
	}
	for i, a := range keys {
		for _, c := range keys[i+1:] {
			if !may(a, c) {
				continue
			}
			ia, ic := where[a], where[c]
			d := x.distance(ia, ic)
			k.add(shadowscan.NetworkLink{
				A: a, B: c, Kind: shadowscan.LinkPhoto, Value: value,
				Detail:   fmt.Sprintf("same listing photo (distance %d), not an official photo%s", d, note),
				Strength: strength, ListingsA: sorted(uses[a]), ListingsB: sorted(uses[c]),
				PhotoA: x.nodes[ia].urls[a], PhotoB: x.nodes[ic].urls[c], Distance: d,
			})
		}
	}
}
