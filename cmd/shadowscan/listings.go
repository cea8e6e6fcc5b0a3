package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

func newListingsCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "listings",
		Short: "What scans stored: every listing seen, flagged or not",
	}
	cmd.AddCommand(newListingsListCommand(g))
	return cmd
}

// listingRow is one line of `listings list`: a listing's key, where it is,
// and the matcher's verdict on its latest observation.
type listingRow struct {
	Key        string               `json:"key"`
	Site       string               `json:"site"`
	ID         string               `json:"listing_id"`
	URL        string               `json:"url"`
	Title      string               `json:"title"`
	SellerID   string               `json:"seller_id,omitempty"`
	SellerName string               `json:"seller_name,omitempty"`
	Price      string               `json:"price,omitempty"`
	Removed    bool                 `json:"removed,omitempty"`
	FirstSeen  time.Time            `json:"first_seen"`
	LastSeen   time.Time            `json:"last_seen"`
	HitID      uint64               `json:"hit_id,omitempty"`
	Verdict    *shadowscan.Observed `json:"verdict,omitempty"`
}

func newListingsListCommand(g *Globals) *cobra.Command {
	var (
		site   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "list [--site S] [--json]",
		Short: "Every listing in the store with its key, URL and last verdict",
		Long: `List every listing scans stored, flagged or not, in key order: its store
key (site/id), URL, the verdict on its latest observation and its hit.

Two listings never share a key. When a site shows one id at two URLs, the
later listing is kept under "id~<digest of its URL>" and the scan counts an
id_conflict error: give the site's rule an id selector.`,
		Example: `  shadowscan listings list
  shadowscan listings list --site demo-market --json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runListingsList(cmd.Context(), g, site, asJSON)
		},
	}
	cmd.Flags().StringVar(&site, "site", "", "only this site's listings")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func runListingsList(ctx context.Context, g *Globals, site string, asJSON bool) error {
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	rows := []listingRow{}
	err = db.EachListing(ctx, site, func(r *store.ListingRecord) error {
		l := &r.Listing
		row := listingRow{Key: l.Key(), Site: l.Site, ID: l.ID, URL: l.URL, Title: l.Title, SellerID: l.SellerID, SellerName: l.SellerName,
			Removed: l.Removed, FirstSeen: r.FirstSeen, LastSeen: r.LastSeen, HitID: r.HitID, Verdict: r.Verdict}
		if l.HasPrice {
			row.Price = l.Price.Format(l.Currency)
		}
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(g.Stdout, rows)
	}
	if len(rows) == 0 {
		if site != "" {
			fmt.Fprintf(g.Stdout, "no listings of site %s in the store\n", site)
		} else {
			fmt.Fprintln(g.Stdout, "no listings in the store: run shadowscan scan")
		}
		return nil
	}
	t := newTable("KEY", "VERDICT", "HIT", "SEEN", "URL")
	flagged := 0
	for _, r := range rows {
		hit := "-"
		if r.HitID != 0 {
			hit = fmt.Sprint(r.HitID)
		}
		if r.Verdict != nil && r.Verdict.Flagged {
			flagged++
		}
		t.add(truncate(r.Key, 40), verdictCell(r.Verdict, r.Removed), hit, r.LastSeen.UTC().Format("2006-01-02"), r.URL)
	}
	if err := t.write(g.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "%d listing(s), %d flagged on their latest observation\n", len(rows), flagged)
	return nil
}

// verdictCell says in a few words what the latest observation found.
func verdictCell(v *shadowscan.Observed, removed bool) string {
	switch {
	case removed:
		return "removed"
	case v == nil:
		return "?" // stored before verdicts were kept
	case v.Flagged:
		return fmt.Sprintf("%s %d", v.Category, v.Score)
	default:
		return fmt.Sprintf("not flagged %d", v.Score)
	}
}
