package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"os"
)

// The page walker checks the page structure of a bbolt file, as a byte
// slice, before bbolt maps it. bbolt trusts every page id and offset it
// finds: a truncated file or a flipped byte sends it past the end of its
// map (a fault no recover catches) or into an assertion. The walker
// bounds-checks every read instead, so Open can refuse a damaged file with
// an error, and Check can run bbolt's own Tx.Check, which runs in a
// goroutine of bbolt's where a fault would kill the process, only on a
// file whose pages are known to be in range.
//
// The layout mirrors go.etcd.io/bbolt/internal/common (file format
// version 2): a 16-byte page header (id u64, flags u16, count u16,
// overflow u32), then count 16-byte elements. Integers are in the
// machine's byte order, as bbolt writes them.

// bbolt's page flags and constants.
const (
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltMetaPage     = 0x04
	boltFreelistPage = 0x10
	boltBucketLeaf   = 0x01
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltNoFreelist   = ^uint64(0)
	boltPageHeader   = 16
	boltElement      = 16
	boltBucketHeader = 16
	boltMetaSize     = 64
)

// maxTreeDepth bounds the recursion through nested buckets and branch
// pages: a real store is a handful of levels deep.
const maxTreeDepth = 64

// maxWalkProblems is how many problems a walk collects before it stops.
const maxWalkProblems = 100

var ne = binary.NativeEndian

// boltMeta is the part of a meta page the walker uses.
type boltMeta struct {
	pageSize uint32
	root     uint64 // root bucket's page
	freelist uint64 // freelist page or boltNoFreelist
	pgid     uint64 // high water mark: pages in use are below it
	txid     uint64
}

// parseMeta decodes and validates the meta of a meta page (b starts at the
// page).
func parseMeta(b []byte) (boltMeta, error) {
	if len(b) < boltPageHeader+boltMetaSize {
		return boltMeta{}, fmt.Errorf("meta page is cut short")
	}
	m := b[boltPageHeader : boltPageHeader+boltMetaSize]
	if ne.Uint32(m[0:]) != boltMagic {
		return boltMeta{}, fmt.Errorf("meta page has no bbolt magic number")
	}
	if v := ne.Uint32(m[4:]); v != boltVersion {
		return boltMeta{}, fmt.Errorf("meta page has file format version %d, want %d", v, boltVersion)
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != ne.Uint64(m[56:]) {
		return boltMeta{}, fmt.Errorf("meta page checksum does not match")
	}
	return boltMeta{pageSize: ne.Uint32(m[8:]), root: ne.Uint64(m[16:]), freelist: ne.Uint64(m[32:]), pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}, nil
}

// pageWalker checks one file. Its problems name pages; the caller adds the
// file name.
type pageWalker struct {
	metaOK   bool // a valid meta page was found
	data     []byte
	size     int64
	pageSize uint64
	meta     boltMeta
	used     bitset // pages reachable from the root or holding the freelist
	free     bitset // pages the freelist lists
	problems []string
}

type bitset []uint64

func (b bitset) get(i uint64) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) set(i uint64)      { b[i/64] |= 1 << (i % 64) }

func (w *pageWalker) problem(format string, args ...any) {
	if len(w.problems) < maxWalkProblems {
		w.problems = append(w.problems, fmt.Sprintf(format, args...))
	}
}

func (w *pageWalker) full() bool { return len(w.problems) >= maxWalkProblems }

// read returns the n bytes at off, or false when the file does not hold
// them. The bytes are the file's own: callers only read them.
func (w *pageWalker) read(off, n uint64) ([]byte, bool) {
	if off > uint64(w.size) || n > uint64(w.size)-off {
		return nil, false
	}
	return w.data[off : off+n : off+n], true
}

// walkPages checks the page structure of the bbolt file data: both meta
// pages, that the file is as long as the meta says, the freelist, and
// every branch, leaf and nested bucket reachable from the root, with every
// element inside its page and no page used twice or both used and free.
// With unreachable set it also reports pages that are neither used nor
// free. It returns the problems found, none for a sound file, and whether
// a usable meta page was found at all (without one the file may not be a
// bbolt file).
func walkPages(data []byte, unreachable bool) (problems []string, metaOK bool) {
	w := &pageWalker{data: data, size: int64(len(data))}
	defer func() {
		// Every read is bounds-checked and FuzzWalkPages finds no panic;
		// should one remain, it is damage the walker did not foresee.
		if r := recover(); r != nil {
			problems = append(w.problems, "the page walk stopped: "+panicText(r))
			metaOK = w.metaOK
		}
	}()
	if !w.readMeta() {
		return w.problems, w.metaOK
	}
	n := (w.meta.pgid + 63) / 64
	w.used, w.free = make(bitset, n), make(bitset, n)
	w.used.set(0)
	w.used.set(1)
	w.walkFreelist()
	w.walkTree(w.meta.root, 0, "root")
	if w.full() {
		return w.problems, true
	}
	for id := uint64(2); id < w.meta.pgid; id++ {
		switch u, fr := w.used.get(id), w.free.get(id); {
		case u && fr:
			w.problem("page %d is in use and also listed as free: the next write would overwrite it", id)
		case !u && !fr && unreachable:
			w.problem("page %d is neither in use nor free", id)
		}
		if w.full() {
			break
		}
	}
	return w.problems, true
}

// readMeta picks the meta page bbolt would use (the valid one with the
// higher transaction id) and checks its fields against the file.
func (w *pageWalker) readMeta() bool {
	if w.size < 2*1024 {
		w.problem("the file is %d bytes, too short for the two meta pages of a store", w.size)
		return false
	}
	head, _ := w.read(0, boltPageHeader+boltMetaSize)
	m0, err0 := parseMeta(head)
	pageSize := uint64(os.Getpagesize())
	if err0 == nil {
		pageSize = uint64(m0.pageSize)
	}
	var m1 boltMeta
	err1 := fmt.Errorf("second meta page is beyond the end of the file")
	if b, ok := w.read(pageSize, boltPageHeader+boltMetaSize); ok {
		m1, err1 = parseMeta(b)
	}
	switch {
	case err0 != nil && err1 != nil:
		w.problem("first meta page: %v; second meta page: %v", err0, err1)
		return false
	case err0 != nil:
		w.meta = m1
	case err1 != nil:
		w.meta = m0
	case m1.txid > m0.txid:
		w.meta = m1
	default:
		w.meta = m0
	}
	w.metaOK = true
	w.pageSize = uint64(w.meta.pageSize)
	if w.pageSize < 1024 || w.pageSize > 1<<16 || w.pageSize&(w.pageSize-1) != 0 {
		w.problem("meta page gives a page size of %d bytes (accepted: a power of two from 1024 to 65536)", w.pageSize)
		return false
	}
	if w.meta.pgid < 3 || w.meta.pgid > uint64(w.size)/w.pageSize {
		if w.meta.pgid >= 3 && w.meta.pgid <= (1<<40) {
			w.problem("the file is %d bytes but its meta page says it holds %d pages of %d bytes (%d bytes): the file is truncated", w.size, w.meta.pgid, w.pageSize, w.meta.pgid*w.pageSize)
		} else {
			w.problem("meta page gives an impossible page count %d for a file of %d bytes", w.meta.pgid, w.size)
		}
		return false
	}
	return true
}

// header reads and checks the header of page id, returning its flags,
// count and overflow, and marks its pages used (or free).
func (w *pageWalker) header(id uint64, want uint16, what string, mark bitset) (count, overflow uint64, ok bool) {
	if id < 2 || id >= w.meta.pgid {
		w.problem("%s points at page %d, outside the pages in use (2 to %d)", what, id, w.meta.pgid-1)
		return 0, 0, false
	}
	h, ok := w.read(id*w.pageSize, boltPageHeader)
	if !ok {
		w.problem("%s: page %d cannot be read", what, id)
		return 0, 0, false
	}
	if got := ne.Uint64(h[0:]); got != id {
		w.problem("%s: page %d calls itself page %d", what, id, got)
		return 0, 0, false
	}
	flags := ne.Uint16(h[8:])
	if flags&want == 0 || flags&(flags-1) != 0 {
		w.problem("%s: page %d has type flags %#x, want %#x", what, id, flags, want)
		return 0, 0, false
	}
	count, overflow = uint64(ne.Uint16(h[10:])), uint64(ne.Uint32(h[12:]))
	if id+overflow >= w.meta.pgid {
		w.problem("%s: page %d runs over %d more pages, past the pages in use", what, id, overflow)
		return 0, 0, false
	}
	for i := id; i <= id+overflow; i++ {
		if mark.get(i) {
			w.problem("%s: page %d is reached twice", what, i)
			return 0, 0, false
		}
		mark.set(i)
	}
	return count, overflow, true
}

// walkFreelist marks the pages the freelist lists.
func (w *pageWalker) walkFreelist() {
	if w.meta.freelist == boltNoFreelist {
		return
	}
	id := w.meta.freelist
	count, overflow, ok := w.header(id, boltFreelistPage, "freelist", w.used)
	if !ok {
		return
	}
	off, span := id*w.pageSize+boltPageHeader, (overflow+1)*w.pageSize-boltPageHeader
	if count == 0xFFFF {
		b, ok := w.read(off, 8)
		if !ok {
			w.problem("freelist: page %d is cut short", id)
			return
		}
		count, off, span = ne.Uint64(b), off+8, span-8
	}
	if count > span/8 {
		w.problem("freelist: page %d lists %d pages, more than its %d bytes hold", id, count, span)
		return
	}
	b, ok := w.read(off, count*8)
	if !ok {
		w.problem("freelist: page %d is cut short", id)
		return
	}
	for i := uint64(0); i < count; i++ {
		p := ne.Uint64(b[i*8:])
		switch {
		case p < 2 || p >= w.meta.pgid:
			w.problem("freelist lists page %d, outside the pages in use (2 to %d)", p, w.meta.pgid-1)
		case w.free.get(p):
			w.problem("freelist lists page %d twice", p)
		default:
			w.free.set(p)
		}
		if w.full() {
			return
		}
	}
}

// walkTree checks the branch or leaf page id and everything below it.
func (w *pageWalker) walkTree(id uint64, depth int, what string) {
	if w.full() {
		return
	}
	if depth > maxTreeDepth {
		w.problem("%s: pages nest more than %d deep at page %d", what, maxTreeDepth, id)
		return
	}
	count, overflow, ok := w.header(id, boltBranchPage|boltLeafPage, what, w.used)
	if !ok {
		return
	}
	h, _ := w.read(id*w.pageSize+8, 2)
	span := (overflow + 1) * w.pageSize
	elems, ok := w.read(id*w.pageSize+boltPageHeader, count*boltElement)
	if !ok || boltPageHeader+count*boltElement > span {
		w.problem("%s: page %d claims %d elements, more than the page holds", what, id, count)
		return
	}
	if ne.Uint16(h) == boltBranchPage {
		for i := uint64(0); i < count; i++ {
			e := elems[i*boltElement:]
			pos, ksize := uint64(ne.Uint32(e[0:])), uint64(ne.Uint32(e[4:]))
			if boltPageHeader+i*boltElement+pos+ksize > span {
				w.problem("%s: branch page %d element %d points past the end of the page", what, id, i)
				return
			}
			w.walkTree(ne.Uint64(e[8:]), depth+1, what)
		}
		return
	}
	w.walkLeaf(elems, count, span, depth, what, func(off, n uint64) ([]byte, bool) {
		return w.read(id*w.pageSize+off, n)
	}, id)
}

// walkLeaf checks the elements of a leaf page (in the file, or inline in
// a bucket value) and walks into the buckets it holds. read reads bytes at
// an offset from the page's start; span is the page's length.
func (w *pageWalker) walkLeaf(elems []byte, count, span uint64, depth int, what string, read func(off, n uint64) ([]byte, bool), id uint64) {
	for i := uint64(0); i < count && !w.full(); i++ {
		e := elems[i*boltElement:]
		flags, pos := ne.Uint32(e[0:]), uint64(ne.Uint32(e[4:]))
		ksize, vsize := uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
		start := boltPageHeader + i*boltElement + pos
		if start+ksize+vsize > span {
			w.problem("%s: leaf page %d element %d points past the end of the page", what, id, i)
			return
		}
		if flags&boltBucketLeaf == 0 {
			continue
		}
		if vsize < boltBucketHeader {
			w.problem("%s: leaf page %d element %d is a bucket of %d bytes, under the %d-byte bucket header", what, id, i, vsize, boltBucketHeader)
			continue
		}
		key, ok1 := read(start, ksize)
		val, ok2 := read(start+ksize, vsize)
		if !ok1 || !ok2 {
			w.problem("%s: leaf page %d element %d cannot be read", what, id, i)
			return
		}
		name := fmt.Sprintf("bucket %q", key)
		if what != "root" {
			name = what + "/" + fmt.Sprintf("%q", key)
		}
		if root := ne.Uint64(val); root != 0 {
			w.walkTree(root, depth+1, name)
			continue
		}
		w.walkInline(val[boltBucketHeader:], depth+1, name, id)
	}
}

// walkInline checks a bucket stored inline in its parent's leaf value.
func (w *pageWalker) walkInline(p []byte, depth int, what string, parent uint64) {
	if depth > maxTreeDepth {
		w.problem("%s: buckets nest more than %d deep", what, maxTreeDepth)
		return
	}
	if len(p) < boltPageHeader {
		w.problem("%s: inline bucket in page %d is cut short", what, parent)
		return
	}
	if flags := ne.Uint16(p[8:]); flags != boltLeafPage {
		w.problem("%s: inline bucket in page %d has type flags %#x, want a leaf", what, parent, flags)
		return
	}
	count, span := uint64(ne.Uint16(p[10:])), uint64(len(p))
	if boltPageHeader+count*boltElement > span {
		w.problem("%s: inline bucket in page %d claims %d elements, more than it holds", what, parent, count)
		return
	}
	w.walkLeaf(p[boltPageHeader:], count, span, depth, what, func(off, n uint64) ([]byte, bool) {
		if off > span || n > span-off {
			return nil, false
		}
		return p[off : off+n], true
	}, parent)
}
