package shadowscan

import "testing"

func TestListingPath(t *testing.T) {
	same := [][2]string{
		{"http://a/item?id=7&spm=a1.b2&from=search", "https://www.a:8443/item/?id=7"},
		{"/dp/B0ABC?ref=sr_1_3&qid=17&sr=8-3&keywords=x", "/dp/B0ABC"},
		{"/p/1?utm_source=x&UTM_medium=y&pos=3", "/p/1"},
		{"/item?b=2&a=1", "/item?a=1&b=2"},
		{"/items/3396098950-pan-24-cm?referrer=catalog&pos=35", "/items/3396098950-pan-24-cm"},
		{"/item.htm?id=7&ali_trackid=2:x&union_lens=lensId:y", "/item.htm?id=7"},
	}
	for _, c := range same {
		if a, b := ListingPath(c[0]), ListingPath(c[1]); a != b {
			t.Errorf("ListingPath(%q) = %q, ListingPath(%q) = %q: want one listing", c[0], a, c[1], b)
		}
	}
	differ := [][2]string{
		{"/item?id=7", "/item?id=8"},
		{"/item?id=7&skuId=1", "/item?id=7&skuId=2"},
		{"/p/1", "/p/2"},
	}
	for _, c := range differ {
		if ListingPath(c[0]) == ListingPath(c[1]) {
			t.Errorf("%q and %q give one listing path %q", c[0], c[1], ListingPath(c[0]))
		}
	}
	if ListingPath("http://a/%zz") != "" {
		t.Error("an unparsable URL has a listing path")
	}
}
