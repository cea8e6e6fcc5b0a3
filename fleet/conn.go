package fleet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/shadowscan/shadowscan"
)

// Retention of what outlives a scan's run in JetStream.
const (
	// claimTTL keeps a scan's claims: longer than any scan runs.
	claimTTL = 72 * time.Hour
	// captureTTL keeps capture bodies until the coordinator has had
	// ample time to store them.
	captureTTL = 72 * time.Hour
	// snapshotTTL keeps a catalogue snapshot after it was last put: a
	// scan puts its snapshot again when it resumes.
	snapshotTTL = 30 * 24 * time.Hour
	// dupWindow is the streams' Nats-Msg-Id duplicate window.
	dupWindow = 10 * time.Minute
	// advisoryTTL keeps the server's advisories of tasks given up, so a
	// coordinator that was down when one came still reads it.
	advisoryTTL = 72 * time.Hour
)

// Server is an embedded NATS server with JetStream: one server, one
// replica, for `serve --nats embedded` and for tests.
type Server struct {
	ns *server.Server
}

// StartEmbedded starts a NATS server with JetStream storing in dir,
// listening on listen (host:port; port 0 picks a free one). It listens
// on loopback only: workers on other machines need a NATS server of
// their own with authentication (`--nats URL`).
func StartEmbedded(dir, listen string) (*Server, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "nats listen address %q: use host:port, such as 127.0.0.1:4222", listen)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "nats listen address %q: the embedded server listens on loopback only (it has no authentication); for workers on other machines run nats-server and pass --nats URL", listen)
	}
	p, err := strconv.Atoi(port)
	if err != nil || p < 0 || p > 65535 {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "nats listen address %q: port %q is not a port number", listen, port)
	}
	if p == 0 {
		p = server.RANDOM_PORT
	}
	ns, err := server.NewServer(&server.Options{
		ServerName: "shadowscan", Host: host, Port: p,
		JetStream: true, StoreDir: dir, NoSigs: true, NoLog: true,
	})
	if err != nil {
		return nil, fmt.Errorf("embedded nats server: %w", err)
	}
	ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("embedded nats server on %s did not start within 10s (is the port in use?)", listen)
	}
	return &Server{ns: ns}, nil
}

// URL is the address clients connect to.
func (s *Server) URL() string { return s.ns.ClientURL() }

// Close shuts the server down and waits until it is down.
func (s *Server) Close() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
}

// Conn is a connection to JetStream with shadowscan's streams and
// buckets.
type Conn struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	tasks   jetstream.Stream
	results jetstream.Stream
	// advisoryStream keeps the server's max-deliveries advisories.
	advisoryStream jetstream.Stream
	seen           jetstream.KeyValue
	scans          jetstream.KeyValue
	backoff        jetstream.KeyValue
	captures       jetstream.ObjectStore
	catalogs       jetstream.ObjectStore
	workers        jetstream.KeyValue
	log            *slog.Logger
}

// ConnectOptions say how to connect.
type ConnectOptions struct {
	// Name names the connection on the server (a worker's name).
	Name string
	// CredsFile is a NATS credentials file ("" for none).
	CredsFile string
	// Log receives connection events (nil: discard).
	Log *slog.Logger
	// Replicas is how many servers of a JetStream cluster keep each
	// stream and bucket (1 to 5; a cluster of 3 takes 3, so that the loss
	// of one server loses nothing). 0 keeps what they have, and makes
	// missing ones with 1: workers pass 0, the coordinator (serve
	// --nats-replicas) says how many.
	Replicas int
}

// Connect connects to the NATS server at url and makes the streams and
// buckets shadowscan uses, as doc.go draws them (creating them when
// missing, so the first coordinator or worker sets them up).
func Connect(ctx context.Context, url string, o ConnectOptions) (*Conn, error) {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	opts := []nats.Option{nats.Name(o.Name), nats.MaxReconnects(-1),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) { log.Warn("nats disconnected", "err", err) }),
		nats.ReconnectHandler(func(nc *nats.Conn) { log.Info("nats reconnected", "url", nc.ConnectedUrl()) }),
	}
	if o.CredsFile != "" {
		opts = append(opts, nats.UserCredentials(o.CredsFile))
	}
	if o.Replicas < 0 || o.Replicas > maxReplicas {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "nats replicas %d: JetStream keeps 1 to %d copies", o.Replicas, maxReplicas)
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to nats at %s: %w", url, err)
	}
	c := &Conn{nc: nc, log: log}
	if err := c.setup(ctx, o.Replicas); err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats at %s: %w", url, err)
	}
	return c, nil
}

// setup makes the streams and buckets, each kept by replicas servers (0:
// as many as it has, 1 for a new one).
func (c *Conn) setup(ctx context.Context, replicas int) error {
	js, err := jetstream.New(c.nc)
	if err != nil {
		return err
	}
	c.js = js
	if err := c.setupStreams(ctx, replicas); err != nil {
		return err
	}
	return c.setupBuckets(ctx, replicas)
}

// setupStreams makes the task, result and advisory streams.
func (c *Conn) setupStreams(ctx context.Context, replicas int) error {
	js := c.js
	r := func(stream string) (int, error) { return c.replicas(ctx, stream, replicas) }
	n, err := r(TasksStream)
	if err == nil {
		c.tasks, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name: TasksStream, Subjects: []string{taskPrefix + ">"}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Duplicates: dupWindow, Replicas: n,
		})
	}
	if err != nil {
		return fmt.Errorf("task stream: %w", err)
	}
	if n, err = r(ResultsStream); err == nil {
		c.results, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name: ResultsStream, Subjects: []string{resultPrefix + ">"}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Duplicates: dupWindow, Replicas: n,
		})
	}
	if err != nil {
		return fmt.Errorf("result stream: %w", err)
	}
	if n, err = r(AdvisoriesStream); err == nil {
		c.advisoryStream, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name: AdvisoriesStream, Subjects: []string{maxDeliveriesSubject}, Retention: jetstream.LimitsPolicy,
			Storage: jetstream.FileStorage, MaxAge: advisoryTTL, Replicas: n,
		})
	}
	if err != nil {
		return fmt.Errorf("advisory stream: %w", err)
	}
	return nil
}

// setupBuckets makes the KV buckets and the capture store.
func (c *Conn) setupBuckets(ctx context.Context, replicas int) error {
	js := c.js
	r := func(stream string) (int, error) { return c.replicas(ctx, stream, replicas) }
	n, err := r(kvStream(SeenBucket))
	if err == nil {
		c.seen, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: SeenBucket, TTL: claimTTL, Storage: jetstream.FileStorage, Replicas: n})
	}
	if err != nil {
		return fmt.Errorf("seen-set bucket: %w", err)
	}
	if n, err = r(kvStream(ScansBucket)); err == nil {
		c.scans, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: ScansBucket, TTL: claimTTL, Storage: jetstream.FileStorage, Replicas: n})
	}
	if err != nil {
		return fmt.Errorf("scan bucket: %w", err)
	}
	if n, err = r(objStream(CapturesBucket)); err == nil {
		c.captures, err = js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: CapturesBucket, TTL: captureTTL, Storage: jetstream.FileStorage, Replicas: n})
	}
	if err != nil {
		return fmt.Errorf("capture store: %w", err)
	}
	if n, err = r(objStream(CatalogsBucket)); err == nil {
		c.catalogs, err = js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: CatalogsBucket, TTL: snapshotTTL, Storage: jetstream.FileStorage, Replicas: n})
	}
	if err != nil {
		return fmt.Errorf("catalogue snapshot store: %w", err)
	}
	if n, err = r(kvStream(BackoffBucket)); err == nil {
		c.backoff, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: BackoffBucket, TTL: backoffTTL, Storage: jetstream.MemoryStorage, Replicas: n})
	}
	if err != nil {
		return fmt.Errorf("backoff bucket: %w", err)
	}
	if n, err = r(kvStream(WorkersBucket)); err == nil {
		c.workers, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: WorkersBucket, TTL: workerTTL, Storage: jetstream.MemoryStorage, Replicas: n})
	}
	if err != nil {
		return fmt.Errorf("worker heartbeat bucket: %w", err)
	}
	return nil
}

// maxReplicas is the most copies JetStream keeps of a stream.
const maxReplicas = 5

// replicas is how many replicas stream gets: want, or when want is 0 what
// it has (1 when it is new), so that a worker connecting does not undo
// the coordinator's setting.
func (c *Conn) replicas(ctx context.Context, stream string, want int) (int, error) {
	if want > 0 {
		return want, nil
	}
	s, err := c.js.Stream(ctx, stream)
	switch {
	case errors.Is(err, jetstream.ErrStreamNotFound):
		return 1, nil
	case err != nil:
		return 0, err
	}
	return max(s.CachedInfo().Config.Replicas, 1), nil
}

// kvStream and objStream name the streams behind a KV bucket and an
// object store.
func kvStream(bucket string) string  { return "KV_" + bucket }
func objStream(bucket string) string { return "OBJ_" + bucket }

// Close drains nothing: what is unacknowledged is delivered again.
func (c *Conn) Close() { c.nc.Close() }

// SiteLimits are a site's politeness as the task consumer applies it.
type SiteLimits struct {
	// Parallelism is how many of the site's tasks may be out at once
	// (MaxAckPending); at least 1.
	Parallelism int
	// Delay is how long after a request the site's next one may start;
	// Timeout is a request's limit. AckWait is set above both.
	Delay, Timeout time.Duration
	// AckWait, when above 0, replaces the AckWait made from them (tests
	// of a killed worker shorten it).
	AckWait time.Duration
	// MaxDeliver is how often a task is delivered before it fails (0:
	// 5).
	MaxDeliver int
}

// ackWait is how long a delivered task may go without an ack or a
// heartbeat before it is delivered again: above a page's timeout (its
// retries send heartbeats) plus the site's delay.
func (l SiteLimits) ackWait() time.Duration {
	if l.AckWait > 0 {
		return l.AckWait
	}
	return max(2*(l.Timeout+l.Delay), 30*time.Second)
}

// OpenSite makes or updates the task consumer of site with the limits l:
// the coordinator calls it before publishing a scan's tasks of the site.
func (c *Conn) OpenSite(ctx context.Context, site string, l SiteLimits) error {
	if err := checkSite(site); err != nil {
		return err
	}
	wait := l.ackWait()
	maxDeliver := l.MaxDeliver
	if maxDeliver <= 0 {
		maxDeliver = 5
	}
	_, err := c.js.CreateOrUpdateConsumer(ctx, TasksStream, jetstream.ConsumerConfig{
		Durable: siteConsumer(site), FilterSubject: taskPrefix + site + ".>",
		AckPolicy: jetstream.AckExplicitPolicy, MaxAckPending: max(l.Parallelism, 1),
		AckWait: wait, MaxDeliver: maxDeliver,
		// A task whose worker died is delivered again later each time.
		BackOff: []time.Duration{wait, 2 * wait, 4 * wait},
	})
	if err != nil {
		return fmt.Errorf("task consumer of site %s: %w", site, err)
	}
	return nil
}

// siteConsumerWait returns site's task consumer, waiting until the
// coordinator has made it.
func (c *Conn) siteConsumerWait(ctx context.Context, site string) (jetstream.Consumer, error) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		cons, err := c.js.Consumer(ctx, TasksStream, siteConsumer(site))
		if err == nil {
			return cons, nil
		}
		if !errors.Is(err, jetstream.ErrConsumerNotFound) {
			return nil, fmt.Errorf("task consumer of site %s: %w", site, err)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}
