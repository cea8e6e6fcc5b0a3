package catalog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

const imageAccepted = "a path relative to the catalogue file, inside its directory, or an http(s) URL"

// imageResult is one fetched and hashed source, shared by every product
// that names it.
type imageResult struct {
	src   string
	ref   shadowscan.ImageRef
	data  []byte
	msg   string // a user-facing error, "" on success
	limit bool   // the error is a size limit
	fmtOK bool   // false when the error is an unsupported format
}

// fetchParallel is how many images are read and hashed at once: URL
// fetches overlap their network waits, and hashing uses the cores.
const fetchParallel = 4

// MaxImages is the most distinct image sources one catalogue file may name.
const MaxImages = 5000

// loadImages reads and hashes every distinct image source once, a few at a
// time, then records an error at the line of each image that failed. It
// returns an error only when ctx is done.
func (p *parser) loadImages(ctx context.Context, cfg *config, fsys fs.FS, dir string, photos map[string][]byte) error {
	results := map[string]*imageResult{}
	var order []string
	for _, d := range p.products {
		for _, img := range d.images {
			if _, ok := results[img.src]; ok {
				continue
			}
			if len(order) == MaxImages {
				results[img.src] = &imageResult{fmtOK: true, msg: fmt.Sprintf("image %q: the file names more than %d distinct images", img.src, MaxImages)}
				continue
			}
			results[img.src] = nil
			order = append(order, img.src)
		}
	}
	work := make(chan string)
	done := make(chan *imageResult)
	var wg sync.WaitGroup
	for range min(fetchParallel, len(order)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range work {
				r := fetchImage(ctx, cfg, fsys, dir, src)
				r.src = src
				select {
				case done <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(work)
		for _, src := range order {
			select {
			case work <- src:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	for r := range done {
		results[r.src] = r
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("load catalogue %s images: %w", p.file, err)
	}

	for _, d := range p.products {
		for _, img := range d.images {
			r := results[img.src]
			if r == nil { // cannot happen unless ctx was done, checked above
				return fmt.Errorf("load catalogue %s: image %q was not read", p.file, img.src)
			}
			if r.msg != "" {
				accepted := imageAccepted
				switch {
				case r.limit:
					accepted = "a JPEG, PNG, GIF or WebP image of " + cfg.limits.String()
				case !r.fmtOK:
					accepted = "a JPEG, PNG, GIF or WebP image"
				}
				p.errorf(img.at, accepted, "%s", r.msg)
				continue
			}
			d.p.Images = append(d.p.Images, r.ref)
			photos[r.ref.SHA256] = r.data
		}
	}
	return nil
}

// fetchImage reads src (a relative path or an http(s) URL) and hashes it.
func fetchImage(ctx context.Context, cfg *config, fsys fs.FS, dir, src string) *imageResult {
	r := &imageResult{fmtOK: true}
	var data []byte
	var err error
	if u, perr := url.Parse(src); perr == nil && u.Scheme != "" && len(u.Scheme) > 1 {
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			data, err = fetchURL(ctx, cfg, u.String())
		default:
			r.msg = fmt.Sprintf("image %q: scheme %s is not accepted", src, u.Scheme)
			return r
		}
	} else {
		data, err = readImageFile(fsys, dir, src, cfg.limits)
	}
	if err != nil {
		r.msg = fmt.Sprintf("image %q: %v", src, err)
		r.limit = errors.Is(err, photo.ErrTooLarge)
		return r
	}
	h, err := photo.HashOfficial(data, cfg.limits)
	if err != nil {
		r.msg = fmt.Sprintf("image %q: %v", src, err)
		r.limit = errors.Is(err, photo.ErrTooLarge)
		r.fmtOK = !errors.Is(err, photo.ErrUnsupportedFormat)
		return r
	}
	r.data = data
	r.ref = photo.OfficialRef(src, h)
	return r
}

// errEscape is returned for an image path that leaves the catalogue's file
// system.
var errEscape = errors.New("path leaves the catalogue's directory")

// readImageFile reads src relative to dir inside fsys, refusing absolute
// paths, paths that climb out with .., and files over the byte limit.
func readImageFile(fsys fs.FS, dir, src string, lim photo.Limits) ([]byte, error) {
	if strings.HasPrefix(src, "/") || strings.HasPrefix(src, `\`) || (len(src) > 1 && src[1] == ':') {
		return nil, fmt.Errorf("absolute paths are not accepted: %w", errEscape)
	}
	if strings.Contains(src, `\`) {
		return nil, errors.New(`backslashes are not accepted; separate directories with /`)
	}
	name := path.Join(dir, src)
	if name == ".." || strings.HasPrefix(name, "../") || !fs.ValidPath(name) {
		return nil, errEscape
	}
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New("file does not exist")
		}
		return nil, fmt.Errorf("open: %w", err)
	}
	defer f.Close()
	max := lim
	if max.MaxBytes <= 0 {
		max.MaxBytes = photo.DefaultLimits.MaxBytes
	}
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Size() > max.MaxBytes {
			return nil, fmt.Errorf("%w: %d bytes is over the limit of %d bytes", photo.ErrTooLarge, st.Size(), max.MaxBytes)
		}
	}
	return readLimited(f, max.MaxBytes)
}

// fetchURL GETs an image, refusing non-200 answers and bodies over the
// byte limit (checked on Content-Length first, then while reading).
func fetchURL(ctx context.Context, cfg *config, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", "shadowscan-catalog/1 (+catalogue import)")
	req.Header.Set("Accept", "image/jpeg, image/png, image/gif, image/webp")
	resp, err := cfg.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("fetch: %w", ctx.Err())
		}
		// Never the error itself: net/http quotes what a non-HTTP server
		// answered, and an internal endpoint's answer is not for the user.
		return nil, fmt.Errorf("fetch: %s", fetchErrText(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// The status code and its standard text, not the server's reason
		// phrase, which is the server's to fill.
		return nil, fmt.Errorf("GET answered %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	maxBytes := cfg.limits.MaxBytes
	if maxBytes <= 0 {
		maxBytes = photo.DefaultLimits.MaxBytes
	}
	if resp.ContentLength > maxBytes {
		return nil, fmt.Errorf("%w: Content-Length %d bytes is over the limit of %d bytes", photo.ErrTooLarge, resp.ContentLength, maxBytes)
	}
	return readLimited(resp.Body, maxBytes)
}

// readLimited reads at most max bytes, failing if there are more.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than the limit of %d bytes", photo.ErrTooLarge, max)
	}
	return data, nil
}
