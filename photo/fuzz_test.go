package photo

import (
	"errors"
	"os"
	"testing"
)

// fuzzLimits are small so the fuzzer explores refusals as well as decodes,
// and so each run stays fast.
var fuzzLimits = Limits{MaxBytes: 1 << 16, MaxPixels: 1 << 20, MaxWidth: 2048, MaxHeight: 2048}

func FuzzDecode(f *testing.F) {
	src := scene(24, 16, 2)
	f.Add(MustJPEG(f, src, 50))
	f.Add(MustPNG(f, src))
	f.Add(MustGIF(f, src))
	f.Add(pngHeader(50000, 50000))
	f.Add(jpegWithSize(f, 60000, 60000))
	f.Add(gifWithSize(f, 65535, 1))
	f.Add([]byte("<svg xmlns='http://www.w3.org/2000/svg'/>"))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8L"))
	for _, name := range []string{"testdata/tiny-lossless.webp", "testdata/tiny-lossy.webp"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, info, err := Decode(data, fuzzLimits)
		if err != nil {
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrUnsupportedFormat) && !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v wraps none of the package errors", err)
			}
			if img != nil {
				t.Fatal("image returned with an error")
			}
			return
		}
		b := img.Bounds()
		if int64(len(data)) > fuzzLimits.MaxBytes || b.Dx() > fuzzLimits.MaxWidth || b.Dy() > fuzzLimits.MaxHeight ||
			int64(b.Dx())*int64(b.Dy()) > fuzzLimits.MaxPixels {
			t.Fatalf("accepted %d bytes decoding to %v, over %+v", len(data), b, fuzzLimits)
		}
		if info.Width != b.Dx() || info.Height != b.Dy() || len(info.SHA256) != 64 {
			t.Fatalf("info %+v does not match bounds %v", info, b)
		}
		if _, err := Hash(img); err != nil && !errors.Is(err, ErrFlat) {
			t.Fatalf("hash of a decoded image: %v", err)
		}
		if h, err := HashOfficial(data, fuzzLimits); err != nil && !errors.Is(err, ErrFlat) {
			t.Fatalf("official hash of a decoded image: %v", err)
		} else if err == nil && (len(h.Variants) < len(Dihedral)-1+len(officialCrops) || h.PDQQuality < 0 || h.PDQQuality > 100) {
			t.Fatalf("official hash: %d variants, quality %d", len(h.Variants), h.PDQQuality)
		}
	})
}
