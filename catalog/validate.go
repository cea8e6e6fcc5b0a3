package catalog

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// currencyHints maps common non-ISO currency names to their ISO code.
var currencyHints = map[string]string{"RMB": "CNY", "NTD": "TWD", "NT": "TWD", "YUAN": "CNY", "US": "USD"}

// validate checks every brand and product, recording all errors.
func (p *parser) validate() {
	known := map[string]bool{}
	for _, b := range p.brands {
		if !b.missing {
			p.validateBrand(b)
		}
		known[b.b.ID] = true
	}
	skus := map[string]*productDoc{}
	for _, d := range p.products {
		p.validateProduct(d)
		if d.p.SKU == "" {
			continue
		}
		if first, dup := skus[d.p.SKU]; dup {
			item := ""
			if first.prefix != "" { // YAML and JSON items have a name; CSV rows only a line
				item = " (" + first.at.field + ")"
			}
			p.errorf(d.where("sku"), "a SKU used once per catalogue",
				"%s is a duplicate: first on line %d%s, again on line %d", d.p.SKU, first.where("sku").line, item, d.where("sku").line)
			continue
		}
		skus[d.p.SKU] = d
	}
}

func (p *parser) validateBrand(d *brandDoc) {
	b := &d.b
	n := len(p.errs)
	switch {
	case b.ID == "":
		p.missing(d.where("id"), "a key of [a-z0-9-] such as aurora")
	case !shadowscan.ValidID(b.ID):
		p.errorf(d.where("id"), "lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters, such as aurora-wellness", "%q is not a valid brand id", b.ID)
	}
	if b.Name == "" {
		p.missing(d.where("name"), "the brand's display name")
	}
	check := func(key string, refs []shadowscan.SellerRef) {
		for i, r := range refs {
			at := d.where(fmt.Sprintf("%s[%d]", key, i))
			switch {
			case r.Site == "" || r.SellerID == "":
				if !p.reported[at] { // else a part was refused for its type
					p.errorf(at, "{site: demo-market, seller_id: shop-1187}", "needs both site and seller_id")
				}
			case !shadowscan.ValidID(r.Site):
				p.errorf(at, "a site name of [a-z0-9-] as in the site rules, such as demo-market", "site %q is not a valid site name", r.Site)
			}
		}
	}
	check("official_sellers", b.OfficialSellers)
	check("authorized_sellers", b.AuthorizedSellers)
	for _, o := range b.OfficialSellers {
		for i, a := range b.AuthorizedSellers {
			if o.Site == a.Site && o.SellerID == a.SellerID {
				p.errorf(d.where(fmt.Sprintf("authorized_sellers[%d]", i)), "each shop in one list only", "%s is also an official seller", a)
			}
		}
	}
	// The root type's own rules are the last word on what a brand is.
	if len(p.errs) == n && !d.bad {
		p.rootError(b.Validate(), d.at)
	}
}

func (p *parser) validateProduct(d *productDoc) {
	pr := &d.p
	n := len(p.errs)
	if pr.SKU == "" {
		p.missing(d.where("sku"), "the brand's SKU, such as AUR-PROT-500")
	}
	if pr.Name == "" {
		p.missing(d.where("name"), "the official product name")
	}
	priceOK := d.hasPrice
	switch {
	case !d.hasPrice:
		if !d.priceBad { // an unreadable price was reported where it was read
			p.missing(d.where("price"), "the list price, a decimal number such as 298.00")
		}
	case pr.Price < 0:
		priceOK = false
		p.errorf(d.where("price"), "a decimal number of 0 or more, such as 298.00", "%s is negative", pr.Price)
	}
	switch {
	case pr.MinPrice < 0:
		p.errorf(d.where("min_price"), "a decimal number of 0 or more, at or under price", "%s is negative", pr.MinPrice)
	case priceOK && pr.MinPrice > pr.Price:
		p.errorf(d.where("min_price"), "a floor at or under the list price", "%s is above price %s", pr.MinPrice, pr.Price)
	}
	p.validateFloors(d, priceOK)
	switch c := pr.Currency; {
	case c == "":
		p.missing(d.where("currency"), "an upper-case ISO 4217 code such as CNY, USD or EUR")
	case shadowscan.ValidCurrency(c):
	case shadowscan.ValidCurrency(strings.ToUpper(c)):
		p.errorf(d.where("currency"), "an upper-case ISO 4217 code such as CNY, USD or EUR", "%q is not upper case; write %s", c, strings.ToUpper(c))
	case currencyHints[strings.ToUpper(c)] != "":
		p.errorf(d.where("currency"), "an upper-case ISO 4217 code such as CNY, USD or EUR", "%q is not an ISO 4217 code; did you mean %s?", c, currencyHints[strings.ToUpper(c)])
	default:
		p.errorf(d.where("currency"), "an upper-case ISO 4217 code such as CNY, USD or EUR", "%q is not a known currency code", c)
	}
	if len(p.errs) == n && !d.bad {
		p.rootError(pr.Validate(), d.at)
	}
}

// rootError records an error from a root type's Validate, placed at the
// field it names within at.
func (p *parser) rootError(err error, at pos) {
	if err == nil {
		return
	}
	fe := &shadowscan.FieldError{}
	if !errors.As(err, &fe) {
		p.errorf(at, "", "%v", err)
		return
	}
	field := fe.Field
	if at.field != "" && at.field != "row" && !strings.HasPrefix(field, at.field) {
		field = at.field + "." + strings.TrimPrefix(field, "brand.")
	}
	p.errorf(pos{field: field, line: at.line}, fe.Accepted, "%s", fe.Msg)
}
