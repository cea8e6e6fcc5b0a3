package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/store"
)

// faultQuery reaches about 150 demo listings: three commit batches.
const faultQuery = "奥罗拉"

// writeFault fails every store write after the first ok write
// transactions (frontier marks alone do not count: a slow run may commit
// some before its first listings) with err, until healed (persistent) or
// once (transient).
type writeFault struct {
	ok        int
	err       error
	transient bool

	mu     sync.Mutex
	calls  int
	failed int
	healed bool
}

func (f *writeFault) fault(op string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.healed {
		return nil
	}
	if op == "write" && f.calls < f.ok {
		f.calls++
		return nil
	}
	if f.calls < f.ok {
		return nil
	}
	// bbolt's Batch (the frontier marks) runs a function that failed once
	// more on its own: a fault that passes after one failure would pass
	// there unseen, so a transient fault waits for a plain write.
	if f.transient && op != "write" {
		return nil
	}
	f.failed++
	if f.transient {
		f.healed = true
	}
	return fmt.Errorf("write at offset 1048576: %w", f.err)
}

// TestScanStopsOnStoreWriteErrors makes the store refuse writes midway
// through a scan, the way a full disk (ENOSPC) or a store file that turned
// read-only (EROFS) does, and checks that the scan ends at once with an
// error naming the file and the cause and says how to go on; that the
// store then opens with every listing committed before, its invariants
// whole; and that `scan --resume` finishes the job with the listings the
// query reaches. The full disk stays full until the scan has ended (its
// record cannot be written either: it is found interrupted);
// the read-only fault passes after one write (the record says failed).
// It needs no privilege and runs wherever the end-to-end tests run.
func TestScanStopsOnStoreWriteErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo marketplace twice; run without -short")
	}
	for _, tt := range []struct {
		name  string
		fault *writeFault
		cause string
		state string
	}{
		{"full disk", &writeFault{ok: 2, err: syscall.ENOSPC}, "no space left on device", shadowscan.ScanInterrupted},
		{"read-only store file", &writeFault{ok: 2, err: syscall.EROFS, transient: true}, "read-only file system", shadowscan.ScanFailed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dbPath := filepath.Join(t.TempDir(), "fault.db")
			mustImportDemoCatalog(t, dbPath)
			srv := httptest.NewServer(demo.NewMarket().Handler())
			t.Cleanup(srv.Close)
			var out, errOut bytes.Buffer
			g := &Globals{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: os.Getenv,
				storeOpts: []store.Option{store.WithWriteFault(tt.fault.fault)}}
			code := runWith(context.Background(), g, []string{"--db", dbPath, "scan", "--site", demo.SiteName, "--base-url", srv.URL, "--query", faultQuery})
			tt.fault.mu.Lock()
			tt.fault.healed = true
			failed := tt.fault.failed
			tt.fault.mu.Unlock()
			if code != 1 || !strings.Contains(errOut.String(), dbPath) || !strings.Contains(errOut.String(), tt.cause) {
				t.Fatalf("scan on a store that refuses writes: exit %d, stderr %q; want 1 naming %s and %q", code, errOut.String(), dbPath, tt.cause)
			}
			if !strings.Contains(out.String(), "then go on with: shadowscan scan --resume") {
				t.Errorf("the summary does not say how to go on:\n%s", out.String())
			}
			if tt.fault.transient && failed != 1 {
				t.Fatalf("the transient fault failed %d writes, want 1", failed)
			}
			checkAfterFault(t, dbPath, srv.URL, tt.state)
		})
	}
}

// checkAfterFault opens the store a write fault stopped a scan on and
// checks it, then resumes the scan and checks the result against what
// the queries reach.
func checkAfterFault(t *testing.T, dbPath, base, wantState string) {
	t.Helper()
	ctx := context.Background()
	reach := searchReach(t, base, []string{faultQuery})
	sc := func() shadowscan.Scan {
		db, err := store.Open(dbPath, store.WithTimeout(5*time.Second))
		if err != nil {
			t.Fatalf("open the store after the fault: %v", err)
		}
		defer db.Close()
		if err := db.Check(ctx); err != nil {
			t.Fatalf("store after the fault: %v", err)
		}
		sc := newestScan(t, db)
		stored := storedListings(t, db)
		stopped := sc.State == shadowscan.ScanInterrupted || sc.State == shadowscan.ScanFailed
		if (wantState != "" && sc.State != wantState) || !stopped || len(stored) == 0 || len(stored) >= len(reach) {
			t.Fatalf("after the fault: scan %d %s with %d of %d listings stored; want %s, some stored and some not", sc.ID, sc.State, len(stored), len(reach), cmp.Or(wantState, "interrupted or failed"))
		}
		for _, id := range finishedIn(t, db, sc.ID) {
			if !stored[id] {
				t.Errorf("listing %s is marked finished but was not stored", id)
			}
		}
		t.Logf("the fault stopped scan %d (%s) with %d of %d listings stored", sc.ID, sc.State, len(stored), len(reach))
		return sc
	}()

	code, out, errOut := cli(t, dbPath, "scan", "--resume")
	if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("resuming scan %d (%s", sc.ID, sc.State)) {
		t.Fatalf("scan --resume: exit %d\n%s\n%s", code, out, errOut)
	}
	db, err := store.Open(dbPath, store.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Check(ctx); err != nil {
		t.Fatalf("store after resume: %v", err)
	}
	if after := storedListings(t, db); !maps.Equal(after, reach) {
		t.Errorf("after resume %d listings are stored, the queries reach %d", len(after), len(reach))
	}
	if s := newestScan(t, db); s.ID != sc.ID || s.State != shadowscan.ScanDone {
		t.Errorf("after resume the newest scan is %d %s, want %d done", s.ID, s.State, sc.ID)
	}
}

// finishedIn returns the ids of the demo listings scan id marked finished.
func finishedIn(t *testing.T, db *store.DB, id uint64) []string {
	t.Helper()
	var out []string
	for _, l := range demo.Listings() {
		ok, err := db.Visited(context.Background(), id, demo.SiteName+"\x00/item/"+l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			out = append(out, l.ID)
		}
	}
	return out
}
