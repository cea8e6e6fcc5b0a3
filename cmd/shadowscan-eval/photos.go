package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"image/jpeg"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/photo"
	"github.com/shadowscan/shadowscan/rules"
)

// The photo table: how often a re-uploaded official photo is still found,
// per edit, when the distance threshold of each hash is set so that photos
// of different sources almost never match.

// maxFalseMatchRate is the share of pairs of different source photos a
// threshold may let through.
const maxFalseMatchRate = 0.001

// nearDupRefDir is the shared near-duplicate set, relative to the
// repository's parent (../shared/ref/near_dup_images from the root).
const nearDupRefDir = "shared/ref/near_dup_images"

// photoSource is one official photo and the re-uploads made from it.
type photoSource struct {
	group    string
	official photo.Hashes
	uploads  []photoUpload
}

// photoUpload is one listing photo made from a source by a transform;
// err is set when it could not be hashed (it then counts as missed).
type photoUpload struct {
	transform string
	h         photo.Hashes
	err       error
}

// photoMethod is one way of comparing a listing photo with an official
// one: a distance, whose threshold the table sets on the set, or a fixed
// rule (the matcher's, at the detection rules' distances).
type photoMethod struct {
	name  string
	dist  func(listing, official *photo.Hashes) int
	match func(listing, official *photo.Hashes) bool
}

// photoMethods are the hashes compared in the table: the 64-bit pHash and
// dHash and the 256-bit PDQ of the whole photo, pHash and PDQ against the
// official photo's variants too (turns, mirror images, crops, canvas
// trims), and the matcher's rule at the default detection rules'
// distances.
func photoMethods(img rules.ImageRules) []photoMethod {
	return []photoMethod{
		{name: "pHash", dist: func(l, o *photo.Hashes) int { return photo.Distance(l.PHash, o.PHash) }},
		{name: "dHash", dist: func(l, o *photo.Hashes) int { return photo.Distance(l.DHash, o.DHash) }},
		{name: "PDQ", dist: func(l, o *photo.Hashes) int { return l.PDQ.Distance(o.PDQ) }},
		{name: "pHash+variants", dist: func(l, o *photo.Hashes) int {
			best := photo.Distance(l.PHash, o.PHash)
			for _, v := range o.Variants {
				best = min(best, photo.Distance(l.PHash, v.PHash))
			}
			return best
		}},
		{name: "PDQ+variants", dist: func(l, o *photo.Hashes) int { return photo.MinDistance(l.PDQ, *o) }},
		{name: "matcher", match: func(l, o *photo.Hashes) bool {
			li := shadowscan.ListingImage{PHash: l.PHash, DHash: l.DHash, PDQ: l.PDQ, PDQQuality: l.PDQQuality, Hashed: true}
			_, ok := matcher.PhotoMatches(img, li, photo.OfficialRef("", *o))
			return ok
		}},
	}
}

// photoResult is one method's figures on one set.
type photoResult struct {
	threshold  int
	falsePairs int
	pairs      int
	found      map[string]int // transform -> uploads within the threshold
}

// photoTable is the measurement of every method on one set.
type photoTable struct {
	name       string
	methods    []photoMethod
	transforms []string       // in the order they are printed
	uploads    map[string]int // transform -> uploads made
	failed     int            // uploads that could not be hashed
	results    []photoResult  // by methods
}

// recall is the share of the uploads of transform (all of them when
// transform is "") that method m finds.
func (t *photoTable) recall(m int, transform string) float64 {
	found, n := 0, 0
	for tr, c := range t.uploads {
		if transform == "" || tr == transform {
			n += c
			found += t.results[m].found[tr]
		}
	}
	return ratio(found, n)
}

// method returns the position of the method called name, or -1.
func (t *photoTable) method(name string) int {
	return slices.IndexFunc(t.methods, func(m photoMethod) bool { return m.name == name })
}

// measurePhotos sets each method's threshold on the pairs of different
// sources (the largest distance at which at most maxFalseMatchRate of them
// match) and counts the re-uploads found within it.
func measurePhotos(name string, sources []photoSource, methods []photoMethod) *photoTable {
	t := &photoTable{name: name, uploads: map[string]int{}, methods: methods}
	for _, s := range sources {
		for _, u := range s.uploads {
			if t.uploads[u.transform] == 0 {
				t.transforms = append(t.transforms, u.transform)
			}
			t.uploads[u.transform]++
			if u.err != nil {
				t.failed++
			}
		}
	}
	// The set's own transforms first, those taken from other projects
	// ("upstream: ...", one photo each) after them.
	slices.SortStableFunc(t.transforms, func(a, b string) int {
		return cmp.Compare(boolInt(strings.HasPrefix(a, "upstream:")), boolInt(strings.HasPrefix(b, "upstream:")))
	})
	for _, m := range methods {
		t.results = append(t.results, measureMethod(sources, m))
	}
	return t
}

// measureMethod sets m's threshold (for a distance) and counts the false
// pairs and the re-uploads it finds.
func measureMethod(sources []photoSource, m photoMethod) photoResult {
	r := photoResult{threshold: -1, found: map[string]int{}}
	if m.dist != nil {
		var far []int
		for i := range sources {
			for _, u := range sources[i].uploads {
				for j := range sources {
					if j != i && u.err == nil {
						far = append(far, m.dist(&u.h, &sources[j].official))
					}
				}
			}
		}
		slices.Sort(far)
		// The largest threshold under which at most allowed pairs fall:
		// one bit under the (allowed+1)-th smallest distance.
		if allowed := int(maxFalseMatchRate * float64(len(far))); allowed < len(far) {
			r.threshold = far[allowed] - 1
		} else if len(far) > 0 {
			r.threshold = far[len(far)-1]
		}
		m.match = func(l, o *photo.Hashes) bool { return m.dist(l, o) <= r.threshold }
	}
	for i, s := range sources {
		for _, u := range s.uploads {
			if u.err != nil {
				continue
			}
			if m.match(&u.h, &s.official) {
				r.found[u.transform]++
			}
			for j := range sources {
				if j != i {
					r.pairs++
					if m.match(&u.h, &sources[j].official) {
						r.falsePairs++
					}
				}
			}
		}
	}
	return r
}

// print writes the table: recall per transform and method, then each
// method's threshold and false-match rate.
func (t *photoTable) print(w io.Writer) {
	fmt.Fprintf(w, "photo matching, %s\n", t.name)
	fmt.Fprintf(w, "recall %% per edit: each hash at the distance threshold that lets at most %.1f %% of pairs of different source photos match;\n", 100*maxFalseMatchRate)
	fmt.Fprintln(w, "\"matcher\" is the matcher's photo rule at the detection rules' distances (pHash and dHash, or PDQ alone, against the variants too)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "edit\tn\t")
	for _, m := range t.methods {
		fmt.Fprintf(tw, "%s\t", m.name)
	}
	fmt.Fprintln(tw)
	row := func(label string, n int, f func(m int) string) {
		fmt.Fprintf(tw, "%s\t%s\t", label, map[bool]string{true: fmt.Sprint(n), false: ""}[n > 0])
		for m := range t.methods {
			fmt.Fprintf(tw, "%s\t", f(m))
		}
		fmt.Fprintln(tw)
	}
	total := 0
	for _, tr := range t.transforms {
		total += t.uploads[tr]
		row(tr, t.uploads[tr], func(m int) string { return frac(t.recall(m, tr), 1, 100) })
	}
	row("all edits", total, func(m int) string { return frac(t.recall(m, ""), 1, 100) })
	row("threshold (bits)", 0, func(m int) string {
		if t.methods[m].dist == nil {
			return "rules"
		}
		return fmt.Sprint(t.results[m].threshold)
	})
	row("false-match rate %", 0, func(m int) string {
		r := t.results[m]
		return frac(ratio(r.falsePairs, r.pairs), 2, 100)
	})
	tw.Flush()
	pairs := 0
	if len(t.results) > 0 {
		pairs = t.results[0].pairs
	}
	fmt.Fprintf(w, "%d pairs of different sources; %d listing photos could not be hashed (counted as missed)\n\n", pairs, t.failed)
}

// demoPhotoSources applies every photo transform to each of the demo
// world's official photos (seeded, so every run makes the same photos).
func demoPhotoSources() ([]photoSource, error) {
	fsys := demo.CatalogFS()
	names, err := fs.Glob(fsys, "images/*.jpg")
	if err != nil {
		return nil, fmt.Errorf("demo photos: %w", err)
	}
	var out []photoSource
	for i, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("demo photo %s: %w", name, err)
		}
		s, err := transformedSource(path.Base(name), data, uint64(i))
		if err != nil {
			return nil, fmt.Errorf("demo photo %s: %w", name, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// transformedSource hashes an official photo and every transform of it.
func transformedSource(group string, data []byte, seed uint64) (photoSource, error) {
	s := photoSource{group: group}
	var err error
	if s.official, err = photo.HashOfficial(data, photo.Limits{}); err != nil {
		return s, err
	}
	img, _, err := photo.Decode(data, photo.Limits{})
	if err != nil {
		return s, err
	}
	for k, tr := range photoTransforms {
		r := rand.New(rand.NewPCG(seed, uint64(k)))
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, tr.apply(img, r), &jpeg.Options{Quality: tr.quality}); err != nil {
			return s, fmt.Errorf("%s: %w", tr.name, err)
		}
		u := photoUpload{transform: tr.name}
		u.h, u.err = photo.HashBytes(buf.Bytes(), photo.Limits{})
		s.uploads = append(s.uploads, u)
	}
	return s, nil
}

// findRefData returns the directory sub of the shared reference data: under
// $SHADOWSCAN_REF, or shared/ref/sub beside or above the working directory.
func findRefData(sub string) (dir string, ok bool) {
	var tries []string
	if ref := os.Getenv("SHADOWSCAN_REF"); ref != "" {
		tries = append(tries, filepath.Join(ref, sub))
	}
	if wd, err := os.Getwd(); err == nil {
		rel := filepath.Join("shared", "ref", sub)
		for d := wd; ; d = filepath.Dir(d) {
			tries = append(tries, filepath.Join(d, rel), filepath.Join(d, "..", rel))
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	for _, t := range tries {
		if fi, err := os.Stat(t); err == nil && fi.IsDir() {
			return filepath.Clean(t), true
		}
	}
	return "", false
}

// Limits on the shared set's files: they are downloaded data, not ours.
const (
	maxNearDupLine  = 4 << 10
	maxNearDupFiles = 10_000
)

// nearDupSources reads the shared near-duplicate set: each group's
// original is the official photo and its variants the uploads, by the
// labels file's transform ("upstream:" marks the variants the set took
// from other projects). Flat-colour groups and the corrupt file are left
// out: they have no picture to find.
func nearDupSources(dir string) ([]photoSource, error) {
	labels := filepath.Join(dir, "labels.tsv")
	f, err := os.Open(labels)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type row struct{ file, group, role, transform string }
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, maxNearDupLine), maxNearDupLine)
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 {
			continue // header
		}
		if len(cols) < 4 || !filepath.IsLocal(cols[0]) {
			return nil, fmt.Errorf("%s:%d: want file, group_id, role and transform separated by tabs, with a relative file path", labels, line)
		}
		if len(rows) == maxNearDupFiles {
			return nil, fmt.Errorf("%s:%d: more than %d files", labels, line, maxNearDupFiles)
		}
		rows = append(rows, row{cols[0], cols[1], cols[2], cols[3]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", labels, err)
	}
	byGroup := map[string]*photoSource{}
	var order []string
	for _, r := range rows {
		if r.role != "original" || strings.HasPrefix(r.group, "uniform") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, r.file))
		if err != nil {
			return nil, err
		}
		h, err := photo.HashOfficial(data, photo.Limits{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.file, err)
		}
		byGroup[r.group] = &photoSource{group: r.group, official: h}
		order = append(order, r.group)
	}
	for _, r := range rows {
		s := byGroup[r.group]
		if r.role != "variant" || s == nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, r.file))
		if err != nil {
			return nil, err
		}
		tr := r.transform
		if !strings.HasPrefix(r.file, "gen/") {
			tr = "upstream: " + tr
		}
		u := photoUpload{transform: tr}
		u.h, u.err = photo.HashBytes(data, photo.Limits{})
		s.uploads = append(s.uploads, u)
	}
	out := make([]photoSource, 0, len(order))
	for _, g := range order {
		out = append(out, *byGroup[g])
	}
	return out, nil
}

// demoPhotoTable measures the methods on the demo world's official
// photos, edited by every photo transform.
func demoPhotoTable(img rules.ImageRules) (*photoTable, error) {
	src, err := demoPhotoSources()
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("demo world's %d official photos, each edited %d ways (generated here)", len(src), len(photoTransforms))
	return measurePhotos(name, src, photoMethods(img)), nil
}

// nearDupPhotoTable measures the methods on the shared near-duplicate set;
// skipped says why when the set is not there.
func nearDupPhotoTable(img rules.ImageRules) (t *photoTable, skipped string, err error) {
	dir, ok := findRefData("near_dup_images")
	if !ok {
		return nil, fmt.Sprintf("no %s found beside or above the working directory (set SHADOWSCAN_REF to the ref directory)", nearDupRefDir), nil
	}
	src, err := nearDupSources(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err.Error(), nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("near-duplicate set: %w", err)
	}
	name := fmt.Sprintf("shared near-duplicate set (%s): %d source photos and their variants", dir, len(src))
	return measurePhotos(name, src, photoMethods(img)), "", nil
}

// runPhotos prints the photo table on the demo world's official photos
// and, when ../shared is present, on the shared near-duplicate set.
func runPhotos(w io.Writer, img rules.ImageRules) error {
	t, err := demoPhotoTable(img)
	if err != nil {
		return err
	}
	t.print(w)
	nd, skipped, err := nearDupPhotoTable(img)
	if err != nil {
		return err
	}
	if skipped != "" {
		fmt.Fprintf(w, "photo matching on the shared near-duplicate set: skipped, %s\n\n", skipped)
		return nil
	}
	nd.print(w)
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
