package world5

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing/fstest"
)

var (
	catOnce sync.Once
	catFS   fstest.MapFS
)

// Catalog returns the four brands' catalogue files (two YAML, one JSON, one CSV) and the
// official photos they reference, image paths relative to the files.
func Catalog() fs.FS {
	catOnce.Do(func() {
		m := fstest.MapFS{}
		for _, b := range brands {
			switch b.format {
			case "yaml":
				m[b.id+".yaml"] = &fstest.MapFile{Data: []byte(catalogYAML(b)), Mode: 0o644}
			case "json":
				m[b.id+".json"] = &fstest.MapFile{Data: catalogJSON(b), Mode: 0o644}
			case "csv":
				m[b.id+".csv"] = &fstest.MapFile{Data: []byte(catalogCSV(b)), Mode: 0o644}
			}
			for _, p := range b.products {
				m[imgName(p)] = &fstest.MapFile{Data: officialJPEG(p), Mode: 0o644}
			}
		}
		catFS = m
	})
	return catFS
}

var (
	offMu    sync.Mutex
	offCache = map[string][]byte{}
)

// officialJPEG is the brand's own studio photo of p.
func officialJPEG(p *product) []byte {
	offMu.Lock()
	defer offMu.Unlock()
	if b, ok := offCache[p.sku]; ok {
		return b
	}
	b := encodeJPEG(studioShot(p.lk), 92)
	offCache[p.sku] = b
	return b
}

func yq(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func yList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = yq(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

type sellerRef struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
}

func sellerRefs(a, b []string) []sellerRef {
	var out []sellerRef
	for _, s := range a {
		out = append(out, sellerRef{siteA, s})
	}
	for _, s := range b {
		out = append(out, sellerRef{siteB, s})
	}
	return out
}

func catalogYAML(b *brand) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s catalogue, maintained by the brand-protection team\n", b.name)
	sb.WriteString("brand:\n")
	fmt.Fprintf(&sb, "  id: %s\n  name: %s\n  aliases: %s\n", b.id, yq(b.name), yList(b.aliases))
	sb.WriteString("  official_sellers:\n")
	for _, r := range sellerRefs(b.officialA, b.officialB) {
		fmt.Fprintf(&sb, "    - {site: %s, seller_id: %s}\n", r.Site, yq(r.SellerID))
	}
	sb.WriteString("  authorized_sellers:\n")
	for _, r := range sellerRefs(b.authA, b.authB) {
		fmt.Fprintf(&sb, "    - {site: %s, seller_id: %s}\n", r.Site, yq(r.SellerID))
	}
	fmt.Fprintf(&sb, "  defamation_terms: %s\n", yList(b.defam))
	sb.WriteString("products:\n")
	for _, p := range b.products {
		fmt.Fprintf(&sb, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %.2f\n    min_price: %.2f\n    currency: CNY\n    images: [%s]\n",
			p.sku, yq(p.name), yList(p.aliases), p.price, p.floor, imgName(p))
	}
	return sb.String()
}

func catalogJSON(b *brand) []byte {
	type prod struct {
		SKU      string   `json:"sku"`
		Name     string   `json:"name"`
		Aliases  []string `json:"aliases"`
		Price    float64  `json:"price"`
		MinPrice float64  `json:"min_price"`
		Currency string   `json:"currency"`
		Images   []string `json:"images"`
	}
	type br struct {
		ID                string      `json:"id"`
		Name              string      `json:"name"`
		Aliases           []string    `json:"aliases"`
		OfficialSellers   []sellerRef `json:"official_sellers"`
		AuthorizedSellers []sellerRef `json:"authorized_sellers"`
		DefamationTerms   []string    `json:"defamation_terms"`
	}
	doc := struct {
		Brand    br     `json:"brand"`
		Products []prod `json:"products"`
	}{Brand: br{b.id, b.name, b.aliases, sellerRefs(b.officialA, b.officialB), sellerRefs(b.authA, b.authB), b.defam}}
	for _, p := range b.products {
		doc.Products = append(doc.Products, prod{p.sku, p.name, p.aliases, p.price, p.floor, "CNY", []string{imgName(p)}})
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func catalogCSV(b *brand) string {
	var sb strings.Builder
	sb.WriteString("brand_id,brand_name,brand_aliases,official_sellers,authorized_sellers,defamation_terms,sku,name,aliases,price,min_price,currency,images\n")
	refs := func(rs []sellerRef) string {
		var xs []string
		for _, r := range rs {
			xs = append(xs, r.Site+":"+r.SellerID)
		}
		return strings.Join(xs, "|")
	}
	for _, p := range b.products {
		row := []string{b.id, b.name, strings.Join(b.aliases, "|"), refs(sellerRefs(b.officialA, b.officialB)),
			refs(sellerRefs(b.authA, b.authB)), strings.Join(b.defam, "|"), p.sku, p.name, strings.Join(p.aliases, "|"),
			fmt.Sprintf("%.2f", p.price), fmt.Sprintf("%.2f", p.floor), "CNY", imgName(p)}
		for i := range row {
			row[i] = csvField(row[i])
		}
		sb.WriteString(strings.Join(row, ",") + "\n")
	}
	return sb.String()
}
