package world8

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const ckPerPage = 40

type craftlyHandler struct{ w *world }

func newCraftlyHandler(w *world) http.Handler { return &craftlyHandler{w: w} }

func ckMoney(v float64, cur string) (sym, val string) {
	switch cur {
	case "GBP":
		return "£", thousands(v, ".", ",")
	case "USD":
		return "US$", thousands(v, ".", ",")
	case "EUR":
		return "€", thousands(v, ".", ",")
	case "AUD":
		return "AU$", thousands(v, ".", ",")
	}
	return cur, thousands(v, ".", ",")
}

func (l *listing) ckPath() string { return "/listing/" + l.id + "/" + l.slug }

func (h *craftlyHandler) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(rw, "User-agent: *\nDisallow: /cart\nDisallow: /checkout\nDisallow: /your/\nDisallow: /api/\n")
	case p == "/":
		h.page(rw, "craftly - Shop for handmade, vintage and unique items", `<h1>craftly</h1><form action="/search"><input name="q"><button>Search</button></form>`, "")
	case p == "/search":
		h.search(rw, r)
	case p == "/static/app.js":
		rw.Header().Set("Content-Type", "application/javascript")
		fmt.Fprint(rw, "(function(){var d=document.querySelector('script[type=\"application/ld+json\"]');if(!d)return;var j=JSON.parse(d.textContent);window.__LISTING__=j;document.getElementById('root').dataset.ready='1';})();\n")
	case strings.HasPrefix(p, "/listing/"):
		h.listing(rw, r)
	case strings.HasPrefix(p, "/il/"):
		b, ok := h.w.images["craftly"].get(p)
		if !ok {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "image/jpeg")
		rw.Write(b)
	case strings.HasPrefix(p, "/shop/"):
		name := strings.TrimPrefix(p, "/shop/")
		h.page(rw, name+" - craftly", fmt.Sprintf(`<h1 class="shop-name-and-title-container">%s</h1>`, esc(name)), "")
	default:
		rw.WriteHeader(http.StatusNotFound)
		h.page(rw, "Page not found - craftly", `<h1>Uh oh!</h1><p>Sorry, the page you were looking for was not found.</p>`, "")
	}
}

func (h *craftlyHandler) page(rw http.ResponseWriter, title, body, head string) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(rw, "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>%s</title>%s</head><body><header class=\"wt-header\"><a href=\"/\" class=\"logo\">craftly</a></header>%s</body></html>\n", esc(title), head, body)
}

func (h *craftlyHandler) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	pg, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if pg < 1 {
		pg = 1
	}
	res, _ := h.w.search("craftly", q)
	var b strings.Builder
	fmt.Fprintf(&b, `<form action="/search" class="global-search"><input name="q" value="%s"></form>`, esc(q))
	fmt.Fprintf(&b, `<div class="search-header"><span class="wt-text-caption">%d results, with Ads</span></div>`, len(res))
	b.WriteString(`<div class="search-listings-group"><ol class="wt-grid wt-grid--block tab-reorder-container">`)
	card := func(l *listing, ref string, ad bool) {
		link := l.ckPath()
		if l.oldSlug != "" {
			link = "/listing/" + l.id + "/" + l.oldSlug
		}
		link += "?" + ref
		img := ""
		if len(l.images) > 0 {
			img = strings.Replace(l.images[0], "il_794xN", "il_340x270", 1)
		}
		sym, val := ckMoney(l.price, l.cur)
		fmt.Fprintf(&b, `<li class="wt-list-unstyled wt-grid__item-xs-6"><div class="v2-listing-card" data-listing-id="%s" data-shop-id="%s">`, l.id, esc(l.seller.id))
		fmt.Fprintf(&b, `<a class="listing-link wt-display-inline-block" href="%s" title="%s" data-listing-id="%s">`, esc(link), esc(l.title), l.id)
		fmt.Fprintf(&b, `<div class="v2-listing-card__img"><img src="%s" alt="%s"></div>`, esc(img), esc(l.title))
		fmt.Fprintf(&b, `<div class="v2-listing-card__info"><h3 class="v2-listing-card__title">%s</h3>`, esc(l.title))
		if ad {
			fmt.Fprintf(&b, `<p class="wt-text-caption">Ad by craftly seller</p>`)
		}
		fmt.Fprintf(&b, `<p class="wt-text-caption shop-name">%s</p>`, esc(l.seller.id))
		plus := ""
		if len(l.variants) > 0 {
			plus = "+"
		}
		fmt.Fprintf(&b, `<div class="n-listing-card__price"><p class="wt-text-title-01"><span class="currency-symbol">%s</span><span class="currency-value">%s</span>%s</p></div>`, sym, val, plus)
		b.WriteString(`</div></a></div></li>`)
	}
	if len(res) > 4 {
		// two ads at the top of every page: relevant listings shown again with ad tracking
		for k := 0; k < 2; k++ {
			o := res[(pg*7+k*13)%len(res)]
			card(o, fmt.Sprintf("ref=sc_gallery-%d-%d&pro=1&plkey=%s", pg, k+1, fnvHex(q+o.id)), true)
		}
	}
	start := (pg - 1) * ckPerPage
	end := min(start+ckPerPage, len(res))
	for i := start; i < end; i++ {
		l := res[i]
		ref := fmt.Sprintf("ga_order=most_relevant&ga_search_type=all&ga_view_type=gallery&ga_search_query=%s&ref=sr_gallery-%d-%d&frs=1&sts=1", url.QueryEscape(q), pg, i-start+1)
		if i%5 == 0 {
			ref += "&bes=1"
		}
		card(l, ref, false)
	}
	b.WriteString(`</ol></div>`)
	pages := (len(res) + ckPerPage - 1) / ckPerPage
	b.WriteString(`<nav aria-label="Pagination of listings" class="search-pagination wt-action-group">`)
	if pg > 1 {
		fmt.Fprintf(&b, `<a class="wt-action-group__item" rel="prev" href="/search?q=%s&amp;page=%d&amp;ref=pagination"><span class="wt-screen-reader-only">Previous page</span></a>`, url.QueryEscape(q), pg-1)
	}
	for i := 1; i <= pages; i++ {
		fmt.Fprintf(&b, `<a class="wt-action-group__item" href="/search?q=%s&amp;page=%d&amp;ref=pagination" data-page="%d">%d</a>`, url.QueryEscape(q), i, i, i)
	}
	if pg < pages {
		fmt.Fprintf(&b, `<a class="wt-action-group__item" rel="next" href="/search?q=%s&amp;page=%d&amp;ref=pagination"><span class="wt-screen-reader-only">Next page</span></a>`, url.QueryEscape(q), pg+1)
	}
	b.WriteString(`</nav>`)
	h.page(rw, q+" - craftly", b.String(), "")
}

func (h *craftlyHandler) listing(rw http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	if len(parts) < 2 || len(parts) > 3 {
		http.NotFound(rw, r)
		return
	}
	l, ok := h.w.byID["craftly/"+parts[1]]
	if !ok {
		rw.WriteHeader(http.StatusNotFound)
		h.page(rw, "Page not found - craftly", `<h1>Uh oh!</h1><p>Sorry, the page you were looking for was not found.</p>`, "")
		return
	}
	if len(parts) == 2 || parts[2] != l.slug {
		// an old or missing slug: the site sends you to the current address
		http.Redirect(rw, r, l.ckPath(), http.StatusMovedPermanently)
		return
	}
	if l.fault == "slow" {
		time.Sleep(slowDelay)
	}
	base := hostBase(r)
	ld := craftlyJSONLD(l, base)
	js, _ := json.MarshalIndent(ld, "", " ")
	jsStr := strings.ReplaceAll(string(js), "</", "<\\/")
	var head strings.Builder
	fmt.Fprintf(&head, "\n<link rel=\"canonical\" href=\"%s%s\">\n", base, l.ckPath())
	if l.shape == 1 || l.shape == 3 {
		fmt.Fprintf(&head, `<meta property="og:title" content="%s"><meta property="og:type" content="product">`, esc(l.title))
		if len(l.images) > 0 {
			fmt.Fprintf(&head, `<meta property="og:image" content="%s%s">`, base, l.images[0])
		}
		head.WriteString("\n")
	}
	fmt.Fprintf(&head, "<script type=\"application/ld+json\">%s</script>\n<script src=\"/static/app.js\" defer></script>", jsStr)
	body := fmt.Sprintf(`<div id="root" data-listing-id="%s" data-shop="%s"></div><noscript><p>Please enable JavaScript to view this listing.</p></noscript>`, l.id, esc(l.seller.id))
	h.page(rw, l.title+" - craftly", body, head.String())
}

func money2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func craftlyJSONLD(l *listing, base string) any {
	var imgs []string
	for _, im := range l.images {
		imgs = append(imgs, base+im)
	}
	shopURL := base + "/shop/" + l.seller.id
	url := base + l.ckPath()
	avail := "https://schema.org/InStock"
	if l.soldOut {
		avail = "https://schema.org/OutOfStock"
	}
	switch l.shape {
	case 1: // @graph with a seller reference
		prod := map[string]any{"@type": "Product", "@id": url + "#product", "name": l.title, "description": l.desc, "image": imgs, "url": url,
			"brand": map[string]any{"@type": "Brand", "name": l.seller.id}}
		if len(l.variants) > 0 {
			lo, hi := l.variants[0].price, l.variants[0].price
			for _, v := range l.variants {
				lo, hi = min(lo, v.price), max(hi, v.price)
			}
			prod["offers"] = map[string]any{"@type": "AggregateOffer", "lowPrice": money2(lo), "highPrice": money2(hi), "offerCount": len(l.variants), "priceCurrency": l.cur, "availability": avail, "seller": map[string]any{"@id": shopURL}}
		} else {
			prod["offers"] = map[string]any{"@type": "Offer", "price": money2(l.price), "priceCurrency": l.cur, "availability": avail, "seller": map[string]any{"@id": shopURL}}
		}
		return map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@type": "WebPage", "@id": url, "name": l.title},
			prod,
			map[string]any{"@type": "Organization", "@id": shopURL, "name": l.seller.id, "url": shopURL},
		}}
	case 2: // array: breadcrumbs + product with an offers array
		var offers []any
		vs := l.variants
		if len(vs) == 0 {
			vs = []variant{{"", l.price}}
		}
		for _, v := range vs {
			o := map[string]any{"@type": "Offer", "price": v.price, "priceCurrency": l.cur, "availability": avail,
				"seller": map[string]any{"@type": "Organization", "name": l.seller.id, "identifier": l.seller.id}}
			if v.name != "" {
				o["name"] = v.name
			}
			offers = append(offers, o)
		}
		var io []any
		for _, im := range imgs {
			io = append(io, map[string]any{"@type": "ImageObject", "contentUrl": im, "url": im, "thumbnailUrl": strings.Replace(im, "il_794xN", "il_170x135", 1)})
		}
		return []any{
			map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []any{
				map[string]any{"@type": "ListItem", "position": 1, "name": "Home", "item": base + "/"},
				map[string]any{"@type": "ListItem", "position": 2, "name": l.seller.id, "item": shopURL},
			}},
			map[string]any{"@context": "https://schema.org", "@type": "Product", "name": l.title, "description": l.desc, "image": io, "sku": l.id, "offers": offers},
		}
	case 3: // a Person seller, one image as a string, a numeric price
		return map[string]any{"@context": "https://schema.org", "@type": "Product", "name": l.title, "description": l.desc, "image": firstOr(imgs),
			"offers": map[string]any{"@type": "Offer", "price": l.price, "priceCurrency": l.cur, "availability": avail, "url": url,
				"seller": map[string]any{"@type": "Person", "name": l.seller.id, "url": shopURL}}}
	default: // plain Product + Offer with an Organization seller
		return map[string]any{"@context": "https://schema.org", "@type": "Product", "name": l.title, "description": l.desc, "image": imgs, "sku": l.id,
			"brand": map[string]any{"@type": "Brand", "name": l.seller.id},
			"offers": map[string]any{"@type": "Offer", "price": money2(l.price), "priceCurrency": l.cur, "availability": avail, "url": url,
				"seller": map[string]any{"@type": "Organization", "name": l.seller.id, "url": shopURL}}}
	}
}

func firstOr(xs []string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return ""
}
