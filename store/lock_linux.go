package store

import (
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// lockHolder finds the process holding a flock on path through /proc/locks
// and reads its command line from /proc/PID/cmdline.
func lockHolder(path string) (pid int, cmd string, ok bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, "", false
	}
	st, isStat := fi.Sys().(*syscall.Stat_t)
	if !isStat {
		return 0, "", false
	}
	f, err := os.Open("/proc/locks")
	if err != nil {
		return 0, "", false
	}
	defer f.Close()
	dev := uint64(st.Dev)
	id := fileID{
		major: ((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff),
		minor: ((dev >> 12) & 0xffffff00) | (dev & 0xff),
		inode: uint64(st.Ino),
	}
	pid, ok = parseProcLocks(f, id)
	if !ok {
		return 0, "", false
	}
	return pid, processCommand(pid), true
}

// processCommand returns the command line of pid, or "" when it cannot be
// read (the process ended, or /proc hides it).
func processCommand(pid int) string {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return ""
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil || len(b) == 0 {
		return ""
	}
	return commandLine(strings.Split(strings.TrimRight(string(b), "\x00"), "\x00"))
}
