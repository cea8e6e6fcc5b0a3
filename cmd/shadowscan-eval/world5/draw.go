package world5

import (
	"image"
	"image/color"
	"math"
	"strings"
)

// A tiny 5x7 bitmap font, enough for brand marks, line names and watermarks.
var glyphs = map[rune][7]string{
	'A': {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"},
	'B': {"####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."},
	'C': {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."},
	'D': {"####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."},
	'E': {"#####", "#....", "#....", "####.", "#....", "#....", "#####"},
	'F': {"#####", "#....", "#....", "####.", "#....", "#....", "#...."},
	'G': {".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"},
	'H': {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"},
	'I': {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."},
	'J': {"..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."},
	'K': {"#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"},
	'L': {"#....", "#....", "#....", "#....", "#....", "#....", "#####"},
	'M': {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"},
	'N': {"#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"},
	'O': {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."},
	'P': {"####.", "#...#", "#...#", "####.", "#....", "#....", "#...."},
	'Q': {".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"},
	'R': {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"},
	'S': {".####", "#....", "#....", ".###.", "....#", "....#", "####."},
	'T': {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."},
	'U': {"#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."},
	'V': {"#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."},
	'W': {"#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."},
	'X': {"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"},
	'Y': {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."},
	'Z': {"#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"},
	'0': {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."},
	'1': {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."},
	'2': {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"},
	'3': {"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."},
	'4': {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."},
	'5': {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."},
	'6': {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."},
	'7': {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."},
	'8': {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."},
	'9': {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."},
	':': {".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."},
	'-': {".....", ".....", ".....", "#####", ".....", ".....", "....."},
	'+': {".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."},
	'.': {".....", ".....", ".....", ".....", ".....", ".##..", ".##.."},
	'/': {"....#", "...#.", "...#.", "..#..", ".#...", ".#...", "#...."},
	'!': {"..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."},
	'?': {".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."},
	'%': {"##..#", "##..#", "...#.", "..#..", ".#...", "#..##", "#..##"},
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

var (
	white = rgb(255, 255, 255)
	black = rgb(20, 20, 20)
)

func newImage(w, h int, bg color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = bg.R, bg.G, bg.B, 255
	}
	return img
}

func blendPix(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	if !(image.Point{x, y}.In(img.Rect)) {
		return
	}
	i := img.PixOffset(x, y)
	if a >= 1 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2] = c.R, c.G, c.B
		return
	}
	img.Pix[i] = uint8(float64(img.Pix[i])*(1-a) + float64(c.R)*a)
	img.Pix[i+1] = uint8(float64(img.Pix[i+1])*(1-a) + float64(c.G)*a)
	img.Pix[i+2] = uint8(float64(img.Pix[i+2])*(1-a) + float64(c.B)*a)
}

func shade(c color.RGBA, f float64) color.RGBA {
	cl := func(v float64) uint8 {
		if v < 0 {
			return 0
		}
		if v > 255 {
			return 255
		}
		return uint8(v)
	}
	if f >= 1 {
		// lighten towards white
		t := f - 1
		return color.RGBA{cl(float64(c.R) + (255-float64(c.R))*t), cl(float64(c.G) + (255-float64(c.G))*t), cl(float64(c.B) + (255-float64(c.B))*t), 255}
	}
	return color.RGBA{cl(float64(c.R) * f), cl(float64(c.G) * f), cl(float64(c.B) * f), 255}
}

// fillRect fills [x0,x1)x[y0,y1); shaded bodies get a soft cylinder light.
func fillRect(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			blendPix(img, x, y, c, 1)
		}
	}
}

func cylShade(c color.RGBA, x, x0, x1 int) color.RGBA {
	if x1 <= x0 {
		return c
	}
	t := float64(x-x0)/float64(x1-x0)*2 - 1 // -1..1
	f := 1.0 - 0.22*t*t
	if t < -0.3 && t > -0.6 {
		f = 1.12
	}
	return shade(c, f)
}

func fillRoundRect(img *image.RGBA, x0, y0, x1, y1, r int, c color.RGBA, cyl bool) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			dx, dy := 0, 0
			if x < x0+r {
				dx = x0 + r - x
			} else if x >= x1-r {
				dx = x - (x1 - r - 1)
			}
			if y < y0+r {
				dy = y0 + r - y
			} else if y >= y1-r {
				dy = y - (y1 - r - 1)
			}
			if dx*dx+dy*dy > r*r {
				continue
			}
			cc := c
			if cyl {
				cc = cylShade(c, x, x0, x1)
			}
			blendPix(img, x, y, cc, 1)
		}
	}
}

func fillEllipse(img *image.RGBA, cx, cy, rx, ry float64, c color.RGBA, a float64) {
	for y := int(cy - ry); y <= int(cy+ry); y++ {
		for x := int(cx - rx); x <= int(cx+rx); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			if dx*dx+dy*dy <= 1 {
				blendPix(img, x, y, c, a)
			}
		}
	}
}

func ringEllipse(img *image.RGBA, cx, cy, rx, ry, th float64, c color.RGBA) {
	for y := int(cy - ry); y <= int(cy+ry); y++ {
		for x := int(cx - rx); x <= int(cx+rx); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			d := dx*dx + dy*dy
			ix, iy := (float64(x)-cx)/(rx-th), (float64(y)-cy)/(ry-th)
			if d <= 1 && ix*ix+iy*iy >= 1 {
				blendPix(img, x, y, c, 1)
			}
		}
	}
}

type pt struct{ x, y float64 }

// fillPoly fills a simple polygon by scanlines (even-odd).
func fillPoly(img *image.RGBA, pts []pt, c color.RGBA) {
	minY, maxY := pts[0].y, pts[0].y
	for _, p := range pts {
		minY = math.Min(minY, p.y)
		maxY = math.Max(maxY, p.y)
	}
	for y := int(minY); y <= int(maxY); y++ {
		fy := float64(y) + 0.5
		var xs []float64
		for i := range pts {
			a, b := pts[i], pts[(i+1)%len(pts)]
			if (a.y <= fy && b.y > fy) || (b.y <= fy && a.y > fy) {
				xs = append(xs, a.x+(fy-a.y)/(b.y-a.y)*(b.x-a.x))
			}
		}
		for i := 0; i+1 < len(xs); i += 2 {
			lo, hi := math.Min(xs[i], xs[i+1]), math.Max(xs[i], xs[i+1])
			if len(xs) > 2 {
				// sort pairs for non-convex shapes
				sortFloats(xs)
				lo, hi = xs[i], xs[i+1]
			}
			for x := int(lo); x < int(hi); x++ {
				blendPix(img, x, y, c, 1)
			}
		}
	}
}

func sortFloats(a []float64) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func textWidth(s string, scale int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return n*6*scale - scale
}

// drawText draws s with its top-left at (x,y); alpha < 1 blends.
func drawText(img *image.RGBA, x, y int, s string, scale int, c color.RGBA, a float64) {
	cx := x
	for _, r := range strings.ToUpper(s) {
		g, ok := glyphs[r]
		if ok {
			for row := 0; row < 7; row++ {
				for col := 0; col < 5; col++ {
					if g[row][col] != '#' {
						continue
					}
					for dy := 0; dy < scale; dy++ {
						for dx := 0; dx < scale; dx++ {
							blendPix(img, cx+col*scale+dx, y+row*scale+dy, c, a)
						}
					}
				}
			}
		}
		cx += 6 * scale
	}
}

// drawTextCentered fits s into width w around centre cx, at most maxScale.
func drawTextCentered(img *image.RGBA, cx, y, w int, s string, maxScale int, c color.RGBA) int {
	sc := maxScale
	for sc > 1 && textWidth(s, sc) > w {
		sc--
	}
	drawText(img, cx-textWidth(s, sc)/2, y, s, sc, c, 1)
	return 7 * sc
}

// resize scales src bilinearly to w x h.
func resize(src *image.RGBA, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	for y := 0; y < h; y++ {
		fy := (float64(y)+0.5)*float64(sh)/float64(h) - 0.5
		y0 := int(math.Floor(fy))
		ty := fy - float64(y0)
		for x := 0; x < w; x++ {
			fx := (float64(x)+0.5)*float64(sw)/float64(w) - 0.5
			x0 := int(math.Floor(fx))
			tx := fx - float64(x0)
			var acc [3]float64
			for k := 0; k < 4; k++ {
				xx, yy := x0+k%2, y0+k/2
				wx, wy := 1-tx, 1-ty
				if k%2 == 1 {
					wx = tx
				}
				if k/2 == 1 {
					wy = ty
				}
				xx = clampInt(xx, 0, sw-1)
				yy = clampInt(yy, 0, sh-1)
				i := src.PixOffset(src.Rect.Min.X+xx, src.Rect.Min.Y+yy)
				for ch := 0; ch < 3; ch++ {
					acc[ch] += float64(src.Pix[i+ch]) * wx * wy
				}
			}
			j := dst.PixOffset(x, y)
			dst.Pix[j], dst.Pix[j+1], dst.Pix[j+2], dst.Pix[j+3] = uint8(acc[0]+0.5), uint8(acc[1]+0.5), uint8(acc[2]+0.5), 255
		}
	}
	return dst
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// paste copies src onto dst with its top-left at (x,y).
func paste(dst, src *image.RGBA, x, y int) {
	for yy := 0; yy < src.Rect.Dy(); yy++ {
		for xx := 0; xx < src.Rect.Dx(); xx++ {
			i := src.PixOffset(src.Rect.Min.X+xx, src.Rect.Min.Y+yy)
			blendPix(dst, x+xx, y+yy, color.RGBA{src.Pix[i], src.Pix[i+1], src.Pix[i+2], 255}, 1)
		}
	}
}

func cropImg(src *image.RGBA, l, t, r, b int) *image.RGBA {
	w, h := src.Rect.Dx()-l-r, src.Rect.Dy()-t-b
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		copy(dst.Pix[y*dst.Stride:y*dst.Stride+w*4], src.Pix[(y+t)*src.Stride+l*4:(y+t)*src.Stride+(l+w)*4])
	}
	return dst
}

func flipH(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			copy(dst.Pix[dst.PixOffset(x, y):dst.PixOffset(x, y)+4], src.Pix[src.PixOffset(w-1-x, y):src.PixOffset(w-1-x, y)+4])
		}
	}
	return dst
}

// colourShift multiplies channels (a cheap white-balance / hue drift).
func colourShift(img *image.RGBA, fr, fg, fb float64) {
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i] = clamp8(float64(img.Pix[i]) * fr)
		img.Pix[i+1] = clamp8(float64(img.Pix[i+1]) * fg)
		img.Pix[i+2] = clamp8(float64(img.Pix[i+2]) * fb)
	}
}

func clamp8(v float64) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}

func brightness(img *image.RGBA, add float64) {
	for i := 0; i < len(img.Pix); i += 4 {
		for c := 0; c < 3; c++ {
			img.Pix[i+c] = clamp8(float64(img.Pix[i+c]) + add)
		}
	}
}
