// Package fleet spreads a scan's fetches over workers through NATS
// JetStream: it is the adapter for github.com/nats-io/nats.go (its
// jetstream package) and github.com/nats-io/nats-server/v2 (embedded), as
// store is the adapter for bbolt. It knows tasks, results, claims and
// acks; what a task fetches and what a result is turned into are the
// callers' (package scan wires the crawler, the matcher and the store).
//
// Topology. One JetStream, embedded in `shadowscan serve --nats embedded`
// (StartEmbedded: one server, one replica, its store beside the bbolt
// file, loopback only) or external (`--nats URL`, credentials from a
// file): on a cluster, ConnectOptions.Replicas (`serve --nats-replicas
// 3`) has every stream and bucket kept by that many servers, and a
// client given every server's URL fails over when one goes. `serve` is
// the coordinator and the only bbolt writer; workers (`shadowscan
// worker`) are stateless and may run anywhere.
//
//	stream SHADOWSCAN_TASKS     work queue; subject shadowscan.task.SITE.SCAN
//	  consumer site-SITE        durable pull, one per site, shared by every
//	                            scan of the site: MaxAckPending = the site's
//	                            parallelism
//	stream SHADOWSCAN_RESULTS   work queue; subject shadowscan.result.SCAN
//	  consumer scan-SCAN        durable pull, the coordinator's, one per scan
//	kv shadowscan-seen          the seen-set: key SCAN.SITE.DIGEST(url),
//	                            value the id of the task that claimed it
//	object shadowscan-captures  capture bodies, named by their sha256
//	object shadowscan-catalogs  the catalogue snapshots workers read,
//	                            named by their sha256 (Task.Catalog)
//	kv shadowscan-workers       worker heartbeats: key SITE.WORKER, renewed
//	                            every 5 s, gone 15 s after the last (TTL)
//	kv shadowscan-scans         the scans under way: key SCAN; a worker
//	                            drops a task of a scan without one
//	kv shadowscan-backoff       a site's shared backoff: key SITE, value
//	                            when it ends (backoff.go)
//	stream SHADOWSCAN_ADVISORIES the server's advisories of tasks delivered
//	                            MaxDeliver times, kept 72 h
//	  consumer adv-SCAN         durable, the coordinator's, one per scan
//
// Politeness. A site's consumer lets at most its parallelism of tasks out
// unacknowledged, whichever workers pull them, and a worker acknowledges
// a task only when the site may be asked again: after the handler
// returned (the crawler's limit rule sleeps the site's delay after every
// request before its fetch returns) and never sooner than the delay
// after the handler started. A slot of the site is so held from the
// moment a task is delivered until the delay after its last request has
// passed, so a site sees at most its parallelism of requests at once and
// the delay between one request of a slot and the next, however many
// workers pull. AckWait is above the site's timeout plus delay, and a
// worker sends InProgress while a slow page is fetched.
//
// Exactly-once effects. Every task has a deterministic id (scan, site,
// kind, URL) published as Nats-Msg-Id, so a retried publish within the
// stream's duplicate window is not a second task; a URL is claimed in the
// seen-set (KV Create) before its task is published, so two workers
// finding one link make one task, and a task delivered again republishes
// the children it had claimed (the claim names it) and no others. A
// worker publishes its follow-up tasks, then its result (Nats-Msg-Id
// "r-" + task id), then acks: a worker killed anywhere in between has its
// task delivered again, and what it had published is deduplicated. The
// coordinator applies a batch of results, commits it, and only then acks
// it; it keys what it writes by task id, so a result delivered again is a
// no-op.
//
// Resuming. The coordinator keeps every task it waits for in its store
// until the task's result is applied (package scan), so a coordinator
// that restarts knows them. Pending tells which JetStream still holds,
// as a task or as a result; Republish hands out the others again in a
// new round (Task.Round), whose message ids the duplicate window has not
// seen. TakeOver has the results a dead coordinator held come at once.
// The advisories of tasks given up wait in their stream for a
// coordinator that was down when they came.
//
// Failures. A handler's temporary failure (a timeout, a 429, a 5xx) is
// delivered again with a growing delay (NakWithDelay) until MaxDeliver;
// then, or at once for a failure that would not go away, the worker
// publishes a failed result and releases the URL's claim. A task no
// worker could finish (a worker dying on it MaxDeliver times) is reported
// by the server's max-deliveries advisory, which the coordinator turns
// into a failed result. While a cluster elects a new leader for a stream
// whose leader went down, calls to it fail or go unanswered: a worker's
// unfinished task is delivered again, and the coordinator fetches again
// and hands back a result whose capture bodies did not load within a
// bounded time, so nothing waits on a server that is gone.
//
// Observability. Stats reads each site's consumer (tasks in flight,
// pending, redelivered) and counts the workers' heartbeats; a result
// carries the worker's name and how many times its task was delivered.
package fleet
