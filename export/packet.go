package export

import (
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
	"github.com/shadowscan/shadowscan/store"
)

// Packets writes a platform's complaint files beside an evidence
// bundle, one set of files a packet (route), each split at the layout's
// batch size. Rows stream to temporary files; Commit gives them their
// names, Abort removes them.
//
// Only reviewed hits go into a packet (an analyst confirmed them: the
// row names who and when); a hit of a category no packet takes, or of a
// site the platform does not host, is counted and left out.
type Packets struct {
	layout *Layout
	prefix string
	bundle string
	open   map[string]*packetFile
	tmp    []string
	sum    PacketSummary
}

// PacketSummary says what Packets wrote and left out.
type PacketSummary struct {
	Platform string
	// Files are the complaint files written, in order; Rows counts the
	// rows of each packet by name.
	Files []string
	Rows  map[string]int
	// Unreviewed counts hits no analyst confirmed; NoPacket hits of a
	// category no packet of the layout takes, by category; OtherSite
	// hits of a site the platform does not host, by site.
	Unreviewed int
	NoPacket   map[shadowscan.Category]int
	OtherSite  map[string]int
}

// packetFile is the file a packet is writing now.
type packetFile struct {
	pk   *Packet
	seq  int // number of the current file, from 1
	rows int // rows in the current file
	path string
	f    *os.File
	w    *csv.Writer
}

// NewPackets returns a writer of l's packets to files named
// PREFIX-PACKET-NNN.csv (prefix is usually the bundle path without
// .wacz plus "." and the platform); bundle is the bundle's file name,
// written on each row.
func NewPackets(l *Layout, prefix, bundle string) *Packets {
	return &Packets{layout: l, prefix: prefix, bundle: bundle, open: map[string]*packetFile{},
		sum: PacketSummary{Platform: l.Platform, Rows: map[string]int{}, NoPacket: map[shadowscan.Category]int{}, OtherSite: map[string]int{}}}
}

// Add puts the hit of it in its packet, or counts why it is left out.
func (p *Packets) Add(it evidence.Item) error {
	h := &it.Hit
	if len(p.layout.Sites) > 0 && !slices.Contains(p.layout.Sites, h.Listing.Site) {
		p.sum.OtherSite[h.Listing.Site]++
		return nil
	}
	pk := p.layout.packetOf(h.Category)
	if pk == nil {
		p.sum.NoPacket[h.Category]++
		return nil
	}
	review, ok := reviewOf(h)
	if !ok {
		p.sum.Unreviewed++
		return nil
	}
	pf, err := p.file(pk)
	if err != nil {
		return err
	}
	rec := make([]string, len(p.layout.Columns))
	for i, c := range p.layout.Columns {
		v := c.Text
		if c.Field != "" {
			v = p.value(c.Field, &it, pk, review)
		}
		rec[i] = cell(v)
	}
	if err := pf.w.Write(rec); err != nil {
		return fmt.Errorf("complaint packet %s: %w", pf.path, err)
	}
	pf.rows++
	p.sum.Rows[pk.Name]++
	return nil
}

// file returns the file pk's next row goes into, starting a new one
// when the current one holds a batch.
func (p *Packets) file(pk *Packet) (*packetFile, error) {
	pf := p.open[pk.Name]
	if pf != nil && pf.rows < p.layout.BatchSize {
		return pf, nil
	}
	if pf != nil {
		if err := pf.close(); err != nil {
			return nil, err
		}
	} else {
		pf = &packetFile{pk: pk}
		p.open[pk.Name] = pf
	}
	pf.seq++
	pf.rows = 0
	pf.path = fmt.Sprintf("%s-%s-%03d.csv", p.prefix, pk.Name, pf.seq)
	tmp := pf.path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("complaint packet: %w", err)
	}
	p.tmp = append(p.tmp, tmp)
	p.sum.Files = append(p.sum.Files, pf.path)
	pf.f, pf.w = f, csv.NewWriter(f)
	// A UTF-8 byte order mark: spreadsheet programs otherwise read the
	// Chinese headers and shop names as another encoding.
	if _, err := f.WriteString("\ufeff"); err != nil {
		return nil, fmt.Errorf("complaint packet %s: %w", tmp, err)
	}
	hdr := make([]string, len(p.layout.Columns))
	for i, c := range p.layout.Columns {
		hdr[i] = c.Header
	}
	if err := pf.w.Write(hdr); err != nil {
		return nil, fmt.Errorf("complaint packet %s: %w", tmp, err)
	}
	return pf, nil
}

func (pf *packetFile) close() error {
	if pf.f == nil {
		return nil
	}
	pf.w.Flush()
	err := pf.w.Error()
	if err == nil {
		err = pf.f.Sync()
	}
	if cerr := pf.f.Close(); err == nil {
		err = cerr
	}
	pf.f = nil
	if err != nil {
		return fmt.Errorf("complaint packet %s: %w", pf.path, err)
	}
	return nil
}

// Commit finishes the files and gives them their names. With no row
// written it is EINVALID, saying why each hit was left out.
func (p *Packets) Commit() (PacketSummary, error) {
	for _, pf := range p.open {
		if err := pf.close(); err != nil {
			p.Abort()
			return p.sum, err
		}
	}
	if len(p.sum.Files) == 0 {
		p.Abort()
		why := p.sum.LeftOut()
		if why == "" {
			why = "no hits selected"
		}
		return p.sum, shadowscan.Errorf(shadowscan.EINVALID, "no hit goes into a %s complaint packet: %s", p.layout.Platform, why)
	}
	for _, tmp := range p.tmp {
		if err := os.Rename(tmp, strings.TrimSuffix(tmp, ".tmp")); err != nil {
			p.Abort()
			return p.sum, fmt.Errorf("complaint packet: %w", err)
		}
	}
	p.tmp = nil
	return p.sum, nil
}

// Abort removes the files written so far.
func (p *Packets) Abort() {
	for _, pf := range p.open {
		if pf.f != nil {
			pf.f.Close()
			pf.f = nil
		}
	}
	for _, tmp := range p.tmp {
		os.Remove(tmp)
	}
	p.tmp = nil
}

// Remove removes the files Commit named: the bundle they belong to
// could not be written.
func (p *Packets) Remove() {
	for _, f := range p.sum.Files {
		os.Remove(f)
	}
}

// Summary says what was written so far and left out.
func (p *Packets) Summary() PacketSummary { return p.sum }

// LeftOut says which hits went into no packet and why, or "" for none.
func (s PacketSummary) LeftOut() string {
	var parts []string
	if s.Unreviewed > 0 {
		parts = append(parts, fmt.Sprintf("%d hit(s) not confirmed by an analyst", s.Unreviewed))
	}
	for _, c := range shadowscan.Categories {
		if n := s.NoPacket[c]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s hit(s): no packet of the layout takes %s", n, c, c))
		}
	}
	sites := make([]string, 0, len(s.OtherSite))
	for site := range s.OtherSite {
		sites = append(sites, site)
	}
	slices.Sort(sites)
	for _, site := range sites {
		parts = append(parts, fmt.Sprintf("%d hit(s) on %s, which %s does not host", s.OtherSite[site], site, s.Platform))
	}
	return strings.Join(parts, "; ")
}

// packetOf returns the packet taking category c, or nil.
func (l *Layout) packetOf(c shadowscan.Category) *Packet {
	for i := range l.Packets {
		if slices.Contains(l.Packets[i].Categories, c) {
			return &l.Packets[i]
		}
	}
	return nil
}

// review is who confirmed a hit and when.
type review struct{ by, at string }

// reviewOf returns the latest confirmation in h's history; a hit never
// confirmed, or dismissed since, has none: only a hit in one of
// store.OffenceStatuses (confirmed or later) was reviewed.
func reviewOf(h *shadowscan.Hit) (review, bool) {
	if !slices.Contains(store.OffenceStatuses, h.Status) {
		return review{}, false
	}
	for i := len(h.History) - 1; i >= 0; i-- {
		if t := h.History[i]; t.To == shadowscan.StatusConfirmed {
			return review{by: t.By, at: t.At}, true
		}
	}
	return review{}, false
}

// latestPage returns the latest listing page capture of it, or nil.
func latestPage(it *evidence.Item) *shadowscan.Capture {
	var page *shadowscan.Capture
	for i := range it.Captures {
		c := &it.Captures[i]
		if c.Kind == "page" && (page == nil || c.FetchedAt.After(page.FetchedAt)) {
			page = c
		}
	}
	return page
}

// value is the text of field for one row.
func (p *Packets) value(field string, it *evidence.Item, pk *Packet, r review) string {
	h := &it.Hit
	l := &h.Listing
	switch field {
	case "hit_id":
		return fmt.Sprint(h.ID)
	case "site":
		return l.Site
	case "listing_url":
		return l.URL
	case "listing_id":
		return l.ID
	case "title":
		return l.Title
	case "shop_url":
		if t := p.layout.ShopURLs[l.Site]; t != "" && l.SellerID != "" {
			return strings.ReplaceAll(t, "{seller_id}", l.SellerID)
		}
		return ""
	case "shop_name":
		if l.SellerName != "" {
			return l.SellerName
		}
		return l.SellerID
	case "seller_id":
		return l.SellerID
	case "brand":
		if it.Brand != nil {
			return it.Brand.Name
		}
		return h.BrandID
	case "product":
		if it.Product != nil {
			return it.Product.Name
		}
		return ""
	case "sku":
		return h.SKU
	case "price":
		if l.HasPrice {
			return l.Price.String()
		}
		return ""
	case "currency":
		return l.Currency
	case "category":
		return string(h.Category)
	case "route":
		return pk.Route
	case "right_type":
		return pk.RightType
	case "complaint_reason":
		return pk.Reason
	case "detail":
		return h.Summary()
	case "evidence_digest":
		if pg := latestPage(it); pg != nil && pg.BodySHA256 != "" {
			return "sha256:" + pg.BodySHA256
		}
		return ""
	case "captured_at":
		if pg := latestPage(it); pg != nil {
			return pg.FetchedAt.UTC().Truncate(time.Second).Format(time.RFC3339)
		}
		if !l.FetchedAt.IsZero() {
			return l.FetchedAt.UTC().Truncate(time.Second).Format(time.RFC3339)
		}
		return ""
	case "reviewer":
		return r.by
	case "reviewed_at":
		return r.at
	case "bundle":
		return p.bundle
	}
	return ""
}

// cell keeps a cell on one line and neutralises spreadsheet formulas:
// titles and shop names are written by strangers, and a complaint desk
// opens the file in a spreadsheet, which runs a cell starting with
// = + - @ (or a tab or carriage return before one) as a formula.
func cell(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ").Replace(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
