package catalog

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// BenchmarkLoadYAML loads a 1000-product YAML catalogue whose products share
// ten photos: the parse, validation and hashing cost of an import.
func BenchmarkLoadYAML(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(head)
	fsys := fstest.MapFS{}
	img := MustRead(b, "images/aur-prot-500.jpg")
	for i := range 10 {
		// Distinct bytes per photo: append a JPEG comment-free trailer.
		fsys[fmt.Sprintf("img/%d.jpg", i)] = &fstest.MapFile{Data: append(append([]byte{}, img...), byte(i))}
	}
	const n = 1000
	for i := range n {
		fmt.Fprintf(&sb, "  - sku: SKU-%d\n    name: Product %d\n    aliases: [产品%d]\n    price: %d.50\n    min_price: %d\n    currency: CNY\n    images: [img/%d.jpg]\n", i, i, i, 100+i, 90+i, i%10)
	}
	fsys["c.yaml"] = &fstest.MapFile{Data: []byte(sb.String())}
	b.SetBytes(int64(sb.Len()))
	b.ReportAllocs()
	for b.Loop() {
		f, err := Load(context.Background(), fsys, "c.yaml")
		if err != nil {
			b.Fatal(err)
		}
		if len(f.Catalog.Products) != n {
			b.Fatalf("%d products", len(f.Catalog.Products))
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "products/s")
}
