package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/rules"
)

// A crawl of every labelled world takes minutes, most of it the sites'
// politeness delays; matching what it fetched takes seconds. With -replay
// DIR the evaluation keeps each site's fetched listings in DIR, one JSON
// line a listing in the order the crawl handed them over, and where DIR
// already holds a site's file it matches those listings again instead of
// crawling. A replay measures the matcher (and the store) on what an
// earlier crawl fetched: it says nothing of the crawler, and it is stale
// once a world, the crawler or the photo hashes change (delete DIR then).
// The figures the README quotes come from a crawl.

// fetcher hands a site's listings to a sink: by crawling it, or by
// replaying a crawl kept in dir.
type fetcher struct {
	dir string // "" to crawl every time and keep nothing
	log io.Writer
	// noDelay crawls without the site rules' politeness delays (-no-delay):
	// the worlds are served on loopback by this process, so the delays
	// protect nobody, and the figures do not depend on them (the eval's
	// tests crawl without them and hold the same floors).
	noDelay bool
}

// maxReplayLine bounds one stored listing: titles and descriptions are
// truncated by the matcher long before this.
const maxReplayLine = 8 << 20

// each hands sink every listing of site, crawled at base with queries
// and the crawler options opts, or replayed from f.dir/world/site.jsonl
// when that file exists. A crawl with f.dir set writes the file once the
// crawl has finished, so an interrupted crawl leaves nothing to replay.
func (f fetcher) each(ctx context.Context, world string, site *rules.Site, base string, queries []string, sink func(context.Context, *shadowscan.Listing) error, opts ...crawler.Option) error {
	if f.noDelay {
		s := *site
		s.Politeness.Delay, s.Politeness.RandomDelay = 0, 0
		site = &s
	}
	if f.dir == "" {
		return crawlSite(ctx, site, base, queries, sink, opts)
	}
	file := filepath.Join(f.dir, world, site.Name+".jsonl")
	n, saved, err := replayFile(ctx, file, sink)
	switch {
	case err == nil:
		if f.log != nil {
			fmt.Fprintf(f.log, "%s/%s: replayed %d listings crawled %s (%s)\n", world, site.Name, n, saved.Format(time.RFC3339), file)
		}
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	var kept []shadowscan.Listing
	err = crawlSite(ctx, site, base, queries, func(ctx context.Context, l *shadowscan.Listing) error {
		kept = append(kept, *l)
		return sink(ctx, l)
	}, opts)
	if err != nil {
		return err
	}
	return writeReplay(file, kept)
}

// crawlSite crawls site at base with queries and hands sink each listing.
func crawlSite(ctx context.Context, site *rules.Site, base string, queries []string, sink func(context.Context, *shadowscan.Listing) error, opts []crawler.Option) error {
	c, err := crawler.New(site, append([]crawler.Option{crawler.WithBaseURL(base)}, opts...)...)
	if err != nil {
		return err
	}
	defer c.CloseIdleConnections()
	_, err = c.Run(ctx, queries, func(ctx context.Context, p *crawler.Page) error {
		return sink(ctx, &p.Listing)
	})
	return err
}

// replayFile hands sink each listing stored in file, in order, and
// returns how many there were and when the file was written.
func replayFile(ctx context.Context, file string, sink func(context.Context, *shadowscan.Listing) error) (n int, saved time.Time, err error) {
	fh, err := os.Open(file)
	if err != nil {
		return 0, saved, err
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil {
		saved = st.ModTime().UTC()
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 0, 64<<10), maxReplayLine)
	for line := 1; sc.Scan(); line++ {
		var l shadowscan.Listing
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return n, saved, fmt.Errorf("%s:%d: not a stored listing (%w); delete the file to crawl again", file, line, err)
		}
		if err := sink(ctx, &l); err != nil {
			return n, saved, err
		}
		n++
	}
	if err := sc.Err(); err != nil {
		return n, saved, fmt.Errorf("read %s: %w", file, err)
	}
	return n, saved, nil
}

// writeReplay stores ls in file, one JSON line each, replacing it whole.
func writeReplay(file string, ls []shadowscan.Listing) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".replay-*")
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("replay: %w", err)
	}
	w := bufio.NewWriter(tmp)
	enc := json.NewEncoder(w)
	for i := range ls {
		if err := enc.Encode(&ls[i]); err != nil {
			tmp.Close()
			return fmt.Errorf("replay %s: %w", file, err)
		}
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("replay %s: %w", file, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("replay %s: %w", file, err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	return nil
}
