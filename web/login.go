package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// loginData is the login page's content.
type loginData struct {
	Next  string
	Error string
	// Named asks for a user name and password instead of the token.
	Named bool
	// NoLogin says this server needs no login: loopback, single-user.
	NoLogin bool
}

// safeNext keeps a post-login redirect on this site: a local path only.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	return next
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	named, err := s.usersOn(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	data := s.page(w, r, "Log in", "")
	data.Data = loginData{Next: safeNext(r.URL.Query().Get("next")), Named: named, NoLogin: !named && !s.cfg.RequireToken}
	s.render(w, r, "login", data)
}

// handleLogin checks the posted name and password (named users) or token
// and sets the login cookie.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.PostFormValue("next"))
	named, err := s.usersOn(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if named {
		s.loginUser(w, r, next)
		return
	}
	if s.cfg.Token == "" || !equal(strings.TrimSpace(r.PostFormValue("token")), s.cfg.Token) {
		data := s.page(w, r, "Log in", "")
		data.Data = loginData{Next: next, Error: "That token is not the one serve printed. Look for it in the file beside the store."}
		s.renderStatus(w, r, "login", data, http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: s.sessionValue(), Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: 30 * 24 * 3600})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// loginUser starts a named user's session. The cookie holds only the
// random session id; it is Secure unless the page came over plain http
// to a loopback name, where a browser would not send it back otherwise.
func (s *Server) loginUser(w http.ResponseWriter, r *http.Request, next string) {
	name := strings.TrimSpace(r.PostFormValue("name"))
	id, _, err := s.cfg.Users.Login(r.Context(), name, r.PostFormValue("password"))
	if err != nil {
		if shadowscan.ErrorCode(err) == shadowscan.EINTERNAL {
			s.pageError(w, r, err)
			return
		}
		// Slow down guessing a little beyond bcrypt's own cost.
		time.Sleep(200 * time.Millisecond)
		data := s.page(w, r, "Log in", "")
		data.Data = loginData{Next: next, Named: true, Error: "Wrong user name or password."}
		s.renderStatus(w, r, "login", data, http.StatusUnauthorized)
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.cfg.Users.Logout(c.Value) // a new login replaces the old session
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: secureCookie(r)})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// secureCookie reports whether a cookie must be Secure: always, but for
// plain http to a loopback host.
func secureCookie(r *http.Request) bool {
	return r.TLS != nil || !IsLoopback(hostWithPort(r.Host))
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil && s.cfg.Users != nil {
		s.cfg.Users.Logout(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: secureCookie(r), MaxAge: -1})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
