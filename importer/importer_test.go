package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// testdata is the catalogue package's fixtures: the same brand in YAML,
// JSON and CSV, with photos.
var testdata = filepath.Join("..", "catalog", "testdata")

// mustStore opens a store in a temporary directory.
func mustStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// mustCatalog returns the store's catalogue.
func mustCatalog(t *testing.T, db *store.DB) *shadowscan.Catalog {
	t.Helper()
	c, err := db.Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// editedCopy writes the YAML fixture with old replaced by new into a
// directory holding the fixture photos, and returns its path.
func editedCopy(t *testing.T, old, new string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(testdata, "aurora.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("aurora.yaml has no %q", old)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS(filepath.Join(testdata, "images"))); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "aurora.yaml")
	if err := os.WriteFile(p, []byte(strings.Replace(string(src), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// importPaths loads paths, compares them with db and saves them.
func importPaths(t *testing.T, db *store.DB, replace bool, paths ...string) (*Plan, store.ImportStats, error) {
	t.Helper()
	ctx := context.Background()
	im, err := Load(ctx, paths)
	if err != nil {
		t.Fatal(err)
	}
	plan := im.Against(mustCatalog(t, db))
	st, err := plan.Save(ctx, db, replace)
	return plan, st, err
}

// TestFormatsImportAlike: the brand in YAML, JSON and CSV is one
// catalogue. The first import adds the brand and its products; importing
// it again in another format changes and removes nothing.
func TestFormatsImportAlike(t *testing.T) {
	for _, first := range []string{"aurora.yaml", "aurora.json", "aurora.csv"} {
		t.Run(first, func(t *testing.T) {
			db := mustStore(t)
			plan, st, err := importPaths(t, db, false, filepath.Join(testdata, first))
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Diffs) != 1 || !plan.Diffs[0].New || plan.Removes() || st.BrandsAdded != 1 || st.ProductsAdded == 0 {
				t.Fatalf("first import: diffs %+v, stats %+v; want one new brand with products", plan.Diffs, st)
			}
			n := st.ProductsAdded
			for _, again := range []string{"aurora.yaml", "aurora.json", "aurora.csv"} {
				plan, st, err := importPaths(t, db, false, filepath.Join(testdata, again))
				if err != nil {
					t.Fatalf("%s after %s: %v", again, first, err)
				}
				d := plan.Diffs[0]
				if d.New || len(d.Removed)+len(d.Changed)+len(d.Added) != 0 || st.ProductsUnchanged != n || st.BrandsUnchanged != 1 {
					t.Errorf("%s after %s: diff %+v, stats %+v; want %d products unchanged", again, first, d, st, n)
				}
			}
		})
	}
}

// TestLoadReportsEveryFile: files with errors are all named in one
// error, EINVALID, and nothing is loaded.
func TestLoadReportsEveryFile(t *testing.T) {
	dir := t.TempDir()
	bad1 := filepath.Join(dir, "one.yaml")
	bad2 := filepath.Join(dir, "two.json")
	os.WriteFile(bad1, []byte("brand:\n  id: a\n  name: A\nproducts:\n  - name: no sku\n    price: 1\n    currency: CNY\n"), 0o644)
	os.WriteFile(bad2, []byte(`{"brand": {"id": "b", "name": "B"}, "products": [{"sku": "B-1", "name": "x", "price": "10", "currency": "CNY"}]}`), 0o644)
	im, err := Load(context.Background(), []string{filepath.Join(testdata, "aurora.yaml"), bad1, bad2})
	if im != nil || err == nil {
		t.Fatalf("Load = %v, %v; want an error", im, err)
	}
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("error code %q, want %q", shadowscan.ErrorCode(err), shadowscan.EINVALID)
	}
	for _, w := range []string{"nothing imported", "one.yaml", "sku", "two.json", "price"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
}

// TestLoadRefusesDisagreeingFiles: two files giving one SKU to two
// brands are refused by the merge, naming the SKU.
func TestLoadRefusesDisagreeingFiles(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.yaml")
	os.WriteFile(other, []byte("brand:\n  id: other\n  name: Other\nproducts:\n  - sku: AUR-PROT-500\n    name: Other Protein\n    price: 1\n    currency: CNY\n"), 0o644)
	_, err := Load(context.Background(), []string{filepath.Join(testdata, "aurora.yaml"), other})
	if err == nil || !strings.Contains(err.Error(), "nothing imported") || !strings.Contains(err.Error(), "AUR-PROT-500") {
		t.Fatalf("Load = %v; want a refusal naming AUR-PROT-500", err)
	}
}

// TestSaveRefusesRemovalsUnlessReplace: an import that would drop an
// official shop or a product is refused, ECONFLICT, naming the brand,
// what goes and the file, and stores nothing; with replace it is stored,
// the dropped product removed.
func TestSaveRefusesRemovalsUnlessReplace(t *testing.T) {
	cases := []struct {
		name, old, new, want string
		removed              int
	}{
		{"official shop", "  official_sellers:\n    - {site: demo-market, seller_id: aurora-official}\n", "", "official seller demo-market/aurora-official", 0},
		{"product", "  - sku: AUR-CREAM-50\n    name: Aurora Hand Cream 50ml\n    price: 88\n    min_price: 79.5\n    currency: CNY\n    images:\n      - images/aur-cream-50.png\n", "", "product AUR-CREAM-50", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := mustStore(t)
			if _, _, err := importPaths(t, db, false, filepath.Join(testdata, "aurora.yaml")); err != nil {
				t.Fatal(err)
			}
			before := mustCatalog(t, db)
			edited := editedCopy(t, tc.old, tc.new)
			plan, _, err := importPaths(t, db, false, edited)
			if !plan.Removes() || shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
				t.Fatalf("removes %v, error %v; want a conflict", plan.Removes(), err)
			}
			for _, w := range []string{"nothing imported", "brand aurora would lose " + tc.want, "--replace", edited} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("refusal %q does not say %q", err, w)
				}
			}
			if after := mustCatalog(t, db); !sameCatalog(before, after) {
				t.Fatal("a refused import changed the store")
			}
			_, st, err := importPaths(t, db, true, edited)
			if err != nil {
				t.Fatal(err)
			}
			if st.ProductsRemoved != tc.removed {
				t.Errorf("products removed %d, want %d", st.ProductsRemoved, tc.removed)
			}
			if after := mustCatalog(t, db); sameCatalog(before, after) {
				t.Error("replace stored nothing")
			}
		})
	}
}

func sameCatalog(a, b *shadowscan.Catalog) bool {
	skus := func(c *shadowscan.Catalog) (out []string) {
		for _, p := range c.Products {
			out = append(out, p.SKU)
		}
		for _, b := range c.Brands {
			for _, s := range b.OfficialSellers {
				out = append(out, "official "+s.String())
			}
		}
		return out
	}
	return slices.Equal(skus(a), skus(b))
}

// failingSaver is a store whose saves fail, and counts them.
type failingSaver struct{ calls int }

func (f *failingSaver) SaveCatalog(context.Context, *shadowscan.Catalog, map[string][]byte, ...store.SaveOption) (store.ImportStats, error) {
	f.calls++
	return store.ImportStats{}, errors.New("disk full")
}

// TestSaveNamesTheFilesOnStoreError: a store error comes back wrapped
// with the files imported; a refused import never reaches the store.
func TestSaveNamesTheFilesOnStoreError(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(testdata, "aurora.yaml")
	im, err := Load(ctx, []string{path})
	if err != nil {
		t.Fatal(err)
	}
	var s failingSaver
	if _, err := im.Against(nil).Save(ctx, &s, false); err == nil || !strings.Contains(err.Error(), "import "+path) || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Save = %v; want the store's error with the file", err)
	}
	stored := &shadowscan.Catalog{Brands: []shadowscan.Brand{{ID: "aurora", Name: "Aurora", Aliases: []string{"gone-alias"}}}}
	plan := im.Against(stored)
	if !plan.Removes() {
		t.Fatal("dropping a stored alias is no removal")
	}
	s.calls = 0
	if _, err := plan.Save(ctx, &s, false); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT || s.calls != 0 {
		t.Errorf("refused import: error %v, %d saves; want a conflict and none", err, s.calls)
	}
}

// TestLoadFS: files of a file system (an embedded catalogue) load as the
// same files on disk do, photos resolved inside it, and a bad name is
// named in the error.
func TestLoadFS(t *testing.T) {
	ctx := context.Background()
	fsys := os.DirFS(testdata)
	im, err := LoadFS(ctx, fsys, []string{"aurora.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	disk, err := Load(ctx, []string{filepath.Join(testdata, "aurora.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(im.cat, disk.cat) || len(im.photos) == 0 || len(im.photos) != len(disk.photos) {
		t.Errorf("LoadFS catalogue differs from Load's, or has no photos (%d, %d)", len(im.photos), len(disk.photos))
	}
	db := mustStore(t)
	if _, err := im.Against(mustCatalog(t, db)).Save(ctx, db, false); err != nil {
		t.Fatal(err)
	}
	if again := im.Against(mustCatalog(t, db)); again.Removes() || again.Diffs[0].New {
		t.Errorf("importing the same files again: %+v", again.Diffs)
	}
	if _, err := LoadFS(ctx, fsys, []string{"aurora.yaml", "missing.yaml"}); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("LoadFS with a missing file = %v; want an error naming it", err)
	}
}
