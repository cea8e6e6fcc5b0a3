// Package scan is the scan use case: crawl a site's search results, match
// each listing against the catalogue, record it, and fetch again by URL
// the listings whose takedown is being followed; resume an interrupted
// scan where it stopped; report progress as it goes.
//
// It is an application package: it wires the adapters (crawler, matcher,
// store, fleet) together and is called by programs (the CLI's `scan` and
// `demo`, the scheduled and manual scans of `serve` through the function
// web declares, and `shadowscan worker`). It imports no program and no
// program-facing package imports it but cmd/.
//
// A scan streams. The crawler hands each listing, as soon as its page and
// photos are fetched, to the sink, which matches it and queues it on a
// store.Writer; the writer commits in batches, each listing with the
// frontier mark that says it is done, in one transaction. A scan never
// holds all its listings in memory, and a kill loses at most the batch
// being committed, the writer's buffer and the listings in flight, which
// Run with Options.Resume fetches again.
//
// The scan record keeps how the scan was started (shadowscan.ScanPlan):
// sites with their base URLs, queries, brand, page limit and digests of
// the rules in effect. Resume goes on with those and refuses when the
// rules changed.
//
// After a site's search crawl, its listings whose hits are reported,
// removed or relisted are fetched by URL through crawler.Revisit (the
// crawler's politeness, transport and photo cache); the store decides
// what a gone page means (two gone sightings make a removal).
//
// Distributed (distributed.go, worker.go): RunDistributed plans and
// matches as Run does but has the pages fetched by Workers through the
// fleet (NATS JetStream), applying their results in batches, each
// committed before it is acknowledged; a Worker fetches one page a task
// with a crawler.Fetcher.
package scan
