package crawler

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// photoCache is what a crawler remembers of the photos it fetched: each
// URL's result (hashes or error) for every later listing that shows it,
// and the captures of the most recently used ones within a byte budget.
type photoCache struct {
	mu      sync.Mutex
	entries map[string]*photoEntry
	// hashes are the hashing results by the SHA-256 of the photo bytes:
	// one photo served under several URLs (a CDN's size and host
	// variants, a photo uploaded again with each listing) is decoded
	// once. At most maxPhotoCache are kept.
	hashes map[[sha256.Size]byte]*hashEntry
	// lru orders the entries whose captures are kept, least recently
	// used first; bytes is the size of those captures.
	lru   *list.List
	bytes int64
}

func newPhotoCache() *photoCache {
	return &photoCache{entries: make(map[string]*photoEntry), hashes: make(map[[sha256.Size]byte]*hashEntry), lru: list.New()}
}

// hashEntry is what hashing one photo's bytes gave, shared by every URL
// that served them.
type hashEntry struct {
	done chan struct{}
	h    photo.Hashes // h, err and cut are set before done is closed
	err  error
	cut  bool // not hashed: the run that was to hash them ended first
}

// photoEntry is one photo's result, shared by listings that show it.
type photoEntry struct {
	done chan struct{}
	img  shadowscan.ListingImage // set before done is closed
	// capt and elem are guarded by photoCache.mu.
	capt *shadowscan.Capture // nil when not kept or evicted
	elem *list.Element       // capt's place in photoCache.lru
}

// photo fetches and hashes one listing photo. Failures become
// ListingImage.Err. A photo the crawler already fetched (in this run or
// an earlier one: a scan's search crawl, then its revisits) is not
// fetched again: its result is reused, and so is its capture while it is
// among the most recently used captures that fit in the photo cache
// budget, so that every listing showing the photo carries it as evidence
// (the first listing may not have been flagged, and the store keeps
// captures of flagged listings only). Listings that share a photo are
// usually near each other (one shop's listings, one search page), so a
// small least-recently-used budget keeps nearly all the reuse at a
// fraction of the memory of keeping every photo.
func (r *run) photo(ctx context.Context, u string) (shadowscan.ListingImage, *shadowscan.Capture) {
	pc := r.c.photos
	pc.mu.Lock()
	if e, ok := pc.entries[u]; ok {
		pc.mu.Unlock()
		select {
		case <-e.done:
			if c := r.reuseCapture(e); c != nil {
				return e.img, c
			}
			return e.img, nil
		case <-ctx.Done():
			return shadowscan.ListingImage{URL: u, Err: ctx.Err().Error()}, nil
		}
	}
	e := &photoEntry{done: make(chan struct{})}
	if len(pc.entries) < maxPhotoCache {
		pc.entries[u] = e
	}
	pc.mu.Unlock()
	defer close(e.done)

	img, capt := r.fetchPhoto(ctx, u)
	e.img = img
	if ctx.Err() != nil {
		// Cut short by the run's end, not the photo's fault: a later
		// run may fetch it.
		pc.mu.Lock()
		if pc.entries[u] == e {
			delete(pc.entries, u)
		}
		pc.mu.Unlock()
	}
	if capt != nil {
		r.keepCapture(e, capt)
	}
	return img, capt
}

// knownPhoto returns the result of photo u if the crawler has fetched it
// already (its fetch finished), with its capture while kept, without
// fetching or waiting.
func (r *run) knownPhoto(u string) (shadowscan.ListingImage, *shadowscan.Capture, bool) {
	pc := r.c.photos
	pc.mu.Lock()
	e, ok := pc.entries[u]
	pc.mu.Unlock()
	if !ok {
		return shadowscan.ListingImage{}, nil, false
	}
	select {
	case <-e.done:
		return e.img, r.reuseCapture(e), true
	default:
		return shadowscan.ListingImage{}, nil, false
	}
}

// fetchPhoto fetches and hashes one photo.
func (r *run) fetchPhoto(ctx context.Context, u string) (shadowscan.ListingImage, *shadowscan.Capture) {
	img := shadowscan.ListingImage{URL: u}
	f := r.receivedPhoto(u) // fetch: browser: the bytes the browser got
	if f == nil {
		var err error
		if f, err = r.fetch(ctx, r.photos, u, r.maxPhotoBytes, nil); err != nil {
			img.Err = err.Error()
			return img, nil
		}
	}
	r.stats.add(func(s *Stats) { s.Photos++ })
	sum := sha256.Sum256(f.body)
	c := f.captureSum(kindPhoto, sum)
	h, herr := r.hash(ctx, f.body, sum)
	if herr != nil {
		if ctx.Err() == nil {
			r.stats.addError("image")
		}
		img.Err = fmt.Sprintf("photo %s: %v", u, herr)
	} else {
		img.SHA256, img.PHash, img.DHash, img.Hashed = h.SHA256, h.PHash, h.DHash, true
		img.PDQ, img.PDQQuality = h.PDQ, h.PDQQuality
	}
	return img, &c
}

// hash decodes and hashes one photo. At most GOMAXPROCS photos are
// decoded at once, however many listings are in flight: decoding is pure
// CPU, so more at once only adds decoded images held in memory (a large
// photo decodes to tens of megabytes).
//
// Bytes hashed before in this crawler, under any URL, are not decoded
// again: the result is kept by their SHA-256, sum (the capture's). Nor are
// bytes hashed in an earlier scan (WithKnownHashes).
func (r *run) hash(ctx context.Context, body []byte, sum [sha256.Size]byte) (photo.Hashes, error) {
	pc := r.c.photos
	pc.mu.Lock()
	if e, ok := pc.hashes[sum]; ok {
		pc.mu.Unlock()
		select {
		case <-e.done:
			if e.cut {
				// Cut short by another run's end: hash them here.
				return r.c.hashBytes(body, r.photoLimits())
			}
			return e.h, e.err
		case <-ctx.Done():
			return photo.Hashes{}, ctx.Err()
		}
	}
	e := &hashEntry{done: make(chan struct{})}
	if len(pc.hashes) < maxPhotoCache {
		pc.hashes[sum] = e
	}
	pc.mu.Unlock()
	defer close(e.done)
	if h, ok := r.knownHash(ctx, sum); ok {
		e.h = h
		return e.h, nil
	}
	select {
	case r.c.hashSem <- struct{}{}:
	case <-ctx.Done():
		// Not hashed: a later photo with these bytes hashes them.
		e.cut, e.err = true, ctx.Err()
		pc.mu.Lock()
		if pc.hashes[sum] == e {
			delete(pc.hashes, sum)
		}
		pc.mu.Unlock()
		return e.h, e.err
	}
	defer func() { <-r.c.hashSem }()
	e.h, e.err = r.c.hashBytes(body, r.photoLimits())
	return e.h, e.err
}

// knownHash returns the hashes of the bytes whose SHA-256 is sum when an
// earlier scan recorded them (WithKnownHashes).
func (r *run) knownHash(ctx context.Context, sum [sha256.Size]byte) (photo.Hashes, bool) {
	if r.c.knownHashes == nil {
		return photo.Hashes{}, false
	}
	hexSum := hex.EncodeToString(sum[:])
	h, ok, err := r.c.knownHashes(ctx, hexSum)
	if err != nil {
		if ctx.Err() == nil {
			r.c.logger.Warn("crawler: known photo hashes", "sha256", hexSum, "err", err)
		}
		return photo.Hashes{}, false
	}
	if ok {
		h.SHA256 = hexSum
		r.stats.add(func(s *Stats) { s.PhotosKnown++ })
	}
	return h, ok
}

// photoLimits are the limits a photo of the site must meet.
func (r *run) photoLimits() photo.Limits {
	return photo.Limits{MaxBytes: r.maxPhotoBytes, MaxPixels: r.c.site.Politeness.MaxImagePixels}
}

// keepCapture keeps e's capture for reuse, evicting the least recently
// used captures beyond the crawler's budget. An evicted entry keeps its
// hashes.
func (r *run) keepCapture(e *photoEntry, capt *shadowscan.Capture) {
	pc := r.c.photos
	n := int64(len(capt.Body))
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if n > r.c.photoCacheBudget {
		return
	}
	e.capt = capt
	e.elem = pc.lru.PushBack(e)
	pc.bytes += n
	for pc.bytes > r.c.photoCacheBudget {
		old := pc.lru.Remove(pc.lru.Front()).(*photoEntry)
		pc.bytes -= int64(len(old.capt.Body))
		old.capt, old.elem = nil, nil
	}
}

// reuseCapture returns a copy of e's kept capture, marking it recently
// used, or nil when it was not kept or has been evicted.
func (r *run) reuseCapture(e *photoEntry) *shadowscan.Capture {
	pc := r.c.photos
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if e.capt == nil {
		return nil
	}
	pc.lru.MoveToBack(e.elem)
	c := *e.capt
	return &c
}
