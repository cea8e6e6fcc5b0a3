package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/shadowscan/shadowscan"
)

// SiteRule is what the sites page shows of a site's rule. The command
// line fills Config.SiteRules from the rules it loaded.
type SiteRule struct {
	Name    string `json:"name"`
	BaseURL string `json:"base_url"`
	// Fetch is how pages are fetched: FetchPlain, FetchBrowser or
	// FetchJSON.
	Fetch       string   `json:"fetch"`
	Parallelism int      `json:"parallelism"`
	Delay       string   `json:"delay"`
	RandomDelay string   `json:"random_delay,omitempty"`
	Robots      bool     `json:"respect_robots_txt"`
	PhotoHosts  []string `json:"photo_hosts"`
	// File is where the rule came from ("embedded:NAME.yaml" or a path).
	File string `json:"file,omitempty"`
}

// Fetch modes of a SiteRule.
const (
	// FetchPlain is an HTTP client reading HTML pages.
	FetchPlain = "plain"
	// FetchBrowser loads pages in headless Chromium.
	FetchBrowser = "browser"
	// FetchJSON is an HTTP client reading a JSON API.
	FetchJSON = "json"
)

// SiteSession is what the sites page says of a stored login session:
// never a cookie's name or value, which are secrets.
type SiteSession struct {
	Cookies     int       `json:"cookies"`
	SavedAt     time.Time `json:"saved_at"`
	RefreshedAt time.Time `json:"refreshed_at,omitzero"`
	// Expires is when its first cookie lapses, zero when every cookie
	// lasts as long as the session; Expired is set when that has passed.
	Expires time.Time `json:"expires,omitzero"`
	Expired bool      `json:"expired"`
}

// SiteScan is the newest scan that crawled a site.
type SiteScan struct {
	ID        uint64    `json:"id"`
	State     string    `json:"state"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at,omitzero"`
	// Listings and Hits count the whole scan, which crawled Sites sites.
	Listings int `json:"listings"`
	Hits     int `json:"hits"`
	Sites    int `json:"sites"`
	// Blocked counts the site's block pages in that scan; nil for none.
	Blocked *shadowscan.SiteBlocks `json:"blocked,omitempty"`
}

// SiteView is one line of the sites page and of GET /api/sites.
type SiteView struct {
	SiteRule
	// Configured is false for a site that has a stored session but no
	// rule loaded: the session can only be forgotten.
	Configured bool `json:"configured"`
	// Session is nil when none is stored.
	Session *SiteSession `json:"session"`
	// LastScan is nil when none of the newest scans crawled the site.
	LastScan *SiteScan `json:"last_scan"`
	Running  bool      `json:"running"`
}

// siteViews returns the configured sites, then those that only have a
// stored session, each by name.
func (s *Server) siteViews(r *http.Request) ([]SiteView, error) {
	ctx := r.Context()
	sessions, err := s.store.SessionSites(ctx)
	if err != nil {
		return nil, err
	}
	scans, err := s.store.Scans(ctx, scanHistory)
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := make([]SiteView, 0, len(s.cfg.SiteRules)+len(sessions))
	for _, rule := range s.cfg.SiteRules {
		out = append(out, SiteView{SiteRule: rule, Configured: true})
	}
	for name := range sessions {
		if !slices.ContainsFunc(s.cfg.SiteRules, func(r SiteRule) bool { return r.Name == name }) {
			out = append(out, SiteView{SiteRule: SiteRule{Name: name}})
		}
	}
	slices.SortStableFunc(out, func(a, b SiteView) int {
		if a.Configured != b.Configured {
			if a.Configured {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Name, b.Name)
	})
	for i := range out {
		v := &out[i]
		if sess, ok := sessions[v.Name]; ok {
			v.Session = siteSession(sess, now)
		}
		v.LastScan = lastScanOf(scans, v.Name)
		v.Running = s.runner.Busy(v.Name)
	}
	return out, nil
}

// siteSession summarises a stored session, as of now.
func siteSession(sess shadowscan.Session, now time.Time) *SiteSession {
	out := &SiteSession{Cookies: len(sess.Cookies), SavedAt: sess.SavedAt, RefreshedAt: sess.RefreshedAt}
	for _, c := range sess.Cookies {
		if !c.Expires.IsZero() && (out.Expires.IsZero() || c.Expires.Before(out.Expires)) {
			out.Expires = c.Expires
		}
	}
	out.Expired = !out.Expires.IsZero() && !out.Expires.After(now)
	return out
}

// lastScanOf is the newest of scans (newest first) that crawled site.
func lastScanOf(scans []shadowscan.Scan, site string) *SiteScan {
	for _, sc := range scans {
		if !slices.Contains(sc.Sites, site) {
			continue
		}
		out := &SiteScan{ID: sc.ID, State: sc.State, StartedAt: sc.StartedAt, EndedAt: sc.EndedAt, Listings: sc.Listings, Hits: sc.Hits, Sites: len(sc.Sites)}
		for _, b := range sc.Blocked {
			if b.Site == site && b.Pages > 0 {
				out.Blocked = &b
			}
		}
		return out
	}
	return nil
}

// sitesData is the sites page's content.
type sitesData struct {
	Sites []SiteView
	// Done says what the last action did.
	Done string
}

func (s *Server) handleSites(w http.ResponseWriter, r *http.Request) {
	views, err := s.siteViews(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d := sitesData{Sites: views, Done: r.URL.Query().Get("done")}
	if len(d.Done) > 200 {
		d.Done = ""
	}
	data := s.page(w, r, "Sites", "sites")
	data.Data = d
	s.render(w, r, "sites", data)
}

func (s *Server) apiSites(w http.ResponseWriter, r *http.Request) {
	views, err := s.siteViews(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"sites": views})
}

// handleSiteSessionDeleteForm forgets a site's stored login (admins only;
// the routes check): its next scan runs logged out.
func (s *Server) handleSiteSessionDeleteForm(w http.ResponseWriter, r *http.Request) {
	site := r.PathValue("site")
	if err := s.forgetSession(r, site); err != nil {
		s.pageError(w, r, err)
		return
	}
	done := "forgot the login session of " + site + ": its next scan runs logged out"
	http.Redirect(w, r, "/sites?done="+url.QueryEscape(done), http.StatusSeeOther)
}

func (s *Server) apiSiteSessionDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.forgetSession(r, r.PathValue("site")); err != nil {
		s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// forgetSession deletes site's stored session (ENOTFOUND when it has
// none) and logs who did: the store keeps no history of sessions.
func (s *Server) forgetSession(r *http.Request, site string) error {
	if err := s.store.DeleteSession(r.Context(), site); err != nil {
		return err
	}
	s.log.Info("site login session forgotten", "site", site, "by", s.actor(r))
	return nil
}
