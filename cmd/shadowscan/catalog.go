package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
)

func newCatalogCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Register and list the authentic catalogue",
	}
	cmd.AddCommand(newCatalogImportCommand(g), newCatalogListCommand(g))
	return cmd
}

func newCatalogImportCommand(g *Globals) *cobra.Command {
	var allowHosts []string
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Import catalogue files (YAML, JSON or CSV)",
		Long: `Import one or more catalogue files: a brand with its aliases, official and
authorised shops, and products with list and floor prices and official
photos. Image paths are relative to the file, or http(s) URLs. Photos are
hashed (pHash, dHash) for image matching. Importing a file again updates
its brand and products in place.

Every file is checked before anything is stored: a file with an error
(a missing sku, a negative price, an unknown key such as min_prce ...)
stores nothing, and the error names the file, line and field.

Image URLs that resolve to a loopback, private or link-local address are
refused unless their host is named by --allow-image-host; cloud metadata
addresses are refused always.`,
		Example: `  shadowscan catalog import aurora.yaml
  shadowscan catalog import products.csv lumina.json
  shadowscan catalog import --allow-image-host 10.0.0.5:8080 intranet.yaml`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCatalogImport(cmd.Context(), g, args, catalog.WithAllowedImageHosts(allowHosts...))
		},
	}
	cmd.Flags().StringArrayVar(&allowHosts, "allow-image-host", nil, "host or host:port whose image URLs may reach a loopback, private or link-local address (repeatable)")
	return cmd
}

func runCatalogImport(ctx context.Context, g *Globals, paths []string, opts ...catalog.Option) error {
	files := make([]*catalog.File, 0, len(paths))
	var errs []error
	for _, p := range paths {
		f, err := catalog.LoadPath(ctx, p, opts...)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return shadowscan.Errorf(shadowscan.EINVALID, "nothing imported:\n%s", strings.Join(msgs, "\n"))
	}
	db, err := g.CreateStore(ctx)
	if err != nil {
		return err
	}
	for _, f := range files {
		st, err := db.SaveCatalog(ctx, &f.Catalog, f.Photos)
		if err != nil {
			return fmt.Errorf("import %s: %w", f.Name, err)
		}
		fmt.Fprintf(g.Stdout, "%s: %d brand(s) added, %d updated; %d product(s) added, %d updated, %d unchanged; %d photo(s)\n",
			f.Name, st.BrandsAdded, st.BrandsUpdated, st.ProductsAdded, st.ProductsUpdated, st.ProductsUnchanged, len(f.Photos))
	}
	return nil
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
