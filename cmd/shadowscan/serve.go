package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/user"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/account"
	"github.com/shadowscan/shadowscan/evidence"
	"github.com/shadowscan/shadowscan/export"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/scan"
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
	// NATS runs serve's scans on workers (--nats); NATSListen is where
	// the embedded server listens.
	NATS       natsOptions
	NATSListen string
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
"Authorization: Bearer TOKEN" or log in at /login.

Once named users exist (shadowscan users add), everyone logs in with a
name and password, on 127.0.0.1 too, and API clients send their own token
(shadowscan users token NAME); every change is recorded in the user's name
and roles gate what each may do.

With --nats, serve's scans (scheduled and started in the UI) run on
workers (shadowscan worker) through NATS JetStream: serve publishes each
scan's search pages as tasks and stores the listings the workers send
back, as the only writer of the store. "--nats embedded" starts a NATS
server inside serve, listening on --nats-listen (loopback only) and
storing beside the store (STORE.nats/); "--nats URL" uses a server of
your own (with --nats-creds for its credentials), or a cluster: name
every server (nats://a:4222,nats://b:4222,nats://c:4222) and pass
--nats-replicas 3 so that each stream and bucket is kept by three servers
and a scan survives the loss of one. Without workers, such a
scan waits for them. Not yet distributed: the revisits of listings
tracked for takedown, stored sessions and proxies.`,
		Example: `  shadowscan serve
  shadowscan serve --addr 0.0.0.0:8080     # needs the token
  shadowscan serve --sign-key brand.key    # the UI's exports are signed
  shadowscan serve --nats nats://a:4222,nats://b:4222,nats://c:4222 --nats-creds serve.creds --nats-replicas 3
  curl -H "Authorization: Bearer $(cat shadowscan.db.token)" http://127.0.0.1:8080/api/hits?status=new`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, _, err := net.SplitHostPort(o.Addr); err != nil {
				return usagef("--addr %q: use host:port, such as 127.0.0.1:8080", o.Addr)
			}
			if o.NATS.Replicas < 1 || o.NATS.Replicas > 5 {
				return usagef("--nats-replicas %d: JetStream keeps 1 to 5 copies (3 on a 3-node cluster)", o.NATS.Replicas)
			}
			return serveUntilDone(cmd.Context(), g, o, nil)
		},
	}
	o.NATS.AddFlags(cmd.Flags(), "run scans on workers through NATS JetStream: `embedded` (a server inside serve) or a server's URL")
	cmd.Flags().StringVar(&o.NATSListen, "nats-listen", defaultNATSListen, "where --nats embedded listens (loopback only)")
	cmd.Flags().IntVar(&o.NATS.Replicas, "nats-replicas", 1, "how many servers of a NATS cluster keep each stream and bucket (`N`: 3 on a 3-node cluster)")
	cmd.Flags().StringVar(&o.Addr, "addr", defaultServeAddr, "address to listen on (a non-loopback address requires the access token)")
	cmd.Flags().StringVar(&o.SignKey, "sign-key", "", "sign the UI's evidence exports with this `KEY` file (from shadowscan evidence keygen)")
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
	q, natsURL, stopNATS, err := startFleet(ctx, g, o)
	if err != nil {
		return err
	}
	defer stopNATS()
	loopback := web.IsLoopback(addr)
	users := account.New(db)
	named, err := users.Enabled(ctx)
	if err != nil {
		return err
	}
	token, fresh, err := web.LoadOrMakeToken(g.dbPath() + web.TokenSuffix)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w (is another server using the port? pick another with --addr)", addr, err)
	}
	defer ln.Close()
	log := g.Logger()
	cfg := webConfig(g, db, set, signKey, baseURLs, q)
	cfg.Log, cfg.Token, cfg.RequireToken, cfg.Users = log, token, !loopback, users
	srv, err := web.New(cfg)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	infoPath := g.dbPath() + web.InfoSuffix
	web.WriteInfo(infoPath, url)
	defer os.Remove(infoPath)

	w := g.Stdout
	fmt.Fprintf(w, "shadowscan serve: review UI at %s (store %s)\n", url, g.dbPath())
	printAccess(w, accessInfo{url: url, addr: addr, loopback: loopback, named: named, fresh: fresh, token: token, tokenFile: g.dbPath() + web.TokenSuffix})
	printExportSigner(w, signKey, o.SignKey)
	if q != nil {
		fmt.Fprintf(w, "scans run on workers through NATS JetStream (%s): start them with `shadowscan worker --nats %s`\n", o.NATS.URL, natsURL)
	}
	if q != nil {
		if err := resumeLeftScan(ctx, db, srv.Runner(), w); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "stop with Ctrl-C")
	return serveAndSchedule(ctx, db, srv, ln, log)
}

// resumeLeftScan has the runner go on with the distributed scan a serve
// that died left running (scan.LeftByCoordinator): this serve is the
// coordinator that restarted.
func resumeLeftScan(ctx context.Context, db *store.DB, r *web.Runner, w io.Writer) error {
	sc, err := scan.LeftByCoordinator(ctx, db)
	if err != nil || sc == nil {
		return err
	}
	if err := r.Start(web.ScanRequest{Sites: sc.Sites, Resume: true, By: "serve"}, nil); err != nil {
		return fmt.Errorf("resume scan %d, left running: %w", sc.ID, err)
	}
	fmt.Fprintf(w, "resuming scan %d, left running when serve stopped (see /scans)\n", sc.ID)
	return nil
}

// serveAndSchedule serves srv on ln and runs the scheduled scans until
// ctx is done.
func serveAndSchedule(ctx context.Context, db *store.DB, srv *web.Server, ln net.Listener, log *slog.Logger) error {
	sched := web.NewScheduler(db, srv.Runner(), log)
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		if err := sched.Run(sctx); err != nil {
			log.Error("scheduler stopped", "err", err)
		}
	}()
	err := web.Serve(ctx, ln, srv)
	stop()
	return err
}

// webConfig is the web UI's configuration on db with the rules of set:
// the use cases it calls, wired to the store. The caller adds the access
// settings.
func webConfig(g *Globals, db *store.DB, set *rules.Set, signKey *ecdsa.PrivateKey, baseURLs map[string]string, q *fleet.Conn) web.Config {
	return web.Config{
		Store:          db,
		Actor:          webActor(g),
		Sites:          set.SiteNames(),
		SiteRules:      webSiteRules(set, baseURLs),
		DismissReasons: set.Review.DismissReasons,
		RunScan: func(ctx context.Context, req web.ScanRequest, progress func(shadowscan.Scan)) (*shadowscan.Scan, error) {
			return runServeScan(ctx, g, baseURLs, q, req, progress)
		},
		Export: func(ctx context.Context, w io.Writer, hf shadowscan.HitFilter, by string) error {
			_, err := export.Write(ctx, db, w, export.Options{Filter: hf, By: by, SignKey: signKey,
				BundleName: "shadowscan-export.wacz", Software: "shadowscan " + version})
			return err
		},
		ExportSigner:   signerOf(signKey),
		Networks:       webNetworks(db, set.Detection),
		SellerListings: webSellerListings(db),
		Relists:        webRelists(db, set.Detection),
		NetworkOf:      webNetworkOf(db, set.Detection),
		Fleet:          webFleetStats(q),
		Backup:         db.Backup,
		TempDir:        filepath.Dir(g.dbPath()),
	}
}

// accessInfo is what serve says at start about who may get in and how.
type accessInfo struct {
	url, addr, token, tokenFile string
	loopback, named, fresh      bool
}

// printAccess says how to get in. The shared token is printed only where
// it is needed, off loopback without named users, and only the first time.
func printAccess(w io.Writer, a accessInfo) {
	switch {
	case a.named:
		fmt.Fprintf(w, "named users: everyone logs in at %slogin; API clients send their own token (shadowscan users token NAME)\n", a.url)
		if !a.loopback {
			fmt.Fprintln(w, "session cookies are Secure off loopback: put an HTTPS proxy in front of this address")
		}
	case a.loopback:
		fmt.Fprintf(w, "listening on loopback only: no login needed in the browser; API clients may send the token kept in %s as a bearer token\n", a.tokenFile)
	default:
		if a.fresh {
			fmt.Fprintf(w, "access token (shown once; kept in %s): %s\n", a.tokenFile, a.token)
		}
		fmt.Fprintf(w, "listening on %s: every request needs the token (Authorization: Bearer, or log in at %slogin)\n", a.addr, a.url)
	}
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

// serveHint says what to do when the store is locked by a running serve:
// use its UI or API, or stop it. It returns err unchanged otherwise.
// Globals.Store calls it on an open error.
func serveHint(err error, dbPath string) error {
	if shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
		return err
	}
	info, ok := web.Running(dbPath + web.InfoSuffix)
	if !ok {
		return err
	}
	return shadowscan.Errorf(shadowscan.ECONFLICT, "%v\nshadowscan serve (process %d) holds the store: use the web UI or the JSON API at %s (see web/API.md), or stop serve and run this command again", err, info.PID, info.URL)
}

// runServeScan runs one scan for the web runner: runScan, as `shadowscan
// scan` runs it (seller history, revisits), with the live counts reported
// through progress and no terminal output.
func runServeScan(ctx context.Context, g *Globals, baseURLs map[string]string, q *fleet.Conn, req web.ScanRequest, progress func(shadowscan.Scan)) (*shadowscan.Scan, error) {
	return runScan(ctx, g, scanOptions{
		Options: scan.Options{Sites: req.Sites, Brand: req.BrandID, Queries: req.Queries, MaxPages: req.MaxPages, BaseURLs: baseURLs, Resume: req.Resume},
		Quiet:   true, OnProgress: progress, Fleet: q,
	})
}

// startFleet starts serve's NATS side as o.NATS says: nothing, an
// embedded server storing in STORE.nats beside the store, or a
// connection to a server of the user's. url is where workers connect;
// stop ends it.
func startFleet(ctx context.Context, g *Globals, o serveOptions) (q *fleet.Conn, url string, stop func(), err error) {
	url = o.NATS.URL
	if url == "" {
		return nil, "", func() {}, nil
	}
	var srv *fleet.Server
	if url == natsEmbedded {
		if o.NATS.Replicas > 1 {
			return nil, "", nil, usagef("--nats-replicas %d: the embedded server is one server and keeps one copy; run a cluster and pass --nats URL", o.NATS.Replicas)
		}
		if srv, err = fleet.StartEmbedded(g.dbPath()+".nats", o.NATSListen); err != nil {
			return nil, "", nil, usageError{fmt.Errorf("--nats embedded: %w", err)}
		}
		url = srv.URL()
	}
	q, err = o.NATS.connect(ctx, g, url, "shadowscan-serve")
	if err != nil {
		if srv != nil {
			srv.Close()
		}
		return nil, "", nil, err
	}
	return q, url, func() {
		q.Close()
		if srv != nil {
			srv.Close()
		}
	}, nil
}

// webSiteRules describes the sites of set for the sites page, with the
// base URLs the server's scans use (baseURLs overrides, as in demo --serve).
func webSiteRules(set *rules.Set, baseURLs map[string]string) []web.SiteRule {
	out := make([]web.SiteRule, 0, len(set.Sites))
	for _, name := range set.SiteNames() {
		s := set.Sites[name]
		r := web.SiteRule{Name: s.Name, BaseURL: s.BaseURL, Fetch: web.FetchPlain, Parallelism: s.Politeness.Parallelism,
			Delay: s.Politeness.Delay.String(), Robots: s.Politeness.RespectRobotsTxt, PhotoHosts: s.PhotoHosts, File: s.File}
		if u := baseURLs[name]; u != "" {
			r.BaseURL = u
		}
		switch {
		case s.Browser():
			r.Fetch = web.FetchBrowser
		case s.Search.JSON() || s.Listing.JSON():
			r.Fetch = web.FetchJSON
		}
		if s.Politeness.RandomDelay > 0 {
			r.RandomDelay = s.Politeness.RandomDelay.String()
		}
		out = append(out, r)
	}
	return out
}

// webSellerListings gives the seller pages a shop's stored listings.
func webSellerListings(db *store.DB) web.SellerListingsFunc {
	return func(ctx context.Context, site, sellerID string, limit int) ([]web.SellerListing, int, error) {
		recs, total, err := db.SellerListings(ctx, site, sellerID, limit)
		if err != nil {
			return nil, 0, err
		}
		out := make([]web.SellerListing, len(recs))
		for i := range recs {
			r := &recs[i]
			out[i] = web.SellerListing{Listing: shadowscan.NewListingView(&r.Listing, false), FirstSeen: r.FirstSeen, LastSeen: r.LastSeen,
				ScanID: r.ScanID, HitID: r.HitID, Verdict: r.Verdict}
		}
		return out, total, nil
	}
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
