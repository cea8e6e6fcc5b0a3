package shadowscan

import "time"

// Listing is one marketplace offer as the crawler extracted it.
type Listing struct {
	// Site is the site rule's name, e.g. demo-market.
	Site string `json:"site"`
	// ID is the marketplace's listing id; with Site it identifies the listing.
	ID string `json:"listing_id"`
	// URL is the listing page's canonical URL.
	URL string `json:"url"`
	// Title is the listing's title as shown.
	Title string `json:"title"`
	// Description is the listing's description text.
	Description string `json:"description,omitempty"`
	// Price is the offered price; HasPrice is false when the page showed
	// none ("面议", empty).
	Price    Amount `json:"price"`
	HasPrice bool   `json:"has_price"`
	// Currency is the ISO 4217 code of Price.
	Currency string `json:"currency,omitempty"`
	// SellerID and SellerName identify the shop on Site.
	SellerID   string `json:"seller_id,omitempty"`
	SellerName string `json:"seller_name,omitempty"`
	// PrivateSeller is true when the page says the seller is a private
	// individual rather than a business (a schema.org seller typed
	// Person, as marketplaces mark private sellers).
	PrivateSeller bool `json:"private_seller,omitempty"`
	// ShipFrom is where the listing says it ships from (发货地), when the
	// site rule reads it.
	ShipFrom string `json:"ship_from,omitempty"`
	// Images are the listing photos in page order.
	Images []ListingImage `json:"images,omitempty"`
	// Removed is true when the page carried the site's removed marker or
	// the listing answered 404 or 410; Gone then names which (GoneHTTP404,
	// GoneHTTP410, GoneMarker). One such fetch is a sighting, not a proof:
	// the store confirms a removal on a second one (Hit.SeenGone).
	Removed bool   `json:"removed,omitempty"`
	Gone    string `json:"gone,omitempty"`
	// FetchedAt is when the listing page was fetched.
	FetchedAt time.Time `json:"fetched_at"`
}

// The definitive signals that a listing was taken down (Listing.Gone). A
// 5xx, a timeout, a 403 or 429, a login or captcha page and a page whose
// fields are missing are none of these: they say nothing either way.
const (
	GoneHTTP404 = "http 404"
	GoneHTTP410 = "http 410"
	GoneMarker  = "removed marker"
)

// HasContent reports whether a live listing page showed anything of the
// listing: a title or a price. A page with neither (a soft error page, a
// page the rule no longer fits) is no sign that the listing is live, nor
// that it is gone.
func (l *Listing) HasContent() bool { return l.Title != "" || l.HasPrice }

// ListingImage is one listing photo. Its hashes are zero and Err says why
// when the photo could not be fetched or decoded.
type ListingImage struct {
	URL    string `json:"url"`
	SHA256 string `json:"sha256,omitempty"`
	PHash  uint64 `json:"phash,omitempty"`
	DHash  uint64 `json:"dhash,omitempty"`
	// PDQ is the 256-bit PDQ hash and PDQQuality its quality (0-100).
	PDQ        PDQ    `json:"pdq,omitzero"`
	PDQQuality int    `json:"pdq_quality,omitempty"`
	Hashed     bool   `json:"hashed,omitempty"`
	Err        string `json:"error,omitempty"`
}

// Key returns the store key of the listing: "site/id".
func (l *Listing) Key() string { return ListingKey(l.Site, l.ID) }

// ListingKey returns "site/id".
func ListingKey(site, id string) string { return site + "/" + id }

// Seller is a shop on one marketplace.
type Seller struct {
	Site string `json:"site"`
	ID   string `json:"seller_id"`
	Name string `json:"seller_name,omitempty"`
}

// Capture is one HTTP exchange exactly as the marketplace served it, kept so
// that evidence can be written later without fetching again.
type Capture struct {
	// URL is the requested URL; Method is GET for every capture today.
	URL    string `json:"url"`
	Method string `json:"method"`
	// RequestHeader is what was sent.
	RequestHeader map[string][]string `json:"request_header,omitempty"`
	// Status and Header are the response's status code and headers.
	Status int                 `json:"status"`
	Header map[string][]string `json:"header,omitempty"`
	// BodySHA256 names the response body in the store's blob area.
	BodySHA256 string `json:"body_sha256"`
	// BodySize is the body's length in bytes.
	BodySize int64 `json:"body_size"`
	// Body holds the bytes on the way from crawler to store; the store
	// keeps them as a blob and does not persist this field.
	Body []byte `json:"-"`
	// FetchedAt is when the response was received.
	FetchedAt time.Time `json:"fetched_at"`
	// FetchedBy names the worker that fetched it, in a scan run on
	// workers (`serve --nats`); "" when the scanning process did.
	FetchedBy string `json:"fetched_by,omitempty"`
	// Kind is "page" for a listing page, "photo" for a listing photo and
	// CaptureScreenshot for a browser's PNG of a listing page (URL is then
	// the page's; no request was made for it).
	Kind string `json:"kind"`
}

// CaptureScreenshot is the Capture.Kind of a listing page's screenshot.
const CaptureScreenshot = "screenshot"
