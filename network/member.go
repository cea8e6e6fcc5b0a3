package network

import (
	"fmt"
	"slices"

	"github.com/shadowscan/shadowscan"
)

// MemberOf returns the networks listing l is tied to, in the order of
// nets: those whose shops include l's seller, and those whose handle
// links carry a contact handle found in l's shop name, title or
// description. Only networks with hits count: a network none of whose
// shops was flagged is no counterfeit network.
func MemberOf(nets []shadowscan.Network, l *shadowscan.Listing) []shadowscan.NetworkMembership {
	var handles []string
	for _, h := range listingHandles(l) {
		handles = append(handles, h.String())
	}
	var out []shadowscan.NetworkMembership
	for i := range nets {
		n := &nets[i]
		hits := 0
		for _, s := range n.Shops {
			hits += len(s.Hits)
		}
		if hits == 0 {
			continue
		}
		why := ""
		if shop := shadowscan.ShopKey(l.Site, l.SellerID); l.SellerID != "" && n.Shop(shop) != nil {
			why = fmt.Sprintf("seller %s is one of its shops", shop)
		} else {
			why = sharedHandle(n, handles)
		}
		if why != "" {
			out = append(out, shadowscan.NetworkMembership{Network: n.ID, Shops: len(n.Shops), Confirmed: confirmedOf(*n), Why: why})
		}
	}
	return out
}

// sharedHandle says which of handles a handle link of n carries, and
// between which shops; "" for none.
func sharedHandle(n *shadowscan.Network, handles []string) string {
	for _, k := range n.Links {
		if k.Kind == shadowscan.LinkHandle && slices.Contains(handles, k.Value) {
			return fmt.Sprintf("its contact %s is the one shops %s and %s share", k.Value, k.A, k.B)
		}
	}
	return ""
}
