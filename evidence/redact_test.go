package evidence

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestBundleRedactsSecrets writes a bundle from captures stored with
// their credentials (as a store written before captures were redacted
// holds them): no cookie, authorization or token value is in any byte of
// the bundle, the WARC included, and the bundle still verifies.
func TestBundleRedactsSecrets(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 2)
	secrets := []string{"Bearer-TOKEN-SECRET-123", "COOKIE-SECRET-456", "SETCOOKIE-SECRET-789", "PROXY-SECRET-000", "XAUTH-SECRET-111"}
	for i := range items {
		c := &items[i].Captures[0]
		c.RequestHeader["Authorization"] = []string{secrets[0]}
		c.RequestHeader["Cookie"] = []string{"sid=" + secrets[1]}
		c.RequestHeader["proxy-authorization"] = []string{"Basic " + secrets[3]}
		c.RequestHeader["X-Auth-Token"] = []string{secrets[4]}
		c.Header["Set-Cookie"] = []string{"sid=" + secrets[2] + "; Path=/; HttpOnly"}
	}
	b, _ := MustWrite(t, items, blobs, Options{})
	all := bytes.Clone(b)
	files, _ := bundleFiles(t, b)
	for name, data := range files {
		all = append(all, data...)
		if name == "archive/data.warc.gz" {
			gz, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			plain, err := io.ReadAll(gz)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, plain...)
			if !bytes.Contains(plain, []byte("Authorization: "+shadowscan.Redacted)) || !bytes.Contains(plain, []byte("User-Agent: shadowscan-test")) {
				t.Error("the WARC does not show the redacted header beside the others")
			}
		}
	}
	for _, s := range secrets {
		if bytes.Contains(all, []byte(s)) {
			t.Errorf("the bundle carries the secret %q", s)
		}
	}
	if _, err := verifyBytes(b, VerifyOptions{AllowUnsigned: true}); err != nil {
		t.Errorf("the redacted bundle does not verify: %v", err)
	}
}
