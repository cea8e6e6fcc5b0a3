package crawler

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// TestSharedPhotoFetchedOnceCapturedForEach: two listings show the same
// photo. It is fetched once, and both listings carry its capture, since
// either may be the one that is flagged and exported as evidence.
func TestSharedPhotoFetchedOnceCapturedForEach(t *testing.T) {
	m := newMarket(t)
	m.search[1] = []string{"/item/s1", "/item/s2"}
	m.pages["/item/s1"] = listingHTML("/item/s1", "/img/shared.png")
	m.pages["/item/s2"] = listingHTML("/item/s2", "/img/shared.png")
	m.start()
	c, err := New(demoSite(m.url()))
	if err != nil {
		t.Fatal(err)
	}
	var col collector
	if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
		t.Fatal(err)
	}
	if n := m.count("/img/shared.png"); n != 1 {
		t.Fatalf("shared photo fetched %d times, want 1", n)
	}
	for _, id := range []string{"s1", "s2"} {
		p := col.byID(id)
		if p == nil {
			t.Fatalf("listing %s not emitted", id)
		}
		var photos int
		for _, c := range p.Captures {
			if c.Kind == "photo" && c.URL == m.url()+"/img/shared.png" && len(c.Body) > 0 {
				photos++
			}
		}
		if photos != 1 || !p.Listing.Images[0].Hashed {
			t.Errorf("listing %s: %d photo captures with bytes, hashed %v", id, photos, p.Listing.Images[0].Hashed)
		}
	}
}

// TestManyQueriesAreNoTrap: a scan's own search pages (one query string
// per query and page) must not trip the query-string trap guard, which is
// there for links the site hands us.
func TestManyQueriesAreNoTrap(t *testing.T) {
	m := newMarket(t)
	m.search[1] = []string{"/item/q1"}
	m.start()
	c, err := New(demoSite(m.url()))
	if err != nil {
		t.Fatal(err)
	}
	queries := make([]string, maxQueryVariants+50)
	for i := range queries {
		queries[i] = fmt.Sprintf("query %d", i)
	}
	var col collector
	st, err := c.Run(context.Background(), queries, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Errors["trap"] != 0 {
		t.Fatalf("own search pages counted as traps: %v", st.Errors)
	}
	searches := 0
	for k, n := range m.allCounts() {
		if strings.HasPrefix(k, "/search?") && strings.Contains(k, "page=1") {
			searches += n
		}
	}
	if searches != len(queries) {
		t.Fatalf("fetched %d first search pages for %d queries", searches, len(queries))
	}
	if ids := col.ids(); len(ids) != 1 || ids[0] != "q1" {
		t.Fatalf("listings %v, want [q1]", ids)
	}
}

// TestSharedPhotoCaptureCacheIsLRU: captures kept for reuse are bounded by
// the run's budget, least recently used first out. A listing showing an
// evicted photo still gets its hashes without a second fetch; a photo
// reused in between stays kept.
func TestSharedPhotoCaptureCacheIsLRU(t *testing.T) {
	m := newMarket(t)
	photos := map[string]string{ // listing -> photo, in crawl order
		"l1": "/img/pa.png", "l2": "/img/pb.png", "l3": "/img/pa.png",
		"l4": "/img/pc.png", "l5": "/img/pa.png", "l6": "/img/pb.png",
	}
	order := []string{"l1", "l2", "l3", "l4", "l5", "l6"}
	for _, id := range order {
		m.search[1] = append(m.search[1], "/item/"+id)
		m.pages["/item/"+id] = listingHTML("/item/"+id, photos[id])
	}
	m.start()
	site := demoSite(m.url())
	site.Politeness.Parallelism = 1 // listings in search order
	c, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	size := int64(len(m.png(len("/img/pa.png")))) // the three photos are the same size
	c.photoCacheBudget = 2*size + size/2          // room for two
	c.workers = 1                                 // in search order
	var col collector
	if _, err := c.Run(context.Background(), []string{"q"}, col.sink); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/img/pa.png", "/img/pb.png", "/img/pc.png"} {
		if n := m.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
	// l4 brings pc in and evicts pb (pa was used by l3 after pb); l5 finds
	// pa kept; l6 finds pb evicted.
	want := map[string]bool{"l1": true, "l2": true, "l3": true, "l4": true, "l5": true, "l6": false}
	for _, id := range order {
		p := col.byID(id)
		if p == nil {
			t.Fatalf("listing %s not emitted", id)
		}
		if !p.Listing.Images[0].Hashed || p.Listing.Images[0].Err != "" {
			t.Errorf("listing %s: photo not hashed: %+v", id, p.Listing.Images[0])
		}
		got := false
		for _, c := range p.Captures {
			if c.Kind == kindPhoto && len(c.Body) > 0 {
				got = true
			}
		}
		if got != want[id] {
			t.Errorf("listing %s: photo capture present %v, want %v", id, got, want[id])
		}
	}
}

// TestPhotosWantedSkipsOthersButUsesKnownResults: with WithPhotosWanted,
// a listing whose photos are not wanted gets none fetched (its photo URLs
// stay, unhashed, and are counted as skipped), except a photo the crawler
// already fetched for a wanted listing, whose result and capture it
// shares at no cost; a wanted listing gets its photos as before.
func TestPhotosWantedSkipsOthersButUsesKnownResults(t *testing.T) {
	m := newMarket(t)
	m.pages["/item/w1"] = listingHTML("/item/w1", "/img/shared.png")
	m.pages["/item/u1"] = listingHTML("/item/u1", "/img/own.png")
	m.pages["/item/u2"] = listingHTML("/item/u2", "/img/shared.png")
	m.start()
	var asked []string
	c, err := New(demoSite(m.url()), WithPhotosWanted(func(l *shadowscan.Listing) bool {
		asked = append(asked, l.ID) // FetchListing calls run one at a time
		return strings.HasPrefix(l.ID, "w")
	}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	pages := map[string]*Page{}
	for _, id := range []string{"w1", "u1", "u2"} {
		p, err := c.FetchListing(ctx, m.url()+"/item/"+id)
		if err != nil {
			t.Fatal(err)
		}
		pages[id] = p
	}
	if !slices.Equal(asked, []string{"w1", "u1", "u2"}) {
		t.Errorf("want asked about %v, want every listing once", asked)
	}
	if n := m.count("/img/own.png"); n != 0 {
		t.Errorf("unwanted listing's photo fetched %d times", n)
	}
	if n := m.count("/img/shared.png"); n != 1 {
		t.Errorf("shared photo fetched %d times, want 1", n)
	}
	u1 := pages["u1"]
	if img := u1.Listing.Images[0]; img.Hashed || img.URL != m.url()+"/img/own.png" || img.Err != "" {
		t.Errorf("unwanted photo: %+v, want its URL only", img)
	}
	if len(u1.Captures) != 1 {
		t.Errorf("unwanted listing has %d captures, want its page only", len(u1.Captures))
	}
	for _, id := range []string{"w1", "u2"} {
		p := pages[id]
		if !p.Listing.Images[0].Hashed || len(p.Captures) != 2 {
			t.Errorf("listing %s: photo hashed %v, %d captures; want hashed and page+photo", id, p.Listing.Images[0].Hashed, len(p.Captures))
		}
	}
}

// TestPhotosWantedCountsSkipped: a run's Stats count the photos it did
// not fetch, and a crawler without WithPhotosWanted fetches every photo.
func TestPhotosWantedCountsSkipped(t *testing.T) {
	for _, tc := range []struct {
		name             string
		opts             []Option
		fetched, skipped int
	}{
		{"every photo by default", nil, 2, 0},
		{"none wanted", []Option{WithPhotosWanted(func(*shadowscan.Listing) bool { return false })}, 0, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMarket(t)
			m.search[1] = []string{"/item/a1", "/item/a2"}
			m.pages["/item/a1"] = listingHTML("/item/a1", "/img/a1.png")
			m.pages["/item/a2"] = listingHTML("/item/a2", "/img/a2.png")
			m.start()
			c, err := New(demoSite(m.url()), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			var col collector
			st, err := c.Run(context.Background(), []string{"q"}, col.sink)
			if err != nil {
				t.Fatal(err)
			}
			if st.Photos != tc.fetched || st.PhotosSkipped != tc.skipped || len(col.ids()) != 2 {
				t.Fatalf("photos fetched %d, skipped %d, listings %v; want %d, %d, 2", st.Photos, st.PhotosSkipped, col.ids(), tc.fetched, tc.skipped)
			}
		})
	}
}

// TestSamePhotoBytesHashedOnce: a photo served under two URLs (a CDN's
// host or size variants, one photo uploaded with each listing) is fetched
// under each URL, as the evidence of each listing, but decoded and hashed
// once: both listings get the same hashes. Other bytes are hashed anew.
func TestSamePhotoBytesHashedOnce(t *testing.T) {
	m := newMarket(t)
	// The market's photo bytes depend on the path's length only.
	m.search[1] = []string{"/item/a1", "/item/a2", "/item/a3"}
	m.pages["/item/a1"] = listingHTML("/item/a1", "/img/p1.png")
	m.pages["/item/a2"] = listingHTML("/item/a2", "/img/p2.png")
	m.pages["/item/a3"] = listingHTML("/item/a3", "/img/p333.png")
	m.start()
	c, err := New(demoSite(m.url()))
	if err != nil {
		t.Fatal(err)
	}
	hashed := countDecodes(c)
	var col collector
	st, err := c.Run(context.Background(), []string{"q"}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Photos != 3 || hashed.Load() != 2 {
		t.Fatalf("%d photos fetched, %d hashed; want 3 fetched (one a URL) and 2 hashed (one a content)", st.Photos, hashed.Load())
	}
	a1, a2, a3 := col.byID("a1").Listing.Images[0], col.byID("a2").Listing.Images[0], col.byID("a3").Listing.Images[0]
	if !a1.Hashed || a1.PHash != a2.PHash || a1.PDQ != a2.PDQ || a1.SHA256 != a2.SHA256 || a2.URL != m.url()+"/img/p2.png" {
		t.Errorf("same bytes under two URLs: %+v and %+v; want the same hashes, each its URL", a1, a2)
	}
	if !a3.Hashed || a3.SHA256 == a1.SHA256 {
		t.Errorf("other bytes: %+v; want their own hashes", a3)
	}
}

// TestKnownPhotoBytesNotDecoded: photos whose bytes an earlier scan hashed
// (WithKnownHashes) are fetched, their captures kept as this sighting's
// evidence, but not decoded: they get the known hashes. Unknown bytes are
// decoded, and a failing lookup only costs the decoding.
func TestKnownPhotoBytesNotDecoded(t *testing.T) {
	m := newMarket(t)
	m.search[1] = []string{"/item/k1", "/item/k2", "/item/k3"}
	m.pages["/item/k1"] = listingHTML("/item/k1", "/img/known.png")
	m.pages["/item/k2"] = listingHTML("/item/k2", "/img/new1.png")
	m.pages["/item/k3"] = listingHTML("/item/k3", "/img/broken.png")
	m.start()
	// The market's photo bytes depend on the path's length only: learn
	// known.png's SHA-256 from a first crawler.
	first, err := New(demoSite(m.url()))
	if err != nil {
		t.Fatal(err)
	}
	var before collector
	if _, err := first.Run(context.Background(), []string{"q"}, before.sink); err != nil {
		t.Fatal(err)
	}
	knownSum, brokenSum := before.byID("k1").Listing.Images[0].SHA256, before.byID("k3").Listing.Images[0].SHA256
	if knownSum == "" || brokenSum == "" || knownSum == before.byID("k2").Listing.Images[0].SHA256 {
		t.Fatalf("first crawl: sums %q %q", knownSum, brokenSum)
	}
	stored := photo.Hashes{PHash: 0xfeed, DHash: 0xbeef, PDQ: shadowscan.PDQ{1, 2, 3, 4}, PDQQuality: 77}
	var lookups []string
	var mu sync.Mutex
	c, err := New(demoSite(m.url()), WithKnownHashes(func(_ context.Context, sum string) (photo.Hashes, bool, error) {
		mu.Lock()
		lookups = append(lookups, sum)
		mu.Unlock()
		switch sum {
		case knownSum:
			return stored, true, nil
		case brokenSum:
			return photo.Hashes{}, false, fmt.Errorf("store closed")
		}
		return photo.Hashes{}, false, nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	hashed := countDecodes(c)
	var col collector
	st, err := c.Run(context.Background(), []string{"q"}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	if st.Photos != 3 || st.PhotosKnown != 1 || hashed.Load() != 2 || len(lookups) != 3 {
		t.Fatalf("%d photos fetched, %d known, %d decoded, %d lookups; want 3, 1, 2, 3", st.Photos, st.PhotosKnown, hashed.Load(), len(lookups))
	}
	k1 := col.byID("k1")
	im := k1.Listing.Images[0]
	if !im.Hashed || im.PHash != stored.PHash || im.DHash != stored.DHash || im.PDQ != stored.PDQ || im.PDQQuality != 77 || im.SHA256 != knownSum {
		t.Errorf("known photo: %+v; want the stored hashes under its SHA-256", im)
	}
	if !slices.ContainsFunc(k1.Captures, func(c shadowscan.Capture) bool { return c.Kind == "photo" && len(c.Body) > 0 }) {
		t.Error("known photo: no capture of this sighting")
	}
	for _, id := range []string{"k2", "k3"} {
		want := before.byID(id).Listing.Images[0]
		if got := col.byID(id).Listing.Images[0]; !got.Hashed || got.PHash != want.PHash || got.PDQ != want.PDQ {
			t.Errorf("%s: %+v; want it decoded and hashed as before (%+v)", id, got, want)
		}
	}
}

// TestConcurrentSink: by default Run hands listings to its sink one at a
// time; WithConcurrentSink lets the goroutines that fetched them hand them
// over at once, so a slow sink does not hold the other listings up.
func TestConcurrentSink(t *testing.T) {
	for _, concurrent := range []bool{false, true} {
		m := newMarket(t)
		for i := range 6 {
			p := fmt.Sprintf("/item/c%d", i)
			m.search[1] = append(m.search[1], p)
			m.pages[p] = listingHTML(p, "/img/c.png")
		}
		m.start()
		site := demoSite(m.url())
		site.Politeness.Parallelism = 4
		var opts []Option
		if concurrent {
			opts = append(opts, WithConcurrentSink())
		}
		c, err := New(site, opts...)
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		in, peak := 0, 0
		sink := func(ctx context.Context, p *Page) error {
			mu.Lock()
			in++
			peak = max(peak, in)
			mu.Unlock()
			// Long enough for the other listings in flight to arrive.
			time.Sleep(50 * time.Millisecond)
			mu.Lock()
			in--
			mu.Unlock()
			return nil
		}
		st, err := c.Run(context.Background(), []string{"q"}, sink)
		if err != nil || st.Listings != 6 {
			t.Fatalf("concurrent %v: %d listings, %v", concurrent, st.Listings, err)
		}
		if concurrent && peak < 2 || !concurrent && peak != 1 {
			t.Errorf("concurrent sink %v: at most %d sink calls at once", concurrent, peak)
		}
	}
}

// countDecodes makes c count the photos it decodes and hashes.
func countDecodes(c *Crawler) *atomic.Int64 {
	var n atomic.Int64
	c.hashBytes = func(b []byte, l photo.Limits) (photo.Hashes, error) {
		n.Add(1)
		return photo.HashBytes(b, l)
	}
	return &n
}
