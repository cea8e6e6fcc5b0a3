package shadowscan

// HitCounts counts hits along each dimension the dashboard, the sellers
// page, /api/stats and /metrics show. The store keeps counters that answer
// it without reading a hit (store.DB.HitCounts); the web UI reads it
// through its Store interface.
type HitCounts struct {
	Total      int              `json:"total"`
	ByStatus   map[Status]int   `json:"by_status"`
	ByCategory map[Category]int `json:"by_category"`
	ByBrand    map[string]int   `json:"by_brand"`
	BySite     map[string]int   `json:"by_site"`
	// BySeller is keyed "site/seller_id", for finding repeat offenders.
	// Hits without a seller id are not in it.
	BySeller map[string]int `json:"by_seller"`
	// BySellerStatus counts each seller's hits by status, with the keys of
	// BySeller; a status a seller has no hit in is absent. A HitCounts
	// without it (nil) makes the sellers page count each seller's statuses
	// through HitCount instead.
	BySellerStatus map[string]map[Status]int `json:"by_seller_status,omitempty"`
}
