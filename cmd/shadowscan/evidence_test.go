package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan/store"
)

// evidenceFixture is a store with hits, a signing key, and a signed and an
// unsigned bundle of the same hits, made through the command line.
type evidenceFixture struct {
	dir, db            string
	key, pub           string // the signing key and KEY.pub
	fingerprint        string
	signed, unsigned   string // .wacz files
	otherKey, otherPub string
}

var fingerprintRE = regexp.MustCompile(`key sha256 ([0-9a-f]{64})`)

func newEvidenceFixture(t *testing.T) *evidenceFixture {
	t.Helper()
	dir := t.TempDir()
	f := &evidenceFixture{dir: dir, db: filepath.Join(dir, "s.db"), key: filepath.Join(dir, "brand.key"), otherKey: filepath.Join(dir, "other.key")}
	db, err := store.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 4, 2)
	db.Close()
	f.pub, f.otherPub = f.key+".pub", f.otherKey+".pub"
	out := mustRun(t, f.db, "evidence", "keygen", "--out", f.key)
	m := fingerprintRE.FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, f.pub) {
		t.Fatalf("keygen printed no fingerprint or public key file:\n%s", out)
	}
	f.fingerprint = m[1]
	mustRun(t, f.db, "evidence", "keygen", "--out", f.otherKey)
	f.signed, f.unsigned = filepath.Join(dir, "signed.wacz"), filepath.Join(dir, "unsigned.wacz")
	out = mustRun(t, f.db, "export", "--out", f.signed, "--sign", f.key)
	if !strings.Contains(out, "signed by key sha256 "+f.fingerprint) || !strings.Contains(out, "verify --key "+f.pub) {
		t.Fatalf("export --sign does not print the fingerprint %s and how to verify:\n%s", f.fingerprint, out)
	}
	out = mustRun(t, f.db, "export", "--out", f.unsigned)
	if !strings.Contains(out, "not signed") || !strings.Contains(out, "--allow-unsigned") {
		t.Fatalf("export without --sign does not say the bundle is unsigned:\n%s", out)
	}
	return f
}

func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, db, args...)
	if code != 0 {
		t.Fatalf("shadowscan %s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// TestEvidenceVerifyExitCodes: exit 0 only for an intact bundle signed by
// a trusted key, or intact and unsigned with --allow-unsigned; the first
// line says which, or names what failed.
func TestEvidenceVerifyExitCodes(t *testing.T) {
	f := newEvidenceFixture(t)
	keysDir := filepath.Join(f.dir, "trusted")
	os.Mkdir(keysDir, 0o755)
	os.WriteFile(filepath.Join(keysDir, "brand.pub"), mustReadFile(t, f.pub), 0o644)
	tampered := filepath.Join(f.dir, "tampered.wacz")
	b := mustReadFile(t, f.signed)
	i := bytes.Index(b, []byte("<!DOCTYPE")) // inside the stored report
	b[i+2] ^= 0x20
	os.WriteFile(tampered, b, 0o644)

	trusted := "verified: " + f.signed + " is intact and signed by a trusted key (sha256 " + f.fingerprint
	cases := []struct {
		name  string
		args  []string
		code  int
		first string // prefix of the first line of stdout
		out   string // also in stdout
		err   string // in stderr
	}{
		{"signed, its public key given", []string{"--key", f.pub, f.signed}, 0, trusted + ", from " + f.pub + ")", "signer key sha256 " + f.fingerprint + ": trusted", ""},
		{"signed, its private key file given", []string{"--key", f.key, f.signed}, 0, trusted, "", ""},
		{"signed, a directory of trusted keys given", []string{"--key", keysDir, f.signed}, 0, trusted, "", ""},
		{"signed, two keys given", []string{"--key", f.otherPub, "--key", f.pub, f.signed}, 0, trusted, "", ""},
		{"signed, no key given", []string{f.signed}, 1, "FAIL datapackage-digest.json: signed by key sha256 " + f.fingerprint + ", but no trusted key was given",
			"NOT trusted: no --key was given", "is intact but not signed by a trusted key"},
		{"signed, another key given", []string{"--key", f.otherPub, f.signed}, 1, "FAIL datapackage-digest.json: signed by key sha256 " + f.fingerprint + ", which is not among the 1 trusted key(s)",
			"NOT trusted: not among the 1 key(s)", "not signed by a trusted key"},
		{"signed, unsigned allowed but no key", []string{"--allow-unsigned", f.signed}, 1, "FAIL datapackage-digest.json: signed by key sha256 " + f.fingerprint, "", "not signed by a trusted key"},
		{"unsigned", []string{"--key", f.pub, f.unsigned}, 1, "FAIL datapackage-digest.json: not signed", "WARC records match", "is intact but not signed by a trusted key"},
		{"unsigned, allowed", []string{"--allow-unsigned", f.unsigned}, 0, "verified: " + f.unsigned + " is intact but NOT SIGNED", "ok   not signed", ""},
		{"tampered", []string{"--key", f.pub, tampered}, 1, "FAIL evidence/report.html: sha256 is", "", "is not intact"},
		{"tampered, unsigned allowed", []string{"--allow-unsigned", tampered}, 1, "FAIL evidence/report.html", "", "is not intact"},
		{"a missing key file", []string{"--key", filepath.Join(f.dir, "nope.pub"), f.signed}, exitUsage, "", "", "nope.pub"},
		{"a key file that is no key", []string{"--key", f.signed, f.signed}, exitUsage, "", "", "holds no PEM key"},
		{"a bad byte limit", []string{"--max-bytes", "0", "--key", f.pub, f.signed}, exitUsage, "", "", "--max-bytes"},
		{"a byte limit the bundle is over", []string{"--max-bytes", "1000", "--key", f.pub, f.signed}, 1, "FAIL bundle: the ZIP declares at least", "", "is not intact"},
		{"a directory, not a bundle", []string{"--key", f.pub, f.dir}, 1, "", "", "not a regular file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, f.db, append([]string{"evidence", "verify"}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", code, tc.code, out, errOut)
			}
			if !strings.HasPrefix(firstLine(out), tc.first) {
				t.Errorf("first line %q, want it to start %q", firstLine(out), tc.first)
			}
			if !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.err) {
				t.Errorf("output lacks %q or stderr lacks %q:\n%s\n%s", tc.out, tc.err, out, errOut)
			}
		})
	}
}

// TestEvidenceVerifyWritesNothing: a bundle whose entries are named ../x,
// an absolute path and a backslash path fails, and verify creates no file
// anywhere, the working directory included.
func TestEvidenceVerifyWritesNothing(t *testing.T) {
	f := newEvidenceFixture(t)
	work := filepath.Join(t.TempDir(), "work")
	os.Mkdir(work, 0o755)
	abs := filepath.Join(t.TempDir(), "escaped")
	files := unzipAll(t, f.signed)
	for name, want := range map[string]string{
		"../escaped": `ZIP entry "../escaped": entry name has a .. segment`,
		abs:          `ZIP entry "` + abs + `": entry name is an absolute path`,
		`..\escaped`: `ZIP entry "..\\escaped": entry name has a backslash`,
	} {
		t.Run(name, func(t *testing.T) {
			bad := filepath.Join(f.dir, "bad.wacz")
			withEntry := map[string][]byte{name: []byte("written by an attacker")}
			for k, v := range files {
				withEntry[k] = v
			}
			os.WriteFile(bad, zipOf(t, withEntry), 0o644)
			t.Chdir(work)
			code, out, errOut := cli(t, f.db, "evidence", "verify", "--key", f.pub, bad)
			if code != exitError || !strings.HasPrefix(firstLine(out), "FAIL "+want) {
				t.Fatalf("exit %d, first line %q, want FAIL %s\n%s", code, firstLine(out), want, errOut)
			}
			for _, p := range []string{filepath.Join(filepath.Dir(work), "escaped"), abs, filepath.Join(work, `..\escaped`)} {
				if _, err := os.Stat(p); err == nil {
					t.Errorf("verify wrote %s", p)
				}
			}
			if ents, _ := os.ReadDir(work); len(ents) != 0 {
				t.Errorf("verify wrote into the working directory: %v", ents)
			}
		})
	}
}

func mustReadFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func unzipAll(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	m := map[string][]byte{}
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
