package world11

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// tradeloftRule: listing pages carry their data as schema.org JSON-LD, so
// only search is described (and the id, from the canonical link, and the
// ended-listing notice).
const tradeloftRule = `# tradeloft: English multi-vendor marketplace; item pages are JSON-LD only.
name: tradeloft
base_url: https://www.tradeloft.example
search:
  url: "{base}/s?k={query}&page={page}"
  max_pages: 10
  listing_links: "ul.srp-results li.s-item a.s-item__link@href"
  next_page: "nav.pagination a.pagination__next@href"
listing:
  id: "link[rel=canonical]@href | re:/itm/[^/]+/(\\d+)"
  removed: "div.listing-ended"
politeness: {parallelism: 4, delay: 100ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

type tradeloftHandler struct {
	sd *siteData
	f  faultState
}

func newTradeloftHandler(sd *siteData) http.Handler { return &tradeloftHandler{sd: sd} }

func (h *tradeloftHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nDisallow: /checkout/\nDisallow: /account/\nDisallow: /api/\nDisallow: /cart\n\nSitemap: /sitemap.xml\n")
	case p == "/":
		h.page(w, http.StatusOK, "tradeloft - buy and sell anything", `<main class="home"><form action="/s"><input name="k" placeholder="Search for anything"></form></main>`, "")
	case p == "/s":
		h.search(w, r)
	case strings.HasPrefix(p, "/itm/"):
		h.item(w, r)
	case strings.HasPrefix(p, "/images/I/"):
		servePhoto(w, r, h.sd, &h.f, p)
	case strings.HasPrefix(p, "/str/") || strings.HasPrefix(p, "/usr/"):
		h.page(w, http.StatusOK, "Store | tradeloft", `<main class="store"><h1>Store</h1></main>`, "")
	default:
		h.page(w, http.StatusNotFound, "Page not found | tradeloft", `<main class="error"><h1>Sorry, we couldn't find that page</h1></main>`, "")
	}
}

func (h *tradeloftHandler) page(w http.ResponseWriter, status int, title, body, head string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<link rel="stylesheet" href="/static/css/main.8c1f2a.css">
%s</head>
<body>
<header class="gh"><a class="gh-logo" href="/">tradeloft</a><form class="gh-search" action="/s"><input name="k" aria-label="Search"><button>Search</button></form><a href="/account/">Sign in</a> <a href="/cart">Cart</a></header>
%s
<footer class="gf">Copyright © 2026 tradeloft Inc. All rights reserved. <a href="/help/policies">User Agreement</a></footer>
</body>
</html>
`, html.EscapeString(title), head, body)
}

func moneyText(v float64, cur string, id string) string {
	switch cur {
	case "USD":
		return fmt.Sprintf("$%.2f", v)
	case "GBP":
		return fmt.Sprintf("£%.2f", v)
	case "CAD":
		return fmt.Sprintf("C $%.2f", v)
	case "EUR":
		s := strings.Replace(fmt.Sprintf("%.2f", v), ".", ",", 1)
		if hashOf(id)%2 == 0 {
			return "EUR " + s
		}
		return s + " €"
	}
	return fmt.Sprintf("%.2f %s", v, cur)
}

func (h *tradeloftHandler) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("k")
	pg, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if pg < 1 {
		pg = 1
	}
	if pg == 1 && q == "Hearthwell" {
		sleepCtx(r, 1500*time.Millisecond)
	}
	res, more := h.sd.page(q, pg)
	total := len(h.sd.search(q))
	var b strings.Builder
	if len(res) == 0 {
		fmt.Fprintf(&b, `<main class="srp"><h1 class="srp-controls__count">0 results for <span>%s</span></h1><p class="srp-empty">No exact matches found. Try fewer words.</p></main>`, html.EscapeString(q))
		h.page(w, http.StatusOK, q+" | tradeloft", b.String(), "")
		return
	}
	qid := 1760000000 + int(hashOf(q)%10000000)
	fmt.Fprintf(&b, `<main class="srp"><h1 class="srp-controls__count">%d+ results for <span>%s</span></h1>
<ul class="srp-results">
`, total, html.EscapeString(q))
	card := func(l *listing, href string, sponsored bool) {
		cls := "s-item"
		tag := ""
		if sponsored {
			cls += " s-item--sponsored"
			tag = `<span class="s-item__sponsored">Sponsored</span>`
		}
		img := ""
		if len(l.photos) > 0 {
			img = fmt.Sprintf(`<div class="s-item__image"><a href="%s" tabindex="-1"><img src="%s" loading="lazy" alt=""></a></div>`, html.EscapeString(href), l.photos[0])
		}
		price := moneyText(l.price, l.currency, l.id)
		if l.hi > 0 {
			price += " to " + moneyText(l.hi, l.currency, l.id)
		}
		cond := "Brand New"
		if l.used {
			cond = "Pre-Owned"
		}
		fmt.Fprintf(&b, `<li class="%s" data-listing-id="%s">%s<div class="s-item__info"><a class="s-item__link" href="%s"><h3 class="s-item__title">%s</h3></a><div class="s-item__subtitle">%s</div><span class="s-item__price">%s</span><span class="s-item__seller">%s (%d) %.1f%%</span><span class="s-item__location">from %s</span>%s</div></li>
`, cls, l.id, img, html.EscapeString(href), html.EscapeString(l.title), cond, html.EscapeString(price), html.EscapeString(l.seller.name), 10+hashOf(l.seller.id)%9000, 95+float64(hashOf(l.seller.id)%50)/10, l.seller.country, tag)
	}
	if ad := h.sd.sponsored(q, pg); ad != nil {
		card(ad, fmt.Sprintf("%s?ref=sspa_sr_pg%d&qid=%d&sr=8-1-spons&sp_csd=d2lkZ2V0TmFtZT1zcF9hdGY", ad.path, pg, qid), true)
	}
	for i, l := range res {
		pos := (pg-1)*h.sd.pageSize + i + 1
		card(l, fmt.Sprintf("%s?ref=sr_pg%d_%d&qid=%d&sr=8-%d", l.path, pg, i+1, qid, pos), false)
	}
	b.WriteString("</ul>\n<nav class=\"pagination\" aria-label=\"results pagination\">")
	if pg > 1 {
		fmt.Fprintf(&b, `<a class="pagination__previous" href="/s?k=%s&amp;page=%d">Previous</a>`, url.QueryEscape(q), pg-1)
	}
	b.WriteString(`<ol class="pagination__items">`)
	for i := max(1, pg-2); i <= pg+2; i++ {
		if i > pg && !more {
			break
		}
		if i > pg+1 && (i-1)*h.sd.pageSize >= total {
			break
		}
		fmt.Fprintf(&b, `<li><a class="pagination__item" href="/s?k=%s&amp;page=%d">%d</a></li>`, url.QueryEscape(q), i, i)
	}
	b.WriteString(`</ol>`)
	if more {
		fmt.Fprintf(&b, `<a class="pagination__next" href="/s?k=%s&amp;page=%d">Next</a>`, url.QueryEscape(q), pg+1)
	}
	b.WriteString("</nav></main>")
	h.page(w, http.StatusOK, q+" | tradeloft", b.String(), "")
}

func (h *tradeloftHandler) item(w http.ResponseWriter, r *http.Request) {
	l := h.sd.byPath[r.URL.Path]
	if l == nil {
		h.page(w, http.StatusNotFound, "Page not found | tradeloft", `<main class="error"><h1>Sorry, we couldn't find that page</h1></main>`, "")
		return
	}
	if l.removed > 0 {
		why := "The seller has ended this listing."
		if l.removed == 2 {
			why = "This listing was removed because it may violate our policies."
		}
		canon := fmt.Sprintf(`<link rel="canonical" href="http://%s%s">`+"\n", r.Host, l.path)
		h.page(w, http.StatusOK, "Listing ended | tradeloft", `<main class="ended"><div class="listing-ended"><h1>This listing has ended.</h1><p>`+why+`</p></div><a href="/">Find similar items</a></main>`, canon)
		return
	}
	switch l.fault {
	case "flaky":
		if h.f.once("item " + l.id) {
			w.Header().Set("Retry-After", "1")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, "<html><body><h1>Service Unavailable</h1><p>We're having trouble right now. Please try again shortly.</p></body></html>")
			return
		}
	case "slow":
		sleepCtx(r, 1500*time.Millisecond)
	}
	base := "http://" + r.Host
	head := fmt.Sprintf(`<link rel="canonical" href="%s%s">
<meta name="description" content="%s">
<script type="application/ld+json">%s</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"tradeloft","url":"%s/","potentialAction":{"@type":"SearchAction","target":"%s/s?k={search_term_string}","query-input":"required name=search_term_string"}}</script>
<link rel="preload" href="/static/js/app.3f9a1c.js" as="script">
`, base, l.path, html.EscapeString(l.title), productJSONLD(l, base), base, base)
	body := `<div id="root"><div class="skeleton"><div class="skeleton__gallery"></div><div class="skeleton__title"></div><div class="skeleton__price"></div></div></div>
<noscript>Please enable JavaScript to use tradeloft.</noscript>
<script src="/static/js/app.3f9a1c.js" defer></script>`
	if l.fault == "malformed" {
		body = `<div id="root"><div class="skeleton"><div class="skeleton__gallery"><div class="skeleton__title"></span></div>
<noscript>Please enable JavaScript & cookies to use tradeloft.<p>Terms & Conditions
<script src="/static/js/app.3f9a1c.js" defer></script>`
	}
	h.page(w, http.StatusOK, l.title+" | tradeloft", body, head)
}

// productJSONLD is what the page's app renders from: schema.org Product in
// the shapes real sites use (a plain object, an @graph with breadcrumbs,
// image strings or ImageObjects, Offer or AggregateOffer).
func productJSONLD(l *listing, base string) string {
	h := hashOf(l.id)
	var images any
	switch h % 3 {
	case 0:
		imgs := make([]string, len(l.photos))
		for i, p := range l.photos {
			imgs[i] = base + p
		}
		images = imgs
	case 1:
		images = base + l.photos[0]
	default:
		var objs []map[string]any
		for _, p := range l.photos {
			objs = append(objs, map[string]any{"@type": "ImageObject", "url": base + p, "width": photoSize, "height": photoSize})
		}
		images = objs
	}
	sellerURL := base + "/str/" + l.seller.id
	seller := map[string]any{"@type": "Organization", "name": l.seller.name, "url": sellerURL}
	if l.seller.kind == kPersonal {
		sellerURL = base + "/usr/" + l.seller.id
		seller = map[string]any{"@type": "Person", "name": l.seller.name, "url": sellerURL}
	}
	if h%4 != 3 {
		seller["identifier"] = l.seller.id
	}
	if h%5 == 0 {
		seller["@id"] = sellerURL
	}
	cond := "https://schema.org/NewCondition"
	if l.used {
		cond = "https://schema.org/UsedCondition"
	}
	priceVal := any(fmt.Sprintf("%.2f", l.price))
	if h%2 == 0 {
		priceVal = json.Number(fmt.Sprintf("%.2f", l.price))
	}
	var offers any
	if l.hi > 0 {
		offers = map[string]any{
			"@type": "AggregateOffer", "lowPrice": priceVal, "highPrice": json.Number(fmt.Sprintf("%.2f", l.hi)),
			"priceCurrency": l.currency, "offerCount": 2, "availability": "https://schema.org/" + l.avail,
			"itemCondition": cond, "seller": seller, "url": base + l.path,
		}
	} else {
		offer := map[string]any{
			"@type": "Offer", "price": priceVal, "priceCurrency": l.currency,
			"availability": "https://schema.org/" + l.avail, "itemCondition": cond,
			"seller": seller, "url": base + l.path,
		}
		if h%3 == 1 {
			offers = []any{offer}
		} else {
			offers = offer
		}
	}
	prod := map[string]any{
		"@type": "Product", "name": l.title, "description": l.desc, "image": images, "offers": offers,
		"productID": "tl:" + l.id,
	}
	if l.vendorSKU != "" {
		prod["sku"] = l.vendorSKU
	}
	if l.label.Brand != "" && l.label.SKU != "" && h%3 != 2 {
		prod["brand"] = map[string]any{"@type": "Brand", "name": brandByID(l.label.Brand).name}
	}
	var doc any
	if h%4 == 1 {
		prod["@id"] = base + l.path + "#product"
		doc = map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@type": "BreadcrumbList", "itemListElement": []any{
				map[string]any{"@type": "ListItem", "position": 1, "name": "Home", "item": base + "/"},
				map[string]any{"@type": "ListItem", "position": 2, "name": "Health & Beauty", "item": base + "/b/health-beauty"},
			}},
			prod,
		}}
	} else {
		prod["@context"] = "https://schema.org"
		doc = prod
	}
	out, _ := json.Marshal(doc)
	// keep "</script>" out of the block, as real sites escape it
	return strings.ReplaceAll(string(out), "</", `<\/`)
}
