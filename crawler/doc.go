// Package crawler fetches marketplace search results and listing pages with
// gocolly/colly, driven by a site's rules (rules.Site), and turns each
// listing page into a shadowscan.Listing plus captures of every response.
//
// A Crawler walks each query's result pages (the search URL template, then
// next_page links or {page} counted up until a page has no listing links,
// at most max_pages), fetches every new on-site listing link once, fetches
// and hashes the listing's photos with package photo, and hands the result
// to a sink as soon as that listing is done. Nothing holds a whole scan.
//
// A run's search walk queues the listing links it finds (as many ahead as
// there are workers) for a pool of InFlight workers: the site's parallelism, or
// three times it when the rule names photo_hosts, so that while some
// listings wait for their photos on the image host, others keep the
// site's pages coming. colly's per-host limit rules keep every host at the
// site's parallelism however many listings are in flight.
//
// Revisit fetches listings again by URL (takedown checks) through the
// same machinery as Run: the site's politeness, the crawler's one HTTP
// transport and its open connections, and its photo cache, so each
// distinct photo URL is fetched once however many runs a scan makes.
//
// Politeness: one colly LimitRule per host (parallelism, delay, random
// delay), robots.txt obeyed when the rule says so (the rules default), a
// descriptive User-Agent, a per-request timeout, and retries with
// exponential backoff and jitter on timeouts, 429, 5xx and cut bodies,
// honouring Retry-After (capped at 60 s).
//
// Safety: pages stay on the site's host (off-site links are counted, not
// followed; photos may come from any http(s) host); URLs over 2,048 bytes
// and more than 200 query-string variants of one path are refused as traps;
// bodies are cut at the rule's byte limit while reading and such pages are
// dropped as too_large; photos go through photo.HashBytes, which checks
// bytes and pixel counts before decoding. Failures never stop a run: they
// are counted in Stats.Errors by kind.
//
// Browser fetching (a rule's fetch: browser, browser.go): the crawler
// starts one headless Chromium on the site's first page and again if it
// dies; each page gets a tab, bounded by the site's parallelism, spaced by
// its delay, closed after it. robots.txt and the run's duplicate and trap
// checks apply as for plain pages. Every request a tab makes is paused
// through the DevTools Fetch domain and refused unless the site's policy
// allows its origin and address (browser_guard.go); the main document and
// a listing's images are kept as received. Pages are waited for
// (wait_for), scrolled (search.scroll), read from the rendered DOM, and a
// listing page is screenshot for the evidence bundle.
//
// Captures keep the exact bytes the marketplace sent (before any character
// set conversion), so evidence can be written later without fetching again.
//
// Memory: a run holds one copy of each body (the transport reads it once,
// into a buffer sized from Content-Length, and colly gets an empty body);
// at most GOMAXPROCS photos are decoded at once however many listings are
// in flight; and the photo captures kept for listings that show the same
// photo later are capped at 16 MB, least recently used dropped first (a
// listing whose shared photo was dropped keeps the hashes, not the bytes).
// Structured data (JSON-LD, microdata, OpenGraph) is read only when a rule
// selector leaves a field empty.
//
// Extraction (Extract) applies the rule's selectors and falls back to
// schema.org Product data in JSON-LD, then microdata, then OpenGraph; each
// field reports where it came from. ParsePrice reads prices as shops write
// them, in any common format and currency.
package crawler
