package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan/demo"
)

// TestSitesTestPrintsPhotoHashes: `sites test` on a demo listing with
// photos prints each photo's pHash, dHash and PDQ hash with its quality.
func TestSitesTestPrintsPhotoHashes(t *testing.T) {
	market := demo.NewMarket()
	base, err := market.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { market.Close() })
	var id string
	for _, l := range demo.Listings() {
		if len(l.Images) > 0 {
			id = l.ID
			break
		}
	}
	out := mustCLI(t, filepath.Join(t.TempDir(), "s.db"), "sites", "test", demo.SiteName, base+"/item/"+id)
	line := regexp.MustCompile(`photo 1 \S+  pHash [0-9a-f]{16} dHash [0-9a-f]{16} PDQ ([0-9a-f]{64}) \(quality (\d+)\)`).FindStringSubmatch(out)
	if line == nil || strings.Trim(line[1], "0") == "" {
		t.Fatalf("no photo line with a PDQ hash:\n%s", out)
	}
}
