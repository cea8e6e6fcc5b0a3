package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// writer is the state of one Write.
type writer struct {
	ctx     context.Context
	blobs   Blobs
	opts    Options
	created time.Time
	dir     string

	warc       *spool
	ww         *warcWriter
	pages      *spool
	manifest   *spool
	complaints *complaintsWriter
	rows       *spool // report summary rows
	details    *spool // report per-listing sections
	refs       *spool // official photos, back to back
	report     *reportWriter

	refEntries []*entry
	refPaths   map[string][]string // sku -> bundle paths of its photos
	mainPage   *pageLine
	sum        Summary
}

// Write writes an evidence bundle of items to w and returns what it holds.
// Every capture body and official photo comes from blobs and is checked
// against its SHA-256; a missing or altered blob fails the export, which
// names the hit and the capture. items is read once, one Item at a time.
func Write(ctx context.Context, w io.Writer, items iter.Seq2[Item, error], blobs Blobs, opts Options) (Summary, error) {
	if blobs == nil || items == nil {
		return Summary{}, errors.New("evidence: Write needs an item source and a blob source")
	}
	if opts.SignKey != nil {
		if err := checkKey(opts.SignKey); err != nil {
			return Summary{}, err
		}
	}
	if opts.MaxBlobBytes <= 0 {
		opts.MaxBlobBytes = defaultMaxBlobBytes
	}
	if opts.MaxInlineImageBytes <= 0 {
		opts.MaxInlineImageBytes = defaultMaxInlineBytes
	}
	if opts.Software == "" {
		opts.Software = "shadowscan"
	}
	if opts.Title == "" {
		opts.Title = "shadowscan evidence bundle"
	}
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	dir, err := os.MkdirTemp(opts.TempDir, "shadowscan-evidence-")
	if err != nil {
		return Summary{}, fmt.Errorf("evidence: spool directory: %w", err)
	}
	defer os.RemoveAll(dir)

	wr := &writer{ctx: ctx, blobs: blobs, opts: opts, created: created.UTC().Truncate(time.Second), dir: dir, refPaths: map[string][]string{}}
	defer wr.close()
	if err := wr.open(); err != nil {
		return Summary{}, err
	}
	for it, err := range items {
		if err != nil {
			return Summary{}, fmt.Errorf("evidence: read hits: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return Summary{}, err
		}
		if err := wr.item(&it); err != nil {
			return Summary{}, fmt.Errorf("evidence: hit %d: %w", it.Hit.ID, err)
		}
	}
	entries, err := wr.finish()
	if err != nil {
		return Summary{}, fmt.Errorf("evidence: %w", err)
	}
	n, err := writeZIP(w, entries, wr.created)
	if err != nil {
		return Summary{}, fmt.Errorf("evidence: %w", err)
	}
	wr.sum.Bytes = n
	return wr.sum, nil
}

func (wr *writer) open() error {
	var err error
	for _, s := range []struct {
		p    **spool
		name string
	}{{&wr.warc, "warc"}, {&wr.pages, "pages"}, {&wr.manifest, "manifest"}, {&wr.rows, "rows"}, {&wr.details, "details"}, {&wr.refs, "refs"}} {
		if *s.p, err = newSpool(wr.dir, s.name); err != nil {
			return err
		}
	}
	cs, err := newSpool(wr.dir, "complaints")
	if err != nil {
		return err
	}
	wr.complaints = newComplaintsWriter(cs)
	wr.ww = newWARCWriter(wr.warc, wr.dir)
	if err := wr.ww.warcinfo(wr.opts.Software, wr.created); err != nil {
		return err
	}
	wr.sum.Records = 1
	if _, err := wr.pages.WriteString(`{"format":"json-pages-1.0","id":"pages","title":"All Pages"}` + "\n"); err != nil {
		return err
	}
	if err := writeManifestHead(wr.manifest, &wr.opts, wr.created); err != nil {
		return err
	}
	wr.report = newReportWriter(&wr.opts, wr.created)
	return nil
}

func (wr *writer) close() {
	for _, s := range []*spool{wr.warc, wr.pages, wr.manifest, wr.rows, wr.details, wr.refs} {
		if s != nil {
			s.f.Close()
		}
	}
	if wr.complaints != nil {
		wr.complaints.s.f.Close()
	}
}

// blob fetches sha and checks its size and digest.
func (wr *writer) blob(sha string, what string) ([]byte, error) {
	b, err := wr.blobs.Blob(wr.ctx, sha)
	if err != nil {
		return nil, fmt.Errorf("%s: blob %s: %w", what, sha, err)
	}
	if int64(len(b)) > wr.opts.MaxBlobBytes {
		return nil, fmt.Errorf("%s: blob %s is %d bytes, over the %d-byte limit", what, sha, len(b), wr.opts.MaxBlobBytes)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != strings.ToLower(sha) {
		return nil, fmt.Errorf("%s: blob %s holds bytes whose sha256 is %s", what, sha, got)
	}
	return b, nil
}

// pageLine is one line of pages.jsonl.
type pageLine struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	TS    string `json:"ts"`
	Title string `json:"title,omitempty"`
	Size  int64  `json:"size,omitempty"`
}

func (wr *writer) item(it *Item) error {
	h := &it.Hit
	if h.ID == 0 {
		return errors.New("hit has no id")
	}
	view := itemView{item: it}
	if err := wr.captures(it, &view); err != nil {
		return err
	}
	if err := wr.reference(it, &view); err != nil {
		return err
	}
	if err := wr.pageLine(h, view.page); err != nil {
		return err
	}
	if err := wr.shotLine(h, &view); err != nil {
		return err
	}
	if err := writeManifestEntry(wr.manifest, wr.sum.Hits, &view, wr.refPaths[skuOf(it)]); err != nil {
		return err
	}
	if err := wr.complaints.row(&view, wr.opts.BundleName); err != nil {
		return err
	}
	if err := wr.report.item(wr.rows, wr.details, wr.sum.Hits+1, &view); err != nil {
		return err
	}
	wr.sum.Hits++
	return nil
}

// captures writes the item's captures as WARC records and picks the
// latest page and a listing photo for the report.
func (wr *writer) captures(it *Item, view *itemView) error {
	h := &it.Hit
	for i := range it.Captures {
		c := &it.Captures[i]
		if c.BodySize > wr.opts.MaxBlobBytes {
			return fmt.Errorf("capture %s: body is %d bytes, over the %d-byte limit", c.URL, c.BodySize, wr.opts.MaxBlobBytes)
		}
		body, err := wr.blob(c.BodySHA256, "capture "+c.URL)
		if err != nil {
			return err
		}
		if c.Kind == shadowscan.CaptureScreenshot {
			if err := wr.screenshot(c, body, view); err != nil {
				return err
			}
			continue
		}
		id, err := wr.ww.capture(c, body)
		if err != nil {
			return err
		}
		wr.sum.Captures++
		wr.sum.Records += 2
		view.recordIDs = append(view.recordIDs, id)
		switch c.Kind {
		case "page":
			if view.page == nil || !c.FetchedAt.Before(view.page.FetchedAt) {
				view.page = c
			}
		case "photo":
			if view.photo == nil && c.Status/100 == 2 && isListingPhoto(h, c) {
				if mt := imageType(body); mt != "" {
					view.photo, view.photoURL, view.photoType = body, c.URL, mt
				}
			}
		}
	}
	if view.photo != nil {
		return nil
	}
	for i := range it.Captures { // any photo rather than none
		c := &it.Captures[i]
		if c.Kind == "photo" && c.Status/100 == 2 {
			body, err := wr.blob(c.BodySHA256, "capture "+c.URL)
			if err != nil {
				return err
			}
			if mt := imageType(body); mt != "" {
				view.photo, view.photoURL, view.photoType = body, c.URL, mt
				return nil
			}
		}
	}
	return nil
}

// screenshot writes a listing page's screenshot and keeps the latest
// PNG for the report.
func (wr *writer) screenshot(c *shadowscan.Capture, body []byte, view *itemView) error {
	id, err := wr.ww.screenshot(c, body)
	if err != nil {
		return err
	}
	wr.sum.Captures++
	wr.sum.Records++
	view.recordIDs = append(view.recordIDs, id)
	if imageType(body) == "image/png" && (view.shotAt.IsZero() || !c.FetchedAt.Before(view.shotAt)) {
		view.shot, view.shotURL, view.shotAt = body, c.URL, c.FetchedAt
	}
	return nil
}

// shotLine adds the hit's latest screenshot, if any, to pages.jsonl under
// its urn:screenshot: URN, so a replay tool lists it beside the page.
func (wr *writer) shotLine(h *shadowscan.Hit, view *itemView) error {
	if view.shot == nil {
		return nil
	}
	page, err := targetURI(view.shotURL)
	if err != nil {
		return err
	}
	pl := pageLine{ID: fmt.Sprintf("%d-screenshot", h.ID), URL: screenshotURI(page), TS: captureTime(view.shotAt).Format(time.RFC3339),
		Title: "Screenshot: " + h.Listing.Title, Size: int64(len(view.shot))}
	b, err := marshalNoEscape(pl)
	if err != nil {
		return err
	}
	if _, err := wr.pages.Write(append(b, '\n')); err != nil {
		return err
	}
	wr.sum.Pages++
	return nil
}

// pageLine adds the hit's listing page, if captured, to pages.jsonl.
func (wr *writer) pageLine(h *shadowscan.Hit, page *shadowscan.Capture) error {
	if page == nil {
		return nil
	}
	target, err := targetURI(page.URL)
	if err != nil {
		return err
	}
	pl := pageLine{ID: fmt.Sprint(h.ID), URL: target, TS: captureTime(page.FetchedAt).Format(time.RFC3339), Title: h.Listing.Title, Size: page.BodySize}
	b, err := marshalNoEscape(pl)
	if err != nil {
		return err
	}
	if _, err := wr.pages.Write(append(b, '\n')); err != nil {
		return err
	}
	if wr.mainPage == nil {
		wr.mainPage = &pl
	}
	wr.sum.Pages++
	return nil
}

func skuOf(it *Item) string {
	if it.Product != nil {
		return it.Product.SKU
	}
	return ""
}

// isListingPhoto reports whether c is one of the listing's photos.
func isListingPhoto(h *shadowscan.Hit, c *shadowscan.Capture) bool {
	for _, im := range h.Listing.Images {
		if im.URL == c.URL {
			return true
		}
	}
	return false
}

var unsafePathChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// reference adds the product's official photos to the bundle once per SKU
// and keeps the first one for the report.
func (wr *writer) reference(it *Item, view *itemView) error {
	p := it.Product
	if p == nil {
		return nil
	}
	_, seen := wr.refPaths[p.SKU]
	var paths []string
	for i, im := range p.Images {
		if im.SHA256 == "" {
			continue
		}
		if seen && view.official != nil {
			break
		}
		b, err := wr.blob(im.SHA256, fmt.Sprintf("product %s photo %d", p.SKU, i+1))
		if err != nil {
			return err
		}
		mt := imageType(b)
		if view.official == nil && mt != "" {
			view.official, view.officialType = b, mt
		}
		if seen {
			continue
		}
		name := strings.Trim(unsafePathChars.ReplaceAllString(p.SKU, "_"), ".")
		if name == "" {
			name = "product"
		}
		path := fmt.Sprintf("%s%s-%d.%s", pathRefDir, name, i+1, extOf(mt))
		off := wr.refs.n
		if _, err := wr.refs.Write(b); err != nil {
			return err
		}
		wr.refEntries = append(wr.refEntries, &entry{path: path, parts: []part{{r: io.NewSectionReader(wr.refs.f, off, int64(len(b)))}}})
		paths = append(paths, path)
		wr.sum.Reference++
	}
	if !seen {
		wr.refPaths[p.SKU] = paths
	}
	if len(wr.refPaths[p.SKU]) > 0 {
		view.officialPath = wr.refPaths[p.SKU][0]
	}
	return nil
}

// imageType sniffs the image types a browser shows inline; "" otherwise.
func imageType(b []byte) string {
	switch mt := http.DetectContentType(b); mt {
	case "image/jpeg", "image/png", "image/gif", "image/webp":
		return mt
	}
	return ""
}

func extOf(mt string) string {
	switch mt {
	case "image/jpeg":
		return "jpg"
	case "image/png":
		return "png"
	case "image/gif":
		return "gif"
	case "image/webp":
		return "webp"
	}
	return "bin"
}

// finish closes the streams and returns every bundle file, sorted by path,
// with datapackage.json and datapackage-digest.json last computed.
func (wr *writer) finish() ([]*entry, error) {
	entries, err := wr.contentEntries()
	if err != nil {
		return nil, err
	}
	var sums strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&sums, "%s  %s\n", e.sha, e.path)
	}
	sumsEntry := &entry{path: pathSums, parts: []part{{data: []byte(sums.String())}}}
	if err := sumsEntry.digest(); err != nil {
		return nil, err
	}
	entries = append(entries, sumsEntry)
	sortEntries(entries)

	dpBytes, err := wr.dataPackage(entries)
	if err != nil {
		return nil, err
	}
	dig, err := wr.digestFile(dpBytes)
	if err != nil {
		return nil, err
	}
	digBytes, err := json.MarshalIndent(dig, "", "  ")
	if err != nil {
		return nil, err
	}
	digBytes = append(digBytes, '\n')
	for _, x := range []*entry{{path: pathDataPkg, parts: []part{{data: dpBytes}}}, {path: pathDigest, parts: []part{{data: digBytes}}}} {
		if err := x.digest(); err != nil {
			return nil, err
		}
		entries = append(entries, x)
	}
	sortEntries(entries)
	return entries, nil
}

// contentEntries closes the spools and returns the bundle's files but
// SHA256SUMS and the two datapackage files, digested and sorted.
func (wr *writer) contentEntries() ([]*entry, error) {
	if err := writeManifestTail(wr.manifest, wr.sum.Hits); err != nil {
		return nil, err
	}
	if err := wr.complaints.flush(); err != nil {
		return nil, err
	}
	for _, s := range []*spool{wr.warc, wr.pages, wr.manifest, wr.rows, wr.details, wr.refs, wr.complaints.s} {
		if err := s.flush(); err != nil {
			return nil, fmt.Errorf("spool: %w", err)
		}
	}
	head, mid, foot, err := wr.report.frame(wr.sum.Hits)
	if err != nil {
		return nil, err
	}
	entries := []*entry{
		{path: pathWARC, parts: []part{wr.warc.section(0)}},
		{path: pathIndex, parts: []part{{data: wr.ww.sortedCDXJ()}}},
		{path: pathPages, parts: []part{wr.pages.section(0)}},
		{path: pathManifest, parts: []part{wr.manifest.section(0)}},
		{path: pathComplaints, parts: []part{wr.complaints.s.section(0)}},
		{path: pathReport, parts: []part{{data: head}, wr.rows.section(0), {data: mid}, wr.details.section(0), {data: foot}}},
	}
	entries = append(entries, wr.refEntries...)
	for _, e := range entries {
		if err := e.digest(); err != nil {
			return nil, err
		}
	}
	sortEntries(entries)
	for i := 1; i < len(entries); i++ {
		if entries[i].path == entries[i-1].path {
			return nil, fmt.Errorf("two bundle files named %s", entries[i].path)
		}
	}
	return entries, nil
}

func sortEntries(entries []*entry) {
	sort.Slice(entries, func(i, j int) bool { return entries[i].path < entries[j].path })
}

// dataPackage returns datapackage.json listing entries.
func (wr *writer) dataPackage(entries []*entry) ([]byte, error) {
	dp := dataPackage{
		Profile: "data-package", WACZVersion: waczVersion,
		Title: wr.opts.Title, Description: wr.opts.Description,
		Created: wr.created.Format(time.RFC3339), Modified: wr.created.Format(time.RFC3339),
		Software: wr.opts.Software,
	}
	if wr.mainPage != nil {
		dp.MainPageURL, dp.MainPageDate = wr.mainPage.URL, wr.mainPage.TS
	}
	for _, e := range entries {
		dp.Resources = append(dp.Resources, resource{Name: resourceName(e.path), Path: e.path, Hash: "sha256:" + e.sha, Bytes: e.size})
	}
	b, err := json.MarshalIndent(dp, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// digestFile returns datapackage-digest.json over dpBytes, signed when
// there is a key and timestamped when there is a TSA.
func (wr *writer) digestFile(dpBytes []byte) (*digestFile, error) {
	dpSum := sha256.Sum256(dpBytes)
	dig := &digestFile{Path: pathDataPkg, Hash: "sha256:" + hex.EncodeToString(dpSum[:])}
	wr.sum.Hash = dig.Hash
	if wr.opts.SignKey != nil {
		sd, err := sign(wr.opts.SignKey, dig.Hash, wr.created.Format(time.RFC3339), wr.opts.Software)
		if err != nil {
			return nil, err
		}
		dig.SignedData = sd
		wr.sum.Signed = true
		wr.sum.KeyFingerprint = Fingerprint(&wr.opts.SignKey.PublicKey)
	}
	if wr.opts.TSAURL == "" {
		return dig, nil
	}
	msg, of := dig.Hash, "hash"
	if dig.SignedData != nil {
		msg, of = dig.SignedData.Signature, "signedData.signature"
	}
	tok, err := requestTimestamp(wr.ctx, wr.opts.HTTPClient, wr.opts.TSAURL, []byte(msg), wr.created)
	if err != nil {
		return nil, err
	}
	tok.Of = of
	dig.Timestamp = tok
	wr.sum.Timestamped = true
	wr.sum.TimestampTime = tok.at
	return dig, nil
}

// dataPackage is datapackage.json (WACZ 1.1.1).
type dataPackage struct {
	Profile      string     `json:"profile"`
	WACZVersion  string     `json:"wacz_version"`
	Title        string     `json:"title"`
	Description  string     `json:"description,omitempty"`
	Created      string     `json:"created"`
	Modified     string     `json:"modified"`
	Software     string     `json:"software"`
	MainPageURL  string     `json:"mainPageUrl,omitempty"`
	MainPageDate string     `json:"mainPageDate,omitempty"`
	Resources    []resource `json:"resources"`
}

type resource struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Hash  string `json:"hash"`
	Bytes int64  `json:"bytes"`
}

// digestFile is datapackage-digest.json.
type digestFile struct {
	Path       string      `json:"path"`
	Hash       string      `json:"hash"`
	SignedData *signedData `json:"signedData,omitempty"`
	Timestamp  *tsToken    `json:"shadowscan:timestamp,omitempty"`
}

var unsafeNameChars = regexp.MustCompile(`[^a-z0-9._-]+`)

// resourceName is a data-package resource name: lower case, [a-z0-9._-].
func resourceName(path string) string {
	return unsafeNameChars.ReplaceAllString(strings.ToLower(strings.ReplaceAll(path, "/", "-")), "-")
}
