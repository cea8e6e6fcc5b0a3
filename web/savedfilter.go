package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// SavedFilterView is a saved filter as the queue and the API show it to
// one user.
type SavedFilterView struct {
	shadowscan.SavedFilter
	// URL is the queue with the filter applied.
	URL string `json:"url"`
	// Mine: the user asking saved it.
	Mine bool `json:"mine"`
	// CanDelete: the user asking may delete it (its owner, or an admin
	// when it is shared).
	CanDelete bool `json:"can_delete"`
}

// savedFilterBody is POST /api/filters's body and the save form's fields.
type savedFilterBody struct {
	Name   string `json:"name"`
	Shared bool   `json:"shared"`
	// Query is the queue's URL query to save ("status=new&brand=aurora"),
	// without the leading "?".
	Query string `json:"query"`
}

// canonicalQuery checks a queue query as the queue would read it and
// returns it in the form the queue writes (no page, sorted keys), so that
// a saved filter always opens a queue that works, and the same filter
// always reads the same.
func canonicalQuery(raw string) (string, error) {
	raw = strings.TrimPrefix(strings.TrimSpace(raw), "?")
	if len(raw) > shadowscan.MaxSavedFilterQuery {
		return "", &shadowscan.FieldError{Field: "query", Msg: "is too long", Accepted: "at most 2048 bytes"}
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return "", &shadowscan.FieldError{Field: "query", Msg: "is not a URL query: " + err.Error(), Accepted: "a query such as status=new&brand=aurora"}
	}
	for k := range v {
		switch k {
		case "status", "category", "brand", "site", "seller", "q", "min_score", "sort", "limit", "page":
		default:
			return "", &shadowscan.FieldError{Field: "query", Msg: "has the parameter " + k + ", which the queue does not filter on", Accepted: "status, category, brand, site, seller, q, min_score, sort, limit"}
		}
	}
	q, err := parseQueueQuery(v, false)
	if err != nil {
		return "", err
	}
	return q.values().Encode(), nil
}

// saveFilter stores the body as a new filter of the request's user.
func (s *Server) saveFilter(r *http.Request, b savedFilterBody) (*shadowscan.SavedFilter, error) {
	query, err := canonicalQuery(b.Query)
	if err != nil {
		return nil, err
	}
	f := &shadowscan.SavedFilter{Name: strings.TrimSpace(b.Name), Owner: s.actor(r), Shared: b.Shared, Query: query, CreatedAt: s.now().UTC()}
	if err := s.store.SaveFilter(r.Context(), f); err != nil {
		return nil, err
	}
	return f, nil
}

// savedFilterView is f as the request's user sees it.
func (s *Server) savedFilterView(r *http.Request, f shadowscan.SavedFilter) SavedFilterView {
	me := s.actor(r)
	u := "/queue"
	if f.Query != "" {
		u += "?" + f.Query
	}
	mine := f.Owner == me
	return SavedFilterView{SavedFilter: f, URL: u, Mine: mine, CanDelete: mine || (f.Shared && s.can(r, shadowscan.PermAdmin))}
}

// savedFilterViews lists the filters the request's user sees.
func (s *Server) savedFilterViews(r *http.Request) ([]SavedFilterView, error) {
	fs, err := s.store.SavedFilters(r.Context(), s.actor(r))
	if err != nil {
		return nil, err
	}
	out := make([]SavedFilterView, 0, len(fs))
	for _, f := range fs {
		out = append(out, s.savedFilterView(r, f))
	}
	return out, nil
}

// visibleFilter reads the filter of path value "id" that the request's
// user sees. Another user's private filter is ENOTFOUND, as if it did not
// exist: its name is nobody else's business.
func (s *Server) visibleFilter(r *http.Request) (*shadowscan.SavedFilter, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	f, err := s.store.SavedFilter(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !f.VisibleTo(s.actor(r)) {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "saved filter %d is not in the store", id)
	}
	return f, nil
}

// deleteFilter deletes the filter of path value "id" when the request's
// user may: its owner, or an admin when it is shared.
func (s *Server) deleteFilter(r *http.Request) error {
	f, err := s.visibleFilter(r)
	if err != nil {
		return err
	}
	if !s.savedFilterView(r, *f).CanDelete {
		return &httpError{status: http.StatusForbidden, code: codeForbidden,
			message: s.actor(r) + " may not delete the saved filter " + f.Name + ": it is " + f.Owner + "'s (an admin may delete a shared one)"}
	}
	return s.store.DeleteSavedFilter(r.Context(), f.ID)
}

// handleFilterSaveForm saves the queue's current filter from the queue
// page's form and opens the queue with it.
func (s *Server) handleFilterSaveForm(w http.ResponseWriter, r *http.Request) {
	b := savedFilterBody{Name: r.PostFormValue("name"), Shared: r.PostFormValue("shared") != "", Query: r.PostFormValue("query")}
	f, err := s.saveFilter(r, b)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, s.savedFilterView(r, *f).URL, http.StatusSeeOther)
}

// handleFilterDeleteForm deletes a saved filter from the queue page and
// goes back to the queue as it was (its query in the form's "query").
func (s *Server) handleFilterDeleteForm(w http.ResponseWriter, r *http.Request) {
	if err := s.deleteFilter(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	back := "/queue"
	if q, err := canonicalQuery(r.PostFormValue("query")); err == nil && q != "" {
		back += "?" + q
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

func (s *Server) apiFilters(w http.ResponseWriter, r *http.Request) {
	views, err := s.savedFilterViews(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"filters": views})
}

func (s *Server) apiFilter(w http.ResponseWriter, r *http.Request) {
	f, err := s.visibleFilter(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.savedFilterView(r, *f))
}

func (s *Server) apiFilterSave(w http.ResponseWriter, r *http.Request) {
	var b savedFilterBody
	if err := decodeJSON(r, &b); err != nil {
		s.apiError(w, r, err)
		return
	}
	f, err := s.saveFilter(r, b)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, s.savedFilterView(r, *f))
}

func (s *Server) apiFilterDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.deleteFilter(r); err != nil {
		s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
