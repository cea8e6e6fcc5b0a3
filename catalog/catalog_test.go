package catalog

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// MustRead returns the bytes of a testdata file.
func MustRead(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// MustFieldErrors asserts err holds shadowscan.FieldErrors and returns them.
func MustFieldErrors(tb testing.TB, err error) shadowscan.FieldErrors {
	tb.Helper()
	var fes shadowscan.FieldErrors
	if !errors.As(err, &fes) {
		tb.Fatalf("err = %v (%T), want shadowscan.FieldErrors", err, err)
	}
	return fes
}

func TestLoadFormatsAgree(t *testing.T) {
	ctx := context.Background()
	var first *File
	for _, name := range []string{"aurora.yaml", "aurora.json", "aurora.csv"} {
		t.Run(name, func(t *testing.T) {
			f, err := LoadPath(ctx, filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			if f.Name != filepath.Join("testdata", name) {
				t.Errorf("Name = %q", f.Name)
			}
			c := f.Catalog
			if len(c.Brands) != 1 || len(c.Products) != 4 {
				t.Fatalf("got %d brands and %d products, want 1 and 4", len(c.Brands), len(c.Products))
			}
			b := c.Brands[0]
			wantBrand := shadowscan.Brand{
				ID: "aurora", Name: "Aurora Wellness", Aliases: []string{"奥罗拉", "AURORA"},
				OfficialSellers:   []shadowscan.SellerRef{{Site: "demo-market", SellerID: "aurora-official"}},
				AuthorizedSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-1187"}, {Site: "demo-market", SellerID: "shop-2001"}},
				DefamationTerms:   []string{"传销骗局"},
			}
			if !reflect.DeepEqual(b, wantBrand) {
				t.Errorf("brand = %+v\nwant    %+v", b, wantBrand)
			}
			prot := c.Product("AUR-PROT-500")
			if prot == nil || prot.Price != 29800 || prot.MinPrice != 26800 || prot.Currency != "CNY" || prot.BrandID != "aurora" {
				t.Errorf("AUR-PROT-500 = %+v", prot)
			}
			if cream := c.Product("AUR-CREAM-50"); cream == nil || cream.Price != 8800 || cream.MinPrice != 7950 {
				t.Errorf("AUR-CREAM-50 = %+v", cream)
			}
			if tea := c.Product("AUR-TEA-20"); tea == nil || tea.Price != 3690 || tea.MinPrice != 3000 {
				t.Errorf("AUR-TEA-20 = %+v", tea)
			}
			formats := map[string]string{}
			for _, p := range c.Products {
				for _, img := range p.Images {
					data, ok := f.Photos[img.SHA256]
					if !ok {
						t.Fatalf("%s: photo %s not in Photos", p.SKU, img.SHA256)
					}
					h, err := photo.HashOfficial(data, photo.DefaultLimits)
					if err != nil {
						t.Fatal(err)
					}
					if want := photo.OfficialRef(img.Source, h); !reflect.DeepEqual(img, want) || img.PDQ.IsZero() || len(img.Variants) == 0 {
						t.Errorf("%s: ImageRef %+v does not match its bytes %+v", img.Source, img, want)
					}
					formats[img.Source] = h.Format
				}
			}
			wantFormats := map[string]string{
				"images/aur-prot-500.jpg": "jpeg", "./images/aur-prot-500.jpg": "jpeg",
				"images/aur-cream-50.png": "png", "images/aur-soap-3.gif": "gif", "images/aur-tea-20.webp": "webp",
			}
			if !reflect.DeepEqual(formats, wantFormats) {
				t.Errorf("image formats = %v, want %v", formats, wantFormats)
			}
			if len(f.Photos) != 4 {
				t.Errorf("%d photos, want 4 (the jpeg named twice is stored once)", len(f.Photos))
			}
			if first == nil {
				first = f
				return
			}
			if !reflect.DeepEqual(f.Catalog, first.Catalog) {
				t.Errorf("catalog differs from %s:\n got %+v\nwant %+v", first.Name, f.Catalog, first.Catalog)
			}
			if !reflect.DeepEqual(f.Photos, first.Photos) {
				t.Errorf("photos differ from %s", first.Name)
			}
		})
	}
}

func TestLoadCSVSeveralBrands(t *testing.T) {
	f, err := LoadPath(context.Background(), "testdata/two-brands.csv")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range f.Catalog.Brands {
		ids = append(ids, b.ID)
	}
	if !reflect.DeepEqual(ids, []string{"aurora", "lumen"}) {
		t.Fatalf("brands = %v", ids)
	}
	if got := f.Catalog.Brand("lumen").OfficialSellers; !reflect.DeepEqual(got, []shadowscan.SellerRef{{Site: "demo-market", SellerID: "lumen-official"}}) {
		t.Errorf("lumen sellers = %v", got)
	}
	det := f.Catalog.Product("LUM-DET-2L")
	if det == nil || det.BrandID != "lumen" || det.Name != "Lumen Laundry Detergent, 2 L" || len(det.Images) != 0 {
		t.Errorf("LUM-DET-2L = %+v", det)
	}
	if tea := f.Catalog.Product("AUR-TEA-20"); tea == nil || tea.BrandID != "aurora" {
		t.Errorf("AUR-TEA-20 = %+v", tea)
	}
}

func TestLoadFileErrors(t *testing.T) {
	ctx := context.Background()
	fsys := fstest.MapFS{"c.yaml": {Data: []byte("brand: {}")}, "dir.yaml": {Mode: os.ModeDir}}
	cases := []struct {
		name, file string
		code       string
		msg        string
	}{
		{"missing file", "nope.yaml", shadowscan.ENOTFOUND, "nope.yaml does not exist"},
		{"unknown extension", "c.toml", shadowscan.EINVALID, `unknown extension ".toml" (accepted: .yaml, .yml, .json or .csv)`},
		{"directory", "dir.yaml", shadowscan.EINVALID, "is a directory"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(ctx, fsys, tc.file)
			if shadowscan.ErrorCode(err) != tc.code || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v (code %s), want code %s and %q", err, shadowscan.ErrorCode(err), tc.code, tc.msg)
			}
		})
	}
	if _, err := LoadPath(ctx, filepath.Join(t.TempDir(), "none", "c.yaml")); shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		t.Errorf("missing directory: err = %v, want not_found", err)
	}
	big := fstest.MapFS{"big.yaml": {Data: make([]byte, MaxFileBytes+1)}}
	_, err := Load(ctx, big, "big.yaml")
	fe := &shadowscan.FieldError{}
	if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "larger than") {
		t.Errorf("oversized file: err = %v", err)
	}
}

func TestSuggest(t *testing.T) {
	cases := []struct{ key, want string }{
		{"min_prce", "min_price"},
		{"minprice", "min_price"},
		{"SKU", "sku"},
		{"image", "images"},
		{"currncy", "currency"},
		{"colour", ""},
		{"x", ""},
	}
	for _, tc := range cases {
		if got := suggest(tc.key, productKeys); got != tc.want {
			t.Errorf("suggest(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

// blankPNG is a flat white 32x32 PNG.
func blankPNG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewGray(image.Rect(0, 0, 32, 32))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
