package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan/store"
)

// statsOptions are the flags of `shadowscan stats`.
type statsOptions struct {
	Brand, Site, Since string
	JSON               bool
}

func newStatsCommand(g *Globals) *cobra.Command {
	var o statsOptions
	cmd := &cobra.Command{
		Use:   "stats [--brand B] [--site S] [--since YYYY-MM] [--json]",
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
those holding a confirmed hit.`,
		Example: `  shadowscan stats
  shadowscan stats --brand aurora --since 2025-01 --json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			f := store.EnforcementFilter{BrandID: o.Brand, Site: o.Site}
			if o.Since != "" {
				t, err := store.ParseMonth(o.Since)
				if err != nil {
					return usagef("--since %q: use a month as YYYY-MM, such as 2025-03", o.Since)
				}
				f.Since = t
			}
			return runStats(cmd.Context(), g, f, o.JSON)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.Brand, "brand", "", "only hits of this brand id")
	fs.StringVar(&o.Site, "site", "", "only hits on this site")
	fs.StringVar(&o.Since, "since", "", "only what happened in this month (YYYY-MM) or later")
	fs.BoolVar(&o.JSON, "json", false, "print JSON: rows per brand, site and month, and totals")
	return cmd
}

func runStats(ctx context.Context, g *Globals, f store.EnforcementFilter, asJSON bool) error {
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
	nf := countNetworks(nets, f.Site)
	if asJSON {
		return writeJSON(g.Stdout, struct {
			*store.Enforcement
			Networks NetworkFigures `json:"networks"`
		}{e, nf})
	}
	w := g.Stdout
	if len(e.Rows) == 0 {
		fmt.Fprintln(w, "no hits match")
		return nil
	}
	header := []string{"BRAND", "SITE", "MONTH"}
	for _, s := range store.Stages {
		header = append(header, strings.ToUpper(s))
	}
	t := newTable(header...)
	for i := range e.Rows {
		r := &e.Rows[i]
		row := []string{r.BrandID, r.Site, r.Month}
		for _, s := range store.Stages {
			row = append(row, figureCell(*r.Stage(s)))
		}
		t.add(row...)
	}
	total := []string{"TOTAL", "", ""}
	for _, s := range store.Stages {
		total = append(total, figureCell(*e.Totals.Stage(s)))
	}
	t.add(total...)
	if err := t.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "cells: listings / shops (distinct sellers)")
	scope := "in total"
	if e.Since != "" {
		scope = "since " + e.Since
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

func figureCell(f store.Figure) string {
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
