package web

import (
	"net/http"
	"strings"
)

// loginData is the login page's content.
type loginData struct {
	Next  string
	Error string
}

// safeNext keeps a post-login redirect on this site: a local path only.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	return next
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	data := s.page(w, r, "Log in", "")
	data.Data = loginData{Next: safeNext(r.URL.Query().Get("next"))}
	s.render(w, r, "login", data)
}

// handleLogin checks the posted token and sets the login cookie.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.PostFormValue("next"))
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

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
