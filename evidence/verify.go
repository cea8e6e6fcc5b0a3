package evidence

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"sort"
	"strings"
	"time"
)

// VerifyOptions configure Verify.
type VerifyOptions struct {
	// TSARoots are the roots an RFC 3161 token must chain to. Without them
	// a timestamp is checked for its imprint and CMS signature and
	// reported as present but untrusted.
	TSARoots *x509.CertPool
	// PublicKey, when set, requires the bundle to be signed by this key.
	PublicKey *ecdsa.PublicKey
	// RequireSignature fails an unsigned bundle.
	RequireSignature bool
}

// Report says what Verify checked.
type Report struct {
	Files      int   // resources whose size and sha256 were recomputed
	Bytes      int64 // their total size
	Records    int   // WARC records whose digests were recomputed
	Responses  int
	IndexLines int // CDXJ lines checked against the archive
	Pages      int // pages.jsonl lines
	Hash       string
	Created    string
	Software   string
	// Signed is true when signedData is present; SignatureValid when it
	// verified. KeyFingerprint is the SHA-256 of the signer's SPKI, hex.
	Signed         bool
	SignatureValid bool
	KeyFingerprint string
	Timestamp      *TimestampReport
	// Checked lists what was checked, one line each, for the CLI.
	Checked []string
}

// TimestampReport describes an RFC 3161 token in a bundle.
type TimestampReport struct {
	Time time.Time
	// Of is what was timestamped: "signedData.signature" or "hash".
	Of string
	// Trusted is true when the token chained to VerifyOptions.TSARoots.
	Trusted bool
	Signer  string // the TSA certificate's subject
	Note    string
}

// VerifyError names the first thing in a bundle that failed.
type VerifyError struct {
	File string // the bundle file at fault, e.g. archive/data.warc.gz
	What string
}

func (e *VerifyError) Error() string { return e.File + ": " + e.What }

func fail(file, format string, args ...any) error {
	return &VerifyError{File: file, What: fmt.Sprintf(format, args...)}
}

// Limits on what Verify reads into memory from a bundle it does not trust.
const (
	maxDigestJSON   = 1 << 20
	maxDataPackage  = 32 << 20
	maxSmallFile    = 64 << 20 // SHA256SUMS, pages.jsonl, an index
	maxWARCHeader   = 64 << 10
	maxHTTPHeader   = 256 << 10
	maxIndexLine    = 64 << 10
	maxZIPEntries   = 1 << 20
	maxNameLength   = 1024
	maxRecordBlocks = 16 << 30
)

// Verify checks the bundle in r (size bytes) offline and returns what it
// checked. The error names the first thing that fails, as a *VerifyError
// for a bundle that is not intact.
func Verify(ctx context.Context, r io.ReaderAt, size int64, opts VerifyOptions) (*Report, error) {
	rep := &Report{}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return rep, fail("bundle", "not a readable ZIP file: %v", err)
	}
	if len(zr.File) > maxZIPEntries {
		return rep, fail("bundle", "%d ZIP entries, over the %d limit", len(zr.File), maxZIPEntries)
	}
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if err := checkName(f.Name); err != nil {
			return rep, fail(f.Name, "%v", err)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue // a directory entry
		}
		if _, dup := files[f.Name]; dup {
			return rep, fail(f.Name, "appears twice in the ZIP")
		}
		files[f.Name] = f
	}

	// 1. datapackage-digest.json and datapackage.json.
	digBytes, err := readEntry(files, pathDigest, maxDigestJSON)
	if err != nil {
		return rep, err
	}
	var dig digestFile
	if err := json.Unmarshal(digBytes, &dig); err != nil {
		return rep, fail(pathDigest, "not valid JSON: %v", err)
	}
	if dig.Path != pathDataPkg {
		return rep, fail(pathDigest, "path is %q, want %q", dig.Path, pathDataPkg)
	}
	dpBytes, err := readEntry(files, pathDataPkg, maxDataPackage)
	if err != nil {
		return rep, err
	}
	if got := sha256Hex(dpBytes); dig.Hash != "sha256:"+got {
		return rep, fail(pathDataPkg, "sha256 is %s but datapackage-digest.json says %s", got, dig.Hash)
	}
	rep.Hash = dig.Hash
	rep.Checked = append(rep.Checked, "datapackage.json matches datapackage-digest.json ("+dig.Hash+")")
	var dp dataPackage
	if err := json.Unmarshal(dpBytes, &dp); err != nil {
		return rep, fail(pathDataPkg, "not valid JSON: %v", err)
	}
	rep.Created, rep.Software = dp.Created, dp.Software
	if dp.Profile != "data-package" {
		return rep, fail(pathDataPkg, "profile is %q, want \"data-package\"", dp.Profile)
	}
	if dp.WACZVersion != waczVersion {
		return rep, fail(pathDataPkg, "wacz_version is %q, want %q", dp.WACZVersion, waczVersion)
	}

	// 2. The signature and the timestamp.
	if err := verifySignature(rep, &dig, dp.Created, opts); err != nil {
		return rep, err
	}
	if dig.Timestamp != nil {
		if err := verifyTimestamp(rep, &dig, opts); err != nil {
			return rep, err
		}
	}

	// 3. Resources: none added, none removed, each size and digest.
	res := make(map[string]resource, len(dp.Resources))
	for i, rs := range dp.Resources {
		if err := checkName(rs.Path); err != nil {
			return rep, fail(pathDataPkg, "resources[%d].path: %v", i, err)
		}
		if _, dup := res[rs.Path]; dup {
			return rep, fail(pathDataPkg, "resource %s is listed twice", rs.Path)
		}
		if rs.Path == pathDataPkg || rs.Path == pathDigest {
			return rep, fail(pathDataPkg, "lists %s as a resource of itself", rs.Path)
		}
		res[rs.Path] = rs
	}
	for _, name := range sortedKeys(files) {
		if name == pathDataPkg || name == pathDigest {
			continue
		}
		if _, ok := res[name]; !ok {
			return rep, fail(name, "is in the ZIP but not listed in datapackage.json (a file was added)")
		}
	}
	for _, p := range sortedKeys(res) {
		if _, ok := files[p]; !ok {
			return rep, fail(p, "is listed in datapackage.json but not in the ZIP (a file was removed)")
		}
	}
	for _, p := range sortedKeys(res) {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		if err := checkResource(files[p], res[p]); err != nil {
			return rep, err
		}
		rep.Files++
		rep.Bytes += res[p].Bytes
	}
	rep.Checked = append(rep.Checked, fmt.Sprintf("%d files match their size and sha256 in datapackage.json (%d bytes)", rep.Files, rep.Bytes))

	// 4. SHA256SUMS agrees with datapackage.json.
	if err := checkSums(files, res); err != nil {
		return rep, err
	}
	rep.Checked = append(rep.Checked, "SHA256SUMS lists every file with the same sha256")

	// 5. WARC records and the index against them.
	archives := map[string]map[int64]*recordInfo{}
	for _, p := range sortedKeys(res) {
		if strings.HasPrefix(p, "archive/") && (strings.HasSuffix(p, ".warc.gz") || strings.HasSuffix(p, ".warc")) {
			recs, err := checkWARC(ctx, r, files[p], rep)
			if err != nil {
				return rep, err
			}
			archives[path.Base(p)] = recs
		}
	}
	if len(archives) == 0 {
		return rep, fail("archive/", "holds no WARC file")
	}
	rep.Checked = append(rep.Checked, fmt.Sprintf("%d WARC records match their WARC-Block-Digest and WARC-Payload-Digest", rep.Records))
	indexed := 0
	captured := map[string]bool{} // "url ts14" of every indexed response
	for _, p := range sortedKeys(res) {
		if strings.HasPrefix(p, "indexes/") && strings.HasSuffix(p, ".cdxj") {
			n, err := checkIndex(files[p], archives, captured)
			if err != nil {
				return rep, err
			}
			indexed += n
		}
	}
	for name, recs := range archives {
		for off, ri := range recs {
			if ri.isResponse && !ri.indexed {
				return rep, fail("archive/"+name, "response record at offset %d (%s) is in no index", off, ri.target)
			}
		}
	}
	rep.IndexLines = indexed
	rep.Checked = append(rep.Checked, fmt.Sprintf("%d index lines point at the right record (offset, length, recordDigest, digest, url, time)", indexed))

	// 6. pages.jsonl parses.
	if _, ok := files[pathPages]; ok {
		n, err := checkPages(files, captured)
		if err != nil {
			return rep, err
		}
		rep.Pages = n
		rep.Checked = append(rep.Checked, fmt.Sprintf("pages/pages.jsonl lists %d page(s), each with its capture in the index", n))
	}
	return rep, nil
}

func checkName(name string) error {
	switch {
	case name == "" || len(name) > maxNameLength:
		return errors.New("entry name is empty or too long")
	case strings.HasPrefix(name, "/") || strings.Contains(name, "\\"):
		return errors.New("entry name is absolute or uses backslashes")
	}
	for _, seg := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		if seg == ".." || seg == "." || seg == "" {
			return errors.New("entry name has an empty, . or .. segment")
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// readEntry reads a whole small entry, up to limit bytes.
func readEntry(files map[string]*zip.File, name string, limit int64) ([]byte, error) {
	f, ok := files[name]
	if !ok {
		return nil, fail(name, "is missing from the ZIP")
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fail(name, "is %d bytes, over the %d-byte limit", f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(name, "cannot be opened: %v", err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fail(name, "cannot be read: %v", err)
	}
	if int64(len(b)) > limit {
		return nil, fail(name, "is over the %d-byte limit", limit)
	}
	return b, nil
}

// checkResource recomputes one file's size and sha256 (and the ZIP CRC).
func checkResource(f *zip.File, rs resource) error {
	var rd io.Reader
	var err error
	if f.Method == zip.Store {
		rd, err = f.OpenRaw() // read the bytes as stored: the digest check names the change
	} else {
		var rc io.ReadCloser
		rc, err = f.Open()
		if rc != nil {
			defer rc.Close()
		}
		rd = rc
	}
	if err != nil {
		return fail(f.Name, "cannot be opened: %v", err)
	}
	if strings.HasPrefix(f.Name, "archive/") && f.Method != zip.Store {
		return fail(f.Name, "is compressed in the ZIP; WACZ needs archive files STORED so that index offsets work")
	}
	h := sha256.New()
	c := crc32.NewIEEE()
	n, err := io.Copy(io.MultiWriter(h, c), io.LimitReader(rd, rs.Bytes+1))
	if err != nil {
		return fail(f.Name, "cannot be read: %v", err)
	}
	if n != rs.Bytes {
		return fail(f.Name, "is %d bytes but datapackage.json says %d", n, rs.Bytes)
	}
	if got := "sha256:" + hex.EncodeToString(h.Sum(nil)); got != rs.Hash {
		return fail(f.Name, "sha256 is %s but datapackage.json says %s (the file changed)", strings.TrimPrefix(got, "sha256:"), rs.Hash)
	}
	if f.Method == zip.Store && c.Sum32() != f.CRC32 {
		return fail(f.Name, "ZIP CRC-32 %08x does not match the bytes (%08x)", f.CRC32, c.Sum32())
	}
	return nil
}

func checkSums(files map[string]*zip.File, res map[string]resource) error {
	if _, ok := res[pathSums]; !ok {
		return fail(pathSums, "is missing")
	}
	b, err := readEntry(files, pathSums, maxSmallFile)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 {
			return fail(pathSums, "line %d is not \"<sha256>  <path>\"", i+1)
		}
		rs, ok := res[name]
		if !ok {
			return fail(pathSums, "line %d names %s, which is not in the bundle", i+1, name)
		}
		if rs.Hash != "sha256:"+sum {
			return fail(pathSums, "line %d: %s has sha256 %s here but %s in datapackage.json", i+1, name, sum, rs.Hash)
		}
		seen[name] = true
	}
	for _, p := range sortedKeys(res) {
		if p != pathSums && !seen[p] {
			return fail(pathSums, "does not list %s", p)
		}
	}
	return nil
}

func checkPages(files map[string]*zip.File, captured map[string]bool) (int, error) {
	b, err := readEntry(files, pathPages, maxSmallFile)
	if err != nil {
		return 0, err
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &head); err != nil || head.Format == "" {
		return 0, fail(pathPages, "line 1 is not the json-pages header")
	}
	for i, l := range lines[1:] {
		var p pageLine
		if err := json.Unmarshal([]byte(l), &p); err != nil || p.URL == "" || p.TS == "" {
			return 0, fail(pathPages, "line %d is not a page with url and ts", i+2)
		}
		ts, err := time.Parse(time.RFC3339, p.TS)
		if err != nil {
			return 0, fail(pathPages, "line %d: ts %q is not RFC 3339", i+2, p.TS)
		}
		if !captured[p.URL+" "+ts.UTC().Format("20060102150405")] {
			return 0, fail(pathPages, "line %d: no indexed response for %s at %s, so the page cannot be replayed", i+2, p.URL, p.TS)
		}
	}
	return len(lines) - 1, nil
}

// verifySignature checks signedData, when present, and what opts require.
func verifySignature(rep *Report, dig *digestFile, created string, opts VerifyOptions) error {
	if dig.SignedData == nil {
		if opts.RequireSignature || opts.PublicKey != nil {
			return fail(pathDigest, "has no signedData but a signature is required")
		}
		rep.Checked = append(rep.Checked, "not signed")
		return nil
	}
	rep.Signed = true
	pk, err := verifySigned(dig.SignedData, dig.Hash, created)
	if err != nil {
		return fail(pathDigest, "signature: %v", err)
	}
	spki, _ := x509.MarshalPKIXPublicKey(pk)
	rep.KeyFingerprint = sha256Hex(spki)
	if opts.PublicKey != nil && !opts.PublicKey.Equal(pk) {
		return fail(pathDigest, "signature: signed by key %s, not the required key", rep.KeyFingerprint)
	}
	rep.SignatureValid = true
	rep.Checked = append(rep.Checked, "signature valid (ECDSA P-384, key sha256 "+rep.KeyFingerprint+")")
	return nil
}

// countingByteReader counts and hashes the compressed bytes gzip consumes.
// It is an io.ByteReader, so compress/flate reads exactly to the end of
// each member and the counts are exact member boundaries.
type countingByteReader struct {
	br *bufio.Reader
	n  int64
	h  interface {
		io.Writer
		Sum([]byte) []byte
		Reset()
	}
}

func (c *countingByteReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.n += int64(n)
	c.h.Write(p[:n])
	return n, err
}

func (c *countingByteReader) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
		c.h.Write([]byte{b})
	}
	return b, err
}
