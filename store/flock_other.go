//go:build !unix

package store

import (
	"io"
	"os"
	"time"
)

// lockShared does nothing where flock is missing: the page walk may then
// race a writer in another process and report damage that is not there,
// which Open's caller sees as an error, never as a crash.
func lockShared(*os.File, time.Duration) error { return nil }

// mapFile reads the file whole where mmap is not at hand.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	b := make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(f, 0, size), b); err != nil {
		return nil, nil, err
	}
	return b, func() {}, nil
}
