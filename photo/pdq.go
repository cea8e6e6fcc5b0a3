package photo

import (
	"image"
	"math"
	"slices"
	"sync"

	"github.com/shadowscan/shadowscan"
)

// PDQ, written from Meta's published description of the algorithm
// (facebook/ThreatExchange, pdq/README.md and hashing.pdf):
//
//  1. luminance Y = 0.299R + 0.587G + 0.114B as floats;
//  2. a tent-filter downsample to 64x64 (Jarosz: two passes of a box
//     filter along rows and columns, each box 1/128 of the side, then
//     sampling at the centres of a 64x64 grid);
//  3. the 2-D DCT of that, keeping the 16x16 lowest frequencies after the
//     constant one;
//  4. bit i*16+j set when coefficient (i, j) is above their median;
//  5. a quality from the sum of the 64x64 image's quantised gradients,
//     0-100: featureless images score low and their hashes are not
//     trusted.
//
// The hashes of the photo's mirror images and quarter turns come from the
// same 16x16 coefficients by transposing and negating alternate rows or
// columns, without touching the pixels.

const (
	pdqSide  = 64 // the downsample PDQ works on
	pdqCoefs = 16 // DCT coefficients kept on each axis
)

// dctMatrix is row i = cos(pi/128 * (i+1) * (2j+1)) * sqrt(2/64), j < 64:
// the DCT-II basis of frequencies 1 to 16 (the constant term is skipped:
// it carries brightness, not picture).
var dctMatrix = func() (d [pdqCoefs][pdqSide]float32) {
	scale := math.Sqrt(2.0 / pdqSide)
	for i := range pdqCoefs {
		for j := range pdqSide {
			d[i][j] = float32(scale * math.Cos(math.Pi/2/pdqSide*float64(i+1)*float64(2*j+1)))
		}
	}
	return d
}()

// reduce reads the rectangle r of img once, a row at a time, and returns
// both reductions the hashes need:
//
//   - the thumb x thumb grey thumbnail pHash and dHash are computed from:
//     each output pixel the mean luma of the source pixels in its cell (one
//     source pixel, repeated, when r is smaller than the thumbnail), rounded;
//   - PDQ's 64x64 downsample at full resolution: the reference's tent filter
//     (two passes of a box 1/128 of the side wide, along rows and columns)
//     sampled at the centres of a 64x64 grid.
//
// For the luma planes of *image.YCbCr and *image.Gray (what JPEG decodes
// to) a row is the plane itself, with no per-pixel call. Each row is
// reduced to its prefix sums, from which come both the thumbnail's cell
// sums and the tent filter at the 64 grid columns; the filter's passes
// down the columns then run over those 64 columns. (The
// passes along one axis commute with those along the other, so this
// equals the reference's rows, columns, rows, columns order.)
func reduce(img image.Image, r image.Rectangle) (*image.Gray, *[pdqSide][pdqSide]float32) {
	w, h := r.Dx(), r.Dy()
	row := lumaRow(img, r)
	c, _ := img.(*cells) // rows repeat: each reduced row is read once
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	line := grow(&sc.line, w) // for types without a luma plane
	// Column ranges of each thumbnail cell, shared by every row.
	var x0s, x1s [thumb]int
	for i := range thumb {
		x0s[i] = i * w / thumb
		x1s[i] = max(x0s[i]+1, (i+1)*w/thumb)
	}
	rowTent := newTent(w)
	pre := grow(&sc.pre, w+1)
	samples := grow(&sc.samples, h) // each row's tent at the 64 grid columns
	next := 0                       // the next row to read
	out := image.NewGray(image.Rect(0, 0, thumb, thumb))
	var sums [thumb]uint64
	for j := range thumb {
		y0 := j * h / thumb
		y1 := max(y0+1, (j+1)*h/thumb)
		clear(sums[:])
		for y := y0; y < y1; y++ {
			if y == next { // rows repeat, consecutively, only when h < thumb
				switch {
				case c == nil:
					rowPrefix(pre, row(r.Min.Y+y, line))
					tentSample(rowTent, pre, &samples[y])
				case y == 0 || (r.Min.Y+y)>>c.shift != (r.Min.Y+y-1)>>c.shift:
					c.prefix(pre, r.Min.Y+y, r)
					tentSample(rowTent, pre, &samples[y])
				default: // the same reduced row as y-1: pre holds it already
					samples[y] = samples[y-1]
				}
				next++
			}
			for i := range thumb {
				sums[i] += uint64(pre[x1s[i]] - pre[x0s[i]])
			}
		}
		for i := range thumb {
			n := uint64((x1s[i] - x0s[i]) * (y1 - y0))
			out.Pix[j*out.Stride+i] = uint8((sums[i] + n/2) / n)
		}
	}
	// The cells cover every row in order, so every row was sampled.
	return out, columnTent(samples, grow(&sc.colPre, h+1))
}

// scratch is the buffers reduce needs, sized by the photo; scans hash
// photos on every core, so they are pooled rather than made per photo.
type scratch struct {
	line    []uint8
	pre     []uint32
	samples [][pdqSide]float32
	colPre  []float64
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// grow returns (*buf)[:n], reallocating *buf when it is too small.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	return (*buf)[:n]
}

// columnTent runs the tent filter down each of the 64 sampled columns and
// samples it at the 64 grid rows; pre is scratch of len(samples)+1.
func columnTent(samples [][pdqSide]float32, pre []float64) *[pdqSide][pdqSide]float32 {
	h := len(samples)
	t := newTent(h)
	var at [pdqSide]float32
	var out [pdqSide][pdqSide]float32
	for j := range pdqSide {
		var s float64
		for y := range h {
			s += float64(samples[y][j])
			pre[y+1] = s
		}
		tentSample(t, pre, &at)
		for i := range pdqSide {
			out[i][j] = at[i]
		}
	}
	return &out
}

// rowPrefix sets pre[i+1] to the sum of the first i+1 lumas of l (pre[0]
// stays 0; a row of at most 12000 lumas sums to under 2^32).
func rowPrefix(pre []uint32, l []uint8) {
	p := pre[1 : len(l)+1]
	var s uint32
	for i, v := range l {
		s += uint32(v)
		p[i] = s
	}
}

// tent is the reference's Jarosz filter along a line of n values: two
// passes of a box of width win = ceil(n/128). Box output k averages the
// inputs from k-(win-half) to k+half-1 that exist, half = (win+2)/2, as
// the reference's four phases do: the window shrinks at the edges rather
// than reading past them.
type tent struct {
	n, win, half int
	inv          []float64 // inv[c] = 1/c for the window sizes that occur
	at           [pdqSide]int
}

func newTent(n int) *tent {
	win := (n + 2*pdqSide - 1) / (2 * pdqSide)
	t := &tent{n: n, win: win, half: (win + 2) / 2, inv: make([]float64, win+1)}
	for c := 1; c <= win; c++ {
		t.inv[c] = 1 / float64(c)
	}
	for j := range pdqSide {
		t.at[j] = (2*j + 1) * n / (2 * pdqSide) // the centre of cell j
	}
	return t
}

// span is the inputs box output k averages: lo to hi, exclusive.
func (t *tent) span(k int) (lo, hi int) {
	return max(0, k-(t.win-t.half)), min(t.n, k+t.half)
}

// tentSample evaluates the filter at the 64 cell centres from the line's
// prefix sums (pre[i] is the sum of the first i values): the first pass
// only where the second reads it.
func tentSample[T uint32 | float64](t *tent, pre []T, out *[pdqSide]float32) {
	back := t.win - t.half // a window reaches back this far and forward half-1
	for j, c := range t.at {
		lo2, hi2 := t.span(c)
		var s float64
		if lo2-back >= 0 && hi2-1+t.half <= t.n { // no window cut short
			for k := lo2; k < hi2; k++ {
				s += float64(pre[k+t.half] - pre[k-back])
			}
			s *= t.inv[t.win]
		} else {
			for k := lo2; k < hi2; k++ {
				lo, hi := t.span(k)
				s += float64(pre[hi]-pre[lo]) * t.inv[hi-lo]
			}
		}
		out[j] = float32(s * t.inv[hi2-lo2])
	}
}

// pdqQuality is the reference's image-domain quality: the sum of the
// 64x64 image's neighbour differences, each scaled to 0-100 and truncated
// (so that only visible steps count), divided by 90 and capped at 100.
func pdqQuality(a *[pdqSide][pdqSide]float32) int {
	sum := 0
	for i := range pdqSide - 1 {
		for j := range pdqSide {
			sum += absInt(int((a[i][j] - a[i+1][j]) * 100 / 255))
		}
	}
	for i := range pdqSide {
		for j := range pdqSide - 1 {
			sum += absInt(int((a[i][j] - a[i][j+1]) * 100 / 255))
		}
	}
	return min(100, sum/90)
}

func absInt(n int) int { return max(n, -n) }

// coefs is the 16x16 DCT block a PDQ hash is cut from.
type coefs [pdqCoefs][pdqCoefs]float32

// dct returns D A Dt for the 16x64 basis D.
func dct(a *[pdqSide][pdqSide]float32) *coefs {
	// Every sum is over k in order, a chain of dependent additions: eight
	// sums at a time, each in the same order (so to the same float32),
	// keep the chains side by side in registers.
	var t [pdqCoefs][pdqSide]float32 // D A
	for i := range pdqCoefs {
		d := &dctMatrix[i]
		for j := 0; j < pdqSide; j += 8 {
			var s0, s1, s2, s3, s4, s5, s6, s7 float32
			for k, dk := range d {
				r := (*[8]float32)(a[k][j : j+8])
				s0 += dk * r[0]
				s1 += dk * r[1]
				s2 += dk * r[2]
				s3 += dk * r[3]
				s4 += dk * r[4]
				s5 += dk * r[5]
				s6 += dk * r[6]
				s7 += dk * r[7]
			}
			t[i][j], t[i][j+1], t[i][j+2], t[i][j+3] = s0, s1, s2, s3
			t[i][j+4], t[i][j+5], t[i][j+6], t[i][j+7] = s4, s5, s6, s7
		}
	}
	var b coefs
	for i := range pdqCoefs {
		ti := &t[i]
		for j := 0; j < pdqCoefs; j += 4 {
			d0, d1, d2, d3 := &dctMatrix[j], &dctMatrix[j+1], &dctMatrix[j+2], &dctMatrix[j+3]
			var s0, s1, s2, s3 float32
			for k, v := range ti {
				s0 += v * d0[k]
				s1 += v * d1[k]
				s2 += v * d2[k]
				s3 += v * d3[k]
			}
			b[i][j], b[i][j+1], b[i][j+2], b[i][j+3] = s0, s1, s2, s3
		}
	}
	return &b
}

// bits thresholds c at its median.
func (c *coefs) bits() shadowscan.PDQ {
	flat := make([]float32, 0, pdqCoefs*pdqCoefs)
	for i := range c {
		flat = append(flat, c[i][:]...)
	}
	sorted := slices.Clone(flat)
	slices.Sort(sorted)
	// The reference's median of 256 values is the 128th smallest.
	median := sorted[len(sorted)/2-1]
	var h shadowscan.PDQ
	for k, v := range flat {
		if v > median {
			h[k/64] |= 1 << (k % 64)
		}
	}
	return h
}

// Dihedral names the eight ways to turn or mirror a photo, in the order
// PDQDihedral returns their hashes.
var Dihedral = [8]string{
	"as is", "rotated 90° anticlockwise", "rotated 180°", "rotated 90° clockwise",
	"mirrored left-right", "mirrored top-bottom",
	"rotated 90° clockwise and mirrored", "rotated 90° anticlockwise and mirrored",
}

// dihedral returns the coefficients of the photo turned or mirrored as
// Dihedral[k] names. Mirroring left to right multiplies frequency u along x
// by (-1)^u; coefficient column j holds u = j+1, so even columns change
// sign. A turn is a transpose plus a mirror.
func (c *coefs) dihedral(k int) *coefs {
	var negRows, negCols, transpose bool
	switch k {
	case 1: // rotate 90° counter-clockwise: transpose, then mirror top-bottom
		transpose, negRows = true, true
	case 2:
		negRows, negCols = true, true
	case 3: // rotate 270°: transpose, then mirror left-right
		transpose, negCols = true, true
	case 4:
		negCols = true
	case 5:
		negRows = true
	case 6:
		transpose = true
	case 7:
		transpose, negRows, negCols = true, true, true
	}
	var out coefs
	for i := range pdqCoefs {
		for j := range pdqCoefs {
			v := c[i][j]
			oi, oj := i, j
			if transpose {
				oi, oj = j, i
			}
			if negRows && oi%2 == 0 {
				v = -v
			}
			if negCols && oj%2 == 0 {
				v = -v
			}
			out[oi][oj] = v
		}
	}
	return &out
}
