package world10

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

const ruleJP = `# みかん市場 (mikan-ichiba): a Japanese market of shops and individuals.
# Item pages carry an attributes table and OpenGraph tags, no JSON-LD.
name: mikan-ichiba
base_url: http://127.0.0.1:8941
search:
  url: "{base}/search?keyword={query}&p={page}"
  max_pages: 20
  listing_links: "ul.search-results li.item-card a.item-card__link@href"
  next_page: "nav.pager a[rel=next]@href"
listing:
  id: "link[rel=canonical]@href | re:/item/(m\\d+)"
  title: "h1.item-name"
  price: "div.item-price-box span.item-price"
  currency: "JPY"
  seller_id: "div.seller-box a.seller-name@href | re:/(?:shop|user)/([^/?#]+)"
  seller_name: "div.seller-box a.seller-name"
  images: "div.item-photos img@src"
  description: "div.item-description"
  removed: "p.notice-removed"
politeness: {parallelism: 4, delay: 100ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const ruleEU = `# Trocalia: European second-hand and pro classifieds (fr, de, es).
# Two item templates live side by side: an older plain one and a newer one
# with schema.org microdata; the selectors cover both.
name: trocalia
base_url: http://127.0.0.1:8942
search:
  url: "{base}/catalog?search_text={query}&page={page}"
  max_pages: 20
  listing_links: "div.feed-grid div.feed-item a.feed-item__link@href"
listing:
  id: "link[rel=canonical]@href | re:/items/(\\d+)"
  title: "h1"
  price: "div.item-price, [itemprop=offers] span.price-tag"
  currency: "EUR"
  seller_id: "a.member-link@href | re:/(?:member|pro)/([^/?#]+)"
  seller_name: "a.member-link span.member-name"
  images: ".item-photos img@src"
  description: "div.item-description, div[itemprop=description]"
  removed: ".item-closed-notice"
politeness: {parallelism: 4, delay: 100ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

type handler struct {
	w    *world
	s    *siteData
	mu   sync.Mutex
	once map[string]bool
}

func newHandler(w *world, s *siteData) http.Handler {
	return &handler{w: w, s: s, once: map[string]bool{}}
}

// firstTime reports whether key is seen for the first time by this handler.
func (h *handler) firstTime(key string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.once[key] {
		return false
	}
	h.once[key] = true
	return true
}

var esc = html.EscapeString

func (h *handler) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	jp := h.s.name == siteJP
	switch {
	case p == "/robots.txt":
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if jp {
			fmt.Fprint(rw, "User-agent: *\nDisallow: /cart\nDisallow: /mypage\nDisallow: /api/\nAllow: /\n")
		} else {
			fmt.Fprint(rw, "User-agent: *\nDisallow: /checkout\nDisallow: /member/*/messages\nDisallow: /api/\n")
		}
	case p == "/":
		h.page(rw, http.StatusOK, h.header(""), "")
	case jp && p == "/search", !jp && p == "/catalog":
		h.search(rw, r)
	case jp && strings.HasPrefix(p, "/item/"):
		h.item(rw, r, strings.TrimPrefix(p, "/item/"), "")
	case !jp && strings.HasPrefix(p, "/items/"):
		rest := strings.TrimPrefix(p, "/items/")
		id, slug, _ := strings.Cut(rest, "-")
		h.item(rw, r, id, slug)
	case jp && strings.HasPrefix(p, "/img/item/"), !jp && strings.HasPrefix(p, "/photos/"):
		h.image(rw, r)
	case strings.HasPrefix(p, "/shop/"), strings.HasPrefix(p, "/user/"), strings.HasPrefix(p, "/member/"), strings.HasPrefix(p, "/pro/"):
		h.sellerPage(rw, p[strings.LastIndex(p, "/")+1:])
	default:
		h.notFound(rw, http.StatusNotFound)
	}
}

func (h *handler) header(q string) string {
	if h.s.name == siteJP {
		return `<header class="site-header"><a class="logo" href="/">みかん市場</a><form class="search-form" action="/search"><input type="search" name="keyword" value="` + esc(q) + `" placeholder="なにをお探しですか？"><button>検索</button></form><a href="/mypage">マイページ</a></header>`
	}
	return `<header class="site-header"><a class="logo" href="/">Trocalia</a><form class="search-form" action="/catalog"><input type="search" name="search_text" value="` + esc(q) + `" placeholder="Rechercher des articles"></form><a href="/member/signup">S'inscrire | Se connecter</a><a class="sell-button" href="/items/new">Vends tes articles</a></header>`
}

func (h *handler) page(rw http.ResponseWriter, code int, head, body string) {
	lang, title := "ja", "みかん市場 - 買うのも売るのもかんたん"
	if h.s.name != siteJP {
		lang, title = "fr", "Trocalia – achète et vends d'occasion"
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(code)
	fmt.Fprintf(rw, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n</head>\n<body>\n%s\n%s\n</body>\n</html>\n", lang, title, head, body)
}

func (h *handler) notFound(rw http.ResponseWriter, code int) {
	msg := "ページが見つかりません"
	if h.s.name != siteJP {
		msg = "Cette page n'existe pas (ou plus)."
	}
	h.page(rw, code, h.header(""), `<main class="error-page"><h1>`+esc(msg)+`</h1><a href="/">Accueil</a></main>`)
}

func (h *handler) search(rw http.ResponseWriter, r *http.Request) {
	jp := h.s.name == siteJP
	qs := r.URL.Query()
	q := qs.Get("keyword")
	pageStr := qs.Get("p")
	if !jp {
		q, pageStr = qs.Get("search_text"), qs.Get("page")
	}
	page, _ := strconv.Atoi(pageStr)
	if page < 1 {
		page = 1
	}
	if !jp && page == 2 && h.firstTime("search-p2") {
		rw.Header().Set("Retry-After", "1")
		http.Error(rw, "503 Service Temporarily Unavailable", http.StatusServiceUnavailable)
		return
	}
	res := h.s.search(q)
	from, to := (page-1)*h.s.perPage, page*h.s.perPage
	var shown []*listing
	if from < len(res) {
		shown = res[from:min(to, len(res))]
	}
	var b strings.Builder
	if jp {
		fmt.Fprintf(&b, `<main class="search-page"><div class="search-header"><h1>「%s」の検索結果</h1><p class="result-count">%d件</p>`, esc(q), len(res))
		b.WriteString(`<div class="sort">並び替え：<a href="#">おすすめ順</a> | <a href="#">新しい順</a> | <a href="#">価格の安い順</a></div></div>`)
		if len(shown) == 0 {
			b.WriteString(`<p class="no-results">該当する商品が見つかりませんでした。キーワードを変えて検索してください。</p>`)
		} else {
			b.WriteString(`<ul class="search-results">`)
			// PR slots: the first two shop listings of the result, on every page
			k := 0
			for _, l := range res {
				if k == 2 {
					break
				}
				if l.Seller != nil && l.Seller.Business && l.Removed == 0 {
					k++
					fmt.Fprintf(&b, `<li class="item-card item-card--pr"><span class="pr-label">PR</span><a class="item-card__link" href="%s?ref=pr_search&amp;ad=%d">%s</a></li>`, l.Path, 7000+k, h.card(l))
				}
			}
			for i, l := range shown {
				fmt.Fprintf(&b, `<li class="item-card"><a class="item-card__link" href="%s?ref=search&amp;pos=%d">%s</a></li>`, l.Path, from+i+1, h.card(l))
			}
			b.WriteString(`</ul>`)
		}
		b.WriteString(`<nav class="pager">`)
		qe := url.QueryEscape(q)
		if page > 1 {
			fmt.Fprintf(&b, `<a rel="prev" href="/search?keyword=%s&amp;p=%d">‹ 前へ</a> `, qe, page-1)
		}
		fmt.Fprintf(&b, `<span class="current">%d</span>`, page)
		if to < len(res) {
			fmt.Fprintf(&b, ` <a rel="next" class="pager-next" href="/search?keyword=%s&amp;p=%d">次へ ›</a>`, qe, page+1)
		}
		b.WriteString(`</nav></main>`)
	} else {
		fmt.Fprintf(&b, `<main class="catalog"><h1 class="catalog-title">Résultats pour « %s »</h1><p class="catalog-count">%d résultats</p>`, esc(q), len(res))
		if len(shown) == 0 {
			b.WriteString(`<div class="empty-state"><p>Aucun résultat. Essaie d'autres mots-clés.</p></div>`)
		} else {
			b.WriteString(`<div class="feed-grid">`)
			bump := res[int(hashSeed(q)%uint64(len(res)))]
			for i, l := range shown {
				if i == 4 && bump.Removed == 0 {
					fmt.Fprintf(&b, `<div class="feed-item feed-item--bumped"><span class="bump-label">Mis en avant</span><a class="feed-item__link" href="%s?referrer=catalog&amp;promoted=1">%s</a></div>`, h.link(bump), h.card(bump))
				}
				fmt.Fprintf(&b, `<div class="feed-item"><a class="feed-item__link" href="%s?referrer=catalog&amp;pos=%d">%s</a></div>`, h.link(l), from+i+1, h.card(l))
			}
			b.WriteString(`</div>`)
			pages := (len(res) + h.s.perPage - 1) / h.s.perPage
			b.WriteString(`<nav class="pagination">`)
			for n := max(1, page-2); n <= min(pages, page+2); n++ {
				if n == page {
					fmt.Fprintf(&b, `<span class="pagination__current">%d</span>`, n)
				} else {
					fmt.Fprintf(&b, ` <a class="pagination__page" href="/catalog?search_text=%s&amp;page=%d">%d</a> `, url.QueryEscape(q), n, n)
				}
			}
			b.WriteString(`</nav>`)
		}
		b.WriteString(`</main>`)
	}
	h.page(rw, http.StatusOK, h.header(q), b.String())
}

// link is the URL search results use for a listing (trocalia: sometimes an outdated slug).
func (h *handler) link(l *listing) string {
	if l.Stale != "" {
		return "/items/" + l.ID + "-" + l.Stale
	}
	return l.Path
}

func (h *handler) photoURL(l *listing, i int) string {
	if h.s.name == siteJP {
		return fmt.Sprintf("/img/item/%s_%d.jpg", l.ID, i+1)
	}
	return fmt.Sprintf("/photos/%s/%d.%s", l.ID, i+1, l.Photos[i].ext())
}

func (h *handler) card(l *listing) string {
	var b strings.Builder
	if len(l.Photos) > 0 {
		fmt.Fprintf(&b, `<img src="%s" alt="" loading="lazy" width="240" height="240">`, h.photoURL(l, 0))
	}
	if h.s.name == siteJP {
		if l.Sold {
			b.WriteString(`<span class="sold-badge">SOLD</span>`)
		}
		fmt.Fprintf(&b, `<p class="item-card__name">%s</p><p class="item-card__price">%s</p>`, esc(l.Title), esc(l.Price))
	} else {
		fmt.Fprintf(&b, `<p class="feed-item__title">%s</p><p class="feed-item__price">%s</p>`, esc(l.Title), esc(l.Price))
	}
	return b.String()
}

func (h *handler) item(rw http.ResponseWriter, r *http.Request, id, slug string) {
	l := h.s.byID[id]
	if l == nil {
		h.notFound(rw, http.StatusNotFound)
		return
	}
	if h.s.name != siteJP && slug != l.Slug {
		http.Redirect(rw, r, l.Path, http.StatusMovedPermanently)
		return
	}
	switch l.Fault {
	case "slow":
		select {
		case <-time.After(1500 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
	case "once503":
		if h.firstTime("item-" + id) {
			rw.Header().Set("Retry-After", "1")
			http.Error(rw, "Service Unavailable", http.StatusServiceUnavailable)
			return
		}
	}
	canon := "http://" + r.Host + l.Path
	if h.s.name == siteJP {
		h.itemJP(rw, l, canon)
	} else {
		h.itemEU(rw, l, canon)
	}
}

func descHTML(s string) string { return strings.ReplaceAll(esc(s), "\n", "<br>\n") }

func (h *handler) itemJP(rw http.ResponseWriter, l *listing, canon string) {
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s - みかん市場</title>\n<link rel=\"canonical\" href=\"%s\">\n", esc(l.Title), esc(canon))
	if l.Removed != 0 {
		fmt.Fprintf(&b, "</head>\n<body>\n%s\n<main class=\"item-detail\"><p class=\"notice-removed\">該当する商品は削除されています。</p><a href=\"/\">トップページへ戻る</a></main>\n</body>\n</html>\n", h.header(""))
		fmt.Fprint(rw, b.String())
		return
	}
	fmt.Fprintf(&b, "<meta property=\"og:title\" content=\"%s\">\n<meta property=\"og:type\" content=\"product\">\n<meta property=\"og:image\" content=\"%s\">\n<meta property=\"og:site_name\" content=\"みかん市場\">\n</head>\n<body>\n%s\n",
		esc(l.Title), esc(strings.TrimSuffix(canon, l.Path)+h.photoURL(l, 0)), h.header(""))
	cat := ""
	for _, a := range l.Attrs {
		if a[0] == "カテゴリー" {
			cat = a[1]
		}
	}
	fmt.Fprintf(&b, "<nav class=\"breadcrumb\"><a href=\"/\">ホーム</a> &gt; %s</nav>\n<main class=\"item-detail\">\n<div class=\"item-photos\">", esc(cat))
	for i := range l.Photos {
		fmt.Fprintf(&b, `<img src="%s" alt="%s %d">`, h.photoURL(l, i), esc(l.Title), i+1)
	}
	b.WriteString("</div>\n<section class=\"item-info\">\n")
	if l.Sold {
		b.WriteString(`<div class="item-status sold">売り切れました</div>` + "\n")
	}
	ship := "送料込み"
	if l.Seller.Business {
		ship = ""
	}
	fmt.Fprintf(&b, "<h1 class=\"item-name\">%s</h1>\n<div class=\"item-price-box\"><span class=\"item-price\">%s</span> <span class=\"item-shipping\">%s</span></div>\n", esc(l.Title), esc(l.Price), ship)
	if l.Seller.Business {
		fmt.Fprintf(&b, "<p class=\"points\">獲得ポイント %d pt</p>\n", int(l.Unit)/100)
	}
	b.WriteString(`<button class="buy-button" type="button">購入手続きへ</button>` + "\n")
	fmt.Fprintf(&b, "<h2>商品の説明</h2>\n<div class=\"item-description\"><p>%s</p></div>\n<h2>商品の情報</h2>\n<table class=\"item-attributes\">\n", descHTML(l.Desc))
	for _, a := range l.Attrs {
		fmt.Fprintf(&b, "<tr><th>%s</th><td>%s</td></tr>\n", esc(a[0]), esc(a[1]))
	}
	b.WriteString("</table>\n")
	kind, path := "個人", "/user/"
	if l.Seller.Business {
		kind, path = "ショップ", "/shop/"
	}
	fmt.Fprintf(&b, "<div class=\"seller-box\"><h2>出品者</h2><a class=\"seller-name\" href=\"%s%s\">%s</a> <span class=\"seller-type\">%s</span> <span class=\"seller-rating\">★ %d件の評価</span> <span class=\"seller-area\">%s</span></div>\n</section>\n",
		path, esc(l.Seller.ID), esc(l.Seller.Name), kind, l.Seller.Rating, esc(l.Seller.Loc))
	b.WriteString(h.recommend(l))
	b.WriteString("</main>\n<footer>© Mikan Ichiba, Inc.</footer>\n</body>\n</html>\n")
	out := b.String()
	if l.Fault == "malformed" {
		out = malformJP(out)
	}
	fmt.Fprint(rw, out)
}

// malformJP breaks the markup the way hand-edited shop templates do.
func malformJP(s string) string {
	s = strings.ReplaceAll(s, "</td>", "")
	s = strings.ReplaceAll(s, "</tr>", "")
	s = strings.Replace(s, `<img src="`, `<img src=`, 1)
	s = strings.Replace(s, `.jpg" alt=`, `.jpg alt=`, 1)
	s = strings.Replace(s, `<div class="item-description"><p>`, `<div class="item-description"><p><b><font color=red>`, 1)
	s = strings.Replace(s, `</span></div>`, `</span></span></div></div>`, 1)
	return s
}

func (h *handler) recommend(l *listing) string {
	var b strings.Builder
	title := map[string]string{"ja": "この商品を見ている人におすすめ", "fr": "Articles similaires", "de": "Ähnliche Artikel", "es": "Artículos similares"}[l.Lang]
	fmt.Fprintf(&b, "<section class=\"recommend\"><h2>%s</h2><ul>", esc(title))
	n := int(hashSeed(l.ID) % uint64(len(h.s.listings)))
	for k := 1; k <= 3; k++ {
		o := h.s.listings[(n+k*37)%len(h.s.listings)]
		fmt.Fprintf(&b, `<li class="rec-item"><a href="%s?ref=rec">%s</a></li>`, o.Path, esc(o.Title))
	}
	b.WriteString("</ul></section>\n")
	return b.String()
}

var euUI = map[string]map[string]string{
	"fr": {"private": "Particulier", "pro": "Professionnel", "sold": "Vendu", "desc": "Description", "buy": "Acheter", "offer": "Faire une offre", "closed": "Cette annonce n'est plus disponible."},
	"de": {"private": "Privat", "pro": "Gewerblich", "sold": "Verkauft", "desc": "Beschreibung", "buy": "Kaufen", "offer": "Preisvorschlag", "closed": "Dieser Artikel ist nicht mehr verfügbar."},
	"es": {"private": "Particular", "pro": "Profesional", "sold": "Vendido", "desc": "Descripción", "buy": "Comprar", "offer": "Hacer una oferta", "closed": "Este artículo ya no está disponible."},
}

func (h *handler) itemEU(rw http.ResponseWriter, l *listing, canon string) {
	lang := l.Lang
	if euUI[lang] == nil {
		lang = "fr"
	}
	ui := euUI[lang]
	if l.Removed != 0 {
		h.page(rw, l.Removed, h.header(""), `<main class="item-page"><div class="item-closed-notice">`+esc(ui["closed"])+`</div><a href="/catalog">Continuer mes recherches</a></main>`)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s | Trocalia</title>\n<link rel=\"canonical\" href=\"%s\">\n<meta property=\"og:title\" content=\"%s\">\n<meta property=\"og:url\" content=\"%s\">\n</head>\n<body>\n%s\n",
		lang, esc(l.Title), esc(canon), esc(l.Title), esc(canon), h.header(""))
	kind, path := ui["private"], "/member/"
	if l.Seller.Business {
		kind, path = ui["pro"], "/pro/"
	}
	brandName := ""
	if len(l.Attrs) > 0 {
		brandName = l.Attrs[0][1]
	}
	photos := func(tag, attr string) {
		fmt.Fprintf(&b, "<%s class=\"item-photos\">", tag)
		for i := range l.Photos {
			fmt.Fprintf(&b, `<img %ssrc="%s" alt="%s">`, attr, h.photoURL(l, i), esc(l.Title))
		}
		fmt.Fprintf(&b, "</%s>\n", tag)
	}
	details := func() {
		b.WriteString("<dl class=\"item-details\">")
		for _, a := range l.Attrs {
			fmt.Fprintf(&b, "<dt>%s</dt><dd>%s</dd>", esc(a[0]), esc(a[1]))
		}
		b.WriteString("</dl>\n")
	}
	fee := ""
	if l.Fee != "" {
		fee = `<div class="price-fee">` + esc(l.Fee) + `</div>`
	}
	if l.Template == 0 {
		b.WriteString("<div class=\"page item-page\">\n")
		photos("div", "")
		b.WriteString("<div class=\"item-box\">\n")
		if l.Sold {
			fmt.Fprintf(&b, "<div class=\"item-badge sold\">%s</div>\n", ui["sold"])
		}
		fmt.Fprintf(&b, "<h1 class=\"item-title\">%s</h1>\n<div class=\"item-price\">%s</div>%s\n", esc(l.Title), esc(l.Price), fee)
		details()
		fmt.Fprintf(&b, "<h2>%s</h2>\n<div class=\"item-description\">%s</div>\n", ui["desc"], descHTML(l.Desc))
		fmt.Fprintf(&b, "<div class=\"seller\"><a class=\"member-link\" href=\"%s%s\"><span class=\"member-name\">%s</span></a> <span class=\"badge\">%s</span> <span class=\"reviews\">★★★★★ (%d)</span></div>\n",
			path, esc(l.Seller.ID), esc(l.Seller.Name), kind, l.Seller.Rating)
		fmt.Fprintf(&b, "<button class=\"buy\">%s</button> <button class=\"offer\">%s</button>\n</div>\n</div>\n", ui["buy"], ui["offer"])
	} else {
		b.WriteString("<main class=\"item-page\" itemscope itemtype=\"https://schema.org/Product\">\n")
		photos("figure", `itemprop="image" `)
		b.WriteString("<section class=\"details\">\n")
		if l.Sold {
			fmt.Fprintf(&b, "<div class=\"status-badge\">%s</div>\n", ui["sold"])
		}
		fmt.Fprintf(&b, "<h1 class=\"web_ui__Text__title\" itemprop=\"name\">%s</h1>\n", esc(l.Title))
		if brandName != "" {
			fmt.Fprintf(&b, "<div itemprop=\"brand\" itemscope itemtype=\"https://schema.org/Brand\"><meta itemprop=\"name\" content=\"%s\"></div>\n", esc(brandName))
		}
		avail := "InStock"
		if l.Sold {
			avail = "SoldOut"
		}
		stype := "Person"
		if l.Seller.Business {
			stype = "Organization"
		}
		fmt.Fprintf(&b, "<div itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\"><span class=\"price-tag\" itemprop=\"price\" content=\"%.2f\">%s</span><meta itemprop=\"priceCurrency\" content=\"EUR\"><link itemprop=\"availability\" href=\"https://schema.org/%s\">\n",
			l.Unit*float64(max(l.Units, 1)), esc(l.Price), avail)
		fmt.Fprintf(&b, "<div class=\"seller\" itemprop=\"seller\" itemscope itemtype=\"https://schema.org/%s\"><a class=\"member-link\" itemprop=\"url\" href=\"%s%s\"><span class=\"member-name\" itemprop=\"name\">%s</span></a> <span class=\"badge\">%s</span></div>\n</div>\n%s\n",
			stype, path, esc(l.Seller.ID), esc(l.Seller.Name), kind, fee)
		details()
		fmt.Fprintf(&b, "<h2>%s</h2>\n<div class=\"description-text\" itemprop=\"description\">%s</div>\n", ui["desc"], descHTML(l.Desc))
		fmt.Fprintf(&b, "<button class=\"buy\">%s</button>\n</section>\n</main>\n", ui["buy"])
	}
	b.WriteString(h.recommend(l))
	b.WriteString("<footer>Trocalia SAS – Mentions légales – CGU</footer>\n</body>\n</html>\n")
	out := b.String()
	if l.Fault == "malformed" {
		out = strings.ReplaceAll(out, "</dd>", "")
		out = strings.ReplaceAll(out, "</dt>", "")
		out = strings.Replace(out, `<img src="`, `<img src=`, 1)
		out = strings.Replace(out, `" alt="`, ` alt="`, 1)
		out = strings.Replace(out, "<h2>", "<h2><p>", 1)
	}
	fmt.Fprint(rw, out)
}

func (h *handler) image(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	var id string
	var n int
	if h.s.name == siteJP {
		base := strings.TrimSuffix(strings.TrimPrefix(p, "/img/item/"), ".jpg")
		i := strings.LastIndex(base, "_")
		if i < 0 {
			h.notFound(rw, http.StatusNotFound)
			return
		}
		id = base[:i]
		n, _ = strconv.Atoi(base[i+1:])
	} else {
		parts := strings.Split(strings.TrimPrefix(p, "/photos/"), "/")
		if len(parts) != 2 {
			h.notFound(rw, http.StatusNotFound)
			return
		}
		id = parts[0]
		num, _, _ := strings.Cut(parts[1], ".")
		n, _ = strconv.Atoi(num)
	}
	l := h.s.byID[id]
	if l == nil || n < 1 || n > len(l.Photos) || p != h.photoURL(l, n-1) {
		h.notFound(rw, http.StatusNotFound)
		return
	}
	ph := l.Photos[n-1]
	if h.s.name == siteJP {
		ph.PNG = false
	}
	data, ctype := encodePhoto(renderPhoto(ph, h.w.products, h.w.official), ph)
	rw.Header().Set("Content-Type", ctype)
	rw.Header().Set("Cache-Control", "public, max-age=86400")
	rw.Header().Set("Content-Length", strconv.Itoa(len(data)))
	rw.Write(data)
}

func (h *handler) sellerPage(rw http.ResponseWriter, id string) {
	var b strings.Builder
	name := ""
	for _, l := range h.s.listings {
		if l.Seller != nil && l.Seller.ID == id && l.Removed == 0 {
			name = l.Seller.Name
			fmt.Fprintf(&b, `<li><a href="%s">%s</a> %s</li>`, l.Path, esc(l.Title), esc(l.Price))
		}
	}
	if name == "" {
		h.notFound(rw, http.StatusNotFound)
		return
	}
	h.page(rw, http.StatusOK, h.header(""), `<main class="profile"><h1>`+esc(name)+`</h1><ul class="profile-items">`+b.String()+`</ul></main>`)
}
