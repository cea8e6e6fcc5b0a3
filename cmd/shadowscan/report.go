package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/web"
)

// reportOptions are the flags of `shadowscan report`.
type reportOptions struct {
	Month, Out, Brand, Site string
}

func newReportCommand(g *Globals) *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report --month YYYY-MM --out FILE.html [--brand B] [--site S]",
		Short: "Write the monthly enforcement report: figures and charts as one HTML file",
		Long: `Write one month's enforcement figures as a standalone HTML file a brand
team can send on: a headline ("In November 2026: 12 shops and 37 listings
removed"), the charts of the /stats page (listings by stage, the
confirmed → reported → removed funnel, time from report to removal), the
top shops and the figures per brand and site. Its CSS and SVG are inline;
it loads nothing from anywhere when opened, and prints as it shows.

The figures are those of 'shadowscan stats --since M --until M'.`,
		Example: `  shadowscan report --month 2026-11 --out aurora-2026-11.html --brand aurora`,
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Month == "" {
				return usagef("--month is required: the month to report on, as YYYY-MM, such as 2026-11")
			}
			if o.Out == "" {
				return usagef("--out is required: the .html file to write")
			}
			month, err := shadowscan.ParseMonth("--month", o.Month)
			if err != nil {
				return usagef("--month %q: use a month as YYYY-MM, such as 2026-11", o.Month)
			}
			return runReport(cmd.Context(), g, o, month)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.Month, "month", "", "the month to report on (YYYY-MM)")
	fs.StringVar(&o.Out, "out", "", "the HTML file to write")
	fs.StringVar(&o.Brand, "brand", "", "only hits of this brand id")
	fs.StringVar(&o.Site, "site", "", "only hits on this site")
	return cmd
}

func runReport(ctx context.Context, g *Globals, o reportOptions, month time.Time) error {
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	e, err := db.Enforcement(ctx, shadowscan.EnforcementFilter{BrandID: o.Brand, Site: o.Site, Since: month, Until: month})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := web.WriteReport(&buf, e, web.ReportOptions{Month: month, BrandID: o.Brand, Site: o.Site, Generated: time.Now()}); err != nil {
		return err
	}
	if err := writeFileAtomic(o.Out, buf.Bytes()); err != nil {
		return fmt.Errorf("--out %s: cannot write the report (name a file in a directory you can write): %w", o.Out, err)
	}
	rm := e.Totals.Removed
	fmt.Fprintf(g.Stdout, "wrote %s: in %s, %s shops and %s listings removed\n", o.Out, month.Format("January 2006"), thousands(rm.Shops), thousands(rm.Listings))
	return nil
}

// writeFileAtomic writes data to path through a temporary file beside
// it, so a failed write never leaves half a report under path.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
