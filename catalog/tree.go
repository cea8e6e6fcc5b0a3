package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
	"go.yaml.in/yaml/v3"
)

// The keys each level of a YAML or JSON catalogue accepts.
var (
	rootKeys    = []string{"brand", "products"}
	brandKeys   = []string{"id", "name", "aliases", "official_sellers", "authorized_sellers", "defamation_terms"}
	sellerKeys  = []string{"site", "seller_id", "tier", "region"}
	productKeys = []string{"sku", "name", "aliases", "price", "min_price", "min_price_by_tier", "min_price_by_region", "currency", "images"}
)

// walkRoot reads a YAML or JSON catalogue from its node tree (JSON is
// turned into the same tree with lines, so both share this walker).
func (p *parser) walkRoot(doc *yaml.Node) {
	root := doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			p.errorf(pos{line: 1}, "a brand: mapping and a products: list", "the file is empty")
			return
		}
		root = root.Content[0]
	}
	var brandNode, productsNode *yaml.Node
	var brandKey, productsKey *yaml.Node
	p.mapping(root, "", rootKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "brand":
			brandKey, brandNode = k, v
		case "products":
			productsKey, productsNode = k, v
		}
	})
	if root.Kind != yaml.MappingNode {
		return
	}
	b := &brandDoc{prefix: "brand.", keys: map[string]pos{}}
	p.brands = append(p.brands, b)
	if brandNode == nil || isNull(brandNode) {
		b.at = pos{field: "brand", line: max(1, root.Line)}
		b.missing = true
		if brandKey != nil {
			b.at.line = brandKey.Line
		}
		p.errorf(b.at, "a mapping with id, name, aliases, official_sellers, authorized_sellers and defamation_terms", "is missing")
	} else {
		b.at = pos{field: "brand", line: brandKey.Line}
		// A brand that is not a mapping is reported once, not per field.
		b.missing = resolve(brandNode).Kind != yaml.MappingNode
		n := len(p.errs)
		p.walkBrand(brandNode, b)
		b.bad = len(p.errs) > n
	}
	if productsNode == nil || isNull(productsNode) {
		at := pos{field: "products", line: max(1, root.Line)}
		if productsKey != nil {
			at.line = productsKey.Line
		}
		p.errorf(at, "a list of products, each with sku, name, price, currency", "is missing")
		return
	}
	productsNode = resolve(productsNode)
	if productsNode.Kind != yaml.SequenceNode {
		p.errorf(pos{field: "products", line: productsNode.Line}, "a list of products, each with sku, name, price, currency", "is a %s, not a list", kindName(productsNode))
		return
	}
	if len(productsNode.Content) == 0 {
		p.errorf(pos{field: "products", line: productsKey.Line}, "a list of products, each with sku, name, price, currency", "is empty")
	}
	for i, item := range productsNode.Content {
		d := &productDoc{
			at:     pos{field: fmt.Sprintf("products[%d]", i), line: item.Line},
			prefix: fmt.Sprintf("products[%d].", i),
			keys:   map[string]pos{},
		}
		d.p.BrandID = b.b.ID
		p.products = append(p.products, d)
		n := len(p.errs)
		p.walkProduct(item, d)
		d.bad = len(p.errs) > n
	}
}

func (p *parser) walkBrand(n *yaml.Node, b *brandDoc) {
	p.mapping(n, "brand.", brandKeys, func(key string, k, v *yaml.Node) {
		at := pos{field: "brand." + key, line: k.Line}
		b.keys[key] = at
		switch key {
		case "id":
			b.b.ID = p.str(v, at)
		case "name":
			b.b.Name = p.str(v, at)
		case "aliases":
			b.b.Aliases = p.strList(v, at)
		case "defamation_terms":
			b.b.DefamationTerms = p.strList(v, at)
		case "official_sellers":
			b.b.OfficialSellers = p.sellers(v, at, b)
		case "authorized_sellers":
			b.b.AuthorizedSellers = p.sellers(v, at, b)
		}
	})
}

// sellers reads a list of {site, seller_id} mappings; a "site:seller_id"
// string is accepted too, as in CSV.
func (p *parser) sellers(n *yaml.Node, at pos, b *brandDoc) []shadowscan.SellerRef {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(at, "a list such as [{site: demo-market, seller_id: shop-1187}]", "is a %s, not a list", kindName(n))
		return nil
	}
	var out []shadowscan.SellerRef
	for i, item := range n.Content {
		item = resolve(item)
		iat := pos{field: fmt.Sprintf("%s[%d]", at.field, i), line: item.Line}
		b.keys[strings.TrimPrefix(iat.field, "brand.")] = iat
		var ref shadowscan.SellerRef
		if item.Kind == yaml.ScalarNode && !isNull(item) {
			s, err := parseSellerRef(item.Value)
			if err != nil {
				p.errorf(iat, sellerRefAccepted, "%v", err)
				continue
			}
			out = append(out, s)
			continue
		}
		before := len(p.errs)
		p.mapping(item, iat.field+".", sellerKeys, func(key string, k, v *yaml.Node) {
			switch key {
			case "site":
				ref.Site = p.str(v, pos{field: iat.field + ".site", line: k.Line})
			case "seller_id":
				ref.SellerID = p.str(v, pos{field: iat.field + ".seller_id", line: k.Line})
			case "tier":
				ref.Tier = p.str(v, pos{field: iat.field + ".tier", line: k.Line})
			case "region":
				ref.Region = p.str(v, pos{field: iat.field + ".region", line: k.Line})
			}
		})
		if len(p.errs) > before {
			p.reported[iat] = true // its site or seller_id was refused
		}
		if item.Kind == yaml.MappingNode {
			out = append(out, ref)
		}
	}
	return out
}

func (p *parser) walkProduct(n *yaml.Node, d *productDoc) {
	p.mapping(n, d.prefix, productKeys, func(key string, k, v *yaml.Node) {
		at := pos{field: d.prefix + key, line: k.Line}
		d.keys[key] = at
		switch key {
		case "sku":
			d.p.SKU = p.str(v, at)
		case "name":
			d.p.Name = p.str(v, at)
		case "aliases":
			d.p.Aliases = p.strList(v, at)
		case "currency":
			d.p.Currency = p.str(v, at)
		case "price", "min_price":
			a, ok, bad := p.amount(v, at)
			if bad {
				d.priceBad = d.priceBad || key == "price"
			}
			if !ok {
				return
			}
			if key == "price" {
				d.p.Price, d.hasPrice = a, true
			} else {
				d.p.MinPrice = a
			}
		case "min_price_by_tier", "min_price_by_region":
			floors := p.floors(v, at, d)
			if key == "min_price_by_tier" {
				d.p.TierFloors = floors
			} else {
				d.p.RegionFloors = floors
			}
		case "images":
			v = resolve(v)
			if isNull(v) {
				return
			}
			items := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				items = v.Content
			}
			for i, item := range items {
				iat := pos{field: fmt.Sprintf("%s[%d]", at.field, i), line: resolve(item).Line}
				before := len(p.errs)
				if s := p.str(item, iat); s != "" {
					d.images = append(d.images, imageDoc{src: s, at: iat})
				} else if len(p.errs) == before && (!isNull(resolve(item)) || v.Kind == yaml.SequenceNode) {
					p.errorf(iat, "a path relative to the catalogue file or an http(s) URL", "is empty")
				}
			}
		}
	})
}

// mapping walks the key/value pairs of a mapping node, reporting a node
// that is not a mapping, keys that are not strings, duplicate keys, and
// unknown keys (with a did-you-mean hint).
func (p *parser) mapping(n *yaml.Node, prefix string, known []string, fn func(key string, k, v *yaml.Node)) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		field := strings.TrimSuffix(prefix, ".")
		p.errorf(pos{field: field, line: n.Line}, "a mapping with keys "+strings.Join(known, ", "), "is a %s, not a mapping", kindName(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(pos{field: strings.TrimSuffix(prefix, "."), line: k.Line}, "keys "+strings.Join(known, ", "), "has a %s as a key", kindName(k))
			continue
		}
		key := k.Value
		at := pos{field: prefix + key, line: k.Line}
		if first, dup := seen[key]; dup {
			p.errorf(at, "each key once", "is repeated (first on line %d)", first)
			continue
		}
		seen[key] = k.Line
		if !contains(known, key) {
			p.errorf(at, "one of "+strings.Join(known, ", "), "%s", unknownKeyMsg(key, known))
			continue
		}
		fn(key, k, v)
	}
}

// amount reads a price: a number in the file's own notation (YAML or
// JSON), never text, so that "10" is refused in both formats alike rather
// than read in one. It reports ok when a is set; null is neither ok nor
// bad (the price is absent); bad when an error was recorded.
func (p *parser) amount(n *yaml.Node, at pos) (a shadowscan.Amount, ok, bad bool) {
	n = resolve(n)
	switch t := typeName(n); {
	case isNull(n):
		return 0, false, false
	case t == "text":
		if _, err := parseAmount(n.Value); err != nil {
			p.errorf(at, "a decimal number such as 298 or 298.00", "%v", err)
		} else {
			p.errorf(at, "a decimal number such as 298.00, not in quotes", "is %s, not a number: write %s without quotes", describe(n), strings.TrimSpace(n.Value))
		}
		return 0, false, true
	case t != "number":
		p.errorf(at, "a decimal number such as 298.00", "is %s, not a number", describe(n))
		return 0, false, true
	}
	a, err := parseAmount(n.Value)
	if err != nil {
		p.errorf(at, "a decimal number such as 298 or 298.00", "%v", err)
		return 0, false, true
	}
	return a, true, false
}

// str reads a text value, trimmed; null is "". A number, true/false or a
// date is refused in YAML and JSON alike: a SKU or shop id written as a
// number may have been changed on its way into the file (leading zeros
// dropped, a long id rounded as a float), so it has to be in quotes.
func (p *parser) str(n *yaml.Node, at pos) string {
	n = resolve(n)
	if isNull(n) {
		return ""
	}
	switch typeName(n) {
	case "text":
		return strings.TrimSpace(n.Value)
	case "number", "true/false", "date":
		p.errorf(at, "text in quotes, such as "+strconv.Quote(clip(n.Value)), "is %s, not text", describe(n))
	default:
		p.errorf(at, "a single text value", "is %s, not text", describe(n))
	}
	return ""
}

// typeName names the type of a value: text, number, true/false, date,
// null, or the node kind (list, mapping). YAML and JSON build the same
// typed tree (a JSON number is !!float, a string !!str), so one check
// serves both formats.
func typeName(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return kindName(n)
	}
	switch n.ShortTag() {
	case "!!str":
		return "text"
	case "!!int", "!!float":
		return "number"
	case "!!bool":
		return "true/false"
	case "!!timestamp":
		return "date"
	case "!!null":
		return "null"
	}
	return "tag " + n.Tag
}

// describe says what a value is, for "is X, not a number": a list, a
// mapping, null, text ("10"), a number (12345), true/false (yes).
func describe(n *yaml.Node) string {
	v := clip(n.Value)
	switch t := typeName(n); t {
	case "text":
		return "text " + strconv.Quote(v)
	case "number":
		return "a number (" + v + ")"
	case "true/false":
		return "true/false (" + v + ")"
	case "date":
		return "a date (" + v + ")"
	case "null":
		return "null"
	case "list", "mapping", "alias", "document", "value":
		return "a " + t
	default:
		return "a value with " + t
	}
}

// clip shortens a value quoted in an error to 40 characters.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}

// strList reads a list of strings; a single string is a one-item list and
// null is an empty list. Empty items are errors.
func (p *parser) strList(n *yaml.Node, at pos) []string {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	} else if n.Kind != yaml.ScalarNode {
		p.errorf(at, "a list such as [a, b]", "is a %s, not a list", kindName(n))
		return nil
	}
	var out []string
	for i, item := range items {
		iat := pos{field: fmt.Sprintf("%s[%d]", at.field, i), line: resolve(item).Line}
		if n.Kind == yaml.ScalarNode {
			iat.field = at.field
		}
		before := len(p.errs)
		s := p.str(item, iat)
		if s == "" {
			if len(p.errs) == before { // else str reported a value that is not text
				p.errorf(iat, "non-empty text", "is empty")
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "text value"
	case yaml.AliasNode:
		return "alias"
	case yaml.DocumentNode:
		return "document"
	}
	return "value"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
