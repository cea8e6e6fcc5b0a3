package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCatalogImportAllowImageHost: an image URL on loopback is refused
// and not requested, unless --allow-image-host names its host.
func TestCatalogImportAllowImageHost(t *testing.T) {
	jpg, err := os.ReadFile(filepath.Join("..", "..", "catalog", "testdata", "images", "aur-prot-500.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write(jpg)
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	file := filepath.Join(dir, "c.yaml")
	yaml := "brand:\n  id: acme\n  name: Acme\nproducts:\n  - sku: A-1\n    name: Thing\n    price: 10\n    currency: CNY\n    images: [" + srv.URL + "/p.jpg]\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, db, "catalog", "import", file)
	if code != 1 || !strings.Contains(errOut, "loopback") || !strings.Contains(errOut, "--allow-image-host") || hits.Load() != 0 {
		t.Fatalf("without the flag: exit %d, %d requests, stderr %q; want 1, none, a refusal", code, hits.Load(), errOut)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if code, out, errOut := cli(t, db, "catalog", "import", "--allow-image-host", host, file); code != 0 || !strings.Contains(out, "1 photo(s)") {
		t.Fatalf("with --allow-image-host %s: exit %d, %s %s", host, code, out, errOut)
	}
}
