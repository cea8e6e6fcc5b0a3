package photo

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"math/bits"

	"github.com/corona10/goimagehash"

	"github.com/shadowscan/shadowscan"
)

// HashVersion numbers the way HashBytes hashes a photo. It changes with
// every change that moves some photo's hashes, so that hashes kept from
// an earlier version (the store keeps listing photos' hashes by their
// bytes, for the next scan) are not taken for this version's. Version 2
// decodes large JPEGs at a reduced size (hashMinSide).
const HashVersion = 2

// Hashes is everything shadowscan keeps about one photo.
type Hashes struct {
	// SHA256 is the lower-case hex digest of the encoded bytes.
	SHA256 string
	// PHash is the 64-bit DCT perceptual hash; DHash the 64-bit difference hash.
	PHash, DHash uint64
	// PDQ is the 256-bit PDQ hash and PDQQuality its quality, 0-100 (Meta
	// distrusts hashes under 50: too little detail to tell photos apart).
	PDQ        shadowscan.PDQ
	PDQQuality int
	// Variants are the forms an official photo may also take on a listing
	// (see HashOfficial); empty for a listing photo.
	Variants []shadowscan.ImageVariant
	// Width and Height are the decoded dimensions in pixels.
	Width, Height int
	// Format is "jpeg", "png", "gif" or "webp".
	Format string
}

// ErrFlat means an image is (nearly) one flat colour: its hashes would be
// all zeros and match every other flat image, so it is refused rather than
// hashed. A blank photo is no evidence of anything.
var ErrFlat = errors.New("image is a single flat colour with no detail to hash")

// minDetail is the smallest standard deviation of grey levels (0-255) of the
// 64x64 thumbnail that Hash accepts. JPEG noise on a flat colour stays well
// under it; any real photo is far above it.
const minDetail = 2.0

// thumb is the side of the grey thumbnail the hashes are computed from; it
// is the size goimagehash's pHash resizes to anyway.
const thumb = 64

// Hash returns the hashes of img: the 64-bit perceptual (DCT) hash and
// difference hash computed by goimagehash's PerceptionHash and
// DifferenceHash, and the 256-bit PDQ hash with its quality. The file
// fields (SHA256, Format, Width, Height) are left empty.
//
// A uniform margin (white, light grey or black around the picture, as
// marketplaces add to make photos square) is trimmed first. The rest is
// read once, a row at a time, into the two reductions the hashes look at:
// a 64x64 grey thumbnail by area averaging (luma 0.299R+0.587G+0.114B, as
// goimagehash uses) for pHash and dHash, and PDQ's tent-filtered 64x64
// downsample. That costs a few milliseconds even for a large photo and
// never resamples a full-size colour image. Transparent pixels are
// composited onto white, so a product cut out on a transparent background
// hashes like the same product on white, the way marketplaces show it. A
// flat image is refused with ErrFlat.
func Hash(img image.Image) (Hashes, error) {
	h, _, err := hashImage(img)
	return h, err
}

// analysis is what HashOfficial derives an official photo's variants
// from: the trimmed rectangle, its thumbnail and its PDQ coefficients.
type analysis struct {
	rect  image.Rectangle
	thumb *image.Gray
	coefs *coefs
}

// hashImage is Hash, also returning its analysis.
func hashImage(img image.Image) (h Hashes, a analysis, err error) {
	if img == nil {
		return Hashes{}, a, errors.New("hash: nil image")
	}
	b := img.Bounds()
	if b.Empty() {
		return Hashes{}, a, fmt.Errorf("hash: empty image %v", b)
	}
	// Buffers are sized by the image's width and height: hold any image to
	// the limits Decode applies by default.
	if err := checkSize(b.Dx(), b.Dy(), DefaultLimits); err != nil {
		return Hashes{}, a, fmt.Errorf("hash: %w", err)
	}
	defer func() {
		if r := recover(); r != nil {
			h, a, err = Hashes{}, analysis{}, fmt.Errorf("hash: %v", r)
		}
	}()
	a.rect = contentBounds(img)
	var down *[pdqSide][pdqSide]float32
	a.thumb, down = reduce(img, a.rect)
	if sd := deviation(a.thumb); sd < minDetail {
		return Hashes{}, analysis{}, fmt.Errorf("%w (grey-level deviation %.2f, need %.0f)", ErrFlat, sd, minDetail)
	}
	if h.PHash, h.DHash, err = thumbHashes(a.thumb); err != nil {
		return Hashes{}, analysis{}, err
	}
	a.coefs = dct(down)
	h.PDQ, h.PDQQuality = a.coefs.bits(), pdqQuality(down)
	return h, a, nil
}

// thumbHashes returns goimagehash's pHash (as perceptionHash computes it)
// and dHash of the grey thumbnail.
func thumbHashes(g *image.Gray) (phash, dhash uint64, err error) {
	if g.Rect != image.Rect(0, 0, thumb, thumb) {
		return 0, 0, fmt.Errorf("perception hash: thumbnail %v, want %dx%d", g.Rect, thumb, thumb)
	}
	d, err := goimagehash.DifferenceHash(g)
	if err != nil {
		return 0, 0, fmt.Errorf("difference hash: %w", err)
	}
	return perceptionHash(g), d.GetHash(), nil
}

// Border trimming: a margin is trimmed when all four corners are near
// white, light grey or black and whole rows or columns stay close to that
// colour. Marketplaces pad product photos onto white squares and shops
// frame them in white or light grey; without trimming, a padded copy of a
// photo is 20-30 bits of pHash (and most of PDQ) away from the original.
// Margins of other colours are not trimmed: a mid-tone margin is as often
// a flat floor or wall of the photo itself, which a heavily re-encoded
// copy no longer shows as flat, and trimming it in one and not the other
// puts them far apart (measured: a dark floor strip of a demo photo,
// trimmed in the original and not in its JPEG q10 copy, put them 102 bits
// of PDQ apart). Nor do smooth vignettes get trimmed.
const (
	whiteMin   = 192 // a margin at least this light is padding (white, studio grey)
	blackMax   = 24  // a margin at most this dark is padding
	cornerTol  = 12  // corners within this luma of each other are one margin colour
	meanTol    = 6   // a row whose mean luma is further than this from the margin's is content
	outlierTol = 64  // a sample this far from the margin colour is content (not JPEG or dither noise)
	outlierDiv = 50  // ... when more than 1/outlierDiv of the row's samples are
	borderGrid = 256 // rows and columns sampled when looking for the margin
	minContent = 8   // trim only if at least 1/minContent of each side remains
	trimRounds = 2   // nested margins (white around black) trimmed at most
)

// contentBounds returns the part of img inside uniform margins, or its
// whole bounds when there is no margin to trim.
func contentBounds(img image.Image) image.Rectangle {
	full := img.Bounds()
	luma := newLumaAt(img)
	r := full
	for range trimRounds {
		next := trimOnce(luma, r)
		if next == r || next.Dx()*minContent < full.Dx() || next.Dy()*minContent < full.Dy() {
			break
		}
		r = next
	}
	return r
}

// trimOnce removes one uniform margin from r.
func trimOnce(l *lumaAt, b image.Rectangle) image.Rectangle {
	w, h := b.Dx(), b.Dy()
	if w < 16 || h < 16 {
		return b
	}
	// Each corner is the mean of a square patch of 2% of the shorter side
	// (sampled 8x8 at most), so JPEG noise and GIF dithering do not hide a
	// uniform margin and a thumbnail is judged like its original.
	side := max(3, min(w, h)/50)
	pstep := max(1, side/8)
	patch := func(x, y int) int {
		sum, n := 0, 0
		for dy := 0; dy < side; dy += pstep {
			for dx := 0; dx < side; dx += pstep {
				sum += int(l.at(x+dx, y+dy))
				n++
			}
		}
		return sum / n
	}
	corners := [4]int{
		patch(b.Min.X, b.Min.Y), patch(b.Max.X-side, b.Min.Y),
		patch(b.Min.X, b.Max.Y-side), patch(b.Max.X-side, b.Max.Y-side),
	}
	bg := (corners[0] + corners[1] + corners[2] + corners[3]) / 4
	for _, c := range corners {
		if abs(c-bg) > cornerTol {
			return b // no uniform margin
		}
	}
	if bg < whiteMin && bg > blackMax {
		return b // a mid-tone margin is part of the picture
	}
	stepX, stepY := max(1, w/borderGrid), max(1, h/borderGrid)
	// isContent judges the samples of one row or column: content when its
	// mean luma moves away from the margin's (signed, so that dithering
	// around the margin colour cancels out) or when enough samples are far
	// from it.
	isContent := func(x, y, dx, dy, n int) bool {
		sum, outliers := 0, 0
		for i := 0; i < n; i++ {
			d := int(l.at(x+i*dx, y+i*dy)) - bg
			sum += d
			if abs(d) > outlierTol {
				outliers++
			}
		}
		return abs(sum) > meanTol*n || outliers*outlierDiv > n
	}
	nx, ny := (w+stepX-1)/stepX, (h+stepY-1)/stepY
	row := func(y int) bool { return isContent(b.Min.X, y, stepX, 0, nx) }
	col := func(x int) bool { return isContent(x, b.Min.Y, 0, stepY, ny) }
	top, bottom := b.Min.Y, b.Max.Y-1
	for top <= bottom && !row(top) {
		top += stepY
	}
	for bottom >= top && !row(bottom) {
		bottom -= stepY
	}
	left, right := b.Min.X, b.Max.X-1
	for left <= right && !col(left) {
		left += stepX
	}
	for right >= left && !col(right) {
		right -= stepX
	}
	if top > bottom || left > right {
		return b // all margin: a flat image, refused later
	}
	return image.Rect(left, top, right+1, bottom+1).Intersect(b)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// lumaRow returns a function giving the lumas of row y of img across b
// (b.Dx() values, b within img's bounds). For *image.YCbCr and
// *image.Gray it returns a slice of the image's own plane; for other types
// it fills and returns buf, which must hold b.Dx() values.
func lumaRow(img image.Image, b image.Rectangle) func(y int, buf []uint8) []uint8 {
	w := b.Dx()
	switch m := img.(type) {
	case *image.YCbCr:
		return func(y int, _ []uint8) []uint8 {
			i := m.YOffset(b.Min.X, y)
			return m.Y[i : i+w : i+w]
		}
	case *image.Gray:
		return func(y int, _ []uint8) []uint8 {
			i := m.PixOffset(b.Min.X, y)
			return m.Pix[i : i+w : i+w]
		}
	case *cells:
		return m.row(b)
	}
	luma := lumaFunc(img)
	return func(y int, buf []uint8) []uint8 {
		buf = buf[:w]
		for x := range buf {
			buf[x] = luma(b.Min.X+x, y)
		}
		return buf
	}
}

// lumaAt gives the lumas of an image, from its luma plane when it has one
// (a gray or YCbCr image: read where the trimming samples, without a call
// through a function value per pixel), else through lumaFunc.
type lumaAt struct {
	pix            []uint8
	stride, x0, y0 int
	shift          uint // cells: each pixel of pix stands for 2^shift x 2^shift
	f              func(x, y int) uint8
}

func newLumaAt(img image.Image) *lumaAt {
	switch m := img.(type) {
	case *image.Gray:
		return &lumaAt{pix: m.Pix, stride: m.Stride, x0: m.Rect.Min.X, y0: m.Rect.Min.Y}
	case *image.YCbCr:
		return &lumaAt{pix: m.Y, stride: m.YStride, x0: m.Rect.Min.X, y0: m.Rect.Min.Y}
	case *cells:
		return &lumaAt{pix: m.g.Pix, stride: m.g.Stride, shift: m.shift}
	}
	return &lumaAt{f: lumaFunc(img)}
}

// at is the luma of the pixel at (x, y), within the image's bounds.
func (l *lumaAt) at(x, y int) uint8 {
	if l.f != nil {
		return l.f(x, y)
	}
	return l.pix[((y-l.y0)>>l.shift)*l.stride+(x-l.x0)>>l.shift]
}

// lumaFunc returns a function giving the 0-255 luma of the pixel at (x, y),
// with any transparency composited onto white.
func lumaFunc(img image.Image) func(x, y int) uint8 {
	switch m := img.(type) {
	case *image.YCbCr:
		return func(x, y int) uint8 { return m.Y[m.YOffset(x, y)] }
	case *image.Gray:
		return func(x, y int) uint8 { return m.Pix[m.PixOffset(x, y)] }
	case *image.RGBA:
		return func(x, y int) uint8 {
			p := m.Pix[m.PixOffset(x, y):]
			white := 255 - uint32(p[3]) // premultiplied: add the white showing through
			return lumaOf(uint32(p[0])+white, uint32(p[1])+white, uint32(p[2])+white)
		}
	case *image.NRGBA:
		return func(x, y int) uint8 {
			p := m.Pix[m.PixOffset(x, y):]
			a := uint32(p[3])
			white := 255 - a
			return lumaOf(uint32(p[0])*a/255+white, uint32(p[1])*a/255+white, uint32(p[2])*a/255+white)
		}
	case *image.Paletted:
		lut := make([]uint8, len(m.Palette))
		for i, c := range m.Palette {
			lut[i] = lumaOfColor(c)
		}
		return func(x, y int) uint8 {
			idx := m.Pix[m.PixOffset(x, y)]
			if int(idx) >= len(lut) {
				return 0 // out-of-palette index: decoders normally refuse these
			}
			return lut[idx]
		}
	}
	return func(x, y int) uint8 { return lumaOfColor(img.At(x, y)) }
}

// lumaOfColor composites c onto white and returns its 0-255 luma.
func lumaOfColor(c color.Color) uint8 {
	r, g, b, a := c.RGBA() // premultiplied, 16-bit
	white := 0xffff - a
	return lumaOf((r+white)>>8, (g+white)>>8, (b+white)>>8)
}

// lumaOf is ITU-R BT.601 luma of 8-bit components, rounded.
func lumaOf(r, g, b uint32) uint8 {
	return uint8((299*r + 587*g + 114*b + 500) / 1000)
}

// deviation is the standard deviation of g's grey levels.
func deviation(g *image.Gray) float64 {
	var sum, sumSq float64
	for _, v := range g.Pix {
		f := float64(v)
		sum += f
		sumSq += f * f
	}
	n := float64(len(g.Pix))
	mean := sum / n
	return math.Sqrt(max(0, sumSq/n-mean*mean))
}

// Distance is the Hamming distance between two 64-bit hashes: 0 for the
// same picture, about 32 for unrelated pictures.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// HashBytes decodes data within lim and hashes it. Errors are those of
// Decode and Hash.
func HashBytes(data []byte, lim Limits) (Hashes, error) {
	buf := lumaBufs.Get().(*[]byte)
	defer lumaBufs.Put(buf)
	img, info, err := decode(data, lim, lumaCodecs(buf))
	if err != nil {
		return Hashes{}, err
	}
	if g, ok := img.(*image.Gray); ok && g.Rect.Dx() < info.Width {
		img = asCells(g, info.Width, info.Height) // decoded at a reduced size
	}
	h, err := Hash(img)
	if err != nil {
		return Hashes{}, fmt.Errorf("%s %dx%d: %w", info.Format, info.Width, info.Height, err)
	}
	h.SHA256, h.Width, h.Height, h.Format = info.SHA256, info.Width, info.Height, info.Format
	return h, nil
}
