package world5

import (
	"image"
	"image/color"
	"math/rand/v2"
	"net/http"
	"sync"
)

func renderRGBA(s *imgSpec) *image.RGBA {
	r := rand.New(rand.NewPCG(s.seed, 99))
	var p *product
	if s.sku != "" {
		p = bySKU(s.sku)
	}
	switch s.kind {
	case ikOfficial:
		return studioShot(p.lk)
	case ikZoom:
		base := studioShot(p.lk)
		return resize(cropImg(base, 90, 140, 90, 40), 480, 480)
	case ikGroup:
		img := newImage(480, 480, rgb(246, 246, 248))
		pack := drawPack(p.lk, 0.55)
		for k, x := range []int{-10, 110, 230} {
			composite(img, pack, x, 150-20*(k%2))
		}
		return img
	case ikEdited:
		base := studioShot(p.lk)
		cw := int(s.crop * 480)
		l := r.IntN(cw + 1)
		t := r.IntN(cw + 1)
		base = resize(cropImg(base, l, t, cw-l, cw-t), 480, 480)
		if s.flip {
			base = flipH(base)
		}
		switch s.shift {
		case 1:
			colourShift(base, 1.08, 1.0, 0.88)
		case 2:
			colourShift(base, 0.9, 1.0, 1.1)
		case 3:
			brightness(base, 18)
		}
		if s.canvas {
			c := newImage(640, 640, white)
			paste(c, resize(base, 430, 430), 105+r.IntN(20), 80+r.IntN(40))
			base = c
		}
		if s.border > 0 {
			c := newImage(480+2*s.border, 480+2*s.border, s.borderC)
			paste(c, base, s.border, s.border)
			base = c
		}
		if s.wm != "" {
			watermark(base, s.wm, s.tile, []color.RGBA{rgb(200, 30, 30), rgb(120, 120, 120), rgb(30, 30, 200)}[r.IntN(3)])
		}
		return base
	case ikScene:
		lk := s.lk
		if p != nil {
			lk = p.lk
		}
		if s.dev {
			// home-made packaging: colours and label slightly off
			lk.label = shade(lk.label, 0.9)
			lk.cap = shade(lk.cap, 1.15)
			lk.body = shade(lk.body, 0.95)
			lk.stripes = (lk.stripes + 1) % 3
		}
		if s.scratch {
			// close-up of the pack with the code area scratched off the label
			img := newImage(480, 480, []color.RGBA{rgb(210, 205, 198), rgb(196, 160, 120), rgb(235, 228, 215)}[r.IntN(3)])
			composite(img, drawPack(lk, 1), r.IntN(30)-15, 0)
			scratchCode(img, r)
			return img
		}
		return sceneShot(lk, r, s.n)
	default:
		return studioShot(s.lk)
	}
}

type imgCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (c *imgCache) get(key string, f func() []byte) []byte {
	c.mu.Lock()
	b, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return b
	}
	b = f()
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string][]byte{}
	}
	c.m[key] = b
	c.mu.Unlock()
	return b
}

var sharedImgs imgCache

// serveImage writes the image registered at path (thumb: a 40 px thumbnail).
func serveImage(w http.ResponseWriter, wd *world, path string, thumb bool) bool {
	s := wd.imgs[path]
	if s == nil {
		return false
	}
	key := path
	if thumb {
		key += "#thumb"
	}
	b := sharedImgs.get(key, func() []byte {
		if s.kind == ikOfficial && s.q >= 92 && !thumb {
			return officialJPEG(bySKU(s.sku))
		}
		img := renderRGBA(s)
		if thumb {
			return encodeJPEG(resize(img, 40, 40), 80)
		}
		q := s.q
		if q == 0 {
			q = 85
		}
		return encodeJPEG(img, q)
	})
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "max-age=86400")
	w.Write(b)
	return true
}
