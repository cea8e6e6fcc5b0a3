package photo

import (
	"testing"
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
