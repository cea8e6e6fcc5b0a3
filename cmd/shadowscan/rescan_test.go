package main

import (
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/store"
)

// rescanQuery finds about fifteen demo listings, seven of them flagged,
// with two sellers holding two hits each: a scan takes about a second.
const rescanQuery = "叶黄素"

// mustImportDemoCatalog imports the embedded demo catalogue into a new
// store at path and closes it, as `shadowscan demo` does.
func mustImportDemoCatalog(t *testing.T, path string) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := importDemoCatalog(context.Background(), db, io.Discard); err != nil {
		t.Fatal(err)
	}
}

// saveDemoCatalog imports the demo catalogue into db, as demo does.
func saveDemoCatalog(t *testing.T, db *store.DB) {
	t.Helper()
	if err := importDemoCatalog(context.Background(), db, io.Discard); err != nil {
		t.Fatal(err)
	}
}

// mustCLI runs the command line and fails the test unless it exits 0.
func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, db, args...)
	if code != 0 {
		t.Fatalf("shadowscan %s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func mustJSON[T any](t *testing.T, db string, args ...string) T {
	t.Helper()
	var v T
	out := mustCLI(t, db, args...)
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("shadowscan %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return v
}

func hitsByID(t *testing.T, db string) map[uint64]shadowscan.HitView {
	t.Helper()
	out := map[uint64]shadowscan.HitView{}
	for _, h := range mustJSON[[]shadowscan.HitView](t, db, "review", "list", "--json") {
		out[h.ID] = h
	}
	return out
}

func showHit(t *testing.T, db string, id uint64) shadowscan.HitView {
	t.Helper()
	return mustJSON[shadowscan.HitView](t, db, "review", "show", jsonID(id), "--json")
}

// TestRescanLifecycle walks listings of the demo marketplace through their
// whole life with the real commands, a real store and the marketplace
// served on 127.0.0.1: flagged by a scan, confirmed and reported by hand,
// found gone by a rescan (404, 410 and the removed marker), back on a later
// rescan and relisted, reported again; dismissed listings that stay
// dismissed unless they change; illegal moves refused; repeat offenders;
// and the enforcement figures all this implies.
func TestRescanLifecycle(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end rescans of the demo marketplace; run without -short")
	}
	market := demo.NewMarket()
	base, err := market.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = market.Close() })
	db := filepath.Join(t.TempDir(), "rescan.db")
	mustImportDemoCatalog(t, db)
	scan := func(query string, flags ...string) {
		t.Helper()
		mustCLI(t, db, append([]string{"scan", "--site", demo.SiteName, "--base-url", base, "--query", query}, flags...)...)
	}
	mark := func(to string, ids ...uint64) {
		t.Helper()
		args := []string{"review", "mark"}
		for _, id := range ids {
			args = append(args, jsonID(id))
		}
		args = append(args, to, "--by", "tester")
		if to == "dismissed" {
			args = append(args, "--reason", "genuine product")
		}
		mustCLI(t, db, args...)
	}

	// 1. A scan flags listings.
	scan(rescanQuery)
	first := hitsByID(t, db)
	if len(first) < 6 {
		t.Fatalf("first scan flagged %d listings, want at least 6", len(first))
	}
	// Pick the roles: the seller with two hits whose weaker hit scores
	// lowest gives L1 (reported) and B (its other listing, which the
	// repeat-offender reason should raise); then L2, L3, D1, D2.
	bySeller := map[string][]shadowscan.HitView{}
	for _, h := range first {
		if h.Status != "new" {
			t.Fatalf("hit %d is %s after the first scan", h.ID, h.Status)
		}
		bySeller[h.Listing.SellerID] = append(bySeller[h.Listing.SellerID], h)
	}
	var l1, b shadowscan.HitView
	for _, hs := range bySeller {
		if len(hs) < 2 {
			continue
		}
		slices.SortFunc(hs, func(x, y shadowscan.HitView) int { return y.Score - x.Score })
		if weak := hs[len(hs)-1]; b.ID == 0 || weak.Score < b.Score {
			l1, b = hs[0], weak
		}
	}
	if b.ID == 0 || b.Score >= 100 {
		t.Fatalf("no seller with two hits and room to raise a score: %v", bySeller)
	}
	var rest []shadowscan.HitView
	for _, h := range first {
		if h.Listing.SellerID != l1.Listing.SellerID && h.Listing.Price != nil {
			rest = append(rest, h)
		}
	}
	slices.SortFunc(rest, func(x, y shadowscan.HitView) int { return int(x.ID) - int(y.ID) })
	if len(rest) < 4 {
		t.Fatalf("need four more priced hits, have %d", len(rest))
	}
	l2, l3, d1, d2 := rest[0], rest[1], rest[2], rest[3]
	reported := []uint64{l1.ID, l2.ID, l3.ID}

	// 2. Confirm, report, dismiss by hand.
	mark("confirmed", reported...)
	mark("reported", reported...)
	mark("dismissed", d1.ID, d2.ID)

	// 3. Illegal moves are refused and change nothing.
	before := hitsByID(t, db)
	histLen := func(id uint64) int { return len(showHit(t, db, id).History) }
	h1Len, bLen := histLen(l1.ID), histLen(b.ID)
	illegal := []struct {
		name string
		args []string
		want string // named in the error
	}{
		{"reported cannot go back to new", []string{"review", "mark", jsonID(l1.ID), "new"}, "removed"},
		{"reported cannot jump to relisted", []string{"review", "mark", jsonID(l1.ID), "relisted"}, "removed"},
		{"all or nothing", []string{"review", "mark", jsonID(b.ID), jsonID(d1.ID), "confirmed"}, "new"},
		{"dismissed comes back by a rescan only", []string{"review", "mark", jsonID(d1.ID), "new"}, "rescan"},
	}
	for _, tt := range illegal {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, db, tt.args...)
			if code != 1 || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stderr %q: want exit 1 naming %q", code, errOut, tt.want)
			}
		})
	}
	after := hitsByID(t, db)
	for id, h := range before {
		if after[id].Status != h.Status {
			t.Errorf("hit %d moved from %s to %s on a refused mark", id, h.Status, after[id].Status)
		}
	}
	if histLen(l1.ID) != h1Len || histLen(b.ID) != bLen {
		t.Fatalf("a refused mark changed a history: %d->%d, %d->%d", h1Len, histLen(l1.ID), bLen, histLen(b.ID))
	}

	// 4. The marketplace takes the reported listings down, each its own way,
	// and D2's seller changes its price.
	market.TakeDown(l1.Listing.ListingID, demo.NotFound)
	market.TakeDown(l2.Listing.ListingID, demo.Gone)
	market.TakeDown(l3.Listing.ListingID, demo.Marker)
	newPrice := *d2.Listing.Price - 1000
	if err := market.Edit(d2.Listing.ListingID, func(l *demo.Listing) {
		l.Price, l.PriceText = newPrice, "￥"+newPrice.String()
	}); err != nil {
		t.Fatal(err)
	}

	// 5. A rescan whose search finds nothing still visits the reported
	// listings by URL, and only those: each is seen gone once, which is
	// not yet a removal. A second rescan, with the confirmation gap
	// shortened to nothing, sees them gone again: removed, as of the
	// first sighting.
	requests := func(h shadowscan.HitView) int { return market.Requests("/item/" + h.Listing.ListingID) }
	reqBefore := map[uint64]int{}
	for _, h := range []shadowscan.HitView{l1, l2, l3, b, d1, d2} {
		reqBefore[h.ID] = requests(h)
	}
	scan("qqqzzz-nothing-matches")
	for _, h := range []shadowscan.HitView{l1, l2, l3} {
		if got := requests(h) - reqBefore[h.ID]; got != 1 {
			t.Errorf("reported hit %d: %d page requests in the rescan, want 1", h.ID, got)
		}
	}
	for _, h := range []shadowscan.HitView{b, d1, d2} {
		if got := requests(h) - reqBefore[h.ID]; got != 0 {
			t.Errorf("%s hit %d was revisited (%d requests)", after[h.ID].Status, h.ID, got)
		}
	}
	wantSignal := map[uint64]string{l1.ID: shadowscan.GoneHTTP404, l2.ID: shadowscan.GoneHTTP410, l3.ID: shadowscan.GoneMarker}
	firstSeen := map[uint64]string{}
	for _, h := range []shadowscan.HitView{l1, l2, l3} {
		s := showHit(t, db, h.ID)
		last := s.History[len(s.History)-1]
		if s.Status != "reported" || s.RemovedAt != "" || s.SeenGone == nil || s.SeenGone.Signal != wantSignal[h.ID] ||
			last.By != "scan" || !strings.Contains(last.Note, "seen gone") {
			t.Errorf("hit %d (%s) seen gone once: status %s removed_at %q seen_gone %+v last move %+v",
				h.ID, h.Listing.ListingID, s.Status, s.RemovedAt, s.SeenGone, last)
			continue
		}
		firstSeen[h.ID] = s.SeenGone.At
	}
	assertNoFalseRemovals(t, db, l1, l2, l3)
	scan("qqqzzz-nothing-matches", "--confirm-gone-after", "0s")
	for _, h := range []shadowscan.HitView{l1, l2, l3} {
		if got := requests(h) - reqBefore[h.ID]; got != 2 {
			t.Errorf("reported hit %d: %d page requests over two rescans, want 2", h.ID, got)
		}
		s := showHit(t, db, h.ID)
		last := s.History[len(s.History)-1]
		if s.Status != "removed" || s.RemovedAt != firstSeen[h.ID] || s.SeenGone != nil || last.By != "scan" || last.From != "reported" {
			t.Errorf("hit %d (%s) seen gone twice: status %s removed_at %q (first seen %q) seen_gone %+v last move %+v",
				h.ID, h.Listing.ListingID, s.Status, s.RemovedAt, firstSeen[h.ID], s.SeenGone, last)
		}
	}
	assertNoFalseRemovals(t, db, l1, l2, l3)

	// 6. L1 comes back. A full rescan (search finds all of them again, so
	// none is fetched twice) sees it live: relisted. L2 and L3 stay removed
	// without a new move; D1, unchanged, stays dismissed; D2, cheaper
	// now, is flagged again; B gains the repeat-offender reason.
	market.Restore(l1.Listing.ListingID)
	for _, h := range []shadowscan.HitView{l1, l2, l3} {
		reqBefore[h.ID] = requests(h)
	}
	lens := map[uint64]int{l2.ID: histLen(l2.ID), l3.ID: histLen(l3.ID), d1.ID: histLen(d1.ID)}
	scan(rescanQuery)
	for _, h := range []shadowscan.HitView{l1, l2, l3} {
		if got := requests(h) - reqBefore[h.ID]; got != 1 {
			t.Errorf("hit %d fetched %d times in one scan, want 1 (search, then no revisit)", h.ID, got)
		}
	}
	if s := showHit(t, db, l1.ID); s.Status != "relisted" || s.History[len(s.History)-1].By != "scan" {
		t.Errorf("restored listing: status %s, history %+v", s.Status, s.History)
	}
	for _, h := range []shadowscan.HitView{l2, l3} {
		if s := showHit(t, db, h.ID); s.Status != "removed" || len(s.History) != lens[h.ID] {
			t.Errorf("still gone hit %d: status %s, history %d entries, want removed with %d", h.ID, s.Status, len(s.History), lens[h.ID])
		}
	}
	if s := showHit(t, db, d1.ID); s.Status != "dismissed" || len(s.History) != lens[d1.ID] {
		t.Errorf("unchanged dismissed hit: status %s, history %+v", s.Status, s.History)
	}
	s := showHit(t, db, d2.ID)
	last := s.History[len(s.History)-1]
	if s.Status != "new" || last.From != "dismissed" || last.By != "scan" || !strings.Contains(last.Note, "price") ||
		s.Listing.Price == nil || *s.Listing.Price != newPrice {
		t.Errorf("dismissed hit whose price changed: status %s, last move %+v, price %v", s.Status, last, s.Listing.Price)
	}
	sb := showHit(t, db, b.ID)
	var repeat *shadowscan.Reason
	for i, r := range sb.Reasons {
		if r.Signal == "seller" && r.Points > 0 && strings.Contains(r.Detail, "confirmed") {
			repeat = &sb.Reasons[i]
		}
	}
	if repeat == nil || sb.Score != min(100, b.Score+repeat.Points) {
		t.Errorf("repeat offender's other listing: score %d (was %d), reasons %+v", sb.Score, b.Score, sb.Reasons)
	}

	// 7. The relisted listing is reported again.
	mark("reported", l1.ID)
	assertNoFalseRemovals(t, db, l1, l2, l3) // l1 keeps the time it was removed before it came back

	// 8. Sellers: the three reported listings' shops are repeat offenders,
	// listed first.
	sellers := mustJSON[[]store.SellerSummary](t, db, "review", "sellers", "--site", demo.SiteName, "--json")
	offenders := map[string]bool{}
	for _, h := range []shadowscan.HitView{l1, l2, l3} {
		offenders[h.Listing.SellerID] = true
	}
	for i, sl := range sellers {
		if (i < len(offenders)) != sl.RepeatOffender || sl.RepeatOffender != offenders[sl.SellerID] {
			t.Errorf("seller %d %s: repeat offender %v (want the %d offenders first)", i, sl.SellerID, sl.RepeatOffender, len(offenders))
		}
		if sl.SellerID == l1.Listing.SellerID {
			if sl.ByStatus["reported"] != 1 || sl.ByStatus["new"] != 1 || sl.Confirmed != 1 || sl.Hits != 2 {
				t.Errorf("seller %s: %+v", sl.SellerID, sl)
			}
		}
	}

	// 9. The enforcement figures are what the walk implies.
	final := hitsByID(t, db)
	shops := map[string]bool{}
	for _, h := range final {
		shops[h.Listing.SellerID] = true
	}
	want := shadowscan.Figures{
		Flagged:   shadowscan.Figure{Listings: len(final), Shops: len(shops)},
		Confirmed: shadowscan.Figure{Listings: 3, Shops: len(offenders)},
		Reported:  shadowscan.Figure{Listings: 3, Shops: len(offenders)},
		Removed:   shadowscan.Figure{Listings: 3, Shops: len(offenders)},
		Relisted:  shadowscan.Figure{Listings: 1, Shops: 1},
	}
	e := mustJSON[shadowscan.Enforcement](t, db, "stats", "--json")
	if e.Totals != want {
		t.Errorf("stats totals %+v, want %+v", e.Totals, want)
	}
	var sum shadowscan.Figures
	for _, r := range e.Rows {
		for _, st := range shadowscan.Stages {
			sum.Stage(st).Listings += r.Stage(st).Listings
		}
	}
	for _, st := range shadowscan.Stages {
		if sum.Stage(st).Listings != want.Stage(st).Listings {
			t.Errorf("rows add up to %d %s listings, want %d", sum.Stage(st).Listings, st, want.Stage(st).Listings)
		}
	}
	table := mustCLI(t, db, "stats", "--site", demo.SiteName)
	if !strings.Contains(table, "3 listings from "+jsonID(uint64(len(offenders)))+" shops removed") || !strings.Contains(table, "TOTAL") {
		t.Errorf("stats table:\n%s", table)
	}
	if e := mustJSON[shadowscan.Enforcement](t, db, "stats", "--since", "2999-01", "--json"); e.Totals != (shadowscan.Figures{}) || len(e.Rows) != 0 {
		t.Errorf("stats since 2999: %+v", e)
	}
	if e := mustJSON[shadowscan.Enforcement](t, db, "stats", "--until", "2000-01", "--json"); e.Totals != (shadowscan.Figures{}) || len(e.Rows) != 0 {
		t.Errorf("stats until 2000: %+v", e)
	}
	for _, flag := range []string{"--since", "--until"} {
		if code, _, errOut := cli(t, db, "stats", flag, "last-year"); code != 2 || !strings.Contains(errOut, "YYYY-MM") || !strings.Contains(errOut, flag) {
			t.Errorf("stats %s last-year: exit %d %q, want 2 naming the flag and YYYY-MM", flag, code, errOut)
		}
	}
}

// assertNoFalseRemovals fails the test when a hit other than gone is
// removed or has a gone sighting: a false removal tells a brand that a
// counterfeit is gone when it is not.
func assertNoFalseRemovals(t *testing.T, db string, gone ...shadowscan.HitView) {
	t.Helper()
	isGone := map[uint64]bool{}
	for _, h := range gone {
		isGone[h.ID] = true
	}
	false_ := 0
	for _, h := range mustJSON[[]shadowscan.HitView](t, db, "review", "list", "--json") {
		if !isGone[h.ID] && (h.Status == shadowscan.StatusRemoved || h.RemovedAt != "" || h.SeenGone != nil) {
			false_++
			t.Errorf("hit %d (%s) is live but %s, removed_at %q, seen gone %+v", h.ID, h.Listing.ListingID, h.Status, h.RemovedAt, h.SeenGone)
		}
	}
	if false_ != 0 {
		t.Errorf("false removals: %d, want 0", false_)
	}
	t.Logf("false removals: %d", false_)
}
