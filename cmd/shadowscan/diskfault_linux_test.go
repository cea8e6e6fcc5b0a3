//go:build linux

package main

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/shadowscan/shadowscan/demo"
)

// fillRoom is the room left on the small file system for the scan: the
// scan's first commit batches fit, a later one does not.
const fillRoom = 2 << 20

// TestScanOnFullFileSystem runs a scan whose store is on a small tmpfs
// filled up but for fillRoom bytes: the file system, not a seam, refuses
// the write (ENOSPC). The scan ends with an error naming the file and the
// cause; once space is freed the store opens with what was committed and
// `scan --resume` finishes. It needs to mount a file system (root in a
// namespace that allows it) and skips with a message otherwise;
// TestScanStopsOnStoreWriteErrors covers the same with an injected error.
func TestScanOnFullFileSystem(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a tmpfs and crawls the demo marketplace")
	}
	mnt := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(mnt, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, "size=16m,mode=0700"); err != nil {
		t.Skipf("cannot mount a small tmpfs (%v): TestScanStopsOnStoreWriteErrors covers a full disk with an injected write error", err)
	}
	// Cleanups run last first: the store is closed before this unmounts.
	t.Cleanup(func() {
		if err := syscall.Unmount(mnt, 0); err != nil {
			t.Errorf("unmount %s: %v", mnt, err)
		}
	})
	dbPath := filepath.Join(mnt, "store.db")
	mustImportDemoCatalog(t, dbPath)
	filler := filepath.Join(mnt, "filler")
	fillUp(t, mnt, filler, fillRoom)

	srv := httptest.NewServer(demo.NewMarket().Handler())
	t.Cleanup(srv.Close)
	code, out, errOut := cli(t, dbPath, "scan", "--site", demo.SiteName, "--base-url", srv.URL, "--query", faultQuery)
	if code != 1 || !strings.Contains(errOut, dbPath) || !strings.Contains(errOut, "no space left on device") {
		t.Fatalf("scan on a full file system: exit %d\n%s\n%s\nwant exit 1 naming %s and no space left on device", code, out, errOut, dbPath)
	}
	if !strings.Contains(out, "free disk space") {
		t.Errorf("the summary does not say how to go on:\n%s", out)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	checkAfterFault(t, dbPath, srv.URL, "")
}

// fillUp writes file until the file system at dir has about room bytes
// free.
func fillUp(t *testing.T, dir, file string, room int64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * st.Bsize
	if free <= room {
		t.Fatalf("only %d bytes free on %s, want more than %d", free, dir, room)
	}
	if err := os.WriteFile(file, bytes.Repeat([]byte{0xA5}, int(free-room)), 0o600); err != nil {
		t.Fatal(err)
	}
}
