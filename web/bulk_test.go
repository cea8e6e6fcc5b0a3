package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func TestBulkStatus(t *testing.T) {
	f := newFixture(t, Config{Users: newFakeUsers()})
	alice := login(t, f, "alice", "alice-password")
	as := []reqOpt{withCookie(alice), withCSRF(f.srv)}

	t.Run("moves every hit with one note, attributed", func(t *testing.T) {
		resp := f.do("POST", "/api/hits/status", `{"ids":[2,4],"status":"dismissed","reason":"genuine product","note":"grey import, not fake"}`, as...)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d %s", resp.StatusCode, readBody(t, resp))
		}
		got := decode[bulkResult](t, resp)
		if len(got.Hits) != 2 || got.Hits[0].Status != shadowscan.StatusDismissed {
			t.Fatalf("answer %+v", got)
		}
		for _, id := range []uint64{2, 4} {
			h, _ := f.st.Hit(context.Background(), id)
			last := h.History[len(h.History)-1]
			if h.Status != shadowscan.StatusDismissed || last.By != "alice" || last.Note != "grey import, not fake" || last.Reason != "genuine product" {
				t.Errorf("hit %d: %s %+v", id, h.Status, last)
			}
		}
	})
	t.Run("a bulk dismissal needs a reason from the list", func(t *testing.T) {
		for body, want := range map[string]string{
			`{"ids":[1,5],"status":"dismissed"}`:                                   `a dismissal needs a reason (accepted: \"genuine product\", \"not our brand\", \"duplicate\", \"other\")`,
			`{"ids":[1,5],"status":"dismissed","reason":"looks ok"}`:               `unknown dismiss reason \"looks ok\" (accepted: \"genuine product\"`,
			`{"ids":[1,5],"status":"dismissed","reason":"other"}`:                  `dismiss reason \"other\" needs a note`,
			`{"ids":[1,5],"status":"escalated","reason":"duplicate"}`:              "reason goes with a move to dismissed",
			`{"ids":[1,5],"status":"escalated","case":"IPP-1"}`:                    "case goes with a move to reported",
			`{"ids":[1,5],"status":"dismissed","reason":"duplicate","case":"X-1"}`: "case goes with a move to reported",
		} {
			resp := f.do("POST", "/api/hits/status", body, as...)
			if b := readBody(t, resp); resp.StatusCode != http.StatusBadRequest || !strings.Contains(b, want) {
				t.Errorf("%s: %d %s, want %q", body, resp.StatusCode, b, want)
			}
		}
		if f.mem.status(1) != shadowscan.StatusNew || f.mem.status(5) != shadowscan.StatusNew {
			t.Error("a refused dismissal moved a hit")
		}
	})
	t.Run("the queue names who made each change", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/queue", "", withCookie(alice)))
		if by := doc.Find(`tr[data-id="4"] .status-cell .by`).Text(); by != "by alice" {
			t.Errorf("hit 4 status cell says %q", by)
		}
		if n := doc.Find(`tr[data-id="5"] .status-cell .by`).Length(); n != 0 {
			t.Error("an untouched hit names someone")
		}
	})
	t.Run("all or nothing: one hit that cannot move stops them all", func(t *testing.T) {
		resp := f.do("POST", "/api/hits/status", `{"ids":[5,2],"status":"confirmed"}`, as...)
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "#2 is dismissed") || !strings.Contains(body, "no hit was changed") {
			t.Errorf("status %d %s", resp.StatusCode, body)
		}
		if f.mem.status(5) != shadowscan.StatusNew {
			t.Error("hit 5 moved although the change was refused")
		}
	})
	t.Run("roles apply to bulk moves", func(t *testing.T) {
		resp := f.do("POST", "/api/hits/status", `{"ids":[3],"status":"reported"}`, as...)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("analyst bulk report: %d", resp.StatusCode)
		}
		if f.mem.status(3) != shadowscan.StatusConfirmed {
			t.Error("hit 3 moved")
		}
	})
	t.Run("a bulk report keeps the platform's case number", func(t *testing.T) {
		bob := []reqOpt{withCookie(login(t, f, "bob", "bob-password")), withCSRF(f.srv)}
		for _, bad := range []string{`"IPP-1\nforged"`, `"` + strings.Repeat("9", shadowscan.MaxCaseLen+1) + `"`} {
			resp := f.do("POST", "/api/hits/status", `{"ids":[3],"status":"reported","case":`+bad+`}`, bob...)
			if b := readBody(t, resp); resp.StatusCode != http.StatusBadRequest || !strings.Contains(b, "case number") {
				t.Errorf("case %s: %d %s", bad, resp.StatusCode, b)
			}
		}
		resp := f.do("POST", "/api/hits/status", `{"ids":[3],"status":"reported","case":" IPP-2026-000123 "}`, bob...)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d %s", resp.StatusCode, readBody(t, resp))
		}
		got := decode[bulkResult](t, resp)
		if last := got.Hits[0].History[len(got.Hits[0].History)-1]; last.Case != "IPP-2026-000123" || last.By != "bob" {
			t.Errorf("history entry %+v", last)
		}
	})
	t.Run("bad requests name the field", func(t *testing.T) {
		for body, want := range map[string]string{
			`{"ids":[],"status":"confirmed"}`:   "ids is empty",
			`{"ids":[1],"status":"gone"}`:       "status",
			`{"ids":[99],"status":"confirmed"}`: "not in the store",
			`{"ids":[1],"status":"confirmed","note":"` + strings.Repeat("x", maxNoteBytes+1) + `"}`: "note is too long",
		} {
			resp := f.do("POST", "/api/hits/status", body, as...)
			if b := readBody(t, resp); resp.StatusCode < 400 || !strings.Contains(b, want) {
				t.Errorf("%s: %d %s, want %q", body, resp.StatusCode, b, want)
			}
		}
	})
	t.Run("the queue offers the bulk bar, and report only to those who may", func(t *testing.T) {
		doc := mustDoc(t, f.do("GET", "/queue", "", withCookie(alice)))
		if doc.Find("#bulk button[data-to=confirmed]").Length() != 1 || doc.Find("#bulk button[data-to=reported]").Length() != 0 || doc.Find("#queue tbody input.pick").Length() == 0 {
			t.Error("bulk bar for an analyst")
		}
		bob := login(t, f, "bob", "bob-password")
		doc = mustDoc(t, f.do("GET", "/queue", "", withCookie(bob)))
		if doc.Find("#bulk button[data-to=reported]").Length() != 1 {
			t.Error("no bulk report button for enforcement")
		}
	})
}
