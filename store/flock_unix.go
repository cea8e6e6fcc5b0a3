//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockShared takes a shared flock on f, as a bbolt reader does, waiting up
// to timeout (zero: for ever) while a writer holds the file.
func lockShared(f *os.File, timeout time.Duration) error {
	start := time.Now()
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		if timeout != 0 && time.Since(start) > timeout {
			return errLockTimeout
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// mapFile maps the first size bytes of f read-only. The walker indexes the
// slice with bounds checks, so it never touches memory past the file.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, fmt.Errorf("cannot map %d bytes", size)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, fmt.Errorf("map for checking: %w", err)
	}
	return b, func() { _ = syscall.Munmap(b) }, nil
}
