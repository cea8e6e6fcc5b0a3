package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the templates the server needs; New fails if one is
// missing.
var pageNames = []string{"dashboard", "queue", "hit", "sellers", "seller", "networks", "network", "catalog", "scans", "stats", "schedules", "sites", "users", "login", "error"}

// pageExtras are the other template files a page includes.
var pageExtras = map[string][]string{"stats": {"templates/enforcement.html"}}

// templates holds one parsed template set per page, each with the layout.
type templates struct {
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"highlight": highlight,
	"money":     func(a shadowscan.Amount, cur string) string { return a.Format(cur) },
	"time":      formatTime,
	"ago":       ago,
	"rfc3339":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	// parseTime reads an RFC 3339 string (history rows); zero when it is
	// not one, which "when" shows as a dash.
	"parseTime": func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t },
	"pct": func(a, b shadowscan.Amount) string {
		if b <= 0 {
			return ""
		}
		return fmt.Sprintf("%.0f %%", 100*float64(a)/float64(b))
	},
	"add": func(a, b int) int { return a + b },
	// stageCell writes a stage's figure as "listings / shops", "-" when
	// both are zero, as `shadowscan stats` does.
	"stageCell": func(f shadowscan.Figures, stage string) string {
		g := f.Stage(stage)
		if g == nil || (g.Listings == 0 && g.Shops == 0) {
			return "-"
		}
		return fmt.Sprintf("%d / %d", g.Listings, g.Shops)
	},
	"join": strings.Join,
	// pathEscape makes a value one path segment of a URL.
	"pathEscape": url.PathEscape,
	// sellerURL is a shop's seller page.
	"sellerURL": sellerURL,
	// plural writes n and the noun, "1 shop", "2 shops": pass the
	// singular and the plural.
	"plural": plural,
	"label":  func(s any) string { return strings.ReplaceAll(fmt.Sprint(s), "_", " ") },
	"query": func(base string, v url.Values, kv ...string) string {
		c := url.Values{}
		for k, vs := range v {
			c[k] = append([]string(nil), vs...)
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == "" {
				c.Del(kv[i])
			} else {
				c.Set(kv[i], kv[i+1])
			}
		}
		if len(c) == 0 {
			return base
		}
		return base + "?" + c.Encode()
	},
}

func parseTemplates() (*templates, error) {
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		p, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, append([]string{"templates/layout.html", "templates/" + name + ".html"}, pageExtras[name]...)...)
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		if p.Lookup("content") == nil {
			return nil, fmt.Errorf("web: template %s defines no \"content\"", name)
		}
		t.pages[name] = p
	}
	if _, err := parseReport(); err != nil {
		return nil, err
	}
	for _, f := range []string{"static/app.css", "static/charts.css"} {
		if _, err := fs.Stat(staticFS, f); err != nil {
			return nil, fmt.Errorf("web: static files: %w", err)
		}
	}
	return t, nil
}

// pageData is what every page template gets.
type pageData struct {
	Title     string
	Nav       string
	CSRF      string
	LoggedIn  bool
	CanExport bool
	// CanScan: the server can run scans (schedules' "run now").
	CanScan bool
	// CanRunScans: the user may start, resume and cancel scans.
	CanRunScans bool
	// User and Role name the signed-in user ("" in single-user mode).
	User string
	Role string
	// CanAdmin shows the schedule forms and run buttons.
	CanAdmin bool
	// CanReport shows the report buttons.
	CanReport bool
	// CanUsers shows the users page link (admins, when Config.Users is set).
	CanUsers bool
	// CanNetworks shows the seller networks (Config.Networks is set).
	CanNetworks bool
	Refresh     bool
	Data        any
	// ExportSigner is Config.ExportSigner, for the export form.
	ExportSigner string
	// DismissReasons is Config.DismissReasons, for the dismiss pick lists.
	DismissReasons shadowscan.DismissReasons
}

// page returns the common page data; it sets the CSRF cookie if needed.
func (s *Server) page(w http.ResponseWriter, r *http.Request, title, nav string) *pageData {
	d := &pageData{
		Title: title, Nav: nav, CSRF: s.csrfToken(w, r),
		LoggedIn:  s.cfg.RequireToken,
		CanExport: s.cfg.Export != nil && s.can(r, shadowscan.PermExport),
		CanScan:   s.runner.Enabled(),

		CanRunScans: s.runner.Enabled() && s.can(r, shadowscan.PermScan),
		CanAdmin:    s.can(r, shadowscan.PermAdmin),
		CanReport:   s.can(r, shadowscan.PermReport),
		CanUsers:    s.cfg.Users != nil && s.can(r, shadowscan.PermAdmin),

		CanNetworks: s.cfg.Networks != nil,

		ExportSigner:   s.cfg.ExportSigner,
		DismissReasons: s.cfg.DismissReasons,
	}
	if u := userOf(r); u != nil {
		d.LoggedIn, d.User, d.Role = true, u.Name, string(u.Role)
	}
	return d
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data *pageData) {
	s.renderStatus(w, r, name, data, http.StatusOK)
}

// renderStatus executes into a buffer first, so a failing template never
// sends half a page with a 200.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, name string, data *pageData, status int) {
	t, ok := s.pages.pages[name]
	if !ok {
		s.log.Error("no template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes()) // a write fails only when the client has gone
}

// handleStatic serves the embedded CSS and JavaScript.
func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/") {
		s.pageError(w, r, shadowscan.Errorf(shadowscan.ENOTFOUND, "no page %s", r.URL.Path))
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.FileServerFS(staticFS).ServeHTTP(w, r)
}

// plural is n with the singular or the plural noun: "1 shop", "3 shops".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func ago(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := time.Since(t).Round(time.Second)
	switch {
	case d < 0:
		return "in " + (-d).String()
	case d < time.Minute:
		return d.String() + " ago"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	}
	return fmt.Sprintf("%d days ago", int(d.Hours()/24))
}

// segment is a piece of text, marked when it is a matched term. The
// template escapes Text; no HTML is built here.
type segment struct {
	Text string
	Mark bool
}

// maxHighlightText bounds the text highlight scans: a hostile listing may
// carry a huge description.
const maxHighlightText = 64 << 10

// highlight splits text into segments, marking every occurrence of a term
// (case-insensitively; longest term first at each position).
func highlight(text string, terms []string) []segment {
	if len(text) > maxHighlightText {
		text = text[:maxHighlightText]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
		text += "…"
	}
	var ts []string
	for _, t := range terms {
		if t = strings.TrimSpace(t); t != "" && len(t) <= 200 {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return []segment{{Text: text}}
	}
	// Longest first, so "蛋白粉 500克" wins over "蛋白粉".
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && len(ts[j]) > len(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
	var out []segment
	plain := 0
	for i := 0; i < len(text); {
		n := 0
		for _, t := range ts {
			if i+len(t) <= len(text) && strings.EqualFold(text[i:i+len(t)], t) {
				n = len(t)
				break
			}
		}
		if n == 0 {
			_, w := utf8.DecodeRuneInString(text[i:])
			i += w
			continue
		}
		if plain < i {
			out = append(out, segment{Text: text[plain:i]})
		}
		out = append(out, segment{Text: text[i : i+n], Mark: true})
		i += n
		plain = i
	}
	if plain < len(text) {
		out = append(out, segment{Text: text[plain:]})
	}
	return out
}
