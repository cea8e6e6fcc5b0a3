package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
	"time"
)

// BenchmarkHash hashes an already decoded 640x480 photo (pHash and dHash).
func BenchmarkHash(b *testing.B) {
	img := MustDecode(b, MustJPEG(b, scene(640, 480, 11), 85))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Hash(img); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "photos/s")
}

// BenchmarkHashBytes decodes and hashes a 640x480 JPEG, the cost per listing
// photo in a scan.
func BenchmarkHashBytes(b *testing.B) {
	data := MustJPEG(b, scene(640, 480, 11), 85)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := HashBytes(data, DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "photos/s")
}

// BenchmarkRefuseBomb measures refusing a PNG that declares 50000x50000.
func BenchmarkRefuseBomb(b *testing.B) {
	data := pngHeader(50000, 50000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Decode(data, DefaultLimits); err == nil {
			b.Fatal("bomb accepted")
		}
	}
}

// BenchmarkHashBytesJPEG hashes a 400x400 photo-like JPEG (the size of a
// marketplace listing photo) through HashBytes, which decodes luma only,
// and through image/jpeg's full decode and Hash, in the same run, and
// prints both rates and their ratio.
func BenchmarkHashBytesJPEG(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 400, 400))
	for y := range 400 {
		for x := range 400 {
			c := color.RGBA{255, 255, 255, 255}
			if x > 60 && y > 40 && x < 340 && y < 370 {
				c = color.RGBA{uint8(x*3 + y), uint8(y * 5), uint8((x ^ y) & 0x7f), 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 80}); err != nil {
		b.Fatal(err)
	}
	data := enc.Bytes()
	full := func() {
		m, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Hash(m); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	for range 200 {
		full()
	}
	fullRate := 200 / time.Since(start).Seconds()
	b.ResetTimer()
	for b.Loop() {
		if _, err := HashBytes(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
	rate := float64(b.N) / b.Elapsed().Seconds()
	b.ReportMetric(rate, "photos/s")
	b.ReportMetric(fullRate, "full-decode-photos/s")
	b.ReportMetric(rate/fullRate, "speedup")
}
