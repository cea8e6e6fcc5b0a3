package store

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"path/filepath"
	"reflect"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// productPhoto draws a small product shot and returns it as JPEG bytes.
func productPhoto(tb testing.TB, seed int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 160, 120))
	for y := range 120 {
		for x := range 160 {
			c := color.RGBA{uint8(200 - y/2), uint8(190 - x/3), 180, 255}
			if (x-40-seed*7)*(x-40-seed*7)+(y-60)*(y-60) < 900 || (x > 90 && x < 140 && y > 20+seed && y < 100) {
				c = color.RGBA{uint8(30 * seed), 90, uint8(200 - 20*seed), 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestMigration5PhotoHashes: schema 4 -> 5 hashes the official photos the
// store keeps with PDQ and their variants, as a new import would; a
// photo whose bytes the store does not have keeps its old hashes.
func TestMigration5PhotoHashes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	old := openAtSchema(t, path, 4)
	kept := productPhoto(t, 1)
	h, err := photo.HashBytes(kept, photo.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	// What a schema 4 import stored: pHash and dHash only.
	withBytes := shadowscan.ImageRef{Source: "images/a.jpg", SHA256: h.SHA256, PHash: h.PHash, DHash: h.DHash, Width: h.Width, Height: h.Height}
	missing := shadowscan.ImageRef{Source: "images/gone.jpg", SHA256: "ab" + h.SHA256[2:], PHash: 7, DHash: 9, Width: 10, Height: 10}
	brand := shadowscan.Brand{ID: "aurora", Name: "Aurora Wellness"}
	products := []shadowscan.Product{
		{SKU: "A-1", BrandID: "aurora", Name: "Aurora A", Price: 100, Currency: "CNY", Images: []shadowscan.ImageRef{withBytes, missing}},
		{SKU: "A-2", BrandID: "aurora", Name: "Aurora B", Price: 100, Currency: "CNY"},
	}
	err = old.bolt.Update(func(tx *bbolt.Tx) error {
		bv, err := encodeValue(brandV, brand)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketBrands).Put([]byte(brand.ID), bv); err != nil {
			return err
		}
		for _, p := range products {
			v, err := encodeValue(productV, p)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketProducts).Put([]byte(p.SKU), v); err != nil {
				return err
			}
		}
		b, err := encodeBlob(kept)
		if err != nil {
			return err
		}
		return putBlob(tx, b)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := old.bolt.Close(); err != nil {
		t.Fatal(err)
	}

	db := MustOpenPath(t, path)
	if v := schemaVersionOf(t, db); v != SchemaVersion {
		t.Fatalf("schema = %d, want %d", v, SchemaVersion)
	}
	p, err := db.Product(ctx, "A-1")
	if err != nil {
		t.Fatal(err)
	}
	official, err := photo.HashOfficial(kept, photo.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if want := photo.OfficialRef("images/a.jpg", official); !reflect.DeepEqual(p.Images[0], want) {
		t.Errorf("upgraded photo = %+v\nwant %+v", p.Images[0], want)
	}
	if p.Images[0].PDQ.IsZero() || len(p.Images[0].Variants) == 0 {
		t.Errorf("upgraded photo has no PDQ hash or variants: %+v", p.Images[0])
	}
	if !reflect.DeepEqual(p.Images[1], missing) {
		t.Errorf("photo without bytes = %+v, want it unchanged %+v", p.Images[1], missing)
	}
	if q, err := db.Product(ctx, "A-2"); err != nil || len(q.Images) != 0 {
		t.Errorf("product without photos = %+v, %v", q, err)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatal(err)
	}
}
