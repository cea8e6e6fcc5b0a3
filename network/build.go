package network

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Record is what the Builder needs of one stored listing: the listing as
// last seen, the product the matcher linked it to (empty for none) and its
// hit (0 for none).
type Record struct {
	Listing *shadowscan.Listing
	SKU     string
	HitID   uint64
}

// shop is one seller on one site, as the Builder sees it.
type shop struct {
	key      string
	site, id string
	name     string
	role     shadowscan.SellerRole
	listings []string
	hits     []uint64
}

// Builder collects listings and links their shops. It keeps, per listing,
// only its key, handles, photo hashes and priced product, never the
// listing, so a store of any size walks through it. It is not safe for
// concurrent use.
type Builder struct {
	rules   rules.NetworkRules
	image   rules.ImageRules
	cat     *shadowscan.Catalog
	shops   map[string]*shop
	handles map[Handle]map[string][]string // handle -> shop key -> listing keys
	photos  *photoIndex
	priced  map[string]map[string][]string // sku|currency|price -> shop key -> listing keys
	prices  map[string]string              // sku|currency|price -> "SKU at ¥X"
	odd     map[string]bool                // sku|currency|price -> the price is odd (oddPrice)
}

// NewBuilder returns a Builder that links by det's network rules and
// knows official photos and shops from cat.
func NewBuilder(det *rules.Detection, cat *shadowscan.Catalog) *Builder {
	if cat == nil {
		cat = &shadowscan.Catalog{}
	}
	return &Builder{
		rules:   det.Networks,
		image:   det.Image,
		cat:     cat,
		shops:   map[string]*shop{},
		handles: map[Handle]map[string][]string{},
		photos:  newPhotoIndex(),
		priced:  map[string]map[string][]string{},
		prices:  map[string]string{},
		odd:     map[string]bool{},
	}
}

// roleIn is a seller's strongest role for any brand of cat.
func roleIn(cat *shadowscan.Catalog, site, id string) shadowscan.SellerRole {
	best := shadowscan.RoleUnknown
	for i := range cat.Brands {
		switch cat.Brands[i].RoleOf(site, id) {
		case shadowscan.RoleOfficial:
			return shadowscan.RoleOfficial
		case shadowscan.RoleAuthorized:
			best = shadowscan.RoleAuthorized
		}
	}
	return best
}

// Add takes one listing. Listings without a seller id are left out: no
// shop can be named for them.
func (b *Builder) Add(r Record) {
	l := r.Listing
	if l == nil || l.SellerID == "" {
		return
	}
	key := shadowscan.ShopKey(l.Site, l.SellerID)
	s := b.shops[key]
	if s == nil {
		s = &shop{key: key, site: l.Site, id: l.SellerID, role: roleIn(b.cat, l.Site, l.SellerID)}
		b.shops[key] = s
	}
	if l.SellerName != "" {
		s.name = l.SellerName
	}
	lk := l.Key()
	s.listings = append(s.listings, lk)
	if r.HitID != 0 {
		s.hits = append(s.hits, r.HitID)
	}
	for _, h := range listingHandles(l) {
		addUse(b.handles, h, key, lk)
	}
	for _, im := range l.Images {
		b.photos.add(s, lk, im, b.image.MinPDQQuality)
	}
	if r.SKU != "" && l.HasPrice && !l.Removed {
		b.addPriced(key, lk, r.SKU, l)
	}
}

// addPriced indexes a listing's product and price, unless the price is the
// product's list or floor price, which honest sellers share.
func (b *Builder) addPriced(key, lk, sku string, l *shadowscan.Listing) {
	if p := b.cat.Product(sku); p != nil && p.Currency == l.Currency && (l.Price == p.Price || l.Price == p.MinPrice) {
		return
	}
	pk := sku + "|" + l.Currency + "|" + l.Price.String()
	b.prices[pk] = sku + " at " + l.Price.Format(l.Currency)
	b.odd[pk] = oddPrice(l.Price)
	if b.priced[pk] == nil {
		b.priced[pk] = map[string][]string{}
	}
	b.priced[pk][key] = appendOnce(b.priced[pk][key], lk)
}

func addUse[K comparable](m map[K]map[string][]string, k K, shop, listing string) {
	if m[k] == nil {
		m[k] = map[string][]string{}
	}
	m[k][shop] = appendOnce(m[k][shop], listing)
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// listingHandles are the contact handles of l's shop name, title and
// description; links to l's own marketplace are not a shop's.
func listingHandles(l *shadowscan.Listing) []Handle {
	return Extract(l.SellerName+"\n"+l.Title+"\n"+l.Description, hostOf(l.URL))
}

// hostOf is the host of a listing URL, "" when it has none.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// pair is the evidence two shops share.
type pair struct {
	a, b     string
	links    []shadowscan.NetworkLink
	strength int
}

// linker accumulates the links of every pair of shops.
type linker struct {
	pairs map[[2]string]*pair
	// known reports whether a shop is official or authorised for a brand.
	known func(key string) bool
}

func (k *linker) add(l shadowscan.NetworkLink) {
	if l.A > l.B {
		l.A, l.B = l.B, l.A
		l.ListingsA, l.ListingsB = l.ListingsB, l.ListingsA
		l.PhotoA, l.PhotoB = l.PhotoB, l.PhotoA
	}
	if l.Strength <= 0 || l.A == l.B || (k.known(l.A) && k.known(l.B)) {
		return // two shops the brand knows are its channel, not a ring
	}
	id := [2]string{l.A, l.B}
	p := k.pairs[id]
	if p == nil {
		p = &pair{a: l.A, b: l.B}
		k.pairs[id] = p
	}
	p.links = append(p.links, l)
	p.strength += l.Strength
}

// Build links the shops of every listing added and returns the networks,
// those with the most confirmed hits first. confirmed gives the number of
// confirmed-or-later hits of a shop; it may be nil.
func (b *Builder) Build(confirmed func(site, sellerID string) int) []shadowscan.Network {
	k := b.newLinker()
	b.linkHandles(k)
	b.linkPhotos(k)
	b.linkShopNames(k)
	b.linkProductSets(k)
	return b.group(k, confirmed)
}

func (b *Builder) newLinker() *linker {
	return &linker{pairs: map[[2]string]*pair{}, known: func(key string) bool {
		s := b.shops[key]
		return s != nil && s.role != shadowscan.RoleUnknown
	}}
}

// eligible reports whether a shop may be in a network: official shops
// never are.
func (b *Builder) eligible(key string) bool {
	s := b.shops[key]
	return s != nil && s.role != shadowscan.RoleOfficial
}

// usersOf returns the shop keys of a use map, sorted, or nil when an
// official shop is among them or more shops than MaxShops share it.
func (b *Builder) usersOf(uses map[string][]string) []string {
	if len(uses) < 2 || len(uses) > b.rules.MaxShops {
		return nil
	}
	keys := make([]string, 0, len(uses))
	for key := range uses {
		if !b.eligible(key) {
			return nil // the brand's own: a hotline, an official channel
		}
		keys = append(keys, key)
	}
	slices.Sort(keys)
	return keys
}

// linkHandles links the shops that show the same handle.
func (b *Builder) linkHandles(k *linker) {
	for h, uses := range b.handles {
		keys := b.usersOf(uses)
		for i, a := range keys {
			for _, c := range keys[i+1:] {
				k.add(shadowscan.NetworkLink{
					A: a, B: c, Kind: shadowscan.LinkHandle, Value: h.String(),
					Detail:   "same " + handleLabel(h.Kind) + " " + h.Value,
					Strength: b.rules.Strength.Handle, ListingsA: sorted(uses[a]), ListingsB: sorted(uses[c]),
				})
			}
		}
	}
}

// handleLabel names a handle kind in a reason.
func handleLabel(kind string) string {
	switch kind {
	case KindWeChat:
		return "WeChat id"
	case KindQQ:
		return "QQ number"
	case KindPhone:
		return "phone number"
	case KindTelegram:
		return "Telegram name"
	case KindEmail:
		return "e-mail address"
	case KindLink:
		return "external shop link"
	}
	return kind
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// group joins the shops whose pairs reached MinStrength into networks.
func (b *Builder) group(k *linker, confirmed func(site, sellerID string) int) []shadowscan.Network {
	parent := map[string]string{}
	find := func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, p := range k.pairs {
		if p.strength < b.rules.MinStrength {
			continue
		}
		for _, x := range []string{p.a, p.b} {
			if _, ok := parent[x]; !ok {
				parent[x] = x
			}
		}
		ra, rb := find(p.a), find(p.b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	members := map[string][]string{}
	for x := range parent {
		r := find(x)
		members[r] = append(members[r], x)
	}
	var out []shadowscan.Network
	for root, keys := range members {
		slices.Sort(keys)
		out = append(out, b.network(root, keys, k, confirmed))
	}
	slices.SortFunc(out, func(x, y shadowscan.Network) int {
		return cmp.Or(-cmp.Compare(confirmedOf(x), confirmedOf(y)), -cmp.Compare(len(x.Shops), len(y.Shops)), cmp.Compare(x.ID, y.ID))
	})
	return out
}

func confirmedOf(n shadowscan.Network) int {
	c := 0
	for _, s := range n.Shops {
		c += s.Confirmed
	}
	return c
}

// network assembles one network from its shop keys.
func (b *Builder) network(root string, keys []string, k *linker, confirmed func(site, sellerID string) int) shadowscan.Network {
	sum := sha256.Sum256([]byte(root))
	n := shadowscan.Network{ID: "n" + hex.EncodeToString(sum[:5])}
	for _, key := range keys {
		s := b.shops[key]
		ns := shadowscan.NetworkShop{Site: s.site, SellerID: s.id, SellerName: s.name, Listings: sorted(s.listings), Hits: slices.Sorted(slices.Values(s.hits))}
		if s.role == shadowscan.RoleAuthorized {
			ns.Role = "authorized"
		}
		if confirmed != nil {
			ns.Confirmed = confirmed(s.site, s.id)
		}
		n.Shops = append(n.Shops, ns)
	}
	var ps []*pair
	for i, a := range keys {
		for _, c := range keys[i+1:] {
			if p := k.pairs[[2]string{a, c}]; p != nil {
				ps = append(ps, p)
			}
		}
	}
	slices.SortFunc(ps, func(x, y *pair) int {
		return cmp.Or(-cmp.Compare(x.strength, y.strength), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	for _, p := range ps {
		links := p.links
		slices.SortStableFunc(links, func(x, y shadowscan.NetworkLink) int {
			return cmp.Or(-cmp.Compare(x.Strength, y.Strength), cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.Value, y.Value))
		})
		for _, l := range links {
			l.Joined = p.strength >= b.rules.MinStrength
			n.Links = append(n.Links, l)
		}
	}
	return n
}
