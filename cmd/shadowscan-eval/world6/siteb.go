package world6

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

const ruleB = `# lazmall-sg: Shopee/Lazada style marketplace (SG and MY sellers), written by the brand team
name: lazmall-sg
base_url: http://127.0.0.1:18662
search:
  url: "{base}/search?keyword={query}&page={page}"
  max_pages: 10
  listing_links: "li.shopee-search-item-result__item a[data-sqe=link]@href"
  next_page: "a.shopee-icon-button--right@href"
listing:
  title: "h1.pdp-title span"
  price: "div.pdp-price span.pdp-price__current"
  currency: "div.pdp-price span.pdp-price__current@data-currency"
  seller_id: "div.pdp-shop a.pdp-shop__link@data-shopid"
  seller_name: "div.pdp-shop span.pdp-shop__name"
  images: "div.pdp-gallery img.pdp-image@src"
  description: "div.pdp-description"
  removed: "div.pdp-unavailable"
politeness: {parallelism: 2, delay: 300ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const perPageB = 30

type siteBH struct {
	w     *world
	index []indexed
	byKey map[string]*listing // shop.item
	mu    sync.Mutex
	did   bool // the one-off 503 has been served
}

func newSiteB(w *world) http.Handler {
	s := &siteBH{w: w, byKey: map[string]*listing{}}
	for _, l := range w.listings {
		if l.site == siteB {
			s.index = append(s.index, newIndexed(l))
			s.byKey[l.shop.id+"."+l.id] = l
		}
	}
	return s
}

var productPathB = regexp.MustCompile(`^/products/(.*)-i\.(\d+)\.(\d+)$`)
var shortPathB = regexp.MustCompile(`^/product/(\d+)/(\d+)$`)

func (s *siteBH) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nDisallow: /cart\nDisallow: /checkout\nDisallow: /buyer/\nDisallow: /user/\nAllow: /\n")
	case p == "/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LazMall SG | Online Shopping</title></head><body><form action="/search"><input name="keyword"><button>Search</button></form></body></html>`)
	case p == "/search":
		s.search(w, r)
	case productPathB.MatchString(p):
		m := productPathB.FindStringSubmatch(p)
		s.detail(w, r, m[2]+"."+m[3])
	case shortPathB.MatchString(p):
		m := shortPathB.FindStringSubmatch(p)
		l := s.byKey[m[1]+"."+m[2]]
		if l == nil {
			s.notFound(w)
			return
		}
		http.Redirect(w, r, l.path(), http.StatusMovedPermanently)
	case strings.HasPrefix(p, "/file/"):
		key := strings.TrimSuffix(strings.TrimPrefix(p, "/file/"), "_tn")
		data, ct, ok := listingImage(s.w, key)
		if !ok {
			s.notFound(w)
			return
		}
		w.Header().Set("Content-Type", ct)
		w.Write(data)
	case strings.HasPrefix(p, "/shop/"):
		s.shopPage(w, strings.TrimPrefix(p, "/shop/"))
	default:
		s.notFound(w)
	}
}

func (s *siteBH) notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><div class="page-not-found">The page you are looking for does not exist.</div></body></html>`)
}

func headB(b *strings.Builder, title, extra string) {
	fmt.Fprintf(b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>%s`, esc(title), extra)
	b.WriteString(`<style>body{font-family:Roboto,Arial,sans-serif;margin:0}.pdp-price__current{color:#ee4d2d;font-size:28px}.pdp-price__original{text-decoration:line-through;color:#929292}</style></head><body>`)
	b.WriteString(`<header class="shopee-top"><a href="/">LazMall SG</a><form class="shopee-searchbar" action="/search"><input name="keyword" placeholder="Search for products, brands and shops"></form><a href="/cart">Cart</a></header>`)
}

func (s *siteBH) linkFor(l *listing, q string) string {
	slug := l.slug
	if l.oldSlug != "" {
		slug = l.oldSlug
	}
	h := hashKey(q, l.id)
	return fmt.Sprintf("/products/%s-i.%s.%s?sp_atk=%s-%s-%s&xptdk=%s", slug, l.shop.id, l.id, h[:8], h[8:12], h[12:16], hashKey(l.id, q)[:12])
}

func (s *siteBH) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("keyword")
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	if page >= 2 {
		s.mu.Lock()
		first := !s.did
		s.did = true
		s.mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "2")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>We're busy right now</h1><p>Please try again in a moment.</p></body></html>`)
			return
		}
	}
	hits := search(s.index, q)
	last := (len(hits) + perPageB - 1) / perPageB
	var b strings.Builder
	headB(&b, fmt.Sprintf("%s | LazMall SG", q), "")
	fmt.Fprintf(&b, `<div class="search-result-header">Search result for '<span class="keyword">%s</span>' <span class="count">%d products</span></div>`, esc(q), len(hits))
	if page > last {
		b.WriteString(`<div class="shopee-search-empty-result-section"><div class="title">No results found</div><div class="hint">Try different or more general keywords</div></div></body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, b.String())
		return
	}
	b.WriteString(`<ul class="row shopee-search-item-result__items">`)
	start := (page - 1) * perPageB
	end := min(start+perPageB, len(hits))
	for i := start; i < end; i++ {
		l := hits[i].l
		fmt.Fprintf(&b, `<li class="col-xs-2-4 shopee-search-item-result__item" data-sqe="item"><a data-sqe="link" href="%s">`, esc(s.linkFor(l, q)))
		if len(l.imgs) > 0 {
			fmt.Fprintf(&b, `<img class="card-img" src="/file/%s_tn" alt="">`, l.imgs[0])
		}
		b.WriteString(`<div class="card-info">`)
		if l.shop.badge == "Mall" {
			b.WriteString(`<span class="badge badge--mall">Mall</span>`)
		} else if l.shop.badge == "Preferred" {
			b.WriteString(`<span class="badge badge--preferred">Preferred</span>`)
		}
		if l.promoted && page == 1 {
			b.WriteString(`<span class="badge badge--ad">Ad</span>`)
		}
		fmt.Fprintf(&b, `<div class="card-title" data-sqe="name">%s</div><div class="card-price">%s</div><div class="card-sold">%s sold</div></div></a></li>`,
			esc(l.title), esc(priceTextB(l.price, l.high, l.cur, l.pfmt)), salesTextB(l.sales))
	}
	b.WriteString(`</ul><div class="shopee-page-controller">`)
	if page > 1 {
		fmt.Fprintf(&b, `<a class="shopee-icon-button shopee-icon-button--left" href="/search?keyword=%s&page=%d">&lt;</a>`, url.QueryEscape(q), page-1)
	}
	fmt.Fprintf(&b, `<span class="shopee-mini-page-controller__state">%d/%d</span>`, page, last)
	if page < last {
		fmt.Fprintf(&b, `<a class="shopee-icon-button shopee-icon-button--right" href="/search?keyword=%s&page=%d">&gt;</a>`, url.QueryEscape(q), page+1)
	}
	b.WriteString(`</div></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

func salesTextB(n int) string {
	if n >= 1000 {
		return fmt.Sprintf("%.1fk", float64(n)/1000)
	}
	return strconv.Itoa(n)
}

func ldPrice(v float64, asString bool) any {
	if asString {
		return fmt.Sprintf("%.2f", v)
	}
	return v
}

func (s *siteBH) jsonLD(l *listing, host string) string {
	base := "http://" + host
	canon := base + l.path()
	imgs := make([]string, len(l.imgs))
	for i, k := range l.imgs {
		imgs[i] = base + "/file/" + k
	}
	seller := map[string]any{"@type": "Organization", "name": l.shop.name}
	avail := "https://schema.org/InStock"
	offer := map[string]any{"@type": "Offer", "price": ldPrice(l.price, l.ld%2 == 0), "priceCurrency": l.cur, "availability": avail, "url": canon, "seller": seller}
	prod := map[string]any{"@context": "https://schema.org", "@type": "Product", "name": l.title, "description": l.desc, "url": canon}
	if l.prod != nil {
		prod["brand"] = map[string]any{"@type": "Brand", "name": l.prod.brand.EN}
	}
	switch l.ld {
	case 1:
		seller["identifier"] = l.shop.id
		prod["image"] = imgs[0]
		prod["offers"] = offer
	case 2:
		seller["@id"] = base + "/shop/" + l.shop.id
		prod["image"] = imgs
		offers := []any{offer}
		if l.high > 0 {
			o2 := map[string]any{"@type": "Offer", "price": ldPrice(l.high, false), "priceCurrency": l.cur, "availability": avail, "name": "Bundle"}
			offers = append(offers, o2)
		}
		prod["offers"] = offers
	case 3:
		seller["url"] = base + "/shop/" + l.shop.id
		var io []any
		for _, u := range imgs {
			io = append(io, map[string]any{"@type": "ImageObject", "url": u})
		}
		prod["image"] = io
		high := l.price
		if l.high > 0 {
			high = l.high
		}
		prod["offers"] = map[string]any{"@type": "AggregateOffer", "lowPrice": ldPrice(l.price, true), "highPrice": ldPrice(high, true), "priceCurrency": l.cur, "offerCount": 1 + len(l.variants), "seller": seller}
	case 4:
		seller["identifier"] = l.shop.id
		delete(prod, "@context")
		prod["image"] = imgs
		prod["offers"] = offer
		doc := map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@type": "BreadcrumbList", "itemListElement": []any{
				map[string]any{"@type": "ListItem", "position": 1, "name": "Home", "item": base + "/"},
				map[string]any{"@type": "ListItem", "position": 2, "name": l.shop.name, "item": base + "/shop/" + l.shop.id},
			}},
			prod,
		}}
		out, _ := json.Marshal(doc)
		return string(out)
	default:
		seller["@id"] = base + "/shop/" + l.shop.id
		prod["image"] = imgs
		prod["offers"] = offer
		arr := []any{map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": "LazMall SG", "url": base + "/"}, prod}
		out, _ := json.Marshal(arr)
		return string(out)
	}
	out, _ := json.Marshal(prod)
	return string(out)
}

func (s *siteBH) detail(w http.ResponseWriter, r *http.Request, key string) {
	l := s.byKey[key]
	if l == nil {
		s.notFound(w)
		return
	}
	if l.slow {
		time.Sleep(1000 * time.Millisecond)
	}
	host := r.Host
	var head strings.Builder
	fmt.Fprintf(&head, `<link rel="canonical" href="%s">`, esc("http://"+host+l.path()))
	fmt.Fprintf(&head, `<meta property="og:title" content="%s">`, esc(l.title))
	if l.ld > 0 {
		ld := strings.ReplaceAll(s.jsonLD(l, host), "</", `<\/`)
		fmt.Fprintf(&head, `<script type="application/ld+json">%s</script>`, ld)
	}
	var b strings.Builder
	headB(&b, l.title+" | LazMall SG", head.String())
	b.WriteString(`<div class="page-product"><div class="product-briefing"><div class="pdp-gallery">`)
	for i, k := range l.imgs {
		if i == 0 {
			fmt.Fprintf(&b, `<img class="pdp-image" src="/file/%s" alt="%s">`, k, esc(l.title))
		} else {
			fmt.Fprintf(&b, `<img class="pdp-image" src="/file/%s" alt="">`, k)
		}
	}
	b.WriteString(`</div><section class="pdp-info"><div class="pdp-badges">`)
	switch l.shop.badge {
	case "Mall":
		b.WriteString(`<span class="badge-mall">Mall</span>`)
	case "Preferred":
		b.WriteString(`<span class="badge-preferred">Preferred</span>`)
	}
	fmt.Fprintf(&b, `</div><h1 class="pdp-title"><span>%s</span></h1>`, esc(l.title))
	fmt.Fprintf(&b, `<div class="pdp-rating"><span>4.%d</span> | %s Ratings | %s Sold</div>`, 5+len(l.id)%5, salesTextB(l.sales/4), salesTextB(l.sales))
	if l.mall {
		// LazMall pages render the price client-side from the product data
		b.WriteString(`<div id="pdp-price-root" class="mall-price" data-loading="1"><span class="skeleton"></span></div>`)
	} else {
		b.WriteString(`<div class="pdp-price">`)
		if l.tag > 0 {
			fmt.Fprintf(&b, `<span class="pdp-price__original">%s</span>`, esc(priceTextB(l.tag, 0, l.cur, l.pfmt)))
		}
		fmt.Fprintf(&b, `<span class="pdp-price__current" data-currency="%s">%s</span>`, l.cur, esc(priceTextB(l.price, l.high, l.cur, l.pfmt)))
		if l.tag > 0 {
			fmt.Fprintf(&b, `<span class="pdp-discount">%d%% OFF</span>`, int((1-l.price/l.tag)*100))
		}
		b.WriteString(`</div>`)
	}
	if len(l.variants) > 0 {
		b.WriteString(`<div class="pdp-variations"><label>Variation</label>`)
		for _, v := range l.variants {
			fmt.Fprintf(&b, `<button class="product-variation">%s</button>`, esc(v))
		}
		b.WriteString(`</div>`)
	}
	from := "Singapore"
	if l.cur == "MYR" {
		from = pick2(l.id, []string{"Selangor", "Johor", "Kuala Lumpur", "Penang"})
	}
	if l.shop.id == "50000002" || l.shop.id == "40000004" {
		from = "Mainland China"
	}
	fmt.Fprintf(&b, `<div class="pdp-shipping">Ships from <span>%s</span></div>`, from)
	b.WriteString(`<button class="btn-add-to-cart">Add To Cart</button><button class="btn-buy-now">Buy Now</button></section></div>`)
	fmt.Fprintf(&b, `<div class="pdp-shop"><a class="pdp-shop__link" href="/shop/%s" data-shopid="%s"><span class="pdp-shop__name">%s</span></a>`, l.shop.id, l.shop.id, esc(l.shop.name))
	if l.shop.badge != "" {
		fmt.Fprintf(&b, ` <span class="pdp-shop__badge">%s</span>`, esc(l.shop.badge))
	}
	b.WriteString(`<a class="pdp-shop__chat" href="/chat">Chat Now</a></div>`)
	b.WriteString(`<div class="pdp-detail"><h2>Product Specifications</h2><div class="pdp-specs">`)
	if l.prod != nil {
		fmt.Fprintf(&b, `<div><label>Brand</label><span>%s</span></div>`, esc(l.prod.brand.EN))
	} else {
		b.WriteString(`<div><label>Brand</label><span>No Brand</span></div>`)
	}
	fmt.Fprintf(&b, `<div><label>Stock</label><span>%d</span></div></div>`, 5+l.sales%300)
	fmt.Fprintf(&b, `<h2>Product Description</h2><div class="pdp-description">%s</div></div></div></body></html>`, descHTML(l.desc))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

func pick2(seed string, xs []string) string {
	h := 0
	for _, c := range seed {
		h = h*31 + int(c)
	}
	if h < 0 {
		h = -h
	}
	return xs[h%len(xs)]
}

func (s *siteBH) shopPage(w http.ResponseWriter, id string) {
	var b strings.Builder
	var name string
	var items []*listing
	for _, ix := range s.index {
		if ix.l.shop.id == id {
			items = append(items, ix.l)
			name = ix.l.shop.name
		}
	}
	if len(items) == 0 {
		s.notFound(w)
		return
	}
	headB(&b, name+" | LazMall SG", "")
	fmt.Fprintf(&b, `<div class="shop-page"><h2 class="shop-name">%s</h2><ul>`, esc(name))
	for _, l := range items {
		fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`, esc(l.path()), esc(l.title))
	}
	b.WriteString(`</ul></div></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}
