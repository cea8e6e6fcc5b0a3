package evidence

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"time"
)

// spool is an append-only temporary file, buffered.
type spool struct {
	f   *os.File
	bw  *bufio.Writer
	n   int64
	err error
}

func newSpool(dir, name string) (*spool, error) {
	f, err := os.CreateTemp(dir, name+"-*")
	if err != nil {
		return nil, fmt.Errorf("spool %s: %w", name, err)
	}
	return &spool{f: f, bw: bufio.NewWriterSize(f, 64<<10)}, nil
}

// Write appends p; the first error sticks.
func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.bw.Write(p)
	s.n += int64(n)
	s.err = err
	return n, err
}

// WriteString appends str.
func (s *spool) WriteString(str string) (int, error) { return s.Write([]byte(str)) }

// flush makes everything written readable through f.
func (s *spool) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.bw.Flush()
}

// section returns the bytes from off to the current end.
func (s *spool) section(off int64) part { return part{r: io.NewSectionReader(s.f, off, s.n-off)} }

// part is a piece of a bundle file: bytes in memory or a section of a spool.
type part struct {
	data []byte
	r    *io.SectionReader
}

func (p part) reader() io.Reader {
	if p.r != nil {
		return io.NewSectionReader(p.r, 0, p.r.Size())
	}
	return bytes.NewReader(p.data)
}

// entry is one file of the bundle with its digests.
type entry struct {
	path  string
	parts []part
	size  int64
	sha   string // hex
	crc   uint32
}

func (e *entry) open() io.Reader {
	rs := make([]io.Reader, len(e.parts))
	for i, p := range e.parts {
		rs[i] = p.reader()
	}
	return io.MultiReader(rs...)
}

// digest computes size, sha256 and crc32 by reading the entry once.
func (e *entry) digest() error {
	h := sha256.New()
	c := crc32.NewIEEE()
	n, err := io.Copy(io.MultiWriter(h, c), e.open())
	if err != nil {
		return fmt.Errorf("read %s back: %w", e.path, err)
	}
	e.size, e.sha, e.crc = n, hex.EncodeToString(h.Sum(nil)), c.Sum32()
	return nil
}

// writeZIP writes entries, already sorted, STORED with the fixed mod time.
func writeZIP(w io.Writer, entries []*entry, mod time.Time) (int64, error) {
	cw := &byteCounter{w: w}
	zw := zip.NewWriter(cw)
	for _, e := range entries {
		fh := &zip.FileHeader{
			Name:               e.path,
			Method:             zip.Store,
			Modified:           mod,
			CRC32:              e.crc,
			CompressedSize64:   uint64(e.size),
			UncompressedSize64: uint64(e.size),
		}
		fh.SetMode(0o644)
		setModTime(fh, mod)
		dst, err := zw.CreateRaw(fh)
		if err != nil {
			return cw.n, fmt.Errorf("zip %s: %w", e.path, err)
		}
		n, err := io.Copy(dst, e.open())
		if err != nil {
			return cw.n, fmt.Errorf("zip %s: %w", e.path, err)
		}
		if n != e.size {
			return cw.n, fmt.Errorf("zip %s: %d bytes changed to %d while writing", e.path, e.size, n)
		}
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("zip: %w", err)
	}
	return cw.n, nil
}

type byteCounter struct {
	w io.Writer
	n int64
}

func (c *byteCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// setModTime sets the MS-DOS date and time and the extended-timestamp extra
// field (UTC), which CreateRaw does not derive from Modified.
func setModTime(fh *zip.FileHeader, t time.Time) {
	t = t.UTC()
	//lint:ignore SA1019 CreateRaw writes these fields as set and does not derive them from Modified
	fh.ModifiedDate = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	//lint:ignore SA1019 see above
	fh.ModifiedTime = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	var ext [9]byte
	binary.LittleEndian.PutUint16(ext[0:], 0x5455) // extended timestamp
	binary.LittleEndian.PutUint16(ext[2:], 5)
	ext[4] = 1 // modification time present
	binary.LittleEndian.PutUint32(ext[5:], uint32(t.Unix()))
	fh.Extra = append(fh.Extra, ext[:]...)
}
