package world11

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

// taoxiRule is the site rule a brand team wrote from taoxi's pages.
const taoxiRule = `# taoxi mobile web (Taobao/Tmall-style). Written from saved item and search pages.
name: taoxi-m
base_url: https://m.taoxi.example
search:
  url: "{base}/search.htm?q={query}&page={page}"
  max_pages: 10
  listing_links: "div.item-list a.item-card@href"
  next_page: "div.pager a.pager-next@href"
listing:
  id: "link[rel=canonical]@href | re:[?&]id=(\\d+)"
  title: "div.title-wrap h1.title-text"
  price: "div.price-main span.price-num"
  currency: "CNY"
  seller_id: "div.shop-card@data-shop-id"
  seller_name: "div.shop-card .shop-name"
  images: "div.swiper img.swiper-img@data-src"
  description: "section.item-info"
  removed: "div.item-offline"
politeness: {parallelism: 4, delay: 100ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

type faultState struct {
	mu   sync.Mutex
	seen map[string]bool
}

// once reports whether key is seen for the first time.
func (f *faultState) once(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	if f.seen[key] {
		return false
	}
	f.seen[key] = true
	return true
}

func sleepCtx(r *http.Request, d time.Duration) {
	select {
	case <-time.After(d):
	case <-r.Context().Done():
	}
}

func serviceUnavailable(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	fmt.Fprint(w, "<html><body><h1>503 Service Temporarily Unavailable</h1><p>系统繁忙，请稍后再试</p></body></html>")
}

func servePhoto(w http.ResponseWriter, r *http.Request, sd *siteData, f *faultState, path string) {
	spec, ok := sd.photos[path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if path == sd.flakyPhoto && f.once("photo "+path) {
		serviceUnavailable(w)
		return
	}
	data, ct := spec.encode()
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "max-age=31536000")
	w.Write(data)
}

type taoxiHandler struct {
	sd *siteData
	f  faultState
}

func newTaoxiHandler(sd *siteData) http.Handler { return &taoxiHandler{sd: sd} }

func (h *taoxiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nDisallow: /cart.htm\nDisallow: /trade/\nDisallow: /member/\nDisallow: /h5/api/\n")
	case p == "/" || p == "/index.htm":
		h.html(w, http.StatusOK, "淘喜 - 手机淘喜网", `<div class="home"><form action="/search.htm"><input name="q" placeholder="搜索宝贝"></form></div>`, r.Host, "")
	case p == "/search.htm":
		h.search(w, r)
	case p == "/item.htm" || p == "/awp/core/detail.htm":
		h.item(w, r)
	case strings.HasPrefix(p, "/imgextra/"):
		servePhoto(w, r, h.sd, &h.f, strings.TrimSuffix(p, "_200x200q90.jpg"))
	case strings.HasPrefix(p, "/shop/"):
		h.html(w, http.StatusOK, "店铺首页", `<div class="shop-home">店铺装修中</div>`, r.Host, "")
	default:
		h.html(w, http.StatusNotFound, "页面不存在", `<div class="error-page">亲，您访问的页面不存在</div>`, r.Host, "")
	}
}

func (h *taoxiHandler) html(w http.ResponseWriter, status int, title, body, host, head string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">
<meta name="format-detection" content="telephone=no">
<title>%s</title>
%s<link rel="stylesheet" href="//%s/static/m/detail.min.css">
</head>
<body>
%s
<script src="//%s/static/m/mtop.min.js"></script>
</body>
</html>
`, html.EscapeString(title), head, host, body, host)
}

func hashOf(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// cnyText writes a price the ways taoxi pages do: ¥298, ￥298.00, ¥268-520.
func cnyText(l *listing) string {
	sym := "¥"
	if hashOf(l.id)%3 == 0 {
		sym = "￥"
	}
	f := func(v float64) string {
		if hashOf(l.id)%2 == 0 {
			return fmt.Sprintf("%.2f", v)
		}
		return trimZero(v)
	}
	if l.hi > 0 {
		return sym + trimZero(l.price) + "-" + trimZero(l.hi)
	}
	return sym + f(l.price)
}

func soldText(n int) string {
	switch {
	case n >= 10000:
		return fmt.Sprintf("%d万+人付款", n/10000)
	case n >= 1000:
		return fmt.Sprintf("%d000+人付款", n/1000)
	case n >= 100:
		return fmt.Sprintf("%d00+人付款", n/100)
	}
	return fmt.Sprintf("%d人付款", n)
}

func (h *taoxiHandler) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	if page == 2 && q == "素兰妮" {
		sleepCtx(r, 1500*time.Millisecond)
	}
	res, more := h.sd.page(q, page)
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="search-bar"><a class="back" href="/">‹</a><form action="/search.htm"><input name="q" value="%s"></form></div>
<div class="filter-bar"><span class="on">综合</span><span>销量</span><span>价格</span><span>筛选</span></div>
`, html.EscapeString(q))
	if len(res) == 0 {
		b.WriteString(`<div class="empty-result">没有找到相关宝贝，换个词试试吧</div>`)
		h.html(w, http.StatusOK, q+" - 淘喜搜索", b.String(), r.Host, "")
		return
	}
	pvid := fmt.Sprintf("%08x-%04x-4%03x-a%03x-%012x", hashOf(q), page, hashOf(q)%4096, page*17%4096, uint64(hashOf(q))*uint64(page+7))
	b.WriteString(`<div class="item-list">` + "\n")
	card := func(l *listing, href string, ad bool) {
		adTag := ""
		cls := "item-card-wrap"
		if ad {
			adTag = `<span class="ad-tag">广告</span>`
			cls += " ad"
		}
		badges := ""
		if l.seller.tmall {
			badges = `<i class="icon-tmall">天猫</i>`
		}
		img := ""
		if len(l.photos) > 0 {
			img = fmt.Sprintf(`<img class="pic lazy" data-src="//%s%s_200x200q90.jpg" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">`, r.Host, l.photos[0])
		}
		fmt.Fprintf(&b, `<div class="%s" data-nid="%s"><a class="item-card" href="%s">%s<div class="info"><h3 class="title">%s%s</h3><div class="price-row"><span class="price">%s</span><span class="sold">%s</span></div><div class="shop-row"><span class="shop">%s</span><span class="loc">%s</span></div>%s</div></a></div>
`, cls, l.id, html.EscapeString(href), img, badges, html.EscapeString(l.title), html.EscapeString(cnyText(l)), soldText(l.sold), html.EscapeString(l.seller.name), html.EscapeString(l.seller.location), adTag)
	}
	if ad := h.sd.sponsored(q, page); ad != nil {
		href := fmt.Sprintf("%s&spm=a2141.7631564.ad.0&ali_trackid=2:mm_26632258_3504122_%d:%d_%d&union_lens=lensId:OPT@%d", ad.path, hashOf(q)%100000000, 1700000000+page, hashOf(ad.id)%1000, hashOf(q+ad.id))
		card(ad, href, true)
	}
	for i, l := range res {
		href := fmt.Sprintf("%s&spm=a2141.7631564.0.i%d&scm=1007.13029.131809.0&pvid=%s", l.path, (page-1)*h.sd.pageSize+i, pvid)
		card(l, href, false)
		if page == 1 && i == 9 {
			b.WriteString(`<div class="rec-bar">猜你喜欢 · 相关搜索：<a class="rel" href="/search.htm?q=` + url.QueryEscape(q+" 正品") + `">` + html.EscapeString(q) + ` 正品</a></div>` + "\n")
		}
	}
	b.WriteString("</div>\n")
	b.WriteString(`<div class="pager">`)
	if page > 1 {
		fmt.Fprintf(&b, `<a class="pager-prev" href="/search.htm?q=%s&amp;page=%d">上一页</a>`, url.QueryEscape(q), page-1)
	}
	fmt.Fprintf(&b, `<span class="pager-cur">%d</span>`, page)
	if more {
		fmt.Fprintf(&b, `<a class="pager-next" href="/search.htm?q=%s&amp;page=%d">下一页</a>`, url.QueryEscape(q), page+1)
	}
	b.WriteString("</div>\n")
	h.html(w, http.StatusOK, q+" - 淘喜搜索", b.String(), r.Host, "")
}

func (h *taoxiHandler) item(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	l := h.sd.byPath[r.URL.Path+"?id="+id]
	if l == nil {
		h.html(w, http.StatusNotFound, "页面不存在", `<div class="error-page">亲，您访问的宝贝不存在</div>`, r.Host, "")
		return
	}
	switch l.fault {
	case "flaky":
		if h.f.once("item " + l.id) {
			serviceUnavailable(w)
			return
		}
	case "slow":
		sleepCtx(r, 1500*time.Millisecond)
	}
	canon := fmt.Sprintf(`<link rel="canonical" href="http://%s%s">`+"\n", r.Host, html.EscapeString(l.path))
	if l.removed > 0 {
		msg := "很抱歉，您查看的宝贝不存在，可能已下架或者被转移。"
		if l.removed == 2 {
			msg = "该宝贝已失效，卖家已将其删除。"
		}
		body := `<div class="detail-page"><header class="nav-bar"><a class="back" href="javascript:history.back()">‹</a><span>宝贝详情</span></header>
<div class="item-offline"><img src="//` + r.Host + `/static/m/offline.png"><p>` + msg + `</p><a href="/">去首页逛逛</a></div></div>`
		h.html(w, http.StatusOK, "宝贝已下架", body, r.Host, canon)
		return
	}
	var b strings.Builder
	b.WriteString(`<div id="app" class="detail-page">
<header class="nav-bar"><a class="back" href="javascript:history.back()">‹</a><span>宝贝</span><span>评价</span><span>详情</span><a class="cart" href="/cart.htm">购物车</a></header>
<div class="swiper" id="J_Swiper">`)
	for i, ph := range l.photos {
		fmt.Fprintf(&b, `<div class="swiper-item"><img class="swiper-img" data-src="//%s%s" alt="%d"></div>`, r.Host, ph, i+1)
	}
	fmt.Fprintf(&b, `<span class="swiper-num">1/%d</span></div>
`, len(l.photos))
	b.WriteString(`<div class="price-block"><div class="price-main">`)
	if l.promo != "" && strings.HasPrefix(l.promo, "活动价") {
		b.WriteString(`<span class="price-label">活动价</span>`)
	}
	fmt.Fprintf(&b, `<span class="price-num">%s</span>`, html.EscapeString(cnyText(l)))
	if l.orig > 0 {
		fmt.Fprintf(&b, ` <del class="price-orig">价格¥%s</del>`, trimZero(l.orig))
	}
	b.WriteString(`</div>`)
	if l.promo != "" {
		fmt.Fprintf(&b, `<div class="promo-tag">%s</div>`, html.EscapeString(l.promo))
	}
	fmt.Fprintf(&b, `<div class="sold-count">月销 %s</div></div>
`, strings.TrimSuffix(soldText(l.sold), "人付款"))
	fmt.Fprintf(&b, `<div class="title-wrap"><h1 class="title-text">%s</h1><a class="share" href="javascript:;">分享</a></div>
`, html.EscapeString(l.title))
	b.WriteString(`<div class="service-bar"><span>发货 ` + html.EscapeString(l.seller.location) + `</span><span>快递: 免运费</span><span>7天无理由退货</span></div>` + "\n")
	b.WriteString(`<section class="item-info">`)
	if len(l.attrs) > 0 {
		b.WriteString(`<div class="props"><h3>参数</h3><ul>`)
		for _, a := range l.attrs {
			fmt.Fprintf(&b, `<li><span class="k">%s</span><span class="v">%s</span></li>`, html.EscapeString(a[0]), html.EscapeString(a[1]))
		}
		b.WriteString(`</ul></div>`)
	}
	if l.fault == "malformed" {
		fmt.Fprintf(&b, `<div class="desc-content"><h3>宝贝详情</h3><p>%s<p>R&D 正品 & 包邮 <b>注意<i>事项</b></i></span><li>拍前请咨询客服`, html.EscapeString(l.desc))
	} else {
		fmt.Fprintf(&b, `<div class="desc-content"><h3>宝贝详情</h3><p>%s</p></div>`, html.EscapeString(l.desc))
	}
	b.WriteString("</section>\n")
	badges := ""
	for _, bd := range l.seller.badges {
		cls := "badge"
		if bd == "天猫" || bd == "天猫国际" {
			cls += " badge-tmall"
		}
		badges += fmt.Sprintf(`<span class="%s">%s</span>`, cls, html.EscapeString(bd))
	}
	score := 4.6 + float64(hashOf(l.seller.id)%4)/10
	fmt.Fprintf(&b, `<div class="shop-card" data-shop-id="%s" data-seller-id="22%s"><img class="shop-logo" src="//%s/static/m/shop.png"><div class="shop-name">%s</div><div class="shop-badges">%s</div>
<div class="shop-score"><span>宝贝描述 %.1f</span><span>卖家服务 %.1f</span><span>物流服务 %.1f</span></div><a class="enter-shop" href="/shop/%s.htm">进店逛逛</a></div>
`, l.seller.id, l.seller.id, r.Host, html.EscapeString(l.seller.name), badges, score, score, score-0.1, l.seller.id)
	b.WriteString(`<div class="rate-summary"><h3>宝贝评价</h3><p class="empty">暂无评价</p></div>
<footer class="action-bar"><a class="btn-shop" href="javascript:;">店铺</a><a class="btn-service" href="javascript:;">客服</a><a class="btn-cart" href="javascript:;">加入购物车</a><a class="btn-buy" href="javascript:;">立即购买</a></footer>
</div>`)
	h.html(w, http.StatusOK, l.title+"-淘喜", b.String(), r.Host, canon)
}
