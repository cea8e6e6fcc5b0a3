package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// sellerFixture is the fixture's hits plus a third hit of shop-z (which
// makes it the seller with most hits, but no offence), shop-y authorised
// for aurora, a confirmation by alice in hit 3's history, a seller id
// with a slash and a question mark, the listings of shop-x across scans
// (one never flagged) and a network holding shop-x.
func sellerFixture(t *testing.T) *fixture {
	t.Helper()
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	listings := func(_ context.Context, site, seller string, limit int) ([]SellerListing, int, error) {
		if site != "demo-market" || seller != "shop-x" {
			return nil, 0, nil
		}
		l := func(id, title string, hit uint64, scan uint64) SellerListing {
			price := shadowscan.Amount(8900)
			return SellerListing{Listing: shadowscan.ListingView{Site: site, ListingID: id, Title: title, Price: &price, Currency: "CNY", SellerID: seller},
				FirstSeen: t0, LastSeen: t0.Add(time.Duration(scan) * time.Hour), ScanID: scan, HitID: hit}
		}
		out := []SellerListing{l("L9", "奥罗拉 护手霜 plain", 0, 3), l("L1", xssTitle, 1, 2), l("L3", "奥罗拉 蛋白粉 原单", 3, 1)}
		return out[:min(limit, len(out))], len(out), nil
	}
	nets := func(context.Context) ([]shadowscan.Network, error) {
		return []shadowscan.Network{{ID: "n0123456789", Shops: []shadowscan.NetworkShop{
			{Site: "demo-market", SellerID: "shop-w", Confirmed: 2}, {Site: "demo-market", SellerID: "shop-x", Confirmed: 1},
		}, Links: []shadowscan.NetworkLink{{A: "demo-market/shop-w", B: "demo-market/shop-x", Kind: shadowscan.LinkHandle, Detail: "same WeChat id ring88", Strength: 3, Joined: true}}}}, nil
	}
	f := newFixture(t, Config{SellerListings: listings, Networks: nets})
	f.mem.cat.Brands[0].AuthorizedSellers = []shadowscan.SellerRef{{Site: "demo-market", SellerID: "shop-y", Tier: "gold"}, {Site: "demo-market", SellerID: "shop-quiet"}}
	f.mem.hits[2].History = []shadowscan.Transition{{From: shadowscan.StatusNew, To: shadowscan.StatusConfirmed, By: "alice", At: "2026-03-02T10:00:00Z"}}
	f.mem.hits = append(f.mem.hits,
		hit(6, 30, shadowscan.StatusNew, shadowscan.CategoryPriceDumping, "third of shop-z", "shop-z"),
		hit(7, 20, shadowscan.StatusNew, shadowscan.CategoryCounterfeit, "odd seller id", "a/b?c"))
	return f
}

func TestSellersMarkAndSortRepeatOffenders(t *testing.T) {
	f := sellerFixture(t)
	doc := mustDoc(t, f.do("GET", "/sellers", ""))
	var order []string
	doc.Find("#sellers tbody tr").Each(func(_ int, r *goquery.Selection) { order = append(order, r.AttrOr("data-seller", "")) })
	// shop-x has 2 hits, one confirmed; shop-z has 3 and none confirmed.
	if len(order) < 2 || order[0] != "demo-market/shop-x" || order[1] != "demo-market/shop-z" {
		t.Errorf("sellers in order %v, want the repeat offender shop-x before shop-z (more hits, none confirmed)", order)
	}
	first := doc.Find("#sellers tbody tr").First()
	if !first.HasClass("repeat-offender") || first.Find(".offender").Length() != 1 {
		t.Errorf("shop-x's row is not marked a repeat offender: %q", first.Text())
	}
	if n := doc.Find("#sellers tbody tr.repeat-offender").Length(); n != 1 {
		t.Errorf("%d rows marked repeat offenders, want 1", n)
	}
	y := doc.Find(`#sellers tr[data-seller="demo-market/shop-y"] td.role`)
	if got := strings.Join(strings.Fields(y.Text()), " "); got != "authorised (aurora)" {
		t.Errorf("shop-y's role cell %q, want authorised (aurora)", got)
	}
	if got := doc.Find(`#sellers tr[data-seller="demo-market/shop-z"] td.role`).Text(); got != "unknown" {
		t.Errorf("shop-z's role cell %q, want unknown", got)
	}
	if href := doc.Find(`#sellers tr[data-seller="demo-market/a/b?c"] a`).AttrOr("href", ""); href != "/sellers/demo-market/a%2Fb%3Fc" {
		t.Errorf("odd seller id's link %q", href)
	}
	if lead := doc.Find(".lead").Text(); !strings.Contains(lead, "4 sellers with hits, 1 repeat offender first") {
		t.Errorf("lead %q", lead)
	}
	list := decode[sellerList](t, f.do("GET", "/api/sellers", ""))
	if list.Offenders != 1 || len(list.Sellers) != 4 || !list.Sellers[0].RepeatOffender || list.Sellers[0].Offences != 1 || list.Sellers[1].RepeatOffender {
		t.Errorf("api/sellers %+v", list)
	}
}

func TestSellerPage(t *testing.T) {
	f := sellerFixture(t)
	doc := mustDoc(t, f.do("GET", "/sellers/demo-market/shop-x", ""))
	if got := doc.Find("#seller-role").Text(); !strings.Contains(got, "unknown") || !strings.Contains(got, "no brand of the catalogue") {
		t.Errorf("role %q", got)
	}
	if got := doc.Find("#seller-offender").Text(); !strings.Contains(got, "yes") || !strings.Contains(got, "1 hit confirmed or later") {
		t.Errorf("offender %q", got)
	}
	off := doc.Find("#offences tbody tr")
	if off.Length() != 1 || off.Find(`a[href="/hits/3"]`).Length() != 1 || !strings.Contains(off.Text(), "by alice") {
		t.Errorf("offences %q, want hit 3 confirmed by alice", off.Text())
	}
	if n := doc.Find("#seller-hits tbody tr").Length(); n != 2 {
		t.Errorf("%d hit rows, want 2", n)
	}
	rows := doc.Find("#seller-listings tbody tr")
	if rows.Length() != 3 {
		t.Fatalf("%d listing rows, want 3", rows.Length())
	}
	if got := rows.Eq(0).Text(); !strings.Contains(got, "not flagged") || !strings.Contains(got, "¥89.00") {
		t.Errorf("unflagged listing row %q", got)
	}
	if got := rows.Eq(1).Find(".state").Text(); got != "new" {
		t.Errorf("L1's hit status %q, want new", got)
	}
	if got := rows.Eq(2).Find(".state").Text(); got != "confirmed" {
		t.Errorf("L3's hit status %q, want confirmed", got)
	}
	if rows.Eq(1).Find("td").Eq(1).Text() != xssTitle {
		t.Errorf("hostile title not shown as text: %q", rows.Eq(1).Find("td").Eq(1).Text())
	}
	if doc.Find(`#seller-network a[href="/networks/n0123456789"]`).Length() != 1 || doc.Find("#seller-links tbody tr").Length() != 1 {
		t.Errorf("network %q", doc.Find("#seller-network").Text())
	}

	v := decode[SellerView](t, f.do("GET", "/api/sellers/demo-market/shop-x", ""))
	if v.Role != "unknown" || !v.RepeatOffender || len(v.Offences) != 1 || v.Offences[0].ConfirmedBy != "alice" || v.HitsTotal != 2 ||
		v.ListingsTotal != 3 || v.Listings[2].HitStatus != shadowscan.StatusConfirmed || v.Network == nil || v.Network.ID != "n0123456789" || v.SellerName != xssSeller {
		t.Errorf("api seller %+v", v)
	}

	t.Run("an authorised shop names its brand and tier and is no offender", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/sellers/demo-market/shop-y", ""))
		if got := doc.Find("#seller-role").Text(); !strings.Contains(got, "authorised seller of Aurora Wellness (aurora), tier gold") {
			t.Errorf("role %q", got)
		}
		if got := doc.Find("#seller-offender").Text(); !strings.HasPrefix(strings.TrimSpace(got), "no") {
			t.Errorf("offender %q", got)
		}
		if doc.Find("#seller-network a").Length() != 0 {
			t.Error("shop-y shown in a network it is not in")
		}
	})
	t.Run("a catalogue shop without hits has a page", func(t *testing.T) {
		v := decode[SellerView](t, f.do("GET", "/api/sellers/demo-market/shop-quiet", ""))
		if v.Role != "authorized" || v.HitsTotal != 0 || len(v.Roles) != 1 {
			t.Errorf("shop-quiet %+v", v)
		}
	})
	t.Run("a seller id with a slash and a question mark", func(t *testing.T) {
		v := decode[SellerView](t, f.do("GET", "/api/sellers/demo-market/"+url.PathEscape("a/b?c"), ""))
		if v.SellerID != "a/b?c" || v.HitsTotal != 1 {
			t.Errorf("odd seller %+v", v)
		}
	})
	t.Run("an unknown shop is a 404 that says where to look", func(t *testing.T) {
		resp := f.do("GET", "/sellers/demo-market/nobody", "")
		if body := readBody(t, resp); resp.StatusCode != 404 || !strings.Contains(body, "sellers page lists") {
			t.Errorf("status %d: %s", resp.StatusCode, body)
		}
		if resp := f.do("GET", "/api/sellers/demo-market/"+strings.Repeat("x", 300), ""); resp.StatusCode != 400 {
			t.Errorf("overlong seller id: status %d", resp.StatusCode)
		}
	})
	t.Run("queue and hit pages link the seller page", func(t *testing.T) {
		q := mustDoc(t, f.do("GET", "/queue", ""))
		if q.Find(`a.seller-link[href="/sellers/demo-market/shop-x"]`).Length() == 0 {
			t.Error("queue rows do not link the seller page")
		}
		h := mustDoc(t, f.do("GET", "/hits/3", ""))
		if h.Find(`#seller-page[href="/sellers/demo-market/shop-x"]`).Length() != 1 {
			t.Error("hit page does not link the seller page")
		}
	})
}
