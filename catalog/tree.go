package catalog

import (
	"fmt"
	"strings"

	"github.com/shadowscan/shadowscan"
	"go.yaml.in/yaml/v3"
)

// The keys each level of a YAML or JSON catalogue accepts.
var (
	rootKeys    = []string{"brand", "products"}
	brandKeys   = []string{"id", "name", "aliases", "official_sellers", "authorized_sellers", "defamation_terms"}
	sellerKeys  = []string{"site", "seller_id"}
	productKeys = []string{"sku", "name", "aliases", "price", "min_price", "currency", "images"}
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
		p.walkBrand(brandNode, b)
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
		p.walkProduct(item, d)
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
			s, ok := parseSellerRef(item.Value)
			if !ok {
				p.errorf(iat, "{site: demo-market, seller_id: shop-1187} or demo-market:shop-1187", "%q is not site:seller_id", item.Value)
				continue
			}
			out = append(out, s)
			continue
		}
		p.mapping(item, iat.field+".", sellerKeys, func(key string, k, v *yaml.Node) {
			switch key {
			case "site":
				ref.Site = p.str(v, pos{field: iat.field + ".site", line: k.Line})
			case "seller_id":
				ref.SellerID = p.str(v, pos{field: iat.field + ".seller_id", line: k.Line})
			}
		})
		if item.Kind == yaml.MappingNode {
			out = append(out, ref)
		}
	}
	return out
}

// parseSellerRef splits "site:seller_id".
func parseSellerRef(s string) (shadowscan.SellerRef, bool) {
	site, id, ok := strings.Cut(strings.TrimSpace(s), ":")
	site, id = strings.TrimSpace(site), strings.TrimSpace(id)
	if !ok || site == "" || id == "" {
		return shadowscan.SellerRef{}, false
	}
	return shadowscan.SellerRef{Site: site, SellerID: id}, true
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
			v = resolve(v)
			if isNull(v) {
				return
			}
			if v.Kind != yaml.ScalarNode {
				d.priceBad = d.priceBad || key == "price"
				p.errorf(at, "a decimal number such as 298.00", "is a %s, not a number", kindName(v))
				return
			}
			a, err := parseAmount(v.Value)
			if err != nil {
				d.priceBad = d.priceBad || key == "price"
				p.errorf(at, "a decimal number such as 298 or 298.00", "%v", err)
				return
			}
			if key == "price" {
				d.p.Price, d.hasPrice = a, true
			} else {
				d.p.MinPrice = a
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
				if s := p.str(item, iat); s != "" {
					d.images = append(d.images, imageDoc{src: s, at: iat})
				} else if !isNull(resolve(item)) || v.Kind == yaml.SequenceNode {
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

// str reads a scalar as a trimmed string; null is "". Numbers and booleans
// are taken as written (a SKU may look like a number).
func (p *parser) str(n *yaml.Node, at pos) string {
	n = resolve(n)
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		p.errorf(at, "a single text value", "is a %s, not text", kindName(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
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
		s := p.str(item, iat)
		if s == "" {
			p.errorf(iat, "non-empty text", "is empty")
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
