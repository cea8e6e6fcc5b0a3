package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
)

// BackupFunc writes a consistent copy of the store to w and returns its
// size.
type BackupFunc func(ctx context.Context, w io.Writer) (int64, error)

// apiBackup sends a consistent copy of the store: GET /api/backup, for
// `shadowscan backup --server`, which cannot open the file while serve
// holds its lock. The copy is the whole store, so the bearer token is
// required even on loopback, where the UI needs none. The copy goes to a
// temporary file first: the store's read transaction then lasts as long
// as a local write, not as long as the client takes to download, and a
// failure midway is an error rather than a truncated copy.
func (s *Server) apiBackup(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Backup == nil {
		s.apiError(w, r, &httpError{status: http.StatusNotFound, code: "not_found", message: "this server does not make backups"})
		return
	}
	if !isBearer(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="shadowscan"`)
		s.apiError(w, r, &httpError{status: http.StatusUnauthorized, code: codeUnauthorized,
			message: "a backup needs the access token, even on loopback: send Authorization: Bearer TOKEN with the token in STORE.token (shadowscan backup --server URL does)"})
		return
	}
	tmp, err := os.CreateTemp(s.cfg.TempDir, ".shadowscan-backup-*.db")
	if err != nil {
		s.apiError(w, r, fmt.Errorf("backup: %w", err))
		return
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	size, err := s.cfg.Backup(r.Context(), tmp)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		s.apiError(w, r, fmt.Errorf("backup: %w", err))
		return
	}
	name := "shadowscan-" + s.now().UTC().Format("20060102-150405") + ".db"
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	h.Set("Cache-Control", "no-store")
	if _, err := io.Copy(w, tmp); err != nil {
		s.log.Warn("backup: send copy", "err", err)
	}
}
