package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan/sitecheck"
)

func newSitesCheckCommand(g *Globals) *cobra.Command {
	var asJSON, search, details bool
	cmd := &cobra.Command{
		Use:   "check SITE FILE_OR_DIR...",
		Short: "Run a site's rules over saved pages: per-field hit rates, sources, id uniqueness",
		Long: `Run a site's rules over saved pages (files, or directories of .html, .htm and
.xhtml files; of .json files for a rule of format json) without fetching anything, and report for each
listing field on how many pages it was found and which source served it:
the rule's selector or JSON path, or a fallback (json-ld, microdata,
opengraph, url, url-hash, literal, price-text). Listing ids must be unique
across the pages: ids that pages with different URLs share are listed with
the pages, and the command exits 1, as it does when a page cannot be read.

A page's URL (which resolves links and may give the id) comes from an
index.tsv beside or above it (columns file and saved_from_url, page_url or
url), a "saved from url" comment, its canonical link or og:url, or else
base_url/saved/NAME. With --search the pages are search result pages: the
report counts their listing links and next-page links instead (and the
fields of listings a JSON search page carries inline).`,
		Example: `  shadowscan sites check amazon ../shared/ref/marketplace_pages/amazon
  shadowscan --rules ./rules sites check my-market saved/*.html --json
  shadowscan sites check jd --search saved/jd-search.html`,
		Args: usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSitesCheck(g, args[0], args[1:], sitecheck.Options{Search: search}, asJSON, details)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON (with every page's fields)")
	cmd.Flags().BoolVar(&search, "search", false, "the pages are search result pages")
	cmd.Flags().BoolVar(&details, "pages", false, "also print each page's fields and where they came from")
	return cmd
}

func runSitesCheck(g *Globals, siteName string, paths []string, opts sitecheck.Options, asJSON, details bool) error {
	set, err := g.Rules()
	if err != nil {
		return err
	}
	site, err := set.Site(siteName)
	if err != nil {
		return err
	}
	pages, err := sitecheck.Load(site.BaseURL, opts.JSON(site), paths...)
	if err != nil {
		return err
	}
	rep := sitecheck.Check(site, pages, opts)
	if asJSON {
		err = writeJSON(g.Stdout, rep)
	} else {
		err = writeCheckReport(g.Stdout, rep, details)
	}
	if err != nil {
		return err
	}
	switch {
	case len(rep.Collisions) > 0:
		return fmt.Errorf("sites check %s: %d listing id(s) shared by pages with different URLs: give the rule an id: selector that reads the marketplace's own item id", siteName, len(rep.Collisions))
	case len(rep.Failed) > 0:
		return fmt.Errorf("sites check %s: %d of %d page(s) could not be read", siteName, len(rep.Failed), rep.Pages)
	}
	return nil
}

func writeCheckReport(w io.Writer, rep *sitecheck.Report, details bool) error {
	fmt.Fprintf(w, "site %s (%s): %d page(s), %d listing(s), %d unreadable\n", rep.Site, rep.Format, rep.Pages, rep.Listings, len(rep.Failed))
	if s := rep.Search; s != nil {
		fmt.Fprintf(w, "search: %d listing link(s), %d distinct, %d-%d a page; next page on %d of %d\n", s.Links, s.DistinctLinks, s.MinLinks, s.MaxLinks, s.WithNext, rep.Pages-len(rep.Failed))
	}
	if rep.Search == nil || rep.Listings > 0 {
		fmt.Fprintln(w)
		t := newTable("FIELD", "FOUND", "RATE", "FROM")
		for _, f := range rep.Fields {
			t.add(f.Field, fmt.Sprintf("%d/%d", f.Found, f.Of), fmt.Sprintf("%.0f%%", 100*f.Rate()), viaText(f))
		}
		if err := t.write(w); err != nil {
			return err
		}
	}
	if rep.Listings > 0 && len(rep.Collisions) == 0 {
		fmt.Fprintf(w, "\nids: %d distinct among %d listing(s), none shared by different URLs\n", rep.UniqueIDs, rep.Listings)
	}
	for i, c := range rep.Collisions {
		if i == 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "id collision: %q is the id of %d URLs, on %s\n", c.ID, len(c.URLs), strings.Join(c.Pages, ", "))
		for _, u := range c.URLs {
			fmt.Fprintf(w, "  %s\n", u)
		}
	}
	for _, f := range rep.Failed {
		fmt.Fprintf(w, "unreadable: %s: %s\n", f.Page, f.Error)
	}
	if details {
		for _, d := range rep.Details {
			fmt.Fprintf(w, "\n%s (url from %s: %s)\n", d.Page, d.URLFrom, d.URL)
			for _, l := range d.Links {
				fmt.Fprintf(w, "  link %s\n", truncate(l, 120))
			}
			if d.Next != "" {
				fmt.Fprintf(w, "  next %s\n", truncate(d.Next, 120))
			}
			for _, el := range d.Listings {
				pt := newTable("  FIELD", "VALUE", "FROM")
				for _, s := range el.Sources {
					pt.add("  "+s.Field, truncate(strings.ReplaceAll(s.Value, "\n", " "), 60), s.Via)
				}
				if err := pt.write(w); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// viaText lists a field's sources, most used first: "selector 2 (h1.title),
// opengraph 1".
func viaText(f sitecheck.FieldStat) string {
	kinds := make([]string, 0, len(f.Via))
	for k := range f.Via {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(a, b string) int {
		if f.Via[a] != f.Via[b] {
			return f.Via[b] - f.Via[a]
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for _, k := range kinds {
		p := fmt.Sprintf("%s %d", k, f.Via[k])
		if k == sitecheck.ViaSelector && len(f.Selectors) == 1 {
			for sel := range f.Selectors {
				p += " (" + truncate(sel, 40) + ")"
			}
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}
