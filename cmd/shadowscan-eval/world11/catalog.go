package world11

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing/fstest"
)

// buildCatalog writes one catalogue file per brand, in the three formats the
// SPEC allows: Solenne as YAML, VitaNova as JSON, Hearthwell as CSV (one
// product a row, the brand's columns repeated on every row).
func buildCatalog() fs.FS {
	m := fstest.MapFS{}
	for _, b := range brands {
		var data []byte
		switch {
		case strings.HasSuffix(b.file, ".yaml"):
			data = catalogYAML(b)
		case strings.HasSuffix(b.file, ".json"):
			data = catalogJSON(b)
		default:
			data = catalogCSV(b)
		}
		m[b.file] = &fstest.MapFile{Data: data, Mode: 0o644}
		for _, p := range brandProducts(b.id) {
			m[p.image] = &fstest.MapFile{Data: officialPhoto(p), Mode: 0o644}
		}
	}
	return m
}

func yq(s string) string {
	b, _ := json.Marshal(s) // a JSON string is a valid YAML double-quoted scalar
	return string(b)
}

func yList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = yq(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func sellerRefs(b *brandDef) (official, authorised [][2]string) {
	for _, site := range []string{taoxiName, tradeloftName} {
		official = append(official, [2]string{site, b.official[site]})
		for _, id := range b.authorised[site] {
			authorised = append(authorised, [2]string{site, id})
		}
	}
	return official, authorised
}

func money(v float64) string { return fmt.Sprintf("%.2f", v) }

func catalogYAML(b *brandDef) []byte {
	var w bytes.Buffer
	off, auth := sellerRefs(b)
	fmt.Fprintf(&w, "# %s catalogue, kept by the brand-protection team\n", b.name)
	fmt.Fprintf(&w, "brand:\n  id: %s\n  name: %s\n  aliases: %s\n", b.id, yq(b.name), yList(b.aliases))
	fmt.Fprintf(&w, "  official_sellers:\n")
	for _, s := range off {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", s[0], yq(s[1]))
	}
	fmt.Fprintf(&w, "  authorized_sellers:\n")
	for _, s := range auth {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", s[0], yq(s[1]))
	}
	fmt.Fprintf(&w, "  defamation_terms: %s\n", yList(b.defamation))
	fmt.Fprintf(&w, "products:\n")
	for _, p := range brandProducts(b.id) {
		fmt.Fprintf(&w, "  - sku: %s\n    name: %s\n    aliases: %s\n", p.sku, yq(p.name), yList(p.aliases))
		fmt.Fprintf(&w, "    price: %s\n    min_price: %s\n    currency: %s\n    images: [%s]\n", money(p.price), money(p.min), p.currency, p.image)
	}
	return w.Bytes()
}

type jsonSeller struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
}

func catalogJSON(b *brandDef) []byte {
	off, auth := sellerRefs(b)
	conv := func(ss [][2]string) []jsonSeller {
		out := make([]jsonSeller, len(ss))
		for i, s := range ss {
			out[i] = jsonSeller{s[0], s[1]}
		}
		return out
	}
	type jBrand struct {
		ID                string       `json:"id"`
		Name              string       `json:"name"`
		Aliases           []string     `json:"aliases"`
		OfficialSellers   []jsonSeller `json:"official_sellers"`
		AuthorizedSellers []jsonSeller `json:"authorized_sellers"`
		DefamationTerms   []string     `json:"defamation_terms"`
	}
	type jProduct struct {
		SKU      string   `json:"sku"`
		Name     string   `json:"name"`
		Aliases  []string `json:"aliases"`
		Price    float64  `json:"price"`
		MinPrice float64  `json:"min_price"`
		Currency string   `json:"currency"`
		Images   []string `json:"images"`
	}
	doc := struct {
		Brand    jBrand     `json:"brand"`
		Products []jProduct `json:"products"`
	}{Brand: jBrand{b.id, b.name, b.aliases, conv(off), conv(auth), b.defamation}}
	for _, p := range brandProducts(b.id) {
		doc.Products = append(doc.Products, jProduct{p.sku, p.name, p.aliases, p.price, p.min, p.currency, []string{p.image}})
	}
	out, _ := json.MarshalIndent(doc, "", "  ")
	return append(out, '\n')
}

// csvColumns are the CSV header: the YAML keys, brand keys prefixed with
// brand_ where they would clash; lists are separated by "|", sellers are
// written site:seller_id.
var csvColumns = []string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
	"sku", "name", "aliases", "price", "min_price", "currency", "images"}

func catalogCSV(b *brandDef) []byte {
	off, auth := sellerRefs(b)
	join := func(ss [][2]string) string {
		var out []string
		for _, s := range ss {
			out = append(out, s[0]+":"+s[1])
		}
		return strings.Join(out, "|")
	}
	var w bytes.Buffer
	cw := csv.NewWriter(&w)
	_ = cw.Write(csvColumns)
	for _, p := range brandProducts(b.id) {
		_ = cw.Write([]string{b.id, b.name, strings.Join(b.aliases, "|"), join(off), join(auth), strings.Join(b.defamation, "|"),
			p.sku, p.name, strings.Join(p.aliases, "|"), money(p.price), money(p.min), p.currency, p.image})
	}
	cw.Flush()
	return w.Bytes()
}
