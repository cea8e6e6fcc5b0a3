package catalog

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shadowscan/shadowscan"
)

func diffBase() *shadowscan.Catalog {
	return &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{
			ID: "acme", Name: "Acme",
			AuthorizedSellers: []shadowscan.SellerRef{{Site: "m", SellerID: "shop-1"}},
		}},
		Products: []shadowscan.Product{{
			SKU: "A-1", BrandID: "acme", Name: "One", Price: 1000, Currency: "CNY",
			Images: []shadowscan.ImageRef{{Source: "a.jpg", SHA256: "aa"}, {Source: "b.jpg", SHA256: "bb"}},
		}},
	}
}

// TestDiffKinds: what counts as a removal, a change or an addition.
func TestDiffKinds(t *testing.T) {
	cases := []struct {
		name                    string
		edit                    func(c *shadowscan.Catalog)
		removed, changed, added []string
	}{
		{"nothing", func(*shadowscan.Catalog) {}, nil, nil, nil},
		{"authorised seller made official is a change", func(c *shadowscan.Catalog) {
			c.Brands[0].OfficialSellers, c.Brands[0].AuthorizedSellers = c.Brands[0].AuthorizedSellers, nil
		}, nil, []string{"authorised seller m/shop-1 made official"}, nil},
		{"a tier given to an authorised seller is a change, not a removal", func(c *shadowscan.Catalog) {
			c.Brands[0].AuthorizedSellers[0].Tier, c.Brands[0].AuthorizedSellers[0].Region = "gold", "上海"
		}, nil, []string{`authorised seller m/shop-1 tier "" → "gold", region "" → "上海"`}, nil},
		{"a tier floor added", func(c *shadowscan.Catalog) { c.Products[0].TierFloors = map[string]shadowscan.Amount{"gold": 800} },
			nil, nil, []string{"tier floor gold of A-1 ¥8.00"}},
		{"a floor added is a change", func(c *shadowscan.Catalog) { c.Products[0].MinPrice = 900 },
			nil, []string{"floor of A-1 none → ¥9.00"}, nil},
		{"a currency change changes the price", func(c *shadowscan.Catalog) { c.Products[0].Currency = "USD" },
			nil, []string{"price of A-1 ¥10.00 → USD 10.00"}, nil},
		{"a photo with new contents is a change", func(c *shadowscan.Catalog) { c.Products[0].Images[0].SHA256 = "cc" },
			nil, []string{"photo of A-1 a.jpg (new contents)"}, nil},
		{"a photo under a new name is no removal", func(c *shadowscan.Catalog) { c.Products[0].Images[1].Source = "img/b.jpg" },
			nil, nil, nil},
		{"a photo replaced by another", func(c *shadowscan.Catalog) {
			c.Products[0].Images[1] = shadowscan.ImageRef{Source: "c.jpg", SHA256: "cc"}
		},
			[]string{"photo of A-1 b.jpg"}, nil, []string{"photo of A-1 c.jpg"}},
		{"a product renamed", func(c *shadowscan.Catalog) { c.Products[0].Name = "Uno" },
			nil, []string{`name of A-1 "One" → "Uno"`}, nil},
		{"a product moved to a new SKU", func(c *shadowscan.Catalog) { c.Products[0].SKU = "A-2" },
			[]string{"product A-1 (One)"}, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cur := diffBase()
			tc.edit(cur)
			ds := Diff(diffBase(), cur)
			if len(ds) != 1 || ds[0].New {
				t.Fatalf("diffs = %+v", ds)
			}
			strs := func(items []Item) []string {
				var out []string
				for _, it := range items {
					out = append(out, it.String())
				}
				return out
			}
			d := ds[0]
			if got := strs(d.Removed); !reflect.DeepEqual(got, tc.removed) {
				t.Errorf("removed = %q, want %q", got, tc.removed)
			}
			if got := strs(d.Changed); !reflect.DeepEqual(got, tc.changed) {
				t.Errorf("changed = %q, want %q", got, tc.changed)
			}
			if got := strs(d.Added); !reflect.DeepEqual(got, tc.added) {
				t.Errorf("added = %q, want %q", got, tc.added)
			}
			if Removes(ds) != (len(tc.removed) > 0) {
				t.Errorf("Removes = %v", Removes(ds))
			}
		})
	}
}

// TestDiffLeavesOtherBrands: a brand the import does not name is not
// compared, and a brand new to the store removes nothing.
func TestDiffLeavesOtherBrands(t *testing.T) {
	stored := diffBase()
	incoming := &shadowscan.Catalog{
		Brands:   []shadowscan.Brand{{ID: "zeta", Name: "Zeta"}},
		Products: []shadowscan.Product{{SKU: "Z-1", BrandID: "zeta", Name: "Z", Price: 1, Currency: "CNY"}},
	}
	ds := Diff(stored, incoming)
	if len(ds) != 1 || ds[0].BrandID != "zeta" || !ds[0].New || Removes(ds) || ds[0].ProductsAdded != 1 {
		t.Fatalf("diffs = %+v", ds)
	}
}

// TestMerge: later files win per brand and SKU; one SKU in two brands is
// refused.
func TestMerge(t *testing.T) {
	a := &File{Name: "a.yaml", Catalog: *diffBase(), Photos: map[string][]byte{"aa": []byte("x")}}
	b := &File{Name: "b.csv", Catalog: *diffBase()}
	b.Catalog.Brands[0].Name = "Acme 2"
	b.Catalog.Products[0].Price = 2000
	b.Catalog.Products = append(b.Catalog.Products, shadowscan.Product{SKU: "A-9", BrandID: "acme", Name: "Nine", Price: 1, Currency: "CNY"})
	cat, photos, err := Merge([]*File{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Brands) != 1 || cat.Brands[0].Name != "Acme 2" || len(cat.Products) != 2 || cat.Products[0].Price != 2000 || len(photos) != 1 {
		t.Fatalf("merged = %+v, %d photos", cat, len(photos))
	}
	c := &File{Name: "c.json", Catalog: shadowscan.Catalog{
		Brands:   []shadowscan.Brand{{ID: "zeta", Name: "Zeta"}},
		Products: []shadowscan.Product{{SKU: "A-9", BrandID: "zeta", Name: "Z", Price: 1, Currency: "CNY"}},
	}}
	_, _, err = Merge([]*File{a, b, c})
	if shadowscan.ErrorCode(err) != shadowscan.ECONFLICT || !strings.Contains(err.Error(), "A-9 is of brand acme in b.csv and of brand zeta in c.json") {
		t.Fatalf("Merge with a SKU in two brands = %v", err)
	}
}

// TestProductsOnlyCSV: a CSV with a "brand" (brand_id) column and no other
// brand column adds products to a brand a YAML file of the same import
// defines, keeping that brand's sellers; imported alone it is refused,
// naming the SKU and the brand.
func TestProductsOnlyCSV(t *testing.T) {
	fsys := fstest.MapFS{
		"acme.yaml": &fstest.MapFile{Data: []byte("brand:\n  id: acme\n  name: Acme\n  official_sellers:\n    - {site: demo-market, seller_id: acme-official}\nproducts:\n  - {sku: A-1, name: Acme One, price: 10, currency: CNY}\n")},
		"more.csv":  &fstest.MapFile{Data: []byte("brand,sku,name,price,currency\nacme,A-2,Acme Two,20,CNY\n")},
	}
	var files []*File
	for _, name := range []string{"acme.yaml", "more.csv"} {
		f, err := Load(context.Background(), fsys, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		files = append(files, f)
	}
	if len(files[1].Catalog.Brands) != 0 || len(files[1].Catalog.Products) != 1 || files[1].Catalog.Products[0].BrandID != "acme" {
		t.Fatalf("more.csv read as %+v, want one product of acme and no brand", files[1].Catalog)
	}
	cat, _, err := Merge(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Brands) != 1 || cat.Brands[0].Name != "Acme" || len(cat.Brands[0].OfficialSellers) != 1 || len(cat.Products) != 2 {
		t.Fatalf("merged = %+v, want Acme with its official seller and two products", cat)
	}
	_, _, err = Merge(files[1:])
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), "product A-2 in more.csv is of brand acme, which no file of this import defines") {
		t.Fatalf("Merge of the CSV alone = %v", err)
	}
}
