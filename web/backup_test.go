package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func TestAPIBackup(t *testing.T) {
	copyBytes := strings.Repeat("store page ", 1000)
	backup := func(ctx context.Context, w io.Writer) (int64, error) {
		n, err := io.WriteString(w, copyBytes)
		return int64(n), err
	}
	t.Run("needs the bearer token even on loopback", func(t *testing.T) {
		f := newFixture(t, Config{Token: testToken, Backup: backup, TempDir: t.TempDir()})
		for _, opts := range [][]reqOpt{nil, {withCSRF(f.srv)}, {withBearer("wrong-token-0123456789")}} {
			resp := f.do("GET", "/api/backup", "", opts...)
			if resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("status %d, want 401", resp.StatusCode)
			}
			if body := readBody(t, resp); strings.Contains(body, "store page") {
				t.Fatal("a refused request got the copy")
			}
		}
	})
	t.Run("sends the copy", func(t *testing.T) {
		dir := t.TempDir()
		f := newFixture(t, Config{Token: testToken, Backup: backup, TempDir: dir})
		resp := f.do("GET", "/api/backup", "", withBearer(testToken))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, readBody(t, resp))
		}
		if got := readBody(t, resp); got != copyBytes {
			t.Fatalf("body is %d bytes, want %d", len(got), len(copyBytes))
		}
		if resp.Header.Get("Content-Length") != "11000" || resp.Header.Get("Content-Type") != "application/octet-stream" ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("headers %v", resp.Header)
		}
	})
	t.Run("a failed copy is an error, not a short body", func(t *testing.T) {
		f := newFixture(t, Config{Token: testToken, TempDir: t.TempDir(), Backup: func(ctx context.Context, w io.Writer) (int64, error) {
			io.WriteString(w, "half")
			return 4, shadowscan.Errorf(shadowscan.ECONFLICT, "store is busy")
		}})
		resp := f.do("GET", "/api/backup", "", withBearer(testToken))
		if body := readBody(t, resp); resp.StatusCode != http.StatusConflict || strings.Contains(body, "half") {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		f = newFixture(t, Config{Token: testToken, Backup: func(ctx context.Context, w io.Writer) (int64, error) {
			return 0, errors.New("disk on fire")
		}})
		if resp := f.do("GET", "/api/backup", "", withBearer(testToken)); resp.StatusCode != http.StatusInternalServerError {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
	t.Run("off without a backup function", func(t *testing.T) {
		f := newFixture(t, Config{Token: testToken})
		if resp := f.do("GET", "/api/backup", "", withBearer(testToken)); resp.StatusCode != http.StatusNotFound {
			t.Fatalf("status %d", resp.StatusCode)
		}
	})
}
