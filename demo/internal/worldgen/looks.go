package worldgen

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/shadowscan/shadowscan/demo/internal/art"
)

// A look names what a seller's own photo shows. "sku:AUR-PROT-500" is the
// catalogue product's real packaging; "SHAPE:TEXT" (jar:AURARA, book:SCAM?)
// is any other package, its colours derived from the look itself.

var shapes = map[string]art.Shape{
	"bottle": art.Bottle, "jar": art.Jar, "box": art.Box, "tube": art.Tube, "pump": art.Pump,
	"pouch": art.Pouch, "vials": art.Vials, "book": art.Book, "shaker": art.Shaker, "compact": art.Compact,
}

// LookPackage returns the package a look names.
func LookPackage(look string) (art.Package, error) {
	kind, text, ok := strings.Cut(look, ":")
	if !ok {
		return art.Package{}, fmt.Errorf("look %q: want sku:SKU or shape:TEXT", look)
	}
	if kind == "sku" {
		for _, b := range Brands() {
			for _, p := range b.Products {
				if p.SKU == text {
					return p.Pack, nil
				}
			}
		}
		return art.Package{}, fmt.Errorf("look %q: no catalogue product %s", look, text)
	}
	shape, ok := shapes[kind]
	if !ok {
		return art.Package{}, fmt.Errorf("look %q: unknown shape %q", look, kind)
	}
	r := art.NewRand(art.Mix(7, look))
	palette := []color.RGBA{
		art.RGB(200, 60, 50), art.RGB(60, 120, 200), art.RGB(240, 200, 60), art.RGB(90, 170, 90),
		art.RGB(150, 90, 170), art.RGB(240, 240, 240), art.RGB(40, 40, 40), art.RGB(240, 140, 60),
	}
	t1, t2, _ := strings.Cut(text, "/")
	return art.Package{
		Shape: shape,
		Body:  art.Pick(r, palette), Cap: art.Pick(r, palette), Label: art.RGB(250, 250, 245),
		Band1: art.Pick(r, palette), Band2: art.Pick(r, palette),
		Text1: t1, Text2: t2, Stripes: r.Intn(3),
	}, nil
}
