package photo

import (
	"image"
	"testing"

	"github.com/corona10/goimagehash"
)

// TestPerceptionHashIsGoimagehashs: perceptionHash gives goimagehash's
// PerceptionHash bit for bit, on noise, flat-ish and photo thumbnails.
func TestPerceptionHashIsGoimagehashs(t *testing.T) {
	var thumbs []*image.Gray
	for seed := range uint64(200) {
		thumbs = append(thumbs, noise(thumb, thumb, seed))
	}
	for seed := range uint64(50) {
		g, _ := reduce(scene(300, 200, seed), image.Rect(0, 0, 300, 200))
		thumbs = append(thumbs, g)
		flat := image.NewGray(image.Rect(0, 0, thumb, thumb))
		for i := range flat.Pix {
			flat.Pix[i] = uint8(100 + int(seed)%3*(i%7))
		}
		thumbs = append(thumbs, flat)
	}
	for i, g := range thumbs {
		want, err := goimagehash.PerceptionHash(g)
		if err != nil {
			t.Fatal(err)
		}
		if got := perceptionHash(g); got != want.GetHash() {
			t.Fatalf("thumbnail %d: %016x, goimagehash %016x", i, got, want.GetHash())
		}
	}
}
