package evidence

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence/replaytest"
)

func TestWriteKeyPairAndLoadTrustedKeys(t *testing.T) {
	dir := t.TempDir()
	k1, _ := GenerateKey()
	k2, _ := GenerateKey()
	p1 := filepath.Join(dir, "brand.key")
	if err := WriteKeyPair(p1, k1); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(PublicKeyPath(p1))
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Fatalf("public key file: %v %v", err, st)
	}
	fp1, fp2 := Fingerprint(&k1.PublicKey), Fingerprint(&k2.PublicKey)

	t.Run("the public key file", func(t *testing.T) {
		keys, err := LoadTrustedKeys(PublicKeyPath(p1))
		if err != nil || len(keys) != 1 || keys[0].Fingerprint != fp1 || !keys[0].Key.Equal(&k1.PublicKey) || keys[0].Source != PublicKeyPath(p1) {
			t.Fatalf("LoadTrustedKeys: %v %+v", err, keys)
		}
	})
	t.Run("the private key file gives its public half", func(t *testing.T) {
		keys, err := LoadTrustedKeys(p1)
		if err != nil || len(keys) != 1 || keys[0].Fingerprint != fp1 {
			t.Fatalf("LoadTrustedKeys: %v %+v", err, keys)
		}
	})
	t.Run("a file of several keys", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "trusted.pem")
		both := append(mustRead(t, PublicKeyPath(p1)), pemPublic(t, &k2.PublicKey)...)
		os.WriteFile(p, both, 0o644)
		keys, err := LoadTrustedKeys(p)
		if err != nil || len(keys) != 2 || !hasFingerprint(keys, fp1) || !hasFingerprint(keys, fp2) {
			t.Fatalf("LoadTrustedKeys: %v %+v", err, keys)
		}
	})
	t.Run("a directory of *.pub and *.pem files, others ignored", func(t *testing.T) {
		d := t.TempDir()
		os.WriteFile(filepath.Join(d, "brand.pub"), mustRead(t, PublicKeyPath(p1)), 0o644)
		os.WriteFile(filepath.Join(d, "agency.pem"), pemPublic(t, &k2.PublicKey), 0o644)
		os.WriteFile(filepath.Join(d, "copy.pub"), mustRead(t, PublicKeyPath(p1)), 0o644)
		os.WriteFile(filepath.Join(d, "README"), []byte("not a key"), 0o644)
		keys, err := LoadTrustedKeys(d)
		if err != nil || len(keys) != 2 || !hasFingerprint(keys, fp1) || !hasFingerprint(keys, fp2) {
			t.Fatalf("LoadTrustedKeys: %v %+v", err, keys)
		}
	})
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	for _, tc := range []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"garbage", "g.pub", []byte("hello"), "holds no PEM key"},
		{"a P-256 key", "p256.pub", pemPublic(t, &p256.PublicKey), "not P-384"},
		{"a certificate block", "c.pub", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{1}}), `"CERTIFICATE" block`},
		{"a broken public key", "b.pub", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: []byte{1, 2}}), "does not parse"},
	} {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), tc.file)
			os.WriteFile(p, tc.data, 0o644)
			_, err := LoadTrustedKeys(p)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "keygen") {
				t.Fatalf("LoadTrustedKeys: %v, want %q naming %s and what is accepted", err, tc.want, p)
			}
			// In a directory too: a bad key file is never skipped.
			if _, err := LoadTrustedKeys(filepath.Dir(p)); err == nil || !strings.Contains(err.Error(), p) {
				t.Fatalf("LoadTrustedKeys(dir): %v", err)
			}
		})
	}
	t.Run("refuses an empty directory and a missing path", func(t *testing.T) {
		if _, err := LoadTrustedKeys(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no *.pub or *.pem") {
			t.Fatalf("LoadTrustedKeys(empty dir): %v", err)
		}
		if _, err := LoadTrustedKeys(filepath.Join(dir, "missing.pub")); err == nil || !strings.Contains(err.Error(), "missing.pub") {
			t.Fatalf("LoadTrustedKeys(missing): %v", err)
		}
	})
	t.Run("keygen refuses an existing public key file and leaves no private key", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "k")
		os.WriteFile(PublicKeyPath(p), []byte("someone's"), 0o644)
		if err := WriteKeyPair(p, k2); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT || !strings.Contains(err.Error(), "k.pub") {
			t.Fatalf("WriteKeyPair: %v", err)
		}
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Fatalf("the private key was written: %v", err)
		}
	})
}

// TestFingerprintAgreesWithOpenSSL: the fingerprint is the SHA-256 of the
// DER SubjectPublicKeyInfo, as openssl and sha256sum compute it.
func TestFingerprintAgreesWithOpenSSL(t *testing.T) {
	openssl := tool(t, "SHADOWSCAN_OPENSSL", "openssl")
	sha256sum := tool(t, "SHADOWSCAN_SHA256SUM", "sha256sum")
	k, _ := GenerateKey()
	p := filepath.Join(t.TempDir(), "k")
	if err := WriteKeyPair(p, k); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"pkey", "-pubin", "-in", PublicKeyPath(p), "-outform", "DER"},
		{"pkey", "-in", p, "-pubout", "-outform", "DER"},
	} {
		der, err := exec.Command(openssl, args...).Output()
		if err != nil {
			t.Fatalf("openssl %v: %v", args, err)
		}
		cmd := exec.Command(sha256sum)
		cmd.Stdin = bytes.NewReader(der)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Fields(string(out))[0]; got != Fingerprint(&k.PublicKey) {
			t.Fatalf("openssl %v | sha256sum = %s, Fingerprint = %s", args, got, Fingerprint(&k.PublicKey))
		}
	}
}

// TestSignerInReport: report.html and the manifest name the signing key's
// fingerprint, or say the bundle is unsigned.
func TestSignerInReport(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 1)
	key, _ := GenerateKey()
	fp := Fingerprint(&key.PublicKey)
	signed, sum := MustWrite(t, items, blobs, Options{SignKey: key})
	if sum.KeyFingerprint != fp {
		t.Fatalf("summary fingerprint %q, want %q", sum.KeyFingerprint, fp)
	}
	files, _ := bundleFiles(t, signed)
	if !bytes.Contains(files[pathReport], []byte("<code>"+fp+"</code>")) {
		t.Errorf("report.html does not show the signer's fingerprint %s", fp)
	}
	var m manifestHead
	if err := json.Unmarshal(files[pathManifest], &m); err != nil || m.SigningKey != fp {
		t.Errorf("manifest signing key %q (%v), want %q", m.SigningKey, err, fp)
	}
	rep, err := verifyBytes(signed, VerifyOptions{TrustedKeys: MustTrust(t, key)})
	if err != nil || rep.KeyFingerprint != fp {
		t.Fatalf("Verify: %v, fingerprint %q", err, rep.KeyFingerprint)
	}

	unsigned, _ := MustWrite(t, items, blobs, Options{})
	uf, _ := bundleFiles(t, unsigned)
	if !bytes.Contains(uf[pathReport], []byte("Not signed")) || bytes.Contains(uf[pathManifest], []byte("signing_key")) {
		t.Errorf("the unsigned bundle's report does not say it is unsigned, or its manifest names a key")
	}
}

// TestTimestampBadTime: a TSA answering an unusable time, or one far from
// the bundle's creation time, fails the export with its answer named.
func TestTimestampBadTime(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 1)
	key, _ := GenerateKey()
	created := testTime.Add(48 * time.Hour)
	for _, tc := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), "the TSA answered the time 0001-01-01T00:00:00Z, which is not a usable time"},
		{"a month later", created.Add(30 * 24 * time.Hour), "the TSA answered the time 2026-04-15T09:26:53Z, 720h0m0s from this bundle's creation time"},
		{"a day and a second earlier", created.Add(-24*time.Hour - time.Second), "the TSA answered the time 2026-03-15T09:26:52Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tsa := newTestTSA(t)
			tsa.now = tc.at
			srv := replaytest.LoopbackServer(t, tsa)
			var buf bytes.Buffer
			_, err := Write(t.Context(), &buf, seqOf(items), blobs, Options{SignKey: key, Created: created, TSAURL: srv.URL, HTTPClient: srv.Client(), TempDir: t.TempDir()})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), srv.URL) {
				t.Fatalf("Write: %v, want %q", err, tc.want)
			}
		})
	}
}

func pemPublic(tb testing.TB, pub *ecdsa.PublicKey) []byte {
	tb.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

func hasFingerprint(keys []TrustedKey, fp string) bool {
	for _, k := range keys {
		if k.Fingerprint == fp {
			return true
		}
	}
	return false
}
