package world3

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

const pageSizeB = 24

type siteB_ struct {
	w       *world
	mu      sync.Mutex
	failed  bool
	slowNum uint64
}

func newSiteB(w *world) http.Handler {
	s := &siteB_{w: w}
	for _, l := range w.listings[siteB] {
		if l.kind == "auth" && (s.slowNum == 0 || l.num < s.slowNum) {
			s.slowNum = l.num
		}
	}
	return s
}

var (
	reProdB   = regexp.MustCompile(`^/products/([a-z0-9-]+)$`)
	reImgB    = regexp.MustCompile(`^/cdn/shop/files/(\d+)_(\d+)\.jpg$`)
	reSellerB = regexp.MustCompile(`^/sellers/([A-Za-z0-9._-]+)$`)
)

// obj is a JSON object that keeps its key order.
type obj []kv
type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.k)
		v, err := json.Marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func (s *siteB_) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(rw, "User-agent: *\nDisallow: /account\nDisallow: /checkout\nDisallow: /cart\n\nSitemap: /sitemap.xml\n")
	case p == "/":
		s.page(rw, "Wellmart - Everyday wellness, beauty & home", "", `<main class="home"><h1>Wellmart</h1><p>Wellness, beauty and home essentials from Asia, shipped worldwide.</p></main>`)
	case p == "/search":
		s.search(rw, r)
	case reProdB.MatchString(p):
		s.product(rw, r, reProdB.FindStringSubmatch(p)[1])
	case reImgB.MatchString(p):
		m := reImgB.FindStringSubmatch(p)
		n, _ := strconv.ParseUint(m[1], 10, 64)
		i, _ := strconv.Atoi(m[2])
		l := s.w.byNum[siteB][n]
		if l == nil || i >= len(l.imgs) {
			http.NotFound(rw, r)
			return
		}
		data := imageBytes(siteB, l, i)
		if wd, err := strconv.Atoi(r.URL.Query().Get("width")); err == nil && wd < imgSize {
			data = thumb(data, wd, wd)
		}
		rw.Header().Set("Content-Type", "image/jpeg")
		rw.Write(data)
	case reSellerB.MatchString(p):
		s.sellerPage(rw, r, reSellerB.FindStringSubmatch(p)[1])
	case p == "/assets/pdp.js":
		rw.Header().Set("Content-Type", "application/javascript")
		fmt.Fprint(rw, "/* product page renders client-side from the JSON-LD */\n")
	default:
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusNotFound)
		fmt.Fprint(rw, `<!doctype html><html><head><title>Page not found | Wellmart</title></head><body><h1>404 - Page not found</h1></body></html>`)
	}
}

func (s *siteB_) page(rw http.ResponseWriter, title, head, body string) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(rw, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>%s</title>%s
<link rel="stylesheet" href="/assets/app.css"></head>
<body><header class="site-header"><a class="logo" href="/">Wellmart</a>
<form action="/search" method="get" role="search"><input type="search" name="query" placeholder="Search products"><button>Search</button></form>
<nav><a href="/account/login">Sign in</a> <a href="/cart">Cart</a></nav></header>
%s
<footer class="site-footer"><p>&copy; 2024 Wellmart Ltd. Prices in Chinese yuan (CNY).</p></footer></body></html>`, html.EscapeString(title), head, body)
}

func (s *siteB_) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("query")
	page, _ := strconv.Atoi(r.URL.Query().Get("p"))
	if page < 1 {
		page = 1
	}
	if page == 2 {
		s.mu.Lock()
		first := !s.failed
		s.failed = true
		s.mu.Unlock()
		if first {
			rw.Header().Set("Retry-After", "1")
			rw.Header().Set("Content-Type", "text/plain")
			rw.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(rw, "Service temporarily unavailable. Please retry.")
			return
		}
	}
	res := s.w.index[siteB].search(q)
	total := len(res)
	pages := (total + pageSizeB - 1) / pageSizeB
	b := &strings.Builder{}
	fmt.Fprintf(b, `<main class="search"><h1>Results for &ldquo;%s&rdquo;</h1><p class="count">%d products</p><ul class="grid">`, html.EscapeString(q), total)
	tile := func(l *listing, ref string, pos int, sponsored bool) {
		link := l.path
		if l.oldSlug != "" {
			link = "/products/" + l.oldSlug
		}
		link += fmt.Sprintf("?ref=%s&pos=%d", ref, pos)
		if l.variant != "" {
			link += "&variant=" + l.variant
		}
		cls := "product-tile"
		badge := ""
		if sponsored {
			cls += " sponsored"
			badge = `<span class="badge">Sponsored</span>`
		}
		fmt.Fprintf(b, `<li class="%s">%s<a class="tile-link" href="%s"><img loading="lazy" src="/cdn/shop/files/%d_0.jpg?v=1712345678&amp;width=300" alt="%s"><span class="tile-title">%s</span><span class="tile-price">CN¥%s</span></a><span class="tile-seller">by <a href="/sellers/%s">%s</a></span></li>`,
			cls, badge, html.EscapeString(link), l.num, html.EscapeString(l.title), html.EscapeString(l.title), money(l.price),
			url.PathEscape(l.seller.id), html.EscapeString(l.seller.name))
	}
	if page == 1 && total > 6 {
		// sponsored: the two best sellers of the query, shown first
		best := []*listing{}
		for _, l := range res {
			if l.sales > 150 && len(best) < 2 {
				best = append(best, l)
			}
		}
		for i, l := range best {
			tile(l, "sponsored", i+1, true)
		}
	}
	lo := min((page-1)*pageSizeB, total)
	hi := min(lo+pageSizeB, total)
	for i, l := range res[lo:hi] {
		tile(l, "search", lo+i+1, false)
	}
	fmt.Fprint(b, `</ul>`)
	if total == 0 {
		fmt.Fprint(b, `<p class="empty">No products found. Try a different search.</p>`)
	}
	fmt.Fprint(b, `<nav class="pagination">`)
	if page > 1 {
		fmt.Fprintf(b, `<a rel="prev" href="/search?query=%s&amp;p=%d">Previous</a>`, url.QueryEscape(q), page-1)
	}
	fmt.Fprintf(b, `<span>Page %d of %d</span>`, page, max(pages, 1))
	if page < pages {
		fmt.Fprintf(b, `<a rel="next" href="/search?query=%s&amp;p=%d">Next</a>`, url.QueryEscape(q), page+1)
	}
	fmt.Fprint(b, `</nav></main>`)
	s.page(rw, q+" - Search | Wellmart", "", b.String())
}

func (s *siteB_) product(rw http.ResponseWriter, r *http.Request, slug string) {
	if l := s.w.byOld[slug]; l != nil {
		target := l.path
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(rw, r, target, http.StatusMovedPermanently)
		return
	}
	l := s.w.bySlug[slug]
	if l == nil {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusNotFound)
		fmt.Fprint(rw, `<!doctype html><html><head><title>Product not found | Wellmart</title></head><body><h1>This product is no longer available</h1></body></html>`)
		return
	}
	if l.num == s.slowNum {
		time.Sleep(time.Second)
	}
	host := "http://" + r.Host
	canon := host + l.path
	lds := jsonLD(l, host, canon)
	head := fmt.Sprintf("\n<link rel=\"canonical\" href=\"%s\">\n<meta name=\"description\" content=\"%s\">", html.EscapeString(canon), html.EscapeString(trunc(l.desc, 150)))
	for _, ld := range lds {
		data, err := json.Marshal(ld)
		if err != nil {
			panic(err)
		}
		head += "\n<script type=\"application/ld+json\">" + string(data) + "</script>"
	}
	body := fmt.Sprintf(`<main id="pdp-root" data-product-handle="%s"><div class="skeleton" aria-busy="true">Loading product&hellip;</div></main>
<noscript><p>Please enable JavaScript to view this product.</p></noscript>
<script src="/assets/pdp.js" defer></script>`, html.EscapeString(l.slug))
	s.page(rw, l.title+" | Wellmart", head, body)
}

func trunc(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

func sellerLD(l *listing, host string) obj {
	t := "Organization"
	if l.seller.role == rolePersonal {
		t = "Person"
	}
	o := obj{{"@type", t}, {"name", l.seller.name}}
	surl := host + "/sellers/" + url.PathEscape(l.seller.id)
	switch l.seller.ld {
	case 0:
		o = append(o, kv{"identifier", l.seller.id})
	case 1:
		o = append(obj{{"@type", t}, {"@id", surl}}, o[1:]...)
	default:
		o = append(o, kv{"url", surl})
	}
	return o
}

func jsonLD(l *listing, host, canon string) []any {
	id := strconv.FormatUint(l.num, 10)
	var imgs []string
	for i := range l.imgs {
		imgs = append(imgs, fmt.Sprintf("%s/cdn/shop/files/%d_%d.jpg?v=1712345678", host, l.num, i))
	}
	var image any
	switch l.num % 3 {
	case 0:
		if len(imgs) == 1 {
			image = imgs[0]
		} else {
			image = imgs
		}
	case 1:
		image = imgs
	default:
		var io []obj
		for _, u := range imgs {
			io = append(io, obj{{"@type", "ImageObject"}, {"url", u}, {"width", 800}, {"height", 800}})
		}
		image = io
	}
	var price any = l.price
	if l.num%2 == 0 {
		price = fmt.Sprintf("%.2f", l.price)
	}
	avail := "https://schema.org/InStock"
	if l.oos {
		avail = "https://schema.org/OutOfStock"
	}
	cond := "https://schema.org/NewCondition"
	if l.seller.role == rolePersonal {
		cond = "https://schema.org/UsedCondition"
	}
	sel := sellerLD(l, host)
	offer := obj{{"@type", "Offer"}, {"url", canon}, {"priceCurrency", "CNY"}, {"price", price}, {"availability", avail}, {"itemCondition", cond}, {"seller", sel}}
	var offers any = offer
	switch l.ld {
	case 3:
		high := l.high
		if high == 0 {
			high = l.price * 2
		}
		offers = []obj{
			{{"@type", "Offer"}, {"name", "Single"}, {"sku", id + "-1"}, {"price", price}, {"priceCurrency", "CNY"}, {"availability", avail}, {"seller", sel}},
			{{"@type", "Offer"}, {"name", "Twin pack"}, {"sku", id + "-2"}, {"price", fmt.Sprintf("%.2f", high)}, {"priceCurrency", "CNY"}, {"availability", avail}, {"seller", sel}},
		}
	case 4:
		high := l.high
		if high == 0 {
			high = l.price
		}
		offers = obj{{"@type", "AggregateOffer"}, {"lowPrice", l.price}, {"highPrice", high}, {"offerCount", 2}, {"priceCurrency", "CNY"}, {"availability", avail}, {"seller", sel}}
	}
	prod := obj{{"@type", "Product"}, {"name", l.title}, {"url", canon}, {"image", image}, {"description", l.desc}}
	switch l.num % 4 {
	case 0:
		prod = append(prod, kv{"sku", id}, kv{"productID", id})
	case 1, 2:
		prod = append(prod, kv{"sku", id})
	default:
		prod = append(prod, kv{"productID", id})
	}
	if l.label.SKU != "" {
		prod = append(prod, kv{"brand", obj{{"@type", "Brand"}, {"name", brandByID[productBy[l.label.SKU].Brand].enForms[0]}}})
	}
	prod = append(prod, kv{"offers", offers})
	if l.sales > 20 && l.num%5 != 0 {
		prod = append(prod, kv{"aggregateRating", obj{{"@type", "AggregateRating"}, {"ratingValue", fmt.Sprintf("%.1f", 3.6+float64(l.num%14)/10)}, {"reviewCount", l.sales / 4}}})
	}
	ctx := kv{"@context", "https://schema.org"}
	crumbs := obj{{"@type", "BreadcrumbList"}, {"itemListElement", []obj{
		{{"@type", "ListItem"}, {"position", 1}, {"name", "Home"}, {"item", host + "/"}},
		{{"@type", "ListItem"}, {"position", 2}, {"name", "Shop"}, {"item", host + "/search?query=all"}},
	}}}
	switch l.ld {
	case 1:
		prod = append(obj{{"@type", "Product"}, {"@id", canon + "#product"}}, prod[1:]...)
		return []any{obj{ctx, {"@graph", []obj{
			{{"@type", "WebPage"}, {"@id", canon}, {"name", l.title}},
			prod,
			{{"@type", "Organization"}, {"@id", host + "/#org"}, {"name", "Wellmart"}},
		}}}}
	case 2:
		return []any{[]obj{append(obj{ctx}, crumbs...), append(obj{ctx}, prod...)}}
	case 5:
		return []any{obj{ctx, {"@type", "Organization"}, {"name", "Wellmart"}, {"url", host + "/"}}, append(obj{ctx}, prod...)}
	}
	return []any{append(obj{ctx}, prod...)}
}

func (s *siteB_) sellerPage(rw http.ResponseWriter, r *http.Request, id string) {
	ls := s.w.shops[siteB][id]
	if len(ls) == 0 {
		http.NotFound(rw, r)
		return
	}
	b := &strings.Builder{}
	fmt.Fprintf(b, `<main class="seller"><h1>%s</h1><ul>`, html.EscapeString(ls[0].seller.name))
	for _, l := range ls {
		fmt.Fprintf(b, `<li><a href="%s?ref=seller">%s</a></li>`, html.EscapeString(l.path), html.EscapeString(l.title))
	}
	fmt.Fprint(b, `</ul></main>`)
	s.page(rw, ls[0].seller.name+" | Wellmart", "", b.String())
}
