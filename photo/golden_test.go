package photo

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/hashes.golden from the current code")

// goldenInputs are the photos whose hashes testdata/hashes.golden pins:
// every image file the repository holds and generated photos of the sizes
// and formats the hashing paths branch on (full and reduced JPEG decodes,
// margins to trim, PNG, GIF, smaller than the thumbnail).
func goldenInputs(tb testing.TB) map[string][]byte {
	tb.Helper()
	in := map[string][]byte{}
	for _, pat := range []string{
		"testdata/*", "internal/jpeg/testdata/*", "../catalog/testdata/images/*",
		"../demo/world/catalog/images/*", "../testdata/world2/photos/*",
		"../testdata/world2/catalog/images/*", "../testdata/jsmarket/img/*",
	} {
		files, err := filepath.Glob(pat)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, ".golden") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			in[filepath.ToSlash(f)] = b
		}
	}
	for i, sz := range [][2]int{{400, 400}, {403, 297}, {50, 40}, {1200, 900}, {2100, 1500}} {
		s := scene(sz[0], sz[1], uint64(i+1))
		name := fmt.Sprintf("scene %dx%d", sz[0], sz[1])
		in[name+" q85.jpg"] = MustJPEG(tb, s, 85)
		in[name+" q30.jpg"] = MustJPEG(tb, s, 30)
		in[name+" bordered.jpg"] = MustJPEG(tb, bordered(s, 0.1), 85)
		if sz[0] < 1000 {
			in[name+".png"] = MustPNG(tb, s)
			in[name+".gif"] = MustGIF(tb, s)
		}
	}
	return in
}

// TestHashesPinned: HashBytes and HashOfficial give, for every golden
// input, the hashes recorded in testdata/hashes.golden, bit for bit. A
// change that is meant to be faster, not different, must keep it; one
// that moves hashes on purpose bumps HashVersion and rewrites the file
// (go test ./photo -run TestHashesPinned -update).
func TestHashesPinned(t *testing.T) {
	if raceEnabled {
		t.Skip("the decoders are too slow under the race detector")
	}
	in := goldenInputs(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range in {
			if !yield(k) {
				return
			}
		}
	})
	var b strings.Builder
	for _, name := range names {
		h, err := HashBytes(in[name], DefaultLimits)
		fmt.Fprintf(&b, "%s\n  listing: %s\n", name, goldenLine(h, err))
		o, err := HashOfficial(in[name], DefaultLimits)
		// The variants (dozens a photo) by digest: any change shows.
		vs := sha256.Sum256(fmt.Appendf(nil, "%+v", o.Variants))
		fmt.Fprintf(&b, "  official: %s variants %d %x\n", goldenLine(o, err), len(o.Variants), vs[:8])
	}
	got := b.String()
	const path = "testdata/hashes.golden"
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("hashes moved; first difference at line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("hashes moved: %d lines, want %d", len(gl), len(wl))
	}
}

func goldenLine(h Hashes, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprintf("%s %dx%d sha256 %s phash %016x dhash %016x pdq %v quality %d",
		h.Format, h.Width, h.Height, h.SHA256[:16], h.PHash, h.DHash, h.PDQ, h.PDQQuality)
}
