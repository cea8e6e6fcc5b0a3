package importer

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/store"
)

// Import is a set of catalogue files loaded and merged, not yet stored.
type Import struct {
	// Files are the loaded files, in the order given.
	Files []*catalog.File
	paths []string
	cat   *shadowscan.Catalog
	// photos are the files' photo bytes by SHA-256, for the store.
	photos map[string][]byte
}

// Load loads every file at paths (YAML, JSON or CSV, chosen by
// extension) and merges them into one catalogue. When any file has an
// error, it returns every file's errors together, EINVALID; when the
// files disagree (a SKU of two brands), the merge's error. Either way
// nothing is loaded.
func Load(ctx context.Context, paths []string, opts ...catalog.Option) (*Import, error) {
	return load(paths, func(p string) (*catalog.File, error) { return catalog.LoadPath(ctx, p, opts...) })
}

// LoadFS is Load for the files names of fsys (an embedded catalogue, such
// as the demo's), with image paths resolved in fsys.
func LoadFS(ctx context.Context, fsys fs.FS, names []string, opts ...catalog.Option) (*Import, error) {
	return load(names, func(n string) (*catalog.File, error) { return catalog.Load(ctx, fsys, n, opts...) })
}

func load(names []string, loadOne func(string) (*catalog.File, error)) (*Import, error) {
	files := make([]*catalog.File, 0, len(names))
	var msgs []string
	for _, n := range names {
		f, err := loadOne(n)
		if err != nil {
			msgs = append(msgs, err.Error())
			continue
		}
		files = append(files, f)
	}
	if len(msgs) > 0 {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "nothing imported:\n%s", strings.Join(msgs, "\n"))
	}
	cat, photos, err := catalog.Merge(files)
	if err != nil {
		return nil, fmt.Errorf("nothing imported: %w", err)
	}
	return &Import{Files: files, paths: names, cat: cat, photos: photos}, nil
}

// Plan is an import compared with a stored catalogue.
type Plan struct {
	im *Import
	// Diffs say, brand by brand, what the import adds, changes and
	// removes (catalog.Diff).
	Diffs []catalog.BrandDiff
}

// Against compares the import with the stored catalogue (empty when
// there is no store yet).
func (im *Import) Against(stored *shadowscan.Catalog) *Plan {
	if stored == nil {
		stored = &shadowscan.Catalog{}
	}
	return &Plan{im: im, Diffs: catalog.Diff(stored, im.cat)}
}

// Removes reports whether the import removes what detection relies on:
// saving it needs replace.
func (p *Plan) Removes() bool { return catalog.Removes(p.Diffs) }

// Saver is the store an import is saved to; *store.DB is one.
type Saver interface {
	SaveCatalog(ctx context.Context, cat *shadowscan.Catalog, photos map[string][]byte, opts ...store.SaveOption) (store.ImportStats, error)
}

// Save stores the import: its brands and products updated in place, and
// the products it no longer has removed. An import that removes what
// detection relies on is refused with ECONFLICT, naming each brand and
// what it would lose, and stores nothing, unless replace is set.
func (p *Plan) Save(ctx context.Context, db Saver, replace bool) (store.ImportStats, error) {
	if p.Removes() && !replace {
		return store.ImportStats{}, p.refusal()
	}
	var remove []string
	for _, d := range p.Diffs {
		remove = append(remove, d.RemovedProducts...)
	}
	st, err := db.SaveCatalog(ctx, p.im.cat, p.im.photos, store.WithRemovedProducts(remove...))
	if err != nil {
		return st, fmt.Errorf("import %s: %w", strings.Join(p.im.paths, ", "), err)
	}
	return st, nil
}

// refusal is the error of an import that would remove what detection
// relies on: it names each brand and what would go.
func (p *Plan) refusal() error {
	var parts []string
	n := 0
	for _, d := range p.Diffs {
		if len(d.Removed) == 0 {
			continue
		}
		items := make([]string, len(d.Removed))
		for i, it := range d.Removed {
			items[i] = it.String()
		}
		n += len(d.Removed)
		parts = append(parts, fmt.Sprintf("brand %s would lose %s", d.BrandID, strings.Join(items, ", ")))
	}
	return shadowscan.Errorf(shadowscan.ECONFLICT,
		"nothing imported: %s (%d removal(s)); if that is meant, run again with --replace, else put them back in %s",
		strings.Join(parts, "; "), n, strings.Join(p.im.paths, ", "))
}
