package store

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shadowscan/shadowscan"
)

// lockInfoSuffix names the sidecar file a writer leaves beside the store so
// that a second process can say who holds the file where /proc is missing.
const lockInfoSuffix = ".lock-info"

// lockInfo is the sidecar's content.
type lockInfo struct {
	PID     int    `json:"pid"`
	Command string `json:"command"`
	Since   string `json:"since"`
}

// lockedError is the conflict error Open returns when the lock wait timed
// out, naming the holder as precisely as this system allows.
func lockedError(path string) error {
	holder := "another process"
	if pid, cmd, ok := lockHolder(path); ok {
		holder = describeProcess(pid, cmd)
	} else if info, ok := readLockInfo(path); ok {
		holder = describeProcess(info.PID, info.Command)
	}
	return shadowscan.Errorf(shadowscan.ECONFLICT, "store %s is in use by %s: stop it or use --db to pick another file", path, holder)
}

func describeProcess(pid int, cmd string) string {
	if cmd == "" {
		return fmt.Sprintf("process %d", pid)
	}
	return fmt.Sprintf("process %d (%s)", pid, cmd)
}

// writeLockInfo writes the sidecar and returns its path, or "" when it
// could not (the sidecar only improves an error message).
func writeLockInfo(path string, now time.Time) string {
	b, err := json.Marshal(lockInfo{PID: os.Getpid(), Command: commandLine(os.Args), Since: now.UTC().Format(timeLayout)})
	if err != nil {
		return ""
	}
	p := path + lockInfoSuffix
	if err := os.WriteFile(p, b, 0o600); err != nil {
		return ""
	}
	return p
}

func readLockInfo(path string) (lockInfo, bool) {
	f, err := os.Open(path + lockInfoSuffix)
	if err != nil {
		return lockInfo{}, false
	}
	defer f.Close()
	var info lockInfo
	if err := json.NewDecoder(io.LimitReader(f, 4096)).Decode(&info); err != nil || info.PID <= 0 {
		return lockInfo{}, false
	}
	info.Command = sanitizeCommand(info.Command)
	return info, true
}

// commandLine renders argv as "name arg arg", with the program's base name.
func commandLine(args []string) string {
	if len(args) == 0 {
		return ""
	}
	parts := append([]string{filepath.Base(args[0])}, args[1:]...)
	return sanitizeCommand(strings.Join(parts, " "))
}

// sanitizeCommand keeps a command line printable and short: it comes from
// another process and ends up in a terminal.
func sanitizeCommand(s string) string {
	const maxRunes = 120
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n >= maxRunes {
			b.WriteString("…")
			break
		}
		if !unicode.IsPrint(r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

// fileID identifies a file the way /proc/locks does: device major and
// minor numbers and inode.
type fileID struct {
	major, minor, inode uint64
}

// parseProcLocks returns the pid of the first FLOCK entry on file in a
// /proc/locks listing, skipping waiters ("->" lines). It reads at most
// 1 MiB: the file is the kernel's, but the limit costs nothing.
func parseProcLocks(r io.Reader, file fileID) (int, bool) {
	sc := bufio.NewScanner(io.LimitReader(r, 1<<20))
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	for sc.Scan() {
		// 1: FLOCK  ADVISORY  WRITE 1234 fe:00:9979464 0 EOF
		f := strings.Fields(sc.Text())
		if len(f) < 6 || f[1] != "FLOCK" {
			continue
		}
		pid, err := strconv.Atoi(f[4])
		if err != nil || pid <= 0 {
			continue
		}
		dev := strings.Split(f[5], ":")
		if len(dev) != 3 {
			continue
		}
		major, err1 := strconv.ParseUint(dev[0], 16, 64)
		minor, err2 := strconv.ParseUint(dev[1], 16, 64)
		inode, err3 := strconv.ParseUint(dev[2], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		if (fileID{major, minor, inode}) == file {
			return pid, true
		}
	}
	return 0, false
}
