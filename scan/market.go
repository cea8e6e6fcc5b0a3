package scan

import (
	"context"

	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// storeMarket returns the matcher option for the market-outlier signal:
// the prices earlier scans saw for each product, read from the store's
// listings at scan start (a listing counts with its latest price while it
// is linked to the product and not removed). matcher.Market keeps a
// bounded random sample per product and currency, so memory stays small
// however big the store; the walk decodes only each record's price and
// verdict. The scan's own prices are left out, so a verdict does not
// depend on the order pages arrive in. Detection rules whose
// price.market_mads is not above 0 (the rule files refuse it, a program
// may set it) turn the signal off, and the store is not read.
func storeMarket(ctx context.Context, db *store.DB, det *rules.Detection, scanID uint64) (matcher.Option, error) {
	mk := matcher.NewMarket()
	if det.Price.MarketMADs > 0 {
		err := db.EachListingPrice(ctx, func(p store.ListingPrice) {
			if p.ScanID != scanID {
				mk.Observe(p.SKU, p.Currency, p.Price)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return matcher.WithMarket(mk), nil
}

// sellerHistory returns the matcher option that makes repeat offenders:
// each seller's confirmed-or-later hits, counted once at scan start from
// the store's status index (store.DB.ConfirmedBySeller).
func sellerHistory(offenders map[store.SellerKey]int) matcher.Option {
	return matcher.WithSellerHistory(func(site, sellerID string) int {
		return offenders[store.SellerKey{Site: site, SellerID: sellerID}]
	})
}
