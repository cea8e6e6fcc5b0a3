package evidence

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// itemView is one Item with what Write found for it.
type itemView struct {
	item         *Item
	page         *shadowscan.Capture // latest listing page capture
	recordIDs    []string            // response record ids, by capture
	photo        []byte              // first listing photo captured
	photoURL     string
	photoType    string
	official     []byte // first official photo
	officialType string
	officialPath string
	// shot is the latest screenshot of the listing page (fetch: browser
	// sites), of the page at shotURL, taken at shotAt.
	shot    []byte
	shotURL string
	shotAt  time.Time
}

// manifestHead is the top of evidence/manifest.json.
type manifestHead struct {
	Format    string `json:"format"`
	Tool      string `json:"tool"`
	CreatedAt string `json:"created_at"`
	By        string `json:"by,omitempty"`
	// SigningKey is the Fingerprint of the key that signs the bundle.
	SigningKey string         `json:"signing_key_sha256,omitempty"`
	Filters    map[string]any `json:"filters"`
}

// manifestEntry describes one hit.
type manifestEntry struct {
	HitID        uint64                  `json:"hit_id"`
	Category     shadowscan.Category     `json:"category"`
	Score        int                     `json:"score"`
	Status       shadowscan.Status       `json:"status"`
	Brand        *manifestBrand          `json:"brand,omitempty"`
	Listing      shadowscan.Listing      `json:"listing"`
	Product      *manifestProduct        `json:"product,omitempty"`
	Reasons      []shadowscan.Reason     `json:"reasons"`
	MatchedTerms []string                `json:"matched_terms,omitempty"`
	History      []shadowscan.Transition `json:"history"`
	FirstSeen    string                  `json:"first_seen,omitempty"`
	LastSeen     string                  `json:"last_seen,omitempty"`
	RemovedAt    string                  `json:"removed_at,omitempty"`
	Captures     []manifestCapture       `json:"captures"`
}

type manifestBrand struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"seller_role"`
}

type manifestProduct struct {
	SKU       string            `json:"sku"`
	Name      string            `json:"name"`
	Price     shadowscan.Amount `json:"price"`
	MinPrice  shadowscan.Amount `json:"min_price,omitempty"`
	Currency  string            `json:"currency"`
	Reference []string          `json:"reference_photos,omitempty"`
}

type manifestCapture struct {
	Kind       string `json:"kind"`
	URL        string `json:"url"`
	Status     int    `json:"status"`
	FetchedAt  string `json:"fetched_at"`
	FetchedBy  string `json:"fetched_by,omitempty"`
	BodySHA256 string `json:"body_sha256"`
	BodySize   int64  `json:"body_size"`
	RecordID   string `json:"warc_record_id"`
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func filterMap(o *Options) map[string]any {
	m := map[string]any{}
	f := o.Filters
	if len(o.IDs) > 0 {
		m["ids"] = o.IDs
	}
	if f.Status != "" {
		m["status"] = f.Status
	}
	if f.BrandID != "" {
		m["brand"] = f.BrandID
	}
	if f.Site != "" {
		m["site"] = f.Site
	}
	if f.Category != "" {
		m["category"] = f.Category
	}
	if f.SellerID != "" {
		m["seller"] = f.SellerID
	}
	if f.MinScore > 0 {
		m["min_score"] = f.MinScore
	}
	return m // encoding/json sorts map keys: output stays deterministic
}

func writeManifestHead(w io.Writer, o *Options, created time.Time) error {
	h := manifestHead{Format: "shadowscan-evidence-1", Tool: o.Software, CreatedAt: created.Format(time.RFC3339), By: o.By, Filters: filterMap(o)}
	if o.SignKey != nil {
		h.SigningKey = Fingerprint(&o.SignKey.PublicKey)
	}
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return err
	}
	// Reopen the object to append the hits array.
	s := strings.TrimSuffix(strings.TrimRight(string(b), "\n"), "}")
	s = strings.TrimRight(s, "\n") + ",\n  \"hits\": ["
	_, err = io.WriteString(w, s)
	return err
}

func writeManifestEntry(w io.Writer, n int, v *itemView, refs []string) error {
	it := v.item
	h := &it.Hit
	e := manifestEntry{
		HitID: h.ID, Category: h.Category, Score: h.Score, Status: h.Status,
		Listing: h.Listing, Reasons: h.Reasons, MatchedTerms: h.MatchedTerms, History: h.History,
		FirstSeen: rfc3339(h.FirstSeen), LastSeen: rfc3339(h.LastSeen),
		Captures: []manifestCapture{},
	}
	if e.Reasons == nil {
		e.Reasons = []shadowscan.Reason{}
	}
	if e.History == nil {
		e.History = []shadowscan.Transition{}
	}
	if h.RemovedAt != nil {
		e.RemovedAt = rfc3339(*h.RemovedAt)
	}
	if it.Brand != nil {
		e.Brand = &manifestBrand{ID: it.Brand.ID, Name: it.Brand.Name, Role: it.Brand.RoleOf(h.Listing.Site, h.Listing.SellerID).String()}
	}
	if p := it.Product; p != nil {
		e.Product = &manifestProduct{SKU: p.SKU, Name: p.Name, Price: p.Price, MinPrice: p.MinPrice, Currency: p.Currency, Reference: refs}
	}
	for i, c := range it.Captures {
		e.Captures = append(e.Captures, manifestCapture{
			Kind: c.Kind, URL: c.URL, Status: c.Status, FetchedAt: rfc3339(c.FetchedAt), FetchedBy: c.FetchedBy,
			BodySHA256: c.BodySHA256, BodySize: c.BodySize, RecordID: strings.Trim(v.recordIDs[i], "<>"),
		})
	}
	b, err := json.MarshalIndent(e, "    ", "  ")
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	sep := "\n    "
	if n > 0 {
		sep = ",\n    "
	}
	_, err = io.WriteString(w, sep+string(b))
	return err
}

func writeManifestTail(w io.Writer, hits int) error {
	end := "\n  ],\n"
	if hits == 0 {
		end = "],\n"
	}
	_, err := fmt.Fprintf(w, "%s  \"hit_count\": %d\n}\n", end, hits)
	return err
}

// complaintsWriter writes evidence/complaints.csv.
type complaintsWriter struct {
	s *spool
	w *csv.Writer
}

// complaintsHeader names the columns. case_number, the platform's case
// number of the latest report (empty when none was given), comes last so
// that readers of the older layout find every other column where it was.
var complaintsHeader = []string{"site", "listing_url", "listing_id", "seller_id", "seller_name", "brand", "product", "sku", "category", "reason", "captured_at", "bundle", "case_number"}

func newComplaintsWriter(s *spool) *complaintsWriter {
	c := &complaintsWriter{s: s, w: csv.NewWriter(s)}
	c.w.Write(complaintsHeader)
	return c
}

func (c *complaintsWriter) row(v *itemView, bundle string) error {
	it := v.item
	h := &it.Hit
	l := &h.Listing
	brand, product, sku := h.BrandID, "", h.SKU
	if it.Brand != nil {
		brand = it.Brand.Name
	}
	if it.Product != nil {
		product, sku = it.Product.Name, it.Product.SKU
	}
	reason := h.Summary()
	captured := ""
	if v.page != nil {
		captured = captureTime(v.page.FetchedAt).Format(time.RFC3339)
	} else if !l.FetchedAt.IsZero() {
		captured = captureTime(l.FetchedAt).Format(time.RFC3339)
	}
	rec := []string{l.Site, l.URL, l.ID, l.SellerID, l.SellerName, brand, product, sku, string(h.Category), reason, captured, bundle, h.CaseNumber()}
	for i := range rec {
		rec[i] = csvCell(rec[i])
	}
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("complaints.csv: %w", err)
	}
	return nil
}

func (c *complaintsWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// csvCell keeps a cell on one line and defuses spreadsheet formulas:
// listing text is hostile, and a complaint desk opens this file in a
// spreadsheet.
func csvCell(s string) string {
	s = oneLine(s)
	if s != "" && strings.ContainsRune("=+-@\t", rune(s[0])) {
		return "'" + s
	}
	return s
}
