package web

import (
	"net/http"
	"slices"

	"github.com/shadowscan/shadowscan"
)

// queueData is the review queue page's content.
type queueData struct {
	Query      queueQuery
	Values     map[string][]string
	Hits       []queueRow
	Total      int
	Page       int
	Pages      int
	First      int
	Last       int
	Statuses   []shadowscan.Status
	Categories []shadowscan.Category
	Brands     []string
	Sites      []string
	// SortCapped is set when last-seen sorting was refused because the
	// result set is too large to sort in memory.
	SortCapped bool
}

// queueRow is one hit in the queue, with what explains it at a glance:
// the matched product's list and floor price and official photo, and the
// strongest reasons.
type queueRow struct {
	shadowscan.Hit
	Allowed []shadowscan.Status
	// Product is the matched catalogue product, nil when none.
	Product *shadowscan.Product
	// Official is the index of the product's first stored photo, -1 when
	// it has none.
	Official int
	// Comparable: the listing price and the product's prices share a
	// currency.
	Comparable bool
	// Chips are the reasons with the most points, at most maxChips.
	Chips []shadowscan.Reason
}

// maxChips is how many reasons a queue row shows.
const maxChips = 3

// newQueueRow explains h with the catalogue's products (by SKU).
func newQueueRow(h shadowscan.Hit, allowed []shadowscan.Status, products map[string]*shadowscan.Product) queueRow {
	row := queueRow{Hit: h, Allowed: allowed, Official: -1}
	if p := products[h.SKU]; p != nil {
		row.Product = p
		for i := range p.Images {
			if p.Images[i].SHA256 != "" {
				row.Official = i
				break
			}
		}
		row.Comparable = h.Listing.HasPrice && p.Price > 0 && (h.Listing.Currency == "" || h.Listing.Currency == p.Currency)
	}
	chips := slices.Clone(h.Reasons)
	slices.SortStableFunc(chips, func(a, b shadowscan.Reason) int { return b.Points - a.Points })
	row.Chips = chips[:min(len(chips), maxChips)]
	return row
}

// queueHits returns the page of hits q selects and the total. The count
// and the page each walk the store's index, so they run side by side.
// Sorting by last seen sorts at most maxSortByLastSeen hits in memory;
// past that it falls back to score order and reports capped.
func (s *Server) queueHits(r *http.Request, q queueQuery) (hits []shadowscan.Hit, total int, capped bool, err error) {
	ctx := r.Context()
	if q.Sort == "last_seen" {
		total, err = s.store.HitCount(ctx, q.Filter)
		if err != nil {
			return nil, 0, false, err
		}
		if total <= maxSortByLastSeen {
			all := q.Filter
			all.Limit, all.Offset = 0, 0
			hs, err := s.store.Hits(ctx, all)
			if err != nil {
				return nil, 0, false, err
			}
			slices.SortStableFunc(hs, func(a, b shadowscan.Hit) int { return b.LastSeen.Compare(a.LastSeen) })
			lo := min(q.Filter.Offset, len(hs))
			hi := min(lo+q.Filter.Limit, len(hs))
			return hs[lo:hi], total, false, nil
		}
		hits, err = s.store.Hits(ctx, q.Filter)
		return hits, total, true, err
	}
	var countErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		total, countErr = s.store.HitCount(ctx, q.Filter)
	}()
	hits, err = s.store.Hits(ctx, q.Filter)
	<-done
	if err == nil {
		err = countErr
	}
	if err != nil {
		return nil, 0, false, err
	}
	return hits, total, false, nil
}

func (s *Server) handleQueue(w http.ResponseWriter, r *http.Request) {
	q, err := parseQueueQuery(r.URL.Query(), false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	hits, total, capped, err := s.queueHits(r, q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	// The filter choices come from the catalogue and the site rules, not
	// from counting hits: the queue must not read every hit.
	cat, err := s.store.Catalog(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := queueData{Query: q, Values: q.values(), Total: total, Page: q.Page, SortCapped: capped,
		Statuses: shadowscan.Statuses, Categories: shadowscan.Categories, Sites: s.cfg.Sites}
	for _, b := range cat.Brands {
		d.Brands = append(d.Brands, b.ID)
	}
	d.Pages = (total + q.Filter.Limit - 1) / q.Filter.Limit
	d.First = q.Filter.Offset + 1
	d.Last = q.Filter.Offset + len(hits)
	products := make(map[string]*shadowscan.Product, len(cat.Products))
	for i := range cat.Products {
		products[cat.Products[i].SKU] = &cat.Products[i]
	}
	for _, h := range hits {
		d.Hits = append(d.Hits, newQueueRow(h, s.movesFor(r, h.Status), products))
	}
	data := s.page(w, r, "Review queue", "queue")
	data.Data = d
	s.render(w, r, "queue", data)
}
