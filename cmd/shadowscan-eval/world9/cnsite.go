package world9

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

const ruleCN = `# jinmao (金猫): a Taobao-style marketplace. Written by the brand team from
# saved search and item pages: the id is in the URL (?id=), the price box is
# #J_StrPrice (券后 prices are shown apart and are not the selling price), the
# shop box carries the numeric shop id.
name: jinmao
base_url: http://127.0.0.1:8941
search:
  url: "{base}/search?q={query}&page={page}"
  max_pages: 30
  listing_links: "#mainsrp-itemlist div.item div.title a@href"
  next_page: "div.pager li.next a@href"
listing:
  id: "link[rel=canonical]@href | re:[?&]id=(\\d+)"
  title: "div.tb-detail-hd h1"
  price: "#J_StrPrice"
  currency: "CNY"
  seller_id: "div.tb-shop-name a@data-shop-id"
  seller_name: "div.tb-shop-name a"
  images: "#J_UlThumb img@data-src"
  description: "#J_DetailTab"
  removed: ".tb-off-sale"
politeness: {parallelism: 4, delay: 20ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const (
	cnPageSize = 44
	cnStep     = 42 // consecutive pages share two results
)

type cnHandler struct{ m *market }

func newCNHandler(ls []*listing) http.Handler { return &cnHandler{newMarket(ls)} }

func (h *cnHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("User-agent: *\nDisallow: /cart\nDisallow: /member/\nDisallow: /buy.htm\nAllow: /\n"))
	case p == "/" || p == "/index.htm":
		writeHTML(w, 200, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>金猫 - 随时随地 想淘就淘</title></head><body><form action="/search"><input name="q"><button>搜索</button></form></body></html>`)
	case p == "/search":
		h.search(w, r)
	case p == "/item.htm":
		h.item(w, r)
	case strings.HasPrefix(p, "/imgextra/"):
		// /imgextra/i<n>/<id>_<n>.jpg
		base := strings.TrimSuffix(p[strings.LastIndexByte(p, '/')+1:], ".jpg")
		id, n, ok := strings.Cut(base, "_")
		k, err := strconv.Atoi(n)
		if !ok || err != nil {
			http.NotFound(w, r)
			return
		}
		h.m.photo(w, r, id, k)
	case strings.HasPrefix(p, "/shop/"):
		writeHTML(w, 200, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>店铺首页</title></head><body><div class="shop-hd">店铺首页</div></body></html>`)
	default:
		http.NotFound(w, r)
	}
}

func cnMoney(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func cnSales(n int) string {
	switch {
	case n >= 10000:
		return fmt.Sprintf("%d万+人付款", n/10000)
	case n >= 100:
		return fmt.Sprintf("%d+人付款", n/100*100)
	}
	return fmt.Sprintf("%d人付款", n)
}

func cnHighlight(title string, toks []string) string {
	t := html.EscapeString(title)
	for _, w := range []string{"维乐思", "露米尔", "嘉澜"} {
		if strings.Contains(t, w) && containsTok(toks, w) {
			t = strings.ReplaceAll(t, w, `<span class="H">`+w+`</span>`)
		}
	}
	return t
}

func containsTok(toks []string, w string) bool {
	for _, t := range toks {
		if strings.Contains(w, t) {
			return true
		}
	}
	return false
}

func (h *cnHandler) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	page := pageParam(r)
	res := search(h.m.listings, h.m.docs, q)
	pages := 1
	if len(res) > cnPageSize {
		pages = 1 + (len(res)-cnPageSize+cnStep-1)/cnStep
	}
	var b strings.Builder
	eq := html.EscapeString(q)
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>%s_淘宝搜索</title>
<script>g_page_config = {"pageName":"mainsrp","mods":{"sortbar":{"status":"show"}}};</script>
</head><body>
<div id="J_SiteNav">亲，请登录 免费注册 | 我的金猫 | 购物车</div>
<div class="search-combobox"><input id="q" name="q" value="%s"></div>
`, eq, eq)
	if len(res) == 0 || page > pages {
		fmt.Fprintf(&b, `<div class="m-feedback"><p>没有找到与“<span class="h">%s</span>”相关的宝贝</p><p>建议您：看看输入的文字是否有误，调整关键词</p></div></body></html>`, eq)
		writeHTML(w, 200, b.String())
		return
	}
	fmt.Fprintf(&b, `<div class="m-sortbar"><a class="sort-tab active">综合排序</a><a class="sort-tab">销量</a><a class="sort-tab">价格</a><span class="total">共 %d 件宝贝</span></div>
<div id="mainsrp-itemlist"><div class="m-itemlist"><div class="grid g-clearfix"><div class="items">
`, len(res))
	toks := queryTokens(q)
	start := (page - 1) * cnStep
	for i := start; i < min(len(res), start+cnPageSize); i++ {
		l := res[i]
		link := fmt.Sprintf("%s&spm=a230r.1.14.%d&ns=1", l.Path, i+1)
		pic := fmt.Sprintf("%s&spm=a230r.1.14.%d&ns=1&abbucket=%d", l.Path, i+1, 1+i%20)
		img := ""
		if len(l.Photos) > 0 && !l.Removed {
			img = fmt.Sprintf(`/imgextra/i1/%s_0.jpg`, l.ID)
		}
		promo := ""
		if l.Coupon > 0 {
			promo = fmt.Sprintf(`<span class="coupon">券后¥%s</span>`, cnMoney(l.Coupon))
		}
		fmt.Fprintf(&b, `<div class="item J_MouserOnverReq" data-category="auctions" data-index="%d">
 <div class="pic-box"><div class="pic"><a class="pic-link J_ClickStat" href="%s" target="_blank"><img class="J_ItemPic img" data-src="%s" alt="%s"></a></div></div>
 <div class="ctx-box"><div class="row row-1"><div class="price g_price g_price-highlight"><span>¥</span><strong>%s</strong></div>%s<div class="deal-cnt">%s</div></div>
 <div class="row row-2 title"><a class="J_ClickStat" data-nid="%s" href="%s" target="_blank">%s</a></div>
 <div class="row row-3"><div class="shop"><a class="shopname J_MouseEneterLeave" href="/shop/%s"><span class="dsrs"></span><span>%s</span></a></div><div class="location">%s</div></div></div>
</div>
`, i, html.EscapeString(pic), img, html.EscapeString(l.Title), cnMoney(l.Price), promo, cnSales(l.Sales), l.ID, html.EscapeString(link),
			cnHighlight(l.Title, toks), l.Seller.ID, html.EscapeString(l.Seller.Name), html.EscapeString(l.Seller.Loc))
	}
	b.WriteString("</div></div></div></div>\n<div class=\"pager\"><ul class=\"items\">")
	qs := url.QueryEscape(q)
	if page > 1 {
		fmt.Fprintf(&b, `<li class="item prev"><a class="J_Ajax num icon-tag" href="/search?q=%s&amp;page=%d">上一页</a></li>`, qs, page-1)
	}
	for p := max(1, page-2); p <= min(pages, page+2); p++ {
		if p == page {
			fmt.Fprintf(&b, `<li class="item active"><span class="num">%d</span></li>`, p)
		} else {
			fmt.Fprintf(&b, `<li class="item"><a class="J_Ajax num" href="/search?q=%s&amp;page=%d">%d</a></li>`, qs, p, p)
		}
	}
	if page < pages {
		fmt.Fprintf(&b, `<li class="item next"><a class="J_Ajax num icon-tag" href="/search?q=%s&amp;page=%d">下一页</a></li>`, qs, page+1)
	}
	fmt.Fprintf(&b, "</ul><div class=\"total\">共 %d 页</div></div>\n</body></html>\n", pages)
	writeHTML(w, 200, b.String())
}

func (h *cnHandler) priceText(l *listing) string {
	if l.High > 0 {
		return `<em class="tb-rmb">¥</em><em class="tb-rmb-num" id="J_StrPrice">` + cnMoney(l.Price) + "-" + cnMoney(l.High) + `</em>`
	}
	switch {
	case l.PriceStyle < 6:
		return `<em class="tb-rmb">¥</em><em class="tb-rmb-num" id="J_StrPrice">` + cnMoney(l.Price) + `</em>`
	case l.PriceStyle < 8:
		return `<em class="tb-rmb-num" id="J_StrPrice">￥` + strconv.FormatFloat(l.Price, 'f', -1, 64) + `</em>`
	case l.PriceStyle < 9:
		return `<em class="tb-rmb-num" id="J_StrPrice">` + strconv.FormatFloat(l.Price, 'f', -1, 64) + `元</em>`
	}
	return `<em class="tb-rmb-num" id="J_StrPrice">¥ ` + cnMoney(l.Price) + `</em>`
}

func (h *cnHandler) item(w http.ResponseWriter, r *http.Request) {
	l := h.m.byID[r.URL.Query().Get("id")]
	if l == nil {
		writeHTML(w, 404, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head><body>很抱歉，您查看的页面找不到了！</body></html>`)
		return
	}
	if h.m.fault(w, l) {
		return
	}
	canon := "http://" + r.Host + l.Path
	if l.Removed {
		writeHTML(w, 200, fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>金猫网 - 宝贝已下架</title><link rel="canonical" href="%s"></head>
<body><div class="error-notice"><div class="tb-off-sale">很抱歉，您查看的宝贝不存在，可能已下架或者被转移。</div>
<p>您可以：<a href="/">去首页逛逛</a></p></div></body></html>`, html.EscapeString(canon)))
		return
	}
	bad := l.Fault == "malformed"
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="keywords" content="%s"><title>%s-金猫网</title>
<link rel="canonical" href="%s">
<script>var g_config = {"itemId":"%s","shopId":"%s","sibUrl":"//detailskip.jinmao.example/json/sib.htm"};</script>
</head><body>
<div id="J_DetailMeta" class="tb-detail">
<div class="tb-detail-hd"><h1 data-spm="1000983">%s</h1>`, html.EscapeString(l.Title), html.EscapeString(l.Title), html.EscapeString(canon), l.ID, l.Seller.ID, html.EscapeString(l.Title))
	if l.Sub != "" {
		fmt.Fprintf(&b, `<p class="newp">%s</p>`, html.EscapeString(l.Sub))
	}
	b.WriteString("</div>\n<div class=\"tb-meta\">")
	if l.Ref > 0 {
		fmt.Fprintf(&b, `<dl class="tb-price-ref"><dt>原价</dt><dd><del>¥%s</del></dd></dl>`, cnMoney(l.Ref))
	}
	fmt.Fprintf(&b, `<dl id="J_StrPriceModBox" class="tb-price"><dt>价格</dt><dd>%s</dd>`, h.priceText(l))
	if !bad {
		b.WriteString("</dl>")
	}
	if l.Coupon > 0 {
		fmt.Fprintf(&b, `<dl class="tb-promo"><dt>优惠</dt><dd><span class="tb-coupon">券后 ¥%s</span> 领券满%d减%d</dd></dl>`, cnMoney(l.Coupon), int(l.Price/100+1)*100, int(l.Price-l.Coupon+0.5))
	}
	fmt.Fprintf(&b, `<dl class="tb-sales"><dt>月销量</dt><dd>%s</dd></dl><dl><dt>配送</dt><dd>%s 至 全国 快递 免运费</dd></dl></div>
<div class="tb-gallery"><div class="tb-booth"><img id="J_ImgBooth" src="/imgextra/i1/%s_0.jpg"></div><ul id="J_UlThumb" class="tb-thumb">`, cnSales(l.Sales), html.EscapeString(l.Seller.Loc), l.ID)
	for i := range l.Photos {
		fmt.Fprintf(&b, `<li><a href="#"><img data-src="/imgextra/i%d/%s_%d.jpg" src="//g.alicdn.example/s.gif"></a></li>`, i+1, l.ID, i)
	}
	b.WriteString("</ul></div>\n</div>\n")
	badge := map[string]string{"official": "天猫 官方旗舰店", "authorised": "企业店铺", "business": "企业店铺", "personal": "个人闲置"}[l.Seller.Class]
	if l.Seller.Class == "business" && strings.Contains(l.Seller.Name, "代购") {
		badge = "个人店铺"
	}
	fmt.Fprintf(&b, `<div id="J_ShopInfo" class="tb-shop"><div class="tb-shop-name"><a href="/shop/%s" data-shop-id="%s" target="_blank">%s</a></div>
<div class="tb-shop-type">%s</div><div class="tb-shop-rate"><dl><dt>描述</dt><dd>4.8</dd></dl><dl><dt>服务</dt><dd>4.8</dd></dl><dl><dt>物流</dt><dd>4.7</dd></dl></div></div>
`, l.Seller.ID, l.Seller.ID, html.EscapeString(l.Seller.Name), badge)
	b.WriteString(`<div id="J_DetailTab" class="tb-tab"><div id="attributes" class="attributes"><p class="attr-hd">宝贝详情</p><ul class="attributes-list">`)
	attrs := append([][2]string(nil), l.Attrs...)
	if l.about != nil && l.offered != nil {
		attrs = append([][2]string{{"品牌", l.about.zh}, {"产品名称", l.about.zh + " " + l.offered.zhVar + l.offered.zhType}}, attrs...)
	}
	for _, a := range attrs {
		v := html.EscapeString(a[1])
		if bad {
			fmt.Fprintf(&b, "<li title=%s>%s:&nbsp;%s\n", strings.ReplaceAll(v, " ", ""), html.EscapeString(a[0]), v)
		} else {
			fmt.Fprintf(&b, `<li title="%s">%s:&nbsp;%s</li>`, v, html.EscapeString(a[0]), v)
		}
	}
	b.WriteString("</ul></div>\n")
	if bad {
		b.WriteString("</span>\n<p>售后 & 退换货说明&nbsp 请联系客服")
	}
	b.WriteString(`<div id="description" class="J_DetailSection"><div class="content">`)
	for _, d := range l.Desc {
		if d != "" {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(d))
		}
	}
	b.WriteString("</div></div></div>\n<div id=\"J_Footer\">金猫网 版权所有</div>\n</body></html>\n")
	writeHTML(w, 200, b.String())
}
