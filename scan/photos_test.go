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
