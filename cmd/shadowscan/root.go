package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// Globals holds the global flags and what commands share: the store and the
// rule set, each opened on first use so that commands which do not need the
// store (version, sites list, evidence verify) never create or lock it.
type Globals struct {
	DBPath   string
	RulesDir string
	LogLevel string

	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string

	log   *slog.Logger
	db    *store.DB
	rules *rules.Set
	// storeOpts are added to every store.Open: tests inject write faults.
	storeOpts []store.Option
}

// AddFlags registers the global flags.
func (g *Globals) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&g.DBPath, "db", "", "store file (default $SHADOWSCAN_DB, else ./shadowscan.db)")
	fs.StringVar(&g.RulesDir, "rules", "", "directory of extra site, detection and review rule files (*.yaml), added to the embedded defaults")
	fs.StringVar(&g.LogLevel, "log-level", "warn", "log level: debug, info, warn or error")
}

func (g *Globals) dbPath() string {
	if g.DBPath != "" {
		return g.DBPath
	}
	if p := g.Getenv("SHADOWSCAN_DB"); p != "" {
		return p
	}
	return "shadowscan.db"
}

// Store opens the existing store on first use. A missing or empty file is
// an error naming it: a mistyped --db must not read as an empty queue.
// Commands that create the store call CreateStore.
func (g *Globals) Store(ctx context.Context) (*store.DB, error) {
	return g.openStore(store.WithExisting())
}

// CreateStore opens the store on first use, creating the file when there
// is none: for init, catalog import, scan and demo.
func (g *Globals) CreateStore(ctx context.Context) (*store.DB, error) {
	return g.openStore()
}

func (g *Globals) openStore(opts ...store.Option) (*store.DB, error) {
	if g.db != nil {
		return g.db, nil
	}
	// Every status change, from the CLI or from serve's UI and API,
	// meets the configured dismiss reasons in the store itself. Rules that
	// do not load leave the store checking a reason's form only: the
	// commands that dismiss load them first and report the error.
	if set, err := g.Rules(); err == nil {
		opts = append(opts, store.WithDismissReasons(set.Review.DismissReasons))
	}
	db, err := store.Open(g.dbPath(), append(opts, g.storeOpts...)...)
	if err != nil {
		// While serve holds the store, say where its UI and API are.
		return nil, serveHint(err, g.dbPath())
	}
	g.db = db
	return db, nil
}

// Rules loads the embedded rules plus --rules on first use.
func (g *Globals) Rules() (*rules.Set, error) {
	if g.rules != nil {
		return g.rules, nil
	}
	set, err := rules.Load(g.RulesDir)
	if err != nil {
		return nil, err
	}
	g.rules = set
	return set, nil
}

// Logger returns the structured logger writing to stderr.
func (g *Globals) Logger() *slog.Logger {
	if g.log == nil {
		var lvl slog.Level
		if err := lvl.UnmarshalText([]byte(g.LogLevel)); err != nil {
			lvl = slog.LevelWarn
		}
		g.log = slog.New(slog.NewTextHandler(g.Stderr, &slog.HandlerOptions{Level: lvl}))
	}
	return g.log
}

// close closes the store, if it was opened.
func (g *Globals) close() error {
	if g.db == nil {
		return nil
	}
	err := g.db.Close()
	g.db = nil
	return err
}

func newRootCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "shadowscan",
		Short: "Find counterfeit and grey-market listings of your products on marketplaces",
		Long: `shadowscan finds counterfeit, code-tampered, price-dumped and unauthorised
listings of direct-sales products on e-commerce marketplaces, explains why
each was flagged, and keeps what it fetched as evidence for takedowns.

A first tour, on the embedded demo marketplace:

  shadowscan demo                      # serve, import, scan, print hits
  shadowscan review list               # the review queue
  shadowscan review show 1             # one hit with its reasons
  shadowscan review mark 1 confirmed --by alice

With your own catalogue:

  shadowscan catalog import catalog.yaml
  shadowscan sites list
  shadowscan scan --site demo-market --brand aurora`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			switch strings.ToLower(g.LogLevel) {
			case "debug", "info", "warn", "error":
				return nil
			}
			return usagef("--log-level %q: use debug, info, warn or error", g.LogLevel)
		},
	}
	g.AddFlags(cmd.PersistentFlags())
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	cmd.AddCommand(
		newVersionCommand(g),
		newCatalogCommand(g),
		newSitesCommand(g),
		newScanCommand(g),
		newReviewCommand(g),
		newDemoCommand(g),
		newStatsCommand(g),
		newReportCommand(g),
		newExportCommand(g),
		newEvidenceCommand(g),
		newServeCommand(g),
		newScheduleCommand(g),
		newListingsCommand(g),
		newInitCommand(g),
		newCheckCommand(g),
		newBackupCommand(g),
		newNetworksCommand(g),
		newUsersCommand(g),
		newWorkerCommand(g),
	)
	return cmd
}

// usageArgs wraps a cobra argument validator so that its errors exit 2.
func usageArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return usageError{fmt.Errorf("%w (see %s --help)", err, cmd.CommandPath())}
		}
		return nil
	}
}
