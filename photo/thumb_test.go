package photo

import (
	"image"
	"image/color"
	"testing"
)

// refGreyThumb is the hash thumbnail computed pixel by pixel through
// lumaFunc: the row-at-a-time version must give the same bytes.
func refGreyThumb(img image.Image, b image.Rectangle) *image.Gray {
	w, h := b.Dx(), b.Dy()
	luma := lumaFunc(img)
	out := image.NewGray(image.Rect(0, 0, thumb, thumb))
	for j := range thumb {
		y0 := j * h / thumb
		y1 := max(y0+1, (j+1)*h/thumb)
		for i := range thumb {
			x0 := i * w / thumb
			x1 := max(x0+1, (i+1)*w/thumb)
			var s uint64
			for y := y0; y < y1; y++ {
				for x := x0; x < x1; x++ {
					s += uint64(luma(b.Min.X+x, b.Min.Y+y))
				}
			}
			n := uint64((x1 - x0) * (y1 - y0))
			out.Pix[j*out.Stride+i] = uint8((s + n/2) / n)
		}
	}
	return out
}

func TestGreyThumbMatchesPixelByPixel(t *testing.T) {
	src := scene(403, 297, 5)
	jpg := MustDecode(t, MustJPEG(t, src, 80)) // *image.YCbCr, 4:2:0
	gray := image.NewGray(src.Bounds())
	nrgba := image.NewNRGBA(src.Bounds())
	for y := 0; y < src.Bounds().Dy(); y++ {
		for x := 0; x < src.Bounds().Dx(); x++ {
			gray.Set(x, y, src.At(x, y))
			c := src.RGBAAt(x, y)
			nrgba.SetNRGBA(x, y, color.NRGBA{c.R, c.G, c.B, uint8(x * y)})
		}
	}
	ycc444 := image.NewYCbCr(image.Rect(10, 20, 90, 60), image.YCbCrSubsampleRatio444)
	for i := range ycc444.Y {
		ycc444.Y[i] = uint8(i * 7)
	}
	cases := []struct {
		name string
		img  image.Image
		r    image.Rectangle
	}{
		{"ycbcr whole", jpg, jpg.Bounds()},
		{"ycbcr inner rectangle", jpg, image.Rect(17, 9, 380, 280)},
		{"ycbcr sub-image", jpg.(*image.YCbCr).SubImage(image.Rect(40, 30, 300, 250)), image.Rect(40, 30, 300, 250)},
		{"ycbcr 444 offset bounds", ycc444, ycc444.Bounds()},
		{"ycbcr smaller than the thumbnail", ycc444, image.Rect(12, 22, 50, 41)},
		{"gray", gray, image.Rect(3, 4, 400, 290)},
		{"gray sub-image", gray.SubImage(image.Rect(100, 50, 160, 90)), image.Rect(100, 50, 160, 90)},
		{"rgba", src, src.Bounds()},
		{"nrgba translucent", nrgba, image.Rect(1, 1, 402, 296)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := reduce(c.img, c.r)
			want := refGreyThumb(c.img, c.r)
			for i := range want.Pix {
				if got.Pix[i] != want.Pix[i] {
					t.Fatalf("pixel %d (%d,%d): got %d, want %d", i, i%thumb, i/thumb, got.Pix[i], want.Pix[i])
				}
			}
		})
	}
}

// BenchmarkGreyThumb reduces a decoded 640x480 JPEG to the luminance
// plane and the hash thumbnail.
func BenchmarkGreyThumb(b *testing.B) {
	img := MustDecode(b, MustJPEG(b, scene(640, 480, 11), 85))
	b.ReportAllocs()
	for b.Loop() {
		reduce(img, img.Bounds())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "thumbs/s")
}
