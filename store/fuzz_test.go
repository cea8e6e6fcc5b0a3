package store

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func FuzzParseProcLocks(f *testing.F) {
	f.Add("1: FLOCK  ADVISORY  WRITE 1234 fe:00:9979464 0 EOF\n", uint64(0xfe), uint64(0), uint64(9979464))
	f.Add("2: -> FLOCK  ADVISORY  WRITE 555 fe:00:1 0 EOF\n1: POSIX ADVISORY READ 1 0:0:0 0 EOF", uint64(0), uint64(0), uint64(0))
	f.Fuzz(func(t *testing.T, s string, major, minor, inode uint64) {
		pid, ok := parseProcLocks(strings.NewReader(s), fileID{major, minor, inode})
		if ok && pid <= 0 {
			t.Fatalf("ok with pid %d", pid)
		}
		if !ok && pid != 0 {
			t.Fatalf("not ok with pid %d", pid)
		}
	})
}

// FuzzBlob checks that any bytes survive a round trip and that decoding
// damaged or hostile stored bytes fails cleanly instead of panicking or
// returning bytes that do not match the name.
func FuzzBlob(f *testing.F) {
	f.Add([]byte("<html>listing</html>"), []byte{1, 5, 0xff})
	f.Add(bytes.Repeat([]byte("a"), 1000), []byte{0, 3, 'a', 'b', 'c'})
	f.Add([]byte{}, []byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data, stored []byte) {
		b, err := encodeBlob(data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeBlob(b.sha, b.stored)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("round trip: %v", err)
		}
		out, err := decodeBlob(b.sha, stored)
		if err == nil && !bytes.Equal(out, data) {
			t.Fatal("decoded bytes that do not match their name")
		}
		if err != nil && shadowscan.ErrorCode(err) != shadowscan.EINTERNAL {
			t.Fatalf("damage reported as %q", shadowscan.ErrorCode(err))
		}
	})
}

func FuzzHitSummary(f *testing.F) {
	f.Add("aurora", "demo-market", "counterfeit", "shop-1", []byte{1, 'a', 0, 0, 0})
	f.Fuzz(func(t *testing.T, brand, site, cat, seller string, raw []byte) {
		h := shadowscan.Hit{BrandID: brand, Category: shadowscan.Category(cat), Listing: shadowscan.Listing{Site: site, SellerID: seller}}
		s, err := decodeSummary(encodeSummary(&h))
		if err != nil || s != (hitSummary{brand, site, cat, seller}) {
			t.Fatalf("round trip = %+v, %v", s, err)
		}
		_, _ = decodeSummary(raw) // must not panic
	})
}
