package world9

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

const ruleEN = `# bazaarly: an English independent marketplace. Search pages are HTML; listing
# pages are a script shell whose only data is schema.org JSON-LD, so the
# listing block is empty: title, price, currency, seller, images, description
# and sku come from the JSON-LD fallback.
name: bazaarly
base_url: http://127.0.0.1:8942
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 30
  listing_links: "ul.listing-grid li.listing-card a.listing-link@href"
  next_page: "nav.pagination a[rel=next]@href"
listing: {}
politeness: {parallelism: 4, delay: 20ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const enPageSize = 24

type enHandler struct{ m *market }

func newENHandler(ls []*listing) http.Handler { return &enHandler{newMarket(ls)} }

func (h *enHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("User-agent: *\nDisallow: /checkout\nDisallow: /account/\nDisallow: /api/\n\nUser-agent: GPTBot\nDisallow: /\n"))
	case p == "/":
		writeHTML(w, 200, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bazaarly – independent sellers</title></head><body><form action="/search"><input name="q" placeholder="Search for anything"></form></body></html>`)
	case p == "/search":
		h.search(w, r)
	case strings.HasPrefix(p, "/listing/"):
		rest := strings.TrimPrefix(p, "/listing/")
		id, _, _ := strings.Cut(rest, "/")
		h.item(w, r, id)
	case strings.HasPrefix(p, "/img/"):
		// /img/<id>/<n>.jpg
		id, n, ok := strings.Cut(strings.TrimPrefix(p, "/img/"), "/")
		k, err := strconv.Atoi(strings.TrimSuffix(n, ".jpg"))
		if !ok || err != nil {
			http.NotFound(w, r)
			return
		}
		h.m.photo(w, r, id, k)
	case p == "/static/app.js":
		w.Header().Set("Content-Type", "text/javascript")
		_, _ = w.Write([]byte("/* bazaarly storefront bundle */\n"))
	default:
		writeHTML(w, 404, `<!DOCTYPE html><html><head><title>Page not found | Bazaarly</title></head><body><h1>Uh oh! Page not found</h1></body></html>`)
	}
}

func enMoney(v float64, cur string) string {
	switch cur {
	case "GBP":
		return "£" + strconv.FormatFloat(v, 'f', 2, 64)
	case "EUR":
		return strings.Replace(strconv.FormatFloat(v, 'f', 2, 64), ".", ",", 1) + " €"
	}
	return "$" + strconv.FormatFloat(v, 'f', 2, 64)
}

func (h *enHandler) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	page := pageParam(r)
	res := search(h.m.listings, h.m.docs, q)
	pages := (len(res) + enPageSize - 1) / enPageSize
	eq := html.EscapeString(q)
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s - Bazaarly</title><meta name="viewport" content="width=device-width"></head>
<body><header><form action="/search"><input name="q" value="%s"></form></header>
<main id="content">
`, eq, eq)
	if page > pages {
		fmt.Fprintf(&b, `<p class="no-results">We couldn't find any results for "%s". Try searching for something else instead?</p></main></body></html>`, eq)
		writeHTML(w, 200, b.String())
		return
	}
	sr := fmt.Sprintf("%x", hash64(q))[:10]
	fmt.Fprintf(&b, `<p class="result-count">%d results, with Ads</p>
<ul class="listing-grid">
`, len(res))
	card := func(l *listing, ref string) {
		link := l.Path + "?ref=" + ref + "&sr=" + sr
		fmt.Fprintf(&b, `<li class="listing-card" data-listing-id="%s"><a class="listing-link" href="%s"><img src="/img/%s/0.jpg" alt="" loading="lazy"><h3 class="listing-title">%s</h3></a>
<p class="price"><span class="currency-value">%s</span></p><p class="shop-name">%s</p></li>
`, l.ID, html.EscapeString(link), l.ID, html.EscapeString(l.Title), enMoney(l.Price, l.Cur), html.EscapeString(l.Seller.Name))
	}
	// an ad: the best result is promoted at the top of every page
	if len(res) > enPageSize {
		b.WriteString(`<!-- ad -->`)
		card(res[0], "sc_gallery_ad")
	}
	start := (page - 1) * enPageSize
	for i := start; i < min(len(res), start+enPageSize); i++ {
		card(res[i], fmt.Sprintf("search_grid-%d", i+1))
	}
	b.WriteString("</ul>\n<nav class=\"pagination\" aria-label=\"Pagination\">")
	qs := url.QueryEscape(q)
	if page > 1 {
		fmt.Fprintf(&b, `<a rel="prev" href="/search?q=%s&amp;page=%d">Previous</a>`, qs, page-1)
	}
	fmt.Fprintf(&b, ` <span>Page %d of %d</span> `, page, pages)
	if page < pages {
		fmt.Fprintf(&b, `<a rel="next" href="/search?q=%s&amp;page=%d">Next</a>`, qs, page+1)
	}
	b.WriteString("</nav></main></body></html>\n")
	writeHTML(w, 200, b.String())
}

// jsonLD builds the listing's schema.org data in one of the shapes real shops use.
func (h *enHandler) jsonLD(l *listing, host string) any {
	base := "http://" + host
	var imgs []string
	for i := range l.Photos {
		imgs = append(imgs, fmt.Sprintf("%s/img/%s/%d.jpg", base, l.ID, i))
	}
	sellerType := "Organization"
	if l.Seller.Class == "personal" {
		sellerType = "Person"
	}
	sel := map[string]any{"@type": sellerType, "name": l.Seller.Name, "url": base + "/shop/" + l.Seller.ID}
	if l.Shape%3 != 0 {
		sel["identifier"] = l.Seller.ID
	}
	cond := "https://schema.org/NewCondition"
	if l.Used {
		cond = "https://schema.org/UsedCondition"
	}
	price := strconv.FormatFloat(l.Price, 'f', 2, 64)
	var offers any = map[string]any{"@type": "Offer", "price": price, "priceCurrency": l.Cur, "availability": "https://schema.org/InStock",
		"itemCondition": cond, "seller": sel, "url": base + l.Path}
	if l.High > 0 {
		offers = map[string]any{"@type": "AggregateOffer", "lowPrice": l.Price, "highPrice": l.High, "offerCount": 2, "priceCurrency": l.Cur,
			"availability": "https://schema.org/InStock", "seller": sel}
	} else if l.Shape%4 == 1 {
		offers = []any{offers}
	}
	desc := strings.Join(l.Desc, " ")
	if l.Coupon > 0 {
		desc += fmt.Sprintf(" (Price after code: %s)", enMoney(l.Coupon, l.Cur))
	}
	prod := map[string]any{"@type": "Product", "name": l.Title, "description": desc, "offers": offers, "url": base + l.Path}
	if len(imgs) == 1 && l.Shape%2 == 0 {
		prod["image"] = imgs[0]
	} else if l.Shape == 5 {
		var objs []any
		for _, u := range imgs {
			objs = append(objs, map[string]any{"@type": "ImageObject", "url": u})
		}
		prod["image"] = objs
	} else {
		prod["image"] = imgs
	}
	if l.OwnBrand != "" {
		prod["brand"] = map[string]any{"@type": "Brand", "name": l.OwnBrand}
	}
	if l.OwnSKU != "" {
		prod["sku"] = l.OwnSKU
		prod["productID"] = "bz:" + l.ID
	}
	if l.Sales > 20 {
		prod["aggregateRating"] = map[string]any{"@type": "AggregateRating", "ratingValue": 4.0 + float64(l.Sales%10)/10, "reviewCount": l.Sales / 7}
	}
	crumbs := map[string]any{"@type": "BreadcrumbList", "itemListElement": []any{
		map[string]any{"@type": "ListItem", "position": 1, "name": "Home", "item": base + "/"},
		map[string]any{"@type": "ListItem", "position": 2, "name": "Health & Beauty", "item": base + "/c/health-beauty"}}}
	switch {
	case l.Shape >= 7 && l.Shape <= 8:
		prod["@id"] = base + l.Path + "#product"
		return map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@type": "WebSite", "@id": base + "/#website", "name": "Bazaarly", "url": base + "/"}, crumbs, prod}}
	case l.Shape == 9:
		crumbs["@context"] = "https://schema.org"
		prod["@context"] = "https://schema.org"
		return []any{crumbs, prod}
	}
	prod["@context"] = "https://schema.org"
	return prod
}

func (h *enHandler) item(w http.ResponseWriter, r *http.Request, id string) {
	l := h.m.byID[id]
	if l == nil {
		writeHTML(w, 404, `<!DOCTYPE html><html><head><title>Page not found | Bazaarly</title></head><body><h1>Uh oh! Page not found</h1></body></html>`)
		return
	}
	if h.m.fault(w, l) {
		return
	}
	canon := "http://" + r.Host + l.Path
	if l.Removed {
		writeHTML(w, http.StatusGone, fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Item unavailable | Bazaarly</title><link rel="canonical" href="%s"></head>
<body><div class="listing-removed"><h1>Sorry, this item is no longer available.</h1><p>The seller removed this listing.</p></div></body></html>`, html.EscapeString(canon)))
		return
	}
	data, _ := json.MarshalIndent(h.jsonLD(l, r.Host), "", " ")
	ld := strings.ReplaceAll(string(data), "</", `<\/`)
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s | Bazaarly</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="%s">
`, html.EscapeString(l.Title), html.EscapeString(canon))
	if l.Fault == "malformed" {
		fmt.Fprintf(&b, "</head><body><div id=\"root\"><div class=\"skeleton\"><span>Loading</div>\n<!-- hydration data -->\n<script type=\"application/ld+json\">\n%s\n</script>\n<script src=\"/static/app.js\" defer></script>\n<noscript>Please enable JavaScript to view this listing.\n</body>\n", ld)
	} else {
		fmt.Fprintf(&b, "<script type=\"application/ld+json\">\n%s\n</script>\n</head><body><div id=\"root\"></div>\n<noscript>Please enable JavaScript to view this listing.</noscript>\n<script src=\"/static/app.js\" defer></script>\n</body></html>\n", ld)
	}
	writeHTML(w, 200, b.String())
}
