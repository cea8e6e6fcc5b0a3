package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportFromServe posts the queue's export form to a running serve, as an
// API client with the access token, and returns the bundle's path.
func exportFromServe(t *testing.T, base, db, out string) string {
	t.Helper()
	tok, err := os.ReadFile(db + ".token")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", base+"export", strings.NewReader("status=new"))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wacz+zip" {
		t.Fatalf("POST /export: %d %s\n%.500s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	return string(b)
}

// TestServeExportSigns: the UI's export signs with serve's --sign-key, and
// without one the export form says bundles are unsigned and how to sign.
func TestServeExportSigns(t *testing.T) {
	f := newEvidenceFixture(t)
	t.Run("with --sign-key", func(t *testing.T) {
		base, out, stop := startServe(t, f.db, "--sign-key", f.key)
		defer stop()
		if !strings.Contains(out.String(), "evidence exports are signed by key sha256 "+f.fingerprint) {
			t.Errorf("serve does not say which key signs exports:\n%s", out.String())
		}
		if page := getBody(t, base+"queue"); !strings.Contains(page, "Signed by key sha256 <code>"+f.fingerprint+"</code>") {
			t.Errorf("the export form does not name the signing key")
		}
		bundle := exportFromServe(t, base, f.db, filepath.Join(f.dir, "ui-signed.wacz"))
		stop()
		code, vout, errOut := cli(t, f.db, "evidence", "verify", "--key", f.pub, bundle)
		if code != 0 || !strings.HasPrefix(firstLine(vout), "verified: "+bundle+" is intact and signed by a trusted key (sha256 "+f.fingerprint) {
			t.Fatalf("verify of the UI's export: exit %d\n%s\n%s", code, vout, errOut)
		}
		files := unzipAll(t, bundle)
		if !bytes.Contains(files["evidence/report.html"], []byte(f.fingerprint)) {
			t.Error("the UI export's report.html does not name the signing key")
		}
		if code, _, _ := cli(t, f.db, "evidence", "verify", "--key", f.otherPub, bundle); code != exitError {
			t.Errorf("verify with another key: exit %d, want 1", code)
		}
	})
	t.Run("without --sign-key", func(t *testing.T) {
		base, out, stop := startServe(t, f.db)
		defer stop()
		if !strings.Contains(out.String(), "evidence exports are NOT signed") || !strings.Contains(out.String(), "--sign-key") {
			t.Errorf("serve does not say exports are unsigned:\n%s", out.String())
		}
		page := getBody(t, base+"queue")
		for _, want := range []string{"<strong>not signed</strong>", "--allow-unsigned", "evidence keygen", "serve --sign-key"} {
			if !strings.Contains(page, want) {
				t.Errorf("the export form lacks %q", want)
			}
		}
		bundle := exportFromServe(t, base, f.db, filepath.Join(f.dir, "ui-unsigned.wacz"))
		stop()
		code, vout, _ := cli(t, f.db, "evidence", "verify", "--key", f.pub, bundle)
		if code != exitError || !strings.HasPrefix(firstLine(vout), "FAIL datapackage-digest.json: not signed") {
			t.Fatalf("verify of an unsigned UI export: exit %d\n%s", code, vout)
		}
	})
	t.Run("a bad --sign-key stops serve before it listens", func(t *testing.T) {
		var out bytes.Buffer
		code, errs := serveCLI(t, context.Background(), f.db, &out, "serve", "--addr", "127.0.0.1:0", "--sign-key", f.pub)
		if code != exitUsage || !strings.Contains(errs, "--sign-key") || !strings.Contains(errs, f.pub) || strings.Contains(out.String(), "review UI at") {
			t.Fatalf("serve --sign-key KEY.pub: exit %d\n%s\n%s", code, out.String(), errs)
		}
	})
}
