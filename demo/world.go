package demo

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/shadowscan/shadowscan"
)

// SiteName is the demo marketplace's site name, as used in the catalogue's
// seller references and in the embedded site rules.
const SiteName = "demo-market"

//go:embed world/catalog/*.yaml world/catalog/images/*.jpg
var catalogFiles embed.FS

//go:embed world/listings.json
var listingsJSON []byte

// CatalogFS returns the file system holding the catalogue YAML files at its
// root and their official photos under images/, the paths the files name.
func CatalogFS() fs.FS {
	sub, err := fs.Sub(catalogFiles, "world/catalog")
	if err != nil {
		// fs.Sub fails only on an invalid path; this one is a constant.
		panic(fmt.Sprintf("demo: catalogue file system: %v", err))
	}
	return sub
}

// CatalogFiles returns the names of the catalogue YAML files inside
// CatalogFS, sorted.
func CatalogFiles() []string {
	entries, err := fs.ReadDir(catalogFiles, "world/catalog")
	if err != nil {
		panic(fmt.Sprintf("demo: read embedded catalogue: %v", err))
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".yaml" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Truth is the ground truth of one listing: what a careful brand analyst
// decides about it. make eval scores the matcher against it.
type Truth struct {
	// Flagged is true when the listing should be flagged.
	Flagged bool `json:"flagged"`
	// Category is the flag's category; empty when not Flagged.
	Category shadowscan.Category `json:"category,omitempty"`
	// BrandID and SKU name the catalogue product the listing offers; SKU is
	// empty for defamation and for listings of no catalogue product.
	BrandID string `json:"brand_id,omitempty"`
	SKU     string `json:"sku,omitempty"`
	// Why says in one line why the label is what it is.
	Why string `json:"why"`
}

// ImageSpec says how one listing photo is made.
type ImageSpec struct {
	// Official is the catalogue photo (relative to CatalogFS, e.g.
	// images/aur-prot-500.jpg) that this photo re-uploads; empty for a
	// seller's own photo.
	Official string `json:"official,omitempty"`
	// Look names what a seller's own photo shows: "sku:SKU" for the real
	// packaging of a catalogue product, else "shape:TEXT" for any other
	// package (jar:AURARA, book:TRUTH/AURORA).
	Look string `json:"look,omitempty"`
	// Seed drives the photo's variations (crop, frame, framing, colours).
	Seed uint64 `json:"seed"`
	// Mark is the watermark a re-upload carries, if any.
	Mark string `json:"mark,omitempty"`
}

// Reused reports whether the photo is a re-upload of an official photo.
func (s ImageSpec) Reused() bool { return s.Official != "" }

// Listing is one offer of the demo marketplace with its ground truth.
type Listing struct {
	// ID is the marketplace's listing id ([a-z0-9]+), served at /item/ID.
	ID string `json:"id"`
	// Title and Description are the listing text as shown.
	Title       string `json:"title"`
	Description string `json:"description"`
	// SellerID and SellerName are the shop.
	SellerID   string `json:"seller_id"`
	SellerName string `json:"seller_name"`
	// PriceText is the price as the page shows it (¥1,299.00, ￥88-128,
	// 298元, 面议); empty when the page shows none.
	PriceText string `json:"price_text"`
	// Price is the offered price (the low end of a range); zero when
	// PriceText shows no number.
	Price shadowscan.Amount `json:"price"`
	// Images are the listing photos in gallery order.
	Images []ImageSpec `json:"images"`
	// Keywords are the seller's hidden search keywords: search finds the
	// listing by them but the page does not show them.
	Keywords []string `json:"keywords,omitempty"`
	// Truth is the listing's label.
	Truth Truth `json:"truth"`
}

// HasPrice reports whether the page shows a price.
func (l *Listing) HasPrice() bool { return l.Price > 0 }

var (
	loadOnce sync.Once
	listings []Listing
	byID     map[string]int
)

func load() {
	loadOnce.Do(func() {
		dec := json.NewDecoder(strings.NewReader(string(listingsJSON)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&listings); err != nil {
			// The file is generated and checked by tests; a decode error
			// here is a build defect, not an input error.
			panic(fmt.Sprintf("demo: decode embedded world/listings.json: %v", err))
		}
		byID = make(map[string]int, len(listings))
		for i, l := range listings {
			byID[l.ID] = i
		}
	})
}

// Listings returns every listing of the demo marketplace, sorted by ID. The
// slice is a copy; the listings' inner slices are shared and must not be
// modified.
func Listings() []Listing {
	load()
	return append([]Listing(nil), listings...)
}

// TruthByID returns every listing's ground truth keyed by listing ID.
func TruthByID() map[string]Truth {
	load()
	m := make(map[string]Truth, len(listings))
	for _, l := range listings {
		m[l.ID] = l.Truth
	}
	return m
}

// listing returns the listing with the given id.
func listing(id string) (*Listing, bool) {
	load()
	i, ok := byID[id]
	if !ok {
		return nil, false
	}
	return &listings[i], true
}
