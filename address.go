package shadowscan

import (
	"net/netip"
	"slices"
)

// metadataAddrs are cloud instance metadata endpoints, refused even for
// a site on a private network.
var metadataAddrs = []netip.Addr{
	netip.MustParseAddr("169.254.169.254"), // AWS, GCP, Azure, OpenStack, ...
	netip.MustParseAddr("169.254.170.2"),   // AWS ECS task metadata
	netip.MustParseAddr("100.100.100.200"), // Alibaba Cloud
	netip.MustParseAddr("fd00:ec2::254"),   // AWS over IPv6
}

// nonPublic are the ranges besides netip's own predicates that are not
// the public internet.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
}

// AddrClass names why a is not an address of the public internet:
// "cloud metadata", "loopback", "unspecified", "link-local", "private",
// "multicast" or "reserved"; "" when it is public. Fetchers refuse such
// addresses unless the site (or an explicit allow list) is on them, and
// never fetch a cloud metadata address. IPv4-mapped, NAT64 and 6to4
// addresses are classed by the IPv4 address they carry.
func AddrClass(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case slices.Contains(metadataAddrs, a):
		return "cloud metadata"
	case a.IsLoopback():
		return "loopback"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsPrivate():
		return "private"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	}
	if a.Is6() && a.Zone() == "" {
		// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address.
		b := a.As16()
		if netip.MustParsePrefix("64:ff9b::/96").Contains(a) {
			if c := AddrClass(netip.AddrFrom4([4]byte(b[12:16]))); c != "" {
				return c
			}
		}
		if b[0] == 0x20 && b[1] == 0x02 {
			if c := AddrClass(netip.AddrFrom4([4]byte(b[2:6]))); c != "" {
				return c
			}
		}
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return "reserved"
		}
	}
	return ""
}
