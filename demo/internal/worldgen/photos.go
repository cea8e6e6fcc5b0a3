package worldgen

import (
	"image/color"

	"github.com/shadowscan/shadowscan/demo/internal/art"
)

// officialScene is the studio shot of the i-th product. The backdrop,
// floor, disc and placement vary strongly with i so that the official photos
// are far apart in perceptual-hash space and image matching means something.
func officialScene(i int, p *Product) art.Scene {
	r := art.NewRand(art.Mix(20260101+photoSalt[p.SKU], p.SKU))
	light := []color.RGBA{art.RGB(250, 250, 248), art.RGB(235, 240, 245), art.RGB(250, 240, 225), art.RGB(230, 245, 235), art.RGB(245, 230, 235)}
	dark := []color.RGBA{art.RGB(40, 50, 70), art.RGB(70, 40, 50), art.RGB(30, 70, 60), art.RGB(90, 90, 100), art.RGB(60, 50, 30)}
	s := art.Scene{
		Size:  400,
		Style: i % 5,
		Pack:  p.Pack,
	}
	if g := i / 5; g == 0 || g == 3 {
		s.From, s.To = art.Pick(r, light), art.Pick(r, dark)
	} else {
		s.From, s.To = art.Pick(r, dark), art.Pick(r, light)
	}
	s.Floor = []float64{0, 0.62, 0.7, 0.78}[(i*3)%4]
	s.FloorColor = art.Shade(s.To, -0.15)
	if s.Floor == 0 {
		s.FloorColor = art.Shade(s.From, -0.2)
	}
	s.CX = []float64{0.5, 0.36, 0.64, 0.42, 0.58, 0.3, 0.7}[i%7]
	s.Base = 0.9
	if s.Floor > 0 {
		s.Base = s.Floor + (1-s.Floor)*0.6
	}
	s.Tall = r.Between(0.5, 0.62)
	if i%3 != 1 {
		s.DiscR = r.Between(0.12, 0.22)
		s.DiscX = []float64{0.2, 0.8, 0.25, 0.75}[(i*7)%4]
		s.DiscY = []float64{0.2, 0.25, 0.3}[i%3]
		s.DiscColor = art.Shade(p.Pack.Band1, 0.2)
	}
	for k := 0; k < 2; k++ {
		w, h := r.Between(0.25, 0.5), r.Between(0.3, 0.6)
		x, y := r.Between(0, 1-w), r.Between(0, 0.6-h/2)
		c := art.Shade(s.From, -0.45)
		if k%2 == 1 {
			c = art.Shade(s.To, 0.5)
		}
		s.Panels = append(s.Panels, art.Panel{X0: x, Y0: y, X1: x + w, Y1: y + h, Colour: c})
	}
	if i%2 == 0 {
		sec := p.Pack
		sec.Shape = art.Box
		sec.Body, sec.Label = p.Pack.Band1, p.Pack.Label
		s.Second = sec
		s.SecondTall = s.Tall * 0.7
		s.SecondX = s.CX + 0.22
		if s.CX > 0.5 {
			s.SecondX = s.CX - 0.22
		}
	}
	return s
}

// photoSalt perturbs each product's photo seed. The values were found by a
// one-off search (official photos at least 24 bits apart in pHash, and
// re-uploaded copies close to their original); they only need to stay fixed.
var photoSalt = map[string]uint64{
	"AUR-PROT-500":  2,
	"AUR-PROT-1000": 14,
	"AUR-VITC-60":   45,
	"AUR-MULTI-90":  31,
	"AUR-FISH-90":   57,
	"AUR-PROB-30":   25,
	"AUR-CALC-60":   7,
	"AUR-FIBER-20":  10,
	"AUR-COLL-10":   4,
	"AUR-LUT-60":    24,
	"VER-SER-30":    23,
	"VER-CRM-50":    54,
	"VER-TONER-150": 30,
	"VER-CLEAN-120": 32,
	"VER-SUN-50":    26,
	"VER-MASK-5":    19,
	"VER-EYE-15":    5,
	"VER-DISH-1L":   6,
	"VER-LAUN-2KG":  1,
	"VER-TOOTH-120": 1,
}
