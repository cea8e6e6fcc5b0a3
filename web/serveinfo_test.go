package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
