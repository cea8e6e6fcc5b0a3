package shadowscan

import (
	"fmt"
	"slices"
	"strings"
)

// A brand's distributors may be held to different floors by tier (a
// gold distributor may sell lower than a member) and by region, and may
// sell only in their region: stock shipped from elsewhere is diverted,
// which takes the legal route of tampered codes (distribution contract,
// unfair competition), not an IP complaint.

// Authorized returns the authorised seller entry of sellerID on site.
func (b *Brand) Authorized(site, sellerID string) (SellerRef, bool) {
	for _, s := range b.AuthorizedSellers {
		if sellerID != "" && s.Site == site && s.SellerID == sellerID {
			return s, true
		}
	}
	return SellerRef{}, false
}

// FloorFor returns the floor that binds authorised seller s for p, and
// what set it ("tier gold", "region 上海, tier gold" ...; "" for
// MinPrice). A seller bound by a tier floor and a region floor is held
// to the higher: it has to respect both. Zero means no floor.
func (p *Product) FloorFor(s SellerRef) (Amount, string) {
	var floor Amount
	var by []string
	if a, ok := p.TierFloors[s.Tier]; ok && s.Tier != "" {
		floor = a
		by = append(by, "tier "+s.Tier)
	}
	if a, ok := p.RegionFloors[s.Region]; ok && s.Region != "" {
		switch {
		case len(by) == 0 || a > floor:
			floor, by = a, []string{"region " + s.Region}
		case a == floor:
			by = append(by, "region "+s.Region)
		}
	}
	if len(by) == 0 {
		return p.MinPrice, ""
	}
	return floor, strings.Join(by, ", ")
}

// floorsError checks the tier and region floors: named, 0 or more, and
// not above the list price.
func (p *Product) floorsError() error {
	for _, fl := range []struct {
		field  string
		floors map[string]Amount
	}{{"min_price_by_tier", p.TierFloors}, {"min_price_by_region", p.RegionFloors}} {
		names := make([]string, 0, len(fl.floors))
		for n := range fl.floors {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			a := fl.floors[n]
			switch {
			case strings.TrimSpace(n) == "":
				return &FieldError{Field: fl.field, Msg: "has an empty name", Accepted: "tier or region names, such as gold: 250.00"}
			case a < 0:
				return &FieldError{Field: fl.field + "." + n, Msg: fmt.Sprintf("%s is negative", a), Accepted: "a decimal number of 0 or more"}
			case p.Price > 0 && a > p.Price:
				return &FieldError{Field: fl.field + "." + n, Msg: fmt.Sprintf("%s is above price %s", a, p.Price), Accepted: "a floor at or under the list price"}
			}
		}
	}
	return nil
}

// InRegion reports whether a listing shipping from shipFrom (the page's
// 发货地, e.g. "浙江 杭州") is within region (e.g. "浙江", "浙江省",
// "Shanghai"). Several places may be given as "上海|江苏|浙江". Case,
// spaces and the suffixes 省, 市 and 自治区 are ignored. An empty
// shipFrom or region says nothing: it is within.
func InRegion(region, shipFrom string) bool {
	where := placeKey(shipFrom)
	if region == "" || where == "" {
		return true
	}
	for _, r := range strings.Split(region, "|") {
		if k := placeKey(r); k != "" && strings.Contains(where, k) {
			return true
		}
	}
	return false
}

// placeKey folds a place name for InRegion.
func placeKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	for _, suf := range []string{"自治区", "省", "市"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}
