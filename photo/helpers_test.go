package photo

import (
	"bytes"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"

	xdraw "golang.org/x/image/draw"
)

// scene draws a deterministic "product photo": a light background with a
// few coloured shapes placed by seed, so different seeds give different
// pictures.
func scene(w, h int, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	bg := color.RGBA{uint8(200 + r.IntN(56)), uint8(200 + r.IntN(56)), uint8(200 + r.IntN(56)), 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, bg)
		}
	}
	type blob struct {
		cx, cy, rx, ry float64
		c              color.RGBA
	}
	var blobs []blob
	for i := 0; i < 6; i++ {
		blobs = append(blobs, blob{
			cx: r.Float64() * float64(w), cy: r.Float64() * float64(h),
			rx: (0.08 + r.Float64()*0.25) * float64(w), ry: (0.08 + r.Float64()*0.25) * float64(h),
			c: color.RGBA{uint8(r.IntN(200)), uint8(r.IntN(200)), uint8(r.IntN(200)), 255},
		})
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			for _, b := range blobs {
				dx, dy := (float64(x)-b.cx)/b.rx, (float64(y)-b.cy)/b.ry
				if dx*dx+dy*dy <= 1 {
					shade := 1 - 0.3*math.Sqrt(dx*dx+dy*dy)
					img.SetRGBA(x, y, color.RGBA{uint8(float64(b.c.R) * shade), uint8(float64(b.c.G) * shade), uint8(float64(b.c.B) * shade), 255})
				}
			}
		}
	}
	return img
}

func resized(src image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), xdraw.Src, nil)
	return dst
}

// bordered pads src with a white margin of frac of its size on every side.
func bordered(src image.Image, frac float64) *image.RGBA {
	b := src.Bounds()
	mx, my := int(float64(b.Dx())*frac), int(float64(b.Dy())*frac)
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()+2*mx, b.Dy()+2*my))
	xdraw.Draw(dst, dst.Bounds(), image.White, image.Point{}, xdraw.Src)
	xdraw.Draw(dst, image.Rect(mx, my, mx+b.Dx(), my+b.Dy()), src, b.Min, xdraw.Src)
	return dst
}

// squared centres src on a square canvas of colour c, as marketplaces show
// product photos.
func squared(src image.Image, c color.Color) *image.RGBA {
	b := src.Bounds()
	side := max(b.Dx(), b.Dy())
	dst := image.NewRGBA(image.Rect(0, 0, side, side))
	xdraw.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{}, xdraw.Src)
	off := image.Pt((side-b.Dx())/2, (side-b.Dy())/2)
	xdraw.Draw(dst, b.Sub(b.Min).Add(off), src, b.Min, xdraw.Src)
	return dst
}

// watermarked stamps a semi-transparent striped box, wFrac of the width and
// hFrac of the height, in the bottom-right corner: a shop's logo.
func watermarked(src image.Image, wFrac, hFrac float64) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	xdraw.Draw(dst, dst.Bounds(), src, b.Min, xdraw.Src)
	w, h := int(float64(b.Dx())*wFrac), int(float64(b.Dy())*hFrac)
	x0, y0 := b.Dx()-w-b.Dx()/40, b.Dy()-h-b.Dy()/40
	for y := y0; y < y0+h; y++ {
		for x := x0; x < x0+w; x++ {
			c := color.RGBA{255, 255, 255, 160}
			if (x/4)%2 == 0 {
				c = color.RGBA{20, 20, 20, 160}
			}
			xdraw.Draw(dst, image.Rect(x, y, x+1, y+1), image.NewUniform(c), image.Point{}, xdraw.Over)
		}
	}
	return dst
}

func MustJPEG(tb testing.TB, img image.Image, q int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func MustPNG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func MustGIF(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func MustDecode(tb testing.TB, data []byte) image.Image {
	tb.Helper()
	img, _, err := Decode(data, DefaultLimits)
	if err != nil {
		tb.Fatal(err)
	}
	return img
}

// pngHeader returns a PNG signature and IHDR chunk declaring w x h pixels,
// followed by a tiny IDAT: a decompression bomb's header.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		n[0], n[1], n[2], n[3] = byte(len(data)>>24), byte(len(data)>>16), byte(len(data)>>8), byte(len(data))
		b.Write(n[:])
		body := append([]byte(typ), data...)
		b.Write(body)
		c := crc32.ChecksumIEEE(body)
		b.Write([]byte{byte(c >> 24), byte(c >> 16), byte(c >> 8), byte(c)})
	}
	ihdr := []byte{
		byte(w >> 24), byte(w >> 16), byte(w >> 8), byte(w),
		byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h),
		8, 2, 0, 0, 0, // 8-bit RGB, deflate, no filter, no interlace
	}
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// jpegWithSize re-encodes a small JPEG and patches its SOF0 frame header to
// declare w x h.
func jpegWithSize(tb testing.TB, w, h uint16) []byte {
	tb.Helper()
	data := MustJPEG(tb, scene(16, 16, 1), 80)
	for i := 2; i+9 < len(data); i++ {
		if data[i] == 0xFF && data[i+1] == 0xC0 {
			// FF C0, length(2), precision(1), height(2), width(2)
			data[i+5], data[i+6] = byte(h>>8), byte(h)
			data[i+7], data[i+8] = byte(w>>8), byte(w)
			return data
		}
	}
	tb.Fatal("no SOF0 marker in encoded jpeg")
	return nil
}

// gifWithSize patches a small GIF's logical screen to w x h.
func gifWithSize(tb testing.TB, w, h uint16) []byte {
	tb.Helper()
	pal := image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.Black, color.White})
	data := MustGIF(tb, pal)
	data[6], data[7] = byte(w), byte(w>>8)
	data[8], data[9] = byte(h), byte(h>>8)
	return data
}
