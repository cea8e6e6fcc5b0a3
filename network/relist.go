package network

import (
	"cmp"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Relister finds relists: listings that bring back a reported or removed
// hit under a new listing id, shop or site. A listing is a relist of a
// hit when it offers the same product and shares with it a photo that is
// not official, or a contact handle, or, once the hit's listing was
// removed, its shop. The same product is the same matched catalogue SKU
// when both have one (then a reworded title does not matter, and the
// shop alone is not enough); when either has none, a title like the
// hit's (networks.relist_title_similarity) stands for it. Without a like
// title a shared photo stands only when it does not circulate: shown by
// at most networks.max_photo_shops shops (CountShops counts them), as
// resellers share a product's pictures. Two listings of different SKUs
// are never one relisted. Official photos never make a relist: every
// counterfeit shows them.
type Relister struct {
	rules rules.NetworkRules
	image rules.ImageRules
	cat   *shadowscan.Catalog
	olds  []oldHit
	// shops holds, for each photo of an added hit (by photoKey), the
	// shops seen showing it, up to one over MaxPhotoShops.
	shops map[string]map[string]bool
}

// oldHit is a reported or removed hit as the Relister compares it.
type oldHit struct {
	id      uint64
	key     string // site/id of its listing
	sku     string // the product it was judged as (or an analyst picked), "" for none
	shop    string // site/seller_id
	status  shadowscan.Status
	since   time.Time       // when it was first reported (zero: unknown)
	pairs   map[string]bool // the title's character pairs
	handles []Handle
	photos  []*photoNode // its listing's photos, official ones left out
}

// NewRelister returns a Relister by det's network and image rules, which
// knows the official photos and shops from cat.
func NewRelister(det *rules.Detection, cat *shadowscan.Catalog) *Relister {
	if cat == nil {
		cat = &shadowscan.Catalog{}
	}
	return &Relister{rules: det.Networks, image: det.Image, cat: cat, shops: map[string]map[string]bool{}}
}

// Len is the number of hits added.
func (r *Relister) Len() int { return len(r.olds) }

// Add takes a hit whose listing was reported or taken down (reported,
// removed or relisted); others are ignored.
func (r *Relister) Add(h *shadowscan.Hit) {
	if !h.Status.TakenDown() {
		return
	}
	l := &h.Listing
	o := oldHit{id: h.ID, key: l.Key(), sku: cmp.Or(h.SKU, h.Picked), status: h.Status, pairs: titlePairs(l.Title),
		handles: listingHandles(l)}
	if l.SellerID != "" {
		o.shop = shadowscan.ShopKey(l.Site, l.SellerID)
	}
	for _, tr := range h.History {
		if tr.To == shadowscan.StatusReported {
			if at, err := time.Parse(time.RFC3339, tr.At); err == nil {
				o.since = at
				break
			}
		}
	}
	for _, im := range l.Images {
		if n := r.node(im); n != nil && !official(r.cat, r.image, n) {
			o.photos = append(o.photos, n)
			r.countShop(n.key, o.shop)
		}
	}
	r.olds = append(r.olds, o)
}

// CountShops counts l's shop among the shops that show each photo of an
// added hit that l shows too (by the photo index's key). Call it for
// every stored listing once the hits are added: without it a photo
// counts as shown by its hit's shop and the listing's alone.
func (r *Relister) CountShops(l *shadowscan.Listing) {
	if len(r.shops) == 0 || l.SellerID == "" {
		return
	}
	shop := shadowscan.ShopKey(l.Site, l.SellerID)
	for _, im := range l.Images {
		if key := photoKey(im, r.image.MinPDQQuality); key != "" {
			if _, ok := r.shops[key]; ok {
				r.countShop(key, shop)
			}
		}
	}
}

// countShop adds shop to those showing the photo key, up to one over
// MaxPhotoShops: more need no counting.
func (r *Relister) countShop(key, shop string) {
	s := r.shops[key]
	if s == nil {
		s = map[string]bool{}
		r.shops[key] = s
	}
	if shop != "" && len(s) <= r.rules.MaxPhotoShops {
		s[shop] = true
	}
}

// shownBy is how many shops show n, a photo of an added hit, counting
// shop (the asked listing's) among them.
func (r *Relister) shownBy(n *photoNode, shop string) int {
	s := r.shops[n.key]
	if shop != "" && !s[shop] {
		return len(s) + 1
	}
	return len(s)
}

// node is a hashed photo as the photo index holds it, or nil.
func (r *Relister) node(im shadowscan.ListingImage) *photoNode {
	return newPhotoNode(im, r.image.MinPDQQuality)
}

// Match returns the hit l is a relist of, and the reason saying so
// ("relist of #12 (demo-market/L7, removed): same product AUR-PROT-500,
// same photo at distance 3, same WeChat id abc123, titles 40% alike"), or
// 0 and "". sku is the product the matcher judged l as, "" for none.
// firstSeen says when a scan first saw l, zero for a listing never seen
// before (nil: never seen); it is asked only once a hit's product fits.
// A listing that was already up when the hit was reported is a sibling
// of it, not its relist. A listing of an official shop is no relist, nor
// is the hit's own listing.
func (r *Relister) Match(l *shadowscan.Listing, sku string, firstSeen func() time.Time) (uint64, string) {
	if len(r.olds) == 0 || l.Removed || roleIn(r.cat, l.Site, l.SellerID) == shadowscan.RoleOfficial {
		return 0, ""
	}
	c := candidate{l: l, sku: sku, pairs: titlePairs(l.Title)}
	var best uint64
	bestDetail, bestN := "", 0
	for i := range r.olds {
		o := &r.olds[i]
		if o.key == l.Key() {
			continue
		}
		sameSKU, sim, ok := r.sameProduct(o, &c)
		if !ok {
			continue
		}
		r.extract(&c, firstSeen)
		// Up before the takedown was asked for: a sibling. Transition
		// times are whole seconds, so the report's second counts as before.
		if !c.seen.IsZero() && !o.since.IsZero() && c.seen.Before(o.since.Add(time.Second)) {
			continue
		}
		ev, strong := r.evidence(o, l, c.photos, c.handles)
		if len(ev) == 0 || (sim < r.rules.RelistTitleSimilarity && !strong) {
			continue // a reworded title needs a shared photo or handle
		}
		if sameSKU {
			ev = append([]string{"same product " + sku}, ev...)
		}
		if len(ev) < bestN || (len(ev) == bestN && o.id < best) {
			continue
		}
		best, bestN = o.id, len(ev)
		ev = append(ev, fmt.Sprintf("titles %.0f%% alike", 100*sim))
		bestDetail = fmt.Sprintf("relist of #%d (%s, %s): %s", o.id, o.key, o.status, strings.Join(ev, ", "))
	}
	return best, bestDetail
}

// candidate is the listing Match asks about, with what it shares
// extracted once, and only for a listing whose product fits a hit's.
type candidate struct {
	l         *shadowscan.Listing
	sku       string
	pairs     map[string]bool
	extracted bool
	seen      time.Time
	handles   []Handle
	photos    []*photoNode
}

// sameProduct says whether c may be a relist of o by product: sameSKU when
// both were judged the same catalogue product; else, when either has no
// product, when their titles are alike. sim is their titles' likeness.
// Different products never are.
func (r *Relister) sameProduct(o *oldHit, c *candidate) (sameSKU bool, sim float64, ok bool) {
	if o.sku != "" && c.sku != "" && o.sku != c.sku {
		return false, 0, false
	}
	sim = dice(c.pairs, o.pairs)
	sameSKU = o.sku != "" && o.sku == c.sku
	return sameSKU, sim, sameSKU || sim >= r.rules.RelistTitleSimilarity
}

// extract reads c's first sighting, handles and photos, once.
func (r *Relister) extract(c *candidate, firstSeen func() time.Time) {
	if c.extracted {
		return
	}
	c.extracted = true
	if firstSeen != nil {
		c.seen = firstSeen()
	}
	c.handles = listingHandles(c.l)
	for _, im := range c.l.Images {
		if n := r.node(im); n != nil {
			c.photos = append(c.photos, n)
		}
	}
}

// evidence lists what l shares with o besides its product; strong is true
// when that is a handle or a photo that does not circulate, which stand
// without a like title.
func (r *Relister) evidence(o *oldHit, l *shadowscan.Listing, photos []*photoNode, handles []Handle) (ev []string, strong bool) {
	shop := ""
	if l.SellerID != "" {
		shop = shadowscan.ShopKey(l.Site, l.SellerID)
	}
	if d, shops, ok := r.samePhoto(o.photos, photos, shop); ok {
		strong = shops <= r.rules.MaxPhotoShops
		note := ""
		if !strong {
			note = fmt.Sprintf(" (shown by more than %d shops: it circulates)", r.rules.MaxPhotoShops)
		}
		ev = append(ev, fmt.Sprintf("same photo at distance %d%s", d, note))
	}
	for _, h := range o.handles {
		for _, g := range handles {
			if h == g {
				ev = append(ev, "same "+handleLabel(h.Kind)+" "+h.Value)
				strong = true
			}
		}
	}
	if o.shop != "" && o.shop == shop && o.status != shadowscan.StatusReported {
		ev = append(ev, "same shop "+shop+" after the takedown")
	}
	return ev, strong
}

// samePhoto returns the smallest distance between a photo of a (an added
// hit's) and one of b (shown by shop) within the network rules'
// distances, and the fewest shops that show a photo of a so shared.
func (r *Relister) samePhoto(a, b []*photoNode, shop string) (dist, shops int, ok bool) {
	for _, x := range a {
		for _, y := range b {
			d, near := compare(x, y, r.rules.MaxPDQDistance, r.rules.MaxPHashDistance)
			if !near {
				continue
			}
			n := r.shownBy(x, shop)
			if !ok || d < dist {
				dist = d
			}
			if !ok || n < shops {
				shops = n
			}
			ok = true
		}
	}
	return dist, shops, ok
}

// titlePairs is the set of neighbouring letter and digit pairs of a
// folded title: it compares Chinese written without spaces and English
// alike, and a reworded title keeps most of its pairs.
func titlePairs(title string) map[string]bool {
	var rs []rune
	for _, c := range Fold(title) {
		if unicode.IsLetter(c) || unicode.IsNumber(c) {
			rs = append(rs, c)
		}
	}
	out := map[string]bool{}
	for i := 0; i+1 < len(rs); i++ {
		out[string(rs[i:i+2])] = true
	}
	return out
}

// dice is the Dice coefficient of two sets: 2|a∩b| / (|a|+|b|).
func dice(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}
