package crawler

import (
	"fmt"
	"net/url"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// SearchResult is what a site's search rules read from one result page.
type SearchResult struct {
	// Links are the listing links, resolved against the page URL, in page
	// order, without duplicates; at most the crawler's per-page cap.
	Links []string `json:"links"`
	// Inline are the listings a JSON search page carries inline
	// (search.listings), each with where its fields came from.
	Inline []ExtractedListing `json:"inline,omitempty"`
	// Next is the next-page link or cursor as the rule selected it, ""
	// when the page gives none (then a scan counts {page} up).
	Next string `json:"next,omitempty"`
}

// ExtractedListing is one listing with the source of each field.
type ExtractedListing struct {
	Listing shadowscan.Listing `json:"listing"`
	Sources []FieldSource      `json:"sources"`
}

// ExtractSaved is Extract for a saved page whose Content-Type is known
// (or assumed, as "text/html; charset=utf-8" for a file that is valid
// UTF-8): the type names the character set when the page does not, as
// the response header does in a scan.
func ExtractSaved(site *rules.Site, pageURL string, body []byte, contentType string) (shadowscan.Listing, []FieldSource, error) {
	if site != nil && site.Listing.JSON() {
		return extractJSON(site, pageURL, body)
	}
	return extract(site, pageURL, body, contentType)
}

// ExtractSearch reads one search result page with site's search rules,
// as a scan would, without fetching anything: for `sites check` and
// tests over saved pages. pageURL resolves relative links; contentType,
// as for ExtractSaved, may name the character set. The error names the
// page when it cannot be read (a JSON rule on a broken body).
func ExtractSearch(site *rules.Site, pageURL string, body []byte, contentType string) (SearchResult, error) {
	var res SearchResult
	base, err := url.Parse(pageURL)
	if site == nil || err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return res, shadowscan.Errorf(shadowscan.EINVALID, "extract search: page url %q is not an absolute http(s) url", pageURL)
	}
	s := site.Search
	var raw []string
	if s.JSON() {
		doc, err := parseJSON(body)
		if err != nil {
			return res, fmt.Errorf("extract search %s: %w", pageURL, err)
		}
		if s.Listings != nil {
			objs, _ := gjsonObjects(doc, s.Listings)
			for _, obj := range objs {
				if l, src, err := jsonListing(site, base, obj, pageURL); err == nil {
					res.Inline = append(res.Inline, ExtractedListing{Listing: l, Sources: src})
					raw = append(raw, l.URL)
				}
			}
		} else {
			raw = jsonSelectAll(doc, s.ListingLinks, maxLinksPerPage)
		}
		if v, _, ok := jsonSelectOne(doc, s.NextPage); ok {
			res.Next = v
		}
	} else {
		doc, err := parseHTML(body, contentType)
		if err != nil {
			return res, fmt.Errorf("extract search %s: %w", pageURL, err)
		}
		raw = selectAll(doc, s.ListingLinks, maxLinksPerPage)
		if v, ok := selectOne(doc, s.NextPage); ok {
			res.Next = v
		}
	}
	seen := map[string]bool{}
	for _, l := range raw {
		if u := normalizeURL(base, l); u != nil && !seen[u.String()] {
			seen[u.String()] = true
			res.Links = append(res.Links, u.String())
		}
	}
	return res, nil
}
