package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/web"
)

// defaultServeAddr is where serve listens unless told otherwise: loopback
// only, so the UI needs no token.
const defaultServeAddr = "127.0.0.1:8080"

type serveOptions struct {
	Addr string
	// SignKey is the key file the UI's evidence export signs with ("" for
	// unsigned bundles).
	SignKey string
}

func newServeCommand(g *Globals) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080]",
		Short: "Serve the review web UI, the JSON API, scheduled scans and /metrics",
		Long: `Serve the analysts' web UI (dashboard, review queue with keyboard triage,
hit pages, sellers, catalogue, scans, schedules, evidence export), the JSON
API under /api/ (see web/API.md), Prometheus metrics at /metrics and
/healthz. While it runs it also runs the scheduled scans (shadowscan
schedule add).

serve holds the store: other shadowscan commands on the same --db fail
while it runs. Use the web UI or the API instead, or stop serve first.

Evidence bundles exported from the UI are signed with --sign-key (a key
from "shadowscan evidence keygen"); without it they are unsigned, and
"evidence verify" fails them unless given --allow-unsigned.

On 127.0.0.1 (the default) no token is needed. On any other address every
request needs the access token, made at first start, printed once and kept
in the file STORE.token beside the store (mode 0600): send it as
"Authorization: Bearer TOKEN" or log in at /login.`,
		Example: `  shadowscan serve
  shadowscan serve --addr 0.0.0.0:8080     # needs the token
  shadowscan serve --sign-key brand.key    # the UI's exports are signed
  curl -H "Authorization: Bearer $(cat shadowscan.db.token)" http://127.0.0.1:8080/api/hits?status=new`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, _, err := net.SplitHostPort(o.Addr); err != nil {
				return usagef("--addr %q: use host:port, such as 127.0.0.1:8080", o.Addr)
			}
			return serveUntilDone(cmd.Context(), g, o, nil)
		},
	}
	cmd.Flags().StringVar(&o.Addr, "addr", defaultServeAddr, "address to listen on (a non-loopback address requires the access token)")
	cmd.Flags().StringVar(&o.SignKey, "sign-key", "", "sign the UI's evidence exports with this key file (from `evidence keygen`)")
	return cmd
}

// serveUntilDone opens the store, serves the UI, API and scheduler on
// o.Addr until ctx is done, and returns. baseURLs overrides sites'
// base_url for the scans it runs (site name -> URL; nil for none): demo
// --serve calls it after its scan with the demo marketplace's address.
func serveUntilDone(ctx context.Context, g *Globals, o serveOptions, baseURLs map[string]string) error {
	addr := o.Addr
	set, err := g.Rules()
	if err != nil {
		return err
	}
	signKey, err := loadSignKey(o.SignKey)
	if err != nil {
		return err
	}
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	loopback := web.IsLoopback(addr)
	token, fresh, err := loadOrMakeToken(g.dbPath() + ".token")
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w (is another server using the port? pick another with --addr)", addr, err)
	}
	defer ln.Close()
	log := g.Logger()
	srv, err := web.New(web.Config{
		Store:        db,
		Log:          log,
		Token:        token,
		RequireToken: !loopback,
		Actor:        webActor(g),
		Sites:        set.SiteNames(),
		RunScan: func(ctx context.Context, req web.ScanRequest, progress func(shadowscan.Scan)) (*shadowscan.Scan, error) {
			return runServeScan(ctx, g, baseURLs, req, progress)
		},
		Export: func(ctx context.Context, w io.Writer, hf shadowscan.HitFilter, by string) error {
			return exportTo(ctx, db, w, hf, by, signKey)
		},
		ExportSigner: signerOf(signKey),
		Backup:       db.Backup,
		TempDir:      filepath.Dir(g.dbPath()),
	})
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	infoPath := g.dbPath() + serveInfoSuffix
	writeServeInfo(infoPath, url)
	defer os.Remove(infoPath)

	w := g.Stdout
	fmt.Fprintf(w, "shadowscan serve: review UI at %s (store %s)\n", url, g.dbPath())
	if fresh {
		fmt.Fprintf(w, "access token (shown once; kept in %s): %s\n", g.dbPath()+".token", token)
	}
	if loopback {
		fmt.Fprintln(w, "listening on loopback only: no token needed in the browser; API clients may send it as a bearer token")
	} else {
		fmt.Fprintf(w, "listening on %s: every request needs the token (Authorization: Bearer, or log in at %slogin)\n", addr, url)
	}
	printExportSigner(w, signKey, o.SignKey)
	fmt.Fprintln(w, "stop with Ctrl-C")

	sched := web.NewScheduler(db, srv.Runner(), log)
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		if err := sched.Run(sctx); err != nil {
			log.Error("scheduler stopped", "err", err)
		}
	}()
	err = web.Serve(ctx, ln, srv)
	stop()
	return err
}

// The store is the web UI's store as it is: no adapter between them.
var _ web.Store = (*store.DB)(nil)

// webActor is who status changes made in the UI are recorded as.
func webActor(g *Globals) string {
	name := g.Getenv("USER")
	if name == "" {
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
	}
	if name == "" {
		return "web"
	}
	return name + " (web)"
}

// loadOrMakeToken reads the access token from path, or makes one with
// crypto/rand and writes it there (0600). fresh reports a new token.
func loadOrMakeToken(path string) (token string, fresh bool, err error) {
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

// serveInfoSuffix names the file serve leaves beside the store while it
// runs, so that a command refused by the store lock can say where the UI
// is.
const serveInfoSuffix = ".serve"

type serveInfo struct {
	PID int    `json:"pid"`
	URL string `json:"url"`
}

func writeServeInfo(path, url string) {
	b, _ := json.Marshal(serveInfo{PID: os.Getpid(), URL: url})
	_ = os.WriteFile(path, b, 0o600) // it only improves an error message
}

// serveHint says what to do when the store is locked by a running serve:
// use its UI or API, or stop it. It returns err unchanged otherwise.
// Globals.Store calls it on an open error.
func serveHint(err error, dbPath string) error {
	if shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
		return err
	}
	b, rerr := os.ReadFile(dbPath + serveInfoSuffix)
	if rerr != nil || len(b) > 4096 {
		return err
	}
	var info serveInfo
	if json.Unmarshal(b, &info) != nil || info.PID <= 0 || !strings.HasPrefix(info.URL, "http://") || !processAlive(info.PID) {
		return err
	}
	return shadowscan.Errorf(shadowscan.ECONFLICT, "%v\nshadowscan serve (process %d) holds the store: use the web UI or the JSON API at %s (see web/API.md), or stop serve and run this command again", err, info.PID, info.URL)
}

func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission)
}

// runServeScan runs one scan for the web runner: runScan, as `shadowscan
// scan` runs it (seller history, revisits), with the live counts reported
// through progress and no terminal output.
func runServeScan(ctx context.Context, g *Globals, baseURLs map[string]string, req web.ScanRequest, progress func(shadowscan.Scan)) (*shadowscan.Scan, error) {
	return runScan(ctx, g, scanOptions{
		Sites: req.Sites, Brand: req.BrandID, Queries: req.Queries, MaxPages: req.MaxPages,
		BaseURLs: baseURLs, Quiet: true, OnProgress: progress,
	})
}

// loadSignKey loads serve's --sign-key, nil for none.
func loadSignKey(path string) (*ecdsa.PrivateKey, error) {
	if path == "" {
		return nil, nil
	}
	key, err := evidence.LoadKey(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("--sign-key: %w", err)}
	}
	return key, nil
}

// printExportSigner says at start whether the UI's exports are signed.
func printExportSigner(w io.Writer, key *ecdsa.PrivateKey, path string) {
	if key == nil {
		fmt.Fprintln(w, "evidence exports are NOT signed: start serve with --sign-key KEY (from `shadowscan evidence keygen`) to sign them")
		return
	}
	fmt.Fprintf(w, "evidence exports are signed by key sha256 %s (%s)\n", evidence.Fingerprint(&key.PublicKey), path)
}

// signerOf is the fingerprint of key, "" for none.
func signerOf(key *ecdsa.PrivateKey) string {
	if key == nil {
		return ""
	}
	return evidence.Fingerprint(&key.PublicKey)
}

// exportTo writes an evidence bundle of the hits passing hf to w, signed
// with signKey when there is one.
func exportTo(ctx context.Context, db *store.DB, w io.Writer, hf shadowscan.HitFilter, by string, signKey *ecdsa.PrivateKey) error {
	n, err := db.HitCount(ctx, hf)
	if err != nil {
		return err
	}
	if n == 0 {
		return shadowscan.Errorf(shadowscan.ENOTFOUND, "no hits match the filters: nothing to export")
	}
	opts := evidence.Options{
		Created: time.Now(), Software: "shadowscan " + version, By: by,
		Filters: hf, BundleName: "shadowscan-export.wacz", Title: exportTitle(nil, hf),
		SignKey: signKey,
	}
	src := &exportSource{db: db, brands: map[string]*shadowscan.Brand{}, products: map[string]*shadowscan.Product{}}
	_, err = evidence.Write(ctx, w, src.items(ctx, nil, hf), db, opts)
	return err
}
