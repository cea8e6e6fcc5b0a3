package web

import (
	"net/http"

	"github.com/shadowscan/shadowscan"
)

// catalogData is the catalogue page's content.
type catalogData struct {
	Brands   []brandRow
	Products int
}

type brandRow struct {
	shadowscan.Brand
	Products []shadowscan.Product
}

func (s *Server) handleCatalog(w http.ResponseWriter, r *http.Request) {
	cat, err := s.store.Catalog(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := catalogData{Products: len(cat.Products)}
	for _, b := range cat.Brands {
		row := brandRow{Brand: b}
		for _, p := range cat.Products {
			if p.BrandID == b.ID {
				row.Products = append(row.Products, p)
			}
		}
		d.Brands = append(d.Brands, row)
	}
	data := s.page(w, r, "Catalogue", "catalog")
	data.Data = d
	s.render(w, r, "catalog", data)
}
