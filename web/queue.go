package web

import (
	"net/http"
	"slices"
	"strings"

	"golang.org/x/text/width"

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
	// SearchCapped is set when the text search read only the maxSearch
	// highest-scoring hits.
	SearchCapped bool
	// MaxSearch is maxSearch, for the notice.
	MaxSearch int
	// QueryString is the query in its canonical form (Values encoded),
	// what a saved filter of this view stores.
	QueryString string
	// SavedFilters are the user's own and the shared saved filters.
	SavedFilters []SavedFilterView
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
	// LastBy is who made the latest status change, "" when none was made
	// by hand yet.
	LastBy string
}

// maxChips is how many reasons a queue row shows.
const maxChips = 3

// newQueueRow explains h with the catalogue's products (by SKU).
func newQueueRow(h shadowscan.Hit, allowed []shadowscan.Status, products map[string]*shadowscan.Product) queueRow {
	row := queueRow{Hit: h, Allowed: allowed, Official: -1}
	if p := products[h.SKU]; p != nil {
		row.Product = p
		if ph := storedPhotos(p); len(ph) > 0 {
			row.Official = ph[0]
		}
		row.Comparable = comparablePrice(&h, p)
	}
	if n := len(h.History); n > 0 && h.History[n-1].From != "" {
		row.LastBy = h.History[n-1].By
	}
	chips := slices.Clone(h.Reasons)
	slices.SortStableFunc(chips, func(a, b shadowscan.Reason) int { return b.Points - a.Points })
	row.Chips = chips[:min(len(chips), maxChips)]
	return row
}

// queueResult is a page of the queue.
type queueResult struct {
	Hits  []shadowscan.Hit
	Total int
	// SortCapped: sorting by last seen was refused, too many hits match.
	SortCapped bool
	// SearchCapped: the text search looked at the maxSearch
	// highest-scoring hits passing the filters, not at all of them.
	SearchCapped bool
}

// maxSearch is how many hits a text search reads: the store has no text
// index, so a search reads the hits passing the other filters, highest
// score first, and matches them in memory.
const maxSearch = 5000

// queueHits returns the page of hits q selects and the total. The count
// and the page each walk the store's index, so they run side by side.
// Sorting by last seen sorts at most maxSortByLastSeen hits in memory;
// past that it falls back to score order and reports it. A text search
// reads at most maxSearch hits.
func (s *Server) queueHits(r *http.Request, q queueQuery) (queueResult, error) {
	ctx := r.Context()
	if q.Text != "" {
		return s.searchHits(r, q)
	}
	if q.Sort == "last_seen" {
		total, err := s.store.HitCount(ctx, q.Filter)
		if err != nil {
			return queueResult{}, err
		}
		if total <= maxSortByLastSeen {
			all := q.Filter
			all.Limit, all.Offset = 0, 0
			hs, err := s.store.Hits(ctx, all)
			if err != nil {
				return queueResult{}, err
			}
			return queueResult{Hits: pageOf(sortByLastSeen(hs), q.Filter), Total: total}, nil
		}
		hits, err := s.store.Hits(ctx, q.Filter)
		return queueResult{Hits: hits, Total: total, SortCapped: true}, err
	}
	var countErr error
	var total int
	done := make(chan struct{})
	go func() {
		defer close(done)
		total, countErr = s.store.HitCount(ctx, q.Filter)
	}()
	hits, err := s.store.Hits(ctx, q.Filter)
	<-done
	if err == nil {
		err = countErr
	}
	if err != nil {
		return queueResult{}, err
	}
	return queueResult{Hits: hits, Total: total}, nil
}

// searchHits is queueHits with a text search.
func (s *Server) searchHits(r *http.Request, q queueQuery) (queueResult, error) {
	all := q.Filter
	all.Limit, all.Offset = maxSearch+1, 0
	hs, err := s.store.Hits(r.Context(), all)
	if err != nil {
		return queueResult{}, err
	}
	res := queueResult{SearchCapped: len(hs) > maxSearch}
	hs = hs[:min(len(hs), maxSearch)]
	needle := foldText(q.Text)
	matched := hs[:0]
	for _, h := range hs {
		if hitMatchesText(&h, needle) {
			matched = append(matched, h)
		}
	}
	if q.Sort == "last_seen" {
		sortByLastSeen(matched)
	}
	res.Total = len(matched)
	res.Hits = pageOf(matched, q.Filter)
	return res, nil
}

// foldText lowers case and folds full-width forms, so that "ＡＵＲ" finds
// "aur".
func foldText(s string) string { return strings.ToLower(width.Fold.String(s)) }

// hitMatchesText reports whether the folded needle is in the hit's title,
// seller id or name, SKU or listing id.
func hitMatchesText(h *shadowscan.Hit, needle string) bool {
	for _, f := range []string{h.Listing.Title, h.Listing.SellerName, h.Listing.SellerID, h.SKU, h.Listing.ID} {
		if strings.Contains(foldText(f), needle) {
			return true
		}
	}
	return false
}

func sortByLastSeen(hs []shadowscan.Hit) []shadowscan.Hit {
	slices.SortStableFunc(hs, func(a, b shadowscan.Hit) int { return b.LastSeen.Compare(a.LastSeen) })
	return hs
}

// pageOf cuts f's page (Offset, Limit) out of hs.
func pageOf(hs []shadowscan.Hit, f shadowscan.HitFilter) []shadowscan.Hit {
	lo := min(f.Offset, len(hs))
	hi := len(hs)
	if f.Limit > 0 {
		hi = min(lo+f.Limit, len(hs))
	}
	return hs[lo:hi]
}

func (s *Server) handleQueue(w http.ResponseWriter, r *http.Request) {
	q, err := parseQueueQuery(r.URL.Query(), false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	res, err := s.queueHits(r, q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	hits, total := res.Hits, res.Total
	// The filter choices come from the catalogue and the site rules, not
	// from counting hits: the queue must not read every hit.
	cat, err := s.store.Catalog(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	saved, err := s.savedFilterViews(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := queueData{Query: q, Values: q.values(), Total: total, Page: q.Page, SortCapped: res.SortCapped, SearchCapped: res.SearchCapped, MaxSearch: maxSearch,
		Statuses: shadowscan.Statuses, Categories: shadowscan.Categories, Sites: s.cfg.Sites, SavedFilters: saved}
	d.QueryString = q.values().Encode()
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
