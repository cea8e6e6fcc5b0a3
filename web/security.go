package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// Cookie and header names.
const (
	sessionCookie = "shadowscan_session"
	csrfCookie    = "shadowscan_csrf"
	csrfHeader    = "X-CSRF-Token"
	csrfField     = "csrf_token"
)

// maxFormBytes caps the body of a form or JSON request.
const maxFormBytes = 1 << 20

// contentSecurityPolicy allows nothing but this origin's own scripts,
// styles and images: no inline script or style, no framing, no plugins.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// hostCheck refuses, in loopback mode, requests whose Host is not a
// loopback name: a page elsewhere that rebinds its DNS name to 127.0.0.1
// would otherwise read the UI without a token.
func (s *Server) hostCheck(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.cfg.RequireToken && !IsLoopback(hostWithPort(r.Host)) {
			s.refuse(w, r, &httpError{status: http.StatusForbidden, code: codeForbidden,
				message: "host " + r.Host + " is not a loopback address: open the UI at http://127.0.0.1:PORT, or serve with a token on another address"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func hostWithPort(host string) string {
	if _, _, err := net.SplitHostPort(host); err == nil {
		return host
	}
	return net.JoinHostPort(strings.Trim(host, "[]"), "0")
}

// ctxKey keys request-scoped values.
type ctxKey int

const (
	keyBearer ctxKey = iota
	keyRoute
	// keyUser holds the signed-in *shadowscan.User.
	keyUser
)

// routeHolder carries the matched route pattern out to observe: the mux
// sets it on a request copy that the outer middleware never sees.
type routeHolder struct{ route string }

// withRoute records pattern for observe's metrics.
func withRoute(pattern string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt, ok := r.Context().Value(keyRoute).(*routeHolder); ok {
			rt.route = pattern
		}
		h.ServeHTTP(w, r)
	})
}

// isBearer reports whether the request authenticated with the bearer
// token (an API client, exempt from CSRF).
func isBearer(r *http.Request) bool { v, _ := r.Context().Value(keyBearer).(bool); return v }

// equal compares secrets in constant time.
func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// sessionValue is what the login cookie holds: derived from the token so
// that the cookie never carries the token itself.
func (s *Server) sessionValue() string {
	m := hmac.New(sha256.New, []byte(s.cfg.Token))
	m.Write([]byte("shadowscan login cookie v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// openPath reports paths that need no token: the login form, health, and
// the static files the login page uses.
func openPath(p string) bool {
	return p == "/login" || p == "/healthz" || strings.HasPrefix(p, "/static/")
}

// auth checks the bearer token or the login cookie. A wrong bearer token
// is refused in either mode. With named users (Config.Users has some),
// every request but the open paths needs a user's session or token, on
// loopback too, and carries the user in its context; otherwise the
// shared token guards a non-loopback server.
func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		named, err := s.usersOn(r)
		if err != nil {
			s.refuse(w, r, err)
			return
		}
		if h := r.Header.Get("Authorization"); h != "" {
			tok, ok := strings.CutPrefix(h, "Bearer ")
			tok = strings.TrimSpace(tok)
			if named {
				u, err := s.cfg.Users.TokenUser(r.Context(), tok)
				if !ok || err != nil {
					if err != nil && shadowscan.ErrorCode(err) == shadowscan.EINTERNAL {
						s.refuse(w, r, err)
						return
					}
					s.refuse(w, r, &httpError{status: http.StatusUnauthorized, code: codeUnauthorized, message: "the bearer token is wrong: this server has named users; send Authorization: Bearer TOKEN with a token from shadowscan users token NAME"})
					return
				}
				r = withUser(r, u)
			} else if !ok || s.cfg.Token == "" || !equal(tok, s.cfg.Token) {
				s.refuse(w, r, &httpError{status: http.StatusUnauthorized, code: codeUnauthorized, message: "the bearer token is wrong: send Authorization: Bearer TOKEN with the token serve printed"})
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), keyBearer, true)))
			return
		}
		if named {
			if c, err := r.Cookie(sessionCookie); err == nil {
				u, err := s.cfg.Users.SessionUser(r.Context(), c.Value)
				if err == nil {
					next.ServeHTTP(w, withUser(r, u))
					return
				}
				if shadowscan.ErrorCode(err) == shadowscan.EINTERNAL {
					s.refuse(w, r, err)
					return
				}
			}
			if openPath(r.URL.Path) {
				next.ServeHTTP(w, r)
				return
			}
			s.loginRequired(w, r, "log in with your user name and password at /login, or send Authorization: Bearer TOKEN with a token from shadowscan users token NAME")
			return
		}
		if !s.cfg.RequireToken || openPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		if c, err := r.Cookie(sessionCookie); err == nil && equal(c.Value, s.sessionValue()) {
			next.ServeHTTP(w, r)
			return
		}
		s.loginRequired(w, r, "a token is required: send Authorization: Bearer TOKEN or log in at /login")
	})
}

// loginRequired sends a browser to the login page and refuses API calls.
func (s *Server) loginRequired(w http.ResponseWriter, r *http.Request, msg string) {
	if r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/metrics" {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="shadowscan"`)
	s.refuse(w, r, &httpError{status: http.StatusUnauthorized, code: codeUnauthorized, message: msg})
}

// csrfSeed returns the browser's CSRF cookie value, setting a new one when
// there is none.
func (s *Server) csrfSeed(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 22 && len(c.Value) <= 64 {
		return c.Value
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic("web: crypto/rand failed: " + err.Error())
	}
	v := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	// Later code in this request reads the cookie back.
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: v})
	return v
}

// csrfToken is the token pages put in forms: an HMAC of the browser's
// CSRF cookie under a key that only this process knows, so a cookie
// planted by another site is useless without the matching token.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte(s.csrfSeed(w, r)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (s *Server) validCSRF(r *http.Request, token string) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || token == "" {
		return false
	}
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte(c.Value))
	return equal(token, base64.RawURLEncoding.EncodeToString(m.Sum(nil)))
}

// csrf refuses unsafe requests without a valid CSRF token (header or form
// field) or from another origin. Bearer clients are exempt.
func (s *Server) csrf(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		if isBearer(r) {
			next.ServeHTTP(w, r)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "null" {
			u, err := url.Parse(o)
			if err != nil || u.Host != r.Host {
				s.refuse(w, r, &httpError{status: http.StatusForbidden, code: codeForbidden, message: "cross-origin request refused"})
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		tok := r.Header.Get(csrfHeader)
		if tok == "" && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			tok = r.PostFormValue(csrfField)
		}
		if !s.validCSRF(r, tok) {
			s.refuse(w, r, &httpError{status: http.StatusForbidden, code: codeForbidden, message: "the CSRF token is missing or stale: reload the page and try again (API clients: send Authorization: Bearer TOKEN)"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// refuse answers with err as JSON for API paths and as a page otherwise.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, err error) {
	if wantsJSON(r) {
		s.apiError(w, r, err)
		return
	}
	s.pageError(w, r, err)
}

func wantsJSON(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/metrics" ||
		strings.Contains(r.Header.Get("Accept"), "application/json")
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs each request and records its latency by route.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		rt := &routeHolder{}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), keyRoute, rt)))
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		d := time.Since(start)
		route := rt.route
		if route == "" {
			route = "other"
		}
		s.metrics.observe(route, sw.status, d)
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "dur", d.Round(time.Microsecond))
	})
}
