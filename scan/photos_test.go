package scan

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/matcher"
)

// TestScanHashesOnlyPhotosThatMatter: a scan fetches the photos of the
// listings whose photos can change their verdict (matcher.PhotosMatter),
// and no photo of another listing unless it is at hand already; every
// flagged listing still carries its hashed photos.
func TestScanHashesOnlyPhotosThatMatter(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace")
	}
	ctx := context.Background()
	db, set := mustDemoStore(t)
	var mu sync.Mutex
	photoGets := map[string]int{} // listing id -> photo requests
	market := demo.NewMarket().Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rest, ok := strings.CutPrefix(r.URL.Path, "/img/"); ok {
			mu.Lock()
			photoGets[rest[:strings.IndexByte(rest, '/')]]++
			mu.Unlock()
		}
		market.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	sc, err := New(db, set).Run(ctx, Options{Sites: []string{demo.SiteName}, BaseURL: srv.URL, Queries: []string{"奥罗拉", "蛋白粉"}, NoRevisit: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := db.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, err := matcher.New(cat, set.Detection)
	if err != nil {
		t.Fatal(err)
	}
	var named, unnamed int
	for _, l := range demo.Listings() {
		rec, err := db.Listing(ctx, demo.SiteName, l.ID)
		if err != nil || len(l.Images) == 0 {
			continue // not found by these queries, or no photo
		}
		sl := &rec.Listing
		if m.PhotosMatter(sl) {
			named++
			if photoGets[l.ID] == 0 || !sl.Images[0].Hashed {
				t.Errorf("%s: photos matter, yet %d photo requests, first photo hashed %v", l.ID, photoGets[l.ID], sl.Images[0].Hashed)
			}
			continue
		}
		unnamed++
		// The demo serves each listing's photos under its own id: none
		// is at hand from another listing.
		if photoGets[l.ID] != 0 {
			t.Errorf("%s (%q): photos do not matter, yet they were requested %d times", l.ID, l.Title, photoGets[l.ID])
		}
	}
	if named == 0 || unnamed == 0 {
		t.Fatalf("photos matter for %d listings, not for %d (scan: %d listings): the queries do not test both", named, unnamed, sc.Listings)
	}
	hits, err := db.Hits(ctx, shadowscan.HitFilter{Site: demo.SiteName})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		for i, img := range h.Listing.Images {
			if !img.Hashed {
				t.Errorf("hit %d (%q): photo %d not hashed", h.ID, h.Listing.Title, i)
			}
		}
	}
}

// TestRescanDecodesNoPhotoAgain: a second scan of the same listings
// fetches their photos again (each sighting's evidence) but decodes none
// of them: the store knows the hashes of those bytes. The hits and their
// photos' hashes are those of the first scan.
func TestRescanDecodesNoPhotoAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice")
	}
	ctx := context.Background()
	db, set := mustDemoStore(t)
	o := Options{Sites: []string{demo.SiteName}, BaseURL: httptestMarket(t), Queries: []string{"奥罗拉"}, NoRevisit: true}
	first, err := New(db, set).Run(ctx, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	before, err := db.Hits(ctx, shadowscan.HitFilter{Site: demo.SiteName})
	if err != nil {
		t.Fatal(err)
	}
	second, err := New(db, set).Run(ctx, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Photos == 0 || first.PhotosKnown != 0 || second.Photos != first.Photos || second.PhotosKnown != second.Photos {
		t.Fatalf("photos fetched/known: first scan %d/%d, second %d/%d; want every photo of the second known",
			first.Photos, first.PhotosKnown, second.Photos, second.PhotosKnown)
	}
	after, err := db.Hits(ctx, shadowscan.HitFilter{Site: demo.SiteName})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || len(before) == 0 {
		t.Fatalf("hits: %d after the first scan, %d after the second", len(before), len(after))
	}
	byID := map[uint64]shadowscan.Hit{}
	for _, h := range after {
		byID[h.ID] = h
	}
	for _, h := range before {
		b, a := h.Listing.Images, byID[h.ID].Listing.Images
		if len(a) != len(b) {
			t.Fatalf("hit %d: %d photos after the rescan, %d before", h.ID, len(a), len(b))
		}
		for k := range b {
			if a[k].SHA256 != b[k].SHA256 || a[k].PHash != b[k].PHash || a[k].PDQ != b[k].PDQ || !a[k].Hashed {
				t.Errorf("hit %d photo %d: %+v after the rescan, %+v before", h.ID, k, a[k], b[k])
			}
		}
	}
}
