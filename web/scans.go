package web

import (
	"context"
	"net/http"
	"slices"

	"github.com/shadowscan/shadowscan"
)

// scanHistory is how many past scans the scans page and API show.
const scanHistory = 100

// scansData is the scans page's content.
type scansData struct {
	Running []RunInfo
	// Ended are the runs this server ran that ended, newest first.
	Ended []RunInfo
	Scans []shadowscan.Scan
	// Sites and Brands fill the start form.
	Sites  []string
	Brands []shadowscan.Brand
	// Resume is the scan a resume would go on with (the newest, when it
	// was interrupted or failed and none of its sites is being scanned),
	// nil when none.
	Resume *shadowscan.Scan
}

func (s *Server) handleScans(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	scans, err := s.store.Scans(ctx, scanHistory)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := scansData{Running: s.runner.Running(), Ended: s.runner.Ended(), Scans: scans, Sites: s.cfg.Sites}
	data := s.page(w, r, "Scans", "scans")
	if data.CanRunScans {
		if d.Brands, err = s.brands(ctx); err != nil {
			s.pageError(w, r, err)
			return
		}
		d.Resume = s.resumable(scans)
	}
	// While a scan runs, scans.js polls its progress; without script the
	// page reloads itself (a meta refresh in <noscript>).
	data.Refresh = len(d.Running) > 0
	data.Data = d
	s.render(w, r, "scans", data)
}

// brands returns the catalogue's brands, for the start form.
func (s *Server) brands(ctx context.Context) ([]shadowscan.Brand, error) {
	cat, err := s.store.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	return cat.Brands, nil
}

// resumable is the scan `scan --resume` would go on with: the newest,
// when it did not finish and none of its sites is being scanned.
func (s *Server) resumable(scans []shadowscan.Scan) *shadowscan.Scan {
	if len(scans) == 0 {
		return nil
	}
	sc := &scans[0]
	if sc.State != shadowscan.ScanInterrupted && sc.State != shadowscan.ScanFailed {
		return nil
	}
	if slices.ContainsFunc(sc.Sites, s.runner.Busy) {
		return nil
	}
	return sc
}
