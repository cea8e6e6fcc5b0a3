package web

import (
	"net/http"

	"github.com/shadowscan/shadowscan"
)

// scanHistory is how many past scans the scans page and API show.
const scanHistory = 100

// scansData is the scans page's content.
type scansData struct {
	Running []RunInfo
	Scans   []shadowscan.Scan
}

func (s *Server) handleScans(w http.ResponseWriter, r *http.Request) {
	scans, err := s.store.Scans(r.Context(), scanHistory)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := scansData{Running: s.runner.Running(), Scans: scans}
	data := s.page(w, r, "Scans", "scans")
	// While a scan runs the page reloads itself to show its progress
	// (a meta refresh: no script needed).
	data.Refresh = len(d.Running) > 0
	data.Data = d
	s.render(w, r, "scans", data)
}
