package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/fleet"
	"github.com/shadowscan/shadowscan/scan"
	"github.com/shadowscan/shadowscan/web"
)

// natsEmbedded is the --nats value that starts serve's own server.
const natsEmbedded = "embedded"

// defaultNATSListen is where serve's embedded NATS server listens.
const defaultNATSListen = "127.0.0.1:4222"

// natsOptions are the flags that reach a NATS server.
type natsOptions struct {
	// URL is the server's URL ("embedded" for serve's own; "" for none).
	URL string
	// Creds is a NATS credentials file.
	Creds string
	// Replicas is how many servers keep each stream and bucket (serve's
	// --nats-replicas; 0 for a worker: it keeps what serve set).
	Replicas int
}

func (o *natsOptions) AddFlags(fs *pflag.FlagSet, what string) {
	fs.StringVar(&o.URL, "nats", "", what)
	fs.StringVar(&o.Creds, "nats-creds", "", "NATS credentials `FILE` (nsc or the server's operator)")
}

// connect connects to o.URL as name.
func (o natsOptions) connect(ctx context.Context, g *Globals, url, name string) (*fleet.Conn, error) {
	if o.Creds != "" {
		if _, err := os.Stat(o.Creds); err != nil {
			return nil, usagef("--nats-creds: %v", err)
		}
	}
	return fleet.Connect(ctx, url, fleet.ConnectOptions{Name: name, CredsFile: o.Creds, Replicas: o.Replicas, Log: g.Logger()})
}

type workerOptions struct {
	nats  natsOptions
	Sites []string
	Name  string
}

func newWorkerCommand(g *Globals) *cobra.Command {
	var o workerOptions
	cmd := &cobra.Command{
		Use:   "worker --nats URL [--site S]...",
		Short: "Fetch the pages of distributed scans run by a serve --nats",
		Long: `Pull fetch tasks of distributed scans from NATS JetStream, fetch and
extract each page with the site's rules, and hand back the listings found
and the pages they lead to. The scans are started and stored by
"shadowscan serve --nats", the only process that writes the store; a
worker opens no store and keeps nothing: start as many as you like, on
as many machines, and stop or kill them at any time (a task a worker did
not finish goes to another).

Every site's politeness holds however many workers run: a site's
parallelism is the number of its pages out at once across all workers,
and its delay separates each page from the next in the same slot.

Give the worker the same --rules as serve: it refuses the tasks of a site
whose rule differs from serve's.`,
		Example: `  shadowscan worker --nats nats://127.0.0.1:4222
  shadowscan --rules ./rules worker --nats nats://nats.example:4222 --nats-creds worker.creds --site my-market`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.nats.URL == "" || o.nats.URL == natsEmbedded {
				return usagef("--nats URL: name the NATS server serve uses, such as nats://127.0.0.1:4222")
			}
			return runWorker(cmd.Context(), g, o)
		},
	}
	o.nats.AddFlags(cmd.Flags(), "`URL` of the NATS server (serve --nats embedded listens on nats://127.0.0.1:4222)")
	cmd.Flags().StringArrayVar(&o.Sites, "site", nil, "only this `SITE`'s tasks (repeatable; default: every site of the rules)")
	cmd.Flags().StringVar(&o.Name, "name", "", "the worker's name in results and on the server (default HOST-PID)")
	return cmd
}

// runWorker works until ctx is done (Ctrl-C): that is how a worker ends.
func runWorker(ctx context.Context, g *Globals, o workerOptions) error {
	set, err := g.Rules()
	if err != nil {
		return err
	}
	for _, s := range o.Sites {
		if _, err := set.Site(s); err != nil {
			return usagef("--site: %v", err)
		}
	}
	name := o.Name
	if name == "" {
		host, _ := os.Hostname()
		name = fmt.Sprintf("%s-%d", strings.Split(host, ".")[0], os.Getpid())
	}
	q, err := o.nats.connect(ctx, g, o.nats.URL, name)
	if err != nil {
		return err
	}
	defer q.Close()
	sites := o.Sites
	if len(sites) == 0 {
		sites = set.SiteNames()
	}
	fmt.Fprintf(g.Stdout, "shadowscan worker %s: pulling tasks of %s from %s; stop with Ctrl-C\n", name, strings.Join(sites, ", "), o.nats.URL)
	w := scan.NewWorker(set, name, scan.WithLogger(g.Logger()), scan.WithUserAgent(crawler.DefaultUserAgent(version)))
	err = w.Run(ctx, q, sites)
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// webFleetStats gives /metrics the state of q's workers and task queues;
// nil without a fleet.
func webFleetStats(q *fleet.Conn) web.FleetStatsFunc {
	if q == nil {
		return nil
	}
	return func(ctx context.Context) (web.FleetStats, error) {
		st, err := q.Stats(ctx)
		if err != nil {
			return web.FleetStats{}, err
		}
		out := web.FleetStats{Workers: st.Workers, Sites: make([]web.FleetSite, len(st.Sites))}
		for i, s := range st.Sites {
			out.Sites[i] = web.FleetSite{Site: s.Site, Workers: s.Workers, InFlight: s.InFlight, Pending: s.Pending, Redelivered: s.Redelivered}
		}
		return out, nil
	}
}
