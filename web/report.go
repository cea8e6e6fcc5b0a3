package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/shadowscan/shadowscan"
)

// ReportOptions describe a monthly enforcement report.
type ReportOptions struct {
	// Month is the month reported on (only its year and month are used).
	Month time.Time
	// BrandID and Site name the filter the figures were read with, ""
	// for all.
	BrandID, Site string
	// Generated is when the report was made; zero leaves it out.
	Generated time.Time
}

// reportData is what report.html gets.
type reportData struct {
	Month     string
	BrandID   string
	Site      string
	Generated string
	CSS       template.CSS
	View      *enforcementView
}

// parseReport parses the standalone report template with the charts.
func parseReport() (*template.Template, error) {
	t, err := template.New("report.html").Funcs(funcs).ParseFS(templateFS, "templates/report.html", "templates/enforcement.html")
	if err != nil {
		return nil, fmt.Errorf("web: template report: %w", err)
	}
	return t, nil
}

// WriteReport writes the monthly enforcement report: a standalone HTML
// file, its CSS and SVG charts inline, that makes no request when
// opened, with a headline of the shops and listings removed, the charts
// of the /stats page, the figures table and the top shops. e should be
// the figures of that month alone (Since and Until both o.Month).
func WriteReport(w io.Writer, e *shadowscan.Enforcement, o ReportOptions) error {
	t, err := parseReport()
	if err != nil {
		return err
	}
	css, err := staticFS.ReadFile("static/charts.css")
	if err != nil {
		return fmt.Errorf("web: report style: %w", err)
	}
	d := reportData{
		Month: o.Month.UTC().Format("January 2006"), BrandID: o.BrandID, Site: o.Site,
		CSS:  template.CSS(css), // our own embedded file, not input
		View: newEnforcementView(e),
	}
	if !o.Generated.IsZero() {
		d.Generated = o.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return fmt.Errorf("web: render report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
