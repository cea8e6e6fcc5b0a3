package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSitesCheck runs `sites check` over saved pages whose ids collide
// under a slug rule and not under the fixed one, in text and JSON.
func TestSitesCheck(t *testing.T) {
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "rules")
	pagesDir := filepath.Join(dir, "pages")
	for _, d := range []string{rulesDir, pagesDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	rule := `name: %s
base_url: https://slug.example.invalid
search:
  url: "{base}/s?q={query}"
  listing_links: "a.item@href"
listing:
  id: "link[rel=canonical]@href | re:%s"
  title: "h1"
  price: ".price"
`
	for name, re := range map[string]string{"slugshop": `/p/([a-z-]+)`, "numshop": `/(\\d+)$`} {
		if err := os.WriteFile(filepath.Join(rulesDir, name+".yaml"), fmt.Appendf(nil, rule, name, re), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, path := range []string{"/p/hand-cream/81001", "/p/hand-cream/81002", "/p/serum/81003"} {
		page := fmt.Sprintf(`<html><head><link rel="canonical" href="https://slug.example.invalid%s"></head><body><h1>Item %d</h1><span class="price">¥1%d.00</span></body></html>`, path, i, i)
		if err := os.WriteFile(filepath.Join(pagesDir, fmt.Sprintf("page%d.html", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "never.db")

	code, out, errOut := cli(t, db, "--rules", rulesDir, "sites", "check", "slugshop", pagesDir)
	if code != exitError {
		t.Errorf("colliding ids: exit %d, want %d", code, exitError)
	}
	for _, want := range []string{"site slugshop (html): 3 page(s), 3 listing(s)", "title", "3/3", "selector 3 (h1)", `id collision: "hand-cream" is the id of 2 URLs, on`, "page0.html", "page1.html", "https://slug.example.invalid/p/hand-cream/81002"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "give the rule an id: selector") {
		t.Errorf("stderr does not say what to do: %s", errOut)
	}

	out = mustCLI(t, db, "--rules", rulesDir, "sites", "check", "numshop", pagesDir, "--pages")
	for _, want := range []string{"ids: 3 distinct among 3 listing(s), none shared", "page2.html (url from canonical", "81003"} {
		if !strings.Contains(out, want) {
			t.Errorf("numshop output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = cli(t, db, "--rules", rulesDir, "sites", "check", "slugshop", pagesDir, "--json")
	var rep struct {
		Pages      int `json:"pages"`
		Collisions []struct {
			ID    string   `json:"id"`
			Pages []string `json:"pages"`
		} `json:"collisions"`
		Fields []struct {
			Field string         `json:"field"`
			Found int            `json:"found"`
			Via   map[string]int `json:"via"`
		} `json:"fields"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, out)
	}
	if code != exitError || rep.Pages != 3 || len(rep.Collisions) != 1 || len(rep.Collisions[0].Pages) != 2 {
		t.Errorf("--json: exit %d, report %+v", code, rep)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("sites check created the store: %v", err)
	}

	code, _, errOut = cli(t, db, "--rules", rulesDir, "sites", "check", "slugshop")
	if code != exitUsage {
		t.Errorf("no pages: exit %d (%s), want usage", code, errOut)
	}
}
