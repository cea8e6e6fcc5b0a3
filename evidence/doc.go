// Package evidence writes and verifies evidence bundles: WACZ 1.1.1 files
// (a ZIP that Webrecorder's ReplayWeb.page replays) that also carry what an
// analyst or a platform's complaint desk reads.
//
// A bundle holds, for every exported hit, the WARC request and response
// records of what the crawler captured at fetch time (listing pages and
// photos, never fetched again), a CDXJ index over them, pages.jsonl, and
// under evidence/ a JSON manifest, a self-contained printable HTML report,
// a CSV of complaint rows and the official reference photos. SHA256SUMS and
// datapackage.json list the digest of every file; datapackage-digest.json
// holds the digest of datapackage.json and, when a key is given, an ECDSA
// P-384 signature in the WACZ anonymous-signing form, optionally with an
// RFC 3161 timestamp over that signature under the "shadowscan:timestamp"
// key.
//
// Write streams: it holds one Item and its blobs at a time and spools the
// archive and the evidence files to a temporary directory before it
// assembles the ZIP in sorted order with fixed modification times, so the
// same input and Options.Created give the same bytes.
//
// Verify works offline on a bundle: it recomputes every digest, the WARC
// record digests, the index against the archive, the signature and the
// timestamp, and returns an error naming the first thing that fails.
package evidence
