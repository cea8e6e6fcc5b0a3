// Package world4 is a held-out labelled marketplace world for shadowscan:
// a Taobao/JD-style Chinese marketplace (pinjia-mall) and a bilingual
// cross-border storefront whose listing fields live in schema.org markup
// (glowhub-global), with four invented direct-sales brands. See README.md
// for the label policy.
package world4

import (
	"io/fs"
	"net/http"
	"sort"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML); its base_url is replaced by the address the handler is served on
	Handler http.Handler // serves the whole marketplace
}

// Sites returns the two marketplaces, each with a fresh handler.
func Sites() []Site {
	return []Site{
		{Name: siteA, Rule: []byte(ruleA), Handler: newHandlerA()},
		{Name: siteB, Rule: []byte(ruleB), Handler: newHandlerB()},
	}
}

const ruleA = `# pinjia-mall: Chinese marketplace, item id in the query string.
name: pinjia-mall
base_url: http://127.0.0.1:8941
search:
  url: "{base}/search?keyword={query}&page={page}"
  max_pages: 20
  listing_links: "#J_goodsList li.gl-item div.p-name a@href"
  next_page: "#J_bottomPage a.pn-next@href"
listing:
  title: "div.itemInfo-wrap div.sku-name"
  price: "div.summary-price span.p-price"
  currency: "CNY"
  seller_id: "div.popbox div.shop-name a@href | re:index-(\\d+)\\.html"
  seller_name: "div.popbox div.shop-name a"
  images: "ul.spec-items img@data-url"
  description: "div.detail"
  removed: "div.itemover-tip"
politeness: {parallelism: 4, delay: 100ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const ruleB = `# glowhub-global: cross-border storefront; listing pages carry their fields
# only in schema.org (JSON-LD or microdata), so the listing section only
# names the removal notice.
name: glowhub-global
base_url: http://127.0.0.1:8942
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 20
  listing_links: "div.results-grid article.product-card a.card-link@href"
listing:
  removed: "div.listing-removed"
politeness: {parallelism: 4, delay: 100ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

// Label is the truth about one listing page.
type Label struct {
	Site     string // Site.Name
	Path     string // the listing page's canonical URL path and query
	Flagged  bool
	Category string // when Flagged: counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation
	Brand    string // the catalogue brand id the listing is about ("" if none)
	SKU      string // the catalogue product it offers ("" for defamation or when none)
	Why      string // which rule of the label policy gave this label
}

// Labels returns one label per listing page of both sites.
func Labels() []Label {
	w := getWorld()
	var out []Label
	for _, site := range []string{siteA, siteB} {
		for _, l := range w.sites[site].listings {
			lb := Label{Site: site, Path: l.path, Flagged: l.flagged(), Brand: l.brand, SKU: l.sku, Why: l.why}
			if lb.Flagged {
				lb.Category = l.kind
			}
			if l.kind == kDefamation {
				lb.SKU = ""
			}
			out = append(out, lb)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Site != out[j].Site {
			return out[i].Site < out[j].Site
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// Catalog returns the catalogue files with their official photos.
func Catalog() fs.FS { return catalogFS() }
