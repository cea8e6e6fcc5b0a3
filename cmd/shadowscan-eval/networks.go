package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	xdraw "golang.org/x/image/draw"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/network"
	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// netWorld is the labelled seller-network world (testdata/networks).
type netWorld struct {
	Listings []netListing `json:"listings"`
}

// netListing is one listing of the world with its label: the network its
// shop belongs to ("" for a shop that is in none).
type netListing struct {
	Site        string     `json:"site"`
	ID          string     `json:"id"`
	Seller      string     `json:"seller"`
	SellerName  string     `json:"seller_name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Price       string     `json:"price"`
	SKU         string     `json:"sku"`
	Photos      []netPhoto `json:"photos"`
	Network     string     `json:"network"`
	RelistOf    string     `json:"relist_of,omitempty"`
	// AfterTakedown: the listing was first seen after the listings that
	// relists bring back were reported and removed; the others before.
	AfterTakedown bool `json:"after_takedown,omitempty"`
}

// netPhoto is a listing photo: a shop's own picture (a seed) or an official
// catalogue photo (a SKU), shown as edit 0 (as made), 1 (re-encoded
// harder) or 2 (scaled down and re-encoded).
type netPhoto struct {
	Own      uint64 `json:"own,omitempty"`
	Official string `json:"official,omitempty"`
	Edit     int    `json:"edit"`
}

// netScore is the pairwise score of "same network" over the world's shops.
type netScore struct {
	shops, truthNets, foundNets int
	tp, fp, fn                  int
	wrongPairs, missedPairs     [][2]string
	relists, relistsLinked      int
	// relistsFound counts the labelled relists the Relister linked to
	// their original; falseRelists the listings it called a relist that
	// are none (or of another listing).
	relistsFound, falseRelists int
	wrongRelists               []string
}

func (s netScore) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s netScore) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

// netWorlds are the labelled seller-network worlds under testdata: the
// one written with the linking code (tuned on), and the one a helper
// wrote from the SPEC and the issue alone (held out).
var netWorlds = []struct{ dir, what string }{
	{"networks", "written with the linking code: tuned on"},
	{"networks-heldout", "written blind from the SPEC and the issue: held out"},
}

// runNetworks scores seller-network recovery on each network world, then
// counts the networks found on world2, which has none.
func runNetworks(ctx context.Context, w io.Writer, verbose bool, det *rules.Detection) error {
	for _, nw := range netWorlds {
		dir, err := findTestdata(nw.dir, "world.json")
		if err != nil {
			return err
		}
		s, err := evaluateNetworks(ctx, dir, det)
		if err != nil {
			return err
		}
		printNetScore(w, "testdata/"+nw.dir+", "+nw.what, s, verbose)
	}
	w2, err := world2Networks(ctx, det)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "second world (254 listings, written without networks: none labelled): %d networks of %d shops found\n", len(w2), shopCount(w2))
	if verbose {
		for _, n := range w2 {
			fmt.Fprintf(w, "  world2 network %s: %d shops; %s\n", n.ID, len(n.Shops), n.Links[0].Detail)
		}
	}
	return nil
}

// printNetScore prints one network world's figures and, verbose, its
// wrong and missed pairs and wrong relists.
func printNetScore(w io.Writer, name string, s netScore, verbose bool) {
	p, r := s.precision(), s.recall()
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	fmt.Fprintf(w, "\n== seller networks (%s: %d shops, %d labelled networks) ==\n", name, s.shops, s.truthNets)
	fmt.Fprintf(w, "networks found %d; pairwise same-network precision %.3f recall %.3f F1 %.3f (tp %d, fp %d, fn %d)\n", s.foundNets, p, r, f1, s.tp, s.fp, s.fn)
	fmt.Fprintf(w, "relists (new shop, same photo or handle) put in their original's network: %d of %d\n", s.relistsLinked, s.relists)
	fmt.Fprintf(w, "relists flagged and linked to their original hit: %d of %d; listings wrongly called a relist: %d\n", s.relistsFound, s.relists, s.falseRelists)
	if !verbose {
		return
	}
	for _, pr := range s.wrongPairs {
		fmt.Fprintf(w, "  wrongly joined: %s -- %s\n", pr[0], pr[1])
	}
	for _, pr := range s.missedPairs {
		fmt.Fprintf(w, "  missed: %s -- %s\n", pr[0], pr[1])
	}
	for _, r := range s.wrongRelists {
		fmt.Fprintf(w, "  relist: %s\n", r)
	}
}

// evaluateNetworks builds the networks of the world's listings, with the
// demo catalogue's official photos and shops, and scores every pair of
// shops: same network in the labels against same network found.
func evaluateNetworks(ctx context.Context, dir string, det *rules.Detection) (netScore, error) {
	var s netScore
	raw, err := os.ReadFile(filepath.Join(dir, "world.json"))
	if err != nil {
		return s, err
	}
	var world netWorld
	if err := json.Unmarshal(raw, &world); err != nil {
		return s, fmt.Errorf("%s: %w", filepath.Join(dir, "world.json"), err)
	}
	cat, official, err := demoCatalog(ctx)
	if err != nil {
		return s, err
	}
	truth := map[string]string{}
	b := network.NewBuilder(det, cat)
	listings := make([]*shadowscan.Listing, len(world.Listings))
	for i, l := range world.Listings {
		key := l.Site + "/" + l.Seller
		if t, ok := truth[key]; ok && t != l.Network {
			return s, fmt.Errorf("world.json listing %d: shop %s labelled %q and %q", i, key, t, l.Network)
		}
		truth[key] = l.Network
		sl, err := l.listing(official)
		if err != nil {
			return s, fmt.Errorf("world.json listing %d (%s/%s): %w", i, l.Site, l.ID, err)
		}
		b.Add(network.Record{Listing: sl, SKU: l.SKU})
		listings[i] = sl
	}
	s.scoreRelisting(det, cat, world.Listings, listings)
	found := map[string]string{}
	nets := b.Build(nil)
	for _, n := range nets {
		for _, sh := range n.Shops {
			found[sh.Key()] = n.ID
		}
	}
	s.shops, s.foundNets = len(truth), len(nets)
	s.score(truth, found)
	s.scoreRelists(world.Listings, found)
	return s, nil
}

// score counts the pairs of shops.
func (s *netScore) score(truth, found map[string]string) {
	keys := make([]string, 0, len(truth))
	nets := map[string]bool{}
	for k, t := range truth {
		keys = append(keys, k)
		if t != "" {
			nets[t] = true
		}
	}
	s.truthNets = len(nets)
	slices.Sort(keys)
	for i, a := range keys {
		for _, c := range keys[i+1:] {
			same := truth[a] != "" && truth[a] == truth[c]
			got := found[a] != "" && found[a] == found[c]
			switch {
			case same && got:
				s.tp++
			case got:
				s.fp++
				s.wrongPairs = append(s.wrongPairs, [2]string{a, c})
			case same:
				s.fn++
				s.missedPairs = append(s.missedPairs, [2]string{a, c})
			}
		}
	}
}

// scoreRelists counts the relists (a listing under a new shop labelled
// as a relist of an older one) whose shop is in its original's network.
func (s *netScore) scoreRelists(ls []netListing, found map[string]string) {
	shopOf := map[string]string{}
	for _, l := range ls {
		shopOf[l.Site+"/"+l.ID] = l.Site + "/" + l.Seller
	}
	for _, l := range ls {
		if l.RelistOf == "" {
			continue
		}
		s.relists++
		orig, now := found[shopOf[l.RelistOf]], found[l.Site+"/"+l.Seller]
		if orig != "" && orig == now {
			s.relistsLinked++
		}
	}
}

// scoreRelisting gives a Relister every listing a relist brings back, as a
// hit reported at t1 and removed, counts the shops that show their photos
// over every listing, then asks it about every listing, first seen at t0
// (before t1) or, after the takedown, at t2.
func (s *netScore) scoreRelisting(det *rules.Detection, cat *shadowscan.Catalog, world []netListing, ls []*shadowscan.Listing) {
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	t1, t2 := t0.Add(24*time.Hour), t0.Add(48*time.Hour)
	r := network.NewRelister(det, cat)
	ids := map[string]uint64{}
	for i, l := range world {
		if l.RelistOf == "" || ids[l.RelistOf] != 0 {
			continue
		}
		for j, o := range world {
			if o.Site+"/"+o.ID == l.RelistOf {
				ids[l.RelistOf] = uint64(j + 1)
				r.Add(&shadowscan.Hit{ID: uint64(j + 1), Status: shadowscan.StatusRemoved, SKU: o.SKU, Listing: *ls[j],
					History: []shadowscan.Transition{{From: shadowscan.StatusConfirmed, To: shadowscan.StatusReported, At: t1.Format(time.RFC3339)}}})
			}
		}
		if ids[l.RelistOf] == 0 {
			fmt.Fprintf(os.Stderr, "world.json listing %d: relist_of %s names no listing\n", i, l.RelistOf)
		}
	}
	for _, l := range ls { // as a scan counts the stored listings
		r.CountShops(l)
	}
	for i, l := range world {
		seen := t0
		if l.AfterTakedown {
			seen = t2
		}
		got, detail := r.Match(ls[i], l.SKU, func() time.Time { return seen })
		switch {
		case got != 0 && l.RelistOf != "" && got == ids[l.RelistOf]:
			s.relistsFound++
		case got != 0:
			s.falseRelists++
			s.wrongRelists = append(s.wrongRelists, fmt.Sprintf("%s/%s called %q", l.Site, l.ID, detail))
		case l.RelistOf != "":
			s.wrongRelists = append(s.wrongRelists, fmt.Sprintf("%s/%s missed (relist of %s)", l.Site, l.ID, l.RelistOf))
		}
	}
}

// listing makes the world listing a shadowscan listing with hashed photos.
func (l netListing) listing(official map[string][]byte) (*shadowscan.Listing, error) {
	price, err := shadowscan.ParseAmount(l.Price)
	if err != nil {
		return nil, err
	}
	out := &shadowscan.Listing{Site: l.Site, ID: l.ID, URL: "http://" + l.Site + ".example/item/" + l.ID, Title: l.Title, Description: l.Description,
		Price: price, HasPrice: true, Currency: "CNY", SellerID: l.Seller, SellerName: l.SellerName}
	for i, p := range l.Photos {
		img, err := p.image(official)
		if err != nil {
			return nil, err
		}
		data, err := editPhoto(img, p.Edit)
		if err != nil {
			return nil, err
		}
		h, err := photo.HashBytes(data, photo.DefaultLimits)
		if err != nil {
			return nil, fmt.Errorf("photo %d: %w", i, err)
		}
		out.Images = append(out.Images, shadowscan.ListingImage{URL: fmt.Sprintf("%s/img/%d.jpg", out.URL, i), SHA256: h.SHA256,
			PHash: h.PHash, DHash: h.DHash, PDQ: h.PDQ, PDQQuality: h.PDQQuality, Hashed: true})
	}
	return out, nil
}

// image is the picture a photo shows before its edit.
func (p netPhoto) image(official map[string][]byte) (image.Image, error) {
	if p.Official != "" {
		data, ok := official[p.Official]
		if !ok {
			return nil, fmt.Errorf("no official photo of %s in the demo catalogue", p.Official)
		}
		img, _, err := image.Decode(bytes.NewReader(data))
		return img, err
	}
	return ownPicture(p.Own), nil
}

// ownPicture draws a shop's own product shot from seed: a background and
// a dozen coloured blocks, different enough between seeds to tell apart.
func ownPicture(seed uint64) image.Image {
	r := rand.New(rand.NewPCG(seed, seed*7919+1))
	img := image.NewRGBA(image.Rect(0, 0, 320, 320))
	bg := color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	for range 12 {
		x, y := r.IntN(280), r.IntN(280)
		rect := image.Rect(x, y, x+20+r.IntN(120), y+20+r.IntN(120))
		c := color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
		draw.Draw(img, rect, &image.Uniform{c}, image.Point{}, draw.Src)
	}
	return img
}

// editPhoto encodes img as a shop would upload it: edit 0 as JPEG 92,
// 1 as JPEG 70, 2 scaled to 85 % and JPEG 80.
func editPhoto(img image.Image, edit int) ([]byte, error) {
	q := 92
	switch edit {
	case 1:
		q = 70
	case 2:
		b := img.Bounds()
		dst := image.NewRGBA(image.Rect(0, 0, b.Dx()*85/100, b.Dy()*85/100))
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		img, q = dst, 80
	}
	var buf bytes.Buffer
	err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q})
	return buf.Bytes(), err
}

// demoCatalog loads the demo catalogue with its official photos hashed, and
// returns the photos' bytes by SKU.
func demoCatalog(ctx context.Context) (*shadowscan.Catalog, map[string][]byte, error) {
	cat := &shadowscan.Catalog{}
	photos := map[string][]byte{}
	for _, name := range demo.CatalogFiles() {
		f, err := catalog.Load(ctx, demo.CatalogFS(), name)
		if err != nil {
			return nil, nil, err
		}
		cat.Brands = append(cat.Brands, f.Catalog.Brands...)
		cat.Products = append(cat.Products, f.Catalog.Products...)
		for _, p := range f.Catalog.Products {
			if len(p.Images) > 0 {
				if data, ok := f.Photos[p.Images[0].SHA256]; ok {
					photos[p.SKU] = data
				}
			}
		}
	}
	return cat, photos, nil
}

// world2Networks crawls the second world as its evaluation does and links
// the shops of what it found. The world was written for the matcher, not
// for networks: its shops share no handle, and any network found there
// is one nobody put in.
func world2Networks(ctx context.Context, det *rules.Detection) ([]shadowscan.Network, error) {
	dir, err := findWorld2Dir()
	if err != nil {
		return nil, err
	}
	files, siteYAML, _, err := loadWorld2(dir)
	if err != nil {
		return nil, err
	}
	cat := &shadowscan.Catalog{}
	for _, name := range files {
		f, err := catalog.LoadPath(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("world2 catalogue: %w", err)
		}
		cat.Brands = append(cat.Brands, f.Catalog.Brands...)
		cat.Products = append(cat.Products, f.Catalog.Products...)
	}
	site, err := rules.ParseSite(filepath.Join(dir, "site.yaml"), siteYAML)
	if err != nil {
		return nil, err
	}
	m, err := matcher.New(cat, det)
	if err != nil {
		return nil, err
	}
	base, stop, err := serveWorld2(dir)
	if err != nil {
		return nil, err
	}
	defer stop()
	c, err := crawler.New(site, crawler.WithBaseURL(base), scanPhotos(m))
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	b := network.NewBuilder(det, cat)
	_, err = c.Run(ctx, cat.SearchQueries(), func(_ context.Context, p *crawler.Page) error {
		v := m.Match(&p.Listing)
		mu.Lock()
		defer mu.Unlock()
		l := p.Listing
		b.Add(network.Record{Listing: &l, SKU: v.SKU})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("crawl world2: %w", err)
	}
	return b.Build(nil), nil
}

func shopCount(nets []shadowscan.Network) int {
	n := 0
	for _, x := range nets {
		n += len(x.Shops)
	}
	return n
}

// findTestdata finds testdata/sub holding file, from the working directory
// up to the module root.
func findTestdata(sub, file string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; {
		cand := filepath.Join(d, "testdata", sub)
		if st, err := os.Stat(filepath.Join(cand, file)); err == nil && st.Mode().IsRegular() {
			return cand, nil
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	return "", shadowscan.Errorf(shadowscan.ENOTFOUND, "testdata/%s/%s not found above %s (run from inside the shadowscan module)", sub, file, wd)
}
