package matcher

import (
	"reflect"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestPhotosMatter: photos matter for a listing that names a brand (name
// or alias, any script, spaced, cased or full-width, title or
// description) and for one whose title a close official photo could link
// to a product (product words without the brand); not for text that no
// photo could link: a look-alike brand, another size, other goods.
func TestPhotosMatter(t *testing.T) {
	m := MustMatcher(t)
	for _, tc := range []struct {
		name, title, desc string
		want              bool
	}{
		{"brand name in the title", "Aurora Wellness Plant Protein Powder 500g", "", true},
		{"alias, upper case", "AURORA protein 500g", "", true},
		{"CJK alias without spaces", "正品奥罗拉植物蛋白粉500克", "", true},
		{"full-width letters", "ＡＵＲＯＲＡ 蛋白粉", "", true},
		{"second brand", "北极光 深海鱼油", "", true},
		{"brand in the description only", "USB cable", "同款奥罗拉配方", true},
		{"product words without the brand", "Plant Protein Powder 500g", "", true},
		{"CJK product words without the brand", "保湿面霜 50ml 包邮", "", true},
		{"look-alike brand built on the brand's name", "奥罗拉轩 植物蛋白粉 500克", "", false},
		{"product words at a size no product has", "Plant Protein Powder 2kg", "", false},
		{"unrelated goods", "USB charging cable 1m", "fast charge", false},
		{"empty", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := listing(tc.title, 100, "shop-9")
			l.Description = tc.desc
			if got := m.PhotosMatter(l); got != tc.want {
				t.Errorf("PhotosMatter(%q, %q) = %v, want %v", tc.title, tc.desc, got, tc.want)
			}
		})
	}
	if m.PhotosMatter(nil) {
		t.Error("PhotosMatter(nil) = true")
	}
}

// TestPhotosMatterIsSafe: what skipping photos relies on. For a listing
// whose photos do not matter, Match gives the same verdict with no photo
// as with any official photo of the catalogue, exactly as hashed; and
// some listing without a brand is linked by such a photo, so photos do
// matter beyond the brand's names.
func TestPhotosMatterIsSafe(t *testing.T) {
	m := MustMatcher(t)
	titles := []string{
		"Aurora Wellness Plant Protein Powder 500g", "奥罗拉植物蛋白粉 500克 原单", "AURORA 蛋白粉 刮码",
		"奥罗拉 传销骗局 别买", "北极光 深海鱼油", "奥罗拉轩 植物蛋白粉", "植物蛋白粉 500克", "Plant Protein Powder 500g",
		"Plant Protein Powder 2kg", "shaker for Aurora protein", "比奥罗拉便宜的蛋白粉", "蛋白粉 500克 高仿",
		"Vitamin C 60 Tablets", "Hydrating Face Cream 50ml", "USB charging cable 1m", "奥罗拉割韭菜", "Face Cream Gift Set",
	}
	brandless := map[string]bool{"植物蛋白粉 500克": true, "Plant Protein Powder 500g": true, "Vitamin C 60 Tablets": true, "Hydrating Face Cream 50ml": true}
	photos := []shadowscan.ListingImage{
		photo(photoProt500P, photoProt500D), photo(photoProt1kP, photoProt1kD), photo(photoVitCP, photoVitCD), photo(photoSharedP, photoSharedD),
	}
	matter, byPhotoOnly := 0, 0
	for _, title := range titles {
		for _, price := range []float64{20, 298} {
			bare := listing(title, price, "shop-9", shadowscan.ListingImage{URL: "http://127.0.0.1/p.jpg"})
			without := m.Match(bare)
			if m.PhotosMatter(bare) {
				matter++
			}
			for _, p := range photos {
				with := m.Match(listing(title, price, "shop-9", p))
				if !m.PhotosMatter(bare) && !reflect.DeepEqual(with, without) {
					t.Errorf("%q at %v: photos do not matter, yet photo %016x gives %+v against %+v without", title, price, p.PHash, with, without)
				}
				if brandless[title] && with.SKU != "" && without.SKU == "" {
					byPhotoOnly++
				}
			}
		}
	}
	if matter == 0 || matter == 2*len(titles) || byPhotoOnly == 0 {
		t.Fatalf("photos matter for %d of %d, link a brandless title %d times: the cases do not tell the rule apart", matter, 2*len(titles), byPhotoOnly)
	}
}
