package evidence

import (
	"context"
	"crypto/ecdsa"
	"net/http"
	"time"

	"github.com/shadowscan/shadowscan"
)

// Blobs gives the bytes the store keeps under a SHA-256 (capture bodies and
// official photos). Blob returns an error with code ENOTFOUND when there
// are none.
type Blobs interface {
	Blob(ctx context.Context, sha string) ([]byte, error)
}

// BlobsFunc adapts a function to Blobs.
type BlobsFunc func(ctx context.Context, sha string) ([]byte, error)

// Blob calls f.
func (f BlobsFunc) Blob(ctx context.Context, sha string) ([]byte, error) { return f(ctx, sha) }

// Item is one hit with what the bundle needs around it: its brand, the
// matched product (nil when the hit matched no single product) and the
// metadata of every capture of its listing, in the order they were taken.
type Item struct {
	Hit      shadowscan.Hit
	Brand    *shadowscan.Brand
	Product  *shadowscan.Product
	Captures []shadowscan.Capture
}

// Options configure Write.
type Options struct {
	// Created is the bundle's creation time: datapackage created, the
	// manifest's created_at and every ZIP entry's modification time. Zero
	// means now. The same input and Created give the same bytes.
	Created time.Time
	// Software names the tool and version, e.g. "shadowscan 1.2.0".
	Software string
	// By is who exported the bundle.
	By string
	// Title and Description go into datapackage.json and the report.
	Title       string
	Description string
	// Filters and IDs record how the hits were selected (manifest only).
	Filters shadowscan.HitFilter
	IDs     []uint64
	// BundleName is the file name written into complaints.csv, e.g.
	// "aurora-2026-03.wacz".
	BundleName string
	// SignKey, when set, signs the bundle (ECDSA P-384, WACZ anonymous form).
	SignKey *ecdsa.PrivateKey
	// TSAURL, when set, asks that RFC 3161 time-stamping authority for a
	// timestamp over the signature (over the hash when unsigned).
	TSAURL string
	// HTTPClient talks to the TSA; nil means a client with a 30 s timeout.
	HTTPClient *http.Client
	// TempDir is where the archive is spooled; empty means os.TempDir().
	TempDir string
	// MaxBlobBytes caps one capture body or photo (default 64 MiB): a
	// larger blob fails the export rather than exhaust memory.
	MaxBlobBytes int64
	// MaxInlineImageBytes caps a photo inlined into report.html as a data:
	// URI (default 4 MiB); a larger one is named, not shown.
	MaxInlineImageBytes int64
}

// Summary tells what Write put into the bundle.
type Summary struct {
	Hits      int // hits exported
	Pages     int // listing pages in pages.jsonl
	Captures  int // captures written as request + response records
	Records   int // WARC records, warcinfo included
	Reference int // official photos under evidence/reference/
	Bytes     int64
	// Hash is datapackage.json's digest, "sha256:<hex>".
	Hash string
	// Signed and Timestamped tell whether signedData and an RFC 3161
	// token were added; TimestampTime is the TSA's time.
	Signed        bool
	Timestamped   bool
	TimestampTime time.Time
	// KeyFingerprint is the signing key's Fingerprint when Signed.
	KeyFingerprint string
}

const (
	defaultMaxBlobBytes   = 64 << 20
	defaultMaxInlineBytes = 4 << 20
	waczVersion           = "1.1.1"
	// timestampKey is the namespaced top-level key of datapackage-digest.json
	// that carries the RFC 3161 token; replay tools ignore unknown keys.
	timestampKey = "shadowscan:timestamp"
)

// Paths of the bundle's fixed files.
const (
	pathWARC       = "archive/data.warc.gz"
	pathIndex      = "indexes/index.cdxj"
	pathPages      = "pages/pages.jsonl"
	pathManifest   = "evidence/manifest.json"
	pathReport     = "evidence/report.html"
	pathComplaints = "evidence/complaints.csv"
	pathRefDir     = "evidence/reference/"
	pathSums       = "SHA256SUMS"
	pathDataPkg    = "datapackage.json"
	pathDigest     = "datapackage-digest.json"
)
