package web

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	"github.com/shadowscan/shadowscan"
)

// The files a server keeps beside its store: the access token (kept) and,
// while it runs, where it listens (so that a command refused by the store
// lock can say where the UI is).

// TokenSuffix names the access token file beside the store.
const TokenSuffix = ".token"

// InfoSuffix names the file a running server leaves beside the store.
const InfoSuffix = ".serve"

// LoadOrMakeToken reads the access token from path, or makes one with
// crypto/rand and writes it there (0600). fresh reports a new token. A
// token file readable by others, or holding no usable token, is EINVALID
// with what to do.
func LoadOrMakeToken(path string) (token string, fresh bool, err error) {
	if fi, err := os.Stat(path); err == nil {
		if fi.Mode().Perm()&0o077 != 0 {
			return "", false, shadowscan.Errorf(shadowscan.EINVALID, "token file %s is readable by others (mode %o): run chmod 600 %s", path, fi.Mode().Perm(), path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return "", false, fmt.Errorf("read token: %w", err)
		}
		tok := strings.TrimSpace(string(b))
		if len(tok) < 16 || len(tok) > 256 {
			return "", false, shadowscan.Errorf(shadowscan.EINVALID, "token file %s holds no usable token (16 to 256 characters): remove it and serve makes a new one", path)
		}
		return tok, false, nil
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", false, fmt.Errorf("make token: %w", err)
	}
	tok := base64.RawURLEncoding.EncodeToString(raw)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", false, fmt.Errorf("write token %s: %w", path, err)
	}
	if _, err := f.WriteString(tok + "\n"); err != nil {
		f.Close()
		return "", false, fmt.Errorf("write token %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return "", false, fmt.Errorf("write token %s: %w", path, err)
	}
	return tok, true, nil
}

// Info is what the info file says of a running server.
type Info struct {
	PID int    `json:"pid"`
	URL string `json:"url"`
}

// WriteInfo writes the info file of this process's server at path, best
// effort: it only improves an error message.
func WriteInfo(path, url string) {
	b, _ := json.Marshal(Info{PID: os.Getpid(), URL: url})
	_ = os.WriteFile(path, b, 0o600)
}

// Running returns the info file at path when the server it names is
// still running.
func Running(path string) (Info, bool) {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 4096 {
		return Info{}, false
	}
	var info Info
	if json.Unmarshal(b, &info) != nil || info.PID <= 0 || !strings.HasPrefix(info.URL, "http://") || !processAlive(info.PID) {
		return Info{}, false
	}
	return info, true
}

func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission)
}
