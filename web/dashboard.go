package web

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/shadowscan/shadowscan"
)

// countRow is one line of a count table.
type countRow struct {
	Key   string
	Count int
}

// sortedCounts returns m as rows, largest first, then by key.
func sortedCounts[K ~string](m map[K]int) []countRow {
	out := make([]countRow, 0, len(m))
	for k, n := range m {
		out = append(out, countRow{Key: string(k), Count: n})
	}
	slices.SortFunc(out, func(a, b countRow) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return out
}

// dashboardData is the dashboard's content.
type dashboardData struct {
	Counts     *shadowscan.HitCounts
	ByStatus   []countRow
	ByCategory []countRow
	ByBrand    []countRow
	BySite     []countRow
	Scans      []shadowscan.Scan
	Running    []RunInfo
	Blocked    []blockedSite
}

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.store.HitCounts(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	scans, err := s.store.Scans(ctx, 10)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := dashboardData{Counts: c, ByCategory: sortedCounts(c.ByCategory), ByBrand: sortedCounts(c.ByBrand), BySite: sortedCounts(c.BySite), Scans: scans, Running: s.runner.Running(), Blocked: blockedSites(scans)}
	// Statuses in workflow order, all of them, so zeros show.
	for _, st := range shadowscan.Statuses {
		d.ByStatus = append(d.ByStatus, countRow{Key: string(st), Count: c.ByStatus[st]})
	}
	data := s.page(w, r, "Dashboard", "dashboard")
	data.Data = d
	s.render(w, r, "dashboard", data)
}
