package catalog

import (
	"fmt"
	"slices"

	"github.com/shadowscan/shadowscan"
)

// Merge joins loaded files into the catalogue one import stores: a brand
// is taken from the last file that has it, with the products of every file
// (a product the same SKU names again replaces the earlier one). Two files
// that give one SKU to two brands are an ECONFLICT error naming both; a
// product whose brand no file defines (a products-only CSV imported
// alone) is an EINVALID error naming it.
func Merge(files []*File) (*shadowscan.Catalog, map[string][]byte, error) {
	cat := &shadowscan.Catalog{}
	photos := map[string][]byte{}
	brandAt := map[string]int{}
	type seen struct {
		at   int
		file string
	}
	skuAt := map[string]seen{}
	for _, f := range files {
		for _, b := range f.Catalog.Brands {
			if i, ok := brandAt[b.ID]; ok {
				cat.Brands[i] = b
				continue
			}
			brandAt[b.ID] = len(cat.Brands)
			cat.Brands = append(cat.Brands, b)
		}
		for _, p := range f.Catalog.Products {
			if s, ok := skuAt[p.SKU]; ok {
				if prev := cat.Products[s.at]; prev.BrandID != p.BrandID {
					return nil, nil, shadowscan.Errorf(shadowscan.ECONFLICT, "product %s is of brand %s in %s and of brand %s in %s: a SKU belongs to one brand", p.SKU, prev.BrandID, s.file, p.BrandID, f.Name)
				}
				cat.Products[s.at] = p
				skuAt[p.SKU] = seen{s.at, f.Name}
				continue
			}
			skuAt[p.SKU] = seen{len(cat.Products), f.Name}
			cat.Products = append(cat.Products, p)
		}
		for k, v := range f.Photos {
			photos[k] = v
		}
	}
	for _, p := range cat.Products {
		if cat.Brand(p.BrandID) == nil {
			return nil, nil, shadowscan.Errorf(shadowscan.EINVALID, "product %s in %s is of brand %s, which no file of this import defines: import the brand's YAML or JSON file with it, or give the CSV the brand columns (brand_name ...)", p.SKU, skuAt[p.SKU].file, p.BrandID)
		}
	}
	return cat, photos, nil
}

// Item is one difference a re-import makes to a stored brand: what
// (official seller, product, alias of AUR-PROT-500 ...) and which one.
type Item struct {
	What string `json:"what"`
	Name string `json:"name"`
}

// String returns "what name".
func (it Item) String() string { return it.What + " " + it.Name }

// BrandDiff is what importing a brand would change in the store.
type BrandDiff struct {
	BrandID string `json:"brand"`
	// New is set when the store has no such brand yet.
	New bool `json:"new,omitempty"`
	// Removed is what the import would take away that detection relies
	// on: official and authorised sellers (an official seller made
	// authorised included), brand aliases and defamation terms, products,
	// product aliases, floors and photos. It needs the user's consent.
	Removed []Item `json:"removed,omitempty"`
	// Changed is what it would change without removing anything: names,
	// prices and floors, currencies, photo contents, an authorised seller
	// made official.
	Changed []Item `json:"changed,omitempty"`
	// Added is what it would add: sellers, aliases, terms, photos.
	Added []Item `json:"added,omitempty"`
	// Products counts the brand's products in the import by what happens
	// to them; RemovedProducts names the stored ones the import lacks.
	ProductsAdded     int      `json:"products_added"`
	ProductsChanged   int      `json:"products_changed"`
	ProductsUnchanged int      `json:"products_unchanged"`
	RemovedProducts   []string `json:"removed_products,omitempty"`
}

// Diff compares the catalogue an import would store with the stored one,
// brand by brand, for the brands in incoming (in its order). A brand in
// incoming stands for the whole brand: a stored product of it that
// incoming lacks would be removed.
func Diff(stored, incoming *shadowscan.Catalog) []BrandDiff {
	out := make([]BrandDiff, 0, len(incoming.Brands))
	for i := range incoming.Brands {
		nb := &incoming.Brands[i]
		d := BrandDiff{BrandID: nb.ID}
		ob := stored.Brand(nb.ID)
		if ob == nil {
			d.New = true
			ob = &shadowscan.Brand{ID: nb.ID}
		}
		diffBrand(&d, ob, nb)
		diffProducts(&d, brandProducts(stored, nb.ID), brandProducts(incoming, nb.ID))
		out = append(out, d)
	}
	return out
}

// Removes reports whether any brand of diffs would lose something.
func Removes(diffs []BrandDiff) bool {
	for i := range diffs {
		if len(diffs[i].Removed) > 0 {
			return true
		}
	}
	return false
}

func brandProducts(c *shadowscan.Catalog, brand string) []*shadowscan.Product {
	var out []*shadowscan.Product
	for i := range c.Products {
		if c.Products[i].BrandID == brand {
			out = append(out, &c.Products[i])
		}
	}
	return out
}

// diffBrand compares the brand's own fields.
func diffBrand(d *BrandDiff, ob, nb *shadowscan.Brand) {
	if !d.New && ob.Name != nb.Name {
		d.Changed = append(d.Changed, Item{"brand name", fmt.Sprintf("%q → %q", ob.Name, nb.Name)})
	}
	for _, s := range ob.OfficialSellers {
		switch {
		case hasShop(nb.OfficialSellers, s):
		case hasShop(nb.AuthorizedSellers, s):
			d.Removed = append(d.Removed, Item{"official seller", s.String() + " (made authorised: it can then be flagged for dumping)"})
		default:
			d.Removed = append(d.Removed, Item{"official seller", s.String()})
		}
	}
	for _, s := range ob.AuthorizedSellers {
		switch {
		case hasShop(nb.AuthorizedSellers, s):
		case hasShop(nb.OfficialSellers, s):
			d.Changed = append(d.Changed, Item{"authorised seller", s.String() + " made official"})
		default:
			d.Removed = append(d.Removed, Item{"authorised seller", s.String()})
		}
	}
	for _, s := range nb.OfficialSellers {
		if !hasShop(ob.OfficialSellers, s) && !hasShop(ob.AuthorizedSellers, s) {
			d.Added = append(d.Added, Item{"official seller", s.String()})
		}
	}
	for _, s := range nb.AuthorizedSellers {
		if !hasShop(ob.AuthorizedSellers, s) && !hasShop(ob.OfficialSellers, s) {
			d.Added = append(d.Added, Item{"authorised seller", s.String()})
		}
	}
	diffTiers(d, ob.AuthorizedSellers, nb.AuthorizedSellers)
	d.listDiff("brand alias", "", ob.Aliases, nb.Aliases)
	d.listDiff("defamation term", "", ob.DefamationTerms, nb.DefamationTerms)
}

// listDiff records the items of a list removed and added.
func (d *BrandDiff) listDiff(what, of string, old, cur []string) {
	for _, s := range old {
		if !slices.Contains(cur, s) {
			d.Removed = append(d.Removed, Item{what, fmt.Sprintf("%q%s", s, of)})
		}
	}
	for _, s := range cur {
		if !slices.Contains(old, s) {
			d.Added = append(d.Added, Item{what, fmt.Sprintf("%q%s", s, of)})
		}
	}
}

// diffProducts compares a brand's stored products with its imported ones.
func diffProducts(d *BrandDiff, old, cur []*shadowscan.Product) {
	bySKU := make(map[string]*shadowscan.Product, len(old))
	for _, p := range old {
		bySKU[p.SKU] = p
	}
	inCur := make(map[string]bool, len(cur))
	for _, np := range cur {
		inCur[np.SKU] = true
		op := bySKU[np.SKU]
		if op == nil {
			d.ProductsAdded++
			continue
		}
		n := len(d.Removed) + len(d.Changed) + len(d.Added)
		diffProduct(d, op, np)
		if len(d.Removed)+len(d.Changed)+len(d.Added) > n {
			d.ProductsChanged++
		} else {
			d.ProductsUnchanged++
		}
	}
	for _, op := range old {
		if !inCur[op.SKU] {
			d.RemovedProducts = append(d.RemovedProducts, op.SKU)
			d.Removed = append(d.Removed, Item{"product", fmt.Sprintf("%s (%s)", op.SKU, op.Name)})
		}
	}
}

// diffProduct compares one product's fields.
func diffProduct(d *BrandDiff, op, np *shadowscan.Product) {
	of := " of " + np.SKU
	if op.Name != np.Name {
		d.Changed = append(d.Changed, Item{"name" + of, fmt.Sprintf("%q → %q", op.Name, np.Name)})
	}
	d.listDiff("alias", of, op.Aliases, np.Aliases)
	if op.Price != np.Price || op.Currency != np.Currency {
		d.Changed = append(d.Changed, Item{"price" + of, op.Price.Format(op.Currency) + " → " + np.Price.Format(np.Currency)})
	}
	switch {
	case op.MinPrice > 0 && np.MinPrice == 0:
		d.Removed = append(d.Removed, Item{"floor" + of, op.MinPrice.Format(op.Currency) + " (authorised sellers can no longer be found dumping)"})
	case op.MinPrice != np.MinPrice || (op.MinPrice > 0 && op.Currency != np.Currency):
		from := "none"
		if op.MinPrice > 0 {
			from = op.MinPrice.Format(op.Currency)
		}
		d.Changed = append(d.Changed, Item{"floor" + of, from + " → " + np.MinPrice.Format(np.Currency)})
	}
	diffFloors(d, of, op, np)
	diffPhotos(d, of, op.Images, np.Images)
}

// diffPhotos compares official photos by where they came from: a source
// still listed with other bytes is a change, one no longer listed (whose
// bytes are not kept under another source) a removal.
func diffPhotos(d *BrandDiff, of string, old, cur []shadowscan.ImageRef) {
	src := func(refs []shadowscan.ImageRef, s string) *shadowscan.ImageRef {
		for i := range refs {
			if refs[i].Source == s {
				return &refs[i]
			}
		}
		return nil
	}
	sha := func(refs []shadowscan.ImageRef, h string) bool {
		return slices.ContainsFunc(refs, func(r shadowscan.ImageRef) bool { return r.SHA256 == h })
	}
	for _, o := range old {
		switch n := src(cur, o.Source); {
		case n == nil && !sha(cur, o.SHA256):
			d.Removed = append(d.Removed, Item{"photo" + of, o.Source})
		case n != nil && n.SHA256 != o.SHA256:
			d.Changed = append(d.Changed, Item{"photo" + of, o.Source + " (new contents)"})
		}
	}
	for _, n := range cur {
		if src(old, n.Source) == nil && !sha(old, n.SHA256) {
			d.Added = append(d.Added, Item{"photo" + of, n.Source})
		}
	}
}
