package network

import (
	"fmt"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// Reasons returns, for every shop (site/seller_id) in a network with
// another shop that has confirmed hits, the reason the matcher adds to its
// listings: the network, the confirmed shop and the link that leads to it
// from this shop, e.g. "in seller network n1a2b3c4d5 with demo-market/s9
// (2 confirmed hits): same WeChat id aurora_vip8 (listings demo-market/17;
// demo-market/40)". A shop whose own hits are confirmed is named only for
// another confirmed shop: its own record is the repeat-offender reason.
func Reasons(nets []shadowscan.Network) map[string]string {
	out := map[string]string{}
	for i := range nets {
		n := &nets[i]
		adj := map[string][]*shadowscan.NetworkLink{}
		for j := range n.Links {
			l := &n.Links[j]
			if l.Joined {
				adj[l.A] = append(adj[l.A], l)
				adj[l.B] = append(adj[l.B], l)
			}
		}
		for _, s := range n.Shops {
			if r := reasonFor(n, s.Key(), adj); r != "" {
				out[s.Key()] = r
			}
		}
	}
	return out
}

// reasonFor walks breadth first from shop to the nearest other shop with
// confirmed hits and describes the first link of the way.
func reasonFor(n *shadowscan.Network, from string, adj map[string][]*shadowscan.NetworkLink) string {
	first := map[string]*shadowscan.NetworkLink{from: nil}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if s := n.Shop(cur); cur != from && s != nil && s.Confirmed > 0 {
			l := first[cur]
			return fmt.Sprintf("in seller network %s with %s (%d confirmed %s): %s", n.ID, cur, s.Confirmed, plural(s.Confirmed, "hit", "hits"), describe(l, from))
		}
		for _, l := range adj[cur] {
			next := l.B
			if next == cur {
				next = l.A
			}
			if _, seen := first[next]; seen {
				continue
			}
			if cur == from {
				first[next] = l
			} else {
				first[next] = first[cur]
			}
			queue = append(queue, next)
		}
	}
	return ""
}

// describe says what a link is, with the listings on from's side and the
// other's.
func describe(l *shadowscan.NetworkLink, from string) string {
	mine, theirs, other := l.ListingsA, l.ListingsB, l.B
	if l.B == from {
		mine, theirs, other = l.ListingsB, l.ListingsA, l.A
	}
	d := l.Detail
	if other != "" && !strings.Contains(d, other) {
		d += " with " + other
	}
	if len(mine) > 0 || len(theirs) > 0 {
		d += fmt.Sprintf(" (listings %s; %s)", clipList(mine), clipList(theirs))
	}
	return d
}

// clipList joins up to three listing keys.
func clipList(ls []string) string {
	if len(ls) > 3 {
		return strings.Join(ls[:3], ", ") + fmt.Sprintf(" and %d more", len(ls)-3)
	}
	return strings.Join(ls, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
