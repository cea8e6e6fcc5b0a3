package shadowscan

import (
	"net/url"
	"strings"
)

// trackingParams are query parameters that say how a visitor reached a
// page, not which page it is: two URLs that differ only in them are one
// listing. Marketplaces add them to every link of a search page (Taobao
// and Tmall spm, scm, ali_trackid, union_lens; JD and Pinduoduo from,
// pvid; Amazon ref, qid, sr, keywords; Vinted referrer; any site's
// position and utm_* tags).
var trackingParams = map[string]bool{
	"spm": true, "scm": true, "pvid": true, "ref": true, "ref_": true, "from": true, "source": true, "src": true,
	"track": true, "trackid": true, "clickid": true, "gclid": true, "fbclid": true, "abbucket": true, "ns": true,
	"ali_refid": true, "ali_trackid": true, "sr": true, "qid": true, "keywords": true, "_ga": true, "tracelog": true,
	"pos": true, "position": true, "rank": true, "search_id": true, "searchid": true, "traceid": true, "trace_id": true,
	"spm_id_from": true, "share_from": true, "share_token": true, "scene": true, "sp_atk": true, "xptdk": true,
	"referrer": true, "referer": true, "union_lens": true,
}

// IsTrackingParam reports whether the query parameter k only says how a
// visitor reached a page (utm_*, spm, ref, ...).
func IsTrackingParam(k string) bool {
	k = strings.ToLower(k)
	return trackingParams[k] || strings.HasPrefix(k, "utm_")
}

// ListingPath is what identifies a listing page within its site: the
// path without a trailing slash and the query, sorted, without tracking
// parameters. Scheme, host and port are left out: a site answers on
// several hosts (www., m.), and a test copy of it on a new port each run.
// It is "" for a URL that does not parse.
func ListingPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return "/" + strings.Trim(u.EscapedPath(), "/") + "?" + withoutTracking(u.Query()).Encode()
}

// withoutTracking deletes the tracking parameters from q and returns it.
func withoutTracking(q url.Values) url.Values {
	for k := range q {
		if IsTrackingParam(k) {
			q.Del(k)
		}
	}
	return q
}
