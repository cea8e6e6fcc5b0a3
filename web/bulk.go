package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// maxBulk caps how many hits one bulk change moves: a queue page at most.
const maxBulk = maxPageSize

// bulkChange is POST /api/hits/status's body.
type bulkChange struct {
	IDs []uint64 `json:"ids"`
	move
}

// bulkResult is its answer: the hits as changed.
type bulkResult struct {
	Hits []shadowscan.HitView `json:"hits"`
}

// apiHitsStatus moves several hits to one status with one note, all or
// nothing: when any of them cannot make the move, none moves and the
// answer (409) names them.
func (s *Server) apiHitsStatus(w http.ResponseWriter, r *http.Request) {
	var body bulkChange
	if err := decodeJSON(r, &body); err != nil {
		s.apiError(w, r, err)
		return
	}
	hs, err := s.changeStatuses(r, body.IDs, body.move, s.actor(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := bulkResult{Hits: make([]shadowscan.HitView, len(hs))}
	for i := range hs {
		out.Hits[i] = shadowscan.NewHitView(&hs[i], true)
	}
	writeJSON(w, http.StatusOK, out)
}

// changeStatuses checks the move (parseMove), the count and that every
// hit may make it by hand, then moves them in one store transaction.
func (s *Server) changeStatuses(r *http.Request, ids []uint64, m move, by string) ([]shadowscan.Hit, error) {
	c, err := s.parseMove(r, m)
	if err != nil {
		return nil, err
	}
	c.By = by
	st := c.To
	switch {
	case len(ids) == 0:
		return nil, &shadowscan.FieldError{Field: "ids", Msg: "is empty", Accepted: "1 to " + strconv.Itoa(maxBulk) + " hit ids"}
	case len(ids) > maxBulk:
		return nil, &shadowscan.FieldError{Field: "ids", Msg: "has " + strconv.Itoa(len(ids)) + " ids", Accepted: "1 to " + strconv.Itoa(maxBulk) + " hit ids"}
	}
	var stuck []string
	for _, id := range ids {
		h, err := s.store.Hit(r.Context(), id)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(h.Status.ManualNext(), st) {
			stuck = append(stuck, "#"+strconv.FormatUint(id, 10)+" is "+string(h.Status))
		}
	}
	if len(stuck) > 0 {
		return nil, &httpError{status: http.StatusConflict, code: shadowscan.ECONFLICT,
			message: "no hit was changed: these cannot move to " + string(st) + ": " + strings.Join(stuck, ", ")}
	}
	if err := s.checkMoveDetail(c); err != nil {
		return nil, err
	}
	return s.store.MarkHits(r.Context(), ids, c)
}
