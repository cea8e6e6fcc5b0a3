package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/importer"
	"github.com/shadowscan/shadowscan/scan"
	"github.com/shadowscan/shadowscan/store"
)

type demoOptions struct {
	MarketAddr string
	Serve      bool
	Rescan     bool
	Addr       string
}

func newDemoCommand(g *Globals) *cobra.Command {
	var o demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Scan the embedded demo marketplace and print the hits",
		Long: `Run the whole job on a demo world built into the binary: two fictitious
direct-sales brands with about 20 products, and a marketplace of about 300
listings with counterfeits, code-tampered goods, price dumping by
authorised shops, unauthorised resellers, defamation and many look-alikes
that must not be flagged.

The demo serves the marketplace on 127.0.0.1, imports the catalogue,
crawls the marketplace over HTTP, matches, stores the hits in the store
(--db) and prints them by category. Run it again and it updates the same
records in place.

With --serve it then opens the review web UI. When the store already
holds a finished demo scan made at the same marketplace address with the
same catalogue, site rule and detection rules, --serve serves that store
as it is, without scanning again, and says so; --rescan scans first
anyway.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Rescan && !o.Serve {
				return usagef("--rescan goes with --serve: demo without --serve always scans")
			}
			return runDemo(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.MarketAddr, "market-addr", "127.0.0.1:8931", "where the demo marketplace listens (loopback; a free port is used if this one is taken)")
	cmd.Flags().BoolVar(&o.Serve, "serve", false, "then open the review web UI on the demo hits (until Ctrl-C)")
	cmd.Flags().BoolVar(&o.Rescan, "rescan", false, "with --serve: scan again even when the store holds a current demo scan")
	cmd.Flags().StringVar(&o.Addr, "addr", defaultServeAddr, "with --serve: where the web UI listens")
	return cmd
}

func runDemo(ctx context.Context, g *Globals, o demoOptions) error {
	start := time.Now()
	w := g.Stdout
	market := demo.NewMarket()
	base, err := market.Start(o.MarketAddr)
	if err != nil {
		base, err = market.Start("127.0.0.1:0")
	}
	if err != nil {
		return fmt.Errorf("start the demo marketplace: %w", err)
	}
	defer market.Close()
	fmt.Fprintf(w, "demo marketplace %s serving %d listings at %s\n", demo.SiteName, len(demo.Listings()), base)

	db, err := g.CreateStore(ctx)
	if err != nil {
		return err
	}
	if err := importDemoCatalog(ctx, db, w); err != nil {
		return err
	}
	// The marketplace stays up while the UI runs, so scheduled and manual
	// rescans from the UI reach it.
	serve := func() error {
		return serveUntilDone(ctx, g, serveOptions{Addr: o.Addr}, map[string]string{demo.SiteName: base})
	}
	if o.Serve && !o.Rescan {
		fresh, err := freshDemoScan(ctx, g, db, base)
		if err != nil {
			return err
		}
		if fresh {
			return serve()
		}
	}
	if err := demoScan(ctx, g, db, base, o.Serve, start); err != nil {
		return err
	}
	if !o.Serve {
		return nil
	}
	return serve()
}

// freshDemoScan reports whether the store holds a current demo scan
// (scan.Fresh) and says either way what demo --serve does about it.
func freshDemoScan(ctx context.Context, g *Globals, db *store.DB, base string) (bool, error) {
	set, err := g.Rules()
	if err != nil {
		return false, err
	}
	sc, err := scan.Fresh(ctx, db, set, demo.SiteName, base)
	if shadowscan.ErrorCode(err) == shadowscan.ENOTFOUND {
		fmt.Fprintf(g.Stdout, "scanning the demo marketplace: %v\n", err)
		return false, nil
	}
	if err != nil {
		return false, err
	}
	n, err := db.HitCount(ctx, shadowscan.HitFilter{Site: demo.SiteName})
	if err != nil {
		return false, err
	}
	fmt.Fprintf(g.Stdout, "not scanning: the store already holds demo scan %d (finished %s, %d hits in the store) of this marketplace with the same catalogue and rules; serving it as it is (--rescan scans again first)\n",
		sc.ID, shadowscan.RFC3339(sc.EndedAt), n)
	return true, nil
}

// demoScan scans the demo marketplace at base and prints the summary, the
// hits by category and what to do next.
func demoScan(ctx context.Context, g *Globals, db *store.DB, base string, serving bool, start time.Time) error {
	w := g.Stdout
	sc, err := runScan(ctx, g, scanOptions{Options: scan.Options{Sites: []string{demo.SiteName}, BaseURL: base}})
	if sc != nil {
		printScanSummary(g, sc, err)
	}
	if err != nil {
		return err
	}
	hits, err := db.Hits(ctx, shadowscan.HitFilter{Site: demo.SiteName})
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	printHitsByCategory(w, hits)
	fmt.Fprintf(w, "\ndone in %s. What next:\n", time.Since(start).Round(100*time.Millisecond))
	dbFlag := ""
	if p := g.dbPath(); p != "shadowscan.db" {
		dbFlag = " --db " + p
	}
	first := uint64(1)
	if len(hits) > 0 {
		first = hits[0].ID
	}
	fmt.Fprintf(w, "  shadowscan%s review list --status new             # the review queue\n", dbFlag)
	fmt.Fprintf(w, "  shadowscan%s review show %d                       # one hit, its reasons and history\n", dbFlag, first)
	fmt.Fprintf(w, "  shadowscan%s review mark %d confirmed --by you    # confirm it\n", dbFlag, first)
	fmt.Fprintf(w, "  shadowscan%s export --out demo.wacz --status confirmed   # an evidence bundle of what you confirmed\n", dbFlag)
	fmt.Fprintf(w, "  shadowscan evidence verify --allow-unsigned demo.wacz   # check it offline (sign with export --sign KEY)\n")
	if !serving {
		fmt.Fprintf(w, "  shadowscan%s serve                                # the review web UI\n", dbFlag)
	}
	return nil
}

// printHitsByCategory prints each category with its count and its top
// hits, each with its strongest reason.
func printHitsByCategory(w io.Writer, hits []shadowscan.Hit) {
	by := map[shadowscan.Category][]shadowscan.Hit{}
	for _, h := range hits {
		by[h.Category] = append(by[h.Category], h)
	}
	fmt.Fprintf(w, "%d hits in the review queue\n", len(hits))
	for _, c := range shadowscan.Categories {
		hs := by[c]
		fmt.Fprintf(w, "\n%s (%d)\n", strings.ToUpper(string(c)), len(hs))
		for i, h := range hs {
			if i == 5 {
				fmt.Fprintf(w, "  … and %d more: shadowscan review list --category %s\n", len(hs)-5, c)
				break
			}
			fmt.Fprintf(w, "  #%-4d %3d  %-14s %s  %s\n", h.ID, h.Score, h.SKU, truncate(h.Listing.Title, 44), priceText(&h.Listing))
			for j, r := range h.Reasons {
				if j == 3 {
					break
				}
				fmt.Fprintf(w, "         %+3d %s\n", r.Points, r.Detail)
			}
		}
	}
}

// importDemoCatalog imports the embedded demo catalogue into db, as
// `catalog import --replace` would (the demo's brands are as the demo
// has them), and reports each brand to w.
func importDemoCatalog(ctx context.Context, db *store.DB, w io.Writer) error {
	im, err := importer.LoadFS(ctx, demo.CatalogFS(), demo.CatalogFiles())
	if err != nil {
		return fmt.Errorf("demo catalogue: %w", err)
	}
	stored, err := db.Catalog(ctx)
	if err != nil {
		return err
	}
	plan := im.Against(stored)
	if _, err := plan.Save(ctx, db, true); err != nil {
		return fmt.Errorf("demo catalogue: %w", err)
	}
	for _, d := range plan.Diffs {
		fmt.Fprintf(w, "catalogue: brand %s with %d products (%d added, %d updated)\n", d.BrandID,
			d.ProductsAdded+d.ProductsChanged+d.ProductsUnchanged, d.ProductsAdded, d.ProductsChanged+d.ProductsUnchanged)
	}
	return nil
}
