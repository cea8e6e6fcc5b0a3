package export

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
	"github.com/shadowscan/shadowscan/store"
)

// page is how many hits the export reads from the store at a time.
const page = 200

// Options say which hits to export and how to write the bundle.
type Options struct {
	// IDs names the hits to export; each must pass Filter. None: every
	// hit that passes Filter.
	IDs    []uint64
	Filter shadowscan.HitFilter
	// By is who exports; Title the bundle's title ("" for one naming the
	// selection, Title(IDs, Filter)); BundleName the file name recorded
	// in the bundle.
	By, Title, BundleName string
	// Software names the tool and version, e.g. "shadowscan 1.2.0".
	Software string
	// SignKey signs the bundle when set.
	SignKey *ecdsa.PrivateKey
	// TSAURL, when set, timestamps the signature through that RFC 3161
	// authority, with HTTPClient (nil: a client with a 30 s timeout).
	TSAURL     string
	HTTPClient *http.Client
	// Created is the bundle's time (zero: now).
	Created time.Time
	// Packets, when set, also receives every exported hit for a
	// platform's complaint files (packet.go); the caller commits them.
	Packets *Packets
}

// Write writes the bundle of the hits o selects to w. With no IDs and no
// hit passing the filter it is ENOTFOUND and writes nothing; a named hit
// that does not pass the filter is EINVALID.
func Write(ctx context.Context, db *store.DB, w io.Writer, o Options) (evidence.Summary, error) {
	if len(o.IDs) == 0 {
		n, err := db.HitCount(ctx, o.Filter)
		if err != nil {
			return evidence.Summary{}, err
		}
		if n == 0 {
			return evidence.Summary{}, shadowscan.Errorf(shadowscan.ENOTFOUND, "no hits match the filters: nothing to export")
		}
	}
	opts := evidence.Options{
		Created: o.Created, Software: o.Software, By: o.By,
		Filters: o.Filter, IDs: o.IDs, BundleName: o.BundleName, Title: o.Title,
		SignKey: o.SignKey, TSAURL: o.TSAURL, HTTPClient: o.HTTPClient,
	}
	if opts.Created.IsZero() {
		opts.Created = time.Now()
	}
	if opts.Title == "" {
		opts.Title = Title(o.IDs, o.Filter)
	}
	src := &source{db: db, brands: map[string]*shadowscan.Brand{}, products: map[string]*shadowscan.Product{}}
	items := src.items(ctx, o.IDs, o.Filter)
	if o.Packets != nil {
		items = tee(items, o.Packets)
	}
	return evidence.Write(ctx, w, items, db, opts)
}

// tee passes items on and adds each to p.
func tee(items iter.Seq2[evidence.Item, error], p *Packets) iter.Seq2[evidence.Item, error] {
	return func(yield func(evidence.Item, error) bool) {
		for it, err := range items {
			if err == nil {
				err = p.Add(it)
			}
			if !yield(it, err) || err != nil {
				return
			}
		}
	}
}

// WriteFile writes the bundle to path. The file appears only once it is
// complete and synced: it is written beside path under a temporary name
// and renamed, and removed on failure. With o.Packets the complaint
// files are committed after the bundle, and removed if either fails.
func WriteFile(ctx context.Context, db *store.DB, path string, o Options) (evidence.Summary, error) {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return evidence.Summary{}, fmt.Errorf("export: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if o.Packets != nil {
		defer func() {
			if !ok {
				o.Packets.Abort()
			}
		}()
	}
	sum, err := Write(ctx, db, f, o)
	if err != nil {
		return sum, err
	}
	if err := f.Sync(); err != nil {
		return sum, fmt.Errorf("export %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return sum, fmt.Errorf("export %s: %w", tmp, err)
	}
	if o.Packets != nil {
		if _, err := o.Packets.Commit(); err != nil {
			return sum, err
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		if o.Packets != nil {
			o.Packets.Remove()
		}
		return sum, fmt.Errorf("export: %w", err)
	}
	ok = true
	return sum, nil
}

// Title names a selection of hits for a bundle's title.
func Title(ids []uint64, hf shadowscan.HitFilter) string {
	var parts []string
	if len(ids) > 0 {
		parts = append(parts, fmt.Sprintf("%d selected hit(s)", len(ids)))
	}
	for _, kv := range [][2]string{{"status", string(hf.Status)}, {"brand", hf.BrandID}, {"site", hf.Site}, {"category", string(hf.Category)}, {"seller", hf.SellerID}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	if len(parts) == 0 {
		return "shadowscan evidence: all hits"
	}
	return "shadowscan evidence: " + strings.Join(parts, ", ")
}

// source reads hits and what surrounds them from the store one at a
// time, caching the few brands and products.
type source struct {
	db       *store.DB
	brands   map[string]*shadowscan.Brand
	products map[string]*shadowscan.Product
}

// items yields the hits named by ids (each checked against hf), or every
// hit passing hf a page at a time, with what surrounds them.
func (s *source) items(ctx context.Context, ids []uint64, hf shadowscan.HitFilter) iter.Seq2[evidence.Item, error] {
	return func(yield func(evidence.Item, error) bool) {
		emit := func(h *shadowscan.Hit) bool {
			it, err := s.item(ctx, h)
			return yield(it, err) && err == nil
		}
		if len(ids) > 0 {
			for _, id := range ids {
				h, err := s.db.Hit(ctx, id)
				if err != nil {
					yield(evidence.Item{}, err)
					return
				}
				if !hf.Match(h) {
					yield(evidence.Item{}, shadowscan.Errorf(shadowscan.EINVALID, "hit %d does not pass the filters given with it", id))
					return
				}
				if !emit(h) {
					return
				}
			}
			return
		}
		for off := 0; ; off += page {
			f := hf
			f.Limit, f.Offset = page, off
			hits, err := s.db.Hits(ctx, f)
			if err != nil {
				yield(evidence.Item{}, err)
				return
			}
			for i := range hits {
				if !emit(&hits[i]) {
					return
				}
			}
			if len(hits) < page {
				return
			}
		}
	}
}

// item assembles one hit with its brand, product and captures.
func (s *source) item(ctx context.Context, h *shadowscan.Hit) (evidence.Item, error) {
	it := evidence.Item{Hit: *h}
	var err error
	if it.Brand, err = cached(ctx, s.brands, h.BrandID, s.db.Brand); err != nil {
		return it, fmt.Errorf("hit %d: %w", h.ID, err)
	}
	if it.Product, err = cached(ctx, s.products, h.SKU, s.db.Product); err != nil {
		return it, fmt.Errorf("hit %d: %w", h.ID, err)
	}
	caps, err := s.db.Captures(ctx, h.Listing.Site, h.Listing.ID)
	if err != nil {
		return it, fmt.Errorf("hit %d: %w", h.ID, err)
	}
	it.Captures = caps
	return it, nil
}

// cached returns the value of key from cache, loading it on first use; a
// key that is not found is nil, and so is "".
func cached[T any](ctx context.Context, cache map[string]*T, key string, load func(context.Context, string) (*T, error)) (*T, error) {
	if key == "" {
		return nil, nil
	}
	if v, ok := cache[key]; ok {
		return v, nil
	}
	v, err := load(ctx, key)
	if err != nil && shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
		return nil, err
	}
	if err != nil {
		v = nil
	}
	cache[key] = v
	return v, nil
}
