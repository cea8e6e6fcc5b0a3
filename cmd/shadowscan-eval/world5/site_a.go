package world5

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const pageSizeA = 40

type handlerA struct {
	w *world
}

var esc = html.EscapeString

func scheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	return "http"
}

func (h *handlerA) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nDisallow: /trade/\nDisallow: /member/\nDisallow: /cart/\nAllow: /\n")
	case p == "/":
		h.page(w, "批发汇 - 全球领先的采购批发平台", `<div class="home"><h2>热门采购</h2><p>保健食品 · 美妆护肤 · 日化家清</p></div>`)
	case p == "/selloffer/offer_search.htm":
		h.search(w, r)
	case strings.HasPrefix(p, "/offer/") && strings.HasSuffix(p, ".html"):
		key := strings.TrimSuffix(strings.TrimPrefix(p, "/offer/"), ".html")
		l := h.w.byKey[siteA+"/"+key]
		if l == nil {
			w.WriteHeader(http.StatusNotFound)
			h.page(w, "商品不存在", `<div class="offline-tip offer-offline-notice">该商品已下架或不存在</div>`)
			return
		}
		if l.slow {
			time.Sleep(2 * time.Second)
		}
		h.detail(w, r, l)
	case strings.HasPrefix(p, "/shop/"):
		h.shop(w, r, strings.Trim(strings.TrimPrefix(p, "/shop/"), "/"))
	case strings.HasPrefix(p, "/img/"):
		if !serveImage(w, h.w, p, false) {
			http.NotFound(w, r)
		}
	default:
		w.WriteHeader(http.StatusNotFound)
		h.page(w, "页面不存在", `<div class="error">抱歉，您访问的页面不存在。</div>`)
	}
}

func (h *handlerA) page(w http.ResponseWriter, title, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
<meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/static/pifa.css"></head>
<body><div id="header" class="sm-header"><a class="logo" href="/">批发汇 pifa-hub</a>
<form class="sm-search" action="/selloffer/offer_search.htm" method="get"><input name="keywords" placeholder="搜索货源"><button type="submit">搜索</button></form></div>
<div id="content">%s</div>
<div id="footer">© 批发汇 · 增值电信业务经营许可证 浙B2-2000XXXX</div></body></html>`, esc(title), body)
}

func priceTextA(l *listing) string {
	t := l.tiers[0].price
	switch l.priceStyle {
	case 1:
		return "¥" + fmtCNY(t) + "-" + fmtCNY(l.priceHi)
	case 2:
		return fmt.Sprintf("￥%.0f-%.0f", t, l.priceHi)
	case 3:
		return fmt.Sprintf("%s元", strings.TrimSuffix(fmtCNY(t), ".00"))
	}
	return "¥" + fmtCNY(t)
}

func (h *handlerA) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("keywords")
	page, _ := strconv.Atoi(r.URL.Query().Get("beginPage"))
	if page < 1 {
		page = 1
	}
	res := search(h.w.bySite[siteA], q)
	pages := (len(res) + pageSizeA - 1) / pageSizeA
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="sm-breadcrumb">首页 &gt; 搜索 “%s”</div>`, esc(q))
	link := func(n int) string {
		return "/selloffer/offer_search.htm?keywords=" + url.QueryEscape(q) + "&amp;beginPage=" + strconv.Itoa(n)
	}
	if page > pages {
		fmt.Fprintf(&b, `<div class="sm-noresult">没找到与“%s”相关的商品，换个关键词试试</div>`, esc(q))
		b.WriteString(`<div class="rec-list"><h3>为你推荐</h3>`)
		all := h.w.bySite[siteA]
		for i := 0; i < 6; i++ {
			l := all[(len(q)*31+i*97)%len(all)]
			fmt.Fprintf(&b, `<div class="rec-item"><a href="/offer/%s.html?spm=a26352.rec.%d">%s</a></div>`, l.key, i, esc(l.title))
		}
		b.WriteString(`</div>`)
		h.page(w, q+" - 批发汇搜索", b.String())
		return
	}
	fmt.Fprintf(&b, `<div class="sm-result-count">共找到 <em>%d</em> 件相关商品</div>`, len(res))
	if page == 1 && len(res) > 3 {
		b.WriteString(`<div class="p4p-list"><span class="ad-tag">广告</span>`)
		for i, l := range []*listing{res[len(res)/2], res[len(res)-1]} {
			fmt.Fprintf(&b, `<div class="p4p-item"><a href="/offer/%s.html?spm=a26352.p4p.%d&amp;p4p=1"><img src="%s" alt=""><span>%s</span></a></div>`, l.key, i, l.images[0], esc(l.title))
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`<div class="offer-list sm-offer-list">`)
	end := min(page*pageSizeA, len(res))
	for i, l := range res[(page-1)*pageSizeA : end] {
		pos := (page-1)*pageSizeA + i + 1
		href := fmt.Sprintf("/offer/%s.html?spm=a26352.13672862.offerlist.%d&amp;tracelog=p4p_kw_%d", l.key, pos, pos%7)
		unit := l.unitWord
		fmt.Fprintf(&b, `
<div class="offer-card" data-offerid="%s">
 <div class="offer-img"><a href="%s" target="_blank"><img src="%s" alt=""></a></div>
 <div class="offer-title"><a href="%s" target="_blank" title="%s">%s</a></div>
 <div class="offer-price"><span class="price-num">%s</span><span class="price-unit">/%s</span></div>
 <div class="offer-company"><a class="company-link" href="/shop/%s/">%s</a><span class="biz-years">%d年</span></div>
 <div class="offer-sale">成交%d%s</div>
</div>`, l.key, href, l.images[0], href, esc(l.title), highlight(l.title, q), esc(priceTextA(l)), unit, l.seller.id, esc(l.seller.name), max(1, l.seller.years), l.sales, unit)
	}
	b.WriteString(`</div><div class="fui-paging">`)
	if page > 1 {
		fmt.Fprintf(&b, `<a class="fui-prev" href="%s">上一页</a>`, link(page-1))
	}
	for n := 1; n <= pages; n++ {
		if n == page {
			fmt.Fprintf(&b, `<span class="fui-current">%d</span>`, n)
		} else {
			fmt.Fprintf(&b, `<a class="fui-page-num" href="%s">%d</a>`, link(n), n)
		}
	}
	if page < pages {
		fmt.Fprintf(&b, `<a class="fui-next" href="%s">下一页</a>`, link(page+1))
	} else {
		b.WriteString(`<span class="fui-next-disabled">下一页</span>`)
	}
	b.WriteString(`</div>`)
	h.page(w, q+" - 批发汇搜索", b.String())
}

// highlight marks query characters in red like Chinese marketplaces do.
func highlight(title, q string) string {
	var b strings.Builder
	qs := strings.ToLower(q)
	for _, r := range title {
		s := string(r)
		if isHan(r) && strings.ContainsRune(qs, r) {
			b.WriteString(`<font color="red">` + esc(s) + `</font>`)
		} else {
			b.WriteString(esc(s))
		}
	}
	return b.String()
}

func (h *handlerA) detail(w http.ResponseWriter, r *http.Request, l *listing) {
	var b strings.Builder
	canon := fmt.Sprintf("%s://%s/offer/%s.html", scheme(r), r.Host, l.key)
	b.WriteString(`<div id="mod-detail" class="mod-detail">`)
	b.WriteString(`<div class="mod-detail-gallery"><ul class="nav-tabs">`)
	for _, im := range l.images {
		fmt.Fprintf(&b, `<li class="tab-trigger" data-imgs='{"preview":"%s","original":"%s"}'><div class="box-img"><img src="%s" alt="%s"></div></li>`, im, im, im, esc(l.title))
	}
	b.WriteString(`</ul></div>`)
	fmt.Fprintf(&b, `<div class="mod-detail-title"><h1 class="d-title">%s</h1></div>`, esc(l.title))
	b.WriteString(`<div class="mod-detail-price"><span class="price-title">价格</span>`)
	switch l.priceStyle {
	case 0:
		b.WriteString(`<div class="price-tiers">`)
		for _, t := range l.tiers {
			fmt.Fprintf(&b, `<span class="tier"><span class="tier-price">¥%s</span> <span class="tier-qty">≥%d%s</span></span> `, fmtCNY(t.price), t.minQty, l.unitWord)
		}
		b.WriteString(`</div>`)
	default:
		fmt.Fprintf(&b, `<span class="price-range">%s</span><span class="price-unit">/%s</span>`, esc(priceTextA(l)), l.unitWord)
		if l.priceStyle == 1 || l.priceStyle == 2 {
			fmt.Fprintf(&b, `<table class="sku-table"><tr><td>标准装</td><td>¥%s</td></tr><tr><td>礼盒装</td><td>¥%s</td></tr></table>`, fmtCNY(l.tiers[0].price), fmtCNY(l.priceHi))
		}
	}
	fmt.Fprintf(&b, `<div class="obj-amount">起批量：%d%s起批 · 已售 %d%s · 评价 %d</div></div>`, l.tiers[0].minQty, l.unitWord, l.sales, l.unitWord, l.reviews)
	s := l.seller
	badge := map[int]string{kOfficial: `<span class="tag-brand">品牌商</span>`, kAuth: `<span class="tag-member">诚信通</span>`, kOther: `<span class="tag-member">诚信通</span>`, kPerson: ``}[s.kind]
	fmt.Fprintf(&b, `<div class="mod-detail-company"><a class="company-name" href="/shop/%s/" title="%s">%s</a>%s<span class="biz-years">入驻%d年</span><span class="location">所在地：%s</span><span class="score">服务分 %.1f</span></div>`,
		s.id, esc(s.name), esc(s.name), badge, max(1, s.years), esc(s.city), s.rating)
	b.WriteString(`<div class="region-detail-feature"><div id="mod-detail-attributes" class="mod-detail-attributes"><table class="obj-attr">`)
	for _, a := range l.attrs {
		fmt.Fprintf(&b, `<tr><th>%s</th><td>%s</td></tr>`, esc(a[0]), esc(a[1]))
	}
	b.WriteString(`</table></div><div id="desc-lazyload-container" class="desc-lazyload-container">`)
	for _, d := range l.desc {
		fmt.Fprintf(&b, `<p>%s</p>`, esc(d))
	}
	for _, im := range l.images {
		fmt.Fprintf(&b, `<p><img class="desc-img" src="%s"></p>`, im)
	}
	b.WriteString(`</div></div></div>`)
	body := b.String()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>%s - 批发汇</title>
<link rel="canonical" href="%s">
<meta name="keywords" content="%s">
<meta name="description" content="批发汇为您提供%s的详细产品价格、产品图片等信息">
</head><body><div id="header" class="sm-header"><a class="logo" href="/">批发汇 pifa-hub</a></div>
<div id="content">%s</div>
<div id="footer">© 批发汇</div></body></html>`, esc(l.title), esc(canon), esc(l.title), esc(l.title), body)
}

func (h *handlerA) shop(w http.ResponseWriter, r *http.Request, id string) {
	s := h.w.sellers[siteA+"/"+id]
	if s == nil {
		w.WriteHeader(http.StatusNotFound)
		h.page(w, "店铺不存在", `<div class="error">店铺不存在</div>`)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="shop-header"><h1 class="company-name">%s</h1><span class="location">%s</span></div><ul class="shop-offers">`, esc(s.name), esc(s.city))
	for _, l := range h.w.bySite[siteA] {
		if l.seller == s {
			fmt.Fprintf(&b, `<li><a href="/offer/%s.html">%s</a> <span>%s</span></li>`, l.key, esc(l.title), esc(priceTextA(l)))
		}
	}
	b.WriteString(`</ul>`)
	h.page(w, s.name+" - 批发汇", b.String())
}
