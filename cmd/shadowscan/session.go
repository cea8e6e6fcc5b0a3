package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/scan"
	"github.com/shadowscan/shadowscan/store"
)

func newSitesLoginCommand(g *Globals) *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "login SITE --cookies FILE",
		Short: "Store a logged-in session's cookies for a site",
		Long: `Import the cookies of a browser logged in to a marketplace, so that scans
of a site that shows search or listings only to logged-in users get past
its login wall. FILE is a Netscape cookies.txt (curl, wget and the
cookies.txt browser extensions write it) or the JSON that cookie-export
extensions such as EditThisCookie and Cookie-Editor write.

Only cookies for the site's own hosts (base_url's host, with or without
www., or a parent domain) are kept; expired ones are left out. They are
stored in the store, which is made owner-only (mode 0600) first, sent only
to the site's hosts by the cookie domain and path rules, refreshed from
the site's Set-Cookie answers during scans, and never written into an
evidence bundle. A new login replaces the site's earlier session;
` + "`sites logout SITE`" + ` removes it.`,
		Example: `  shadowscan sites login tb-market --cookies ~/Downloads/cookies.txt
  shadowscan sites login tb-market --cookies tb-cookies.json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if file == "" {
				return usagef("name the cookie file with --cookies FILE (cookies.txt, or a browser extension's JSON export)")
			}
			set, err := g.Rules()
			if err != nil {
				return err
			}
			site, err := set.Site(args[0])
			if err != nil {
				return usageError{err}
			}
			db, err := g.Store(cmd.Context())
			if err != nil {
				return err
			}
			res, err := scan.Login(cmd.Context(), db, site, file)
			if err != nil {
				return err
			}
			if res.Tightened {
				fmt.Fprintf(g.Stderr, "shadowscan: %s was readable by others: made it owner-only (0600), as it now holds a session\n", db.Path())
			}
			fmt.Fprintf(g.Stdout, "stored %d cookie(s) for %s from %s", res.Cookies, site.Name, file)
			if res.Dropped+res.Expired > 0 {
				fmt.Fprintf(g.Stdout, " (left out: %d for other hosts, %d expired)", res.Dropped, res.Expired)
			}
			fmt.Fprintln(g.Stdout)
			return nil
		},
	}
	cmd.Flags().StringVar(&file, "cookies", "", "cookie file: Netscape cookies.txt or a browser extension's JSON export")
	return cmd
}

func newSitesLogoutCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:     "logout SITE",
		Short:   "Remove a site's stored session cookies",
		Example: `  shadowscan sites logout tb-market`,
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := g.Store(cmd.Context())
			if err != nil {
				return err
			}
			if err := db.DeleteSession(cmd.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintf(g.Stdout, "removed the session of %s\n", args[0])
			return nil
		},
	}
}

// storedSessions returns the sites with a stored session, reading the
// store only when it exists (sites list never creates one). ok is false
// when the store could not be read (serve holds it): the caller says so.
func storedSessions(ctx context.Context, g *Globals) (sessions map[string]shadowscan.Session, ok bool, err error) {
	if _, err := os.Stat(g.dbPath()); err != nil {
		return nil, true, nil
	}
	db, err := g.openStore(store.WithReadOnly())
	if err != nil {
		return nil, false, err
	}
	s, err := db.SessionSites(ctx)
	if err != nil {
		return nil, false, err
	}
	return s, true, nil
}
