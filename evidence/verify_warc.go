package evidence

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/textproto"
	"path"
	"strconv"
	"strings"
	"time"
)

// recordInfo is what the index check needs of one WARC record.
type recordInfo struct {
	length        int64
	memberDigest  string // sha256:<hex> of the gzip member
	target        string
	date          time.Time
	payloadDigest string
	status        string
	mime          string
	isResponse    bool
	indexed       bool
}

// checkWARC reads every gzip member of the STORED archive f, recomputes
// each record's block and payload digests, and returns the records by
// offset.
func checkWARC(ctx context.Context, ra io.ReaderAt, f *zip.File, rep *Report) (map[int64]*recordInfo, error) {
	if f.Method != zip.Store {
		return nil, fail(f.Name, "is compressed in the ZIP; it must be STORED")
	}
	off, err := f.DataOffset()
	if err != nil {
		return nil, fail(f.Name, "cannot be located in the ZIP: %v", err)
	}
	sr := io.NewSectionReader(ra, off, int64(f.CompressedSize64))
	cr := &countingByteReader{br: bufio.NewReaderSize(sr, 64<<10), h: sha256.New()}
	recs := map[int64]*recordInfo{}
	var zr *gzip.Reader
	for i := 0; ; i++ {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		start := cr.n
		cr.h.Reset()
		if zr == nil {
			zr, err = gzip.NewReader(cr)
		} else {
			err = zr.Reset(cr)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fail(f.Name, "record at offset %d is not a gzip member: %v", start, err)
		}
		zr.Multistream(false)
		ri, err := readRecord(zr)
		if err != nil {
			return nil, fail(f.Name, "record at offset %d%s: %v", start, ri.describe(), err)
		}
		ri.length = cr.n - start
		ri.memberDigest = "sha256:" + hex.EncodeToString(cr.h.Sum(nil))
		recs[start] = ri
		rep.Records++
		if ri.isResponse {
			rep.Responses++
		}
	}
	if cr.n != int64(f.CompressedSize64) {
		return nil, fail(f.Name, "%d bytes after the last record", int64(f.CompressedSize64)-cr.n)
	}
	return recs, nil
}

func (ri *recordInfo) describe() string {
	if ri == nil || ri.target == "" {
		return ""
	}
	return " (" + ri.target + ")"
}

// readRecord parses one WARC record from a gzip member and checks its
// digests. It reads the member to its end.
func readRecord(r io.Reader) (*recordInfo, error) {
	ri := &recordInfo{}
	br := bufio.NewReaderSize(r, 16<<10)
	hdr, err := readWARCHeader(br)
	if err != nil {
		return ri, err
	}
	ri.target = hdr.Get("Warc-Target-Uri")
	typ := hdr.Get("Warc-Type")
	ri.isResponse = typ == "response"
	if d := hdr.Get("Warc-Date"); d != "" {
		if ri.date, err = time.Parse(time.RFC3339Nano, d); err != nil {
			return ri, fmt.Errorf("WARC-Date %q is not RFC 3339", d)
		}
	}
	cl, err := strconv.ParseInt(hdr.Get("Content-Length"), 10, 64)
	if err != nil || cl < 0 || cl > maxRecordBlocks {
		return ri, fmt.Errorf("Content-Length %q is not a valid length", hdr.Get("Content-Length"))
	}
	blockDigest, err := newDigest(hdr.Get("Warc-Block-Digest"))
	if err != nil {
		return ri, fmt.Errorf("WARC-Block-Digest: %w", err)
	}
	payloadDigest, err := newDigest(hdr.Get("Warc-Payload-Digest"))
	if err != nil {
		return ri, fmt.Errorf("WARC-Payload-Digest: %w", err)
	}
	if (typ == "response" || typ == "request") && blockDigest == nil {
		return ri, errors.New("has no WARC-Block-Digest")
	}
	ri.payloadDigest = hdr.Get("Warc-Payload-Digest")
	httpBlock := strings.HasPrefix(strings.ToLower(hdr.Get("Content-Type")), "application/http")
	ps := &payloadSplit{http: httpBlock}
	if payloadDigest != nil {
		ps.payload = payloadDigest
	}
	ws := []io.Writer{ps}
	if blockDigest != nil {
		ws = append(ws, blockDigest)
	}
	n, err := io.Copy(io.MultiWriter(ws...), io.LimitReader(br, cl))
	if err != nil {
		return ri, fmt.Errorf("block: %w", err)
	}
	if n != cl {
		return ri, fmt.Errorf("block is %d bytes but Content-Length says %d", n, cl)
	}
	if ps.err != nil {
		return ri, ps.err
	}
	if blockDigest != nil && !blockDigest.ok() {
		return ri, fmt.Errorf("WARC-Block-Digest is %s but the block hashes to %s (the record changed)", hdr.Get("Warc-Block-Digest"), blockDigest.got())
	}
	if payloadDigest != nil {
		if httpBlock && !ps.headDone {
			return ri, errors.New("HTTP block has no end of headers")
		}
		if !payloadDigest.ok() {
			return ri, fmt.Errorf("WARC-Payload-Digest is %s but the payload hashes to %s (the record changed)", hdr.Get("Warc-Payload-Digest"), payloadDigest.got())
		}
	}
	if ri.isResponse && httpBlock {
		ri.status, ri.mime = parseHTTPHead(ps.head.Bytes())
	}
	var tail [5]byte
	m, _ := io.ReadFull(br, tail[:])
	if m != 4 || string(tail[:4]) != "\r\n\r\n" {
		return ri, errors.New("does not end with CRLF CRLF right after its block")
	}
	return ri, nil
}

// readWARCHeader reads a record's version line and header fields.
func readWARCHeader(br *bufio.Reader) (textproto.MIMEHeader, error) {
	head, err := readUntilBlankLine(br, maxWARCHeader)
	if err != nil {
		return nil, fmt.Errorf("warc header: %w", err)
	}
	lines := strings.Split(strings.TrimSuffix(head, "\r\n\r\n"), "\r\n")
	if lines[0] != "WARC/1.1" && lines[0] != "WARC/1.0" {
		return nil, fmt.Errorf("starts with %q, not WARC/1.1", truncate(lines[0], 40))
	}
	hdr := textproto.MIMEHeader{}
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("header line %q has no colon", truncate(l, 60))
		}
		hdr.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	return hdr, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// readUntilBlankLine reads through the first CRLF CRLF, at most limit bytes.
func readUntilBlankLine(br *bufio.Reader, limit int) (string, error) {
	var b strings.Builder
	for b.Len() < limit {
		line, err := br.ReadSlice('\n')
		b.Write(line)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return "", err
		}
		if string(line) == "\r\n" {
			return b.String(), nil
		}
	}
	return "", fmt.Errorf("over %d bytes", limit)
}

// payloadSplit skips the HTTP head of an application/http block and hashes
// the rest as the payload.
type payloadSplit struct {
	http     bool
	headDone bool
	head     bytes.Buffer
	payload  io.Writer
	err      error
}

func (p *payloadSplit) Write(b []byte) (int, error) {
	n := len(b)
	if p.err != nil {
		return n, nil
	}
	if !p.http || p.headDone {
		if p.payload != nil {
			p.payload.Write(b)
		}
		return n, nil
	}
	p.head.Write(b)
	if i := bytes.Index(p.head.Bytes(), []byte("\r\n\r\n")); i >= 0 {
		p.headDone = true
		rest := p.head.Bytes()[i+4:]
		if p.payload != nil {
			p.payload.Write(rest)
		}
		p.head.Truncate(i + 4)
		return n, nil
	}
	if p.head.Len() > maxHTTPHeader {
		p.err = fmt.Errorf("HTTP head over %d bytes", maxHTTPHeader)
	}
	return n, nil
}

func parseHTTPHead(head []byte) (status, mime string) {
	lines := strings.Split(string(head), "\r\n")
	if f := strings.Fields(lines[0]); len(f) >= 2 {
		status = f[1]
	}
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "Content-Type") {
			mime = mimeOf(map[string][]string{"Content-Type": {strings.TrimSpace(v)}})
		}
	}
	if mime == "" {
		mime = "unk"
	}
	return status, mime
}

// warcDigest checks a WARC digest field ("sha256:<hex or base32>",
// "sha1:<base32>").
type warcDigest struct {
	hash.Hash
	want []byte
	enc  string
}

func newDigest(field string) (*warcDigest, error) {
	if field == "" {
		return nil, nil
	}
	alg, val, ok := strings.Cut(field, ":")
	if !ok {
		return nil, fmt.Errorf("%q is not algorithm:value", field)
	}
	d := &warcDigest{}
	switch strings.ToLower(alg) {
	case "sha256", "sha-256":
		d.Hash = sha256.New()
	case "sha1", "sha-1":
		d.Hash = sha1.New()
	default:
		return nil, fmt.Errorf("algorithm %q is not supported (sha256, sha1)", alg)
	}
	size := d.Size()
	switch {
	case len(val) == 2*size:
		d.enc = "hex"
		b, err := hex.DecodeString(val)
		if err != nil {
			return nil, fmt.Errorf("%q is not hex", val)
		}
		d.want = b
	default:
		d.enc = "base32"
		b, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.TrimRight(strings.ToUpper(val), "="))
		if err != nil || len(b) != size {
			return nil, fmt.Errorf("%q is neither hex nor base32 of the right length", val)
		}
		d.want = b
	}
	return d, nil
}

func (d *warcDigest) ok() bool { return bytes.Equal(d.Sum(nil), d.want) }

func (d *warcDigest) got() string {
	if d.enc == "hex" {
		return hex.EncodeToString(d.Sum(nil))
	}
	return base32.StdEncoding.EncodeToString(d.Sum(nil))
}

// checkIndex checks every line of a CDXJ index against the archives and
// returns how many lines it checked.
func checkIndex(f *zip.File, archives map[string]map[int64]*recordInfo, indexed map[string]bool) (int, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, fail(f.Name, "cannot be opened: %v", err)
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 0, 4096), maxIndexLine)
	prev := ""
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line < prev {
			return n, fail(f.Name, "line %d is out of order (the index must be sorted bytewise)", n)
		}
		prev = line
		key, rest, ok1 := strings.Cut(line, " ")
		ts, js, ok2 := strings.Cut(rest, " ")
		if !ok1 || !ok2 {
			return n, fail(f.Name, "line %d is not \"<surt> <timestamp> <json>\"", n)
		}
		var j cdxJSON
		if err := json.Unmarshal([]byte(js), &j); err != nil {
			return n, fail(f.Name, "line %d: json: %v", n, err)
		}
		recs, ok := archives[path.Base(j.Filename)]
		if !ok {
			return n, fail(f.Name, "line %d: filename %q is not an archive in the bundle", n, j.Filename)
		}
		off, err1 := strconv.ParseInt(j.Offset, 10, 64)
		length, err2 := strconv.ParseInt(j.Length, 10, 64)
		if err1 != nil || err2 != nil {
			return n, fail(f.Name, "line %d: offset %q or length %q is not a number", n, j.Offset, j.Length)
		}
		ri, ok := recs[off]
		switch {
		case !ok:
			return n, fail(f.Name, "line %d: offset %d is not the start of a record in %s", n, off, j.Filename)
		case ri.length != length:
			return n, fail(f.Name, "line %d: length %d but the record at offset %d is %d bytes", n, length, off, ri.length)
		case j.RecordDigest != "" && j.RecordDigest != ri.memberDigest:
			return n, fail(f.Name, "line %d: recordDigest %s but the record at offset %d hashes to %s", n, j.RecordDigest, off, ri.memberDigest)
		case j.Digest != "" && j.Digest != ri.payloadDigest:
			return n, fail(f.Name, "line %d: digest %s but the record's WARC-Payload-Digest is %s", n, j.Digest, ri.payloadDigest)
		case j.URL != ri.target:
			return n, fail(f.Name, "line %d: url %q but the record is for %q", n, j.URL, ri.target)
		case key != surt(ri.target):
			return n, fail(f.Name, "line %d: key %q is not the SURT of %q", n, key, ri.target)
		case ts != ri.date.UTC().Format("20060102150405"):
			return n, fail(f.Name, "line %d: timestamp %s but the record's WARC-Date is %s", n, ts, ri.date.UTC().Format(time.RFC3339))
		case j.Status != "" && ri.status != "" && j.Status != ri.status:
			return n, fail(f.Name, "line %d: status %s but the record's status is %s", n, j.Status, ri.status)
		}
		ri.indexed = true
		indexed[j.URL+" "+ts] = true
	}
	if err := sc.Err(); err != nil {
		return n, fail(f.Name, "line %d: %v", n+1, err)
	}
	return n, nil
}
