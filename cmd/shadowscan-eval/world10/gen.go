package world10

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"strings"
)

// gen generates one site's listings.
type gen struct {
	r        *rand.Rand
	w        *world
	site     string
	ids      map[string]bool
	ls       []*listing
	privates []*seller
}

func (g *gen) pick(xs []string) string      { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool        { return g.r.Float64() < p }
func (g *gen) between(a, b float64) float64 { return a + g.r.Float64()*(b-a) }

func (g *gen) pickProduct(b *brand) *product {
	// the first products of a brand are its best sellers
	n := len(b.Products)
	i := int(math.Floor(math.Pow(g.r.Float64(), 1.3) * float64(n)))
	if i >= n {
		i = n - 1
	}
	return b.Products[i]
}

func (g *gen) pickSeller(ss []*seller) *seller { return ss[g.r.IntN(len(ss))] }

func (g *gen) newID() string {
	for {
		var id string
		if g.site == siteJP {
			id = fmt.Sprintf("m%011d", g.r.Int64N(1e11))
		} else {
			id = fmt.Sprint(3_100_000_000 + g.r.Int64N(900_000_000))
		}
		if !g.ids[id] {
			g.ids[id] = true
			return id
		}
	}
}

func (g *gen) add(l *listing) *listing {
	l.Site = g.site
	l.ID = g.newID()
	if g.site == siteJP {
		l.Path = "/item/" + l.ID
	} else {
		l.Slug = slugify(l.Title)
		l.Path = "/items/" + l.ID + "-" + l.Slug
	}
	if l.Age == 0 {
		l.Age = 1 + g.r.IntN(400)
	}
	g.ls = append(g.ls, l)
	return l
}

// official photo as is, or altered as resellers and counterfeiters do.
func (g *gen) photoOfficial(sku string, alter bool, mark string) photo {
	ph := photo{Kind: phOfficial, SKU: sku, Seed: g.r.Uint64()}
	if !alter {
		if g.chance(0.3) {
			ph.Quality = 70 + g.r.IntN(20)
		}
		return ph
	}
	n := 0
	for n == 0 {
		if g.chance(0.45) {
			ph.Crop, ph.CropSide, n = g.between(0.05, 0.15), g.r.IntN(3), n+1
		}
		if g.chance(0.3) {
			ph.Border, ph.BorderCol, n = 12+g.r.IntN(30), []color.RGBA{rgb(255, 255, 255), rgb(230, 30, 40), rgb(20, 20, 20), rgb(250, 210, 60)}[g.r.IntN(4)], n+1
		}
		if mark != "" && g.chance(0.4) {
			ph.Mark, n = mark, n+1
		}
		if g.chance(0.3) {
			ph.Shift, n = [3]int{g.r.IntN(41) - 20, g.r.IntN(41) - 20, g.r.IntN(41) - 20}, n+1
		}
		if g.chance(0.3) {
			ph.Quality, n = 12+g.r.IntN(20), n+1
		}
		if g.chance(0.1) {
			ph.Flip, n = true, n+1
		}
	}
	return ph
}

func (g *gen) photoOwn(sku string) photo {
	return photo{Kind: phOwn, SKU: sku, Seed: g.r.Uint64(), Quality: 60 + g.r.IntN(30)}
}

func (g *gen) photoOther(kind int) photo {
	return photo{Kind: kind, Seed: g.r.Uint64(), PNG: kind == phDoc && g.chance(0.5)}
}

func (g *gen) ownPhotos(sku string, n int) []photo {
	out := make([]photo, n)
	for i := range out {
		out[i] = g.photoOwn(sku)
	}
	return out
}

func flagged(cat, brand, sku, why string) Label {
	return Label{Flagged: true, Category: cat, Brand: brand, SKU: sku, Why: why}
}

func clean(brand, sku, why string) Label { return Label{Brand: brand, SKU: sku, Why: why} }

func fill(tmpl string, kv ...string) string {
	return strings.NewReplacer(kv...).Replace(tmpl)
}
