package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/shadowscan/shadowscan"
)

// codeStatus maps application error codes to HTTP statuses, in one place.
var codeStatus = map[string]int{
	shadowscan.EINVALID:  http.StatusBadRequest,
	shadowscan.ENOTFOUND: http.StatusNotFound,
	shadowscan.ECONFLICT: http.StatusConflict,
	shadowscan.EINTERNAL: http.StatusInternalServerError,
}

// Codes this package adds for its own refusals.
const (
	codeUnauthorized = "unauthorized"
	codeForbidden    = "forbidden"
	codeUnsupported  = "unsupported_media_type"
)

// errorBody is the JSON shape of every API error.
type errorBody struct {
	Code    string   `json:"error"`
	Message string   `json:"message"`
	Allowed []string `json:"allowed,omitempty"`
}

// httpError is a refusal the web layer makes itself (auth, CSRF, media
// type), with its own status.
type httpError struct {
	status  int
	code    string
	message string
	allowed []string
}

func (e *httpError) Error() string { return e.message }

// errorInfo turns err into a status, a code and a message safe to show:
// internal errors become "internal error" and are logged with the detail.
func (s *Server) errorInfo(r *http.Request, err error) (int, errorBody) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, errorBody{Code: he.code, Message: he.message, Allowed: he.allowed}
	}
	code := shadowscan.ErrorCode(err)
	status, ok := codeStatus[code]
	if !ok || code == shadowscan.EINTERNAL {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		s.metrics.errors.WithLabelValues("internal").Inc()
		return http.StatusInternalServerError, errorBody{Code: shadowscan.EINTERNAL, Message: "internal error"}
	}
	return status, errorBody{Code: code, Message: err.Error()}
}

// apiError writes err as JSON {"error": code, "message": ...}.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := s.errorInfo(r, err)
	writeJSON(w, status, body)
}

// pageError renders err as an HTML page with the right status.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := s.errorInfo(r, err)
	data := s.page(w, r, "Error", "")
	data.Data = struct {
		Status  int
		Code    string
		Message string
		Allowed []string
	}{status, body.Code, body.Message, body.Allowed}
	s.renderStatus(w, r, "error", data, status)
}

// writeJSON writes v as indented JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		slog.Default().Debug("write json", "err", err)
	}
}
