package store

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// ErrDamaged is in the chain of every error caused by a store file whose
// bytes are not what bbolt wrote: cut short, overwritten, or with pages
// that point nowhere. Test for it with errors.Is.
var ErrDamaged = errors.New("store file is damaged")

// damagedError names the file, what was found and what to do.
type damagedError struct {
	path   string
	detail string
}

func (e *damagedError) Error() string {
	return fmt.Sprintf("store %s is damaged (%s): run `shadowscan check %s` to list the problems, then restore the file from a backup (made with `shadowscan backup --out FILE`), or use --db to pick another file",
		e.path, e.detail, e.path)
}

func (e *damagedError) Is(target error) bool { return target == ErrDamaged }

// damaged returns the damage error for path.
func damaged(path string, format string, args ...any) error {
	return &damagedError{path: path, detail: fmt.Sprintf(format, args...)}
}

// guard runs fn, which calls into bbolt, and turns a panic or a memory
// fault inside it into a damage error. bbolt asserts on pages that make no
// sense and reads past its map when a page id points beyond the file; both
// mean the file is damaged, and neither may reach the user as a crash.
// Faults become panics only with SetPanicOnFault, which is per goroutine,
// so guard must run on the goroutine that calls bbolt.
//
// After a panic the handle refuses further work: bbolt may have been
// stopped holding its locks, and a write on a damaged file spreads the
// damage.
func (db *DB) guard(fn func() error) (err error) {
	if e := db.damage.Load(); e != nil {
		return *e
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			e := damaged(db.path, "reading it failed: %s", panicText(r))
			db.damage.CompareAndSwap(nil, &e)
			err = e
		}
	}()
	return fn()
}

// panicText renders a recovered value on one short line.
func panicText(r any) string {
	s := strings.Join(strings.Fields(fmt.Sprint(r)), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// checkPages walks the page structure of the file at path before bbolt
// maps it (see walkPages), holding a shared lock so that no writer changes
// the file meanwhile. A missing or empty file has nothing to check.
func checkPages(path string, timeout time.Duration) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer f.Close()
	if err := lockShared(f, timeout); err != nil {
		if errors.Is(err, errLockTimeout) {
			return lockedError(path)
		}
		return fmt.Errorf("open store %s: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	if fi.Size() == 0 {
		return nil
	}
	data, unmap, err := mapFile(f, fi.Size())
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer unmap()
	problems, metaOK := walkPages(data, false)
	if !metaOK {
		// No valid meta page: bbolt.Open says so in its own words, and
		// the file may not be a store at all.
		return nil
	}
	if len(problems) > 0 {
		detail := problems[0]
		if len(problems) > 1 {
			detail += fmt.Sprintf("; and %d more problems", len(problems)-1)
		}
		return damaged(path, "%s", detail)
	}
	return nil
}

// errLockTimeout is lockShared giving up.
var errLockTimeout = errors.New("timed out waiting for the file lock")

// notExist is the error for a store file that must exist and does not.
func notExist(path string) error {
	return shadowscan.Errorf(shadowscan.ENOTFOUND, "store %s does not exist: create it with `shadowscan init`, `shadowscan catalog import FILE` or `shadowscan scan`, or use --db to pick another file", path)
}
