package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// sellersPerPage is how many sellers a page shows.
const sellersPerPage = 25

// maxStatusWalkHits bounds the fallback that counts each seller's hits by
// status with HitCount (an index walk per status and seller) when the
// store's counts lack BySellerStatus: above it the page shows totals only.
const maxStatusWalkHits = 20_000

// SellerRow is one seller's hits: the total and a count per status.
type SellerRow struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
	Total    int    `json:"total"`
	// ByStatus is nil when the counts by status were not made (a large
	// store without per-seller status counts).
	ByStatus map[shadowscan.Status]int `json:"by_status"`
}

// sellersData is the sellers page's content.
type sellersData struct {
	Sellers  []SellerRow
	Statuses []shadowscan.Status
	Total    int
	Page     int
	Pages    int
}

// sellerPage returns one page of sellers, most hits first (repeat
// offenders first), each with its counts by status.
func (s *Server) sellerPage(r *http.Request, page, per int) ([]SellerRow, int, error) {
	ctx := r.Context()
	c, err := s.store.HitCounts(ctx)
	if err != nil {
		return nil, 0, err
	}
	rows := sortedCounts(c.BySeller)
	lo := min((page-1)*per, len(rows))
	hi := min(lo+per, len(rows))
	out := make([]SellerRow, 0, hi-lo)
	for _, row := range rows[lo:hi] {
		site, seller, _ := strings.Cut(row.Key, "/")
		sr := SellerRow{Site: site, SellerID: seller, Total: row.Count}
		if c.BySellerStatus == nil && c.Total > maxStatusWalkHits {
			out = append(out, sr)
			continue
		}
		sr.ByStatus = map[shadowscan.Status]int{}
		if c.BySellerStatus != nil {
			for st, n := range c.BySellerStatus[row.Key] {
				sr.ByStatus[st] = n
			}
			out = append(out, sr)
			continue
		}
		for _, st := range shadowscan.Statuses {
			n, err := s.store.HitCount(ctx, shadowscan.HitFilter{Status: st, Site: site, SellerID: seller})
			if err != nil {
				return nil, 0, err
			}
			if n > 0 {
				sr.ByStatus[st] = n
			}
		}
		out = append(out, sr)
	}
	return out, len(rows), nil
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
	rows, total, err := s.sellerPage(r, page, sellersPerPage)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := sellersData{Sellers: rows, Statuses: shadowscan.Statuses, Total: total, Page: page, Pages: (total + sellersPerPage - 1) / sellersPerPage}
	data := s.page(w, r, "Sellers", "sellers")
	data.Data = d
	s.render(w, r, "sellers", data)
}
