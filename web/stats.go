package web

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/shadowscan/shadowscan"
)

// enforcementView is what the "enforcement" template draws, on the
// /stats page and in the monthly report.
type enforcementView struct {
	E      *shadowscan.Enforcement
	Stages []string
	Chart  stageChart
	Funnel funnelChart
	// Median and P90 are the report-to-removal times for people.
	Median, P90 string
}

func newEnforcementView(e *shadowscan.Enforcement) *enforcementView {
	return &enforcementView{
		E: e, Stages: shadowscan.Stages,
		Chart: newStageChart(e), Funnel: newFunnelChart(e.Totals),
		Median: formatHours(e.Removal.MedianHours), P90: formatHours(e.Removal.P90Hours),
	}
}

// statsQuery is the /stats filter as the form shows it.
type statsQuery struct {
	Brand, Site, Since, Until string
}

// parseStatsQuery reads ?brand= &site= &since= &until=; a month that is
// not YYYY-MM is EINVALID, naming the parameter.
func parseStatsQuery(q url.Values) (statsQuery, shadowscan.EnforcementFilter, error) {
	sq := statsQuery{Brand: q.Get("brand"), Site: q.Get("site"), Since: q.Get("since"), Until: q.Get("until")}
	f := shadowscan.EnforcementFilter{BrandID: sq.Brand, Site: sq.Site}
	for _, m := range []struct {
		name, value string
		to          *time.Time
	}{{"since", sq.Since, &f.Since}, {"until", sq.Until, &f.Until}} {
		if m.value == "" {
			continue
		}
		t, err := shadowscan.ParseMonth(m.name, m.value)
		if err != nil {
			return sq, f, shadowscan.Errorf(shadowscan.EINVALID, "%s=%q is not a month: use YYYY-MM, such as 2026-11", m.name, m.value)
		}
		*m.to = t
	}
	return sq, f, nil
}

// statsPage is the /stats page's content.
type statsPage struct {
	Query statsQuery
	// APIURL is the same figures as JSON.
	APIURL string
	View   *enforcementView
	// Networks counts the seller networks as they stand, those with a
	// shop on the site asked for; nil when the server links none.
	Networks *shadowscan.NetworkFigures
}

// networkFigures counts the seller networks (Config.Networks) with a shop
// on site ("" for all), or nil when the server links none.
func (s *Server) networkFigures(ctx context.Context, site string) (*shadowscan.NetworkFigures, error) {
	if s.cfg.Networks == nil {
		return nil, nil
	}
	nets, err := s.cfg.Networks(ctx)
	if err != nil {
		return nil, err
	}
	f := shadowscan.CountNetworks(nets, site)
	return &f, nil
}

// handleStats shows the enforcement charts and figures; any signed-in
// role may see them.
func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	sq, f, err := parseStatsQuery(r.URL.Query())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	e, err := s.store.Enforcement(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	nf, err := s.networkFigures(r.Context(), f.Site)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	api := "/api/stats/enforcement"
	if r.URL.RawQuery != "" {
		api += "?" + r.URL.Query().Encode()
	}
	data := s.page(w, r, "Enforcement", "stats")
	data.Data = statsPage{Query: sq, APIURL: api, View: newEnforcementView(e), Networks: nf}
	s.render(w, r, "stats", data)
}

// apiEnforcement serves the figures the /stats page draws, as JSON.
func (s *Server) apiEnforcement(w http.ResponseWriter, r *http.Request) {
	_, f, err := parseStatsQuery(r.URL.Query())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	e, err := s.store.Enforcement(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	nf, err := s.networkFigures(r.Context(), f.Site)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, enforcementAnswer{e, nf})
}

// enforcementAnswer is GET /api/stats/enforcement's answer: what
// `shadowscan stats --json` prints.
type enforcementAnswer struct {
	*shadowscan.Enforcement
	Networks *shadowscan.NetworkFigures `json:"networks,omitempty"`
}
