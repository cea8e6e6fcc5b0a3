// Package world3 is a held-out labelled test world for shadowscan: two
// marketplaces (a Taobao-style Chinese one and a JSON-LD-only English one)
// selling the products of three invented direct-sales brands, with the
// truth about every listing. See README.md for the label policy.
package world3

import (
	"io/fs"
	"net/http"
	"sort"
	"sync"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML); its base_url is replaced by the serving address
	Handler http.Handler // serves the whole marketplace; works at any host:port
}

// Label is the truth about one listing page.
type Label struct {
	Site     string // Site.Name
	Path     string // the listing page's canonical URL path (and query)
	Flagged  bool
	Category string // when Flagged: counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation
	Brand    string // the catalogue brand id the listing is about ("" if none)
	SKU      string // the catalogue product it offers ("" for defamation or when none)
	Why      string // which rule of the label policy gave this label
}

type world struct {
	listings [2][]*listing
	byNum    [2]map[uint64]*listing
	bySlug   map[string]*listing // site B
	byOld    map[string]*listing // site B old handles
	index    [2]*searchIndex
	shops    [2]map[string][]*listing
}

var (
	worldOnce sync.Once
	theWorld  *world
)

func getWorld() *world {
	worldOnce.Do(func() {
		w := &world{bySlug: map[string]*listing{}, byOld: map[string]*listing{}}
		for s := 0; s < 2; s++ {
			w.listings[s] = generate(s)
			w.byNum[s] = map[uint64]*listing{}
			w.shops[s] = map[string][]*listing{}
			for _, l := range w.listings[s] {
				w.byNum[s][l.num] = l
				w.shops[s][l.seller.id] = append(w.shops[s][l.seller.id], l)
				if s == siteB {
					w.bySlug[l.slug] = l
				}
			}
			w.index[s] = newIndex(w.listings[s])
		}
		// A few site B listings were renamed: search still links to the old
		// handle, which redirects.
		n := 0
		for _, l := range w.listings[siteB] {
			if n < 4 && l.kind == "auth" || n < 4 && l.kind == "ua-plain" {
				old := l.slug + "-old"
				if _, dup := w.bySlug[old]; !dup {
					l.oldSlug = old
					w.byOld[old] = l
					n++
				}
			}
		}
		theWorld = w
	})
	return theWorld
}

// Sites returns the two marketplaces, each with a fresh handler.
func Sites() []Site {
	w := getWorld()
	return []Site{
		{Name: siteNames[siteA], Rule: []byte(ruleA), Handler: newSiteA(w)},
		{Name: siteNames[siteB], Rule: []byte(ruleB), Handler: newSiteB(w)},
	}
}

// Catalog returns the catalogue files (YAML, JSON, CSV) and official photos.
func Catalog() fs.FS { return catalogFS() }

// Labels returns the truth about every listing of both sites.
func Labels() []Label {
	w := getWorld()
	var out []Label
	for s := 0; s < 2; s++ {
		for _, l := range w.listings[s] {
			out = append(out, l.label)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Site != out[j].Site {
			return out[i].Site < out[j].Site
		}
		return out[i].Path < out[j].Path
	})
	return out
}
