package evidence

import (
	"archive/zip"
	"bufio"
	"context"
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
	// TrustedKeys are the keys that may sign (LoadTrustedKeys). A signed
	// bundle passes only when its signer is one of them.
	TrustedKeys []TrustedKey
	// AllowUnsigned passes an intact bundle that carries no signature at
	// all. A bundle signed by a key outside TrustedKeys fails all the
	// same: anyone can make a key and sign.
	AllowUnsigned bool
	// MaxBytes caps the total uncompressed size the ZIP declares for its
	// entries (0 means DefaultMaxBytes). A larger bundle fails before
	// anything is decompressed.
	MaxBytes int64
}

// DefaultMaxBytes is VerifyOptions.MaxBytes unless set: 32 GiB.
const DefaultMaxBytes = 32 << 30

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
	// verified. KeyFingerprint is the signer's Fingerprint.
	Signed         bool
	SignatureValid bool
	KeyFingerprint string
	// Trusted is true when the signer is one of VerifyOptions.TrustedKeys;
	// TrustedBy is the file that key came from.
	Trusted   bool
	TrustedBy string
	Timestamp *TimestampReport
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

// ErrNotTrusted is wrapped by the VerifyError of a bundle whose every
// digest holds but which is unsigned (without AllowUnsigned) or signed by
// a key that is not trusted.
var ErrNotTrusted = errors.New("not signed by a trusted key")

// VerifyError names the first thing in a bundle that failed.
type VerifyError struct {
	File string // the bundle file at fault, e.g. archive/data.warc.gz
	What string
	err  error
}

func (e *VerifyError) Error() string { return e.File + ": " + e.What }

// Unwrap returns ErrNotTrusted for a failure of trust, nil otherwise.
func (e *VerifyError) Unwrap() error { return e.err }

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
	maxZIPEntries   = 1 << 18
	maxNameLength   = 1024
	maxRecordBlocks = 16 << 30
)

// bundle is the state of one Verify.
type bundle struct {
	ctx   context.Context
	r     io.ReaderAt
	opts  VerifyOptions
	rep   *Report
	files map[string]*zip.File // ZIP entries by name, directories left out
	res   map[string]resource  // datapackage.json resources by path
}

// Verify checks the bundle in r (size bytes) offline and returns what it
// checked. It reads r in place and writes nothing. The error names the
// first thing that fails, as a *VerifyError for a bundle that is not
// intact or not signed by a trusted key (then it wraps ErrNotTrusted).
func Verify(ctx context.Context, r io.ReaderAt, size int64, opts VerifyOptions) (*Report, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	b := &bundle{ctx: ctx, r: r, opts: opts, rep: &Report{}}
	var err error
	// 1. The ZIP itself: names, sizes, no bombs, nothing past its end.
	if b.files, err = openZIP(r, size, opts.MaxBytes); err != nil {
		return b.rep, err
	}
	// 2. datapackage-digest.json and datapackage.json.
	dig, dp, err := b.readPackage()
	if err != nil {
		return b.rep, err
	}
	// 3. The signature, if any, and the timestamp.
	if err := b.checkSignature(dig, dp.Created); err != nil {
		return b.rep, err
	}
	if dig.Timestamp != nil {
		if err := verifyTimestamp(b.rep, dig, opts); err != nil {
			return b.rep, err
		}
	}
	// 4. Resources: none added, none removed, each size and digest; and
	// SHA256SUMS agrees.
	if err := b.checkResources(dp); err != nil {
		return b.rep, err
	}
	if err := checkSums(b.files, b.res); err != nil {
		return b.rep, err
	}
	b.rep.Checked = append(b.rep.Checked, "SHA256SUMS lists every file with the same sha256")
	// 5. WARC records and the index against them; pages.jsonl.
	captured, err := b.checkArchive()
	if err != nil {
		return b.rep, err
	}
	if err := b.checkPages(captured); err != nil {
		return b.rep, err
	}
	// 6. Who signed: intact is not enough.
	return b.rep, b.checkTrust()
}

// readPackage reads datapackage-digest.json and the datapackage.json whose
// digest it holds.
func (b *bundle) readPackage() (*digestFile, *dataPackage, error) {
	digBytes, err := readEntry(b.files, pathDigest, maxDigestJSON)
	if err != nil {
		return nil, nil, err
	}
	var dig digestFile
	if err := json.Unmarshal(digBytes, &dig); err != nil {
		return nil, nil, fail(pathDigest, "not valid JSON: %v", err)
	}
	if dig.Path != pathDataPkg {
		return nil, nil, fail(pathDigest, "path is %q, want %q", dig.Path, pathDataPkg)
	}
	dpBytes, err := readEntry(b.files, pathDataPkg, maxDataPackage)
	if err != nil {
		return nil, nil, err
	}
	if got := sha256Hex(dpBytes); dig.Hash != "sha256:"+got {
		return nil, nil, fail(pathDataPkg, "sha256 is %s but datapackage-digest.json says %s", got, dig.Hash)
	}
	b.rep.Hash = dig.Hash
	b.rep.Checked = append(b.rep.Checked, "datapackage.json matches datapackage-digest.json ("+dig.Hash+")")
	var dp dataPackage
	if err := json.Unmarshal(dpBytes, &dp); err != nil {
		return nil, nil, fail(pathDataPkg, "not valid JSON: %v", err)
	}
	b.rep.Created, b.rep.Software = dp.Created, dp.Software
	if dp.Profile != "data-package" {
		return nil, nil, fail(pathDataPkg, "profile is %q, want \"data-package\"", dp.Profile)
	}
	if dp.WACZVersion != waczVersion {
		return nil, nil, fail(pathDataPkg, "wacz_version is %q, want %q", dp.WACZVersion, waczVersion)
	}
	return &dig, &dp, nil
}

// checkResources checks that the ZIP holds exactly the files
// datapackage.json lists, each with its size and sha256.
func (b *bundle) checkResources(dp *dataPackage) error {
	b.res = make(map[string]resource, len(dp.Resources))
	for i, rs := range dp.Resources {
		if err := checkName(rs.Path); err != nil {
			return fail(pathDataPkg, "resources[%d].path: %v", i, err)
		}
		if _, dup := b.res[rs.Path]; dup {
			return fail(pathDataPkg, "resource %s is listed twice", rs.Path)
		}
		if rs.Path == pathDataPkg || rs.Path == pathDigest {
			return fail(pathDataPkg, "lists %s as a resource of itself", rs.Path)
		}
		b.res[rs.Path] = rs
	}
	for _, name := range sortedKeys(b.files) {
		if _, ok := b.res[name]; !ok && name != pathDataPkg && name != pathDigest {
			return fail(name, "is in the ZIP but not listed in datapackage.json (a file was added)")
		}
	}
	for _, p := range sortedKeys(b.res) {
		if _, ok := b.files[p]; !ok {
			return fail(p, "is listed in datapackage.json but not in the ZIP (a file was removed)")
		}
	}
	for _, p := range sortedKeys(b.res) {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if err := checkResource(b.files[p], b.res[p]); err != nil {
			return err
		}
		b.rep.Files++
		b.rep.Bytes += b.res[p].Bytes
	}
	b.rep.Checked = append(b.rep.Checked, fmt.Sprintf("%d files match their size and sha256 in datapackage.json (%d bytes)", b.rep.Files, b.rep.Bytes))
	return nil
}

// checkArchive recomputes every WARC record's digests and checks every
// index line against them. It returns "url ts14" of each indexed response.
func (b *bundle) checkArchive() (map[string]bool, error) {
	archives := map[string]map[int64]*recordInfo{}
	for _, p := range sortedKeys(b.res) {
		if strings.HasPrefix(p, "archive/") && (strings.HasSuffix(p, ".warc.gz") || strings.HasSuffix(p, ".warc")) {
			recs, err := checkWARC(b.ctx, b.r, b.files[p], b.rep)
			if err != nil {
				return nil, err
			}
			archives[path.Base(p)] = recs
		}
	}
	if len(archives) == 0 {
		return nil, fail("archive/", "holds no WARC file")
	}
	b.rep.Checked = append(b.rep.Checked, fmt.Sprintf("%d WARC records match their WARC-Block-Digest and WARC-Payload-Digest", b.rep.Records))
	captured := map[string]bool{}
	for _, p := range sortedKeys(b.res) {
		if strings.HasPrefix(p, "indexes/") && strings.HasSuffix(p, ".cdxj") {
			n, err := checkIndex(b.files[p], archives, captured)
			if err != nil {
				return nil, err
			}
			b.rep.IndexLines += n
		}
	}
	for _, name := range sortedKeys(archives) {
		recs := archives[name]
		for _, off := range sortedOffsets(recs) {
			if ri := recs[off]; ri.isResponse && !ri.indexed {
				return nil, fail("archive/"+name, "response record at offset %d (%s) is in no index", off, ri.target)
			}
		}
	}
	b.rep.Checked = append(b.rep.Checked, fmt.Sprintf("%d index lines point at the right record (offset, length, recordDigest, digest, url, time)", b.rep.IndexLines))
	return captured, nil
}

func sortedOffsets(m map[int64]*recordInfo) []int64 {
	ks := make([]int64, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

// checkPages checks pages.jsonl, when there is one.
func (b *bundle) checkPages(captured map[string]bool) error {
	if _, ok := b.files[pathPages]; !ok {
		return nil
	}
	n, err := checkPagesFile(b.files, captured)
	if err != nil {
		return err
	}
	b.rep.Pages = n
	b.rep.Checked = append(b.rep.Checked, fmt.Sprintf("pages/pages.jsonl lists %d page(s), each with its capture in the index", n))
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

// checkResource recomputes one file's size and sha256 (and the ZIP CRC).
func checkResource(f *zip.File, rs resource) error {
	if strings.HasPrefix(f.Name, "archive/") && f.Method != zip.Store {
		return fail(f.Name, "is compressed in the ZIP; WACZ needs archive files STORED so that index offsets work")
	}
	if f.UncompressedSize64 != uint64(rs.Bytes) {
		return fail(f.Name, "is %d bytes in the ZIP but datapackage.json says %d", f.UncompressedSize64, rs.Bytes)
	}
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
	h := sha256.New()
	c := crc32.NewIEEE()
	n, err := io.Copy(io.MultiWriter(h, c), io.LimitReader(rd, rs.Bytes+1))
	if err != nil {
		return readFail(f, err)
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

func checkPagesFile(files map[string]*zip.File, captured map[string]bool) (int, error) {
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

// checkSignature checks signedData, when present: its hash and created
// match, and the signature verifies with the key it carries. Whether that
// key is trusted is checkTrust's question, asked last.
func (b *bundle) checkSignature(dig *digestFile, created string) error {
	rep := b.rep
	if dig.SignedData == nil {
		rep.Checked = append(rep.Checked, "not signed")
		return nil
	}
	rep.Signed = true
	pk, err := verifySigned(dig.SignedData, dig.Hash, created)
	if err != nil {
		return fail(pathDigest, "signature: %v", err)
	}
	rep.KeyFingerprint = Fingerprint(pk)
	rep.SignatureValid = true
	for _, k := range b.opts.TrustedKeys {
		if k.Key != nil && k.Key.Equal(pk) {
			rep.Trusted, rep.TrustedBy = true, k.Source
			break
		}
	}
	rep.Checked = append(rep.Checked, "signature valid (ECDSA P-384, key sha256 "+rep.KeyFingerprint+")")
	return nil
}

// checkTrust decides whether an intact bundle passes: signed by a trusted
// key, or unsigned when that is allowed.
func (b *bundle) checkTrust() error {
	rep := b.rep
	untrusted := func(format string, args ...any) error {
		return &VerifyError{File: pathDigest, What: fmt.Sprintf(format, args...), err: ErrNotTrusted}
	}
	switch {
	case !rep.Signed && b.opts.AllowUnsigned:
		return nil
	case !rep.Signed:
		return untrusted("not signed: every digest holds, but nothing shows who made the bundle; anyone could have rebuilt it (allow unsigned bundles explicitly to accept it)")
	case rep.Trusted:
		rep.Checked = append(rep.Checked, "signer is trusted (key sha256 "+rep.KeyFingerprint+" from "+rep.TrustedBy+")")
		return nil
	case len(b.opts.TrustedKeys) == 0:
		return untrusted("signed by key sha256 %s, but no trusted key was given: pin the signer's public key to check who made the bundle", rep.KeyFingerprint)
	}
	return untrusted("signed by key sha256 %s, which is not among the %d trusted key(s): someone else signed it", rep.KeyFingerprint, len(b.opts.TrustedKeys))
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
