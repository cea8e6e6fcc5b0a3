package world4

import (
	"encoding/json"
	"fmt"
	"net/http"

	"strconv"
	"strings"
	"time"
)

const perPageB = 24

type handlerB struct {
	sd    *siteData
	mux   *http.ServeMux
	pages pageCache
	cache searchCache
	fail  failOnce
}

func newHandlerB() http.Handler {
	h := &handlerB{sd: getWorld().sites[siteB], mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /{$}", h.home)
	h.mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nDisallow: /checkout\nDisallow: /account/\nDisallow: /api/\n\nSitemap: /sitemap.xml\n")
	})
	h.mux.HandleFunc("GET /search", h.search)
	h.mux.HandleFunc("GET /shop/{shop}", h.shop)
	h.mux.HandleFunc("GET /shop/{shop}/{prod}", h.item)
	h.mux.HandleFunc("GET /zh-hk/shop/{shop}/{prod}", h.item)
	h.mux.HandleFunc("GET /cdn/p/{code}/{file}", h.img)
	h.mux.HandleFunc("GET /static/app.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/javascript")
		fmt.Fprint(w, "/* GlowHub storefront bundle */ (function(){var d=document.querySelector('script[type=\"application/ld+json\"][data-pdp]');})();")
	})
	return h
}

func (h *handlerB) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

const headB = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
`

const headerB = `<header class="site-header"><a class="brand" href="/">GlowHub Global 環球好物</a>
<form class="search" action="/search" method="get"><input name="q" placeholder="Search brands, products 搜尋"><button>Search</button></form>
<nav><a href="/search?q=skincare">Skincare</a> <a href="/search?q=supplements">Supplements</a> <a href="/search?q=home">Home</a> <a href="/shop/silkdew-hk">Featured shop</a></nav></header>
`

const footB = `<footer class="site-footer"><p>© 2025 GlowHub Global Ltd. Prices include VAT where applicable. 價格以結算頁為準。</p><p><a href="/ip-complaints">IP complaints</a> · <a href="/help">Help</a></p></footer>
</body>
</html>
`

const orgLD = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"GlowHub Global","url":"` + originMark + `/","logo":"` + originMark + `/static/logo.png"}</script>
`

func (h *handlerB) home(w http.ResponseWriter, r *http.Request) {
	writeHTML(w, r, 200, headB+"<title>GlowHub Global - cross-border beauty, health & home</title>\n"+orgLD+"</head>\n<body>\n"+headerB+`<main><h1>Shop Asia's best, shipped worldwide</h1></main>`+footB)
}

func moneyB(v float64, cur string) string {
	switch cur {
	case "USD":
		return "US $" + fmt.Sprintf("%.2f", v)
	case "HKD":
		return "HK$" + commaNum(v)
	}
	return "¥" + commaNum(v)
}

func (h *handlerB) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	res := h.sd.search(&h.cache, q)
	var sb strings.Builder
	sb.WriteString(headB)
	fmt.Fprintf(&sb, "<title>Search results for &quot;%s&quot; | GlowHub Global</title>\n%s</head>\n<body>\n%s<main>", esc(q), orgLD, headerB)
	from, to := (page-1)*perPageB, min(page*perPageB, len(res))
	if from >= len(res) {
		if len(res) == 0 {
			fmt.Fprintf(&sb, `<h1 class="results-heading">No results for “%s” 找不到相關商品</h1>`, esc(q))
		} else {
			sb.WriteString(`<h1 class="results-heading">No more results</h1>`)
		}
		sb.WriteString(`<section class="recommend"><h2>You may also like</h2>`)
		for i := 0; i < 6; i++ {
			l := h.sd.listings[(int(hash32(q))+i*89)%len(h.sd.listings)]
			fmt.Fprintf(&sb, `<article class="rec-card"><a href="%s?ref=rec">%s</a></article>`, l.path, esc(l.title))
		}
		sb.WriteString("</section></main>\n" + footB)
		writeHTML(w, r, 200, sb.String())
		return
	}
	fmt.Fprintf(&sb, `<h1 class="results-heading">%d results for “%s”</h1>`+"\n", len(res), esc(q))
	sb.WriteString(`<div class="results-grid">` + "\n")
	for i := from; i < to; i++ {
		l := res[i]
		fmt.Fprintf(&sb, `<article class="product-card" data-id="%s"><a class="card-link" href="%s?ref=search&amp;pos=%d"><img loading="lazy" src="/cdn/p/%s/1.jpg" alt=""><h3 class="card-title">%s</h3></a>`,
			l.id, l.path, i+1, l.id, esc(l.title))
		price := moneyB(l.price, l.currency)
		if l.priceHi > 0 {
			price += " – " + moneyB(l.priceHi, l.currency)
		}
		fmt.Fprintf(&sb, `<div class="card-price">%s</div><a class="card-shop" href="/shop/%s">%s</a></article>`+"\n", price, l.shop.id, esc(l.shop.name))
	}
	sb.WriteString("</div>\n")
	if to < len(res) {
		fmt.Fprintf(&sb, `<button class="load-more" data-next-page="%d" type="button">Load more 載入更多</button>`+"\n", page+1)
	}
	sb.WriteString("</main>\n" + footB)
	writeHTML(w, r, 200, sb.String())
}

func (h *handlerB) item(w http.ResponseWriter, r *http.Request) {
	prod := r.PathValue("prod")
	i := strings.LastIndexByte(prod, '-')
	var l *listing
	if i > 0 {
		l = h.sd.byID[prod[i+1:]]
	}
	if l == nil || l.shop.id != r.PathValue("shop") {
		writeHTML(w, r, 404, headB+"<title>Page not found | GlowHub Global</title></head><body>"+headerB+`<main><h1>Sorry, we can't find that page.</h1></main>`+footB)
		return
	}
	if l.path != "/shop/"+l.shop.id+"/"+prod {
		// an old slug: redirect to the current one
		http.Redirect(w, r, l.path, http.StatusMovedPermanently)
		return
	}
	if l.id == h.sd.failID && h.fail.first("item-"+l.id) {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	}
	if l.id == h.sd.slowID {
		time.Sleep(700 * time.Millisecond)
	}
	page := h.pages.get("item-"+l.id, func() string { return h.renderItem(l) })
	writeHTML(w, r, 200, page)
}

func (l *listing) brandName() string {
	if l.sku != "" {
		return productBySKU(l.sku).b.EN
	}
	return ""
}

func (h *handlerB) imageURLs(l *listing) []string {
	var u []string
	for k := range l.photos {
		u = append(u, fmt.Sprintf("%s/cdn/p/%s/%d.jpg", originMark, l.id, k+1))
	}
	return u
}

func priceValue(l *listing, v float64) any {
	switch l.prShape {
	case 0:
		return fmt.Sprintf("%.2f", v)
	case 1:
		return rawNum(strconv.FormatFloat(v, 'f', -1, 64))
	}
	return trimNum(v)
}

func (h *handlerB) sellerLD(l *listing) obj {
	u := originMark + "/shop/" + l.shop.id
	switch l.selShape {
	case 1:
		return obj{{"@type", "Organization"}, {"@id", u}, {"name", l.shop.name}}
	case 2:
		return obj{{"@type", "Organization"}, {"name", l.shop.name}, {"identifier", l.shop.id}, {"url", u + "?src=pdp"}}
	}
	return obj{{"@type", "Organization"}, {"name", l.shop.name}, {"url", u}}
}

func (l *listing) availability() string {
	if l.oos {
		return "https://schema.org/OutOfStock"
	}
	return "https://schema.org/InStock"
}

func (l *listing) condition() string {
	if l.kind == kSecondhand {
		return "https://schema.org/UsedCondition"
	}
	return "https://schema.org/NewCondition"
}

func (h *handlerB) offersLD(l *listing) any {
	unit := obj{{"@type", "Offer"}, {"url", originMark + l.path}, {"priceCurrency", l.currency}, {"price", priceValue(l, l.price)},
		{"availability", l.availability()}, {"itemCondition", l.condition()}, {"seller", h.sellerLD(l)}}
	hi := l.priceHi
	if hi == 0 {
		hi = roundPriceFixed(l.price*1.9, l.currency)
	}
	switch l.offShape {
	case 2:
		multi := obj{{"@type", "Offer"}, {"name", "Value pack"}, {"priceCurrency", l.currency}, {"price", priceValue(l, hi)},
			{"availability", l.availability()}, {"seller", h.sellerLD(l)}}
		unit = append(obj{{"@type", "Offer"}, {"name", "Single"}}, unit[1:]...)
		return []any{unit, multi}
	case 3:
		return obj{{"@type", "AggregateOffer"}, {"priceCurrency", l.currency}, {"lowPrice", priceValue(l, l.price)}, {"highPrice", priceValue(l, hi)},
			{"offerCount", 2}, {"availability", l.availability()}, {"seller", h.sellerLD(l)}}
	}
	return unit
}

func roundPriceFixed(v float64, cur string) float64 {
	return float64(int(v)) + 0.9
}

func (h *handlerB) productLD(l *listing, withContext bool) obj {
	o := obj{}
	if withContext {
		o = append(o, kv{"@context", "https://schema.org"})
	}
	o = append(o, kv{"@type", "Product"}, kv{"@id", originMark + l.path + "#product"}, kv{"name", l.title})
	imgs := h.imageURLs(l)
	switch l.imgShape {
	case 0:
		o = append(o, kv{"image", imgs[0]})
	case 1:
		o = append(o, kv{"image", imgs})
	default:
		var io []any
		for _, u := range imgs {
			io = append(io, obj{{"@type", "ImageObject"}, {"url", u}, {"width", 800}, {"height", 800}})
		}
		o = append(o, kv{"image", io})
	}
	o = append(o, kv{"description", strings.Join(l.desc, " ")}, kv{"sku", l.ownSKU})
	if bn := l.brandName(); bn != "" {
		o = append(o, kv{"brand", obj{{"@type", "Brand"}, {"name", bn}}})
	}
	o = append(o, kv{"offers", h.offersLD(l)})
	if l.sales > 300 {
		o = append(o, kv{"aggregateRating", obj{{"@type", "AggregateRating"}, {"ratingValue", fmt.Sprintf("%.1f", 4+float64(l.sales%10)/10)}, {"reviewCount", l.sales / 40}}})
	}
	return o
}

func (h *handlerB) breadcrumbLD(l *listing, withContext bool) obj {
	o := obj{}
	if withContext {
		o = append(o, kv{"@context", "https://schema.org"})
	}
	return append(o, kv{"@type", "BreadcrumbList"}, kv{"itemListElement", []any{
		obj{{"@type", "ListItem"}, {"position", 1}, {"name", "Home"}, {"item", originMark + "/"}},
		obj{{"@type", "ListItem"}, {"position", 2}, {"name", l.shop.name}, {"item", originMark + "/shop/" + l.shop.id}},
		obj{{"@type", "ListItem"}, {"position", 3}, {"name", l.title}},
	}})
}

func ldScript(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return `<script type="application/ld+json" data-pdp>` + string(b) + "</script>\n"
}

func (h *handlerB) renderItem(l *listing) string {
	var sb strings.Builder
	sb.WriteString(headB)
	fmt.Fprintf(&sb, "<title>%s | GlowHub Global</title>\n", esc(l.title))
	fmt.Fprintf(&sb, `<link rel="canonical" href="%s%s">`+"\n", originMark, l.path)
	fmt.Fprintf(&sb, `<link rel="alternate" hreflang="zh-Hant" href="%s/zh-hk%s">`+"\n", originMark, l.path)
	sb.WriteString(`<meta property="og:site_name" content="GlowHub Global">` + "\n")
	if hash32(l.id)%3 == 0 {
		// a site-wide OpenGraph card, as some storefronts leave it
		sb.WriteString(`<meta property="og:title" content="GlowHub Global - cross-border beauty, health &amp; home">` + "\n")
		sb.WriteString(`<meta property="og:image" content="` + originMark + `/static/og-default.jpg">` + "\n")
	}
	sb.WriteString(orgLD)
	micro := l.ldShape == 3
	if !micro {
		switch l.ldShape {
		case 0:
			sb.WriteString(ldScript(h.productLD(l, true)))
		case 1:
			sb.WriteString(ldScript(obj{{"@context", "https://schema.org"}, {"@graph", []any{
				obj{{"@type", "WebSite"}, {"@id", originMark + "/#website"}, {"name", "GlowHub Global"}, {"url", originMark + "/"}},
				obj{{"@type", "WebPage"}, {"@id", originMark + l.path}, {"url", originMark + l.path}, {"name", l.title}},
				h.breadcrumbLD(l, false),
				h.productLD(l, false),
			}}}))
		case 2:
			sb.WriteString(ldScript([]any{h.breadcrumbLD(l, true), h.productLD(l, true)}))
		}
	}
	sb.WriteString("</head>\n<body>\n" + headerB)
	if l.removed {
		sb.WriteString(`<div class="listing-removed" role="alert">This listing has been removed for violating our policies. 此商品已下架。</div>` + "\n")
	}
	if !micro {
		fmt.Fprintf(&sb, `<div id="root"><div class="pdp-shell" data-code="%s"><div class="skeleton skeleton-gallery"></div><div class="skeleton skeleton-title"></div><noscript>Please enable JavaScript to view this product. 請啟用 JavaScript。</noscript></div></div>`+"\n", l.id)
		sb.WriteString(`<script src="/static/app.js" defer></script>` + "\n" + footB)
		return sb.String()
	}
	// microdata rendering
	sb.WriteString(`<main class="pdp" itemscope itemtype="https://schema.org/Product">` + "\n")
	fmt.Fprintf(&sb, `<nav class="crumbs"><a href="/">Home</a> › <a href="/shop/%s">%s</a></nav>`+"\n", l.shop.id, esc(l.shop.name))
	sb.WriteString(`<div class="gallery">`)
	for k := range l.photos {
		fmt.Fprintf(&sb, `<img itemprop="image" src="/cdn/p/%s/%d.jpg" alt="%s">`, l.id, k+1, esc(l.title))
	}
	sb.WriteString("</div>\n")
	fmt.Fprintf(&sb, `<h1 class="pdp-title" itemprop="name">%s</h1>`+"\n", esc(l.title))
	fmt.Fprintf(&sb, `<meta itemprop="sku" content="%s">`, l.ownSKU)
	if bn := l.brandName(); bn != "" {
		fmt.Fprintf(&sb, `<div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><meta itemprop="name" content="%s"></div>`, esc(bn))
	}
	sym := map[string]string{"USD": "US $", "HKD": "HK$", "CNY": "¥"}[l.currency]
	if l.offShape == 3 || l.priceHi > 0 {
		hi := l.priceHi
		if hi == 0 {
			hi = roundPriceFixed(l.price*1.9, l.currency)
		}
		fmt.Fprintf(&sb, `<div class="price-box" itemprop="offers" itemscope itemtype="https://schema.org/AggregateOffer"><span itemprop="priceCurrency" content="%s">%s</span><span itemprop="lowPrice" content="%.2f">%.2f</span> – <span itemprop="highPrice" content="%.2f">%.2f</span><meta itemprop="offerCount" content="2">`,
			l.currency, sym, l.price, l.price, hi, hi)
	} else {
		fmt.Fprintf(&sb, `<div class="price-box" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="priceCurrency" content="%s">%s</span><span itemprop="price" content="%.2f">%s</span>`,
			l.currency, sym, l.price, commaNum(l.price))
	}
	fmt.Fprintf(&sb, `<link itemprop="availability" href="%s"><link itemprop="itemCondition" href="%s">`, l.availability(), l.condition())
	fmt.Fprintf(&sb, `<div class="sold-by" itemprop="seller" itemscope itemtype="https://schema.org/Organization">Sold by <a itemprop="url" href="/shop/%s"><span itemprop="name">%s</span></a></div></div>`+"\n", l.shop.id, esc(l.shop.name))
	sb.WriteString(`<div class="description" itemprop="description">`)
	for _, p := range l.desc {
		fmt.Fprintf(&sb, "<p>%s</p>", esc(p))
	}
	sb.WriteString("</div>\n</main>\n" + footB)
	return sb.String()
}

func (h *handlerB) img(w http.ResponseWriter, r *http.Request) {
	l := h.sd.byID[r.PathValue("code")]
	n, err := strconv.Atoi(strings.TrimSuffix(r.PathValue("file"), ".jpg"))
	if l == nil || err != nil || n < 1 || n > len(l.photos) {
		http.NotFound(w, r)
		return
	}
	serveImage(w, r, siteB+"/"+l.id+"/"+strconv.Itoa(n), &l.photos[n-1])
}

func (h *handlerB) shop(w http.ResponseWriter, r *http.Request) {
	s := shopByID(siteB, r.PathValue("shop"))
	if s == nil {
		http.NotFound(w, r)
		return
	}
	page := h.pages.get("shop-"+s.id, func() string {
		var sb strings.Builder
		sb.WriteString(headB)
		fmt.Fprintf(&sb, "<title>%s | GlowHub Global</title>\n</head>\n<body>\n%s<main><h1 class=\"shop-title\">%s</h1><ul class=\"shop-items\">", esc(s.name), headerB, esc(s.name))
		for _, l := range h.sd.listings {
			if l.shop == s {
				fmt.Fprintf(&sb, `<li><a href="%s">%s</a> %s</li>`, l.path, esc(l.title), moneyB(l.price, l.currency))
			}
		}
		sb.WriteString("</ul></main>\n" + footB)
		return sb.String()
	})
	writeHTML(w, r, 200, page)
}
