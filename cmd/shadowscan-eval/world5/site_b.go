package world5

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
)

const pageSizeB = 20

type handlerB struct {
	w        *world
	hiccuped atomic.Bool
}

func (h *handlerB) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nDisallow: /gp/cart\nDisallow: /gp/buy\nDisallow: /ap/\nDisallow: /sspa/\nDisallow: /wishlist\nAllow: /\n")
	case p == "/":
		h.page(w, "Shopmate.ae: Online Shopping in the UAE", `<div id="gw-layout"><h2>Today's Deals</h2></div>`)
	case p == "/s":
		h.search(w, r)
	case p == "/sspa/click":
		u := r.URL.Query().Get("url")
		if !strings.HasPrefix(u, "/") {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, u, http.StatusFound)
	case strings.HasPrefix(p, "/images/I/"):
		path, thumb := p, false
		if strings.HasSuffix(p, "._AC_US40_.jpg") {
			path, thumb = strings.TrimSuffix(p, "._AC_US40_.jpg")+"._AC_SL1500_.jpg", true
		}
		if !serveImage(w, h.w, path, thumb) {
			http.NotFound(w, r)
		}
	case strings.HasPrefix(p, "/gp/help/seller/at-a-glance.html"):
		h.sellerPage(w, r)
	case strings.HasPrefix(p, "/stores/"):
		h.page(w, "Brand Store", `<div class="stores-page"><h1>Brand Store</h1><p>Explore the brand's products.</p></div>`)
	default:
		parts := strings.Split(strings.Trim(p, "/"), "/")
		var asin string
		for i := 0; i+1 < len(parts); i++ {
			if parts[i] == "dp" || (parts[i] == "product" && i > 0 && parts[i-1] == "gp") {
				asin = parts[i+1]
				break
			}
		}
		l := h.w.byKey[siteB+"/"+asin]
		if asin == "" || l == nil {
			w.WriteHeader(http.StatusNotFound)
			h.page(w, "Page Not Found", `<div id="g"><h2>Looking for something?</h2><p>We're sorry. The Web address you entered is not a functioning page on our site.</p></div>`)
			return
		}
		h.detail(w, r, l)
	}
}

func (h *handlerB) page(w http.ResponseWriter, title, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><html lang="en-ae" class="a-no-js"><head><meta charset="utf-8"><title>%s</title></head>
<body><header id="navbar"><a id="nav-logo-sprites" href="/">shopmate.ae</a>
<form id="nav-search-bar-form" action="/s" method="get"><input id="twotabsearchtextbox" name="k"><input type="submit" value="Go"></form></header>
%s
<footer class="navLeftFooter">© 1996-2024, Shopmate.ae, Inc. or its affiliates</footer></body></html>`, esc(title), body)
}

func qid(q string) int64 {
	h := fnv.New32a()
	h.Write([]byte(q))
	return 1718000000 + int64(h.Sum32()%900000)
}

func splitPrice(v float64) (string, string) {
	whole := math.Floor(v)
	frac := int(math.Round((v - whole) * 100))
	return commas(int64(whole)), fmt.Sprintf("%02d", frac)
}

func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func usdText(v float64) string {
	w, f := splitPrice(v)
	return "$" + w + "." + f
}

func (h *handlerB) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("k")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	if page == 2 && h.hiccuped.CompareAndSwap(false, true) {
		w.Header().Set("Retry-After", "2")
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `<html><body><h1>Service Unavailable</h1><p>Sorry! Something went wrong on our end. Please go back and try again.</p></body></html>`)
		return
	}
	res := search(h.w.bySite[siteB], q)
	pages := (len(res) + pageSizeB - 1) / pageSizeB
	var b strings.Builder
	fmt.Fprintf(&b, `<div id="search"><span class="rush-component"><div class="a-section a-spacing-small"><span>%d results for</span> <span class="a-color-state a-text-bold">"%s"</span></div></span>`, len(res), esc(q))
	b.WriteString(`<div class="s-main-slot s-result-list s-search-results sg-row">`)
	if page > pages {
		fmt.Fprintf(&b, `<div class="s-no-results"><span>No results for %s.</span> <span>Try checking your spelling or use more general terms</span></div>`, esc(q))
	}
	end := min(page*pageSizeB, len(res))
	start := min((page-1)*pageSizeB, end)
	slice := res[start:end]
	// sponsored results: two relevant listings, shown through the ad click-tracker
	var ads []*listing
	if len(res) > 4 && page <= pages {
		ads = []*listing{res[(page*7)%len(res)], res[(page*13+3)%len(res)]}
	}
	qi := qid(q)
	card := func(l *listing, href string, sponsored bool, idx int) {
		cls := "s-result-item s-asin sg-col-inner"
		if sponsored {
			cls += " AdHolder"
		}
		thumb := strings.TrimSuffix(l.images[0], "._AC_SL1500_.jpg") + "._AC_US40_.jpg"
		fmt.Fprintf(&b, `
<div data-asin="%s" data-index="%d" data-component-type="s-search-result" class="%s">
 <div class="s-product-image-container"><a class="a-link-normal s-no-outline" href="%s"><img class="s-image" src="%s" alt="%s"></a></div>`, l.key, idx, cls, href, thumb, esc(l.title))
		if sponsored {
			b.WriteString(`<span class="puis-label-popover-default"><span class="a-color-secondary">Sponsored</span></span>`)
		}
		fmt.Fprintf(&b, `
 <h2 class="a-size-mini a-spacing-none a-color-base s-line-clamp-4"><a class="a-link-normal s-underline-text s-link-style a-text-normal" href="%s"><span class="a-size-base-plus a-color-base a-text-normal">%s</span></a></h2>
 <div class="a-row a-size-small"><span class="a-icon-alt">%.1f out of 5 stars</span> <span class="a-size-base s-underline-text">%s</span></div>`, href, esc(l.title), l.rating, commas(int64(l.reviews)))
		if !l.unavail {
			fmt.Fprintf(&b, `<div class="a-row"><a class="a-link-normal s-no-hover" href="%s"><span class="a-price" data-a-size="xl"><span class="a-offscreen">%s</span></span></a>`, href, usdText(l.price))
			if l.listPrice > l.price {
				fmt.Fprintf(&b, ` <span class="a-price a-text-price" data-a-strike="true"><span class="a-offscreen">%s</span></span>`, usdText(l.listPrice))
			}
			b.WriteString(`</div>`)
		}
		b.WriteString("</div>")
	}
	idx := 0
	for i, l := range slice {
		if i == 0 && len(ads) > 0 {
			a := ads[0]
			target := "/" + a.slug + "/dp/" + a.key + "/ref=sr_1_sspa?keywords=" + url.QueryEscape(q) + "&qid=" + strconv.FormatInt(qi, 10) + "&sr=8-1-spons&sp_csd=d2lkZ2V0TmFtZT1zcF9hdGY"
			card(a, "/sspa/click?ie=UTF8&amp;spc=MTo3NzI4&amp;url="+url.QueryEscape(target), true, idx)
			idx++
		}
		if i == 5 && len(ads) > 1 {
			a := ads[1]
			target := "/" + a.slug + "/dp/" + a.key + "/ref=sr_1_sspa?keywords=" + url.QueryEscape(q) + "&qid=" + strconv.FormatInt(qi, 10) + "&sr=8-2-spons"
			card(a, "/sspa/click?ie=UTF8&amp;spc=MTo4ODMx&amp;url="+url.QueryEscape(target), true, idx)
			idx++
		}
		n := start + i + 1
		href := fmt.Sprintf("/%s/dp/%s?ref=sr_1_%d&amp;qid=%d&amp;keywords=%s&amp;sr=8-%d", l.slug, l.key, n, qi, url.QueryEscape(q), n)
		card(l, href, false, idx)
		idx++
	}
	b.WriteString(`</div>`)
	if pages > 0 {
		link := func(n int) string {
			return "/s?k=" + url.QueryEscape(q) + "&amp;page=" + strconv.Itoa(n) + "&amp;qid=" + strconv.FormatInt(qi, 10) + "&amp;ref=sr_pg_" + strconv.Itoa(n)
		}
		b.WriteString(`<div class="s-pagination-container"><span class="s-pagination-strip">`)
		if page > 1 {
			fmt.Fprintf(&b, `<a class="s-pagination-item s-pagination-previous" href="%s">Previous</a>`, link(page-1))
		}
		for n := 1; n <= pages; n++ {
			if n == page {
				fmt.Fprintf(&b, `<span class="s-pagination-item s-pagination-selected">%d</span>`, n)
			} else if n <= 3 || n == pages || (n >= page-1 && n <= page+1) {
				fmt.Fprintf(&b, `<a class="s-pagination-item s-pagination-button" href="%s">%d</a>`, link(n), n)
			}
		}
		if page < pages {
			fmt.Fprintf(&b, `<a class="s-pagination-item s-pagination-next s-pagination-button" href="%s">Next</a>`, link(page+1))
		} else {
			b.WriteString(`<span class="s-pagination-item s-pagination-next s-pagination-disabled">Next</span>`)
		}
		b.WriteString(`</span></div>`)
	}
	b.WriteString(`</div>`)
	h.page(w, "Shopmate.ae : "+q, b.String())
}

func (h *handlerB) sellerPage(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("seller")
	s := h.w.sellers[siteB+"/"+id]
	if s == nil {
		w.WriteHeader(http.StatusNotFound)
		h.page(w, "Seller not found", `<p>Seller not found.</p>`)
		return
	}
	h.page(w, "Seller Profile: "+s.name, fmt.Sprintf(`<div id="seller-profile"><h1 id="seller-name">%s</h1><div id="seller-rating">%.1f out of 5</div><div id="page-section-detail-seller-info">Business Address: %s</div></div>`, esc(s.name), s.rating, esc(s.city)))
}

func (h *handlerB) abs(r *http.Request, p string) string {
	return scheme(r) + "://" + r.Host + p
}

func (h *handlerB) jsonLD(r *http.Request, l *listing) string {
	imgs := make([]string, len(l.images))
	for i, im := range l.images {
		imgs[i] = h.abs(r, im)
	}
	sellerObj := map[string]any{"@type": "Organization", "name": l.seller.name, "url": h.abs(r, "/gp/help/seller/at-a-glance.html?seller="+l.seller.id)}
	avail := "https://schema.org/InStock"
	if l.unavail {
		avail = "https://schema.org/OutOfStock"
	}
	cond := "https://schema.org/NewCondition"
	if l.cond != "New" {
		cond = "https://schema.org/UsedCondition"
	}
	price := strconv.FormatFloat(l.price, 'f', 2, 64)
	prod := map[string]any{"@context": "https://schema.org", "@type": "Product", "name": l.title, "sku": l.key,
		"url": h.abs(r, l.path())}
	if l.brandName != "" {
		prod["brand"] = map[string]any{"@type": "Brand", "name": l.brandName}
	}
	var doc any
	switch l.jsonld {
	case 1:
		prod["image"] = imgs[0]
		prod["offers"] = map[string]any{"@type": "Offer", "price": price, "priceCurrency": "USD", "availability": avail, "itemCondition": cond, "seller": sellerObj}
		doc = prod
	case 2:
		prod["image"] = imgs
		prod["offers"] = []any{map[string]any{"@type": "Offer", "price": l.price, "priceCurrency": "USD", "availability": avail, "seller": sellerObj}}
		doc = prod
	case 3:
		objs := []any{}
		for _, im := range imgs {
			objs = append(objs, map[string]any{"@type": "ImageObject", "url": im})
		}
		prod["image"] = objs
		hi := l.price
		if l.listPrice > hi {
			hi = l.listPrice
		}
		prod["offers"] = map[string]any{"@type": "AggregateOffer", "lowPrice": price, "highPrice": strconv.FormatFloat(hi, 'f', 2, 64), "offerCount": 1, "priceCurrency": "USD"}
		delete(prod, "@context")
		doc = map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@type": "BreadcrumbList", "itemListElement": []any{map[string]any{"@type": "ListItem", "position": 1, "name": "All Departments"}}},
			prod}}
	default:
		prod["image"] = imgs
		prod["offers"] = map[string]any{"@type": "Offer", "price": l.price, "priceCurrency": "USD", "seller": map[string]any{"@type": "Organization", "name": l.seller.name, "identifier": l.seller.id}}
		delete(prod, "@context")
		doc = []any{map[string]any{"@context": "https://schema.org", "@type": "Organization", "name": "Shopmate.ae", "url": h.abs(r, "/")},
			func() map[string]any { prod["@context"] = "https://schema.org"; return prod }()}
	}
	out, _ := json.Marshal(doc)
	return `<script type="application/ld+json">` + strings.ReplaceAll(string(out), "</", `<\/`) + `</script>`
}

func (h *handlerB) detail(w http.ResponseWriter, r *http.Request, l *listing) {
	var b strings.Builder
	s := l.seller
	sellerHref := fmt.Sprintf("/gp/help/seller/at-a-glance.html/ref=dp_merchant_link?ie=UTF8&amp;seller=%s&amp;asin=%s", s.id, l.key)
	b.WriteString(`<div id="dp" class="a-container"><div id="dp-container">`)
	// images
	b.WriteString(`<div id="leftCol"><div id="imageBlock">`)
	fmt.Fprintf(&b, `<div id="imgTagWrapperId" class="imgTagWrapper"><img id="landingImage" src="%s" data-old-hires="%s" alt="%s"></div><div id="altImages"><ul class="a-unordered-list">`, l.images[0], l.images[0], esc(l.title))
	for _, im := range l.images {
		th := strings.TrimSuffix(im, "._AC_SL1500_.jpg") + "._AC_US40_.jpg"
		fmt.Fprintf(&b, `<li class="a-spacing-small item imageThumbnail"><span class="a-button-thumbnail"><img src="%s" data-a-hires="%s" alt=""></span></li>`, th, im)
	}
	b.WriteString(`</ul></div></div></div>`)
	b.WriteString(`<div id="centerCol">`)
	storeHref := "/stores/" + url.PathEscape(strings.Fields(strings.TrimPrefix(strings.TrimPrefix(l.byline, "Visit the "), "Brand: ") + " x")[0]) + "/page/" + l.key
	if l.byline != "" {
		fmt.Fprintf(&b, `<div id="bylineInfo_feature_div"><a id="bylineInfo" class="a-link-normal" href="%s">%s</a></div>`, storeHref, esc(l.byline))
	}
	fmt.Fprintf(&b, `<div id="titleSection"><h1 id="title" class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large product-title-word-break">        %s       </span></h1></div>`, esc(l.title))
	if l.format != "" {
		fmt.Fprintf(&b, `<div id="formats"><span class="a-size-medium">%s</span></div>`, esc(l.format))
	}
	fmt.Fprintf(&b, `<div id="averageCustomerReviews"><span class="a-icon-alt">%.1f out of 5 stars</span> <span id="acrCustomerReviewText">%s ratings</span></div>`, l.rating, commas(int64(l.reviews)))
	if !l.legacy {
		wh, fr := splitPrice(l.price)
		b.WriteString(`<div id="corePriceDisplay_desktop_feature_div" class="celwidget">`)
		if l.listPrice > l.price {
			fmt.Fprintf(&b, `<span class="a-size-large a-color-price savingPriceOverride savingsPercentage">-%d%%</span> `, int(math.Round((1-l.price/l.listPrice)*100)))
		}
		fmt.Fprintf(&b, `<span class="a-price aok-align-center reinventPricePriceToPayMargin priceToPay"><span class="a-offscreen">%s</span><span aria-hidden="true"><span class="a-price-symbol">$</span><span class="a-price-whole">%s<span class="a-price-decimal">.</span></span><span class="a-price-fraction">%s</span></span></span>`, usdText(l.price), wh, fr)
		if l.listPrice > l.price {
			fmt.Fprintf(&b, `<div class="a-section a-spacing-small aok-align-center basisPrice"><span class="a-size-small a-color-secondary">List Price: <span class="a-price a-text-price" data-a-size="s" data-a-strike="true"><span class="a-offscreen">%s</span><span aria-hidden="true">%s</span></span></span></div>`, usdText(l.listPrice), usdText(l.listPrice))
		}
		b.WriteString(`</div>`)
	} else {
		b.WriteString(`<div id="price"><table class="a-lineitem">`)
		if l.listPrice > l.price {
			fmt.Fprintf(&b, `<tr><td class="a-color-secondary a-size-base a-text-right">List Price:</td><td><span class="a-text-strike">%s</span></td></tr>`, usdText(l.listPrice))
		}
		fmt.Fprintf(&b, `<tr><td class="a-color-secondary a-size-base a-text-right">Price:</td><td><span id="priceblock_ourprice" class="a-size-medium a-color-price">US %s</span></td></tr>`, usdText(l.price))
		if l.listPrice > l.price {
			fmt.Fprintf(&b, `<tr><td class="a-color-secondary">You Save:</td><td class="a-color-price">%s (%d%%)</td></tr>`, usdText(l.listPrice-l.price), int(math.Round((1-l.price/l.listPrice)*100)))
		}
		b.WriteString(`</table></div>`)
	}
	if l.coupon > 0 {
		fmt.Fprintf(&b, `<div id="promoPriceBlockMessage_feature_div"><span class="couponBadge">Coupon:</span> <label class="couponLabelText">Apply %d%% coupon</label> <span class="a-color-secondary">Terms</span></div>`, l.coupon)
	}
	b.WriteString(`<div id="feature-bullets" class="a-section a-spacing-medium a-spacing-top-small"><h3 class="a-size-base-plus a-text-bold">About this item</h3><ul class="a-unordered-list a-vertical a-spacing-mini">`)
	for _, x := range l.bullets {
		fmt.Fprintf(&b, `<li><span class="a-list-item">%s</span></li>`, esc(x))
	}
	b.WriteString(`</ul></div></div>`)
	// buy box
	b.WriteString(`<div id="rightCol"><div id="buybox">`)
	if l.cond != "New" {
		fmt.Fprintf(&b, `<div id="usedAccordionRow"><span class="a-text-bold">Used:</span> <span id="conditionInfo">%s</span></div>`, esc(l.cond))
	}
	if l.unavail {
		b.WriteString(`<div id="availability"><span class="a-size-medium a-color-price">Temporarily out of stock.</span></div>`)
	} else {
		b.WriteString(`<div id="availability"><span class="a-size-medium a-color-success">In Stock</span></div>`)
	}
	if !l.legacy {
		fmt.Fprintf(&b, `<div class="tabular-buybox-container"><div class="tabular-buybox-text" tabular-attribute-name="Ships from"><span class="a-size-small a-color-tertiary">Ships from</span> <span class="a-size-small tabular-buybox-text-message">%s</span></div><div class="tabular-buybox-text" tabular-attribute-name="Sold by"><span class="a-size-small a-color-tertiary">Sold by</span> <span class="a-size-small tabular-buybox-text-message"><a id="sellerProfileTriggerId" href="%s">%s</a></span></div></div>`, esc(l.shipsFrom), sellerHref, esc(s.name))
	} else if l.shipsFrom == s.name {
		fmt.Fprintf(&b, `<div id="merchant-info" class="a-section a-spacing-mini">Ships from and sold by <a id="sellerProfileTriggerId" href="%s">%s</a>.</div>`, sellerHref, esc(s.name))
	} else {
		fmt.Fprintf(&b, `<div id="merchant-info" class="a-section a-spacing-mini">Ships from %s. Sold by <a id="sellerProfileTriggerId" href="%s">%s</a>.</div>`, esc(l.shipsFrom), sellerHref, esc(s.name))
	}
	b.WriteString(`</div></div>`)
	// description and details
	b.WriteString(`<div id="productDescription_feature_div"><h2>Product description</h2><div id="productDescription" class="a-section a-spacing-small">`)
	for _, d := range l.desc {
		fmt.Fprintf(&b, `<p><span>%s</span></p>`, esc(d))
	}
	b.WriteString(`</div></div>`)
	b.WriteString(`<div id="prodDetails"><h2>Product information</h2><table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable">`)
	rows := [][2]string{}
	if l.brandName != "" {
		rows = append(rows, [2]string{"Brand", l.brandName})
	}
	rows = append(rows, [2]string{"ASIN", l.key}, [2]string{"Customer Reviews", fmt.Sprintf("%.1f out of 5 stars", l.rating)}, [2]string{"Date First Available", fmt.Sprintf("%s %d, 202%d", []string{"January", "March", "May", "July", "September", "November"}[int(l.rank*6)%6], 1+l.sales%28, 1+l.reviews%4)})
	for _, rw := range rows {
		fmt.Fprintf(&b, `<tr><th class="a-color-secondary a-size-base prodDetSectionEntry">%s</th><td class="a-size-base prodDetAttrValue">%s</td></tr>`, esc(rw[0]), esc(rw[1]))
	}
	b.WriteString(`</table></div></div></div>`)
	ld := ""
	if l.jsonld > 0 {
		ld = h.jsonLD(r, l)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><html lang="en-ae" class="a-no-js"><head><meta charset="utf-8">
<title>%s : Shopmate.ae</title>
<link rel="canonical" href="%s" />
<meta name="description" content="%s">
%s
</head><body><header id="navbar"><a id="nav-logo-sprites" href="/">shopmate.ae</a></header>
%s
<footer class="navLeftFooter">© 1996-2024, Shopmate.ae, Inc. or its affiliates</footer></body></html>`, esc(l.title), esc(h.abs(r, l.path())), esc(l.title), ld, b.String())
}
