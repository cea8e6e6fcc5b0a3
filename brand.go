package shadowscan

import (
	"fmt"
	"regexp"
)

// Brand is a direct-sales company whose catalogue shadowscan protects.
type Brand struct {
	// ID is a stable key of lower-case letters, digits and hyphens.
	ID string `json:"id"`
	// Name is the brand's display name.
	Name string `json:"name"`
	// Aliases are other names in any script (奥罗拉, AURORA).
	Aliases []string `json:"aliases,omitempty"`
	// OfficialSellers are the brand's own shops; they are never flagged for price.
	OfficialSellers []SellerRef `json:"official_sellers,omitempty"`
	// AuthorizedSellers are members or distributors allowed to resell at or
	// above each product's MinPrice.
	AuthorizedSellers []SellerRef `json:"authorized_sellers,omitempty"`
	// DefamationTerms are brand-specific phrases that attack the brand.
	DefamationTerms []string `json:"defamation_terms,omitempty"`
}

// SellerRef names a shop on one site.
type SellerRef struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
	// Tier and Region, for an authorised seller, name its distributor
	// tier and the region it may sell in (floor.go); empty: none given.
	Tier   string `json:"tier,omitempty"`
	Region string `json:"region,omitempty"`
}

// String returns "site/seller_id".
func (r SellerRef) String() string { return r.Site + "/" + r.SellerID }

var brandIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ValidID reports whether id is a valid brand or site key: [a-z0-9-],
// starting with a letter or digit.
func ValidID(id string) bool { return len(id) <= 64 && brandIDPattern.MatchString(id) }

// Names returns the brand name followed by its aliases.
func (b *Brand) Names() []string { return append([]string{b.Name}, b.Aliases...) }

// SellerRole tells how the brand relates to a seller.
type SellerRole int

// Seller roles, from the brand's point of view.
const (
	RoleUnknown    SellerRole = iota // neither official nor authorised
	RoleOfficial                     // the brand's own shop
	RoleAuthorized                   // an authorised member or distributor
)

// String returns "official", "authorized" or "unknown".
func (r SellerRole) String() string {
	switch r {
	case RoleOfficial:
		return "official"
	case RoleAuthorized:
		return "authorized"
	}
	return "unknown"
}

// RoleOf returns the role of sellerID on site for this brand.
func (b *Brand) RoleOf(site, sellerID string) SellerRole {
	if sellerID == "" {
		return RoleUnknown
	}
	for _, s := range b.OfficialSellers {
		if s.Site == site && s.SellerID == sellerID {
			return RoleOfficial
		}
	}
	for _, s := range b.AuthorizedSellers {
		if s.Site == site && s.SellerID == sellerID {
			return RoleAuthorized
		}
	}
	return RoleUnknown
}

// Validate checks the brand's own fields.
func (b *Brand) Validate() error {
	if b.ID == "" {
		return &FieldError{Field: "brand.id", Msg: "is missing", Accepted: "a key of [a-z0-9-] such as aurora"}
	}
	if !ValidID(b.ID) {
		return &FieldError{Field: "brand.id", Msg: fmt.Sprintf("%q is not a valid key", b.ID), Accepted: "lower-case letters, digits and hyphens, such as aurora-wellness"}
	}
	if b.Name == "" {
		return &FieldError{Field: "brand.name", Msg: "is missing", Accepted: "the brand's display name"}
	}
	for i, s := range append(append([]SellerRef{}, b.OfficialSellers...), b.AuthorizedSellers...) {
		if s.Site == "" || s.SellerID == "" {
			return &FieldError{Field: fmt.Sprintf("brand sellers[%d]", i), Msg: "needs both site and seller_id", Accepted: "{site: demo-market, seller_id: shop-1187}"}
		}
	}
	return nil
}
