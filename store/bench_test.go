package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// BenchmarkRecord measures observations stored per second through the
// Writer a scan records with, each observation followed by its frontier
// mark as the crawler sends them, with one disk sync per observation
// (batch 1) and per 64 (batch 64, the scan's).
func BenchmarkRecord(b *testing.B) {
	for _, batch := range []int{1, DefaultBatch} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			ctx := context.Background()
			db := MustOpen(b)
			w := db.NewWriter(WithBatch(batch), WithScanFrontier(1), WithRecordOptions(ConfirmGoneAfter(DefaultConfirmGoneAfter)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				id := fmt.Sprintf("bench-%d", i)
				obs := Observation{ScanID: 1, Listing: listing(id, "Aurora protein "+id, 8900, "shop"), Captures: []shadowscan.Capture{pageCapture(id)}, Verdict: flaggedVerdict(50 + i%50)}
				if i%2 == 1 {
					obs.Verdict = shadowscan.Verdict{Score: 10}
				}
				if err := w.Add(ctx, obs); err != nil {
					b.Fatal(err)
				}
				if err := w.MarkVisited(ctx, "demo-market\x00/item/"+id); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Close(ctx); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if n, err := db.VisitedCount(ctx, 1); err != nil || n != b.N {
				b.Fatalf("%d listings marked visited (%v), want %d", n, err, b.N)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "obs/s")
		})
	}
}

// BenchmarkHitsByStatus measures a review-queue page (50 hits of one
// status) and a status count over a store of 100,000 hits, a tenth of them
// confirmed.
func BenchmarkHitsByStatus(b *testing.B) {
	ctx := context.Background()
	db := MustOpen(b)
	db.bolt.NoSync = true // setup only; the timed part reads
	const total, chunk = 100_000, 2_000
	var confirmed []uint64
	for start := 0; start < total; start += chunk {
		obs := make([]Observation, chunk)
		for i := range obs {
			n := start + i
			obs[i] = Observation{Listing: listing(fmt.Sprintf("h%06d", n), "t", 100, fmt.Sprintf("s%d", n%97)), Verdict: flaggedVerdict(n % 101)}
		}
		out, err := db.Record(ctx, obs)
		if err != nil {
			b.Fatal(err)
		}
		for i, o := range out {
			if (start+i)%10 == 0 {
				confirmed = append(confirmed, o.HitID)
			}
		}
	}
	if _, err := db.MarkHits(ctx, confirmed, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "bench"}); err != nil {
		b.Fatal(err)
	}
	db.bolt.NoSync = false
	b.Run("page of 50 confirmed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			hs, err := db.Hits(ctx, shadowscan.HitFilter{Status: shadowscan.StatusConfirmed, Limit: 50})
			if err != nil || len(hs) != 50 {
				b.Fatalf("%d hits, %v", len(hs), err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	})
	b.Run("page of 50 confirmed for one seller", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			hs, err := db.Hits(ctx, shadowscan.HitFilter{Status: shadowscan.StatusConfirmed, SellerID: "s7", Limit: 50})
			if err != nil || len(hs) == 0 {
				b.Fatalf("%d hits, %v", len(hs), err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	})
	b.Run("count new", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			n, err := db.HitCount(ctx, shadowscan.HitFilter{Status: shadowscan.StatusNew})
			if err != nil || n != total-len(confirmed) {
				b.Fatalf("count %d, %v", n, err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	})
}

// BenchmarkEachListingPrice measures the walk a scan makes at its start to
// build the market from a store of 100,000 listings, against walking the
// same listings with EachListing (every record decoded in full), and
// prints both rates and their ratio.
func BenchmarkEachListingPrice(b *testing.B) {
	ctx := context.Background()
	db := MustOpen(b)
	db.bolt.NoSync = true // setup only; the timed part reads
	const total, chunk = 100_000, 2_000
	for start := 0; start < total; start += chunk {
		obs := make([]Observation, chunk)
		for i := range obs {
			n := start + i
			obs[i] = Observation{Listing: listing(fmt.Sprintf("p%06d", n), "Aurora protein powder 500g", shadowscan.Amount(20000+n%9000), fmt.Sprintf("s%d", n%97)),
				Verdict: shadowscan.Verdict{BrandID: "aurora", SKU: fmt.Sprintf("SKU-%d", n%40), Score: 30}}
		}
		if _, err := db.Record(ctx, obs); err != nil {
			b.Fatal(err)
		}
	}
	var full, slim float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		if err := db.EachListingPrice(ctx, func(ListingPrice) { n++ }); err != nil || n != total {
			b.Fatalf("%d prices, %v", n, err)
		}
	}
	b.StopTimer()
	slim = float64(b.N*total) / b.Elapsed().Seconds()
	start := time.Now()
	if err := db.EachListing(ctx, "", func(*ListingRecord) error { return nil }); err != nil {
		b.Fatal(err)
	}
	full = float64(total) / time.Since(start).Seconds()
	b.ReportMetric(slim, "prices/s")
	b.ReportMetric(full, "full-records/s")
	b.ReportMetric(slim/full, "ratio")
}
