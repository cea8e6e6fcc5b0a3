package shadowscan

import (
	"fmt"
	"strings"
)

// Product is one authentic catalogue item.
type Product struct {
	// SKU is the brand's stock-keeping unit, unique within the store.
	SKU string `json:"sku"`
	// BrandID is the ID of the Brand that sells it.
	BrandID string `json:"brand"`
	// Name is the official product name.
	Name string `json:"name"`
	// Aliases are other names in any script.
	Aliases []string `json:"aliases,omitempty"`
	// Price is the list (member) price.
	Price Amount `json:"price"`
	// MinPrice is the authorised floor: an authorised seller below it is
	// dumping. Zero means no floor was registered.
	MinPrice Amount `json:"min_price,omitempty"`
	// TierFloors and RegionFloors are floors for the authorised sellers
	// of a distributor tier or a region, by its name (floor.go); MinPrice
	// is the floor of the others.
	TierFloors   map[string]Amount `json:"min_price_by_tier,omitempty"`
	RegionFloors map[string]Amount `json:"min_price_by_region,omitempty"`
	// Currency is the ISO 4217 code of Price and MinPrice.
	Currency string `json:"currency"`
	// Images are the official photos with their perceptual hashes.
	Images []ImageRef `json:"images,omitempty"`
}

// Names returns the product name followed by its aliases.
func (p *Product) Names() []string { return append([]string{p.Name}, p.Aliases...) }

// Validate checks the fields that do not need the file around them.
func (p *Product) Validate() error {
	switch {
	case p.SKU == "":
		return &FieldError{Field: "sku", Msg: "is missing", Accepted: "the brand's SKU, such as AUR-PROT-500"}
	case p.Name == "":
		return &FieldError{Field: "name", Msg: "is missing", Accepted: "the official product name"}
	case p.Price < 0:
		return &FieldError{Field: "price", Msg: fmt.Sprintf("%s is negative", p.Price), Accepted: "a decimal number of 0 or more, such as 298.00"}
	case p.MinPrice < 0:
		return &FieldError{Field: "min_price", Msg: fmt.Sprintf("%s is negative", p.MinPrice), Accepted: "a decimal number of 0 or more"}
	case p.MinPrice > p.Price:
		return &FieldError{Field: "min_price", Msg: fmt.Sprintf("%s is above price %s", p.MinPrice, p.Price), Accepted: "a floor at or under the list price"}
	case p.floorsError() != nil:
		return p.floorsError()
	case !ValidCurrency(p.Currency):
		return &FieldError{Field: "currency", Msg: fmt.Sprintf("%q is not a known currency code", p.Currency), Accepted: "an ISO 4217 code such as CNY, USD or EUR"}
	}
	return nil
}

// ImageRef is one photo with its perceptual hashes.
type ImageRef struct {
	// Source is where the photo came from: a path relative to the catalogue
	// file, or an http(s) URL.
	Source string `json:"source"`
	// SHA256 is the hex digest of the photo's bytes; the bytes themselves
	// are kept in the store's blob area under it.
	SHA256 string `json:"sha256,omitempty"`
	// PHash and DHash are 64-bit perceptual hashes (goimagehash).
	PHash uint64 `json:"phash"`
	DHash uint64 `json:"dhash"`
	// PDQ is the 256-bit PDQ hash and PDQQuality its quality (0-100); PDQ
	// is zero for a photo imported before shadowscan computed it and not
	// yet upgraded by the store.
	PDQ        PDQ `json:"pdq,omitzero"`
	PDQQuality int `json:"pdq_quality,omitempty"`
	// Variants are the forms the photo may take on a listing besides
	// itself: turned, mirrored, cropped, trimmed otherwise.
	Variants []ImageVariant `json:"variants,omitempty"`
	// Width and Height are the decoded dimensions in pixels.
	Width  int `json:"width,omitempty"`
	Height int `json:"height,omitempty"`
}

// Catalog is a set of brands with their products, as imported from one or
// more catalogue files.
type Catalog struct {
	Brands   []Brand   `json:"brands"`
	Products []Product `json:"products"`
}

// Brand returns the brand with the given ID, or nil.
func (c *Catalog) Brand(id string) *Brand {
	for i := range c.Brands {
		if c.Brands[i].ID == id {
			return &c.Brands[i]
		}
	}
	return nil
}

// Product returns the product with the given SKU, or nil.
func (c *Catalog) Product(sku string) *Product {
	for i := range c.Products {
		if c.Products[i].SKU == sku {
			return &c.Products[i]
		}
	}
	return nil
}

// SearchQueries returns the default search queries for a scan of c: the
// brand names and aliases, then the product names and aliases, without
// duplicates (compared case-insensitively) or empty strings.
func (c *Catalog) SearchQueries() []string {
	seen := map[string]bool{}
	var out []string
	add := func(q string) {
		q = strings.Join(strings.Fields(q), " ")
		k := strings.ToLower(q)
		if q != "" && !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	for i := range c.Brands {
		for _, n := range c.Brands[i].Names() {
			add(n)
		}
	}
	for i := range c.Products {
		for _, n := range c.Products[i].Names() {
			add(n)
		}
	}
	return out
}

// OnlyBrand returns the part of c that belongs to the brand id, or an
// ENOTFOUND error naming the known brands.
func (c *Catalog) OnlyBrand(id string) (*Catalog, error) {
	b := c.Brand(id)
	if b == nil {
		ids := make([]string, len(c.Brands))
		for i := range c.Brands {
			ids[i] = c.Brands[i].ID
		}
		return nil, Errorf(ENOTFOUND, "no brand %q in the catalogue (known: %s)", id, strings.Join(ids, ", "))
	}
	out := &Catalog{Brands: []Brand{*b}}
	for _, p := range c.Products {
		if p.BrandID == id {
			out.Products = append(out.Products, p)
		}
	}
	return out, nil
}
