package main

// The second labelled world (testdata/world2): three brands, a marketplace
// whose listing pages carry their fields only as schema.org JSON-LD, and
// listing photos edited in ways a plain resize is not (crops, rotations,
// colour shifts, heavy JPEG, banners, collages, price-tag canvases). It is
// made independently of the demo world so that the matcher is not measured
// only on the world it was tuned on. testdata/world2/README.md says how it
// differs and how it is labelled.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html/template"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/width"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// world2Site is the site name of the second world's marketplace, as its
// site.yaml and catalogue seller references spell it.
const world2Site = "world2-market"

// Limits of the second world's files and server.
const (
	world2MaxFileBytes  = 8 << 20 // listings.json, site.yaml, one photo
	world2PageSize      = 12      // results per search page
	world2MaxPage       = 1000    // higher page numbers are refused
	world2MaxQueryRunes = 200     // longer queries are cut
	world2MaxEdits      = 8       // edits on one photo
	world2MaxSide       = 1200    // largest side of an edited photo
)

// world2Listing is one offer of the second world with its label, as
// testdata/world2/listings.json holds it.
type world2Listing struct {
	// ID is the marketplace's listing id (digits), served at /p/ID.html.
	ID string `json:"id"`
	// Title and Description are the listing text.
	Title       string `json:"title"`
	Description string `json:"description"`
	// SellerID and SellerName are the shop; SellerRef says how the
	// JSON-LD names it: "identifier", "id" (an @id URL) or "url".
	SellerID   string `json:"seller_id"`
	SellerName string `json:"seller_name"`
	SellerRef  string `json:"seller_ref"`
	// Price is the offered price, zero when the page shows none; HighPrice
	// is the top of a price range (Offers "aggregate").
	Price     shadowscan.Amount `json:"price,omitempty"`
	HighPrice shadowscan.Amount `json:"high_price,omitempty"`
	// Currency is the ISO 4217 code of Price.
	Currency string `json:"currency,omitempty"`
	// PriceText is the price as the page shows it to people.
	PriceText string `json:"price_text,omitempty"`
	// Offers is the JSON-LD offers shape: "object", "array" or "aggregate".
	Offers string `json:"offers"`
	// Images are the listing photos in gallery order.
	Images []world2Photo `json:"images"`
	// Keywords are hidden search keywords: search finds the listing by
	// them, the page does not show them.
	Keywords []string `json:"keywords,omitempty"`
	// Truth is the label.
	Truth world2Truth `json:"truth"`
}

// world2Photo is one listing photo: a source file under the world's
// directory and the edits applied to it, in order.
type world2Photo struct {
	Src   string   `json:"src"`
	Edits []string `json:"edits,omitempty"`
}

// world2Truth is one listing's label in listings.json.
type world2Truth struct {
	Flagged  bool                `json:"flagged"`
	Category shadowscan.Category `json:"category,omitempty"`
	Brand    string              `json:"brand,omitempty"`
	SKU      string              `json:"sku,omitempty"`
	Why      string              `json:"why"`
}

// truth returns the label in the form the scorer uses.
func (l *world2Listing) truth() demo.Truth {
	return demo.Truth{Flagged: l.Truth.Flagged, Category: l.Truth.Category, BrandID: l.Truth.Brand, SKU: l.Truth.SKU, Why: l.Truth.Why}
}

// findWorld2Dir returns testdata/world2 of the module, looked for from the
// working directory upwards (make eval runs at the module root, go test in
// cmd/shadowscan-eval).
func findWorld2Dir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find testdata/world2: %w", err)
	}
	for d := wd; ; {
		cand := filepath.Join(d, "testdata", "world2")
		if st, err := os.Stat(filepath.Join(cand, "listings.json")); err == nil && st.Mode().IsRegular() {
			return cand, nil
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	return "", shadowscan.Errorf(shadowscan.ENOTFOUND, "testdata/world2/listings.json not found above %s (run from inside the shadowscan module)", wd)
}

var (
	world2IDPattern   = regexp.MustCompile(`^[0-9]{1,20}$`)
	world2EditPattern = regexp.MustCompile(`^(scale:\d{2,4}|crop:\d{1,2}|rot90|rot270|flip|rot:-?\d{1,2}|jpeg:\d{1,3}|color:(warm|cool|vivid|faded)|banner:[ -~]{1,24}|canvas:.{1,24}|collage:[a-z0-9/._-]{1,120})$`)
)

// loadWorld2 reads the second world in dir: the catalogue files (paths, in
// name order), the site rule's bytes and the labelled listings (sorted by
// id). It checks what the server and scorer rely on: unique ids, known
// offer and seller shapes, labels with a category exactly when flagged,
// photo sources that stay inside dir, and edits it knows.
func loadWorld2(dir string) (catalogFiles []string, site []byte, listings []world2Listing, err error) {
	entries, err := os.ReadDir(filepath.Join(dir, "catalog"))
	if err != nil {
		return nil, nil, nil, fmt.Errorf("load world2: %w", err)
	}
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".json", ".csv":
			if e.Type().IsRegular() {
				catalogFiles = append(catalogFiles, filepath.Join(dir, "catalog", e.Name()))
			}
		}
	}
	sort.Strings(catalogFiles)
	if len(catalogFiles) == 0 {
		return nil, nil, nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "load world2: no catalogue files (.yaml, .json, .csv) in %s", filepath.Join(dir, "catalog"))
	}
	if site, err = readLimited(filepath.Join(dir, "site.yaml")); err != nil {
		return nil, nil, nil, fmt.Errorf("load world2: %w", err)
	}
	name := filepath.Join(dir, "listings.json")
	data, err := readLimited(name)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("load world2: %w", err)
	}
	if listings, err = parseWorld2Listings(name, data); err != nil {
		return nil, nil, nil, err
	}
	return catalogFiles, site, listings, nil
}

// readLimited reads a file of at most world2MaxFileBytes.
func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, world2MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > world2MaxFileBytes {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "%s is larger than %d bytes", name, world2MaxFileBytes)
	}
	return data, nil
}

// parseWorld2Listings decodes and checks listings.json; file names it in
// errors, which carry the listing's index and field.
func parseWorld2Listings(file string, data []byte) ([]world2Listing, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var ls []world2Listing
	if err := dec.Decode(&ls); err != nil {
		return nil, &shadowscan.FieldError{File: file, Msg: fmt.Sprintf("is not a listings file: %v", err), Accepted: "a JSON array of listings as gen.go writes them"}
	}
	seen := map[string]bool{}
	bad := func(i int, field, msg, accepted string) error {
		return &shadowscan.FieldError{File: file, Field: fmt.Sprintf("[%d].%s", i, field), Msg: msg, Accepted: accepted}
	}
	for i := range ls {
		l := &ls[i]
		switch {
		case !world2IDPattern.MatchString(l.ID):
			return nil, bad(i, "id", fmt.Sprintf("%q is not a listing id", l.ID), "1 to 20 digits")
		case seen[l.ID]:
			return nil, bad(i, "id", fmt.Sprintf("%q is repeated", l.ID), "each id once")
		case strings.TrimSpace(l.Title) == "":
			return nil, bad(i, "title", "is empty", "the listing title")
		case l.SellerID == "" || strings.ContainsAny(l.SellerID, "/?#% "):
			return nil, bad(i, "seller_id", fmt.Sprintf("%q is not a seller id", l.SellerID), "a non-empty id without '/', '?', '#', '%' or spaces")
		case l.SellerRef != "identifier" && l.SellerRef != "id" && l.SellerRef != "url":
			return nil, bad(i, "seller_ref", fmt.Sprintf("%q is unknown", l.SellerRef), "identifier, id or url")
		case l.Offers != "object" && l.Offers != "array" && l.Offers != "aggregate":
			return nil, bad(i, "offers", fmt.Sprintf("%q is unknown", l.Offers), "object, array or aggregate")
		case l.Offers == "aggregate" && l.HighPrice < l.Price:
			return nil, bad(i, "high_price", "is under price", "the top of the price range")
		case l.Price < 0:
			return nil, bad(i, "price", "is negative", "a decimal number of 0 (no price) or more")
		case !shadowscan.ValidCurrency(l.Currency):
			return nil, bad(i, "currency", fmt.Sprintf("%q is not a currency code", l.Currency), "an ISO 4217 code such as CNY or HKD")
		case l.Truth.Flagged != (l.Truth.Category != ""):
			return nil, bad(i, "truth.category", fmt.Sprintf("%q does not fit flagged=%v", l.Truth.Category, l.Truth.Flagged), "a category exactly when flagged")
		case l.Truth.Category != "" && !validCategory(l.Truth.Category):
			return nil, bad(i, "truth.category", fmt.Sprintf("%q is not a category", l.Truth.Category), "counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation")
		case strings.TrimSpace(l.Truth.Why) == "":
			return nil, bad(i, "truth.why", "is empty", "one line saying why the label is what it is")
		case len(l.Images) == 0 || len(l.Images) > 8:
			return nil, bad(i, "images", fmt.Sprintf("has %d photos", len(l.Images)), "1 to 8 photos")
		}
		seen[l.ID] = true
		for j, im := range l.Images {
			if !validWorld2Src(im.Src) {
				return nil, bad(i, fmt.Sprintf("images[%d].src", j), fmt.Sprintf("%q is not a photo path", im.Src), "a path under catalog/images/ or photos/ without '..'")
			}
			if len(im.Edits) > world2MaxEdits {
				return nil, bad(i, fmt.Sprintf("images[%d].edits", j), fmt.Sprintf("has %d edits", len(im.Edits)), fmt.Sprintf("at most %d", world2MaxEdits))
			}
			for k, e := range im.Edits {
				if !world2EditPattern.MatchString(e) || (strings.HasPrefix(e, "collage:") && !validWorld2Src(strings.TrimPrefix(e, "collage:"))) {
					return nil, bad(i, fmt.Sprintf("images[%d].edits[%d]", j, k), fmt.Sprintf("%q is not an edit", e),
						"scale:N, crop:PERCENT, rot90, rot270, flip, rot:DEGREES, jpeg:QUALITY, color:warm|cool|vivid|faded, banner:TEXT, canvas:TEXT or collage:PATH")
				}
			}
		}
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].ID < ls[j].ID })
	return ls, nil
}

// validCategory reports whether c is one of shadowscan.Categories.
func validCategory(c shadowscan.Category) bool {
	_, err := shadowscan.ParseCategory(string(c))
	return err == nil
}

// validWorld2Src reports whether p is a clean relative photo path.
func validWorld2Src(p string) bool {
	return p != "" && path.Clean(p) == p && !strings.Contains(p, "..") &&
		(strings.HasPrefix(p, "catalog/images/") || strings.HasPrefix(p, "photos/"))
}

// evaluateWorld2 serves the second world, crawls it with its own site rule
// and the real crawler, matches every listing with the detection rules of
// set, and returns one outcome per labelled listing.
func evaluateWorld2(ctx context.Context, set *rules.Set, dir string, f fetcher) ([]outcome, error) {
	files, siteYAML, listings, err := loadWorld2(dir)
	if err != nil {
		return nil, err
	}
	cat := &shadowscan.Catalog{}
	for _, name := range files {
		f, err := catalog.LoadPath(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("world2 catalogue: %w", err)
		}
		cat.Brands = append(cat.Brands, f.Catalog.Brands...)
		cat.Products = append(cat.Products, f.Catalog.Products...)
	}
	site, err := rules.ParseSite(filepath.Join(dir, "site.yaml"), siteYAML)
	if err != nil {
		return nil, err
	}
	m, err := matcher.New(cat, set.Detection)
	if err != nil {
		return nil, err
	}
	base, stop, err := serveWorld2(dir)
	if err != nil {
		return nil, err
	}
	defer stop()
	verdicts, err := crawlVerdicts(ctx, f, "world2", site, base, cat, m)
	if err != nil {
		return nil, fmt.Errorf("crawl world2: %w", err)
	}
	outs := make([]outcome, 0, len(listings))
	for i := range listings {
		l := &listings[i]
		v, seen := verdicts[l.ID]
		outs = append(outs, outcome{id: l.ID, title: l.Title, truth: l.truth(), verdict: v, seen: seen})
	}
	return outs, nil
}

// ---------------------------------------------------------------- server

// world2Market serves the second world's marketplace.
type world2Market struct {
	root     *os.Root // the world's directory: photo sources cannot leave it
	listings []world2Listing
	byID     map[string]*world2Listing
	hay      []string // normalised searchable text per listing
	bySeller map[string][]*world2Listing

	mu     sync.Mutex
	photos map[string]*world2PhotoEntry
}

// world2PhotoEntry is one edited photo, made at its first request.
type world2PhotoEntry struct {
	once sync.Once
	data []byte
	err  error
}

// serveWorld2 starts the second world's marketplace on 127.0.0.1 at a free
// port and returns its base URL and a function that stops it. Routes:
// /search?kw=Q&p=N (result list, no next link), /p/ID.html (JSON-LD
// listing page), /img/ID/N.jpg (listing photos, edited at their first
// request and cached), /store/ID, /static/blank.gif and /robots.txt.
func serveWorld2(dir string) (baseURL string, stop func(), err error) {
	_, _, listings, err := loadWorld2(dir)
	if err != nil {
		return "", nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", nil, fmt.Errorf("serve world2: %w", err)
	}
	mk := &world2Market{root: root, listings: listings, byID: map[string]*world2Listing{},
		bySeller: map[string][]*world2Listing{}, photos: map[string]*world2PhotoEntry{}}
	for i := range mk.listings {
		l := &mk.listings[i]
		mk.byID[l.ID] = l
		mk.bySeller[l.SellerID] = append(mk.bySeller[l.SellerID], l)
		mk.hay = append(mk.hay, normSearch(l.Title+" "+l.Description+" "+l.SellerName+" "+strings.Join(l.Keywords, " ")))
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		root.Close()
		return "", nil, fmt.Errorf("serve world2: %w", err)
	}
	srv := &http.Server{Handler: mk.handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(ctx)
			root.Close()
		})
	}
	return "http://" + ln.Addr().String(), stop, nil
}

func (mk *world2Market) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "User-agent: *\nDisallow: /cart/\nDisallow: /account/\n")
	})
	mux.HandleFunc("GET /static/blank.gif", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/gif")
		w.Write(blankGIF)
	})
	mux.HandleFunc("GET /search", mk.search)
	mux.HandleFunc("GET /p/{file}", mk.page)
	mux.HandleFunc("GET /img/{id}/{file}", mk.photo)
	mux.HandleFunc("GET /store/{id}/", mk.store)
	mux.HandleFunc("GET /store/{id}", mk.store)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		mk.render(w, "search", world2SearchPage{Query: "", Page: 1})
	})
	return mux
}

// blankGIF is the 1x1 placeholder the lazy gallery shows before its script
// swaps in data-src.
var blankGIF = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

// normSearch folds width and case and drops spaces and punctuation, as a
// marketplace's search index would.
func normSearch(s string) string {
	s = width.Fold.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// searchWorld2 returns the listings whose text or hidden keywords contain
// every word of q.
func (mk *world2Market) match(q string) []*world2Listing {
	var toks []string
	for _, f := range strings.Fields(q) {
		if t := normSearch(f); t != "" {
			toks = append(toks, t)
		}
	}
	if len(toks) == 0 {
		return nil
	}
	var out []*world2Listing
	for i, h := range mk.hay {
		all := true
		for _, t := range toks {
			if !strings.Contains(h, t) {
				all = false
				break
			}
		}
		if all {
			out = append(out, &mk.listings[i])
		}
	}
	return out
}

type world2SearchPage struct {
	Query string
	Page  int
	Total int
	Hits  []*world2Listing
}

func (mk *world2Market) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("kw")
	if rs := []rune(q); len(rs) > world2MaxQueryRunes {
		q = string(rs[:world2MaxQueryRunes])
	}
	page := 1
	if p := r.URL.Query().Get("p"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > world2MaxPage {
			http.Error(w, "page must be a number from 1 to 1000", http.StatusBadRequest)
			return
		}
		page = n
	}
	hits := mk.match(q)
	data := world2SearchPage{Query: q, Page: page, Total: len(hits)}
	if from := (page - 1) * world2PageSize; from < len(hits) {
		data.Hits = hits[from:min(from+world2PageSize, len(hits))]
	}
	mk.render(w, "search", data)
}

type world2ItemPage struct {
	L       *world2Listing
	URL     string
	Lang    string
	LD      map[string]any
	Images  []string
	Related []*world2Listing
}

func (mk *world2Market) page(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(r.PathValue("file"), ".html")
	l := mk.byID[id]
	if !ok || l == nil {
		http.NotFound(w, r)
		return
	}
	base := "http://" + r.Host
	data := world2ItemPage{L: l, URL: base + "/p/" + l.ID + ".html", Lang: "zh-CN"}
	if l.Currency == "HKD" {
		data.Lang = "zh-HK"
	}
	for n := range l.Images {
		data.Images = append(data.Images, fmt.Sprintf("/img/%s/%d.jpg", l.ID, n))
	}
	// Three other listings as "also viewed": text a careless extractor
	// would mistake for this listing's.
	idx := sort.Search(len(mk.listings), func(i int) bool { return mk.listings[i].ID >= l.ID })
	for k := 1; k <= 3; k++ {
		data.Related = append(data.Related, &mk.listings[(idx+k*37)%len(mk.listings)])
	}
	data.LD = world2JSONLD(l, base, data.URL, data.Images)
	mk.render(w, "item", data)
}

// world2JSONLD builds the page's schema.org graph: the page, its
// breadcrumb, the marketplace and the Product with its offers.
func world2JSONLD(l *world2Listing, base, pageURL string, images []string) map[string]any {
	seller := map[string]any{"@type": "Organization", "name": l.SellerName}
	switch l.SellerRef {
	case "identifier":
		seller["identifier"] = l.SellerID
	case "id":
		seller["@id"] = base + "/store/" + l.SellerID
	default:
		seller["url"] = base + "/store/" + l.SellerID + "/"
	}
	offer := map[string]any{"@type": "Offer", "priceCurrency": l.Currency, "availability": "https://schema.org/InStock", "seller": seller, "url": pageURL}
	if l.Price > 0 {
		if len(l.ID)%2 == 0 {
			offer["price"] = json.Number(l.Price.String())
		} else {
			offer["price"] = l.Price.String()
		}
	}
	var offers any = offer
	switch {
	case l.Offers == "aggregate" && l.Price > 0:
		offers = map[string]any{"@type": "AggregateOffer", "lowPrice": l.Price.String(), "highPrice": l.HighPrice.String(),
			"priceCurrency": l.Currency, "offerCount": 3, "seller": seller}
	case l.Offers == "array" && l.Price > 0:
		// The single unit first, then a two-pack of the same offer.
		two := map[string]any{"@type": "Offer", "name": "2件装", "price": (l.Price * 2).String(), "priceCurrency": l.Currency, "seller": seller}
		offers = []any{offer, two}
	}
	var imgs []any
	for i, im := range images {
		if i%2 == 1 {
			imgs = append(imgs, map[string]any{"@type": "ImageObject", "url": base + im})
		} else {
			imgs = append(imgs, base+im)
		}
	}
	product := map[string]any{"@type": "Product", "@id": pageURL + "#product", "name": l.Title, "description": l.Description, "image": imgs, "offers": offers}
	return map[string]any{
		"@context": "https://schema.org",
		"@graph": []any{
			map[string]any{"@type": "WebPage", "@id": pageURL, "name": l.Title + " | 集市二号", "breadcrumb": map[string]any{"@id": pageURL + "#crumbs"}},
			map[string]any{"@type": "BreadcrumbList", "@id": pageURL + "#crumbs", "itemListElement": []any{
				map[string]any{"@type": "ListItem", "position": 1, "name": "首页", "item": base + "/"},
				map[string]any{"@type": "ListItem", "position": 2, "name": l.SellerName, "item": base + "/store/" + l.SellerID},
			}},
			map[string]any{"@type": "Organization", "@id": base + "/#market", "name": "集市二号 World2 Market", "url": base + "/"},
			product,
		},
	}
}

func (mk *world2Market) store(w http.ResponseWriter, r *http.Request) {
	ls, ok := mk.bySeller[r.PathValue("id")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	mk.render(w, "search", world2SearchPage{Query: ls[0].SellerName, Page: 1, Total: len(ls), Hits: ls})
}

func (mk *world2Market) render(w http.ResponseWriter, name string, data any) {
	var buf bytes.Buffer
	if err := world2Pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

var world2Pages = template.Must(template.New("world2").Parse(`
{{define "head"}}<meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/static/m.css">{{end}}
{{define "search"}}<!doctype html>
<html lang="zh-CN"><head>{{template "head"}}<title>{{.Query}} - 搜索 | 集市二号</title></head>
<body class="srp">
<nav class="crumbs"><a href="/">集市二号</a> › 搜索</nav>
<form class="q" action="/search"><input name="kw" value="{{.Query}}"><button>搜索</button></form>
<p class="count">共 {{.Total}} 件商品</p>
<div class="grid"><ul class="items">
{{range .Hits}}<li data-sku="{{.ID}}"><img class="thumb" src="/static/blank.gif" data-src="/img/{{.ID}}/0.jpg" alt=""><h3><a href="/p/{{.ID}}.html">{{.Title}}</a></h3><span class="px">{{.PriceText}}</span><span class="shop">{{.SellerName}}</span></li>
{{end}}</ul></div>
<footer class="pager">第 {{.Page}} 页</footer>
</body></html>{{end}}
{{define "item"}}<!doctype html>
<html lang="{{.Lang}}"><head>{{template "head"}}<title>{{.L.Title}} | 集市二号</title>
<link rel="canonical" href="{{.URL}}">
<script type="application/ld+json">{{.LD}}</script>
</head>
<body class="pdp">
<nav class="crumbs"><a href="/">首页</a> › <a href="/store/{{.L.SellerID}}">{{.L.SellerName}}</a></nav>
<main>
<section class="pics">{{range .Images}}<img src="/static/blank.gif" data-src="{{.}}" alt="">{{end}}</section>
<section class="buy"><h2 class="name">{{.L.Title}}</h2><div class="pricing"><em class="amt">{{if .L.PriceText}}{{.L.PriceText}}{{else}}暂无报价{{end}}</em></div>
<p class="by">店铺 <a href="/store/{{.L.SellerID}}">{{.L.SellerName}}</a></p></section>
<article class="detail"><h4>商品详情</h4><p>{{.L.Description}}</p></article>
<aside class="also"><h4>看了又看</h4><ol>{{range .Related}}<li><a href="/p/{{.ID}}.html">{{.Title}}</a> <b>{{.PriceText}}</b></li>{{end}}</ol></aside>
</main>
</body></html>{{end}}
`))

// ---------------------------------------------------------------- photos

func (mk *world2Market) photo(w http.ResponseWriter, r *http.Request) {
	l := mk.byID[r.PathValue("id")]
	ns, ok := strings.CutSuffix(r.PathValue("file"), ".jpg")
	n, err := strconv.Atoi(ns)
	if l == nil || !ok || err != nil || n < 0 || n >= len(l.Images) {
		http.NotFound(w, r)
		return
	}
	key := l.ID + "/" + ns
	mk.mu.Lock()
	e := mk.photos[key]
	if e == nil {
		e = &world2PhotoEntry{}
		mk.photos[key] = e
	}
	mk.mu.Unlock()
	e.once.Do(func() { e.data, e.err = mk.render2(l, n) })
	if e.err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "max-age=86400")
	w.Write(e.data)
}

// render2 makes photo n of l: its source with the edits applied, as JPEG.
// A photo without edits is served as its source's bytes, so a re-upload of
// an official photo is byte-identical to it.
func (mk *world2Market) render2(l *world2Listing, n int) ([]byte, error) {
	spec := l.Images[n]
	src, raw, err := mk.load(spec.Src)
	if err != nil {
		return nil, err
	}
	if len(spec.Edits) == 0 && bytes.HasPrefix(raw, []byte("\xff\xd8")) {
		return raw, nil
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", l.ID, n)
	seed := h.Sum64()
	img, quality, err := mk.applyEdits(src, spec.Edits, seed)
	if err != nil {
		return nil, fmt.Errorf("photo %s of listing %s: %w", spec.Src, l.ID, err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, fmt.Errorf("encode photo %s of listing %s: %w", spec.Src, l.ID, err)
	}
	return buf.Bytes(), nil
}

// load decodes a source photo inside the world's directory.
func (mk *world2Market) load(name string) (*image.RGBA, []byte, error) {
	f, err := mk.root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, nil, fmt.Errorf("open photo: %w", err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, world2MaxFileBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read photo %s: %w", name, err)
	}
	if len(raw) > world2MaxFileBytes {
		return nil, nil, shadowscan.Errorf(shadowscan.EINVALID, "photo %s is larger than %d bytes", name, world2MaxFileBytes)
	}
	img, _, err := photo.Decode(raw, photo.Limits{MaxBytes: world2MaxFileBytes, MaxWidth: world2MaxSide, MaxHeight: world2MaxSide})
	if err != nil {
		return nil, nil, fmt.Errorf("decode photo %s: %w", name, err)
	}
	return toRGBA(img), raw, nil
}

func toRGBA(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	return out
}

// applyEdits applies edits in order and returns the JPEG quality to encode
// with (the last jpeg:Q, else 88). seed places crops.
func (mk *world2Market) applyEdits(img *image.RGBA, edits []string, seed uint64) (*image.RGBA, int, error) {
	quality := 88
	for _, e := range edits {
		op, arg, _ := strings.Cut(e, ":")
		num := func(lo, hi int) (int, error) {
			v, err := strconv.Atoi(arg)
			if err != nil || v < lo || v > hi {
				return 0, shadowscan.Errorf(shadowscan.EINVALID, "edit %q: want a number from %d to %d", e, lo, hi)
			}
			return v, nil
		}
		switch op {
		case "scale":
			v, err := num(16, world2MaxSide)
			if err != nil {
				return nil, 0, err
			}
			img = scaleTo(img, v, img.Bounds().Dy()*v/img.Bounds().Dx())
		case "crop":
			v, err := num(1, 40)
			if err != nil {
				return nil, 0, err
			}
			img = cropBy(img, v, seed)
		case "rot90":
			img = rotateQuarter(img, true)
		case "rot270":
			img = rotateQuarter(img, false)
		case "flip":
			img = flipH(img)
		case "rot":
			v, err := num(-45, 45)
			if err != nil {
				return nil, 0, err
			}
			img = rotateSmall(img, float64(v))
		case "jpeg":
			v, err := num(1, 100)
			if err != nil {
				return nil, 0, err
			}
			quality = v
		case "color":
			img = colorShift(img, arg)
		case "banner":
			img = banner(img, arg)
		case "canvas":
			img = priceCanvas(img, arg)
		case "collage":
			other, _, err := mk.load(arg)
			if err != nil {
				return nil, 0, fmt.Errorf("edit %q: %w", e, err)
			}
			img = collage(img, other)
		default:
			return nil, 0, shadowscan.Errorf(shadowscan.EINVALID, "unknown edit %q", e)
		}
	}
	return img, quality, nil
}

func scaleTo(img *image.RGBA, w, h int) *image.RGBA {
	w, h = max(1, min(w, world2MaxSide)), max(1, min(h, world2MaxSide))
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(out, out.Bounds(), img, img.Bounds(), draw.Src, nil)
	return out
}

// cropBy cuts pct percent off the width and the height, placed by seed.
func cropBy(img *image.RGBA, pct int, seed uint64) *image.RGBA {
	b := img.Bounds()
	cw, ch := b.Dx()*pct/100, b.Dy()*pct/100
	x0 := int(seed%uint64(cw+1)) + b.Min.X
	y0 := int((seed>>16)%uint64(ch+1)) + b.Min.Y
	r := image.Rect(x0, y0, x0+b.Dx()-cw, y0+b.Dy()-ch)
	out := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), img, r.Min, draw.Src)
	return out
}

func rotateQuarter(img *image.RGBA, clockwise bool) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			c := img.RGBAAt(b.Min.X+x, b.Min.Y+y)
			if clockwise {
				out.SetRGBA(b.Dy()-1-y, x, c)
			} else {
				out.SetRGBA(y, b.Dx()-1-x, c)
			}
		}
	}
	return out
}

func flipH(img *image.RGBA) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.SetRGBA(b.Dx()-1-x, y, img.RGBAAt(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}

// rotateSmall turns the photo by deg degrees about its centre on a white
// ground, as a phone snapshot of a screen or a box is turned.
func rotateSmall(img *image.RGBA, deg float64) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			sx, sy := cos*dx+sin*dy+cx-0.5, -sin*dx+cos*dy+cy-0.5
			out.SetRGBA(x, y, bilinear(img, sx, sy))
		}
	}
	return out
}

func bilinear(img *image.RGBA, x, y float64) color.RGBA {
	b := img.Bounds()
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	at := func(x, y int) [3]float64 {
		if x < 0 || y < 0 || x >= b.Dx() || y >= b.Dy() {
			return [3]float64{255, 255, 255}
		}
		c := img.RGBAAt(b.Min.X+x, b.Min.Y+y)
		return [3]float64{float64(c.R), float64(c.G), float64(c.B)}
	}
	a, bb, c, d := at(x0, y0), at(x0+1, y0), at(x0, y0+1), at(x0+1, y0+1)
	var o [3]uint8
	for i := range o {
		v := a[i]*(1-fx)*(1-fy) + bb[i]*fx*(1-fy) + c[i]*(1-fx)*fy + d[i]*fx*fy
		o[i] = uint8(math.Max(0, math.Min(255, v+0.5)))
	}
	return color.RGBA{o[0], o[1], o[2], 255}
}

// colorShift changes the white balance or saturation of the whole photo.
func colorShift(img *image.RGBA, kind string) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			c := img.RGBAAt(b.Min.X+x, b.Min.Y+y)
			r, g, bl := float64(c.R), float64(c.G), float64(c.B)
			switch kind {
			case "warm":
				r, bl = r*1.12+8, bl*0.85
			case "cool":
				r, bl = r*0.86, bl*1.12+8
			case "vivid", "faded":
				k := 1.5
				if kind == "faded" {
					k = 0.55
				}
				grey := 0.3*r + 0.59*g + 0.11*bl
				r, g, bl = grey+(r-grey)*k, grey+(g-grey)*k, grey+(bl-grey)*k
				if kind == "faded" {
					r, g, bl = r*0.85+30, g*0.85+30, bl*0.85+30
				}
			}
			out.SetRGBA(x, y, color.RGBA{clamp8(r), clamp8(g), clamp8(bl), 255})
		}
	}
	return out
}

func clamp8(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v+0.5))) }

// banner lays a red band with white text across the photo's middle.
func banner(img *image.RGBA, text string) *image.RGBA {
	out := toRGBA(img)
	b := out.Bounds()
	y0, y1 := b.Dy()*40/100, b.Dy()*58/100
	for y := y0; y < y1; y++ {
		for x := 0; x < b.Dx(); x++ {
			c := out.RGBAAt(x, y)
			out.SetRGBA(x, y, color.RGBA{uint8(float64(c.R)*0.2 + 200*0.8), uint8(float64(c.G) * 0.2), uint8(float64(c.B)*0.2 + 20*0.8), 255})
		}
	}
	drawText(out, text, b.Dx()/2, (y0+y1)/2, 3, color.RGBA{255, 255, 255, 255})
	return out
}

// priceCanvas puts the photo on a larger white canvas, off centre, with a
// red price tag in the corner, as shops dress up stolen photos.
func priceCanvas(img *image.RGBA, text string) *image.RGBA {
	const side = 420
	out := image.NewRGBA(image.Rect(0, 0, side, side))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	small := scaleTo(img, 300, 300*img.Bounds().Dy()/img.Bounds().Dx())
	draw.Draw(out, image.Rect(16, 16, 16+small.Bounds().Dx(), 16+small.Bounds().Dy()), small, image.Point{}, draw.Src)
	tag := image.Rect(side-210, side-80, side-10, side-16)
	draw.Draw(out, tag, image.NewUniform(color.RGBA{220, 20, 40, 255}), image.Point{}, draw.Src)
	drawText(out, text, (tag.Min.X+tag.Max.X)/2, (tag.Min.Y+tag.Max.Y)/2, 2, color.RGBA{255, 255, 255, 255})
	return out
}

// collage sets two photos side by side at the same height.
func collage(a, b *image.RGBA) *image.RGBA {
	const h = 300
	sa := scaleTo(a, a.Bounds().Dx()*h/a.Bounds().Dy(), h)
	sb := scaleTo(b, b.Bounds().Dx()*h/b.Bounds().Dy(), h)
	const gap = 8
	out := image.NewRGBA(image.Rect(0, 0, sa.Bounds().Dx()+gap+sb.Bounds().Dx(), h))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(out, sa.Bounds(), sa, image.Point{}, draw.Src)
	draw.Draw(out, sb.Bounds().Add(image.Pt(sa.Bounds().Dx()+gap, 0)), sb, image.Point{}, draw.Src)
	return out
}

// drawText writes text centred on (cx, cy) with the 7x13 bitmap font
// scaled up; characters the font lacks are drawn as its fallback glyph.
func drawText(dst *image.RGBA, text string, cx, cy, scale int, col color.RGBA) {
	face := basicfont.Face7x13
	w := font.MeasureString(face, text).Ceil()
	if w <= 0 {
		return
	}
	small := image.NewAlpha(image.Rect(0, 0, w, 13))
	d := &font.Drawer{Dst: small, Src: image.Opaque, Face: face, Dot: fixed.P(0, 10)}
	d.DrawString(text)
	ox, oy := cx-w*scale/2, cy-13*scale/2
	for y := 0; y < 13*scale; y++ {
		for x := 0; x < w*scale; x++ {
			if small.AlphaAt(x/scale, y/scale).A > 127 {
				if p := image.Pt(ox+x, oy+y); p.In(dst.Bounds()) {
					dst.SetRGBA(p.X, p.Y, col)
				}
			}
		}
	}
}

// world2Find returns the listing with the given id from ls, which is
// sorted by id as loadWorld2 returns it.
func world2Find(ls []world2Listing, id string) (*world2Listing, error) {
	i := sort.Search(len(ls), func(i int) bool { return ls[i].ID >= id })
	if i < len(ls) && ls[i].ID == id {
		return &ls[i], nil
	}
	return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "no listing %q in the second world", id)
}
