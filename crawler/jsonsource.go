package crawler

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/tidwall/gjson"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// JSON sources: a rule of format json reads search results and listings
// from a marketplace's JSON API with gjson paths. The bytes come from a
// hostile server, so a body is checked whole (size, nesting, syntax)
// before any path runs on it: a cut or malformed body is one clear
// per-page error and never a listing with whatever fields a half
// document happened to give.

// maxJSONDepth caps the nesting of a JSON body. Real APIs nest a dozen
// levels; a body of ten thousand '[' is an attack on the parser's stack.
const maxJSONDepth = 256

// parseJSON checks that body is one JSON object or array within the size
// and nesting limits and returns it parsed.
func parseJSON(body []byte) (gjson.Result, error) {
	if len(body) > maxExtractBytes {
		return gjson.Result{}, fmt.Errorf("json body is %d bytes, more than the %d read", len(body), maxExtractBytes)
	}
	b := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(b) == 0 {
		return gjson.Result{}, errors.New("the body is empty, not json")
	}
	if b[0] != '{' && b[0] != '[' {
		return gjson.Result{}, fmt.Errorf("not json: the body starts with %q (an HTML page, a captcha or an error text?)", clipText(string(b), 40))
	}
	if d := jsonDepth(b); d > maxJSONDepth {
		return gjson.Result{}, fmt.Errorf("json nests more than %d levels deep", maxJSONDepth)
	}
	var raw json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			if se.Offset >= int64(len(b)) || strings.Contains(se.Error(), "unexpected end") {
				return gjson.Result{}, fmt.Errorf("json is cut short after %d bytes (a truncated response?)", len(b))
			}
			return gjson.Result{}, fmt.Errorf("malformed json at byte %d: %v", se.Offset, se)
		}
		return gjson.Result{}, fmt.Errorf("malformed json: %v", err)
	}
	return gjson.ParseBytes(b), nil
}

// jsonDepth returns the deepest nesting of objects and arrays in b,
// skipping strings; it stops counting past maxJSONDepth.
func jsonDepth(b []byte) int {
	depth, deepest := 0, 0
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > deepest {
				deepest = depth
				if deepest > maxJSONDepth {
					return deepest
				}
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return deepest
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return truncateUTF8(s, n) + "..."
}

// jsonScalars returns the scalar values of res, flattening arrays (a
// `#.field` path over nested arrays yields arrays of arrays) and skipping
// objects and nulls: numbers as written, booleans as true/false.
func jsonScalars(res gjson.Result, limit int, out []string) []string {
	if len(out) >= limit {
		return out
	}
	switch {
	case res.IsArray():
		res.ForEach(func(_, v gjson.Result) bool {
			out = jsonScalars(v, limit, out)
			return len(out) < limit
		})
	case res.Type == gjson.String:
		out = append(out, strings.ToValidUTF8(res.Str, "\uFFFD"))
	case res.Type == gjson.Number:
		out = append(out, res.Raw)
	case res.Type == gjson.True:
		out = append(out, "true")
	case res.Type == gjson.False:
		out = append(out, "false")
	}
	return out
}

// jsonSelectAll returns the non-empty values sel selects in doc, filtered
// by its regular expression, at most limit of them.
func jsonSelectAll(doc gjson.Result, sel *rules.Selector, limit int) []string {
	if sel == nil || sel.Path == "" {
		return nil
	}
	return jsonFiltered(doc.Get(sel.Path), sel, limit)
}

// jsonFiltered is jsonSelectAll over res, what sel's path selected.
func jsonFiltered(res gjson.Result, sel *rules.Selector, limit int) []string {
	var out []string
	for _, v := range jsonScalars(res, limit*4, nil) {
		if f, ok := sel.Filter(v); ok && f != "" {
			out = append(out, clipField(f))
			if len(out) == limit {
				break
			}
		}
	}
	return out
}

// jsonSelectOne returns the first value sel selects in doc that its
// regular expression accepts. isNumber says the value was a JSON number
// taken as written (no regex applied).
func jsonSelectOne(doc gjson.Result, sel *rules.Selector) (v string, isNumber, ok bool) {
	if sel == nil || sel.Path == "" {
		return "", false, false
	}
	res := doc.Get(sel.Path)
	if res.Type == gjson.Number && sel.Re == nil {
		return res.Raw, true, true
	}
	vals := jsonFiltered(res, sel, 1) // the path is not run again
	if len(vals) == 0 {
		return "", false, false
	}
	return vals[0], false, true
}

// extractJSON reads one JSON listing response with site's listing rules.
func extractJSON(site *rules.Site, pageURL string, body []byte) (shadowscan.Listing, []FieldSource, error) {
	base, err := url.Parse(pageURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return shadowscan.Listing{}, nil, shadowscan.Errorf(shadowscan.EINVALID, "extract: page url %q is not an absolute http(s) url", pageURL)
	}
	doc, err := parseJSON(body)
	if err != nil {
		return shadowscan.Listing{}, nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	return jsonListing(site, base, doc, pageURL)
}

// jsonExtraction holds one JSON listing object being read.
type jsonExtraction struct {
	rules   *rules.ListingRules
	obj     gjson.Result
	sources []FieldSource
}

func (x *jsonExtraction) note(field, value, via string) {
	x.sources = append(x.sources, FieldSource{Field: field, Value: value, Via: via})
}

// text reads one text field; via is "" when the rule's path found nothing.
func (x *jsonExtraction) text(field string, sel *rules.Selector, dst *string) {
	if v, _, ok := jsonSelectOne(x.obj, sel); ok && v != "" {
		*dst = v
		x.note(field, v, sel.Raw)
	}
}

// jsonListing reads one listing object (a whole listing response, or one
// object of a search page's inline listings) with site's listing rules.
// fetchedURL is the URL the object was fetched from; the listing's URL is
// the rule's url path when it gives one. There are no schema.org fallbacks
// in JSON: a field the rule does not name stays empty. An object that
// gives neither title nor price nor a removed marker is an error, not a
// listing: it is an error document ({"error": "rate limited"}) or a wrong
// path, and storing it would put an empty listing in the review queue.
func jsonListing(site *rules.Site, base *url.URL, obj gjson.Result, fetchedURL string) (shadowscan.Listing, []FieldSource, error) {
	r := &site.Listing
	x := &jsonExtraction{rules: r, obj: obj}
	l := shadowscan.Listing{Site: site.Name, URL: fetchedURL}
	urlVia := ViaURL
	if v, _, ok := jsonSelectOne(obj, r.URL); ok {
		if u := resolveURL(base, v); u != "" {
			l.URL, urlVia = u, r.URL.Raw
		}
	}
	x.note("url", l.URL, urlVia)
	x.text("title", r.Title, &l.Title)
	x.text("description", r.Description, &l.Description)
	x.text("seller_name", r.SellerName, &l.SellerName)
	x.text("seller_id", r.SellerID, &l.SellerID)
	x.text("ship_from", r.ShipFrom, &l.ShipFrom)
	x.price(&l)
	x.images(base, &l)
	if v, _, ok := jsonSelectOne(obj, r.Removed); ok && truthy(v) {
		l.Removed, l.Gone = true, shadowscan.GoneMarker
		x.note("removed", "true", r.Removed.Raw)
	}
	id, via := x.id(l.URL, fetchedURL)
	l.ID = id
	x.note("id", id, via)
	if l.Title == "" && !l.HasPrice && !l.Removed {
		return l, x.sources, shadowscan.Errorf(shadowscan.EINVALID,
			"json listing at %s gives no title, price or removed marker (paths %s, %s): an error response or a wrong path",
			clipURL(fetchedURL), r.Title.String(), r.Price.String())
	}
	return l, x.sources, nil
}

// truthy reads a removed marker's value: anything but empty, false, 0,
// no and null means removed.
func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "false", "0", "no", "null":
		return false
	}
	return true
}

func (x *jsonExtraction) price(l *shadowscan.Listing) {
	r := x.rules
	hint, hintVia := "", ""
	if v, _, ok := jsonSelectOne(x.obj, r.Currency); ok {
		hint, hintVia = v, r.Currency.Raw
	}
	v, isNumber, ok := jsonSelectOne(x.obj, r.Price)
	iso := ""
	if ok {
		if isNumber || plainDecimal.MatchString(v) {
			if a, err := shadowscan.ParseAmount(v); err == nil && a >= 0 {
				l.Price, l.HasPrice = a, true
			}
		} else if p := parsePrice(v, hint, 0); p.ok {
			l.Price, l.HasPrice, iso = p.amount, true, p.iso
		}
		if l.HasPrice {
			x.note("price", l.Price.String(), r.Price.Raw)
		}
	}
	switch c := normalizeCurrency(hint); {
	case r.CurrencyCode != "":
		l.Currency = r.CurrencyCode
		x.note("currency", l.Currency, ViaLiteral)
	case c != "":
		l.Currency = c
		x.note("currency", c, hintVia)
	case iso != "":
		l.Currency = iso
		x.note("currency", iso, ViaPrice)
	}
}

func (x *jsonExtraction) images(base *url.URL, l *shadowscan.Listing) {
	sel := x.rules.Images
	seen := make(map[string]bool)
	for _, raw := range jsonSelectAll(x.obj, sel, maxImages*4) {
		u := resolveURL(base, raw)
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
		x.note("images", strings.Join(names, "\n"), sel.Raw)
	}
}

// id is the HTML id order without the structured-data steps: the rule's
// id path, an id query parameter, an id-looking path segment (of the
// listing's URL, then of the URL fetched), else a hash of the listing URL.
func (x *jsonExtraction) id(listingURL, fetchedURL string) (string, string) {
	if v, _, ok := jsonSelectOne(x.obj, x.rules.ID); ok && v != "" {
		return clipID(v), x.rules.ID.Raw
	}
	for _, u := range []string{listingURL, fetchedURL} {
		if id := idParam(u); id != "" {
			return id, ViaURL
		}
	}
	for _, u := range []string{listingURL, fetchedURL} {
		if id := idSegment(u); id != "" {
			return id, ViaURL
		}
	}
	return URLKey(listingURL), ViaURLHash
}

// extractListing reads a fetched listing page as the site's listing rules
// say: JSON, or HTML (then doc is the parsed page, for the blocked-page
// checks). A JSON rule that got an HTML page checks it for a login or
// captcha page first, so a block reads as a block, not as a parse error.
func (r *run) extractListing(pageURL string, f *fetched) (shadowscan.Listing, *goquery.Document, error) {
	site := r.c.site
	if !site.Listing.JSON() {
		body, ctype := f.html()
		l, _, doc, err := extractDoc(site, pageURL, body, ctype)
		return l, doc, err
	}
	l, _, err := extractJSON(site, pageURL, f.body)
	if err != nil {
		if kind, why := blockedNonJSON(f); kind != "" {
			return l, nil, r.blockedPage(pageURL, kind, why)
		}
	}
	return l, nil, err
}

// blockedNonJSON returns the kind of block page (blockedPage) an HTML
// answer to a JSON request is, and why, or "".
func blockedNonJSON(f *fetched) (kind, why string) {
	b := bytes.TrimSpace(f.body)
	if len(b) == 0 || b[0] != '<' {
		return "", ""
	}
	doc, err := parseHTML(f.body, f.header.Get("Content-Type"))
	if err != nil {
		return "", ""
	}
	return blockedPage(doc)
}

// searchJSONPage reads one fetched JSON search page: it enqueues the
// listing links (or the inline listing objects, kept for fetchListing)
// and returns the URL of the page after it. ok is false when the page
// could not be read.
func (r *run) searchJSONPage(ctx context.Context, query string, page int, u *url.URL, f *fetched, enqueue func(string, *pageTrack)) (next string, ok bool, err error) {
	c := r.c
	s := c.site.Search
	doc, perr := parseJSON(f.body)
	if perr != nil {
		if kind, why := blockedNonJSON(f); kind != "" {
			_ = r.blockedPage(u.String(), kind, why)
			return "", false, nil
		}
		r.stats.addError("parse")
		c.logger.Warn("crawler: search page is not usable json", "url", u, "err", perr)
		return "", false, nil
	}
	track := r.newPageTrack(u.String())
	if err := track.seen(ctx); err != nil {
		return "", false, err
	}
	pageURL := normalizeURL(nil, f.url)
	if pageURL == nil {
		pageURL = u
	}
	var found int
	if s.Listings != nil {
		found = r.inlineListings(doc, pageURL, f, track, enqueue)
	} else {
		links := jsonSelectAll(doc, s.ListingLinks, maxLinksPerPage+1)
		found = r.enqueueLinks(pageURL, links, track, enqueue)
	}
	r.reportProgress()
	switch {
	case s.NextPage != nil:
		if v, _, ok := jsonSelectOne(doc, s.NextPage); ok && found > 0 {
			raw := v
			if s.NextURL != "" {
				raw = c.site.NextURLFor(c.base.String(), query, v, page+1)
			}
			next = r.nextPageURL(pageURL, raw)
		}
	case found == 0 || !strings.Contains(s.URL, "{page}"):
	default:
		next = c.site.SearchURL(c.base.String(), query, page+1)
	}
	return next, true, track.walked(ctx, next)
}

// inlineListings reads the listing objects a JSON search page carries and
// enqueues each under its own URL; fetchListing takes the listing from
// r.inline instead of fetching the URL. It returns how many objects the
// page held. Each listing keeps the search response as its capture: it is
// what the marketplace served about the listing.
func (r *run) inlineListings(doc gjson.Result, pageURL *url.URL, f *fetched, track *pageTrack, enqueue func(string, *pageTrack)) int {
	c := r.c
	objs, over := gjsonObjects(doc, c.site.Search.Listings)
	if over {
		r.stats.addError("trap")
	}
	capture := f.capture(kindPage)
	for i, obj := range objs {
		l, _, err := jsonListing(c.site, pageURL, obj, pageURL.String())
		if err == nil && l.URL == pageURL.String() {
			err = fmt.Errorf("listing object %d has no url at %s", i, c.site.Listing.URL.String())
		}
		if err != nil {
			r.stats.addError("parse")
			c.logger.Warn("crawler: inline listing not read", "page", pageURL, "index", i, "err", err)
			continue
		}
		lu := r.admitListing(pageURL, l.URL)
		if lu == nil {
			continue
		}
		l.URL, l.FetchedAt = lu.String(), f.fetchedAt
		r.inline.Store(l.URL, &Page{Listing: l, Captures: []shadowscan.Capture{capture}})
		enqueue(l.URL, track)
	}
	return len(objs)
}

// gjsonObjects returns the objects sel selects in doc: one object, or the
// objects of an array, at most maxLinksPerPage (over says there were more).
func gjsonObjects(doc gjson.Result, sel *rules.Selector) (objs []gjson.Result, over bool) {
	items := doc.Get(sel.Path)
	if items.IsObject() {
		return []gjson.Result{items}, false
	}
	items.ForEach(func(_, v gjson.Result) bool {
		if v.IsObject() {
			objs = append(objs, v)
		}
		return len(objs) <= maxLinksPerPage
	})
	if len(objs) > maxLinksPerPage {
		return objs[:maxLinksPerPage], true
	}
	return objs, false
}

// inlinePage finishes a listing read inline from a search page: it
// fetches its photos (those wanted, WithPhotosWanted), as fetchListing
// does for a fetched page.
func (r *run) inlinePage(ctx context.Context, p *Page) (*Page, error) {
	if p.Listing.Removed {
		return p, nil
	}
	if err := r.listingPhotos(ctx, &p.Listing, p); err != nil {
		return nil, err
	}
	return p, nil
}
