package matcher

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// Hashes of the protein powder photo's variants and PDQ hash.
const (
	mirroredProt500P = 0x63c1_a58e_1d2b_74f9
	mirroredProt500D = 0x6b8a_0d33_f1c2_9e54
)

var pdqProt500 = shadowscan.PDQ{0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, 0x5a5a_a5a5_0ff0_f00f, 0x3c3c_c3c3_9669_6996}

// flipPDQ returns q with n distinct bits inverted, spread over its words.
func flipPDQ(q shadowscan.PDQ, n int) shadowscan.PDQ {
	rng := rand.New(rand.NewPCG(uint64(n), 5))
	for _, b := range rng.Perm(256)[:n] {
		q[b/64] ^= 1 << (b % 64)
	}
	return q
}

// photoCatalog is the test catalogue with the protein powder's photo
// given a PDQ hash of quality 90 and a mirrored variant.
func photoCatalog() *shadowscan.Catalog {
	cat := testCatalog()
	im := &cat.Products[0].Images[0]
	im.PDQ, im.PDQQuality = pdqProt500, 90
	im.Variants = []shadowscan.ImageVariant{{Kind: "mirrored left-right", PHash: mirroredProt500P, DHash: mirroredProt500D, PDQ: flipPDQ(pdqProt500, 128)}}
	return cat
}

func photoMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	det := testDetection()
	det.Image.MaxPDQDistance, det.Image.MinPDQQuality = 31, 50
	m, err := New(photoCatalog(), det)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// pdqPhoto returns a listing photo whose pHash and dHash match nothing,
// with PDQ hash q of quality.
func pdqPhoto(q shadowscan.PDQ, quality int) shadowscan.ListingImage {
	im := photo(0x1111_2222_3333_4444, 0x5555_6666_7777_8888)
	im.PDQ, im.PDQQuality = q, quality
	return im
}

func TestPhotoSignal(t *testing.T) {
	m := photoMatcher(t)
	tests := []struct {
		name    string
		l       *shadowscan.Listing
		flagged bool
		reason  string // the image reason, "" for none
	}{
		{"the photo itself", listing("奥罗拉 蛋白粉 500g", 180, "shop-9", photo(photoProt500P, photoProt500D)),
			true, "photo 1 is the official photo of AUR-PROT-500 at distance 0 (dHash 0)"},
		{"a mirrored copy matches the mirrored variant, named in the reason", listing("奥罗拉 蛋白粉 500g", 180, "shop-9", photo(flip(mirroredProt500P, 3), mirroredProt500D)),
			true, "photo 1 is the official photo of AUR-PROT-500, mirrored left-right, at distance 3 (dHash 0)"},
		{"PDQ alone matches within 31 bits when both qualities are trusted", listing("奥罗拉 蛋白粉 500g", 180, "shop-9", pdqPhoto(flipPDQ(pdqProt500, 20), 80)),
			true, "photo 1 is the official photo of AUR-PROT-500 at PDQ distance 20"},
		{"PDQ beyond 31 bits is no match", listing("奥罗拉 蛋白粉 500g", 180, "shop-9", pdqPhoto(flipPDQ(pdqProt500, 40), 80)),
			true, ""},
		{"PDQ of a featureless listing photo is not trusted", listing("奥罗拉 蛋白粉 500g", 180, "shop-9", pdqPhoto(pdqProt500, 30)),
			true, ""},
		{"pHash and dHash are preferred when both match", listing("奥罗拉 蛋白粉 500g", 180, "shop-9", func() shadowscan.ListingImage {
			im := photo(flip(photoProt500P, 2), photoProt500D)
			im.PDQ, im.PDQQuality = pdqProt500, 90
			return im
		}()), true, "photo 1 is the official photo of AUR-PROT-500 at distance 2 (dHash 0)"},
		// Precision: a reused photo found by PDQ on a listing about
		// something else does not alone make a hit.
		{"a PDQ match on a title about something else is no hit", listing("拖把 家用 免手洗", 39, "shop-9", pdqPhoto(flipPDQ(pdqProt500, 10), 80)),
			false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := m.Match(tt.l)
			if v.Flagged != tt.flagged {
				t.Fatalf("flagged = %v, want %v (%s)", v.Flagged, tt.flagged, reasons(v))
			}
			var got string
			for _, r := range v.Reasons {
				if r.Signal == "image" {
					got = r.Detail
				}
			}
			if !strings.HasPrefix(got, tt.reason) || (tt.reason == "") != (got == "") {
				t.Errorf("image reason %q, want %q (%s)", got, tt.reason, reasons(v))
			}
		})
	}
}

// TestPDQIndexSkipsUntrustedPhotos: an official photo whose PDQ quality is
// under the rule's minimum is not in the PDQ index; one without a PDQ hash
// (imported before shadowscan computed it) neither.
func TestPDQIndexSkipsUntrustedPhotos(t *testing.T) {
	cat := photoCatalog()
	cat.Products[0].Images[0].PDQQuality = 20
	det := testDetection()
	det.Image.MaxPDQDistance, det.Image.MinPDQQuality = 31, 50
	m, err := New(cat, det)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.pdqRefs) != 0 {
		t.Errorf("%d PDQ entries for a photo of quality 20, want 0", len(m.pdqRefs))
	}
	if n := len(m.imgRefs); n != 6 { // five photos, one variant
		t.Errorf("%d pHash entries, want 6", n)
	}
	v := m.Match(listing("奥罗拉 蛋白粉 500g", 180, "shop-9", pdqPhoto(pdqProt500, 90)))
	for _, r := range v.Reasons {
		if r.Signal == "image" {
			t.Errorf("matched by an untrusted PDQ hash: %s", r.Detail)
		}
	}
}

func reasons(v shadowscan.Verdict) string {
	var s []string
	for _, r := range v.Reasons {
		s = append(s, r.Detail)
	}
	return strings.Join(s, "; ")
}

// TestPhotoMatchesAgreesWithTheIndex: for listing photos near and far from
// the test catalogue's photos and variants, by pHash, dHash and PDQ, the
// Matcher's indexes find a product's photo exactly when PhotoMatches says
// the pair matches.
func TestPhotoMatchesAgreesWithTheIndex(t *testing.T) {
	m := photoMatcher(t)
	cat := photoCatalog()
	rng := rand.New(rand.NewPCG(11, 11))
	for i := range 400 {
		im := photo(rng.Uint64(), rng.Uint64())
		switch i % 4 {
		case 0: // near the protein powder's pHash or its variant's
			p, d := uint64(photoProt500P), uint64(photoProt500D)
			if rng.IntN(2) == 0 {
				p, d = mirroredProt500P, mirroredProt500D
			}
			im.PHash, im.DHash = p^randomBits(rng, rng.IntN(14)), d^randomBits(rng, rng.IntN(16))
		case 1: // near its PDQ hash
			im.PDQ, im.PDQQuality = flipPDQ(pdqProt500, rng.IntN(40)), 40+rng.IntN(40)
		case 2: // near another product's photo
			im.PHash, im.DHash = photoVitCP^randomBits(rng, rng.IntN(14)), photoVitCD^randomBits(rng, rng.IntN(14))
		}
		found := map[int]bool{}
		for _, h := range m.matchImages(listing("x", 1, "s", im)) {
			found[h.product] = true
		}
		for pi, p := range cat.Products {
			want := false
			for _, o := range p.Images {
				if _, ok := PhotoMatches(m.det.Image, im, o); ok {
					want = true
				}
			}
			// The index keeps only the closest matches of each photo, so a
			// product may go unreported when another's photo is closer;
			// here no two photos lie near one query.
			if found[pi] != want {
				t.Fatalf("query %d (%+v): index found %s = %v, PhotoMatches %v", i, im, p.SKU, found[pi], want)
			}
		}
	}
}
