package shadowscan

import (
	"net/netip"
	"testing"
)

func TestAddrClass(t *testing.T) {
	for s, want := range map[string]string{
		"8.8.8.8": "", "2606:4700::1111": "", "93.184.216.34": "",
		"127.0.0.1": "loopback", "::1": "loopback", "::ffff:127.0.0.1": "loopback",
		"10.1.2.3": "private", "172.16.0.1": "private", "192.168.1.1": "private", "fd12::1": "private",
		"169.254.169.254": "cloud metadata", "fd00:ec2::254": "cloud metadata", "100.100.100.200": "cloud metadata",
		"169.254.1.1": "link-local", "fe80::1": "link-local",
		"0.0.0.0": "unspecified", "::": "unspecified", "100.64.0.1": "reserved",
		"64:ff9b::7f00:1": "loopback", "2002:a00:1::1": "private", "239.1.1.1": "multicast", "224.0.0.1": "link-local",
	} {
		if got := AddrClass(netip.MustParseAddr(s)); got != want {
			t.Errorf("AddrClass(%s) = %q, want %q", s, got, want)
		}
	}
}
