package photo

import (
	"errors"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	xdraw "golang.org/x/image/draw"

	"github.com/shadowscan/shadowscan"
)

// naiveDownsample is PDQ's downsample as the description states it, the
// slow way: luma as floats, the four box passes (rows, columns, rows,
// columns) over the whole image, each output k the mean of the inputs
// k-(win-half) to k+half-1 that exist, then the value at the centre of
// each of 64x64 cells.
func naiveDownsample(g *image.Gray) [pdqSide][pdqSide]float64 {
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	a := make([]float64, w*h)
	for i := range a {
		a[i] = float64(g.Pix[(i/w)*g.Stride+i%w])
	}
	box := func(get func(int) float64, set func(int, float64), n int) {
		win := (n + 127) / 128
		half := (win + 2) / 2
		vals := make([]float64, n)
		for k := range n {
			lo, hi := max(0, k-(win-half)), min(n-1, k+half-1)
			s := 0.0
			for i := lo; i <= hi; i++ {
				s += get(i)
			}
			vals[k] = s / float64(hi-lo+1)
		}
		for k, v := range vals {
			set(k, v)
		}
	}
	for range 2 {
		for y := range h {
			box(func(i int) float64 { return a[y*w+i] }, func(i int, v float64) { a[y*w+i] = v }, w)
		}
		for x := range w {
			box(func(i int) float64 { return a[i*w+x] }, func(i int, v float64) { a[i*w+x] = v }, h)
		}
	}
	var out [pdqSide][pdqSide]float64
	for i := range pdqSide {
		for j := range pdqSide {
			out[i][j] = a[int((float64(i)+0.5)*float64(h)/pdqSide)*w+int((float64(j)+0.5)*float64(w)/pdqSide)]
		}
	}
	return out
}

func noise(w, h int, seed uint64) *image.Gray {
	r := rand.New(rand.NewPCG(seed, 1))
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = uint8(r.IntN(256))
	}
	return g
}

// TestDownsampleMatchesTheDescription: the one-pass prefix-sum tent filter
// gives what the four full box passes give, whatever the size (under 64,
// exactly 64, windows of 1 to 6, odd sizes).
func TestDownsampleMatchesTheDescription(t *testing.T) {
	for _, sz := range [][2]int{{5, 7}, {40, 90}, {64, 64}, {129, 97}, {400, 300}, {641, 479}, {700, 130}} {
		g := noise(sz[0], sz[1], uint64(sz[0]))
		_, got := reduce(g, g.Bounds())
		want := naiveDownsample(g)
		for i := range pdqSide {
			for j := range pdqSide {
				if d := math.Abs(float64(got[i][j]) - want[i][j]); d > 1e-3 {
					t.Fatalf("%dx%d: sample (%d,%d) = %v, want %v", sz[0], sz[1], i, j, got[i][j], want[i][j])
				}
			}
		}
	}
}

// TestDCTMatchesTheFormula: coefficient (u, v) is the sum over the 64x64
// image of A[y][x] cos(pi/128 (u+1)(2y+1)) cos(pi/128 (v+1)(2x+1)) * 2/64.
func TestDCTMatchesTheFormula(t *testing.T) {
	g := noise(64, 64, 3)
	var a [pdqSide][pdqSide]float32
	for i := range pdqSide {
		for j := range pdqSide {
			a[i][j] = float32(g.Pix[i*64+j])
		}
	}
	c := dct(&a)
	for _, uv := range [][2]int{{0, 0}, {0, 15}, {15, 0}, {7, 9}, {15, 15}} {
		u, v := uv[0], uv[1]
		want := 0.0
		for y := range pdqSide {
			for x := range pdqSide {
				want += float64(a[y][x]) * math.Cos(math.Pi/128*float64(u+1)*float64(2*y+1)) * math.Cos(math.Pi/128*float64(v+1)*float64(2*x+1))
			}
		}
		want *= 2.0 / 64
		if d := math.Abs(float64(c[u][v]) - want); d > 1e-2 {
			t.Errorf("coefficient (%d,%d) = %v, want %v", u, v, c[u][v], want)
		}
	}
}

// TestPDQBitsAboveTheMedian: exactly the 128 coefficients above the median
// (the 128th smallest) set their bit, bit i*16+j for coefficient (i, j).
func TestPDQBitsAboveTheMedian(t *testing.T) {
	var c coefs
	for i := range pdqCoefs {
		for j := range pdqCoefs {
			c[i][j] = float32((i*16+j)*37%256) - 100 // a permutation of 256 values
		}
	}
	h := c.bits()
	ones := 0
	for k := range 256 {
		set := h[k/64]>>(k%64)&1 == 1
		if set != (c[k/16][k%16] > 27) { // 27 = 127 - 100, the 128th smallest
			t.Fatalf("bit %d = %v for coefficient %v", k, set, c[k/16][k%16])
		}
		if set {
			ones++
		}
	}
	if ones != 128 {
		t.Errorf("%d bits set, want 128", ones)
	}
}

// TestPDQDihedralIsExactOnTheGrid: on a 64x64 photo (no filtering, one
// sample a pixel), turning or mirroring the pixels gives exactly the hash
// that the coefficients' transposes and sign flips predict, for all eight
// symmetries, and the same quality.
func TestPDQDihedralIsExactOnTheGrid(t *testing.T) {
	g := noise(64, 64, 9)
	h0, a, err := hashImage(g)
	if err != nil {
		t.Fatal(err)
	}
	if a.rect != g.Bounds() {
		t.Fatalf("noise was trimmed to %v", a.rect)
	}
	for k := range Dihedral {
		turned := dihedralGrey(g, k)
		h, err := Hash(turned)
		if err != nil {
			t.Fatal(err)
		}
		if want := a.coefs.dihedral(k).bits(); h.PDQ != want {
			t.Errorf("%s: hash of the turned pixels is %d bits from the predicted one", Dihedral[k], h.PDQ.Distance(want))
		}
		if h.PDQQuality != h0.PDQQuality {
			t.Errorf("%s: quality %d, original %d", Dihedral[k], h.PDQQuality, h0.PDQQuality)
		}
	}
}

// TestPDQRobustToEdits: the edits a marketplace makes keep PDQ close, and
// different pictures stay far.
func TestPDQRobustToEdits(t *testing.T) {
	orig := scene(320, 240, 7)
	h0, err := Hash(orig)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		img  image.Image
		max  int
	}{
		{"resize to 50%", resized(orig, 160, 120), 32},
		{"upscale 150%", resized(orig, 480, 360), 24},
		{"jpeg quality 20", MustDecode(t, MustJPEG(t, orig, 20)), 24},
		{"padded to a white square", squared(orig, color.White), 16},
	}
	for _, tc := range cases {
		h, err := Hash(tc.img)
		if err != nil {
			t.Fatal(err)
		}
		d := h0.PDQ.Distance(h.PDQ)
		t.Logf("%s: PDQ distance %d", tc.name, d)
		if d > tc.max {
			t.Errorf("%s: PDQ distance %d > %d", tc.name, d, tc.max)
		}
	}
	// A box of 4-pixel stripes aliases into PDQ's higher frequencies (the
	// tent filter is narrower than pHash's area average); log the figure.
	if h, err := Hash(watermarked(orig, 0.12, 0.06)); err == nil {
		t.Logf("figure: striped logo 12%%x6%%: PDQ distance %d, pHash %d", h0.PDQ.Distance(h.PDQ), Distance(h0.PHash, h.PHash))
	}
	for seed := uint64(100); seed < 110; seed++ {
		h, err := Hash(scene(320, 240, seed))
		if err != nil {
			t.Fatal(err)
		}
		if d := h0.PDQ.Distance(h.PDQ); d < 70 {
			t.Errorf("different picture (seed %d) at PDQ distance %d, want 70 or more", seed, d)
		}
	}
}

// TestPDQQualityOfFeaturelessImages: an image with detail scores high; a
// faint gradient (detail enough to hash, nothing to tell it apart by) scores
// under Meta's cut of 50; a flat one is refused outright.
func TestPDQQualityOfFeaturelessImages(t *testing.T) {
	busy, err := Hash(scene(320, 240, 3))
	if err != nil {
		t.Fatal(err)
	}
	if busy.PDQQuality < 50 {
		t.Errorf("product scene quality %d, want 50 or more", busy.PDQQuality)
	}
	faint := image.NewGray(image.Rect(0, 0, 300, 300))
	for y := range 300 {
		for x := range 300 {
			faint.Pix[y*faint.Stride+x] = uint8(100 + x/20)
		}
	}
	h, err := Hash(faint)
	if err != nil {
		t.Fatal(err)
	}
	if h.PDQQuality >= 50 {
		t.Errorf("faint gradient quality %d, want under 50", h.PDQQuality)
	}
	flat := image.NewGray(image.Rect(0, 0, 200, 100))
	for i := range flat.Pix {
		flat.Pix[i] = 90
	}
	if _, err := Hash(flat); !errors.Is(err, ErrFlat) {
		t.Errorf("a flat image: err = %v, want ErrFlat", err)
	}
}

// TestHashOfficialVariants: an official photo's variants are its turns,
// mirror images and crops, each named; a listing copy that is mirrored,
// turned or cropped is near one of them (and far from the photo itself).
func TestHashOfficialVariants(t *testing.T) {
	orig := scene(400, 300, 21)
	h, err := HashOfficial(MustPNG(t, orig), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(h.Variants); n < len(Dihedral)-1+len(officialCrops) {
		t.Fatalf("%d variants, want at least %d", n, len(Dihedral)-1+len(officialCrops))
	}
	var kinds []string
	for _, v := range h.Variants {
		if v.Kind == "" || slices.Contains(kinds, v.Kind) || v.PDQ.IsZero() || v.PHash == 0 {
			t.Errorf("variant %+v: empty, unnamed or named twice", v)
		}
		kinds = append(kinds, v.Kind)
	}
	mirrored := image.NewRGBA(orig.Bounds())
	for y := range 300 {
		for x := range 400 {
			mirrored.Set(399-x, y, orig.At(x, y))
		}
	}
	cropped := orig.SubImage(image.Rect(40, 30, 400, 300))
	turned := image.NewRGBA(image.Rect(0, 0, 300, 400))
	for y := range 300 {
		for x := range 400 {
			turned.Set(y, 399-x, orig.At(x, y)) // 90° anticlockwise
		}
	}
	for _, tc := range []struct {
		name, kind string
		img        image.Image
	}{
		{"mirrored", "mirrored left-right", mirrored},
		{"rotated", "rotated 90° anticlockwise", turned},
		{"cropped 10% at top left", "cropped to 90 % at bottom right", cropped},
	} {
		l, err := HashBytes(MustJPEG(t, tc.img, 85), DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		v := h.Variants[slices.Index(kinds, tc.kind)]
		t.Logf("%s: PDQ %d bits from the photo, %d from its %q variant; pHash %d from it",
			tc.name, l.PDQ.Distance(h.PDQ), l.PDQ.Distance(v.PDQ), tc.kind, Distance(l.PHash, v.PHash))
		if d := l.PDQ.Distance(v.PDQ); d > 48 {
			t.Errorf("%s: PDQ %d bits from its variant, want 48 or less", tc.name, d)
		}
		if d := Distance(l.PHash, v.PHash); d > 10 {
			t.Errorf("%s: pHash %d bits from its variant, want 10 or less", tc.name, d)
		}
		if d := MinDistance(l.PDQ, h); d != min(d, l.PDQ.Distance(v.PDQ)) {
			t.Errorf("%s: MinDistance %d is not the smallest", tc.name, d)
		}
	}
}

// TestHashOfficialTrimsAsOnACanvas: a photo whose own left edge is white
// loses that edge when a listing puts it on a white canvas; the official
// photo's "trimmed as on a white canvas" variant is that trim.
func TestHashOfficialTrimsAsOnACanvas(t *testing.T) {
	pic := scene(300, 300, 5)
	half := image.NewRGBA(pic.Bounds())
	xdraw.Draw(half, half.Bounds(), pic, image.Point{}, xdraw.Src)
	xdraw.Draw(half, image.Rect(0, 0, 100, 300), image.White, image.Point{}, xdraw.Src)
	h, err := HashOfficial(MustPNG(t, half), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	k := slices.IndexFunc(h.Variants, func(v shadowscan.ImageVariant) bool { return v.Kind == "trimmed as on a white canvas" })
	if k < 0 {
		t.Fatal("no white-canvas trim among the variants")
	}
	l, err := HashBytes(MustPNG(t, squared(bordered(half, 0.05), color.White)), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if d := l.PDQ.Distance(h.Variants[k].PDQ); d > 16 {
		t.Errorf("canvas copy: PDQ %d bits from the trimmed variant (%d from the photo)", d, l.PDQ.Distance(h.PDQ))
	}
}
