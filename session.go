package shadowscan

import (
	"net/http"
	"strings"
	"time"
)

// Cookie is one cookie of a site's logged-in session, as a browser kept
// it: what `sites login` imports and what scans send and refresh.
type Cookie struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// Domain is the host or domain it is sent to, lower case, without a
	// leading dot; HostOnly sends it to that host only, not to its
	// subdomains.
	Domain   string `json:"domain"`
	HostOnly bool   `json:"host_only,omitempty"`
	Path     string `json:"path"`
	Secure   bool   `json:"secure,omitempty"`
	HTTPOnly bool   `json:"http_only,omitempty"`
	// Expires is when it lapses; zero for a session cookie.
	Expires time.Time `json:"expires,omitzero"`
}

// Session is the cookies stored for one site.
type Session struct {
	Site    string   `json:"site"`
	Cookies []Cookie `json:"cookies"`
	// Source is the file the cookies were imported from.
	Source string `json:"source,omitempty"`
	// SavedAt is when they were imported; RefreshedAt when a scan last
	// stored what the site set.
	SavedAt     time.Time `json:"saved_at"`
	RefreshedAt time.Time `json:"refreshed_at,omitzero"`
}

// Redacted is what a secret header value is replaced with.
const Redacted = "[redacted]"

// secretHeaders are request and response headers that carry credentials.
var secretHeaders = []string{"Cookie", "Set-Cookie", "Set-Cookie2", "Authorization", "Proxy-Authorization", "Proxy-Authenticate",
	"X-Api-Key", "X-Auth-Token", "X-Csrf-Token", "X-Xsrf-Token", "X-Amz-Security-Token"}

// SecretHeader reports whether a header of this name carries credentials
// (cookies, authorization, API keys, session and CSRF tokens).
func SecretHeader(name string) bool {
	c := http.CanonicalHeaderKey(name)
	for _, s := range secretHeaders {
		if c == s {
			return true
		}
	}
	l := strings.ToLower(c)
	return strings.Contains(l, "token") || strings.Contains(l, "secret") || strings.Contains(l, "session") || strings.Contains(l, "api-key") || strings.Contains(l, "apikey")
}

// RedactHeader returns a copy of h with the value of every secret header
// (SecretHeader) replaced by Redacted: what captures keep, so that no
// evidence bundle carries a session. nil stays nil.
func RedactHeader(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		if SecretHeader(k) {
			red := make([]string, len(vs))
			for i := range red {
				red[i] = Redacted
			}
			out[k] = red
			continue
		}
		out[k] = append([]string(nil), vs...)
	}
	return out
}
