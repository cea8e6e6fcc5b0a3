// Package world5 is a held-out labelled marketplace world for shadowscan: a 1688-style
// Chinese wholesale site (pifa-hub) and an Amazon-style English marketplace (shopmate-ae),
// selling the products of four fictitious direct-sales brands. See README.md for the label
// policy and the counts.
package world5

import (
	"net/http"
	"sort"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML); its base_url is replaced by the serving address
	Handler http.Handler // serves the whole marketplace
}

// Label is the truth about one listing page.
type Label struct {
	Site     string // Site.Name
	Path     string // the listing page's canonical URL path (and query)
	Flagged  bool
	Category string // when Flagged: counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation
	Brand    string // the catalogue brand id the listing is about ("" if none)
	SKU      string // the catalogue product it offers ("" for defamation or when none)
	Why      string // which rule of the label policy gave this label
}

const ruleA = `# pifa-hub: 1688-style wholesale marketplace (Chinese)
name: pifa-hub
base_url: http://127.0.0.1:8941
search:
  url: "{base}/selloffer/offer_search.htm?keywords={query}&beginPage={page}"
  max_pages: 10
  listing_links: "div.offer-list div.offer-card div.offer-title a@href"
  next_page: "div.fui-paging a.fui-next@href"
listing:
  id: "link[rel=canonical]@href | re:/offer/(\\d+)\\.html"
  title: "h1.d-title"
  price: ".mod-detail-price .tier-price, .mod-detail-price .price-range"
  currency: "CNY"
  seller_id: ".mod-detail-company a.company-name@href | re:/shop/([^/]+)/"
  seller_name: ".mod-detail-company a.company-name"
  images: ".mod-detail-gallery img@src"
  description: ".region-detail-feature"
  removed: ".offer-offline-notice"
politeness: {parallelism: 4, delay: 20ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const ruleB = `# shopmate-ae: Amazon-style marketplace (English, prices in USD)
name: shopmate-ae
base_url: http://127.0.0.1:8942
search:
  url: "{base}/s?k={query}&page={page}"
  max_pages: 10
  listing_links: "div.s-main-slot div[data-component-type=s-search-result] h2 a@href"
  next_page: "a.s-pagination-next@href"
listing:
  title: "#productTitle"
  price: "#corePriceDisplay_desktop_feature_div .priceToPay .a-offscreen, #priceblock_ourprice"
  currency: "USD"
  seller_id: "#sellerProfileTriggerId@href | re:seller=([A-Z0-9]+)"
  seller_name: "#sellerProfileTriggerId"
  images: "#altImages img@data-a-hires"
  description: "#feature-bullets, #productDescription"
politeness: {parallelism: 4, delay: 20ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

// Sites returns the two marketplaces, each with a fresh handler (its one-off faults reset).
func Sites() []Site {
	w := getWorld()
	return []Site{
		{Name: siteA, Rule: []byte(ruleA), Handler: &handlerA{w: w}},
		{Name: siteB, Rule: []byte(ruleB), Handler: &handlerB{w: w}},
	}
}

// Labels returns the truth for every listing page of both sites.
func Labels() []Label {
	w := getWorld()
	out := make([]Label, 0, len(w.listings))
	for _, l := range w.listings {
		out = append(out, l.lab)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Site != out[j].Site {
			return out[i].Site < out[j].Site
		}
		return out[i].Path < out[j].Path
	})
	return out
}
