package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// Observation is one listing as a scan saw it: what the crawler extracted,
// the raw exchanges it captured and the matcher's verdict.
type Observation struct {
	ScanID  uint64
	Listing shadowscan.Listing
	// Captures with Body set are stored as blobs; Body itself is not
	// persisted. A capture without Body must name a blob already stored.
	Captures []shadowscan.Capture
	Verdict  shadowscan.Verdict
	// KeepCaptures stores the captures even when the listing is not
	// flagged and has no hit (scan --keep-all-captures), as the store
	// option WithKeepAllCaptures does for every observation.
	KeepCaptures bool
}

// Outcome is what Record did with one observation.
type Outcome struct {
	// HitID is the listing's hit, 0 when it has none.
	HitID uint64
	// NewHit is true when this observation created the hit.
	NewHit bool
	// Changed is true when the listing's title, price, seller, photos or
	// removed state differ from the previous observation (a history entry
	// was appended). It is false for a listing seen for the first time.
	Changed bool
	// Status is the hit's status after the observation, "" without a hit.
	Status shadowscan.Status
	// Key is the listing's store key. It differs from the observation's
	// "site/id" when that key already belonged to another URL: the
	// listing was kept under a key of its own and Conflict says so.
	Key string
	// Conflict names both URLs when the observation's id was already
	// another listing's.
	Conflict string
	// GoneSince is when the listing was first seen gone, while that
	// sighting waits for confirmation (Hit.SeenGone); zero otherwise.
	GoneSince time.Time
	// Unknown is true when the observation told nothing and was not
	// stored: a live page of a known listing that showed neither a title
	// nor a price.
	Unknown bool
}

// DefaultConfirmGoneAfter is how long after a listing was first seen gone a
// second gone sighting must come to confirm its removal: a page that
// answers 404 once may be a fault of the moment (a deploy, a cache, a
// load balancer), and a brand told "removed" acts on it.
const DefaultConfirmGoneAfter = time.Hour

// RecordOption changes how Record judges observations.
type RecordOption func(*recordOptions)

type recordOptions struct {
	goneGap time.Duration
	// The frontier marks to write in the same transaction.
	scanID  uint64
	visited []string
	search  []SearchMark
	// The work items to mark in the same transaction (WithWork).
	opened []WorkItem
	done   []string
	// progress gives the scan record to keep in the same transaction
	// (WithScanRecord).
	progress func([]Outcome) *shadowscan.Scan
}

// WithScanRecord makes Record keep, in the transaction that stores the
// observations, the record fn returns from their outcomes: the scan's
// counts as of this batch, so that a scan killed and resumed goes on
// counting from what it had stored. The record is kept only while the
// stored one is running: a finished scan's record is never overwritten.
func WithScanRecord(fn func([]Outcome) *shadowscan.Scan) RecordOption {
	return func(o *recordOptions) { o.progress = fn }
}

// putProgress keeps the scan record ro.progress gives for outcomes out,
// if its stored record is running.
func putProgress(tx *bbolt.Tx, ro *recordOptions, out []Outcome) error {
	if ro.progress == nil {
		return nil
	}
	rec := ro.progress(out)
	if rec == nil {
		return nil
	}
	b, err := bucket(tx, bucketScans)
	if err != nil {
		return err
	}
	v := b.Get(u64(rec.ID))
	if v == nil {
		return nil
	}
	stored, err := decodeValue[shadowscan.Scan](v, scanV, fmt.Sprintf("scan %d", rec.ID))
	if err != nil || stored.State != shadowscan.ScanRunning {
		return err
	}
	c := *rec
	c.State, c.EndedAt = shadowscan.ScanRunning, time.Time{}
	return putScan(b, &c)
}

// WithFrontier makes Record write, in the transaction that stores the
// observations, the frontier marks of a scan (see MarkFrontier): a kill
// then never leaves stored listings unmarked, or marks for listings that
// were not stored.
func WithFrontier(scanID uint64, visited []string, search []SearchMark) RecordOption {
	return func(o *recordOptions) { o.scanID, o.visited, o.search = scanID, visited, search }
}

// ConfirmGoneAfter sets how long after the first gone sighting of a
// listing a later one confirms its removal (default
// DefaultConfirmGoneAfter; 0: any later fetch). Negative is taken as 0.
func ConfirmGoneAfter(d time.Duration) RecordOption {
	return func(o *recordOptions) { o.goneGap = max(d, 0) }
}

// ListingRecord is the latest state of a listing with when scans saw it.
type ListingRecord struct {
	// Listing is the latest observation. When a scan finds the listing
	// removed, the fields seen before are kept and Removed is set.
	Listing   shadowscan.Listing `json:"listing"`
	FirstSeen time.Time          `json:"first_seen"`
	LastSeen  time.Time          `json:"last_seen"`
	// ScanID is the scan that saw it last.
	ScanID uint64 `json:"scan_id,omitempty"`
	// HitID is the listing's hit, 0 when it was never flagged.
	HitID uint64 `json:"hit_id,omitempty"`
	// Verdict is the matcher's verdict on the latest observation (nil in
	// records written before it was kept).
	Verdict *shadowscan.Observed `json:"verdict,omitempty"`
}

// Photo names one listing photo by URL and, when it was fetched, digest.
type Photo struct {
	URL    string `json:"url"`
	SHA256 string `json:"sha256,omitempty"`
}

// ListingState is the part of a listing whose changes matter to review:
// a dismissed hit comes back only when one of these changes.
type ListingState struct {
	Title      string            `json:"title"`
	Price      shadowscan.Amount `json:"price"`
	HasPrice   bool              `json:"has_price"`
	Currency   string            `json:"currency,omitempty"`
	SellerID   string            `json:"seller_id,omitempty"`
	SellerName string            `json:"seller_name,omitempty"`
	Photos     []Photo           `json:"photos,omitempty"`
	Removed    bool              `json:"removed,omitempty"`
}

// ListingChange is one entry of a listing's append-only history.
type ListingChange struct {
	At     time.Time `json:"at"`
	ScanID uint64    `json:"scan_id,omitempty"`
	// Changed names what differs from the previous entry: title, price,
	// seller, photos, removed or relisted. It is empty for the first.
	Changed []string `json:"changed,omitempty"`
	ListingState
}

func stateOf(l *shadowscan.Listing) ListingState {
	s := ListingState{Title: l.Title, Price: l.Price, HasPrice: l.HasPrice, Currency: l.Currency, SellerID: l.SellerID, SellerName: l.SellerName, Removed: l.Removed}
	for _, im := range l.Images {
		s.Photos = append(s.Photos, Photo{URL: im.URL, SHA256: im.SHA256})
	}
	return s
}

// changes lists which of title, price, seller and photos differ between a
// and b. A photo is the same when both digests are known and equal, or when
// one is unknown (the fetch failed) and the URLs are equal.
func changes(a, b ListingState) []string {
	var out []string
	if a.Title != b.Title {
		out = append(out, "title")
	}
	if a.HasPrice != b.HasPrice || a.Price != b.Price || a.Currency != b.Currency {
		out = append(out, "price")
	}
	if a.SellerID != b.SellerID || (a.SellerID == "" && a.SellerName != b.SellerName) {
		out = append(out, "seller")
	}
	if !slices.EqualFunc(a.Photos, b.Photos, samePhoto) {
		out = append(out, "photos")
	}
	return out
}

func samePhoto(a, b Photo) bool {
	if a.SHA256 != "" && b.SHA256 != "" {
		return a.SHA256 == b.SHA256
	}
	return a.URL == b.URL
}

// hitRecord is a hit as stored: the domain hit plus what review needs to
// remember about it.
type hitRecord struct {
	shadowscan.Hit
	// Dismissed is the listing as it stood when the hit was dismissed.
	Dismissed *ListingState `json:"dismissed_state,omitempty"`
}

func decodeHit(v []byte) (hitRecord, error) { return decodeValue[hitRecord](v, hitV, "hit") }

// Limits on what a listing key may hold: it is text from web pages.
const (
	maxSiteLen      = 128
	maxListingIDLen = 1024
)

func checkListingKey(site, id string) error {
	switch {
	case site == "":
		return &shadowscan.FieldError{Field: "listing.site", Msg: "is missing", Accepted: "the site rule's name, such as demo-market"}
	case len(site) > maxSiteLen || strings.ContainsAny(site, "/\x00"):
		return &shadowscan.FieldError{Field: "listing.site", Msg: fmt.Sprintf("%.40q is not a site name", site), Accepted: fmt.Sprintf("up to %d bytes without / or NUL", maxSiteLen)}
	case id == "":
		return &shadowscan.FieldError{Field: "listing.listing_id", Msg: "is missing", Accepted: "the marketplace's listing id"}
	case len(id) > maxListingIDLen || strings.ContainsRune(id, 0):
		return &shadowscan.FieldError{Field: "listing.listing_id", Msg: fmt.Sprintf("%.40q is not a listing id", id), Accepted: fmt.Sprintf("up to %d bytes without NUL", maxListingIDLen)}
	}
	return nil
}

// listingKey is "site/id"; childKey appends 0x00 and a sequence number for
// the listing's history and captures.
func listingKey(site, id string) []byte { return []byte(shadowscan.ListingKey(site, id)) }

func childPrefix(site, id string) []byte { return append(listingKey(site, id), 0) }

func childKey(site, id string, seq uint64) []byte { return append(childPrefix(site, id), u64(seq)...) }

// prepared is an observation with its capture bodies digested and
// compressed before the write transaction starts, so the transaction stays
// short.
type prepared struct {
	obs   *Observation
	blobs []encodedBlob // one per capture, zero value when it had no Body or was not encoded
}

// prepare checks obs and, when eager, encodes its capture bodies. Most
// listings of a scan are not flagged and their captures are dropped, so
// those are not compressed up front; the rare unflagged listing that turns
// out to have a hit (a rescan of a reported listing) is encoded inside the
// transaction instead.
func prepare(obs *Observation, eager bool) (prepared, error) {
	p := prepared{obs: obs, blobs: make([]encodedBlob, len(obs.Captures))}
	if err := checkListingKey(obs.Listing.Site, obs.Listing.ID); err != nil {
		return p, err
	}
	for i := range obs.Captures {
		c := &obs.Captures[i]
		if c.Body == nil {
			if c.BodySHA256 != "" && !validSHA(c.BodySHA256) {
				return p, &shadowscan.FieldError{Field: fmt.Sprintf("captures[%d].body_sha256", i), Msg: fmt.Sprintf("%.80q is not a SHA-256", c.BodySHA256), Accepted: "64 lower-case hex digits"}
			}
			continue
		}
		if !eager {
			// Not encoded, but a stated digest must still be right.
			if c.BodySHA256 != "" {
				if sum := sha256.Sum256(c.Body); c.BodySHA256 != hex.EncodeToString(sum[:]) {
					return p, &shadowscan.FieldError{Field: fmt.Sprintf("captures[%d].body_sha256", i), Msg: fmt.Sprintf("is %s but the body hashes to %s", c.BodySHA256, hex.EncodeToString(sum[:])), Accepted: "the SHA-256 of Body, or empty"}
				}
			}
			continue
		}
		b, err := encodeBlob(c.Body)
		if err != nil {
			return p, fmt.Errorf("capture %s: %w", c.URL, err)
		}
		if c.BodySHA256 != "" && c.BodySHA256 != b.sha {
			return p, &shadowscan.FieldError{Field: fmt.Sprintf("captures[%d].body_sha256", i), Msg: fmt.Sprintf("is %s but the body hashes to %s", c.BodySHA256, b.sha), Accepted: "the SHA-256 of Body, or empty"}
		}
		p.blobs[i] = b
	}
	return p, nil
}

// writeBuckets are the buckets Record touches, looked up once a transaction.
type writeBuckets struct {
	tx                                 *bbolt.Tx
	listings, history, captures, blobs *bbolt.Bucket
	hits, hitsByStatus, hitsByScore    *bbolt.Bucket
	hitsByField, hitCounts             *bbolt.Bucket
	photoHashes                        *bbolt.Bucket
}

func openWriteBuckets(tx *bbolt.Tx) (*writeBuckets, error) {
	w := &writeBuckets{tx: tx}
	for _, x := range []struct {
		dst  **bbolt.Bucket
		name []byte
	}{
		{&w.listings, bucketListings}, {&w.history, bucketListingHistory}, {&w.captures, bucketCaptures}, {&w.blobs, bucketBlobs},
		{&w.hits, bucketHits}, {&w.hitsByStatus, bucketHitsByStatus}, {&w.hitsByScore, bucketHitsByScore},
		{&w.hitsByField, bucketHitsByField}, {&w.hitCounts, bucketHitCounts},
		{&w.photoHashes, bucketPhotoHashes},
	} {
		b, err := bucket(tx, x.name)
		if err != nil {
			return nil, err
		}
		*x.dst = b
	}
	return w, nil
}

// Record stores observations in one transaction: for each, it upserts the
// listing (first and last seen, history of changes), stores its captures
// when it is flagged or already has a hit (every listing's with
// WithKeepAllCaptures), and creates or updates its hit:
//
//   - a flagged listing without a hit gets one in status new;
//   - a dismissed hit is flagged again (dismissed -> new) only when the
//     listing's title, price, seller or photos changed since the dismissal;
//   - a listing seen gone (404, 410 or the site's removed marker) is a
//     sighting, kept in Hit.SeenGone with a note in the history; a second
//     gone sighting at least ConfirmGoneAfter later confirms it: a reported
//     hit then moves to removed, with RemovedAt the first sighting. A live
//     page in between clears the sighting;
//   - a removed hit whose listing is seen live again moves to relisted;
//   - a live page of a known listing that shows neither title nor price
//     changes nothing (Outcome.Unknown): it is no sign either way.
//
// Status moves made here are recorded as by "scan". Either everything is
// stored or, on error, nothing. Input errors are *shadowscan.FieldError
// naming the observation.
func (db *DB) Record(ctx context.Context, obs []Observation, opts ...RecordOption) ([]Outcome, error) {
	ro := recordOptions{goneGap: DefaultConfirmGoneAfter}
	for _, o := range opts {
		o(&ro)
	}
	if len(obs) == 0 && ro.progress == nil {
		if err := db.MarkFrontier(ctx, ro.scanID, ro.visited, ro.search); err != nil {
			return nil, err
		}
		return nil, db.MarkWork(ctx, ro.scanID, ro.opened, ro.done)
	}
	prep := make([]prepared, len(obs))
	for i := range obs {
		p, err := prepare(&obs[i], db.keepAll || obs[i].KeepCaptures || obs[i].Verdict.Flagged)
		if err != nil {
			return nil, fmt.Errorf("observation %d (%s): %w", i, obs[i].Listing.Key(), err)
		}
		prep[i] = p
	}
	out := make([]Outcome, 0, len(obs))
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		out = out[:0]
		w, err := openWriteBuckets(tx)
		if err != nil {
			return err
		}
		now := db.now()
		for i := range prep {
			o, err := db.recordOne(w, &prep[i], now, &ro)
			if err != nil {
				return fmt.Errorf("observation %d (%s): %w", i, prep[i].obs.Listing.Key(), err)
			}
			out = append(out, o)
		}
		if err := putWork(tx, ro.scanID, ro.opened, ro.done); err != nil {
			return err
		}
		if len(ro.visited) > 0 || len(ro.search) > 0 {
			if err := putFrontier(tx, ro.scanID, ro.visited, ro.search); err != nil {
				return err
			}
		}
		return putProgress(tx, &ro, out)
	})
	if err != nil {
		return nil, fmt.Errorf("record %d observations: %w", len(obs), err)
	}
	return out, nil
}

// recording is one observation on its way into the store: what recordOne
// finds and decides, step by step.
type recording struct {
	w    *writeBuckets
	p    *prepared
	obs  *Observation
	ro   *recordOptions
	l    shadowscan.Listing // the listing as it will be stored
	seen time.Time          // when it was fetched
	at   string             // the transaction's time, for history entries

	key      []byte
	prev     ListingRecord // the stored record, when found
	found    bool
	conflict string
	rec      ListingRecord // the record to store
	change   []string
	observed *shadowscan.Observed

	hit           *hitRecord // nil without a hit
	old           hitRecord  // the hit as stored
	flagged       bool
	goneConfirmed bool
	out           Outcome
}

// recordOne stores one observation in w's transaction: the listing under
// its key, its history, its hit (created, moved through the workflow,
// given this observation's verdict) and its captures.
func (db *DB) recordOne(w *writeBuckets, p *prepared, now time.Time, ro *recordOptions) (Outcome, error) {
	r := &recording{w: w, p: p, obs: p.obs, ro: ro, l: p.obs.Listing, seen: now, at: now.Format(timeLayout)}
	if !r.l.FetchedAt.IsZero() {
		r.seen = r.l.FetchedAt.UTC()
	}
	if err := r.findKey(); err != nil {
		return Outcome{}, err
	}
	if out, skip, err := r.skip(); skip {
		return out, err
	}
	if err := r.updateListing(); err != nil {
		return Outcome{}, err
	}
	if err := keepPhotoHashes(w.photoHashes, &r.obs.Listing); err != nil {
		return Outcome{}, fmt.Errorf("photo hashes: %w", err)
	}
	r.observe()
	if err := r.loadHit(); err != nil {
		return Outcome{}, err
	}
	if err := r.moveHit(); err != nil {
		return Outcome{}, err
	}
	if r.hit != nil {
		if err := r.updateHit(); err != nil {
			return Outcome{}, err
		}
	}
	// The captures: evidence for flagged and tracked listings.
	if db.keepAll || r.obs.KeepCaptures || r.flagged || r.hit != nil {
		if err := r.storeCaptures(); err != nil {
			return Outcome{}, err
		}
	}
	v, err := encodeValue(listingRecordV, r.rec)
	if err != nil {
		return Outcome{}, err
	}
	if err := w.listings.Put(r.key, v); err != nil {
		return Outcome{}, fmt.Errorf("store listing: %w", err)
	}
	return r.out, nil
}

// findKey finds the listing's key: its id, unless that id already
// belongs to a listing at another URL. One listing never replaces
// another: the newcomer is kept under its id and a digest of its URL.
func (r *recording) findKey() error {
	l := &r.l
	r.key = listingKey(l.Site, l.ID)
	for _, id := range []string{l.ID, l.ID + "~" + urlDigest(l.URL, 8), l.ID + "~" + urlDigest(l.URL, 32)} {
		r.key = listingKey(l.Site, id)
		v := r.w.listings.Get(r.key)
		if v == nil {
			r.found = false
		} else {
			rec, err := decodeValue[ListingRecord](v, listingRecordV, "listing")
			if err != nil {
				return err
			}
			r.prev, r.found = rec, true
			if !SameListingURL(rec.Listing.URL, l.URL) {
				if r.conflict == "" {
					r.conflict = fmt.Sprintf("listing id %q of %s is also the id of %s: both are kept, the later under its own key; give the site's rule an id selector", l.ID, l.URL, rec.Listing.URL)
				}
				continue
			}
		}
		l.ID = id
		break
	}
	return nil
}

// skip reports the observations that store nothing, with their outcome.
func (r *recording) skip() (Outcome, bool, error) {
	l := &r.l
	switch {
	case r.conflict != "" && !r.found && l.Removed:
		// A gone page at a URL never seen live, whose id belongs to
		// another listing: nothing to keep, and nothing to mark removed.
		return Outcome{Key: string(r.key)}, true, nil
	case r.conflict != "" && r.found && !SameListingURL(r.prev.Listing.URL, l.URL):
		return Outcome{}, true, fmt.Errorf("listing %s: %s, and no free key is left", l.Key(), r.conflict)
	case r.found && !l.Removed && !l.HasContent():
		// Neither title nor price: a page the rule no longer fits, a soft
		// error. It must not clear a gone sighting, relist, or replace
		// what was seen.
		return Outcome{Key: string(r.key), HitID: r.prev.HitID, Conflict: r.conflict, Unknown: true}, true, nil
	}
	return Outcome{}, false, nil
}

// updateListing merges the observation into the listing's record and
// appends a history entry when it is new or changed.
func (r *recording) updateListing() error {
	isNew := !r.found
	if r.found {
		r.rec = r.prev
		if r.l.Removed {
			// A removed page shows little; keep what was seen live.
			kept := r.prev.Listing
			kept.Removed, kept.Gone = true, r.l.Gone
			kept.FetchedAt = r.l.FetchedAt
			r.l = kept
		}
		a, b := stateOf(&r.prev.Listing), stateOf(&r.l)
		r.change = changes(a, b)
		switch {
		case !a.Removed && b.Removed:
			r.change = append(r.change, "removed")
		case a.Removed && !b.Removed:
			r.change = append(r.change, "relisted")
		}
		if r.seen.After(r.rec.LastSeen) {
			r.rec.LastSeen = r.seen
		}
	} else {
		r.rec.FirstSeen, r.rec.LastSeen = r.seen, r.seen
	}
	r.rec.Listing = r.l
	if r.obs.ScanID != 0 {
		r.rec.ScanID = r.obs.ScanID
	}
	r.out = Outcome{Changed: len(r.change) > 0, Key: string(r.key), Conflict: r.conflict}
	if !isNew && len(r.change) == 0 {
		return nil
	}
	seq, err := r.w.history.NextSequence()
	if err != nil {
		return err
	}
	v, err := encodeValue(listingChangeV, ListingChange{At: r.seen, ScanID: r.obs.ScanID, Changed: r.change, ListingState: stateOf(&r.l)})
	if err != nil {
		return err
	}
	if err := r.w.history.Put(childKey(r.l.Site, r.l.ID, seq), v); err != nil {
		return fmt.Errorf("append history: %w", err)
	}
	return nil
}

// observe sets the record's verdict from the observation. A removed page
// carries no verdict of its own.
func (r *recording) observe() {
	v, l := &r.obs.Verdict, &r.l
	r.observed = &shadowscan.Observed{At: r.seen, ScanID: r.obs.ScanID, Flagged: v.Flagged && !l.Removed, Score: v.Score,
		Category: v.Category, BrandID: v.BrandID, SKU: v.SKU, Removed: l.Removed}
	if l.Removed {
		r.observed.Score, r.observed.Category, r.observed.BrandID, r.observed.SKU = 0, "", "", ""
		if r.rec.Verdict != nil {
			r.observed.BrandID, r.observed.SKU = r.rec.Verdict.BrandID, r.rec.Verdict.SKU
		}
	}
	r.rec.Verdict = r.observed
	r.flagged = v.Flagged && !l.Removed
}

// loadHit reads the listing's hit, if it has one.
func (r *recording) loadHit() error {
	if r.rec.HitID == 0 {
		return nil
	}
	v := r.w.hits.Get(u64(r.rec.HitID))
	if v == nil {
		return fmt.Errorf("hit %d of the listing is missing", r.rec.HitID)
	}
	h, err := decodeHit(v)
	if err != nil {
		return fmt.Errorf("hit %d: %w", r.rec.HitID, err)
	}
	r.old, r.hit = h, &h
	return nil
}

// moveHit creates the hit of a newly flagged listing, or moves an
// existing one through the workflow: removed on a confirmed gone
// sighting, relisted when a removed listing is live again, back to new
// when a dismissed listing changed.
func (r *recording) moveHit() error {
	switch {
	case r.hit == nil && r.flagged:
		id, err := r.w.hits.NextSequence()
		if err != nil {
			return err
		}
		r.hit = &hitRecord{Hit: shadowscan.Hit{
			ID:        id,
			Status:    shadowscan.StatusNew,
			FirstSeen: r.rec.FirstSeen,
			History:   []shadowscan.Transition{{From: "", To: shadowscan.StatusNew, By: "scan", At: r.at}},
		}}
		r.rec.HitID = id
		r.out.NewHit = true
		return nil
	case r.hit == nil:
		return nil
	}
	hit, l := r.hit, &r.l
	var first time.Time
	r.goneConfirmed, first = goneSighting(hit, l, r.seen, r.obs.ScanID, r.at, r.ro.goneGap)
	switch {
	case r.goneConfirmed && hit.Status == shadowscan.StatusReported:
		if err := r.moveTo(shadowscan.StatusRemoved, goneNote(first, r.seen, l)); err != nil {
			return err
		}
		hit.RemovedAt = &first
	case r.goneConfirmed:
		r.note(goneNote(first, r.seen, l))
	case !l.Removed && hit.Status == shadowscan.StatusRemoved:
		return r.moveTo(shadowscan.StatusRelisted, "the listing was seen live again")
	case r.flagged && hit.Status == shadowscan.StatusDismissed:
		return r.undismiss()
	case hit.Status == shadowscan.StatusDismissed:
		r.flagged = false
	}
	return nil
}

// undismiss brings a dismissed hit back to new when its listing changed
// since the dismissal; otherwise the observation does not flag it.
func (r *recording) undismiss() error {
	// A hit dismissed without a recorded state (none today) is compared
	// with the listing as the hit last showed it.
	before := stateOf(&r.old.Listing)
	if r.hit.Dismissed != nil {
		before = *r.hit.Dismissed
	}
	since := changes(before, stateOf(&r.l))
	if len(since) == 0 {
		r.flagged = false // dismissed, and nothing changed since
		return nil
	}
	if err := r.moveTo(shadowscan.StatusNew, "the listing changed since it was dismissed: "+strings.Join(since, ", ")); err != nil {
		return err
	}
	r.hit.Dismissed = nil
	return nil
}

// moveTo moves the hit to status to, with a note in its history.
func (r *recording) moveTo(to shadowscan.Status, note string) error {
	if err := r.hit.Status.CheckMove(to); err != nil {
		return fmt.Errorf("hit %d: %w", r.hit.ID, err)
	}
	r.hit.History = append(r.hit.History, shadowscan.Transition{From: r.hit.Status, To: to, By: "scan", Note: note, At: r.at})
	r.hit.Status = to
	return nil
}

// note adds a history entry that does not move the hit.
func (r *recording) note(text string) {
	r.hit.History = append(r.hit.History, shadowscan.Transition{From: r.hit.Status, To: r.hit.Status, By: "scan", At: r.at, Note: text})
}

// updateHit gives the hit its snapshot and stores it. The hit's verdict,
// reasons and listing come from one observation: the latest flagged one.
// Removal only marks that snapshot removed (a gone page shows nothing
// else); an unflagged live observation leaves it as it is and says so in
// the history. A removed observation said nothing about the verdict, and
// a status move made by this observation already tells the story.
func (r *recording) updateHit() error {
	hit, l := r.hit, &r.l
	wasFlagged := hit.Latest == nil || hit.Latest.Flagged || hit.Latest.Removed
	moved := len(hit.History) > len(r.old.History)
	switch {
	case r.flagged:
		r.flaggedSnapshot(wasFlagged, moved)
	case l.Removed:
		// One gone sighting is not a removal: the snapshot says removed
		// once two have confirmed it.
		if r.goneConfirmed || hit.Status == shadowscan.StatusRemoved {
			hit.Listing.Removed, hit.Listing.Gone, hit.Listing.FetchedAt = true, l.Gone, l.FetchedAt
		}
	default:
		hit.Listing.Removed, hit.Listing.Gone = false, ""
		if wasFlagged && hit.Status != shadowscan.StatusDismissed {
			r.note(fmt.Sprintf("seen again and not flagged (score %d); the reasons and listing shown are from the observation of %s",
				r.obs.Verdict.Score, hit.Listing.FetchedAt.UTC().Format(timeLayout)))
		}
	}
	hit.Latest = r.observed
	hit.FirstSeen, hit.LastSeen = r.rec.FirstSeen, r.rec.LastSeen
	if r.obs.ScanID != 0 {
		hit.ScanID = r.obs.ScanID
	}
	var prev *hitRecord
	if !r.out.NewHit {
		prev = &r.old
	}
	if err := putHit(r.w, prev, hit); err != nil {
		return err
	}
	r.out.HitID, r.out.Status = hit.ID, hit.Status
	if hit.SeenGone != nil {
		r.out.GoneSince = hit.SeenGone.At
	}
	return nil
}

// flaggedSnapshot gives the hit this flagged observation's verdict,
// reasons and listing, keeping the analyst's product pick while it fits.
func (r *recording) flaggedSnapshot(wasFlagged, moved bool) {
	hit, v := r.hit, &r.obs.Verdict
	hit.Category, hit.Score, hit.BrandID, hit.SKU = v.Category, v.Score, v.BrandID, v.SKU
	hit.Candidates = slices.Clone(v.Candidates)
	switch {
	case hit.Picked == "":
	case v.SKU == "" && slices.Contains(v.Candidates, hit.Picked):
		// The analyst's pick stands while it still fits.
		hit.SKU, hit.Candidates = hit.Picked, nil
	case v.SKU != hit.Picked:
		r.note(fmt.Sprintf("the product picked, %s, no longer fits the listing: %s", hit.Picked, cmp.Or(v.SKU, "one of "+strings.Join(v.Candidates, ", "))))
		hit.Picked = ""
	}
	hit.Reasons = slices.Clone(v.Reasons)
	if hit.Reasons == nil {
		hit.Reasons = []shadowscan.Reason{}
	}
	hit.MatchedTerms = slices.Clone(v.MatchedTerms)
	hit.Listing = r.l
	if !wasFlagged && !r.out.NewHit && !moved {
		r.note(fmt.Sprintf("flagged again (score %d); reasons and listing are from this observation", v.Score))
	}
}

// storeCaptures stores the observation's captures, each body as a blob.
func (r *recording) storeCaptures() error {
	for i := range r.obs.Captures {
		c := r.obs.Captures[i]
		if r.p.blobs[i].sha == "" && c.Body != nil {
			b, err := encodeBlob(c.Body)
			if err != nil {
				return fmt.Errorf("capture %s: %w", c.URL, err)
			}
			if c.BodySHA256 != "" && c.BodySHA256 != b.sha {
				return &shadowscan.FieldError{Field: fmt.Sprintf("captures[%d].body_sha256", i), Msg: fmt.Sprintf("is %s but the body hashes to %s", c.BodySHA256, b.sha), Accepted: "the SHA-256 of Body, or empty"}
			}
			r.p.blobs[i] = b
		}
		if b := r.p.blobs[i]; b.sha != "" {
			if err := putBlob(r.w.tx, b); err != nil {
				return err
			}
			c.BodySHA256, c.BodySize = b.sha, int64(len(c.Body))
		} else if c.BodySHA256 != "" && r.w.blobs.Get([]byte(c.BodySHA256)) == nil {
			return &shadowscan.FieldError{Field: fmt.Sprintf("captures[%d].body_sha256", i), Msg: fmt.Sprintf("names blob %s, which is not stored", c.BodySHA256), Accepted: "a capture with Body set, or the digest of a stored blob"}
		}
		c.Body = nil
		if c.Method == "" {
			c.Method = "GET"
		}
		seq, err := r.w.captures.NextSequence()
		if err != nil {
			return err
		}
		v, err := encodeValue(captureV, c)
		if err != nil {
			return err
		}
		if err := r.w.captures.Put(childKey(r.l.Site, r.l.ID, seq), v); err != nil {
			return fmt.Errorf("store capture: %w", err)
		}
	}
	return nil
}

// goneSighting keeps hit.SeenGone up to date with an observation of its
// listing and reports whether the observation confirms that the listing is
// gone, with the time it was first seen gone. A gone observation is a
// sighting: the first is kept (with a note in the history), and one at
// least gap after it confirms it. A live one clears it. A hit already
// removed keeps no sightings.
func goneSighting(hit *hitRecord, l *shadowscan.Listing, seen time.Time, scanID uint64, at string, gap time.Duration) (bool, time.Time) {
	note := func(text string) {
		hit.History = append(hit.History, shadowscan.Transition{From: hit.Status, To: hit.Status, By: "scan", At: at, Note: text})
	}
	if !l.Removed {
		if g := hit.SeenGone; g != nil {
			note(fmt.Sprintf("seen live again: the gone sighting of %s (%s) no longer counts", g.At.UTC().Format(timeLayout), g.Signal))
			hit.SeenGone = nil
		}
		return false, time.Time{}
	}
	if hit.Status == shadowscan.StatusRemoved {
		return false, time.Time{}
	}
	signal := cmp.Or(l.Gone, "removed")
	g := hit.SeenGone
	if g == nil {
		hit.SeenGone = &shadowscan.GoneSighting{At: seen, Signal: signal, ScanID: scanID}
		note(fmt.Sprintf("seen gone (%s); a second gone fetch from %s on confirms the removal, a live page clears it",
			signal, seen.Add(gap).UTC().Format(timeLayout)))
		return false, time.Time{}
	}
	if seen.Sub(g.At) < gap {
		return false, time.Time{}
	}
	hit.SeenGone = nil
	return true, g.At
}

// goneNote says which two sightings confirmed a removal.
func goneNote(first, second time.Time, l *shadowscan.Listing) string {
	return fmt.Sprintf("the listing was seen gone twice: first %s, again %s (%s)",
		first.UTC().Format(timeLayout), second.UTC().Format(timeLayout), cmp.Or(l.Gone, "removed"))
}

// urlDigest is the first n hex digits of the SHA-256 of u.
func urlDigest(u string, n int) string {
	sum := sha256.Sum256([]byte(shadowscan.ListingPath(u)))
	return hex.EncodeToString(sum[:])[:n]
}

// SameListingURL reports whether a and b name one listing page of a site:
// the same path (a trailing slash aside) and the same query once tracking
// parameters (utm_*, spm, ref, ...) are dropped. Scheme, host and port are
// left out: a site answers on several hosts (www., m.), and a test copy of
// it (--base-url, the demo) on a new port each run. An empty URL matches
// anything: records from before URLs were kept.
func SameListingURL(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	pa, pb := shadowscan.ListingPath(a), shadowscan.ListingPath(b)
	return pa != "" && pa == pb
}

// putHit writes h and moves its index entries from where old had them.
func putHit(w *writeBuckets, old, h *hitRecord) error {
	if old != nil {
		if err := w.hitsByStatus.Delete(statusIndexKey(old.Status, old.Score, old.ID)); err != nil {
			return fmt.Errorf("unindex hit %d: %w", old.ID, err)
		}
		if err := w.hitsByScore.Delete(scoreIndexKey(old.Score, old.ID)); err != nil {
			return fmt.Errorf("unindex hit %d: %w", old.ID, err)
		}
	}
	sum := encodeSummary(&h.Hit)
	if err := w.hitsByStatus.Put(statusIndexKey(h.Status, h.Score, h.ID), sum); err != nil {
		return fmt.Errorf("index hit %d: %w", h.ID, err)
	}
	if err := w.hitsByScore.Put(scoreIndexKey(h.Score, h.ID), sum); err != nil {
		return fmt.Errorf("index hit %d: %w", h.ID, err)
	}
	if err := indexFields(w.hitsByField, w.hitCounts, old, h); err != nil {
		return err
	}
	v, err := encodeValue(hitV, h)
	if err != nil {
		return err
	}
	if err := w.hits.Put(u64(h.ID), v); err != nil {
		return fmt.Errorf("store hit %d: %w", h.ID, err)
	}
	return nil
}
