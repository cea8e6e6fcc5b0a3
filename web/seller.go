package web

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/shadowscan/shadowscan"
)

// SellerListingsFunc returns up to limit listings of one shop (seller id
// on site), flagged or not, most recently seen first, and how many the
// shop has in all.
type SellerListingsFunc func(ctx context.Context, site, sellerID string, limit int) ([]SellerListing, int, error)

// SellerListing is one stored listing of a shop: its latest observation
// and, when it was flagged, its hit.
type SellerListing struct {
	Listing   shadowscan.ListingView `json:"listing"`
	FirstSeen time.Time              `json:"first_seen"`
	LastSeen  time.Time              `json:"last_seen"`
	// ScanID is the scan that saw it last.
	ScanID uint64 `json:"scan_id,omitempty"`
	// HitID is its hit, 0 when it was never flagged; HitStatus the hit's
	// status (the seller page fills it in).
	HitID     uint64            `json:"hit_id,omitempty"`
	HitStatus shadowscan.Status `json:"hit_status,omitempty"`
	// Verdict is the matcher's verdict on the latest observation (nil for
	// records older than verdicts).
	Verdict *shadowscan.Observed `json:"verdict,omitempty"`
}

// PriceText is the listing's price with its currency, "—" for none.
func (l SellerListing) PriceText() string {
	if l.Listing.Price == nil {
		return "—"
	}
	return l.Listing.Price.Format(l.Listing.Currency)
}

// Limits of one seller page.
const (
	maxSellerHits     = 500
	maxSellerListings = 500
)

// BrandRole is how one brand of the catalogue names a shop.
type BrandRole struct {
	Brand     string `json:"brand"`
	BrandName string `json:"brand_name"`
	// Role is official or authorized.
	Role   string `json:"role"`
	Tier   string `json:"tier,omitempty"`
	Region string `json:"region,omitempty"`
}

// Offence is a hit confirmed or later, with the move that confirmed it.
type Offence struct {
	Hit         shadowscan.HitView `json:"hit"`
	ConfirmedBy string             `json:"confirmed_by,omitempty"`
	ConfirmedAt string             `json:"confirmed_at,omitempty"`
}

// SellerNetwork is the seller network a shop belongs to, with the links
// that tie this shop to the others.
type SellerNetwork struct {
	ID        string                   `json:"id"`
	Shops     int                      `json:"shops"`
	Confirmed int                      `json:"confirmed"`
	Links     []shadowscan.NetworkLink `json:"links"`
}

// SellerView is one shop: GET /api/sellers/{site}/{seller} and the
// seller page.
type SellerView struct {
	Site       string `json:"site"`
	SellerID   string `json:"seller_id"`
	SellerName string `json:"seller_name,omitempty"`
	// Role is official, authorized or unknown (across brands); Roles say
	// which brand names it what.
	Role  string      `json:"role"`
	Roles []BrandRole `json:"roles"`
	// RepeatOffender is set when the shop has a hit confirmed or later;
	// Offences are those hits, highest score first.
	RepeatOffender bool      `json:"repeat_offender"`
	Offences       []Offence `json:"offences"`
	// Hits are the shop's hits, highest score first (at most 500 of
	// HitsTotal), and ByStatus counts them all.
	Hits      []shadowscan.HitView      `json:"hits"`
	HitsTotal int                       `json:"hits_total"`
	ByStatus  map[shadowscan.Status]int `json:"by_status"`
	// Listings are the shop's stored listings across scans, flagged or
	// not, most recently seen first (at most 500 of ListingsTotal).
	Listings      []SellerListing `json:"listings"`
	ListingsTotal int             `json:"listings_total"`
	// Network is the seller network the shop is in, nil when none.
	Network *SellerNetwork `json:"network"`
}

// sellerURL is the seller page of a shop, its parts path-escaped (a
// seller id may hold a slash or a question mark).
func sellerURL(site, sellerID string) string {
	return "/sellers/" + url.PathEscape(site) + "/" + url.PathEscape(sellerID)
}

// sellerView gathers what the store, the catalogue and the networks know
// of the shop the request names. ENOTFOUND when none of them knows it.
func (s *Server) sellerView(r *http.Request) (*SellerView, error) {
	ctx := r.Context()
	site, seller := r.PathValue("site"), r.PathValue("seller")
	if len(site) > 200 || len(seller) > 200 {
		return nil, &shadowscan.FieldError{Field: "seller", Msg: "is too long", Accepted: "a site and a seller id of at most 200 bytes each"}
	}
	v := &SellerView{Site: site, SellerID: seller, Role: roleUnknown, Roles: []BrandRole{}, Offences: []Offence{},
		Hits: []shadowscan.HitView{}, ByStatus: map[shadowscan.Status]int{}, Listings: []SellerListing{}}
	cat, err := s.store.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	v.Roles, v.Role = brandRoles(cat, site, seller)
	statusOf, err := s.sellerHits(ctx, v)
	if err != nil {
		return nil, err
	}
	if err := s.sellerListings(ctx, v, statusOf); err != nil {
		return nil, err
	}
	if v.HitsTotal == 0 && v.ListingsTotal == 0 && len(v.Roles) == 0 {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "no shop %s: no hit, listing or catalogue entry names it (the sellers page lists the shops with hits)", shadowscan.ShopKey(site, seller))
	}
	if v.Network, err = s.sellerNetwork(ctx, site, seller); err != nil {
		return nil, err
	}
	return v, nil
}

// brandRoles says how each brand names the shop, and the shop's role
// across them: official over authorised over unknown.
func brandRoles(cat *shadowscan.Catalog, site, seller string) ([]BrandRole, string) {
	out, role := []BrandRole{}, roleUnknown
	for _, b := range cat.Brands {
		for _, ref := range b.OfficialSellers {
			if ref.Site == site && ref.SellerID == seller {
				out = append(out, BrandRole{Brand: b.ID, BrandName: b.Name, Role: roleOfficial})
				role = roleOfficial
			}
		}
		for _, ref := range b.AuthorizedSellers {
			if ref.Site == site && ref.SellerID == seller {
				out = append(out, BrandRole{Brand: b.ID, BrandName: b.Name, Role: roleAuthorized, Tier: ref.Tier, Region: ref.Region})
				if role == roleUnknown {
					role = roleAuthorized
				}
			}
		}
	}
	return out, role
}

// sellerHits fills in the shop's hits, their counts and its offences, and
// returns the status of every hit it read by id.
func (s *Server) sellerHits(ctx context.Context, v *SellerView) (map[uint64]shadowscan.Status, error) {
	statusOf := map[uint64]shadowscan.Status{}
	f := shadowscan.HitFilter{Site: v.Site, SellerID: v.SellerID}
	for _, st := range shadowscan.Statuses {
		f.Status = st
		n, err := s.store.HitCount(ctx, f)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			v.ByStatus[st] = n
			v.HitsTotal += n
		}
	}
	f.Status, f.Limit = "", maxSellerHits
	hits, err := s.store.Hits(ctx, f)
	if err != nil {
		return nil, err
	}
	for i := range hits {
		h := &hits[i]
		statusOf[h.ID] = h.Status
		v.Hits = append(v.Hits, shadowscan.NewHitView(h, false))
		if v.SellerName == "" {
			v.SellerName = h.Listing.SellerName
		}
	}
	for _, st := range shadowscan.OffenceStatuses {
		if v.ByStatus[st] == 0 {
			continue
		}
		f.Status = st
		offences, err := s.store.Hits(ctx, f)
		if err != nil {
			return nil, err
		}
		for i := range offences {
			v.Offences = append(v.Offences, offenceOf(&offences[i]))
		}
	}
	v.RepeatOffender = len(v.Offences) > 0
	return statusOf, nil
}

// offenceOf is h as an offence: with the latest move that confirmed it.
func offenceOf(h *shadowscan.Hit) Offence {
	o := Offence{Hit: shadowscan.NewHitView(h, false)}
	for i := len(h.History) - 1; i >= 0; i-- {
		if t := h.History[i]; t.To == shadowscan.StatusConfirmed {
			o.ConfirmedBy, o.ConfirmedAt = t.By, t.At
			break
		}
	}
	return o
}

// sellerListings fills in the shop's listings, with the status of their
// hits, when the server can list them.
func (s *Server) sellerListings(ctx context.Context, v *SellerView, statusOf map[uint64]shadowscan.Status) error {
	if s.cfg.SellerListings == nil {
		return nil
	}
	ls, total, err := s.cfg.SellerListings(ctx, v.Site, v.SellerID, maxSellerListings)
	if err != nil {
		return err
	}
	for i := range ls {
		l := &ls[i]
		if l.HitID == 0 {
			continue
		}
		st, ok := statusOf[l.HitID]
		if !ok {
			h, err := s.store.Hit(ctx, l.HitID)
			if err != nil {
				return err
			}
			st = h.Status
		}
		l.HitStatus = st
		if v.SellerName == "" {
			v.SellerName = l.Listing.SellerName
		}
	}
	v.Listings, v.ListingsTotal = append(v.Listings, ls...), total
	return nil
}

// sellerNetwork returns the seller network the shop is in, nil when it is
// in none or the server links no networks.
func (s *Server) sellerNetwork(ctx context.Context, site, seller string) (*SellerNetwork, error) {
	if s.cfg.Networks == nil {
		return nil, nil
	}
	nets, err := s.cfg.Networks(ctx)
	if err != nil {
		return nil, err
	}
	key := shadowscan.ShopKey(site, seller)
	for i := range nets {
		n := &nets[i]
		if n.Shop(key) == nil {
			continue
		}
		sn := &SellerNetwork{ID: n.ID, Shops: len(n.Shops), Links: []shadowscan.NetworkLink{}}
		for _, shop := range n.Shops {
			sn.Confirmed += shop.Confirmed
		}
		for _, l := range n.Links {
			if l.A == key || l.B == key {
				sn.Links = append(sn.Links, l)
			}
		}
		return sn, nil
	}
	return nil, nil
}

func (s *Server) handleSeller(w http.ResponseWriter, r *http.Request) {
	v, err := s.sellerView(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	data := s.page(w, r, "Seller "+shadowscan.ShopKey(v.Site, v.SellerID), "sellers")
	data.Data = v
	s.render(w, r, "seller", data)
}

func (s *Server) apiSeller(w http.ResponseWriter, r *http.Request) {
	v, err := s.sellerView(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}
