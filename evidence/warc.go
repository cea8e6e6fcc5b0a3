package evidence

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	whatwg "github.com/nlnwa/whatwg-url/url"

	"github.com/shadowscan/shadowscan"
)

// cdxEntry is one line of indexes/index.cdxj.
type cdxEntry struct {
	line string
}

// cdxJSON is the JSON part of a CDXJ line. Field names and string-typed
// numbers follow warcio's cdx-index output so both agree line for line.
type cdxJSON struct {
	URL          string `json:"url"`
	Mime         string `json:"mime,omitempty"`
	Status       string `json:"status,omitempty"`
	Digest       string `json:"digest,omitempty"`
	Length       string `json:"length"`
	Offset       string `json:"offset"`
	Filename     string `json:"filename"`
	RecordDigest string `json:"recordDigest"`
}

// countWriter counts and hashes what passes through it.
type countWriter struct {
	w io.Writer
	n int64
	h hash.Hash // hash of the current gzip member
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.h.Write(p[:n])
	return n, err
}

// warcWriter writes one gzip member per record to w and remembers the CDXJ
// lines of the responses. One goroutine owns it.
type warcWriter struct {
	cw      *countWriter
	marshal gowarc.Marshaler
	tmpDir  string
	seq     int
	cdx     []cdxEntry
	records int
	gz      *gzip.Writer // reused: one member per record
}

func newWARCWriter(w io.Writer, tmpDir string) *warcWriter {
	return &warcWriter{cw: &countWriter{w: w, h: sha256.New()}, marshal: gowarc.NewMarshaler(), tmpDir: tmpDir}
}

// recordID returns a stable urn:uuid for the seq-th record, so that the same
// export gives the same archive.
func recordID(seq int, kind, target string, at time.Time) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("shadowscan-evidence\x00%d\x00%s\x00%s\x00%s", seq, kind, target, at.Format(time.RFC3339Nano))))
	sum[6] = sum[6]&0x0f | 0x80 // version 8: custom
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(sum[:16])
	return "<urn:uuid:" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32] + ">"
}

func (ww *warcWriter) builder(t gowarc.RecordType) gowarc.WarcRecordBuilder {
	return gowarc.NewRecordBuilder(t,
		gowarc.WithDefaultDigestAlgorithm("sha256"),
		gowarc.WithAddMissingDigest(true),
		gowarc.WithAddMissingContentLength(true),
		gowarc.WithBufferTmpDir(ww.tmpDir),
		gowarc.WithVersion(gowarc.V1_1),
	)
}

// put builds and writes one record as its own gzip member and returns the
// member's offset, length and sha256, and the record.
func (ww *warcWriter) put(rb gowarc.WarcRecordBuilder) (off, length int64, digest string, rec gowarc.WarcRecord, err error) {
	rec, _, err = rb.Build()
	if err != nil {
		return 0, 0, "", nil, fmt.Errorf("build warc record: %w", err)
	}
	off = ww.cw.n
	ww.cw.h.Reset()
	if ww.gz == nil {
		if ww.gz, err = gzip.NewWriterLevel(ww.cw, gzip.BestSpeed); err != nil {
			rec.Close()
			return 0, 0, "", nil, err
		}
	} else {
		ww.gz.Reset(ww.cw)
	}
	gz := ww.gz
	if _, _, err := ww.marshal.Marshal(gz, rec, 0); err != nil {
		rec.Close()
		return 0, 0, "", nil, fmt.Errorf("write warc record: %w", err)
	}
	if err := gz.Close(); err != nil {
		rec.Close()
		return 0, 0, "", nil, fmt.Errorf("write warc record: %w", err)
	}
	ww.records++
	return off, ww.cw.n - off, "sha256:" + hex.EncodeToString(ww.cw.h.Sum(nil)), rec, nil
}

// warcinfo writes the archive's first record.
func (ww *warcWriter) warcinfo(software string, created time.Time) error {
	rb := ww.builder(gowarc.Warcinfo)
	ww.seq++
	rb.AddWarcHeader(gowarc.WarcRecordID, recordID(ww.seq, "warcinfo", "", created))
	rb.AddWarcHeaderTime(gowarc.WarcDate, created)
	rb.AddWarcHeader(gowarc.WarcFilename, "data.warc.gz")
	rb.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	fmt.Fprintf(rb, "software: %s\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\ndescription: shadowscan evidence bundle: captures as served at fetch time\r\n", oneLine(software))
	_, _, _, rec, err := ww.put(rb)
	if err != nil {
		return err
	}
	return rec.Close()
}

// capture writes the response and request records of c with body and
// returns the response's record id.
func (ww *warcWriter) capture(c *shadowscan.Capture, body []byte) (string, error) {
	at := captureTime(c.FetchedAt)
	target, err := targetURI(c.URL)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("capture url %q is not an absolute http(s) URL", c.URL)
	}
	ww.seq++
	respID := recordID(ww.seq, "response", target, at)
	rb := ww.builder(gowarc.Response)
	rb.AddWarcHeader(gowarc.WarcRecordID, respID)
	rb.AddWarcHeaderTime(gowarc.WarcDate, at)
	rb.AddWarcHeader(gowarc.WarcTargetURI, target)
	rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if _, err := rb.Write(responseHead(c, int64(len(body)))); err != nil {
		rb.Close()
		return "", err
	}
	if _, err := rb.Write(body); err != nil {
		rb.Close()
		return "", err
	}
	off, length, digest, rec, err := ww.put(rb)
	if err != nil {
		return "", fmt.Errorf("response record of %s: %w", target, err)
	}
	payload := rec.WarcHeader().Get(gowarc.WarcPayloadDigest)
	if err := rec.Close(); err != nil {
		return "", err
	}
	if err := ww.index(cdxJSON{URL: target, Mime: mimeOf(c.Header), Status: strconv.Itoa(c.Status), Digest: payload, RecordDigest: digest}, off, length, at); err != nil {
		return "", err
	}

	ww.seq++
	rq := ww.builder(gowarc.Request)
	rq.AddWarcHeader(gowarc.WarcRecordID, recordID(ww.seq, "request", target, at))
	rq.AddWarcHeaderTime(gowarc.WarcDate, at)
	rq.AddWarcHeader(gowarc.WarcTargetURI, target)
	rq.AddWarcHeader(gowarc.WarcConcurrentTo, respID)
	rq.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
	if _, err := rq.Write(requestHead(c, u)); err != nil {
		rq.Close()
		return "", err
	}
	if _, _, _, rec, err = ww.put(rq); err != nil {
		return "", fmt.Errorf("request record of %s: %w", target, err)
	}
	return respID, rec.Close()
}

// screenshot writes c, a browser's PNG of a listing page, as a resource
// record for urn:screenshot:<page URL> (as Browsertrix names them): no
// request was made for it, so it is not a response and replay tools do
// not serve it in place of the page. The index lists it under its own
// URN, so ReplayWeb.page shows it when that URN is opened (pages.jsonl
// lists it beside the page).
func (ww *warcWriter) screenshot(c *shadowscan.Capture, body []byte) (string, error) {
	at := captureTime(c.FetchedAt)
	page, err := targetURI(c.URL)
	if err != nil {
		return "", err
	}
	target := screenshotURI(page)
	ww.seq++
	id := recordID(ww.seq, "resource", target, at)
	rb := ww.builder(gowarc.Resource)
	rb.AddWarcHeader(gowarc.WarcRecordID, id)
	rb.AddWarcHeaderTime(gowarc.WarcDate, at)
	rb.AddWarcHeader(gowarc.WarcTargetURI, target)
	rb.AddWarcHeader(gowarc.ContentType, "image/png")
	if _, err := rb.Write(body); err != nil {
		rb.Close()
		return "", err
	}
	off, length, digest, rec, err := ww.put(rb)
	if err != nil {
		return "", fmt.Errorf("screenshot record of %s: %w", page, err)
	}
	payload := rec.WarcHeader().Get(gowarc.WarcPayloadDigest)
	if err := rec.Close(); err != nil {
		return "", err
	}
	return id, ww.index(cdxJSON{URL: target, Mime: "image/png", Status: "200", Digest: payload, RecordDigest: digest}, off, length, at)
}

// index adds the CDXJ line of the record written at off, length bytes
// long, for j's URL at time at.
func (ww *warcWriter) index(j cdxJSON, off, length int64, at time.Time) error {
	j.Length, j.Offset, j.Filename = strconv.FormatInt(length, 10), strconv.FormatInt(off, 10), "data.warc.gz"
	jb, err := marshalNoEscape(j)
	if err != nil {
		return err
	}
	ww.cdx = append(ww.cdx, cdxEntry{line: surt(j.URL) + " " + at.Format("20060102150405") + " " + string(jb)})
	return nil
}

// screenshotURI is the WARC-Target-URI of a screenshot of page.
func screenshotURI(page string) string { return "urn:screenshot:" + page }

// sortedCDXJ returns the index, sorted bytewise.
func (ww *warcWriter) sortedCDXJ() []byte {
	sort.Slice(ww.cdx, func(i, j int) bool { return ww.cdx[i].line < ww.cdx[j].line })
	var b bytes.Buffer
	for _, e := range ww.cdx {
		b.WriteString(e.line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// targetURI returns raw as an ASCII URL: non-ASCII paths, queries and
// hosts are percent-encoded and punycoded the WHATWG way, since replay
// tools read WARC headers as Latin-1.
func targetURI(raw string) (string, error) {
	ascii := true
	for i := 0; i < len(raw); i++ {
		if raw[i] >= 0x80 || raw[i] <= 0x20 {
			ascii = false
			break
		}
	}
	if ascii {
		return raw, nil
	}
	p, err := whatwg.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("capture url %q: %w", raw, err)
	}
	return p.Href(true), nil
}

// captureTime is the one instant used for WARC-Date, the CDXJ timestamp and
// the page ts: the fetch time in UTC, to the second.
func captureTime(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// hopHeaders are not replayed: Go removed chunking, and Content-Length is
// rewritten to the stored body's length.
var hopHeaders = map[string]bool{"Transfer-Encoding": true, "Content-Length": true, "Connection": true, "Keep-Alive": true}

// responseHead rebuilds the HTTP/1.1 status line and headers of c, header
// names sorted, one line per value.
func responseHead(c *shadowscan.Capture, bodyLen int64) []byte {
	var b bytes.Buffer
	text := http.StatusText(c.Status)
	if text == "" {
		text = "Unknown"
	}
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", c.Status, text)
	writeHeader(&b, c.Header, nil)
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", bodyLen)
	return b.Bytes()
}

// requestHead rebuilds the request line and headers that were sent.
func requestHead(c *shadowscan.Capture, u *url.URL) []byte {
	var b bytes.Buffer
	method := c.Method
	if method == "" {
		method = http.MethodGet
	}
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", oneLine(method), oneLine(u.RequestURI()))
	host := u.Host
	if v := http.Header(c.RequestHeader).Get("Host"); v != "" {
		host = v
	}
	fmt.Fprintf(&b, "Host: %s\r\n", oneLine(host))
	writeHeader(&b, c.RequestHeader, map[string]bool{"Host": true})
	b.WriteString("\r\n")
	return b.Bytes()
}

func writeHeader(b *bytes.Buffer, h map[string][]string, skip map[string]bool) {
	canon := make(map[string][]string, len(h))
	for k, vs := range h {
		ck := http.CanonicalHeaderKey(oneLine(k))
		if ck == "" || hopHeaders[ck] || skip[ck] || strings.ContainsAny(ck, " :") {
			continue
		}
		canon[ck] = append(canon[ck], vs...)
	}
	keys := make([]string, 0, len(canon))
	for k := range canon {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		secret := shadowscan.SecretHeader(k) // cookies, authorization, tokens: never in a bundle
		for _, v := range canon[k] {
			if secret {
				v = shadowscan.Redacted
			}
			fmt.Fprintf(b, "%s: %s\r\n", k, oneLine(v))
		}
	}
}

// oneLine keeps a header value on one line: stored headers are web
// content, and a CR or LF in one would forge the record's structure.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}

func mimeOf(h map[string][]string) string {
	ct := http.Header(h).Get("Content-Type")
	if ct == "" {
		return "unk"
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt
}

// marshalNoEscape is json.Marshal without HTML escaping.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
