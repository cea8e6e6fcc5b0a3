package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
)

// statsOptions are the flags of `shadowscan stats`.
type statsOptions struct {
	Brand, Site, Since, Until string
	JSON                      bool
}

func newStatsCommand(g *Globals) *cobra.Command {
	var o statsOptions
	cmd := &cobra.Command{
		Use:   "stats [--brand B] [--site S] [--since YYYY-MM] [--until YYYY-MM] [--json]",
		Short: "Enforcement figures: listings and shops flagged, confirmed, reported, removed, relisted",
		Long: `Print the enforcement figures a regulator or a brand's legal team asks for
("277 shops closed, 4,970 listings removed"): for each brand, site and
month, how many listings, and how many shops (distinct sellers), were
flagged, confirmed, reported, removed and relisted, then the totals.

A listing counts in the month its hit first entered each stage, read from
the hit's status history: flagged when the hit was created, removed when a
rescan first saw it gone (or someone marked it so). A shop counts once per
stage in a row, and once per stage in the totals, whatever the number of
its listings or months.

The seller networks (shadowscan networks) are counted as they stand now,
those with a shop on --site when it is given: networks and their shops, and
those holding a confirmed hit. --json also counts the period's dismissals
by their reason (dismiss_reasons).`,
		Example: `  shadowscan stats
  shadowscan stats --brand aurora --since 2025-01 --json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := o.filter()
			if err != nil {
				return err
			}
			return runStats(cmd.Context(), g, f, o.JSON)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.Brand, "brand", "", "only hits of this brand id")
	fs.StringVar(&o.Site, "site", "", "only hits on this site")
	fs.StringVar(&o.Since, "since", "", "only what happened in this month (YYYY-MM) or later")
	fs.StringVar(&o.Until, "until", "", "only what happened in this month (YYYY-MM) or earlier")
	fs.BoolVar(&o.JSON, "json", false, "print JSON: rows per brand, site and month, and totals")
	return cmd
}

// filter reads the flags into a filter; a month that is not YYYY-MM is
// a usage error naming its flag.
func (o *statsOptions) filter() (shadowscan.EnforcementFilter, error) {
	f := shadowscan.EnforcementFilter{BrandID: o.Brand, Site: o.Site}
	for _, m := range []struct {
		flag, value string
		to          *time.Time
	}{{"--since", o.Since, &f.Since}, {"--until", o.Until, &f.Until}} {
		if m.value == "" {
			continue
		}
		t, err := shadowscan.ParseMonth(m.flag, m.value)
		if err != nil {
			return f, usagef("%s %q: use a month as YYYY-MM, such as 2025-03", m.flag, m.value)
		}
		*m.to = t
	}
	return f, nil
}

func runStats(ctx context.Context, g *Globals, f shadowscan.EnforcementFilter, asJSON bool) error {
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	e, err := db.Enforcement(ctx, f)
	if err != nil {
		return err
	}
	nets, err := loadNetworks(ctx, g)
	if err != nil {
		return err
	}
	nf := shadowscan.CountNetworks(nets, f.Site)
	if asJSON {
		return writeJSON(g.Stdout, struct {
			*shadowscan.Enforcement
			Networks shadowscan.NetworkFigures `json:"networks"`
		}{e, nf})
	}
	w := g.Stdout
	if len(e.Rows) == 0 {
		fmt.Fprintln(w, "no hits match")
		return nil
	}
	header := []string{"BRAND", "SITE", "MONTH"}
	for _, s := range shadowscan.Stages {
		header = append(header, strings.ToUpper(s))
	}
	t := newTable(header...)
	for i := range e.Rows {
		r := &e.Rows[i]
		row := []string{r.BrandID, r.Site, r.Month}
		for _, s := range shadowscan.Stages {
			row = append(row, figureCell(*r.Stage(s)))
		}
		t.add(row...)
	}
	total := []string{"TOTAL", "", ""}
	for _, s := range shadowscan.Stages {
		total = append(total, figureCell(*e.Totals.Stage(s)))
	}
	t.add(total...)
	if err := t.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "cells: listings / shops (distinct sellers)")
	scope := "in total"
	switch {
	case e.Since != "" && e.Until != "":
		scope = "from " + e.Since + " to " + e.Until
	case e.Since != "":
		scope = "since " + e.Since
	case e.Until != "":
		scope = "until " + e.Until
	}
	tot := e.Totals
	fmt.Fprintf(w, "%s: %s listings from %s shops removed (%s from %s shops back again); %s listings confirmed, %s reported, %s flagged\n",
		scope, thousands(tot.Removed.Listings), thousands(tot.Removed.Shops), thousands(tot.Relisted.Listings), thousands(tot.Relisted.Shops),
		thousands(tot.Confirmed.Listings), thousands(tot.Reported.Listings), thousands(tot.Flagged.Listings))
	fmt.Fprintf(w, "seller networks: %s of %s shops, %s of them (%s shops) with a confirmed hit (shadowscan networks list)\n",
		thousands(nf.Networks), thousands(nf.Shops), thousands(nf.WithConfirmed), thousands(nf.ShopsWithConfirmed))
	fmt.Fprintf(w, "as of %s\n", time.Now().UTC().Format(time.RFC3339))
	return nil
}

func figureCell(f shadowscan.Figure) string {
	if f.Listings == 0 && f.Shops == 0 {
		return "-"
	}
	return thousands(f.Listings) + " / " + thousands(f.Shops)
}

// thousands writes n with commas between groups of three digits: 4,970.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
