package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/web"
)

// The commands that look after the store file itself: init, check and
// backup.

func newInitCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create an empty store at --db",
		Long: `Create an empty store at --db (default $SHADOWSCAN_DB, else ./shadowscan.db).

Only init, catalog import, scan and demo create a store; every other command
refuses a missing file, so a mistyped --db is an error rather than an empty
queue. On an existing store init only says so.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInit(cmd.Context(), g)
		},
	}
}

func runInit(ctx context.Context, g *Globals) error {
	path := g.dbPath()
	_, statErr := os.Stat(path)
	existed := statErr == nil
	if existed {
		// Open it as an existing store: an empty or damaged file is an
		// error, not something to initialise over.
		if _, err := g.Store(ctx); err != nil {
			return err
		}
		fmt.Fprintf(g.Stdout, "store %s already exists (schema %d): nothing to do\n", path, store.SchemaVersion)
		return nil
	}
	if _, err := g.CreateStore(ctx); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "created store %s (schema %d)\n", path, store.SchemaVersion)
	return nil
}

func newCheckCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "check [FILE]",
		Short: "Verify a store file: pages, records, blobs and the links between them",
		Long: `Verify a store file (FILE, else --db) without changing it: bbolt's page
structure, every record decodes, every blob matches its digest, every hit
has a valid status and its listing exists, every listing's hit exists, and
the indexes agree with the hits. Prints a summary; exits 1 and lists the
problems when there are any.

check reads the file alongside other readers but not while a writer (scan,
serve) holds it: back up through serve and check the copy instead.`,
		Example: `  shadowscan check shadowscan.db
  shadowscan backup --out copy.db && shadowscan check copy.db`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := g.dbPath()
			if len(args) == 1 {
				path = args[0]
			}
			return runCheck(cmd.Context(), g, path)
		},
	}
}

func runCheck(ctx context.Context, g *Globals, path string) error {
	rep, err := store.Check(ctx, path)
	if err != nil {
		if shadowscan.ErrorCode(err) == shadowscan.ECONFLICT {
			return fmt.Errorf("%w\nwhile it runs, check a copy: shadowscan backup --db %s --out COPY, then shadowscan check COPY", serveHint(err, path), path)
		}
		return err
	}
	w := g.Stdout
	fmt.Fprintf(w, "store %s: %d bytes, %d pages", rep.Path, rep.Size, rep.Pages)
	if rep.Schema > 0 {
		fmt.Fprintf(w, ", schema %d", rep.Schema)
	}
	fmt.Fprintln(w)
	if len(rep.Records) > 0 {
		names := make([]string, 0, len(rep.Records))
		for n := range rep.Records {
			names = append(names, n)
		}
		sort.Strings(names)
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = fmt.Sprintf("%s %d", n, rep.Records[n])
		}
		fmt.Fprintf(w, "records: %s\n", strings.Join(parts, ", "))
	}
	if rep.OK() {
		fmt.Fprintln(w, "ok: no problems found")
		return nil
	}
	fmt.Fprintf(w, "%d problems:\n", len(rep.Problems))
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
	return shadowscan.Errorf(shadowscan.EINTERNAL, "store %s has %d problems (listed above): restore it from a backup (copy the backup over %s while no shadowscan uses it), then run shadowscan check %s again",
		path, len(rep.Problems), path, path)
}

type backupOptions struct {
	Out       string
	Server    string
	TokenFile string
}

func newBackupCommand(g *Globals) *cobra.Command {
	var o backupOptions
	cmd := &cobra.Command{
		Use:   "backup --out FILE [--server URL]",
		Short: "Write a consistent copy of the store, also while serve runs",
		Long: `Write a consistent copy of the store (--db) to FILE, taken in one read
transaction while other readers go on. The copy is written to a temporary
file beside FILE, synced, its pages checked, then moved into place: FILE is
never half a copy. An existing FILE is refused.

serve holds the store's lock for as long as it runs, so while it does the
copy comes through its API (GET /api/backup) with the access token from
STORE.token. backup finds a running serve by itself; --server names one.
Restore by copying the backup over the store while no shadowscan uses it,
then run shadowscan check.`,
		Example: `  shadowscan backup --out backups/shadowscan-$(date +%F).db
  shadowscan backup --out copy.db --server http://127.0.0.1:8080`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Out == "" {
				return usagef("backup needs --out FILE (see shadowscan backup --help)")
			}
			if o.Server != "" {
				u, err := url.Parse(o.Server)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					return usagef("--server %q: give the serve URL, such as http://127.0.0.1:8080", o.Server)
				}
			}
			return runBackup(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.Out, "out", "", "file to write the copy to (must not exist)")
	cmd.Flags().StringVar(&o.Server, "server", "", "copy through the API of the serve at this URL instead of opening the store")
	cmd.Flags().StringVar(&o.TokenFile, "token-file", "", "file holding serve's access token (default: the store's .token file)")
	return cmd
}

func runBackup(ctx context.Context, g *Globals, o backupOptions) error {
	if o.Server != "" {
		return backupFromServer(ctx, g, o, o.Server)
	}
	path := g.dbPath()
	db, err := store.Open(path, store.WithReadOnly())
	if err != nil {
		if shadowscan.ErrorCode(err) == shadowscan.ECONFLICT {
			if u, ok := runningServe(path); ok {
				return backupFromServer(ctx, g, o, u)
			}
		}
		return err
	}
	defer db.Close()
	n, err := db.BackupFile(ctx, o.Out)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "backup %s: %d bytes, a consistent copy of %s\n", o.Out, n, path)
	return nil
}

// runningServe returns the URL of the serve holding the store at path.
func runningServe(path string) (string, bool) {
	info, ok := web.Running(path + web.InfoSuffix)
	return info.URL, ok
}

// backupFromServer fetches the copy from serve's GET /api/backup.
func backupFromServer(ctx context.Context, g *Globals, o backupOptions, server string) error {
	tokenFile := o.TokenFile
	if tokenFile == "" {
		tokenFile = g.dbPath() + web.TokenSuffix
	}
	tb, err := os.ReadFile(tokenFile)
	if err != nil {
		return shadowscan.Errorf(shadowscan.EINVALID, "backup through %s needs serve's access token: cannot read %s (%v); give the file with --token-file", server, tokenFile, err)
	}
	n, err := web.FetchBackup(ctx, server, string(tb), func(r io.Reader) (int64, error) { return store.SaveBackup(o.Out, r) })
	if err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "backup %s: %d bytes, a consistent copy from serve at %s\n", o.Out, n, server)
	return nil
}
