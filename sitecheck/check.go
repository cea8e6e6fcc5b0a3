package sitecheck

import (
	"slices"
	"sort"

	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/rules"
)

// Fields are the listing fields a report counts, in the order it shows
// them.
var Fields = []string{"id", "title", "price", "currency", "seller_id", "seller_name", "images", "description", "removed", "url"}

// Source kinds a report groups the fields' sources by. A field that came
// from the rule's own selector or JSON path counts as ViaSelector; the
// others are the crawler's Via values (json-ld, microdata, opengraph,
// literal, url, url-hash, price-text).
const ViaSelector = "selector"

// Options tunes a check.
type Options struct {
	// Search reads the pages as search result pages: it counts the
	// listing links and next-page links they give, and checks the fields
	// of listings a JSON search page carries inline.
	Search bool
}

// Report is the outcome of a check.
type Report struct {
	Site   string `json:"site"`
	Format string `json:"format"`
	// Pages is how many pages were read; Listings how many listings they
	// gave (one a listing page; those inline on search pages).
	Pages    int `json:"pages"`
	Listings int `json:"listings"`
	// Failed are the pages that could not be read, with why.
	Failed []PageError `json:"failed"`
	// Fields has one entry per field of Fields.
	Fields []FieldStat `json:"fields"`
	// Collisions are the ids that listings at different URLs share: in a
	// scan, the later would be kept apart only as an id_conflict.
	Collisions []Collision `json:"collisions"`
	// UniqueIDs is how many distinct ids the listings have.
	UniqueIDs int `json:"unique_ids"`
	// Search is set with Options.Search.
	Search *SearchStat `json:"search,omitempty"`
	// Details has each page's extraction.
	Details []PageDetail `json:"details"`
}

// PageError is a page that could not be read.
type PageError struct {
	Page  string `json:"page"`
	Error string `json:"error"`
}

// FieldStat is how often a field was found, and from where.
type FieldStat struct {
	Field string `json:"field"`
	Found int    `json:"found"`
	// Of is how many listings were read.
	Of int `json:"of"`
	// Via counts the listings by the source kind that served the field.
	Via map[string]int `json:"via"`
	// Selectors counts the rule's selectors (or paths) that served it.
	Selectors map[string]int `json:"selectors,omitempty"`
}

// Rate is Found over Of, 0 when nothing was read.
func (f FieldStat) Rate() float64 {
	if f.Of == 0 {
		return 0
	}
	return float64(f.Found) / float64(f.Of)
}

// Collision is an id shared by listings at different URLs.
type Collision struct {
	ID    string   `json:"id"`
	Pages []string `json:"pages"`
	URLs  []string `json:"urls"`
}

// SearchStat sums what search pages gave.
type SearchStat struct {
	Links         int `json:"links"`
	DistinctLinks int `json:"distinct_links"`
	MinLinks      int `json:"min_links"`
	MaxLinks      int `json:"max_links"`
	WithNext      int `json:"pages_with_next"`
}

// PageDetail is one page's extraction.
type PageDetail struct {
	Page    string `json:"page"`
	URL     string `json:"url"`
	URLFrom string `json:"url_from"`
	// Listings are the listings read from the page with where each field
	// came from.
	Listings []crawler.ExtractedListing `json:"listings,omitempty"`
	// Links and Next are what a search page gave.
	Links []string `json:"links,omitempty"`
	Next  string   `json:"next,omitempty"`
}

// knownVia are the crawler's source names that are not the rule's own.
var knownVia = []string{crawler.ViaJSONLD, crawler.ViaMicrodata, crawler.ViaOpenGraph, crawler.ViaLiteral, crawler.ViaURL, crawler.ViaURLHash, crawler.ViaStatus, crawler.ViaPrice}

// ViaKind groups a FieldSource.Via: the crawler's fallback names as they
// are, anything else (a selector or path of the rule) as ViaSelector.
func ViaKind(via string) string {
	if slices.Contains(knownVia, via) {
		return via
	}
	return ViaSelector
}

// JSON reports whether the pages a check with opts reads are JSON: the
// search rules' format with Options.Search, else the listing rules'.
func (o Options) JSON(site *rules.Site) bool {
	if o.Search {
		return site.Search.JSON()
	}
	return site.Listing.JSON()
}

// Check runs site's rules over pages. It fetches nothing.
func Check(site *rules.Site, pages []Page, opts Options) *Report {
	rep := &Report{Site: site.Name, Format: "html", Pages: len(pages)}
	if opts.JSON(site) {
		rep.Format = rules.FormatJSON
	}
	stats := map[string]*FieldStat{}
	for _, f := range Fields {
		stats[f] = &FieldStat{Field: f, Via: map[string]int{}, Selectors: map[string]int{}}
	}
	if opts.Search {
		rep.Search = &SearchStat{MinLinks: -1}
	}
	distinct := map[string]bool{}
	for _, p := range pages {
		d := PageDetail{Page: p.Name, URL: p.URL, URLFrom: p.URLFrom}
		if opts.Search {
			res, err := crawler.ExtractSearch(site, p.URL, p.Body, p.contentType())
			if err != nil {
				rep.Failed = append(rep.Failed, PageError{Page: p.Name, Error: err.Error()})
				continue
			}
			d.Links, d.Next, d.Listings = res.Links, res.Next, res.Inline
			s := rep.Search
			s.Links += len(res.Links)
			if s.MinLinks < 0 || len(res.Links) < s.MinLinks {
				s.MinLinks = len(res.Links)
			}
			s.MaxLinks = max(s.MaxLinks, len(res.Links))
			if res.Next != "" {
				s.WithNext++
			}
			for _, l := range res.Links {
				distinct[l] = true
			}
		} else {
			l, src, err := crawler.ExtractSaved(site, p.URL, p.Body, p.contentType())
			if err != nil {
				rep.Failed = append(rep.Failed, PageError{Page: p.Name, Error: err.Error()})
				continue
			}
			d.Listings = []crawler.ExtractedListing{{Listing: l, Sources: src}}
		}
		for _, el := range d.Listings {
			rep.Listings++
			count(stats, el.Sources)
		}
		rep.Details = append(rep.Details, d)
	}
	if rep.Search != nil {
		rep.Search.DistinctLinks = len(distinct)
		rep.Search.MinLinks = max(rep.Search.MinLinks, 0)
	}
	for _, f := range Fields {
		st := stats[f]
		st.Of = rep.Listings
		if len(st.Selectors) == 0 {
			st.Selectors = nil
		}
		rep.Fields = append(rep.Fields, *st)
	}
	rep.Collisions, rep.UniqueIDs = collisions(rep.Details)
	return rep
}

// count adds one listing's sources to stats, each field once.
func count(stats map[string]*FieldStat, src []crawler.FieldSource) {
	seen := map[string]bool{}
	for _, s := range src {
		st, ok := stats[s.Field]
		if !ok || seen[s.Field] || s.Value == "" {
			continue
		}
		seen[s.Field] = true
		st.Found++
		kind := ViaKind(s.Via)
		st.Via[kind]++
		if kind == ViaSelector {
			st.Selectors[s.Via]++
		}
	}
}

// collisions returns the ids that listings at different URLs share, and
// how many distinct ids there are. The same URL saved twice is one
// listing, not a collision.
func collisions(details []PageDetail) ([]Collision, int) {
	type where struct{ page, url string }
	byID := map[string][]where{}
	for _, d := range details {
		for _, el := range d.Listings {
			byID[el.Listing.ID] = append(byID[el.Listing.ID], where{d.Page, el.Listing.URL})
		}
	}
	var out []Collision
	for id, ws := range byID {
		urls := map[string]bool{}
		for _, w := range ws {
			urls[w.url] = true
		}
		if len(urls) < 2 {
			continue
		}
		c := Collision{ID: id}
		for _, w := range ws {
			c.Pages = append(c.Pages, w.page)
		}
		for u := range urls {
			c.URLs = append(c.URLs, u)
		}
		sort.Strings(c.Pages)
		sort.Strings(c.URLs)
		c.Pages = slices.Compact(c.Pages)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, len(byID)
}
