// Command shadowscan finds counterfeit and grey-market listings of
// direct-sales products on marketplaces and turns them into reviewed
// evidence for takedown complaints. Run `shadowscan --help` for the tour.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"github.com/shadowscan/shadowscan/scan"
)

// Exit statuses (SPEC "Command line").
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	if os.Getenv("GOMAXPROCS") == "" {
		// Scans wait on the network between short bursts of CPU work: see
		// scan.Procs. An explicit GOMAXPROCS wins.
		runtime.GOMAXPROCS(scan.Procs(runtime.GOMAXPROCS(0)))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line in args and returns the exit status. It is
// main without the process around it, so tests can drive the real program.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(ctx, &Globals{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}, args)
}

// runWith is run with the Globals given (tests set store options on them).
func runWith(ctx context.Context, g *Globals, args []string) int {
	m := &Main{Globals: g, Args: args}
	err := m.Run(ctx)
	if cerr := m.Close(); cerr != nil {
		fmt.Fprintln(g.Stderr, "shadowscan: closing store:", cerr)
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(g.Stderr, "shadowscan:", errorText(err))
	return exitCode(err)
}

// Main is the program, as wtf's cmd/wtfd Main is: the command line and
// the standard streams in, the store and rules it opens on first use
// (Globals), Run to execute the command and Close to release what it
// opened. The use cases it wires (packages scan and export, the web
// server) are called from the commands; Main only holds what they share.
type Main struct {
	*Globals
	// Args is the command line without the program name.
	Args []string
}

// Run executes the command line. A failed write to standard output fails
// the command (review list --json > full-disk/x.json must not exit 0).
func (m *Main) Run(ctx context.Context) error {
	// The log and a scan's warnings write to stderr from several
	// goroutines.
	out := &stickyWriter{w: m.Stdout}
	m.Stdout = out
	m.Stderr = &syncWriter{w: m.Stderr}
	cmd := newRootCommand(m.Globals)
	cmd.SetArgs(m.Args)
	cmd.SetIn(m.Stdin)
	cmd.SetOut(m.Stdout)
	cmd.SetErr(m.Stderr)
	err := cmd.ExecuteContext(ctx)
	if err == nil && out.err != nil {
		err = fmt.Errorf("write standard output: %w", out.err)
	}
	return err
}

// Close releases the store, if a command opened it.
func (m *Main) Close() error { return m.close() }

// stickyWriter keeps the first error writing to w, so that the many
// prints of the commands need not each check one and a failed write still
// fails the command. After an error it writes nothing more.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}

// syncWriter serialises writes to w.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// usageError marks an error in how a command was called (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitCode maps an error to the process exit status, in one place.
func exitCode(err error) int {
	var ue usageError
	var se scan.UsageError
	if errors.As(err, &ue) || errors.As(err, &se) {
		return exitUsage
	}
	// cobra reports an unknown command as a plain error.
	if strings.HasPrefix(err.Error(), "unknown command ") {
		return exitUsage
	}
	return exitError
}

// errorText is what the user sees: the message of application and input
// errors, "interrupted" for a cancelled context.
func errorText(err error) string {
	if errors.Is(err, context.Canceled) {
		return "interrupted: " + err.Error()
	}
	return err.Error()
}
