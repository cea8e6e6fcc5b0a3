package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// A scan records what it saw through a Writer; review then reads the queue
// and moves hits through the workflow.
func Example() {
	dir, _ := os.MkdirTemp("", "store-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()

	db, err := store.Open(filepath.Join(dir, "shadowscan.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	scan := &shadowscan.Scan{Sites: []string{"demo-market"}}
	_ = db.StartScan(ctx, scan)
	w := db.NewWriter(store.WithScanFrontier(scan.ID), store.OnCommit(func(c store.Commit) {
		for _, o := range c.Outcomes {
			if o.NewHit {
				scan.Hits++
			}
		}
	}))
	_ = w.Add(ctx, store.Observation{
		ScanID:  scan.ID,
		Listing: shadowscan.Listing{Site: "demo-market", ID: "889", Title: "奥罗拉蛋白粉 原单", Price: 8900, HasPrice: true, Currency: "CNY", SellerID: "shop-9"},
		Verdict: shadowscan.Verdict{BrandID: "aurora", SKU: "AUR-PROT-500", Score: 85, Category: shadowscan.CategoryCounterfeit, Flagged: true},
	})
	_ = w.Close(ctx)
	_ = db.FinishScan(ctx, scan)

	hits, _ := db.Hits(ctx, shadowscan.HitFilter{Status: shadowscan.StatusNew})
	for _, h := range hits {
		fmt.Println(h.ID, h.Category, h.Score, h.Listing.Key(), h.Status)
	}
	marked, _ := db.MarkHits(ctx, []uint64{hits[0].ID}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "ana", Note: "fake seal"})
	fmt.Println(marked[0].History[len(marked[0].History)-1].To, scan.State, scan.Hits)
	// Output:
	// 1 counterfeit 85 demo-market/889 new
	// confirmed done 1
}
