package demo

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func TestEdit(t *testing.T) {
	l := find(t, func(l Listing) bool { return l.HasPrice() && !strings.Contains(l.PriceText, "-") && len(l.Images) > 0 })
	tests := []struct {
		name      string
		edit      func(*Listing)
		wantTitle string
		wantPrice string
		wantLD    shadowscan.Amount
	}{
		{"price", func(e *Listing) { e.Price, e.PriceText = 1234, "￥12.34" }, l.Title, "￥12.34", 1234},
		{"title", func(e *Listing) { e.Title = "改过的标题" }, "改过的标题", l.PriceText, l.Price},
		{"id is kept", func(e *Listing) { e.ID = "other"; e.Title = "still " + l.ID }, "still " + l.ID, l.PriceText, l.Price},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, srv := newTestMarket(t)
			if err := m.Edit(l.ID, tt.edit); err != nil {
				t.Fatal(err)
			}
			doc := MustDoc(t, srv.URL+"/item/"+l.ID, http.StatusOK)
			if got := doc.Find("h1.title").Text(); got != tt.wantTitle {
				t.Errorf("title %q, want %q", got, tt.wantTitle)
			}
			if got := doc.Find("span.price").Text(); got != tt.wantPrice {
				t.Errorf("price %q, want %q", got, tt.wantPrice)
			}
			var ld jsonLD
			if err := json.Unmarshal([]byte(doc.Find(`script[type="application/ld+json"]`).Text()), &ld); err != nil {
				t.Fatal(err)
			}
			if ld.Offers.Price == nil || *ld.Offers.Price != tt.wantLD {
				t.Errorf("JSON-LD price %v, want %s", ld.Offers.Price, tt.wantLD)
			}
			// The embedded world and other markets are untouched.
			if orig, _ := listing(l.ID); orig.Title != l.Title || orig.Price != l.Price {
				t.Errorf("edit leaked into the embedded listing: %+v", orig)
			}
			_, osrv := newTestMarket(t)
			if got := MustDoc(t, osrv.URL+"/item/"+l.ID, http.StatusOK).Find("h1.title").Text(); got != l.Title {
				t.Errorf("another market shows %q", got)
			}
			if status, _, _ := MustGet(t, srv.URL+"/img/"+l.ID+"/0.jpg"); status != http.StatusOK {
				t.Errorf("photo of edited listing: status %d", status)
			}
		})
	}
	t.Run("edits accumulate and take-down still applies", func(t *testing.T) {
		m, srv := newTestMarket(t)
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(m.Edit(l.ID, func(e *Listing) { e.Title = "first" }))
		must(m.Edit(l.ID, func(e *Listing) { e.Title += " second" }))
		if got := MustDoc(t, srv.URL+"/item/"+l.ID, http.StatusOK).Find("h1.title").Text(); got != "first second" {
			t.Errorf("title %q after two edits", got)
		}
		m.TakeDown(l.ID, Gone)
		if status, _, _ := MustGet(t, srv.URL+"/item/"+l.ID); status != http.StatusGone {
			t.Errorf("edited listing taken down: status %d, want 410", status)
		}
	})
	t.Run("unknown id", func(t *testing.T) {
		m := NewMarket()
		err := m.Edit("nope", func(*Listing) { t.Error("fn called for an unknown id") })
		if shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
			t.Errorf("error %v, want ENOTFOUND", err)
		}
	})
}
