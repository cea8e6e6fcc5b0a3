package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// cli runs the real command line in-process against the store at db and
// returns its exit status, stdout and stderr.
func cli(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := run(context.Background(), full, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersionDoesNotTouchStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, _ := cli(t, db, "version")
	if code != 0 || !strings.Contains(out, "shadowscan") {
		t.Fatalf("version: %d %q", code, out)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("version created the store: %v", err)
	}
	if code, out, _ := cli(t, db, "sites", "list"); code != 0 || !strings.Contains(out, "demo-market") {
		t.Fatalf("sites list: %d %q", code, out)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("sites list created the store: %v", err)
	}
}

// failWriter fails every write, as a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestFailedOutputFails: output that could not be written is an error
// (exit 1 naming it), not a success.
func TestFailedOutputFails(t *testing.T) {
	var errb bytes.Buffer
	code := run(context.Background(), []string{"version"}, strings.NewReader(""), failWriter{}, &errb)
	if code != exitError || !strings.Contains(errb.String(), "write standard output: no space left on device") {
		t.Fatalf("version to a full disk: exit %d, %q", code, errb.String())
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"review", "mark", "1"},
		{"review", "list", "--status", "bogus"},
		{"review", "show", "abc"},
		{"scan"},
		{"version", "--no-such-flag"},
		{"no-such-command"},
	} {
		code, _, errOut := cli(t, db, args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, code, errOut)
		}
	}
}

func TestCatalogImportErrorNamesField(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("brand:\n  id: acme\n  name: Acme\nproducts:\n  - sku: A-1\n    name: Thing\n    price: 10\n    min_prce: 8\n    currency: CNY\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, db, "catalog", "import", bad)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"bad.yaml:8", "min_prce", "min_price"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("error %q does not mention %q", errOut, want)
		}
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("brand:\n  id: acme\n  name: Acme\nproducts:\n  - sku: A-1\n    name: Thing\n    price: 10\n    min_price: 8\n    currency: CNY\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if code, out, errOut := cli(t, db, "catalog", "import", good); code != 0 {
			t.Fatalf("import good: %d %s %s", code, out, errOut)
		}
	}
	code, out, _ := cli(t, db, "catalog", "list", "--json")
	if code != 0 {
		t.Fatalf("catalog list: %d", code)
	}
	var cat struct {
		Products []struct{ SKU string }
	}
	if err := json.Unmarshal([]byte(out), &cat); err != nil || len(cat.Products) != 1 {
		t.Fatalf("catalog after two imports: %v %s", err, out)
	}
}

// TestDemoEndToEnd runs the demo as a newcomer would, then triages a hit
// through the review commands.
func TestDemoEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end demo scan")
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := cli(t, db, "demo", "--market-addr", "127.0.0.1:0")
	if code != 0 {
		t.Fatalf("demo: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, c := range []string{"COUNTERFEIT", "CODE_TAMPERED", "PRICE_DUMPING", "UNAUTHORIZED_SELLER", "DEFAMATION"} {
		i := strings.Index(out, c+" (")
		if i < 0 || strings.HasPrefix(out[i+len(c):], " (0)") {
			t.Errorf("demo printed no %s hits:\n%s", c, out)
		}
	}

	code, out, _ = cli(t, db, "review", "list", "--json")
	if code != 0 {
		t.Fatalf("review list: %d", code)
	}
	var hits []shadowscan.HitView
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("review list --json: %v (%d hits)", err, len(hits))
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Fatalf("review list not by score: %d after %d", hits[i].Score, hits[i-1].Score)
		}
	}
	total := len(hits)
	h := hits[0]
	if h.Status != "new" || h.Listing.URL == "" || len(h.Reasons) == 0 || h.FirstSeen == "" {
		t.Fatalf("hit lacks fields: %+v", h)
	}
	id := jsonID(h.ID)
	if code, _, errOut := cli(t, db, "review", "mark", id, "reported"); code != 1 || !strings.Contains(errOut, "confirmed") {
		t.Fatalf("illegal move new->reported: exit %d %q", code, errOut)
	}
	if code, _, errOut := cli(t, db, "review", "mark", id, "confirmed", "--by", "alice", "--note", "same photo"); code != 0 {
		t.Fatalf("mark confirmed: %d %s", code, errOut)
	}
	code, out, _ = cli(t, db, "review", "show", id, "--json")
	if code != 0 || !strings.Contains(out, `"confirmed"`) || !strings.Contains(out, "alice") {
		t.Fatalf("show after mark: %d %s", code, out)
	}
	code, out, _ = cli(t, db, "review", "list", "--status", "confirmed", "--json")
	if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil || len(hits) != 1 {
		t.Fatalf("confirmed filter: %d %v %d", code, err, len(hits))
	}

	// A second demo run updates in place: no hit is duplicated and the
	// confirmed one keeps its status.
	if code, out, errOut := cli(t, db, "demo", "--market-addr", "127.0.0.1:0"); code != 0 {
		t.Fatalf("second demo: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = cli(t, db, "review", "list", "--json")
	var again []shadowscan.HitView
	if err := json.Unmarshal([]byte(out), &again); code != 0 || err != nil {
		t.Fatal(err)
	}
	if len(again) != total {
		t.Fatalf("hits after rerun: %d, want %d", len(again), total)
	}
	code, out, _ = cli(t, db, "review", "show", id, "--json")
	if code != 0 || !strings.Contains(out, `"status": "confirmed"`) {
		t.Fatalf("confirmed hit lost its status on rerun: %s", out)
	}
}

func jsonID(id uint64) string { return strconv.FormatUint(id, 10) }
