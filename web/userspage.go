package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// usersData is the users page's content.
type usersData struct {
	Users []shadowscan.User
	Roles []shadowscan.Role
	// Me is the signed-in admin ("" in single-user mode).
	Me string
	// Token is a token just issued, shown once, and whose it is.
	Token, TokenFor string
	// Done says what the last action did.
	Done string
}

// handleUsers lists the users with forms to add, change and remove them
// (admins only; the routes check).
func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, usersData{Done: r.URL.Query().Get("done")})
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, d usersData) {
	us, err := s.cfg.Users.List(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d.Users, d.Roles = us, shadowscan.Roles
	if u := userOf(r); u != nil {
		d.Me = u.Name
	}
	if len(d.Done) > 200 {
		d.Done = ""
	}
	data := s.page(w, r, "Users", "users")
	data.Data = d
	s.render(w, r, "users", data)
}

// notSelf refuses an admin's change to their own account that could lock
// the team out: another admin makes it.
func notSelf(r *http.Request, name, what string) error {
	if u := userOf(r); u != nil && u.Name == name {
		return &httpError{status: http.StatusConflict, code: shadowscan.ECONFLICT, message: "you cannot " + what + " yourself: another admin can (or shadowscan users on the command line)"}
	}
	return nil
}

func (s *Server) handleUserAddForm(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostFormValue("name"))
	role, err := shadowscan.ParseRole(r.PostFormValue("role"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if _, err := s.cfg.Users.Add(r.Context(), name, role, r.PostFormValue("password")); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.usersDone(w, r, "user "+name+" added as "+string(role))
}

func (s *Server) handleUserRoleForm(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	role, err := shadowscan.ParseRole(r.PostFormValue("role"))
	if err == nil {
		err = notSelf(r, name, "change the role of")
	}
	if err == nil {
		err = s.cfg.Users.SetRole(r.Context(), name, role)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.usersDone(w, r, name+" is now "+string(role))
}

func (s *Server) handleUserRemoveForm(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	err := notSelf(r, name, "remove")
	if err == nil {
		err = s.cfg.Users.Remove(r.Context(), name)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.usersDone(w, r, "user "+name+" removed")
}

// handleUserTokenForm issues a new API token and shows it once, on the
// answer to the POST itself: it is never in a URL or stored in the clear.
func (s *Server) handleUserTokenForm(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	tok, err := s.cfg.Users.IssueToken(r.Context(), name)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.renderUsers(w, r, usersData{Token: tok, TokenFor: name})
}

// usersDone goes back to the users page saying what was done; when the
// first user was just added the server now asks for a login.
func (s *Server) usersDone(w http.ResponseWriter, r *http.Request, done string) {
	http.Redirect(w, r, "/users?done="+url.QueryEscape(done), http.StatusSeeOther)
}
