package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan/store"
)

// startDemoServe runs `demo --serve` on db until its UI is up and
// returns the UI's address, what it printed so far and a stop function
// (also called when the test ends) that returns all it printed.
func startDemoServe(t *testing.T, db string, args ...string) (base string, stop func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan string, 1)
	go func() {
		code, errs := serveCLI(t, ctx, db, out, append([]string{"demo", "--serve", "--addr", "127.0.0.1:0"}, args...)...)
		done <- fmt.Sprintf("exit %d: %s", code, errs)
	}()
	var once sync.Once
	stop = func() string {
		once.Do(func() {
			cancel()
			select {
			case res := <-done:
				if !strings.HasPrefix(res, "exit 0") {
					t.Errorf("demo --serve ended with %s", res)
				}
			case <-time.After(30 * time.Second):
				t.Error("demo --serve did not stop")
			}
		})
		return out.String()
	}
	t.Cleanup(func() { stop() })
	deadline := time.After(60 * time.Second)
	for {
		s := out.String()
		if i := strings.Index(s, "review UI at "); i >= 0 {
			rest := s[i+len("review UI at "):]
			return rest[:strings.Index(rest, " ")], stop
		}
		select {
		case res := <-done:
			t.Fatalf("demo --serve ended early: %s\n%s", res, out.String())
		case <-deadline:
			t.Fatalf("demo --serve did not start its UI:\n%s", out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// runDemoServe runs `demo --serve` on db until its UI is up, stops it and
// returns what it printed.
func runDemoServe(t *testing.T, db string, args ...string) string {
	t.Helper()
	_, stop := startDemoServe(t, db, args...)
	return stop()
}

// scanCount counts the scan records in the store at path.
func scanCount(t *testing.T, path string) int {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	scans, err := db.Scans(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	return len(scans)
}

// freeAddr is a loopback address with a port nobody listens on now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestDemoServeKeepsACurrentStore: demo --serve scans once, then serves
// the store it has while the demo catalogue, the rules and the
// marketplace's address are the same, saying so; --rescan, another
// address or another catalogue scan again, saying why.
func TestDemoServeKeepsACurrentStore(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end demo scans")
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	market := freeAddr(t)
	steps := []struct {
		name   string
		args   []string
		before func()
		said   string
		scans  int
	}{
		{"first run scans", nil, nil, "scanning the demo marketplace: the store holds no scan of demo-market", 1},
		{"second run serves the store as it is", nil, nil, "not scanning: the store already holds demo scan 1", 1},
		{"--rescan scans again", []string{"--rescan"}, nil, "COUNTERFEIT (", 2},
		{"another catalogue scans again", nil, func() { importZeta(t, db) }, "scanning the demo marketplace: the last scan of demo-market, 2, matched another catalogue", 3},
		{"then it is current again", nil, nil, "not scanning: the store already holds demo scan 3", 3},
		{"another marketplace address scans again", []string{"--market-addr", freeAddr(t)}, nil, "the last scan of demo-market, 3, crawled another address", 4},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		args := s.args
		if !strings.Contains(strings.Join(args, " "), "--market-addr") {
			args = append(args, "--market-addr", market)
		}
		out := runDemoServe(t, db, args...)
		if !strings.Contains(out, s.said) {
			t.Errorf("%s: output lacks %q:\n%s", s.name, s.said, out)
		}
		if n := scanCount(t, db); n != s.scans {
			t.Errorf("%s: %d scans in the store, want %d", s.name, n, s.scans)
		}
	}
	if code, _, errOut := cli(t, db, "demo", "--rescan"); code != exitUsage || !strings.Contains(errOut, "--rescan goes with --serve") {
		t.Errorf("demo --rescan without --serve: exit %d %q", code, errOut)
	}
}

// importZeta adds a brand of its own to the store's catalogue.
func importZeta(t *testing.T, db string) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "zeta.yaml")
	yaml := "brand:\n  id: zeta\n  name: Zeta Home\nproducts:\n  - sku: ZETA-1\n    name: Zeta Floor Cleaner 1L\n    price: 49.00\n    currency: CNY\n"
	if err := os.WriteFile(f, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := cli(t, db, "catalog", "import", f); code != 0 {
		t.Fatalf("catalog import: %d %s %s", code, out, errOut)
	}
}
