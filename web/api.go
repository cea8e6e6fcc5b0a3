package web

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/schedule"
)

// decodeJSON reads a JSON body of at most maxFormBytes into v, refusing
// unknown fields and trailing data.
func decodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &httpError{status: http.StatusUnsupportedMediaType, code: codeUnsupported, message: "send the body as application/json"}
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxFormBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return shadowscan.Errorf(shadowscan.EINVALID, "the JSON body could not be read: %v", err)
	}
	if dec.More() {
		return shadowscan.Errorf(shadowscan.EINVALID, "the JSON body has data after its object")
	}
	return nil
}

// hitList is GET /api/hits's answer.
type hitList struct {
	Hits   []HitView `json:"hits"`
	Total  int       `json:"total"`
	Limit  int       `json:"limit"`
	Offset int       `json:"offset"`
	Sort   string    `json:"sort"`
	// SortCapped is set when sort=last_seen was ignored because too many
	// hits match: narrow the filter.
	SortCapped bool `json:"sort_capped,omitempty"`
	// SearchCapped is set when the text search q read only the 5000
	// highest-scoring hits passing the other filters: narrow them.
	SearchCapped bool `json:"search_capped,omitempty"`
}

func (s *Server) apiHits(w http.ResponseWriter, r *http.Request) {
	q, err := parseQueueQuery(r.URL.Query(), true)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	res, err := s.queueHits(r, q)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	hits := res.Hits
	out := hitList{Hits: make([]HitView, 0, len(hits)), Total: res.Total, Limit: q.Filter.Limit, Offset: q.Filter.Offset, Sort: q.Sort, SortCapped: res.SortCapped, SearchCapped: res.SearchCapped}
	for i := range hits {
		out.Hits = append(out.Hits, shadowscan.NewHitView(&hits[i], false))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiHit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	h, err := s.store.Hit(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, shadowscan.NewHitView(h, true))
}

// statusChange is POST /api/hits/{id}/status's body.
type statusChange struct {
	move
	// By overrides who the change is recorded as in single-user mode
	// (default: the server's actor). With named users the change is the
	// signed-in user's and By is refused.
	By string `json:"by"`
}

func (s *Server) apiHitStatus(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	var body statusChange
	if err := decodeJSON(r, &body); err != nil {
		s.apiError(w, r, err)
		return
	}
	by := s.actor(r)
	if b := strings.TrimSpace(body.By); b != "" {
		if userOf(r) != nil && b != by {
			s.apiError(w, r, &shadowscan.FieldError{Field: "by", Msg: "cannot name another user", Accepted: "nothing, or your own name: changes are recorded as the signed-in user"})
			return
		}
		by = b
	}
	h, err := s.changeStatus(r, id, body.move, by)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, shadowscan.NewHitView(h, true))
}

// sellerList is GET /api/sellers's answer.
type sellerList struct {
	Sellers []SellerRow `json:"sellers"`
	Total   int         `json:"total"`
	// Offenders counts the repeat offenders among all Total sellers.
	Offenders int `json:"repeat_offenders"`
	Page      int `json:"page"`
}

func (s *Server) apiSellers(w http.ResponseWriter, r *http.Request) {
	page, err := parsePage(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	rows, total, offenders, err := s.sellerPage(r, page, sellersPerPage)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sellerList{Sellers: rows, Total: total, Offenders: offenders, Page: page})
}

func (s *Server) apiCatalog(w http.ResponseWriter, r *http.Request) {
	cat, err := s.store.Catalog(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cat)
}

// scanList is GET /api/scans's answer.
type scanList struct {
	Running []RunInfo         `json:"running"`
	Scans   []shadowscan.Scan `json:"scans"`
}

func (s *Server) apiScans(w http.ResponseWriter, r *http.Request) {
	scans, err := s.store.Scans(r.Context(), scanHistory)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if scans == nil {
		scans = []shadowscan.Scan{}
	}
	writeJSON(w, http.StatusOK, scanList{Running: s.runner.Running(), Scans: scans})
}

func (s *Server) apiSchedules(w http.ResponseWriter, r *http.Request) {
	views, err := s.scheduleViews(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"schedules": views})
}

// scheduleBody is POST /api/schedules's body.
type scheduleBody struct {
	Cron     string   `json:"cron"`
	Site     string   `json:"site"`
	Brand    string   `json:"brand"`
	Queries  []string `json:"queries"`
	MaxPages int      `json:"max_pages"`
}

func (s *Server) apiScheduleAdd(w http.ResponseWriter, r *http.Request) {
	var b scheduleBody
	if err := decodeJSON(r, &b); err != nil {
		s.apiError(w, r, err)
		return
	}
	sc := shadowscan.Schedule{Cron: strings.TrimSpace(b.Cron), Site: b.Site, BrandID: b.Brand, Queries: b.Queries, MaxPages: b.MaxPages}
	if err := s.addSchedule(r, &sc); err != nil {
		s.apiError(w, r, err)
		return
	}
	v := ScheduleView{Schedule: sc}
	if next, err := schedule.Next(&sc); err != nil {
		v.Problem = err.Error()
	} else {
		v.Next = next
	}
	writeJSON(w, http.StatusCreated, v)
}

func (s *Server) apiScheduleDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if err := s.store.RemoveSchedule(r.Context(), id); err != nil {
		s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// stats is GET /api/stats's answer.
type stats struct {
	Hits    *shadowscan.HitCounts `json:"hits"`
	Running []RunInfo             `json:"running"`
	// Networks counts the seller networks as they stand; absent when the
	// server links none.
	Networks *shadowscan.NetworkFigures `json:"networks,omitempty"`
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	c, err := s.store.HitCounts(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	nf, err := s.networkFigures(r.Context(), "")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, stats{Hits: c, Running: s.runner.Running(), Networks: nf})
}
