package world4

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const perPageA = 30

type handlerA struct {
	sd    *siteData
	mux   *http.ServeMux
	pages pageCache
	cache searchCache
	fail  failOnce
}

func newHandlerA() http.Handler {
	h := &handlerA{sd: getWorld().sites[siteA], mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /{$}", h.home)
	h.mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nDisallow: /cart\nDisallow: /user/\nDisallow: /api/\nAllow: /\n\nUser-agent: EtaoSpider\nDisallow: /\n")
	})
	h.mux.HandleFunc("GET /search", h.search)
	h.mux.HandleFunc("GET /item", h.item)
	h.mux.HandleFunc("GET /img/{id}/{file}", h.img)
	h.mux.HandleFunc("GET /shop/{file}", h.shop)
	h.mux.HandleFunc("GET /static/blank.gif", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/gif")
		w.Write(blankGIF)
	})
	h.mux.HandleFunc("GET /static/item.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		fmt.Fprint(w, ".hide{display:none}.p-price{color:#e4393c;font-size:22px}.itemover-tip{background:#fff3f3}")
	})
	return h
}

func (h *handlerA) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

const headA = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
`

const topbarA = `<div id="shortcut"><div class="w"><a href="/">拼佳首页</a> <span class="login">你好，请登录</span> <a href="/user/reg">免费注册</a> | <a href="/user/orders">我的订单</a> | <a href="/help">客户服务</a></div></div>
<div id="header"><div class="w"><a class="logo" href="/">拼佳商城 PINJIA</a>
<form id="search" action="/search" method="get"><input type="text" name="keyword" placeholder="搜索 拼佳好物"><button type="submit">搜索</button></form></div></div>
`

const footA = `<div id="footer"><div class="w"><p>拼佳商城 版权所有 ©2014-2025 沪ICP备00000000号</p><p><a href="/help/rules">平台规则</a> | <a href="/help/ipr">知识产权投诉</a></p></div></div>
</body>
</html>
`

func (h *handlerA) home(w http.ResponseWriter, r *http.Request) {
	page := h.pages.get("home", func() string {
		var sb strings.Builder
		sb.WriteString(headA + "<title>拼佳商城 - 正品低价、品质保障</title>\n</head>\n<body>\n" + topbarA)
		sb.WriteString(`<div class="hot-words">`)
		for _, q := range []string{"蛋白粉", "精华液", "洗衣液", "养生茶", "鱼油", "面膜"} {
			fmt.Fprintf(&sb, `<a href="/search?keyword=%s">%s</a> `, url.QueryEscape(q), q)
		}
		sb.WriteString("</div>\n" + footA)
		return sb.String()
	})
	writeHTML(w, r, 200, page)
}

func spm(q string, page, pos int) string {
	return fmt.Sprintf("a2141.%d.%d.%d.%x", hash32(q)%9000000+1000000, page, pos, hash32(fmt.Sprint(q, page, pos))&0xffffff)
}

func priceTextA(v float64) string { return "¥" + fmt.Sprintf("%.2f", v) }

// priceHTMLA renders the price the way the listing page shows it.
func priceHTMLA(l *listing) string {
	if l.priceHi > 0 {
		return "¥" + trimNum(l.price) + "-" + trimNum(l.priceHi)
	}
	s := fmt.Sprintf("%.2f", l.price)
	ip, dp := s[:len(s)-3], s[len(s)-3:]
	switch l.priceFmt {
	case 6:
		return "￥" + commaNum(l.price)
	case 7:
		return trimNum(l.price) + "元"
	case 8:
		return "¥" + fmt.Sprintf("%.2f", l.price)
	}
	return `<span class="yuan">¥</span><span class="int">` + ip + `</span><span class="dec">` + dp + `</span>`
}

func (h *handlerA) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("keyword")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	if page == 2 && h.fail.first("search-page-2") {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "503 Service Temporarily Unavailable - 系统繁忙，请稍后再试", http.StatusServiceUnavailable)
		return
	}
	res := h.sd.search(&h.cache, q)
	pages := (len(res) + perPageA - 1) / perPageA
	var sb strings.Builder
	sb.WriteString(headA)
	fmt.Fprintf(&sb, "<title>%s - 商品搜索 - 拼佳商城</title>\n</head>\n<body>\n%s", esc(q), topbarA)
	fmt.Fprintf(&sb, `<div id="J_searchWrap" class="w"><div class="s-title">全部结果 &gt; “<em>%s</em>” 共%d件商品</div>`+"\n", esc(q), len(res))
	// sponsored block: top sellers, not part of the result list
	if len(res) > 0 {
		sb.WriteString(`<div class="s-ad"><span class="ad-tag">广告</span><ul>`)
		for i := 0; i < 3 && i < len(h.sd.listings); i++ {
			l := h.sd.listings[(int(hash32(q))+i*97)%len(h.sd.listings)]
			fmt.Fprintf(&sb, `<li class="ad-item"><a href="/item?id=%s&amp;from=ad&amp;spm=%s" target="_blank">%s</a> <span>%s</span></li>`, l.id, spm(q, 0, i), esc(l.title), priceTextA(l.price))
		}
		sb.WriteString("</ul></div>\n")
	}
	if len(res) == 0 || page > pages {
		fmt.Fprintf(&sb, `<div class="notice-search">抱歉，没有找到与“<em>%s</em>”相关的商品，要不要试试：</div>`+"\n", esc(q))
		sb.WriteString(`<div class="rec-list"><h3>猜你喜欢</h3><ul>`)
		for i := 0; i < 6; i++ {
			l := h.sd.listings[(int(hash32(q))+i*131)%len(h.sd.listings)]
			fmt.Fprintf(&sb, `<li><a href="/item?id=%s&amp;from=rec">%s</a></li>`, l.id, esc(l.title))
		}
		sb.WriteString("</ul></div></div>\n" + footA)
		writeHTML(w, r, 200, sb.String())
		return
	}
	toks := queryTokens(q)
	sb.WriteString(`<div id="J_goodsList" class="goods-list-v2 gl-type-1"><ul class="gl-warp clearfix gl-list">` + "\n")
	for i := (page - 1) * perPageA; i < page*perPageA && i < len(res); i++ {
		l := res[i]
		link := fmt.Sprintf("/item?id=%s&amp;from=search&amp;spm=%s", l.id, spm(q, page, i))
		fmt.Fprintf(&sb, `<li class="gl-item" data-sku="%s"><div class="gl-i-wrap">`, l.id)
		fmt.Fprintf(&sb, `<div class="p-img"><a target="_blank" href="%s"><img width="220" height="220" data-lazy-img="/img/%s/1.jpg" src="/static/blank.gif"></a></div>`, link, l.id)
		fmt.Fprintf(&sb, `<div class="p-price"><strong><em>¥</em><i>%.2f</i></strong></div>`, l.price)
		fmt.Fprintf(&sb, `<div class="p-name p-name-type-2"><a target="_blank" title="%s" href="%s"><em>%s</em></a></div>`, esc(l.title), link, highlight(l.title, toks))
		fmt.Fprintf(&sb, `<div class="p-commit"><strong><a href="%s#comment">%d+</a>条评价</strong></div>`, link, l.sales/10*10)
		fmt.Fprintf(&sb, `<div class="p-shop"><span class="J_im_icon"><a class="curr-shop hd-shopname" href="/shop/index-%s.html" title="%s">%s</a></span></div>`, l.shop.id, esc(l.shop.name), esc(l.shop.name))
		sb.WriteString("</div></li>\n")
	}
	sb.WriteString("</ul></div>\n")
	sb.WriteString(`<div id="J_bottomPage" class="page clearfix"><span class="p-num">`)
	base := "/search?keyword=" + url.QueryEscape(q) + "&amp;page="
	if page > 1 {
		fmt.Fprintf(&sb, `<a class="pn-prev" href="%s%d"><em>&lt;</em>上一页</a>`, base, page-1)
	} else {
		sb.WriteString(`<span class="pn-prev disabled"><em>&lt;</em>上一页</span>`)
	}
	for p := max(1, page-3); p <= min(pages, page+3); p++ {
		if p == page {
			fmt.Fprintf(&sb, `<a class="curr">%d</a>`, p)
		} else {
			fmt.Fprintf(&sb, `<a href="%s%d">%d</a>`, base, p, p)
		}
	}
	if page < pages {
		fmt.Fprintf(&sb, `<a class="pn-next" href="%s%d">下一页<em>&gt;</em></a>`, base, page+1)
	} else {
		sb.WriteString(`<span class="pn-next disabled">下一页<em>&gt;</em></span>`)
	}
	fmt.Fprintf(&sb, `</span><span class="p-skip"><em>共<b>%d</b>页</em></span></div>`+"\n</div>\n", pages)
	sb.WriteString(footA)
	writeHTML(w, r, 200, sb.String())
}

// highlight marks the query's words in a title, as search pages do.
func highlight(title string, toks []string) string {
	low := strings.ToLower(title)
	if len(low) != len(title) {
		return esc(title)
	}
	mark := make([]bool, len(title))
	for _, tok := range toks {
		if i := strings.Index(low, tok); i >= 0 {
			for k := i; k < i+len(tok); k++ {
				mark[k] = true
			}
		}
	}
	var sb strings.Builder
	for i := 0; i < len(title); {
		j := i
		for j < len(title) && mark[j] == mark[i] {
			j++
		}
		if mark[i] {
			sb.WriteString(`<font class="skcolor_ljg">` + esc(title[i:j]) + `</font>`)
		} else {
			sb.WriteString(esc(title[i:j]))
		}
		i = j
	}
	return sb.String()
}

func (h *handlerA) item(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	l := h.sd.byID[id]
	if l == nil {
		writeHTML(w, r, 404, headA+"<title>商品不存在 - 拼佳商城</title></head><body>"+topbarA+`<div class="err404">抱歉！您访问的商品不存在或已被删除。</div>`+footA)
		return
	}
	if id == h.sd.failID && h.fail.first("item-"+id) {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "503 Service Temporarily Unavailable", http.StatusServiceUnavailable)
		return
	}
	if id == h.sd.slowID {
		time.Sleep(900 * time.Millisecond)
	}
	page := h.pages.get("item-"+id, func() string { return h.renderItem(l) })
	writeHTML(w, r, 200, page)
}

func (h *handlerA) renderItem(l *listing) string {
	var sb strings.Builder
	sb.WriteString(headA)
	fmt.Fprintf(&sb, "<title>%s【行情 报价 价格 评测】-拼佳商城</title>\n", esc(l.title))
	fmt.Fprintf(&sb, `<meta name="keywords" content="%s">`+"\n", esc(strings.ReplaceAll(l.title, " ", ",")))
	fmt.Fprintf(&sb, `<meta name="description" content="拼佳商城为您提供%s的最新报价、促销、评论、导购、图片等相关信息">`+"\n", esc(l.title))
	fmt.Fprintf(&sb, `<link rel="canonical" href="//%s/item?id=%s">`+"\n", hostMark, l.id)
	sb.WriteString(`<link rel="stylesheet" href="/static/item.css">` + "\n</head>\n<body>\n" + topbarA)
	cat := map[string]string{"nutrition": "营养保健", "skincare": "美妆护肤", "household": "家庭清洁"}
	catName := "综合"
	if l.sku != "" {
		catName = cat[category(productBySKU(l.sku).b)]
	} else if b := brandByID(l.brand); b != nil {
		catName = cat[category(b)]
	}
	short := []rune(l.title)
	if len(short) > 12 {
		short = append(short[:12], '…')
	}
	fmt.Fprintf(&sb, `<div class="crumb-wrap"><div class="crumb w"><a href="/search?keyword=%s">%s</a> &gt; <a href="/shop/index-%s.html">%s</a> &gt; <span>%s</span></div></div>`+"\n",
		url.QueryEscape(catName), catName, l.shop.id, esc(l.shop.name), esc(string(short)))
	if l.removed {
		sb.WriteString(`<div class="itemover-tip">该商品已下柜，欢迎挑选其他商品！</div>` + "\n")
	}
	sb.WriteString(`<div class="product-intro clearfix"><div class="preview-wrap">`)
	fmt.Fprintf(&sb, `<div id="spec-n1" class="jqzoom main-img"><img id="spec-img" src="/img/%s/1.jpg" alt="%s" width="350" height="350"></div>`, l.id, esc(l.title))
	sb.WriteString(`<div class="spec-list"><ul class="lh spec-items">`)
	for k := range l.photos {
		fmt.Fprintf(&sb, `<li%s><img src="/static/blank.gif" data-url="/img/%s/%d.jpg" alt="" width="54" height="54"></li>`, map[bool]string{true: ` class="img-hover"`}[k == 0], l.id, k+1)
	}
	sb.WriteString("</ul></div></div>\n")
	sb.WriteString(`<div class="itemInfo-wrap">`)
	fmt.Fprintf(&sb, `<div class="sku-name">%s%s</div>`+"\n", map[bool]string{true: `<img class="self-icon" src="/static/blank.gif" alt="自营">`}[l.shop.kind == shOfficial && strings.Contains(l.shop.name, "自营")], esc(l.title))
	promo := []string{"满199减20", "PLUS会员专享95折", "下单送小样", "限时包邮", ""}[hash32(l.id)%5]
	if promo != "" {
		fmt.Fprintf(&sb, `<div class="news"><div class="item">%s</div></div>`+"\n", promo)
	}
	sb.WriteString(`<div class="summary summary-first"><div class="summary-price-wrap">`)
	fmt.Fprintf(&sb, `<div class="summary-price J-summary-price"><div class="dt">拼 佳 价</div><div class="dd"><span class="p-price">%s</span> <a class="notice J-notify-sale" href="#none">降价通知</a></div></div>`, priceHTMLA(l))
	if l.delPrice > 0 {
		fmt.Fprintf(&sb, `<div class="summary-del"><div class="dt">原　　价</div><div class="dd"><del class="p-del">¥%.2f</del></div></div>`, l.delPrice)
	}
	fmt.Fprintf(&sb, `<div class="summary-info"><div class="comment-count">累计评价 <a href="#comment">%d+</a></div></div>`, l.sales/10*10)
	sb.WriteString("</div></div>\n")
	if l.priceHi > 0 {
		sb.WriteString(`<div id="choose-attrs"><div class="dt">选择规格</div><div class="dd"><a class="selected">单件装</a><a>三件装</a></div></div>` + "\n")
	}
	sb.WriteString(`<div id="choose-btns"><a class="btn-special1 btn-lg" href="/cart/add?id=` + l.id + `">加入购物车</a></div>`)
	sb.WriteString("</div></div>\n")
	// shop box
	sb.WriteString(`<div class="popbox"><div class="mt"><h3>店铺</h3></div><div class="mc">`)
	fmt.Fprintf(&sb, `<div class="shop-name"><a href="/shop/index-%s.html" title="%s" target="_blank">%s</a></div>`, l.shop.id, esc(l.shop.name), esc(l.shop.name))
	if l.shop.kind == shOfficial {
		sb.WriteString(`<em class="u-official">官方</em>`)
	}
	fmt.Fprintf(&sb, `<div class="score-parts">商品评价 %.1f 物流 %.1f 售后 %.1f</div><a class="btn-def follow-shop" href="#none">关注店铺</a></div></div>`+"\n",
		9+float64(hash32(l.shop.id)%10)/10, 9+float64(hash32(l.shop.id+"l")%10)/10, 9+float64(hash32(l.shop.id+"s")%10)/10)
	// detail
	sb.WriteString(`<div class="detail"><div class="tab-main"><ul><li class="current">商品介绍</li><li>规格与包装</li><li>售后保障</li><li>商品评价</li></ul></div>` + "\n")
	if len(l.params) > 0 {
		sb.WriteString(`<div class="p-parameter"><ul class="parameter2 p-parameter-list">`)
		fmt.Fprintf(&sb, `<li title="%s">商品编号：%s</li>`, l.id, l.id)
		fmt.Fprintf(&sb, `<li title="%s">店铺：<a href="/shop/index-%s.html">%s</a></li>`, esc(l.shop.name), l.shop.id, esc(l.shop.name))
		for _, kv := range l.params {
			fmt.Fprintf(&sb, `<li title="%s">%s：%s</li>`, esc(kv[1]), esc(kv[0]), esc(kv[1]))
		}
		sb.WriteString("</ul></div>\n")
	}
	sb.WriteString(`<div class="detail-content">`)
	for _, p := range l.desc {
		fmt.Fprintf(&sb, "<p>%s</p>", esc(p))
	}
	sb.WriteString("</div></div>\n")
	// recommendations: other listings, outside the detail
	sb.WriteString(`<div id="similar" class="rec"><h3>看了又看</h3><ul>`)
	n := len(h.sd.listings)
	for i := 1; i <= 5; i++ {
		o := h.sd.listings[(int(hash32(l.id))+i*61)%n]
		fmt.Fprintf(&sb, `<li><a href="/item?id=%s&amp;from=rec">%s</a> <span class="rec-price">%s</span></li>`, o.id, esc(o.title), priceTextA(o.price))
	}
	sb.WriteString("</ul></div>\n")
	sb.WriteString(footA)
	return sb.String()
}

func (h *handlerA) img(w http.ResponseWriter, r *http.Request) {
	l := h.sd.byID[r.PathValue("id")]
	n, err := strconv.Atoi(strings.TrimSuffix(r.PathValue("file"), ".jpg"))
	if l == nil || err != nil || n < 1 || n > len(l.photos) || !strings.HasSuffix(r.PathValue("file"), ".jpg") {
		http.NotFound(w, r)
		return
	}
	serveImage(w, r, siteA+"/"+l.id+"/"+strconv.Itoa(n), &l.photos[n-1])
}

func (h *handlerA) shop(w http.ResponseWriter, r *http.Request) {
	f := r.PathValue("file")
	id := strings.TrimSuffix(strings.TrimPrefix(f, "index-"), ".html")
	s := shopByID(siteA, id)
	if s == nil || !strings.HasPrefix(f, "index-") {
		http.NotFound(w, r)
		return
	}
	page := h.pages.get("shop-"+id, func() string {
		var sb strings.Builder
		sb.WriteString(headA)
		fmt.Fprintf(&sb, "<title>%s - 拼佳商城</title>\n</head>\n<body>\n%s", esc(s.name), topbarA)
		fmt.Fprintf(&sb, `<div class="shop-head"><h1 class="shop-title">%s</h1></div><ul class="shop-items">`, esc(s.name))
		k := 0
		for _, l := range h.sd.listings {
			if l.shop == s && k < 60 {
				fmt.Fprintf(&sb, `<li><a href="/item?id=%s&amp;from=shop">%s</a> %s</li>`, l.id, esc(l.title), priceTextA(l.price))
				k++
			}
		}
		sb.WriteString("</ul>\n" + footA)
		return sb.String()
	})
	writeHTML(w, r, 200, page)
}
