package world7

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

const pinRule = `# pinpin-m: group-buying mobile web marketplace (site rule written by the brand team)
name: pinpin-m
base_url: http://127.0.0.1:8080
search:
  url: "{base}/search_result.html?search_key={query}&page={page}"
  max_pages: 10
  listing_links: "ul.goods-list li.goods-item a.goods-link@href"
listing:
  title: "div.goods-name span.name-text"
  price: "div.price-bar span.group-price"
  currency: "CNY"
  seller_id: "div.mall-card a.mall-entry@href | re:mall_id=(\\d+)"
  seller_name: "div.mall-card .mall-name"
  images: "div.goods-banner img.banner-img@data-src"
  description: "div.goods-detail .detail-text"
  removed: "div.goods-offline"
politeness: {parallelism: 2, delay: 200ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const pinPageSize = 20

const blankGIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

type pinSite struct {
	w      *world
	ix     *searchIndex
	failed atomic.Bool
	images *imageCache
}

func newPinHandler() http.Handler {
	w := getWorld()
	s := &pinSite{w: w, images: newImageCache()}
	s.ix = newIndex(w.pin, func(l *listing) string { return l.title })
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(rw, "User-agent: *\nDisallow: /mall_page.html\nDisallow: /personal/\nDisallow: /order_checkout.html\n")
	})
	mux.HandleFunc("/search_result.html", s.search)
	mux.HandleFunc("/goods.html", s.goods)
	mux.HandleFunc("/mall_page.html", s.mall)
	mux.HandleFunc("/img/goods/", s.img)
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/index.html" {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(rw, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>拼拼 - 多实惠 多乐趣</title></head><body>`+
			`<form action="/search_result.html"><input name="search_key" placeholder="搜索商品"><button>搜索</button></form></body></html>`)
	})
	return mux
}

func trackToken(parts ...string) string {
	v := seedOf(strings.Join(parts, "|"))
	b := make([]byte, 18)
	for i := range b {
		b[i] = byte(v >> (8 * (i % 8)))
		v = v*6364136223846793005 + 1442695040888963407
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func pinGoodsHref(l *listing, q string) string {
	return "/goods.html?goods_id=" + l.id + "&_oak_rcto=" + trackToken("oak", q, l.id) + "&refer_page_name=search_result"
}

func esc(s string) string { return html.EscapeString(s) }

func (s *pinSite) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("search_key")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	res := s.ix.search(q)
	from := (page - 1) * pinPageSize
	to := min(from+pinPageSize, len(res))
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no"><title>%s - 拼拼搜索</title></head><body class="search-page">`, esc(q))
	fmt.Fprintf(&b, `<header class="search-bar"><form action="/search_result.html"><input name="search_key" value="%s"></form></header>`, esc(q))
	b.WriteString(`<div class="sort-bar"><span class="active">综合</span><span>销量</span><span>价格</span><span>品牌</span></div>`)
	fmt.Fprintf(&b, `<ul class="goods-list" data-page="%d">`, page)
	for i := from; i < to; i++ {
		l := res[i]
		badge := ""
		if l.subsidy {
			badge = `<i class="tag-bybt">百亿补贴</i>`
		}
		fmt.Fprintf(&b, `<li class="goods-item" data-goods-id="%s"><a class="goods-link" href="%s"><img class="goods-img" src="%s" data-src="/img/goods/%s_0.jpg"><div class="goods-title">%s%s</div><div class="goods-price"><span class="price">%s</span><span class="sales">%s</span></div></a><a class="mall-tag" href="/mall_page.html?mall_id=%s&amp;refer_page_name=search_result">%s</a></li>`,
			l.id, esc(pinGoodsHref(l, q)), blankGIF, l.id, badge, esc(l.title), esc(l.priceTxt), esc(l.sales), l.seller.id, esc(l.seller.name))
	}
	b.WriteString(`</ul>`)
	if to < len(res) {
		fmt.Fprintf(&b, `<div class="load-more" data-next="/search_result.html?search_key=%s&amp;page=%d">上拉加载更多</div>`, url.QueryEscape(q), page+1)
	} else if len(res) == 0 && page == 1 {
		b.WriteString(`<div class="empty">没有找到相关商品，换个词试试</div>`)
	} else {
		b.WriteString(`<div class="no-more">没有更多了</div>`)
	}
	// recommendations: not search results
	b.WriteString(`<section class="rec"><h3>猜你喜欢</h3><ul class="rec-list">`)
	for k := 0; k < 6; k++ {
		l := s.w.pin[(seedOf(q)+uint64(page*7+k*97))%uint64(len(s.w.pin))]
		fmt.Fprintf(&b, `<li><a class="rec-link" href="/goods.html?goods_id=%s&amp;refer_page_name=search_result_rec">%s</a></li>`, l.id, esc(l.title))
	}
	b.WriteString(`</ul></section></body></html>`)
	fmt.Fprint(rw, b.String())
}

func (s *pinSite) byID(id string) *listing { return s.w.byKey[sitePin+"|"+id] }

func (s *pinSite) goods(rw http.ResponseWriter, r *http.Request) {
	l := s.byID(r.URL.Query().Get("goods_id"))
	if l == nil {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusNotFound)
		fmt.Fprint(rw, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>商品不存在</title></head><body><div class="goods-offline">商品不存在或已下架</div></body></html>`)
		return
	}
	if l.fail503 && s.failed.CompareAndSwap(false, true) {
		rw.Header().Set("Retry-After", "1")
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(rw, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>服务繁忙</title></head><body>当前访问人数过多，请稍后再试</body></html>`)
		return
	}
	if l.slow {
		time.Sleep(1500 * time.Millisecond)
	}
	base := "http://" + r.Host
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no"><title>%s</title>`, esc(l.title))
	fmt.Fprintf(&b, `<link rel="canonical" href="%s/goods.html?goods_id=%s">`, base, l.id)
	fmt.Fprintf(&b, `<meta property="og:title" content="%s"><meta property="og:image" content="%s/img/goods/%s_0.jpg">`, esc(l.title), base, l.id)
	b.WriteString(`</head><body><div id="main" class="goods-page">`)
	b.WriteString(`<div class="goods-banner"><div class="swiper">`)
	for i := range l.images {
		fmt.Fprintf(&b, `<img class="banner-img" src="%s" data-src="/img/goods/%s_%d.jpg" alt="">`, blankGIF, l.id, i)
	}
	fmt.Fprintf(&b, `</div><span class="pager">1/%d</span></div>`, len(l.images))
	b.WriteString(`<div class="price-bar">`)
	if l.subsidy {
		b.WriteString(`<span class="badge-bybt">百亿补贴</span>`)
	}
	fmt.Fprintf(&b, `<span class="group-price">%s</span><span class="group-label">拼单价</span><span class="single-price">单独购买 ¥%s</span><span class="sales">%s</span></div>`,
		esc(l.priceTxt), fmtNum(l.single), esc(l.sales))
	b.WriteString("\n" + `<div class="goods-name">`)
	if l.subsidy {
		b.WriteString(`<i class="tag-bybt">百亿补贴</i>`)
	}
	fmt.Fprintf(&b, `<span class="name-text">%s</span></div>`, esc(l.title))
	if len(l.specs) > 0 {
		b.WriteString(`<div class="sku-bar">已选：`)
		for _, sp := range l.specs {
			fmt.Fprintf(&b, `<span class="sku-opt">%s</span>`, esc(sp))
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`<div class="service">退货包运费 · 极速退款 · 48小时发货</div>`)
	tag := ""
	switch l.seller.role {
	case "official":
		tag = `<span class="mall-tag official">品牌官方</span>`
	case "authorised":
		tag = `<span class="mall-tag">品牌授权</span>`
	case "personal":
		tag = `<span class="mall-tag personal">个人店</span>`
	}
	fmt.Fprintf(&b, `<div class="mall-card"><a class="mall-entry" href="/mall_page.html?mall_id=%s&amp;refer_page_name=goods_detail"><img class="mall-logo" src="%s"><div class="mall-name">%s</div>%s<div class="mall-sales">店铺已拼%d万件</div><span class="enter">进店逛逛</span></a></div>`,
		l.seller.id, blankGIF, esc(l.seller.name), tag, 1+int(seedOf(l.seller.id)%90))
	fmt.Fprintf(&b, "\n"+`<div class="goods-detail"><div class="detail-title">商品详情</div>`+"\n"+`<div class="detail-text">%s</div>`, esc(l.desc))
	for i := range l.images {
		if i > 0 {
			fmt.Fprintf(&b, `<img class="detail-img" data-src="/img/goods/%s_%d.jpg" src="%s">`, l.id, i, blankGIF)
		}
	}
	b.WriteString(`</div>`)
	fmt.Fprintf(&b, `<div class="bottom-bar"><a class="btn-single">单独购买<br>¥%s</a><a class="btn-group">发起拼单<br>%s</a></div>`, fmtNum(l.single), esc(l.priceTxt))
	raw, _ := json.Marshal(map[string]any{"store": map[string]any{"goodsId": l.id, "mallId": l.seller.id,
		"minGroupPrice": int(l.price*100 + 0.5), "minNormalPrice": int(l.single*100 + 0.5), "pageFrom": "goods_detail"}})
	fmt.Fprintf(&b, `</div><script>window.rawData=%s;</script></body></html>`, raw)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(rw, b.String())
}

func (s *pinSite) mall(rw http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("mall_id")
	sl := sellerByKey[sitePin+"|"+id]
	if sl == nil {
		http.NotFound(rw, r)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title></head><body><h1 class="mall-name">%s</h1><ul class="mall-goods">`, esc(sl.name), esc(sl.name))
	for _, l := range s.w.pin {
		if l.seller == sl {
			fmt.Fprintf(&b, `<li><a href="/goods.html?goods_id=%s&amp;refer_page_name=mall">%s</a> %s</li>`, l.id, esc(l.title), esc(l.priceTxt))
		}
	}
	b.WriteString(`</ul></body></html>`)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(rw, b.String())
}

func (s *pinSite) img(rw http.ResponseWriter, r *http.Request) {
	name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/img/goods/"), ".jpg")
	id, n, ok := strings.Cut(name, "_")
	l := s.byID(id)
	k, err := strconv.Atoi(n)
	if !ok || l == nil || err != nil || k < 0 || k >= len(l.images) {
		http.NotFound(rw, r)
		return
	}
	serveJPEG(rw, s.images.get(sitePin+"|"+id+"|"+n, l.images[k]))
}

func serveJPEG(rw http.ResponseWriter, b []byte) {
	rw.Header().Set("Content-Type", "image/jpeg")
	rw.Header().Set("Cache-Control", "public, max-age=86400")
	rw.Header().Set("Content-Length", strconv.Itoa(len(b)))
	rw.Write(b)
}
