package web

import (
	"strings"
	"testing"
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
