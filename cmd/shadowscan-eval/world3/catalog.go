package world3

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
	"time"
)

// Site rules, written the way a brand team would from the SPEC.
const ruleA = `# taoyuan-market: Taobao-style marketplace (Chinese)
name: taoyuan-market
base_url: http://127.0.0.1:8931
search:
  url: "{base}/s?q={query}&page={page}"
  max_pages: 25
  listing_links: "div.items div.item-card a.item-title@href"
  next_page: "div.pager a.pager-next@href"
listing:
  title: "h1.tb-main-title"
  price: "span.tb-price-now"
  currency: "CNY"
  seller_id: "div.shop-card a.shop-name@href | re:/shop/(\\d+)"
  seller_name: "div.shop-card a.shop-name"
  images: "#J_UlThumb img@data-big"
  description: "#J_DivItemDesc"
  removed: ".tb-off-shelf"
politeness: {parallelism: 2, delay: 50ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const ruleB = `# wellmart-en: English store; product data only in schema.org JSON-LD
name: wellmart-en
base_url: http://127.0.0.1:8932
search:
  url: "{base}/search?query={query}&p={page}"
  max_pages: 25
  listing_links: "li.product-tile a.tile-link@href"
  next_page: "nav.pagination a[rel=next]@href"
listing:
  removed: ".product-unavailable"
politeness: {parallelism: 2, delay: 50ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

type catSeller struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
}

type catBrand struct {
	ID                string      `json:"id"`
	Name              string      `json:"name"`
	Aliases           []string    `json:"aliases"`
	OfficialSellers   []catSeller `json:"official_sellers"`
	AuthorizedSellers []catSeller `json:"authorized_sellers"`
	DefamationTerms   []string    `json:"defamation_terms,omitempty"`
}

type catProduct struct {
	SKU      string   `json:"sku"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Price    float64  `json:"price"`
	MinPrice float64  `json:"min_price"`
	Currency string   `json:"currency"`
	Images   []string `json:"images"`
}

type catFile struct {
	Brand    catBrand     `json:"brand"`
	Products []catProduct `json:"products"`
}

func imagePath(sku string) string { return "images/" + strings.ToLower(sku) + ".jpg" }

func catalogOf(b *brand) catFile {
	cf := catFile{Brand: catBrand{ID: b.ID, Name: b.Name, Aliases: b.Aliases, DefamationTerms: b.DefTerms}}
	for _, s := range registered {
		if s.brand != b.ID {
			continue
		}
		cs := catSeller{Site: siteNames[s.site], SellerID: s.id}
		if s.role == roleOfficial {
			cf.Brand.OfficialSellers = append(cf.Brand.OfficialSellers, cs)
		} else {
			cf.Brand.AuthorizedSellers = append(cf.Brand.AuthorizedSellers, cs)
		}
	}
	for _, p := range brandProds[b.ID] {
		cf.Products = append(cf.Products, catProduct{SKU: p.SKU, Name: p.Name, Aliases: p.Aliases,
			Price: p.Price, MinPrice: p.Floor, Currency: "CNY", Images: []string{imagePath(p.SKU)}})
	}
	return cf
}

func q(s string) string { return strconv.Quote(s) }

func qlist(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = q(x)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func yamlCatalog(cf catFile) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s catalogue (maintained by the brand protection team)\n", cf.Brand.Name)
	fmt.Fprintf(&b, "brand:\n  id: %s\n  name: %s\n  aliases: %s\n", cf.Brand.ID, q(cf.Brand.Name), qlist(cf.Brand.Aliases))
	fmt.Fprintf(&b, "  official_sellers:\n")
	for _, s := range cf.Brand.OfficialSellers {
		fmt.Fprintf(&b, "    - {site: %s, seller_id: %s}\n", s.Site, q(s.SellerID))
	}
	fmt.Fprintf(&b, "  authorized_sellers:\n")
	for _, s := range cf.Brand.AuthorizedSellers {
		fmt.Fprintf(&b, "    - {site: %s, seller_id: %s}\n", s.Site, q(s.SellerID))
	}
	fmt.Fprintf(&b, "  defamation_terms: %s\n", qlist(cf.Brand.DefamationTerms))
	fmt.Fprintf(&b, "products:\n")
	for _, p := range cf.Products {
		fmt.Fprintf(&b, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %.2f\n    min_price: %.2f\n    currency: %s\n    images: [%s]\n",
			p.SKU, q(p.Name), qlist(p.Aliases), p.Price, p.MinPrice, p.Currency, p.Images[0])
	}
	return b.Bytes()
}

func jsonCatalog(cf catFile) []byte {
	b, err := json.MarshalIndent(cf, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// csvCatalog writes one product a row; brand fields repeat on every row,
// lists are separated by "|", sellers written as site:seller_id.
func csvCatalog(cf catFile) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	sellers := func(ss []catSeller) string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Site+":"+s.SellerID)
		}
		return strings.Join(out, "|")
	}
	_ = w.Write([]string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
		"sku", "name", "aliases", "price", "min_price", "currency", "images"})
	for _, p := range cf.Products {
		_ = w.Write([]string{cf.Brand.ID, cf.Brand.Name, strings.Join(cf.Brand.Aliases, "|"),
			sellers(cf.Brand.OfficialSellers), sellers(cf.Brand.AuthorizedSellers), strings.Join(cf.Brand.DefamationTerms, "|"),
			p.SKU, p.Name, strings.Join(p.Aliases, "|"), fmt.Sprintf("%.2f", p.Price), fmt.Sprintf("%.2f", p.MinPrice), p.Currency,
			strings.Join(p.Images, "|")})
	}
	w.Flush()
	return b.Bytes()
}

var (
	catOnce sync.Once
	catMap  fstest.MapFS
)

func catalogFS() fs.FS {
	catOnce.Do(func() {
		offJ, _ := officials()
		m := fstest.MapFS{}
		mt := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
		for _, b := range brands {
			cf := catalogOf(b)
			var data []byte
			switch b.Format {
			case "yaml":
				data = yamlCatalog(cf)
			case "json":
				data = jsonCatalog(cf)
			default:
				data = csvCatalog(cf)
			}
			m[b.ID+"."+b.Format] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: mt}
		}
		for _, p := range products {
			m[imagePath(p.SKU)] = &fstest.MapFile{Data: offJ[p.SKU], Mode: 0o644, ModTime: mt}
		}
		catMap = m
	})
	return catMap
}
