package world8

import (
	"fmt"
	"hash/fnv"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// slowDelay is how long the slow pages take (tests shorten it).
var slowDelay = 1500 * time.Millisecond

const bbPerPage = 48

type bidbayHandler struct {
	w      *world
	mu     sync.Mutex
	served map[string]bool
}

func newBidbayHandler(w *world) http.Handler {
	return &bidbayHandler{w: w, served: map[string]bool{}}
}

func esc(s string) string { return html.EscapeString(s) }

func thousands(v float64, dec, sep string) string {
	s := fmt.Sprintf("%.2f", v)
	ip, fp := s[:len(s)-3], s[len(s)-2:]
	var b strings.Builder
	for i, c := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String() + dec + fp
}

func bbMoney(v float64, cur string) string {
	switch cur {
	case "GBP":
		return "£" + thousands(v, ".", ",")
	case "USD":
		return "US $" + thousands(v, ".", ",")
	case "EUR":
		return "EUR " + thousands(v, ",", ".")
	case "AUD":
		return "AU $" + thousands(v, ".", ",")
	}
	return cur + " " + thousands(v, ".", ",")
}

func hostBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func fnvHex(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("%016x", h.Sum64())
}

func (h *bidbayHandler) itemLink(l *listing, q string, pos int) string {
	key := "0000000000000000"
	if len(l.images) > 0 {
		key = strings.Split(l.images[0], "/")[3]
	}
	id, _ := strconv.ParseInt(l.id, 10, 64)
	trk := url.QueryEscape(fmt.Sprintf("amclksrc=ITM&aid=1110006&algo=HOMESPLICE.SIM&ao=1&asc=%d&meid=%s&pid=101875&rk=%d&rkt=12&sd=%s&itm=%s&pmt=1&noa=0&pg=2047675", 20240000+pos, fnvHex(q + l.id)[:12], pos, l.id, l.id))
	return fmt.Sprintf("/itm/%s/%s?hash=item%x:g:%s&_trkparms=%s&_trksid=p2047675.c100005.m1851", l.slug, l.id, id, key, trk)
}

func (h *bidbayHandler) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(rw, "User-agent: *\nDisallow: /myb/\nDisallow: /cart\nDisallow: /signin\nDisallow: /bin/\n")
	case p == "/":
		h.page(rw, "bidbay", `<h1>bidbay</h1><form action="/sch/i.html"><input name="_nkw" placeholder="Search for anything"><button>Search</button></form>`)
	case p == "/sch/i.html":
		h.search(rw, r)
	case strings.HasPrefix(p, "/itm/"):
		h.item(rw, r)
	case strings.HasPrefix(p, "/images/g/"):
		parts := strings.Split(p, "/")
		if len(parts) != 5 {
			http.NotFound(rw, r)
			return
		}
		key := "/images/g/" + parts[3] + "/s-l500.jpg"
		b, ok := h.w.images["bidbay"].get(key)
		if !ok {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "image/jpeg")
		rw.Header().Set("Cache-Control", "public, max-age=31536000")
		rw.Write(b)
	case strings.HasPrefix(p, "/usr/") || strings.HasPrefix(p, "/str/"):
		name := strings.TrimPrefix(strings.TrimPrefix(p, "/usr/"), "/str/")
		h.page(rw, name+" | bidbay", fmt.Sprintf(`<h1 class="str-title">%s</h1><p>Member profile. <a href="/sch/i.html?_ssn=%s">See all items</a></p>`, esc(name), url.QueryEscape(name)))
	default:
		rw.WriteHeader(http.StatusNotFound)
		h.page(rw, "Error | bidbay", `<h1>We looked everywhere.</h1><p>Looks like this page is missing.</p>`)
	}
}

func (h *bidbayHandler) page(rw http.ResponseWriter, title, body string) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(rw, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head><body><header class=\"gh-header\"><a class=\"gh-logo\" href=\"/\">bidbay</a></header>%s</body></html>\n", esc(title), body)
}

func (h *bidbayHandler) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("_nkw")
	pg, _ := strconv.Atoi(r.URL.Query().Get("_pgn"))
	if pg < 1 {
		pg = 1
	}
	res, partial := h.w.search("bidbay", q)
	var b strings.Builder
	fmt.Fprintf(&b, `<form class="gh-search" action="/sch/i.html"><input name="_nkw" value="%s"><button>Search</button></form>`, esc(q))
	fmt.Fprintf(&b, `<h1 class="srp-controls__count-heading"><span class="BOLD">%s</span> results for <span class="BOLD">%s</span></h1>`, intComma(len(res)), esc(q))
	b.WriteString(`<div class="srp-river-results"><ul class="srp-results srp-list clearfix">`)
	// the first card is a hidden placeholder the real site renders on every page
	b.WriteString(`<li class="s-item s-item--placeholder" style="display:none"><div class="s-item__wrapper"><div class="s-item__info"><a class="s-item__link" href="/itm/123456?hash=item1e240:g:0000000000000000"><div class="s-item__title"><span role="heading">Shop on bidbay</span></div></a><span class="s-item__price">£20.00</span></div></div></li>`)
	start := (pg - 1) * bbPerPage
	end := min(start+bbPerPage, len(res))
	for i := start; i < end; i++ {
		l := res[i]
		if i == partial && i > 0 {
			b.WriteString(`<li class="srp-river-answer srp-river-answer--REWRITE_START"><h3>Results matching fewer words</h3></li>`)
		}
		link := h.itemLink(l, q, i)
		img := ""
		if len(l.images) > 0 {
			img = l.images[0]
		}
		fmt.Fprintf(&b, `<li class="s-item s-item__pl-on-bottom" data-viewport="{&quot;trackableId&quot;:&quot;%s&quot;}"><div class="s-item__wrapper clearfix">`, fnvHex(l.id))
		fmt.Fprintf(&b, `<div class="s-item__image-section"><div class="s-item__image"><a href="%s" tabindex="-1"><img class="s-item__image-img" src="%s" alt="%s"></a></div></div>`, esc(link), esc(strings.Replace(img, "s-l500", "s-l225", 1)), esc(l.title))
		fmt.Fprintf(&b, `<div class="s-item__info clearfix"><a class="s-item__link" href="%s"><div class="s-item__title"><span role="heading" aria-level="3">%s</span></div></a>`, esc(link), esc(l.title))
		fmt.Fprintf(&b, `<div class="s-item__subtitle"><span class="SECONDARY_INFO">%s</span></div>`, esc(l.condition))
		b.WriteString(`<div class="s-item__details clearfix">`)
		switch {
		case l.price > 0 && l.priceHigh > 0:
			fmt.Fprintf(&b, `<span class="s-item__price">%s<span class="DEFAULT"> to </span>%s</span>`, bbMoney(l.price, l.cur), bbMoney(l.priceHigh, l.cur))
		case l.bid > 0 || (l.price == 0):
			fmt.Fprintf(&b, `<span class="s-item__price">%s</span><span class="s-item__bids s-item__bidCount">%d bids</span>`, bbMoney(l.bid, l.cur), l.bids)
			if l.price > 0 {
				fmt.Fprintf(&b, `<span class="s-item__purchase-options">or Buy It Now %s</span>`, bbMoney(l.price, l.cur))
			}
		default:
			fmt.Fprintf(&b, `<span class="s-item__price">%s</span><span class="s-item__purchase-options s-item__purchaseOptionsWithIcon">Buy it now</span>`, bbMoney(l.price, l.cur))
		}
		fmt.Fprintf(&b, `<span class="s-item__seller-info"><span class="s-item__seller-info-text">%s (%s) %.1f%%</span></span>`, esc(l.seller.id), intComma(l.seller.feedback), l.seller.positive)
		fmt.Fprintf(&b, `<span class="s-item__location s-item__itemLocation">from %s</span>`, esc(country(l.seller.location)))
		if l.sponsored {
			b.WriteString(`<span class="s-item__sep"><span role="text">Sponsored</span></span>`)
		}
		b.WriteString(`</div></div></div></li>`)
	}
	b.WriteString(`</ul></div>`)
	pages := (len(res) + bbPerPage - 1) / bbPerPage
	b.WriteString(`<nav class="pagination" role="navigation" aria-labelledby="pagination-heading">`)
	if pg > 1 {
		fmt.Fprintf(&b, `<a class="pagination__previous" href="/sch/i.html?_nkw=%s&amp;_sacat=0&amp;_pgn=%d">Previous page</a>`, url.QueryEscape(q), pg-1)
	}
	b.WriteString(`<ol class="pagination__items">`)
	for i := 1; i <= pages && i <= 10; i++ {
		fmt.Fprintf(&b, `<li><a class="pagination__item" href="/sch/i.html?_nkw=%s&amp;_sacat=0&amp;_pgn=%d">%d</a></li>`, url.QueryEscape(q), i, i)
	}
	b.WriteString(`</ol>`)
	if pg < pages {
		fmt.Fprintf(&b, `<a class="pagination__next icon-link" href="/sch/i.html?_nkw=%s&amp;_sacat=0&amp;_pgn=%d" aria-label="Go to next search page">Next</a>`, url.QueryEscape(q), pg+1)
	} else {
		b.WriteString(`<a class="pagination__next icon-link" aria-disabled="true" aria-label="Go to next search page">Next</a>`)
	}
	b.WriteString(`</nav>`)
	h.page(rw, q+" | bidbay", b.String())
}

func country(loc string) string {
	i := strings.LastIndex(loc, ", ")
	if i < 0 {
		return loc
	}
	return loc[i+2:]
}

func (h *bidbayHandler) item(rw http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	id := parts[len(parts)-1]
	l, ok := h.w.byID["bidbay/"+id]
	if !ok || len(parts) > 3 {
		rw.WriteHeader(http.StatusNotFound)
		h.page(rw, "Error | bidbay", `<h1>We looked everywhere.</h1><p>Looks like this page is missing. If you still need help, visit our help pages.</p>`)
		return
	}
	switch l.fault {
	case "503once":
		h.mu.Lock()
		first := !h.served[l.id]
		h.served[l.id] = true
		h.mu.Unlock()
		if first {
			rw.Header().Set("Retry-After", "2")
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			rw.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(rw, "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable - Zero size object</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>")
			return
		}
	case "slow":
		time.Sleep(slowDelay)
	}
	base := hostBase(r)
	var b strings.Builder
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | bidbay</title>\n", esc(l.title))
	fmt.Fprintf(&b, `<link rel="canonical" href="%s/itm/%s">`+"\n", base, l.id)
	fmt.Fprintf(&b, `<meta property="og:title" content="%s"><meta property="og:type" content="ebay-objects:item"><meta property="og:url" content="%s/itm/%s">`, esc(l.title), base, l.id)
	if len(l.images) > 0 {
		fmt.Fprintf(&b, `<meta property="og:image" content="%s%s">`, base, l.images[0])
	}
	b.WriteString("\n</head><body>\n")
	b.WriteString(`<header class="gh-header"><a class="gh-logo" href="/">bidbay</a><form action="/sch/i.html"><input name="_nkw" placeholder="Search for anything"><button>Search</button></form></header>`)
	fmt.Fprintf(&b, `<nav class="breadcrumbs"><ul><li><a href="/">bidbay</a></li><li><a href="/sch/i.html?_nkw=%s">%s</a></li></ul></nav>`, url.QueryEscape(l.specificOr("Type", "Other")), esc(l.specificOr("Type", "Other")))
	b.WriteString(`<div class="x-item-page" id="mainContent"><div class="ux-image-carousel-container"><div class="ux-image-carousel">`)
	for i, im := range l.images {
		act := ""
		if i == 0 {
			act = " active"
		}
		fmt.Fprintf(&b, `<div class="ux-image-carousel-item%s"><img src="%s" data-zoom-src="%s" alt="%s"></div>`, act, im, strings.Replace(im, "s-l500", "s-l1600", 1), esc(l.title))
	}
	b.WriteString(`</div></div>`)
	fmt.Fprintf(&b, `<div class="x-item-title"><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">%s</span></h1></div>`, esc(l.title))
	s := l.seller
	trk := "p4429486.m3561.l2567"
	fmt.Fprintf(&b, `<div class="x-sellercard-atf" data-testid="x-sellercard-atf"><div class="x-sellercard-atf__info__about-seller"><a href="/usr/%s?_trksid=%s" class="ux-action"><span class="ux-textspans ux-textspans--BOLD">%s</span></a> <span class="ux-textspans ux-textspans--PSEUDOLINK">(%d)</span></div>`, url.PathEscape(s.id), trk, esc(s.id), s.feedback)
	fmt.Fprintf(&b, `<ul class="x-sellercard-atf__data"><li class="x-sellercard-atf__data-item"><span class="ux-textspans">%.1f%% positive feedback</span></li>`, s.positive)
	if s.store != "" {
		fmt.Fprintf(&b, `<li class="x-sellercard-atf__data-item"><a href="/str/%s?_trksid=%s"><span class="ux-textspans">Visit shop</span></a></li>`, url.PathEscape(strings.ReplaceAll(s.store, " ", "")), trk)
	}
	b.WriteString(`</ul></div>`)
	fmt.Fprintf(&b, `<div class="x-item-condition" data-testid="x-item-condition"><span class="ux-textspans">Condition:</span> <span class="x-item-condition-text"><span class="ux-textspans">%s</span></span></div>`, esc(l.condition))
	b.WriteString(`<div class="x-price-section" itemprop="offers" itemscope itemtype="https://schema.org/Offer">`)
	fmt.Fprintf(&b, `<meta itemprop="priceCurrency" content="%s">`, l.cur)
	if l.bid > 0 || l.price == 0 {
		label := "Current bid:"
		if l.bids == 0 {
			label = "Starting bid:"
		}
		fmt.Fprintf(&b, `<div class="x-bid-price"><span class="x-bid-price__label">%s</span><div class="x-price-primary"><span class="ux-textspans">%s</span></div><span class="x-bid-count"><span class="ux-textspans">[%d bids]</span></span><span class="x-end-time">Ends in %dd %dh</span></div>`, label, bbMoney(l.bid, l.cur), l.bids, 1+len(l.id)%6, len(l.title)%24)
	}
	if l.price > 0 {
		b.WriteString(`<div class="x-bin-price"><span class="x-bin-price__label">`)
		if l.bid > 0 {
			b.WriteString(`Buy it now`)
		} else {
			b.WriteString(`Price:`)
		}
		b.WriteString(`</span><div class="x-price-primary" data-testid="x-price-primary">`)
		if l.priceHigh > 0 {
			fmt.Fprintf(&b, `<span class="ux-textspans">%s to %s</span>`, bbMoney(l.price, l.cur), bbMoney(l.priceHigh, l.cur))
		} else {
			fmt.Fprintf(&b, `<span class="ux-textspans">%s</span>`, bbMoney(l.price, l.cur))
		}
		b.WriteString(`</div></div>`)
	}
	fmt.Fprintf(&b, `<meta itemprop="price" content="%.2f"></div>`, firstNonZero(l.price, l.bid))
	b.WriteString(`<div class="x-quantity"><span class="ux-textspans ux-textspans--SECONDARY">`)
	switch {
	case l.qty > 10:
		b.WriteString("More than 10 available")
	case l.qty > 1:
		fmt.Fprintf(&b, "%d available", l.qty)
	default:
		b.WriteString("Last one")
	}
	b.WriteString(`</span></div>`)
	fmt.Fprintf(&b, `<div class="ux-layout-section--shipping"><span class="ux-textspans">Postage: %s</span> <span class="ux-textspans ux-textspans--SECONDARY">Located in: %s</span></div>`, esc(l.shipping()), esc(s.location))
	b.WriteString(`<div class="ux-layout-section-evo ux-layout-section--features"><h2 class="ux-section-header">Item specifics</h2><div class="ux-layout-section-evo__item">`)
	fmt.Fprintf(&b, `<dl class="ux-labels-values"><dt class="ux-labels-values__labels">Condition</dt><dd class="ux-labels-values__values">%s</dd></dl>`, esc(l.condition))
	for _, kv := range l.specifics {
		fmt.Fprintf(&b, `<dl class="ux-labels-values"><dt class="ux-labels-values__labels">%s</dt><dd class="ux-labels-values__values">%s</dd></dl>`, esc(kv[0]), esc(kv[1]))
	}
	b.WriteString(`</div></div>`)
	fmt.Fprintf(&b, `<div class="d-item-description" id="desc_wrapper_ctr"><h2 class="ux-section-header">Item description from the seller</h2><div class="x-item-description-child">%s</div></div>`, esc(l.desc))
	if s.business {
		fmt.Fprintf(&b, `<div class="x-business-seller"><h3>Business seller information</h3><p>%s</p><p>%s</p></div>`, esc(titleCase(s.store)), esc(s.location))
	} else {
		b.WriteString(`<div class="x-private-seller"><p>Private seller: consumer protection rights from EU law don't apply. Buyers are still covered by the bidbay Money Back Guarantee.</p></div>`)
	}
	// similar items carousel
	b.WriteString(`<div class="x-similar-items"><h2>Similar sponsored items</h2><ul>`)
	ls := h.w.bySite["bidbay"]
	for k := 1; k <= 4; k++ {
		o := ls[(int(l.id[5]-'0')*37+k*101+len(l.title))%len(ls)]
		fmt.Fprintf(&b, `<li class="x-similar-item"><a href="%s">%s</a></li>`, esc(h.itemLink(o, "similar", k)), esc(o.title))
	}
	b.WriteString(`</ul></div></div></body></html>`)
	fmt.Fprint(rw, b.String())
}

func firstNonZero(a, b float64) float64 {
	if a > 0 {
		return a
	}
	return b
}

func (l *listing) specificOr(k, def string) string {
	for _, kv := range l.specifics {
		if kv[0] == k {
			return kv[1]
		}
	}
	return def
}

func (l *listing) shipping() string {
	switch len(l.id) % 4 {
	case 0:
		return "Free Standard Delivery"
	case 1:
		return bbMoney(3.5, l.cur) + " Standard Delivery"
	case 2:
		return "Free Economy Shipping from outside your country"
	}
	return bbMoney(6.95, l.cur) + " Expedited Shipping"
}

func intComma(n int) string {
	s := thousands(float64(n), ".", ",")
	return s[:len(s)-3]
}

func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}
