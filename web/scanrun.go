package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// Limits on a scan asked for from the UI or the API.
const (
	maxScanQueries  = 50
	maxQueryBytes   = 200
	maxScanMaxPages = 1000
)

// scanBody is POST /api/scans's body, and what the start form sends.
type scanBody struct {
	// Sites to crawl; Site is a shorthand for one.
	Sites    []string `json:"sites"`
	Site     string   `json:"site"`
	Brand    string   `json:"brand"`
	Queries  []string `json:"queries"`
	MaxPages int      `json:"max_pages"`
	// Resume goes on with the newest interrupted or failed scan of Sites
	// (brand, queries and page limit come from its record).
	Resume bool `json:"resume"`
}

// scanRequest checks b and returns the scan to run in the name of by.
// EINVALID names the field at fault and what is accepted.
func (s *Server) scanRequest(ctx context.Context, b scanBody, by string) (ScanRequest, error) {
	sites := slices.Clone(b.Sites)
	if b.Site = strings.TrimSpace(b.Site); b.Site != "" {
		sites = append(sites, b.Site)
	}
	req := ScanRequest{Sites: sites, BrandID: strings.TrimSpace(b.Brand), MaxPages: b.MaxPages, Resume: b.Resume, By: by}
	if len(sites) == 0 {
		return req, &shadowscan.FieldError{Field: "sites", Msg: "is empty", Accepted: "one or more of " + strings.Join(s.cfg.Sites, ", ")}
	}
	for i, site := range sites {
		if len(s.cfg.Sites) > 0 && !slices.Contains(s.cfg.Sites, site) {
			return req, &shadowscan.FieldError{Field: "sites", Msg: strconv.Quote(site) + " is not a known site", Accepted: strings.Join(s.cfg.Sites, ", ")}
		}
		if slices.Contains(sites[:i], site) {
			return req, &shadowscan.FieldError{Field: "sites", Msg: strconv.Quote(site) + " is named twice", Accepted: "each site once"}
		}
	}
	if req.Resume {
		if req.BrandID != "" || len(b.Queries) > 0 || req.MaxPages != 0 {
			return req, &shadowscan.FieldError{Field: "resume", Msg: "goes on with the scan as it was started", Accepted: "sites only: leave out brand, queries and max_pages"}
		}
		return req, nil
	}
	if req.MaxPages < 0 || req.MaxPages > maxScanMaxPages {
		return req, &shadowscan.FieldError{Field: "max_pages", Msg: strconv.Itoa(req.MaxPages) + " is out of range", Accepted: "0 (the site rule's) to 1000"}
	}
	if len(b.Queries) > maxScanQueries {
		return req, &shadowscan.FieldError{Field: "queries", Msg: strconv.Itoa(len(b.Queries)) + " queries are too many", Accepted: "at most 50"}
	}
	for _, q := range b.Queries {
		if q = strings.TrimSpace(q); q == "" || len(q) > maxQueryBytes {
			return req, &shadowscan.FieldError{Field: "queries", Msg: "holds an empty or overlong query", Accepted: "queries of 1 to 200 bytes"}
		}
		req.Queries = append(req.Queries, q)
	}
	return req, s.checkBrand(ctx, req.BrandID)
}

// checkBrand refuses a brand the catalogue lacks ("" is every brand).
func (s *Server) checkBrand(ctx context.Context, brand string) error {
	if brand == "" {
		return nil
	}
	cat, err := s.store.Catalog(ctx)
	if err != nil {
		return err
	}
	if cat.Brand(brand) != nil {
		return nil
	}
	ids := make([]string, 0, len(cat.Brands))
	for _, b := range cat.Brands {
		ids = append(ids, b.ID)
	}
	return &shadowscan.FieldError{Field: "brand", Msg: strconv.Quote(brand) + " is not in the catalogue", Accepted: "nothing (every brand) or one of " + strings.Join(ids, ", ")}
}

// runPath is where a run's state is served.
func runPath(id uint64) string { return "/api/scans/runs/" + strconv.FormatUint(id, 10) }

func (s *Server) apiScanStart(w http.ResponseWriter, r *http.Request) {
	var b scanBody
	if err := decodeJSON(r, &b); err != nil {
		s.apiError(w, r, err)
		return
	}
	req, err := s.scanRequest(r.Context(), b, s.actor(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	info, err := s.runner.Launch(req, nil)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Location", runPath(info.ID))
	writeJSON(w, http.StatusAccepted, info)
}

func (s *Server) apiScansRunning(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string][]RunInfo{"running": s.runner.Running()})
}

func (s *Server) apiScanRun(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "run")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	info, err := s.runner.Run(id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, info)
}

func (s *Server) apiScanCancel(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "run")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	info, err := s.runner.Cancel(id, s.actor(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, info)
}

// handleScanStartForm starts a scan from the scans page's form.
func (s *Server) handleScanStartForm(w http.ResponseWriter, r *http.Request) {
	b := scanBody{Site: r.PostFormValue("site"), Brand: r.PostFormValue("brand"), Queries: splitLines(r.PostFormValue("queries")),
		Resume: r.PostFormValue("resume") == "1"}
	if b.Resume {
		b.Site, b.Sites = "", strings.Split(r.PostFormValue("sites"), ",")
	}
	if v := strings.TrimSpace(r.PostFormValue("max_pages")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.pageError(w, r, &shadowscan.FieldError{Field: "max_pages", Msg: strconv.Quote(v) + " is not a number", Accepted: "0 (the site rule's) to 1000"})
			return
		}
		b.MaxPages = n
	}
	req, err := s.scanRequest(r.Context(), b, s.actor(r))
	if err == nil {
		_, err = s.runner.Launch(req, nil)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/scans", http.StatusSeeOther)
}

// handleScanCancelForm cancels a run from the scans page.
func (s *Server) handleScanCancelForm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "run")
	if err == nil {
		_, err = s.runner.Cancel(id, s.actor(r))
	}
	if err != nil && shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
		s.pageError(w, r, err)
		return
	}
	// A run that ended meanwhile needs no cancelling: the page shows how.
	http.Redirect(w, r, "/scans", http.StatusSeeOther)
}
