package web

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"

	"github.com/shadowscan/shadowscan"
)

// handleExport writes an evidence bundle of the hits the posted filters
// select (the queue's current filter) and sends it as a download. The
// bundle is written to a temporary file first, so a failure midway is an
// error page rather than a truncated download.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Export == nil {
		s.pageError(w, r, &httpError{status: http.StatusNotFound, code: "not_found", message: "this server does not export evidence bundles"})
		return
	}
	if err := r.ParseForm(); err != nil {
		s.pageError(w, r, &httpError{status: http.StatusBadRequest, code: "invalid", message: "the form could not be read"})
		return
	}
	q, err := parseQueueQuery(url.Values(r.PostForm), true)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if q.Text != "" {
		// The bundle would hold every hit of the filter, not the ones the
		// search showed.
		s.pageError(w, r, &shadowscan.FieldError{Field: "q", Msg: "is a text search, which export does not apply", Accepted: "the queue's filters without a search"})
		return
	}
	f := q.Filter
	f.Limit, f.Offset = 0, 0
	tmp, err := os.CreateTemp("", "shadowscan-export-*.wacz")
	if err != nil {
		s.pageError(w, r, fmt.Errorf("export: %w", err))
		return
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	if err := s.cfg.Export(r.Context(), tmp, f, s.actor(r)); err != nil {
		s.pageError(w, r, err)
		return
	}
	size, err := tmp.Seek(0, io.SeekEnd)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		s.pageError(w, r, fmt.Errorf("export: %w", err))
		return
	}
	name := "shadowscan-" + time.Now().UTC().Format("20060102-150405") + ".wacz"
	h := w.Header()
	h.Set("Content-Type", "application/wacz+zip")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	h.Set("Cache-Control", "no-store")
	if _, err := io.Copy(w, tmp); err != nil {
		s.log.Warn("export: send bundle", "err", err)
	}
}
