package crawler

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan/rules"
)

// market is an httptest marketplace that counts every request by path and
// query and can misbehave on chosen routes.
type market struct {
	t   testing.TB
	srv *httptest.Server

	mu     sync.Mutex
	counts map[string]int

	// search maps a page number to the hrefs it lists (any query).
	search map[int][]string
	// pages maps a listing path to its HTML; missing paths get a default
	// listing page.
	pages map[string]string
	// handlers override routes by exact path.
	handlers map[string]http.HandlerFunc
	robots   string
	pngs     map[int][]byte
}

// png returns a small PNG that differs by seed, encoded once.
func (m *market) png(seed int) []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	if b, ok := m.pngs[seed]; ok {
		return b
	}
	b := testPNG(m.t, seed)
	m.pngs[seed] = b
	return b
}

func newMarket(t testing.TB) *market {
	m := &market{t: t, counts: map[string]int{}, search: map[int][]string{}, pages: map[string]string{},
		handlers: map[string]http.HandlerFunc{}, pngs: map[int][]byte{}, robots: "User-agent: *\nDisallow: /private/\n"}
	m.srv = httptest.NewUnstartedServer(http.HandlerFunc(m.serve))
	return m
}

// start starts the server on 127.0.0.1.
func (m *market) start() *market {
	m.srv.Start()
	m.t.Cleanup(m.srv.Close)
	return m
}

func (m *market) url() string { return m.srv.URL }

func (m *market) count(pathQuery string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.counts[pathQuery]
}

func (m *market) allCounts() map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]int, len(m.counts))
	for k, v := range m.counts {
		out[k] = v
	}
	return out
}

func (m *market) resetCounts() {
	m.mu.Lock()
	m.counts = map[string]int{}
	m.mu.Unlock()
}

func (m *market) serve(w http.ResponseWriter, r *http.Request) {
	key := r.URL.RequestURI()
	m.mu.Lock()
	m.counts[key]++
	m.mu.Unlock()
	if h, ok := m.handlers[r.URL.Path]; ok {
		h(w, r)
		return
	}
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, m.robots)
	case r.URL.Path == "/search":
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		b.WriteString("<html><body>")
		for _, h := range m.search[page] {
			fmt.Fprintf(&b, `<div class="result"><a class="title" href="%s">item</a></div>`, h)
		}
		b.WriteString("</body></html>")
		fmt.Fprint(w, b.String())
	case strings.HasPrefix(r.URL.Path, "/img/"):
		w.Header().Set("Content-Type", "image/png")
		w.Write(m.png(len(r.URL.Path)))
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if html, ok := m.pages[r.URL.Path]; ok {
			fmt.Fprint(w, html)
			return
		}
		fmt.Fprint(w, listingHTML(r.URL.Path, "/img"+r.URL.Path+".png"))
	}
}

// listingHTML is a listing page with the fields demoSite reads.
func listingHTML(path, img string) string {
	id := path[strings.LastIndex(path, "/")+1:]
	return fmt.Sprintf(`<html><head><link rel="canonical" href="%s"></head><body>
<h1 class="title">Listing %s 奥罗拉植物蛋白粉</h1>
<span class="price">¥1,299.00</span>
<div class="shop"><a data-shop-id="shop-%s">Shop %s</a></div>
<div class="gallery"><img src="%s"></div>
<div class="desc">desc %s</div>
</body></html>`, path, id, id, id, img, id)
}

// demoSite is the rule set the market serves.
func demoSite(base string) *rules.Site {
	return &rules.Site{
		Name:    "test-market",
		BaseURL: base,
		Search: rules.Search{
			URL:          "{base}/search?q={query}&page={page}",
			MaxPages:     10,
			ListingLinks: rules.MustParseSelector("div.result a.title@href"),
		},
		Listing: rules.ListingRules{
			ID:         rules.MustParseSelector(`link[rel=canonical]@href | re:/item/(\w+)`),
			Title:      rules.MustParseSelector("h1.title"),
			Price:      rules.MustParseSelector("span.price"),
			SellerID:   rules.MustParseSelector(".shop a@data-shop-id"),
			SellerName: rules.MustParseSelector(".shop a"),
			Images:     rules.MustParseSelector(".gallery img@src"),
			Removed:    rules.MustParseSelector(".offline-notice"),
		},
		Politeness: rules.Politeness{Parallelism: 4, RespectRobotsTxt: true, Timeout: 2 * time.Second,
			Retries: 2, MaxBodyBytes: 64 << 10},
	}
}

// fastRetries shortens backoff so fault tests run quickly.
func fastRetries(c *Crawler) {
	c.backoffBase = 5 * time.Millisecond
	c.backoffMax = 50 * time.Millisecond
	c.retryAfterMax = 2 * time.Second
	c.blockPause = time.Millisecond
}

func testPNG(t testing.TB, seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for y := 0; y < 16; y++ {
		for x := 0; x < 16; x++ {
			img.Set(x, y, color.RGBA{uint8(x * seed), uint8(y * 16), uint8(seed), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngBomb is a PNG whose header claims 40000x40000 pixels.
func pngBomb() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 40000)
	binary.BigEndian.PutUint32(ihdr[4:], 40000)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// collector is a sink that records pages.
type collector struct {
	mu    sync.Mutex
	pages []*Page
}

func (c *collector) sink(_ context.Context, p *Page) error {
	c.mu.Lock()
	c.pages = append(c.pages, p)
	c.mu.Unlock()
	return nil
}

func (c *collector) ids() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, p := range c.pages {
		out = append(out, p.Listing.ID)
	}
	sort.Strings(out)
	return out
}

func (c *collector) byID(id string) *Page {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.pages {
		if p.Listing.ID == id {
			return p
		}
	}
	return nil
}
