package evidence

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/timestamp"

	"github.com/shadowscan/shadowscan/evidence/replaytest"
)

// unzipTo writes the bundle's files under dir.
func unzipTo(t *testing.T, b []byte, dir string) {
	t.Helper()
	files, _ := bundleFiles(t, b)
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSHA256SUMSWithCoreutils(t *testing.T) {
	sha256sum := tool(t, "SHADOWSCAN_SHA256SUM", "sha256sum")
	blobs := newMemBlobs()
	b, _ := MustWrite(t, testItems(t, blobs, 2), blobs, Options{})
	dir := t.TempDir()
	unzipTo(t, b, dir)
	cmd := exec.Command(sha256sum, "-c", "--strict", "SHA256SUMS")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sha256sum -c: %v\n%s", err, out)
	}
	if n := strings.Count(string(out), ": OK"); n != 7 {
		t.Fatalf("sha256sum checked %d files, want 7:\n%s", n, out)
	}
	// And it notices a change, so the check above means something.
	os.WriteFile(filepath.Join(dir, "evidence", "report.html"), []byte("forged"), 0o644)
	cmd = exec.Command(sha256sum, "-c", "SHA256SUMS")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "report.html: FAILED") {
		t.Fatalf("sha256sum accepted a forged report: %s", out)
	}
}

func TestIndexAgreesWithWarcio(t *testing.T) {
	warcio := tool(t, "SHADOWSCAN_WARCIO", "warcio")
	blobs := newMemBlobs()
	items := testItems(t, blobs, 3)
	// A URL with a query, a fragment-free non-ASCII path and www. prefix.
	items[1].Captures[0].URL = "http://www.127.0.0.1.nip.test:8931/搜索/Item?z=9&a=1&m"
	b, _ := MustWrite(t, items, blobs, Options{})
	dir := t.TempDir()
	unzipTo(t, b, dir)
	cmd := exec.Command(warcio, "cdx-index", filepath.Join(dir, "archive", "data.warc.gz"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("warcio cdx-index: %v\n%s", err, stderr.String())
	}
	theirs := parseCDXJ(t, string(out))
	ours := parseCDXJ(t, string(mustRead(t, filepath.Join(dir, "indexes", "index.cdxj"))))
	if len(theirs) != len(ours) || len(ours) != 6 {
		t.Fatalf("warcio indexed %d responses, we %d (want 6)\nwarcio:\n%s", len(theirs), len(ours), out)
	}
	for key, o := range ours {
		w, ok := theirs[key]
		if !ok {
			t.Errorf("warcio has no line for %q\nwarcio:\n%s", key, out)
			continue
		}
		if o.Offset != w.Offset || o.Length != w.Length || strings.TrimPrefix(o.Digest, "sha256:") != strings.TrimPrefix(w.Digest, "sha256:") ||
			o.URL != w.URL || o.Status != w.Status || o.Mime != w.Mime {
			t.Errorf("%s:\n ours   %+v\n warcio %+v", key, o, w)
		}
	}
}

// parseCDXJ maps "surt ts" to the line's JSON.
func parseCDXJ(t *testing.T, s string) map[string]cdxJSON {
	t.Helper()
	m := map[string]cdxJSON{}
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		i := strings.Index(line, " {")
		if i < 0 {
			t.Fatalf("cdxj line %q", line)
		}
		var j cdxJSON
		if err := json.Unmarshal([]byte(line[i+1:]), &j); err != nil {
			t.Fatalf("cdxj line %q: %v", line, err)
		}
		m[line[:i]] = j
	}
	return m
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testTSA is an in-process RFC 3161 authority with a self-signed
// certificate carrying a critical timeStamping extended key usage.
type testTSA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	now  time.Time
}

func newTestTSA(t *testing.T) *testTSA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	eku, _ := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}})
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "shadowscan test TSA"},
		NotBefore: testTime.Add(-time.Hour), NotAfter: testTime.Add(365 * 24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, BasicConstraintsValid: true, IsCA: true,
		ExtKeyUsage:     []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping},
		ExtraExtensions: []pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Critical: true, Value: eku}},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return &testTSA{cert: cert, key: key, now: testTime.Add(49 * time.Hour)}
}

func (a *testTSA) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	req, err := timestamp.ParseRequest(body)
	if err != nil || r.Header.Get("Content-Type") != "application/timestamp-query" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	ts := &timestamp.Timestamp{
		HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage, Time: a.now,
		Nonce: req.Nonce, Policy: asn1.ObjectIdentifier{1, 2, 3, 4, 1}, SerialNumber: big.NewInt(42),
		AddTSACertificate: true, Accuracy: time.Second,
	}
	resp, err := ts.CreateResponseWithOpts(a.cert, a.key, crypto.SHA256)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/timestamp-reply")
	w.Write(resp)
}

func TestTimestampFromInProcessTSA(t *testing.T) {
	tsa := newTestTSA(t)
	srv := replaytest.LoopbackServer(t, tsa)
	blobs := newMemBlobs()
	items := testItems(t, blobs, 2)
	key, _ := GenerateKey()
	roots := x509.NewCertPool()
	roots.AddCert(tsa.cert)

	signed, sum := MustWrite(t, items, blobs, Options{SignKey: key, TSAURL: srv.URL + "/tsa", HTTPClient: srv.Client()})
	if !sum.Timestamped || !sum.TimestampTime.Equal(tsa.now) {
		t.Fatalf("summary %+v", sum)
	}
	t.Run("trusted with the TSA as root", func(t *testing.T) {
		rep, err := verifyBytes(signed, VerifyOptions{TSARoots: roots, TrustedKeys: MustTrust(t, key)})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Timestamp == nil || !rep.Timestamp.Trusted || rep.Timestamp.Of != "signedData.signature" || !rep.Timestamp.Time.Equal(tsa.now) {
			t.Fatalf("timestamp %+v", rep.Timestamp)
		}
	})
	t.Run("present but untrusted without roots", func(t *testing.T) {
		rep, err := verifyBytes(signed, VerifyOptions{TrustedKeys: MustTrust(t, key)})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Timestamp == nil || rep.Timestamp.Trusted || !strings.Contains(rep.Timestamp.Note, "untrusted") {
			t.Fatalf("timestamp %+v", rep.Timestamp)
		}
	})
	t.Run("fails with other roots", func(t *testing.T) {
		other := newTestTSA(t)
		pool := x509.NewCertPool()
		pool.AddCert(other.cert)
		_, err := verifyBytes(signed, VerifyOptions{TSARoots: pool, TrustedKeys: MustTrust(t, key)})
		if err == nil || !strings.Contains(err.Error(), "does not chain") {
			t.Fatalf("Verify: %v", err)
		}
	})
	t.Run("a token moved onto another signature fails its imprint", func(t *testing.T) {
		files, _ := bundleFiles(t, signed)
		var d map[string]any
		json.Unmarshal(files[pathDigest], &d)
		sd := d["signedData"].(map[string]any)
		// The same key re-signing another hash gives another signature.
		other, _ := sign(key, "sha256:"+strings.Repeat("0", 64), sd["created"].(string), "x")
		sd["signature"] = other.Signature
		files[pathDigest], _ = json.Marshal(d)
		_, err := verifyBytes(repack(t, files), VerifyOptions{TSARoots: roots, TrustedKeys: MustTrust(t, key)})
		var ve *VerifyError
		if !errors.As(err, &ve) || ve.File != pathDigest || !strings.Contains(ve.What, "signature") {
			t.Fatalf("Verify: %v", err)
		}
	})
	t.Run("a token not over this bundle fails its imprint", func(t *testing.T) {
		files, _ := bundleFiles(t, signed)
		unsignedWithTS, _ := MustWrite(t, items, blobs, Options{TSAURL: srv.URL, HTTPClient: srv.Client()})
		uf, _ := bundleFiles(t, unsignedWithTS)
		var d, u map[string]any
		json.Unmarshal(files[pathDigest], &d)
		json.Unmarshal(uf[pathDigest], &u)
		ts := u[timestampKey].(map[string]any)
		ts["of"] = "signedData.signature"
		d[timestampKey] = ts
		files[pathDigest], _ = json.Marshal(d)
		_, err := verifyBytes(repack(t, files), VerifyOptions{TSARoots: roots, TrustedKeys: MustTrust(t, key)})
		if err == nil || !strings.Contains(err.Error(), "message imprint") {
			t.Fatalf("Verify: %v", err)
		}
	})
	t.Run("a TSA error fails the export", func(t *testing.T) {
		bad := replaytest.LoopbackServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) }))
		var buf bytes.Buffer
		_, err := Write(t.Context(), &buf, seqOf(items), blobs, Options{SignKey: key, TSAURL: bad.URL, HTTPClient: bad.Client(), TempDir: t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), "status 503") {
			t.Fatalf("Write: %v", err)
		}
	})
}

// TestTimestampFromOpenSSL has openssl ts act as the authority (through
// an HTTP front on 127.0.0.1) and checks that our Verify and
// `openssl ts -verify` both accept the token stored in the bundle.
func TestTimestampFromOpenSSL(t *testing.T) {
	openssl := tool(t, "SHADOWSCAN_OPENSSL", "openssl")
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(openssl, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	os.WriteFile(filepath.Join(dir, "tsa.ext"), []byte("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "ts.cnf"), []byte(fmt.Sprintf(`[ tsa ]
default_tsa = tsa1
[ tsa1 ]
dir = %s
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.crt
certs = $dir/tsa.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`, dir)), 0o644)
	os.WriteFile(filepath.Join(dir, "serial"), []byte("01\n"), 0o644)
	run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "3650", "-subj", "/CN=shadowscan test CA")
	run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=shadowscan openssl TSA")
	run("x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "tsa.crt", "-days", "3650", "-extfile", "tsa.ext")

	srv := replaytest.LoopbackServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		qf, rf := filepath.Join(dir, "q.tsq"), filepath.Join(dir, "r.tsr")
		os.WriteFile(qf, q, 0o644)
		cmd := exec.Command(openssl, "ts", "-reply", "-config", "ts.cnf", "-queryfile", qf, "-out", rf)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			http.Error(w, string(out), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(mustRead(t, rf))
	}))

	blobs := newMemBlobs()
	key, _ := GenerateKey()
	b, sum := MustWrite(t, testItems(t, blobs, 1), blobs, Options{SignKey: key, TSAURL: srv.URL, HTTPClient: srv.Client(), Created: time.Now().UTC()})
	if !sum.Timestamped {
		t.Fatal("not timestamped")
	}
	caPEM := mustRead(t, filepath.Join(dir, "ca.crt"))
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(caPEM) {
		t.Fatal("ca.crt")
	}
	rep, err := verifyBytes(b, VerifyOptions{TSARoots: roots, TrustedKeys: MustTrust(t, key)})
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if rep.Timestamp == nil || !rep.Timestamp.Trusted || !strings.Contains(rep.Timestamp.Signer, "shadowscan openssl TSA") {
		t.Fatalf("timestamp %+v", rep.Timestamp)
	}

	// openssl ts -verify on the token as stored in the bundle.
	files, _ := bundleFiles(t, b)
	var d digestFile
	json.Unmarshal(files[pathDigest], &d)
	tok, _ := base64.StdEncoding.DecodeString(d.Timestamp.Token)
	os.WriteFile(filepath.Join(dir, "tok.der"), tok, 0o644)
	os.WriteFile(filepath.Join(dir, "msg"), []byte(d.SignedData.Signature), 0o644)
	run("ts", "-verify", "-token_in", "-in", "tok.der", "-data", "msg", "-CAfile", "ca.crt", "-untrusted", "tsa.crt")
	// And openssl refuses it for other data, so the check above means something.
	os.WriteFile(filepath.Join(dir, "other"), []byte(d.Hash), 0o644)
	cmd := exec.Command(openssl, "ts", "-verify", "-token_in", "-in", "tok.der", "-data", "other", "-CAfile", "ca.crt", "-untrusted", "tsa.crt")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("openssl ts -verify accepted the token for other data: %s", out)
	}
}
