package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// HitView and ListingView are the JSON shapes of the API, shared with the
// CLI's --json output.
type (
	HitView     = shadowscan.HitView
	ListingView = shadowscan.ListingView
)

// Paging limits.
const (
	defaultPageSize = 50
	maxPageSize     = 500
	// maxOffset bounds how deep a page may start: the store skips by
	// walking its index, so a huge offset is a slow request.
	maxOffset = 1_000_000
	// maxSortByLastSeen is how many hits the queue sorts by last seen in
	// memory; larger result sets must be narrowed first.
	maxSortByLastSeen = 2000
)

// queueQuery is the review queue's query: filters, text, sort and page.
type queueQuery struct {
	Filter shadowscan.HitFilter
	// Text searches titles, seller ids and names, SKUs and listing ids
	// ("" for none).
	Text string
	Sort string // "score" or "last_seen"
	Page int    // 1-based, pages only
}

// parseQueueQuery reads filters, sort and paging from URL query values.
// Errors are EINVALID and name the parameter and what is accepted.
func parseQueueQuery(q url.Values, apiPaging bool) (queueQuery, error) {
	var out queueQuery
	f := &out.Filter
	bad := func(name, val, accepted string) error {
		return &shadowscan.FieldError{Field: name, Msg: strconv.Quote(val) + " is not valid", Accepted: accepted}
	}
	if v := q.Get("status"); v != "" {
		st, err := shadowscan.ParseStatus(v)
		if err != nil {
			return out, err
		}
		f.Status = st
	}
	if v := q.Get("category"); v != "" {
		c, err := shadowscan.ParseCategory(v)
		if err != nil {
			return out, err
		}
		f.Category = c
	}
	for name, dst := range map[string]*string{"brand": &f.BrandID, "site": &f.Site, "seller": &f.SellerID} {
		v := q.Get(name)
		if len(v) > 200 {
			return out, bad(name, v[:20]+"…", "at most 200 bytes")
		}
		*dst = v
	}
	if v := strings.TrimSpace(q.Get("q")); v != "" {
		if len(v) > 200 {
			return out, bad("q", v[:20]+"…", "at most 200 bytes")
		}
		out.Text = v
	}
	if v := q.Get("min_score"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 100 {
			return out, bad("min_score", v, "a score from 0 to 100")
		}
		f.MinScore = n
	}
	out.Sort = "score"
	switch v := q.Get("sort"); v {
	case "", "score":
	case "last_seen":
		out.Sort = v
	default:
		return out, bad("sort", v, "score or last_seen")
	}
	f.Limit = defaultPageSize
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			return out, bad("limit", v, "a number from 1 to 500")
		}
		f.Limit = n
	}
	if apiPaging {
		if v := q.Get("offset"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > maxOffset {
				return out, bad("offset", v, "a number from 0 to 1000000")
			}
			f.Offset = n
		}
		return out, nil
	}
	out.Page = 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxOffset/f.Limit {
			return out, bad("page", v, "a page number from 1")
		}
		out.Page = n
	}
	f.Offset = (out.Page - 1) * f.Limit
	return out, nil
}

// values renders the query back as URL values (without paging).
func (q queueQuery) values() url.Values {
	v := url.Values{}
	f := q.Filter
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("status", string(f.Status))
	set("category", string(f.Category))
	set("brand", f.BrandID)
	set("site", f.Site)
	set("seller", f.SellerID)
	set("q", q.Text)
	if f.MinScore > 0 {
		v.Set("min_score", strconv.Itoa(f.MinScore))
	}
	if q.Sort != "score" {
		v.Set("sort", q.Sort)
	}
	if f.Limit != defaultPageSize {
		v.Set("limit", strconv.Itoa(f.Limit))
	}
	return v
}

// pathID reads the {name} path value as a positive integer id.
func pathID(r *http.Request, name string) (uint64, error) {
	v := r.PathValue(name)
	id, err := strconv.ParseUint(v, 10, 64)
	if err != nil || id == 0 {
		return 0, &shadowscan.FieldError{Field: name, Msg: strconv.Quote(v) + " is not an id", Accepted: "a positive whole number, such as 12"}
	}
	return id, nil
}

// splitLines splits a textarea into trimmed, non-empty lines.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
