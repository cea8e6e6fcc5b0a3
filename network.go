package shadowscan

import "slices"

// LinkKind is the kind of evidence that links two shops in a seller
// network.
type LinkKind string

// The kinds of link.
const (
	// LinkHandle: the same contact handle (WeChat, QQ, phone, Telegram,
	// e-mail, external shop link) in both shops' listings.
	LinkHandle LinkKind = "handle"
	// LinkPhoto: the same non-official listing photo in both shops.
	LinkPhoto LinkKind = "photo"
	// LinkShopName: near-identical shop names.
	LinkShopName LinkKind = "shop_name"
	// LinkProductSet: the same catalogue products at the same prices.
	LinkProductSet LinkKind = "product_set"
)

// Network is a group of shops, on one site or several, joined by links
// whose strength reached the detection rules' minimum.
type Network struct {
	// ID is stable while the network's first shop (in key order) stays in it.
	ID    string        `json:"id"`
	Shops []NetworkShop `json:"shops"`
	// Links are every link between two of the network's shops, strongest
	// pair first; a pair joined the network when Joined.
	Links []NetworkLink `json:"links"`
}

// NetworkShop is one shop of a network and its listings.
type NetworkShop struct {
	Site       string `json:"site"`
	SellerID   string `json:"seller_id"`
	SellerName string `json:"seller_name,omitempty"`
	// Role is "authorized" for an authorised seller of some brand, empty
	// for an unknown one. Official shops are never in a network.
	Role string `json:"role,omitempty"`
	// Listings are the shop's listing keys (site/id), sorted.
	Listings []string `json:"listings"`
	// Hits are the ids of the shop's hits, and Confirmed how many of them
	// an analyst confirmed (or moved further).
	Hits      []uint64 `json:"hits,omitempty"`
	Confirmed int      `json:"confirmed,omitempty"`
}

// Key returns the shop's ShopKey.
func (s NetworkShop) Key() string { return ShopKey(s.Site, s.SellerID) }

// ShopKey names one seller on one site, "site/seller_id": networks, their
// links and the reasons they give a scan key shops by it.
func ShopKey(site, sellerID string) string { return site + "/" + sellerID }

// NetworkLink is one piece of evidence shared by two shops.
type NetworkLink struct {
	// A and B are the shops' keys (site/seller_id), A < B.
	A    string   `json:"a"`
	B    string   `json:"b"`
	Kind LinkKind `json:"kind"`
	// Value is what they share: "wechat:aurora_vip8", a photo's SHA-256,
	// the two normalised shop names, the shared products.
	Value string `json:"value"`
	// Detail says it in words an analyst can check.
	Detail string `json:"detail"`
	// Strength is what the link adds (detection rules networks.strength).
	Strength int `json:"strength"`
	// ListingsA and ListingsB are the listings of A and B that carry it.
	ListingsA []string `json:"listings_a,omitempty"`
	ListingsB []string `json:"listings_b,omitempty"`
	// PhotoA and PhotoB are the photo URLs of a photo link, and Distance
	// their hash distance.
	PhotoA   string `json:"photo_a,omitempty"`
	PhotoB   string `json:"photo_b,omitempty"`
	Distance int    `json:"distance,omitempty"`
	// Joined is true when the pair's total strength reached the minimum.
	Joined bool `json:"joined"`
}

// Shop returns the network's shop with key site/seller_id, or nil.
func (n *Network) Shop(key string) *NetworkShop {
	for i := range n.Shops {
		if n.Shops[i].Key() == key {
			return &n.Shops[i]
		}
	}
	return nil
}

// NetworkFigures count the seller networks as they stand, for stats
// (shadowscan stats, /stats, /api/stats).
type NetworkFigures struct {
	// Networks and Shops count the networks and the shops in them.
	Networks int `json:"networks"`
	Shops    int `json:"shops"`
	// WithConfirmed and ShopsWithConfirmed count the networks holding a
	// confirmed (or later) hit, and the shops of those networks.
	WithConfirmed      int `json:"with_confirmed"`
	ShopsWithConfirmed int `json:"shops_with_confirmed"`
}

// CountNetworks counts nets, those with a shop on site when site is not
// "".
func CountNetworks(nets []Network, site string) NetworkFigures {
	var f NetworkFigures
	for _, n := range nets {
		if site != "" && !slices.ContainsFunc(n.Shops, func(s NetworkShop) bool { return s.Site == site }) {
			continue
		}
		f.Networks++
		f.Shops += len(n.Shops)
		if slices.ContainsFunc(n.Shops, func(s NetworkShop) bool { return s.Confirmed > 0 }) {
			f.WithConfirmed++
			f.ShopsWithConfirmed += len(n.Shops)
		}
	}
	return f
}
