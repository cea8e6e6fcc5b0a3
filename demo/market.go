package demo

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"image"
	"image/jpeg"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo/internal/art"
	"github.com/shadowscan/shadowscan/demo/internal/worldgen"
)

// PageSize is the number of results on one search page.
const PageSize = 20

// Limits on hostile or careless requests.
const (
	maxQueryRunes = 200  // longer queries are cut
	maxTokens     = 64   // tokens beyond this are ignored
	maxPage       = 1000 // higher page numbers are refused
	maxPhotos     = 8    // photo index bound, well above any listing's count
)

// Removal is how a taken-down listing answers.
type Removal int

// The ways a marketplace shows a listing is gone.
const (
	NotFound Removal = iota + 1 // 404 Not Found
	Gone                        // 410 Gone
	Marker                      // 200 with <div class="offline-notice">此商品已下架</div>
)

// String returns "not_found", "gone" or "marker".
func (r Removal) String() string {
	switch r {
	case NotFound:
		return "not_found"
	case Gone:
		return "gone"
	case Marker:
		return "marker"
	}
	return "Removal(" + strconv.Itoa(int(r)) + ")"
}

//go:embed templates/*.html
var templateFiles embed.FS

var pages = template.Must(template.ParseFS(templateFiles, "templates/*.html"))

// Market is the demo marketplace: an http.Handler serving the embedded
// listings as search pages, item pages with JSON-LD, photos, shop pages and
// robots.txt. It counts requests per path and can take listings down. A
// Market is safe for concurrent use.
type Market struct {
	index []indexed
	shops map[string][]*Listing

	mu       sync.Mutex
	removed  map[string]Removal
	edited   map[string]*Listing // Edit's versions of listings, by id
	requests map[string]int
	total    int
	photos   map[string]*photo
	official map[string]*officialPhoto
	srv      *http.Server

	handler http.Handler
}

type indexed struct {
	l    *Listing
	text string // normalised title and keywords
}

type photo struct {
	once sync.Once
	data []byte
	err  error
}

type officialPhoto struct {
	once sync.Once
	img  image.Image
	err  error
}

// NewMarket returns a marketplace serving every listing of Listings.
func NewMarket() *Market {
	load()
	m := &Market{
		shops:    map[string][]*Listing{},
		removed:  map[string]Removal{},
		edited:   map[string]*Listing{},
		requests: map[string]int{},
		photos:   map[string]*photo{},
		official: map[string]*officialPhoto{},
	}
	for i := range listings {
		l := &listings[i]
		m.index = append(m.index, indexed{l: l, text: normalize(l.Title + " " + strings.Join(l.Keywords, " "))})
		m.shops[l.SellerID] = append(m.shops[l.SellerID], l)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", m.serveHome)
	mux.HandleFunc("GET /search", m.serveSearch)
	mux.HandleFunc("GET /item/{id}", m.serveItem)
	mux.HandleFunc("GET /img/{id}/{file}", m.servePhoto)
	mux.HandleFunc("GET /shop/{id}", m.serveShop)
	mux.HandleFunc("GET /robots.txt", serveRobots)
	mux.HandleFunc("/admin/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "forbidden: staff only", http.StatusForbidden)
	})
	m.handler = m.count(mux)
	return m
}

// Handler returns the marketplace's HTTP handler.
func (m *Market) Handler() http.Handler { return m.handler }

// Start listens on addr ("127.0.0.1:0" picks a free loopback port; empty
// means that) and serves in the background until Close. It returns the base
// URL, e.g. http://127.0.0.1:41234.
func (m *Market) Start(addr string) (baseURL string, err error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.srv != nil {
		return "", errors.New("start demo market: already started")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("start demo market on %s: %w", addr, err)
	}
	srv := &http.Server{Handler: m.handler, ReadHeaderTimeout: 10 * time.Second}
	m.srv = srv
	go func() { _ = srv.Serve(ln) }() // Serve returns ErrServerClosed after Close
	return "http://" + ln.Addr().String(), nil
}

// Close stops the server Start started, waiting up to five seconds for
// requests in flight. Closing a Market that was never started does nothing.
func (m *Market) Close() error {
	m.mu.Lock()
	srv := m.srv
	m.srv = nil
	m.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("close demo market: %w", err)
	}
	return nil
}

// TakeDown removes listing id the way how says, until Restore. Its page and
// photos answer accordingly; search keeps linking to it, as a marketplace's
// index lags, so a rescan through search sees the removal. Unknown ids are
// ignored: they answer 404 anyway.
func (m *Market) TakeDown(id string, how Removal) {
	if how < NotFound || how > Marker {
		how = NotFound
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.removed[id] = how
}

// Restore puts a taken-down listing back.
func (m *Market) Restore(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.removed, id)
}

// Edit changes listing id on this Market only, as a seller editing an
// offer between two scans would: fn gets a copy of the listing as served
// now (its slices copied too) and may change any field but ID, which is
// kept. The item page, its JSON-LD and search results then show the
// edited listing; search still finds it by its original text. Set both
// Price and PriceText to change the price: the page shows PriceText and
// the JSON-LD Price. It returns ENOTFOUND for an unknown id.
func (m *Market) Edit(id string, fn func(*Listing)) error {
	if _, ok := listing(id); !ok {
		return shadowscan.Errorf(shadowscan.ENOTFOUND, "edit demo listing: no listing %q", id)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, _ := m.lookupLocked(id)
	l := *cur
	l.Images = append([]ImageSpec(nil), cur.Images...)
	l.Keywords = append([]string(nil), cur.Keywords...)
	fn(&l)
	l.ID = id
	m.edited[id] = &l
	return nil
}

// lookup returns listing id as this Market serves it: edited or not.
func (m *Market) lookup(id string) (*Listing, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lookupLocked(id)
}

func (m *Market) lookupLocked(id string) (*Listing, bool) {
	if l, ok := m.edited[id]; ok {
		return l, true
	}
	return listing(id)
}

func (m *Market) removal(id string) Removal {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.removed[id]
}

// Requests returns how many requests path (e.g. /item/dm123456, /robots.txt)
// has received. A path ending in "/" counts every path under it, so
// Requests("/admin/") counts all hits on the admin area.
func (m *Market) Requests(path string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !strings.HasSuffix(path, "/") {
		return m.requests[path]
	}
	n := 0
	for p, c := range m.requests {
		if strings.HasPrefix(p, path) {
			n += c
		}
	}
	return n
}

// TotalRequests returns how many requests the marketplace has received.
func (m *Market) TotalRequests() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.total
}

func (m *Market) count(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		m.requests[r.URL.Path]++
		m.total++
		m.mu.Unlock()
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

func serveRobots(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
}

func render(w http.ResponseWriter, status int, name string, data any) {
	var buf strings.Builder
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "internal error: render page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(buf.String()))
}

func (m *Market) serveHome(w http.ResponseWriter, _ *http.Request) {
	render(w, http.StatusOK, "home.html", map[string]any{
		"Title":    "首页",
		"Count":    len(m.index),
		"Examples": []string{"奥罗拉", "Aurora protein", "薇丹丝 面霜", "鱼油", "Verdance"},
	})
}

// normalize folds full-width ASCII and the ideographic space to ASCII and
// lower-cases, as marketplace search does.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		return unicode.ToLower(r)
	}, s)
}

// Tokens splits a search query the way the demo marketplace does: Latin and
// digit words (two characters or more) split on spaces and punctuation, and
// Chinese runs kept whole plus every two-character piece of them.
func Tokens(q string) []string {
	if r := []rune(q); len(r) > maxQueryRunes {
		q = string(r[:maxQueryRunes])
	}
	q = normalize(q)
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if len([]rune(t)) >= 2 && !seen[t] && len(out) < maxTokens {
			seen[t] = true
			out = append(out, t)
		}
	}
	var run []rune
	han := false
	flush := func() {
		if len(run) == 0 {
			return
		}
		add(string(run))
		if han && len(run) > 2 {
			for i := 0; i+2 <= len(run); i++ {
				add(string(run[i : i+2]))
			}
		}
		run = run[:0]
	}
	for _, r := range q {
		isHan := unicode.Is(unicode.Han, r)
		word := isHan || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !word || isHan != han {
			flush()
		}
		han = isHan
		if word {
			run = append(run, r)
		}
	}
	flush()
	return out
}

type result struct {
	l     *Listing
	score int
}

// search returns the listings matching q, best first, then by ID.
func (m *Market) search(q string) []*Listing {
	toks := Tokens(q)
	if len(toks) == 0 {
		return nil
	}
	var rs []result
	for _, ix := range m.index {
		n := 0
		for _, t := range toks {
			if strings.Contains(ix.text, t) {
				n++
			}
		}
		if n > 0 {
			rs = append(rs, result{ix.l, n})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return rs[i].l.ID < rs[j].l.ID
	})
	out := make([]*Listing, len(rs))
	for i, r := range rs {
		out[i] = r.l
	}
	return out
}

func searchURL(q string, page int) string {
	v := url.Values{"q": {q}, "page": {strconv.Itoa(page)}}
	return "/search?" + v.Encode()
}

func (m *Market) serveSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	page := 1
	if p := r.URL.Query().Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > maxPage {
			http.Error(w, fmt.Sprintf("page %q: want a whole number from 1 to %d", p, maxPage), http.StatusBadRequest)
			return
		}
		page = n
	}
	all := m.search(q)
	start := (page - 1) * PageSize
	var res []*Listing
	if start < len(all) {
		res = all[start:min(start+PageSize, len(all))]
	}
	for i, l := range res {
		res[i], _ = m.lookup(l.ID)
	}
	data := map[string]any{"Title": q, "Query": q, "Page": page, "Total": len(all), "Results": res}
	if start+PageSize < len(all) {
		data["Next"] = searchURL(q, page+1)
	}
	if page > 1 {
		data["Prev"] = searchURL(q, page-1)
	}
	render(w, http.StatusOK, "search.html", data)
}

// JSON-LD shapes (schema.org Product).
type ldProduct struct {
	Context     string   `json:"@context"`
	Type        string   `json:"@type"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Image       []string `json:"image,omitempty"`
	URL         string   `json:"url"`
	Offers      ldOffer  `json:"offers"`
}

type ldOffer struct {
	Type          string             `json:"@type"`
	Price         *shadowscan.Amount `json:"price,omitempty"`
	LowPrice      *shadowscan.Amount `json:"lowPrice,omitempty"`
	HighPrice     *shadowscan.Amount `json:"highPrice,omitempty"`
	PriceCurrency string             `json:"priceCurrency"`
	Availability  string             `json:"availability"`
	Seller        ldSeller           `json:"seller"`
}

type ldSeller struct {
	Type       string `json:"@type"`
	Name       string `json:"name"`
	Identifier string `json:"identifier"`
	URL        string `json:"url"`
}

func (m *Market) serveItem(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	l, ok := m.lookup(id)
	if !ok {
		http.Error(w, "not found: no listing "+id, http.StatusNotFound)
		return
	}
	base := (&url.URL{Scheme: "http", Host: r.Host}).String()
	canonical := base + "/item/" + url.PathEscape(l.ID)
	switch m.removal(id) {
	case NotFound:
		http.Error(w, "not found: listing removed", http.StatusNotFound)
		return
	case Gone:
		http.Error(w, "gone: listing removed", http.StatusGone)
		return
	case Marker:
		render(w, http.StatusOK, "offline.html", map[string]any{"Title": l.Title, "L": l, "Canonical": canonical})
		return
	}
	imgs := make([]string, len(l.Images))
	abs := make([]string, len(l.Images))
	for i := range l.Images {
		imgs[i] = fmt.Sprintf("/img/%s/%d.jpg", url.PathEscape(l.ID), i)
		abs[i] = base + imgs[i]
	}
	offer := ldOffer{Type: "Offer", PriceCurrency: "CNY", Availability: "https://schema.org/InStock",
		Seller: ldSeller{Type: "Organization", Name: l.SellerName, Identifier: l.SellerID, URL: base + "/shop/" + url.PathEscape(l.SellerID)}}
	if l.HasPrice() {
		p := l.Price
		if lo, hi, ok := priceRange(l.PriceText); ok {
			offer.Type, offer.LowPrice, offer.HighPrice = "AggregateOffer", &lo, &hi
		} else {
			offer.Price = &p
		}
	}
	ld := ldProduct{Context: "https://schema.org", Type: "Product", Name: l.Title, Description: l.Description,
		Image: abs, URL: canonical, Offers: offer}
	render(w, http.StatusOK, "item.html", map[string]any{"Title": l.Title, "L": l, "Canonical": canonical, "Images": imgs, "LD": ld})
}

// priceRange parses the generator's range format ￥LO-HI.
func priceRange(s string) (lo, hi shadowscan.Amount, ok bool) {
	s = strings.TrimPrefix(s, "￥")
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	lo, err1 := shadowscan.ParseAmount(a)
	hi, err2 := shadowscan.ParseAmount(b)
	return lo, hi, err1 == nil && err2 == nil
}

func (m *Market) serveShop(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ls, ok := m.shops[id]
	if !ok {
		http.Error(w, "not found: no shop "+id, http.StatusNotFound)
		return
	}
	var live []*Listing
	for _, l := range ls {
		if m.removal(l.ID) == 0 {
			live = append(live, l)
		}
	}
	render(w, http.StatusOK, "shop.html", map[string]any{"Title": ls[0].SellerName, "ID": id, "Name": ls[0].SellerName, "Listings": live})
}

func (m *Market) servePhoto(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	l, ok := m.lookup(id)
	n, err := strconv.Atoi(strings.TrimSuffix(file, ".jpg"))
	if !ok || !strings.HasSuffix(file, ".jpg") || err != nil || n < 0 || n >= len(l.Images) || n >= maxPhotos {
		http.Error(w, "not found: no such photo", http.StatusNotFound)
		return
	}
	switch m.removal(id) {
	case NotFound, Marker:
		http.Error(w, "not found: listing removed", http.StatusNotFound)
		return
	case Gone:
		http.Error(w, "gone: listing removed", http.StatusGone)
		return
	}
	data, err := m.photo(l, n)
	if err != nil {
		http.Error(w, "internal error: photo unavailable", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(data)
}

// Photo returns the JPEG bytes of photo n of listing id, exactly as the
// marketplace serves them at /img/ID/N.jpg (made on first use, then cached).
func (m *Market) Photo(id string, n int) ([]byte, error) {
	l, ok := m.lookup(id)
	if !ok {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "no listing %q", id)
	}
	if n < 0 || n >= len(l.Images) {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "listing %s has no photo %d: it has %d", id, n, len(l.Images))
	}
	return m.photo(l, n)
}

func (m *Market) photo(l *Listing, n int) ([]byte, error) {
	// The spec is part of the key: Edit may change a listing's photos.
	sp := l.Images[n]
	key := l.ID + "/" + strconv.Itoa(n) + "/" + sp.Official + "|" + sp.Look + "|" + sp.Mark + "|" + strconv.FormatUint(sp.Seed, 10)
	m.mu.Lock()
	p := m.photos[key]
	if p == nil {
		p = &photo{}
		m.photos[key] = p
	}
	m.mu.Unlock()
	p.once.Do(func() { p.data, p.err = m.makePhoto(l.Images[n]) })
	if p.err != nil {
		return nil, fmt.Errorf("photo %d of %s: %w", n, l.ID, p.err)
	}
	return p.data, nil
}

func (m *Market) makePhoto(s ImageSpec) ([]byte, error) {
	if s.Official != "" {
		src, err := m.officialImage(s.Official)
		if err != nil {
			return nil, err
		}
		u := art.NewReuse(s.Seed, s.Mark)
		return art.EncodeJPEG(u.Apply(src), u.Quality)
	}
	pack, err := worldgen.LookPackage(s.Look)
	if err != nil {
		return nil, err
	}
	r := art.NewRand(s.Seed)
	return art.EncodeJPEG(art.OwnScene(r.Uint64(), pack).Render(), r.Range(60, 85))
}

func (m *Market) officialImage(name string) (image.Image, error) {
	m.mu.Lock()
	o := m.official[name]
	if o == nil {
		o = &officialPhoto{}
		m.official[name] = o
	}
	m.mu.Unlock()
	o.once.Do(func() {
		f, err := CatalogFS().Open(name)
		if err != nil {
			o.err = fmt.Errorf("open official photo: %w", err)
			return
		}
		defer f.Close()
		if o.img, err = jpeg.Decode(f); err != nil {
			o.err = fmt.Errorf("decode official photo %s: %w", name, err)
		}
	})
	return o.img, o.err
}
