package web

import (
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

func TestQueueExplainsEachHit(t *testing.T) {
	f := newFixture(t, Config{})
	doc := mustDoc(t, f.do("GET", "/queue", ""))
	row := doc.Find(`#queue tr[data-id="1"]`)
	if src, _ := row.Find("img.listing-thumb").Attr("src"); src != "/hits/1/photos/0" {
		t.Errorf("listing thumbnail %q", src)
	}
	if src, _ := row.Find("img.official-thumb").Attr("src"); src != "/products/AUR-PROT-500/photos/0" {
		t.Errorf("official thumbnail %q", src)
	}
	if sku := strings.TrimSpace(row.Find("td.sku").Text()); sku != "AUR-PROT-500" {
		t.Errorf("SKU cell %q", sku)
	}
	price := row.Find("td.price")
	if txt := price.Text(); !strings.Contains(txt, "30 % of list ¥298.00") || !strings.Contains(txt, "floor ¥268.00") || price.Find(".under-floor").Length() != 1 {
		t.Errorf("price cell %q", txt)
	}
	chips := row.Find(".chips .chip")
	if chips.Length() != 2 || !strings.HasPrefix(chips.First().Text(), "price +40") || !strings.HasPrefix(chips.Last().Text(), "words +30") {
		t.Errorf("chips %q", chips.Text())
	}
	// The reason's detail is a stranger's text: escaped, in the title only.
	if title, _ := chips.Last().Attr("title"); title != `red-flag word "<b>高仿</b>"` || chips.Last().Find("b").Length() != 0 {
		t.Errorf("chip title %q", title)
	}
}

func TestQueueTextSearch(t *testing.T) {
	f := newFixture(t, Config{Export: func(contextT, io.Writer, shadowscan.HitFilter, string) error { return nil }})
	ids := func(path string) string {
		t.Helper()
		doc := mustDoc(t, f.do("GET", path, ""))
		var out []string
		doc.Find("#queue tbody tr[data-id]").Each(func(_ int, s *goquery.Selection) { out = append(out, s.AttrOr("data-id", "")) })
		return strings.Join(out, ",")
	}
	cases := []struct{ q, want string }{
		{"蛋白粉", "1,2,3"},              // title, Chinese
		{"ＡＵＲＯＲＡ 蛋白粉 500", "2"},       // full-width and case fold
		{"shop-z", "4,5"},             // seller id
		{"aur-prot-500", "1,2,3,4,5"}, // SKU, any case
		{"no such thing", ""},
	}
	for _, c := range cases {
		if got := ids("/queue?q=" + url.QueryEscape(c.q)); got != c.want {
			t.Errorf("q=%s: hits %q, want %q", c.q, got, c.want)
		}
	}
	// Filters and the search combine; the API takes q too.
	if got := ids("/queue?status=new&q=shop-x"); got != "1" {
		t.Errorf("status=new&q=shop-x: %q", got)
	}
	got := decode[hitList](t, f.do("GET", "/api/hits?q=shop-z&limit=1", ""))
	if got.Total != 2 || len(got.Hits) != 1 || got.Hits[0].ID != 4 {
		t.Errorf("API search: %+v", got)
	}
	// The search box keeps the text, escaped; export refuses a search.
	doc := mustDoc(t, f.do("GET", "/queue?q="+url.QueryEscape(`"><script>x</script>`), ""))
	if v, _ := doc.Find("#search").Attr("value"); v != `"><script>x</script>` || doc.Find("main script:not([src])").Length() != 0 {
		t.Errorf("search box value %q", v)
	}
	if doc.Find(`form[action="/export"]`).Length() != 0 || doc.Find("#export-search").Length() != 1 {
		t.Error("export offered for a text search")
	}
	if resp := f.do("POST", "/export", "q=shop&status=new", withCSRF(f.srv)); resp.StatusCode != 400 {
		t.Errorf("export with q: %d", resp.StatusCode)
	}
}
