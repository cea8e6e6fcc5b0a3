package catalog

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"testing/fstest"

	"github.com/shadowscan/shadowscan"
)

// offline is an http.Client that never reaches the network, so fuzzed URLs
// stay local.
var offline = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
	return nil, errors.New("network disabled in fuzzing")
})}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// fuzzLoad loads content as name and checks the result is consistent.
func fuzzLoad(t *testing.T, name string, content []byte, img []byte) {
	fsys := fstest.MapFS{name: {Data: content}, "images/p.jpg": {Data: img}}
	f, err := Load(context.Background(), fsys, name, WithHTTPClient(offline))
	if err != nil {
		if f != nil {
			t.Fatal("a File was returned with an error")
		}
		var fes shadowscan.FieldErrors
		if errors.As(err, &fes) {
			for i, fe := range fes {
				if fe.File != name {
					t.Fatalf("error %q names file %q", fe, fe.File)
				}
				if i > 0 && fes[i-1].Line > fe.Line {
					t.Fatalf("errors not sorted by line: %v", err)
				}
			}
		}
		return
	}
	skus := map[string]bool{}
	for _, p := range f.Catalog.Products {
		if err := p.Validate(); err != nil {
			t.Fatalf("loaded an invalid product %+v: %v", p, err)
		}
		if skus[p.SKU] {
			t.Fatalf("duplicate SKU %s loaded", p.SKU)
		}
		skus[p.SKU] = true
		// Only a products-only CSV (brand_id and no other brand column)
		// lists products of brands another file defines.
		if f.Catalog.Brand(p.BrandID) == nil && len(f.Catalog.Brands) > 0 {
			t.Fatalf("product %s of unknown brand %q", p.SKU, p.BrandID)
		}
		for _, ref := range p.Images {
			if _, ok := f.Photos[ref.SHA256]; !ok {
				t.Fatalf("image %s without bytes", ref.Source)
			}
		}
	}
	for _, b := range f.Catalog.Brands {
		if err := b.Validate(); err != nil {
			t.Fatalf("loaded an invalid brand %+v: %v", b, err)
		}
	}
	// A re-import of the same file changes nothing; a first import
	// removes nothing.
	for _, d := range Diff(&f.Catalog, &f.Catalog) {
		if d.New || len(d.Removed)+len(d.Changed)+len(d.Added)+d.ProductsAdded+d.ProductsChanged > 0 {
			t.Fatalf("the catalogue differs from itself: %+v", d)
		}
	}
	if Removes(Diff(&shadowscan.Catalog{}, &f.Catalog)) {
		t.Fatal("a first import removes something")
	}
}

func FuzzLoadYAML(f *testing.F) {
	f.Add(MustRead(f, "aurora.yaml"))
	f.Add([]byte(head + okProduct))
	f.Add([]byte(head + "  - sku: A\n    name: A\n    price: 1\n    min_prce: 2\n    currency: cny\n    images: [../x.jpg, http://127.0.0.1:1/x.jpg]\n"))
	f.Add([]byte("a: &a [*a, *a]\nbrand: *a\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte(head + "  - sku: 12345\n    name: [a]\n    price: \"10\"\n    min_price: true\n    currency: 2024-01-01\n    aliases: [x, 500, ~]\n"))
	img := MustRead(f, "images/aur-prot-500.jpg")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, "c.yaml", data, img) })
}

func FuzzLoadJSON(f *testing.F) {
	f.Add(MustRead(f, "aurora.json"))
	f.Add([]byte(`{"brand": {"id": "a", "name": "A"}, "products": [{"sku": "A", "name": "A", "price": 1e400, "currency": "CNY", "images": ["images/p.jpg"]}]}`))
	f.Add([]byte(`{"brand": [[[[{}]]]], "products": {"x": null}}`))
	f.Add([]byte(`{"brand": {"id": "a", "name": "A"},, }`))
	// Values of the wrong type: a price in quotes, numbers and booleans
	// for text, a mapping for a list, nulls.
	f.Add([]byte(`{"brand": {"id": "a", "name": null, "aliases": {"x": 1}, "official_sellers": [{"site": "m", "seller_id": 12}]}, "products": [{"sku": 1, "name": true, "price": "10", "min_price": null, "currency": "CNY", "images": 3}]}`))
	f.Add([]byte(`{"brand": {"id": "a", "name": "A", "authorized_sellers": "m:s"}, "products": [{"sku": "A", "name": "A", "aliases": ["x", 7, null, ""], "price": [1], "currency": 5}]}`))
	img := MustRead(f, "images/aur-prot-500.jpg")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, "c.json", data, img) })
}

func FuzzLoadCSV(f *testing.F) {
	f.Add(MustRead(f, "aurora.csv"))
	f.Add(MustRead(f, "two-brands.csv"))
	f.Add([]byte("brand_id,sku,name,price,currency,images\na,A,A,1,CNY,images/p.jpg|\n"))
	f.Add([]byte("\ufeffbrand_id,sku,name,price,currency\n\"a\nb\",A,\"x\"\"y\",1,CNY\n"))
	img := MustRead(f, "images/aur-prot-500.jpg")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, "c.csv", data, img) })
}
