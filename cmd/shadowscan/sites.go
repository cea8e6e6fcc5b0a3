package main

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
)

func newSitesCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sites",
		Short: "List marketplaces and test their rules",
	}
	cmd.AddCommand(newSitesListCommand(g), newSitesTestCommand(g), newSitesCheckCommand(g), newSitesLoginCommand(g), newSitesLogoutCommand(g))
	return cmd
}

type siteJSON struct {
	Name        string `json:"name"`
	BaseURL     string `json:"base_url"`
	File        string `json:"file"`
	SearchURL   string `json:"search_url"`
	MaxPages    int    `json:"max_pages"`
	Parallelism int    `json:"parallelism"`
	Delay       string `json:"delay"`
	Robots      bool   `json:"respect_robots_txt"`
	// Session says whether `sites login` stored cookies for the site
	// (never their values); nil when the store could not be read.
	Session *bool `json:"session"`
}

func newSitesListCommand(g *Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List known sites (embedded and --rules)",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := g.Rules()
			if err != nil {
				return err
			}
			sessions, known, err := storedSessions(cmd.Context(), g)
			if err != nil {
				fmt.Fprintf(g.Stderr, "shadowscan: whether sites have a session is not shown: %v\n", err)
			}
			var out []siteJSON
			for _, name := range set.SiteNames() {
				s := set.Sites[name]
				row := siteJSON{Name: s.Name, BaseURL: s.BaseURL, File: s.File, SearchURL: s.Search.URL,
					MaxPages: s.Search.MaxPages, Parallelism: s.Politeness.Parallelism, Delay: s.Politeness.Delay.String(),
					Robots: s.Politeness.RespectRobotsTxt}
				if known {
					_, has := sessions[name]
					row.Session = &has
				}
				out = append(out, row)
			}
			if asJSON {
				return writeJSON(g.Stdout, out)
			}
			t := newTable("NAME", "BASE URL", "PARALLEL", "DELAY", "ROBOTS", "SESSION", "FROM")
			for _, s := range out {
				sess := "?"
				switch {
				case s.Session == nil:
				case *s.Session:
					sess = fmt.Sprintf("yes (%d cookies, %s)", len(sessions[s.Name].Cookies), sessions[s.Name].SavedAt.Format("2006-01-02"))
				default:
					sess = "no"
				}
				t.add(s.Name, s.BaseURL, fmt.Sprint(s.Parallelism), s.Delay, fmt.Sprint(s.Robots), sess, s.File)
			}
			return t.write(g.Stdout)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newSitesTestCommand(g *Globals) *cobra.Command {
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "test SITE URL",
		Short: "Fetch one listing page and show what each rule extracts",
		Long: `Fetch one listing page with the site's rules and print every field the
crawler extracted, with the selector or fallback (json-ld, microdata,
opengraph) that produced it. Use it while writing a site rule.`,
		Example: `  shadowscan sites test demo-market http://127.0.0.1:8931/item/A1001`,
		Args:    usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSitesTest(cmd.Context(), g, args[0], args[1], timeout)
		},
	}
	cmd.Flags().DurationVar(&timeout, "timeout", 20*time.Second, "how long to wait for the page")
	return cmd
}

func runSitesTest(ctx context.Context, g *Globals, siteName, pageURL string, timeout time.Duration) error {
	set, err := g.Rules()
	if err != nil {
		return err
	}
	site, err := set.Site(siteName)
	if err != nil {
		return err
	}
	// The page is fetched the way a scan fetches it (robots.txt, limits,
	// retries), then the captured bytes are extracted again to show which
	// selector or fallback produced each field.
	c, err := crawler.New(site, crawler.WithBaseURL(baseOf(pageURL, site.BaseURL)), crawler.WithLogger(g.Logger()), crawler.WithUserAgent(crawler.DefaultUserAgent(version)))
	if err != nil {
		return err
	}
	defer c.CloseIdleConnections() // and stops the browser of a fetch: browser site
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	page, err := c.FetchListing(ctx, pageURL)
	if err != nil {
		return err
	}
	var capture *shadowscan.Capture
	for i := range page.Captures {
		if page.Captures[i].Kind == "page" {
			capture = &page.Captures[i]
			break
		}
	}
	if capture == nil {
		return fmt.Errorf("fetch %s: no page was captured", pageURL)
	}
	fmt.Fprintf(g.Stdout, "%d %s (%d bytes)\n\n", capture.Status, capture.URL, len(capture.Body))
	extract := crawler.Extract
	if page.Rendered != nil {
		fmt.Fprintf(g.Stdout, "fields read from the page as the browser rendered it (%d bytes)\n\n", len(page.Rendered))
		capture = &shadowscan.Capture{URL: capture.URL, Body: page.Rendered}
		extract = crawler.ExtractRendered
	}
	_, sources, err := extract(site, capture.URL, capture.Body)
	if err != nil {
		return err
	}
	t := newTable("FIELD", "VALUE", "FROM")
	idVia := ""
	for _, s := range sources {
		t.add(s.Field, truncate(s.Value, 70), s.Via)
		if s.Field == "id" {
			idVia = s.Via
		}
	}
	if err := t.write(g.Stdout); err != nil {
		return err
	}
	if idVia == crawler.ViaURLHash {
		fmt.Fprintln(g.Stdout, "\nnote: the page gives no listing id (no id selector, id parameter, productID, id-looking path segment or sku):")
		fmt.Fprintln(g.Stdout, "  the key is a hash of its canonical URL: unique, but it changes if the URL does; give the rule an `id:` selector if the page shows one")
	}
	l := &page.Listing
	fmt.Fprintf(g.Stdout, "\nlisting %s: price %s, %d photo(s), removed: %v\n", l.Key(), priceText(l), len(l.Images), l.Removed)
	for i, im := range l.Images {
		state := fmt.Sprintf("pHash %016x dHash %016x PDQ %s (quality %d)", im.PHash, im.DHash, im.PDQ, im.PDQQuality)
		if !im.Hashed {
			state = "not hashed: " + im.Err
		}
		fmt.Fprintf(g.Stdout, "  photo %d %s  %s\n", i+1, im.URL, state)
	}
	return nil
}

// baseOf returns the scheme and host of pageURL, so `sites test` can be
// pointed at a copy of a marketplace on another host (a local test
// server) without a --base-url flag; it falls back to the rule's base.
func baseOf(pageURL, fallback string) string {
	u, err := url.Parse(pageURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return fallback
	}
	return u.Scheme + "://" + u.Host
}
