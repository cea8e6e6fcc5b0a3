package sitecheck

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

// MaxPageBytes caps one saved page read from disk; real pages are a few
// megabytes (Amazon's item pages are about 2 MB).
const MaxPageBytes = 32 << 20

// The file name extensions Load reads from a directory: HTML pages for an
// HTML rule, JSON responses for a JSON one.
var (
	htmlExts = []string{".html", ".htm", ".xhtml"}
	jsonExts = []string{".json"}
)

// Where a saved page's URL came from (Page.URLFrom).
const (
	URLFromIndex     = "index.tsv"  // an index.tsv beside the page or above it
	URLFromSavedFrom = "saved-from" // the browser's "saved from url" comment
	URLFromCanonical = "canonical"  // the page's canonical link or og:url
	URLFromNone      = "none"       // made up from base_url and the file name
)

// Page is one saved page.
type Page struct {
	// Name is the path the page was read from, as given or found.
	Name string `json:"name"`
	// URL is the address the page was saved from, as well as it is known;
	// it resolves relative links and may give the listing id.
	URL string `json:"url"`
	// URLFrom says where URL came from: one of the URLFrom constants.
	URLFrom string `json:"url_from"`
	Body    []byte `json:"-"`
}

// Load reads the saved pages that paths name: files as they are, and in
// directories (walked) the files ending in .html, .htm or .xhtml, or with
// asJSON those ending in .json.
// Each page's URL comes from an index.tsv in its directory or one above it
// (a tab-separated table with a header naming a "file" column and a
// "saved_from_url", "page_url" or "url" column, file paths relative to the
// index), else from a "saved from url" comment, else from the page's
// canonical link or og:url, else it is baseURL/saved/NAME: then the page
// gives no id from its URL, which is what a check should show.
func Load(baseURL string, asJSON bool, paths ...string) ([]Page, error) {
	pageExts := htmlExts
	if asJSON {
		pageExts = jsonExts
	}
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("saved page %s: %w", p, err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && slices.Contains(pageExts, strings.ToLower(filepath.Ext(path))) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("saved pages in %s: %w", p, err)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no saved pages in %s (looked for %s files)", strings.Join(paths, ", "), strings.Join(pageExts, ", "))
	}
	idx := indexes{}
	var pages []Page
	for _, f := range files {
		body, err := readCapped(f)
		if err != nil {
			return nil, err
		}
		p := Page{Name: f, Body: body}
		p.URL, p.URLFrom = idx.lookup(f), URLFromIndex
		if p.URL == "" {
			p.URL, p.URLFrom = pageURL(body)
		}
		if p.URL == "" {
			p.URL, p.URLFrom = strings.TrimRight(baseURL, "/")+"/saved/"+url.PathEscape(filepath.Base(f)), URLFromNone
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// contentType is what a server would have said of the page: a file that
// is valid UTF-8 is UTF-8 (a saved page has lost its response header, and
// HTML's default for a page that names no charset is windows-1252, which
// would garble it); otherwise the page's own meta charset decides.
func (p Page) contentType() string {
	if utf8.Valid(p.Body) {
		return "text/html; charset=utf-8"
	}
	return ""
}

func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("saved page %s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("saved page %s: %w", path, err)
	}
	if len(b) > MaxPageBytes {
		return nil, fmt.Errorf("saved page %s is over %d MB; a listing page is a few", path, MaxPageBytes>>20)
	}
	return b, nil
}

// savedFrom is the comment browsers put at the top of a saved page.
var savedFrom = regexp.MustCompile(`<!--\s*saved from url=\(\d+\)(https?://[^\s>]+)\s*-->`)

// pageURL returns the URL a saved page names for itself, and where from.
func pageURL(body []byte) (string, string) {
	head := body[:min(len(body), 4096)]
	if m := savedFrom.FindSubmatch(head); m != nil {
		return string(m[1]), URLFromSavedFrom
	}
	if t := bytes.TrimSpace(body); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return "", "" // JSON names no URL of its own
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return "", ""
	}
	for _, c := range []struct{ sel, attr string }{{"link[rel=canonical]", "href"}, {`meta[property="og:url"]`, "content"}} {
		if v, ok := doc.Find(c.sel).First().Attr(c.attr); ok {
			if u, err := url.Parse(strings.TrimSpace(v)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				return u.String(), URLFromCanonical
			}
		}
	}
	return "", ""
}

// indexes caches the index.tsv files read, by directory.
type indexes map[string]map[string]string

// lookup returns the URL an index.tsv in file's directory or the two above
// it gives for file, or "".
func (ix indexes) lookup(file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	dir := filepath.Dir(abs)
	for range 3 {
		m, ok := ix[dir]
		if !ok {
			m = readIndex(filepath.Join(dir, "index.tsv"))
			ix[dir] = m
		}
		if rel, err := filepath.Rel(dir, abs); err == nil {
			if u := m[filepath.ToSlash(rel)]; u != "" {
				return u
			}
		}
		up := filepath.Dir(dir)
		if up == dir {
			break
		}
		dir = up
	}
	return ""
}

// readIndex reads an index.tsv: file -> URL, for the rows whose URL is an
// absolute http(s) URL. A missing or unreadable index is empty.
func readIndex(path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	fileCol, urlCol := -1, -1
	out := map[string]string{}
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if fileCol < 0 {
			for i, c := range cols {
				switch strings.TrimSpace(c) {
				case "file":
					fileCol = i
				case "saved_from_url", "page_url", "url":
					if urlCol < 0 {
						urlCol = i
					}
				}
			}
			if fileCol < 0 || urlCol < 0 {
				return nil
			}
			continue
		}
		if len(cols) <= max(fileCol, urlCol) {
			continue
		}
		u := strings.TrimSpace(cols[urlCol])
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			out[strings.TrimSpace(cols[fileCol])] = u
		}
	}
	return out
}
