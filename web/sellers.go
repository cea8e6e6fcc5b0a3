package web

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// sellersPerPage is how many sellers a page shows.
const sellersPerPage = 25

// maxStatusWalkHits bounds the fallback that counts each seller's hits by
// status from the hits themselves when the store's counts lack
// BySellerStatus: above it the page shows totals only, and cannot tell
// repeat offenders.
const maxStatusWalkHits = 20_000

// SellerRow is one seller's hits: the total and a count per status, and
// what the catalogue says of the shop.
type SellerRow struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
	Total    int    `json:"total"`
	// ByStatus is nil when the counts by status were not made (a large
	// store without per-seller status counts).
	ByStatus map[shadowscan.Status]int `json:"by_status"`
	// Offences counts the hits confirmed or later
	// (shadowscan.OffenceStatuses); RepeatOffender is Offences > 0. Both
	// are zero when ByStatus is nil.
	Offences       int  `json:"offences"`
	RepeatOffender bool `json:"repeat_offender"`
	// Role is "official" or "authorized" when some brand of the catalogue
	// names the shop so, else "unknown" (shopRoles).
	Role string `json:"role"`
	// Brands names the brands that name the shop official or authorised.
	Brands []string `json:"brands,omitempty"`
}

// sellersData is the sellers page's content.
type sellersData struct {
	Sellers  []SellerRow
	Statuses []shadowscan.Status
	Total    int
	Page     int
	Pages    int
	// Offenders counts the repeat offenders among all sellers.
	Offenders int
}

// sellerRows returns every seller with hits, repeat offenders first (the
// most offences first), then by hits, then by key, each with its counts
// by status and its role in the catalogue.
func (s *Server) sellerRows(ctx context.Context) ([]SellerRow, error) {
	c, err := s.store.HitCounts(ctx)
	if err != nil {
		return nil, err
	}
	byStatus := c.BySellerStatus
	if byStatus == nil && c.Total <= maxStatusWalkHits {
		if byStatus, err = s.countBySellerStatus(ctx); err != nil {
			return nil, err
		}
	}
	cat, err := s.store.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	roles := catalogRoles(cat)
	rows := make([]SellerRow, 0, len(c.BySeller))
	for key, n := range c.BySeller {
		site, seller, _ := strings.Cut(key, "/")
		r := SellerRow{Site: site, SellerID: seller, Total: n, Role: roleUnknown}
		if sr := roles[key]; sr != nil {
			r.Role, r.Brands = sr.role, sr.brands
		}
		if byStatus != nil {
			r.ByStatus = map[shadowscan.Status]int{}
			for st, k := range byStatus[key] {
				r.ByStatus[st] = k
				if st.Offence() {
					r.Offences += k
				}
			}
			r.RepeatOffender = r.Offences > 0
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b SellerRow) int {
		return cmp.Or(
			cmp.Compare(b.Offences, a.Offences),
			cmp.Compare(b.Total, a.Total),
			cmp.Compare(a.Site, b.Site),
			cmp.Compare(a.SellerID, b.SellerID),
		)
	})
	return rows, nil
}

// countBySellerStatus counts every seller's hits by status from the hits,
// for a store whose counts lack BySellerStatus (a small one: the caller
// checks the total).
func (s *Server) countBySellerStatus(ctx context.Context) (map[string]map[shadowscan.Status]int, error) {
	hits, err := s.store.Hits(ctx, shadowscan.HitFilter{})
	if err != nil {
		return nil, err
	}
	out := map[string]map[shadowscan.Status]int{}
	for i := range hits {
		l := &hits[i].Listing
		if l.SellerID == "" {
			continue
		}
		key := shadowscan.ShopKey(l.Site, l.SellerID)
		if out[key] == nil {
			out[key] = map[shadowscan.Status]int{}
		}
		out[key][hits[i].Status]++
	}
	return out, nil
}

// Shop roles as the seller pages name them.
const (
	roleOfficial   = "official"
	roleAuthorized = "authorized"
	roleUnknown    = "unknown"
)

// shopRole is what the catalogue says of one shop across its brands.
type shopRole struct {
	role   string
	brands []string
}

// catalogRoles maps each shop the catalogue names ("site/seller_id") to
// its role: official when a brand names it official, else authorised.
func catalogRoles(cat *shadowscan.Catalog) map[string]*shopRole {
	out := map[string]*shopRole{}
	add := func(ref shadowscan.SellerRef, brand, role string) {
		key := shadowscan.ShopKey(ref.Site, ref.SellerID)
		r := out[key]
		if r == nil {
			r = &shopRole{role: role}
			out[key] = r
		}
		if role == roleOfficial {
			r.role = roleOfficial
		}
		if !slices.Contains(r.brands, brand) {
			r.brands = append(r.brands, brand)
		}
	}
	for _, b := range cat.Brands {
		for _, ref := range b.OfficialSellers {
			add(ref, b.ID, roleOfficial)
		}
		for _, ref := range b.AuthorizedSellers {
			add(ref, b.ID, roleAuthorized)
		}
	}
	for _, r := range out {
		slices.Sort(r.brands)
	}
	return out
}

// sellerPage returns one page of sellerRows and the number of sellers and
// of repeat offenders.
func (s *Server) sellerPage(r *http.Request, page, per int) (rows []SellerRow, total, offenders int, err error) {
	all, err := s.sellerRows(r.Context())
	if err != nil {
		return nil, 0, 0, err
	}
	for _, row := range all {
		if row.RepeatOffender {
			offenders++
		}
	}
	lo := min((page-1)*per, len(all))
	hi := min(lo+per, len(all))
	return all[lo:hi], len(all), offenders, nil
}

func parsePage(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxOffset {
		return 0, &shadowscan.FieldError{Field: "page", Msg: strconv.Quote(v) + " is not valid", Accepted: "a page number from 1"}
	}
	return n, nil
}

func (s *Server) handleSellers(w http.ResponseWriter, r *http.Request) {
	page, err := parsePage(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	rows, total, offenders, err := s.sellerPage(r, page, sellersPerPage)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := sellersData{Sellers: rows, Statuses: shadowscan.Statuses, Total: total, Page: page, Pages: (total + sellersPerPage - 1) / sellersPerPage, Offenders: offenders}
	data := s.page(w, r, "Sellers", "sellers")
	data.Data = d
	s.render(w, r, "sellers", data)
}
