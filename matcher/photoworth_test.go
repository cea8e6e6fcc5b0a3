package matcher

import (
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestNamesBrand: a listing names a brand by its name or an alias in any
// script, spaced, cased or full-width, in the title or the description; a
// look-alike built on the brand's name, a product name without the brand
// and unrelated text name none.
func TestNamesBrand(t *testing.T) {
	m := MustMatcher(t)
	for _, tc := range []struct {
		name, title, desc string
		want              bool
	}{
		{"brand name in the title", "Aurora Wellness Plant Protein Powder 500g", "", true},
		{"alias, upper case", "AURORA protein 500g", "", true},
		{"CJK alias without spaces", "正品奥罗拉植物蛋白粉500克", "", true},
		{"full-width letters", "ＡＵＲＯＲＡ 蛋白粉", "", true},
		{"second brand", "北极光 维生素", "", true},
		{"brand in the description only", "植物蛋白粉 500g", "同款奥罗拉配方", true},
		{"product words without the brand", "植物蛋白粉 500克 包邮", "", false},
		{"look-alike shop name built on the brand", "奥罗拉轩 植物蛋白粉", "", false},
		{"unrelated", "USB charging cable 1m", "fast charge", false},
		{"empty", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := listing(tc.title, 100, "shop-9")
			l.Description = tc.desc
			if got := m.NamesBrand(l); got != tc.want {
				t.Errorf("NamesBrand(%q, %q) = %v, want %v", tc.title, tc.desc, got, tc.want)
			}
		})
	}
	if m.NamesBrand(nil) {
		t.Error("NamesBrand(nil) = true")
	}
}

// TestNamesBrandCoversTextLinks: what skipping the photos of listings
// that name no brand relies on. Without photos, Match links a listing to
// a brand only when NamesBrand says the listing names one, so the photos
// of the others can only add links by photo, never take one away.
func TestNamesBrandCoversTextLinks(t *testing.T) {
	m := MustMatcher(t)
	titles := []string{
		"Aurora Wellness Plant Protein Powder 500g", "奥罗拉植物蛋白粉 500克 原单", "AURORA 蛋白粉 刮码",
		"奥罗拉 传销骗局 别买", "北极光 维生素C", "奥罗拉轩 植物蛋白粉", "植物蛋白粉 500克",
		"shaker for Aurora protein", "比奥罗拉便宜的蛋白粉", "not Aurora, plant protein", "蛋白粉 500克 高仿",
		"Vitamin C 1000mg tablets", "奥罗拉割韭菜",
	}
	named := 0
	for _, title := range titles {
		for _, price := range []float64{20, 298} {
			l := listing(title, price, "shop-9", shadowscan.ListingImage{URL: "http://127.0.0.1/p.jpg"})
			v := m.Match(l)
			names := m.NamesBrand(l)
			if names {
				named++
			}
			if (v.BrandID != "" || v.Flagged) && !names {
				t.Errorf("%q at %v: Match gave brand %q, flagged %v without photos, but NamesBrand is false", title, price, v.BrandID, v.Flagged)
			}
		}
	}
	if named == 0 || named == 2*len(titles) {
		t.Fatalf("NamesBrand true for %d of %d: the cases do not tell it apart", named, 2*len(titles))
	}
}
