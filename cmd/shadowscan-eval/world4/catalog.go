package world4

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"
)

var (
	catOnce sync.Once
	catFS   fstest.MapFS
)

func imagePath(p *product) string { return "images/" + strings.ToLower(p.SKU) + ".png" }

func catalogFS() fs.FS {
	catOnce.Do(func() {
		m := fstest.MapFS{}
		for _, b := range brands {
			var data []byte
			name := b.ID + "." + b.format
			switch b.format {
			case "yaml":
				data = catalogYAML(b)
			case "json":
				data = catalogJSON(b)
			case "csv":
				data = catalogCSV(b)
			}
			m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
			for _, p := range b.Products {
				img := renderScene(p.look, b.logo, officialScene(), 0)
				m[imagePath(p)] = &fstest.MapFile{Data: encodePNG(img), Mode: 0o644}
			}
		}
		catFS = m
	})
	return catFS
}

func q(s string) string { return strconv.Quote(s) }

func qlist(xs []string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = q(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func sellersYAML(sb *strings.Builder, key string, ss []sellerRef) {
	fmt.Fprintf(sb, "  %s:\n", key)
	for _, s := range ss {
		fmt.Fprintf(sb, "    - {site: %s, seller_id: %s}\n", s.Site, q(s.ID))
	}
}

func catalogYAML(b *brand) []byte {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s catalogue, maintained by the brand-protection team\n", b.Name)
	sb.WriteString("brand:\n")
	fmt.Fprintf(&sb, "  id: %s\n  name: %s\n  aliases: %s\n", b.ID, q(b.Name), qlist(b.Aliases))
	sellersYAML(&sb, "official_sellers", b.Official)
	sellersYAML(&sb, "authorized_sellers", b.Authorized)
	if len(b.Defamation) > 0 {
		fmt.Fprintf(&sb, "  defamation_terms: %s\n", qlist(b.Defamation))
	}
	sb.WriteString("products:\n")
	for _, p := range b.Products {
		fmt.Fprintf(&sb, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %s\n    min_price: %s\n    currency: CNY\n    images: [%s]\n",
			p.SKU, q(p.Name), qlist(p.Aliases), num(p.Price), num(p.Min), imagePath(p))
	}
	return []byte(sb.String())
}

func catalogJSON(b *brand) []byte {
	type seller struct {
		Site     string `json:"site"`
		SellerID string `json:"seller_id"`
	}
	conv := func(ss []sellerRef) []seller {
		var out []seller
		for _, s := range ss {
			out = append(out, seller{s.Site, s.ID})
		}
		return out
	}
	var prods []any
	for _, p := range b.Products {
		prods = append(prods, obj{{"sku", p.SKU}, {"name", p.Name}, {"aliases", p.Aliases},
			{"price", rawNum(num(p.Price))}, {"min_price", rawNum(num(p.Min))}, {"currency", "CNY"}, {"images", []string{imagePath(p)}}})
	}
	doc := obj{{"brand", obj{{"id", b.ID}, {"name", b.Name}, {"aliases", b.Aliases},
		{"official_sellers", conv(b.Official)}, {"authorized_sellers", conv(b.Authorized)}, {"defamation_terms", b.Defamation}}},
		{"products", prods}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func sellersCSV(ss []sellerRef) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, s.Site+":"+s.ID)
	}
	return strings.Join(parts, "|")
}

func catalogCSV(b *brand) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
		"sku", "name", "aliases", "price", "min_price", "currency", "images"})
	for _, p := range b.Products {
		w.Write([]string{b.ID, b.Name, strings.Join(b.Aliases, "|"), sellersCSV(b.Official), sellersCSV(b.Authorized), strings.Join(b.Defamation, "|"),
			p.SKU, p.Name, strings.Join(p.Aliases, "|"), num(p.Price), num(p.Min), "CNY", imagePath(p)})
	}
	w.Flush()
	return buf.Bytes()
}
