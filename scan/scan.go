package scan

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// Options say what to scan: the flags of `shadowscan scan`, and what a
// scheduled scan asks for.
type Options struct {
	// Sites are the site rules to crawl, in order.
	Sites []string
	// Brand limits the catalogue to one brand ("" for every brand).
	Brand string
	// Queries are the search queries; none: the catalogue's names and
	// aliases.
	Queries []string
	// MaxPages caps result pages per query (0: the site rule's).
	MaxPages int
	// BaseURL overrides the base_url of every site (--base-url).
	BaseURL string
	// BaseURLs overrides the base_url of the sites it names (site name ->
	// URL), for those BaseURL does not: serve's scans of the demo
	// marketplace use it.
	BaseURLs map[string]string
	// Resume goes on with the newest interrupted or failed scan, with the
	// options it was started with, skipping the pages it finished.
	Resume bool
	// KeepAll keeps the captures of unflagged listings too.
	KeepAll bool
	// NoRevisit skips fetching by URL the reported, removed and relisted
	// listings the search did not reach.
	NoRevisit bool
	// Proxies replace every site rule's proxies for this run (--proxy):
	// http, https, socks5 or socks5h URLs, rotated per request. They are
	// not part of the plan: a resumed scan uses the ones it is given.
	Proxies []string
	// ConfirmGoneAfter is how far apart two gone sightings of a listing
	// must be to confirm its removal (nil: store.DefaultConfirmGoneAfter).
	ConfirmGoneAfter *time.Duration
}

// gap is the confirmation gap o asks for.
func (o Options) gap() time.Duration {
	if o.ConfirmGoneAfter != nil {
		return *o.ConfirmGoneAfter
	}
	return store.DefaultConfirmGoneAfter
}

// Scanner runs scans on one store with one rule set.
type Scanner struct {
	db          *store.DB
	rules       *rules.Set
	log         *slog.Logger
	userAgent   string
	crawlerOpts []crawler.Option
	// ackWait is WithAckWait's, for distributed scans.
	ackWait time.Duration
}

// Option configures a Scanner.
type Option func(*Scanner)

// WithLogger sets the logger (default: discard).
func WithLogger(l *slog.Logger) Option { return func(s *Scanner) { s.log = l } }

// WithUserAgent sets the User-Agent the crawler sends when a site rule
// names none (crawler.WithUserAgent).
func WithUserAgent(ua string) Option { return func(s *Scanner) { s.userAgent = ua } }

// WithCrawlerOptions adds options to every crawler the scanner makes
// (a transport, for tests and proxies).
func WithCrawlerOptions(opts ...crawler.Option) Option {
	return func(s *Scanner) { s.crawlerOpts = append(s.crawlerOpts, opts...) }
}

// New returns a Scanner recording into db with the rules of set.
func New(db *store.DB, set *rules.Set, opts ...Option) *Scanner {
	s := &Scanner{db: db, rules: set}
	for _, o := range opts {
		o(s)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	return s
}

// Run crawls, matches and records as o says, reporting to on (nil: to
// nobody), and returns the scan record, also when the scan ends early
// (interrupted or failed) once it has one, so the caller can report it.
// Errors in how the scan was asked for are UsageErrors; an empty
// catalogue is EINVALID; a resume with nothing to resume ENOTFOUND, and
// with changed rules ECONFLICT.
func (s *Scanner) Run(ctx context.Context, o Options, on func(Event)) (*shadowscan.Scan, error) {
	sc, sites, o, err := s.plan(ctx, o)
	if err != nil {
		return nil, err
	}
	if o.Resume && sc.Plan != nil && sc.Plan.Distributed {
		return nil, UsageError{fmt.Errorf("--resume: scan %d was fetched by workers; resume it on the serve --nats that ran it (`shadowscan scan --remote URL --resume`)", sc.ID)}
	}
	m, _, err := s.matcher(ctx, sc)
	if err != nil {
		return nil, err
	}
	p := newPipeline(s, sc, m, o, on)
	if o.Resume {
		line, err := resumeLine(ctx, s.db, sc, sites)
		if err != nil {
			return nil, err
		}
		rec, err := s.db.ResumeScan(ctx, sc.ID)
		if err != nil {
			return nil, err
		}
		p.resumeFrom(rec)
		p.emit(Event{Kind: EventResumed, Message: line})
	} else {
		sc.State = shadowscan.ScanRunning
		sc.StartedAt = time.Now().UTC()
		if err := s.db.StartScan(ctx, sc); err != nil {
			return nil, err
		}
	}
	p.log = s.log.With("scan", p.scan.ID)
	p.log.Info("scan started", "sites", p.scan.Sites, "queries", len(p.scan.Queries), "resume", o.Resume)
	runErr := p.run(ctx, sites)
	return p.scan, s.finish(ctx, p, runErr)
}

// plan returns the scan to run and its sites: a new one from o, or, with
// o.Resume, the interrupted one with the options it was started with
// (refused when the rules changed since).
func (s *Scanner) plan(ctx context.Context, o Options) (*shadowscan.Scan, []*rules.Site, Options, error) {
	sc := &shadowscan.Scan{Sites: o.Sites, BrandID: o.Brand, Queries: o.Queries}
	if o.Resume {
		prev, err := resumable(ctx, s.db)
		if err != nil {
			return nil, nil, o, err
		}
		if o, err = resumeOptions(prev, o); err != nil {
			return nil, nil, o, err
		}
		if prev.Plan != nil {
			if err := checkRules(prev.ID, prev.Plan, s.rules); err != nil {
				return nil, nil, o, err
			}
		}
		sc = prev
	}
	sites, err := s.sites(sc, o)
	if err != nil {
		return nil, nil, o, err
	}
	if !o.Resume {
		if sc.Plan, err = newPlan(sites, s.rules.Detection, o, o.gap()); err != nil {
			return nil, nil, o, err
		}
		if sc.Plan.Catalog, err = catalogDigest(ctx, s.db); err != nil {
			return nil, nil, o, err
		}
	}
	return sc, sites, o, nil
}

// sites returns the site rules of sc at the base URLs they are crawled at.
func (s *Scanner) sites(sc *shadowscan.Scan, o Options) ([]*rules.Site, error) {
	sites := make([]*rules.Site, 0, len(sc.Sites))
	for _, name := range sc.Sites {
		site, err := s.rules.Site(name)
		if err != nil {
			return nil, UsageError{err}
		}
		planned := ""
		if ps := plannedSite(sc.Plan, name); ps != nil {
			planned = ps.BaseURL
		}
		if site, err = applyBaseURL(site, o, planned); err != nil {
			return nil, err
		}
		sites = append(sites, site)
	}
	return sites, nil
}

// matcher loads the catalogue (of the scan's brand), fills in the scan's
// default queries and returns the matcher, and the catalogue it matches
// against.
func (s *Scanner) matcher(ctx context.Context, sc *shadowscan.Scan) (*matcher.Matcher, *shadowscan.Catalog, error) {
	stored, err := s.db.Catalog(ctx)
	if err != nil {
		return nil, nil, err
	}
	cat := stored
	if len(cat.Products) == 0 {
		return nil, nil, shadowscan.Errorf(shadowscan.EINVALID, "the store %s holds no catalogue: run `shadowscan catalog import FILE` first", s.db.Path())
	}
	if sc.BrandID != "" {
		if cat, err = cat.OnlyBrand(sc.BrandID); err != nil {
			return nil, nil, fmt.Errorf("--brand: %w", err)
		}
	}
	if len(sc.Queries) == 0 {
		sc.Queries = cat.SearchQueries()
	}
	// Repeat offenders and networks both count confirmed hits by seller;
	// networks and relists know official photos and shops from the whole
	// catalogue, whatever the scan's brand. Each is read once.
	confirmed, err := s.db.ConfirmedBySeller(ctx)
	if err != nil {
		return nil, nil, err
	}
	// The market is what earlier scans saw: a resumed scan leaves out what
	// it stored itself before the kill, as an uninterrupted one never saw it.
	market, err := storeMarket(ctx, s.db, s.rules.Detection, sc.ID)
	if err != nil {
		return nil, nil, err
	}
	// The network walk counts the shops showing the relists' hits' photos.
	r, err := relister(ctx, s.db, s.rules.Detection, stored)
	if err != nil {
		return nil, nil, err
	}
	network, err := networkReasons(ctx, s.db, s.rules.Detection, stored, confirmed, r)
	if err != nil {
		return nil, nil, err
	}
	m, err := matcher.New(cat, s.rules.Detection, sellerHistory(confirmed), market, network, relists(ctx, s.db, r))
	return m, cat, err
}

// finish writes the final record whatever happened, with a context that
// outlives a Ctrl-C, so an interrupted scan can be resumed; a scan that
// finished forgets its frontier.
func (s *Scanner) finish(ctx context.Context, p *pipeline, runErr error) error {
	sc, log := p.scan, p.log
	sc.EndedAt = time.Now().UTC()
	switch {
	case runErr == nil:
		sc.State = shadowscan.ScanDone
	case errors.Is(runErr, context.Canceled):
		sc.State = shadowscan.ScanInterrupted
		sc.Err = "interrupted"
	default:
		sc.State = shadowscan.ScanFailed
		sc.Err = runErr.Error()
	}
	wctx := context.WithoutCancel(ctx)
	if err := s.db.FinishScan(wctx, sc); err != nil {
		if runErr == nil {
			runErr = err
		}
		log.Warn("the scan record could not be written", "err", err)
	} else if sc.State == shadowscan.ScanDone {
		if err := s.db.ClearFrontier(wctx, sc.ID); err != nil {
			log.Warn("the finished scan's frontier could not be cleared", "err", err)
		}
	}
	log.Info("scan ended", "state", sc.State, "pages", sc.Pages, "listings", sc.Listings, "hits", sc.Hits, "revisited", p.revisited)
	return runErr
}

// resumable returns the newest scan that did not finish: interrupted (a
// running scan no live process owns is reported as interrupted) or
// failed. Scans older than the newest finished one are not resumed.
func resumable(ctx context.Context, db *store.DB) (*shadowscan.Scan, error) {
	scans, err := db.Scans(ctx, 50)
	if err != nil {
		return nil, err
	}
	for i := range scans {
		s := &scans[i]
		switch s.State {
		case shadowscan.ScanInterrupted, shadowscan.ScanFailed:
			return s, nil
		case shadowscan.ScanDone:
			return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "--resume: the newest scan, %d, finished: nothing to go on with; start a new one with `shadowscan scan --site S`", s.ID)
		}
	}
	return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "--resume: no interrupted scan to go on with; start one with `shadowscan scan --site S`")
}
