package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/shadowscan/shadowscan"
)

// progress prints a scan's live status line on a terminal: pages,
// listings, hits, errors and the listing rate, and its warnings and
// notes on their own lines above it.
type progress struct {
	w       io.Writer
	enabled bool
	start   time.Time

	mu    sync.Mutex
	sc    shadowscan.Scan
	last  time.Time
	wrote bool
}

func newProgress(w io.Writer, want bool) *progress {
	enabled := false
	if f, ok := w.(*os.File); ok && want {
		enabled = term.IsTerminal(int(f.Fd()))
	}
	return &progress{w: w, enabled: enabled, start: time.Now()}
}

// update shows the scan's live counts.
func (p *progress) update(sc shadowscan.Scan) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sc = sc
	p.print(false)
}

func (p *progress) print(force bool) {
	if !p.enabled || (!force && time.Since(p.last) < 200*time.Millisecond) {
		return
	}
	p.last = time.Now()
	errs := 0
	for _, n := range p.sc.Errors {
		errs += n
	}
	rate := float64(p.sc.Listings) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\033[Kpages %d  listings %d  hits %d  errors %d  %.1f listings/s", p.sc.Pages, p.sc.Listings, p.sc.Hits, errs, rate)
	p.wrote = true
}

// warn prints a warning on the progress stream, whether or not it is a
// terminal.
func (p *progress) warn(msg string) { p.line("shadowscan: warning: " + msg) }

// note prints a line for the person watching the scan.
func (p *progress) note(msg string) { p.line("shadowscan: " + msg) }

// line prints text on its own line, above the live status line when there
// is one.
func (p *progress) line(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.enabled && p.wrote {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintln(p.w, text)
	if p.enabled && p.wrote {
		p.print(true)
	}
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.print(true)
	if p.wrote {
		fmt.Fprintln(p.w)
	}
}
