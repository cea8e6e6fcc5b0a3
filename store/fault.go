package store

import (
	"errors"
	"fmt"
	"syscall"
)

// ErrWrite is in the chain of every error from a write the file system
// refused: a full disk, a quota, a file size limit, a read-only file or
// file system, an I/O error. Nothing of the failed transaction is stored;
// everything committed before it is kept. Test for it with errors.Is.
var ErrWrite = errors.New("store file could not be written")

// WriteError is a write the file system refused, naming the store file
// and the cause.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("store %s could not be written (%v): nothing of this write was stored, everything stored before is kept", e.Path, causeOf(e.Err))
}

// Unwrap returns the cause.
func (e *WriteError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrWrite) true.
func (e *WriteError) Is(target error) bool { return target == ErrWrite }

// writeErrnos are the errors of a file system that will not take a write.
var writeErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG, syscall.EROFS, syscall.EIO, syscall.EBADF, syscall.EPERM, syscall.EACCES}

// writeErr turns err into a *WriteError when the file system refused a
// write, and returns it unchanged otherwise.
func (db *DB) writeErr(err error) error {
	if err == nil || errors.Is(err, ErrWrite) {
		return err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		for _, e := range writeErrnos {
			if errno == e {
				return &WriteError{Path: db.path, Err: err}
			}
		}
	}
	return err
}

// causeOf is the innermost error of err's chain, the part a user acts on
// ("no space left on device"); err itself when it wraps nothing.
func causeOf(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// WithWriteFault makes every write transaction call fault first, with the
// name of the write, and fail with its error when it returns one: the
// transaction is rolled back, as when a commit fails. It is the seam that
// lets tests stop writes midway the way a full disk or a read-only file
// does (return syscall.ENOSPC or syscall.EROFS for a *WriteError); it has
// no use outside tests.
func WithWriteFault(fault func(op string) error) Option {
	return func(o *options) { o.fault = fault }
}

// fault runs the write fault of WithWriteFault, if any.
func (db *DB) fault(op string) error {
	if db.faultFn == nil {
		return nil
	}
	return db.faultFn(op)
}
