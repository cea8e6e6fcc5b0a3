package shadowscan

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestManualNext(t *testing.T) {
	for _, tt := range []struct {
		from Status
		want []Status
	}{
		{StatusNew, []Status{StatusConfirmed, StatusDismissed, StatusEscalated}},
		{StatusDismissed, []Status{}}, // only a rescan brings it back
		{StatusRemoved, []Status{}},   // only a rescan finds it relisted
		{StatusRelisted, []Status{StatusReported}},
	} {
		if got := tt.from.ManualNext(); !slices.Equal(got, tt.want) {
			t.Errorf("%s.ManualNext() = %v, want %v", tt.from, got, tt.want)
		}
	}
}

func TestNewHitView(t *testing.T) {
	seen := time.Date(2026, 11, 27, 8, 0, 0, 5, time.FixedZone("CST", 8*3600))
	gone := seen.Add(time.Hour)
	h := &Hit{ID: 7, Status: StatusReported, Category: CategoryCounterfeit, Score: 90, BrandID: "aurora", SKU: "A-1",
		Listing: Listing{Site: "m", ID: "x", Title: "t", Description: "d", Currency: "CNY",
			Images: []ListingImage{{URL: "http://m/1.jpg"}}},
		History:   []Transition{{To: StatusNew, By: "scan"}},
		FirstSeen: seen, LastSeen: seen, RemovedAt: &gone}
	v := NewHitView(h, false)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, want := range []string{`"price":null`, `"reasons":[]`, `"images":["http://m/1.jpg"]`, `"first_seen":"2026-11-27T00:00:00Z"`,
		`"removed_at":"2026-11-27T01:00:00Z"`, `"allowed":["removed"]`, `"listing_id":"x"`} {
		if !strings.Contains(js, want) {
			t.Errorf("view %s lacks %s", js, want)
		}
	}
	if strings.Contains(js, `"history"`) || strings.Contains(js, `"description"`) {
		t.Errorf("a list view carries history or description: %s", js)
	}
	h.Listing.HasPrice, h.Listing.Price = true, 8900
	full := NewHitView(h, true)
	if full.Listing.Price == nil || *full.Listing.Price != 8900 || len(full.History) != 1 || full.Listing.Description != "d" {
		t.Errorf("full view %+v", full)
	}
}

func TestHitSummary(t *testing.T) {
	h := &Hit{Category: CategoryCounterfeit, Reasons: []Reason{
		{Signal: "text", Detail: "title names X", Points: 30},
		{Signal: "seller", Detail: "seller s is not official or authorised", Points: 30},
		{Signal: "words", Detail: `title says "A货" (counterfeit word)`, Points: 30},
		{Signal: "image", Detail: "photo 1 is the official photo", Points: 25},
		{Signal: "price", Detail: "¥290.00 is 97 % of the list price", Points: 0},
	}}
	if got, want := h.Summary(), `counterfeit: title says "A货" (counterfeit word); photo 1 is the official photo`; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	h.Category = CategoryUnauthorizedSeller
	if got, want := h.Summary(), `unauthorized_seller: seller s is not official or authorised; photo 1 is the official photo`; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	h = &Hit{Category: CategoryDefamation, Reasons: []Reason{{Signal: "brand", Detail: "title names the brand", Points: 10}}}
	if got := h.Summary(); got != "defamation: title names the brand" {
		t.Errorf("identification only: %q", got)
	}
	if got := (&Hit{Category: CategoryPriceDumping}).Summary(); got != "price_dumping" {
		t.Errorf("no reasons: %q", got)
	}
}
