package world7

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

const notesRule = `# notes-mall: notes with product cards; the card's fields are in the page's
# schema.org JSON-LD, so only the note text needs a selector.
name: notes-mall
base_url: http://127.0.0.1:8080
search:
  url: "{base}/search_result?keyword={query}&source=web_search_result_notes&page={page}"
  max_pages: 10
  listing_links: "div.feeds-container section.note-item a.cover@href"
  next_page: "a.next-page@href"
listing:
  description: "div.note-content"
politeness: {parallelism: 2, delay: 200ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const notesPageSize = 20

type notesSite struct {
	w      *world
	ix     *searchIndex
	failed atomic.Bool
	images *imageCache
}

func newNotesHandler() http.Handler {
	w := getWorld()
	s := &notesSite{w: w, images: newImageCache()}
	s.ix = newIndex(w.notes, func(l *listing) string {
		t := l.noteTitle + " " + strings.Join(l.tags, " ")
		if l.card != nil {
			t += " " + l.card.name
		}
		return t
	})
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(rw, "User-agent: *\nDisallow: /user/\nDisallow: /api/\nAllow: /explore/\nAllow: /search_result\n")
	})
	mux.HandleFunc("/search_result", s.search)
	mux.HandleFunc("/explore/", s.note)
	mux.HandleFunc("/explore", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(rw, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>笔记商城 - 发现</title></head><body><form action="/search_result"><input name="keyword"></form></body></html>`)
	})
	mux.HandleFunc("/user/profile/", s.profile)
	mux.HandleFunc("/shop/", s.shop)
	mux.HandleFunc("/notes-img/", s.img)
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(rw, r)
			return
		}
		http.Redirect(rw, r, "/explore", http.StatusFound)
	})
	return mux
}

func noteHref(l *listing, q string) string {
	return "/explore/" + l.id + "?xsec_token=" + trackToken("xsec", q, l.id) + "=&xsec_source=pc_search"
}

func likes(l *listing) string {
	v := l.pop % 30000
	if v >= 10000 {
		return fmt.Sprintf("%.1f万", float64(v)/10000)
	}
	return strconv.Itoa(v)
}

func (s *notesSite) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("keyword")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	res := s.ix.search(q)
	from := (page - 1) * notesPageSize
	to := min(from+notesPageSize, len(res))
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s - 笔记商城搜索</title></head><body>`, esc(q))
	b.WriteString(`<div class="search-layout"><div class="filter-bar"><span class="active">全部</span><span>图文</span><span>商品</span><span>用户</span></div><div class="feeds-container">`)
	for i := from; i < to; i++ {
		l := res[i]
		h := esc(noteHref(l, q))
		fmt.Fprintf(&b, `<section class="note-item"><a class="cover" href="%s"><img src="/notes-img/%s/0.jpg" alt=""></a><div class="footer"><a class="title" href="%s"><span>%s</span></a><div class="card-bottom"><a class="author" href="/user/profile/%s"><span class="name">%s</span></a><span class="like-count">%s</span></div></div></section>`,
			h, l.id, h, esc(l.noteTitle), l.authorID, esc(l.author), likes(l))
	}
	b.WriteString(`</div></div>`)
	if to < len(res) {
		fmt.Fprintf(&b, `<div class="pager"><a class="next-page" href="/search_result?keyword=%s&amp;source=web_search_result_notes&amp;page=%d">下一页</a></div>`, url.QueryEscape(q), page+1)
	} else if len(res) == 0 {
		b.WriteString(`<div class="empty">没有找到相关内容</div>`)
	}
	// "大家都在搜" suggestions, not results
	b.WriteString(`<div class="hot-query"><span>大家都在搜：</span>`)
	for _, t := range []string{"平价好物", "护肤", "养生", "居家好物"} {
		fmt.Fprintf(&b, `<a class="query-item" href="/search_result?keyword=%s">%s</a>`, url.QueryEscape(t), t)
	}
	b.WriteString(`</div></body></html>`)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(rw, b.String())
}

func (s *notesSite) byID(id string) *listing { return s.w.byKey[siteNotes+"|"+id] }

func (s *notesSite) note(rw http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/explore/")
	l := s.byID(id)
	if l == nil {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusNotFound)
		fmt.Fprint(rw, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>笔记不存在</title></head><body><div class="error-page">当前笔记暂时无法浏览</div></body></html>`)
		return
	}
	if l.fail503 && s.failed.CompareAndSwap(false, true) {
		rw.Header().Set("Retry-After", "1")
		rw.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(rw, "Service Unavailable")
		return
	}
	if l.slow {
		time.Sleep(1500 * time.Millisecond)
	}
	base := "http://" + r.Host
	var imgs []string
	for i := range l.images {
		imgs = append(imgs, fmt.Sprintf("%s/notes-img/%s/%d.jpg", base, l.id, i))
	}
	ld := notesJSONLD(l, base, imgs)
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s - 笔记商城</title>`, esc(l.noteTitle))
	fmt.Fprintf(&b, `<link rel="canonical" href="%s/explore/%s">`, base, l.id)
	fmt.Fprintf(&b, `<meta property="og:type" content="article"><meta property="og:title" content="%s"><meta property="og:image" content="%s">`, esc(l.noteTitle), imgs[0])
	fmt.Fprintf(&b, `<script type="application/ld+json">%s</script></head><body>`, ld)
	fmt.Fprintf(&b, `<div id="noteContainer" class="note-container" data-note-id="%s"><div class="media-container"><div class="swiper-wrapper">`, l.id)
	for _, u := range imgs {
		fmt.Fprintf(&b, `<div class="swiper-slide"><img class="note-slider-img" src="%s" alt=""></div>`, strings.TrimPrefix(u, base))
	}
	b.WriteString(`</div></div><div class="interaction-container">`)
	fmt.Fprintf(&b, `<div class="author-container"><a class="author-link" href="/user/profile/%s"><span class="username">%s</span></a><button class="follow-btn">关注</button></div>`, l.authorID, esc(l.author))
	b.WriteString(`<div class="note-scroller"><div class="note-content">`)
	fmt.Fprintf(&b, "\n"+`<div id="detail-title" class="title">%s</div>`+"\n"+`<div id="detail-desc" class="desc"><span class="note-text">%s</span> `, esc(l.noteTitle), esc(l.desc))
	for _, t := range l.tags {
		fmt.Fprintf(&b, `<a class="tag" href="/search_result?keyword=%s">#%s</a> `, url.QueryEscape("#"+t), esc(t))
	}
	fmt.Fprintf(&b, `</div>`+"\n"+`<div class="bottom-container"><span class="date">%s</span></div></div>`, esc(l.date))
	if c := l.card; c != nil {
		fmt.Fprintf(&b, "\n"+`<div class="goods-card"><a class="goods-link" href="/shop/%s?from=note&amp;note_id=%s"><img class="goods-img" src="/notes-img/%s/0.jpg"><div class="goods-name">%s</div><div class="goods-shop">%s</div><span class="goods-price" data-bind="price"></span><span class="buy-btn">去购买</span></a></div>`,
			c.seller.id, l.id, l.id, esc(c.name), esc(c.seller.name))
	}
	fmt.Fprintf(&b, `<div class="comments-container"><div class="total">共 %d 条评论</div>`, l.pop%60)
	for k := 0; k < int(l.pop%3); k++ {
		fmt.Fprintf(&b, `<div class="comment-item"><span class="comment-author">%s</span><span class="comment-text">%s</span></div>`,
			esc(bloggers[(l.pop+k)%len(bloggers)]), []string{"求链接", "已收藏", "好看！", "蹲一个后续", "马住"}[(l.pop+k*3)%5])
	}
	fmt.Fprintf(&b, `</div></div><div class="engage-bar"><span class="like-wrapper">%s</span><span class="collect-wrapper">%d</span><span class="chat-wrapper">%d</span></div></div></div></body></html>`, likes(l), l.pop%5000, l.pop%60)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(rw, b.String())
}

// notesJSONLD writes the page's schema.org data in one of several shapes.
func notesJSONLD(l *listing, base string, imgs []string) string {
	post := map[string]any{
		"@type":         "SocialMediaPosting",
		"headline":      l.noteTitle,
		"articleBody":   l.desc,
		"datePublished": "2024-" + l.date[len("编辑于 "):len("编辑于 ")+5],
		"author":        map[string]any{"@type": "Person", "name": l.author, "url": base + "/user/profile/" + l.authorID},
		"image":         imgs,
		"url":           base + "/explore/" + l.id,
	}
	var v any
	c := l.card
	if c == nil {
		post["@context"] = "https://schema.org"
		v = post
	} else {
		shape := l.ldShape
		prod := map[string]any{"@type": "Product", "name": c.name}
		if c.desc != "" {
			prod["description"] = c.desc
		}
		sellerOrg := map[string]any{"@type": "Organization", "name": c.seller.name, "identifier": c.seller.id}
		switch shape {
		case 0:
			prod["image"] = imgs
			if c.high > 0 {
				prod["offers"] = map[string]any{"@type": "AggregateOffer", "lowPrice": money(c.price), "highPrice": money(c.high),
					"offerCount": 2, "priceCurrency": c.currency, "seller": sellerOrg}
			} else {
				prod["offers"] = map[string]any{"@type": "Offer", "price": money(c.price), "priceCurrency": c.currency,
					"availability": "https://schema.org/InStock", "url": base + "/explore/" + l.id, "seller": sellerOrg}
			}
			prod["@context"] = "https://schema.org"
			v = prod
		case 1:
			prod["image"] = imgs[0]
			offers := []any{map[string]any{"@type": "Offer", "price": c.price, "priceCurrency": c.currency,
				"seller": map[string]any{"@type": "Organization", "@id": base + "/shop/" + c.seller.id, "name": c.seller.name}}}
			if c.high > 0 {
				offers = append(offers, map[string]any{"@type": "Offer", "price": c.high, "priceCurrency": c.currency,
					"seller": map[string]any{"@type": "Organization", "@id": base + "/shop/" + c.seller.id, "name": c.seller.name}})
			}
			prod["offers"] = offers
			v = map[string]any{"@context": "https://schema.org", "@graph": []any{post, prod}}
		case 2:
			var io []any
			for _, u := range imgs {
				io = append(io, map[string]any{"@type": "ImageObject", "url": u})
			}
			prod["image"] = io
			high := c.high
			if high == 0 {
				high = c.price
			}
			prod["offers"] = map[string]any{"@type": "AggregateOffer", "lowPrice": c.price, "highPrice": high, "offerCount": 1 + boolInt(c.high > 0),
				"priceCurrency": c.currency, "seller": map[string]any{"@type": "Person", "name": c.seller.name, "url": base + "/shop/" + c.seller.id}}
			prod["@context"] = "https://schema.org"
			crumbs := map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []any{
				map[string]any{"@type": "ListItem", "position": 1, "name": "发现", "item": base + "/explore"},
				map[string]any{"@type": "ListItem", "position": 2, "name": l.noteTitle},
			}}
			v = []any{crumbs, prod}
		default:
			prod["image"] = imgs
			prod["offers"] = map[string]any{"@type": "Offer", "price": money(c.price), "priceCurrency": c.currency,
				"seller": map[string]any{"@type": "Organization", "name": c.seller.name, "url": base + "/shop/" + c.seller.id, "identifier": c.seller.id}}
			if c.high > 0 {
				prod["offers"] = map[string]any{"@type": "AggregateOffer", "lowPrice": money(c.price), "highPrice": money(c.high), "priceCurrency": c.currency,
					"seller": map[string]any{"@type": "Organization", "name": c.seller.name, "url": base + "/shop/" + c.seller.id, "identifier": c.seller.id}}
			}
			prod["@context"] = "https://schema.org"
			v = prod
		}
	}
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
	return strings.TrimSpace(sb.String())
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *notesSite) profile(rw http.ResponseWriter, r *http.Request) {
	uid := strings.TrimPrefix(r.URL.Path, "/user/profile/")
	var b strings.Builder
	name := ""
	for _, l := range s.w.notes {
		if l.authorID == uid {
			if name == "" {
				name = l.author
				fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s的个人主页</title></head><body><h1 class="user-name">%s</h1><div class="feeds-container">`, esc(name), esc(name))
			}
			fmt.Fprintf(&b, `<section class="note-item"><a class="cover" href="/explore/%s?xsec_source=pc_user">%s</a></section>`, l.id, esc(l.noteTitle))
		}
	}
	if name == "" {
		http.NotFound(rw, r)
		return
	}
	b.WriteString(`</div></body></html>`)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(rw, b.String())
}

func (s *notesSite) shop(rw http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/shop/")
	sl := sellerByKey[siteNotes+"|"+id]
	if sl == nil {
		http.NotFound(rw, r)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title></head><body><h1 class="shop-name">%s</h1><ul>`, esc(sl.name), esc(sl.name))
	for _, l := range s.w.notes {
		if l.card != nil && l.card.seller == sl {
			fmt.Fprintf(&b, `<li><a href="/explore/%s">%s</a></li>`, l.id, esc(l.card.name))
		}
	}
	b.WriteString(`</ul></body></html>`)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(rw, b.String())
}

func (s *notesSite) img(rw http.ResponseWriter, r *http.Request) {
	rest := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/notes-img/"), ".jpg")
	id, n, ok := strings.Cut(rest, "/")
	l := s.byID(id)
	k, err := strconv.Atoi(n)
	if !ok || l == nil || err != nil || k < 0 || k >= len(l.images) {
		http.NotFound(rw, r)
		return
	}
	serveJPEG(rw, s.images.get(siteNotes+"|"+id+"|"+n, l.images[k]))
}
