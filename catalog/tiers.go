package catalog

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
)

// Distributor tiers and regions: an authorised seller may carry a tier
// and a region ({site, seller_id, tier, region}, or
// "site:seller_id;tier=gold;region=上海" in a list or a CSV cell), and a
// product floors by tier and by region (min_price_by_tier: {gold: 250},
// or "gold=250|silver=268" in CSV). min_price stays the floor of the
// others.

const sellerRefAccepted = "{site: demo-market, seller_id: shop-1187, tier: gold, region: 上海} or demo-market:shop-1187;tier=gold;region=上海"

// parseSellerRef reads "site:seller_id", optionally followed by
// ";tier=NAME" and ";region=NAME".
func parseSellerRef(s string) (shadowscan.SellerRef, error) {
	parts := strings.Split(strings.TrimSpace(s), ";")
	site, id, ok := strings.Cut(parts[0], ":")
	site, id = strings.TrimSpace(site), strings.TrimSpace(id)
	if !ok || site == "" || id == "" {
		return shadowscan.SellerRef{}, fmt.Errorf("%q is not site:seller_id", parts[0])
	}
	ref := shadowscan.SellerRef{Site: site, SellerID: id}
	for _, attr := range parts[1:] {
		k, v, _ := strings.Cut(attr, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case v == "" && (k == "tier" || k == "region"):
			return ref, fmt.Errorf("%s in %q is empty", k, s)
		case k == "tier":
			ref.Tier = v
		case k == "region":
			ref.Region = v
		default:
			return ref, fmt.Errorf("%q in %q is not tier=NAME or region=NAME", attr, s)
		}
	}
	return ref, nil
}

// sellerRefString writes ref in the form parseSellerRef reads.
func sellerRefString(r shadowscan.SellerRef) string {
	s := r.Site + ":" + r.SellerID
	if r.Tier != "" {
		s += ";tier=" + r.Tier
	}
	if r.Region != "" {
		s += ";region=" + r.Region
	}
	return s
}

// floors reads a mapping of tier or region names to floors.
func (p *parser) floors(n *yaml.Node, at pos, d *productDoc) map[string]shadowscan.Amount {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(at, "a mapping of names to floors, such as {gold: 250.00, silver: 268.00}", "is a %s, not a mapping", kindName(n))
		return nil
	}
	out := map[string]shadowscan.Amount{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		name := strings.TrimSpace(k.Value)
		kat := pos{field: at.field + "." + name, line: k.Line}
		if k.Kind != yaml.ScalarNode || name == "" {
			p.errorf(pos{field: at.field, line: k.Line}, "tier or region names, such as gold", "has an empty or non-text name")
			continue
		}
		if _, dup := out[name]; dup {
			p.errorf(kat, "each name once", "is repeated")
			continue
		}
		d.keys[strings.TrimPrefix(kat.field, d.prefix)] = kat
		if a, ok, _ := p.amount(n.Content[i+1], kat); ok {
			out[name] = a
		}
	}
	return out
}

// csvFloors reads "gold=250|silver=268".
func (p *parser) csvFloors(cell string, at pos) map[string]shadowscan.Amount {
	items := splitList(cell)
	if len(items) == 0 {
		return nil
	}
	out := map[string]shadowscan.Amount{}
	for _, it := range items {
		name, val, ok := strings.Cut(it, "=")
		name, val = strings.TrimSpace(name), strings.TrimSpace(val)
		iat := pos{field: at.field + "." + name, line: at.line}
		if !ok || name == "" {
			p.errorf(pos{field: at.field, line: at.line}, "NAME=FLOOR items separated by |, such as gold=250|silver=268", "%q is not NAME=FLOOR", it)
			continue
		}
		if _, dup := out[name]; dup {
			p.errorf(iat, "each name once", "is repeated")
			continue
		}
		a, err := parseAmount(val)
		if err != nil {
			p.errorf(iat, "a decimal number such as 298 or 298.00", "%v", err)
			continue
		}
		out[name] = a
	}
	return out
}

// validateFloors checks each tier and region floor of d against the list
// price, naming the floor.
func (p *parser) validateFloors(d *productDoc, priceOK bool) {
	pr := &d.p
	for _, fl := range []struct {
		key    string
		floors map[string]shadowscan.Amount
	}{{"min_price_by_tier", pr.TierFloors}, {"min_price_by_region", pr.RegionFloors}} {
		for _, name := range slices.Sorted(maps.Keys(fl.floors)) {
			a, at := fl.floors[name], d.where(fl.key+"."+name)
			switch {
			case a < 0:
				p.errorf(at, "a decimal number of 0 or more, at or under price", "%s is negative", a)
			case priceOK && a > pr.Price:
				p.errorf(at, "a floor at or under the list price", "%s is above price %s", a, pr.Price)
			}
		}
	}
}

// hasShop reports whether refs names the shop of s, whatever its tier
// and region: a shop whose tier changed is the same shop.
func hasShop(refs []shadowscan.SellerRef, s shadowscan.SellerRef) bool {
	return slices.ContainsFunc(refs, func(r shadowscan.SellerRef) bool { return r.Site == s.Site && r.SellerID == s.SellerID })
}

// diffTiers records authorised sellers whose tier or region changed.
func diffTiers(d *BrandDiff, old, cur []shadowscan.SellerRef) {
	for _, o := range old {
		for _, n := range cur {
			if o.Site == n.Site && o.SellerID == n.SellerID && (o.Tier != n.Tier || o.Region != n.Region) {
				d.Changed = append(d.Changed, Item{"authorised seller", fmt.Sprintf("%s tier %q → %q, region %q → %q", n, o.Tier, n.Tier, o.Region, n.Region)})
			}
		}
	}
}

// diffFloors records tier and region floors added, changed and removed.
func diffFloors(d *BrandDiff, of string, op, np *shadowscan.Product) {
	for _, fl := range []struct {
		what     string
		old, cur map[string]shadowscan.Amount
	}{{"tier floor", op.TierFloors, np.TierFloors}, {"region floor", op.RegionFloors, np.RegionFloors}} {
		for _, name := range slices.Sorted(maps.Keys(fl.old)) {
			a, ok := fl.cur[name]
			switch {
			case !ok:
				d.Removed = append(d.Removed, Item{fl.what + " " + name + of, fl.old[name].Format(op.Currency)})
			case a != fl.old[name]:
				d.Changed = append(d.Changed, Item{fl.what + " " + name + of, fl.old[name].Format(op.Currency) + " → " + a.Format(np.Currency)})
			}
		}
		for _, name := range slices.Sorted(maps.Keys(fl.cur)) {
			if _, ok := fl.old[name]; !ok {
				d.Added = append(d.Added, Item{fl.what + " " + name + of, fl.cur[name].Format(np.Currency)})
			}
		}
	}
}
