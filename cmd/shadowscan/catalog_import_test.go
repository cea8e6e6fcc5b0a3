package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// acmeYAML is a brand file with every list detection relies on; each
// removal case below edits one line of it.
const acmeYAML = `brand:
  id: acme
  name: Acme Health
  aliases: [艾克米, ACME]
  official_sellers:
    - {site: demo-market, seller_id: acme-official}
  authorized_sellers:
    - {site: demo-market, seller_id: shop-1187}
  defamation_terms: [艾克米骗局]
products:
  - sku: ACM-PROT
    name: Acme Protein 500g
    aliases: [艾克米蛋白粉, 蛋白粉 500克]
    price: 298.00
    min_price: 268.00
    currency: CNY
    images: [images/aur-prot-500.jpg]
  - sku: ACM-TEA
    name: Acme Green Tea
    price: 36.90
    currency: CNY
`

// importDir is a directory with the catalogue test photos and the files
// given (name -> content).
func importDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	jpg, err := os.ReadFile(filepath.Join("..", "..", "catalog", "testdata", "images", "aur-prot-500.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "images", "aur-prot-500.jpg"), jpg, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// catalogJSON returns `catalog list --json` of the store at db.
func catalogJSON(t *testing.T, db string) string {
	t.Helper()
	code, out, errOut := cli(t, db, "catalog", "list", "--json")
	if code != 0 {
		t.Fatalf("catalog list: exit %d: %s", code, errOut)
	}
	return out
}

// TestCatalogImportRefusesRemovals: a re-import that would take away
// something detection relies on prints it, stores nothing and exits 1
// naming the brand, what goes and --replace; with --replace it goes ahead.
func TestCatalogImportRefusesRemovals(t *testing.T) {
	cases := []struct {
		name     string
		old, new string // a piece of acmeYAML and what replaces it
		want     string // the removal as printed
		gone     string // what catalog list no longer shows after --replace
	}{
		{"official seller", "  official_sellers:\n    - {site: demo-market, seller_id: acme-official}\n", "",
			"official seller demo-market/acme-official", "acme-official"},
		{"authorised seller", "  authorized_sellers:\n    - {site: demo-market, seller_id: shop-1187}\n", "",
			"authorised seller demo-market/shop-1187", "shop-1187"},
		{"both seller lists", "  official_sellers:\n    - {site: demo-market, seller_id: acme-official}\n  authorized_sellers:\n    - {site: demo-market, seller_id: shop-1187}\n", "",
			"official seller demo-market/acme-official, authorised seller demo-market/shop-1187", "shop-1187"},
		{"official seller made authorised", "  official_sellers:\n    - {site: demo-market, seller_id: acme-official}\n  authorized_sellers:\n", "  authorized_sellers:\n    - demo-market:acme-official\n",
			"official seller demo-market/acme-official (made authorised", "official_sellers"},
		{"brand alias", "aliases: [艾克米, ACME]", "aliases: [ACME]", `brand alias "艾克米"`, `"艾克米"`},
		{"defamation term", "  defamation_terms: [艾克米骗局]\n", "", `defamation term "艾克米骗局"`, "艾克米骗局"},
		{"product", "  - sku: ACM-TEA\n    name: Acme Green Tea\n    price: 36.90\n    currency: CNY\n", "",
			"product ACM-TEA (Acme Green Tea)", "ACM-TEA"},
		{"product alias", "aliases: [艾克米蛋白粉, 蛋白粉 500克]", "aliases: [艾克米蛋白粉]", `alias "蛋白粉 500克" of ACM-PROT`, "蛋白粉 500克"},
		{"floor", "    min_price: 268.00\n", "", "floor of ACM-PROT ¥268.00", "268.00"},
		{"photo", "    images: [images/aur-prot-500.jpg]\n", "", "photo of ACM-PROT images/aur-prot-500.jpg", "aur-prot-500.jpg"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(acmeYAML, tc.old) {
				t.Fatalf("acmeYAML has no %q", tc.old)
			}
			dir := importDir(t, map[string]string{"acme.yaml": acmeYAML, "edited.yaml": strings.Replace(acmeYAML, tc.old, tc.new, 1)})
			db := filepath.Join(dir, "s.db")
			if code, _, errOut := cli(t, db, "catalog", "import", filepath.Join(dir, "acme.yaml")); code != 0 {
				t.Fatalf("first import: exit %d: %s", code, errOut)
			}
			before := catalogJSON(t, db)

			edited := filepath.Join(dir, "edited.yaml")
			code, out, errOut := cli(t, db, "catalog", "import", edited)
			if code != 1 {
				t.Fatalf("re-import that removes %s: exit %d, want 1\n%s%s", tc.name, code, out, errOut)
			}
			for _, w := range []string{"nothing imported", "brand acme would lose " + tc.want, "--replace", edited} {
				if !strings.Contains(errOut, w) {
					t.Errorf("refusal %q does not say %q", errOut, w)
				}
			}
			if first := strings.SplitN(tc.want, ", ", 2)[0]; !strings.Contains(out, "removes "+first) {
				t.Errorf("output does not list the removal %q:\n%s", first, out)
			}
			if after := catalogJSON(t, db); after != before {
				t.Fatalf("a refused import changed the store:\n%s\nwas\n%s", after, before)
			}

			if code, out, errOut := cli(t, db, "catalog", "import", "--replace", edited); code != 0 {
				t.Fatalf("--replace: exit %d\n%s%s", code, out, errOut)
			}
			after := catalogJSON(t, db)
			if after == before {
				t.Fatal("--replace changed nothing")
			}
			if tc.gone != "" && strings.Contains(after, tc.gone) {
				t.Errorf("after --replace the store still has %q:\n%s", tc.gone, after)
			}
			if code, _, errOut := cli(t, db, "catalog", "import", edited); code != 0 {
				t.Errorf("importing the same file again: exit %d: %s", code, errOut)
			}
		})
	}
}

// TestCatalogImportChangesGoAhead: changes and additions that remove
// nothing are stored and listed without --replace.
func TestCatalogImportChangesGoAhead(t *testing.T) {
	edited := strings.NewReplacer(
		"price: 298.00\n    min_price: 268.00", "price: 318.00\n    min_price: 288.00",
		"name: Acme Health", "name: Acme Health Ltd",
		"    - {site: demo-market, seller_id: shop-1187}\n", "    - {site: demo-market, seller_id: shop-1187}\n    - demo-market:shop-2001\n",
		"aliases: [艾克米, ACME]", "aliases: [艾克米, ACME, 爱克米]",
	).Replace(acmeYAML) + "  - sku: ACM-SOAP\n    name: Acme Soap\n    price: 20\n    currency: CNY\n"
	dir := importDir(t, map[string]string{"acme.yaml": acmeYAML, "edited.yaml": edited})
	db := filepath.Join(dir, "s.db")
	if code, _, errOut := cli(t, db, "catalog", "import", filepath.Join(dir, "acme.yaml")); code != 0 {
		t.Fatalf("first import: exit %d: %s", code, errOut)
	}
	code, out, errOut := cli(t, db, "catalog", "import", filepath.Join(dir, "edited.yaml"))
	if code != 0 {
		t.Fatalf("re-import with changes only: exit %d\n%s%s", code, out, errOut)
	}
	for _, w := range []string{
		"brand acme (updated): 1 product(s) added, 1 changed, 1 unchanged, 0 removed",
		"changes price of ACM-PROT ¥298.00 → ¥318.00",
		"changes floor of ACM-PROT ¥268.00 → ¥288.00",
		`changes brand name "Acme Health" → "Acme Health Ltd"`,
		"adds authorised seller demo-market/shop-2001",
		`adds brand alias "爱克米"`,
		"1 product(s) added, 1 updated, 1 unchanged, 0 removed",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output does not say %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "removes") {
		t.Errorf("output lists a removal:\n%s", out)
	}
	if after := catalogJSON(t, db); !strings.Contains(after, "ACM-SOAP") || !strings.Contains(after, `"price": 318.00`) || !strings.Contains(after, "shop-2001") {
		t.Errorf("the changes were not stored:\n%s", after)
	}
}

// TestCatalogImportDryRun: --dry-run prints the changes, stores nothing,
// and creates no store.
func TestCatalogImportDryRun(t *testing.T) {
	noSellers := strings.Replace(acmeYAML, "  official_sellers:\n    - {site: demo-market, seller_id: acme-official}\n", "", 1)
	dir := importDir(t, map[string]string{"acme.yaml": acmeYAML, "edited.yaml": noSellers})
	db := filepath.Join(dir, "s.db")
	code, out, errOut := cli(t, db, "catalog", "import", "--dry-run", filepath.Join(dir, "acme.yaml"))
	if code != 0 || !strings.Contains(out, "brand acme (new): 2 product(s) added") || !strings.Contains(out, "dry run: nothing stored") {
		t.Fatalf("dry run on no store: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("a dry run created the store: %v", err)
	}
	if code, _, errOut := cli(t, db, "catalog", "import", filepath.Join(dir, "acme.yaml")); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	before := catalogJSON(t, db)
	code, out, errOut = cli(t, db, "catalog", "import", "--dry-run", filepath.Join(dir, "edited.yaml"))
	if code != 0 || !strings.Contains(out, "removes official seller demo-market/acme-official") || !strings.Contains(out, "would need --replace") {
		t.Fatalf("dry run of a removal: exit %d\n%s%s", code, out, errOut)
	}
	if after := catalogJSON(t, db); after != before {
		t.Fatal("a dry run changed the store")
	}
}

// TestCatalogImportSeveralFiles: the files of one import are merged, so a
// brand split over two files loses nothing when both are imported, and a
// SKU given to two brands is refused naming both files.
func TestCatalogImportSeveralFiles(t *testing.T) {
	tea := "  - sku: ACM-TEA\n    name: Acme Green Tea\n    price: 36.90\n    currency: CNY\n"
	partA := strings.Replace(acmeYAML, tea, "", 1)
	partB := strings.SplitN(acmeYAML, "products:\n", 2)[0] + "products:\n" + tea
	other := "brand:\n  id: other\n  name: Other\nproducts:\n" + strings.Replace(tea, "Acme Green Tea", "Other Tea", 1)
	dir := importDir(t, map[string]string{"a.yaml": partA, "b.yaml": partB, "other.yaml": other})
	db := filepath.Join(dir, "s.db")
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	if code, out, errOut := cli(t, db, "catalog", "import", a, b); code != 0 || !strings.Contains(out, "2 product(s) added") {
		t.Fatalf("import of both parts: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := cli(t, db, "catalog", "import", a, b); code != 0 || !strings.Contains(out, "0 removed") {
		t.Fatalf("re-import of both parts: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := cli(t, db, "catalog", "import", a); code != 1 || !strings.Contains(errOut, "product ACM-TEA") {
		t.Fatalf("import of one part: exit %d, %s; want a refusal naming ACM-TEA", code, errOut)
	}
	before := catalogJSON(t, db)
	code, _, errOut := cli(t, db, "catalog", "import", a, b, filepath.Join(dir, "other.yaml"))
	for _, w := range []string{"ACM-TEA is of brand acme in " + b, "of brand other in " + filepath.Join(dir, "other.yaml")} {
		if code != 1 || !strings.Contains(errOut, w) {
			t.Errorf("one SKU in two brands: exit %d, %q; want 1 and %q", code, errOut, w)
		}
	}
	if catalogJSON(t, db) != before {
		t.Error("a refused import changed the store")
	}
}
