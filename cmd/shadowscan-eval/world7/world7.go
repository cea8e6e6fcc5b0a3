// Package world7 is a held-out labelled test world for shadowscan: two
// marketplaces (a group-buying mobile marketplace and a notes-with-product-cards
// site) selling the goods of four fictitious direct-sales brands, with the
// truth about every listing page. See README.md for the label policy.
package world7

import (
	"image"
	"io/fs"
	"net/http"
	"sort"
	"sync"
	"testing/fstest"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML); its base_url is replaced by the serving address
	Handler http.Handler // serves the whole marketplace
}

// Sites returns the two marketplaces, each with a fresh handler (fault state
// such as the one-time 503 is per handler).
func Sites() []Site {
	return []Site{
		{Name: sitePin, Rule: []byte(pinRule), Handler: newPinHandler()},
		{Name: siteNotes, Rule: []byte(notesRule), Handler: newNotesHandler()},
	}
}

// Label is the truth about one listing page.
type Label struct {
	Site     string
	Path     string
	Flagged  bool
	Category string
	Brand    string
	SKU      string
	Why      string
}

func labelPath(l *listing) string {
	if l.site == sitePin {
		return "/goods.html?goods_id=" + l.id
	}
	return "/explore/" + l.id
}

// Labels returns one label per listing page of both sites.
func Labels() []Label {
	w := getWorld()
	var out []Label
	for _, ls := range [][]*listing{w.pin, w.notes} {
		for _, l := range ls {
			out = append(out, Label{Site: l.site, Path: labelPath(l), Flagged: l.flagged, Category: l.category,
				Brand: l.brand, SKU: l.sku, Why: l.why})
		}
	}
	return out
}

var (
	catOnce sync.Once
	catFS   fstest.MapFS
)

// Catalog returns the four brands' catalogue files (two YAML, one JSON, one
// CSV) with their official photos under images/.
func Catalog() fs.FS {
	catOnce.Do(func() {
		m := fstest.MapFS{}
		for _, b := range brands {
			var data []byte
			switch b.file[len(b.file)-4:] {
			case "yaml":
				data = catalogueYAML(b)
			case "json":
				data = catalogueJSON(b)
			default:
				data = catalogueCSV(b)
			}
			m[b.file] = &fstest.MapFile{Data: data, Mode: 0o644}
			for _, p := range b.products {
				path := officialImagePaths(p)[0]
				img := officialRender(p.sku)
				var enc []byte
				if imageExt(b) == ".png" {
					enc = encodePNG(img)
				} else {
					enc = encodeJPEG(img, 92)
				}
				m[path] = &fstest.MapFile{Data: enc, Mode: 0o644}
			}
		}
		catFS = m
	})
	return catFS
}

// ---------------------------------------------------------------------------
// Image rendering with caches.

var officialCache sync.Map // sku -> *image.RGBA

func officialRender(sku string) *image.RGBA {
	if v, ok := officialCache.Load(sku); ok {
		return v.(*image.RGBA)
	}
	img := renderOfficial(productBySKU[sku].look)
	officialCache.Store(sku, img)
	return img
}

type imageCache struct{ m sync.Map }

func newImageCache() *imageCache { return sharedImages }

var sharedImages = &imageCache{}

func (c *imageCache) get(key string, spec imgSpec) []byte {
	if v, ok := c.m.Load(key); ok {
		return v.([]byte)
	}
	b := renderSpec(spec)
	c.m.Store(key, b)
	return b
}

func renderSpec(s imgSpec) []byte {
	var img *image.RGBA
	switch s.kind {
	case "official":
		img = officialRender(s.sku)
		if s.w != 0 && s.w != img.Rect.Dx() {
			img = scaleImage(img, s.w, s.h)
		}
	case "life":
		img = renderLifestyle(s.look, s.seed, s.w, s.h)
	default:
		img = renderOwnPhoto(s.look, s.seed, s.jitter, max(s.w, 1), max(s.h, 1))
	}
	if len(s.edits) > 0 {
		img = applyEdits(img, s.edits)
	}
	q := s.q
	if q == 0 {
		q = 80
	}
	return encodeJPEG(img, q)
}

// sortedKinds is used by the README counts.
func sortedKinds(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
