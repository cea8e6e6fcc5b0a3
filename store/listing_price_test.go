package store

import (
	"context"
	"slices"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestEachListingPrice: the market reads the latest price of each listing
// linked to a product, and leaves out unlinked, unpriced and removed ones.
func TestEachListingPrice(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	linked := shadowscan.Verdict{BrandID: "aurora", SKU: "AUR-PROT-500", Score: 40}
	noPrice := listing("N", "t", 0, "s")
	noPrice.HasPrice = false
	gone := listing("G", "t", 5000, "s")
	gone.Removed = true
	usd := listing("U", "t", 4100, "s")
	usd.Currency = "USD"
	mustRecord(t, db,
		Observation{Listing: listing("A", "t", 29800, "s"), Verdict: linked},
		Observation{Listing: listing("B", "t", 8900, "s"), Verdict: flaggedVerdict(70)},
		Observation{Listing: listing("C", "t", 1000, "s"), Verdict: shadowscan.Verdict{Score: 5}},
		Observation{Listing: noPrice, Verdict: linked},
		Observation{Listing: usd, Verdict: linked},
	)
	// A listing seen at one price and then another counts once, at the
	// latest; one seen and then found removed does not count.
	mustRecord(t, db, Observation{Listing: listing("G", "t", 5000, "s"), Verdict: linked})
	mustRecord(t, db, Observation{Listing: listing("A", "t", 27800, "s"), Verdict: linked}, Observation{Listing: gone, Verdict: linked})
	want := []ListingPrice{
		{SKU: "AUR-PROT-500", Currency: "CNY", Price: 27800},
		{SKU: "AUR-PROT-500", Currency: "CNY", Price: 8900},
		{SKU: "AUR-PROT-500", Currency: "USD", Price: 4100},
	}
	for _, chunk := range []int{4096, 1, 2, 3} { // walks of one and of several transactions
		db.priceWalkChunk = chunk
		var got []ListingPrice
		if err := db.EachListingPrice(ctx, func(p ListingPrice) { got = append(got, p) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("chunks of %d: prices = %+v\nwant     %+v", chunk, got, want)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.EachListingPrice(cancelled, func(ListingPrice) {}); err == nil {
		t.Error("a cancelled walk returned no error")
	}
}
