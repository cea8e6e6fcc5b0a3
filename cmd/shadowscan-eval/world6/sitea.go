package world6

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const ruleA = `# tianmao-plus: Tmall/Douyin-shop style marketplace, written by the brand team
name: tianmao-plus
base_url: http://127.0.0.1:18661
search:
  url: "{base}/search_product.htm?q={query}&page={page}"
  max_pages: 10
  listing_links: "#J_ItemList div.product p.productTitle a@href"
  next_page: "a.ui-page-next@href"
listing:
  title: "div.tb-detail-hd h1"
  price: "dl.tm-promo-panel span.tm-promo-price"
  currency: "CNY"
  seller_id: "div.slogo a.slogo-shopname@data-shop-id"
  seller_name: "div.slogo a.slogo-shopname strong"
  images: "#J_UlThumb img@data-src"
  description: "#description div.content"
  removed: "div.sold-out-recommend"
politeness: {parallelism: 2, delay: 200ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const perPageA = 40

type siteAH struct {
	w     *world
	index []indexed
	byID  map[string]*listing
}

func newSiteA(w *world) http.Handler {
	s := &siteAH{w: w, byID: map[string]*listing{}}
	for _, l := range w.listings {
		if l.site == siteA {
			s.index = append(s.index, newIndexed(l))
			s.byID[l.id] = l
		}
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }

func (s *siteAH) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: Baiduspider\nDisallow: /\n\nUser-agent: *\nDisallow: /cart.htm\nDisallow: /member/\nDisallow: /buy/\nAllow: /\n")
	case p == "/" || p == "/index.htm":
		s.home(w, r)
	case p == "/search_product.htm":
		s.search(w, r)
	case p == "/item.htm":
		id := r.URL.Query().Get("id")
		q := r.URL.Query()
		q.Del("id")
		target := "/detail.htm?id=" + url.QueryEscape(id)
		if e := q.Encode(); e != "" {
			target += "&" + e
		}
		http.Redirect(w, r, target, http.StatusFound)
	case p == "/detail.htm":
		s.detail(w, r)
	case strings.HasPrefix(p, "/imgextra/"):
		s.image(w, r)
	case strings.HasPrefix(p, "/shop/") && strings.HasSuffix(p, ".htm"):
		s.shopPage(w, r, strings.TrimSuffix(strings.TrimPrefix(p, "/shop/"), ".htm"))
	default:
		s.notFound(w)
	}
}

func (s *siteAH) notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title></head><body><div class="error-notice">很抱歉，您查看的宝贝不存在，可能已下架或者被转移。</div></body></html>`)
}

func pageHeadA(b *strings.Builder, title string, extra string) {
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`)
	fmt.Fprintf(b, "<title>%s</title>%s", esc(title), extra)
	b.WriteString(`<style>body{font:12px/1.5 "PingFang SC",sans-serif;margin:0}#site-nav{background:#f2f2f2;padding:4px 20px}.product{display:inline-block;width:220px;vertical-align:top;margin:6px}.ad-tag{color:#999}.tm-promo-price{color:#ff0036;font-size:24px}del{color:#999}</style></head><body>`)
	b.WriteString(`<div id="site-nav"><a href="/">天猫+首页</a> | <a href="/member/login.htm">请登录</a> | <a href="/cart.htm">购物车</a></div>`)
	b.WriteString(`<div id="header"><form action="/search_product.htm" method="get"><input name="q" class="s-combobox-input"><button type="submit">搜索</button></form></div>`)
}

func (s *siteAH) home(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	pageHeadA(&b, "天猫+ 理想生活上天猫+", "")
	b.WriteString(`<div class="hot-words">热搜：<a href="/search_product.htm?q=%E8%9B%8B%E7%99%BD%E7%B2%89">蛋白粉</a> <a href="/search_product.htm?q=%E7%B2%BE%E5%8D%8E%E6%B6%B2">精华液</a> <a href="/search_product.htm?q=%E6%B4%97%E6%B4%81%E7%B2%BE">洗洁精</a></div></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

func salesText(n int) string {
	if n >= 10000 {
		return fmt.Sprintf("%.1f万+", float64(n)/10000)
	}
	if n >= 100 {
		return fmt.Sprintf("%d+", n/100*100)
	}
	return strconv.Itoa(n)
}

func (s *siteAH) imgURL(host string, l *listing, key, size string) string {
	return fmt.Sprintf("//%s/imgextra/i%d/%s/O1CN01%s.jpg%s", host, len(key)%4+1, l.shop.id, key, size)
}

func (s *siteAH) itemLink(host string, l *listing, q string, page, pos int, ad bool) string {
	h := hashKey(q, strconv.Itoa(page), l.id)
	if ad {
		return fmt.Sprintf("//%s/detail.htm?id=%s&skuId=%s&ali_trackid=2:mm_26632258_0_0:ad_%s&spm=a220m.1000858.1000725.%d.%s&ad_id=%s", host, l.id, l.skuID, h[:10], pos, h[10:16], h[:6])
	}
	if h[0] < '3' { // some links go through the old item.htm address
		return fmt.Sprintf("//%s/item.htm?id=%s&skuId=%s&ali_trackid=2:mm_11833476_0_0:%s_%s&spm=a220m.1000858.1000725.%d", host, l.id, l.skuID, h[:8], h[8:12], pos)
	}
	return fmt.Sprintf("//%s/detail.htm?id=%s&skuId=%s&ali_trackid=2:mm_11833476_0_0:%s_%s&spm=a220m.1000858.1000725.%d.%s", host, l.id, l.skuID, h[:8], h[8:12], pos, h[12:16])
}

func (s *siteAH) card(b *strings.Builder, host string, l *listing, q string, page, pos int, ad bool) {
	link := esc(s.itemLink(host, l, q, page, pos, ad))
	cls := "product"
	if ad {
		cls += " item-ad"
	}
	fmt.Fprintf(b, `<div class="%s" data-id="%s"><div class="product-iWrap">`, cls, l.id)
	img := ""
	if len(l.imgs) > 0 {
		img = s.imgURL(host, l, l.imgs[0], "_220x220q90.jpg")
	}
	fmt.Fprintf(b, `<div class="productImg-wrap"><a class="productImg" href="%s" target="_blank"><img data-ks-lazyload="%s" src="//%s/s.gif"></a></div>`, link, esc(img), host)
	fmt.Fprintf(b, `<p class="productPrice"><em title="%.2f">%s</em>`, l.price, esc(priceTextA(l.price, l.high, l.pfmt)))
	if l.tag > 0 {
		fmt.Fprintf(b, ` <del>%s</del>`, esc(priceTextA(l.tag, 0, 0)))
	}
	b.WriteString(`</p>`)
	fmt.Fprintf(b, `<p class="productTitle"><a href="%s" target="_blank" title="%s">%s</a></p>`, link, esc(l.title), esc(l.title))
	fmt.Fprintf(b, `<div class="productShop"><a class="productShop-name" href="//%s/shop/%s.htm">%s</a>`, host, l.shop.id, esc(l.shop.name))
	if l.shop.badge != "" {
		fmt.Fprintf(b, ` <span class="shop-badge">%s</span>`, esc(l.shop.badge))
	}
	b.WriteString(`</div>`)
	fmt.Fprintf(b, `<p class="productStatus"><span>月成交 <em>%s笔</em></span></p>`, salesText(l.sales))
	if ad {
		b.WriteString(`<span class="ad-tag">广告</span>`)
	}
	b.WriteString(`</div></div>`)
}

func (s *siteAH) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	hits := search(s.index, q)
	last := (len(hits) + perPageA - 1) / perPageA
	var b strings.Builder
	pageHeadA(&b, q+"-天猫+搜索", "")
	fmt.Fprintf(&b, `<div class="filter"><span class="result-count">共 %d 件相关商品</span></div>`, len(hits))
	if page > last {
		fmt.Fprintf(&b, `<div class="searchTip">抱歉，没有找到与“%s”相关的宝贝。</div></body></html>`, esc(q))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, b.String())
		return
	}
	b.WriteString(`<div id="J_ItemList" class="view grid-nosku">`)
	// promoted entries: the same few ads on every result page
	var ads []*listing
	for _, h := range hits {
		if h.l.promoted && len(ads) < 3 {
			ads = append(ads, h.l)
		}
	}
	for i, l := range ads {
		s.card(&b, r.Host, l, q, page, i+1, true)
	}
	start := (page - 1) * perPageA
	end := min(start+perPageA, len(hits))
	for i := start; i < end; i++ {
		s.card(&b, r.Host, hits[i].l, q, page, i+1, false)
		if (i-start)%13 == 12 && len(ads) > 0 { // another promoted slot mid-page
			s.card(&b, r.Host, ads[(i/13)%len(ads)], q, page, i+100, true)
		}
	}
	b.WriteString(`</div><div class="ui-page"><div class="ui-page-wrap"><b class="ui-page-num">`)
	if page > 1 {
		fmt.Fprintf(&b, `<a class="ui-page-prev" href="/search_product.htm?q=%s&page=%d">上一页</a>`, url.QueryEscape(q), page-1)
	}
	for p := 1; p <= last; p++ {
		if p == page {
			fmt.Fprintf(&b, `<b class="ui-page-cur">%d</b>`, p)
		} else {
			fmt.Fprintf(&b, `<a href="/search_product.htm?q=%s&page=%d">%d</a>`, url.QueryEscape(q), p, p)
		}
	}
	if page < last {
		fmt.Fprintf(&b, `<a class="ui-page-next" href="/search_product.htm?q=%s&page=%d">下一页&gt;&gt;</a>`, url.QueryEscape(q), page+1)
	}
	b.WriteString(`</b></div></div></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

func descHTML(d string) string {
	return strings.ReplaceAll(esc(d), "\n", "<br>")
}

func (s *siteAH) detail(w http.ResponseWriter, r *http.Request) {
	l := s.byID[r.URL.Query().Get("id")]
	if l == nil {
		s.notFound(w)
		return
	}
	if l.slow {
		time.Sleep(1200 * time.Millisecond)
	}
	host := r.Host
	canon := "http://" + host + "/detail.htm?id=" + l.id
	var head strings.Builder
	fmt.Fprintf(&head, `<link rel="canonical" href="%s">`, esc(canon))
	fmt.Fprintf(&head, `<meta property="og:title" content="%s">`, esc(l.title))
	if len(l.imgs) > 0 {
		fmt.Fprintf(&head, `<meta property="og:image" content="http:%s">`, esc(s.imgURL(host, l, l.imgs[0], "")))
	}
	var b strings.Builder
	pageHeadA(&b, l.title+"-tmall.com天猫+", head.String())
	b.WriteString(`<div id="detail" class="tm-clear"><div class="tb-gallery">`)
	if len(l.imgs) > 0 {
		fmt.Fprintf(&b, `<div class="tb-booth"><img id="J_ImgBooth" src="%s" alt="%s"></div>`, esc(s.imgURL(host, l, l.imgs[0], "_430x430q90.jpg")), esc(l.title))
	}
	b.WriteString(`<ul id="J_UlThumb" class="tb-thumb">`)
	for _, k := range l.imgs {
		fmt.Fprintf(&b, `<li><a href="#"><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="%s"></a></li>`, esc(s.imgURL(host, l, k, "_430x430q90.jpg")))
	}
	b.WriteString(`</ul></div><div class="tb-property">`)
	fmt.Fprintf(&b, `<div class="tb-detail-hd"><h1 data-spm="1000983">%s</h1>`, esc(l.title))
	if l.shop.live {
		b.WriteString(`<p class="newp">直播间同款 · 短视频种草</p>`)
	}
	b.WriteString(`</div><div class="tm-fcs-panel">`)
	if l.tag > 0 {
		fmt.Fprintf(&b, `<dl class="tm-price-panel"><dt class="tb-metatit">价格</dt><dd><del class="tm-tag-price">%s</del></dd></dl>`, esc(priceTextA(l.tag, 0, 0)))
	}
	fmt.Fprintf(&b, `<dl class="tm-promo-panel"><dt class="tb-metatit">%s</dt><dd><span class="tm-promo-price">%s</span></dd></dl>`, esc(l.plabel), esc(priceTextA(l.price, l.high, l.pfmt)))
	b.WriteString(`</div>`)
	fmt.Fprintf(&b, `<ul class="tm-ind-panel"><li class="tm-ind-sellCount">月销量 <span class="tm-count">%s</span></li><li class="tm-ind-reviewCount">累计评价 <span class="tm-count">%d</span></li></ul>`, salesText(l.sales), l.sales/3)
	if len(l.variants) > 0 {
		b.WriteString(`<dl class="tb-prop"><dt class="tb-metatit">套餐类型</dt><dd><ul class="J_TSaleProp">`)
		for _, v := range l.variants {
			fmt.Fprintf(&b, `<li data-value="%s"><a href="#"><span>%s</span></a></li>`, esc(hashKey(v)[:8]), esc(v))
		}
		b.WriteString(`</ul></dd></dl>`)
	}
	b.WriteString(`<div class="tb-action"><a class="tb-btn-buy" href="/buy/confirm.htm">立即购买</a> <a class="tb-btn-basket" href="/cart.htm">加入购物车</a></div>`)
	b.WriteString(`<div class="coupon-tip">扫码领券 · 店铺满299减30</div></div></div>`)
	fmt.Fprintf(&b, `<div id="shopExtra"><div class="slogo"><a class="slogo-shopname" href="//%s/shop/%s.htm" data-shop-id="%s"><strong>%s</strong></a>`, host, l.shop.id, l.shop.id, esc(l.shop.name))
	if l.shop.badge != "" {
		fmt.Fprintf(&b, `<span class="tm-shop-badge">%s</span>`, esc(l.shop.badge))
	}
	fmt.Fprintf(&b, `</div><div class="shop-rate">描述 %.1f 服务 %.1f 物流 %.1f</div></div>`, 4.6+float64(len(l.shop.id)%4)/10, 4.7, 4.8)
	fmt.Fprintf(&b, `<div id="description"><h3>宝贝详情</h3><div class="content ke-post">%s</div></div>`, descHTML(l.desc))
	b.WriteString(`<div id="footer">天猫+ 版权所有</div></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

func (s *siteAH) image(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	i := strings.Index(p, "O1CN01")
	if i < 0 {
		s.notFound(w)
		return
	}
	key := p[i+6:]
	if j := strings.Index(key, "."); j >= 0 {
		key = key[:j]
	}
	data, ct, ok := listingImage(s.w, key)
	if !ok {
		s.notFound(w)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "max-age=86400")
	w.Write(data)
}

func (s *siteAH) shopPage(w http.ResponseWriter, r *http.Request, id string) {
	var items []*listing
	var name string
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
	var b strings.Builder
	pageHeadA(&b, name+"-天猫+", "")
	fmt.Fprintf(&b, `<div class="shop-header"><h2>%s</h2></div><div class="shop-items">`, esc(name))
	for _, l := range items {
		fmt.Fprintf(&b, `<div class="item"><a href="/detail.htm?id=%s">%s</a> %s</div>`, l.id, esc(l.title), esc(priceTextA(l.price, l.high, l.pfmt)))
	}
	b.WriteString(`</div></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}
