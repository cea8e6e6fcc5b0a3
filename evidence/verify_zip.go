package evidence

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// A deflated entry may expand at most maxRatio times; entries under
// ratioFloor bytes are exempt (a small run of zeros legitimately packs
// tighter). Deflate's own ceiling is about 1032:1, so the cap means
// something; ordinary HTML, JSON and CSV pack 3:1 to 20:1.
const (
	maxRatio   = 100
	ratioFloor = 1 << 20
)

// openZIP reads the ZIP's central directory and checks it before any
// entry is decompressed: entry names (no absolute, .., backslash or
// duplicate names), declared sizes against the cap and the compression
// ratio, and every entry's data inside the file and apart from the others.
// It returns the entries by name, directories left out.
func openZIP(r io.ReaderAt, size int64, maxBytes int64) (map[string]*zip.File, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // insecure names are named below
		return nil, fail("bundle", "not a readable ZIP file (%v): a truncated or damaged file has no intact central directory at its end", err)
	}
	if len(zr.File) > maxZIPEntries {
		return nil, fail("bundle", "%d ZIP entries, over the %d limit", len(zr.File), maxZIPEntries)
	}
	files := make(map[string]*zip.File, len(zr.File))
	seen := make(map[string]bool, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		if err := checkName(f.Name); err != nil {
			return nil, fail(quoteName(f.Name), "%v", err)
		}
		if seen[f.Name] {
			return nil, fail(f.Name, "appears twice in the ZIP (which one a tool reads differs)")
		}
		seen[f.Name] = true
		if err := checkDeclaredSize(f, size); err != nil {
			return nil, err
		}
		total += f.UncompressedSize64
		if total > uint64(maxBytes) {
			return nil, fail("bundle", "the ZIP declares at least %d bytes uncompressed (counted up to %s), over the limit of %d bytes", total, f.Name, maxBytes)
		}
		if !strings.HasSuffix(f.Name, "/") {
			files[f.Name] = f
		}
	}
	if err := checkOverlap(zr.File, size); err != nil {
		return nil, err
	}
	return files, nil
}

// quoteName shows an entry name that may hold anything.
func quoteName(name string) string {
	q := fmt.Sprintf("%q", truncate(name, 200))
	return "ZIP entry " + q
}

// checkName refuses entry names that could land outside a directory they
// were extracted to, or that two systems would read differently.
func checkName(name string) error {
	switch {
	case name == "" || len(name) > maxNameLength:
		return errors.New("entry name is empty or too long")
	case strings.HasPrefix(name, "/"):
		return errors.New("entry name is an absolute path (it would land outside the bundle)")
	case strings.Contains(name, "\\"):
		return errors.New("entry name has a backslash (a path separator on Windows)")
	case len(name) >= 2 && name[1] == ':':
		return errors.New("entry name starts with a drive letter (an absolute path on Windows)")
	}
	for _, c := range name {
		if c < 0x20 || c == 0x7f {
			return errors.New("entry name has a control character")
		}
	}
	for _, seg := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		switch seg {
		case "..":
			return errors.New("entry name has a .. segment (it would land outside the bundle)")
		case ".", "":
			return errors.New("entry name has an empty or . segment")
		}
	}
	return nil
}

// checkDeclaredSize checks an entry's sizes as the directory declares
// them: stored entries are as long as their data, deflated ones expand
// within maxRatio, and the data lies inside the file.
func checkDeclaredSize(f *zip.File, size int64) error {
	switch f.Method {
	case zip.Store:
		if f.CompressedSize64 != f.UncompressedSize64 {
			return fail(f.Name, "is STORED, but the ZIP declares %d bytes of data and %d bytes uncompressed", f.CompressedSize64, f.UncompressedSize64)
		}
	case zip.Deflate:
		if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64/maxRatio > f.CompressedSize64 {
			return fail(f.Name, "would expand %d bytes to %d (over %d:1): refused as a zip bomb", f.CompressedSize64, f.UncompressedSize64, maxRatio)
		}
	default:
		return fail(f.Name, "uses ZIP compression method %d; a bundle uses STORE (or DEFLATE)", f.Method)
	}
	if f.CompressedSize64 > uint64(size) {
		return fail(f.Name, "declares %d bytes of data in a %d-byte file (truncated or damaged)", f.CompressedSize64, size)
	}
	return nil
}

// checkOverlap checks that each entry's data lies inside the file and
// that no two entries share bytes: overlapping entries are how the
// largest zip bombs multiply one compressed stream.
func checkOverlap(fs []*zip.File, size int64) error {
	type span struct {
		off, end int64
		name     string
	}
	spans := make([]span, 0, len(fs))
	for _, f := range fs {
		off, err := f.DataOffset()
		if err != nil {
			return fail(f.Name, "its local header cannot be read (%v): the file is truncated or damaged", err)
		}
		end := off + int64(f.CompressedSize64)
		if off < 0 || end < off || end > size {
			return fail(f.Name, "its data runs past the end of the file (truncated or damaged)")
		}
		spans = append(spans, span{off, end, f.Name})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].off < spans[j].off })
	for i := 1; i < len(spans); i++ {
		if spans[i].off < spans[i-1].end {
			return fail(spans[i].name, "shares bytes with %s in the ZIP (overlapping entries: a crafted file)", spans[i-1].name)
		}
	}
	return nil
}

// readEntry reads a whole small entry, up to limit bytes.
func readEntry(files map[string]*zip.File, name string, limit int64) ([]byte, error) {
	f, ok := files[name]
	if !ok {
		return nil, fail(name, "is missing from the ZIP")
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fail(name, "is %d bytes, over the %d-byte limit", f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(name, "cannot be opened: %v", err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, readFail(f, err)
	}
	if int64(len(b)) > limit {
		return nil, fail(name, "is over the %d-byte limit", limit)
	}
	return b, nil
}

// readFail names what went wrong reading an entry's data: archive/zip
// stops at the declared size and checks the CRC at the end.
func readFail(f *zip.File, err error) error {
	switch {
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return fail(f.Name, "its data does not decompress to the %d bytes the ZIP declares (%v)", f.UncompressedSize64, err)
	case errors.Is(err, zip.ErrChecksum):
		return fail(f.Name, "fails its ZIP CRC-32 check (the data changed)")
	}
	return fail(f.Name, "cannot be read: %v", err)
}
