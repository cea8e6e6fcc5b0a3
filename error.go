package shadowscan

import (
	"errors"
	"fmt"
	"strings"
)

// Application error codes. The CLI maps them to exit statuses and the web
// package to HTTP statuses, each in one table.
const (
	EINVALID  = "invalid"   // the input is wrong; the message says how
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the store is busy or the change clashes
	EINTERNAL = "internal"  // a bug or an I/O failure
)

// Error is an application error with a machine code and a message meant for
// the user.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error or *FieldError in err's
// chain, EINTERNAL for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return EINVALID
	}
	return EINTERNAL
}

// FieldError is an input error that names where it is: the file, the line
// (or CSV row), the field, what is wrong and what would be accepted.
type FieldError struct {
	File     string
	Line     int
	Field    string
	Msg      string
	Accepted string
}

// Error formats "file:line: field: msg (accepted: ...)".
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(" ")
	}
	b.WriteString(e.Msg)
	if e.Accepted != "" {
		b.WriteString(" (accepted: ")
		b.WriteString(e.Accepted)
		b.WriteString(")")
	}
	return b.String()
}

// FieldErrors is several input errors, reported together so a user can fix
// a file in one pass.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap lets errors.As find the first FieldError.
func (es FieldErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
