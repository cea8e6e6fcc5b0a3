package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
)

// cliEvidence runs the command line; export and evidence are ordinary
// commands of the root now.
func cliEvidence(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	return cli(t, db, args...)
}

// raceDetector reports whether the test binary was built with -race.
func raceDetector() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

func TestEvidenceUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	for _, args := range [][]string{
		{"export", "1"},
		{"export", "--out", filepath.Join(dir, "x.zip"), "1"},
		{"export", "--out", filepath.Join(dir, "x.wacz"), "abc"},
		{"export", "--out", filepath.Join(dir, "x.wacz"), "--status", "bogus"},
		{"export", "--out", filepath.Join(dir, "x.wacz"), "--tsa", "ftp://x"},
		{"evidence", "verify"},
		{"evidence", "keygen"},
	} {
		if code, _, errOut := cliEvidence(t, db, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2 (%s)", args, code, errOut)
		}
	}
	// verify and keygen never open the store.
	key := filepath.Join(dir, "k.pem")
	if code, out, errOut := cliEvidence(t, db, "evidence", "keygen", "--out", key); code != 0 || !strings.Contains(out, "P-384") {
		t.Fatalf("keygen: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := cliEvidence(t, db, "evidence", "keygen", "--out", key); code != exitError || !strings.Contains(errOut, "exists") {
		t.Fatalf("keygen over an existing key: %d %s", code, errOut)
	}
	if code, _, _ := cliEvidence(t, db, "evidence", "verify", filepath.Join(dir, "missing.wacz")); code != exitError {
		t.Fatalf("verify of a missing file: exit %d", code)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("evidence commands created the store: %v", err)
	}
}

// TestExportEndToEnd scans the demo marketplace, confirms a hit, exports
// it signed and verifies the bundle, then a tampered copy.
func TestExportEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end demo scan")
	}
	if raceDetector() {
		// The demo scan takes ~2 min under -race on 2 cores and export is
		// single-goroutine code; TestDemoEndToEnd already runs the demo
		// under the race detector.
		t.Skip("slow under -race: run go test -run TestExportEndToEnd ./cmd/shadowscan without -race")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, out, errOut := cliEvidence(t, db, "demo", "--market-addr", "127.0.0.1:0"); code != 0 {
		t.Fatalf("demo: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ := cliEvidence(t, db, "review", "list", "--category", "counterfeit", "--json")
	var hits []shadowscan.HitView
	if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil || len(hits) == 0 {
		t.Fatalf("review list: %d %v", code, err)
	}
	id := jsonID(hits[0].ID)
	if code, _, errOut := cliEvidence(t, db, "review", "mark", id, "confirmed", "--by", "alice"); code != 0 {
		t.Fatalf("mark: %s", errOut)
	}
	key := filepath.Join(dir, "brand.key")
	if code, _, errOut := cliEvidence(t, db, "evidence", "keygen", "--out", key); code != 0 {
		t.Fatalf("keygen: %s", errOut)
	}
	wacz := filepath.Join(dir, "case.wacz")
	if code, _, errOut := cliEvidence(t, db, "export", "--out", wacz, "--status", "new", "--brand", "nobody"); code != exitError || !strings.Contains(errOut, "no hits match") {
		t.Fatalf("export of nothing: %d %s", code, errOut)
	}
	code, out, errOut := cliEvidence(t, db, "export", "--out", wacz, "--status", "confirmed", "--sign", key, "--by", "legal")
	if code != 0 || !strings.Contains(out, "1 hit(s), 1 page(s)") || !strings.Contains(out, "signed by key") {
		t.Fatalf("export: %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(wacz + ".tmp"); !os.IsNotExist(err) {
		t.Fatalf("export left its temporary file: %v", err)
	}
	code, out, errOut = cliEvidence(t, db, "evidence", "verify", "--key", key+".pub", wacz)
	if code != 0 || !strings.Contains(out, "signature valid") || !strings.Contains(out, "is intact") {
		t.Fatalf("verify: %d\n%s\n%s", code, out, errOut)
	}

	// --platform writes the complaint packet beside the bundle; a layout
	// a team adds under --rules/platforms works like a shipped one.
	rdir := filepath.Join(dir, "rules")
	os.MkdirAll(filepath.Join(rdir, "platforms"), 0o755)
	os.WriteFile(filepath.Join(rdir, "platforms", "demo.yaml"), []byte(`platform: demo
title: demo complaint desk
source: internal
format: csv
batch_size: 5
refuses_genuine_goods: true
packets:
  - {name: ip, route: ip, categories: [counterfeit], right_type: trademark, reason: counterfeit}
  - {name: contract, route: contract, categories: [unauthorized_seller, code_tampered], right_type: contract, reason: grey market}
columns:
  - {header: url, field: listing_url}
  - {header: reviewer, field: reviewer}
`), 0o644)
	pw := filepath.Join(dir, "packet.wacz")
	code, out, errOut = cliEvidence(t, db, "--rules", rdir, "export", "--out", pw, "--platform", "demo", "--by", "legal")
	if code != 0 || !strings.Contains(out, "packet.demo-ip-001.csv") || !strings.Contains(out, "left out of the demo packets") {
		t.Fatalf("export --platform: %d\n%s\n%s", code, out, errOut)
	}
	pb, err := os.ReadFile(filepath.Join(dir, "packet.demo-ip-001.csv"))
	if err != nil || !strings.Contains(string(pb), hits[0].Listing.URL+",alice") {
		t.Fatalf("packet: %v\n%s", err, pb)
	}
	if code, _, errOut := cliEvidence(t, db, "export", "--out", pw, "--platform", "ebay"); code != exitError || !strings.Contains(errOut, "douyin, ipp, pdd") {
		t.Fatalf("unknown platform: %d %s", code, errOut)
	}

	// The bundle holds the confirmed hit's listing page as captured.
	b, err := os.ReadFile(wacz)
	if err != nil {
		t.Fatal(err)
	}
	trusted, err := evidence.LoadTrustedKeys(key + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := evidence.Verify(context.Background(), bytes.NewReader(b), int64(len(b)), evidence.VerifyOptions{TrustedKeys: trusted})
	if err != nil || rep.Pages != 1 || rep.Responses < 1 {
		t.Fatalf("Verify: %v %+v", err, rep)
	}

	i := bytes.Index(b, []byte("<!DOCTYPE")) // inside the stored report
	if i < 0 {
		i = len(b) / 2
	}
	b[i+2] ^= 0x20
	bad := filepath.Join(dir, "tampered.wacz")
	os.WriteFile(bad, b, 0o644)
	code, out, errOut = cliEvidence(t, db, "evidence", "verify", "--key", key+".pub", bad)
	if code != exitError || !strings.Contains(out, "FAIL") || !strings.Contains(errOut, "not intact") {
		t.Fatalf("verify of a tampered bundle: %d\n%s\n%s", code, out, errOut)
	}
}
