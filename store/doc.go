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
// holding it. bbolt allows a single writer, so the scan pipeline funnels its
// writes through one goroutine, usually with a Writer that batches them.
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
// forward; a store written by a newer shadowscan is refused.
package store
