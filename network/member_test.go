package network

import (
	"strings"
	"testing"
)

// TestMemberOf: a defamation listing is shown with a network of shops
// with hits when its seller is one of the network's shops, or when its
// text carries a contact handle the network's shops share; not when the
// network has no hits or nothing ties the listing to it.
func TestMemberOf(t *testing.T) {
	a := listing(site, "a1", "shop-a", "A", "奥罗拉蛋白粉 原单 微信: fake_888", "", 8900)
	b := listing(site, "b1", "shop-b", "B", "奥罗拉蛋白粉 高仿 加微信 fake_888", "", 9900)
	nets := build(t, Record{Listing: a, SKU: "AUR-PROT-500", HitID: 1}, Record{Listing: b, SKU: "AUR-PROT-500", HitID: 2})
	if len(nets) != 1 {
		t.Fatalf("networks %v, want shop-a and shop-b in one", shopsOf(nets))
	}
	id := nets[0].ID
	cases := []struct {
		name, seller, title, why string
	}{
		{"seller in the network", "shop-b", "揭秘奥罗拉传销骗局", "seller demo-market/shop-b is one of its shops"},
		{"handle of the network", "shop-z", "奥罗拉是传销骗局 详情加微信 fake_888", "contact wechat:fake_888"},
		{"nothing shared", "shop-y", "奥罗拉是传销骗局 微信 other_1", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := MemberOf(nets, listing(site, "d1", c.seller, "", c.title, "", 990))
			if c.why == "" {
				if len(ms) != 0 {
					t.Fatalf("memberships %+v, want none", ms)
				}
				return
			}
			if len(ms) != 1 || ms[0].Network != id || ms[0].Shops != 2 || !strings.Contains(ms[0].Why, c.why) {
				t.Fatalf("memberships %+v, want network %s because %q", ms, id, c.why)
			}
		})
	}
	// The same shops with no hits are no counterfeit network.
	quiet := build(t, Record{Listing: a, SKU: "AUR-PROT-500"}, Record{Listing: b, SKU: "AUR-PROT-500"})
	if ms := MemberOf(quiet, listing(site, "d1", "shop-b", "", "传销骗局", "", 0)); len(quiet) != 1 || len(ms) != 0 {
		t.Errorf("network without hits: %d networks, memberships %+v", len(quiet), ms)
	}
}
