package main

import (
	"bytes"
	"encoding/csv"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/store"
)

// reasonStore makes a store of n hits (1..n), all new, with captures.
func reasonStore(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, n, n)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReviewMarkDismissReason: review mark dismissed needs --reason from
// the review rules' list (and a note for "other"); the reason is kept in
// the history of every hit moved and shown by review show; a review.yaml
// under --rules replaces the list.
func TestReviewMarkDismissReason(t *testing.T) {
	db := reasonStore(t, 4)
	accepted := `"genuine product", "official or authorised seller", "not our brand", "accessory or compatible item", "private resale", "duplicate", "other"`
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no reason", []string{"1", "dismissed"}, "a dismissal needs a reason (accepted: " + accepted + ")"},
		{"unknown reason", []string{"1", "dismissed", "--reason", "looks fine"}, `unknown dismiss reason "looks fine" (accepted: ` + accepted + ")"},
		{"other without a note", []string{"1", "dismissed", "--reason", "other"}, `dismiss reason "other" needs a note`},
		{"a reason on another move", []string{"1", "confirmed", "--reason", "duplicate"}, "--reason goes with dismissed, not confirmed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, db, append([]string{"review", "mark"}, tt.args...)...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", code, errOut, exitUsage, tt.want)
			}
		})
	}
	if s := showHit(t, db, 1); s.Status != shadowscan.StatusNew {
		t.Fatalf("a refused mark moved hit 1 to %s", s.Status)
	}

	mustCLI(t, db, "review", "mark", "1", "2", "dismissed", "--reason", "genuine product", "--by", "ana")
	mustCLI(t, db, "review", "mark", "3", "dismissed", "--reason", "other", "--note", "our own test buy", "--by", "ana")
	for id, want := range map[uint64]string{1: "genuine product", 2: "genuine product", 3: "other"} {
		s := showHit(t, db, id)
		if last := s.History[len(s.History)-1]; s.Status != shadowscan.StatusDismissed || last.Reason != want {
			t.Errorf("hit %d: %s, last entry %+v, want reason %q", id, s.Status, last, want)
		}
	}
	if out := mustCLI(t, db, "review", "show", "3"); !strings.Contains(out, `new → dismissed  by ana  reason "other"  "our own test buy"`) {
		t.Errorf("review show:\n%s", out)
	}

	rules := t.TempDir()
	os.WriteFile(filepath.Join(rules, "review.yaml"), []byte("dismiss_reasons:\n  - reason: sample for the lab\n"), 0o644)
	if code, _, errOut := cli(t, db, "--rules", rules, "review", "mark", "4", "dismissed", "--reason", "genuine product"); code != exitUsage || !strings.Contains(errOut, `(accepted: "sample for the lab")`) {
		t.Errorf("the team's list: exit %d %q", code, errOut)
	}
	mustCLI(t, db, "--rules", rules, "review", "mark", "4", "dismissed", "--reason", "sample for the lab")

	stats := mustJSON[struct {
		DismissReasons map[string]int `json:"dismiss_reasons"`
	}](t, db, "stats", "--json")
	if want := map[string]int{"genuine product": 2, "other": 1, "sample for the lab": 1}; !maps.Equal(stats.DismissReasons, want) {
		t.Errorf("stats --json dismiss_reasons %v, want %v", stats.DismissReasons, want)
	}
}

// TestReviewMarkReportedCase: review mark reported --case keeps the
// platform's case number in the history, review show and the export's
// complaints.csv and report show it; a malformed one, or one on another
// move, is refused and changes nothing.
func TestReviewMarkReportedCase(t *testing.T) {
	db := reasonStore(t, 2)
	mustCLI(t, db, "review", "mark", "1", "2", "confirmed", "--by", "ana")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"a line break", []string{"1", "reported", "--case", "IPP-1\nforged,row"}, "case number \"IPP-1\\nforged,row\" holds a control character"},
		{"too long", []string{"1", "reported", "--case", strings.Repeat("9", 101)}, "case number of 101 bytes is too long (accepted: printable text of 1 to 100 bytes"},
		{"on another move", []string{"1", "removed", "--case", "IPP-1"}, "--case goes with reported, not removed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, db, append([]string{"review", "mark"}, tt.args...)...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", code, errOut, exitUsage, tt.want)
			}
		})
	}
	if s := showHit(t, db, 1); s.Status != shadowscan.StatusConfirmed {
		t.Fatalf("a refused mark moved hit 1 to %s", s.Status)
	}
	mustCLI(t, db, "review", "mark", "1", "reported", "--case", "IPP-2026-000123", "--by", "legal")
	mustCLI(t, db, "review", "mark", "2", "reported", "--by", "legal") // the platform gave no number
	if s := showHit(t, db, 1); s.History[len(s.History)-1].Case != "IPP-2026-000123" {
		t.Errorf("history %+v", s.History)
	}
	if out := mustCLI(t, db, "review", "show", "1"); !strings.Contains(out, `confirmed → reported  by legal  case "IPP-2026-000123"`) {
		t.Errorf("review show:\n%s", out)
	}

	wacz := filepath.Join(t.TempDir(), "case.wacz")
	mustCLI(t, db, "export", "--out", wacz, "--status", "reported", "--by", "legal")
	files := unzipAll(t, wacz)
	rows, err := csv.NewReader(bytes.NewReader(files["evidence/complaints.csv"])).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("complaints.csv: %v\n%s", err, files["evidence/complaints.csv"])
	}
	cases := map[string]string{}
	for _, r := range rows[1:] {
		cases[r[2]] = r[len(r)-1]
	}
	if rows[0][len(rows[0])-1] != "case_number" || cases["L000000"] != "IPP-2026-000123" || cases["L000001"] != "" {
		t.Errorf("complaints.csv case numbers: header %q, %v", rows[0], cases)
	}
	if !strings.Contains(string(files["evidence/report.html"]), "case IPP-2026-000123") {
		t.Error("the report does not show the case number")
	}
}

// TestStoreOpenedByTheCLIChecksDismissReasons: the store every command
// opens (serve's UI and API included) refuses a dismissal whose reason is
// not on the configured list, whoever calls MarkHits, naming the list
// that --rules gives.
func TestStoreOpenedByTheCLIChecksDismissReasons(t *testing.T) {
	path := reasonStore(t, 2)
	rules := t.TempDir()
	if err := os.WriteFile(filepath.Join(rules, "review.yaml"), []byte("dismiss_reasons:\n  - reason: sample for the lab\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	g := &Globals{DBPath: path, RulesDir: rules, Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" }}
	defer g.close()
	db, err := g.Store(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.MarkHits(t.Context(), []uint64{1}, shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "genuine product"})
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), `unknown dismiss reason "genuine product" (accepted: "sample for the lab")`) {
		t.Errorf("a reason off the list: %v", err)
	}
	if _, err := db.MarkHits(t.Context(), []uint64{1}, shadowscan.StatusChange{To: shadowscan.StatusDismissed, By: "ana", Reason: "sample for the lab"}); err != nil {
		t.Errorf("a reason on the list: %v", err)
	}
}
