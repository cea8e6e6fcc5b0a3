package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/importer"
	"github.com/shadowscan/shadowscan/store"
)

func newCatalogCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Register and list the authentic catalogue",
	}
	cmd.AddCommand(newCatalogImportCommand(g), newCatalogListCommand(g))
	return cmd
}

// catalogImportOptions are the flags of `catalog import`.
type catalogImportOptions struct {
	allowHosts []string
	replace    bool
	dryRun     bool
}

func newCatalogImportCommand(g *Globals) *cobra.Command {
	var o catalogImportOptions
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Import catalogue files (YAML, JSON or CSV)",
		Long: `Import one or more catalogue files: a brand with its aliases, official and
authorised shops, and products with list and floor prices and official
photos. Image paths are relative to the file, or http(s) URLs. Photos are
hashed (pHash, dHash) for image matching.

The files of one import are a brand's whole catalogue: importing a brand
again updates it and its products in place, and prints what changes. An
import that would remove what detection relies on (an official or
authorised shop, a brand alias or defamation term, a product, a product
alias, a floor price or an official photo) prints what it would remove and
stores nothing unless --replace is given: a brand file saved without its
shop lists must not turn the brand's own shops into suspects. Brands the
files do not name are left as they are. --dry-run prints the changes and
stores nothing.

Every file is checked before anything is stored: a file with an error
(a missing sku, a price in quotes, an unknown key such as min_prce ...)
stores nothing, and the error names the file, line and field.

Image URLs that resolve to a loopback, private or link-local address are
refused unless their host is named by --allow-image-host; cloud metadata
addresses are refused always.`,
		Example: `  shadowscan catalog import aurora.yaml
  shadowscan catalog import products.csv lumina.json
  shadowscan catalog import --dry-run aurora.yaml      # what would change
  shadowscan catalog import --replace aurora.yaml      # also remove what the file no longer has
  shadowscan catalog import --allow-image-host 10.0.0.5:8080 intranet.yaml`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCatalogImport(cmd.Context(), g, o, args, catalog.WithAllowedImageHosts(o.allowHosts...))
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVar(&o.allowHosts, "allow-image-host", nil, "host or host:port whose image URLs may reach a loopback, private or link-local address (repeatable)")
	fs.BoolVar(&o.replace, "replace", false, "go ahead when the import removes sellers, aliases, terms, products, floors or photos the store has for its brands")
	fs.BoolVar(&o.dryRun, "dry-run", false, "print what the import would change and store nothing")
	return cmd
}

func runCatalogImport(ctx context.Context, g *Globals, o catalogImportOptions, paths []string, opts ...catalog.Option) error {
	im, err := importer.Load(ctx, paths, opts...)
	if err != nil {
		return err
	}
	db, stored, err := importTarget(ctx, g, o.dryRun)
	if err != nil {
		return err
	}
	for _, f := range im.Files {
		fmt.Fprintf(g.Stdout, "%s: %d brand(s), %d product(s), %d photo(s)\n", f.Name, len(f.Catalog.Brands), len(f.Catalog.Products), len(f.Photos))
	}
	plan := im.Against(stored)
	printCatalogDiffs(g.Stdout, plan.Diffs)
	if o.dryRun {
		switch {
		case plan.Removes() && !o.replace:
			fmt.Fprintln(g.Stdout, "dry run: nothing stored; importing this would need --replace, as it removes what is listed above")
		default:
			fmt.Fprintln(g.Stdout, "dry run: nothing stored")
		}
		return nil
	}
	st, err := plan.Save(ctx, db, o.replace)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "imported: %d brand(s) added, %d updated, %d unchanged; %d product(s) added, %d updated, %d unchanged, %d removed\n",
		st.BrandsAdded, st.BrandsUpdated, st.BrandsUnchanged, st.ProductsAdded, st.ProductsUpdated, st.ProductsUnchanged, st.ProductsRemoved)
	return nil
}

// importTarget opens the store an import writes to and reads its
// catalogue. A dry run creates no store: with none, it compares with an
// empty catalogue.
func importTarget(ctx context.Context, g *Globals, dryRun bool) (*store.DB, *shadowscan.Catalog, error) {
	if dryRun {
		if _, err := os.Stat(g.dbPath()); errors.Is(err, fs.ErrNotExist) {
			return nil, &shadowscan.Catalog{}, nil
		}
	}
	open := g.CreateStore
	if dryRun {
		open = g.Store
	}
	db, err := open(ctx)
	if err != nil {
		return nil, nil, err
	}
	stored, err := db.Catalog(ctx)
	if err != nil {
		return nil, nil, err
	}
	return db, stored, nil
}

// printCatalogDiffs prints, brand by brand, what an import changes.
func printCatalogDiffs(w io.Writer, diffs []catalog.BrandDiff) {
	for _, d := range diffs {
		state := "updated"
		if d.New {
			state = "new"
		}
		fmt.Fprintf(w, "brand %s (%s): %d product(s) added, %d changed, %d unchanged, %d removed\n",
			d.BrandID, state, d.ProductsAdded, d.ProductsChanged, d.ProductsUnchanged, len(d.RemovedProducts))
		for _, l := range []struct {
			label string
			items []catalog.Item
		}{{"removes", d.Removed}, {"changes", d.Changed}, {"adds", d.Added}} {
			if d.New && l.label == "adds" {
				continue // everything is added: the counts say enough
			}
			for _, it := range l.items {
				fmt.Fprintf(w, "  %s %s\n", l.label, it)
			}
		}
	}
}

func newCatalogListCommand(g *Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List brands and products",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := g.Store(cmd.Context())
			if err != nil {
				return err
			}
			cat, err := db.Catalog(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g.Stdout, cat)
			}
			if len(cat.Brands) == 0 {
				fmt.Fprintln(g.Stdout, "no catalogue yet: run `shadowscan catalog import FILE`")
				return nil
			}
			for _, b := range cat.Brands {
				fmt.Fprintf(g.Stdout, "%s  %s  (%s)\n", b.ID, b.Name, strings.Join(b.Aliases, ", "))
				fmt.Fprintf(g.Stdout, "  official: %s; authorised: %s\n", refs(b.OfficialSellers), refs(b.AuthorizedSellers))
				t := newTable("  SKU", "NAME", "PRICE", "FLOOR", "PHOTOS")
				for _, p := range cat.Products {
					if p.BrandID != b.ID {
						continue
					}
					t.add("  "+p.SKU, truncate(p.Name, 48), p.Price.Format(p.Currency), p.MinPrice.Format(p.Currency), fmt.Sprint(len(p.Images)))
				}
				if err := t.write(g.Stdout); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func refs(rs []shadowscan.SellerRef) string {
	if len(rs) == 0 {
		return "none"
	}
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.String()
	}
	return strings.Join(s, ", ")
}
