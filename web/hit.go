package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// hitData is the hit page's content.
type hitData struct {
	Hit     *shadowscan.Hit
	Product *shadowscan.Product
	Brand   *shadowscan.Brand
	Role    string
	// Photos pairs each listing photo (by index) with an official photo.
	Listing  []int
	Official []int
	Allowed  []shadowscan.Status
	// PointsTotal adds up the reasons' points, which may pass the score.
	PointsTotal int
	// RoleLimited: the workflow has moves the user's role may not make.
	RoleLimited bool
	// PriceRatio is the listing price against the list price, "" when
	// either is unknown or the currencies differ.
	ComparablePrice bool
	// Relists are the hits that bring this one's listing back under a
	// new id, shop or site (Config.Relists).
	Relists []uint64
	// Networks are the counterfeit networks a defamation listing's
	// seller or contact handle belongs to (Config.NetworkOf).
	Networks []shadowscan.NetworkMembership
}

// NetworkOfFunc returns the counterfeit networks a defamation hit's
// seller or contact handle belongs to (none for other hits).
type NetworkOfFunc func(ctx context.Context, h *shadowscan.Hit) ([]shadowscan.NetworkMembership, error)

func (s *Server) handleHit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	h, err := s.store.Hit(ctx, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := hitData{Hit: h, Allowed: s.movesFor(r, h.Status), Role: "unknown seller"}
	d.RoleLimited = len(d.Allowed) < len(h.Status.ManualNext())
	for _, rs := range h.Reasons {
		d.PointsTotal += rs.Points
	}
	if h.SKU != "" {
		p, err := s.store.Product(ctx, h.SKU)
		switch {
		case err == nil:
			d.Product = p
			d.Official = storedPhotos(p)
			d.ComparablePrice = comparablePrice(h, p)
		case shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND:
			s.pageError(w, r, err)
			return
		}
	}
	if h.BrandID != "" {
		cat, err := s.store.Catalog(ctx)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		if b := cat.Brand(h.BrandID); b != nil {
			d.Brand = b
			d.Role = b.RoleOf(h.Listing.Site, h.Listing.SellerID).String() + " seller"
		}
	}
	for i := range h.Listing.Images {
		d.Listing = append(d.Listing, i)
	}
	if s.cfg.NetworkOf != nil && h.Category == shadowscan.CategoryDefamation {
		if d.Networks, err = s.cfg.NetworkOf(ctx, h); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	if s.cfg.Relists != nil && h.Status.TakenDown() {
		if d.Relists, err = s.cfg.Relists(ctx, id); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	data := s.page(w, r, "Hit "+strconv.FormatUint(id, 10), "queue")
	data.Data = d
	s.render(w, r, "hit", data)
}

// storedPhotos are the indexes of p's official photos the store holds.
func storedPhotos(p *shadowscan.Product) []int {
	var out []int
	for i := range p.Images {
		if p.Images[i].SHA256 != "" {
			out = append(out, i)
		}
	}
	return out
}

// comparablePrice reports whether h's listing price can stand beside p's
// list and floor prices: both known, in one currency.
func comparablePrice(h *shadowscan.Hit, p *shadowscan.Product) bool {
	return h.Listing.HasPrice && p.Price > 0 && (h.Listing.Currency == "" || h.Listing.Currency == p.Currency)
}

// RelistsFunc returns the hits that are relists of hit id.
type RelistsFunc func(ctx context.Context, id uint64) ([]uint64, error)

// maxNoteBytes caps a status change note (the store has its own limit).
const maxNoteBytes = 4096

// handleHitStatusForm is the hit page's action buttons (no JavaScript).
func (s *Server) handleHitStatusForm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	m := move{Status: r.PostFormValue("status"), Note: r.PostFormValue("note"), Reason: r.PostFormValue("reason"), Case: r.PostFormValue("case")}
	if _, err := s.changeStatus(r, id, m, s.actor(r)); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/hits/"+strconv.FormatUint(id, 10), http.StatusSeeOther)
}

// move is a status change as a form or a JSON body asks for it.
type move struct {
	Status string `json:"status"`
	Note   string `json:"note"`
	// Reason is the dismiss reason, required on a move to dismissed: one
	// of Config.DismissReasons.
	Reason string `json:"reason,omitempty"`
	// Case is the platform's case number on a move to reported; empty
	// when the platform gave none.
	Case string `json:"case,omitempty"`
}

// parseMove reads a move by hand, checked alike for one hit and for
// many: a known status, one the user's role may move to and a note within
// maxNoteBytes. The reason and case number are checked later
// (checkMoveDetail), once the workflow allows the move: a move that
// cannot be made at all is the first thing to say. The result lacks By.
func (s *Server) parseMove(r *http.Request, m move) (shadowscan.StatusChange, error) {
	st, err := shadowscan.ParseStatus(m.Status)
	if err != nil {
		return shadowscan.StatusChange{}, err
	}
	if p := shadowscan.MovePermission(st); !s.can(r, p) {
		return shadowscan.StatusChange{}, forbidden(r, p)
	}
	if len(m.Note) > maxNoteBytes {
		return shadowscan.StatusChange{}, &shadowscan.FieldError{Field: "note", Msg: "is too long", Accepted: "at most 4096 bytes"}
	}
	return shadowscan.StatusChange{To: st, Note: m.Note, Reason: strings.TrimSpace(m.Reason), Case: strings.TrimSpace(m.Case)}, nil
}

// checkMoveDetail wants a dismiss reason from the configured list on a
// dismissal (and only there), and a well-formed case number, if any, on
// a report (and only there).
func (s *Server) checkMoveDetail(c shadowscan.StatusChange) error {
	switch {
	case c.To == shadowscan.StatusDismissed:
		if err := s.cfg.DismissReasons.Check(c.Reason, c.Note); err != nil {
			return err
		}
	case c.Reason != "":
		return &shadowscan.FieldError{Field: "reason", Msg: "goes with a move to dismissed, not to " + string(c.To), Accepted: "no reason"}
	}
	switch {
	case c.Case == "":
		return nil
	case c.To != shadowscan.StatusReported:
		return &shadowscan.FieldError{Field: "case", Msg: "goes with a move to reported, not to " + string(c.To), Accepted: "no case number"}
	}
	return shadowscan.CheckCaseNumber(c.Case)
}

// changeStatus moves hit id as m says. An illegal move is a conflict
// (409) that names the moves allowed from the hit's current status.
func (s *Server) changeStatus(r *http.Request, id uint64, m move, by string) (*shadowscan.Hit, error) {
	c, err := s.parseMove(r, m)
	if err != nil {
		return nil, err
	}
	c.By = by
	st := c.To
	ctx := r.Context()
	h, err := s.store.Hit(ctx, id)
	if err != nil {
		return nil, err
	}
	allowed := h.Status.ManualNext()
	if !slices.Contains(allowed, st) {
		names := make([]string, len(allowed))
		for i, a := range allowed {
			names[i] = string(a)
		}
		msg := "hit " + strconv.FormatUint(id, 10) + " is " + string(h.Status) + " and cannot move to " + string(st)
		if len(names) > 0 {
			msg += ": allowed are " + strings.Join(names, ", ")
		} else {
			msg += ": no move is allowed by hand from " + string(h.Status)
		}
		return nil, &httpError{status: http.StatusConflict, code: shadowscan.ECONFLICT, message: msg, allowed: names}
	}
	if err := s.checkMoveDetail(c); err != nil {
		return nil, err
	}
	hs, err := s.store.MarkHits(ctx, []uint64{id}, c)
	if err != nil {
		return nil, err
	}
	if len(hs) != 1 {
		return nil, errors.New("mark hit: store returned no hit")
	}
	return &hs[0], nil
}
