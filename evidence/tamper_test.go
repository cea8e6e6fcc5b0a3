package evidence

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"sort"
	"strings"
	"testing"
)

// forgery is a bundle as a forger would have it: its files, to change.
type forgery map[string][]byte

// editReport changes the listing price shown in report.html.
func (f forgery) editReport(tb testing.TB) {
	tb.Helper()
	r := bytes.Replace(f[pathReport], []byte("¥89.00"), []byte("¥298.0"), 1)
	if bytes.Equal(r, f[pathReport]) {
		tb.Fatal("report.html has no ¥89.00 to change")
	}
	f[pathReport] = r
}

// digest returns datapackage-digest.json parsed.
func (f forgery) digest(tb testing.TB) *digestFile {
	tb.Helper()
	var d digestFile
	if err := json.Unmarshal(f[pathDigest], &d); err != nil {
		tb.Fatal(err)
	}
	return &d
}

func (f forgery) setDigest(tb testing.TB, d *digestFile) {
	tb.Helper()
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	f[pathDigest] = b
}

// strip removes the signature.
func (f forgery) strip(tb testing.TB) {
	tb.Helper()
	d := f.digest(tb)
	d.SignedData = nil
	f.setDigest(tb, d)
}

// resign signs the current datapackage.json hash with key, as a forger
// with their own key would after rehash.
func (f forgery) resign(tb testing.TB, key *ecdsa.PrivateKey) {
	tb.Helper()
	var dp dataPackage
	if err := json.Unmarshal(f[pathDataPkg], &dp); err != nil {
		tb.Fatal(err)
	}
	d := f.digest(tb)
	sd, err := sign(key, d.Hash, dp.Created, dp.Software)
	if err != nil {
		tb.Fatal(err)
	}
	d.SignedData = sd
	f.setDigest(tb, d)
}

// rawEntry is a ZIP entry written exactly as given.
type rawEntry struct {
	name   string
	data   []byte // uncompressed
	method uint16
	// declared, when set, is the uncompressed size the directory claims.
	declared uint64
}

// rawZIP writes entries with archive/zip's CreateRaw, so that names,
// methods and declared sizes are what the test says, not what a careful
// writer would do.
func rawZIP(tb testing.TB, entries []rawEntry) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		body := e.data
		if e.method == zip.Deflate {
			var c bytes.Buffer
			fw, _ := flate.NewWriter(&c, flate.BestCompression)
			fw.Write(e.data)
			fw.Close()
			body = c.Bytes()
		}
		h := &zip.FileHeader{Name: e.name, Method: e.method, CRC32: crc32.ChecksumIEEE(e.data),
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(e.data)), Modified: testTime}
		if e.declared > 0 {
			h.UncompressedSize64 = e.declared
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// entriesOf turns files into stored raw entries, sorted by name.
func entriesOf(files map[string][]byte) []rawEntry {
	var out []rawEntry
	for n, d := range files {
		out = append(out, rawEntry{name: n, data: d, method: zip.Store})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// overlapZIP makes a ZIP whose second entry's directory record points at
// the first entry's local header: two names, one stream.
func overlapZIP(tb testing.TB, files map[string][]byte) []byte {
	tb.Helper()
	b := rawZIP(tb, entriesOf(files))
	sig := []byte{'P', 'K', 1, 2}
	first := bytes.Index(b, sig)
	second := bytes.Index(b[first+4:], sig) + first + 4
	if first < 0 || second <= first {
		tb.Fatal("no central directory records")
	}
	off := binary.LittleEndian.Uint32(b[first+42:])
	binary.LittleEndian.PutUint32(b[second+42:], off)
	return b
}

// tamperCase is one way to attack a bundle, and what verify must say.
type tamperCase struct {
	name  string
	make  func(t *testing.T) []byte
	opts  func(o *VerifyOptions)
	file  string // VerifyError.File
	what  string // a substring of VerifyError.What
	trust bool   // the failure is one of trust (ErrNotTrusted)
}

// TestTamperedBundlesFail tries every way of tampering with a signed
// bundle that issue 11 lists, and more; each must fail verification with
// the default trust (the signer's public key pinned, unsigned refused)
// and name what failed.
func TestTamperedBundlesFail(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 3)
	key, _ := GenerateKey()
	attacker, _ := GenerateKey()
	signed, _ := MustWrite(t, items, blobs, Options{SignKey: key})
	other, _ := MustWrite(t, items[:2], blobs, Options{SignKey: key}) // another bundle by the same signer
	trusted := MustTrust(t, key)

	from := func(edit func(t *testing.T, f forgery)) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			files, _ := bundleFiles(t, signed)
			edit(t, files)
			return repack(t, files)
		}
	}
	raw := func(edit func(t *testing.T, f forgery) []byte) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			files, _ := bundleFiles(t, signed)
			return edit(t, files)
		}
	}
	allowUnsigned := func(o *VerifyOptions) { o.AllowUnsigned = true }
	cases := []tamperCase{
		// Files changed, removed, added.
		{name: "changed file (report.html)", make: from(func(t *testing.T, f forgery) { f.editReport(t) }), file: pathReport, what: "the file changed"},
		{name: "changed file, every digest recomputed", make: from(func(t *testing.T, f forgery) { f.editReport(t); rehash(t, f) }), file: pathDigest, what: "signedData.hash"},
		{name: "removed file", make: from(func(t *testing.T, f forgery) { delete(f, pathComplaints) }), file: pathComplaints, what: "a file was removed"},
		{name: "removed file, every digest recomputed", make: from(func(t *testing.T, f forgery) { delete(f, pathComplaints); rehash(t, f) }), file: pathDigest, what: "signedData.hash"},
		{name: "added file", make: from(func(t *testing.T, f forgery) { f["evidence/note.html"] = []byte("<p>the seller admitted it</p>") }), file: "evidence/note.html", what: "a file was added"},
		{name: "added file, listed and digested", make: from(func(t *testing.T, f forgery) { f["evidence/note.html"] = []byte("x"); rehash(t, f) }), file: pathDigest, what: "signedData.hash"},
		{name: "changed file with datapackage.json updated but not its digest", make: from(func(t *testing.T, f forgery) {
			f.editReport(t)
			d := f.digest(t)
			rehash(t, f)
			f.setDigest(t, d)
		}), file: pathDataPkg, what: "datapackage-digest.json says"},
		// WARC records, index lines, manifest entries: the inner checks
		// hold even when a forger recomputes every outer digest and drops
		// the signature, and the signed bundle fails on its signature.
		{name: "changed WARC record byte", make: from(func(t *testing.T, f forgery) { f[pathWARC][300] ^= 1 }), file: pathWARC, what: "the file changed"},
		{name: "changed WARC payload, outer digests recomputed, signature stripped, unsigned allowed", make: from(func(t *testing.T, f forgery) {
			f[pathWARC] = tamperWARCPayload(t, f[pathWARC], f[pathIndex])
			rehash(t, f)
			f.strip(t)
		}), opts: allowUnsigned, file: pathWARC, what: "(the record changed)"},
		{name: "changed WARC payload, outer digests recomputed, signature kept", make: from(func(t *testing.T, f forgery) {
			f[pathWARC] = tamperWARCPayload(t, f[pathWARC], f[pathIndex])
			rehash(t, f)
		}), file: pathDigest, what: "signedData.hash"},
		{name: "changed WARC header (WARC-Date), recompressed, outer digests recomputed, unsigned allowed", make: from(func(t *testing.T, f forgery) {
			f[pathWARC] = rewriteMembers(t, f[pathWARC], "WARC-Date: 2026-03-14T09:27:53", "WARC-Date: 2026-03-14T09:27:59")
			rehash(t, f)
			f.strip(t)
		}), opts: allowUnsigned, file: pathIndex, what: "line 1: "},
		{name: "changed index line (offset)", make: from(func(t *testing.T, f forgery) {
			f[pathIndex] = bytes.Replace(f[pathIndex], []byte(`"offset":"`), []byte(`"offset":"1`), 1)
		}), file: pathIndex, what: "datapackage.json says"},
		{name: "changed index line (offset), outer digests recomputed, unsigned allowed", make: from(func(t *testing.T, f forgery) {
			f[pathIndex] = bytes.Replace(f[pathIndex], []byte(`"offset":"`), []byte(`"offset":"1`), 1)
			rehash(t, f)
			f.strip(t)
		}), opts: allowUnsigned, file: pathIndex, what: "offset"},
		{name: "changed index line (url), outer digests recomputed, unsigned allowed", make: from(func(t *testing.T, f forgery) {
			f[pathIndex] = bytes.Replace(f[pathIndex], []byte(`"url":"http://127.0.0.1:8931/item/A0001`), []byte(`"url":"http://127.0.0.1:8931/item/A0009`), 1)
			rehash(t, f)
			f.strip(t)
		}), opts: allowUnsigned, file: pathIndex, what: "url"},
		{name: "changed manifest entry (score)", make: from(func(t *testing.T, f forgery) {
			f[pathManifest] = bytes.Replace(f[pathManifest], []byte(`"score": 90`), []byte(`"score": 99`), 1)
		}), file: pathManifest, what: "the file changed"},
		{name: "changed manifest entry, every digest recomputed", make: from(func(t *testing.T, f forgery) {
			f[pathManifest] = bytes.Replace(f[pathManifest], []byte(`"score": 90`), []byte(`"score": 99`), 1)
			rehash(t, f)
		}), file: pathDigest, what: "signedData.hash"},
		{name: "changed datapackage.json resource entry", make: from(func(t *testing.T, f forgery) {
			f[pathDataPkg] = bytes.Replace(f[pathDataPkg], []byte(`"bytes": `), []byte(`"bytes": 1`), 1)
		}), file: pathDataPkg, what: "datapackage-digest.json says"},
		{name: "changed SHA256SUMS line, outer digests recomputed, unsigned allowed", make: from(func(t *testing.T, f forgery) {
			s := bytes.Clone(f[pathSums])
			if s[0] == 'a' {
				s[0] = 'b'
			} else {
				s[0] = 'a'
			}
			f[pathSums] = s
			rehashOuter(t, f)
			f.strip(t)
		}), opts: allowUnsigned, file: pathSums, what: "line 1"},
		// Signatures swapped, stripped, re-made.
		{name: "signature stripped", make: from(func(t *testing.T, f forgery) { f.strip(t) }), file: pathDigest, what: "not signed", trust: true},
		{name: "changed file, every digest recomputed, signature stripped", make: from(func(t *testing.T, f forgery) {
			f.editReport(t)
			rehash(t, f)
			f.strip(t)
		}), file: pathDigest, what: "not signed", trust: true},
		{name: "signature swapped with another bundle's (same signer)", make: from(func(t *testing.T, f forgery) {
			of, _ := bundleFiles(t, other)
			d := f.digest(t)
			d.SignedData = forgery(of).digest(t).SignedData
			f.setDigest(t, d)
		}), file: pathDigest, what: "signedData.hash"},
		{name: "signature value swapped, hash kept", make: from(func(t *testing.T, f forgery) {
			of, _ := bundleFiles(t, other)
			d := f.digest(t)
			d.SignedData.Signature = forgery(of).digest(t).SignedData.Signature
			f.setDigest(t, d)
		}), file: pathDigest, what: "does not verify"},
		{name: "public key swapped for the forger's, signature kept", make: from(func(t *testing.T, f forgery) {
			d := f.digest(t)
			sd, _ := sign(attacker, d.Hash, d.SignedData.Created, "x")
			d.SignedData.PublicKey = sd.PublicKey
			f.setDigest(t, d)
		}), file: pathDigest, what: "does not verify"},
		{name: "signature bit flipped", make: from(func(t *testing.T, f forgery) {
			d := f.digest(t)
			s := []byte(d.SignedData.Signature)
			s[10] ^= 0x02
			d.SignedData.Signature = string(s)
			f.setDigest(t, d)
		}), file: pathDigest, what: "signature"},
		{name: "changed file, every digest recomputed, re-signed by another key", make: from(func(t *testing.T, f forgery) {
			f.editReport(t)
			rehash(t, f)
			f.resign(t, attacker)
		}), file: pathDigest, what: "not among the 1 trusted key", trust: true},
		{name: "re-signed by another key, unsigned allowed", make: from(func(t *testing.T, f forgery) {
			f.editReport(t)
			rehash(t, f)
			f.resign(t, attacker)
		}), opts: allowUnsigned, file: pathDigest, what: Fingerprint(&attacker.PublicKey), trust: true},
		{name: "re-signed by another key, no key trusted", make: from(func(t *testing.T, f forgery) {
			f.editReport(t)
			rehash(t, f)
			f.resign(t, attacker)
		}), opts: func(o *VerifyOptions) { o.TrustedKeys = nil }, file: pathDigest, what: "no trusted key was given", trust: true},
		// The ZIP itself.
		{name: "zip entry named ../x", make: raw(func(t *testing.T, f forgery) []byte {
			f["../x"] = []byte("escape")
			return rawZIP(t, entriesOf(f))
		}), file: `ZIP entry "../x"`, what: ".. segment"},
		{name: "zip entry named evidence/../../x", make: raw(func(t *testing.T, f forgery) []byte {
			f["evidence/../../x"] = []byte("escape")
			return rawZIP(t, entriesOf(f))
		}), file: `ZIP entry "evidence/../../x"`, what: ".. segment"},
		{name: "zip entry with an absolute name", make: raw(func(t *testing.T, f forgery) []byte {
			f["/tmp/shadowscan-evidence-escape"] = []byte("escape")
			return rawZIP(t, entriesOf(f))
		}), file: `ZIP entry "/tmp/shadowscan-evidence-escape"`, what: "absolute"},
		{name: "zip entry with a drive letter", make: raw(func(t *testing.T, f forgery) []byte {
			f["C:/x"] = []byte("escape")
			return rawZIP(t, entriesOf(f))
		}), file: `ZIP entry "C:/x"`, what: "drive letter"},
		{name: "zip entry with a backslash", make: raw(func(t *testing.T, f forgery) []byte {
			f[`evidence\..\..\x`] = []byte("escape")
			return rawZIP(t, entriesOf(f))
		}), file: `ZIP entry "evidence\\..\\..\\x"`, what: "backslash"},
		{name: "zip entry name twice", make: raw(func(t *testing.T, f forgery) []byte {
			es := entriesOf(f)
			forged := bytes.Replace(f[pathReport], []byte("¥89.00"), []byte("¥298.0"), 1)
			es = append(es, rawEntry{name: pathReport, data: forged, method: zip.Store})
			return rawZIP(t, es)
		}), file: pathReport, what: "appears twice"},
		{name: "zip bomb (deflated 8 MiB of zeros)", make: raw(func(t *testing.T, f forgery) []byte {
			es := append(entriesOf(f), rawEntry{name: "evidence/bomb.html", data: make([]byte, 8<<20), method: zip.Deflate})
			return rawZIP(t, es)
		}), file: "evidence/bomb.html", what: "zip bomb"},
		{name: "zip entry declaring 1 TiB", make: raw(func(t *testing.T, f forgery) []byte {
			es := append(entriesOf(f), rawEntry{name: "evidence/huge.html", data: []byte("small"), method: zip.Deflate, declared: 1 << 40})
			return rawZIP(t, es)
		}), file: "evidence/huge.html", what: "zip bomb"},
		{name: "bundle over the byte limit", make: func(t *testing.T) []byte { return signed },
			opts: func(o *VerifyOptions) { o.MaxBytes = 4096 }, file: "bundle", what: "over the limit of 4096 bytes"},
		{name: "stored entry declaring another size than its data", make: raw(func(t *testing.T, f forgery) []byte {
			es := entriesOf(f)
			for i := range es {
				if es[i].name == pathReport {
					es[i].declared = uint64(len(es[i].data)) + 100
				}
			}
			return rawZIP(t, es)
		}), file: pathReport, what: "is STORED, but the ZIP declares"},
		{name: "deflated entry declaring fewer bytes than it holds", make: raw(func(t *testing.T, f forgery) []byte {
			es := entriesOf(f)
			for i := range es {
				if es[i].name == pathManifest {
					es[i].method = zip.Deflate
					es[i].declared = uint64(len(es[i].data)) - 10
				}
			}
			return rawZIP(t, es)
		}), file: pathManifest, what: "datapackage.json says"},
		{name: "deflated entry holding more than the ZIP and datapackage.json declare, unsigned allowed", make: raw(func(t *testing.T, f forgery) []byte {
			f.strip(t)
			setBytes(t, f, pathManifest, int64(len(f[pathManifest])-10))
			es := entriesOf(f)
			for i := range es {
				if es[i].name == pathManifest {
					es[i].method = zip.Deflate
					es[i].declared = uint64(len(es[i].data)) - 10
				}
			}
			return rawZIP(t, es)
		}), opts: allowUnsigned, file: pathManifest, what: "does not decompress to the"},
		{name: "zip entries sharing one stream", make: raw(func(t *testing.T, f forgery) []byte { return overlapZIP(t, f) }), what: "shares bytes with"},
		{name: "zip entry with an unknown compression method", make: raw(func(t *testing.T, f forgery) []byte {
			es := entriesOf(f)
			es[0].method = 99
			return rawZIP(t, es)
		}), file: "SHA256SUMS", what: "compression method 99"},
	}
	for _, cut := range []struct {
		name string
		keep func(n int) int
	}{
		{"half", func(n int) int { return n / 2 }},
		{"the central directory cut in two", func(n int) int { return n - 300 }},
		{"the end record cut", func(n int) int { return n - 10 }},
		{"one byte short", func(n int) int { return n - 1 }},
		{"empty", func(int) int { return 0 }},
	} {
		cases = append(cases, tamperCase{name: "truncated zip: " + cut.name,
			make: func(t *testing.T) []byte { return signed[:cut.keep(len(signed))] }, file: "bundle", what: "not a readable ZIP file"})
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := VerifyOptions{TrustedKeys: trusted}
			if tc.opts != nil {
				tc.opts(&opts)
			}
			rep, err := verifyBytes(tc.make(t), opts)
			var ve *VerifyError
			if !errors.As(err, &ve) {
				t.Fatalf("Verify: %v, want a *VerifyError (report %+v)", err, rep)
			}
			if (tc.file != "" && ve.File != tc.file) || !strings.Contains(ve.What, tc.what) {
				t.Fatalf("Verify: %v\nwant file %q and %q", err, tc.file, tc.what)
			}
			if errors.Is(err, ErrNotTrusted) != tc.trust {
				t.Fatalf("Verify: %v: ErrNotTrusted %v, want %v", err, errors.Is(err, ErrNotTrusted), tc.trust)
			}
			t.Logf("refused: %v", err)
		})
	}
	t.Run("the untampered bundle passes with the same options", func(t *testing.T) {
		rep, err := verifyBytes(signed, VerifyOptions{TrustedKeys: trusted})
		if err != nil || !rep.Trusted || rep.TrustedBy != "test key 1" || rep.KeyFingerprint != Fingerprint(&key.PublicKey) {
			t.Fatalf("Verify: %v %+v", err, rep)
		}
	})
}

// setBytes makes datapackage.json say name is n bytes long and updates
// datapackage-digest.json to match.
func setBytes(tb testing.TB, f forgery, name string, n int64) {
	tb.Helper()
	var dp dataPackage
	if err := json.Unmarshal(f[pathDataPkg], &dp); err != nil {
		tb.Fatal(err)
	}
	for i := range dp.Resources {
		if dp.Resources[i].Path == name {
			dp.Resources[i].Bytes = n
		}
	}
	b, _ := json.MarshalIndent(dp, "", "  ")
	f[pathDataPkg] = b
	d := f.digest(tb)
	d.Hash = "sha256:" + sha256Hex(b)
	f.setDigest(tb, d)
}

// rewriteMembers replaces old with new in every WARC record and gzips each
// record again as its own member.
func rewriteMembers(tb testing.TB, warc []byte, old, new string) []byte {
	tb.Helper()
	var out bytes.Buffer
	n := 0
	for _, m := range splitMembers(tb, warc) {
		p := bytes.ReplaceAll(m.plain, []byte(old), []byte(new))
		if !bytes.Equal(p, m.plain) {
			n++
		}
		gzipMember(tb, &out, p)
	}
	if n == 0 {
		tb.Fatalf("no record holds %q", old)
	}
	return out.Bytes()
}

// TestResignedBundleTrust: a bundle re-signed by another key fails with
// the default trust and passes only when that key is trusted.
func TestResignedBundleTrust(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 2)
	key, _ := GenerateKey()
	attacker, _ := GenerateKey()
	signed, _ := MustWrite(t, items, blobs, Options{SignKey: key})
	files, _ := bundleFiles(t, signed)
	f := forgery(files)
	f.editReport(t)
	rehash(t, f)
	f.resign(t, attacker)
	forged := repack(t, f)

	for _, tc := range []struct {
		name string
		opts VerifyOptions
		pass bool
	}{
		{"the brand's key pinned", VerifyOptions{TrustedKeys: MustTrust(t, key)}, false},
		{"no key given", VerifyOptions{}, false},
		{"no key given, unsigned allowed", VerifyOptions{AllowUnsigned: true}, false},
		{"the brand's key pinned, unsigned allowed", VerifyOptions{TrustedKeys: MustTrust(t, key), AllowUnsigned: true}, false},
		{"the re-signing key given", VerifyOptions{TrustedKeys: MustTrust(t, attacker)}, true},
		{"both keys given", VerifyOptions{TrustedKeys: MustTrust(t, key, attacker)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := verifyBytes(forged, tc.opts)
			if tc.pass {
				if err != nil || !rep.Trusted || rep.KeyFingerprint != Fingerprint(&attacker.PublicKey) {
					t.Fatalf("Verify: %v %+v", err, rep)
				}
				return
			}
			if !errors.Is(err, ErrNotTrusted) || !strings.Contains(err.Error(), Fingerprint(&attacker.PublicKey)) {
				t.Fatalf("Verify: %v, want not trusted, naming the signer", err)
			}
			if rep.Trusted || !rep.SignatureValid || rep.Files == 0 {
				t.Fatalf("report %+v: the digests should have been checked, the signer not trusted", rep)
			}
		})
	}
}

// TestUnsignedBundleNeedsAllowUnsigned: an intact unsigned bundle fails by
// default and passes with AllowUnsigned, saying it is not signed.
func TestUnsignedBundleNeedsAllowUnsigned(t *testing.T) {
	blobs := newMemBlobs()
	b, _ := MustWrite(t, testItems(t, blobs, 1), blobs, Options{})
	key, _ := GenerateKey()
	if _, err := verifyBytes(b, VerifyOptions{TrustedKeys: MustTrust(t, key)}); !errors.Is(err, ErrNotTrusted) || !strings.Contains(err.Error(), "not signed") {
		t.Fatalf("Verify: %v", err)
	}
	rep, err := verifyBytes(b, VerifyOptions{AllowUnsigned: true})
	if err != nil || rep.Signed || rep.Trusted || !contains(rep.Checked, "not signed") {
		t.Fatalf("Verify: %v %+v", err, rep)
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
