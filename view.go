package shadowscan

import "time"

// HitView is the JSON shape of a hit that `review list --json`, `review
// show --json` and the web API share (SPEC "Command line"): prices as
// decimal numbers in the listing's currency, times as RFC 3339 UTC, photos
// as URLs, plus the statuses a person may move the hit to.
type HitView struct {
	ID           uint64       `json:"id"`
	Category     Category     `json:"category"`
	Score        int          `json:"score"`
	Status       Status       `json:"status"`
	Brand        string       `json:"brand"`
	SKU          string       `json:"sku"`
	Candidates   []string     `json:"candidates,omitempty"`
	Picked       string       `json:"picked,omitempty"`
	Reasons      []Reason     `json:"reasons"`
	MatchedTerms []string     `json:"matched_terms,omitempty"`
	Listing      ListingView  `json:"listing"`
	FirstSeen    string       `json:"first_seen"`
	LastSeen     string       `json:"last_seen"`
	RemovedAt    string       `json:"removed_at,omitempty"`
	SeenGone     *SeenGone    `json:"seen_gone,omitempty"`
	History      []Transition `json:"history,omitempty"`
	Allowed      []Status     `json:"allowed"`
}

// SeenGone is the view of an unconfirmed gone sighting (Hit.SeenGone).
type SeenGone struct {
	At     string `json:"at"`
	Signal string `json:"signal"`
}

// ListingView is the listing part of HitView. Price is null when the
// listing showed none.
type ListingView struct {
	Site        string   `json:"site"`
	ListingID   string   `json:"listing_id"`
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Price       *Amount  `json:"price"`
	Currency    string   `json:"currency"`
	SellerID    string   `json:"seller_id"`
	SellerName  string   `json:"seller_name"`
	Images      []string `json:"images"`
	Removed     bool     `json:"removed,omitempty"`
}

// NewHitView returns the JSON view of h; full adds the history and the
// listing's description (one hit shown), which lists of hits leave out.
func NewHitView(h *Hit, full bool) HitView {
	reasons := h.Reasons
	if reasons == nil {
		reasons = []Reason{}
	}
	v := HitView{
		ID: h.ID, Category: h.Category, Score: h.Score, Status: h.Status, Brand: h.BrandID, SKU: h.SKU,
		Candidates: h.Candidates, Picked: h.Picked, Reasons: reasons, MatchedTerms: h.MatchedTerms,
		Listing:   NewListingView(&h.Listing, full),
		FirstSeen: RFC3339(h.FirstSeen), LastSeen: RFC3339(h.LastSeen),
		Allowed: h.Status.ManualNext(),
	}
	if h.RemovedAt != nil {
		v.RemovedAt = RFC3339(*h.RemovedAt)
	}
	if g := h.SeenGone; g != nil {
		v.SeenGone = &SeenGone{At: RFC3339(g.At), Signal: g.Signal}
	}
	if full {
		v.History = h.History
	}
	return v
}

// NewListingView returns the JSON view of l; full adds its description.
func NewListingView(l *Listing, full bool) ListingView {
	imgs := make([]string, 0, len(l.Images))
	for _, im := range l.Images {
		imgs = append(imgs, im.URL)
	}
	var price *Amount
	if l.HasPrice {
		p := l.Price
		price = &p
	}
	v := ListingView{Site: l.Site, ListingID: l.ID, URL: l.URL, Title: l.Title, Price: price, Currency: l.Currency,
		SellerID: l.SellerID, SellerName: l.SellerName, Images: imgs, Removed: l.Removed}
	if full {
		v.Description = l.Description
	}
	return v
}

// RFC3339 formats t in UTC as RFC 3339, or "" for the zero time.
func RFC3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
