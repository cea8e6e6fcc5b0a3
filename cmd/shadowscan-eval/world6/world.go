// Package world6 is a held-out labelled marketplace world for shadowscan:
// tianmao-plus (a Tmall/Douyin-shop-style Chinese marketplace) and lazmall-sg
// (a Shopee/Lazada-style Southeast-Asian marketplace) with listings of four
// invented direct-sales brands. See README.md for the label policy.
package world6

import (
	"image"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"testing/fstest"
	"time"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML); its base_url is replaced by the served address
	Handler http.Handler // serves the whole marketplace
}

// Label is the truth about one listing page.
type Label struct {
	Site     string // Site.Name
	Path     string // the listing page's canonical URL path and query
	Flagged  bool
	Category string // when Flagged: counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation
	Brand    string // the catalogue brand id the listing is about ("" if none)
	SKU      string // the catalogue product it offers ("" for defamation or when none)
	Why      string // which rule of the label policy gave this label
}

var (
	loadOnce sync.Once
	theWorld *world
)

func load() *world {
	loadOnce.Do(func() {
		initSellers()
		initCatalog()
		theWorld = buildWorld()
	})
	return theWorld
}

// Sites returns the two marketplaces. Each call returns fresh handlers (the
// one-off 503 fault is per handler).
func Sites() []Site {
	w := load()
	return []Site{
		{Name: siteA, Rule: []byte(ruleA), Handler: newSiteA(w)},
		{Name: siteB, Rule: []byte(ruleB), Handler: newSiteB(w)},
	}
}

// Labels returns the truth about every listing page of both sites.
func Labels() []Label {
	w := load()
	out := make([]Label, 0, len(w.listings))
	for _, l := range w.listings {
		out = append(out, l.lab)
	}
	return out
}

var (
	catOnce sync.Once
	catFS   fstest.MapFS
)

// Catalog returns the catalogue files (two YAML, one JSON, one CSV) with their
// official photos under images/.
func Catalog() fs.FS {
	load()
	catOnce.Do(func() {
		m := fstest.MapFS{}
		now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, b := range brands {
			var data []byte
			name := b.ID
			switch b.Format {
			case "yaml":
				data, name = b.yaml(), name+".yaml"
			case "json":
				data, name = b.json(), name+".json"
			default:
				data, name = b.csv(), name+".csv"
			}
			m[name] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: now}
			for _, pr := range b.Products {
				for shot, p := range pr.Images {
					wg.Add(1)
					go func(pr *product, shot int, p string) {
						defer wg.Done()
						data := officialBytes(pr, shot)
						mu.Lock()
						m[p] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: now}
						mu.Unlock()
					}(pr, shot, p)
				}
			}
		}
		wg.Wait()
		catFS = m
	})
	return catFS
}

// ---- photos ----

const officialSize = 480

var (
	offMu   sync.Mutex
	offImg  = map[string]*image.RGBA{}
	offByte = map[string][]byte{}
	imgMu   sync.Mutex
	imgByte = map[string][]byte{}
)

func officialDesign(pr *product, shot int) design {
	d := pr.design
	if shot == 1 {
		d.boxBeside = true
		d.backgroundColour = mix(d.bg, hex(0xffffff), 0.5)
	}
	return d
}

func officialRGBA(pr *product, shot int) *image.RGBA {
	key := pr.Images[shot]
	offMu.Lock()
	im := offImg[key]
	offMu.Unlock()
	if im != nil {
		return im
	}
	im = render(officialDesign(pr, shot), officialSize)
	offMu.Lock()
	offImg[key] = im
	offMu.Unlock()
	return im
}

// officialBytes is the catalogue file of a product's official photo.
func officialBytes(pr *product, shot int) []byte {
	key := pr.Images[shot]
	offMu.Lock()
	b := offByte[key]
	offMu.Unlock()
	if b != nil {
		return b
	}
	im := officialRGBA(pr, shot)
	if strings.HasSuffix(key, ".png") {
		b = encodePNG(im)
	} else {
		b = encodeJPEG(im, 92)
	}
	offMu.Lock()
	offByte[key] = b
	offMu.Unlock()
	return b
}

// listingImage returns the bytes of a listing photo and its content type.
func listingImage(w *world, key string) ([]byte, string, bool) {
	spec := w.imgs[key]
	if spec == nil {
		return nil, "", false
	}
	if spec.official != nil && spec.q == 0 && spec.e == (edit{}) {
		p := spec.official.Images[spec.shot]
		ct := "image/jpeg"
		if path.Ext(p) == ".png" {
			ct = "image/png"
		}
		return officialBytes(spec.official, spec.shot), ct, true
	}
	imgMu.Lock()
	b := imgByte[key]
	imgMu.Unlock()
	if b != nil {
		return b, "image/jpeg", true
	}
	var im *image.RGBA
	if spec.official != nil {
		im = officialRGBA(spec.official, spec.shot)
		if spec.e != (edit{}) {
			im = applyEdit(im, spec.e)
		}
	} else {
		im = render(spec.d, 400)
	}
	q := spec.q
	if q == 0 {
		q = 85
	}
	b = encodeJPEG(im, q)
	imgMu.Lock()
	imgByte[key] = b
	imgMu.Unlock()
	return b, "image/jpeg", true
}
