// Package world8 is a held-out labelled test world for shadowscan: two
// marketplaces (bidbay, an auction/Buy-It-Now marketplace, and craftly, a
// handmade and vintage marketplace) selling, copying, reselling and attacking
// the products of three fictitious direct-sales brands.
//
// Everything is generated deterministically from fixed seeds at first use.
package world8

import (
	"io/fs"
	"net/http"
	"sort"
	"sync"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML)
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
	worldOnce sync.Once
	theWorld  *world
)

func getWorld() *world {
	worldOnce.Do(func() { theWorld = buildWorld() })
	return theWorld
}

// Sites returns the two marketplaces. Each call returns fresh handlers (the
// one-off faults, such as a 503 served once, are per handler).
func Sites() []Site {
	w := getWorld()
	return []Site{
		{Name: "bidbay", Rule: []byte(bidbayRule), Handler: newBidbayHandler(w)},
		{Name: "craftly", Rule: []byte(craftlyRule), Handler: newCraftlyHandler(w)},
	}
}

// Catalog returns the catalogue files (YAML, JSON and CSV) with their
// official photos.
func Catalog() fs.FS { return catalogFS() }

// Labels returns the truth about every listing page of the world.
func Labels() []Label {
	w := getWorld()
	out := make([]Label, 0, len(w.listings))
	for _, l := range w.listings {
		out = append(out, l.label)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Site != out[j].Site {
			return out[i].Site < out[j].Site
		}
		return out[i].Path < out[j].Path
	})
	return out
}
