package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

// TestHitPageDismissReasonAndCase: the hit page's dismiss form picks a
// reason from the configured list and its report form takes a case
// number; both are kept and shown in the history, and a form without a
// reason, or with one not on the list, changes nothing and says why.
func TestHitPageDismissReasonAndCase(t *testing.T) {
	f := newFixture(t, Config{DismissReasons: shadowscan.DismissReasons{{Reason: "private resale"}, {Reason: "other", NoteRequired: true}}})
	form := func(id string, v url.Values) *http.Response {
		t.Helper()
		return f.do("POST", "/hits/"+id+"/status", v.Encode(), withCSRF(f.srv))
	}

	doc := mustDoc(t, f.do("GET", "/hits/2", ""))
	var opts []string
	doc.Find(`form.action select[name=reason] option`).Each(func(_ int, s *goquery.Selection) { opts = append(opts, s.AttrOr("value", "")) })
	if strings.Join(opts, "|") != "|private resale|other" {
		t.Errorf("dismiss form offers %q, want a blank prompt then the configured reasons", opts)
	}
	if doc.Find(`#dismiss-reason`).Length() != 0 || doc.Find(`form.action input[name=case]`).Length() != 0 {
		t.Error("a new hit's page offers a case number")
	}

	for _, tt := range []struct {
		v    url.Values
		want string
	}{
		{url.Values{"status": {"dismissed"}}, "a dismissal needs a reason"},
		{url.Values{"status": {"dismissed"}, "reason": {"genuine product"}}, `unknown dismiss reason &#34;genuine product&#34; (accepted: &#34;private resale&#34;, &#34;other&#34;)`},
		{url.Values{"status": {"dismissed"}, "reason": {"other"}}, "needs a note"},
	} {
		resp := form("2", tt.v)
		if b := readBody(t, resp); resp.StatusCode != http.StatusBadRequest || !strings.Contains(b, tt.want) {
			t.Errorf("%v: %d, want 400 saying %q", tt.v, resp.StatusCode, tt.want)
		}
	}
	if f.mem.status(2) != shadowscan.StatusNew {
		t.Fatal("a refused dismissal moved the hit")
	}
	resp := form("2", url.Values{"status": {"dismissed"}, "reason": {"other"}, "note": {"our own test buy"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("dismiss: %d %s", resp.StatusCode, readBody(t, resp))
	}
	doc = mustDoc(t, f.do("GET", "/hits/2", ""))
	if got := doc.Find("table.list tbody tr .h-reason").Last().Text(); got != "other" {
		t.Errorf("history shows reason %q", got)
	}

	// Hit 3 is confirmed: the report form takes the case number.
	doc = mustDoc(t, f.do("GET", "/hits/3", ""))
	if doc.Find(`form.action input[name=case]`).Length() != 1 {
		t.Error("no case number field on the report form")
	}
	if resp := form("3", url.Values{"status": {"reported"}, "case": {"IPP\x07-1"}}); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a case number with a control character: %d", resp.StatusCode)
	}
	if resp := form("3", url.Values{"status": {"reported"}, "case": {"IPP-2026-000123"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("report: %d %s", resp.StatusCode, readBody(t, resp))
	}
	doc = mustDoc(t, f.do("GET", "/hits/3", ""))
	if got := doc.Find("table.list tbody tr .h-case").Last().Text(); got != "IPP-2026-000123" {
		t.Errorf("history shows case %q", got)
	}
}

// TestQueueOffersTheDismissReasons: the queue's pick list, which the d
// key and the bulk Dismiss button read, holds the configured reasons and
// marks the ones needing a note; the report bar takes a case number.
func TestQueueOffersTheDismissReasons(t *testing.T) {
	f := newFixture(t, Config{})
	doc := mustDoc(t, f.do("GET", "/queue", ""))
	var opts []string
	doc.Find(`#dismiss-reason option`).Each(func(_ int, s *goquery.Selection) { opts = append(opts, s.AttrOr("value", "")) })
	if strings.Join(opts, "|") != "|genuine product|not our brand|duplicate|other" {
		t.Errorf("queue pick list %q", opts)
	}
	if _, ok := doc.Find(`#dismiss-reason option[value=other]`).Attr("data-note-required"); !ok {
		t.Error("other is not marked as needing a note")
	}
	if doc.Find(`#bulk #bulk-case`).Length() != 1 {
		t.Error("no case number field in the bulk bar")
	}
}
