package world3

import (
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

const pageSizeA = 40

type siteA_ struct {
	w        *world
	mu       sync.Mutex
	failed   bool   // the 503 has been served
	failNum  uint64 // listing answered once with 503
	slowNum  uint64 // listing that answers slowly
	sleepFor time.Duration
}

func newSiteA(w *world) http.Handler {
	s := &siteA_{w: w, sleepFor: 1200 * time.Millisecond}
	for _, l := range w.listings[siteA] {
		if l.kind == "cf-desc" && (s.failNum == 0 || l.num < s.failNum) {
			s.failNum = l.num
		}
		if l.kind == "official" && (s.slowNum == 0 || l.num < s.slowNum) {
			s.slowNum = l.num
		}
	}
	return s
}

var (
	reItemA = regexp.MustCompile(`^/p/(\d+)(?:/.*)?$`)
	reShopA = regexp.MustCompile(`^/shop/(\d+)$`)
	reImgA  = regexp.MustCompile(`^/img/(\d+)_(\d+)\.jpg(?:_(\d+)x(\d+)q\d+\.jpg)?$`)
)

func (s *siteA_) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(rw, "User-agent: *\nDisallow: /cart\nDisallow: /buy\nDisallow: /member/\nAllow: /\n")
	case p == "/" || p == "/index.html":
		s.home(rw, r)
	case p == "/s":
		s.search(rw, r)
	case reItemA.MatchString(p):
		n, _ := strconv.ParseUint(reItemA.FindStringSubmatch(p)[1], 10, 64)
		s.item(rw, r, n)
	case reShopA.MatchString(p):
		s.shop(rw, r, reShopA.FindStringSubmatch(p)[1])
	case reImgA.MatchString(p):
		s.img(rw, r, reImgA.FindStringSubmatch(p))
	case p == "/static/blank.gif":
		rw.Header().Set("Content-Type", "image/gif")
		rw.Write([]byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"))
	default:
		notFoundA(rw)
	}
}

func notFoundA(rw http.ResponseWriter) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(http.StatusNotFound)
	fmt.Fprint(rw, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在 - 淘源市场</title></head><body><div class="error-page"><h2>抱歉，您访问的页面不存在</h2><a href="/">返回首页</a></div></body></html>`)
}

const headA = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>%s</title>%s
<link rel="stylesheet" href="/static/tb.css"></head>
<body><div id="site-nav"><ul><li><a href="/">淘源首页</a></li><li><a href="/member/login">亲，请登录</a></li><li><a href="/cart">购物车</a></li></ul></div>
<div id="header"><a class="logo" href="/">淘源市场</a><form class="search-form" action="/s" method="get"><input name="q" value="%s" placeholder="搜索宝贝"><button type="submit">搜索</button></form></div>
`

const footA = `<div id="footer"><p>淘源市场 版权所有 © 2024 | 增值电信业务经营许可证：沪B2-2024xxxx</p></div></body></html>`

func (s *siteA_) home(rw http.ResponseWriter, r *http.Request) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(rw, headA, "淘源市场 - 淘！我喜欢", "", "")
	rw.Write([]byte(`<div class="hot-words">热搜：`))
	for _, w := range []string{"蛋白粉", "精华液", "洗衣液"} {
		fmt.Fprintf(rw, `<a href="/s?q=%s">%s</a> `, url.QueryEscape(w), w)
	}
	rw.Write([]byte(`</div>`))
	fmt.Fprint(rw, footA)
}

func highlight(title string, q string) string {
	// mark the query's Chinese bigrams and words, as result pages do
	esc := html.EscapeString(title)
	for _, t := range tokens(q) {
		if len([]rune(t)) < 2 || !isHan(t) {
			continue
		}
		if i := strings.Index(strings.ToLower(esc), t); i >= 0 && !strings.Contains(esc[:i], "<") {
			esc = esc[:i] + `<span class="H">` + esc[i:i+len(t)] + `</span>` + esc[i+len(t):]
			break
		}
	}
	return esc
}

func (s *siteA_) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	res := s.w.index[siteA].search(q)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(rw, headA, html.EscapeString(q)+"_淘源搜索", "", html.EscapeString(q))
	total := len(res)
	pages := (total + pageSizeA - 1) / pageSizeA
	fmt.Fprintf(rw, `<div class="m-sortbar"><a class="sort active">综合排序</a><a class="sort" href="/s?q=%s&amp;sort=sale-desc">销量</a><span class="total">共 %d 件宝贝</span></div>`, url.QueryEscape(q), total)
	fmt.Fprint(rw, `<div class="m-itemlist"><div class="items">`)
	lo := (page - 1) * pageSizeA
	if lo > total {
		lo = total
	}
	hi := min(lo+pageSizeA, total)
	for i, l := range res[lo:hi] {
		spm := fmt.Sprintf("?spm=a230r.1.14.%d&ns=1&abbucket=%d", lo+i+1, l.num%20)
		link := l.path + spm
		fmt.Fprintf(rw, `<div class="item-card" data-nid="%d" data-index="%d">
<div class="pic"><a class="pic-link J_ClickStat" href="%s" target="_blank"><img class="J_ItemPic" src="/static/blank.gif" data-src="/img/%d_0.jpg_230x230q90.jpg" alt=""></a></div>
<div class="row row-price"><div class="price g_price"><strong>%s</strong></div><div class="deal-cnt">%s人付款</div></div>
<div class="row row-title"><a class="J_ClickStat item-title" href="%s" target="_blank">%s</a></div>
<div class="row row-shop"><a class="shopname" href="/shop/%s?spm=a230r.1.14.shop" data-userid="%s"><span>%s</span></a><div class="location">%s</div></div>
</div>
`, l.num, lo+i, html.EscapeString(link), l.num, html.EscapeString(l.priceTxt), salesText(l.sales), html.EscapeString(link), highlight(l.title, q),
			l.seller.id, l.seller.id, html.EscapeString(l.seller.name), html.EscapeString(l.seller.loc))
	}
	fmt.Fprint(rw, `</div></div>`)
	if total == 0 {
		fmt.Fprintf(rw, `<div class="m-noresult">没有找到与“%s”相关的宝贝</div>`, html.EscapeString(q))
	}
	// pager
	fmt.Fprint(rw, `<div class="pager">`)
	if page > 1 {
		fmt.Fprintf(rw, `<a class="pager-prev" href="/s?q=%s&amp;page=%d">上一页</a>`, url.QueryEscape(q), page-1)
	}
	for i := max(1, page-2); i <= min(pages, page+2); i++ {
		if i == page {
			fmt.Fprintf(rw, `<span class="current">%d</span>`, i)
		} else {
			fmt.Fprintf(rw, `<a class="pager-num" href="/s?q=%s&amp;page=%d">%d</a>`, url.QueryEscape(q), i, i)
		}
	}
	if page < pages {
		fmt.Fprintf(rw, `<a class="pager-next" href="/s?q=%s&amp;page=%d">下一页</a>`, url.QueryEscape(q), page+1)
	}
	fmt.Fprint(rw, `</div>`)
	// "guess you like": unrelated items, different markup
	fmt.Fprint(rw, `<div class="guess-like"><h3>猜你喜欢</h3>`)
	all := s.w.listings[siteA]
	for i := 0; i < 6; i++ {
		l := all[(page*7+i*131+len(q)*17)%len(all)]
		fmt.Fprintf(rw, `<div class="rec-card"><a class="rec-title" href="%s?spm=a230r.guess.%d">%s</a><span class="rec-price">%s</span></div>`,
			html.EscapeString(l.path), i, html.EscapeString(l.title), html.EscapeString(l.priceTxt))
	}
	fmt.Fprint(rw, `</div>`)
	fmt.Fprint(rw, footA)
}

func salesText(n int) string {
	switch {
	case n >= 10000:
		return fmt.Sprintf("%d万+", n/10000)
	case n >= 1000:
		return fmt.Sprintf("%d000+", n/1000)
	case n >= 100:
		return fmt.Sprintf("%d00+", n/100)
	}
	return strconv.Itoa(n)
}

func (s *siteA_) item(rw http.ResponseWriter, r *http.Request, n uint64) {
	l := s.w.byNum[siteA][n]
	if l == nil {
		notFoundA(rw)
		return
	}
	if n == s.failNum {
		s.mu.Lock()
		first := !s.failed
		s.failed = true
		s.mu.Unlock()
		if first {
			rw.Header().Set("Retry-After", "2")
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			rw.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(rw, `<html><body><h1>系统繁忙，请稍后再试</h1></body></html>`)
			return
		}
	}
	if n == s.slowNum {
		time.Sleep(s.sleepFor)
	}
	canon := "http://" + r.Host + l.path
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	meta := fmt.Sprintf(`
<link rel="canonical" href="%s">
<meta name="keywords" content="%s">
<meta property="og:title" content="%s">
<meta property="og:image" content="/img/%d_0.jpg">`, html.EscapeString(canon), html.EscapeString(l.title), html.EscapeString(l.title), l.num)
	fmt.Fprintf(rw, headA, html.EscapeString(l.title)+"-淘源市场", meta, "")
	b := &strings.Builder{}
	fmt.Fprintf(b, `<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/s?q=%s">%s</a></div>`, url.QueryEscape(themeWord(l)), html.EscapeString(themeWord(l)))
	fmt.Fprint(b, `<div id="detail" class="tb-detail">`)
	// gallery
	fmt.Fprintf(b, `<div class="tb-gallery"><div class="tb-booth"><img id="J_ImgBooth" src="/img/%d_0.jpg_430x430q90.jpg" alt=""></div><ul id="J_UlThumb" class="tb-thumb">`, l.num)
	for i := range l.imgs {
		fmt.Fprintf(b, `<li><a href="#"><img src="/img/%d_%d.jpg_60x60q90.jpg" data-big="/img/%d_%d.jpg"></a></li>`, l.num, i, l.num, i)
	}
	fmt.Fprint(b, `</ul></div>`)
	// properties
	fmt.Fprintf(b, `<div class="tb-property"><h1 class="tb-main-title" data-title="%s">%s</h1>`, html.EscapeString(l.title), html.EscapeString(l.title))
	fmt.Fprint(b, `<p class="tb-subtitle">`+html.EscapeString(subtitleA(l))+`</p>`)
	fmt.Fprint(b, `<div class="tb-price-box">`)
	if l.orig > 0 {
		fmt.Fprintf(b, `<dl class="tb-price-orig-row"><dt>价格</dt><dd><del class="tb-price-orig">¥%s</del></dd></dl>`, money(l.orig))
	}
	label := "价格"
	if l.orig > 0 {
		label = "促销价"
	}
	symbol := ""
	if !strings.ContainsAny(l.priceTxt, "¥￥元") {
		symbol = `<em class="tb-rmb">¥</em>`
	}
	fmt.Fprintf(b, `<dl class="tb-price-now-row"><dt>%s</dt><dd>%s<span class="tb-price-now">%s</span></dd></dl></div>`, label, symbol, html.EscapeString(l.priceTxt))
	fmt.Fprintf(b, `<ul class="tb-meta"><li>月销量 <em>%s</em></li><li>累计评价 <em>%d</em></li><li>发货地 %s</li></ul>`, salesText(l.sales), l.sales/3, html.EscapeString(l.seller.loc))
	fmt.Fprint(b, `<div class="tb-action"><a class="J_LinkBuy" href="/buy?id=`+strconv.FormatUint(l.num, 10)+`">立即购买</a><a class="J_LinkAdd" href="/cart/add?id=`+strconv.FormatUint(l.num, 10)+`">加入购物车</a></div></div>`)
	// shop
	badge := ""
	switch l.seller.role {
	case roleOfficial:
		badge = `<span class="shop-badge tmall">官方旗舰</span>`
	case rolePersonal:
		badge = `<span class="shop-badge personal">个人闲置</span>`
	}
	fmt.Fprintf(b, `<div class="shop-card"><div class="shop-title">%s<a class="shop-name" href="/shop/%s?spm=a1z10.1-c.0.0" data-shop-id="%s">%s</a></div><div class="shop-rate">描述 4.8 服务 4.8 物流 4.7</div><a class="enter-shop" href="/shop/%s">进店逛逛</a></div>`,
		badge, l.seller.id, l.seller.id, html.EscapeString(l.seller.name), l.seller.id)
	fmt.Fprint(b, `</div>`)
	// attributes and description
	fmt.Fprint(b, `<div class="tb-tabbar"><ul><li class="selected">宝贝详情</li><li>累计评价</li><li>专享服务</li></ul></div><div class="attributes"><ul class="attributes-list">`)
	for _, a := range attrsA(l) {
		fmt.Fprintf(b, `<li title="%s">%s:&nbsp;%s</li>`, html.EscapeString(a[1]), html.EscapeString(a[0]), html.EscapeString(a[1]))
	}
	fmt.Fprint(b, `</ul></div>`)
	fmt.Fprintf(b, `<div id="J_DivItemDesc" class="desc-content"><p>%s</p></div>`, html.EscapeString(l.desc))
	fmt.Fprint(b, `<div class="desc-imgs">`)
	for i := range l.imgs {
		fmt.Fprintf(b, `<img class="lazy" src="/static/blank.gif" data-ks-lazyload="/img/%d_%d.jpg_430x430q90.jpg">`, l.num, i)
	}
	fmt.Fprint(b, `</div>`)
	// recommendations from the same shop
	fmt.Fprint(b, `<div class="shop-recommend"><h4>本店推荐</h4>`)
	k := 0
	for _, o := range s.w.shops[siteA][l.seller.id] {
		if o != l && k < 4 {
			fmt.Fprintf(b, `<a class="rec-title" href="%s?spm=a1z10.shoprec">%s</a>`, html.EscapeString(o.path), html.EscapeString(o.title))
			k++
		}
	}
	fmt.Fprint(b, `</div>`)
	rw.Write([]byte(b.String()))
	fmt.Fprint(rw, footA)
}

func themeWord(l *listing) string {
	switch {
	case l.label.SKU != "":
		return productBy[l.label.SKU].zhCore
	}
	return "热卖"
}

func subtitleA(l *listing) string {
	switch l.seller.role {
	case roleOfficial:
		return "品牌官方直营 正品保障 七天无理由退换"
	case roleAuthorised:
		return "授权经销 正品保障"
	case rolePersonal:
		return "个人闲置 不退不换"
	}
	return "限时优惠 拍下立减"
}

func attrsA(l *listing) [][2]string {
	var out [][2]string
	if l.label.SKU != "" {
		p := productBy[l.label.SKU]
		b := brandByID[p.Brand]
		out = append(out, [2]string{"品牌", b.zhForms[0]})
		// near-twins: the attribute only says the line when the title does
		if p.twin == "" || strings.Contains(l.title, p.zhLine) {
			out = append(out, [2]string{"规格", p.zhLine})
		} else {
			out = append(out, [2]string{"规格", "见详情"})
		}
	}
	out = append(out, [2]string{"产地", "中国大陆"}, [2]string{"保质期", "730天"})
	return out
}

func (s *siteA_) shop(rw http.ResponseWriter, r *http.Request, id string) {
	ls := s.w.shops[siteA][id]
	if len(ls) == 0 {
		notFoundA(rw)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(rw, headA, html.EscapeString(ls[0].seller.name)+"-淘源市场", "", "")
	fmt.Fprintf(rw, `<div class="shop-head"><h2>%s</h2><span class="shop-id">店铺ID %s</span></div><ul class="shop-items">`, html.EscapeString(ls[0].seller.name), id)
	for _, l := range ls {
		fmt.Fprintf(rw, `<li><a href="%s?spm=a1z10.3">%s</a> <span>%s</span></li>`, html.EscapeString(l.path), html.EscapeString(l.title), html.EscapeString(l.priceTxt))
	}
	fmt.Fprint(rw, `</ul>`+footA)
}

func (s *siteA_) img(rw http.ResponseWriter, r *http.Request, m []string) {
	n, _ := strconv.ParseUint(m[1], 10, 64)
	i, _ := strconv.Atoi(m[2])
	l := s.w.byNum[siteA][n]
	if l == nil || i >= len(l.imgs) {
		http.NotFound(rw, r)
		return
	}
	data := imageBytes(siteA, l, i)
	if m[3] != "" {
		w, _ := strconv.Atoi(m[3])
		h, _ := strconv.Atoi(m[4])
		data = thumb(data, w, h)
	}
	rw.Header().Set("Content-Type", "image/jpeg")
	rw.Header().Set("Cache-Control", "max-age=86400")
	rw.Write(data)
}
