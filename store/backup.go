package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// Backup writes a consistent copy of the store to w: the file as of one
// read transaction (bbolt's Tx.WriteTo), taken while other transactions
// go on. It returns the bytes written. The copy is a store file that Open
// and Check accept as it is.
//
// The transaction stays open until w has taken every byte, so give it a
// local file, not a network connection: a long read transaction holds up
// a writer that needs to grow the file.
func (db *DB) Backup(ctx context.Context, w io.Writer) (int64, error) {
	var n int64
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("back up store %s: %w", db.path, err)
	}
	return n, nil
}

// BackupFile writes a consistent copy of the store to the file path (see
// SaveBackup for how) and returns its size.
func (db *DB) BackupFile(ctx context.Context, path string) (int64, error) {
	if same(path, db.path) {
		return 0, shadowscan.Errorf(shadowscan.EINVALID, "backup %s is the store itself: give another file name", path)
	}
	return writeBackup(path, func(w io.Writer) (int64, error) { return db.Backup(ctx, w) })
}

// SaveBackup writes the store copy read from r (a backup streamed from a
// running serve) to the file path, as BackupFile does.
func SaveBackup(path string, r io.Reader) (int64, error) {
	return writeBackup(path, func(w io.Writer) (int64, error) { return io.Copy(w, r) })
}

// writeBackup writes a backup so that path is never a partial copy: into
// a temporary file beside it, synced to disk, its page structure walked
// (a copy of a damaged store, or one cut short on the way, is refused),
// then renamed over path and the directory synced. An existing path is
// refused rather than overwritten.
func writeBackup(path string, write func(io.Writer) (int64, error)) (int64, error) {
	if path == "" {
		return 0, shadowscan.Errorf(shadowscan.EINVALID, "backup file name is empty: give one with --out")
	}
	if _, err := os.Lstat(path); err == nil {
		return 0, shadowscan.Errorf(shadowscan.ECONFLICT, "backup %s already exists: remove it or give another file name", path)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return 0, fmt.Errorf("backup %s: %w", path, err)
	}
	n, err := write(tmp)
	if err != nil {
		return n, fmt.Errorf("backup %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return n, fmt.Errorf("backup %s: sync: %w", path, err)
	}
	if err := verifyCopy(tmp, n); err != nil {
		return n, fmt.Errorf("backup %s: the copy is not a sound store, so it was not kept: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return n, fmt.Errorf("backup %s: %w", path, err)
	}
	// Link, not rename: rename would replace a file made meanwhile.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return n, shadowscan.Errorf(shadowscan.ECONFLICT, "backup %s already exists: remove it or give another file name", path)
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			return n, fmt.Errorf("backup %s: %w", path, err)
		}
	}
	os.Remove(tmp.Name())
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the new name survives a crash
		d.Close()
	}
	return n, nil
}

// verifyCopy walks the page structure of the n-byte copy in f.
func verifyCopy(f *os.File, n int64) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() != n || n == 0 {
		return fmt.Errorf("%d bytes written but the file holds %d", n, fi.Size())
	}
	data, unmap, err := mapFile(f, n)
	if err != nil {
		return err
	}
	defer unmap()
	problems, metaOK := walkPages(data, false)
	if !metaOK && len(problems) == 0 {
		problems = []string{"no valid meta page"}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", problems[0])
	}
	return nil
}

// same reports whether a and b name one file.
func same(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(fa, fb)
	}
	pa, err1 := filepath.Abs(a)
	pb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && pa == pb
}
