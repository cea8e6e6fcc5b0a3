package web

import (
	"context"
	"net/http"

	"github.com/shadowscan/shadowscan"
)

// Users signs named users in; cmd wires the account package's *Service.
// Without users (Enabled false) the server keeps its single-user mode.
type Users interface {
	// Enabled reports whether any user exists.
	Enabled(ctx context.Context) (bool, error)
	// Login checks a name and password and starts a session, returning its
	// id: EINVALID for a wrong name or password.
	Login(ctx context.Context, name, password string) (string, *shadowscan.User, error)
	// SessionUser returns the user of a live session, read afresh:
	// ENOTFOUND when the session ended or its user was removed.
	SessionUser(ctx context.Context, id string) (*shadowscan.User, error)
	// Logout ends a session.
	Logout(id string)
	// TokenUser returns the user whose API token tok is: EINVALID.
	TokenUser(ctx context.Context, tok string) (*shadowscan.User, error)

	// List returns every user, by name, without secrets.
	List(ctx context.Context) ([]shadowscan.User, error)
	// Add makes a user: EINVALID, ECONFLICT.
	Add(ctx context.Context, name string, role shadowscan.Role, password string) (*shadowscan.User, error)
	// SetRole changes a user's role: ENOTFOUND, EINVALID.
	SetRole(ctx context.Context, name string, role shadowscan.Role) error
	// Remove deletes a user and ends their sessions: ENOTFOUND.
	Remove(ctx context.Context, name string) error
	// IssueToken replaces a user's API token and returns it: ENOTFOUND.
	IssueToken(ctx context.Context, name string) (string, error)
}

// userOf returns the signed-in user, nil in single-user mode.
func userOf(r *http.Request) *shadowscan.User {
	u, _ := r.Context().Value(keyUser).(*shadowscan.User)
	return u
}

func withUser(r *http.Request, u *shadowscan.User) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), keyUser, u))
}

// usersOn reports whether the server runs with named users. A store error
// fails closed: the request is refused rather than let through unsigned.
func (s *Server) usersOn(r *http.Request) (bool, error) {
	if s.cfg.Users == nil {
		return false, nil
	}
	return s.cfg.Users.Enabled(r.Context())
}

// actor is who a change made by this request is recorded as: the signed-in
// user, else (single-user mode) Config.Actor.
func (s *Server) actor(r *http.Request) string {
	if u := userOf(r); u != nil {
		return u.Name
	}
	return s.cfg.Actor
}

// can reports whether the request may do what p gates. Single-user mode
// may do everything.
func (s *Server) can(r *http.Request, p shadowscan.Permission) bool {
	u := userOf(r)
	return u == nil || u.Role.Can(p)
}

// permissionWords says what each permission allows, for refusals.
var permissionWords = map[shadowscan.Permission]string{
	shadowscan.PermTriage: "triage hits",
	shadowscan.PermReport: "mark hits reported or removed",
	shadowscan.PermExport: "export evidence",
	shadowscan.PermScan:   "start or cancel scans",
	shadowscan.PermAdmin:  "manage users, schedules, site logins and backups",
}

// forbidden is the refusal of an action the user's role does not allow.
func forbidden(r *http.Request, p shadowscan.Permission) error {
	u := userOf(r)
	need := "an admin"
	switch {
	case shadowscan.RoleEnforcement.Can(p):
		need = "enforcement or admin"
	case shadowscan.RoleAnalyst.Can(p):
		need = "any role"
	}
	return &httpError{status: http.StatusForbidden, code: codeForbidden,
		message: u.Name + " is " + string(u.Role) + " and may not " + permissionWords[p] + ": that needs " + need + " (an admin can change roles with shadowscan users set-role)"}
}

// need refuses requests whose user may not do p, on the server side: the
// buttons the role cannot use are hidden too, but hiding is no check.
func (s *Server) need(p shadowscan.Permission, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.can(r, p) {
			s.refuse(w, r, forbidden(r, p))
			return
		}
		h(w, r)
	})
}

// movesFor are the moves by hand from st that the request's user may make.
func (s *Server) movesFor(r *http.Request, st shadowscan.Status) []shadowscan.Status {
	out := []shadowscan.Status{}
	for _, to := range st.ManualNext() {
		if s.can(r, shadowscan.MovePermission(to)) {
			out = append(out, to)
		}
	}
	return out
}
