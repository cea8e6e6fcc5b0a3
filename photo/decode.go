package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/webp"

	fastjpeg "github.com/shadowscan/shadowscan/photo/internal/jpeg"
)

// Limits bounds what Decode accepts. A zero field takes the value from
// DefaultLimits, so a zero Limits is safe; there is no way to disable a limit.
type Limits struct {
	// MaxBytes is the largest encoded file accepted, in bytes.
	MaxBytes int64
	// MaxPixels is the largest width*height accepted.
	MaxPixels int64
	// MaxWidth and MaxHeight bound each dimension in pixels.
	MaxWidth, MaxHeight int
}

// DefaultLimits are the limits used for catalogue and listing photos:
// 5 MiB, 40 megapixels, 12000x12000.
var DefaultLimits = Limits{
	MaxBytes:  5 << 20,
	MaxPixels: 40_000_000,
	MaxWidth:  12000,
	MaxHeight: 12000,
}

// withDefaults fills zero or negative fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultLimits.MaxPixels
	}
	if l.MaxWidth <= 0 {
		l.MaxWidth = DefaultLimits.MaxWidth
	}
	if l.MaxHeight <= 0 {
		l.MaxHeight = DefaultLimits.MaxHeight
	}
	return l
}

// String describes the limits for error messages, e.g.
// "at most 5242880 bytes and 12000x12000 (40000000 pixels)".
func (l Limits) String() string {
	l = l.withDefaults()
	return fmt.Sprintf("at most %d bytes and %dx%d (%d pixels)", l.MaxBytes, l.MaxWidth, l.MaxHeight, l.MaxPixels)
}

// Errors returned (wrapped) by Decode and HashBytes; test them with errors.Is.
var (
	// ErrUnsupportedFormat means the bytes are not JPEG, PNG, GIF or WebP.
	ErrUnsupportedFormat = errors.New("unsupported image format")
	// ErrTooLarge means the file or its declared dimensions exceed the Limits.
	ErrTooLarge = errors.New("image too large")
	// ErrCorrupt means the bytes claim a supported format but do not decode.
	ErrCorrupt = errors.New("corrupt image")
)

// Accepted names the formats Decode accepts, for error messages.
const Accepted = "JPEG, PNG, GIF or WebP"

// Info describes a decoded image.
type Info struct {
	// Format is "jpeg", "png", "gif" or "webp", sniffed from the bytes.
	Format string
	// Width and Height are the decoded dimensions in pixels.
	Width, Height int
	// SHA256 is the lower-case hex digest of the encoded bytes.
	SHA256 string
}

// codec is one accepted format.
type codec struct {
	name         string
	match        func([]byte) bool
	decodeConfig func(io.Reader) (image.Config, error)
	decode       func(io.Reader) (image.Image, error)
	// scaled means decode may return the picture at a reduced size.
	scaled bool
}

// hashMinSide is the shortest side, in pixels, a JPEG is decoded to for
// hashing: the hashes look at 64x64 reductions of the photo, so a
// 1,024x1,024 listing photo is decoded at 1/4 (256x256) and a
// 2,048x2,048 one at 1/8, each pixel the mean of the cell it stands for,
// straight from the DCT coefficients, and hashed in the photo's own
// geometry (cells). A photo under 1,024 pixels a side is decoded in full:
// 1/2 costs about what the full inverse transform costs, and at 1/2
// (with this bound, or at 1/4 with half of it) a held-out world lost
// photo matches at the threshold (world4 nine, world5 two), the hashes
// moving by a few bits. At 1/4 and more, hashing costs half to a third of
// the full decode's (a 1,200-pixel photo: 3.3 ms against 5-7 ms), and the
// test photos' hashes move by at most 2 bits of pHash and 8 of PDQ
// (TestHashBytesScaledIsNearFull).
var hashMinSide = 4 * thumb

// codecs is the fixed table of accepted formats. It is read-only; tests pass
// their own table to decode.
var codecs = []codec{
	{"jpeg", isJPEG, jpeg.DecodeConfig, jpeg.Decode, false},
	{"png", isPNG, png.DecodeConfig, png.Decode, false},
	{"gif", isGIF, gif.DecodeConfig, gif.Decode, false},
	{"webp", isWebP, webp.DecodeConfig, webp.Decode, false},
}

// lumaBufs are pixel buffers for lumaCodecs, reused across photos: a scan
// hashes photo after photo, each decoded into a buffer of its size.
var lumaBufs = sync.Pool{New: func() any { return new([]byte) }}

// lumaCodecs is codecs with JPEG decoded to its luma only, into *buf
// (grown as needed and kept there for the next photo): what hashing needs,
// since the hashes read luma only and image/jpeg's luma is the Y plane the
// fast decoder (photo/internal/jpeg) fills, bit for bit. An RGB, CMYK or
// YCCK JPEG, whose first channel is not luma, goes to image/jpeg. The
// image lives in *buf: use it before the buffer is reused.
func lumaCodecs(buf *[]byte) []codec {
	out := slices.Clone(codecs)
	out[0].decodeConfig = fastjpeg.DecodeConfig
	out[0].scaled = true
	out[0].decode = func(r io.Reader) (image.Image, error) {
		data, ok := r.(*bytes.Reader)
		if !ok {
			return jpeg.Decode(r)
		}
		start := data.Size() - int64(data.Len())
		img, err := fastjpeg.DecodeLumaScaled(data, *buf, hashMinSide)
		if errors.Is(err, fastjpeg.ErrNotLuma) {
			if _, serr := data.Seek(start, io.SeekStart); serr != nil {
				return nil, serr
			}
			return jpeg.Decode(data)
		}
		if err != nil {
			return nil, err
		}
		if full := img.Pix[:cap(img.Pix)]; cap(full) > cap(*buf) {
			*buf = full[:0] // the decoder grew it: keep the larger one
		}
		return img, nil
	}
	return out
}

func isJPEG(b []byte) bool { return len(b) >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF }
func isPNG(b []byte) bool  { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }
func isGIF(b []byte) bool {
	return bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a"))
}
func isWebP(b []byte) bool {
	return len(b) >= 12 && string(b[0:4]) == "RIFF" && string(b[8:12]) == "WEBP"
}

// Sniff names the format of data: one of the accepted "jpeg", "png", "gif",
// "webp", or a description of what it is instead ("svg", "html", "bmp",
// "tiff", "avif", "heic", "pdf", "empty", or a MIME type).
func Sniff(data []byte) string {
	for _, c := range codecs {
		if c.match(data) {
			return c.name
		}
	}
	return sniffOther(data)
}

// sniffOther names a format that is not accepted, for the error message.
func sniffOther(b []byte) string {
	if len(b) == 0 {
		return "empty"
	}
	switch {
	case bytes.HasPrefix(b, []byte("BM")):
		return "bmp"
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return "tiff"
	case bytes.HasPrefix(b, []byte("\x00\x00\x01\x00")):
		return "ico"
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "pdf"
	case bytes.HasPrefix(b, []byte("\xff\x0a")), bytes.HasPrefix(b, []byte("\x00\x00\x00\x0cJXL ")):
		return "jpeg-xl"
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		brand := string(b[8:12])
		switch brand {
		case "avif", "avis":
			return "avif"
		case "heic", "heix", "hevc", "hevx", "mif1", "msf1":
			return "heic"
		}
		return "iso-bmff (" + strings.TrimSpace(printable(brand)) + ")"
	case len(b) >= 12 && string(b[0:4]) == "RIFF":
		return "riff (" + printable(string(b[8:12])) + ")"
	}
	head := b
	if len(head) > 512 {
		head = head[:512]
	}
	lower := strings.ToLower(strings.TrimLeft(string(head), "\ufeff \t\r\n"))
	switch {
	case strings.Contains(lower, "<svg"):
		return "svg"
	case strings.HasPrefix(lower, "<!doctype html"), strings.HasPrefix(lower, "<html"), strings.Contains(lower, "<head"), strings.Contains(lower, "<body"):
		return "html"
	case strings.HasPrefix(lower, "<?xml"):
		return "xml"
	}
	return http.DetectContentType(head)
}

// printable replaces bytes outside printable ASCII with '?', so a hostile
// file cannot put control characters into an error message.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '?'
		}
		return r
	}, s)
}

// Decode sniffs, checks and decodes data. It refuses files over
// lim.MaxBytes, formats other than JPEG, PNG, GIF and WebP, and images whose
// declared dimensions exceed the limits, in that order and before any pixel
// buffer is allocated. Errors wrap ErrTooLarge, ErrUnsupportedFormat or
// ErrCorrupt. For an animated GIF or WebP only the first frame is decoded.
func Decode(data []byte, lim Limits) (image.Image, Info, error) {
	return decode(data, lim, codecs)
}

func decode(data []byte, lim Limits, table []codec) (img image.Image, info Info, err error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, Info{}, fmt.Errorf("%w: %d bytes is over the limit of %d bytes", ErrTooLarge, len(data), lim.MaxBytes)
	}
	var c *codec
	for i := range table {
		if table[i].match(data) {
			c = &table[i]
			break
		}
	}
	if c == nil {
		return nil, Info{}, fmt.Errorf("%w: detected %s, accepted %s", ErrUnsupportedFormat, sniffOther(data), Accepted)
	}
	info.Format = c.name
	defer func() {
		if r := recover(); r != nil {
			img, info = nil, Info{}
			err = fmt.Errorf("%w: %s decoder panicked: %v", ErrCorrupt, c.name, r)
		}
	}()
	cfg, err := c.decodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, Info{}, fmt.Errorf("%w: %s header: %v", ErrCorrupt, c.name, err)
	}
	if err := checkSize(cfg.Width, cfg.Height, lim); err != nil {
		return nil, Info{}, fmt.Errorf("%s declares %w", c.name, err)
	}
	img, err = c.decode(bytes.NewReader(data))
	if err != nil {
		return nil, Info{}, fmt.Errorf("%w: %s: %v", ErrCorrupt, c.name, err)
	}
	if img == nil {
		return nil, Info{}, fmt.Errorf("%w: %s decoder returned no image", ErrCorrupt, c.name)
	}
	b := img.Bounds()
	if err := checkSize(b.Dx(), b.Dy(), lim); err != nil {
		return nil, Info{}, fmt.Errorf("%s decoded to %w", c.name, err)
	}
	sum := sha256.Sum256(data)
	info.Width, info.Height = b.Dx(), b.Dy()
	if c.scaled {
		// Decoded at a reduced size: the photo's own size is the header's.
		info.Width, info.Height = cfg.Width, cfg.Height
	}
	info.SHA256 = hex.EncodeToString(sum[:])
	return img, info, nil
}

// checkSize refuses empty or over-limit dimensions.
func checkSize(w, h int, lim Limits) error {
	switch {
	case w <= 0 || h <= 0:
		return fmt.Errorf("%w: empty dimensions %dx%d", ErrCorrupt, w, h)
	case w > lim.MaxWidth || h > lim.MaxHeight:
		return fmt.Errorf("%w: %dx%d is over the limit of %dx%d", ErrTooLarge, w, h, lim.MaxWidth, lim.MaxHeight)
	case int64(w)*int64(h) > lim.MaxPixels:
		return fmt.Errorf("%w: %dx%d is %d pixels, over the limit of %d", ErrTooLarge, w, h, int64(w)*int64(h), lim.MaxPixels)
	}
	return nil
}
