package crawler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// Limits on what extraction looks at in one page. Pages come from hostile
// servers: a megabyte of JSON-LD or ten thousand images is an attack or a
// bug, not a listing.
const (
	maxExtractBytes = 16 << 20 // page bytes parsed
	maxJSONLDBytes  = 1 << 20  // one JSON-LD script
	maxJSONLDNodes  = 10000    // JSON values visited per page
	maxJSONLDDepth  = 32       // nesting followed when looking for a Product
	maxImages       = 64       // listing images kept
	maxFieldLen     = 64 << 10 // bytes of one text field kept
	maxURLLen       = 2048     // longest URL followed or kept
)

// Via values for fields that did not come from a rule selector.
const (
	ViaJSONLD    = "json-ld"
	ViaMicrodata = "microdata"
	ViaOpenGraph = "opengraph"
	ViaLiteral   = "literal"    // the rule's literal currency code
	ViaURL       = "url"        // the id from the page's (canonical) URL
	ViaURLHash   = "url-hash"   // the id is a hash of the canonical URL: the page gave none
	ViaStatus    = "status"     // removed because the page answered 404 or 410
	ViaPrice     = "price-text" // the currency written in the price text
)

// FieldSource says where one extracted field came from: Field is the
// listing field ("id", "title", "price", "currency", "seller_id",
// "seller_name", "images", "description", "removed", "url"), Value what was
// extracted (images joined by newlines), and Via the rule's selector
// expression, or one of "json-ld", "microdata", "opengraph", "literal",
// "url", "price-text".
type FieldSource struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Via   string `json:"via"`
}

// Extract reads one listing page with site's listing rules. Fields the rules
// do not give (nil selectors, or selectors that match nothing) come from the
// page's schema.org Product in JSON-LD, then microdata, then OpenGraph
// tags. pageURL resolves relative links and supplies the id when nothing
// else does. Listing.Site, URL and the fields found are set; FetchedAt is
// left to the caller. The error is an *shadowscan.Error with code EINVALID
// when pageURL is not an absolute http(s) URL or no listing id can be found.
//
// A site whose listing rules are of format json reads body as JSON with
// gjson paths instead, with no schema.org fallbacks.
func Extract(site *rules.Site, pageURL string, body []byte) (shadowscan.Listing, []FieldSource, error) {
	if site != nil && site.Listing.JSON() {
		return extractJSON(site, pageURL, body)
	}
	return extract(site, pageURL, body, "")
}

// extract is Extract with the response's Content-Type, which names the
// character set when the page does not.
func extract(site *rules.Site, pageURL string, body []byte, contentType string) (shadowscan.Listing, []FieldSource, error) {
	l, src, _, err := extractDoc(site, pageURL, body, contentType)
	return l, src, err
}

// extractDoc is extract that also returns the parsed page, for the checks
// that follow extraction (blocked pages).
func extractDoc(site *rules.Site, pageURL string, body []byte, contentType string) (shadowscan.Listing, []FieldSource, *goquery.Document, error) {
	var l shadowscan.Listing
	if site == nil {
		return l, nil, nil, shadowscan.Errorf(shadowscan.EINVALID, "extract: no site rules")
	}
	base, err := url.Parse(pageURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return l, nil, nil, shadowscan.Errorf(shadowscan.EINVALID, "extract: page url %q is not an absolute http(s) url", pageURL)
	}
	base.Fragment = ""
	doc, err := parseHTML(body, contentType)
	if err != nil {
		return l, nil, nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	if href, ok := doc.FindMatcher(baseSel).First().Attr("href"); ok {
		if b, err := base.Parse(strings.TrimSpace(href)); err == nil && (b.Scheme == "http" || b.Scheme == "https") {
			base = b
		}
	}
	x := &extraction{site: site, doc: doc, base: base}
	l, src, err := x.listing(pageURL)
	return l, src, doc, err
}

// parseHTML decodes body to UTF-8 (from the Content-Type, a BOM or a meta
// charset) and parses it. The HTML5 parser accepts any bytes, so malformed
// markup yields a best-effort tree rather than an error.
func parseHTML(body []byte, contentType string) (*goquery.Document, error) {
	if len(body) > maxExtractBytes {
		body = body[:maxExtractBytes]
	}
	var r io.Reader = bytes.NewReader(body)
	if enc, name, _ := charset.DetermineEncoding(body, contentType); name != "utf-8" && enc != nil {
		r = enc.NewDecoder().Reader(r)
	}
	node, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return goquery.NewDocumentFromNode(node), nil
}

// extraction holds one page being read.
type extraction struct {
	site    *rules.Site
	doc     *goquery.Document
	base    *url.URL
	sources []FieldSource
	// fb holds the page's structured data (JSON-LD, microdata, OpenGraph,
	// in that order), each read on first need: a page whose rule
	// selectors give every field reads only what the private-seller check
	// reaches (the first source naming a seller).
	fb     []*structured
	fbRead int // fallbackReaders run so far
}

// fallbackReaders read the structured sources, in the order they are
// consulted.
var fallbackReaders = [...]func(*extraction) *structured{
	func(x *extraction) *structured { return findJSONLDProduct(x.doc) },
	func(x *extraction) *structured { return findMicrodataProduct(x.doc, x.base) },
	func(x *extraction) *structured { return readOpenGraph(x.doc) },
}

// structured is a schema.org Product (or OpenGraph tags) read from a page.
type structured struct {
	via                    string
	name, description, sku string
	productID, mpn         string
	price, currency        string
	priceIsNumber          bool // a JSON number: '.' is the decimal point
	sellerID, sellerName   string
	sellerPerson           bool // the seller is typed schema.org Person
	images                 []string
}

func (x *extraction) note(field, value, via string) {
	x.sources = append(x.sources, FieldSource{Field: field, Value: value, Via: via})
}

// privateSeller reports whether the page's structured data types the
// listing's seller (the same id or name) as a Person.
func (x *extraction) privateSeller(l *shadowscan.Listing) bool {
	for s := range x.eachFallback {
		if s.sellerID == "" && s.sellerName == "" {
			continue
		}
		same := (s.sellerID != "" && s.sellerID == l.SellerID) || (s.sellerName != "" && s.sellerName == l.SellerName)
		return same && s.sellerPerson
	}
	return false
}

// fallbacks returns the structured sources in the order they are consulted.
func (x *extraction) fallbacks() []*structured {
	for range x.eachFallback {
	}
	return x.fb
}

// eachFallback yields the structured sources in the order they are
// consulted, reading each the first time it is reached.
func (x *extraction) eachFallback(yield func(*structured) bool) {
	for i := 0; ; i++ {
		for i >= len(x.fb) && x.fbRead < len(fallbackReaders) {
			s := fallbackReaders[x.fbRead](x)
			x.fbRead++
			if s != nil {
				x.fb = append(x.fb, s)
			}
		}
		if i >= len(x.fb) || !yield(x.fb[i]) {
			return
		}
	}
}

// text returns the rule's value for a field, else the first non-empty
// fallback value.
func (x *extraction) text(field string, sel *rules.Selector, fb func(*structured) string) (string, string) {
	if sel != nil {
		if v, ok := selectOne(x.doc, sel); ok && v != "" {
			return clipField(v), sel.Raw
		}
	}
	for _, s := range x.fallbacks() {
		if v := fb(s); v != "" {
			return clipField(v), s.via
		}
	}
	return "", ""
}

// noFallback is the fallback of a field schema.org does not carry.
func noFallback(*structured) string { return "" }

// maxDescParts bounds the elements a description is joined from.
const maxDescParts = 16

// description returns the rule's description, else the first non-empty
// fallback. Unlike the other fields, it is the text of every element the
// rule's selector matches, in page order, one a line: a rule such as
// "#feature-bullets, #productDescription" names every part of the
// description, and sellers say in any of them what the title leaves out
// (counterfeit words, removed codes). Blocks inside a part (list items,
// paragraphs, table cells) are kept apart, so that the bullets and the
// cells of an attribute table (品牌 | 维德丽) do not run together. A rule
// that reads an attribute or filters with a regular expression gets one
// value, on one line, as for any field.
func (x *extraction) description(sel *rules.Selector) (string, string) {
	if sel == nil || sel.Attr != "" || sel.Re != nil {
		return x.text("description", sel, func(s *structured) string { return s.description })
	}
	var parts []string
	var taken []*html.Node
	findRule(x.doc.Selection, sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		for _, t := range taken {
			if within(n, t) {
				return true // inside a part already read
			}
		}
		if v, ok := sel.Filter(blockText(n)); ok && v != "" {
			parts = append(parts, v)
			taken = append(taken, n)
		}
		return len(parts) < maxDescParts
	})
	if len(parts) > 0 {
		return clipField(strings.Join(parts, "\n")), sel.Raw
	}
	return x.text("description", nil, func(s *structured) string { return s.description })
}

// within reports whether n is t or lies inside it.
func within(n, t *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == t {
			return true
		}
	}
	return false
}

// blockTags are the elements whose text stands on lines of its own.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true, "div": true,
	"dl": true, "dt": true, "figcaption": true, "footer": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "header": true, "hr": true, "li": true, "ol": true, "p": true, "pre": true,
	"section": true, "table": true, "tbody": true, "td": true, "th": true, "thead": true, "tr": true, "ul": true,
}

// blockText returns the text of n with each block element on lines of
// its own and the spaces within a line collapsed; script and style are
// left out.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "template", "noscript":
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(n)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = collapseSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func (x *extraction) listing(pageURL string) (shadowscan.Listing, []FieldSource, error) {
	r := &x.site.Listing
	l := shadowscan.Listing{Site: x.site.Name, URL: x.canonical(pageURL)}
	x.note("url", l.URL, ViaURL)

	if v, via := x.text("title", r.Title, func(s *structured) string { return s.name }); via != "" {
		l.Title = v
		x.note("title", v, via)
	}
	if v, via := x.description(r.Description); via != "" {
		l.Description = v
		x.note("description", v, via)
	}
	if v, via := x.text("seller_name", r.SellerName, func(s *structured) string { return s.sellerName }); via != "" {
		l.SellerName = v
		x.note("seller_name", v, via)
	}
	if v, via := x.text("seller_id", r.SellerID, func(s *structured) string { return s.sellerID }); via != "" {
		l.SellerID = v
		x.note("seller_id", v, via)
	}
	l.PrivateSeller = x.privateSeller(&l)
	if l.PrivateSeller {
		x.note("private_seller", "yes", "schema.org seller typed Person")
	}
	if v, via := x.text("ship_from", r.ShipFrom, noFallback); via != "" {
		l.ShipFrom = v
		x.note("ship_from", v, via)
	}
	x.price(&l)
	x.images(&l)
	if r.Removed != nil && findRule(x.doc.Selection, r.Removed).Length() > 0 {
		if _, ok := selectOne(x.doc, r.Removed); ok || r.Removed.Re == nil {
			l.Removed, l.Gone = true, shadowscan.GoneMarker
			x.note("removed", "true", r.Removed.Raw)
		}
	}
	id, via := x.id(l.URL, pageURL)
	l.ID = id
	x.note("id", id, via)
	return l, x.sources, nil
}

// canonical returns the page's canonical URL when it is on the same host,
// else pageURL without its fragment.
func (x *extraction) canonical(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return pageURL // the fetched URL parsed before; keep it as it was
	}
	u.Fragment = ""
	if href, ok := x.doc.FindMatcher(canonicalSel).First().Attr("href"); ok {
		if c, err := u.Parse(strings.TrimSpace(href)); err == nil && c.Host == u.Host && (c.Scheme == "http" || c.Scheme == "https") && len(c.String()) <= maxURLLen {
			c.Fragment = ""
			return c.String()
		}
	}
	return u.String()
}

func (x *extraction) price(l *shadowscan.Listing) {
	r := &x.site.Listing
	hint := ""
	hintVia := ""
	if r.Currency != nil {
		if v, ok := selectOne(x.doc, r.Currency); ok {
			hint, hintVia = v, r.Currency.Raw
		}
	}
	var priceSrc *structured
	if r.Price != nil {
		if v, ok := selectOne(x.doc, r.Price); ok {
			p := parsePrice(v, hint, 0)
			if p.ok {
				l.Price, l.HasPrice = p.amount, true
				x.note("price", l.Price.String(), r.Price.Raw)
				if iso := hintCurrency(hint); iso != "" && iso != p.iso && sharedSymbol[p.symbol] {
					// "$4.00" on a page whose currency element says
					// SGD: a symbol many currencies write yields to the
					// code the rule points at.
					p.iso = iso
				}
				if p.iso != "" && r.CurrencyCode == "" {
					l.Currency = p.iso
					via := hintVia
					if via == "" || (searchSafe(v)+searchOther(v) != "" && !sharedSymbol[p.symbol]) {
						via = ViaPrice
					}
					x.note("currency", l.Currency, via)
				}
			}
		}
	}
	if !l.HasPrice {
		for _, s := range x.fallbacks() {
			if a, ok := s.amount(); ok {
				l.Price, l.HasPrice = a, true
				priceSrc = s
				x.note("price", a.String(), s.via)
				break
			}
		}
	}
	switch {
	case r.CurrencyCode != "":
		l.Currency = r.CurrencyCode
		x.note("currency", l.Currency, ViaLiteral)
	case l.Currency != "":
	case hint != "" && isoOf(parsePrice("", hint, 0).symbol) != "":
		l.Currency = isoOf(parsePrice("", hint, 0).symbol)
		x.note("currency", l.Currency, hintVia)
	default:
		// Prefer the currency of the source the price came from.
		order := x.fallbacks()
		if priceSrc != nil {
			order = append([]*structured{priceSrc}, order...)
		}
		for _, s := range order {
			if c := normalizeCurrency(s.currency); c != "" {
				l.Currency = c
				x.note("currency", c, s.via)
				break
			}
		}
	}
}

// sharedSymbol are the currency symbols several currencies write alone:
// "$" (USD, SGD, HKD, AUD, CAD, TWD ...), "¥" (CNY, JPY) and "kr" (SEK,
// NOK, DKK, ISK). Written so in a price, they do not say which currency.
var sharedSymbol = map[string]bool{"$": true, "¥": true, "￥": true, "kr": true, "kr.": true, "Kr": true}

// hintCurrency is the ISO code the rule's currency selector gave, when it
// names one unambiguously ("SGD", "S$", "HK$"); "" otherwise.
func hintCurrency(hint string) string {
	sym := strings.TrimSpace(extractCurrency("", normalizePriceText(hint)))
	if sym == "" || sharedSymbol[sym] {
		return ""
	}
	return isoOf(sym)
}

// amount parses a structured price: JSON numbers and plain decimals as
// written, other text with the price heuristics.
func (s *structured) amount() (shadowscan.Amount, bool) {
	v := strings.TrimSpace(s.price)
	if v == "" {
		return 0, false
	}
	if s.priceIsNumber || plainDecimal.MatchString(v) {
		a, err := shadowscan.ParseAmount(v)
		return a, err == nil && a >= 0
	}
	p := parsePrice(v, s.currency, 0)
	return p.amount, p.ok
}

var plainDecimal = regexp.MustCompile(`^\d{1,15}(\.\d{1,6})?$`)

// normalizeCurrency turns a structured currency value ("usd", "US$", "¥")
// into an ISO 4217 code, or "".
func normalizeCurrency(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if up := strings.ToUpper(s); len(up) == 3 && isISOCode(up) {
		return up
	}
	return parsePrice("", s, 0).iso
}

func (x *extraction) images(l *shadowscan.Listing) {
	var urls []string
	via := ""
	if sel := x.site.Listing.Images; sel != nil {
		urls = selectAll(x.doc, sel, maxImages*4)
		via = sel.Raw
	}
	if len(urls) == 0 {
		for _, s := range x.fallbacks() {
			if len(s.images) > 0 {
				urls, via = s.images, s.via
				break
			}
		}
	}
	seen := make(map[string]bool)
	for _, raw := range urls {
		u := resolveURL(x.base, raw)
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		l.Images = append(l.Images, shadowscan.ListingImage{URL: u})
		if len(l.Images) == maxImages {
			break
		}
	}
	if len(l.Images) > 0 {
		names := make([]string, len(l.Images))
		for i, im := range l.Images {
			names[i] = im.URL
		}
		x.note("images", strings.Join(names, "\n"), via)
	}
}

// id returns the listing id and where it came from, in order of trust:
//
//  1. the rule's id selector;
//  2. an id query parameter of the canonical or page URL (item.htm?id=...),
//     the marketplace's own key by construction;
//  3. the offered item's schema.org productID (JSON-LD, microdata) or
//     OpenGraph product:retailer_item_id;
//  4. an id-looking path segment of the canonical or page URL: digits, or a
//     token of letters and digits (/p/123/title-slug gives 123,
//     /dp/B08N5WRWNW gives B08N5WRWNW), never a slug of words;
//  5. the item's schema.org sku, then mpn;
//  6. otherwise a hash of the canonical URL, which is unique per page.
//
// A title slug is never an id: listings with the same title would share a
// store key and one would overwrite the other.
func (x *extraction) id(canonicalURL, pageURL string) (string, string) {
	if sel := x.site.Listing.ID; sel != nil {
		if v, ok := selectOne(x.doc, sel); ok && v != "" {
			return clipID(v), sel.Raw
		}
	}
	for _, u := range []string{canonicalURL, pageURL} {
		if id := idParam(u); id != "" {
			return id, ViaURL
		}
	}
	for _, s := range x.fallbacks() {
		if s.productID != "" {
			return clipID(s.productID), s.via
		}
	}
	for _, u := range []string{canonicalURL, pageURL} {
		if id := idSegment(u); id != "" {
			return id, ViaURL
		}
	}
	// A sku or mpn is often the maker's product code, shared by every
	// seller of the product (and copied by counterfeiters): it comes after
	// the URL's own id. Two listings that share one are kept apart by the
	// store, which refuses to let a key move to another URL.
	for _, s := range x.fallbacks() {
		if s.sku != "" {
			return clipID(s.sku), s.via
		}
	}
	for _, s := range x.fallbacks() {
		if s.mpn != "" {
			return clipID(s.mpn), s.via
		}
	}
	return URLKey(canonicalURL), ViaURLHash
}

// idParams are query parameters that carry a listing id on common
// marketplaces (item.htm?id=..., detail?itemId=...).
var idParams = []string{"id", "itemId", "item_id", "itemid", "productId", "product_id", "pid", "goods_id", "sku"}

// idFromURL returns the listing id a URL alone gives: its id parameter,
// else an id-looking path segment, else the hash of the URL. It is what a
// page that answered 404 or 410 can be known by.
func idFromURL(raw string) string {
	if id := idParam(raw); id != "" {
		return id
	}
	if id := idSegment(raw); id != "" {
		return id
	}
	return URLKey(raw)
}

// idParam returns the first id query parameter of raw.
func idParam(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	q := u.Query()
	for _, p := range idParams {
		if v := strings.TrimSpace(q.Get(p)); v != "" {
			return clipID(v)
		}
	}
	return ""
}

// idSegment returns the last path segment of raw that looks like an id
// (see idLike), without .html, .htm, .php, .aspx or .jsp. A strong id
// (digits, or a long mixed token) anywhere in the path wins over a weak one
// nearer the end, so /p/123/500g gives 123, not the slug word 500g.
func idSegment(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, seg := range segs {
		for _, ext := range []string{".html", ".htm", ".php", ".aspx", ".jsp"} {
			if s, ok := strings.CutSuffix(seg, ext); ok && s != "" {
				segs[i] = s
				break
			}
		}
	}
	for i := len(segs) - 1; i >= 0; i-- {
		if idLike(segs[i]) == idStrong {
			return clipID(segs[i])
		}
	}
	if id := slugTailID(segs[len(segs)-1]); id != "" {
		return id
	}
	for i := len(segs) - 1; i >= 0; i-- {
		if idLike(segs[i]) == idWeak {
			return clipID(segs[i])
		}
	}
	return ""
}

// slugTailID returns the number a title slug ends in when it is long
// enough to be an id rather than a size, a year or a copy's ordinal:
// "hand-cream-50ml-81234" and "serum-i2210045" carry one, "protein-500g-2"
// and "serum-2026" do not.
func slugTailID(seg string) string {
	i := strings.LastIndexAny(seg, "-_")
	if i < 0 || i == len(seg)-1 {
		return ""
	}
	tail := seg[i+1:]
	digits := strings.TrimPrefix(tail, "i") // Lazada-style "-i123456"
	if len(digits) < 5 || strings.Trim(digits, "0123456789") != "" {
		return ""
	}
	return clipID(tail)
}

type idStrength int

const (
	idNot idStrength = iota
	idWeak
	idStrong
)

// idLike says whether a path segment is an id rather than a word or a
// slug. Strong: all digits (at least 3, so /page/2 is not one), or ASCII
// letters and digits with at least two digits in six characters or more
// (B08N5WRWNW, 5f2a9c01). Weak: a shorter token of letters with a digit
// (md1). A segment with separators (-, _, %, .) is a slug and never an id,
// even when it ends in a number: "protein-500g-2" has siblings.
func idLike(seg string) idStrength {
	if len(seg) < 3 || len(seg) > 64 {
		return idNot
	}
	digits, letters := 0, 0
	for _, r := range seg {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letters++
		default:
			return idNot
		}
	}
	switch {
	case letters == 0:
		return idStrong
	case digits >= 2 && len(seg) >= 6:
		return idStrong
	case digits >= 1:
		return idWeak
	}
	return idNot
}

// URLKey is the listing id of a page that gives no id of its own: "u" and
// the first 16 hex digits of the SHA-256 of its URL without the fragment.
// It is stable across scans as long as the canonical URL is.
func URLKey(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		u.Fragment = ""
		raw = u.String()
	}
	sum := sha256.Sum256([]byte(raw))
	return "u" + hex.EncodeToString(sum[:8])
}

func clipID(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 256 {
		s = truncateUTF8(s, 256)
	}
	return s
}

func clipField(s string) string {
	if len(s) > maxFieldLen {
		return truncateUTF8(s, maxFieldLen)
	}
	return s
}

func truncateUTF8(s string, n int) string {
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// resolveURL resolves raw against base and returns it when it is an http(s)
// URL of sane length; "" otherwise.
func resolveURL(base *url.URL, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxURLLen {
		return ""
	}
	u, err := base.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	s := u.String()
	if len(s) > maxURLLen {
		return ""
	}
	return s
}

// selectValue reads one matched element as the selector says: the
// attribute or the whitespace-collapsed text, then the regular expression.
func selectValue(s *goquery.Selection, sel *rules.Selector) (string, bool) {
	var v string
	if sel.Attr != "" {
		a, ok := s.Attr(sel.Attr)
		if !ok {
			return "", false
		}
		v = strings.TrimSpace(a)
	} else {
		v = collapseSpace(s.Text())
	}
	return sel.Filter(v)
}

// selectOne returns the first matching element's value that the selector
// accepts.
func selectOne(doc *goquery.Document, sel *rules.Selector) (string, bool) {
	if sel == nil || sel.CSS == "" {
		return "", false
	}
	var out string
	found := false
	findRule(doc.Selection, sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if v, ok := selectValue(s, sel); ok {
			out, found = v, true
			return false
		}
		return true
	})
	return out, found
}

// selectAll returns every matching element's non-empty value, at most
// limit of them.
func selectAll(doc *goquery.Document, sel *rules.Selector, limit int) []string {
	if sel == nil || sel.CSS == "" {
		return nil
	}
	var out []string
	findRule(doc.Selection, sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if v, ok := selectValue(s, sel); ok && v != "" {
			out = append(out, v)
		}
		return len(out) < limit
	})
	return out
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// ---- JSON-LD ----

// findJSONLDProduct returns the first schema.org Product in the page's
// JSON-LD scripts, looking through @graph, arrays and nested objects.
func findJSONLDProduct(doc *goquery.Document) *structured {
	var found *structured
	budget := maxJSONLDNodes
	doc.FindMatcher(jsonLDSel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		raw := s.Text()
		if len(raw) > maxJSONLDBytes {
			return true
		}
		raw = strings.TrimSpace(raw)
		raw = strings.TrimPrefix(raw, "<!--")
		raw = strings.TrimSuffix(raw, "-->")
		raw = strings.TrimSuffix(strings.TrimSpace(raw), ";")
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return true
		}
		if p := findProduct(v, 0, &budget); p != nil {
			found = jsonLDProduct(p)
			return false
		}
		return budget > 0
	})
	return found
}

func findProduct(v any, depth int, budget *int) map[string]any {
	*budget--
	if *budget < 0 || depth > maxJSONLDDepth {
		return nil
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if p := findProduct(e, depth+1, budget); p != nil {
				return p
			}
		}
	case map[string]any:
		if hasType(t["@type"], "Product") {
			return t
		}
		// @graph first, then any nested object (mainEntity, itemListElement).
		if g, ok := t["@graph"]; ok {
			if p := findProduct(g, depth+1, budget); p != nil {
				return p
			}
		}
		for k, e := range t {
			if k == "@graph" || k == "@context" {
				continue
			}
			if p := findProduct(e, depth+1, budget); p != nil {
				return p
			}
		}
	}
	return nil
}

// hasType reports whether an @type value (string or array) names want, with
// or without a schema.org prefix.
func hasType(v any, want string) bool {
	match := func(s string) bool {
		s = strings.TrimSpace(s)
		if i := strings.LastIndexAny(s, "/:"); i >= 0 {
			s = s[i+1:]
		}
		return s == want
	}
	switch t := v.(type) {
	case string:
		return match(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && match(s) {
				return true
			}
		}
	}
	return false
}

func jsonLDProduct(p map[string]any) *structured {
	s := &structured{via: ViaJSONLD}
	s.name = collapseSpace(jsonString(p["name"]))
	s.description = strings.TrimSpace(jsonString(p["description"]))
	s.sku = jsonString(p["sku"])
	s.productID, _ = jsonScalar(p["productID"])
	s.mpn, _ = jsonScalar(p["mpn"])
	s.sku, s.productID, s.mpn = strings.TrimSpace(s.sku), strings.TrimSpace(s.productID), strings.TrimSpace(s.mpn)
	s.images = jsonImages(p["image"])
	offers := jsonObjects(p["offers"])
	// An Offer's price first, then an AggregateOffer's lowPrice.
	for _, key := range []string{"price", "lowPrice"} {
		for _, o := range offers {
			price, isNum := jsonScalar(o[key])
			if price == "" && key == "price" {
				if ps := jsonObjects(o["priceSpecification"]); len(ps) > 0 {
					price, isNum = jsonScalar(ps[0]["price"])
				}
			}
			if price != "" {
				s.price, s.priceIsNumber = price, isNum
				s.currency = jsonString(o["priceCurrency"])
				break
			}
		}
		if s.price != "" {
			break
		}
	}
	for _, o := range offers {
		if s.currency == "" {
			s.currency = jsonString(o["priceCurrency"])
		}
		if s.sellerName == "" && s.sellerID == "" {
			s.sellerID, s.sellerName, s.sellerPerson = jsonSeller(o["seller"])
		}
	}
	return s
}

// jsonSeller reads an offer's seller: name; identifier, else the last path
// segment of @id or url; and whether it is typed Person.
func jsonSeller(v any) (id, name string, person bool) {
	objs := jsonObjects(v)
	if len(objs) == 0 {
		return "", jsonString(v), false
	}
	o := objs[0]
	name = collapseSpace(jsonString(o["name"]))
	person = jsonIsPerson(o["@type"])
	if idv, _ := jsonScalar(o["identifier"]); idv != "" {
		return strings.TrimSpace(idv), name, person
	}
	if ids := jsonObjects(o["identifier"]); len(ids) > 0 {
		if v, _ := jsonScalar(ids[0]["value"]); v != "" {
			return strings.TrimSpace(v), name, person
		}
	}
	for _, k := range []string{"@id", "url"} {
		if u := jsonString(o[k]); u != "" {
			if seg := lastSegment(u); seg != "" {
				return seg, name, person
			}
		}
	}
	return "", name, person
}

// jsonIsPerson reports whether a JSON-LD @type (a string or a list) is
// schema.org Person and nothing that makes it a business as well.
func jsonIsPerson(v any) bool {
	var types []string
	switch t := v.(type) {
	case string:
		types = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				types = append(types, s)
			}
		}
	}
	person := false
	for _, t := range types {
		switch strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(t), "https://schema.org/"), "http://schema.org/") {
		case "Person":
			person = true
		default:
			return false // Organization, Store, LocalBusiness ...
		}
	}
	return person
}

// lastSegment returns the last non-empty path segment of a URL or IRI,
// ignoring a fragment ("https://x/shop/77#org" gives "77").
func lastSegment(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	p := strings.TrimRight(u.Path, "/")
	if p == "" {
		if u.Fragment != "" {
			return u.Fragment
		}
		return ""
	}
	return clipID(path.Base(p))
}

func jsonObjects(v any) []map[string]any {
	switch t := v.(type) {
	case map[string]any:
		return []map[string]any{t}
	case []any:
		var out []map[string]any
		for _, e := range t {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// jsonScalar returns a string or number as text; isNum is true for numbers.
func jsonScalar(v any) (s string, isNum bool) {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t), false
	case json.Number:
		return t.String(), true
	case []any:
		if len(t) > 0 {
			return jsonScalar(t[0])
		}
	}
	return "", false
}

// jsonString returns a string value, the first string of an array, or the
// @value / name of an object.
func jsonString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	case []any:
		for _, e := range t {
			if s := jsonString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s, ok := t["@value"].(string); ok {
			return s
		}
		if s, ok := t["name"].(string); ok {
			return s
		}
	}
	return ""
}

func jsonImages(v any) []string {
	var out []string
	var walk func(any, int)
	walk = func(v any, depth int) {
		if depth > 3 || len(out) >= maxImages {
			return
		}
		switch t := v.(type) {
		case string:
			out = append(out, t)
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		case map[string]any:
			if u := jsonString(t["url"]); u != "" {
				out = append(out, u)
			} else if u := jsonString(t["contentUrl"]); u != "" {
				out = append(out, u)
			}
		}
	}
	walk(v, 0)
	return out
}

// ---- microdata ----

// findMicrodataProduct reads the first itemscope with a schema.org Product
// itemtype: its own properties, those of its itemref'd elements, and its
// offers' price, lowPrice, priceCurrency and seller.
func findMicrodataProduct(doc *goquery.Document, base *url.URL) *structured {
	scope := microdataProductScope(doc)
	if scope == nil {
		return nil
	}
	props := microdataProps(doc, scope)
	st := &structured{via: ViaMicrodata}
	st.name = collapseSpace(firstProp(props, "name", base))
	st.description = strings.TrimSpace(firstProp(props, "description", base))
	st.sku = firstProp(props, "sku", base)
	st.productID = firstProp(props, "productID", base)
	st.mpn = firstProp(props, "mpn", base)
	for _, im := range props["image"] {
		if v := microdataValue(im, base); v != "" {
			st.images = append(st.images, v)
		}
	}
	lowPrice, lowCurrency := microdataOffers(doc, props["offers"], base, st)
	if st.price == "" && lowPrice != "" {
		st.price, st.currency = lowPrice, firstNonEmptyString(lowCurrency, st.currency)
	}
	if st.price == "" {
		// Some pages put price directly on the product.
		st.price = firstProp(props, "price", base)
		if st.currency == "" {
			st.currency = firstProp(props, "priceCurrency", base)
		}
	}
	return st
}

// microdataProductScope is the first itemscope whose itemtype is a
// schema.org Product, or nil.
func microdataProductScope(doc *goquery.Document) *goquery.Selection {
	var scope *goquery.Selection
	doc.FindMatcher(itemScopeSel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, t := range strings.Fields(s.AttrOr("itemtype", "")) {
			if hasType(t, "Product") && strings.Contains(strings.ToLower(t), "schema.org") {
				scope = s
				return false
			}
		}
		return true
	})
	return scope
}

// firstProp is the first non-empty value of the property name.
func firstProp(props map[string][]*goquery.Selection, name string, base *url.URL) string {
	for _, p := range props[name] {
		if v := microdataValue(p, base); v != "" {
			return v
		}
	}
	return ""
}

// microdataOffers fills st's price, currency and seller from the first
// offers that give them, and returns the first lowPrice (of an
// AggregateOffer) with its currency, for when no offer has a price.
func microdataOffers(doc *goquery.Document, offers []*goquery.Selection, base *url.URL, st *structured) (lowPrice, lowCurrency string) {
	for _, o := range offers {
		if _, ok := o.Attr("itemscope"); !ok {
			continue
		}
		op := microdataProps(doc, o)
		if price := firstProp(op, "price", base); st.price == "" && price != "" {
			st.price = price
			st.currency = firstProp(op, "priceCurrency", base)
		}
		if low := firstProp(op, "lowPrice", base); lowPrice == "" && low != "" {
			lowPrice, lowCurrency = low, firstProp(op, "priceCurrency", base)
		}
		if st.currency == "" {
			st.currency = firstProp(op, "priceCurrency", base)
		}
		if st.sellerName == "" && len(op["seller"]) > 0 {
			st.sellerName, st.sellerID = microdataSeller(doc, op["seller"][0], base, st.sellerID)
			st.sellerPerson = microdataIsPerson(op["seller"][0])
		}
	}
	return lowPrice, lowCurrency
}

// microdataSeller reads an offer's seller: an Organization or Person
// itemscope (its name, and its identifier or else the last segment of its
// url as the id), or plain text naming it. id is kept when the seller
// gives none.
func microdataSeller(doc *goquery.Document, sel *goquery.Selection, base *url.URL, id string) (name, sellerID string) {
	if _, ok := sel.Attr("itemscope"); !ok {
		return collapseSpace(microdataValue(sel, base)), id
	}
	sp := microdataProps(doc, sel)
	if ns := sp["name"]; len(ns) > 0 {
		name = collapseSpace(microdataValue(ns[0], base))
	}
	if ids := sp["identifier"]; len(ids) > 0 {
		id = microdataValue(ids[0], base)
	}
	if us := sp["url"]; id == "" && len(us) > 0 {
		id = lastSegment(microdataValue(us[0], base))
	}
	return name, id
}

// microdataIsPerson reports whether a seller itemscope is typed
// schema.org Person.
func microdataIsPerson(sel *goquery.Selection) bool {
	if _, ok := sel.Attr("itemscope"); !ok {
		return false
	}
	types := strings.Fields(sel.AttrOr("itemtype", ""))
	return len(types) == 1 && strings.TrimRight(strings.TrimPrefix(strings.TrimPrefix(types[0], "https://"), "http://"), "/") == "schema.org/Person"
}

// microdataProps returns scope's properties by name in document order: the
// elements with itemprop whose nearest enclosing itemscope is scope, within
// scope and within the elements its itemref names.
func microdataProps(doc *goquery.Document, scope *goquery.Selection) map[string][]*goquery.Selection {
	props := make(map[string][]*goquery.Selection)
	root := scope.Get(0)
	add := func(s *goquery.Selection) {
		for _, name := range strings.Fields(s.AttrOr("itemprop", "")) {
			if len(props[name]) < maxImages {
				props[name] = append(props[name], s)
			}
		}
	}
	owned := func(s *goquery.Selection, top *html.Node) bool {
		// The nearest itemscope strictly above s, stopping at top.
		for n := s.Get(0).Parent; n != nil; n = n.Parent {
			if n == root {
				return true
			}
			if hasAttr(n, "itemscope") {
				return false
			}
			if n == top {
				return true
			}
		}
		return false
	}
	scope.FindMatcher(itemPropSel).Each(func(_ int, s *goquery.Selection) {
		if owned(s, root) {
			add(s)
		}
	})
	for _, id := range strings.Fields(scope.AttrOr("itemref", "")) {
		if len(id) > 256 {
			continue
		}
		doc.FindMatcher(idSel).FilterFunction(func(_ int, s *goquery.Selection) bool { return s.AttrOr("id", "") == id }).First().Each(func(_ int, ref *goquery.Selection) {
			top := ref.Get(0)
			if _, ok := ref.Attr("itemprop"); ok {
				add(ref)
			}
			if _, ok := ref.Attr("itemscope"); ok {
				return
			}
			ref.FindMatcher(itemPropSel).Each(func(_ int, s *goquery.Selection) {
				if owned(s, top) {
					add(s)
				}
			})
		})
	}
	return props
}

func hasAttr(n *html.Node, name string) bool {
	for _, a := range n.Attr {
		if a.Key == name {
			return true
		}
	}
	return false
}

// microdataValue is an itemprop's value per the HTML microdata rules.
func microdataValue(s *goquery.Selection, base *url.URL) string {
	if v, ok := s.Attr("content"); ok {
		return strings.TrimSpace(v)
	}
	switch goquery.NodeName(s) {
	case "meta":
		return ""
	case "a", "link", "area":
		return resolveURL(base, s.AttrOr("href", ""))
	case "img", "audio", "video", "source", "iframe", "embed", "track":
		return resolveURL(base, s.AttrOr("src", ""))
	case "object":
		return resolveURL(base, s.AttrOr("data", ""))
	case "data", "meter":
		return strings.TrimSpace(s.AttrOr("value", ""))
	case "time":
		if v, ok := s.Attr("datetime"); ok {
			return strings.TrimSpace(v)
		}
	}
	if _, ok := s.Attr("itemscope"); ok {
		return ""
	}
	return collapseSpace(s.Text())
}

// ---- OpenGraph ----

// readOpenGraph reads og:title, og:description, og:image and the product
// price tags.
func readOpenGraph(doc *goquery.Document) *structured {
	s := &structured{via: ViaOpenGraph}
	found := false
	doc.FindMatcher(metaSel).Each(func(_ int, m *goquery.Selection) {
		key := strings.ToLower(strings.TrimSpace(m.AttrOr("property", m.AttrOr("name", ""))))
		val := strings.TrimSpace(m.AttrOr("content", ""))
		if val == "" {
			return
		}
		switch key {
		case "og:title":
			if s.name == "" {
				s.name, found = collapseSpace(val), true
			}
		case "og:description":
			if s.description == "" {
				s.description, found = val, true
			}
		case "og:image", "og:image:url", "og:image:secure_url":
			if len(s.images) < maxImages {
				s.images, found = append(s.images, val), true
			}
		case "product:price:amount", "og:price:amount", "product:sale_price:amount":
			if s.price == "" {
				s.price, found = val, true
			}
		case "product:price:currency", "og:price:currency", "product:sale_price:currency":
			if s.currency == "" {
				s.currency, found = val, true
			}
		case "product:retailer_item_id", "og:product_id", "product:id":
			if s.productID == "" {
				s.productID = val
			}
		}
	})
	if !found {
		return nil
	}
	return s
}

func firstNonEmptyString(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
