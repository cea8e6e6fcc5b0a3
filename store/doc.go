// Package store keeps shadowscan's state in one bbolt file: the authentic
// catalogue, scans, every listing seen with its change history, the raw
// captures taken at fetch time, the hits in the review queue with their
// status history, and the crawl frontier used to resume a scan.
//
// Every exported method opens its own transaction; several writes that
// belong together (a listing, its hit, its captures and its history entry)
// share one and commit together or not at all. No bbolt type leaves the
// package, and no byte slice read from bbolt outlives its transaction.
//
// A store file is held by one process at a time. Open waits a short while
// for the file lock and then returns a conflict error that names the process
// holding it. bbolt allows a single writer, so a scan funnels its writes
// through a Writer: one goroutine that hands Record a batch at a time, the
// frontier marks in the transaction of the listings they follow. The scan
// package, BenchmarkRecord and `make eval` all record through it.
//
// A damaged file (cut short, overwritten, pages pointing nowhere) is an
// error wrapping ErrDamaged, never a crash: Open walks the page structure
// with bounds checks before bbolt maps the file, and every transaction
// runs under a guard that turns bbolt's assertion panics and memory
// faults into that error. Check verifies a file in full; Backup and
// BackupFile copy a store while it is in use.
//
// Values are versioned JSON; keys sort (big-endian sequence numbers). The
// schema version lives in the meta bucket and Open migrates older stores
// forward (migrate.go, one migration per schema); a store written by a
// newer shadowscan is refused.
//
// # Bucket tree
//
// The store at schema 9 (SchemaVersion). Keys are shown between < >;
// every value is JSON wrapped as {"v": layout version, "data": ...}
// unless said otherwise. The schema that added a bucket is in brackets;
// the rest came with schema 1. Each bucket name is a package-level []byte
// var (bucketX) with its own comment.
//
//	meta/
//	|--> schema              -> uint64 big-endian schema version
//	|--> created_at          -> RFC 3339 UTC time the store was created
//	blobs/
//	|--> <sha256 hex>        -> encoding byte (0 raw, 1 flate), uvarint length, bytes; not JSON
//	brands/
//	|--> <brand id>          -> shadowscan.Brand
//	products/
//	|--> <sku>               -> shadowscan.Product
//	scans/
//	|--> <scan id u64>       -> shadowscan.Scan
//	listings/
//	|--> <site/id>           -> ListingRecord (latest listing and verdict, first/last seen, hit id)
//	listing_history/
//	|--> <site/id 0x00 seq>  -> ListingChange (append-only)
//	captures/
//	|--> <site/id 0x00 seq>  -> shadowscan.Capture without its body (the body is a blob)
//	hits/
//	|--> <hit id u64>        -> hitRecord (shadowscan.Hit plus dismissal state)
//	frontier/
//	|--> <scan id u64 url>   -> empty (visited); a URL over 2 KiB as 0x00 and its SHA-256
//	|--> <scan id u64 0x01 url> -> a search page: 's' (fetched) or 'd' and the next page's URL (done)
//	|--> <scan id u64 0x02 id>  -> a work item (work.go): 'o' and its data (open) or 'd' (done)
//	hits_by_status/          [schema 2]
//	|--> <status 0x00 score-desc u16 id-desc u64> -> hit summary
//	hits_by_score/           [schema 2]
//	|--> <score-desc u16 id-desc u64>             -> hit summary
//	schedules/               [schema 3]
//	|--> <schedule id u64>   -> shadowscan.Schedule
//	hits_by_field/           [schema 4]
//	|--> <dim, value, status, score-desc u16 id-desc u64> -> hit summary, twice per dimension:
//	|                           with the hit's status and with an empty one (index.go)
//	hit_counts/              [schema 4]
//	|--> <dim, value, status> -> uint64 big-endian count of the entries under that prefix,
//	                            plus status and site/seller counters (index.go); not JSON
//	sessions/                [schema 6]
//	|--> <site name>         -> shadowscan.Session: a site's session cookies (secrets;
//	                            `sites login`; the file is made owner-only first)
//	users/                   [schema 7]
//	|--> <user name>         -> shadowscan.User: role, bcrypt password hash, SHA-256 of
//	                            the API token (`shadowscan users`; owner-only file)
//	photo_hashes/            [schema 8]
//	|--> <sha256, 32 bytes>  -> a listing photo's hashes and the photo.HashVersion that
//	                            computed them, for later scans fetching the same bytes
//	saved_filters/           [schema 9]
//	|--> <filter id u64>     -> shadowscan.SavedFilter: a review-queue filter saved under a
//	                            name by its owner, shared with the team or not
//
// Schema 5 added no bucket: it re-hashed the official photos in products/
// with PDQ and their crop, trim and dihedral variants (photohash.go).
//
// A hit summary is not JSON: the hit's brand, site, category and seller id,
// each as a uvarint length and bytes (codec.go).
//
// A site name never contains "/" or NUL, and a listing id never contains
// NUL, so "site/id" names one listing and "site/id" 0x00 is a prefix that
// no other listing shares.
//
// A new schema adds its buckets at the end of this tree with its number in
// brackets, and its migration at the end of the list in migrate.go.
package store
