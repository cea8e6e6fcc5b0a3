package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"time"

	"github.com/shadowscan/shadowscan"
)

// Store is what the web UI reads and writes; the store's *DB has every
// method.
type Store interface {
	// Hits returns the hits passing f, highest score first, paged by
	// f.Limit and f.Offset. EINVALID for a bad filter.
	Hits(ctx context.Context, f shadowscan.HitFilter) ([]shadowscan.Hit, error)
	// HitCount counts the hits passing f, ignoring Limit and Offset.
	HitCount(ctx context.Context, f shadowscan.HitFilter) (int, error)
	// Hit returns one hit, or ENOTFOUND.
	Hit(ctx context.Context, id uint64) (*shadowscan.Hit, error)
	// MarkHits moves hits through the workflow as the change says:
	// EINVALID for a move the workflow refuses or a malformed reason or
	// case number, ENOTFOUND for an unknown hit.
	MarkHits(ctx context.Context, ids []uint64, c shadowscan.StatusChange) ([]shadowscan.Hit, error)
	// HitCounts counts every hit by status, category, brand, site, seller.
	HitCounts(ctx context.Context) (*shadowscan.HitCounts, error)
	// Catalog returns every brand and product.
	Catalog(ctx context.Context) (*shadowscan.Catalog, error)
	// Product returns one product, or ENOTFOUND.
	Product(ctx context.Context, sku string) (*shadowscan.Product, error)
	// Blob returns stored bytes by SHA-256: ENOTFOUND, EINVALID.
	Blob(ctx context.Context, sha string) ([]byte, error)
	// Captures returns a listing's captures without bodies: ENOTFOUND.
	Captures(ctx context.Context, site, id string) ([]shadowscan.Capture, error)
	// Scans returns up to limit scans, newest first.
	Scans(ctx context.Context, limit int) ([]shadowscan.Scan, error)
	// Enforcement counts the listings and shops entering each stage per
	// brand, site and month, from the hits' histories.
	Enforcement(ctx context.Context, f shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error)
	ScheduleStore
	SavedFilterStore
	SessionStore
}

// SessionStore keeps the sites' login sessions (shadowscan sites login).
type SessionStore interface {
	// SessionSites returns the sites with a stored session, its cookies
	// reduced to when each expires: never their names or values.
	SessionSites(ctx context.Context) (map[string]shadowscan.Session, error)
	// DeleteSession removes a site's session: ENOTFOUND when it has none.
	DeleteSession(ctx context.Context, site string) error
}

// SavedFilterStore keeps the review queue's saved filters.
type SavedFilterStore interface {
	// SaveFilter stores f as a new filter and sets its ID: EINVALID,
	// ECONFLICT when its owner has one of that name.
	SaveFilter(ctx context.Context, f *shadowscan.SavedFilter) error
	// SavedFilter returns one filter whoever may see it: ENOTFOUND.
	SavedFilter(ctx context.Context, id uint64) (*shadowscan.SavedFilter, error)
	// SavedFilters returns the filters user sees (their own and the
	// shared ones), by name.
	SavedFilters(ctx context.Context, user string) ([]shadowscan.SavedFilter, error)
	// DeleteSavedFilter removes a filter: ENOTFOUND.
	DeleteSavedFilter(ctx context.Context, id uint64) error
}

// ScheduleStore keeps the schedules the Scheduler runs.
type ScheduleStore interface {
	// Schedules returns every schedule, oldest first.
	Schedules(ctx context.Context) ([]shadowscan.Schedule, error)
	// AddSchedule stores s and sets its ID: EINVALID.
	AddSchedule(ctx context.Context, s *shadowscan.Schedule) error
	// RemoveSchedule deletes a schedule: ENOTFOUND.
	RemoveSchedule(ctx context.Context, id uint64) error
	// MarkScheduleRun records a run's start time, scan and error:
	// ENOTFOUND.
	MarkScheduleRun(ctx context.Context, id uint64, at time.Time, scanID uint64, runErr string) error
}

// ScanRequest is one scan to run.
type ScanRequest struct {
	Sites    []string `json:"sites"`
	BrandID  string   `json:"brand,omitempty"`
	Queries  []string `json:"queries,omitempty"`
	MaxPages int      `json:"max_pages,omitempty"`
	// ScheduleID is the schedule that asked for it, 0 when none.
	ScheduleID uint64 `json:"schedule_id,omitempty"`
	// Resume goes on with the newest interrupted or failed scan (of these
	// sites) instead of starting a new one, as scan --resume does.
	Resume bool `json:"resume,omitempty"`
	// By names who started it from the UI or the API ("" for a schedule).
	By string `json:"by,omitempty"`
}

// RunScanFunc runs one scan to its end and returns its record (also when
// it fails, if it got that far). progress is called now and then with the
// counts so far; it may be called from several goroutines.
type RunScanFunc func(ctx context.Context, req ScanRequest, progress func(shadowscan.Scan)) (*shadowscan.Scan, error)

// ExportFunc writes an evidence bundle (.wacz) of the hits passing f to w,
// in the name of by. ENOTFOUND when no hit passes f.
type ExportFunc func(ctx context.Context, w io.Writer, f shadowscan.HitFilter, by string) error

// Config is what a Server needs.
type Config struct {
	// Store is required.
	Store Store
	// Log receives request and error logs (default: discard).
	Log *slog.Logger
	// Token is the access token. With RequireToken every request but
	// /login, /healthz and /static/ needs it; without, a request that
	// sends it as a bearer token is still an API client exempt from CSRF.
	Token        string
	RequireToken bool
	// Actor is who status changes made in the UI are recorded as in
	// single-user mode (default "web"); named users are recorded by name.
	Actor string
	// Users signs in named users with roles; nil, or none defined, keeps
	// the single-user mode.
	Users Users
	// DismissReasons is the pick list a dismissal chooses its reason
	// from (rules: review.yaml). Empty, no dismissal is accepted: the
	// command line passes the configured list.
	DismissReasons shadowscan.DismissReasons
	// Sites names the known sites, for the schedule form and its checks.
	Sites []string
	// SiteRules describe the known sites for the sites page.
	SiteRules []SiteRule
	// RunScan runs scans for the scheduler and the "run now" buttons; nil
	// disables both.
	RunScan RunScanFunc
	// Export writes evidence bundles; nil hides the export button.
	Export ExportFunc
	// ExportSigner is the fingerprint (SHA-256 of the DER public key, hex)
	// of the key Export signs with; "" when its bundles are unsigned, which
	// the export form then says, with how to configure a key.
	ExportSigner string
	// Networks links the stored shops into seller networks; nil hides the
	// network pages.
	Networks NetworksFunc
	// SellerListings lists a shop's stored listings for its seller page;
	// nil leaves them out.
	SellerListings SellerListingsFunc
	// Relists finds the relists of a reported or removed hit, for its
	// page; nil leaves them out.
	Relists RelistsFunc
	// NetworkOf finds the counterfeit networks a defamation hit's seller
	// or contact handle belongs to, for its page; nil leaves them out.
	NetworkOf NetworkOfFunc
	// Fleet reads the state of the workers serve runs its scans on
	// (serve --nats) for /metrics; nil for a serve that scans itself.
	Fleet FleetStatsFunc
	// Backup copies the store for GET /api/backup; nil disables it.
	Backup BackupFunc
	// TempDir is where backups are staged before they are sent ("" for
	// the system's temporary directory). Give the store's
	// directory: a backup is as large as the store.
	TempDir string
	// Now replaces time.Now, for tests.
	Now func() time.Time
}

// Server is the web UI and API. Make one with New; it is an http.Handler.
type Server struct {
	store   Store
	log     *slog.Logger
	cfg     Config
	now     func() time.Time
	csrfKey []byte
	pages   *templates
	metrics *metrics
	runner  *Runner
	handler http.Handler
}

// New checks cfg, parses the embedded templates and returns the server.
// It fails when a template is missing or broken.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: config has no store")
	}
	if cfg.RequireToken && len(cfg.Token) < 16 {
		return nil, errors.New("web: a token of at least 16 characters is required when RequireToken is set")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Actor == "" {
		cfg.Actor = "web"
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.Sites = slices.Clone(cfg.Sites)
	slices.Sort(cfg.Sites)
	cfg.SiteRules = slices.Clone(cfg.SiteRules)
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{store: cfg.Store, log: cfg.Log, cfg: cfg, now: cfg.Now, pages: pages, csrfKey: make([]byte, 32)}
	if _, err := rand.Read(s.csrfKey); err != nil {
		return nil, fmt.Errorf("web: csrf key: %w", err)
	}
	s.metrics = newMetrics(s)
	s.runner = newRunner(cfg.RunScan, cfg.Log, s.metrics)
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP serves the UI, the API, /metrics and /healthz.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Runner returns the server's scan runner, which the Scheduler shares so
// that at most one scan runs per site.
func (s *Server) Runner() *Runner { return s.runner }

// routes builds the mux and wraps it in the middleware chain.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	handle := func(pattern string, h http.Handler) { mux.Handle(pattern, withRoute(pattern, h)) }

	handle("GET /{$}", http.HandlerFunc(s.handleDashboard))
	handle("GET /queue", http.HandlerFunc(s.handleQueue))
	handle("POST /queue/filters", http.HandlerFunc(s.handleFilterSaveForm))
	handle("POST /queue/filters/{id}/delete", http.HandlerFunc(s.handleFilterDeleteForm))
	handle("GET /hits/{id}", http.HandlerFunc(s.handleHit))
	handle("POST /hits/{id}/status", http.HandlerFunc(s.handleHitStatusForm))
	handle("GET /hits/{id}/photos/{n}", http.HandlerFunc(s.handleListingPhoto))
	handle("GET /products/{sku}/photos/{n}", http.HandlerFunc(s.handleProductPhoto))
	handle("GET /sellers", http.HandlerFunc(s.handleSellers))
	handle("GET /sellers/{site}/{seller}", http.HandlerFunc(s.handleSeller))
	handle("GET /networks", http.HandlerFunc(s.handleNetworks))
	handle("GET /networks/{id}", http.HandlerFunc(s.handleNetwork))
	handle("GET /catalog", http.HandlerFunc(s.handleCatalog))
	handle("GET /scans", http.HandlerFunc(s.handleScans))
	handle("POST /scans", s.need(shadowscan.PermScan, s.handleScanStartForm))
	handle("POST /scans/runs/{run}/cancel", s.need(shadowscan.PermScan, s.handleScanCancelForm))
	handle("GET /stats", http.HandlerFunc(s.handleStats))
	handle("GET /schedules", http.HandlerFunc(s.handleSchedules))
	handle("POST /schedules", s.need(shadowscan.PermAdmin, s.handleScheduleAddForm))
	handle("POST /schedules/{id}/delete", s.need(shadowscan.PermAdmin, s.handleScheduleDeleteForm))
	handle("POST /schedules/{id}/run", s.need(shadowscan.PermAdmin, s.handleScheduleRunForm))
	handle("GET /sites", http.HandlerFunc(s.handleSites))
	handle("POST /sites/{site}/session/delete", s.need(shadowscan.PermAdmin, s.handleSiteSessionDeleteForm))
	handle("POST /export", s.need(shadowscan.PermExport, s.handleExport))
	if cfg := s.cfg; cfg.Users != nil {
		handle("GET /users", s.need(shadowscan.PermAdmin, s.handleUsers))
		handle("POST /users", s.need(shadowscan.PermAdmin, s.handleUserAddForm))
		handle("POST /users/{name}/role", s.need(shadowscan.PermAdmin, s.handleUserRoleForm))
		handle("POST /users/{name}/remove", s.need(shadowscan.PermAdmin, s.handleUserRemoveForm))
		handle("POST /users/{name}/token", s.need(shadowscan.PermAdmin, s.handleUserTokenForm))
	}
	handle("GET /login", http.HandlerFunc(s.handleLoginForm))
	handle("POST /login", http.HandlerFunc(s.handleLogin))
	handle("POST /logout", http.HandlerFunc(s.handleLogout))
	handle("GET /static/", http.HandlerFunc(s.handleStatic))
	handle("GET /healthz", http.HandlerFunc(s.handleHealthz))
	handle("GET /metrics", s.metrics.handler())

	s.apiRoutes(handle)
	handle("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.apiError(w, r, shadowscan.Errorf(shadowscan.ENOTFOUND, "no API endpoint %s %s (see API.md)", r.Method, r.URL.Path))
	}))
	handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, shadowscan.Errorf(shadowscan.ENOTFOUND, "no page %s", r.URL.Path))
	}))

	var h http.Handler = mux
	h = s.csrf(h)
	h = s.auth(h)
	h = s.hostCheck(h)
	h = securityHeaders(h)
	h = s.observe(h)
	return h
}

// apiRoutes adds the JSON API's endpoints (see API.md).
func (s *Server) apiRoutes(handle func(pattern string, h http.Handler)) {
	handle("GET /api/hits", http.HandlerFunc(s.apiHits))
	handle("GET /api/hits/{id}", http.HandlerFunc(s.apiHit))
	handle("POST /api/hits/{id}/status", http.HandlerFunc(s.apiHitStatus))
	handle("POST /api/hits/status", http.HandlerFunc(s.apiHitsStatus))
	handle("GET /api/filters", http.HandlerFunc(s.apiFilters))
	handle("POST /api/filters", http.HandlerFunc(s.apiFilterSave))
	handle("GET /api/filters/{id}", http.HandlerFunc(s.apiFilter))
	handle("DELETE /api/filters/{id}", http.HandlerFunc(s.apiFilterDelete))
	handle("GET /api/sellers", http.HandlerFunc(s.apiSellers))
	handle("GET /api/sellers/{site}/{seller}", http.HandlerFunc(s.apiSeller))
	handle("GET /api/networks", http.HandlerFunc(s.apiNetworks))
	handle("GET /api/networks/{id}", http.HandlerFunc(s.apiNetwork))
	handle("GET /api/catalog", http.HandlerFunc(s.apiCatalog))
	handle("GET /api/scans", http.HandlerFunc(s.apiScans))
	handle("POST /api/scans", s.need(shadowscan.PermScan, s.apiScanStart))
	handle("GET /api/scans/running", http.HandlerFunc(s.apiScansRunning))
	handle("GET /api/scans/runs/{run}", http.HandlerFunc(s.apiScanRun))
	handle("POST /api/scans/runs/{run}/cancel", s.need(shadowscan.PermScan, s.apiScanCancel))
	handle("GET /api/schedules", http.HandlerFunc(s.apiSchedules))
	handle("POST /api/schedules", s.need(shadowscan.PermAdmin, s.apiScheduleAdd))
	handle("DELETE /api/schedules/{id}", s.need(shadowscan.PermAdmin, s.apiScheduleDelete))
	handle("GET /api/sites", http.HandlerFunc(s.apiSites))
	handle("DELETE /api/sites/{site}/session", s.need(shadowscan.PermAdmin, s.apiSiteSessionDelete))
	handle("GET /api/stats", http.HandlerFunc(s.apiStats))
	handle("GET /api/stats/enforcement", http.HandlerFunc(s.apiEnforcement))
	handle("GET /api/backup", s.need(shadowscan.PermAdmin, s.apiBackup))
}

func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, "ok\n") // a write fails only when the client has gone
}

// IsLoopback reports whether addr (host:port) binds only the loopback
// interface: 127.0.0.0/8, ::1 or "localhost". An empty host binds every
// interface and is not loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve serves s on ln until ctx is done, then shuts down gracefully,
// waiting up to 10 s for requests and for running scans to stop.
func Serve(ctx context.Context, ln net.Listener, s *Server) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	s.runner.Stop()
	if err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	return nil
}
