package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// sellersOptions are the flags of `shadowscan review sellers`.
type sellersOptions struct {
	Site, Brand string
	JSON        bool
}

func newReviewSellersCommand(g *Globals) *cobra.Command {
	var o sellersOptions
	cmd := &cobra.Command{
		Use:   "sellers [--site S] [--brand B] [--json]",
		Short: "Hits grouped by seller, repeat offenders first",
		Long: `Group the hits by seller (site and seller id) and count them by status.
A seller with a confirmed, reported, removed or relisted hit is a repeat
offender: it is listed first (marked *), and scans add a reason with points
to its other listings. Hits whose listing names no seller are left out.

See one seller's hits with: shadowscan review list --site S --seller ID`,
		Example: `  shadowscan review sellers
  shadowscan review sellers --site demo-market --brand aurora --json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReviewSellers(cmd.Context(), g, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.Site, "site", "", "only hits on this site")
	fs.StringVar(&o.Brand, "brand", "", "only hits of this brand id")
	fs.BoolVar(&o.JSON, "json", false, "print a JSON array")
	return cmd
}

// statusColumns are the statuses review sellers shows as columns.
var statusColumns = []shadowscan.Status{
	shadowscan.StatusNew, shadowscan.StatusEscalated, shadowscan.StatusConfirmed, shadowscan.StatusReported,
	shadowscan.StatusRemoved, shadowscan.StatusRelisted, shadowscan.StatusDismissed,
}

func runReviewSellers(ctx context.Context, g *Globals, o sellersOptions) error {
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	sellers, err := db.Sellers(ctx, store.SellerFilter{Site: o.Site, BrandID: o.Brand})
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(g.Stdout, sellers)
	}
	if len(sellers) == 0 {
		fmt.Fprintln(g.Stdout, "no hits with a seller match")
		return nil
	}
	header := []string{"", "SITE", "SELLER", "NAME", "HITS"}
	for _, st := range statusColumns {
		header = append(header, strings.ToUpper(string(st)))
	}
	header = append(header, "MAX")
	t := newTable(header...)
	repeat := 0
	for _, s := range sellers {
		mark := ""
		if s.RepeatOffender {
			mark = "*"
			repeat++
		}
		row := []string{mark, s.Site, truncate(s.SellerID, 24), truncate(s.SellerName, 24), fmt.Sprint(s.Hits)}
		for _, st := range statusColumns {
			row = append(row, countCell(s.ByStatus[st]))
		}
		row = append(row, fmt.Sprint(s.MaxScore))
		t.add(row...)
	}
	if err := t.write(g.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "%d seller(s), %d repeat offender(s) (*: a confirmed, reported, removed or relisted hit)\n", len(sellers), repeat)
	return nil
}

// countCell prints a count, or "-" for zero so the figures stand out.
func countCell(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}
