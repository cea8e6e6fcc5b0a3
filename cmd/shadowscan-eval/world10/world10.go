package world10

import (
	"image"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing/fstest"
)

// Site is one marketplace of the world.
type Site struct {
	Name    string       // the site rule's name
	Rule    []byte       // the site rule file (YAML, per SPEC.md)
	Handler http.Handler // serves the whole marketplace (search pages, listing pages, photos, robots.txt)
}

// Label is the truth about one listing page.
type Label struct {
	Site     string // Site.Name
	Path     string // the listing page's canonical URL path and query, as linked from search results (e.g. "/item/123?x=1")
	Flagged  bool
	Category string // when Flagged: counterfeit, code_tampered, price_dumping, unauthorized_seller or defamation (SPEC categories)
	Brand    string // the catalogue brand id the listing is about ("" if none)
	SKU      string // the catalogue product it offers ("" for defamation or when none)
	Why      string // which rule of your label policy gave this label (short text)
}

// Sites returns the two marketplaces; the handlers are fresh each call, so
// one-off faults (a 503 served once) happen once per handler.
func Sites() []Site {
	w := theWorld()
	out := make([]Site, 0, len(w.sites))
	for _, s := range w.sites {
		out = append(out, Site{Name: s.name, Rule: append([]byte(nil), s.rule...), Handler: newHandler(w, s)})
	}
	return out
}

// Catalog returns the catalogue files (YAML, JSON, CSV) and their official photos.
func Catalog() fs.FS {
	w := theWorld()
	m := fstest.MapFS{}
	for name, data := range w.catalog {
		m[name] = &fstest.MapFile{Data: append([]byte(nil), data...), Mode: 0o644}
	}
	return m
}

// Labels returns one label per listing page, sorted by Site then Path.
func Labels() []Label {
	w := theWorld()
	return append([]Label(nil), w.labels...)
}

type seller struct {
	ID, Name string
	Business bool
	Lang     string // trocalia: fr, de, es
	Loc      string
	Rating   int // number of reviews
}

type listing struct {
	Site, ID, Slug, Path string
	Title, Desc          string
	Lang                 string
	Price                string // as displayed
	Fee                  string // trocalia: price with buyer protection (private sellers)
	Cond                 string
	Attrs                [][2]string
	Seller               *seller
	Photos               []photo
	Template             int
	Removed              int // 0, or the status the removed page answers with (200 notice, 404, 410)
	Sold                 bool
	Fault                string  // slow, once503, malformed
	Age                  int     // days since listed
	Unit                 float64 // price of one catalogue unit, in the site currency
	Units                int     // catalogue units offered
	Stale                string  // outdated slug some links still use
	Label                Label
	norm, normTitle      string
}

type siteData struct {
	name     string
	rule     []byte
	listings []*listing // sorted by recency
	byID     map[string]*listing
	perPage  int
	maxPages int
}

type world struct {
	brands   []*brand
	products map[string]*product
	official map[string]*image.RGBA
	catalog  map[string][]byte
	sites    []*siteData
	labels   []Label
}

var (
	once   sync.Once
	cached *world
)

func theWorld() *world {
	once.Do(func() { cached = build() })
	return cached
}

// build generates the whole world from fixed seeds.
func build() *world {
	w := &world{brands: newBrands(), products: map[string]*product{}, official: map[string]*image.RGBA{}, catalog: map[string][]byte{}}
	for _, b := range w.brands {
		for _, p := range b.Products {
			w.products[p.SKU] = p
			w.official[p.SKU] = officialImage(p)
		}
	}
	w.buildCatalog()
	jp := &gen{r: rand.New(rand.NewPCG(20261010, 1)), w: w, site: siteJP, ids: map[string]bool{}}
	jp.japan()
	eu := &gen{r: rand.New(rand.NewPCG(20261010, 2)), w: w, site: siteEU, ids: map[string]bool{}}
	eu.europe()
	w.sites = []*siteData{jp.finish(45, 20, ruleJP), eu.finish(48, 20, ruleEU)}
	for _, s := range w.sites {
		for _, l := range s.listings {
			w.labels = append(w.labels, l.Label)
		}
	}
	sort.Slice(w.labels, func(i, j int) bool {
		if w.labels[i].Site != w.labels[j].Site {
			return w.labels[i].Site < w.labels[j].Site
		}
		return w.labels[i].Path < w.labels[j].Path
	})
	return w
}

func (w *world) buildCatalog() {
	for _, b := range w.brands {
		switch b.ID {
		case "vitalis":
			w.catalog[b.File] = catalogueJSON(b)
		case "sumika":
			w.catalog[b.File] = catalogueYAML(b, "Sumika Home: brand, shops and the two cleaners; the laundry gels are in sumika_products.csv")
			w.catalog["sumika_products.csv"] = catalogueCSV(b)
		default:
			w.catalog[b.File] = catalogueYAML(b, b.Name+": authentic catalogue")
		}
		for _, p := range b.Products {
			data, _ := encodePhoto(w.official[p.SKU], photo{PNG: strings.HasSuffix(p.Image, ".png"), Quality: 92})
			w.catalog[p.Image] = data
		}
	}
}

func (w *world) brand(id string) *brand {
	for _, b := range w.brands {
		if b.ID == id {
			return b
		}
	}
	return nil
}

// finish indexes the generated listings of a site.
func (g *gen) finish(perPage, maxPages int, rule string) *siteData {
	s := &siteData{name: g.site, byID: map[string]*listing{}, perPage: perPage, maxPages: maxPages, rule: []byte(rule)}
	sort.SliceStable(g.ls, func(i, j int) bool {
		if g.ls[i].Age != g.ls[j].Age {
			return g.ls[i].Age < g.ls[j].Age
		}
		return g.ls[i].ID > g.ls[j].ID
	})
	for _, l := range g.ls {
		l.norm = fold(l.Title + " " + l.Desc + " " + attrText(l))
		l.normTitle = fold(l.Title)
		l.Label.Site, l.Label.Path = g.site, l.Path
		s.byID[l.ID] = l
	}
	s.listings = g.ls
	return s
}

func attrText(l *listing) string {
	var b strings.Builder
	for _, a := range l.Attrs {
		b.WriteString(a[1])
		b.WriteByte(' ')
	}
	return b.String()
}

// search returns the matching listings in the site's order: title matches
// first, then newest first.
func (s *siteData) search(q string) []*listing {
	toks := queryTokens(q)
	if len(toks) == 0 {
		return nil
	}
	var inTitle, inBody []*listing
outer:
	for _, l := range s.listings {
		for _, t := range toks {
			if !strings.Contains(l.norm, t) {
				continue outer
			}
		}
		all := true
		for _, t := range toks {
			if !strings.Contains(l.normTitle, t) {
				all = false
				break
			}
		}
		if all {
			inTitle = append(inTitle, l)
		} else {
			inBody = append(inBody, l)
		}
	}
	return append(inTitle, inBody...)
}
