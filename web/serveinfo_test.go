package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func TestLoadOrMakeToken(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db"+TokenSuffix)
	tok, fresh, err := LoadOrMakeToken(path)
	if err != nil || !fresh || len(tok) < 40 {
		t.Fatalf("first: %q %v %v", tok, fresh, err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("token file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	again, fresh, err := LoadOrMakeToken(path)
	if err != nil || fresh || again != tok {
		t.Fatalf("second: %q %v %v", again, fresh, err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadOrMakeToken(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("world-readable token accepted: %v", err)
	}
	short := filepath.Join(t.TempDir(), "short"+TokenSuffix)
	if err := os.WriteFile(short, []byte("abc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadOrMakeToken(short); err == nil || !strings.Contains(err.Error(), "no usable token") {
		t.Fatalf("a 3-character token accepted: %v", err)
	}
}

// TestRunningInfo: the info file names this process while it lives; a
// file naming no live process, or not the file's form, names nothing.
func TestRunningInfo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.db"+InfoSuffix)
	if _, ok := Running(path); ok {
		t.Fatal("a missing info file names a server")
	}
	WriteInfo(path, "http://127.0.0.1:9999/")
	info, ok := Running(path)
	if !ok || info.PID != os.Getpid() || info.URL != "http://127.0.0.1:9999/" {
		t.Fatalf("info %+v %v, want this process at its url", info, ok)
	}
	for name, body := range map[string]string{
		"dead process": `{"pid": 2147483646, "url": "http://127.0.0.1:1/"}`,
		"not http":     `{"pid": 1, "url": "javascript:alert(1)"}`,
		"not json":     `pid=1`,
	} {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if info, ok := Running(path); ok {
			t.Errorf("%s: names a server %+v", name, info)
		}
	}
}

// TestFetchBackup: the copy comes with the bearer token; a copy cut short
// fails at its end; an error answer gives the server's message.
func TestFetchBackup(t *testing.T) {
	copyBytes := []byte("bbolt file bytes")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Header.Get("Authorization") != "Bearer tok-123":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"code":"unauthorized","message":"a backup needs the access token"}`)
		default:
			w.Write(copyBytes)
		}
	}))
	t.Cleanup(srv.Close)
	save := func(got *[]byte) func(io.Reader) (int64, error) {
		return func(r io.Reader) (int64, error) {
			b, err := io.ReadAll(r)
			*got = b
			return int64(len(b)), err
		}
	}
	var got []byte
	if n, err := FetchBackup(context.Background(), srv.URL+"/", " tok-123\n", save(&got)); err != nil || n != int64(len(copyBytes)) || string(got) != string(copyBytes) {
		t.Fatalf("backup: %d bytes %q, %v", n, got, err)
	}
	if _, err := FetchBackup(context.Background(), srv.URL, "wrong", save(&got)); shadowscan.ErrorCode(err) != shadowscan.EINTERNAL || !strings.Contains(err.Error(), "needs the access token") {
		t.Fatalf("wrong token: %v, want the server's message", err)
	}
	cut := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.Write(copyBytes)
	}))
	t.Cleanup(cut.Close)
	if _, err := FetchBackup(context.Background(), cut.URL, "tok-123", save(&got)); err == nil {
		t.Fatal("a copy cut short was accepted")
	}
}
