package catalog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// MaxFileBytes is the largest catalogue file Load reads.
const MaxFileBytes = 16 << 20

// File is one loaded catalogue file.
type File struct {
	// Name is the file name as given to Load or LoadPath.
	Name string
	// Catalog holds the file's brands and products, in file order, with
	// every product's BrandID set and its images hashed.
	Catalog shadowscan.Catalog
	// Photos maps the lower-case hex SHA-256 of each image to its bytes, for
	// the store's blob area.
	Photos map[string][]byte
}

// Option configures Load.
type Option func(*config)

type config struct {
	client *http.Client
	limits photo.Limits
	// allowHosts may reach non-public addresses (WithAllowedImageHosts).
	allowHosts []string
	// lookup resolves image hosts and dial connects; tests replace them.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
}

// WithHTTPClient sets the client used to fetch http(s) image URLs. The
// default is a client with a 30 second timeout. Load uses a copy: an
// *http.Transport is cloned, given a dialer that refuses loopback, private,
// link-local and cloud metadata addresses (see WithAllowedImageHosts), and
// its proxy and custom dial functions are dropped; any other transport
// gets each URL's host checked before the request instead.
func WithHTTPClient(c *http.Client) Option {
	return func(cfg *config) {
		if c != nil {
			cfg.client = c
		}
	}
}

// WithImageLimits sets the size limits every image must meet, for files and
// URLs alike. The default is photo.DefaultLimits.
func WithImageLimits(l photo.Limits) Option {
	return func(cfg *config) { cfg.limits = l }
}

// LoadPath loads the catalogue file at path. Image paths in it are resolved
// in the file's directory, which they cannot leave (neither with .. nor by
// a symbolic link).
func LoadPath(ctx context.Context, p string, opts ...Option) (*File, error) {
	dir, base := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "catalogue %s: directory %s does not exist", p, dir)
		}
		return nil, fmt.Errorf("open catalogue directory %s: %w", dir, err)
	}
	defer root.Close()
	return load(ctx, root.FS(), base, p, opts)
}

// Load loads the catalogue file name from fsys. The format follows the
// extension (.yaml, .yml, .json, .csv). Image paths are resolved relative
// to name inside fsys.
//
// Input errors are returned as shadowscan.FieldErrors (every error of the
// file, sorted by line); a missing file is a shadowscan.ENOTFOUND error; a
// cancelled ctx returns ctx.Err() wrapped.
func Load(ctx context.Context, fsys fs.FS, name string, opts ...Option) (*File, error) {
	return load(ctx, fsys, name, name, opts)
}

func load(ctx context.Context, fsys fs.FS, name, display string, opts []Option) (*File, error) {
	cfg := config{limits: photo.DefaultLimits}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.client == nil {
		cfg.client = &http.Client{Timeout: 30 * time.Second}
	}
	allow, err := parseAllowHosts(cfg.allowHosts)
	if err != nil {
		return nil, err
	}
	if cfg.lookup == nil {
		cfg.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	cfg.client = guardClient(cfg.client, &imageDialer{allow: allow, lookup: cfg.lookup, dial: cfg.dial})
	ext := strings.ToLower(path.Ext(name))
	var parse func(p *parser, data []byte)
	switch ext {
	case ".yaml", ".yml":
		parse = (*parser).parseYAML
	case ".json":
		parse = (*parser).parseJSON
	case ".csv":
		parse = (*parser).parseCSV
	default:
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "catalogue %s: unknown extension %q (accepted: .yaml, .yml, .json or .csv)", display, ext)
	}
	data, err := readFile(fsys, name, display)
	if err != nil {
		return nil, err
	}
	p := &parser{file: display}
	parse(p, data)
	if p.fatal {
		return nil, p.result()
	}
	p.validate()
	f := &File{Name: display, Photos: map[string][]byte{}}
	if err := p.loadImages(ctx, &cfg, fsys, path.Dir(name), f.Photos); err != nil {
		return nil, err
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	f.Catalog = p.catalog()
	return f, nil
}

// readFile reads name from fsys, refusing files over MaxFileBytes.
func readFile(fsys fs.FS, name, display string) ([]byte, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "catalogue %s does not exist", display)
		}
		return nil, fmt.Errorf("open catalogue %s: %w", display, err)
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.IsDir() {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "catalogue %s is a directory (accepted: a .yaml, .yml, .json or .csv file)", display)
	}
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read catalogue %s: %w", display, err)
	}
	if len(data) > MaxFileBytes {
		return nil, &shadowscan.FieldError{File: display, Msg: fmt.Sprintf("is larger than %d bytes", MaxFileBytes), Accepted: "a catalogue file of at most 16 MiB; split larger catalogues by brand"}
	}
	return data, nil
}

// result returns the collected errors sorted by line, or nil.
func (p *parser) result() error {
	if len(p.errs) == 0 {
		return nil
	}
	slices.SortStableFunc(p.errs, func(a, b *shadowscan.FieldError) int { return a.Line - b.Line })
	return p.errs
}
