package store

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// helperEnv makes the test binary act as a helper process instead of
// running tests; helperPathEnv names the store it works on.
const (
	helperEnv     = "SHADOWSCAN_STORE_TEST_HELPER"
	helperPathEnv = "SHADOWSCAN_STORE_TEST_PATH"
)

func TestMain(m *testing.M) {
	switch os.Getenv(helperEnv) {
	case "":
		os.Exit(m.Run())
	case "hold":
		os.Exit(helperHold(os.Getenv(helperPathEnv)))
	case "record":
		os.Exit(helperRecord(os.Getenv(helperPathEnv)))
	default:
		fmt.Fprintf(os.Stderr, "unknown %s=%q\n", helperEnv, os.Getenv(helperEnv))
		os.Exit(2)
	}
}

// exitWithParent ends the helper when the parent closes its stdin or dies,
// so that no helper outlives the test.
func exitWithParent() {
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
}

// helperHold opens the store, says "ready" and keeps it open.
func helperHold(path string) int {
	exitWithParent()
	db, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	fmt.Println("ready")
	select {}
}

// helperRecord records flagged observations in a loop, printing each
// listing id once Record has returned, until it is killed.
func helperRecord(path string) int {
	exitWithParent()
	db, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx := context.Background()
	for i := 0; i < 100000; i++ {
		obs := make([]Observation, 3)
		for j := range obs {
			id := fmt.Sprintf("crash-%d-%d", i, j)
			obs[j] = Observation{ScanID: 1, Listing: listing(id, "Aurora 原单 "+id, shadowscan.Amount(1000+i), "shop-"+id), Captures: []shadowscan.Capture{pageCapture(id)}, Verdict: flaggedVerdict(50 + (i+j)%50)}
		}
		if _, err := db.Record(ctx, obs); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		for j := range obs {
			// os.Stdout is unbuffered: the line is out before the next write.
			fmt.Println(obs[j].Listing.ID)
		}
	}
	return 0
}

// startHelper re-executes the test binary as a helper and returns it with
// a reader on its stdout. The helper is killed, by its PID, when the test
// ends if it is still running.
func startHelper(t *testing.T, mode, path string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperPathEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = stdin.Close()
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return cmd, bufio.NewReader(stdout)
}

func TestLockNamesHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.db")
	cmd, out := startHelper(t, "hold", path)
	line, err := out.ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper said %q, %v", line, err)
	}
	tests := []struct {
		name string
		opts []Option
	}{
		{"read-write", []Option{WithTimeout(100 * time.Millisecond)}},
		{"read-only", []Option{WithTimeout(100 * time.Millisecond), WithReadOnly()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(path, tt.opts...)
			wantCode(t, err, shadowscan.ECONFLICT)
			want := fmt.Sprintf("store %s is in use by process %d (", path, cmd.Process.Pid)
			if !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "): stop it or use --db to pick another file") {
				t.Fatalf("error = %q\nwant it to start %q", err, want)
			}
			if !strings.Contains(err.Error(), filepath.Base(os.Args[0])) {
				t.Fatalf("error %q does not name the helper's command", err)
			}
		})
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	// The lock dies with its holder.
	db, err := Open(path, WithTimeout(5*time.Second))
	if err != nil {
		t.Fatalf("open after the holder died: %v", err)
	}
	_ = db.Close()
}

func TestLockedErrorFallbacks(t *testing.T) {
	dir := t.TempDir()
	withSidecar := filepath.Join(dir, "a.db")
	if err := os.WriteFile(withSidecar, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(withSidecar+lockInfoSuffix, []byte(`{"pid":4321,"command":"shadowscan serve\u001b[31m","since":"2026-03-01T09:00:00Z"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"sidecar when /proc knows no holder", withSidecar, "is in use by process 4321 (shadowscan serve [31m): stop it"},
		{"another process when nothing is known", filepath.Join(dir, "b.db"), "is in use by another process: stop it or use --db to pick another file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := lockedError(tt.path)
			wantCode(t, err, shadowscan.ECONFLICT)
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseProcLocks(t *testing.T) {
	locks := `1: POSIX  ADVISORY  WRITE 99 fe:00:9979464 0 EOF
2: FLOCK  ADVISORY  WRITE 1234 fe:00:9979464 0 EOF
2: -> FLOCK  ADVISORY  WRITE 555 fe:00:9979464 0 EOF
3: FLOCK  ADVISORY  READ 77 103:02:42 0 EOF
junk line
`
	tests := []struct {
		name string
		id   fileID
		pid  int
		ok   bool
	}{
		{"flock entry, not posix, not waiter", fileID{0xfe, 0, 9979464}, 1234, true},
		{"hex major and minor", fileID{0x103, 0x02, 42}, 77, true},
		{"other inode", fileID{0xfe, 0, 1}, 0, false},
		{"other device", fileID{0xfd, 0, 9979464}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pid, ok := parseProcLocks(strings.NewReader(locks), tt.id)
			if pid != tt.pid || ok != tt.ok {
				t.Fatalf("parse = %d, %v; want %d, %v", pid, ok, tt.pid, tt.ok)
			}
		})
	}
}

// TestCrashSafety kills a writer mid-write and checks that everything it
// was told was committed survived, and that the file is sound.
func TestCrashSafety(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd, out := startHelper(t, "record", path)
	var committed []string
	for len(committed) < 300 {
		line, err := out.ReadString('\n')
		if err != nil {
			t.Fatalf("helper stopped after %d ids: %v", len(committed), err)
		}
		committed = append(committed, strings.TrimSpace(line))
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL to the helper's PID
		t.Fatal(err)
	}
	// Lines printed before the kill landed were committed too.
	for {
		line, err := out.ReadString('\n')
		if err != nil {
			break
		}
		if line = strings.TrimSpace(line); line != "" {
			committed = append(committed, line)
		}
	}
	_ = cmd.Wait()
	if cmd.ProcessState.Success() {
		t.Fatal("helper finished before it was killed; the test proves nothing")
	}

	db := MustOpenPath(t, path, WithTimeout(5*time.Second))
	if err := db.Check(ctx); err != nil {
		t.Fatalf("store after crash: %v", err)
	}
	for _, id := range committed {
		rec, err := db.Listing(ctx, "demo-market", id)
		if err != nil {
			t.Fatalf("committed listing %s: %v", id, err)
		}
		h, err := db.Hit(ctx, rec.HitID)
		if err != nil || h.Listing.ID != id || h.Status != shadowscan.StatusNew {
			t.Fatalf("hit of committed listing %s: %+v, %v", id, h, err)
		}
		caps, err := db.Captures(ctx, "demo-market", id)
		if err != nil || len(caps) != 1 {
			t.Fatalf("captures of %s: %d, %v", id, len(caps), err)
		}
	}
	n, err := db.HitCount(ctx, shadowscan.HitFilter{})
	if err != nil || n < len(committed) {
		t.Fatalf("hit count %d < %d committed (%v)", n, len(committed), err)
	}
	t.Logf("%d observations committed before the kill, %d hits in the store", len(committed), n)
}
