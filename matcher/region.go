package matcher

import (
	"github.com/shadowscan/shadowscan"
)

// An authorised seller is held to its own floor (its tier's or its
// region's, else the product's min_price: shadowscan.Product.FloorFor),
// and to its region: a listing shipping from outside it is stock
// diverted across regions, which goes down the legal route of tampered
// codes (the distribution contract), so it is categorised code_tampered.

// floorOf returns p as the authorised seller of the listing is judged
// against it: with MinPrice set to that seller's own floor. For other
// sellers, or a seller with no tier or region floor, it is p.
func (j *judgement) floorOf(p *shadowscan.Product) *shadowscan.Product {
	if j.role != shadowscan.RoleAuthorized || p == nil {
		return p
	}
	ref, _ := j.brand.Authorized(j.l.Site, j.l.SellerID)
	floor, by := p.FloorFor(ref)
	if by == "" {
		return p
	}
	q := *p
	q.MinPrice = floor
	j.add("price", 0, "seller %s's floor for %s is %s (%s), not min_price %s", j.l.SellerID, p.SKU,
		floor.Format(p.Currency), by, p.MinPrice.Format(p.Currency))
	return &q
}

// floorsOf is floorOf for each of near twins.
func (j *judgement) floorsOf(ps []*shadowscan.Product) []*shadowscan.Product {
	out := make([]*shadowscan.Product, len(ps))
	for i, p := range ps {
		out[i] = j.floorOf(p)
	}
	return out
}

// region flags an authorised seller's offer shipped from outside the
// seller's region. A page that does not say where it ships from, or a
// seller with no region, says nothing.
func (j *judgement) region() {
	if j.role != shadowscan.RoleAuthorized || !j.subject() || !j.offer || j.l.ShipFrom == "" {
		return
	}
	ref, _ := j.brand.Authorized(j.l.Site, j.l.SellerID)
	if ref.Region == "" || shadowscan.InRegion(ref.Region, j.l.ShipFrom) {
		return
	}
	points, note := j.points(j.w.CodeTampered)
	j.diverted = true
	j.add("region", points, "ships from %s, outside seller %s's region %s: stock diverted across regions%s",
		j.l.ShipFrom, j.l.SellerID, ref.Region, note)
}
