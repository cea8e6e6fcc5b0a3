package world4

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// obj is a JSON object that keeps its key order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(e.k)
		buf.Write(k)
		buf.WriteByte(':')
		v, err := json.Marshal(e.v)
		if err != nil {
			return nil, err
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// rawNum is a JSON number written exactly as given.
type rawNum string

func (n rawNum) MarshalJSON() ([]byte, error) { return []byte(n), nil }

func esc(s string) string { return html.EscapeString(s) }

func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

const originMark = "@@ORIGIN@@"
const hostMark = "@@HOST@@"

// pageCache holds rendered pages with the origin left as a placeholder.
type pageCache struct{ m sync.Map }

func (c *pageCache) get(key string, make func() string) string {
	if v, ok := c.m.Load(key); ok {
		return v.(string)
	}
	s := make()
	c.m.Store(key, s)
	return s
}

func writeHTML(w http.ResponseWriter, r *http.Request, status int, page string) {
	page = strings.ReplaceAll(page, originMark, origin(r))
	page = strings.ReplaceAll(page, hostMark, r.Host)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write([]byte(page))
	}
}

var imageCache sync.Map

func serveImage(w http.ResponseWriter, r *http.Request, key string, ph *photo) {
	var data []byte
	if v, ok := imageCache.Load(key); ok {
		data = v.([]byte)
	} else {
		data = ph.render()
		imageCache.Store(key, data)
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func hash32(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// trimNum prints a price without trailing ".00".
func trimNum(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	return strings.TrimSuffix(s, ".00")
}

func commaNum(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	intPart, dec := s[:len(s)-3], s[len(s)-3:]
	var out []byte
	for i := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, intPart[i])
	}
	return string(out) + dec
}

// blankGIF is a 1x1 transparent GIF, the lazy-loading placeholder.
var blankGIF = []byte{0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff,
	0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00,
	0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b}

// failOnce answers 503 with Retry-After the first time a key is asked for.
type failOnce struct {
	mu   sync.Mutex
	done map[string]bool
}

func (f *failOnce) first(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done == nil {
		f.done = map[string]bool{}
	}
	if f.done[key] {
		return false
	}
	f.done[key] = true
	return true
}
