package demo

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/corona10/goimagehash"
	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo/internal/worldgen"
)

// catalogFile mirrors SPEC "Catalogue file"; KnownFields rejects any key the
// SPEC does not name.
type catalogFile struct {
	Brand struct {
		ID                string              `yaml:"id"`
		Name              string              `yaml:"name"`
		Aliases           []string            `yaml:"aliases"`
		OfficialSellers   []map[string]string `yaml:"official_sellers"`
		AuthorizedSellers []map[string]string `yaml:"authorized_sellers"`
		DefamationTerms   []string            `yaml:"defamation_terms"`
	} `yaml:"brand"`
	Products []struct {
		SKU      string   `yaml:"sku"`
		Name     string   `yaml:"name"`
		Aliases  []string `yaml:"aliases"`
		Price    float64  `yaml:"price"`
		MinPrice float64  `yaml:"min_price"`
		Currency string   `yaml:"currency"`
		Images   []string `yaml:"images"`
	} `yaml:"products"`
}

// MustCatalog parses the embedded catalogue files into the domain types.
func MustCatalog(tb testing.TB) shadowscan.Catalog {
	tb.Helper()
	var cat shadowscan.Catalog
	for _, name := range CatalogFiles() {
		data, err := fs.ReadFile(CatalogFS(), name)
		if err != nil {
			tb.Fatalf("read %s: %v", name, err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		var f catalogFile
		if err := dec.Decode(&f); err != nil {
			tb.Fatalf("%s is not in the SPEC catalogue format: %v", name, err)
		}
		b := shadowscan.Brand{ID: f.Brand.ID, Name: f.Brand.Name, Aliases: f.Brand.Aliases, DefamationTerms: f.Brand.DefamationTerms}
		for _, s := range f.Brand.OfficialSellers {
			b.OfficialSellers = append(b.OfficialSellers, shadowscan.SellerRef{Site: s["site"], SellerID: s["seller_id"]})
		}
		for _, s := range f.Brand.AuthorizedSellers {
			b.AuthorizedSellers = append(b.AuthorizedSellers, shadowscan.SellerRef{Site: s["site"], SellerID: s["seller_id"]})
		}
		if err := b.Validate(); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		cat.Brands = append(cat.Brands, b)
		for _, p := range f.Products {
			prod := shadowscan.Product{SKU: p.SKU, BrandID: b.ID, Name: p.Name, Aliases: p.Aliases,
				Price: shadowscan.AmountFromFloat(p.Price), MinPrice: shadowscan.AmountFromFloat(p.MinPrice), Currency: p.Currency}
			for _, img := range p.Images {
				prod.Images = append(prod.Images, shadowscan.ImageRef{Source: img})
			}
			if err := prod.Validate(); err != nil {
				tb.Fatalf("%s: product %s: %v", name, p.SKU, err)
			}
			cat.Products = append(cat.Products, prod)
		}
	}
	return cat
}

func TestGeneratorReproducesCommittedFiles(t *testing.T) {
	files, err := worldgen.Generate()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.FromSlash(name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./demo)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output (run go generate ./demo and commit)", name)
		}
	}
	// Nothing stale is embedded: every committed world file is generated.
	err = filepath.WalkDir("world", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := files[filepath.ToSlash(path)]; !ok {
			t.Errorf("%s is not produced by the generator: remove it", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEmbeddedWorldIsSmall(t *testing.T) {
	total := len(listingsJSON)
	err := fs.WalkDir(CatalogFS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if strings.HasSuffix(path, ".jpg") && info.Size() >= 40<<10 {
			t.Errorf("%s is %d bytes, want under 40 KB", path, info.Size())
		}
		total += int(info.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total >= 2<<20 {
		t.Errorf("embedded world is %d bytes, want under 2 MB", total)
	}
}

func TestCatalogFiles(t *testing.T) {
	if got := CatalogFiles(); fmt.Sprint(got) != "[aurora.yaml verdance.yaml]" {
		t.Fatalf("CatalogFiles() = %v", got)
	}
	cat := MustCatalog(t)
	han := regexp.MustCompile(`\p{Han}`)
	latin := regexp.MustCompile(`[A-Za-z]{3}`)
	size := regexp.MustCompile(`\d+ ?(g|kg|ml|L|克|千克|毫升|升|粒|片|袋|瓶|支|条|tablets|softgels|sachets|vials|pcs|sheets)`)
	if len(cat.Products) < 18 || len(cat.Products) > 24 {
		t.Errorf("%d products, want about 20", len(cat.Products))
	}
	for _, b := range cat.Brands {
		if len(b.OfficialSellers) == 0 || len(b.AuthorizedSellers) < 2 || len(b.DefamationTerms) == 0 {
			t.Errorf("brand %s needs official and authorised shops and defamation terms", b.ID)
		}
		if !han.MatchString(strings.Join(b.Aliases, " ")) || !latin.MatchString(b.Name) {
			t.Errorf("brand %s needs a Chinese alias and an English name", b.ID)
		}
		for _, s := range append(b.OfficialSellers, b.AuthorizedSellers...) {
			if s.Site != SiteName {
				t.Errorf("brand %s: seller %s on site %q, want %s", b.ID, s.SellerID, s.Site, SiteName)
			}
		}
	}
	for _, p := range cat.Products {
		t.Run(p.SKU, func(t *testing.T) {
			names := strings.Join(p.Names(), " | ")
			if !han.MatchString(names) || !latin.MatchString(names) {
				t.Errorf("names %q: want Chinese and English", names)
			}
			var zhSize, enSize bool
			for _, n := range p.Names() {
				if size.MatchString(n) && han.MatchString(n) {
					zhSize = true
				}
				if size.MatchString(n) && !han.MatchString(n) {
					enSize = true
				}
			}
			if !zhSize || !enSize {
				t.Errorf("names %q: want size or count in a Chinese and an English name", names)
			}
			if p.Currency != "CNY" || p.MinPrice <= 0 || p.MinPrice >= p.Price {
				t.Errorf("price %s min %s %s: want CNY with a floor under list", p.Price, p.MinPrice, p.Currency)
			}
			if len(p.Images) != 1 {
				t.Fatalf("images %v: want one official photo", p.Images)
			}
			f, err := CatalogFS().Open(p.Images[0].Source)
			if err != nil {
				t.Fatalf("photo: %v", err)
			}
			defer f.Close()
			cfg, err := jpeg.DecodeConfig(f)
			if err != nil || cfg.Width != 400 || cfg.Height != 400 {
				t.Errorf("photo %s: %v %dx%d, want a 400x400 JPEG", p.Images[0].Source, err, cfg.Width, cfg.Height)
			}
		})
	}
}

func mustPHash(tb testing.TB, data []byte) *goimagehash.ImageHash {
	tb.Helper()
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("decode: %v", err)
	}
	h, err := goimagehash.PerceptionHash(img)
	if err != nil {
		tb.Fatalf("phash: %v", err)
	}
	return h
}

func officialHashes(tb testing.TB) map[string]*goimagehash.ImageHash {
	tb.Helper()
	hs := map[string]*goimagehash.ImageHash{}
	for _, p := range MustCatalog(tb).Products {
		data, err := fs.ReadFile(CatalogFS(), p.Images[0].Source)
		if err != nil {
			tb.Fatal(err)
		}
		hs[p.Images[0].Source] = mustPHash(tb, data)
	}
	return hs
}

func distance(tb testing.TB, a, b *goimagehash.ImageHash) int {
	d, err := a.Distance(b)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestOfficialPhotosAreFarApart(t *testing.T) {
	hs := officialHashes(t)
	var names []string
	for n := range hs {
		names = append(names, n)
	}
	sort.Strings(names)
	closest := 64
	for i, a := range names {
		for _, b := range names[i+1:] {
			d := distance(t, hs[a], hs[b])
			closest = min(closest, d)
			if d < 20 {
				t.Errorf("%s and %s are %d bits apart in pHash, want at least 20", a, b, d)
			}
		}
	}
	t.Logf("closest pair of official photos: %d bits", closest)
}

// Reused photos must stay near their original and own photos far from every
// official one, or the image signal would mislabel the world.
func TestListingPhotosAgainstOfficialPhotos(t *testing.T) {
	hs := officialHashes(t)
	m := NewMarket()
	maxSelf, minOther, minOwn := 0, 64, 64
	every := 1 // every photo; one in ten under the race detector
	if raceEnabled {
		every = 10
	}
	n := 0
	for _, l := range Listings() {
		for i, s := range l.Images {
			if n++; n%every != 0 {
				continue
			}
			data, err := m.Photo(l.ID, i)
			if err != nil {
				t.Fatal(err)
			}
			h := mustPHash(t, data)
			for name, oh := range hs {
				d := distance(t, h, oh)
				switch {
				case s.Official == name:
					maxSelf = max(maxSelf, d)
				case s.Reused():
					minOther = min(minOther, d)
				default:
					minOwn = min(minOwn, d)
				}
			}
		}
	}
	t.Logf("re-uploads: at most %d bits from their official photo, at least %d from any other; own photos at least %d from any official photo", maxSelf, minOther, minOwn)
	if maxSelf > 12 {
		t.Errorf("a re-uploaded photo is %d bits from its official photo, want at most 12", maxSelf)
	}
	if minOther < 16 || minOwn < 14 {
		t.Errorf("a listing photo is too close to an unrelated official photo: %d / %d bits", minOther, minOwn)
	}
}

var (
	redFlagRE = regexp.MustCompile(`原单|高仿|工厂直供|尾单|1:1|(?i:replica)|A货|复刻`)
	codeRE    = regexp.MustCompile(`刮码|撕码|剪码|无码`)
	idRE      = regexp.MustCompile(`^\w+$`)
)

func TestListingsAreLabelledHonestly(t *testing.T) {
	cat := MustCatalog(t)
	ls := Listings()
	if len(ls) < 280 || len(ls) > 320 {
		t.Errorf("%d listings, want about 300", len(ls))
	}
	counts := map[shadowscan.Category]int{}
	negatives := 0
	seen := map[string]bool{}
	badSellers := map[string]int{}
	goodSellers := map[string]bool{}
	for _, l := range ls {
		if !idRE.MatchString(l.ID) || seen[l.ID] {
			t.Errorf("listing id %q: want unique [A-Za-z0-9_]+", l.ID)
		}
		seen[l.ID] = true
		tr := l.Truth
		if tr.Why == "" || strings.Contains(tr.Why, "\n") {
			t.Errorf("%s: Why %q: want one line", l.ID, tr.Why)
		}
		if len(l.Images) == 0 || l.SellerID == "" || l.SellerName == "" || l.Title == "" {
			t.Errorf("%s: want title, seller and at least one photo", l.ID)
		}
		if tr.Flagged != (tr.Category != "") {
			t.Errorf("%s: flagged %v with category %q", l.ID, tr.Flagged, tr.Category)
		}
		if !tr.Flagged {
			negatives++
			goodSellers[l.SellerID] = true
		} else {
			counts[tr.Category]++
			badSellers[l.SellerID]++
		}
		var p *shadowscan.Product
		if tr.SKU != "" {
			if p = cat.Product(tr.SKU); p == nil {
				t.Errorf("%s: SKU %s is not in the catalogue files", l.ID, tr.SKU)
				continue
			}
			if p.BrandID != tr.BrandID {
				t.Errorf("%s: SKU %s belongs to %s, truth says %s", l.ID, tr.SKU, p.BrandID, tr.BrandID)
			}
		}
		if tr.Flagged && tr.Category != shadowscan.CategoryDefamation && p == nil {
			t.Errorf("%s: flagged %s without a SKU", l.ID, tr.Category)
			continue
		}
		var b *shadowscan.Brand
		if tr.BrandID != "" {
			b = cat.Brand(tr.BrandID)
		}
		if tr.Flagged && b == nil {
			t.Errorf("%s: flagged without a known brand %q", l.ID, tr.BrandID)
			continue
		}
		text := l.Title + " " + l.Description
		reused := false
		for _, s := range l.Images {
			reused = reused || (p != nil && s.Official == p.Images[0].Source)
		}
		switch tr.Category {
		case shadowscan.CategoryCounterfeit:
			signals := 0
			if l.HasPrice() && l.Price*2 < p.Price {
				signals++
			}
			if redFlagRE.MatchString(text) {
				signals++
			}
			if reused {
				signals++
			}
			if signals < 2 || b.RoleOf(SiteName, l.SellerID) != shadowscan.RoleUnknown {
				t.Errorf("%s: counterfeit needs an unknown seller and two signals, has %d: %s", l.ID, signals, tr.Why)
			}
		case shadowscan.CategoryCodeTampered:
			if !codeRE.MatchString(text) || redFlagRE.MatchString(text) || b.RoleOf(SiteName, l.SellerID) == shadowscan.RoleOfficial {
				t.Errorf("%s: code_tampered needs a code-removal word and no counterfeit words: %s", l.ID, text)
			}
		case shadowscan.CategoryPriceDumping:
			if b.RoleOf(SiteName, l.SellerID) != shadowscan.RoleAuthorized || !l.HasPrice() || l.Price >= p.MinPrice || l.Price*2 < p.Price || redFlagRE.MatchString(text) || codeRE.MatchString(text) {
				t.Errorf("%s: price_dumping needs an authorised seller under the floor and nothing else: %s", l.ID, tr.Why)
			}
		case shadowscan.CategoryUnauthorizedSeller:
			if b.RoleOf(SiteName, l.SellerID) != shadowscan.RoleUnknown || l.Price*4 < p.Price*3 || redFlagRE.MatchString(text) || codeRE.MatchString(text) {
				t.Errorf("%s: unauthorized_seller needs an unknown seller at a plausible price and no other signal: %s", l.ID, tr.Why)
			}
		case shadowscan.CategoryDefamation:
			hit := false
			for _, term := range append(b.DefamationTerms, "传销骗局", "骗局", "智商税") {
				hit = hit || strings.Contains(strings.ToLower(text), strings.ToLower(term))
			}
			if !hit {
				t.Errorf("%s: defamation without a defamation phrase: %s", l.ID, text)
			}
		case "":
			if p != nil {
				role := cat.Brand(p.BrandID).RoleOf(SiteName, l.SellerID)
				if role == shadowscan.RoleUnknown || (role == shadowscan.RoleAuthorized && l.HasPrice() && l.Price < p.MinPrice) {
					t.Errorf("%s: a negative offering %s must come from an official shop or an authorised one at or above the floor", l.ID, p.SKU)
				}
			}
			if redFlagRE.MatchString(text) || codeRE.MatchString(text) {
				t.Errorf("%s: negative with a red-flag or code word: %s", l.ID, text)
			}
		default:
			t.Errorf("%s: unknown category %q", l.ID, tr.Category)
		}
	}
	for _, c := range shadowscan.Categories {
		if counts[c] < 15 {
			t.Errorf("%d %s listings, want at least 15", counts[c], c)
		}
	}
	if negatives < 120 {
		t.Errorf("%d negatives, want at least 120", negatives)
	}
	repeat, mixed := 0, 0
	for s, n := range badSellers {
		if n >= 3 && !strings.HasPrefix(s, "shop-") {
			repeat++
		}
		if goodSellers[s] {
			mixed++
		}
	}
	if repeat < 3 || mixed < 3 {
		t.Errorf("%d repeat offenders and %d sellers with good and bad listings, want at least 3 of each", repeat, mixed)
	}
	t.Logf("counts %v, negatives %d, repeat offenders %d, mixed sellers %d", counts, negatives, repeat, mixed)
}

func TestTruthByID(t *testing.T) {
	m := TruthByID()
	ls := Listings()
	if len(m) != len(ls) {
		t.Fatalf("TruthByID has %d entries for %d listings", len(m), len(ls))
	}
	for _, l := range ls {
		if m[l.ID] != l.Truth {
			t.Errorf("%s: TruthByID %+v, listing %+v", l.ID, m[l.ID], l.Truth)
		}
	}
}
